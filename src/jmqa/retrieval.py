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

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from jmqa import _threads
from jmqa.analysis import QuestionAnalysis
from jmqa.calibration import Calibration
from jmqa.document import Document, PassageKey
from jmqa.embedders import Embedder
from jmqa.errors import InvalidArgumentError
from jmqa.index import Index, Unit
from jmqa.lexical import Lexicon, tokenize
from jmqa.statement import StatementRef

SIGNALS = ("bm25", "minilm.window", "minilm.sentence", "e5.window", "e5.sentence")

# Below this best MiniLM sentence cosine, an English question that names the statement's places,
# people or nationalities is also read without them (Signals.masked_minilm): higher, the
# question is close to a sentence in its own words too, and the extra pass would be spent on
# most questions.
NAMES_MASKED_BELOW = 0.5
_PLACES_AND_PEOPLE = frozenset({"GPE", "NORP", "LOC", "FAC", "PERSON"})


@dataclass(frozen=True)
class Hit:
    """One retrieved paragraph. ``score`` is the fused score: higher is better, not a probability.
    ``paragraph`` is the paragraph's own number, or "preamble" or "closing" for the unnumbered
    text around the numbered paragraphs; ``section`` the heading it stands under, a sub-heading
    after its section's ("Economy › (a) Trade")."""

    paragraph: PassageKey
    section: str
    text: str
    score: float
    statement: StatementRef | None = None  # set by QA: which statement the paragraph is from


@dataclass(frozen=True, eq=False)
class Signals:
    """The evidence for one question: arrays of one value per passage, in the order of
    ``Document.passages`` (index 0 is ¶1; the preamble and closing, if any, after the last ¶)."""

    analysis: QuestionAnalysis
    question: str  # the analysis's normalised asking sentence (what is searched is ``analysis.searched``)
    language: str
    glossed: bool  # the glossary or an acronym added statement terms to the question
    coverage: float
    per_paragraph: dict[str, np.ndarray]
    # Best cosine of each sentence, keyed by (paragraph, sentence start): used to highlight.
    sentences: dict[str, dict[tuple[PassageKey, int], float]] = field(default_factory=dict)
    # MiniLM's best sentence cosine for the question without the places, people and nationalities
    # the statement names ("the weather in Tokyo tomorrow" read as "the weather in tomorrow"), for
    # an English question far from every sentence (see NAMES_MASKED_BELOW); else None.
    masked_minilm: float | None = None

    @functools.cached_property
    def standardised(self) -> dict[str, np.ndarray | float]:
        """Each signal as z-scores over the passages (0.0 where it does not vary), as the z-score
        fusion weighs them: computed once per question, however many weightings read it (an
        answer fuses several times, and eval/tune.py tries 486)."""
        out: dict[str, np.ndarray | float] = {}
        for name, raw in self.per_paragraph.items():
            values = raw.astype(np.float64)
            spread = values.std()
            out[name] = (values - values.mean()) / spread if spread > 1e-9 else 0.0
        return out


@dataclass(frozen=True)
class RetrieverConfig:
    """How to fuse signals: a weighted sum of per-question z-scores, or reciprocal rank fusion."""

    name: str
    weights: Mapping[str, float]
    fusion: str = "zscore"  # or "rrf"
    # For questions not in English that the glossary cannot bridge, use only the multilingual model.
    multilingual_fallback: bool = False
    # BM25 counts as much as the question's words are the statement's (Signals.coverage): a
    # question put in the asker's own words matches the statement's words only by chance, and
    # the models that read meaning should decide. Measured with the weights fitted without it
    # (hit@1): dev 0.962 -> 0.959, read hold-outs 0.950 -> 0.954, the second statement's three
    # sets 0.925 / 0.938 / 0.860 -> 0.975 / 0.938 / 0.930.
    lexical_by_coverage: bool = False
    description: str = ""


_E5_ONLY = {"e5.window": 1.0, "e5.sentence": 1.0}
# A question in a language no other signal reads still writes the statement's names and figures
# as the statement does ("Microchip", "G20", "300"): BM25 over those alone, beside e5.
_E5_AND_NAMES = {**_E5_ONLY, "bm25.names": 1.0}
# A word that names or counts: written with a capital or a digit.
_NAME_OR_FIGURE = re.compile(r"\b\w*[A-Z0-9][\w-]*")
# BM25's idf of a term in about one passage in nine or fewer (3 of 27).
_FEW_PASSAGES_IDF = 2.0

_FITTED = Calibration.load()  # read once, for both of the default retriever's weightings

# Weights of "default" are fitted on the dev split of eval/qa.jsonl by eval/tune.py and read from
# data/calibration.json (see eval/README.md).
CONFIGS: dict[str, RetrieverConfig] = {
    c.name: c
    for c in [
        RetrieverConfig("bm25", {"bm25": 1.0}, description="BM25 alone (Lucene's variant, stemmed, acronyms)"),
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
            _FITTED.fusion_weights,  # fitted on the dev grid (eval/tune.py)
            multilingual_fallback=True,
            lexical_by_coverage=True,
            description="z-score fusion of BM25 (as far as the question's words are the statement's) "
            "+ MiniLM + e5; e5 alone for other languages",
        ),
    ]
}


# A statement without a glossary leans on other signals than one with (eval/tune.py fits both).
_DEFAULT_NO_GLOSSARY = replace(CONFIGS["default"], weights=_FITTED.fusion_weights_no_glossary)


def default_config(glossary: bool = True) -> RetrieverConfig:
    """The "default" retriever for a statement with a glossary, or for one without."""
    return CONFIGS["default"] if glossary else _DEFAULT_NO_GLOSSARY


def lexical_share(config: RetrieverConfig, signals: Signals) -> float:
    """The share of BM25's weight ``config`` gives a question (see RetrieverConfig.lexical_by_coverage)."""
    return min(1.0, max(0.0, signals.coverage)) if config.lexical_by_coverage else 1.0


def config_named(retriever: str | RetrieverConfig) -> RetrieverConfig:
    """The configuration called ``retriever`` (a config passes through), else
    :class:`jmqa.InvalidArgumentError`. Cheap: callers check names before loading models."""
    if isinstance(retriever, RetrieverConfig):
        return retriever
    if not isinstance(retriever, str) or retriever not in CONFIGS:
        raise InvalidArgumentError(
            f"unknown retriever {retriever!r}; choose from {', '.join(CONFIGS)}"
        )
    return CONFIGS[retriever]


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
        self._n = len(document.passages)
        self._groups = {name: _UnitGroups(m.units, document) for name, m in index.models.items()}

    def signals(self, analyses: Sequence[QuestionAnalysis]) -> list[Signals]:
        """All signals for a batch of analysed questions; models run once per batch. Each
        question's are exactly those it gets alone (see ModelIndex.scores)."""
        questions = [a.normalized for a in analyses]
        expanded = [self.lexicon.expand(a.searched) for a in analyses]
        best: dict[str, np.ndarray] = {}  # "minilm.window" -> (questions x paragraphs)
        sentence_scores: dict[str, list[list[float]]] = {}
        for name, vectors in self._encode(expanded).items():
            sims = self.index.models[name].scores(vectors)
            groups = self._groups[name]
            for kind in ("window", "sentence"):
                best[f"{name}.{kind}"] = groups.best(sims, kind)
            sentence_scores[name] = sims[:, groups.sentence_columns].tolist()
        coverages = [
            # Context before the question ("I'm writing a piece for our newsletter.") is no part
            # of what it asks the statement.
            max(self.lexicon.coverage(q) for q in {question, analysis.asked})
            for question, analysis in zip(questions, analyses)
        ]
        masked = self._masked_minilm(analyses, expanded, coverages, best)
        out = []
        for i, question in enumerate(questions):
            per_paragraph = {"bm25": self.lexicon.scores(analyses[i].searched)}
            if analyses[i].language != "en":
                per_paragraph["bm25.names"] = self.lexicon.scores(self._statement_names_in(analyses[i].searched))
            per_paragraph.update({signal: values[i] for signal, values in best.items()})
            sentences = {
                name: dict(zip(self._groups[name].sentence_keys, rows[i]))
                for name, rows in sentence_scores.items()
            }
            out.append(
                Signals(
                    analysis=analyses[i],
                    question=question,
                    language=analyses[i].language,
                    glossed=bool(self.lexicon.additions(analyses[i].searched)),
                    coverage=coverages[i],
                    per_paragraph=per_paragraph,
                    sentences=sentences,
                    masked_minilm=masked.get(i),
                )
            )
        return out

    def _statement_names_in(self, question: str) -> str:
        """The words of ``question`` the statement writes as they are, inside a sentence, with a
        capital or a digit, in few of its passages ("Microchip", "G20" in a statement of the
        United States and India, "2030"; not a German noun the statement has only opening a
        sentence, nor "Was", nor a party's name, said everywhere), one space apart."""
        return " ".join(
            w for w in _NAME_OR_FIGURE.findall(question)
            if w in self._written_names and all(self.lexicon.idf.get(t, 0.0) >= _FEW_PASSAGES_IDF for t in tokenize(w))
        )

    @functools.cached_property
    def _written_names(self) -> frozenset[str]:
        names = set()
        for passage in self.document.passages:
            for m in _NAME_OR_FIGURE.finditer(passage.text):
                before = passage.text[: m.start()].rstrip()
                if before and before[-1] not in ".!?:;":  # a capital opening a sentence names nothing
                    names.add(m.group(0))
        return frozenset(names)

    @functools.cached_property
    def _names(self) -> re.Pattern[str] | None:
        return _names_pattern(self.index, self.lexicon.country_aliases)

    def _masked_minilm(
        self, analyses: Sequence[QuestionAnalysis], expanded: list[str], coverages: list[float],
        best: dict[str, np.ndarray],
    ) -> dict[int, float]:
        """Signals.masked_minilm of the questions that get one, by position: one MiniLM batch.

        A name the statement uses lifts a question's every cosine: "What's the capital of
        Australia?" sat as close to the statement as some answerable questions in their own words.
        Without its names, an off-topic question falls far; one on the statement's subjects
        keeps most of its closeness."""
        if self._names is None or "minilm" not in self.embedders or "minilm.sentence" not in best:
            return {}
        texts: dict[int, str] = {}
        for i, analysis in enumerate(analyses):
            if analysis.language != "en" or coverages[i] >= 1.0:
                continue
            if float(best["minilm.sentence"][i].max()) >= NAMES_MASKED_BELOW:
                continue
            if self._names.search(expanded[i]) is None:
                continue  # nothing to take out (comparing texts would count a double space)
            text = " ".join(self._names.sub(" ", expanded[i]).split())
            if re.search(r"\w", text):
                texts[i] = text
        if not texts:
            return {}
        vectors = _threads.on_model_thread(self.embedders["minilm"].encode_queries, list(texts.values()))
        sims = self.index.models["minilm"].scores(vectors)
        cosines = self._groups["minilm"].best(sims, "sentence").max(axis=1)
        return {i: float(c) for i, c in zip(texts, cosines)}

    def _encode(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Each model's vectors of ``texts``; the models were most of a warm ask.

        One after the other on the model thread (jmqa._threads.on_model_thread), each free to
        use a second core while one is idle: MiniLM's 3 ms then e5's 9 ms. Side by side, one core
        each, took longer on a quiet machine (e5 alone takes 17 ms on one core) and no less on a
        busy one.
        """
        return _threads.on_model_thread(self._encode_in_turn, texts)

    def _encode_in_turn(self, texts: list[str]) -> dict[str, np.ndarray]:
        return {name: e.encode_queries(texts) for name, e in self.embedders.items()}

    def fused(self, signals: Signals, config: RetrieverConfig) -> np.ndarray:
        """One fused score per passage (index 0 is ¶1; see ``Document.passages``)."""
        weights = config.weights
        if config.multilingual_fallback and signals.language != "en" and not signals.glossed:
            weights = _E5_AND_NAMES  # nothing else the English-only signals can read
        available = {k: w for k, w in weights.items() if k in signals.per_paragraph and w}
        if "bm25" in available:
            available["bm25"] *= lexical_share(config, signals)
        total = np.zeros(self._n, dtype=np.float64)
        for name, weight in available.items():
            if config.fusion == "rrf":
                ranks = _ranks(signals.per_paragraph[name].astype(np.float64))
                total += weight / (60.0 + ranks)
            else:
                total += weight * signals.standardised[name]
        return total

    def rank(self, signals: Signals, config: RetrieverConfig, k: int) -> list[Hit]:
        """The ``k`` best passages, ties broken by position (deterministic)."""
        scores = self.fused(signals, config)
        passages = self.document.passages
        order = best_first(scores, k)
        return [
            Hit(
                paragraph=passages[i].number,
                section=passages[i].heading,
                text=passages[i].text,
                score=float(scores[i]),
            )
            for i in order
        ]


def _names_pattern(index: Index, aliases: Iterable[str] = ()) -> re.Pattern[str] | None:
    """The places, people and nationalities tagged in the statement at index time, and
    ``aliases``, the other names of its countries (a capital it never names still names its
    country: "the weather in Kuala Lumpur"), as one pattern (longest first, any case, with a
    possessive); None if there are none."""
    tagged = (
        e.text.removeprefix("the ")
        for tags in index.entities.values()
        for e in tags
        if e.label in _PLACES_AND_PEOPLE
    )
    names = {name for name in (*tagged, *aliases) if len(name) > 1}
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:['’]s)?(?!\w)", re.IGNORECASE)


def best_first(scores: np.ndarray, k: int) -> list[int]:
    """The positions of the ``k`` highest ``scores``. Scores equal to 9 decimals tie, and ties go
    to the earlier position, so the order is the same on any machine.

    >>> best_first(np.array([0.5, 0.9, 0.5000000000001, 0.1]), 3)
    [1, 0, 2]
    """
    keyed = sorted(zip([-round(s, 9) for s in scores.tolist()], range(len(scores))))
    return [i for _, i in keyed[:k]]


class _UnitGroups:
    """Which columns of a model's score matrix belong to which passage, per kind of unit, so
    a passage's best unit is one array operation rather than a Python loop over units."""

    def __init__(self, units: Sequence[Unit], document: Document) -> None:
        self.sentence_columns = [i for i, u in enumerate(units) if u.kind == "sentence"]
        self.sentence_keys = [(units[i].paragraph, units[i].start) for i in self.sentence_columns]
        self._table: dict[str, np.ndarray] = {}
        for kind in ("window", "sentence"):
            columns: list[list[int]] = [[] for _ in document.passages]
            for i, u in enumerate(units):
                if u.kind == kind:
                    columns[document.position(u.paragraph)].append(i)
            width = max(1, max(len(c) for c in columns))
            # Padded with len(units): the extra column of -1 added in best(), a paragraph's score
            # when it has no unit of this kind.
            self._table[kind] = np.array([c + [len(units)] * (width - len(c)) for c in columns])

    def best(self, sims: np.ndarray, kind: str) -> np.ndarray:
        """(questions x passages): each passage's best score over its units of ``kind``."""
        padded = np.hstack([sims, np.full((len(sims), 1), -1.0, dtype=sims.dtype)])
        return padded[:, self._table[kind]].max(axis=2).astype(np.float32)


def _ranks(values: np.ndarray) -> np.ndarray:
    """1-based ranks, best first, ties broken by position."""
    order = sorted(range(len(values)), key=lambda i: (-values[i], i))
    ranks = np.empty(len(values), dtype=np.float64)
    ranks[order] = np.arange(1, len(values) + 1)
    return ranks
