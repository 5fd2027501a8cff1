"""`/rolefit`: help, roles and answers go back in the acknowledgement itself (one round trip,
well inside Slack's 3 s); `hire` acknowledges and opens the questionnaire right after."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.intent import Intent, read
from bot.listeners.common import deps_of, start_questionnaire

COMMAND = "/rolefit"


async def answers_in_ack(command: dict[str, Any]) -> bool:
    """Matcher: everything but `/rolefit hire` (or an alias), which opens the questionnaire."""
    return read(str(command.get("text") or "")).intent is not Intent.HIRE


async def answer_command(ack: AsyncAck, command: dict[str, Any], context: AsyncBoltContext) -> None:
    """Everything but `hire`, answered ephemerally; answers carry a "Share in channel" button."""
    deps = deps_of(context)
    reply = deps.replies(str(command.get("text") or ""), shareable=True)
    await ack(response_type="ephemeral", **reply)


async def open_questionnaire_for_command(
    command: dict[str, Any], client: AsyncWebClient, respond: AsyncRespond
) -> None:
    """Lazy: the modal opens within the trigger's 3 s, after the empty acknowledgement."""
    await start_questionnaire(
        client,
        respond,
        command.get("trigger_id"),
        str(command.get("channel_id") or ""),
        str(command.get("user_id") or ""),
        channel_name=str(command.get("channel_name") or ""),
    )
