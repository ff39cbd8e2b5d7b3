"""The shipped calibration is exactly what eval/tune.py fits on the dev split, and the code reads
every fitted number from it."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

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


def test_the_code_reads_its_fitted_numbers_from_the_file() -> None:
    calibration = Calibration.load()
    assert CONFIGS["default"].weights == calibration.fusion_weights
    assert 0.0 < calibration.far_off_cosine < 1.0 and 0.0 < calibration.type_near < 1.0
    raw = json.loads(SHIPPED.read_text())
    assert set(raw) == {f for f in Calibration.__dataclass_fields__}  # nothing unread, nothing missing


@pytest.mark.slow
def test_a_refit_on_dev_gives_exactly_what_ships(remembering_qa) -> None:
    tune = _tune()
    shipped = json.loads(SHIPPED.read_text())
    dev = [i for i in load_items(default_qa_path()) if i.split == "dev"]
    fitted = tune.fit(remembering_qa, dev, shipped, say=lambda _: None)
    expected = {k: v for k, v in shipped.items() if k != "fitted_on"}
    differs = sorted(k for k in expected if fitted.get(k) != expected[k])
    assert not differs, f"a refit on dev changes {differs}: run python eval/tune.py --write"
    assert fitted == expected
