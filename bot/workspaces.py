"""Each workspace's view of the knowledge: the shared base (built-ins plus file overlays) with what
that workspace's admins added from Slack (who holds each role, phrasings they taught) on top.

A workspace that added nothing is answered by the shared view, so it costs no memory and no
build. One that named holders gets its own knowledge base but shares the matcher (holders only
change how an answer is shown). One that taught phrasings gets its own matcher (~50 ms to build,
off the event loop, and a few MB: views are kept for the `VIEWS_KEPT` most recently active
workspaces).

Every view has its own `Replies`, so its first-turn reply cache can never show one workspace's
holders or phrasing-based answers to another.

Freshness across processes: a view is current while the store's `additions(team)` (one query:
the holders and a mark of the phrasings) reads the same. It is asked at most once every
`recheck_after` seconds per workspace per process, and at once after this process changed the
workspace (`changed`): another process sees an admin's change within a second, this one at once,
and a busy workspace costs one small query a second rather than one per request.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from time import monotonic

from cachetools import LRUCache, TTLCache

from bot.replies import Replies
from bot.store.store import Additions, Clock, Store
from knowledge import KnowledgeBase, Matcher
from knowledge.additions import with_additions
from knowledge.dialogue import Chat

NOTHING_ADDED = Additions({}, (0, 0))
# Views kept at once: a workspace's own matcher is a few MB; the least recently asked go first.
VIEWS_KEPT = 200
# A workspace's own first-turn replies: fewer than the shared view's, as there may be hundreds.
_OWN_REPLIES = 256


@dataclass(frozen=True)
class Workspace:
    """The knowledge one workspace is answered with."""

    kb: KnowledgeBase
    matcher: Matcher
    replies: Replies
    additions: Additions = NOTHING_ADDED
    phrasings: tuple[tuple[str, str], ...] = ()


class Workspaces:
    """Every workspace's view, kept for the `VIEWS_KEPT` most recently active ones."""

    def __init__(
        self, shared: Replies, store: Store, *, recheck_after: float = 1.0, clock: Clock = monotonic
    ) -> None:
        self.shared = Workspace(shared.kb, shared.chat.matcher, shared)
        self._store = store
        self._views: LRUCache[str, Workspace] = LRUCache(maxsize=VIEWS_KEPT)
        self._checked: TTLCache[str, bool] = TTLCache(
            maxsize=10 * VIEWS_KEPT, ttl=recheck_after, timer=clock
        )

    async def of(self, team: str | None) -> Workspace:
        """`team`'s view of the knowledge (the shared one for a request without a team)."""
        if not team:
            return self.shared
        known = self._views.get(team, self.shared)
        if team in self._checked:
            return known
        additions = await self._store.additions(team)
        if additions != known.additions:
            known = await self._build(team, additions, known)
        if known is self.shared:
            self._views.pop(team, None)
        else:
            self._views[team] = known
        self._checked[team] = True
        return known

    def changed(self, team: str) -> None:
        """This process just changed `team`'s additions: read them again on its next request."""
        self._checked.pop(team, None)

    async def _build(self, team: str, additions: Additions, before: Workspace) -> Workspace:
        if additions == NOTHING_ADDED:
            return self.shared
        base = self.shared
        if additions.phrasings == (0, 0):
            phrasings: tuple[tuple[str, str], ...] = ()
            matcher, chat = base.matcher, base.replies.chat
        elif additions.phrasings == before.additions.phrasings:
            phrasings = before.phrasings
            matcher, chat = before.matcher, before.replies.chat
        else:
            phrasings = tuple(await self._store.phrasings(team))
            taught = with_additions(base.kb, {}, phrasings)
            matcher, chat = await asyncio.to_thread(_answering, taught)
        kb = with_additions(base.kb, additions.holders, phrasings)
        replies = Replies(kb, matcher, size=_OWN_REPLIES, chat=chat)
        return Workspace(kb, matcher, replies, additions, phrasings)


def _answering(kb: KnowledgeBase) -> tuple[Matcher, Chat]:
    """A matcher and a conversation over `kb` (holders play no part in either)."""
    matcher = Matcher(kb)
    return matcher, Chat(kb, matcher)
