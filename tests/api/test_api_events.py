"""The read endpoints over HTTP: listing, filters, paging, detail, GeoJSON, statistics."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from api_builders import ALL_IDS, ARIHA, DOC_A, DOC_B, NAYRAB


def ids(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["event_id"] for e in response.json()["events"]]


def test_lists_every_event_by_date_with_undated_last(api: httpx.Client) -> None:
    response = api.get("/api/events")
    body = response.json()
    assert body["total"] == 6
    assert body["limit"] == 100 and body["offset"] == 0 and body["next_offset"] is None
    assert ids(response) == [
        "ev-shelling", "ev-patrol", "ev-protest", "ev-forecast", "ev-clash", "ev-undated"
    ]
    shelling = body["events"][0]
    assert shelling["event_date"] == "2020-03-03"
    assert shelling["fatalities"] == 2 and shelling["corrected_fields"] == []
    assert shelling["evidence"][0] == {
        "field": "sub_event_type", "text": "Shelling", "start": 0, "end": 8
    }


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"date_from": "2020-05-05", "date_to": "2020-05-07"}, ["ev-patrol", "ev-protest"]),
        ({"date_from": "2020-06-01"}, ["ev-clash"]),
        ({"event_type": "Battles"}, ["ev-clash"]),
        ({"event_type": "explosions/remote VIOLENCE"}, ["ev-shelling", "ev-forecast"]),
        ({"sub_event_type": "Peaceful protest"}, ["ev-protest"]),
        ({"actor": "hts"}, ["ev-clash"]),
        ({"actor": "Turkey"}, ["ev-patrol", "ev-undated"]),
        ({"admin1": "aleppo"}, ["ev-clash"]),
        ({"bbox": "36.6,35.7,36.9,35.9"}, ["ev-shelling", "ev-patrol", "ev-protest"]),
        ({"modality": "forecast"}, ["ev-forecast"]),
        ({"source": "monitor"}, ["ev-protest", "ev-forecast", "ev-clash", "ev-undated"]),
        ({"factual": "true", "source": "monitor"}, ["ev-protest", "ev-clash", "ev-undated"]),
        ({"actor": "Syria", "date_to": "2020-04-01"}, ["ev-shelling"]),
        ({"actor": "nobody at all"}, []),
    ],
)
def test_filters(api: httpx.Client, params: dict[str, str], expected: list[str]) -> None:
    response = api.get("/api/events", params=params)
    assert ids(response) == expected
    assert response.json()["total"] == len(expected)


def test_pages_through_events_with_totals(api: httpx.Client) -> None:
    seen: list[str] = []
    offset: int | None = 0
    pages = 0
    while offset is not None:
        body = api.get("/api/events", params={"limit": 4, "offset": offset}).json()
        assert body["total"] == 6 and body["limit"] == 4
        seen += [e["event_id"] for e in body["events"]]
        offset = body["next_offset"]
        pages += 1
    assert pages == 2 and seen == ALL_IDS_BY_DATE
    beyond = api.get("/api/events", params={"offset": 50}).json()
    assert beyond["events"] == [] and beyond["total"] == 6 and beyond["next_offset"] is None


ALL_IDS_BY_DATE = ["ev-shelling", "ev-patrol", "ev-protest", "ev-forecast", "ev-clash", "ev-undated"]
assert sorted(ALL_IDS_BY_DATE) == sorted(ALL_IDS)


@pytest.mark.parametrize(
    ("params", "needles"),
    [
        ({"limit": "0"}, ["limit='0'", "greater than or equal to 1"]),
        ({"limit": "1001"}, ["limit='1001'", "less than or equal to 1000"]),
        ({"limit": "ten"}, ["limit='ten'", "valid integer"]),
        ({"offset": "-1"}, ["offset='-1'", "greater than or equal to 0"]),
        ({"date_from": "2020-02-30"}, ["date_from='2020-02-30'", "valid date"]),
        ({"date_to": "last week"}, ["date_to='last week'", "valid date"]),
        ({"date_from": "2020-06-01", "date_to": "2020-05-01"}, ["2020-06-01 is after", "2020-05-01"]),
        ({"bbox": "36,35,37"}, ["bbox '36,35,37' must be four numbers", "not 3"]),
        ({"bbox": "35.7,36.4,36.1,97"}, ["max_lat 97.0 is outside -90..90"]),
        ({"bbox": "a,b,c,d"}, ["must be four numbers"]),
        ({"modality": "rumour"}, ["modality='rumour'", "'reported', 'alleged', 'forecast' or 'assessment'"]),
        ({"event_type": "Riot"}, ["event_type 'Riot' is not in ACLED's taxonomy", "Riots"]),
        ({"sub_event_type": "Skirmish"}, ["sub_event_type 'Skirmish'", "Armed clash"]),
        ({"factual": "perhaps"}, ["factual='perhaps'", "valid boolean"]),
    ],
)
def test_bad_filter_values_are_refused_with_a_clear_message(
    api: httpx.Client, params: dict[str, str], needles: list[str]
) -> None:
    response = api.get("/api/events", params=params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    for needle in needles:
        assert needle in detail
    # the same criteria are checked everywhere they are read
    for path in ("/api/events.geojson", "/api/stats"):
        if "limit" in params or "offset" in params:
            continue
        assert api.get(path, params=params).status_code == 422


def test_event_detail_has_evidence_document_and_passages(api: httpx.Client) -> None:
    response = api.get("/api/events/ev-shelling")
    assert response.status_code == 200
    body = response.json()
    assert body["event"] == body["original"]
    assert body["corrections"] == []
    document = body["document"]
    assert document["id"] == DOC_A.id and document["text"] == DOC_A.text
    assert document["source"] == "SOHR" and document["title"] == "Idlib round-up"
    assert document["url"] == "https://example.org/sohr/1"
    passages = body["passages"]
    # the notes sentence, and the death count from the next sentence with its own context
    assert [(p["text"], p["is_notes"]) for p in passages] == [
        ("Shelling hit Saraqib on 3 March 2020. Two civilians were killed.", True)
    ]
    for item in body["event"]["evidence"]:
        assert DOC_A.text[item["start"] : item["end"]] == item["text"]


def test_unknown_event_is_404_naming_it(api: httpx.Client) -> None:
    response = api.get("/api/events/no-such-event")
    assert response.status_code == 404
    assert response.json() == {"detail": "no event with id 'no-such-event'"}


def test_geojson_has_a_point_per_placed_event(api: httpx.Client) -> None:
    response = api.get("/api/events.geojson")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert collection["skipped_without_coordinates"] == 1  # ev-undated has no place
    features = {f["id"]: f for f in collection["features"]}
    assert sorted(features) == sorted(set(ALL_IDS) - {"ev-undated"})
    assert features["ev-patrol"]["geometry"] == {
        "type": "Point", "coordinates": [NAYRAB[1], NAYRAB[0]]
    }
    assert features["ev-protest"]["properties"]["location"] == "Ariha"
    near_ariha = api.get("/api/events.geojson", params={"bbox": "36.55,35.75,36.65,35.85"})
    assert [f["id"] for f in near_ariha.json()["features"]] == ["ev-protest"]
    assert ARIHA[1] == near_ariha.json()["features"][0]["geometry"]["coordinates"][0]
    paged = api.get("/api/events.geojson", params={"limit": 2}).json()
    assert [f["id"] for f in paged["features"]] == ["ev-shelling", "ev-patrol"]
    assert api.get("/api/events.geojson", params={"limit": 10_001}).status_code == 422


def test_stats_count_by_day_and_type(api: httpx.Client) -> None:
    stats: dict[str, Any] = api.get("/api/stats").json()
    assert stats["documents"] == 2 and stats["events"] == 6
    assert stats["factual_events"] == 5 and stats["undated_events"] == 1
    assert stats["events_by_type"] == {
        "Battles": 1,
        "Explosions/Remote violence": 2,
        "Protests": 1,
        "Strategic developments": 2,
    }
    assert stats["events_by_day"] == {
        "2020-03-03": 1, "2020-05-05": 1, "2020-05-07": 1, "2020-05-14": 1, "2020-06-20": 1
    }
    assert stats["events_by_modality"] == {"alleged": 1, "forecast": 1, "reported": 4}
    narrowed = api.get("/api/stats", params={"source": "SOHR", "limit": 1}).json()
    assert narrowed["events"] == 2 and narrowed["documents"] == 2
    assert narrowed["events_by_day"] == {"2020-03-03": 1, "2020-05-05": 1}


def test_taxonomy_lists_the_vocabularies(api: httpx.Client) -> None:
    body = api.get("/api/taxonomy").json()
    assert "Armed clash" in body["event_types"]["Battles"]
    assert len(body["event_types"]) == 6
    assert body["modalities"] == ["reported", "alleged", "forecast", "assessment"]


def test_openapi_documents_every_endpoint(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    paths = spec["paths"]
    assert set(paths["/api/events"]) == {"get"}
    assert set(paths["/api/events/{event_id}"]) == {"get", "patch"}
    assert {"/api/events.geojson", "/api/stats", "/api/documents", "/api/taxonomy"} <= set(paths)
    assert paths["/api/documents"]["post"]["security"]
    parameters = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert parameters == {
        "date_from", "date_to", "event_type", "sub_event_type", "actor", "admin1", "bbox",
        "modality", "source", "factual", "limit", "offset",
    }
    assert api.get("/docs").status_code == 404  # Swagger UI needs a CDN: not served


def test_serves_the_dashboard_with_a_strict_content_policy(api: httpx.Client) -> None:
    page = api.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert 'src="static/app.js"' in page.text
    for asset in ("static/app.js", "static/style.css", "static/vendor/leaflet/leaflet.js",
                  "static/vendor/leaflet/leaflet.css", "static/vendor/leaflet/LICENSE"):
        assert api.get("/" + asset).status_code == 200, asset
    assert "http" not in "".join(
        line for line in page.text.splitlines() if "src=" in line or "stylesheet" in line
    )


def test_document_b_passages_join_nothing_across_documents(api: httpx.Client) -> None:
    body = api.get("/api/events/ev-clash").json()
    assert body["document"]["id"] == DOC_B.id
    assert [p["text"] for p in body["passages"]] == [
        "HTS fighters clashed with Hurras al-Din in Aleppo on 20 June 2020."
    ]
