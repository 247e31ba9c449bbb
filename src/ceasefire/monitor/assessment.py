"""Is the ceasefire holding? One call that measures an agreement against stored events.

    with open_store("ceasefire.db") as store:
        result = assess_store(load_agreement("idlib-2020"), store, Gazetteer.load())
    result.zones["m4-corridor"].total

The store is read through its query API only; everything after that is pure functions
of the agreement and the events, so a test can build either by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ceasefire.model import Event
from ceasefire.monitor.agreements import Agreement
from ceasefire.monitor.alerts import Alert, evaluate_rule
from ceasefire.monitor.compliance import Violation, ZoneTally, find_violations, tally
from ceasefire.monitor.patrols import (
    Coverage,
    Patrol,
    coverage_by_day,
    find_patrols,
    is_incident_against_patrol,
)

PRODUCED_BY = "monitor.assessment.v1"


@dataclass(frozen=True, kw_only=True)
class Assessment:
    """Everything the monitor measured for one agreement."""

    agreement: Agreement
    events_read: int
    violations: tuple[Violation, ...]
    outside: tuple[Event, ...]  # violent events placed in no zone (shown on the map only)
    unplaced: tuple[Event, ...]
    zones: dict[str, ZoneTally]
    patrols: tuple[Patrol, ...]
    coverage: tuple[Coverage, ...]
    incidents: tuple[Event, ...]
    alerts: tuple[Alert, ...]

    def coverage_on(self, day: date) -> Coverage | None:
        """Cumulative patrol coverage at the end of ``day`` (None before the first patrol)."""
        known = [c for c in self.coverage if c.day <= day]
        return known[-1] if known else None

    def to_record(self) -> dict[str, Any]:
        """A JSON-ready summary (what ``ceasefire monitor --format json`` prints)."""
        a = self.agreement
        route = _patrol_route(a)
        return {
            "agreement": {
                "id": a.id,
                "name": a.name,
                "parties": list(a.parties),
                "signed": a.signed.isoformat(),
                "effective": a.effective.isoformat(),
            },
            "events_read": self.events_read,
            "zones": {
                zone_id: {
                    "name": a.zones[zone_id].name,
                    "effective": a.zones[zone_id].effective.isoformat(),
                    "violations": t.total,
                    "fatalities": t.fatalities,
                    "by_day": t.by_day,
                    "by_perpetrator": t.by_perpetrator,
                    "by_modality": t.by_modality,
                }
                for zone_id, t in self.zones.items()
            },
            "violent_events_outside_zones": len(self.outside),
            "unplaced_violent_events": len(self.unplaced),
            "violations": [
                {**_event_brief(v.event), "zones": list(v.zones)} for v in self.violations
            ],
            "patrols": {
                "route": route.id if route else None,
                "route_length_km": round(route.length_m / 1000, 2) if route else None,
                "patrol_days": len({p.day for p in self.patrols}),
                "reports": [
                    {
                        **_event_brief(p.event),
                        "places": [q.place for q in p.places],
                        "from_km": _km(p.start_m),
                        "to_km": _km(p.end_m),
                    }
                    for p in self.patrols
                ],
                "coverage": [
                    {
                        "day": c.day.isoformat(),
                        "patrol_days": c.patrols,
                        "covered_km": _km(c.covered_m),
                        "share": round(c.share, 3),
                        "furthest_km": _km(c.furthest_m),
                    }
                    for c in self.coverage
                ],
            },
            "incidents_against_patrols": [_event_brief(e) for e in self.incidents],
            "alerts": [alert.to_record() for alert in self.alerts],
            "produced_by": PRODUCED_BY,
        }


def _km(metres: float | None) -> float | None:
    return None if metres is None else round(metres / 1000, 2)


def _event_brief(event: Event) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "date": event.event_date.isoformat() if event.event_date else None,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "modality": event.modality,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "fatalities": event.fatalities,
        "source": event.source,
    }


def _patrol_route(agreement: Agreement) -> Any:
    provisions = agreement.provisions_of("joint_patrols")
    return agreement.routes[provisions[0].route] if provisions and provisions[0].route else None


def assess(agreement: Agreement, events: list[Event], gazetteer: Any) -> Assessment:
    """Measure ``agreement`` against ``events`` (the gazetteer reads patrol reports)."""
    violent = find_violations(agreement, events)
    violations = violent.violations
    patrols: list[Patrol] = []
    coverage: list[Coverage] = []
    incidents: list[Event] = []
    projection = agreement.projection
    for provision in agreement.provisions_of("joint_patrols"):
        route = agreement.routes[provision.route or ""]
        found = find_patrols(events, route, projection, gazetteer, provision)
        patrols.extend(found)
        coverage.extend(coverage_by_day(found, route))
        incidents.extend(
            e
            for e in events
            if is_incident_against_patrol(e) and e.event_date and e.event_date >= provision.effective
        )
    alerts = [alert for rule in agreement.alerts for alert in evaluate_rule(rule, violations)]
    return Assessment(
        agreement=agreement,
        events_read=len(events),
        violations=tuple(violations),
        outside=tuple(violent.outside),
        unplaced=tuple(violent.unplaced),
        zones={zone_id: tally(zone_id, violations) for zone_id in agreement.zones},
        patrols=tuple(patrols),
        coverage=tuple(coverage),
        incidents=tuple(incidents),
        alerts=tuple(alerts),
    )


def assess_store(agreement: Agreement, store: Any, gazetteer: Any) -> Assessment:
    """``assess`` over the stored events dated from the signing day on."""
    from ceasefire.store import EventFilter

    events = store.query_events(EventFilter(date_from=agreement.signed))
    return assess(agreement, events, gazetteer)
