"""What the REST API reads and writes: the request and response bodies, as Pydantic models.

The models are the OpenAPI documentation too, so each field says what it holds.
Building them from the library's records (``Event``, ``Document``, ``Correction``)
happens here and nowhere else.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ceasefire.events.taxonomy import load_taxonomy
from ceasefire.model import Document, Event
from ceasefire.store.corrections import Correction

Modality = Literal["reported", "alleged", "forecast", "assessment"]
DatePrecision = Literal["day", "week", "month", "range"]
MAX_DOCUMENT_CHARS = 2_000_000


class EvidenceOut(BaseModel):
    """The span of the document text one field of the event was read from."""

    field: str
    text: str
    start: int = Field(description="Character offset into the document text.")
    end: int


class EventOut(BaseModel):
    """An event in ACLED's fields, plus modality, attribution, confidence and evidence."""

    event_id: str
    doc_id: str
    event_date: date | None
    date_precision: str | None
    date_start: date | None
    date_end: date | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    assoc_actor_1: str | None
    actor2: str | None
    assoc_actor_2: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    modality: str
    attribution: str | None
    source: str | None
    confidence: float
    evidence: list[EvidenceOut]
    notes: str | None = Field(description="The sentence(s) the event was coded from.")
    produced_by: str
    corrected_fields: list[str] = Field(
        default_factory=list, description="Fields whose value is an analyst's correction."
    )

    @classmethod
    def of(cls, event: Event, corrected_fields: list[str] | None = None) -> EventOut:
        return cls(**event.to_record(), corrected_fields=corrected_fields or [])


class EventPage(BaseModel):
    """One page of the events matching a query, with the total for paging."""

    total: int = Field(description="How many events match, over all pages.")
    limit: int
    offset: int
    next_offset: int | None = Field(description="The offset of the next page; null on the last.")
    events: list[EventOut]


class DocumentOut(BaseModel):
    """A stored report. Its text is untrusted: show it as text, never as markup."""

    id: str
    title: str | None
    source: str | None
    url: str | None
    published: date | None
    external_id: str | None
    text: str

    @classmethod
    def of(cls, document: Document) -> DocumentOut:
        return cls(
            id=document.id,
            title=document.title,
            source=document.source,
            url=document.url,
            published=document.published,
            external_id=document.external_id,
            text=document.text,
        )


class CorrectionOut(BaseModel):
    """One field of an event changed by an analyst, from the audit trail."""

    id: int
    event_id: str
    field: str
    old_value: Any
    new_value: Any
    author: str
    created_at: datetime
    reason: str | None

    @classmethod
    def of(cls, correction: Correction) -> CorrectionOut:
        return cls(**correction.to_record())


class Passage(BaseModel):
    """A stretch of the document text holding evidence, for showing it highlighted."""

    start: int
    end: int
    text: str
    is_notes: bool = Field(description="True for the sentence(s) the event was coded from.")


class EventDetail(BaseModel):
    """An event as corrected, its original coding, its corrections and its document."""

    event: EventOut = Field(description="The event with analysts' corrections applied.")
    original: EventOut = Field(description="The event as the coder stored it.")
    corrections: list[CorrectionOut] = Field(description="The audit trail, oldest first.")
    document: DocumentOut
    passages: list[Passage]


class Stats(BaseModel):
    """Counts for a dashboard; ``documents`` is always the store's total."""

    documents: int
    events: int
    factual_events: int
    undated_events: int
    events_by_type: dict[str, int]
    events_by_modality: dict[str, int]
    events_by_day: dict[str, int] = Field(description="ISO day → events, in date order.")


class TaxonomyOut(BaseModel):
    """The vocabularies the filters accept."""

    event_types: dict[str, list[str]] = Field(description="Event type → its sub-event types.")
    modalities: list[str]


class DocumentIn(BaseModel):
    """A report to code and store: its text or its HTML page, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, max_length=MAX_DOCUMENT_CHARS)
    html: str | None = Field(default=None, max_length=MAX_DOCUMENT_CHARS)
    published: date | None = Field(default=None, description="Publication date, YYYY-MM-DD.")
    source: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    external_id: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _one_body(self) -> DocumentIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give the report as either 'text' or 'html', not both or neither")
        return self

    @field_validator("url")
    @classmethod
    def _web_url(cls, value: str | None) -> str | None:
        if value is not None and urlsplit(value).scheme.lower() not in ("http", "https"):
            raise ValueError("url must be an http:// or https:// address")
        return value


class DocumentCreated(BaseModel):
    """What became of a posted report."""

    document_id: str
    stored: bool = Field(description="False when the same text was already stored.")
    events: list[EventOut]


class EventChanges(BaseModel):
    """New values for some fields of an event; a field left out keeps its value."""

    model_config = ConfigDict(extra="forbid")

    event_date: date | None = None
    date_precision: DatePrecision | None = None
    date_start: date | None = None
    date_end: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geo_precision: int | None = Field(default=None, ge=1, le=3)
    fatalities: int | None = Field(default=None, ge=0)
    modality: Modality | None = None
    attribution: str | None = None

    @field_validator("event_type")
    @classmethod
    def _known_event_type(cls, value: str | None) -> str | None:
        known = load_taxonomy().event_types()
        if value is not None and value not in known:
            raise ValueError(f"not an ACLED event type; choose one of: {', '.join(known)}")
        return value

    @field_validator("sub_event_type")
    @classmethod
    def _known_sub_event_type(cls, value: str | None) -> str | None:
        if value is not None and value not in load_taxonomy().sub_event_types():
            raise ValueError("not an ACLED sub-event type (see GET /api/taxonomy)")
        return value

    @model_validator(mode="after")
    def _required_fields_not_null(self) -> EventChanges:
        for name in ("event_type", "sub_event_type", "modality"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be null: every event has one")
        return self

    def given(self) -> dict[str, Any]:
        """The fields the request set, with their values (null included)."""
        return {name: getattr(self, name) for name in self.model_fields_set}


class CorrectionIn(BaseModel):
    """An analyst's correction: who makes it, why, and the new values."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    author: str = Field(min_length=1, max_length=200, description="Who makes the correction.")
    reason: str | None = Field(default=None, max_length=2000)
    changes: EventChanges
