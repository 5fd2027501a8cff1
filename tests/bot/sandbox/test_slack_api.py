"""The Web API stand-in, driven by Slack's own SDK client exactly as the app drives it."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.sandbox import FakeSlackApi
from bot.sandbox.slack_api import BOT_ID, BOT_USER_ID, TEAM_ID
from tests.conftest import assert_surfaces_valid
from tests.slack_schemas import shared_file

TOKEN = "xoxb-stand-in-test"
SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "Hi"}}
MODAL = {"type": "modal", "title": {"type": "plain_text", "text": "RoleFit"}, "blocks": [SECTION]}


@pytest.fixture
def client(slack_api: FakeSlackApi) -> Iterator[WebClient]:
    yield WebClient(token=TOKEN, base_url=slack_api.base_url, timeout=5)


def slack_error(call: object) -> SlackApiError:
    with pytest.raises(SlackApiError) as raised:
        call()  # type: ignore[operator]
    return raised.value


def test_auth_test_names_the_bot_and_workspace(client: WebClient) -> None:
    answer = client.auth_test()
    assert (answer["user_id"], answer["bot_id"], answer["team_id"]) == (
        BOT_USER_ID,
        BOT_ID,
        TEAM_ID,
    )


def test_post_message_answers_with_ts_and_records_the_parsed_body(
    client: WebClient, slack_api: FakeSlackApi
) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "Hi"}}]
    answer = client.chat_postMessage(channel="C_GENERAL", text="Hi", blocks=blocks)
    assert answer["channel"] == "C_GENERAL"
    assert answer["message"]["ts"] == answer["ts"]
    [call] = slack_api.calls_to("chat.postMessage")
    assert call.body == {"channel": "C_GENERAL", "text": "Hi", "blocks": blocks}
    assert call.authorized


def test_tokens_are_never_recorded(client: WebClient, slack_api: FakeSlackApi) -> None:
    client.chat_postMessage(channel="C_GENERAL", text="Hi")
    client.api_call("auth.test", params={"token": TOKEN})
    assert TOKEN not in repr(slack_api.calls)


def test_form_encoded_blocks_are_decoded_like_json_ones(slack_api: FakeSlackApi) -> None:
    client = WebClient(token=TOKEN, base_url=slack_api.base_url)
    client.api_call(
        "chat.postEphemeral",
        data={"channel": "C_GENERAL", "user": "U_LEADER", "blocks": '[{"type": "divider"}]'},
    )
    assert slack_api.calls_to("chat.postEphemeral")[0].body["blocks"] == [{"type": "divider"}]


def test_message_to_a_user_id_lands_in_their_dm(client: WebClient) -> None:
    assert client.chat_postMessage(channel="U_LEADER", text="Hi")["channel"] == "D_LEADER"


def test_post_message_without_content_is_refused_like_slack(client: WebClient) -> None:
    with pytest.warns(UserWarning, match="text"):
        error = slack_error(lambda: client.chat_postMessage(channel="C_GENERAL"))
    assert error.response["error"] == "no_text"


def test_conversations_open_and_info(client: WebClient) -> None:
    assert client.conversations_open(users="U_LEADER")["channel"]["id"] == "D_LEADER"
    info = client.conversations_info(channel="C_GENERAL")["channel"]
    assert (info["name"], info["is_member"], info["is_archived"]) == ("general", True, False)
    assert client.conversations_join(channel="C_GENERAL")["channel"]["id"] == "C_GENERAL"


def test_views_get_an_id_and_a_hash_and_a_stale_hash_conflicts(client: WebClient) -> None:
    opened = client.views_open(trigger_id="1.2.3", view=MODAL)["view"]
    assert opened["id"].startswith("V") and opened["hash"]
    updated = client.views_update(view_id=opened["id"], hash=opened["hash"], view=MODAL)["view"]
    assert updated["id"] == opened["id"] and updated["hash"] != opened["hash"]
    stale = slack_error(
        lambda: client.views_update(view_id=opened["id"], hash=opened["hash"], view=MODAL)
    )
    assert stale.response["error"] == "hash_conflict"
    home = {"type": "home", "blocks": [SECTION]}
    assert client.views_publish(user_id="U_LEADER", view=home)["view"]["type"] == "home"


def test_fail_answers_with_slack_errors_for_the_given_number_of_calls(
    client: WebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.fail("chat.postMessage", "not_in_channel", times=2)
    for _ in range(2):
        error = slack_error(lambda: client.chat_postMessage(channel="C_GENERAL", text="Hi"))
        assert (error.response.status_code, error.response["error"]) == (200, "not_in_channel")
    assert client.chat_postMessage(channel="C_GENERAL", text="Hi")["ok"]


def test_rate_limit_answers_429_with_retry_after(
    client: WebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.rate_limit("chat.postMessage", retry_after=7)
    error = slack_error(lambda: client.chat_postMessage(channel="C_GENERAL", text="Hi"))
    assert error.response.status_code == 429
    assert error.response.headers["Retry-After"] == "7"
    assert error.response["error"] == "ratelimited"


def test_server_error_answers_500(client: WebClient, slack_api: FakeSlackApi) -> None:
    slack_api.server_error("views.open")
    assert slack_error(
        lambda: client.views_open(trigger_id="1", view=MODAL)
    ).response.status_code == (500)


def test_delay_holds_the_answer_but_records_the_call_at_once(
    client: WebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.delay("chat.postMessage", 0.3)
    started = time.perf_counter()
    client.chat_postMessage(channel="C_GENERAL", text="Hi")
    assert time.perf_counter() - started >= 0.3
    [call] = slack_api.calls_to("chat.postMessage")
    assert call.received_at - started < 0.3


def test_unknown_methods_and_missing_tokens_are_refused(slack_api: FakeSlackApi) -> None:
    client = WebClient(token=TOKEN, base_url=slack_api.base_url)
    assert slack_error(lambda: client.api_call("rolefit.nothing")).response["error"] == (
        "unknown_method"
    )
    anonymous = WebClient(base_url=slack_api.base_url)
    assert slack_error(anonymous.auth_test).response["error"] == "not_authed"


def test_response_url_posts_are_recorded(slack_api: FakeSlackApi) -> None:
    answer = WebhookClient(slack_api.response_url("r7")).send(
        text="Done", response_type="in_channel"
    )
    assert answer.status_code == 200
    [call] = slack_api.calls_to("response_url")
    assert call.path.endswith("/r7")
    assert call.body == {"text": "Done", "response_type": "in_channel"}


def test_wait_for_blocks_until_work_done_elsewhere_arrives(
    client: WebClient, slack_api: FakeSlackApi
) -> None:
    later = threading.Timer(0.2, lambda: client.chat_postMessage(channel="C_GENERAL", text="Hi"))
    later.start()
    [call] = slack_api.wait_for("chat.postMessage", timeout=5)
    assert call.body["text"] == "Hi"
    later.join()


def test_subscribers_hear_each_call_as_it_arrives(
    client: WebClient, slack_api: FakeSlackApi
) -> None:
    heard: list[str] = []
    slack_api.subscribe(lambda call: heard.append(call.method))
    client.auth_test()
    client.chat_postMessage(channel="C_GENERAL", text="Hi")
    assert heard == ["auth.test", "chat.postMessage"]


def test_wait_for_says_what_was_called_instead(client: WebClient, slack_api: FakeSlackApi) -> None:
    client.auth_test()
    with pytest.raises(TimeoutError, match=r"chat\.postMessage.*auth\.test"):
        slack_api.wait_for("chat.postMessage", timeout=0.1)


def test_invalid_block_kit_sent_through_the_stand_in_fails_the_test(
    client: WebClient, slack_api: FakeSlackApi
) -> None:
    shared_file("slack", "blockkit.schema.json")
    client.chat_postMessage(channel="C_GENERAL", text="Hi", blocks=[{"type": "section"}])
    client.views_open(trigger_id="1", view={**MODAL, "title": {"type": "mrkdwn", "text": "x"}})
    [message, view] = slack_api.calls
    with pytest.raises(AssertionError, match=r"chat\.postMessage sent invalid Block Kit"):
        assert_surfaces_valid([message])
    with pytest.raises(AssertionError, match=r"views\.open sent invalid Block Kit"):
        assert_surfaces_valid([view])
    slack_api.reset()  # keep the fixture's own end-of-test check from failing this test


def test_ports_are_free_ones_and_stop_releases_them() -> None:
    with FakeSlackApi() as first, FakeSlackApi() as second:
        assert first.base_url != second.base_url
    first.stop()  # a second stop is harmless
