"""Parse a joint statement (numbered paragraphs under headings) into a :class:`Document`.

Joint statements are published as a title, a date-and-place line, then paragraphs numbered
``1.``, ``2.``, ... grouped under short section headings, sometimes closed by ``[End]``. The
plain-text copies break paragraphs at page breaks (a blank line in mid-sentence) or wrap every
line at a fixed width; the grammar below rejoins them by paragraph number, not by blank lines.

Around that core the parser accepts the layouts real statements use:

- a title of any length, and a subtitle in quotes on its own line;
- headings of up to 12 words, or 30 when numbered "I." or "A." ("II. Protect our planet and ...");
- unnumbered opening paragraphs before paragraph 1 (``Document.preamble``, cited as "preamble",
  never renumbered);
- sub-headings inside a section, "(a) Economic Cooperation" (``Paragraph.subheading``); two
  headings in a row are a section and its sub-heading, and where the two are set differently
  ("A. TOWARD A MORE SECURE WORLD" over "China"), a later lone heading set as the sub-heading was
  is another sub-heading of that section;
- a number followed by a run of spaces ("1.     The leaders"), runs of spaces inside a line,
  bulleted lists inside a paragraph (kept, joined into the paragraph), and the next number run
  into the line before it ("...Pacific.  28.      The leaders", a publishing slip);
- a closing block after the last paragraph ("Signed at ..., in duplicate", "Done at ...",
  "Witnessed by:", names set in two columns, a closing date line) kept as ``Document.closing``;
- an end mark: "[End]", "-End-", or, after paragraph 1, any line made only of symbols ("*****").

The document's own paragraph numbers are the citation. What stays an error, naming the line:
numbers out of order, no numbered paragraph at all, a heading with no paragraph under it, more
than two headings in a row, a numbered paragraph after the closing block.

Example::

    >>> from jmqa.parser import parse
    >>> doc = parse("Title of a Statement\\n\\n1. The leaders met. They agreed.\\n2. They parted.")
    >>> [p.number for p in doc.paragraphs], doc.paragraph(1).sentence_texts()
    ([1, 2], ['The leaders met.', 'They agreed.'])
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from jmqa.document import Block, Document, Paragraph, Span, corpus_sha256
from jmqa.errors import DocumentParseError

_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(\S.*)$")
_END_MARK = re.compile(r"^[^\w\s]*\s*end\s*[^\w\s]*$", re.IGNORECASE)  # [End], -End-, (end)
_SUBHEADING = re.compile(r"^(?:\((?:[a-z]|[ivx]+|[A-Z])\)|(?:[a-z]|[ivx]+)\))\s+(?P<rest>\S.*)$")
_CLOSING = re.compile(
    r"^(?:(?:signed|done|issued|adopted)\s+(?:at|in|on)\b|witnessed\s+by\b|in\s+witness\s+whereof\b)",
    re.IGNORECASE,
)
_SIGNATORY = re.compile(  # "For the Government of Japan:" above a signature
    r"^for\s+the\s+(?:government|kingdom|republic|state|people|commonwealth|federation|union)\b[^.,;]*:?$",
    re.IGNORECASE,
)
# "...in the Blue Pacific.  28.      The leaders ...": a paragraph number run into the line
# before it (a publishing slip); the runs of spaces on both sides make it unmistakable.
_INLINE_NUMBER = re.compile(r"(?<=[.!?”\"])\s{2,}(?=(\d{1,3})\.\s{2,}\S)")
_TWO_COLUMNS = re.compile(r"\S {3,}\S")
_SIGNED_AT = re.compile(
    r"^(?:signed|done|issued|adopted)\s+(?:at|in)\s+(?P<place>[^,]+?),?\s+on\s+(?:the\s+)?(?P<date>.+)$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^[-–—•◦▪‣·*]\s+")
_OPENING_QUOTES = ('"', "“", "'", "‘", "«")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_DATE_US = re.compile(r"^(?P<month>[A-Za-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})(?P<rest>.*)$")
_DATE_EU = re.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})(?P<rest>.*)$")
_SENTENCE_END = ('.', '!', '?', '."', '.”', ".'", '.)', ':', ';')
_MAX_HEADING_WORDS = 12
# "I. End the pandemic, prepare for ..., and drive forward ...": a heading numbered by a roman
# numeral or a capital letter may run to a sentence's length.
_ENUMERATED_HEADING = re.compile(r"^(?:[IVX]{1,4}|[A-Z])\.\s+\S")
_MAX_ENUMERATED_HEADING_WORDS = 30
_MAX_PLACE_WORDS = 5


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based line number in the source, for error messages
    text: str  # stripped of surrounding whitespace
    after_blank: bool  # a blank line (or a symbol-only line) separates it from the line before


@dataclass
class _Numbered:
    number: int
    section: str
    subheading: str
    pieces: list[str]


def parse(text: str, source: str = "<text>") -> Document:
    """Parse a statement's plain text.

    Raises :class:`DocumentParseError` naming the line when paragraph numbers are out of order,
    when a heading has no paragraph under it, when more than two headings come in a row, when a
    numbered paragraph follows the closing block, or when there is no numbered paragraph at all.
    """
    lines = _meaningful_lines(text)
    first = _first_paragraph(lines)
    if first is None:
        raise DocumentParseError(f"{source}: no numbered paragraph ('1. ...') found")
    front = _front_matter(lines[:first], source)
    paragraphs, closing = _body(lines[first:], front.section, front.subheading, source)

    built = []
    for p in paragraphs:
        body = _join(p.pieces)
        built.append(Paragraph(p.number, p.section, body, tuple(split_sentences(body)), p.subheading))
    preamble = tuple(Block(t, tuple(split_sentences(t))) for t in front.preamble)
    date, place = front.date, front.place
    if date is None:  # some statements date themselves at the end, above the signatures
        dated = next((d for d in map(_closing_date, closing) if d is not None), None)
        date, place = dated if dated else (None, "")
    return Document(
        front.title, date, place, tuple(built), corpus_sha256(text),
        subtitle=front.subtitle, preamble=preamble, closing=tuple(closing),
    )


def _meaningful_lines(text: str) -> list[_Line]:
    """The non-blank lines up to the end mark. A line made only of symbols ("*****", "---") ends
    the text once a numbered paragraph has begun; before that it is decoration under a title."""
    out: list[_Line] = []
    blank = False
    seen_paragraph = False
    for lineno, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        line = raw.strip()
        if not line:
            blank = True
            continue
        if _END_MARK.match(line) and not line.isalpha():
            break
        if not any(ch.isalnum() for ch in line):
            if seen_paragraph and len(line.replace(" ", "")) >= 3:
                break
            blank = True
            continue
        seen_paragraph = seen_paragraph or bool(_NUMBERED.match(line))
        out.append(_Line(lineno, line, blank))
        blank = False
    return out


def _first_paragraph(lines: list[_Line]) -> int | None:
    """Index of the first numbered line that is not a wrapped continuation ("on 10 June\\n2026. ...")."""
    for i, line in enumerate(lines):
        numbered = _NUMBERED.match(line.text)
        if not numbered:
            continue
        wrapped = i > 0 and not line.after_blank and not lines[i - 1].text.endswith(_SENTENCE_END)
        if not wrapped or numbered.group(1) == "1":
            return i
    return None


# --- before paragraph 1 -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Front:
    title: str
    subtitle: str
    date: dt.date | None
    place: str
    preamble: tuple[str, ...]
    section: str
    subheading: str


def _front_matter(lines: list[_Line], source: str) -> _Front:
    """Title, subtitle, date line, preamble paragraphs and the heading(s) over paragraph 1."""
    blocks = _front_blocks(lines)
    title = subtitle = place = ""
    date: dt.date | None = None
    rest: list[list[_Line]] = []
    after_date = 0  # headings over paragraph 1 come after the date line, never above it
    for block in blocks:
        text = _join(line.text for line in block)
        dated = _date_line(text) if len(block) == 1 else None
        if dated and date is None:
            date, place = dated
            after_date = len(rest)
        elif not title and not rest and not text.endswith(_SENTENCE_END):
            title = text
        elif title and not subtitle and not rest and text.startswith(_OPENING_QUOTES):
            subtitle = text
        else:
            rest.append(block)
    # The heading-shaped blocks just above paragraph 1 head it; the rest is the preamble.
    run = 0
    while run < min(2, len(rest) - after_date) and _heading_kind(_join(line.text for line in rest[-1 - run])):
        run += 1
    headings = [_join(line.text for line in block) for block in rest[len(rest) - run :]]
    section, subheading = _apply_headings(headings, "", "", rest[-run][0] if run else None, source)
    preamble = tuple(_join(line.text for line in block) for block in rest[: len(rest) - run])
    return _Front(title, subtitle, date, place, preamble, section, subheading)


def _front_blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Group the lines before paragraph 1 into blocks: blank lines separate them (adjacent lines
    are one wrapped block); a date line, a sub-heading or a quoted subtitle also start one. A
    heading set directly under the last preamble line, with no blank line, is split off too."""
    blocks: list[list[_Line]] = []
    for line in lines:
        prev = blocks[-1][-1].text if blocks else ""
        starts = (
            not blocks
            or line.after_blank
            or _date_line(line.text) is not None
            or _date_line(prev) is not None
            or _SUBHEADING.match(line.text) is not None
            or (len(blocks) == 1 and line.text.startswith(_OPENING_QUOTES))
        )
        if starts:
            blocks.append([line])
        else:
            blocks[-1].append(line)
    for _ in range(2):  # at most a section heading and a sub-heading
        last = blocks[-1] if blocks else []
        if len(last) >= 2 and last[-2].text.endswith(_SENTENCE_END) and _heading_kind(last[-1].text):
            blocks[-1:] = [last[:-1], last[-1:]]
    return blocks


# --- paragraph 1 onwards ----------------------------------------------------------------------


def _body(
    lines: list[_Line], section: str, subheading: str, source: str
) -> tuple[list[_Numbered], list[str]]:
    """Rejoin numbered paragraphs across wrapped lines and page breaks, attach headings, and set
    aside the closing block."""
    paragraphs: list[_Numbered] = []
    closing: list[_Line] = []
    top = _top_style(section, subheading)
    i = 0
    while i < len(lines):
        line = lines[i]
        if not closing:
            own = _NUMBERED.match(line.text)
            following = len(paragraphs) + (2 if own and int(own.group(1)) == len(paragraphs) + 1 else 1)
            lines[i : i + 1] = _split_inline_number(line, following)
            line = lines[i]
        numbered = _NUMBERED.match(line.text)
        if numbered and paragraphs and _wrapped_number(paragraphs, int(numbered.group(1))):
            numbered = None  # "...launched in / 2023. The leaders": a wrapped line, not ¶2023
        if closing:
            if numbered:
                raise DocumentParseError(
                    f"{source}, line {line.number}: paragraph {numbered.group(1)} after the closing "
                    f"block that starts at line {closing[0].number}"
                )
            closing.append(line)
            i += 1
            continue
        if numbered:
            _check_order(paragraphs, int(numbered.group(1)), line, source)
            paragraphs.append(_Numbered(int(numbered.group(1)), section, subheading, [numbered.group(2)]))
            i += 1
            continue
        current = paragraphs[-1].pieces
        if not _finished(current[-1], line) and not _heading_after_unfinished(lines, i, len(paragraphs) + 1):
            current.append(line.text)  # a wrapped line, or a page break in mid-sentence
            i += 1
            continue
        if _starts_closing(line.text):
            closing.append(line)
            i += 1
            continue
        end = _heading_run_end(lines, i)
        if end > i:
            after = lines[end] if end < len(lines) else None
            if after is None or _starts_closing(after.text):
                raise DocumentParseError(
                    f"{source}, line {line.number}: heading {line.text!r} has no paragraph"
                )
            after_number = _NUMBERED.match(after.text)
            if after_number and int(after_number.group(1)) == len(paragraphs) + 1:
                headings = _headings_in(lines[i:end])
                if len(headings) == 1 and top and section and _style(headings[0]) != top:
                    subheading = headings[0]  # a heading set as the sub-headings are, under its section
                else:
                    section, subheading = _apply_headings(headings, section, subheading, line, source)
                    top = _top_style(section, subheading) or top
                i = end
                continue
        current.append(line.text)  # a page break between two sentences, or a wrapped line
        i += 1
    return paragraphs, [line.text for line in closing]


def _split_inline_number(line: _Line, expected: int) -> list[_Line]:
    """The line, or its two halves when the next paragraph number is run into it."""
    for m in _INLINE_NUMBER.finditer(line.text):
        if int(m.group(1)) == expected:
            return [
                _Line(line.number, line.text[: m.start()], line.after_blank),
                _Line(line.number, line.text[m.end() :], False),
            ]
    return [line]


def _finished(last: str, line: _Line) -> bool:
    """Whether what comes before ``line`` is complete: a finished sentence, or a bullet item with
    a blank line after it (list items often end without a full stop)."""
    return last.endswith(_SENTENCE_END) or (line.after_blank and _BULLET.match(last) is not None)


def _heading_after_unfinished(lines: list[_Line], start: int, following: int) -> bool:
    """Whether the line at ``start``, after a paragraph that ends without a full stop, is a heading
    all the same: it follows a blank line, and it and any heading-shaped lines after it lead
    straight to paragraph ``following``. Published statements do end a paragraph so ("... the
    path to a kelp accord", a blank line, "Maritime Cooperation", "3. ..."); a wrapped line has
    no blank line before it."""
    if not lines[start].after_blank:
        return False
    end = _heading_run_end(lines, start)
    if end == start or end >= len(lines):
        return False
    after = _NUMBERED.match(lines[end].text)
    return after is not None and int(after.group(1)) == following


def _check_order(paragraphs: list[_Numbered], number: int, line: _Line, source: str) -> None:
    expected = len(paragraphs) + 1
    if number != expected:
        raise DocumentParseError(
            f"{source}, line {line.number}: paragraph {number} where paragraph {expected} "
            f"was expected (numbers must run 1, 2, 3, ... in order)"
        )


def _wrapped_number(paragraphs: list[_Numbered], number: int) -> bool:
    """A line starting "2023. " inside an unfinished sentence continues it."""
    return number != len(paragraphs) + 1 and not paragraphs[-1].pieces[-1].endswith(_SENTENCE_END)


def _heading_run_end(lines: list[_Line], start: int) -> int:
    """The index just past the heading-shaped lines from ``start`` (``start`` when there are none)."""
    end = start
    while end < len(lines) and _heading_kind(lines[end].text) and not _starts_closing(lines[end].text):
        end += 1
    return end


def _headings_in(run: list[_Line]) -> list[str]:
    """Headings in a run of heading-shaped lines: adjacent lines are one wrapped heading, unless
    the second is a sub-heading ("(a) ...")."""
    headings: list[list[str]] = []
    for line in run:
        if not headings or line.after_blank or _SUBHEADING.match(line.text):
            headings.append([line.text])
        else:
            headings[-1].append(line.text)
    return [_join(h) for h in headings]


def _apply_headings(
    headings: list[str], section: str, subheading: str, line: _Line | None, source: str
) -> tuple[str, str]:
    """The section and sub-heading after a run of headings: one heading is a new section (or a
    new sub-heading when it reads "(a) ..."); two are a section and its sub-heading."""
    if not headings:
        return section, subheading
    where = f"{source}, line {line.number}" if line else source
    if len(headings) > 2:
        raise DocumentParseError(
            f"{where}: {len(headings)} headings in a row ({', '.join(map(repr, headings))}); "
            f"at most a section heading and one sub-heading can stand over a paragraph"
        )
    if len(headings) == 1:
        return (section, headings[0]) if _heading_kind(headings[0]) == "sub" else (headings[0], "")
    if _heading_kind(headings[0]) == "sub":
        raise DocumentParseError(
            f"{where}: sub-heading {headings[0]!r} is followed by another heading {headings[1]!r}"
        )
    return headings[0], headings[1]


_Style = tuple[bool, bool]


def _style(heading: str) -> _Style:
    """How a heading is set: numbered ("A.", "IV.") or not, and in capitals or not."""
    letters = [c for c in heading if c.isalpha()]
    capitals = len(letters) > 3 and all(c.isupper() for c in letters)
    return _ENUMERATED_HEADING.match(heading) is not None, capitals


def _top_style(section: str, subheading: str) -> _Style | None:
    """The style of the sections of a statement with two levels of heading, once a section and
    its sub-heading, set differently, stand over a paragraph ("A. TOWARD A MORE SECURE WORLD"
    over "China"): after it a lone heading set as that sub-heading was is another sub-heading of
    the same section, and one set as the section was a new section."""
    if section and subheading and not _SUBHEADING.match(subheading) and _style(section) != _style(subheading):
        return _style(section)
    return None


def _heading_kind(line: str) -> Literal["section", "sub", ""]:
    """"sub" for "(a) Economic Cooperation", "section" for another heading-shaped line, else ""."""
    sub = _SUBHEADING.match(line)
    if sub:
        return "sub" if _looks_like_heading(sub.group("rest")) else ""
    return "section" if _looks_like_heading(line) else ""


def _starts_closing(line: str) -> bool:
    """"Signed at ...", "Done at ...", "Witnessed by:", "For the Government of ...:", a date line,
    or two columns of names."""
    return bool(
        _CLOSING.match(line)
        or (_SIGNATORY.match(line) and len(line.split()) <= _MAX_HEADING_WORDS)
        or _date_line(line) is not None
        or (_looks_like_heading(line) and _TWO_COLUMNS.search(line))
    )


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    most = _MAX_ENUMERATED_HEADING_WORDS if _ENUMERATED_HEADING.match(line) else _MAX_HEADING_WORDS
    return (
        len(words) <= most
        and line[0].isupper()
        and not line.endswith(_SENTENCE_END)
        and not line.endswith(",")
    )


def _join(pieces: Iterable[str]) -> str:
    """Join wrapped lines with one space; runs of spaces inside a line become one space too."""
    return " ".join(" ".join(pieces).split())


# --- dates ------------------------------------------------------------------------------------


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


def _closing_date(line: str) -> tuple[dt.date, str] | None:
    """The date of a closing line: a date line, or "Signed at Kuala Lumpur on 26 October 2025, ..."."""
    signed = _SIGNED_AT.match(line)
    if signed:
        parsed = _parse_date(signed.group("date"))
        if parsed:
            return parsed[0], signed.group("place")
    return _date_line(line)


def _date_line(line: str) -> tuple[dt.date, str] | None:
    """A line that is only a date and a place: "June 10, 2026, Tokyo" or "Tokyo, 10 June 2026"."""
    if line.endswith(_SENTENCE_END):
        return None
    parsed = _parse_date(line)
    if parsed and len(parsed[1].split()) <= _MAX_PLACE_WORDS:
        return parsed
    for m in re.finditer(r",\s+", line):
        place, after = line[: m.start()], line[m.end() :]
        parsed = _parse_date(after)
        if parsed and not parsed[1] and len(place.split()) <= _MAX_PLACE_WORDS:
            return parsed[0], place
    return None


# --- sentences -------------------------------------------------------------------------------

# Abbreviations whose period does not end a sentence. Matching is on the token before the period.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "jr", "sr",
    "u.s", "u.k", "u.n", "e.u", "inc", "ltd", "co", "corp", "art", "para", "paras", "h.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
# A full stop typed with no space after it still ends a sentence when a capitalised word follows
# a word or number ("by 2030.The United States ..."), as published statements have it; "U.S.The"
# and "e.g.Tokyo" are left to the abbreviation check.
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|(?<=[a-z0-9]{2}[.!?])(?=[A-Z][a-z])")


def split_sentences(text: str) -> list[Span]:
    """Split ``text`` into sentence spans, keeping "Ms.", "U.S." and initials inside sentences.

    >>> [text[s.start:s.end] for text in ["Ms. Tanaka met U.S. envoys. They agreed.By 2030.Then"]
    ...  for s in split_sentences(text)]
    ['Ms. Tanaka met U.S. envoys.', 'They agreed.', 'By 2030.', 'Then']
    """
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        token = text[start : m.start() + 1].split()[-1].rstrip(".").lower()
        token = re.split(r"[-‐‑–/]", token)[-1]  # "India-U.S. Strategic": the "U.S." decides
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
