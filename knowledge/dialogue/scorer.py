"""The intent scorer: a weight per cue and intent, learned from the tunable evaluation sets
(`make intents`), summed over a message's cues; the intent with the highest sum wins.

The weights are data, like the knowledge YAML: `knowledge/data/intent_weights.json` says which
files it was learned from (with their SHA-256, so a test can tell when it is stale), and holds
only the cues that carry weight.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "intent_weights.json"


class IntentScorer:
    """Scores intents by their cues' weights (a linear model)."""

    def __init__(self, labels: Sequence[str], weights: Mapping[str, Sequence[float]]) -> None:
        self.labels = tuple(labels)
        self.weights = {cue: tuple(row) for cue, row in weights.items()}

    def intent(self, cues: Iterable[str]) -> str:
        return self.labels[strongest(self.weights, cues, len(self.labels))]

    @classmethod
    def from_json(cls, document: Mapping[str, Any]) -> IntentScorer:
        return cls(document["labels"], document["weights"])


def strongest(weights: Mapping[str, Sequence[float]], cues: Iterable[str], size: int) -> int:
    """The position of the label whose weights over `cues` sum highest (the first on a tie)."""
    rows = [row for row in map(weights.get, cues) if row is not None]
    totals = [sum(column) for column in zip(*rows, strict=True)] if rows else [0.0] * size
    return max(range(size), key=totals.__getitem__)


@cache
def default_scorer() -> IntentScorer:
    """The shipped weights, read once per process and shared by every workspace's Chat."""
    return IntentScorer.from_json(json.loads(WEIGHTS_FILE.read_text(encoding="utf-8")))
