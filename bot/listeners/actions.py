"""Buttons. Each is acknowledged at once (see the routing table) and these functions run after.

Replies go through the response_url first (it works in any conversation, member or not) and fall
back to the Web API, so a click never silently does nothing. Home tab clicks carry neither a
response_url nor a channel, so what they produce goes to the person's DM.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot import workspace_setup as setup
from bot.blocks.answer import AnswerRef, answer_message
from bot.blocks.conversation import facts_from_value
from bot.blocks.feedback import (
    ALREADY_VOTED,
    THANKS,
    FeedbackRef,
    feedback_ref_in,
    not_helpful_modal,
    thanked_answer,
    with_feedback,
)
from bot.blocks.kit import Message
from bot.blocks.kit import context as context_block
from bot.blocks.modals import answer_modal, ask_question_modal
from bot.blocks.questionnaire import answers_summary
from bot.blocks.recommendation import recommendation_message
from bot.blocks.roles import roles_message
from bot.delivery import (
    WEB_API_FAILURES,
    error_code,
    note,
    open_modal,
    reply_privately,
    respond_safely,
)
from bot.deps import Deps, deps_of
from bot.hiring import open_questionnaire, previous_step
from bot.replies import (
    COMMAND_SUFFIX,
    asked_in,
    command_conversation,
    rebuild_answer,
    thread_conversation,
)
from bot.store.insights import ADVICE_ONLY, Vote, vote_key
from bot.store.owed import Kind, Owed
from bot.store.store import STORE_FAILURES
from bot.workspaces import Workspace
from knowledge import Answer
from knowledge.dialogue import Reply

logger = logging.getLogger(__name__)

SLACK_USER_ID = re.compile(r"[UW][A-Z0-9_]+")

SHARED_ALREADY = "This answer was shared in the channel already, so it isn't posted again."
POSTED_ALREADY = "This advice was posted in the channel already, so it isn't posted again."
ANSWERED_ALREADY = (
    "You answered that question already, and I went on from your first choice. To change it, "
    "just tell me (say, “actually, it's for building the business”)."
)
STALE_BUTTON = "Sorry, that button no longer works. Ask me again and I'll answer afresh."
COULD_NOT_OPEN_MODAL = "Sorry, Slack didn't let me open the form in time. Please click again."


def _channel_of(body: dict[str, Any]) -> str:
    return str(
        (body.get("channel") or {}).get("id")
        or (body.get("container") or {}).get("channel_id")
        or ""
    )


def _read_by_others(body: dict[str, Any], ref: FeedbackRef) -> bool:
    """Whether the answer clicked on is one others read too: posted in a channel or a group,
    not ephemeral to its asker and not in a DM."""
    return not ref.ephemeral and not _channel_of(body).startswith("D")


def _user_of(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or "")


def _clicked_message(body: dict[str, Any], action: dict[str, Any]) -> str:
    """The ts of the message whose button was clicked, the same for every click on it (else the
    click's own ts: then each click counts)."""
    container = body.get("container") or {}
    message = body.get("message") or {}
    return str(container.get("message_ts") or message.get("ts") or action.get("action_ts"))


def _on_app_home(body: dict[str, Any]) -> bool:
    return (body.get("view") or {}).get("type") == "home"


async def _tell_clicker(
    body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, text: str
) -> None:
    await reply_privately(client, _channel_of(body), _user_of(body), note(text), respond=respond)


async def _acknowledge_stale(
    ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, deps: Deps
) -> None:
    """A click whose value is not ours, on a listener that acknowledges itself."""
    await ack()
    deps.after_ack(_tell_clicker(body, respond, client, STALE_BUTTON))


async def _referred_answer(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    workspace: Workspace,
) -> tuple[AnswerRef, Answer] | None:
    """The answer a button refers to, rebuilt; a value that is not ours gets a friendly line
    instead (and None)."""
    ref = AnswerRef.from_value(action.get("value"))
    if ref is None:
        await _tell_clicker(body, respond, client, STALE_BUTTON)
        return None
    return ref, rebuild_answer(ref, workspace.matcher)


async def share_answer(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """Owe the answer to everyone in the channel, saying who shared it: once per answer shown,
    however often (and on however many processes) "Share" is clicked."""
    deps = deps_of(context)
    ref = AnswerRef.from_value(action.get("value"))
    if ref is None:
        await _acknowledge_stale(ack, body, respond, client, deps)
        return
    workspace = await deps.workspaces.of(context.team_id)
    shared = answer_message(rebuild_answer(ref, workspace.matcher), workspace.kb, shared=True)
    user = _user_of(body)
    if SLACK_USER_ID.fullmatch(user):
        shared["blocks"].append(context_block(f"Shared by <@{user}>"))
    owed = _owed_for_click(
        Kind.SHARE,
        context,
        body,
        shared,
        response_url=body.get("response_url"),
        thread_ts=(body.get("container") or {}).get("thread_ts"),  # where the answer was
    )
    value = hashlib.sha256(str(action.get("value")).encode()).hexdigest()[:16]
    clicked = _clicked_message(body, action)
    if not await deps.outbox.owe(f"share:{owed.team}:{owed.channel}:{clicked}:{value}", owed):
        # clicked again (or on another process): said, where a second click did nothing
        deps.after_ack(_tell_clicker(body, respond, client, SHARED_ALREADY))
    await ack()


async def answer_chosen_alternative(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """A "did you mean" choice replaces the unsure answer with the chosen one, where the answer is
    the clicker's alone (only they see it, or it is in their DM). An answer others read stays as
    it is: one person's pick is shown to them privately, with "Share in channel" should it be the
    right one, as their vote on it would be."""
    workspace = await deps_of(context).workspaces.of(context.team_id)
    referred = await _referred_answer(body, action, respond, client, workspace)
    if referred is None:
        return
    ref, answer = referred
    view = body.get("view")
    if view:
        origin = str(view.get("private_metadata") or "")
        try:
            await client.views_update(
                view_id=view.get("id"),
                hash=view.get("hash"),
                view=answer_modal(answer, workspace.kb, origin),
            )
        except WEB_API_FAILURES as error:  # the modal was closed or changed meanwhile
            logger.warning("could not update the answer modal: %s", error_code(error))
        return
    ephemeral = bool((body.get("container") or {}).get("is_ephemeral"))
    read_by_others = not ephemeral and not _channel_of(body).startswith("D")
    private = ephemeral or read_by_others
    reply = answer_message(answer, workspace.kb, share=ref if private else None)
    # Slack leaves an ephemeral message out of the click: its choices carry the reference too
    rated = feedback_ref_in(body.get("message") or {})
    rated = rated or FeedbackRef.from_value(action.get("value"))
    if rated is not None:  # the answer picked can be rated as the one it replaces could
        reply = with_feedback(
            reply, dataclasses.replace(rated, answer=ref, ephemeral=private, public=False)
        )
    if read_by_others:
        await reply_privately(client, _channel_of(body), _user_of(body), reply, respond=respond)
        return
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
    """The roles side by side, to the person who clicked. From Home it goes to their DM rather
    than a modal: it stays there to reread, and its questionnaire button then works as on any
    message (a modal could only push the questionnaire on top of itself)."""
    roles = roles_message((await deps_of(context).workspaces.of(context.team_id)).kb)
    if _on_app_home(body):
        await reply_privately(client, "", _user_of(body), roles)
        return
    await reply_privately(client, _channel_of(body), _user_of(body), roles, respond=respond)


async def open_ask_modal(
    body: dict[str, Any], respond: AsyncRespond, client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """The "Ask a question" form, opened within the click's trigger window."""
    try:
        await open_modal(client, body.get("trigger_id"), ask_question_modal(_channel_of(body)))
    except WEB_API_FAILURES as error:
        logger.warning("could not open the ask modal: %s", error_code(error))
        await _tell_clicker(body, respond, client, COULD_NOT_OPEN_MODAL)


async def open_questionnaire_for_click(
    body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """The questionnaire, reporting back to the conversation the button was in (its thread, in a
    channel), prefilled with what a hiring conversation already understood (the button carries
    it)."""
    channel_name = str((body.get("channel") or {}).get("name") or "")
    thread = (body.get("message") or {}).get("thread_ts") or (body.get("container") or {}).get(
        "thread_ts"
    )
    value = action.get("value")
    understood, _ = facts_from_value(value)
    # (the plain start button, "hire", in help, App Home or "run it again", follows no conversation)
    prefill = understood if isinstance(value, str) and value.startswith("{") else None
    await open_questionnaire(
        deps_of(context),
        client,
        body.get("trigger_id"),
        _channel_of(body),
        _user_of(body),
        channel_name=channel_name,
        thread=str(thread or ""),
        prefill=prefill,
        team=context.team_id or "",
    )


def _conversation_of(body: dict[str, Any], context: AsyncBoltContext) -> str:
    """The conversation a clicked message belongs to, keyed as the listener that answered did:
    the person's `/rolefit` for ephemeral replies, else the DM or thread it sits in."""
    if (body.get("container") or {}).get("is_ephemeral") or not body.get("message"):
        return command_conversation(context.team_id or "", _user_of(body))
    thread = (body.get("message") or {}).get("thread_ts")
    return thread_conversation(context.team_id or "", _channel_of(body), thread)


async def answer_hiring_question(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """A button answering what RoleFit asked about a hire: the next question, or the advice, in
    the same place the question was. A question the conversation has an answer to by now (typed
    instead, or on another message) is told so: its old buttons would advise from before it."""
    deps = deps_of(context)
    facts, extra = facts_from_value(action.get("value"))
    fact, value, asked = extra.get("f"), extra.get("v"), extra.get("a")
    if fact not in ("goal", "headcount", "uses_scrum") or not isinstance(value, str):
        await _tell_clicker(body, respond, client, STALE_BUTTON)
        return
    try:
        memory = await deps.store.recall(_conversation_of(body, context))
    except STORE_FAILURES as error:  # the click still counts: its message's claim holds it once
        logger.warning("could not read the conversation of a click: %s", type(error).__name__)
        memory = None
    if memory is not None and memory.facts is not None:
        if getattr(memory.facts, fact) is not None:
            await _tell_clicker(body, respond, client, ANSWERED_ALREADY)
            return
        # what was told since the button was made counts too ("we already have a PO")
        facts, asked = memory.facts, memory.asked
    reply = deps.replies.chat.answer_fact(
        facts, fact, value, asked if isinstance(asked, int) else 1
    )
    # one answer per question asked, whichever choice and however often it is clicked
    once = f"asked-back:{_clicked_message(body, action)}"
    await _continue_conversation(body, respond, client, context, reply, once=once)


async def help_me_choose(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """ "Which do I need?" under the roles side by side: the hiring conversation begins."""
    reply = deps_of(context).replies.chat.start_hiring()
    once = f"chooser:{action.get('action_ts')}"  # each click begins again
    await _continue_conversation(body, respond, client, context, reply, once=once)


async def _continue_conversation(
    body: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
    reply: Reply,
    *,
    once: str,
) -> None:
    """A reply a click produced, remembered in the clicked message's conversation and shown
    where that message is: privately for `/rolefit`'s ephemeral replies, else owed in its
    thread once per `once` (for a hiring question's choices, the message clicked: a second
    click, on the same choice or another, is told the question was answered, where it posted
    the advice twice, or two contradicting ones)."""
    deps = deps_of(context)
    conversation = _conversation_of(body, context)
    channel = _channel_of(body)
    replies = (await deps.workspaces.of(context.team_id)).replies
    shown = replies.show(reply, can_post=channel.startswith(("C", "G")))
    # Advice a click ends in is kept with the person's recent recommendations (the Home tab),
    # as the questionnaire's is; a choice is no question anyone typed, so it is not counted as one.
    advised = None
    if reply.recommendation is not None:
        asked = asked_in(reply, context.team_id or "", _user_of(body), "")
        advised = asked and asked.model_copy(update={"intent": ADVICE_ONLY})
    if conversation.endswith(COMMAND_SUFFIX):
        if advised is not None:
            deps.store.record_question(advised, remember=(conversation, reply.memory))
        else:
            deps.store.remember(conversation, reply.memory)
        await reply_privately(client, channel, _user_of(body), shown, respond=respond)
        return
    thread = (body.get("message") or {}).get("thread_ts")
    owed = _owed_for_click(Kind.ANSWER, context, body, shown, thread_ts=thread)
    claim = f"{once}:{owed.team}:{owed.channel}"
    remember = (conversation, reply.memory)
    if not await deps.outbox.owe(claim, owed, asked=advised, remember=remember):
        await _tell_clicker(body, respond, client, ANSWERED_ALREADY)


async def post_advice_to_channel(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """Owe hiring advice from a conversation to the channel, for everyone, saying who asked:
    once per message, however often its button is clicked (a second click is told so)."""
    deps = deps_of(context)
    facts, _ = facts_from_value(action.get("value"))
    if facts.goal is not None:
        user = _user_of(body)
        shown = recommendation_message(
            deps.replies.chat.advise(facts),
            deps.kb,
            user_id=user,
            basis=answers_summary(facts, deps.kb),
            via="asked RoleFit whom to hire",
        )
        owed = _owed_for_click(Kind.POST, context, body, shown)
        clicked = _clicked_message(body, action)
        if not await deps.outbox.owe(f"advice:{owed.team}:{owed.channel}:{clicked}", owed):
            deps.after_ack(_tell_clicker(body, respond, client, POSTED_ALREADY))
    await ack()


def _owed_for_click(
    kind: Kind, context: AsyncBoltContext, body: dict[str, Any], message: Message, **extra: Any
) -> Owed:
    """A message a click owes: to the channel clicked in, for the clicker, in their workspace."""
    return Owed(
        kind=kind,
        team=context.team_id or "",
        enterprise=context.enterprise_id,
        channel=_channel_of(body),
        user=_user_of(body),
        **extra,
        **message,
    )


async def go_back_a_step(
    body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """The questionnaire's Back button: the previous step, keeping what was entered."""
    view = body.get("view")
    if not isinstance(view, dict) or not view.get("id"):
        logger.warning("a Back click arrived without its view")
        return
    try:
        await client.views_update(
            view_id=view["id"],
            hash=view.get("hash"),
            view=previous_step(view, context.user_id or "", deps_of(context)),
        )
    except WEB_API_FAILURES as error:
        # hash_conflict: the view moved on (a double click); the newer view wins.
        logger.info("Back could not update the view: %s", error_code(error))


async def record_helpful(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """👍: recorded before the acknowledgement, once per person per answer however often it is
    clicked (on any process); then they are thanked (`thank_for_feedback`)."""
    deps = deps_of(context)
    ref = FeedbackRef.from_value(action.get("value"))
    if ref is None:
        await _acknowledge_stale(ack, body, respond, client, deps)
        return
    vote = Vote(
        team=context.team_id or "", user=_user_of(body), question_id=ref.question_id, helpful=True
    )
    counted = await deps.store.record_vote(vote)
    await ack()
    ref = dataclasses.replace(ref, public=_read_by_others(body, ref))
    deps.after_ack(thank_for_feedback(deps, context.team_id, ref, respond, counted=counted))


async def open_not_helpful_form(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    """👎: "which role should it be?", in a small form; its submission records the vote and
    thanks them where the answer is (the click's response_url rides along). A person who voted
    on the answer already is told so instead, before typing anything."""
    ref = FeedbackRef.from_value(action.get("value"))
    if ref is None:
        await _tell_clicker(body, respond, client, STALE_BUTTON)
        return
    voted = vote_key(context.team_id or "", ref.question_id, _user_of(body))
    try:
        already = await deps_of(context).store.has_voted(voted)
    except STORE_FAILURES as error:  # the form still opens; its submission records or says why
        logger.warning("could not check for an earlier vote: %s", type(error).__name__)
        already = False
    if already:
        await _tell_clicker(body, respond, client, ALREADY_VOTED)
        return
    url = body.get("response_url")
    ref = dataclasses.replace(
        ref, response_url=url if isinstance(url, str) else None, public=_read_by_others(body, ref)
    )
    try:
        await open_modal(client, body.get("trigger_id"), not_helpful_modal(ref))
    except WEB_API_FAILURES as error:
        logger.warning("could not open the feedback form: %s", error_code(error))
        await _tell_clicker(body, respond, client, COULD_NOT_OPEN_MODAL)


async def thank_for_feedback(
    deps: Deps, team: str | None, ref: FeedbackRef, respond: AsyncRespond, *, counted: bool
) -> None:
    """The answer again, in `team`'s view of the knowledge, with thanks instead of 👍 / 👎, in
    place (best effort: a message Slack no longer lets us replace keeps its buttons, and a
    second vote changes nothing). Where others read the answer too, only the voter is told,
    privately, and the buttons stay for everyone else: thanks, or, for a second vote of theirs
    (`counted` False), that the first one stands."""
    if ref.public:
        said = THANKS if counted else ALREADY_VOTED
        await respond_safely(respond, **note(said), response_type="ephemeral")
        return
    workspace = await deps.workspaces.of(team)
    answer = rebuild_answer(ref.answer, workspace.matcher)
    thanked = thanked_answer(answer, workspace.kb, ref)
    extra = {"response_type": "ephemeral"} if ref.ephemeral else {}
    await respond_safely(respond, **thanked, **extra, replace_original=True)


async def open_holders_modal(
    body: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    """The Home tab's "Change" (who holds each role here): the modal, for admins only."""
    await setup.open_holders_modal(
        str(body.get("trigger_id") or ""),
        context.team_id or "",
        _user_of(body),
        client,
        deps_of(context),
    )
