"""Plain-text reports: decoding, refusals, and the cut of site boilerplate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from ingest_helpers import only_document, only_error

from ceasefire.ingest import IngestOptions, read_text, strip_boilerplate
from ceasefire.model import content_id

SEED = Path(__file__).parents[2].parent / "shared" / "seed" / "caliphate-in-miniature.txt"
SEED_LAST_SENTENCE = (
    "It will justify this move by the need to protect civilians and claiming that "
    "Damascus is not able to effectively battle the international terrorism."
)

REPORT = (
    "Clashes near Saraqib\n"
    "\n"
    "Two fighters were killed near Saraqib on Monday, a monitor said.\n"
    "\n"
    "The ceasefire has largely held since March.\n"
)


@pytest.fixture
def seed_bytes() -> bytes:
    if not SEED.is_file():
        pytest.fail(f"seed report missing: expected it at {SEED}")
    return SEED.read_bytes()


def test_seed_footer_is_cut_and_article_kept_byte_for_byte(seed_bytes: bytes) -> None:
    document = only_document(SEED)
    raw = seed_bytes.decode("utf-8")
    assert "\r" not in raw  # so the cleaned text must be an exact prefix of the file
    cut_at = raw.index(SEED_LAST_SENTENCE) + len(SEED_LAST_SENTENCE)
    assert document.text == raw[:cut_at]
    assert document.text.encode("utf-8") == seed_bytes[: len(document.text.encode("utf-8"))]
    for footer in (
        "Note to readers",
        "share buttons",
        "Support South Front",
        "PayPal",
        "Articles by:",
        "Disclaimer:",
        "copyrighted material",
        "For media inquiries",
    ):
        assert footer not in document.text
    assert not document.text.rstrip().endswith("*")  # the lone "*" separator goes too


def test_seed_keeps_headline_and_label_and_reads_title(seed_bytes: bytes) -> None:
    document = only_document(SEED)
    title = "Video: Caliphate in Miniature: Rift Between Turkey and Al-Qaeda in Idlib"
    assert document.title == title
    # the label follows the headline, so dropping it would cut inside the text: kept
    assert document.text.startswith(f"{title}\n\nIn-depth Report:\n\nIn the second half of April")
    assert document.origin == str(SEED)
    assert document.id == content_id(document.text)


def test_options_fill_published_and_source(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    options = IngestOptions(published=date(2020, 5, 4), source="Enab Baladi")
    document = only_document(path, options)
    assert document.published == date(2020, 5, 4)
    assert document.source == "Enab Baladi"
    assert document.text == REPORT.strip()
    assert document.title == "Clashes near Saraqib"


@pytest.mark.parametrize("name", ["empty.txt", "notes.md", "report.text"])
def test_empty_file_is_an_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    error = only_error(path)
    assert error.reason.startswith("empty document")
    assert error.origin == str(path)


def test_whitespace_only_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\t\r\n   \n")
    assert only_error(path).reason.startswith("empty document")


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00report.txt",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03",
        b"Some words\x00\x00\x00 then NUL bytes",
        bytes(range(1, 32)) * 20,
    ],
    ids=["pdf", "png", "zip", "gzip", "nul", "controls"],
)
def test_binary_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    assert only_error(path).reason.startswith("binary file, not text")


def test_invalid_utf8_names_the_byte_and_suggests_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Attaque à Idlib".encode("latin-1"))
    error = only_error(path)
    assert "invalid UTF-8 at byte 8" in error.reason
    assert "--encoding" in error.reason
    assert "\n" not in str(error)


def test_forced_encoding_reads_latin1(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Attaque à Maarat al-Numan, deux morts.\r\n".encode("latin-1"))
    document = only_document(path, IngestOptions(encoding="latin-1"))
    assert document.text == "Attaque à Maarat al-Numan, deux morts."


def test_unknown_encoding_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    error = only_error(path, IngestOptions(encoding="klingon-8"))
    assert error.reason.startswith("unknown encoding 'klingon-8'")


def test_forced_encoding_that_does_not_fit_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("Attaque à Idlib".encode("latin-1"))
    error = only_error(path, IngestOptions(encoding="ascii"))
    assert "at byte 8" in error.reason and "--encoding" in error.reason


def test_bom_and_windows_newlines_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + REPORT.replace("\n", "\r\n").encode("utf-8"))
    document = only_document(path)
    assert document.text == REPORT.strip()
    assert "\r" not in document.text and not document.text.startswith("\ufeff")


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(REPORT.encode("utf-16"))  # Python writes the BOM
    assert only_document(path).text == REPORT.strip()


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    error = only_error(tmp_path / "nowhere.txt")
    assert error.reason.startswith("file not found")


def test_leading_label_at_the_very_start_is_dropped() -> None:
    document = read_text("In-depth Report:\n\n" + REPORT, IngestOptions(), origin="x")
    assert document.text == REPORT.strip()


def test_boilerplate_words_inside_the_article_are_kept() -> None:
    body = (
        "Disclaimer: the figures below come from one monitor only.\n\n"
        "Three people were killed in Ariha, it said. Share this with care.\n\n"
        "Note to readers: Ariha lies on the M4 highway.\n\n"
        "The monitor said the strikes continued into the night."
    )
    assert strip_boilerplate(body) == body


def test_footer_after_article_is_cut_but_article_end_is_not() -> None:
    body = "Shelling hit Kansafra on Sunday, a monitor said.\n\nNo casualties were reported."
    footer = "\n\n* * *\n\nShare\nTweet\nEmail\n\nCopyright © 2020 Example Media\n"
    assert strip_boilerplate(body + footer) == body


def test_footer_marker_cuts_even_an_unknown_footer_paragraph() -> None:
    body = "Shelling hit Kansafra on Sunday, a monitor said."
    footer = "\n\nNote to readers: please share.\n\nWe rely on you, dear reader.\n\nTags: Idlib"
    assert strip_boilerplate(body + footer) == body


def test_first_paragraph_is_never_cut_so_no_report_is_lost() -> None:
    only_footer = "Disclaimer: views are the author's own.\n\nAll rights reserved."
    assert strip_boilerplate(only_footer) == "Disclaimer: views are the author's own."
    assert strip_boilerplate("In-depth Report:\n\nBreaking") == "In-depth Report:\n\nBreaking"
