"""The robustness rewrites (pure text functions) and their scoring, on a fake pipeline."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from jmqa.answer import Answer, Quote
from jmqa.evaluation.dataset import QAItem
from jmqa.evaluation.robustness import (
    CONTEXT_SENTENCES,
    PERTURBATIONS,
    chat_abbreviations,
    keyboard_typos,
    lowercase_unpunctuated,
    perturb,
    polite_wrapper,
    run_robustness,
    tell_me_about,
)
from jmqa.normalize import KEY_NEIGHBOURS as NEIGHBOURS

BY_NAME = {p.name: p for p in PERTURBATIONS}
RNG = random.Random(0)


def test_every_perturbation_is_seeded_and_deterministic() -> None:
    question = "What did the government say about people travelling with visas this year?"
    for p in PERTURBATIONS:
        assert perturb(question, p, "q1", 7) == perturb(question, p, "q1", 7), p.name
    typos = {perturb(question, BY_NAME["typos"], "q1", seed) for seed in range(20)}
    assert len(typos) > 5  # the seed matters, so different items get different slips


def test_lowercase_strips_punctuation_but_keeps_numbers() -> None:
    assert lowercase_unpunctuated("What's Japan's share, 1.5% or 2,000?", RNG) == "whats japans share 1.5% or 2,000"
    assert lowercase_unpunctuated("people-to-people (exchanges)!", RNG) == "people to people exchanges"
    assert lowercase_unpunctuated("原子力について？", RNG) == "原子力について"


def _slips(before: str, after: str) -> bool:
    """True when ``after`` is ``before`` with one adjacent-key substitution or one swap."""
    if len(before) != len(after):
        return False
    diff = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    if len(diff) == 1:
        return after[diff[0]].lower() in NEIGHBOURS[before[diff[0]].lower()]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and before[diff[0]] == after[diff[1]]


@pytest.mark.parametrize("seed", range(30))
def test_typos_are_one_or_two_keyboard_slips_in_long_words(seed: int) -> None:
    question = "Did the two leaders agree on any new cooperation for energy security?"
    typo = keyboard_typos(question, random.Random(seed))
    changed = [(a, b) for a, b in zip(question.split(), typo.split()) if a != b]
    assert len(typo.split()) == len(question.split())
    assert 1 <= len(changed) <= 2
    for before, after in changed:
        assert sum(ch.isalpha() for ch in before) >= 4
        assert _slips(before, after), (before, after)


def test_typos_leave_text_without_long_words_alone() -> None:
    assert keyboard_typos("Is it so?", RNG) == "Is it so?"
    assert keyboard_typos("原子力について何と言っていますか？", RNG) == "原子力について何と言っていますか？"


def test_chat_abbreviations_are_general_words_only() -> None:
    text = "Please tell me about the people and the government, because you know, with a year"
    assert chat_abbreviations(text, RNG) == "pls tell me abt the ppl & the govt, bc u know, w/ a yr"
    assert chat_abbreviations("Governments? Peoples?", RNG) == "govts? Peoples?"  # whole words only


def test_context_sentence_goes_before_latin_questions_only() -> None:
    q = "Is there money for disaster recovery?"
    out = perturb(q, BY_NAME["context"], "q1", 1)
    assert out.endswith(" " + q) and out[: -len(q) - 1] in CONTEXT_SENTENCES
    assert perturb("原子力について何と言っていますか？", BY_NAME["context"], "q1", 1).startswith("原子力")


def test_polite_wrapper_only_wraps_questions() -> None:
    wrapped = polite_wrapper("What did Japan pledge?", random.Random(1))
    assert wrapped.endswith("what did Japan pledge?") and wrapped != "What did Japan pledge?"
    assert polite_wrapper("Summarise the security section", RNG) == "Summarise the security section"
    assert polite_wrapper("Apakah yang dikatakan?", RNG) == "Apakah yang dikatakan?"


def test_tell_me_about() -> None:
    assert tell_me_about("What did they say about North Korea?", RNG) == "Tell me about North Korea"
    assert tell_me_about("What does the statement say about the space economy?", RNG) == (
        "Tell me about the space economy"
    )
    assert tell_me_about("what did the two leaders say on trade", RNG) == "Tell me about trade"
    assert tell_me_about("What did they agree about trade?", RNG) == "What did they agree about trade?"


class FakeQA:
    """Answers ¶1 when the question mentions "rice", ¶2 for "Rice" written with a capital R,
    and refuses everything else; records the batches it was asked."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def ask_many(self, questions: Sequence[str]) -> list[Answer]:
        self.batches.append(len(questions))
        return [self._answer(q) for q in questions]

    @staticmethod
    def _answer(question: str) -> Answer:
        if "Rice" in question or "rice" in question:
            number = 2 if "Rice" in question else 1
            quote = Quote(number, "S", "text", (), 1.0)
            return Answer(question, True, (quote,), 0.9)
        return Answer(question, False, (), 0.1)


def _items() -> list[QAItem]:
    return [
        QAItem("a", "What did they say about Rice?", (2,), "text", "lexical", "dev"),
        QAItem("b", "Is there anything on wheat?", (), "", "offtopic", "dev"),
        QAItem("c", "How much rice was traded? " + "x" * 960, (1,), "text", "lexical", "test"),
    ]


def test_run_robustness_counts_what_holds() -> None:
    fake = FakeQA()
    result = run_robustness(fake, _items(), seed=3, batch_size=4)  # type: ignore[arg-type]
    assert list(result.rows) == ["dev", "test", "all"]
    lower = next(r for r in result.rows["dev"] if r.perturbation == "lowercase")
    # a: "Rice" -> "rice" moves the answer from ¶2 to ¶1; b: still refused
    assert (lower.items, lower.perturbed, lower.held, lower.other_paragraph) == (2, 2, 1, 1)
    context = next(r for r in result.rows["test"] if r.perturbation == "context")
    # c grows past the 1,000-character limit: refused as input, which counts as a refusal
    assert (context.perturbed, context.held, context.answer_to_refusal) == (1, 0, 1)
    tell = next(r for r in result.rows["all"] if r.perturbation == "tell_me_about")
    assert (tell.items, tell.perturbed, tell.held, tell.share) == (3, 1, 1, 1.0)
    assert all(not c.held for c in result.broken)
    assert {(c.id, c.perturbation) for c in result.broken} >= {("a", "lowercase"), ("c", "context")}
    assert max(fake.batches) <= 4  # batched
    assert result.share("tell_me_about", "all") == 1.0


def test_run_robustness_is_reproducible() -> None:
    first = run_robustness(FakeQA(), _items(), seed=3)  # type: ignore[arg-type]
    assert first == run_robustness(FakeQA(), _items(), seed=3)  # type: ignore[arg-type]
