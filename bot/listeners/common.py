"""What several listeners share: their dependencies, a bare acknowledgement, and delivery helpers
that fall back rather than lose a message."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncAck, AsyncBoltContext, AsyncRespond
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.dedupe import SeenEvents
from bot.listeners.questionnaire import open_questionnaire
from bot.replies import RecentReplies
from knowledge import KnowledgeBase, Matcher

logger = logging.getLogger(__name__)

_DEPS_KEY = "rolefit_deps"
COULD_NOT_OPEN_QUESTIONNAIRE = (
    "Sorry, I couldn't open the questionnaire. Try `/rolefit hire` again."
)


@dataclass(frozen=True)
class Deps:
    """What listeners need, built once per app."""

    kb: KnowledgeBase
    matcher: Matcher
    seen_events: SeenEvents = field(default_factory=SeenEvents)
    replies: RecentReplies = field(init=False)

    _after_ack: set[asyncio.Task[None]] = field(default_factory=set, init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "replies", RecentReplies(self.kb, self.matcher))

    def after_ack(self, work: Coroutine[Any, Any, None]) -> None:
        """Run `work` once the acknowledgement has gone, as Bolt's lazy listeners do, for a
        listener that only sometimes has slow work. Keeps the task referenced until it ends
        (asyncio holds tasks weakly) and logs a failure instead of losing it."""
        task = asyncio.get_running_loop().create_task(work)
        self._after_ack.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._after_ack.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("work after the acknowledgement failed", exc_info=task.exception())

    def __deepcopy__(self, memo: dict[int, Any]) -> Deps:
        """Shared, never copied: Bolt deep-copies the context for every lazy listener, and
        copying the knowledge base and matcher cost ~40-100 ms of CPU per request."""
        return self


class ProvideDeps(AsyncMiddleware):
    """Global middleware putting `deps` in every request's context (read with `deps_of`)."""

    def __init__(self, deps: Deps) -> None:
        self._deps = deps

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse:
        req.context[_DEPS_KEY] = self._deps
        return await next()


class RefuseMalformedActions(AsyncMiddleware):
    """Global middleware: a button payload without a clicked action is answered 400 (Bolt itself
    would index the empty list and answer 500)."""

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse:
        body = req.body
        if body.get("type") in ("block_actions", "interactive_message") and "actions" in body:
            clicked = body["actions"]
            if not (isinstance(clicked, list) and clicked and isinstance(clicked[0], dict)):
                return BoltResponse(status=400, body="malformed payload: no action")
        return await next()


def deps_of(context: AsyncBoltContext) -> Deps:
    deps: Deps = context[_DEPS_KEY]
    return deps


async def acknowledge(ack: AsyncAck) -> None:
    """Acknowledge at once; the real work (if any) runs in a lazy listener after the response."""
    await ack()


async def respond_safely(respond: AsyncRespond, **payload: Any) -> bool:
    """Send through the response_url; False (logged) instead of raising when that fails."""
    try:
        response = await respond(**payload)
    except (TimeoutError, ValueError, aiohttp.ClientError) as error:
        logger.warning("response_url failed: %s", type(error).__name__)
        return False
    refused = response.status_code != 200 or '"ok":false' in response.body.replace(" ", "")
    if refused:
        logger.warning(
            "response_url refused: HTTP %s %s", response.status_code, response.body[:200]
        )
    return not refused


async def start_questionnaire(
    client: AsyncWebClient,
    respond: AsyncRespond,
    trigger_id: str | None,
    channel: str,
    user: str,
    channel_name: str = "",
) -> None:
    """Open the questionnaire (which explains Slack's own refusals, such as an expired trigger,
    to the person); a request with no trigger at all gets "try again" rather than silence."""
    if trigger_id:
        await open_questionnaire(client, trigger_id, channel, user, channel_name=channel_name)
        return
    logger.warning("could not open the questionnaire: no trigger_id")
    await respond_safely(
        respond,
        text=COULD_NOT_OPEN_QUESTIONNAIRE,
        response_type="ephemeral",
        replace_original=False,
    )
