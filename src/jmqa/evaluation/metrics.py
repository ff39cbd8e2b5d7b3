"""Per-item metrics: hit@k, recall@k, MRR, nDCG and where the gold answer lies in the
quotes, combined by :func:`score_item` into one :class:`ItemResult`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jmqa.document import PassageKey, Span
from jmqa.evaluation.dataset import QAItem

if TYPE_CHECKING:
    from jmqa.answer import Answer


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
    ranking: tuple[PassageKey, ...]  # all passages, best first; () if the question was refused as input
    found: bool
    quoted: tuple[PassageKey, ...]
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
    # Passages the answer names, not quoted, as also using a phrase of the question (Answer.mentions).
    mentioned: tuple[PassageKey, ...] = ()


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
        mentioned=tuple(p for m in answer.mentions for p in m.passages) if found and answer else (),
        **retrieval,
    )
