"""The eval harness behind ``jmqa eval``: a Q&A set, retrievers side by side, a readable report.

Every number is computed over a fixed Q&A file (``eval/qa.jsonl``, see ``eval/README.md`` for the
format and the exact metric definitions). Questions are encoded once; each retriever
configuration in :data:`jmqa.retrieval.CONFIGS` then ranks all 27 paragraphs from the same
signals and feeds its ranking through the same answerer, so differences between rows come from
the fusion alone.

Programmatic use (e.g. a regression-floor test)::

    >>> import jmqa
    >>> from jmqa.evaluate import load_items, run_eval
    >>> qa = jmqa.load()                                                    # doctest: +SKIP
    >>> items = [i for i in load_items("eval/qa.jsonl") if i.split == "test"]  # doctest: +SKIP
    >>> result = run_eval(qa, items, ["default"], bootstrap=0)              # doctest: +SKIP
    >>> result.overall["default"].hit1                                      # doctest: +SKIP
    0.95...
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jmqa.document import Document, Span
from jmqa.errors import InvalidQuestionError
from jmqa.question import clean_question

if TYPE_CHECKING:  # importing jmqa.qa pulls in the model libraries; only load() needs them
    from jmqa.answer import Answer
    from jmqa.qa import QA

TAGS = ("lexical", "paraphrase", "multi", "unanswerable", "offtopic", "adversarial")
SPLITS = ("dev", "test")
NO_GOLD_TAGS = ("unanswerable", "offtopic")  # these must have gold [] ...
ANSWERABLE_TAGS = ("lexical", "paraphrase", "multi")  # ... these must not; adversarial: either
REQUIRED_KEYS = ("id", "question", "gold", "answer", "tag")
OPTIONAL_KEYS = ("split", "note")

# Set-level requirements for our own eval/qa.jsonl (not for arbitrary `--qa` files).
MIN_ITEMS = 150
MIN_BEST_GOLD_PER_PARAGRAPH = 3
MIN_PARAPHRASE_SHARE = 1 / 3
MIN_NO_GOLD_SHARE = 1 / 5

DEFAULT_SEED = 20260610
HEADLINE = ("hit1", "hit3", "mrr10", "abstention_f1", "false_refusal_rate")
TARGETS = {"hit1": (">=", 0.92), "hit3": (">=", 0.98), "abstention_f1": (">=", 0.85),
           "false_refusal_rate": ("<=", 0.05)}

ProgressFn = Callable[[str, int, int], None]


# --- the Q&A set ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QAItem:
    """One question with its gold paragraphs (best first) and a verbatim answer span."""

    id: str
    question: str
    gold: tuple[int, ...]
    answer: str
    tag: str
    split: str = "test"
    line: int = 0  # 1-based line in the file, for messages

    @property
    def answerable(self) -> bool:
        return bool(self.gold)


class QAFileError(ValueError):
    """A Q&A file that cannot be read as items; ``problems`` lists every problem found."""

    def __init__(self, path: str | os.PathLike[str], problems: list[str]) -> None:
        super().__init__(f"{path}: {len(problems)} problem(s): " + "; ".join(problems[:5]))
        self.problems = problems


def load_items(path: str | os.PathLike[str], *, require_split: bool = False) -> list[QAItem]:
    """Read a JSONL Q&A file; raise :class:`QAFileError` listing every schema problem.

    Checks only what is needed to build :class:`QAItem` values (valid JSON objects, the keys,
    their types); :func:`validate_items` checks the content. A missing ``split`` means "test"
    unless ``require_split`` (our own set records its split in the file).
    """
    problems: list[str] = []
    items: list[QAItem] = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise QAFileError(path, [f"cannot read the file: {exc}"]) from None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"line {number}"
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            problems.append(f"{where}: expected a JSON object, got {type(obj).__name__}")
            continue
        if isinstance(obj.get("id"), str) and obj["id"]:
            where = f"line {number} ({obj['id']})"
        bad = []
        missing = [k for k in REQUIRED_KEYS if k not in obj]
        if require_split and "split" not in obj:
            missing.append("split")
        if missing:
            bad.append(f"missing key(s) {', '.join(missing)}")
        unknown = sorted(set(obj) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
        if unknown:
            bad.append(f"unknown key(s) {', '.join(unknown)}")
        for key in ("id", "question", "answer", "tag", "split", "note"):
            if key in obj and not isinstance(obj[key], str):
                bad.append(f"{key!r} must be a string")
        gold = obj.get("gold", [])
        # bool is an int subclass: refuse it explicitly, `true` is never a paragraph number
        if not isinstance(gold, list) or not all(
            isinstance(g, int) and not isinstance(g, bool) for g in gold
        ):
            bad.append("'gold' must be a list of paragraph numbers (integers)")
        if bad:
            problems.extend(f"{where}: {b}" for b in bad)
            continue
        items.append(
            QAItem(
                id=obj["id"],
                question=obj["question"],
                gold=tuple(gold),
                answer=obj["answer"],
                tag=obj["tag"],
                split=obj.get("split", "test"),
                line=number,
            )
        )
    if not problems and not items:
        problems.append("the file has no items")
    if problems:
        raise QAFileError(path, problems)
    return items


def _normalised(question: str) -> str:
    return " ".join(question.casefold().split())


def validate_items(
    items: Sequence[QAItem], document: Document, *, set_rules: bool = True
) -> list[str]:
    """Every problem with ``items`` as human-readable strings; an empty list means valid.

    Item rules always apply. ``set_rules`` adds the requirements on our own ``eval/qa.jsonl``
    (size, paragraph coverage, tag shares); ``jmqa eval --qa other.jsonl`` skips them.
    """
    problems = item_problems(items, document)
    if set_rules:
        problems += set_problems(items, document)
    return problems


def item_problems(items: Sequence[QAItem], document: Document) -> list[str]:
    """Problems with individual items (and duplicates between them)."""
    problems: list[str] = []
    count = len(document.paragraphs)
    seen_ids: dict[str, int] = {}
    seen_questions: dict[str, str] = {}
    for item in items:
        where = f"line {item.line} ({item.id or 'no id'})"
        if not item.id.strip():
            problems.append(f"{where}: empty id")
        elif item.id in seen_ids:
            problems.append(f"{where}: duplicate id (first on line {seen_ids[item.id]})")
        else:
            seen_ids[item.id] = item.line
        key = _normalised(item.question)
        if key in seen_questions:
            problems.append(f"{where}: duplicate question (same as {seen_questions[key]})")
        else:
            seen_questions[key] = item.id
        if item.tag not in TAGS:
            problems.append(f"{where}: tag {item.tag!r} is not one of {', '.join(TAGS)}")
        if item.split not in SPLITS:
            problems.append(f"{where}: split {item.split!r} is not one of {', '.join(SPLITS)}")
        out_of_range = [g for g in item.gold if not 1 <= g <= count]
        if out_of_range:
            problems.append(
                f"{where}: gold {out_of_range} not in 1..{count} "
                f"(the statement has {count} paragraphs)"
            )
        if len(set(item.gold)) != len(item.gold):
            problems.append(f"{where}: gold {list(item.gold)} repeats a paragraph")
        if bool(item.gold) != bool(item.answer):
            problems.append(
                f"{where}: answer must be empty exactly when gold is empty "
                f"(gold {list(item.gold)}, answer {item.answer!r:.40})"
            )
        if item.gold and item.answer and not out_of_range:
            text = document.paragraph(item.gold[0]).text
            if item.answer not in text:
                problems.append(
                    f"{where}: answer is not a verbatim span of its first gold paragraph "
                    f"¶{item.gold[0]}: {item.answer!r:.80}"
                )
            elif item.answer != item.answer.strip():
                problems.append(f"{where}: answer has leading or trailing whitespace")
        if item.tag in NO_GOLD_TAGS and item.gold:
            problems.append(
                f"{where}: tag {item.tag!r} needs gold [] (the statement does not answer it)"
            )
        if item.tag in ANSWERABLE_TAGS and not item.gold:
            problems.append(f"{where}: tag {item.tag!r} needs at least one gold paragraph")
        if item.tag == "multi" and len(item.gold) < 2:
            problems.append(f"{where}: tag 'multi' needs two or more gold paragraphs")
    return problems


def set_problems(items: Sequence[QAItem], document: Document) -> list[str]:
    """Problems with the set as a whole (our own set's requirements from issue 3)."""
    problems: list[str] = []
    n = len(items)
    if n < MIN_ITEMS:
        problems.append(f"set: {n} items, need at least {MIN_ITEMS}")
    best = [i.gold[0] for i in items if i.gold]
    thin = [
        f"¶{p.number} ({best.count(p.number)})"
        for p in document.paragraphs
        if best.count(p.number) < MIN_BEST_GOLD_PER_PARAGRAPH
    ]
    if thin:
        problems.append(
            f"set: each paragraph must be the best gold of at least {MIN_BEST_GOLD_PER_PARAGRAPH} "
            f"questions; too few for {', '.join(thin)}"
        )
    paraphrase = sum(i.tag == "paraphrase" for i in items)
    if n and paraphrase < MIN_PARAPHRASE_SHARE * n:
        problems.append(f"set: {paraphrase}/{n} paraphrase items, need at least 1/3")
    no_gold = sum(i.tag in NO_GOLD_TAGS for i in items)
    if n and no_gold < MIN_NO_GOLD_SHARE * n:
        problems.append(f"set: {no_gold}/{n} unanswerable+offtopic items, need at least 1/5")
    for split in SPLITS:
        if not any(i.split == split for i in items):
            problems.append(f"set: no items in the {split} split")
    return problems


# --- metrics on one item ----------------------------------------------------------------------


def hit_at(ranking: Sequence[int], gold: Sequence[int], k: int) -> float:
    """1.0 if any gold paragraph is among the first ``k`` of ``ranking``."""
    return 1.0 if set(ranking[:k]) & set(gold) else 0.0


def recall_at(ranking: Sequence[int], gold: Sequence[int], k: int) -> float:
    """|gold ∩ top k| / |gold|: unlike hit@k, a multi-paragraph question needs all its gold."""
    return len(set(ranking[:k]) & set(gold)) / len(gold)


def reciprocal_rank(ranking: Sequence[int], gold: Sequence[int], cutoff: int = 10) -> float:
    """1/rank of the first gold paragraph within ``cutoff``, else 0."""
    wanted = set(gold)
    for rank, paragraph in enumerate(ranking[:cutoff], start=1):
        if paragraph in wanted:
            return 1.0 / rank
    return 0.0


def ndcg_at(ranking: Sequence[int], gold: Sequence[int], k: int = 10) -> float:
    """nDCG@k graded by gold order: ``gold[i]`` has relevance ``len(gold) - i``.

    DCG = Σ rel/log2(rank+1) over the first k ranks; the ideal ranking lists gold in order.
    """
    relevance = {p: len(gold) - i for i, p in enumerate(gold)}
    dcg = sum(relevance.get(p, 0) / math.log2(r + 1) for r, p in enumerate(ranking[:k], start=1))
    ideal = sum((len(gold) - i) / math.log2(i + 2) for i in range(min(k, len(gold))))
    return dcg / ideal


def merged_spans(spans: Sequence[Span], text: str) -> list[Span]:
    """Highlights joined where only whitespace separates them, so a two-sentence answer marked as
    two adjacent sentences still counts as inside the highlight."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if merged and not text[merged[-1].end : span.start].strip():
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def inside_spans(needle: str, text: str, spans: Sequence[Span]) -> bool:
    """True if some occurrence of ``needle`` in ``text`` lies wholly inside one merged span."""
    if not needle:
        return False
    blocks = merged_spans(spans, text)
    start = text.find(needle)
    while start >= 0:
        end = start + len(needle)
        if any(b.start <= start and end <= b.end for b in blocks):
            return True
        start = text.find(needle, start + 1)
    return False


@dataclass(frozen=True)
class ItemResult:
    """What one retriever did on one item, and the per-item metric values (None = not scored)."""

    id: str
    tag: str
    gold: tuple[int, ...]
    ranking: tuple[int, ...]  # all paragraphs, best first; () if the question was refused as input
    found: bool
    quoted: tuple[int, ...]
    highlighted: tuple[str, ...]  # highlighted sentences of all quotes, in quote order
    confidence: float
    invalid_question: str | None  # why clean_question refused it, if it did
    hit1: float | None
    hit3: float | None
    recall3: float | None
    recall5: float | None
    mrr10: float | None
    ndcg10: float | None
    # answer-span outcome for answerable items with an answer; exactly one of:
    # "in_highlight", "wrong_highlight", "no_highlight", "refused"; and whether the quotes hold it
    span_outcome: str | None
    span_in_quotes: bool | None
    cautioned: bool = False  # quoted, but with jmqa's "not sure this answers it" caution


def score_item(item: QAItem, ranking: Sequence[int], answer: Answer | None,
               invalid: str | None = None) -> ItemResult:
    """Score one item given a retriever's full ranking and the answer built from it.

    ``answer`` is None when the question failed :func:`clean_question`; that counts as an
    abstention (the product refuses such input), and as a miss for every retrieval metric.
    """
    found = bool(answer and answer.found)
    quotes = answer.quotes if answer and answer.found else ()
    ranking = tuple(ranking)
    retrieval: dict[str, float | None] = dict.fromkeys(
        ("hit1", "hit3", "recall3", "recall5", "mrr10", "ndcg10")
    )
    if item.gold:
        g = item.gold
        retrieval = {
            "hit1": hit_at(ranking, g, 1),
            "hit3": hit_at(ranking, g, 3),
            "recall3": recall_at(ranking, g, 3),
            "recall5": recall_at(ranking, g, 5),
            "mrr10": reciprocal_rank(ranking, g, 10),
            "ndcg10": ndcg_at(ranking, g, 10) if ranking else 0.0,
        }
    span_outcome: str | None = None
    span_in_quotes: bool | None = None
    if item.gold and item.answer:
        span_in_quotes = any(item.answer in q.text for q in quotes)
        if not found:
            span_outcome = "refused"
        elif any(inside_spans(item.answer, q.text, q.highlights) for q in quotes):
            span_outcome = "in_highlight"
        elif quotes and quotes[0].highlights:
            span_outcome = "wrong_highlight"
        else:
            span_outcome = "no_highlight"
    return ItemResult(
        id=item.id,
        tag=item.tag,
        gold=item.gold,
        ranking=ranking,
        found=found,
        quoted=tuple(q.paragraph for q in quotes),
        highlighted=tuple(s for q in quotes for s in q.highlighted),
        confidence=float(answer.confidence) if answer else 0.0,
        invalid_question=invalid,
        span_outcome=span_outcome,
        span_in_quotes=span_in_quotes,
        cautioned=found and bool(answer and answer.message),
        **retrieval,
    )


# --- aggregate metrics ------------------------------------------------------------------------


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
    citation_precision: float | None


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


# --- bootstrap --------------------------------------------------------------------------------


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


# --- running ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Latency:
    """Wall time of ``qa.ask`` (default pipeline, one question at a time), after one warm-up."""

    count: int
    p50_ms: float | None
    p95_ms: float | None
    mean_ms: float | None
    max_ms: float | None


@dataclass(frozen=True)
class EvalResult:
    """Everything one run measured. Mappings are keyed by retriever name (then tag)."""

    items: tuple[QAItem, ...]
    retrievers: tuple[str, ...]
    per_item: Mapping[str, tuple[ItemResult, ...]]
    overall: Mapping[str, Metrics]
    by_tag: Mapping[str, Mapping[str, Metrics]]
    intervals: Mapping[str, Mapping[str, Interval]]
    paired: Mapping[str, Interval]  # hit@1 of "default" minus each other retriever
    latency: Latency | None
    bootstrap: int
    seed: int
    # answers of the batched "default" path that differ from qa.ask (should be none)
    ask_mismatches: tuple[str, ...] = field(default=())


def _stderr_progress(stage: str, done: int, total: int) -> None:
    width = len(str(total))
    end = "\n" if done >= total else ""
    print(f"\r[{done:>{width}}/{total}] {stage}", end=end, file=sys.stderr, flush=True)


def run_eval(
    qa: QA,
    items: Sequence[QAItem],
    retrievers: Sequence[str] | None = None,
    bootstrap: int = 1000,
    seed: int = DEFAULT_SEED,
    *,
    latency: bool = True,
    progress: ProgressFn | None = None,
    batch_size: int = 16,
) -> EvalResult:
    """Score ``items`` under each retriever configuration (default: all of ``CONFIGS``)."""
    from jmqa.retrieval import CONFIGS

    names = tuple(retrievers) if retrievers else tuple(CONFIGS)
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise ValueError(
            f"unknown retriever(s) {', '.join(unknown)}; choose from {', '.join(CONFIGS)}"
        )
    report: ProgressFn = progress or (lambda *_: None)
    items = tuple(items)

    # Clean each question alone, so one bad question is an abstention, not a failed batch.
    cleaned: list[str | None] = []
    invalid: list[str | None] = []
    for item in items:
        try:
            cleaned.append(clean_question(item.question))
            invalid.append(None)
        except InvalidQuestionError as exc:
            cleaned.append(None)
            invalid.append(str(exc))
    valid = [i for i, q in enumerate(cleaned) if q is not None]
    signals: dict[int, Any] = {}
    for start in range(0, len(valid), batch_size):
        chunk = valid[start : start + batch_size]
        for i, s in zip(chunk, qa.signals([cleaned[i] for i in chunk])):
            signals[i] = s
        report("encoding questions", min(start + batch_size, len(valid)), len(valid))
    if not valid:
        report("encoding questions", 0, 0)

    per_item: dict[str, tuple[ItemResult, ...]] = {}
    answers_default: dict[int, Answer] = {}
    for name in names:
        config = CONFIGS[name]
        rows = []
        for i, item in enumerate(items):
            if i not in signals:
                rows.append(score_item(item, (), None, invalid[i]))
                continue
            hits, answer = qa.answer_signals(signals[i], config)
            if name == "default":
                answers_default[i] = answer
            rows.append(score_item(item, [h.paragraph for h in hits], answer))
        per_item[name] = tuple(rows)
        report(f"scored {name}", names.index(name) + 1, len(names))

    timing, mismatches = (None, ())
    if latency:
        timing, mismatches = _time_ask(qa, items, cleaned, answers_default, report)

    overall = {n: aggregate(per_item[n]) for n in names}
    tags = [t for t in TAGS if any(i.tag == t for i in items)]
    by_tag = {
        n: {t: aggregate([r for r in per_item[n] if r.tag == t]) for t in tags} for n in names
    }
    intervals = {n: bootstrap_intervals(per_item[n], bootstrap, seed) for n in names}
    paired = {
        n: paired_difference(per_item["default"], per_item[n], "hit1", bootstrap, seed)
        for n in names
        if n != "default" and "default" in per_item
    }
    if bootstrap > 0:
        report("bootstrap", len(names), len(names))
    return EvalResult(
        items=items, retrievers=names, per_item=per_item, overall=overall, by_tag=by_tag,
        intervals=intervals, paired=paired, latency=timing, bootstrap=bootstrap, seed=seed,
        ask_mismatches=mismatches,
    )


def _time_ask(
    qa: QA, items: Sequence[QAItem], cleaned: Sequence[str | None],
    batched: Mapping[int, Answer], report: ProgressFn,
) -> tuple[Latency, tuple[str, ...]]:
    """Time ``qa.ask`` per valid question; also check it agrees with the batched default path."""
    valid = [i for i, q in enumerate(cleaned) if q is not None]
    if not valid:
        return Latency(0, None, None, None, None), ()
    qa.ask(cleaned[valid[0]])  # warm-up: first calls pay for lazy initialisation
    times, mismatches = [], []
    for done, i in enumerate(valid, start=1):
        start = time.perf_counter()
        answer = qa.ask(items[i].question)
        times.append((time.perf_counter() - start) * 1000.0)
        expected = batched.get(i)
        if expected is not None and (
            expected.found != answer.found
            or [q.paragraph for q in expected.quotes] != [q.paragraph for q in answer.quotes]
        ):
            mismatches.append(items[i].id)
        if done % 10 == 0 or done == len(valid):
            report("timing qa.ask", done, len(valid))
    ms = np.array(times)
    return (
        Latency(len(ms), float(np.percentile(ms, 50)), float(np.percentile(ms, 95)),
                float(ms.mean()), float(ms.max())),
        tuple(mismatches),
    )


# --- the report -------------------------------------------------------------------------------


def _repo_root() -> Path:
    """The source checkout when running from one (reports belong in its eval/), else the cwd."""
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").exists() and (checkout / "src" / "jmqa").is_dir():
        return checkout
    return Path.cwd()


def default_qa_path() -> Path:
    return _repo_root() / "eval" / "qa.jsonl"


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _share(part: int, whole: int) -> str:
    """"7 (70%)": a count with its share, so a band of three items is not read as a rate."""
    return f"{part}" if whole == 0 else f"{part} ({100 * part / whole:.0f}%)"


def _cell(text: object) -> str:
    """A Markdown table cell: pipes escaped, newlines flattened."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _truncate(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _ci(interval: Interval) -> str:
    if interval.low is None:
        return _fmt(interval.point)
    return f"{_fmt(interval.point)} [{_fmt(interval.low)}, {_fmt(interval.high)}]"


def _git_commit() -> str | None:
    """The checkout's commit, "-dirty" if code or data differ from it (reports do not count)."""
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(_repo_root()), *args],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short=12", "HEAD")
        changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!eval/reports")
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{commit}-dirty" if changed else commit or None


def _display_path(path: Path) -> str:
    """Relative to the checkout when inside it, so reports read the same on every machine."""
    try:
        return str(path.resolve().relative_to(_repo_root()))
    except ValueError:
        return str(path)


def environment(qa: QA, qa_path: Path | None) -> dict[str, Any]:
    """Where the numbers come from: code, models, index, data file and machine."""
    import jmqa

    manifest = qa.index.manifest
    data = qa_path.read_bytes() if qa_path and qa_path.exists() else b""
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "jmqa": jmqa.__version__,
        "git": _git_commit(),
        "qa_file": _display_path(qa_path) if qa_path else None,
        "qa_sha256": hashlib.sha256(data).hexdigest() if data else None,
        "corpus_sha256": qa.document.sha256,
        "statement": ", ".join(p for p in (qa.document.title, qa.document.date_text) if p),
        "index_built_at": manifest.get("built_at"),
        "models": {
            name: {k: m.get(k) for k in ("model", "package", "weights_sha256", "dim", "max_tokens")}
            for name, m in manifest.get("models", {}).items()
        },
        "python": platform.python_version(),
        "numpy": np.__version__,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
    }


def _headline_rows(result: EvalResult) -> list[list[str]]:
    rows = []
    for name in result.retrievers:
        m, ci = result.overall[name], result.intervals[name]
        rows.append([
            name, _ci(ci["hit1"]), _fmt(m.hit3), _fmt(m.recall3), _fmt(m.recall5), _fmt(m.mrr10),
            _fmt(m.ndcg10),
            " / ".join(_fmt(v) for v in (m.abstention_precision, m.abstention_recall,
                                         m.abstention_f1)),
            f"{_pct(m.false_refusal_rate)} ({m.false_refusals})",
            _fmt(m.span_in_quotes), _fmt(m.span_in_highlight), _fmt(m.wrong_highlight),
        ])
    return rows


HEADLINE_HEADER = (
    "retriever", "hit@1 [95% CI]", "hit@3", "recall@3", "recall@5", "MRR@10", "nDCG@10",
    "abstain P / R / F1", "false refusals", "span in quotes", "span in highlight",
    "wrong highlight",
)


def headline_table(result: EvalResult) -> str:
    """The headline Markdown table (one row per retriever), e.g. for the README."""
    return "\n".join(_table(HEADLINE_HEADER, _headline_rows(result)))


def _failure_rows(result: EvalResult, name: str) -> dict[str, list[list[str]]]:
    """Failures of retriever ``name`` grouped as misses, wrong refusals, false answers, wrong
    highlights. Rows: id, tag, question, gold, what came back."""
    items = {i.id: i for i in result.items}
    groups: dict[str, list[list[str]]] = {
        "Misses (no gold paragraph at rank 1)": [],
        "Wrong refusals (answerable, but refused)": [],
        "False answers (no gold, but answered)": [],
        "Wrong highlights (marked sentence does not hold the gold answer)": [],
    }
    keys = list(groups)
    for r in result.per_item[name]:
        item = items[r.id]
        returned = _returned(r)
        row = [r.id, r.tag, _truncate(item.question, 110), _gold(r.gold), returned]
        if r.gold and not r.hit1:
            groups[keys[0]].append(row)
        if r.gold and not r.found:
            groups[keys[1]].append(row)
        if not r.gold and r.found:
            groups[keys[2]].append(row)
        if r.span_outcome == "wrong_highlight":
            # Say whether the mark is in the wrong paragraph (a retrieval miss) or is the wrong
            # sentence of a gold paragraph (a highlighting miss): they have different fixes.
            where = "gold" if r.quoted and r.quoted[0] in r.gold else "not gold"
            groups[keys[3]].append(row[:4] + [
                f"{returned}; first quote ¶{r.quoted[0]} is {where}; gold answer: "
                f"“{_truncate(item.answer, 80)}”"
            ])
    return groups


def _gold(gold: Sequence[int]) -> str:
    return ", ".join(f"¶{g}" for g in gold) if gold else "none"


def _returned(r: ItemResult) -> str:
    top = ", ".join(f"¶{p}" for p in r.ranking[:3]) or "—"
    if r.invalid_question:
        return f"refused as input ({_truncate(r.invalid_question, 60)})"
    if not r.found:
        return f"refused (top-3 {top}; confidence {r.confidence:.2f})"
    quoted = ", ".join(f"¶{p}" for p in r.quoted)
    mark = (f"; marked: “{_truncate(r.highlighted[0], 100)}”" if r.highlighted
            else "; nothing marked")
    caution = ", with a caution" if r.cautioned else ""
    return f"quoted {quoted} (top-3 {top}; confidence {r.confidence:.2f}{caution}){mark}"


def render_markdown(result: EvalResult, env: Mapping[str, Any], split: str,
                    problems: Sequence[str] = ()) -> str:
    """The human-readable report."""
    items = result.items
    tags = [t for t in TAGS if any(i.tag == t for i in items)]
    counts = ", ".join(f"{t} {sum(i.tag == t for i in items)}" for t in tags)
    n_answerable = sum(i.answerable for i in items)
    out = [
        f"# jmqa eval report — split `{split}`",
        "",
        f"- Date: {env['date']}; jmqa {env['jmqa']} (git {env['git'] or 'unknown'})",
        f"- Q&A file: `{env['qa_file']}` (sha256 {str(env['qa_sha256'])[:16]}…)",
        f"- Items: {len(items)} ({n_answerable} answerable, {len(items) - n_answerable} without "
        f"gold); by tag: {counts}",
        f"- Statement: {env.get('statement', '')} (sha256 {env['corpus_sha256'][:16]}…); "
        f"index built {env['index_built_at']}",
    ]
    for name, m in env["models"].items():
        out.append(f"- Model `{name}`: {m['model']} ({m['package']}, weights sha256 "
                   f"{str(m['weights_sha256'])[:12]}…)")
    out += [
        f"- Machine: {env['cpu_count']} CPUs, {env['platform']}, Python {env['python']}",
        f"- Bootstrap: {result.bootstrap} resamples of items, seed {result.seed}, 95% percentile "
        "intervals",
        "",
    ]
    if problems:
        out += ["**This Q&A set does not meet the set-level requirements:**", ""]
        out += [f"- {p}" for p in problems] + [""]
    out += [
        "## Headline",
        "",
        "Retrieval metrics are over answerable items; abstention over all items (positive class = "
        "\"should abstain\"); span metrics over answerable items with a gold answer. "
        "Definitions: `eval/README.md`.",
        "",
        *_table(HEADLINE_HEADER, _headline_rows(result)),
        "",
    ]
    refusals = {tuple(r.found for r in result.per_item[n]) for n in result.retrievers}
    if len(result.retrievers) > 1 and len(refusals) == 1:
        out += ["Every retriever refused exactly the same questions (the refusal model judges "
                "each retriever's first paragraph on one scale, and here they agree), so the "
                "abstention columns compare nothing between rows.", ""]
    if result.bootstrap > 0:
        rows = [[n] + [_ci(result.intervals[n][m]) for m in HEADLINE] for n in result.retrievers]
        out += ["### 95% bootstrap intervals", "",
                *_table(["retriever", "hit@1", "hit@3", "MRR@10", "abstention F1",
                         "false-refusal rate"], rows), ""]
    if result.paired:
        rows = []
        for n, d in result.paired.items():
            if d.low is not None and d.low > 0:
                verdict = "default better"
            elif d.high is not None and d.high < 0:
                verdict = f"{n} better"
            else:
                verdict = "no clear difference"
            rows.append([n, _fmt(d.point), f"[{_fmt(d.low)}, {_fmt(d.high)}]", verdict])
        out += ["### Paired difference in hit@1: default minus each retriever", "",
                "Same bootstrap resamples for both sides; an interval containing 0 means the "
                "difference is not distinguishable from noise on this set.", "",
                *_table(["vs", "Δ hit@1", "95% CI", "verdict"], rows), ""]
    if "default" in result.overall:
        m = result.overall["default"]
        rows = []
        for metric, (op, bound) in TARGETS.items():
            value = getattr(m, metric)
            ok = value is not None and (value >= bound if op == ">=" else value <= bound)
            rows.append([metric, _fmt(value), f"{op} {bound}", "met" if ok else "NOT MET"])
        out += [f"### Targets (default pipeline, split `{split}`)", "",
                *_table(["metric", "value", "target", ""], rows), ""]

    out += ["## By tag", "", "hit@1 of answerable items per tag (n = answerable items):", ""]
    answerable_tags = [t for t in tags if any(i.tag == t and i.answerable for i in items)]
    header = ["retriever"] + [
        f"{t} (n={sum(i.tag == t and i.answerable for i in items)})" for t in answerable_tags
    ]
    out += _table(header, [[n] + [_fmt(result.by_tag[n][t].hit1) for t in answerable_tags]
                           for n in result.retrievers])
    out += ["", "Further retrieval metrics per tag:", ""]
    rows = []
    for n in result.retrievers:
        for t in answerable_tags:
            m = result.by_tag[n][t]
            rows.append([n, t, m.n_answerable, _fmt(m.hit1), _fmt(m.hit3), _fmt(m.recall3),
                         _fmt(m.recall5), _fmt(m.mrr10), _fmt(m.ndcg10), _pct(m.false_refusal_rate),
                         _fmt(m.span_in_highlight)])
    out += _table(["retriever", "tag", "n", "hit@1", "hit@3", "recall@3", "recall@5", "MRR@10",
                   "nDCG@10", "refused", "span in highlight"], rows)
    no_gold_tags = [t for t in tags if any(i.tag == t and not i.answerable for i in items)]
    if no_gold_tags:
        out += ["", "Correct-abstention rate on items without gold, per tag (n = such items):", ""]
        header = ["retriever"] + [
            f"{t} (n={sum(i.tag == t and not i.answerable for i in items)})" for t in no_gold_tags
        ]
        out += _table(header, [[n] + [_fmt(result.by_tag[n][t].abstention_recall)
                                      for t in no_gold_tags] for n in result.retrievers])
    out += [""]

    out += ["## Answers and citations", "",
            "Span outcomes partition answerable items that have a gold answer: the answer lies "
            "in a highlighted sentence, a highlight exists but misses it, nothing is "
            "highlighted, or the question was refused.", ""]
    rows = []
    for n in result.retrievers:
        m = result.overall[n]
        refused = None if m.n_span == 0 else sum(
            r.span_outcome == "refused" for r in result.per_item[n]) / m.n_span
        rows.append([n, m.n_span, _fmt(m.span_in_quotes), _fmt(m.span_in_highlight),
                     _fmt(m.wrong_highlight), _fmt(m.no_highlight), _fmt(refused),
                     _fmt(m.citation_precision)])
    out += _table(["retriever", "n", "in quotes", "in highlight", "wrong highlight",
                   "no highlight", "refused", "citation precision"], rows)
    out += [""]

    name = "default" if "default" in result.per_item else result.retrievers[0]
    out += [f"## How far to trust the confidence (`{name}`)", "",
            "`Answer.confidence` is the refusal model's estimate that the statement answers the "
            "question; below the threshold jmqa refuses. Per band: how many questions fall in it, "
            "how many of them the statement answers, and how many of those jmqa quoted for really "
            "have an answer in the statement.", ""]
    results = result.per_item[name]
    rows = [[f"{b.low:.1f}–{b.high:.1f}", b.n, _share(b.answerable, b.n), b.answered,
             _share(b.answered_answerable, b.answered)]
            for b in confidence_bands(results)]
    out += _table(["confidence", "questions", "answerable", "answered", "answered and answerable"], rows)
    false_answers = [r for r in results if r.found and not r.gold]
    cautioned = [r for r in results if r.cautioned]
    out += ["", f"Answers that came with a caution: {len(cautioned)}, of which "
                f"{sum(not r.gold for r in cautioned)} to questions without gold; false answers "
                f"cautioned: {sum(r.cautioned for r in false_answers)} of {len(false_answers)}.", ""]

    out += ["## Latency", ""]
    if result.latency and result.latency.count:
        lat = result.latency
        out += [f"`qa.ask` end to end (default pipeline, one question at a time, after one "
                f"warm-up) over {lat.count} questions: p50 {lat.p50_ms:.1f} ms, "
                f"p95 {lat.p95_ms:.1f} ms, mean {lat.mean_ms:.1f} ms, max {lat.max_ms:.1f} ms.",
                "",
                "Per-retriever latency is not measured: all retrievers share one encoding of the "
                "questions, and fusing 27 scores costs microseconds next to the model calls."]
        if result.ask_mismatches:
            out += ["", f"**Warning:** `qa.ask` disagreed with the batched default path on "
                        f"{len(result.ask_mismatches)} item(s): "
                        f"{', '.join(result.ask_mismatches)}."]
    else:
        out += ["Not measured in this run."]
    out += [""]

    out += [f"## Failures of `{name}`", ""]
    for title, rows in _failure_rows(result, name).items():
        out += [f"### {title}: {len(rows)}", ""]
        if rows:
            out += _table(["id", "tag", "question", "gold", "returned"], rows)
        else:
            out += ["None."]
        out += [""]
    return "\n".join(out)


def to_json(result: EvalResult, env: Mapping[str, Any], split: str,
            problems: Sequence[str] = ()) -> dict[str, Any]:
    """Everything, machine-readable, including per-item results for every retriever."""
    name = "default" if "default" in result.per_item else result.retrievers[0]
    return {
        "split": split,
        "environment": dict(env),
        "set_problems": list(problems),
        "retrievers": list(result.retrievers),
        "bootstrap": {"resamples": result.bootstrap, "seed": result.seed, "level": 0.95},
        "items": [asdict(i) for i in result.items],
        "overall": {n: asdict(m) for n, m in result.overall.items()},
        "by_tag": {n: {t: asdict(m) for t, m in tags.items()} for n, tags in result.by_tag.items()},
        "intervals": {
            n: {k: asdict(v) for k, v in iv.items()} for n, iv in result.intervals.items()
        },
        "paired_hit1_default_minus": {n: asdict(v) for n, v in result.paired.items()},
        "latency": asdict(result.latency) if result.latency else None,
        "confidence_bands": [asdict(b) for b in confidence_bands(result.per_item[name])],
        "ask_mismatches": list(result.ask_mismatches),
        "failures_of": name,
        "failures": {
            k: [dict(zip(("id", "tag", "question", "gold", "returned"), row)) for row in rows]
            for k, rows in _failure_rows(result, name).items()
        },
        "per_item": {n: [asdict(r) for r in rows] for n, rows in result.per_item.items()},
    }


def render_plot(result: EvalResult, split: str) -> bytes:
    """PNG: hit@1 by tag per retriever, and abstention quality per retriever."""
    import io

    import matplotlib

    matplotlib.use("Agg")  # no display; must come before pyplot
    import matplotlib.pyplot as plt

    items = result.items
    tags = [t for t in TAGS if any(i.tag == t and i.answerable for i in items)] + ["all"]
    names = result.retrievers
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(12, 8.5), layout="constrained")
    width = 0.8 / max(len(names), 1)
    colors = plt.get_cmap("tab10")
    for j, name in enumerate(names):
        values = [
            (result.overall[name].hit1 if t == "all" else result.by_tag[name][t].hit1) or 0.0
            for t in tags
        ]
        x = np.arange(len(tags)) + (j - (len(names) - 1) / 2) * width
        top.bar(x, values, width, label=name, color=colors(j % 10))
    top.set_xticks(np.arange(len(tags)))
    counts = {t: sum(i.answerable and t in ("all", i.tag) for i in items) for t in tags}
    top.set_xticklabels([f"{t}\n(n={counts[t]})" for t in tags])
    top.set_ylim(0, 1.05)
    top.set_ylabel("hit@1 (answerable items)")
    top.set_title("hit@1 by question tag")
    top.grid(axis="y", alpha=0.3)

    metrics = [("abstention_precision", "abstention\nprecision"), ("abstention_recall",
               "abstention recall\n(correct refusals)"), ("abstention_f1", "abstention F1"),
               ("false_refusal_rate", "false-refusal rate\n(answerable refused)")]
    for j, name in enumerate(names):
        m = result.overall[name]
        values = [getattr(m, key) or 0.0 for key, _ in metrics]
        x = np.arange(len(metrics)) + (j - (len(names) - 1) / 2) * width
        bottom.bar(x, values, width, label=name, color=colors(j % 10))
    bottom.set_xticks(np.arange(len(metrics)))
    bottom.set_xticklabels([label for _, label in metrics])
    bottom.set_ylim(0, 1.05)
    bottom.set_ylabel("rate")
    bottom.set_title("Abstention: refusing exactly when the statement has no answer")
    bottom.grid(axis="y", alpha=0.3)
    # One legend for both panels, outside the axes so it never hides a bar.
    handles, labels = top.get_legend_handles_labels()
    fig.legend(handles, labels, title="retriever", loc="outside right upper", fontsize=9)
    fig.suptitle(f"jmqa eval, split '{split}' ({len(items)} questions)", fontsize=14)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return buffer.getvalue()


def _atomic_write(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; reports are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_paths(out: Path, split: str, stem: str | None = None) -> dict[str, Path]:
    """Fixed names per split (the README links them); other Q&A files get their name as prefix."""
    suffix = f"{stem}-{split}" if stem else split
    return {
        "markdown": out / f"report-{suffix}.md",
        "json": out / f"report-{suffix}.json",
        "plot": out / f"metrics_by_tag-{suffix}.png",
    }


def write_report(result: EvalResult, env: Mapping[str, Any], split: str, out: Path,
                 stem: str | None = None, problems: Sequence[str] = ()) -> dict[str, Path]:
    """Write the Markdown, JSON and PNG reports; return their paths."""
    paths = report_paths(out, split, stem)
    _atomic_write(paths["markdown"], render_markdown(result, env, split, problems).encode())
    payload = json.dumps(to_json(result, env, split, problems), ensure_ascii=False, indent=1)
    _atomic_write(paths["json"], payload.encode() + b"\n")
    _atomic_write(paths["plot"], render_plot(result, split))
    return paths


# --- the command ------------------------------------------------------------------------------


def main(args: argparse.Namespace) -> int:
    """``jmqa eval``: validate the Q&A file, score it, write the report. Exit 2 on a bad file."""
    qa_path = Path(args.qa) if args.qa is not None else default_qa_path()
    statement = getattr(args, "statement", None)  # a library id; None is the shipped statement
    own_set = qa_path.resolve() == default_qa_path().resolve() and statement is None
    out = Path(args.out) if args.out is not None else _repo_root() / "eval" / "reports"
    if args.bootstrap < 0:
        print("jmqa eval: --bootstrap must be 0 or more", file=sys.stderr)
        return 2
    from jmqa.retrieval import CONFIGS

    unknown = [n for n in args.retriever or [] if n not in CONFIGS]
    if unknown:
        print(f"jmqa eval: unknown retriever(s) {', '.join(unknown)}; choose from "
              f"{', '.join(CONFIGS)}", file=sys.stderr)
        return 2
    if not qa_path.exists():
        print(f"jmqa eval: no Q&A file at {qa_path}", file=sys.stderr)
        return 2
    try:
        items = load_items(qa_path)
    except QAFileError as exc:
        return _refuse(qa_path, exc.problems)
    from jmqa.store import resolve

    document = resolve(statement, Path())[0]  # (the index folder is load()'s business)
    problems = item_problems(items, document)
    if problems:
        return _refuse(qa_path, problems)
    # The set-level rules bind our own set only; a shortfall is reported, not fatal.
    shortfalls = set_problems(items, document) if own_set else []
    for p in shortfalls:
        print(f"jmqa eval: warning: {p}", file=sys.stderr)
    chosen = [i for i in items if args.split == "all" or i.split == args.split]
    if not chosen:
        print(f"jmqa eval: {qa_path} has no items in split {args.split!r} "
              f"(items without a split count as test)", file=sys.stderr)
        return 2
    retrievers = list(dict.fromkeys(args.retriever)) if args.retriever else list(CONFIGS)

    from jmqa.qa import load

    print(f"jmqa eval: {len(chosen)} items ({args.split}) from {qa_path}, retrievers "
          f"{', '.join(retrievers)}", file=sys.stderr)
    index_dir = getattr(args, "index_dir", None) if statement is None else None
    qa = load(index_dir, statement=statement, progress=_stderr_progress)
    result = run_eval(qa, chosen, retrievers, args.bootstrap, DEFAULT_SEED,
                      progress=_stderr_progress)
    env = environment(qa, qa_path)
    stem = None if own_set else qa_path.stem
    paths = write_report(result, env, args.split, out, stem, shortfalls)
    print(headline_table(result))
    print(f"\nreport: {paths['markdown']}\n        {paths['json']}\n        {paths['plot']}",
          file=sys.stderr)
    return 0


def _refuse(path: Path, problems: Sequence[str]) -> int:
    print(f"jmqa eval: {path} is not a valid Q&A file ({len(problems)} problem(s)):",
          file=sys.stderr)
    for p in problems:
        print(f"  - {p}", file=sys.stderr)
    return 2
