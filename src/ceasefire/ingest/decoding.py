"""Turning the bytes of a file into text, or a clear reason why they are not text."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import BinaryIO

from ceasefire.errors import InputError

# Leading bytes of common non-text formats people pass by mistake.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x7fELF", "executable"),
)

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SNIFF_SIZE = 8192
_MAX_CONTROL_SHARE = 0.05  # text has tabs and newlines, almost never other control characters
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


def open_binary(path: Path) -> BinaryIO:
    """The file opened for reading bytes; a missing or unreadable file is an ``InputError``."""
    origin = str(path)
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError("file not found: check the path", origin=origin) from None
    except IsADirectoryError:
        raise InputError("is a directory: pass the files in it", origin=origin) from None
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", origin=origin) from None


def read_file_bytes(path: Path) -> bytes:
    """The file's bytes; a missing or unreadable file is an ``InputError``."""
    with open_binary(path) as stream:
        try:
            return stream.read()
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror}", origin=str(path)) from None


def check_not_binary(raw: bytes, *, origin: str) -> None:
    """Refuse PDFs, images, archives and other binary data before decoding them as text."""
    for signature, kind in _BINARY_SIGNATURES:
        if raw.startswith(signature):
            raise InputError(
                f"binary file, not text (looks like a {kind}): convert it to text first",
                origin=origin,
            )
    if _bom_codec(raw) is None and _looks_binary(raw[:_SNIFF_SIZE]):
        raise InputError("binary file, not text: convert it to text first", origin=origin)


def check_not_empty(raw: bytes | str, *, origin: str) -> None:
    """Refuse a file with nothing but whitespace in it."""
    if isinstance(raw, bytes):
        raw = raw.removeprefix(codecs.BOM_UTF8)
    if not raw.strip():
        raise InputError("empty document: the file has no text", origin=origin)


def decode_text(raw: bytes, *, encoding: str | None, origin: str) -> str:
    """Decode ``raw`` as UTF-8 (or the BOM's UTF-16/32), or as ``encoding`` when forced.

    Newlines come out as ``\\n`` and a BOM is dropped, so offsets into the text are the
    same whatever platform wrote the file.
    """
    check_not_binary(raw, origin=origin)
    if encoding:
        codec = lookup_codec(encoding, origin=origin)
        text = _decode(raw, codec, origin=origin, hint="check --encoding")
    else:
        bom = _bom_codec(raw)
        if bom is not None:
            codec, size = bom
            text = _decode(raw[size:], codec, origin=origin, hint="the file is damaged")
        else:
            text = _decode(raw, "utf-8", origin=origin, hint=_ENCODING_HINT)
    text = text.removeprefix("\ufeff")
    if _looks_binary(text[:_SNIFF_SIZE]):
        raise InputError("binary file, not text: convert it to text first", origin=origin)
    return normalise_newlines(text)


def read_file_text(path: Path, *, encoding: str | None) -> str:
    """The decoded, non-empty text of the file at ``path``."""
    origin = str(path)
    raw = read_file_bytes(path)
    text = decode_text(raw, encoding=encoding, origin=origin)
    check_not_empty(text, origin=origin)
    return text


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_ENCODING_HINT = "if the file uses another encoding, pass it with --encoding (e.g. latin-1)"


def lookup_codec(encoding: str, *, origin: str) -> str:
    """The canonical name of a Python codec, or an ``InputError`` naming the bad one."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError(
            f"unknown encoding '{encoding}': use a Python codec name such as utf-8, "
            "latin-1 or cp1252",
            origin=origin,
        ) from None


def _decode(raw: bytes, codec: str, *, origin: str, hint: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codec == "utf-8" else codec
        raise InputError(f"invalid {name} at byte {exc.start}: {hint}", origin=origin) from None


def _bom_codec(raw: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return codec, len(bom)
    return None


def _looks_binary(sample: bytes | str) -> bool:
    chars = sample.decode("latin-1") if isinstance(sample, bytes) else sample
    if not chars:
        return False
    if "\x00" in chars:
        return True
    controls = sum(1 for c in chars if (c < " " and c not in _TEXT_CONTROLS) or c == "\x7f")
    return controls / len(chars) > _MAX_CONTROL_SHARE
