"""Query parameters of the event endpoints, read into the store's ``EventFilter``.

Every bad value is refused with 422 and a message that names the parameter, what
was wrong and what is accepted; nothing is silently ignored.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated

from fastapi import Depends, HTTPException, Query

from ceasefire.api.schemas import Modality
from ceasefire.events.taxonomy import load_taxonomy
from ceasefire.store import EventFilter, parse_bbox

DEFAULT_PAGE = 100
MAX_PAGE = 1000
MAX_FEATURES = 10_000


def event_criteria(
    date_from: Annotated[
        date | None, Query(description="First event date, inclusive (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[
        date | None, Query(description="Last event date, inclusive (YYYY-MM-DD).")
    ] = None,
    event_type: Annotated[
        str | None, Query(description="ACLED event type, e.g. 'Battles'.")
    ] = None,
    sub_event_type: Annotated[
        str | None, Query(description="ACLED sub-event type, e.g. 'Armed clash'.")
    ] = None,
    actor: Annotated[
        str | None, Query(description="Part of an actor name (either side or associated).")
    ] = None,
    admin1: Annotated[str | None, Query(description="Province, as ACLED spells it.")] = None,
    bbox: Annotated[
        str | None, Query(description="min_lon,min_lat,max_lon,max_lat, e.g. 36.4,35.7,37.0,36.1")
    ] = None,
    modality: Annotated[Modality | None, Query(description="How the report puts it.")] = None,
    source: Annotated[str | None, Query(description="Part of the source's name.")] = None,
    factual: Annotated[
        bool, Query(description="Only events reported as having happened.")
    ] = False,
) -> EventFilter:
    """The filter of a query, without paging."""
    try:
        return EventFilter(
            date_from=date_from,
            date_to=date_to,
            event_type=_vocabulary("event_type", event_type, load_taxonomy().event_types()),
            sub_event_type=_vocabulary(
                "sub_event_type", sub_event_type, list(load_taxonomy().sub_event_types())
            ),
            actor=actor or None,
            admin1=admin1 or None,
            bbox=parse_bbox(bbox) if bbox else None,
            modality=modality,
            source=source or None,
            factual_only=factual,
        )
    except ValueError as exc:
        raise HTTPException(status_code=422, detail=str(exc)) from None


Criteria = Annotated[EventFilter, Depends(event_criteria)]


def event_page(
    criteria: Criteria,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"Events per page, 1 to {MAX_PAGE}.")
    ] = DEFAULT_PAGE,
    offset: Annotated[int, Query(ge=0, description="Events to skip.")] = 0,
) -> EventFilter:
    """The filter of a query with one page of ``GET /api/events``."""
    return replace(criteria, limit=limit, offset=offset)


def feature_page(
    criteria: Criteria,
    limit: Annotated[
        int, Query(ge=1, le=MAX_FEATURES, description=f"Features at most, 1 to {MAX_FEATURES}.")
    ] = MAX_FEATURES,
    offset: Annotated[int, Query(ge=0, description="Events to skip.")] = 0,
) -> EventFilter:
    """The filter of a query with one page of ``GET /api/events.geojson``."""
    return replace(criteria, limit=limit, offset=offset)


def _vocabulary(name: str, value: str | None, known: list[str]) -> str | None:
    """The canonical spelling of a controlled value, matched ignoring case."""
    if not value:
        return None
    by_key = {item.casefold(): item for item in known}
    found = by_key.get(value.strip().casefold())
    if found is None:
        raise ValueError(
            f"{name} {value!r} is not in ACLED's taxonomy; choose one of: {', '.join(known)}"
        )
    return found
