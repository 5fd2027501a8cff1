"""`rolefit db` and `rolefit outbox`, on SQLite and PostgreSQL: migrating, and seeing (and sending
again) what RoleFit could not deliver, with one clear line when the database is out of reach."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.store.owed import Kind, Owed
from bot.store.store import Store

OWED = Owed(kind=Kind.POST, team="T1", channel="C1", user="U1", text="advice", blocks=[])


@pytest.fixture
def database(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", database_url)
    return database_url


async def one_failed(url: str) -> int:
    store = Store(url)
    await store.upgrade()
    await store.owe("advice:1", OWED)
    (pending,) = await store.take_due("me", limit=1, lease_seconds=60)
    await store.give_up(pending.id, "me", "user_not_found")
    await store.close()
    return pending.id


def test_db_upgrade_and_downgrade(database: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "downgrade", "base"]) == 0
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "database is at the newest migration",
        "database is at base",
        "database is at the newest migration",
    ]


def test_a_failed_message_is_listed_and_can_be_sent_again(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    failed = asyncio.run(one_failed(database))
    assert main(["outbox", "list"]) == 0
    listed = capsys.readouterr().out
    assert "failed" in listed and "user_not_found" in listed and "C1" in listed
    assert main(["outbox", "list", "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["id"], row["status"], row["kind"], row["team"]) == (failed, "failed", "post", "T1")
    assert main(["outbox", "retry", str(failed)]) == 0
    assert main(["outbox", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[-1])["status"] == "pending"
    # an on-call engineer's find: a pending message showed nothing of when it is tried next
    assert main(["outbox", "list"]) == 0
    listed = capsys.readouterr().out
    assert "pending" in listed and "not failed yet, due now" in listed
    assert main(["outbox", "retry", str(failed)]) == 2  # no longer failed
    assert capsys.readouterr().err.count("\n") == 1


def test_a_message_a_process_holds_is_listed_as_being_sent(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # a second review's find: one held by a process that had died read "due now" for a minute
    async def held() -> None:
        store = Store(database)
        await store.upgrade()
        owed = Owed(kind=Kind.ANSWER, team="T1", channel="D1", user="U1", text="hi", blocks=[])
        await store.owe("answer:held", owed, lease=("deadhost:1:ab", 60))
        await store.close()

    asyncio.run(held())
    assert main(["outbox", "list"]) == 0
    assert "being sent (its process holds it 60 s more)" in capsys.readouterr().out


def test_an_unreachable_database_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres:secret@127.0.0.1:1/none")
    assert main(["outbox", "list"]) == 2
    error = capsys.readouterr().err
    # with the database's own reason (an on-call engineer's find: the class name alone)
    assert error.startswith(
        "rolefit: cannot use the database at DATABASE_URL (ConnectionRefusedError: "
    )
    assert error.count("\n") == 1 and "secret" not in error


@pytest.mark.parametrize("command", [["outbox", "list"], ["insights", "--team", "T1"]])
def test_reading_a_sqlite_store_that_is_not_there_is_one_clear_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: list[str],
) -> None:
    # a newcomer's find: run from the wrong folder, it made an empty store and said "nothing
    # pending or failed", "Questions asked: 0"
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert main(command) == 2
    assert capsys.readouterr().err == (
        f"rolefit: no RoleFit store at {tmp_path / 'rolefit.db'}: run this where `rolefit serve` "
        "keeps it, or set DATABASE_URL to it\n"
    )
    assert not (tmp_path / "rolefit.db").exists()
