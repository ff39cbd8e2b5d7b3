"""eval/prune_glossary.py deletes exactly the rows it is given, and nothing else."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _prune() -> ModuleType:
    sys.path.insert(0, str(ROOT / "eval"))  # it reads tune.READ_HOLDOUTS beside it
    try:
        spec = importlib.util.spec_from_file_location("prune_glossary", ROOT / "eval" / "prune_glossary.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "eval"))


def test_write_without_keeps_comments_and_every_other_row(tmp_path):
    prune = _prune()
    (tmp_path / "glossary-en.tsv").write_text("# a comment\nen\tpm\tPrime Minister\nen\tdirty money\tmoney laundering\n")
    (tmp_path / "glossary.tsv").write_text("# ===== Malay =====\nms\tjepun\tJapan\n")
    prune.write_without([("en", "pm", "Prime Minister"), ("ms", "jepun", "Japan")], tmp_path)
    assert (tmp_path / "glossary-en.tsv").read_text() == "# a comment\nen\tdirty money\tmoney laundering\n"
    assert (tmp_path / "glossary.tsv").read_text() == "# ===== Malay =====\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["glossary-en.tsv", "glossary.tsv"]  # no temp file left


def test_the_tuning_questions_never_include_test_or_unread_sets():
    prune = _prune()
    items = prune.tuning_items()
    assert not any(i.split == "test" and i.id.startswith("q") for i in items)  # qa.jsonl's test split
    # Hold-outs 12, 15 and 16 (unread) and the second statement's sets (nothing is fitted on them).
    unread = ("h12-", "h15-", "h16-", "u0", "ub-", "uc-", "ud-", "ue-", "uf-", "ug-")
    assert not any(i.id.startswith(unread) for i in items)
    assert any(i.id.startswith("h14-") for i in items)  # read this session: it trains now
    assert any(i.id.startswith("h13-") for i in items)  # read, so it trains
