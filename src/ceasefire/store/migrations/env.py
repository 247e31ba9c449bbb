"""Alembic environment for the event store.

``ceasefire.store.migrate`` runs it with an open connection in
``config.attributes["connection"]``, so no alembic.ini is needed. Without one it
connects to ``sqlalchemy.url`` from the config; offline mode (``--sql``) prints SQL.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import create_engine

from ceasefire.store.schema import metadata

config = context.config


def _configure(**kwargs: Any) -> None:
    context.configure(target_metadata=metadata, compare_type=True, **kwargs)


def run_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        # SQLite cannot ALTER most things in place; batch mode copies the table instead.
        _configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise RuntimeError("set sqlalchemy.url or pass a connection in config.attributes")
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            _configure(connection=conn, render_as_batch=conn.dialect.name == "sqlite")
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
