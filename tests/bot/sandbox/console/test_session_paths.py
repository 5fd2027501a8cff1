"""The console's Slack behaviours that RoleFit's own flows reach only now and then — field errors,
a view replaced in the acknowledgement, a cleared form, views.update with its hash, a message
replaced through its response_url — played against a tiny Bolt app served by the same harness, so
each path is pinned down whatever RoleFit's listeners do."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.sandbox.console.mrkdwn import Style
from bot.sandbox.console.session import Session
from bot.sandbox.console.terminal import Output, ScriptLines
from bot.sandbox.live import LiveRoleFit
from bot.settings import SlackSettings


def _plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def _name_view(title: str) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": "name",
        "title": _plain(title),
        "submit": _plain("Next"),
        "blocks": [
            {
                "type": "actions",
                "block_id": "tools",
                "elements": [{"type": "button", "action_id": "refresh", "text": _plain("Refresh")}],
            },
            {
                "type": "input",
                "block_id": "name",
                "label": _plain("Your name"),
                "element": {"type": "plain_text_input", "action_id": "name"},
            },
        ],
    }


CONFIRM_VIEW = {
    "type": "modal",
    "callback_id": "confirm",
    "title": _plain("Confirm"),
    "submit": _plain("Post it"),
    "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "Ready to *post*?"}}],
}


def _message(text: str, button: str) -> dict[str, Any]:
    return {
        "text": text,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": text}},
            {
                "type": "actions",
                "elements": [{"type": "button", "action_id": "edit", "text": _plain(button)}],
            },
        ],
    }


def demo_app(settings: SlackSettings) -> AsyncApp:
    app = AsyncApp(
        client=AsyncWebClient(
            token=settings.slack_bot_token.get_secret_value(), base_url=settings.slack_api_url
        ),
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        process_before_response=True,
    )

    @app.command("/rolefit")
    async def open_form(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        await client.views_open(trigger_id=body["trigger_id"], view=_name_view("Your name"))

    @app.action("refresh")
    async def refresh(ack: AsyncAck, body: dict[str, Any], client: AsyncWebClient) -> None:
        await ack()
        view = body["view"]
        await client.views_update(
            view_id=view["id"], hash=view["hash"], view=_name_view("Refreshed")
        )

    @app.view("name")
    async def check_name(ack: AsyncAck, view: dict[str, Any]) -> None:
        name = view["state"]["values"]["name"]["name"]["value"]
        if name == "nobody":
            await ack(response_action="errors", errors={"name": "Nobody is not a name."})
        elif name == "push":  # RoleFit never sends it, so the console does not play it
            await ack(response_action="push", view=CONFIRM_VIEW)
        else:
            await ack(response_action="update", view=CONFIRM_VIEW)

    @app.view("confirm")
    async def post(ack: AsyncAck, client: AsyncWebClient) -> None:
        await ack(response_action="clear")
        await client.chat_postMessage(channel="C_GENERAL", **_message("Posted!", "Edit"))

    @app.action("edit")
    async def edit(ack: AsyncAck, respond: AsyncRespond) -> None:
        await ack()
        await respond(replace_original=True, **_message("Edited.", "Again"))

    return app


@pytest.fixture(scope="module")
def live() -> Iterator[LiveRoleFit]:
    with LiveRoleFit(app_factory=demo_app) as running:
        yield running


def play(live: LiveRoleFit, lines: list[str]) -> str:
    out = io.StringIO()
    output = Output(out, Style.plain(), secrets=[])
    script = ScriptLines(io.StringIO("".join(f"{line}\n" for line in lines)), None)
    Session(live, script, output).run()
    return out.getvalue()


def test_errors_update_clear_and_an_edited_message(live: LiveRoleFit) -> None:
    out = play(live, ["/rolefit", "nobody", "Ada", "", ":click Edit", "2"])
    assert "⚠ Nobody is not a name." in out
    assert out.count("Your name") >= 3  # the form, its question, the question asked again
    assert "== Form: Confirm ==" in out and "Ready to post?" in out
    assert "(form closed)" in out
    assert "RoleFit · #general\n  Posted!" in out
    assert "RoleFit · #general · edited\n  Edited." in out
    assert "Button 2 is no longer on screen." in out  # the edit replaced the first Edit button


def test_a_response_action_the_console_does_not_play_closes_the_form_and_says_so(
    live: LiveRoleFit,
) -> None:
    out = play(live, ["/rolefit", "push", "/nothing"])
    assert "(form closed: RoleFit answered response_action “push”)" in out
    assert "/nothing is not a command RoleFit knows here" in out  # back at the chat prompt


def test_a_button_in_a_form_updates_it_and_keeps_the_answer(live: LiveRoleFit) -> None:
    out = play(live, ["/rolefit", ":click Refresh", "", ""])
    assert "== Form: Refreshed ==" in out  # views.update passed the stand-in's hash check
    assert "RoleFit called" not in out


def test_cancel_closes_the_form(live: LiveRoleFit) -> None:
    out = play(live, ["/rolefit", ":cancel", "/nothing"])
    assert "(form cancelled)" in out
    assert "/nothing is not a command RoleFit knows here" in out
