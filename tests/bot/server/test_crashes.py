"""Crashes lose nothing, on SQLite and PostgreSQL: a `rolefit serve` process stopped (SIGTERM) or
killed (SIGKILL) right after acknowledging owes nothing once a new one starts on the same
database, and an event whose first delivery never arrived is answered from its retry."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.sandbox import FakeSlackApi
from bot.sandbox.processes import ServeProcess
from tests.databases import KINDS, create_database, drop_database
from tests.processes import api, ok, posts_after_settling
from tests.questionnaire_flow import Leader

__all__ = ["api"]  # the module's stand-in, a fixture


@pytest.fixture(params=KINDS)
def crash_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/rolefit.db"
        return
    url = create_database()
    yield url
    drop_database(url)


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
def test_advice_acknowledged_before_a_crash_is_posted_once_after_restart(
    api: FakeSlackApi, crash_database: str, how: signal.Signals
) -> None:
    api.reset()
    api.rate_limit("chat.postMessage", retry_after=2)
    with ServeProcess(api, crash_database) as first:
        Leader(first).finish("po-backlog")  # the modal closed: RoleFit owes the advice
        api.wait_for("chat.postMessage", 1)  # answered 429, Retry-After: 2
        time.sleep(0.3)
        first.stop(how)
    with ServeProcess(api, crash_database):
        posts = posts_after_settling(api, 2)
    assert [post["channel"] for post in posts] == ["C_GENERAL", "C_GENERAL"]  # the 429, then it


def test_replies_in_flight_at_sigterm_all_arrive_once(
    api: FakeSlackApi, crash_database: str
) -> None:
    api.reset()
    api.delay("chat.postMessage", 0.3, times=20)
    with ServeProcess(api, crash_database) as first:
        for number in range(20):
            ok(
                first.post(
                    first.requests.dm(f"who owns the backlog? #{number}", user_id=f"U{number:03d}")
                )
            )
        first.stop(signal.SIGTERM)
    with ServeProcess(api, crash_database):
        posts = posts_after_settling(api, 20)
    assert sorted(str(post["channel"]) for post in posts) == sorted(
        {str(post["channel"]) for post in posts}
    )
    assert len(posts) == 20


def test_an_event_that_first_arrives_as_a_retry_is_answered_once(
    api: FakeSlackApi, crash_database: str
) -> None:
    api.reset()
    with ServeProcess(api, crash_database) as process:
        lost_first = process.requests.dm("who writes user stories?")
        ok(process.post(process.requests.retry(lost_first, 1, "http_timeout")))
        ok(process.post(process.requests.retry(lost_first, 2, "http_timeout")))
        (reply,) = posts_after_settling(api, 1)
    assert "Product Owner" in str(reply["text"])
