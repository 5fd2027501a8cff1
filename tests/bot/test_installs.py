"""Add to Slack, end to end against the Web API stand-in (its oauth.v2.access and auth.test):
two workspaces install RoleFit, each is answered with its own token, a bad or reused `state` gets
a friendly page, and a workspace that uninstalls loses every row while the other carries on."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import quote

import pytest
from sqlalchemy import text

from bot.sandbox import LiveRoleFit, SlackRequests
from bot.sandbox.live import TEST_SIGNING_SECRET
from bot.store.store import Store

ONE, TWO = "T_ONE", "T_TWO"


@pytest.fixture(scope="module")
def distributed() -> Iterator[LiveRoleFit]:
    with LiveRoleFit(client_id="1111.2222") as running:
        yield running


def start_install(live: LiveRoleFit) -> tuple[str, str]:
    """Open /slack/install as a browser would: the `state` in its Add to Slack link, and the
    cookie that ties that state to this browser."""
    status, headers, body = live.get("/slack/install")
    assert status == 200 and b"Add to Slack" in body
    (state,) = re.findall(r"state=([^&\"]+)", body.decode())
    cookie = headers["set-cookie"].split(";")[0]
    return state, cookie


def come_back(
    live: LiveRoleFit, team: str, state: str, cookie: str, expires_in: int | None = None
) -> tuple[int, str]:
    """Slack's redirect after someone in `team` approved the install (with token rotation on
    when `expires_in` says how soon its first token expires)."""
    code = live.api.install_code(team, expires_in=expires_in)
    path = f"/slack/oauth_redirect?code={quote(code)}&state={quote(state)}"
    status, _, body = live.get(path, headers={"Cookie": cookie})
    return status, body.decode()


def install(live: LiveRoleFit, team: str) -> SlackRequests:
    status, page = come_back(live, team, *start_install(live))
    assert status == 200 and "RoleFit is installed" in page
    return SlackRequests(TEST_SIGNING_SECRET, team_id=team)


def test_two_workspaces_install_and_each_is_answered_with_its_own_token(
    distributed: LiveRoleFit,
) -> None:
    one, two = install(distributed, ONE), install(distributed, TWO)
    distributed.post(one.dm("who owns the product backlog?", user_id="U_ONE"))
    distributed.post(two.dm("who owns pricing?", user_id="U_TWO"))
    replies = distributed.api.wait_for("chat.postMessage", 2)
    teams = {call.body["channel"]: call.team for call in replies}
    assert teams == {"D_ONE": ONE, "D_TWO": TWO}


@pytest.mark.parametrize("state", ["forged-state", ""], ids=["forged", "missing"])
def test_a_forged_state_gets_a_friendly_page_and_installs_nothing(
    distributed: LiveRoleFit, state: str
) -> None:
    _, cookie = start_install(distributed)
    status, page = come_back(distributed, "T_EVIL", state, cookie)
    assert status in (400, 401) and "RoleFit was not installed" in page and "Start again" in page


def test_an_expired_state_gets_a_friendly_page(distributed: LiveRoleFit) -> None:
    state, cookie = start_install(distributed)
    assert distributed.deps is not None
    distributed.call(expire_states(distributed.deps.store))
    status, page = come_back(distributed, "T_LATE", state, cookie)
    assert status == 401 and "expired or was already used" in page


async def expire_states(store: Store) -> None:
    """Every OAuth state issued so far, past its expiry (as if the person took too long)."""
    async with store.engine.begin() as connection:
        await connection.execute(
            text("UPDATE slack_oauth_states SET expire_at = :past"),
            {"past": datetime(2000, 1, 1)},
        )


def test_a_state_used_once_cannot_be_used_again(distributed: LiveRoleFit) -> None:
    state, cookie = start_install(distributed)
    assert come_back(distributed, "T_THREE", state, cookie)[0] == 200
    status, page = come_back(distributed, "T_THREE", state, cookie)
    assert status == 401 and "expired or was already used" in page


def test_an_uninstalled_workspace_is_forgotten_and_the_other_carries_on(
    distributed: LiveRoleFit,
) -> None:
    one, two = install(distributed, "T_LEAVING"), install(distributed, "T_STAYING")
    distributed.post(one.dm("who owns the roadmap?", user_id="U_LEAVING"))
    distributed.api.wait_for("chat.postMessage", 1)
    assert distributed.post(one.uninstalled())[0] == 200
    assert distributed.deps is not None
    store = distributed.deps.store
    installations = store.installation_store("1111.2222")
    found = distributed.call(installations.async_find_bot(enterprise_id=None, team_id="T_LEAVING"))
    assert found is None
    assert distributed.call(store.recall("T_LEAVING:D_LEAVING:")) is None
    distributed.api.reset()
    distributed.post(two.dm("who owns the roadmap?", user_id="U_STAYING"))
    (reply,) = distributed.api.wait_for("chat.postMessage")
    assert reply.team == "T_STAYING"


def test_a_workspace_that_reinstalls_at_once_finds_nothing_it_had_taught(
    distributed: LiveRoleFit,
) -> None:
    # a workspace admin's find: this process kept the removed workspace's phrasings (and role
    # holders) for up to a second after the uninstall, so a reinstall at once still used them
    leaving = install(distributed, "T_RETURNING")
    distributed.api.reset()
    distributed.post(leaving.slash_command("teach po-backlog : zorblax ritual", user_id="U_ADMIN"))
    (taught,) = distributed.api.wait_for("chat.postEphemeral")  # (its response_url is made up)
    assert "Taught" in taught.body["text"]
    distributed.post(leaving.dm("who owns the zorblax ritual?", user_id="U_RETURNING"))
    (known,) = distributed.api.wait_for("chat.postMessage")
    assert "Product Owner" in known.body["text"]
    distributed.api.reset()
    assert distributed.post(leaving.uninstalled())[0] == 200
    back = install(distributed, "T_RETURNING")
    distributed.api.reset()
    distributed.post(back.dm("who owns the zorblax ritual? (again)", user_id="U_RETURNING"))
    (reply,) = distributed.api.wait_for("chat.postMessage")
    assert "Product Owner" not in reply.body["text"]


def test_with_token_rotation_an_expiring_token_is_refreshed_before_it_is_used(
    distributed: LiveRoleFit,
) -> None:
    distributed.api.reset()
    status, _ = come_back(distributed, "T_ROTATING", *start_install(distributed), expires_in=60)
    assert status == 200
    rotating = SlackRequests(TEST_SIGNING_SECRET, team_id="T_ROTATING")
    distributed.post(rotating.dm("who owns the product backlog?", user_id="U_ROTATING"))
    (reply,) = distributed.api.wait_for("chat.postMessage")
    assert reply.team == "T_ROTATING"
    refreshed = [
        call
        for call in distributed.api.calls_to("oauth.v2.access")
        if call.body.get("grant_type") == "refresh_token"
    ]
    assert len(refreshed) == 1  # the first token expired within the hour: refreshed once
    assert distributed.deps is not None
    installations = distributed.deps.store.installation_store("1111.2222")
    bot = distributed.call(installations.async_find_bot(enterprise_id=None, team_id="T_ROTATING"))
    assert bot is not None and bot.bot_token_expires_at is not None
    assert bot.bot_token_expires_at > time.time() + 11 * 60 * 60  # the new token's 12 hours
