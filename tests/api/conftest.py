"""Fixtures of the API tests: each test on a fresh store, on SQLite and on PostgreSQL.

The service runs for real (uvicorn on a loopback port) and is driven over HTTP.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from api_builders import TOKEN, seed_store
from live_server import running
from postgres_cluster import PostgresCluster, start_cluster

from ceasefire.api import create_app


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty store: an SQLite file, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        return str(tmp_path / "events.db")
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.create_database()


@pytest.fixture
def seeded_url(store_url: str) -> str:
    seed_store(store_url)
    return store_url


def serve(url: str, token: str | None, pipeline: object | None = None) -> Iterator[httpx.Client]:
    app = create_app(url, token=token, pipeline=pipeline)  # type: ignore[arg-type]
    with running(app) as base, httpx.Client(base_url=base, timeout=60) as client:
        yield client


@pytest.fixture
def api(seeded_url: str) -> Iterator[httpx.Client]:
    """A client of the service on the seeded store, with writes allowed to TOKEN."""
    yield from serve(seeded_url, TOKEN)


@pytest.fixture
def coding_api(seeded_url: str, pipeline: object) -> Iterator[httpx.Client]:
    """As ``api``, with the real pipeline loaded to code posted reports."""
    yield from serve(seeded_url, TOKEN, pipeline)


@pytest.fixture
def read_only_api(seeded_url: str) -> Iterator[httpx.Client]:
    """The service started without a token: it accepts no writes."""
    yield from serve(seeded_url, None)

