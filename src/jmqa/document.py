"""A parsed joint statement: its numbered paragraphs, the text around them, and how a passage
is named and cited. :mod:`jmqa.parser` builds a :class:`Document` from a statement's text.

Example::

    >>> from jmqa.document import load_statement
    >>> doc = load_statement()
    >>> doc.paragraph(6).text[:60]
    'Both leaders welcomed the deepening of security cooperation '
    >>> doc.citation(14)
    'Japan-Malaysia Joint Statement, 10 June 2026, ¶14'
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass
from typing import Literal

from jmqa.data_files import read_data_file

STATEMENT_FILE = "japan-malaysia-joint-statement-2026-06-10.txt"
PREAMBLE = "preamble"
CLOSING = "closing"
# What a quote cites: a numbered paragraph by its own number, or the unnumbered text around the
# numbered paragraphs (the preamble before ¶1, the closing block after the last).
PassageKey = int | Literal["preamble", "closing"]

@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a paragraph's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """One numbered paragraph: its section heading ("" before the first heading), its
    sub-heading inside that section ("" when there is none) and its text.

    The preamble and the closing block, searched and quoted like paragraphs, are Paragraphs too
    (see :attr:`Document.passages`): their ``number`` is "preamble" or "closing", never an int.
    """

    number: PassageKey
    section: str
    text: str
    sentences: tuple[Span, ...]
    subheading: str = ""

    @property
    def heading(self) -> str:
        """The heading it stands under, as shown: its section and sub-heading joined
        ("Economy › (a) Trade"), or whichever of them it has ("" for neither)."""
        return HEADING_JOIN.join(h for h in (self.section, self.subheading) if h)

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.sentences]


HEADING_JOIN = " › "


@dataclass(frozen=True)
class Block:
    """An unnumbered opening paragraph (the preamble before paragraph 1), split into sentences."""

    text: str
    sentences: tuple[Span, ...]

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.sentences]


@dataclass(frozen=True)
class Document:
    """A parsed statement: title, date, place, its paragraphs in order, and what surrounds them
    (a subtitle, the unnumbered preamble, the closing signature block, line by line)."""

    title: str
    date: dt.date | None
    place: str
    paragraphs: tuple[Paragraph, ...]
    sha256: str
    subtitle: str = ""
    preamble: tuple[Block, ...] = ()
    closing: tuple[str, ...] = ()

    def paragraph(self, number: PassageKey) -> Paragraph:
        """Return paragraph ``number`` (1-based), or the "preamble" or "closing" passage, or
        raise ``KeyError``."""
        if isinstance(number, int) and 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        if isinstance(number, str) and number in self._extra_positions:
            return self.passages[self._extra_positions[number]]
        if isinstance(number, str):
            raise KeyError(f"the statement has no {number}")
        raise KeyError(f"the statement has paragraphs 1-{len(self.paragraphs)}, not {number}")

    @functools.cached_property
    def passages(self) -> tuple[Paragraph, ...]:
        """What is searched and quoted: the numbered paragraphs in order, then the preamble (its
        blocks joined, one passage) and the closing block (one line, one sentence), when the
        statement has them. A statement without either has exactly its paragraphs."""
        extra = []
        if self.preamble:
            extra.append(_passage(PREAMBLE, [(b.text, b.sentences) for b in self.preamble]))
        if self.closing:
            extra.append(_passage(CLOSING, [(line, (Span(0, len(line)),)) for line in self.closing]))
        return self.paragraphs + tuple(extra)

    @property
    def reading_order(self) -> tuple[Paragraph, ...]:
        """The passages as the text runs: the preamble, the numbered paragraphs, the closing."""
        extra = self.passages[len(self.paragraphs) :]
        return (
            tuple(p for p in extra if p.number == PREAMBLE)
            + self.paragraphs
            + tuple(p for p in extra if p.number == CLOSING)
        )

    @functools.cached_property
    def _extra_positions(self) -> dict[str, int]:
        return {str(p.number): i for i, p in enumerate(self.passages) if isinstance(p.number, str)}

    def position(self, number: PassageKey) -> int:
        """Where passage ``number`` sits in :attr:`passages` (and so in every per-passage array
        of scores): ¶1 at 0, the preamble and closing after the last paragraph."""
        if isinstance(number, int) and 1 <= number <= len(self.paragraphs):
            return number - 1
        if isinstance(number, str) and number in self._extra_positions:
            return self._extra_positions[number]
        raise KeyError(f"the statement has no passage {number!r}")

    @property
    def sections(self) -> list[tuple[str, list[Paragraph]]]:
        """Paragraphs grouped by heading (a sub-heading's paragraphs apart, under
        "section › sub-heading"), in document order."""
        groups: list[tuple[str, list[Paragraph]]] = []
        for p in self.paragraphs:
            if not groups or groups[-1][0] != p.heading:
                groups.append((p.heading, []))
            groups[-1][1].append(p)
        return groups

    @property
    def date_text(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}" if self.date else ""

    @functools.cached_property
    def dated_sentences(self) -> tuple[tuple[PassageKey, Span], ...]:
        """The sentences that write the statement's own date, day, month and year ("On June 10,
        2026, in Tokyo, ...", "Signed at Poseidonia on 26 October 2025"), in reading order: where
        the statement says when it was made. Empty when it has no date, or writes it only in its
        date line, which is no passage."""
        if self.date is None:
            return ()
        name = f"{self.date:%B}"  # as date_text names it
        month, day, year = rf"(?:{name}|{name[:3]}\.?)", self.date.day, self.date.year
        written = re.compile(
            rf"\b{month}\s+{day}(?:st|nd|rd|th)?,?\s+{year}\b"
            rf"|\b{day}(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+{year}\b",
            re.IGNORECASE,
        )
        return tuple(
            (p.number, span)
            for p in self.reading_order
            for span in p.sentences
            if written.search(p.text[span.start : span.end])
        )

    @property
    def outline(self) -> str:
        """The statement's layout in one line, in jmqa's words around the statement's own title
        and headings: what can be told of it as a document, where no paragraph describes it.

        >>> load_statement().outline[:100]
        '"Japan-Malaysia Joint Statement", 10 June 2026, Tokyo. 27 numbered paragraphs, ¶1-¶4 before any head'
        """
        layout = f"{len(self.paragraphs)} numbered paragraphs"
        unheaded = [p for h, group in self.sections if not h for p in group]
        headed = [(h, group) for h, group in self.sections if h]
        if headed:
            before = f"{_span_label(unheaded)} before any heading, then " if unheaded else ""
            headings = "; ".join(f"{h} ({_span_label(group)})" for h, group in headed)
            layout += f", {before}{len(headed)} heading{'s' if len(headed) > 1 else ''}: {headings}"
        around = [
            name
            for name, present in (("an unnumbered preamble", self.preamble), ("a closing block", self.closing))
            if present
        ]
        if around:
            layout += f", with {' and '.join(around)}"
        named = ", ".join(part for part in (f'"{self.title}"', self.date_text, self.place) if part.strip('"'))
        return f"{named}. {layout}."

    def citation(self, number: PassageKey) -> str:
        """How to cite a paragraph: "Japan-Malaysia Joint Statement, 10 June 2026, ¶14", or the
        preamble: "..., preamble"."""
        return ", ".join(part for part in (self.title, self.date_text, label(number)) if part)


UNTITLED_SECTION = "Opening paragraphs (no heading)"  # shown for paragraphs before any heading


def label(number: PassageKey) -> str:
    """How a passage is named: "¶14", "preamble" or "closing"."""
    return number if isinstance(number, str) else f"¶{number}"


def _span_label(paragraphs: list[Paragraph]) -> str:
    """"¶5-¶10", or "¶27" for one paragraph."""
    first, last = paragraphs[0].number, paragraphs[-1].number
    return f"¶{first}" if first == last else f"¶{first}-¶{last}"


def heading(number: PassageKey, section: str) -> str:
    """The heading a quote is shown under: "¶14 · Economy and People-to-People Exchanges", or
    just "preamble" or "closing" for the unnumbered text around the numbered paragraphs."""
    return f"¶{number} · {section or UNTITLED_SECTION}" if isinstance(number, int) else number


def _passage(key: Literal["preamble", "closing"], pieces: list[tuple[str, tuple[Span, ...]]]) -> Paragraph:
    """One passage of several pieces of text, joined by a space, their sentences kept."""
    text, sentences = "", []
    for piece, spans in pieces:
        offset = len(text) + 1 if text else 0
        text = f"{text} {piece}" if text else piece
        sentences += [Span(s.start + offset, s.end + offset) for s in spans]
    return Paragraph(key, "", text, tuple(sentences))


@functools.cache
def load_statement() -> Document:
    """Parse the Japan-Malaysia Joint Statement shipped inside the package."""
    from jmqa.parser import parse  # the parser builds Documents: imported here, not at the top

    text = read_data_file(STATEMENT_FILE)
    return parse(text, source=STATEMENT_FILE)


def corpus_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
