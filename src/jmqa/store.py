"""The statement library on disk: every added statement with its text, parsed form and index.

Layout under ``$JMQA_HOME`` (default ``~/.local/share/jmqa``)::

    statements/<sha256[:16]>/statement.txt     the text as added (its hash names the folder)
    statements/<sha256[:16]>/statement.json    its parsed form: id, title, date, counts, ...
    statements/<sha256[:16]>/index/            its own index (see jmqa.index)
    statements/<sha256[:16]>/statement.glossary.tsv   its own glossary, if it came with one
    statements/<sha256[:16]>/statement.examples.json  its example questions, if it came with some

The shipped statement is always there without a folder: its text lives in the package and its
index where :func:`jmqa.qa.default_index_dir` says. A statement is added by writing everything
into a ``.tmp-add-*`` folder and renaming it into place, so a crash leaves either no trace in the
library or the whole statement; ``statement.json`` is what makes a folder a statement, so a
removal deletes it first. jmqa deletes only the files it wrote.

Example::

    >>> store = Store()                                    # doctest: +SKIP
    >>> [e.ref.id for e in store.entries()]                # doctest: +SKIP
    ['japan-malaysia-joint-statement-2026-06-10']
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jmqa.document import STATEMENT_FILE, Document, corpus_sha256, load_statement
from jmqa.errors import InvalidArgumentError, LibraryError, UnknownStatementError
from jmqa.glossary import Glossary
from jmqa.index import MANIFEST, Progress
from jmqa.parser import parse
from jmqa.question import MAX_QUESTION_CHARS
from jmqa.statement import ID_PATTERN, StatementRef, ref_of

FORMAT_VERSION = 1
TEXT = "statement.txt"
META = "statement.json"
INDEX = "index"
# An optional profile beside a statement: the example questions the UI offers for it. `jmqa add
# FILE.txt` copies FILE.examples.json when there is one; the shipped one lives in the package.
EXAMPLES = "statement.examples.json"
EXAMPLES_SUFFIX = ".examples.json"
# Another: its own glossary (the format of data/glossary.tsv), FILE.glossary.tsv beside FILE.txt
# or `jmqa add --glossary PATH`. Its hash is kept in statement.json and checked on every read.
GLOSSARY = "statement.glossary.tsv"
GLOSSARY_SUFFIX = ".glossary.tsv"
_TMP_PREFIX = ".tmp-add-"
_STALE_TMP_SECONDS = 3600  # an add folder this old was left by a crash, not a running add


def default_home() -> Path:
    """``$JMQA_HOME``, else ``~/.local/share/jmqa``."""
    return Path(os.environ.get("JMQA_HOME") or Path.home() / ".local" / "share" / "jmqa")


@dataclass(frozen=True)
class Entry:
    """One statement of the library. ``folder`` is ``None`` for the shipped statement."""

    ref: StatementRef
    paragraphs: int
    folder: Path | None

    @property
    def shipped(self) -> bool:
        return self.folder is None

    def to_json(self) -> dict:
        return {**self.ref.to_json(), "paragraphs": self.paragraphs}


@dataclass(frozen=True)
class Examples:
    """Example questions for one statement, and the label the UI shows above them."""

    label: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class Added:
    """What :meth:`Store.add` did: ``added`` is False when the text was already there."""

    entry: Entry
    document: Document
    added: bool


class Store:
    """The statements under ``home``; reading never writes, and every write is atomic."""

    def __init__(self, home: str | os.PathLike[str] | None = None) -> None:
        self.home = Path(home) if home is not None else default_home()
        self.folder = self.home / "statements"

    # --- reading ------------------------------------------------------------------------------

    def shipped(self) -> Entry:
        document = load_statement()
        return Entry(ref_of(document), len(document.paragraphs), None)

    def entries(self) -> list[Entry]:
        """The shipped statement first, then the added ones by id."""
        added = []
        if self.folder.is_dir():
            for folder in self.folder.iterdir():
                if folder.name.startswith(".") or not (folder / META).is_file():
                    continue  # an add in progress, or a folder a removal has already emptied
                added.append(self._entry(folder))
        return [self.shipped(), *sorted(added, key=lambda e: e.ref.id)]

    def get(self, statement_id: str) -> Entry:
        for entry in self.entries():
            if entry.ref.id == statement_id:
                return entry
        known = ", ".join(e.ref.id for e in self.entries())
        raise UnknownStatementError(
            f"no statement with id {statement_id!r} in the library at {self.home} "
            f"(it has: {known}). Add one with `jmqa add FILE`."
        )

    def document(self, entry: Entry) -> Document:
        """The parsed statement of ``entry``, checked against the hash that names its folder."""
        if entry.folder is None:
            return load_statement()
        text = (entry.folder / TEXT).read_text(encoding="utf-8")
        document = parse(text, source=str(entry.folder / TEXT))
        if not document.sha256.startswith(entry.folder.name):
            raise LibraryError(
                f"{entry.folder / TEXT} was changed after it was added. Run `jmqa remove "
                f"{entry.ref.id}` and add the statement again."
            )
        return document

    def examples(self, entry: Entry) -> Examples | None:
        """The example questions of ``entry``'s profile, or ``None`` when it has none."""
        if entry.folder is None:
            shipped = resources.files("jmqa").joinpath("data").joinpath(Path(STATEMENT_FILE).stem + EXAMPLES_SUFFIX)
            return _examples(shipped.read_text(encoding="utf-8")) if shipped.is_file() else None
        path = entry.folder / EXAMPLES
        return _examples(path.read_text(encoding="utf-8")) if path.is_file() else None

    def glossary(self, entry: Entry) -> Glossary | None:
        """``entry``'s own glossary: ``None`` for the shipped statement (it uses the shipped one),
        an empty one for an added statement that came without a glossary file."""
        if entry.folder is None:
            return None
        recorded = self._meta(entry.folder).get("glossary")
        if not isinstance(recorded, dict):
            return Glossary(())
        path = entry.folder / GLOSSARY
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise LibraryError(
                f"{path} is unreadable ({exc}). Run `jmqa remove {entry.ref.id}` and add the "
                "statement again."
            ) from exc
        if corpus_sha256(text) != recorded.get("sha256"):
            raise LibraryError(
                f"{path} was changed after it was added. Run `jmqa remove {entry.ref.id}` and add "
                "the statement again with the glossary you want."
            )
        return Glossary.parse(text, str(path))

    def index_dir(self, entry: Entry) -> Path | None:
        """Where ``entry``'s index lives (``None``: the shipped statement's default place)."""
        return None if entry.folder is None else entry.folder / INDEX

    def _meta(self, folder: Path) -> dict:
        try:
            meta = json.loads((folder / META).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LibraryError(f"{folder / META} is unreadable ({exc}). Remove that folder by hand.") from exc
        if not isinstance(meta, dict):
            raise LibraryError(f"{folder / META} is not a statement's parsed form. Remove that folder by hand.")
        return meta

    def _entry(self, folder: Path) -> Entry:
        meta = self._meta(folder)
        try:
            date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
            ref = StatementRef(meta["id"], meta["title"], date)
            return Entry(ref, int(meta["paragraphs"]), folder)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise LibraryError(f"{folder / META} is unreadable ({exc}). Remove that folder by hand.") from exc

    def _by_hash(self, sha256: str) -> Entry | None:
        if sha256 == load_statement().sha256:
            return self.shipped()
        folder = self.folder / sha256[:16]
        return self._entry(folder) if (folder / META).is_file() else None

    # --- writing ------------------------------------------------------------------------------

    def add(
        self,
        path: str | os.PathLike[str],
        statement_id: str | None = None,
        progress: Progress | None = None,
        glossary: str | os.PathLike[str] | None = None,
        known_indexes: Sequence[Path] = (),
    ) -> Added:
        """Parse, check and index the statement in ``path`` and put it in the library, with its
        glossary: the file ``glossary``, else ``FILE.glossary.tsv`` beside it if there is one.
        ``known_indexes`` (the shipped statement's index, say), with the library's own, spare the
        check of a query encoder one of them already holds (see :func:`jmqa.index.build_index`).

        The same text twice is a no-op (``added`` False). A file that does not parse raises
        :class:`DocumentParseError` naming its line; a bad glossary, or a taken or malformed id,
        raises :class:`InvalidArgumentError`. Either way nothing is written.
        """
        text, document = _read_statement(Path(path))
        profile = _read_profile(Path(path).with_suffix(EXAMPLES_SUFFIX))
        source = glossary_file(path, glossary)
        glossary_text = _read_glossary(source) if source is not None else None
        existing = self._by_hash(document.sha256)
        if existing is not None:
            if glossary_text is not None and existing.shipped:
                raise InvalidArgumentError(
                    f"this is the shipped statement ({existing.ref.id!r}); it uses the shipped glossary"
                )
            if glossary_text is not None and self._glossary_text(existing) != glossary_text:
                raise InvalidArgumentError(
                    f"this text is already in the library as {existing.ref.id!r}, with another "
                    f"glossary; to change its glossary, `jmqa remove {existing.ref.id}` and add it again."
                )
            return Added(existing, document, added=False)
        ref = ref_of(document, statement_id)
        self._check_new_id(ref.id)
        from jmqa.embedders import EMBEDDER_NAMES, get_embedder  # the models: only when adding
        from jmqa.index import build_index, save_index

        known = [*known_indexes, *(f for e in self.entries() if (f := self.index_dir(e)) is not None)]
        index = build_index(document, [get_embedder(n) for n in EMBEDDER_NAMES], progress, known)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._sweep_stale_adds()
        staging = Path(tempfile.mkdtemp(prefix=_TMP_PREFIX, dir=self.folder))
        try:
            _write(staging / TEXT, text)
            if profile is not None:
                _write(staging / EXAMPLES, profile)
            if glossary_text is not None:
                _write(staging / GLOSSARY, glossary_text)
            save_index(index, staging / INDEX, known)
            form = _parsed_form(document, ref, glossary_text)
            _write(staging / META, json.dumps(form, ensure_ascii=False, indent=2) + "\n")
            with self._lock():
                raced = self._by_hash(document.sha256)
                if raced is not None:  # another add of the same text finished first
                    return Added(raced, document, added=False)
                self._check_new_id(ref.id)
                final = self.folder / document.sha256[:16]
                if final.exists():  # a removal that crashed half-way: finish it
                    _delete_written(final)
                os.rename(staging, final)
                _fsync_dir(self.folder)
        finally:
            if staging.exists():
                _delete_written(staging)
        return Added(self._entry(final), document, added=True)

    def _glossary_text(self, entry: Entry) -> str | None:
        """The glossary file ``entry`` was added with, as written (``None``: it has none)."""
        path = entry.folder / GLOSSARY if entry.folder is not None else None
        return path.read_text(encoding="utf-8") if path is not None and path.is_file() else None

    def remove(self, statement_id: str) -> Entry:
        """Take ``statement_id`` out of the library, deleting only the files jmqa wrote."""
        entry = self.get(statement_id)
        if entry.folder is None:
            raise InvalidArgumentError(f"{statement_id!r} is the shipped statement; it cannot be removed.")
        with self._lock():
            (entry.folder / META).unlink()  # from here on the folder is no statement
            _fsync_dir(entry.folder)
            _delete_written(entry.folder)
        return entry

    def _check_new_id(self, statement_id: str) -> None:
        if not ID_PATTERN.match(statement_id):
            raise InvalidArgumentError(
                f"{statement_id!r} is not a usable id: use lower-case letters, digits and "
                "hyphens (at most 80), starting and ending with a letter or digit."
            )
        if any(e.ref.id == statement_id for e in self.entries()):
            raise InvalidArgumentError(
                f"the id {statement_id!r} is taken by another statement; choose one with --id, "
                f"or `jmqa remove {statement_id}` first."
            )

    def _sweep_stale_adds(self) -> None:
        """Delete what adds that crashed long ago left behind (only their own files)."""
        for folder in self.folder.glob(_TMP_PREFIX + "*"):
            with contextlib.suppress(OSError):  # another process may be sweeping it too
                if time.time() - folder.stat().st_mtime > _STALE_TMP_SECONDS:
                    _delete_written(folder)

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        """Serialise the check-then-rename of concurrent adds and removals."""
        self.home.mkdir(parents=True, exist_ok=True)
        with open(self.home / ".lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


def _read_text(path: Path) -> str:
    """A file the person named, as UTF-8 text, else :class:`InvalidArgumentError`."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidArgumentError(f"no file at {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidArgumentError(f"{path} is not a readable UTF-8 text file ({exc})") from None


def _read_statement(path: Path) -> tuple[str, Document]:
    text = _read_text(path)
    return text, parse(text, source=str(path))


def _read_profile(path: Path) -> str | None:
    """The text of the example questions beside a statement file, checked; ``None`` if absent."""
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
        _examples(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InvalidArgumentError(
            f"{path} is not a list of example questions ({exc}); expected "
            '{"label": "...", "questions": ["...", ...]}'
        ) from None
    return text


def glossary_file(path: str | os.PathLike[str], glossary: str | os.PathLike[str] | None = None) -> Path | None:
    """The glossary file that comes with the statement in ``path``: ``glossary`` if given, else
    ``FILE.glossary.tsv`` beside ``FILE.txt`` if there is one."""
    if glossary is not None:
        return Path(glossary)
    beside = Path(path).with_suffix(GLOSSARY_SUFFIX)
    return beside if beside.is_file() else None


def _read_glossary(path: Path) -> str:
    """The text of a statement's glossary file, checked (:meth:`Glossary.parse` names a bad line)."""
    text = _read_text(path)
    Glossary.parse(text, str(path))
    return text


def _examples(text: str) -> Examples:
    data = json.loads(text)
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list) or not all(isinstance(q, str) and 0 < len(q) <= MAX_QUESTION_CHARS for q in questions):
        raise ValueError(f"'questions' must be a list of questions of 1 to {MAX_QUESTION_CHARS} characters")
    return Examples(str(data.get("label") or "Example questions"), tuple(questions))


def _parsed_form(document: Document, ref: StatementRef, glossary: str | None = None) -> dict:
    """The small JSON kept beside the text: what ``jmqa list`` shows without parsing, and the
    hash of the glossary file the statement came with (``None``: none)."""
    return {
        "format": FORMAT_VERSION,
        **ref.to_json(),
        "subtitle": document.subtitle,
        "place": document.place,
        "paragraphs": len(document.paragraphs),
        "sections": [heading for heading, _ in document.sections],
        "preamble": [block.text for block in document.preamble],
        "closing": list(document.closing),
        "sha256": document.sha256,
        "glossary": None if glossary is None else {
            "file": GLOSSARY,
            "sha256": corpus_sha256(glossary),
            "entries": len(Glossary.parse(glossary).entries),
        },
        "added_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }


def _write(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:  # newline="": write it as read
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _delete_written(folder: Path) -> None:
    """Delete the files jmqa writes in a statement folder, then the folders if they are empty.
    Anything else someone put there stays (and so does its folder)."""
    index = folder / INDEX
    if index.is_dir():
        names = {MANIFEST, ".lock"}
        with contextlib.suppress(OSError, ValueError):
            names |= _files_named(json.loads((index / MANIFEST).read_text(encoding="utf-8")))
        for path in index.iterdir():
            if path.name in names or path.name.startswith(".tmp-"):
                path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            index.rmdir()
    for name in (TEXT, META, EXAMPLES, GLOSSARY):
        (folder / name).unlink(missing_ok=True)
    with contextlib.suppress(OSError):
        folder.rmdir()
    if folder.exists() and folder.name.startswith(_TMP_PREFIX):
        shutil.rmtree(folder, ignore_errors=True)  # our own staging folder: all of it is ours


def _files_named(manifest: object) -> set[str]:
    """Every ``"file"`` the index manifest lists, however deep (the index owns those files)."""
    if isinstance(manifest, dict):
        own = {manifest["file"]} if isinstance(manifest.get("file"), str) else set()
        return own.union(*(_files_named(v) for v in manifest.values()))
    if isinstance(manifest, list):
        return set().union(*(_files_named(v) for v in manifest))
    return set()



def resolve(
    statement: str | os.PathLike[str] | Document | None,
    shipped_index: Path,
    home: str | os.PathLike[str] | None = None,
) -> tuple[Document, Path | None, StatementRef, Glossary | None]:
    """The document, index folder, reference and glossary of ``statement``: a library id, the
    path of a statement's text, a parsed :class:`Document`, or ``None`` for the shipped one
    (whose index is ``shipped_index``, and whose glossary, ``None`` here, is the shipped one).
    A text not in the library has no index folder (``None``) and an empty glossary."""
    store = Store(home)
    if statement is None:
        return load_statement(), shipped_index, store.shipped().ref, None
    if isinstance(statement, Document):
        document = statement
    elif isinstance(statement, str) and ID_PATTERN.match(statement) and not Path(statement).is_file():
        entry = store.get(statement)
        return store.document(entry), store.index_dir(entry) or shipped_index, entry.ref, store.glossary(entry)
    else:
        _, document = _read_statement(Path(statement))
    entry = store._by_hash(document.sha256)
    if entry is None:
        return document, None, ref_of(document), Glossary(())
    return document, store.index_dir(entry) or shipped_index, entry.ref, store.glossary(entry)
