"""The intent scorer: its weights are learned from the dev sets as they stand, training is
reproducible, and the scorer reads messages the rules alone misread. (How well it reads unseen
messages is measured on the holdouts by benchmarks/conversation.py, not asserted here.)"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from knowledge import KnowledgeBase, Matcher
from knowledge.dialogue import Chat
from knowledge.dialogue.patterns import any_of
from knowledge.dialogue.scorer import WEIGHTS_FILE
from knowledge.dialogue.training import Example, train
from tests.knowledge.test_accuracy import DATA


def test_the_shipped_weights_were_learned_from_the_dev_sets_as_they_are() -> None:
    trained_on = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))["trained_on"]
    stale = [
        name
        for name, digest in trained_on.items()
        if hashlib.sha256((DATA / name).read_bytes()).hexdigest() != digest
    ]
    assert not stale, f"{stale} changed since the weights were learned: run `make intents`"
    assert not [name for name in trained_on if "holdout" in name], "never learn from a holdout"


def test_training_learns_its_examples_and_gives_the_same_weights_every_time() -> None:
    examples = [
        Example(("bias", "w:hi"), "smalltalk"),
        Example(("bias", "w:vs", "w:po"), "compare"),
        Example(("bias", "w:who", "w:backlog"), "ownership"),
        Example(("bias", "w:who", "w:vs"), "compare"),
    ]
    labels = ("ownership", "compare", "smalltalk")
    first, second = train(examples, labels), train(examples, labels)
    assert first.weights == second.weights
    assert [first.intent(example.cues) for example in examples] == [e.intent for e in examples]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how do I fix a merge conflict in git", "off-topic"),
        ("pros/cons of one person owning backlog *and* go-to-market", "combine"),
        ("how do i report a bad answer", "help"),
    ],
)
def test_the_scorer_reads_what_the_rules_alone_misread(
    kb: KnowledgeBase, matcher: Matcher, text: str, intent: str
) -> None:
    assert Chat(kb, matcher, learned=False).reply(text).intent != intent
    assert Chat(kb, matcher).reply(text).intent == intent


@pytest.mark.parametrize(
    ("text", "found"),
    [("foo bar", True), ("afoo", False), ("xac", True), ("a|x", True), ("=", True), ("b", False)],
)
def test_any_of_matches_exactly_where_one_of_its_alternatives_does(text: str, found: bool) -> None:
    alternatives = (r"\bfoo\b|(?:a|b)c", r"[|]x", "=")
    assert bool(any_of(*alternatives).search(text)) == found
    assert bool(re.search("|".join(alternatives), text)) == found
