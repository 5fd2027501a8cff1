"""Small readers for what the live app answered or sent, shared by the end-to-end tests."""

from __future__ import annotations

import json
from typing import Any

from bot.sandbox import LiveRoleFit, SignedRequest
from knowledge import Matcher, load_knowledge
from tests.bot.blocks.helpers import rendered
from tests.slack_schemas import assert_valid_blocks


def command(live: LiveRoleFit, text: str, **options: Any) -> dict[str, Any]:
    """Run `/rolefit text`; the ephemeral acknowledgement, checked against Slack's schema."""
    status, _, body = live.post(live.requests.slash_command(text, **options))
    assert status == 200
    reply: dict[str, Any] = json.loads(body)
    assert reply["response_type"] == "ephemeral"
    assert reply["text"]
    assert_valid_blocks(reply["blocks"])
    return reply


def event_of(signed: SignedRequest) -> dict[str, Any]:
    """The inner event of a signed event_callback."""
    inner: dict[str, Any] = json.loads(signed.body)["event"]
    return inner


def acknowledged(live: LiveRoleFit, signed: SignedRequest) -> None:
    status, _, _ = live.post(signed)
    assert status == 200


def only_post(live: LiveRoleFit, count: int = 1) -> dict[str, Any]:
    """The last of exactly `count` chat.postMessage calls (after waiting for them)."""
    posts = live.api.wait_for("chat.postMessage", count)
    assert len(live.api.calls_to("chat.postMessage")) == count
    body: dict[str, Any] = posts[-1].body
    assert body["text"]
    return body


VAGUE_QUESTIONS = (
    "who does research",
    "who does customer stuff",
    "who owns priorities",
    "who does analysis",
    "who handles planning",
    "who manages things with the team",
)


def unsure_question() -> str:
    """A question the matcher answers with "did you mean" alternatives (the matcher gets tuned, so
    pick one at run time rather than pinning its current scores)."""
    matcher = Matcher(load_knowledge())
    for question in VAGUE_QUESTIONS:
        answer = matcher.answer(question)
        if answer.offers_alternatives():
            return question
    raise AssertionError(f"none of {VAGUE_QUESTIONS} gets a did-you-mean answer")


def stats(live: LiveRoleFit, user_id: str = "U_LEADER", text: str = "stats") -> str:
    """`/rolefit stats`: acknowledged empty, then the private reply through the response_url."""
    sent = len(live.api.calls_to("response_url"))
    status, _, body = live.post(live.requests.slash_command(text, user_id=user_id))
    assert (status, body) == (200, b"")
    reply = live.api.wait_for("response_url", sent + 1)[-1].body
    assert reply["response_type"] == "ephemeral"
    return rendered(reply["blocks"])
