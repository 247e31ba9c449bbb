"""Writers of events to a text stream, one per export format.

Each writer streams: events are written as they come, so an export of a whole store
never holds more than one event in memory. CSV writers end lines with ``\\n``; open
files with ``newline=""`` so newlines inside notes are kept as they are.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import fields
from typing import Any, TextIO

from ceasefire.export.acled import ACLED_COLUMNS, InterOf, acled_row
from ceasefire.model import Event

# The flat CSV has the JSONL record's keys, in the same order.
CSV_COLUMNS = tuple(f.name for f in fields(Event))


def write_jsonl(events: Iterable[Event], stream: TextIO, inter_of: InterOf | None) -> int:
    """One ``Event.to_record`` per line: the lossless format, read back by ``from_record``."""
    count = 0
    for event in events:
        stream.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(events: Iterable[Event], stream: TextIO, inter_of: InterOf | None) -> int:
    """The JSONL record flattened: None is an empty cell, evidence a JSON list in one cell."""
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        record = event.to_record()
        record["evidence"] = json.dumps(record["evidence"], ensure_ascii=False)
        writer.writerow({key: "" if value is None else value for key, value in record.items()})
        count += 1
    return count


def write_acled_csv(events: Iterable[Event], stream: TextIO, inter_of: InterOf | None) -> int:
    """ACLED's public columns in ACLED's order (see ``export.acled``)."""
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(acled_row(event, inter_of))
        count += 1
    return count


def write_geojson(events: Iterable[Event], stream: TextIO, inter_of: InterOf | None) -> int:
    """A FeatureCollection of points for maps; returns the number of features written.

    Events without both coordinates cannot be drawn: they are left out and their
    number given in the ``skipped_without_coordinates`` member, so nothing is lost silently.
    """
    count = skipped = 0
    stream.write('{"type": "FeatureCollection", "features": [')
    for event in events:
        if event.latitude is None or event.longitude is None:
            skipped += 1
            continue
        stream.write(",\n" if count else "\n")
        stream.write(json.dumps(_feature(event), ensure_ascii=False))
        count += 1
    stream.write(f'\n], "skipped_without_coordinates": {skipped}}}\n')
    return count


def _feature(event: Event) -> dict[str, Any]:
    properties = event.to_record()
    longitude = properties.pop("longitude")
    latitude = properties.pop("latitude")
    return {
        "type": "Feature",
        "id": event.event_id,
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},  # RFC 7946 order
        "properties": properties,
    }


Writer = Callable[[Iterable[Event], TextIO, InterOf | None], int]

WRITERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
}

EXPORT_FORMATS = tuple(WRITERS)


def write_events(
    events: Iterable[Event],
    fmt: str,
    stream: TextIO,
    *,
    inter_of: InterOf | None = None,
) -> int:
    """Write ``events`` to ``stream`` in ``fmt`` (one of ``EXPORT_FORMATS``); return how many.

    ``inter_of`` maps an actor name to its ACLED inter code; only ``acled-csv`` uses it.
    For ``geojson`` the count is of features written, events without coordinates excluded.
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ValueError(
            f"unknown export format {fmt!r}; choose one of: {', '.join(EXPORT_FORMATS)}"
        )
    return writer(events, stream, inter_of)
