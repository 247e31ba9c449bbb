"""JSONL and CSV files of documents: per-line errors, precedence, ids."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from ingest_helpers import ARTICLE_HTML, only_error, read_all

from ceasefire.errors import InputError
from ceasefire.ingest import IngestOptions, read_documents_jsonl
from ceasefire.model import Document, content_id

GOOD = {
    "id": "idlib-001",
    "text": "Two soldiers were killed by a roadside bomb near Ariha on Sunday.",
    "published": "2020-05-03",
    "source": "SANA",
    "url": "https://example.org/ariha",
    "title": "Bomb near Ariha",
}


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_bad_line_is_reported_and_the_others_read(tmp_path: Path) -> None:
    second = {"text": "Shelling on Kansafra wounded a woman.", "id": 7}
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [json.dumps(GOOD), "", "{not json", json.dumps(second), "   "],
    )
    results = read_all(path)
    assert [type(r) for r in results] == [Document, InputError, Document]
    first, error, last = results
    assert isinstance(first, Document) and isinstance(error, InputError)
    assert isinstance(last, Document)
    assert error.line == 3 and error.origin == str(path)
    assert error.reason.startswith("not valid JSON: ")
    assert str(error).startswith(f"{path}:3: not valid JSON")
    assert first.text == GOOD["text"]
    assert first.id == content_id(GOOD["text"])
    assert first.external_id == "idlib-001"
    assert (first.published, first.source, first.url, first.title) == (
        date(2020, 5, 3),
        "SANA",
        "https://example.org/ariha",
        "Bomb near Ariha",
    )
    assert first.origin == f"{path}:1"
    assert last.external_id == "7" and last.origin == f"{path}:4"


def test_jsonl_record_values_win_and_options_fill_gaps(tmp_path: Path) -> None:
    bare = {"text": "A drone strike hit a car near Sarmada."}
    path = write_jsonl(tmp_path / "docs.ndjson", [json.dumps(GOOD), json.dumps(bare)])
    options = IngestOptions(published=date(2020, 6, 1), source="Flag Source")
    own, filled = read_documents_jsonl(path, options)
    assert isinstance(own, Document) and isinstance(filled, Document)
    assert (own.published, own.source) == (date(2020, 5, 3), "SANA")
    assert (filled.published, filled.source) == (date(2020, 6, 1), "Flag Source")


def test_jsonl_bad_date_and_missing_text_are_line_errors(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "docs.jsonl",
        [
            json.dumps({**GOOD, "published": "xyz"}),
            json.dumps({"id": "x", "title": "no body"}),
            json.dumps(["not", "an", "object"]),
            json.dumps({"text": "   "}),
            json.dumps({"text": 42}),
            json.dumps(GOOD),
        ],
    )
    results = read_all(path)
    errors = [r for r in results if isinstance(r, InputError)]
    assert [e.line for e in errors] == [1, 2, 3, 4, 5]
    assert errors[0].reason == "unparseable date 'xyz': use YYYY-MM-DD"
    assert "no 'text' or 'html'" in errors[1].reason
    assert "JSON object" in errors[2].reason
    assert errors[3].reason.startswith("empty document")
    assert "must be a string" in errors[4].reason
    assert isinstance(results[-1], Document) and results[-1].external_id == "idlib-001"


def test_jsonl_html_record_goes_through_the_html_reader(tmp_path: Path) -> None:
    record = {"id": "p1", "html": ARTICLE_HTML, "source": "Record Source"}
    path = write_jsonl(tmp_path / "pages.jsonl", [json.dumps(record)])
    (document,) = read_all(path, IngestOptions(published=date(2021, 1, 1)))
    assert isinstance(document, Document)
    assert document.text.startswith("Government artillery shelled the town of Kafr Nabl")
    assert "<p>" not in document.text
    assert document.title == "Shelling kills three in Kafr Nabl"
    assert document.source == "Record Source"  # the record's own wins
    assert document.published == date(2020, 5, 7)  # the page's date beats the option


def test_jsonl_text_is_cleaned_of_footer(tmp_path: Path) -> None:
    record = {"text": GOOD["text"] + "\n\nShare this article\n\nAll rights reserved."}
    (document,) = read_all(write_jsonl(tmp_path / "docs.jsonl", [json.dumps(record)]))
    assert isinstance(document, Document) and document.text == GOOD["text"]


def test_jsonl_empty_and_binary_files_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"\n\n")
    assert only_error(empty).reason.startswith("empty document")
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x08\x00")
    assert only_error(binary).reason.startswith("binary file, not text")


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_csv_rows_become_documents_with_line_numbers(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "docs.csv",
        ["ID", "Text", "Published", "Source", "URL", "Title"],
        [
            [
                "a1",
                "Clashes erupted in Jabal al-Zawiya.\nTwo fighters died.",
                "2020-05-06",
                "",
                "",
                "",
            ],
            ["a2", "", "2020-05-06", "", "", ""],
            ["a3", "A checkpoint was attacked in Daraa.", "someday", "", "", ""],
            ["a4", "Protesters gathered in Idlib city.", "", "Local", "", "Protest"],
        ],
    )
    results = read_all(path, IngestOptions(source="Flag", published=date(2020, 5, 9)))
    assert [type(r) for r in results] == [Document, InputError, InputError, Document]
    first, missing, bad_date, last = results
    assert isinstance(first, Document) and isinstance(last, Document)
    assert isinstance(missing, InputError) and isinstance(bad_date, InputError)
    assert missing.reason.startswith("empty document")
    assert first.text == "Clashes erupted in Jabal al-Zawiya.\nTwo fighters died."
    assert first.external_id == "a1" and first.source == "Flag"
    assert first.published == date(2020, 5, 6)
    # the quoted two-line text of row 1 makes the next rows start one line later
    assert (missing.line, bad_date.line) == (4, 5)
    assert bad_date.reason == "unparseable date 'someday': use YYYY-MM-DD"
    assert (last.source, last.title, last.published) == ("Local", "Protest", date(2020, 5, 9))
    assert last.origin == f"{path}:6"


def test_csv_without_text_column_is_a_file_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "docs.csv", ["id", "body"], [["1", "Shelling in Idlib."]])
    error = only_error(path)
    assert "no 'text' or 'html' column" in error.reason
    assert "\n" not in str(error)


def test_csv_html_column(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "pages.csv", ["id", "html"], [["p1", ARTICLE_HTML]])
    (document,) = read_all(path)
    assert isinstance(document, Document)
    assert document.text.startswith("Government artillery shelled")


def test_csv_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("   \n", encoding="utf-8")
    assert only_error(path).reason.startswith("empty document")
