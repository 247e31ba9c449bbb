"""The migrations build the schema the code expects, on a real SQLite file."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from ceasefire.model import Event
from ceasefire.store import head_revision, migrations_config, open_store
from ceasefire.store.connect import create_store_engine, resolve_url
from ceasefire.store.schema import metadata


def test_open_store_creates_every_table(db_path: Path) -> None:
    open_store(db_path).close()

    insp = inspect(create_engine(f"sqlite:///{db_path}"))
    assert set(insp.get_table_names()) == {
        "alembic_version",
        "documents",
        "events",
        "evidence",
        "corrections",
    }
    assert {c["name"] for c in insp.get_columns("documents")} == {
        "id",
        "external_id",
        "title",
        "source",
        "url",
        "published",
        "origin",
        "text",
        "ingested_at",
    }
    assert insp.get_pk_constraint("documents")["constrained_columns"] == ["id"]
    assert {c["name"] for c in insp.get_columns("evidence")} == {
        "id",
        "event_id",
        "position",
        "field",
        "text",
        "span_start",
        "span_end",
    }
    assert {c["name"] for c in insp.get_columns("corrections")} == {
        "id",
        "event_id",
        "field",
        "old_value",
        "new_value",
        "author",
        "created_at",
        "reason",
    }


def test_events_table_has_a_column_for_every_event_field(db_path: Path) -> None:
    open_store(db_path).close()
    insp = inspect(create_engine(f"sqlite:///{db_path}"))

    columns = {c["name"] for c in insp.get_columns("events")}
    assert columns == {f.name for f in fields(Event)} - {"evidence"}
    assert insp.get_pk_constraint("events")["constrained_columns"] == ["event_id"]
    fks = insp.get_foreign_keys("events")
    assert [(fk["constrained_columns"], fk["referred_table"]) for fk in fks] == [
        (["doc_id"], "documents")
    ]
    indexed = {tuple(ix["column_names"]) for ix in insp.get_indexes("events")}
    for column in ("event_date", "event_type", "sub_event_type", "admin1", "actor1", "actor2"):
        assert (column,) in indexed
    assert ("latitude", "longitude") in indexed


def test_database_is_at_head_and_reopening_is_harmless(db_path: Path) -> None:
    open_store(db_path).close()
    open_store(db_path).close()

    with create_engine(f"sqlite:///{db_path}").connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    assert head_revision() == "0001"


def test_migrations_match_schema_module(db_path: Path) -> None:
    # A change to schema.py without a migration shows up here as a difference.
    open_store(db_path).close()
    with create_engine(f"sqlite:///{db_path}").connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_downgrade_then_upgrade_round_trips(db_path: Path) -> None:
    open_store(db_path).close()
    engine = create_store_engine(resolve_url(db_path))
    with engine.begin() as conn:
        command.downgrade(migrations_config(conn), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()

    open_store(db_path).close()
    assert "events" in inspect(create_engine(f"sqlite:///{db_path}")).get_table_names()


def test_sqlite_enforces_foreign_keys(db_path: Path) -> None:
    open_store(db_path).close()
    engine = create_store_engine(resolve_url(db_path))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO events (event_id, doc_id, event_type, sub_event_type, modality,"
                " confidence, produced_by) VALUES ('e1', 'no-such-doc', 'Battles',"
                " 'Armed clash', 'reported', 0.5, 'test')"
            )
        )
    engine.dispose()
