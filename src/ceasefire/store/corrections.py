"""Analysts' corrections of stored events: an append-only audit trail beside the coding.

The coder's original values in ``events`` are never overwritten. A correction records
who changed which field of which event, when, why, and the value before and after;
the current value of a field is that of its latest correction. ``apply_corrections``
gives the event as corrected, for readers that want it that way (the API, the dashboard).

Values are stored JSON-encoded (dates as ISO strings), so ``None`` and numbers
survive the round trip on every backend.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import SQLAlchemyError

from ceasefire.errors import StoreError
from ceasefire.model import Event
from ceasefire.store.schema import corrections as corrections_table
from ceasefire.store.schema import events as events_table
from ceasefire.store.store import Store

# The fields an analyst may correct, with the Python type of their values. Ids, evidence
# and provenance (produced_by, confidence, notes) describe the coding itself: not correctable.
CORRECTABLE_FIELDS: dict[str, type] = {
    "event_date": date,
    "date_precision": str,
    "date_start": date,
    "date_end": date,
    "event_type": str,
    "sub_event_type": str,
    "actor1": str,
    "assoc_actor_1": str,
    "actor2": str,
    "assoc_actor_2": str,
    "country": str,
    "admin1": str,
    "admin2": str,
    "admin3": str,
    "location": str,
    "latitude": float,
    "longitude": float,
    "geo_precision": int,
    "fatalities": int,
    "modality": str,
    "attribution": str,
}
_IN_CHUNK = 500


@dataclass(frozen=True, kw_only=True)
class Correction:
    """One field of one event changed by an analyst: who, when, what, and why."""

    id: int
    event_id: str
    field: str
    old_value: Any
    new_value: Any
    author: str
    created_at: datetime
    reason: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The correction as a JSON-ready dict."""
        return {
            "id": self.id,
            "event_id": self.event_id,
            "field": self.field,
            "old_value": _encode_value(self.old_value),
            "new_value": _encode_value(self.new_value),
            "author": self.author,
            "created_at": self.created_at.isoformat(),
            "reason": self.reason,
        }


def add_corrections(
    store: Store,
    event_id: str,
    changes: Mapping[str, Any],
    *,
    author: str,
    at: datetime,
    reason: str | None = None,
) -> list[Correction]:
    """Record ``changes`` (field → new value) to one event, in one transaction.

    ``old_value`` is the field's current value (the original coding, or its latest
    correction). Fields whose value does not change are not recorded, so the result
    may be empty. Raises ``ValueError`` for a field that cannot be corrected or a value
    of the wrong type, and ``StoreError`` when the event is not stored.
    """
    if not author.strip():
        raise ValueError("a correction needs an author: say who made it")
    for name, value in changes.items():
        _check_value(name, value)
    try:
        with store._engine.connect() as conn, conn.begin():  # noqa: SLF001 - same package
            row = conn.execute(
                select(events_table)
                .where(events_table.c.event_id == event_id)
                .with_for_update()  # serialises concurrent corrections on PostgreSQL
            ).first()
            if row is None:
                raise StoreError(f"event {event_id} is not in {store.location}; nothing was changed")
            current = {name: row._mapping[name] for name in CORRECTABLE_FIELDS}
            for earlier in _corrections_in(conn, [event_id]).get(event_id, []):
                current[earlier.field] = earlier.new_value
            rows = [
                {
                    "event_id": event_id,
                    "field": name,
                    "old_value": json.dumps(_encode_value(current[name])),
                    "new_value": json.dumps(_encode_value(value)),
                    "author": author,
                    "created_at": at,
                    "reason": reason,
                }
                for name, value in changes.items()
                if _normalise(name, value) != current[name]
            ]
            if rows:
                conn.execute(insert(corrections_table), rows)
            added = _corrections_in(conn, [event_id]).get(event_id, [])
    except SQLAlchemyError as exc:
        raise StoreError(
            f"cannot correct event {event_id} in {store.location}: {exc}; nothing was changed"
        ) from exc
    return added[len(added) - len(rows) :] if rows else []


def corrections_for(store: Store, event_id: str) -> list[Correction]:
    """The corrections of one event, oldest first."""
    return corrections_by_event(store, [event_id]).get(event_id, [])


def corrections_by_event(store: Store, event_ids: Sequence[str]) -> dict[str, list[Correction]]:
    """The corrections of many events, oldest first; events without any are left out."""
    try:
        with store._engine.connect() as conn:  # noqa: SLF001 - same package
            return _corrections_in(conn, list(event_ids))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read corrections in {store.location}: {exc}") from exc


def apply_corrections(event: Event, corrections: Iterable[Correction]) -> Event:
    """The event with each corrected field set to its latest value."""
    latest = {c.field: c.new_value for c in sorted(corrections, key=lambda c: c.id)}
    return replace(event, **latest) if latest else event


def _corrections_in(conn: Connection, event_ids: list[str]) -> dict[str, list[Correction]]:
    found: dict[str, list[Correction]] = {}
    c = corrections_table.c
    for i in range(0, len(event_ids), _IN_CHUNK):
        chunk = event_ids[i : i + _IN_CHUNK]
        stmt = select(corrections_table).where(c.event_id.in_(chunk)).order_by(c.event_id, c.id)
        for row in conn.execute(stmt):
            found.setdefault(row.event_id, []).append(
                Correction(
                    id=row.id,
                    event_id=row.event_id,
                    field=row.field,
                    old_value=_decode_value(row.field, row.old_value),
                    new_value=_decode_value(row.field, row.new_value),
                    author=row.author,
                    created_at=_as_utc(row.created_at),
                    reason=row.reason,
                )
            )
    return found


def _check_value(name: str, value: Any) -> None:
    kind = CORRECTABLE_FIELDS.get(name)
    if kind is None:
        raise ValueError(
            f"{name!r} cannot be corrected; correctable fields: {', '.join(CORRECTABLE_FIELDS)}"
        )
    if value is None:
        return
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return
    if kind is date and isinstance(value, datetime):
        raise ValueError(f"{name} must be a date, not a date and time")
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"{name} must be a {kind.__name__}, not {value!r}")


def _normalise(name: str, value: Any) -> Any:
    if value is not None and CORRECTABLE_FIELDS[name] is float:
        return float(value)
    return value


def _encode_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _decode_value(name: str, stored: str | None) -> Any:
    value = json.loads(stored) if stored is not None else None
    if value is not None and CORRECTABLE_FIELDS.get(name) is date:
        return date.fromisoformat(value)
    return value


def _as_utc(moment: datetime) -> datetime:
    # SQLite keeps no time zone; every time we write is UTC.
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
