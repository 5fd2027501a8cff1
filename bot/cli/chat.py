"""`rolefit chat`: the conversation layer without Slack.

Interactive: type as you would in a DM; when RoleFit asks back, answer with a number or in
words. `--json`: each input line is `{"text": "...", "conversation": "any id"}` (lines sharing a
conversation id are successive turns of one thread, in order) and gets exactly one JSON line:
`intent`, `owners`, `recommendation`, `asks`, `text` — or `{"error": ...}`, and the run goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from bot.cli.shared import load_matcher, printable, read_lines

if TYPE_CHECKING:
    from knowledge.dialogue import Chat, Memory, Reply


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `rolefit chat`."""
    parser = subparsers.add_parser(
        "chat",
        help="talk to RoleFit in the terminal: roles, hiring advice, follow-ups",
        description="A conversation with RoleFit, as in a Slack DM. With --json, read JSON lines "
        '{"text": ..., "conversation": ...} and print one JSON line for each.',
    )
    parser.add_argument("--json", action="store_true", help="JSON lines in, JSON lines out")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from knowledge.dialogue import Chat

    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    matcher, kb = load_matcher()
    chat = Chat(kb, matcher)
    if args.json:
        memories: dict[str, Memory] = {}
        for line in read_lines(sys.stdin.buffer):
            print(json.dumps(_json_turn(chat, line, memories), ensure_ascii=False), flush=True)
        return 0
    return _interactive(chat)


def as_json(reply: Reply) -> dict[str, Any]:
    """The reply as `rolefit chat --json` prints it."""
    return {
        "intent": str(reply.intent),
        "owners": reply.owners,
        "recommendation": reply.recommendation.recommendation if reply.recommendation else None,
        "asks": [ask.question for ask in reply.asks],
        "text": reply.text,
    }


def _json_turn(chat: Chat, line: str, memories: dict[str, Memory]) -> dict[str, Any]:
    try:
        data = json.loads(line)
    except ValueError:
        return {"error": 'not JSON; send {"text": "...", "conversation": "..."}'}
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str):
        return {"error": 'each line needs "text" (a string)'}
    conversation = data.get("conversation")
    key = str(conversation) if conversation is not None else None
    reply = chat.reply(text, memories.get(key) if key is not None else None)
    if key is not None:
        memories[key] = reply.memory
    return as_json(reply)


def _interactive(chat: Chat) -> int:
    tty = sys.stdin.isatty()
    if tty:
        print("RoleFit chat: ask who owns a piece of work, or whom to hire. Ctrl-D to leave.")
    memory: Memory | None = None
    pending: Reply | None = None
    for line in read_lines(sys.stdin.buffer):
        text = line.strip()
        if not text:
            continue
        ask = pending.asks[0] if pending is not None and pending.asks else None
        choice = _chosen(ask.options, text) if ask is not None else None
        if pending is not None and ask is not None and choice is not None and pending.facts:
            reply = chat.answer_fact(pending.facts, ask.fact, choice, pending.memory.asked)
        else:
            reply = chat.reply(text, memory)
        memory = reply.memory
        if reply.asks or not _still_asked(pending, reply):
            pending = reply  # ("why?" or "are you sure?" of a question leaves it asked)
        print(printable(reply.text))
        for ask_back in reply.asks:
            for number, (_, label) in enumerate(ask_back.options, start=1):
                print(f"  {number}) {label}")
        print(flush=True)
    return 0


def _still_asked(pending: Reply | None, reply: Reply) -> bool:
    """Whether the question `pending` asked back still waits after `reply`, so a number typed
    next answers it."""
    if pending is None or not pending.asks:
        return False
    facts, asked = reply.memory.facts, reply.memory.asked
    return facts is not None and asked > 0 and facts.missing() == pending.asks[0].fact


def _chosen(options: tuple[tuple[str, str], ...], said: str) -> str | None:
    """The option a person picked by number or by (the start of) its label."""
    if said.isdigit() and 1 <= int(said) <= len(options):
        return options[int(said) - 1][0]
    lowered = said.casefold()
    return next((value for value, label in options if label.casefold().startswith(lowered)), None)
