"""What one organisation adds to the knowledge base without editing a file: who holds each role
there, and more ways its people say existing work. The file overlays stay the shared base; these
are applied on top of it, for that organisation only.

Everything here is pure: the caller reads the additions from wherever it keeps them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from knowledge.models import SLACK_HOLDER_ID, KnowledgeBase, Responsibility, Role
from knowledge.text import EMOJI_CODE

# The longest phrasing kept (the store's column holds 300 characters).
PHRASE_MAX = 300


def with_additions(
    kb: KnowledgeBase,
    holders: Mapping[str, Sequence[str]],
    phrasings: Iterable[tuple[str, str]] = (),
) -> KnowledgeBase:
    """`kb` with these role holders and phrasings. A role named in `holders` gets exactly those
    holders (an empty list: nobody, whatever the files say); other roles keep the files'.
    `phrasings` are (responsibility id, phrase) pairs added to that responsibility's phrases.
    Roles and responsibilities the knowledge base no longer has, and holders that are not Slack
    ids, are left out: additions were checked when made, but the files may have changed since."""
    roles = dict(kb.roles)
    for role_id, people in holders.items():
        role = roles.get(role_id)
        if role is not None:
            valid = [h for h in dict.fromkeys(people) if SLACK_HOLDER_ID.match(h)]
            roles[role_id] = role.model_copy(update={"holders": valid})
    added: dict[str, list[str]] = {}
    for responsibility_id, phrase in phrasings:
        added.setdefault(responsibility_id, []).append(phrase)
    responsibilities = [
        _with_phrases(r, added[r.id]) if r.id in added else r for r in kb.responsibilities
    ]
    return kb.model_copy(update={"roles": roles, "responsibilities": responsibilities})


def _with_phrases(responsibility: Responsibility, phrases: list[str]) -> Responsibility:
    known = set(responsibility.every_phrase)  # an inferred phrasing taught stays inferred
    extra = [p for p in dict.fromkeys(phrases) if p not in known]
    return responsibility.model_copy(update={"phrases": [*responsibility.phrases, *extra]})


def _folded(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.strip().lower())


def find_role(kb: KnowledgeBase, text: str) -> Role | None:
    """The role `text` names: its id, name or short name, in any case ("product-owner",
    "Product Owner", "po")."""
    wanted = _folded(text)
    for role in kb.roles.values():
        if wanted in {_folded(role.id), _folded(role.name), _folded(role.short)}:
            return role
    return None


def find_responsibility(kb: KnowledgeBase, text: str) -> Responsibility | None:
    """The responsibility `text` names: its id or its title, in any case."""
    wanted = _folded(text)
    return next(
        (r for r in kb.responsibilities if wanted in {_folded(r.id), _folded(r.title)}),
        None,
    )


# Stops, quotes and spaces a phrasing may be typed between, which are no part of it.
_AROUND = " .,;:!?\"'`\u201c\u201d\u2018\u2019"  # and curly quotes


def clean_phrase(text: str) -> str:
    """A phrasing as it is kept: lower case (answers read it so; "THE BIG WALL" is "the big
    wall" taught again), one line, single spaces, no stops or quotes around it ("the Kanban
    Board!!" is untaught as "the kanban board"), no Slack emoji codes (":tada:" is no word), at
    most PHRASE_MAX characters."""
    words = EMOJI_CODE.sub(" ", text.lower().replace("\u2060", "")).split()  # (pasted joiners)
    return " ".join(words).strip(_AROUND)[:PHRASE_MAX].strip()
