"""Each export format, written and parsed back with the standard library."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from export_builders import INTER, TRICKY_NOTES, make_event, sample_events

from ceasefire.export import ACLED_COLUMNS, EXPORT_FORMATS, write_events
from ceasefire.export.writers import CSV_COLUMNS
from ceasefire.model import Event


def export(fmt: str, events: list[Event], **kwargs: Any) -> tuple[int, str]:
    stream = io.StringIO(newline="")
    count = write_events(events, fmt, stream, **kwargs)
    return count, stream.getvalue()


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_formats_are_listed() -> None:
    assert EXPORT_FORMATS == ("jsonl", "csv", "acled-csv", "geojson")


def test_unknown_format_lists_the_valid_ones() -> None:
    stream = io.StringIO()
    with pytest.raises(ValueError) as info:
        write_events(sample_events(), "xlsx", stream)
    assert "'xlsx'" in str(info.value)
    for fmt in EXPORT_FORMATS:
        assert fmt in str(info.value)
    assert stream.getvalue() == ""


def test_generators_are_accepted() -> None:
    count, text = export("jsonl", (e for e in sample_events()))  # type: ignore[arg-type]
    assert count == 3 and text.count("\n") == 3


# -- jsonl ---------------------------------------------------------------------------


def test_jsonl_round_trips_every_event() -> None:
    events = sample_events()
    count, text = export("jsonl", events)

    lines = text.splitlines()
    assert count == len(lines) == 3
    records = [json.loads(line) for line in lines]
    assert records == [e.to_record() for e in events]
    assert [Event.from_record(r) for r in records] == events


def test_jsonl_keeps_unicode_unescaped_and_one_event_per_line() -> None:
    _, text = export("jsonl", [make_event("e1")])
    assert "«المرصد»" in text
    assert "\\u" not in text
    assert text.endswith("}\n") and text.count("\n") == 1  # the note's newline is escaped


# -- flat csv --------------------------------------------------------------------------


def test_csv_columns_are_the_record_keys_in_order() -> None:
    _, text = export("csv", sample_events())
    assert next(csv.reader(io.StringIO(text))) == list(make_event("x").to_record())
    assert list(CSV_COLUMNS) == list(make_event("x").to_record())


def _event_from_csv_row(row: dict[str, str]) -> Event:
    """The inverse of the flat CSV for these events: empty cells are None."""
    record: dict[str, Any] = {k: (v if v != "" else None) for k, v in row.items()}
    for key in ("latitude", "longitude", "confidence"):
        record[key] = float(record[key]) if record[key] is not None else None
    for key in ("geo_precision", "fatalities"):
        record[key] = int(record[key]) if record[key] is not None else None
    record["evidence"] = json.loads(row["evidence"])
    return Event.from_record(record)


def test_csv_parses_back_field_by_field() -> None:
    events = sample_events()
    count, text = export("csv", events)
    rows = read_csv(text)

    assert count == len(rows) == 3
    first = rows[0]
    assert first["event_id"] == "e1"
    assert first["event_date"] == "2020-03-03"
    assert first["latitude"] == "35.8623" and first["longitude"] == "36.8006"
    assert first["fatalities"] == "2"
    assert first["notes"] == TRICKY_NOTES
    assert json.loads(first["evidence"]) == [
        {"field": "location", "text": "Saraqib", "start": 20, "end": 27},
        {"field": "source", "text": "«المرصد»", "start": 50, "end": 58},
    ]
    second = rows[1]
    assert second["latitude"] == second["fatalities"] == second["assoc_actor_1"] == ""
    assert second["evidence"] == "[]"
    assert rows[2]["notes"] == ""
    assert [_event_from_csv_row(r) for r in rows] == events


def test_csv_file_keeps_unicode_commas_quotes_and_newlines(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_events(sample_events(), "csv", handle)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["notes"] == TRICKY_NOTES
    assert rows[0]["assoc_actor_1"] == "Military Forces of Russia (2000-); Wagner Group"
    assert rows[2]["country"] == "Türkiye"


def test_csv_of_no_events_is_just_the_header() -> None:
    count, text = export("csv", [])
    assert count == 0
    assert text == ",".join(CSV_COLUMNS) + "\n"


# -- acled-csv -------------------------------------------------------------------------


def test_acled_csv_has_acled_columns_in_order() -> None:
    _, text = export("acled-csv", [])
    assert text.rstrip("\n").split(",") == list(ACLED_COLUMNS)
    assert ACLED_COLUMNS[:4] == ("event_id_cnty", "event_date", "year", "time_precision")
    assert ACLED_COLUMNS[-3:] == ("fatalities", "tags", "timestamp")
    assert len(ACLED_COLUMNS) == 31


def test_acled_csv_values_field_by_field() -> None:
    count, text = export("acled-csv", sample_events(), inter_of=INTER.get)
    rows = read_csv(text)
    assert count == len(rows) == 3

    shelling, clash, agreement = rows
    assert shelling == {
        "event_id_cnty": "e1",
        "event_date": "2020-03-03",
        "year": "2020",
        "time_precision": "1",
        "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "actor1": "Military Forces of Syria (2000-)",
        "assoc_actor_1": "Military Forces of Russia (2000-); Wagner Group",
        "inter1": "1",
        "actor2": "Civilians (Syria)",
        "assoc_actor_2": "",
        "inter2": "7",
        "interaction": "17",
        "civilian_targeting": "Civilian targeting",
        "iso": "760",
        "region": "Middle East",
        "country": "Syria",
        "admin1": "Idleb",
        "admin2": "Idleb",
        "admin3": "Saraqeb",
        "location": "Saraqeb",
        "latitude": "35.8623",
        "longitude": "36.8006",
        "geo_precision": "1",
        "source": "SOHR",
        "source_scale": "",
        "notes": TRICKY_NOTES,
        "fatalities": "2",
        "tags": "",
        "timestamp": "",
    }
    assert clash["time_precision"] == "2"  # week
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("1", "2", "12")
    assert clash["civilian_targeting"] == ""
    assert clash["latitude"] == clash["longitude"] == clash["fatalities"] == ""
    assert clash["tags"] == "modality=alleged; attribution=according to pro-government media"

    assert agreement["time_precision"] == "3"  # month
    assert agreement["disorder_type"] == "Strategic developments"
    assert agreement["interaction"] == "10"  # one actor: its code followed by 0
    assert agreement["fatalities"] == "0"  # zero is a count, not a blank
    assert (agreement["iso"], agreement["region"]) == ("792", "Middle East")
    assert agreement["tags"] == "modality=forecast"
    assert agreement["notes"] == ""


def test_acled_inter_codes_blank_without_a_lookup() -> None:
    _, text = export("acled-csv", sample_events())
    for row in read_csv(text):
        assert row["inter1"] == row["inter2"] == row["interaction"] == ""
    # civilians are still recognised by the actor name
    assert read_csv(text)[0]["civilian_targeting"] == "Civilian targeting"


def test_acled_interaction_blank_when_a_code_is_unknown() -> None:
    event = make_event("e", actor2="Unidentified Armed Group (Syria)")
    _, text = export("acled-csv", [event], inter_of=INTER.get)
    row = read_csv(text)[0]
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "", "")


@pytest.mark.parametrize(
    ("event_type", "disorder"),
    [
        ("Battles", "Political violence"),
        ("Explosions/Remote violence", "Political violence"),
        ("Violence against civilians", "Political violence"),
        ("Protests", "Demonstrations"),
        ("Riots", "Demonstrations"),
        ("Strategic developments", "Strategic developments"),
        ("Something new", ""),
    ],
)
def test_acled_disorder_type(event_type: str, disorder: str) -> None:
    _, text = export("acled-csv", [make_event("e", event_type=event_type)])
    assert read_csv(text)[0]["disorder_type"] == disorder


@pytest.mark.parametrize(
    ("precision", "code"), [("day", "1"), ("week", "2"), ("month", "3"), ("range", "3"), (None, "")]
)
def test_acled_time_precision(precision: str | None, code: str) -> None:
    _, text = export("acled-csv", [make_event("e", date_precision=precision)])
    assert read_csv(text)[0]["time_precision"] == code


def test_acled_country_lookup_ignores_case_and_blanks_unknown() -> None:
    events = [make_event("a", country="SYRIA"), make_event("b", country="Atlantis")]
    _, text = export("acled-csv", events)
    rows = read_csv(text)
    assert (rows[0]["iso"], rows[0]["region"]) == ("760", "Middle East")
    assert (rows[1]["iso"], rows[1]["region"]) == ("", "")


def test_acled_undated_event_has_blank_date_and_year() -> None:
    event = make_event("e", event_date=None, date_precision=None)
    _, text = export("acled-csv", [event])
    row = read_csv(text)[0]
    assert row["event_date"] == row["year"] == row["time_precision"] == ""


def test_acled_protest_alone_gets_single_actor_interaction() -> None:
    event = make_event(
        "p",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Syria)",
        actor2=None,
    )
    _, text = export("acled-csv", [event], inter_of=INTER.get)
    row = read_csv(text)[0]
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("6", "", "60")
    assert row["disorder_type"] == "Demonstrations"


# -- geojson ---------------------------------------------------------------------------


def test_geojson_points_are_lon_lat_and_unlocated_events_counted() -> None:
    events = sample_events()
    count, text = export("geojson", events)
    collection = json.loads(text)

    assert collection["type"] == "FeatureCollection"
    assert collection["skipped_without_coordinates"] == 1
    assert count == len(collection["features"]) == 2
    first, third = collection["features"]
    assert first["type"] == "Feature"
    assert first["id"] == "e1"
    assert first["geometry"] == {"type": "Point", "coordinates": [36.8006, 35.8623]}
    assert third["geometry"]["coordinates"] == [37.1343, 36.2021]

    expected = events[0].to_record()
    del expected["latitude"], expected["longitude"]
    assert first["properties"] == expected
    assert "latitude" not in third["properties"] and "longitude" not in third["properties"]
    assert third["properties"]["event_id"] == "e3"


def test_geojson_keeps_unicode_and_tricky_notes() -> None:
    _, text = export("geojson", [make_event("e1")])
    assert "«المرصد»" in text
    assert json.loads(text)["features"][0]["properties"]["notes"] == TRICKY_NOTES


def test_geojson_with_only_half_a_coordinate_skips_the_event() -> None:
    count, text = export("geojson", [make_event("e", longitude=None)])
    assert count == 0
    assert json.loads(text) == {
        "type": "FeatureCollection",
        "features": [],
        "skipped_without_coordinates": 1,
    }


def test_geojson_of_no_events_is_an_empty_collection() -> None:
    count, text = export("geojson", [])
    assert count == 0
    assert json.loads(text)["features"] == []
    assert json.loads(text)["skipped_without_coordinates"] == 0
