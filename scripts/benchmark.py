"""Benchmark (not a test): cold start of `jmqa ask`, warm latency p50/p95, peak memory.

    python scripts/benchmark.py [--runs 3] [--questions eval/qa.jsonl]
    python scripts/benchmark.py --library [--statements 20]

Cold start is a fresh process answering one question (index already built), so it includes
importing torch and loading both models. Warm latency is `qa.ask` in one process after a warm-up.

``--library`` measures the statement library instead, in a throwaway $JMQA_HOME: the time to add
the 58-paragraph US-India statement of 22 June 2023 (parse, check, index, write), then, with
``--statements`` statements in the library, the warm p50 of ``Library.ask`` over all of them and
the resident memory each statement adds once its index is loaded. The library is filled from the
real statements in tests/data/statements, each added once with ``Store.add``; the rest are copies
of them whose text differs by trailing newlines (so their hashes and folders differ, the parse
does not), with the index of the original copied beside them rather than embedded again.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FALLBACK = [
    "What is OSA?",
    "How many visitors were there in 2025?",
    "Is there money for disaster recovery?",
    "What did they say about North Korea?",
    "best ramen in Osaka",
    "原子力について何と言っていますか？",
]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cold_start(runs: int) -> tuple[list[float], float]:
    jmqa = Path(sys.executable).with_name("jmqa")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(jmqa), "ask", "What is OSA?"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return times, peak_kib / 1024


def warm(questions: list[str]) -> tuple[list[float], float]:
    import jmqa

    qa = jmqa.load()
    qa.ask("warm-up question about palm oil")
    latencies = []
    for question in questions:
        start = time.perf_counter()
        qa.ask(question)
        latencies.append((time.perf_counter() - start) * 1000)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return latencies, peak_kib / 1024


def _rss_mib() -> float:
    """Resident memory now (not the peak), from /proc."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _copy_statement(store, original, copy_number: int) -> None:
    """A copy of ``original`` under a new id whose text differs by trailing newlines, sharing its
    index files (the manifest names the new text's hash)."""
    import hashlib
    import shutil

    text = (original.folder / "statement.txt").read_text(encoding="utf-8") + "\n" * copy_number
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    folder = store.folder / sha[:16]
    shutil.copytree(original.folder, folder)
    (folder / "statement.txt").write_text(text, encoding="utf-8")
    for name, update in (("statement.json", {"id": f"{original.ref.id[:60]}-copy-{copy_number}", "sha256": sha}),
                         ("index/manifest.json", None)):
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        if update:
            data.update(update)
        else:
            data["corpus"]["sha256"] = sha
        (folder / name).write_text(json.dumps(data, indent=2), encoding="utf-8")


def _fill(store, statements: int) -> None:
    """Add the real statements of the test fixtures (timing the 58-paragraph one), then copies."""
    fixtures = sorted((ROOT / "tests" / "data" / "statements").glob("*.txt"))
    real = [f for f in fixtures if not f.name.startswith("invented")]
    sixty = next(f for f in real if f.name.endswith("2023-06-22.txt"))
    start, cpu = time.perf_counter(), time.process_time()
    added = store.add(sixty)
    print(f"`jmqa add` of {sixty.name} ({added.entry.paragraphs} paragraphs), models loaded: "
          f"{time.perf_counter() - start:.1f} s wall, {time.process_time() - cpu:.1f} s CPU "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    originals = [added.entry] + [store.add(f).entry for f in real if f != sixty]
    for n in range(statements - 1 - len(originals)):
        _copy_statement(store, originals[n % len(originals)], n + 1)


def library(statements: int, questions: list[str], home: Path | None) -> None:
    import tempfile

    os.environ["JMQA_HOME"] = str(home) if home else tempfile.mkdtemp(prefix="jmqa-bench-")
    import jmqa
    from jmqa.embedders import EMBEDDER_NAMES, get_embedder
    from jmqa.store import Store

    for name in EMBEDDER_NAMES:  # the models load once per process; `jmqa add` pays this too
        get_embedder(name).encode_queries(["warm-up"])
    store = Store()
    if len(store.entries()) < statements:
        _fill(store, statements)
    entries = store.entries()
    print(f"library: {len(entries)} statements, {sum(e.paragraphs for e in entries)} paragraphs")

    lib = jmqa.Library()
    shipped = entries[0].ref.id
    lib.ask("warm-up question about trade", statements=[shipped])
    before = _rss_mib()
    lib.ask("warm-up question about trade")  # loads every statement's index
    per_statement = (_rss_mib() - before) / (len(entries) - 1)
    after = _rss_mib()
    # The same questions asked of the shipped statement alone, alternately, so that the ratio
    # holds however busy the machine is (this one is shared).
    single = jmqa.load()
    single.ask("warm-up question about trade")
    across, alone = [], []
    for question in questions:
        begin = time.perf_counter()
        lib.ask(question)
        across.append((time.perf_counter() - begin) * 1000)
        begin = time.perf_counter()
        single.ask(question)
        alone.append((time.perf_counter() - begin) * 1000)
    p50, p50_alone = percentile(across, 0.5), percentile(alone, 0.5)
    print(f"`ask --all` over {len(entries)} statements, {len(across)} questions, warm: "
          f"p50 {p50:.1f} ms, p95 {percentile(across, 0.95):.1f} ms; the shipped statement alone, "
          f"timed alternately: p50 {p50_alone:.1f} ms (ratio {p50 / p50_alone:.2f}; "
          f"load average {os.getloadavg()[0]:.1f})")
    print(f"resident memory per statement once loaded: {per_statement:.2f} MiB "
          f"(RSS {before:.0f} MiB with one statement, {after:.0f} MiB with {len(entries)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="cold starts to time (default 3)")
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "qa.jsonl",
                        help="JSONL file with a 'question' field (default eval/qa.jsonl)")
    parser.add_argument("--library", action="store_true",
                        help="measure the statement library instead (add time, ask --all, memory)")
    parser.add_argument("--statements", type=int, default=20, help="library size for --library (default 20)")
    parser.add_argument("--home", type=Path, default=None,
                        help="--library: reuse this $JMQA_HOME (filled if it has fewer statements)")
    args = parser.parse_args()
    if args.questions.exists():
        questions = [json.loads(line)["question"] for line in args.questions.read_text().splitlines() if line.strip()]
    else:
        questions = FALLBACK
    questions = [q for q in questions if q.strip()]

    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    if args.library:
        library(args.statements, questions[:100], args.home)
        return 0
    times, cold_peak = cold_start(args.runs)
    print(f"cold start `jmqa ask` ({args.runs} runs): median {statistics.median(times):.2f} s "
          f"(min {min(times):.2f}, max {max(times):.2f}); peak RSS {cold_peak:.0f} MiB")
    latencies, warm_peak = warm(questions)
    print(f"warm `qa.ask` over {len(latencies)} questions: p50 {percentile(latencies, 0.5):.1f} ms, "
          f"p95 {percentile(latencies, 0.95):.1f} ms, max {max(latencies):.1f} ms; "
          f"peak RSS {warm_peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
