"""`rolefit console`: all of RoleFit in a terminal, offline, through the very same Slack handlers.

The real Bolt app (same factory, same listeners, signature checks on) is served on loopback
against the Web API stand-in; you type as a Slack user. No Slack account or settings needed.
"""

from __future__ import annotations

import argparse
import io
import os
import secrets
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `rolefit console`."""
    parser = subparsers.add_parser(
        "console",
        help="try RoleFit in the terminal: the real app, a stand-in Slack, you as a user",
        description=(
            "Chat with RoleFit offline: plain text is a DM, /rolefit runs the slash command, "
            "numbers click buttons, modals become forms. Type :help inside. With stdin from a "
            "file or pipe it reads one line per input and prints the transcript."
        ),
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the raw Web API calls RoleFit makes (and its answers) as JSON lines",
    )
    parser.set_defaults(handler=run_console)


def new_secret() -> str:
    """A random stand-in secret (the console never talks to real Slack)."""
    return secrets.token_hex(24)


def run_console(args: argparse.Namespace) -> int:
    """Start the app and the stand-in, run the session, stop both; exit 0 on EOF or Ctrl-C."""
    from bot.cli.shared import load_knowledge_base
    from bot.sandbox.console.mrkdwn import Style
    from bot.sandbox.console.session import Session
    from bot.sandbox.console.terminal import Output, ScriptLines, TerminalLines
    from bot.sandbox.live import LiveRoleFit

    # A C locale must not crash on “—”, nor a stray byte in a script end the session.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    if isinstance(sys.stdin, io.TextIOWrapper):
        sys.stdin.reconfigure(errors="replace")
    kb = load_knowledge_base()  # built-in plus ROLEFIT_KNOWLEDGE overlays, or one clear line
    colour = sys.stdout.isatty() and not args.json and "NO_COLOR" not in os.environ
    # Fresh fake secrets each run: nothing real is needed, and nothing fixed can be replayed.
    bot_token, signing_secret = "xoxb-" + new_secret(), new_secret()
    # Ctrl-C and a reader that leaves early end quietly in bot.cli.main, after `with` cleans up.
    with LiveRoleFit(kb=kb, bot_token=bot_token, signing_secret=signing_secret) as live:
        style = Style.ansi() if colour else Style.plain()
        out = Output(sys.stdout, style, secrets=[bot_token, signing_secret])
        if sys.stdin.isatty():
            lines: TerminalLines | ScriptLines = TerminalLines()
        else:
            echo = None if args.json else (lambda line: out.line("> " + line))
            lines = ScriptLines(sys.stdin, echo)
        return Session(live, lines, out, as_json=args.json).run()
