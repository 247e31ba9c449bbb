"""Agreements as data: load, check and list the ceasefire agreements the monitor measures.

An agreement is a YAML file (or a GeoJSON FeatureCollection whose ``properties`` hold the
same fields and whose features are its routes and zones). Shipped agreements live in
``data/`` and are named by id (``idlib-2020``); any other file is named by its path.
Everything is checked on loading, so the monitor never meets a half-valid agreement:
a bad file raises ``ConfigurationError`` with one line saying what is wrong and where.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, cast

import yaml
from shapely.geometry import LineString, Polygon, shape
from shapely.geometry.base import BaseGeometry, BaseMultipartGeometry
from shapely.validation import explain_validity

from ceasefire.errors import ConfigurationError
from ceasefire.geo.routes import routes_dir
from ceasefire.monitor.routes import DEFAULT_CRS, Projection, Route, Waypoint
from ceasefire.monitor.zones import ZONE_KINDS, Zone, build_zone

PROVISION_KINDS = ("ceasefire", "security_corridor", "joint_patrols", "withdrawal", "other")
_SUFFIXES = (".yaml", ".yml", ".geojson", ".json")


@dataclass(frozen=True, kw_only=True)
class Provision:
    """One obligation of the agreement: what, from when, and where it applies."""

    id: str
    kind: str
    text: str
    effective: date
    zones: tuple[str, ...] = ()
    route: str | None = None
    parties: tuple[str, ...] = ()
    max_offset_m: float = 5000.0
    stretch_m: float = 2000.0


@dataclass(frozen=True, kw_only=True)
class AlertRule:
    """Alert when a zone has more than ``threshold`` violations within ``window_days`` days."""

    id: str
    text: str
    zone: str
    window_days: int
    threshold: int


@dataclass(frozen=True, kw_only=True)
class Agreement:
    """A checked agreement with its geometry built on its projection."""

    id: str
    name: str
    parties: tuple[str, ...]
    signed: date
    effective: date
    source: str
    crs: str
    routes: dict[str, Route]
    zones: dict[str, Zone]
    provisions: tuple[Provision, ...]
    alerts: tuple[AlertRule, ...]
    origin: str  # the file it was read from, for messages

    @property
    def projection(self) -> Projection:
        return Projection(self.crs)

    def provisions_of(self, kind: str) -> list[Provision]:
        return [p for p in self.provisions if p.kind == kind]


def _data_dir() -> Any:
    return resources.files("ceasefire.monitor").joinpath("data")


def shipped_agreement_files() -> list[Path]:
    """The agreement files that come with the package, by file name."""
    folder = Path(str(_data_dir()))
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def shipped_agreements() -> list[Agreement]:
    """Every shipped agreement, loaded and checked."""
    return [load_agreement_file(path) for path in shipped_agreement_files()]


def load_agreement(name_or_path: str | Path) -> Agreement:
    """A shipped agreement by id, or the agreement in a user's file."""
    path = Path(name_or_path)
    if path.is_file():
        return load_agreement_file(path)
    for shipped in shipped_agreement_files():
        if shipped.stem == str(name_or_path):
            return load_agreement_file(shipped)
    names = ", ".join(p.stem for p in shipped_agreement_files())
    if path.suffix in _SUFFIXES or "/" in str(name_or_path):
        raise ConfigurationError(f"{name_or_path}: no such agreement file")
    raise ConfigurationError(
        f"{name_or_path}: no shipped agreement has this id (shipped: {names}); "
        "give the path of a YAML or GeoJSON agreement file instead"
    )


def load_agreement_file(path: Path) -> Agreement:
    """Read and check one agreement file (YAML, or GeoJSON with properties)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(f"{path}: cannot read agreement file: {exc.strerror}") from None
    if path.suffix in (".geojson", ".json"):
        raw = _from_geojson(text, path)
    else:
        try:
            raw = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark else str(path)
            problem = getattr(exc, "problem", None) or "not valid YAML"
            raise ConfigurationError(f"{where}: {problem}") from None
    if not isinstance(raw, dict):
        raise ConfigurationError(f"{path}: an agreement file must be a mapping of fields")
    return _Checker(raw, path).agreement()


def _from_geojson(text: str, path: Path) -> dict[str, Any]:
    """GeoJSON form: agreement fields in the collection's ``properties``; features by role."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigurationError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise ConfigurationError(f"{path}: a GeoJSON agreement must be a FeatureCollection")
    raw = dict(data.get("properties") or {})
    raw.setdefault("routes", [])
    raw.setdefault("zones", [])
    for number, feature in enumerate(data.get("features") or []):
        props = dict(feature.get("properties") or {})
        role = props.pop("role", None)
        if role not in ("route", "zone"):
            raise ConfigurationError(
                f"{path}: features[{number}]: properties.role must be 'route' or 'zone', not {role!r}"
            )
        props["geometry"] = feature.get("geometry")
        raw["routes" if role == "route" else "zones"].append(props)
    return raw


class _Checker:
    """Turns the raw mapping into an ``Agreement``, failing on the first problem found."""

    def __init__(self, raw: dict[str, Any], path: Path) -> None:
        self.raw = raw
        self.path = path

    def fail(self, where: str, what: str) -> ConfigurationError:
        return ConfigurationError(f"{self.path}: {where}: {what}")

    # -- fields -------------------------------------------------------------------

    def text(self, item: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
        value = item.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"'{key}' must be a non-empty text")
        return value.strip()

    def day(self, item: dict[str, Any], key: str, where: str, default: date | None = None) -> date:
        value = item.get(key, default)
        if isinstance(value, str):
            try:
                value = date.fromisoformat(value)
            except ValueError:
                raise self.fail(where, f"'{key}' {value!r} is not a date YYYY-MM-DD") from None
        if not isinstance(value, date):
            raise self.fail(where, f"'{key}' must be a date YYYY-MM-DD")
        return value

    def number(self, item: dict[str, Any], key: str, where: str, default: float | None) -> float:
        value = item.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
            raise self.fail(where, f"'{key}' must be a positive number, not {value!r}")
        return float(value)

    def items(self, key: str) -> Iterator[tuple[str, dict[str, Any]]]:
        values = self.raw.get(key) or []
        if not isinstance(values, list):
            raise self.fail(key, "must be a list")
        for number, item in enumerate(values):
            label = f"{key}[{number}]"
            if not isinstance(item, dict):
                raise self.fail(label, "must be a mapping")
            if isinstance(item.get("id"), str):
                label = f"{label} ({item['id']})"
            yield label, item

    def parties(self, values: Any, where: str) -> tuple[str, ...]:
        from ceasefire.actors import load_actor_dictionary

        if not isinstance(values, list) or not values:
            raise self.fail(where, "'parties' must be a list of canonical actor names")
        known = load_actor_dictionary().by_name()
        for party in values:
            if party not in known:
                raise self.fail(
                    where,
                    f"unknown party {party!r}: parties must be canonical actor names from "
                    "actors/data/actors.yaml (e.g. 'Government of Turkey (2016-)')",
                )
        return tuple(values)

    # -- geometry -----------------------------------------------------------------

    def geometry(self, value: Any, where: str, kinds: tuple[str, ...]) -> BaseGeometry:
        if not isinstance(value, dict) or "type" not in value:
            raise self.fail(where, "geometry must be a GeoJSON geometry object")
        if value["type"] not in kinds:
            raise self.fail(where, f"geometry must be a {' or '.join(kinds)}, not {value['type']}")
        try:
            geom = shape(value)
        except Exception as exc:  # shapely raises several types for malformed coordinates
            raise self.fail(where, f"bad geometry: {exc}") from None
        coords = [c for part in _parts(geom) for c in part]
        for lon, lat, *_ in coords:
            if not (math.isfinite(lon) and math.isfinite(lat)):
                raise self.fail(where, "bad geometry: coordinates must be finite numbers")
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                hint = " (GeoJSON order is longitude, latitude)" if abs(lon) <= 90 else ""
                raise self.fail(where, f"bad geometry: ({lon}, {lat}) is not a lon/lat position{hint}")
        if geom.is_empty or (isinstance(geom, LineString) and geom.length == 0):
            raise self.fail(where, "bad geometry: it is empty or has no length")
        if not geom.is_valid:
            raise self.fail(where, f"bad geometry: {explain_validity(geom)}")
        return geom

    def route(self, item: dict[str, Any], where: str, projection: Projection) -> Route:
        route_id = self.text(item, "id", where)
        if "file" in item:
            item = {**self.route_file(item, where), "id": route_id}
        # geometry() accepts only the kinds it is given, so this is a LineString
        line = cast(LineString, self.geometry(item.get("geometry"), where, ("LineString",)))
        waypoints = tuple(
            Waypoint(**{k: w[k] for k in ("name", "latitude", "longitude", "place_id", "source") if k in w})
            for w in item.get("waypoints") or []
        )
        for number, point in enumerate(waypoints):
            if not point.source:
                raise self.fail(f"{where} waypoint {number} ({point.name})", "needs a source")
        return Route(
            id=route_id,
            name=str(item.get("name") or route_id),
            line=line,
            metres=projection.to_metres(line),
            waypoints=waypoints,
        )

    def route_file(self, item: dict[str, Any], where: str) -> dict[str, Any]:
        file = self.path.parent / str(item["file"])
        if not file.exists():  # routes shared with toponym resolution live with the geo stage
            file = routes_dir() / str(item["file"])
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise self.fail(where, f"cannot read route file {file}: {exc.strerror}") from None
        except json.JSONDecodeError as exc:
            raise self.fail(where, f"route file {file}:{exc.lineno} is not JSON: {exc.msg}") from None
        features = data.get("features") or [] if isinstance(data, dict) else []
        if len(features) != 1:
            raise self.fail(where, f"route file {file} must hold exactly one Feature")
        return {**features[0].get("properties", {}), "geometry": features[0].get("geometry")}

    # -- the whole ----------------------------------------------------------------

    def agreement(self) -> Agreement:
        raw = self.raw
        agreement_id = self.text(raw, "id", "id")
        signed = self.day(raw, "signed", "signed")
        effective = self.day(raw, "effective", "effective")
        if effective < signed:
            raise self.fail("effective", f"{effective} is before the signing date {signed}")
        parties = self.parties(raw.get("parties"), "parties")
        crs = str(raw.get("crs") or DEFAULT_CRS)
        projection = Projection(crs)

        routes: dict[str, Route] = {}
        for where, item in self.items("routes"):
            route = self.route(item, where, projection)
            routes[route.id] = route

        provisions = []
        for where, item in self.items("provisions"):
            kind = self.text(item, "kind", where)
            if kind not in PROVISION_KINDS:
                raise self.fail(where, f"kind {kind!r} is not one of {', '.join(PROVISION_KINDS)}")
            begins = self.day(item, "effective", where, default=effective)
            if begins < signed:
                raise self.fail(where, f"effective {begins} is before the signing date {signed}")
            route_id = item.get("route")
            if route_id is not None and route_id not in routes:
                raise self.fail(where, f"route {route_id!r} is not defined under 'routes'")
            if kind == "joint_patrols" and route_id is None:
                raise self.fail(where, "joint patrols need the 'route' they run along")
            provisions.append(
                Provision(
                    id=self.text(item, "id", where),
                    kind=kind,
                    text=self.text(item, "text", where),
                    effective=begins,
                    zones=tuple(item.get("zones") or ()),
                    route=route_id,
                    parties=self.parties(item["parties"], where) if "parties" in item else (),
                    max_offset_m=1000 * self.number(item, "max_offset_km", where, 5.0),
                    stretch_m=1000 * self.number(item, "stretch_km", where, 2.0),
                )
            )

        zones: dict[str, Zone] = {}
        for where, item in self.items("zones"):
            zone_id = self.text(item, "id", where)
            kind = self.text(item, "kind", where)
            if kind not in ZONE_KINDS:
                raise self.fail(where, f"kind {kind!r} is not one of {', '.join(ZONE_KINDS)}")
            starts = [p.effective for p in provisions if zone_id in p.zones]
            zone_name = str(item.get("name") or zone_id)
            zone_effective = min(starts) if starts else effective
            if kind == "area":
                area = self.geometry(item.get("geometry"), where, ("Polygon", "MultiPolygon"))
                zones[zone_id] = build_zone(
                    id=zone_id,
                    name=zone_name,
                    kind=kind,
                    effective=zone_effective,
                    projection=projection,
                    area=area,
                )
                continue
            route_id = item.get("route")
            if route_id not in routes:
                raise self.fail(where, f"route {route_id!r} is not defined under 'routes'")
            half = 1000 * self.number(item, "half_width_km", where, None)
            zones[zone_id] = build_zone(
                id=zone_id,
                name=zone_name,
                kind=kind,
                effective=zone_effective,
                projection=projection,
                route=routes[route_id],
                half_width_m=half,
            )
        for provision in provisions:
            for zone_id in provision.zones:
                if zone_id not in zones:
                    raise self.fail(f"provision {provision.id}", f"zone {zone_id!r} is not defined")

        alerts = []
        for where, item in self.items("alerts"):
            alert_zone = item.get("zone")
            if alert_zone not in zones:
                raise self.fail(where, f"zone {alert_zone!r} is not defined under 'zones'")
            window = item.get("window_days")
            threshold = item.get("threshold")
            if not isinstance(window, int) or isinstance(window, bool) or window < 1:
                raise self.fail(where, f"'window_days' must be a whole number of days ≥ 1, not {window!r}")
            if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 0:
                raise self.fail(where, f"'threshold' must be a whole number ≥ 0, not {threshold!r}")
            alerts.append(
                AlertRule(
                    id=self.text(item, "id", where),
                    text=self.text(item, "text", where),
                    zone=alert_zone,
                    window_days=window,
                    threshold=threshold,
                )
            )

        return Agreement(
            id=agreement_id,
            name=self.text(raw, "name", "name"),
            parties=parties,
            signed=signed,
            effective=effective,
            source=str(raw.get("source") or "").strip(),
            crs=crs,
            routes=routes,
            zones=zones,
            provisions=tuple(provisions),
            alerts=tuple(alerts),
            origin=str(self.path),
        )


def _parts(geom: BaseGeometry) -> Iterator[list[tuple[float, ...]]]:
    """Every coordinate sequence of a geometry (exteriors and holes of polygons too)."""
    if isinstance(geom, BaseMultipartGeometry):
        for part in geom.geoms:
            yield from _parts(part)
    elif isinstance(geom, Polygon):
        yield list(geom.exterior.coords)
        for ring in geom.interiors:
            yield list(ring.coords)
    else:
        yield list(geom.coords)
