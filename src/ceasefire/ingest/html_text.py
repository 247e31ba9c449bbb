"""Plain text out of small HTML fragments (feed summaries), paragraphs as blank lines."""

from __future__ import annotations

import re
from typing import Any

import lxml.html  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

# Elements that end a paragraph: their text is set apart by a blank line.
_BLOCK_TAGS = frozenset(
    "p div section article blockquote li ul ol dl dt dd table tr h1 h2 h3 h4 h5 h6 pre "
    "figure figcaption header footer aside".split()
)
_DROPPED_TAGS = ("script", "style", "noscript", "template")
_WHITESPACE = re.compile(r"\s+")
# lxml refuses to store control characters; in HTML they are invisible anyway
_CONTROLS_TO_SPACE = {code: " " for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20))}


def fragment_text(fragment: str) -> str:
    """The visible text of an HTML fragment; plain text passes through unchanged in meaning.

    Parsed by lxml, which also survives unclosed tags; a ``<br>`` or a block element
    starts a new paragraph.
    """
    fragment = fragment.translate(_CONTROLS_TO_SPACE)
    if not fragment.strip():
        return ""
    root = _parse(fragment)
    if root is None:
        return ""
    for element in list(root.iter(*_DROPPED_TAGS)):
        element.drop_tree()
    for element in root.iter():
        # a line break in the source is only a space in HTML; breaks come from elements
        element.text = _spaces(element.text)
        element.tail = _spaces(element.tail)
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag == "br" or element.tag in _BLOCK_TAGS:
            element.tail = "\n\n" + (element.tail or "")
            if element.tag in _BLOCK_TAGS:
                element.text = "\n\n" + (element.text or "")
    return join_paragraphs(root.text_content())


def _parse(fragment: str) -> Any:
    """The fragment as one element; a fragment that is really a whole page (lxml's
    fragment parser refuses one with ``<html>`` in odd places) is read as a document."""
    try:
        return lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):
        pass
    try:
        return lxml.html.document_fromstring(fragment)
    except (etree.ParserError, ValueError, AssertionError):
        return None


def _spaces(text: str | None) -> str | None:
    return _WHITESPACE.sub(" ", text) if text else text


def join_paragraphs(text: str) -> str:
    """One paragraph per non-blank line, separated by blank lines, spaces collapsed."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)
