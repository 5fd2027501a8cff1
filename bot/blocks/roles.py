"""The two roles side by side: what each owns and when to hire which."""

from __future__ import annotations

from bot.blocks import ids
from bot.blocks.answer import holder_mentions
from bot.blocks.kit import (
    Message,
    actions,
    button,
    context,
    divider,
    escape,
    fields,
    header,
    message,
)
from knowledge import KnowledgeBase, Role


def _owns(role: Role) -> str:
    bullets = "\n".join(f"• {escape(item)}" for item in role.owns)
    mentions = holder_mentions(role.holders)
    here = f"\n_Here: {mentions}_" if mentions else ""
    return f"*{escape(role.name)}* ({escape(role.short)})\n{escape(role.summary)}{here}\n{bullets}"


def _when_to_hire(role: Role) -> str:
    return f"*When to hire a {escape(role.short)}*\n{escape(role.when_to_hire)}"


def roles_message(kb: KnowledgeBase) -> Message:
    """Each role in its own column; Slack lays section fields out two across."""
    roles = list(kb.roles.values())
    names = " vs ".join(role.name for role in roles)
    blocks = [
        header(names),
        fields(*(_owns(role) for role in roles)),
        divider(),
        fields(*(_when_to_hire(role) for role in roles)),
        context(
            "Some work belongs to both: finding what customers need and turning it into "
            "technical requirements. Ask me about any piece of work to see who owns it."
        ),
        actions(
            "rolefit_roles_actions",
            button("Which do I need?", ids.HELP_ME_CHOOSE, "choose", style="primary"),
            button("Start the hiring questionnaire", ids.OPEN_QUESTIONNAIRE, "hire"),
        ),
    ]
    summary = " ".join(f"{role.name}: {role.summary}" for role in roles)  # each ends a sentence
    return message(escape(f"{names}. {summary}"), blocks)
