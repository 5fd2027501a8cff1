"""The hiring questionnaire across Slack requests: open it, move between steps, post the advice.

Every step's view carries the whole flow in `private_metadata`, so no process keeps state between
requests. Step submissions are answered inside the acknowledgement (`response_action: update` or
`errors`: pure and fast); whatever calls the Web API runs after the acknowledgement.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from pydantic import ValidationError
from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.kit import submitted_values
from bot.blocks.questionnaire import (
    CALLBACK_ID,
    answers_summary,
    company_view,
    expired_view,
    needs_view,
    preview_view,
    step_errors,
    work_view,
)
from bot.blocks.recommendation import recommendation_message
from bot.delivery import WEB_API_FAILURES, error_code, note, open_modal, reply_privately
from bot.deps import Deps
from bot.questionnaire_state import STEPS, QuestionnaireState, StateError, Step
from bot.replies import command_conversation, thread_conversation
from bot.store.insights import Asked
from bot.store.owed import Kind, Owed
from knowledge.advisor import advise
from knowledge.dialogue import HiringFacts, Memory
from knowledge.questionnaire import ROLE_IDS

logger = logging.getLogger(__name__)

# views.open refuses a trigger that is over 3 s old, already used, or not Slack's.
TRIGGER_ERRORS = frozenset({"expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"})
TRIGGER_EXPIRED = (
    "The hiring questionnaire took too long to open, so Slack closed the window for it. "
    "Please run `/rolefit hire` again."
)
NO_TRIGGER = "Sorry, I couldn't open the questionnaire. Try `/rolefit hire` again."
SLACK_BUSY = (
    "Slack is busy right now, so the hiring questionnaire couldn't open. Please run "
    "`/rolefit hire` again in a few seconds."
)

ViewUpdate = dict[str, Any]


async def open_questionnaire(
    deps: Deps,
    client: AsyncWebClient,
    trigger_id: str | None,
    origin_channel: str,
    user_id: str,
    *,
    channel_name: str = "",
    thread: str = "",
    prefill: HiringFacts | None = None,
    team: str = "",
) -> None:
    """Open the first step at once: a trigger lives 3 s and works once, so nothing slow may come
    first. `origin_channel` is where the advice goes ("" from App Home), in `thread` when started
    from a channel thread; `channel_name`, when known, names the channel on the final button
    ("Post to #general"); `team`, whose role holders (`/rolefit set`) it counts as on staff.
    Slack's refusal (an expired trigger) is explained to the person, who can simply run it
    again."""
    if not trigger_id:
        logger.warning("could not open the questionnaire: no trigger_id")
        await reply_privately(client, origin_channel, user_id, note(NO_TRIGGER))
        return
    state = QuestionnaireState.start(origin_channel, user_id, channel_name, thread)
    prefill = await _with_named_holders(prefill, team, deps)
    if prefill is not None:
        known = prefill.model_dump(exclude_none=True, exclude_defaults=True)
        lists = {"existing_roles": list(prefill.existing_roles), "needs": list(prefill.needs)}
        state = state.model_copy(update={**known, **lists})
    try:
        await open_modal(client, trigger_id, company_view(state, deps.kb))
    except WEB_API_FAILURES as error:
        code = error_code(error)
        logger.warning("views.open refused the questionnaire: %s", code)
        text = (
            TRIGGER_EXPIRED
            if code in TRIGGER_ERRORS
            else SLACK_BUSY
            if code == "ratelimited"
            else f"I couldn't open the hiring questionnaire (`{code}`). Please try again."
        )
        await reply_privately(client, origin_channel, user_id, note(text))


def next_step(view: dict[str, Any], submitter: str, deps: Deps) -> ViewUpdate:
    """The acknowledgement for a step's submission: its errors, or the next step in its place."""
    step, state = submitted(view, submitter)
    if state is None:
        return {"response_action": "update", "view": expired_view()}
    state = state.with_values(step, submitted_values(view))
    try:
        errors = step_errors(state, step)
        if errors:
            return {"response_action": "errors", "errors": errors}
        return {
            "response_action": "update",
            "view": step_view(STEPS[STEPS.index(step) + 1], state, deps),
        }
    except ValidationError:  # an earlier step's answers are missing: not a flow we began
        logger.warning("a questionnaire step arrived without the earlier steps' answers")
        return {"response_action": "update", "view": expired_view()}


def previous_step(view: dict[str, Any], clicker: str, deps: Deps) -> dict[str, Any]:
    """The step before the one shown, keeping what was entered on this one."""
    step, state = submitted(view, clicker)
    if state is None:
        return expired_view()
    state = state.with_values(step, submitted_values(view))
    return step_view(STEPS[max(STEPS.index(step) - 1, 0)], state, deps)


async def owe_advice(
    view: dict[str, Any], submitter: str, team: str, deps: Deps, enterprise: str | None = None
) -> None:
    """Owe the advice where the flow started (the outbox posts it, or DMs it saying why), once
    per flow: a double submit, on this process or another, is claimed already."""
    _, state = submitted(view, submitter)
    if state is None:
        return
    answers = state.answers()
    recommendation = advise(answers, deps.matcher)
    message = recommendation_message(
        recommendation, deps.kb, user_id=state.user, basis=answers_summary(answers, deps.kb)
    )
    owed = Owed(
        kind=Kind.POST,
        team=team,
        enterprise=enterprise,
        channel=state.channel,
        thread_ts=state.thread or None,
        user=state.user,
        **message,
    )
    asked = Asked(
        team=team,
        user=state.user,
        text="",  # the questionnaire's answers are choices, not a question anyone typed
        intent="questionnaire",
        recommendation=recommendation.recommendation,
    )
    await deps.outbox.owe(f"advice:{team}:{state.flow}", owed, asked=asked)
    # The conversation goes on from the advice: "why?", "we have no suppliers" in the person's
    # `/rolefit`, or in the DM the flow started from.
    went_on = Memory(intent="hire", facts=HiringFacts.of_answers(answers))
    deps.store.remember(command_conversation(team, state.user), went_on)
    if state.channel.startswith("D"):
        deps.store.remember(thread_conversation(team, state.channel, None), went_on)
    elif state.thread:  # "@RoleFit why?" in the channel thread the advice was posted in
        deps.store.remember(thread_conversation(team, state.channel, state.thread), went_on)


async def _with_named_holders(
    prefill: HiringFacts | None, team: str, deps: Deps
) -> HiringFacts | None:
    """What the questionnaire opens with where no conversation came before it (`/rolefit hire`,
    the start button in help or App Home): the roles an admin named holders for (`/rolefit set`)
    counted as on staff, which the person can still change. A conversation's own facts stand as
    they are ("we have no product people yet" leaves no one on staff)."""
    if not team or prefill is not None:
        return prefill
    roles = (await deps.workspaces.of(team)).kb.roles
    staff = tuple(role for role in ROLE_IDS if roles[role].holders)
    if not staff:
        return prefill
    return (prefill or HiringFacts()).model_copy(update={"existing_roles": staff})


def step_view(step: Step, state: QuestionnaireState, deps: Deps) -> dict[str, Any]:
    if step == "company":
        return company_view(state, deps.kb)
    if step == "work":
        return work_view(state, deps.kb)
    if step == "needs":
        return needs_view(state, deps.kb)
    return preview_view(state, deps.kb, advise(state.answers(), deps.matcher))


def submitted(view: dict[str, Any], person: str) -> tuple[Step, QuestionnaireState | None]:
    """Which step a view is, and its state: None if unreadable, or if `person` (who Slack says
    submitted or clicked) is not who started the flow. Only Slack's word is trusted for who."""
    match = CALLBACK_ID.match(str(view.get("callback_id", "")))
    step = cast(Step, match.group(1)) if match else STEPS[0]
    try:
        state = QuestionnaireState.decode(str(view.get("private_metadata", "")))
    except StateError:
        logger.warning("a questionnaire view arrived with unreadable private_metadata")
        return step, None
    if state.user != person:
        logger.warning("a questionnaire view came from someone other than who started it")
        return step, None
    return step, state
