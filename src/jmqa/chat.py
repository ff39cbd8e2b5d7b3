"""A chat turn: whether a question leans on the one before it, and the history the browser
sends back with every question (read whatever shape Gradio gives it, and kept within bounds)."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from jmqa.guard import MAX_BODY_BYTES
from jmqa.question import MAX_QUESTION_CHARS, names_paragraphs

# The browser sends the whole chat back with every question, and request bodies are capped at
# MAX_BODY_BYTES (guard.py), so the chat keeps its latest exchanges within this many bytes of
# JSON; older ones scroll away. Half the cap leaves room for the question and Gradio's envelope.
HISTORY_MAX_BYTES = MAX_BODY_BYTES // 2

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


def bounded_history(
    turn: list[dict[str, str]], max_bytes: int = HISTORY_MAX_BYTES
) -> list[dict[str, str]]:
    """``turn`` without its oldest exchanges, until its JSON fits ``max_bytes`` (the latest
    exchange always stays)."""
    while len(turn) > 2 and len(json.dumps(turn, ensure_ascii=False).encode()) > max_bytes:
        drop = 2 if turn[0]["role"] == "user" and turn[1]["role"] == "assistant" else 1
        turn = turn[drop:]
    return turn
