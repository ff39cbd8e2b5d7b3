"""The statement library: add, list, remove, --statement, --all, jmqa.load(statement=...), jmqa.Library.

One library per module (small invented statements, so each index builds in seconds), in a
throwaway $JMQA_HOME; the shipped statement's index is the one the session already uses.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_ui_browser import ask, browser, watched  # noqa: F401  (fixtures for the browser test)

import jmqa
from jmqa.cli import main
from jmqa.store import Examples, Store

STATEMENTS = Path(__file__).parent / "data" / "statements"
KELP = STATEMENTS / "invented-subheadings-bullets.txt"  # 5 paragraphs, "(a) Trade" sub-headings
WRAPPED = STATEMENTS / "invented-hard-wrapped.txt"  # 3 paragraphs, hard-wrapped
DEEP_SEA = STATEMENTS / "invented-preamble-long-title.txt"  # 3 paragraphs after a preamble
SHIPPED = jmqa.load_statement()
SHIPPED_ID = "japan-malaysia-joint-statement-2026-06-10"


# As `jmqa add` offers it: an export the shipped index holds is not checked again (in a checkout
# that check encodes the 719 eval questions with each model, about 40 s an add; other tests check
# the exports).
SHIPPED_INDEX = [jmqa.default_index_dir()]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def snapshot(home: Path) -> dict[str, bytes]:
    """Every file under ``home`` with its content (the lock file's presence does not count)."""
    return {
        str(p.relative_to(home)): p.read_bytes()
        for p in sorted(home.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory, qa: jmqa.QA) -> Iterator[Path]:
    """A library with two invented statements added through the CLI (``qa``: models loaded)."""
    folder = tmp_path_factory.mktemp("jmqa-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("JMQA_HOME", str(folder))
    try:
        assert main(["add", str(KELP), "--id", "kelp"]) == 0
        assert main(["add", str(WRAPPED)]) == 0
        yield folder
    finally:
        mp.undo()


@pytest.fixture
def in_home(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JMQA_HOME", str(home))
    return home


def test_list_json_has_the_shipped_statement_first_and_the_added_ones(in_home, capsys):
    code, out, _ = run(capsys, "list", "--json")
    listed = json.loads(out)
    assert code == 0
    assert all(set(item) == {"id", "title", "date", "paragraphs"} for item in listed)
    assert listed[0] == {"id": SHIPPED_ID, "title": SHIPPED.title, "date": "2026-06-10", "paragraphs": 27}
    by_id = {item["id"]: item for item in listed}
    assert by_id["kelp"] == {
        "id": "kelp", "title": "Joint Statement of Atlantis and Lemuria", "date": "2025-03-12", "paragraphs": 5,
    }
    # Without --id the id is a slug of the title and date.
    assert by_id["joint-statement-between-atlantis-and-lemuria-2025-06-02"]["paragraphs"] == 3


def test_list_text_marks_the_default(in_home, capsys):
    code, out, _ = run(capsys, "list")
    assert code == 0 and "(shipped, default)" in out.splitlines()[0] and "kelp" in out


def test_adding_the_same_file_twice_is_a_no_op(in_home, capsys):
    before = snapshot(in_home)
    code, out, _ = run(capsys, "add", str(KELP), "--id", "another-id")
    assert code == 0 and "already in the library as 'kelp'" in out
    assert snapshot(in_home) == before


def test_adding_the_shipped_statement_is_a_no_op(in_home, capsys, tmp_path):
    copy = tmp_path / "shipped.txt"
    copy.write_text(
        (Path(jmqa.__file__).parent / "data" / "japan-malaysia-joint-statement-2026-06-10.txt").read_text(
            encoding="utf-8"
        ),
        encoding="utf-8",
    )
    before = snapshot(in_home)
    code, out, _ = run(capsys, "add", str(copy))
    assert code == 0 and SHIPPED_ID in out and snapshot(in_home) == before


def test_a_bad_file_changes_nothing_and_names_its_line(in_home, capsys, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("Joint Statement\n\n1 May 2025\n\n1. First.\n\n3. Third, out of order.\n", encoding="utf-8")
    before = snapshot(in_home)
    code, out, err = run(capsys, "add", str(bad))
    assert code == 2 and "line 7" in err and out == ""
    assert snapshot(in_home) == before


@pytest.mark.parametrize("statement_id, message", [("kelp", "taken"), ("Bad Id!", "not a usable id"),
                                                   (SHIPPED_ID, "taken")])
def test_a_taken_or_malformed_id_changes_nothing(in_home, capsys, statement_id, message):
    before = snapshot(in_home)
    code, _, err = run(capsys, "add", str(DEEP_SEA), "--id", statement_id)
    assert code == 2 and message in err
    assert snapshot(in_home) == before


def test_a_crash_while_writing_leaves_the_library_as_it_was(in_home, monkeypatch):
    import jmqa.index

    def crash(*_args, **_kwargs):
        raise OSError("disk full")

    before = snapshot(in_home)
    monkeypatch.setattr(jmqa.index, "save_index", crash)
    with pytest.raises(OSError, match="disk full"):
        Store().add(DEEP_SEA, "deep-sea")
    assert snapshot(in_home) == before
    assert not list((in_home / "statements").glob(".tmp-*"))


def test_add_prints_what_it_understood_and_remove_deletes_only_its_files(in_home, capsys, tmp_path):
    text = tmp_path / "deep-sea.txt"
    text.write_text(DEEP_SEA.read_text(encoding="utf-8"), encoding="utf-8")
    examples = {"label": "Try", "questions": ["What will the survey of the Abyssal Plain do?"]}
    (tmp_path / "deep-sea.examples.json").write_text(json.dumps(examples), encoding="utf-8")
    code, out, _ = run(capsys, "add", str(text), "--id", "deep-sea")
    assert code == 0
    assert "Partnership for the Deep Sea" in out and "“Partners Beneath the Waves”" in out
    assert "4 April 2024" in out and "paragraphs: 3" in out
    assert "preamble:   2 unnumbered paragraph(s)" in out and "Ms. Coral Reyes, hosted" in out
    assert "Ocean Science" in out and "People-to-People Ties" in out
    entry = Store().get("deep-sea")
    folder = entry.folder
    assert folder is not None and (folder / "statement.json").is_file()
    assert Store().examples(entry) == Examples("Try", tuple(examples["questions"]))
    assert Store().examples(Store().get("kelp")) is None  # no profile beside it: no examples
    theirs = folder / "notes.txt"  # something jmqa did not write
    theirs.write_text("mine", encoding="utf-8")

    code, out, _ = run(capsys, "remove", "deep-sea")
    assert code == 0 and "removed 'deep-sea'" in out
    assert theirs.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]
    code, out, _ = run(capsys, "list", "--json")
    assert "deep-sea" not in {item["id"] for item in json.loads(out)}
    theirs.unlink()
    folder.rmdir()


@pytest.mark.parametrize("statement_id, message", [(SHIPPED_ID, "cannot be removed"), ("nope", "no statement")])
def test_remove_refuses_the_shipped_statement_and_unknown_ids(in_home, capsys, statement_id, message):
    before = snapshot(in_home)
    code, _, err = run(capsys, "remove", statement_id)
    assert code == 2 and message in err and snapshot(in_home) == before


def test_paragraphs_and_search_take_a_statement(in_home, capsys):
    code, out, _ = run(capsys, "paragraphs", "--statement", "kelp", "--json")
    assert code == 0 and [p["paragraph"] for p in json.loads(out)] == [1, 2, 3, 4, 5]
    code, out, _ = run(capsys, "search", "tariffs on kelp", "--statement", "kelp", "--k", "2", "--json")
    hits = json.loads(out)
    assert code == 0 and hits[0]["paragraph"] == 1 and hits[0]["statement"]["id"] == "kelp"
    code, _, err = run(capsys, "search", "kelp", "--statement", "kelp", "--k", "6")
    assert code == 2 and "from 1 to 5" in err
    code, _, err = run(capsys, "ask", "kelp?", "--statement", "nope")
    assert code == 2 and "no statement with id 'nope'" in err


def test_when_a_statement_dated_only_in_its_date_line_was_made_is_told_not_quoted(in_home, capsys):
    # No passage of "kelp" writes its date ("12 March 2025, Poseidonia" is its date line): there is
    # nothing to quote, and the answer says what the line gives.
    code, out, _ = run(capsys, "ask", "When was the joint statement issued?", "--statement", "kelp", "--json")
    answer = json.loads(out)
    assert code == 0 and not answer["found"] and answer["quotes"] == [] and answer["nearest"] == []
    assert answer["message"] == (
        "No paragraph gives the date the statement was made; its date line gives 12 March 2025, Poseidonia."
    )


def test_ask_all_quotes_the_statement_that_answers_and_names_it(in_home, capsys):
    code, out, _ = run(capsys, "ask", "By how much will tariffs on kelp products be lowered?", "--all", "--json")
    answer = json.loads(out)
    assert code == 0 and answer["found"]
    first = answer["quotes"][0]
    assert first["statement"]["id"] == "kelp" and first["paragraph"] == 1
    assert first["citation"] == "Joint Statement of Atlantis and Lemuria, 12 March 2025, ¶1"


def test_ask_all_leaves_a_question_naming_the_parties_to_the_statement_that_names_them(tmp_path, monkeypatch, qa):
    """Two statements agree the same kelp tariff cut, between other parties: a question that names
    one pair is answered from that pair's statement alone, one that names neither from both."""
    monkeypatch.setenv("JMQA_HOME", str(tmp_path))
    rival = tmp_path / "rival.txt"
    rival.write_text("Joint Statement of Avalon and Zanzara\n\n3 April 2025, Camelot\n\n"
                     "1. Both sides agreed to lower tariffs on kelp products by 25 per cent.\n"
                     "2. The two sides will hold an energy dialogue in Camelot.\n", encoding="utf-8")
    store = Store()
    store.add(KELP, "kelp", known_indexes=SHIPPED_INDEX)
    store.add(rival, "rival")
    library = jmqa.Library()
    for parties, expected in (("Atlantis and Lemuria", {"kelp"}), ("Avalon and Zanzara", {"rival"}),
                              ("the two sides", {"kelp", "rival"})):
        answer = library.ask(f"By how much will {parties} lower tariffs on kelp products?")
        assert answer.found and {q.statement.id for q in answer.quotes} == expected, parties


def library_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, texts: dict[str, str]) -> jmqa.Library:
    """A library in ``tmp_path`` holding each text under its id (and the shipped statement)."""
    monkeypatch.setenv("JMQA_HOME", str(tmp_path))
    for statement_id, text in texts.items():
        path = tmp_path / f"{statement_id}.txt"
        path.write_text(text, encoding="utf-8")
        Store().add(path, statement_id, known_indexes=SHIPPED_INDEX)
    return jmqa.Library()


def test_ask_all_keeps_to_the_statement_whose_parties_the_question_names(tmp_path, monkeypatch, qa):
    """Both statements name all four parties and the war in Ukraine: a question that names two of
    them as its parties is answered, and searched, from their statement first."""
    library = library_of(tmp_path, monkeypatch, {
        name: f"Joint Statement of {parties}\n\n3 April 2025, Camelot\n\n"
              f"1. {parties} condemned the war in Ukraine, as {others} did.\n"
              f"2. {parties} will hold an energy dialogue every year.\n"
        for name, parties, others in (("ours", "Atlantis and Lemuria", "Avalon and Zanzara"),
                                      ("theirs", "Avalon and Zanzara", "Atlantis and Lemuria"))
    })
    for question, expected in (("What did Atlantis and Lemuria say about the war in Ukraine?", {"ours"}),
                               ("What did the Avalonians and Zanzarans say of the war in Ukraine?", {"theirs"}),
                               ("What was said about the war in Ukraine?", {"ours", "theirs"})):
        answer = library.ask(question)
        assert answer.found and {q.statement.id for q in answer.quotes} == expected, question
        hits = library.search(question, k=4)
        assert {h.statement.id for h in hits[: len(expected)]} == expected, question


def test_a_signing_still_to_come_is_no_signing_a_question_may_take_as_done(tmp_path, monkeypatch, qa):
    """A statement that means "to conclude" a trade agreement has not signed one: a question about
    the trade agreement "signed at the summit" is not its to answer; one about what it did sign is."""
    library = library_of(tmp_path, monkeypatch, {
        "kelp": "Joint Statement of Atlantis and Lemuria\n\n3 April 2025, Camelot\n\n"
                "1. Atlantis and Lemuria signed a Memorandum on kelp farming, which covers seed banks.\n"
                "2. They intend to conclude a free trade agreement that removes tariffs on kelp.\n",
    })
    kelp = library.qa("kelp")
    answer = kelp.ask("What tariffs does the free trade agreement signed at the summit remove?")
    assert not answer.found and answer.message == jmqa.NOT_SAID
    answer = kelp.ask("What does the kelp memorandum signed at the summit cover?")
    assert answer.found and answer.quotes[0].paragraph == 1


def test_a_library_from_an_earlier_jmqa_gets_e5s_graph_linked_not_rebuilt(tmp_path, monkeypatch, qa, caplog):
    """Indexes built before e5's questions went through onnxruntime lack its graph: ``ask --all``
    exports it where missing, taking the bytes the shipped statement's index holds (a hard link,
    not checked again), and embeds nothing."""
    from jmqa.index import MANIFEST, read_manifest

    library_of(tmp_path, monkeypatch, {
        name: f"Joint Statement of Atlantis and Lemuria\n\n{day} April 2025, Camelot\n\n"
              f"1. The two sides will hold an energy dialogue every {period}.\n"
        for name, day, period in (("first", 3, "year"), ("second", 9, "month"))
    })
    folders = {e.ref.id: Store().index_dir(e) for e in Store().entries()}
    graphs = {}
    for name in ("first", "second"):
        folder = folders[name]
        manifest = read_manifest(folder)
        graphs[name] = [manifest["models"]["e5"].pop(key)["file"] for key in ("query_model", "query_weights")]
        for file in graphs[name]:
            (folder / file).unlink()
        (folder / MANIFEST).write_text(json.dumps(manifest))
    monkeypatch.setattr("jmqa.embedders.E5.encode_passages", lambda *_: pytest.fail("re-embedded"))
    with caplog.at_level("WARNING", logger="jmqa"):
        answer = jmqa.Library().ask("How often will the energy dialogue be held?")
    assert answer.found and {q.statement.id for q in answer.quotes} <= {"first", "second"}
    assert caplog.text.count("no query encoder for e5") == 2 and "rebuilding" not in caplog.text
    shipped = jmqa.default_index_dir()
    for name in ("first", "second"):
        folder = folders[name]
        assert [read_manifest(folder)["models"]["e5"][k]["file"] for k in ("query_model", "query_weights")] == graphs[name]
        for file in graphs[name]:  # the one graph of the library, linked from the shipped index
            assert (folder / file).stat().st_ino == (shipped / file).stat().st_ino


def test_ask_all_keeps_to_the_statement_of_the_occasion_the_question_dates(tmp_path, monkeypatch, qa):
    """Two statements between the same parties agree the same kelp tariff cut: "the March 2025
    statement" is answered from the one of that date; a question that dates nothing, from both."""
    library = library_of(tmp_path, monkeypatch, {
        name: f"Joint Statement of Atlantis and Lemuria\n\n{date}, Poseidonia\n\n"
              "1. Both sides agreed to lower tariffs on kelp products by 25 per cent.\n"
              "2. The two sides will hold an energy dialogue every year.\n"
        for name, date in (("march", "12 March 2025"), ("june", "2 June 2025"))
    })
    for question, expected in (("In the March 2025 statement, by how much will tariffs on kelp products be lowered?", {"march"}),
                               ("By how much does the statement of 2 June 2025 lower tariffs on kelp products?", {"june"}),
                               # A month and year alone that is exactly one statement's.
                               ("kelp tariff cuts - Atlantis Lemuria June 2025", {"june"}),
                               ("By how much will tariffs on kelp products be lowered?", {"march", "june"})):
        answer = library.ask(question)
        assert answer.found and {q.statement.id for q in answer.quotes} == expected, question


def test_the_occasion_a_question_dates_comes_before_the_names_it_gives(tmp_path, monkeypatch, qa):
    """Only the June statement names the Quorvex plant: asked of the March statement by date, it
    is not quoted from June's, whichever statement knows the name."""
    library = library_of(tmp_path, monkeypatch, {
        name: f"Joint Statement of Atlantis and Lemuria\n\n{date}, Poseidonia\n\n"
              f"1. Both sides agreed to lower tariffs on kelp products by 25 per cent.\n"
              f"2. {plant}\n"
        for name, date, plant in (
            ("march", "12 March 2025", "The two sides will hold an energy dialogue every year."),
            ("june", "2 June 2025", "The Quorvex tidal plant will open in Poseidonia in 2027."),
        )
    })
    answer = library.ask("atlantis lemuria march 2025 statement - when will the Quorvex tidal plant open?")
    assert {q.statement.id for q in answer.quotes} <= {"march"}
    answer = library.ask("atlantis lemuria june 2025 statement - when will the Quorvex tidal plant open?")
    assert answer.found and {q.statement.id for q in answer.quotes} == {"june"}


def test_a_party_named_in_any_statements_reading_of_the_question_is_named(tmp_path, monkeypatch, qa):
    """Each statement mends the question against its own words: "us" reads "US" for the one that
    writes "US", not for the one that writes "U.S."; the question names the parties of both."""
    library = library_of(tmp_path, monkeypatch, {
        name: f"Joint Statement of the United States and India\n\n{date}, Washington\n\n"
              f"1. The {us} and India agreed to lower tariffs on kelp products by 25 per cent.\n"
              "2. The two sides will hold an energy dialogue every year.\n"
        for name, date, us in (("march", "12 March 2025", "U.S."), ("june", "2 June 2025", "US"))
    })
    answer = library.ask("by how much will tariffs on kelp products be lowered per the march 2025 us india joint statement")
    assert answer.found and {q.statement.id for q in answer.quotes} == {"march"}


def test_a_leader_named_alone_stands_for_the_statement_they_made(tmp_path, monkeypatch, qa):
    """Both statements lower kelp tariffs; a question that names one's leader, and no party, is
    answered from that statement alone, even typed in lower case, where it is no unknown name."""
    library = library_of(tmp_path, monkeypatch, {
        name: f"Joint Statement of {parties}\n\n{date}, Poseidonia\n\n"
              f"1. President {first} and Prime Minister {second} met in Poseidonia today.\n"
              "2. Both sides agreed to lower tariffs on kelp products by 25 per cent.\n"
        for name, parties, date, first, second in (
            ("ours", "Atlantis and Lemuria", "12 March 2025", "Arthur Pendragon", "Morgan Leclerc"),
            ("theirs", "Avalon and Zanzara", "2 June 2025", "Oberon Whitfield", "Titania Rourke"),
        )
    })
    for question, expected in (("what did whitfield agree on kelp tariffs", {"theirs"}),
                               ("what was agreed on kelp tariffs", {"ours", "theirs"})):
        answer = library.ask(question)
        assert answer.found and {q.statement.id for q in answer.quotes} == expected, question


def test_the_statement_that_alone_holds_a_word_of_the_question_is_read(tmp_path, monkeypatch, qa):
    """Asked of only the statement closest for e5, the library also reads the one that holds a
    word of the question none of those uses: a name typed in lower case is near anything for e5."""
    library = library_of(tmp_path, monkeypatch, {
        "energy": "Joint Statement of Atlantis and Lemuria\n\n12 March 2025, Poseidonia\n\n"
                  "1. The two sides will hold an energy dialogue every year on energy exports.\n"
                  "2. They welcomed energy exports and a new energy dialogue.\n",
        "mining": "Joint Statement of Avalon and Zanzara\n\n2 June 2025, Camelot\n\n"
                  "1. The two sides will study deep sea mining.\n"
                  "2. They welcomed the merger of Quorvex and Draemlin Holdings.\n",
    })
    qas = library._chosen(["energy", "mining"])
    question = "will the yearly energy dialogue on energy exports cover quorvex"
    assert [q.statement.id for q in library._shortlist(qas, question, 1)][:1] == ["energy"]  # e5's pick
    assert {q.statement.id for q in library._shortlist(qas, question, 1)} == {"energy", "mining"}
    assert [q.statement.id for q in library._shortlist(qas, "energy exports dialogue", 1)] == ["energy"]


def test_search_all_ranks_paragraphs_of_every_statement(in_home, capsys):
    code, out, _ = run(capsys, "search", "shipping line to new ports", "--all", "--k", "3", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 3
    assert hits[0]["statement"]["id"] == "joint-statement-between-atlantis-and-lemuria-2025-06-02"
    assert hits[0]["paragraph"] == 2


def test_load_by_id_path_or_document_gives_the_same_statement(in_home):
    by_id = jmqa.load(statement="kelp")
    by_path = jmqa.load(statement=KELP)
    by_document = jmqa.load(statement=jmqa.parse(KELP.read_text(encoding="utf-8")))
    for qa in (by_id, by_path, by_document):
        assert qa.document.title == "Joint Statement of Atlantis and Lemuria" and qa.statement.id == "kelp"
    hit = by_id.search("investment in tidal energy", k=1)[0]
    assert hit.paragraph == 3 and hit.statement == by_id.statement


def test_load_without_a_statement_is_the_shipped_one(in_home, qa):
    assert jmqa.load().document == qa.document and qa.statement.id == SHIPPED_ID
    assert qa.search("palm oil", k=1)[0].statement.id == SHIPPED_ID


def test_a_statement_not_in_the_library_needs_an_index_dir(in_home):
    with pytest.raises(jmqa.InvalidArgumentError, match="jmqa add"):
        jmqa.load(statement=DEEP_SEA)


def test_library_searches_lazily_across_statements(in_home):
    library = jmqa.Library()
    assert [s.id for s in library.statements][0] == SHIPPED_ID
    assert {s.id for s in library.statements} >= {"kelp", SHIPPED_ID}
    hits = library.search("maritime dialogue", k=3, statements=["kelp"])
    assert len(library._loaded) == 1  # only the statement asked about was loaded
    assert hits[0].statement.id == "kelp" and hits[0].paragraph == 5
    with pytest.raises(jmqa.UnknownStatementError):
        library.search("kelp", statements=["nope"])


def test_library_refuses_what_no_statement_addresses(in_home):
    answer = jmqa.Library().ask("What is the best ramen shop in Osaka?")
    assert not answer.found and answer.quotes == ()


def test_a_quote_across_statements_names_its_statement_and_links_to_it():
    from jmqa.render import quote_block_html

    ref = jmqa.StatementRef("us-india", "US-India Joint Statement", dt.date(2023, 6, 22))
    block = html.unescape(quote_block_html(SHIPPED, 12, "Defense", "Text.", statement=ref))
    assert "US-India Joint Statement, 22 June 2023, ¶12" in block
    assert 'href="?s=us-india&p=12"' in block


@pytest.fixture(scope="module")
def library_app(home: Path, qa: jmqa.QA, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app with the module's library behind its picker, on a free local port."""
    from conftest import running

    from jmqa.ui import build_app

    with running(lambda: build_app(qa, jmqa.Library()), tmp_path_factory, JMQA_HOME=str(home)) as url:
        yield url


def test_the_ask_endpoint_takes_a_statement_or_all(library_app: str):
    from gradio_client import Client

    client = Client(library_app, verbose=False)
    try:
        question = "By how much will tariffs on kelp products be lowered?"
        in_kelp = client.predict(question, "kelp", api_name="/ask")
        assert "Joint Statement of Atlantis and Lemuria, 12 March 2025, ¶1" in in_kelp
        everywhere = client.predict(question, "*all*", api_name="/ask")
        assert "Joint Statement of Atlantis and Lemuria, 12 March 2025, ¶1" in everywhere
        default = client.predict("How many visitors were there in 2025?", api_name="/ask")
        assert f"{SHIPPED.citation(21)}" in default.replace("\\", "")
        assert "no statement 'nope'" in client.predict(question, "nope", api_name="/ask")
    finally:
        client.close()


def browse(page, address: str, quote_class: str, text: str):
    """Open ``address``, wait until the browser tab shows the quote, return its citation box."""
    page.goto(address)
    page.locator(f"#jmqa-browse .jmqa-quote.{quote_class}", has_text=text).wait_for()
    return page.locator("#jmqa-browse-citation textarea")


@pytest.mark.browser
@pytest.mark.slow
def test_the_browser_opens_a_paragraph_of_any_statement_and_asks_there(library_app: str, watched):
    page = watched.page
    citation = browse(page, library_app + "/?s=kelp&p=3", "jmqa-p3", "USD 2 billion in tidal energy")
    assert citation.input_value() == "Joint Statement of Atlantis and Lemuria, 12 March 2025, ¶3"
    assert not page.locator("#jmqa-examples").is_visible()  # kelp has no example questions
    ask(page, "By how much will tariffs on kelp products be lowered?")
    cite = page.locator("#jmqa-chat .jmqa-cite").first.inner_text()
    assert cite == "Joint Statement of Atlantis and Lemuria, 12 March 2025, ¶1"
    page.goto(library_app + "/")
    page.get_by_text("2025年の双方向の訪問者数は何人でしたか？", exact=True).wait_for()  # shown again
    assert watched.external_requests() == []


@pytest.mark.parametrize(
    "title, date, expected",
    [
        ("United States-India Joint Leaders’ Statement", dt.date(2025, 2, 13),
         "united-states-india-joint-leaders-statement-2025-02-13"),
        ("India's Joint Statement", None, "indias-joint-statement"),
        ("Joint Statement by the President of the Republic of Atlantis and the Prime Minister of the Kingdom",
         dt.date(2024, 4, 4), "joint-statement-by-the-president-of-the-republic-of-atlantis-2024-04-04"),
        ("¶ ¶ ¶", None, "statement"),
    ],
)
def test_default_ids_are_short_slugs_of_title_and_date(title, date, expected):
    from jmqa.statement import ID_PATTERN, slug

    assert slug(title, date) == expected and ID_PATTERN.match(expected)


def test_an_answer_across_statements_names_no_bare_passage_numbers(in_home, qa):
    # "Also in ¶8" would not say whose ¶8 once quotes may come from several statements.
    question = "What is their position on the South China Sea?"
    assert qa.ask(question).mentions
    answer = jmqa.Library().ask(question)
    assert answer.found and answer.quotes[0].paragraph == 22 and answer.mentions == ()


def test_an_answer_across_statements_cites_each_quote_by_its_own_statement(in_home, qa):
    from jmqa.render import citations_text, format_answer_html

    answer = jmqa.Library().ask("By how much will tariffs on kelp products be lowered?")
    assert answer.found and answer.quotes[0].statement.id == "kelp"
    shown = html.unescape(format_answer_html(answer, qa.document))
    assert "Joint Statement of Atlantis and Lemuria, 12 March 2025, ¶1" in shown
    assert 'href="?s=kelp&p=1"' in shown
    assert SHIPPED.title not in shown  # nothing of the default statement is cited
    assert citations_text(answer, qa.document).splitlines()[0] == (
        "Joint Statement of Atlantis and Lemuria, 12 March 2025, ¶1"
    )


@pytest.mark.browser
@pytest.mark.slow
def test_the_picker_asks_all_statements(library_app: str, watched):
    page = watched.page
    page.goto(library_app + "/")
    page.locator("#jmqa-statement input").click()
    page.get_by_role("option", name="All statements").click()
    ask(page, "By how much will tariffs on kelp products be lowered?")
    cite = page.locator("#jmqa-chat .jmqa-cite").first.inner_text()
    assert cite == "Joint Statement of Atlantis and Lemuria, 12 March 2025, ¶1"
    assert not page.locator("#jmqa-examples").is_visible()  # no examples across all statements
    assert watched.external_requests() == []


# --- the preamble and closing block, and a statement's own glossary --------------------------

AVALON = STATEMENTS / "invented-preamble-closing.txt"  # preamble, 4 paragraphs, closing block
AVALON_GLOSSARY = STATEMENTS / "invented-preamble-closing.glossary.tsv"  # found beside it


@pytest.fixture(scope="module")
def avalon_home(tmp_path_factory: pytest.TempPathFactory, qa: jmqa.QA) -> Iterator[tuple[Path, str]]:
    """A library holding the Avalon statement, added with the glossary beside it; and what
    `jmqa add` printed."""
    folder = tmp_path_factory.mktemp("avalon-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("JMQA_HOME", str(folder))
    try:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert main(["add", str(AVALON), "--id", "avalon"]) == 0
        yield folder, out.getvalue()
    finally:
        mp.undo()


@pytest.fixture
def in_avalon(avalon_home: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("JMQA_HOME", str(avalon_home[0]))
    return avalon_home[0]


def test_a_fact_only_in_the_preamble_is_found_and_cited_as_the_preamble(in_avalon, capsys):
    question = "Who hosted the President of Zanzara for a state visit?"
    code, out, _ = run(capsys, "ask", question, "--statement", "avalon", "--json")
    answer = json.loads(out)
    assert code == 0 and answer["found"]
    first = answer["quotes"][0]
    assert first["paragraph"] == "preamble" and first["section"] == ""
    assert first["citation"] == "Joint Statement of Avalon and Zanzara on a Channel Partnership, 9 September 2025, preamble"
    assert first["text"].startswith("The Prime Minister of Avalon, Mr. Bram Holloway, hosted")
    assert first["highlighted"] == [first["text"][: first["text"].index(" The two leaders")]]
    code, out, _ = run(capsys, "ask", question, "--statement", "avalon")
    assert code == 0 and out.startswith("preamble\n  ⟦The Prime Minister of Avalon") and "2025, preamble" in out
    code, out, _ = run(capsys, "search", "Where was the statement signed, and in how many copies?",
                       "--statement", "avalon", "--k", "1")
    assert code == 0 and out.startswith(" 1. closing")


def test_a_numbered_paragraph_that_answers_is_quoted_before_a_preamble_that_does_too(in_avalon):
    # Both name places (the preamble Camelot, ¶2 the ferry's two ports): the one cited by its
    # number goes first, whichever ranked first.
    qa = jmqa.load(statement="avalon")
    signals = qa.signals(["Where does the new ferry line run?"])[0]
    hits = [jmqa.Hit(key, qa.document.paragraph(key).section, qa.document.paragraph(key).text, 0.0) for key in ("preamble", 2)]
    scored = {h.paragraph: [(span, 1.0) for span, _ in qa.answerer.sentence_scores(signals, h.paragraph)] for h in hits}
    assert [h.paragraph for h in qa.answerer._answer_first(signals, hits, scored)] == [2, "preamble"]
    # Where only the preamble answers, it stays first.
    signals = qa.signals(["When did the leaders meet?"])[0]
    assert [h.paragraph for h in qa.answerer._answer_first(signals, hits, scored)] == ["preamble", 2]


def test_the_quote_that_holds_more_of_the_kinds_asked_goes_first(in_avalon):
    # "Where ... and when ...?": ¶2 gives the ports and the month, ¶1 a year only, so ¶2 goes
    # first whichever ranked first; where both give one kind each, the order stays.
    qa = jmqa.load(statement="avalon")
    hits = [jmqa.Hit(key, qa.document.paragraph(key).section, qa.document.paragraph(key).text, 0.0) for key in (1, 2)]

    def first_quoted(question: str) -> list:
        signals = qa.signals([question])[0]
        scored = {h.paragraph: [(span, 1.0) for span, _ in qa.answerer.sentence_scores(signals, h.paragraph)] for h in hits}
        return [h.paragraph for h in qa.answerer._answer_first(signals, hits, scored)]

    assert first_quoted("Where does the new ferry line run, and when does it open?") == [2, 1]
    assert first_quoted("What is the ferry line and when does it open?") == [1, 2]


def test_when_a_statement_was_signed_is_quoted_from_its_closing_block(in_avalon, capsys):
    code, out, _ = run(capsys, "ask", "When was the joint statement signed?", "--statement", "avalon", "--json")
    answer = json.loads(out)
    assert code == 0 and answer["found"] and [q["paragraph"] for q in answer["quotes"]] == ["closing"]
    assert answer["quotes"][0]["highlighted"] == ["Done at Camelot on 9 September 2025, in duplicate, in the English and Zanzaran languages."]


def test_a_name_only_the_preamble_gives_is_not_mended_into_another_word(in_avalon):
    analyzer = jmqa.load(statement="avalon").analyzer
    # The numbered paragraphs alone would read "varga" as "vargas" and "zanzara" as "Zanzaran".
    analysis = analyzer.analyze("what did varga say on the zanzara visit to camelot")
    assert analysis.corrections == ()
    assert analysis.normalized == "what did Varga say on the Zanzara visit to Camelot"


def test_a_question_that_names_the_preamble_or_signature_block_quotes_it(in_avalon):
    qa = jmqa.load(statement="avalon")
    answer = qa.ask("What does the preamble say?")
    assert answer.found and [q.paragraph for q in answer.quotes] == ["preamble"]
    answer = qa.ask("What do the signature block and paragraph 2 say?")
    assert [q.paragraph for q in answer.quotes] == ["closing", 2]


def test_the_preamble_and_closing_are_shown_in_their_places(in_avalon, capsys):
    code, out, _ = run(capsys, "paragraphs", "--statement", "avalon", "--json")
    assert code == 0 and [p["paragraph"] for p in json.loads(out)] == ["preamble", 1, 2, 3, 4, "closing"]
    code, out, _ = run(capsys, "paragraphs", "preamble", "--statement", "avalon")
    assert code == 0 and out.startswith("preamble\n  The Prime Minister of Avalon")
    code, _, err = run(capsys, "paragraphs", "closing")  # the shipped statement has none
    assert code == 2 and "no closing" in err


def test_the_browser_and_chat_show_the_preamble(in_avalon):
    from jmqa.render import format_answer_html, format_answer_markdown
    from jmqa.ui import _passage_key

    qa = jmqa.load(statement="avalon")
    answer = qa.ask("Who hosted the President of Zanzara for a state visit?")
    shown = html.unescape(format_answer_html(answer, qa.document))
    assert "<strong>preamble</strong>" in shown and 'href="?s=avalon&p=preamble"' in shown
    assert "9 September 2025, preamble</div>" in shown
    assert format_answer_markdown(answer, qa.document).startswith("**preamble**")
    assert _passage_key("preamble", qa.document) == "preamble" and _passage_key("closing", qa.document) == "closing"


def test_a_statement_uses_its_own_glossary(in_avalon, avalon_home):
    printed = avalon_home[1]
    assert f"glossary:   3 entries from {AVALON_GLOSSARY}" in printed
    assert "preamble:   2 unnumbered paragraph(s)" in printed and "closing:    4 line(s)" in printed
    entry = Store().get("avalon")
    assert (entry.folder / "statement.glossary.tsv").read_bytes() == AVALON_GLOSSARY.read_bytes()
    qa = jmqa.load(statement="avalon")
    assert [e[1] for e in qa.lexicon.glossary.entries] == ["chunnel", "terowong", "windmills"]
    assert qa.lexicon.expand("Will they build a chunnel?") == "Will they build a chunnel? (undersea tunnel)"
    assert qa.search("Will they build a chunnel?", k=1)[0].paragraph == 1
    assert jmqa.Library().qa("avalon").lexicon.glossary == qa.lexicon.glossary
    # A statement added without a glossary file has none; the shipped one keeps the shipped one.
    assert jmqa.load().lexicon.glossary.entries and Store().glossary(Store().shipped()) is None


def test_a_changed_glossary_file_is_refused_on_load(in_avalon):
    path = Store().get("avalon").folder / "statement.glossary.tsv"
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"en\tboat\tferry line\n")
        with pytest.raises(jmqa.LibraryError, match="changed after it was added"):
            jmqa.load(statement="avalon")
    finally:
        path.write_bytes(original)


@pytest.mark.parametrize("beside", [True, False])
def test_a_bad_glossary_changes_nothing_and_names_its_line(in_avalon, capsys, tmp_path, beside):
    text = tmp_path / "deep-sea.txt"
    text.write_text(DEEP_SEA.read_text(encoding="utf-8"), encoding="utf-8")
    bad = tmp_path / ("deep-sea.glossary.tsv" if beside else "mine.tsv")
    bad.write_text("# ok\nen\tsub\tsonar data\nen sonar data\n", encoding="utf-8")
    before = snapshot(in_avalon)
    code, out, err = run(capsys, "add", str(text), *([] if beside else ["--glossary", str(bad)]))
    assert code == 2 and out == "" and f"{bad}, line 3: expected language<TAB>term" in err
    assert snapshot(in_avalon) == before


def test_a_glossary_given_with_glossary_is_stored_and_removed_with_the_statement(in_avalon, capsys, tmp_path):
    own = tmp_path / "deep.tsv"
    own.write_text("en\tsub\tsonar data\n", encoding="utf-8")
    code, out, _ = run(capsys, "add", str(DEEP_SEA), "--id", "deep-sea", "--glossary", str(own))
    assert code == 0 and f"glossary:   1 entries from {own}" in out
    folder = Store().get("deep-sea").folder
    assert jmqa.load(statement="deep-sea").lexicon.glossary.entries == (("en", "sub", "sonar data"),)
    own.write_text("en\tsub\tsonar\n", encoding="utf-8")
    code, _, err = run(capsys, "add", str(DEEP_SEA), "--glossary", str(own))
    assert code == 2 and "with another glossary" in err
    shipped = Path(jmqa.__file__).parent / "data" / "japan-malaysia-joint-statement-2026-06-10.txt"
    code, _, err = run(capsys, "add", str(shipped), "--glossary", str(own))
    assert code == 2 and "uses the shipped glossary" in err
    assert run(capsys, "remove", "deep-sea")[0] == 0 and not folder.exists()


def test_index_statement_rebuilds_that_statements_index(in_avalon, capsys):
    folder = Store().get("avalon").folder / "index"
    code, out, _ = run(capsys, "index", "--statement", "avalon", "--where")
    assert code == 0 and out.strip() == str(folder.resolve())
    (folder / "manifest.json").unlink()  # its index is gone: jmqa index --statement rebuilds it
    code, out, _ = run(capsys, "index", "--statement", "avalon")
    assert code == 0 and f"index written to {folder}" in out
    code, out, _ = run(capsys, "index", "--statement", "avalon", "--check")
    assert code == 0 and "up to date" in out
    code, _, err = run(capsys, "--index-dir", str(folder), "index", "--statement", "avalon")
    assert code == 2 and "keeps its own" in err
    code, _, err = run(capsys, "index", "--statement", "nope")
    assert code == 2 and "no statement with id 'nope'" in err


@pytest.fixture(scope="module")
def avalon_app(avalon_home: tuple[Path, str], qa: jmqa.QA, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from conftest import running

    from jmqa.ui import build_app

    home = str(avalon_home[0])
    with running(lambda: build_app(qa, jmqa.Library(home)), tmp_path_factory, JMQA_HOME=home) as url:
        yield url


@pytest.mark.browser
@pytest.mark.slow
def test_the_browser_opens_the_preamble_and_steps_to_paragraph_1(avalon_app: str, watched):
    page = watched.page
    citation = browse(page, avalon_app + "/?s=avalon&p=preamble", "jmqa-ppreamble", "hosted the President of Zanzara")
    assert citation.input_value() == "Joint Statement of Avalon and Zanzara on a Channel Partnership, 9 September 2025, preamble"
    page.get_by_role("button", name="Next ▶").click()
    page.locator("#jmqa-browse .jmqa-quote.jmqa-p1", has_text="undersea tunnel").wait_for()
    assert citation.input_value().endswith("9 September 2025, ¶1")
    assert watched.external_requests() == []


def test_add_offers_the_callers_and_the_librarys_indexes_as_known(fake_models, tmp_path, monkeypatch):
    """So an export one of them holds is not checked again (jmqa.onnx_export.export_and_verify)."""
    import jmqa.index

    seen, build = [], jmqa.index.build_index
    monkeypatch.setattr(
        jmqa.index, "build_index",
        lambda document, models, progress=None, known=(): seen.append(list(known)) or build(document, models, progress, known),
    )
    store = Store(tmp_path / "home")
    kelp = store.add(KELP, "kelp", known_indexes=[tmp_path / "shipped-index"])
    store.add(DEEP_SEA, "deep-sea")
    assert seen == [[tmp_path / "shipped-index"], [store.index_dir(kelp.entry)]]


def test_ask_across_statements_embeds_what_each_statement_reads_in_one_batch(fake_models, tmp_path):
    """Each statement's own reading of the question (searched, then widened) is embedded with
    the others' in one pass, and the statements then find it embedded."""
    store = Store(tmp_path / "home")
    store.add(KELP, "kelp")
    store.add(DEEP_SEA, "deep-sea")
    calls: list[list[str]] = []

    class Counting:
        def __init__(self, model):
            self._model = model

        def __getattr__(self, name):
            return getattr(self._model, name)

        def encode_queries(self, texts):
            calls.append(list(texts))
            return self._model.encode_queries(texts)

    library = jmqa.Library(tmp_path / "home", embedders={"minilm": Counting(fake_models["minilm"]), "e5": fake_models["e5"]})
    library.ask("what about kelp farms and the deep sea", statements=["kelp", "deep-sea"])
    assert len(calls) == 1 and len(calls[0]) >= 1
