"""What listeners need, built once per app and handed to them through the request context.

`ProvideDeps` (bot.middleware) puts one `Deps` into every request's context; a listener reads it
with `deps_of(context)`. That is the only way listeners get the knowledge base, the matcher and
the app's memories, so a test can build an app over any knowledge base without patching.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cachetools import TTLCache
from slack_bolt.async_app import AsyncBoltContext

from bot.after_ack import AfterAck
from bot.replies import Replies
from knowledge import KnowledgeBase, Matcher
from knowledge.dialogue.memory import Conversations, RecentConversations

DEPS_KEY = "rolefit_deps"
# Slack retries an event for about five minutes (https://api.slack.com/apis/events-api#retries);
# questionnaire submissions repeat within seconds. Both memories forget after 15 minutes.
REMEMBER_SECONDS = 15 * 60
REMEMBER_AT_MOST = 10_000


def _recent_ids() -> TTLCache[str, bool]:
    return TTLCache(maxsize=REMEMBER_AT_MOST, ttl=REMEMBER_SECONDS)


@dataclass(frozen=True)
class Deps:
    kb: KnowledgeBase
    matcher: Matcher
    conversations: Conversations = field(default_factory=RecentConversations)
    replies: Replies = field(init=False)
    after_ack: AfterAck = field(default_factory=AfterAck)
    seen_events: TTLCache[str, bool] = field(default_factory=_recent_ids)
    posted_flows: TTLCache[str, bool] = field(default_factory=_recent_ids)

    def __post_init__(self) -> None:
        object.__setattr__(self, "replies", Replies(self.kb, self.matcher, self.conversations))


def deps_of(context: AsyncBoltContext) -> Deps:
    deps: Deps = context[DEPS_KEY]
    return deps


def first_time(memory: TTLCache[str, bool], key: str) -> bool:
    """True the first time `key` is offered while remembered; remembers it either way."""
    if key in memory:
        return False
    memory[key] = True
    return True
