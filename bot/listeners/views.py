"""Modal submissions. Each answers inside its acknowledgement (the next view, or inline errors),
except the questionnaire's last step, which owes the advice (bot.outbox) and closes the modal."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks import ids
from bot.blocks.feedback import COMMENT_MAX, FeedbackRef
from bot.blocks.kit import input_element, submitted_values
from bot.blocks.modals import QUESTION_MAX, reply_modal
from bot.deps import deps_of
from bot.hiring import next_step, owe_advice
from bot.intent import words_of
from bot.listeners.actions import thank_for_feedback
from bot.replies import asked_in
from bot.store.insights import CORRECTIONS, Vote
from bot.workspace_setup import save_holders_modal

PICK_A_ROLE = "Pick the role it should be (or Neither)."
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
    asked = asked_in(reply, context.team_id or "", context.user_id or "", question[:QUESTION_MAX])
    if asked is None:
        deps.store.remember(conversation, reply.memory)
    else:
        deps.store.record_question(asked, remember=(conversation, reply.memory))
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
    await owe_advice(
        view, context.user_id or "", context.team_id or "", deps_of(context), context.enterprise_id
    )
    await ack()


async def record_not_helpful(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext
) -> None:
    """The 👎 form: the role it should have been (required) and a comment, recorded once per
    person per answer before the form closes; then they are thanked (`thank_for_feedback`)."""
    values = submitted_values(view)
    chosen = input_element(values, ids.FEEDBACK_ROLE_BLOCK, ids.FEEDBACK_ROLE)
    role = (chosen.get("selected_option") or {}).get("value")
    if role not in CORRECTIONS:
        await ack(response_action="errors", errors={ids.FEEDBACK_ROLE_BLOCK: PICK_A_ROLE})
        return
    deps = deps_of(context)
    ref = FeedbackRef.from_value(view.get("private_metadata"))
    if ref is None:
        await ack()
        return
    typed = input_element(values, ids.FEEDBACK_COMMENT_BLOCK, ids.FEEDBACK_COMMENT)
    comment = str(typed.get("value") or "").strip()[:COMMENT_MAX] or None
    vote = Vote(
        team=context.team_id or "",
        user=context.user_id or "",
        question_id=ref.question_id,
        helpful=False,
        role=role,
        comment=comment,
    )
    counted = await deps.store.record_vote(vote)
    await ack()
    if ref.response_url:
        respond = AsyncRespond(response_url=ref.response_url)
        deps.after_ack(thank_for_feedback(deps, context.team_id, ref, respond, counted=counted))


async def save_holders(
    ack: AsyncAck, view: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """The role holders modal: closed at once, saved after (only an admin's; users.info says)."""
    await ack()
    deps = deps_of(context)
    team, user = context.team_id or "", context.user_id or ""
    deps.after_ack(save_holders_modal(view, team, user, client, deps))
