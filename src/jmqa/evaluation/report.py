"""The report: provenance, the Markdown text, the JSON payload, and writing them (with the
plot) atomically."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jmqa.document import PassageKey, label
from jmqa.evaluation.dataset import TAGS, repo_root
from jmqa.evaluation.metrics import ItemResult
from jmqa.evaluation.plot import render_plot
from jmqa.evaluation.robustness import RobustnessResult
from jmqa.evaluation.runner import EvalResult
from jmqa.evaluation.stats import HEADLINE, Interval, confidence_bands

if TYPE_CHECKING:
    from jmqa.evaluation.ablation import GlossaryAblation
    from jmqa.qa import QA


TARGETS = {"hit1": (">=", 0.92), "hit3": (">=", 0.98), "abstention_f1": (">=", 0.85),
           "false_refusal_rate": ("<=", 0.05)}


def _fmt(value: float | None, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _share(part: int, whole: int) -> str:
    """"7 (70%)": a count with its share, so a band of three items is not read as a rate."""
    return f"{part}" if whole == 0 else f"{part} ({100 * part / whole:.0f}%)"


def _cell(text: object) -> str:
    """A Markdown table cell: pipes escaped, newlines flattened."""
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _truncate(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return lines


def _ci(interval: Interval) -> str:
    if interval.low is None:
        return _fmt(interval.point)
    return f"{_fmt(interval.point)} [{_fmt(interval.low)}, {_fmt(interval.high)}]"


def _git_commit() -> str | None:
    """The checkout's commit, "-dirty" if code or data differ from it (reports do not count)."""
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(repo_root()), *args],
            capture_output=True, text=True, timeout=5, check=True,
        ).stdout.strip()

    try:
        commit = git("rev-parse", "--short=12", "HEAD")
        changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!eval/reports")
    except (OSError, subprocess.SubprocessError):
        return None
    return f"{commit}-dirty" if changed else commit or None


def _display_path(path: Path) -> str:
    """Relative to the checkout when inside it, so reports read the same on every machine."""
    try:
        return str(path.resolve().relative_to(repo_root()))
    except ValueError:
        return str(path)


def environment(qa: QA, qa_path: Path | None) -> dict[str, Any]:
    """Where the numbers come from: code, models, index, data file and machine."""
    import jmqa

    manifest = qa.index.manifest
    data = qa_path.read_bytes() if qa_path and qa_path.exists() else b""
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "jmqa": jmqa.__version__,
        "git": _git_commit(),
        "qa_file": _display_path(qa_path) if qa_path else None,
        "qa_sha256": hashlib.sha256(data).hexdigest() if data else None,
        "corpus_sha256": qa.document.sha256,
        "statement": ", ".join(p for p in (qa.document.title, qa.document.date_text) if p),
        "index_built_at": manifest.get("built_at"),
        "models": {
            name: {k: m.get(k) for k in ("model", "package", "weights_sha256", "dim", "max_tokens")}
            for name, m in manifest.get("models", {}).items()
        },
        "python": platform.python_version(),
        "numpy": np.__version__,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
    }


def _headline_rows(result: EvalResult) -> list[list[str]]:
    rows = []
    for name in result.retrievers:
        m, ci = result.overall[name], result.intervals[name]
        rows.append([
            name, _ci(ci["hit1"]), _fmt(m.hit3), _fmt(m.recall3), _fmt(m.recall5), _fmt(m.mrr10),
            _fmt(m.ndcg10),
            " / ".join(_fmt(v) for v in (m.abstention_precision, m.abstention_recall,
                                         m.abstention_f1)),
            f"{_pct(m.false_refusal_rate)} ({m.false_refusals})",
            _fmt(m.span_in_quotes), _fmt(m.span_in_highlight), _fmt(m.wrong_highlight),
        ])
    return rows


HEADLINE_HEADER = (
    "retriever", "hit@1 [95% CI]", "hit@3", "recall@3", "recall@5", "MRR@10", "nDCG@10",
    "abstain P / R / F1", "false refusals", "span in quotes", "span in highlight",
    "wrong highlight",
)


def headline_table(result: EvalResult) -> str:
    """The headline Markdown table (one row per retriever), e.g. for the README."""
    return "\n".join(_table(HEADLINE_HEADER, _headline_rows(result)))


def _failure_rows(result: EvalResult, name: str) -> dict[str, list[list[str]]]:
    """Failures of retriever ``name`` grouped as misses, wrong refusals, false answers, wrong
    highlights. Rows: id, tag, question, gold, what came back."""
    items = {i.id: i for i in result.items}
    groups: dict[str, list[list[str]]] = {
        "Misses (no gold paragraph at rank 1)": [],
        "Wrong refusals (answerable, but refused)": [],
        "False answers (no gold, but answered)": [],
        "Wrong highlights (marked sentence does not hold the gold answer)": [],
    }
    keys = list(groups)
    for r in result.per_item[name]:
        item = items[r.id]
        returned = _returned(r)
        row = [r.id, r.tag, _truncate(item.question, 110), _gold(r.gold), returned]
        if r.gold and not r.hit1:
            groups[keys[0]].append(row)
        if r.gold and not r.found:
            groups[keys[1]].append(row)
        if not r.gold and r.found:
            groups[keys[2]].append(row)
        if r.span_outcome == "wrong_highlight":
            # Say whether the mark is in the wrong paragraph (a retrieval miss) or is the wrong
            # sentence of a gold paragraph (a highlighting miss): they have different fixes.
            where = "gold" if r.quoted and r.quoted[0] in r.gold else "not gold"
            groups[keys[3]].append(row[:4] + [
                f"{returned}; first quote {label(r.quoted[0])} is {where}; gold answer: "
                f"“{_truncate(item.answer, 80)}”"
            ])
    return groups


def _gold(gold: Sequence[PassageKey]) -> str:
    return ", ".join(label(g) for g in gold) if gold else "none"


def _returned(r: ItemResult) -> str:
    top = ", ".join(label(p) for p in r.ranking[:3]) or "—"
    if r.invalid_question:
        return f"refused as input ({_truncate(r.invalid_question, 60)})"
    if not r.found:
        return f"refused (top-3 {top}; confidence {r.confidence:.2f})"
    quoted = ", ".join(label(p) for p in r.quoted)
    mark = (f"; marked: “{_truncate(r.highlighted[0], 100)}”" if r.highlighted
            else "; nothing marked")
    caution = ", with a caution" if r.cautioned else ""
    return f"quoted {quoted} (top-3 {top}; confidence {r.confidence:.2f}{caution}){mark}"


def render_markdown(result: EvalResult, env: Mapping[str, Any], split: str,
                    problems: Sequence[str] = ()) -> str:
    """The human-readable report."""
    items = result.items
    tags = [t for t in TAGS if any(i.tag == t for i in items)]
    counts = ", ".join(f"{t} {sum(i.tag == t for i in items)}" for t in tags)
    n_answerable = sum(i.answerable for i in items)
    out = [
        f"# jmqa eval report — split `{split}`",
        "",
        f"- Date: {env['date']}; jmqa {env['jmqa']} (git {env['git'] or 'unknown'})",
        f"- Q&A file: `{env['qa_file']}` (sha256 {str(env['qa_sha256'])[:16]}…)",
        f"- Items: {len(items)} ({n_answerable} answerable, {len(items) - n_answerable} without "
        f"gold); by tag: {counts}",
        f"- Statement: {env.get('statement', '')} (sha256 {env['corpus_sha256'][:16]}…); "
        f"index built {env['index_built_at']}",
    ]
    for name, m in env["models"].items():
        out.append(f"- Model `{name}`: {m['model']} ({m['package']}, weights sha256 "
                   f"{str(m['weights_sha256'])[:12]}…)")
    out += [
        f"- Machine: {env['cpu_count']} CPUs, {env['platform']}, Python {env['python']}",
        f"- Bootstrap: {result.bootstrap} resamples of items, seed {result.seed}, 95% percentile "
        "intervals",
        "",
    ]
    if problems:
        out += ["**This Q&A set does not meet the set-level requirements:**", ""]
        out += [f"- {p}" for p in problems] + [""]
    out += [
        "## Headline",
        "",
        "Retrieval metrics are over answerable items; abstention over all items (positive class = "
        "\"should abstain\"); span metrics over answerable items with a gold answer. "
        "Definitions: `eval/README.md`.",
        "",
        *_table(HEADLINE_HEADER, _headline_rows(result)),
        "",
    ]
    refusals = {tuple(r.found for r in result.per_item[n]) for n in result.retrievers}
    if len(result.retrievers) > 1 and len(refusals) == 1:
        out += ["Every retriever refused exactly the same questions (the refusal model judges "
                "each retriever's first paragraph on one scale, and here they agree), so the "
                "abstention columns compare nothing between rows.", ""]
    if result.bootstrap > 0:
        rows = [[n] + [_ci(result.intervals[n][m]) for m in HEADLINE] for n in result.retrievers]
        out += ["### 95% bootstrap intervals", "",
                *_table(["retriever", "hit@1", "hit@3", "MRR@10", "abstention F1",
                         "false-refusal rate"], rows), ""]
    if result.paired:
        rows = []
        for n, d in result.paired.items():
            if d.low is not None and d.low > 0:
                verdict = "default better"
            elif d.high is not None and d.high < 0:
                verdict = f"{n} better"
            else:
                verdict = "no clear difference"
            rows.append([n, _fmt(d.point), f"[{_fmt(d.low)}, {_fmt(d.high)}]", verdict])
        out += ["### Paired difference in hit@1: default minus each retriever", "",
                "Same bootstrap resamples for both sides; an interval containing 0 means the "
                "difference is not distinguishable from noise on this set.", "",
                *_table(["vs", "Δ hit@1", "95% CI", "verdict"], rows), ""]
    if "default" in result.overall:
        m = result.overall["default"]
        rows = []
        for metric, (op, bound) in TARGETS.items():
            value = getattr(m, metric)
            ok = value is not None and (value >= bound if op == ">=" else value <= bound)
            rows.append([metric, _fmt(value), f"{op} {bound}", "met" if ok else "NOT MET"])
        out += [f"### Targets (default pipeline, split `{split}`)", "",
                *_table(["metric", "value", "target", ""], rows), ""]

    out += ["## By tag", "", "hit@1 of answerable items per tag (n = answerable items):", ""]
    answerable_tags = [t for t in tags if any(i.tag == t and i.answerable for i in items)]
    header = ["retriever"] + [
        f"{t} (n={sum(i.tag == t and i.answerable for i in items)})" for t in answerable_tags
    ]
    out += _table(header, [[n] + [_fmt(result.by_tag[n][t].hit1) for t in answerable_tags]
                           for n in result.retrievers])
    out += ["", "Further retrieval metrics per tag:", ""]
    rows = []
    for n in result.retrievers:
        for t in answerable_tags:
            m = result.by_tag[n][t]
            rows.append([n, t, m.n_answerable, _fmt(m.hit1), _fmt(m.hit3), _fmt(m.recall3),
                         _fmt(m.recall5), _fmt(m.mrr10), _fmt(m.ndcg10), _pct(m.false_refusal_rate),
                         _fmt(m.span_in_highlight)])
    out += _table(["retriever", "tag", "n", "hit@1", "hit@3", "recall@3", "recall@5", "MRR@10",
                   "nDCG@10", "refused", "span in highlight"], rows)
    no_gold_tags = [t for t in tags if any(i.tag == t and not i.answerable for i in items)]
    if no_gold_tags:
        out += ["", "Correct-abstention rate on items without gold, per tag (n = such items):", ""]
        header = ["retriever"] + [
            f"{t} (n={sum(i.tag == t and not i.answerable for i in items)})" for t in no_gold_tags
        ]
        out += _table(header, [[n] + [_fmt(result.by_tag[n][t].abstention_recall)
                                      for t in no_gold_tags] for n in result.retrievers])
    out += [""]

    out += ["## Answers and citations", "",
            "Span outcomes partition answerable items that have a gold answer: the answer lies "
            "in a highlighted sentence, a highlight exists but misses it, nothing is "
            "highlighted, or the question was refused. Citation precision is the share of quoted "
            "paragraphs that are gold, citation recall the share of gold paragraphs quoted (both "
            "over answered answerable items); \"whole\" is the share of items whose answer takes "
            "two or more paragraphs that were answered with every one of them quoted; \"unquoted gold "
            "named\" the share of gold paragraphs left out of the quotes that the answer names as "
            "also using a phrase of the question (\"“South China Sea” is also in ¶8\").", ""]
    rows = []
    for n in result.retrievers:
        m = result.overall[n]
        refused = None if m.n_span == 0 else sum(
            r.span_outcome == "refused" for r in result.per_item[n]) / m.n_span
        rows.append([n, m.n_span, _fmt(m.span_in_quotes), _fmt(m.span_in_highlight),
                     _fmt(m.wrong_highlight), _fmt(m.no_highlight), _fmt(refused),
                     _fmt(m.citation_precision), _fmt(m.citation_recall),
                     f"{_fmt(m.quoted_whole)} (n={m.n_several})", _fmt(m.unquoted_gold_mentioned)])
    out += _table(["retriever", "n", "in quotes", "in highlight", "wrong highlight",
                   "no highlight", "refused", "citation precision", "citation recall", "whole",
                   "unquoted gold named"], rows)
    out += [""]

    name = "default" if "default" in result.per_item else result.retrievers[0]
    out += [f"## How far to trust the confidence (`{name}`)", "",
            "`Answer.confidence` is the refusal model's estimate that the statement answers the "
            "question; below the threshold jmqa refuses. Per band: how many questions fall in it, "
            "how many of them the statement answers, and how many of those jmqa quoted for really "
            "have an answer in the statement.", ""]
    results = result.per_item[name]
    rows = [[f"{b.low:.1f}–{b.high:.1f}", b.n, _share(b.answerable, b.n), b.answered,
             _share(b.answered_answerable, b.answered)]
            for b in confidence_bands(results)]
    out += _table(["confidence", "questions", "answerable", "answered", "answered and answerable"], rows)
    false_answers = [r for r in results if r.found and not r.gold]
    cautioned = [r for r in results if r.cautioned]
    out += ["", f"Answers that came with a caution: {len(cautioned)}, of which "
                f"{sum(not r.gold for r in cautioned)} to questions without gold; false answers "
                f"cautioned: {sum(r.cautioned for r in false_answers)} of {len(false_answers)}.", ""]

    if result.robustness is not None:
        out += _robustness_markdown(result.robustness)
    if result.glossary_ablation is not None:
        out += _ablation_markdown(result.glossary_ablation)

    out += ["## Latency", ""]
    if result.latency and result.latency.count:
        lat = result.latency
        out += [f"`qa.ask` end to end (default pipeline, one question at a time, after one "
                f"warm-up) over {lat.count} questions: p50 {lat.p50_ms:.1f} ms, "
                f"p95 {lat.p95_ms:.1f} ms, mean {lat.mean_ms:.1f} ms, max {lat.max_ms:.1f} ms.",
                "",
                "Per-retriever latency is not measured: all retrievers share one encoding of the "
                "questions, and fusing 27 scores costs microseconds next to the model calls."]
        if result.ask_mismatches:
            out += ["", f"**Warning:** `qa.ask` disagreed with the batched default path on "
                        f"{len(result.ask_mismatches)} item(s): "
                        f"{', '.join(result.ask_mismatches)}."]
    else:
        out += ["Not measured in this run."]
    out += [""]

    out += [f"## Failures of `{name}`", ""]
    for title, rows in _failure_rows(result, name).items():
        out += [f"### {title}: {len(rows)}", ""]
        if rows:
            out += _table(["id", "tag", "question", "gold", "returned"], rows)
        else:
            out += ["None."]
        out += [""]
    return "\n".join(out)


def _robustness_markdown(rob: RobustnessResult, examples: int = 3) -> list[str]:
    """The robustness section: per perturbation, how many rewritten items kept their outcome."""
    out = ["## Robustness (default pipeline)", "",
           "Each item is rewritten in ways that should not change what it asks, seeded "
           f"(seed {rob.seed}). An item *holds* when the rewrite gets the same decision (answer or "
           "refuse) and, when answered, the same first quoted paragraph. Only items a rewrite "
           "changes are counted for it.", ""]
    header = ["perturbation", "rewrite", "perturbed", "held", "answered → refused",
              "refused → answered", "other first ¶"]
    for group, rows in rob.rows.items():
        if len(rob.rows) > 1:
            out += [f"### Split `{group}`", ""]
        out += _table(header, [[r.perturbation, r.description, f"{r.perturbed} of {r.items}",
                                f"{r.held} ({_pct(r.share)})", r.answer_to_refusal,
                                r.refusal_to_answer, r.other_paragraph] for r in rows])
        out += [""]
    rows = []
    for name in [r.perturbation for r in next(iter(rob.rows.values()))]:
        for c in [c for c in rob.broken if c.perturbation == name][:examples]:
            rows.append([c.id, name, _truncate(c.perturbed, 110), c.before.describe(),
                         c.after.describe()])
    out += [f"Rewrites that did not hold: {len(rob.broken)} (all in the JSON report); the first "
            f"{examples} per perturbation:", ""]
    out += (_table(["id", "perturbation", "rewritten question", "original", "rewritten"], rows)
            if rows else ["None."])
    return out + [""]


def _ablation_markdown(ablation: GlossaryAblation) -> list[str]:
    """The glossary ablation: headline metrics of the default pipeline with and without it."""
    w, wo = ablation.with_glossary, ablation.without_glossary
    rows = []
    for metric, key in (("hit@1", "hit1"), ("hit@3", "hit3"), ("abstention F1", "abstention_f1")):
        a, b = getattr(w, key), getattr(wo, key)
        rows.append([metric, _fmt(a), _fmt(b), _fmt(None if a is None or b is None else b - a)])
    rows.append(["answerable refused", f"{_pct(w.false_refusal_rate)} ({w.false_refusals})",
                 f"{_pct(wo.false_refusal_rate)} ({wo.false_refusals})",
                 f"{wo.false_refusals - w.false_refusals:+d}"])
    rows.append(["refused (all items)", w.abstained, wo.abstained,
                 f"{wo.abstained - w.abstained:+d}"])
    return ["## Glossary ablation (default pipeline)", "",
            f"The same items with the shipped glossary ({ablation.glossary_rows} rows) and with "
            "an empty one (`jmqa eval --no-glossary`). Items whose decision or first quoted "
            f"paragraph changes: {len(ablation.changed)} (listed in the JSON report).", "",
            *_table(["metric", "with glossary", "without", "Δ"], rows), ""]


def to_json(result: EvalResult, env: Mapping[str, Any], split: str,
            problems: Sequence[str] = ()) -> dict[str, Any]:
    """Everything, machine-readable, including per-item results for every retriever."""
    name = "default" if "default" in result.per_item else result.retrievers[0]
    return {
        "split": split,
        "environment": dict(env),
        "set_problems": list(problems),
        "retrievers": list(result.retrievers),
        "bootstrap": {"resamples": result.bootstrap, "seed": result.seed, "level": 0.95},
        "items": [asdict(i) for i in result.items],
        "overall": {n: asdict(m) for n, m in result.overall.items()},
        "by_tag": {n: {t: asdict(m) for t, m in tags.items()} for n, tags in result.by_tag.items()},
        "intervals": {
            n: {k: asdict(v) for k, v in iv.items()} for n, iv in result.intervals.items()
        },
        "paired_hit1_default_minus": {n: asdict(v) for n, v in result.paired.items()},
        "latency": asdict(result.latency) if result.latency else None,
        "confidence_bands": [asdict(b) for b in confidence_bands(result.per_item[name])],
        "ask_mismatches": list(result.ask_mismatches),
        "failures_of": name,
        "failures": {
            k: [dict(zip(("id", "tag", "question", "gold", "returned"), row)) for row in rows]
            for k, rows in _failure_rows(result, name).items()
        },
        "per_item": {n: [asdict(r) for r in rows] for n, rows in result.per_item.items()},
        # only when measured, so reports of runs without the option are unchanged
        **({"robustness": asdict(result.robustness)} if result.robustness is not None else {}),
        **({"glossary_ablation": asdict(result.glossary_ablation)}
           if result.glossary_ablation is not None else {}),
    }


def _atomic_write(path: Path, data: bytes) -> None:
    """Write via a temp file in the same folder and rename, so readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; reports are for everyone to read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_paths(out: Path, split: str, stem: str | None = None) -> dict[str, Path]:
    """Fixed names per split (the README links them); other Q&A files get their name as prefix."""
    suffix = f"{stem}-{split}" if stem else split
    return {
        "markdown": out / f"report-{suffix}.md",
        "json": out / f"report-{suffix}.json",
        "plot": out / f"metrics_by_tag-{suffix}.png",
    }


def write_report(result: EvalResult, env: Mapping[str, Any], split: str, out: Path,
                 stem: str | None = None, problems: Sequence[str] = ()) -> dict[str, Path]:
    """Write the Markdown, JSON and PNG reports; return their paths."""
    paths = report_paths(out, split, stem)
    _atomic_write(paths["markdown"], render_markdown(result, env, split, problems).encode())
    payload = json.dumps(to_json(result, env, split, problems), ensure_ascii=False, indent=1)
    _atomic_write(paths["json"], payload.encode() + b"\n")
    _atomic_write(paths["plot"], render_plot(result, split))
    return paths
