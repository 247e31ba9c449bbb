"""The user's gazetteer extension: GeoNames dumps imported next to the packaged data.

``import_geonames("SY.zip", store_dir)`` keeps the dump's places (Latin-script
names only) as ``geonames-SY.csv.gz`` in ``store_dir`` and rebuilds
``store_dir/extension.sqlite`` from every file imported there, so several
imports add up and re-importing a dump replaces it. ``Gazetteer.load`` then
looks names up in the extension after the packaged data.
"""

from __future__ import annotations

import csv
import gzip
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ceasefire.errors import ConfigurationError
from ceasefire.geo import admin
from ceasefire.geo.gazetteer import EXTENSION_INDEX, default_extension_dir
from ceasefire.geo.geonames import read_geonames
from ceasefire.geo.index import PlaceRecord, scan_eligible, write_index
from ceasefire.geo.names import is_latin, normalize_name

_COLUMNS = ("geonameid name alt_names lat lon cc admin1_code feature_code feature population").split()


@dataclass(frozen=True, kw_only=True)
class ImportReport:
    """What ``import_geonames`` did."""

    source: str
    rows_read: int
    places_kept: int
    stored_as: Path
    extension_places: int  # places in the extension after the import, all dumps together


def _alternates(name: str, alternates: Iterable[str]) -> list[str]:
    seen = {normalize_name(name)}
    kept = []
    for alternate in alternates:
        if not alternate or any(c.isdigit() for c in alternate) or "http" in alternate:
            continue
        if not is_latin(alternate) or alternate.islower() or ";" in alternate:
            continue
        key = normalize_name(alternate)
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        kept.append(alternate)
    return kept


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
                ";".join(_alternates(row.name, (row.asciiname, *row.alternatenames))),
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
    try:
        store.mkdir(parents=True, exist_ok=True)
        stored = store / f"geonames-{stem}.csv.gz"
        with gzip.open(stored, "wt", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(_COLUMNS)
            writer.writerows(rows)
        total = rebuild_extension_index(store)
    except OSError as error:
        raise ConfigurationError(f"{store}: cannot write the gazetteer extension ({error})") from error
    return ImportReport(
        source=str(source),
        rows_read=read,
        places_kept=len(rows),
        stored_as=stored,
        extension_places=total,
    )


def _extension_records(store: Path) -> Iterator[PlaceRecord]:
    seen: set[str] = set()
    # Newest import last, so a re-imported or newer dump wins on shared geonameids.
    files = sorted(store.glob("geonames-*.csv.gz"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stored in files:
        with gzip.open(stored, "rt", encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                place_id = f"gn:{row['geonameid']}"
                if place_id in seen:
                    continue
                seen.add(place_id)
                cc = row["cc"]
                country = admin.country_by_code(cc)
                population = int(row["population"] or 0)
                syrian = cc == "SY"
                yield PlaceRecord(
                    place_id=place_id,
                    names=(row["name"], *[a for a in row["alt_names"].split(";") if a]),
                    cc=cc,
                    country=country.name if country else cc,
                    latitude=float(row["lat"]),
                    longitude=float(row["lon"]),
                    admin1=admin.admin1_from_geonames_code(row["admin1_code"]) if syrian else None,
                    feature=row["feature"],
                    population=population,
                    source=f"GeoNames (user import {stored.name})",
                    scan=scan_eligible(cc=cc, population=population, feature_code=row["feature_code"]),
                    fine_keys=syrian,
                )


def rebuild_extension_index(store_dir: str | Path) -> int:
    """Rebuild ``extension.sqlite`` from the dumps imported into ``store_dir``; return its size."""
    store = Path(store_dir)
    return write_index(store / EXTENSION_INDEX, _extension_records(store), {"kind": "extension"})
