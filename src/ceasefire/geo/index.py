"""The gazetteer's on-disk name index: one SQLite file per layer.

The packaged gzip CSVs are small but slow to turn into lookup tables, so the
first load writes them, with every name's match keys, into a SQLite file in the
user's cache directory (a few seconds, once per data version); later loads
only open it. A user's extension (``import_geonames``) is a second file of the
same schema, written at import time.

Tables:
- ``places``: one row per place, with a ``scan`` flag for places the text
  scanner may report (Syrian places, extras, countries, governorates, and world
  places of population ≥ 50,000 or capitals);
- ``names``: ``(key, pid)`` → level of the key (0 normalised, 1 base, 2 skeleton),
  whether it comes from the primary name, and the spelling it was made from;
- ``blocks``: base keys of Syrian names grouped by the first two letters of
  their skeleton, for bounded fuzzy matching.
"""

from __future__ import annotations

import gc
import marshal
import os
import sqlite3
import struct
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ceasefire.geo.names import base_key, keys_by_level, skeleton_key
from ceasefire.model import Place

INDEX_VERSION = 6
SCAN_MIN_POPULATION = 50_000
CAPITAL_CODES = frozenset({"PPLC"})

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    pid INTEGER PRIMARY KEY,
    place_id TEXT NOT NULL,
    name TEXT NOT NULL,
    cc TEXT,
    country TEXT,
    latitude REAL NOT NULL,
    longitude REAL NOT NULL,
    admin1 TEXT,
    admin2 TEXT,
    admin3 TEXT,
    feature TEXT NOT NULL,
    population INTEGER NOT NULL DEFAULT 0,
    source TEXT,
    scan INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE names (
    key TEXT NOT NULL,
    pid INTEGER NOT NULL,
    level INTEGER NOT NULL,
    is_primary INTEGER NOT NULL,
    scan INTEGER NOT NULL,
    spelling TEXT NOT NULL,
    PRIMARY KEY (key, pid)
) WITHOUT ROWID;
CREATE TABLE blocks (
    block TEXT NOT NULL,
    key TEXT NOT NULL,
    pid INTEGER NOT NULL,
    spelling TEXT NOT NULL,
    PRIMARY KEY (block, key, pid)
) WITHOUT ROWID;
"""


@dataclass(frozen=True, kw_only=True)
class PlaceRecord:
    """A place to index, with all its spellings (the first is the primary name)."""

    place_id: str
    names: tuple[str, ...]
    cc: str | None
    country: str | None
    latitude: float
    longitude: float
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    feature: str = "populated_place"
    population: int = 0
    source: str = ""
    scan: bool = False
    fine_keys: bool = False  # skeleton keys and fuzzy blocks (Syria only: too loose worldwide)


def scan_eligible(*, cc: str | None, population: int, feature_code: str = "") -> bool:
    """Whether the text scanner may report a place: any Syrian one, big or capital elsewhere."""
    return cc == "SY" or population >= SCAN_MIN_POPULATION or feature_code in CAPITAL_CODES


def _fuzzy_block(key: str) -> str:
    return key[:2]


def _rows(records: Iterable[PlaceRecord]) -> Iterator[tuple[tuple, list[tuple], list[tuple]]]:
    for pid, record in enumerate(records, start=1):
        place_row = (
            pid,
            record.place_id,
            record.names[0],
            record.cc,
            record.country,
            record.latitude,
            record.longitude,
            record.admin1,
            record.admin2,
            record.admin3,
            record.feature,
            record.population,
            record.source,
            int(record.scan),
        )
        best: dict[str, tuple[int, int, str]] = {}
        blocks: dict[tuple[str, str], str] = {}
        for position, spelling in enumerate(record.names):
            is_primary = int(position == 0)
            for key, level in keys_by_level(spelling):
                if level == 2 and not record.fine_keys:
                    continue
                known = best.get(key)
                candidate = (level, is_primary, spelling if level else "")
                if known is None or (candidate[0], -candidate[1]) < (known[0], -known[1]):
                    best[key] = candidate
            if record.fine_keys:
                skeleton = skeleton_key(spelling)
                base = base_key(spelling)
                if len(skeleton) >= 2 and base:
                    blocks.setdefault((_fuzzy_block(skeleton), base), spelling)
        name_rows = [
            (key, pid, level, is_primary, int(record.scan), spelling)
            for key, (level, is_primary, spelling) in best.items()
        ]
        block_rows = [(block, base, pid, spelling) for (block, base), spelling in blocks.items()]
        yield place_row, name_rows, block_rows


def write_index(path: Path, records: Iterable[PlaceRecord], meta: dict[str, str]) -> int:
    """Write a complete index file atomically (a temporary file renamed into place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(handle)
    count = 0
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.execute("PRAGMA journal_mode=OFF")
            connection.execute("PRAGMA synchronous=OFF")
            connection.executescript(SCHEMA)
            places, names, blocks = [], [], []
            for place_row, name_rows, block_rows in _rows(records):
                places.append(place_row)
                names.extend(name_rows)
                blocks.extend(block_rows)
                count += 1
                if len(names) > 200_000:
                    _flush(connection, places, names, blocks)
            _flush(connection, places, names, blocks)
            connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
            connection.commit()
            connection.execute("ANALYZE")
        finally:
            connection.close()
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    write_memory_image(path)
    return count


def _flush(connection: sqlite3.Connection, places: list, names: list, blocks: list) -> None:
    connection.executemany(f"INSERT INTO places VALUES ({','.join('?' * 14)})", places)
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?, ?, ?)", names)
    connection.executemany("INSERT OR IGNORE INTO blocks VALUES (?, ?, ?, ?)", blocks)
    places.clear()
    names.clear()
    blocks.clear()


# Place columns of repeated strings, kept once each in a vocabulary. "country" is
# the country's name, else its ISO code, as ``Place.country`` shows it.
_VOCABULARY_COLUMNS = ("country", "admin1", "admin2", "admin3", "feature", "source")
_COUNTRY, _ADMIN1, _ADMIN2, _ADMIN3, _FEATURE, _SOURCE = range(len(_VOCABULARY_COLUMNS))
# One 64-byte record per place: latitude, longitude, population, where its name
# and place id start and end in the image's text, and an index into each vocabulary.
_RECORD = struct.Struct("<ddqIII" + "I" * len(_VOCABULARY_COLUMNS) + "4x")
_UNPACK_RECORD, _RECORD_SIZE = _RECORD.unpack_from, _RECORD.size
# Parts of a record read without building the place.
_POPULATION, _POPULATION_OFFSET = struct.Struct("<q"), struct.calcsize("<dd")
_NAME_SPAN, _NAME_OFFSET = struct.Struct("<II"), struct.calcsize("<ddq")
_COUNTRY_INDEX, _COUNTRY_OFFSET = struct.Struct("<I"), struct.calcsize("<ddqIII")


def write_memory_image(path: Path) -> Path:
    """Write the in-memory part of an index (strict keys, place records) beside it.

    Keys of level 0 and 1 (normalised names and base keys, about 460,000) map to
    codes ``pid * 4 + level * 2 + is_primary``; looser keys stay in SQLite.
    Loading these and 135,000 places from SQLite takes about a second; from this
    marshal image, about a tenth of that. Each place is one fixed-size record
    (``_RECORD``), so building it reads one or two cache lines rather than a dozen
    columns; names and place ids are slices of one long string, which also spares
    every full garbage collection of the process a walk over 270,000 strings.
    """
    image = path.with_suffix(".marshal")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        codes: dict[str, list[int]] = {}
        rows = connection.execute("SELECT key, pid, level, is_primary FROM names WHERE level < 2")
        for key, pid, level, is_primary in rows:
            codes.setdefault(key, []).append(pid * 4 + level * 2 + is_primary)
        # One code as an int, several as packed bytes: a dict of str → int | bytes holds
        # no container, so the garbage collector never has to walk its 460,000 entries.
        exact: dict[str, int | bytes] = {
            key: found[0] if len(found) == 1 else array("q", found).tobytes() for key, found in codes.items()
        }
        texts: list[str] = []
        length = 0
        records = bytearray(_RECORD.size)  # pid 0 is no place
        scan = bytearray(b"\0")
        vocabularies: list[dict[str | None, int]] = [{None: 0} for _ in _VOCABULARY_COLUMNS]
        query = (
            "SELECT pid, place_id, name, latitude, longitude, population, scan, "
            "coalesce(nullif(country, ''), nullif(cc, ''), ''), admin1, admin2, admin3, "
            "coalesce(nullif(feature, ''), 'populated_place'), coalesce(source, '') FROM places ORDER BY pid"
        )
        for row in connection.execute(query):
            pid, place_id, name, latitude, longitude, population = row[:6]
            if pid != len(scan):
                raise ValueError(f"{path}: place ids are not consecutive at {pid}")
            texts += (name, place_id)
            start, length = length, length + len(name) + len(place_id)
            indexes = [
                vocabulary.setdefault(value, len(vocabulary))
                for vocabulary, value in zip(vocabularies, row[7:], strict=True)
            ]
            records += _RECORD.pack(latitude, longitude, population, start, start + len(name), length, *indexes)
            scan.append(row[6])
    finally:
        connection.close()
    payload = {
        "format": INDEX_VERSION,
        "exact": exact,
        "texts": "".join(texts),
        "records": bytes(records),
        "vocabularies": [list(vocabulary) for vocabulary in vocabularies],
        "scan": bytes(scan),
    }
    handle, temporary = tempfile.mkstemp(prefix=image.name + ".", suffix=".tmp", dir=path.parent)
    with os.fdopen(handle, "wb") as out:
        marshal.dump(payload, out)
    os.replace(temporary, image)
    return image


def place_from_fields(values: dict[str, Any]) -> Place:
    """A ``Place`` from a value for each of its fields: the same object as ``Place(**values)``.

    Place is a frozen dataclass, so its ``__init__`` sets each of its eleven fields
    through ``object.__setattr__``; a lookup of names never seen before spent most
    of its time there. Filling the instance's dictionary in one step takes half as
    long. ``tests/geo/test_gazetteer.py`` checks the two agree, field for field.
    """
    place = _NEW_PLACE(Place)
    _SET_PLACE_DICT(place, values)
    return place


# How ``place_from_fields`` makes a Place: the bare instance, then its dictionary set through
# the class's own ``__dict__`` slot (a frozen dataclass refuses ``setattr``), without going
# through ``object.__setattr__``'s lookup of that slot on every call.
_NEW_PLACE = object.__new__
_SET_PLACE_DICT = vars(Place)["__dict__"].__set__


def _load_image(image: Path) -> dict[str, Any]:
    raw = image.read_bytes()
    # Hundreds of thousands of new objects would set off the cyclic collector many
    # times over; none of them can form a cycle, so it is paused while they load.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(raw)  # type: ignore[no-any-return]
    finally:
        if was_enabled:
            gc.enable()


class IndexLayer:
    """Read access to one index: exact names and places in memory, looser keys in SQLite."""

    def __init__(self, path: Path):
        self.path = path
        uri = f"file:{path}?mode=ro&immutable=1"
        self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._connection.execute("PRAGMA query_only=1")
        image = path.with_suffix(".marshal")
        payload = _load_image(image) if image.is_file() else {}
        if payload.get("format") != INDEX_VERSION or image.stat().st_mtime < path.stat().st_mtime:
            payload = _load_image(write_memory_image(path))
        self._exact: dict[str, int | bytes] = payload["exact"]
        # The same table, read-only by convention: one code as an int, several as packed bytes.
        self.codes: dict[str, int | bytes] = self._exact
        self._texts: str = payload["texts"]
        self._records: bytes = payload["records"]
        (
            self._countries,
            self._admin1,
            self._admin2,
            self._admin3,
            self._features,
            self._sources,
        ) = payload["vocabularies"]
        self.scan: bytes = payload["scan"]
        # Places built so far, by pid: one list slot each, no hashing.
        self._places: list[Place | None] = [None] * len(self.scan)

    def close(self) -> None:
        self._connection.close()

    def __len__(self) -> int:
        return len(self.scan) - 1

    def meta(self) -> dict[str, str]:
        return dict(self._connection.execute("SELECT key, value FROM meta").fetchall())

    def exact(self, key: str) -> tuple[int, ...]:
        """Codes ``pid * 4 + level * 2 + is_primary`` of the names with this level-0/1 key."""
        found = self._exact.get(key)
        if found is None:
            return ()
        if isinstance(found, int):
            return (found,)
        codes = array("q")
        codes.frombytes(found)
        return tuple(codes)

    def name(self, pid: int) -> str:
        """The place's primary name, without building the place."""
        start, end = _NAME_SPAN.unpack_from(self._records, pid * _RECORD.size + _NAME_OFFSET)
        return self._texts[start:end]

    def population(self, pid: int) -> int:
        population: int = _POPULATION.unpack_from(self._records, pid * _RECORD.size + _POPULATION_OFFSET)[0]
        return population

    def country(self, pid: int) -> str:
        """The place's country name (or ISO code), without building the place."""
        (index,) = _COUNTRY_INDEX.unpack_from(self._records, pid * _RECORD.size + _COUNTRY_OFFSET)
        return str(self._countries[index])

    def place(self, pid: int) -> Place:
        """The place, built on first use and kept (a lookup returns the same object each time)."""
        place = self._places[pid]
        if place is None:
            (
                latitude,
                longitude,
                population,
                name_start,
                name_end,
                id_end,
                country,
                admin1,
                admin2,
                admin3,
                feature,
                source,
            ) = _UNPACK_RECORD(self._records, pid * _RECORD_SIZE)
            # ``place_from_fields``, inline: this runs once for every place a new name finds.
            place = _NEW_PLACE(Place)
            _SET_PLACE_DICT(
                place,
                {
                    "name": self._texts[name_start:name_end],
                    "country": self._countries[country],
                    "latitude": latitude,
                    "longitude": longitude,
                    "admin1": self._admin1[admin1],
                    "admin2": self._admin2[admin2],
                    "admin3": self._admin3[admin3],
                    "feature": self._features[feature],
                    "population": population,
                    "source": self._sources[source],
                    "place_id": self._texts[name_end:id_end],
                },
            )
            self._places[pid] = place
        return place

    def names(self, key: str) -> list[tuple[int, int, int, str]]:
        """``(pid, level, is_primary, spelling)`` of every name with this key (any level)."""
        return self._connection.execute(
            "SELECT pid, level, is_primary, spelling FROM names WHERE key = ?", (key,)
        ).fetchall()

    def block(self, block: str) -> list[tuple[str, int, str]]:
        """``(base key, pid, spelling)`` of the names in a fuzzy block."""
        return self._connection.execute("SELECT key, pid, spelling FROM blocks WHERE block = ?", (block,)).fetchall()

    def counts_by_country(self) -> dict[str, int]:
        rows = self._connection.execute(
            "SELECT coalesce(country, cc, '?'), count(*) FROM places "
            "WHERE feature NOT IN ('country', 'admin1') GROUP BY 1"
        ).fetchall()
        return dict(rows)


def fuzzy_block_of(name: str) -> str:
    """The fuzzy block a query falls in."""
    return _fuzzy_block(skeleton_key(name))
