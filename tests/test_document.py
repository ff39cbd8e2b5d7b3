"""The statement parser: paragraphs, page-break joins, headings, sentences, malformed input."""

from __future__ import annotations

from pathlib import Path

import pytest

from jmqa.document import STATEMENT_FILE, load_statement, parse, split_sentences
from jmqa.errors import DocumentParseError

DATA = Path(__file__).parent / "data"
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
        (
            "Title\n\nThis is a long sentence of prose that is not a title at all.\n\n1. One.\n",
            "line 3: text before paragraph 1",
        ),
        ("Title\n\nJust prose.\n", "no numbered paragraph"),
        ("Title\n\n1. One.\n\nDangling Heading\n", "line 5: heading 'Dangling Heading' has no paragraph"),
    ],
)
def test_malformed_statements_fail_naming_the_line(text, message):
    with pytest.raises(DocumentParseError, match=message.replace("(", r"\(")):
        parse(text, "bad.txt")


def test_the_shipped_statement_parses_exactly_as_before(doc):
    """Pinned from the parser at 2494c70 (before the layout work): any drift here moves indexes."""
    import json

    pinned = json.loads((DATA / "japan-malaysia-parsed.json").read_text(encoding="utf-8"))
    assert (doc.title, doc.date.isoformat(), doc.place, doc.sha256) == (
        pinned["title"], pinned["date"], pinned["place"], pinned["sha256"],
    )
    assert [
        {"number": p.number, "section": p.section, "text": p.text,
         "sentences": [[s.start, s.end] for s in p.sentences]}
        for p in doc.paragraphs
    ] == pinned["paragraphs"]
