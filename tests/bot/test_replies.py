"""What RoleFit says to a text after a conversation's memory, and its memory of recent
first-turn replies."""

from __future__ import annotations

import json

import pytest

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


@pytest.mark.parametrize(
    "question",
    [
        "who owns backlog grooming?",
        'who does <!channel> {"i":5, pricing?',  # a person's text that looks like the id's place
        "who owns " + "the quarterly pricing review " * 120,  # a value shortened to fit
    ],
)
@pytest.mark.parametrize("question_id", [1, 42, 2**63 - 1])
def test_an_acknowledgement_with_feedback_is_what_making_it_afresh_gives(
    kb: KnowledgeBase, matcher: Matcher, question: str, question_id: int
) -> None:
    replies = Replies(kb, matcher)
    turn = replies.command_turn(question, None, can_post=True)
    assert not isinstance(turn, str)
    replies.command_ack(turn, 7)  # asked once: made as it is; asked again: from the stand-in
    afresh = json.dumps(
        {"response_type": "ephemeral", **replies.with_feedback(turn, question_id, ephemeral=True)},
        ensure_ascii=False,
    )
    assert replies.command_ack(turn, question_id) == afresh
    assert replies.command_ack(turn, question_id) == afresh  # and every time after
    assert f'\\"i\\":{question_id},' in afresh  # the buttons carry this question's own id
