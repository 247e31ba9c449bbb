"""Exports of events: JSONL, flat CSV, ACLED's CSV and GeoJSON, written to any text stream."""

from ceasefire.export.acled import ACLED_COLUMNS
from ceasefire.export.writers import EXPORT_FORMATS, write_events

__all__ = ["ACLED_COLUMNS", "EXPORT_FORMATS", "write_events"]
