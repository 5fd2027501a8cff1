"""Group commit: the store calls that queue up while one runs are run together, as one transaction
(writes) or one statement (reads).

Under load most of what a store call costs is fixed per statement and per transaction, not per row:
SQLAlchemy's async machinery, a pooled connection, BEGIN and COMMIT, a round trip to PostgreSQL or
SQLite's write lock. A `Batcher` lets each caller submit its operation and await its own result,
while one drain task takes everything queued and runs it at once. There is no timer: when the
store is idle a call runs at once (a batch of one); under load a batch is whatever queued while the
previous one ran, so nobody waits for a batch to fill.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Calls in one batch at most: big enough that under load the fixed cost is spread thin, small
# enough that one batch's statements (and its parameters) stay short.
MOST = 64


class Batcher(Generic[Item, Result]):
    """Runs the items submitted to it in batches, in the order they came, one batch at a time.

    `run` takes a batch and returns one result per item, in the same order. If it raises, a batch
    of one gives its caller the error; a bigger batch is tried again item by item (each alone,
    in order), so one bad item (a value the database refuses, a bug in building one message)
    fails only its own caller, unless `shared(error)` says the database itself failed (it is
    unreachable, or locked): then every caller in the batch gets that error at once, rather than
    each waiting to fail again on its own.
    """

    def __init__(
        self,
        run: Callable[[Sequence[Item]], Awaitable[Sequence[Result]]],
        *,
        shared: Callable[[BaseException], bool],
        most: int = MOST,
    ) -> None:
        self._run = run
        self._shared = shared
        self._most = most
        self._queue: deque[tuple[Item, asyncio.Future[Result]]] = deque()
        self._drain: asyncio.Task[None] | None = None
        # Items queued and items run (or failed) so far, and a future for `wait_idle` that
        # resolves when the next batch ends: waiting on the callers' own futures would end early
        # for one whose caller was cancelled.
        self._sent = 0
        self._settled = 0
        self._batch_ended: asyncio.Future[None] | None = None

    async def submit(self, item: Item) -> Result:
        """Queue `item` and wait for its result (or its error). A caller that stops waiting
        (cancelled) leaves its item queued: it still runs, and `wait_idle` still waits for it
        (a "sent" whose sender was cancelled must land before the sender's leases are handed
        back). The caller awaits its item's own future, not a shield around it: under load each
        extra future is one more turn of the event loop before the caller (an ack) goes on."""
        return await self.send(item)

    def send(self, item: Item) -> asyncio.Future[Result]:
        """Queue `item` and return at once: the future gets its result (or its error)."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Result] = loop.create_future()
        self._queue.append((item, future))
        self._sent += 1
        if self._drain is None or self._drain.done():
            # A context of its own: it runs every caller's work, so it must not carry the log
            # tags (or anything else) of the one that happened to start it.
            self._drain = loop.create_task(self._drain_queue(), context=contextvars.Context())
        return future

    @property
    def queued(self) -> int:
        """Items waiting for a batch (not counting the batch that runs)."""
        return len(self._queue)

    async def wait_idle(self) -> None:
        """Until everything submitted so far has run, however it ended (a store closing, or
        reading what it wrote, waits for it). Items run in the order they came, a batch at a
        time, so that is when as many items have run as had been queued when the wait began;
        what is queued meanwhile is not waited for."""
        target = self._sent
        while self._settled < target:
            if self._batch_ended is None or self._batch_ended.done():
                self._batch_ended = asyncio.get_running_loop().create_future()
            await asyncio.shield(self._batch_ended)  # a cancelled waiter leaves it to the others

    async def _drain_queue(self) -> None:
        """Take everything queued, up to `most`, run it, and again until nothing is queued.
        A caller that stopped waiting (cancelled) still has its item run: it may already be
        half way through a transaction with others, and a write that lands unawaited is safe
        (an owed message is sent by the outbox, a claim makes a retry a no-op)."""
        while self._queue:
            batch = [self._queue.popleft() for _ in range(min(len(self._queue), self._most))]
            try:
                await self._settle(batch)
            except BaseException as error:  # cancelled: nobody may be left waiting forever
                for _, future in (*batch, *self._queue):
                    _fail(future, error)
                self._queue.clear()
                self._ended(self._sent - self._settled)
                raise
            self._ended(len(batch))

    def _ended(self, count: int) -> None:
        """`count` more items have run (or failed): wake whoever waits for them."""
        self._settled += count
        if self._batch_ended is not None and not self._batch_ended.done():
            self._batch_ended.set_result(None)

    async def _settle(self, batch: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        try:
            results = await self._run([item for item, _ in batch])
        except Exception as error:
            if len(batch) > 1 and not self._shared(error):
                for one in batch:
                    await self._settle([one])
                return
            for _, future in batch:
                _fail(future, error)
            return
        for (_, future), result in zip(batch, results, strict=True):
            if not future.done():
                future.set_result(result)


def _fail(future: asyncio.Future[Result], error: BaseException) -> None:
    if not future.done():
        future.set_exception(error)
