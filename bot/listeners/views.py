"""Modal submissions. Each answers inside its acknowledgement (the next view, or inline errors),
except the questionnaire's last step, which owes the advice (bot.outbox) and closes the modal."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks import ids
from bot.blocks.kit import input_element, submitted_values
from bot.blocks.modals import QUESTION_MAX, reply_modal
from bot.deps import deps_of
from bot.hiring import next_step, owe_advice
from bot.intent import words_of
from bot.workspace_setup import save_holders_modal

EMPTY_QUESTION = "Type a piece of work, e.g. who owns the product backlog?"


async def answer_asked_question(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext
) -> None:
    """The "Ask a question" form, answered by turning the form into the answer."""
    typed = input_element(submitted_values(view), ids.ASK_INPUT_BLOCK, ids.ASK_INPUT)
    question = str(typed.get("value") or "")
    if not words_of(question):
        await ack(response_action="errors", errors={ids.ASK_INPUT_BLOCK: EMPTY_QUESTION})
        return
    deps = deps_of(context)
    conversation = f"{context.team_id}:{context.user_id}:ask"
    memory = await deps.store.recall(conversation)
    workspace = await deps.workspaces.of(context.team_id)
    reply = workspace.replies.chat.reply(question[:QUESTION_MAX], memory)
    await deps.store.remember(conversation, reply.memory)
    origin = str(view.get("private_metadata") or "")
    await ack(response_action="update", view=reply_modal(reply, workspace.kb, origin))


async def submit_questionnaire_step(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext
) -> None:
    """A step of the hiring questionnaire: its errors, or the next step in its place."""
    await ack(**next_step(view, context.user_id or "", deps_of(context)))


async def finish_questionnaire(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext
) -> None:
    """The last step: the advice is owed (stored), then the ack closes the modal."""
    await owe_advice(view, context.user_id or "", context.team_id or "", deps_of(context))
    await ack()


async def save_holders(
    ack: AsyncAck, view: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """The role holders modal: closed at once, saved after (only an admin's; users.info says)."""
    await ack()
    deps = deps_of(context)
    team, user = context.team_id or "", context.user_id or ""
    deps.after_ack(save_holders_modal(view, team, user, client, deps))
