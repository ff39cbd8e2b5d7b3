"""The shipped calibration is exactly what eval/tune.py fits on the dev split, and the code reads
every fitted number from it."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest

from jmqa.answer import Answerer
from jmqa.calibration import Calibration
from jmqa.evaluation import default_qa_path, load_items
from jmqa.retrieval import CONFIGS

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "jmqa" / "data" / "calibration.json"


def _tune() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tune", ROOT / "eval" / "tune.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_file_records_what_it_was_fitted_on() -> None:
    fitted_on = json.loads(SHIPPED.read_text())["fitted_on"]
    assert re.fullmatch(r"[0-9a-f]{40}", fitted_on["commit"]), "fit on committed code, not -dirty"
    assert fitted_on["qa_sha256"] == hashlib.sha256(default_qa_path().read_bytes()).hexdigest(), (
        "eval/qa.jsonl changed since the fit: run python eval/tune.py --write"
    )
    dev = [i for i in load_items(default_qa_path()) if i.split == "dev"]
    assert (fitted_on["split"], fitted_on["items"]) == ("dev", len(dev))
    assert re.fullmatch(r"[0-9a-f]{64}", fitted_on["signals_sha256"])


def test_the_code_reads_its_fitted_numbers_from_the_file() -> None:
    calibration = Calibration.load()
    assert CONFIGS["default"].weights == calibration.fusion_weights
    assert 0.0 < calibration.far_off_cosine < 1.0 and 0.0 < calibration.type_near < 1.0
    raw = json.loads(SHIPPED.read_text())
    assert set(raw) == {f for f in Calibration.__dataclass_fields__}  # nothing unread, nothing missing


@pytest.mark.slow
def test_a_refit_on_dev_gives_what_ships(remembering_qa) -> None:
    """Exactly, where the models give the dev questions the signals the file was fitted on. On a
    processor whose vector kernels give their last digits otherwise, a grid choice at a near-tie
    may flip (2 Dec 2026: far_off_cosine 0.4 or 0.45 on two machines, from the same code): there
    the refit must take the same decisions on dev, but for 2% of its items."""
    tune = _tune()
    shipped = json.loads(SHIPPED.read_text())
    dev = [i for i in load_items(default_qa_path()) if i.split == "dev"]
    fitted = tune.fit(remembering_qa, dev, shipped, say=lambda _: None)
    expected = {k: v for k, v in shipped.items() if k != "fitted_on"}
    if tune.signals_digest(remembering_qa, dev) == shipped["fitted_on"]["signals_sha256"]:
        differs = sorted(k for k in expected if fitted.get(k) != expected[k])
        assert not differs, f"a refit on dev changes {differs}: run python eval/tune.py --write"
        assert fitted == expected
        return
    assert fitted.keys() == expected.keys()
    as_shipped = _dev_decisions(remembering_qa, dev, shipped)
    as_refitted = _dev_decisions(remembering_qa, dev, {**fitted, "fitted_on": shipped["fitted_on"]})
    changed = sum(a != b for a, b in zip(as_shipped, as_refitted))
    assert changed <= 0.02 * len(dev), (
        f"a refit on dev changes {changed} of its {len(dev)} decisions: run python eval/tune.py --write"
    )


def _dev_decisions(qa, dev, calibration: dict) -> list[bool]:  # noqa: ANN001
    """Whether each dev question is answered, under ``calibration``."""
    answerer = Answerer(qa.document, qa.lexicon, Calibration(**calibration), qa.index.entities, qa.analyzer.facts)
    config = replace(CONFIGS["default"], weights=calibration["fusion_weights"])
    return [
        answerer.answer(s, qa.retriever.fused(s, config), qa.retriever.rank(s, config, qa.paragraph_count)).found
        for s in qa.signals([i.question for i in dev])
    ]
