"""The user's gazetteer extension: imported places next to the packaged data.

``import_geonames("SY.zip", store_dir)`` keeps the dump's places (Latin-script
names only) as ``geonames-SY.csv.gz`` in ``store_dir``; other importers (such as
``ocha.import_ocha``) hand ``store_places`` their places, kept as
``<name>.csv.gz`` in the columns of ``PLACE_COLUMNS``. Each import rebuilds
``store_dir/extension.sqlite`` from every file imported there, so several
imports add up and re-importing a file replaces it. ``Gazetteer.load`` then
looks names up in the extension after the packaged data.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ceasefire.errors import ConfigurationError
from ceasefire.geo import admin
from ceasefire.geo.gazetteer import EXTENSION_INDEX, default_extension_dir
from ceasefire.geo.geonames import read_geonames
from ceasefire.geo.index import PlaceRecord, scan_eligible, write_index
from ceasefire.geo.names import spelling_alternates

_COLUMNS = ("geonameid name alt_names lat lon cc admin1_code feature_code feature population").split()
# Places from any other source, one per row; alt_names separated by ";".
PLACE_COLUMNS = (
    "place_id name alt_names lat lon cc country admin1 admin2 admin3 feature population source fine_keys scan"
).split()


@dataclass(frozen=True, kw_only=True)
class ImportReport:
    """What an import (``import_geonames``, ``ocha.import_ocha``) did."""

    source: str
    rows_read: int
    places_kept: int
    stored_as: Path
    extension_places: int  # places in the extension after the import, all dumps together


def import_geonames(
    path: str | Path,
    store_dir: str | Path | None = None,
    *,
    countries: Iterable[str] | None = None,
) -> ImportReport:
    """Import a GeoNames dump (allCountries.zip, XX.zip or .txt) into the user's extension.

    ``countries`` (ISO codes) keeps only those countries' rows, e.g. ``["SY", "LB"]``
    from allCountries.zip. Raises ``ConfigurationError`` for a file that is not a
    GeoNames dump, naming the file and line.
    """
    source = Path(path)
    store = Path(store_dir) if store_dir else default_extension_dir()
    wanted = {c.upper() for c in countries} if countries else None
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", source.name.split(".")[0]) or "dump"
    if wanted:
        stem = f"{stem}-{'-'.join(sorted(wanted))}"
    rows: list[list[str]] = []
    read = 0
    for row in read_geonames(source):
        read += 1
        if wanted and row.country_code not in wanted:
            continue
        rows.append(
            [
                str(row.geonameid),
                row.name,
                ";".join(spelling_alternates(row.name, (row.asciiname, *row.alternatenames))),
                f"{row.latitude:.5f}",
                f"{row.longitude:.5f}",
                row.country_code,
                row.admin1_code,
                row.feature_code,
                row.feature,
                str(row.population),
            ]
        )
    if read == 0:
        raise ConfigurationError(f"{source}: no GeoNames rows in the file; is it an empty dump?")
    stored, total = _store(store, f"geonames-{stem}.csv.gz", _COLUMNS, rows)
    return ImportReport(
        source=str(source),
        rows_read=read,
        places_kept=len(rows),
        stored_as=stored,
        extension_places=total,
    )


def store_places(records: Iterable[PlaceRecord], name: str, store_dir: str | Path | None = None) -> tuple[Path, int]:
    """Keep ``records`` as ``<name>.csv.gz`` in the user's extension and rebuild its index.

    Returns the stored file and the number of places in the extension afterwards.
    A file of the same name (an earlier import of the same table) is replaced.
    """
    store = Path(store_dir) if store_dir else default_extension_dir()
    rows = (
        [
            record.place_id,
            record.names[0],
            ";".join(record.names[1:]),
            repr(record.latitude),
            repr(record.longitude),
            record.cc or "",
            record.country or "",
            record.admin1 or "",
            record.admin2 or "",
            record.admin3 or "",
            record.feature,
            str(record.population),
            record.source,
            int(record.fine_keys),
            int(record.scan),
        ]
        for record in records
    )
    return _store(store, f"{name}.csv.gz", PLACE_COLUMNS, rows)


def _store(store: Path, file_name: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> tuple[Path, int]:
    """Write one import as a gzipped CSV in ``store`` and rebuild the extension's index."""
    try:
        store.mkdir(parents=True, exist_ok=True)
        stored = store / file_name
        with gzip.open(stored, "wt", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
        total = rebuild_extension_index(store)
    except OSError as error:
        raise ConfigurationError(f"{store}: cannot write the gazetteer extension ({error})") from error
    return stored, total


def _extension_records(store: Path) -> Iterator[PlaceRecord]:
    seen: set[str] = set()
    # Newest import first, so a re-imported or newer file wins on shared place ids.
    files = sorted(store.glob("*.csv.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stored in files:
        with gzip.open(stored, "rt", encoding="utf-8", newline="") as handle:
            rows = csv.DictReader(handle)
            if rows.fieldnames == _COLUMNS:
                records = _geonames_records(rows, stored.name)
            elif rows.fieldnames == PLACE_COLUMNS:
                records = _place_records(rows)
            else:
                continue  # not an import of ours
            for record in records:
                if record.place_id not in seen:
                    seen.add(record.place_id)
                    yield record


def _geonames_records(rows: Iterable[dict[str, str]], file_name: str) -> Iterator[PlaceRecord]:
    for row in rows:
        cc = row["cc"]
        country = admin.country_by_code(cc)
        population = int(row["population"] or 0)
        syrian = cc == "SY"
        yield PlaceRecord(
            place_id=f"gn:{row['geonameid']}",
            names=(row["name"], *[a for a in row["alt_names"].split(";") if a]),
            cc=cc,
            country=country.name if country else cc,
            latitude=float(row["lat"]),
            longitude=float(row["lon"]),
            admin1=admin.admin1_from_geonames_code(row["admin1_code"]) if syrian else None,
            feature=row["feature"],
            population=population,
            source=f"GeoNames (user import {file_name})",
            scan=scan_eligible(cc=cc, population=population, feature_code=row["feature_code"]),
            fine_keys=syrian,
        )


def _place_records(rows: Iterable[dict[str, str]]) -> Iterator[PlaceRecord]:
    for row in rows:
        yield PlaceRecord(
            place_id=row["place_id"],
            names=(row["name"], *[a for a in row["alt_names"].split(";") if a]),
            cc=row["cc"] or None,
            country=row["country"] or None,
            latitude=float(row["lat"]),
            longitude=float(row["lon"]),
            admin1=row["admin1"] or None,
            admin2=row["admin2"] or None,
            admin3=row["admin3"] or None,
            feature=row["feature"],
            population=int(row["population"] or 0),
            source=row["source"],
            scan=row["scan"] == "1",
            fine_keys=row["fine_keys"] == "1",
        )


def rebuild_extension_index(store_dir: str | Path) -> int:
    """Rebuild ``extension.sqlite`` from the dumps imported into ``store_dir``; return its size."""
    store = Path(store_dir)
    return write_index(store / EXTENSION_INDEX, _extension_records(store), {"kind": "extension"})
