"""Direct messages: a person writes to RoleFit, RoleFit answers in the same conversation."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncBoltContext, AsyncSay

from bot.deps import deps_of


def written_by_a_person(event: dict[str, Any]) -> bool:
    """A plain message from a person: not a bot (ours or another), not an edit, deletion, join or
    any other subtype."""
    return bool(event.get("user")) and not event.get("bot_id") and not event.get("subtype")


async def is_direct_question(event: dict[str, Any]) -> bool:
    """Matcher: a person's message in a DM with RoleFit."""
    im = event.get("channel_type") == "im" and bool(event.get("channel"))
    return im and written_by_a_person(event)


async def answer_direct_message(
    event: dict[str, Any], say: AsyncSay, context: AsyncBoltContext
) -> None:
    """Answer in the DM (in the thread, if the person wrote in one), after the acknowledgement."""
    deps = deps_of(context)
    thread = event.get("thread_ts")
    conversation = f"{context.team_id}:{event.get('channel')}:{thread or ''}"
    await say(**deps.replies(str(event.get("text") or ""), conversation), thread_ts=thread)
