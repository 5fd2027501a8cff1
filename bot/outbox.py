"""The outbox worker: delivers every message RoleFit owes, once as people see it, across crashes,
restarts and any number of processes.

A listener owes a message by claiming its effect and writing the message in one transaction
(`Outbox.owe`), then acknowledges Slack. The message is leased to this process and sent at once;
if Slack says "not now" it is tried again with exponential backoff, never sooner than Slack's
Retry-After (https://api.slack.com/apis/rate-limits), which other messages to the same channel
wait out too (chat.postMessage is limited per channel). On start every process picks up what is
due, including what a dead process held once its lease ends; on shutdown it stops taking work,
lets what it is sending finish for a bounded time and hands the rest back. After the retry
budget a message is kept as failed (`rolefit outbox list`), never dropped.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Awaitable, Callable

from slack_sdk.web.async_client import AsyncWebClient

from bot.delivery import TryLater, Undeliverable, posted_before, send
from bot.logs import REQUEST_IDS
from bot.store.insights import Asked
from bot.store.owed import Owed, Pending
from bot.store.store import LEASE_ENDED, Answering, OwedFor, Store
from knowledge.dialogue import Memory

logger = logging.getLogger(__name__)

# Attempts before a message is kept as failed; with the backoff below that is about 7 minutes.
ATTEMPTS = 12
LONGEST_WAIT_SECONDS = 60.0
# Longer than one delivery can take (each Web API call times out well within it).
LEASE_SECONDS = 60.0
# A send that takes longer is given up for now and tried again later: it must end well within
# its lease, or another process could take the message and send it too.
SEND_BUDGET_SECONDS = LEASE_SECONDS / 2
POLL_SECONDS = 1.0
# A post cut off mid-call (a stop, a call or a send past its time) may still land in Slack for a
# while: it is tried again no sooner than this, after looking for it there (`posted_before`).
SETTLE_SECONDS = 15.0
# The last error of a message a stopping process handed back mid-send.
STOPPED_MID_SEND = "stopped mid-send"
# How a try ends when Slack may have taken the post all the same: no answer in time, the
# connection dropped mid-call (not one refused before it was made), or a stop.
CUT_OFF = frozenset(
    {
        "took_too_long",
        "TimeoutError",
        "ServerTimeoutError",
        "ServerDisconnectedError",
        STOPPED_MID_SEND,
        LEASE_ENDED,
    }
)
# The last error of a message handed back untried, its channel's posts waiting out a 429.
HELD = "waiting out Slack's rate limit for its channel"
AT_ONCE = 16
FORGET_EVERY_SECONDS = 60.0
# The Web API client for a workspace (team id, and its Enterprise Grid org's id if any); None
# where RoleFit is not installed.
Clients = Callable[[str, str | None], Awaitable[AsyncWebClient | None]]


class Outbox:
    def __init__(
        self,
        store: Store,
        clients: Clients,
        *,
        lease_seconds: float = LEASE_SECONDS,
        poll_seconds: float = POLL_SECONDS,
        settle_seconds: float = SETTLE_SECONDS,
    ) -> None:
        self.store = store
        self.clients = clients
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._lease = lease_seconds
        self._poll = poll_seconds
        self._settle = settle_seconds
        self._wake = asyncio.Event()
        self._sending: set[asyncio.Task[None]] = set()
        self._in_flight: set[int] = set()  # ids of the messages those tasks are sending
        self._loop_task: asyncio.Task[None] | None = None
        # Whether the last look may have left due messages behind (every free slot was filled,
        # or none was free): only then does a finished send look again before the next poll.
        self._more_due = True
        self._stopping = False
        # Slack limits chat.postMessage to about one message a second per channel: after a 429
        # with Retry-After, this process's other messages to the same place wait too (until this
        # time.time()), rather than each being refused in turn, and keep their order. Keyed by
        # workspace and channel (a DM to the person when the channel is ""); only places refused
        # within their Retry-After are here. Other places, and other processes, go on.
        self._quiet_until: dict[tuple[str, str], float] = {}

    async def owe(
        self,
        claim: str,
        owed: Owed | OwedFor,
        *,
        asked: Asked | None = None,
        remember: tuple[str, Memory] | None = None,
    ) -> bool:
        """Claim `claim` and store `owed` (and the question `asked`, and the conversation's turn
        `remember`) in one step, leased to this process, then send it at once. False if another
        delivery of the same request claimed it first: do nothing."""
        lease = (self.owner, self._lease)
        pending = await self.store.owe(claim, owed, asked=asked, remember=remember, lease=lease)
        return self._sent(pending)

    async def owe_answer(self, claim: str, conversation: str, answering: Answering) -> bool:
        """`owe` the answer to a message in `conversation` and remember the conversation's turn,
        the answer made from its memory (`Store.owe_answer`)."""
        lease = (self.owner, self._lease)
        return self._sent(await self.store.owe_answer(claim, conversation, answering, lease=lease))

    def _sent(self, pending: Pending | None) -> bool:
        """Send what this process won the claim to (None: another delivery won it)."""
        if pending is None:
            return False
        self._send(pending)
        return True

    async def idle(self) -> bool:
        """Nothing being sent and nothing due: what tests and the console wait for."""
        return not self._sending and not await self.store.has_due()

    def start(self) -> None:
        self._stopping = False
        self._loop_task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self, grace_seconds: float = 5.0) -> None:
        """Stop taking work, give what is being sent `grace_seconds`, hand back the rest."""
        self._stopping = True
        self._wake.set()
        if self._loop_task is not None:
            await self._loop_task
        cut_off = False
        if self._sending:
            _, unfinished = await asyncio.wait(self._sending, timeout=grace_seconds)
            for task in unfinished:
                task.cancel()
            await asyncio.gather(*unfinished, return_exceptions=True)
            cut_off = bool(unfinished)
        # what was cut off mid-call may land in Slack yet: others look for it there, in a while
        if cut_off:
            await self.store.release(self.owner, due_in=self._settle, cut_off=STOPPED_MID_SEND)
        else:
            await self.store.release(self.owner)

    async def _run(self) -> None:
        forgot_at = 0.0
        while not self._stopping:
            self._wake.clear()
            try:
                free = AT_ONCE - len(self._sending)
                due = (
                    await self.store.take_due(self.owner, limit=free, lease_seconds=self._lease)
                    if free > 0
                    else []
                )
                self._more_due = len(due) >= free
                for pending in due:
                    if pending.id not in self._in_flight:  # its lease ended mid-send: ours still
                        self._send(pending, taken_again=True)
                if time.monotonic() - forgot_at > FORGET_EVERY_SECONDS:
                    forgot_at = time.monotonic()
                    await self.store.forget_old()
            except Exception:  # the database is unreachable: try again on the next round
                logger.exception("the outbox could not read the store")
                due, self._more_due = [], False
            if len(due) < AT_ONCE:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self._poll):  # no extra task, unlike wait_for
                        await self._wake.wait()

    def _send(self, pending: Pending, *, taken_again: bool = False) -> None:
        """Deliver `pending`; `taken_again`: not sent at once by the process that owed it (a
        retry, or a send a stop or a crash cut off), so it may be in Slack already."""
        self._in_flight.add(pending.id)
        task = asyncio.get_running_loop().create_task(self._deliver(pending, taken_again))
        self._sending.add(task)
        task.add_done_callback(lambda done: self._finished(done, pending.id))

    def _finished(self, task: asyncio.Task[None], pending_id: int) -> None:
        self._sending.discard(task)
        self._in_flight.discard(pending_id)
        if not task.cancelled() and task.exception() is not None:
            # The store failed while recording the outcome: the lease ends and the message is
            # taken up again (the store is where the truth is, not this process).
            logger.error(
                "the outbox could not record a message's outcome", exc_info=task.exception()
            )
        # A free slot: look again at once only if the last look may have left some behind. What
        # this process owes it sends at once; the poll finds the rest within a second.
        if self._more_due:
            self._wake.set()

    async def _deliver(self, pending: Pending, taken_again: bool) -> None:
        owed = pending.owed
        tags = {"team": owed.team, "user": owed.user, "channel": owed.channel, "outbox": pending.id}
        REQUEST_IDS.set({key: str(value) for key, value in tags.items() if value})
        # Whether it may be in Slack already (a try Slack answered with "not now" posted
        # nothing, nor did one held back untried): then it is looked for before it is sent.
        uncertain = taken_again and (
            (pending.attempts == 0 and pending.last_error != HELD) or pending.last_error in CUT_OFF
        )
        place = (owed.team, owed.channel or owed.user)
        quiet_until = self._quiet_until.get(place, 0.0)
        if quiet_until > time.time():
            # held back untried; one that may be in Slack keeps its last error, which says so
            held = None if uncertain else HELD
            await self.store.postpone(pending.id, self.owner, quiet_until, held)
            return
        self._quiet_until.pop(place, None)
        try:
            async with asyncio.timeout(SEND_BUDGET_SECONDS):
                client = await self.clients(owed.team, owed.enterprise)
                if client is None:
                    raise Undeliverable("RoleFit is no longer installed in that workspace")
                found = await posted_before(client, owed, pending.claim) if uncertain else None
                if found is not None:
                    logger.info("message %s had reached Slack already; not sent again", pending.id)
                delivered = found or await send(client, owed, pending.claim)
        except TryLater as later:
            if later.code == "ratelimited" and later.retry_after:
                quiet_until = time.time() + later.retry_after
                self._quiet_until[place] = max(quiet_until, self._quiet_until.get(place, 0))
            await self._again(pending, later.code, later.retry_after)
        except TimeoutError:
            await self._again(pending, "took_too_long", None)
        except Undeliverable as error:
            logger.error("message %s is undeliverable: %s", pending.id, error)
            await self.store.give_up(pending.id, self.owner, str(error))
        except Exception as error:  # a bug, not Slack: keep the message, try again later
            logger.exception("sending message %s failed", pending.id)
            await self._again(pending, type(error).__name__, None)
        else:
            if delivered.reason:
                logger.info("message %s went to the DM: not where it belonged", pending.id)
            await self.store.mark_sent(pending.id, self.owner, delivered.channel, delivered.ts)

    async def _again(self, pending: Pending, code: str, retry_after: float | None) -> None:
        attempts = pending.attempts + 1
        if attempts >= ATTEMPTS:
            logger.error(
                "message %s failed %s times (%s); kept as failed", pending.id, attempts, code
            )
            await self.store.give_up(pending.id, self.owner, code)
            return
        wait = max(min(2.0**pending.attempts, LONGEST_WAIT_SECONDS), retry_after or 0.0)
        if code in CUT_OFF:  # the post may land yet: given time to, before a look
            wait = max(wait, self._settle)
        logger.info("message %s: Slack said %s; trying again in %.0f s", pending.id, code, wait)
        await self.store.retry_later(pending.id, self.owner, time.time() + wait, code)
