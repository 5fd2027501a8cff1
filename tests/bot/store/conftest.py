"""The store tests' fixtures: a clock they move by hand, and a migrated store on it (once on
SQLite, once on PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.store.store import Store


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def store(database_url: str, clock: Clock) -> AsyncIterator[Store]:
    opened = Store(database_url, clock=clock)
    await opened.upgrade()
    yield opened
    await opened.close()
