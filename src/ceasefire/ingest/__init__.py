"""The ingest stage: files, pages, feeds and archives in, ``Document`` records out.

One module per reader; ``read_path`` picks one by extension and content. Readers of a
single document raise ``InputError``; readers of files and of many records yield it in
place of the document, so one bad input does not stop a batch.
"""

from __future__ import annotations

from ceasefire.ingest.boilerplate import strip_boilerplate
from ceasefire.ingest.dates import parse_published
from ceasefire.ingest.dispatch import choose_reader, read_path
from ceasefire.ingest.document_records import (
    document_from_record,
    read_documents_csv,
    read_documents_jsonl,
)
from ceasefire.ingest.feeds import read_feed, read_feed_bytes
from ceasefire.ingest.html_page import extract_article, read_html, read_html_file
from ceasefire.ingest.options import IngestOptions
from ceasefire.ingest.plain_text import read_text, read_text_file
from ceasefire.ingest.warc_archive import read_warc

__all__ = [
    "IngestOptions",
    "choose_reader",
    "document_from_record",
    "extract_article",
    "parse_published",
    "read_documents_csv",
    "read_documents_jsonl",
    "read_feed",
    "read_feed_bytes",
    "read_html",
    "read_html_file",
    "read_path",
    "read_text",
    "read_text_file",
    "read_warc",
    "strip_boilerplate",
]
