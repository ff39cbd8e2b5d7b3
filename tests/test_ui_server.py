"""The live app through gradio_client: stable /ask endpoint, refusals, citations across turns;
and hostile requests (issue 17): body limit, no uploads, Host check, security headers, refusals
that never echo a payload, a bounded chat history, no run history."""

from __future__ import annotations

import html
import http.client
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest
from gradio_client import Client

from jmqa.chat import HISTORY_MAX_BYTES, message_text
from jmqa.guard import MAX_BODY_BYTES
from jmqa.render import REFUSED_PREVIEW_CHARS
from jmqa.ui import EMPTY_QUESTION

pytestmark = [pytest.mark.server, pytest.mark.slow]


@pytest.fixture(scope="module")
def client(app_url: str) -> Iterator[Client]:
    c = Client(app_url, verbose=False)
    try:
        yield c
    finally:
        c.close()


def test_binds_to_localhost_only(app_url: str):
    assert app_url.startswith("http://127.0.0.1:")


def test_visitor_numbers_cite_paragraph_21(client: Client):
    reply = client.predict("How many visitors were there in 2025?", api_name="/ask")
    assert reply.startswith("**¶21 · Economy and People-to-People Exchanges**")
    assert "> **Both leaders were pleased with exchange of two-way visitors" in reply
    assert reply.endswith("Japan-Malaysia Joint Statement, 10 June 2026, ¶21")


def test_off_topic_question_is_refused(client: Client):
    reply = client.predict("Who won the 2022 World Cup?", api_name="/ask")
    assert reply.startswith("The statement does not address this question.")
    assert "Nearest paragraphs it does have:" in reply
    assert "> " not in reply  # nothing quoted as an answer


def test_over_long_question_is_refused_politely(client: Client):
    reply = client.predict("Is there money for disaster recovery? " * 60, api_name="/ask")
    assert reply.startswith("Sorry, I can't search that:")
    assert "the limit is 1,000" in reply
    long = client.predict("x" * 30_000, api_name="/ask")  # under the body limit: our refusal
    assert long.startswith("Sorry, I can't search that:") and "x" * 100 not in long
    # Over the 64 KB body limit the request never reaches Gradio: see below.


def test_empty_and_bad_input(client: Client):
    assert client.predict("   ", api_name="/ask") == EMPTY_QUESTION
    reply = client.predict("visitors\x00in 2025", api_name="/ask")
    assert reply.startswith("Sorry, I can't search that:") and "control characters" in reply


def _cited_paragraphs(markup: str) -> list[int]:
    return [int(n) for n in re.findall(r'class="jmqa-quote jmqa-p(\d+)"', markup)]


def test_chat_citations_follow_each_turn(client: Client):
    """Three turns in one chat: each reply and the side panel cite that turn's paragraphs."""
    history: list = []
    turns = [
        ("How many visitors were there in 2025?", 21),
        ("Is there money for disaster recovery?", 18),
        ("When will GREENxEXPO 2027 be held?", 19),
    ]
    job_client = Client(client.src, verbose=False)  # fresh session, so the chat state is ours
    try:
        for question, paragraph in turns:
            box, history, panel, citation = job_client.predict(question, history, api_name="/chat")
            assert box == ""
            reply = message_text(history[-1])  # Gradio 6 sends content as a list of blocks
            assert _cited_paragraphs(reply)[0] == paragraph
            assert _cited_paragraphs(panel)[0] == paragraph
            assert (
                citation.splitlines()[0]
                == f"Japan-Malaysia Joint Statement, 10 June 2026, ¶{paragraph}"
            )
        assert len(history) == 6
        # A clear follow-up is read with the previous question, and says so.
        _, history, panel, _ = job_client.predict(
            "what about the dates?", history, api_name="/chat"
        )
        assert "Read as a follow-up" in html.unescape(message_text(history[-1]))
    finally:
        job_client.close()


def test_no_arbitrary_files_are_served(app_url: str):
    for path in (
        "/gradio_api/file=/etc/passwd",
        "/file=/etc/passwd",
        "/gradio_api/file=../../../../etc/passwd",
        "/static/../../../../etc/passwd",
    ):
        try:
            with urllib.request.urlopen(app_url.rstrip("/") + path, timeout=10) as r:
                body = r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            assert e.code in (400, 403, 404), path
        else:
            assert "root:" not in body, path


# --- hostile requests (issue 17) ---------------------------------------------------------------


def request(
    app_url: str, method: str, path: str, body: bytes | None = None,
    headers: dict[str, str] | None = None, chunked: bool = False,
) -> tuple[int, dict[str, str], bytes]:
    """One raw HTTP request (http.client, so Host and framing are exactly what we say)."""
    url = urllib.parse.urlsplit(app_url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    try:
        if chunked:
            conn.request(method, path, body=iter([body[i : i + 8192] for i in range(0, len(body), 8192)]),
                         headers=headers or {}, encode_chunked=True)
        else:
            conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def _ask_body(question: str) -> bytes:
    return json.dumps({"data": [question]}).encode()


@pytest.mark.parametrize("path", ["/gradio_api/call/ask", "/gradio_api/queue/join", "/gradio_api/run/ask"])
def test_bodies_over_the_limit_are_refused_before_gradio(app_url: str, path: str):
    body = _ask_body("x" * (MAX_BODY_BYTES + 1))
    status, headers, text = request(app_url, "POST", path, body, {"Content-Type": "application/json"})
    assert status == 413 and b"limited to" in text
    assert headers["x-frame-options"] == "DENY"
    status, _, _ = request(app_url, "POST", path, body, {"Content-Type": "application/json"}, chunked=True)
    assert status == 413  # no Content-Length: counted as it arrives


def test_a_body_under_the_limit_still_works(app_url: str):
    status, _, text = request(
        app_url, "POST", "/gradio_api/call/ask", _ask_body("How many visitors were there in 2025?"),
        {"Content-Type": "application/json"},
    )
    assert status == 200 and "event_id" in json.loads(text)


def test_uploads_are_refused(app_url: str):
    body = (b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n"
            b"Content-Type: text/plain\r\n\r\nhello\r\n--b--\r\n")
    for path in ("/gradio_api/upload", "/gradio_api/upload/", "/upload"):
        status, _, _ = request(app_url, "POST", path, body,
                               {"Content-Type": "multipart/form-data; boundary=b", "Origin": "http://evil.example"})
        assert status in (403, 404), path


def test_security_headers_on_the_page(app_url: str):
    status, headers, page = request(app_url, "GET", "/")
    assert status == 200 and b"<html" in page.lower()
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "http:" not in csp and "https:" not in csp and "*" not in csp  # nothing from elsewhere
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"


def test_other_host_headers_are_refused_on_loopback(app_url: str):
    port = urllib.parse.urlsplit(app_url).port
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.nip.io", "192.168.1.5"):
        status, _, _ = request(app_url, "GET", "/", headers={"Host": host})
        assert status == 421, host
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", "localhost"):
        status, _, _ = request(app_url, "GET", "/", headers={"Host": host})
        assert status == 200, host


def call_raw(app_url: str, api: str, body: bytes) -> list:
    """POST ``body`` (raw JSON: it may hold escapes no client would send) to /gradio_api/call/API
    and return the completed event's data."""
    status, _, text = request(app_url, "POST", f"/gradio_api/call/{api}", body,
                              {"Content-Type": "application/json"})
    assert status == 200, text
    event = json.loads(text)["event_id"]
    status, _, stream = request(app_url, "GET", f"/gradio_api/call/{api}/{event}")
    lines = stream.decode().splitlines()
    assert "event: complete" in lines, lines[:4]
    return json.loads(lines[lines.index("event: complete") + 1].removeprefix("data: "))


def test_ask_refuses_a_lone_surrogate_with_a_message(app_url: str):
    (reply,) = call_raw(app_url, "ask", b'{"data": ["x \\ud800", ""]}')
    assert reply.startswith("Sorry, I can't search that:") and "not valid text" in reply


def test_refused_chat_questions_are_not_echoed_in_full(client: Client, app_url: str):
    session = Client(client.src, verbose=False)
    try:
        question = "Is there money? " * 1500  # 24,000 characters: under the body limit, over 1,000
        _, history, _, _ = session.predict(question, [], api_name="/chat")
        shown = html.unescape(message_text(history[0]))
        assert len(shown) < REFUSED_PREVIEW_CHARS + 60 and "… (24,000 characters)" in shown
        assert "the limit is 1,000" in html.unescape(message_text(history[1]))
    finally:
        session.close()
    box, history, _, _, _ = call_raw(app_url, "chat", b'{"data": ["x \\udcff y", [], null, ""]}')
    assert box == "" and "x \ufffd y" in html.unescape(message_text(history[0]))
    assert "not valid text" in html.unescape(message_text(history[1]))


def _message(role: str, text: str) -> dict:
    return {"role": role, "content": [{"type": "text", "text": text}]}  # as Gradio 6 sends it


def test_the_chat_history_stays_under_the_body_limit(client: Client):
    earlier = []
    for i in range(16):  # 16 earlier exchanges of ~2.5 KB: over HISTORY_MAX_BYTES, under the cap
        earlier += [_message("user", f"question {i}"),
                    _message("assistant", f"<p>answer {i}</p>" + "quoted text " * 200)]
    assert HISTORY_MAX_BYTES < len(json.dumps(earlier).encode()) < MAX_BODY_BYTES - 4096
    session = Client(client.src, verbose=False)
    try:
        _, history, _, _ = session.predict("How many visitors were there in 2025?", earlier, api_name="/chat")
    finally:
        session.close()
    texts = [message_text(m) for m in history]
    assert len(json.dumps(texts, ensure_ascii=False).encode()) <= HISTORY_MAX_BYTES
    assert "question 0" not in texts and "question 15" in texts  # the oldest scrolled away
    assert "jmqa-p21" in texts[-1]  # the latest exchange stayed


def test_every_dropdown_on_the_page_is_one_the_layout_places(app_url: str):
    """The statement picker and the browser's section and paragraph dropdowns, each labelled;
    no stray copy of the browser's first choices (once made inside the layout, and so shown)."""
    config = json.loads(request(app_url, "GET", "/config")[2])
    labels = [c["props"].get("label") for c in config["components"] if c.get("type") == "dropdown"]
    assert labels == ["Statement", "Section", "Paragraph (type a number to jump)"]


def test_run_history_is_off(app_url: str, client: Client):
    config = json.loads(request(app_url, "GET", "/config")[2])
    assert config["run_history"] is False
    reply = client.predict("How many visitors were there in 2025?", api_name="/ask")
    assert reply.startswith("**¶21")
    status, _, _ = request(app_url, "POST", "/gradio_api/call/ask", _ask_body("What is OSA?"),
                           {"Content-Type": "application/json", "x-gradio-history-bucket": "someone/bucket"})
    assert status == 200  # the header is ignored: nothing is recorded anywhere
