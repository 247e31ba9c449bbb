"""Patrols: which joint patrols took place, and how much of their route they covered.

A patrol is a factual "Change to group/activity" event whose notes or evidence mention a
patrol. The stretch it covered is read from the places its notes name: each is looked up
in the gazetteer, kept if it lies near the route, and projected onto it; the patrol covers
the span between the first and the last. A patrol naming one place covers a short stretch
around it; one naming none falls back to the event's own coordinates. Reports of the same
day's patrol are one patrol, as the parties ran at most one a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ceasefire.model import Event
from ceasefire.monitor.agreements import Provision
from ceasefire.monitor.compliance import VIOLENT_EVENT_TYPES, is_placed
from ceasefire.monitor.routes import Projection, Route

PATROL_SUB_EVENT = "Change to group/activity"
INCIDENT_EVENT_TYPES = (*VIOLENT_EVENT_TYPES, "Riots")
_PATROL_WORD = re.compile(r"\bpatrol(?:s|led|ling)?\b", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class PlaceOnRoute:
    name: str  # as written in the report
    place: str  # the gazetteer place it was read as
    along_m: float
    offset_m: float


@dataclass(frozen=True, kw_only=True)
class Patrol:
    """One reported patrol and the stretch of the route it covered (None: unknown)."""

    event: Event
    places: tuple[PlaceOnRoute, ...]
    start_m: float | None
    end_m: float | None

    @property
    def day(self) -> date:
        assert self.event.event_date is not None
        return self.event.event_date


@dataclass(frozen=True, kw_only=True)
class Coverage:
    """How much of the route patrols had covered by the end of ``day``, all patrols so far."""

    day: date
    patrols: int  # patrol days up to and including ``day``
    covered_m: float
    share: float
    furthest_m: float
    spans: tuple[tuple[float, float], ...]

    def covers(self, along_m: float) -> bool:
        return any(start <= along_m <= end for start, end in self.spans)


def mentions_patrol(event: Event) -> bool:
    texts = [event.notes or "", *(e.text for e in event.evidence)]
    return any(_PATROL_WORD.search(t) for t in texts)


def is_patrol(event: Event) -> bool:
    return event.sub_event_type == PATROL_SUB_EVENT and event.is_factual and mentions_patrol(event)


def places_on_route(
    text: str, route: Route, projection: Projection, gazetteer: Any, *, max_offset_m: float
) -> list[PlaceOnRoute]:
    """The places ``text`` names that lie within ``max_offset_m`` of the route, in text order."""
    found = []
    for match in gazetteer.find_place_names(text):
        best: PlaceOnRoute | None = None
        for candidate in match.candidates:
            place = candidate.place
            if place.feature not in ("populated_place", "facility", "crossing", "camp"):
                continue
            along, offset = route.locate(projection.point(place.longitude, place.latitude))
            if offset <= max_offset_m and (best is None or offset < best.offset_m):
                best = PlaceOnRoute(name=match.text, place=place.name, along_m=along, offset_m=offset)
        if best is not None:
            found.append(best)
    return found


def read_patrol(
    event: Event, route: Route, projection: Projection, gazetteer: Any, provision: Provision
) -> Patrol:
    """The stretch one patrol event covered, from the places its report names."""
    text = event.notes or " ".join(e.text for e in event.evidence)
    places = places_on_route(text, route, projection, gazetteer, max_offset_m=provision.max_offset_m)
    positions = [p.along_m for p in places]
    if not positions and is_placed(event):
        assert event.longitude is not None and event.latitude is not None
        along, offset = route.locate(projection.point(event.longitude, event.latitude))
        if offset <= provision.max_offset_m:
            positions = [along]
    if not positions:
        return Patrol(event=event, places=tuple(places), start_m=None, end_m=None)
    start, end = min(positions), max(positions)
    if end - start < 2 * provision.stretch_m:
        middle = (start + end) / 2
        start, end = middle - provision.stretch_m, middle + provision.stretch_m
    return Patrol(
        event=event,
        places=tuple(places),
        start_m=max(0.0, start),
        end_m=min(route.length_m, end),
    )


def find_patrols(
    events: list[Event], route: Route, projection: Projection, gazetteer: Any, provision: Provision
) -> list[Patrol]:
    """Patrol events on or after the provision's effective day, by date."""
    patrols = [
        read_patrol(event, route, projection, gazetteer, provision)
        for event in events
        if is_patrol(event) and event.event_date and event.event_date >= provision.effective
    ]
    return sorted(patrols, key=lambda p: (p.day, p.event.event_id))


def coverage_by_day(patrols: list[Patrol], route: Route) -> list[Coverage]:
    """Cumulative coverage of the route after each day with a patrol."""
    days = sorted({p.day for p in patrols})
    out = []
    for day in days:
        spans = _union(
            [(p.start_m, p.end_m) for p in patrols if p.day <= day and p.start_m is not None]  # type: ignore[misc]
        )
        covered = sum(end - start for start, end in spans)
        out.append(
            Coverage(
                day=day,
                patrols=len({p.day for p in patrols if p.day <= day}),
                covered_m=covered,
                share=covered / route.length_m,
                furthest_m=max((end for _, end in spans), default=0.0),
                spans=tuple(spans),
            )
        )
    return out


def _union(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    merged: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def is_incident_against_patrol(event: Event) -> bool:
    """A factual violent event or riot whose report is about a patrol (stones, IEDs, fire)."""
    return (
        event.event_type in INCIDENT_EVENT_TYPES
        and event.is_factual
        and event.sub_event_type != PATROL_SUB_EVENT
        and mentions_patrol(event)
    )
