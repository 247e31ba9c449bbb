"""``ceasefire serve``: the API and dashboard on a store, added to the main CLI by ``register``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ceasefire.api.auth import TOKEN_ENV_VAR
from ceasefire.errors import CeasefireError


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
    app.command()(serve)


def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Store: a SQLite path or a database URL, e.g. postgresql://user@host/db "
            "(default $CEASEFIRE_DB or ./ceasefire.db).",
        ),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=0, max=65535)] = 8000,
    token_file: Annotated[
        Path | None,
        typer.Option(
            "--token-file",
            help=f"File holding the API token writes must carry (default ${TOKEN_ENV_VAR}); "
            "without a token the service is read-only.",
        ),
    ] = None,
) -> None:
    """Serve the REST API (/api, described at /openapi.json) and the dashboard (/)."""
    import uvicorn

    from ceasefire.api.app import create_app
    from ceasefire.settings import Settings

    try:
        token = read_token(token_file, os.environ.get(TOKEN_ENV_VAR))
        app = create_app(db, token=token, settings=Settings.from_environment())
    except CeasefireError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    store = app.state.context.store.location
    writes = "writes need the API token" if token else f"read-only (no ${TOKEN_ENV_VAR})"
    typer.echo(f"ceasefire: serving {store} at http://{host}:{port}/ ({writes})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


def read_token(token_file: Path | None, from_env: str | None) -> str | None:
    """The token from ``--token-file`` if given, else from the environment; None if neither."""
    if token_file is None:
        return from_env.strip() or None if from_env else None
    try:
        token = token_file.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise CeasefireError(
            f"cannot read the token file {token_file}: {exc.strerror}; check the path"
        ) from None
    if not token:
        raise CeasefireError(f"the token file {token_file} is empty; put the API token in it")
    return token
