"""Ablation: the default pipeline with and without the glossary, on the same items.

The glossary maps everyday phrasings to the statement's terms. Running the same items with an
empty one (``glossary.Glossary(())``) shows what it earns: a glossary that general machinery
could replace changes little.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jmqa.evaluation.dataset import QAItem
from jmqa.evaluation.metrics import ItemResult
from jmqa.evaluation.runner import run_eval
from jmqa.evaluation.stats import Metrics
from jmqa.glossary import Glossary

if TYPE_CHECKING:
    from jmqa.qa import QA


@dataclass(frozen=True)
class GlossaryAblation:
    """Default-pipeline metrics with the shipped glossary and with none, and the items whose
    outcome (decision, or first quoted paragraph) differs between the two."""

    with_glossary: Metrics
    without_glossary: Metrics
    changed: tuple[str, ...]
    glossary_rows: int  # rows in the shipped glossary


def _outcome(r: ItemResult) -> tuple[bool, int | None]:
    return r.found, (r.quoted[0] if r.found and r.quoted else None)


def without_glossary(qa: QA) -> QA:
    """The same statement, index and models as ``qa``, with an empty glossary."""
    from jmqa.qa import QA

    return QA(qa.document, qa.index, qa.retriever.embedders, Glossary(()))


def glossary_ablation(qa: QA, items: Sequence[QAItem]) -> GlossaryAblation:
    """Score ``items`` through the default pipeline of ``qa`` and of ``qa`` without glossary."""
    with_ = run_eval(qa, items, ["default"], bootstrap=0, latency=False)
    bare = run_eval(without_glossary(qa), items, ["default"], bootstrap=0, latency=False)
    changed = tuple(
        a.id for a, b in zip(with_.per_item["default"], bare.per_item["default"])
        if _outcome(a) != _outcome(b)
    )
    return GlossaryAblation(with_.overall["default"], bare.overall["default"], changed,
                            len(qa.lexicon.glossary.entries))
