"""RoleFit's tables: the one description of the schema, which the migrations create.

Times are seconds since the epoch (floats): the same on SQLite and PostgreSQL, and compared only
with each other.
"""

from __future__ import annotations

from sqlalchemy import JSON, Column, Float, Index, Integer, MetaData, String, Table, Text

metadata = MetaData()

# A key per effect (an event answered, a flow's advice posted, an answer shared). The primary key
# is the claim: whichever insert lands first owns the effect, on any process.
claims = Table(
    "claims",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("claimed_at", Float, nullable=False, index=True),
)

# Messages RoleFit owes after acknowledging Slack, until Slack has taken them (or the retry budget
# is spent: then they stay, marked failed, for an operator to see).
outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("claim", String(255), nullable=False, unique=True),
    Column("team", String(32), nullable=False),
    Column("message", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("due_at", Float, nullable=False),
    Column("lease_owner", String(64)),
    Column("lease_until", Float),
    Column("sent_channel", String(32)),
    Column("sent_ts", String(32)),
    Column("last_error", String(255)),
    Column("created_at", Float, nullable=False),
    Column("updated_at", Float, nullable=False),
    Index("outbox_due", "status", "due_at"),
)

# What the next turn of a conversation needs (knowledge.dialogue.Memory as JSON), for an hour.
conversations = Table(
    "conversations",
    metadata,
    Column("key", String(255), primary_key=True),
    Column("memory", Text, nullable=False),
    Column("updated_at", Float, nullable=False, index=True),
)
