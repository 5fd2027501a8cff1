"""The advice in words: one wording of the verdict for the Slack message, its notification text
and `rolefit recommend`, so "a close call" reads the same wherever people meet it. Plain text;
the Slack side escapes and decorates it."""

from __future__ import annotations

from knowledge.advisor import Recommendation
from knowledge.confidence import confidence_words
from knowledge.models import KnowledgeBase
from knowledge.questionnaire import ROLE_IDS


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
    work = ", ".join(titles[:-1]) + (" and " if len(titles) > 1 else "") + titles[-1]
    owner = next(iter(needs[0].owners))
    name = kb.roles[owner].name
    if owner in recommendation.on_staff:
        return f"{work}: {name} work, which your {name} already covers."
    return (
        f"{work}: {name} work this hire will not cover. Keep it with whoever does it today, "
        f"or plan a {name} as a later hire."
    )


def weighed_against(recommendation: Recommendation) -> str:
    """The points for the role not hired, said as outweighed ("" when there are none)."""
    if not recommendation.against:
        return ""
    firsts = (reason.text.split(". ")[0].rstrip(".") for reason in recommendation.against[:2])
    return "Weighed against it: " + "; ".join(firsts) + "."
