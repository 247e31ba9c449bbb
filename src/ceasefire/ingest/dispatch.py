"""Choosing the reader for a path, by its extension and by sniffing its first bytes."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from pathlib import Path

from ceasefire.errors import InputError
from ceasefire.ingest.decoding import open_binary
from ceasefire.ingest.document_records import read_documents_csv, read_documents_jsonl
from ceasefire.ingest.feeds import read_feed
from ceasefire.ingest.html_page import read_html_file
from ceasefire.ingest.options import IngestOptions
from ceasefire.ingest.plain_text import read_text_file
from ceasefire.ingest.warc_archive import read_warc
from ceasefire.model import Document

Reader = Callable[[Path, IngestOptions], Iterator[Document | InputError]]

_SNIFF_BYTES = 2048
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
_FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_FEED_MARKS = (b"<rss", b"<feed", b"<rdf:rdf")
_HTML_MARKS = (b"<!doctype html", b"<html")


def read_path(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
    """Every document in the file at ``path``, with the reader its type calls for.

    Nothing is raised for bad input: a file that can't be read at all is yielded as one
    ``InputError``, a bad record in a JSONL/CSV/feed/WARC file as an ``InputError`` with
    its line, so a batch of inputs goes on past them.
    """
    try:
        reader = choose_reader(path)
    except InputError as error:
        yield error
        return
    yield from reader(path, options)


def choose_reader(path: Path) -> Reader:
    """The reader for ``path``.

    Record formats (.jsonl, .ndjson, .csv, .warc, .warc.gz) go by extension alone. Any
    other file is sniffed first, so a feed or page saved as .txt (or with no extension)
    still reads as one; failing that, .html/.htm is HTML, .xml/.rss/.atom a feed, and
    everything else plain text (binary files are refused there).
    """
    name = path.name.lower()
    if name.endswith((".jsonl", ".ndjson")):
        return read_documents_jsonl
    if name.endswith(".csv"):
        return read_documents_csv
    if name.endswith((".warc", ".warc.gz")):
        return read_warc
    sniffed = _sniff(_head(path))
    if sniffed is not None:
        return sniffed
    if path.suffix.lower() in _HTML_SUFFIXES:
        return _single(read_html_file)
    if path.suffix.lower() in _FEED_SUFFIXES:
        return read_feed
    return _single(read_text_file)


def _head(path: Path) -> bytes:
    with open_binary(path) as stream:
        try:
            return stream.read(_SNIFF_BYTES)
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror}", origin=str(path)) from None


def _sniff(head: bytes) -> Reader | None:
    start = head.removeprefix(codecs.BOM_UTF8).lstrip().lower()
    if start.startswith(b"warc/"):
        return read_warc
    if start.startswith(_FEED_MARKS) or (
        start.startswith(b"<?xml") and any(mark in start for mark in _FEED_MARKS)
    ):
        return read_feed
    if start.startswith(_HTML_MARKS) or (start.startswith(b"<?xml") and b"<html" in start):
        return _single(read_html_file)
    return None


def _single(read: Callable[[Path, IngestOptions], Document]) -> Reader:
    """A reader of one document per file as an iterator that yields its error."""

    def read_one(path: Path, options: IngestOptions) -> Iterator[Document | InputError]:
        try:
            yield read(path, options)
        except InputError as error:
            yield error

    return read_one
