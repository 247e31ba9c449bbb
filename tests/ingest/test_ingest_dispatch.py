"""``read_path``: the reader chosen by extension and content; nothing raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import ARTICLE_HTML, only_document, only_error

from ceasefire.ingest import (
    choose_reader,
    read_documents_csv,
    read_documents_jsonl,
    read_feed,
    read_warc,
)

REPORT = "Shelling hit Kansafra on Sunday, a monitor said.\n"


@pytest.mark.parametrize(
    ("name", "reader"),
    [
        ("a.jsonl", read_documents_jsonl),
        ("a.NDJSON", read_documents_jsonl),
        ("a.csv", read_documents_csv),
        ("a.warc", read_warc),
        ("a.warc.gz", read_warc),
        ("a.rss", read_feed),
        ("a.atom", read_feed),
    ],
)
def test_record_and_feed_formats_by_extension(tmp_path: Path, name: str, reader: object) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert choose_reader(path) is reader


@pytest.mark.parametrize("name", ["report.txt", "report.text", "report.md", "report", "r.log"])
def test_other_files_are_plain_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(REPORT, encoding="utf-8")
    assert only_document(path).text == REPORT.strip()


def test_page_saved_with_xml_declaration_is_html(tmp_path: Path) -> None:
    path = tmp_path / "page.xml"
    path.write_text('<?xml version="1.0"?>\n' + ARTICLE_HTML.split("\n", 1)[1], encoding="utf-8")
    assert only_document(path).title == "Shelling kills three in Kafr Nabl"


def test_directory_is_an_error_not_an_exception(tmp_path: Path) -> None:
    error = only_error(tmp_path)
    assert error.reason.startswith("is a directory")


def test_missing_file_is_an_error_for_every_reader(tmp_path: Path) -> None:
    for name in ("gone.txt", "gone.html", "gone.rss", "gone.jsonl", "gone.csv", "gone.warc"):
        error = only_error(tmp_path / name)
        assert error.origin == str(tmp_path / name)
        assert error.reason == "file not found: check the path"
