"""The batcher on its own: a call on an idle store runs alone, busy ones in bounded batches, and
nobody is left waiting when a batch fails or its drain is cancelled."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.store.batches import Batcher


async def test_an_idle_batcher_runs_a_call_alone_and_a_busy_one_in_bounded_batches() -> None:
    batches: list[list[int]] = []

    async def run(batch: Any) -> list[int]:
        batches.append(list(batch))
        await asyncio.sleep(0)
        return [item * 2 for item in batch]

    batcher: Batcher[int, int] = Batcher(run, shared=lambda _: False, most=4)
    assert await batcher.submit(1) == 2
    assert batches == [[1]]
    assert await asyncio.gather(*(batcher.submit(n) for n in range(10))) == [
        n * 2 for n in range(10)
    ]
    assert batches[1:] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


async def test_a_batcher_whose_drain_is_cancelled_leaves_nobody_waiting() -> None:
    started = asyncio.Event()

    async def run(batch: Any) -> list[int]:
        started.set()
        await asyncio.sleep(60)
        return list(batch)

    batcher: Batcher[int, int] = Batcher(run, shared=lambda _: False)
    waiting = [asyncio.ensure_future(batcher.submit(n)) for n in range(3)]
    await started.wait()
    late = asyncio.ensure_future(batcher.submit(3))
    await asyncio.sleep(0)
    assert batcher._drain is not None
    batcher._drain.cancel()
    outcomes = await asyncio.gather(*waiting, late, return_exceptions=True)
    assert all(isinstance(outcome, asyncio.CancelledError) for outcome in outcomes)


@pytest.mark.parametrize("shared", [True, False])
async def test_a_failing_batch_gives_each_caller_the_error(shared: bool) -> None:
    runs: list[list[int]] = []

    async def run(batch: Any) -> list[int]:
        runs.append(list(batch))
        raise RuntimeError("refused")

    batcher: Batcher[int, int] = Batcher(run, shared=lambda _: shared)
    outcomes = await asyncio.gather(*(batcher.submit(n) for n in range(3)), return_exceptions=True)
    assert all(isinstance(outcome, RuntimeError) for outcome in outcomes)
    # The database's own failure is not tried again; another is, each call alone.
    assert runs == ([[0, 1, 2]] if shared else [[0, 1, 2], [0], [1], [2]])
