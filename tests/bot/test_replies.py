"""What RoleFit says to a text in a conversation, what it remembers, and its memory of recent
first-turn replies."""

from __future__ import annotations

from bot.replies import Replies
from knowledge import KnowledgeBase, Matcher
from knowledge.dialogue.memory import RecentConversations


def replies(kb: KnowledgeBase, matcher: Matcher, **options: int) -> Replies:
    return Replies(kb, matcher, RecentConversations(), **options)


def test_a_repeated_first_question_gets_the_same_reply(kb: KnowledgeBase, matcher: Matcher) -> None:
    said = replies(kb, matcher)
    first = said("who owns backlog grooming?", "a", shareable=True)
    assert said("who owns backlog grooming?", "b", shareable=True) is first
    assert "Product Owner" in first["text"]


def test_a_follow_up_is_read_against_its_own_conversation(
    kb: KnowledgeBase, matcher: Matcher
) -> None:
    said = replies(kb, matcher)
    said("who owns the product backlog?", "thread-1")
    assert "Product Manager" in said("and pricing?", "thread-1")["text"]
    other = said("and pricing?", "thread-2")  # no earlier turn there
    assert other["text"]


def test_shareable_and_private_replies_are_kept_apart(kb: KnowledgeBase, matcher: Matcher) -> None:
    said = replies(kb, matcher)
    shared = said("who owns the go-to-market plan?", "a", shareable=True)
    private = said("who owns the go-to-market plan?", "b", shareable=False)
    assert shared != private


def test_long_texts_are_answered_but_not_remembered(kb: KnowledgeBase, matcher: Matcher) -> None:
    said = replies(kb, matcher, longest=20)
    text = "who owns the quarterly competitor review for our sales team?"
    first = said(text, "a")
    assert "Product Manager" in first["text"]
    assert said(text, "b") is not first
