"""Group commit, as callers rely on it (on SQLite and PostgreSQL, through the Store's own methods
called at once): racing owes of one claim store one message; owes of many claims store all, each
caller given its own row and question id; a batch the database refuses fails every caller and
writes nothing, while one bad call fails only itself; memories come back to the right caller;
turns written behind their answers are read by this process before they land, waited for by
reports and deletions, and logged if refused; an owe never waits behind an outcome. On
PostgreSQL a connection the server dropped is replaced and none is left open, and no error
quotes a value. And the batcher on its own: a call on an idle store runs alone, busy ones in
bounded batches."""

from __future__ import annotations

import asyncio
import contextvars
import re
import traceback
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError

from bot.store.batches import Batcher
from bot.store.insights import Asked
from bot.store.owed import Kind, Owed, Pending
from bot.store.schema import claims, questions
from bot.store.store import FAILED, PENDING, SENT, Store
from knowledge.dialogue import Memory

OWED = Owed(kind=Kind.ANSWER, team="T1", channel="D1", user="U1", text="hi", blocks=[])


def asked(number: int) -> Asked:
    return Asked(
        team="T1", user=f"U{number}", text=f"who owns pricing {number}?", intent="ownership"
    )


def answer_for(number: int) -> Any:
    """An owed message built from its question's id, as a listener builds one."""

    def answer(question_id: int | None) -> Owed:
        return OWED.model_copy(update={"text": f"#{number} q{question_id}"})

    return answer


async def question_texts(store: Store) -> dict[int, str]:
    await store.flush()
    async with store.engine.connect() as connection:
        rows = await connection.execute(select(questions.c.id, questions.c.text))
        return {int(question_id): str(text) for question_id, text in rows}


async def claimed(store: Store) -> set[str]:
    async with store.engine.connect() as connection:
        return set((await connection.execute(select(claims.c.key))).scalars())


async def test_owes_racing_for_one_claim_store_exactly_one(store: Store) -> None:
    memories = [Memory(intent="ownership", question=f"turn {n}") for n in range(20)]
    owed = await asyncio.gather(
        *(
            store.owe("answer:1", answer_for(n), remember=("T1:D1:", memories[n]), asked=asked(n))
            for n in range(20)
        )
    )
    (pending,) = [row for row in owed if row is not None]
    assert pending.owed.text.startswith("#0 ")  # the first queued wins
    assert [row.claim for row in await store.outbox_rows()] == ["answer:1"]
    assert await store.recall("T1:D1:") == memories[0]  # the losers wrote nothing
    assert list((await question_texts(store)).values()) == [asked(0).text]


async def test_owes_of_many_claims_store_all_each_with_its_own_row_and_question(
    store: Store,
) -> None:
    owed = await asyncio.gather(
        *(
            store.owe(
                f"answer:{n}",
                answer_for(n),
                remember=(f"T1:D{n}:", Memory(intent="compare")),
                asked=asked(n),
                lease=("me", 60),
            )
            for n in range(100)  # more than one batch holds
        )
    )
    texts = await question_texts(store)
    for number, pending in enumerate(owed):
        assert isinstance(pending, Pending) and pending.claim == f"answer:{number}"
        question_id = int(pending.owed.text.rpartition("q")[2])
        assert texts[question_id] == asked(number).text
    assert len({row.id for row in owed if row}) == 100
    stored = {row.id: row for row in await store.outbox_rows()}
    assert stored == {row.id: row for row in owed if row}
    recalled = await asyncio.gather(*(store.recall(f"T1:D{n}:") for n in range(100)))
    assert recalled == [Memory(intent="compare")] * 100


async def test_questions_recorded_at_once_each_get_their_own_id(store: Store) -> None:
    ids = [
        store.record_question(asked(n), remember=(f"T1:U{n}:command", Memory(intent="compare")))
        for n in range(40)
    ]
    texts = await question_texts(store)
    assert [texts[question_id] for question_id in ids] == [asked(n).text for n in range(40)]


@asynccontextmanager
async def refusing(store: Store, table: str) -> AsyncIterator[None]:
    """The database itself refuses every row inserted into `table` (a trigger), as a full disk
    or a broken constraint would: whatever path a statement takes, it fails in the database."""
    if store.dialect == "sqlite":
        create = [
            f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'the disk is full'); END"
        ]
        drop = ["DROP TRIGGER refuse"]
    else:
        create = [
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'the disk is full'; END $$",
            f"CREATE TRIGGER refuse BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION refuse()",
        ]
        drop = [f"DROP TRIGGER refuse ON {table}", "DROP FUNCTION refuse()"]
    async with store.engine.begin() as connection:
        for statement in create:
            await connection.exec_driver_sql(statement)
    try:
        yield
    finally:
        async with store.engine.begin() as connection:
            for statement in drop:
                await connection.exec_driver_sql(statement)


def refused(outcome: object) -> bool:
    return isinstance(outcome, DBAPIError) and "the disk is full" in str(outcome)


async def test_a_batch_the_database_refuses_fails_every_caller_and_writes_nothing(
    store: Store,
) -> None:
    async with refusing(store, "outbox"):
        owed = await asyncio.gather(
            *(
                store.owe(f"answer:{n}", OWED, remember=(f"T1:D{n}:", Memory(intent="compare")))
                for n in range(10)
            ),
            return_exceptions=True,
        )
    assert all(refused(outcome) for outcome in owed)
    assert await store.outbox_rows() == [] and await claimed(store) == set()
    assert await store.recall("T1:D0:") is None
    assert await store.owe("answer:0", OWED) is not None  # the claim is free for a retry


async def test_one_bad_call_fails_only_itself(store: Store) -> None:
    def broken(question_id: int | None) -> Owed:
        raise ValueError("a bug in building one message")

    owed = await asyncio.gather(
        *(store.owe(f"answer:{n}", broken if n == 3 else OWED, asked=asked(n)) for n in range(8)),
        return_exceptions=True,
    )
    assert isinstance(owed[3], ValueError)
    assert all(isinstance(outcome, Pending) for n, outcome in enumerate(owed) if n != 3)
    assert await claimed(store) == {f"answer:{n}" for n in range(8) if n != 3}
    assert len(await question_texts(store)) == 7  # not the broken one's question either


async def test_memories_remembered_and_recalled_at_once_reach_the_right_callers(
    store: Store,
) -> None:
    memories = {f"T1:D{n}:": Memory(intent="ownership", question=f"q{n}") for n in range(50)}
    for key, memory in memories.items():
        store.remember(key, memory)
    await store.flush()  # recalled from the database, not from what this process still holds
    keys = [*memories, "T1:unknown:", *reversed(memories)]
    recalled = await asyncio.gather(*(store.recall(key) for key in keys))
    assert recalled == [memories.get(key) for key in keys]
    turns = [Memory(intent="ownership", question=f"turn {n}") for n in range(10)]
    for turn in turns:
        store.remember("T1:D0:", turn)
    assert await store.recall("T1:D0:") == turns[-1]  # the last queued wins, before it lands
    await store.flush()
    assert await store.recall("T1:D0:") == turns[-1]  # and after


async def test_a_turn_written_behind_its_answer_is_never_lost_to_a_read_or_a_deletion(
    store: Store,
) -> None:
    turn = Memory(intent="ownership", question="who owns pricing?")
    question_id = store.record_question(asked(1), remember=("T1:D1:", turn))
    assert question_id >= 1  # on the answer's buttons before anything is written
    assert await store.recall("T1:D1:") == turn  # this process reads what it has not written
    assert (await store.insights("T1", 30)).asked == 1  # reports wait for it
    store.remember("T1:D1:", turn)
    await store.delete_team("T1")  # waits for it too: nothing lands after the deletion
    await store.flush()
    assert await store.recall("T1:D1:") is None
    assert await question_texts(store) == {}


async def test_a_turn_the_database_refuses_behind_its_answer_is_logged_not_raised(
    store: Store, caplog: pytest.LogCaptureFixture
) -> None:
    async with refusing(store, "questions"):
        store.record_question(asked(1), remember=("T1:D1:", Memory(intent="compare")))
        await store.flush()
    assert re.search(r"a conversation's turn was not written: \w*Error", caplog.text)
    assert "pricing" not in caplog.text  # what was asked is never logged
    assert await store.recall("T1:D1:") is None  # the turn went with its question
    assert await store.owe("answer:1", OWED) is not None  # and the store works on


async def test_owes_turns_and_outcomes_queued_together_each_have_their_effect(
    store: Store,
) -> None:
    await store.owe("answer:0", OWED)
    (leased,) = await store.take_due("me", limit=1, lease_seconds=60)
    store.remember("T1:D1:", Memory(intent="compare"))  # starts a batch; the rest queue behind it
    together = asyncio.gather(
        store.owe("answer:1", OWED, remember=("T1:D1:", Memory(intent="greeting")), asked=asked(1)),
        store.owe("answer:1", OWED, remember=("T1:D1:", Memory(intent="feedback"))),  # loses
        store.mark_sent(leased.id, "me", "D1", "1.1"),
    )
    await asyncio.sleep(0)  # each of them queued
    last = Memory(intent="ownership", question="who owns pricing 2?")
    store.record_question(asked(2), remember=("T1:D1:", last))
    won, lost, _ = await together
    assert isinstance(won, Pending) and won.claim == "answer:1" and lost is None
    await store.flush()
    assert await store.recall("T1:D1:") == last  # the last turn queued, not the losing owe's
    assert sorted((await question_texts(store)).values()) == [asked(1).text, asked(2).text]
    rows = {row.claim: row.status for row in await store.outbox_rows((PENDING, SENT))}
    assert rows == {"answer:0": SENT, "answer:1": PENDING}


@contextmanager
def held_up(batcher: Batcher[Any, Any]) -> Iterator[asyncio.Event]:
    """The database takes this batcher's batches (a store's writes, or its outcomes) only once
    the event is set."""
    go, run = asyncio.Event(), batcher._run

    async def slow(batch: Any) -> Any:
        await go.wait()
        return await run(batch)

    batcher._run = slow
    try:
        yield go
    finally:
        batcher._run = run


async def test_a_sent_message_whose_sender_was_cancelled_lands_before_its_lease_is_handed_back(
    store: Store,
) -> None:
    """Outbox.stop cancels a delivery still waiting for its "sent" after the grace, then hands
    back its leases: the "sent" must land first, or another process sends the message again."""
    await store.owe("answer:1", OWED)
    (pending,) = await store.take_due("me", limit=1, lease_seconds=60)
    with held_up(store._writes) as go:
        store.remember("T1:D1:", Memory(intent="compare"))  # a batch in flight
        delivering = asyncio.ensure_future(store.mark_sent(pending.id, "me", "D1", "1.1"))
        await asyncio.sleep(0)
        delivering.cancel()
        await asyncio.gather(delivering, return_exceptions=True)
        releasing = asyncio.ensure_future(store.release("me"))
        await asyncio.sleep(0.05)
        go.set()
        await releasing
    assert [row.status for row in await store.outbox_rows((PENDING, SENT))] == [SENT]


async def test_a_recall_while_an_owe_is_queued_never_goes_back_a_turn(store: Store) -> None:
    store.remember("T1:D1:", Memory(intent="ownership", question="first"))
    await store.flush()
    answered = Memory(intent="ownership", question="second")
    with held_up(store._writes) as go:
        store.remember("T1:D1:", answered)  # answered; its turn is behind the answer
        owing = asyncio.ensure_future(
            store.owe("answer:1", OWED, remember=("T1:D1:", Memory(intent="compare")))
        )
        await asyncio.sleep(0)
        recalled = await store.recall("T1:D1:")  # another event in the same conversation
        go.set()
        await owing
    assert recalled == answered


async def test_a_question_id_drawn_twice_costs_the_record_never_the_owed_message(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = store.record_question(asked(1))
    await store.flush()
    monkeypatch.setattr("bot.store.store.new_question_id", lambda: taken)
    assert await store.owe("answer:1", OWED, asked=asked(2)) is not None
    store.record_question(asked(3))
    await store.flush()
    assert await question_texts(store) == {taken: asked(1).text}


async def test_turns_behind_answers_queue_only_so_far_when_the_database_stalls(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr("bot.store.store.BEHIND_MOST", 3)
    turns = {f"T1:D{n}:": Memory(intent="ownership", question=f"q{n}") for n in range(5)}
    with held_up(store._writes) as go:
        for key, memory in turns.items():
            store.remember(key, memory)
        assert "the database is behind: a conversation's turn was not kept" in caplog.text
        go.set()
        await store.flush()
    recalled = [await store.recall(key) for key in turns]
    assert recalled == [*list(turns.values())[:3], None, None]


async def test_outcomes_recorded_at_once_each_land(store: Store) -> None:
    for number in range(9):
        await store.owe(f"answer:{number}", OWED)
    leased = await store.take_due("me", limit=9, lease_seconds=60)
    outcomes = [
        store.mark_sent(pending.id, "me", "D1", f"1.{pending.id}")
        if n % 3 == 0
        else store.retry_later(pending.id, "me", 0.0, "ratelimited")
        if n % 3 == 1
        else store.give_up(pending.id, "me", "user_not_found")
        for n, pending in enumerate(leased)
    ]
    await asyncio.gather(*outcomes)
    assert await store.counts() == {SENT: 3, PENDING: 3, FAILED: 3}
    sent = await store.outbox_rows((SENT,))
    assert all(row.sent_ts == f"1.{row.id}" for row in sent)


async def test_an_owe_never_waits_behind_another_messages_outcome(store: Store) -> None:
    """A request's owe is what Slack's acknowledgement waits for; the "sent" of a message
    delivered a moment earlier must not stand in front of it."""
    await store.owe("answer:0", OWED)
    (leased,) = await store.take_due("me", limit=1, lease_seconds=60)
    with held_up(store._outcomes) as go:
        sent = asyncio.ensure_future(store.mark_sent(leased.id, "me", "D1", "1.1"))
        await asyncio.sleep(0)  # the "sent" is being written, slowly
        owed = await asyncio.wait_for(store.owe("answer:1", OWED), timeout=5)
        assert owed is not None and not sent.done()
        go.set()
        await sent
    await store.flush()
    rows = {row.claim: row.status for row in await store.outbox_rows((PENDING, SENT))}
    assert rows == {"answer:0": SENT, "answer:1": PENDING}


async def test_a_sent_message_queued_before_its_leases_are_handed_back_stays_sent(
    store: Store,
) -> None:
    """A process shutting down: its last "sent" is still queued when it hands back its leases.
    Handed back first, the message would be due again and another process would send it twice."""
    for number in range(5):
        await store.owe(f"answer:{number}", OWED)
    leased = await store.take_due("me", limit=5, lease_seconds=60)
    sent = [
        asyncio.ensure_future(store.mark_sent(pending.id, "me", "D1", "1.0")) for pending in leased
    ]
    await asyncio.sleep(0)  # the outcomes are queued, not yet written
    await store.release("me")
    await asyncio.gather(*sent)
    assert await store.counts() == {SENT: 5}


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


async def test_an_item_whose_caller_stopped_waiting_still_runs_and_is_waited_for() -> None:
    ran: list[int] = []
    go = asyncio.Event()

    async def run(batch: Sequence[int]) -> list[int]:
        await go.wait()
        ran.extend(batch)
        return list(batch)

    batcher: Batcher[int, int] = Batcher(run, shared=lambda _: False)
    batcher.send(1)  # a batch that is running
    caller = asyncio.ensure_future(batcher.submit(2))  # queued behind it
    await asyncio.sleep(0)
    caller.cancel()
    await asyncio.gather(caller, return_exceptions=True)
    idle = asyncio.ensure_future(batcher.wait_idle())
    await asyncio.sleep(0.01)
    assert not idle.done()
    go.set()
    await idle
    assert ran == [1, 2]


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


async def test_a_batch_runs_in_no_callers_context() -> None:
    """Its log tags (bot.logs.REQUEST_IDS) belong to one request; a batch runs many."""
    tag: contextvars.ContextVar[str | None] = contextvars.ContextVar("tag", default=None)

    async def run(batch: Any) -> list[str | None]:
        return [tag.get() for _ in batch]

    batcher: Batcher[int, str | None] = Batcher(run, shared=lambda _: False)
    tag.set("the first caller's")
    assert await batcher.submit(1) is None


async def test_after_the_database_drops_every_connection_one_call_fails_then_all_work(
    store: Store,
) -> None:
    """PostgreSQL restarted (or a pooler dropped us): the pooled connections are dead. One call
    learns it, as the database failing; the rest get fresh connections."""
    if store.dialect != "postgresql":
        pytest.skip("only a database server can drop its connections")
    store.remember("T1:D1:", Memory(intent="compare"))
    (owed,) = [await store.owe("answer:0", OWED, lease=("me", 60))]
    assert owed is not None and await store.recall("T1:D1:") is not None
    await end_sessions(store, "true")
    first = await asyncio.gather(store.recall("T1:D1:"), return_exceptions=True)
    assert first == [Memory(intent="compare")] or isinstance(first[0], OperationalError)
    assert await store.recall("T1:D1:") == Memory(intent="compare")
    assert await store.owe("answer:1", OWED) is not None
    await store.mark_sent(owed.id, "me", "D1", "1.1")
    assert await store.counts() == {SENT: 1, PENDING: 1}


async def test_a_connection_the_server_closed_is_replaced_and_none_is_left_open(
    store: Store,
) -> None:
    """One pooled connection is lost (a killed backend, a dropped TCP connection) while the
    server is fine: it goes, the pool replaces the ones opened before it, and after `close`
    none of them is still open on the server."""
    if store.dialect != "postgresql":
        pytest.skip("only a database server can drop a connection")
    await asyncio.gather(*(store.has_due() for _ in range(10)))  # ten pooled connections
    async with store._driver("recalls") as driver:  # the one the next recall runs on
        pid = await driver.fetchval("SELECT pg_backend_pid()")
    await end_sessions(store, f"pid = {int(pid)}")
    await asyncio.gather(store.recall("T1:D1:"), return_exceptions=True)  # learns it
    await asyncio.gather(*(store.has_due() for _ in range(10)))
    assert await store.recall("T1:D1:") is None
    await store.close()
    assert await sessions_left(store) == 0


async def test_a_kept_connection_the_server_ended_while_idle_is_replaced_before_use(
    store: Store,
) -> None:
    """The server ends an idle session (idle_session_timeout, a restart another pool noticed
    first): the next owe gets a new connection instead of failing on the closed one."""
    if store.dialect != "postgresql":
        pytest.skip("only a database server ends sessions")
    assert await store.owe("answer:0", OWED) is not None
    async with store._driver("writes") as driver:
        pid = await driver.fetchval("SELECT pg_backend_pid()")
    await end_sessions(store, f"pid = {int(pid)}")
    for _ in range(100):  # until the client has read the server's goodbye
        if driver.is_closed():
            break
        await asyncio.sleep(0.02)
    assert await store.owe("answer:1", OWED) is not None


async def end_sessions(store: Store, which: str) -> None:
    """End the sessions on the store's database that match `which` (SQL on pg_stat_activity),
    from a connection of its own, and wait until they are gone."""
    async with admin_of(store) as admin:
        await admin.execute(f"SELECT pg_terminate_backend(pid) {_SESSIONS} AND {which}")
        for _ in range(100):
            if await admin.fetchval(f"SELECT count(*) {_SESSIONS} AND {which}") == 0:
                return
            await asyncio.sleep(0.05)
    raise AssertionError(f"sessions still open: {which}")


async def sessions_left(store: Store) -> int:
    """The store's sessions on its database a moment after it closed (the server ends a closed
    client's session shortly after)."""
    async with admin_of(store) as admin:
        for _ in range(40):
            left = int(await admin.fetchval(f"SELECT count(*) {_SESSIONS}"))
            if left == 0:
                break
            await asyncio.sleep(0.05)
    return left


_SESSIONS = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"


@asynccontextmanager
async def admin_of(store: Store) -> AsyncIterator[Any]:
    url = store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
    admin = await asyncpg.connect(url)
    try:
        yield admin
    finally:
        await admin.close()


async def test_a_write_the_database_refuses_names_no_value_in_its_error(store: Store) -> None:
    """A constraint's error may carry the refused row's values (PostgreSQL's DETAIL): what the
    store raises names the error, never what someone asked."""
    async with store.engine.begin() as connection:
        await connection.exec_driver_sql("CREATE UNIQUE INDEX one_text ON questions (text)")
    secret = Asked(team="T1", user="U1", text="my secret salary question", intent="compare")
    assert await store.owe("answer:0", OWED, asked=secret) is not None
    with pytest.raises(DBAPIError) as error:
        await store.owe("answer:1", OWED, asked=secret)
    assert "secret salary" not in "".join(traceback.format_exception(error.value))


async def test_a_value_the_driver_cannot_send_names_no_text_in_its_error(store: Store) -> None:
    """A question text the driver cannot encode (a lone surrogate, which JSON lets through):
    the error says so without quoting it."""
    secret = Asked(team="T1", user="U1", text="my secret salary \ud800 question", intent="compare")
    with pytest.raises(Exception) as error:
        await store.owe("answer:1", OWED, asked=secret)
    assert "secret salary" not in "".join(traceback.format_exception(error.value))


async def test_a_write_reading_a_retention_never_waits_for_a_second_pooled_connection(
    store: Store,
) -> None:
    """A write that does not know a workspace's retention yet reads it. On SQLite the writer
    holds the write lock meanwhile, and the token look-ups every request makes each hold a
    pooled connection while they wait for that lock: asking the pool for a second one, the
    writer and they would wait for each other until the look-ups failed."""
    installs = store.installation_store("client")
    original, reached, go = store._retention, asyncio.Event(), asyncio.Event()

    async def slow(*args: Any, **kwargs: Any) -> int:
        reached.set()
        await go.wait()
        return await original(*args, **kwargs)

    store._retention = slow  # type: ignore[method-assign]
    store.record_question(asked(1))
    await asyncio.wait_for(reached.wait(), 5)  # the write is under way, holding its lock
    lookups = [
        asyncio.ensure_future(installs.async_find_bot(enterprise_id=None, team_id="T1"))
        for _ in range(40)
    ]
    await asyncio.sleep(0.5)  # each holds a pooled connection
    go.set()
    await asyncio.wait_for(store.flush(), 5)
    assert not [r for r in await asyncio.gather(*lookups, return_exceptions=True) if r]
    assert list((await question_texts(store)).values()) == [asked(1).text]
