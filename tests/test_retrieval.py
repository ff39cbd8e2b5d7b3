"""Retrieval on questions whose right paragraph is not in doubt, and the search API contract."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import jmqa
from jmqa.retrieval import CONFIGS

pytestmark = pytest.mark.slow
EVAL = Path(__file__).resolve().parents[1] / "eval"


@pytest.mark.parametrize(
    "question, paragraph",
    [
        ("What is OSA?", 6),  # acronym
        ("JBIC rare earth", 14),  # keyword query
        ("Japan's contribution of USD 20 million", 14),  # figure
        ("Is there money for disaster recovery?", 18),  # paraphrase of DRF
        ("How many people travelled between the two countries last year?", 21),
        ("What did they say about North Korea?", 25),
        ("Will Malaysia take part in the expo in Yokohama?", 19),
        ("Who were the heads of government at the talks?", 1),  # glossary: the summit meeting
        ("When is the next deputy minister-level meeting?", 5),  # "-level" still the glossary's term
        ("what year did the japan malaysia strategic dialogue start", 5),  # not the "Japan-Malaysia ..." names
        ("原子力について何と言っていますか？", 13),  # Japanese: nuclear energy
        ("Berapa ramai pelawat pada tahun 2025?", 21),  # Malay: visitors
    ],
)
def test_known_questions_rank_their_paragraph_first(qa, question, paragraph):
    assert qa.search(question, k=3)[0].paragraph == paragraph


def test_acronym_finds_both_paragraphs(qa):
    assert {h.paragraph for h in qa.search("Where is OSA mentioned?", k=2)} == {6, 24}


def test_hits_carry_number_section_and_verbatim_text(qa):
    hits = qa.search("critical minerals", k=5)
    assert len(hits) == 5 and len({h.paragraph for h in hits}) == 5
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    for h in hits:
        p = qa.document.paragraph(h.paragraph)
        assert (h.section, h.text) == (p.section, p.text)


def test_every_configuration_ranks_all_paragraphs_deterministically(qa):
    for name in CONFIGS:
        first = [h.paragraph for h in qa.search("supply chains", k=27, retriever=name)]
        assert sorted(first) == list(range(1, 28))
        assert first == [h.paragraph for h in qa.search("supply chains", k=27, retriever=name)]


def test_search_many_matches_search(qa):
    questions = ["palm oil", "space cooperation", "UN Security Council reform"]
    assert qa.search_many(questions, k=3) == [qa.search(q, k=3) for q in questions]


def test_ask_many_matches_ask_exactly(qa):
    """A batch gives every question the answer it gets alone, to the last digit of its
    confidence: ask_many is only the faster way to ask many."""
    def every(step: int, name: str) -> list[str]:
        lines = (EVAL / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["question"] for line in lines if line.strip()][::step]

    # 40 spread over the English set (refusals, off-topic, several topics) and 10 in ja/ms.
    questions = every(18, "qa.jsonl") + every(6, "dev-ja-ms.jsonl")
    assert len(questions) >= 45
    assert qa.ask_many(questions) == [qa.ask(q) for q in questions]


def test_a_remembering_qa_answers_as_qa_does_and_embeds_each_text_once(qa, monkeypatch):
    questions = ["What is OSA?", "What is the tallest mountain in Japan?", "Apa kata mereka tentang minyak sawit?"]
    remembering = qa.remembering()
    answers = remembering.ask_many(questions)
    assert answers == qa.ask_many(questions)
    for embedder in qa.retriever.embedders.values():  # the models the remembering QA wraps
        monkeypatch.setattr(embedder, "encode_queries", lambda texts: pytest.fail(f"embedded again: {texts}"))
    assert remembering.ask_many(questions) == answers


def test_a_question_scores_the_same_in_any_batch(remembering_qa):
    """What eval/tune.py fits on and jmqa eval scores is what QA.ask sees: a product of many rows
    through BLAS rounds each score otherwise than one row does (in the 7th digit), and by its
    thread count (ModelIndex.scores). (The vectors may be remembered: the scores are tested.)"""
    qa = remembering_qa
    lines = (EVAL / "qa.jsonl").read_text(encoding="utf-8").splitlines()
    questions = [json.loads(line)["question"] for line in lines if line.strip()]
    for name, embedder in qa.retriever.embedders.items():
        vectors = embedder.encode_queries(questions)
        model = qa.index.models[name]
        batch = model.scores(vectors)
        assert np.array_equal(batch, np.vstack([model.scores(v[None]) for v in vectors])), name
        assert np.array_equal(batch[:100], model.scores(vectors[:100])), name


@pytest.mark.parametrize("k", [0, -1, 28, 10**9, 2.5, True, "3"])
def test_bad_k_is_refused(qa, k):
    with pytest.raises(jmqa.InvalidArgumentError, match="from 1 to 27"):
        qa.search("palm oil", k=k)


def test_unknown_retriever_is_refused(qa):
    with pytest.raises(jmqa.InvalidArgumentError, match="choose from"):
        qa.search("palm oil", retriever="magic")


def test_bad_questions_raise_typed_errors(qa):
    for bad in ["", " \n", "x" * 100_000, "bell\x07"]:
        with pytest.raises(jmqa.InvalidQuestionError):
            qa.search(bad)


def test_a_statement_without_a_glossary_is_ranked_with_weights_fitted_without_one(qa):
    from jmqa.calibration import Calibration
    from jmqa.evaluation.ablation import without_glossary
    from jmqa.retrieval import CONFIGS, default_config

    assert qa.default is default_config(True) is CONFIGS["default"]
    bare = without_glossary(qa)
    assert bare.default is default_config(False)
    assert dict(bare.default.weights) == Calibration.load().fusion_weights_no_glossary
    # Asked for by name, "default" is the statement's own default.
    question = "What did they say about semiconductors?"
    ranked = [h.paragraph for h in bare.search(question, k=27, retriever="default")]
    fused = bare.retriever.fused(bare.signals([question])[0], bare.default)
    assert ranked[0] == bare.document.passages[int(fused.argmax())].number


def test_bm25_counts_in_the_default_fusion_as_far_as_the_questions_words_are_the_statements(qa):
    from dataclasses import replace

    signals = qa.signals(["What did they say about semiconductors?"])[0]
    default = qa.default
    without_bm25 = replace(default, weights={k: w for k, w in default.weights.items() if k != "bm25"})
    half = replace(signals, coverage=0.5)
    halved = {**default.weights, "bm25": default.weights["bm25"] / 2}
    plain = replace(default, lexical_by_coverage=False, weights=halved)
    np.testing.assert_allclose(qa.retriever.fused(half, default), qa.retriever.fused(half, plain))
    # None of its words the statement's: the dense models alone decide.
    none = replace(signals, coverage=0.0)
    np.testing.assert_allclose(qa.retriever.fused(none, default), qa.retriever.fused(none, without_bm25))
    # The other retrievers of the comparison are BM25 as it is.
    assert not CONFIGS["bm25"].lexical_by_coverage and not CONFIGS["rrf"].lexical_by_coverage


def test_a_question_in_a_language_no_other_signal_reads_is_ranked_by_e5_and_the_statements_names(qa):
    from dataclasses import replace

    # The words the statement writes as they are, with a capital or a digit, inside a sentence:
    # its names and figures ("JBIC", "2025"), not a word it has only opening a sentence.
    assert qa.retriever._statement_names_in("Welche Rolle spielt JBIC bei Both und 2025?") == "JBIC 2025"
    # A French question with no glossary term: e5 and those names, nothing else.
    question = "Que disent-ils sur MIDORI INFINITY en 2025 ?"
    signals = qa.signals([question])[0]
    assert signals.language == "fr" and not signals.glossed
    names = signals.standardised["bm25.names"]
    assert not isinstance(names, float)  # "MIDORI INFINITY" and "2025" are the statement's
    e5 = {"e5.window": 1.0, "e5.sentence": 1.0}
    expected = signals.standardised["e5.window"] + signals.standardised["e5.sentence"] + names
    np.testing.assert_allclose(qa.retriever.fused(signals, qa.default), expected)
    # Without any of the statement's names the fusion is e5's alone.
    bare = replace(signals, per_paragraph={**signals.per_paragraph, "bm25.names": np.zeros_like(names)})
    bare_e5 = replace(qa.default, weights=e5, multilingual_fallback=False)
    np.testing.assert_allclose(qa.retriever.fused(bare, qa.default), qa.retriever.fused(bare, bare_e5))
