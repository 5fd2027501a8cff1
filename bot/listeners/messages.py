"""Direct messages: a person writes to RoleFit, RoleFit answers in the same conversation."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext

from bot.deps import deps_of
from bot.replies import asked_in, thread_conversation
from bot.store.owed import Kind, Owed
from bot.store.store import Answer
from knowledge.dialogue import Memory


def written_by_a_person(event: dict[str, Any]) -> bool:
    """A plain message from a person: not a bot (ours or another), not an edit, deletion, join or
    any other subtype."""
    return bool(event.get("user")) and not event.get("bot_id") and not event.get("subtype")


async def is_direct_question(event: dict[str, Any]) -> bool:
    """Matcher: a person's message in a DM with RoleFit."""
    im = event.get("channel_type") == "im" and bool(event.get("channel"))
    return im and written_by_a_person(event)


async def answer_direct_message(
    ack: AsyncAck, event: dict[str, Any], context: AsyncBoltContext
) -> None:
    """Answer in the DM (in the thread, if the person wrote in one)."""
    thread = event.get("thread_ts")
    await owe_answer(context, event, str(event.get("text") or ""), thread, memory_thread=thread)
    await ack()


async def owe_answer(
    context: AsyncBoltContext,
    event: dict[str, Any],
    text: str,
    thread: str | None,
    *,
    memory_thread: str | None,
    can_post: bool = False,
) -> None:
    """Owe the answer to the message `event` before Slack hears back: claimed by the message's
    channel and ts (so a redelivered or retried event, on any process, is answered once) and
    stored with the conversation's new memory and the question recorded for insights (its id on
    the answer's feedback buttons), in one step. The outbox posts it in `thread`. The answer is
    made from the conversation's memory as the store gives it (`Store.owe_answer`): more than
    once if the conversation moved on meanwhile, so making it has no other effect."""
    deps = deps_of(context)
    team, channel, user = context.team_id or "", str(event.get("channel")), str(event.get("user"))
    conversation = thread_conversation(team, channel, memory_thread)
    replies = (await deps.workspaces.of(team)).replies

    def answering(memory: Memory | None) -> Answer:
        turn = replies.turn(text, memory, can_post=can_post)

        def answer(question_id: int | None) -> Owed:
            shown = replies.with_feedback(turn, question_id, ephemeral=False)
            return Owed(
                kind=Kind.ANSWER,
                team=team,
                enterprise=context.enterprise_id,
                channel=channel,
                user=user,
                thread_ts=thread,
                **shown,
            )

        return Answer(answer, turn.memory, asked_in(turn.reply, team, user, text))

    claim = f"answer:{team}:{channel}:{event.get('ts')}"
    await deps.turns.take(text)  # the answer is made as the owe begins (made again, rarely: above)
    await deps.outbox.owe_answer(claim, conversation, answering)
