"""Today's RoleFit without its database, for `benchmarks/storage.py`'s setup (m): a measuring
instrument, never part of RoleFit.

Python imports `sitecustomize` from PYTHONPATH when it starts, so a `rolefit serve` started with
this folder first on PYTHONPATH builds a `StoreInMemory`: what the request path writes and reads
(claims, the outbox's rows and leases, conversations' memories, question ids) is kept in this
process's dicts, and the rest (migrations on start) goes to the SQLite file DATABASE_URL names as
usual. Setup (c) minus setup (m) is then what the store itself adds to a request, with every
other line of today's code the same on both sides.
"""

from __future__ import annotations

import itertools
from typing import Any

import bot.app
from bot.store.owed import Owed, Pending
from bot.store.store import FAILED, PENDING, Additions, Answering, Store, new_question_id
from knowledge.dialogue import Memory


class StoreInMemory(Store):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._claims: set[str] = set()
        self._rows: dict[int, Pending] = {}  # pending and failed messages; sent ones are dropped
        self._leases: dict[int, tuple[str, float]] = {}
        self._memories: dict[str, Memory] = {}
        self._row_ids = itertools.count(1)

    async def owe(
        self,
        claim: str,
        owed: Any,
        *,
        remember: tuple[str, Memory] | None = None,
        asked: Any = None,
        lease: tuple[str, float] | None = None,
    ) -> Pending | None:
        if claim in self._claims:
            return None
        self._claims.add(claim)
        message = owed if isinstance(owed, Owed) else owed(asked and new_question_id())
        if remember is not None:
            self._memories[remember[0]] = remember[1]
        now = self._clock()
        pending = Pending.model_construct(
            id=next(self._row_ids),
            claim=claim,
            owed=message,
            status=PENDING,
            attempts=0,
            due_at=now,
        )
        self._rows[pending.id] = pending
        if lease is not None:
            self._leases[pending.id] = (lease[0], now + lease[1])
        return pending

    async def owe_answer(
        self,
        claim: str,
        conversation: str,
        answering: Answering,
        *,
        lease: tuple[str, float] | None = None,
    ) -> Pending | None:
        answer = answering(self._memories.get(conversation))
        remember = (conversation, answer.memory)
        asked = answer.asked
        return await self.owe(claim, answer.owed, remember=remember, asked=asked, lease=lease)

    async def recall(self, key: str) -> Memory | None:
        return self._memories.get(key)

    def remember(self, key: str, memory: Memory) -> None:
        self._memories[key] = memory

    def record_question(
        self, asked: Any, *, remember: tuple[str, Memory] | None = None, once_for: str | None = None
    ) -> int:
        if remember is not None:
            self._memories[remember[0]] = remember[1]
        return new_question_id()

    async def take_due(self, owner: str, *, limit: int, lease_seconds: float) -> list[Pending]:
        now, due = self._clock(), list[Pending]()
        for row in self._rows.values():
            lease = self._leases.get(row.id)
            free = lease is None or lease[1] < now
            if len(due) < limit and row.status == PENDING and row.due_at <= now and free:
                self._leases[row.id] = (owner, now + lease_seconds)
                due.append(row)
        return due

    async def has_due(self) -> bool:
        now = self._clock()
        return any(row.status == PENDING and row.due_at <= now for row in self._rows.values())

    async def mark_sent(self, pending_id: int, owner: str, channel: str, ts: str | None) -> None:
        if self._leases.get(pending_id, ("",))[0] == owner:
            self._rows.pop(pending_id, None)
            self._leases.pop(pending_id, None)

    async def retry_later(self, pending_id: int, owner: str, due_at: float, error: str) -> None:
        self._end_lease(pending_id, owner, due_at=due_at)

    async def give_up(self, pending_id: int, owner: str, error: str) -> None:
        self._end_lease(pending_id, owner, status=FAILED)

    async def release(  # due at once here
        self, owner: str, *, due_in: float = 0.0, cut_off: str | None = None
    ) -> None:
        for pending_id in [i for i, (holder, _) in self._leases.items() if holder == owner]:
            del self._leases[pending_id]

    async def additions(self, team: str) -> Additions:
        return Additions({}, (0, 0))

    async def forget_old(self) -> None:
        return None

    def _end_lease(self, pending_id: int, owner: str, **changes: Any) -> None:
        row = self._rows.get(pending_id)
        if row is not None and self._leases.get(pending_id, ("",))[0] == owner:
            changes["attempts"] = row.attempts + 1
            self._rows[pending_id] = row.model_copy(update=changes)
            del self._leases[pending_id]


bot.app.Store = StoreInMemory  # type: ignore[attr-defined]  # the name build_app builds with
