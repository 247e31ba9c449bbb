"""``ceasefire serve`` run as a user runs it: a subprocess serving a real store over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from api_builders import seed_store
from tests.support import REPO

# The command as registered on a Typer app, the way ceasefire.cli registers it.
CLI = (
    "import typer; from ceasefire.api.cli import register; "
    "app = typer.Typer(); app.callback()(lambda: None); register(app); app()"
)


def serve(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", *args],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(process: subprocess.Popen[str], base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"ceasefire serve exited early:\n{process.communicate()[1]}")
        try:
            httpx.get(f"{base}/api/stats", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail(f"ceasefire serve did not answer on {base}")


def stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    try:
        _, stderr = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _, stderr = process.communicate()
    return stderr


def test_serve_runs_the_api_and_dashboard_with_a_token_file(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    seed_store(str(db))
    token_file = tmp_path / "token"
    token_file.write_text("from-the-file\n")
    port = free_port()
    process = serve("--db", str(db), "--port", str(port), "--token-file", str(token_file),
                    env={"CEASEFIRE_API_TOKEN": "from-the-environment"})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(process, base)
        assert httpx.get(f"{base}/api/stats").json()["events"] == 6
        assert "Leaflet" in httpx.get(f"{base}/static/vendor/leaflet/leaflet.js").text[:400]
        correction = {"author": "analyst", "changes": {"fatalities": 1}}
        url = f"{base}/api/events/ev-patrol"
        wrong = httpx.patch(url, json=correction,
                            headers={"Authorization": "Bearer from-the-environment"})
        assert wrong.status_code == 403  # the file wins over the environment
        right = httpx.patch(url, json=correction, headers={"Authorization": "Bearer from-the-file"})
        assert right.status_code == 200
    finally:
        stderr = stop(process)
    assert f"serving {db} at http://127.0.0.1:{port}/ (writes need the API token)" in stderr


def test_serve_without_a_token_is_read_only(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    seed_store(str(db))
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "CEASEFIRE_API_TOKEN"}
    process = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", "--db", str(db), "--port", str(port)],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(process, base)
        response = httpx.patch(f"{base}/api/events/ev-patrol",
                               json={"author": "a", "changes": {"fatalities": 1}},
                               headers={"Authorization": "Bearer anything"})
        assert response.status_code == 403
    finally:
        stderr = stop(process)
    assert "read-only (no $CEASEFIRE_API_TOKEN)" in stderr


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--db", "/no/such/folder/events.db"], "directory /no/such/folder does not exist"),
        (["--token-file", "/no/such/token"], "cannot read the token file /no/such/token"),
    ],
)
def test_serve_refuses_bad_settings_in_one_line(
    tmp_path: Path, args: list[str], needle: str
) -> None:
    if "--db" not in args:
        args = [*args, "--db", str(tmp_path / "events.db")]
    result = subprocess.run(
        [sys.executable, "-c", CLI, "serve", *args, "--port", str(free_port())],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert needle in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_empty_token_file_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "token"
    empty.write_text("\n")
    result = subprocess.run(
        [sys.executable, "-c", CLI, "serve", "--db", str(tmp_path / "e.db"),
         "--token-file", str(empty)],
        cwd=REPO, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert f"the token file {empty} is empty" in result.stderr
