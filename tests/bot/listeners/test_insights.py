"""Insights end to end, on SQLite and PostgreSQL: questions and votes through the live app, then
the same figures from `/rolefit stats`, the admin's Home tab and `rolefit insights --json`."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from bot.blocks import ids
from bot.blocks.insights import figure_lines
from bot.blocks.kit import escape
from bot.cli import main
from bot.listeners.commands import NOT_AN_ADMIN_STATS
from bot.sandbox import LiveRoleFit
from bot.store.insights import Insights
from tests.bot.blocks.helpers import buttons, rendered
from tests.bot.listeners.helpers import acknowledged, command, stats
from tests.bot.listeners.test_feedback import click, dm_answer, submit_not_helpful
from tests.bot.listeners.test_home import open_home
from tests.conftest import assert_surfaces_valid

TEAM = "T_ROLEFIT"


@pytest.fixture
def live_on(database_url: str) -> Iterator[LiveRoleFit]:
    """A live app of its own on each database (the shared one is SQLite only)."""
    with LiveRoleFit(database_url=database_url) as running:
        yield running
        running.wait_until_idle()
        assert_surfaces_valid(running.api.calls)


def cli_insights(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Insights:
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert main(["insights", "--team", TEAM, "--json"]) == 0
    return Insights.model_validate(json.loads(capsys.readouterr().out))


def test_stats_the_admin_home_tab_and_the_cli_agree(
    live_on: LiveRoleFit,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    live = live_on
    helpful = dm_answer(live, "who owns the product backlog?")
    click(live, helpful, ids.FEEDBACK_HELPFUL)
    click(live, helpful, ids.FEEDBACK_HELPFUL)
    disputed = dm_answer(live, "who owns pricing?")
    click(live, disputed, ids.FEEDBACK_NOT_HELPFUL)
    submit_not_helpful(live, "product-owner", "here the PO does")
    for _ in range(2):
        command(live, "who <waters> the office plants?")
    acknowledged(live, live.requests.dm("hi"))  # not a question: not counted
    live.wait_until_idle()

    figures = cli_insights(database_url, monkeypatch, capsys)
    assert (figures.asked, figures.helpful, figures.not_helpful) == (4, 1, 1)
    assert figures.corrections == {"product-owner": 1}
    assert figures.helpful_rate == 0.5
    texts = [top.text for top in figures.top_questions]
    assert "who owns pricing?" in texts

    text = stats(live, "U_LEADER")
    home = rendered(open_home(live, "U_LEADER"))
    for line in figure_lines(figures):
        assert escape(line) in text and escape(line) in home
    for top in figures.top_questions:
        assert escape(top.text) in text and escape(top.text) in home
    assert "Helpful rate: 50% (1 👍, 1 👎)" in text
    assert "&lt;waters&gt;" in text  # what people typed is escaped


def test_stats_shows_the_period_asked_for(live: LiveRoleFit) -> None:
    # an admin's find: "stats for last week" showed its own 30 days
    assert "RoleFit in the last 7 days" in stats(live, text="stats for last week")
    assert "RoleFit in the last 30 days" in stats(live, text="stats")
    assert "RoleFit in the last day" in stats(live, text="stats today")  # a review's find: "1 days"


def test_stats_and_insights_on_home_are_for_admins_only(live: LiveRoleFit) -> None:
    assert NOT_AN_ADMIN_STATS in stats(live, "U_NOT_ADMIN")
    home = rendered(open_home(live, "U_NOT_ADMIN"))
    assert "Your recent recommendations" in home and "Helpful rate" not in home


def test_home_shows_each_person_their_recent_recommendations(live: LiveRoleFit) -> None:
    hire = (
        "we are a 5 person startup, we need someone to own the backlog and run scrum sprints, "
        "who should we hire?"
    )
    acknowledged(live, live.requests.dm(hire, user_id="U_HIRER"))
    live.wait_until_idle()
    home = rendered(open_home(live, "U_HIRER"))
    assert "*Hire a Product Owner* ·" in home and "run scrum sprints" in home
    assert "*Hire a Product Owner* ·" not in rendered(open_home(live, "U_SOMEONE_ELSE"))


def asked_so_far(live: LiveRoleFit) -> int:
    """The workspace's "Questions asked" figure, as `/rolefit stats` shows it."""
    found = re.search(r"Questions asked: (\d+)", stats(live, "U_LEADER"))
    assert found is not None
    return int(found[1])


def test_home_shows_advice_a_hiring_question_s_button_ended_in(live: LiveRoleFit) -> None:
    # a VP Engineering tester's find: advice given after a click never reached the Home tab,
    # which said "None yet: ask me whom to hire"
    before = asked_so_far(live)
    acknowledged(live, live.requests.mention("who should we hire?", user_id="U_CHOOSER"))
    live.wait_until_idle()
    (question,) = [c.body for c in live.api.calls_to("chat.postMessage")]
    business = next(
        b
        for b in buttons(question)
        if ids.HIRE_FACT.match(b["action_id"]) and "Building the business" in b["text"]["text"]
    )
    message = {"ts": "1700000000.000300", "thread_ts": question["thread_ts"], "text": "q"}
    clicked = live.requests.block_action(
        business["action_id"],
        business["value"],
        message=message,
        ephemeral=False,
        user_id="U_CHOOSER",
    )
    acknowledged(live, clicked)
    acknowledged(live, clicked)  # clicked twice: advised, and kept, once
    live.wait_until_idle()
    home = rendered(open_home(live, "U_CHOOSER"))
    assert home.count("*Hire a Product Manager* ·") == 1
    # a review's find: the advice was counted as a second question beside the one typed
    assert asked_so_far(live) == before + 1


def test_a_replayed_command_counts_once(
    live_on: LiveRoleFit,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a security tester's find: the same signed /rolefit request sent three times within
    # Slack's five minutes wrote three questions, inflating the insights
    replayed = live_on.requests.slash_command("who owns the product backlog?")
    for _ in range(3):
        assert live_on.post(replayed)[0] == 200
    command(live_on, "who owns the product backlog?")  # asked again: counted again
    live_on.wait_until_idle()
    assert cli_insights(database_url, monkeypatch, capsys).asked == 2
