"""Load test (not a test-suite test): N concurrent gradio_client clients × M questions each.

Connects to a running app (``--url``, default http://127.0.0.1:7860), or with ``--start`` starts
one in this process on a free port first. Every client asks its questions one after another
through the ``/ask`` endpoint; the script prints how many were answered, the errors (should be
0) and the latency p50/p95, then exits (non-zero if any request failed).

    python app.py &                     # or: jmqa serve
    python scripts/load_test.py         # 20 clients × 10 questions
    python scripts/load_test.py --start # self-contained
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

QUESTIONS = [
    "How many visitors were there in 2025?",
    "Is there money for disaster recovery?",
    "What did the leaders say about the South China Sea?",
    "What is Malaysia's GDP?",
    "2025年の双方向の訪問者数は何人でしたか？",
    "Berapakah sumbangan Jepun kepada ADB?",
    "When will GREENxEXPO 2027 be held?",
    "What was agreed on nuclear energy?",
    "Who won the 2022 World Cup?",
    "What about critical minerals and rare earths?",
    "Is there cooperation on artificial intelligence?",
    "What did they say about North Korea?",
]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def run_client(
    url: str, index: int, per_client: int, timeout: float
) -> tuple[list[float], list[str]]:
    """One client asking ``per_client`` questions in turn; returns latencies and errors."""
    from gradio_client import Client

    latencies: list[float] = []
    errors: list[str] = []
    try:
        client = Client(url, verbose=False)
    except Exception as problem:  # noqa: BLE001 - any failure to connect counts as errors
        return [], [f"client {index}: connect: {problem!r}"] * per_client
    try:
        for i in range(per_client):
            question = QUESTIONS[(index * per_client + i) % len(QUESTIONS)]
            start = time.perf_counter()
            try:
                job = client.submit(question, api_name="/ask")
                reply = job.result(timeout=timeout)
                if not isinstance(reply, str) or not reply.strip():
                    raise ValueError(f"empty reply: {reply!r}")
                latencies.append(time.perf_counter() - start)
            except Exception as problem:  # noqa: BLE001 - the load test counts every failure
                errors.append(f"client {index}, question {i}: {problem!r}")
    finally:
        client.close()
    return latencies, errors


def start_app() -> tuple[str, object]:
    """Start the app in this process on a free port (loads the models once)."""
    import jmqa
    from jmqa.ui import build_app, launch_kwargs

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    demo = build_app(jmqa.load())
    demo.launch(prevent_thread_lock=True, quiet=True, **launch_kwargs("127.0.0.1", port))
    return demo.local_url, demo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:7860", help="running app to test")
    parser.add_argument("--start", action="store_true", help="start the app here instead")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10, help="questions per client")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per request")
    args = parser.parse_args(argv)

    demo = None
    url = args.url
    if args.start:
        url, demo = start_app()
    total = args.clients * args.questions
    print(f"{args.clients} clients × {args.questions} questions against {url} ...", flush=True)
    started = time.perf_counter()
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    try:
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            futures = [
                pool.submit(run_client, url, i, args.questions, args.timeout)
                for i in range(args.clients)
            ]
            for f in futures:
                lat, err = f.result()
                with lock:
                    latencies += lat
                    errors += err
    finally:
        if demo is not None:
            demo.close()
    wall = time.perf_counter() - started
    print(f"answered: {len(latencies)}/{total}")
    print(f"errors:   {len(errors)}")
    for e in errors[:10]:
        print(f"  {e}")
    if latencies:
        print(
            f"latency:  p50 {percentile(latencies, 50):.2f} s, p95 {percentile(latencies, 95):.2f} s, "
            f"mean {statistics.mean(latencies):.2f} s, max {max(latencies):.2f} s"
        )
        print(f"wall:     {wall:.1f} s ({len(latencies) / wall:.2f} questions/s)")
    return 1 if errors or len(latencies) != total else 0


if __name__ == "__main__":
    sys.exit(main())
