"""Learning the intent scorer's weights: an averaged perceptron over each message's cues.

Plain and deterministic (a seeded shuffle, cues in a stable order), so the same examples give
the same weights on every machine. Averaging the weights over every step keeps a late mistake
from swinging the model, which matters with a few thousand examples.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from knowledge.dialogue.scorer import IntentScorer, strongest

EPOCHS = 10
SEED = 1


def dev_sets(folder: Path) -> list[str]:
    """The tunable conversation sets in `folder` (never a holdout), in the order they were
    written: conversation_dev.yaml, conversation_dev2.yaml, …"""
    paths = sorted(folder.glob("conversation_dev*.yaml"), key=lambda p: (len(p.name), p.name))
    return [path.name for path in paths]


@dataclass(frozen=True)
class Example:
    cues: tuple[str, ...]
    intent: str


def train(
    examples: Sequence[Example], labels: Sequence[str], *, epochs: int = EPOCHS, seed: int = SEED
) -> IntentScorer:
    """Weights that read `examples` as their intents, as far as a linear model can."""
    index = {label: position for position, label in enumerate(labels)}
    weights: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(labels))
    # Sums of each weight over all steps, kept lazily: added when a weight changes.
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0] * len(labels))
    changed: dict[str, list[int]] = defaultdict(lambda: [0] * len(labels))
    order = list(examples)
    shuffle = random.Random(seed).shuffle
    step = 1
    for _ in range(epochs):
        shuffle(order)
        for example in order:
            guess = strongest(weights, example.cues, len(labels))
            truth = index[example.intent]
            if guess != truth:
                for cue in example.cues:
                    for label, change in ((truth, 1.0), (guess, -1.0)):
                        totals[cue][label] += (step - changed[cue][label]) * weights[cue][label]
                        changed[cue][label] = step
                        weights[cue][label] += change
            step += 1
    averaged: dict[str, list[float]] = {}
    for cue, row in weights.items():
        mean = [
            (totals[cue][label] + (step - changed[cue][label]) * row[label]) / step
            for label in range(len(labels))
        ]
        if any(abs(weight) >= 1e-4 for weight in mean):
            averaged[cue] = [round(weight, 4) for weight in mean]
    return IntentScorer(labels, averaged)
