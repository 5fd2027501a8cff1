"""Requests shaped and signed the way Slack sends them, for driving the app over real HTTP.

Slash commands are form-encoded, events arrive as JSON `event_callback` envelopes, interactions
as a form field `payload=<json>`; each is signed (`signing`) so the app's real signature check
runs, and tests tamper with a `SignedRequest` to exercise the 401 path.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from typing import Any
from urllib.parse import urlencode

from bot.sandbox.signing import RequestSigner, SignedRequest
from bot.sandbox.workspace import (
    APP_ID,
    BOT_USER_ID,
    GENERAL_ID,
    LEADER_ID,
    LEGACY_TOKEN,
    TEAM_DOMAIN,
    TEAM_ID,
    Json,
    channel_name,
    dm_channel,
    new_ts,
    next_serial,
    slack_view,
    user_name,
)

# The ids requests are sent with stay importable from here, where callers have found them.
__all__ = ["GENERAL_ID", "LEADER_ID", "LEGACY_TOKEN", "SignedRequest", "SlackRequests"]

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


class SlackRequests(RequestSigner):
    """Builds correctly signed requests from one workspace (the one FakeSlackApi pretends to be).

    The tests and the console both build through here, so what the app is tested with is what
    a person at the console sends it.
    """

    def __init__(
        self,
        signing_secret: str,
        *,
        response_url_base: str = f"https://hooks.slack.com/commands/{TEAM_ID}/",
        team_id: str = TEAM_ID,
    ) -> None:
        super().__init__(signing_secret)
        self._response_url_base = response_url_base
        self.team_id = team_id  # the workspace every request comes from

    # -- slash commands (https://api.slack.com/interactivity/slash-commands) -----------------

    def slash_command(
        self,
        text: str,
        *,
        user_id: str = LEADER_ID,
        channel_id: str = GENERAL_ID,
        command: str = "/rolefit",
        response_url: str | None = None,
        trigger_id: str | None = None,
    ) -> SignedRequest:
        """A slash command as Slack posts it, form-encoded with every field Slack sends."""
        fields = {
            "token": LEGACY_TOKEN,
            "team_id": self.team_id,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel_id,
            "channel_name": channel_name(channel_id),
            "user_id": user_id,
            "user_name": user_name(user_id),
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url or self.next_response_url(),
            "trigger_id": trigger_id or self.next_trigger_id(),
        }
        return self.signed(urlencode(fields).encode(), FORM)

    def next_response_url(self) -> str:
        return f"{self._response_url_base}r{next_serial()}"

    def next_trigger_id(self) -> str:
        serial = next_serial()
        return f"{serial}.{TEAM_ID}.{hashlib.sha1(str(serial).encode()).hexdigest()[:24]}"

    # -- events (https://api.slack.com/apis/events-api) ---------------------------------------

    def event(
        self,
        event: Json,
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
    ) -> SignedRequest:
        """An Events API `event_callback` envelope around `event`."""
        envelope = _envelope(event, event_id or f"Ev{next_serial():08d}", self.team_id)
        request = self.signed(json.dumps(envelope).encode(), JSON)
        if retry_num is None:
            return request
        return self.retry(request, retry_num, retry_reason)

    def retry(
        self, request: SignedRequest, retry_num: int = 1, reason: str = "http_timeout"
    ) -> SignedRequest:
        """The same delivery again as Slack retries it: same body, retry headers, new signature."""
        return dataclasses.replace(
            request,
            headers={
                **request.headers,
                **self.sign(request.body),
                "X-Slack-Retry-Num": str(retry_num),
                "X-Slack-Retry-Reason": reason,
            },
        )

    def dm(self, text: str, *, user_id: str = LEADER_ID, **extra: Any) -> SignedRequest:
        """A direct message to the app (`message.im`); `extra` adds or overrides event fields."""
        ts = new_ts()
        event = {
            "type": "message",
            "channel": dm_channel(user_id),
            "user": user_id,
            "text": text,
            "ts": ts,
            "event_ts": ts,
            "channel_type": "im",
            **extra,
        }
        return self.event(event)

    def mention(
        self, text: str, *, user_id: str = LEADER_ID, channel_id: str = GENERAL_ID, **extra: Any
    ) -> SignedRequest:
        """An `app_mention`. Slack's text is the message as typed: `text` follows the bot's
        mention unless it already mentions the bot somewhere (as a person may type it)."""
        ts = new_ts()
        mention = f"<@{BOT_USER_ID}>"
        event = {
            "type": "app_mention",
            "user": user_id,
            "text": text if mention in text else f"{mention} {text}",
            "ts": ts,
            "channel": channel_id,
            "event_ts": ts,
            **extra,
        }
        return self.event(event)

    def home_opened(
        self, *, user_id: str = LEADER_ID, tab: str = "home", view: Json | None = None
    ) -> SignedRequest:
        """`app_home_opened`: the user opened RoleFit's Home or Messages tab; `view` is the Home
        view published before, which Slack includes when there is one."""
        event: Json = {
            "type": "app_home_opened",
            "user": user_id,
            "channel": dm_channel(user_id),
            "tab": tab,
            "event_ts": new_ts(),
        }
        if view is not None:
            event["view"] = slack_view(view)
        return self.event(event)

    def uninstalled(self) -> SignedRequest:
        """`app_uninstalled`: the workspace removed RoleFit."""
        return self.event({"type": "app_uninstalled", "event_ts": new_ts()})

    def tokens_revoked(self, *, bot: bool = True) -> SignedRequest:
        """`tokens_revoked`: the workspace revoked RoleFit's bot token (or only user tokens)."""
        tokens = {"bot": [BOT_USER_ID]} if bot else {"oauth": ["U_SOMEONE"]}
        return self.event({"type": "tokens_revoked", "tokens": tokens, "event_ts": new_ts()})

    # -- interactivity (https://api.slack.com/interactivity/handling#payloads) ----------------

    def interaction(self, payload: Json) -> SignedRequest:
        """Any interactivity payload, form-encoded as `payload=<json>`."""
        return self.signed(urlencode({"payload": json.dumps(payload)}).encode(), FORM)

    def block_action(
        self,
        action_id: str,
        value: str = "",
        *,
        block_id: str = "actions",
        user_id: str = LEADER_ID,
        channel_id: str = GENERAL_ID,
        message: Json | None = None,
        ephemeral: bool | None = None,
        view: Json | None = None,
        action: Json | None = None,
        response_url: str | None = None,
    ) -> SignedRequest:
        """A click on a message (default) or inside `view` (a modal or the Home tab).

        `action` is the whole `actions[0]` entry; by default a button with `action_id` and
        `value`. On a message, an ephemeral one (the default when no `message` is given) is left
        out of the payload as Slack leaves it out, though its ts and thread still place the
        click. A click in a view carries the view and its state, and no channel or response_url.
        """
        payload = self._interaction("block_actions", user_id)
        payload["actions"] = [action or _button(action_id, value, block_id)]
        if view is not None:
            held = slack_view(view)
            payload.update(
                container={"type": "view", "view_id": held["id"]}, view=held, state=held["state"]
            )
            return self.interaction(payload)
        message = message or {}
        ephemeral = not message if ephemeral is None else ephemeral
        ts = str(message.get("ts") or new_ts())
        container: Json = {
            "type": "message",
            "message_ts": ts,
            "channel_id": channel_id,
            "is_ephemeral": ephemeral,
        }
        if message.get("thread_ts"):
            container["thread_ts"] = message["thread_ts"]
        payload.update(
            container=container,
            channel={"id": channel_id, "name": channel_name(channel_id)},
            state={"values": {}},
            response_url=response_url or self.next_response_url(),
        )
        if not ephemeral:
            payload["message"] = message or {"type": "message", "ts": ts, "text": ""}
        return self.interaction(payload)

    def view_submission(
        self,
        view: Json,
        values: dict[str, Json],
        *,
        user_id: str = LEADER_ID,
    ) -> SignedRequest:
        """A modal's submission: `view` as the app sent it (with the `id` and `hash` Slack gave
        it, if known), `values` as its `state.values`."""
        payload = {
            **self._interaction("view_submission", user_id),
            "view": slack_view(view, values),
            "response_urls": [],
        }
        return self.interaction(payload)

    def view_closed(
        self,
        view: Json,
        *,
        user_id: str = LEADER_ID,
        is_cleared: bool = False,
    ) -> SignedRequest:
        """A modal closed with Cancel, sent only when the view asked with `notify_on_close`."""
        payload = {
            **self._interaction("view_closed", user_id),
            "view": slack_view(view),
            "is_cleared": is_cleared,
        }
        return self.interaction(payload)

    def _interaction(self, kind: str, user_id: str) -> Json:
        """What every interaction payload carries: who acted, where, and a fresh trigger_id."""
        name = user_name(user_id)
        return {
            "type": kind,
            "token": LEGACY_TOKEN,
            "api_app_id": APP_ID,
            "team": {"id": self.team_id, "domain": TEAM_DOMAIN},
            "user": {"id": user_id, "username": name, "name": name, "team_id": self.team_id},
            "enterprise": None,
            "is_enterprise_install": False,
            "trigger_id": self.next_trigger_id(),
        }


def _button(action_id: str, value: str, block_id: str) -> Json:
    """The `actions[0]` entry of a button click."""
    return {
        "type": "button",
        "action_id": action_id,
        "block_id": block_id,
        "value": value,
        "text": {"type": "plain_text", "text": action_id},
        "action_ts": new_ts(),
    }


def _envelope(event: Json, event_id: str, team_id: str) -> Json:
    """The `event_callback` Slack wraps every event in, authorized for RoleFit's bot user."""
    return {
        "token": LEGACY_TOKEN,
        "team_id": team_id,
        "api_app_id": APP_ID,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": team_id,
                "user_id": BOT_USER_ID,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        "is_ext_shared_channel": False,
    }
