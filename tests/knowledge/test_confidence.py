"""One set of confidence bands: the words people read and the advisor's placing threshold."""

from __future__ import annotations

import pytest

from knowledge.confidence import PLACEMENT_CONFIDENCE, confidence_words


@pytest.mark.parametrize(
    ("confidence", "words"),
    [
        (1.0, "clearly"),
        (0.75, "clearly"),
        (0.74, "most likely"),
        (0.45, "most likely"),
        (0.44, "not sure"),
        (0.0, "not sure"),
    ],
)
def test_confidence_in_words(confidence: float, words: str) -> None:
    assert confidence_words(confidence) == words


def test_the_advisor_places_a_need_from_most_likely_up() -> None:
    assert confidence_words(PLACEMENT_CONFIDENCE) == "most likely"
    assert confidence_words(PLACEMENT_CONFIDENCE - 0.01) == "not sure"
