"""What RoleFit says to a text after a conversation's memory, and its memory of recent
first-turn replies."""

from __future__ import annotations

from bot.replies import Replies
from knowledge import KnowledgeBase, Matcher


def test_a_repeated_first_question_gets_the_same_reply(kb: KnowledgeBase, matcher: Matcher) -> None:
    replies = Replies(kb, matcher)
    first = replies.turn("who owns backlog grooming?", None, shareable=True)
    assert replies.turn("who owns backlog grooming?", None, shareable=True) is first
    assert "Product Owner" in first.message["text"]


def test_a_follow_up_is_read_against_the_memory_it_is_given(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    replies = Replies(kb, matcher)
    first = replies.turn("who owns the product backlog?", None)
    assert "Product Manager" in replies.turn("and pricing?", first.memory).message["text"]
    assert replies.turn("and pricing?", None).message["text"]  # no earlier turn: still an answer


def test_shareable_and_private_replies_are_kept_apart(kb: KnowledgeBase, matcher: Matcher) -> None:
    replies = Replies(kb, matcher)
    shared = replies.turn("who owns the go-to-market plan?", None, shareable=True)
    private = replies.turn("who owns the go-to-market plan?", None, shareable=False)
    assert shared.message != private.message


def test_long_texts_are_answered_but_not_remembered(kb: KnowledgeBase, matcher: Matcher) -> None:
    replies = Replies(kb, matcher, longest=20)
    text = "who owns the quarterly competitor review for our sales team?"
    first = replies.turn(text, None)
    assert "Product Manager" in first.message["text"]
    assert replies.turn(text, None) is not first
