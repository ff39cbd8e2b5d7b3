"""Aggregation of item results into :class:`Metrics`, confidence bands, and the bootstrap
(percentile intervals and paired differences)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from jmqa.evaluation.metrics import ItemResult


@dataclass(frozen=True)
class Metrics:
    """Aggregates over a set of item results. ``None`` means "nothing to measure" (e.g. hit@1 of a
    set without answerable items), never zero."""

    n: int
    n_answerable: int
    n_no_gold: int
    hit1: float | None
    hit3: float | None
    recall3: float | None
    recall5: float | None
    mrr10: float | None
    ndcg10: float | None
    abstained: int
    correct_abstentions: int
    abstention_precision: float | None
    abstention_recall: float | None
    abstention_f1: float | None
    false_refusals: int
    false_refusal_rate: float | None
    n_span: int
    span_in_quotes: float | None
    span_in_highlight: float | None
    wrong_highlight: float | None
    no_highlight: float | None
    citation_precision: float | None  # of the paragraphs quoted for answerable items, the gold share
    citation_recall: float | None  # of the gold paragraphs of answerable items answered, the quoted share
    n_several: int  # answerable items with two or more gold paragraphs
    quoted_whole: float | None  # of those, the share answered with every gold paragraph quoted
    # Of the gold paragraphs of answered answerable items that were not quoted, the share the
    # answer names as also using a phrase of the question (Answer.mentions).
    unquoted_gold_mentioned: float | None


def _mean(values: Sequence[float]) -> float | None:
    return float(np.mean(values)) if len(values) else None


def abstention_scores(
    should: Sequence[bool], did: Sequence[bool]
) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 of abstaining, positive class = "should abstain" (gold empty).

    Conventions for empty denominators (documented in eval/README.md): precision is None when
    nothing was refused, recall is None when no item lacks gold; F1 = 2TP/(2TP+FP+FN), which
    equals the harmonic mean when both are defined, is 0 when the system never abstains on a set
    that has no-gold items, and is None only when there is nothing at all to count.
    """
    tp = sum(s and d for s, d in zip(should, did))
    fp = sum(d and not s for s, d in zip(should, did))
    fn = sum(s and not d for s, d in zip(should, did))
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else None
    return precision, recall, f1


def aggregate(results: Sequence[ItemResult]) -> Metrics:
    """Metrics over ``results``: retrieval over answerable items, abstention over all."""
    answerable = [r for r in results if r.gold]
    spans = [r for r in results if r.span_outcome is not None]
    should = [not r.gold for r in results]
    did = [not r.found for r in results]
    precision, recall, f1 = abstention_scores(should, did)
    false_refusals = sum(1 for r in answerable if not r.found)
    quoted = [p for r in answerable if r.found for p in r.quoted]
    cited = sum(1 for r in answerable if r.found for p in r.quoted if p in r.gold)
    gold_of_answered = [g in r.quoted for r in answerable if r.found for g in r.gold]
    several = [r for r in answerable if len(r.gold) > 1]
    unquoted = [g in r.mentioned for r in answerable if r.found for g in r.gold if g not in r.quoted]
    return Metrics(
        n=len(results),
        n_answerable=len(answerable),
        n_no_gold=len(results) - len(answerable),
        hit1=_mean([r.hit1 for r in answerable]),
        hit3=_mean([r.hit3 for r in answerable]),
        recall3=_mean([r.recall3 for r in answerable]),
        recall5=_mean([r.recall5 for r in answerable]),
        mrr10=_mean([r.mrr10 for r in answerable]),
        ndcg10=_mean([r.ndcg10 for r in answerable]),
        abstained=sum(did),
        correct_abstentions=sum(s and d for s, d in zip(should, did)),
        abstention_precision=precision,
        abstention_recall=recall,
        abstention_f1=f1,
        false_refusals=false_refusals,
        false_refusal_rate=false_refusals / len(answerable) if answerable else None,
        n_span=len(spans),
        span_in_quotes=_mean([float(bool(r.span_in_quotes)) for r in spans]),
        span_in_highlight=_mean([float(r.span_outcome == "in_highlight") for r in spans]),
        wrong_highlight=_mean([float(r.span_outcome == "wrong_highlight") for r in spans]),
        no_highlight=_mean([float(r.span_outcome == "no_highlight") for r in spans]),
        citation_precision=cited / len(quoted) if quoted else None,
        citation_recall=_mean([float(q) for q in gold_of_answered]),
        n_several=len(several),
        quoted_whole=_mean([float(r.found and set(r.gold) <= set(r.quoted)) for r in several]),
        unquoted_gold_mentioned=_mean([float(m) for m in unquoted]),
    )


CONFIDENCE_EDGES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass(frozen=True)
class ConfidenceBand:
    """Items whose answer confidence lies in [low, high) ([low, high] for the last band)."""

    low: float
    high: float
    n: int
    answerable: int  # items with gold: the statement does answer them
    answered: int  # items the pipeline quoted for
    answered_answerable: int  # of those quoted for, items with gold


def confidence_bands(results: Sequence[ItemResult], edges: Sequence[float] = CONFIDENCE_EDGES) -> list[ConfidenceBand]:
    """How often the statement really answers questions at each level of ``Answer.confidence``.

    Questions refused as input (``invalid_question``) carry no confidence and are left out.
    """
    scored = [r for r in results if r.invalid_question is None]
    bands = []
    for i, (low, high) in enumerate(zip(edges, edges[1:])):
        last = i == len(edges) - 2
        inside = [r for r in scored if low <= r.confidence < high or (last and r.confidence == high)]
        bands.append(ConfidenceBand(
            low, high, len(inside), sum(bool(r.gold) for r in inside), sum(r.found for r in inside),
            sum(r.found and bool(r.gold) for r in inside),
        ))
    return bands


DEFAULT_SEED = 20260610
HEADLINE = ("hit1", "hit3", "mrr10", "abstention_f1", "false_refusal_rate")


@dataclass(frozen=True)
class Interval:
    """A point estimate with its 95% percentile bootstrap interval (None if undefined)."""

    point: float | None
    low: float | None
    high: float | None


def _headline_arrays(results: Sequence[ItemResult]) -> dict[str, np.ndarray]:
    """Per-item columns from which every headline metric of a resample can be computed fast."""
    return {
        "answerable": np.array([bool(r.gold) for r in results]),
        "hit1": np.array([r.hit1 or 0.0 for r in results]),
        "hit3": np.array([r.hit3 or 0.0 for r in results]),
        "mrr10": np.array([r.mrr10 or 0.0 for r in results]),
        "refused": np.array([not r.found for r in results]),
    }


def _headline_from_counts(
    cols: dict[str, np.ndarray], weights: np.ndarray
) -> dict[str, np.ndarray]:
    """Headline metrics for many resamples at once; ``weights`` is (resamples, items) counts."""
    with np.errstate(invalid="ignore", divide="ignore"):
        ans = weights @ cols["answerable"].astype(float)
        out = {
            m: (weights @ (cols[m] * cols["answerable"])) / ans for m in ("hit1", "hit3", "mrr10")
        }
        no_gold = ~cols["answerable"]
        tp = weights @ (no_gold & cols["refused"]).astype(float)
        fp = weights @ (cols["answerable"] & cols["refused"]).astype(float)
        fn = weights @ (no_gold & ~cols["refused"]).astype(float)
        out["abstention_f1"] = 2 * tp / (2 * tp + fp + fn)
        out["false_refusal_rate"] = fp / ans
    return out


def _resample_weights(n: int, resamples: int, seed: int) -> np.ndarray:
    """How often each item is drawn in each resample (resamples × n). Same seed → same draws."""
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n, size=(resamples, n))
    weights = np.zeros((resamples, n))
    np.add.at(weights, (np.arange(resamples)[:, None], draws), 1.0)
    return weights


def _interval(point: float | None, samples: np.ndarray) -> Interval:
    samples = samples[np.isfinite(samples)]  # resamples where the metric is undefined drop out
    if point is None or not len(samples):
        return Interval(point, None, None)
    low, high = np.percentile(samples, [2.5, 97.5])
    return Interval(point, float(low), float(high))


def bootstrap_intervals(
    results: Sequence[ItemResult], resamples: int, seed: int = DEFAULT_SEED
) -> dict[str, Interval]:
    """95% percentile intervals of the headline metrics, resampling items with replacement."""
    overall = aggregate(results)
    if resamples <= 0 or not results:
        return {m: Interval(getattr(overall, m), None, None) for m in HEADLINE}
    weights = _resample_weights(len(results), resamples, seed)
    samples = _headline_from_counts(_headline_arrays(results), weights)
    return {m: _interval(getattr(overall, m), samples[m]) for m in HEADLINE}


def paired_difference(
    a: Sequence[ItemResult], b: Sequence[ItemResult], metric: str = "hit1",
    resamples: int = 1000, seed: int = DEFAULT_SEED,
) -> Interval:
    """``metric`` of ``a`` minus that of ``b`` on the same items, with a paired bootstrap CI
    (each resample draws the same items for both, so shared difficulty cancels out)."""
    if [r.id for r in a] != [r.id for r in b]:
        raise ValueError("paired results must cover the same items in the same order")
    pa, pb = getattr(aggregate(a), metric), getattr(aggregate(b), metric)
    point = None if pa is None or pb is None else pa - pb
    if resamples <= 0 or not a:
        return Interval(point, None, None)
    weights = _resample_weights(len(a), resamples, seed)
    sa = _headline_from_counts(_headline_arrays(a), weights)[metric]
    sb = _headline_from_counts(_headline_arrays(b), weights)[metric]
    return _interval(point, sa - sb)
