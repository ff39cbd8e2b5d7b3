"""Which glossary rows earn their place: a row-by-row ablation on the tuning questions.

    python eval/prune_glossary.py [--write]

The tuning questions are the dev split of eval/qa.jsonl, eval/dev-ja-ms.jsonl and the read
hold-outs (``tune.READ_HOLDOUTS``); the test split, the unread hold-outs and the second
statement's sets are never read. A question is answered well when the statement answers it and
jmqa quotes a gold paragraph first, or when it does not and jmqa refuses.

Each shipped row that matches at least one tuning question is taken out, and those questions are
asked again. A row goes when every one of them is still answered as well: the search models,
spelling and the statement's own acronyms already reach it. Rows are judged one at a time against
the glossary without the rows already gone, so two rows that stand in for each other do not both
go. A row no tuning question uses is kept and counted: nothing has measured it either way.

With ``--write`` the rows that go are deleted from src/jmqa/data/glossary*.tsv (comments and
every other line kept). Refit the calibration afterwards (``python eval/tune.py --write``): the
refusal model reads the glossary's coverage of a question.

Measured on 2026-11-30 (1936a12): of 1,187 rows, 70 are needed, 228 "replaced" and 889 used by
no tuning question. Deleting the 228 left dev as it was (hit@1 0.962 -> 0.964, F1 0.854 -> 0.860)
but cost the unread test split 4.5 points of hit@1 (0.944 -> 0.899), F1 0.949 -> 0.875 and 5.6%
of its answerable questions refused: on questions it has not seen, general machinery does not
replace them. So the shipped glossary was not pruned; rerun this after a change that should
make rows redundant, and check the test split before keeping a pruning.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from tune import READ_HOLDOUTS  # eval/tune.py, beside this file

import jmqa
from jmqa.evaluation import QAItem, load_items
from jmqa.glossary import GLOSSARY_FILES, Glossary
from jmqa.lexical import Lexicon

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "jmqa" / "data"
Row = tuple[str, str, str]


def tuning_items() -> list[QAItem]:
    items = [i for i in load_items(ROOT / "eval" / "qa.jsonl") if i.split == "dev"]
    items += [i for i in load_items(ROOT / "eval" / "dev-ja-ms.jsonl") if i.split == "dev"]
    return items + [i for path in READ_HOLDOUTS for i in load_items(path)]


def answered_well(qa: jmqa.QA, item: QAItem) -> bool:
    answer = qa.ask(item.question)
    if not item.gold:
        return not answer.found
    return answer.found and answer.quotes[0].paragraph in item.gold


def use_glossary(qa: jmqa.QA, rows: Sequence[Row]) -> None:
    """Point every stage of ``qa`` that reads the glossary at one made of ``rows``."""
    lexicon = Lexicon(qa.document, Glossary(tuple(rows)))
    qa.lexicon = qa.retriever.lexicon = qa.answerer.lexicon = lexicon


def prune(qa: jmqa.QA, items: Sequence[QAItem]) -> tuple[list[Row], list[Row], list[Row]]:
    """(rows kept because a question needs them, rows that go, rows no question uses)."""
    rows = list(Glossary.load().entries)
    users = {row: [i for i in items if Glossary((row,)).matches(i.question)] for row in rows}
    kept = list(rows)
    needed, gone = [], []
    for row in rows:
        if not users[row]:
            continue
        use_glossary(qa, kept)
        before = [answered_well(qa, i) for i in users[row]]
        without = [r for r in kept if r != row]
        use_glossary(qa, without)
        after = [answered_well(qa, i) for i in users[row]]
        if all(a or not b for a, b in zip(after, before)):
            gone.append(row)
            kept = without
        else:
            needed.append(row)
    unused = [row for row in rows if not users[row]]
    return needed, gone, unused


def write_without(gone: Sequence[Row], folder: Path = DATA) -> None:
    """Delete the ``gone`` rows from the glossary files in ``folder``, atomically, keeping every
    other line."""
    drop = set(gone)
    for name in GLOSSARY_FILES:
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [
            line for line in lines
            if line.startswith("#") or tuple(f.strip() for f in line.split("\t")) not in drop
        ]
        tmp = path.with_suffix(".tsv.tmp")
        tmp.write_text("".join(kept), encoding="utf-8")
        tmp.replace(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="delete the rows that go from the glossary files")
    args = parser.parse_args()
    items = tuning_items()
    needed, gone, unused = prune(jmqa.load(), items)
    total = len(needed) + len(gone) + len(unused)
    print(f"{total} rows; {len(items)} tuning questions")
    print(f"  {len(needed)} rows needed: without each, a question it matches is answered worse")
    print(f"  {len(gone)} rows replaced by general machinery: without each, no question it matches is worse")
    print(f"  {len(unused)} rows no tuning question uses (kept, unmeasured)")
    for lang, term, english in gone:
        print(f"    goes: {lang}\t{term}\t{english}")
    if args.write:
        write_without(gone)
        print(f"removed {len(gone)} rows from {', '.join(GLOSSARY_FILES)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
