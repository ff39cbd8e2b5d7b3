"""The occasion a question names by its date: "the February 2025 statement", "the June 2023 state
visit", "the joint statement of 8 September 2023".

Statements between the same parties share their topics; people tell them apart by when they were
made. A year or month next to a word for the occasion (statement, declaration, summit, visit,
meeting, talks, communiqué) names it; a date elsewhere is what the question asks about ("What
will they do by 2030?", "the quantum dialogue in 2025").

Example::

    >>> occasions("In the February 2025 statement, what was said about Mission 500?")
    [Occasion(year=2025, month=2)]
    >>> occasions("What do they plan to do by 2030?")
    []
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE = rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?(?P<year>(?:19|20)\d\d)\b"
_OCCASION = r"(?:joint\s+)?(?:statement|declaration|summit|visit|meeting|talks|communiqu[eé])s?"
# Between a date and its occasion, up to two words ("the 2023 state visit"); between an occasion
# and its date, only words that say when it was made ("the statement issued on"), so that "during
# the visit they agreed to meet again in 2026" names no occasion.
_GAP_BEFORE = r"(?:\s+[\w'’.-]+){0,2}?\s+"
_GAP_AFTER = r"\s+(?:(?:of|from|on|in|at|the|dated|issued|made|signed|held|released|published|adopted),?\s+){0,3}"
# The date before the occasion ("the June 2023 visit") or after it ("the statement of 8 June 2023").
_NAMED = (
    re.compile(rf"\b{_DATE}{_GAP_BEFORE}{_OCCASION}\b", re.IGNORECASE),
    re.compile(rf"\b{_OCCASION}{_GAP_AFTER}{_DATE}", re.IGNORECASE),
)


_MONTH_YEAR = re.compile(rf"\b{_DATE}", re.IGNORECASE)


@dataclass(frozen=True)
class Occasion:
    year: int
    month: int | None  # None: the year alone ("the 2023 statement")

    def matches(self, date: dt.date | None) -> bool:
        return date is not None and date.year == self.year and self.month in (None, date.month)


def occasions(question: str) -> list[Occasion]:
    """The dates ``question`` gives for the occasion of a statement, in order."""
    matches = sorted((m for pattern in _NAMED for m in pattern.finditer(question)), key=lambda m: m.start())
    return list(dict.fromkeys(_occasion(m) for m in matches))


def months_named(question: str) -> list[Occasion]:
    """Every month and year ``question`` names, occasion or not ("Modi Biden Sep 2023",
    "in June 2023"): where no word for the occasion stands beside it, a library still reads one
    that is exactly a statement's month as that statement's.

        >>> months_named("North Korea - Modi Biden Sept 2023, and 2030?")
        [Occasion(year=2023, month=9)]
    """
    return list(dict.fromkeys(_occasion(m) for m in _MONTH_YEAR.finditer(question) if m.group("month")))


def without_occasions(question: str) -> str:
    """``question`` without the occasions it names by date: the years left are those it asks
    about ("In the March 2025 statement, how much by 2030?" asks about 2030 alone).

        >>> without_occasions("In the March 2025 statement, how much by 2030?")
        'In the , how much by 2030?'
    """
    for pattern in _NAMED:
        question = pattern.sub("", question)
    return question


def _occasion(m: re.Match[str]) -> Occasion:
    return Occasion(int(m.group("year")), _month_number(m.group("month")))


def _month_number(name: str | None) -> int | None:
    if not name:
        return None
    return next(i for i in range(1, 13) if calendar.month_name[i].lower().startswith(name.lower()[:3]))
