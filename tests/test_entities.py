"""jmqa.entities: the tagger's corrections."""

from __future__ import annotations

import pytest

from jmqa.document import load_statement
from jmqa.entities import Entity, _with_missed, tag_texts
from jmqa.lexical import find_acronyms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a total of over two billion vaccine doses", [("CARDINAL", "over two billion")]),
        ("report back to us in the Autumn.", [("DATE", "the Autumn")]),
        ("two events in the fall (one in each country)", [("DATE", "the fall")]),
        ("to meet again next summer", [("DATE", "next summer")]),
        # Not a verb, nor a fall that is an event.
        ("the pledges fall short of the goal", []),
        ("after the fall of Kabul", []),
    ],
)
def test_a_count_or_a_season_the_tagger_missed_is_added(text, expected):
    assert [(e.label, e.text) for e in _with_missed(text, ())] == expected


def test_a_tagged_date_inside_a_season_is_widened_and_a_tagged_amount_kept():
    assert _with_missed("by fall of 2025.", (Entity("DATE", "2025", 11, 15),)) == (
        Entity("DATE", "fall of 2025", 3, 15),
    )
    money = (Entity("MONEY", "up to $500 million", 0, 18),)
    assert _with_missed("up to $500 million", money) == money


@pytest.mark.slow  # tags with spaCy
def test_an_acronym_takes_the_type_of_the_name_its_long_form_ends_on():
    # "Malaysia-Japan International Institute of Technology" alone starts with a place the tagger
    # finds first; the institute is what it names.
    statement = load_statement()
    acronyms = find_acronyms(" ".join(p.text for p in statement.passages))
    sentence = next(
        text for p in statement.passages for s in p.sentences if "(MJIIT)" in (text := p.text[s.start : s.end])
    )
    (tags,) = tag_texts([sentence], acronyms)
    assert [e.label for e in tags if e.text == "MJIIT"] == ["ORG"]
