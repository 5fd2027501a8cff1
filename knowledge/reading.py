"""Reading a question: text in, the concepts it talks about out, in the knowledge base's words.

Slack markup and emoji go, words the knowledge base has never seen are corrected to a close known
word (typos), abbreviations expand, words are stemmed and synonyms collapse onto one concept. Each
term remembers which side of the "who…" clause it stood on (see `knowledge.text.asking_sides`).

What a message may cost is bounded by design, however long or hostile it is: at most
`READ_CHARACTERS` around its first "who…" are read, each known word is one dictionary look-up (its
expansion and stems are worked out once, when the Reader is built), and at most
`NEW_WORDS_CHECKED` words never seen before are checked for typos per message. A word of up to
seven letters is looked up among the known words one edit away, then, if one is near, in the
common-word list; a longer one is looked up in the common-word list first, and only if it is not
there are the known words within two letters of its length scanned. Corrections are remembered in
a bounded memory.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

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
# Of a longer message, this many characters (after cleaning) are read, from a little before its
# first "who…" on, cut at spaces: a wall of text costs what a long question does. The longest
# labelled question has 320, so every one of them is read whole.
READ_CHARACTERS = 1000
READ_BEFORE_ASK = 200
_ASKING = re.compile(r"\bwho(?:se|m|s)?\b")
# Words a message may open with before its "why" ("so why does…", "but why do we…").
_BEFORE_WHY = frozenset({"so", "but", "and", "ok", "okay", "then", "hmm", "wait"})
# The words after a "why" that opens a question ("why does…", "why keep two…"); a "why" before
# anything else names the reasons behind work ("why we build it").
_ASKS_WHY = frozenset(
    {"does", "do", "did", "is", "are", "was", "were", "would", "should", "could", "can"}
    | {"must", "will", "keep", "two", "hire", "pick", "choose", "need"}
    | {"doesn't", "don't", "isn't", "aren't"}
)
# "A 5-person startup", "we are 3 devs", "we have 3 POs": a number before these says how many
# people there are, never what work is asked about ("a 5 year plan").
_PEOPLE = frozenset(
    {"person", "people", "persons", "employees", "staff", "devs", "developers", "engineers"}
    | {"folks", "heads", "members", "pos", "pms", "product", "owners", "managers"}
)
_NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"]
)
# Typo fixes remembered: new words keep arriving, so the memory is bounded.
CORRECTIONS_KEPT = 20_000
# New words (never seen, not yet remembered) checked for typos in one message; the rest are read
# as written. Words in the clause that asks "who…" are checked first. A labelled question has at
# most 8 such words; a pasted wall of made-up words would otherwise cost a search for each.
NEW_WORDS_CHECKED = 12
TYPO_CANDIDATES = 8  # the closest known words weighed for one typo
SHORTEST_TYPO = 5  # shorter unknown words are left alone: too many real words lie one edit away
LONGEST_ONE_EDIT_TYPO = 7  # a typo of up to this many letters may have one edit, longer ones two


class Term(NamedTuple):
    concept: str  # a stem, or "name~" for a synonym group
    written: str  # what the person wrote, typos included, for explanations
    side: int = ASKED  # in the clause that asks "who…", or in the context BEFORE or AFTER it


# Makes a Term without the Python-level __new__ a NamedTuple has: half the cost, and a phrase or
# question is read a Term per word (the 10x knowledge's phrases make 43,000 of them).
_new_term = tuple.__new__
# A stem that starts no synonym run: no longer runs, and no concept of its own.
_NO_RUNS: tuple[list[tuple[tuple[str, ...], str]], str | None] = ([], None)
# (as written, after typo fixing and abbreviation expansion, its stem, its side)
Token = tuple[str, str, str, int]
# What one word becomes: (word, stem) for each word it expands to ("gtm" → go, to, market).
Forms = tuple[tuple[str, str], ...]


def _one_deleted(word: str) -> set[str]:
    """The word and every word one letter shorter inside it."""
    return {word, *(word[:at] + word[at + 1 :] for at in range(len(word)))}


def typos_allowed(length: int) -> int:
    """Edits a typo of this many letters may have (transposing two letters is one)."""
    return 1 if length <= LONGEST_ONE_EDIT_TYPO else 2


def _around_the_ask(cleaned: str) -> str:
    """READ_CHARACTERS of a long text from a little before its first "who…" (or its start), cut
    at spaces so that no word is cut in two."""
    found = _ASKING.search(cleaned)
    start = max(0, found.start() - READ_BEFORE_ASK) if found else 0
    end = start + READ_CHARACTERS
    if start > 0:
        space = cleaned.find(" ", start)
        start = space + 1 if 0 <= space < end else start
    if end < len(cleaned):
        space = cleaned.rfind(" ", start, end)
        end = space if space > start else end
    return cleaned[start:end]


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
        # The same split for reading: the runs of two or more words a stem may start (longest
        # first), and the concept the stem stands for alone, if any (a run of one always fits).
        self._runs_from: dict[str, tuple[list[tuple[tuple[str, ...], str]], str | None]] = {
            start: (
                [(stems, concept) for stems, concept in runs if len(stems) > 1],
                next((concept for stems, concept in runs if len(stems) == 1), None),
            )
            for start, runs in self.synonyms_by_start.items()
        }
        # Stopwords, but those the synonyms list as words of their own ("tell" explains): one
        # that only shares a stem with a synonym ("specifically", "specification") stays a
        # stopword.
        synonym_words = {
            clean_text(word)
            for concept, listed in language.synonyms.items()
            for word in [concept, *listed]
        }
        self._stopwords = STOPWORDS - synonym_words
        words: set[str] = set(STOPWORDS) | set(self.abbreviations)
        # Each known text's words, kept until the matcher reads that text (knowledge_terms).
        self._known_texts = {
            text: split_words(clean_text(text)) for text in dict.fromkeys(known_texts)
        }
        for text_words in self._known_texts.values():
            words.update(text_words)
        for text in language.abbreviations.values():
            words.update(split_words(clean_text(text)))
        for variants in language.synonyms.values():
            for variant in variants:
                words.update(split_words(clean_text(variant)))
        self.known_words = frozenset(words)
        # Every known word's expansion and stems, worked out once: reading one is a look-up.
        self._forms: dict[str, Forms] = {word: self._expand(word) for word in words}
        self.known_stems = frozenset(stem(w) for w in words)
        self._choices = sorted(w for w in words if len(w) >= 4 and w.isalpha())
        # A typo allowed two edits (eight letters or more) is searched for among the known words
        # of its length ± 2 only (a word further in length is further in edits), in alphabetical
        # order. A typo allowed one edit is looked up: two words one edit apart become the same
        # word with at most one letter deleted from each (a swap of two letters too), so each
        # known word is filed under itself and its one-letter deletions, by alphabetical rank.
        longest = max((len(w) for w in self._choices), default=0)
        self._near: dict[int, list[str]] = {}
        for length in range(SHORTEST_TYPO, longest + 3):
            if typos_allowed(length) == 2:
                self._near[length] = [w for w in self._choices if abs(len(w) - length) <= 2]
        self._one_edit: dict[str, list[int]] = defaultdict(list)
        for rank, choice in enumerate(self._choices):
            if len(choice) <= LONGEST_ONE_EDIT_TYPO + 1:
                for deleted in _one_deleted(choice):
                    self._one_edit[deleted].append(rank)
        self._corrections: LRUCache[str, str] = LRUCache(maxsize=CORRECTIONS_KEPT)
        self._common = common_english_words()  # loaded now, never on someone's first question

    def _expand(self, word: str) -> Forms:
        return tuple((w, stem(w)) for w in self.abbreviations.get(word, [word]))

    def terms(self, text: str, *, fix_typos: bool = True) -> list[Term]:
        """The concepts in `text`, in order, without stopwords or role names."""
        cleaned = clean_text(text)
        if len(cleaned) > READ_CHARACTERS:
            cleaned = _around_the_ask(cleaned)
        written = split_words(cleaned)[:MAX_WORDS]
        if not written:
            return []
        # Only a text with "who" in it can have a clause that asks "who…".
        sides = asking_sides(cleaned) if "who" in cleaned else [ASKED] * len(written)
        fixed = self._corrected(written, sides) if fix_typos else written
        return self._concepts(self._tokens(written, fixed, sides))

    def knowledge_terms(self, text: str) -> list[Term]:
        """The concepts of a knowledge phrase: read like a question, but every word is its own
        (no typo fixing) and there is no "who…" clause to find."""
        written = self._known_texts.pop(text, None)
        if written is None:
            written = split_words(clean_text(text))
        written = written[:MAX_WORDS]
        return self._concepts(self._tokens(written, written, [ASKED] * len(written)))

    def _tokens(self, written: list[str], fixed: list[str], sides: list[int]) -> list[Token]:
        forms = self._forms
        tokens: list[Token] = []
        counts_people = not _PEOPLE.isdisjoint(fixed)
        # A message opening on "why does…" (after "so", "but"…) asks why; a "why" further on
        # names reasons as work ("who explains why are we building this?", "what to build and
        # why")
        opening, asks_why = -1, "why" in fixed[:3]  # most messages: no "why" up front, at once
        if asks_why:
            opening = next((p for p, w in enumerate(fixed[:3]) if w not in _BEFORE_WHY), 0)
            asks_why = fixed[opening] == "why" and not _ASKS_WHY.isdisjoint(
                fixed[opening + 1 : opening + 2]
            )
        for position in without_role_names(fixed):
            if asks_why and position == opening:
                continue
            word = fixed[position]
            if counts_people and _counts_people(fixed, position):
                continue
            expanded = forms.get(word) or self._expand(word)
            for expanded_word, expanded_stem in expanded:
                tokens.append((written[position], expanded_word, expanded_stem, sides[position]))
        return tokens

    def _concepts(self, tokens: list[Token]) -> list[Term]:
        """Collapse synonym runs (longest first) and drop stopwords."""
        terms: list[Term] = []
        runs_from, stopwords = self._runs_from, self._stopwords
        index = 0
        count = len(tokens)
        token_stems = [t[2] for t in tokens]
        while index < count:
            written, word, word_stem, side = tokens[index]
            longer, alone = runs_from.get(word_stem, _NO_RUNS)
            for stems, concept in longer:
                end = index + len(stems)
                if end <= count and tuple(token_stems[index:end]) == stems:
                    run = tokens[index:end]
                    joined = " ".join(dict.fromkeys(t[0] for t in run))
                    side = min(run, key=lambda t: abs(t[3]))[3]
                    terms.append(_new_term(Term, (concept, joined, side)))
                    index = end
                    break
            else:
                if alone is not None and word not in stopwords:
                    terms.append(_new_term(Term, (alone, written, side)))
                elif word not in STOPWORDS and not word.isdigit():
                    terms.append(_new_term(Term, (word_stem, written, side)))
                index += 1
        return terms

    def _corrected(self, written: list[str], sides: list[int]) -> list[str]:
        """The words with typos fixed: remembered corrections first, then up to
        `NEW_WORDS_CHECKED` new words, those in the clause that asks "who…" before the rest."""
        known = self.known_words
        if known.issuperset(written):
            return written
        fixed = list(written)
        new: dict[str, int] = {}  # a new word → where it first stands
        for position, word in enumerate(written):
            if word in known or len(word) < SHORTEST_TYPO or not word.isalpha():
                continue
            remembered = self._corrections.get(word)
            if remembered is not None:
                fixed[position] = remembered
            elif word not in new:
                new[word] = position
        if not new:
            return fixed
        ordered = sorted(new, key=lambda w: (sides[new[w]] != ASKED, new[w]))
        checked = {word: self._check(word) for word in ordered[:NEW_WORDS_CHECKED]}
        for position, word in enumerate(written):
            correction = checked.get(word)
            if correction is not None:
                fixed[position] = correction
        return fixed

    def correct(self, word: str) -> str:
        """The closest known word for an unknown one (a typo), or the word itself."""
        if word in self.known_words or len(word) < SHORTEST_TYPO or not word.isalpha():
            return word
        remembered = self._corrections.get(word)
        return remembered if remembered is not None else self._check(word)

    def _check(self, word: str) -> str:
        """Search for the known word a new word is a typo of, and remember the answer. A word
        whose stem is known, or an everyday English word, is no typo. Of the two tests left the
        cheaper goes first: for a short word the search (a few look-ups among one-edit forms),
        as most new words are near no known word and then need no look-up in the common words;
        for a long one the common-word look-up, as its search scans every known word of about
        its length."""
        fixed = word
        if stem(word) not in self.known_stems:
            if typos_allowed(len(word)) == 1:
                closest = self._closest(word)
                if closest is not None and not self._everyday(word):
                    fixed = closest
            elif not self._everyday(word):
                fixed = self._closest(word) or word
        self._corrections[word] = fixed
        return fixed

    def _everyday(self, word: str) -> bool:
        """An everyday English word, or the plural of one the list has only in the singular
        ("startups" is no typo of "standup")."""
        common = self._common
        return word in common or (word.endswith("s") and word[:-1] in common)

    def _closest(self, word: str) -> str | None:
        """The known word fewest edits away (then one with the same first letter, then the
        alphabetically first) among the `TYPO_CANDIDATES` closest, or None."""
        if typos_allowed(len(word)) == 1:
            ranks = {r for deleted in _one_deleted(word) for r in self._one_edit.get(deleted, ())}
            scored = sorted(
                (distance, rank)
                for rank in ranks
                if (distance := OSA.distance(word, self._choices[rank], score_cutoff=1)) <= 1
            )
            found = [(self._choices[rank], distance) for distance, rank in scored]
        else:
            near = self._near.get(len(word))
            if near is None:
                return None
            found = [
                (choice, int(distance))
                for choice, distance, _ in process.extract(
                    word, near, scorer=OSA.distance, score_cutoff=2, limit=TYPO_CANDIDATES
                )
            ]
        found = found[:TYPO_CANDIDATES]  # the closest, the alphabetically first on a tie
        if not found:
            return None
        # Fewest edits first, then a matching first letter, then alphabetical.
        return min(found, key=lambda f: (f[1], f[0][0] != word[0], f[0]))[0]


def _counts_people(words: list[str], position: int) -> bool:
    """Whether the word at `position` is a number of the people named right after it."""
    following = words[position + 1] if position + 1 < len(words) else ""
    word = words[position]
    return following in _PEOPLE and (word.isdigit() or word in _NUMBER_WORDS)
