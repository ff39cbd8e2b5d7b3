"""The validator over eval/qa.jsonl: our own set passes, and planted errors are caught."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from jmqa.document import load_statement
from jmqa.evaluation import QAFileError, QAItem, default_qa_path, load_items, validate_items

QA_FILE = default_qa_path()
DOC = load_statement()


def _good_items() -> list[QAItem]:
    return [
        QAItem("a", "How many two-way visitors were there in 2025?", (21,),
               "approximately 1.05 million in 2025", "lexical", "dev", 1),
        QAItem("b", "Is there money for disaster recovery?", (18, 12),
               "DRF (Disaster Risk Financing)", "multi", "test", 2),
        QAItem("c", "Who won the 2026 World Cup?", (), "", "offtopic", "test", 3),
    ]


def test_our_qa_set_is_valid() -> None:
    """Schema, item rules and the set-level requirements of issue 3, over eval/qa.jsonl."""
    items = load_items(QA_FILE, require_split=True)
    problems = validate_items(items, DOC, set_rules=True)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", sorted(QA_FILE.parent.glob("holdout-*.jsonl")), ids=lambda p: p.name)
def test_our_holdout_sets_are_valid(path: Path) -> None:
    """The one-shot hold-out sets obey the item rules too (they are too small for the set rules)."""
    problems = validate_items(load_items(path), DOC, set_rules=False)
    assert not problems, "\n".join(problems)


def test_holdout_sets_share_no_question_with_the_qa_set() -> None:
    asked = {item.question.casefold() for item in load_items(QA_FILE)}
    for path in QA_FILE.parent.glob("holdout-*.jsonl"):
        assert not asked & {item.question.casefold() for item in load_items(path)}, path.name


def test_good_items_pass_item_rules() -> None:
    assert validate_items(_good_items(), DOC, set_rules=False) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"answer": "approximately 1.06 million in 2025"}, "not a verbatim span"),
        ({"gold": (28,)}, "gold [28] not in 1..27"),
        ({"gold": (0, 21)}, "gold [0] not in 1..27"),
        ({"gold": (21, 21)}, "repeats a paragraph"),
        ({"id": "b"}, "duplicate id"),
        ({"tag": "trivia"}, "tag 'trivia' is not one of"),
        ({"split": "train"}, "split 'train' is not one of"),
        ({"gold": ()}, "answer must be empty exactly when gold is empty"),
        ({"answer": ""}, "answer must be empty exactly when gold is empty"),
        ({"gold": ("preamble",)}, "gold ['preamble'] not in 1..27"),  # this statement has none
        ({"question": "is there money for  DISASTER recovery?"}, "duplicate question"),
        ({"tag": "unanswerable"}, "needs gold []"),
        ({"tag": "multi"}, "two or more gold paragraphs"),
        ({"gold": (18,)}, "not a verbatim span of any of its gold paragraphs (¶18)"),
    ],
)
def test_planted_errors_are_caught(change: dict, expected: str) -> None:
    items = _good_items()
    items[0] = replace(items[0], **change)
    problems = validate_items(items, DOC, set_rules=False)
    assert any(expected in p for p in problems), problems


def test_answer_may_sit_in_any_gold_paragraph_and_be_left_out_for_two() -> None:
    items = _good_items()
    # A question answered by two paragraphs: the span (in ¶18) may be in either, or be left out.
    items[1] = replace(items[1], gold=(12, 18))
    assert validate_items(items, DOC, set_rules=False) == []
    items[1] = replace(items[1], answer="")
    assert validate_items(items, DOC, set_rules=False) == []


def test_set_rules_report_shortfalls() -> None:
    problems = validate_items(_good_items(), DOC, set_rules=True)
    text = "\n".join(problems)
    assert "need at least 150" in text
    assert "best gold of at least 3" in text and "¶1 (0)" in text
    assert "paraphrase" in text
    assert "unanswerable+offtopic" not in text  # 1 of 3 is more than 1/5


def _write(path: Path, rows: list) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return path


def test_schema_problems_are_all_reported(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.jsonl", [
        "{oops",
        [1, 2],
        {"id": "a", "question": "Q?", "gold": "21", "answer": "", "tag": "lexical"},
        {"id": "b", "question": "Q?", "gold": [True], "answer": "", "tag": "lexical"},
        {"id": "c", "question": "Q?", "answer": "", "tag": "lexical"},
        {"id": "d", "question": 5, "gold": [], "answer": "", "tag": "offtopic", "golds": []},
    ])
    with pytest.raises(QAFileError) as info:
        load_items(path)
    text = "\n".join(info.value.problems)
    assert "line 1: not valid JSON" in text
    assert "line 2: expected a JSON object" in text
    assert text.count("'gold' must be a list of paragraph numbers") == 2
    assert "line 5 (c): missing key(s) gold" in text
    assert "unknown key(s) golds" in text and "'question' must be a string" in text


def test_split_is_optional_unless_required(tmp_path: Path) -> None:
    path = _write(tmp_path / "ok.jsonl", [
        {"id": "a", "question": "Q?", "gold": [], "answer": "", "tag": "offtopic"},
    ])
    assert load_items(path)[0].split == "test"
    with pytest.raises(QAFileError, match="missing key"):
        load_items(path, require_split=True)


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(QAFileError, match="no items"):
        load_items(_write(tmp_path / "empty.jsonl", [""]))
