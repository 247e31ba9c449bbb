"""The tables of the event store, as SQLAlchemy Core metadata.

This is the schema the code queries; the migrations in ``migrations/versions`` build
it in a database. ``tests/store/test_schema.py`` checks the two agree, so a change
here without a new migration fails the tests.

Column types are portable (SQLite and PostgreSQL). The evidence span columns are
``span_start``/``span_end`` because ``end`` is a reserved word in SQL.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Named constraints, so later migrations can alter them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True),  # content hash, see model.content_id
    Column("external_id", Text),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("doc_id", String(64), ForeignKey("documents.id"), nullable=False, index=True),
    Column("event_date", Date, index=True),
    Column("date_precision", String(16)),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("event_type", String(64), nullable=False, index=True),
    Column("sub_event_type", String(128), nullable=False, index=True),
    Column("actor1", Text, index=True),
    Column("assoc_actor_1", Text),
    Column("actor2", Text, index=True),
    Column("assoc_actor_2", Text),
    Column("country", Text),
    Column("admin1", Text, index=True),
    Column("admin2", Text),
    Column("admin3", Text),
    Column("location", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("fatalities", Integer),
    Column("modality", String(16), nullable=False),
    Column("attribution", Text),
    Column("source", Text),
    Column("confidence", Float, nullable=False),
    Column("notes", Text),
    Column("produced_by", String(128), nullable=False),
    Index("ix_events_lat_lon", "latitude", "longitude"),
)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.event_id"), nullable=False, index=True),
    Column("position", Integer, nullable=False),  # keeps the order of Event.evidence
    Column("field", String(64), nullable=False),
    Column("text", Text, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    UniqueConstraint("event_id", "position", name="uq_evidence_event_id_position"),
)

# Analysts' corrections: an append-only audit trail. The original coding in ``events``
# is never overwritten; the current value of a field is the latest correction, if any.
corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.event_id"), nullable=False, index=True),
    Column("field", String(64), nullable=False),
    Column("old_value", Text),  # JSON-encoded, so None and numbers survive
    Column("new_value", Text),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("reason", Text),
)
