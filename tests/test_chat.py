"""Reading a chat turn: follow-ups leaning on the previous question, and the history's shapes."""

from __future__ import annotations

import pytest

import jmqa
from jmqa.chat import is_follow_up, message_text, normal_history, resolve_question


@pytest.mark.parametrize(
    "question,expected",
    [
        ("what about Malaysia's side?", True),
        ("How about Japan?", True),
        ("And in 2024?", True),
        ("Bagaimana dengan Malaysia?", True),
        ("Why is that?", True),
        ("What did they agree?", True),
        ("How many visitors were there in 2025?", False),
        ("Is there money for disaster recovery?", False),
        ("What did the leaders say about the South China Sea?", False),
        ("Andorra relations?", False),
        ("What did the two leaders say about it in the security section?", False),
        ("マレーシア側は？", True),
        ("では日本は？", True),
        ("それはいつですか？", True),
        ("原子力について何と言っていますか？", False),
        ("パーム油について教えてください", False),
    ],
)
def test_follow_up_rule(question, expected):
    assert is_follow_up(question) is expected


def test_resolve_question():
    assert resolve_question("what about Malaysia's side?", None) == (
        "what about Malaysia's side?",
        False,
    )
    assert resolve_question("what about Malaysia's side?", "Visitors in 2025?") == (
        "Visitors in 2025? what about Malaysia's side?",
        True,
    )
    assert resolve_question("Is there money for disaster recovery?", "Visitors?") == (
        "Is there money for disaster recovery?",
        False,
    )
    long_previous = "x" * jmqa.MAX_QUESTION_CHARS
    assert resolve_question("and Japan?", long_previous) == ("and Japan?", False)
    # A new paragraph replaces the one asked for before; asked of a topic, it joins it.
    assert resolve_question("what about ¶15?", "What does ¶14 say?") == ("what about ¶15?", False)
    assert resolve_question("what about ¶17?", "Palm oil?") == ("Palm oil? what about ¶17?", True)


def test_history_accepts_both_content_shapes():
    assert message_text({"role": "user", "content": "hi"}) == "hi"
    assert (
        message_text(
            {
                "role": "user",
                "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}],
            }
        )
        == "ab"
    )
    assert message_text({"role": "user", "content": [{"type": "file", "file": {}}]}) == ""
    history = [
        {"role": "user", "content": [{"type": "text", "text": "q"}]},
        {"role": "assistant", "content": "a", "metadata": None},
        {"role": "system", "content": "ignored"},
    ]
    assert normal_history(history) == [
        {"role": "user", "content": "q"},
        {"role": "assistant", "content": "a"},
    ]
    assert normal_history(None) == []
