"""Agreements as data: the shipped protocol, its geometry, and files that must be refused."""

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from ceasefire.errors import ConfigurationError
from ceasefire.geo.routes import routes_dir
from ceasefire.monitor.agreements import load_agreement, shipped_agreement_files

SHIPPED = shipped_agreement_files()[0].parent
ROUTES = routes_dir()


def test_idlib_protocol_is_shipped_with_its_provisions():
    agreement = load_agreement("idlib-2020")
    assert agreement.parties == ("Government of Russia (2000-)", "Government of Turkey (2016-)")
    assert (agreement.signed.isoformat(), agreement.effective.isoformat()) == ("2020-03-05", "2020-03-06")
    patrols = agreement.provisions_of("joint_patrols")[0]
    assert patrols.effective.isoformat() == "2020-03-15" and patrols.route == "m4"
    assert agreement.zones["m4-corridor"].half_width_m == 6000
    assert [w.name for w in agreement.routes["m4"].waypoints][0] == "Turnabah"
    assert agreement.routes["m4"].waypoints[-1].place_id == "gn:172220"  # `Ayn al Hawr


def test_a_path_loads_like_an_id():
    by_path = load_agreement(SHIPPED / "idlib-2020.yaml")
    assert by_path.id == "idlib-2020" and set(by_path.zones) == {"m4-corridor", "line-of-contact"}


def test_route_waypoints_are_the_gazetteer_places_they_cite():
    from ceasefire.geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    for route in load_agreement("idlib-2020").routes.values():
        assert len(route.waypoints) == len(route.line.coords) >= 8
        for waypoint, (lon, lat) in zip(route.waypoints, route.line.coords, strict=True):
            assert (lon, lat) == (waypoint.longitude, waypoint.latitude)
            assert waypoint.source, waypoint.name
            places = [
                c.place
                for c in gazetteer.lookup(waypoint.name, country="SY", fuzzy=False, limit=None)
                if c.place.place_id == waypoint.place_id
            ]
            assert places, f"{waypoint.name} {waypoint.place_id} is not in the gazetteer"
            assert abs(places[0].latitude - lat) < 1e-4 and abs(places[0].longitude - lon) < 1e-4


def test_m4_route_runs_west_from_trumba_for_about_60_km():
    route = load_agreement("idlib-2020").routes["m4"]
    assert 55_000 < route.length_m < 70_000  # road distance Trumba–Ain al-Hawr is about 60 km
    positions = [along for _, along in route.waypoint_positions()]
    assert positions == sorted(positions)


def test_agreements_command_lists_the_shipped_agreement(cli_app):
    result = CliRunner().invoke(cli_app, ["agreements"])
    assert result.exit_code == 0, result.output
    assert "idlib-2020" in result.output and "Government of Turkey (2016-)" in result.output


def _write(tmp_path: Path, data: dict, name: str = "agreement.yaml") -> Path:
    """A copy of the shipped agreement, changed, beside copies of its route files."""
    for route in ROUTES.glob("*.geojson"):
        (tmp_path / route.name).write_text(route.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def shipped_data() -> dict:
    return yaml.safe_load((SHIPPED / "idlib-2020.yaml").read_text(encoding="utf-8"))


def test_a_users_copy_loads(tmp_path, shipped_data):
    assert load_agreement(_write(tmp_path, shipped_data)).id == "idlib-2020"


def _refused(path: Path) -> str:
    with pytest.raises(ConfigurationError) as caught:
        load_agreement(path)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_unknown_party_is_refused(tmp_path, shipped_data):
    shipped_data["parties"] = ["Government of Russia (2000-)", "Turkey"]
    message = _refused(_write(tmp_path, shipped_data))
    assert "parties: unknown party 'Turkey'" in message and "canonical actor names" in message


def test_unknown_party_of_a_provision_is_refused(tmp_path, shipped_data):
    shipped_data["provisions"][2]["parties"] = ["Russian Military Police"]
    message = _refused(_write(tmp_path, shipped_data))
    assert "provisions[2] (joint-patrols): unknown party 'Russian Military Police'" in message


def test_effective_before_signed_is_refused(tmp_path, shipped_data):
    shipped_data["effective"] = "2020-03-01"
    message = _refused(_write(tmp_path, shipped_data))
    assert "effective: 2020-03-01 is before the signing date 2020-03-05" in message


def test_provision_before_signing_is_refused(tmp_path, shipped_data):
    shipped_data["provisions"][2]["effective"] = "2020-02-15"
    message = _refused(_write(tmp_path, shipped_data))
    assert "provisions[2] (joint-patrols): effective 2020-02-15 is before the signing date" in message


def test_self_intersecting_zone_is_refused(tmp_path, shipped_data):
    bowtie = [[36.5, 35.8], [36.7, 35.9], [36.7, 35.8], [36.5, 35.9], [36.5, 35.8]]
    shipped_data["zones"].append(
        {"id": "bowtie", "kind": "area", "geometry": {"type": "Polygon", "coordinates": [bowtie]}}
    )
    message = _refused(_write(tmp_path, shipped_data))
    assert "zones[2] (bowtie): bad geometry: Self-intersection" in message


def test_swapped_coordinates_are_refused(tmp_path, shipped_data):
    line = {"type": "LineString", "coordinates": [[35.86, 136.78], [35.87, 136.71]]}
    shipped_data["routes"].append({"id": "swapped", "geometry": line})
    message = _refused(_write(tmp_path, shipped_data))
    assert "routes[2] (swapped): bad geometry: (35.86, 136.78) is not a lon/lat position" in message


def test_route_of_one_point_is_refused(tmp_path, shipped_data):
    line = {"type": "LineString", "coordinates": [[36.78, 35.86], [36.78, 35.86]]}
    shipped_data["routes"].append({"id": "stub", "geometry": line})
    message = _refused(_write(tmp_path, shipped_data))
    assert "routes[2] (stub): bad geometry: it is empty or has no length" in message


def test_unknown_id_names_the_shipped_ones():
    with pytest.raises(ConfigurationError, match="shipped: idlib-2020"):
        load_agreement("idlib-2021")


def test_cli_refuses_a_bad_file_with_one_line(cli_app, tmp_path, shipped_data):
    shipped_data["signed"] = "2020-03-07"
    path = _write(tmp_path, shipped_data)
    result = CliRunner().invoke(cli_app, ["monitor", str(path), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "effective: 2020-03-06 is before the signing date 2020-03-07" in lines[0]


def test_geojson_agreement_with_properties(tmp_path, shipped_data):
    """The GeoJSON form: agreement fields in ``properties``, routes and zones as features."""
    route = json.loads((ROUTES / "m4.geojson").read_text(encoding="utf-8"))["features"][0]
    fields = {k: v for k, v in shipped_data.items() if k not in ("routes", "zones", "provisions", "alerts")}
    fields["signed"], fields["effective"] = "2020-03-05", "2020-03-06"
    corridor = {"role": "zone", "id": "m4-corridor", "kind": "corridor", "route": "m4", "half_width_km": 6}
    document = {
        "type": "FeatureCollection",
        "properties": {**fields, "alerts": [{"id": "a", "text": "any", "zone": "m4-corridor",
                                             "window_days": 1, "threshold": 0}]},
        "features": [route, {"type": "Feature", "properties": corridor, "geometry": None}],
    }
    path = tmp_path / "protocol.geojson"
    path.write_text(json.dumps(document), encoding="utf-8")
    agreement = load_agreement(path)
    assert set(agreement.zones) == {"m4-corridor"} and agreement.alerts[0].threshold == 0
    assert agreement.zones["m4-corridor"].area_km2 == pytest.approx(
        load_agreement("idlib-2020").zones["m4-corridor"].area_km2
    )
