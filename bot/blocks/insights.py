"""RoleFit's insights as people read them: the same figures for `/rolefit stats`, the admins'
Home tab and `rolefit insights` (which prints `figure_lines`), and each person's recent hiring
advice for their Home tab."""

from __future__ import annotations

from collections.abc import Callable

from bot.blocks.feedback import correction_label
from bot.blocks.kit import Block, Message, context, header, message, quote, section
from bot.store.insights import Insights, Recommended

NO_QUESTIONS = "No questions yet."
_ADVICE = {
    "product-owner": "Hire a Product Owner",
    "product-manager": "Hire a Product Manager",
    "both": "Hire both",
}


def figure_lines(insights: Insights) -> list[str]:
    """The figures as plain lines (no text anyone typed): what every surface shows."""
    rate = insights.helpful_rate
    helpful = "no votes yet" if rate is None else f"{rate:.0%}"
    lines = [
        f"Questions asked: {insights.asked}",
        f"Answered: {insights.answered}",
        f"Unanswered: {insights.unanswered}",
        f"Low confidence: {insights.low_confidence}",
        f"Helpful rate: {helpful} ({insights.helpful} 👍, {insights.not_helpful} 👎)",
    ]
    if insights.corrections:
        said = ", ".join(
            f"{correction_label(role)} {count}"
            for role, count in sorted(insights.corrections.items(), key=lambda kv: (-kv[1], kv[0]))
        )
        lines.append(f"👎 said it should be: {said}")
    return lines


def asked_times(count: int) -> str:
    """How often a question was asked, as people say it: "once", "3 times"."""
    return "once" if count == 1 else f"{count} times"


def period(insights: Insights) -> str:
    days = "day" if insights.days == 1 else f"{insights.days} days"
    return f"RoleFit in the last {days}"


def insights_blocks(insights: Insights) -> list[Block]:
    """The figures and the questions worth a look, escaped (they are what people typed)."""
    blocks = [
        section(
            f"*{period(insights)}*\n" + "\n".join(f"• {line}" for line in figure_lines(insights))
        )
    ]
    if insights.top_questions:
        listed = "\n".join(
            f"{number}. “{quote(top.text, 200)}” ({asked_times(top.count)})"
            for number, top in enumerate(insights.top_questions, 1)
        )
        blocks.append(section(f"*Top unanswered or disputed questions*\n{listed}"))
    else:
        blocks.append(context("No unanswered or disputed questions with their text kept."))
    if insights.comments:
        listed = "\n".join(f"• {line}" for line in comment_lines(insights, quote))
        blocks.append(section(f"*Latest 👎 comments*\n{listed}"))
    return blocks


def comment_lines(insights: Insights, shown: Callable[[str, int], str]) -> list[str]:
    """The latest 👎 comments, each with the role it said and the question, texts put through
    `shown` (escaped for Slack, made printable for a terminal)."""
    lines = []
    for comment in insights.comments:
        line = f"“{shown(comment.text, 200)}”"
        if comment.role:
            line += f" (should be: {correction_label(comment.role)})"
        if comment.question:
            line += f" on “{shown(comment.question, 120)}”"
        lines.append(line)
    return lines


def stats_message(insights: Insights) -> Message:
    """`/rolefit stats`: the insights, for the admin who asked."""
    return message(
        f"{period(insights)}: " + "; ".join(figure_lines(insights)), insights_blocks(insights)
    )


def advice_words(recommendation: str) -> str:
    return _ADVICE.get(recommendation, recommendation)


def recommended_blocks(recent: list[Recommended]) -> list[Block]:
    """A person's recent hiring advice, newest first, dated in their own time zone."""
    blocks = [header("Your recent recommendations")]
    if not recent:
        blocks.append(context("None yet: ask me whom to hire, or start the hiring questionnaire."))
        return blocks
    for item in recent:
        when = f"<!date^{int(item.at)}^{{date_short_pretty}}|recently>"
        asked = f" — you asked “{quote(item.text, 200)}”" if item.text else ""
        blocks.append(section(f"*{advice_words(item.recommendation)}* · {when}{asked}"))
    return blocks
