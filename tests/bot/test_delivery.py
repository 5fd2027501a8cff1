"""Sending one owed message where it belongs, or by DM with the reason, or "try later", against
the Web API stand-in, with the outbox's own client (no retries of its own: the outbox retries)."""

from __future__ import annotations

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.blocks.kit import Message, section
from bot.delivery import Delivered, TryLater, Undeliverable, send
from bot.installs import Clients
from bot.sandbox import FakeSlackApi
from bot.sandbox.live import settings_for
from bot.store.owed import Kind, Owed

MESSAGE: Message = {"text": "Hire a Product Manager", "blocks": [section("*Hire a PM*")]}


@pytest.fixture
async def client(slack_api: FakeSlackApi) -> AsyncWebClient:
    client = await Clients(settings_for(slack_api.base_url))("T1")
    assert client is not None
    return client


async def deliver(
    client: AsyncWebClient, channel: str, user: str, message: Message, kind: Kind = Kind.POST
) -> Delivered:
    return await send(client, Owed(kind=kind, team="T1", channel=channel, user=user, **message))


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
    assert (delivered.channel, delivered.reason) == ("C_GENERAL", None)
    assert posts(slack_api) == [("C_GENERAL", "*Hire a PM*")]
    assert slack_api.calls_to("conversations.open") == []


async def test_not_in_channel_joins_and_posts_once_more(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.fail("chat.postMessage", "not_in_channel")
    delivered = await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)
    assert (delivered.channel, delivered.reason) == ("C_GENERAL", None)
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
    assert delivered.channel == "D_LEADER"
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
    assert delivered.channel == "D_LEADER"
    assert [channel for channel, _ in posts(slack_api)] == ["C_GENERAL", "C_GENERAL", "D_LEADER"]


async def test_rate_limiting_is_try_later_with_slacks_retry_after(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.rate_limit("chat.postMessage", retry_after=7)
    with pytest.raises(TryLater) as later:
        await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)
    assert (later.value.code, later.value.retry_after) == ("ratelimited", 7)
    assert slack_api.calls_to("conversations.open") == []  # not sent to the DM instead


async def test_a_server_error_is_try_later(client: AsyncWebClient, slack_api: FakeSlackApi) -> None:
    slack_api.server_error("chat.postMessage")
    with pytest.raises(TryLater):
        await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)


async def test_an_answer_goes_into_its_thread(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    owed = Owed(
        kind=Kind.ANSWER,
        team="T1",
        channel="C_GENERAL",
        user="U_LEADER",
        thread_ts="1.2",
        **MESSAGE,
    )
    delivered = await send(client, owed)
    assert delivered.channel == "C_GENERAL" and delivered.ts is not None
    assert slack_api.calls_to("chat.postMessage")[0].body["thread_ts"] == "1.2"


async def test_the_users_own_dm_with_rolefit_gets_it_without_a_note(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    delivered = await deliver(client, "D_LEADER", "U_LEADER", MESSAGE)
    assert (delivered.channel, delivered.reason) == ("D_LEADER", None)
    assert posts(slack_api) == [("D_LEADER", "*Hire a PM*")]


async def test_app_home_has_no_channel_so_the_dm_gets_it(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    delivered = await deliver(client, "", "U_LEADER", MESSAGE)
    assert (delivered.channel, delivered.reason) == ("D_LEADER", None)


async def test_a_dm_between_other_people_is_never_posted_into(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    delivered = await deliver(client, "D_SOMEONE_ELSE", "U_LEADER", MESSAGE)
    assert delivered.channel == "D_LEADER"
    assert delivered.reason is not None and "between other people" in delivered.reason
    assert [channel for channel, _ in posts(slack_api)] == ["D_LEADER"]


async def test_when_even_the_dm_refuses_it_is_undeliverable(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    slack_api.fail("chat.postMessage", "is_archived")
    slack_api.fail("conversations.open", "user_not_found")
    with pytest.raises(Undeliverable, match="user_not_found"):
        await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE)


async def test_a_refused_share_whose_note_is_lost_too_is_tried_again(
    client: AsyncWebClient, slack_api: FakeSlackApi
) -> None:
    """Shared in an archived channel, and every way of telling the clicker failed as well: not
    delivered, so not marked sent (the outbox tries again, and keeps it as failed in the end)."""
    slack_api.fail("chat.postMessage", "is_archived")
    slack_api.server_error("chat.postEphemeral")
    slack_api.server_error("conversations.open")
    with pytest.raises(TryLater):
        await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE, kind=Kind.SHARE)
    slack_api.fail("chat.postMessage", "is_archived")
    delivered = await deliver(client, "C_GENERAL", "U_LEADER", MESSAGE, kind=Kind.SHARE)
    assert delivered.reason is not None  # refused there, and the clicker told privately
    assert [c.body["user"] for c in slack_api.calls_to("chat.postEphemeral")][-1] == "U_LEADER"
