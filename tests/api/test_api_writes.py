"""Writes over HTTP: the token check, posting reports, and analysts' corrections."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from api_builders import AUTH, DOC_A

from ceasefire.store import open_store
from ceasefire.store.corrections import corrections_for

REPORT = (
    "On 7 May 2020, a joint patrol of Turkish and Russian forces took place on the M4 highway, "
    "from Turnabah to the outskirts of Ariha in Idlib countryside."
)
CORRECTION = {"author": "analyst.a", "changes": {"fatalities": 3}}
WRITES = [
    ("POST", "/api/documents", {"text": REPORT}),
    ("PATCH", "/api/events/ev-patrol", CORRECTION),
]


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_writes_without_a_token_are_401(
    api: httpx.Client, method: str, path: str, body: dict[str, Any]
) -> None:
    response = api.request(method, path, json=body)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "Authorization: Bearer" in response.json()["detail"]
    basic = api.request(method, path, json=body, headers={"Authorization": "Basic YTpi"})
    assert basic.status_code == 401


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_writes_with_a_wrong_token_are_403(
    api: httpx.Client, method: str, path: str, body: dict[str, Any]
) -> None:
    response = api.request(method, path, json=body, headers={"Authorization": "Bearer guess"})
    assert response.status_code == 403
    assert response.json()["detail"] == "the API token is not valid for this server"


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_the_token_is_checked_before_the_body(
    api: httpx.Client, method: str, path: str, body: dict[str, Any]
) -> None:
    assert api.request(method, path, json={"nonsense": 1}).status_code == 401


@pytest.mark.parametrize(("method", "path", "body"), WRITES)
def test_a_server_without_a_token_refuses_every_write(
    read_only_api: httpx.Client, method: str, path: str, body: dict[str, Any]
) -> None:
    response = read_only_api.request(method, path, json=body, headers=AUTH)
    assert response.status_code == 403
    assert "CEASEFIRE_API_TOKEN" in response.json()["detail"]
    assert read_only_api.get("/api/stats").json()["documents"] == 2  # nothing was written
    assert read_only_api.get("/api/events/ev-patrol").json()["corrections"] == []


def test_posting_a_report_codes_and_stores_it(coding_api: httpx.Client) -> None:
    body = {
        "text": REPORT,
        "published": "2020-05-08",
        "source": "Ceasefire Sample Wire",
        "url": "https://example.org/wire/patrol",
        "title": "Joint patrol reaches Ariha",
        "external_id": "wire-42",
    }
    response = coding_api.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["stored"] is True
    events = created["events"]
    assert events, "the patrol report codes to at least one event"
    patrol = next(e for e in events if e["sub_event_type"] == "Change to group/activity")
    assert patrol["event_date"] == "2020-05-07" and patrol["source"] == "Ceasefire Sample Wire"
    detail = coding_api.get(f"/api/events/{patrol['event_id']}").json()
    assert detail["document"] == {
        "id": created["document_id"],
        "title": "Joint patrol reaches Ariha",
        "source": "Ceasefire Sample Wire",
        "url": "https://example.org/wire/patrol",
        "published": "2020-05-08",
        "external_id": "wire-42",
        "text": REPORT,
    }
    assert coding_api.get("/api/stats").json()["documents"] == 3

    again = coding_api.post("/api/documents", json=body, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["stored"] is False
    assert [e["event_id"] for e in again.json()["events"]] == [e["event_id"] for e in events]
    assert coding_api.get("/api/stats").json()["documents"] == 3


def test_posting_an_html_page_keeps_its_article_only(coding_api: httpx.Client) -> None:
    page = (
        "<html><head><title>Patrol</title><script>var tracking = 1;</script></head><body>"
        "<nav>Home | World | Contact</nav><article><h1>Patrol reaches Ariha</h1>"
        f"<p>{REPORT}</p><p>Residents watched the convoy pass the town for an hour.</p>"
        "</article><footer>Copyright 2020</footer></body></html>"
    )
    response = coding_api.post(
        "/api/documents", json={"html": page, "published": "2020-05-08"}, headers=AUTH
    )
    assert response.status_code == 201, response.text
    document_id = response.json()["document_id"]
    event_id = response.json()["events"][0]["event_id"]
    text = coding_api.get(f"/api/events/{event_id}").json()["document"]["text"]
    assert REPORT in text and "tracking" not in text and "Home | World" not in text
    assert document_id


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"text": REPORT, "html": "<p>x</p>"}, "either 'text' or 'html', not both or neither"),
        ({"source": "x"}, "either 'text' or 'html'"),
        ({"text": "   \n  "}, "empty document"),
        ({"html": "<html><body><nav>Home</nav></body></html>"}, "no article text found"),
        ({"text": REPORT, "url": "javascript:alert(1)"}, "url must be an http:// or https://"),
        ({"text": REPORT, "published": "8 May"}, "body field published"),
        ({"text": REPORT, "author": "me"}, "body field author: Extra inputs are not permitted"),
        ({"text": 42}, "body field text: Input should be a valid string"),
    ],
)
def test_bad_documents_are_refused_with_422(
    coding_api: httpx.Client, body: dict[str, Any], needle: str
) -> None:
    response = coding_api.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == 422
    assert needle in response.json()["detail"]
    assert coding_api.get("/api/stats").json()["documents"] == 2


def test_a_correction_is_applied_and_kept_in_the_audit_trail(
    api: httpx.Client, seeded_url: str
) -> None:
    before = datetime.now(UTC)
    first = api.patch(
        "/api/events/ev-shelling",
        json={
            "author": "analyst.a",
            "reason": "hospital list gives three",
            "changes": {"fatalities": 3, "location": "Saraqib"},
        },
        headers=AUTH,
    )
    assert first.status_code == 200, first.text
    second = api.patch(
        "/api/events/ev-shelling",
        json={"author": "analyst.b", "changes": {"fatalities": 4, "event_date": "2020-03-02"}},
        headers=AUTH,
    )
    assert second.status_code == 200, second.text
    detail = api.get("/api/events/ev-shelling").json()
    event, original = detail["event"], detail["original"]
    assert (event["fatalities"], event["location"], event["event_date"]) == (4, "Saraqib", "2020-03-02")
    assert event["corrected_fields"] == ["event_date", "fatalities", "location"]
    assert (original["fatalities"], original["location"], original["event_date"]) == (
        2, "Saraqeb", "2020-03-03"
    )
    trail = [
        (c["author"], c["field"], c["old_value"], c["new_value"], c["reason"])
        for c in detail["corrections"]
    ]
    assert sorted(trail[:2]) == [
        ("analyst.a", "fatalities", 2, 3, "hospital list gives three"),
        ("analyst.a", "location", "Saraqeb", "Saraqib", "hospital list gives three"),
    ]
    assert sorted(trail[2:]) == [
        ("analyst.b", "event_date", "2020-03-03", "2020-03-02", None),
        ("analyst.b", "fatalities", 3, 4, None),
    ]
    for item in detail["corrections"]:
        when = datetime.fromisoformat(item["created_at"])
        assert before - timedelta(seconds=1) <= when <= datetime.now(UTC)
    assert second.json() == detail

    # served corrected everywhere, and the coder's row itself is untouched
    listed = api.get("/api/events", params={"source": "SOHR"}).json()["events"]
    assert listed[0]["fatalities"] == 4 and listed[0]["corrected_fields"]
    feature = next(
        f for f in api.get("/api/events.geojson").json()["features"] if f["id"] == "ev-shelling"
    )
    assert feature["properties"]["fatalities"] == 4
    with open_store(seeded_url) as store:
        stored = store.get_event("ev-shelling")
        assert stored is not None and stored.fatalities == 2 and stored.location == "Saraqeb"
        assert len(corrections_for(store, "ev-shelling")) == 4


def test_a_correction_that_changes_nothing_records_nothing(api: httpx.Client) -> None:
    response = api.patch(
        "/api/events/ev-patrol",
        json={"author": "analyst.a", "changes": {"location": "An Nayrab"}},
        headers=AUTH,
    )
    assert response.status_code == 200
    assert response.json()["corrections"] == []
    set_null = api.patch(
        "/api/events/ev-patrol",
        json={"author": "analyst.a", "changes": {"assoc_actor_1": None}},
        headers=AUTH,
    ).json()
    assert set_null["event"]["assoc_actor_1"] is None
    assert set_null["corrections"][0]["old_value"] == "Military Forces of Turkey (2016-)"


def test_event_type_and_sub_event_type_are_corrected_together(api: httpx.Client) -> None:
    mismatch = api.patch(
        "/api/events/ev-patrol",
        json={"author": "a", "changes": {"sub_event_type": "Armed clash"}},
        headers=AUTH,
    )
    assert mismatch.status_code == 422
    assert "belongs to event type 'Battles', not 'Strategic developments'" in mismatch.json()["detail"]
    both = api.patch(
        "/api/events/ev-patrol",
        json={"author": "a", "changes": {"sub_event_type": "Armed clash", "event_type": "Battles"}},
        headers=AUTH,
    )
    assert both.status_code == 200
    assert api.get("/api/events", params={"event_type": "Battles"}).json()["total"] == 1  # coded


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"author": "a", "changes": {}}, "changes is empty"),
        ({"author": "a", "changes": {"event_id": "x"}}, "changes.event_id: Extra inputs"),
        ({"author": "a", "changes": {"confidence": 1}}, "changes.confidence: Extra inputs"),
        ({"author": "a", "changes": {"fatalities": "many"}}, "changes.fatalities: Input should be a valid integer"),
        ({"author": "a", "changes": {"fatalities": -1}}, "greater than or equal to 0"),
        ({"author": "a", "changes": {"latitude": 135}}, "changes.latitude"),
        ({"author": "a", "changes": {"event_date": "yesterday"}}, "changes.event_date"),
        ({"author": "a", "changes": {"modality": "rumour"}}, "changes.modality"),
        ({"author": "a", "changes": {"event_type": None}}, "event_type cannot be null"),
        ({"author": "a", "changes": {"event_type": "Riot"}}, "not an ACLED event type"),
        ({"author": "  ", "changes": {"fatalities": 1}}, "body field author"),
        ({"changes": {"fatalities": 1}}, "body field author: Field required"),
    ],
)
def test_bad_corrections_are_refused_with_422(
    api: httpx.Client, body: dict[str, Any], needle: str
) -> None:
    response = api.patch("/api/events/ev-patrol", json=body, headers=AUTH)
    assert response.status_code == 422
    assert needle in response.json()["detail"]
    assert api.get("/api/events/ev-patrol").json()["corrections"] == []


def test_correcting_an_unknown_event_is_404(api: httpx.Client) -> None:
    response = api.patch("/api/events/nope", json=CORRECTION, headers=AUTH)
    assert response.status_code == 404
    assert DOC_A.id  # the store is the seeded one
