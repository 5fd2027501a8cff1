"""Accuracy on the labelled question sets must not slip below what the matcher reaches today.

The dev and probe splits may be tuned on (the probe is a second, independently written set of
harder phrasings); the holdout split never is (this test and the benchmark only score it). Floors
sit a point or two under the measured figures, so a regression fails loudly while a harmless
wobble does not. When the matcher improves, raise them.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

from knowledge import Matcher, load_knowledge
from tests.knowledge.listed_work import load, rolefit_labels, score

DATA = Path(__file__).resolve().parent / "data"
CLASSES = ("product-owner", "product-manager", "both", "none")

# Measured: dev and probe 100% on every class; holdout 97.5% overall (PO 97.1, PM 100, both 100,
# none 92.3).
FLOORS = {
    "dev": {
        "overall": 0.98,
        "product-owner": 0.97,
        "product-manager": 0.97,
        "both": 0.97,
        "none": 0.97,
    },
    "probe": {
        "overall": 0.98,
        "product-owner": 0.97,
        "product-manager": 0.97,
        "both": 0.97,
        "none": 0.97,
    },
    "holdout": {
        "overall": 0.96,
        "product-owner": 0.95,
        "product-manager": 0.98,
        "both": 0.98,
        "none": 0.9,
    },
}


@cache
def scores(split: str) -> dict[str, float]:
    """Accuracy per class and overall for one split."""
    items = yaml.safe_load((DATA / f"questions_{split}.yaml").read_text(encoding="utf-8"))
    matcher = Matcher(load_knowledge())
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for item in items:
        answer = matcher.answer(item["q"])
        owners = answer.owners
        got = "none" if not owners else "both" if len(owners) > 1 else owners[0]
        total[item["expect"]] += 1
        right[item["expect"]] += got == item["expect"]
    result = {name: right[name] / total[name] for name in CLASSES if total[name]}
    result["overall"] = sum(right.values()) / sum(total.values())
    return result


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_every_class_is_labelled(split: str) -> None:
    assert set(scores(split)) == {*CLASSES, "overall"}


@pytest.mark.parametrize(
    ("split", "measure"), [(split, measure) for split in FLOORS for measure in FLOORS[split]]
)
def test_accuracy_stays_at_or_above_its_floor(split: str, measure: str) -> None:
    reached = scores(split)[measure]
    assert reached >= FLOORS[split][measure], f"{split} {measure}: {reached:.1%}"


# Messages listing several pieces of work. Measured: dev 100% mixed, 100% pieces, 96.7% single;
# dev2 (office work in product words) 80% mixed, 88.6% pieces, 100% single; holdout 86.7% mixed,
# 92.5% pieces, 100% single.
LISTED_FLOORS = {
    "dev": {"mixed": 0.96, "pieces": 0.97, "single": 0.93},
    "dev2": {"mixed": 0.75, "pieces": 0.85, "single": 0.95},
    "holdout": {"mixed": 0.83, "pieces": 0.9, "single": 0.95},
}


@cache
def listed_scores(split: str) -> dict[str, float]:
    matcher = Matcher(load_knowledge())
    return score(load(split), lambda question: rolefit_labels(matcher.answer(question)))


@pytest.mark.parametrize(
    ("split", "measure"),
    [(split, measure) for split in LISTED_FLOORS for measure in LISTED_FLOORS[split]],
)
def test_lists_of_work_stay_at_or_above_their_floor(split: str, measure: str) -> None:
    reached = listed_scores(split)[measure]
    assert reached >= LISTED_FLOORS[split][measure], f"listed {split} {measure}: {reached:.1%}"
