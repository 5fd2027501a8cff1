"""The prefilter never spares a search that would have matched: a message reads the same with it.

`Text.finds` searches a pattern only where the one-pass scan found one of the strings its every
match holds. These tests check the strings read off small patterns by hand, and then, for every
pattern the reading has, that `finds` agrees with a plain search on every labelled message of
the tunable sets, on the parts of them that ask, and on generated text made of the patterns'
own words (where matches are likely) and of Slack markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from knowledge.dialogue import patterns as P
from knowledge.dialogue.literals import Prefilter, required
from knowledge.dialogue.message import Text, message_of, normalise

DATA = Path(__file__).parent / "data"
EVERY_PATTERN = [
    pytest.param(value, id=name) for name, value in vars(P).items() if isinstance(value, re.Pattern)
]


@pytest.mark.parametrize(
    ("pattern", "strings"),
    [
        (r"\bbacklog\b", ("backlog",)),
        (r"\b(?:pm|po|product manager)\b", ("pm", "po", "product manager")),  # "p" then m|o|…
        (r"\bwho(?:se)? owns\b", ("who owns", "whose owns")),
        (r"(?:the )?roadmap", ("roadmap",)),  # the optional part is not needed
        (r"\bhire\w* (?:a|an) (?:pm|po)\b", ("hire",)),
        (r"x(?=yz)", ("yz",)),  # a lookahead's text is in the message too
        (r"(?:ab)+c", ("ab",)),
        (r"\bthe (?:pm|po)s?\b", ("the pm", "the po")),  # "the pms" holds "the pm"
        (r"\b(?:vs|versus)\b|\bdifference\b", ("vs", "versus", "difference")),
    ],
)
def test_the_strings_every_match_holds_are_read_off_the_pattern(
    pattern: str, strings: tuple[str, ...]
) -> None:
    assert required(re.compile(pattern)) == strings


@pytest.mark.parametrize(
    "pattern",
    [
        r"^\?*$",  # matches the empty message
        r"\bhelp\b|\w+",  # one alternative needs no literal at all
        r"(?i)backlog",  # case-insensitive: the message's case need not be the pattern's
        r"(?!no)\w+",  # a negative lookahead needs nothing
    ],
)
def test_a_pattern_whose_matches_share_no_literal_is_always_searched(pattern: str) -> None:
    assert required(re.compile(pattern)) is None


def test_the_scan_tells_which_patterns_could_match() -> None:
    backlog, roles, anything = (re.compile(p) for p in (r"\bbacklog\b", r"\bp[mo]\b", r"\w+"))
    prefilter = Prefilter([backlog, roles, anything])
    possible = prefilter.possible("who grooms the backlog?")
    assert possible & prefilter.bits[id(backlog)]
    assert not possible & prefilter.bits[id(roles)]
    assert id(anything) not in prefilter.bits  # no bit of its own: always searched
    assert possible & prefilter.bit_of(anything)
    assert prefilter.possible("nothing required here") & prefilter.bit_of(anything)


def _labelled_messages() -> Iterator[str]:
    """Every message of the tunable labelled sets (never the holdouts)."""
    for path in sorted(DATA.glob("*.yaml")):
        if "holdout" in path.name or path.name == "unsettled.yaml":
            continue
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        yield from _texts(document)


def _texts(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("say", "text", "question") and isinstance(value, str):
                yield value
            else:
                yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


LABELLED = list(dict.fromkeys(_labelled_messages()))


def test_the_labelled_sets_give_the_check_below_its_messages() -> None:
    assert len(LABELLED) > 2000


@pytest.mark.parametrize("pattern", EVERY_PATTERN)
def test_every_pattern_finds_what_a_plain_search_finds_in_every_labelled_message(
    pattern: re.Pattern[str],
) -> None:
    for text in LABELLED:
        message = message_of(text)
        for read in (message.said, message.asked):
            assert read.finds(pattern) == (pattern.search(read) is not None), (pattern, read)


# Words the patterns are made of, so generated text often matches them, among markup and noise.
_PATTERN_WORDS = sorted(
    {
        word
        for _, pattern in ((name, value) for name, value in vars(P).items())
        if isinstance(pattern, re.Pattern)
        for word in re.findall(r"[a-z']{2,}", pattern.pattern)
    }
)
MESSAGES = st.lists(
    st.one_of(
        st.sampled_from(_PATTERN_WORDS),
        st.sampled_from(["?", "!", ",", "=", "&", "+", "/", "<!channel>", "<@U123>", ":tada:"]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz'? ", max_size=8),
    ),
    max_size=25,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(MESSAGES)
def test_on_any_message_every_pattern_finds_what_a_plain_search_finds(text: str) -> None:
    said = Text(normalise(text))
    for parameter in EVERY_PATTERN:
        [pattern] = parameter.values
        assert isinstance(pattern, re.Pattern)
        assert said.finds(pattern) == (pattern.search(said) is not None), (pattern, said)
