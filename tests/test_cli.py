"""The jmqa command: readable and JSON answers, paragraphs, index, help, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import jmqa
from jmqa.cli import main
from jmqa.index import MANIFEST


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_paragraphs_prints_one_paragraph(capsys):
    code, out, _ = run(capsys, "paragraphs", "21")
    assert code == 0
    assert out.startswith("¶21 · Economy and People-to-People Exchanges")
    assert "approximately 1.05 million in 2025" in " ".join(out.split())


def test_paragraphs_prints_the_statement_by_section(capsys):
    code, out, _ = run(capsys, "paragraphs", "--json")
    data = json.loads(out)
    assert code == 0 and [p["paragraph"] for p in data] == list(range(1, 28))
    code, out, _ = run(capsys, "paragraphs")
    assert "== Security and Safety Cooperation ==" in out and out.count("¶") == 27


def test_paragraph_out_of_range_is_a_clear_error(capsys):
    code, _, err = run(capsys, "paragraphs", "99")
    assert code == 2 and "paragraphs 1-27" in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["ask", "   "], "empty"),
        (["ask", "x" * 100_000], "limit is 1,000"),
        (["ask", "oil\x00"], "control characters"),
        (["ask", "palm oil", "--k", "0"], "from 1 to 27"),
        (["search", "palm oil", "--k", "100"], "from 1 to 27"),
    ],
)
def test_bad_input_exits_2_with_a_message(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in err and out == ""


@pytest.mark.parametrize("command", [[], ["index"], ["ask"], ["search"], ["paragraphs"], ["eval"], ["serve"]])
def test_help_everywhere(capsys, command):
    with pytest.raises(SystemExit) as exit_:
        main([*command, "--help"])
    assert exit_.value.code == 0
    assert "usage: jmqa" in capsys.readouterr().out


@pytest.mark.slow
def test_ask_marks_the_answering_sentence(qa, capsys):
    code, out, _ = run(capsys, "ask", "How many visitors were there in 2025?")
    assert code == 0
    assert out.startswith("¶21 · Economy and People-to-People Exchanges")
    assert "⟦Both leaders were pleased" in out and "— Japan-Malaysia Joint Statement, 10 June 2026, ¶21" in out


@pytest.mark.slow
def test_ask_json(qa, capsys):
    code, out, _ = run(capsys, "ask", "What is OSA?", "--json")
    data = json.loads(out)
    assert code == 0 and data["found"] and data["quotes"][0]["paragraph"] == 6
    quote = data["quotes"][0]
    for start, end in quote["highlights"]:
        assert quote["text"][start:end] in quote["highlighted"]


@pytest.mark.slow
def test_ask_says_where_else_the_statement_uses_the_asked_phrase(qa, capsys):
    code, out, _ = run(capsys, "ask", "What is their position on the South China Sea?")
    assert code == 0 and out.startswith("¶22 ·")
    assert "“South China Sea” is also in ¶8: see `jmqa paragraphs 8`." in out
    code, out, _ = run(capsys, "ask", "What is their position on the South China Sea?", "--json")
    assert json.loads(out)["mentions"] == [{"phrase": "South China Sea", "passages": [8]}]


@pytest.mark.slow
def test_ask_refuses_plainly(qa, capsys):
    code, out, _ = run(capsys, "ask", "best ramen in Osaka")
    assert code == 0 and out.startswith("The statement does not address this question.")


@pytest.mark.slow
def test_a_long_refusal_is_wrapped_to_the_width_of_the_quotes(qa, capsys):
    code, out, _ = run(capsys, "ask", "How many paragraphs does the joint statement have?")
    assert code == 0 and out.startswith(jmqa.ABOUT_DOCUMENT[:40])
    lines = out.strip().splitlines()
    assert len(lines) > 1 and all(len(line) <= 96 for line in lines)
    assert " ".join(lines) == " ".join(out.split())  # wrapped, nothing lost


@pytest.mark.slow
def test_ask_for_a_paragraph_that_does_not_exist(qa, capsys):
    code, out, _ = run(capsys, "ask", "What does ¶40 say?")
    assert code == 0 and out.strip() == "The statement's paragraphs are numbered 1 to 27: there is no ¶40."


def test_no_build_with_a_missing_index_exits_1_and_says_how_to_fix(fake_models, capsys, tmp_path):
    code, _, err = run(capsys, "--index-dir", str(tmp_path / "none"), "ask", "palm oil", "--no-build")
    assert code == 1 and "jmqa index" in err
    assert not (tmp_path / "none").exists()


def test_index_builds_and_checks(fake_models, capsys, tmp_path):
    code, out, err = run(capsys, "--index-dir", str(tmp_path), "index")
    assert code == 0 and (tmp_path / MANIFEST).exists() and "embedding with minilm" in err
    code, out, _ = run(capsys, "--index-dir", str(tmp_path), "index", "--check")
    assert code == 0 and "up to date" in out
    (tmp_path / MANIFEST).write_text("{")
    code, _, err = run(capsys, "--index-dir", str(tmp_path), "index", "--check")
    assert code == 1 and "jmqa index" in err


def test_an_index_lacking_a_query_encoder_is_reported_with_the_quick_fix_then_mended(fake_index_copy, capsys):
    manifest = json.loads((fake_index_copy / MANIFEST).read_text())
    for key in ("query_model", "query_weights"):
        del manifest["models"]["e5"][key]
    (fake_index_copy / MANIFEST).write_text(json.dumps(manifest))
    for argv in (("index", "--check"), ("ask", "palm oil", "--no-build")):
        code, _, err = run(capsys, "--index-dir", str(fake_index_copy), *argv)
        assert code == 1 and "no query encoder for e5" in err and "`jmqa ask` (without --no-build)" in err
    code, _, err = run(capsys, "--index-dir", str(fake_index_copy), "ask", "palm oil")
    assert code == 0 and "exporting the missing query encoders" in err and "rebuilding" not in err
    code, out, _ = run(capsys, "--index-dir", str(fake_index_copy), "index", "--check")
    assert code == 0 and "up to date" in out


def test_bad_input_leaves_the_index_as_it_was(capsys, tmp_path):
    (tmp_path / MANIFEST).write_text('{"models": {}}')
    before = (tmp_path / MANIFEST).read_bytes()
    run(capsys, "--index-dir", str(tmp_path), "ask", "")
    assert (tmp_path / MANIFEST).read_bytes() == before and len(list(tmp_path.iterdir())) == 1


def test_console_script_is_installed():
    result = subprocess.run([sys.executable, "-m", "jmqa.cli", "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "jmqa" in result.stdout
    script = Path(sys.executable).with_name("jmqa")
    assert script.exists(), "the jmqa console script is not installed in this environment"


def test_ask_prints_a_caution_before_the_quotes_when_unsure() -> None:
    import jmqa
    from jmqa.answer import Answer, Quote
    from jmqa.cli import format_answer

    p = jmqa.load_statement().paragraph(21)
    answer = Answer("Which airlines?", True, (Quote(21, p.section, p.text, (), 1.0),), 0.45, (), jmqa.CAUTION)
    text = format_answer(answer)
    assert " ".join(text.split()).startswith(jmqa.CAUTION)
    assert "\n\n¶21 · " in text
    sure = " ".join(format_answer(Answer("q", True, answer.quotes, 0.9)).split())
    assert sure.startswith("¶21 · ") and jmqa.CAUTION[:40] not in sure


def test_the_mark_claims_no_more_than_the_answer_does() -> None:
    """Under the caution the marked sentence is the closest one, not "the" answer."""
    import jmqa
    from jmqa.answer import Answer, Quote
    from jmqa.cli import format_answer
    from jmqa.document import Span

    p = jmqa.load_statement().paragraph(21)
    quotes = (Quote(21, p.section, p.text, (Span(0, 40),), 1.0),)
    unsure = format_answer(Answer("Which airlines?", True, quotes, 0.45, (), jmqa.CAUTION))
    sure = format_answer(Answer("Which airlines?", True, quotes, 0.9))
    assert unsure.endswith("⟦…⟧ marks the sentence closest to the question.")
    assert sure.endswith("⟦…⟧ marks the sentence that answers the question.")


def test_index_where_prints_the_folder_and_touches_nothing(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("JMQA_INDEX_DIR", str(tmp_path / "from-env"))
    code, out, _ = run(capsys, "index", "--where")
    assert code == 0 and out.strip() == str((tmp_path / "from-env").resolve())
    code, out, _ = run(capsys, "--index-dir", str(tmp_path / "given"), "index", "--where")
    assert code == 0 and out.strip() == str((tmp_path / "given").resolve())
    assert list(tmp_path.iterdir()) == []


def test_an_installed_package_keeps_its_index_in_the_user_cache(tmp_path, monkeypatch):
    import jmqa.qa

    monkeypatch.delenv("JMQA_INDEX_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    site = tmp_path / "site-packages" / "jmqa" / "qa.py"  # no pyproject.toml two levels up
    monkeypatch.setattr(jmqa.qa, "__file__", str(site))
    assert jmqa.qa.default_index_dir() == tmp_path / ".cache" / "jmqa" / "index"
