"""Metamorphic robustness: does the answer survive the way people really type a question?

Each item is rewritten in a few ways that should not change what it asks (lower case without
punctuation, keyboard typos, chat abbreviations, a sentence of context first, a polite wrapper,
"Tell me about X" for "What did they say about X?"). An item *holds* under a rewrite when the
rewritten question gets the same decision (answer or refuse) and, when answered, the same first
quoted paragraph as the original. Rewrites are seeded per item and perturbation, so a run is
reproducible and an item's rewrite does not change when other items are added.

Only items a rewrite actually changes are counted for it: a Japanese question has no letters to
lower-case, and only questions of the "What did they say about X?" form become "Tell me about X".
"""

from __future__ import annotations

import hashlib
import random
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from jmqa.document import PassageKey, label
from jmqa.errors import InvalidQuestionError
from jmqa.normalize import KEY_NEIGHBOURS
from jmqa.question import clean_question

if TYPE_CHECKING:  # the pipeline is passed in; importing jmqa.qa here would load model libraries
    from jmqa.answer import Answer
    from jmqa.qa import QA

ProgressFn = Callable[[str, int, int], None]


class _Item(Protocol):  # what this module reads of a QAItem
    id: str
    question: str
    split: str


# --- the rewrites ----------------------------------------------------------------------------

_APOSTROPHES = "'\u2019"
_KEPT = "%¶§"  # units and paragraph signs carry meaning; chat keeps them


def lowercase_unpunctuated(question: str, rng: random.Random) -> str:
    """"What's Japan's role?" -> "whats japans role": chat style. Apostrophes vanish, other
    punctuation becomes a space; a point or comma between digits ("1.5") is part of a number,
    and "%", "¶" and "§" are kept."""
    del rng  # deterministic
    out = []
    for i, ch in enumerate(question):
        between_digits = (0 < i < len(question) - 1 and question[i - 1].isdigit()
                          and question[i + 1].isdigit())
        if ch in _APOSTROPHES:
            continue
        if (unicodedata.category(ch).startswith("P") and ch not in _KEPT
                and not (ch in ".," and between_digits)):
            out.append(" ")
        else:
            out.append(ch)
    return " ".join("".join(out).lower().split())


_TYPO_WORD = re.compile(r"[A-Za-z]{4,}")


def _typo(word: str, rng: random.Random) -> str:
    """One slip in ``word``: a letter replaced by a neighbouring key, or two letters swapped."""
    if rng.random() < 0.5:
        i = rng.randrange(len(word))
        near = rng.choice(KEY_NEIGHBOURS[word[i].lower()])
        return word[:i] + (near.upper() if word[i].isupper() else near) + word[i + 1 :]
    swaps = [i for i in range(len(word) - 1) if word[i] != word[i + 1]]
    if not swaps:
        return word
    i = rng.choice(swaps)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def keyboard_typos(question: str, rng: random.Random) -> str:
    """One or two typos, each in a different word of four or more letters."""
    words = list(_TYPO_WORD.finditer(question))
    if not words:
        return question
    chosen = sorted(rng.sample(words, min(len(words), rng.choice((1, 2)))), key=lambda m: m.start())
    out, last = [], 0
    for match in chosen:
        out += [question[last : match.start()], _typo(match.group(), rng)]
        last = match.end()
    return "".join(out) + question[last:]


# General chat shorthand (any English text), never this statement's own names.
ABBREVIATIONS: Mapping[str, str] = {
    "government": "govt", "governments": "govts", "people": "ppl", "year": "yr", "years": "yrs",
    "you": "u", "your": "ur", "about": "abt", "please": "pls", "because": "bc", "with": "w/",
    "without": "w/o", "and": "&", "are": "r", "information": "info", "between": "btwn",
    "approximately": "approx", "million": "mil", "billion": "bn", "international": "intl",
    "organisation": "org", "organization": "org", "department": "dept", "message": "msg",
    "something": "sth", "thanks": "thx", "tomorrow": "tmrw", "before": "b4", "really": "rly",
    "percent": "pct", "number": "no.", "regarding": "re", "someone": "sb", "everyone": "every1",
    "minutes": "mins", "second": "2nd", "first": "1st", "third": "3rd", "quarter": "qtr",
}
_WORD = re.compile(r"[A-Za-z]+")


def chat_abbreviations(question: str, rng: random.Random) -> str:
    """Every word with a common chat abbreviation written that way ("people" -> "ppl")."""
    del rng  # deterministic

    def short(match: re.Match[str]) -> str:
        word = match.group()
        return ABBREVIATIONS.get(word.lower(), word)

    return _WORD.sub(short, question)


# A sentence about the asker, of the kind people put before a question; nothing topical.
CONTEXT_SENTENCES = (
    "I'm writing a piece for my newsletter.",
    "My teacher asked us to look into this.",
    "I saw something in the news earlier and got curious.",
    "Quick question for a report I'm preparing.",
    "I'm trying to understand this for work.",
    "A friend and I were discussing this over lunch.",
    "Sorry if this is a basic question.",
    "I'm preparing a short briefing for my team.",
)
_LATIN_ONLY = re.compile(r"[^\W\d_]")


def _latin(question: str) -> bool:
    """True when every letter is ASCII: an English sentence of context reads naturally before it."""
    letters = _LATIN_ONLY.findall(question)
    return bool(letters) and all(ch.isascii() for ch in letters)


def context_sentence(question: str, rng: random.Random) -> str:
    """A sentence of context before the question ("I'm writing a piece for my newsletter. ...")."""
    if not _latin(question):
        return question
    return f"{rng.choice(CONTEXT_SENTENCES)} {question}"


# An English question starts with a question word or an auxiliary; only those take a wrapper
# ("Could you tell me, summarise the section?" is not something anyone writes).
_ENGLISH_QUESTION = re.compile(
    r"(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|has|have|had|"
    r"can|could|will|would|should|shall|may|might|must)\b",
    re.IGNORECASE,
)
POLITE_WRAPPERS = (
    "Could you tell me, {q}",
    "Can you please tell me, {q}",
    "I was wondering, {q}",
    "Would you mind telling me: {q}",
)


def polite_wrapper(question: str, rng: random.Random) -> str:
    """"What did Japan pledge?" -> "Could you tell me, what did Japan pledge?"."""
    stripped = question.strip()
    if not _ENGLISH_QUESTION.match(stripped):
        return question
    # Lower-case the first word unless it is an acronym-like all-caps word.
    first, _, rest = stripped.partition(" ")
    lowered = first if first.isupper() and len(first) > 1 else first[:1].lower() + first[1:]
    return rng.choice(POLITE_WRAPPERS).format(q=f"{lowered} {rest}".strip())


_SAY_ABOUT = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have|is|was)\s+(?:[\w-]+\s+){1,4}?"
    r"(?:say|said|state|stated|mention|mentioned|write|written|note|noted)\s+"
    r"(?:about|on|regarding|concerning)\s+(?P<topic>.+?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def tell_me_about(question: str, rng: random.Random) -> str:
    """"What did they say about X?" -> "Tell me about X"."""
    del rng  # deterministic
    match = _SAY_ABOUT.match(question)
    return f"Tell me about {match.group('topic')}" if match else question


@dataclass(frozen=True)
class Perturbation:
    """A rewrite that should not change what is asked; ``rewrite`` returns the question unchanged
    when it does not apply."""

    name: str
    description: str
    rewrite: Callable[[str, random.Random], str]


PERTURBATIONS: tuple[Perturbation, ...] = (
    Perturbation("lowercase", "lower case, punctuation stripped", lowercase_unpunctuated),
    Perturbation("typos", "one or two keyboard typos (adjacent key or swapped letters) in words "
                 "of 4+ letters", keyboard_typos),
    Perturbation("abbreviations", "chat abbreviations (government → govt, people → ppl, "
                 "you → u, …)", chat_abbreviations),
    Perturbation("context", "a sentence of context before the question", context_sentence),
    Perturbation("polite", "a polite wrapper (\"Could you tell me, …\")", polite_wrapper),
    Perturbation("tell_me_about", "\"Tell me about X\" for \"What did they say about X?\"",
                 tell_me_about),
)


def perturb(question: str, perturbation: Perturbation, key: str, seed: int) -> str:
    """``question`` rewritten by ``perturbation``, seeded by (seed, perturbation, key)."""
    digest = hashlib.sha256(f"{seed}\0{perturbation.name}\0{key}".encode()).digest()
    return perturbation.rewrite(question, random.Random(int.from_bytes(digest[:8], "big")))


# --- running and scoring -----------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What the pipeline did: answered (and which paragraph it quoted first) or refused."""

    found: bool
    first: PassageKey | None

    @classmethod
    def of(cls, answer: Answer | None) -> Outcome:
        if answer is None or not answer.found or not answer.quotes:
            return cls(False, None)
        return cls(True, answer.quotes[0].paragraph)

    def describe(self) -> str:
        return f"quoted {label(self.first)}" if self.found and self.first is not None else "refused"


@dataclass(frozen=True)
class Case:
    """One item under one perturbation."""

    id: str
    split: str
    perturbation: str
    question: str
    perturbed: str
    before: Outcome
    after: Outcome

    @property
    def held(self) -> bool:
        return self.before == self.after


@dataclass(frozen=True)
class Row:
    """One perturbation over a group of items: how many it changed, how many held."""

    perturbation: str
    description: str
    items: int  # items in the group
    perturbed: int  # items the rewrite changed (the denominator)
    held: int  # same decision and same first paragraph
    share: float | None
    answer_to_refusal: int  # answered before, refused after
    refusal_to_answer: int
    other_paragraph: int  # answered both times, different first paragraph


@dataclass(frozen=True)
class RobustnessResult:
    """Rows per split (and "all" when several), and every case that did not hold."""

    seed: int
    rows: Mapping[str, tuple[Row, ...]]
    broken: tuple[Case, ...]

    def share(self, perturbation: str, group: str) -> float | None:
        """The share that held under ``perturbation`` in ``group`` (a split, or "all")."""
        return next(r.share for r in self.rows[group] if r.perturbation == perturbation)


def _answers(qa: QA, questions: Sequence[str], batch_size: int,
             report: ProgressFn, stage: str) -> list[Outcome]:
    """Outcomes of ``questions`` through the default pipeline, batched. A question the product
    refuses as input (e.g. too long after adding context) counts as a refusal."""
    valid: list[int] = []
    for i, q in enumerate(questions):
        try:
            clean_question(q)
            valid.append(i)
        except InvalidQuestionError:
            pass
    outcomes = [Outcome(False, None)] * len(questions)
    for start in range(0, len(valid), batch_size):
        chunk = valid[start : start + batch_size]
        for i, answer in zip(chunk, qa.ask_many([questions[i] for i in chunk])):
            outcomes[i] = Outcome.of(answer)
        report(stage, min(start + batch_size, len(valid)), len(valid))
    return outcomes


def _row(perturbation: Perturbation, group: Sequence[Case], n_items: int) -> Row:
    held = sum(c.held for c in group)
    return Row(
        perturbation=perturbation.name,
        description=perturbation.description,
        items=n_items,
        perturbed=len(group),
        held=held,
        share=held / len(group) if group else None,
        answer_to_refusal=sum(c.before.found and not c.after.found for c in group),
        refusal_to_answer=sum(not c.before.found and c.after.found for c in group),
        other_paragraph=sum(c.before.found and c.after.found and c.before.first != c.after.first
                            for c in group),
    )


def run_robustness(
    qa: QA,
    items: Sequence[_Item],
    seed: int,
    *,
    perturbations: Sequence[Perturbation] = PERTURBATIONS,
    batch_size: int = 32,
    progress: ProgressFn | None = None,
) -> RobustnessResult:
    """Answer every item and each of its rewrites with the default pipeline; compare."""
    report: ProgressFn = progress or (lambda *_: None)
    items = list(items)
    before = _answers(qa, [i.question for i in items], batch_size, report, "robustness: originals")
    pending: list[tuple[int, Perturbation, str]] = []
    for n, item in enumerate(items):
        for p in perturbations:
            text = perturb(item.question, p, item.id, seed)
            if text != item.question:
                pending.append((n, p, text))
    after = _answers(qa, [t for _, _, t in pending], batch_size, report, "robustness: rewrites")
    cases = [
        Case(items[n].id, items[n].split, p.name, items[n].question, text, before[n], outcome)
        for (n, p, text), outcome in zip(pending, after)
    ]
    splits = list(dict.fromkeys(i.split for i in items))
    groups = splits + (["all"] if len(splits) > 1 else [])
    rows = {}
    for g in groups:
        size = sum(g in ("all", i.split) for i in items)
        rows[g] = tuple(
            _row(p, [c for c in cases if c.perturbation == p.name and g in ("all", c.split)], size)
            for p in perturbations
        )
    return RobustnessResult(seed, rows, tuple(c for c in cases if not c.held))
