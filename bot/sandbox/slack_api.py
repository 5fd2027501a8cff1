"""A loopback stand-in for Slack's Web API, so tests (and console mode) run the real app offline.

It is a real HTTP server (aiohttp, in its own thread and event loop, on 127.0.0.1 port 0) that the
app reaches through `SLACK_API_URL`, exactly as it reaches Slack. It records every call with its
parsed body, answers the methods RoleFit uses with Slack's response shapes (`web_api`), and can be
told to fail a method the way Slack does (`ok:false` errors, 429 with Retry-After, 500, slowness).
Tokens are never stored: a call only remembers whether it carried one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.sandbox.service import BackgroundService, LoopbackServer
from bot.sandbox.web_api import TOKEN_FIELD, Body, WebApiAnswers
from bot.sandbox.workspace import APP_ID, BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, next_serial

# The workspace's ids stay importable from here, where tests have always found them.
__all__ = [
    "APP_ID",
    "BOT_ID",
    "BOT_USER_ID",
    "TEAM_DOMAIN",
    "TEAM_ID",
    "BackgroundService",
    "FakeSlackApi",
    "RecordedCall",
]

# Form-encoded calls carry these as JSON strings; they are decoded so every body looks alike.
_JSON_FIELDS = ("blocks", "attachments", "view", "metadata")
_REDACTED = "(redacted)"


@dataclass(frozen=True)
class RecordedCall:
    """One request the app made: the method name, its parsed body, and its headers (redacted)."""

    method: str
    body: Body
    headers: dict[str, str]
    path: str
    authorized: bool
    """Whether the call carried a token (Authorization header or `token` field); never the token."""
    received_at: float = field(default_factory=time.perf_counter)
    team: str | None = None
    """The workspace whose token made the call (None for a token this stand-in never issued
    or knows); never the token itself."""
    response: Body = field(default_factory=dict)
    """The stand-in's answer once sent (ids and ts it assigned), so a client can follow up."""


@dataclass
class _Override:
    """A canned answer that replaces the normal one for the next `remaining` calls."""

    remaining: int
    status: int
    body: Body
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class _Delay:
    remaining: int
    seconds: float


class FakeSlackApi(LoopbackServer):
    """Slack's Web API on loopback. Use `base_url` as SLACK_API_URL; inspect `calls` afterwards."""

    description = "the Slack Web API stand-in"

    def __init__(self) -> None:
        super().__init__()
        self._condition = threading.Condition()
        self._calls: list[RecordedCall] = []
        self._overrides: defaultdict[str, deque[_Override]] = defaultdict(deque)
        self._delays: defaultdict[str, deque[_Delay]] = defaultdict(deque)
        self._subscribers: list[Callable[[RecordedCall], None]] = []
        self._answers = WebApiAnswers(lambda: self.url.replace("http://", "ws://") + "/socket-mode")
        self._sockets: list[web.WebSocketResponse] = []

    def add_routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/api/{method}", self._handle_api)
        app.router.add_post("/response/{name}", self._handle_response_url)
        app.router.add_get("/socket-mode", self._handle_socket_mode)

    # -- addresses ---------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The Web API base, in `WebClient(base_url=...)` form: use it as SLACK_API_URL."""
        return f"{self.url}/api/"

    def response_url(self, name: str = "r1") -> str:
        """A `response_url` on the stand-in; posts to it are recorded as method "response_url"."""
        return f"{self.url}/response/{name}"

    # -- what the app did --------------------------------------------------------------------

    @property
    def calls(self) -> list[RecordedCall]:
        """Every call so far, oldest first (a snapshot)."""
        with self._condition:
            return list(self._calls)

    def calls_to(self, method: str) -> list[RecordedCall]:
        """The calls to one method, oldest first."""
        return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[RecordedCall]:
        """Block until `count` calls to `method` arrived (work done after the ack lands later)."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while True:
                matching = [call for call in self._calls if call.method == method]
                remaining = deadline - time.monotonic()
                if len(matching) >= count or remaining <= 0:
                    break
                self._condition.wait(remaining)
        if len(matching) < count:
            seen = ", ".join(call.method for call in self.calls) or "nothing"
            raise TimeoutError(
                f"expected {count} call(s) to {method} within {timeout}s, got {len(matching)}; "
                f"the app called: {seen}"
            )
        return matching

    def subscribe(self, callback: Callable[[RecordedCall], None]) -> None:
        """Call `callback(call)` as each call arrives (on the stand-in's thread; keep it quick)."""
        with self._condition:
            self._subscribers.append(callback)

    def reset(self) -> None:
        """Forget recorded calls and pending failures (for reuse across scenarios)."""
        with self._condition:
            self._calls.clear()
            self._overrides.clear()
            self._delays.clear()

    # -- Socket Mode ---------------------------------------------------------------------------

    def socket_mode_push(
        self, kind: str, payload: Body, *, accepts_response_payload: bool = False
    ) -> str:
        """Deliver an envelope ("events_api", "slash_commands", "interactive") to the connected
        Socket Mode client; its ack is recorded as method "socket_mode.ack". Returns the id."""
        envelope_id = f"envelope-{next_serial()}"
        envelope = {
            "envelope_id": envelope_id,
            "type": kind,
            "payload": payload,
            "accepts_response_payload": accepts_response_payload,
            "retry_attempt": 0,
            "retry_reason": "",
        }
        with self._condition:
            if not self._sockets or self._loop is None:
                raise RuntimeError("no Socket Mode client is connected")
            socket_ = self._sockets[-1]
        asyncio.run_coroutine_threadsafe(socket_.send_json(envelope), self._loop).result(5)
        return envelope_id

    async def _handle_socket_mode(self, request: web.Request) -> web.WebSocketResponse:
        held: _Delay | None = self._take(self._delays, "socket_mode.connect")
        if held is not None:  # a socket that does not answer (for a while)
            await asyncio.sleep(held.seconds)
        websocket = web.WebSocketResponse()
        await websocket.prepare(request)
        with self._condition:
            self._sockets.append(websocket)
        self._record("socket_mode.connect", {}, request)  # after: a waiter may push at once
        await websocket.send_json(
            {"type": "hello", "num_connections": 1, "connection_info": {"app_id": APP_ID}}
        )
        try:
            async for message in websocket:
                with contextlib.suppress(ValueError):
                    self._record("socket_mode.ack", json.loads(message.data), request)
        finally:
            with self._condition:
                self._sockets.remove(websocket)
        return websocket

    # -- programmable failures ---------------------------------------------------------------

    # -- installing in workspaces (OAuth) -----------------------------------------------------

    def install_code(self, team: str, *, expires_in: int | None = None) -> str:
        """The `code` Slack would send back when someone in workspace `team` approves the
        install; oauth.v2.access exchanges it (once) for that workspace's bot token. With
        `expires_in` the workspace has token rotation on: the token expires after that many
        seconds and comes with a refresh token."""
        return self._answers.install_code(team, expires_in=expires_in)

    def fail(self, method: str, error: str, times: int = 1) -> None:
        """Answer the next `times` calls with HTTP 200 `{"ok": false, "error": error}`."""
        self._override(method, times, 200, {"ok": False, "error": error})

    def rate_limit(self, method: str, retry_after: int = 1, times: int = 1) -> None:
        """Answer the next `times` calls with 429, Retry-After and `ratelimited`, as Slack does."""
        headers = {"Retry-After": str(retry_after)}
        self._override(method, times, 429, {"ok": False, "error": "ratelimited"}, headers)

    def server_error(self, method: str, times: int = 1) -> None:
        """Answer the next `times` calls with HTTP 500."""
        self._override(method, times, 500, {"ok": False, "error": "fatal_error"})

    def delay(self, method: str, seconds: float, times: int = 1) -> None:
        """Hold the next `times` answers for `seconds` (the call is recorded on arrival)."""
        with self._condition:
            self._delays[method].append(_Delay(times, seconds))

    def _override(
        self,
        method: str,
        times: int,
        status: int,
        body: Body,
        headers: dict[str, str] | None = None,
    ) -> None:
        with self._condition:
            self._overrides[method].append(_Override(times, status, body, headers or {}))

    def _take(self, queues: defaultdict[str, deque[Any]], method: str) -> Any:
        """Consume one use of the oldest pending rule for `method`, if any."""
        with self._condition:
            pending = queues.get(method)
            if not pending:
                return None
            rule = pending[0]
            rule.remaining -= 1
            if rule.remaining <= 0:
                pending.popleft()
            return rule

    # -- HTTP --------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        try:
            body = await _parse_body(request)
        except ValueError:
            self._record(method, {}, request)
            return web.json_response({"ok": False, "error": "invalid_json"})
        call = self._record(method, body, request)
        token = _bearer(request) or str(body.get("token") or "")
        canned = await self._canned(method)
        if canned is not None:
            return canned
        answer = self._answers.methods.get(method)
        if answer is None:
            return web.json_response({"ok": False, "error": "unknown_method"})
        if not call.authorized:
            return web.json_response({"ok": False, "error": "not_authed"})
        call.response.update(answer({**body, TOKEN_FIELD: token}))
        return web.json_response(call.response)

    async def _handle_response_url(self, request: web.Request) -> web.Response:
        try:
            body = await _parse_body(request)
        except ValueError:
            body = {}
        self._record("response_url", body, request)
        canned = await self._canned("response_url")
        return canned or web.json_response({"ok": True})

    async def _canned(self, method: str) -> web.Response | None:
        delay: _Delay | None = self._take(self._delays, method)
        if delay is not None:
            await asyncio.sleep(delay.seconds)
        override: _Override | None = self._take(self._overrides, method)
        if override is None:
            return None
        return web.json_response(override.body, status=override.status, headers=override.headers)

    def _record(self, method: str, body: Body, request: web.Request) -> RecordedCall:
        headers = {
            name: _REDACTED if name.lower() == "authorization" else value
            for name, value in request.headers.items()
        }
        authorized = "Authorization" in request.headers or bool(body.get("token"))
        team = self._answers.team_of(_bearer(request) or str(body.get("token") or ""))
        if "token" in body:
            body["token"] = _REDACTED
        call = RecordedCall(method, body, headers, request.path, authorized, team=team)
        with self._condition:
            self._calls.append(call)
            self._condition.notify_all()
            subscribers = list(self._subscribers)
        for callback in subscribers:
            callback(call)
        return call


def _bearer(request: web.Request) -> str:
    return request.headers.get("Authorization", "").removeprefix("Bearer ").strip()


async def _parse_body(request: web.Request) -> Body:
    """Merge query parameters with a JSON or form body, as Slack accepts both; ValueError if bad."""
    body: Body = dict(request.query)
    if request.content_type == "application/json":
        raw = await request.text()
        if raw:
            parsed = json.loads(raw)
            if not isinstance(parsed, dict):
                raise ValueError("a JSON body must be an object")
            body.update(parsed)
    elif request.can_read_body:
        form = await request.post()
        body.update({key: value for key, value in form.items() if isinstance(value, str)})
        for key in _JSON_FIELDS:
            if isinstance(body.get(key), str):
                with contextlib.suppress(ValueError):
                    body[key] = json.loads(body[key])
    return body
