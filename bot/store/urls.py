"""DATABASE_URL as people write it, and the async driver RoleFit uses for it. Kept apart from the
store so reading settings does not import SQLAlchemy."""

from __future__ import annotations

DEFAULT_DATABASE_URL = "sqlite:///rolefit.db"

_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
}


def engine_url(url: str) -> str:
    """`postgresql://…`, `postgres://…` (as Heroku writes it) or `sqlite:///file`, with the async
    driver RoleFit uses for it; ValueError for anything else."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        raise ValueError("must be a URL like sqlite:///rolefit.db or postgresql://host/db")
    driver = _DRIVERS.get(scheme, scheme)
    if driver.split("+")[0] not in ("sqlite", "postgresql"):
        raise ValueError("must be a sqlite:// or postgresql:// URL")
    if driver.startswith("sqlite") and rest.split("?")[0] in ("", "/", "/:memory:"):
        # Every process, and the store's own thread (bot.store.sqlite_thread), opens the file.
        raise ValueError("must name a file for SQLite")
    return f"{driver}://{rest}"
