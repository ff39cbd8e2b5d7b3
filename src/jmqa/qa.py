"""The public entry point: :func:`load` a :class:`QA` over the statement, then ``search``/``ask``.

Example::

    >>> import jmqa
    >>> qa = jmqa.load()                      # the shipped statement + index/ (built if missing)
    >>> hits = qa.search("Is there money for disaster recovery?", k=3)
    >>> hits[0].paragraph
    18
    >>> answer = qa.ask("What is Malaysia's GDP?")
    >>> answer.found
    False
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from jmqa import _threads
from jmqa.analysis import Analyzer, QuestionAnalysis
from jmqa.answer import Answer, Answerer, Calibration, Mention
from jmqa.document import Document, Paragraph
from jmqa.embedders import (
    EMBEDDER_NAMES,
    Embedder,
    ModelCard,
    RememberedQueries,
    get_embedder,
    model_card,
    query_embedder,
)
from jmqa.errors import (
    EntityTagsStaleError,
    IndexError_,
    IndexFolderError,
    InvalidArgumentError,
    QueryEncoderMissingError,
)
from jmqa.glossary import Glossary
from jmqa.index import (
    Index,
    Progress,
    QueryModel,
    add_query_encoders,
    build_index,
    check_index_folder,
    load_index,
    read_manifest,
    retag_index,
    save_index,
)
from jmqa.lexical import Lexicon, tokenize
from jmqa.question import question_list
from jmqa.retrieval import (
    CONFIGS,
    Hit,
    Retriever,
    RetrieverConfig,
    Signals,
    config_named,
    default_config,
)
from jmqa.statement import StatementRef, ref_of

log = logging.getLogger("jmqa")
# A library id, the path of a statement's text, a parsed statement, or None for the shipped one.
StatementLike = str | os.PathLike[str] | Document | None
# Words that only say which section and that a summary is wanted, not what to look for in it;
# and the general nouns a person may call a section's subject by ("the section on regional
# affairs" for "Regional and International Cooperation").
_SECTION_FRAMING = (
    "section sections heading summarise summarize summary overview outline cover covers "
    "opening first introductory introduction closing last final concluding "
    "affairs issues matters topics subjects part parts content contents"
)
# Words that ask to see, set side by side or sum up the paragraphs a question names ("Compare ¶3
# and ¶4", "Explain paragraph 5"): they ask nothing more of them than to be read, which quoting does.
_READING_REQUESTS = (
    "compare comparison contrast differ difference differences similar similarity similarities "
    "summarise summarize summary explain explanation show quote read display mean meaning"
)
_READING_TERMS = frozenset(tokenize(_READING_REQUESTS))  # as content_terms gives them, once
MAX_MENTIONED = 5  # passages named per phrase that the answer does not quote


def default_index_dir() -> Path:
    """``$JMQA_INDEX_DIR``, else ``index/`` of the source checkout, else ``~/.cache/jmqa/index``."""
    if os.environ.get("JMQA_INDEX_DIR"):
        return Path(os.environ["JMQA_INDEX_DIR"])
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").exists() and (checkout / "src" / "jmqa").is_dir():
        return checkout / "index"
    return Path.home() / ".cache" / "jmqa" / "index"


def build(
    index_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    *,
    statement: StatementLike = None,
    known_indexes: Sequence[str | os.PathLike[str]] = (),
) -> Index:
    """(Re)build the index of ``statement`` (default: the shipped one) into ``index_dir``
    (default: the statement's own index folder) and return it. A query encoder export that the
    folder or one of ``known_indexes`` already holds is not checked again (see
    :func:`jmqa.index.build_index`).

    Raises :class:`jmqa.IndexFolderError` before any model loads if the folder is not jmqa's to
    write (see :func:`jmqa.index.check_index_folder`).
    """
    document, folder, _, _ = _resolve(statement, index_dir)
    check_index_folder(folder)
    embedders = [get_embedder(name) for name in EMBEDDER_NAMES]
    known = [folder, *(Path(k) for k in known_indexes)]
    index = build_index(document, embedders, progress, known)
    save_index(index, folder)
    return index


def load(
    index_dir: str | os.PathLike[str] | None = None,
    *,
    statement: StatementLike = None,
    build_if_needed: bool = True,
    progress: Progress | None = None,
    glossary: Glossary | None = None,
    embedders: Mapping[str, Embedder] | None = None,
    known_indexes: Sequence[str | os.PathLike[str]] = (),
) -> QA:
    """Load a statement, the models and its index.

    ``statement`` is a library id (``jmqa list``), the path of a statement's text, or a parsed
    :class:`Document`; the default is the shipped statement. ``index_dir`` defaults to the
    statement's own index folder (for the shipped one, :func:`default_index_dir`).

    A missing, stale or corrupt index is rebuilt when ``build_if_needed`` (the default), and
    otherwise raised as :class:`jmqa.IndexMissingError`, :class:`jmqa.IndexStaleError` or
    :class:`jmqa.IndexCorruptError`, whose message says which command fixes it. An index whose
    only fault is its entity types (another spaCy pipeline or tag correction) keeps its vectors
    and is tagged again (:func:`jmqa.index.retag_index`), in seconds; one built by an earlier
    jmqa, without a model's query encoder, gets it exported (seconds for e5), not rebuilt,
    sparing a check of it when the shipped statement's index, or one in ``known_indexes``,
    holds the same. A rebuild is announced (why, and where) as a warning on the ``jmqa`` logger
    before it starts, and is refused with :class:`jmqa.IndexFolderError` before it starts if the
    folder is not jmqa's or not writable. ``glossary`` replaces the statement's own: the shipped glossary for the
    shipped statement, the glossary file an added one came with (``jmqa add``), else none
    (``Glossary(())`` measures the pipeline without one). ``embedders`` (default: the query
    encoders this index ships) lets several statements share one set of models.
    """
    document, folder, ref, own_glossary = _resolve(statement, index_dir)
    if build_if_needed:
        try:
            read_manifest(folder)  # cheap: no readable manifest means a rebuild is certain
        except IndexError_ as problem:
            _rebuild_reason(folder, problem)  # so refuse a folder before any model loads
    cards = [model_card(name) for name in EMBEDDER_NAMES]  # checking must not import torch
    try:
        index = load_index(folder, document, cards)
    except IndexError_ as problem:
        if not build_if_needed:
            raise
        index = _mended(folder, document, cards, problem, progress, known_indexes)
    if embedders is None:
        embedders = {n: query_embedder(n, _graph_path(index.models[n].query_model)) for n in EMBEDDER_NAMES}
    if glossary is None:  # the statement's own: the shipped glossary is the shipped statement's data
        glossary = own_glossary
    return QA(document, index, dict(embedders), glossary, statement=ref)


def _mended(
    folder: Path, document: Document, cards: Sequence[ModelCard], problem: IndexError_, progress: Progress | None,
    known_indexes: Sequence[str | os.PathLike[str]],
) -> Index:
    """The index in ``folder``, loaded once ``problem`` is mended (raises if jmqa may not write
    there). What does not touch the vectors is mended alone, keeping them: entity types are
    tagged again (:func:`jmqa.index.retag_index`), missing query encoders exported
    (:func:`jmqa.index.add_query_encoders`), each in seconds. Anything else rebuilds the index.
    Each is announced (why, and where) as a warning on the ``jmqa`` logger before it starts. An
    index that lacks only query encoders, in a folder jmqa may not write (shared read-only), is
    used as it is: the models themselves encode questions, as before they had an export."""
    for _ in range(2):  # the tags, then the query encoders, may both need mending
        try:
            reason = _rebuild_reason(folder, problem)
        except IndexFolderError:
            if not isinstance(problem, QueryEncoderMissingError):
                raise
            log.warning("%s, and jmqa may not write there: %s itself encodes questions (slower to start)",
                        _why(problem), " and ".join(problem.models))
            try:
                return load_index(folder, document, cards, require_query_encoders=False)
            except IndexError_ as again:  # anything else it needs is refused, naming the folder
                problem = again
                continue
        if isinstance(problem, EntityTagsStaleError):
            log.warning("tagging the index's entity types again because %s (its vectors are kept)", reason)
            retag_index(folder, document, progress)
        elif isinstance(problem, QueryEncoderMissingError):
            log.warning("exporting the missing query encoders because %s (its vectors are kept)", reason)
            known = [*(Path(k) for k in known_indexes), default_index_dir()]  # the shipped one's, most often
            add_query_encoders(folder, document, [get_embedder(n) for n in problem.models], progress, known)
        else:
            break
        try:
            return load_index(folder, document, cards)
        except IndexError_ as again:
            problem = again
    reason = _rebuild_reason(folder, problem)
    log.warning("rebuilding the index because %s (this takes a minute or so)", reason)
    built = build_index(document, [get_embedder(name) for name in EMBEDDER_NAMES], progress, [folder])
    save_index(built, folder)
    return load_index(folder, document, cards)  # answer from what is on disk, as next time


def _why(problem: IndexError_) -> str:
    """``problem``'s message without its fix (a warning goes on to say what jmqa does)."""
    return str(problem).removesuffix(problem.fix).strip().rstrip(".")


def _rebuild_reason(folder: Path, problem: IndexError_) -> str:
    """Why the index in ``folder`` must be rebuilt; raises if jmqa may not write there."""
    reason = _why(problem)
    try:
        check_index_folder(folder)
    except IndexFolderError as refused:
        raise IndexFolderError(f"the index needs rebuilding ({reason}), but {refused}") from problem
    return reason


def _graph_path(query_model: QueryModel | None) -> Path | None:
    return query_model.graph if query_model and isinstance(query_model.graph, Path) else None


def _resolve(
    statement: StatementLike, index_dir: str | os.PathLike[str] | None
) -> tuple[Document, Path, StatementRef, Glossary | None]:
    from jmqa.store import resolve  # the library reads $JMQA_HOME only when asked to

    document, own_dir, ref, glossary = resolve(statement, default_index_dir())
    folder = index_dir if index_dir is not None else own_dir
    if folder is None:
        raise InvalidArgumentError(
            f"{document.title!r} is not in the statement library: add it with `jmqa add FILE`, "
            "or pass index_dir= to keep its index elsewhere."
        )
    return document, Path(folder), ref, glossary


class QA:
    """Search and answer questions over one statement. Thread-safe for concurrent readers."""

    def __init__(
        self,
        document: Document,
        index: Index,
        embedders: dict,
        glossary: Glossary | None = None,
        *,
        statement: StatementRef | None = None,
    ) -> None:
        self.document = document
        # Stamped on every hit and quote, so results from several statements say whose they are.
        self.statement = statement or ref_of(document)
        self.index = index
        self.lexicon = Lexicon(document, glossary)  # None: the shipped glossary
        self.analyzer = Analyzer(document, index.entities, known=self.lexicon.glossary.english_words())
        self.retriever = Retriever(document, index, embedders, self.lexicon)
        # The "default" retriever, with the weights fitted for a statement with a glossary or without.
        self.default = default_config(bool(self.lexicon.glossary.entries))
        self.answerer = Answerer(
            document, self.lexicon, Calibration.load(), index.entities, self.analyzer.facts
        )

    @property
    def paragraph_count(self) -> int:
        return len(self.document.paragraphs)

    def remembering(self, size: int = 1 << 20) -> QA:
        """The same pipeline, its encoders remembering the vectors of the last ``size`` texts they
        embedded (:class:`jmqa.embedders.RememberedQueries`): for reading thousands of questions
        several ways, as eval/tune.py does. A model gives a text the same vector in any batch, so
        the answers are the same."""
        remembered = {name: RememberedQueries(e, size=size) for name, e in self.retriever.embedders.items()}
        return QA(self.document, self.index, remembered, self.lexicon.glossary, statement=self.statement)

    def _config(self, retriever: str | RetrieverConfig) -> RetrieverConfig:
        config = config_named(retriever)
        return self.default if config is CONFIGS["default"] else config

    def _check_k(self, k: object) -> int:
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= self.paragraph_count:
            raise InvalidArgumentError(
                f"k must be a whole number from 1 to {self.paragraph_count} "
                f"(the statement has {self.paragraph_count} paragraphs), not {k!r}"
            )
        return k

    def analyze(self, question: str) -> QuestionAnalysis:
        """What jmqa reads in ``question`` (raises :class:`jmqa.InvalidQuestionError`)."""
        return self.analyzer.analyze(question)

    def signals(self, questions: Sequence[str]) -> list[Signals]:
        """Questions' retrieval signals (raises :class:`jmqa.InvalidQuestionError`)."""
        return self.retriever.signals([self.analyzer.analyze(q) for q in question_list(questions)])

    def search(self, question: str, k: int = 5, retriever: str | RetrieverConfig = "default") -> list[Hit]:
        """The ``k`` most relevant paragraphs for ``question``, best first."""
        return self.search_many([question], k, retriever)[0]

    def search_many(
        self, questions: Sequence[str], k: int = 5, retriever: str | RetrieverConfig = "default"
    ) -> list[list[Hit]]:
        """:meth:`search` for a batch of questions; the models run once per batch."""
        k, config = self._check_k(k), self._config(retriever)
        return [
            [replace(h, statement=self.statement) for h in self._ranked(s, config, self._asked_for(s.analysis))[:k]]
            for s in self.signals(questions)
        ]

    def ask(self, question: str, retriever: str | RetrieverConfig = "default") -> Answer:
        """Quote the paragraphs that answer ``question``, or say the statement does not."""
        return self.ask_many([question], retriever)[0]

    def ask_many(
        self, questions: Sequence[str], retriever: str | RetrieverConfig = "default"
    ) -> list[Answer]:
        """:meth:`ask` for a batch of questions, to the last digit; the models run once per batch."""
        config = self._config(retriever)
        # All of it on the models' thread, not only their passes: a question's Python work then
        # runs where the passes do, and the thread is handed work once, not once per pass.
        # Timed alternately, a fresh process each, over the 719 eval questions: warm p50
        # 17.7-18.0 -> 16.2-16.7 ms, p95 37.2-39.1 -> 34.1-35.2 ms.
        return _threads.on_model_thread(self._answers, questions, config)

    def _answers(self, questions: Sequence[str], config: RetrieverConfig) -> list[Answer]:
        return [self.stamped(self.answer_signals(s, config)[1]) for s in self.signals(questions)]

    def stamped(self, answer: Answer) -> Answer:
        """``answer`` with each quote naming this statement."""
        return replace(answer, quotes=tuple(replace(q, statement=self.statement) for q in answer.quotes))

    def answer_signals(self, signals: Signals, config: RetrieverConfig) -> tuple[list[Hit], Answer]:
        """Every paragraph ranked under ``config``, and the answer quoting the best of them."""
        cited = signals.analysis.paragraphs
        if cited:
            return self._answer_cited(signals, config, cited)
        analysis, dated_sentences = signals.analysis, self.document.dated_sentences
        # Who made it is told by the sentence that writes its date ("On <date>, in <place>, <the
        # two leaders> held ..."); a statement without one is searched as any question.
        if (analysis.when_made and self.document.date is not None) or (analysis.who_made and dated_sentences):
            dated = tuple(dict.fromkeys(key for key, _ in dated_sentences))
            hits = self._ranked(signals, config, dated)
            return hits, self.answerer.when_made(signals, self.retriever.fused(signals, self.default))
        if analysis.about_document:
            return self._ranked(signals, config, ()), self.answerer.about_document(signals)
        section = self._whole_section(signals.analysis)
        hits = self._ranked(signals, config, section)
        evidence = self.retriever.fused(signals, self.default)
        if section:
            return hits, self.answerer.cite(signals, evidence, hits, section, asks_more=False)
        answer = self._with_topics(signals, config, self.answerer.answer(signals, evidence, hits))
        return hits, self._with_mentions(signals, answer, evidence)

    def _with_mentions(self, signals: Signals, answer: Answer, evidence: np.ndarray) -> Answer:
        """``answer`` with the passages, not quoted, that also use a rare phrase the question
        shares with the first quote ("South China Sea", quoted from ¶22, is in ¶8 too): a topic
        the statement takes up twice is often quoted from one place only. A question that asks
        for all the statement says of it (QuestionAnalysis.broad: "What does it say about the
        South China Sea?") gets them quoted, up to ``max_quotes`` in all; the rest are named."""
        if not answer.found:
            return answer
        quotes = list(answer.quotes)
        quoted = {q.paragraph for q in quotes}
        mentions = []
        for phrase, passages in self.lexicon.mentions(signals.question, answer.quotes[0].paragraph):
            if signals.analysis.broad:
                for passage in passages:
                    if passage not in quoted and len(quotes) < self.answerer.calibration.max_quotes:
                        quotes.append(self.answerer.quote_mention(passage, phrase, evidence))
                        quoted.add(passage)
            others = tuple(p for p in passages if p not in quoted)[:MAX_MENTIONED]
            if others:
                mentions.append(Mention(phrase, others))
        if len(quotes) == len(answer.quotes) and not mentions:
            return answer
        return replace(answer, quotes=tuple(quotes), mentions=tuple(mentions))

    def _with_topics(self, signals: Signals, config: RetrieverConfig, answer: Answer) -> Answer:
        """For a question that joins topics ("palm oil and semiconductors") or asks two questions,
        each topic or question that the statement answers in a paragraph not yet quoted adds that
        paragraph, after the others: one topic's best paragraph would otherwise crowd out the
        other's. Two questions are answered in the order asked: each one's best paragraph first,
        where the message as a whole quoted it, each searched with the topic named before them.
        A message of two questions refused as a whole is answered when each question is
        answered on its own: what one asks for ("how much ...?") is no answer the other's
        paragraph must hold; not when the message takes a deed as done (QuestionAnalysis.given),
        which its questions apart no longer say ("Since they signed X, when ... and what ...?")."""
        analysis = signals.analysis
        parts = analysis.questions or analysis.topics
        if len(parts) < 2 or (not answer.found and (not analysis.questions or analysis.given)):
            return answer
        asked_apart = [self.analyzer.analyze(p) for p in parts]
        if topic := analysis.questions_topic:  # each question asks about the topic named before them
            asked_apart = [replace(a, searched=f"{a.searched} {topic}") for a in asked_apart]
        own_answers = [
            self.answerer.answer(part, self.retriever.fused(part, self.default), self._ranked(part, config, ()))
            for part in self.retriever.signals(asked_apart)
        ]
        if not answer.found:
            if not all(own.found for own in own_answers):
                return answer
            answer = replace(
                own_answers[0], question=answer.question, confidence=min(own.confidence for own in own_answers)
            )
        quoted = {q.paragraph for q in answer.quotes}
        extra = []
        for own in own_answers:
            if own.found and own.quotes[0].paragraph not in quoted:
                extra.append(own.quotes[0])
                quoted.add(own.quotes[0].paragraph)
        quotes = answer.quotes + tuple(extra)
        if analysis.questions:
            # Two questions are answered in the order asked: each one's best paragraph first, if
            # the message as a whole quoted it too, not a paragraph that is second best for both
            # ("what group did they set up, and what is the alliance about?"). One asked apart
            # that the whole did not quote stays after (a slip read alone misleads more).
            whole = {q.paragraph for q in answer.quotes}
            firsts = [own.quotes[0].paragraph for own in own_answers if own.found and own.quotes[0].paragraph in whole]
            order = {n: i for i, n in enumerate(dict.fromkeys(firsts))}
            quotes = tuple(sorted(quotes, key=lambda q: order.get(q.paragraph, len(order))))  # stable
        return replace(answer, quotes=quotes)

    def _answer_cited(
        self, signals: Signals, config: RetrieverConfig, cited: tuple[int, ...]
    ) -> tuple[list[Hit], Answer]:
        # "How much does ¶14 say Japan gave?": judge and mark ¶14 on what is asked of it, without
        # the reference ("14" is no figure the statement gives).
        rest = signals.analysis.remainder
        asks_more = bool(set(self.lexicon.content_terms(rest)) - _READING_TERMS)
        judged = self.retriever.signals([self.analyzer.analyze(rest)])[0] if asks_more else signals
        hits = self._ranked(judged, config, cited)
        evidence = self.retriever.fused(judged, self.default)
        answer = self.answerer.cite(judged, evidence, hits, cited, asks_more)
        return hits, replace(answer, question=signals.analysis.text)

    def _ranked(self, signals: Signals, config: RetrieverConfig, first: tuple[int, ...]) -> list[Hit]:
        """Every passage, best first, except that ``first`` (asked for by the question) leads,
        in its own order."""
        hits = self.retriever.rank(signals, config, len(self.document.passages))
        first = first or self._section_lead(signals.analysis, hits)
        order = {n: i for i, n in enumerate(first)}
        return sorted(hits, key=lambda h: order.get(h.paragraph, len(order)))  # stable: rank order else

    def _asked_for(self, analysis: QuestionAnalysis) -> tuple[int, ...]:
        """The paragraphs the question asks for by number ("¶9 and ¶2") or as a whole section."""
        return analysis.paragraphs or self._whole_section(analysis)

    def _named_sections(self, analysis: QuestionAnalysis) -> list[tuple[str, list[Paragraph]]]:
        """The sections the question names ("the security section"), as (heading, paragraphs)."""
        return [self.document.sections[i] for i in analysis.sections]

    def _section_lead(self, analysis: QuestionAnalysis, hits: list[Hit]) -> tuple[int, ...]:
        """For a question that asks something of a section ("How does the final section sum
        up...?"), the best-ranked paragraph of that section: the person said where to look."""
        named = {p.number for _, paragraphs in self._named_sections(analysis) for p in paragraphs}
        return next(((h.paragraph,) for h in hits if h.paragraph in named), ())

    def _whole_section(self, analysis: QuestionAnalysis) -> tuple[int, ...]:
        """The paragraphs of the sections the question asks for whole ("Summarise the security
        section"); none when it asks something of them ("What does the security section say
        about coast guards?"), which is answered like any question: its words lead there."""
        groups = self._named_sections(analysis)
        named = " ".join(heading for heading, _ in groups) + " " + _SECTION_FRAMING
        if not groups or set(self.lexicon.content_terms(analysis.normalized)) - set(tokenize(named)):
            return ()
        return tuple(p.number for _, paragraphs in groups for p in paragraphs)
