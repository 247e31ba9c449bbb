"""A small store of known events for the API tests, with evidence that points into the text."""

from __future__ import annotations

from datetime import date
from typing import Any

from ceasefire.model import Document, Event, Evidence
from ceasefire.store import open_store

TOKEN = "analyst-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

DOC_A = Document.from_text(
    "Shelling hit Saraqib on 3 March 2020. Two civilians were killed.\n\n"
    "On 5 May 2020 a joint Russian-Turkish patrol drove the M4 highway near Nayrab.",
    published=date(2020, 5, 6),
    source="SOHR",
    url="https://example.org/sohr/1",
    title="Idlib round-up",
    external_id="sohr-1",
)
DOC_B = Document.from_text(
    "Protesters gathered in Ariha on 7 May 2020. Government forces may shell Jisr al-Shughur "
    "next week, an official warned. HTS fighters clashed with Hurras al-Din in Aleppo on "
    "20 June 2020. Turkey and Russia agreed to keep talking.",
    published=date(2020, 6, 21),
    source="Idlib Monitor",
    title="Weekly monitor",
)

SARAQIB = (35.8623, 36.8006)
NAYRAB = (35.8696, 36.7187)
ARIHA = (35.8137, 36.6096)
JISR = (35.8126, 36.3176)
ALEPPO = (36.2021, 37.1343)


def _event(doc: Document, event_id: str, sentence: str, spans: dict[str, str], **fields: Any) -> Event:
    start = doc.text.index(sentence)
    evidence = []
    for field_name, text in spans.items():
        at = doc.text.index(text, start)
        evidence.append(Evidence(field=field_name, text=text, start=at, end=at + len(text)))
    values: dict[str, Any] = {
        "event_id": event_id,
        "doc_id": doc.id,
        "date_precision": "day",
        "country": "Syria",
        "admin1": "Idleb",
        "geo_precision": 1,
        "fatalities": 0,
        "modality": "reported",
        "source": doc.source,
        "confidence": 0.8,
        "notes": sentence,
        "produced_by": "tests.api",
        "evidence": tuple(evidence),
    }
    values.update(fields)
    day = values.get("event_date")
    values.setdefault("date_start", day)
    values.setdefault("date_end", day)
    return Event(**values)


EVENTS_A = [
    _event(
        DOC_A, "ev-shelling", "Shelling hit Saraqib on 3 March 2020.",
        {"sub_event_type": "Shelling", "location": "Saraqib", "event_date": "3 March 2020",
         "fatalities": "Two civilians were killed"},
        event_date=date(2020, 3, 3), event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria (2000-)", actor2="Civilians (Syria)",
        location="Saraqeb", latitude=SARAQIB[0], longitude=SARAQIB[1], fatalities=2,
    ),
    _event(
        DOC_A, "ev-patrol", "On 5 May 2020 a joint Russian-Turkish patrol drove the M4 highway near Nayrab.",
        {"event_date": "5 May 2020", "sub_event_type": "patrol", "location": "Nayrab"},
        event_date=date(2020, 5, 5), event_type="Strategic developments",
        sub_event_type="Change to group/activity",
        actor1="Military Forces of Russia (2000-)", assoc_actor_1="Military Forces of Turkey (2016-)",
        location="An Nayrab", latitude=NAYRAB[0], longitude=NAYRAB[1],
    ),
]
EVENTS_B = [
    _event(
        DOC_B, "ev-protest", "Protesters gathered in Ariha on 7 May 2020.",
        {"actor1": "Protesters", "location": "Ariha", "event_date": "7 May 2020"},
        event_date=date(2020, 5, 7), event_type="Protests", sub_event_type="Peaceful protest",
        actor1="Protesters (Syria)", location="Ariha", latitude=ARIHA[0], longitude=ARIHA[1],
    ),
    _event(
        DOC_B, "ev-forecast", "Government forces may shell Jisr al-Shughur next week, an official warned.",
        {"modality": "may", "location": "Jisr al-Shughur"},
        event_date=date(2020, 5, 14), date_precision="week",
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria (2000-)", location="Jisr al-Shughur",
        latitude=JISR[0], longitude=JISR[1], modality="forecast", confidence=0.5,
    ),
    _event(
        DOC_B, "ev-clash", "HTS fighters clashed with Hurras al-Din in Aleppo on 20 June 2020.",
        {"actor1": "HTS", "actor2": "Hurras al-Din", "location": "Aleppo"},
        event_date=date(2020, 6, 20), event_type="Battles", sub_event_type="Armed clash",
        actor1="HTS: Hayat Tahrir al Sham", actor2="Hurras al Din", admin1="Aleppo",
        location="Aleppo", latitude=ALEPPO[0], longitude=ALEPPO[1], modality="alleged",
    ),
    _event(
        DOC_B, "ev-undated", "Turkey and Russia agreed to keep talking.",
        {"sub_event_type": "agreed"},
        event_date=None, date_precision=None, event_type="Strategic developments",
        sub_event_type="Agreement", actor1="Government of Turkey (2016-)",
        actor2="Government of Russia (2000-)", admin1=None, country=None,
    ),
]
ALL_IDS = [e.event_id for e in (*EVENTS_A, *EVENTS_B)]


def seed_store(url: str) -> None:
    """Fill the (empty) store at ``url`` with DOC_A, DOC_B and their events."""
    with open_store(url) as store:
        store.add_document(DOC_A, EVENTS_A)
        store.add_document(DOC_B, EVENTS_B)
