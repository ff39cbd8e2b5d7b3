"""The installed package is whole: every data file ships in the wheel, and a missing one fails
loudly, naming the file, instead of answering with less knowledge (issue 16)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import jmqa
from jmqa import data_files
from jmqa.answer import Calibration
from jmqa.glossary import GLOSSARY_FILES, Glossary

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "jmqa" / "data"


def test_the_wheel_ships_every_data_file(tmp_path: Path) -> None:
    # Build from a copy, so the checkout gets no build/ or .egg-info; no isolation, no network.
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    subprocess.run(
        [sys.executable, "-c", "from setuptools import build_meta; build_meta.build_wheel('dist')"],
        cwd=tmp_path, check=True, capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("jmqa-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    expected = {f"jmqa/data/{p.name}" for p in DATA.iterdir() if p.is_file()}
    assert expected and expected <= shipped, sorted(expected - shipped)
    assert "jmqa/py.typed" in shipped


def test_the_code_reads_only_data_files_that_exist() -> None:
    for name in GLOSSARY_FILES:
        assert (DATA / name).is_file(), name
    assert len(Glossary.load().entries) > 100


@pytest.fixture
def empty_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data reader at a package folder whose data/ is empty: a broken install."""
    (tmp_path / "data").mkdir()
    monkeypatch.setattr(data_files.resources, "files", lambda package: tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("load", "missing"),
    [(Calibration.load, "calibration.json"), (Glossary.load, GLOSSARY_FILES[0])],
)
def test_a_missing_data_file_raises_a_typed_error_naming_it(empty_data: Path, load, missing: str) -> None:
    with pytest.raises(jmqa.DataFileMissingError, match=rf"jmqa/data/{missing}.*Reinstall"):
        load()


def test_one_missing_glossary_is_not_silently_skipped(empty_data: Path) -> None:
    first = GLOSSARY_FILES[0]
    shutil.copy(DATA / first, empty_data / "data" / first)
    with pytest.raises(jmqa.DataFileMissingError, match=GLOSSARY_FILES[1]):
        Glossary.load()


def test_setup_stops_with_a_plain_message_when_the_disk_is_nearly_full(tmp_path: Path) -> None:
    # A df that reports 100 MB free: setup must refuse before pip runs, saying how much it needs,
    # rather than fail half-way with pip's "No space left on device" and a broken environment.
    venv, fake_bin = tmp_path / "venv", tmp_path / "bin"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    fake_bin.mkdir()
    (fake_bin / "df").write_text(
        "#!/bin/sh\necho 'Filesystem 1024-blocks Used Available Capacity Mounted'\n"
        "echo '/dev/x 1000000 900000 102400 90% /'\n"
    )
    (fake_bin / "df").chmod(0o755)
    env = {"PATH": f"{fake_bin}:/usr/bin:/bin", "VENV": str(venv), "HOME": str(tmp_path)}
    done = subprocess.run(["bash", str(ROOT / "scripts" / "setup.sh")], env=env, capture_output=True, text=True)
    assert done.returncode == 1
    assert "only 100 MB free" in done.stderr and "3500 MB" in done.stderr
    assert "installing torch" not in done.stdout
    assert not (venv / ".jmqa-installed").exists()
