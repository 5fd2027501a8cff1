"""Question ids are made by the app (random, 63 bits) rather than by the database, so that an
answer's feedback buttons can carry its id before the question is written (`Store.record_question`
writes it behind the answer). On SQLite an INTEGER key is 64 bits already.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = (("questions", "id"), ("feedback", "question_id"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table, column in COLUMNS:
            op.alter_column(table, column, type_=sa.BigInteger, existing_type=sa.Integer)


def downgrade() -> None:
    """Back to 32-bit ids on PostgreSQL: the questions (nearly all made since the upgrade) and
    votes whose ids do not fit are deleted. SQLite's ids were 64-bit all along and stay."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DELETE FROM feedback WHERE question_id > 2147483647")
        op.execute("DELETE FROM questions WHERE id > 2147483647")
        for table, column in COLUMNS:
            op.alter_column(table, column, type_=sa.Integer, existing_type=sa.BigInteger)
