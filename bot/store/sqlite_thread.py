"""SQLite's side of the statements every request runs: a whole batch in one hop to a thread.

Through SQLAlchemy and aiosqlite every statement is a hop to aiosqlite's thread and back, and an
owe is six of them (BEGIN, claims, questions, outbox, conversations, COMMIT): 2.6 ms of this
process's CPU at one call at a time. A `SQLiteThread` holds one sqlite3 connection to the same
file on a thread of its own and runs a batch's statements there as one function, in one
transaction: one hop. It is SQLite's counterpart of the asyncpg path (`Store._driver`); the
statements are still SQLAlchemy's, compiled once (`Store`).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from sqlalchemy.exc import DatabaseError, OperationalError

Result = TypeVar("Result")


class SQLiteThread:
    """One sqlite3 connection, opened and used on one thread only, running one function at a
    time in a transaction. Errors come out as SQLAlchemy's (the batcher tells "the database
    failed" by them), naming SQLite's words, which never hold a value."""

    def __init__(self, path: str, tune: Callable[[sqlite3.Connection], None]) -> None:
        self._path = path
        self._tune = tune
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="rolefit-sqlite")
        self._connection: sqlite3.Connection | None = None  # opened on the thread when first used

    async def write(self, work: Callable[[sqlite3.Connection], Result]) -> Result:
        """Run `work` in a transaction that takes the write lock as it begins."""
        return await self._run(work, "BEGIN IMMEDIATE")

    async def read(self, work: Callable[[sqlite3.Connection], Result]) -> Result:
        return await self._run(work, "BEGIN")

    async def close(self) -> None:
        """Close the connection once the work asked for so far has run. A later call opens it
        again, as SQLAlchemy's engine does after `dispose`; closing twice is harmless."""
        await asyncio.get_running_loop().run_in_executor(self._executor, self._close)

    async def _run(self, work: Callable[[sqlite3.Connection], Result], begin: str) -> Result:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, self._transaction, work, begin)
        except sqlite3.Error as error:
            failing = isinstance(error, sqlite3.OperationalError)  # locked, I/O, full disk
            raise (OperationalError if failing else DatabaseError)(
                "a statement on sqlite3", None, error, hide_parameters=True
            ) from None

    def _transaction(self, work: Callable[[sqlite3.Connection], Result], begin: str) -> Result:
        if self._connection is None:
            opened = sqlite3.connect(self._path, isolation_level=None)
            try:
                self._tune(opened)
            except BaseException:
                opened.close()
                raise
            self._connection = opened
        connection = self._connection
        connection.execute(begin)
        try:
            result = work(connection)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:  # a failed COMMIT may leave it open
                with contextlib.suppress(sqlite3.Error):
                    connection.execute("ROLLBACK")
            raise
        return result

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
