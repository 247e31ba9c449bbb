"""Where the store lives and how to reach it: path/URL resolution, engine, migrations.

Kept apart from ``Store`` so the queries never see SQLite's quirks: everything
backend-specific (foreign keys, transactional DDL) is set up here, once, per engine.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ceasefire.errors import StoreError

ENV_VAR = "CEASEFIRE_DB"
DEFAULT_PATH = "ceasefire.db"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def resolve_url(
    url_or_path: str | Path | None = None, environ: Mapping[str, str] | None = None
) -> URL:
    """The database URL for an argument, else ``$CEASEFIRE_DB``, else ``./ceasefire.db``.

    Anything with ``://`` is a SQLAlchemy URL (``postgresql://…``, ``sqlite:///…``);
    anything else is the path of an SQLite file.
    """
    env = os.environ if environ is None else environ
    target = url_or_path if url_or_path not in (None, "") else env.get(ENV_VAR) or DEFAULT_PATH
    if isinstance(target, str) and "://" in target:
        try:
            return make_url(target)
        except (ArgumentError, ValueError) as exc:
            shown = re.sub(r"://([^:/@]*):[^@/]*@", r"://\1:***@", target)
            raise StoreError(f"{shown!r} is not a valid database URL: {exc}") from exc
    path = str(target)
    if path == ":memory:":
        return URL.create("sqlite")
    return URL.create("sqlite", database=str(Path(path).expanduser()))


def describe(url: URL) -> str:
    """The URL for messages, without its password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def create_store_engine(url: URL) -> Engine:
    """An engine for ``url``, with SQLite made to behave like a server database."""
    if url.get_backend_name() != "sqlite":
        return _create_engine(url, pool_pre_ping=True)
    in_memory = url.database in (None, "", ":memory:")
    sqlite_uri = url.query.get("uri") == "true"  # "file:…?mode=ro" style: SQLite checks it
    if not in_memory and not sqlite_uri:
        _check_sqlite_path(Path(url.database or ""))
    pool = {"poolclass": StaticPool} if in_memory else {}
    engine = _create_engine(url, **pool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # pysqlite opens transactions lazily and never around DDL; take control of BEGIN
        # so a transaction (a migration, an add_document) is all-or-nothing.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN")

    return engine


def _create_engine(url: URL, **options: Any) -> Engine:
    try:
        return create_engine(url, **options)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(
            f"cannot use {describe(url)}: {exc}; is the database driver for "
            f"{url.get_backend_name()} installed (e.g. psycopg for PostgreSQL)?"
        ) from exc


def _check_sqlite_path(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a directory; pass the path of a database file")
    if not path.parent.is_dir():
        raise StoreError(f"cannot create {path}: directory {path.parent} does not exist")
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(f"{path} is read-only; make it writable or copy it somewhere writable")
    if not path.exists() and not os.access(path.parent, os.W_OK):
        raise StoreError(f"cannot create {path}: directory {path.parent} is not writable")


def migrations_config(connection: object | None = None, url: str | None = None) -> Config:
    """An Alembic config on the migrations shipped in the package; no alembic.ini needed.

    Also usable by developers, e.g.
    ``command.revision(migrations_config(url="sqlite:///dev.db"), "add x", autogenerate=True)``.
    """
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of the package knows."""
    head = ScriptDirectory.from_config(migrations_config()).get_current_head()
    assert head is not None
    return head


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database's schema to the newest revision, in one transaction.

    Refuses databases that hold other tables but no migration history, rather than
    adding ours beside them, and databases written by a newer version of the package.
    """
    where = describe(engine.url)
    try:
        with engine.begin() as connection:
            _refuse_foreign(connection, where)
            command.upgrade(migrations_config(connection), "head")
        with engine.connect() as connection:
            # A write that changes nothing, rolled back: it fails here, with a clear
            # message, on a read-only database, rather than on the first add_document.
            connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
            connection.rollback()
    except StoreError:
        raise
    except CommandError as exc:
        raise StoreError(f"cannot migrate {where}: {exc}") from exc
    except DBAPIError as exc:
        raise StoreError(f"cannot open {where} as a ceasefire store: {_reason(exc)}") from exc
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open {where}: {exc}") from exc


def _refuse_foreign(connection: Connection, where: str) -> None:
    tables = set(inspect(connection).get_table_names())
    if tables and "alembic_version" not in tables:
        raise StoreError(
            f"{where} is a database but not a ceasefire store "
            f"(it has tables {', '.join(sorted(tables))}); pass another path"
        )
    current = MigrationContext.configure(connection).get_current_revision()
    scripts = ScriptDirectory.from_config(migrations_config())
    if current is not None and current not in {s.revision for s in scripts.walk_revisions()}:
        raise StoreError(
            f"{where} has schema revision {current}, which this version of "
            "ceasefire does not know; upgrade ceasefire to open it"
        )


def _reason(exc: DBAPIError) -> str:
    message = str(exc.orig) if exc.orig is not None else str(exc)
    if "file is not a database" in message:
        return "the file is not an SQLite database"
    if "readonly" in message or "read-only" in message:
        return f"the database is read-only ({message})"
    return message
