"""The numbers fitted on the dev split: read from ``data/calibration.json``, written by
``python eval/tune.py --write`` (the only way they change; ``tests/test_calibration.py`` refits
and compares). The file also records what it was fitted on: the commit and the Q&A file's hash.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from jmqa.data_files import read_data_file


@dataclass(frozen=True)
class Calibration:
    """Parameters fitted on the dev split (see ``eval/tune.py``)."""

    refusal: dict[str, dict]  # per language group: features, weights, bias, threshold
    # When to quote a paragraph after the first: features, weights, bias, threshold (as refusal)
    further_quote: dict[str, Any]
    max_quotes: int
    highlight_min: float  # minimum sentence score to mark it
    highlight_margin: float  # ... and its lead over the runner-up sentence
    highlight_lexical: float  # weight of word overlap in a sentence's score
    highlight_confidence: float  # mark nothing unless the answer is at least this confident
    caution_confidence: float  # quote with CAUTION below this confidence
    # MiniLM sentence cosine under which an English question counts as "far off" the statement
    # (the refusal model's hinge feature).
    far_off_cosine: float
    # A sentence answers the asked-for type ("how many") only within this much of the best
    # sentence's score: it must also be about what was asked.
    type_near: float
    # The "default" retriever's weight per signal (z-score fusion).
    fusion_weights: dict[str, float]
    # The same, fitted with the glossary switched off: for a statement that has none.
    fusion_weights_no_glossary: dict[str, float]
    # What the numbers were fitted on: commit, Q&A file sha256, split, item count.
    fitted_on: dict[str, Any]

    @classmethod
    def load(cls) -> Calibration:
        raw = read_data_file("calibration.json")
        return cls(**json.loads(raw))
