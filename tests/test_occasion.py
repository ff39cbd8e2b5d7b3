"""The occasion a question names by its date (jmqa.occasion)."""

from __future__ import annotations

import datetime as dt

import pytest

from jmqa.occasion import Occasion, occasions


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("In the February 2025 statement, what was said about trade?", [Occasion(2025, 2)]),
        ("what did the 2023 state visit produce on jet engines", [Occasion(2023, None)]),
        ("According to the joint statement of 8 September 2023, who hosted?", [Occasion(2023, 9)]),
        ("the statement issued on Feb. 13, 2025 says what about energy", [Occasion(2025, 2)]),
        ("What did the Sept 2023 declaration say?", [Occasion(2023, 9)]),
        ("Compare the June 2023 visit with the 2025 summit", [Occasion(2023, 6), Occasion(2025, None)]),
        # A date that is what the question asks about names no occasion.
        ("What do they plan to do by 2030?", []),
        ("What will the quantum dialogue do in 2025?", []),
        ("During the visit they agreed to meet again in 2026: where?", []),
        ("How many statements were issued?", []),
    ],
)
def test_occasions(question, expected):
    assert occasions(question) == expected


def test_an_occasion_matches_a_statements_date_by_year_and_month_if_given():
    date = dt.date(2025, 2, 13)
    assert Occasion(2025, None).matches(date) and Occasion(2025, 2).matches(date)
    assert not Occasion(2025, 3).matches(date) and not Occasion(2023, None).matches(date)
    assert not Occasion(2025, None).matches(None)  # a statement without a date
