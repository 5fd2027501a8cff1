"""Two workspaces install RoleFit with OAuth and set it up differently from Slack: each answers
with its own role holders, and a phrasing taught in one never changes answers in the other —
through `/rolefit` (whose first-turn replies are cached), direct messages and the Home tab."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from bot.sandbox import LiveRoleFit, SlackRequests
from bot.sandbox.live import TEST_SIGNING_SECRET
from tests.bot.blocks.helpers import rendered
from tests.bot.test_installs import install

ONE, TWO = "T_SET_ONE", "T_SET_TWO"
BACKLOG = "who owns the product backlog?"
TAUGHT = "who runs the zorblax ritual?"
MATCHED = "Managing and ordering the product backlog"


@pytest.fixture(scope="module")
def distributed() -> Iterator[LiveRoleFit]:
    with LiveRoleFit(client_id="3333.4444") as running:
        yield running


def installed(live: LiveRoleFit, team: str) -> SlackRequests:
    install(live, team)
    return SlackRequests(
        TEST_SIGNING_SECRET, team_id=team, response_url_base=live.api.response_url("")
    )


def command(live: LiveRoleFit, requests: SlackRequests, text: str) -> str:
    status, _, body = live.post(requests.slash_command(text))
    assert status == 200
    return rendered(json.loads(body))


def dm(live: LiveRoleFit, requests: SlackRequests, text: str, user: str) -> str:
    live.api.reset()
    live.post(requests.dm(text, user_id=user))
    (posted,) = live.api.wait_for("chat.postMessage")
    return rendered(posted.body)


def set_up(live: LiveRoleFit, requests: SlackRequests, text: str) -> None:
    live.api.reset()
    status, _, body = live.post(requests.slash_command(text))
    assert (status, body) == (200, b"")
    (reply,) = live.api.wait_for("response_url")
    assert "Saved" in rendered(reply.body) or "Taught" in rendered(reply.body)


def test_each_workspace_answers_with_its_own_holders_and_phrasings(
    distributed: LiveRoleFit,
) -> None:
    one, two = installed(distributed, ONE), installed(distributed, TWO)
    # Both ask first, so the shared first-turn cache holds this answer before anyone sets up.
    assert "here that's" not in command(distributed, one, BACKLOG)
    assert "here that's" not in command(distributed, two, BACKLOG)
    set_up(distributed, one, "set product-owner <@U0DANA|dana>")
    set_up(distributed, one, "teach po-backlog : zorblax ritual")
    set_up(distributed, two, "set product-owner <@U0ERIN|erin>")

    for _ in range(2):  # the second round comes from each workspace's first-turn cache
        in_one, in_two = command(distributed, one, BACKLOG), command(distributed, two, BACKLOG)
        assert "here that's <@U0DANA>" in in_one and "U0ERIN" not in in_one
        assert "here that's <@U0ERIN>" in in_two and "U0DANA" not in in_two

    taught_one, taught_two = command(distributed, one, TAUGHT), command(distributed, two, TAUGHT)
    assert MATCHED in taught_one
    assert MATCHED not in taught_two
    assert "I couldn't match that to any work the article describes" in taught_two

    in_one = dm(distributed, one, TAUGHT, "U_ONE_PERSON")
    assert "here that's <@U0DANA>" in in_one
    in_two = dm(distributed, two, TAUGHT, "U_TWO_PERSON")
    assert "U0DANA" not in in_two and MATCHED not in in_two

    distributed.api.reset()
    distributed.post(two.home_opened(user_id="U_TWO_PERSON"))
    (home,) = distributed.api.wait_for("views.publish")
    assert home.team == TWO
    assert "<@U0ERIN>" in rendered(home.body) and "U0DANA" not in rendered(home.body)
