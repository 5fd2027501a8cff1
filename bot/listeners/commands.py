"""`/rolefit`: help, roles and answers go back in the acknowledgement itself (one round trip, well
inside Slack's 3 s); `hire` acknowledges and opens the questionnaire right after; an admin's
`set` and `teach` acknowledge and answer privately once saved (bot.workspace_setup)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import reply_privately
from bot.deps import deps_of
from bot.hiring import open_questionnaire
from bot.intent import Intent, read
from bot.listeners.errors import tell_it_failed
from bot.workspace_setup import change_setup

COMMAND = "/rolefit"
JSON_HEADERS: dict[str, str | Sequence[str]] = {"content-type": "application/json;charset=utf-8"}


async def answer_command(
    ack: AsyncAck,
    command: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
    respond: AsyncRespond,
) -> BoltResponse | None:
    """Help, roles and answers are ephemeral acks (answers carry a "Share in channel" button),
    returned as the response itself: Bolt sends a listener's BoltResponse as it is, so a
    repeated answer costs no new JSON. `hire` acknowledges empty and opens the questionnaire
    after. One listener for the whole command, so Bolt matches it once per command."""
    deps = deps_of(context)
    text = str(command.get("text") or "")
    intent = read(text).intent
    if intent in (Intent.SET, Intent.TEACH):
        await ack()
        deps.after_ack(
            change_workspace(command, context, client, respond),
            on_failure=lambda: tell_it_failed(context),
        )
        return None
    if intent is not Intent.HIRE:
        conversation = f"{context.team_id}:{command.get('user_id')}:command"
        in_channel = str(command.get("channel_id") or "").startswith(("C", "G"))
        memory = await deps.store.recall(conversation)
        replies = (await deps.workspaces.of(context.team_id)).replies
        body, remembered = replies.command_ack(text, memory, can_post=in_channel)
        if remembered is not None:
            await deps.store.remember(conversation, remembered)
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


async def change_workspace(
    command: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
    respond: AsyncRespond,
) -> None:
    """`/rolefit set …` or `teach …`, after the acknowledgement: saved if an admin asked, and the
    outcome told privately."""
    user, channel = str(command.get("user_id") or ""), str(command.get("channel_id") or "")
    shown = await change_setup(
        str(command.get("text") or ""), context.team_id or "", user, client, deps_of(context)
    )
    await reply_privately(client, channel, user, shown, respond=respond)
