"""What listeners need, built once per app and handed to them through the request context.

`ProvideDeps` (bot.middleware) puts one `Deps` into every request's context; a listener reads it
with `deps_of(context)`. That is the only way listeners get the knowledge base, the matcher, the
store and the outbox, so a test can build an app over any knowledge base without patching.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from slack_bolt.async_app import AsyncBoltContext

from bot.after_ack import AfterAck
from bot.outbox import Outbox
from bot.replies import Replies
from bot.store.store import Store
from bot.turns import Turns
from bot.workspaces import Workspaces
from knowledge import KnowledgeBase, Matcher

DEPS_KEY = "rolefit_deps"


@dataclass(frozen=True)
class Deps:
    kb: KnowledgeBase
    matcher: Matcher
    store: Store
    outbox: Outbox
    replies: Replies = field(init=False)
    workspaces: Workspaces = field(init=False)  # each workspace's view: `await workspaces.of(team)`
    after_ack: AfterAck = field(default_factory=AfterAck)
    turns: Turns = field(default_factory=Turns)  # long texts are read one per pass of the loop

    def __post_init__(self) -> None:
        object.__setattr__(self, "replies", Replies(self.kb, self.matcher))
        object.__setattr__(self, "workspaces", Workspaces(self.replies, self.store))


def deps_of(context: AsyncBoltContext) -> Deps:
    deps: Deps = context[DEPS_KEY]
    return deps
