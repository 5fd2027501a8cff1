"""@RoleFit in a channel end to end: answered in a thread under the mention."""

from __future__ import annotations

from bot.sandbox import LiveRoleFit
from bot.sandbox.slack_api import BOT_USER_ID
from tests.bot.blocks.helpers import rendered
from tests.bot.listeners.helpers import acknowledged, event_of, only_post


def test_a_mention_is_answered_in_a_thread_under_it(live: LiveRoleFit) -> None:
    signed = live.requests.mention("who owns the product backlog?")
    acknowledged(live, signed)
    post = only_post(live)
    assert post["channel"] == "C_GENERAL"
    assert post["thread_ts"] == event_of(signed)["ts"]
    assert "work for the Product Owner" in rendered(post["blocks"])
    assert f"<@{BOT_USER_ID}>" not in rendered(post["blocks"])


def test_a_mention_inside_a_thread_answers_in_that_thread(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.mention("who owns pricing?", thread_ts="1700000000.000200"))
    assert only_post(live)["thread_ts"] == "1700000000.000200"


def test_a_bare_mention_or_a_greeting_gets_a_hello_and_help_gets_help(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.mention(""))
    acknowledged(live, live.requests.mention("hello!"))
    for call in live.api.wait_for("chat.postMessage", 2):
        assert call.body["text"].startswith("Hi!")
    acknowledged(live, live.requests.mention("what can you do?"))
    assert "/rolefit roles" in rendered(live.api.wait_for("chat.postMessage", 3)[-1].body["blocks"])


def test_mentions_by_bots_and_edited_mentions_are_ignored(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.mention("who owns the backlog?", bot_id="B_OTHER"))
    acknowledged(live, live.requests.mention("who owns the backlog?", subtype="bot_message"))
    acknowledged(live, live.requests.mention("who owns the go-to-market plan?"))
    assert "Go-to-market" in only_post(live)["text"]


def test_markup_in_a_mention_cannot_ping_the_channel(live: LiveRoleFit) -> None:
    acknowledged(live, live.requests.mention("<!channel> <!here> who owns the backlog?"))
    post = only_post(live)
    assert "<!channel>" not in rendered(post) and "<!here>" not in rendered(post)
