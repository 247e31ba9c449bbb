"""WARC archives built with warcio's own writer: HTML responses in, the rest skipped."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from ingest_helpers import ARTICLE_HTML, only_error, read_all
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ceasefire.errors import InputError
from ceasefire.ingest import IngestOptions
from ceasefire.model import Document

UNDATED_PAGE = """<html><head><title>Patrol on the M4</title></head><body><article>
<h1>Patrol on the M4</h1>
<p>Russian military police and Turkish troops held a joint patrol along the M4 highway,
passing the site of the former protest camp near Nayrab, residents said on Thursday.</p>
<p>The patrol reached the eastern entrance of Ariha for the first time since March.</p>
</article></body></html>"""


def build_warc(path: Path, *, gzip: bool) -> Path:
    """An archive of: a request, an HTML article, a PNG, an undated HTML page."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(
            writer.create_warc_record(
                "https://levant.example/kafr-nabl",
                "request",
                payload=io.BytesIO(b"GET /kafr-nabl HTTP/1.1\r\nHost: levant.example\r\n\r\n"),
            )
        )
        pages = [
            ("https://levant.example/kafr-nabl", "text/html; charset=utf-8", ARTICLE_HTML.encode()),
            ("https://levant.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://watch.example/patrol", "text/html", UNDATED_PAGE.encode()),
        ]
        for url, content_type, body in pages:
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=http,
                warc_headers_dict={"WARC-Date": "2020-05-09T06:00:00Z"},
            )
            writer.write_record(record)
    return path


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_html_responses_become_documents(tmp_path: Path, name: str) -> None:
    path = build_warc(tmp_path / name, gzip=name.endswith(".gz"))
    results = read_all(path)
    assert all(isinstance(r, Document) for r in results), results
    article, patrol = results
    assert isinstance(article, Document) and isinstance(patrol, Document)
    assert article.text.startswith("Government artillery shelled the town of Kafr Nabl")
    assert article.url == "https://levant.example/kafr-nabl"
    assert article.published == date(2020, 5, 7)  # the page's own date beats WARC-Date
    assert article.source == "Levant Monitor"
    assert article.origin == f"{path}#record-2"
    assert patrol.text.startswith("Russian military police and Turkish troops")
    assert patrol.published == date(2020, 5, 9)  # nothing better than the crawl date
    assert patrol.source == "watch.example"
    assert patrol.title == "Patrol on the M4"


def test_options_fill_gaps_before_the_crawl_date(tmp_path: Path) -> None:
    path = build_warc(tmp_path / "crawl.warc", gzip=False)
    options = IngestOptions(published=date(2020, 5, 8), source="Crawl 7")
    article, patrol = read_all(path, options)
    assert isinstance(article, Document) and isinstance(patrol, Document)
    assert article.published == date(2020, 5, 7)
    assert patrol.published == date(2020, 5, 8)
    assert article.source == patrol.source == "Crawl 7"


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_truncated_warc_keeps_what_was_read(tmp_path: Path, name: str) -> None:
    whole = build_warc(tmp_path / f"whole-{name}", gzip=name.endswith(".gz")).read_bytes()
    if name.endswith(".gz"):
        cut_in_last_page = len(whole) - 40  # inside the last record's gzip member
    else:
        cut_in_last_page = whole.rindex(b"</article>")  # inside the last record's body
    path = tmp_path / name
    path.write_bytes(whole[:cut_in_last_page])
    results = read_all(path)
    assert [type(r) for r in results] == [Document, InputError]
    article, error = results
    assert isinstance(article, Document) and isinstance(error, InputError)
    assert article.url == "https://levant.example/kafr-nabl"
    assert error.reason.startswith("WARC archive is truncated or corrupt at record 4")
    assert error.line == 4 and "\n" not in str(error)


def _record_ends(data: bytes) -> set[int]:
    """Where each record of an archive ends: a cut there leaves a whole, shorter archive."""
    archive = ArchiveIterator(io.BytesIO(data))
    ends = set()
    for _record in archive:
        ends.add(archive.get_record_offset() + archive.get_record_length())
    return ends


def test_every_cut_point_ends_in_an_error(tmp_path: Path) -> None:
    whole = build_warc(tmp_path / "whole.warc.gz", gzip=True).read_bytes()
    path = tmp_path / "cut.warc.gz"
    whole_archives = _record_ends(whole)  # record IDs are random, so where records end differs from run to run
    for cut in range(1, len(whole), 53):
        if cut in whole_archives:
            continue
        path.write_bytes(whole[:cut])
        results = read_all(path)
        assert isinstance(results[-1], InputError), (cut, results)
        assert all(isinstance(r, Document) for r in results[:-1]), (cut, results)


def test_an_archive_without_html_pages_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "requests.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        request = io.BytesIO(b"GET / HTTP/1.1\r\nHost: levant.example\r\n\r\n")
        writer.write_record(writer.create_warc_record("https://levant.example/", "request", payload=request))
    assert only_error(path).reason.startswith("no HTML page in the WARC archive")


def test_not_a_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("These are notes, not an archive.\n", encoding="utf-8")
    assert only_error(path).reason.startswith("not a readable WARC archive")


def test_empty_warc_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc.gz"
    path.write_bytes(b"")
    assert only_error(path).reason.startswith("no WARC records found")
