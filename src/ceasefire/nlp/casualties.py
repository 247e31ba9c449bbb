"""Deaths reported in a sentence, read the way ACLED counts them.

Only deaths count, never injuries; "at least 11" is 11; a number of deaths the report
does not give ("killing and injuring an unknown number") is unknown (``None``), not zero.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from ceasefire.model import Mention
from ceasefire.nlp.quantities import quantity_pattern, read_quantity
from ceasefire.nlp.spans import PreferredMatches

PRODUCED_BY = "nlp.casualties.v1"


@cache
def _vocabulary() -> dict[str, list[str]]:
    return yaml.safe_load(resources.files("ceasefire.nlp").joinpath("data/casualties.yaml").read_text("utf-8"))


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> list[re.Pattern[str]]:
    v = _vocabulary()
    qty = f"(?P<qty>{quantity_pattern()})"
    # a second group of dead, but not a part of the first ("10 civilians, 8 of them children")
    qty2 = f"(?P<qty2>{quantity_pattern()})(?!\\s+(?:of|among)\\s+(?:them|whom|those)\\b)"
    killing = (
        "killing|killed|leaving|left|shot dead|shooting dead|executed|executing|gunned down|"
        "beat to death|beating to death|beaten to death|stabbed to death"
    )
    hedge = r"(?:(?:at least|some|about|around|nearly|almost|more than|over|up to|an estimated|as many as)\s+)?"
    victims = _alternation(v["victim_nouns"])
    death = _alternation(v["death_verbs"])
    # Words allowed between the number and the death verb: modifiers, "of X", "and supporters".
    filler = r"(?:[\w'’-]+\s+){0,12}?"
    flags = re.IGNORECASE
    return [
        # "the death toll rose to 12", "a death toll of 12"
        re.compile(rf"\bdeath toll\b(?:\s+\w+){{0,3}}?\s+(?:to|of|at)\s+{hedge}{qty}\b", flags),
        # "killing 5 civilians", "killing 15 IS members and 3 QSD fighters", "beat to death a man"
        re.compile(
            rf"\b(?:{killing})\s+{hedge}{qty}\s+(?:[\w'’-]+\s+){{0,5}}?(?:{victims}|dead)\b"
            rf"(?:\s*(?:,|and)\s+{qty2}\s+(?:[\w'’-]+\s+){{0,5}}?(?:{victims})\b)?",
            flags,
        ),
        # "killing one and injuring the other"
        re.compile(rf"\b(?:{killing})\s+{hedge}{qty}(?=\s+and\b|\s*[,.;])", flags),
        # "11 members and supporters of the group were killed", "11 soldiers and 9 fighters were killed"
        re.compile(
            rf"\b{hedge}{qty}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims})\b"
            rf"(?:\s+and\s+{qty2}\s+(?:[\w'’-]+\s+){{0,3}}?(?:{victims})\b)?"
            rf"\s*{filler}(?:were|was|have been|has been|had been|are|got)?\s*(?:also\s+)?(?:{death})\b",
            flags,
        ),
        # "3 killed", "12 dead"
        re.compile(rf"\b{hedge}{qty}\s+(?:{death})\b", flags),
    ]


@cache
def _unknown_pattern() -> re.Pattern[str]:
    v = _vocabulary()
    markers = _alternation(v["unknown_markers"])
    death = _alternation(v["death_verbs"] + ["killing"])
    return re.compile(rf"\b(?:{death})\b[^.;]{{0,40}}?\b(?:{markers})\b", re.IGNORECASE)


def find_fatalities(text: str, *, start: int = 0, end: int | None = None) -> list[Mention]:
    """Death counts in ``text[start:end]``; ``value`` is an int, or None for an unknown number."""
    end = len(text) if end is None else end
    segment = text[start:end]
    found = PreferredMatches("fatalities", start, PRODUCED_BY)
    for pattern in _patterns():
        for match in pattern.finditer(segment):
            if found.overlaps(match) or _is_injury_count(segment, match):
                continue
            value = read_quantity(match.group("qty"))
            if value is None:
                continue
            second = match.groupdict().get("qty2")
            if second:  # two groups of dead in one phrase are added up
                value += read_quantity(second) or 0
            found.take(match, value)
    for match in _unknown_pattern().finditer(segment):
        if not found.overlaps(match):
            found.take(match, None)
    return found.in_text_order()


def _is_injury_count(segment: str, match: re.Match[str]) -> bool:
    """True when the number counts the injured, e.g. "4 injured and killed" is not 4 deaths."""
    injuries = _alternation(_vocabulary()["injury_words"])
    between = segment[match.end("qty") : match.end()]
    first_injury = re.search(rf"\b(?:{injuries})\b", between, re.IGNORECASE)
    if first_injury is None:
        return False
    deaths = re.search(r"\b(?:killed|dead|died)\b", between, re.IGNORECASE)
    return deaths is None or first_injury.start() < deaths.start()


def total_deaths(mentions: list[Mention], text: str | None = None) -> int | None:
    """The deaths of one event from its mentions; None when only unknown numbers are given.

    Counts in one sentence are different dead ("killing 9 soldiers; 4 militants were also
    killed") and add up; a sentence that gives a count again does not add to it, so across
    sentences the largest sentence total is kept.
    """
    known = sorted((m for m in mentions if m.value is not None), key=lambda m: m.start)
    if not known:
        return None
    totals: list[int] = []
    previous: Mention | None = None
    for mention in known:
        same_sentence = (
            previous is not None and text is not None and not _SENTENCE_END.search(text[previous.end : mention.start])
        )
        if same_sentence:
            totals[-1] += mention.value
        else:
            totals.append(mention.value)
        previous = mention
    return max(totals)


_SENTENCE_END = re.compile(r"[.!?]\s")
