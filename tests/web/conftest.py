"""Fixtures of the browser tests: the demo store served for real, and headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from dashboard_support import (
    CHROMIUM_ARGS,
    TOKEN,
    PageWatch,
    build_demo_store,
    require_chromium,
)
from tests.api.live_server import running

from ceasefire.api import create_app


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    return build_demo_store(tmp_path_factory.mktemp("demo") / "demo.db", pipeline)


@pytest.fixture(scope="session")
def dashboard(demo_store: Path, pipeline: Any) -> Iterator[str]:
    """The base URL of the service on the demo store (writes allowed with TOKEN)."""
    with running(create_app(str(demo_store), token=TOKEN, pipeline=pipeline)) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(executable), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture
def watch() -> PageWatch:
    return PageWatch()


@pytest.fixture
def page(browser: Any, dashboard: str, watch: PageWatch) -> Iterator[Any]:
    """A fresh page on the dashboard; fails the test if it raised, logged an error or
    opened a dialog."""
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    watch.attach(opened)
    yield opened
    context.close()
    assert watch.dialogs == [], f"the page opened dialogs: {watch.dialogs}"
    assert watch.unexpected_errors() == [], f"the page reported errors: {watch.errors}"
