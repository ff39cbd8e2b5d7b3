"""`jmqa eval` end to end on a tiny Q&A set, and run_eval from Python."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jmqa.document import load_statement

# --- end to end ---------------------------------------------------------------------------------


def _write_tiny_set(path: Path) -> Path:
    doc = load_statement()
    rows = [
        ("e1", "How many two-way visitors were there in 2025?", [21],
         "approximately 1.05 million in 2025", "lexical", "dev"),
        ("e2", "Is there money for disaster recovery?", [18], "DRF (Disaster Risk Financing)",
         "paraphrase", "test"),
        ("e3", "What did they agree on critical minerals and rare earths?", [14],
         "critical minerals such as rare earth supply chains", "lexical", "test"),
        ("e4", "Who won the 2026 football World Cup?", [], "", "offtopic", "test"),
        ("e5", "What is Malaysia's GDP growth forecast?", [], "", "unanswerable", "test"),
        ("e6", "   ", [], "", "adversarial", "test"),  # fails clean_question: an abstention
    ]
    with path.open("w") as handle:
        for id_, q, gold, answer, tag, split in rows:
            assert not gold or answer in doc.paragraph(gold[0]).text
            handle.write(json.dumps({"id": id_, "question": q, "gold": gold, "answer": answer,
                                     "tag": tag, "split": split}) + "\n")
    return path


@pytest.mark.slow
def test_cli_eval_end_to_end(tmp_path: Path, qa, capsys) -> None:
    from jmqa.cli import main

    qa_file = _write_tiny_set(tmp_path / "tiny.jsonl")
    code = main(["eval", "--qa", str(qa_file), "--split", "all", "--out", str(tmp_path),
                 "--bootstrap", "50"])
    assert code == 0
    md = tmp_path / "report-tiny-all.md"
    data = json.loads((tmp_path / "report-tiny-all.json").read_text())
    png = tmp_path / "metrics_by_tag-tiny-all.png"
    assert md.exists() and png.read_bytes().startswith(b"\x89PNG")
    from jmqa.retrieval import CONFIGS

    assert data["retrievers"] == list(CONFIGS)
    assert set(data["per_item"]) == set(CONFIGS)
    assert all(len(rows) == 6 for rows in data["per_item"].values())
    empty = next(r for r in data["per_item"]["default"] if r["id"] == "e6")
    assert empty["found"] is False and empty["invalid_question"]
    assert data["latency"]["count"] == 5
    assert "hit@1" in md.read_text() and "| default |" in md.read_text()
    assert "How far to trust the confidence" in md.read_text()
    assert "false answers cautioned:" in md.read_text()
    assert sum(b["n"] for b in data["confidence_bands"]) == 5  # e6 was refused as input
    err = capsys.readouterr().err
    assert "encoding questions" in err  # progress is shown
    assert not list(tmp_path.glob(".tmp-*"))  # atomic writes leave no temp files


@pytest.mark.slow
def test_cli_eval_picks_retrievers_and_split(tmp_path: Path, qa) -> None:
    from jmqa.cli import main

    qa_file = _write_tiny_set(tmp_path / "tiny.jsonl")
    code = main(["eval", "--qa", str(qa_file), "--retriever", "bm25", "--retriever", "default",
                 "--split", "test", "--out", str(tmp_path), "--bootstrap", "20"])
    assert code == 0
    data = json.loads((tmp_path / "report-tiny-test.json").read_text())
    assert data["retrievers"] == ["bm25", "default"]
    assert len(data["items"]) == 5
    assert set(data["paired_hit1_default_minus"]) == {"bm25"}


@pytest.mark.slow
def test_run_eval_is_callable_from_a_test(qa, tmp_path: Path) -> None:
    from jmqa.evaluation import load_items, run_eval

    items = load_items(_write_tiny_set(tmp_path / "tiny.jsonl"))
    result = run_eval(qa, items, ["default"], bootstrap=0, latency=False)
    m = result.overall["default"]
    assert m.n == 6 and m.n_answerable == 3 and m.hit1 is not None
    assert result.latency is None


def test_cli_eval_invalid_file_exits_2(tmp_path: Path, capsys) -> None:
    from jmqa.cli import main

    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"id": "a", "question": "Q1?", "gold": [28], "answer": "x", "tag": "lexical"})
        + "\n" + json.dumps({"id": "a", "question": "Q2?", "gold": [21],
                             "answer": "not in the text", "tag": "weird"})
        + "\n{not json\n"
    )
    assert main(["eval", "--qa", str(bad), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "not valid JSON" in err
    bad.write_text("\n".join(bad.read_text().splitlines()[:2]) + "\n")
    assert main(["eval", "--qa", str(bad), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    for needle in ("gold [28]", "duplicate id", "not a verbatim span", "'weird'"):
        assert needle in err, needle
    assert not list(tmp_path.glob("report-*"))


def test_cli_eval_missing_file_and_empty_split_exit_2(tmp_path: Path) -> None:
    from jmqa.cli import main

    assert main(["eval", "--qa", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path)]) == 2
    only_test = tmp_path / "t.jsonl"  # no split field: every item counts as test
    only_test.write_text(json.dumps({"id": "a", "question": "Q?", "gold": [], "answer": "",
                                     "tag": "offtopic"}) + "\n")
    assert main(["eval", "--qa", str(only_test), "--split", "dev", "--out", str(tmp_path)]) == 2
    unknown = ["eval", "--qa", str(only_test), "--retriever", "nope", "--out", str(tmp_path)]
    assert main(unknown) == 2


@pytest.mark.slow
def test_cli_eval_robustness_goes_into_the_report(tmp_path: Path, qa) -> None:
    from jmqa.cli import main

    qa_file = _write_tiny_set(tmp_path / "tiny.jsonl")
    args = ["eval", "--qa", str(qa_file), "--retriever", "default", "--split", "all",
            "--out", str(tmp_path), "--bootstrap", "0"]
    assert main(args) == 0
    assert "robustness" not in json.loads((tmp_path / "report-tiny-all.json").read_text())
    assert main([*args, "--robustness"]) == 0
    data = json.loads((tmp_path / "report-tiny-all.json").read_text())["robustness"]
    rows = {r["perturbation"]: r for r in data["rows"]["all"]}
    assert set(rows) == {"lowercase", "typos", "abbreviations", "context", "polite", "tell_me_about"}
    assert all(r["items"] == 6 and r["held"] <= r["perturbed"] <= 6 for r in rows.values())
    md = (tmp_path / "report-tiny-all.md").read_text()
    assert "## Robustness (default pipeline)" in md and "| lowercase |" in md


@pytest.mark.slow
def test_cli_eval_no_glossary_reports_the_ablation(tmp_path: Path, qa) -> None:
    from jmqa.cli import main

    qa_file = _write_tiny_set(tmp_path / "tiny.jsonl")
    args = ["eval", "--qa", str(qa_file), "--retriever", "bm25", "--split", "all",
            "--out", str(tmp_path), "--bootstrap", "0", "--no-glossary"]
    assert main(args) == 0
    data = json.loads((tmp_path / "report-tiny-all.json").read_text())["glossary_ablation"]
    assert data["glossary_rows"] > 100
    assert data["with_glossary"]["n"] == data["without_glossary"]["n"] == 6
    assert set(data["changed"]) <= {"e1", "e2", "e3", "e4", "e5", "e6"}
    md = (tmp_path / "report-tiny-all.md").read_text()
    assert "## Glossary ablation (default pipeline)" in md and "| hit@1 |" in md


@pytest.mark.slow
def test_the_pipeline_without_glossary_differs_only_in_its_glossary(qa) -> None:
    from jmqa.evaluation.ablation import without_glossary

    bare = without_glossary(qa)
    assert bare.lexicon.glossary.entries == () and qa.lexicon.glossary.entries
    assert bare.index is qa.index and bare.retriever.embedders == qa.retriever.embedders
    # a Malay question the glossary bridges ("minyak sawit" is "palm oil") loses that bridge
    question = "Apa kata mereka tentang minyak sawit?"
    assert qa.lexicon.glossary.matches(question) and not bare.lexicon.glossary.matches(question)


def test_only_jmqa_eval_imports_the_harness() -> None:
    """The library, the command's other subcommands and the UI never load the harness or
    matplotlib; the harness loads matplotlib only to draw a plot."""
    import subprocess
    import sys

    code = (
        "import sys, jmqa, jmqa.cli\n"
        "assert 'jmqa.evaluation' not in sys.modules and 'matplotlib' not in sys.modules\n"
        "import jmqa.evaluation.cli\n"
        "assert 'matplotlib' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
