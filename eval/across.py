"""Questions asked of the whole library (`jmqa ask --all`): is the answer the right statement's?

    python eval/across.py [--home DIR] [--sets DIR]

Every question of the read Q&A sets is asked of a library of distinct statements: the shipped
one, and the real and invented statements of tests/data/statements, added to a throwaway
$JMQA_HOME (or to ``--home``, reused if it holds them; a minute or two the first time). Each set
was written for one statement; the answer is counted by where its first quote comes from:

- answerable: that statement, a gold paragraph first; that statement, another paragraph;
  **another statement**; or refused;
- not answerable: refused; quoted from that statement; or **quoted from another statement**.

Another statement is not always wrong for a question that names no party ("What do they say
about cyber threats?" is answered by several), but is wrong for one that names the set's parties
or asks what no statement says. The sets are those whose failures have been read (the dev split
and the hold-outs the refusal model is fitted on; the second statement's sets A-E), so this
measures the library's routing, not how fresh questions are answered; no number is fitted on it.

``--sets DIR`` asks the sets in DIR instead, each named for the statement it was written for (the
stem of its file in tests/data/statements, or the shipped statement's id), counted by tag; such as
eval/across-2026-12-02 and eval/across-2026-12-02b, written blind for the library: questions that
name a statement's parties or occasion ("named"), name them and ask what their statement never
says ("unanswerable"), or name parties of no statement in the library ("otherparties").
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
from pathlib import Path

from tune import READ_HOLDOUTS  # eval/tune.py, beside this file

ROOT = Path(__file__).resolve().parents[1]
SECOND = "united-states-india-joint-leaders-statement-2025-02-13"
SECOND_SETS = [ROOT / "eval" / f"us-india-2025-02-13-qa{s}.jsonl" for s in ("", "-b", "-c", "-d", "-e")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, help="a $JMQA_HOME to fill (or reuse) instead of a throwaway one")
    parser.add_argument("--sets", type=Path, help="ask the sets in DIR, one per statement (see above)")
    args = parser.parse_args()
    os.environ["JMQA_HOME"] = str(args.home or tempfile.mkdtemp(prefix="jmqa-across-"))

    import jmqa
    from jmqa import _threads
    from jmqa.evaluation import load_items
    from jmqa.qa import default_index_dir
    from jmqa.store import Store

    store = Store()
    ids = {}  # file stem -> statement id
    for path in sorted((ROOT / "tests" / "data" / "statements").glob("*.txt")):
        added = store.add(path, known_indexes=[default_index_dir()])  # a no-op if it is there
        ids[path.stem] = added.entry.ref.id
        if added.added:
            print(f"added {path.name}", file=sys.stderr, flush=True)
    library = jmqa.Library()
    shipped = ids[library.statements[0].id] = library.statements[0].id
    print(f"library: {len(library.statements)} statements ({', '.join(s.id for s in library.statements)})")

    if args.sets:
        sets = [(ids.get(p.stem, ""), p, None) for p in sorted(args.sets.glob("*.jsonl"))]
        unknown = [p.name for statement, p, _ in sets if not statement]
        if unknown or not sets:
            raise SystemExit(
                f"{args.sets}: {', '.join(unknown) or 'no .jsonl file'}: name each set STEM.jsonl after its "
                f"statement, STEM one of: {', '.join(sorted(ids))}"
            )
    else:
        sets = [(shipped, ROOT / "eval" / "qa.jsonl", "dev"), *((shipped, p, None) for p in READ_HOLDOUTS),
                *((SECOND, p, None) for p in SECOND_SETS)]
    tallies: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)

    def ask_all() -> None:
        for statement, path, split in sets:
            for item in load_items(path):
                if split and item.split != split:
                    continue
                answer = library.ask(item.question)
                first = answer.quotes[0] if answer.found and answer.quotes else None
                if first is None:
                    where = "refused"
                elif first.statement is None or first.statement.id != statement:
                    where = "another statement"
                elif item.gold:
                    where = "own, gold first" if first.paragraph in item.gold else "own, other paragraph"
                else:
                    where = "own"
                kind = item.tag if args.sets else "answerable" if item.gold else "not answerable"
                tallies[f"{statement} {kind}"][where] += 1

    _threads.on_model_thread(ask_all)
    for key, tally in sorted(tallies.items()):
        total = sum(tally.values())
        shares = ", ".join(f"{where} {n} ({n / total:.1%})" for where, n in tally.most_common())
        print(f"{key} ({total}): {shares}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
