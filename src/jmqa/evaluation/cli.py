"""``jmqa eval``: validate the Q&A file, score it, write the report."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from jmqa.evaluation.ablation import glossary_ablation
from jmqa.evaluation.dataset import (
    QAFileError,
    default_qa_path,
    item_problems,
    load_items,
    repo_root,
    set_problems,
)
from jmqa.evaluation.report import environment, headline_table, write_report
from jmqa.evaluation.robustness import run_robustness
from jmqa.evaluation.runner import run_eval
from jmqa.evaluation.stats import DEFAULT_SEED


def _stderr_progress(stage: str, done: int, total: int) -> None:
    width = len(str(total))
    end = "\n" if done >= total else ""
    print(f"\r[{done:>{width}}/{total}] {stage}", end=end, file=sys.stderr, flush=True)


def main(args: argparse.Namespace) -> int:
    """``jmqa eval``: validate the Q&A file, score it, write the report. Exit 2 on a bad file."""
    qa_path = Path(args.qa) if args.qa is not None else default_qa_path()
    statement = getattr(args, "statement", None)  # a library id; None is the shipped statement
    own_set = qa_path.resolve() == default_qa_path().resolve() and statement is None
    out = Path(args.out) if args.out is not None else repo_root() / "eval" / "reports"
    if args.bootstrap < 0:
        print("jmqa eval: --bootstrap must be 0 or more", file=sys.stderr)
        return 2
    from jmqa.retrieval import CONFIGS

    unknown = [n for n in args.retriever or [] if n not in CONFIGS]
    if unknown:
        print(f"jmqa eval: unknown retriever(s) {', '.join(unknown)}; choose from "
              f"{', '.join(CONFIGS)}", file=sys.stderr)
        return 2
    if not qa_path.exists():
        print(f"jmqa eval: no Q&A file at {qa_path}", file=sys.stderr)
        return 2
    try:
        items = load_items(qa_path)
    except QAFileError as exc:
        return _refuse(qa_path, exc.problems)
    from jmqa.store import resolve

    document = resolve(statement, Path())[0]  # (the index folder is load()'s business)
    problems = item_problems(items, document)
    if problems:
        return _refuse(qa_path, problems)
    # The set-level rules bind our own set only; a shortfall is reported, not fatal.
    shortfalls = set_problems(items, document) if own_set else []
    for p in shortfalls:
        print(f"jmqa eval: warning: {p}", file=sys.stderr)
    chosen = [i for i in items if args.split == "all" or i.split == args.split]
    if not chosen:
        print(f"jmqa eval: {qa_path} has no items in split {args.split!r} "
              f"(items without a split count as test)", file=sys.stderr)
        return 2
    retrievers = list(dict.fromkeys(args.retriever)) if args.retriever else list(CONFIGS)

    from jmqa.qa import load

    print(f"jmqa eval: {len(chosen)} items ({args.split}) from {qa_path}, retrievers "
          f"{', '.join(retrievers)}", file=sys.stderr)
    index_dir = getattr(args, "index_dir", None) if statement is None else None
    qa = load(index_dir, statement=statement, progress=_stderr_progress)
    result = run_eval(qa, chosen, retrievers, args.bootstrap, DEFAULT_SEED,
                      progress=_stderr_progress)
    if getattr(args, "robustness", False):
        result = replace(result, robustness=run_robustness(qa, chosen, DEFAULT_SEED,
                                                           progress=_stderr_progress))
    if getattr(args, "no_glossary", False):
        _stderr_progress("glossary ablation: scoring without the glossary", 0, 1)
        result = replace(result, glossary_ablation=glossary_ablation(qa, chosen))
        _stderr_progress("glossary ablation: scoring without the glossary", 1, 1)
    env = environment(qa, qa_path)
    stem = None if own_set else qa_path.stem
    paths = write_report(result, env, args.split, out, stem, shortfalls)
    print(headline_table(result))
    print(f"\nreport: {paths['markdown']}\n        {paths['json']}\n        {paths['plot']}",
          file=sys.stderr)
    return 0


def _refuse(path: Path, problems: Sequence[str]) -> int:
    print(f"jmqa eval: {path} is not a valid Q&A file ({len(problems)} problem(s)):",
          file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)
    return 2
