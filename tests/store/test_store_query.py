"""Every criterion of EventFilter, on a small store built for the purpose."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from store_builders import make_document, make_event

from ceasefire.model import Event
from ceasefire.store import EventFilter, Store, open_store, parse_bbox


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[Store]:
    """Six events from two documents, varied along every filtered field."""
    a = make_document("Report A")
    b = make_document("Report B", source="Enab Baladi")
    events_a = [
        make_event(a, "e1", event_date=date(2020, 3, 1), admin1="Idleb", source="SOHR"),
        make_event(
            a,
            "e2",
            event_date=date(2020, 3, 5),
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Hayat Tahrir al-Sham",
            actor2="Military Forces of Syria (2000-)",
            admin1="Aleppo",
            latitude=36.2,
            longitude=37.15,
            source="Enab Baladi; SOHR",
        ),
        make_event(
            a,
            "e3",
            event_date=date(2020, 3, 5),
            modality="alleged",
            actor1=None,
            actor2=None,
            assoc_actor_1="Military Forces of Russia (2000-)",
            admin1="Hama",
            latitude=None,
            longitude=None,
            source="SANA",
        ),
    ]
    events_b = [
        make_event(
            b,
            "e4",
            event_date=date(2020, 3, 10),
            event_type="Strategic developments",
            sub_event_type="Agreement",
            modality="forecast",
            actor2=None,
            assoc_actor_2="Military Forces of Turkey (2016-)",
            admin1="idleb",
            latitude=35.93,
            longitude=36.63,
            source="Reuters",
        ),
        make_event(b, "e5", event_date=None, date_precision=None, admin1=None, source=None),
        make_event(
            b,
            "e6",
            event_date=date(2020, 2, 28),
            modality="assessment",
            actor1="100% Unknown_Group",
            latitude=-16.5,
            longitude=179.5,  # Fiji, across the antimeridian from -179.x
            source="SOHR",
        ),
    ]
    with open_store(tmp_path / "seeded.db") as store:
        store.add_document(a, events_a)
        store.add_document(b, events_b)
        yield store


def ids(events: list[Event]) -> list[str]:
    return [e.event_id for e in events]


def check(store: Store, flt: EventFilter, expected: list[str]) -> None:
    """query_events gives exactly these ids in this order, and count_events agrees."""
    assert ids(store.query_events(flt)) == expected
    assert store.count_events(flt) == len(expected)


def test_no_criteria_orders_by_date_then_id_undated_last(seeded: Store) -> None:
    check(seeded, EventFilter(), ["e6", "e1", "e2", "e3", "e4", "e5"])


def test_date_range_is_inclusive_and_drops_undated(seeded: Store) -> None:
    check(seeded, EventFilter(date_from=date(2020, 3, 5)), ["e2", "e3", "e4"])
    check(seeded, EventFilter(date_to=date(2020, 3, 1)), ["e6", "e1"])
    check(
        seeded,
        EventFilter(date_from=date(2020, 3, 1), date_to=date(2020, 3, 5)),
        ["e1", "e2", "e3"],
    )


def test_event_type_and_sub_event_type_match_exactly(seeded: Store) -> None:
    check(seeded, EventFilter(event_type="Battles"), ["e2"])
    check(seeded, EventFilter(event_type="battles"), [])
    check(seeded, EventFilter(sub_event_type="Agreement"), ["e4"])
    check(
        seeded,
        EventFilter(sub_event_type="Shelling/artillery/missile attack"),
        ["e6", "e1", "e3", "e5"],
    )


def test_actor_is_a_case_insensitive_substring_of_any_actor_column(seeded: Store) -> None:
    check(seeded, EventFilter(actor="tahrir"), ["e2"])  # actor1
    check(seeded, EventFilter(actor="CIVILIANS"), ["e6", "e1", "e5"])  # actor2
    check(seeded, EventFilter(actor="russia"), ["e3"])  # assoc_actor_1
    check(seeded, EventFilter(actor="turkey"), ["e4"])  # assoc_actor_2
    check(seeded, EventFilter(actor="forces of syria"), ["e1", "e2", "e4", "e5"])


def test_actor_wildcards_are_literal(seeded: Store) -> None:
    check(seeded, EventFilter(actor="100%"), ["e6"])
    check(seeded, EventFilter(actor="%"), ["e6"])
    check(seeded, EventFilter(actor="n_g"), ["e6"])  # "_" is not "any character"
    check(seeded, EventFilter(actor="s_ria"), [])


def test_admin1_ignores_case(seeded: Store) -> None:
    check(seeded, EventFilter(admin1="IDLEB"), ["e6", "e1", "e4"])
    check(seeded, EventFilter(admin1="Hama"), ["e3"])
    check(seeded, EventFilter(admin1="Idl"), [])  # whole value, not a substring


def test_bbox_selects_by_coordinates_and_drops_unlocated(seeded: Store) -> None:
    # Idlib and Aleppo governorates; e3 has no coordinates, e6 is in the Pacific.
    check(seeded, EventFilter(bbox=(36.0, 35.5, 37.5, 36.5)), ["e1", "e2", "e4", "e5"])
    # Only the Aleppo point.
    check(seeded, EventFilter(bbox=(37.0, 36.0, 37.3, 36.3)), ["e2"])
    # Edges are inclusive.
    check(seeded, EventFilter(bbox=(37.15, 36.2, 37.15, 36.2)), ["e2"])
    # Across the antimeridian: 170°E to 170°W.
    check(seeded, EventFilter(bbox=(170.0, -20.0, -170.0, -10.0)), ["e6"])
    check(seeded, EventFilter(bbox=(0.0, 0.0, 1.0, 1.0)), [])


def test_modality_and_factual_only(seeded: Store) -> None:
    check(seeded, EventFilter(modality="alleged"), ["e3"])
    check(seeded, EventFilter(modality="forecast"), ["e4"])
    check(seeded, EventFilter(factual_only=True), ["e1", "e2", "e3", "e5"])
    check(seeded, EventFilter(factual_only=True, modality="forecast"), [])


def test_source_is_a_case_insensitive_substring(seeded: Store) -> None:
    check(seeded, EventFilter(source="sohr"), ["e6", "e1", "e2"])
    check(seeded, EventFilter(source="Enab"), ["e2"])
    check(seeded, EventFilter(source="reuters"), ["e4"])


def test_criteria_combine_with_and(seeded: Store) -> None:
    flt = EventFilter(
        date_from=date(2020, 3, 1),
        event_type="Explosions/Remote violence",
        actor="syria",
        admin1="idleb",
        bbox=(36.0, 35.0, 37.0, 36.0),
        source="SOHR",
        factual_only=True,
    )
    check(seeded, flt, ["e1"])


def test_empty_strings_are_no_criterion(seeded: Store) -> None:
    everything = ids(seeded.query_events(EventFilter()))
    check(seeded, EventFilter(actor="", source="", admin1=""), everything)


def test_paging_walks_the_full_ordered_list(seeded: Store) -> None:
    everything = ids(seeded.query_events(EventFilter()))
    pages = [ids(seeded.query_events(EventFilter(limit=4, offset=offset))) for offset in (0, 4, 8)]
    assert pages == [everything[:4], everything[4:], []]
    assert ids(seeded.query_events(EventFilter(offset=5))) == ["e5"]
    assert seeded.query_events(EventFilter(limit=0)) == []
    # count_events ignores paging: it is the total the pages are taken from.
    assert seeded.count_events(EventFilter(limit=2, offset=1)) == 6
    paged = EventFilter(factual_only=True, limit=2, offset=1)
    assert ids(seeded.query_events(paged)) == ["e2", "e3"]


def test_query_results_carry_evidence(tmp_path: Path) -> None:
    from store_builders import evidence

    doc = make_document("Shelling hit Saraqib.")
    events = [
        make_event(doc, f"ev-{i:04d}", evidence=(evidence("location", "Saraqib", 13),))
        for i in range(1200)  # more than one IN (...) chunk
    ]
    with open_store(tmp_path / "many.db") as store:
        store.add_document(doc, events)
        got = store.query_events(EventFilter())
    assert got == events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("35.5,32.3,42.4,37.3", (35.5, 32.3, 42.4, 37.3)),
        (" -10, -5.5 , 10 ,5.5 ", (-10.0, -5.5, 10.0, 5.5)),
        ("170,-20,-170,-10", (170.0, -20.0, -170.0, -10.0)),
    ],
)
def test_parse_bbox(text: str, expected: tuple[float, float, float, float]) -> None:
    assert parse_bbox(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("35.5,32.3,42.4", r"must be four numbers min_lon,min_lat,max_lon,max_lat.*not 3"),
        ("a,b,c,d", r"must be four numbers min_lon,min_lat,max_lon,max_lat"),
        ("35.5,32.3,42.4,nan", "four finite numbers"),
        ("35,95,42,37", r"min_lat 95.0 is outside -90..90 \(is the order lat,lon"),
        ("190,30,42,37", "min_lon 190.0 is outside -180..180"),
        ("35,37,42,30", "min_lat 37.0 is greater than max_lat 30.0"),
    ],
)
def test_parse_bbox_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        parse_bbox(text)
    assert repr(text) in str(info.value)


def test_filter_validates_its_values() -> None:
    with pytest.raises(ValueError, match="max_lat"):
        EventFilter(bbox=(0.0, 10.0, 1.0, 5.0))
    with pytest.raises(ValueError, match="after date_to"):
        EventFilter(date_from=date(2020, 3, 2), date_to=date(2020, 3, 1))
    with pytest.raises(ValueError, match="limit"):
        EventFilter(limit=-1)
    with pytest.raises(ValueError, match="offset"):
        EventFilter(offset=-1)
