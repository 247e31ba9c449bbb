"""Writing documents with their events: round trips, idempotence, atomicity."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from store_builders import evidence, make_document, make_event

from ceasefire.errors import StoreError
from ceasefire.model import Event
from ceasefire.store import EventFilter, Store, open_store
from ceasefire.store.connect import create_store_engine, resolve_url
from ceasefire.store.schema import documents
from ceasefire.store.schema import evidence as evidence_table

ALL = EventFilter()


def _two_events():
    doc = make_document("Shelling hit Saraqib; clashes near Kafr Nabl — «قصف» 3 March 2020.")
    first = make_event(
        doc,
        "ev-1",
        evidence=(
            evidence("event_type", "Shelling", 0),
            evidence("location", "Saraqib", 13),
            evidence("event_date", "3 March 2020", 55),
        ),
        assoc_actor_1="Military Forces of Russia (2000-)",
        attribution="according to SOHR",
        modality="alleged",
        notes='He said "they shelled, again",\nand left.',
    )
    second = make_event(
        doc,
        "ev-2",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor2="Hayat Tahrir al-Sham",
        assoc_actor_2=None,
        event_date=None,
        date_precision=None,
        date_start=None,
        date_end=None,
        latitude=None,
        longitude=None,
        geo_precision=None,
        fatalities=None,
        confidence=0.3333333333333333,
        evidence=(evidence("event_type", "clashes", 23),),
        notes=None,
    )
    return doc, [first, second]


def test_round_trip_document_and_events_exactly(store: Store) -> None:
    doc, events = _two_events()

    assert store.add_document(doc, events) is True

    assert store.has_document(doc.id)
    assert store.get_document(doc.id) == doc
    assert store.get_event("ev-1") == events[0]
    assert store.get_event("ev-2") == events[1]
    assert store.get_event("ev-1").evidence[1].text == "Saraqib"  # order kept
    assert store.query_events(ALL) == [events[0], events[1]]  # undated event last


def test_round_trip_survives_reopening(db_path: Path) -> None:
    doc, events = _two_events()
    with open_store(db_path) as store:
        store.add_document(doc, events)
    with open_store(db_path) as store:
        assert store.get_document(doc.id) == doc
        assert store.query_events(ALL) == events


def test_document_with_no_optional_fields_and_no_events(store: Store) -> None:
    doc = make_document(
        "Bare text.",
        published=None,
        source=None,
        url=None,
        title=None,
        origin=None,
        external_id=None,
    )
    assert store.add_document(doc, []) is True
    assert store.get_document(doc.id) == doc
    assert store.stats()["documents"] == 1
    assert store.stats()["events"] == 0


def test_unknown_ids_give_none(store: Store) -> None:
    assert store.get_document("nope") is None
    assert store.get_event("nope") is None
    assert store.has_document("nope") is False


def test_re_adding_a_document_is_a_no_op(store: Store) -> None:
    doc, events = _two_events()
    assert store.add_document(doc, events) is True
    before = store.stats()

    changed = [make_event(doc, "ev-3")]  # even with other events: the document is known
    assert store.add_document(doc, changed) is False
    assert store.add_document(doc, events) is False

    assert store.stats() == before
    assert before["documents"] == 1 and before["events"] == 2
    assert store.get_event("ev-3") is None


def _row_counts(db_path: Path) -> tuple[int, int]:
    with create_engine(f"sqlite:///{db_path}").connect() as conn:
        n_docs = conn.execute(select(func.count()).select_from(documents)).scalar_one()
        n_evidence = conn.execute(select(func.count()).select_from(evidence_table)).scalar_one()
    return n_docs, n_evidence


def test_failed_add_rolls_back_and_keeps_what_was_stored(store: Store, db_path: Path) -> None:
    doc, events = _two_events()
    store.add_document(doc, events)
    before = store.stats()
    counts = _row_counts(db_path)

    bad_doc = make_document("Another report, coded twice by mistake.")
    duplicate = [
        make_event(bad_doc, "ev-dup", evidence=(evidence("event_type", "coded", 21),)),
        make_event(bad_doc, "ev-ok"),
        make_event(bad_doc, "ev-dup"),
    ]
    with pytest.raises(StoreError, match=r"ev-dup appear more than once.*nothing was stored"):
        store.add_document(bad_doc, duplicate)

    assert not store.has_document(bad_doc.id)
    assert store.get_event("ev-ok") is None
    assert store.stats() == before
    assert _row_counts(db_path) == counts  # no orphan evidence either
    assert store.get_event("ev-1") == events[0]
    # The rolled-back document can be stored once it is coded correctly.
    assert store.add_document(bad_doc, duplicate[:2]) is True


def test_event_id_already_stored_for_another_document_fails_cleanly(store: Store) -> None:
    doc, events = _two_events()
    store.add_document(doc, events)
    other = make_document("A different report.")

    with pytest.raises(StoreError, match="conflicts with what is stored"):
        store.add_document(other, [make_event(other, "ev-new"), make_event(other, "ev-1")])

    assert not store.has_document(other.id)
    assert store.get_event("ev-new") is None
    assert store.get_event("ev-1") == events[0]


def test_event_of_another_document_is_refused(store: Store) -> None:
    doc = make_document("Report A.")
    stray = make_event(make_document("Report B."), "ev-b")
    with pytest.raises(StoreError, match="belongs to document"):
        store.add_document(doc, [stray])
    assert not store.has_document(doc.id)


def test_ingested_at_comes_from_the_clock(store: Store, db_path: Path) -> None:
    fixed = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    timed = Store(create_store_engine(resolve_url(db_path)), clock=lambda: fixed)
    doc = make_document("Timed report.")
    timed.add_document(doc, [])
    timed.close()

    with create_engine(f"sqlite:///{db_path}").connect() as conn:
        stored = conn.execute(
            select(documents.c.ingested_at).where(documents.c.id == doc.id)
        ).scalar_one()
    assert stored.replace(tzinfo=UTC) == fixed


def test_stats_count_types_modalities_and_days(store: Store) -> None:
    doc, events = _two_events()
    store.add_document(doc, events)
    doc2 = make_document("A forecast.")
    store.add_document(
        doc2,
        [make_event(doc2, "ev-f", modality="forecast", event_date=date(2020, 3, 5))],
    )

    stats = store.stats()
    assert stats == {
        "documents": 2,
        "events": 3,
        "factual_events": 2,
        "undated_events": 1,
        "events_by_type": {"Battles": 1, "Explosions/Remote violence": 2},
        "events_by_modality": {"alleged": 1, "forecast": 1, "reported": 1},
        "events_by_day": {"2020-03-03": 1, "2020-03-05": 1},
    }
    factual = store.stats(EventFilter(factual_only=True))
    assert factual["events"] == 2 and factual["documents"] == 2
    assert factual["events_by_day"] == {"2020-03-03": 1}


def test_event_equality_covers_every_field(store: Store) -> None:
    # Guard: the round-trip test means something only if every field is stored.
    doc, events = _two_events()
    store.add_document(doc, events)
    got = store.get_event("ev-1")
    assert got is not None
    for name in Event.__dataclass_fields__:
        assert getattr(got, name) == getattr(events[0], name), name
