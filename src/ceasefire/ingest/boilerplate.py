"""Cutting site boilerplate (share buttons, donation appeals, disclaimers) off a text.

The patterns live in ``data/boilerplate.yaml``. Only the ends of the text are cut,
never its inside, because later stages point evidence at offsets into this text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ceasefire.errors import ConfigurationError

_DATA_FILE = "boilerplate.yaml"


@dataclass(frozen=True, kw_only=True)
class BoilerplateRules:
    """The compiled patterns of ``data/boilerplate.yaml``."""

    footer_window_chars: int
    footer_starts: tuple[re.Pattern[str], ...]
    trailing: tuple[re.Pattern[str], ...]
    leading_lines: tuple[re.Pattern[str], ...]


@cache
def load_boilerplate_rules() -> BoilerplateRules:
    """The rules shipped with the package, read once."""
    text = resources.files("ceasefire.ingest.data").joinpath(_DATA_FILE).read_text("utf-8")
    return parse_boilerplate_rules(yaml.safe_load(text), origin=_DATA_FILE)


def parse_boilerplate_rules(data: Any, *, origin: str) -> BoilerplateRules:
    """Rules from the mapping of a boilerplate YAML file; a bad file is a ConfigurationError."""
    if not isinstance(data, dict):
        raise ConfigurationError(f"{origin}: expected a mapping of rule lists")
    try:
        return BoilerplateRules(
            footer_window_chars=int(data["footer_window_chars"]),
            footer_starts=_compile(data["footer_starts"]),
            trailing=_compile(data["trailing"]),
            leading_lines=_compile(data["leading_lines"]),
        )
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise ConfigurationError(f"{origin}: invalid boilerplate rules: {exc}") from None


def strip_boilerplate(text: str, rules: BoilerplateRules | None = None) -> str:
    """``text`` without leading label lines and the trailing site footer, and trimmed.

    The first paragraph is never cut as footer and a text of label lines only is kept
    whole: losing a report to a false match is worse than keeping some boilerplate.
    """
    rules = rules or load_boilerplate_rules()
    start = _content_start(text, rules)
    end = _content_end(text, rules)
    kept = text[start:end].strip()
    return kept if kept else text.strip()


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    if not isinstance(patterns, list):
        raise TypeError("each rule group must be a list of patterns")
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of non-blank lines."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    end = 0
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            if start is None:
                start = offset
            end = offset + len(line)
        elif start is not None:
            spans.append((start, end))
            start = None
        offset += len(line) + 1
    if start is not None:
        spans.append((start, end))
    return spans


def _matches(patterns: tuple[re.Pattern[str], ...], paragraph: str) -> bool:
    flat = " ".join(paragraph.split())
    return any(p.match(flat) for p in patterns)


def _content_end(text: str, rules: BoilerplateRules) -> int:
    spans = _paragraphs(text)
    if not spans:
        return len(text)
    keep = len(spans)
    # a footer marker counts only when the text visibly ends in boilerplate, so a
    # "Note to readers:" followed by more reporting is left alone
    if _matches(rules.trailing, text[slice(*spans[-1])]):
        window_start = len(text) - rules.footer_window_chars
        for index, (start, end) in enumerate(spans[1:], start=1):
            if start >= window_start and _matches(rules.footer_starts, text[start:end]):
                keep = index
                break
    while keep > 1 and _matches(rules.trailing, text[slice(*spans[keep - 1])]):
        keep -= 1
    return spans[keep - 1][1]


def _content_start(text: str, rules: BoilerplateRules) -> int:
    offset = 0
    for line in text.split("\n"):
        stripped = " ".join(line.split())
        if stripped and not any(p.fullmatch(stripped) for p in rules.leading_lines):
            return offset
        offset += len(line) + 1
    return 0
