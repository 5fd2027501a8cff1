"""Finding which concept of the article a question is about, by the concepts' own phrasings."""

from __future__ import annotations

from knowledge.models import Concept, KnowledgeBase
from knowledge.reading import Reader
from knowledge.text import STOPWORDS, clean_text, split_words

# A question must cover at least this share of a phrasing's concepts to be about it, including
# at least one term that few concepts use ("product" alone says nothing about which concept).
MIN_COVERAGE = 0.6
DISTINCTIVE_IN_AT_MOST = 3
# Phrasings this long or longer are answered as the idea when asked word for word.
VERBATIM_WORDS = 3
# Asked of a message read as something else, a phrasing must also cover half of the question.
HALF = 0.5
# How a question about the article asks, which says nothing of what it asks about.
_ASKING = frozenset({"what", "explain", "tell", "about", "mean", "means", "meaning", "define"})
# Words every question about the article uses; they never pick a concept by themselves.
_GENERIC = frozenset({"product", "whi", "mean", "role", "team", "work", "articl", "explain"})


class ConceptFinder:
    def __init__(self, kb: KnowledgeBase) -> None:
        texts = [text for c in kb.concepts for text in [c.title, *c.phrases]]
        self._reader = Reader(kb.language, texts)
        # The generic words as read: a synonym group's concept ("explain~") as well as the stem.
        self._generic = _GENERIC | {
            t.concept for t in self._reader.terms(" ".join(sorted(_GENERIC)), fix_typos=False)
        }
        # Each phrasing's terms, its words as written, and its concept.
        self._phrases: list[tuple[frozenset[str], frozenset[str], Concept]] = []
        for concept in kb.concepts:
            for text in [concept.title, *concept.phrases]:
                terms = self._terms(text, fix_typos=False)
                if terms:
                    self._phrases.append((terms, _words(text), concept))
        used_by: dict[str, set[str]] = {}
        for terms, _, concept in self._phrases:
            for term in terms:
                used_by.setdefault(term, set()).add(concept.id)
        self._distinctive = {t for t, ids in used_by.items() if len(ids) <= DISTINCTIVE_IN_AT_MOST}
        # Each concept's title as read, whole (`titled`).
        self._titles = [
            frozenset(t.concept for t in self._reader.terms(c.title, fix_typos=False))
            for c in kb.concepts
        ]
        # Each phrasing of three words or more, as a question would be written (`phrased`).
        self._verbatim = {
            " ".join(words): concept
            for concept in kb.concepts
            for words in (split_words(clean_text(phrase)) for phrase in concept.phrases)
            if len(words) >= VERBATIM_WORDS
        }

    def find(self, question: str, *, all_of_it: bool = False) -> Concept | None:
        """The concept whose phrasing the question covers best, or None. With `all_of_it`, only
        a phrasing that also covers half the question or more counts: a question read as
        something else ("what's a fair salary for a PM these days?" shares only "day" with a
        concept) is not taken for a concept on one word of it."""
        asked = self._terms(question, fix_typos=True)
        asked_words = _words(question)
        # On equal terms, the phrasing sharing more of the words as written (synonyms make "what
        # is agile?" and "what is scrum?" one question, and only the words tell them apart),
        # then the one with fewer words not asked ("what is scrum?" is about Scrum, not about
        # "product owner accountability in scrum").
        best: tuple[float, int, int, int, Concept] | None = None
        for terms, words, concept in self._phrases:
            shared = len(terms & asked)
            coverage = shared / len(terms)
            if (
                shared
                and coverage >= MIN_COVERAGE
                and (not all_of_it or shared >= HALF * len(asked))
            ):
                verbatim, unasked = len(words & asked_words), len(words - asked_words)
                if best is None or (coverage, shared, verbatim, -unasked) > best[:4]:
                    best = (coverage, shared, verbatim, -unasked, concept)
        return best[4] if best else None

    def titled(self, question: str) -> bool:
        """Whether the question names no more than one concept's title does ("technology
        roadmaps", "tech roadmaps"): the idea itself, not work beside it that shares a word with
        it ("the sprint goal" is not "the product goal")."""
        asked = frozenset(t.concept for t in self._reader.terms(question, fix_typos=True))
        return bool(asked) and any(asked <= title for title in self._titles)

    def phrased(self, question: str) -> Concept | None:
        """The concept one of whose phrasings the question is, word for word ("What skills should
        I look for?"), or None: a question asked that way is the article's, whatever else its
        words might read as."""
        return self._verbatim.get(" ".join(split_words(clean_text(question))))

    def _terms(self, text: str, *, fix_typos: bool) -> frozenset[str]:
        terms = self._reader.terms(text, fix_typos=fix_typos)
        return frozenset(t.concept for t in terms) - self._generic


def _words(text: str) -> frozenset[str]:
    """The content words as written: what tells "what is agile?" from "explain scrum"."""
    return frozenset(split_words(clean_text(text))) - STOPWORDS - _ASKING
