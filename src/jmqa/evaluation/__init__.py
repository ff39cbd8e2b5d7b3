"""The eval harness behind ``jmqa eval``: a Q&A set, retrievers side by side, a readable report.

Only ``jmqa eval`` imports this package; the library and the UI never do, so matplotlib (needed
for the report's plot, and imported only when one is drawn) stays off their path.

Every number is computed over a fixed Q&A file (``eval/qa.jsonl``, see ``eval/README.md`` for the
format and the exact metric definitions). Questions are encoded once; each retriever
configuration in :data:`jmqa.retrieval.CONFIGS` then ranks all 27 paragraphs from the same
signals and feeds its ranking through the same answerer, so differences between rows come from
the fusion alone.

Modules, one job each: :mod:`~jmqa.evaluation.dataset` (the Q&A schema and validation),
:mod:`~jmqa.evaluation.metrics` (per-item metrics), :mod:`~jmqa.evaluation.stats` (aggregation
and the bootstrap), :mod:`~jmqa.evaluation.runner` (running the pipeline),
:mod:`~jmqa.evaluation.robustness` (the metamorphic suite), :mod:`~jmqa.evaluation.report` and
:mod:`~jmqa.evaluation.plot` (the report files), :mod:`~jmqa.evaluation.cli` (the command).

Programmatic use (e.g. a regression-floor test)::

    >>> import jmqa
    >>> from jmqa.evaluation import load_items, run_eval
    >>> qa = jmqa.load()                                                    # doctest: +SKIP
    >>> items = [i for i in load_items("eval/qa.jsonl") if i.split == "test"]  # doctest: +SKIP
    >>> result = run_eval(qa, items, ["default"], bootstrap=0)              # doctest: +SKIP
    >>> result.overall["default"].hit1                                      # doctest: +SKIP
    0.95...
"""

from jmqa.evaluation.dataset import (
    QAFileError,
    QAItem,
    default_qa_path,
    item_problems,
    load_items,
    set_problems,
    validate_items,
)
from jmqa.evaluation.metrics import ItemResult, score_item
from jmqa.evaluation.robustness import RobustnessResult, run_robustness
from jmqa.evaluation.runner import EvalResult, run_eval
from jmqa.evaluation.stats import DEFAULT_SEED, Metrics, aggregate

__all__ = [
    "DEFAULT_SEED", "EvalResult", "ItemResult", "Metrics", "QAFileError", "QAItem",
    "RobustnessResult", "aggregate", "default_qa_path", "item_problems", "load_items",
    "run_eval", "run_robustness", "score_item", "set_problems", "validate_items",
]
