"""What RoleFit owes someone once it has acknowledged Slack: a message, where it goes, and what to
do when that place refuses it. Stored as JSON in the outbox; delivered by bot.outbox."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict


class Kind(StrEnum):
    ANSWER = "answer"  # a reply in a DM or a mention's thread; refused → the person's DM
    POST = "post"  # hiring advice for the channel; refused → the person's DM, saying why
    SHARE = "share"  # an answer shared with the channel; refused → told to the clicker privately


class Owed(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: Kind
    team: str
    enterprise: str | None = None  # the Enterprise Grid org the workspace belongs to, if any
    channel: str  # a C…/G… channel, a D… DM, or "" (App Home: the person's DM)
    user: str  # the person it is for: the DM fallback
    text: str
    blocks: list[dict[str, Any]]
    thread_ts: str | None = None
    response_url: str | None = None  # a share's click: posts even where RoleFit is no member


class Pending(BaseModel):
    """One outbox row as the worker and `rolefit outbox list` see it."""

    id: int
    claim: str
    owed: Owed
    status: str
    attempts: int
    due_at: float
    sent_channel: str | None = None
    sent_ts: str | None = None
    last_error: str | None = None
    # Until when a process holds it (sending it); None when nobody does.
    lease_until: float | None = None
