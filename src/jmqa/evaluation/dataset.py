"""The Q&A set: its schema, reading a JSONL file into items, and validating them.

The format and the rules are documented in ``eval/README.md``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jmqa.document import CLOSING, PREAMBLE, Document, PassageKey, label

TAGS = ("lexical", "paraphrase", "multi", "unanswerable", "offtopic", "adversarial")
SPLITS = ("dev", "test")
NO_GOLD_TAGS = ("unanswerable", "offtopic")  # these must have gold [] ...
ANSWERABLE_TAGS = ("lexical", "paraphrase", "multi")  # ... these must not; adversarial: either
REQUIRED_KEYS = ("id", "question", "gold", "answer", "tag")
OPTIONAL_KEYS = ("split", "note")
# Set-level requirements for our own eval/qa.jsonl (not for arbitrary `--qa` files).
MIN_ITEMS = 150
MIN_BEST_GOLD_PER_PARAGRAPH = 3
MIN_PARAPHRASE_SHARE = 1 / 3
MIN_NO_GOLD_SHARE = 1 / 5


@dataclass(frozen=True)
class QAItem:
    """One question with its gold paragraphs (best first) and a verbatim answer span."""

    id: str
    question: str
    gold: tuple[PassageKey, ...]  # ¶ numbers, or "preamble" / "closing"
    answer: str
    tag: str
    split: str = "test"
    line: int = 0  # 1-based line in the file, for messages

    @property
    def answerable(self) -> bool:
        return bool(self.gold)


class QAFileError(ValueError):
    """A Q&A file that cannot be read as items; ``problems`` lists every problem found."""

    def __init__(self, path: str | os.PathLike[str], problems: list[str]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s): " + "; ".join(problems[:5]))
        self.problems = problems


def load_items(path: str | os.PathLike[str], *, require_split: bool = False) -> list[QAItem]:
    """Read a JSONL Q&A file; raise :class:`QAFileError` listing every schema problem.

    Checks only what is needed to build :class:`QAItem` values (valid JSON objects, the keys,
    their types); :func:`validate_items` checks the content. A missing ``split`` means "test"
    unless ``require_split`` (our own set records its split in the file).
    """
    problems: list[str] = []
    items: list[QAItem] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QAFileError(path, [f"cannot read the file: {exc}"]) from None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"line {number}"
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"{where}: expected a JSON object, got {type(obj).__name__}")
            continue
        if isinstance(obj.get("id"), str) and obj["id"]:
            where = f"line {number} ({obj['id']})"
        bad = []
        missing = [k for k in REQUIRED_KEYS if k not in obj]
        if require_split and "split" not in obj:
            missing.append("split")
        if missing:
            bad.append(f"missing key(s) {', '.join(missing)}")
        unknown = sorted(set(obj) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
        if unknown:
            bad.append(f"unknown key(s) {', '.join(unknown)}")
        for key in ("id", "question", "answer", "tag", "split", "note"):
            if key in obj and not isinstance(obj[key], str):
                bad.append(f"{key!r} must be a string")
        gold = obj.get("gold", [])
        # bool is an int subclass: refuse it explicitly, `true` is never a paragraph number
        if not isinstance(gold, list) or not all(
            (isinstance(g, int) and not isinstance(g, bool)) or g in (PREAMBLE, CLOSING) for g in gold
        ):
            bad.append(f"'gold' must be a list of paragraph numbers (integers), {PREAMBLE!r} or {CLOSING!r}")
        if bad:
            problems.extend(f"{where}: {b}" for b in bad)
            continue
        items.append(
            QAItem(
                id=obj["id"],
                question=obj["question"],
                gold=tuple(gold),
                answer=obj["answer"],
                tag=obj["tag"],
                split=obj.get("split", "test"),
                line=number,
            )
        )
    if not problems and not items:
        problems.append("the file has no items")
    if problems:
        raise QAFileError(path, problems)
    return items


def _normalised(question: str) -> str:
    return " ".join(question.casefold().split())


def validate_items(
    items: Sequence[QAItem], document: Document, *, set_rules: bool = True
) -> list[str]:
    """Every problem with ``items`` as human-readable strings; an empty list means valid.

    Item rules always apply. ``set_rules`` adds the requirements on our own ``eval/qa.jsonl``
    (size, paragraph coverage, tag shares); ``jmqa eval --qa other.jsonl`` skips them.
    """
    problems = item_problems(items, document)
    if set_rules:
        problems += set_problems(items, document)
    return problems


def item_problems(items: Sequence[QAItem], document: Document) -> list[str]:
    """Problems with individual items (and duplicates between them)."""
    problems: list[str] = []
    count = len(document.paragraphs)
    passages = [p.number for p in document.passages]
    seen_ids: dict[str, int] = {}
    seen_questions: dict[str, str] = {}
    for item in items:
        where = f"line {item.line} ({item.id or 'no id'})"
        if not item.id.strip():
            problems.append(f"{where}: empty id")
        elif item.id in seen_ids:
            problems.append(f"{where}: duplicate id (first on line {seen_ids[item.id]})")
        else:
            seen_ids[item.id] = item.line
        key = _normalised(item.question)
        if key in seen_questions:
            problems.append(f"{where}: duplicate question (same as {seen_questions[key]})")
        else:
            seen_questions[key] = item.id
        if item.tag not in TAGS:
            problems.append(f"{where}: tag {item.tag!r} is not one of {', '.join(TAGS)}")
        if item.split not in SPLITS:
            problems.append(f"{where}: split {item.split!r} is not one of {', '.join(SPLITS)}")
        out_of_range = [g for g in item.gold if g not in passages]
        if out_of_range:
            blocks = "".join(f", {k}" for k in passages if isinstance(k, str))
            problems.append(
                f"{where}: gold {out_of_range} not in 1..{count}{blocks} "
                f"(the statement's paragraphs{' and blocks' if blocks else ''})"
            )
        if len(set(item.gold)) != len(item.gold):
            problems.append(f"{where}: gold {list(item.gold)} repeats a paragraph")
        # A question answered by two paragraphs together may have no one span that answers it.
        if (item.answer and not item.gold) or (not item.answer and len(item.gold) == 1):
            problems.append(
                f"{where}: answer must be empty exactly when gold is empty, or names two or more "
                f"paragraphs (gold {list(item.gold)}, answer {item.answer!r:.40})"
            )
        if item.gold and item.answer and not out_of_range:
            if not any(item.answer in document.paragraph(g).text for g in item.gold):
                problems.append(
                    f"{where}: answer is not a verbatim span of any of its gold paragraphs "
                    f"({', '.join(map(label, item.gold))}): {item.answer!r:.80}"
                )
            elif item.answer != item.answer.strip():
                problems.append(f"{where}: answer has leading or trailing whitespace")
        if item.tag in NO_GOLD_TAGS and item.gold:
            problems.append(
                f"{where}: tag {item.tag!r} needs gold [] (the statement does not answer it)"
            )
        if item.tag in ANSWERABLE_TAGS and not item.gold:
            problems.append(f"{where}: tag {item.tag!r} needs at least one gold paragraph")
        if item.tag == "multi" and len(item.gold) < 2:
            problems.append(f"{where}: tag 'multi' needs two or more gold paragraphs")
    return problems


def set_problems(items: Sequence[QAItem], document: Document) -> list[str]:
    """Problems with the set as a whole (our own set's requirements from issue 3)."""
    problems: list[str] = []
    n = len(items)
    if n < MIN_ITEMS:
        problems.append(f"set: {n} items, need at least {MIN_ITEMS}")
    best = [i.gold[0] for i in items if i.gold]
    thin = [
        f"¶{p.number} ({best.count(p.number)})"
        for p in document.paragraphs
        if best.count(p.number) < MIN_BEST_GOLD_PER_PARAGRAPH
    ]
    if thin:
        problems.append(
            f"set: each paragraph must be the best gold of at least {MIN_BEST_GOLD_PER_PARAGRAPH} "
            f"questions; too few for {', '.join(thin)}"
        )
    paraphrase = sum(i.tag == "paraphrase" for i in items)
    if n and paraphrase < MIN_PARAPHRASE_SHARE * n:
        problems.append(f"set: {paraphrase}/{n} paraphrase items, need at least 1/3")
    no_gold = sum(i.tag in NO_GOLD_TAGS for i in items)
    if n and no_gold < MIN_NO_GOLD_SHARE * n:
        problems.append(f"set: {no_gold}/{n} unanswerable+offtopic items, need at least 1/5")
    for split in SPLITS:
        if not any(i.split == split for i in items):
            problems.append(f"set: no items in the {split} split")
    return problems


def repo_root() -> Path:
    """The source checkout when running from one (reports belong in its eval/), else the cwd."""
    checkout = Path(__file__).resolve().parents[3]  # src/jmqa/evaluation/dataset.py
    if (checkout / "pyproject.toml").exists() and (checkout / "src" / "jmqa").is_dir():
        return checkout
    return Path.cwd()


def default_qa_path() -> Path:
    return repo_root() / "eval" / "qa.jsonl"
