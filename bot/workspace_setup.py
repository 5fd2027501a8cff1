"""`/rolefit set` and `/rolefit teach`: a workspace's admins tell RoleFit who holds each role there,
how long to keep question texts (`set retention DAYS`), and teach it how their people say
existing work. Both are kept per workspace (bot.store) and
shown through that workspace's view of the knowledge (bot.workspaces); the files stay the base.

Only admins may change them, and asking Slack who is one is a Web API call, so these run after
the command is acknowledged and answer privately through its response_url. Admins can also pick
the holders in a modal from the Home tab.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from functools import partial
from typing import Any

from rapidfuzz import fuzz, process
from slack_sdk.web.async_client import AsyncWebClient

from bot.admins import NOT_AN_ADMIN, is_admin, refusal
from bot.blocks import ids
from bot.blocks.answer import holder_mentions
from bot.blocks.kit import (
    SLACK_TOKEN,
    Message,
    escape,
    input_element,
    quote,
    quote_code,
    submitted_values,
    unescape,
)
from bot.blocks.setup import MOST_HOLDERS, holders_block_id, holders_modal
from bot.delivery import WEB_API_FAILURES, error_code, note, open_modal, reply_privately
from bot.deps import Deps
from bot.home_tab import publish_home_tab
from knowledge import Answer, KnowledgeBase, Responsibility
from knowledge.additions import clean_phrase, find_responsibility, find_role
from knowledge.confidence import CLEARLY, MOST_LIKELY

logger = logging.getLogger(__name__)

_DAYS = re.compile(r"\s*days?\W*$", re.IGNORECASE)
SET, TEACH, UNTEACH, RETENTION = "set", "teach", "unteach", "retention"
RETENTION_MAX = 3650
NOBODY = frozenset({"nobody", "none", "no one", "noone", "-"})

# How Slack sends a picked person or user group in a command's text (escaping on in the manifest).
_PERSON = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_GROUP = re.compile(r"<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>")
_MENTION = re.compile(rf"{_PERSON.pattern}|{_GROUP.pattern}")
_PERSON_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_FILLER = re.compile(r"(?:&amp;|[\s,;&])+|\band\b", re.IGNORECASE)

SET_USAGE = (
    "Name who holds a role here by mentioning them: `/rolefit set product-owner @dana`, "
    "`/rolefit set product-manager @erin @sam`, or `/rolefit set product-owner nobody` to clear it."
)
RETENTION_USAGE = (
    "Say how many days to keep question texts for insights: `/rolefit set retention 90` (the "
    f"default), up to {RETENTION_MAX}; `/rolefit set retention 0` keeps counts and no text."
)
# Words a taught phrasing may have: the name people give a piece of work, not a description.
TAUGHT_WORDS_MAX = 12
TEACH_USAGE = (
    "Teach a way your people say a piece of work: "
    "`/rolefit teach po-backlog : the big wall of post-its` (a responsibility's id or title, a "
    "colon, then the phrase); `/rolefit unteach the big wall of post-its` takes it back."
)
UNTEACH_USAGE = "Name the phrase to take back: `/rolefit unteach the big wall of post-its`."


async def change_setup(
    text: str, team: str, user: str, client: AsyncWebClient, deps: Deps
) -> Message:
    """What `/rolefit set …` or `/rolefit teach …` did, as the private reply to show."""
    admin = await is_admin(client, team, user)
    if not admin:
        ask_one = f"{NOT_AN_ADMIN} Ask one of them to run `/rolefit {text.split()[0].lower()}`."
        return note(refusal(admin, ask_one))
    word, _, rest = text.strip().partition(" ")
    named, _, value = rest.strip().partition(" ")
    if word.lower() == SET and named.lower() == RETENTION:
        return note(await _set_retention(value.strip(), team, deps))
    if word.lower() == SET:
        return note(await _set_holders(rest.strip(), team, user, deps))
    if word.lower() == UNTEACH:
        return note(await _unteach(rest.strip(), team, deps))
    return note(await _teach(rest.strip(), team, user, deps))


async def _set_retention(text: str, team: str, deps: Deps) -> str:
    """`/rolefit set retention DAYS`: how long question texts are kept for insights here."""
    said = _DAYS.sub("", text).strip()  # "30 days"
    if not said.isdigit() or int(said) > RETENTION_MAX:
        return RETENTION_USAGE
    days = int(said)
    await deps.store.set_retention_days(team, days)
    if days == 0:
        return (
            "From now on I keep no question texts here, only the counts; the texts kept so far "
            "are deleted."
        )
    return (
        f"Question texts are now kept for {days} day{'s' if days != 1 else ''} here, and older "
        "ones are deleted (the counts are always kept)."
    )


def _named_by_no_mention(who: str) -> str:
    """What an admin typed for the holders besides mentions, as typed ("& co", "<script>"), the
    words joining names left out ("and lee" is "lee"); "" when mentions are all there is."""
    words = _MENTION.sub(" ", who).split()
    while words and not _FILLER.sub("", words[0]):  # (";and", "&and": filler alone)
        words.pop(0)
    while words and not _FILLER.sub("", words[-1]):
        words.pop()
    return " ".join(words)


async def _set_holders(text: str, team: str, user: str, deps: Deps) -> str:
    named, who = _split_role_and_people(text)
    role = find_role(deps.kb, named)
    if not named or not who:
        return SET_USAGE
    if role is None:
        return f"I don't know the role `{quote_code(named, 100)}`. {_valid_roles(deps.kb)}"
    if who.lower() in NOBODY:
        await deps.store.set_holders(team, role.id, [], user)
        deps.workspaces.changed(team)
        return f"Nobody is named as the {escape(role.name)} here now: answers name just the role."
    if unmentioned := _named_by_no_mention(who):
        return (
            f"I couldn't tell who `{quote_code(unmentioned, 100)}` is. Mention people with @ and "
            f"pick them from Slack's list, so I get their ids. {SET_USAGE}"
        )
    holders = list(dict.fromkeys(p or g for p, g in _MENTION.findall(who)))
    if len(holders) > MOST_HOLDERS:  # every answer about the role mentions them all
        return f"Name at most {MOST_HOLDERS} people for a role: answers mention each of them."
    await deps.store.set_holders(team, role.id, holders, user)
    deps.workspaces.changed(team)
    mentions = holder_mentions(holders)
    return (
        f"Saved: the {escape(role.name)} here is {mentions}. Answers in this workspace now say "
        f"“here that's {mentions}”: a mention, so Slack notifies them when such an answer is "
        "posted in a channel they read."
    )


def _split_role_and_people(text: str) -> tuple[str, str]:
    """("product owner", "<@U1|dana> <@U2>") from "product owner <@U1|dana> <@U2>"."""
    words = text.split()
    for index, word in enumerate(words):
        if word.startswith(("<", "@")) or " ".join(words[index:]).lower() in NOBODY:
            return " ".join(words[:index]), " ".join(words[index:])
    return text, ""


def _valid_roles(kb: KnowledgeBase) -> str:
    names = " or ".join(f"`{role.id}`" for role in kb.roles.values())
    return f"Name {names}."


async def _teach(text: str, team: str, user: str, deps: Deps) -> str:
    named, colon, said = text.partition(":")
    phrase = clean_phrase(unescape(said))  # "<!channel>" typed is a mention, not words
    if not colon or not named.strip() or not said.strip(" .,;:!?"):
        return TEACH_USAGE
    responsibility = find_responsibility(deps.kb, named)
    if responsibility is None:
        ids = ", ".join(f"`{r.id}`" for r in deps.kb.responsibilities)
        return (
            f"I don't know the responsibility `{quote_code(named.strip(), 100)}`. Name one by "
            f"its id or title: {ids}."
        )
    workspace = await deps.workspaces.of(team)
    if any(
        phrase.casefold() == clean_phrase(taught).casefold() for _, taught in workspace.phrasings
    ):
        return f"This workspace already taught me “{quote(phrase)}”."
    # a mention of a person, group or channel (kit.SLACK_TOKEN, not a link or an email) is never
    # how people name a piece of work
    if any(token.group(1) for token in SLACK_TOKEN.finditer(phrase)):
        return (
            f"I can't teach “{quote(phrase)}”: a phrasing can't hold mentions of people, groups "
            f"or channels. {TEACH_USAGE}"
        )
    if len(phrase.split()) > TAUGHT_WORDS_MAX:
        return (
            f"That's long for a phrasing ({len(phrase.split())} words). Teach the short name "
            f"your people use for the work, {TAUGHT_WORDS_MAX} words at most. {TEACH_USAGE}"
        )
    if not phrase or workspace.matcher.reads_no_words(phrase):
        return (
            f"I can't match “{quote(phrase or said.strip())}” to anything: it has no words I "
            f"read (emoji and words like “the” don't count). {TEACH_USAGE}"
        )
    before = workspace.matcher.answer(phrase)
    if before.responsibility is not None and before.responsibility.id == responsibility.id:
        return f"“{quote(phrase)}” already reads as *{escape(responsibility.title)}* here."
    if overturned := _overturns(before, responsibility, deps.kb):
        return (
            f"“{quote(phrase)}” already reads as {overturned}, so teaching it as "
            f"*{escape(responsibility.title)}* would overturn that here. Teach the words your "
            "people use for this work instead."
        )
    if not await deps.store.add_phrasing(team, responsibility.id, phrase, user):
        return f"This workspace already taught me “{quote(phrase)}”."
    deps.workspaces.changed(team)
    taught = (await deps.workspaces.of(team)).matcher.answer(phrase)
    if taught.responsibility is None or taught.responsibility.id != responsibility.id:
        # the article's own phrasing of other work still reads first ("pricing"): a phrasing
        # that changes no answer is not kept, and never confirmed as if it did
        await deps.store.remove_phrasing(team, phrase)
        deps.workspaces.changed(team)
        return (
            f"Teaching “{quote(phrase)}” would change no answer here: it still reads first as "
            f"{_read_as(taught, deps.kb)}. Teach the words your people use for this work "
            "instead."
        )
    owners = " and the ".join(deps.kb.roles[o].name for o in responsibility.owners)
    return (
        f"Taught: here, “{quote(phrase)}” means *{escape(responsibility.title)}* (the "
        f"{escape(owners)}'s work). Only this workspace's answers change. "
        f"Try `/rolefit who owns {quote_code(phrase, 100)}?`"
    )


def _overturns(answer: Answer, taught: Responsibility, kb: KnowledgeBase) -> str | None:
    """What a phrase to teach reads as already, said for the admin, where teaching it
    would give it to other roles or take it from outside product (an admin's slip, "teach
    pm-go-to-market : product backlog"), or where it lists several pieces of work; None where
    it reads as work a role of the taught work's does (a team's word for shared work, or for
    a narrower part of it), or as nothing clear."""
    if answer.parts:
        return "several pieces of work, each with its own answer"
    others = set(answer.owners).isdisjoint(taught.owners)
    # Work the article names is its reading at "most likely" already ("margins"); work it only
    # implies must be clear to stand against a team's own word for its work.
    sure = MOST_LIKELY if answer.named else CLEARLY
    if answer.owners and others and answer.confidence >= sure:
        return _read_as(answer, kb)
    if not answer.owners and answer.settled and answer.outside_owner:
        return f"{escape(answer.outside_owner)}'s work, not a product role's"
    return None


def _read_as(answer: Answer, kb: KnowledgeBase) -> str:
    """What an answer reads a phrase as, for the admin: the work and whose it is."""
    if not answer.owners:
        return f"{escape(answer.outside_owner)}'s work" if answer.outside_owner else "no work"
    owners = " and the ".join(kb.roles[o].name for o in answer.owners)
    work = f"*{escape(answer.responsibility.title)}*, " if answer.responsibility else ""
    return f"{work}the {escape(owners)}'s work"


async def _unteach(text: str, team: str, deps: Deps) -> str:
    """`/rolefit unteach PHRASE`: a phrasing this workspace taught, taken back."""
    phrase = clean_phrase(unescape(text))  # read as typed, as `_teach` keeps it
    if not phrase:
        return UNTEACH_USAGE
    taken = await deps.store.remove_phrasing(team, phrase)
    if not taken:
        taught = [clean_phrase(said) for _, said in (await deps.workspaces.of(team)).phrasings]
        closest = process.extractOne(phrase, taught, scorer=fuzz.WRatio, score_cutoff=80)
        if closest is not None:  # "kanban board" for the taught "the kanban board"
            return (
                f"This workspace never taught me “{quote(phrase)}”, but it did teach "
                f"“{quote(closest[0])}”: `/rolefit unteach {quote_code(closest[0], 100)}` takes "
                "that back."
            )
        return f"This workspace never taught me “{quote(phrase)}”. {UNTEACH_USAGE}"
    deps.workspaces.changed(team)
    titles = [r.title for r in map(partial(find_responsibility, deps.kb), taken) if r is not None]
    what = f" as {' and '.join(f'*{escape(title)}*' for title in titles)}" if titles else ""
    return f"Taken back: “{quote(phrase)}”{what}. Answers here read it as the article does again."


async def open_holders_modal(
    trigger_id: str, team: str, user: str, client: AsyncWebClient, deps: Deps
) -> None:
    """The Home tab's "Change" button: the holders modal for an admin, a polite no for others."""
    admin = await is_admin(client, team, user)
    if not admin:
        await reply_privately(client, "", user, note(refusal(admin, NOT_AN_ADMIN)))
        return
    workspace = await deps.workspaces.of(team)
    try:
        await open_modal(client, trigger_id, holders_modal(workspace.kb))
    except WEB_API_FAILURES as error:
        logger.warning("could not open the holders modal: %s", error_code(error))


async def save_holders_modal(
    view: Mapping[str, Any], team: str, user: str, client: AsyncWebClient, deps: Deps
) -> None:
    """The holders modal, submitted (and already closed): each role whose people changed is saved,
    keeping any user groups, and the admin's Home tab shows the result."""
    admin = await is_admin(client, team, user)
    if not admin:
        await reply_privately(client, "", user, note(refusal(admin, NOT_AN_ADMIN)))
        return
    before = (await deps.workspaces.of(team)).kb.roles
    values = submitted_values(view)
    for role_id, role in before.items():
        picked = input_element(values, holders_block_id(role_id), ids.HOLDERS_INPUT)
        people = picked.get("selected_users")
        chosen = [p for p in people if _PERSON_ID.match(str(p))] if isinstance(people, list) else []
        holders = [*chosen, *(h for h in role.holders if h.startswith("S"))]
        if holders != role.holders:
            await deps.store.set_holders(team, role_id, holders, user)
    deps.workspaces.changed(team)
    await publish_home_tab(client, deps, team, user)  # all of it, as a visit shows it
