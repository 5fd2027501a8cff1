"""Direct messages end to end: a signed `message.im` event in, the app's chat.postMessage out."""

from __future__ import annotations

import json

from bot.blocks import ids
from bot.sandbox import LiveRoleFit
from bot.sandbox.slack_api import BOT_ID, BOT_USER_ID
from tests.bot.blocks.helpers import buttons, rendered
from tests.bot.listeners.helpers import acknowledged, event_of, only_post, unsure_question
from tests.slack_schemas import assert_valid_blocks


def test_a_dm_question_gets_the_owner_confidence_responsibility_section_and_why(
    live: LiveRoleFit,
) -> None:
    acknowledged(live, live.requests.dm("who owns the go-to-market plan?"))
    post = only_post(live)
    assert post["channel"] == "D_LEADER"
    shown = rendered(post["blocks"])
    assert "work for the Product Manager" in shown
    assert "Go-to-market plan with marketing and sales" in shown
    assert "*Article section:*" in shown and "*Why:*" in shown
    assert "Product Manager" in post["text"]
    assert not post.get("thread_ts")


def test_an_unsure_answer_offers_did_you_mean_buttons(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.dm(unsure_question()))
    post = only_post(live)
    assert "*Did you mean…*" in rendered(post["blocks"])
    choices = [b for b in buttons(post) if ids.DID_YOU_MEAN.match(b["action_id"])]
    assert 1 <= len(choices) <= 3


def test_help_gets_the_help_and_a_greeting_a_short_hello(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.dm("help"))
    assert ids.OPEN_ASK_MODAL in [b["action_id"] for b in buttons(only_post(live))]
    for count, text in enumerate(("hi there!", ":wave:", ""), start=2):
        acknowledged(live, live.requests.dm(text))
        post = only_post(live, count)
        assert post["text"].startswith("Hi!") and "who owns the backlog?" in post["text"]


def test_a_subcommand_sent_as_a_message_is_told_where_it_runs(live: LiveRoleFit) -> None:
    # found by a tester: "stats" got help with no word why, and "@RoleFit teach …" an answer
    # about the backlog, with nothing taught and nothing said
    for count, text in enumerate(("stats", "teach po-backlog : the wall"), start=1):
        acknowledged(live, live.requests.dm(text))
        command = text.split()[0]
        told = f"`{command}` runs only as the slash command: type `/rolefit {command} …`"
        assert told in rendered(only_post(live, count)["blocks"])


def test_work_nothing_matches_is_said_to_match_nothing(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.dm("who handles the zorblax?"))
    shown = rendered(only_post(live)["blocks"])
    assert "I couldn't match that to any work the article describes" in shown


def test_which_role_is_senior_is_answered_before_the_roles_side_by_side(
    live: LiveRoleFit,
) -> None:
    acknowledged(live, live.requests.dm("does the PO report to the PM?"))
    shown = rendered(only_post(live)["blocks"])
    assert "The article never ranks the two roles" in shown
    assert "Product Owner vs Product Manager" in shown


def test_work_for_a_neighbour_names_who_does_it(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.dm("who designs the final creative campaign?"))
    assert "This sounds like work for *the creative team*" in rendered(only_post(live)["blocks"])


def test_bots_edits_deletions_and_channel_chatter_are_ignored(live: LiveRoleFit) -> None:
    requests = live.requests
    ignored = [
        requests.dm("who owns the backlog?", user_id=BOT_USER_ID),  # RoleFit itself
        requests.dm("who owns the backlog?", bot_id=BOT_ID),
        requests.dm("who owns the backlog?", bot_id="B_OTHER", subtype="bot_message"),
        requests.dm("who owns the backlog?", subtype="message_changed"),
        requests.dm("", subtype="message_deleted"),
        requests.dm("joined", subtype="channel_join"),
        requests.dm("who owns the backlog?", channel_type="channel", channel="C_GENERAL"),
    ]
    for signed in ignored:
        acknowledged(live, signed)
    acknowledged(live, requests.dm("who owns the go-to-market plan?"))  # the one to answer
    post = only_post(live)
    assert "Go-to-market" in post["text"]


def test_slack_retries_and_redelivered_event_ids_are_answered_once(live: LiveRoleFit) -> None:
    first = live.requests.dm("who owns the product backlog?")
    acknowledged(live, first)
    only_post(live)
    acknowledged(live, live.requests.retry(first, 1))
    acknowledged(live, live.requests.retry(first, 2, reason="http_error"))
    event_id = json.loads(first.body)["event_id"]
    acknowledged(live, live.requests.event(event_of(first), event_id=event_id))
    acknowledged(live, live.requests.dm("who owns the go-to-market plan?"))
    assert "Go-to-market" in only_post(live, 2)["text"]


def test_a_timed_out_retry_of_an_event_never_seen_is_answered(live: LiveRoleFit) -> None:
    lost = live.requests.dm("who owns sprint planning?")  # its first delivery never arrived
    acknowledged(live, live.requests.retry(lost, 1, reason="http_timeout"))
    assert "Product Owner" in only_post(live)["text"]
    acknowledged(live, live.requests.retry(lost, 2, reason="http_timeout"))
    live.wait_until_idle()
    assert len(live.api.calls_to("chat.postMessage")) == 1


def test_a_retry_of_a_delivery_that_never_arrived_is_answered(live: LiveRoleFit) -> None:
    lost = live.requests.dm("who owns the product backlog?")
    acknowledged(live, live.requests.retry(lost, 1, reason="connection_failed"))
    assert "Product Owner" in only_post(live)["text"]


def test_a_100_kb_dm_is_answered_within_slacks_limits(live: LiveRoleFit) -> None:
    acknowledged(
        live, live.requests.dm("<!channel> who owns the product backlog? " + "x" * 100_000)
    )
    post = only_post(live)
    assert_valid_blocks(post["blocks"])
    shown = rendered(post["blocks"])
    assert "<!channel>" not in shown and "<!channel>" not in post["text"]
    assert "Product Owner" in shown


def test_a_reply_in_a_dm_thread_stays_in_the_thread(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.dm("and the backlog?", thread_ts="1700000000.000100"))
    assert only_post(live)["thread_ts"] == "1700000000.000100"


def test_a_dm_listing_work_for_both_roles_answers_each_piece(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.dm("who handles sprint planning + supplier contracts?"))
    post = only_post(live)
    assert_valid_blocks(post["blocks"])
    shown = rendered(post["blocks"])
    assert "• *sprint planning*: clearly the Product Owner" in shown
    assert "• *supplier contracts*: clearly the Product Manager" in shown
