"""The HTML report: self-contained, escaped, and rendered in headless Chromium without errors."""

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.support import REPO

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def report(cli_app, monitor_db, pipeline, tmp_path_factory) -> Path:
    """The report of the corpus store plus one report whose text looks like markup."""
    from ceasefire.model import Document
    from ceasefire.store import open_store

    text = ("Syrian government forces shelled the village of Muhambal on the M4 highway on "
            "Tuesday <script>alert('x')</script>, according to the Syrian Observatory for Human Rights.")
    doc = Document.from_text(text, published=date(2020, 6, 24), source="<b>Markup Wire</b>")
    events = pipeline.code(doc)
    assert any(e.location == "Muhambal" for e in events)
    folder = tmp_path_factory.mktemp("report")
    db = folder / "events.db"
    shutil.copy(monitor_db, db)
    with open_store(db) as store:
        store.add_document(doc, events)
    out = folder / "report.html"
    result = CliRunner().invoke(cli_app, ["report", "idlib-2020", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_report_is_self_contained_and_escaped(report):
    html = report.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*['"]?(?:https?:)?//""", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Markup Wire&lt;/b&gt;" in html
    assert html.count("<svg") == 3 and html.count("<script>") == 1


def test_report_renders_in_headless_chromium(report, tmp_path):
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report.as_uri())
        sizes = page.eval_on_selector_all("svg", "els => els.map(e => e.getBoundingClientRect().height)")
        rows = page.eval_on_selector_all("#incidents tbody tr", "els => els.length")
        page.select_option("#zone-filter", "line-of-contact")
        shown = page.eval_on_selector_all(
            "#incidents tbody tr", "els => els.filter(e => e.style.display !== 'none').length"
        )
        shot = tmp_path / "monitor-report.png"
        page.screenshot(path=str(shot), full_page=False)
        page.select_option("#zone-filter", "")
        page.screenshot(path=str(tmp_path / "monitor-report-full.png"), full_page=True)
        browser.close()
    assert problems == []
    assert requests == [report.as_uri()]  # nothing fetched but the file itself
    assert len(sizes) == 3 and all(h > 100 for h in sizes)
    assert rows == 8 + 1 + 6 + 1 and shown == 6  # corridor (+ the markup one), incident, line of contact
    assert shot.stat().st_size > 20_000
    artifacts = REPO / "artifacts"
    artifacts.mkdir(exist_ok=True)
    shutil.copy(shot, artifacts / "monitor-report.png")
    shutil.copy(tmp_path / "monitor-report-full.png", artifacts / "monitor-report-full.png")
