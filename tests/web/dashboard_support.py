"""The demo store, the live service and headless Chromium for the browser tests.

A uniquely named module, not conftest: helpers are imported from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.support import REPO, shared_path

from ceasefire.ingest import IngestOptions, read_documents_jsonl, read_text_file
from ceasefire.model import Document
from ceasefire.pipeline import Pipeline
from ceasefire.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = REPO / "artifacts"
TOKEN = "dashboard-test-token"

# Report text is untrusted: this one tries every way of running code in a page.
HOSTILE_TEXT = (
    "On 20 May 2020, Syrian government forces shelled the town of Ariha "
    "<script>window.__pwned = 'script'; alert('script')</script> and killed two civilians "
    "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">. Residents shared a link "
    "javascript:alert('link') and <a href=\"javascript:alert('a')\" onclick=\"alert('click')\">details</a>."
)
HOSTILE_SOURCE = "<b onmouseover=\"alert('source')\">Evil Wire</b>"
HOSTILE_TITLE = "<img src=y onerror=\"alert('title')\">Hostile report"
# Stored by a reader that accepted it (the API refuses such a URL): shown as text, never a link.
HOSTILE_URL_DOCUMENT = Document.from_text(
    "On 21 May 2020, Syrian government forces shelled Ariha again, killing one civilian.",
    published=date(2020, 5, 22),
    source="Link Trap",
    url="javascript:window.__pwned='url';alert('url')",
    title="Link trap",
)


def build_demo_store(path: Path, pipeline: Pipeline) -> Path:
    """The demo corpus and the seed article coded into a fresh SQLite store at ``path``."""
    documents: list[Any] = list(read_documents_jsonl(REPO / "examples" / "idlib-2020.jsonl", IngestOptions()))
    seed = shared_path("seed", "caliphate-in-miniature.txt")
    documents.append(
        read_text_file(seed, IngestOptions(published=date(2020, 5, 12), source="South Front"))
    )
    documents.append(HOSTILE_URL_DOCUMENT)
    with open_store(path) as store:
        for document in documents:
            assert isinstance(document, Document), document
            store.add_document(document, pipeline.code(document))
    return path


def require_chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium; "
            "run scripts/system-deps.sh (or `make test`) to install it"
        )
    return CHROMIUM


@dataclass
class PageWatch:
    """What a page did that it never should: dialogs, script errors, console errors."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=list)

    def expect_error(self, fragment: str) -> None:
        """An error the test provokes on purpose (e.g. a 422 for a bad filter)."""
        self.expected.append(fragment)

    def unexpected_errors(self) -> list[str]:
        return [e for e in self.errors if not any(f in e for f in self.expected)]

    def attach(self, page: Any) -> None:
        def on_dialog(dialog: Any) -> None:
            self.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on(
            "console",
            lambda message: self.errors.append(f"console {message.type}: {message.text}")
            if message.type == "error"
            else None,
        )
        page.on("request", lambda request: self.requests.append(request.url))
