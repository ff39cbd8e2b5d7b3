"""The glossary: its file format, checked line by line, and how its terms match a question."""

from __future__ import annotations

import pytest

from jmqa.document import load_statement
from jmqa.errors import InvalidArgumentError
from jmqa.glossary import Glossary


def test_english_glossary_points_only_at_the_statements_own_words():
    text = " ".join(p.text for p in load_statement().paragraphs)
    english = [e for e in Glossary.load().entries if e[0] == "en"]
    assert len(english) > 100
    assert [e for e in english if e[2] not in text] == []


def test_glossary_matches_whole_words_and_japanese_substrings():
    glossary = Glossary((("en", "dirty money", "money laundering"), ("en", "pm", "Prime Minister"),
                         ("ja", "パーム油", "palm oil")))
    assert glossary.matches("Anything on dirty money?") == [("dirty money", "money laundering")]
    assert glossary.matches("What did the PM say?") == [("pm", "Prime Minister")]
    assert glossary.matches("npm packages, pm-based, 3pm") == []
    assert glossary.matches("a pm-level meeting") == [("pm", "Prime Minister")]  # "-level" is no new word
    assert glossary.matches("パーム油について") == [("パーム油", "palm oil")]
    # Already in the statement's words: nothing to add.
    assert glossary.matches("the PM, i.e. the Prime Minister") == []


def test_a_malay_term_matches_another_form_of_its_words_as_the_question_writes_it():
    glossary = Glossary((("ms", "pelawat", "visitors"), ("ms", "pelaburan rumpai laut", "kelp investment"),
                         ("en", "dirty money", "money laundering")))
    # "melawat" (to visit) and "pelawat" (visitor) share the stem "lawat"; "melabur" (to invest).
    assert glossary.matches("berapa ramai orang melawat Lemuria") == [("melawat", "visitors")]
    assert glossary.matches("siapa melabur rumpai laut?") == [("melabur rumpai laut", "kelp investment")]
    # A bare root is no form of a derived word: "baharu" (new) is not "pembaharuan" (reform).
    assert Glossary((("ms", "pembaharuan", "reform"),)).matches("laluan baharu?") == []
    # English words are not read as Malay, nor does an English term match another form.
    assert glossary.matches("Did they pellet the visitor?") == []
    assert glossary.matches("Anything on dirtier money?") == []


@pytest.mark.parametrize(
    "text, line",
    [
        ("en\tchunnel\tundersea tunnel\nen\tchunnel undersea tunnel\n", 2),  # spaces, not tabs
        ("# comment\n\nfr\ttunnel sous la manche\tundersea tunnel\n", 3),  # a language jmqa does not read
        ("en\tchunnel\t\n", 1),  # nothing to map to
        ("en\ta\tb\textra\n", 1),
    ],
)
def test_a_statements_glossary_file_is_checked_line_by_line(text, line):
    with pytest.raises(InvalidArgumentError, match=rf"^avalon.glossary.tsv, line {line}: expected"):
        Glossary.parse(text, "avalon.glossary.tsv")


def test_a_glossary_file_skips_comments_and_blank_lines():
    text = "# Avalon\n\nen\tchunnel\tundersea tunnel\nms\t terowong \tundersea tunnel\n"
    assert Glossary.parse(text).entries == (("en", "chunnel", "undersea tunnel"), ("ms", "terowong", "undersea tunnel"))


def test_the_english_terms_words_are_known_words():
    glossary = Glossary.parse("en\tgas guzzlers\tvehicles\nms\tkereta\tvehicles\n")
    assert glossary.english_words() == {"gas", "guzzlers"}
