"""Checking what people type, before anything is searched."""

from __future__ import annotations

import pytest

from jmqa.errors import InvalidQuestionError
from jmqa.question import MAX_QUESTION_CHARS, clean_question


@pytest.mark.parametrize("empty", ["", "   ", "\n\t ", "\u200b\u200b"])
def test_empty_questions_are_refused(empty):
    with pytest.raises(InvalidQuestionError, match="empty"):
        clean_question(empty)


def test_huge_questions_are_refused_with_the_limit():
    with pytest.raises(InvalidQuestionError, match=f"limit is {MAX_QUESTION_CHARS:,}"):
        clean_question("palm oil " * 12_000)  # ~100 KB
    with pytest.raises(InvalidQuestionError, match="1,001 characters"):
        clean_question("x" * (MAX_QUESTION_CHARS + 1))
    assert clean_question("x" * MAX_QUESTION_CHARS) == "x" * MAX_QUESTION_CHARS


def test_control_characters_are_refused_by_name():
    with pytest.raises(InvalidQuestionError, match="U\\+0000"):
        clean_question("palm\x00 oil")
    with pytest.raises(InvalidQuestionError, match="U\\+001B"):
        clean_question("\x1b[31mred")


def test_odd_unicode_is_normalised_not_refused():
    assert clean_question("  What about\u200b OSA?\r\n") == "What about OSA?"
    assert clean_question("palm\u200boil") == "palm oil"  # a zero-width space still parts words
    assert clean_question("\ufeffOSA\u2060?") == "OSA?"  # a BOM and a word joiner do not
    assert clean_question("cafe\u0301") == "caf\u00e9"  # NFC
    assert clean_question("原子力について何と言っていますか？") == "原子力について何と言っていますか？"


def test_html_is_kept_as_plain_text():
    question = "<script>alert(1)</script> palm oil?"
    assert clean_question(question) == question


def test_non_text_is_refused():
    with pytest.raises(InvalidQuestionError, match="must be text"):
        clean_question(None)  # type: ignore[arg-type]
