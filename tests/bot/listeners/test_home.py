"""App Home end to end: signed `app_home_opened` events and Home-tab clicks into the running app,
and what it sent to the Slack stand-in — the published Home tab, the modals, the DM."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import parse_qs

import pytest

from bot.blocks import ids
from bot.sandbox import LiveRoleFit
from tests.bot.blocks.helpers import button, rendered
from tests.bot.listeners.helpers import acknowledged, only_post
from tests.bot.listeners.test_questionnaire import Leader, company, needs, work
from tests.slack_schemas import assert_valid_view


def open_home(live: LiveRoleFit, user_id: str = "U_LEADER") -> dict[str, Any]:
    """The person opens RoleFit's Home tab; returns it as Slack then holds it (id, hash, state),
    which is what a click on it carries."""
    published = len(live.api.calls_to("views.publish"))
    acknowledged(live, live.requests.home_opened(user_id=user_id))
    call = live.api.wait_for("views.publish", published + 1)[-1]
    live.wait_until_idle()  # the app has its answer, so the stand-in's is recorded
    assert call.body["user_id"] == user_id
    view: dict[str, Any] = call.response["view"]
    return view


def click_on_home(live: LiveRoleFit, home: dict[str, Any], action_id: str) -> None:
    """A click on one of the Home tab's buttons: a block_actions with the view, and no channel
    or response_url (as Slack sends it from Home)."""
    (block,) = [b for b in home["blocks"] if b["type"] == "actions"]
    value = button(home, action_id)["value"]
    signed = live.requests.block_action(action_id, value, block_id=block["block_id"], view=home)
    payload = json.loads(parse_qs(signed.body.decode())["payload"][0])
    assert "response_url" not in payload and "channel" not in payload
    status, _, body = live.post(signed)
    assert (status, body) == (200, b"")


def test_opening_home_publishes_rolefit_home_tab_for_that_person(live: LiveRoleFit) -> None:
    home = open_home(live, "U_VISITOR")
    (publish,) = live.api.calls_to("views.publish")
    assert_valid_view(publish.body["view"])
    assert publish.body["view"]["type"] == "home"
    shown = rendered(home)
    assert "Product Owner" in shown and "Product Manager" in shown
    assert "Start the hiring questionnaire" in shown


def test_every_visit_publishes_afresh(live: LiveRoleFit) -> None:
    first = open_home(live)
    status, _, _ = live.post(live.requests.home_opened(view=first))
    assert status == 200
    assert len(live.api.wait_for("views.publish", 2)) == 2


def test_the_messages_tab_publishes_nothing(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.home_opened(tab="messages"))
    live.wait_until_idle()
    assert [call.method for call in live.api.calls if call.method != "auth.test"] == []


@pytest.mark.parametrize(
    "refuse",
    [
        lambda api: api.fail("views.publish", "not_enabled"),
        lambda api: api.rate_limit("views.publish", retry_after=0, times=2),
        lambda api: api.server_error("views.publish", times=2),
    ],
    ids=["refused", "rate-limited", "server-error"],
)
def test_a_failing_publish_is_logged_and_the_app_carries_on(
    live: LiveRoleFit, refuse: Any, caplog: pytest.LogCaptureFixture
) -> None:
    refuse(live.api)
    with caplog.at_level(logging.WARNING, logger="bot.home_tab"):
        acknowledged(live, live.requests.home_opened())
        live.wait_until_idle(timeout=10)
    (logged,) = [r for r in caplog.records if r.name == "bot.home_tab"]
    assert logged.levelno == logging.WARNING and "views.publish" in logged.getMessage()
    acknowledged(live, live.requests.dm("who owns the product backlog?"))
    assert "Product Owner" in only_post(live)["text"]
    open_home(live)  # and the next visit publishes


def test_ask_a_question_on_home_opens_the_form(live: LiveRoleFit) -> None:
    """Its answer replaces the form (tested with the other buttons), so Home needs no channel."""
    click_on_home(live, open_home(live), ids.OPEN_ASK_MODAL)
    (opened,) = live.api.wait_for("views.open")
    form = opened.body["view"]
    assert form["callback_id"] == ids.ASK_MODAL and form["private_metadata"] == ""
    live.wait_until_idle()
    assert live.api.calls_to("chat.postMessage") == []


def test_when_the_form_cannot_open_from_home_the_dm_says_so(live: LiveRoleFit) -> None:
    home = open_home(live)
    live.api.fail("views.open", "expired_trigger_id")
    click_on_home(live, home, ids.OPEN_ASK_MODAL)
    note = only_post(live)
    assert note["channel"] == "D_LEADER"
    assert "click again" in note["text"]


def test_the_questionnaire_from_home_ends_with_the_advice_in_the_dm(live: LiveRoleFit) -> None:
    click_on_home(live, open_home(live), ids.OPEN_QUESTIONNAIRE)
    (opened,) = live.api.wait_for("views.open")
    live.wait_until_idle()
    leader = Leader(live)
    leader.view = {**opened.body["view"], **opened.response["view"]}
    leader.submit(company())
    leader.submit(work())
    preview = leader.submit(needs("po-backlog"))["view"]
    assert preview["submit"]["text"] == "Send it to me"
    leader.submit({})
    advice = only_post(live)
    assert advice["channel"] == "D_LEADER"
    assert "Hire a Product Owner" in rendered(advice["blocks"])
    assert live.api.calls_to("chat.postEphemeral") == []


def test_compare_the_roles_on_home_arrives_in_the_dm(live: LiveRoleFit) -> None:
    click_on_home(live, open_home(live), ids.SHOW_ROLES)
    roles = only_post(live)
    (dm,) = live.api.calls_to("conversations.open")
    assert dm.body["users"] == "U_LEADER"
    assert roles["channel"] == "D_LEADER"
    assert "When to hire a PM" in rendered(roles["blocks"])
    assert button(roles, ids.OPEN_QUESTIONNAIRE)  # carries on from the DM like any message


def test_compare_the_roles_on_home_survives_a_dm_that_will_not_open(
    live: LiveRoleFit, caplog: pytest.LogCaptureFixture
) -> None:
    home = open_home(live)
    live.api.fail("conversations.open", "user_not_found")
    with caplog.at_level(logging.WARNING):
        click_on_home(live, home, ids.SHOW_ROLES)
        live.wait_until_idle()
    assert "did not arrive" in caplog.text
    assert live.api.calls_to("chat.postMessage") == []
