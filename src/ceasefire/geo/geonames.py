"""Reading GeoNames dumps: the documented 19-column, tab-separated format.

Accepts ``allCountries.zip``, ``XX.zip``, ``cities500.zip`` and the plain or
gzipped ``.txt`` inside them. Used by ``scripts/build_gazetteer.py`` and by
``import_geonames``; a file that is not a GeoNames dump raises ``ConfigurationError``
naming the file and the line.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ceasefire.errors import ConfigurationError

GEONAMES_COLUMNS = (
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "latitude",
    "longitude",
    "feature_class",
    "feature_code",
    "country_code",
    "cc2",
    "admin1_code",
    "admin2_code",
    "admin3_code",
    "admin4_code",
    "population",
    "elevation",
    "dem",
    "timezone",
    "modification_date",
)

# GeoNames feature (class, code) → our Place.feature.
_FEATURE_BY_CODE = {
    "AIRB": "airbase",
    "AIRF": "airbase",
    "AIRP": "facility",
    "AIRH": "facility",
    "CMPRF": "camp",
    "CMP": "camp",
    "CMPMN": "camp",
    "PSTB": "crossing",
    "PSTC": "crossing",
    "BDG": "crossing",
    "RD": "route",
    "RDJCT": "route",
    "TNL": "route",
}
_FEATURE_BY_CLASS = {
    "P": "populated_place",
    "A": "area",
    "T": "area",
    "L": "area",
    "H": "area",
    "V": "area",
    "U": "area",
    "S": "facility",
    "R": "route",
}


@dataclass(frozen=True, kw_only=True)
class GeoNamesRow:
    """One row of a GeoNames dump, with the fields the gazetteer keeps."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    latitude: float
    longitude: float
    feature_class: str
    feature_code: str
    country_code: str
    admin1_code: str
    population: int

    @property
    def feature(self) -> str:
        """The row's feature in the vocabulary of ``Place.feature``."""
        return _FEATURE_BY_CODE.get(self.feature_code, _FEATURE_BY_CLASS.get(self.feature_class, "populated_place"))


def _open_text(path: Path) -> Iterator[io.TextIOBase]:
    """Yield one text stream per dump file inside ``path``."""
    name = path.name.lower()
    if name.endswith(".zip"):
        try:
            archive = zipfile.ZipFile(path)
        except zipfile.BadZipFile as error:
            raise ConfigurationError(
                f"{path}: not a zip archive ({error}); expected a GeoNames dump such as "
                "allCountries.zip, SY.zip or SY.txt"
            ) from error
        with archive:
            members = [
                m for m in archive.namelist() if m.lower().endswith(".txt") and not m.lower().startswith("readme")
            ]
            if not members:
                raise ConfigurationError(
                    f"{path}: the archive holds no .txt dump (found {archive.namelist()[:5]}); "
                    "expected a GeoNames dump such as allCountries.zip or SY.zip"
                )
            for member in members:
                with archive.open(member) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
        return
    if name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8", newline="\n") as handle:
            yield handle  # type: ignore[misc]
        return
    with open(path, encoding="utf-8", newline="\n") as handle:
        yield handle  # type: ignore[misc]


def read_geonames(path: str | Path) -> Iterator[GeoNamesRow]:
    """Rows of a GeoNames dump; raises ``ConfigurationError`` on a file of another format."""
    path = Path(path)
    if not path.is_file():
        raise ConfigurationError(f"{path}: no such file; give the path of a GeoNames dump")
    try:
        for stream in _open_text(path):
            for line_no, line in enumerate(stream, start=1):
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                yield _parse_line(line, path, line_no)
    except UnicodeDecodeError as error:
        raise ConfigurationError(
            f"{path}: not UTF-8 text ({error.reason}); expected a GeoNames dump (tab-separated, 19 columns)"
        ) from error
    except (OSError, EOFError) as error:
        if isinstance(error, FileNotFoundError):
            raise
        raise ConfigurationError(f"{path}: cannot be read as a GeoNames dump ({error})") from error


def _parse_line(line: str, path: Path, line_no: int) -> GeoNamesRow:
    fields = line.split("\t")
    if len(fields) != len(GEONAMES_COLUMNS):
        raise ConfigurationError(
            f"{path}:{line_no}: {len(fields)} tab-separated columns where a GeoNames dump has "
            f"{len(GEONAMES_COLUMNS)} (geonameid, name, asciiname, alternatenames, latitude, "
            "longitude, …); is this the right file?"
        )
    try:
        return GeoNamesRow(
            geonameid=int(fields[0]),
            name=fields[1],
            asciiname=fields[2],
            alternatenames=tuple(a for a in fields[3].split(",") if a) if fields[3] else (),
            latitude=float(fields[4]),
            longitude=float(fields[5]),
            feature_class=fields[6],
            feature_code=fields[7],
            country_code=fields[8],
            admin1_code=fields[10],
            population=int(fields[14] or 0),
        )
    except ValueError as error:
        raise ConfigurationError(
            f"{path}:{line_no}: not a GeoNames row ({error}); geonameid, latitude, longitude "
            "and population must be numbers"
        ) from error
