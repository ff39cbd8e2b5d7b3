"""The on-disk vector index: one FAISS ``IndexFlatIP`` per model, plus a JSON manifest.

Every paragraph is embedded as *windows* (runs of whole sentences that fit the model's token
limit, so nothing is silently truncated: MiniLM reads 256 tokens, the longest paragraph has
~320) and as single *sentences*. The retriever aggregates unit scores per paragraph.

Persistence is small and inspectable (see ``index/README.md``): content-addressed ``.faiss`` and
``.units.json`` files and a ``manifest.json`` that is replaced last, atomically. A crash at any
point leaves either the old or the new index whole.

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
import fcntl
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import faiss
import numpy as np

from jmqa.document import Document, Paragraph, Span
from jmqa.embedders import Embedder
from jmqa.errors import IndexCorruptError, IndexMissingError, IndexStaleError

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Unit:
    """One indexed piece of a paragraph: a window of whole sentences, or one sentence."""

    paragraph: int
    kind: str  # "window" or "sentence"
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class ModelIndex:
    """The vectors of one model over all units, in the same order as ``units``."""

    name: str
    units: tuple[Unit, ...]
    vectors: faiss.Index
    info: dict = field(default_factory=dict)

    def scores(self, query_vectors: np.ndarray) -> np.ndarray:
        """Cosine similarity of each query (rows) with every unit (columns), in unit order."""
        sims, ids = self.vectors.search(np.ascontiguousarray(query_vectors), self.vectors.ntotal)
        out = np.empty_like(sims)
        np.put_along_axis(out, ids, sims, axis=1)
        return out


@dataclass(frozen=True, eq=False)
class Index:
    """All models' vectors for one document, and the manifest they were saved with."""

    models: dict[str, ModelIndex]
    manifest: dict


def make_units(document: Document, embedder: Embedder) -> list[Unit]:
    """Windows and sentences of every paragraph, each within ``embedder.max_tokens``."""
    units: list[Unit] = []
    for paragraph in document.paragraphs:
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
    document: Document, embedders: Sequence[Embedder], progress: Progress | None = None
) -> Index:
    """Embed every unit of ``document`` with each model. Nothing is written to disk."""
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
        models[embedder.name] = ModelIndex(embedder.name, tuple(units), flat, info)
    manifest = {
        "format": FORMAT_VERSION,
        "built_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "corpus": {"sha256": document.sha256, "paragraphs": len(document.paragraphs)},
        "models": {name: dict(m.info) for name, m in models.items()},
    }
    return Index(models, manifest)


# --- persistence ------------------------------------------------------------------------------


def save_index(index: Index, directory: str | os.PathLike[str]) -> Path:
    """Write ``index`` to ``directory`` atomically and return the manifest path."""
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    manifest = json.loads(json.dumps(index.manifest))
    with _lock(folder):
        for name, model in index.models.items():
            vectors = faiss.serialize_index(model.vectors).tobytes()
            units = json.dumps([asdict(u) for u in model.units]).encode()
            manifest["models"][name]["vectors"] = _write_addressed(folder, name, ".faiss", vectors)
            manifest["models"][name]["units"] = _write_addressed(folder, name, ".units.json", units)
            manifest["models"][name]["count"] = model.vectors.ntotal
        _atomic_write(folder / MANIFEST, json.dumps(manifest, indent=2).encode() + b"\n")
        keep = {MANIFEST, "README.md"} | {
            m[key]["file"] for m in manifest["models"].values() for key in ("vectors", "units")
        }
        for path in folder.iterdir():
            if path.name not in keep and (path.suffix in {".faiss", ".json"} or path.name.startswith(".tmp")):
                path.unlink(missing_ok=True)
    return folder / MANIFEST


def _write_addressed(folder: Path, name: str, suffix: str, data: bytes) -> dict[str, str]:
    digest = hashlib.sha256(data).hexdigest()
    filename = f"{name}-{digest[:16]}{suffix}"
    _atomic_write(folder / filename, data)
    return {"file": filename, "sha256": digest}


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
    except (ValueError, UnicodeDecodeError) as exc:
        raise IndexCorruptError(f"{path} is unreadable ({exc}). {IndexCorruptError.fix}") from exc
    return manifest


def load_index(
    directory: str | os.PathLike[str], document: Document, embedders: Sequence[Embedder]
) -> Index:
    """Load and verify the index in ``directory`` against ``document`` and the installed models.

    Raises :class:`IndexMissingError`, :class:`IndexStaleError` (built from another corpus, model
    or format) or :class:`IndexCorruptError` (unreadable or altered files).
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
    models: dict[str, ModelIndex] = {}
    for embedder in embedders:
        info = manifest["models"].get(embedder.name)
        if info is None:
            raise IndexStaleError(f"the index at {where} has no {embedder.name} vectors. {IndexStaleError.fix}")
        current = embedder.fingerprint()
        changed = [k for k, v in current.items() if info.get(k) != v]
        if changed:
            raise IndexStaleError(
                f"the index at {where} was built with another {embedder.name} model "
                f"({', '.join(changed)} differ). {IndexStaleError.fix}"
            )
        try:
            vectors = faiss.deserialize_index(
                np.frombuffer(_read_verified(folder, info["vectors"]), dtype=np.uint8)
            )
            units = tuple(Unit(**u) for u in json.loads(_read_verified(folder, info["units"])))
        except IndexCorruptError:
            raise
        except Exception as exc:  # faiss raises RuntimeError, json ValueError, Unit TypeError
            raise IndexCorruptError(
                f"the {embedder.name} files of the index at {where} are unreadable ({exc}). "
                f"{IndexCorruptError.fix}"
            ) from exc
        if vectors.ntotal != len(units) or vectors.d != embedder.dim:
            raise IndexCorruptError(
                f"the {embedder.name} index at {where} holds {vectors.ntotal} vectors of "
                f"dimension {vectors.d} for {len(units)} units. {IndexCorruptError.fix}"
            )
        if any(u.paragraph < 1 or u.paragraph > len(document.paragraphs) for u in units):
            raise IndexCorruptError(f"the index at {where} cites paragraphs the statement lacks. {IndexCorruptError.fix}")
        models[embedder.name] = ModelIndex(embedder.name, units, vectors, info)
    return Index(models, manifest)


def _read_verified(folder: Path, entry: dict) -> bytes:
    path = folder / Path(entry["file"]).name  # never follow a path out of the folder
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IndexCorruptError(f"{path} is missing or unreadable ({exc}). {IndexCorruptError.fix}") from exc
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise IndexCorruptError(f"{path} does not match its checksum in the manifest. {IndexCorruptError.fix}")
    return data
