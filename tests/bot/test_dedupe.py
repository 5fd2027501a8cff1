"""The memory of seen event ids: once per id, bounded in time and size."""

from __future__ import annotations

from bot.dedupe import SeenEvents


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_an_event_id_is_new_only_once() -> None:
    seen = SeenEvents()
    assert seen.first_sighting("Ev1")
    assert not seen.first_sighting("Ev1")
    assert seen.first_sighting("Ev2")


def test_ids_are_forgotten_after_the_ttl() -> None:
    clock = Clock()
    seen = SeenEvents(ttl=60, clock=clock)
    seen.first_sighting("Ev1")
    clock.now = 59
    assert not seen.first_sighting("Ev1")
    clock.now = 200
    assert seen.first_sighting("Ev1")
    assert len(seen) == 1


def test_memory_is_bounded_oldest_first() -> None:
    seen = SeenEvents(max_events=3)
    for n in range(5):
        seen.first_sighting(f"Ev{n}")
    assert len(seen) == 3
    assert seen.first_sighting("Ev0")  # forgotten, so new again
    assert not seen.first_sighting("Ev4")
