"""Buttons and the "Ask a question" modal end to end: signed interaction payloads into the app,
what it sent back read from the Slack stand-in (response_url posts, chat.*, views.*)."""

from __future__ import annotations

import json
from typing import Any

from bot.blocks import ids
from bot.blocks.answer import AnswerRef
from bot.blocks.feedback import FeedbackRef
from bot.blocks.kit import escape
from bot.sandbox import LiveRoleFit
from tests.bot.blocks.helpers import button, buttons, rendered
from tests.bot.listeners.helpers import acknowledged, command, only_post, unsure_question
from tests.slack_schemas import assert_valid_view


def click(live: LiveRoleFit, action_id: str, value: str = "x", **options: Any) -> None:
    status, _, body = live.post(live.requests.block_action(action_id, value, **options))
    assert (status, body) == (200, b"")


def test_share_posts_the_answer_for_everyone_and_says_who_shared(live: LiveRoleFit) -> None:
    share = button(command(live, "who owns the product backlog?"), ids.SHARE_ANSWER)
    click(live, ids.SHARE_ANSWER, share["value"], user_id="U_SHARER")
    (shared,) = live.api.wait_for("response_url")
    assert shared.body["response_type"] == "in_channel"
    assert shared.body["replace_original"] is False
    shown = rendered(shared.body["blocks"])
    assert "work for the Product Owner" in shown and "Shared by <@U_SHARER>" in shown
    assert "You asked" not in shown and "Asked: “who owns the product backlog?”" in shown
    assert not [b for b in buttons(shared.body) if b["action_id"] == ids.SHARE_ANSWER]


def test_share_falls_back_to_posting_when_the_response_url_fails(live: LiveRoleFit) -> None:
    live.api.server_error("response_url")
    click(live, ids.SHARE_ANSWER, AnswerRef("who owns the product backlog?").to_value())
    post = only_post(live)
    assert post["channel"] == "C_GENERAL"
    assert "Product Owner" in post["text"]


def test_share_tells_the_user_when_nothing_can_post(live: LiveRoleFit) -> None:
    live.api.fail("response_url", "expired_url")
    live.api.fail("chat.postMessage", "not_in_channel")
    live.api.fail("conversations.join", "method_not_supported_for_channel_type")
    click(live, ids.SHARE_ANSWER, AnswerRef("who owns the product backlog?").to_value())
    notices = live.api.wait_for("response_url", 2)
    assert "couldn't share" in notices[-1].body["text"]
    assert "not a member" in notices[-1].body["text"]


def test_share_clicked_twice_is_posted_once(live: LiveRoleFit) -> None:
    value = AnswerRef("who owns the product backlog?").to_value()
    message = {"type": "message", "ts": "1700000000.000777"}
    click(live, ids.SHARE_ANSWER, value, message=message)
    click(live, ids.SHARE_ANSWER, value, message=message)
    live.wait_until_idle()
    shared = {
        call.body["response_type"]: call.body for call in live.api.wait_for("response_url", 2)
    }
    assert sorted(shared) == ["ephemeral", "in_channel"]  # posted once, the second click told
    assert "This answer was shared in the channel already" in shared["ephemeral"]["text"]


def test_a_did_you_mean_choice_replaces_the_unsure_answer(live: LiveRoleFit) -> None:
    unsure = command(live, unsure_question())
    choice = next(b for b in buttons(unsure) if ids.DID_YOU_MEAN.match(b["action_id"]))
    click(live, choice["action_id"], choice["value"])
    (replaced,) = live.api.wait_for("response_url")
    assert replaced.body["replace_original"] is True
    picked = f"*Matched responsibility:* {escape(choice['text']['text'])}"
    assert picked in rendered(replaced.body["blocks"])
    assert ids.SHARE_ANSWER in json.dumps(replaced.body)  # still private, so still shareable


def test_a_did_you_mean_choice_on_a_posted_answer_can_still_be_rated(live: LiveRoleFit) -> None:
    # found by a Slack power user: the chosen answer lost every button, 👍 / 👎 included
    posted = len(live.api.calls_to("chat.postMessage"))
    acknowledged(live, live.requests.dm(unsure_question()))
    call = live.api.wait_for("chat.postMessage", posted + 1)[-1]
    message = {**call.body, "type": "message", "ts": call.response["ts"]}
    choice = next(b for b in buttons(message) if ids.DID_YOU_MEAN.match(b["action_id"]))
    rated_before = FeedbackRef.from_value(button(message, ids.FEEDBACK_HELPFUL)["value"])
    click(
        live, choice["action_id"], choice["value"], channel_id=call.body["channel"], message=message
    )
    (replaced,) = live.api.wait_for("response_url")
    rated = FeedbackRef.from_value(button(replaced.body, ids.FEEDBACK_HELPFUL)["value"])
    picked = AnswerRef.from_value(choice["value"])
    assert rated is not None and rated_before is not None and picked is not None
    assert rated.question_id == rated_before.question_id  # the vote is on the question asked
    assert rated.answer.responsibility_id == picked.responsibility_id  # thanks show the pick


def test_a_did_you_mean_choice_on_a_private_answer_can_still_be_rated(live: LiveRoleFit) -> None:
    # found by a Slack platform reviewer: Slack sends no message with a click on an ephemeral
    # one, so the chosen answer lost its 👍 / 👎
    unsure = command(live, unsure_question())
    rated_before = FeedbackRef.from_value(button(unsure, ids.FEEDBACK_HELPFUL)["value"])
    choice = next(b for b in buttons(unsure) if ids.DID_YOU_MEAN.match(b["action_id"]))
    click(live, choice["action_id"], choice["value"])  # ephemeral: no message in the payload
    (replaced,) = live.api.wait_for("response_url")
    rated = FeedbackRef.from_value(button(replaced.body, ids.FEEDBACK_HELPFUL)["value"])
    picked = AnswerRef.from_value(choice["value"])
    assert rated is not None and rated_before is not None and picked is not None
    assert rated.question_id == rated_before.question_id
    assert rated.answer.responsibility_id == picked.responsibility_id
    assert rated.ephemeral  # thanked, it stays private and shareable


def test_a_did_you_mean_choice_on_an_answer_others_read_is_shown_to_the_clicker_alone(
    live: LiveRoleFit,
) -> None:
    # found by a Slack platform reviewer: any member's click replaced the answer in the thread
    posted = len(live.api.calls_to("chat.postMessage"))
    acknowledged(live, live.requests.mention(unsure_question()))
    call = live.api.wait_for("chat.postMessage", posted + 1)[-1]
    thread = call.body["thread_ts"]
    message = {**call.body, "type": "message", "ts": call.response["ts"]}
    choice = next(b for b in buttons(message) if ids.DID_YOU_MEAN.match(b["action_id"]))
    channel = call.body["channel"]
    click(live, choice["action_id"], choice["value"], channel_id=channel, message=message)
    (private,) = live.api.wait_for("response_url")
    assert private.body["response_type"] == "ephemeral"
    assert private.body.get("replace_original") is False  # the thread's answer stays
    picked = f"*Matched responsibility:* {escape(choice['text']['text'])}"
    assert picked in rendered(private.body["blocks"])
    assert FeedbackRef.from_value(button(private.body, ids.FEEDBACK_HELPFUL)["value"])
    share = button(private.body, ids.SHARE_ANSWER)  # to share, should it be the right one
    live.api.fail("response_url", "expired_url")
    in_thread = {"ts": "1700000000.000901", "thread_ts": thread}
    click(
        live,
        ids.SHARE_ANSWER,
        share["value"],
        channel_id=channel,
        message=in_thread,
        ephemeral=True,
    )
    shared = only_post(live, posted + 2)
    assert (shared["channel"], shared["thread_ts"]) == (channel, thread)  # where it was asked
    assert picked in rendered(shared["blocks"])


def test_a_did_you_mean_choice_in_a_dm_falls_back_to_the_thread(live: LiveRoleFit) -> None:
    live.api.fail("response_url", "expired_url")
    value = AnswerRef("who handles planning", "po-sprint-planning").to_value()
    message = {"type": "message", "ts": "1700000000.000300", "thread_ts": "1700000000.000100"}
    click(live, f"{ids.DID_YOU_MEAN_PREFIX}1", value, channel_id="D_LEADER", message=message)
    post = only_post(live)
    assert (post["channel"], post["thread_ts"]) == ("D_LEADER", "1700000000.000100")
    assert "Planning the team's Agile sprints" in rendered(post["blocks"])


def test_a_did_you_mean_choice_in_the_answer_modal_updates_it(live: LiveRoleFit) -> None:
    value = AnswerRef("who handles planning", "po-sprint-planning").to_value()
    view = {"id": "V_ANSWER", "hash": "h1", "private_metadata": "C_GENERAL", "type": "modal"}
    click(live, f"{ids.DID_YOU_MEAN_PREFIX}0", value, view=view)
    (update,) = live.api.wait_for("views.update")
    assert (update.body["view_id"], update.body["hash"]) == ("V_ANSWER", "h1")
    assert "Planning the team's Agile sprints" in rendered(update.body["view"])


def test_ask_a_question_opens_the_form_and_its_submission_becomes_the_answer(
    live: LiveRoleFit,
) -> None:
    click(live, ids.OPEN_ASK_MODAL, "ask")
    (opened,) = live.api.wait_for("views.open")
    form = opened.body["view"]
    assert form["callback_id"] == ids.ASK_MODAL and form["private_metadata"] == "C_GENERAL"
    values = {
        ids.ASK_INPUT_BLOCK: {
            ids.ASK_INPUT: {"type": "plain_text_input", "value": "<!here> who owns pricing?"}
        }
    }
    status, _, body = live.post(live.requests.view_submission(form, values))
    assert status == 200
    reply = json.loads(body)
    assert reply["response_action"] == "update"
    assert_valid_view(reply["view"])
    assert "Product Manager" in rendered(reply["view"])
    assert "<!here>" not in rendered(reply["view"])


def test_an_empty_question_in_the_form_gets_an_inline_error(live: LiveRoleFit) -> None:
    values = {ids.ASK_INPUT_BLOCK: {ids.ASK_INPUT: {"type": "plain_text_input", "value": " :) "}}}
    form = {"callback_id": ids.ASK_MODAL, "type": "modal"}
    status, _, body = live.post(live.requests.view_submission(form, values))
    assert status == 200
    assert json.loads(body)["response_action"] == "errors"
    assert ids.ASK_INPUT_BLOCK in json.loads(body)["errors"]


def test_a_malformed_form_submission_gets_an_inline_error_not_a_500(live: LiveRoleFit) -> None:
    form = {"callback_id": ids.ASK_MODAL, "type": "modal"}
    for values in ({ids.ASK_INPUT_BLOCK: "who owns pricing?"}, {ids.ASK_INPUT_BLOCK: {}}):
        status, _, body = live.post(live.requests.view_submission(form, values))
        assert status == 200
        assert ids.ASK_INPUT_BLOCK in json.loads(body)["errors"]


def test_start_the_questionnaire_opens_it_at_once(live: LiveRoleFit) -> None:
    click(live, ids.OPEN_QUESTIONNAIRE, "hire")
    (opened,) = live.api.wait_for("views.open")
    assert opened.body["view"]["type"] == "modal"


def test_compare_the_roles_shows_them_to_the_clicker(live: LiveRoleFit) -> None:
    click(live, ids.SHOW_ROLES, "roles")
    (shown,) = live.api.wait_for("response_url")
    assert shown.body["response_type"] == "ephemeral"
    assert "When to hire a PM" in rendered(shown.body["blocks"])


def test_a_button_value_that_is_not_ours_gets_a_friendly_line(live: LiveRoleFit) -> None:
    click(live, ids.SHARE_ANSWER, "{not json")
    (notice,) = live.api.wait_for("response_url")
    assert "no longer works" in notice.body["text"]
    assert live.api.calls_to("chat.postMessage") == []


def test_malformed_payloads_are_refused_or_ignored_and_nothing_is_posted(
    live: LiveRoleFit,
) -> None:
    requests = live.requests
    for signed in (
        requests.interaction({"type": "block_actions", "actions": []}),
        requests.interaction({"type": "block_actions"}),
        requests.interaction({"type": "something_new"}),
        requests.signed(b"payload=%7Bnot-json", "application/x-www-form-urlencoded"),
        requests.signed(b"{not json", "application/json"),
        requests.event({"type": "message"}),  # no channel, user or text
        requests.event({"type": "app_mention", "text": 5}),
        requests.slash_command("x" * 10, command="/not-ours"),
    ):
        status, _, _ = live.post(signed)
        assert status in (200, 400, 404), signed.body[:80]
    acknowledged(live, requests.dm("who owns the go-to-market plan?"))
    assert "Go-to-market" in only_post(live)["text"]
    assert live.get("/healthz")[0] == 200
