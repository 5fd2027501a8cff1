"""Helpers for tests that drive real `rolefit serve` processes (bot.sandbox.processes)."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bot.sandbox import FakeSlackApi

# After the last expected message, how long to watch for a duplicate (the outbox polls each 1 s).
SETTLE_SECONDS = 1.5


@pytest.fixture(scope="module")
def api() -> Iterator[FakeSlackApi]:
    """One Web API stand-in for the module's processes."""
    with FakeSlackApi() as running:
        yield running


def posts_after_settling(api: FakeSlackApi, expected: int) -> list[dict[str, object]]:
    """Every chat.postMessage, once `expected` have arrived and no more came for a while."""
    api.wait_for("chat.postMessage", expected, timeout=20)
    time.sleep(SETTLE_SECONDS)
    return [call.body for call in api.calls_to("chat.postMessage")]


def ok(reply: tuple[int, object, bytes]) -> None:
    assert reply[0] == 200, reply
