"""What the runners do to the process before serving."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bot.server.runners import MIDDLE_COLLECTIONS_PER_FULL, settle_the_heap


@pytest.fixture
def heap_as_it_was() -> Iterator[None]:
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.mark.usefixtures("heap_as_it_was")
def test_start_up_is_frozen_and_full_collections_come_seldom() -> None:
    young, middle, _ = gc.get_threshold()
    settle_the_heap()
    assert gc.get_freeze_count() > 0  # what start-up built is never walked again
    assert gc.get_threshold() == (young, middle, MIDDLE_COLLECTIONS_PER_FULL)
