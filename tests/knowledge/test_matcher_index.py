"""The matcher's index scores exactly what scoring every phrase would, and its work is bounded.

`_plain_ranking` is the matcher as it first was: every phrase holding a concept of the question
scored in Python, every entry kept. The indexed matcher must name the same entries, in the same
order, with the same scores (to the last bit) and the same best phrases, for labelled questions,
made-up ones and a knowledge base with near-copies of every entry (where ties abound).
"""

from __future__ import annotations

import gc
import math
import random
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge import KnowledgeBase, Matcher, load_knowledge
from knowledge.matcher import (
    ALTERNATIVE_AT,
    BIGRAM_BONUS,
    CONTEXT_WEIGHT,
    COVERAGE_POWER,
    MASS_HALF,
    MAX_CONCEPTS,
    OFFERED,
    SUPPORT_WEIGHT,
    WEAK_WORD_WEIGHT,
    _verdict,
    phrases_of,
)
from knowledge.reading import Term

DATA = Path(__file__).resolve().parent / "data"
DEV_SETS = ("questions_dev", "questions_probe", "ownership_hard_dev")


def _plain_pairs(terms: list[Term]) -> frozenset[frozenset[str]]:
    return frozenset(
        frozenset((a.concept, b.concept))
        for i, a in enumerate(terms)
        for b in terms[i + 1 : i + 3]
        if a.concept != b.concept
    )


class _PlainIndex:
    """Every phrase read with the question reader, weighted, and indexed by concept."""

    def __init__(self, matcher: Matcher) -> None:
        kb, reader = matcher.kb, matcher._reader
        sources: list[Any] = [*kb.responsibilities, *kb.neighbours, *kb.unsettled, *kb.unrelated]
        self.phrases: list[tuple[str, str, tuple[str, ...], frozenset[frozenset[str]]]] = []
        vocabulary: dict[str, set[str]] = defaultdict(set)
        self.verdicts: dict[str, tuple[str, ...]] = {}
        self.kinds = {entry.id: entry.kind for entry in matcher._entries}
        for source in sources:
            for text in [*phrases_of(source), source.title]:
                terms = reader.terms(text, fix_typos=False)
                concepts = tuple(dict.fromkeys(t.concept for t in terms))
                if concepts:
                    self.phrases.append((source.id, text, concepts, _plain_pairs(terms)))
                    vocabulary[source.id].update(concepts)
        for entry in matcher._entries:
            self.verdicts[entry.id] = _verdict(entry)
        self.vocabulary = vocabulary
        frequency: dict[str, int] = defaultdict(int)
        for words in vocabulary.values():
            for concept in words:
                frequency[concept] += 1
        weak = {t.concept for w in kb.language.weak_words for t in reader.terms(w, fix_typos=False)}
        count = len(sources)
        self.idf = {
            c: math.log(1 + count / df) * (WEAK_WORD_WEIGHT if c in weak else 1.0)
            for c, df in frequency.items()
        }
        self.index: dict[str, list[int]] = defaultdict(list)
        self.totals = []
        for number, (_, _, concepts, _) in enumerate(self.phrases):
            for concept in concepts:
                self.index[concept].append(number)
            self.totals.append(sum(self.idf[c] for c in concepts))


def _plain_ranking(
    matcher: Matcher, plain: _PlainIndex, terms: list[Term]
) -> list[tuple[float, str, str]]:
    """(score, entry id, best phrase) of every entry touched, best first."""
    present = sorted({t.concept for t in terms})
    asked = matcher._asked(terms)
    weights = {
        t.concept: plain.idf[t.concept] * (1.0 if t.concept in asked else CONTEXT_WEIGHT)
        for t in terms
        if t.concept in plain.idf
    }
    mass: dict[int, float] = defaultdict(float)
    for concept in present:
        weight = weights.get(concept)
        if weight is not None:
            for number in plain.index[concept]:
                mass[number] += weight
    pairs = _plain_pairs([t for t in terms if t.concept in asked])
    best: dict[str, tuple[float, int]] = {}
    for number in sorted(mass):
        entry_id, _, _, phrase_pairs = plain.phrases[number]
        matched, total = mass[number], plain.totals[number]
        score = (matched / total) ** COVERAGE_POWER * matched / (matched + MASS_HALF)
        if phrase_pairs:
            score += BIGRAM_BONUS * len(phrase_pairs & pairs) / len(phrase_pairs)
        if entry_id not in best or score > best[entry_id][0]:
            best[entry_id] = (score, number)
    known_mass = sum(weights.get(c, 0.0) for c in present)
    ranked = []
    for entry_id, (score, number) in best.items():
        support = 0.0  # added one at a time in concept order, as the matcher does
        for concept in present:
            if concept in plain.vocabulary[entry_id]:
                support += weights.get(concept, 0.0)
        boost = 1 + SUPPORT_WEIGHT * support / known_mass if known_mass else 1.0
        ranked.append((score * boost, entry_id, plain.phrases[number][1]))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return ranked


def _what_an_answer_reads(
    ranked: list[tuple[float, str, str]], plain: _PlainIndex
) -> list[tuple[float, str, str]]:
    """The best entry, the runners-up worth offering until OFFERED responsibilities besides it
    are among them, and the best entry whose verdict differs from the best's."""
    if not ranked:
        return []
    top = ranked[0]
    kept = [r for r in ranked if r[0] >= ALTERNATIVE_AT or r is top]
    read = []
    for r in kept:
        read.append(r)
        if sum(plain.kinds[entry_id] == "responsibility" for _, entry_id, _ in read) > OFFERED:
            break
    rival = next((r for r in ranked if plain.verdicts[r[1]] != plain.verdicts[top[1]]), None)
    if rival is not None and rival not in read:
        read.append(rival)
    return sorted(read, key=lambda r: (-r[0], r[1]))


def _made_up_questions(kb: KnowledgeBase, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = sorted({w for r in kb.responsibilities for p in phrases_of(r) for w in p.split()})
    words += sorted({w for u in kb.unrelated for p in u.phrases for w in p.split()})
    fillers = ["our", "team", "is", "busy", "so", "but", "the", "new", "who", "if", "and"]
    questions = []
    for _ in range(count):
        before = " ".join(rng.choices(words + fillers, k=rng.randint(0, 8)))
        ask = " ".join(rng.choices(words, k=rng.randint(1, 6)))
        after = " ".join(rng.choices(words + fillers, k=rng.randint(0, 5)))
        questions.append(f"{before}, who {ask} {rng.choice(['', 'if', 'so'])} {after}?")
    return questions


def _labelled_questions() -> list[str]:
    return [
        str(item["q"])
        for name in DEV_SETS
        for item in yaml.safe_load((DATA / f"{name}.yaml").read_text(encoding="utf-8"))
    ]


def _assert_ranks_as_plainly_scored(matcher: Matcher, questions: list[str]) -> None:
    plain = _PlainIndex(matcher)
    for question in questions:
        terms = matcher._capped(matcher._reader.terms(question))
        expected = _what_an_answer_reads(_plain_ranking(matcher, plain, terms), plain)
        got = [(s.score, s.entry.id, s.phrase) for s in matcher._rank(terms)]
        assert got == expected, question


def test_the_index_ranks_labelled_questions_as_scoring_every_phrase_would(
    matcher: Matcher,
) -> None:
    _assert_ranks_as_plainly_scored(matcher, _labelled_questions())


def test_the_index_ranks_made_up_questions_as_scoring_every_phrase_would(
    matcher: Matcher,
) -> None:
    _assert_ranks_as_plainly_scored(matcher, _made_up_questions(matcher.kb, 400, seed=11))


def _near_copies(kb: KnowledgeBase, folder: Path, copies: int) -> list[Path]:
    """Copies of every responsibility and unrelated topic, a phrase dropped or two words swapped
    here and there, so that many entries score the same or nearly the same."""
    paths = []
    for copy in range(1, copies + 1):

        def varied(phrases: list[str], copy: int = copy) -> list[str]:
            out = []
            for number, phrase in enumerate(phrases):
                words = phrase.split()
                if (number + copy) % 3 == 0 and len(words) > 1:
                    words[0], words[1] = words[1], words[0]
                out.append(" ".join(words))
            return out[: max(1, len(out) - copy)]

        overlay = {
            "responsibilities": [
                {
                    "id": f"{r.id}-near{copy}",
                    "title": r.title,
                    "owners": list(r.owners),
                    "phrases": varied(phrases_of(r)),
                    "section": r.section,
                    "why": r.why,
                }
                for r in kb.responsibilities
            ],
            "unrelated": [
                {
                    "id": f"{u.id}-near{copy}",
                    "title": u.title,
                    "owner": u.owner,
                    "phrases": varied(u.phrases),
                }
                for u in kb.unrelated
            ],
        }
        path = folder / f"near-{copy}.yaml"
        path.write_text(yaml.safe_dump(overlay), encoding="utf-8")
        paths.append(path)
    return paths


def test_the_index_ranks_near_copies_as_scoring_every_phrase_would(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    copied = Matcher(load_knowledge(_near_copies(kb, tmp_path, copies=3)))
    questions = _labelled_questions()[::3] + _made_up_questions(kb, 150, seed=5)
    _assert_ranks_as_plainly_scored(copied, questions)


def test_a_message_is_matched_on_a_bounded_number_of_concepts_the_asks_first(
    matcher: Matcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[list[Term]] = []
    rank = matcher._rank
    monkeypatch.setattr(matcher, "_rank", lambda terms: seen.append(terms) or rank(terms))
    every = sorted(
        {w for r in matcher.kb.responsibilities for p in phrases_of(r) for w in p.split()}
    )
    answer = matcher.answer(" ".join(every[:300]) + ". so who grooms the backlog?")
    known = {t.concept for t in seen[0] if t.concept in matcher._idf}
    assert len(known) <= MAX_CONCEPTS
    assert {"groom", "backlog~"} & known
    assert answer.owners  # still an answer


def test_building_leaves_the_garbage_collector_as_it_found_it(kb: KnowledgeBase) -> None:
    assert gc.isenabled()
    Matcher(kb)
    assert gc.isenabled()
    gc.disable()
    try:
        Matcher(kb)
        assert not gc.isenabled()
    finally:
        gc.enable()
