"""The dashboard in headless Chromium, on the demo corpus served for real."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx
from dashboard_support import (
    ARTIFACTS,
    HOSTILE_SOURCE,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    TOKEN,
    PageWatch,
)

NAYRAB = (35.86955, 36.71867)
ARIHA = (35.81374, 36.60964)
NEAR = 0.05  # degrees: a cluster stands on the place of one of its events


def api_events(base: str, **params: str) -> list[dict[str, Any]]:
    response = httpx.get(f"{base}/api/events", params={"limit": "1000", **params})
    assert response.status_code == 200, response.text
    events: list[dict[str, Any]] = response.json()["events"]
    return events


def open_dashboard(page: Any, base: str) -> int:
    """Load the dashboard and wait for its table; returns the number of events loaded."""
    total = int(httpx.get(f"{base}/api/stats").json()["events"])
    page.goto(f"{base}/")
    wait_for_rows(page, total)
    return total


def wait_for_rows(page: Any, count: int, *, fewer: bool = False) -> None:
    """Wait until the table has ``count`` rows (fewer than ``count`` with ``fewer``).

    Functions, not strings: the page's content policy forbids evaluating strings.
    """
    test = "(n) => document.querySelectorAll('#events tbody tr').length " + ("<" if fewer else "===") + " n"
    page.wait_for_function(test, arg=count)


def table_ids(page: Any) -> list[str]:
    return page.eval_on_selector_all(
        "#events tbody tr", "rows => rows.map(row => row.dataset.eventId)"
    )


def markers(page: Any) -> list[dict[str, Any]]:
    """Every marker and cluster drawn on the map, with the events it stands for."""
    return page.eval_on_selector_all(
        "#map [data-event-ids]",
        """nodes => nodes.map(node => {
            const box = node.getBoundingClientRect();
            return {ids: node.dataset.eventIds.split(' '), lat: Number(node.dataset.lat),
                    lon: Number(node.dataset.lon), count: Number(node.dataset.count),
                    cls: node.getAttribute('class'), fill: node.getAttribute('fill'),
                    x: box.x + box.width / 2, y: box.y + box.height / 2};
        })""",
    )


def brush(page: Any, first_day: str, last_day: str) -> None:
    """Drag across the timeline from the middle of one day to the middle of another."""
    start = page.locator(f"#timeline rect.day-slot[data-day='{first_day}']").bounding_box()
    end = page.locator(f"#timeline rect.day-slot[data-day='{last_day}']").bounding_box()
    assert start and end, "the timeline has no slot for those days"
    y = start["y"] + start["height"] / 2
    page.mouse.move(start["x"] + start["width"] / 2, y)
    page.mouse.down()
    page.mouse.move((start["x"] + end["x"]) / 2, y, steps=4)
    page.mouse.move(end["x"] + end["width"] / 2, y, steps=4)
    page.mouse.up()


def test_map_shows_the_seed_events_near_nayrab_and_ariha(
    page: Any, dashboard: str, watch: PageWatch
) -> None:
    total = open_dashboard(page, dashboard)
    assert len(table_ids(page)) == total
    seed = api_events(dashboard, source="South Front")
    at = {
        "Nayrab": [e["event_id"] for e in seed if e["location"] == "An Nayrab"],
        "Ariha": [e["event_id"] for e in seed if e["location"] == "Ariha"],
    }
    assert at["Nayrab"] and at["Ariha"], f"the seed codes events at Nayrab and Ariha: {seed}"
    drawn = markers(page)
    box = page.locator("#map").bounding_box()
    for place, (lat, lon) in (("Nayrab", NAYRAB), ("Ariha", ARIHA)):
        for event_id in at[place]:
            holding = [m for m in drawn if event_id in m["ids"]]
            assert len(holding) == 1, f"event {event_id} at {place} is drawn once"
            marker = holding[0]
            assert abs(marker["lat"] - lat) < NEAR and abs(marker["lon"] - lon) < NEAR, marker
            inside = box["x"] < marker["x"] < box["x"] + box["width"]
            assert inside and box["y"] < marker["y"] < box["y"] + box["height"], "on screen"
    # dense places are clustered; single events are coloured by type
    assert any(m["count"] > 1 for m in drawn), "events at one place are clustered"
    single = next(m for m in drawn if m["count"] == 1 and "event-marker" in (m["cls"] or ""))
    assert single["fill"] and single["fill"].startswith("#")
    assert "GeoNames (geonames.org), CC BY 4.0" in page.inner_text(".leaflet-control-attribution")
    assert not page.locator(".leaflet-tile").count(), "no tiles: none are reachable offline"
    foreign = [url for url in watch.requests if not url.startswith(dashboard)]
    assert foreign == [], "the dashboard loads everything from its own server"


def test_brushing_the_timeline_shrinks_the_table_to_the_patrols(page: Any, dashboard: str) -> None:
    total = open_dashboard(page, dashboard)
    brush(page, "2020-05-05", "2020-05-07")
    wait_for_rows(page, total, fewer=True)
    expected = api_events(dashboard, date_from="2020-05-05", date_to="2020-05-07")
    assert sorted(table_ids(page)) == sorted(e["event_id"] for e in expected)
    assert 2 <= len(expected) <= 4
    for event in expected:
        assert "patrol" in (event["notes"] or "").lower(), event["notes"]
    assert "5 May 2020 – 7 May 2020" in page.inner_text("#brush-label")
    assert page.inner_text("#table-count").startswith(f"{len(expected)} of {total}")
    shown = {i for m in markers(page) for i in m["ids"]}
    assert shown <= {e["event_id"] for e in expected}, "the map is filtered too"
    page.click("#clear-brush")
    wait_for_rows(page, total)


def test_an_event_panel_shows_its_evidence_highlighted(
    page: Any, dashboard: str, tmp_path: Path
) -> None:
    open_dashboard(page, dashboard)
    brush(page, "2020-05-05", "2020-05-07")
    ariha = next(
        e for e in api_events(dashboard, date_from="2020-05-07", date_to="2020-05-07",
                              source="South Front")
    )
    page.click(f"#events tbody tr[data-event-id='{ariha['event_id']}']")
    page.wait_for_selector("#panel mark.evidence")
    marked = page.eval_on_selector_all(
        "#panel mark.evidence", "marks => marks.map(m => [m.textContent, m.dataset.fields])"
    )
    texts = {text for text, _ in marked}
    assert {"May 7", "Ariha"} <= texts
    assert any("patrol" in text for text in texts)
    assert any("location" in fields.split() for _, fields in marked)
    notes = page.inner_text("#panel .passage.notes")
    assert notes.startswith("On May 7, the sides held their second extended patrol")
    panel = page.inner_text("#panel")
    assert "South Front" in panel and "reported" in panel
    assert f"{round(ariha['confidence'] * 100)}%" in panel
    assert page.locator("#events tbody tr.selected").get_attribute("data-event-id") == ariha["event_id"]

    shot = tmp_path / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / "dashboard.png")
    assert shot.stat().st_size > 10_000


def test_a_hostile_document_is_shown_as_text_and_runs_nothing(
    page: Any, dashboard: str, watch: PageWatch
) -> None:
    posted = httpx.post(
        f"{dashboard}/api/documents",
        json={"text": HOSTILE_TEXT, "published": "2020-05-21", "source": HOSTILE_SOURCE,
              "title": HOSTILE_TITLE, "url": "https://example.org/hostile"},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    )
    assert posted.status_code in (200, 201), posted.text
    hostile = posted.json()["events"][0]["event_id"]
    trap = api_events(dashboard, source="Link Trap")[0]["event_id"]

    open_dashboard(page, dashboard)
    source_cell = page.locator(f"#events tbody tr[data-event-id='{hostile}'] td").nth(9)
    assert source_cell.inner_text() == HOSTILE_SOURCE
    page.click(f"#events tbody tr[data-event-id='{hostile}']")
    page.wait_for_selector("#panel mark.evidence")
    panel = page.inner_text("#panel")
    assert "<script>window.__pwned = 'script'; alert('script')</script>" in panel
    assert "onerror=" in panel and HOSTILE_TITLE in panel
    page.hover(f"#events tbody tr[data-event-id='{hostile}'] td >> nth=9")

    page.click(f"#events tbody tr[data-event-id='{trap}']")
    page.wait_for_selector("#panel .unsafe-url")
    assert page.inner_text("#panel .unsafe-url").startswith("javascript:")
    page.click("#panel .unsafe-url")
    page.wait_for_timeout(300)

    assert page.evaluate("window.__pwned") is None
    assert watch.dialogs == []
    injected = page.evaluate(
        """() => ({
            scripts: Array.from(document.scripts).map(s => s.getAttribute('src')),
            handlers: Array.from(document.querySelectorAll('*')).filter(
                el => Array.from(el.attributes).some(a => a.name.toLowerCase().startsWith('on'))).length,
            links: Array.from(document.querySelectorAll('a[href]')).filter(
                a => !/^https?:/.test(a.href)).map(a => a.href),
            images: Array.from(document.querySelectorAll('img')).filter(
                img => !img.src.startsWith(location.origin)).length,
        })"""
    )
    assert injected == {
        "scripts": ["static/vendor/leaflet/leaflet.js", "static/app.js"],
        "handlers": 0,
        "links": [],
        "images": 0,
    }


def test_the_filter_bar_queries_the_api(page: Any, dashboard: str, watch: PageWatch) -> None:
    open_dashboard(page, dashboard)
    page.select_option("select[name=event_type]", "Protests")
    page.click("#filters button[type=submit]")
    expected = api_events(dashboard, event_type="Protests")
    wait_for_rows(page, len(expected))
    assert sorted(table_ids(page)) == sorted(e["event_id"] for e in expected)
    assert "event_type=Protests" in page.url
    watch.expect_error("status of 422")
    page.fill("input[name=date_from]", "2020-06-01")
    page.fill("input[name=date_to]", "2020-05-01")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#error:not([hidden])")
    assert "is after" in page.inner_text("#error")
    page.click("#filters button[type=reset]")
    page.wait_for_selector("#error", state="hidden")


def test_the_monitor_page_reports_the_idlib_agreement_on_the_store(page: Any, dashboard: str) -> None:
    open_dashboard(page, dashboard)
    page.click("text=Ceasefire monitor")
    page.click("text=Idlib Additional Protocol")
    page.wait_for_selector("svg")
    body = page.inner_text("body")
    assert "M4 security corridor" in body and "Joint patrols" in body
    assert page.locator("svg circle").count() > 0  # events drawn on the corridor map
    headers = httpx.get(f"{dashboard}/monitor/idlib-2020").headers
    script_policy = next(part for part in headers["content-security-policy"].split(";") if "script-src" in part)
    assert "sha256-" in script_policy and "'unsafe-inline'" not in script_policy
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-monitor.png"), full_page=False)
    assert httpx.get(f"{dashboard}/monitor/no-such-agreement").status_code == 404
