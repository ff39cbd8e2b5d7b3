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

from jmqa.answer import Answer, Answerer, Calibration
from jmqa.document import Document, Paragraph, load_statement
from jmqa.embedders import EMBEDDER_NAMES, Embedder, get_embedder
from jmqa.errors import IndexError_, InvalidArgumentError
from jmqa.index import Index, Progress, build_index, load_index, save_index
from jmqa.lexical import Lexicon, tokenize
from jmqa.question import cited_paragraphs, clean_question, named_sections, without_references
from jmqa.retrieval import CONFIGS, Hit, Retriever, RetrieverConfig, Signals
from jmqa.statement import StatementRef, ref_of

log = logging.getLogger("jmqa")
# A library id, the path of a statement's text, a parsed statement, or None for the shipped one.
StatementLike = str | os.PathLike[str] | Document | None
# Words that only say which section and that a summary is wanted, not what to look for in it.
_SECTION_FRAMING = (
    "section sections heading summarise summarize summary overview outline cover covers "
    "opening first introductory introduction closing last final concluding"
)


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
) -> Index:
    """(Re)build the index of ``statement`` (default: the shipped one) into ``index_dir``
    (default: the statement's own index folder) and return it."""
    document, folder, _ = _resolve(statement, index_dir)
    embedders = [get_embedder(name) for name in EMBEDDER_NAMES]
    index = build_index(document, embedders, progress)
    save_index(index, folder)
    return index


def load(
    index_dir: str | os.PathLike[str] | None = None,
    *,
    statement: StatementLike = None,
    build_if_needed: bool = True,
    progress: Progress | None = None,
    embedders: Mapping[str, Embedder] | None = None,
) -> QA:
    """Load a statement, the models and its index.

    ``statement`` is a library id (``jmqa list``), the path of a statement's text, or a parsed
    :class:`Document`; the default is the shipped statement. ``index_dir`` defaults to the
    statement's own index folder (for the shipped one, :func:`default_index_dir`).

    A missing, stale or corrupt index is rebuilt when ``build_if_needed`` (the default), and
    otherwise raised as :class:`jmqa.IndexMissingError`, :class:`jmqa.IndexStaleError` or
    :class:`jmqa.IndexCorruptError`, whose message says which command fixes it. ``embedders``
    (default: the installed models) lets several statements share one set of models.
    """
    document, folder, ref = _resolve(statement, index_dir)
    embedders = dict(embedders or {name: get_embedder(name) for name in EMBEDDER_NAMES})
    try:
        index = load_index(folder, document, list(embedders.values()))
    except IndexError_ as problem:
        if not build_if_needed:
            raise
        log.warning("%s Rebuilding it now.", str(problem).removesuffix(problem.fix).strip())
        index = build_index(document, list(embedders.values()), progress)
        save_index(index, folder)
    return QA(document, index, embedders, statement=ref)


def _resolve(
    statement: StatementLike, index_dir: str | os.PathLike[str] | None
) -> tuple[Document, Path, StatementRef]:
    from jmqa.store import resolve  # the library reads $JMQA_HOME only when asked to

    document, own_dir, ref = resolve(statement, default_index_dir())
    folder = index_dir if index_dir is not None else own_dir
    if folder is None:
        raise InvalidArgumentError(
            f"{document.title!r} is not in the statement library: add it with `jmqa add FILE`, "
            "or pass index_dir= to keep its index elsewhere."
        )
    return document, Path(folder), ref


class QA:
    """Search and answer questions over one statement. Thread-safe for concurrent readers."""

    def __init__(
        self, document: Document, index: Index, embedders: dict, statement: StatementRef | None = None
    ) -> None:
        self.document = document
        # Stamped on every hit and quote, so results from several statements say whose they are.
        self.statement = statement or ref_of(document)
        self.index = index
        self.lexicon = Lexicon(document)
        self.retriever = Retriever(document, index, embedders, self.lexicon)
        self.answerer = Answerer(document, self.lexicon, Calibration.load())

    @property
    def paragraph_count(self) -> int:
        return len(self.document.paragraphs)

    def _config(self, retriever: str | RetrieverConfig) -> RetrieverConfig:
        if isinstance(retriever, RetrieverConfig):
            return retriever
        if retriever not in CONFIGS:
            raise InvalidArgumentError(
                f"unknown retriever {retriever!r}; choose from {', '.join(CONFIGS)}"
            )
        return CONFIGS[retriever]

    def _check_k(self, k: object) -> int:
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= self.paragraph_count:
            raise InvalidArgumentError(
                f"k must be a whole number from 1 to {self.paragraph_count} "
                f"(the statement has {self.paragraph_count} paragraphs), not {k!r}"
            )
        return k

    def signals(self, questions: Sequence[str]) -> list[Signals]:
        """Cleaned questions' retrieval signals (raises :class:`jmqa.InvalidQuestionError`)."""
        return self.retriever.signals([clean_question(q) for q in questions])

    def search(self, question: str, k: int = 5, retriever: str | RetrieverConfig = "default") -> list[Hit]:
        """The ``k`` most relevant paragraphs for ``question``, best first."""
        return self.search_many([question], k, retriever)[0]

    def search_many(
        self, questions: Sequence[str], k: int = 5, retriever: str | RetrieverConfig = "default"
    ) -> list[list[Hit]]:
        """:meth:`search` for a batch of questions; the models run once per batch."""
        k, config = self._check_k(k), self._config(retriever)
        return [
            [replace(h, statement=self.statement) for h in self._ranked(s, config, self._asked_for(s.question))[:k]]
            for s in self.signals(questions)
        ]

    def ask(self, question: str, retriever: str | RetrieverConfig = "default") -> Answer:
        """Quote the paragraphs that answer ``question``, or say the statement does not."""
        return self.ask_many([question], retriever)[0]

    def ask_many(
        self, questions: Sequence[str], retriever: str | RetrieverConfig = "default"
    ) -> list[Answer]:
        config = self._config(retriever)
        return [self.stamped(self.answer_signals(s, config)[1]) for s in self.signals(questions)]

    def stamped(self, answer: Answer) -> Answer:
        """``answer`` with each quote naming this statement."""
        return replace(answer, quotes=tuple(replace(q, statement=self.statement) for q in answer.quotes))

    def answer_signals(self, signals: Signals, config: RetrieverConfig) -> tuple[list[Hit], Answer]:
        """Every paragraph ranked under ``config``, and the answer quoting the best of them."""
        cited = cited_paragraphs(signals.question, self.paragraph_count)
        if cited:
            return self._answer_cited(signals, config, cited)
        section = self._whole_section(signals.question)
        hits = self._ranked(signals, config, section)
        evidence = self.retriever.fused(signals, CONFIGS["default"])
        if section:
            return hits, self.answerer.cite(signals, evidence, hits, section, asks_more=False)
        return hits, self.answerer.answer(signals, evidence, hits)

    def _answer_cited(
        self, signals: Signals, config: RetrieverConfig, cited: tuple[int, ...]
    ) -> tuple[list[Hit], Answer]:
        # "How much does ¶14 say Japan gave?": judge and mark ¶14 on what is asked of it, without
        # the reference ("14" is no figure the statement gives).
        rest = without_references(signals.question)
        asks_more = bool(self.lexicon.content_terms(rest))
        judged = self.retriever.signals([rest])[0] if asks_more else signals
        hits = self._ranked(judged, config, cited)
        evidence = self.retriever.fused(judged, CONFIGS["default"])
        answer = self.answerer.cite(judged, evidence, hits, cited, asks_more)
        return hits, replace(answer, question=signals.question)

    def _ranked(self, signals: Signals, config: RetrieverConfig, first: tuple[int, ...]) -> list[Hit]:
        """Every paragraph, best first, except that ``first`` (asked for by the question) leads,
        in its own order."""
        hits = self.retriever.rank(signals, config, self.paragraph_count)
        first = first or self._section_lead(signals.question, hits)
        order = {n: i for i, n in enumerate(first)}
        return sorted(hits, key=lambda h: order.get(h.paragraph, len(order)))  # stable: rank order else

    def _asked_for(self, question: str) -> tuple[int, ...]:
        """The paragraphs ``question`` asks for by number ("¶9 and ¶2") or as a whole section."""
        return cited_paragraphs(question, self.paragraph_count) or self._whole_section(question)

    def _named_sections(self, question: str) -> list[tuple[str, list[Paragraph]]]:
        """The sections ``question`` names ("the security section"), as (heading, paragraphs)."""
        headings = [heading for heading, _ in self.document.sections]
        return [self.document.sections[i] for i in named_sections(question, headings)]

    def _section_lead(self, question: str, hits: list[Hit]) -> tuple[int, ...]:
        """For a question that asks something of a section ("How does the final section sum
        up...?"), the best-ranked paragraph of that section: the person said where to look."""
        named = {p.number for _, paragraphs in self._named_sections(question) for p in paragraphs}
        return next(((h.paragraph,) for h in hits if h.paragraph in named), ())

    def _whole_section(self, question: str) -> tuple[int, ...]:
        """The paragraphs of the sections ``question`` asks for whole ("Summarise the security
        section"); none when it asks something of them ("What does the security section say
        about coast guards?"), which is answered like any question: its words lead there."""
        groups = self._named_sections(question)
        named = " ".join(heading for heading, _ in groups) + " " + _SECTION_FRAMING
        if not groups or set(self.lexicon.content_terms(question)) - set(tokenize(named)):
            return ()
        return tuple(p.number for _, paragraphs in groups for p in paragraphs)
