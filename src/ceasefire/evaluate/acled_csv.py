"""Scoring against ACLED-format CSV gold codings that carry the report text in ``notes``.

Each document (the rows sharing a ``doc_id``, or each row alone) is coded from its notes,
or from the document of that id when a JSONL of documents is given; gold rows and factual
system events are paired greedily by agreement, and fields are compared on the pairs.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ceasefire.errors import ConfigurationError
from ceasefire.geo.resolve import haversine_km
from ceasefire.model import Document, Event

PAIR_FIELDS = (
    "event_type",
    "sub_event_type",
    "event_date",
    "actor1",
    "actor2",
    "actor_pair",
    "admin1",
    "location_10km",
    "fatalities",
)
NO_EVENT = "(none)"


@dataclass
class Pair:
    doc_id: str
    gold: dict[str, str]
    event: Event | None
    checks: dict[str, bool] = field(default_factory=dict)


@dataclass
class CsvScore:
    pairs: list[Pair]
    unmatched_events: list[Event]

    @property
    def gold_count(self) -> int:
        return len(self.pairs)

    @property
    def matched(self) -> list[Pair]:
        return [p for p in self.pairs if p.event is not None]

    def recall(self) -> float:
        return len(self.matched) / self.gold_count if self.gold_count else 0.0

    def precision(self) -> float:
        produced = len(self.matched) + len(self.unmatched_events)
        return len(self.matched) / produced if produced else 0.0

    def accuracy(self) -> dict[str, float]:
        """Each field's share of correct values over all gold events (a missed event is wrong)."""
        total = self.gold_count or 1
        return {f: sum(1 for p in self.matched if p.checks.get(f)) / total for f in PAIR_FIELDS}

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter((p.gold["sub_event_type"], p.event.sub_event_type if p.event else NO_EVENT) for p in self.pairs)


def read_gold_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8") as stream:
            rows = list(csv.DictReader(stream))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ConfigurationError(f"{path}: cannot read gold CSV ({error})") from error
    if not rows or "notes" not in rows[0] or "sub_event_type" not in rows[0]:
        raise ConfigurationError(f"{path}: a gold CSV needs ACLED columns with 'notes' and 'sub_event_type'")
    return rows


def group_documents(
    rows: list[dict[str, str]], known: dict[str, Document]
) -> list[tuple[Document, list[dict[str, str]]]]:
    """The documents to code and their gold rows: by ``doc_id`` when the CSV has one."""
    groups: dict[str, list[dict[str, str]]] = {}
    for index, row in enumerate(rows):
        key = row.get("doc_id") or f"row-{index + 2}"
        groups.setdefault(key, []).append(row)
    documents = []
    for key, group in groups.items():
        document = known.get(key)
        if document is None:
            notes = max((r["notes"] for r in group), key=len)
            published = _published(group[0])
            document = Document.from_text(
                notes, published=published, source=group[0].get("source") or None, external_id=key
            )
        documents.append((document, group))
    return documents


def _published(row: dict[str, str]) -> date | None:
    value = row.get("published") or ""
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def score_csv(
    documents: list[tuple[Document, list[dict[str, str]]]], code: Callable[[Document], list[Event]]
) -> CsvScore:
    pairs: list[Pair] = []
    unmatched: list[Event] = []
    for document, rows in documents:
        events = [e for e in code(document) if e.is_factual]
        doc_pairs, leftover = _pair(document.external_id or document.id, rows, events)
        pairs.extend(doc_pairs)
        unmatched.extend(leftover)
    return CsvScore(pairs=pairs, unmatched_events=unmatched)


def _checks(gold: dict[str, str], event: Event) -> dict[str, bool]:
    distance = None
    try:
        if event.latitude is not None and event.longitude is not None and gold.get("latitude"):
            distance = haversine_km(
                (float(gold["latitude"]), float(gold["longitude"])), (event.latitude, event.longitude)
            )
    except ValueError:
        distance = None
    gold_pair = {gold.get("actor1") or None, gold.get("actor2") or None} - {None}
    coded_pair = {event.actor1, event.actor2} - {None}
    gold_deaths = gold.get("fatalities", "")
    return {
        "event_type": event.event_type == gold.get("event_type"),
        "sub_event_type": event.sub_event_type == gold.get("sub_event_type"),
        "event_date": event.event_date is not None and event.event_date.isoformat() == gold.get("event_date"),
        "actor1": (event.actor1 or "") == (gold.get("actor1") or ""),
        "actor2": (event.actor2 or "") == (gold.get("actor2") or ""),
        "actor_pair": gold_pair == coded_pair,
        "admin1": (event.admin1 or "") == (gold.get("admin1") or ""),
        "location_10km": distance is not None and distance <= 10,
        "fatalities": str(event.fatalities if event.fatalities is not None else "") == gold_deaths.strip()
        or (gold_deaths.strip() == "" and event.fatalities is None),
    }


def _pair(doc_id: str, rows: list[dict[str, str]], events: list[Event]) -> tuple[list[Pair], list[Event]]:
    options = []
    for gi, gold in enumerate(rows):
        for ei, event in enumerate(events):
            checks = _checks(gold, event)
            weight = (
                3 * checks["sub_event_type"]
                + 2 * checks["event_type"]
                + checks["event_date"]
                + checks["location_10km"]
                + checks["actor_pair"]
            )
            if checks["event_type"] or checks["event_date"] or checks["location_10km"]:
                options.append((weight, gi, ei, checks))
    options.sort(key=lambda o: -o[0])
    used_gold: dict[int, tuple[int, dict[str, bool]]] = {}
    used_events: set[int] = set()
    for _weight, gi, ei, checks in options:
        if gi in used_gold or ei in used_events:
            continue
        used_gold[gi] = (ei, checks)
        used_events.add(ei)
    pairs = []
    for gi, gold in enumerate(rows):
        if gi in used_gold:
            ei, checks = used_gold[gi]
            pairs.append(Pair(doc_id=doc_id, gold=gold, event=events[ei], checks=checks))
        else:
            pairs.append(Pair(doc_id=doc_id, gold=gold, event=None))
    leftover = [e for i, e in enumerate(events) if i not in used_events]
    return pairs, leftover
