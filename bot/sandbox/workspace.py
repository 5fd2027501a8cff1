"""The Slack workspace the sandbox pretends to be, and the ids, timestamps, messages and views
Slack would make in it.

The Web API stand-in answers as this workspace, `SlackRequests` sends requests from it and the
console plays a person in it, so all three take their ids and shapes from here.
"""

from __future__ import annotations

import itertools
import time
from typing import Any

TEAM_ID = "T_ROLEFIT"
TEAM_DOMAIN = "rolefit-test"
APP_ID = "A_ROLEFIT"
BOT_USER_ID = "U_ROLEFIT"
BOT_ID = "B_ROLEFIT"
LEADER_ID = "U_LEADER"
GENERAL_ID = "C_GENERAL"
CONSOLE_USER_ID = "U_YOU"  # the person typing at `rolefit console`
# Who users.info says is a workspace admin (or owner): the console's person and the leader.
ADMIN_IDS = frozenset({CONSOLE_USER_ID, LEADER_ID, "U_ADMIN"})
# The verification token Slack still sends in payloads; apps must check the signature instead.
LEGACY_TOKEN = "legacy-verification-token"

Json = dict[str, Any]

# One counter for the process: event ids, trigger ids, timestamps and response URLs must never
# repeat, or an app that skips redelivered events would silently drop a "new" one.
_SERIAL = itertools.count(1)


def next_serial() -> int:
    return next(_SERIAL)


def new_ts() -> str:
    """A message timestamp as Slack writes it ("1700000000.000123"), unique in the process."""
    return f"{int(time.time())}.{next_serial():06d}"


def new_view_id() -> str:
    return f"V{next_serial():08d}"


def user_name(user_id: str) -> str:
    """The name Slack sends with a person's requests: "you" at the console, else the id in
    lower case ("u_leader")."""
    return "you" if user_id == CONSOLE_USER_ID else user_id.lower()


def dm_channel(user_id: str) -> str:
    """The DM channel between the app and a user: "U_LEADER" -> "D_LEADER"."""
    return "D" + user_id[1:]


def channel_name(channel_id: str) -> str:
    """Slack's name for a conversation: "general" for C_GENERAL, "directmessage" for a DM."""
    if channel_id.startswith("D"):
        return "directmessage"
    return channel_id.split("_", 1)[-1].lower()


def app_message(body: Json, ts: str) -> Json:
    """A message the app posted, as Slack holds it (in chat.postMessage's answer and in a click
    on it): the content the app sent plus the ids Slack adds."""
    message: Json = {
        "type": "message",
        "text": body.get("text", ""),
        "user": BOT_USER_ID,
        "bot_id": BOT_ID,
        "app_id": APP_ID,
        "team": TEAM_ID,
        "ts": ts,
    }
    for key in ("blocks", "attachments", "thread_ts", "metadata"):
        if key in body:
            message[key] = body[key]
    return message


def slack_view(view: Json, values: dict[str, Json] | None = None) -> Json:
    """A view as Slack holds it and echoes it in payloads: `view` (with the `id` and `hash` Slack
    gave it; a made-up view gets placeholders) plus the fields Slack adds. `values`, when given,
    become its `state.values`."""
    view_id = str(view.get("id") or "V_MODAL")
    held: Json = {
        "id": view_id,
        "team_id": TEAM_ID,
        "app_id": APP_ID,
        "bot_id": BOT_ID,
        "state": {"values": {}},
        "hash": "stand-in-hash",
        "root_view_id": view_id,
        "previous_view_id": None,
        "private_metadata": "",
        "callback_id": "",
        "external_id": "",
        "clear_on_close": False,
        "notify_on_close": False,
        **view,
    }
    if values is not None:
        held["state"] = {"values": values}
    return held
