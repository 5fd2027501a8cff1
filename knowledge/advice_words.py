"""The advice in words: one wording of the verdict for the Slack message, its notification text
and `rolefit recommend`, so "a close call" reads the same wherever people meet it. Plain text;
the Slack side escapes and decorates it."""

from __future__ import annotations

from knowledge.advisor import Recommendation
from knowledge.confidence import confidence_words
from knowledge.models import KnowledgeBase
from knowledge.questionnaire import PRODUCT_MANAGER, PRODUCT_OWNER, ROLE_IDS
from knowledge.text import mid_sentence


def hired_roles(recommendation: Recommendation) -> tuple[str, ...]:
    """The role ids the advice says to hire, in the knowledge base's order."""
    if recommendation.recommendation == "both":
        return ROLE_IDS
    return (recommendation.recommendation,)


def hired(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    """ "a Product Manager", or "both a Product Owner and a Product Manager"."""
    names = [f"a {kb.roles[role].name}" for role in hired_roles(recommendation)]
    return names[0] if len(names) == 1 else f"both {' and '.join(names)}"


def headline(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    """ "Hire a Product Manager", or both roles."""
    return f"Hire {hired(recommendation, kb)}"


def verdict(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    """How sure the advice is, in a sentence."""
    who = hired(recommendation, kb)
    return {
        "clearly": f"RoleFit's advice is clear: hire {who}.",
        "most likely": f"RoleFit's advice: most likely {who}.",
        "not sure": f"It's a close call, but RoleFit leans towards {who}. "
        "The reasons show what tipped it.",
    }[confidence_words(recommendation.confidence)]


def not_covered(recommendation: Recommendation, kb: KnowledgeBase) -> str | None:
    """The work the team named that this hire will not do, and who should; None if none."""
    needs = recommendation.not_covered()
    if not needs:
        return None
    titles = list(dict.fromkeys(need.title for need in needs))
    # (later titles go on in the same sentence: "Managing … and writing user stories")
    titles = [*titles[:1], *map(_lowered, titles[1:])]
    # (titles hold "and" themselves: three or more are set apart by semicolons)
    between, last = ("; ", "; and ") if len(titles) > 2 else (", ", " and ")
    work = between.join(titles[:-1]) + (last if len(titles) > 1 else "") + titles[-1]
    owner = next(iter(needs[0].owners))
    name = kb.roles[owner].name
    if owner in recommendation.on_staff:
        return f"{work}: {name} work, which your {name} already covers."
    said = (
        f"{work}: {name} work this hire will not cover. Keep it with whoever does it today, "
        f"or plan a {name} as a later hire."
    )
    if len(needs) == len(recommendation.placed_needs):
        # the goal outweighed every piece of work named: said, not left to be noticed
        said += (
            f" None of the work you named is this hire's: if it cannot wait, a {name} may be "
            "the better first hire."
        )
    return said


def weighed_against(recommendation: Recommendation) -> str:
    """The points for the role not hired, said as outweighed ("" when there are none)."""
    if not recommendation.against:
        return ""
    firsts = [reason.text.split(". ")[0].rstrip(".") for reason in recommendation.against[:2]]
    # Later points go on in the same sentence: "…; the article notes…" (a name or an acronym
    # keeps its capitals).
    later = [_lowered(first) for first in firsts[1:]]
    return "Weighed against it: " + "; ".join([*firsts[:1], *later]) + "."


def _lowered(text: str) -> str:
    """A sentence going on after a semicolon or "and", its capitals kept where it opens on a
    role's name, Scrum, Agile or an acronym ("Go-to-market plan…" reads "go-to-market plan…")."""
    return mid_sentence(text, _KEPT_CAPITALISED)


# Openings that keep their capitals mid-sentence.
_KEPT_CAPITALISED = ("Product Owner", "Product Manager", "Scrum", "Agile")


# Scores closer than this weigh the two hires the same.
EVEN_SCORES = 0.01


def next_steps(recommendation: Recommendation, kb: KnowledgeBase) -> list[str]:
    """What to do after the advice, in order: for the Slack message's "Next steps" and for
    "so what do I do tomorrow?" in a conversation."""
    po, pm = kb.roles[PRODUCT_OWNER].name, kb.roles[PRODUCT_MANAGER].name
    # Said not to run Scrum, weighed against a Product Owner (said only when the team said so).
    no_scrum = any(reason.ref == "uses_scrum" for reason in recommendation.against)
    return {
        PRODUCT_OWNER: [
            "Write the job around the backlog, user stories, sprint planning and test planning.",
            f"The {po} is a Scrum role and your team doesn't run Scrum: agree how the team will "
            "plan and deliver before you hire."
            if no_scrum
            else f"Find out whether your team runs Scrum: if it does, look for real Scrum "
            f"experience (the {po} is a Scrum role); if not, agree how the team will plan and "
            "deliver before you hire."
            if recommendation.scrum_unknown
            else f"Look for real Scrum experience: the {po} is a Scrum role.",
            f"Your {pm} keeps strategy, market research and go-to-market."
            if PRODUCT_MANAGER in recommendation.on_staff
            else "Decide who keeps strategy, market research and go-to-market; "
            f"a {po} won't cover them.",
        ],
        PRODUCT_MANAGER: [
            "Write the job around strategy, market and competitive research, go-to-market "
            "and the product's numbers.",
            "Look for someone who can talk business with every department, "
            "from the C-suite to engineering and sales.",
            f"Your {po} keeps running the backlog and sprints; the {pm} sets the direction."
            if PRODUCT_OWNER in recommendation.on_staff
            else f"Decide who runs the backlog and sprints day to day; a {pm} sets the direction.",
        ],
        "both": [
            f"Hire for two distinct jobs: the {pm} decides what to build and why, "
            f"the {po} turns it into a prioritised backlog and delivered sprints.",
            "Agree up front who leads the shared work: finding what customers need and "
            "turning it into requirements.",
            "The article names no order; if only one search can start now, "
            + _first_search(recommendation, kb),
            *(
                [
                    f"The {po} is a Scrum role and your team doesn't run Scrum: agree how the "
                    "team will plan and deliver before that search."
                ]
                if no_scrum
                else []
            ),
        ],
    }[recommendation.recommendation]


def _first_search(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    """Which of two hires to look for first: the role the answers weigh more towards, or neither
    where they weigh the same."""
    po, pm = (recommendation.scores.get(role, 0.0) for role in ROLE_IDS)
    if abs(po - pm) < EVEN_SCORES:
        return "your answers weigh both sides the same: start with the side whose gap costs most."
    role = kb.roles[ROLE_IDS[0] if po > pm else ROLE_IDS[1]].name
    return f"your answers weigh more towards the {role}."
