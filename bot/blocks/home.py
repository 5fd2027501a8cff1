"""RoleFit's Home tab: what it does, what to ask, the two roles in brief, and its three buttons.

The buttons are the help message's, so the same listeners answer them. A Home tab has no
conversation to answer in, so what they send (the advice, the roles compared) goes to the DM.
"""

from __future__ import annotations

from typing import Any

from bot.blocks.answer import holder_mentions
from bot.blocks.help import offers, try_asking
from bot.blocks.insights import insights_blocks, recommended_blocks
from bot.blocks.kit import Block, context, divider, escape, header, section
from bot.blocks.setup import setup_blocks
from bot.store.insights import Insights, Recommended
from knowledge import KnowledgeBase, Role
from knowledge.models import ARTICLE_TITLE

View = dict[str, Any]
# Slack's limit for a Home tab (https://api.slack.com/reference/surfaces/views).
HOME_BLOCKS_MAX = 100

_WHAT_IT_DOES = (
    "Startups often mix up two hires. Ask RoleFit about any piece of work and it names the role "
    "that owns it — *Product Owner*, *Product Manager* or both — how sure it is, and why. Not sure "
    "which one to hire? The hiring questionnaire ends in a recommendation; started here, it "
    "arrives in your *Messages* tab."
)
_WHERE_TO_ASK = (
    "*Where to ask*\n"
    "• Write to me in the *Messages* tab\n"
    "• Mention @RoleFit in a channel I'm in (I answer in a thread)\n"
    "• Type `/rolefit who owns …?` in a channel or DM — only you see the answer until you share it"
)
_SOURCE = f"RoleFit's answers are its own summary of the article _{ARTICLE_TITLE}_."


def _role_in_brief(role: Role) -> list[Block]:
    """Name, summary and when to hire; then who holds the role here, if the workspace says so —
    the one place on Home where a mention is meant."""
    blocks = [
        section(
            f"*{escape(role.name)}* ({escape(role.short)})\n{escape(role.summary)}\n\n"
            f"{escape(role.when_to_hire)}"
        )
    ]
    mentions = holder_mentions(role.holders)
    if mentions:
        blocks.append(context(f"Your {escape(role.short)} here: {mentions}"))
    return blocks


def home_view(
    kb: KnowledgeBase,
    *,
    recent: list[Recommended] | None = None,
    insights: Insights | None = None,
    admin: bool = False,
) -> View:
    """The Home tab for views.publish: the same for everyone, then the person's `recent` hiring
    advice and, for admins, the workspace's set-up (bot.blocks.setup) and its `insights`."""
    blocks = [
        header("Product Owner or Product Manager? Ask RoleFit"),
        section(_WHAT_IT_DOES),
        offers("rolefit_home_actions"),
        divider(),
        try_asking(),
        section(_WHERE_TO_ASK),
        divider(),
        header("The two roles in brief"),
    ]
    for role in kb.roles.values():
        blocks += _role_in_brief(role)
    if admin:
        blocks += setup_blocks(kb)
    blocks.append(context(_SOURCE))
    if recent is not None:
        blocks += [divider(), *recommended_blocks(recent)]
    if insights is not None:
        blocks += [divider(), header("Insights (only admins see this)"), *insights_blocks(insights)]
    return {"type": "home", "blocks": blocks[:HOME_BLOCKS_MAX]}
