"""The help message: what RoleFit does, what to ask, and buttons for the three things it offers."""

from __future__ import annotations

from bot.blocks import ids
from bot.blocks.kit import (
    Block,
    Message,
    actions,
    button,
    context,
    header,
    message,
    quote_code,
    section,
)
from knowledge.models import ARTICLE_TITLE

EXAMPLE_QUESTIONS = (
    "who owns the product backlog?",
    "who builds the go-to-market plan?",
    "who negotiates with suppliers to improve margins?",
    "who turns customer needs into technical requirements?",
)

_INTRO = (
    "I tell you whether a piece of work belongs to the *Product Owner* (the Scrum role: backlog, "
    "user stories, sprints, test planning) or the *Product Manager* (the business role: strategy, "
    "market research, go-to-market, financials, suppliers) — or to both."
)
_COMMANDS = (
    "*Commands*\n"
    "• `/rolefit who owns …?` — answer a question (only you see it, until you share it)\n"
    "• `/rolefit roles` — the two roles side by side\n"
    "• `/rolefit hire` — a few questions that end in a hiring recommendation\n"
    "• `/rolefit stats [for last week]` — for admins: questions asked and how helpful the answers "
    "were\n"
    "• `/rolefit help` — this message\n"
    "• `/rolefit set product-owner @dana` — admins: who holds each role here\n"
    "• `/rolefit teach po-backlog : the big wall` — admins: a way your people say that work "
    "(`/rolefit unteach the big wall` takes it back)\n"
    "• `/rolefit set retention 30` — admins: days to keep question texts (0: counts only)\n"
    "You can also send me a direct message, or mention me in a channel."
)


def try_asking() -> Block:
    """The example questions, as help and the Home tab show them."""
    examples = "\n".join(f"• _{question}_" for question in EXAMPLE_QUESTIONS)
    return section(f"*Try asking*\n{examples}")


def offers(block_id: str) -> Block:
    """A button for each thing RoleFit offers; their listeners work from a message or Home."""
    return actions(
        block_id,
        button("Ask a question", ids.OPEN_ASK_MODAL, "ask", style="primary"),
        button("Start the hiring questionnaire", ids.OPEN_QUESTIONNAIRE, "hire"),
        button("Compare the roles", ids.SHOW_ROLES, "roles"),
    )


def help_message(*, unknown: str | None = None, suggestion: str | None = None) -> Message:
    """Help; `unknown` is a word RoleFit did not understand, `suggestion` the command it meant."""
    blocks = [header("RoleFit: Product Owner or Product Manager?")]
    if unknown is not None:
        hint = f"I don't know `{quote_code(unknown, 100)}`."
        if suggestion:
            hint += f" Did you mean `/rolefit {suggestion}`?"
        blocks.append(section(hint, block_id="rolefit_help_unknown"))
    blocks += [
        section(_INTRO),
        try_asking(),
        section(_COMMANDS),
        offers("rolefit_help_actions"),
        context(f"Answers rest on the article _{ARTICLE_TITLE}_."),
    ]
    fallback = "RoleFit tells you whether work belongs to a Product Owner or a Product Manager."
    if suggestion:
        fallback = f"Did you mean /rolefit {suggestion}? {fallback}"
    return message(f"{fallback} Try: /rolefit {EXAMPLE_QUESTIONS[0]}", blocks)
