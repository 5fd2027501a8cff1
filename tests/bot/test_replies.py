"""What RoleFit says to a text, and its memory of recent replies."""

from __future__ import annotations

from bot.replies import RecentReplies, reply_for
from knowledge import KnowledgeBase, Matcher


def test_a_repeated_question_gets_the_same_reply(kb: KnowledgeBase, matcher: Matcher) -> None:
    replies = RecentReplies(kb, matcher)
    first = replies("who owns backlog grooming?", shareable=True)
    assert first == reply_for("who owns backlog grooming?", kb, matcher, shareable=True)
    assert replies("who owns backlog grooming?", shareable=True) is first


def test_shareable_and_private_replies_are_kept_apart(kb: KnowledgeBase, matcher: Matcher) -> None:
    replies = RecentReplies(kb, matcher)
    shared = replies("who owns the go-to-market plan?", shareable=True)
    private = replies("who owns the go-to-market plan?", shareable=False)
    assert shared != private


def test_the_memory_is_bounded(kb: KnowledgeBase, matcher: Matcher) -> None:
    replies = RecentReplies(kb, matcher, size=2)
    oldest = replies("who owns sprint planning?", shareable=False)
    replies("who owns pricing?", shareable=False)
    replies("who owns test planning?", shareable=False)
    again = replies("who owns sprint planning?", shareable=False)
    assert again == oldest and again is not oldest


def test_long_texts_are_answered_but_not_remembered(kb: KnowledgeBase, matcher: Matcher) -> None:
    replies = RecentReplies(kb, matcher, longest=20)
    text = "who owns the quarterly competitor review for our sales team?"
    first = replies(text, shareable=False)
    assert "Product Manager" in first["text"]
    assert replies(text, shareable=False) is not first
