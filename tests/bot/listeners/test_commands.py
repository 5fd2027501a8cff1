"""`/rolefit` end to end: signed slash commands into the running app, answers read back from the
acknowledgement (ephemeral, answered at once) or from what the app sent to the Slack stand-in."""

from __future__ import annotations

import json

from bot.blocks import ids
from bot.blocks.answer import AnswerRef
from bot.sandbox import LiveRoleFit
from tests.bot.blocks.helpers import button, buttons, rendered
from tests.bot.listeners.helpers import command


def test_bare_command_and_help_show_help_with_its_three_buttons(live: LiveRoleFit) -> None:
    for text in ("", "help", "  HELP  "):
        reply = command(live, text)
        assert "Product Owner" in rendered(reply) and "/rolefit roles" in rendered(reply)
        assert [b["action_id"] for b in buttons(reply)] == [
            ids.OPEN_ASK_MODAL,
            ids.OPEN_QUESTIONNAIRE,
            ids.SHOW_ROLES,
        ]


def test_who_owns_is_answered_in_the_acknowledgement_with_a_share_button(
    live: LiveRoleFit,
) -> None:
    reply = command(live, "who owns the product backlog?")
    shown = rendered(reply)
    assert "*clearly* work for the Product Owner" in shown
    assert "Managing and ordering the product backlog" in shown
    assert "*Article section:*" in shown and "*Why:*" in shown
    share = button(reply, ids.SHARE_ANSWER)
    assert AnswerRef.from_value(share["value"]) == AnswerRef("who owns the product backlog?")
    # Answered in the acknowledgement: nothing went through the Web API but the token check.
    assert {call.method for call in live.api.calls} <= {"auth.test"}


def test_roles_are_shown_side_by_side(live: LiveRoleFit) -> None:
    reply = command(live, "roles")
    columns = [block["fields"] for block in reply["blocks"] if "fields" in block]
    assert len(columns) == 2
    owns, hire = columns
    assert "*Product Owner*" in owns[0]["text"] and "*Product Manager*" in owns[1]["text"]
    assert "When to hire a PO" in hire[0]["text"] and "When to hire a PM" in hire[1]["text"]


def test_hire_opens_the_questionnaire_with_the_commands_trigger(live: LiveRoleFit) -> None:
    trigger = "1234.T_ROLEFIT.hire"
    status, _, body = live.post(live.requests.slash_command("hire", trigger_id=trigger))
    assert (status, body) == (200, b"")
    (opened,) = live.api.wait_for("views.open")
    assert opened.body["trigger_id"] == trigger
    assert opened.body["view"]["type"] == "modal"


def test_an_unknown_word_gets_help_with_a_did_you_mean(live: LiveRoleFit) -> None:
    reply = command(live, "rols")
    assert "Did you mean `/rolefit roles`?" in rendered(reply)
    assert ids.OPEN_ASK_MODAL in json.dumps(reply)
    gibberish = command(live, "xyzzy")
    assert "I don't know `xyzzy`" in rendered(gibberish)


def test_slack_markup_in_the_question_cannot_ping_anyone(live: LiveRoleFit) -> None:
    reply = command(live, "<!channel> <!here> <!subteam^S0TEAM> <@U0BOSS> who owns the backlog?")
    shown = rendered(reply)
    for token in ("<!channel>", "<!here>", "<!subteam^S0TEAM>", "<@U0BOSS>"):
        assert token not in shown
    assert "@\u2060channel @\u2060here" in shown  # as people read them, never live
    assert "Product Owner" in shown


def test_a_100_kb_question_is_answered_within_slacks_limits(live: LiveRoleFit) -> None:
    reply = command(live, "who owns the product backlog? " + "really " * 15_000)
    assert "Product Owner" in rendered(reply)
    assert len(json.dumps(reply)) < 12_000
    share = button(reply, ids.SHARE_ANSWER)
    assert len(share["value"]) <= 2000


def test_emoji_only_and_unicode_get_friendly_answers(live: LiveRoleFit) -> None:
    assert ids.OPEN_ASK_MODAL in json.dumps(command(live, ":wave: :tada: 🎉"))
    reply = command(live, "who owns the prödüct backlog? 🚀")
    assert "Product Owner" in rendered(reply)


def test_work_nothing_matches_is_said_to_match_nothing(live: LiveRoleFit) -> None:
    reply = command(live, "who handles the zorblax?")
    assert "I couldn't match that to any work the article describes" in rendered(reply)
    printer = command(live, "who fixes the office printer?")
    assert "This sounds like work for *IT*" in rendered(printer)
