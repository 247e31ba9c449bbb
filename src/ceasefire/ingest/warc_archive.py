"""Web archives (WARC, optionally gzipped), by warcio: each HTML response a Document.

The page's own date wins, then ``--published``, then the crawl time (WARC-Date);
``--source`` wins over the site name, then the host of the target URI. A bad record
is an ``InputError`` whose ``line`` is the record's position in the archive; a
truncated or corrupt archive ends with one ``InputError`` after what could be read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]
from warcio.exceptions import ArchiveLoadFailed  # type: ignore[import-untyped]

from ceasefire.errors import InputError
from ceasefire.ingest.dates import parse_published
from ceasefire.ingest.decoding import decode_text, lookup_codec, open_binary
from ceasefire.ingest.html_page import extract_article
from ceasefire.ingest.options import IngestOptions
from ceasefire.model import Document

# What warcio and the gzip layer raise on a cut-off or damaged archive. A record cut
# inside its headers surfaces from warcio's parser as almost anything (AttributeError,
# KeyError…), so those count as damage too: they come from the data, not from us.
_DAMAGED = (
    ArchiveLoadFailed,
    EOFError,
    OSError,
    zlib.error,
    ValueError,
    AttributeError,
    KeyError,
    IndexError,
    TypeError,
)
_CHUNK = 65536
_GZIP_MAGIC = b"\x1f\x8b"


def read_warc(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Every HTML response in the archive at ``path``; other records are skipped."""
    origin = str(path)
    try:
        if options.encoding:
            lookup_codec(options.encoding, origin=origin)
        stream = open_binary(path)
    except InputError as error:
        yield error
        return
    with stream:
        number = start = end = pages = 0
        archive = ArchiveIterator(stream)
        records = iter(archive)
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except _DAMAGED as exc:
                yield _damaged(exc, origin=origin, number=number + 1, started=number > 0)
                return
            number += 1
            try:
                page = _html_response(record)
                start = archive.get_record_offset()
                end = start + archive.get_record_length()
            except _DAMAGED as exc:
                yield _damaged(exc, origin=origin, number=number, started=number > 1)
                return
            if page is None:
                continue
            body, url, crawled = page
            pages += 1
            try:
                yield _page_document(body, url, crawled, options, origin=origin, number=number)
            except InputError as error:
                yield error
        damage = _left_over(stream, start, end)
    if damage is not None:
        yield _damaged(damage, origin=origin, number=number + 1, started=number > 0)
    elif number == 0:
        yield InputError(
            "no WARC records found: the file is empty, truncated or not a WARC archive",
            origin=origin,
        )
    elif pages == 0:
        # an archive cut right after its warcinfo record, or one of images and PDFs only
        yield InputError(
            f"no HTML page in the WARC archive: none of its {number} records is an HTML response",
            origin=origin,
        )


def _html_response(record: Any) -> tuple[bytes, str | None, str | None] | None:
    """Body, target URI and WARC-Date of an HTML response record; None for any other record.

    warcio hands back a cut-off record without complaint, so the record is read to its
    end and a shortfall against its Content-Length raised as ``EOFError``.
    """
    if record.format != "warc":
        # warcio also reads the older ARC format, and takes almost any text for it
        raise ArchiveLoadFailed(f"found an {record.format or 'unknown'} record, not a WARC one")
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if record.rec_type is None or not declared.isdigit():
        raise EOFError("the record's header is incomplete")
    page = None
    if record.rec_type == "response" and record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
        if "html" in content_type.lower():
            headers = record.rec_headers
            page = (
                record.content_stream().read(),
                headers.get_header("WARC-Target-URI"),
                headers.get_header("WARC-Date"),
            )
    while record.raw_stream.read(_CHUNK):
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise EOFError(f"the record ends {missing} bytes short of its Content-Length")
    return page


def _page_document(
    body: bytes,
    url: str | None,
    crawled: str | None,
    options: IngestOptions,
    *,
    origin: str,
    number: int,
) -> Document:
    html: str | bytes = body
    try:
        if options.encoding:
            html = decode_text(body, encoding=options.encoding, origin=origin)
        article = extract_article(html, origin=origin, url=url)
    except InputError as error:
        raise InputError(error.reason, origin=origin, line=number) from None
    published = article.published or options.published
    if published is None and crawled:
        try:
            published = parse_published(crawled)
        except InputError:
            published = None
    return Document.from_text(
        article.text,
        published=published,
        source=options.source or article.sitename or _host(url),
        url=url or article.url,
        title=article.title,
        origin=f"{origin}#record-{number}",
    )


def _damaged(exc: BaseException, *, origin: str, number: int, started: bool) -> InputError:
    detail = " ".join(str(exc).split()) or type(exc).__name__
    if not started:
        return InputError(
            f"not a readable WARC archive ({detail}): check the file is a .warc or .warc.gz",
            origin=origin,
        )
    return InputError(
        f"WARC archive is truncated or corrupt at record {number} ({detail}): "
        "the records before it were read; re-download or repair the file for the rest",
        origin=origin,
        line=number,
    )


def _left_over(stream: BinaryIO, start: int, end: int) -> BaseException | None:
    """Why the archive ends badly after its last complete record (at ``start:end``), if it does.

    warcio stops quietly at a record cut inside its header or inside a gzip member,
    dropping it without a word; bytes left unread after ``end`` show it, and a last
    gzip member without its end marker shows a file cut just before the next record.
    """
    stream.seek(end)
    while chunk := stream.read(_CHUNK):
        if chunk.strip():
            return EOFError("an incomplete record follows the last complete one")
    stream.seek(start)
    if end <= start or stream.read(2) != _GZIP_MAGIC:
        return None
    stream.seek(start)
    unzip = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip framing
    remaining = end - start
    try:
        while remaining > 0 and (chunk := stream.read(min(_CHUNK, remaining))):
            remaining -= len(chunk)
            unzip.decompress(chunk)
    except zlib.error as exc:
        return exc
    return None if unzip.eof else EOFError("the last gzip member is cut short")


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
