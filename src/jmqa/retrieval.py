"""Ranking the statement's paragraphs for a question.

Each question gets five per-paragraph *signals*: BM25, and for each model (MiniLM, e5) the best
cosine over the paragraph's windows and over its sentences. A :class:`RetrieverConfig` fuses
them; the named configurations in :data:`CONFIGS` are what the eval harness compares side by
side, and ``"default"`` is the product.

Example::

    >>> import jmqa
    >>> qa = jmqa.load()                                        # doctest: +SKIP
    >>> [h.paragraph for h in qa.search("What is OSA?", k=2)]   # doctest: +SKIP
    [6, 24]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from jmqa.document import Document
from jmqa.embedders import Embedder
from jmqa.index import Index
from jmqa.lexical import Lexicon, language_of
from jmqa.statement import StatementRef

SIGNALS = ("bm25", "minilm.window", "minilm.sentence", "e5.window", "e5.sentence")


@dataclass(frozen=True)
class Hit:
    """One retrieved paragraph. ``score`` is the fused score: higher is better, not a probability."""

    paragraph: int
    section: str
    text: str
    score: float
    statement: StatementRef | None = None  # set by QA: which statement the paragraph is from


@dataclass(frozen=True, eq=False)
class Signals:
    """The evidence for one question: arrays of one value per paragraph (index 0 is ¶1)."""

    question: str
    language: str
    glossed: bool  # the glossary or an acronym added statement terms to the question
    coverage: float
    per_paragraph: dict[str, np.ndarray]
    # Best cosine of each sentence, keyed by (paragraph, sentence start): used to highlight.
    sentences: dict[str, dict[tuple[int, int], float]] = field(default_factory=dict)


@dataclass(frozen=True)
class RetrieverConfig:
    """How to fuse signals: a weighted sum of per-question z-scores, or reciprocal rank fusion."""

    name: str
    weights: Mapping[str, float]
    fusion: str = "zscore"  # or "rrf"
    # For questions not in English that the glossary cannot bridge, use only the multilingual model.
    multilingual_fallback: bool = False
    description: str = ""


_E5_ONLY = {"e5.window": 1.0, "e5.sentence": 1.0}

# Weights of "default" were chosen on the dev split of eval/qa.jsonl (see eval/README.md).
CONFIGS: dict[str, RetrieverConfig] = {
    c.name: c
    for c in [
        RetrieverConfig("bm25", {"bm25": 1.0}, description="BM25 alone (bm25s, stemmed, acronyms)"),
        RetrieverConfig("minilm", {"minilm.window": 1.0}, description="MiniLM, paragraph windows"),
        RetrieverConfig(
            "minilm+sent", {"minilm.window": 1.0, "minilm.sentence": 1.0},
            description="MiniLM, paragraph windows + sentences",
        ),
        RetrieverConfig("e5", _E5_ONLY, description="multilingual-e5-small, windows + sentences"),
        RetrieverConfig(
            "rrf", {name: 1.0 for name in SIGNALS}, fusion="rrf",
            description="reciprocal rank fusion (k=60) of all five signals",
        ),
        RetrieverConfig(
            "default",
            # Dev grid (eval/tune.py): e5 carries most of the weight, BM25 adds exact terms and
            # MiniLM a second view. Many settings tie on dev; this one keeps every signal.
            {
                "bm25": 1.0,
                "minilm.window": 0.5,
                "minilm.sentence": 0.5,
                "e5.window": 1.0,
                "e5.sentence": 1.0,
            },
            multilingual_fallback=True,
            description="z-score fusion of BM25 + MiniLM + e5; e5 alone for other languages",
        ),
    ]
}


class Retriever:
    """Computes signals for questions and ranks paragraphs under a configuration."""

    def __init__(
        self,
        document: Document,
        index: Index,
        embedders: Mapping[str, Embedder],
        lexicon: Lexicon,
    ) -> None:
        self.document = document
        self.index = index
        self.embedders = dict(embedders)
        self.lexicon = lexicon
        self._n = len(document.paragraphs)

    def signals(self, questions: Sequence[str]) -> list[Signals]:
        """All signals for a batch of (already cleaned) questions; models run once per batch."""
        expanded = [self.lexicon.expand(q) for q in questions]
        per_model: dict[str, np.ndarray] = {}
        for name, embedder in self.embedders.items():
            per_model[name] = self.index.models[name].scores(embedder.encode_queries(expanded))
        out = []
        for i, question in enumerate(questions):
            per_paragraph = {"bm25": self.lexicon.scores(question)}
            sentences: dict[str, dict[tuple[int, int], float]] = {}
            for name, sims in per_model.items():
                units = self.index.models[name].units
                for kind in ("window", "sentence"):
                    best = np.full(self._n, -1.0, dtype=np.float32)
                    for u, s in zip(units, sims[i]):
                        if u.kind == kind and s > best[u.paragraph - 1]:
                            best[u.paragraph - 1] = s
                    per_paragraph[f"{name}.{kind}"] = best
                sentences[name] = {
                    (u.paragraph, u.start): float(s)
                    for u, s in zip(units, sims[i])
                    if u.kind == "sentence"
                }
            out.append(
                Signals(
                    question=question,
                    language=language_of(question),
                    glossed=bool(self.lexicon.additions(question)),
                    coverage=self.lexicon.coverage(question),
                    per_paragraph=per_paragraph,
                    sentences=sentences,
                )
            )
        return out

    def fused(self, signals: Signals, config: RetrieverConfig) -> np.ndarray:
        """One fused score per paragraph (index 0 is ¶1)."""
        weights = config.weights
        if config.multilingual_fallback and signals.language != "en" and not signals.glossed:
            weights = _E5_ONLY  # nothing the English-only signals can read
        available = {k: w for k, w in weights.items() if k in signals.per_paragraph and w}
        total = np.zeros(self._n, dtype=np.float64)
        for name, weight in available.items():
            values = signals.per_paragraph[name].astype(np.float64)
            if config.fusion == "rrf":
                ranks = _ranks(values)
                total += weight / (60.0 + ranks)
            else:
                spread = values.std()
                total += weight * ((values - values.mean()) / spread if spread > 1e-9 else 0.0)
        return total

    def rank(self, signals: Signals, config: RetrieverConfig, k: int) -> list[Hit]:
        """The ``k`` best paragraphs, ties broken by paragraph number (deterministic)."""
        scores = self.fused(signals, config)
        order = sorted(range(self._n), key=lambda i: (-round(float(scores[i]), 9), i))[:k]
        return [
            Hit(
                paragraph=i + 1,
                section=self.document.paragraphs[i].section,
                text=self.document.paragraphs[i].text,
                score=float(scores[i]),
            )
            for i in order
        ]


def _ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks, best first, ties broken by position."""
    order = sorted(range(len(values)), key=lambda i: (-values[i], i))
    ranks = np.empty(len(values), dtype=np.float64)
    ranks[order] = np.arange(1, len(values) + 1)
    return ranks
