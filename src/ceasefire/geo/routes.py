"""Named routes (highways, lines of contact) as lines of waypoints, from ``data/routes/``.

Toponym resolution reads them to prefer, for a report that names the M4, the same-named
place that lies on the M4; the ceasefire monitor measures patrols and corridors along them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ceasefire.errors import ConfigurationError
from ceasefire.model import Place


@dataclass(frozen=True, kw_only=True)
class RouteLine:
    id: str
    name: str
    aliases: tuple[str, ...]
    coordinates: tuple[tuple[float, float], ...]  # (lon, lat), in order
    place: Place | None = None  # where an event told only as "on the M4" is placed

    def distance_km(self, latitude: float, longitude: float) -> float:
        """Distance from a point to the line, on a local flat approximation (good to a few
        metres over the tens of kilometres of a route segment)."""
        scale = math.cos(math.radians(latitude))
        px, py = longitude * scale * 111.32, latitude * 110.57
        best = math.inf
        points = [(lon * scale * 111.32, lat * 110.57) for lon, lat in self.coordinates]
        for (ax, ay), (bx, by) in zip(points, points[1:], strict=False):
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
            best = min(best, math.hypot(px - (ax + t * dx), py - (ay + t * dy)))
        return best


def routes_dir() -> Path:
    return Path(str(resources.files("ceasefire.geo").joinpath("data/routes")))


@cache
def load_routes() -> tuple[RouteLine, ...]:
    """Every shipped route that names itself with aliases a report may use."""
    routes = []
    for path in sorted(routes_dir().glob("*.geojson")):
        try:
            data: dict[str, Any] = json.loads(path.read_text("utf-8"))
            for feature in data["features"]:
                props = feature.get("properties") or {}
                geometry = feature["geometry"]
                if geometry["type"] != "LineString":
                    continue
                routes.append(
                    RouteLine(
                        id=str(props.get("id") or feature.get("id") or path.stem),
                        name=str(props.get("name") or path.stem),
                        aliases=tuple(props.get("aliases") or ()),
                        coordinates=tuple((float(x), float(y)) for x, y, *_ in geometry["coordinates"]),
                        place=_route_place(props, str(props.get("id") or feature.get("id") or path.stem)),
                    )
                )
        except (KeyError, TypeError, ValueError) as error:
            raise ConfigurationError(f"{path}: not a GeoJSON route ({error})") from error
    return tuple(routes)


def _route_place(props: dict[str, Any], route_id: str) -> Place | None:
    spot = props.get("place")
    if not spot:
        return None
    return Place(
        name=str(spot["name"]),
        country=str(spot["country"]),
        latitude=float(spot["latitude"]),
        longitude=float(spot["longitude"]),
        admin1=spot.get("admin1"),
        admin2=spot.get("admin2"),
        admin3=spot.get("admin3"),
        feature="route",
        source="ceasefire routes",
        place_id=f"route:{route_id}",
    )
