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
    not_covered,
    verdict,
    weighed_against,
)
from knowledge.advisor import Recommendation
from knowledge.models import ARTICLE_TITLE, KnowledgeBase
from knowledge.questionnaire import PRODUCT_MANAGER, PRODUCT_OWNER, ROLE_IDS

MAX_REASONS = 6
# Scores closer than this weigh the two hires the same.
EVEN_SCORES = 0.01
MAX_OWNED = 6
MAX_UNPLACED = 5
ACTIONS_BLOCK = "rolefit_recommendation_actions"


def recommendation_blocks(recommendation: Recommendation, kb: KnowledgeBase) -> list[Block]:
    """The advice itself; every text from the advisor is escaped (needs quote the user)."""
    reasons = "\n".join(f"• {escape(r.text)}" for r in recommendation.reasons[:MAX_REASONS])
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
    uncovered = not_covered(recommendation, kb)
    if uncovered:
        blocks.append(section(f"*Not covered by this hire*\n{escape(uncovered)}"))
    blocks.append(section(f"*Next steps*\n{_next_steps(recommendation, kb)}"))
    return blocks


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
    """The needs the team named that this role owns; the role's usual work when none were."""
    role_name = kb.roles[role].name
    titles = list(
        dict.fromkeys(need.title for need in recommendation.placed_needs if role in need.owners)
    )
    if titles:
        items = "\n".join(f"• {escape(title)}" for title in titles[:MAX_OWNED])
        return section(f"*What the {role_name} would own for your team*\n{items}")
    items = "\n".join(f"• {escape(item)}" for item in kb.roles[role].owns[:MAX_OWNED])
    return section(f"*What a {role_name} would own*\n{items}")


def _next_steps(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    po, pm = kb.roles[PRODUCT_OWNER].name, kb.roles[PRODUCT_MANAGER].name
    # Said not to run Scrum, weighed against a Product Owner (said only when the team said so).
    no_scrum = any(reason.ref == "uses_scrum" for reason in recommendation.against)
    steps = {
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
        ],
    }[recommendation.recommendation]
    steps.append("Unsure who owns a task? Ask RoleFit: `/rolefit who owns …`")
    return "\n".join(f"{number}. {step}" for number, step in enumerate(steps, start=1))


def _first_search(recommendation: Recommendation, kb: KnowledgeBase) -> str:
    """Which of two hires to look for first: the role the answers weigh more towards, or neither
    where they weigh the same."""
    po, pm = (recommendation.scores.get(role, 0.0) for role in ROLE_IDS)
    if abs(po - pm) < EVEN_SCORES:
        return "your answers weigh both sides the same: start with the side whose gap costs most."
    role = kb.roles[ROLE_IDS[0] if po > pm else ROLE_IDS[1]].name
    return f"your answers weigh more towards the {role}."
