"""`/rolefit`: help, roles and answers go back in the acknowledgement itself (one round trip, well
inside Slack's 3 s); `hire` acknowledges and opens the questionnaire right after; `stats`
acknowledges and sends an admin the insights right after; an admin's `set` and `teach`
acknowledge and answer privately once saved (bot.workspace_setup)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.admins import is_admin, refusal
from bot.blocks.insights import stats_message
from bot.delivery import note, reply_privately
from bot.deps import deps_of
from bot.hiring import open_questionnaire
from bot.intent import Intent, read, stats_days
from bot.listeners.errors import tell_it_failed
from bot.replies import asked_in, command_conversation
from bot.store.insights import INSIGHTS_DAYS
from bot.workspace_setup import change_setup

COMMAND = "/rolefit"
NOT_AN_ADMIN_STATS = "Only a workspace admin or owner can see RoleFit's insights here."
JSON_HEADERS: dict[str, str | Sequence[str]] = {"content-type": "application/json;charset=utf-8"}


async def answer_command(
    ack: AsyncAck,
    command: dict[str, Any],
    context: AsyncBoltContext,
    client: AsyncWebClient,
    respond: AsyncRespond,
) -> BoltResponse | None:
    """Help, roles and answers are ephemeral acks (answers carry "Share in channel" and 👍 / 👎),
    returned as the response itself: Bolt sends a listener's BoltResponse as it is, so a
    repeated help costs no new JSON. `hire` acknowledges empty and opens the questionnaire
    after; `stats` acknowledges empty and answers admins privately after. One listener for the
    whole command, so Bolt matches it once per command."""
    deps = deps_of(context)
    text = str(command.get("text") or "")
    intent = read(text).intent
    if intent is Intent.STATS:
        await ack()
        deps.after_ack(
            send_stats(context, client, respond, days=stats_days(text) or INSIGHTS_DAYS),
            on_failure=lambda: tell_it_failed(context),
        )
        return None
    if intent in (Intent.SET, Intent.TEACH):
        await ack()
        deps.after_ack(
            change_workspace(command, context, client, respond),
            on_failure=lambda: tell_it_failed(context),
        )
        return None
    if intent is not Intent.HIRE:
        return BoltResponse(
            status=200, body=await _answer(context, command, text), headers=JSON_HEADERS
        )
    await ack()
    deps.after_ack(
        open_questionnaire(
            deps,
            client,
            command.get("trigger_id"),
            str(command.get("channel_id") or ""),
            str(command.get("user_id") or ""),
            channel_name=str(command.get("channel_name") or ""),
            team=context.team_id or "",
        ),
        on_failure=lambda: tell_it_failed(context),
    )
    return None


async def _answer(context: AsyncBoltContext, command: dict[str, Any], text: str) -> str:
    """The acknowledgement body: a subcommand's, or the answer, remembered and (if a question)
    recorded for insights in one step, its id on the feedback buttons."""
    deps = deps_of(context)
    team, user = context.team_id or "", str(command.get("user_id") or "")
    conversation = command_conversation(team, user)
    in_channel = str(command.get("channel_id") or "").startswith(("C", "G"))
    memory = await deps.store.recall(conversation)
    replies = (await deps.workspaces.of(team)).replies
    await deps.turns.take(text)
    turn = replies.command_turn(text, memory, can_post=in_channel)
    if isinstance(turn, str):
        return turn
    asked = asked_in(turn.reply, team, user, text)
    if asked is None:
        deps.store.remember(conversation, turn.memory)
        return replies.command_ack(turn)
    # (the same command sent again, a replay, counts once: by its trigger id)
    trigger = command.get("trigger_id")
    question_id = deps.store.record_question(
        asked,
        remember=(conversation, turn.memory),
        once_for=f"command:{team}:{trigger}" if trigger else None,
    )
    return replies.command_ack(turn, question_id)


async def send_stats(
    context: AsyncBoltContext, client: AsyncWebClient, respond: AsyncRespond, *, days: int
) -> None:
    """`/rolefit stats`: the workspace's insights over the last `days` days, to an admin only
    (users.info says who)."""
    deps = deps_of(context)
    team, user, channel = context.team_id or "", context.user_id or "", context.channel_id or ""
    admin = await is_admin(client, team, user)
    if admin:
        shown = stats_message(await deps.store.insights(team, days))
    else:
        shown = note(refusal(admin, NOT_AN_ADMIN_STATS))
    await reply_privately(client, channel, user, shown, respond=respond)


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
