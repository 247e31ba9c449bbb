"""RSS and Atom feeds, by feedparser: each item a Document.

An item's own date wins over ``--published`` (the feed dates each item); the
``--source`` flag wins over the feed's title. A bad item is yielded as an
``InputError`` whose ``line`` is the item's position in the feed (1-based).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

import feedparser  # type: ignore[import-untyped]

from ceasefire.errors import InputError
from ceasefire.ingest.dates import parse_published
from ceasefire.ingest.decoding import (
    check_not_binary,
    check_not_empty,
    lookup_codec,
    read_file_bytes,
)
from ceasefire.ingest.html_text import fragment_text
from ceasefire.ingest.options import IngestOptions
from ceasefire.ingest.plain_text import clean_text
from ceasefire.model import Document


def read_feed(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Every item of the RSS or Atom feed at ``path``; a feed that can't be read is one error."""
    origin = str(path)
    try:
        raw = read_file_bytes(path)
        check_not_binary(raw, origin=origin)
        check_not_empty(raw, origin=origin)
        headers = {}
        if options.encoding:
            charset = lookup_codec(options.encoding, origin=origin)
            headers["content-type"] = f"application/xml; charset={charset}"
    except InputError as error:
        yield error
        return
    yield from read_feed_bytes(raw, options, origin=origin, response_headers=headers)


def read_feed_bytes(
    raw: bytes,
    options: IngestOptions,
    *,
    origin: str,
    response_headers: Mapping[str, str] | None = None,
) -> Iterator[Document | InputError]:
    """Every item of a feed given as bytes (a file, a download)."""
    parsed = feedparser.parse(raw, response_headers=dict(response_headers or {}))
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        if isinstance(problem, SAXParseException) or not parsed.get("version"):
            detail = f" ({_one_line(problem)})" if problem is not None else ""
            yield InputError(
                f"not a readable RSS or Atom feed{detail}: check the file is a feed",
                origin=origin,
            )
        else:
            yield InputError("feed has no items: nothing to read", origin=origin)
        return
    feed_title = _clean(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        try:
            yield _item_document(entry, options, feed_title, origin=origin, number=number)
        except InputError as error:
            yield error
    problem = parsed.get("bozo_exception")
    if isinstance(problem, SAXParseException):
        # feedparser reads on past broken XML; say so, since items may be missing or cut
        yield InputError(
            f"malformed feed XML ({_one_line(problem)}): items after the error may be "
            "missing or incomplete; check the file",
            origin=origin,
        )


def _item_document(
    entry: Mapping[str, Any],
    options: IngestOptions,
    feed_title: str | None,
    *,
    origin: str,
    number: int,
) -> Document:
    text = clean_text(_item_text(entry))
    if not text:
        raise InputError(
            "feed item has no content or summary text: nothing to read", origin=origin, line=number
        )
    return Document.from_text(
        text,
        published=_item_date(entry, origin=origin, number=number) or options.published,
        source=options.source or feed_title,
        url=_clean(entry.get("link")),
        title=_clean(entry.get("title")),
        origin=f"{origin}#item-{number}",
        external_id=_clean(entry.get("id")),
    )


def _item_text(entry: Mapping[str, Any]) -> str:
    """The fullest text the item carries: its content, else its summary."""
    parts = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if parts:
        return "\n\n".join(_as_text(c.get("value", ""), c.get("type")) for c in parts)
    summary = entry.get("summary") or ""
    summary_type = (entry.get("summary_detail") or {}).get("type")
    return _as_text(summary, summary_type)


def _as_text(value: str, content_type: str | None) -> str:
    if content_type == "text/plain":
        return value
    return fragment_text(value)


def _item_date(entry: Mapping[str, Any], *, origin: str, number: int) -> date | None:
    """The date as written in the item, in its own time zone; feedparser's UTC reading
    is only the fallback, since it can move a late-evening item to the next day."""
    for key in ("published", "updated", "created"):
        written = entry.get(key)
        if not written:
            continue
        try:
            return parse_published(written, origin=origin, line=number)
        except InputError:
            parsed = entry.get(f"{key}_parsed")
            if parsed:
                return date(*parsed[:3])  # feedparser gives UTC
            raise
    return None


def _clean(value: Any) -> str | None:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    return text or None


def _one_line(problem: Any) -> str:
    return " ".join(str(problem).split())
