"""Corridor membership in real metres (UTM 37N via pyproj), tested with shapely geometry."""

from datetime import date

import pytest
from pyproj import Geod
from shapely.geometry import Point

from ceasefire.model import Event
from ceasefire.monitor.agreements import load_agreement
from ceasefire.monitor.compliance import find_violations


@pytest.fixture(scope="module")
def agreement():
    return load_agreement("idlib-2020")


def _offset_from_route(agreement, along_m: float, offset_m: float) -> tuple[float, float]:
    """The lon/lat of a point ``offset_m`` to the left (north side) of the M4 at ``along_m``."""
    route = agreement.routes["m4"].metres
    here, ahead = route.interpolate(along_m), route.interpolate(along_m + 1)
    dx, dy = ahead.x - here.x, ahead.y - here.y
    norm = (dx * dx + dy * dy) ** 0.5
    point = Point(here.x - dy / norm * offset_m, here.y + dx / norm * offset_m)
    lonlat = agreement.projection.to_lonlat(point)
    return lonlat.x, lonlat.y


def _shelling(lon: float, lat: float, *, day: date = date(2020, 4, 1), **fields) -> Event:
    values = dict(
        event_id=f"e{lon:.5f}{lat:.5f}{day}",
        doc_id="d",
        event_date=day,
        date_precision="day",
        date_start=day,
        date_end=day,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1="Military Forces of Syria (2000-)",
        latitude=lat,
        longitude=lon,
        geo_precision=1,
    )
    values.update(fields)
    return Event(**values)


@pytest.mark.parametrize("offset_m, inside", [(5_900, True), (6_100, False), (-5_900, True), (-6_100, False)])
def test_corridor_is_six_km_each_side_in_metres(agreement, offset_m, inside):
    lon, lat = _offset_from_route(agreement, 41_600, offset_m)  # mid Muhambal–Jisr al-Shughur
    found = find_violations(agreement, [_shelling(lon, lat)])
    assert (len(found.violations) == 1 and "m4-corridor" in found.violations[0].zones) is inside
    # metres on UTM 37N agree with the geodesic distance on the ellipsoid to within 0.1 %
    route = agreement.routes["m4"].metres
    point = agreement.projection.point(lon, lat)
    near = agreement.projection.to_lonlat(route.interpolate(route.project(point)))
    _, _, geodesic = Geod(ellps="WGS84").inv(lon, lat, near.x, near.y)
    assert geodesic == pytest.approx(abs(offset_m), rel=0.001)


def test_corridor_is_cut_square_at_trumba_so_saraqib_is_outside(agreement):
    saraqib = _shelling(36.80591, 35.86447)  # 2.3 km east of Trumba, on the line's extension
    sarmin = _shelling(36.72501, 35.90403)  # 3.9 km north of the road near Nayrab
    found = find_violations(agreement, [saraqib, sarmin])
    assert [v.event for v in found.violations if "m4-corridor" in v.zones] == [sarmin]
    assert "line-of-contact" in next(v.zones for v in found.violations if v.event is saraqib)


def test_idlib_city_kafr_nabl_and_binnish_are_outside_the_corridor(agreement):
    places = {"Idlib": (36.63393, 35.93062), "Kafr Nabl": (36.56449, 35.61376), "Binnish": (36.7138, 35.95664)}
    found = find_violations(agreement, [_shelling(lon, lat) for lon, lat in places.values()])
    assert not [v for v in found.violations if "m4-corridor" in v.zones]


def test_only_factual_violent_events_after_the_effective_day_count(agreement):
    lon, lat = 36.60964, 35.81374  # Ariha, 2.4 km from the road
    events = [
        _shelling(lon, lat),
        _shelling(lon, lat, day=date(2020, 3, 5)),  # the day before the ceasefire
        _shelling(lon, lat, modality="forecast"),
        _shelling(lon, lat, modality="assessment"),
        _shelling(lon, lat, modality="alleged", day=date(2020, 4, 2)),
        _shelling(lon, lat, event_type="Protests", sub_event_type="Peaceful protest"),
        _shelling(lon, lat, geo_precision=3),  # placed at best to a region: unplaced
    ]
    found = find_violations(agreement, events)
    assert [(v.event.event_date, v.event.modality) for v in found.violations] == [
        (date(2020, 4, 1), "reported"),
        (date(2020, 4, 2), "alleged"),
    ]
    assert len(found.unplaced) == 1
