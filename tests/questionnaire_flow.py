"""A person going through the hiring questionnaire in Slack, step by step, against any running
RoleFit (the in-process app, or `rolefit serve` processes): the form values Slack would send,
and a `Leader` who starts, submits and goes back."""

from __future__ import annotations

import json
import time
from typing import Any, Protocol

from bot.blocks.questionnaire import BACK, NAV_BLOCK
from bot.sandbox import FakeSlackApi, RecordedCall, SignedRequest, SlackRequests
from bot.sandbox.live import Reply
from knowledge.questionnaire import (
    ANYTHING_ELSE,
    COMPANY_STAGE,
    EXISTING_ROLES,
    GOAL,
    HEADCOUNT,
    NEEDS,
    USES_SCRUM,
)
from tests.slack_schemas import assert_valid_view


class Target(Protocol):
    """A running RoleFit: where requests go, how they are signed, and the stand-in it calls."""

    api: FakeSlackApi
    requests: SlackRequests

    def post(self, signed: SignedRequest, path: str = ...) -> Reply: ...


Values = dict[str, dict[str, Any]]
# Slack's deadline for every acknowledgement.
ACK_DEADLINE = 3.0


def radio(block_id: str, value: str | None) -> Values:
    option = None if value is None else {"value": value}
    return {block_id: {block_id: {"type": "radio_buttons", "selected_option": option}}}


def checked(block_id: str, *values: str) -> Values:
    options = [{"value": value} for value in values]
    return {block_id: {block_id: {"type": "checkboxes", "selected_options": options}}}


def picked(*values: str) -> Values:
    options = [{"value": value} for value in values]
    return {NEEDS: {NEEDS: {"type": "multi_static_select", "selected_options": options}}}


def typed(text: str | None) -> Values:
    return {ANYTHING_ELSE: {ANYTHING_ELSE: {"type": "plain_text_input", "value": text}}}


def company(stage: str | None = "startup", headcount: str | None = "1", *roles: str) -> Values:
    return {
        **radio(COMPANY_STAGE, stage),
        **radio(HEADCOUNT, headcount),
        **checked(EXISTING_ROLES, *roles),
    }


def work(goal: str | None = "deliver-product", scrum: str | None = "yes") -> Values:
    return {**radio(GOAL, goal), **radio(USES_SCRUM, scrum)}


def needs(*selected: str, anything_else: str | None = None) -> Values:
    return {**picked(*selected), **typed(anything_else)}


class Leader:
    """A person clicking through the modal in Slack; `view` is the modal as Slack shows it."""

    def __init__(
        self,
        live: Target,
        channel: str = "C_GENERAL",
        user: str = "U_LEADER",
        deadline: float = ACK_DEADLINE,
    ):
        self.live = live
        self.deadline = deadline
        self.channel = channel
        self.user = user
        self.view: dict[str, Any] = {}

    def start(self) -> dict[str, Any]:
        """`/rolefit hire` in the channel; the app opens the first step."""
        opened = len(self.live.api.calls_to("views.open"))
        status, _, _ = self.live.post(
            self.live.requests.slash_command("hire", user_id=self.user, channel_id=self.channel)
        )
        assert status == 200
        call = self.live.api.wait_for("views.open", opened + 1)[-1]
        self.view = {**call.body["view"], **slack_ids(call)}
        return self.view

    def submit(self, values: Values) -> dict[str, Any]:
        """Submit the current step; returns the app's acknowledgement (checked to be fast)."""
        started = time.perf_counter()
        status, _, body = self.live.post(
            self.live.requests.view_submission(self.view, values, user_id=self.user)
        )
        assert status == 200
        assert time.perf_counter() - started < self.deadline
        reply: dict[str, Any] = json.loads(body) if body else {}
        if reply.get("response_action") == "update":
            assert_valid_view(reply["view"])
            self.view = {**reply["view"], "id": self.view["id"], "hash": self.view["hash"]}
        return reply

    def back(self, values: Values | None = None) -> dict[str, Any]:
        """Click "← Back" with `values` entered on the current step; returns the updated view."""
        updates = len(self.live.api.calls_to("views.update"))
        status, _, _ = self.live.post(
            self.live.requests.block_action(
                BACK,
                "back",
                block_id=NAV_BLOCK,
                user_id=self.user,
                view={**self.view, "state": {"values": values or {}}},
            )
        )
        assert status == 200
        call = self.live.api.wait_for("views.update", updates + 1)[-1]
        assert call.body["view_id"] == self.view["id"]
        self.view = {**call.body["view"], **slack_ids(call)}
        return self.view

    def finish(self, *selected: str, anything_else: str | None = None) -> dict[str, Any]:
        """Answer every step (a startup delivering with Scrum, unless told) and post."""
        self.start()
        self.submit(company())
        self.submit(work())
        self.submit(needs(*selected, anything_else=anything_else))
        return self.submit({})


def slack_ids(call: RecordedCall, timeout: float = 8.0) -> dict[str, Any]:
    """The view id and hash the stand-in gave a views.* call (its answer lands just after)."""
    deadline = time.monotonic() + timeout
    while "view" not in call.response:
        assert time.monotonic() < deadline, f"{call.method} was never answered"
        time.sleep(0.01)
    return {"id": call.response["view"]["id"], "hash": call.response["view"]["hash"]}
