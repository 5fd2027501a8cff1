"""Each workspace's view of the knowledge: the shared one until it adds something, its own kb for
holders (sharing the matcher), its own matcher for phrasings, and fresh across processes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.blocks.kit import Message
from bot.replies import Replies
from bot.store.store import Store
from bot.workspaces import Workspaces
from knowledge import KnowledgeBase, Matcher
from tests.bot.blocks.helpers import rendered

TAUGHT = "who runs the zorblax ritual?"


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = Store(f"sqlite:///{tmp_path}/rolefit.db")
    await opened.upgrade()
    yield opened
    await opened.close()


@pytest.fixture
def shared(kb: KnowledgeBase, matcher: Matcher) -> Replies:
    return Replies(kb, matcher)


def shown(message: Message) -> str:
    return rendered(dict(message))


async def test_a_workspace_that_added_nothing_is_answered_by_the_shared_view(
    store: Store, shared: Replies
) -> None:
    workspaces = Workspaces(shared, store)
    assert await workspaces.of("T1") is workspaces.shared
    assert await workspaces.of(None) is workspaces.shared
    assert workspaces.shared.replies is shared


async def test_holders_get_their_own_kb_and_replies_but_share_the_matcher(
    store: Store, shared: Replies
) -> None:
    workspaces = Workspaces(shared, store)
    await store.set_holders("T1", "product-owner", ["U0DANA"], "U0ADMIN")
    one = await workspaces.of("T1")
    assert one.matcher is workspaces.shared.matcher and one.replies.chat is shared.chat
    assert one.kb.roles["product-owner"].holders == ["U0DANA"]
    question = "who owns the product backlog?"
    assert "here that's <@U0DANA>" in shown(one.replies.turn(question, None).message)
    other = await workspaces.of("T2")
    assert "here that's" not in shown(other.replies.turn(question, None).message)
    assert await workspaces.of("T1") is one  # cached


async def test_a_phrasing_builds_a_matcher_for_that_workspace_only(
    store: Store, shared: Replies
) -> None:
    workspaces = Workspaces(shared, store)
    await store.add_phrasing("T1", "po-backlog", "zorblax ritual", "U0ADMIN")
    one = await workspaces.of("T1")
    assert one.matcher is not workspaces.shared.matcher
    assert one.matcher.answer(TAUGHT).owners == ["product-owner"]
    assert (await workspaces.of("T2")).matcher.answer(TAUGHT).owners == []
    await store.set_holders("T1", "product-owner", ["U0DANA"], "U0ADMIN")
    workspaces.changed("T1")
    again = await workspaces.of("T1")
    assert again.matcher is one.matcher and again.kb.roles["product-owner"].holders == ["U0DANA"]


async def test_another_process_sees_a_change_within_the_recheck_window(
    store: Store, shared: Replies
) -> None:
    clock = Clock()
    elsewhere = Workspaces(shared, store, recheck_after=1.0, clock=clock)
    assert await elsewhere.of("T1") is elsewhere.shared
    await store.add_phrasing("T1", "po-backlog", "zorblax ritual", "U0ADMIN")  # another process
    assert await elsewhere.of("T1") is elsewhere.shared  # within the second: not asked again
    clock.now += 1.5
    assert (await elsewhere.of("T1")).matcher.answer(TAUGHT).owners == ["product-owner"]
    await store.delete_team("T1")  # uninstalled
    clock.now += 1.5
    assert await elsewhere.of("T1") is elsewhere.shared
