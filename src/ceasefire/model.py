"""The data objects every stage shares.

Stages pass these one way: ``Document`` (ingest) → ``AnnotatedDocument`` with
``Sentence`` and ``Mention`` records (nlp, actors, geo) → ``Event`` with its
``Evidence`` (events) → store. All records are frozen, keyword-only dataclasses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

MODALITIES = ("reported", "alleged", "forecast", "assessment")
FACTUAL_MODALITIES = ("reported", "alleged")
DATE_PRECISIONS = ("day", "week", "month", "range")


def content_id(text: str) -> str:
    """Id of a document: a hash of its text, so re-ingesting the same text is a no-op."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True, kw_only=True)
class Document:
    """One report as read by an ingest reader."""

    id: str
    text: str
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None  # where it was read from: a path, "path:line", a feed item
    external_id: str | None = None  # an id the input gave, kept for the user

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Document:
        return cls(id=content_id(text), text=text, **fields)


@dataclass(frozen=True, kw_only=True)
class Sentence:
    """A sentence of the document text, by character offsets."""

    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph the sentence belongs to


@dataclass(frozen=True, kw_only=True)
class Mention:
    """A span of the document text recognised by a stage (a date, an actor, a place, a number…).

    ``kind`` names what it is ("date", "actor", "place", "fatalities", "trigger", "modality");
    ``value`` carries the stage's reading of it (a ``DateValue``, an ``Actor``, a ``Place``…).
    """

    kind: str
    start: int
    end: int
    text: str
    value: Any = None
    produced_by: str = ""


@dataclass(frozen=True, kw_only=True)
class DateValue:
    """A resolved time expression: a day, or a period with its precision."""

    start: date
    end: date
    precision: str  # day | week | month | range

    @property
    def representative(self) -> date:
        """The day an event in this period is coded to: the middle of the period."""
        return self.start + (self.end - self.start) / 2


@dataclass(frozen=True, kw_only=True)
class Actor:
    """A canonical actor from the actor dictionary."""

    name: str  # canonical name in ACLED's style
    kind: str  # state_forces | government | rebel | militia | protesters | civilians | unidentified | external
    country: str | None = None
    inter: int | None = None  # ACLED interaction code


@dataclass(frozen=True, kw_only=True)
class Place:
    """A gazetteer place."""

    name: str
    country: str
    latitude: float
    longitude: float
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    feature: str = "populated_place"  # populated_place | admin1 | country | route | facility | area
    population: int = 0
    source: str = ""
    place_id: str = ""


@dataclass(frozen=True, kw_only=True)
class AnnotatedDocument:
    """A document with the sentences and mentions the nlp, actor and geo stages found."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    content_end: int | None = None  # where the news text ends and site boilerplate begins

    def mentions_of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def with_mentions(self, extra: list[Mention] | tuple[Mention, ...]) -> AnnotatedDocument:
        merged = tuple(sorted((*self.mentions, *extra), key=lambda m: (m.start, m.end, m.kind)))
        return replace(self, mentions=merged)


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """The span of the document text a field of an event came from."""

    field: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, kw_only=True)
class Event:
    """One coded event, in ACLED's fields plus modality, attribution and evidence."""

    event_id: str
    doc_id: str
    event_date: date | None
    date_precision: str | None
    date_start: date | None
    date_end: date | None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    modality: str = "reported"
    attribution: str | None = None
    source: str | None = None
    confidence: float = 0.5
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    notes: str | None = None  # the sentence(s) the event was coded from
    produced_by: str = ""

    @property
    def is_factual(self) -> bool:
        """Forecasts and assessments are kept but never counted as events that happened."""
        return self.modality in FACTUAL_MODALITIES

    def to_record(self) -> dict[str, Any]:
        """The event as a JSON-ready dict with the field names of the JSONL export."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "event_date": _iso(self.event_date),
            "date_precision": self.date_precision,
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1,
            "assoc_actor_1": self.assoc_actor_1,
            "actor2": self.actor2,
            "assoc_actor_2": self.assoc_actor_2,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "location": self.location,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
            "fatalities": self.fatalities,
            "modality": self.modality,
            "attribution": self.attribution,
            "source": self.source,
            "confidence": self.confidence,
            "evidence": [{"field": e.field, "text": e.text, "start": e.start, "end": e.end} for e in self.evidence],
            "notes": self.notes,
            "produced_by": self.produced_by,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Event:
        """Inverse of ``to_record``."""
        values = dict(record)
        for key in ("event_date", "date_start", "date_end"):
            values[key] = date.fromisoformat(values[key]) if values.get(key) else None
        values["evidence"] = tuple(Evidence(**e) for e in values.get("evidence") or ())
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in values.items() if k in known})


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
