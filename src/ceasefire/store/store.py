"""The event store: documents, the events coded from them and their evidence.

Portable SQL only (SQLAlchemy Core); backend set-up lives in ``connect.py``. Each
``add_document`` is one transaction, so a document is stored with all its events
or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Row,
    and_,
    case,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ceasefire.errors import StoreError
from ceasefire.model import FACTUAL_MODALITIES, Document, Event, Evidence
from ceasefire.store.connect import create_store_engine, describe, resolve_url, upgrade_to_head
from ceasefire.store.filters import EventFilter
from ceasefire.store.schema import documents, evidence
from ceasefire.store.schema import events as events_table

_EVENT_COLUMNS = tuple(f.name for f in fields(Event) if f.name != "evidence")
_DOCUMENT_COLUMNS = tuple(f.name for f in fields(Document))
_IN_CHUNK = 500  # ids per IN (...) list, well under every backend's parameter limit


def _utc_now() -> datetime:
    return datetime.now(UTC)


def open_store(url_or_path: str | Path | None = None) -> Store:
    """Open (creating if needed) the store and bring its schema up to date.

    ``None`` means ``$CEASEFIRE_DB``, else ``./ceasefire.db``. A plain path is an SQLite
    file; a URL (``postgresql://…``) goes to SQLAlchemy. Raises ``StoreError`` saying
    why when the database cannot be opened, is not a database, or is read-only.
    """
    url = resolve_url(url_or_path)
    engine = create_store_engine(url)
    try:
        upgrade_to_head(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


class Store:
    """Reads and writes events; the only code that knows the tables.

    Build it with ``open_store``, which migrates the schema first. ``clock`` gives the
    ``ingested_at`` time, so tests and replays can fix it.
    """

    def __init__(self, engine: Engine, *, clock: Callable[[], datetime] = _utc_now) -> None:
        self._engine = engine
        self._clock = clock

    @property
    def location(self) -> str:
        """The database, for messages: a file path, or a URL without its password."""
        return describe(self._engine.url)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    # -- writing --------------------------------------------------------------------

    def add_document(self, doc: Document, events: Sequence[Event]) -> bool:
        """Store a document and its events in one transaction.

        Returns False, adding nothing, when the document id (a content hash) is already
        stored: re-ingesting a report is a no-op. On any failure the transaction is
        rolled back, so nothing is half-written and nothing stored before is touched.
        """
        for ev in events:
            if ev.doc_id != doc.id:
                raise StoreError(
                    f"event {ev.event_id} belongs to document {ev.doc_id}, not {doc.id}; "
                    "nothing was stored"
                )
        doc_row = {name: getattr(doc, name) for name in _DOCUMENT_COLUMNS}
        doc_row["ingested_at"] = self._clock()
        event_rows = [{name: getattr(ev, name) for name in _EVENT_COLUMNS} for ev in events]
        evidence_rows = [
            {
                "event_id": ev.event_id,
                "position": position,
                "field": item.field,
                "text": item.text,
                "span_start": item.start,
                "span_end": item.end,
            }
            for ev in events
            for position, item in enumerate(ev.evidence)
        ]
        try:
            with self._engine.connect() as conn, conn.begin():
                # The document goes first: if it is already stored this fails before
                # anything is written; and as the first statement is a write, SQLite
                # takes its write lock at once instead of upgrading a read lock.
                try:
                    conn.execute(insert(documents), doc_row)
                except IntegrityError as exc:
                    raise _DocumentConflict from exc  # leaving the block rolls back
                if event_rows:
                    conn.execute(insert(events_table), event_rows)
                if evidence_rows:
                    conn.execute(insert(evidence), evidence_rows)
        except _DocumentConflict as exc:
            if self._document_exists(doc.id):
                return False
            raise StoreError(
                f"cannot store document {doc.id}: {exc.__cause__}; nothing was stored"
            ) from exc.__cause__
        except IntegrityError as exc:
            raise StoreError(
                f"cannot store document {doc.id}: {_integrity_reason(exc, events)}; "
                "nothing was stored"
            ) from exc
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot store document {doc.id} in {self.location}: {exc}; nothing was stored"
            ) from exc
        return True

    # -- reading --------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self._reading("look up a document"):
            return self._document_exists(doc_id)

    def get_document(self, doc_id: str) -> Document | None:
        with self._reading("read a document") as conn:
            row = conn.execute(select(documents).where(documents.c.id == doc_id)).first()
        if row is None:
            return None
        return Document(**{name: row._mapping[name] for name in _DOCUMENT_COLUMNS})

    def get_event(self, event_id: str) -> Event | None:
        """One event with its evidence, or None."""
        with self._reading("read an event") as conn:
            row = conn.execute(
                select(events_table).where(events_table.c.event_id == event_id)
            ).first()
            if row is None:
                return None
            return _event_from_row(row, _evidence_for(conn, [event_id]).get(event_id, ()))

    def query_events(self, flt: EventFilter) -> list[Event]:
        """Events matching ``flt`` with their evidence, by event_date (undated last), event_id."""
        stmt = (
            select(events_table)
            .where(*_conditions(flt))
            .order_by(
                case((events_table.c.event_date.is_(None), 1), else_=0),
                events_table.c.event_date,
                events_table.c.event_id,
            )
            .offset(flt.offset or None)
            .limit(flt.limit)
        )
        with self._reading("query events") as conn:  # one transaction: one snapshot
            rows = conn.execute(stmt).all()
            found = _evidence_for(conn, [row.event_id for row in rows])
        return [_event_from_row(row, found.get(row.event_id, ())) for row in rows]

    def count_events(self, flt: EventFilter) -> int:
        """How many events match ``flt``, ignoring its limit and offset (for paging)."""
        stmt = select(func.count()).select_from(events_table).where(*_conditions(flt))
        with self._reading("count events") as conn:
            return int(conn.execute(stmt).scalar_one())

    def stats(self, flt: EventFilter | None = None) -> dict[str, Any]:
        """Totals for a dashboard: documents, events, and events by type, modality and day.

        ``flt`` narrows the event figures (its paging is ignored); ``documents`` is always
        the total. Days are ISO strings in date order; undated events are counted apart.
        """
        where = _conditions(flt or EventFilter())
        by_type = (
            select(events_table.c.event_type, func.count())
            .where(*where)
            .group_by(events_table.c.event_type)
            .order_by(events_table.c.event_type)
        )
        by_modality = (
            select(events_table.c.modality, func.count())
            .where(*where)
            .group_by(events_table.c.modality)
            .order_by(events_table.c.modality)
        )
        by_day = (
            select(events_table.c.event_date, func.count())
            .where(*where, events_table.c.event_date.is_not(None))
            .group_by(events_table.c.event_date)
            .order_by(events_table.c.event_date)
        )
        factual = events_table.c.modality.in_(FACTUAL_MODALITIES)
        with self._reading("compute statistics") as conn:
            n_documents = conn.execute(select(func.count()).select_from(documents)).scalar_one()
            n_events, n_factual, n_undated = conn.execute(
                select(
                    func.count(),
                    func.count(case((factual, 1))),
                    func.count(case((events_table.c.event_date.is_(None), 1))),
                ).where(*where)
            ).one()
            types = {t: int(n) for t, n in conn.execute(by_type)}
            modalities = {m: int(n) for m, n in conn.execute(by_modality)}
            days = {d.isoformat(): int(n) for d, n in conn.execute(by_day)}
        return {
            "documents": int(n_documents),
            "events": int(n_events),
            "factual_events": int(n_factual),
            "undated_events": int(n_undated),
            "events_by_type": types,
            "events_by_modality": modalities,
            "events_by_day": days,
        }

    # -- helpers --------------------------------------------------------------------

    def _document_exists(self, doc_id: str) -> bool:
        with self._engine.connect() as conn:
            stmt = select(documents.c.id).where(documents.c.id == doc_id)
            return conn.execute(stmt).first() is not None

    @contextmanager
    def _reading(self, action: str) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot {action} in {self.location}: {exc}") from exc


def _conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    """The WHERE clauses for a filter; empty criteria add none."""
    c = events_table.c
    where: list[ColumnElement[bool]] = []
    if flt.date_from is not None:
        where.append(c.event_date >= flt.date_from)
    if flt.date_to is not None:
        where.append(c.event_date <= flt.date_to)
    if flt.event_type:
        where.append(c.event_type == flt.event_type)
    if flt.sub_event_type:
        where.append(c.sub_event_type == flt.sub_event_type)
    if flt.actor:
        actor_columns = (c.actor1, c.actor2, c.assoc_actor_1, c.assoc_actor_2)
        where.append(or_(*(col.icontains(flt.actor, autoescape=True) for col in actor_columns)))
    if flt.admin1:
        where.append(func.lower(c.admin1) == func.lower(flt.admin1))
    if flt.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = flt.bbox
        where.append(c.latitude.between(min_lat, max_lat))
        if min_lon <= max_lon:
            where.append(c.longitude.between(min_lon, max_lon))
        else:  # across the antimeridian
            where.append(or_(c.longitude >= min_lon, c.longitude <= max_lon))
    if flt.modality:
        where.append(c.modality == flt.modality)
    if flt.source:
        where.append(c.source.icontains(flt.source, autoescape=True))
    if flt.factual_only:
        where.append(c.modality.in_(FACTUAL_MODALITIES))
    return where or [and_(True)]


def _evidence_for(conn: Connection, event_ids: list[str]) -> dict[str, tuple[Evidence, ...]]:
    found: dict[str, list[Evidence]] = {}
    for i in range(0, len(event_ids), _IN_CHUNK):
        chunk = event_ids[i : i + _IN_CHUNK]
        stmt = (
            select(evidence)
            .where(evidence.c.event_id.in_(chunk))
            .order_by(evidence.c.event_id, evidence.c.position)
        )
        for row in conn.execute(stmt):
            found.setdefault(row.event_id, []).append(
                Evidence(field=row.field, text=row.text, start=row.span_start, end=row.span_end)
            )
    return {event_id: tuple(items) for event_id, items in found.items()}


def _event_from_row(row: Row[Any], found: tuple[Evidence, ...]) -> Event:
    values = {name: row._mapping[name] for name in _EVENT_COLUMNS}
    return Event(**values, evidence=found)


class _DocumentConflict(Exception):
    """The document row could not be inserted: usually because it is already stored."""


def _integrity_reason(exc: IntegrityError, events: Sequence[Event]) -> str:
    ids = [ev.event_id for ev in events]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        return f"event id(s) {', '.join(repeated)} appear more than once in this document"
    return f"it conflicts with what is stored ({exc.orig})"
