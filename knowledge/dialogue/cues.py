"""The cues a message gives of its intent, as plain strings for the intent scorer to weigh.

Each is a fact the reading could use: which of the reading's patterns match (anywhere, and in
the part that asks), what the rules read, what the previous turn was, how long the message is,
its words and word pairs, and how it opens. (Whether it names work the knowledge base knows is
left to the rules: as a cue it did not help, and it cost a matcher call per message.)
Weighing them all together, rather than checking patterns in a fixed order, lets no single
pattern decide a message alone.
"""

from __future__ import annotations

import itertools
import re

from knowledge.dialogue import patterns as P
from knowledge.dialogue.memory import Memory
from knowledge.dialogue.message import PREFILTER, Message

# The patterns that clean a message up before it is read, and those that shape an answer once
# its intent is known (a yes or no first, what a correction names) or settle one rule the rules
# apply as said (a role as the one who hires, the article's own example): the scorer never
# weighs them, so adding one leaves its learned weights as they are.
CLEANING = frozenset(
    {
        "MARKUP",
        "NOT_WORDS",
        "ROLES_OR",
        "ROLE_TYPOS",
        "SENTENCE_END",
        "SHORTHAND_WORDS",
        "SPELLED_OUT_WORDS",
    }
)
WORDING = frozenset(
    {
        "ACKNOWLEDGED_ONLY",
        "ALSO",
        "ASK_TAKEN_BACK",
        "ASKS_ON_ITS_OWN",
        "ANOTHER_JOB_AS_ROLE",
        "ARTICLE_CLAIM",
        "ARTICLE_NAMES",
        "ARTICLE_SAYS",
        "ASKS_ABOUT",
        "ASKS_AUTHOR",
        "ASKS_DIFFERENCE",
        "ASKS_EXAMPLE",
        "ASKS_INTERVIEW",
        "ASKS_ITS_OWN",
        "ASKS_MEMBERS",
        "ASKS_MORE",
        "ASKS_RANK",
        "ASKS_SCRUM_MASTER",
        "ASKS_SIZE",
        "ASKS_SOURCE",
        "ASKS_SUMMARY",
        "ASKS_TO_HIRE",
        "ASKS_WHAT_TO_PUT",
        "ASKS_WHY_AGAIN",
        "ROLE_ATTENDS",
        "ROLE_TAKES_PART",
        "BARE_NO",
        "BOTH_ASKED",
        "CONFIRM_TAIL",
        "CANDIDATE_QUALITIES",
        "CAREER_MOVE",
        "CREDENTIALS",
        "CUSTOMER_INTERVIEWS",
        "DAY_IN_THE_LIFE",
        "DONT_KNOW",
        "FRESH_QUESTION",
        "GIVEN_REASON",
        "INSULT",
        "INTRODUCTION",
        "IN_COMMON",
        "MEANT",
        "MEANT_NOT_THAT",
        "NARROWS",
        "NEEDS_ONE_YET",
        "NEEDS_SCRUM",
        "NOT_A_PLAIN_CHECK",
        "NOT_MEANT",
        "NOT_THIS_BUT",
        "NEXT_ROLE",
        "NEXT_STEPS",
        "NTH_PIECE",
        "ON_SCRUM",
        "OF_THE_ARTICLE",
        "POINTS_BACK",
        "PO_COUNT",
        "PO_COUNT_ASKED",
        "PRODUCT_PEOPLE",
        "PAY_ASKED",
        "PROJECT_MANAGER",
        "PUSHBACK",
        "PUZZLED",
        "RATE",
        "RED_FLAGS",
        "ROLE_CHECKED",
        "ROLE_FOLLOW_UP",
        "ROLE_HIRES",
        "ROLE_OF_SCRUM",
        "SCRUM_MASTER_COMPARED",
        "SELF_INTRODUCTION",
        "STAFFED_AS",
        "STARTS_QUESTIONNAIRE",
        "TAKES_IT_ON",
        "TAKES_PART",
        "TEAM_ARRANGEMENT",
        "TEAM_SETUP",
        "THE_JOB",
        "THE_OTHER_ROLE",
        "WANTS_ROLE",
        "WAYS_OF_WORKING",
        "ONLY_A_PRODUCT_SURFACE",
        "WHAT_TO_DROP",
        "WHERE_TO_POST",
        "WHICH_PARTS",
        "WHO_ELSE",
        "WITHOUT_SCRUM",
        "WORKING_CONDITIONS",
    }
)
# Every other compiled pattern the reading has, by name, in a stable order.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    sorted(
        (name, value)
        for name, value in vars(P).items()
        if isinstance(value, re.Pattern) and name not in CLEANING | WORDING
    )
)
# Each pattern's bit in what a text's scan says could match (`Text.possible`).
_BITS = tuple(PREFILTER.bit_of(pattern) for _, pattern in PATTERNS)
# Upper bounds of the message-length buckets, in words.
LENGTHS = (1, 2, 3, 4, 6, 9, 14, 25, 60)


def cues(
    message: Message,
    previous: Memory | None,
    rules_intent: str,
    rules_follow_up: bool,
) -> tuple[str, ...]:
    """The message's cues, each once, in a stable order (so training is reproducible)."""
    said, asked = message.said, message.asked
    words = [word for word in message.words if word]
    before = previous.intent if previous is not None else "none"
    length = next((str(top) for top in LENGTHS if len(words) <= top), "longer")
    found: list[str] = [
        "bias",
        f"prev={before}",
        f"len={length}",
        f"prevq={previous is not None and bool(previous.question)}",
        f"rule={rules_intent}",
        f"rule={rules_intent}&prev={before}",
        f"rule={rules_intent}&len={length}",
        f"rulefu={rules_follow_up}",
    ]
    asks_all = asked == said  # a one-sentence question: what it asks is all it says
    could = said.possible | asked.possible
    for (name, pattern), bit in zip(PATTERNS, _BITS, strict=True):
        if not could & bit:
            continue  # in neither text (what `Text.finds` would say, without asking it)
        anywhere = said.finds(pattern)
        if anywhere:
            found += [f"p:{name}", f"p:{name}&prev={before}"]
        if anywhere if asks_all else asked.finds(pattern):
            found.append(f"q:{name}")
    if message.text.rstrip().endswith("?"):
        found.append("qmark")
    found += [f"w:{word}" for word in words]
    found += [f"b:{first}_{second}" for first, second in itertools.pairwise(words)]
    if words:
        found += [f"first:{words[0]}", f"first2:{'_'.join(words[:2])}"]
    return tuple(dict.fromkeys(found))
