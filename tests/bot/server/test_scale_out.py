"""Nothing lost, nothing twice, with real `rolefit serve` processes sharing one database.

Two processes on PostgreSQL behind "one URL" (the test sends each request to one or the other,
as a load balancer would): retries, concurrent redeliveries, double clicks and a questionnaire
whose steps alternate between them each produce one message. Crashes, on SQLite and PostgreSQL:
a process stopped (SIGTERM) or killed (SIGKILL) right after acknowledging owes nothing once a
new one starts on the same database.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.blocks import ids
from bot.blocks.answer import AnswerRef
from bot.sandbox import FakeSlackApi, SignedRequest
from bot.sandbox.processes import ServeProcess
from tests.databases import KINDS, create_database, drop_database
from tests.questionnaire_flow import Leader, company, needs, work

# After the last expected message, how long to watch for a duplicate (the outbox polls each 1 s).
SETTLE_SECONDS = 1.5


@pytest.fixture(scope="module")
def api() -> Iterator[FakeSlackApi]:
    with FakeSlackApi() as running:
        yield running


@pytest.fixture(scope="module")
def pair(api: FakeSlackApi) -> Iterator[tuple[ServeProcess, ServeProcess]]:
    """Processes A and B on one new PostgreSQL database."""
    url = create_database()
    try:
        with ServeProcess(api, url) as a, ServeProcess(api, url) as b:
            yield a, b
    finally:
        drop_database(url)


@pytest.fixture
def processes(
    pair: tuple[ServeProcess, ServeProcess], api: FakeSlackApi
) -> tuple[ServeProcess, ServeProcess]:
    time.sleep(0.2)  # let the previous test's stragglers land before forgetting them
    api.reset()
    return pair


def posts_after_settling(api: FakeSlackApi, expected: int) -> list[dict[str, object]]:
    """Every chat.postMessage, once `expected` have arrived and no more came for a while."""
    api.wait_for("chat.postMessage", expected, timeout=20)
    time.sleep(SETTLE_SECONDS)
    return [call.body for call in api.calls_to("chat.postMessage")]


def ok(reply: tuple[int, object, bytes]) -> None:
    assert reply[0] == 200, reply


def at_once(*sends: tuple[ServeProcess, SignedRequest]) -> None:
    """Send each request from its own thread, released together."""
    start = threading.Barrier(len(sends))

    def go(process: ServeProcess, request: SignedRequest) -> None:
        start.wait()
        ok(process.post(request))

    threads = [threading.Thread(target=go, args=send) for send in sends]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_an_event_to_a_and_its_retry_to_b_is_answered_once(
    processes: tuple[ServeProcess, ServeProcess],
) -> None:
    a, b = processes
    first = a.requests.dm("who owns the product backlog?")
    ok(a.post(first))
    ok(b.post(b.requests.retry(first, 1, "http_timeout")))
    (reply,) = posts_after_settling(a.api, 1)
    assert "Product Owner" in str(reply["text"])


def test_the_same_event_to_both_at_once_is_answered_once(
    processes: tuple[ServeProcess, ServeProcess],
) -> None:
    a, b = processes
    event = a.requests.mention("<@U_ROLEFIT> who owns pricing?")
    at_once((a, event), (b, b.requests.retry(event, 1, "http_timeout")))
    assert len(posts_after_settling(a.api, 1)) == 1


def test_a_double_clicked_final_submit_across_a_and_b_posts_once(
    processes: tuple[ServeProcess, ServeProcess],
) -> None:
    a, b = processes
    leader = Leader(a)
    leader.start()
    leader.submit(company())
    leader.submit(work())
    leader.submit(needs("po-backlog"))
    final = a.requests.view_submission(leader.view, {}, user_id=leader.user)
    at_once((a, final), (b, final))
    (advice,) = posts_after_settling(a.api, 1)
    assert advice["channel"] == "C_GENERAL"


def test_share_clicked_on_both_posts_once(processes: tuple[ServeProcess, ServeProcess]) -> None:
    a, b = processes
    value = AnswerRef("who owns the product backlog?").to_value()
    message = {"type": "message", "ts": "1700000000.000901"}
    click = a.requests.block_action(ids.SHARE_ANSWER, value, message=message)
    at_once((a, click), (b, click))
    time.sleep(SETTLE_SECONDS)
    shared = a.api.calls_to("response_url")
    assert [call.body["response_type"] for call in shared] == ["in_channel"]


def test_a_questionnaire_alternating_between_a_and_b_posts_once(
    processes: tuple[ServeProcess, ServeProcess],
) -> None:
    a, b = processes
    leader = Leader(a)
    leader.start()
    leader.live = b
    leader.submit(company())
    leader.live = a
    leader.submit(work())
    leader.live = b
    leader.submit(needs("po-backlog"))
    leader.live = a
    leader.submit({})
    (advice,) = posts_after_settling(a.api, 1)
    assert advice["channel"] == "C_GENERAL" and "Product Owner" in str(advice["text"])


# -- crashes ---------------------------------------------------------------------------------


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
