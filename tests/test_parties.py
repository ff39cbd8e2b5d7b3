"""A statement's parties and whether a question names them (jmqa.parties)."""

from __future__ import annotations

import jmqa
from jmqa.parties import Parties


def parties(text: str) -> Parties:
    return Parties.of(jmqa.parse(text))


def test_a_country_is_named_by_any_of_its_names_capitals_or_demonyms():
    us_india = parties(
        "United States-India Joint Leaders' Statement\n\nFebruary 13, 2025\n\n"
        "1. The U.S. and India will deepen their defence ties.\n"
    )
    assert us_india.named_in("What did the United States and India agree?") == 2
    assert us_india.named_in("What did Washington and New Delhi agree?") == 2
    assert us_india.named_in("did americans and indians agree on defence") == 2
    assert us_india.named_in("What did the US and U.S.A. say?") == 1  # one party, however named
    assert us_india.named_in("What did Japan and Malaysia agree?") == 0
    assert us_india.all_named_in("What did Washington and New Delhi agree?")
    # One party named is as often a subject of another statement: not enough to pick this one.
    assert not us_india.all_named_in("Will they trade in yen instead of the US dollar?")


def test_a_countrys_code_names_it_only_where_the_statement_writes_it():
    """ "US" is the United States in a statement that writes "U.S." or "US"; "IT" in a question
    is seldom Italy, and "IN" seldom India, unless the statement calls them so."""
    text = "Joint Statement of Italy and India\n\n1 May 2025\n\n1. Italy and India will cooperate.\n"
    assert parties(text).named_in("What do they say about IT cooperation IN general?") == 0
    assert parties(text).named_in("What do the Italian and Indian sides say?") == 2
    written = parties(text.replace("1. Italy", "1. IT and IN and Italy"))
    assert written.named_in("What do they say about IT cooperation?") == 1


def test_an_invented_party_is_a_name_rare_in_english_not_a_word_of_the_genre():
    deep_sea = parties(
        "Joint Statement by the President of the Republic of Atlantis and the Prime Minister of the "
        "Kingdom of Lemuria on a Partnership for the Deep Sea\n\n4 April 2024\n\n"
        "1. The President and the Prime Minister agreed to map the deep sea.\n"
    )
    assert deep_sea.named_in("What did Atlantis and Lemuria agree?") == 2
    assert deep_sea.named_in("What did the President and the Prime Minister of the Kingdom agree?") == 0


def test_the_shipped_statements_parties():
    shipped = Parties.of(jmqa.load_statement())
    assert shipped.named_in("what did tokyo and kuala lumpur agree on ukraine") == 2
    assert shipped.named_in("What did the Japanese PM say?") == 1


def test_who_speaks_is_a_party_by_any_name_or_people():
    """A people shared by several countries in countryinfo ("American", "Indian") is a party's
    when one of them is a party."""
    us_india = parties(
        "United States-India Joint Leaders' Statement\n\nFebruary 13, 2025\n\n"
        "1. The U.S. and India will deepen their defence ties with Japan.\n"
    )
    assert not us_india.speak_for_others(("americans",))
    assert not us_india.speak_for_others(("washington", "new", "delhi"))
    assert not us_india.speak_for_others(("indian", "ocean", "strategic", "venture"))
    assert us_india.speak_for_others(("japan",))  # named, but no party
    assert us_india.speak_for_others(("india", "japan"))
    assert not us_india.speak_for_others(("modi",))  # no country


def test_a_relation_of_a_party_with_another_country_unless_the_statement_writes_it():
    text = (
        "Joint Statement of Japan and Malaysia\n\n1 May 2025\n\n"
        "1. Japan and Malaysia welcomed the U.S.-Japan-Australia partnership and the "
        "talks between Cambodia and Thailand.\n"
    )
    jm = parties(text)
    assert jm.other_relation_in("Japan-India ties on semiconductors?")
    assert jm.other_relation_in("What was agreed between Malaysia and the US?")
    assert jm.other_relation_in("Kuala Lumpur/Canberra talks?")
    assert not jm.other_relation_in("Japan-Malaysia ties?")
    # Written by the statement, in part and in another order: a topic of its own.
    assert not jm.other_relation_in("What about Australia-Japan cooperation?")
    assert not jm.other_relation_in("the Israeli-Palestinian conflict, or between Iran and Oman?")  # no party
    assert not jm.other_relation_in("What about the Indo-Pacific, Japan-ASEAN ties and 2025-2026?")
    # A statement whose title names no country has no parties to tell others from.
    atlantis = parties("Joint Statement of Atlantis and Lemuria\n\n1 May 2025\n\n1. They agreed.\n")
    assert not atlantis.other_relation_in("Japan-India ties?")
    assert not atlantis.speak_for_others(("japan",))


def test_the_parties_and_the_others_are_named_as_a_sentence_names_them():
    """A refusal by these rules says who the statement is between and who it does not speak for."""
    us_india = parties(
        "United States-India Joint Leaders' Statement\n\nFebruary 13, 2025\n\n"
        "1. The U.S. and India will deepen their defence ties.\n"
    )
    assert us_india.country_names == ("India", "the United States")
    assert us_india.others_speaking(("india", "japan", "the", "philippines")) == ("Japan", "the Philippines")
    assert us_india.others_speaking(("americans", "indians")) == ()
    # A people's name of several countries: the one whose name is commonest in English.
    assert parties("Joint Statement of Japan and Malaysia\n\n1 May 2025\n\n1. They agreed.\n").others_speaking(
        ("americans", "chinese")
    ) == ("the United States", "China")
    assert us_india.other_relations(jmqa.countries.joined_countries("US-Japan ties and India-UK trade?")) == (
        ("the United States", "Japan"), ("India", "the United Kingdom"),
    )


def test_a_statement_of_other_parties_named_by_its_parties():
    us_india = parties(
        "United States-India Joint Leaders' Statement\n\nFebruary 13, 2025\n\n"
        "1. The U.S. and India welcomed the U.S.-Japan-India trilateral joint statement.\n"
    )
    assert us_india.others_named_as_a_statements_parties("UK-India joint statement: trade?") == ("the United Kingdom",)
    assert us_india.others_named_as_a_statements_parties("the joint statement between Japan and South Korea") == (
        "Japan", "South Korea",
    )
    assert us_india.others_named_as_a_statements_parties("the US-India joint statement on trade") == ()
    assert us_india.others_named_as_a_statements_parties("What did the joint statement say?") == ()
    # A statement it writes itself, in part: a topic of its own, not another statement asked of it.
    assert us_india.others_named_as_a_statements_parties("the Japan-US joint statement?") == ()
