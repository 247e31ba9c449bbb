"""Violations: violent events, on or after a zone's effective day, inside the zone.

Violent means ACLED's Battles, Explosions/Remote violence and Violence against civilians.
Only what happened counts: reported and alleged events, never forecasts or assessments.
An event placed no better than a region (ACLED geo-precision 3, or a province centroid)
cannot be put inside a 6 km band, so it is counted apart as unplaced, never as a violation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from ceasefire.model import Event
from ceasefire.monitor.agreements import Agreement

VIOLENT_EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")
UNKNOWN_ACTOR = "Unidentified"


@dataclass(frozen=True, kw_only=True)
class Violation:
    """A violent event and the zones of the agreement it broke."""

    event: Event
    zones: tuple[str, ...]

    @property
    def day(self) -> date:
        assert self.event.event_date is not None
        return self.event.event_date

    @property
    def perpetrator(self) -> str:
        return self.event.actor1 or UNKNOWN_ACTOR


@dataclass(frozen=True, kw_only=True)
class ZoneTally:
    """Violations in one zone: per day, by alleged perpetrator and by modality."""

    zone: str
    total: int
    fatalities: int
    by_day: dict[str, int]
    by_perpetrator: dict[str, int]
    by_modality: dict[str, int]


def is_violent(event: Event) -> bool:
    return event.event_type in VIOLENT_EVENT_TYPES and event.is_factual


def is_placed(event: Event) -> bool:
    """Whether the event's coordinates are precise enough to test against a zone."""
    return (
        event.latitude is not None
        and event.longitude is not None
        and (event.geo_precision or 1) < 3
    )


@dataclass(frozen=True, kw_only=True)
class ViolentEvents:
    """The violent events since the agreement took effect, sorted by where they fell."""

    violations: list[Violation]  # inside at least one zone
    outside: list[Event]  # placed, but in no zone
    unplaced: list[Event]  # too vaguely placed to test


def find_violations(agreement: Agreement, events: list[Event]) -> ViolentEvents:
    """Sort the violent factual events dated from the first zone's effective day."""
    projection = agreement.projection
    found: list[Violation] = []
    outside: list[Event] = []
    unplaced: list[Event] = []
    first_day = min((z.effective for z in agreement.zones.values()), default=agreement.effective)
    for event in events:
        if not is_violent(event) or event.event_date is None or event.event_date < first_day:
            continue
        if not is_placed(event):
            unplaced.append(event)
            continue
        assert event.longitude is not None and event.latitude is not None
        point = projection.point(event.longitude, event.latitude)
        zones = tuple(
            zone.id
            for zone in agreement.zones.values()
            if event.event_date >= zone.effective and zone.contains_point(point)
        )
        if zones:
            found.append(Violation(event=event, zones=zones))
        else:
            outside.append(event)
    return ViolentEvents(violations=found, outside=outside, unplaced=unplaced)


def tally(zone_id: str, violations: list[Violation]) -> ZoneTally:
    """The counts for one zone."""
    inside = [v for v in violations if zone_id in v.zones]
    by_day = Counter(v.day.isoformat() for v in inside)
    return ZoneTally(
        zone=zone_id,
        total=len(inside),
        fatalities=sum(v.event.fatalities or 0 for v in inside),
        by_day=dict(sorted(by_day.items())),
        by_perpetrator=dict(Counter(v.perpetrator for v in inside).most_common()),
        by_modality=dict(Counter(v.event.modality for v in inside).most_common()),
    )
