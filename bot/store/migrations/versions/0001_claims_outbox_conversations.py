"""Claims, the outbox and conversation memories.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("claimed_at", sa.Float, nullable=False),
    )
    op.create_index("ix_claims_claimed_at", "claims", ["claimed_at"])
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("claim", sa.String(255), nullable=False, unique=True),
        sa.Column("team", sa.String(32), nullable=False),
        sa.Column("message", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("due_at", sa.Float, nullable=False),
        sa.Column("lease_owner", sa.String(64)),
        sa.Column("lease_until", sa.Float),
        sa.Column("sent_channel", sa.String(32)),
        sa.Column("sent_ts", sa.String(32)),
        sa.Column("last_error", sa.String(255)),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("outbox_due", "outbox", ["status", "due_at"])
    op.create_table(
        "conversations",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("memory", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_index("ix_conversations_updated_at", "conversations", ["updated_at"])


def downgrade() -> None:
    op.drop_table("conversations")
    op.drop_table("outbox")
    op.drop_table("claims")
