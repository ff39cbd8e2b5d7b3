"""Aggregation, confidence bands and the bootstrap (jmqa.evaluation.stats)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from builders import FIRST, SECOND, make_answer, make_item, make_quote

from jmqa.answer import Answer, Mention
from jmqa.evaluation.metrics import score_item
from jmqa.evaluation.stats import (
    abstention_scores,
    aggregate,
    bootstrap_intervals,
    confidence_bands,
    paired_difference,
)

# --- abstention ---------------------------------------------------------------------------------


def test_abstention_precision_recall_f1() -> None:
    should = [True, True, False, False, False]
    did = [True, False, True, False, False]
    p, r, f1 = abstention_scores(should, did)
    assert (p, r) == (0.5, 0.5)
    assert f1 == pytest.approx(0.5)


def test_abstention_edge_cases() -> None:
    # never abstains on a set with no-gold items: precision undefined, recall 0, F1 0
    assert abstention_scores([True, False], [False, False]) == (None, 0.0, 0.0)
    # nothing to abstain on, and no abstentions: nothing to measure at all
    assert abstention_scores([False, False], [False, False]) == (None, None, None)
    # nothing to abstain on but refused one: precision 0, recall undefined, F1 0
    assert abstention_scores([False, False], [True, False]) == (0.0, None, 0.0)
    # perfect
    assert abstention_scores([True, False], [True, False]) == (1.0, 1.0, 1.0)


def test_aggregate() -> None:
    results = [
        score_item(make_item(id="a"), [17, 1], make_answer(make_quote(17, (SECOND,)))),  # hit, right mark
        score_item(make_item(id="b", gold=(3, 17), tag="multi"), [17, 3],
                   make_answer(make_quote(17, (FIRST,)), make_quote(3, ()))),  # hit via ¶17, wrong mark
        score_item(make_item(id="c"), [2, 17], make_answer(found=False)),  # miss at 1, wrong refusal
        score_item(make_item(id="d", gold=(), tag="offtopic"), [5], make_answer(found=False)),  # right
        score_item(make_item(id="e", gold=(), tag="offtopic"), [5], make_answer(make_quote(5, ()))),  # answered
    ]
    m = aggregate(results)
    assert (m.n, m.n_answerable, m.n_no_gold) == (5, 3, 2)
    assert m.hit1 == pytest.approx(2 / 3)
    assert m.hit3 == pytest.approx(1.0)
    assert m.recall3 == pytest.approx(1.0)
    assert (m.abstained, m.correct_abstentions) == (2, 1)
    assert m.abstention_precision == 0.5 and m.abstention_recall == 0.5
    assert m.false_refusals == 1 and m.false_refusal_rate == pytest.approx(1 / 3)
    assert m.n_span == 3
    assert m.span_in_quotes == pytest.approx(2 / 3)
    assert m.span_in_highlight == pytest.approx(1 / 3)
    assert m.wrong_highlight == pytest.approx(1 / 3)
    assert m.no_highlight == 0.0
    assert m.citation_precision == 1.0  # ¶17; ¶17 and ¶3: all gold
    assert aggregate(results[3:]).hit1 is None  # no answerable items: nothing to measure


def test_confidence_bands_count_what_the_statement_answers() -> None:
    def scored(confidence: float, gold: tuple[int, ...], found: bool, invalid: str | None = None):
        answer = Answer("q", found, (make_quote(17, ()),) if found else (), confidence)
        r = score_item(make_item(gold=gold), [17], answer)
        return r if invalid is None else dataclasses.replace(r, invalid_question=invalid)

    results = [
        scored(0.1, (), False),  # refused, rightly
        scored(0.3, (17,), False),  # refused, wrongly
        scored(0.5, (), True),  # answered, wrongly
        scored(0.7, (17,), True),
        scored(0.7, (), True),
        scored(1.0, (17,), True),  # the top edge belongs to the last band
        scored(0.0, (), False, invalid="empty"),  # refused as input: no confidence to judge
    ]
    bands = confidence_bands(results)
    assert [(b.low, b.high) for b in bands][0] == (0.0, 0.2) and bands[-1].high == 1.0
    assert [b.n for b in bands] == [1, 1, 1, 2, 1]
    assert [b.answerable for b in bands] == [0, 1, 0, 1, 1]
    assert [b.answered for b in bands] == [0, 0, 1, 2, 1]
    assert [b.answered_answerable for b in bands] == [0, 0, 0, 1, 1]


def test_citation_precision_counts_non_gold_quotes() -> None:
    r = score_item(make_item(), [17, 4], make_answer(make_quote(17, ()), make_quote(4, ())))
    assert aggregate([r]).citation_precision == 0.5


def test_citation_recall_and_whole_answers_count_the_gold_paragraphs_quoted() -> None:
    two = make_item(gold=(17, 3))
    half = score_item(two, [17, 4, 3], make_answer(make_quote(17, ()), make_quote(4, ())))
    whole = score_item(two, [3, 17], make_answer(make_quote(3, ()), make_quote(17, ())))
    refused = score_item(two, [3, 17], None)
    m = aggregate([half, whole, refused])
    assert m.citation_recall == 0.75  # 3 of the 4 gold paragraphs of the two answered items
    assert m.n_several == 3
    assert m.quoted_whole == pytest.approx(1 / 3)  # a refusal is no whole answer
    assert m.unquoted_gold_mentioned == 0.0  # ¶3 of the first was left out and not named


def test_a_gold_paragraph_named_as_also_using_the_phrase_counts_as_named() -> None:
    answer = dataclasses.replace(make_answer(make_quote(17, ())), mentions=(Mention("palm oil", (3, 9)),))
    r = score_item(make_item(gold=(17, 3)), [17, 3], answer)
    assert r.mentioned == (3, 9)
    assert aggregate([r]).unquoted_gold_mentioned == 1.0


# --- bootstrap ----------------------------------------------------------------------------------


def _synthetic(n: int = 40, seed: int = 1) -> list:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        gold = () if i % 4 == 0 else (1,)
        ranking = [1, 2, 3, 4] if rng.random() < 0.8 else [2, 3, 4, 1]
        found = bool(gold) if rng.random() < 0.9 else not gold
        answer = make_answer(make_quote(ranking[0], ())) if found else make_answer(found=False)
        out.append(score_item(make_item(gold=gold, id=f"i{i}"), ranking, answer))
    return out


def test_bootstrap_is_deterministic_and_contains_the_point_estimate() -> None:
    results = _synthetic()
    a = bootstrap_intervals(results, 500, seed=7)
    b = bootstrap_intervals(results, 500, seed=7)
    c = bootstrap_intervals(results, 500, seed=8)
    assert a == b
    assert a != c
    for metric, iv in a.items():
        assert iv.low is not None and iv.low <= iv.point <= iv.high, metric
        assert iv.low < iv.high, metric  # the synthetic set has variation in every metric
    assert a["hit1"].point == aggregate(results).hit1


def test_bootstrap_zero_resamples_gives_points_only() -> None:
    iv = bootstrap_intervals(_synthetic(), 0)
    assert iv["hit1"].low is None and iv["hit1"].point is not None


def test_paired_difference() -> None:
    results = _synthetic()
    same = paired_difference(results, results, "hit1", 300, seed=3)
    assert (same.point, same.low, same.high) == (0.0, 0.0, 0.0)
    worse = [score_item(make_item(gold=r.gold, id=r.id), [9, 8, 7], make_answer(found=False))
             for r in results]
    diff = paired_difference(results, worse, "hit1", 300, seed=3)
    assert diff.point == aggregate(results).hit1
    assert diff.low > 0  # a clear gain is recognised as one
    with pytest.raises(ValueError):
        paired_difference(results, results[::-1], "hit1", 10)
