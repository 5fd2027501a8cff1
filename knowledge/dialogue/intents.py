"""Reading a message as one intent, in the context of the conversation's previous turn.

Two layers. The rules: each intent has a few patterns of how people ask for it, checked in an
order that settles overlaps ("can my PO also do the PM work?" is about combining the roles, not
who owns a task). Then the scorer weighs the rules' reading together with every other cue the
message gives (`cues`), with weights learned from the tunable evaluation sets, and may decide
otherwise. The matcher decides the ownership questions' topic; here only their shape counts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from knowledge.dialogue import patterns as P
from knowledge.dialogue.cues import cues
from knowledge.dialogue.facts import (
    HiringFacts,
    read_answer,
    read_correction,
    read_facts,
    read_vacated,
    without_questions,
)
from knowledge.dialogue.memory import Memory
from knowledge.dialogue.message import Message, Text, follow_up_topic, message_of
from knowledge.dialogue.scorer import IntentScorer


class Intent(StrEnum):
    OWNERSHIP = "ownership"
    COMPARE = "compare"
    HIRE = "hire"
    COMBINE = "combine"
    CONCEPT = "concept"
    SMALLTALK = "smalltalk"
    HELP = "help"
    FEEDBACK = "feedback"
    OFF_TOPIC = "off-topic"


@dataclass(frozen=True)
class Reading:
    intent: Intent
    text: str  # what to answer: the message, or a follow-up's topic
    follow_up: bool = False
    kind: str = ""  # feedback: why / disagree / thanks / unhelpful; smalltalk: hello / thanks / bye


def classify(
    text: str,
    previous: Memory | None = None,
    work_owners: Callable[[str], Sequence[str] | None] | None = None,
    knows_concept: Callable[[str], bool] | None = None,
    scorer: IntentScorer | None = None,
) -> Reading:
    """Which intent `text` is, given the conversation's previous turn (None at its start).
    `work_owners` tells who owns the product work a message names, or None when the knowledge
    base knows no work in it. The rules read first; the `scorer` weighs their reading with every
    other cue the message gives, and where it decides otherwise its intent is taken."""
    message = message_of(text)
    if previous is not None and _replies_to_hiring_question(message, previous):
        # "2", "no scrum, we do kanban": the question just asked says what this is, whatever
        # else its words might read as.
        return Reading(Intent.HIRE, text, follow_up=True)
    rules = read_by_rules(message, previous, work_owners, knows_concept)
    if scorer is None or _asked_in_so_many_words(message, rules):
        return rules
    found = cues(message, previous, rules.intent, rules.follow_up)
    intent = Intent(scorer.intent(found))
    if intent == rules.intent or (intent == Intent.FEEDBACK and previous is None):
        return rules  # feedback is on a previous answer: none at a conversation's start
    if intent == Intent.FEEDBACK and _asks_who_does_new_work(message, rules, work_owners):
        return rules  # "we have two PMs. who decides what gets built?": a question of its own
    return _reading_as(intent, message, previous)


def _asked_in_so_many_words(message: Message, rules: Reading) -> bool:
    """A reading no other cue outweighs: "help" said alone, "what's the difference?", whether
    a role does some work ("does the PO do strategy at all?", "can a PO hire people?"), a
    message of greetings or goodbyes alone ("have a good one :wave:")."""
    if rules.intent == Intent.HELP:
        return len(message.words) <= 2
    if rules.intent == Intent.SMALLTALK:
        return bool(_smalltalk(list(message.words), message.said, fuzzy=True))
    if rules.intent == Intent.OWNERSHIP:
        return bool(
            message.said.finds(P.ROLE_CHECKED)
            or message.said.finds(P.ROLE_HIRES)
            or message.said.finds(P.ROLE_TAKES_PART)  # "how much is the PO involved in…?"
        )
    if rules.intent == Intent.CONCEPT:
        # the article's example, its author, the ideas of a kind it names
        return message.said.finds(P.OF_THE_ARTICLE) or message.said.finds(P.KINDS_IN_THE_ARTICLE)
    return rules.intent == Intent.COMPARE and message.said.finds(P.BARE_DIFFERENCE)


def _asks_who_does_new_work(
    message: Message,
    rules: Reading,
    work_owners: Callable[[str], Sequence[str] | None] | None,
) -> bool:
    """Whether the rules read a question of its own who does a piece of work it names, asked
    in a sentence of its own ("…. who decides what gets built?"): no comment on an answer."""
    return (
        rules.intent == Intent.OWNERSHIP
        and not rules.follow_up
        and P.WHO_ASKED_ANEW.search(message.text) is not None
        and _names_work(message.said, work_owners)
    )


def _reading_as(intent: Intent, message: Message, previous: Memory | None) -> Reading:
    """The reading of a message the scorer took for another intent than the rules did: what
    it follows up, and its kind, as the rules would have said for that intent."""
    said, words = message.said, list(message.words)
    if intent == Intent.FEEDBACK:
        thanks = said.finds(P.THANKS_FEEDBACK) or _smalltalk(words, said, fuzzy=True) == "thanks"
        kind = "thanks" if thanks else "disagree" if said.finds(P.DISAGREE) else "why"
        if said.finds(P.NOT_HELPFUL):
            kind = "unhelpful"
        return Reading(intent, message.text, kind=kind)
    if intent == Intent.SMALLTALK:
        return Reading(intent, message.text, kind=_smalltalk(words, said, fuzzy=True) or "hello")
    if previous is None:
        return Reading(intent, message.text)
    if intent == Intent.HIRE:
        return Reading(intent, message.text, follow_up=previous.facts is not None)
    fragment = bool(said.finds(P.FOLLOW_UP)) or len(words) <= 4
    if intent == Intent.OWNERSHIP and fragment and previous.question:
        return Reading(intent, follow_up_topic(message) or message.text, follow_up=True)
    if intent.value in P.TOPIC_FOLLOWED and fragment and previous.intent == intent.value:
        return Reading(intent, follow_up_topic(message) or message.text, follow_up=True)
    return Reading(intent, message.text, follow_up=bool(said.finds(P.PRONOUN)) and fragment)


def read_by_rules(
    message: Message,
    previous: Memory | None,
    work_owners: Callable[[str], Sequence[str] | None] | None,
    knows_concept: Callable[[str], bool] | None,
) -> Reading:
    """The rules' reading: each intent's patterns, checked in an order that settles overlaps."""
    text, said, asked, words = message.text, message.said, message.asked, list(message.words)
    answered = previous is not None and previous.intent not in ("smalltalk", "help", "off-topic")
    who = bool(said.finds(P.ASKS_WHO))
    if answered and said.finds(P.NOT_HELPFUL) and len(words) <= 14:
        return Reading(Intent.FEEDBACK, text, kind="unhelpful")
    if answered and said.finds(P.THANKS_FEEDBACK) and len(words) <= 8:
        return Reading(Intent.FEEDBACK, text, kind="thanks")
    small = _smalltalk(words, said, fuzzy=False)
    if small and not said.finds(P.HELP):  # "what's rolefit?" is all greeting words
        return Reading(Intent.SMALLTALK, text, kind=small)
    short = len(words) <= P.LONG_MESSAGE_WORDS // 2
    # "What's the difference?" asked of nothing else is asked of the two roles RoleFit is about.
    about_roles = bool(
        said.finds(P.BOTH_ROLES) or said.finds(P.ONE_FOR_BOTH) or said.finds(P.BARE_DIFFERENCE)
    )
    names_a_role = said.finds(P.NAMES_PO) or said.finds(P.NAMES_PM)
    asks_of_us = who or about_roles or names_a_role or said.finds(P.HELP)
    if short and said.finds(P.OFF_TOPIC) and not asks_of_us:
        return Reading(Intent.OFF_TOPIC, text)
    # "help me tell PO and PM apart" asks for the comparison, not for RoleFit's manual.
    if _is_help(said, who) and not (about_roles and said.finds(P.COMPARE)):
        return Reading(Intent.HELP, text)
    small = _smalltalk(words, said, fuzzy=True)
    if small:
        return Reading(Intent.SMALLTALK, text, kind=small)
    of_the_article = said.finds(P.OF_THE_ARTICLE) or said.finds(P.KINDS_IN_THE_ARTICLE)
    if of_the_article and knows_concept is not None and knows_concept(text):
        return Reading(Intent.CONCEPT, text)
    if (
        who
        and previous is not None
        and said.finds(P.PRONOUN)
        and (previous.concept or previous.question)
        and not _names_work(said, work_owners)
    ):
        return Reading(Intent.OWNERSHIP, text, follow_up=True)  # "and who writes them?"
    if answered and len(words) <= 14:
        if said.finds(P.WHY) and not said.finds(P.CONCEPT_TOPIC):
            return Reading(Intent.FEEDBACK, text, kind="why")
        if said.finds(P.DISAGREE):
            return Reading(Intent.FEEDBACK, text, kind="disagree")
    # A hiring story, or a question whom to hire ("we want separate people… which hires?").
    long = len(words) > P.LONG_MESSAGE_WORDS
    if (
        (long or asked.finds(P.HIRE_ASK))
        and _is_hiring(said, asked, words)
        and not (long and _asks_about_work(said, asked, work_owners))
    ):
        return Reading(Intent.HIRE, text)
    # "What about refinement, same person?" asks who owns the new work, as before.
    follows_work = (
        previous is not None
        and bool(previous.question)
        and bool(said.finds(P.FOLLOW_UP))
        and _names_work(said, work_owners)
    )
    if (
        about_roles
        and not follows_work
        and (
            said.finds(P.COMBINE)
            or (
                said.finds(P.COMBINE_UNLESS_WORK)
                and (said.finds(P.FEASIBLE) or not _names_work(said, work_owners))
            )
        )
    ):
        return Reading(Intent.COMBINE, text)
    if not who and (said.finds(P.SPLITS_ROLE) or _takes_on_other_role(said, work_owners)):
        return Reading(Intent.COMBINE, text)
    # "Who handles payroll, PO or PM?" asks about a task, whether RoleFit knows it or not.
    asks_task = said.finds(P.WHO_DOES) or _names_work(said, work_owners)
    compares = said.finds(P.COMPARE) or not asks_task
    if about_roles and compares and not _is_hiring(said, asked, words):
        return Reading(Intent.COMPARE, text)
    if previous is not None and previous.facts is not None and _continues_hiring(said, previous):
        return Reading(Intent.HIRE, text, follow_up=True)
    if _is_hiring(said, asked, words):
        return Reading(Intent.HIRE, text)
    fragment = bool(said.finds(P.FOLLOW_UP)) or (len(words) <= 4 and not who)
    if previous is not None and fragment and not who and previous.intent in P.TOPIC_FOLLOWED:
        topic = follow_up_topic(message) or text
        names_work = _names_work(said, work_owners) and not P.NARROWS.match(topic.lower())
        if previous.intent != "concept" and names_work:
            # "and pricing?" after the roles side by side: whose that work is
            return Reading(Intent.OWNERSHIP, topic, follow_up=True)
        return Reading(Intent(previous.intent), topic, follow_up=True)
    if previous is not None and previous.question and fragment and not said.finds(P.OFF_TOPIC):
        return Reading(Intent.OWNERSHIP, follow_up_topic(message) or text, follow_up=True)
    if (said.finds(P.OFF_TOPIC) and not who) or said.finds(P.OFF_TOPIC_WHO):
        return Reading(Intent.OFF_TOPIC, text)
    asks_concept = said.finds(P.CONCEPT) or said.finds(P.CONCEPT_ANYWHERE)
    if asks_concept and not who and said.finds(P.PRODUCT_WORDS):
        return Reading(Intent.CONCEPT, text)
    explains = said.finds(P.EXPLAIN) and not said.finds(P.WHO_DOES)
    if explains and knows_concept is not None and knows_concept(text):
        return Reading(Intent.CONCEPT, text)
    if said.finds(P.OWNERSHIP) or said.finds(P.ANY_ROLE):
        follow = (
            previous is not None
            and bool(said.finds(P.PRONOUN))
            and not _names_work(said, work_owners)
        )
        return Reading(Intent.OWNERSHIP, text, follow_up=follow)
    if work_owners is not None and work_owners(text) is not None:
        return Reading(Intent.OWNERSHIP, text)
    return Reading(Intent.OFF_TOPIC, text)


def _asks_about_work(
    said: Text, asked: Text, work_owners: Callable[[str], Sequence[str] | None] | None
) -> bool:
    """Whether a long story asks who does pieces of work it names, and whom to hire nowhere ("…a
    fight about who should visit customers and who should run the competitor review"): it
    asks about the work. (Read only of a story otherwise read as hiring: it reads the work.)"""
    return (
        not asked.finds(P.HIRE_ASK)
        and not said.finds(P.ASKS_TO_HIRE)
        and not P.ROLE_OR_HIRE.search(asked)  # "… what role are we missing?", "time for a PM?"
        and len(P.WHO_DOES.findall(said)) > 1
        and _names_work(said, work_owners)
    )


def _owners_of_work(
    said: Text, work_owners: Callable[[str], Sequence[str] | None] | None
) -> Sequence[str] | None:
    """Who owns the piece of work the message names besides the roles; None if it names none."""
    return None if work_owners is None else work_owners(P.ROLE_WORDS.sub(" ", said))


def _names_work(said: Text, work_owners: Callable[[str], Sequence[str] | None] | None) -> bool:
    """Whether the message names a piece of work, not only the roles."""
    return _owners_of_work(said, work_owners) is not None


def _takes_on_other_role(
    said: Text, work_owners: Callable[[str], Sequence[str] | None] | None
) -> bool:
    """One role asked to take on the other's work ("could our PM own the backlog too?", "fold
    GTM into her role"): combining the roles, though only one is named. Work that is the named
    role's own ("can the PO also write the stories?") is an ownership question."""
    po, pm = bool(said.finds(P.NAMES_PO)), bool(said.finds(P.NAMES_PM))
    if po == pm:
        return False
    if said.finds(P.ROLE_STRETCHED):
        return True
    if not (said.finds(P.STRETCH) and said.finds(P.WORKS_OUT)):
        return False
    owners = _owners_of_work(said, work_owners)
    return owners is not None and list(owners) == ["product-manager" if po else "product-owner"]


def _is_help(said: Text, who: bool) -> bool:
    if said.finds(P.HELP) and not (who and not said.finds(P.ABOUT_THE_BOT_WHO)):
        return True
    if said.finds(P.ABOUT_THE_BOT) and said.finds(P.BOT_ITSELF):
        return True  # memory, privacy, scope, trust: about RoleFit whatever words it uses
    # A question about RoleFit itself rather than about product work.
    about_work = P.PRODUCT_WORDS.search(P.ROLE_WORDS.sub(" ", said))
    return bool(said.finds(P.ABOUT_THE_BOT) and said.finds(P.META)) and not (
        about_work or (who and not said.finds(P.ABOUT_THE_BOT_WHO))
    )


def is_greeting(text: str) -> bool:
    """Whether the message is only a hello, thanks or goodbye that the greeting words know (the
    scorer may also read an unknown lone word as one)."""
    message = message_of(text)
    return bool(_smalltalk(list(message.words), message.said, fuzzy=True))


def _smalltalk(words: list[str], said: Text, *, fuzzy: bool) -> str:
    """ "hello", "thanks" or "bye" when the message is only that; "" otherwise. Short messages
    in other languages or scripts with no product word count as a hello or a thank-you."""
    if not words:
        return "hello"
    for kind, vocabulary in (("thanks", P.THANKS), ("bye", P.BYE), ("hello", P.HELLO)):
        if all(word in vocabulary for word in words) and (kind != "bye" or words[0] in P.BYE):
            # (a word that only goes with a thank-you, alone, thanks no one: "so?")
            lone_filler = len(words) == 1 and words[0] in P.THANKS_FILLERS
            if kind == "thanks" and (
                lone_filler or not any(w in P.THANKS - P.HELLO for w in words)
            ):
                continue
            return kind
    if fuzzy and len(words) <= 8 and not said.finds(P.PRODUCT_WORDS) and not said.finds(P.ASKS_WHO):
        if said.finds(P.FOREIGN_THANKS) or said.finds(P.BYE_PHRASES):
            return "thanks" if said.finds(P.FOREIGN_THANKS) else "bye"
        if said.finds(P.GREETING_PHRASES) or not re.search(r"[a-z]", said):
            return "hello"
    return ""


def _is_hiring(said: Text, asked: Text, words: list[str]) -> bool:
    """Whether the message asks whom to hire: the story says what it likes, the question decides
    ("we need someone to sit with the execs. PO is fine for that?" asks about the work)."""
    if said.finds(P.ROLE_CHECKED) or said.finds(P.ROLE_HIRES):
        return False  # "does the PM own hiring?" asks about a role's work
    asks_task = asked.finds(P.WHO_DOES) or asked.finds(P.OWNER_CHECK) or said.finds(P.EMBEDDED_WHO)
    if asks_task and not said.finds(P.HIRE_STRONG):
        return False  # "who is doing the user story in our team, PM or PO?" asks about a task
    if asked.finds(P.HIRE_ASK):
        return True
    if (
        asked.finds(P.ROLE_QUESTION)
        and said.finds(P.TEAM_STORY)
        and not asked.finds(P.OWNERSHIP_WORDS)
    ):
        return True  # "we're 8 people, founders handle sales, devs need stories. who?"
    asks_who = re.match(r"who(?:se|'?s| is| are| does| do| approves?| handles?)?\b", said)
    if asks_who and not re.search(
        r"\bwho (?:should|do|would|shall) (?:we|i) (?:hire|get|bring|recruit)", said
    ):
        return False  # "who is recruiting the designer?" asks about a task
    if said.finds(P.HIRE):
        return True
    # "PO or PM?" about the company itself ("we're a B2B SaaS"), not about a task.
    return bool(
        said.finds(P.PO_OR_PM)
        and said.finds(P.HIRE_CONTEXT)
        and "who" not in words
        and not said.finds(P.OWNERSHIP_WORDS)
    )


# Words a question opens with. A message that opens with one or ends in "?", in more than two
# words, asks something of its own ("what's a user story btw", "can one person do both
# jobs?"); a short one ("both?", "delivery?") is a hesitant reply.
_QUESTION_STARTS_TEXT = """
    what whats what's who whos who's how why which can could is are does do should would
"""
_QUESTION_STARTS = frozenset(_QUESTION_STARTS_TEXT.split())
_WH_WORDS = frozenset({"what", "whats", "what's", "who", "whos", "who's", "how", "why", "which"})
# Words a question may come after, leading in ("and who…", "wait, who…").
_LEADS_IN = frozenset({"and", "also", "wait", "oh", "hmm", "btw", "oops"})
# Words a reply to the hiring questions is made of ("also both?", "and delivery?").
_REPLY_WORDS_TEXT = "both delivery business building delivering one two 1 2 yes no po pm either"
_REPLY_WORDS = frozenset(_REPLY_WORDS_TEXT.split())


def _replies_to_hiring_question(message: Message, previous: Memory) -> bool:
    """A reply that answers the question RoleFit asked about the hire, or states facts about it,
    in words: read as such before it could read as a greeting ("1") or as off-topic ("no scrum,
    we do kanban"). The question stays asked across a question of the user's own in between.
    After the advice, a correction of what it rests on ("actually we can hire two") is one too."""
    if previous.facts is None:
        return False
    nothing = HiringFacts()
    pending = previous.facts.missing()
    if _asks_its_own(message.said) and not (
        _states_what_was_asked(message, previous)
        or _corrects_the_advice(message, previous)
        or _tells_the_head_count(message)
    ):
        return False
    if pending is None:
        if previous.intent != "hire":
            return False
        correction = read_correction(message.text)
        return (
            previous.facts.corrected(correction) != previous.facts
            or _tells_how_it_works(message, previous.facts)
            or _tells_who_is_on_staff(message, previous.facts)
        )
    if not previous.asked:
        return False
    if previous.intent != "hire" and _comments_on_the_answer(message):
        return False  # "that's wrong, our PO does pricing", after a question of the user's own
    return read_answer(message.text, pending) != nothing or read_facts(message.text) != nothing


def _states_what_was_asked(message: Message, previous: Memory) -> bool:
    """Whether a message asking something of its own also states, in a sentence that asks
    nothing, the head count or the Scrum RoleFit just asked about ("why both? i can only afford
    one"; not "can one person do both?")."""
    pending = previous.facts.missing() if previous.facts is not None else None
    return (
        previous.intent == "hire"
        and bool(previous.asked)
        and pending in ("headcount", "uses_scrum")
        and getattr(read_facts(without_questions(message.text)), pending) is not None
    )


def _tells_the_head_count(message: Message) -> bool:
    """A message that opens like a question but tells how many can be hired, asking nothing
    ("can only afford one", "could stretch to two"; not "can one person do both?")."""
    said = message.said
    return (
        not said.endswith("?")
        and not said.finds(P.COMBINE)
        and read_facts(message.text).headcount is not None
    )


def _corrects_the_advice(message: Message, previous: Memory) -> bool:
    """Whether a message asking something of the advice also states, in a sentence that asks
    nothing, a fact that changes what it rests on ("we dont do scrum though, does that change
    anything?")."""
    if previous.intent != "hire" or previous.facts is None or previous.facts.missing():
        return False
    stated = message_of(without_questions(message.text))
    correction = read_correction(stated.text)
    return previous.facts.corrected(correction) != previous.facts or _tells_how_it_works(
        stated, previous.facts
    )


def _comments_on_the_answer(message: Message) -> bool:
    """A short message pushing back on, or asking why of, the answer just given, in so many
    words ("that's wrong, our PO does pricing"): a plain "no, it's mostly for growth" may answer
    the hiring question."""
    said = message.said
    pushback = said.finds(P.PUSHBACK) or (said.finds(P.DISAGREE) and not P.BARE_NO.match(said))
    return len(message.words) <= 14 and bool(pushback or said.finds(P.WHY))


# A short message after the advice that says only how the team works ("we use kanban btw"): a
# fact the advice weighs, given in so many words.
_PROCESS_NOTE_WORDS = 10


def _tells_who_is_on_staff(message: Message, facts: HiringFacts) -> bool:
    """Whether a short message after the advice says a role is on staff that was not known to
    be ("we also have a PM actually"), or no longer is ("our PM just quit"): a fact the advice
    rests on. A role said to be vacant is said in so many words, in a message of any length."""
    if not set(read_vacated(message.text)).isdisjoint(facts.existing_roles):
        return True
    if len(message.words) > _PROCESS_NOTE_WORDS:
        return False
    return not set(read_facts(message.text).existing_roles) <= set(facts.existing_roles)


def _tells_how_it_works(message: Message, facts: HiringFacts) -> bool:
    """Whether a short message after the advice changes what it knew of the team's Scrum."""
    if len(message.words) > _PROCESS_NOTE_WORDS or message.said.finds(P.DISAGREE):
        return False  # "that's wrong, we don't even do scrum" is pushback, saying why
    told = read_facts(message.text).uses_scrum
    if told == "unsure" and facts.uses_scrum is not None:
        return False  # a doubt never unsays what was said of the team
    return told is not None and told != facts.uses_scrum


def _asks_its_own(said: Text) -> bool:
    words = said.split()
    if len(words) == 2 and words[0] in ("and", "also") and said.endswith("?"):
        # "and pricing?": a question about more work, not a reply ("also both?" is one)
        return words[1].strip("?") not in _REPLY_WORDS
    # "and who talks to customers", "wait who owns the backlog again": the question word after
    # a word that leads in ("and what if we drop scrum" is a fact to weigh, not a question)
    rest = list(itertools.dropwhile(_LEADS_IN.__contains__, words))
    opening = rest[:2]
    leads_in = len(rest) < len(words)  # ("and can stretch to 2" answers: a wh-word asks)
    starts = _WH_WORDS if leads_in else _QUESTION_STARTS
    asks = bool(opening) and opening[0] in starts and opening != ["what", "if"]
    return len(words) > 2 and (said.endswith("?") or asks)


def _continues_hiring(said: Text, previous: Memory) -> bool:
    """A reply to RoleFit's question, or more facts about the same hire. A question of its own
    ("who owns the backlog?", "what's the difference first?") is no reply: it gets its answer."""
    if previous.asked and previous.intent == "hire":
        return not _asks_its_own(said)
    return bool(said.finds(P.NEXT_HIRE)) or bool(
        re.search(
            r"^(?:and |but |ok |what )?(?:if|what if)\b|\bsecond (?:hire|person)\b|"
            r"\bbudget for\b|\bafford\b|\bcontext\b",
            said,
        )
    )
