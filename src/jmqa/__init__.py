"""jmqa: grounded, quoting question answering over numbered joint statements (the Japan-Malaysia
Joint Statement of 10 June 2026 ships as the default; ``jmqa add`` adds others).

    >>> import jmqa
    >>> qa = jmqa.load()
    >>> [h.paragraph for h in qa.search("Is there money for disaster recovery?", k=3)]
    [18, ...]
    >>> ans = qa.ask("Who is visiting whom, and how many visitors were there in 2025?")
    >>> ans.quotes[0].paragraph, ans.quotes[0].highlighted
    (21, ['Both leaders were pleased with exchange of two-way visitors reaching approximately 1.05 million in 2025.'])
"""

from jmqa import (
    _offline,  # noqa: F401  (must run before any model library is imported)
    _threads,  # noqa: F401  (likewise: OpenMP reads it once, when first loaded)
)

# isort: split
# (so that no sorting of the imports below ever puts one before _offline and _threads)
import logging

from jmqa.answer import (
    ABOUT_DOCUMENT,
    CAUTION,
    NO_ADVICE,
    NOT_ADDRESSED,
    NOT_AFTERWARDS,
    NOT_SAID,
    Answer,
    Mention,
    Quote,
)
from jmqa.document import Document, Paragraph, Span, load_statement
from jmqa.errors import (
    DataFileMissingError,
    DocumentParseError,
    IndexCorruptError,
    IndexFolderError,
    IndexMissingError,
    IndexStaleError,
    InvalidArgumentError,
    InvalidQuestionError,
    JmqaError,
    LibraryError,
    ModelNotInstalledError,
    UnknownStatementError,
)
from jmqa.library import Library
from jmqa.parser import parse
from jmqa.qa import QA, build, default_index_dir, load
from jmqa.question import MAX_QUESTION_CHARS
from jmqa.retrieval import CONFIGS, Hit
from jmqa.statement import StatementRef
from jmqa.store import default_home

__version__ = "0.1.0"

__all__ = [
    "ABOUT_DOCUMENT", "CAUTION", "CONFIGS", "MAX_QUESTION_CHARS", "NO_ADVICE", "NOT_ADDRESSED",
    "NOT_AFTERWARDS", "NOT_SAID", "QA", "Answer",
    "DataFileMissingError", "Document", "DocumentParseError", "Hit", "IndexCorruptError",
    "IndexFolderError", "IndexMissingError", "IndexStaleError", "InvalidArgumentError",
    "InvalidQuestionError", "JmqaError", "Library", "LibraryError", "Mention", "ModelNotInstalledError",
    "Paragraph", "Quote", "Span", "StatementRef", "UnknownStatementError", "__version__", "build",
    "default_home", "default_index_dir", "load", "load_statement", "parse",
]

logging.getLogger("jmqa").addHandler(logging.NullHandler())
