"""What Slack's Web API answers to each method RoleFit calls, for the loopback stand-in.

`FakeSlackApi` decides when a call fails (on request) and records it; a call that succeeds gets
its answer here, in the shapes and with the error codes of https://api.slack.com/methods.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from bot.sandbox.workspace import (
    ADMIN_IDS,
    APP_ID,
    BOT_ID,
    BOT_USER_ID,
    TEAM_DOMAIN,
    TEAM_ID,
    app_message,
    channel_name,
    dm_channel,
    new_ts,
    new_view_id,
    next_serial,
    slack_view,
)

Body = dict[str, Any]
Answer = Callable[[Body], Body]
# The caller's token reaches an answer under this key (never recorded, never echoed).
TOKEN_FIELD = "_token"


class WebApiAnswers:
    """Slack's successful answers (and its argument errors), keyed by method name."""

    def __init__(self, socket_mode_url: Callable[[], str]) -> None:
        self._lock = threading.Lock()
        self._views: dict[str, str] = {}  # view id -> current hash, for views.update
        self._codes: dict[str, str] = {}  # OAuth code -> the workspace approving the install
        self._tokens: dict[str, str] = {}  # bot token issued by oauth.v2.access -> its workspace
        self._refresh: dict[str, str] = {}  # refresh token (token rotation) -> its workspace
        self._expiring: dict[str, int] = {}  # workspace with token rotation -> first expires_in
        self._socket_mode_url = socket_mode_url
        # What the app posted, by channel, oldest first: conversations.history and .replies
        # read it back (a post the client gave up on still lands, as it may in Slack).
        self._posted: dict[str, list[Body]] = {}
        self.methods: dict[str, Answer] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "views.open": partial(self._views_create, "trigger_id"),
            "views.update": self._views_update,
            "views.publish": partial(self._views_create, "user_id"),
            "conversations.open": self._conversations_open,
            "conversations.join": self._conversations_info,
            "conversations.info": self._conversations_info,
            "conversations.history": self._conversations_history,
            "conversations.replies": self._conversations_replies,
            "apps.connections.open": self._apps_connections_open,
            "users.info": self._users_info,
            "oauth.v2.access": self._oauth_v2_access,
        }

    def install_code(self, team: str, *, expires_in: int | None = None) -> str:
        code = f"code-{team}-{next_serial()}"
        with self._lock:
            self._codes[code] = team
            if expires_in is not None:
                self._expiring[team] = expires_in
        return code

    def team_of(self, token: str) -> str | None:
        """The workspace a token belongs to: one issued here, else any other token is the
        default workspace's (single-workspace mode); None without a token."""
        if not token:
            return None
        with self._lock:
            return self._tokens.get(token, TEAM_ID)

    def _oauth_v2_access(self, body: Body) -> Body:
        """An install (a `code`), or with token rotation a refresh (`grant_type=refresh_token`):
        a new bot token for the workspace, and, where rotation is on, its refresh token and
        lifetime (https://api.slack.com/authentication/rotation)."""
        with self._lock:
            if body.get("grant_type") == "refresh_token":
                team = self._refresh.pop(str(body.get("refresh_token") or ""), None)
                expires_in: int | None = 12 * 60 * 60
            else:
                team = self._codes.pop(str(body.get("code") or ""), None)
                expires_in = None if team is None else self._expiring.get(team)
            if team is None:
                return {
                    "ok": False,
                    "error": "invalid_refresh_token" if "grant_type" in body else "invalid_code",
                }
            token = f"xoxb-{team}-{next_serial()}"
            self._tokens[token] = team
            rotation: Body = {}
            if expires_in is not None:
                refresh = f"xoxe-1-{team}-{next_serial()}"
                self._refresh[refresh] = team
                rotation = {"refresh_token": refresh, "expires_in": expires_in}
        return {
            **rotation,
            "ok": True,
            "app_id": APP_ID,
            "authed_user": {"id": f"U_INSTALLER_{team}"},
            "scope": "commands,chat:write",
            "token_type": "bot",
            "access_token": token,
            "bot_user_id": BOT_USER_ID,
            "team": {"id": team, "name": f"Workspace {team}"},
            "enterprise": None,
            "is_enterprise_install": False,
        }

    def _auth_test(self, body: Body) -> Body:
        return {
            "ok": True,
            "url": f"https://{TEAM_DOMAIN}.slack.com/",
            "team": "RoleFit Test",
            "user": "rolefit",
            "team_id": self.team_of(str(body.get(TOKEN_FIELD) or "")) or TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
            "is_enterprise_install": False,
        }

    def _chat_post_message(self, body: Body) -> Body:
        channel = str(body.get("channel") or "")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        if not any(body.get(key) for key in ("text", "blocks", "attachments")):
            return {"ok": False, "error": "no_text"}
        if channel[:1] in ("U", "W"):  # posting to a user id lands in their DM with the app
            channel = dm_channel(channel)
        ts = new_ts()
        message = app_message(body, ts)
        with self._lock:
            self._posted.setdefault(channel, []).append(message)
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _conversations_history(self, body: Body) -> Body:
        """The app's messages in a channel, newest first, after `oldest`; their metadata only
        with `include_all_metadata` (https://api.slack.com/methods/conversations.history)."""
        oldest = float(body.get("oldest") or 0)
        found = [m for m in self._posted_in(body) if float(m["ts"]) > oldest]
        limit = int(body.get("limit") or 100)
        return {"ok": True, "messages": _shown(found[::-1][:limit], body), "has_more": False}

    def _conversations_replies(self, body: Body) -> Body:
        """A thread's messages, its parent first (https://api.slack.com/methods/conversations.replies)."""
        thread = str(body.get("ts") or "")
        found = [m for m in self._posted_in(body) if thread in (m["ts"], m.get("thread_ts"))]
        return {"ok": True, "messages": _shown(found, body), "has_more": False}

    def _posted_in(self, body: Body) -> list[Body]:
        with self._lock:
            return list(self._posted.get(str(body.get("channel") or ""), []))

    def _chat_post_ephemeral(self, body: Body) -> Body:
        if not body.get("channel"):
            return {"ok": False, "error": "channel_not_found"}
        if not body.get("user"):
            return {"ok": False, "error": "user_not_found"}
        if not any(body.get(key) for key in ("text", "blocks", "attachments")):
            return {"ok": False, "error": "no_text"}
        return {"ok": True, "message_ts": new_ts()}

    def _new_view(self, view: Body, view_id: str | None = None) -> Body:
        """The view as Slack stores it, under a fresh hash that views.update must then quote."""
        view_id = view_id or new_view_id()
        view_hash = hashlib.sha1(f"{view_id}:{time.time_ns()}".encode()).hexdigest()[:20]
        with self._lock:
            self._views[view_id] = view_hash
        return slack_view({**view, "id": view_id, "hash": view_hash})

    def _views_create(self, required: str, body: Body) -> Body:
        """views.open (which needs a trigger_id) and views.publish (which needs a user_id)."""
        if not body.get(required) or not isinstance(body.get("view"), dict):
            return {"ok": False, "error": "invalid_arguments"}
        return {"ok": True, "view": self._new_view(body["view"])}

    def _views_update(self, body: Body) -> Body:
        view_id = body.get("view_id") or body.get("external_id")
        if not view_id or not isinstance(body.get("view"), dict):
            return {"ok": False, "error": "invalid_arguments"}
        with self._lock:
            current_hash = self._views.get(str(view_id))
        if body.get("hash") and current_hash is not None and body["hash"] != current_hash:
            return {"ok": False, "error": "hash_conflict"}
        return {"ok": True, "view": self._new_view(body["view"], str(view_id))}

    def _conversations_open(self, body: Body) -> Body:
        if body.get("channel"):
            return {
                "ok": True,
                "no_op": True,
                "already_open": True,
                "channel": {"id": body["channel"]},
            }
        users = [user for user in str(body.get("users") or "").split(",") if user]
        if not users:
            return {"ok": False, "error": "not_enough_users"}
        if len(users) > 8:
            return {"ok": False, "error": "too_many_users"}
        if len(users) == 1:
            channel_id = dm_channel(users[0])
        else:
            channel_id = "G" + hashlib.sha1(",".join(sorted(users)).encode()).hexdigest()[:10]
        return {"ok": True, "no_op": False, "already_open": False, "channel": {"id": channel_id}}

    def _users_info(self, body: Body) -> Body:
        user = str(body.get("user") or "")
        if user[:1] not in ("U", "W"):
            return {"ok": False, "error": "user_not_found"}
        admin = user in ADMIN_IDS
        return {
            "ok": True,
            "user": {
                "id": user,
                "team_id": TEAM_ID,
                "name": user.lower(),
                "is_admin": admin,
                "is_owner": admin,
                "is_primary_owner": False,
                "is_bot": False,
                "deleted": False,
            },
        }

    def _apps_connections_open(self, body: Body) -> Body:
        return {"ok": True, "url": self._socket_mode_url()}

    def _conversations_info(self, body: Body) -> Body:
        channel = str(body.get("channel") or "")
        if not channel:
            return {"ok": False, "error": "channel_not_found"}
        is_im = channel.startswith("D")
        return {
            "ok": True,
            "channel": {
                "id": channel,
                "name": "" if is_im else channel_name(channel),
                "is_channel": channel.startswith("C"),
                "is_group": channel.startswith("G"),
                "is_im": is_im,
                "is_private": not channel.startswith("C"),
                "is_archived": False,
                "is_member": True,
                "created": 1_700_000_000,
            },
        }


def _shown(messages: list[Body], body: Body) -> list[Body]:
    """Messages as a read returns them: without their metadata unless it was asked for."""
    if str(body.get("include_all_metadata", "")).lower() in ("1", "true"):
        return messages
    return [{k: v for k, v in message.items() if k != "metadata"} for message in messages]
