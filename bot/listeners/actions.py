"""Buttons and the "Ask a question" modal. Clicks are acknowledged at once; the Web API work runs
in lazy listeners. Deliveries go through the response_url first (it works in any conversation,
member or not) and fall back to the Web API, so a click never silently does nothing. Home tab
clicks carry neither a response_url nor a channel, so what they produce goes to the person's DM."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks import ids
from bot.blocks.answer import AnswerRef, answer_message
from bot.blocks.kit import context as context_block
from bot.blocks.kit import input_element, submitted_values
from bot.blocks.modals import QUESTION_MAX, answer_modal, ask_question_modal
from bot.blocks.roles import roles_message
from bot.delivery import WEB_API_FAILURES, deliver, error_code, tell_user
from bot.intent import words_of
from bot.listeners.common import deps_of, respond_safely, start_questionnaire
from bot.replies import rebuild_answer

logger = logging.getLogger(__name__)

SLACK_USER_ID = re.compile(r"[UW][A-Z0-9_]+")

STALE_BUTTON = "Sorry, that button no longer works. Ask me again and I'll answer afresh."
COULD_NOT_SHARE = (
    "I couldn't share that answer in this channel (Slack said: {reason}). "
    "Invite me with `/invite @RoleFit`, or copy the answer above."
)
COULD_NOT_OPEN_MODAL = "Sorry, Slack didn't let me open the form in time. Please click again."


def _channel_of(body: dict[str, Any]) -> str:
    return str(
        (body.get("channel") or {}).get("id")
        or (body.get("container") or {}).get("channel_id")
        or ""
    )


def _user_of(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or "")


def _on_app_home(body: dict[str, Any]) -> bool:
    return (body.get("view") or {}).get("type") == "home"


async def _answer_ref(
    body: dict[str, Any], action: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient
) -> AnswerRef | None:
    """The answer a button refers to; a value that is not ours gets a friendly line instead."""
    ref = AnswerRef.from_value(action.get("value"))
    if ref is None:
        await _reply_privately(body, respond, client, text=STALE_BUTTON, replace_original=False)
    return ref


async def _reply_privately(
    body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, **payload: Any
) -> None:
    """To the clicker only: the response_url, else chat.postEphemeral in the same conversation.
    `payload` is a message (text, blocks) plus response_url options such as replace_original."""
    if await respond_safely(respond, response_type="ephemeral", **payload):
        return
    message = {key: payload[key] for key in ("text", "blocks") if key in payload}
    try:
        await client.chat_postEphemeral(channel=_channel_of(body), user=_user_of(body), **message)
    except WEB_API_FAILURES as error:
        logger.warning("could not reply to a click: %s", error_code(error))


async def share_answer(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """Lazy: post the answer for everyone in the channel, saying who shared it."""
    ref = await _answer_ref(body, action, respond, client)
    if ref is None:
        return
    deps = deps_of(context)
    shared = answer_message(rebuild_answer(ref, deps.matcher), deps.kb)
    user = _user_of(body)
    if SLACK_USER_ID.fullmatch(user):
        shared["blocks"].append(context_block(f"Shared by <@{user}>"))
    if await respond_safely(respond, **shared, response_type="in_channel", replace_original=False):
        return
    try:
        await client.chat_postMessage(channel=_channel_of(body), **shared)
    except WEB_API_FAILURES as error:
        reason = str(error_code(error) or "unknown error")
        notice = COULD_NOT_SHARE.format(reason=reason)
        await _reply_privately(body, respond, client, text=notice, replace_original=False)


async def answer_chosen_alternative(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """Lazy: a "did you mean" choice replaces the unsure answer with the chosen one."""
    ref = await _answer_ref(body, action, respond, client)
    if ref is None:
        return
    deps = deps_of(context)
    answer = rebuild_answer(ref, deps.matcher)
    view = body.get("view")
    if view:
        origin = str(view.get("private_metadata") or "")
        try:
            await client.views_update(
                view_id=view.get("id"),
                hash=view.get("hash"),
                view=answer_modal(answer, deps.kb, origin),
            )
        except WEB_API_FAILURES as error:  # the modal was closed or changed meanwhile
            logger.warning("could not update the answer modal: %s", error_code(error))
        return
    ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))
    reply = answer_message(answer, deps.kb, share=ref if ephemeral else None)
    if await respond_safely(respond, **reply, replace_original=True):
        return
    message = body.get("message") or {}
    try:
        await client.chat_postMessage(
            channel=_channel_of(body), thread_ts=message.get("thread_ts"), **reply
        )
    except WEB_API_FAILURES as error:
        logger.warning("could not answer a did-you-mean click: %s", error_code(error))


async def show_roles(
    body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """Lazy: the roles side by side, to the person who clicked. From Home it goes to their DM
    rather than a modal: it stays there to reread, and its questionnaire button then works as on
    any message (a modal could only push the questionnaire on top of itself)."""
    roles = roles_message(deps_of(context).kb)
    if _on_app_home(body):
        await deliver(client, "", _user_of(body), roles)  # logs if even the DM fails
        return
    await _reply_privately(body, respond, client, **roles, replace_original=False)


async def open_ask_modal(
    body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient
) -> None:
    """Lazy: the "Ask a question" form, opened within the click's trigger window."""
    try:
        await client.views_open(
            trigger_id=body.get("trigger_id"), view=ask_question_modal(_channel_of(body))
        )
    except WEB_API_FAILURES as error:
        logger.warning("could not open the ask modal: %s", error_code(error))
        if not await respond_safely(respond, text=COULD_NOT_OPEN_MODAL, replace_original=False):
            await tell_user(client, _channel_of(body), _user_of(body), COULD_NOT_OPEN_MODAL)


async def open_questionnaire_for_click(
    body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient
) -> None:
    """Lazy: the questionnaire, reporting back to the conversation the button was in."""
    channel_name = str((body.get("channel") or {}).get("name") or "")
    await start_questionnaire(
        client, respond, body.get("trigger_id"), _channel_of(body), _user_of(body), channel_name
    )


async def answer_asked_question(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext
) -> None:
    """The form's submission, answered by turning the form into the answer (no Web API call)."""
    typed = input_element(submitted_values(view), ids.ASK_INPUT_BLOCK, ids.ASK_INPUT)
    question = str(typed.get("value") or "")
    if not words_of(question):
        await ack(
            response_action="errors",
            errors={
                ids.ASK_INPUT_BLOCK: "Type a piece of work, e.g. who owns the product backlog?"
            },
        )
        return
    deps = deps_of(context)
    answer = deps.matcher.answer(question[:QUESTION_MAX])
    origin = str(view.get("private_metadata") or "")
    await ack(response_action="update", view=answer_modal(answer, deps.kb, origin))
