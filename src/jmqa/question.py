"""Checking and normalising what a person typed, before anything is searched."""

from __future__ import annotations

import re
import unicodedata

from jmqa.errors import InvalidQuestionError

MAX_QUESTION_CHARS = 1000


def clean_question(question: object, max_chars: int = MAX_QUESTION_CHARS) -> str:
    """Return the question NFC-normalised with whitespace collapsed, or raise.

    A zero-width space separates words, so it becomes a space ("palm\\u200boil" is "palm oil");
    other invisible format characters (joiners, BOMs) are dropped. Control characters are
    refused, since they never belong in a question and often mean binary input.

    >>> clean_question("  What about\\u200b OSA?\\n")
    'What about OSA?'
    >>> clean_question("palm\\u200boil")
    'palm oil'
    """
    if not isinstance(question, str):
        raise InvalidQuestionError(f"a question must be text, not {type(question).__name__}")
    if len(question) > 20 * max_chars:  # refuse before normalising megabytes
        raise InvalidQuestionError(_too_long(len(question), max_chars))
    text = unicodedata.normalize("NFC", question)
    text = text.replace("\u200b", " ")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    controls = sorted({ch for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r"})
    if controls:
        names = ", ".join(f"U+{ord(ch):04X}" for ch in controls[:3])
        raise InvalidQuestionError(f"the question contains control characters ({names}); remove them and ask again")
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise InvalidQuestionError("the question is empty; type a question about the statement")
    if len(text) > max_chars:
        raise InvalidQuestionError(_too_long(len(text), max_chars))
    return text


def _too_long(length: int, max_chars: int) -> str:
    return (
        f"the question is {length:,} characters long; the limit is {max_chars:,}. "
        f"Ask about one thing at a time"
    )
