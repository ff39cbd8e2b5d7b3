"""Hand-made quotes, answers and items shared by the metric and statistics tests."""

from __future__ import annotations

from jmqa.answer import Answer, Quote
from jmqa.document import Span
from jmqa.evaluation.dataset import QAItem

TEXT = "First sentence here. Second one about palm oil. Third and last."


def make_quote(paragraph: int, highlights: tuple[Span, ...], text: str = TEXT) -> Quote:
    return Quote(paragraph, "S", text, highlights, 1.0)


def make_answer(*quotes: Quote, found: bool = True) -> Answer:
    return Answer("q", found, tuple(quotes) if found else (), 0.9 if found else 0.1)


def make_item(gold=(17,), answer="about palm oil", tag="lexical", id="x") -> QAItem:
    return QAItem(id, "What about palm oil?", tuple(gold), answer if gold else "", tag, "test")


SECOND = Span(21, 47)  # "Second one about palm oil."
FIRST = Span(0, 20)
THIRD = Span(48, 63)
