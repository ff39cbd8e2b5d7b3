"""Countries as a text names them, and their other names (jmqa.countries)."""

from __future__ import annotations

from jmqa.countries import (
    countries,
    countries_in,
    country_names,
    country_words_lower,
    joined_countries,
    mentions_in,
    named_statements,
)


def test_a_countrys_other_names_and_capital_point_at_the_name_the_text_writes():
    names = country_names(
        "In Tokyo, both leaders discussed Japan, the Democratic People's Republic of Korea and the "
        "United States."
    )
    assert names.other_names["pyongyang"] == "Democratic People's Republic of Korea"
    assert names.other_names["north korea"] == "Democratic People's Republic of Korea"
    assert names.other_names["washington"] == "United States"  # "Washington D.C." also without "D.C."
    assert "tokyo" not in names.other_names  # the text names the city: its word is searched as is
    assert "japan" not in names.other_names  # nor is a name the text uses itself


def test_a_country_inside_another_countrys_name_is_not_named():
    names = country_names("the Democratic People's Republic of Korea's nuclear programme")
    assert "seoul" not in names.other_names
    assert "south korea" in names.unnamed and "north korea" not in names.unnamed


def test_countries_the_text_does_not_name_are_unnamed():
    names = country_names("Japan and Malaysia")
    assert {"ukraine", "france"} <= names.unnamed
    assert not {"japan", "malaysia", "nippon"} & names.unnamed


def test_a_name_the_text_writes_is_not_unnamed_by_a_second_entry_for_the_same_country():
    # countryinfo has Myanmar twice (as "Myanmar", and as "Burma" with "Myanmar" among its other
    # names); only one entry is matched, but the name is the text's all the same.
    names = country_names("the situation in Myanmar and the State of Palestine")
    assert not {"myanmar", "palestine", "state of palestine"} & names.unnamed


def test_countries_in_a_title():
    found = countries_in("United States-India Joint Leaders' Statement")
    assert sorted(c.names[0] for c in found) == ["India", "United States"]
    united_states = next(c for c in found if c.names[0] == "United States")
    assert united_states.demonym == "American" and "US" in united_states.codes
    assert "Washington" in united_states.capital_forms
    assert countries_in("Joint Statement of Atlantis and Lemuria") == ()


def test_one_word_names_and_peoples_of_countries():
    words = country_words_lower()
    assert {"france", "french", "brazil", "brazilians", "japanese"} <= words
    assert "united states" not in words and "kingdom" not in words


def test_countries_joined_as_one_relation():
    def first_names(text):
        return [[min(countries()[i].names[0] for i in m) for m in r] for r in joined_countries(text)]

    assert first_names("the U.S.-Japan-India trilateral") == [["United States", "Japan", "India"]]
    assert first_names("Kuala Lumpur–Tokyo flights, Japan / Malaysia") == [["Malaysia", "Japan"], ["Japan", "Malaysia"]]
    assert first_names("What was agreed between the United States and India?") == [["United States", "India"]]
    assert first_names("South Korea-Japan relations") == [["South Korea", "Japan"]]
    # A code is a country only in capitals; neither a region nor a year range is a relation.
    assert first_names("us-india ties, the Indo-Pacific, Asia-Pacific, 2025-2026") == []


def test_the_countries_named_in_who_speaks():
    def names(words):
        return [sorted(countries()[i].names[0] for i in m) for m in mentions_in(words)]

    assert names("united states india") == [["United States"], ["India"]]  # not "united", "states"
    assert names("new delhi") == [["India"]]  # a capital
    assert len(names("indian")) == 1 and "India" in names("indian")[0]  # a people (of more than one)
    assert mentions_in("the leaders") == ()
    # A code in capitals is a country beside a country named in full; alone, "PM" is seldom one.
    assert names("UK india") == [["United Kingdom"], ["India"]]
    assert names("PM") == [] and names("uk india") == [["India"]]


def test_the_countries_named_as_a_statements_parties():
    def first_names(text):
        return [[min(countries()[i].names[0] for i in m) for m in r] for r in named_statements(text)]

    assert first_names("UK and India joint statement - what about trade?") == [["United Kingdom", "India"]]
    assert first_names("saudi arabia pakistan joint statement on terrorism") == [["Saudi Arabia", "Pakistan"]]
    assert first_names("In the Australia-Malaysia joint declaration, what ...") == [["Australia", "Malaysia"]]
    assert first_names("the joint statement between Canada and India") == [["Canada", "India"]]
    assert first_names("Japan and Malaysia's joint statement") == [["Japan", "Malaysia"]]
    # One country, or none, says which statement no more than "the joint statement" does.
    assert first_names("What did Japan say in the joint statement?") == []
    assert first_names("the PM's joint statement, the US-UK statement") == []  # codes alone
    # Before the word for a statement, beside a country's name, a code may be typed in lower case.
    assert first_names("uk malaysia joint statement on chips") == [["United Kingdom", "Malaysia"]]
    assert first_names("what did they tell us in the joint statement?") == []
