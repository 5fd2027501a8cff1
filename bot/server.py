"""How RoleFit is served: Bolt's AsyncApp as ASGI under uvicorn (uvloop + httptools), one process.

Why: on this 2-core machine, served this way, RoleFit answers ~5,500 signed slash commands/s at
concurrency 32 with a p99 near 11 ms (a bare async Bolt app: ~7,800/s; benchmarks/serve.py
prints today's figures), where sync Bolt under gunicorn managed 550-900/s with a p99 near 140 ms
and Bolt's development server erred (the issue's measurements). The ASGI wrapper adds what
Bolt's own adapter lacks: `GET /healthz` for health checks, the signature check *before* the body
is decoded (CONTRACT §4), a 400 (never a 500) for a signed body Bolt cannot route, and one shared
Web API connection pool.
"""

from __future__ import annotations

import asyncio
import contextlib
import copyreg
import hashlib
import hmac
import logging
import signal
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, MutableMapping
from typing import Any

import aiohttp
import uvicorn
from slack_bolt.adapter.asgi.async_handler import AsyncSlackRequestHandler
from slack_bolt.adapter.asgi.http_request import AsgiHttpRequest
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_bolt.response import BoltResponse

Scope = dict[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
AsgiApp = Callable[[Scope, Receive, Send], Awaitable[None]]

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
# Slack's largest payloads (a modal's whole state) are tens of kilobytes; refuse anything absurd.
MAX_BODY_BYTES = 1 << 20
# Slack's replay window (CONTRACT §4).
MAX_SIGNATURE_AGE_SECONDS = 300
SLASH_COMMAND_FIELDS = ("command", "text", "team_id", "channel_id", "user_id")

logger = logging.getLogger(__name__)


def create_asgi_app(bolt_app: AsyncApp, *, signing_secret: str) -> AsgiApp:
    """The ASGI app: POST /slack/events goes to Bolt, GET /healthz answers 200, the rest 404."""
    bolt_handler = _GuardedSlackRequestHandler(bolt_app, signing_secret)

    async def asgi_app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _run_lifespan(bolt_app, receive, send)
        elif scope["type"] == "http" and scope["path"] == HEALTH_PATH and scope["method"] == "GET":
            await _respond_ok(send)
        else:
            await bolt_handler(scope, receive, send)

    return asgi_app


async def _run_lifespan(bolt_app: AsyncApp, receive: Receive, send: Send) -> None:
    """Hold one Web API connection pool for the server's life (see `shared_http_session`)."""
    await receive()  # lifespan.startup
    async with shared_http_session(bolt_app):
        await send({"type": "lifespan.startup.complete"})
        await receive()  # lifespan.shutdown
    await send({"type": "lifespan.shutdown.complete"})


@contextlib.asynccontextmanager
async def shared_http_session(bolt_app: AsyncApp) -> AsyncIterator[None]:
    """Give the app's Web API client one keep-alive aiohttp session while the loop runs.

    Without it the SDK opens and closes a session, so a TCP (and, against Slack, a TLS)
    connection, for every call: ~1 ms of CPU per call on loopback, a full handshake with
    slack.com. Bolt passes this session on to the client it builds for each request.
    """
    client = bolt_app.client
    if client.session is not None:
        yield
        return
    session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=client.timeout))
    client.session = session
    try:
        yield
    finally:
        client.session = None
        await session.close()


def _share_when_copied(session: aiohttp.ClientSession) -> str:
    """copyreg reducer: a str result makes copy.deepcopy return the object itself."""
    return "aiohttp.ClientSession"


# Bolt deep-copies each request (its context holds the Web API client) for lazy listeners; a
# connection pool cannot be copied, and must not be: every copy shares the one session.
copyreg.pickle(aiohttp.ClientSession, _share_when_copied)


class _GuardedSlackRequestHandler(AsyncSlackRequestHandler):
    """Bolt's ASGI handler, hardened: 413 for huge bodies, 401 before parsing, 400 if unparsable.

    Bolt parses the body before its signature middleware runs, so a malformed JSON body or a
    `payload=` that is not JSON would escape as an exception (a 500) even when unsigned.
    """

    def __init__(self, app: AsyncApp, signing_secret: str) -> None:
        super().__init__(app, path=EVENTS_PATH)
        self._secret = signing_secret.encode()

    async def dispatch(self, request: AsgiHttpRequest) -> BoltResponse:
        body = await _read_body(request.receive)
        if body is None:
            return _error(413, "request body too large")
        headers = request.get_headers()
        if not _is_signed_by_slack(self._secret, body, headers):
            logger.info("refused a request with a missing, stale or invalid signature")
            return _error(401, "invalid request")
        try:
            bolt_request = AsyncBoltRequest(
                body=body.decode("utf-8"), query=request.query_string, headers=headers
            )
        except Exception:  # anything Bolt cannot turn into a request is a malformed body
            logger.warning("refused a signed request whose body could not be parsed")
            return _error(400, "malformed request body")
        if not _has_slack_shape(bolt_request.body):
            logger.warning("refused a signed request whose body is not shaped like Slack's")
            return _error(400, "malformed request body")
        return await self.app.async_dispatch(bolt_request)


def _has_slack_shape(body: object) -> bool:
    """The fields Bolt's routing indexes without checking are there and of the right type."""
    if not isinstance(body, dict):
        return False
    if "event" in body and not (
        isinstance(body["event"], dict) and isinstance(body["event"].get("type"), str)
    ):
        return False
    if "view" in body:
        view = body["view"]
        if not isinstance(view, dict):
            return False
        # Bolt reads a view's type whenever it has a callback_id, and matches the id as a string.
        if "callback_id" in view and not (
            isinstance(view["callback_id"], str) and isinstance(view.get("type"), str)
        ):
            return False
    if body.get("type") == "block_actions":
        actions = body.get("actions")
        if not isinstance(actions, list) or not all(
            isinstance(action, dict) and isinstance(action.get("action_id"), str)
            for action in actions
        ):
            return False
    if "command" in body:  # a slash command carries all of CONTRACT §2's fields
        return all(isinstance(body.get(key), str) for key in SLASH_COMMAND_FIELDS)
    if body.get("type") in ("shortcut", "message_action"):
        return isinstance(body.get("callback_id"), str)
    return True


def _is_signed_by_slack(secret: bytes, body: bytes, headers: Mapping[str, Any]) -> bool:
    """CONTRACT §4 over the raw bytes: fresh timestamp, then HMAC-SHA256 of v0:ts:body."""
    timestamp = str(headers.get("x-slack-request-timestamp", ""))
    signature = str(headers.get("x-slack-signature", ""))
    if not timestamp.isdigit() or not signature:
        return False
    if abs(time.time() - int(timestamp)) > MAX_SIGNATURE_AGE_SECONDS:
        return False
    base = b"v0:" + timestamp.encode() + b":" + body
    expected = "v0=" + hmac.new(secret, base, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


async def _read_body(receive: Callable[[], Awaitable[Any]]) -> bytes | None:
    """The whole request body, or None once it grows past MAX_BODY_BYTES."""
    chunks = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away; nothing to answer
            return bytes(chunks)
        chunks.extend(message.get("body", b""))
        if len(chunks) > MAX_BODY_BYTES:
            return None
        if not message.get("more_body", False):
            return bytes(chunks)


def _error(status: int, message: str) -> BoltResponse:
    return BoltResponse(status=status, body={"error": message})


async def _respond_ok(send: Send) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", b"2")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b"ok"})


# -- serving -------------------------------------------------------------------------------


def bind_socket(host: str, port: int) -> socket.socket:
    """Bind before uvicorn starts, so port 0 becomes a real port we can announce."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


class _AnnouncingServer(uvicorn.Server):
    """uvicorn's server, calling `on_ready` once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started:
            self._on_ready()


def build_server(
    asgi_app: AsgiApp, *, on_ready: Callable[[], None], configure_logging: bool = True
) -> uvicorn.Server:
    """uvicorn on uvloop + httptools, access log off (quiet by default; tokens never appear)."""
    config = uvicorn.Config(
        asgi_app,
        loop="uvloop",
        http="httptools",
        lifespan="on",
        access_log=False,
        log_level="warning",
        log_config=uvicorn.config.LOGGING_CONFIG if configure_logging else None,
        server_header=False,
        timeout_graceful_shutdown=5,
    )
    return _AnnouncingServer(config, on_ready)


def serve(asgi_app: AsgiApp, host: str, port: int) -> None:
    """Serve until interrupted, printing "RoleFit listening on http://HOST:PORT" once bound."""
    sock = bind_socket(host, port)
    bound_port = sock.getsockname()[1]
    shown_host = f"[{host}]" if ":" in host else host

    def announce() -> None:
        print(f"RoleFit listening on http://{shown_host}:{bound_port}", flush=True)

    with sock:
        build_server(asgi_app, on_ready=announce).run(sockets=[sock])


def run_socket_mode(bolt_app: AsyncApp, app_token: str) -> None:
    """Socket Mode: the same app, fed over Slack's WebSocket instead of public HTTP."""
    import uvloop
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

    async def run() -> None:
        # The SDK retries a refused connection forever; ask once first so a bad token is one
        # clear error (SlackApiError) instead of an endless retry log.
        await bolt_app.client.apps_connections_open(app_token=app_token)
        handler = AsyncSocketModeHandler(bolt_app, app_token)
        stop = asyncio.Event()
        for signal_number in (signal.SIGINT, signal.SIGTERM):
            asyncio.get_running_loop().add_signal_handler(signal_number, stop.set)
        async with shared_http_session(bolt_app):
            await handler.connect_async()  # type: ignore[no-untyped-call]  # untyped in slack_bolt
            print("RoleFit connected to Slack in Socket Mode", flush=True)
            try:
                await stop.wait()
            finally:
                await handler.close_async()  # type: ignore[no-untyped-call]

    uvloop.run(run())
