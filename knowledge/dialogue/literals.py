"""The strings a pattern cannot match without: one pass over a message tells which of the
reading's patterns could match it, and only those are searched.

Python's regex engine tries every alternative of a pattern at every word of a message, so the
reading's long word lists cost microseconds each, dozens of times per message, though most of
them match nothing. Every match of a pattern contains, as written, one of a few literal strings
found in the pattern itself (`required`). A `Prefilter` finds every such string of every pattern
in a message in a single scan (one regex shaped as a trie of them all), so each pattern is then
searched only where one of its strings is there. The strings are read off the patterns' parse
trees, so they stay true however the patterns change; a pattern they cannot be read from
(case-insensitive, or with no literal every match needs) is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

try:  # the parser behind `re.compile` (private, so a Python without it searches every pattern)
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _parser = None

# The most strings an item that matches one of a few strings is spelled out as ("p[mo]" as
# "pm" and "po"), and the most one pattern may require (past that, it is always searched).
MOST_LITERALS = 128
MOST_REQUIRED = 256
# Roughly how likely a message is to hold a string of so many characters: where a pattern's
# parts each give a requirement, the one least likely to let a search through is taken.
_CHANCE_BY_LENGTH = {1: 1.0, 2: 0.3, 3: 0.1, 4: 0.04}
_CHANCE_LONGER = 0.02

Literals = frozenset[str]


def required(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which is in every text `pattern` finds a match in (shortest first), or
    None where no such strings can be told: then the pattern must always be searched."""
    if _parser is None or pattern.flags & (re.IGNORECASE | re.LOCALE):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:  # pragma: no cover - compiled already, so it parses
        return None
    found = _of_sequence(list(parsed))
    if found is None or len(found) > MOST_REQUIRED:
        return None
    return tuple(sorted(_minimal(found), key=lambda s: (len(s), s)))


def _of_sequence(items: Sequence[tuple[Any, Any]]) -> Literals | None:
    """For items matched one after another: the best requirement among its literal runs and its
    items' own (each alone is true of every match: every item matches a part of it). A run grows
    through literals and through items that match one of a few strings ("p" then "m|o" is
    "pm" or "po")."""
    choices: list[Literals] = []
    run: Literals = frozenset({""})
    for op, argument in items:
        exact = _exact(op, argument)
        if exact is not None and len(run) * len(exact) <= MOST_LITERALS:
            run = frozenset(before + after for before in run for after in exact)
            continue
        if "" not in run:
            choices.append(run)
        run = exact if exact is not None else frozenset({""})
        if exact is None and (inner := _of_item(op, argument)) is not None:
            choices.append(inner)
    if "" not in run:
        choices.append(run)
    return min(choices, key=_cost, default=None)


def _exact(op: Any, argument: Any) -> Literals | None:
    """Every string this item can match, where they are a few plain strings; else None."""
    if op is C.LITERAL:
        return frozenset({chr(argument)})
    if op is C.IN:
        if all(kind is C.LITERAL for kind, _ in argument) and len(argument) <= MOST_LITERALS:
            return frozenset(chr(code) for _, code in argument)
        return None
    if op is C.SUBPATTERN and not argument[1] & (re.IGNORECASE | re.LOCALE):
        return _exact_sequence(list(argument[3]))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and argument[1] == 1:
        once = _exact_sequence(list(argument[2]))  # "(?:se)?": "" or "se"
        return None if once is None else once | {""} if argument[0] == 0 else once
    if op is C.BRANCH:
        strings: set[str] = set()
        for branch in argument[1]:
            exact = _exact_sequence(list(branch))
            if exact is None:
                return None
            strings |= exact
        return frozenset(strings) if len(strings) <= MOST_LITERALS else None
    return None


def _exact_sequence(items: Sequence[tuple[Any, Any]]) -> Literals | None:
    strings: Literals = frozenset({""})
    for op, argument in items:
        exact = _exact(op, argument)
        if exact is None or len(strings) * len(exact) > MOST_LITERALS:
            return None
        strings = frozenset(before + after for before in strings for after in exact)
    return strings


def _of_item(op: Any, argument: Any) -> Literals | None:
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, inner = argument
        if add_flags & (re.IGNORECASE | re.LOCALE):
            return None
        return _of_sequence(list(inner))
    if op is C.BRANCH:
        return _union(_of_sequence(list(branch)) for branch in argument[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        least, _most, inner = argument
        return _of_sequence(list(inner)) if least >= 1 else None
    if op is C.ATOMIC_GROUP:
        return _of_sequence(list(argument))
    if op is C.ASSERT:  # a lookahead or lookbehind that must match: its text is in the message
        _direction, inner = argument
        return _of_sequence(list(inner))
    # \b, character classes, negative lookarounds, back-references: nothing every match needs
    return None


def _union(alternatives: Iterable[Literals | None]) -> Literals | None:
    """A match took one of the alternatives: any one of their requirements."""
    joined: set[str] = set()
    for literals in alternatives:
        if literals is None:
            return None
        joined |= literals
    return frozenset(joined)


def _cost(literals: Literals) -> float:
    """How often a requirement lets a search through, roughly: the chances that a message holds
    one of its strings, a short string being in most (the scan costs the same however many
    strings it looks for)."""
    return sum(_CHANCE_BY_LENGTH.get(len(text), _CHANCE_LONGER) for text in literals)


def _minimal(literals: Literals) -> Literals:
    """Without strings that hold another of the set: where the longer is, the shorter is too."""
    return frozenset(
        text for text in literals if not any(other != text and other in text for other in literals)
    )


class Prefilter:
    """Which of `patterns` could match a text, from one scan of it for all their strings."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        strings: dict[str, int] = {}  # a required string -> the patterns needing it, as bits
        # Each filtered pattern's bit, by id (hashing a pattern rehashes its source); holding
        # the patterns keeps their ids from passing to other objects.
        self.bits: dict[int, int] = {}
        self._held: list[re.Pattern[str]] = []
        for pattern in patterns:
            found = required(pattern)
            if found is None or id(pattern) in self.bits:
                continue
            bit = 1 << len(self.bits)
            self.bits[id(pattern)] = bit
            self._held.append(pattern)
            for string in found:
                strings[string] = strings.get(string, 0) | bit
        # Found at a place, a string means every shorter string it starts with is there too.
        self._masks = {
            string: _or(strings.get(string[:end], 0) for end in range(len(string) + 1))
            for string in strings
        }
        # Longest strings first at each branch: the scan reports, at each place, the longest
        # string starting there, and the masks above cover the shorter ones.
        self._scan = re.compile(f"(?=({_trie(sorted(strings))}))") if strings else None
        # Every text's bit: the patterns without one of their own could match anything.
        self.always = 1 << len(self.bits)

    def bit_of(self, pattern: re.Pattern[str]) -> int:
        """The pattern's bit among `possible`'s (`always` for one with no string required)."""
        return self.bits.get(id(pattern), self.always)

    def possible(self, text: str) -> int:
        """The bits of the patterns that could match `text`, `always` among them."""
        if self._scan is None:
            return self.always
        masks = self._masks
        return _or(masks[found] for found in self._scan.findall(text)) | self.always


def _or(bits: Iterable[int]) -> int:
    total = 0
    for bit in bits:
        total |= bit
    return total


def _trie(strings: Sequence[str]) -> str:
    """A regex matching the longest of `strings` (sorted) that starts where it is tried."""
    branches: dict[str, list[str]] = {}
    ends = False
    for string in strings:
        if string:
            branches.setdefault(string[0], []).append(string[1:])
        else:
            ends = True
    parts = [re.escape(first) + _trie(rests) for first, rests in branches.items()]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
    return f"(?:{body})?" if ends else body
