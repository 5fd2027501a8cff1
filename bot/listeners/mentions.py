"""@RoleFit in a channel: answered in a thread under the mention, so the channel stays quiet."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext

from bot.listeners.messages import owe_answer, written_by_a_person

_LEADING_MENTIONS = re.compile(r"^(?:\s*<@[A-Z0-9]+(?:\|[^>]*)?>)+")


async def is_mention_by_a_person(event: dict[str, Any]) -> bool:
    """Matcher: mentions from people, in a channel; other bots' mentions (and payloads without a
    channel to answer in) are acknowledged and ignored."""
    return written_by_a_person(event) and bool(event.get("channel"))


def question_in(text: str, bot_user_id: str | None) -> str:
    """The mention's text without the leading @mentions and without RoleFit's own mention."""
    question = _LEADING_MENTIONS.sub("", text)
    if bot_user_id:
        question = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", "", question)
    return question.strip()


async def answer_mention(ack: AsyncAck, event: dict[str, Any], context: AsyncBoltContext) -> None:
    """Reply in the mention's thread (a new one under the mention, or the one it is in)."""
    question = question_in(str(event.get("text") or ""), context.bot_user_id)
    thread = event.get("thread_ts") or event.get("ts")
    await owe_answer(context, event, question, thread, memory_thread=thread, can_post=True)
    await ack()
