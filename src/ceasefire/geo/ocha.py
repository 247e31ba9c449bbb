"""Importing an OCHA populated-places table (HDX "COD-AB" / "COD-PP" CSV) into the user's gazetteer.

    import_ocha("syr_pplp_adm4_unocha.csv")   # ImportReport(places_kept=…, stored_as=…)

OCHA tables name the same things many ways: ``admin4Name_en`` or ``ADM4_EN`` or
``Name_en`` for the place, ``Latitude``/``Longitude`` or ``y``/``x`` for its point,
``admin1Name_en`` or ``ADM1_EN`` for its governorate. Headers are matched
ignoring case and punctuation against the spellings in ``_COLUMNS``; an HXL
hashtag row under the header is skipped. Syrian admin1 names (or P-codes) are
given in ACLED's spelling through the admin table. The places are stored with
``extension.store_places``, like a GeoNames import, and found by
``Gazetteer.load`` afterwards.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from ceasefire.errors import ConfigurationError
from ceasefire.geo import admin
from ceasefire.geo.extension import ImportReport, store_places
from ceasefire.geo.index import PlaceRecord, scan_eligible
from ceasefire.geo.names import normalize_name

# Field → header spellings, best first, each lowercase with only letters and digits.
_COLUMNS: dict[str, tuple[str, ...]] = {
    "name": (
        "nameen",
        "name",
        "pcodename",
        "pcodenameen",
        "placename",
        "placenameen",
        "featurename",
        "pplname",
        "pplnameen",
        "pplen",
        "locationname",
        "village",
        "community",
        "admin4nameen",
        "adm4en",
        "adm4name",
        "admin4name",
    ),
    "name_ar": ("namear", "pcodenamear", "placenamear", "pplnamear", "pplar", "admin4namear", "adm4ar"),
    "alt_names": ("altnames", "altname", "alternatenames", "alternatename", "othernames", "namealt", "variants"),
    "latitude": ("latitude", "lat", "y", "ycoord", "laty", "pointy", "latdd"),
    "longitude": ("longitude", "lon", "long", "lng", "x", "xcoord", "lonx", "longx", "pointx", "londd", "longdd"),
    "pcode": ("admin4pcode", "adm4pcode", "pcode", "ppcode", "pplpcode", "placepcode", "locationpcode"),
    "admin1": ("admin1nameen", "adm1en", "admin1name", "adm1name", "admin1", "governorate", "province"),
    "admin1_pcode": ("admin1pcode", "adm1pcode", "adm1code", "admin1code"),
    "admin2": ("admin2nameen", "adm2en", "admin2name", "adm2name", "admin2", "district"),
    "admin3": ("admin3nameen", "adm3en", "admin3name", "adm3name", "admin3", "subdistrict", "nahiya"),
    "country": ("admin0nameen", "adm0en", "admin0name", "adm0name", "countryname", "country"),
    "country_code": ("admin0pcode", "adm0pcode", "iso2", "countrycode", "adm0code", "iso"),
    "population": ("population", "pop", "totalpopulation", "totalpop"),
}
# The columns a table cannot do without, as a person would name them.
_REQUIRED = {
    "name": "the place's name (Name_en, admin4Name_en, ADM4_EN, PcodeName…)",
    "latitude": "latitude (Latitude, lat, y…)",
    "longitude": "longitude (Longitude, lon, long, x…)",
}


def import_ocha(path: str | Path, store_dir: str | Path | None = None, *, country: str | None = None) -> ImportReport:
    """Import an OCHA populated-places CSV into the user's gazetteer extension.

    ``country`` (name or ISO code) sets the country of every row; without it, a
    row's country comes from its admin0 column or the ISO prefix of its P-codes.
    Rows without a name or a valid point are skipped. Raises ``ConfigurationError`` naming the file and what is missing
    when the file is not such a table.
    """
    source = Path(path)
    rows, columns = _read_table(source)
    missing = [label for field, label in _REQUIRED.items() if field not in columns]
    if missing:
        found = ", ".join(rows.fieldnames or []) or "no header"
        raise ConfigurationError(
            f"{source}: not an OCHA populated-places table; missing columns: {'; '.join(missing)}. "
            f"The file has: {found[:300]}"
        )
    given_country = _country(country, source) if country else None
    # An HXL hashtag row (#loc+name, #geo+lat…) may sit under the header.
    table = [
        row for row in rows if not all(cell.startswith("#") for cell in row.values() if isinstance(cell, str) and cell)
    ]
    records = list(_records(table, columns, source, given_country))
    if not records:
        raise ConfigurationError(f"{source}: no row has both a place name and a valid latitude and longitude")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "_", source.name.split(".")[0]) or "table"
    stored, total = store_places(records, f"ocha-{stem}", store_dir)
    return ImportReport(
        source=str(source),
        rows_read=len(table),
        places_kept=len(records),
        stored_as=stored,
        extension_places=total,
    )


def _read_table(source: Path) -> tuple[csv.DictReader[str], dict[str, str]]:
    """The table's rows and, per field of ``_COLUMNS``, the header that holds it."""
    if not source.is_file():
        raise ConfigurationError(f"{source}: no such file; give the path of an OCHA populated-places CSV")
    raw = source.read_bytes()
    if raw.startswith(b"PK"):
        raise ConfigurationError(f"{source}: an Excel workbook or a zip archive; save the sheet as CSV (UTF-8) first")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigurationError(f"{source}: not UTF-8 text ({error.reason}); save the table as CSV (UTF-8)") from error
    lines = text.splitlines()
    header = lines[0] if lines else ""
    delimiter = max(",;\t", key=header.count)
    rows = csv.DictReader(lines, delimiter=delimiter)
    by_key: dict[str, str] = {}
    for name in rows.fieldnames or []:
        by_key.setdefault(re.sub(r"[^a-z0-9]", "", name.lower()), name)
    columns: dict[str, str] = {}
    for field, spellings in _COLUMNS.items():
        for spelling in spellings:
            if spelling in by_key:
                columns[field] = by_key[spelling]
                break
    return rows, columns


def _records(
    rows: list[dict[str, str]], columns: dict[str, str], source: Path, given_country: admin.Country | None
) -> Iterator[PlaceRecord]:
    governorates = {governorate.pcode: governorate.name for governorate in admin.governorates()}
    for row in rows:
        # Every field of _COLUMNS, "" where the table has no such column or the cell is empty.
        values = {field: (row.get(columns[field]) or "").strip() if field in columns else "" for field in _COLUMNS}
        name = values["name"]
        latitude, longitude = _number(values["latitude"]), _number(values["longitude"])
        if not name or latitude is None or longitude is None:
            continue
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            continue
        country = given_country or _row_country(values)
        cc = country.iso2 if country else None
        admin1 = values["admin1"] or None
        if cc == "SY":
            by_pcode = governorates.get(values["admin1_pcode"][:4])
            admin1 = (admin.acled_admin1(admin1) if admin1 else None) or by_pcode or admin1
        population = int(_number(values["population"]) or 0)
        names = [name, *re.split(r"[;,|]", values["alt_names"])]
        if values["name_ar"]:
            names.append(values["name_ar"])
        pcode = values["pcode"]
        place_key = (
            pcode or hashlib.sha1(f"{cc}|{normalize_name(name)}|{latitude}|{longitude}".encode()).hexdigest()[:12]
        )
        yield PlaceRecord(
            place_id=f"ocha:{place_key}",
            names=tuple(dict.fromkeys(n.strip() for n in names if n.strip())),
            cc=cc,
            country=country.name if country else None,
            latitude=latitude,
            longitude=longitude,
            admin1=admin1,
            admin2=values["admin2"] or None,
            admin3=values["admin3"] or None,
            population=population,
            source=f"OCHA populated places (user import {source.name})",
            scan=scan_eligible(cc=cc, population=population),
            fine_keys=cc == "SY",
        )


def _row_country(values: dict[str, str]) -> admin.Country | None:
    """The row's country: its admin0 name or code, else the ISO prefix of its P-codes."""
    named = values["country"]
    if named and (found := admin.find_country(named)):
        return found
    code = values["country_code"]
    if len(code) >= 2 and (found := admin.country_by_code(code[:2])):
        return found
    for field in ("admin1_pcode", "pcode"):
        pcode = values[field]
        if len(pcode) >= 2 and pcode[:2].isalpha() and (found := admin.country_by_code(pcode[:2])):
            return found
    return None


def _country(name: str, source: Path) -> admin.Country:
    found = admin.country_by_code(name) if len(name) == 2 else None
    found = found or admin.find_country(name)
    if found is None:
        raise ConfigurationError(f"{source}: unknown country {name!r}; give a country name or ISO code")
    return found


def _number(text: str) -> float | None:
    """A decimal number, with a decimal comma accepted ("36,5")."""
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None
