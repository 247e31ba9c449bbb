"""The monitor on a real store: the seed article plus 24 test reports, coded by the pipeline.

Hand count (read off the reports, then checked against what the coder codes):
  M4 corridor, 8 violations — Sarmin 27 Mar, An Nayrab 26 Apr (Turkish troops vs HTS), An Nayrab
  28 Apr (the same clash as the seed article dates it, 11 dead), Bsanqul 15 May, Urum al-Jawz
  23 May, Kafr Shalaya 24 May, Muhambal 25 May, An Nayrab 17 Jun (alleged): 7 reported and
  1 alleged; 6 by the Syrian military, 2 by the Turkish.
  Line of contact, 6 — Kansafra 2 Apr, Saraqib 10 Apr (rebels), Fatirah 15 Apr, Barah 18 May,
  Barah 2 Jun (Russian jets), Kafr Nabl 6 Jun (rebels); none of them in the corridor.
  Not counted anywhere: the Binnish car bomb (outside both zones), the rocket attack "in Idlib
  province" (placed to a province only), the forecast shelling of Ariha, the seed's assessment.
  Patrols: 9 patrol days; coverage 5.7 km to Nayrab until 5 May (Musaybin, 13.4 km), reaching
  Ariha on 7 May. One incident against a patrol: stones thrown near Ariha, 12 May.
  Alert: corridor above 2 violations in 3 days on 25 May (23, 24, 25 May).
"""

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from ceasefire.geo.gazetteer import Gazetteer
from ceasefire.monitor.agreements import load_agreement
from ceasefire.monitor.assessment import assess_store
from ceasefire.store import open_store

SYRIA = "Military Forces of Syria (2000-)"
TURKEY = "Military Forces of Turkey (2016-)"


@pytest.fixture(scope="module")
def result(monitor_db):
    with open_store(monitor_db) as store:
        return assess_store(load_agreement("idlib-2020"), store, Gazetteer.load())


def _violations(result, zone: str) -> list[tuple[str, str, str | None, str]]:
    return [
        (v.day.isoformat(), v.event.location or "", v.event.actor1, v.event.modality)
        for v in result.violations
        if zone in v.zones
    ]


def test_corridor_violations_equal_the_hand_count(result):
    assert sorted(_violations(result, "m4-corridor")) == [
        ("2020-03-27", "Sarmin", SYRIA, "reported"),
        ("2020-04-26", "An Nayrab", TURKEY, "reported"),
        ("2020-04-28", "An Nayrab", TURKEY, "reported"),
        ("2020-05-15", "Dabsanqul", SYRIA, "reported"),
        ("2020-05-23", "Urum al Jawz", SYRIA, "reported"),
        ("2020-05-24", "Kafr Shalaya", SYRIA, "reported"),
        ("2020-05-25", "Muhambal", SYRIA, "reported"),
        ("2020-06-17", "An Nayrab", SYRIA, "alleged"),
    ]
    corridor = result.zones["m4-corridor"]
    assert corridor.total == 8 and corridor.fatalities == 11
    assert corridor.by_perpetrator == {SYRIA: 6, TURKEY: 2}
    assert corridor.by_modality == {"reported": 7, "alleged": 1}
    assert corridor.by_day["2020-04-26"] == 1 and sum(corridor.by_day.values()) == 8


def test_line_of_contact_violations_equal_the_hand_count(result):
    assert sorted((day, place) for day, place, _, _ in _violations(result, "line-of-contact")) == [
        ("2020-04-02", "Kansafrah"),
        ("2020-04-10", "Sarāqib"),
        ("2020-04-15", "Fatirah"),
        ("2020-05-18", "Barah"),
        ("2020-06-02", "Barah"),
        ("2020-06-06", "Kafr Nabl"),
    ]
    assert result.zones["line-of-contact"].by_perpetrator == {
        SYRIA: 3,
        "Opposition Rebels (Syria)": 2,
        "Military Forces of Russia (2000-)": 1,
    }


def test_events_outside_the_corridor_are_not_corridor_violations(result):
    corridor_places = {place for _, place, _, _ in _violations(result, "m4-corridor")}
    assert not corridor_places & {"Sarāqib", "Kafr Nabl", "Barah", "Kansafrah", "Fatirah", "Binnish"}
    assert [e.location for e in result.outside] == ["Binnish"]
    assert [e.location for e in result.unplaced] == ["Idleb"]  # "in Idlib province"


def test_forecasts_and_assessments_never_count(result):
    counted = {v.event.modality for v in result.violations}
    assert counted == {"reported", "alleged"}
    assert not any(v.event.location == "Ariha" for v in result.violations)  # the forecast


def test_patrol_coverage_reaches_ariha_by_7_may(result):
    route = result.agreement.routes["m4"]
    projection = result.agreement.projection
    ariha, _ = route.locate(projection.point(36.60964, 35.81374))
    assert 18_000 < ariha < 22_000
    on_5_may, on_7_may = result.coverage_on(date(2020, 5, 5)), result.coverage_on(date(2020, 5, 7))
    assert on_5_may is not None and on_7_may is not None
    assert not on_5_may.covers(ariha) and on_5_may.furthest_m == pytest.approx(13_363, abs=50)
    assert on_7_may.covers(ariha) and on_7_may.furthest_m > ariha
    before_may = result.coverage_on(date(2020, 4, 30))
    assert before_may is not None and before_may.furthest_m == pytest.approx(5_709, abs=50)  # Nayrab
    assert result.coverage[-1].patrols == 9
    assert result.coverage[-1].share == pytest.approx(26_694 / route.length_m, abs=0.002)


def test_incidents_against_patrols_and_alerts(result):
    assert [(str(e.event_date), e.event_type, e.location) for e in result.incidents] == [
        ("2020-05-12", "Riots", "Ariha")
    ]
    assert [(a.rule, str(a.first_day), str(a.last_day), a.peak) for a in result.alerts] == [
        ("corridor-violations-3d", "2020-05-25", "2020-05-25", 3)
    ]


def test_monitor_command_prints_the_same_figures_as_json(cli_app, monitor_db, tmp_path):
    alerts = tmp_path / "alerts.json"
    args = ["monitor", "idlib-2020", "--db", str(monitor_db), "--format", "json", "--alerts-out", str(alerts)]
    result = CliRunner().invoke(cli_app, args)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["zones"]["m4-corridor"]["violations"] == 8
    assert record["zones"]["m4-corridor"]["by_modality"] == {"reported": 7, "alleged": 1}
    assert record["zones"]["line-of-contact"]["violations"] == 6
    coverage = {c["day"]: c["furthest_km"] for c in record["patrols"]["coverage"]}
    assert coverage["2020-05-05"] == pytest.approx(13.36, abs=0.05) and coverage["2020-05-07"] > 20
    assert json.loads(alerts.read_text()) == record["alerts"] and len(record["alerts"]) == 1


def test_monitor_command_table(cli_app, monitor_db):
    result = CliRunner().invoke(cli_app, ["monitor", "idlib-2020", "--db", str(monitor_db)])
    assert result.exit_code == 0, result.output
    assert "M4 security corridor" in result.stdout and "ALERT corridor-violations-3d" in result.stdout
