"""Scoring where events are placed, on reports with the place a careful coder would choose
(``benchmarks/data/syria-geocoding.jsonl``): within 10 km of it, and the right province."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ceasefire.errors import ConfigurationError
from ceasefire.geo.resolve import haversine_km
from ceasefire.model import Document, Event

WITHIN_KM = 10.0


@dataclass
class GeocodingScore:
    total: int = 0
    within: int = 0
    admin1: int = 0
    by_rule: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    misses: list[tuple[dict, Event | None]] = field(default_factory=list)

    @property
    def within_rate(self) -> float:
        return self.within / self.total if self.total else 0.0

    @property
    def admin1_rate(self) -> float:
        return self.admin1 / self.total if self.total else 0.0


def read_geocoding_set(path: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as error:
        raise ConfigurationError(f"{path}: not a JSONL geocoding set ({error})") from error


def score_geocoding(rows: list[dict], code: Callable[[Document], list[Event]]) -> GeocodingScore:
    """Each report's most confident factual event, placed against the gold place."""
    score = GeocodingScore()
    for row in rows:
        published = date.fromisoformat(row["published"]) if row.get("published") else None
        events = [e for e in code(Document.from_text(row["text"], published=published)) if e.is_factual]
        best = max(events, key=lambda e: e.confidence) if events else None
        near = (
            best is not None
            and best.latitude is not None
            and best.longitude is not None
            and haversine_km((row["latitude"], row["longitude"]), (best.latitude, best.longitude)) <= WITHIN_KM
        )
        same_admin1 = best is not None and best.admin1 == row["admin1"]
        score.total += 1
        score.within += near
        score.admin1 += same_admin1
        tally = score.by_rule[row.get("rule", "")]
        tally[0] += 1
        tally[1] += near
        tally[2] += same_admin1
        if not near:
            score.misses.append((row, best))
    return score
