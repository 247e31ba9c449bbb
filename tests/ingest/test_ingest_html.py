"""HTML pages: main text by trafilatura, metadata as fallback, clear errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ingest_helpers import ARTICLE_HTML, only_document, only_error

from ceasefire.errors import InputError
from ceasefire.ingest import IngestOptions, read_html
from ceasefire.model import content_id

FIRST = "Government artillery shelled the town of Kafr Nabl in southern Idlib on Tuesday morning,"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_article_text_only_with_title_and_metadata(tmp_path: Path) -> None:
    document = only_document(write(tmp_path, "kafr-nabl.html", ARTICLE_HTML))
    assert document.text.startswith(FIRST)
    paragraphs = document.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[2] == ("Turkish and Russian officials did not comment on the incident by Wednesday evening.")
    assert "Home" not in document.text and "Subscribe" not in document.text
    assert "Contact us" not in document.text
    assert document.title == "Shelling kills three in Kafr Nabl"
    assert "Shelling kills three" not in document.text  # the title has its own field
    assert document.published == date(2020, 5, 7)
    assert document.source == "Levant Monitor"
    assert document.id == content_id(document.text)


def test_a_section_label_above_the_heading_is_no_article_text(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Rockets hit Saraqib</title></head><body><article><p>Ceasefire watch</p>"
        "<h1>Rockets hit Saraqib</h1><p>" + FIRST + " the monitor said, and rockets hit Saraqib on Wednesday "
        "morning, wounding two men.</p><p>Residents said the shelling lasted an hour and damaged several houses "
        "near the market.</p></article></body></html>"
    )
    document = only_document(write(tmp_path, "saraqib.html", page))
    assert document.title == "Rockets hit Saraqib"
    assert document.text.startswith(FIRST)


def test_options_win_for_a_single_page(tmp_path: Path) -> None:
    options = IngestOptions(published=date(2020, 5, 8), source="SOHR")
    document = only_document(write(tmp_path, "kafr-nabl.htm", ARTICLE_HTML), options)
    assert document.published == date(2020, 5, 8)
    assert document.source == "SOHR"


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    page = "<html><head><title>Menu</title><script>var x = 1;</script></head><body></body></html>"
    error = only_error(write(tmp_path, "empty-page.html", page))
    assert error.reason.startswith("no article text found in HTML")


def test_malformed_html_still_gives_text(tmp_path: Path) -> None:
    page = (
        "<html><body><div><p>Rockets hit the village of Ain Larouz, killing two children"
        "<p>Rescue workers said the strike came at <b>dawn<i> on Friday"
    )
    document = only_document(write(tmp_path, "broken.html", page))
    assert "Rockets hit the village of Ain Larouz, killing two children" in document.text
    assert "dawn on Friday" in document.text


def test_empty_html_file_is_an_error(tmp_path: Path) -> None:
    assert only_error(write(tmp_path, "empty.html", " \n")).reason.startswith("empty document")


def test_binary_html_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "shot.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert only_error(path).reason.startswith("binary file, not text")


def test_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = ARTICLE_HTML.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("Kafr Nabl in southern", "Kafr Nabl – in southern")
    document = only_document(write(tmp_path, "cp1252.html", page.encode("cp1252")))
    assert "Kafr Nabl – in southern" in document.text


def test_html_saved_as_txt_is_sniffed(tmp_path: Path) -> None:
    document = only_document(write(tmp_path, "saved-page.txt", ARTICLE_HTML))
    assert document.text.startswith(FIRST)


def test_read_html_raises_for_a_caller_with_one_page() -> None:
    with pytest.raises(InputError) as caught:
        read_html("<html><body></body></html>", IngestOptions(), origin="https://x.example/a")
    assert caught.value.origin == "https://x.example/a"


def test_markup_that_trips_the_date_extractor_still_gives_text(tmp_path: Path) -> None:
    # htmldate (trafilatura 2.3) fails an assertion on this tree; the text is still there
    page = (
        "<math><html><body><table><tr><td><?xml version='1.0'?>&amp;</p>"
        "Shelling hit the town of Ariha on Monday, killing two civilians, rescuers said."
    )
    document = only_document(write(tmp_path, "odd.html", page))
    assert "Shelling hit the town of Ariha on Monday" in document.text
