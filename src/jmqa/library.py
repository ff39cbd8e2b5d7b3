"""Search and ask across every statement of the library.

Each statement keeps its own index; a :class:`Library` loads one the first time a question needs
it, and all statements share one set of models. A question is embedded once, not once per
statement (:class:`RememberedQueries`), so asking twenty statements costs about what asking one does,
plus twenty small flat-index searches.

Ranking across statements: each statement's signals (BM25, the cosines of both models) are pooled
over all the library's paragraphs and fused as z-scores over that pool, with the default weights.
Fused within one statement, a statement that never mentions the subject would still have a "best"
paragraph; pooled, its paragraphs sit at the bottom. The answer is then decided by each of the few
best statements' own answerer, among those that leave the fewest of the question's names unknown,
and quotes come only from statements that answer.

Example::

    >>> import jmqa
    >>> library = jmqa.Library()                                         # doctest: +SKIP
    >>> answer = library.ask("What did they agree on critical minerals?")  # doctest: +SKIP
    >>> answer.quotes[0].statement.citation(answer.quotes[0].paragraph)  # doctest: +SKIP
    'Joint Statement from the United States and India, 22 June 2023, ¶12'
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from dataclasses import replace

import numpy as np

from jmqa import _threads
from jmqa.analysis import leaders_named
from jmqa.answer import NOT_ADDRESSED, Answer
from jmqa.embedders import Embedder, RememberedQueries
from jmqa.errors import InvalidArgumentError
from jmqa.lexical import is_figure, tokenize
from jmqa.occasion import months_named, occasions
from jmqa.qa import QA, load
from jmqa.question import clean_question
from jmqa.retrieval import Hit, Signals, default_config, lexical_share
from jmqa.statement import StatementRef
from jmqa.store import Entry, Store

# How many statements the answerer reads for one question: those owning the best pooled
# paragraphs. Answering is the costly step; a statement far down the pool does not answer.
ANSWER_CANDIDATES = 3
SEARCH_CANDIDATES = 5  # statements whose paragraphs "search --all" ranks
_POOL_LEAD = 6  # the best pooled paragraphs whose statements are candidates
MULTILINGUAL = "e5"  # the model that reads questions in any language
MAX_QUOTES = 5


class Library:
    """The statements under ``home`` (default ``$JMQA_HOME``), searched and asked together.

    Thread-safe for concurrent readers. The statements are those present when it was created.
    """

    def __init__(
        self,
        home: str | os.PathLike[str] | None = None,
        *,
        build_if_needed: bool = True,
        embedders: Mapping[str, Embedder] | None = None,
    ) -> None:
        self.store = Store(home)
        self._entries = {e.ref.id: e for e in self.store.entries()}
        self._build_if_needed = build_if_needed
        # The query encoders come with an index (MiniLM's ONNX export): the first statement loaded
        # lends its own to all the others, unless the caller gives some.
        self._embedders = {name: RememberedQueries(m) for name, m in (embedders or {}).items()} or None
        self._loaded: dict[str, QA] = {}
        self._vocabularies: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()

    @property
    def statements(self) -> list[StatementRef]:
        """The shipped statement first, then the added ones by id."""
        return [e.ref for e in self._entries.values()]

    def entry(self, statement_id: str) -> Entry:
        if statement_id not in self._entries:
            return self.store.get(statement_id)  # raises UnknownStatementError, listing the ids
        return self._entries[statement_id]

    def qa(self, statement_id: str) -> QA:
        """The :class:`QA` of one statement, its index loaded on first use."""
        entry = self.entry(statement_id)
        with self._lock:  # one load per statement, even when two questions need it at once
            if statement_id not in self._loaded:
                qa = load(
                    self.store.index_dir(entry),
                    statement=None if entry.shipped else self.store.document(entry),
                    build_if_needed=self._build_if_needed,
                    embedders=self._embedders,
                )
                if self._embedders is None:
                    self._embedders = {n: RememberedQueries(m) for n, m in qa.retriever.embedders.items()}
                    qa.retriever.embedders = dict(self._embedders)
                self._loaded[statement_id] = qa
            return self._loaded[statement_id]

    def _chosen(self, statements: Sequence[str] | None) -> list[QA]:
        ids = list(statements) if statements is not None else list(self._entries)
        if not ids:
            raise InvalidArgumentError("choose at least one statement")
        return [self.qa(i) for i in ids]

    def search(self, question: str, k: int = 5, statements: Sequence[str] | None = None) -> list[Hit]:
        """The ``k`` most relevant paragraphs across ``statements`` (default: all), best first;
        each hit names its statement."""
        qas = self._chosen(statements)
        total = sum(qa.paragraph_count for qa in qas)
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= total:
            raise InvalidArgumentError(f"k must be a whole number from 1 to {total}, not {k!r}")
        cleaned = clean_question(question)
        shortlist = self._shortlist(qas, cleaned, SEARCH_CANDIDATES, k)
        signals = self._signals(shortlist, cleaned)
        preferred = _preferred(shortlist, signals)
        # The statements the question is about first (as ask keeps to them), then the rest.
        hits = sorted(_pooled_hits(shortlist, signals), key=lambda h: h.statement is None or h.statement.id not in preferred)
        return hits[:k]

    def ask(self, question: str, statements: Sequence[str] | None = None, max_quotes: int = MAX_QUOTES) -> Answer:
        """Quote the paragraphs that answer ``question`` in ``statements`` (default: all), most
        confident statement first, each quote naming its statement; or say none addresses it."""
        # On the models' thread, as QA.ask is (see there why).
        return _threads.on_model_thread(self._ask, question, statements, max_quotes)

    def _ask(self, question: str, statements: Sequence[str] | None, max_quotes: int) -> Answer:
        qas = self._chosen(statements)
        cleaned = clean_question(question)
        shortlist = self._shortlist(qas, cleaned, ANSWER_CANDIDATES)
        signals = self._signals(shortlist, cleaned)
        by_id = {qa.statement.id: (qa, s) for qa, s in zip(shortlist, signals)}
        preferred = _preferred(shortlist, signals)
        eligible = [h for h in _pooled_hits(shortlist, signals) if h.statement and h.statement.id in preferred]
        candidates: list[str] = []
        for hit in eligible[:_POOL_LEAD]:
            if hit.statement.id not in candidates:
                candidates.append(hit.statement.id)
        answers = []
        for statement_id in candidates:
            qa, s = by_id[statement_id]
            answers.append(qa.stamped(qa.answer_signals(s, qa.default)[1]))
        found = sorted((a for a in answers if a.found), key=lambda a: -a.confidence)
        if not found:
            best = max((a.confidence for a in answers), default=0.0)
            return Answer(cleaned, False, (), best, message=NO_STATEMENT if len(qas) > 1 else NOT_ADDRESSED)
        # The sure answers of every statement that has one; else the best unsure one alone.
        sure = [a for a in found if not a.message] or found[:1]
        quotes = tuple(q for a in sure for q in a.quotes)[:max_quotes]
        # Where else a phrase is used (Answer.mentions) names bare passage numbers: across
        # statements they would not say whose.
        return replace(found[0], question=cleaned, quotes=quotes, message=sure[0].message, mentions=())

    def _shortlist(self, qas: list[QA], question: str, n: int, k: int = 1) -> list[QA]:
        """The ``n`` statements (more if they hold fewer than ``k`` paragraphs) whose closest
        window or sentence is closest to ``question`` for the multilingual model. Only one
        embedding and one flat search per statement: the per-statement lexical work and the
        second model, most of a question's cost, are left to the statements shortlisted."""
        if len(qas) <= n:
            return qas
        vector = self._embedders[MULTILINGUAL].encode_queries([question])
        closeness = [float(qa.index.models[MULTILINGUAL].scores(vector)[0].max()) for qa in qas]
        order = sorted(range(len(qas)), key=lambda i: (-closeness[i], i))
        chosen, paragraphs = [], 0
        for i in order:
            if len(chosen) >= n and paragraphs >= k:
                break
            chosen.append(qas[i])
            paragraphs += qas[i].paragraph_count
        # Names typed in lower case ("quorvex draemlin hybrids") are near anything for e5: the
        # statement that holds most of the question's words that none of those uses is read too.
        words = set(tokenize(question))
        unused = words - set().union(*(self._terms(qa) for qa in chosen))
        held = {i: len(unused & self._terms(qas[i])) for i in order if qas[i] not in chosen}
        best = max(held, key=lambda i: held[i], default=None)  # the closest of equals, as ordered
        return chosen + [qas[best]] if best is not None and held[best] else chosen

    def _terms(self, qa: QA) -> frozenset[str]:
        """The stemmed words of ``qa``'s statement, computed once."""
        terms = self._vocabularies.get(qa.statement.id)
        if terms is None:
            terms = self._vocabularies[qa.statement.id] = frozenset().union(*qa.lexicon.paragraph_terms)
        return terms

    def _signals(self, qas: list[QA], question: str) -> list[Signals]:
        """Each statement's signals for ``question``. Each statement reads the question its own
        way and widens it with its own acronyms and glossary terms (what Retriever.signals
        embeds); those texts are embedded in one batch first."""
        expanded = list(dict.fromkeys(qa.lexicon.expand(qa.analyze(question).searched) for qa in qas))
        for embedder in self._embedders.values():
            embedder.encode_queries(expanded)  # fills the cache the statements read from
        return [qa.signals([question])[0] for qa in qas]


NO_STATEMENT = "None of the statements in the library addresses this question."


def _preferred(qas: Sequence[QA], signals: Sequence[Signals]) -> set[str]:
    """The ids of the statements a question is about, of those shortlisted.

    First the statements whose parties it names all (or one of whose leaders it names), if any:
    "Strait of Kelp - Atlantis Lemuria March 2025" is about their statement, though another one
    names the strait. Of those, the ones made on the occasion it names by date, if any: "sept 8
    2023 biden modi statement - when is NISAR set to launch?" is about that one, though the same
    leaders' statement of June names NISAR and it does not. Of those, the ones that leave the
    fewest of the question's names (not its figures) unknown: a question that names what a
    statement never mentions is not that statement's when another one names it all ("What did
    Japan and Malaysia agree on cyber security?" of a US-India statement that mentions neither).
    """
    # Each statement mends the question against its own words ("us" is "US" for one that writes
    # it so, not for one that writes "U.S."): a party named in any reading is named.
    pool = [qa for qa in qas if any(_names_all(qa, s.question) for s in signals)] or list(qas)
    # The occasion named by date ("the February 2025 statement"); where it names none, a month
    # and year with no word for the occasion beside it that is exactly a statement's ("Modi Biden
    # Sep 2023"): a deadline seldom falls in the month one was made.
    asked = occasions(signals[0].question) or months_named(signals[0].question)
    pool = [qa for qa in pool if any(o.matches(qa.statement.date) for o in asked)] or pool
    question_of = {qa.statement.id: s.question for qa, s in zip(qas, signals)}
    unknown = {
        qa.statement.id: sum(not is_figure(n) for n in qa.lexicon.unknown_names(question_of[qa.statement.id]))
        for qa in pool
    }
    fewest = min(unknown.values())
    return {i for i, n in unknown.items() if n == fewest}


def _names_all(qa: QA, question: str) -> bool:
    """Whether ``question`` names every party of ``qa``'s statement, or one of its leaders, who
    stands for it: "what did leclerc say about kelp" is about a statement Leclerc made."""
    return qa.lexicon.parties.all_named_in(question) or leaders_named(question, qa.analyzer.facts.leaders) > 0


def _pooled_hits(qas: Sequence[QA], signals: Sequence[Signals]) -> list[Hit]:
    """Every passage of every statement, ranked by the default fusion over the whole pool (with
    the weights for statements without a glossary, unless every one has one)."""
    config = default_config(all(qa.lexicon.glossary.entries for qa in qas))
    weights = dict(config.weights)
    english_only = {"bm25", "minilm.window", "minilm.sentence"}
    if config.multilingual_fallback and signals[0].language != "en" and not any(s.glossed for s in signals):
        weights = {k: w for k, w in weights.items() if k not in english_only}  # as Retriever.fused
    total = np.zeros(sum(len(qa.document.passages) for qa in qas))
    for name, weight in weights.items():
        values = np.concatenate([s.per_paragraph[name] for s in signals]).astype(np.float64)
        spread = values.std()
        if weight and spread > 1e-9:
            if name == "bm25":  # as far as the question's words are each statement's own
                weight = weight * np.concatenate(
                    [np.full(len(s.per_paragraph[name]), lexical_share(config, s)) for s in signals]
                )
            total += weight * (values - values.mean()) / spread
    hits = [
        Hit(p.number, p.heading, p.text, float(score), statement=qa.statement)
        for (qa, p), score in zip(((qa, p) for qa in qas for p in qa.document.passages), total)
    ]
    order = sorted(range(len(hits)), key=lambda i: (-round(hits[i].score, 9), i))  # ties: pool order
    return [hits[i] for i in order]
