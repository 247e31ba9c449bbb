"""Events for the export tests (a uniquely named module: see tests/store/store_builders.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

from ceasefire.model import Event, Evidence

TRICKY_NOTES = 'Shelling hit "Saraqib", Idlib;\nreported by «المرصد» — 2 killed, 3 wounded.\r\nEnd'

INTER = {
    "Military Forces of Syria (2000-)": 1,
    "Hayat Tahrir al-Sham": 2,
    "Civilians (Syria)": 7,
    "Protesters (Syria)": 6,
}


def make_event(event_id: str, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": event_id,
        "doc_id": "doc-1",
        "event_date": date(2020, 3, 3),
        "date_precision": "day",
        "date_start": date(2020, 3, 3),
        "date_end": date(2020, 3, 3),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Syria (2000-)",
        "assoc_actor_1": "Military Forces of Russia (2000-); Wagner Group",
        "actor2": "Civilians (Syria)",
        "country": "Syria",
        "admin1": "Idleb",
        "admin2": "Idleb",
        "admin3": "Saraqeb",
        "location": "Saraqeb",
        "latitude": 35.8623,
        "longitude": 36.8006,
        "geo_precision": 1,
        "fatalities": 2,
        "modality": "reported",
        "source": "SOHR",
        "confidence": 0.85,
        "evidence": (
            Evidence(field="location", text="Saraqib", start=20, end=27),
            Evidence(field="source", text="«المرصد»", start=50, end=58),
        ),
        "notes": TRICKY_NOTES,
        "produced_by": "events.rules.v1",
    }
    values.update(fields)
    return Event(**values)


def sample_events() -> list[Event]:
    """A located event with tricky notes, an unlocated alleged one, a forecast with no actor2."""
    return [
        make_event("e1"),
        make_event(
            "e2",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor2="Hayat Tahrir al-Sham",
            assoc_actor_1=None,
            latitude=None,
            longitude=None,
            geo_precision=None,
            fatalities=None,
            modality="alleged",
            attribution="according to pro-government media",
            date_precision="week",
            evidence=(),
            notes="Clashes near Kafr Nabl, the week of 2 March.",
        ),
        make_event(
            "e3",
            event_type="Strategic developments",
            sub_event_type="Agreement",
            actor2=None,
            assoc_actor_1=None,
            event_date=date(2020, 3, 15),
            date_precision="month",
            date_start=date(2020, 3, 1),
            date_end=date(2020, 3, 31),
            latitude=36.2021,
            longitude=37.1343,
            fatalities=0,
            modality="forecast",
            country="Türkiye",
            notes=None,
        ),
    ]
