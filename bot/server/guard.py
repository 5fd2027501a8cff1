"""The HTTP front door: an ASGI app that lets only Slack's own, well-formed requests reach Bolt.

Bolt's ASGI adapter decodes headers and parses the body before its signature middleware runs, so
a stray byte, an odd timestamp or a malformed body from anyone on the internet would escape as a
500. Here every request is read with a size cap, verified once on its raw bytes
(https://api.slack.com/authentication/verifying-requests-from-slack), and checked for the shape
Bolt's routing relies on, before Bolt sees it. `GET /healthz` says the process is alive;
`GET /readyz` whether it can reach Slack.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from typing import Any

import aiohttp
from slack_bolt.adapter.asgi.http_response import AsgiHttpResponse
from slack_bolt.async_app import AsyncApp, AsyncBoltRequest
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.response import BoltResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier

from bot.app import deps_of_app
from bot.delivery import TRANSIENT, error_code
from bot.store.store import STORE_FAILURES, cannot_use_the_database

Scope = dict[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
AsgiApp = Callable[[Scope, Receive, Send], Awaitable[None]]

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
READY_PATH = "/readyz"
# How long a readiness answer is reused: probes every few seconds must not hammer Slack.
READY_CACHE_SECONDS = 10.0
READY_TIMEOUT_SECONDS = 3.0
# Slack's largest payloads (a modal's whole state) are tens of kilobytes; refuse anything absurd.
MAX_BODY_BYTES = 1 << 20
# A Unix time in seconds; anything else is not Slack's, and int() of a huge or non-ASCII digit
# string would raise.
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
# The fields of a slash command Bolt's routing reads
# (https://api.slack.com/interactivity/slash-commands#app_command_handling).
SLASH_COMMAND_FIELDS = ("command", "text", "team_id", "channel_id", "user_id")

logger = logging.getLogger(__name__)


def create_asgi_app(bolt_app: AsyncApp, *, signing_secret: str) -> AsgiApp:
    """POST /slack/events goes to Bolt (once verified), GET /healthz and /readyz answer probes,
    with OAuth GET /slack/install and /slack/oauth_redirect run the install; the rest get 404.
    Lifespan events are acknowledged; what lives as long as the server is the runner's."""
    verifier = SignatureVerifier(signing_secret)
    readiness = Readiness(bolt_app)

    async def asgi_app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _skip_lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        if scope["path"] == HEALTH_PATH and scope["method"] == "GET":
            response = BoltResponse(status=200, body="ok")
        elif scope["path"] == READY_PATH and scope["method"] == "GET":
            response = await readiness.check()
        elif scope["path"] == EVENTS_PATH and scope["method"] == "POST":
            response = await _slack_request(bolt_app, verifier, scope, receive)
        elif bolt_app.oauth_flow is not None and scope["method"] == "GET":
            response = await _install_request(bolt_app.oauth_flow, scope)
        else:
            response = _error(404, "not found")
        answer = AsgiHttpResponse(response.status, response.headers, response.body)
        await send(answer.get_response_start())
        await send(answer.get_response_body())

    return asgi_app


async def _slack_request(
    bolt_app: AsyncApp, verifier: SignatureVerifier, scope: Scope, receive: Receive
) -> BoltResponse:
    body = await _read_body(receive)
    if body is None:
        return _error(413, "request body too large")
    try:
        text = body.decode("utf-8")  # Slack sends UTF-8 only; the signature is over that text
    except UnicodeDecodeError:
        logger.warning("refused a request whose body is not UTF-8")
        return _error(400, "malformed request body")
    headers = _headers(scope)
    timestamp = str(headers.get("x-slack-request-timestamp", ""))
    signature = str(headers.get("x-slack-signature", ""))
    if not (
        _TIMESTAMP.fullmatch(timestamp)
        and signature
        and verifier.is_valid(body=text, timestamp=timestamp, signature=signature)
    ):
        logger.warning("refused a request with a missing, stale or invalid signature")
        return _error(401, "invalid request")
    try:
        bolt_request = AsyncBoltRequest(
            body=text,
            query=scope.get("query_string", b"").decode("latin-1"),
            headers=headers,
        )
    except Exception:  # anything Bolt cannot turn into a request is a malformed body
        logger.warning("refused a signed request whose body could not be parsed")
        return _error(400, "malformed request body")
    if not _has_slack_shape(bolt_request.body):
        logger.warning("refused a signed request whose body is not shaped like Slack's")
        return _error(400, "malformed request body")
    if bolt_request.body.get("type") == "app_rate_limited":
        # Slack stopped sending this workspace's events for a minute; nothing to answer but 200
        # (https://api.slack.com/apis/events-api#rate-limiting).
        logger.warning("Slack is rate-limiting the events it sends RoleFit")
        return BoltResponse(status=200, body="")
    return await bolt_app.async_dispatch(bolt_request)


async def _install_request(flow: AsyncOAuthFlow, scope: Scope) -> BoltResponse:
    """The "Add to Slack" page, and Slack's redirect back with the code and `state`;
    anything else 404. No signature here: these come from a person's browser, and the flow
    checks the `state` it issued (once, before it expires) instead."""
    request = AsyncBoltRequest(
        body="", query=scope.get("query_string", b"").decode("latin-1"), headers=_headers(scope)
    )
    if scope["path"] == flow.install_path:
        return await flow.handle_installation(request)
    if scope["path"] == flow.redirect_uri_path:
        return await flow.handle_callback(request)
    return _error(404, "not found")


class Readiness:
    """`GET /readyz`: 200 while this process can take Slack's requests: its database answers
    and Slack has not refused its token. Slack failing for a moment (a 5xx, a rate limit, no
    connection) leaves it ready: requests are acknowledged and what is owed waits in the outbox,
    so a load balancer must not take every process out at once for Slack's trouble. The answer
    is reused for a few seconds, so frequent probes cost one query and one Slack call at most."""

    def __init__(self, bolt_app: AsyncApp) -> None:
        self._app = bolt_app
        self._client = bolt_app.client
        self._checked_at = -READY_CACHE_SECONDS
        self._answer = BoltResponse(status=503, body={"slack": "unknown"})

    async def check(self) -> BoltResponse:
        now = time.monotonic()
        if now - self._checked_at >= READY_CACHE_SECONDS:
            self._checked_at = now
            database, slack = await asyncio.gather(self._ask_the_database(), self._ask_slack())
            ready = database in ("ok", "none") and slack != "refused"
            said = (
                {"slack": slack} if database == "none" else {"database": database, "slack": slack}
            )
            self._answer = BoltResponse(status=200 if ready else 503, body=said)
        return self._answer

    async def _ask_the_database(self) -> str:
        deps = deps_of_app(self._app)
        if deps is None:  # an app built elsewhere (a test's): no store of ours
            return "none"
        try:
            async with asyncio.timeout(READY_TIMEOUT_SECONDS):
                await deps.store.ping()
        except (*STORE_FAILURES, TimeoutError) as error:
            logger.warning("not ready: %s", cannot_use_the_database(error))
            return "unreachable"
        return "ok"

    async def _ask_slack(self) -> str:
        if self._client.token is None:  # Add to Slack: each workspace has its own token
            return "per-workspace tokens"
        try:
            async with asyncio.timeout(READY_TIMEOUT_SECONDS):
                await self._client.auth_test()
        except SlackApiError as error:
            code = error_code(error)
            if code in TRANSIENT or code.startswith("http_5"):
                logger.warning("Slack is not answering the readiness check (%s); still ready", code)
                return "unreachable"
            logger.warning("not ready: Slack refused the bot token (%s)", code)
            return "refused"
        except (aiohttp.ClientError, TimeoutError) as error:
            logger.warning(
                "Slack is not answering the readiness check (%s); still ready",
                type(error).__name__,
            )
            return "unreachable"
        return "ok"


def _headers(scope: Scope) -> dict[str, str | Sequence[str]]:
    """Header names and values as text. Latin-1 maps every byte, so no header can fail to decode
    (HTTP allows only Latin-1 in headers anyway)."""
    return {
        name.decode("latin-1").lower(): value.decode("latin-1")
        for name, value in scope.get("headers", [])
    }


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
    if "command" in body:
        return all(isinstance(body.get(key), str) for key in SLASH_COMMAND_FIELDS)
    if body.get("type") in ("shortcut", "message_action"):
        return isinstance(body.get("callback_id"), str)
    return True


async def _read_body(receive: Receive) -> bytes | None:
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


async def _skip_lifespan(receive: Receive, send: Send) -> None:
    await receive()  # lifespan.startup
    await send({"type": "lifespan.startup.complete"})
    await receive()  # lifespan.shutdown
    await send({"type": "lifespan.shutdown.complete"})


def _error(status: int, message: str) -> BoltResponse:
    return BoltResponse(status=status, body={"error": message})
