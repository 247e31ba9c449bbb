"""Paragraphs and sentences of a document, by character offsets into its text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ceasefire.model import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph; paragraphs are separated by blank lines."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [_trim(text, start, end) for start, end in spans if text[start:end].strip()]


def split_sentences(text: str, language: Any) -> list[Sentence]:
    """Sentences of every paragraph, found by the spaCy pipeline ``language``.

    A paragraph is parsed on its own so that no sentence crosses a paragraph break.
    """
    spans = paragraphs(text)
    sentences: list[Sentence] = []
    docs: Iterable[Any] = language.pipe(text[start:end] for start, end in spans)
    for index, ((start, _end), doc) in enumerate(zip(spans, docs, strict=True)):
        for sent in doc.sents:
            s_start, s_end = _trim(text, start + sent.start_char, start + sent.end_char)
            if s_end <= s_start:
                continue
            last = sentences[-1] if sentences else None
            if last is not None and last.paragraph == index and _runs_on(last.text, text[s_start:s_end]):
                s_start = last.start
                sentences.pop()
            sentences.append(Sentence(start=s_start, end=s_end, text=text[s_start:s_end], paragraph=index))
    return sentences


@cache
def _title_end() -> re.Pattern[str]:
    raw = yaml.safe_load(resources.files("ceasefire.nlp").joinpath("data/abbreviations.yaml").read_text("utf-8"))
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(str(t)) for t in raw["titles"]) + r")\.$")


def _runs_on(previous: str, following: str) -> bool:
    """Whether the parser cut a sentence short: after "Brig." or an open bracket, before a
    closing bracket, or before a lower-case word with no full stop between."""
    if _title_end().search(previous) or previous.count("[") > previous.count("]"):
        return True
    if previous.count("(") > previous.count(")"):
        return True
    return bool(re.match(r"[\])]", following) or re.match(r"[a-z]", following) and not re.search(r"[.!?]$", previous))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
