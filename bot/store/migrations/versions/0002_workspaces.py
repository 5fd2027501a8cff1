"""Many workspaces: Slack's installations and OAuth states (slack_sdk's own tables), and each
workspace's settings, role holders, phrasings, questions and feedback.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# slack_sdk's tables, as its SQLAlchemy stores define them (their default names).
INSTALLATIONS = "slack_installations"
BOTS = "slack_bots"
OAUTH_STATES = "slack_oauth_states"


def _slack_tables() -> list[sa.Table]:
    metadata = sa.MetaData()
    return [
        SQLAlchemyInstallationStore.build_installations_table(metadata, INSTALLATIONS),
        SQLAlchemyInstallationStore.build_bots_table(metadata, BOTS),
        SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, OAUTH_STATES),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    for table in _slack_tables():
        table.create(bind)
    op.create_table(
        "workspaces",
        sa.Column("team", sa.String(32), primary_key=True),
        sa.Column("retention_days", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_table(
        "role_holders",
        sa.Column("team", sa.String(32), primary_key=True),
        sa.Column("role", sa.String(32), primary_key=True),
        sa.Column("holders", sa.JSON, nullable=False),
        sa.Column("set_by", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.Float, nullable=False),
    )
    op.create_table(
        "phrasings",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("team", sa.String(32), nullable=False),
        sa.Column("responsibility", sa.String(64), nullable=False),
        sa.Column("phrase", sa.String(300), nullable=False),
        sa.Column("added_by", sa.String(32), nullable=False),
        sa.Column("added_at", sa.Float, nullable=False),
        sa.UniqueConstraint("team", "phrase", name="phrasings_once_per_team"),
    )
    op.create_table(
        "questions",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("team", sa.String(32), nullable=False),
        sa.Column("user", sa.String(32), nullable=False),
        sa.Column("asked_at", sa.Float, nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("intent", sa.String(16), nullable=False),
        sa.Column("owners", sa.String(64)),
        sa.Column("confidence", sa.Float),
        sa.Column("responsibility", sa.String(64)),
        sa.Column("recommendation", sa.String(32)),
    )
    op.create_index("questions_by_team", "questions", ["team", "asked_at"])
    op.create_table(
        "feedback",
        sa.Column("key", sa.String(255), primary_key=True),
        sa.Column("team", sa.String(32), nullable=False),
        sa.Column("user", sa.String(32), nullable=False),
        sa.Column("question_id", sa.Integer),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("role", sa.String(32)),
        sa.Column("comment", sa.Text),
        sa.Column("at", sa.Float, nullable=False),
    )
    op.create_index("feedback_by_team", "feedback", ["team", "at"])


def downgrade() -> None:
    for name in ("feedback", "questions", "phrasings", "role_holders", "workspaces"):
        op.drop_table(name)
    bind = op.get_bind()
    for table in reversed(_slack_tables()):
        table.drop(bind)
