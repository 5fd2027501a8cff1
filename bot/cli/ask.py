"""`rolefit ask`: who owns a piece of work, from the terminal or a script.

One question as arguments prints one answer. With no question, every line of standard input is a
question and gets exactly one answer, in order — the batch mode scripts and benchmarks rely on.
Only the knowledge package is imported, never Slack code, so a one-shot answer stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from bot.cli.errors import CliError
from bot.cli.shared import load_matcher, printable, read_lines

if TYPE_CHECKING:
    from knowledge import Answer, KnowledgeBase

EXAMPLE = 'rolefit ask "who owns backlog grooming?"'


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `rolefit ask`."""
    parser = subparsers.add_parser(
        "ask",
        help="say which role owns a piece of work",
        description="Say whether a piece of work belongs to the Product Owner, the Product "
        "Manager, both, or neither. With no QUESTION, answer each line of standard input.",
    )
    parser.add_argument("question", nargs="*", help="the question (quotes optional)")
    parser.add_argument(
        "--json", action="store_true", help="print JSON (one object per line in batch mode)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Answer the question from the arguments, or every line of standard input."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a C locale must not crash on “ ”
    question = " ".join(args.question)
    if args.question and not question.strip():
        raise CliError(f"the question is empty; ask about a piece of work, e.g. {EXAMPLE}")
    matcher, kb = load_matcher()

    def render(answer: Answer) -> str:
        return render_json(answer) if args.json else printable(render_text(answer, kb))

    if args.question:
        print(render(matcher.answer(question)))
        return 0
    if sys.stdin.isatty():
        print("Type one question per line; Ctrl-D to finish.", file=sys.stderr)
    for line in read_lines(sys.stdin.buffer):
        print(render(matcher.answer(line)) + ("" if args.json else "\n"), flush=True)
    return 0


def render_json(answer: Answer) -> str:
    """One line of JSON (ASCII-only, so no terminal encoding can break it)."""
    return json.dumps(answer.model_dump(mode="json"), ensure_ascii=True)


def render_text(answer: Answer, kb: KnowledgeBase) -> str:
    """A short human answer: the verdict, how sure, what matched, why, and runners-up."""
    from knowledge.dialogue.wording import piece_owner

    lines = [f"Q: {_one_line(answer.question)}", f"A: {verdict(answer, kb)} ({sureness(answer)})"]
    lines += [f"   {label}: {text}" for label, text in answer.details()]
    lines += [f"   - {part.question}: {piece_owner(part, kb)}" for part in answer.parts]
    lines.append(f"   How I matched: {answer.explanation}")
    for alternative in answer.alternatives:
        owners = " + ".join(kb.roles[o].short for o in alternative.owners if o in kb.roles)
        lines.append(f"   Also possible: {alternative.title} ({owners or 'neither'})")
    return "\n".join(lines)


def verdict(answer: Answer, kb: KnowledgeBase) -> str:
    """ "Product Manager", "Both …", "Neither role: …" for work outside product, "No match" or
    "The article doesn't settle this", with who holds the role if known."""
    from knowledge.dialogue.wording import LISTED

    if answer.parts:
        return LISTED
    if not answer.settled:
        usual = f"; outside the article it usually falls to {answer.outside_owner}"
        return f"The article doesn't settle this{usual if answer.outside_owner else ''}"
    if not answer.owners:
        if answer.outside_owner:
            return f"Neither role: this is work for {answer.outside_owner}"
        return "No match: no work the article describes matches this"
    names = []
    for owner in answer.owners:
        role = kb.roles.get(owner)
        if role is None:
            names.append(owner)
            continue
        held = f" (here: {', '.join(role.holders)})" if role.holders else ""
        names.append(f"{role.name}{held}")
    return names[0] if len(names) == 1 else "Both: " + " and ".join(names)


def sureness(answer: Answer) -> str:
    """The confidence words every answer uses, so the terminal and Slack never disagree; work
    the article leaves open gets no "clearly" (its confidence is in the match, not an owner), and
    work for someone outside product no "not sure" beside its firm "neither role" (Slack says
    neither)."""
    from knowledge.confidence import confidence_words

    if not answer.settled or (answer.outside_owner and not answer.owners):
        return f"confidence {answer.confidence:.2f}"
    return f"{confidence_words(answer.confidence)}, confidence {answer.confidence:.2f}"


def _one_line(text: str, limit: int = 200) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
