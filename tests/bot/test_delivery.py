"""Posting where a flow started, or by DM with the reason, against the Web API stand-in.

The client is the app's own (`bot.app.web_client`), so its bounded retries on 429 are the ones
production runs with.
"""

from __future__ import annotations

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.app import web_client
from bot.blocks.kit import Message, section
from bot.delivery import deliver
from bot.sandbox import FakeSlackApi
from bot.sandbox.live import settings_for

MESSAGE: Message = {"text": "Hire a Product Manager", "blocks": [section("*Hire a PM*")]}


@pytest.fixture
def client(slack_api: FakeSlackApi) -> AsyncWebClient:
    return web_client(settings_for(slack_api.base_url))


def posts(slack_api: FakeSlackApi) -> list[tuple[str, str]]:
    """(channel, first block's text) of every chat.postMessage, in order."""
    return [
        (call.body["channel"], call.body["blocks"][0]["text"]["text"])
        for call in slack_api.calls_to("chat.postMessage")
    ]


async def test_a_channel_post_lands_in_the_channel(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    delivered = await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)
    assert delivered is not None and (delivered.channel, delivered.reason) == ("C_GENERAL", None)
    assert posts(slack_api) == [("C_GENERAL", "*Hire a PM*")]
    assert slack_api.calls_to("conversations.open") == []


async def test_not_in_channel_joins_and_posts_once_more(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.fail("chat.postMessage", "not_in_channel")
    delivered = await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)
    assert delivered is not None and (delivered.channel, delivered.reason) == ("C_GENERAL", None)
    assert [c.body["channel"] for c in slack_api.calls_to("conversations.join")] == ["C_GENERAL"]
    assert [channel for channel, _ in posts(slack_api)] == ["C_GENERAL", "C_GENERAL"]


@pytest.mark.parametrize(
    ("failures", "reason"),
    [
        ({"chat.postMessage": "channel_not_found"}, "couldn't find <#C_GENERAL>"),
        ({"chat.postMessage": "is_archived"}, "<#C_GENERAL> is archived"),
        (
            {
                "chat.postMessage": "not_in_channel",
                "conversations.join": "method_not_supported_for_channel_type",
            },
            "private and I'm not a member",
        ),
        (
            {"chat.postMessage": "not_in_channel", "conversations.join": "is_archived"},
            "is archived",
        ),
        (
            {"chat.postMessage": "not_in_channel", "conversations.join": "missing_scope"},
            "`missing_scope`",
        ),
        ({"chat.postMessage": "msg_too_long"}, "`msg_too_long`"),
    ],
)
async def test_a_refused_channel_post_goes_to_the_dm_with_the_reason(
    client: AsyncWebClient, slack_api: FakeSlackApi, failures: dict[str, str], reason: str
) -> None:
    for method, error in failures.items():
        slack_api.fail(method, error)
    delivered = await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)
    assert delivered is not None and delivered.channel == "D_LEADER"
    assert delivered.reason is not None and reason in delivered.reason
    dm_post = slack_api.calls_to("chat.postMessage")[-1]
    assert dm_post.body["channel"] == "D_LEADER"
    assert reason in dm_post.body["blocks"][0]["text"]["text"]
    assert dm_post.body["blocks"][1:] == MESSAGE["blocks"]
    assert reason in dm_post.body["text"]


async def test_a_failed_retry_after_joining_goes_to_the_dm(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.fail("chat.postMessage", "not_in_channel", times=2)
    delivered = await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)
    assert delivered is not None and delivered.channel == "D_LEADER"
    assert [channel for channel, _ in posts(slack_api)] == ["C_GENERAL", "C_GENERAL", "D_LEADER"]


async def test_rate_limiting_past_the_clients_retries_goes_to_the_dm(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.rate_limit("chat.postMessage", retry_after=0, times=2)  # first try + one retry
    delivered = await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)
    assert delivered is not None and delivered.channel == "D_LEADER"
    assert delivered.reason is not None and "rate-limiting" in delivered.reason
    assert [channel for channel, _ in posts(slack_api)] == ["C_GENERAL", "C_GENERAL", "D_LEADER"]


async def test_one_429_is_retried_and_still_lands_in_the_channel(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.rate_limit("chat.postMessage", retry_after=0)
    delivered = await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)
    assert delivered is not None and (delivered.channel, delivered.reason) == ("C_GENERAL", None)


async def test_the_users_own_dm_with_rolefit_gets_it_without_a_note(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    delivered = await deliver(client, "D_LEADER", "U_LEADER", MESSAGE)
    assert delivered is not None and (delivered.channel, delivered.reason) == ("D_LEADER", None)
    assert posts(slack_api) == [("D_LEADER", "*Hire a PM*")]


async def test_app_home_has_no_channel_so_the_dm_gets_it(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    delivered = await deliver(client, "", "U_LEADER", MESSAGE)
    assert delivered is not None and (delivered.channel, delivered.reason) == ("D_LEADER", None)


async def test_a_dm_between_other_people_is_never_posted_into(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    delivered = await deliver(client, "D_SOMEONE_ELSE", "U_LEADER", MESSAGE)
    assert delivered is not None and delivered.channel == "D_LEADER"
    assert delivered.reason is not None and "between other people" in delivered.reason
    assert [channel for channel, _ in posts(slack_api)] == ["D_LEADER"]


async def test_when_even_the_dm_fails_it_is_reported_not_raised(
    client: AsyncWebClient, slack_api: FakeSlackApi, caplog: pytest.LogCaptureFixture
) -> None:
    slack_api.fail("chat.postMessage", "is_archived")
    slack_api.fail("conversations.open", "user_not_found")
    assert await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE) is None
    assert "could not open a DM" in caplog.text
