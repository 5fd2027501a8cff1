"""The hiring questionnaire: open it on a trigger, move between its steps, post the advice.

Every step's view carries the whole flow in `private_metadata`, so no listener keeps state between
requests. Step submissions answer inside the acknowledgement (`response_action: update` or
`errors`, pure and fast); anything that calls Slack's Web API runs in a lazy listener after the
ack, so a slow Web API never makes Slack show the user a timeout.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any, cast

from pydantic import ValidationError
from slack_bolt.async_app import AsyncAck
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
from bot.delivery import WEB_API_FAILURES, deliver, error_code, tell_user
from bot.questionnaire_state import STEPS, QuestionnaireState, StateError, Step
from knowledge import Matcher
from knowledge.advisor import advise
from knowledge.models import KnowledgeBase

logger = logging.getLogger(__name__)

# Flows this process has posted, to drop a double submit; bounded so it never grows without end.
POSTED_FLOWS_KEPT = 10_000
# views.open refuses a trigger that is over 3 s old, already used, or not Slack's.
TRIGGER_ERRORS = frozenset({"expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"})


async def open_questionnaire(
    client: AsyncWebClient,
    trigger_id: str,
    origin_channel: str,
    user_id: str,
    *,
    channel_name: str = "",
) -> None:
    """Open the first step at once: a trigger lives 3 s and works once, so nothing slow may come
    first. `origin_channel` is where the advice goes ("" from App Home); `channel_name`, when the
    caller knows it, names the channel on the final button ("Post to #general"). Slack's refusal
    (an expired trigger) is explained to the user, who can simply run it again."""
    state = QuestionnaireState.start(origin_channel, user_id, channel_name)
    try:
        await client.views_open(trigger_id=trigger_id, view=company_view(state))
    except WEB_API_FAILURES as error:
        code = error_code(error)
        logger.warning("views.open refused the questionnaire: %s", code)
        if code in TRIGGER_ERRORS:
            text = (
                "The hiring questionnaire took too long to open, so Slack closed the window "
                "for it. Please run `/rolefit hire` again."
            )
        else:
            text = f"I couldn't open the hiring questionnaire (`{code}`). Please try again."
        await tell_user(client, origin_channel, user_id, text)


class Questionnaire:
    """The listeners (registered in bot.listeners), bound to the knowledge they render and
    advise from: `next_step` for each step's submission, `post` after the last, `back`."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher) -> None:
        self.kb = kb
        self.matcher = matcher
        self._posted: OrderedDict[str, None] = OrderedDict()

    def view(self, step: Step, state: QuestionnaireState) -> dict[str, Any]:
        if step == "company":
            return company_view(state)
        if step == "work":
            return work_view(state)
        if step == "needs":
            return needs_view(state, self.kb)
        recommendation = advise(state.answers(), self.matcher)
        return preview_view(state, self.kb, recommendation)

    async def next_step(self, ack: AsyncAck, view: dict[str, Any]) -> None:
        """Validate the submitted step; show its errors, or replace it with the next step."""
        step, state = _submitted(view)
        if state is None:
            await ack(response_action="update", view=expired_view())
            return
        state = state.with_values(step, submitted_values(view))
        try:
            errors = step_errors(state, step)
            following = None if errors else self.view(STEPS[STEPS.index(step) + 1], state)
        except ValidationError:  # an earlier step's answers are missing: not a flow we began
            logger.warning("a questionnaire step arrived without the earlier steps' answers")
            await ack(response_action="update", view=expired_view())
            return
        if following is None:
            await ack(response_action="errors", errors=errors)
            return
        await ack(response_action="update", view=following)

    async def post(self, view: dict[str, Any], client: AsyncWebClient) -> None:
        """Post the advice where the flow started (or by DM, saying why), once per flow."""
        _, state = _submitted(view)
        if state is None or not self._first_post(state.flow):
            return
        answers = state.answers()
        recommendation = advise(answers, self.matcher)
        message = recommendation_message(
            recommendation, self.kb, user_id=state.user, basis=answers_summary(answers)
        )
        if await deliver(client, state.channel, state.user, message) is None:
            logger.error(
                "hiring advice for %s was lost: neither channel nor DM took it", state.user
            )
            del self._posted[state.flow]  # a repeated submit may still get it through

    async def back(self, body: dict[str, Any], client: AsyncWebClient) -> None:
        """Show the previous step, keeping what was entered on this one."""
        view = body.get("view") or {}
        step, state = _submitted(view)
        previous = STEPS[max(STEPS.index(step) - 1, 0)]
        if state is None:
            shown = expired_view()
        else:
            state = state.with_values(step, submitted_values(view))
            shown = self.view(previous, state)
        try:
            await client.views_update(view_id=view["id"], hash=view.get("hash"), view=shown)
        except WEB_API_FAILURES as error:
            # hash_conflict: the view moved on (a double click); the newer view wins.
            logger.info("Back could not update the view: %s", error_code(error))

    def _first_post(self, flow: str) -> bool:
        if flow in self._posted:
            logger.info("dropped a repeated submission of questionnaire %s", flow)
            return False
        self._posted[flow] = None
        if len(self._posted) > POSTED_FLOWS_KEPT:
            self._posted.popitem(last=False)
        return True


def _submitted(view: dict[str, Any]) -> tuple[Step, QuestionnaireState | None]:
    """Which step a view is, and its state (None if unreadable)."""
    match = CALLBACK_ID.match(str(view.get("callback_id", "")))
    step = cast(Step, match.group(1)) if match else STEPS[0]
    try:
        return step, QuestionnaireState.decode(str(view.get("private_metadata", "")))
    except StateError:
        logger.warning("a questionnaire view arrived with unreadable private_metadata")
        return step, None
