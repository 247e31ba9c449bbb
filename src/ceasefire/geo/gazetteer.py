"""The gazetteer: place lookup by any spelling, and a scanner for place names in text.

    gazetteer = Gazetteer.load()
    gazetteer.lookup("Saraqeb")            # [Candidate(place=Place(name="Sarāqib", …), score=1.0)]
    gazetteer.admin1_place("Idlib")        # Place(name="Idleb", feature="admin1", …)
    gazetteer.find_place_names(text)       # [NameMatch(start, end, text, candidates)]

Data: the packaged tables in ``data/`` (see SOURCES.md for credits), plus the
user's extension written by ``import_geonames``. Lookups go through a SQLite
index (see ``index.py``) built once per data version in the user's cache dir.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import math
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from ceasefire.errors import ConfigurationError
from ceasefire.geo import admin
from ceasefire.geo.index import (
    INDEX_VERSION,
    IndexLayer,
    PlaceRecord,
    fuzzy_block_of,
    scan_eligible,
    write_index,
)
from ceasefire.geo.names import ARTICLES, base_key, looser_keys, normalize_name
from ceasefire.model import Place
from ceasefire.nlp.dates import calendar_words

EXTENSION_INDEX = "extension.sqlite"

_DATA_FILES = (
    "syria.csv.gz",
    "world.csv.gz",
    "countries.csv",
    "admin1_syria.yaml",
    "places_extra.yaml",
)
_FEATURES = frozenset({"populated_place", "facility", "crossing", "airbase", "camp", "area", "route"})
# Lowercase words that may sit inside a multi-word name: "Jisr al-Shughur", "Isle of Man".
_CONNECTORS = ARTICLES | frozenset("of and de del la le les du des da do dos das di der den van von y bin ibn".split())
_HYPHEN_GOES_ON = re.compile(r"-[a-z]")  # "Mazar-i-Sharif" goes on; "Aleppo-Latakia" joins two names
_TOKEN = re.compile(r"[^\W\d_]\w*(?:['’‘`ʿʾ]\w+)*")
_MAX_SPAN_WORDS = 4
_SCAN_MIN_LOOSE_SCORE = 0.75
_LOCATIVE_MIN_SCORE = 0.5  # a looser match, accepted only right after "in", "near", "shelled"…
# A name listed after a village ("Kafr Nabl, Hass and Ehsem"): a spelling match, not a fuzzy one,
# for a list may go on with people ("Ariha, Abu Mohammad and …").
_LISTED_MIN_SCORE = 0.6
_LOCATIVE_WORDS = frozenset(
    "in near at on outside around into inside from to towards toward of entered shelled struck hit stormed "
    "captured recaptured reached targeted bombed besieged surrounded attacked raided".split()
)
_ARTICLES = frozenset("al el ad ad-d ar as ash at az an".split())
_MAX_SPAN_TOKENS = 7
# Lowercase words that may open a name ("western Ghouta") or close one ("the al-Omar oil field",
# "the Bab al-Hawa border crossing"): the longer phrase is taken where the gazetteer has it.
_CLASS_AFTER = re.compile(r" (city|town)\b")
_CLASS_BEFORE = re.compile(r"\b(city|town) of (?:the )?$", re.IGNORECASE)
_DIRECTION_WORDS = frozenset("northern southern eastern western".split())
_FACILITY_AFTER = re.compile(
    r"(?:[ -]+(?:oil|gas|border|military|air))?"
    r"[ -]+(?:oil ?field|gas ?field|field|crossing|dam|airport|air ?base|base|camp)\b"
)


@dataclass(frozen=True, kw_only=True, slots=True)
class Candidate:
    """A place a name may refer to, with how well the name matched (0..1)."""

    place: Place
    score: float
    matched: str = ""  # the gazetteer spelling that matched, when not the name itself


# A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``;
# the slots' own setters do the same job in half the time, which counts when a
# lookup of a new name builds several candidates.
_SET_PLACE = vars(Candidate)["place"].__set__
_SET_SCORE = vars(Candidate)["score"].__set__
_SET_MATCHED = vars(Candidate)["matched"].__set__


def _candidate(place: Place, score: float, matched: str) -> Candidate:
    """``Candidate(place=place, score=score, matched=matched)``, built faster."""
    candidate = object.__new__(Candidate)
    _SET_PLACE(candidate, place)
    _SET_SCORE(candidate, score)
    _SET_MATCHED(candidate, matched)
    return candidate


@dataclass(frozen=True, kw_only=True, slots=True)
class NameMatch:
    """A span of text that is a gazetteer name, with the places it may refer to."""

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)
    called: str = ""  # what the text calls the place right after its name: "city" or "town" ("Nawa city")


def default_cache_dir() -> Path:
    """Where the built index goes: $CEASEFIRE_CACHE_DIR, else the XDG cache dir."""
    if os.environ.get("CEASEFIRE_CACHE_DIR"):
        return Path(os.environ["CEASEFIRE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "ceasefire"


def default_extension_dir() -> Path:
    """Where ``import_geonames`` stores a user's places: $CEASEFIRE_DATA_DIR/gazetteer or XDG."""
    if os.environ.get("CEASEFIRE_DATA_DIR"):
        return Path(os.environ["CEASEFIRE_DATA_DIR"]) / "gazetteer"
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "ceasefire" / "gazetteer"


def _data_path(name: str) -> Any:
    return resources.files("ceasefire.geo").joinpath("data", name)


@lru_cache(maxsize=1)
def sources() -> tuple[dict[str, Any], ...]:
    """The data sources with their licences and credit lines (``data/sources.yaml``)."""
    data = yaml.safe_load(_data_path("sources.yaml").read_text(encoding="utf-8"))
    return tuple(data["sources"])


def credits() -> tuple[str, ...]:
    """Credit lines to show wherever gazetteer data is shown."""
    return tuple(source["credit"] for source in sources())


@lru_cache(maxsize=1)
def _stop_sections() -> dict[str, frozenset[str]]:
    sections: dict[str, set[str]] = {"neutral": set(), "compound": set()}
    current = "neutral"
    for line in _data_path("stop_names.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in sections:
                raise ConfigurationError(f"stop_names.txt: unknown section [{current}]; use [neutral] or [compound]")
            continue
        sections[current].add(normalize_name(line))
    return {name: frozenset(words) for name, words in sections.items()}


def stop_names() -> frozenset[str]:
    """Normalised words never read as a place on their own (stoplist and country adjectives)."""
    sections = _stop_sections()
    return sections["neutral"] | sections["compound"] | admin.country_adjectives()


def compound_words() -> frozenset[str]:
    """Normalised words that make a neighbouring word part of a person's or group's name."""
    return _stop_sections()["compound"]


def _read_gzip_csv(name: str) -> Iterator[dict[str, str]]:
    raw = _data_path(name).read_bytes()
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle)


def _split(value: str) -> list[str]:
    return [part for part in value.split(";") if part]


def _load_extras() -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    data = yaml.safe_load(_data_path("places_extra.yaml").read_text(encoding="utf-8"))
    full: list[dict[str, Any]] = []
    spellings: dict[str, list[str]] = {}
    for number, entry in enumerate(data.get("places") or (), start=1):
        where = f"places_extra.yaml entry {number} ({entry.get('name') or entry.get('same_as')})"
        if not entry.get("source"):
            raise ConfigurationError(f"{where}: needs a source naming the public fact it rests on")
        if entry.get("same_as"):
            spellings.setdefault(str(entry["same_as"]), []).extend(entry.get("alt_names") or ())
            continue
        missing = [k for k in ("name", "latitude", "longitude", "admin1", "feature") if k not in entry]
        if missing:
            raise ConfigurationError(f"{where}: missing {', '.join(missing)}")
        if entry["feature"] not in _FEATURES:
            raise ConfigurationError(f"{where}: feature {entry['feature']!r} is not one of {sorted(_FEATURES)}")
        if admin.acled_admin1(entry["admin1"]) != entry["admin1"]:
            raise ConfigurationError(f"{where}: admin1 {entry['admin1']!r} is not an ACLED spelling")
        full.append(entry)
    return full, spellings


def package_records() -> Iterator[PlaceRecord]:
    """Every place of the packaged data, in index order."""
    for country in admin.countries():
        yield PlaceRecord(
            place_id=f"iso:{country.iso2}",
            names=(country.name, *country.aliases),
            cc=country.iso2,
            country=country.name,
            latitude=country.latitude,
            longitude=country.longitude,
            feature="country",
            source="ceasefire countries.csv",
            scan=True,
        )
    for governorate in admin.governorates():
        spellings = [governorate.name, *governorate.aliases]
        spellings += [f"{s} {level}" for s in list(spellings) for level in ("Governorate", "Province")]
        yield PlaceRecord(
            place_id=f"pcode:{governorate.pcode}",
            names=tuple(spellings),
            cc="SY",
            country=admin.SYRIA,
            latitude=governorate.latitude,
            longitude=governorate.longitude,
            admin1=governorate.name,
            feature="admin1",
            source="ceasefire admin1_syria.yaml",
            scan=True,
            fine_keys=True,
        )
    extras, extra_spellings = _load_extras()
    for entry in extras:
        yield PlaceRecord(
            place_id=f"extra:{normalize_name(entry['name']).replace(' ', '-')}",
            names=(entry["name"], *(entry.get("alt_names") or ())),
            cc="SY",
            country=admin.SYRIA,
            latitude=float(entry["latitude"]),
            longitude=float(entry["longitude"]),
            admin1=entry["admin1"],
            admin2=entry.get("admin2"),
            feature=entry["feature"],
            source=f"ceasefire places_extra.yaml ({entry['source']})",
            scan=True,
            fine_keys=True,
        )
    for row in _read_gzip_csv("syria.csv.gz"):
        names = [row["name"], *_split(row["alt_names"])]
        if row["name_ar"]:
            names.append(row["name_ar"])
        names += extra_spellings.get(row["place_id"], [])
        yield PlaceRecord(
            place_id=row["place_id"],
            names=tuple(names),
            cc="SY",
            country=admin.SYRIA,
            latitude=float(row["lat"]),
            longitude=float(row["lon"]),
            admin1=admin.acled_admin1(row["admin1"]) or row["admin1"] or None,
            admin2=row["admin2"] or None,
            admin3=row["admin3"] or None,
            feature=row["feature"],
            population=int(row["population"] or 0),
            source="Who's On First / GeoNames",
            scan=True,
            fine_keys=True,
        )
    for row in _read_gzip_csv("world.csv.gz"):
        known = admin.country_by_code(row["cc"])
        population = int(row["population"] or 0)
        yield PlaceRecord(
            place_id=f"gn:{row['geonameid']}",
            names=(row["name"], *_split(row["alt_names"])),
            cc=row["cc"],
            country=known.name if known else row["cc"],
            latitude=float(row["lat"]),
            longitude=float(row["lon"]),
            population=population,
            source="GeoNames",
            scan=scan_eligible(cc=row["cc"], population=population, feature_code=row["feature_code"]),
        )


def _fingerprint() -> str:
    digest = hashlib.sha1(f"index-{INDEX_VERSION}".encode())
    for name in _DATA_FILES:
        digest.update(name.encode())
        digest.update(_data_path(name).read_bytes())
    # The match keys and the layout are part of the index: a change to either rebuilds it.
    for module in ("names.py", "index.py"):
        digest.update(resources.files("ceasefire.geo").joinpath(module).read_bytes())
    return digest.hexdigest()[:16]


def build_package_index(cache_dir: Path) -> Path:
    """Build (if needed) the index of the packaged data in ``cache_dir``; return its path."""
    fingerprint = _fingerprint()
    path = cache_dir / f"gazetteer-{fingerprint}.sqlite"
    if path.is_file():
        return path
    try:
        write_index(path, package_records(), {"fingerprint": fingerprint, "kind": "package"})
    except OSError as error:
        raise ConfigurationError(
            f"{cache_dir}: cannot write the gazetteer index ({error}); set CEASEFIRE_CACHE_DIR to a writable folder"
        ) from error
    # Indexes of other data or code versions (an image beside each).
    for stale in cache_dir.glob("gazetteer-*.*"):
        if stale.stem != path.stem and stale.suffix in (".sqlite", ".marshal"):
            stale.unlink(missing_ok=True)
    return path


_LOADED: dict[tuple[str, str, float], Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


class Gazetteer:
    """Places by any spelling: packaged data plus the user's extension."""

    def __init__(self, layers: list[IndexLayer]):
        self._layers = layers
        # The one layer's strict keys, for the common lookup's short way (see ``_lookup``).
        self._only_codes = layers[0].codes if len(layers) == 1 else None
        # Lookups so far; each list is kept here and a copy handed out.
        self._cache: dict[tuple[str, str | None, bool, int | None], list[Candidate]] = {}
        self._stop = stop_names()
        self._compound = compound_words()

    @classmethod
    def load(cls, *, cache_dir: str | Path | None = None, extension_dir: str | Path | None = None) -> Gazetteer:
        """The gazetteer, loaded once per process for given folders (index built on first use)."""
        cache = Path(cache_dir) if cache_dir else default_cache_dir()
        extension = Path(extension_dir) if extension_dir else default_extension_dir()
        extension_index = extension / EXTENSION_INDEX
        stamp = extension_index.stat().st_mtime if extension_index.is_file() else 0.0
        key = (str(cache.resolve()), str(extension.resolve()), stamp)
        with _LOAD_LOCK:
            loaded = _LOADED.get(key)
            if loaded is None:
                layers = [IndexLayer(build_package_index(cache))]
                if stamp:
                    layers.append(IndexLayer(extension_index))
                loaded = cls(layers)
                _LOADED[key] = loaded
        return loaded

    # -- lookup -----------------------------------------------------------------

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        fuzzy: bool = True,
        limit: int | None = 25,
    ) -> list[Candidate]:
        """Places ``name`` may refer to, best first.

        Scores: 1.0 for the same normalised spelling, 0.85–0.95 for a base-key
        match (articles, kafr/kfar…), 0.6–0.8 for a consonant-skeleton match,
        about 0.5 for a fuzzy match (Syrian names only). A looser level is tried
        only when the stricter ones find nothing. ``country`` (name, ISO code or adjective)
        keeps the places of one country; ``limit`` caps the list (the most
        populous of equally good matches come first; None for all).
        """
        cache_key = (name, country, fuzzy, limit)
        cached = self._cache.get(cache_key)
        if cached is None:
            wanted = self._country_name(country) if country else None
            cached = self._lookup(name, wanted, fuzzy=fuzzy, scan_only=False, limit=limit)
            if len(self._cache) >= 100_000:
                self._cache.clear()
            self._cache[cache_key] = cached
        return list(cached)

    def _country_name(self, country: str) -> str:
        found = admin.country_by_code(country) if len(country) == 2 else None
        found = found or admin.find_country(country)
        return found.name if found else country

    def _lookup(
        self,
        name: str,
        country: str | None,
        *,
        fuzzy: bool,
        scan_only: bool,
        limit: int | None = None,
    ) -> list[Candidate]:
        query = normalize_name(name)
        if not query:
            return []
        if self._only_codes is not None:
            # Most names are one place's spelling in one index: answer without the tables
            # of hits and ranks (the same candidate as those would give).
            code = self._only_codes.get(query)
            if type(code) is int and not code & 2 and country is None:
                layer = self._layers[0]
                if not scan_only or layer.scan[code >> 2]:
                    return [_candidate(layer.place(code >> 2), 1.0, "")]
        hits: dict[tuple[int, int], tuple[float, int, str]] = {}
        self._collect_strict(hits, query, 0, query, country, scan_only)
        if not hits:
            for key, query_level in looser_keys(query):
                if query_level == 1:
                    self._collect_strict(hits, key, 1, query, country, scan_only)
                elif scan_only:
                    # In running text a skeleton match must look like the name: Sufuhun is
                    # Safuhun (0.77), but a word that merely shares consonants is not.
                    self._collect_loose(hits, key, query_level, query, admin.SYRIA)
                    hits = {k: v for k, v in hits.items() if v[0] >= _SCAN_MIN_LOOSE_SCORE}
                else:
                    self._collect_loose(hits, key, query_level, query, country)
                if hits:
                    break
        if not hits and fuzzy and not scan_only:
            hits = self._fuzzy(name, country)
        return self._rank(hits, limit)

    def _collect_strict(
        self,
        hits: dict[tuple[int, int], tuple[float, int, str]],
        key: str,
        query_level: int,
        query: str,
        country: str | None,
        scan_only: bool,
    ) -> None:
        """Hits of a level-0 or level-1 key, from the in-memory table.

        A normalised query can equal both names (level 0) and base keys (level 1):
        "Qusayr" is a village's name and the base key of Al-Qusayr; both are kept,
        the base-key match scored by how close the query is to the place's name.
        """
        for layer_no, layer in enumerate(self._layers):
            for code in layer.exact(key):
                pid = code >> 2
                if scan_only and not layer.scan[pid]:
                    continue
                if country and layer.country(pid) != country:
                    continue
                if query_level == 0 and not code & 2:
                    hits[(layer_no, pid)] = (1.0, code & 1, "")
                    continue
                # Base keys encode Arabic transliteration habits; in running text they
                # would turn "Talli" into Dali (China), so the scanner keeps them to Syria.
                if scan_only and layer.country(pid) != admin.SYRIA:
                    continue
                name = layer.name(pid)
                score = _score(1, query, name)
                if score > hits.get((layer_no, pid), (0.0, 0, ""))[0]:
                    hits[(layer_no, pid)] = (score, code & 1, name)

    def _collect_loose(
        self,
        hits: dict[tuple[int, int], tuple[float, int, str]],
        key: str,
        query_level: int,
        query: str,
        country: str | None,
    ) -> None:
        """Hits of a skeleton key, from SQLite."""
        for layer_no, layer in enumerate(self._layers):
            for pid, level, is_primary, spelling in layer.names(key):
                if country and layer.country(pid) != country:
                    continue
                score = _score(max(level, query_level), query, spelling)
                if score > hits.get((layer_no, pid), (0.0, 0, ""))[0]:
                    hits[(layer_no, pid)] = (score, is_primary, spelling)

    def _fuzzy(self, name: str, country: str | None) -> dict[tuple[int, int], tuple[float, int, str]]:
        """Syrian names within 80 % of the query's base key, among those sharing its first consonants."""
        query = base_key(name)
        if len(query) < 4:
            return {}
        block = fuzzy_block_of(name)
        hits: dict[tuple[int, int], tuple[float, int, str]] = {}
        for layer_no, layer in enumerate(self._layers):
            rows = layer.block(block)
            if not rows:
                continue
            choices = [row[0] for row in rows]
            for _key, ratio, index in process.extract(query, choices, scorer=fuzz.ratio, score_cutoff=80, limit=10):
                _, pid, spelling = rows[index]
                if country and layer.country(pid) != country:
                    continue
                score = round(0.35 + 0.2 * ratio / 100, 3)
                if score > hits.get((layer_no, pid), (0.0, 0, ""))[0]:
                    hits[(layer_no, pid)] = (score, 0, spelling)
        return hits

    def _rank(self, hits: dict[tuple[int, int], tuple[float, int, str]], limit: int | None) -> list[Candidate]:
        """Candidates best first (score, then population), one per place, at most ``limit``."""
        layers = self._layers
        if len(hits) == 1:
            (((layer_no, pid), (score, _primary, spelling)),) = hits.items()
            return [_candidate(layers[layer_no].place(pid), score, spelling)]
        # Best score, most populous, a primary name, then index order; tuples sort
        # faster than a key function, and (layer, pid) is unique, so no tie goes further.
        entries: list[tuple[float, int, int, int, int, float, str, Place | None]]
        if limit is None or len(hits) <= limit:
            # Every hit may become a candidate, so its place is built anyway: build it
            # now and sort on its population.
            entries = [
                (-score, -place.population, -primary, layer_no, pid, score, spelling, place)
                for (layer_no, pid), (score, primary, spelling) in hits.items()
                for place in (layers[layer_no].place(pid),)
            ]
        else:
            entries = [
                (-score, -layers[layer_no].population(pid), -primary, layer_no, pid, score, spelling, None)
                for (layer_no, pid), (score, primary, spelling) in hits.items()
            ]
        entries.sort()
        out: list[Candidate] = []
        seen_ids: set[str] = set()
        kept: dict[tuple[str, str | None, str], list[Place]] = {}
        for _rank_score, _population, _primary, layer_no, pid, score, spelling, built in entries:
            place = built or layers[layer_no].place(pid)
            place_id = place.place_id
            if place_id in seen_ids:
                continue
            group_key = (place.country, place.admin1, place.feature)
            group = kept.get(group_key)
            if group is None:
                kept[group_key] = [place]
            elif group_key[2] not in _NEVER_NEAR and _near_any(place, group):
                continue
            else:
                group.append(place)
            seen_ids.add(place_id)
            out.append(_candidate(place, score, spelling))
            if limit is not None and len(out) >= limit:
                break
        return out

    # -- admin areas and countries ----------------------------------------------

    def admin1_place(self, name: str) -> Place | None:
        """A Syrian governorate by any spelling, placed at its seat; feature "admin1"."""
        governorate = admin.governorate(name)
        return governorate.place() if governorate else None

    def country(self, name_or_adjective: str) -> Place | None:
        """A country by name, alias, ISO code or adjective ("Turkish" → Turkey)."""
        found = admin.find_country(name_or_adjective)
        if found is None and len(name_or_adjective) == 2 and name_or_adjective.isupper():
            found = admin.country_by_code(name_or_adjective)
        return found.place() if found else None

    def is_place_word(self, token: str) -> bool:
        """Whether a single word may be read as a place name in running text."""
        key = normalize_name(token)
        if not key or key in self._stop:
            return False
        return bool(self._lookup(token, None, fuzzy=False, scan_only=True, limit=1))

    # -- text scanning ----------------------------------------------------------

    def find_place_names(self, text: str) -> list[NameMatch]:
        """Capitalised 1–4-word spans of ``text`` that are gazetteer names, longest first.

        Country adjectives and the stoplist (``stop_names.txt``) are never places
        on their own; outside Syria only towns of 50,000 people or more and
        capitals are reported. A name glued to other capitalised words that are
        not places ("Vladimir Putin", "Abu Malik al-Talli") is part of a person's
        or group's name and is skipped, except in title-case lines (headlines).
        A lowercase article before a name is part of it: "al-Ghassaniyah".
        """
        tokens = [(m.start(), _strip_possessive(m)) for m in _TOKEN.finditer(text)]
        headline_ends = _title_case_line_ends(text)
        matches: list[NameMatch] = []
        index = 0
        while index < len(tokens):
            start, word = tokens[index]
            if not _is_capitalised(word):
                index += 1
                continue
            found = self._lowercase_phrase(text, tokens, index)
            if found is not None:
                matches.append(found)
                index = next(i for i in range(index, len(tokens) + 1) if i == len(tokens) or tokens[i][0] >= found.end)
                continue
            for last in self._span_ends(text, tokens, index):
                span_words = [w for _s, w in tokens[index : last + 1]]
                if not self._may_be_name(span_words):
                    continue
                end = tokens[last][0] + len(tokens[last][1])
                if _HYPHEN_GOES_ON.match(text, end):
                    continue  # the first part of a longer hyphenated name ("Mazar" of "Mazar-i-Sharif")
                candidates = self._lookup(text[start:end], None, fuzzy=False, scan_only=True)
                if not candidates:
                    continue
                in_headline = any(a <= start < b for a, b in headline_ends)
                if not in_headline and self._inside_longer_name(text, tokens, index, last):
                    break
                first = index
                if _article_before(text, tokens, index):
                    first = index - 1
                span_start = tokens[first][0]
                found = NameMatch(
                    start=span_start,
                    end=end,
                    text=text[span_start:end],
                    candidates=tuple(candidates),
                )
                index = last + 1
                break
            if found is None:
                index += 1
            else:
                matches.append(found)
        matches.extend(self._after_locatives(text, tokens, matches))
        return sorted((_with_class_word(text, m) for m in matches), key=lambda m: m.start)

    def _lowercase_phrase(self, text: str, tokens: list[tuple[int, str]], index: int) -> NameMatch | None:
        """A name whose gazetteer spelling has lowercase words around the capitalised ones: a
        direction before ("western Ghouta") or a facility word after ("al-Omar oil field")."""
        first = index - 1 if _article_before(text, tokens, index) else index
        starts = [tokens[first][0]]
        if first > 0 and tokens[first - 1][1] in _DIRECTION_WORDS and _joined(text, tokens, first - 1):
            starts.insert(0, tokens[first - 1][0])
        for last in self._span_ends(text, tokens, index):
            end = tokens[last][0] + len(tokens[last][1])
            facility = _FACILITY_AFTER.match(text, end)
            ends = ([facility.end()] if facility else []) + ([end] if len(starts) > 1 else [])
            for span_end in ends:
                for span_start in starts:
                    if span_end == end and span_start == tokens[first][0]:
                        continue  # the plain span: the ordinary scan's business
                    candidates = [
                        c
                        for c in self._lookup(text[span_start:span_end], None, fuzzy=False, scan_only=True)
                        if c.score >= 0.9
                    ]
                    if candidates:
                        return NameMatch(
                            start=span_start, end=span_end, text=text[span_start:span_end], candidates=tuple(candidates)
                        )
        return None

    def _known_elsewhere(self, name: str) -> bool:
        """A name that is exactly a place outside Syria and no place in it."""
        strict = [c for c in self._lookup(name, None, fuzzy=False, scan_only=False) if c.score >= 0.9]
        return bool(strict) and all(c.place.country != "Syria" for c in strict)

    def _after_locatives(self, text: str, tokens: list[tuple[int, str]], found: list[NameMatch]) -> list[NameMatch]:
        """Names the strict scan missed where the sentence says a place comes next ("in Menbij",
        "near al-Mayadeen"): there a looser spelling match in Syria is accepted."""
        extra: list[NameMatch] = []
        taken = [(m.start, m.end) for m in found]
        # Where each Syrian village or town found so far ends: a name listed after one
        # ("shelled Kafr Nabl, Hass and Ehsem") is a place as surely as one after "in".
        village_ends = {m.end for m in found if _names_a_syrian_village(m)}
        for index, (start, word) in enumerate(tokens):
            if not _is_capitalised(word) or any(a <= start < b for a, b in taken):
                continue
            first = index - 1 if index and tokens[index - 1][1].lower() in _ARTICLES else index
            if first == 0:
                continue
            if tokens[first - 1][1].lower() in _LOCATIVE_WORDS:
                min_score = _LOCATIVE_MIN_SCORE
            elif _listed_after(text, tokens, first, village_ends):
                min_score = _LISTED_MIN_SCORE
            else:
                continue
            options: list[tuple[float, int, NameMatch]] = []
            if word.lower() in calendar_words():
                continue  # "began on 6 March": a date, not a place after "on"
            for last in range(index, min(len(tokens) - 1, index + 2) + 1):
                words = [w for _s, w in tokens[index : last + 1]]
                if not all(_is_capitalised(w) or w.lower() in _ARTICLES for w in words):
                    break
                if last > index and not _joined(text, tokens, last - 1):
                    break  # "March. It": a name does not run across a full stop
                if not _is_capitalised(words[-1]):
                    continue  # "Daraa al" of "Daraa al-Balad"
                if first == index and not self._may_be_name(words):
                    continue  # "al-Bab" is a name even where "Bab" alone is too common a word
                span_start, end = tokens[first][0], tokens[last][0] + len(tokens[last][1])
                candidates = [
                    c
                    for c in self._lookup(text[span_start:end], admin.SYRIA, fuzzy=True, scan_only=False)
                    if c.score >= min_score
                ]
                if candidates:
                    match = NameMatch(
                        start=span_start, end=end, text=text[span_start:end], candidates=tuple(candidates)
                    )
                    options.append((candidates[0].score, last, match))
            if options:
                best_end = max(o[1] for o in options)
                if _HYPHEN_GOES_ON.match(text, tokens[best_end][0] + len(tokens[best_end][1])):
                    continue
                following = tokens[best_end + 1 : best_end + 3]
                if following and (
                    text[tokens[best_end][0] + len(tokens[best_end][1]) : following[0][0]].strip() in ("", "-")
                    and (_is_capitalised(following[0][1]) or following[0][1].lower() in _ARTICLES)
                ):
                    continue  # the name goes on: a person or a group ("Abu Malik al-Talli")
                options = [o for o in options if not self._known_elsewhere(o[2].text)]
                if not options:
                    continue  # a known place elsewhere, left out of the scan on purpose
                # the longest close spelling; a loose one only when no shorter span is close
                close = [o for o in options if o[0] >= _SCAN_MIN_LOOSE_SCORE]
                best = max(close or options, key=lambda o: (o[1], o[0]) if close else (o[0], o[1]))[2]
                extra.append(best)
                taken.append((best.start, best.end))
                if _names_a_syrian_village(best):
                    village_ends.add(best.end)
        return extra

    def _span_ends(self, text: str, tokens: list[tuple[int, str]], first: int) -> list[int]:
        """Indexes of tokens that can end a span starting at ``first``, longest first."""
        ends = [first]
        words = 1
        for index in range(first + 1, min(len(tokens), first + _MAX_SPAN_TOKENS)):
            if not _joined(text, tokens, index - 1):
                break
            word = tokens[index][1]
            if _is_capitalised(word):
                words += 1
                if words > _MAX_SPAN_WORDS:
                    break
                ends.append(index)
            elif word.lower() not in _CONNECTORS:
                break
        return ends[::-1]

    def _may_be_name(self, words: list[str]) -> bool:
        """Single words may not be stop words or acronyms; longer spans must only be names."""
        if len(words) > 1:
            return True
        word = words[0]
        if normalize_name(word) in self._stop:
            return False
        return not _is_acronym(word)

    def _inside_longer_name(self, text: str, tokens: list[tuple[int, str]], first: int, last: int) -> bool:
        """Whether the span is glued to capitalised words that make it a person or a group."""
        for neighbour in (
            _neighbour(text, tokens, first, step=-1),
            _neighbour(text, tokens, last, step=1),
        ):
            if neighbour is None or not _is_capitalised(neighbour) or _is_acronym(neighbour):
                continue
            key = normalize_name(neighbour)
            if key in self._compound:
                return True
            if key in self._stop:
                continue
            if not self._lookup(neighbour, None, fuzzy=False, scan_only=True, limit=1):
                return True
        return False

    # -- facts ------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        """Places per country, total, index files and the credits to show."""
        by_country: dict[str, int] = {}
        for layer in self._layers:
            for country, count in layer.counts_by_country().items():
                by_country[country] = by_country.get(country, 0) + count
        return {
            "total": sum(by_country.values()),
            "by_country": dict(sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))),
            "countries": len(admin.countries()),
            "admin1": len(admin.governorates()),
            "index_files": [str(layer.path) for layer in self._layers],
            "credits": list(credits()),
            "sources": [dict(source) for source in sources()],
        }


def _score(level: int, query: str, spelling: str) -> float:
    """Confidence of a match: 1.0 exact, 0.85–0.95 base key, 0.6–0.8 skeleton.

    Within a level, the closer the spellings the higher: base-key matches are
    compared with the place's name, normalised (Ras el-Ain is nearer Ras al-Ain
    than Ra's al `Ayn is), skeleton matches with the matched spelling's base key.
    """
    if level == 0:
        return 1.0
    if not spelling:
        similarity = 1.0
    elif level == 1:
        similarity = fuzz.ratio(query, normalize_name(spelling)) / 100.0
    else:
        similarity = fuzz.ratio(base_key(query), base_key(spelling)) / 100.0
    if level == 1:
        return round(0.85 + 0.1 * similarity, 3)
    return round(0.6 + 0.2 * similarity, 3)


def _near(a: Place, b: Place) -> bool:
    """Two records of one place: within 2 km (callers compare like with like)."""
    if a.feature in ("country", "admin1"):
        return False
    dlat = math.radians(a.latitude - b.latitude)
    dlon = math.radians(a.longitude - b.longitude) * math.cos(math.radians(a.latitude))
    return 6371.0 * math.hypot(dlat, dlon) < 2.0


_NEVER_NEAR = frozenset({"country", "admin1"})  # features ``_near`` never calls duplicates


def _near_any(place: Place, others: list[Place]) -> bool:
    """Whether ``place`` is within 2 km of one of ``others`` (places of its country, admin1 and feature)."""
    latitude = place.latitude
    for other in others:
        # 0.02° of latitude is 2.2 km: places further apart north–south need no trigonometry.
        if abs(latitude - other.latitude) < 0.02 and _near(place, other):
            return True
    return False


def _with_class_word(text: str, match: NameMatch) -> NameMatch:
    """The match with the word the text calls the place ("Afrin city", "the city of Afrin")."""
    after = _CLASS_AFTER.match(text, match.end)
    before = _CLASS_BEFORE.search(text, max(0, match.start - 16), match.start)
    found = after or before
    if found is None:
        return match
    called = found.group(1).lower()
    return NameMatch(start=match.start, end=match.end, text=match.text, candidates=match.candidates, called=called)


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _joins(gap: str) -> bool:
    """Whether two tokens separated by ``gap`` can belong to one name."""
    return len(gap) <= 3 and "\n" not in gap and gap.strip(" \u00a0") in ("", "-", "‐", "‑")


def _joined(text: str, tokens: list[tuple[int, str]], index: int) -> bool:
    """Whether token ``index`` and the next one are joined (a space or a hyphen)."""
    if index < 0 or index + 1 >= len(tokens):
        return False
    start, word = tokens[index]
    return _joins(text[start + len(word) : tokens[index + 1][0]])


def _neighbour(text: str, tokens: list[tuple[int, str]], index: int, *, step: int) -> str | None:
    """The word glued before (step -1) or after (step 1) a token, across one article."""
    position = index
    for _ in range(2):
        joined = _joined(text, tokens, position if step > 0 else position - 1)
        position += step
        if not joined or not 0 <= position < len(tokens):
            return None
        word = tokens[position][1]
        if word in ARTICLES:  # lowercase "al" in "Abu al-Abd": look one word further
            continue
        return word
    return None


def _names_a_syrian_village(match: NameMatch) -> bool:
    """Whether a name's best reading is a Syrian village, town or city (not a country or province)."""
    best = match.candidates[0].place if match.candidates else None
    return best is not None and best.country == admin.SYRIA and best.feature == "populated_place"


def _listed_after(text: str, tokens: list[tuple[int, str]], index: int, ends: set[int]) -> bool:
    """Whether token ``index`` follows ", ", " and " or " or " right after one of the names ending at ``ends``."""
    if index == 0:
        return False
    start, word = tokens[index - 1]
    if word.lower() in ("and", "or"):
        if index < 2:
            return False
        before_start, before = tokens[index - 2]
        end = before_start + len(before)
        return end in ends and text[end:start].strip(" ") in ("", ",")
    end = start + len(word)
    return end in ends and text[end : tokens[index][0]].strip(" ") == ","


def _article_before(text: str, tokens: list[tuple[int, str]], index: int) -> bool:
    """Whether the token is preceded by a lowercase article joined by a hyphen ("al-Bab")."""
    if index == 0 or tokens[index - 1][1] not in ARTICLES:
        return False
    start, word = tokens[index - 1]
    return text[start + len(word) : tokens[index][0]] in ("-", "‐", "‑")


def _is_acronym(word: str) -> bool:
    """SDF, HTS, UN, US."""
    return word.isupper() and word.isalpha() and len(word) <= 4


def _title_case_line_ends(text: str) -> list[tuple[int, int]]:
    """Spans of lines written in title case (headlines): every word of 4+ letters capitalised."""
    spans = []
    offset = 0
    for line in text.splitlines(keepends=True):
        words = [w for w in _TOKEN.findall(line) if len(w) > 3 and w.lower() not in _CONNECTORS]
        if len(words) >= 3 and all(_is_capitalised(w) for w in words):
            spans.append((offset, offset + len(line)))
        offset += len(line)
    return spans


def _strip_possessive(match: re.Match[str]) -> str:
    word = match.group(0)
    for suffix in ("'s", "’s"):
        if word.endswith(suffix) and len(word) > 3:
            return word[: -len(suffix)]
    return word


def find_place_names(text: str, gazetteer: Gazetteer | None = None) -> list[NameMatch]:
    """Place names in ``text``; uses ``Gazetteer.load()`` unless a gazetteer is given."""
    return (gazetteer or Gazetteer.load()).find_place_names(text)
