"""Alembic migrations, run in process on a connection RoleFit already holds (no alembic.ini):
on start, and by `rolefit db upgrade` / `rolefit db downgrade`. A new migration is a new file in
`versions/`, next to the schema change in bot/store/schema.py."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Connection

_HERE = Path(__file__).resolve().parent
# Alembic says which database it talks to at every start; RoleFit's own lines say what matters.
logging.getLogger("alembic.runtime.migration").setLevel(logging.WARNING)
# Any constant: PostgreSQL holds this lock while one process migrates, so processes starting
# together migrate one after another instead of racing to create the same tables.
_MIGRATION_LOCK = 7_041_914


def _config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(_HERE))
    config.attributes["connection"] = connection
    return config


def _lock(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


def upgrade(connection: Connection) -> None:
    _lock(connection)
    command.upgrade(_config(connection), "head")


def downgrade(connection: Connection, revision: str) -> None:
    _lock(connection)
    command.downgrade(_config(connection), revision)
