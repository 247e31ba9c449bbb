"""The stretches of a document an event's evidence lies in, for showing it highlighted.

The coder keeps the sentence(s) it coded an event from (``Event.notes``), but some
evidence lies elsewhere in the report: a date in the first paragraph, a place named
in the sentence before. Each such span gets the sentence around it, so a reader sees
every piece of evidence in its context and nothing else of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceasefire.model import Event

_SENTENCE_ENDS = (". ", "! ", "? ", ".\n", "!\n", "?\n", "\n")
_MAX_CONTEXT = 240  # characters either side of a span, when no sentence end is nearer


@dataclass(frozen=True, kw_only=True)
class TextRange:
    """A range of the document text; ``is_notes`` marks the sentence(s) coded from."""

    start: int
    end: int
    is_notes: bool = False


def evidence_passages(text: str, event: Event) -> list[TextRange]:
    """The ranges of ``text`` to show for ``event``, in document order, not overlapping.

    The notes, if found in the text, form one range; every evidence span outside them
    adds the sentence around it; neighbours in one paragraph are joined.
    """
    ranges: list[TextRange] = []
    notes_at = text.find(event.notes) if event.notes else -1
    if event.notes and notes_at >= 0:
        ranges.append(TextRange(start=notes_at, end=notes_at + len(event.notes), is_notes=True))
    for item in event.evidence:
        if not 0 <= item.start < item.end <= len(text):
            continue  # a span the text does not hold cannot be shown
        if any(r.start <= item.start and item.end <= r.end for r in ranges):
            continue
        start, end = sentence_around(text, item.start, item.end)
        ranges.append(TextRange(start=start, end=end))
    return _merge(text, ranges)


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence holding ``text[start:end]``, at most a few lines long."""
    floor = max(0, start - _MAX_CONTEXT)
    before = max((text.rfind(mark, floor, start) for mark in _SENTENCE_ENDS), default=-1)
    left = before + 1 if before >= 0 else floor
    ceiling = min(len(text), end + _MAX_CONTEXT)
    after = [i for i in (text.find(mark, end, ceiling) for mark in _SENTENCE_ENDS) if i >= 0]
    right = min(after) + 1 if after else ceiling
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def _merge(text: str, ranges: list[TextRange]) -> list[TextRange]:
    """Ranges that overlap, or follow each other in one paragraph, become one."""
    merged: list[TextRange] = []
    for item in sorted(ranges, key=lambda r: (r.start, r.end)):
        gap = text[merged[-1].end : item.start] if merged else ""
        if merged and (item.start <= merged[-1].end or (not gap.strip() and "\n\n" not in gap)):
            last = merged[-1]
            merged[-1] = TextRange(
                start=last.start,
                end=max(last.end, item.end),
                is_notes=last.is_notes or item.is_notes,
            )
        else:
            merged.append(item)
    return merged
