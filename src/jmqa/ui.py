"""The web UI: a Gradio chat that answers by quoting the statement's numbered paragraphs.

``jmqa serve`` and the top-level ``app.py`` call :func:`serve`; tests call :func:`build_app` and
launch it themselves. What a reply looks like is :mod:`jmqa.render` (pure, testable without a
server); how a chat turn is read (follow-ups, the history the browser sends) is :mod:`jmqa.chat`.
This module wires them to Gradio: the page, its handlers, the ``/ask`` API and the server.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gradio as gr

import jmqa
from jmqa.answer import Answer
from jmqa.chat import bounded_history, normal_history, resolve_question
from jmqa.document import CLOSING, PREAMBLE, Document, PassageKey, label
from jmqa.errors import InvalidQuestionError
from jmqa.guard import middleware
from jmqa.question import MAX_QUESTION_CHARS, clean_question
from jmqa.render import (
    citations_text,
    cited_panel_html,
    escape_markdown,
    format_answer_html,
    format_answer_markdown,
    format_notice_html,
    format_user_html,
    note_html,
    paragraph_heading,
    paragraph_panel_html,
    refused_preview,
    section_label,
)
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
# Sessions whose state Gradio keeps in memory (its default is 10,000). Each holds a copy of the
# page's configuration, ~75 KB (scripts/soak.py: +76 MiB over 1,000 new sessions at a capacity
# of 1,000), plus our state, the last question (at most MAX_QUESTION_CHARS). The least recently
# used session goes first; a follow-up in an evicted session is read as a new question.
STATE_SESSIONS = 256
TITLE = "Joint Statement Q&A"
DESCRIPTION = (
    "Ask about a joint statement: answers quote its numbered paragraphs word for word, or say "
    "plainly that the statement does not address the question."
)
ALL_STATEMENTS = "*all*"  # the picker's value for "search every statement of the library"
ALL_STATEMENTS_LABEL = "All statements"
EMPTY_QUESTION = "Please type a question about the statement."

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
                [(paragraph_heading(p.number, p.heading), p.number) for p in document.reading_order],
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
        section = document.paragraph(number).heading
        return next(p.number for p in document.paragraphs if p.heading == section)

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

    PANEL_PLACEHOLDER = note_html("Ask a question: the paragraphs it cites appear here in full.")
    first_examples = examples_of(default.id)

    # Built before the layout: a component made inside it is placed on the page, and these only
    # carry the first statement's choices.
    first = browser(default.id)
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
