"""The statement parser: paragraphs, page-break joins, headings, sentences, malformed input, and
the layouts of issue 15 (preamble, long titles, sub-headings, wrapped lines, bullets, signature
blocks, symbol end marks), on invented statements and on real public ones."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest

from jmqa.document import STATEMENT_FILE, load_statement
from jmqa.errors import DocumentParseError
from jmqa.parser import parse, split_sentences

DATA = Path(__file__).parent / "data"
STATEMENTS = DATA / "statements"
US_INDIA_2025 = "united-states-india-joint-leaders-statement-2025-02-13.txt"
INDIA_US_2023 = "joint-statement-from-india-and-the-united-states-2023-09-08.txt"
US_INDIA_2023 = "joint-statement-from-the-united-states-and-india-2023-06-22.txt"
US_EU_2023 = "us-eu-summit-joint-statement-2023-10-20.txt"
US_EU_2021 = "us-eu-summit-statement-2021-06-15.txt"
G7_2021 = "carbis-bay-g7-summit-communique-2021-06-13.txt"
RAW = (Path(__file__).parents[1] / "src" / "jmqa" / "data" / STATEMENT_FILE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def doc():
    return load_statement()


def test_title_date_place(doc):
    assert doc.title == "Japan-Malaysia Joint Statement"
    assert doc.date.isoformat() == "2026-06-10"
    assert doc.place == "Tokyo"
    assert doc.citation(14) == "Japan-Malaysia Joint Statement, 10 June 2026, ¶14"


def test_27_paragraphs_in_order(doc):
    assert [p.number for p in doc.paragraphs] == list(range(1, 28))
    assert doc.paragraph(27).text.endswith("based on the rule of law.")
    with pytest.raises(KeyError):
        doc.paragraph(28)


def test_headings_attach_to_the_paragraphs_under_them(doc):
    expected = {
        "": range(1, 5),
        "Security and Safety Cooperation": range(5, 10),
        "Economy and People-to-People Exchanges": range(10, 22),
        "Regional and International Cooperation": range(22, 27),
        "Conclusion": range(27, 28),
    }
    assert [s for s, _ in doc.sections] == list(expected)
    for section, numbers in expected.items():
        assert [p.number for p in doc.paragraphs if p.section == section] == list(numbers)


@pytest.mark.parametrize(
    "number, across_the_break",
    [
        (6, "through Japan's Official Security Assistance (OSA) since 2023"),
        (10, "as exemplified by the cooperation between Perodua and Daihatsu"),
        (12, "energy efficiency, and the progress in joint research"),
        (15, "the importance of promoting the utilization of satellite data"),
        (20, "JENESYS, Sakura Science Exchange Program, and MEXT Scholarship, and to sustain"),
    ],
)
def test_page_break_continuations_are_joined(doc, number, across_the_break):
    assert across_the_break in doc.paragraph(number).text


def test_every_line_of_the_source_lands_in_exactly_one_paragraph(doc):
    headings = {s for s, _ in doc.sections}
    body = [
        line.strip() for line in RAW.splitlines()
        if line.strip() and line.strip() not in headings | {"[End]", doc.title, "June 10, 2026, Tokyo"}
    ]
    for line in body:
        text = line.split(". ", 1)[1] if line.split(".", 1)[0].isdigit() else line
        holders = [p.number for p in doc.paragraphs if text in p.text]
        assert len(holders) == 1, (line[:50], holders)
    for p in doc.paragraphs:
        assert "\n" not in p.text and "  " not in p.text and p.text == p.text.strip()


def test_sentences_cover_each_paragraph(doc):
    for p in doc.paragraphs:
        assert p.sentences, p.number
        assert " ".join(p.sentence_texts()) == p.text
        assert all(s.end <= len(p.text) and s.start < s.end for s in p.sentences)


def test_sentences_survive_titles_and_abbreviations(doc):
    (only,) = doc.paragraph(1).sentence_texts()
    assert "Ms. Takaichi Sanae" in only and "Dato' Seri Anwar Ibrahim" in only
    assert len(doc.paragraph(14).sentences) == 8
    text = "Ms. Lee met the U.S. envoy, i.e. Mr. B. Smith, on Jan. 5. They agreed. Next?"
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Ms. Lee met the U.S. envoy, i.e. Mr. B. Smith, on Jan. 5.",
        "They agreed.",
        "Next?",
    ]


def test_a_second_statement_of_the_same_family_parses():
    doc = parse((DATA / "synthetic-statement.txt").read_text(encoding="utf-8"), "synthetic")
    assert doc.title.startswith("Joint Statement between the Republic of Atlantis")
    assert (doc.date.isoformat(), doc.place) == ("2025-03-12", "Poseidonia")
    assert [(p.number, p.section) for p in doc.paragraphs] == [
        (1, "Political Dialogue"), (2, "Political Dialogue"),
        (3, "Trade and Investment"), (4, "Trade and Investment"),
    ]
    # a line-wrapped paragraph, a page break, and a wrapped line that starts with "2027."
    assert "Lemuria. The two sides" in doc.paragraph(1).text
    assert "Sea Lanes Dialogue (SLD)" in doc.paragraph(2).text
    assert "review the tariffs in 2027. The review will be public." in doc.paragraph(3).text
    assert doc.paragraph(1).sentence_texts()[0].endswith("King Reef of Lemuria.")
    assert "ignored" not in " ".join(p.text for p in doc.paragraphs)  # [End] honoured


@pytest.mark.parametrize(
    "text, message",
    [
        ("Title\n\n1. One.\n3. Three.\n", "line 4: paragraph 3 where paragraph 2 was expected"),
        ("Title\n\n2. Two.\n", "line 3: paragraph 2 where paragraph 1 was expected"),
        ("Title\n\nJust prose.\n", "no numbered paragraph"),
        ("Title\n\n1. One.\n\nDangling Heading\n", "line 5: heading 'Dangling Heading' has no paragraph"),
        (
            "Title\n\n1. One.\n\nA Section\n\nSigned at Tokyo on 1 May 2024\n",
            "line 5: heading 'A Section' has no paragraph",
        ),
        (
            "Title\n\n1. One.\n\nSigned at Tokyo on 1 May 2024\n\n2. Two.\n",
            "line 7: paragraph 2 after the closing block that starts at line 5",
        ),
        ("Title\n\n1. One.\n\nTrade\n\nInvestment\n\nEnergy\n\n2. Two.\n", "line 5: 3 headings in a row"),
        (
            "Title\n\n1. One.\n\n(a) Trade\n\nInvestment\n\n2. Two.\n",
            "line 5: sub-heading '(a) Trade' is followed by another heading 'Investment'",
        ),
    ],
)
def test_malformed_statements_fail_naming_the_line(text, message):
    with pytest.raises(DocumentParseError, match=re.escape(message)):
        parse(text, "bad.txt")


def test_the_shipped_statement_parses_exactly_as_before(doc):
    """Pinned from the parser at 2494c70 (before the layout work): any drift here moves indexes."""
    pinned = json.loads((DATA / "japan-malaysia-parsed.json").read_text(encoding="utf-8"))
    assert (doc.title, doc.date.isoformat(), doc.place, doc.sha256) == (
        pinned["title"], pinned["date"], pinned["place"], pinned["sha256"],
    )
    assert [
        {"number": p.number, "section": p.section, "text": p.text,
         "sentences": [[s.start, s.end] for s in p.sentences]}
        for p in doc.paragraphs
    ] == pinned["paragraphs"]


def _read(name: str) -> str:
    return (STATEMENTS / name).read_text(encoding="utf-8")


def _structure(doc) -> list[tuple[int, str, str]]:
    return [(p.number, p.section, p.subheading) for p in doc.paragraphs]


def test_prose_before_paragraph_1_is_the_preamble_not_an_error():
    doc = parse("Title\n\nThis is a long sentence of prose that is not a title at all.\n\n1. One.\n")
    assert doc.title == "Title"
    assert [b.text for b in doc.preamble] == ["This is a long sentence of prose that is not a title at all."]
    assert [p.number for p in doc.paragraphs] == [1] and doc.paragraph(1).section == ""
    assert doc.citation("preamble") == "Title, preamble"


def test_a_long_title_a_quoted_subtitle_a_place_first_date_and_a_preamble():
    doc = parse(_read("invented-preamble-long-title.txt"))
    assert doc.title.startswith("Joint Statement by the President of the Republic of Atlantis")
    assert doc.title.endswith("on a Partnership for the Deep Sea") and len(doc.title.split()) > 12
    assert doc.subtitle == "“Partners Beneath the Waves”"
    assert (doc.date.isoformat(), doc.place) == ("2024-04-04", "Poseidonia")
    assert [b.text[:40] for b in doc.preamble] == [
        "The President of the Republic of Atlanti", "We, the President of Atlantis and the Pr",
    ]
    assert doc.preamble[0].sentence_texts()[0].endswith("on 4 April 2024.")  # "Ms." and "Mr." kept
    assert _structure(doc) == [
        (1, "Ocean Science", ""), (2, "Ocean Science", ""), (3, "People-to-People Ties", ""),
    ]
    assert doc.paragraph(2).sentence_texts() == [
        "They agreed to share sonar data through the Atlantis-U.N. Ocean Registry.",
        "The registry will be public.",
    ]
    assert doc.citation(3).endswith("4 April 2024, ¶3") and doc.citation("preamble").endswith(", preamble")


def test_sub_headings_attach_to_their_paragraphs_and_bullets_stay_in_theirs():
    doc = parse(_read("invented-subheadings-bullets.txt"))
    assert _structure(doc) == [
        (1, "Economic Partnership", "(a) Trade"), (2, "Economic Partnership", "(a) Trade"),
        (3, "Economic Partnership", "(b) Investment"), (4, "Economic Partnership", "(b) Investment"),
        (5, "Security", ""),
    ]
    assert [s for s, _ in doc.sections] == [
        "Economic Partnership › (a) Trade", "Economic Partnership › (b) Investment", "Security",
    ]
    assert doc.paragraph(3).heading == "Economic Partnership › (b) Investment"
    assert doc.paragraph(5).heading == "Security"
    assert doc.paragraph(2).text == (
        "The leaders welcomed the following steps: - the opening of a customs office in the port of "
        "Brine; - a single window for exporters; and - a review of quotas in 2026."
    )
    # capitalised bullet items without full stops are list items, not headings
    assert doc.paragraph(4).text.endswith("will: • Meet Twice a Year • Report to Both Governments")


def test_hard_wrapped_lines_runs_of_spaces_and_dotted_abbreviations():
    doc = parse(_read("invented-hard-wrapped.txt"))
    assert _structure(doc) == [(1, "", ""), (2, "Economy", ""), (3, "Economy", "")]
    # "...Atlantis-U.N." ends a line with a full stop; the capitalised line after it is not a heading
    assert doc.paragraph(1).sentence_texts() == [
        "The leaders met in Poseidonia and reviewed the Atlantis-U.N. Partnership, which marks its tenth year.",
        "They agreed that the partnership has served both peoples well.",
        "The leaders then turned to the economy and to trade.",
    ]
    assert doc.paragraph(2).sentence_texts() == [
        "Both sides welcomed the expansion of the Lemuria-U.K. Shipping Line to three new ports.",
        "The first port opened in 2024.",
        "The second will open next year.",
    ]
    assert doc.paragraph(3).text == "The leaders agreed to meet again in Lemuria."  # a tab after "3."


def test_a_signature_block_is_the_closing_and_a_line_of_symbols_ends_the_text():
    doc = parse(_read("invented-signature-block.txt"))
    assert [p.number for p in doc.paragraphs] == [1, 2, 3]
    assert doc.paragraph(3).text == "They will resolve their differences through dialogue."
    assert doc.closing[0].startswith("Signed at Poseidonia on 26 October 2025, in quadruplicate")
    assert "Witnessed by:" in doc.closing
    assert doc.closing[1].split() == "For the Kingdom of Atlantis For the Kingdom of Lemuria".split()
    assert doc.closing[-1].startswith("President of Mu") and "  " in doc.closing[-1]  # columns kept
    assert not any("Annex" in line for line in doc.closing)  # "*****" ended the text
    # no date line at the top: the date and place come from "Signed at ... on ..."
    assert (doc.date.isoformat(), doc.place) == ("2025-10-26", "Poseidonia")


@pytest.mark.parametrize("end", ["*****", "---", "* * *", "-End-", "(end)"])
def test_end_marks(end):
    doc = parse(f"Title\n\n1. One.\n2. Two.\n\n{end}\n\n3. Three, ignored.\n")
    assert [p.text for p in doc.paragraphs] == ["One.", "Two."]


def test_a_line_of_symbols_above_paragraph_1_is_decoration():
    doc = parse("Title\n=====\n\nJune 2, 2025\n\n* * *\n\n1. One.\n")
    assert (doc.title, doc.date.isoformat(), doc.preamble, doc.paragraph(1).text) == (
        "Title", "2025-06-02", (), "One.",
    )


def test_a_signatory_line_starts_the_closing_block():
    doc = parse("Title\n\n1. One.\n2. Two.\n\nFor the Government of Atlantis:\nCoral Reyes\n")
    assert doc.paragraph(2).text == "Two."
    assert doc.closing == ("For the Government of Atlantis:", "Coral Reyes")


def test_headings_above_the_date_line_are_not_the_section_of_paragraph_1():
    doc = parse("Joint Statement\n\nA New Era\n\nMay 5, 2024\n\nTrade\n\n1. One.\n")
    assert (doc.title, [b.text for b in doc.preamble], doc.paragraph(1).section) == (
        "Joint Statement", ["A New Era"], "Trade",
    )


def test_a_closing_date_line_after_the_last_paragraph():
    doc = parse("Title\n\n1. One.\n2. Two.\n\nTokyo, 10 June 2026\n")
    assert (doc.date.isoformat(), doc.place, doc.closing) == ("2026-06-10", "Tokyo", ("Tokyo, 10 June 2026",))
    assert doc.paragraph(2).text == "Two."


def test_sentences_do_not_end_after_a_hyphenated_abbreviation():
    text = "They hailed the India-U.S. Strategic Partnership. It grows. The U.S.-India Forum met."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "They hailed the India-U.S. Strategic Partnership.", "It grows.", "The U.S.-India Forum met.",
    ]


def test_a_full_stop_without_its_space_still_ends_a_sentence():
    text = "It aims to be net-zero by 2030.The two sides met the U.S.The end came.Version 2.0 ships."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "It aims to be net-zero by 2030.", "The two sides met the U.S.The end came.", "Version 2.0 ships.",
    ]


# --- real public statements (sources and licences in tests/data/statements/README.md) ---------


@pytest.fixture(scope="module")
def us_india():
    return parse(_read(US_INDIA_2025), US_INDIA_2025)


def test_real_us_india_2025_parses_as_published(us_india):
    assert us_india.title == "United States-India Joint Leaders’ Statement"
    assert us_india.date.isoformat() == "2025-02-13"
    assert [b.text.split(",")[0] for b in us_india.preamble] == [
        "The President of the United States of America",
        "As the leaders of sovereign and vibrant democracies that value freedom",
        "Today",
    ]
    sections = {s: [p.number for p in ps] for s, ps in us_india.sections}
    assert sections == {
        "Defense": list(range(1, 7)), "Trade and Investment": list(range(7, 11)),
        "Energy Security": list(range(11, 15)), "Technology and Innovation": list(range(15, 23)),
        "Multilateral Cooperation": list(range(23, 30)), "People to People Cooperation": list(range(30, 34)),
    }
    assert us_india.paragraph(7).text.startswith("The leaders resolved to expand trade and investment")
    assert "“Mission 500”" in us_india.paragraph(7).text
    assert us_india.paragraph(33).text.endswith("contributes to a free and open Indo-Pacific.")
    assert us_india.closing == ()
    for p in us_india.paragraphs:  # the runs of spaces after "1." and between sentences are gone
        assert "  " not in p.text and not p.text[0].isspace()
        assert " ".join(p.sentence_texts()) == p.text
    first_preamble = us_india.preamble[0].sentence_texts()
    assert first_preamble == [us_india.preamble[0].text]  # "Donald J. Trump" is one sentence


@pytest.mark.parametrize("width", [40, 72])
@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_real_us_india_2025_hard_wrapped_parses_to_the_same_paragraphs(us_india, width, separator):
    """The mirror the text came from wraps at 72 columns; any width, with or without blank lines
    between paragraphs, must give the same paragraphs, headings and sentences."""
    raw = _read(US_INDIA_2025)
    wrapped = separator.join(
        textwrap.fill(block, width, break_on_hyphens=False) for block in raw.split("\n\n")
    )
    doc = parse(wrapped, "wrapped")
    assert doc.paragraphs == us_india.paragraphs
    assert (doc.title, doc.date) == (us_india.title, us_india.date)
    if separator == "\n\n":
        assert doc.preamble == us_india.preamble
    else:  # without blank lines the opening paragraphs run together, but stay the preamble
        assert [b.text for b in doc.preamble] == [" ".join(b.text for b in us_india.preamble)]


def test_real_india_us_2023_hard_wrapped_with_runs_of_spaces_parses_as_published():
    """Wrapped at 72 columns, "1.           Prime Minister", "India-U.S. Strategic": the three
    layouts the issue reports from this statement."""
    doc = parse(_read(INDIA_US_2023), INDIA_US_2023)
    assert (doc.title, doc.date.isoformat()) == ("Joint Statement from India and the United States", "2023-09-08")
    assert [p.number for p in doc.paragraphs] == list(range(1, 30))
    assert {p.section for p in doc.paragraphs} == {""} and doc.preamble == () and doc.closing == ()
    assert doc.paragraph(1).text.startswith("Prime Minister Narendra Modi welcomed United States President")
    assert doc.paragraph(2).sentence_texts()[0].endswith(
        "transforming the India-U.S. Strategic Partnership across all dimensions of our multifaceted "
        "global agenda, based on trust and mutual understanding."
    )
    # a wrapped line ending in a full stop ("...outcomes.") followed by a capitalised line
    assert len(doc.paragraph(3).sentences) == 2
    assert "G20 Leaders’ Summit in New Delhi will advance" in doc.paragraph(3).text
    assert doc.paragraph(29).text.endswith("a free, open, inclusive, and resilient Indo-Pacific.")
    for p in doc.paragraphs:
        assert "  " not in p.text and " ".join(p.sentence_texts()) == p.text


def test_a_title_wrapped_over_two_lines_and_roman_numbered_capital_headings():
    text = (
        "Joint Statement by the President of Atlantis and\n"
        "the Prime Minister of Lemuria on a Partnership for the Deep Sea\n\n"
        "May 5, 2024, Poseidonia\n\n"
        "I. POLITICAL RELATIONS\n\n1. One.\n\nII. OCEAN SCIENCE\n\n2. Two.\n"
    )
    doc = parse(text)
    assert doc.title == (
        "Joint Statement by the President of Atlantis and the Prime Minister of Lemuria on a "
        "Partnership for the Deep Sea"
    )
    assert (doc.place, doc.preamble) == ("Poseidonia", ())
    assert _structure(doc) == [(1, "I. POLITICAL RELATIONS", ""), (2, "II. OCEAN SCIENCE", "")]


def test_a_heading_shaped_wrapped_line_before_a_wrapped_number_is_text():
    # "The leaders met in" looks like a heading, but "26." is not the next paragraph number
    doc = parse("T\n\n1. The sides met.\nThe leaders met in\n\n26. places. They agreed.\n2. Two.\n")
    assert [(p.number, p.text) for p in doc.paragraphs] == [
        (1, "The sides met. The leaders met in 26. places. They agreed."), (2, "Two."),
    ]


def test_real_us_india_june_2023_wrapped_headings_inline_number_and_stars_end():
    """58 paragraphs wrapped at 72 columns; a heading wrapped over two lines; paragraph 28's
    number run into the last line of paragraph 27 ("...Blue Pacific.  28.      The leaders");
    "*****" closing the text."""
    doc = parse(_read(US_INDIA_2023), US_INDIA_2023)
    assert (doc.title, doc.date.isoformat()) == ("Joint Statement from the United States and India", "2023-06-22")
    assert [p.number for p in doc.paragraphs] == list(range(1, 59))
    assert [(s, ps[0].number, ps[-1].number) for s, ps in doc.sections] == [
        ("", 1, 1),
        ("Charting a Technology Partnership for the Future", 2, 10),
        ("Powering a Next Generation Defense Partnership", 11, 16),
        ("Catalyzing the Clean Energy Transition", 17, 23),
        ("Deepening Strategic Convergence", 24, 36),
        ("Propelling Global Growth", 37, 46),
        ("Empowering Future Generations and Protecting the Health of our People", 47, 58),
    ]
    assert doc.paragraph(27).text.endswith("as an observer in the Partners in the Blue Pacific.")
    assert doc.paragraph(28).text.startswith("The leaders also welcomed the depth and pace")
    assert doc.paragraph(58).text.endswith("now and into the future.")
    assert (doc.preamble, doc.closing) == ((), ())


def test_a_heading_after_a_paragraph_without_its_full_stop():
    # A blank line, then heading-shaped lines that lead straight to the next paragraph: headings,
    # not the end of the paragraph before, which ends without a full stop as published.
    doc = parse(
        "T\n\nTrade\n\n1. The path to lasting peace\n\nMaritime Cooperation\n\n2. Two.\n"
        "3. Three ends\nWrapped Like a Heading\n4. Four.\n"
    )
    assert _structure(doc) == [
        (1, "Trade", ""), (2, "Maritime Cooperation", ""), (3, "Maritime Cooperation", ""),
        (4, "Maritime Cooperation", ""),
    ]
    assert doc.paragraph(1).text == "The path to lasting peace"
    assert doc.paragraph(3).text == "Three ends Wrapped Like a Heading"  # no blank line: wrapped


def test_real_us_eu_2023_lettered_sections_subheadings_and_a_paragraph_without_full_stop():
    """34 paragraphs, one per line, numbers followed by two spaces; "A. ..." and "B. ..." in
    capitals, each over plain headings, which are their sub-headings; ¶2 ends without a full
    stop before the next heading."""
    doc = parse(_read(US_EU_2023), US_EU_2023)
    assert (doc.title, doc.date.isoformat()) == ("U.S.-EU Summit Joint Statement", "2023-10-20")
    assert [p.number for p in doc.paragraphs] == list(range(1, 35))
    assert doc.paragraph(2).text.endswith("remains the viable path to lasting peace")
    assert (doc.paragraph(2).section, doc.paragraph(2).subheading) == (
        "A. TOWARD A MORE SECURE AND STABLE WORLD", "Situation in the Middle East",
    )
    a, b = "A. TOWARD A MORE SECURE AND STABLE WORLD", "B. STRENGTHENED U.S.-EU ECONOMIC COOPERATION"
    assert [p.section for p in doc.paragraphs] == [""] + [a] * 19 + [b] * 14
    sections = [(s, ps[0].number, ps[-1].number) for s, ps in doc.sections]
    assert sections[:4] == [
        ("", 1, 1),
        (f"{a} › Situation in the Middle East", 2, 2),
        (f"{a} › Russia’s War against Ukraine and Support for Regional Stability", 3, 8),
        (f"{a} › Africa", 9, 9),
    ]
    assert (b, 21, 22) in sections and (f"{b} › Expanding People-to-People Contacts", 34, 34) in sections
    assert len(sections) == 14
    assert (doc.preamble, doc.closing) == ((), ())
    for p in doc.paragraphs:
        assert "  " not in p.text and " ".join(p.sentence_texts()) == p.text


def test_real_us_eu_2021_a_heading_numbered_in_roman_may_be_as_long_as_a_sentence():
    """36 paragraphs; "I. End the COVID-19 pandemic, ... recovery" (17 words) heads ¶4-8, not the
    end of ¶3; a heading over ¶1 under the date line."""
    doc = parse(_read(US_EU_2021), US_EU_2021)
    assert (doc.title, doc.date.isoformat()) == ("U.S.-EU Summit Statement", "2021-06-15")
    assert [p.number for p in doc.paragraphs] == list(range(1, 37))
    assert doc.paragraph(3).text.endswith("cooperate with all those who share these objectives.")
    sections = [(s, ps[0].number, ps[-1].number) for s, ps in doc.sections]
    assert [(first, last) for _, first, last in sections] == [(1, 3), (4, 8), (9, 14), (15, 23), (24, 36)]
    assert sections[1][0] == (
        "I. End the COVID-19 pandemic, prepare for future global health challenges, and drive "
        "forward a sustainable global recovery"
    )
    assert [s.split(".")[0] for s, _, _ in sections[2:]] == ["II", "III", "IV"]
    assert (doc.preamble, doc.closing) == ((), ())


def test_real_g7_2021_a_preamble_with_its_own_list_and_lists_inside_paragraphs():
    """70 paragraphs under nine headings in capitals; two preamble paragraphs, the first ending in
    a six-item list that stays with it; ¶67's list and the line after it stay in ¶67."""
    doc = parse(_read(G7_2021), G7_2021)
    assert (doc.title, doc.date.isoformat(), doc.place) == ("CARBIS BAY G7 SUMMIT COMMUNIQUÉ", "2021-06-13", "Carbis Bay")
    assert [p.number for p in doc.paragraphs] == list(range(1, 71))
    sections = [(s, ps[0].number) for s, ps in doc.sections]
    assert [first for _, first in sections] == [1, 6, 19, 27, 31, 37, 44, 48, 70]
    assert sections[-1][0] == "CONCLUSION"
    assert len(doc.preamble) == 2 and doc.closing == ()
    assert doc.preamble[0].text.count(" - ") == 6
    assert doc.preamble[1].text.startswith("We shall seek to advance this open agenda")
    assert doc.paragraph(16).text.count(" - ") == 6
    assert doc.paragraph(67).text.endswith("report back to us in the Autumn.")
    assert doc.paragraph(70).text.startswith("In Cornwall we have revitalised our G7 partnership.")


def test_a_long_line_is_a_heading_only_when_numbered_as_one():
    words = " ".join(["word"] * 16)
    numbered = parse(f"T\n\n1. One ends.\n\nII. Build {words} together\n\n2. Two.\n")
    assert [p.section for p in numbered.paragraphs] == ["", f"II. Build {words} together"]
    plain = parse(f"T\n\n1. One ends.\n\nBuild {words} together\n\n2. Two.\n")
    assert plain.paragraph(1).text == f"One ends. Build {words} together"
    assert [p.section for p in plain.paragraphs] == ["", ""]


def test_two_levels_of_heading_told_apart_by_how_they_are_set():
    text = (
        "T\n\nA. OCEANS\n\nKelp\n\n1. One.\n\nPearls\n\n2. Two.\n\nB. SKIES\n\n3. Three.\n\n"
        "Winds\n\n4. Four.\n"
    )
    doc = parse(text)
    assert [(p.section, p.subheading) for p in doc.paragraphs] == [
        ("A. OCEANS", "Kelp"), ("A. OCEANS", "Pearls"), ("B. SKIES", ""), ("B. SKIES", "Winds"),
    ]
    assert [h for h, _ in doc.sections] == ["A. OCEANS › Kelp", "A. OCEANS › Pearls", "B. SKIES", "B. SKIES › Winds"]
    # Headings all set alike are one level: each is a section.
    flat = parse("T\n\nOceans\n\n1. One.\n\nKelp\n\n2. Two.\n")
    assert [(p.section, p.subheading) for p in flat.paragraphs] == [("Oceans", ""), ("Kelp", "")]


def test_an_inline_number_splits_only_when_it_is_the_next_one():
    doc = parse("T\n\n1. One ends.  2.   Two starts.\n3. Three.\n\n4. Four says 1990.  7.  Seven.\n")
    assert [p.text for p in doc.paragraphs] == [
        "One ends.", "Two starts.", "Three.", "Four says 1990. 7. Seven.",
    ]


def test_the_preamble_and_closing_are_passages_after_the_numbered_paragraphs():
    doc = parse(_read("invented-preamble-closing.txt"))
    assert [p.number for p in doc.passages] == [1, 2, 3, 4, "preamble", "closing"]
    assert [p.number for p in doc.reading_order] == ["preamble", 1, 2, 3, 4, "closing"]
    assert [doc.position(n) for n in (1, 4, "preamble", "closing")] == [0, 3, 4, 5]
    preamble = doc.paragraph("preamble")
    assert preamble.text == " ".join(b.text for b in doc.preamble) and preamble.section == ""
    # The blocks' own sentences, moved to where each block sits in the joined text.
    assert preamble.sentence_texts() == [s for b in doc.preamble for s in b.sentence_texts()]
    closing = doc.paragraph("closing")
    assert closing.sentence_texts() == list(doc.closing)  # one line, one sentence
    assert doc.citation("closing").endswith("9 September 2025, closing")
    with pytest.raises(KeyError, match="no preamble"):
        parse(_read("invented-hard-wrapped.txt")).paragraph("preamble")
    with pytest.raises(KeyError):
        doc.position(5)


def test_a_statement_without_preamble_or_closing_has_only_its_paragraphs_as_passages():
    doc = load_statement()
    assert doc.passages == doc.paragraphs == doc.reading_order
    assert [doc.position(p.number) for p in doc.paragraphs] == list(range(27))


@pytest.mark.parametrize(
    "name, passage, written",
    [
        ("invented-signature-block.txt", "closing", "26 October 2025"),
        ("invented-preamble-closing.txt", "closing", "9 September 2025"),
        ("united-states-india-joint-leaders-statement-2025-02-13.txt", "preamble", "February 13, 2025"),
    ],
)
def test_the_sentences_that_write_the_statements_own_date(name, passage, written):
    doc = parse((STATEMENTS / name).read_text(encoding="utf-8"), source=name)
    [(key, span)] = doc.dated_sentences
    assert key == passage and written in doc.paragraph(key).text[span.start : span.end]


def test_a_date_written_only_in_the_date_line_or_in_another_form_of_words_dates_no_sentence(doc):
    assert [(key, doc.paragraph(key).text[s.start : s.end][:17]) for key, s in doc.dated_sentences] == [
        (1, "On June 10, 2026,")
    ]
    only_dated_above = parse("Joint Statement\n10 June 2026\n\n1. The leaders met today in Tokyo.\n")
    assert only_dated_above.date is not None and only_dated_above.dated_sentences == ()
    other_day = parse("Joint Statement\n10 June 2026\n\n1. They met on 11 June 2026. They spoke on the 10th of June, 2026.\n")
    [(_, span)] = other_day.dated_sentences  # "the 10th of June" is the date; the 11th is not
    assert other_day.paragraph(1).text[span.start : span.end] == "They spoke on the 10th of June, 2026."


def test_the_outline_tells_the_layout_in_the_statements_own_headings(doc):
    outline = doc.outline
    assert outline.startswith('"Japan-Malaysia Joint Statement", 10 June 2026, Tokyo. 27 numbered paragraphs, ')
    assert "¶1-¶4 before any heading, then 4 headings: Security and Safety Cooperation (¶5-¶9);" in outline
    assert outline.endswith("Conclusion (¶27).")
    bare = parse("Joint Statement\n\n1. They met.\n2. They spoke.\n")
    assert bare.outline == '"Joint Statement". 2 numbered paragraphs.'  # no date, no heading


def test_the_outline_names_a_preamble_and_a_closing_block():
    doc = parse((STATEMENTS / "invented-preamble-closing.txt").read_text(encoding="utf-8"))
    assert doc.outline.endswith("with an unnumbered preamble and a closing block.")
