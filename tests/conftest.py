"""Shared fixtures. The models and the index are loaded once per test session."""

from __future__ import annotations

import contextlib
import shutil
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import jmqa


@pytest.fixture(scope="session")
def qa() -> jmqa.QA:
    """The real pipeline, loaded once per test session (models + index)."""
    return jmqa.load()


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
        demo.close()
        mp.undo()
