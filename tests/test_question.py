"""Checking what people type, before anything is searched."""

from __future__ import annotations

import pytest

from jmqa.errors import InvalidQuestionError
from jmqa.question import (
    MAX_QUESTION_CHARS,
    cited_paragraphs,
    clean_question,
    named_sections,
    names_paragraphs,
    without_references,
)


@pytest.mark.parametrize("empty", ["", "   ", "\n\t ", "\u200b\u200b"])
def test_empty_questions_are_refused(empty):
    with pytest.raises(InvalidQuestionError, match="empty"):
        clean_question(empty)


@pytest.mark.parametrize("wordless", ["?", "...", "¶ ?", "😀😀", "<>"])
def test_questions_without_a_word_are_refused(wordless):
    with pytest.raises(InvalidQuestionError, match="no words"):
        clean_question(wordless)


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


@pytest.mark.parametrize(
    "question, cited",
    [
        ("What does paragraph 14 say?", (14,)),
        ("What is in ¶22?", (22,)),
        ("para. 7 and 9", (7, 9)),
        ("What do paragraphs 3-5 and ¶9 say?", (3, 4, 5, 9)),
        ("¶¶7–8", (7, 8)),
        ("Compare ¶9 with ¶2", (9, 2)),  # in the order asked
        ("Apa kata perenggan 14?", (14,)),
        ("第14段落には何が書かれていますか？", (14,)),
        ("１４段落", (14,)),  # full-width digits
        ("What does the last paragraph say?", (27,)),
        ("Summarise the opening paragraph", (1,)),
        ("What does ¶40 say?", (40,)),  # kept, so the answer can say there is none
        ("Which paragraph mentions OSA?", ()),
        ("How many paragraphs are there?", ()),
        ("What happened in 2025?", ()),
        # A year is no paragraph's number: Spanish "para 2030" is "by 2030".
        ("¿Qué porcentaje quieren proteger para 2030?", ()),
        ("paras 2-3 and para 2030", (2, 3)),
        # The unnumbered text around the paragraphs, named as such.
        ("What does the preamble say?", ("preamble",)),
        ("Who signed, per the signature block, and what does ¶2 say?", ("closing", 2)),
        ("What does the opening section say?", ()),  # a heading's paragraphs, not the preamble
        ("So forgive the preamble, but does it mention abductions?", ()),  # the asker's own
        ("Sorry for my long preamble. What about LNG?", ()),
    ],
)
def test_cited_paragraphs(question, cited):
    assert cited_paragraphs(question, 27) == cited


def test_without_references_keeps_what_is_asked_of_them():
    assert without_references("In paragraph 14, how much did Japan give?") == "In , how much did Japan give?"
    assert without_references("¶¶7–8") == ""
    assert without_references("Who hosted whom, says the preamble?") == "Who hosted whom, says the ?"


def test_names_paragraphs():
    assert names_paragraphs("what about ¶15?") and names_paragraphs("the closing paragraph")
    assert not names_paragraphs("Which paragraph mentions OSA?")


HEADINGS = ["", "Security and Safety Cooperation", "Economy and People-to-People Exchanges",
            "Regional and International Cooperation", "Conclusion"]


@pytest.mark.parametrize(
    "question, sections",
    [
        ("Summarise the security section", (1,)),
        ("What is in the section on people-to-people exchanges?", (2,)),
        ("the section on regional and international cooperation", (3,)),
        ("What do the security and economy sections say about AI?", (1, 2)),
        ("What does the closing section say?", (4,)),
        ("Summarise the opening section", (0,)),
        ("Which section mentions OSA?", ()),  # no heading named
        ("Is this part of the economic partnership?", ()),  # "part" is too common to count
        ("What does the statement say about security cooperation?", ()),  # no "section"
    ],
)
def test_named_sections(question, sections):
    assert named_sections(question, HEADINGS) == sections


def test_a_section_is_named_by_its_heading_words_not_by_a_letter_or_a_small_word():
    headings = ["", "B. STRENGTHENED U.S.-EU ECONOMIC COOPERATION", "A. Partnerships in the Indo-Pacific"]
    # "statement" starts with the "s" of "U.S.", and "say" too; "in" is no heading's own word.
    assert named_sections("What does the data privacy section in the statement say?", headings) == ()
    assert named_sections("Summarise the economic section", headings) == (1,)
    assert named_sections("the indo-pacific section", headings) == (2,)
