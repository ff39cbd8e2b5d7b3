"""Shared fixtures. The real models and index are loaded once per test session; tests about
plumbing (index files, staleness, atomic writes, the CLI) use a fake model instead."""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import jmqa
from jmqa.embedders import EMBEDDER_NAMES
from jmqa.index import QueryModel


@pytest.fixture(scope="session")
def qa() -> jmqa.QA:
    """The real pipeline, loaded once per test session (models + index)."""
    return jmqa.load()


@pytest.fixture(scope="session")
def remembering_qa(qa: jmqa.QA) -> jmqa.QA:
    """The real pipeline, remembering every question's vectors for the whole session: the tests
    that ask thousands of eval questions (the refit, the floors, ONNX against torch) embed each
    text once between them. A model gives a text the same vector in any batch
    (tests/test_embedders.py), so nothing they check changes; tests of the models use ``qa``."""
    return qa.remembering()


@pytest.fixture(scope="session")
def built_index(qa: jmqa.QA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pristine copy of a built index, for tests that damage or inspect index files."""
    folder = tmp_path_factory.mktemp("built-index")
    from jmqa.index import save_index

    save_index(qa.index, folder)
    return folder


@pytest.fixture
def index_copy(built_index: Path, tmp_path: Path) -> Path:
    """A throwaway copy of the built index that a test may corrupt."""
    target = tmp_path / "index"
    shutil.copytree(built_index, target)
    return target


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(qa: jmqa.QA, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One live app per test module on a free local port (no trailing slash)."""
    from jmqa.ui import build_app

    with running(lambda: build_app(qa), tmp_path_factory) as url:
        yield url


@contextlib.contextmanager
def running(
    make_app: Callable[[], Any], tmp_path_factory: pytest.TempPathFactory, **env: str
) -> Iterator[str]:
    """The app ``make_app`` builds (with ``env`` set), live on a free local port."""
    from jmqa.ui import launch_kwargs

    mp = pytest.MonkeyPatch()
    mp.setenv("GRADIO_TEMP_DIR", str(tmp_path_factory.mktemp("gradio")))
    for name, value in env.items():
        mp.setenv(name, value)
    demo = make_app()
    demo.launch(prevent_thread_lock=True, quiet=True, **launch_kwargs("127.0.0.1", free_port()))
    try:
        yield demo.local_url.rstrip("/")
    finally:
        _set_stop_event_on_its_loop(demo)
        demo.close()
        mp.undo()


def _set_stop_event_on_its_loop(demo: Any) -> None:
    """Set the app's asyncio stop event from the server's own loop, before ``demo.close()`` sets it
    from this thread: an asyncio.Event is not thread-safe, and a stream still waiting on it made
    the teardown fail once in CI ("deque mutated during iteration"). Once set, close() leaves it."""
    event = getattr(getattr(demo, "app", None), "stop_event", None)
    loop = getattr(event, "_loop", None)  # bound on the first wait; None if nothing waited
    if event is None or loop is None or not loop.is_running():
        return
    done = threading.Event()

    def set_it() -> None:
        event.set()
        done.set()

    loop.call_soon_threadsafe(set_it)
    done.wait(timeout=5)


# --- a fake model, for tests about plumbing rather than about the models ------------------------


class HashingEmbedder:
    """A bag of words hashed into 64 dimensions: deterministic, instant, no model to load.

    Stands in for MiniLM and e5 (same names, so the index, the retriever and the fusion weights
    work unchanged) in tests of the index files, staleness, atomic writes and CLI plumbing.
    Like the real models it exports a query model, so the index's export entries are exercised too.
    """

    dim = 64
    max_tokens = 256

    def __init__(self, name: str) -> None:
        self.name = name
        self.model_id = f"hashing-bag-of-words ({name} stand-in)"
        self.exports_query_model = True

    def fingerprint(self) -> dict[str, str]:
        return {"model": self.model_id, "package": "tests==0",
                "weights_sha256": hashlib.sha256(self.name.encode()).hexdigest()}

    def count_tokens(self, text: str) -> int:
        return len(text.split()) + 2

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(f"{self.name}:{word}".encode(), digest_size=2).digest()
                vectors[row, digest[0] % self.dim] += 1.0 if digest[1] % 2 else -1.0
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)

    encode_queries = _encode
    encode_passages = _encode

    def export_query_model(self, texts: list[str], vectors: np.ndarray, known_indexes=()) -> QueryModel:
        return QueryModel(f"graph of {self.name}".encode(), f"weights of {self.name}".encode())


@pytest.fixture(scope="session")
def fake_embedders() -> dict[str, HashingEmbedder]:
    return {name: HashingEmbedder(name) for name in EMBEDDER_NAMES}


@pytest.fixture
def fake_models(monkeypatch: pytest.MonkeyPatch, fake_embedders) -> dict[str, HashingEmbedder]:
    """jmqa.load, jmqa.build and `jmqa index` use the fake models instead of the real ones."""
    import jmqa.embedders
    import jmqa.qa

    for module in (jmqa.qa, jmqa.embedders):
        monkeypatch.setattr(module, "get_embedder", fake_embedders.__getitem__)
        monkeypatch.setattr(module, "model_card", fake_embedders.__getitem__)
    monkeypatch.setattr(jmqa.qa, "query_embedder", lambda name, query_model=None: fake_embedders[name])
    return fake_embedders


@pytest.fixture(scope="session")
def fake_built_index(fake_embedders, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A pristine index built with the fake models (in well under a second)."""
    from jmqa.index import build_index, save_index

    folder = tmp_path_factory.mktemp("fake-index")
    save_index(build_index(jmqa.load_statement(), list(fake_embedders.values())), folder)
    return folder


@pytest.fixture
def fake_index_copy(fake_built_index: Path, fake_models, tmp_path: Path) -> Path:
    """A throwaway copy of the fake index that a test may corrupt (fake models in use)."""
    target = tmp_path / "fake-index"
    shutil.copytree(fake_built_index, target)
    return target


@pytest.fixture
def fake_qa(fake_built_index: Path, fake_models) -> jmqa.QA:
    return jmqa.load(fake_built_index, build_if_needed=False)
