"""Builders of documents and events for the store tests.

A uniquely named module, not conftest: pytest drops ``conftest`` from sys.modules
between folders, so importing helpers from it depends on collection order.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ceasefire.model import Document, Event, Evidence


def make_document(text: str = "Shelling hit Saraqib on 3 March 2020.", **fields: Any) -> Document:
    defaults: dict[str, Any] = {
        "published": date(2020, 3, 4),
        "source": "SOHR",
        "url": "https://example.org/report/1",
        "title": "Shelling in Idlib",
        "origin": "reports/1.txt",
        "external_id": "ext-1",
    }
    return Document.from_text(text, **{**defaults, **fields})


def make_event(doc: Document, event_id: str, **fields: Any) -> Event:
    values: dict[str, Any] = {
        "event_id": event_id,
        "doc_id": doc.id,
        "event_date": date(2020, 3, 3),
        "date_precision": "day",
        "date_start": date(2020, 3, 3),
        "date_end": date(2020, 3, 3),
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Syria (2000-)",
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
        "confidence": 0.8,
        "notes": "Shelling hit Saraqib on 3 March 2020.",
        "produced_by": "events.rules.v1",
    }
    values.update(fields)
    return Event(**values)


def evidence(field: str, text: str, start: int) -> Evidence:
    return Evidence(field=field, text=text, start=start, end=start + len(text))
