"""What RoleFit remembers of a conversation between two turns, and where it keeps it.

A conversation is a DM thread, a channel thread, or one person's `/rolefit` (the caller picks
the key). Only what the next turn needs is kept — the intent, the question last answered, the
hiring facts so far — for a bounded time, behind `Conversations`, so a database can hold it later
without any listener changing.
"""

from __future__ import annotations

from typing import Protocol

from cachetools import TTLCache
from pydantic import BaseModel, ConfigDict

from knowledge.dialogue.facts import HiringFacts

# A conversation is forgotten an hour after its last turn; at most this many are kept.
FORGET_AFTER_SECONDS = 60 * 60
CONVERSATIONS_KEPT = 10_000


class Memory(BaseModel):
    """One conversation's state after a turn."""

    model_config = ConfigDict(frozen=True)

    intent: str
    question: str = ""  # the ownership question last answered, as RoleFit read it
    concept: str | None = None  # the concept last explained
    facts: HiringFacts | None = None  # the hiring facts gathered so far
    asked: int = 0  # questions RoleFit has asked back in this hiring conversation


class Conversations(Protocol):
    """Where memories live between turns."""

    def recall(self, key: str) -> Memory | None: ...

    def remember(self, key: str, memory: Memory) -> None: ...


class RecentConversations:
    """Memories in this process, bounded in number and time."""

    def __init__(
        self, *, kept: int = CONVERSATIONS_KEPT, seconds: float = FORGET_AFTER_SECONDS
    ) -> None:
        self._memories: TTLCache[str, Memory] = TTLCache(maxsize=kept, ttl=seconds)

    def recall(self, key: str) -> Memory | None:
        return self._memories.get(key)

    def remember(self, key: str, memory: Memory) -> None:
        self._memories[key] = memory
