"""Hostile and unlucky input: every failure is a typed JmqaError, and nothing of the user's is lost.

Most tests here need no model: the index tests use a tiny hand-made index, and the CLI refuses
bad folders and bad input before any model loads. Those marked ``slow`` use the real pipeline.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import faiss
import numpy as np
import pytest

import jmqa
from jmqa import cli
from jmqa import index as index_module
from jmqa.index import (
    FORMAT_VERSION,
    MANIFEST,
    Index,
    ModelIndex,
    Unit,
    check_index_folder,
    read_manifest,
    save_index,
)
from jmqa.question import clean_question

SRC = Path(__file__).resolve().parents[1] / "src"
QUESTION = "Is there money for disaster recovery?"


def tiny_index(seed: int = 0) -> Index:
    """A two-vector index of one model: enough to exercise saving without any model."""
    vectors = np.random.default_rng(seed).random((2, 4), dtype=np.float32)
    flat = faiss.IndexFlatIP(4)
    flat.add(vectors)
    units = (Unit(1, "window", 0, 10), Unit(1, "sentence", 0, 5))
    manifest = {"format": FORMAT_VERSION, "built_at": "now", "corpus": {"sha256": "0" * 64, "paragraphs": 1},
                "models": {"minilm": {"dim": 4}}}
    return Index({"minilm": ModelIndex("minilm", units, flat, {"dim": 4})}, manifest)


def listing(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def run_cli(*argv: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python -m jmqa.cli ARGV`` in a child process (argv may hold bytes that are not UTF-8)."""
    return subprocess.run(
        [sys.executable, "-m", "jmqa.cli", *argv],
        env={**os.environ, "PYTHONPATH": str(SRC), **(env or {})},
        capture_output=True, timeout=timeout,
    )


# --- 1. the index folder is jmqa's own ---------------------------------------------------------


@pytest.fixture
def user_folder(tmp_path: Path) -> Path:
    """The issue's reproduction: a folder that holds someone's package.json."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "package.json").write_text("{}\n")
    return folder


def _assert_untouched(folder: Path) -> None:
    assert listing(folder) == {"package.json": b"{}\n"}  # no index, no lock, nothing deleted


def test_save_refuses_a_folder_with_other_files(user_folder: Path):
    with pytest.raises(jmqa.IndexFolderError, match="Choose an empty folder"):
        save_index(tiny_index(), user_folder)
    _assert_untouched(user_folder)


@pytest.mark.parametrize("command", [["ask", QUESTION], ["index"], ["search", "disaster"]])
def test_cli_refuses_the_folder_before_loading_models(user_folder: Path, capsys, command):
    started = time.monotonic()
    assert cli.main(["--index-dir", str(user_folder), *command]) == 1
    err = capsys.readouterr().err
    assert "package.json" in err and "Choose an empty folder" in err
    assert err.count("\n") == 1  # one line, no traceback
    assert time.monotonic() - started < 5  # refused before the models (~10 s) load
    _assert_untouched(user_folder)


def test_jmqa_index_dir_variable_is_checked_too(user_folder: Path, capsys, monkeypatch):
    monkeypatch.setenv("JMQA_INDEX_DIR", str(user_folder))
    assert cli.main(["ask", QUESTION]) == 1
    assert "not a jmqa index" in capsys.readouterr().err
    _assert_untouched(user_folder)


def test_library_load_and_build_refuse_it(user_folder: Path):
    with pytest.raises(jmqa.IndexFolderError, match="package.json"):
        jmqa.load(user_folder)
    with pytest.raises(jmqa.IndexFolderError, match="package.json"):
        jmqa.build(user_folder)
    _assert_untouched(user_folder)


def test_a_file_is_not_a_folder(tmp_path: Path):
    (tmp_path / "f").write_text("mine")
    with pytest.raises(jmqa.IndexFolderError, match="not a folder"):
        save_index(tiny_index(), tmp_path / "f")
    assert (tmp_path / "f").read_text() == "mine"


@pytest.mark.parametrize("content", ['{"manifest_version": 3, "name": "ext"}', "[]", '"x"'])
def test_a_manifest_of_another_kind_is_not_jmqa_s(tmp_path: Path, content: str):
    (tmp_path / MANIFEST).write_text(content)  # a browser extension's or web app's manifest
    with pytest.raises(jmqa.IndexFolderError, match="manifest.json"):
        save_index(tiny_index(), tmp_path)
    assert listing(tmp_path) == {MANIFEST: content.encode()}


def test_an_empty_missing_or_damaged_index_folder_is_jmqa_s(tmp_path: Path):
    save_index(tiny_index(), tmp_path / "new" / "nested")  # missing: created
    empty = tmp_path / "empty"
    empty.mkdir()
    save_index(tiny_index(), empty)
    shipped = tmp_path / "shipped"  # the checkout's index/ ships with its README only
    shipped.mkdir()
    (shipped / "README.md").write_text("# index/\n")
    save_index(tiny_index(), shipped)
    assert (shipped / "README.md").read_text() == "# index/\n"
    (empty / MANIFEST).write_bytes(b"\x00\xff not json")  # damaged, among jmqa's own files
    save_index(tiny_index(), empty)
    assert read_manifest(empty)["format"] == FORMAT_VERSION


def test_only_files_the_previous_manifest_listed_are_deleted(tmp_path: Path):
    save_index(tiny_index(seed=0), tmp_path)
    first = set(listing(tmp_path))
    orphan = tmp_path / "minilm-0000000000000000.faiss"  # looks like jmqa's, but no manifest lists it
    orphan.write_bytes(b"not listed")
    save_index(tiny_index(seed=1), tmp_path)  # other vectors: other content-addressed names
    second = set(listing(tmp_path))
    manifest = read_manifest(tmp_path)
    entry = manifest["models"]["minilm"]
    listed = {entry["vectors"]["file"], entry["units"]["file"], manifest["entities"]["tags"]["file"]}
    replaced = first - {MANIFEST, ".lock"} - listed  # the first build's vectors (units are alike)
    assert replaced and not replaced & second
    assert listed <= second and orphan.exists()
    assert not [n for n in second if n.startswith(".tmp")]


def test_a_tampered_manifest_cannot_make_jmqa_delete_other_files(tmp_path: Path):
    save_index(tiny_index(), tmp_path)
    manifest = json.loads((tmp_path / MANIFEST).read_text())
    manifest["models"]["minilm"]["vectors"]["file"] = "README.md"
    manifest["models"]["minilm"]["units"]["file"] = "../outside-0000000000000000.faiss"
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    (tmp_path / "README.md").write_text("keep me")
    (tmp_path.parent / "outside-0000000000000000.faiss").write_text("keep me too")
    save_index(tiny_index(seed=2), tmp_path)
    assert (tmp_path / "README.md").read_text() == "keep me"
    assert (tmp_path.parent / "outside-0000000000000000.faiss").read_text() == "keep me too"


# --- 2. a read-only folder ---------------------------------------------------------------------


def test_a_read_only_folder_is_refused_before_building(tmp_path: Path, monkeypatch):
    # Tests run as root, whom chmod does not stop: os.access is what check_index_folder asks,
    # and the test below exercises a really read-only file system.
    save_index(tiny_index(), tmp_path)
    before = listing(tmp_path)
    monkeypatch.setattr(index_module.os, "access", lambda path, mode: False)
    with pytest.raises(jmqa.IndexFolderError, match="writable folder with --index-dir or JMQA_INDEX_DIR"):
        check_index_folder(tmp_path)
    with pytest.raises(jmqa.IndexFolderError, match="not writable"):
        save_index(tiny_index(seed=3), tmp_path)
    assert listing(tmp_path) == before


def test_save_turns_a_permission_error_into_a_typed_one(tmp_path: Path, monkeypatch):
    def denied(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(index_module, "_atomic_write", denied)
    with pytest.raises(jmqa.IndexFolderError, match="Permission denied"):
        save_index(tiny_index(), tmp_path)


def _read_only_mount_works() -> bool:
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True) if shutil.which("unshare") else None
    return probe is not None and probe.returncode == 0


@pytest.mark.skipif(not _read_only_mount_works(), reason="needs `unshare -m` (root) for a read-only bind mount")
def test_a_damaged_index_on_a_read_only_file_system(tmp_path: Path):
    source, mount = tmp_path / "src", tmp_path / "ro"
    source.mkdir()
    mount.mkdir()
    save_index(tiny_index(), source)
    (source / MANIFEST).write_text('{"format": 1, "corpus": "x", "models": []}')
    before = listing(source)
    script = (
        f"mount --bind {source} {mount} && mount -o remount,bind,ro {mount} && "
        f"! touch {mount}/probe 2>/dev/null && "
        f'PYTHONPATH={SRC} exec {sys.executable} -m jmqa.cli --index-dir {mount} ask "{QUESTION}"'
    )
    started = time.monotonic()
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "not writable" in result.stderr and "JMQA_INDEX_DIR" in result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 10  # refused before building (a build takes ~20 s)
    assert listing(source) == before


# --- 3. a manifest of the wrong shape ----------------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        {"corpus": "x"},
        {"models": []},
        {"models": {"minilm": 5}},
        {"models": {"minilm": {"vectors": "x.faiss", "units": {"file": "u", "sha256": "0"}}}},
        {"models": {"minilm": {"vectors": {"file": 1, "sha256": "0"}, "units": {}}}},
    ],
)
def test_a_manifest_of_the_wrong_shape_is_corrupt(tmp_path: Path, change: dict):
    save_index(tiny_index(), tmp_path)
    manifest = {**json.loads((tmp_path / MANIFEST).read_text()), **change}
    (tmp_path / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(jmqa.IndexCorruptError, match="jmqa index"):
        read_manifest(tmp_path)
    check_index_folder(tmp_path)  # still jmqa's: a rebuild may replace it


# --- 4. lone surrogates and invalid UTF-8 -------------------------------------------------------


@pytest.mark.parametrize("question", ["x \ud800", "\udcff", "visitors \udc80 in 2025?"])
def test_lone_surrogates_are_refused(question: str):
    with pytest.raises(jmqa.InvalidQuestionError, match="not valid text") as caught:
        clean_question(question)
    str(caught.value).encode("utf-8")  # the message itself is valid text


def test_cli_refuses_invalid_utf8_in_its_argument():
    result = run_cli("ask", os.fsdecode(b"x \xff\xfe"))
    assert result.returncode == 2
    err = result.stderr.decode()
    assert err.startswith("jmqa: error: the question is not valid text") and "Traceback" not in err


# --- 5. argument types, before any model loads --------------------------------------------------


def test_cli_rejects_an_unknown_retriever_before_loading_models(capsys):
    started = time.monotonic()
    assert cli.main(["search", "disaster", "--retriever", "nope"]) == 2
    assert "unknown retriever 'nope'" in capsys.readouterr().err
    assert time.monotonic() - started < 5


@pytest.mark.slow
def test_qa_api_type_checks(qa):
    with pytest.raises(jmqa.InvalidArgumentError, match="list of questions"):
        qa.ask_many("visitors")
    with pytest.raises(jmqa.InvalidArgumentError, match="list of questions"):
        qa.search_many("visitors")
    with pytest.raises(jmqa.InvalidArgumentError, match="unknown retriever"):
        qa.ask("What is OSA?", retriever="nope")
    with pytest.raises(jmqa.InvalidArgumentError, match="unknown retriever"):
        qa.search("What is OSA?", retriever=["default"])
    with pytest.raises(jmqa.InvalidQuestionError, match="not valid text"):
        qa.ask("x \ud800")
    assert [a.found for a in qa.ask_many(("How many visitors were there in 2025?",))] == [True]


# --- 3 + 6. a damaged index is rebuilt, and the CLI says why first ------------------------------


def test_a_wrong_shape_manifest_is_rebuilt_and_the_cli_says_why_first(fake_index_copy, capfd):
    index_copy = fake_index_copy  # the rebuild is plumbing: the fake models do it in a blink
    manifest = json.loads((index_copy / MANIFEST).read_text())
    (index_copy / MANIFEST).write_text(json.dumps({**manifest, "corpus": "x"}))
    assert cli.main(["--index-dir", str(index_copy), "ask", "What is OSA?"]) == 0
    out, err = capfd.readouterr()
    assert err.startswith("jmqa: rebuilding the index because ")
    assert '"corpus" is not an object' in err.splitlines()[0]
    assert "¶6" in out
    assert read_manifest(index_copy)["corpus"]["sha256"] == jmqa.load_statement().sha256


# --- 7. the server's guard and the chat's bounds (unit level; the live app: test_ui_server.py) --


def test_host_names_and_loopback():
    from jmqa.guard import host_name, is_loopback, middleware

    assert host_name("127.0.0.1:7860") == "127.0.0.1"
    assert host_name("[::1]:7860") == "::1"
    assert host_name("LocalHost") == "localhost"
    assert host_name("evil.example:80") == "evil.example"
    assert host_name(None) == ""
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5")
    assert middleware("127.0.0.1")[0].kwargs["allowed_hosts"] >= {"127.0.0.1", "localhost"}
    assert middleware("0.0.0.0")[0].kwargs["allowed_hosts"] is None  # served to the network


def _run_guard(body_chunks: list[bytes], headers: list[tuple[bytes, bytes]]) -> tuple[int, bytes]:
    """Send one request through Guard to an app that echoes the body; return (status, body)."""
    import asyncio

    from jmqa.guard import Guard

    async def echo(scope, receive, send):
        message = await receive()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": message["body"]})

    async def main() -> tuple[int, bytes]:
        chunks = list(body_chunks)
        sent: list[dict] = []

        async def receive():
            chunk = chunks.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(chunks)}

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "path": "/gradio_api/call/ask", "headers": [(b"host", b"127.0.0.1"), *headers]}
        await Guard(echo, allowed_hosts=frozenset({"127.0.0.1"}), max_body=10)(scope, receive, send)
        return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])

    return asyncio.run(main())


def test_the_guard_counts_bodies_with_or_without_a_length():
    assert _run_guard([b"12345", b"67890"], []) == (200, b"1234567890")  # exactly the limit
    assert _run_guard([b"12345", b"678901"], [])[0] == 413  # chunked, one byte over
    assert _run_guard([b"x"], [(b"content-length", b"11")])[0] == 413  # declared over
    assert _run_guard([b"x"], [(b"content-length", b"-1")])[0] == 413  # nonsense length


def test_refused_questions_are_previewed_not_echoed():
    from jmqa.render import REFUSED_PREVIEW_CHARS, refused_preview

    preview = refused_preview("x" * 1_000_000)
    assert len(preview) < REFUSED_PREVIEW_CHARS + 40 and preview.endswith("(1,000,000 characters)")
    assert refused_preview("a \ud800 b") == "a \ufffd b"
    json.dumps(refused_preview("\udcff" * 5)).encode("utf-8")  # sendable


def test_the_chat_history_is_bounded():
    from jmqa.chat import bounded_history

    turn = []
    for i in range(50):
        turn += [{"role": "user", "content": f"q{i}"}, {"role": "assistant", "content": "a" * 1000}]
    kept = bounded_history(turn, max_bytes=10_000)
    assert len(json.dumps(kept).encode()) <= 10_000
    assert kept[-2:] == turn[-2:] and kept[0]["role"] == "user"  # whole exchanges, latest kept
    assert bounded_history(turn[-2:], max_bytes=10) == turn[-2:]  # the latest always stays


# --- 8. long questions: the models read a bounded part ------------------------------------------


def test_a_long_query_is_fitted_to_the_token_budget():
    from jmqa.embedders import QUERY_MAX_TOKENS, fit_query

    def words(text: str) -> int:  # a stand-in tokenizer: one token per word
        return len(text.split())

    short = "How many visitors were there in 2025?"
    assert fit_query(short, words) == short
    long = "I am writing an essay. " * 100 + "How many visitors were there in 2025?"
    fitted = fit_query(long, words)
    assert words(fitted) <= QUERY_MAX_TOKENS
    assert fitted.startswith("I am writing") and fitted.endswith("visitors were there in 2025?")
    calls = []
    fit_query("字" * 100_000, lambda t: calls.append(t) or len(t))  # no spaces: cut by characters
    assert len(calls) < 40  # a bounded number of tries


@pytest.mark.slow
def test_a_long_question_costs_about_as_much_as_a_normal_one(qa):
    from jmqa.embedders import QUERY_MAX_TOKENS, fit_query, get_embedder

    long = ("What did the leaders agree about energy security and critical minerals? " * 14)[:1000]
    minilm, e5 = get_embedder("minilm"), get_embedder("e5")
    assert minilm.count_tokens(long) > 2 * QUERY_MAX_TOKENS
    assert minilm.count_tokens(fit_query(long, minilm.count_tokens)) <= QUERY_MAX_TOKENS
    assert e5._query_tokens(fit_query(long, e5._query_tokens)) <= QUERY_MAX_TOKENS
    timings = {}
    for label, question in (("normal", "Is there money for disaster recovery?"), ("long", long)):
        qa.ask(question)
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            qa.ask(question)
            runs.append(time.perf_counter() - started)
        timings[label] = sorted(runs)[2]
    # Before the budget it was 3-6 s against 0.05-1 s; generous, as the machine may be shared.
    assert timings["long"] < 3 * timings["normal"] + 0.3, timings
