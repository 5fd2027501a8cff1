"""Finding which concept of the article a question is about, by the concepts' own phrasings."""

from __future__ import annotations

from knowledge.models import Concept, KnowledgeBase
from knowledge.reading import Reader

# A question must cover at least this share of a phrasing's concepts to be about it.
MIN_COVERAGE = 0.6


class ConceptFinder:
    def __init__(self, kb: KnowledgeBase) -> None:
        texts = [text for c in kb.concepts for text in [c.title, *c.phrases]]
        self._reader = Reader(kb.language, texts)
        self._phrases: list[tuple[frozenset[str], Concept]] = []
        for concept in kb.concepts:
            for text in [concept.title, *concept.phrases]:
                terms = frozenset(t.concept for t in self._reader.terms(text, fix_typos=False))
                if terms:
                    self._phrases.append((terms, concept))

    def find(self, question: str) -> Concept | None:
        """The concept whose phrasing the question covers best, or None."""
        asked = frozenset(t.concept for t in self._reader.terms(question))
        best: tuple[float, int, Concept] | None = None
        for terms, concept in self._phrases:
            shared = len(terms & asked)
            coverage = shared / len(terms)
            if (
                shared
                and coverage >= MIN_COVERAGE
                and (best is None or (coverage, shared) > (best[0], best[1]))
            ):
                best = (coverage, shared, concept)
        return best[2] if best else None
