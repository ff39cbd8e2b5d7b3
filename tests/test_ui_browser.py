"""The UI in a real browser: Playwright driving Debian's /usr/bin/chromium (never a downloaded one).

Set ``JMQA_UPDATE_SCREENSHOT=1`` to also refresh ``docs/screenshot.png`` (the README's picture);
otherwise screenshots go to pytest's temporary folder only.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

import jmqa

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "screenshot.png"
ANSWER_TIMEOUT_MS = 60_000
VISITORS = "How many visitors were there in 2025?"
VISITORS_JA = "2025年の双方向の訪問者数は何人でしたか？"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's browser with "
            "`apt-get install -y chromium` (do not run `playwright install`)",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page plus everything it requested and every dialog it tried to open."""

    def __init__(self, page) -> None:
        self.page, self.requests, self.dialogs = page, [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def external_requests(self) -> list[str]:
        return [
            u
            for u in self.requests
            if urlparse(u).scheme not in ("data", "blob") and urlparse(u).hostname != "127.0.0.1"
        ]


@pytest.fixture
def watched(browser, request) -> Iterator[Watched]:
    width, height = getattr(request, "param", (1280, 860))
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(ANSWER_TIMEOUT_MS)
    w = Watched(page)
    try:
        yield w
    finally:
        context.close()


def ask(page, question: str) -> None:
    """Type a question and wait until its answer has arrived."""
    before = page.locator("#jmqa-chat .jmqa-answer").count()
    page.fill("#jmqa-question textarea", question)
    page.press("#jmqa-question textarea", "Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#jmqa-chat .jmqa-answer').length > n", arg=before
    )


def test_question_shows_quoted_paragraph_and_highlight(
    app_url: str, watched: Watched, qa: jmqa.QA, tmp_path: Path
):
    page = watched.page
    page.goto(app_url + "/")
    ask(page, VISITORS)
    quote = page.locator("#jmqa-chat .jmqa-quote.jmqa-p21").first
    assert quote.locator(".jmqa-head strong").inner_text() == (
        "¶21 · Economy and People-to-People Exchanges"
    )
    paragraph = qa.document.paragraph(21)
    # What the browser shows is the paragraph, character for character.
    assert quote.locator("blockquote.jmqa-text").inner_text() == paragraph.text
    assert quote.locator("mark").all_inner_texts() == [paragraph.sentence_texts()[0]]
    assert quote.locator(".jmqa-cite").inner_text() == qa.document.citation(21)
    # A screen reader gets the shown text, not our markup (Gradio labels messages with their source).
    page.wait_for_function(
        "() => [...document.querySelectorAll('#jmqa-chat [data-testid=bot]')]"
        ".every(e => !(e.getAttribute('aria-label') || '').includes('<'))"
    )
    label = page.locator("#jmqa-chat [data-testid='bot']").last.get_attribute("aria-label")
    assert label.startswith("bot's message: ") and paragraph.text[:60] in label
    # Side panel: the cited paragraph in full and a citation line to copy.
    assert (
        page.locator("#jmqa-cited .jmqa-quote.jmqa-p21 blockquote").inner_text() == paragraph.text
    )
    assert page.locator("#jmqa-cited-citation textarea").input_value() == qa.document.citation(21)
    assert (
        page.locator(
            "#jmqa-cited-citation button[aria-label*='opy'], "
            "#jmqa-cited-citation button[title*='opy']"
        ).count()
        >= 1
    )
    # The same question in Japanese quotes the same English sentence; the README's picture shows
    # it, so the chat must draw Japanese (a browser without a CJK font shows boxes). A new page:
    # the picture shows that question alone.
    page.goto(app_url + "/")
    ask(page, VISITORS_JA)
    answer = page.locator("#jmqa-chat .jmqa-answer").last
    assert answer.locator(".jmqa-quote.jmqa-p21 mark").first.inner_text() == paragraph.sentence_texts()[0]
    assert page.locator("#jmqa-chat [data-testid='user']").last.inner_text().strip() == VISITORS_JA
    page.screenshot(path=str(tmp_path / "screenshot.png"))
    if os.environ.get("JMQA_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOT))
    assert watched.external_requests() == []
    assert watched.dialogs == []


# Questions whose quotes have come with a caution (confidence between refusing and sure); the test
# uses the first that still does, so a refit of the refusal model moves it, not breaks it.
UNSURE = (
    "Will Japan and Malaysia work together against dirty money?",
    "Is there anything in the statement about the chip industry?",
    "Did travel between Japan and Malaysia top a million people last year?",
    "Which Japanese universities are taking part in MIDORI INFINITY?",
)


def test_an_unsure_answer_shows_its_caution_before_the_quotes(app_url: str, watched: Watched, qa: jmqa.QA):
    question = next((q for q in UNSURE if qa.ask(q).message == jmqa.CAUTION), None)
    assert question, "no candidate question gets a caution any more: pick new ones from the eval report"
    page = watched.page
    page.goto(app_url + "/")
    ask(page, question)
    answer = page.locator("#jmqa-chat .jmqa-answer").last
    assert answer.locator(".jmqa-caution").inner_text() == jmqa.CAUTION
    assert answer.locator("blockquote .jmqa-caution").count() == 0  # ours, not the statement's
    # Read first, before any quote.
    assert answer.evaluate(
        "a => a.querySelector('.jmqa-caution').compareDocumentPosition(a.querySelector('blockquote'))"
        " & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    quotes = answer.locator("blockquote.jmqa-text").all_inner_texts()
    assert quotes == [qa.document.paragraph(q.paragraph).text for q in qa.ask(question).quotes]
    assert watched.external_requests() == []


def test_paragraphs_asked_for_by_number(app_url: str, watched: Watched, qa: jmqa.QA):
    page = watched.page
    page.goto(app_url + "/")
    ask(page, "What do ¶14 and ¶40 say?")
    answer = page.locator("#jmqa-chat .jmqa-answer").last
    assert answer.locator("blockquote.jmqa-text").all_inner_texts() == [qa.document.paragraph(14).text]
    assert "there is no ¶40" in answer.locator(".jmqa-caution").inner_text()
    ask(page, "What does ¶40 say?")
    answer = page.locator("#jmqa-chat .jmqa-answer").last
    assert "numbered 1 to 27" in answer.locator(".jmqa-refusal").inner_text()
    assert answer.locator("blockquote").count() == 0 and answer.locator(".jmqa-nearest").count() == 0
    assert "there is no ¶40" in page.locator("#jmqa-cited").inner_text()
    assert watched.external_requests() == []


def test_clicking_an_example_asks_it(app_url: str, watched: Watched):
    page = watched.page
    page.goto(app_url + "/")
    page.get_by_text("2025年の双方向の訪問者数は何人でしたか？", exact=True).click()
    page.wait_for_selector("#jmqa-chat .jmqa-answer")
    assert page.locator("#jmqa-chat .jmqa-quote.jmqa-p21").count() >= 1
    assert watched.external_requests() == []


def test_markup_in_a_question_is_shown_as_text_and_never_runs(app_url: str, watched: Watched):
    page = watched.page
    page.goto(app_url + "/")
    attacks = [
        "<img src=x onerror=alert(1)>",
        "<script>window.__jmqa_pwned = 1; alert(2)</script> visitors in 2025?",
        '<a href="javascript:alert(3)" id="jmqa-injected">click</a> *bold* [x](http://evil)',
    ]
    for attack in attacks:
        ask(page, attack)
    page.wait_for_timeout(500)  # give any injected handler a chance to fire
    assert watched.dialogs == []
    assert page.evaluate("window.__jmqa_pwned") is None
    chat = page.locator("#jmqa-chat")
    assert chat.locator("img[src='x'], script, #jmqa-injected, a[href^='javascript']").count() == 0
    assert chat.locator("em").count() == 0
    assert page.locator(".jmqa-user").all_inner_texts() == attacks  # shown as typed
    assert watched.external_requests() == []


def test_paragraph_url_opens_that_paragraph(app_url: str, watched: Watched, qa: jmqa.QA):
    page = watched.page
    page.goto(app_url + "/?p=14")
    browse = page.locator("#jmqa-browse .jmqa-quote.jmqa-p14")
    browse.wait_for()
    assert browse.locator("blockquote.jmqa-text").inner_text() == qa.document.paragraph(14).text
    assert page.locator("#jmqa-browse-citation textarea").input_value() == qa.document.citation(14)
    page.get_by_role("button", name="Next ▶").click()
    page.locator("#jmqa-browse .jmqa-quote.jmqa-p15").wait_for()
    assert page.locator("#jmqa-browse-citation textarea").input_value() == qa.document.citation(15)
    # Garbage in the URL is ignored: the page still works and shows ¶1.
    for bad in ("?p=99", "?p=abc", "?p=../../etc/passwd", "?p=1%3Cscript%3E"):
        page.goto(app_url + "/" + bad)
        page.locator("#jmqa-question textarea").wait_for()
        page.get_by_role("tab", name="Browse the statement").click()
        assert page.locator("#jmqa-browse .jmqa-quote.jmqa-p1").count() == 1
    assert watched.dialogs == []
    assert watched.external_requests() == []


@pytest.mark.parametrize("watched", [(390, 844)], indirect=True)
def test_phone_width_dark_theme_is_usable(
    app_url: str, watched: Watched, qa: jmqa.QA, tmp_path: Path
):
    page = watched.page
    page.goto(app_url + "/?__theme=dark")
    ask(page, VISITORS)
    text = page.locator("#jmqa-chat blockquote.jmqa-text").first
    assert text.inner_text() == qa.document.paragraph(21).text
    # Nothing wider than the phone: no horizontal scrolling.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 1
    # Highlight is legible in dark mode: light text on a dark mark.
    color, background = page.locator("#jmqa-chat mark").first.evaluate(
        "m => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]"
    )
    assert color != background
    page.screenshot(path=str(tmp_path / "phone-dark.png"), full_page=True)


def test_the_security_policy_blocks_nothing_the_app_needs(app_url: str, watched: Watched):
    """The page is served with a self-only Content-Security-Policy (guard.py); the app must still
    render and answer with no violation reported."""
    page = watched.page
    page.add_init_script(
        "window.__cspViolations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text))
    response = page.goto(app_url + "/")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    ask(page, VISITORS)
    assert page.locator("#jmqa-chat .jmqa-quote.jmqa-p21").count() >= 1
    assert page.evaluate("window.__cspViolations") == []
    assert not [m for m in console if "Content Security Policy" in m]
