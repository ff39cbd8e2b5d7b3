"""The web UI: a Gradio chat that answers by quoting the statement's numbered paragraphs.

``jmqa serve`` and the top-level ``app.py`` call :func:`serve`; tests call :func:`build_app` and
launch it themselves. The formatting functions at the top are pure (answer in, text out) so the
"verbatim as rendered" promise can be unit-tested without a server.

Two rendering rules hold everywhere the statement's text is shown:

* every ASCII punctuation character of corpus text and of user text becomes a numeric HTML
  entity *before* our own markup (``<mark>``, headings) is added, so neither HTML nor Markdown
  can reinterpret it: ``<script>`` stays text, "14. " stays a number, "(OSA)" stays in brackets;
* the chat's HTML is emitted without blank lines, so Markdown sees one raw HTML block.

The ``/ask`` API endpoint returns plain Markdown instead (backslash-escaped the same way), for
programs that call the app through ``gradio_client``.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import string
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import gradio as gr

import jmqa
from jmqa.answer import Answer
from jmqa.document import (
    CLOSING,
    PREAMBLE,
    UNTITLED_SECTION,
    Document,
    PassageKey,
    Span,
    heading,
    label,
)
from jmqa.errors import InvalidQuestionError
from jmqa.guard import MAX_BODY_BYTES, middleware
from jmqa.question import MAX_QUESTION_CHARS, clean_question, names_paragraphs
from jmqa.statement import StatementRef
from jmqa.store import Examples, Store

log = logging.getLogger("jmqa")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7860
# A question takes ~20 ms of model time on 2 cores; most of a request's cost is Gradio's own
# pre/post-processing, which overlaps well. scripts/load_test.py (20 clients x 10 questions):
# limit 2 -> p50 1.75 s / 10 q/s, limit 4 -> p50 1.06 s / 15 q/s. Higher would only oversubscribe
# the CPU if the pipeline gets heavier. Chat and API share one limit (same concurrency_id).
CONCURRENCY_LIMIT = 4
QUEUE_MAX_SIZE = 64
# The browser sends the whole chat back with every question, and request bodies are capped at
# MAX_BODY_BYTES (guard.py), so the chat keeps its latest exchanges within this many bytes of
# JSON; older ones scroll away. Half the cap leaves room for the question and Gradio's envelope.
HISTORY_MAX_BYTES = MAX_BODY_BYTES // 2
# A refused question is shown back only this far: enough to recognise it, never megabytes.
REFUSED_PREVIEW_CHARS = 200
# Sessions whose state Gradio keeps in memory (its default is 10,000). Each holds a copy of the
# page's configuration, ~75 KB (scripts/soak.py: +76 MiB over 1,000 new sessions at a capacity
# of 1,000), plus our state, the last question (at most MAX_QUESTION_CHARS). The least recently
# used session goes first; a follow-up in an evicted session is read as a new question.
STATE_SESSIONS = 256
NO_SECTION_LABEL = UNTITLED_SECTION
TITLE = "Joint Statement Q&A"
DESCRIPTION = (
    "Ask about a joint statement: answers quote its numbered paragraphs word for word, or say "
    "plainly that the statement does not address the question."
)
ALL_STATEMENTS = "*all*"  # the picker's value for "search every statement of the library"
ALL_STATEMENTS_LABEL = "All statements"
EMPTY_QUESTION = "Please type a question about the statement."

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


def _note_html(text: str, css: str = "jmqa-note") -> str:
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
        parts.append(_note_html(f"Read as a follow-up: “{read_as}”", "jmqa-readas"))
    if answer.found:
        count = len(answer.quotes)
        if answer.message:
            parts.append(_note_html(answer.message, "jmqa-caution"))
        parts.append(
            _note_html(
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
        parts.append(_note_html(answer.message or jmqa.NOT_ADDRESSED, "jmqa-refusal"))
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
        f"{escape_html(paragraph_heading(n, document.paragraph(n).section))}</a>"
        for n in numbers
    )


def format_notice_html(message: str) -> str:
    """A polite message of ours (too long, bad characters), never styled as the statement."""
    return f'<div class="jmqa-answer">{_note_html(message, "jmqa-refusal")}</div>'


def format_user_html(question: str) -> str:
    """The user's own words, shown as text whatever they contain."""
    return f'<span class="jmqa-user">{escape_html(question)}</span>'


def refused_preview(question: str, limit: int = REFUSED_PREVIEW_CHARS) -> str:
    """The start of a refused question, to show back: never all of it (it may be megabytes), and
    never a lone surrogate (not text: it cannot even be sent back as JSON)."""
    head = "".join("\ufffd" if unicodedata.category(ch) == "Cs" else ch for ch in question[:limit])
    return head if len(question) <= limit else f"{head}… ({len(question):,} characters)"


def bounded_history(
    turn: list[dict[str, str]], max_bytes: int = HISTORY_MAX_BYTES
) -> list[dict[str, str]]:
    """``turn`` without its oldest exchanges, until its JSON fits ``max_bytes`` (the latest
    exchange always stays)."""
    while len(turn) > 2 and len(json.dumps(turn, ensure_ascii=False).encode()) > max_bytes:
        drop = 2 if turn[0]["role"] == "user" and turn[1]["role"] == "assistant" else 1
        turn = turn[drop:]
    return turn


def cited_panel_html(answer: Answer, document: Document, statement: StatementRef | None = None) -> str:
    """Side panel: the full text of the cited paragraphs, or of the nearest ones on a refusal."""
    if answer.found:
        head = _note_html("Paragraphs cited in the latest answer:")
        blocks = [
            quote_block_html(document, q.paragraph, q.section, q.text, q.highlights, q.statement)
            for q in answer.quotes
        ]
    elif answer.nearest:
        head = _note_html(
            "The statement does not address the latest question. Nearest paragraphs "
            "(they do not answer it):"
        )
        blocks = [
            quote_block_html(document, n, document.paragraph(n).section, document.paragraph(n).text,
                             statement=statement)
            for n in answer.nearest
        ]
    else:  # "What does ¶40 say?": nothing near to show
        head, blocks = _note_html(answer.message or jmqa.NOT_ADDRESSED), []
    return f'<div class="jmqa-panel">{head}{"".join(blocks)}</div>'


def paragraph_panel_html(
    document: Document, number: PassageKey, statement: StatementRef | None = None
) -> str:
    """Browser panel: paragraph ``number`` in full, with its link."""
    p = document.paragraph(number)
    link = escape_html(paragraph_link(number, statement))
    return (
        f'<div class="jmqa-panel">'
        f"{quote_block_html(document, p.number, p.section, p.text, statement=statement)}"
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
        lines = [escape_markdown(answer.message or jmqa.NOT_ADDRESSED)]
        if answer.nearest:
            nearest = "; ".join(
                paragraph_heading(n, document.paragraph(n).section) for n in answer.nearest
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
        where = "; ".join(paragraph_heading(n, document.paragraph(n).section) for n in mention.passages)
        blocks.append(escape_markdown(f"“{mention.phrase}” is also in: {where}"))
    return "\n\n".join(blocks)


# --- follow-ups -------------------------------------------------------------------------------

# A question is read as a follow-up only when it plainly leans on the previous one: it opens with
# one of these phrases, or it is at most FOLLOW_UP_MAX_WORDS words and contains a pronoun that
# needs an antecedent. Everything else is an independent question.
_FOLLOW_UP_OPENERS = re.compile(
    r"^(what about|how about|what of|and|bagaimana dengan|bagaimana pula)\b", re.IGNORECASE
)
_PRONOUNS = re.compile(r"\b(it|its|this|that|these|those|they|them|their)\b", re.IGNORECASE)
FOLLOW_UP_MAX_WORDS = 4
# Japanese has no spaces to count words by: "では…" ("then…") opens a follow-up, and a short
# question (FOLLOW_UP_MAX_JA_CHARS) that is only a topic ("マレーシア側は？", "what about Malaysia's
# side?") or leans on それ/その/これ/この ("it", "that") is one.
_JA_FOLLOW_UP_OPENERS = re.compile(r"^(では|それでは|じゃあ|それなら)")
_JA_FOLLOW_UP_SHORT = re.compile(r"^[^\s]+[はも][？?]$|それ|その|これ|この")
FOLLOW_UP_MAX_JA_CHARS = 15


def is_follow_up(question: str) -> bool:
    """True when ``question`` is clearly a follow-up (see the rule above)."""
    q = question.strip()
    if _FOLLOW_UP_OPENERS.match(q) or _JA_FOLLOW_UP_OPENERS.match(q):
        return True
    if len(q) <= FOLLOW_UP_MAX_JA_CHARS and _JA_FOLLOW_UP_SHORT.search(q):
        return True
    return len(q.split()) <= FOLLOW_UP_MAX_WORDS and bool(_PRONOUNS.search(q))


def resolve_question(question: str, previous: str | None) -> tuple[str, bool]:
    """The question to search and whether it was expanded with the previous one's text.

    A follow-up is searched as "<previous question> <follow-up>"; if that would exceed the
    length limit the follow-up is searched alone. So is "what about ¶15?" after "What does ¶14
    say?": the new paragraph replaces the old one rather than joining it.
    """
    if previous and names_paragraphs(question) and names_paragraphs(previous):
        return question, False
    if previous and is_follow_up(question):
        combined = f"{previous} {question}"
        if len(combined) <= MAX_QUESTION_CHARS:
            return combined, True
    return question, False


# --- chat history -----------------------------------------------------------------------------


def message_text(message: Any) -> str:
    """A history message's text, whether its content is a string or a list of blocks."""
    content = (
        message.get("content") if isinstance(message, dict) else getattr(message, "content", "")
    )
    if isinstance(content, str):
        return content
    if isinstance(content, (list, tuple)):
        return "".join(
            b.get("text", "") if isinstance(b, dict) else str(b)
            for b in content
            if not isinstance(b, dict) or b.get("type", "text") == "text"
        )
    return "" if content is None else str(content)


def normal_history(history: Sequence[Any] | None) -> list[dict[str, str]]:
    """History as plain ``{"role", "content": str}`` messages (Gradio 6 may send blocks)."""
    out = []
    for m in history or []:
        role = m.get("role") if isinstance(m, dict) else getattr(m, "role", None)
        if role in ("user", "assistant"):
            out.append({"role": role, "content": message_text(m)})
    return out


# --- the app ----------------------------------------------------------------------------------

CSS = """
.jmqa-answer, .jmqa-panel { line-height: 1.5; }
.jmqa-quote { margin: 0.6em 0 0.9em; }
.jmqa-head { font-size: 0.95em; margin-bottom: 0.25em; }
.jmqa-head a.jmqa-open { font-size: 0.8em; margin-left: 0.4em; }
blockquote.jmqa-text { margin: 0; padding: 0.4em 0.8em; border-left: 4px solid #6b8afd;
  background: rgba(107, 138, 253, 0.08); white-space: normal; }
mark.jmqa-hl { background: #ffe066; color: #1a1a1a; padding: 0 0.1em; border-radius: 2px; }
.dark mark.jmqa-hl { background: #8a6d00; color: #fff8dc; }
.jmqa-cite { font-size: 0.8em; opacity: 0.75; margin-top: 0.2em; }
.jmqa-note, .jmqa-readas { margin: 0.2em 0; font-size: 0.9em; opacity: 0.85; }
.jmqa-refusal { font-weight: 600; margin: 0.2em 0; }
.jmqa-caution { margin: 0.2em 0 0.4em; font-style: italic; }
/* Read-only citation boxes are dimmed by default; they are meant to be read and copied. */
#jmqa-cited-citation textarea, #jmqa-browse-citation textarea {
  color: var(--body-text-color); -webkit-text-fill-color: var(--body-text-color); opacity: 1; }
#jmqa-title h1 { margin-bottom: 0; }
#jmqa-description p { margin-top: 0.2em; opacity: 0.85; }
"""


def _question_error(problem: InvalidQuestionError) -> str:
    """A polite refusal built from jmqa's own message (which says what to do instead)."""
    text = str(problem).rstrip(". ")
    return f"Sorry, I can't search that: {text[:1].lower()}{text[1:]}."


def build_app(qa: jmqa.QA, library: jmqa.Library | None = None) -> gr.Blocks:
    """Build the Gradio Blocks app around an already loaded ``qa`` (no model loading here).

    With a ``library``, a picker offers its statements (``qa``'s first, the default) and "All
    statements"; a picked statement's index loads on first use. Without one, the app serves
    ``qa``'s statement alone.
    """
    default = qa.statement
    statements = library.statements if library is not None else [default]
    known = {ref.id: ref for ref in statements}
    store = library.store if library is not None else Store()
    picker_choices = [(f"{r.title}, {r.date_text}" if r.date_text else r.title, r.id) for r in statements]
    if library is not None and len(statements) > 1:
        picker_choices.append((ALL_STATEMENTS_LABEL, ALL_STATEMENTS))

    def qa_of(statement_id: str) -> jmqa.QA:
        if library is None or statement_id not in known or statement_id == default.id:
            return qa
        return library.qa(statement_id)

    def examples_of(statement_id: str) -> Examples | None:
        """The example questions of ``statement_id``'s profile; none across all statements."""
        if statement_id not in known:
            return None
        try:
            return store.examples(store.get(statement_id))
        except (jmqa.JmqaError, OSError, ValueError) as problem:  # a bad profile hides the examples
            log.warning("no example questions for %s: %s", statement_id, problem)
            return None

    def examples_update(statement_id: str) -> gr.Dataset:
        found = examples_of(statement_id)
        if found is None:
            return gr.Dataset(samples=[], visible=False)
        return gr.Dataset(samples=[[q] for q in found.questions], label=found.label, visible=True)

    def answer_for(question: str, statement_id: str) -> tuple[Answer, Document, StatementRef | None]:
        """The answer in the chosen statement, or across all of them (citations name each one;
        a refusal there has no nearest paragraphs)."""
        if statement_id == ALL_STATEMENTS and library is not None:
            return library.ask(question), qa.document, None
        chosen = qa_of(statement_id)
        return chosen.ask(question), chosen.document, chosen.statement

    def ask(question: str, statement: str = "") -> str:
        """Answer one independent question; returns Markdown quoting the statement.

        ``statement`` is a statement id (empty: the default one), or "*all*" for every statement.
        """
        if not isinstance(question, str) or not question.strip():
            return escape_markdown(EMPTY_QUESTION)
        statement = statement or default.id
        if statement not in known and not (statement == ALL_STATEMENTS and library is not None):
            ids = ", ".join(known)
            return escape_markdown(f"Sorry, there is no statement {statement!r} here. Statements: {ids}.")
        try:
            cleaned = clean_question(question)
        except InvalidQuestionError as problem:
            return escape_markdown(_question_error(problem))
        return format_answer_markdown(*answer_for(cleaned, statement)[:2])

    def respond(message: str, history: list, previous: str | None, statement_id: str):
        """One chat turn: outputs (textbox, chatbot, previous question, cited panel, citations)."""
        if not isinstance(message, str) or not message.strip():
            return gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip()  # empty input: ignore
        turn = normal_history(history)
        try:
            cleaned = clean_question(message)
        except InvalidQuestionError as problem:
            turn.append({"role": "user", "content": format_user_html(refused_preview(message))})
            turn.append(
                {"role": "assistant", "content": format_notice_html(_question_error(problem))}
            )
            return "", bounded_history(turn), previous, gr.skip(), gr.skip()
        turn.append({"role": "user", "content": format_user_html(message)})
        searched, expanded = resolve_question(cleaned, previous)
        answer, document, ref = answer_for(searched, statement_id)
        turn.append(
            {
                "role": "assistant",
                "content": format_answer_html(answer, document, searched if expanded else None, ref),
            }
        )
        # The panel and the citation box come from this answer only, never an earlier one.
        return (
            "",
            bounded_history(turn),
            searched,
            cited_panel_html(answer, document, ref),
            citations_text(answer, document),
        )

    def clear_chat():
        return [], None, PANEL_PLACEHOLDER, ""

    def browser(statement_id: str, number: PassageKey = 1) -> tuple:
        """The browser tab showing paragraph ``number`` of ``statement_id``: section and
        paragraph dropdowns, the paragraph, its citation. The preamble and the closing block
        are entries of both dropdowns, before ¶1 and after the last ¶."""
        chosen = qa_of(statement_id)
        document, ref = chosen.document, chosen.statement
        sections = [(section_label(h), ps[0].number) for h, ps in document.sections]
        before = [(label(PREAMBLE), PREAMBLE)] if document.preamble else []
        after = [(label(CLOSING), CLOSING)] if document.closing else []
        return (
            gr.Dropdown(before + sections + after, value=section_start(number, statement_id)),
            gr.Dropdown(
                [(paragraph_heading(p.number, p.section), p.number) for p in document.reading_order],
                value=number,
            ),
            paragraph_panel_html(document, number, ref),
            ref.citation(number),
        )

    def pick(statement_id: str):
        """The reader picked a statement (or all): ask there, browse it, show its examples."""
        if statement_id == ALL_STATEMENTS:
            return (statement_id, None, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(),
                    examples_update(statement_id))
        if statement_id not in known:
            return (gr.skip(),) * 8
        return (statement_id, None, statement_id, *browser(statement_id), examples_update(statement_id))

    def section_start(number: PassageKey, statement_id: str) -> PassageKey:
        """The section dropdown's value for paragraph ``number``: its section's first ¶ (the
        preamble and the closing block are entries of their own)."""
        if isinstance(number, str):
            return number
        document = qa_of(statement_id).document
        section = document.paragraph(number).section
        return next(p.number for p in document.paragraphs if p.section == section)

    def open_paragraph(number: Any, statement_id: str):
        chosen = qa_of(statement_id)
        n = _passage_key(number, chosen.document)
        if n is None:
            return gr.skip(), gr.skip(), gr.skip()
        return (
            paragraph_panel_html(chosen.document, n, chosen.statement),
            chosen.statement.citation(n),
            section_start(n, statement_id),
        )

    def step(number: Any, delta: int, statement_id: str):
        document = qa_of(statement_id).document
        order = [p.number for p in document.reading_order]
        at = order.index(_passage_key(number, document) or 1)
        return order[min(len(order) - 1, max(0, at + delta))]

    def on_load(request: gr.Request):
        """``/?s=ID&p=14`` opens ¶14 of statement ID in the browser tab (``s`` defaults to the
        default statement); ``/?s=ID`` picks that statement; anything else leaves the page as it is."""
        params = request.query_params if request is not None else {}
        raw_id = params.get("s")
        statement_id = raw_id if isinstance(raw_id, str) and raw_id in known else default.id
        n = _passage_key(params.get("p"), qa_of(statement_id).document)
        if n is None and statement_id == default.id:
            return (gr.skip(),) * 9
        tab = gr.Tabs(selected="browse") if n is not None else gr.skip()
        return (tab, statement_id, statement_id, statement_id, *browser(statement_id, n or 1),
                examples_update(statement_id))

    def example_question(index: Any, statement_id: str):
        found = examples_of(statement_id)
        if found is None or not isinstance(index, int) or not 0 <= index < len(found.questions):
            return gr.skip()
        return found.questions[index]

    PANEL_PLACEHOLDER = _note_html("Ask a question: the paragraphs it cites appear here in full.")
    first_examples = examples_of(default.id)

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(f"# {TITLE}", elem_id="jmqa-title")
        gr.Markdown(escape_markdown(DESCRIPTION), elem_id="jmqa-description")
        previous = gr.State(None)
        chosen_id = gr.State(default.id)  # where the chat asks (a State: not part of the /chat API)
        browsing_id = gr.State(default.id)  # which statement the browser shows
        picker = gr.Dropdown(
            picker_choices,
            value=default.id,
            label="Statement",
            visible=len(picker_choices) > 1,
            elem_id="jmqa-statement",
        )
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320):
                chatbot = gr.Chatbot(
                    label="Chat",
                    height=520,
                    sanitize_html=True,
                    allow_tags=False,
                    latex_delimiters=[],
                    buttons=["copy"],
                    feedback_options=None,
                    elem_id="jmqa-chat",
                    placeholder="Ask about the statement, e.g. one of the examples below.",
                )
                with gr.Row():
                    box = gr.Textbox(
                        placeholder="Ask a question about the statement…",
                        show_label=False,
                        max_length=MAX_QUESTION_CHARS,  # browser-side only; respond() enforces it too
                        scale=5,
                        min_width=200,
                        autofocus=True,
                        elem_id="jmqa-question",
                    )
                    send = gr.Button(
                        "Ask", variant="primary", scale=1, min_width=80, elem_id="jmqa-send"
                    )
                examples = gr.Dataset(
                    components=[box],
                    samples=[[q] for q in first_examples.questions] if first_examples else [],
                    label=first_examples.label if first_examples else "Example questions",
                    type="index",  # an index into the picked statement's examples (example_question)
                    visible=first_examples is not None,
                    elem_id="jmqa-examples",
                )
            with (
                gr.Column(scale=2, min_width=320),
                gr.Tabs(selected="cited", overflow_behavior="wrap") as tabs,
            ):
                with gr.Tab("Cited paragraphs", id="cited"):
                    cited = gr.HTML(PANEL_PLACEHOLDER, elem_id="jmqa-cited", js_on_load=None)
                    cited_citation = gr.Textbox(
                        label="Citation",
                        buttons=["copy"],
                        interactive=False,
                        lines=1,
                        max_lines=5,
                        elem_id="jmqa-cited-citation",
                    )
                with gr.Tab("Browse the statement", id="browse"):
                    first = browser(default.id)
                    section_dd = gr.Dropdown(
                        first[0].choices, value=1, label="Section", elem_id="jmqa-section"
                    )
                    paragraph_dd = gr.Dropdown(
                        first[1].choices,
                        value=1,
                        label="Paragraph (type a number to jump)",
                        elem_id="jmqa-paragraph",
                    )
                    with gr.Row():
                        prev_btn = gr.Button("◀ Previous", size="sm", min_width=60)
                        next_btn = gr.Button("Next ▶", size="sm", min_width=60)
                    browse = gr.HTML(first[2], elem_id="jmqa-browse", js_on_load=None)
                    browse_citation = gr.Textbox(
                        first[3],
                        label="Citation",
                        buttons=["copy"],
                        interactive=False,
                        elem_id="jmqa-browse-citation",
                    )

        private = {"queue": False, "api_visibility": "private"}  # UI plumbing, not API
        chat_turn = {
            "fn": respond,
            "inputs": [box, chatbot, previous, chosen_id],
            "outputs": [box, chatbot, previous, cited, cited_citation],
            "concurrency_id": "qa",
            "concurrency_limit": CONCURRENCY_LIMIT,
        }
        show_cited = {"fn": lambda: gr.Tabs(selected="cited"), "outputs": tabs, **private}
        gr.on(
            [box.submit, send.click], **chat_turn, api_name="chat", api_visibility="undocumented"
        ).then(**show_cited)
        # Clicking an example asks it: it fills the box, then runs like a typed question.
        examples.click(example_question, [examples, chosen_id], box, **private).then(
            **chat_turn, api_visibility="private"
        ).then(**show_cited)
        chatbot.clear(clear_chat, None, [chatbot, previous, cited, cited_citation], **private)
        browser_parts = [section_dd, paragraph_dd, browse, browse_citation]
        # A new statement forgets the previous question: a follow-up leans on the same text.
        picker.input(
            pick, picker, [chosen_id, previous, browsing_id, *browser_parts, examples], **private
        )
        section_dd.input(lambda n: n, section_dd, paragraph_dd, **private)
        paragraph_dd.change(
            open_paragraph,
            [paragraph_dd, browsing_id],
            [browse, browse_citation, section_dd],
            **private,
        )
        prev_btn.click(lambda n, s: step(n, -1, s), [paragraph_dd, browsing_id], paragraph_dd, **private)
        next_btn.click(lambda n, s: step(n, +1, s), [paragraph_dd, browsing_id], paragraph_dd, **private)
        demo.load(
            on_load,
            None,
            [tabs, picker, chosen_id, browsing_id, *browser_parts, examples],
            **private,
        )
        # The documented programmatic endpoint: a question (and a statement id) in, Markdown out.
        gr.api(ask, api_name="ask", concurrency_id="qa", concurrency_limit=CONCURRENCY_LIMIT)

    demo.queue(default_concurrency_limit=CONCURRENCY_LIMIT, max_size=QUEUE_MAX_SIZE)
    return demo


def _passage_key(value: Any, document: Document) -> PassageKey | None:
    """A paragraph number of ``document`` from a query string or widget value, or "preamble" or
    "closing" when it has one, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        n: PassageKey = value
    elif isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,3}\s*", value):
        n = int(value)
    elif value in (PREAMBLE, CLOSING):
        n = value
    else:
        return None
    try:
        document.paragraph(n)
    except KeyError:
        return None
    return n


# Gradio puts each chat message's raw string into its aria-label, so a screen reader would read
# our HTML tags aloud. Replace those labels with the text the page shows.
ARIA_LABEL_FIX_JS = """
() => {
  const sweep = () => {
    document.querySelectorAll("#jmqa-chat [data-testid='bot'], #jmqa-chat [data-testid='user']")
      .forEach((el) => {
        const label = `${el.dataset.testid}'s message: ${el.innerText.trim()}`;
        if (el.getAttribute("aria-label") !== label) el.setAttribute("aria-label", label);
      });
  };
  new MutationObserver(sweep).observe(document.body, {
    childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ["aria-label"],
  });
  sweep();
}
"""


def launch_kwargs(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT) -> dict[str, Any]:
    """The launch settings that keep the app local and quiet; shared by serve() and tests."""
    return {
        "server_name": host,
        "server_port": port,
        "share": False,
        "enable_monitoring": False,
        "ssr_mode": False,
        "pwa": False,
        "mcp_server": False,
        "show_error": False,
        "footer_links": ["api", "settings"],
        # Hardening (issue 17): bodies capped and uploads closed in front of Gradio (guard.py),
        # Host checked when bound to loopback, security headers; no file is ever accepted; no
        # run history (it can reach out to the model hub); a bounded number of sessions.
        "app_kwargs": {"middleware": middleware(host)},
        "max_file_size": "1kb",
        "run_history": False,
        "state_session_capacity": STATE_SESSIONS,
        # Built-in theme with bundled fonts only (never GoogleFont: no outbound requests).
        "theme": gr.themes.Soft(),
        "css": CSS,
        "js": ARIA_LABEL_FIX_JS,
    }


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    index_dir: str | os.PathLike[str] | None = None,
) -> None:
    """Load the QA once for this process, build the app and serve it until interrupted. The
    other statements of the library load when first picked."""
    qa = jmqa.load(index_dir)
    demo = build_app(qa, jmqa.Library())
    print(f"jmqa UI on http://{host}:{port}  (Ctrl+C to stop)", flush=True)
    demo.launch(**launch_kwargs(host, port))


def main(argv: Sequence[str] | None = None) -> int:
    """``python app.py [--host H] [--port N] [--index-dir D]``."""
    parser = argparse.ArgumentParser(description="Start the jmqa web UI (Gradio).")
    parser.add_argument(
        "--host", default=DEFAULT_HOST, help=f"address to bind (default {DEFAULT_HOST})"
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--index-dir", type=Path, default=None, help="index folder (default: jmqa's)"
    )
    args = parser.parse_args(argv)
    from jmqa.cli import warnings_to_stderr

    with warnings_to_stderr():  # "rebuilding the index because ..." before a rebuild
        serve(host=args.host, port=args.port, index_dir=args.index_dir)
    return 0
