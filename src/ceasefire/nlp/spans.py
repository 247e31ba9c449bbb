"""Collecting mentions from patterns tried in order of preference: a later match that
overlaps one already taken is dropped."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.model import Mention


class PreferredMatches:
    """Mentions of one kind in a segment that starts at ``offset`` in the document text."""

    def __init__(self, kind: str, offset: int, produced_by: str):
        self.kind = kind
        self.offset = offset
        self.produced_by = produced_by
        self._found: list[Mention] = []

    def overlaps(self, match: re.Match[str]) -> bool:
        s, e = match.start() + self.offset, match.end() + self.offset
        return any(s < m.end and m.start < e for m in self._found)

    def take(self, match: re.Match[str], value: Any) -> None:
        self._found.append(
            Mention(
                kind=self.kind,
                start=self.offset + match.start(),
                end=self.offset + match.end(),
                text=match.group(0),
                value=value,
                produced_by=self.produced_by,
            )
        )

    def in_text_order(self) -> list[Mention]:
        return sorted(self._found, key=lambda m: m.start)
