"""The eval harness: each metric on hand-made rankings, the bootstrap, `jmqa eval` end to end."""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import numpy as np
import pytest

from jmqa.answer import Answer, Quote
from jmqa.document import Span, load_statement
from jmqa.evaluate import (
    QAItem,
    abstention_scores,
    aggregate,
    bootstrap_intervals,
    confidence_bands,
    hit_at,
    inside_spans,
    merged_spans,
    ndcg_at,
    paired_difference,
    recall_at,
    reciprocal_rank,
    score_item,
)

# --- retrieval metrics --------------------------------------------------------------------------


def test_hit_at_k() -> None:
    ranking = [5, 3, 9, 1]
    assert hit_at(ranking, [5], 1) == 1.0
    assert hit_at(ranking, [9], 1) == 0.0
    assert hit_at(ranking, [9], 3) == 1.0
    assert hit_at(ranking, [1], 3) == 0.0
    assert hit_at([], [1], 3) == 0.0  # a refused-as-input question retrieves nothing


def test_recall_differs_from_hit_on_multi_gold() -> None:
    ranking = [14, 7, 2, 12, 30]
    gold = [14, 12]
    assert hit_at(ranking, gold, 3) == 1.0
    assert recall_at(ranking, gold, 3) == 0.5  # ¶12 is only at rank 4
    assert recall_at(ranking, gold, 5) == 1.0
    assert recall_at(ranking, [12], 3) == 0.0


def test_mrr_cutoff_at_ten() -> None:
    ranking = list(range(1, 28))
    assert reciprocal_rank(ranking, [1]) == 1.0
    assert reciprocal_rank(ranking, [4, 2]) == 0.5  # the first gold found counts, not gold[0]
    assert reciprocal_rank(ranking, [10]) == pytest.approx(0.1)
    assert reciprocal_rank(ranking, [11]) == 0.0  # beyond the cut-off
    assert reciprocal_rank(ranking, [11], cutoff=27) == pytest.approx(1 / 11)


def test_ndcg_graded_by_gold_order() -> None:
    gold = [3, 7]  # ¶3 relevance 2, ¶7 relevance 1
    ideal = 2 / math.log2(2) + 1 / math.log2(3)
    assert ndcg_at([3, 7, 1], gold) == pytest.approx(1.0)
    # Swapping best and second-best gold costs something, but less than missing one
    swapped = (1 / math.log2(2) + 2 / math.log2(3)) / ideal
    assert ndcg_at([7, 3, 1], gold) == pytest.approx(swapped)
    assert swapped < 1.0
    only_best_at_2 = (2 / math.log2(3)) / ideal
    assert ndcg_at([1, 3, 2], gold) == pytest.approx(only_best_at_2)
    # single gold at rank r: 1/log2(r+1)
    assert ndcg_at([9, 8, 5], [5]) == pytest.approx(1 / math.log2(4))
    # beyond rank 10 counts nothing
    assert ndcg_at(list(range(1, 28)), [11]) == 0.0


@pytest.mark.slow
def test_ties_are_broken_by_paragraph_number_in_the_ranking(qa) -> None:
    """All-equal scores rank ¶1..¶27 in order, so tied metrics are reproducible."""
    from jmqa.retrieval import CONFIGS, SIGNALS, Signals

    n = qa.paragraph_count
    flat = {name: np.zeros(n, dtype=np.float32) for name in SIGNALS}
    signals = Signals("tie", "en", 0.0, flat, {})
    for name in CONFIGS:
        ranking = [h.paragraph for h in qa.retriever.rank(signals, CONFIGS[name], n)]
        assert ranking == list(range(1, n + 1)), name
    # so a question whose gold is ¶2 misses at rank 1 on a full tie, every run
    assert hit_at(ranking, [2], 1) == 0.0 and reciprocal_rank(ranking, [2]) == 0.5


# --- abstention ---------------------------------------------------------------------------------


def test_abstention_precision_recall_f1() -> None:
    should = [True, True, False, False, False]
    did = [True, False, True, False, False]
    p, r, f1 = abstention_scores(should, did)
    assert (p, r) == (0.5, 0.5)
    assert f1 == pytest.approx(0.5)


def test_abstention_edge_cases() -> None:
    # never abstains on a set with no-gold items: precision undefined, recall 0, F1 0
    assert abstention_scores([True, False], [False, False]) == (None, 0.0, 0.0)
    # nothing to abstain on, and no abstentions: nothing to measure at all
    assert abstention_scores([False, False], [False, False]) == (None, None, None)
    # nothing to abstain on but refused one: precision 0, recall undefined, F1 0
    assert abstention_scores([False, False], [True, False]) == (0.0, None, 0.0)
    # perfect
    assert abstention_scores([True, False], [True, False]) == (1.0, 1.0, 1.0)


# --- answers, spans and aggregation -------------------------------------------------------------


TEXT = "First sentence here. Second one about palm oil. Third and last."


def _quote(paragraph: int, highlights: tuple[Span, ...], text: str = TEXT) -> Quote:
    return Quote(paragraph, "S", text, highlights, 1.0)


def _answer(*quotes: Quote, found: bool = True) -> Answer:
    return Answer("q", found, tuple(quotes) if found else (), 0.9 if found else 0.1)


def _item(gold=(17,), answer="about palm oil", tag="lexical", id="x") -> QAItem:
    return QAItem(id, "What about palm oil?", tuple(gold), answer if gold else "", tag, "test")


SECOND = Span(21, 47)  # "Second one about palm oil."
FIRST = Span(0, 20)
THIRD = Span(48, 63)


def test_spans_are_where_the_test_thinks() -> None:
    assert TEXT[SECOND.start : SECOND.end] == "Second one about palm oil."
    assert TEXT[FIRST.start : FIRST.end] == "First sentence here."
    assert TEXT[THIRD.start : THIRD.end] == "Third and last."


def test_span_outcomes() -> None:
    item = _item()
    ranking = [17, 1, 2]
    assert score_item(item, ranking, _answer(_quote(17, (SECOND,)))).span_outcome == "in_highlight"
    wrong = score_item(item, ranking, _answer(_quote(17, (FIRST,))))
    assert wrong.span_outcome == "wrong_highlight" and wrong.span_in_quotes
    unmarked = score_item(item, ranking, _answer(_quote(17, ())))
    assert unmarked.span_outcome == "no_highlight" and unmarked.span_in_quotes
    refused = score_item(item, ranking, _answer(found=False))
    assert refused.span_outcome == "refused" and refused.span_in_quotes is False
    # the answer highlighted in a later quote still counts; the first quote's highlight is not wrong
    other = _quote(3, (FIRST,), "Other text.")
    later = score_item(item, [3, 17], _answer(other, _quote(17, (SECOND,))))
    assert later.span_outcome == "in_highlight"


def test_multi_sentence_answer_inside_adjacent_highlights() -> None:
    answer = "palm oil. Third"
    assert merged_spans((SECOND, THIRD), TEXT) == [Span(21, 63)]
    assert inside_spans(answer, TEXT, (SECOND, THIRD))
    assert not inside_spans(answer, TEXT, (SECOND,))
    # non-adjacent highlights do not merge across an unmarked sentence
    assert not inside_spans("here. Second", TEXT, (FIRST, THIRD))
    assert not inside_spans("", TEXT, (FIRST,))


def test_no_gold_items_have_no_retrieval_or_span_scores() -> None:
    r = score_item(_item(gold=()), [1, 2, 3], _answer(found=False))
    assert r.hit1 is None and r.mrr10 is None and r.span_outcome is None


def test_invalid_question_counts_as_abstention() -> None:
    answerable = score_item(_item(), (), None, "the question is empty")
    assert not answerable.found and answerable.hit1 == 0.0 and answerable.ndcg10 == 0.0
    assert answerable.span_outcome == "refused"
    no_gold = score_item(_item(gold=(), id="y"), (), None, "the question is empty")
    m = aggregate([answerable, no_gold])
    assert m.abstained == 2 and m.correct_abstentions == 1 and m.false_refusals == 1


def test_aggregate() -> None:
    results = [
        score_item(_item(id="a"), [17, 1], _answer(_quote(17, (SECOND,)))),  # hit, right mark
        score_item(_item(id="b", gold=(3, 17), tag="multi"), [17, 3],
                   _answer(_quote(17, (FIRST,)), _quote(3, ()))),  # hit via ¶17, wrong mark
        score_item(_item(id="c"), [2, 17], _answer(found=False)),  # miss at 1, wrong refusal
        score_item(_item(id="d", gold=(), tag="offtopic"), [5], _answer(found=False)),  # right
        score_item(_item(id="e", gold=(), tag="offtopic"), [5], _answer(_quote(5, ()))),  # answered
    ]
    m = aggregate(results)
    assert (m.n, m.n_answerable, m.n_no_gold) == (5, 3, 2)
    assert m.hit1 == pytest.approx(2 / 3)
    assert m.hit3 == pytest.approx(1.0)
    assert m.recall3 == pytest.approx(1.0)
    assert (m.abstained, m.correct_abstentions) == (2, 1)
    assert m.abstention_precision == 0.5 and m.abstention_recall == 0.5
    assert m.false_refusals == 1 and m.false_refusal_rate == pytest.approx(1 / 3)
    assert m.n_span == 3
    assert m.span_in_quotes == pytest.approx(2 / 3)
    assert m.span_in_highlight == pytest.approx(1 / 3)
    assert m.wrong_highlight == pytest.approx(1 / 3)
    assert m.no_highlight == 0.0
    assert m.citation_precision == 1.0  # ¶17; ¶17 and ¶3: all gold
    assert aggregate(results[3:]).hit1 is None  # no answerable items: nothing to measure


def test_confidence_bands_count_what_the_statement_answers() -> None:
    def scored(confidence: float, gold: tuple[int, ...], found: bool, invalid: str | None = None):
        answer = Answer("q", found, (_quote(17, ()),) if found else (), confidence)
        r = score_item(_item(gold=gold), [17], answer)
        return r if invalid is None else dataclasses.replace(r, invalid_question=invalid)

    results = [
        scored(0.1, (), False),  # refused, rightly
        scored(0.3, (17,), False),  # refused, wrongly
        scored(0.5, (), True),  # answered, wrongly
        scored(0.7, (17,), True),
        scored(0.7, (), True),
        scored(1.0, (17,), True),  # the top edge belongs to the last band
        scored(0.0, (), False, invalid="empty"),  # refused as input: no confidence to judge
    ]
    bands = confidence_bands(results)
    assert [(b.low, b.high) for b in bands][0] == (0.0, 0.2) and bands[-1].high == 1.0
    assert [b.n for b in bands] == [1, 1, 1, 2, 1]
    assert [b.answerable for b in bands] == [0, 1, 0, 1, 1]
    assert [b.answered for b in bands] == [0, 0, 1, 2, 1]
    assert [b.answered_answerable for b in bands] == [0, 0, 0, 1, 1]


def test_a_cautioned_answer_is_recorded_as_such() -> None:
    quotes = (_quote(17, ()),)
    assert score_item(_item(), [17], Answer("q", True, quotes, 0.5, (), "not sure")).cautioned
    assert not score_item(_item(), [17], Answer("q", True, quotes, 0.9)).cautioned
    refusal = Answer("q", False, (), 0.1, (17,), "The statement does not address this question.")
    assert not score_item(_item(), [17], refusal).cautioned  # a refusal's message is no caution


def test_citation_precision_counts_non_gold_quotes() -> None:
    r = score_item(_item(), [17, 4], _answer(_quote(17, ()), _quote(4, ())))
    assert aggregate([r]).citation_precision == 0.5


def test_hit1_counts_any_gold_at_rank_one() -> None:
    r = score_item(_item(gold=(3, 17), tag="multi"), [17, 3], _answer(_quote(17, ())))
    assert r.hit1 == 1.0 and r.recall3 == 1.0
    assert r.ndcg10 < 1.0  # but the best gold is not first


# --- bootstrap ----------------------------------------------------------------------------------


def _synthetic(n: int = 40, seed: int = 1) -> list:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        gold = () if i % 4 == 0 else (1,)
        ranking = [1, 2, 3, 4] if rng.random() < 0.8 else [2, 3, 4, 1]
        found = bool(gold) if rng.random() < 0.9 else not gold
        answer = _answer(_quote(ranking[0], ())) if found else _answer(found=False)
        out.append(score_item(_item(gold=gold, id=f"i{i}"), ranking, answer))
    return out


def test_bootstrap_is_deterministic_and_contains_the_point_estimate() -> None:
    results = _synthetic()
    a = bootstrap_intervals(results, 500, seed=7)
    b = bootstrap_intervals(results, 500, seed=7)
    c = bootstrap_intervals(results, 500, seed=8)
    assert a == b
    assert a != c
    for metric, iv in a.items():
        assert iv.low is not None and iv.low <= iv.point <= iv.high, metric
        assert iv.low < iv.high, metric  # the synthetic set has variation in every metric
    assert a["hit1"].point == aggregate(results).hit1


def test_bootstrap_zero_resamples_gives_points_only() -> None:
    iv = bootstrap_intervals(_synthetic(), 0)
    assert iv["hit1"].low is None and iv["hit1"].point is not None


def test_paired_difference() -> None:
    results = _synthetic()
    same = paired_difference(results, results, "hit1", 300, seed=3)
    assert (same.point, same.low, same.high) == (0.0, 0.0, 0.0)
    worse = [score_item(_item(gold=r.gold, id=r.id), [9, 8, 7], _answer(found=False))
             for r in results]
    diff = paired_difference(results, worse, "hit1", 300, seed=3)
    assert diff.point == aggregate(results).hit1
    assert diff.low > 0  # a clear gain is recognised as one
    with pytest.raises(ValueError):
        paired_difference(results, results[::-1], "hit1", 10)


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
    from jmqa.evaluate import load_items, run_eval

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
