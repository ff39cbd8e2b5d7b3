"""The UI's pure formatting: verbatim as rendered, user text as text, follow-up rule. No server."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

import jmqa
from jmqa.answer import Answer, Quote
from jmqa.document import Span, load_statement
from jmqa.render import (
    NO_SECTION_LABEL,
    citations_text,
    cited_panel_html,
    escape_html,
    format_answer_html,
    format_answer_markdown,
    format_notice_html,
    format_user_html,
    paragraph_heading,
    quote_block_html,
)

DOC = load_statement()
# Text built to be misread by Markdown/HTML if anything were left unescaped.
NASTY = (
    "14. Starts like a list; *stars* and _underscores_ and __double__, (OSA) [link](http://x.y) "
    "![img](x) <script>alert(1)</script> <img src=x onerror=alert(1)> `code` | a | b | "
    "# not a heading > not a quote ~~strike~~ $x$ $$y$$ &amp; &#42; \\escaped\\ 2\\*3 ^sup^ "
    "www.example.com https://example.com - + = ---"
)


class _Texts(HTMLParser):
    """Collects the text (and tags) inside elements with a given class or tag name."""

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class, self.depth, self.texts, self.tags = css_class, 0, [], []
        self.marks: list[str] = []
        self._in_mark = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.depth:
            self.depth += 1
        elif self.css_class in classes or (self.css_class == tag):
            self.depth = 1
            self.texts.append("")
        if self.depth:
            self.tags.append(tag)  # tags inside (and including) the target elements only
        if tag in ("mark", "strong") and self.depth:
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag in ("mark", "strong") and self._in_mark:
            self._in_mark -= 1
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.texts[-1] += data
        if self._in_mark:
            self.marks[-1] += data


def texts_of(markup: str, css_class: str = "jmqa-text") -> _Texts:
    parser = _Texts(css_class)
    parser.feed(markup)
    parser.close()
    return parser


def markdown_to_html(text: str) -> str:
    """Render like a GFM-ish renderer: raw HTML allowed, tables and strikethrough on."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(text)


def quote_of(number: int, spans: tuple[Span, ...] = ()) -> Quote:
    p = DOC.paragraph(number)
    return Quote(p.number, p.section, p.text, spans, 1.0)


def found(*quotes: Quote) -> Answer:
    return Answer("q", True, tuple(quotes), 0.9)


def every_highlight_case():
    for p in DOC.paragraphs:
        yield p.number, ()
        for span in p.sentences:
            yield p.number, (span,)


@pytest.mark.parametrize("number,spans", list(every_highlight_case()))
def test_chat_html_shows_each_paragraph_verbatim(number, spans):
    p = DOC.paragraph(number)
    block = quote_block_html(DOC, p.number, p.section, p.text, spans)
    parsed = texts_of(block)
    assert parsed.texts == [p.text]
    assert parsed.marks == [p.text[s.start : s.end] for s in spans]
    # ... and still verbatim after a Markdown renderer has been over it (the Chatbot renders
    # messages as Markdown): no list, emphasis, link or code appears.
    rendered = texts_of(markdown_to_html(block))
    assert rendered.texts == [p.text]
    assert set(texts_of(markdown_to_html(block), "jmqa-text").tags) <= {"blockquote", "mark"}


@pytest.mark.parametrize("number,spans", list(every_highlight_case()))
def test_api_markdown_renders_each_paragraph_verbatim(number, spans):
    rendered = markdown_to_html(format_answer_markdown(found(quote_of(number, spans)), DOC))
    parsed = texts_of(rendered, "blockquote")
    assert [t.strip() for t in parsed.texts] == [DOC.paragraph(number).text]
    assert parsed.marks == [DOC.paragraph(number).text[s.start : s.end] for s in spans]


@pytest.mark.parametrize(
    "spans", [(), (Span(0, 18),), (Span(19, 60), Span(40, 90)), (Span(3, 400),)]
)
def test_hostile_text_stays_text_in_html_and_markdown(spans):
    block = quote_block_html(DOC, 14, "Economy", NASTY, spans)
    for markup in (block, markdown_to_html(block)):
        parsed = texts_of(markup)
        assert parsed.texts == [NASTY]
        assert not {"script", "img", "em", "code", "ol", "li", "table", "s", "h1"} & set(
            parsed.tags
        )
    answer = found(Quote(14, "Economy", NASTY, spans, 1.0))
    rendered = markdown_to_html(format_answer_markdown(answer, DOC))
    parsed = texts_of(rendered, "blockquote")
    assert [t.strip() for t in parsed.texts] == [NASTY]
    assert not {"script", "img", "em", "code", "ol", "li", "table", "s", "h1", "a"} & set(
        parsed.tags
    )


def test_user_text_is_shown_as_text():
    for question in ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>", NASTY):
        shown = format_user_html(question)
        assert "<img" not in shown and "<script" not in shown
        parsed = texts_of(markdown_to_html(shown), "jmqa-user")
        assert parsed.texts == [question]
        assert parsed.tags == ["span"]


def test_headings_and_citations():
    assert paragraph_heading(14, "Economy and People-to-People Exchanges") == (
        "¶14 · Economy and People-to-People Exchanges"
    )
    assert paragraph_heading(2, "") == f"¶2 · {NO_SECTION_LABEL}"
    answer = found(quote_of(21), quote_of(20))
    markup = format_answer_html(answer, DOC)
    heads = texts_of(markup, "jmqa-head").texts
    assert [h.strip().removesuffix("open").strip() for h in heads] == [
        "¶21 · Economy and People-to-People Exchanges",
        "¶20 · Economy and People-to-People Exchanges",
    ]
    assert texts_of(markup, "jmqa-cite").texts == [DOC.citation(21), DOC.citation(20)]
    assert citations_text(answer, DOC) == (
        "Japan-Malaysia Joint Statement, 10 June 2026, ¶21\n"
        "Japan-Malaysia Joint Statement, 10 June 2026, ¶20"
    )
    assert "\n" not in markup  # one raw HTML block for the Markdown renderer


def test_opening_paragraphs_get_our_label_not_invented_text():
    markup = format_answer_html(found(quote_of(1)), DOC)
    assert NO_SECTION_LABEL in html.unescape(markup)
    assert texts_of(markup).texts == [DOC.paragraph(1).text]


def test_refusal_says_so_and_suggests_nearest_without_quoting():
    answer = Answer("What is Malaysia's GDP?", False, (), 0.1, (11, 14, 20), jmqa.NOT_ADDRESSED)
    markup = format_answer_html(answer, DOC)
    assert texts_of(markup, "jmqa-refusal").texts == [jmqa.NOT_ADDRESSED]
    assert texts_of(markup).texts == []  # nothing presented as a quote
    nearest = html.unescape(texts_of(markup, "jmqa-nearest").texts[0])
    assert "¶11" in nearest and "¶14" in nearest and "¶20" in nearest
    md = format_answer_markdown(answer, DOC)
    assert md.startswith("The statement does not address this question.")
    assert "¶11 · Economy and People-to-People Exchanges" in md
    panel = cited_panel_html(answer, DOC)
    assert "do not answer" in panel
    assert texts_of(panel).texts == [DOC.paragraph(n).text for n in (11, 14, 20)]


def test_a_paragraph_that_does_not_exist_is_said_so_with_nothing_near_offered():
    message = "The statement's paragraphs are numbered 1 to 27: there is no ¶40."
    answer = Answer("What does ¶40 say?", False, (), 0.0, (), message)
    markup = format_answer_html(answer, DOC)
    assert [html.unescape(t) for t in texts_of(markup, "jmqa-refusal").texts] == [message]
    assert texts_of(markup).texts == [] and not texts_of(markup, "jmqa-nearest").texts
    panel = cited_panel_html(answer, DOC)
    assert "¶40" in html.unescape(panel) and "Nearest" not in panel and texts_of(panel).texts == []


def test_a_caution_comes_before_the_quotes_as_our_words_not_the_statement():
    answer = Answer("Which airlines fly the new routes?", True, (quote_of(21),), 0.45, (), jmqa.CAUTION)
    markup = format_answer_html(answer, DOC)
    assert texts_of(markup).texts == [DOC.paragraph(21).text]  # the quote is untouched
    assert texts_of(markup, "jmqa-caution").texts == [jmqa.CAUTION]
    assert markup.index("jmqa-caution") < markup.index(DOC.paragraph(21).text[:40])
    rendered = markdown_to_html(format_answer_markdown(answer, DOC))
    assert [t.strip() for t in texts_of(rendered, "blockquote").texts] == [DOC.paragraph(21).text]
    assert rendered.startswith("<p><em>" + html.escape(jmqa.CAUTION, quote=False) + "</em></p>")
    assert "jmqa-caution" not in format_answer_html(found(quote_of(21)), DOC)  # only when unsure


def test_notice_is_escaped():
    assert "<script>" not in format_notice_html("<script>alert(1)</script>")
    assert escape_html("a<b>&c") == "a&#60;b&#62;&#38;c"


def test_read_as_is_shown_for_follow_ups():
    markup = format_answer_html(found(quote_of(21)), DOC, read_as="visitors? what about <b>x</b>")
    assert "Read as a follow-up" in html.unescape(markup)
    assert "<b>" not in markup


def test_where_else_a_phrase_is_used_is_our_note_with_links_not_a_quote():
    mention = jmqa.Mention("South China Sea <b>", (8,))
    answer = Answer("What did they say about the South China Sea?", True, (quote_of(22),), 0.9, mentions=(mention,))
    markup = format_answer_html(answer, DOC)
    assert texts_of(markup).texts == [DOC.paragraph(22).text]  # ¶8 is not quoted
    note = html.unescape(texts_of(markup, "jmqa-nearest").texts[0])
    assert note == "“South China Sea <b>” is also in: ¶8 · " + DOC.paragraph(8).section
    assert f'href="{escape_html("?p=8")}"' in markup and "<b>" not in markup
    md = format_answer_markdown(answer, DOC)
    assert md.endswith("is also in: ¶8 · " + DOC.paragraph(8).section.replace("-", "\\-"))


def test_rendering_needs_no_gradio():
    """A program that embeds jmqa can show answers as the app does without the UI's extra."""
    import subprocess
    import sys

    code = "import sys, jmqa.render, jmqa.chat; print('gradio' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
