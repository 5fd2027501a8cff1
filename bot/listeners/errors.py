"""When a listener fails: the person hears so in plain words, and the details are logged once.

Bolt calls `apologise` for a failure before the acknowledgement; `acknowledged_first` (in the
routing table) calls `tell_it_failed` for one after it. Slack gets a 200 (a retried event would
only fail again, and a slash command's 200 carries the apology itself), except for an event the
store could not take: that gets a 503, so Slack retries it once the database is back, and the
person gets their answer then instead of an apology now.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.async_app import AsyncBoltContext
from slack_bolt.response import BoltResponse

from bot.delivery import note, reply_privately
from bot.deps import deps_of
from bot.store.store import STORE_FAILURES

logger = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = (
    "Sorry, something went wrong on my side and I couldn't finish that. "
    "Please try again in a moment."
)


async def apologise(
    error: Exception, body: dict[str, Any], context: AsyncBoltContext, response: BoltResponse | None
) -> None:
    """Bolt's error handler for every listener."""
    logger.error("a listener failed: %s", type(error).__name__, exc_info=error)
    if response is None:  # already acknowledged; the after-ack path tells the person
        return
    if isinstance(error, STORE_FAILURES) and body.get("type") == "event_callback":
        response.status = 503
        response.body = ""
        return
    response.status = 200
    response.body = ""
    if context.get("rolefit_deps") is not None:
        deps_of(context).after_ack(tell_it_failed(context))


async def tell_it_failed(context: AsyncBoltContext) -> None:
    """The apology, to the person only, wherever they are (their DM if nothing else works)."""
    if not context.user_id or context.client is None:
        return
    await reply_privately(
        context.client,
        context.channel_id or "",
        context.user_id,
        note(SOMETHING_WENT_WRONG),
        respond=context.respond,
    )
