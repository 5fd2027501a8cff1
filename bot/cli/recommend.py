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
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from bot.cli.shared import printable

if TYPE_CHECKING:
    from pydantic import ValidationError

    from knowledge import KnowledgeBase, Matcher
    from knowledge.advisor import Recommendation
    from knowledge.questionnaire import AnswerValue, Question


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
    from bot.cli.shared import load_matcher, read_lines

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

    def ask(self, question: Question) -> None:
        """The question as the modal words it, marked "(optional)" as Slack marks it."""
        self.say()
        self.say(f"{question.prompt}{' (optional)' if question.optional else ''}")

    def choose(self, count: int) -> int:
        """A number from 1 to `count`, asked again until the reply is one."""
        while True:
            reply = self.read()
            if reply.isdigit() and 1 <= int(reply) <= count:
                return int(reply)
            self.say(f"Please type a number from 1 to {count}.")

    def choose_many(self, count: int) -> list[int]:
        """Numbers from 1 to `count` (none at all to skip), asked again until they are numbers
        in range."""
        self.say("Type the numbers separated by commas or spaces, or press Enter to skip.")
        while (picked := _parse_numbers(self.read(), count)) is None:
            self.say(f"Please use numbers from 1 to {count}, separated by commas or spaces.")
        return picked


def run_interactive(kb: KnowledgeBase, matcher: Matcher, stdin: TextIO, stdout: TextIO) -> int:
    """Ask the questionnaire's questions in its order, print the recommendation. EOF or Ctrl-C
    leaves cleanly (status 0)."""
    from knowledge.advisor import HiringAnswers, advise
    from knowledge.questionnaire import ANYTHING_ELSE, INTRO, NEEDS, QUESTIONS, who_to_hire

    terminal = _Terminal(stdin, stdout)
    try:
        terminal.say(who_to_hire(kb))
        terminal.say(INTRO)
        given: dict[str, Any] = {NEEDS: []}
        for question in QUESTIONS:
            terminal.ask(question)
            if question.name == NEEDS:
                given[NEEDS] += _ask_needs(terminal, kb)
            elif question.name == ANYTHING_ELSE:  # more needs, in the person's own words
                given[NEEDS] += _ask_own_words(terminal, len(given[NEEDS]))
            else:
                given[question.name] = _ask_choice(terminal, question, kb)
        answers = HiringAnswers.model_validate(given)
    except (_Quit, KeyboardInterrupt):
        terminal.say()
        terminal.say("Stopped — nothing was recommended.")
        return 0
    terminal.say()
    terminal.say(printable(format_recommendation(advise(answers, matcher), kb)))
    return 0


def _ask_choice(
    terminal: _Terminal, question: Question, kb: KnowledgeBase
) -> AnswerValue | list[AnswerValue]:
    """One of the question's numbered choices, or several where it takes several."""
    from knowledge.questionnaire import choices_for

    choices = choices_for(question, kb)
    for number, choice in enumerate(choices, start=1):
        detail = f" — {choice.description}" if choice.description else ""
        terminal.say(f"  {number}. {choice.label}{detail}")
    if not question.many:
        return choices[terminal.choose(len(choices)) - 1].value

    def values(numbers: list[int]) -> list[AnswerValue]:
        return [choices[number - 1].value for number in numbers]

    return values(terminal.choose_many(len(choices)))


def _ask_needs(terminal: _Terminal, kb: KnowledgeBase) -> list[str]:
    """Numbers from the knowledge base's list, grouped by the role that owns the work."""
    from knowledge.questionnaire import need_groups

    numbered: list[str] = []
    for group in need_groups(kb):
        terminal.say(f"  {group.label}")
        for responsibility_id, title in group.responsibilities:
            numbered.append(responsibility_id)
            terminal.say(f"    {len(numbered):>2}. {title}")
    picked = terminal.choose_many(len(numbered))
    return [numbered[number - 1] for number in picked]


def _ask_own_words(terminal: _Terminal, already: int) -> list[str]:
    """Other work in the person's own words, one per line, up to the advisor's limits (with
    the `already` needs picked)."""
    from knowledge.advisor import MAX_NEED_LENGTH, MAX_NEEDS

    terminal.say("Describe other work in your own words, one per line.")
    terminal.say("Press Enter on an empty line when you are done.")
    phrases: list[str] = []
    while already + len(phrases) < MAX_NEEDS:
        phrase = terminal.read()
        if not phrase:
            break
        if len(phrase) > MAX_NEED_LENGTH:
            terminal.say(f"That is a bit long; please keep it under {MAX_NEED_LENGTH} characters.")
            continue
        phrases.append(phrase)
    return phrases


def _parse_numbers(reply: str, highest: int) -> list[int] | None:
    """`1, 3 5` → [1, 3, 5]; None when anything is not a number in range."""
    tokens = [token for token in re.split(r"[\s,;]+", reply) if token]
    if not all(token.isdigit() and 1 <= int(token) <= highest for token in tokens):
        return None
    return list(dict.fromkeys(int(token) for token in tokens))


def format_recommendation(result: Recommendation, kb: KnowledgeBase) -> str:
    """The recommendation as a person reads it in a terminal, in the Slack message's words."""
    from knowledge.advice_words import headline, hired_roles, not_covered, verdict, weighed_against

    lines = [
        f"{headline(result, kb)} (confidence {result.confidence:.2f})",
        verdict(result, kb),
        "Scores: "
        + " · ".join(f"{kb.roles[role].name} {score:g}" for role, score in result.scores.items()),
        "",
        "Why:",
        *(f"  - {reason.text}" for reason in result.reasons),
        *([f"  {against}"] if (against := weighed_against(result)) else []),
    ]
    for role in (kb.roles[role_id] for role_id in hired_roles(result)):
        lines += ["", f"When to hire a {role.name}: {role.when_to_hire}"]
    if result.placed_needs:
        lines += ["", "Your needs:"]
        for placed in result.placed_needs:
            owners = " and ".join(kb.roles[owner].name for owner in placed.owners)
            said = "" if placed.need == placed.responsibility_id else f"{placed.need} → "
            lines.append(f"  - {said}{placed.title} ({owners})")
    uncovered = not_covered(result, kb)
    if uncovered:
        lines += ["", f"Not covered by this hire: {uncovered}"]
    if result.unplaced_needs:
        lines += ["", "Not product-hire work, or not recognised:"]
        lines += [f"  - {need}" for need in result.unplaced_needs]
    return "\n".join(lines)
