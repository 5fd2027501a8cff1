"""The two databases every storage test runs on: a SQLite file, and a real PostgreSQL server.

PostgreSQL is found at $ROLEFIT_TEST_POSTGRES (default: this project's local server,
postgresql://postgres@127.0.0.1:5432/test). Each test worker gets a database of its own, made
for the run and dropped after it, so parallel workers never see each other's rows. Without a
server the PostgreSQL half is skipped and says so; with ROLEFIT_REQUIRE_POSTGRES=1 (CI) it fails.
"""

from __future__ import annotations

import asyncio
import os
import uuid

import asyncpg
import pytest

POSTGRES = os.environ.get("ROLEFIT_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRED = os.environ.get("ROLEFIT_REQUIRE_POSTGRES") == "1"
KINDS = ("sqlite", "postgresql")


def unreachable(reason: str) -> None:
    """Skip (or, where PostgreSQL is required, fail) the PostgreSQL half."""
    message = f"PostgreSQL half skipped: no server at {POSTGRES} ({reason})"
    if REQUIRED:
        pytest.fail(message.replace("skipped", "required"), pytrace=False)
    pytest.skip(message)


async def _run(statement: str) -> None:
    connection = await asyncpg.connect(
        POSTGRES.replace("postgresql+asyncpg", "postgresql"), timeout=5
    )
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def server_answers() -> str:
    """Whether the PostgreSQL server answers now, for the run's header: "" when it does, else
    why not (a second at most; a malformed URL says so rather than ending the run)."""

    async def probe() -> None:
        url = POSTGRES.replace("postgresql+asyncpg", "postgresql")
        connection = await asyncpg.connect(url, timeout=1)
        await connection.close()

    try:
        asyncio.run(asyncio.wait_for(probe(), 1.5))
    except Exception as error:  # any failure is "not usable", named for the header
        return type(error).__name__
    return ""


def create_database() -> str:
    """A new, empty database on the server; its URL."""
    name = f"rolefit_test_{uuid.uuid4().hex[:12]}"
    try:
        asyncio.run(_run(f'CREATE DATABASE "{name}"'))
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        unreachable(type(error).__name__)
    base, _, _ = POSTGRES.rpartition("/")
    return f"{base}/{name}"


def drop_database(url: str) -> None:
    name = url.rpartition("/")[2]
    asyncio.run(_run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
