"""Opening the store: where it is found, and clear errors when it cannot be used."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from store_builders import make_document

from ceasefire.errors import StoreError
from ceasefire.store import EventFilter, open_store
from ceasefire.store.connect import resolve_url


def test_env_var_names_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "from-env.db"
    monkeypatch.setenv("CEASEFIRE_DB", str(target))
    monkeypatch.chdir(tmp_path)

    with open_store() as store:
        store.add_document(make_document("Stored via env."), [])

    assert target.is_file()
    assert not (tmp_path / "ceasefire.db").exists()
    with open_store(target) as store:
        assert store.stats()["documents"] == 1


def test_default_is_ceasefire_db_in_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CEASEFIRE_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    open_store().close()
    assert (tmp_path / "ceasefire.db").is_file()


def test_explicit_argument_beats_env_var(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CEASEFIRE_DB", str(tmp_path / "env.db"))
    open_store(tmp_path / "arg.db").close()
    assert (tmp_path / "arg.db").is_file()
    assert not (tmp_path / "env.db").exists()


def test_sqlite_url_and_path_string_reach_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "same.db"
    with open_store(f"sqlite:///{path}") as store:
        store.add_document(make_document("Via URL."), [])
    with open_store(str(path)) as store:
        assert store.count_events(EventFilter()) == 0
        assert store.stats()["documents"] == 1


def test_urls_go_to_sqlalchemy_and_paths_to_sqlite() -> None:
    assert resolve_url("postgresql://u:secret@db.example/events").get_backend_name() == (
        "postgresql"
    )
    url = resolve_url("data/x.db", environ={})
    assert (url.get_backend_name(), url.database) == ("sqlite", "data/x.db")
    assert resolve_url(None, environ={"CEASEFIRE_DB": "/srv/e.db"}).database == "/srv/e.db"
    assert resolve_url(None, environ={}).database == "ceasefire.db"


def test_in_memory_store_works() -> None:
    with open_store(":memory:") as store:
        doc = make_document("In memory.")
        assert store.add_document(doc, [])
        assert store.get_document(doc.id) == doc


def test_non_database_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are my notes, not a database.\n" * 200)

    with pytest.raises(StoreError) as info:
        open_store(path)

    message = str(info.value)
    assert str(path) in message
    assert "not an SQLite database" in message
    assert path.read_text().startswith("These are my notes")  # left untouched


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")

    with pytest.raises(StoreError, match=r"not a ceasefire store \(it has tables customers\)"):
        open_store(path)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"customers"}


def test_directory_and_missing_parent_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "events.db")


def test_read_only_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    open_store(path).close()

    # SQLite's own read-only mode: works whoever runs the tests, root included.
    with pytest.raises(StoreError, match="read-only"):
        open_store(f"sqlite:///file:{path}?mode=ro&uri=true")


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(path).close()
    with create_engine(f"sqlite:///{path}").begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))

    with pytest.raises(StoreError, match="revision 9999.*upgrade ceasefire"):
        open_store(path)


def test_invalid_url_is_a_clear_error() -> None:
    with pytest.raises(StoreError, match="not a valid database URL"):
        open_store("postgresql://user@host:notaport/db")
    with pytest.raises(StoreError, match="is the database driver for nonsense installed"):
        open_store("nonsense://host/db")
