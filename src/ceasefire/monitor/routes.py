"""Routes: a line a provision is measured along (the M4 for patrols), in metres.

A route is shipped as a GeoJSON LineString digitised from named waypoints, each with
the gazetteer place it was read from, so anyone can check where every vertex came from.
Positions along it are metres from its first vertex, on the agreement's projected CRS.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shapely
from pyproj import Transformer
from shapely.geometry import LineString, Point

from ceasefire.errors import ConfigurationError

DEFAULT_CRS = "EPSG:32637"  # UTM zone 37N: metres, true to a few parts in 10,000 over Idlib


@dataclass(frozen=True, kw_only=True)
class Waypoint:
    """A vertex of a route: a named place and where its coordinates were taken from."""

    name: str
    latitude: float
    longitude: float
    place_id: str = ""
    source: str = ""


class Projection:
    """Lon/lat ⇄ metres on one projected CRS, so lengths and buffers are in real metres."""

    def __init__(self, crs: str = DEFAULT_CRS) -> None:
        try:
            self._forward = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
            self._inverse = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        except Exception as exc:  # pyproj raises CRSError; keep the message for people
            raise ConfigurationError(f"unknown projected CRS {crs!r}: {exc}") from None
        self.crs = crs

    # types-shapely types the transformation as taking one (N, 2) array, which holds only for
    # interleaved=True; with interleaved=False shapely calls it with x and y arrays apart.
    def to_metres(self, geometry: Any) -> Any:
        return shapely.transform(geometry, self._forward.transform, interleaved=False)  # type: ignore[arg-type]

    def to_lonlat(self, geometry: Any) -> Any:
        return shapely.transform(geometry, self._inverse.transform, interleaved=False)  # type: ignore[arg-type]

    def point(self, longitude: float, latitude: float) -> Point:
        x, y = self._forward.transform(longitude, latitude)
        return Point(x, y)


@dataclass(frozen=True, kw_only=True)
class Route:
    """A named line, kept both in lon/lat (for maps) and in metres (for measuring)."""

    id: str
    name: str
    line: LineString  # lon/lat
    metres: LineString  # the same line on the projection
    waypoints: tuple[Waypoint, ...] = ()

    @property
    def length_m(self) -> float:
        return float(self.metres.length)

    def locate(self, point_m: Point) -> tuple[float, float]:
        """(metres along the route, metres off it) of a projected point."""
        along = float(self.metres.project(point_m))
        offset = float(self.metres.interpolate(along).distance(point_m))
        return along, offset

    def waypoint_positions(self) -> list[tuple[str, float]]:
        """Each waypoint with its position along the route, in metres."""
        return [
            (w.name, float(self.metres.project(Point(self.metres.coords[i]))))
            for i, w in enumerate(self.waypoints)
            if i < len(self.metres.coords)
        ]


def digitise_route(names: list[str], gazetteer: Any, *, country: str = "SY") -> list[Waypoint]:
    """Waypoints for ``names`` from the gazetteer: how the shipped route files are made.

    A name may be given as ``"Name@place_id"`` to pick one of several places of that name.
    """
    waypoints = []
    for entry in names:
        name, _, wanted = entry.partition("@")
        candidates = gazetteer.lookup(name, country=country, fuzzy=False, limit=None)
        if wanted:
            candidates = [c for c in candidates if c.place.place_id == wanted]
        if not candidates:
            raise ConfigurationError(f"route waypoint {entry!r} is not in the gazetteer")
        place = candidates[0].place
        waypoints.append(
            Waypoint(
                name=place.name,
                latitude=place.latitude,
                longitude=place.longitude,
                place_id=place.place_id,
                source=place.source,
            )
        )
    return waypoints


def route_feature(route_id: str, name: str, waypoints: list[Waypoint], **properties: Any) -> dict:
    """The GeoJSON Feature a route is shipped as (coordinates in lon/lat order)."""
    return {
        "type": "Feature",
        "id": route_id,
        "properties": {
            "role": "route",
            "id": route_id,
            "name": name,
            **properties,
            "waypoints": [
                {
                    "name": w.name,
                    "latitude": w.latitude,
                    "longitude": w.longitude,
                    "place_id": w.place_id,
                    "source": w.source,
                }
                for w in waypoints
            ],
        },
        "geometry": {
            "type": "LineString",
            "coordinates": [[w.longitude, w.latitude] for w in waypoints],
        },
    }
