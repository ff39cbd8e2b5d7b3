"""Running the pipeline over a Q&A set: every retriever configuration from one encoding of
the questions, plus ``qa.ask`` latency."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from jmqa.errors import InvalidQuestionError
from jmqa.evaluation.dataset import TAGS, QAItem
from jmqa.evaluation.metrics import ItemResult, score_item
from jmqa.evaluation.robustness import RobustnessResult
from jmqa.evaluation.stats import (
    DEFAULT_SEED,
    Interval,
    Metrics,
    aggregate,
    bootstrap_intervals,
    paired_difference,
)
from jmqa.question import clean_question

if TYPE_CHECKING:  # importing jmqa.qa pulls in the model libraries; only load() needs them
    from jmqa.answer import Answer
    from jmqa.evaluation.ablation import GlossaryAblation
    from jmqa.qa import QA


ProgressFn = Callable[[str, int, int], None]


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
    robustness: RobustnessResult | None = None  # `jmqa eval --robustness`
    glossary_ablation: GlossaryAblation | None = None  # `jmqa eval --no-glossary`


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
        config = qa.default if name == "default" else CONFIGS[name]
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
