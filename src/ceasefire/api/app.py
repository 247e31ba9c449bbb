"""The web service: the REST API under ``/api`` and the dashboard at ``/``.

``create_app`` opens the store at once, so a bad ``--db`` fails at start-up with the
store's own message rather than on the first request. The service reads everything
it needs from its arguments: nothing comes from the environment here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from ceasefire import __version__
from ceasefire.api import documents, events, monitor_pages
from ceasefire.api.context import ApiContext
from ceasefire.errors import StoreError
from ceasefire.pipeline import Pipeline
from ceasefire.settings import Settings
from ceasefire.store import open_store
from ceasefire.web import STATIC_DIR

# The dashboard loads nothing from elsewhere; data shown in it can never run as code.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
DESCRIPTION = """Conflict events coded from reports, with the evidence for every field.

Reads are open. Writes (`POST /api/documents`, `PATCH /api/events/{id}`) need the
bearer token the operator configured; a server started without one accepts no writes.
Corrections never overwrite the coding: they are kept, with who, when and why, in an
audit trail, and events are served with them applied.

Place data: GeoNames (geonames.org), CC BY 4.0.
"""


def create_app(
    store_url: str | None,
    *,
    token: str | None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    clock: Callable[[], datetime] | None = None,
) -> FastAPI:
    """The service on the store at ``store_url`` (a path or URL; None: the default store).

    ``token`` is the bearer token writes must carry; None (or empty) refuses all writes.
    ``pipeline`` codes posted reports (built from ``settings`` on first use if not
    given); ``clock`` stamps corrections. Raises ``StoreError`` if the store cannot open.
    """
    store = open_store(store_url)
    context = ApiContext(
        store=store,
        token=token or None,
        make_pipeline=lambda: pipeline or Pipeline(settings or Settings()),
        clock=clock or (lambda: datetime.now(UTC)),
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(
        title="ceasefire",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        # Swagger UI and ReDoc load from a CDN; the service works offline, so it serves
        # the OpenAPI document itself (/openapi.json) and no CDN-backed pages.
        docs_url=None,
        redoc_url=None,
    )
    app.state.context = context
    app.include_router(events.router)
    app.include_router(documents.router)
    app.include_router(monitor_pages.router)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.middleware("http")(_security_headers)

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """422 with one readable sentence in ``detail`` and the parts in ``errors``."""
    assert isinstance(exc, RequestValidationError)
    errors = [_describe(error) for error in exc.errors()]
    return JSONResponse(
        status_code=422,
        content={
            "detail": "; ".join(e["message"] for e in errors),
            "errors": errors,
        },
    )


def _describe(error: Any) -> dict[str, Any]:
    where, *path = error.get("loc") or ("request",)
    name = ".".join(str(p) for p in path)
    place = {"query": "query parameter", "path": "path parameter", "body": "body field"}.get(
        where, str(where)
    )
    message = error.get("msg", "invalid value").removeprefix("Value error, ")
    if where == "query" and "input" in error:
        message = f"{place} {name}={error['input']!r}: {message}"
    elif name:
        message = f"{place} {name}: {message}"
    else:
        message = f"{where}: {message}"
    return {"location": [where, *path], "type": error.get("type"), "message": message}


async def _store_error(_request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse(status_code=503, content={"detail": str(exc)})


async def _security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)  # a page may set a stricter one
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
