"""The `rolefit` command. Each subcommand lives in its own module and imports heavy things lazily,
so `rolefit ask` stays fast and never loads Slack code it does not need."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from bot.cli import (
    ask,
    chat,
    console,
    insights_cmd,
    knowledge_cmd,
    recommend,
    serve,
    store_cmd,
)
from bot.errors import OneLineError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rolefit",
        description="Product Owner or Product Manager? RoleFit answers who owns a piece of work.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (ask, chat, knowledge_cmd, recommend, serve, console, store_cmd, insights_cmd):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand; expected failures print one clear line and exit 2, never a traceback."""
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
    except OneLineError as error:
        print(f"rolefit: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    except BrokenPipeError:
        # The reader left early (`rolefit … | head`): stop quietly, like other Unix tools, and
        # point stdout at /dev/null so Python's flush at exit does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return code
