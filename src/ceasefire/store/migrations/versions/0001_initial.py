"""Initial schema: documents, events, evidence and the corrections audit table.

Revision ID: 0001
Revises:
Create Date: 2024-06-01

Written out in full rather than imported from ``schema.py``: a migration records the
schema as it was at this revision, and must not change when ``schema.py`` does.
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
        "documents",
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column("external_id", sa.Text()),
        sa.Column("title", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("origin", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("doc_id", sa.String(64), nullable=False),
        sa.Column("event_date", sa.Date()),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("date_start", sa.Date()),
        sa.Column("date_end", sa.Date()),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(128), nullable=False),
        sa.Column("actor1", sa.Text()),
        sa.Column("assoc_actor_1", sa.Text()),
        sa.Column("actor2", sa.Text()),
        sa.Column("assoc_actor_2", sa.Text()),
        sa.Column("country", sa.Text()),
        sa.Column("admin1", sa.Text()),
        sa.Column("admin2", sa.Text()),
        sa.Column("admin3", sa.Text()),
        sa.Column("location", sa.Text()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("geo_precision", sa.Integer()),
        sa.Column("fatalities", sa.Integer()),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("attribution", sa.Text()),
        sa.Column("source", sa.Text()),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("produced_by", sa.String(128), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_events"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.id"], name="fk_events_doc_id_documents"),
    )
    for column in (
        "doc_id",
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "admin1",
    ):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_index("ix_events_lat_lon", "events", ["latitude", "longitude"])

    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_evidence"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.event_id"], name="fk_evidence_event_id_events"
        ),
        sa.UniqueConstraint("event_id", "position", name="uq_evidence_event_id_position"),
    )
    op.create_index("ix_evidence_event_id", "evidence", ["event_id"])

    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False, autoincrement=True),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("old_value", sa.Text()),
        sa.Column("new_value", sa.Text()),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_corrections"),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.event_id"], name="fk_corrections_event_id_events"
        ),
    )
    op.create_index("ix_corrections_event_id", "corrections", ["event_id"])


def downgrade() -> None:
    op.drop_table("corrections")
    op.drop_table("evidence")
    op.drop_table("events")
    op.drop_table("documents")
