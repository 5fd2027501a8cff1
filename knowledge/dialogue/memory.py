"""What RoleFit remembers of a conversation between two turns.

A conversation is a DM thread, a channel thread, or one person's `/rolefit` (the caller picks
the key and keeps the memory: the Slack app in its store, for an hour after the last turn).
Only what the next turn needs is kept: the intent, the question last answered, the hiring facts
so far.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from knowledge.dialogue.facts import HiringFacts


class Memory(BaseModel):
    """One conversation's state after a turn."""

    model_config = ConfigDict(frozen=True)

    intent: str
    question: str = ""  # the ownership question last answered, as RoleFit read it
    concept: str | None = None  # the concept last explained
    facts: HiringFacts | None = None  # the hiring facts gathered so far
    asked: int = 0  # questions RoleFit has asked back in this hiring conversation
    why_told_of: str = ""  # the question whose answer's reasons were last told ("why?")
    roles: tuple[str, ...] = ()  # the roles last described ("what does a PO do?"), by id
    listed: str = ""  # the list "the third one?" counts in, while its pieces are answered
    drafted: str = ""  # "ad" or "interview", last drafted for a hire ("and for a PO instead?")
