"""How an answer is shown: escaped HTML for the chat and its panels, Markdown for the ``/ask``
API. Pure (answer in, text out) and free of Gradio, so the "verbatim as rendered" promise is
unit-tested without a server, and a program that embeds jmqa can show answers the same way.

Two rules hold everywhere the statement's text is shown:

* every ASCII punctuation character of corpus text and of user text becomes a numeric HTML
  entity *before* our own markup (``<mark>``, headings) is added, so neither HTML nor Markdown
  can reinterpret it: ``<script>`` stays text, "14. " stays a number, "(OSA)" stays in brackets;
* the chat's HTML is emitted without blank lines, so Markdown sees one raw HTML block.

The Markdown of ``/ask`` is backslash-escaped to the same effect, for programs that call the app
through ``gradio_client``.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterable, Sequence

from jmqa.answer import NOT_ADDRESSED, Answer
from jmqa.document import UNTITLED_SECTION, Document, PassageKey, Span, heading
from jmqa.statement import StatementRef

NO_SECTION_LABEL = UNTITLED_SECTION
# A refused question is shown back only this far: enough to recognise it, never megabytes.
REFUSED_PREVIEW_CHARS = 200

# --- escaping ---------------------------------------------------------------------------------

# Every ASCII punctuation mark as a numeric entity: covers HTML (& < > " ') and everything
# Markdown or GFM could act on (* _ [ ] ( ) # ` | ~ $ . - + ! \ :). Letters, digits, spaces and
# non-ASCII text (¶, ’, Japanese) pass through unchanged.
_HTML_SAFE = str.maketrans({c: f"&#{ord(c)};" for c in string.punctuation})
# In Markdown a backslash before ASCII punctuation makes it literal (CommonMark 2.4). Only the
# characters that can start markup anywhere in a line are escaped, to keep the API's raw text
# readable; "(" and ")" are harmless once "[" and "]" are escaped, "!" once "[" is.
_MD_SPECIAL = "\\`*_[]<>&#|~$^"
_MD_SAFE = str.maketrans({c: "\\" + c for c in _MD_SPECIAL})
# At the start of a line: "14. " / "14) " (ordered list), "- " / "+ " / "= " (list, setext).
_MD_LINE_START = re.compile(r"^(\d{1,9})([.)])|^([-+=])")


def escape_html(text: str) -> str:
    """``text`` as HTML that neither a browser nor a Markdown renderer can turn into markup."""
    return text.translate(_HTML_SAFE)


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that renders to exactly ``text`` (``text`` is one line)."""
    escaped = text.translate(_MD_SAFE)
    return _MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def section_label(section: str) -> str:
    """A section's heading, or a label that is plainly ours for paragraphs before any heading."""
    return section or NO_SECTION_LABEL


paragraph_heading = heading  # "¶14 · Economy and People-to-People Exchanges", or "preamble"


def _normal_spans(spans: Iterable[Span], length: int) -> list[tuple[int, int]]:
    """Spans clamped to the text, sorted, overlaps merged (so marks never nest)."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s.start), min(length, s.end)) for s in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def highlight_html(text: str, spans: Iterable[Span] = ()) -> str:
    """Escaped ``text`` with each span wrapped in ``<mark>``: escape first, then add markup."""
    pieces, at = [], 0
    for start, end in _normal_spans(spans, len(text)):
        pieces.append(escape_html(text[at:start]))
        pieces.append(f'<mark class="jmqa-hl">{escape_html(text[start:end])}</mark>')
        at = end
    pieces.append(escape_html(text[at:]))
    return "".join(pieces)


def highlight_markdown(text: str, spans: Iterable[Span] = ()) -> str:
    """Escaped ``text`` with each span in ``**bold**``."""
    pieces, at = [], 0
    for start, end in _normal_spans(spans, len(text)):
        pieces.append(escape_markdown(text[at:start]))
        # Bold must hug non-space characters to render, so keep outer whitespace outside it.
        inner = text[start:end]
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        core = inner.strip()
        pieces.append(f"{lead}**{escape_markdown(core)}**{trail}" if core else inner)
        at = end
    pieces.append(escape_markdown(text[at:]))
    return "".join(pieces)


# --- HTML blocks (chat and side panel) --------------------------------------------------------


def citation(document: Document, number: PassageKey, statement: StatementRef | None = None) -> str:
    """"Title, date, ¶N" of the statement the paragraph is from (``document`` when not given)."""
    return statement.citation(number) if statement else document.citation(number)


def paragraph_link(number: PassageKey, statement: StatementRef | None = None) -> str:
    """The browser's address of a paragraph: "?s=ID&p=14", or "?p=14" in the default statement
    ("?p=preamble" for the preamble)."""
    return f"?s={statement.id}&p={number}" if statement else f"?p={number}"


def quote_block_html(
    document: Document,
    number: PassageKey,
    section: str,
    text: str,
    spans: Sequence[Span] = (),
    statement: StatementRef | None = None,
) -> str:
    """One quoted paragraph: heading, verbatim text (answering sentence marked), citation line
    (naming ``statement`` when given: answers across statements quote several).

    The verbatim text sits alone in ``<blockquote class="jmqa-text">`` so tests (and readers)
    can compare exactly what the browser shows with the paragraph; ``jmqa-p14`` names the ¶.
    """
    link = escape_html(paragraph_link(number, statement))
    return (
        f'<div class="jmqa-quote jmqa-p{number}">'  # a class: the chat's sanitizer drops data-*
        f'<div class="jmqa-head"><strong>{escape_html(paragraph_heading(number, section))}</strong>'
        f' <a class="jmqa-open" href="{link}" target="_blank">open</a></div>'
        f'<blockquote class="jmqa-text">{highlight_html(text, spans)}</blockquote>'
        f'<div class="jmqa-cite">{escape_html(citation(document, number, statement))}</div>'
        "</div>"
    )


def note_html(text: str, css: str = "jmqa-note") -> str:
    """A note of ours (never the statement's words) as a paragraph of escaped text."""
    return f'<p class="{css}">{escape_html(text)}</p>'


def format_answer_html(
    answer: Answer, document: Document, read_as: str | None = None, statement: StatementRef | None = None
) -> str:
    """The chat reply for ``answer``: quote blocks best first, or a plain refusal.

    ``read_as`` is the question actually searched when a follow-up was expanded; it is shown so
    the reader can see how their question was understood. ``statement`` is the one asked (for
    the links to a refusal's nearest paragraphs); each quote names its own.
    """
    parts = ['<div class="jmqa-answer">']
    if read_as:
        parts.append(note_html(f"Read as a follow-up: “{read_as}”", "jmqa-readas"))
    if answer.found:
        count = len(answer.quotes)
        if answer.message:
            parts.append(note_html(answer.message, "jmqa-caution"))
        parts.append(
            note_html(
                "The statement says (verbatim, most relevant first):"
                if count > 1
                else "The statement says (verbatim):"
            )
        )
        for q in answer.quotes:
            parts.append(
                quote_block_html(document, q.paragraph, q.section, q.text, q.highlights, q.statement)
            )
        for mention in answer.mentions:
            links = _links_html(mention.passages, document, answer.quotes[0].statement)
            parts.append(
                f'<p class="jmqa-nearest">{escape_html(f"“{mention.phrase}” is also in: ")}{links}</p>'
            )
    else:
        parts.append(note_html(answer.message or NOT_ADDRESSED, "jmqa-refusal"))
        if answer.nearest:
            links = _links_html(answer.nearest, document, statement)
            parts.append(
                f'<p class="jmqa-nearest">{escape_html("Nearest paragraphs it does have: ")}'
                f"{links}</p>"
            )
    parts.append("</div>")
    return "".join(parts)  # no newlines at all: Markdown sees a single raw HTML block


def _links_html(numbers: Sequence[PassageKey], document: Document, statement: StatementRef | None) -> str:
    """Links to the browser's view of paragraphs, each labelled with its heading."""
    return ", ".join(
        f'<a href="{escape_html(paragraph_link(n, statement))}" target="_blank">'
        f"{escape_html(paragraph_heading(n, document.paragraph(n).heading))}</a>"
        for n in numbers
    )


def format_notice_html(message: str) -> str:
    """A polite message of ours (too long, bad characters), never styled as the statement."""
    return f'<div class="jmqa-answer">{note_html(message, "jmqa-refusal")}</div>'


def format_user_html(question: str) -> str:
    """The user's own words, shown as text whatever they contain."""
    return f'<span class="jmqa-user">{escape_html(question)}</span>'


def refused_preview(question: str, limit: int = REFUSED_PREVIEW_CHARS) -> str:
    """The start of a refused question, to show back: never all of it (it may be megabytes), and
    never a lone surrogate (not text: it cannot even be sent back as JSON)."""
    head = "".join("\ufffd" if unicodedata.category(ch) == "Cs" else ch for ch in question[:limit])
    return head if len(question) <= limit else f"{head}… ({len(question):,} characters)"


def cited_panel_html(answer: Answer, document: Document, statement: StatementRef | None = None) -> str:
    """Side panel: the full text of the cited paragraphs, or of the nearest ones on a refusal."""
    if answer.found:
        head = note_html("Paragraphs cited in the latest answer:")
        blocks = [
            quote_block_html(document, q.paragraph, q.section, q.text, q.highlights, q.statement)
            for q in answer.quotes
        ]
    elif answer.nearest:
        head = note_html(
            "The statement does not address the latest question. Nearest paragraphs "
            "(they do not answer it):"
        )
        blocks = [
            quote_block_html(document, n, document.paragraph(n).heading, document.paragraph(n).text,
                             statement=statement)
            for n in answer.nearest
        ]
    else:  # "What does ¶40 say?": nothing near to show
        head, blocks = note_html(answer.message or NOT_ADDRESSED), []
    return f'<div class="jmqa-panel">{head}{"".join(blocks)}</div>'


def paragraph_panel_html(
    document: Document, number: PassageKey, statement: StatementRef | None = None
) -> str:
    """Browser panel: paragraph ``number`` in full, with its link."""
    p = document.paragraph(number)
    link = escape_html(paragraph_link(number, statement))
    return (
        f'<div class="jmqa-panel">'
        f"{quote_block_html(document, p.number, p.heading, p.text, statement=statement)}"
        f'<p class="jmqa-note">Link to this paragraph: <a href="{link}">{link}</a></p>'
        "</div>"
    )


def citations_text(answer: Answer, document: Document) -> str:
    """Citation lines (one per quoted paragraph) for the copy box."""
    return "\n".join(citation(document, q.paragraph, q.statement) for q in answer.quotes)


# --- Markdown (the /ask API) ------------------------------------------------------------------


def format_answer_markdown(answer: Answer, document: Document) -> str:
    """The ``/ask`` reply: Markdown whose rendering shows each paragraph's text exactly."""
    if not answer.found:
        lines = [escape_markdown(answer.message or NOT_ADDRESSED)]
        if answer.nearest:
            nearest = "; ".join(
                paragraph_heading(n, document.paragraph(n).heading) for n in answer.nearest
            )
            lines.append(escape_markdown(f"Nearest paragraphs it does have: {nearest}"))
        return "\n\n".join(lines)
    blocks = [f"*{escape_markdown(answer.message)}*"] if answer.message else []
    for q in answer.quotes:
        blocks.append(
            f"**{escape_markdown(paragraph_heading(q.paragraph, q.section))}**\n\n"
            f"> {highlight_markdown(q.text, q.highlights)}\n\n"
            f"{escape_markdown(citation(document, q.paragraph, q.statement))}"
        )
    for mention in answer.mentions:
        where = "; ".join(paragraph_heading(n, document.paragraph(n).heading) for n in mention.passages)
        blocks.append(escape_markdown(f"“{mention.phrase}” is also in: {where}"))
    return "\n\n".join(blocks)
