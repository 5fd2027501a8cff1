"""When something breaks inside RoleFit, the person hears so in plain words, Slack gets a 200
(so it does not retry into the same failure), and the details are logged once."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest
from slack_bolt.async_app import AsyncAck, AsyncApp

from bot.app import build_app
from bot.blocks.questionnaire import BACK, NAV_BLOCK
from bot.listeners import acknowledged_first
from bot.listeners.errors import SOMETHING_WENT_WRONG
from bot.sandbox import LiveRoleFit
from bot.settings import SlackSettings
from tests.bot.listeners.helpers import acknowledged


def broken_app(settings: SlackSettings) -> AsyncApp:
    """RoleFit plus two listeners that fail: one before its ack, one after it."""
    app = build_app(settings)

    @app.command("/broken")
    async def fails_before_the_ack(ack: AsyncAck) -> None:
        raise RuntimeError("a bug before the ack")

    async def fails_after_the_ack(context: object) -> None:
        raise RuntimeError("a bug after the ack")

    app.action("broken_button")(acknowledged_first(fails_after_the_ack))
    return app


@pytest.fixture(scope="module")
def broken() -> Iterator[LiveRoleFit]:
    with LiveRoleFit(app_factory=broken_app) as running:
        yield running


def failures(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.exc_info]


def test_a_command_that_fails_gets_an_apology_not_a_500(
    broken: LiveRoleFit, caplog: pytest.LogCaptureFixture
) -> None:
    status, _, _ = broken.post(broken.requests.slash_command("x", command="/broken"))
    assert status == 200
    (apology,) = broken.api.wait_for("response_url")
    assert apology.body["text"] == SOMETHING_WENT_WRONG
    assert apology.body["response_type"] == "ephemeral"
    broken.wait_until_idle()
    assert len(failures(caplog)) == 1


def test_work_that_fails_after_the_ack_is_apologised_for(
    broken: LiveRoleFit, caplog: pytest.LogCaptureFixture
) -> None:
    broken.api.reset()
    acknowledged(broken, broken.requests.block_action("broken_button"))
    (apology,) = broken.api.wait_for("response_url")
    assert apology.body["text"] == SOMETHING_WENT_WRONG
    broken.wait_until_idle()
    assert len(failures(caplog)) == 1


def test_back_without_its_view_is_acknowledged_and_ignored(
    live: LiveRoleFit, caplog: pytest.LogCaptureFixture
) -> None:
    acknowledged(live, live.requests.block_action(BACK, "back", block_id=NAV_BLOCK))
    live.wait_until_idle()
    assert failures(caplog) == [] and live.api.calls_to("views.update") == []


def test_app_rate_limited_is_acknowledged(live: LiveRoleFit) -> None:
    body = json.dumps(
        {"token": "t", "type": "app_rate_limited", "team_id": "T1", "minute_rate_limited": 1}
    ).encode()
    status, _, _ = live.post(live.requests.signed(body, "application/json"))
    assert status == 200


def test_an_event_the_store_cannot_take_gets_a_503_and_slacks_retry_is_answered(
    live: LiveRoleFit,
) -> None:
    assert live.deps is not None
    store = live.deps.store
    live.call(store.downgrade("base"))  # the database is gone, as far as RoleFit can tell
    event = live.requests.dm("who owns the product backlog?")
    assert live.post(event)[0] == 503  # Slack will retry it
    live.call(store.upgrade())
    assert live.post(live.requests.retry(event, 1, "http_error"))[0] == 200
    (reply,) = live.api.wait_for("chat.postMessage")
    assert "Product Owner" in reply.body["text"]
    assert live.api.calls_to("response_url") == []  # no apology: the answer came instead
