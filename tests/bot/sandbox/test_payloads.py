"""Signed requests: checked with Slack's own verifier and parsed the way Bolt parses them."""

from __future__ import annotations

import json
import time
from typing import Any
from urllib.parse import parse_qs

from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier

from bot.sandbox import SignedRequest, SlackRequests
from bot.sandbox.live import TEST_SIGNING_SECRET
from bot.sandbox.slack_api import BOT_USER_ID, TEAM_ID

VERIFIER = SignatureVerifier(TEST_SIGNING_SECRET)
SLASH_COMMAND_FIELDS = {
    "token", "team_id", "team_domain", "channel_id", "channel_name", "user_id", "user_name",
    "command", "text", "api_app_id", "is_enterprise_install", "response_url", "trigger_id",
}  # fmt: skip


def parsed(request: SignedRequest) -> dict[str, Any]:
    body: dict[str, Any] = parse_body(request.body.decode(), request.headers["Content-Type"])
    return body


def test_slash_command_is_signed_and_carries_every_field(slack_requests: SlackRequests) -> None:
    request = slack_requests.slash_command("who owns the backlog? 🚀 <!channel>")
    assert VERIFIER.is_valid_request(request.body, request.headers)
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    form = parse_qs(request.body.decode())
    assert set(form) == SLASH_COMMAND_FIELDS
    assert form["text"] == ["who owns the backlog? 🚀 <!channel>"]
    assert (form["command"], form["user_id"], form["channel_id"]) == (
        ["/rolefit"], ["U_LEADER"], ["C_GENERAL"]
    )  # fmt: skip


def test_each_command_gets_its_own_trigger_and_response_url() -> None:
    requests = SlackRequests(TEST_SIGNING_SECRET, response_url_base="http://127.0.0.1:9/response/")
    first, second = (parsed(requests.slash_command("")) for _ in range(2))
    assert first["trigger_id"] != second["trigger_id"]
    assert first["response_url"].startswith("http://127.0.0.1:9/response/")
    assert first["response_url"] != second["response_url"]


def test_a_stale_or_foreign_signature_does_not_verify(slack_requests: SlackRequests) -> None:
    body = slack_requests.slash_command("hi").body
    stale = slack_requests.signed(body, "application/x-www-form-urlencoded", int(time.time()) - 301)
    assert not VERIFIER.is_valid_request(stale.body, stale.headers)
    foreign = SlackRequests("someone-else").slash_command("hi")
    assert not VERIFIER.is_valid_request(foreign.body, foreign.headers)


def test_with_headers_replaces_or_drops_headers(slack_requests: SlackRequests) -> None:
    request = slack_requests.slash_command("hi").with_headers(X_Slack_Signature=None, X_Extra="1")
    assert "X-Slack-Signature" not in request.headers
    assert request.headers["X-Extra"] == "1"


def test_dm_is_an_event_callback_envelope_slack_would_send(slack_requests: SlackRequests) -> None:
    request = slack_requests.dm("who writes user stories?")
    assert VERIFIER.is_valid_request(request.body, request.headers)
    envelope = parsed(request)
    assert envelope["type"] == "event_callback"
    assert envelope["team_id"] == TEAM_ID
    assert envelope["event_id"] and envelope["event_time"]
    assert envelope["authorizations"][0]["user_id"] == BOT_USER_ID
    event = envelope["event"]
    assert (event["type"], event["channel_type"], event["channel"]) == ("message", "im", "D_LEADER")
    assert event["text"] == "who writes user stories?"


def test_mention_starts_with_the_bot_and_takes_extra_fields(slack_requests: SlackRequests) -> None:
    event = parsed(slack_requests.mention("who owns pricing?", thread_ts="1.2"))["event"]
    assert event["type"] == "app_mention"
    assert event["text"] == f"<@{BOT_USER_ID}> who owns pricing?"
    assert event["thread_ts"] == "1.2"


def test_a_retry_is_the_same_delivery_with_retry_headers(slack_requests: SlackRequests) -> None:
    first = slack_requests.dm("hello")
    retry = slack_requests.retry(first, 2, "http_timeout")
    assert retry.body == first.body
    assert VERIFIER.is_valid_request(retry.body, retry.headers)
    assert (retry.headers["X-Slack-Retry-Num"], retry.headers["X-Slack-Retry-Reason"]) == (
        "2", "http_timeout"
    )  # fmt: skip
    assert "X-Slack-Retry-Num" not in first.headers
    event = slack_requests.event({"type": "message"}, event_id="Ev1", retry_num=1)
    assert parsed(event)["event_id"] == "Ev1" and event.headers["X-Slack-Retry-Num"] == "1"


def test_interactions_are_form_encoded_json_payloads(slack_requests: SlackRequests) -> None:
    request = slack_requests.block_action("share_in_channel", "backlog")
    assert VERIFIER.is_valid_request(request.body, request.headers)
    payload = parsed(request)
    assert payload["type"] == "block_actions"
    assert payload["actions"][0]["action_id"] == "share_in_channel"
    assert payload["actions"][0]["value"] == "backlog"
    assert payload["container"]["channel_id"] == "C_GENERAL"
    assert payload["response_url"] and payload["trigger_id"]


def test_a_click_on_an_ephemeral_message_leaves_the_message_out_as_slack_does(
    slack_requests: SlackRequests,
) -> None:
    message = {"type": "message", "ts": "1700000000.000300", "thread_ts": "1700000000.000100"}
    action = {"type": "static_select", "action_id": "pick", "selected_option": {"value": "b"}}
    request = slack_requests.block_action(
        "pick", message=message, ephemeral=True, action=action, response_url="http://r/1"
    )
    payload = parsed(request)
    assert "message" not in payload
    assert payload["container"] == {
        "type": "message",
        "message_ts": "1700000000.000300",
        "channel_id": "C_GENERAL",
        "is_ephemeral": True,
        "thread_ts": "1700000000.000100",
    }
    assert (payload["actions"], payload["response_url"]) == ([action], "http://r/1")
    shown = parsed(slack_requests.block_action("pick", message=message))
    assert shown["message"] == message and shown["container"]["is_ephemeral"] is False


def test_a_click_in_a_view_carries_the_view_and_its_state_but_no_channel(
    slack_requests: SlackRequests,
) -> None:
    values = {"stage": {"pick": {"type": "radio_buttons", "selected_option": None}}}
    view = {"type": "modal", "id": "V1", "hash": "h1", "state": {"values": values}}
    payload = parsed(slack_requests.block_action("back", view=view))
    assert payload["container"] == {"type": "view", "view_id": "V1"}
    assert (payload["view"]["hash"], payload["view"]["team_id"]) == ("h1", TEAM_ID)
    assert payload["state"] == {"values": values}
    assert "channel" not in payload and "response_url" not in payload


def test_people_are_named_and_may_type_the_mention_anywhere(
    slack_requests: SlackRequests,
) -> None:
    user = parsed(slack_requests.block_action("x", user_id="U_YOU"))["user"]
    assert (user["id"], user["username"], user["name"]) == ("U_YOU", "you", "you")
    assert parsed(slack_requests.slash_command("hi"))["user_name"] == "u_leader"
    typed = f"hey <@{BOT_USER_ID}> who owns pricing?"
    assert parsed(slack_requests.mention(typed))["event"]["text"] == typed


def test_view_closed_carries_the_view(slack_requests: SlackRequests) -> None:
    payload = parsed(slack_requests.view_closed({"type": "modal", "id": "V1", "hash": "h"}))
    assert (payload["type"], payload["view"]["id"], payload["is_cleared"]) == (
        "view_closed", "V1", False
    )  # fmt: skip


def test_view_submission_carries_the_state_values(slack_requests: SlackRequests) -> None:
    values = {"stage": {"pick": {"type": "radio_buttons", "selected_option": {"value": "startup"}}}}
    request = slack_requests.view_submission({"callback_id": "hire_step_1"}, values)
    payload = json.loads(parse_qs(request.body.decode())["payload"][0])
    assert payload["type"] == "view_submission"
    assert payload["view"]["callback_id"] == "hire_step_1"
    assert payload["view"]["state"]["values"] == values


def test_ids_never_repeat_across_instances() -> None:
    first, second = SlackRequests(TEST_SIGNING_SECRET), SlackRequests(TEST_SIGNING_SECRET)
    ids = {parsed(requests.dm("hi"))["event_id"] for requests in (first, second, first)}
    assert len(ids) == 3
