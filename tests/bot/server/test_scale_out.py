"""Nothing twice with real `rolefit serve` processes sharing one database: two processes on
PostgreSQL behind "one URL" (the test sends each request to one or the other, as a load balancer
would). Retries, concurrent redeliveries, double clicks and a questionnaire whose steps alternate
between them each produce one message."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest

from bot.blocks import ids
from bot.blocks.answer import AnswerRef
from bot.sandbox import FakeSlackApi, SignedRequest
from bot.sandbox.processes import ServeProcess
from bot.store.store import Store
from tests.databases import create_database, drop_database
from tests.processes import SETTLE_SECONDS, api, ok, posts_after_settling
from tests.questionnaire_flow import Leader, company, needs, work

__all__ = ["api"]  # the module's stand-in, a fixture


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


def test_a_conversation_alternating_between_a_and_b_follows_on_from_its_last_turn(
    processes: tuple[ServeProcess, ServeProcess],
) -> None:
    """A answers the first and third messages: its "why?" is about the backlog B was asked
    about, not about the pricing A answered itself."""
    a, b = processes
    ok(a.post(a.requests.dm("who owns pricing?", user_id="U_HOPPING")))
    ok(b.post(b.requests.dm("and the product backlog?", user_id="U_HOPPING")))
    ok(a.post(a.requests.dm("why?", user_id="U_HOPPING")))
    pricing, backlog, why = (str(post["text"]) for post in posts_after_settling(a.api, 3))
    assert "Product Manager" in pricing and "Product Owner" in backlog
    assert "Product Owner" in why and "backlog" in why


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
    # posted once; the click that lost the claim is told so, privately
    assert sorted(call.body["response_type"] for call in shared) == ["ephemeral", "in_channel"]


def test_a_helpful_vote_clicked_on_both_counts_once(
    processes: tuple[ServeProcess, ServeProcess],
) -> None:
    a, b = processes
    ok(a.post(a.requests.dm("who writes the user stories?", user_id="U_VOTER")))
    (answer,) = posts_after_settling(a.api, 1)
    (value,) = [
        element["value"]
        for block in answer["blocks"]
        for element in block.get("elements", [])
        if element.get("action_id") == ids.FEEDBACK_HELPFUL
    ]
    message = {"type": "message", "ts": "1700000000.000902"}
    click = a.requests.block_action(
        ids.FEEDBACK_HELPFUL, value, user_id="U_VOTER", channel_id="D_VOTER", message=message
    )
    at_once((a, click), (b, click))
    store = Store(a.database_url)
    try:
        insights = asyncio.run(store.insights(a.requests.team_id, 30))
    finally:
        asyncio.run(store.close())
    assert (insights.helpful, insights.not_helpful) == (1, 0)


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
