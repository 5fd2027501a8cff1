"""Reading what someone typed: help, roles, the questionnaire, or a question."""

from __future__ import annotations

import pytest

from bot.intent import MAX_TEXT, Intent, Reading, command_in_a_message, read, stats_days


@pytest.mark.parametrize(
    "text",
    ["", "   ", "help", "HELP", "hi", "Hello there!", "thanks so much", ":wave:", "🎉🎉", "?"],
)
def test_nothing_greetings_and_help_read_as_help(text: str) -> None:
    assert read(text) == Reading(Intent.HELP)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("roles", Intent.ROLES),
        (" Compare ", Intent.ROLES),
        ("hire", Intent.HIRE),
        ("questionnaire", Intent.HIRE),
        # a tester's find: these were asked as questions, and listed as unanswered
        ("roles please", Intent.ROLES),
        ("stats for this month", Intent.STATS),
        # a recruiter's find: asked for in words, the form did not open
        ("start the questionnaire", Intent.HIRE),
        ("run the full hiring questionnaire please", Intent.HIRE),
        ("who owns the security questionnaire?", Intent.QUESTION),
        # a review's finds: a role named in words, or a raw @name, is still a setting
        ("set product owner dana", Intent.SET),
        ("set Product Manager: @erin", Intent.SET),
        ("set the PO @dana", Intent.SET),
        ("set up the sprint planning", Intent.QUESTION),
        ("survey", Intent.QUESTION),  # a PM's research, not the questionnaire
        ("set the owner of pricing", Intent.QUESTION),
    ],
)
def test_subcommands_and_their_aliases(text: str, intent: Intent) -> None:
    assert read(text).intent is intent


@pytest.mark.parametrize(("typo", "meant"), [("rols", "roles"), ("hlep", "help"), ("hier", "hire")])
def test_a_typo_gets_help_with_what_it_probably_meant(typo: str, meant: str) -> None:
    reading = read(typo)
    assert (reading.intent, reading.unknown, reading.suggestion) == (Intent.HELP, typo, meant)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("stats", None),
        ("stats for last week", 7),
        ("stats this month", 30),
        ("stats today", 1),
        # a VP Engineering tester's finds: these were questions, or pointed to `stats`
        ("stats for the last 7 days", 7),
        ("stats for last 2 weeks", 14),
        ("stats since yesterday", 2),
        ("stats for 99999 days", 3650),
    ],
)
def test_stats_reads_the_period_it_names(text: str, days: int | None) -> None:
    assert read(text).intent is Intent.STATS
    assert stats_days(text) == days


@pytest.mark.parametrize("text", ["stats for 2023", "stats 2024", "stats for last 3"])
def test_stats_with_a_number_it_cannot_read_as_a_period_points_to_it(text: str) -> None:
    # a review's find: the number was skipped and the 30 days shown, as if asked for
    reading = read(text)
    assert (reading.intent, reading.suggestion) == (Intent.HELP, "stats")


def test_stats_with_words_it_does_not_take_points_to_it() -> None:
    # a Slack power user's find: "stats foo" was greeted
    reading = read("stats foo")
    assert (reading.intent, reading.unknown, reading.suggestion) == (
        Intent.HELP,
        "stats foo",
        "stats",
    )
    # a review's find: short questions opening on another subcommand's word are questions
    for asked in ("role of po", "compare po pm", "roles in scrum", "stats foo?"):
        assert read(asked).intent is Intent.QUESTION


def test_anything_else_is_a_question_kept_as_typed() -> None:
    reading = read("  who owns <@U1>'s backlog?  ")
    assert (reading.intent, reading.text) == (Intent.QUESTION, "who owns <@U1>'s backlog?")
    assert read("backlog").intent is Intent.QUESTION


def test_a_wall_of_text_is_read_up_to_a_limit() -> None:
    reading = read("who owns the backlog? " + "x" * 100_000)
    assert reading.intent is Intent.QUESTION
    assert len(reading.text) == MAX_TEXT


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("set product-owner <@U0DANA|dana>", Intent.SET),
        ("set retention 30", Intent.SET),
        ("teach po-backlog : the big wall", Intent.TEACH),
        ("set up sprint planning: who owns that?", Intent.QUESTION),
        ("teach the team about user stories - PO or PM?", Intent.QUESTION),
    ],
)
def test_set_and_teach_are_settings_unless_they_ask_something(text: str, intent: Intent) -> None:
    assert read(text).intent is intent


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("stats", "stats"),
        ("set product-owner <@U1|dana>", "set"),
        ("teach po-backlog : the wall", "teach"),
        ("unteach the wall", "unteach"),
        ("teach me about scrum", None),
        ("set the sprint goal", None),
        ("teach me: what does a PO do", None),  # a review's finds
        ("set PM expectations for the quarter", None),
        ("insights from the article on pricing", None),
        ("hire a PO or a PM?", None),
    ],
)
def test_a_message_written_as_a_subcommand_is_told_apart(text: str, command: str | None) -> None:
    assert command_in_a_message(text) == command
