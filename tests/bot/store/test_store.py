"""The store on SQLite and on a real PostgreSQL server: migrations both ways, claims that only one
caller wins however many race, the outbox's leases, and memories forgotten on time."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from bot.store.insights import Asked, Vote
from bot.store.owed import Kind, Owed
from bot.store.schema import role_holders
from bot.store.store import FAILED, PENDING, SENT, Answer, Answering, Store
from knowledge.dialogue import Memory
from tests.bot.store.conftest import Clock

OWED = Owed(kind=Kind.ANSWER, team="T1", channel="D1", user="U1", text="hi", blocks=[])


async def tables(store: Store) -> set[str]:
    async with store.engine.connect() as connection:
        names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    return set(names) - {"alembic_version"}


FIRST = {"claims", "outbox", "conversations"}
WORKSPACES = {"workspaces", "role_holders", "phrasings", "questions", "feedback"}
SLACKS = {"slack_installations", "slack_bots", "slack_oauth_states"}


async def test_migrations_go_up_and_down_and_up_again(store: Store) -> None:
    assert await tables(store) == FIRST | WORKSPACES | SLACKS
    await store.downgrade("0001")
    assert await tables(store) == FIRST
    await store.downgrade("base")
    assert await tables(store) == set()
    await store.upgrade()
    await store.upgrade()  # a second start changes nothing
    assert await tables(store) == FIRST | WORKSPACES | SLACKS


async def test_of_many_racing_claims_exactly_one_wins(database_url: str) -> None:
    stores = [Store(database_url) for _ in range(3)]  # three "processes", three pools
    await stores[0].upgrade()
    try:
        owed = await asyncio.gather(*(stores[i % 3].owe("event:Ev1", OWED) for i in range(30)))
        assert sum(row is not None for row in owed) == 1
    finally:
        for store in stores:
            await store.close()


async def test_a_message_is_owed_once_and_stored_with_its_memory(store: Store) -> None:
    memory = Memory(intent="ownership", question="who owns the backlog?")
    assert await store.owe("answer:1", OWED, remember=("T1:D1:", memory))
    later = Memory(intent="ownership", question="and pricing?")
    assert not await store.owe("answer:1", OWED, remember=("T1:D1:", later))
    assert [row.claim for row in await store.outbox_rows()] == ["answer:1"]
    assert await store.recall("T1:D1:") == memory  # the losing turn changed nothing


class Answers:
    """An answer maker for `Store.owe_answer` that notes each memory it was given: each turn's
    memory is the turn's number."""

    def __init__(self) -> None:
        self.given: list[str | None] = []

    def __call__(self, number: int) -> Answering:
        def answering(memory: Memory | None) -> Answer:
            self.given.append(memory and memory.question)
            return Answer(OWED, Memory(intent="ownership", question=str(number)), None)

        return answering

    def taken(self) -> list[str | None]:
        given, self.given = self.given, []
        return given


async def test_an_answer_is_made_from_the_memory_of_the_turn_before(store: Store) -> None:
    answers = Answers()
    assert await store.owe_answer("answer:1", "T1:D1:", answers(1))
    assert await store.owe_answer("answer:2", "T1:D1:", answers(2))
    assert answers.taken() == [None, "1"]  # each made once, from the turn before
    assert not await store.owe_answer("answer:2", "T1:D1:", answers(3))  # redelivered
    assert answers.taken() == ["2"]
    assert [row.claim for row in await store.outbox_rows()] == ["answer:1", "answer:2"]
    assert (await store.recall("T1:D1:")) == Memory(intent="ownership", question="2")


async def test_an_answer_in_a_conversation_another_process_moved_on_is_made_again(
    database_url: str,
) -> None:
    """Process A answers turns 1 and 3 of a conversation, B turn 2 in between: A's answer to
    turn 3 is made from turn 2's memory, never from the turn A wrote itself."""
    first, second = Store(database_url), Store(database_url)
    await first.upgrade()
    answers = Answers()
    try:
        assert await first.owe_answer("answer:1", "T1:D1:", answers(1))
        assert await second.owe_answer("answer:2", "T1:D1:", answers(2))
        assert answers.taken() == [None, None, "1"]  # B presumed a new conversation, then read it
        assert await first.owe_answer("answer:3", "T1:D1:", answers(3))
        assert answers.taken() == ["1", "2"]
        assert await second.owe_answer("answer:4", "T1:D1:", answers(4))
        assert answers.taken() == ["2", "3"]
        rows = await first.outbox_rows()
        assert [row.claim for row in rows] == [f"answer:{number}" for number in range(1, 5)]
    finally:
        await first.close()
        await second.close()


async def test_an_answer_is_never_made_from_a_forgotten_or_deleted_conversation(
    store: Store, clock: Clock
) -> None:
    answers = Answers()
    await store.owe_answer("answer:1", "T1:D1:", answers(1))
    clock.now += 60 * 60 + 1  # an hour after the last turn
    await store.owe_answer("answer:2", "T1:D1:", answers(2))
    await store.delete_team("T1")
    await store.owe_answer("answer:3", "T1:D1:", answers(3))
    assert answers.taken() == [None, None, None]


async def test_deleting_a_workspace_takes_its_claims_and_conversations_and_no_others(
    store: Store,
) -> None:
    # a workspace admin's find: a "_" in a team id matched any character, so removing T_A took
    # TZA's conversations too; and the claims naming T_A's messages were left behind
    def answering(team: str, number: int) -> Answering:
        owed = OWED.model_copy(update={"team": team})
        return lambda _: Answer(owed, Memory(intent="ownership", question=str(number)), None)

    assert await store.owe_answer("answer:T_A:D1:1", "T_A:D1:", answering("T_A", 1))
    assert await store.owe_answer("answer:TZA:D1:1", "TZA:D1:", answering("TZA", 2))
    await store.delete_team("T_A")
    assert await store.recall("TZA:D1:") == Memory(intent="ownership", question="2")
    assert await store.recall("T_A:D1:") is None
    assert not await store.owe_answer("answer:TZA:D1:1", "TZA:D1:", answering("TZA", 3))
    assert await store.owe_answer("answer:T_A:D1:1", "T_A:D1:", answering("T_A", 4))  # claim gone


async def test_an_owe_landing_while_its_workspace_is_deleted_leaves_no_memory_behind(
    store: Store,
) -> None:
    answers = Answers()
    owing = asyncio.create_task(store.owe_answer("answer:1", "T1:D1:", answers(1)))
    await asyncio.sleep(0)  # the owe is queued
    await store.delete_team("T1")
    await owing
    await store.owe_answer("answer:2", "T1:D1:", answers(2))
    assert answers.taken() == [None, None]  # never presumed from the deleted conversation


async def test_a_closed_store_opens_again_when_used_and_closes_twice_harmlessly(
    store: Store,
) -> None:
    """Work that outlives a shutdown's grace period may still reach the store."""
    await store.owe_answer("answer:1", "T1:D1:", Answers()(1))
    await store.close()
    assert await store.recall("T1:D1:") == Memory(intent="ownership", question="1")
    await store.close()


async def test_two_owners_never_lease_the_same_message(store: Store) -> None:
    for number in range(10):
        await store.owe(f"answer:{number}", OWED)
    first, second = await asyncio.gather(
        store.take_due("a", limit=6, lease_seconds=60),
        store.take_due("b", limit=6, lease_seconds=60),
    )
    assert len(first) + len(second) == 10
    assert not {row.id for row in first} & {row.id for row in second}


async def test_a_dead_owners_lease_ends_and_the_message_is_taken_again(
    store: Store, clock: Clock
) -> None:
    await store.owe("answer:1", OWED)
    (leased,) = await store.take_due("dead", limit=5, lease_seconds=60)
    assert await store.take_due("alive", limit=5, lease_seconds=60) == []
    clock.now += 61
    (again,) = await store.take_due("alive", limit=5, lease_seconds=60)
    assert again.id == leased.id
    await store.mark_sent(leased.id, "dead", "D1", "1.1")  # the dead owner's word no longer counts
    assert (await store.outbox_rows())[0].status == PENDING


async def test_sent_retried_failed_and_requeued(store: Store, clock: Clock) -> None:
    for number in range(3):
        await store.owe(f"answer:{number}", OWED)
    sent, later, failed = await store.take_due("me", limit=5, lease_seconds=60)
    await store.mark_sent(sent.id, "me", "D1", "1700000000.000100")
    await store.retry_later(later.id, "me", clock.now + 30, "ratelimited")
    await store.give_up(failed.id, "me", "user_not_found")
    assert await store.counts() == {SENT: 1, PENDING: 1, FAILED: 1}
    assert await store.take_due("me", limit=5, lease_seconds=60) == []  # not due for 30 s
    clock.now += 31
    (retried,) = await store.take_due("me", limit=5, lease_seconds=60)
    assert (retried.id, retried.attempts, retried.last_error) == (later.id, 1, "ratelimited")
    assert await store.requeue(failed.id)
    assert not await store.requeue(sent.id)  # only failed messages go back


async def test_shutting_down_hands_back_what_it_held(store: Store) -> None:
    await store.owe("answer:1", OWED)
    await store.take_due("leaving", limit=5, lease_seconds=60)
    await store.release("leaving")
    assert len(await store.take_due("staying", limit=5, lease_seconds=60)) == 1


async def test_memories_claims_and_sent_messages_are_forgotten_on_time(
    store: Store, clock: Clock
) -> None:
    store.remember("T1:D1:", Memory(intent="compare"))
    await store.owe("answer:sent", OWED)
    await store.owe("answer:failed", OWED)
    sent, failed = await store.take_due("me", limit=5, lease_seconds=60)
    await store.mark_sent(sent.id, "me", "D1", "1.1")
    await store.give_up(failed.id, "me", "user_not_found")
    clock.now += 60 * 60 + 1
    assert await store.recall("T1:D1:") is None  # an hour after the last turn
    clock.now += 24 * 60 * 60
    await store.forget_old()
    assert await store.owe("answer:sent", OWED) is not None  # the day-old claim is gone
    assert [row.status for row in await store.outbox_rows((SENT, FAILED))] == [FAILED]


async def test_deleting_a_team_removes_its_rows_and_only_its_rows(store: Store) -> None:
    for team in ("T1", "T2"):
        store.remember(f"{team}:D1:", Memory(intent="compare"))
        await store.owe(f"answer:{team}", OWED.model_copy(update={"team": team}))
        async with store.engine.begin() as connection:
            await connection.execute(
                role_holders.insert().values(
                    team=team, role="product-owner", holders=["U1"], set_by="U0", updated_at=0.0
                )
            )
    await store.delete_team("T1")
    assert await store.recall("T1:D1:") is None
    assert await store.recall("T2:D1:") == Memory(intent="compare")
    assert [row.owed.team for row in await store.outbox_rows()] == ["T2"]
    async with store.engine.connect() as connection:
        teams = (await connection.execute(select(role_holders.c.team))).scalars().all()
    assert teams == ["T2"]


async def test_busy_readers_and_writers_on_several_connections_never_fail(
    database_url: str,
) -> None:
    """Owing, leasing, marking sent and reading at once from three "processes": each call waits
    its turn (under benchmark load SQLite once failed such a mix with "database is locked")."""
    stores = [Store(database_url) for _ in range(3)]
    await stores[0].upgrade()

    async def one_message(number: int) -> None:
        store = stores[number % 3]
        key = f"T1:D{number}:"
        await store.owe(f"answer:{number}", OWED, remember=(key, Memory(intent="compare")))
        assert await store.recall(key) is not None
        for pending in await store.take_due(f"owner{number}", limit=2, lease_seconds=60):
            await store.mark_sent(pending.id, f"owner{number}", "D1", "1.1")
        asked = Asked(team="T1", user="U1", text="who owns pricing?", intent="ownership")
        store.record_question(asked, remember=(key, Memory(intent="ownership")))
        await store.counts()

    try:
        await asyncio.gather(*(one_message(number) for number in range(60)))
        assert sum((await stores[0].counts()).values()) == 60
    finally:
        for store in stores:
            await store.close()


def test_head_names_the_newest_migration() -> None:
    """`HEAD` lets a process on an up-to-date database skip importing Alembic: it must be Alembic's
    own head, or a new migration would never run."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from bot.store import migrations

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    assert ScriptDirectory.from_config(config).get_current_head() == migrations.HEAD


async def test_a_start_on_a_database_at_the_newest_migration_does_not_load_alembic(
    database_url: str,
) -> None:
    code = (
        "import asyncio, sys\n"
        "from bot.store.store import Store\n"
        "async def start():\n"
        f"    store = Store({database_url!r})\n"
        "    await store.upgrade()\n"
        "    await store.close()\n"
        "asyncio.run(start())\n"
        "print('alembic' in sys.modules)\n"
    )
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (first.stdout.strip(), again.stdout.strip()) == ("True", "False")


async def test_question_ids_migrate_down_and_up_with_questions_recorded(store: Store) -> None:
    asked = Asked(team="T1", user="U1", text="who owns pricing?", intent="ownership")
    question = store.record_question(asked)
    await store.flush()
    await store.record_vote(Vote(team="T1", user="U1", question_id=question, helpful=False))
    await store.downgrade("0002")
    await store.upgrade()
    store.record_question(asked)
    assert (await store.insights("T1", 30)).asked >= 1


async def test_processes_starting_together_on_an_empty_database_migrate_once(
    database_url: str,
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("several processes share PostgreSQL (the README); SQLite is one process's")
    stores = [Store(database_url) for _ in range(4)]
    try:
        await asyncio.gather(*(store.upgrade() for store in stores))
        assert await stores[0].owe("answer:1", OWED) is not None
        assert await stores[3].owe("answer:1", OWED) is None
    finally:
        for store in stores:
            await store.close()
