"""The article of an HTML page, by trafilatura: main text only, with its metadata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import trafilatura

from ceasefire.errors import InputError
from ceasefire.ingest.boilerplate import strip_boilerplate
from ceasefire.ingest.decoding import (
    check_not_binary,
    check_not_empty,
    decode_text,
    read_file_bytes,
)
from ceasefire.ingest.html_text import join_paragraphs
from ceasefire.ingest.options import IngestOptions
from ceasefire.model import Document

# What trafilatura and the parsers under it raise on markup lxml can't make a sane tree of.
_BROKEN_MARKUP = (ValueError, TypeError, AttributeError, AssertionError)

_MIN_ARTICLE_WORDS = 5
NO_TEXT = "no article text found in HTML: save the article page itself, or its text as .txt"


@dataclass(frozen=True, kw_only=True)
class HtmlArticle:
    """What trafilatura found in a page, before options or record fields are applied."""

    text: str
    title: str | None = None
    published: date | None = None
    sitename: str | None = None
    url: str | None = None


def extract_article(html: str | bytes, *, origin: str, url: str | None = None) -> HtmlArticle:
    """The main text and metadata of a page; ``InputError`` if it has no article text.

    Bytes are decoded by trafilatura, which honours the page's declared charset. The
    heading that repeats the title is left out of the text: the title has its own field.
    """
    try:
        result = _extract(html, url=url, with_metadata=True)
    except _BROKEN_MARKUP:
        # the metadata extractors (htmldate) trip over some broken trees; the text may not
        try:
            result = _extract(html, url=url, with_metadata=False)
        except _BROKEN_MARKUP as exc:
            raise InputError(
                f"unreadable HTML ({type(exc).__name__}: {exc}): check the file is a web page",
                origin=origin,
            ) from exc
    if result is None or isinstance(result, dict):
        raise InputError(NO_TEXT, origin=origin)
    title = _clean(result.title)
    text = join_paragraphs(result.text or "")
    if title:
        # the heading, and a section label above it ("Ceasefire watch"), are not the article's text
        paragraphs = text.split("\n\n")
        wanted = " ".join(title.split()).casefold()
        for index, paragraph in enumerate(paragraphs[:3]):
            if " ".join(paragraph.split()).casefold() == wanted and index + 1 < len(paragraphs):
                text = "\n\n".join(paragraphs[index + 1 :])
                break
    text = strip_boilerplate(text)
    if len(text.split()) < _MIN_ARTICLE_WORDS:
        # a menu or a caption recovered from a page without an article is not one
        raise InputError(NO_TEXT, origin=origin)
    return HtmlArticle(
        text=text,
        title=title,
        published=_iso_date(result.date),
        sitename=_clean(result.sitename) or _clean(result.hostname),
        url=_clean(result.url) or url,
    )


def _extract(html: str | bytes, *, url: str | None, with_metadata: bool) -> Any:
    return trafilatura.bare_extraction(
        html, url=url, with_metadata=with_metadata, include_comments=False, favor_recall=True
    )


def read_html(html: str | bytes, options: IngestOptions, *, origin: str, url: str | None = None) -> Document:
    """One HTML page as a Document; the options' date and source win over the page's own.

    Raises ``InputError`` when the page has no article text.
    """
    article = extract_article(html, origin=origin, url=url)
    return Document.from_text(
        article.text,
        published=options.published or article.published,
        source=options.source or article.sitename,
        url=article.url,
        title=article.title,
        origin=origin,
    )


def read_html_file(path: Path, options: IngestOptions) -> Document:
    """An ``.html`` file as a Document; raises ``InputError`` for a file that is no page."""
    origin = str(path)
    raw = read_file_bytes(path)
    check_not_binary(raw, origin=origin)
    check_not_empty(raw, origin=origin)
    html: str | bytes = raw
    if options.encoding:
        html = decode_text(raw, encoding=options.encoding, origin=origin)
    return read_html(html, options, origin=origin)


def _clean(value: str | None) -> str | None:
    value = " ".join(value.split()) if value else None
    return value or None


def _iso_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
