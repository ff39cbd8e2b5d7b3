"""The ``jmqa`` command: index, ask, search, paragraphs, eval, serve.

Exit codes: 0 success (a plain "the statement does not address this" is a success), 1 the index or
a model is unusable, 2 bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from jmqa import _offline  # noqa: F401
from jmqa.answer import CAUTION, Answer, Quote
from jmqa.document import (
    CLOSING,
    PREAMBLE,
    UNTITLED_SECTION,
    Document,
    Paragraph,
    PassageKey,
    heading,
    label,
    load_statement,
)
from jmqa.errors import (
    DocumentParseError,
    InvalidArgumentError,
    InvalidQuestionError,
    JmqaError,
    UnknownStatementError,
)
from jmqa.question import clean_question
from jmqa.retrieval import Hit

_MARK_LEGEND = "⟦…⟧ marks the sentence that answers the question."
# Under the caution ("not sure the statement answers exactly this") the mark cannot claim more.
_MARK_LEGEND_CAUTIOUS = "⟦…⟧ marks the sentence closest to the question."


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        with warnings_to_stderr():
            return int(args.run(args) or 0)
    except (InvalidQuestionError, InvalidArgumentError, DocumentParseError, UnknownStatementError) as exc:
        print(f"jmqa: error: {exc}", file=sys.stderr)
        return 2
    except JmqaError as exc:
        print(f"jmqa: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("jmqa: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `jmqa ask ... | head`: the reader left, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


@contextlib.contextmanager
def warnings_to_stderr() -> Iterator[None]:
    """Show jmqa's warnings (such as "rebuilding the index because ...") on stderr meanwhile."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("jmqa: %(message)s"))
    logger = logging.getLogger("jmqa")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jmqa",
        description=(
            "Ask questions of a numbered joint statement (by default the shipped Japan-Malaysia "
            "Joint Statement of 10 June 2026; `jmqa add` adds others) and get the relevant "
            "numbered paragraphs quoted verbatim, or a plain 'the statement does not address this'."
        ),
        epilog='Example: jmqa ask "What did they agree on critical minerals?"',
    )
    parser.add_argument(
        "--index-dir", type=Path, default=None,
        help="where the index lives (default: $JMQA_INDEX_DIR, else index/ of a source checkout, else ~/.cache/jmqa/index; `jmqa index --where` prints it)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("index", help="build or rebuild the search index (shows progress)",
                       description="Embed the statement (the shipped one, or --statement ID of "
                       "the library) and write its FAISS index atomically.")
    p.add_argument("--check", action="store_true",
                   help="only check the existing index against the corpus and models; build nothing")
    p.add_argument("--where", action="store_true",
                   help="only print the folder the index lives in (for an installed package: "
                   "~/.cache/jmqa/index); build nothing")
    _statement_options(p)
    p.set_defaults(run=cmd_index)

    p = sub.add_parser("add", help="add a statement to the library (parse, check, index)",
                       description="Parse FILE, check it, index it (with progress) and add it to "
                       "the statement library in $JMQA_HOME. The same text twice is a no-op; a "
                       "file that does not parse changes nothing and names its line.")
    p.add_argument("file", type=Path, help="the statement as plain UTF-8 text")
    p.add_argument("--id", default=None, dest="statement_id",
                   help="its id (default: a slug of its title and date)")
    p.add_argument("--glossary", type=Path, default=None, metavar="PATH",
                   help="its glossary (lang<TAB>term<TAB>statement term a line, as "
                   "src/jmqa/data/glossary.tsv; default: FILE.glossary.tsv beside FILE, if any)")
    p.set_defaults(run=cmd_add)

    p = sub.add_parser("list", help="list the statements in the library",
                       description="List the statements: id, date, paragraphs, title.")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list of {id, title, date, paragraphs}")
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("remove", help="remove a statement from the library",
                       description="Remove statement ID and the files jmqa wrote for it. The "
                       "shipped statement cannot be removed.")
    p.add_argument("statement_id", metavar="ID")
    p.set_defaults(run=cmd_remove)

    p = sub.add_parser("ask", help="answer a question with quoted paragraphs",
                       description="Quote the paragraphs that answer QUESTION, the answering "
                       "sentence marked, or say that the statement does not address it.")
    p.add_argument("question", help="the question, in quotes")
    p.add_argument("--k", type=int, default=3, metavar="N",
                   help="quote at most N paragraphs (1 to the paragraph count; default 3)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--no-build", action="store_true",
                   help="fail instead of rebuilding a missing, stale or corrupt index")
    _statement_options(p, everywhere=True)
    p.set_defaults(run=cmd_ask)

    p = sub.add_parser("search", help="rank paragraphs for a query (no answer logic)",
                       description="Print the K best paragraphs for QUERY with their fused scores.")
    p.add_argument("query")
    p.add_argument("--k", type=int, default=5, metavar="N", help="how many paragraphs (1 to the paragraph count; default 5)")
    p.add_argument("--retriever", default="default",
                   help="configuration: bm25, minilm, minilm+sent, e5, rrf, default")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-build", action="store_true", help="fail instead of rebuilding the index")
    _statement_options(p, everywhere=True)
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("paragraphs", help="print the statement, or one paragraph",
                       description="Print the whole statement by section, or paragraph N "
                       "(or the preamble or closing block: N is 'preamble' or 'closing').")
    p.add_argument("number", nargs="?", type=_passage_key, metavar="N",
                   help="a paragraph number, 'preamble' or 'closing'")
    p.add_argument("--json", action="store_true", help="print JSON")
    _statement_options(p)
    p.set_defaults(run=cmd_paragraphs)

    p = sub.add_parser("eval", help="score retrieval and answers on a Q&A set, write a report",
                       description="Run the eval harness (see eval/README.md).")
    p.add_argument("--qa", type=Path, default=None, help="Q&A file (JSONL; default eval/qa.jsonl)")
    p.add_argument("--retriever", action="append", default=None,
                   help="configuration(s) to compare (repeatable; default: all)")
    p.add_argument("--split", choices=["dev", "test", "all"], default="test",
                   help="which split to score (default: test)")
    p.add_argument("--out", type=Path, default=None, help="report folder (default eval/reports)")
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples for CIs")
    p.add_argument("--robustness", action="store_true",
                   help="also rewrite every item (typos, lower case, ...) and report what holds")
    p.add_argument("--no-glossary", action="store_true",
                   help="also score without the glossary and report the difference (ablation)")
    _statement_options(p)
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("serve", help="start the web UI (Gradio) on 127.0.0.1:7860",
                       description="Start the chat UI. Binds to 127.0.0.1 unless --host says otherwise.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.set_defaults(run=cmd_serve)
    return parser


def _statement_options(p: argparse.ArgumentParser, everywhere: bool = False) -> None:
    which = p.add_mutually_exclusive_group()
    which.add_argument("--statement", default=None, metavar="ID",
                       help="which statement of the library (`jmqa list`; default: the shipped one)")
    if everywhere:
        which.add_argument("--all", action="store_true", dest="all_statements",
                           help="search every statement of the library")


def _passage_key(value: str) -> PassageKey:
    if value in (PREAMBLE, CLOSING):
        return value  # type: ignore[return-value]
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a paragraph number, 'preamble' or 'closing'"
        ) from None


def _document(args: argparse.Namespace) -> Document:
    """The statement ``--statement`` names (the shipped one by default), parsed."""
    if args.statement is None:
        return load_statement()
    from jmqa.store import Store

    store = Store()
    return store.document(store.get(args.statement))


def _load(args: argparse.Namespace):
    from jmqa.qa import load

    # --index-dir is where the shipped statement's index lives; a library statement has its own.
    index_dir = args.index_dir if args.statement is None else None
    return load(index_dir, statement=args.statement, build_if_needed=not getattr(args, "no_build", False),
                progress=_progress)


def _library(args: argparse.Namespace):
    from jmqa.library import Library

    return Library(build_if_needed=not args.no_build)


def _check_k(args: argparse.Namespace) -> None:
    if getattr(args, "all_statements", False):
        if args.k < 1:
            raise InvalidArgumentError(f"--k must be 1 or more, not {args.k}")
        return
    count = len(_document(args).paragraphs)
    if not 1 <= args.k <= count:
        raise InvalidArgumentError(f"--k must be from 1 to {count} (the statement has {count} paragraphs), not {args.k}")


def _progress(stage: str, done: int, total: int) -> None:
    width = 24
    filled = width * done // max(total, 1)
    end = "\n" if done >= total else ""
    print(f"\r  {stage:<24} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}",
          end=end, file=sys.stderr, flush=True)


def cmd_index(args: argparse.Namespace) -> int:
    from jmqa.embedders import EMBEDDER_NAMES, model_card
    from jmqa.index import check_index_folder, load_index
    from jmqa.qa import build, default_index_dir

    document, folder = load_statement(), args.index_dir or default_index_dir()
    known: list[Path] = []  # indexes whose query encoder export need not be checked again
    if args.statement is not None:
        from jmqa.store import Store

        if args.index_dir is not None:
            raise InvalidArgumentError(
                "--index-dir is where the shipped statement's index lives; a statement of the "
                "library keeps its own (`jmqa index --statement ID --where` prints it)"
            )
        store = Store()
        entry = store.get(args.statement)
        document, folder = store.document(entry), store.index_dir(entry) or folder
        known = [default_index_dir()]  # as `jmqa add` does
    if args.where:
        print(Path(folder).resolve())
        return 0
    if not args.check:
        check_index_folder(folder)  # refuse a folder that is not jmqa's before loading models
    if args.check:
        load_index(folder, document, [model_card(n) for n in EMBEDDER_NAMES])
        print(f"index at {folder} is up to date")
        return 0
    print(f"building the index into {folder} ...", file=sys.stderr)
    index = build(folder, progress=_progress, statement=args.statement, known_indexes=known)
    counts = ", ".join(
        f"{name}: {m.vectors.ntotal} vectors ({m.info['windows']} windows, {m.info['sentences']} sentences)"
        for name, m in index.models.items()
    )
    print(f"index written to {folder} ({counts})")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from jmqa.qa import default_index_dir
    from jmqa.store import GLOSSARY_SUFFIX, Store, glossary_file

    store = Store()
    print(f"adding {args.file} to the library at {store.home} ...", file=sys.stderr)
    result = store.add(
        args.file, args.statement_id, progress=_progress, glossary=args.glossary,
        known_indexes=[default_index_dir()],
    )
    doc, entry = result.document, result.entry
    if not result.added:
        print(f"already in the library as {entry.ref.id!r}: nothing to do")
        return 0
    print(describe(doc, entry.ref.id))
    source = glossary_file(args.file, args.glossary)
    entries = store.glossary(entry)
    beside = Path(args.file).with_suffix(GLOSSARY_SUFFIX).name
    print(f"  glossary:   {len(entries.entries)} entries from {source}" if source and entries
          else f"  glossary:   none (no {beside} beside the file)")
    return 0


def describe(doc: Document, statement_id: str) -> str:
    """What ``jmqa add`` understood of a statement, for the person to check."""
    lines = [
        f"added {statement_id!r}",
        f"  title:      {doc.title}" + (f" — {doc.subtitle}" if doc.subtitle else ""),
        f"  date:       {doc.date_text or '(none found)'}" + (f", {doc.place}" if doc.place else ""),
        f"  paragraphs: {len(doc.paragraphs)} (¶1-¶{len(doc.paragraphs)})",
        f"  sections:   {len(doc.sections)}",
    ]
    lines += [f"    ¶{ps[0].number:<3} {_section(heading)}" for heading, ps in doc.sections]
    lines.append(f"  preamble:   {len(doc.preamble)} unnumbered paragraph(s) before ¶1")
    lines += [f"    {textwrap.shorten(block.text, 90)}" for block in doc.preamble]
    lines.append(f"  closing:    {len(doc.closing)} line(s) after ¶{len(doc.paragraphs)} (signature block)")
    lines += [f"    {textwrap.shorten(line, 90)}" for line in doc.closing]
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace) -> int:
    from jmqa.store import Store

    entries = Store().entries()
    if args.json:
        print(json.dumps([e.to_json() for e in entries], ensure_ascii=False, indent=2))
        return 0
    width = max(len(e.ref.id) for e in entries)
    for e in entries:
        mark = "  (shipped, default)" if e.shipped else ""
        print(f"{e.ref.id:<{width}}  {e.ref.date.isoformat() if e.ref.date else '':<10}  {e.paragraphs:>3} ¶  {e.ref.title}{mark}")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    from jmqa.store import Store

    entry = Store().remove(args.statement_id)
    print(f"removed {entry.ref.id!r} ({entry.ref.title}, {entry.ref.date_text})")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    question = clean_question(args.question)  # fail fast, before loading any model
    _check_k(args)
    if args.all_statements:
        answer = _library(args).ask(question, max_quotes=args.k)
    else:
        answer = _load(args).ask(question)
    answer = replace(answer, quotes=answer.quotes[: args.k])
    if args.json:
        print(json.dumps(answer_to_json(answer), ensure_ascii=False, indent=2))
    else:
        print(format_answer(answer, color=_use_color()))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from jmqa.retrieval import config_named

    query = clean_question(args.query)
    _check_k(args)
    config_named(args.retriever)  # fail fast, before loading any model
    if args.all_statements:
        if args.retriever != "default":
            raise InvalidArgumentError("--all ranks with the default retriever only")
        hits = _library(args).search(query, k=args.k)
    else:
        hits = _load(args).search(query, k=args.k, retriever=args.retriever)
    if args.json:
        print(json.dumps([_hit_json(h) for h in hits], ensure_ascii=False, indent=2))
        return 0
    for rank, hit in enumerate(hits, start=1):
        where = f"  [{hit.statement.id}]" if args.all_statements and hit.statement else ""
        print(f"{rank:>2}. {label(hit.paragraph):<4} {hit.score:7.3f}  {_section(hit.section)}{where}")
        print(textwrap.indent(textwrap.fill(hit.text[:200] + ("…" if len(hit.text) > 200 else ""), 96), "      "))
    return 0


def cmd_paragraphs(args: argparse.Namespace) -> int:
    doc = _document(args)
    if args.number is not None:
        try:
            paragraphs = [doc.paragraph(args.number)]
        except KeyError as exc:
            raise InvalidArgumentError(exc.args[0]) from None
    else:
        paragraphs = list(doc.reading_order)
    if args.json:
        print(json.dumps([{"paragraph": p.number, "section": p.heading, "text": p.text}
                          for p in paragraphs], ensure_ascii=False, indent=2))
        return 0
    if args.number is None:
        print(f"{doc.title}\n{doc.date_text}, {doc.place}\n")
    section = None
    for p in paragraphs:
        if isinstance(p.number, int) and p.heading != section and args.number is None:
            section = p.heading
            print(f"== {_section(p.heading)} ==\n")
        print(_format_paragraph(p, doc))
        print()
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from jmqa.evaluation.cli import main as run_eval

    return run_eval(args)


def cmd_serve(args: argparse.Namespace) -> int:
    from jmqa.ui import serve

    serve(host=args.host, port=args.port, index_dir=args.index_dir)
    return 0


# --- formatting -------------------------------------------------------------------------------


def _section(section: str) -> str:
    return section or UNTITLED_SECTION


def _format_paragraph(p: Paragraph, doc: Document) -> str:
    return f"{heading(p.number, p.heading)}\n" + textwrap.indent(textwrap.fill(p.text, 96), "  ")


def _use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def format_answer(answer: Answer, color: bool = False) -> str:
    """Readable text: ¶ number, section, verbatim text with the answering sentence marked."""
    if not answer.found:
        message = textwrap.fill(answer.message, 96)
        if not answer.nearest:  # "What does ¶40 say?", "How many paragraphs does it have?"
            return message
        nearest = ", ".join(label(n) for n in answer.nearest)
        return (f"{message}\n"
                f"(Nearest paragraphs, which do not answer it: {nearest}. "
                f"See them with `jmqa paragraphs N`.)")
    blocks = []
    marked_any = False
    for quote in answer.quotes:
        text, cursor, parts = quote.text, 0, []
        for span in quote.highlights:
            parts.append(text[cursor : span.start])
            sentence = text[span.start : span.end]
            parts.append(f"\x1b[1;4m{sentence}\x1b[0m" if color else f"⟦{sentence}⟧")
            cursor = span.end
            marked_any = True
        parts.append(text[cursor:])
        body = "".join(parts)
        wrapped = body if color else textwrap.fill(body, 96)
        blocks.append(
            f"{heading(quote.paragraph, quote.section)}\n{textwrap.indent(wrapped, '  ')}\n"
            f"  — {_citation(quote)}"
        )
    for mention in answer.mentions:
        where = ", ".join(label(n) for n in mention.passages)
        blocks.append(f"“{mention.phrase}” is also in {where}: see `jmqa paragraphs {mention.passages[0]}`.")
    if marked_any and not color:
        blocks.append(_MARK_LEGEND_CAUTIOUS if answer.message == CAUTION else _MARK_LEGEND)
    if answer.message:
        blocks.insert(0, textwrap.fill(answer.message, 96))
    return "\n\n".join(blocks)


def _citation(quote: Quote) -> str:
    """"Title, date, ¶N" of the statement the quote comes from."""
    return quote.statement.citation(quote.paragraph) if quote.statement else load_statement().citation(quote.paragraph)


def _hit_json(hit: Hit) -> dict:
    return {**{k: v for k, v in vars(hit).items() if k != "statement"},
            "statement": hit.statement.to_json() if hit.statement else None}


def answer_to_json(answer: Answer) -> dict:
    return {
        "question": answer.question,
        "found": answer.found,
        "confidence": round(answer.confidence, 4),
        "message": answer.message,
        "nearest": list(answer.nearest),
        "mentions": [{"phrase": m.phrase, "passages": list(m.passages)} for m in answer.mentions],
        "quotes": [
            {
                "paragraph": q.paragraph,
                "section": q.section,
                "text": q.text,
                "highlights": [[s.start, s.end] for s in q.highlights],
                "highlighted": q.highlighted,
                "citation": _citation(q),
                "statement": q.statement.to_json() if q.statement else None,
            }
            for q in answer.quotes
        ],
    }


if __name__ == "__main__":
    raise SystemExit(main())
