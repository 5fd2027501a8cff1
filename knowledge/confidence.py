"""How sure RoleFit is, in words: one set of bands for every answer and recommendation.

The Slack answer, `rolefit ask`, the hiring advice and the advisor's placing of needs all read
these, so "most likely" means the same confidence wherever a person sees it.
"""

from __future__ import annotations

from typing import Literal

Sureness = Literal["clearly", "most likely", "not sure"]

CLEARLY = 0.75
MOST_LIKELY = 0.45

#: The lowest confidence for each word, highest first; below the last band RoleFit is not sure.
BANDS: tuple[tuple[float, Sureness], ...] = ((CLEARLY, "clearly"), (MOST_LIKELY, "most likely"))

#: The advisor counts a free-text need only where the matcher is at least "most likely" sure:
#: a guess it would call "not sure" must not tip a hiring decision.
PLACEMENT_CONFIDENCE = MOST_LIKELY


def confidence_words(confidence: float) -> Sureness:
    """How sure RoleFit is, in the words a person would use."""
    return next((word for lowest, word in BANDS if confidence >= lowest), "not sure")
