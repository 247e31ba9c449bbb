"""Reading numbers written as digits, words or ACLED's vague quantities."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml


@cache
def quantity_words() -> dict[str, int]:
    """Every number word and vague quantity with the value ACLED codes it as."""
    raw = yaml.safe_load(resources.files("ceasefire.nlp").joinpath("data/quantities.yaml").read_text("utf-8"))
    words = {str(k).lower(): int(v) for k, v in raw["numbers"].items()}
    words.update({str(k).lower(): int(v) for k, v in raw["vague"].items()})
    return words


def read_quantity(text: str) -> int | None:
    """The value of "11", "1,200", "eleven", "twenty-three", "dozens"; None when not a number."""
    cleaned = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", cleaned):
        return int(cleaned.replace(",", ""))
    words = quantity_words()
    if cleaned in words:
        return words[cleaned]
    parts = re.split(r"[- ]", cleaned)
    if len(parts) == 2 and parts[0] in words and parts[1] in words:
        tens, units = words[parts[0]], words[parts[1]]
        if tens >= 20 and tens % 10 == 0 and units < 10:
            return tens + units
    return None


def quantity_pattern() -> str:
    """A regular expression (one group-free alternative) that matches any quantity."""
    words = sorted(quantity_words(), key=len, reverse=True)
    tens = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)"
    return r"(?:\d{1,3}(?:,\d{3})+|\d+|" + tens + "|" + "|".join(re.escape(w) for w in words) + ")"
