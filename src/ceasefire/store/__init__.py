"""The event store: schema, migrations and queries (SQLite by default, PostgreSQL by URL).

Usage::

    with open_store("events.db") as store:     # creates and migrates the file if needed
        store.add_document(doc, events)         # False if the document was already stored
        store.query_events(EventFilter(actor="hts", factual_only=True, limit=50))
"""

from ceasefire.store.connect import ENV_VAR, head_revision, migrations_config
from ceasefire.store.filters import BBox, EventFilter, parse_bbox
from ceasefire.store.store import Store, open_store

__all__ = [
    "ENV_VAR",
    "BBox",
    "EventFilter",
    "Store",
    "head_revision",
    "migrations_config",
    "open_store",
    "parse_bbox",
]
