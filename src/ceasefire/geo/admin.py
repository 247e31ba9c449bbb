"""Syrian governorates (admin1) in ACLED's spelling, and the countries table.

Data: ``data/admin1_syria.yaml`` and ``data/countries.csv``. Each is read once
per process; the functions here only translate spellings.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ceasefire.errors import ConfigurationError
from ceasefire.geo.names import base_key, normalize_name
from ceasefire.model import Place

SYRIA = "Syria"
# Words that name the level, not the place: "Idlib Governorate", "Rif Dimashq province".
_LEVEL_WORDS = frozenset({"governorate", "province", "muhafazat", "muhafaza", "gov", "region"})


@dataclass(frozen=True, kw_only=True)
class Governorate:
    """A Syrian governorate with its ACLED spelling, aliases and seat."""

    name: str
    pcode: str
    geonames_code: str
    aliases: tuple[str, ...]
    capital: str
    latitude: float
    longitude: float

    def place(self) -> Place:
        """The governorate as a place at its seat (geo-precision 3 fallback)."""
        return Place(
            name=self.name,
            country=SYRIA,
            latitude=self.latitude,
            longitude=self.longitude,
            admin1=self.name,
            feature="admin1",
            source="ceasefire admin1_syria.yaml",
            place_id=f"pcode:{self.pcode}",
        )


@dataclass(frozen=True, kw_only=True)
class Country:
    """A country: ISO code, ACLED name, capital, approximate centroid and adjectives."""

    iso2: str
    name: str
    capital: str
    latitude: float
    longitude: float
    adjectives: tuple[str, ...]
    aliases: tuple[str, ...]

    def place(self) -> Place:
        return Place(
            name=self.name,
            country=self.name,
            latitude=self.latitude,
            longitude=self.longitude,
            feature="country",
            source="ceasefire countries.csv",
            place_id=f"iso:{self.iso2}",
        )


def _data_text(name: str) -> str:
    return resources.files("ceasefire.geo").joinpath("data", name).read_text(encoding="utf-8")


def _admin_key(name: str) -> str:
    words = [w for w in normalize_name(name).split() if w not in _LEVEL_WORDS]
    return base_key(" ".join(words))


@lru_cache(maxsize=1)
def governorates() -> tuple[Governorate, ...]:
    """The 14 governorates from ``admin1_syria.yaml``."""
    try:
        data = yaml.safe_load(_data_text("admin1_syria.yaml"))
        out = []
        for entry in data["governorates"]:
            capital = entry["capital"]
            out.append(
                Governorate(
                    name=entry["name"],
                    pcode=entry["pcode"],
                    geonames_code=str(entry["geonames"]),
                    aliases=tuple(entry.get("aliases") or ()),
                    capital=capital["name"],
                    latitude=float(capital["latitude"]),
                    longitude=float(capital["longitude"]),
                )
            )
    except (KeyError, TypeError, ValueError, yaml.YAMLError) as error:
        raise ConfigurationError(
            f"admin1_syria.yaml: invalid governorate entry ({error!r}); each needs name, pcode, "
            "geonames, aliases and capital {name, latitude, longitude}"
        ) from error
    return tuple(out)


@lru_cache(maxsize=1)
def _governorate_by_key() -> dict[str, Governorate]:
    table: dict[str, Governorate] = {}
    for governorate in governorates():
        for spelling in (governorate.name, *governorate.aliases):
            table[_admin_key(spelling)] = governorate
    return table


def governorate(name: str) -> Governorate | None:
    """The governorate a spelling names ("Idlib", "Rif Dimashq province"), or None."""
    return _governorate_by_key().get(_admin_key(name))


def acled_admin1(name: str) -> str | None:
    """ACLED's spelling of a Syrian governorate: "Idlib" → "Idleb", "Hasakah" → "Al-Hasakeh"."""
    found = governorate(name)
    return found.name if found else None


@lru_cache(maxsize=1)
def _governorate_by_geonames_code() -> dict[str, Governorate]:
    return {g.geonames_code: g for g in governorates()}


def admin1_from_geonames_code(code: str) -> str | None:
    """ACLED admin1 of a Syrian GeoNames admin1 code ("12" → "Idleb")."""
    found = _governorate_by_geonames_code().get(code)
    return found.name if found else None


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    """All countries of ``countries.csv``."""
    rows = csv.DictReader(_data_text("countries.csv").splitlines())
    out = []
    for line_no, row in enumerate(rows, start=2):
        try:
            out.append(
                Country(
                    iso2=row["iso2"],
                    name=row["name"],
                    capital=row["capital"],
                    latitude=float(row["latitude"]),
                    longitude=float(row["longitude"]),
                    adjectives=tuple(a for a in row["adjectives"].split(";") if a),
                    aliases=tuple(a for a in row["aliases"].split(";") if a),
                )
            )
        except (KeyError, ValueError) as error:
            raise ConfigurationError(f"countries.csv:{line_no}: invalid row ({error!r})") from error
    return tuple(out)


@lru_cache(maxsize=1)
def _country_by_code() -> dict[str, Country]:
    return {c.iso2: c for c in countries()}


def country_by_code(iso2: str) -> Country | None:
    """The country of an ISO 3166 alpha-2 code."""
    return _country_by_code().get(iso2.upper())


@lru_cache(maxsize=1)
def _country_by_key() -> dict[str, Country]:
    table: dict[str, Country] = {}
    # Names and aliases first, so an adjective that is also a name ("Jersey") keeps the name.
    for country in countries():
        for spelling in (country.name, *country.aliases):
            table.setdefault(normalize_name(spelling), country)
    for country in countries():
        for spelling in country.adjectives:
            table.setdefault(normalize_name(spelling), country)
    return table


def find_country(name_or_adjective: str) -> Country | None:
    """The country named ("Turkey", "Türkiye") or described ("Turkish"), or None."""
    return _country_by_key().get(normalize_name(name_or_adjective))


@lru_cache(maxsize=1)
def country_adjectives() -> frozenset[str]:
    """Normalised adjectives of all countries ("turkish", "russian"…): actor words, not places."""
    return frozenset(normalize_name(a) for c in countries() for a in c.adjectives)
