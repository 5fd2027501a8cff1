"""Long texts take turns: one is read per pass of the event loop, short ones never wait."""

from __future__ import annotations

import asyncio

from bot.turns import LONG_TEXT, Turns

LONG = "notes " * (LONG_TEXT // 5)
PASS = "|"  # written once per pass of the loop by a ticker


async def _ticker(order: list[str], passes: int = 12) -> None:
    for _ in range(passes):
        order.append(PASS)
        await asyncio.sleep(0)


async def _read(turns: Turns, order: list[str], name: str, text: str) -> None:
    await turns.take(text)
    order.append(name)  # the reading itself: no await between the turn and the work


def _long_reads_per_pass(order: list[str], long_names: set[str]) -> list[int]:
    per_pass, count = [], 0
    for item in order:
        if item == PASS:
            per_pass.append(count)
            count = 0
        elif item in long_names:
            count += 1
    return [*per_pass, count]


async def test_long_texts_are_read_one_per_pass_in_order_and_short_ones_never_wait() -> None:
    turns, order = Turns(), []
    await asyncio.gather(
        _ticker(order),
        *(_read(turns, order, name, LONG) for name in "abcd"),
        _read(turns, order, "short", "who owns the backlog?"),
    )
    assert [item for item in order if item in set("abcd")] == list("abcd")
    assert max(_long_reads_per_pass(order, set("abcd"))) == 1
    assert order.index("short") < order.index("b")  # not behind the long ones


async def test_a_long_text_whose_reader_gave_up_waiting_passes_its_turn_on() -> None:
    turns, order = Turns(), []
    first = asyncio.ensure_future(_read(turns, order, "a", LONG))
    gone = asyncio.ensure_future(_read(turns, order, "gone", LONG))
    last = asyncio.ensure_future(_read(turns, order, "c", LONG))
    await asyncio.sleep(0)
    gone.cancel()
    await asyncio.wait_for(asyncio.gather(first, last), timeout=5)
    assert order == ["a", "c"]


async def test_a_long_text_arriving_as_the_last_waiter_reads_waits_for_the_next_pass() -> None:
    turns, order = Turns(), []

    async def two_passes_later() -> None:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        await _read(turns, order, "c", LONG)  # arrives in the pass where "b" reads

    await asyncio.gather(
        _ticker(order),
        _read(turns, order, "a", LONG),
        _read(turns, order, "b", LONG),
        two_passes_later(),
    )
    assert [item for item in order if item != PASS] == ["a", "b", "c"]
    assert max(_long_reads_per_pass(order, {"a", "b", "c"})) == 1
