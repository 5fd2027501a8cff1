"""The outbox worker on SQLite and PostgreSQL against the Web API stand-in: every owed message
sent exactly once by however many workers, Slack's "not now" retried within its Retry-After,
and what can never be sent kept as failed, not dropped."""

from __future__ import annotations

import asyncio
import time
from collections import Counter

import pytest

import bot.outbox
from bot.blocks.kit import section
from bot.delivery import Delivered, send
from bot.installs import Clients
from bot.outbox import Outbox
from bot.sandbox import FakeSlackApi
from bot.sandbox.live import settings_for
from bot.store.owed import Kind, Owed, Pending
from bot.store.store import FAILED, PENDING, SENT, Store


def owed(number: int) -> Owed:
    return Owed(
        kind=Kind.ANSWER,
        team="T1",
        channel=f"D{number:04d}",
        user="U1",
        text=f"#{number}",
        blocks=[section(f"#{number}")],
    )


def worker(slack_api: FakeSlackApi, database_url: str) -> Outbox:
    """A worker as one process has it: its own store connections and client."""
    return Outbox(Store(database_url), Clients(settings_for(slack_api.base_url)), poll_seconds=0.05)


async def started(slack_api: FakeSlackApi, database_url: str) -> Outbox:
    """A running worker, its store migrated."""
    outbox = worker(slack_api, database_url)
    await outbox.store.upgrade()
    outbox.start()
    return outbox


async def finished(outbox: Outbox) -> None:
    """Until nothing is pending, then the worker stopped and its store closed."""
    await until_idle(outbox)
    await outbox.stop()
    await outbox.store.close()


async def until_idle(*workers: Outbox, timeout: float = 15.0) -> None:
    """Until nothing is pending: every message sent or kept as failed."""
    deadline = time.monotonic() + timeout
    while PENDING in await workers[0].store.counts():
        assert time.monotonic() < deadline, "the outbox never finished"
        await asyncio.sleep(0.05)


async def test_two_workers_send_every_message_exactly_once(
    slack_api: FakeSlackApi, database_url: str
) -> None:
    a, b = worker(slack_api, database_url), worker(slack_api, database_url)
    await a.store.upgrade()
    a.start()
    b.start()
    owing = [(a if n % 2 else b).owe(f"answer:{n}", owed(n)) for n in range(40)]
    assert all(await asyncio.gather(*owing))
    await until_idle(a, b)
    await a.stop()
    await b.stop()
    sent = Counter(call.body["channel"] for call in slack_api.calls_to("chat.postMessage"))
    assert len(sent) == 40 and set(sent.values()) == {1}
    assert await a.store.counts() == {SENT: 40}
    for each in (a, b):
        await each.store.close()


async def cut_off_then_taken_over(
    slack_api: FakeSlackApi, database_url: str, claim: str, owed: Owed, settle_seconds: float
) -> Store:
    """One process owes `owed` and is stopped while its post is on its way (held 0.5 s by the
    stand-in); another takes over until nothing is pending. Its store, still open."""
    stopping = Outbox(
        Store(database_url),
        Clients(settings_for(slack_api.base_url)),
        settle_seconds=settle_seconds,
    )
    await stopping.store.upgrade()
    stopping.start()
    slack_api.delay("chat.postMessage", 0.5)
    assert await stopping.owe(claim, owed)
    await asyncio.sleep(0.2)  # the post is on its way
    await stopping.stop(grace_seconds=0.01)
    await stopping.store.close()
    taking_over = worker(slack_api, database_url)
    taking_over.start()
    await until_idle(taking_over)
    await taking_over.stop()
    return taking_over.store


async def test_a_post_cut_off_mid_call_that_landed_is_found_not_sent_again(
    slack_api: FakeSlackApi, database_url: str
) -> None:
    # an on-call engineer's find: a DM answer whose post was cut off by a stop (Slack slow to
    # answer) was posted again by the next process, and Slack had kept the first
    store = await cut_off_then_taken_over(slack_api, database_url, "answer:cut-off", owed(1), 1.5)
    (posted,) = slack_api.calls_to("chat.postMessage")
    assert posted.body["metadata"]["event_payload"] == {"claim": "answer:cut-off"}
    looked = slack_api.calls_to("conversations.history")
    assert len(looked) == 1 and looked[0].body["channel"] == "D0001"
    (row,) = await store.outbox_rows([SENT])
    assert row.sent_ts == posted.response["ts"]
    await store.close()


async def test_a_post_slack_turned_down_is_sent_again_without_looking_for_it(
    slack_api: FakeSlackApi, database_url: str
) -> None:
    # a second review's find: every retry looked in the DM first, even after a 429, when
    # Slack had certainly posted nothing (and history reads are rate limited hard)
    one = await started(slack_api, database_url)
    slack_api.rate_limit("chat.postMessage", retry_after=1, times=2)  # and the client's retry
    assert await one.owe("answer:turned-down", owed(3))
    await finished(one)
    assert not slack_api.calls_to("conversations.history")
    assert [call.response.get("ok") for call in slack_api.calls_to("chat.postMessage")][-1]


async def test_a_post_cut_off_before_it_landed_is_sent_once_more(
    slack_api: FakeSlackApi, database_url: str
) -> None:
    slack_api.server_error("chat.postMessage", times=2)  # refused: nothing landed
    store = await cut_off_then_taken_over(slack_api, database_url, "answer:refused", owed(2), 0.1)
    landed = [call for call in slack_api.calls_to("chat.postMessage") if call.response.get("ok")]
    assert len(landed) == 1
    assert [row.claim for row in await store.outbox_rows([SENT])] == ["answer:refused"]
    await store.close()


async def test_after_a_429_the_channel_s_other_messages_wait_out_its_retry_after(
    slack_api: FakeSlackApi, database_url: str
) -> None:
    # chat.postMessage is limited per channel: each message sent into it is refused too, and
    # would land before it; another channel's (and another workspace's) go at once
    outbox = await started(slack_api, database_url)
    slack_api.rate_limit("chat.postMessage", retry_after=2)
    assert await outbox.owe("answer:refused", owed(1))
    while not (await outbox.store.outbox_rows())[0].attempts:  # Slack's 429 is in
        await asyncio.sleep(0.02)
    same_channel = owed(1).model_copy(update={"text": "#1 again"})
    assert await outbox.owe("answer:same-channel", same_channel)
    assert await outbox.owe("answer:other-channel", owed(2))
    assert await outbox.owe("answer:elsewhere", owed(1).model_copy(update={"team": "T2"}))
    await finished(outbox)
    posts = slack_api.calls_to("chat.postMessage")
    refused_at = posts[0].received_at
    landed = [(call.body["text"], call.received_at - refused_at) for call in posts[1:]]
    assert len(posts) == 5 and all(call.response.get("ok") for call in posts[1:])
    waited = [text for text, after in landed if after >= 1.9]
    assert sorted(waited) == ["#1", "#1 again"]  # the refused one, and the next to its channel


DYING = "a process that dies mid-post"


async def owed_by_a_dying_process(database_url: str, lease_seconds: float) -> tuple[Store, Pending]:
    """A new store, and a message in it leased to a process about to die."""
    store = Store(database_url)
    await store.upgrade()
    pending = await store.owe("answer:died", owed(4), lease=(DYING, lease_seconds))
    assert pending is not None
    return store, pending


async def posted_and_died(slack_api: FakeSlackApi, leased: Pending) -> Delivered:
    """`leased` posted by the process holding it, which dies before writing that it did."""
    client = await Clients(settings_for(slack_api.base_url))(leased.owed.team, None)
    assert client is not None
    return await send(client, leased.owed, leased.claim)


async def test_a_retry_whose_process_died_mid_post_is_found_not_sent_again(
    slack_api: FakeSlackApi, database_url: str
) -> None:
    # a message Slack had turned down once was posted twice when the process retrying it died
    # mid-post: its last error still said Slack's 500, so the next process sent it unlooked
    store, owed_once = await owed_by_a_dying_process(database_url, 60.0)
    await store.retry_later(owed_once.id, DYING, time.time(), "fatal_error")
    (retrying,) = await store.take_due(DYING, limit=1, lease_seconds=0.3)
    posted = await posted_and_died(slack_api, retrying)
    survivor = await started(slack_api, database_url)
    await finished(survivor)
    assert len(slack_api.calls_to("chat.postMessage")) == 1
    assert len(slack_api.calls_to("conversations.history")) == 1
    (row,) = await store.outbox_rows([SENT])
    assert row.sent_ts == posted.ts
    await store.close()


async def test_a_message_held_for_a_429_that_may_be_in_slack_is_still_looked_for(
    slack_api: FakeSlackApi, database_url: str
) -> None:
    # a review's find: held for its channel's Retry-After, a message whose process had died
    # mid-post lost the last error that said so, and was posted twice
    store, landed = await owed_by_a_dying_process(database_url, 0.5)
    await posted_and_died(slack_api, landed)
    survivor = await started(slack_api, database_url)
    slack_api.rate_limit("chat.postMessage", retry_after=2)
    next_one = owed(4).model_copy(update={"text": "#4 next"})
    assert await survivor.owe("answer:refused", next_one)  # D0004 waits out 2 s from here
    await finished(survivor)
    posted = [call.body["text"] for call in slack_api.calls_to("chat.postMessage")]
    assert posted.count("#4") == 1  # the dead process's post, found, not sent again
    assert [call.body["channel"] for call in slack_api.calls_to("conversations.history")] == [
        "D0004"
    ]
    await store.close()


async def kept_after_owing_one(slack_api: FakeSlackApi, database_url: str) -> Pending:
    """Owe one message to a running worker; the row it ends as once nothing is pending."""
    outbox = await started(slack_api, database_url)
    await outbox.owe("answer:1", owed(1))
    await until_idle(outbox)
    await outbox.stop()
    (kept,) = await outbox.store.outbox_rows()
    await outbox.store.close()
    return kept


async def test_a_message_slack_keeps_refusing_is_kept_as_failed(
    slack_api: FakeSlackApi, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bot.outbox, "ATTEMPTS", 3)
    monkeypatch.setattr(bot.outbox, "LONGEST_WAIT_SECONDS", 0.1)
    slack_api.server_error("chat.postMessage", times=3)
    kept = await kept_after_owing_one(slack_api, database_url)
    assert (kept.status, kept.attempts, kept.last_error) == (FAILED, 3, "fatal_error")


async def test_a_person_who_cannot_be_reached_is_kept_as_failed_at_once(
    slack_api: FakeSlackApi, database_url: str
) -> None:
    slack_api.fail("chat.postMessage", "channel_not_found")
    slack_api.fail("conversations.open", "user_not_found")
    kept = await kept_after_owing_one(slack_api, database_url)
    assert kept.status == FAILED and "user_not_found" in str(kept.last_error)
