"""Soak test (not a test-suite test): does the server's memory stay bounded under hostile input?

Starts the app on a free loopback port in a child process (or uses ``--url`` and ``--pid`` of a
running one), then sends ``--big`` requests of ``--big-mb`` MB each (the /ask API, the chat's
queue and the upload route, each from a new session) and ``--normal`` ordinary questions (the
/ask API and the chat, from ``--clients`` threads). It prints the server's RSS before and after
and exits non-zero if it grew by more than ``--max-growth-mib`` MiB or if any ordinary question
failed. Loopback only: it refuses any other URL.

    python scripts/soak.py                      # 200 x 1 MB, 1,000 questions, self-started app
    python scripts/soak.py --url http://127.0.0.1:7860 --pid 12345
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_test import QUESTIONS  # noqa: E402  (the load test's mix of questions)

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def http_request(url: str, method: str, path: str, body: bytes | None = None,
                 headers: dict[str, str] | None = None, timeout: float = 120) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    except (ConnectionError, http.client.HTTPException):  # the server may close on a huge body
        return 0, b""
    finally:
        conn.close()


def call(url: str, api: str, data: list) -> list:
    """One /gradio_api/call/API round trip (POST then the event stream); the completed data."""
    body = json.dumps({"data": data, "session_hash": uuid.uuid4().hex}).encode()
    status, text = http_request(url, "POST", f"/gradio_api/call/{api}", body,
                                {"Content-Type": "application/json"})
    if status != 200:
        raise RuntimeError(f"{api}: HTTP {status}")
    event = json.loads(text)["event_id"]
    status, stream = http_request(url, "GET", f"/gradio_api/call/{api}/{event}")
    lines = stream.decode().splitlines()
    if "event: complete" not in lines:
        raise RuntimeError(f"{api}: {lines[:2]}")
    return json.loads(lines[lines.index("event: complete") + 1].removeprefix("data: "))


def big_requests(url: str, count: int, megabytes: float) -> dict[int, int]:
    """``count`` oversized requests, spread over three routes; HTTP status -> how many."""
    payload = "x" * int(megabytes * 1024 * 1024)
    routes = [
        ("/gradio_api/call/ask", json.dumps({"data": [payload]}), "application/json"),
        ("/gradio_api/queue/join", json.dumps({"data": [payload, [], None], "fn_index": 0,
                                               "session_hash": "s"}), "application/json"),
        ("/gradio_api/upload", payload, "multipart/form-data; boundary=b"),
    ]
    statuses: dict[int, int] = {}
    for i in range(count):
        path, body, kind = routes[i % len(routes)]
        status, _ = http_request(url, "POST", path, body.encode(), {"Content-Type": kind})
        statuses[status] = statuses.get(status, 0) + 1
    return statuses


def normal_questions(url: str, count: int, clients: int) -> tuple[int, list[str], float]:
    """``count`` ordinary questions (every fourth through the chat); answered, errors, seconds."""
    def one(i: int) -> str | None:
        question = QUESTIONS[i % len(QUESTIONS)]
        try:
            if i % 4 == 3:
                box, history, *_ = call(url, "chat", [question, [], None, ""])
                ok = box == "" and len(history) == 2
            else:
                (reply,) = call(url, "ask", [question, ""])
                ok = isinstance(reply, str) and bool(reply)
            return None if ok else f"question {i}: unexpected reply"
        except Exception as problem:  # noqa: BLE001 - every failure is counted and shown
            return f"question {i}: {problem!r}"

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        results = list(pool.map(one, range(count)))
    errors = [r for r in results if r]
    return count - len(errors), errors, time.perf_counter() - started


def start_app() -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    child = subprocess.Popen(
        [sys.executable, "-m", "jmqa.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):  # the models load first: up to a few minutes on a busy machine
        if child.poll() is not None:
            raise SystemExit(f"the app exited with {child.returncode}")
        if http_request(url, "GET", "/", timeout=5)[0] == 200:
            return child, url
        time.sleep(1)
    child.terminate()
    raise SystemExit("the app did not start within 300 s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running app (loopback only); default: start one")
    parser.add_argument("--pid", type=int, help="the running app's process id (with --url)")
    parser.add_argument("--big", type=int, default=200, help="oversized requests (default 200)")
    parser.add_argument("--big-mb", type=float, default=1.0, help="their size in MB (default 1)")
    parser.add_argument("--normal", type=int, default=1000, help="ordinary questions (default 1000)")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument("--max-growth-mib", type=float, default=100.0)
    args = parser.parse_args(argv)
    args.big, args.normal = min(args.big, 10_000), min(args.normal, 100_000)  # bounded loops

    child = None
    if args.url:
        if urllib.parse.urlsplit(args.url).hostname not in LOOPBACK or not args.pid:
            parser.error("--url must be a loopback address, and --pid is required with it")
        url, pid = args.url.rstrip("/"), args.pid
    else:
        child, url = start_app()
        pid = child.pid
    try:
        normal_questions(url, 20, args.clients)  # warm up: lazy imports, first sessions
        before = rss_mib(pid)
        print(f"server pid {pid} at {url}; RSS before: {before:.0f} MiB", flush=True)
        started = time.perf_counter()
        statuses = big_requests(url, args.big, args.big_mb)
        print(f"{args.big} x {args.big_mb:g} MB requests in {time.perf_counter() - started:.1f} s: "
              f"HTTP statuses {dict(sorted(statuses.items()))}; RSS {rss_mib(pid):.0f} MiB", flush=True)
        answered, errors, seconds, done = 0, [], 0.0, 0
        for part in range(4):  # in quarters, to show whether the growth levels off
            size = args.normal // 4 + (args.normal % 4 if part == 3 else 0)
            ok, failed, took = normal_questions(url, size, args.clients)
            answered, errors, seconds, done = answered + ok, errors + failed, seconds + took, done + size
            print(f"  after {done} normal questions: RSS {rss_mib(pid):.0f} MiB", flush=True)
        print(f"{args.normal} normal questions ({args.clients} clients) in {seconds:.1f} s: "
              f"{answered} answered, {len(errors)} errors", flush=True)
        for error in errors[:5]:
            print(f"  {error}")
        after = rss_mib(pid)
    finally:
        if child is not None:
            child.terminate()
            child.wait(timeout=30)
    growth = after - before
    print(f"RSS after: {after:.0f} MiB; growth {growth:+.0f} MiB (limit {args.max_growth_mib:g})")
    accepted_big = sum(n for status, n in statuses.items() if status == 200)
    if growth > args.max_growth_mib or errors or accepted_big:
        print("FAIL")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
