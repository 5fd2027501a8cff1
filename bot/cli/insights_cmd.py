"""`rolefit insights --team T`: a workspace's insights (the figures `/rolefit stats` and the admins'
Home tab show), from the store DATABASE_URL names; `--json` for scripts."""

from __future__ import annotations

import argparse
import json

from bot.cli.shared import printable
from bot.cli.store_cmd import with_store
from bot.store.insights import INSIGHTS_DAYS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "insights",
        help="a workspace's questions, answers and feedback (DATABASE_URL)",
        description="Questions asked, answered and unanswered, low-confidence answers, the "
        "helpful rate, corrections from 👎 and the top unanswered or disputed questions.",
    )
    parser.add_argument("--team", required=True, help="the workspace's Slack id (T…)")
    parser.add_argument(
        "--days", type=_days, default=INSIGHTS_DAYS, help=f"look back (default {INSIGHTS_DAYS})"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object")
    parser.set_defaults(handler=_insights)


def _days(text: str) -> int:
    """A look-back of one day or more ("0" or "-3" said so, not read as 1)."""
    days = int(text) if text.strip().lstrip("-").isdigit() else 0
    if days < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of days (1 or more)")
    return days


def _insights(args: argparse.Namespace) -> int:
    from bot.blocks.insights import asked_times, comment_lines, figure_lines, period

    insights = with_store(lambda store: store.insights(args.team, args.days), reads=True)
    if args.json:
        print(json.dumps(insights.model_dump(mode="json"), ensure_ascii=False))
        return 0
    print(f"{period(insights)} ({insights.team})")
    for line in figure_lines(insights):
        print(f"  {line}")
    if insights.top_questions:
        print("Top unanswered or disputed questions:")
        for number, top in enumerate(insights.top_questions, 1):
            print(f"  {number}. {printable(top.text)} ({asked_times(top.count)})")
    if insights.comments:
        print("Latest 👎 comments:")
        for line in comment_lines(insights, lambda text, limit: printable(text)[:limit]):
            print(f"  {line}")
    return 0
