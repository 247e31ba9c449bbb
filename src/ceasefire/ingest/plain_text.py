"""Plain-text reports (.txt, .md): decoded, trimmed of site boilerplate, kept otherwise as is."""

from __future__ import annotations

from pathlib import Path

from ceasefire.errors import InputError
from ceasefire.ingest.boilerplate import strip_boilerplate
from ceasefire.ingest.decoding import normalise_newlines, read_file_text
from ceasefire.ingest.options import IngestOptions
from ceasefire.model import Document

_MAX_TITLE_CHARS = 200
_SENTENCE_ENDS = tuple(".,;:!?")


def read_text(text: str, options: IngestOptions, *, origin: str) -> Document:
    """A report given as text; raises ``InputError`` if nothing is left after cleaning."""
    cleaned = clean_text(text)
    if not cleaned:
        raise InputError("empty document: the file has no text", origin=origin)
    return Document.from_text(
        cleaned,
        published=options.published,
        source=options.source,
        title=guess_title(cleaned),
        origin=origin,
    )


def read_text_file(path: Path, options: IngestOptions) -> Document:
    """A text file as a Document; raises ``InputError`` for empty, binary or mis-encoded files."""
    text = read_file_text(path, encoding=options.encoding)
    return read_text(text, options, origin=str(path))


def clean_text(text: str) -> str:
    """The text a Document keeps: ``\\n`` newlines, no boilerplate at either end, trimmed."""
    return strip_boilerplate(normalise_newlines(text))


def guess_title(text: str) -> str | None:
    """The first line, when it reads as a headline: short, alone in its paragraph,
    not ending like a sentence, and followed by more text."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not sep or not rest.startswith("\n") or not rest.strip():
        return None
    if not first or len(first) > _MAX_TITLE_CHARS or first.endswith(_SENTENCE_ENDS):
        return None
    return first
