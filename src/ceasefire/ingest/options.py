"""Settings every ingest reader takes, filled from the CLI flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    """What the user told us about the inputs.

    For a single document (a text or HTML file) these win over what the file says;
    for containers of many documents (JSONL, CSV, feeds, WARC) each record's own
    values win and these only fill gaps.
    """

    published: date | None = None  # from a --published flag
    source: str | None = None  # from a --source flag
    encoding: str | None = None  # force a text encoding (a Python codec name)
