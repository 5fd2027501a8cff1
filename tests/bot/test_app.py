"""The app factory: builds offline, from settings alone."""

from __future__ import annotations

import logging

import pytest
from pydantic import SecretStr
from slack_bolt.async_app import AsyncApp

from bot.app import build_app
from bot.settings import SlackSettings


def settings(api_url: str) -> SlackSettings:
    return SlackSettings(
        slack_bot_token=SecretStr("xoxb-offline"),
        slack_signing_secret=SecretStr("secret"),
        slack_api_url=api_url,
        _env_file=None,  # type: ignore[call-arg]
    )


def test_building_the_app_needs_no_network() -> None:
    # Nothing listens on port 9 (discard): any call at build time would fail the test.
    app = build_app(settings("http://127.0.0.1:9/api"))
    assert isinstance(app, AsyncApp)
    assert app.client.base_url == "http://127.0.0.1:9/api/"  # WebClient needs the trailing slash
    assert app.client.token == "xoxb-offline"


def test_building_the_app_warns_about_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-offline")  # as in production
    with caplog.at_level(logging.WARNING):
        app = build_app(settings("http://127.0.0.1:9/api"))
    assert caplog.messages == []
    assert len(app.client.retry_handlers) == 3
