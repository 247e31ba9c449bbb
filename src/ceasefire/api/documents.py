"""``POST /api/documents``: a report in, coded by the pipeline and stored with its events."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Response

from ceasefire.api.auth import require_writer
from ceasefire.api.context import ApiContext, get_context
from ceasefire.api.events import WRITE_REFUSED, corrected
from ceasefire.api.schemas import DocumentCreated, DocumentIn
from ceasefire.errors import InputError
from ceasefire.ingest import IngestOptions, read_html, read_text
from ceasefire.model import Document

router = APIRouter(prefix="/api", tags=["documents"])
ORIGIN = "api"


@router.post(
    "/documents",
    response_model=DocumentCreated,
    status_code=201,
    dependencies=[Depends(require_writer)],
    responses={
        200: {"description": "The same text was already stored; nothing was added."},
        **WRITE_REFUSED,
        422: {"description": "The body is invalid, or the report has no text."},
    },
    summary="Code a report (text or HTML) and store it with its events",
)
def post_document(
    context: Annotated[ApiContext, Depends(get_context)], body: DocumentIn, response: Response
) -> DocumentCreated:
    """Read the report as the CLI would, code it, and store it in one transaction.

    Re-posting the same text adds nothing and answers 200 with the stored events.
    """
    try:
        document = read_document(body)
    except InputError as exc:
        raise HTTPException(status_code=422, detail=exc.reason) from None
    events = context.code(document)
    stored = context.store.add_document(document, events)
    if not stored:
        response.status_code = 200
        # Ids are content hashes, so the stored events are those just coded again
        # (unless the coder changed since: then only those it still finds).
        found = (context.store.get_event(e.event_id) for e in events)
        events = [e for e in found if e is not None]
    return DocumentCreated(document_id=document.id, stored=stored, events=corrected(context, events))


def read_document(body: DocumentIn) -> Document:
    """The posted report as a ``Document``; the body's metadata wins over the page's own."""
    options = IngestOptions(published=body.published, source=body.source)
    if body.html is not None:
        document = read_html(body.html, options, origin=ORIGIN, url=body.url)
    else:
        document = read_text(body.text or "", options, origin=ORIGIN)
    return replace(
        document,
        url=body.url or document.url,
        title=body.title or document.title,
        external_id=body.external_id or document.external_id,
    )
