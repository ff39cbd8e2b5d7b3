"""The live app through gradio_client: stable /ask endpoint, refusals, citations across turns."""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from gradio_client import Client

from jmqa.ui import EMPTY_QUESTION, message_text

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
    huge = client.predict("x" * 100_000, api_name="/ask")
    assert huge.startswith("Sorry, I can't search that:")


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
