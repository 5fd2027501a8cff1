"""`rolefit recommend`: the hiring questionnaire without Slack.

`--json` is for scripts: one answers object per stdin line in, exactly one result (or
`{"error": …}`) per line out, so a bad line never costs the others. Without it, a person answers
the same questions in the terminal.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

if TYPE_CHECKING:
    from pydantic import ValidationError

    from knowledge import KnowledgeBase, Matcher
    from knowledge.advisor import Recommendation

T = TypeVar("T")

STAGES = [
    ("startup", "Startup"),
    ("small-business", "Small business"),
    ("scale-up", "Scale-up"),
    ("enterprise", "Enterprise"),
]
GOALS = [
    ("deliver-product", "Deliver the product: features, user stories, backlog, sprints"),
    ("build-business", "Build a business around it: strategy, market, go-to-market, finances"),
    ("both", "Both"),
]
YES_NO = [(True, "Yes"), (False, "No")]
HEADCOUNTS = [(1, "One"), (2, "Two")]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `rolefit recommend`."""
    parser = subparsers.add_parser(
        "recommend",
        help="recommend a hire: Product Owner, Product Manager or both",
        description="Answer a few questions and get a hiring recommendation with its reasons.",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help="read one answers object (JSON) per stdin line; print one result per line",
    )
    parser.set_defaults(handler=_handle)


def _handle(args: argparse.Namespace) -> int:
    from bot.cli.ask import load_matcher, read_lines

    # A C locale or stray bytes must not crash a conversation: replace what cannot be decoded
    # or printed.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    if hasattr(sys.stdin, "reconfigure"):
        sys.stdin.reconfigure(errors="replace")
    matcher, kb = load_matcher()
    if args.json:
        return run_json(matcher, read_lines(sys.stdin.buffer), sys.stdout)
    return run_interactive(kb, matcher, sys.stdin, sys.stdout)


# --- scripts: JSON lines ------------------------------------------------------------------------


def run_json(matcher: Matcher, lines: Iterable[str], out: TextIO) -> int:
    """Answer each line as it arrives, flushing so a pipe sees every result at once."""
    for text in lines:
        out.write(json.dumps(_result_for_line(text, matcher)) + "\n")
        out.flush()
    return 0


def _result_for_line(text: str, matcher: Matcher) -> dict[str, Any]:
    from pydantic import ValidationError

    from knowledge.advisor import HiringAnswers, advise

    if not text.strip():
        return {"error": "blank line: expected one JSON object with the answers"}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return {"error": f"invalid JSON at column {error.colno}: {error.msg}"}
    except RecursionError:
        return {"error": "invalid JSON: nested too deeply"}
    if not isinstance(data, dict):
        return {"error": f"expected a JSON object with the answers, got {type(data).__name__}"}
    try:
        answers = HiringAnswers.model_validate(data)
    except ValidationError as error:
        return {"error": describe_validation_error(error)}
    return advise(answers, matcher).model_dump(mode="json")


def describe_validation_error(error: ValidationError) -> str:
    """One line naming every bad field, e.g. `headcount: Input should be 1 or 2`."""
    problems = []
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"]) or "answers"
        message = problem["msg"].removeprefix("Value error, ")
        problems.append(f"{field}: {message}")
    return "; ".join(problems)


# --- people: the terminal questionnaire ---------------------------------------------------------


class _Quit(Exception):
    """The person closed input (EOF); leave quietly."""


class _Terminal:
    """Questions over plain text streams, so tests can drive it like a person would."""

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        self._in = stdin
        self._out = stdout
        # Replies piped in from a file are not echoed by a terminal; echo them so the
        # transcript reads as a conversation.
        self._echo = not stdin.isatty()

    def say(self, text: str = "") -> None:
        self._out.write(text + "\n")
        self._out.flush()

    def read(self, prompt: str = "> ") -> str:
        self._out.write(prompt)
        self._out.flush()
        line = self._in.readline()
        if not line:
            raise _Quit
        if self._echo:
            self._out.write(line if line.endswith("\n") else line + "\n")
        return line.strip()

    def choose(self, question: str, options: Sequence[tuple[T, str]]) -> T:
        """A numbered choice, asked again until the reply is one of the numbers."""
        self.say()
        self.say(question)
        for number, (_, label) in enumerate(options, start=1):
            self.say(f"  {number}. {label}")
        while True:
            reply = self.read()
            if reply.isdigit() and 1 <= int(reply) <= len(options):
                return options[int(reply) - 1][0]
            self.say(f"Please type a number from 1 to {len(options)}.")


def run_interactive(kb: KnowledgeBase, matcher: Matcher, stdin: TextIO, stdout: TextIO) -> int:
    """Ask the questionnaire, print the recommendation. EOF or Ctrl-C leaves cleanly (status 0)."""
    from knowledge.advisor import HiringAnswers, advise
    from knowledge.questionnaire import ROLE_IDS

    terminal = _Terminal(stdin, stdout)
    try:
        terminal.say("RoleFit: should you hire a Product Owner, a Product Manager, or both?")
        answers = HiringAnswers(
            company_stage=terminal.choose("What stage is your company at?", STAGES),
            goal=terminal.choose("What should the new hire mainly do?", GOALS),
            uses_scrum=terminal.choose(
                "Does your team work in Scrum (sprints, backlog, user stories)?", YES_NO
            ),
            existing_roles=terminal.choose(
                "Do you already employ one of these?",
                [([], "Neither")]
                + [([role_id], f"A {kb.roles[role_id].name}") for role_id in ROLE_IDS],
            ),
            needs=_ask_needs(terminal, kb),
            headcount=terminal.choose("How many product hires can you make now?", HEADCOUNTS),
        )
    except (_Quit, KeyboardInterrupt):
        terminal.say()
        terminal.say("Stopped — nothing was recommended.")
        return 0
    terminal.say()
    terminal.say(format_recommendation(advise(answers, matcher), kb))
    return 0


def _ask_needs(terminal: _Terminal, kb: KnowledgeBase) -> list[str]:
    """Numbers from the knowledge base's list, grouped by role, then free text in own words."""
    from knowledge.advisor import MAX_NEED_LENGTH, MAX_NEEDS
    from knowledge.questionnaire import need_groups

    numbered: list[str] = []
    terminal.say()
    terminal.say("Which of these do you need covered?")
    for group in need_groups(kb):
        terminal.say(f"  {group.label}")
        for responsibility_id, title in group.responsibilities:
            numbered.append(responsibility_id)
            terminal.say(f"    {len(numbered):>2}. {title}")
    terminal.say("Type the numbers separated by commas or spaces, or press Enter to skip.")
    while True:
        picked = _parse_numbers(terminal.read(), len(numbered))
        if picked is not None:
            break
        terminal.say(f"Please use numbers from 1 to {len(numbered)}, e.g. 1, 3, 5.")
    needs = [numbered[number - 1] for number in picked]

    terminal.say()
    terminal.say("Anything else? Describe other work in your own words, one per line.")
    terminal.say("Press Enter on an empty line when you are done.")
    while len(needs) < MAX_NEEDS:
        phrase = terminal.read()
        if not phrase:
            break
        if len(phrase) > MAX_NEED_LENGTH:
            terminal.say(f"That is a bit long; please keep it under {MAX_NEED_LENGTH} characters.")
            continue
        needs.append(phrase)
    return needs


def _parse_numbers(reply: str, highest: int) -> list[int] | None:
    """`1, 3 5` → [1, 3, 5]; None when anything is not a number in range."""
    tokens = [token for token in re.split(r"[\s,;]+", reply) if token]
    if not all(token.isdigit() and 1 <= int(token) <= highest for token in tokens):
        return None
    return list(dict.fromkeys(int(token) for token in tokens))


def format_recommendation(result: Recommendation, kb: KnowledgeBase) -> str:
    """The recommendation as a person reads it in a terminal (same headline and wording as
    the Slack message)."""
    from bot.blocks.recommendation import headline
    from knowledge.confidence import confidence_words
    from knowledge.questionnaire import ROLE_IDS

    hired = ROLE_IDS if result.recommendation == "both" else (result.recommendation,)
    word = confidence_words(result.confidence)
    lines = [
        f"{headline(result, kb)} ({word}, confidence {result.confidence:.2f})",
        "Scores: "
        + " · ".join(f"{kb.roles[role].name} {score:g}" for role, score in result.scores.items()),
        "",
        "Why:",
        *(f"  - {reason.text}" for reason in result.reasons),
    ]
    for role in (kb.roles[role_id] for role_id in hired):
        lines += ["", f"When to hire a {role.name}: {role.when_to_hire}"]
    if result.placed_needs:
        lines += ["", "Your needs:"]
        for placed in result.placed_needs:
            owners = " and ".join(kb.roles[owner].name for owner in placed.owners)
            said = "" if placed.need == placed.responsibility_id else f"{placed.need} → "
            lines.append(f"  - {said}{placed.title} ({owners})")
    if result.unplaced_needs:
        lines += ["", "Not product-hire work, or not recognised:"]
        lines += [f"  - {need}" for need in result.unplaced_needs]
    return "\n".join(lines)
