"""`/rolefit`: help, roles and answers go back in the acknowledgement itself (one round trip, well
inside Slack's 3 s); `hire` acknowledges and opens the questionnaire right after."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.deps import deps_of
from bot.hiring import open_questionnaire
from bot.intent import Intent, read
from bot.listeners.errors import tell_it_failed

COMMAND = "/rolefit"
JSON_HEADERS: dict[str, str | Sequence[str]] = {"content-type": "application/json;charset=utf-8"}


async def answer_command(
    ack: AsyncAck, command: dict[str, Any], context: AsyncBoltContext, client: AsyncWebClient
) -> BoltResponse | None:
    """Help, roles and answers are ephemeral acks (answers carry a "Share in channel" button),
    returned as the response itself: Bolt sends a listener's BoltResponse as it is, so a
    repeated answer costs no new JSON. `hire` acknowledges empty and opens the questionnaire
    after. One listener for the whole command, so Bolt matches it once per command."""
    deps = deps_of(context)
    text = str(command.get("text") or "")
    if read(text).intent is not Intent.HIRE:
        conversation = f"{context.team_id}:{command.get('user_id')}:command"
        in_channel = str(command.get("channel_id") or "").startswith(("C", "G"))
        memory = await deps.store.recall(conversation)
        body, remembered = deps.replies.command_ack(text, memory, can_post=in_channel)
        if remembered is not None:  # for the next turn: not worth holding up this answer
            deps.after_ack(deps.store.remember(conversation, remembered))
        return BoltResponse(status=200, body=body, headers=JSON_HEADERS)
    await ack()
    deps.after_ack(
        open_questionnaire(
            deps,
            client,
            command.get("trigger_id"),
            str(command.get("channel_id") or ""),
            str(command.get("user_id") or ""),
            channel_name=str(command.get("channel_name") or ""),
        ),
        on_failure=lambda: tell_it_failed(context),
    )
    return None
