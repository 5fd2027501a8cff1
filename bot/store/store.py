"""The one place RoleFit's data is read and written: claims, the outbox and conversation memories.

SQLite by default (a file, nothing to install), PostgreSQL when DATABASE_URL names one (several
`rolefit serve` processes share it and nothing else). Listeners never write SQL: they call these
methods. Every effect is claimed by inserting its key (`INSERT … ON CONFLICT DO NOTHING`, never
read-then-write), so exactly one process, once, owns it, whatever restarts or runs twice.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import AsyncSQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore
from slack_sdk.oauth.state_store.sqlalchemy import AsyncSQLAlchemyOAuthStateStore
from sqlalchemy import Column, MetaData, String, Table, delete, event, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

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
from bot.store.urls import DEFAULT_DATABASE_URL, engine_url
from knowledge.dialogue import Memory

# A conversation is forgotten an hour after its last turn.
FORGET_CONVERSATIONS_AFTER = 60 * 60
# Slack retries an event for about five minutes; a day of claims covers every redelivery.
KEEP_CLAIMS_FOR = 24 * 60 * 60
PENDING, SENT, FAILED = "pending", "sent", "failed"

Clock = Callable[[], float]
# What a store call raises when the database is unreachable or refuses.
STORE_FAILURES = (SQLAlchemyError, OSError)


class Store:
    def __init__(self, url: str = DEFAULT_DATABASE_URL, *, clock: Clock = time.time) -> None:
        self.url = engine_url(url)
        self._clock = clock
        if self.url.startswith("sqlite"):
            self.engine: AsyncEngine = create_async_engine(self.url)
            event.listen(self.engine.sync_engine, "connect", _tune_sqlite)
            self._insert: Any = sqlite.insert
        else:
            self.engine = create_async_engine(self.url, pool_size=10, max_overflow=20)
            self._insert = postgresql.insert
        self._autocommit = (
            None
            if self.dialect == "sqlite"
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )

    def _one_statement(self) -> AbstractAsyncContextManager[AsyncConnection]:
        """A connection for a call that is one statement. On PostgreSQL it runs as its own
        transaction: one round trip instead of BEGIN, the statement and COMMIT as three. (SQLite
        is in process: its transactions cost no round trip, and switching modes would.)"""
        if self._autocommit is None:
            return self.engine.begin()
        return self._autocommit.connect()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def upgrade(self) -> None:
        """Bring the schema to the newest migration (run on start and by `rolefit db upgrade`)."""
        from bot.store.migrations import upgrade

        async with self.engine.begin() as connection:
            await connection.run_sync(upgrade)

    async def downgrade(self, revision: str = "base") -> None:
        from bot.store.migrations import downgrade

        async with self.engine.begin() as connection:
            await connection.run_sync(downgrade, revision)

    async def close(self) -> None:
        await self.engine.dispose()

    async def claim(self, key: str) -> bool:
        """True for the one caller, on any process, that claims `key` first."""
        async with self._one_statement() as connection:
            return await self._claim(connection, key)

    async def owe(
        self, claim: str, owed: Owed, *, remember: tuple[str, Memory] | None = None
    ) -> bool:
        """Claim `claim` and, in the same transaction, put `owed` in the outbox (and remember the
        conversation's turn). False, with nothing written, if it was claimed before."""
        now = self._clock()
        async with self.engine.begin() as connection:
            if not await self._claim(connection, claim):
                return False
            await connection.execute(
                outbox.insert().values(
                    claim=claim,
                    team=owed.team,
                    message=owed.model_dump(mode="json"),
                    status=PENDING,
                    attempts=0,
                    due_at=now,
                    created_at=now,
                    updated_at=now,
                )
            )
            if remember is not None:
                await self._remember(connection, *remember)
        return True

    async def recall(self, key: str) -> Memory | None:
        """The conversation's memory, unless its last turn is over an hour old."""
        since = self._clock() - FORGET_CONVERSATIONS_AFTER
        async with self._one_statement() as connection:
            found = await connection.scalar(
                select(conversations.c.memory).where(
                    conversations.c.key == key, conversations.c.updated_at >= since
                )
            )
        return None if found is None else Memory.model_validate_json(found)

    async def remember(self, key: str, memory: Memory) -> None:
        async with self._one_statement() as connection:
            await self._remember(connection, key, memory)

    async def take_due(self, owner: str, *, limit: int, lease_seconds: float) -> list[Pending]:
        """Lease up to `limit` pending messages that are due and not leased by a live process.
        A process that dies holding a lease loses it when the lease ends."""
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
        async with self._one_statement() as connection:
            rows = await connection.execute(
                update(outbox)
                .where(outbox.c.id.in_(due.scalar_subquery()))
                .values(lease_owner=owner, lease_until=now + lease_seconds, updated_at=now)
                .returning(*outbox.c)
            )
            return [_pending(row) for row in rows.mappings()]

    async def has_due(self) -> bool:
        """Whether any pending message is due now (leased or not)."""
        async with self._one_statement() as connection:
            found = await connection.scalar(
                select(outbox.c.id)
                .where(outbox.c.status == PENDING, outbox.c.due_at <= self._clock())
                .limit(1)
            )
        return found is not None

    async def mark_sent(self, pending_id: int, owner: str, channel: str, ts: str | None) -> None:
        await self._finish(
            pending_id, owner, status=SENT, sent_channel=channel, sent_ts=ts, last_error=None
        )

    async def retry_later(self, pending_id: int, owner: str, due_at: float, error: str) -> None:
        await self._finish(
            pending_id,
            owner,
            due_at=due_at,
            attempts=outbox.c.attempts + 1,
            last_error=error[:255],
        )

    async def give_up(self, pending_id: int, owner: str, error: str) -> None:
        await self._finish(
            pending_id,
            owner,
            status=FAILED,
            attempts=outbox.c.attempts + 1,
            last_error=error[:255],
        )

    async def release(self, owner: str) -> None:
        """Hand back every lease `owner` holds (a process shutting down), so others take them."""
        async with self._one_statement() as connection:
            await connection.execute(
                update(outbox)
                .where(outbox.c.lease_owner == owner, outbox.c.status == PENDING)
                .values(lease_owner=None, lease_until=None)
            )

    async def requeue(self, pending_id: int) -> bool:
        """A failed message back in the queue, due now (`rolefit outbox retry`)."""
        async with self._one_statement() as connection:
            result = await connection.execute(
                update(outbox)
                .where(outbox.c.id == pending_id, outbox.c.status == FAILED)
                .values(status=PENDING, attempts=0, due_at=self._clock(), lease_until=None)
            )
            return bool(result.rowcount)

    async def outbox_rows(self, statuses: Sequence[str] = (PENDING, FAILED)) -> list[Pending]:
        async with self._one_statement() as connection:
            rows = await connection.execute(
                select(outbox).where(outbox.c.status.in_(statuses)).order_by(outbox.c.id)
            )
            return [_pending(row) for row in rows.mappings()]

    async def counts(self) -> dict[str, int]:
        """Outbox messages by status."""
        async with self._one_statement() as connection:
            rows = await connection.execute(
                select(outbox.c.status, func.count()).group_by(outbox.c.status)
            )
            return {str(status): int(count) for status, count in rows}

    async def forget_old(self) -> None:
        """Delete what is no longer needed: conversations an hour after their last turn, claims
        and delivered messages after a day. Undeliverable messages stay until an operator acts."""
        now = self._clock()
        async with self.engine.begin() as connection:
            await connection.execute(
                delete(conversations).where(
                    conversations.c.updated_at < now - FORGET_CONVERSATIONS_AFTER
                )
            )
            await connection.execute(
                delete(claims).where(claims.c.claimed_at < now - KEEP_CLAIMS_FOR)
            )
            await connection.execute(
                delete(outbox).where(
                    outbox.c.status == SENT, outbox.c.updated_at < now - KEEP_CLAIMS_FOR
                )
            )

    def installation_store(self, client_id: str) -> AsyncInstallationStore:
        """Slack's installations (bot tokens, refresh tokens) in this database: slack_sdk's own
        store, on the tables migration 0002 made."""
        return AsyncSQLAlchemyInstallationStore(client_id=client_id, engine=self.engine)

    def oauth_state_store(self, expiration_seconds: int) -> AsyncOAuthStateStore:
        """OAuth `state` values, each usable once before it expires (slack_sdk's own store)."""
        return AsyncSQLAlchemyOAuthStateStore(expiration_seconds, engine=self.engine)

    # -- one workspace's additions: who holds each role there, and the phrasings it taught

    async def set_holders(self, team: str, role: str, holders: Sequence[str], set_by: str) -> None:
        """Who holds `role` in `team` from now on (an empty list: nobody), replacing any before."""
        values = {"holders": list(holders), "set_by": set_by, "updated_at": self._clock()}
        async with self._one_statement() as connection:
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
        async with self._one_statement() as connection:
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

    async def phrasings(self, team: str) -> list[tuple[str, str]]:
        """`team`'s phrasings as (responsibility, phrase), oldest first."""
        async with self._one_statement() as connection:
            rows = await connection.execute(
                select(phrasings.c.responsibility, phrasings.c.phrase)
                .where(phrasings.c.team == team)
                .order_by(phrasings.c.id)
            )
            return [(str(responsibility), str(phrase)) for responsibility, phrase in rows]

    async def additions(self, team: str) -> Additions:
        """`team`'s holders and a mark that changes whenever its phrasings do, in one query: cheap
        enough to ask on every request that needs the workspace's view of the knowledge."""
        taught = (
            select(func.count().label("taught"), func.max(phrasings.c.id).label("newest"))
            .where(phrasings.c.team == team)
            .subquery()
        )
        query = select(
            taught.c.taught, taught.c.newest, role_holders.c.role, role_holders.c.holders
        ).select_from(taught.outerjoin(role_holders, role_holders.c.team == team))
        async with self._one_statement() as connection:
            rows = (await connection.execute(query)).all()
        holders = {str(r.role): _json_list(r.holders) for r in rows if r.role is not None}
        count, newest = rows[0].taught, rows[0].newest
        return Additions(holders, (int(count or 0), int(newest or 0)))

    async def delete_team(self, team: str) -> None:
        """Everything RoleFit keeps for workspace `team`, in one transaction: its installation and
        tokens, settings, role holders, phrasings, questions, feedback, conversations and the
        messages it was still owed (nobody there can receive them now)."""
        async with self.engine.begin() as connection:
            for table in (workspaces, role_holders, phrasings, questions, feedback):
                await connection.execute(delete(table).where(table.c.team == team))
            await connection.execute(delete(outbox).where(outbox.c.team == team))
            await connection.execute(
                delete(conversations).where(conversations.c.key.startswith(f"{team}:"))
            )
            for name in ("slack_installations", "slack_bots"):
                table = Table(name, MetaData(), Column("team_id", String))
                await connection.execute(delete(table).where(table.c.team_id == team))

    async def _claim(self, connection: AsyncConnection, key: str) -> bool:
        inserted = await connection.execute(
            self._insert(claims)
            .values(key=key, claimed_at=self._clock())
            .on_conflict_do_nothing(index_elements=["key"])
        )
        return bool(inserted.rowcount)

    async def _remember(self, connection: AsyncConnection, key: str, memory: Memory) -> None:
        values = {"memory": memory.model_dump_json(), "updated_at": self._clock()}
        await connection.execute(
            self._insert(conversations)
            .values(key=key, **values)
            .on_conflict_do_update(index_elements=["key"], set_=values)
        )

    async def _finish(self, pending_id: int, owner: str, **values: Any) -> None:
        """Update a leased message and end the lease, only if `owner` still holds it."""
        async with self._one_statement() as connection:
            await connection.execute(
                update(outbox)
                .where(outbox.c.id == pending_id, outbox.c.lease_owner == owner)
                .values(lease_owner=None, lease_until=None, updated_at=self._clock(), **values)
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
    )


@dataclass(frozen=True)
class Additions:
    """What a workspace added to the shared knowledge, as far as a request needs to know."""

    holders: dict[str, list[str]]  # role id -> Slack ids, for each role the workspace named
    phrasings: tuple[int, int]  # how many it taught and the newest id: changes with every change


def _json_list(value: Any) -> list[str]:
    items = json.loads(value) if isinstance(value, str) else value
    return [str(item) for item in items] if isinstance(items, list) else []


def _tune_sqlite(connection: Any, _record: Any) -> None:
    """WAL lets readers run beside the writer; writers wait for the lock instead of failing."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()
