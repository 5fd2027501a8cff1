"""The hiring recommendation as Block Kit: previewed in the questionnaire's last step, then posted.

Both show the same advice — headline, why, what each role would own for this team, next steps —
so both come from `recommendation_blocks`; the posted message adds who ran it and buttons.
"""

from __future__ import annotations

from bot.blocks import ids
from bot.blocks.kit import (
    Block,
    Message,
    actions,
    button,
    context,
    escape,
    header,
    message,
    quote,
    section,
)
from knowledge.advice_words import (
    headline,
    hired_roles,
    next_steps,
    not_covered,
    verdict,
    weighed_against,
)
from knowledge.advisor import Reason, Recommendation
from knowledge.models import ARTICLE_TITLE, KnowledgeBase

MAX_REASONS = 6
MAX_OWNED = 6
MAX_UNPLACED = 5
ACTIONS_BLOCK = "rolefit_recommendation_actions"


def recommendation_blocks(recommendation: Recommendation, kb: KnowledgeBase) -> list[Block]:
    """The advice itself; every text from the advisor is escaped (needs quote the user)."""
    shown = recommendation.reasons[:MAX_REASONS]
    reasons = "\n".join(f"• {escape(r.text)}" for r in shown)
    if weighed := _also_weighed(recommendation.reasons[MAX_REASONS:], kb):
        reasons += f"\n_Also weighed: {escape(weighed)}._"
    if against := weighed_against(recommendation):
        reasons += f"\n_{escape(against)}_"
    blocks = [
        header(headline(recommendation, kb)),
        section(f"*{escape(verdict(recommendation, kb))}*"),
        section(f"*Why*\n{reasons}"),
        *(_what_they_would_own(recommendation, kb, role) for role in hired_roles(recommendation)),
    ]
    # Needs outside product already have a reason saying whose work they are.
    unexplained = [
        n for n in recommendation.unplaced_needs if n not in recommendation.outside_needs
    ]
    if unexplained:
        unplaced = ", ".join(f"“{quote(need, 100)}”" for need in unexplained[:MAX_UNPLACED])
        them = "them" if len(unexplained) > 1 else "it"
        blocks.append(
            context(
                f"RoleFit couldn't place {unplaced}. Ask it about {them} with "
                "`/rolefit who owns …`."
            )
        )
    # Work outside product whose reason was cut above is still named: nothing typed is lost.
    outside = [n for n in recommendation.outside_needs if not any(n in r.text for r in shown)]
    if outside:
        named = ", ".join(f"“{quote(need, 100)}”" for need in outside[:MAX_UNPLACED])
        if (more := len(outside) - MAX_UNPLACED) > 0:
            named += f" and {more} more"
        blocks.append(context(f"Not work for a product hire: {named}."))
    uncovered = not_covered(recommendation, kb)
    if uncovered:
        blocks.append(section(f"*Not covered by this hire*\n{escape(uncovered)}"))
    blocks.append(section(f"*Next steps*\n{_next_steps(recommendation, kb)}"))
    return blocks


def _also_weighed(rest: list[Reason], kb: KnowledgeBase) -> str:
    """The work behind the reasons not written out, each named with its owners ("Writing user
    stories: Product Owner"), so nothing the advice weighed is hidden behind "…and 9 more". Work
    outside product is named in a line of its own, below."""
    named = []
    for reason in rest:
        if reason.source == "responsibility" and (work := kb.responsibility(reason.ref)):
            owners = " and ".join(kb.roles[o].name for o in work.owners if o in kb.roles)
            named.append(f"{work.title}: {owners}" if owners else work.title)
        elif reason.source == "answer":
            named.append(reason.text)
    return "; ".join(named)


def recommendation_message(
    recommendation: Recommendation,
    kb: KnowledgeBase,
    *,
    user_id: str,
    basis: str,
    via: str = "ran RoleFit's hiring questionnaire",
) -> Message:
    """The message posted to the channel: who asked and how (`via`), the advice, the answers it
    rests on (`basis`, escaped mrkdwn), and buttons to run it again or ask about a task."""
    blocks = recommendation_blocks(recommendation, kb)
    blocks.insert(1, context(f"<@{user_id}> {via}. Answers: {basis}"))
    blocks += [
        actions(
            ACTIONS_BLOCK,
            button("Run it again", ids.OPEN_QUESTIONNAIRE, "hire", style="primary"),
            button("Ask a question", ids.OPEN_ASK_MODAL, "ask"),
        ),
        context(f"Based on the article _{ARTICLE_TITLE}_."),
    ]
    text = f"Hiring advice for <@{user_id}>: {verdict(recommendation, kb)}"
    return message(text, blocks)


def _what_they_would_own(recommendation: Recommendation, kb: KnowledgeBase, role: str) -> Block:
    """Every need the team named that this role owns (work both roles share, its side of it);
    the role's usual work when none were."""
    role_name = kb.roles[role].name
    titles = list(
        dict.fromkeys(
            need.title + ("" if need.owners == [role] else f" (its {role_name} side)")
            for need in recommendation.placed_needs
            if role in need.owners
        )
    )
    if titles:
        items = "\n".join(f"• {escape(title)}" for title in titles)
        return section(f"*What the {role_name} would own for your team*\n{items}")
    items = "\n".join(f"• {escape(item)}" for item in kb.roles[role].owns[:MAX_OWNED])
    return section(f"*What a {role_name} would own*\n{items}")


def _next_steps(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    steps = [
        *next_steps(recommendation, kb),
        "Unsure who owns a task? Ask RoleFit: `/rolefit who owns …`",
    ]
    return "\n".join(f"{number}. {step}" for number, step in enumerate(steps, start=1))
