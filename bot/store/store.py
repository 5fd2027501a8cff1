"""The one place RoleFit's data is read and written: claims, the outbox and conversation memories.

SQLite by default (a file, nothing to install), PostgreSQL when DATABASE_URL names one (several
`rolefit serve` processes share it and nothing else). Listeners never write SQL: they call these
methods. Every effect is claimed by inserting its key (`INSERT … ON CONFLICT DO NOTHING`, never
read-then-write), so exactly one process, once, owns it, whatever restarts or runs twice.

The calls every request makes (`owe`, `record_question`, `remember`, `recall`, and the outbox's
`mark_sent`, `retry_later`, `give_up`) are group-committed (`bot.store.batches`): those that
arrive while a batch runs go together in the next one, one transaction for the writes, one
statement for the reads, each caller still given its own result; the outbox's outcomes are
batched apart from the owes. On PostgreSQL these batches run on asyncpg itself (`_driver`), on
SQLite on a sqlite3 connection and thread of their own (`bot.store.sqlite_thread`).

What RoleFit owes is committed before Slack is acknowledged (`owe`). A question answered and a
conversation's turn are not owed to anyone: they are written behind the answer (`record_question`,
`remember` return at once), so an acknowledgement that owes nothing never waits for a commit. This
process reads its own writes (`recall` sees a turn not yet written; reports and deletions wait for
them); another process sees them once they land, milliseconds later. A crash in those milliseconds
loses the turn and the question's record (its feedback buttons then thank and count nothing),
never a message.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import logging
import random
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeAlias

from cachetools import TTLCache
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy import (
    BigInteger,
    Column,
    MetaData,
    String,
    Table,
    Update,
    and_,
    any_,
    bindparam,
    case,
    cast,
    delete,
    event,
    func,
    literal,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.exc import (
    DatabaseError,
    DBAPIError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import Pool
from sqlalchemy.sql import ClauseElement

from bot.store.batches import Batcher
from bot.store.insights import (
    ADVICE_ONLY,
    DEFAULT_RETENTION_DAYS,
    Asked,
    Comment,
    Insights,
    Recommended,
    TopQuestion,
    Vote,
)
from bot.store.owed import Owed, Pending
from bot.store.schema import (
    claims,
    conversations,
    feedback,
    outbox,
    phrasings,
    questions,
    role_holders,
    workspaces,
)
from bot.store.sqlite_thread import SQLiteThread
from bot.store.urls import DEFAULT_DATABASE_URL, engine_url
from knowledge.additions import clean_phrase
from knowledge.confidence import MOST_LIKELY
from knowledge.dialogue import Memory

logger = logging.getLogger(__name__)

# Writes queued behind answers at most: past it (the database has stalled without failing) a
# turn is not kept, rather than the queue and `_unwritten` growing without end.
BEHIND_MOST = 10_000
# A conversation is forgotten an hour after its last turn.
FORGET_CONVERSATIONS_AFTER = 60 * 60
# What people wrote that a workspace's retention limits: each table, its text, and when it came.
_KEPT_TEXTS = (
    (questions, questions.c.text, questions.c.asked_at),
    (feedback, feedback.c.comment, feedback.c.at),
)
# Conversations whose memory a process keeps, to answer in them without reading it (about 1 kB
# each): past it the longest unused is read again when next answered in.
PRESUMED_MOST = 4096
# Slack retries an event for about five minutes; a day of claims covers every redelivery.
KEEP_CLAIMS_FOR = 24 * 60 * 60
PENDING, SENT, FAILED = "pending", "sent", "failed"
# The last error of a message whose lease ended with no outcome written: its process died (or
# froze) holding it, maybe mid-post, so whoever takes it next looks for it in Slack first.
LEASE_ENDED = "lease ended mid-send"

DAY = 24 * 60 * 60
# How many unanswered or disputed questions the insights list.
TOP_QUESTIONS = 5
LATEST_COMMENTS = 5
LOW_CONFIDENCE = MOST_LIKELY  # below it RoleFit says it is "not sure"

Clock = Callable[[], float]
_READING = "rolefit_reading"  # an execution option: this connection only reads
# Connections kept open per process. Enough for a busy process's concurrent store calls: a
# connection past the pool's size is closed when returned, and opening one costs milliseconds
# (a thread and pragmas on SQLite; authentication and type look-ups on PostgreSQL). Two or three
# processes stay within PostgreSQL's default 100 connections.
_POOL: dict[str, Any] = {
    "pool_size": 24,
    "max_overflow": 8,
    # A failed statement's error names the statement, never its values (message texts).
    "hide_parameters": True,
    # The most recently used connection first: a few stay busy (their prepared statements warm)
    # and the rest idle, instead of every call taking the next one round the pool.
    "pool_use_lifo": True,
}
# On PostgreSQL the statements every request runs (recall, owe, outcome: `Store._driver`) have
# connections of their own, one kept by each of their batchers, that plan each statement once
# for any values: left to choose, PostgreSQL planned the owe (`_WRITE_AT_ONCE`) anew on every call,
# 0.3 ms of its 1 ms. Their best plan never depends on the values; other statements' can (the
# outbox's rows by status), so the main pool's connections leave PostgreSQL to choose.
_HOT_POOL: dict[str, Any] = {**_POOL, "pool_size": 3, "max_overflow": 2}
# The owed message given the id of the question recorded with it (its feedback buttons carry it).
OwedFor = Callable[[int | None], Owed]


def _question_id_of(request: str) -> int:
    """The id of the question a request asked, the same every time it is sent: 63 bits of its
    hash, not 0."""
    digest = hashlib.blake2b(request.encode(), digest_size=8).digest()
    return (int.from_bytes(digest, "big") >> 1) or 1


def new_question_id() -> int:
    """A question's id, made here rather than by the database, so an answer carries it at once:
    63 random bits (not 0). Two alike in a hundred million questions is about one chance in two
    thousand, and the clash costs only the second question's record (it is not written). Python's
    own generator, seeded from the system at start and again in a forked child: unique, not
    secret (the system's generator would cost a system call per question)."""
    return random.getrandbits(63) or 1


# What a store call raises when the database is unreachable or refuses.
STORE_FAILURES = (SQLAlchemyError, OSError)
# The longest part of a database's own reason that a failure's line shows.
_REASON_CHARACTERS = 160


def cannot_use_the_database(error: BaseException) -> str:
    """One line for a store failure (`STORE_FAILURES`) at start or from a command: what failed,
    with the database's own reason ('database "x" is not currently accepting connections'), its
    first line only. Never the URL: it may hold a password, and no reason here repeats it."""
    cause = getattr(error, "orig", None) or error
    said = str(cause).strip().splitlines()[0] if str(cause).strip() else ""
    if len(said) > _REASON_CHARACTERS:
        said = f"{said[:_REASON_CHARACTERS]}…"
    reason = f"{type(cause).__name__}: {said}" if said else type(cause).__name__
    return f"cannot use the database at DATABASE_URL ({reason})"


# The statements every request runs, built once: building one anew each time costs a good
# share of the CPU of running it.
# Many conversations' memories in one statement, the same SQL whatever their number (one prepared
# statement serves every batch): PostgreSQL is given the keys as one array, SQLite as JSON.
_RECALL = {
    "postgresql": select(conversations.c.key, conversations.c.memory).where(
        conversations.c.key == any_(bindparam("wanted", type_=postgresql.ARRAY(String))),
        conversations.c.updated_at >= bindparam("since"),
    ),
    "sqlite": text(
        "SELECT key, memory FROM conversations "
        "WHERE key IN (SELECT value FROM json_each(:wanted)) AND updated_at >= :since"
    ),
}
# An outbox row, its id returned (SQLite: a row at a time on `SQLiteThread`).
_OWE = outbox.insert().returning(outbox.c.id)
_OWED_COLUMNS = (
    "claim", "team", "message", "status", "attempts", "due_at", "lease_owner", "lease_until",
    "created_at", "updated_at",
)  # fmt: skip
# A batch's owes and turns as one PostgreSQL statement: one round trip instead of six (BEGIN,
# claims, questions, outbox, conversations, COMMIT), atomic all the same. Each is one row of the
# arrays (`n`, its place in the batch; a turn has no claim and always goes in); an owe whose claim
# was taken before, or by an earlier owe in the batch, writes nothing; of a conversation's turns
# that go in, the last queued is kept. An owe that presumes its conversation's memory (`presumes`,
# from `Store.owe_answer`) writes nothing if the live memory is not the one `presumed` (None: no
# live memory); it comes back as (NULL, claim, n). The outbox rows come back as (id, claim, NULL).
# On SQLite, `Store._write_in_steps` does the same a statement at a time.
_WRITE_AT_ONCE = text(
    """
WITH owes AS (
    SELECT *, CAST(:now AS float8) AS now FROM unnest(
        CAST(:claims AS text[]), CAST(:teams AS text[]), CAST(:messages AS text[]),
        CAST(:lease_owners AS text[]), CAST(:lease_untils AS float8[]),
        CAST(:question_ids AS bigint[]), CAST(:question_teams AS text[]),
        CAST(:question_users AS text[]), CAST(:question_texts AS text[]),
        CAST(:intents AS text[]), CAST(:owners AS text[]), CAST(:confidences AS float8[]),
        CAST(:responsibilities AS text[]), CAST(:recommendations AS text[]),
        CAST(:asked_ats AS float8[]), CAST(:memory_keys AS text[]), CAST(:memories AS text[]),
        CAST(:presumes AS boolean[]), CAST(:presumed AS text[])
    ) WITH ORDINALITY AS owe(
        claim, team, message, lease_owner, lease_until, question_id, question_team,
        question_user, question_text, intent, owners, confidence, responsibility,
        recommendation, asked_at, memory_key, memory, presumes, presumed, n
    )
),
checked AS (
    SELECT owes.*, presumes AND (
        SELECT conversations.memory FROM conversations
        WHERE conversations.key = owes.memory_key
            AND conversations.updated_at >= CAST(:since AS float8)
    ) IS DISTINCT FROM presumed AS moved
    FROM owes
),
won AS (
    INSERT INTO claims (key, claimed_at) SELECT DISTINCT claim, now FROM checked
    WHERE claim IS NOT NULL AND NOT moved
    ON CONFLICT (key) DO NOTHING RETURNING key
),
winners AS (
    (
        SELECT DISTINCT ON (checked.claim) checked.* FROM checked
        JOIN won ON won.key = checked.claim WHERE NOT checked.moved
        ORDER BY checked.claim, checked.n
    )
    UNION ALL
    SELECT * FROM checked WHERE claim IS NULL
),
asked AS (
    INSERT INTO questions (
        id, team, "user", asked_at, text, intent, owners, confidence, responsibility,
        recommendation
    )
    SELECT question_id, question_team, question_user, asked_at, question_text, intent, owners,
        confidence, responsibility, recommendation
    FROM winners WHERE question_id IS NOT NULL
    ON CONFLICT (id) DO NOTHING
),
remembered AS (
    INSERT INTO conversations (key, memory, updated_at)
    SELECT DISTINCT ON (memory_key) memory_key, memory, now FROM winners
    WHERE memory_key IS NOT NULL ORDER BY memory_key, n DESC
    ON CONFLICT (key) DO UPDATE SET memory = excluded.memory, updated_at = excluded.updated_at
),
owed AS (
    INSERT INTO outbox (
        claim, team, message, status, attempts, due_at, lease_owner, lease_until, created_at,
        updated_at
    )
    SELECT claim, team, CAST(message AS json), CAST(:pending AS text), 0, now, lease_owner,
        lease_until, now, now
    FROM winners WHERE claim IS NOT NULL ORDER BY n
    RETURNING id, claim
)
SELECT id, claim, NULL AS moved FROM owed
UNION ALL
SELECT NULL, claim, n FROM checked WHERE moved
"""
)
# A workspace's holders and a mark of its phrasings (`Store.additions`).
_TAUGHT = (
    # The sum of when each was added: any phrasing taken back or added moves it, whatever the
    # processes' clocks say (ids of rows taken back are used again on SQLite, so no id would).
    select(
        func.count().label("taught"),
        # in whole milliseconds, so the sum is the same in any order rows are added up
        func.sum(cast(func.floor(phrasings.c.added_at * 1000), BigInteger)).label("newest"),
    )
    .where(phrasings.c.team == bindparam("team"))
    .subquery()
)
_ADDITIONS = select(
    _TAUGHT.c.taught, _TAUGHT.c.newest, role_holders.c.role, role_holders.c.holders
).select_from(_TAUGHT.outerjoin(role_holders, role_holders.c.team == bindparam("team")))
_LEASED = update(outbox).where(
    outbox.c.id == bindparam("pid"), outbox.c.lease_owner == bindparam("owner")
)
_ENDS_LEASE: dict[str, Any] = {
    "lease_owner": None,
    "lease_until": None,
    "updated_at": bindparam("now"),
}
_SENT = _LEASED.values(
    status=SENT,
    sent_channel=bindparam("channel"),
    sent_ts=bindparam("ts"),
    last_error=None,
    **_ENDS_LEASE,
)
_AGAIN = _LEASED.values(
    due_at=bindparam("due"),
    attempts=outbox.c.attempts + bindparam("tried"),
    last_error=func.coalesce(bindparam("error", type_=String), outbox.c.last_error),
    **_ENDS_LEASE,
)
_FAILED = _LEASED.values(
    status=FAILED, attempts=outbox.c.attempts + 1, last_error=bindparam("error"), **_ENDS_LEASE
)


class _Question(NamedTuple):
    """A question to record: its id (made by `new_question_id`), what was asked, and when."""

    id: int
    asked: Asked
    at: float


class Answer(NamedTuple):
    """A turn in a conversation, as `Store.owe_answer` owes it: the message (given the id of the
    question recorded with it), the conversation's memory after the turn, the question to record."""

    owed: Owed | OwedFor
    memory: Memory
    asked: Asked | None


# The answer to a message, given the memory of its conversation (None: a new conversation).
Answering = Callable[[Memory | None], Answer]


@dataclass(frozen=True, slots=True)
class _Presumed:
    """The memory an answer was made from without reading it (as JSON; None: no memory): the owe
    is written only if the conversation's live memory is still that one."""

    memory: str | None


@dataclass(frozen=True, slots=True)
class _Owe:
    """`Store.owe`'s call, queued for the next batch of writes."""

    claim: str
    owed: Owed
    remember: tuple[str, Memory] | None
    asked: _Question | None
    lease: tuple[str, float] | None
    presumed: _Presumed | None = None


class _Moved:
    """What an owe that presumed a memory gets when its conversation has moved on: nothing is
    written."""


_MOVED = _Moved()


@dataclass(frozen=True, slots=True)
class _Turn:
    """A conversation's turn: its memory, the question it answered (`record_question`), or both."""

    remember: tuple[str, Memory] | None
    asked: _Question | None = None


@dataclass(frozen=True, slots=True)
class _Finish:
    """A leased message's outcome (`_SENT`, `_AGAIN` or `_FAILED` and its values)."""

    statement: Update
    values: dict[str, Any]


_Write: TypeAlias = _Owe | _Turn
# What a write gives its caller: an owed message's row (None: claimed before, or a turn; _MOVED:
# the memory it presumed is not the conversation's).
_Written: TypeAlias = Pending | _Moved | None


class _Compiled(NamedTuple):
    """A statement compiled for asyncpg: its SQL ($1, $2, ...) and its parameters' names in
    that order, with the values it binds itself (an UPDATE's constants)."""

    sql: str
    names: tuple[str, ...]
    constants: dict[str, Any]

    def arguments(self, values: dict[str, Any]) -> list[Any]:
        merged = {**self.constants, **values}
        return [merged[name] for name in self.names]


def _compiled(
    statement: ClauseElement, engine: AsyncEngine, columns: Sequence[str] | None = None
) -> _Compiled:
    """`statement` as its driver runs it; an INSERT given no values binds the `columns`."""
    compiled = statement.compile(dialect=engine.dialect, column_keys=columns)
    names = tuple(getattr(compiled, "positiontup", None) or ())  # SQLCompiler: positional
    binds = getattr(compiled, "binds", {})
    constants = {name: binds[name].value for name in names if not binds[name].required}
    return _Compiled(str(compiled), names, constants)


class Store:
    def __init__(self, url: str = DEFAULT_DATABASE_URL, *, clock: Clock = time.time) -> None:
        self.url = engine_url(url)
        self._clock = clock
        if self.url.startswith("sqlite"):
            self.engine: AsyncEngine = create_async_engine(self.url, **_POOL)
            event.listen(self.engine.sync_engine, "connect", _tune_sqlite)
            event.listen(self.engine.sync_engine, "begin", _begin_immediately)
            self._insert: Any = sqlite.insert
            # The statements every request runs, a batch at a time on a thread of their own;
            # reads on another, so under WAL they never wait behind a writer.
            path = str(self.engine.url.database)
            self._thread = SQLiteThread(path, _tune_sqlite)
            self._reading_thread = SQLiteThread(path, _tune_sqlite)
        else:
            self.engine = create_async_engine(self.url, **_POOL)
            # The statements every request runs (`_driver`) on connections of their own.
            self._hot = create_async_engine(self.url, **_HOT_POOL)
            event.listen(self._hot.sync_engine, "connect", _plan_once)
            self._held: dict[str, _Held] = {}  # by batcher: `_driver`
            self._lost = 0  # connections lost so far: one held since before is replaced
            self._insert = postgresql.insert
        self._reader = self.engine.execution_options(**{_READING: True})
        # The statements every request runs, compiled once for the driver itself.
        self._raw_recall = _compiled(_RECALL[self.dialect], self.engine)
        self._raw_outcomes = {
            id(statement): _compiled(statement, self.engine)
            for statement in (_SENT, _AGAIN, _FAILED)
        }
        if self.dialect == "postgresql":
            self._raw_write = _compiled(_WRITE_AT_ONCE, self.engine)
        else:  # `_write_in_steps`
            claim = sqlite.insert(claims).on_conflict_do_nothing(index_elements=["key"])
            self._raw_claim = _compiled(claim.returning(claims.c.key), self.engine)
            record = sqlite.insert(questions).on_conflict_do_nothing(index_elements=["id"])
            self._raw_record = _compiled(record, self.engine)
            self._raw_owe = _compiled(_OWE, self.engine, _OWED_COLUMNS)
            upsert = sqlite.insert(conversations)
            remember = upsert.on_conflict_do_update(
                index_elements=["key"],
                set_={"memory": upsert.excluded.memory, "updated_at": upsert.excluded.updated_at},
            )
            self._raw_remember = _compiled(remember, self.engine)
        # Every request's writes and reads go through these: see bot.store.batches.
        self._writes: Batcher[_Write, _Written] = Batcher(self._write, shared=_database_failed)
        # Sent messages' outcomes have a batcher of their own: on PostgreSQL a request's owe
        # never waits behind another message's "sent" (on SQLite both take the write lock).
        self._outcomes: Batcher[_Finish, None] = Batcher(self._finish_all, shared=_database_failed)
        # Conversations' turns queued behind an answer and not written yet: this process's
        # recalls read them here (`_behind`).
        self._unwritten: dict[str, Memory] = {}
        self._recalls: Batcher[str, Memory | None] = Batcher(
            self._recall_all, shared=_database_failed
        )
        self._additions: Batcher[str, Additions] = Batcher(
            self._additions_all, shared=_database_failed
        )
        # The memory this process last wrote in each conversation it answered, for as long as the
        # database keeps it: the next answer there is made from it without reading it first
        # (`owe_answer`). Bounded: a conversation left out is read, as before.
        self._written: TTLCache[str, Memory] = TTLCache(
            maxsize=PRESUMED_MOST, ttl=FORGET_CONVERSATIONS_AFTER, timer=clock
        )
        self._write_turns = asyncio.Lock() if self.dialect == "sqlite" else None
        self._retentions: TTLCache[str, int] = TTLCache(maxsize=10_000, ttl=60)
        self._autocommit = (
            None
            if self.dialect == "sqlite"
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )

    def _reading(self) -> AbstractAsyncContextManager[AsyncConnection]:
        """A connection for a call that only reads: on PostgreSQL one statement in autocommit,
        on SQLite a plain (deferred) transaction that never blocks a writer."""
        if self._autocommit is None:
            return self._reader.connect()
        return self._autocommit.connect()

    @contextlib.asynccontextmanager
    async def _transaction(self, *, one_statement: bool = False) -> AsyncIterator[AsyncConnection]:
        """A connection for a call that may write. On SQLite this process's writers take turns
        in arrival order (the database's own busy handler polls, and under load some would wait
        past any timeout); several processes should share PostgreSQL instead. On PostgreSQL a
        call that is one statement runs in autocommit: one round trip instead of three."""
        if self._write_turns is not None:
            async with self._write_turns, self.engine.begin() as connection:
                yield connection
        elif one_statement and self._autocommit is not None:
            async with self._autocommit.connect() as connection:
                yield connection
        else:
            async with self.engine.begin() as connection:
                yield connection

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def upgrade(self) -> None:
        """Bring the schema to the newest migration (run on start and by `rolefit db upgrade`)."""
        from bot.store.migrations import upgrade

        async with self._transaction() as connection:
            await connection.run_sync(upgrade)

    async def downgrade(self, revision: str = "base") -> None:
        from bot.store.migrations import downgrade

        async with self._transaction() as connection:
            await connection.run_sync(downgrade, revision)

    async def flush(self) -> None:
        """Until the writes queued so far (turns and questions written behind answers, outcomes
        of sent messages) landed."""
        await self._writes.wait_idle()
        await self._outcomes.wait_idle()

    async def close(self) -> None:
        """Let the writes and reads already asked for finish, then close every connection."""
        for batcher in (self._writes, self._outcomes, self._recalls, self._additions):
            await batcher.wait_idle()
        await self.engine.dispose()
        if self.dialect == "sqlite":
            await self._thread.close()
            await self._reading_thread.close()
        else:
            for held in self._held.values():
                await held.connection.close()
            self._held.clear()
            await self._hot.dispose()

    async def owe(
        self,
        claim: str,
        owed: Owed | OwedFor,
        *,
        remember: tuple[str, Memory] | None = None,
        asked: Asked | None = None,
        lease: tuple[str, float] | None = None,
    ) -> Pending | None:
        """Claim `claim` and, in the same transaction, put `owed` in the outbox (and remember the
        conversation's turn, and record the question `asked`: `owed` may then be a function of
        its id); with `lease` (owner, seconds) the message is leased to that owner at once, so
        it can send it without asking for it again. None, with nothing written, if it was
        claimed before. Owes that arrive together share one transaction (`_write`)."""
        written = await self._owe(claim, owed, remember, asked, lease, None)
        assert not isinstance(written, _Moved)  # only an owe that presumed a memory finds it moved
        return written

    async def owe_answer(
        self,
        claim: str,
        conversation: str,
        answering: Answering,
        *,
        lease: tuple[str, float] | None = None,
    ) -> Pending | None:
        """`owe` the answer to a message in `conversation`, made by `answering` from the
        conversation's memory, and remember the memory after it. Where this process wrote the
        conversation's last turn, or the conversation is new to it, the answer is made from what
        it presumes and owed in one round trip, the presumption checked in the same statement;
        if another process moved the conversation on (or it was forgotten), nothing is written
        and the answer is made again from the memory read, as `recall` then `owe`."""
        presumed = self._unwritten.get(conversation)
        if presumed is None:
            presumed = self._written.get(conversation)
        answer = answering(presumed)
        checked = _Presumed(None if presumed is None else presumed.model_dump_json())
        remember = (conversation, answer.memory)
        written = await self._owe(claim, answer.owed, remember, answer.asked, lease, checked)
        if isinstance(written, _Moved):
            self._written.pop(conversation, None)
            answer = answering(await self.recall(conversation))
            remember = (conversation, answer.memory)
            written = await self._owe(claim, answer.owed, remember, answer.asked, lease, None)
        assert not isinstance(written, _Moved)
        return written

    async def _owe(
        self,
        claim: str,
        owed: Owed | OwedFor,
        remember: tuple[str, Memory] | None,
        asked: Asked | None,
        lease: tuple[str, float] | None,
        presumed: _Presumed | None,
    ) -> _Written:
        question = None if asked is None else _Question(new_question_id(), asked, self._clock())
        message = owed if isinstance(owed, Owed) else owed(question and question.id)
        written = await self._writes.submit(
            _Owe(claim, message, remember, question, lease, presumed)
        )
        if remember is not None and isinstance(written, Pending):
            self._written[remember[0]] = remember[1]
        return written

    async def recall(self, key: str) -> Memory | None:
        """The conversation's memory, unless its last turn is over an hour old. Recalls that
        arrive together are one statement (`_recall_all`)."""
        if (unwritten := self._unwritten.get(key)) is not None:
            return unwritten
        return await self._recalls.submit(key)

    def remember(self, key: str, memory: Memory) -> None:
        """Remember a conversation's turn, written behind the answer (`_behind`)."""
        self._behind(_Turn((key, memory)))

    async def take_due(self, owner: str, *, limit: int, lease_seconds: float) -> list[Pending]:
        """Lease up to `limit` pending messages that are due and not leased by a live process.
        A process that dies holding a lease loses it when the lease ends; the message's last
        error then says so (`LEASE_ENDED`)."""
        now = self._clock()
        due = (
            select(outbox.c.id)
            .where(
                outbox.c.status == PENDING,
                outbox.c.due_at <= now,
                or_(outbox.c.lease_until.is_(None), outbox.c.lease_until < now),
            )
            .order_by(outbox.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        async with self._transaction(one_statement=True) as connection:
            rows = await connection.execute(
                update(outbox)
                .where(outbox.c.id.in_(due.scalar_subquery()))
                .values(
                    lease_owner=owner,
                    lease_until=now + lease_seconds,
                    updated_at=now,
                    last_error=case(
                        (outbox.c.lease_until.is_not(None), LEASE_ENDED), else_=outbox.c.last_error
                    ),
                )
                .returning(*outbox.c)
            )
            return [_pending(row) for row in rows.mappings()]

    async def ping(self) -> None:
        """One trivial read: raises (`STORE_FAILURES`) if the database cannot be used now."""
        async with self._reading() as connection:
            await connection.execute(select(literal(1)))

    async def has_due(self) -> bool:
        """Whether any pending message is due now (leased or not)."""
        async with self._reading() as connection:
            found = await connection.scalar(
                select(outbox.c.id)
                .where(outbox.c.status == PENDING, outbox.c.due_at <= self._clock())
                .limit(1)
            )
        return found is not None

    async def mark_sent(self, pending_id: int, owner: str, channel: str, ts: str | None) -> None:
        await self._finish(_SENT, pending_id, owner, {"channel": channel, "ts": ts})

    async def retry_later(self, pending_id: int, owner: str, due_at: float, error: str) -> None:
        await self._finish(
            _AGAIN, pending_id, owner, {"due": due_at, "error": error[:255], "tried": 1}
        )

    async def postpone(self, pending_id: int, owner: str, due_at: float, why: str | None) -> None:
        """Hand a leased message back untried, due at `due_at`: no attempt is counted. `why`
        becomes its last error (None keeps the one it has)."""
        await self._finish(_AGAIN, pending_id, owner, {"due": due_at, "error": why, "tried": 0})

    async def give_up(self, pending_id: int, owner: str, error: str) -> None:
        await self._finish(_FAILED, pending_id, owner, {"error": error[:255]})

    async def release(self, owner: str, *, due_in: float = 0.0, cut_off: str | None = None) -> None:
        """Hand back every lease `owner` holds (a process shutting down), so others take them,
        `due_in` seconds from now, noting `cut_off` as their last error where sends were cut off
        mid-call (they may still land meanwhile). The outcomes it already asked to write land
        first: a "sent" handed back unwritten would be sent again by another process."""
        await self.flush()
        handed_back: dict[str, Any] = {"lease_owner": None, "lease_until": None}
        if cut_off is not None:
            handed_back |= {"due_at": self._clock() + due_in, "last_error": cut_off}
        async with self._transaction(one_statement=True) as connection:
            await connection.execute(
                update(outbox)
                .where(outbox.c.lease_owner == owner, outbox.c.status == PENDING)
                .values(**handed_back)
            )

    async def requeue(self, pending_id: int) -> bool:
        """A failed message back in the queue, due now (`rolefit outbox retry`)."""
        async with self._transaction(one_statement=True) as connection:
            result = await connection.execute(
                update(outbox)
                .where(outbox.c.id == pending_id, outbox.c.status == FAILED)
                .values(status=PENDING, attempts=0, due_at=self._clock(), lease_until=None)
            )
            return bool(result.rowcount)

    async def outbox_rows(self, statuses: Sequence[str] = (PENDING, FAILED)) -> list[Pending]:
        async with self._reading() as connection:
            rows = await connection.execute(
                select(outbox).where(outbox.c.status.in_(statuses)).order_by(outbox.c.id)
            )
            return [_pending(row) for row in rows.mappings()]

    async def counts(self) -> dict[str, int]:
        """Outbox messages by status."""
        async with self._reading() as connection:
            rows = await connection.execute(
                select(outbox.c.status, func.count()).group_by(outbox.c.status)
            )
            return {str(status): int(count) for status, count in rows}

    async def forget_old(self) -> None:
        """Delete what is no longer needed: conversations an hour after their last turn, claims
        and delivered messages after a day, question texts and comments past their workspace's
        retention. Undeliverable messages (and their claims) stay until an operator acts."""
        now = self._clock()
        await self.flush()
        async with self._transaction() as connection:
            await self._forget_texts(connection, now)
            await connection.execute(
                delete(conversations).where(
                    conversations.c.updated_at < now - FORGET_CONVERSATIONS_AFTER
                )
            )
            await connection.execute(
                delete(outbox).where(
                    outbox.c.status == SENT, outbox.c.updated_at < now - KEEP_CLAIMS_FOR
                )
            )
            # A claim stays while its message does (a failed one), so a later click on the same
            # button is still "already claimed", not a clash with the message's row.
            await connection.execute(
                delete(claims).where(
                    claims.c.claimed_at < now - KEEP_CLAIMS_FOR,
                    claims.c.key.not_in(select(outbox.c.claim)),
                )
            )

    # -- questions, feedback and insights (one workspace's own) --------------------------------

    def record_question(
        self,
        asked: Asked,
        *,
        remember: tuple[str, Memory] | None = None,
        once_for: str | None = None,
    ) -> int:
        """Record a question RoleFit answered (and remember the conversation's turn with it, in
        one transaction), written behind the answer; its id, which the answer's feedback
        buttons carry, at once. With `once_for` (what tells the request apart, say a slash
        command's trigger id) its id comes from that, so the same request sent again (a replay
        within Slack's five minutes) records nothing more."""
        number = new_question_id() if once_for is None else _question_id_of(once_for)
        question = _Question(number, asked, self._clock())
        self._behind(_Turn(remember, question))
        return question.id

    def _behind(self, turn: _Turn) -> None:
        """Queue `turn` for the next batch of writes without waiting for it. Until it lands this
        process's recalls read its memory from `_unwritten`; if it fails, that is logged (a
        turn and a question's record are lost, never a message RoleFit owes)."""
        if self._writes.queued >= BEHIND_MOST:
            logger.warning("the database is behind: a conversation's turn was not kept")
            return
        if turn.remember is not None:
            key, memory = turn.remember
            self._unwritten[key] = memory
        self._writes.send(turn).add_done_callback(functools.partial(self._landed, turn))

    def _landed(self, turn: _Turn, written: asyncio.Future[_Written]) -> None:
        if turn.remember is not None:
            key, memory = turn.remember
            if self._unwritten.get(key) is memory:
                del self._unwritten[key]
        if not written.cancelled() and (error := written.exception()) is not None:
            logger.warning("a conversation's turn was not written: %s", type(error).__name__)

    async def record_vote(self, vote: Vote) -> bool:
        """Record one person's feedback on one answer: True the first time, False for every
        repeat (a double click, a second process), which changes nothing."""
        async with self._transaction() as connection:
            keep_text = await self._retention(vote.team, connection) > 0
            inserted = await connection.execute(
                self._insert(feedback)
                .values(
                    key=vote.key,
                    team=vote.team,
                    user=vote.user,
                    question_id=vote.question_id,
                    helpful=vote.helpful,
                    role=vote.role,
                    comment=vote.comment if keep_text else None,
                    at=self._clock(),
                )
                .on_conflict_do_nothing(index_elements=["key"])
            )
            return bool(inserted.rowcount)

    async def has_voted(self, key: str) -> bool:
        """Whether the vote with this `vote_key` was recorded (a 👎 form is not opened for a
        person whose vote on the answer is in: what they typed would be thrown away)."""
        async with self._transaction(one_statement=True) as connection:
            found = await connection.execute(select(feedback.c.key).where(feedback.c.key == key))
            return found.first() is not None

    async def retention_days(self, team: str) -> int:
        return await self._retention(team)

    async def set_retention_days(self, team: str, days: int) -> None:
        """How long `team`'s question texts are kept; 0 keeps counts and no text from now on.
        Texts and comments already kept past it go in the same step (an admin who says 0 sees
        none again in the insights)."""
        now = self._clock()
        values = {"retention_days": max(days, 0), "updated_at": now}
        await self.flush()  # a text queued before the change lands first, and is cleared here
        async with self._transaction() as connection:
            await connection.execute(
                self._insert(workspaces)
                .values(team=team, **values)
                .on_conflict_do_update(index_elements=["team"], set_=values)
            )
            for table, kept, at in _KEPT_TEXTS:
                await connection.execute(
                    update(table)
                    .where(table.c.team == team, kept.is_not(None), at <= now - max(days, 0) * DAY)
                    .values({kept.name: None})
                )
        self._retentions[team] = max(days, 0)

    async def insights(self, team: str, days: int) -> Insights:
        """`team`'s figures over the last `days` days: questions asked, answered, unanswered and
        low-confidence; 👍 and 👎 and the roles 👎 named; the unanswered or disputed questions
        asked most and the latest 👎 comments (texts still kept only)."""
        since = self._clock() - days * DAY
        q, f = questions.c, feedback.c
        unanswered = or_(q.intent == "off-topic", and_(q.intent == "ownership", q.owners == ""))
        low = and_(q.intent == "ownership", q.owners != "", q.confidence < LOW_CONFIDENCE)
        disputed = select(f.question_id).where(f.team == team, f.helpful.is_(False))
        in_window = and_(q.team == team, q.asked_at >= since, q.intent != ADVICE_ONLY)
        await self.flush()  # the questions this process answered are counted
        async with self._reading() as connection:
            asked, not_answered, unsure = (
                await connection.execute(
                    select(
                        func.count(),
                        func.coalesce(func.sum(case((unanswered, 1), else_=0)), 0),
                        func.coalesce(func.sum(case((low, 1), else_=0)), 0),
                    ).where(in_window)
                )
            ).one()
            votes = await connection.execute(
                select(f.helpful, f.role, func.count())
                .where(f.team == team, f.at >= since)
                .group_by(f.helpful, f.role)
            )
            top = await connection.execute(
                select(q.text, func.count())
                .where(in_window, q.text.is_not(None), or_(unanswered, q.id.in_(disputed)))
                .group_by(q.text)
                .order_by(func.count().desc(), q.text)
                .limit(TOP_QUESTIONS)
            )
            commented = await connection.execute(
                select(f.comment, f.role, q.text)
                .select_from(
                    feedback.outerjoin(questions, and_(q.id == f.question_id, q.team == f.team))
                )
                .where(f.team == team, f.at >= since, f.comment.is_not(None))
                .order_by(f.at.desc(), f.key)
                .limit(LATEST_COMMENTS)
            )
            found = Insights(
                team=team,
                days=days,
                asked=int(asked),
                answered=int(asked) - int(not_answered),
                unanswered=int(not_answered),
                low_confidence=int(unsure),
                top_questions=[TopQuestion(text=text, count=count) for text, count in top],
                comments=[
                    Comment(text=said, role=role, question=asked_text)
                    for said, role, asked_text in commented
                ],
            )
        for helpful, role, count in votes:
            if helpful:
                found.helpful += int(count)
                continue
            found.not_helpful += int(count)
            if role:
                found.corrections[str(role)] = found.corrections.get(str(role), 0) + int(count)
        return found

    async def recommended_to(self, team: str, user: str, limit: int = 5) -> list[Recommended]:
        """The hiring advice RoleFit gave `user` most recently, newest first."""
        q = questions.c
        await self.flush()
        async with self._reading() as connection:
            rows = await connection.execute(
                select(q.asked_at, q.recommendation, q.text)
                .where(q.team == team, q.user == user, q.recommendation.is_not(None))
                .order_by(q.asked_at.desc(), q.id.desc())
                .limit(limit)
            )
            return [Recommended(at=at, recommendation=r, text=text) for at, r, text in rows]

    async def _retention(self, team: str, connection: AsyncConnection | None = None) -> int:
        """`team`'s retention, remembered for a minute: every recorded question needs it, and it
        seldom changes. Another process's change reaches this one within that minute, and texts
        it kept meanwhile go at the next `forget_old`. A miss reads through `connection` when
        the caller holds one: a SQLite writer holding the write lock must not wait for a second
        connection from a pool whose connections may all be waiting for that lock."""
        if (known := self._retentions.get(team)) is not None:
            return known
        query = select(workspaces.c.retention_days).where(workspaces.c.team == team)
        if connection is not None:
            days = await connection.scalar(query)
        else:
            async with self._reading() as reading:
                days = await reading.scalar(query)
        self._retentions[team] = DEFAULT_RETENTION_DAYS if days is None else int(days)
        return self._retentions[team]

    async def _forget_texts(self, connection: AsyncConnection, now: float) -> None:
        """Question texts and feedback comments older than their workspace's retention."""
        for table, kept, at in _KEPT_TEXTS:
            kept_days = func.coalesce(
                select(workspaces.c.retention_days)
                .where(workspaces.c.team == table.c.team)
                .scalar_subquery(),
                DEFAULT_RETENTION_DAYS,
            )
            await connection.execute(
                update(table)
                .where(kept.is_not(None), at < now - kept_days * DAY)
                .values({kept.name: None})
            )

    def installation_store(self, client_id: str) -> AsyncInstallationStore:
        """Slack's installations (bot tokens, refresh tokens) in this database: slack_sdk's own
        store, on the tables migration 0002 made. On SQLite its transactions, like ours, take the
        write lock as they begin (its OAuth states are read, then deleted); ours are short, so a
        token look-up waits for one of them at most."""
        return AsyncSQLAlchemyInstallationStore(client_id=client_id, engine=self.engine)

    def oauth_state_store(self, expiration_seconds: int) -> AsyncOAuthStateStore:
        """OAuth `state` values, each usable once before it expires (slack_sdk's own store)."""
        return AsyncSQLAlchemyOAuthStateStore(expiration_seconds, engine=self.engine)

    # -- one workspace's additions: who holds each role there, and the phrasings it taught

    async def set_holders(self, team: str, role: str, holders: Sequence[str], set_by: str) -> None:
        """Who holds `role` in `team` from now on (an empty list: nobody), replacing any before."""
        values = {"holders": list(holders), "set_by": set_by, "updated_at": self._clock()}
        async with self._transaction(one_statement=True) as connection:
            await connection.execute(
                self._insert(role_holders)
                .values(team=team, role=role, **values)
                .on_conflict_do_update(index_elements=["team", "role"], set_=values)
            )

    async def holders(self, team: str) -> dict[str, list[str]]:
        """Each role `team` has named holders for (an empty list: it said nobody)."""
        return (await self.additions(team)).holders

    async def add_phrasing(
        self, team: str, responsibility: str, phrase: str, added_by: str
    ) -> bool:
        """Teach `team` a phrasing for a responsibility; False if it already taught that phrase."""
        async with self._transaction(one_statement=True) as connection:
            inserted = await connection.execute(
                self._insert(phrasings)
                .values(
                    team=team,
                    responsibility=responsibility,
                    phrase=phrase,
                    added_by=added_by,
                    added_at=self._clock(),
                )
                .on_conflict_do_nothing(index_elements=["team", "phrase"])
            )
        return bool(inserted.rowcount)

    async def remove_phrasing(self, team: str, phrase: str) -> list[str]:
        """Take back a phrasing `team` taught, in any case (compared here, as databases lower
        non-ASCII letters differently) and kept as it is now or as it was before the stops
        around phrasings were dropped ("the kanban board!!"): the responsibilities it was taught
        for, [] if none."""
        wanted = clean_phrase(phrase).casefold()
        async with self._transaction() as connection:
            rows = await connection.execute(
                select(phrasings.c.id, phrasings.c.responsibility, phrasings.c.phrase).where(
                    phrasings.c.team == team
                )
            )
            found = [
                (row.id, str(row.responsibility))
                for row in rows
                if clean_phrase(row.phrase).casefold() == wanted
            ]
            if found:
                ids = [row_id for row_id, _ in found]
                await connection.execute(delete(phrasings).where(phrasings.c.id.in_(ids)))
        return list(dict.fromkeys(responsibility for _, responsibility in found))

    async def phrasings(self, team: str) -> list[tuple[str, str]]:
        """`team`'s phrasings as (responsibility, phrase), oldest first."""
        async with self._reading() as connection:
            rows = await connection.execute(
                select(phrasings.c.responsibility, phrasings.c.phrase)
                .where(phrasings.c.team == team)
                .order_by(phrasings.c.id)
            )
            return [(str(responsibility), str(phrase)) for responsibility, phrase in rows]

    async def additions(self, team: str) -> Additions:
        """`team`'s holders and a mark that changes whenever its phrasings do, in one query: cheap
        enough to ask on every request that needs the workspace's view of the knowledge. Calls
        that arrive together share one connection and ask once per team: every request that
        comes in while a workspace's view is due for a check asks at the same moment."""
        return await self._additions.submit(team)

    async def _additions_all(self, teams: Sequence[str]) -> list[Additions]:
        found = {}
        async with self._reading() as connection:
            for team in set(teams):
                rows = (await connection.execute(_ADDITIONS, {"team": team})).all()
                holders = {str(r.role): _json_list(r.holders) for r in rows if r.role is not None}
                count, newest = rows[0].taught, rows[0].newest
                found[team] = Additions(holders, (int(count or 0), int(newest or 0)))
        return [found[team] for team in teams]

    async def delete_team(self, team: str) -> None:
        """Everything RoleFit keeps for workspace `team`, in one transaction: its installation and
        tokens, settings, role holders, phrasings, questions, feedback, conversations, the
        messages it was still owed (nobody there can receive them now) and the claims naming its
        channels and messages. Keys are matched literally: a `_` in a team id is no wildcard."""
        self._retentions.pop(team, None)
        await self.flush()  # nothing this process queued lands after the deletion
        async with self._transaction() as connection:
            for table in (workspaces, role_holders, phrasings, questions, feedback):
                await connection.execute(delete(table).where(table.c.team == team))
            await connection.execute(delete(outbox).where(outbox.c.team == team))
            await connection.execute(
                delete(conversations).where(
                    conversations.c.key.startswith(f"{team}:", autoescape=True)
                )
            )
            # every claim's key is "<kind>:<team>:…" (team ids hold no colon)
            await connection.execute(
                delete(claims).where(claims.c.key.contains(f":{team}:", autoescape=True))
            )
            for name in ("slack_installations", "slack_bots"):
                table = Table(name, MetaData(), Column("team_id", String))
                await connection.execute(delete(table).where(table.c.team_id == team))
        # Last, so an owe that landed meanwhile leaves nothing behind either.
        for conversation in [key for key in self._written if key.startswith(f"{team}:")]:
            self._written.pop(conversation, None)

    async def _finish(
        self, statement: Update, pending_id: int, owner: str, values: dict[str, Any]
    ) -> None:
        """Update a leased message and end the lease, only if `owner` still holds it."""
        await self._outcomes.submit(
            _Finish(statement, {"pid": pending_id, "owner": owner, **values})
        )

    # -- the batches: every request's writes in one transaction, its reads in one statement ----

    async def _write(self, batch: Sequence[_Write]) -> list[_Written]:
        """A batch of writes in one transaction, each item's result in its place: an owed
        message's row, or None (a turn, or an owe whose claim was taken before: by an earlier
        batch, another process, or an earlier owe in this batch, the first one queued winning).
        On PostgreSQL one statement in autocommit (`_WRITE_AT_ONCE`): one round trip. On SQLite,
        a statement a time (`_write_in_steps`)."""
        now = self._clock()
        if self.dialect == "sqlite":
            return await self._write_in_steps(batch, now)
        return await self._write_at_once(batch, now)

    async def _write_in_steps(self, batch: Sequence[_Write], now: float) -> list[_Written]:
        """`_write` on SQLite: the claims, the winners' and turns' questions, the winners'
        outbox rows and every conversation's newest turn (the last one queued wins), a statement
        at a time in one transaction on `SQLiteThread`. What a question's text needs (its
        workspace's retention) is read first, before the write lock is taken."""
        texts = await self._texts_kept([item.asked for item in batch])
        assert self._write_turns is not None  # SQLite: this process's writers take turns
        async with self._write_turns:
            return await self._thread.write(functools.partial(self._write_steps, batch, texts, now))

    def _write_steps(
        self,
        batch: Sequence[_Write],
        texts: Sequence[str | None],
        now: float,
        connection: sqlite3.Connection,
    ) -> list[_Written]:
        results: list[_Written] = [None] * len(batch)
        moved = self._moved(connection, batch, now)
        for index in moved:
            results[index] = _MOVED
        won = self._claim_all(connection, batch, now, moved)
        written = [  # the turns, and the owes that won their claim: their questions and memories
            index
            for index, item in enumerate(batch)
            if isinstance(item, _Turn) or (isinstance(item, _Owe) and index in won)
        ]
        record = self._raw_record
        connection.executemany(
            record.sql,
            [
                record.arguments(_question_row(question, texts[index]))
                for index in written
                if (question := batch[index].asked) is not None
            ],
        )
        owe = self._raw_owe
        for index in sorted(won):
            row = connection.execute(owe.sql, owe.arguments(_outbox_row(won[index], now)))
            (pending_id,) = row.fetchone()
            results[index] = _pending_row(pending_id, won[index], now)
        newest = {}  # an upsert may touch a row once per statement: each conversation's last turn
        for index in written:
            if (turn := batch[index].remember) is not None:
                key, memory = turn
                newest[key] = {"key": key, "memory": memory.model_dump_json(), "updated_at": now}
        remember = self._raw_remember
        connection.executemany(remember.sql, map(remember.arguments, newest.values()))
        return results

    async def _write_at_once(self, items: Sequence[_Write], now: float) -> list[_Written]:
        """Owes and turns on PostgreSQL: `_WRITE_AT_ONCE`, one statement on asyncpg itself."""
        owes = [item if isinstance(item, _Owe) else None for item in items]
        asked = [item.asked for item in items]
        texts = await self._texts_kept(asked)
        columns: dict[str, list[Any]] = {
            "claims": [owe and owe.claim for owe in owes],
            "teams": [owe and owe.owed.team for owe in owes],
            "messages": [owe and owe.owed.model_dump_json() for owe in owes],
            "lease_owners": [owe and owe.lease and owe.lease[0] for owe in owes],
            "lease_untils": [owe and owe.lease and now + owe.lease[1] for owe in owes],
            "question_ids": [q and q.id for q in asked],
            "question_teams": [q and q.asked.team for q in asked],
            "question_users": [q and q.asked.user for q in asked],
            "question_texts": texts,
            "intents": [q and q.asked.intent for q in asked],
            "owners": [q and _owners(q.asked) for q in asked],
            "confidences": [q and q.asked.confidence for q in asked],
            "responsibilities": [q and q.asked.responsibility for q in asked],
            "recommendations": [q and q.asked.recommendation for q in asked],
            "asked_ats": [q and q.at for q in asked],
            "memory_keys": [item.remember and item.remember[0] for item in items],
            "memories": [item.remember and item.remember[1].model_dump_json() for item in items],
            "presumes": [owe is not None and owe.presumed is not None for owe in owes],
            "presumed": [owe and owe.presumed and owe.presumed.memory for owe in owes],
        }
        since = now - FORGET_CONVERSATIONS_AFTER
        values = {**columns, "now": now, "since": since, "pending": PENDING}
        async with self._driver("writes") as driver:
            rows = await driver.fetch(self._raw_write.sql, *self._raw_write.arguments(values))
        moved = {int(place) - 1 for _, _, place in rows if place is not None}
        ids = {claim: int(pending_id) for pending_id, claim, place in rows if place is None}
        return [
            _MOVED
            if index in moved
            else None
            if owe is None or (pending_id := ids.pop(owe.claim, None)) is None
            else _pending_row(pending_id, owe, now)
            for index, owe in enumerate(owes)
        ]

    def _moved(
        self, connection: sqlite3.Connection, batch: Sequence[_Write], now: float
    ) -> set[int]:
        """The places in `batch` of the owes that presumed a memory their conversation no longer
        has (on SQLite, under the write lock: `_WRITE_AT_ONCE` checks the same on PostgreSQL)."""
        presuming = {
            index: (item.remember[0], item.presumed.memory)
            for index, item in enumerate(batch)
            if isinstance(item, _Owe) and item.presumed is not None and item.remember is not None
        }
        if not presuming:
            return set()
        live = dict(self._live_memories(connection, [key for key, _ in presuming.values()], now))
        return {index for index, (key, memory) in presuming.items() if live.get(key) != memory}

    def _claim_all(
        self, connection: sqlite3.Connection, batch: Sequence[_Write], now: float, moved: set[int]
    ) -> dict[int, _Owe]:
        """The owes in `batch` that win their claim, by their place in it: the first queued of
        each key, if no claim on it was made before (and its conversation has not `moved`)."""
        first: dict[str, tuple[int, _Owe]] = {}
        for index, item in enumerate(batch):
            if isinstance(item, _Owe) and index not in moved:
                first.setdefault(item.claim, (index, item))
        claim = self._raw_claim
        won = {}
        for key, (index, owe) in first.items():
            values = {"key": key, "claimed_at": now}
            if connection.execute(claim.sql, claim.arguments(values)).fetchone() is not None:
                won[index] = owe
        return won

    def _live_memories(
        self, connection: sqlite3.Connection, keys: Sequence[str], now: float
    ) -> list[tuple[str, str]]:
        """The live memories (as JSON) of these conversations, by key: `_RECALL` on SQLite."""
        recall = self._raw_recall
        values = {"wanted": json.dumps(list(keys)), "since": now - FORGET_CONVERSATIONS_AFTER}
        return connection.execute(recall.sql, recall.arguments(values)).fetchall()

    async def _texts_kept(self, asked: Sequence[_Question | None]) -> list[str | None]:
        """Each question's text as it is stored: None if empty, or if its workspace keeps none.
        Read before a batch's write begins: on SQLite a writer holding the lock must not wait
        for a pooled connection to read a retention."""
        keeps = {
            team: await self._retention(team) > 0
            for team in {question.asked.team for question in asked if question}
        }
        return [
            (question.asked.text or None) if question and keeps[question.asked.team] else None
            for question in asked
        ]

    async def _finish_all(self, finishes: Sequence[_Finish]) -> list[None]:
        """Leased messages' outcomes: one statement for each kind of outcome (on PostgreSQL
        asyncpg's executemany: all of a kind land or none; a kind that landed before another
        failed is harmless to write again, as each outcome applies only under its lease)."""
        now = self._clock()
        by_kind: dict[int, tuple[Update, list[dict[str, Any]]]] = {}
        for finish in finishes:
            by_kind.setdefault(id(finish.statement), (finish.statement, []))[1].append(
                {**finish.values, "now": now}
            )
        if self.dialect == "postgresql":
            async with self._driver("outcomes") as driver:
                for kind, (_, values) in by_kind.items():
                    compiled = self._raw_outcomes[kind]
                    await driver.executemany(compiled.sql, [compiled.arguments(v) for v in values])
        else:
            assert self._write_turns is not None
            async with self._write_turns:
                await self._thread.write(functools.partial(self._finish_steps, by_kind))
        return [None] * len(finishes)

    def _finish_steps(
        self,
        by_kind: dict[int, tuple[Update, list[dict[str, Any]]]],
        connection: sqlite3.Connection,
    ) -> None:
        for kind, (_, values) in by_kind.items():
            compiled = self._raw_outcomes[kind]
            connection.executemany(compiled.sql, [compiled.arguments(v) for v in values])

    async def _recall_all(self, keys: Sequence[str]) -> list[Memory | None]:
        """Many conversations' memories in one statement, each caller given its own copy."""
        now, wanted = self._clock(), list(set(keys))
        if self.dialect == "postgresql":
            values = {"wanted": wanted, "since": now - FORGET_CONVERSATIONS_AFTER}
            async with self._driver("recalls") as driver:
                rows = await driver.fetch(self._raw_recall.sql, *self._raw_recall.arguments(values))
        else:
            rows = await self._reading_thread.read(
                functools.partial(self._live_memories, keys=wanted, now=now)
            )
        found: dict[str, str] = {key: memory for key, memory in rows}
        return [
            None if (memory := found.get(key)) is None else Memory.model_validate_json(memory)
            for key in keys
        ]

    @contextlib.asynccontextmanager
    async def _driver(self, batcher: str) -> AsyncIterator[Any]:
        """The asyncpg connection itself, for the statements every request runs: through
        SQLAlchemy each costs this process about twice the CPU. Each batcher (`batcher` names
        it) keeps one connection of the hot pool checked out, as it runs one batch at a time:
        checking one out per call cost 60 µs. Errors come out as SQLAlchemy's, naming the error
        and never its values (no DETAIL: a refused row's values would be in it); a connection
        the server closed goes, and both pools replace the ones opened before it, as
        SQLAlchemy's own disconnect handling does; a statement cut short (cancelled) leaves its
        connection in no known state, so that one goes too."""
        import asyncpg  # type: ignore[import-untyped]  # as SQLAlchemy does: only on PostgreSQL

        held = self._held.get(batcher)
        if held is not None and held.driver.is_closed():  # the server ended it while it idled
            await self._lose(batcher, _DriverError("the server closed the connection"))
            held = None
        elif held is not None and held.generation < self._lost:  # opened before one was lost
            await self._drop(batcher)
            held = None
        if held is None:
            connection = await self._hot.connect()
            fairy = await connection.get_raw_connection()
            held = self._held[batcher] = _Held(connection, fairy.driver_connection, self._lost)
        driver = held.driver
        try:
            yield driver
        except Exception as error:  # only asyncpg runs in here: each is the database's
            # The server's last words ("terminating connection") may come, or confuse the
            # protocol, before the socket is seen closed: they end the connection all the same.
            lost = (
                driver.is_closed()
                or getattr(error, "severity", "") in ("FATAL", "PANIC")
                or isinstance(
                    error,
                    asyncpg.PostgresConnectionError
                    | asyncpg.InternalClientError
                    | asyncpg.AdminShutdownError
                    | asyncpg.CrashShutdownError
                    | asyncpg.CannotConnectNowError
                    | OSError,
                )
            )
            # What asyncpg says up to its first colon: after it may come a value it could not
            # encode ("invalid input for query argument $10: ['…']") or the server refused.
            said = str(error.args[0]).split(":", 1)[0] if error.args else ""
            named = _DriverError(f"{type(error).__name__}: {said}")
            if lost:
                await self._lose(batcher, named)
            failing = lost or isinstance(error, asyncpg.OperatorInterventionError | TimeoutError)
            raise (OperationalError if failing else DatabaseError)(
                "a statement on asyncpg", None, named, hide_parameters=True
            ) from None
        except asyncio.CancelledError:
            await self._drop(batcher)
            raise

    async def _lose(self, batcher: str, error: BaseException) -> None:
        """`batcher`'s connection is lost: the server (or the network to it) may have dropped
        the others too, so every connection opened before it is replaced at its next use."""
        connection = self._held.pop(batcher).connection
        self._lost += 1
        await connection.run_sync(_replace_connections, error, self.engine.pool)
        await connection.close()

    async def _drop(self, batcher: str) -> None:
        """Close `batcher`'s connection, whatever state it is in; its next use opens another."""
        connection = self._held.pop(batcher).connection
        await connection.invalidate()
        await connection.close()


class _Held(NamedTuple):
    """A hot connection a batcher keeps: SQLAlchemy's, its asyncpg connection, and how many
    connections had been lost when it was opened."""

    connection: AsyncConnection
    driver: Any
    generation: int


class _DriverError(Exception):
    """What asyncpg said, without the values it may name (its DETAIL, an argument it could not
    encode)."""


def _replace_connections(connection: Connection, error: BaseException, other: Pool) -> None:
    """Close this connection and have its pool, and the `other` pool, replace every one opened
    before it when next checked out: what SQLAlchemy does itself when a statement meets a closed
    connection."""
    connection.engine.pool._invalidate(connection.connection, error)
    other._invalidate(connection.connection, error, _checkin=False)


def _owners(question: Asked) -> str | None:
    """How a question's owners are stored: "product-owner,product-manager", "" or None."""
    return None if question.owners is None else ",".join(question.owners)


def _database_failed(error: BaseException) -> bool:
    """Whether `error` says the database failed (unreachable, locked, out of connections), not
    one call in a batch: then every caller in the batch is given it at once."""
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    return isinstance(
        error, OperationalError | InterfaceError | PoolTimeout | OSError | TimeoutError
    )


def _question_row(question: _Question, text: str | None) -> dict[str, Any]:
    """A question's row, its text as kept (`Store._texts_kept`)."""
    question_id, asked, at = question
    return {
        "id": question_id,
        "team": asked.team,
        "user": asked.user,
        "asked_at": at,
        "text": text,
        "intent": asked.intent,
        "owners": _owners(asked),
        "confidence": asked.confidence,
        "responsibility": asked.responsibility,
        "recommendation": asked.recommendation,
    }


def _outbox_row(owe: _Owe, now: float) -> dict[str, Any]:
    """An owed message's new outbox row (`_OWED_COLUMNS`), leased if the owe says so."""
    owner, seconds = owe.lease if owe.lease is not None else (None, 0.0)
    return {
        "claim": owe.claim,
        "team": owe.owed.team,
        "message": owe.owed.model_dump_json(),
        "status": PENDING,
        "attempts": 0,
        "due_at": now,
        "lease_owner": owner,
        "lease_until": now + seconds if owner else None,
        "created_at": now,
        "updated_at": now,
    }


def _pending_row(pending_id: int, owe: _Owe, now: float) -> Pending:
    """The outbox row an owe wrote, built from what was written rather than read back and
    validated again."""
    return Pending.model_construct(
        id=int(pending_id),
        claim=owe.claim,
        owed=owe.owed,
        status=PENDING,
        attempts=0,
        due_at=now,
        lease_until=None if owe.lease is None else now + owe.lease[1],
    )


def _pending(row: RowMapping) -> Pending:
    message = row["message"]
    return Pending(
        id=row["id"],
        claim=row["claim"],
        owed=Owed.model_validate(json.loads(message) if isinstance(message, str) else message),
        status=row["status"],
        attempts=row["attempts"],
        due_at=row["due_at"],
        sent_channel=row["sent_channel"],
        sent_ts=row["sent_ts"],
        last_error=row["last_error"],
        lease_until=row["lease_until"],
    )


@dataclass(frozen=True)
class Additions:
    """What a workspace added to the shared knowledge, as far as a request needs to know."""

    holders: dict[str, list[str]]  # role id -> Slack ids, for each role the workspace named
    # How many it taught and the sum of when each was added (ms): changes with every change.
    phrasings: tuple[int, int]


def _json_list(value: Any) -> list[str]:
    items = json.loads(value) if isinstance(value, str) else value
    return [str(item) for item in items] if isinstance(items, list) else []


def _begin_immediately(connection: Any) -> None:
    """A SQLite transaction that may write takes the write lock when it begins. One that read
    first and wrote later would otherwise have to upgrade its lock while another writer holds
    it, and SQLite refuses that at once ("database is locked") instead of waiting its turn.
    Reads (`Store._reading`) begin plainly, so they never queue behind a writer."""
    reading = connection.get_execution_options().get(_READING)
    connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


def _plan_once(connection: Any, _record: Any) -> None:
    """A hot connection plans each prepared statement once, for any values (`_HOT_POOL`). Set
    as the session's first statement rather than a startup parameter, which a pooler such as
    PgBouncer refuses unless told to ignore it."""
    cursor = connection.cursor()
    cursor.execute("SET plan_cache_mode = force_generic_plan")
    cursor.close()
    connection.commit()  # the driver's adapter began a transaction; the hot path runs outside one


def _tune_sqlite(connection: Any, _record: Any = None) -> None:
    """WAL lets readers run beside the writer; writers wait for the lock instead of failing; a
    small page cache. The driver's own transaction handling is off: `_begin_immediately` starts
    every one."""
    connection.isolation_level = None
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    # 256 KiB of pages per connection, not 2 MiB: the store reads a few rows by key, the system's
    # own file cache holds the rest, and each connection's cache is memory the process keeps.
    cursor.execute("PRAGMA cache_size=-256")
    cursor.close()
