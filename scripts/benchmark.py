"""Benchmark (not a test): cold start of `jmqa ask`, warm latency p50/p95, peak memory.

    python scripts/benchmark.py [--runs 3] [--questions eval/qa.jsonl]

Cold start is a fresh process answering one question (index already built), so it includes
importing torch and loading both models. Warm latency is `qa.ask` in one process after a warm-up.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="cold starts to time (default 3)")
    parser.add_argument("--questions", type=Path, default=ROOT / "eval" / "qa.jsonl",
                        help="JSONL file with a 'question' field (default eval/qa.jsonl)")
    args = parser.parse_args()
    if args.questions.exists():
        questions = [json.loads(line)["question"] for line in args.questions.read_text().splitlines() if line.strip()]
    else:
        questions = FALLBACK
    questions = [q for q in questions if q.strip()]

    print(f"machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python {platform.python_version()}")
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
