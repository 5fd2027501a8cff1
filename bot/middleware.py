"""RoleFit's global middlewares, in the order `bot.listeners.register` installs them.

Each is a class, not a function: Bolt's argument injection for function middleware trips on
malformed payloads, and a class receives the request as it is.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.deps import DEPS_KEY, Deps
from bot.logs import REQUEST_IDS

Next = Callable[[], Awaitable[BoltResponse]]


class RefuseMalformedActions(AsyncMiddleware):
    """A button payload without a clicked action is answered 400 (Bolt would index the empty
    list and answer 500)."""

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Next
    ) -> BoltResponse:
        body = req.body
        if body.get("type") in ("block_actions", "interactive_message") and "actions" in body:
            clicked = body["actions"]
            if not (isinstance(clicked, list) and clicked and isinstance(clicked[0], dict)):
                return BoltResponse(status=400, body="malformed payload: no action")
        return await next()


class ProvideDeps(AsyncMiddleware):
    """Puts the app's `Deps` into every request's context (listeners read it with `deps_of`)."""

    def __init__(self, deps: Deps) -> None:
        self._deps = deps

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Next
    ) -> BoltResponse:
        req.context[DEPS_KEY] = self._deps
        return await next()


class TagLogs(AsyncMiddleware):
    """Every log line a request causes names its team, user, channel and event or action, so an
    operator can follow one request without any message text in the logs."""

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Next
    ) -> BoltResponse:
        context, body = req.context, req.body
        ids = {
            "team": context.team_id,
            "user": context.user_id,
            "channel": context.channel_id,
            "event": body.get("event_id"),
            "kind": body.get("type"),
        }
        REQUEST_IDS.set({key: str(value) for key, value in ids.items() if value})
        return await next()
