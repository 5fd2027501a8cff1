"""`rolefit db` (migrations) and `rolefit outbox` (what RoleFit still owes, and what it could not
send). Both read DATABASE_URL only: no Slack settings needed."""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from bot.cli.errors import CliError

if TYPE_CHECKING:
    from bot.store.owed import Pending
    from bot.store.store import Store

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `db` and `outbox`."""
    db = subparsers.add_parser(
        "db",
        help="migrate the store (DATABASE_URL; `rolefit serve` also migrates on start)",
        description="Bring the store's schema up to date, or back to an older revision.",
    )
    db_actions = db.add_subparsers(dest="action", required=True, metavar="ACTION")
    db_actions.add_parser("upgrade", help="apply every migration not yet applied")
    downgrade = db_actions.add_parser("downgrade", help="undo migrations down to REVISION")
    downgrade.add_argument("revision", help='a revision id, or "base" to remove every table')
    db.set_defaults(handler=_db)

    outbox = subparsers.add_parser(
        "outbox",
        help="list messages RoleFit still owes or could not send; send a failed one again",
        description="Messages RoleFit owes after acknowledging Slack wait here until Slack takes "
        "them. What still fails after the retries is kept as failed, never dropped.",
    )
    outbox_actions = outbox.add_subparsers(dest="action", required=True, metavar="ACTION")
    listing = outbox_actions.add_parser("list", help="pending and failed messages")
    listing.add_argument("--json", action="store_true", help="one JSON object per line")
    retry = outbox_actions.add_parser("retry", help="put a failed message back in the queue")
    retry.add_argument("id", type=int, help="the message's id, as `rolefit outbox list` shows")
    outbox.set_defaults(handler=_outbox)


def _db(args: argparse.Namespace) -> int:
    async def migrate(store: Store) -> None:
        if args.action == "upgrade":
            await store.upgrade()
        else:
            await store.downgrade(args.revision)

    with_store(migrate, migrate_first=False)
    print(f"database is at {'the newest migration' if args.action == 'upgrade' else args.revision}")
    return 0


def _tried(attempts: int) -> str:
    """The tries Slack turned down or cut off (the one in flight is not counted)."""
    return {0: "not failed yet", 1: "failed once"}.get(attempts, f"failed {attempts} times")


def _when(row: Pending, now: float) -> str:
    """What happens next to a pending message: an on-call engineer reads whether it is stuck."""
    from bot.store.store import PENDING

    if row.status != PENDING:
        return ""
    if row.lease_until is not None and row.lease_until > now:
        return f", being sent (its process holds it {row.lease_until - now:.0f} s more)"
    wait = row.due_at - now
    return ", due now" if wait <= 0 else f", due in {wait:.0f} s"


def _outbox(args: argparse.Namespace) -> int:
    if args.action == "retry":
        if not with_store(lambda store: store.requeue(args.id), reads=True):
            raise CliError(f"no failed message {args.id} (see `rolefit outbox list`)")
        print(f"message {args.id} will be sent again")
        return 0
    rows = with_store(lambda store: store.outbox_rows(), reads=True)
    for row in rows:
        owed = row.owed
        if args.json:
            print(
                json.dumps(
                    row.model_dump(mode="json", exclude={"owed"})
                    | {
                        "kind": owed.kind,
                        "team": owed.team,
                        "channel": owed.channel,
                        "user": owed.user,
                    }
                )
            )
        else:
            where = owed.channel or f"DM with {owed.user}"
            why = f" — {row.last_error}" if row.last_error else ""
            print(
                f"{row.id:>6}  {row.status:<8} {owed.kind:<7} {owed.team} {where}  "
                f"{_tried(row.attempts)}{_when(row, time.time())}{why}"
            )
    if not rows and not args.json:
        print("nothing pending or failed")
    return 0


def with_store(
    work: Callable[[Store], Awaitable[T]], *, migrate_first: bool = True, reads: bool = False
) -> T:
    """Run `work` on the store DATABASE_URL names; any failure is one clear line. A command that
    `reads` what RoleFit kept refuses a SQLite file that is not there: made afresh, it would
    report an empty store (nothing owed, no questions) from the wrong folder."""
    from bot.settings import StoreSettings, load_settings
    from bot.store.store import STORE_FAILURES, Store, cannot_use_the_database

    settings = load_settings(StoreSettings)

    async def run() -> T:
        store = Store(settings.database_url.get_secret_value())
        kept_in = store.engine.url.database if store.dialect == "sqlite" else None
        if reads and kept_in and not Path(kept_in).exists():
            await store.close()
            raise CliError(
                f"no RoleFit store at {Path(kept_in).resolve()}: run this where `rolefit serve` "
                "keeps it, or set DATABASE_URL to it"
            )
        try:
            if migrate_first:
                await store.upgrade()
            return await work(store)
        finally:
            await store.close()

    try:
        return asyncio.run(run())
    except STORE_FAILURES as error:
        raise CliError(cannot_use_the_database(error)) from None
