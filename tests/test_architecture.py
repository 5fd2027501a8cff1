"""The import rules ARCHITECTURE.md promises, checked on every module (imports inside functions
included), so a shortcut across the layers fails the suite instead of waiting for a review."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# (modules under this folder, may never import these) — prefixes of dotted module names.
RULES = [
    ("knowledge", ("bot", "slack_bolt", "slack_sdk", "aiohttp", "uvicorn")),
    ("bot/blocks", ("bot.server", "bot.sandbox", "bot.cli", "bot.listeners", "slack_bolt")),
    ("bot/listeners", ("bot.sandbox", "bot.cli", "bot.server")),
    ("bot/middleware.py", ("bot.sandbox", "bot.cli", "bot.listeners")),
    ("bot/server", ("bot.sandbox", "bot.cli", "bot.listeners")),
    ("bot/app.py", ("bot.sandbox", "bot.cli")),
    ("bot/deps.py", ("bot.sandbox", "bot.cli")),
    ("bot/delivery.py", ("bot.sandbox", "bot.cli")),
    ("bot/hiring.py", ("bot.sandbox", "bot.cli")),
    ("bot/replies.py", ("bot.sandbox", "bot.cli")),
    ("bot/settings.py", ("bot.sandbox", "bot.cli", "slack_bolt", "sqlalchemy")),
    ("bot/store", ("bot.listeners", "bot.server", "bot.sandbox", "bot.cli", "slack_bolt")),
    ("bot/outbox.py", ("bot.listeners", "bot.server", "bot.sandbox", "bot.cli")),
]
# Only bot/store may speak SQL: everything else calls its methods.
SQL = ("sqlalchemy", "alembic", "aiosqlite", "asyncpg")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def python_files(where: str) -> list[Path]:
    path = ROOT / where
    return [path] if path.is_file() else sorted(path.rglob("*.py"))


@pytest.mark.parametrize(("where", "forbidden"), RULES, ids=[rule[0] for rule in RULES])
def test_layers_import_only_downwards(where: str, forbidden: tuple[str, ...]) -> None:
    files = python_files(where)
    assert files, f"{where} holds no Python file: update the rule"
    broken = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in files
        for name in sorted(imported_modules(path))
        if any(name == banned or name.startswith(banned + ".") for banned in forbidden)
    ]
    assert broken == []


def test_only_the_store_speaks_sql() -> None:
    broken = [
        f"{path.relative_to(ROOT)} imports {name}"
        for where in ("bot", "knowledge")
        for path in python_files(where)
        if "store" not in path.relative_to(ROOT).parts
        for name in sorted(imported_modules(path))
        if name.split(".")[0] in SQL
    ]
    assert broken == []


def test_the_app_never_imports_the_sandbox() -> None:
    """Only the CLI (which starts the console) may reach into bot/sandbox from outside it."""
    app_files = [
        path
        for path in python_files("bot")
        if not path.is_relative_to(ROOT / "bot/sandbox")
        and not path.is_relative_to(ROOT / "bot/cli")
    ]
    broken = [
        str(path.relative_to(ROOT))
        for path in app_files
        if any(name.startswith("bot.sandbox") for name in imported_modules(path))
    ]
    assert broken == []
