"""Alembic migrations, run in process on a connection RoleFit already holds (no alembic.ini):
on start, and by `rolefit db upgrade` / `rolefit db downgrade`. A new migration is a new file in
`versions/`, next to the schema change in bot/store/schema.py, and its id in `HEAD`.

Alembic is imported only when there is something to migrate: it costs ~100 ms and ~8 MB of every
process that imports it, and a process restarting on a database already at `HEAD` needs none."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from alembic.config import Config

# The newest migration's revision (a test checks it is Alembic's head).
HEAD = "0003"

_HERE = Path(__file__).resolve().parent
# Alembic says which database it talks to and which plugins it loads at every start; RoleFit's own
# lines say what matters.
logging.getLogger("alembic").setLevel(logging.WARNING)
# Any constant: PostgreSQL holds this lock while one process migrates, so processes starting
# together migrate one after another instead of racing to create the same tables.
_MIGRATION_LOCK = 7_041_914


def at_head(connection: Connection) -> bool:
    """Whether the database is at `HEAD` already (read without Alembic)."""
    if not connection.dialect.has_table(connection, "alembic_version"):
        return False
    revision: str | None = connection.scalar(text("SELECT version_num FROM alembic_version"))
    return revision == HEAD


def _config(connection: Connection) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.attributes["connection"] = connection
    return config


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def upgrade(connection: Connection) -> None:
    if at_head(connection):
        return
    from alembic import command

    _lock(connection)
    command.upgrade(_config(connection), "head")


def downgrade(connection: Connection, revision: str) -> None:
    from alembic import command

    _lock(connection)
    command.downgrade(_config(connection), revision)
