"""Documents given as records: JSONL (one JSON object a line) and CSV (one row each).

Fields: ``id``, ``text`` (or ``html``), ``published``, ``source``, ``url``, ``title``.
A record's own values win; the options only fill gaps. A bad record is yielded as
an ``InputError`` with its line number and the other records still come through.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ceasefire.errors import InputError
from ceasefire.ingest.dates import parse_published
from ceasefire.ingest.decoding import read_file_text
from ceasefire.ingest.html_page import extract_article
from ceasefire.ingest.options import IngestOptions
from ceasefire.ingest.plain_text import clean_text
from ceasefire.model import Document

RECORD_FIELDS = ("id", "text", "html", "published", "source", "url", "title")


def read_documents_jsonl(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Each JSON object of a JSONL file as a Document; blank lines are skipped."""
    origin = str(path)
    try:
        text = read_file_text(path, encoding=options.encoding)
    except InputError as error:
        yield error
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(
                f"not valid JSON: {exc.msg} at column {exc.colno}", origin=origin, line=number
            )
            continue
        if not isinstance(record, dict):
            yield InputError(
                f"expected a JSON object with a 'text' field, got {type(record).__name__}",
                origin=origin,
                line=number,
            )
            continue
        yield _document_or_error(record, options, origin=origin, line=number)


def read_documents_csv(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Each row of a CSV file with a header as a Document."""
    origin = str(path)
    try:
        text = read_file_text(path, encoding=options.encoding)
    except InputError as error:
        yield error
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error) as exc:
        yield InputError(f"unreadable CSV header: {exc}", origin=origin, line=1)
        return
    if "text" not in header and "html" not in header:
        yield InputError(
            "CSV header has no 'text' or 'html' column: the first row must name the columns "
            f"({', '.join(RECORD_FIELDS)})",
            origin=origin,
            line=1,
        )
        return
    while True:
        number = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(
                f"unreadable CSV ({exc}): the rest of the file is skipped",
                origin=origin,
                line=number,
            )
            return
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row, strict=False))
        yield _document_or_error(record, options, origin=origin, line=number)


def document_from_record(
    record: Mapping[str, Any], options: IngestOptions, *, origin: str, line: int
) -> Document:
    """A Document from one record; raises ``InputError`` naming the line.

    ``text`` wins over ``html`` when both are given. Document.id is always the content
    hash; the record's ``id`` is kept as ``external_id``.
    """
    where = f"{origin}:{line}"
    text = _field(record, "text", origin=origin, line=line)
    html = _field(record, "html", origin=origin, line=line)
    published_value = _field(record, "published", origin=origin, line=line)
    published = (
        parse_published(published_value, origin=origin, line=line) if published_value else None
    )
    source = _field(record, "source", origin=origin, line=line)
    url = _field(record, "url", origin=origin, line=line)
    title = _field(record, "title", origin=origin, line=line)
    external_id = _field(record, "id", origin=origin, line=line)
    if text is not None:
        body = clean_text(text)
        if not body:
            raise InputError("empty document: the record's text is blank", origin=origin, line=line)
    elif html is not None:
        try:
            article = extract_article(html, origin=origin, url=url)
        except InputError as error:
            raise InputError(error.reason, origin=origin, line=line) from None
        body = article.text
        published = published or article.published
        source = source or article.sitename
        url = url or article.url
        title = title or article.title
    elif "text" in record or "html" in record:
        raise InputError("empty document: the record's text is blank", origin=origin, line=line)
    else:
        raise InputError(
            "record has no 'text' or 'html': give the report's text in one of them",
            origin=origin,
            line=line,
        )
    return Document.from_text(
        body,
        published=published or options.published,
        source=source or options.source,
        url=url,
        title=title,
        origin=where,
        external_id=external_id,
    )


def _document_or_error(
    record: Mapping[str, Any], options: IngestOptions, *, origin: str, line: int
) -> Document | InputError:
    try:
        return document_from_record(record, options, origin=origin, line=line)
    except InputError as error:
        return error


def _field(record: Mapping[str, Any], name: str, *, origin: str, line: int) -> str | None:
    """A field as a non-blank string or None; an integer is fine for ``id``."""
    value = record.get(name)
    if value is None:
        return None
    if name == "id" and isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(
            f"field '{name}' must be a string, got {type(value).__name__}",
            origin=origin,
            line=line,
        )
    return value if value.strip() else None
