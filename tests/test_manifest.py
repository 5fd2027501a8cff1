"""manifest.yml: valid against Slack's manifest schema, least privilege, and in step with the code
(the command and events it declares are the ones the running app answers)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
import yaml

from bot.installs import SCOPES
from bot.listeners import BOT_EVENTS
from bot.listeners.commands import COMMAND
from bot.sandbox import LiveRoleFit, SignedRequest, SlackRequests
from bot.server.guard import EVENTS_PATH
from tests.slack_schemas import REPO_ROOT, manifest_validator

MANIFEST_PATH = REPO_ROOT / "manifest.yml"
# Each scope is used by a feature; anything broader (channels:history, users:read,
# chat:write.public…) would need a feature and a reason first.
# What the app asks each workspace for (bot.installs.SCOPES) is what the manifest declares.
LEAST_PRIVILEGE = frozenset(SCOPES)


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(MANIFEST_PATH.read_text(encoding="utf-8"))
    return loaded


def test_the_manifest_is_valid_against_slacks_schema(manifest: dict[str, Any]) -> None:
    errors = sorted(manifest_validator().iter_errors(manifest), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"/{'/'.join(map(str, e.path))}: {e.message}" for e in errors)


def test_bot_scopes_are_least_privilege_and_each_says_why(manifest: dict[str, Any]) -> None:
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert set(scopes) == LEAST_PRIVILEGE and len(scopes) == len(LEAST_PRIVILEGE)
    assert set(manifest["oauth_config"]["scopes"]) == {"bot"}  # no user-token scopes
    lines = MANIFEST_PATH.read_text(encoding="utf-8").splitlines()
    for scope in scopes:
        (line,) = [line for line in lines if line.strip().startswith(f"- {scope} ")]
        assert "#" in line and line.split("#", 1)[1].strip(), f"{scope} has no justification"


def test_http_mode_sends_everything_to_the_apps_one_endpoint(manifest: dict[str, Any]) -> None:
    settings = manifest["settings"]
    urls = [
        *(command["url"] for command in manifest["features"]["slash_commands"]),
        settings["event_subscriptions"]["request_url"],
        settings["interactivity"]["request_url"],
    ]
    assert all(url.startswith("https://") and url.endswith(EVENTS_PATH) for url in urls)
    assert settings["socket_mode_enabled"] is False
    assert settings["interactivity"]["is_enabled"] is True
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True


def test_the_declared_command_and_events_are_the_ones_the_app_listens_to(
    manifest: dict[str, Any],
) -> None:
    (command,) = manifest["features"]["slash_commands"]
    assert command["command"] == COMMAND
    assert command["usage_hint"]
    assert sorted(manifest["settings"]["event_subscriptions"]["bot_events"]) == sorted(BOT_EVENTS)


def _event_request(requests: SlackRequests, bot_event: str) -> tuple[SignedRequest, str | None]:
    """A request for `bot_event`, and the Web API method the app answers it with (None: it
    only acknowledges, as for app_uninstalled, whose clean-up tests/bot/listeners check)."""
    question = "who owns the product backlog?"
    builders: dict[str, Callable[[], tuple[SignedRequest, str | None]]] = {
        "message.im": lambda: (requests.dm(question), "chat.postMessage"),
        "app_mention": lambda: (requests.mention(question), "chat.postMessage"),
        "app_home_opened": lambda: (requests.home_opened(), "views.publish"),
        "app_uninstalled": lambda: (requests.uninstalled(), None),
        "tokens_revoked": lambda: (requests.tokens_revoked(), None),
    }
    assert bot_event in builders, f"no end-to-end check for {bot_event}: add one"
    return builders[bot_event]()


def test_the_running_app_answers_what_the_manifest_subscribes_to(
    live: LiveRoleFit, manifest: dict[str, Any]
) -> None:
    for command in manifest["features"]["slash_commands"]:
        status, _, body = live.post(live.requests.slash_command("help", command=command["command"]))
        assert status == 200 and json.loads(body)["blocks"]
    answered_with = Counter[str]()
    for bot_event in manifest["settings"]["event_subscriptions"]["bot_events"]:
        request, method = _event_request(live.requests, bot_event)
        status, _, _ = live.post(request)
        assert status == 200
        if method is not None:
            answered_with[method] += 1
    for method, count in answered_with.items():
        for call in live.api.wait_for(method, count):
            assert "Product Owner" in json.dumps(call.body, ensure_ascii=False)
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True
