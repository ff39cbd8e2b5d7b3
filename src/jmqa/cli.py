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
from pathlib import Path

from jmqa import _offline  # noqa: F401
from jmqa.answer import Answer
from jmqa.document import Document, Paragraph, load_statement
from jmqa.errors import InvalidArgumentError, InvalidQuestionError, JmqaError
from jmqa.question import clean_question

_MARK_LEGEND = "⟦…⟧ marks the sentence that answers the question."


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        with warnings_to_stderr():
            return int(args.run(args) or 0)
    except (InvalidQuestionError, InvalidArgumentError) as exc:
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
            "Ask questions of the Japan-Malaysia Joint Statement (10 June 2026) and get the "
            "relevant numbered paragraphs quoted verbatim, or a plain 'the statement does not "
            "address this'."
        ),
        epilog='Example: jmqa ask "What did they agree on critical minerals?"',
    )
    parser.add_argument(
        "--index-dir", type=Path, default=None,
        help="where the index lives (default: $JMQA_INDEX_DIR, else index/ of a source checkout, else ~/.cache/jmqa/index; `jmqa index --where` prints it)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("index", help="build or rebuild the search index (shows progress)",
                       description="Embed the statement and write the FAISS index atomically.")
    p.add_argument("--check", action="store_true",
                   help="only check the existing index against the corpus and models; build nothing")
    p.add_argument("--where", action="store_true",
                   help="only print the folder the index lives in (for an installed package: "
                   "~/.cache/jmqa/index); build nothing")
    p.set_defaults(run=cmd_index)

    p = sub.add_parser("ask", help="answer a question with quoted paragraphs",
                       description="Quote the paragraphs that answer QUESTION, the answering "
                       "sentence marked, or say that the statement does not address it.")
    p.add_argument("question", help="the question, in quotes")
    p.add_argument("--k", type=int, default=3, metavar="N",
                   help="quote at most N paragraphs (1-27, default 3)")
    p.add_argument("--json", action="store_true", help="print the answer as JSON")
    p.add_argument("--no-build", action="store_true",
                   help="fail instead of rebuilding a missing, stale or corrupt index")
    p.set_defaults(run=cmd_ask)

    p = sub.add_parser("search", help="rank paragraphs for a query (no answer logic)",
                       description="Print the K best paragraphs for QUERY with their fused scores.")
    p.add_argument("query")
    p.add_argument("--k", type=int, default=5, metavar="N", help="how many paragraphs (1-27, default 5)")
    p.add_argument("--retriever", default="default",
                   help="configuration: bm25, minilm, minilm+sent, e5, rrf, default")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--no-build", action="store_true", help="fail instead of rebuilding the index")
    p.set_defaults(run=cmd_search)

    p = sub.add_parser("paragraphs", help="print the statement, or one paragraph",
                       description="Print the whole statement by section, or paragraph N.")
    p.add_argument("number", nargs="?", type=int, help="paragraph number (1-27)")
    p.add_argument("--json", action="store_true", help="print JSON")
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
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("serve", help="start the web UI (Gradio) on 127.0.0.1:7860",
                       description="Start the chat UI. Binds to 127.0.0.1 unless --host says otherwise.")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    p.set_defaults(run=cmd_serve)
    return parser


def _load(args: argparse.Namespace):
    from jmqa.qa import load

    return load(args.index_dir, build_if_needed=not getattr(args, "no_build", False),
                progress=_progress)


def _check_k(k: int) -> None:
    count = len(load_statement().paragraphs)
    if not 1 <= k <= count:
        raise InvalidArgumentError(f"--k must be from 1 to {count} (the statement has {count} paragraphs), not {k}")


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

    folder = args.index_dir or default_index_dir()
    if args.where:
        print(Path(folder).resolve())
        return 0
    if not args.check:
        check_index_folder(folder)  # refuse a folder that is not jmqa's before loading models
    if args.check:
        load_index(folder, load_statement(), [model_card(n) for n in EMBEDDER_NAMES])
        print(f"index at {folder} is up to date")
        return 0
    print(f"building the index into {folder} ...", file=sys.stderr)
    index = build(folder, progress=_progress)
    counts = ", ".join(
        f"{name}: {m.vectors.ntotal} vectors ({m.info['windows']} windows, {m.info['sentences']} sentences)"
        for name, m in index.models.items()
    )
    print(f"index written to {folder} ({counts})")
    return 0


def cmd_ask(args: argparse.Namespace) -> int:
    question = clean_question(args.question)  # fail fast, before loading any model
    _check_k(args.k)
    qa = _load(args)
    answer = qa.ask(question)
    answer = Answer(answer.question, answer.found, answer.quotes[: args.k], answer.confidence,
                    answer.nearest, answer.message)
    if args.json:
        print(json.dumps(answer_to_json(answer), ensure_ascii=False, indent=2))
    else:
        print(format_answer(answer, color=_use_color()))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from jmqa.retrieval import config_named

    query = clean_question(args.query)
    _check_k(args.k)
    config_named(args.retriever)  # fail fast, before loading any model
    qa = _load(args)
    hits = qa.search(query, k=args.k, retriever=args.retriever)
    if args.json:
        print(json.dumps([h.__dict__ for h in hits], ensure_ascii=False, indent=2))
        return 0
    for rank, hit in enumerate(hits, start=1):
        print(f"{rank:>2}. ¶{hit.paragraph:<3} {hit.score:7.3f}  {_section(hit.section)}")
        print(textwrap.indent(textwrap.fill(hit.text[:200] + ("…" if len(hit.text) > 200 else ""), 96), "      "))
    return 0


def cmd_paragraphs(args: argparse.Namespace) -> int:
    doc = load_statement()
    if args.number is not None:
        try:
            paragraphs = [doc.paragraph(args.number)]
        except KeyError as exc:
            raise InvalidArgumentError(exc.args[0]) from None
    else:
        paragraphs = list(doc.paragraphs)
    if args.json:
        print(json.dumps([{"paragraph": p.number, "section": p.section, "text": p.text}
                          for p in paragraphs], ensure_ascii=False, indent=2))
        return 0
    if args.number is None:
        print(f"{doc.title}\n{doc.date_text}, {doc.place}\n")
    section = None
    for p in paragraphs:
        if p.section != section and args.number is None:
            section = p.section
            print(f"== {_section(p.section)} ==\n")
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
    return section or "Opening paragraphs (no heading)"


def _format_paragraph(p: Paragraph, doc: Document) -> str:
    return f"¶{p.number} · {_section(p.section)}\n" + textwrap.indent(textwrap.fill(p.text, 96), "  ")


def _use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def format_answer(answer: Answer, color: bool = False) -> str:
    """Readable text: ¶ number, section, verbatim text with the answering sentence marked."""
    if not answer.found:
        if not answer.nearest:  # "What does ¶40 say?"
            return answer.message
        nearest = ", ".join(f"¶{n}" for n in answer.nearest)
        return (f"{answer.message}\n"
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
            f"¶{quote.paragraph} · {_section(quote.section)}\n{textwrap.indent(wrapped, '  ')}\n"
            f"  — {load_statement().citation(quote.paragraph)}"
        )
    if marked_any and not color:
        blocks.append(_MARK_LEGEND)
    if answer.message:
        blocks.insert(0, textwrap.fill(answer.message, 96))
    return "\n\n".join(blocks)


def answer_to_json(answer: Answer) -> dict:
    return {
        "question": answer.question,
        "found": answer.found,
        "confidence": round(answer.confidence, 4),
        "message": answer.message,
        "nearest": list(answer.nearest),
        "quotes": [
            {
                "paragraph": q.paragraph,
                "section": q.section,
                "text": q.text,
                "highlights": [[s.start, s.end] for s in q.highlights],
                "highlighted": q.highlighted,
                "citation": load_statement().citation(q.paragraph),
            }
            for q in answer.quotes
        ],
    }


if __name__ == "__main__":
    raise SystemExit(main())
