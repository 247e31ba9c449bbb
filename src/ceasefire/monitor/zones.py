"""Zones: the areas an agreement's provisions apply to, as polygons in lon/lat and metres.

A corridor is its route buffered on each side and cut square at the route's ends (the
protocol's corridor runs *between* Trumba and Ain al-Hawr, not around them); a band along
a line of contact has round ends; an area is a polygon given as is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from ceasefire.monitor.routes import Projection, Route

ZONE_KINDS = ("corridor", "line", "area")


@dataclass(frozen=True, kw_only=True)
class Zone:
    """One zone, with the day from which violent events in it count as violations."""

    id: str
    name: str
    kind: str
    effective: date
    shape: BaseGeometry  # lon/lat, for maps
    metres: BaseGeometry  # on the agreement's projection, for membership and areas
    half_width_m: float | None = None
    route_id: str | None = None

    def contains_point(self, point_m: Point) -> bool:
        """Whether a projected point lies in the zone (its edge counts as inside)."""
        return bool(self.metres.intersects(point_m))

    @property
    def area_km2(self) -> float:
        return float(self.metres.area) / 1e6


def band_along(route: Route, half_width_m: float, *, square_ends: bool) -> BaseGeometry:
    """The route widened by ``half_width_m`` on each side, in metres."""
    return route.metres.buffer(half_width_m, cap_style="flat" if square_ends else "round")


def build_zone(
    *,
    id: str,
    name: str,
    kind: str,
    effective: date,
    projection: Projection,
    route: Route | None = None,
    half_width_m: float | None = None,
    area: BaseGeometry | None = None,
) -> Zone:
    """A zone from its definition; the loader has already checked the pieces it needs."""
    if kind in ("corridor", "line"):
        assert route is not None and half_width_m is not None
        metres = band_along(route, half_width_m, square_ends=kind == "corridor")
    else:
        assert area is not None
        metres = projection.to_metres(area)
    return Zone(
        id=id,
        name=name,
        kind=kind,
        effective=effective,
        shape=projection.to_lonlat(metres),
        metres=metres,
        half_width_m=half_width_m,
        route_id=route.id if route else None,
    )
