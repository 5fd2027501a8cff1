"""What a person typed, read as an intent: help, the roles, the questionnaire, or a question.

Shared by `/rolefit`, direct messages and mentions, so "hi", "help", an emoji or nothing at all
gets the same friendly help everywhere, and a typo like "rols" gets a "did you mean".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from rapidfuzz import fuzz, process

from knowledge.dialogue.patterns import STARTS_QUESTIONNAIRE
from knowledge.text import EMOJI_CODE


class Intent(StrEnum):
    HELP = "help"
    ROLES = "roles"
    HIRE = "hire"
    STATS = "stats"
    QUESTION = "question"
    SET = "set"  # an admin names a role's holders: `set product-owner @dana`
    TEACH = "teach"  # an admin teaches a phrasing: `teach po-backlog : the big wall`


@dataclass(frozen=True)
class Reading:
    intent: Intent
    text: str = ""
    unknown: str | None = None  # what RoleFit did not recognise as a subcommand
    suggestion: str | None = None  # the subcommand it probably meant


SUBCOMMANDS = {
    "help": Intent.HELP,
    "roles": Intent.ROLES,
    "hire": Intent.HIRE,
    "stats": Intent.STATS,
}
# Subcommands that take words after them (the rest of the text is theirs), unless the text is a
# question ("set up sprints: who?" is asked, not a setting).
SETUP = {"set": Intent.SET, "teach": Intent.TEACH, "unteach": Intent.TEACH}
_ALIASES = {
    "role": Intent.ROLES,
    "compare": Intent.ROLES,
    "questionnaire": Intent.HIRE,
    "hiring": Intent.HIRE,
    "usage": Intent.HELP,
    "commands": Intent.HELP,
    "insights": Intent.STATS,
    "statistics": Intent.STATS,
}
# Words that make up a greeting or a thank-you ("hi there", "thanks so much"), not a question.
_GREETING_WORDS = frozenset(
    {
        "hi",
        "hello",
        "hey",
        "hiya",
        "howdy",
        "yo",
        "sup",
        "hola",
        "morning",
        "afternoon",
        "evening",
        "good",
        "thanks",
        "thank",
        "you",
        "ty",
        "cheers",
        "there",
        "rolefit",
        "bot",
        "all",
        "team",
        "everyone",
        "folks",
        "again",
        "so",
        "much",
        "very",
    }
)
# Words a subcommand may trail without becoming a question: "/rolefit roles please".
_COURTESIES = frozenset({"please", "pls", "plz", "now", "again", "thanks", "thx", "thank", "you"})
# The periods `stats` may name, in days ("stats for last week", "for the last 7 days"); it shows
# the days it covers.
STATS_PERIODS = {
    "today": 1,
    "yesterday": 2,
    "day": 1,
    "days": 1,
    "week": 7,
    "weeks": 7,
    "month": 30,
    "months": 30,
    "quarter": 91,
    "quarters": 91,
    "year": 365,
    "years": 365,
}
# Words of a period `stats` may trail ("stats for the past month", "since yesterday").
_PERIOD = frozenset({"for", "the", "this", "last", "past", "since", "in", *STATS_PERIODS})
# The longest period `stats` counts back over: ten years.
_MOST_STATS_DAYS = 3650
# Words at most that `stats`, with odd words after it, still reads as that subcommand mistyped
# ("stats foo"); longer, it is a question.
_ODD_WORDS = 3
# The roles an admin's `set` names, and its other settings.
_SETTINGS = frozenset({"product-owner", "product-manager", "po", "pm", "retention"})
# Who an admin's `set` names: a mention, a user group, nobody, or a number of days.
_SET_VALUE = re.compile(r"<[@!]|\b(?:nobody|no one|none|\d+)\b", re.IGNORECASE)
# `set` naming a role however it is written: "set product owner dana", "set the PO @dana".
_SETS_A_ROLE = re.compile(
    r"\s*set\s+(?:the |our |a )?(?:product[ -]?owner|product[ -]?manager|po|pm)\b",
    re.IGNORECASE,
)
# "teach me: …", "teach us about…": a person asking to learn, not an admin teaching.
_LEARNER = frozenset({"me", "us", "you", "him", "her", "them", "my", "our"})
_SLACK_TOKEN = re.compile(r"<[^>]*>")
_WORD = re.compile(r"[^\W_]+")
_TYPO_CUTOFF = 70
# Slack asks messages to stay under 4,000 characters; past that, more words cannot change who owns
# the work, and reading them all would hold up every other request on the event loop.
MAX_TEXT = 4000


def words_of(text: str) -> list[str]:
    """Lower-case words, ignoring Slack tokens (mentions, links) and :emoji: codes."""
    cleaned = EMOJI_CODE.sub(" ", _SLACK_TOKEN.sub(" ", text.lower()))
    return _WORD.findall(cleaned)


def command_in_a_message(text: str) -> str | None:
    """The subcommand a direct message or mention is written as, where only `/rolefit` runs it
    ("stats", "set product-owner @dana", "teach po-backlog : the wall"): None for a message
    that merely starts with the word ("teach me about Scrum", "set the sprint goal?")."""
    first, second, *rest = [*text.split(), "", ""]
    first, second = first.lower(), second.lower().strip(":")
    intent = read(text).intent
    if intent is Intent.STATS:
        return "stats"
    if intent is Intent.SET and second in _SETTINGS and _SET_VALUE.search(" ".join(rest)):
        return "set"
    if intent is Intent.TEACH and (first == "unteach" or (":" in text and second not in _LEARNER)):
        return first
    return None


def stats_days(text: str) -> int | None:
    """The days of the period a `stats` text names ("stats for last week": 7, "for the last 2
    weeks": 14), or None."""
    words = words_of(text)
    for place, word in enumerate(words):
        if word in STATS_PERIODS:
            count = words[place - 1] if place > 0 else ""
            times = 1
            if count.isdigit():  # (a number too long to read is past the longest anyway)
                times = int(count) if len(count) <= len(str(_MOST_STATS_DAYS)) else _MOST_STATS_DAYS
            return max(1, min(STATS_PERIODS[word] * times, _MOST_STATS_DAYS))
    return None


def _sets_up(text: str) -> bool:
    """Whether a text starting with `set`, `teach` or `unteach` is that subcommand, not a question
    ("set up the sprint planning", "teach me about the three horizons", "…?"). `set` with a
    setting, a value or nothing after it is the subcommand (its mistakes get a line saying what
    is valid); so is `teach` to anyone but a learner."""
    first, second, *_ = [*text.lower().split(), "", ""]
    if text.rstrip().endswith("?"):
        return False
    if first == "set":
        named = second.strip(":") in _SETTINGS or _SETS_A_ROLE.match(text) is not None
        return not second or named or "@" in text or bool(_SET_VALUE.search(text))
    return first == "unteach" or second.strip(":") not in _LEARNER


@lru_cache(maxsize=64)
def read(text: str) -> Reading:
    """Classify one message or command text (only its first MAX_TEXT characters count).
    Remembered for the last few texts: a command is read to route it, then again to answer."""
    text = text[:MAX_TEXT]
    words = words_of(text)
    if not words or all(word in _GREETING_WORDS for word in words):
        return Reading(Intent.HELP)
    if text.split()[0].lower() in SETUP and _sets_up(text):
        return Reading(SETUP[text.split()[0].lower()], text=text.strip())
    if STARTS_QUESTIONNAIRE.match(" ".join(text.lower().split())):
        return Reading(Intent.HIRE)  # "start the questionnaire", "full questionnaire pls"
    known = SUBCOMMANDS.get(words[0]) or _ALIASES.get(words[0])
    trailing = _COURTESIES | (_PERIOD if known is Intent.STATS else frozenset())
    # (a number only before a period it counts: "stats for the last 7 days", not "stats 2023")
    rest = words[1:]
    counts = {
        place
        for place, word in enumerate(rest)
        if known is Intent.STATS
        and word.isdigit()
        and place + 1 < len(rest)
        and rest[place + 1] in STATS_PERIODS
    }
    if known is not None and all(
        word in trailing or place in counts for place, word in enumerate(rest)
    ):
        return Reading(known)  # "roles please", "stats for this month"
    if known is Intent.STATS and (
        (len(words) <= _ODD_WORDS and "?" not in text)
        or all(word in trailing or word.isdigit() for word in rest)  # "stats for last 3"
    ):
        # "stats foo": the admins' subcommand with words it does not take, pointed to (no
        # question starts so; "roles in scrum" may be one, and is answered)
        return Reading(Intent.HELP, unknown=text.strip(), suggestion="stats")
    if len(words) == 1:
        word = words[0]
        typo = process.extractOne(
            word, list(SUBCOMMANDS), scorer=fuzz.ratio, score_cutoff=_TYPO_CUTOFF
        )
        if typo is not None:
            return Reading(Intent.HELP, unknown=text.strip(), suggestion=typo[0])
    return Reading(Intent.QUESTION, text=text.strip())
