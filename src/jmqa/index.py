"""The on-disk vector index: one FAISS ``IndexFlatIP`` per model, plus a JSON manifest.

Every paragraph is embedded as *windows* (runs of whole sentences that fit the model's token
limit, so nothing is silently truncated: MiniLM reads 256 tokens, the longest paragraph has
~320) and as single *sentences*; so are the preamble and the closing block, when the statement
has them (``Document.passages``). The retriever aggregates unit scores per passage.

Persistence is small and inspectable (see ``index/README.md``): content-addressed ``.faiss`` and
``.units.json`` files and a ``manifest.json`` that is replaced last, atomically. A crash at any
point leaves either the old or the new index whole.

The index folder is jmqa's own (:func:`check_index_folder`): an index is written only into a
missing or empty folder, or one that already holds a jmqa index, and a save deletes only the
files the previous manifest listed. Any other folder is refused before anything is built. An
index sound but for its entity types or a model's query encoder is mended in place
(:func:`retag_index`, :func:`add_query_encoders`), its vectors kept.

Example::

    >>> from jmqa.document import load_statement
    >>> from jmqa.embedders import get_embedder
    >>> doc = load_statement()
    >>> models = [get_embedder("minilm"), get_embedder("e5")]
    >>> save_index(build_index(doc, models), "index")      # doctest: +SKIP
    >>> index = load_index("index", doc, models)            # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import functools
import hashlib
import importlib.metadata
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import faiss
import numpy as np

from jmqa import entities as entity_types
from jmqa.document import Document, Paragraph, PassageKey, Span
from jmqa.embedders import Embedder, file_sha256
from jmqa.entities import Entity
from jmqa.errors import (
    EntityTagsStaleError,
    IndexCorruptError,
    IndexFolderError,
    IndexMissingError,
    IndexStaleError,
    QueryEncoderMissingError,
)
from jmqa.lexical import find_acronyms

FORMAT_VERSION = 3  # 2: entity types of every sentence are stored with the vectors;
# 3: the preamble and closing block are indexed too (units of "preamble" and "closing")
MANIFEST = "manifest.json"
# The names jmqa writes into an index folder: the manifest, the content-addressed data files
# ("minilm-<16 hex>.faiss"), the lock, mkstemp's temporary files, and the README the source
# checkout ships in index/. A folder holding nothing else is jmqa's to write into.
_DATA_FILE = re.compile(r"[A-Za-z0-9_.+]+-[0-9a-f]{16}(?:\.faiss|\.units\.json|\.json|\.onnx|\.onnx-data)")
_TMP_FILE = re.compile(r"\.tmp-[A-Za-z0-9_]+")
_OWN_NAMES = frozenset({MANIFEST, "README.md", ".lock"})
# Keys only a jmqa manifest has together; "manifest.json" is a common name (web apps, browser
# extensions), so a manifest without them is someone else's.
_MANIFEST_KEYS = frozenset({"format", "models"})
_MAX_MANIFEST_BYTES = 1 << 20  # jmqa's is ~2 KB; never read a huge foreign file whole
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
# Manifest key, file suffix and QueryModel field of a query encoder's files.
_QUERY_MODEL_FILES = (("query_model", ".onnx", "graph"), ("query_weights", ".onnx-data", "weights"))
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Unit:
    """One indexed piece of a passage: a window of whole sentences, or one sentence."""

    paragraph: PassageKey
    kind: str  # "window" or "sentence"
    start: int
    end: int


@dataclass(frozen=True)
class QueryModel:
    """A query encoder saved with the index: an ONNX graph and the weights file it names.

    Kept apart so that onnxruntime maps the ~90 MB of weights instead of parsing and copying
    them: half the start-up time and memory. Bytes from build_index; verified paths from
    load_index (left on disk until used).
    """

    graph: bytes | Path
    weights: bytes | Path

    def read(self, part: str) -> bytes:
        data = getattr(self, part)
        return data.read_bytes() if isinstance(data, Path) else data

    @functools.cached_property
    def sha256(self) -> dict[str, str]:
        """Each part's SHA-256 ("graph", "weights"), hashed once however many indexes ask."""
        return {part: hashlib.sha256(self.read(part)).hexdigest() for part in ("graph", "weights")}


@dataclass(frozen=True, eq=False)
class ModelIndex:
    """The vectors of one model over all units, in the same order as ``units``."""

    name: str
    units: tuple[Unit, ...]
    vectors: faiss.Index
    info: dict = field(default_factory=dict)
    # The model's query encoder (MiniLM: see jmqa.onnx_export), when it has one.
    query_model: QueryModel | None = None

    def scores(self, query_vectors: np.ndarray) -> np.ndarray:
        """Cosine similarity of each query (rows) with every unit (columns), in unit order.

        A question's scores are the same in any batch, on any number of threads: summed by
        numpy's own loop (einsum), not by BLAS, which splits a product of many rows among its
        threads and rounds each score differently (in the 7th digit) by batch size and thread
        count. An eval or a refit then sees exactly what ``QA.ask`` sees, wherever it runs.
        """
        # A product with the ~100 stored vectors: a FAISS search would sort them, then be unsorted.
        return np.einsum("qd,ud->qu", np.ascontiguousarray(query_vectors, dtype=np.float32), self.matrix)

    @functools.cached_property
    def matrix(self) -> np.ndarray:
        """The stored vectors as a (units x dim) array, read out of FAISS once."""
        return self.vectors.reconstruct_n(0, self.vectors.ntotal)


@dataclass(frozen=True, eq=False)
class Index:
    """All models' vectors for one document, its sentences' entity types, and the manifest."""

    models: dict[str, ModelIndex]
    manifest: dict
    # (paragraph, sentence start) -> entities of that sentence (see jmqa.entities)
    entities: dict[tuple[int, int], tuple[Entity, ...]] = field(default_factory=dict)


def make_units(document: Document, embedder: Embedder) -> list[Unit]:
    """Windows and sentences of every passage, each within ``embedder.max_tokens``."""
    units: list[Unit] = []
    for paragraph in document.passages:
        for span in _windows(paragraph, embedder):
            units.append(Unit(paragraph.number, "window", span.start, span.end))
        for sentence in paragraph.sentences:
            for span in _fit(paragraph.text, sentence, embedder):
                units.append(Unit(paragraph.number, "sentence", span.start, span.end))
    return units


def _windows(paragraph: Paragraph, embedder: Embedder) -> list[Span]:
    """Greedy runs of whole sentences under the token limit, overlapping by one sentence."""
    text, budget = paragraph.text, embedder.max_tokens
    if embedder.count_tokens(text) <= budget:
        return [Span(0, len(text))]
    pieces = [p for s in paragraph.sentences for p in _fit(text, s, embedder)]
    windows: list[Span] = []
    first = 0
    while first < len(pieces):
        last = first
        while (
            last + 1 < len(pieces)
            and embedder.count_tokens(text[pieces[first].start : pieces[last + 1].end]) <= budget
        ):
            last += 1
        windows.append(Span(pieces[first].start, pieces[last].end))
        if last == len(pieces) - 1:
            break
        first = max(last, first + 1)  # overlap one sentence so no boundary is lost
    return windows


def _fit(text: str, span: Span, embedder: Embedder) -> list[Span]:
    """Split one over-long sentence at word boundaries; most sentences come back unchanged."""
    if embedder.count_tokens(text[span.start : span.end]) <= embedder.max_tokens:
        return [span]
    middle = text.rfind(" ", span.start, (span.start + span.end) // 2 + 1)
    if middle <= span.start:
        return [span]  # a single giant word: nothing better to do
    return _fit(text, Span(span.start, middle), embedder) + _fit(
        text, Span(middle + 1, span.end), embedder
    )


def build_index(
    document: Document,
    embedders: Sequence[Embedder],
    progress: Progress | None = None,
    known_indexes: Sequence[Path] = (),
) -> Index:
    """Embed every unit of ``document`` with each model. Nothing is written to disk.

    ``known_indexes``: folders of other jmqa indexes, whose query encoders need not be checked
    again if this one exports the same (see :func:`jmqa.onnx_export.export_and_verify`)."""
    models: dict[str, ModelIndex] = {}
    for embedder in embedders:
        units = make_units(document, embedder)
        texts = [document.paragraph(u.paragraph).text[u.start : u.end] for u in units]
        # Batches of similar length: a batch is padded to its longest text, and windows are
        # ten times longer than most sentences (sorting halves a 60-paragraph build).
        by_length = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        batches = [by_length[i : i + 32] for i in range(0, len(by_length), 32)]
        matrix = np.empty((len(texts), embedder.dim), dtype=np.float32)
        for done, batch in enumerate(batches, start=1):
            matrix[batch] = embedder.encode_passages([texts[i] for i in batch])
            if progress:
                progress(f"embedding with {embedder.name}", done, len(batches))
        flat = faiss.IndexFlatIP(embedder.dim)
        flat.add(matrix)
        info = {
            **embedder.fingerprint(),
            "dim": embedder.dim,
            "max_tokens": embedder.max_tokens,
            "windows": sum(u.kind == "window" for u in units),
            "sentences": sum(u.kind == "sentence" for u in units),
            "longest_unit_tokens": max(embedder.count_tokens(t) for t in texts),
        }
        query_model = None
        if getattr(embedder, "exports_query_model", False):
            query_model = embedder.export_query_model(texts, matrix, known_indexes)  # type: ignore[attr-defined]
        models[embedder.name] = ModelIndex(embedder.name, tuple(units), flat, info, query_model)
    tags = _tag(document, progress)
    manifest = {
        "format": FORMAT_VERSION,
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "corpus": {"sha256": document.sha256, "paragraphs": len(document.paragraphs),
                   "sentences": _sentences_sha256(document)},
        "models": {name: dict(m.info) for name, m in models.items()},
        "entities": entity_types.model_fingerprint(),
    }
    return Index(models, manifest, tags)


def _tag(document: Document, progress: Progress | None) -> dict[tuple[PassageKey, int], tuple[Entity, ...]]:
    if progress:
        progress("tagging entity types", 0, 1)
    acronyms = find_acronyms(" ".join(p.text for p in document.passages))
    tags = entity_types.tag_document(document, acronyms)
    if progress:
        progress("tagging entity types", 1, 1)
    return tags


# --- persistence ------------------------------------------------------------------------------


def save_index(
    index: Index, directory: str | os.PathLike[str], known_indexes: Sequence[Path] = ()
) -> Path:
    """Write ``index`` to ``directory`` atomically and return the manifest path.

    Raises :class:`IndexFolderError` (before writing anything) if the folder is not jmqa's or
    not writable. Deletes only the data files the previous manifest listed and this one does not.
    A query encoder's file that an index in ``known_indexes`` holds byte for byte is linked to
    (a hard link, where the file system allows one) rather than written again: every statement
    in a library holds the same 87 MB of MiniLM weights.
    """
    folder = check_index_folder(directory)
    manifest = json.loads(json.dumps(index.manifest))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _lock(folder):
            previous = _listed_files(_manifest_value(folder))
            for name, model in index.models.items():
                vectors = faiss.serialize_index(model.vectors).tobytes()
                units = json.dumps([asdict(u) for u in model.units]).encode()
                entry = manifest["models"][name]
                entry["vectors"] = _write_addressed(folder, name, ".faiss", vectors)
                entry["units"] = _write_addressed(folder, name, ".units.json", units)
                entry["count"] = model.vectors.ntotal
                _write_query_model(folder, name, entry, model.query_model, known_indexes)
            _write_tags(folder, manifest, index.entities)
            _replace_manifest(folder, manifest, previous)
    except OSError as exc:
        if exc.errno not in _NOT_WRITABLE:
            raise
        raise _read_only(folder, exc) from exc
    return folder / MANIFEST


def _write_query_model(
    folder: Path, name: str, entry: dict, query_model: QueryModel | None, known_indexes: Sequence[Path]
) -> None:
    """Write a model's query encoder files and list them in its manifest ``entry`` (or unlist
    them, when it has none)."""
    for key, suffix, part in _QUERY_MODEL_FILES:
        if query_model is not None:  # the graph names the weights by their hash
            entry[key] = _write_addressed(folder, name, suffix, query_model.read(part), known_indexes)
            if key == "query_model":  # what build_index checked it with
                entry[key]["checked_with"] = _query_runtime()
        else:
            entry.pop(key, None)


def add_query_encoders(
    directory: str | os.PathLike[str],
    document: Document,
    embedders: Sequence[Embedder],
    progress: Progress | None = None,
    known_indexes: Sequence[Path] = (),
) -> Path:
    """Export the query encoders that the index at ``directory`` lacks for ``embedders``' models,
    keeping its vectors and tags; return the manifest path.

    What an index built by an earlier jmqa needs (:class:`QueryEncoderMissingError`): each
    export is checked against the vectors the index holds, as a build checks it, and one that an
    index in ``known_indexes`` already holds is neither checked nor written again (a hard link).
    For e5 that takes seconds, where a rebuild embeds every passage with both models again, a
    minute or more for each statement of a library. The index must be of ``document`` and
    built with these models; the manifest is replaced atomically, and only files the old one
    listed and the new one does not are deleted.
    """
    folder = check_index_folder(directory)
    where = folder.resolve()
    with _mending(folder, document) as manifest:
        for embedder in embedders:
            entry = manifest["models"].get(embedder.name)
            if not getattr(embedder, "exports_query_model", False) or not entry:
                continue
            if all(k in entry for k, _, _ in _QUERY_MODEL_FILES):
                continue  # nothing missing
            _check_fingerprint(entry, embedder.fingerprint(), f"built with another {embedder.name} model", where)
            vectors, units = _read_model(folder, entry, embedder.name, where)
            texts = [document.paragraph(u.paragraph).text[u.start : u.end] for u in units]
            what = f"exporting {embedder.name}'s query encoder"
            if progress:
                progress(what, 0, 1)
            query_model = embedder.export_query_model(  # type: ignore[attr-defined]
                texts, vectors.reconstruct_n(0, vectors.ntotal), [folder, *known_indexes]
            )
            _write_query_model(folder, embedder.name, entry, query_model, known_indexes)
            if progress:
                progress(what, 1, 1)
    return folder / MANIFEST


def retag_index(directory: str | os.PathLike[str], document: Document, progress: Progress | None = None) -> Path:
    """Tag ``document``'s sentences again and store the tags in the index at ``directory``, keeping
    its vectors and query encoders as they are; return the manifest path.

    What an index whose only fault is its entity types needs (:class:`EntityTagsStaleError`: a
    new spaCy pipeline or tag correction). It takes seconds where a rebuild embeds every passage
    again, a minute or more for each statement of a library. The index must be of ``document``;
    the manifest is replaced atomically, and only the tags file it listed before is deleted.
    """
    folder = check_index_folder(directory)
    tags = _tag(document, progress)
    with _mending(folder, document) as manifest:
        manifest["entities"] = entity_types.model_fingerprint()
        _write_tags(folder, manifest, tags)
    return folder / MANIFEST


@contextlib.contextmanager
def _mending(folder: Path, document: Document) -> Iterator[dict]:
    """The manifest of the index at ``folder``, to change in a block that keeps its vectors, under
    the folder's lock; written back atomically when the block ends, then the files the old one
    listed and the new one does not are deleted. Raises unless the index is of ``document``."""
    try:
        with _lock(folder):
            manifest = read_manifest(folder)
            if manifest.get("corpus", {}).get("sha256") != document.sha256:
                raise IndexStaleError(f"the index at {folder.resolve()} is of another text. {IndexStaleError.fix}")
            previous = _listed_files(manifest)
            yield manifest
            _replace_manifest(folder, manifest, previous)
    except OSError as exc:
        if exc.errno not in _NOT_WRITABLE:
            raise
        raise _read_only(folder, exc) from exc


def _write_tags(folder: Path, manifest: dict, entities: dict[tuple[PassageKey, int], tuple[Entity, ...]]) -> None:
    """Write the entity tags, and list them in ``manifest``."""
    tags = json.dumps(entity_types.to_json(entities), ensure_ascii=False).encode()
    manifest.setdefault("entities", {})["tags"] = _write_addressed(folder, "entities", ".json", tags)


def _replace_manifest(folder: Path, manifest: dict, previous: set[str]) -> None:
    """Write ``manifest`` (atomically), then delete the files of ``previous`` (what the old
    manifest listed) that it does not list."""
    _atomic_write(folder / MANIFEST, json.dumps(manifest, indent=2).encode() + b"\n")
    for stale in sorted(previous - _listed_files(manifest)):
        (folder / stale).unlink(missing_ok=True)


def check_index_folder(directory: str | os.PathLike[str]) -> Path:
    """``directory`` as a Path if jmqa may write an index there, else :class:`IndexFolderError`.

    jmqa may write into a folder that does not exist yet, one that holds a jmqa manifest, or one
    that holds nothing but names jmqa writes (so an empty folder, and an index whose manifest is
    damaged, qualify). A folder holding anything else, or a ``manifest.json`` of another kind,
    is refused: jmqa never writes among, or deletes, files that are not its own. The folder (or
    its nearest existing parent) must also be writable.
    """
    folder = Path(directory)
    where = folder.resolve()
    try:
        if folder.exists() and not folder.is_dir():
            raise IndexFolderError(f"{where} is a file, not a folder. {IndexFolderError.fix}")
        if folder.is_dir():
            foreign = _foreign_entries(folder)
            if foreign:
                shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
                raise IndexFolderError(
                    f"{where} holds files that are not a jmqa index ({shown}); jmqa writes its "
                    f"index only into an empty folder or one that holds a jmqa index, and leaves "
                    f"other files alone. {IndexFolderError.fix}"
                )
    except OSError as exc:  # a folder we may not even list
        raise _read_only(folder, exc) from exc
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    if not os.access(existing, os.W_OK | os.X_OK):
        raise _read_only(folder, None)
    return folder


def _read_only(folder: Path, exc: OSError | None) -> IndexFolderError:
    detail = f" ({exc.strerror})" if exc is not None and exc.strerror else ""
    return IndexFolderError(
        f"cannot write the index into {folder.resolve()}: it is not writable{detail}. Choose a "
        f"writable folder with --index-dir or JMQA_INDEX_DIR, or make this one writable."
    )


def _foreign_entries(folder: Path) -> list[str]:
    """Names in ``folder`` that show it is not jmqa's (none if it holds a jmqa manifest)."""
    manifest = _manifest_value(folder)
    if _is_jmqa_manifest(manifest):
        return []
    if manifest not in (None, {}):  # valid JSON of another kind: someone else's manifest
        return [MANIFEST]
    return sorted(
        p.name for p in folder.iterdir()
        if not (p.name in _OWN_NAMES or _DATA_FILE.fullmatch(p.name) or _TMP_FILE.fullmatch(p.name))
    )


def _manifest_value(folder: Path) -> object:
    """The parsed ``manifest.json`` of ``folder``; None when missing, unreadable or not JSON."""
    path = folder / MANIFEST
    try:
        if not path.is_file():
            return None
        if path.stat().st_size > _MAX_MANIFEST_BYTES:
            return "too large to be jmqa's"  # any JSON value but {} counts as someone else's
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def lists_query_model(folder: Path, name: str, query_model: QueryModel) -> bool:
    """Whether the jmqa index in ``folder`` lists ``query_model``'s graph and weights (by their
    SHA-256) as model ``name``'s query encoder, checked with the onnxruntime installed now (another
    release may run the same graph otherwise); False for any folder that is not such an index."""
    manifest = _manifest_value(folder)
    models = manifest.get("models") if _is_jmqa_manifest(manifest) else None  # type: ignore[union-attr]
    info = models.get(name) if isinstance(models, dict) else None
    if not isinstance(info, dict) or not isinstance(info.get("query_model"), dict):
        return False
    return info["query_model"].get("checked_with") == _query_runtime() and all(
        isinstance(info.get(key), dict) and info[key].get("sha256") == query_model.sha256[part]
        for key, _, part in _QUERY_MODEL_FILES
    )


def _query_runtime() -> str:
    """The release of onnxruntime installed, which runs (and so checks) the query encoders."""
    try:
        return f"onnxruntime=={importlib.metadata.version('onnxruntime')}"
    except importlib.metadata.PackageNotFoundError:
        return "no onnxruntime"


def _is_jmqa_manifest(value: object) -> bool:
    return isinstance(value, dict) and _MANIFEST_KEYS <= value.keys()


def _listed_files(manifest: object) -> set[str]:
    """The data files a jmqa manifest lists (bare jmqa data-file names only; all else ignored)."""
    models = manifest.get("models") if isinstance(manifest, dict) else None
    if not _is_jmqa_manifest(manifest) or not isinstance(models, dict):
        return set()
    entries = [
        info.get(key) for info in models.values() if isinstance(info, dict)
        for key in ("vectors", "units", *(key for key, _, _ in _QUERY_MODEL_FILES))
    ]
    entities = manifest.get("entities")
    entries.append(entities.get("tags") if isinstance(entities, dict) else None)
    names = [e.get("file") for e in entries if isinstance(e, dict)]
    return {n for n in names if isinstance(n, str) and _DATA_FILE.fullmatch(n)}


def addressed_name(name: str, suffix: str, data: bytes) -> str:
    """The file name ``data`` is saved under: ``<model>-<sha256 prefix><suffix>``."""
    return f"{name}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"


def _write_addressed(
    folder: Path, name: str, suffix: str, data: bytes, twins_in: Sequence[Path] = ()
) -> dict[str, str]:
    filename = addressed_name(name, suffix, data)
    digest = hashlib.sha256(data).hexdigest()
    if not any(_link_twin(other / filename, folder / filename, digest) for other in twins_in if other != folder):
        _atomic_write(folder / filename, data)
    return {"file": filename, "sha256": digest}


def _link_twin(twin: Path, path: Path, digest: str) -> bool:
    """Hard-link ``path`` to ``twin`` if ``twin`` holds the bytes of SHA-256 ``digest``; False
    (nothing changed) when it does not, or when the file system refuses the link."""
    try:
        if not twin.is_file() or twin.is_symlink() or file_sha256(twin) != digest:
            return False
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        os.close(fd)
        os.unlink(tmp)  # os.link makes a new name only; the folder is locked meanwhile
        try:
            os.link(twin, tmp)
            os.replace(tmp, path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            return False
    except OSError:
        return False
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return True


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # mkstemp's 0600 would hide the index from other users
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


@contextlib.contextmanager
def _lock(folder: Path) -> Iterator[None]:
    """Serialise concurrent builds into the same folder (the second waits for the first)."""
    with open(folder / ".lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def read_manifest(directory: str | os.PathLike[str]) -> dict:
    """The manifest of the index in ``directory``; raises if it is missing or unreadable."""
    path = Path(directory) / MANIFEST
    if not path.exists():
        raise IndexMissingError(f"no index at {Path(directory).resolve()}. {IndexMissingError.fix}")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or "models" not in manifest:
            raise ValueError("not a jmqa manifest")
        if manifest.get("format") == FORMAT_VERSION:  # another format is stale, not corrupt
            _check_shape(manifest)
    except (ValueError, UnicodeDecodeError) as exc:
        raise IndexCorruptError(f"{path} is unreadable ({exc}). {IndexCorruptError.fix}") from exc
    return manifest


def _check_shape(manifest: dict) -> None:
    """Raise ValueError unless ``manifest`` has the types :func:`load_index` relies on."""
    if not isinstance(manifest.get("corpus"), dict):
        raise ValueError('"corpus" is not an object')
    models = manifest["models"]
    if not isinstance(models, dict):
        raise ValueError('"models" is not an object')
    for name, info in models.items():
        if not isinstance(info, dict):
            raise ValueError(f"the entry of model {name!r} is not an object")
        for key in ("vectors", "units"):
            entry = info.get(key)
            if not isinstance(entry, dict) or not all(
                isinstance(entry.get(k), str) for k in ("file", "sha256")
            ):
                raise ValueError(f"model {name!r} has no valid {key!r} file entry")


def load_index(
    directory: str | os.PathLike[str],
    document: Document,
    embedders: Sequence[Embedder],
    *,
    require_query_encoders: bool = True,
) -> Index:
    """Load and verify the index in ``directory`` against ``document`` and the installed models.

    Raises :class:`IndexMissingError`, :class:`IndexStaleError` (built from another corpus, model
    or format; :class:`QueryEncoderMissingError` if it lacks a model's query encoder, unless not
    ``require_query_encoders``: then the model itself must encode questions) or
    :class:`IndexCorruptError` (unreadable or altered files).
    """
    folder = Path(directory)
    manifest = read_manifest(folder)
    where = folder.resolve()
    if manifest.get("format") != FORMAT_VERSION:
        raise IndexStaleError(
            f"the index at {where} has format {manifest.get('format')!r}, this jmqa reads "
            f"{FORMAT_VERSION}. {IndexStaleError.fix}"
        )
    if manifest.get("corpus", {}).get("sha256") != document.sha256:
        raise IndexStaleError(
            f"the index at {where} was built from a different text of the statement. "
            f"{IndexStaleError.fix}"
        )
    if not _same_sentences(folder, manifest, document):
        # The units and the entity tags (kept by sentence start) follow the sentence split, which
        # a newer jmqa may draw differently over the same text.
        raise IndexStaleError(
            f"the index at {where} was built over another split of the statement into sentences. "
            f"{IndexStaleError.fix}"
        )
    models: dict[str, ModelIndex] = {}
    unexported: list[str] = []
    for embedder in embedders:
        info = manifest["models"].get(embedder.name)
        if info is None:
            raise IndexStaleError(f"the index at {where} has no {embedder.name} vectors. {IndexStaleError.fix}")
        _check_fingerprint(info, embedder.fingerprint(), f"built with another {embedder.name} model", where)
        vectors, units = _read_model(folder, info, embedder.name, where)
        if vectors.d != embedder.dim:
            raise IndexCorruptError(
                f"the {embedder.name} index at {where} holds vectors of dimension {vectors.d}, not "
                f"{embedder.dim}. {IndexCorruptError.fix}"
            )
        if not {u.paragraph for u in units} <= {p.number for p in document.passages}:
            raise IndexCorruptError(f"the index at {where} cites paragraphs the statement lacks. {IndexCorruptError.fix}")
        query_model = None
        if all(k in info for k, _, _ in _QUERY_MODEL_FILES):
            query_model = _read_query_model(folder, info, embedder.name, where)
        elif getattr(embedder, "exports_query_model", False):
            unexported.append(embedder.name)
        models[embedder.name] = ModelIndex(embedder.name, units, vectors, info, query_model)
    if unexported and require_query_encoders:  # raised once all else is known sound: mending it is all it needs
        raise QueryEncoderMissingError(
            f"the index at {where} has no query encoder for {' or '.join(unexported)}. {QueryEncoderMissingError.fix}",
            tuple(unexported),
        )
    return Index(models, manifest, _load_entities(folder, manifest, where))


def _read_query_model(folder: Path, info: dict, name: str, where: Path) -> QueryModel:
    """A model's query encoder files, checked against its manifest entry ``info`` (left on disk)."""
    try:
        return QueryModel(*(_verified_path(folder, info[k]) for k, _, _ in _QUERY_MODEL_FILES))
    except IndexCorruptError:
        raise
    except (TypeError, KeyError) as exc:  # an entry of the wrong shape
        raise IndexCorruptError(
            f"the {name} query encoder entry of the index at {where} is unreadable ({exc!r}). {IndexCorruptError.fix}"
        ) from exc


def _read_model(folder: Path, info: dict, name: str, where: Path) -> tuple[faiss.Index, tuple[Unit, ...]]:
    """A model's vectors and units, read from the index at ``folder`` and checked against its
    manifest entry ``info``."""
    try:
        vectors = faiss.deserialize_index(np.frombuffer(_read_verified(folder, info["vectors"]), dtype=np.uint8))
        units = tuple(Unit(**u) for u in json.loads(_read_verified(folder, info["units"])))
    except IndexCorruptError:
        raise
    except Exception as exc:  # faiss raises RuntimeError, json ValueError, Unit TypeError
        raise IndexCorruptError(
            f"the {name} files of the index at {where} are unreadable ({exc}). {IndexCorruptError.fix}"
        ) from exc
    if vectors.ntotal != len(units):
        raise IndexCorruptError(
            f"the {name} index at {where} holds {vectors.ntotal} vectors for {len(units)} units. "
            f"{IndexCorruptError.fix}"
        )
    return vectors, units


def _sentences_sha256(document: Document) -> str:
    """A digest of where every passage's sentences begin and end."""
    spans = [[p.number, [[s.start, s.end] for s in p.sentences]] for p in document.passages]
    return hashlib.sha256(json.dumps(spans).encode()).hexdigest()


def _same_sentences(folder: Path, manifest: dict, document: Document) -> bool:
    """Whether the index was built over ``document`` split into sentences as jmqa splits it now.

    An index built before its manifest recorded the split is read from its entity tags, which
    hold every sentence's start, tagged or not; it is not rebuilt unless its split differs."""
    recorded = manifest["corpus"].get("sentences")
    if recorded is not None:
        return recorded == _sentences_sha256(document)
    try:
        tagged = {(p, s) for p, s, _ in json.loads(_read_verified(folder, manifest["entities"]["tags"]))}
    except (KeyError, TypeError, ValueError):  # no tags to read: rebuilt (an altered file is corrupt)
        return False
    return tagged == {(p.number, s.start) for p in document.passages for s in p.sentences}


def _check_fingerprint(
    recorded: dict, current: dict[str, str], what: str, where: Path, error: type[IndexStaleError] = IndexStaleError
) -> None:
    """Raise ``error`` if the index was made by something other than ``current``."""
    changed = [k for k, v in current.items() if recorded.get(k) != v]
    if changed:
        raise error(f"the index at {where} was {what} ({', '.join(changed)} differ). {IndexStaleError.fix}")


def _load_entities(folder: Path, manifest: dict, where: Path) -> dict[tuple[int, int], tuple[Entity, ...]]:
    info = manifest.get("entities")
    if not isinstance(info, dict) or not isinstance(info.get("tags"), dict):
        raise EntityTagsStaleError(f"the index at {where} has no entity types. {IndexStaleError.fix}")
    _check_fingerprint(info, entity_types.model_fingerprint(), "tagged with another spaCy pipeline or its corrections",
                       where, EntityTagsStaleError)
    try:
        return entity_types.from_json(json.loads(_read_verified(folder, info["tags"])))
    except IndexCorruptError:
        raise
    except (ValueError, TypeError, KeyError) as exc:
        raise IndexCorruptError(
            f"the entity types of the index at {where} are unreadable ({exc}). {IndexCorruptError.fix}"
        ) from exc


def _verified_path(folder: Path, entry: dict) -> Path:
    """Check a large file against its manifest entry without holding it in memory (its user,
    onnxruntime, reads it itself), and return its path."""
    path = folder / Path(entry["file"]).name
    try:
        digest = file_sha256(path)
    except OSError as exc:
        raise IndexCorruptError(f"{path} is missing or unreadable ({exc}). {IndexCorruptError.fix}") from exc
    if digest != entry.get("sha256"):
        raise IndexCorruptError(f"{path} does not match its checksum in the manifest. {IndexCorruptError.fix}")
    return path


def _read_verified(folder: Path, entry: dict) -> bytes:
    path = folder / Path(entry["file"]).name  # never follow a path out of the folder
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IndexCorruptError(f"{path} is missing or unreadable ({exc}). {IndexCorruptError.fix}") from exc
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise IndexCorruptError(f"{path} does not match its checksum in the manifest. {IndexCorruptError.fix}")
    return data

