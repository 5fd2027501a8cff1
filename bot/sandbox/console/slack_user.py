"""What the person does in Slack, sent to RoleFit as the signed request Slack would send.

Every request goes through the app's real front door over HTTP, built by the same
`SlackRequests` the tests use; after each one the console waits until RoleFit has finished all
it started, then shows what it sent. Nothing here knows how RoleFit answers.
"""

from __future__ import annotations

import json
import re
from typing import Any, Protocol

from bot.sandbox.console.form import NAMED_PERSON, person_id
from bot.sandbox.console.screen import DM_CHANNEL, USER_ID, Message, OpenView, Screen
from bot.sandbox.console.transcript import Transcript
from bot.sandbox.payloads import SignedRequest, SlackRequests
from bot.sandbox.slack_api import FakeSlackApi
from bot.sandbox.workspace import BOT_USER_ID, app_message, new_ts

Json = dict[str, Any]

# How long RoleFit may keep working on one input before the prompt comes back anyway.
WORK_TIMEOUT = 10.0


class LiveApp(Protocol):
    """What the console needs of the running app (bot.sandbox.live.LiveRoleFit provides it)."""

    @property
    def api(self) -> FakeSlackApi: ...

    @property
    def requests(self) -> SlackRequests: ...

    def post(self, signed: SignedRequest) -> tuple[int, Any, bytes]: ...

    def wait_until_idle(self, timeout: float = 5.0) -> None: ...


class SlackUser:
    """The person as Slack's client: messages, commands, clicks, submissions, Cancel."""

    def __init__(self, live: LiveApp, screen: Screen, transcript: Transcript) -> None:
        self.live = live
        self.requests = live.requests
        self.screen = screen
        self.transcript = transcript
        self.seen = len(live.api.calls)

    def open_home(self) -> None:
        """Open the Home tab: Slack sends app_home_opened (with the view, once there is one)."""
        home = self.screen.home.payload() if self.screen.home is not None else None
        self._send(self.requests.home_opened(user_id=USER_ID, view=home), "event")
        self._settle()
        if self.screen.home is None:
            self.transcript.note("(RoleFit has no Home tab to show)")

    def say(self, text: str) -> None:
        """A message where the person is: a DM, or a channel message (heard if it mentions)."""
        channel = self.screen.channel
        escaped = _as_slack_sends(text)
        if channel == DM_CHANNEL:
            signed = self.requests.dm(escaped, user_id=USER_ID)
        elif re.search(r"@rolefit\b", text, re.IGNORECASE):
            mention = re.sub(r"@rolefit\b", f"<@{BOT_USER_ID}>", escaped, flags=re.IGNORECASE)
            signed = self.requests.mention(mention, user_id=USER_ID, channel_id=channel)
        else:
            self.transcript.note("Posted. RoleFit only hears @RoleFit mentions in a channel.")
            return
        self._send(signed, "event")
        self._settle(expect_reply=True)

    def slash(self, command: str, text: str) -> None:
        """A slash command; an answer in its acknowledgement is shown as Slack shows it."""
        channel = self.screen.channel
        response_url = self.screen.posts_to(self.requests.next_response_url(), channel)
        signed = self.requests.slash_command(
            self._picked_people(_as_slack_sends(text)),
            user_id=USER_ID,
            channel_id=channel,
            command=command,
            response_url=response_url,
        )
        body = self._send(signed, "slash_command")
        if isinstance(body, dict) and (body.get("text") or body.get("blocks")):
            in_channel = body.get("response_type") == "in_channel"
            shown = self.transcript.message(channel, body, ephemeral=not in_channel, ts=new_ts())
            self.screen.posts_to(response_url, channel, shown)
        self._settle()

    def _picked_people(self, text: str) -> str:
        """`@dana` as Slack sends a person picked from its list (escaping on): `<@UDANA|dana>`.
        The console's workspace has whoever you name; the screen shows them by that name."""

        def picked(found: re.Match[str]) -> str:
            name = found.group(1)
            user_id = person_id(name)
            self.screen.names.users[user_id] = name
            return f"<@{user_id}|{name}>"

        return NAMED_PERSON.sub(picked, text)

    def click(self, number_text: str) -> bool:
        """Click button N; False (and a note) when there is no such button on screen."""
        number = self.screen.button_number(number_text.strip())
        clickable = self.screen.clickables.get(number)
        if clickable is None:
            self.transcript.note(
                f"Button {number} is no longer on screen."
                if number in self.screen.retired
                else f"There is no button {number_text.strip() or '?'}."
            )
            return False
        view = self.screen.view(clickable.view_id) if clickable.view_id else None
        action = clickable.control.action(new_ts())
        if view is not None:
            signed = self.requests.block_action(
                action["action_id"],
                action=action,
                view=view.payload(),
                user_id=USER_ID,
            )
        elif clickable.message is not None:
            signed = self._message_click(action, clickable.message)
        else:
            self.transcript.note(f"Button {number} was in a form that is closed now.")
            return False
        self._send(signed, "block_actions")
        self._settle()
        return True

    def _message_click(self, action: Json, message: Message) -> SignedRequest:
        response_url = self.requests.next_response_url()
        return self.requests.block_action(
            action["action_id"],
            action=action,
            channel_id=message.channel,
            message=app_message(message.body, message.ts),
            ephemeral=message.ephemeral,
            response_url=self.screen.posts_to(response_url, message.channel, message),
            user_id=USER_ID,
        )

    def submit(self, view: OpenView) -> None:
        """Submit the form; RoleFit's acknowledgement decides what the form does next."""
        signed = self.requests.view_submission(
            view.payload(), view.form.state_values(), user_id=USER_ID
        )
        body = self._send(signed, "view_submission")
        reply = body if isinstance(body, dict) else {}
        action = reply.get("response_action")
        if action == "errors":
            self._show_errors(
                view, {str(k): str(v) for k, v in (reply.get("errors") or {}).items()}
            )
        elif action == "update":
            self.screen.replace_modal(reply["view"], view.hash)
        elif action == "clear":
            self.close("closed")
        elif action is None:
            self.screen.close_modal()
            self.transcript.note("(form submitted and closed)")
        else:  # RoleFit answers only with errors or update; anything else is shown, not played
            self.close(f"closed: RoleFit answered response_action “{action}”")
        self._settle()

    def _show_errors(self, view: OpenView, errors: dict[str, str]) -> None:
        """Ask again from the first field RoleFit refused, with its messages (Slack shows them
        so): the fields after it too, since the fix may be in one of them ("pick a piece of
        work, or describe it under 'Anything else?'")."""
        order = [q.block_id for q in view.form.questions]
        asked = [block for block in order if block in errors]
        view.errors = errors
        view.pending = order[order.index(asked[0]) :] if asked else order
        unplaced = [message for block, message in errors.items() if block not in asked]
        if unplaced:
            self.transcript.warn(" ".join(unplaced))

    def close(self, how: str, *, notify: bool = False) -> None:
        """Close the form; with Cancel (`notify`), Slack tells the app if the view asked."""
        modal = self.screen.modal
        if notify and modal is not None and modal.form.view.get("notify_on_close"):
            signed = self.requests.view_closed(modal.payload(), user_id=USER_ID)
            self._send(signed, "view_closed")
        self.screen.close_modal()
        self.transcript.note(f"(form {how})")
        self._settle()

    def _send(self, signed: SignedRequest, kind: str) -> Json | str | None:
        """Post a signed request to the app; its response body (JSON, text or nothing)."""
        status, _headers, raw = self.live.post(signed)
        text = raw.decode("utf-8", "replace") if raw else ""
        try:
            body: Json | str | None = json.loads(text) if text else None
        except ValueError:
            body = text
        self.transcript.ack(kind, status, body)
        return body

    def _settle(self, *, expect_reply: bool = False) -> None:
        """Wait until RoleFit has finished all it started (its lazy listeners included), then
        show what it sent."""
        try:
            self.live.wait_until_idle(WORK_TIMEOUT)
        except TimeoutError:
            self.transcript.note(f"(RoleFit is still working after {WORK_TIMEOUT:g}s)")
        calls = self.live.api.calls
        new, self.seen = calls[self.seen :], len(calls)
        self.transcript.calls(new, expect_reply=expect_reply)


def _as_slack_sends(text: str) -> str:
    """What Slack delivers for typed text: &, < and > escaped, @here/@channel/@everyone as
    special mentions (so the app's own escaping is exercised the way real users exercise it)."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"(?<![\w@])@(here|channel|everyone)\b", r"<!\1>", escaped)
