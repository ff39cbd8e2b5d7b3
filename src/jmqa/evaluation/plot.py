"""The report's PNG. matplotlib is imported here only, when a plot is drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from jmqa.evaluation.dataset import TAGS

if TYPE_CHECKING:
    from jmqa.evaluation.runner import EvalResult


def render_plot(result: EvalResult, split: str) -> bytes:
    """PNG: hit@1 by tag per retriever, and abstention quality per retriever."""
    import io

    import matplotlib

    matplotlib.use("Agg")  # no display; must come before pyplot
    import matplotlib.pyplot as plt

    items = result.items
    tags = [t for t in TAGS if any(i.tag == t and i.answerable for i in items)] + ["all"]
    names = result.retrievers
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(12, 8.5), layout="constrained")
    width = 0.8 / max(len(names), 1)
    colors = plt.get_cmap("tab10")
    for j, name in enumerate(names):
        values = [
            (result.overall[name].hit1 if t == "all" else result.by_tag[name][t].hit1) or 0.0
            for t in tags
        ]
        x = np.arange(len(tags)) + (j - (len(names) - 1) / 2) * width
        top.bar(x, values, width, label=name, color=colors(j % 10))
    top.set_xticks(np.arange(len(tags)))
    counts = {t: sum(i.answerable and t in ("all", i.tag) for i in items) for t in tags}
    top.set_xticklabels([f"{t}\n(n={counts[t]})" for t in tags])
    top.set_ylim(0, 1.05)
    top.set_ylabel("hit@1 (answerable items)")
    top.set_title("hit@1 by question tag")
    top.grid(axis="y", alpha=0.3)

    metrics = [("abstention_precision", "abstention\nprecision"), ("abstention_recall",
               "abstention recall\n(correct refusals)"), ("abstention_f1", "abstention F1"),
               ("false_refusal_rate", "false-refusal rate\n(answerable refused)")]
    for j, name in enumerate(names):
        m = result.overall[name]
        values = [getattr(m, key) or 0.0 for key, _ in metrics]
        x = np.arange(len(metrics)) + (j - (len(names) - 1) / 2) * width
        bottom.bar(x, values, width, label=name, color=colors(j % 10))
    bottom.set_xticks(np.arange(len(metrics)))
    bottom.set_xticklabels([label for _, label in metrics])
    bottom.set_ylim(0, 1.05)
    bottom.set_ylabel("rate")
    bottom.set_title("Abstention: refusing exactly when the statement has no answer")
    bottom.grid(axis="y", alpha=0.3)
    # One legend for both panels, outside the axes so it never hides a bar.
    handles, labels = top.get_legend_handles_labels()
    fig.legend(handles, labels, title="retriever", loc="outside right upper", fontsize=9)
    fig.suptitle(f"jmqa eval, split '{split}' ({len(items)} questions)", fontsize=14)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return buffer.getvalue()
