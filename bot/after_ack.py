"""Work that runs once Slack has its acknowledgement: the one way RoleFit does slow things.

Slack wants an answer within 3 seconds, and with `process_before_response=True` Bolt sends it only
when the listener returns (https://api.slack.com/interactivity/handling#acknowledgment_response).
So a listener
acknowledges, then hands anything that calls the Web API to `AfterAck`. Bolt's lazy listeners do
the same for FaaS hosts, but they deep-copy every request; RoleFit is a long-lived server, so a
task on the running loop is enough and costs nothing per request.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

logger = logging.getLogger(__name__)


Work = Coroutine[Any, Any, None]


class AfterAck:
    """Runs coroutines as tasks on the running loop, keeps them referenced until they end (asyncio
    holds tasks weakly), and logs a failure instead of losing it silently."""

    def __init__(self) -> None:
        self._running: set[asyncio.Task[None]] = set()

    def __call__(self, work: Work, *, on_failure: Callable[[], Work] | None = None) -> None:
        """Run `work`; if it raises, log it once and run `on_failure` (say, an apology)."""
        task = asyncio.get_running_loop().create_task(_guarded(work, on_failure))
        self._running.add(task)
        task.add_done_callback(self._finished)

    async def drain(self, seconds: float) -> None:
        """Let the work still running finish, for at most `seconds` (a process shutting down)."""
        if self._running:
            await asyncio.wait(set(self._running), timeout=seconds)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._running.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.error("work after the acknowledgement failed", exc_info=task.exception())


async def _guarded(work: Work, on_failure: Callable[[], Work] | None) -> None:
    try:
        await work
    except Exception:
        if on_failure is None:
            raise
        logger.exception("work after the acknowledgement failed")
        await on_failure()
