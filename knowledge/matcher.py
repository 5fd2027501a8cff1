"""Answer "who owns X?" by matching a question against the knowledge base's phrases.

How a question is read:
1. cleaned (Slack markup, emoji, URLs gone), split into words, role names dropped;
2. words the knowledge base has never seen are corrected to a close known word (typos);
3. abbreviations expand, words are stemmed, synonyms collapse onto one concept;
4. words outside the clause that asks "who…" (context, quoted examples) count for less when that
   clause names a topic of its own ("our PM is busy with pricing, so who handles the backlog?");
5. every phrase is scored by how much of its (IDF-weighted) concepts the question covers, with a
   bonus for concepts that sit next to each other; each entry keeps its best phrase and gains a
   little for explaining more of the question. Only entries sharing a concept with the question
   are touched: a phrase sharing one concept scores what was worked out for it when the matcher
   was built (its entry's best such phrase is kept per concept), and only phrases sharing two or
   more concepts are scored afresh, found through an index of the concept pairs they hold, once
   per kind of phrase (same concepts, bigrams and total weight: the same score).
The best entry wins. Its confidence grows with its score and with its lead over the best entry that
would give a *different* answer. Unrelated topics and a score floor send the rest to "neither".
A short question listing work the best entry leaves unexplained ("who owns the backlog and
pricing?") is also read piece by piece; if the pieces are clear and belong to different roles,
each piece gets its own answer. A long message ending on a short question of its own ("…long
story… Bottom line: who owns X, and who owns Y?") is answered on that question where it is clear.
Everything is in-process and deterministic: no network, no model files.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import reduce
from itertools import combinations, islice, pairwise
from operator import add
from typing import Literal, NamedTuple

from knowledge.confidence import CLEARLY, MOST_LIKELY
from knowledge.models import (
    Alternative,
    Answer,
    KnowledgeBase,
    MatchRef,
    Neighbour,
    Responsibility,
    UnrelatedTopic,
    Unsettled,
)
from knowledge.reading import Reader, Term
from knowledge.text import (
    AFTER,
    ASKED,
    BEFORE,
    LIST_CHARACTERS,
    clean_text,
    listed_work,
    lists_item_by_item,
    may_list_work,
    mid_sentence,
    named_work,
    question_at_the_end,
)

# Scoring constants, tuned on the dev and probe questions and our own smoke questions — never on
# the holdout. Scores sit on a plateau here: nudging any one of them by a third changes no dev
# answer and at most one probe answer.
MASS_HALF = 1.8  # matched IDF mass at which a phrase earns half its coverage
COVERAGE_POWER = 2.0  # above 1, half-matched phrases count for less than half
BIGRAM_BONUS = 0.12  # for phrase concepts that appear side by side in the question
SUPPORT_WEIGHT = 1.0  # for an entry explaining more of the question's known words
NONE_BELOW = 0.36  # best score under this → neither role
CLEAR_AT = 0.8  # score treated as full strength for confidence
UNRELATED_CONFIDENCE = 0.3  # ceiling: "unrelated" is a guess about absence, never "clearly"
# Ceiling for work the article never names (`Inferred`): "most likely", never "clearly".
INFERRED_CONFIDENCE = 0.7
WEAK_WORD_WEIGHT = 0.4  # everyday words ("new", "approve", "team") count this much
ALTERNATIVE_AT = 0.3  # runners-up scoring less are not worth offering
OFFERED = 3  # runners-up offered as "did you mean" at most
CONTEXT_WEIGHT = 0.5  # words outside the "who…" clause say why someone asks, not what
# Distinct known concepts one message is matched on (the ask's first, then in order): a wall of
# text costs about what a long question does. Labelled questions have at most 17.
MAX_CONCEPTS = 24
# Pieces of work listed in a sentence, at least, for each to be answered apart when all are the
# same role's.
LISTED_APART = 3
# A listed piece nothing matches is answered as such when it is a bare name this short ("demos",
# "sales decks"); a longer one may be no piece of work at all ("like field validations").
UNMATCHED_PIECE_WORDS = 2
# Under this a phrase's score cannot be raised to ALTERNATIVE_AT (`SUPPORT_WEIGHT` at most doubles
# it), with room for rounding.
_HALF_KEPT = ALTERNATIVE_AT / (1 + SUPPORT_WEIGHT) * (1 - 1e-9)

Kind = Literal["responsibility", "neighbour", "unsettled", "unrelated"]
Source = Responsibility | Neighbour | Unsettled | UnrelatedTopic


# A phrase as read: its text, its concepts (distinct, in the order the text names them) and its
# bigrams (concepts side by side, each pair in sorted order). A plain tuple of atoms, which
# Python's cyclic collector stops walking after one look.
_Phrase = tuple[str, tuple[str, ...], tuple[tuple[str, str], ...]]


@dataclass
class _Entry:
    """A responsibility, neighbour or unrelated topic, ready for scoring."""

    kind: Kind
    id: str
    title: str
    owners: list[str] = field(default_factory=list)
    outside_owner: str | None = None
    section: str | None = None
    why: str | None = None
    vocabulary: frozenset[str] = frozenset()
    # Its phrases the article never names, and why they go with it anyway.
    inferred: frozenset[str] = frozenset()
    inferred_why: str | None = None


class _Scored(NamedTuple):
    entry: _Entry
    score: float
    phrase: str  # the entry's best phrase for this question
    concepts: tuple[str, ...]  # that phrase's concepts
    verdict: int  # what answering with it would tell the user, numbered (see `_verdict`)


# An entry's best phrase so far for one question: (its score, minus its phrase id), so that the
# larger tuple is the better phrase and, on equal scores, the earlier one.
_Best = tuple[float, int]


class Matcher:
    """Answers questions from one knowledge base. Build once, ask many times."""

    def __init__(self, kb: KnowledgeBase) -> None:
        # The build makes tens of thousands of small objects that live as long as the matcher;
        # with the cyclic collector running they would set off collections of the whole process
        # while it builds (~10 ms at 1x knowledge, ~30 ms at 10x). It is paused for the build,
        # then the new objects are collected once: most are tuples of atoms, which that one look
        # untracks for good, so nothing is left pending for a later question.
        with collector_paused():
            self._build(kb)

    def _build(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        sources: list[Source] = [
            *kb.responsibilities,
            *kb.neighbours,
            *kb.unsettled,
            *kb.unrelated,
        ]
        self._reader = Reader(
            kb.language, [text for s in sources for text in [s.title, *phrases_of(s)]]
        )
        read: dict[str, _Phrase | None] = {}  # the same text in two entries is read once
        built = [self._entry(source, read) for source in sources]
        self._entries = [entry for entry, _ in built]
        self._by_id = {entry.id: entry for entry in self._entries}
        document_frequency: dict[str, int] = defaultdict(int)
        for entry in self._entries:
            for concept in entry.vocabulary:
                document_frequency[concept] += 1
        count = len(self._entries)
        self._weak = {
            t.concept for w in kb.language.weak_words for t in self._reader.knowledge_terms(w)
        }
        self._idf = {
            c: math.log(1 + count / df) * (WEAK_WORD_WEIGHT if c in self._weak else 1.0)
            for c, df in document_frequency.items()
        }
        self._ids = [entry.id for entry in self._entries]
        verdicts: dict[tuple[str, ...], int] = {}
        self._verdicts = [verdicts.setdefault(_verdict(e), len(verdicts)) for e in self._entries]
        # Every phrase, numbered in entry order: its text and concepts as written, for answers.
        # Plain tuples and lists of atoms, which Python's cyclic collector stops walking after
        # one look.
        self._phrase_texts: list[str] = []
        self._phrase_concepts: list[tuple[str, ...]] = []
        # Phrases with the same concepts, bigrams and total score the same for any question
        # (copies of a phrase in other entries, "groom the backlog" and "backlog grooming"), so
        # a question scores each kind of phrase once. Per kind: its concepts in sorted order
        # (the order the matched weight is added in), bigrams, total, and the entries holding
        # it with the phrase of theirs (minus its id; within an entry only the first counts,
        # as a later one of the same kind could only tie it).
        kinds: dict[tuple[tuple[str, ...], tuple[tuple[str, str], ...], float], int] = {}
        kind_concepts: list[tuple[str, ...]] = []
        kind_pairs: list[tuple[tuple[str, str], ...]] = []
        kind_totals: list[float] = []
        holders: list[list[int]] = []
        holder_phrases: list[list[int]] = []
        # The kinds of phrase holding both concepts of a pair (sorted): where a question sharing
        # two or more concepts with a phrase finds it.
        together: dict[tuple[str, str], list[int]] = defaultdict(list)
        # For each concept, each entry holding it with its best phrase when that concept is all a
        # question shares with it, in the ask and in the context: (score, -phrase id).
        single: dict[str, dict[int, _Best]] = defaultdict(dict)
        single_context: dict[str, dict[int, _Best]] = defaultdict(dict)
        # The total of each entry's best single-concept phrase so far, per concept: a phrase
        # clearly heavier scores strictly less (the score falls as the total grows, and a gap of
        # a billionth outlives rounding), so it is not scored at all.
        lightest: dict[str, float] = {}
        idf = self._idf
        for number, (_, phrases) in enumerate(built):
            lightest.clear()
            for text, concepts, bigrams in phrases:
                phrase_id = len(self._phrase_texts)
                total = sum(map(idf.__getitem__, concepts))
                self._phrase_texts.append(text)
                self._phrase_concepts.append(concepts)
                if len(concepts) > 1:
                    ordered = tuple(sorted(concepts))
                    kind = kinds.setdefault((ordered, bigrams, total), len(kinds))
                    if kind == len(kind_totals):  # a new kind
                        kind_concepts.append(ordered)
                        kind_pairs.append(bigrams)
                        kind_totals.append(total)
                        holders.append([])
                        holder_phrases.append([])
                        for pair in combinations(ordered, 2):
                            together[pair].append(kind)
                    if not holders[kind] or holders[kind][-1] != number:
                        holders[kind].append(number)
                        holder_phrases[kind].append(-phrase_id)
                for concept in concepts:
                    light = lightest.get(concept, math.inf)
                    if total > light * (1 + 1e-9):
                        continue
                    lightest[concept] = min(total, light)
                    weight = idf[concept]
                    in_ask = (_score(weight, total), -phrase_id)
                    bests = single[concept]
                    held = bests.get(number)
                    if held is None or in_ask > held:
                        bests[number] = in_ask
                    in_context = (_score(weight * CONTEXT_WEIGHT, total), -phrase_id)
                    bests = single_context[concept]
                    held = bests.get(number)
                    if held is None or in_context > held:
                        bests[number] = in_context
        # Tuples from here on: nothing changes, and tuples of numbers cost the collector nothing.
        self._together = {pair: tuple(ids) for pair, ids in together.items()}
        # Bigrams by number (in the order first seen), so a question's pairs meet a kind's as
        # sets of small ints. Per kind, all it needs in one tuple: its concepts, total, bigram
        # numbers and holders.
        self._bigram_ids: dict[tuple[str, str], int] = {}
        for bigrams in kind_pairs:
            for pair in bigrams:
                self._bigram_ids.setdefault(pair, len(self._bigram_ids))
        self._kinds = [
            (
                ordered,
                total,
                frozenset(map(self._bigram_ids.__getitem__, bigrams)),
                tuple(zip(e, p, strict=True)),
            )
            for ordered, total, bigrams, e, p in zip(
                kind_concepts,
                kind_totals,
                kind_pairs,
                holders,
                holder_phrases,
                strict=True,
            )
        ]
        # Each concept's bests stay the dicts built above, read whole by `_rank`: copying them
        # into tuples of pairs cost the build a pair per entry and the collector a look at each.
        self._single = dict(single)
        self._single_context = dict(single_context)

    def _entry(
        self, source: Source, read: dict[str, _Phrase | None]
    ) -> tuple[_Entry, list[_Phrase]]:
        """The entry for scoring, and its phrases (title last) that name a concept."""
        phrases: list[_Phrase] = []
        for text in [*phrases_of(source), source.title]:
            if text not in read:
                read_concepts = [term.concept for term in self._reader.knowledge_terms(text)]
                concepts = tuple(dict.fromkeys(read_concepts))
                pairs = tuple(sorted(_pairs(read_concepts)))
                read[text] = (text, concepts, pairs) if concepts else None
            phrase = read[text]
            if phrase is not None:
                phrases.append(phrase)
        vocabulary = frozenset(c for _, concepts, _ in phrases for c in concepts)
        return self._entry_of(source, vocabulary), phrases

    def _entry_of(self, source: Source, vocabulary: frozenset[str]) -> _Entry:
        entry = _Entry("unrelated", source.id, source.title, vocabulary=vocabulary)
        if isinstance(source, Responsibility):
            inferred = source.inferred
            return replace(
                entry,
                kind="responsibility",
                owners=list(source.owners),
                section=source.section,
                why=source.why,
                inferred=frozenset(inferred.phrases if inferred else []),
                inferred_why=inferred.why if inferred else None,
            )
        if isinstance(source, Neighbour):
            return replace(
                entry,
                kind="neighbour",
                outside_owner=source.owner,
                section=source.section,
                why=source.why,
            )
        if isinstance(source, Unsettled):
            return replace(entry, kind="unsettled", outside_owner=source.usually, why=source.why)
        return replace(entry, outside_owner=source.owner)

    def answer(self, question: str) -> Answer:
        """Who owns the work this question describes, with confidence, evidence and runners-up.
        A short question listing pieces of work that belong to different roles gets each piece
        answered on its own (`Answer.parts`): one answer would speak for only one of them."""
        # (cleaning never lengthens a text: a short one is no long paste)
        long = len(question) > LIST_CHARACTERS
        at_the_end = question_at_the_end(clean_text(question)) if long else None
        if at_the_end is not None:
            # a long paste ending on its question: that question, unless it names no work of its
            # own ("…, so who does that?") or nothing in it is clear
            asked = self.answer(at_the_end)
            if asked.parts or (
                asked.confidence >= MOST_LIKELY and (asked.owners or asked.outside_owner)
            ):
                return asked.model_copy(update={"question": question})
        terms = self._reader.terms(question)
        answer, best = self._answer_terms(question, terms)
        if best is not None and all(
            t.concept in best.concepts or t.concept in self._weak
            for t in terms
            if t.concept in self._idf
        ):
            return answer  # the best phrase speaks for every piece of work named
        if not terms or not may_list_work(question):
            return answer
        about_product = bool(answer.owners) or not answer.settled
        whole = best.entry if best is not None else None
        return self._listed(question, whole, about_product, bool(answer.owners)) or answer

    def _listed(
        self, question: str, best: _Entry | None, about_product: bool, whole_has_owners: bool
    ) -> Answer | None:
        """The answer to each piece of work `question` lists (`text.listed_work`), when each is
        clear (or the items are set out one by one), at least one is a role's, and they do not
        all say the same of the roles; otherwise None. Where the whole question's best entry is
        work the roles share, pieces whose every word it knows are that work told in steps
        ("talks to customers and turns their feedback into requirements"), answered together.
        Where the whole question reads as work outside product, a piece is a role's only if
        RoleFit is clearly sure: "the backlog of stationery orders" is office work that says
        backlog. A piece that is a bare name nothing matches is answered as such, rather than
        keeping the whole."""
        sure = MOST_LIKELY if about_product else CLEARLY
        pieces: list[tuple[str, list[Term]]] = []  # each piece's name and its words as read
        steps: list[str] = []  # the pieces `best` explains
        weak = self._weak
        cleaned = clean_text(question)
        # Items set out one by one are each answered, however unsure RoleFit is of one; in a
        # list in a sentence, an unclear piece may be no piece at all, so the whole stays.
        # (so are questions asked one after another: "who owns X? and who writes Y?")
        item_by_item = lists_item_by_item(cleaned) or cleaned.count("?") > 1
        for piece in listed_work(cleaned):
            terms = self._reader.terms(piece)
            strong = {t.concept for t in terms if t.concept in self._idf and t.concept not in weak}
            if best is not None and len(best.owners) > 1 and strong and strong <= best.vocabulary:
                if not steps:
                    pieces.append(("", []))  # where they are answered together, read below
                steps.append(piece)
            else:
                pieces.append((named_work(piece), terms))
        parts = []
        unmatched: set[int] = set()  # where the bare names nothing matches are among `parts`
        for name, read in pieces:
            terms = read if name else self._reader.terms(" ".join(steps))
            part, found = self._answer_terms(
                name or " and ".join(named_work(step) for step in steps), terms
            )
            if found is not None and found.entry.kind == "unrelated":
                # Said of a whole question as "usually X's work"; here, beside a role, by name.
                part = part.model_copy(update={"outside_owner": found.entry.outside_owner})
            names_work = any(t.concept in self._idf and t.concept not in weak for t in terms)
            # Work the article never names is at most INFERRED_CONFIDENCE sure: clear at that.
            inferred = found is not None and found.phrase in found.entry.inferred
            if _is_clear(part, min(sure, INFERRED_CONFIDENCE) if inferred else sure) or (
                item_by_item and any(t.concept not in weak for t in terms)
            ):
                parts.append(part)
            elif (
                names_work
                and len(name.split()) <= UNMATCHED_PIECE_WORDS
                and not (part.owners or not part.settled)
            ):
                # a bare name nothing matches ("demos"), or only weakly as work outside product
                # ("API deprecations"): said so, beside the pieces that are a role's
                unmatched.add(len(parts))
                parts.append(part)
            elif names_work:
                return None  # a piece some answer half fits: the list may be one piece of work
            # else everyday words with no clear answer ("who does" in "who does X and Y"): no
            # piece of work of their own
        # The pieces RoleFit placed must split the question on their own, or sit beside a
        # role's work the whole question reads as (`whole_has_owners`, "UAT and demos"); a bare name
        # nothing matches never splits one ("between microservices and a monolith").
        placed = [part for number, part in enumerate(parts) if number not in unmatched]
        # Pieces that say the same of the roles are still told apart in a list of three or more,
        # or one set apart by semicolons, where each is work of its own ("acceptance criteria,
        # test planning and sprint planning"): one answer would speak for the first piece only,
        # and say of them all what is true of it (how sure, whether the article names it). Two
        # pieces in a sentence are often one piece of work told in two ("goes to trade shows and
        # talks to buyers").
        # (so are questions asked one after another: "who owns X? and who writes Y?")
        apart = ";" in cleaned or cleaned.count("?") > 1
        listed = len(placed) >= LISTED_APART or (apart and len(placed) > 1)
        distinct_work = listed and len(set(map(_work_of, placed))) == len(placed)
        if not any(part.owners for part in placed) and not (
            # work the article leaves open, asked of apart ("who owns pricing experiments? and
            # who writes the release notes?"): each piece said to be open, not the first alone
            distinct_work and apart and all(not part.settled for part in placed)
        ):
            return None
        if len({_says_of_roles(part) for part in placed}) < 2 and not (
            (unmatched and whole_has_owners) or distinct_work
        ):
            return None
        owned = [part.confidence for part in parts if part.owners]
        return Answer(
            question=question,
            owners=[role for role in self.kb.roles if any(role in p.owners for p in parts)],
            # As sure as its least sure role: a piece outside product is never "clearly" so.
            # (Pieces none of which is a role's are work the article leaves open: as sure as
            # the least sure match.)
            confidence=min(owned or [part.confidence for part in placed]),
            settled=bool(owned),
            explanation="Separate pieces of work, each answered on its own: "
            + "; ".join(f"“{part.question}” → {_matched(part)}" for part in parts)
            + ".",
            parts=parts,
        )

    def _answer_terms(self, question: str, terms: list[Term]) -> tuple[Answer, _Scored | None]:
        """The answer to a question read as `terms`, and the best entry it rests on (None below
        the score floor)."""
        if not terms:
            return Answer(
                question=question,
                owners=[],
                confidence=0.0,
                explanation="I could not find a piece of work in that question. Try something "
                "like: who owns backlog grooming?",
            ), None
        ranked = self._rank(self._capped(terms))
        if not ranked or ranked[0].score < NONE_BELOW:
            return self._neither(question, ranked), None
        best = ranked[0]
        rival = next((s for s in ranked[1:] if s.verdict != best.verdict), None)
        rival_score = 0.0 if rival is None else rival.score
        if rival is not None:
            # A rival explaining only part of what the best explains ("the roadmap" beside "keep
            # the team on the roadmap") is a weaker reading of the question: it counts for that
            # part.
            asked = {t.concept for t in terms}
            explained = asked.intersection(best.concepts)
            its_part = asked.intersection(rival.concepts)
            if its_part < explained:
                rival_score *= len(its_part) / len(explained)
        strength = _strength(best.score)
        margin = max(0.0, best.score - rival_score) / best.score
        confidence = strength * (0.45 + 0.55 * margin)
        if best.entry.kind == "unrelated":
            return self._unrelated(question, best, confidence), best
        why = best.entry.why
        named = best.phrase not in best.entry.inferred
        if not named:  # work the article never names: said so
            confidence, why = min(confidence, INFERRED_CONFIDENCE), best.entry.inferred_why
        written: dict[str, list[str]] = defaultdict(list)
        for t in terms:
            written[t.concept].append(t.written)
        matched = (w for c in best.concepts if c in written for w in written[c])
        words = ", ".join(dict.fromkeys(matched))
        explanation = f"Matched “{best.phrase}” (your words: {words}) → {best.entry.title}."
        if best.entry.kind == "neighbour":
            explanation += f" Outside the product roles: {best.entry.outside_owner}."
        if best.entry.kind == "unsettled":
            explanation += " The article does not say whose work this is."
        answer = self._answer(best.entry, question, confidence, explanation, ranked, why, named)
        return answer, best

    def reads_no_words(self, text: str) -> bool:
        """Whether `text` holds no word the matcher reads (stopwords and role names aside): "and
        the PO?" asks about no work of its own."""
        return not self._reader.terms(text, fix_typos=False)

    def answer_for(self, responsibility_id: str, question: str = "") -> Answer:
        """The answer as if this responsibility (or neighbour) had matched; for "did you mean"."""
        entry = self._by_id.get(responsibility_id)
        if entry is None or entry.kind == "unrelated":
            raise KeyError(f"no responsibility with id {responsibility_id!r}")
        answer = self._answer(
            entry, question, 1.0, f"Picked from the suggestions: “{entry.title}”.", []
        )
        return answer.model_copy(update={"picked": True})

    def _answer(
        self,
        entry: _Entry,
        question: str,
        confidence: float,
        explanation: str,
        ranked: list[_Scored],
        why: str | None = None,
        named: bool = True,
    ) -> Answer:
        """The answer resting on `entry`; `why` in place of the entry's own, where given;
        `named` False when it rests on a phrasing the article never names."""
        return Answer(
            question=question,
            owners=list(entry.owners),
            confidence=round(min(1.0, max(0.0, confidence)), 3),
            responsibility=MatchRef(id=entry.id, title=entry.title)
            if entry.kind == "responsibility"
            else None,
            alternatives=_alternatives(ranked, entry, confidence),
            explanation=explanation,
            section=entry.section,
            why=why or entry.why,
            outside_owner=entry.outside_owner,
            settled=entry.kind != "unsettled",
            named=named,
        )

    def _neither(self, question: str, ranked: list[_Scored]) -> Answer:
        best = ranked[0] if ranked else None
        closest = ""
        if best is not None and best.entry.kind == "responsibility":
            closest = f" The closest was “{best.entry.title}”, but only loosely."
        confidence = 0.1 + 0.2 * (1 - (best.score if best else 0.0) / NONE_BELOW)
        return Answer(
            question=question,
            owners=[],
            confidence=round(confidence, 3),
            alternatives=_alternatives(ranked, None, confidence),
            explanation="No work the article describes matches this well." + closest,
        )

    def _unrelated(self, question: str, best: _Scored, confidence: float) -> Answer:
        return Answer(
            question=question,
            owners=[],
            confidence=round(min(UNRELATED_CONFIDENCE, confidence), 3),
            outside_owner=best.entry.outside_owner,
            explanation=f"This looks like {mid_sentence(best.entry.title)}, which is usually "
            f"{best.entry.outside_owner}'s work rather than a product role's.",
        )

    def _capped(self, terms: list[Term]) -> list[Term]:
        """The terms of at most MAX_CONCEPTS distinct known concepts, the ask's first, then in the
        order they come; the rest are read as words the knowledge base does not know."""
        if len(terms) <= MAX_CONCEPTS:
            return terms
        known = dict.fromkeys(t.concept for t in terms if t.concept in self._idf)
        if len(known) <= MAX_CONCEPTS:
            return terms
        first = dict.fromkeys(t.concept for t in terms if t.side == ASKED and t.concept in known)
        kept = set(list(dict.fromkeys([*first, *known]))[:MAX_CONCEPTS])
        return [t for t in terms if t.concept in kept or t.concept not in known]

    def _rank(self, terms: list[Term]) -> list[_Scored]:
        """What an answer reads of the ranking, best first: the best entry, the entries scoring
        at least ALTERNATIVE_AT until OFFERED responsibilities besides it are among them, and the
        best entry whose verdict differs from the best's.

        Only entries sharing a concept with the question are touched. A phrase sharing one
        concept with it scores what was worked out when the matcher was built; phrases sharing
        two or more are scored here. Concepts are added in sorted order and ties go to the
        earlier phrase, then the smaller id, so answers never depend on hash order."""
        asked = self._asked(terms)
        idf = self._idf
        weights = {
            concept: idf[concept] * (1.0 if concept in asked else CONTEXT_WEIGHT)
            for concept, _, _ in terms
            if concept in idf
        }
        matched = sorted(weights)  # the question's known concepts, in the order they add up
        if not matched:
            return []
        # Per entry touched: the question's weight its vocabulary holds, and its best phrase so
        # far. The weights are added in concept order one at a time: what sum() over them gives
        # on Python 3.11.
        support: dict[int, float] = {}
        best: dict[int, _Best] = {}
        for concept in matched:
            weight = weights[concept]
            singles = (self._single if concept in asked else self._single_context)[concept]
            if not best:  # nothing to add to yet: taken whole
                best, support = dict(singles), dict.fromkeys(singles, weight)
                continue
            for entry, candidate in singles.items():
                mass = support.get(entry)
                if mass is None:
                    support[entry] = weight
                    best[entry] = candidate
                else:
                    support[entry] = mass + weight
                    if candidate > best[entry]:
                        best[entry] = candidate
        if len(matched) > 1:
            bigram_ids = self._bigram_ids
            pairs = {
                bigram_ids[pair]
                for pair in _pairs([t.concept for t in terms if t.concept in asked])
                if pair in bigram_ids
            }
            get, kinds = weights.get, self._kinds
            for kind in self._sharing(matched):
                held_concepts, total, bigrams, holders = kinds[kind]
                # The matched mass added in concept order, one addition at a time.
                mass = reduce(add, filter(None, map(get, held_concepts)), 0.0)
                coverage: float = (mass / total) ** COVERAGE_POWER
                score = coverage * mass / (mass + MASS_HALF)
                if bigrams and pairs:
                    score += BIGRAM_BONUS * len(pairs & bigrams) / len(bigrams)
                for entry, minus_phrase in holders:
                    held = best[entry]
                    if score > held[0] or (score == held[0] and minus_phrase > held[1]):
                        best[entry] = (score, minus_phrase)
        # The question's known weight, added in concept order (its unknown words add nothing).
        known_mass = sum(map(weights.__getitem__, matched))
        ids, verdicts = self._ids, self._verdicts

        def final(entry: int) -> float:
            """The entry's final score: its best phrase's, raised for explaining more of the
            question."""
            return best[entry][0] * (1 + SUPPORT_WEIGHT * support[entry] / known_mass)

        def place(entry: int) -> tuple[float, str, int, int]:
            """Where the entry ranks: the least is the better (higher score, smaller id, earlier
            phrase)."""
            return (-final(entry), ids[entry], entry, -best[entry][1])

        # Kept: every entry at ALTERNATIVE_AT or above, best first; the top is the best of all,
        # and the rival the best entry whose verdict differs from the top's. Raising never more
        # than doubles a score, so only entries whose best phrase scores half ALTERNATIVE_AT can
        # be kept: most entries touched are not, and are scored only when nothing kept gives a
        # top or a rival.
        kept = []
        for entry, (score, minus_phrase) in best.items():
            if score >= _HALF_KEPT:  # `place`, written out: most entries touched get no further
                raised = score * (1 + SUPPORT_WEIGHT * support[entry] / known_mass)
                if raised >= ALTERNATIVE_AT:
                    kept.append((-raised, ids[entry], entry, -minus_phrase))
        kept.sort()
        if not kept:
            kept = [min(map(place, best))]
        verdict = verdicts[kept[0][2]]
        rival = next((r for r in kept if verdicts[r[2]] != verdict), None)
        if rival is None:
            # Further down: no entry of another verdict outscores the best phrase among them, and
            # none can reach it whose own phrase scores under half of it.
            others = [(score, e) for e, (score, _) in best.items() if verdicts[e] != verdict]
            if others:
                floor = max(others)[0] / (1 + SUPPORT_WEIGHT) * (1 - 1e-9)
                rival = min(place(e) for score, e in others if score >= floor)
        entries, texts, concepts = self._entries, self._phrase_texts, self._phrase_concepts

        def scored(ranked: tuple[float, str, int, int]) -> _Scored:
            minus, _, entry, phrase = ranked
            return _Scored(entries[entry], -minus, texts[phrase], concepts[phrase], verdicts[entry])

        # An answer reads no further than the best entry and OFFERED responsibilities besides it
        # (its "did you mean" buttons), then the rival: with ten times the knowledge dozens of
        # entries can score ALTERNATIVE_AT, and the rest are never made into results.
        shown: list[_Scored] = []
        responsibilities = 0
        for ranked in kept:
            shown.append(scored(ranked))
            responsibilities += shown[-1].entry.kind == "responsibility"
            if responsibilities > OFFERED:
                break
        if rival is not None and all(s.verdict == shown[0].verdict for s in shown):
            shown.append(scored(rival))  # the first of another verdict, further down
        return shown

    def _sharing(self, concepts: list[str]) -> set[int]:
        """The kinds of phrase holding at least two of these (sorted, distinct) concepts."""
        together = self._together
        found: set[int] = set()
        for pair in combinations(concepts, 2):
            phrases = together.get(pair)
            if phrases is not None:
                found.update(phrases)
        return found

    def _asked(self, terms: list[Term]) -> set[str]:
        """The concepts the question asks about; the context around the "who…" clause counts for
        less and pairs no bigrams. Context before the ask stays in when the ask names no topic
        the knowledge base knows ("suppliers are late again, who chases them?"); context after it
        stays in when the ask names no topic at all ("…, who decides if we should build X?"), but
        a word never seen before is a topic there ("who picks up my kid if I'm in planning?")."""
        asked = {t.concept for t in terms if t.side == ASKED}
        if len(asked) == len(terms):
            return asked  # all of it asks (no "who…" clause, or nothing around it)
        known_topic = any(c in self._idf and c not in self._weak for c in asked)
        any_topic = known_topic or any(c not in self._idf and len(c) > 3 for c in asked)
        return asked | {
            t.concept
            for t in terms
            if (t.side == BEFORE and not known_topic) or (t.side == AFTER and not any_topic)
        }


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (if it runs) for the block, then collect the
    young generations, where everything the block made still is."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(1)


def _score(mass: float, total: float) -> float:
    """A phrase's score before its bigram bonus: how much of its weight the question covers."""
    coverage: float = (mass / total) ** COVERAGE_POWER
    return coverage * mass / (mass + MASS_HALF)


def phrases_of(source: Source) -> list[str]:
    """Every phrase an entry is matched on; those naming work the article never names last, so
    that on equal scores a phrase the article names is the one an answer rests on."""
    return source.every_phrase if isinstance(source, Responsibility) else source.phrases


def _pairs(concepts: list[str]) -> set[tuple[str, str]]:
    """Concepts next to each other (either order, one word may sit between), in sorted order."""
    found = set()
    for a, b in pairwise(concepts):
        if a != b:
            found.add((a, b) if a < b else (b, a))
    for a, b in zip(concepts, concepts[2:], strict=False):
        if a != b:
            found.add((a, b) if a < b else (b, a))
    return found


def _alternatives(
    ranked: list[_Scored], chosen: _Entry | None, confidence: float
) -> list[Alternative]:
    """Up to OFFERED other responsibilities worth a "did you mean" button, sharing what confidence
    the chosen answer leaves over."""
    offered = (
        s
        for s in ranked
        if s.entry is not chosen and s.entry.kind == "responsibility" and s.score >= ALTERNATIVE_AT
    )
    return [
        Alternative(
            id=s.entry.id,
            title=s.entry.title,
            owners=s.entry.owners,
            confidence=round(_strength(s.score) * (1.0 - confidence), 3),
        )
        for s in islice(offered, OFFERED)
    ]


def _work_of(part: Answer) -> object:
    """What tells a listed piece's work apart: the responsibility matched, or for work the
    article leaves open (which has none), what is said of it."""
    return part.responsibility or part.why


def _is_clear(part: Answer, sure: float) -> bool:
    """A listed piece's answer worth giving on its own: `sure` or surer that it is a role's work
    or work the article does not settle; work outside product as sure as such an answer ever is
    (`UNRELATED_CONFIDENCE`)."""
    if part.owners or not part.settled:
        return part.confidence >= sure
    return part.outside_owner is not None and part.confidence >= UNRELATED_CONFIDENCE


def _says_of_roles(part: Answer) -> tuple[tuple[str, ...], bool]:
    """What a listed piece's answer says of the two roles: pieces outside product all say the
    same (neither), whoever else does them."""
    return tuple(part.owners), part.settled


def _matched(part: Answer) -> str:
    if part.responsibility is not None:
        return part.responsibility.title
    return part.outside_owner or "nothing in the article"


def _verdict(entry: _Entry) -> tuple[str, ...]:
    """What an answer would tell the user: owners, or who outside product does it."""
    return tuple(entry.owners) or (entry.kind, entry.outside_owner or "")


def _strength(score: float) -> float:
    return max(0.0, min(1.0, (score - NONE_BELOW * 0.5) / (CLEAR_AT - NONE_BELOW * 0.5)))
