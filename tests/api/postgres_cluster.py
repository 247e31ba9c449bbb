"""A throwaway PostgreSQL server from the Debian packages, on loopback, for the store tests.

``initdb`` refuses to run as root, so as root the cluster is created and run as the
``postgres`` system user (made by the Debian package), else as ``nobody``. A missing
PostgreSQL fails the tests with a message that says how to install it; nothing skips.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

USER = "ceasefire"


@dataclass
class PostgresCluster:
    """A running server; ``create_database`` gives each test a database of its own."""

    root: Path
    bin_dir: Path
    port: int
    run_as: str | None

    def create_database(self) -> str:
        """A new empty database; returns its SQLAlchemy URL."""
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://{USER}@127.0.0.1:{self.port}/{name}"

    def dsn(self, database: str) -> str:
        return f"host=127.0.0.1 port={self.port} user={USER} dbname={database}"

    def stop(self) -> None:
        _run(self, [str(self.bin_dir / "pg_ctl"), "-D", str(self.root / "data"), "-m", "fast",
                    "-w", "stop"])
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster() -> PostgresCluster:
    """initdb into a fresh folder and start the server on a free loopback port."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
            "run scripts/system-deps.sh (or `make test`), which installs Debian's postgresql"
        )
    bin_dir = Path(found[-1]).parent
    run_as = _unprivileged_user() if os.geteuid() == 0 else None
    # Not under pytest's tmp_path: as root that is private to root, and the server
    # runs as another user. A folder of its own, owned by that user, instead.
    root = Path(tempfile.mkdtemp(prefix="ceasefire-pg-"))
    if run_as is not None:
        record = pwd.getpwnam(run_as)
        os.chown(root, record.pw_uid, record.pw_gid)
    cluster = PostgresCluster(root=root, bin_dir=bin_dir, port=_free_port(), run_as=run_as)
    _run(cluster, [str(bin_dir / "initdb"), "-D", str(root / "data"), "-U", USER,
                   "--auth=trust", "-E", "UTF8", "--no-locale"])
    options = f"-k {root} -h 127.0.0.1 -p {cluster.port} -c fsync=off"
    _run(cluster, [str(bin_dir / "pg_ctl"), "-D", str(root / "data"), "-l", str(root / "log"),
                   "-w", "-t", "30", "-o", options, "start"])
    return cluster


def _run(cluster: PostgresCluster, command: list[str]) -> None:
    if cluster.run_as is not None:
        command = ["runuser", "-u", cluster.run_as, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, cwd=cluster.root, check=False)
    if result.returncode != 0:
        log = cluster.root / "log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        pytest.fail(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}{tail}")


def _unprivileged_user() -> str:
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    pytest.fail("running as root, but there is no 'postgres' or 'nobody' user to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
