"""Event endpoints: list, map, detail, statistics, and analysts' corrections.

Events are served as corrected (each analyst correction applied over the coding);
the filters and statistics select on the coder's original values.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Response

from ceasefire.api.auth import require_writer
from ceasefire.api.context import ApiContext, get_context
from ceasefire.api.passages import evidence_passages
from ceasefire.api.query import Criteria, event_page, feature_page
from ceasefire.api.schemas import (
    CorrectionIn,
    CorrectionOut,
    DocumentOut,
    EventDetail,
    EventOut,
    EventPage,
    Passage,
    Stats,
    TaxonomyOut,
)
from ceasefire.events.taxonomy import load_taxonomy
from ceasefire.export import write_events
from ceasefire.model import MODALITIES, Event
from ceasefire.store import EventFilter
from ceasefire.store.corrections import (
    add_corrections,
    apply_corrections,
    corrections_by_event,
    corrections_for,
)

router = APIRouter(prefix="/api", tags=["events"])
Context = Annotated[ApiContext, Depends(get_context)]
Responses = dict[int | str, dict[str, Any]]
NOT_FOUND: Responses = {404: {"description": "No event has this id."}}
WRITE_REFUSED: Responses = {
    401: {"description": "No API token was sent."},
    403: {"description": "The token is wrong, or the server accepts no writes."},
}


@router.get("/events", response_model=EventPage, summary="Events matching the filters, paged")
def list_events(context: Context, flt: Annotated[EventFilter, Depends(event_page)]) -> EventPage:
    """Events by date (undated last), with corrections applied; ``total`` counts all pages."""
    events = context.store.query_events(flt)
    total = context.store.count_events(flt)
    after = flt.offset + len(events)
    return EventPage(
        total=total,
        limit=flt.limit or 0,
        offset=flt.offset,
        next_offset=after if after < total else None,
        events=corrected(context, events),
    )


@router.get(
    "/events.geojson",
    summary="Events matching the filters as a GeoJSON FeatureCollection",
    response_class=Response,
    responses={200: {"content": {"application/geo+json": {}}}},
)
def events_geojson(context: Context, flt: Annotated[EventFilter, Depends(feature_page)]) -> Response:
    """Points for a map, corrections applied; events without coordinates are counted apart."""
    events = context.store.query_events(flt)
    latest = corrections_by_event(context.store, [e.event_id for e in events])
    stream = io.StringIO()
    write_events(
        (apply_corrections(e, latest.get(e.event_id, ())) for e in events), "geojson", stream
    )
    return Response(stream.getvalue(), media_type="application/geo+json")


@router.get("/stats", response_model=Stats, summary="Counts by day, type and modality")
def stats(context: Context, flt: Criteria) -> Stats:
    """Totals of the events matching the filters (paging does not apply)."""
    return Stats(**context.store.stats(flt))


@router.get("/taxonomy", response_model=TaxonomyOut, summary="The vocabularies filters accept")
def taxonomy() -> TaxonomyOut:
    """ACLED's event types with their sub-event types, and the modalities."""
    grouped: dict[str, list[str]] = {}
    for sub in load_taxonomy().sub_events:
        grouped.setdefault(sub.event_type, []).append(sub.name)
    return TaxonomyOut(event_types=grouped, modalities=list(MODALITIES))


@router.get(
    "/events/{event_id}",
    response_model=EventDetail,
    responses=NOT_FOUND,
    summary="One event with its evidence, document and corrections",
)
def get_event(context: Context, event_id: str) -> EventDetail:
    """The event as corrected and as coded, its audit trail, and the report it came from."""
    return event_detail(context, event_id)


@router.patch(
    "/events/{event_id}",
    response_model=EventDetail,
    responses={**NOT_FOUND, **WRITE_REFUSED},
    dependencies=[Depends(require_writer)],
    summary="Correct fields of an event (kept in the audit trail)",
)
def correct_event(context: Context, event_id: str, correction: CorrectionIn) -> EventDetail:
    """Record an analyst's correction; the coder's original values are never overwritten.

    Fields whose new value equals the current one are not recorded.
    """
    event = context.store.get_event(event_id)
    if event is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
    changes = correction.changes.given()
    if not changes:
        raise HTTPException(status_code=422, detail="changes is empty: give the fields to correct")
    current = apply_corrections(event, corrections_for(context.store, event_id))
    _check_type_pair(
        changes.get("event_type", current.event_type),
        changes.get("sub_event_type", current.sub_event_type),
    )
    try:
        add_corrections(
            context.store,
            event_id,
            changes,
            author=correction.author,
            reason=correction.reason,
            at=context.clock(),
        )
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None
    return event_detail(context, event_id)


def event_detail(context: ApiContext, event_id: str) -> EventDetail:
    """``GET /api/events/{id}``'s answer, or 404."""
    event = context.store.get_event(event_id)
    if event is None:
        raise HTTPException(status_code=404, detail=f"no event with id {event_id!r}")
    document = context.store.get_document(event.doc_id)
    if document is None:  # the foreign key makes this impossible short of a broken database
        raise HTTPException(status_code=500, detail=f"the document of event {event_id} is missing")
    trail = corrections_for(context.store, event_id)
    passages = [
        Passage(start=r.start, end=r.end, text=document.text[r.start : r.end], is_notes=r.is_notes)
        for r in evidence_passages(document.text, event)
    ]
    return EventDetail(
        event=EventOut.of(apply_corrections(event, trail), sorted({c.field for c in trail})),
        original=EventOut.of(event),
        corrections=[CorrectionOut.of(c) for c in trail],
        document=DocumentOut.of(document),
        passages=passages,
    )


def corrected(context: ApiContext, events: Sequence[Event]) -> list[EventOut]:
    """Events as served: corrections applied, corrected fields named."""
    trails = corrections_by_event(context.store, [e.event_id for e in events])
    return [
        EventOut.of(
            apply_corrections(e, trails.get(e.event_id, ())),
            sorted({c.field for c in trails.get(e.event_id, ())}),
        )
        for e in events
    ]


def _check_type_pair(event_type: str, sub_event_type: str) -> None:
    sub = load_taxonomy().sub_event_types().get(sub_event_type)
    parent = sub.event_type if sub is not None else event_type
    if parent != event_type:
        raise HTTPException(
            status_code=422,
            detail=f"sub_event_type {sub_event_type!r} belongs to event type {parent!r}, "
            f"not {event_type!r}: correct both together",
        )
