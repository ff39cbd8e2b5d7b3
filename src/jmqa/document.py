"""Parse a joint statement (numbered paragraphs under headings) into a :class:`Document`.

Joint statements are published as a title, a date-and-place line, then paragraphs numbered
``1.``, ``2.``, ... grouped under short section headings, sometimes closed by ``[End]``. The
plain-text copies break paragraphs at page breaks (a blank line in mid-sentence); the grammar
below rejoins them by paragraph number, not by blank lines.

Example::

    >>> from jmqa.document import load_statement
    >>> doc = load_statement()
    >>> doc.paragraph(6).text[:60]
    'Both leaders welcomed the deepening of security cooperation '
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass

from jmqa.data_files import read_data_file
from jmqa.errors import DocumentParseError

STATEMENT_FILE = "japan-malaysia-joint-statement-2026-06-10.txt"

_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_END_MARK = "[end]"
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE_US = re.compile(r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})(?P<rest>.*)$")
_DATE_EU = re.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})(?P<rest>.*)$")
_SENTENCE_END = ('.', '!', '?', '."', '.”', ".'", '.)', ':', ';')


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a paragraph's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Paragraph:
    """One numbered paragraph, its section heading ("" before the first heading) and its text."""

    number: int
    section: str
    text: str
    sentences: tuple[Span, ...]

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.sentences]


@dataclass(frozen=True)
class Document:
    """A parsed statement: title, date, place and its paragraphs in order."""

    title: str
    date: dt.date | None
    place: str
    paragraphs: tuple[Paragraph, ...]
    sha256: str

    def paragraph(self, number: int) -> Paragraph:
        """Return paragraph ``number`` (1-based), or raise ``KeyError``."""
        if 1 <= number <= len(self.paragraphs):
            return self.paragraphs[number - 1]
        raise KeyError(f"the statement has paragraphs 1-{len(self.paragraphs)}, not {number}")

    @property
    def sections(self) -> list[tuple[str, list[Paragraph]]]:
        """Paragraphs grouped by heading, in document order."""
        groups: list[tuple[str, list[Paragraph]]] = []
        for p in self.paragraphs:
            if not groups or groups[-1][0] != p.section:
                groups.append((p.section, []))
            groups[-1][1].append(p)
        return groups

    @property
    def date_text(self) -> str:
        return f"{self.date.day} {self.date:%B %Y}" if self.date else ""

    def citation(self, number: int) -> str:
        """How to cite a paragraph: "Japan-Malaysia Joint Statement, 10 June 2026, ¶14"."""
        return ", ".join(part for part in (self.title, self.date_text, f"¶{number}") if part)


@functools.cache
def load_statement() -> Document:
    """Parse the Japan-Malaysia Joint Statement shipped inside the package."""
    text = read_data_file(STATEMENT_FILE)
    return parse(text, source=STATEMENT_FILE)


def corpus_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse(text: str, source: str = "<text>") -> Document:
    """Parse a statement's plain text.

    Raises :class:`DocumentParseError` naming the line when paragraph numbers are out of order,
    when text before paragraph 1 is neither a title, a date line nor a heading, or when there is
    no numbered paragraph at all.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    preamble: list[tuple[int, str]] = []
    paragraphs: list[tuple[int, str, list[str]]] = []  # (number, section, pieces)
    section = ""
    pending_heading: tuple[int, str] | None = None

    for lineno, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if line.lower() == _END_MARK:
            break
        numbered = _NUMBERED.match(line)
        if numbered and _wrapped_number(paragraphs, int(numbered.group(1))):
            numbered = None  # "...launched in / 2023. The leaders": a wrapped line, not ¶2023
        if numbered:
            number = int(numbered.group(1))
            expected = len(paragraphs) + 1
            if number != expected:
                raise DocumentParseError(
                    f"{source}, line {lineno}: paragraph {number} where paragraph {expected} "
                    f"was expected (numbers must run 1, 2, 3, ... in order)"
                )
            if not paragraphs:
                section = _section_from_preamble(preamble, source)
            if pending_heading is not None:
                section = pending_heading[1]
                pending_heading = None
            paragraphs.append((number, section, [numbered.group(2)]))
            continue
        if not paragraphs:
            preamble.append((lineno, line))
            continue
        if pending_heading is not None:
            raise DocumentParseError(
                f"{source}, line {pending_heading[0]}: heading {pending_heading[1]!r} is followed "
                f"by text that is not a numbered paragraph (line {lineno})"
            )
        current = paragraphs[-1][2]
        if not current[-1].endswith(_SENTENCE_END):
            current.append(line)  # a page break in mid-sentence
        elif _looks_like_heading(line):
            pending_heading = (lineno, line)
        else:
            current.append(line)  # a page break between two sentences
    if pending_heading is not None:
        raise DocumentParseError(
            f"{source}, line {pending_heading[0]}: heading {pending_heading[1]!r} has no paragraph"
        )
    if not paragraphs:
        raise DocumentParseError(f"{source}: no numbered paragraph ('1. ...') found")

    title, date, place = _title_date_place(preamble, source)
    built = []
    for number, sec, pieces in paragraphs:
        body = " ".join(pieces)
        built.append(Paragraph(number, sec, body, tuple(split_sentences(body))))
    return Document(title, date, place, tuple(built), corpus_sha256(text))


def _wrapped_number(paragraphs: list[tuple[int, str, list[str]]], number: int) -> bool:
    """A line starting "2023. " inside an unfinished sentence continues it."""
    return (
        bool(paragraphs)
        and number != len(paragraphs) + 1
        and not paragraphs[-1][2][-1].endswith(_SENTENCE_END)
    )


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return (
        len(words) <= 12
        and line[0].isupper()
        and not line.endswith(_SENTENCE_END)
        and not line.endswith(",")
    )


def _parse_date(line: str) -> tuple[dt.date, str] | None:
    for pattern in (_DATE_US, _DATE_EU):
        m = pattern.match(line)
        if m and m.group("month").lower() in _MONTHS:
            month = _MONTHS.index(m.group("month").lower()) + 1
            try:
                date = dt.date(int(m.group("year")), month, int(m.group("day")))
            except ValueError:
                return None
            return date, m.group("rest").strip(" ,")
    return None


def _title_date_place(
    preamble: list[tuple[int, str]], source: str
) -> tuple[str, dt.date | None, str]:
    title, date, place = "", None, ""
    for lineno, line in preamble:
        parsed = _parse_date(line)
        if parsed and date is None:
            date, place = parsed
        elif not title and _looks_like_heading(line):
            title = line
        elif _looks_like_heading(line):
            continue  # the heading over paragraph 1, taken by _section_from_preamble
        else:
            raise DocumentParseError(
                f"{source}, line {lineno}: text before paragraph 1 that is not a title, "
                f"date or heading: {line[:60]!r}"
            )
    return title, date, place


def _section_from_preamble(preamble: list[tuple[int, str]], source: str) -> str:
    """A heading-shaped line after the title and date line heads paragraph 1."""
    candidates = [line for _, line in preamble if _parse_date(line) is None]
    return candidates[-1] if len(candidates) >= 2 and _looks_like_heading(candidates[-1]) else ""


# --- sentences -------------------------------------------------------------------------------

# Abbreviations whose period does not end a sentence. Matching is on the token before the period.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "jr", "sr",
    "u.s", "u.k", "u.n", "e.u", "inc", "ltd", "co", "corp", "art", "para", "paras", "h.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans, keeping "Ms.", "U.S." and initials inside sentences.

    >>> [text[s.start:s.end] for text in ["Ms. Takaichi met U.S. envoys. They agreed."]
    ...  for s in split_sentences(text)]
    ['Ms. Takaichi met U.S. envoys.', 'They agreed.']
    """
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        token = text[start : m.start() + 1].split()[-1].rstrip(".").lower()
        if token in _ABBREVIATIONS or re.fullmatch(r"[a-z](\.[a-z])*", token):
            continue
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append(Span(start, end))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append(Span(start, len(text.rstrip())))
    return spans
