"""Reading a question: text in, the concepts it talks about out, in the knowledge base's words.

Slack markup and emoji go, words the knowledge base has never seen are corrected to a close known
word (typos), abbreviations expand, words are stemmed and synonyms collapse onto one concept. Each
term remembers which side of the "who…" clause it stood on (see `knowledge.text.asking_sides`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from cachetools import LRUCache
from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.models import Language
from knowledge.text import (
    ASKED,
    STOPWORDS,
    asking_sides,
    clean_text,
    common_english_words,
    split_words,
    stem,
    without_role_names,
)

MAX_WORDS = 2000  # a wall of text is read up to here; the rest cannot change the answer much
# Typo fixes remembered: new words keep arriving, so the memory is bounded.
CORRECTIONS_KEPT = 20_000


@dataclass(frozen=True)
class Term:
    concept: str  # a stem, or "name~" for a synonym group
    written: str  # what the person wrote, typos included, for explanations
    side: int = ASKED  # in the clause that asks "who…", or in the context BEFORE or AFTER it


@dataclass(frozen=True)
class Token:
    written: str  # as the person wrote it (a typo stays "critera", an abbreviation "gtm")
    word: str  # after typo fixing and abbreviation expansion
    stem: str
    side: int


class Reader:
    """Turns text into concept terms, using the knowledge base's own language."""

    def __init__(self, language: Language, known_texts: Iterable[str]) -> None:
        self.abbreviations = {
            key: split_words(clean_text(value)) for key, value in language.abbreviations.items()
        }
        synonyms: dict[tuple[str, ...], str] = {}
        for concept, variants in language.synonyms.items():
            for variant in [concept, *variants]:
                stems = tuple(stem(w) for w in split_words(clean_text(variant)))
                if stems:
                    synonyms.setdefault(stems, f"{concept}~")
        # By first stem, longest first, so each word checks only the runs that could start there.
        self.synonyms_by_start: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for stems, concept in sorted(synonyms.items(), key=lambda item: -len(item[0])):
            self.synonyms_by_start[stems[0]].append((stems, concept))
        words: set[str] = set(STOPWORDS) | set(self.abbreviations)
        for text in [*known_texts, *language.abbreviations.values()]:
            words.update(split_words(clean_text(text)))
        for variants in language.synonyms.values():
            for variant in variants:
                words.update(split_words(clean_text(variant)))
        self.known_words = frozenset(words)
        self.known_stems = frozenset(stem(w) for w in words)
        self._choices = sorted(w for w in words if len(w) >= 4 and w.isalpha())
        self._corrections: LRUCache[str, str] = LRUCache(maxsize=CORRECTIONS_KEPT)

    def terms(self, text: str, *, fix_typos: bool = True) -> list[Term]:
        """The concepts in `text`, in order, without stopwords or role names."""
        cleaned = clean_text(text)
        written = split_words(cleaned)[:MAX_WORDS]
        sides = asking_sides(cleaned)
        fixed = [self.correct(w) for w in written] if fix_typos else written
        tokens: list[Token] = []
        for position in without_role_names(fixed):
            word = fixed[position]
            for expanded in self.abbreviations.get(word, [word]):
                tokens.append(Token(written[position], expanded, stem(expanded), sides[position]))
        return self._concepts(tokens)

    def _concepts(self, tokens: list[Token]) -> list[Term]:
        """Collapse synonym runs (longest first) and drop stopwords."""
        terms: list[Term] = []
        index = 0
        while index < len(tokens):
            for stems, concept in self.synonyms_by_start.get(tokens[index].stem, ()):
                run = tokens[index : index + len(stems)]
                if tuple(t.stem for t in run) == stems:
                    written = " ".join(dict.fromkeys(t.written for t in run))
                    terms.append(Term(concept, written, min(run, key=lambda t: abs(t.side)).side))
                    index += len(stems)
                    break
            else:
                token = tokens[index]
                if token.word not in STOPWORDS and not token.word.isdigit():
                    terms.append(Term(token.stem, token.written, token.side))
                index += 1
        return terms

    def correct(self, word: str) -> str:
        """The closest known word for an unknown one (a typo), or the word itself."""
        if word in self.known_words or len(word) < 5 or not word.isalpha():
            return word
        cached = self._corrections.get(word)
        if cached is not None:
            return cached
        fixed = word
        if stem(word) not in self.known_stems and word not in common_english_words():
            allowed = 1 if len(word) < 8 else 2
            found = process.extract(
                word, self._choices, scorer=OSA.distance, score_cutoff=allowed, limit=8
            )
            if found:
                # Fewest edits first, then a matching first letter, then alphabetical.
                best = min(found, key=lambda f: (f[1], f[0][0] != word[0], f[0]))
                fixed = best[0]
        self._corrections[word] = fixed
        return fixed
