"""RoleFit's tables: the one description of the schema, which the migrations create.

Times are seconds since the epoch (floats): the same on SQLite and PostgreSQL, and compared only
with each other.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

# A question's id: 64 bits; on SQLite an INTEGER key (the rowid), which is 64 bits there.
QUESTION_ID = BigInteger().with_variant(Integer, "sqlite")

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

# -- one workspace's own: settings, who holds the roles, phrasings it taught, questions, feedback.
# Every row names its team, and all of a team's rows go when it uninstalls RoleFit.

workspaces = Table(
    "workspaces",
    metadata,
    Column("team", String(32), primary_key=True),
    # Days a question's text is kept for insights; 0 keeps the counts and no text at all.
    Column("retention_days", Integer, nullable=False),
    Column("updated_at", Float, nullable=False),
)

role_holders = Table(
    "role_holders",
    metadata,
    Column("team", String(32), primary_key=True),
    Column("role", String(32), primary_key=True),  # product-owner / product-manager
    Column("holders", JSON, nullable=False),  # Slack user (U…/W…) or user group (S…) ids
    Column("set_by", String(32), nullable=False),
    Column("updated_at", Float, nullable=False),
)

phrasings = Table(
    "phrasings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team", String(32), nullable=False),
    Column("responsibility", String(64), nullable=False),  # a knowledge base responsibility id
    Column("phrase", String(300), nullable=False),
    Column("added_by", String(32), nullable=False),
    Column("added_at", Float, nullable=False),
    UniqueConstraint("team", "phrase", name="phrasings_once_per_team"),
)

questions = Table(
    "questions",
    metadata,
    # Made by the app (`bot.store.store.new_question_id`), so an answer can carry it before the
    # question is written.
    Column("id", QUESTION_ID, primary_key=True, autoincrement=False),
    Column("team", String(32), nullable=False),
    Column("user", String(32), nullable=False),
    Column("asked_at", Float, nullable=False),
    Column("text", Text),  # None once past the workspace's retention (or with retention 0)
    Column("intent", String(16), nullable=False),
    Column("owners", String(64)),  # "product-owner", "product-owner,product-manager", "" or None
    Column("confidence", Float),
    Column("responsibility", String(64)),
    Column("recommendation", String(32)),  # hiring advice given, if any
    Index("questions_by_team", "team", "asked_at"),
)

feedback = Table(
    "feedback",
    metadata,
    Column("key", String(255), primary_key=True),  # one vote per person per answer
    Column("team", String(32), nullable=False),
    Column("user", String(32), nullable=False),
    Column("question_id", QUESTION_ID),
    Column("helpful", Boolean, nullable=False),
    Column("role", String(32)),  # what it should have been, when not helpful
    Column("comment", Text),
    Column("at", Float, nullable=False),
    Index("feedback_by_team", "team", "at"),
)
