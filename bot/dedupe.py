"""Answer each Slack event once, however often Slack delivers it.

Slack retries an event it thinks failed (`X-Slack-Retry-Num`, up to three times over ~5 minutes)
and may redeliver an `event_id`. A bounded, expiring memory of event ids catches both within this
process. A retry whose reason is `http_timeout` is dropped even when unseen: the first delivery
reached some worker and is still being handled there.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

# Slack's last retry comes about five minutes after the first delivery.
DEFAULT_TTL_SECONDS = 15 * 60
DEFAULT_MAX_EVENTS = 10_000


class SeenEvents:
    """Event ids seen recently: forgets them after `ttl` seconds, or oldest first when full."""

    def __init__(
        self,
        ttl: float = DEFAULT_TTL_SECONDS,
        max_events: int = DEFAULT_MAX_EVENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ttl = ttl
        self._max_events = max_events
        self._clock = clock
        self._seen: OrderedDict[str, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._seen)

    def first_sighting(self, event_id: str) -> bool:
        """True the first time an id is offered within the TTL; remembers it either way."""
        now = self._clock()
        while self._seen and next(iter(self._seen.values())) <= now - self._ttl:
            self._seen.popitem(last=False)
        if event_id in self._seen:
            return False
        self._seen[event_id] = now
        while len(self._seen) > self._max_events:
            self._seen.popitem(last=False)
        return True


class SkipRedeliveries(AsyncMiddleware):
    """Global middleware: acknowledge a repeated event without running any listener. (A class,
    not a function: Bolt's argument injection for function middleware trips on odd payloads.)"""

    def __init__(self, seen: SeenEvents) -> None:
        self._seen = seen

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        body = req.body
        if body.get("type") == "event_callback":
            retry_reasons = req.headers.get("x-slack-retry-reason") or []
            timed_out_retry = "http_timeout" in retry_reasons
            event_id = body.get("event_id")
            if timed_out_retry or (
                isinstance(event_id, str) and not self._seen.first_sighting(event_id)
            ):
                return await req.context.ack()
        return await next()
