"""LiveRoleFit itself, on a tiny app of its own, so a broken listener cannot hide a harness bug."""

from __future__ import annotations

import http.client

import pytest
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncSay
from slack_sdk.web.async_client import AsyncWebClient

from bot.sandbox import LiveRoleFit
from bot.settings import SlackSettings


def echo_app(settings: SlackSettings) -> AsyncApp:
    """Acks /rolefit with the text it got; answers a DM by posting it back."""
    client = AsyncWebClient(
        token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url
    )
    app = AsyncApp(
        client=client,
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        process_before_response=True,
    )

    @app.command("/rolefit")
    async def echo(ack: AsyncAck, command: dict[str, str]) -> None:
        await ack(f"heard: {command['text']}")

    @app.event("message")
    async def post_back(event: dict[str, str], say: AsyncSay) -> None:
        await say(f"heard: {event['text']}")

    return app


def test_requests_reach_the_app_and_its_calls_reach_the_stand_in() -> None:
    with LiveRoleFit(app_factory=echo_app) as live:
        status, _, body = live.post(live.requests.slash_command("ping"))
        assert (status, body) == (200, b"heard: ping")
        assert live.post(live.requests.dm("hello"))[0] == 200
        [post] = live.api.wait_for("chat.postMessage")
        assert post.body["text"] == "heard: hello" and post.authorized


def test_secrets_can_be_chosen_and_requests_follow_them() -> None:
    with LiveRoleFit(app_factory=echo_app, signing_secret="chosen-secret") as live:
        assert live.post(live.requests.slash_command("ping"))[0] == 200


def test_stopping_releases_the_port() -> None:
    with LiveRoleFit(app_factory=echo_app) as live:
        port = int(live.url.rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    with pytest.raises(ConnectionRefusedError):
        connection.request("GET", "/healthz")
