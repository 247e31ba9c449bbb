"""Scoring against a gold JSON of hand-coded events for one document
(the format of ``shared/bench/seed-gold.json``).

A required gold event is matched by the best factual system event with an accepted
sub-event type, a date inside its window and a place within its distance; actors,
fatalities and the other fields are then read on the matched events only. A factual
event coded from a forecast sentence or from site boilerplate is a false positive.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ceasefire.errors import ConfigurationError
from ceasefire.geo.resolve import haversine_km
from ceasefire.model import Document, Event

FIELDS = (
    "sub_event_type",
    "event_type",
    "event_date",
    "date_precision",
    "location",
    "admin1",
    "actors",
    "fatalities",
    "modality",
)


@dataclass
class GoldMatch:
    gold_id: str
    event: Event | None
    fields: dict[str, bool] = field(default_factory=dict)
    distance_km: float | None = None


@dataclass
class GoldJsonScore:
    required: int
    matches: list[GoldMatch]
    false_positives: list[Event]
    events: list[Event]

    @property
    def recall(self) -> float:
        return sum(1 for m in self.matches if m.event is not None) / self.required if self.required else 0.0

    @property
    def matched(self) -> list[GoldMatch]:
        return [m for m in self.matches if m.event is not None]

    def field_accuracy(self) -> dict[str, float]:
        matched = self.matched
        if not matched:
            return {f: 0.0 for f in FIELDS}
        return {f: sum(1 for m in matched if m.fields.get(f)) / len(matched) for f in FIELDS}

    def fully_correct(self) -> int:
        """Matched events whose actors and fatalities are right too (the seed's pass rule)."""
        return sum(1 for m in self.matched if m.fields.get("actors") and m.fields.get("fatalities"))


def load_gold_json(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text("utf-8"))
        _ = gold["events"], gold["document"]
    except (OSError, ValueError, KeyError) as error:
        raise ConfigurationError(f"{path}: not a gold JSON with 'document' and 'events' ({error})") from error
    return gold


def gold_document_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    """Where the gold's document lies: its ``document.path`` relative to the gold's parent folder."""
    return gold_path.resolve().parent.parent / gold["document"]["path"]


def score_gold_json(gold: dict[str, Any], document: Document, events: list[Event]) -> GoldJsonScore:
    required = [g for g in gold["events"] if g.get("required", True)]
    factual = [e for e in events if e.is_factual]
    matches = [_match(g, factual) for g in required]
    return GoldJsonScore(
        required=len(required),
        matches=matches,
        false_positives=_false_positives(gold, document, factual, matches),
        events=events,
    )


def _places(g: dict[str, Any]) -> list[dict[str, Any]]:
    if "location" in g:
        return [g["location"]]
    return list(g.get("location_any", []))


def _accepted_types(g: dict[str, Any]) -> set[str]:
    accepted = {g["sub_event_type"]}
    accepted.update(item.split("|")[-1] for item in g.get("also_accept", []))
    return accepted


def _distance(g: dict[str, Any], event: Event) -> float | None:
    if event.latitude is None or event.longitude is None:
        return None
    best = None
    for place in _places(g):
        d = haversine_km((place["lat"], place["lon"]), (event.latitude, event.longitude))
        if d <= place.get("max_km", 10) and (best is None or d < best):
            best = d
    return best


def _match(g: dict[str, Any], events: list[Event]) -> GoldMatch:
    start, end = (date.fromisoformat(d) for d in g["date_window"])
    candidates = []
    for event in events:
        if event.sub_event_type not in _accepted_types(g):
            continue
        if event.event_date is None or not (start <= event.event_date <= end):
            continue
        distance = _distance(g, event)
        if distance is None:
            continue
        score = _field_checks(g, event)
        candidates.append((sum(score.values()), -distance, event, score, distance))
    if not candidates:
        return GoldMatch(gold_id=g["id"], event=None)
    _, _, event, fields, distance = max(candidates, key=lambda c: (c[0], c[1]))
    return GoldMatch(gold_id=g["id"], event=event, fields=fields, distance_km=round(distance, 2))


def _state_of(name: str) -> str | None:
    found = re.match(r"^(?:Military Forces|Government|Police Forces) of (.+?) \(", name)
    return found.group(1) if found else None


def _actors_ok(g: dict[str, Any], event: Event) -> bool:
    coded = {a for a in (event.actor1, event.assoc_actor_1, event.actor2, event.assoc_actor_2) if a}
    lenient = "accepted" in g.get("actors_note", "")
    for actor in g.get("actors_any_order", []):
        if actor in coded:
            continue
        state = _state_of(actor)
        if lenient and state and any(_state_of(c) == state for c in coded):
            continue
        return False
    return True


def _field_checks(g: dict[str, Any], event: Event) -> dict[str, bool]:
    precision_not = g.get("date_precision_not")
    location_names = {p.get("name") for p in _places(g)}
    admin1s = {p.get("admin1") for p in _places(g) if p.get("admin1")}
    return {
        "sub_event_type": event.sub_event_type == g["sub_event_type"],
        "event_type": event.event_type == g["event_type"],
        "event_date": True,  # inside the window by the matching rule
        "date_precision": precision_not is None or event.date_precision != precision_not,
        "location": _distance(g, event) is not None,
        "admin1": not admin1s or event.admin1 in admin1s or bool(location_names & {event.location}),
        "actors": _actors_ok(g, event),
        "fatalities": event.fatalities == g.get("fatalities", 0),
        "modality": event.modality == g.get("modality", "reported"),
    }


def _false_positives(
    gold: dict[str, Any], document: Document, factual: list[Event], matches: list[GoldMatch]
) -> list[Event]:
    text = document.text
    matched_ids = {m.event.event_id for m in matches if m.event is not None}
    spans = []
    for item in gold.get("not_events", []):
        cue = item.get("cue", "")
        at = text.find(cue)
        if at < 0:
            continue
        if item.get("kind") == "boilerplate":
            spans.append((at, len(text)))
        else:
            start = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
            stop = text.find(".", at + len(cue))
            spans.append((start, stop if stop >= 0 else len(text)))
    wrong = []
    for event in factual:
        if event.event_id in matched_ids:
            continue
        positions = [e.start for e in event.evidence if e.field == "sub_event_type"]
        if any(s <= p < t for p in positions for s, t in spans):
            wrong.append(event)
    return wrong
