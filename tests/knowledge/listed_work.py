"""Scoring answers to messages that list several pieces of work (`multipart_*.yaml`, written
from the article and LABELLING.md by someone who never saw the code): the accuracy floors and
`benchmarks/conversation.py` score them alike.

A MIXED item (`parts`: each piece's label, in order) is right when the answer gives each piece
its label; pieces side by side with the same label count as one, as RoleFit answers them. A
SINGLE item (`expect`) is right when one answer, not split, has that label."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from knowledge import Answer

DATA = Path(__file__).resolve().parent / "data"


def load(split: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load(
        (DATA / f"multipart_{split}.yaml").read_text(encoding="utf-8")
    )
    return items


def label(owners: list[str]) -> str:
    return "none" if not owners else "both" if len(owners) > 1 else owners[0]


def rolefit_labels(answer: Answer) -> list[str]:
    """Each listed piece's label, or the one answer's."""
    return [label(part.owners) for part in answer.parts] or [label(answer.owners)]


def _runs(labels: list[str]) -> list[str]:
    return [x for i, x in enumerate(labels) if i == 0 or labels[i - 1] != x]


def score(items: list[dict[str, Any]], labels_of: Callable[[str], list[str]]) -> dict[str, float]:
    """Shares right: MIXED messages with every piece right, their pieces one by one (one answer
    for a whole message stands for each of its pieces), and SINGLE messages."""
    mixed = pieces = pieces_right = mixed_right = single = single_right = 0
    for item in items:
        got = _runs(labels_of(str(item["q"])))
        if "parts" not in item:
            single += 1
            single_right += got == [item["expect"]]
            continue
        expected = _runs(list(item["parts"]))
        mixed += 1
        mixed_right += got == expected
        pieces += len(expected)
        given = got * len(expected) if len(got) == 1 else got
        pieces_right += sum(g == e for g, e in zip(given, expected, strict=False))
    return {
        "mixed": mixed_right / mixed,
        "pieces": pieces_right / pieces,
        "single": single_right / single,
    }
