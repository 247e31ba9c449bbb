"""Telling fact from claim: is an event reported, alleged, forecast or an assessment?

The cues live in ``data/modality.yaml``. A forecast cue counts only when it comes
shortly before the event word ("Ankara will increase pressure"), so that a "would"
in a trailing clause does not turn a reported patrol into a forecast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

PRODUCED_BY = "nlp.modality.v1"
_FORECAST_WINDOW_WORDS = 6
_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:as|while|but|and|when|which)\b|\bbut\b")


@dataclass(frozen=True, kw_only=True)
class ModalityReading:
    """The modality of one event word, with the cue (offsets relative to the sentence)
    and who says so when the sentence names it."""

    modality: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    attribution: str | None = None


@cache
def _cues() -> dict[str, list[str]]:
    return yaml.safe_load(resources.files("ceasefire.nlp").joinpath("data/modality.yaml").read_text("utf-8"))


@cache
def _pattern(kind: str) -> re.Pattern[str]:
    words = sorted(_cues()[kind], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def read_modality(sentence: str, trigger_start: int) -> ModalityReading:
    """The modality of the event whose word starts at ``trigger_start`` in ``sentence``."""
    forecast = _forecast_cue(sentence, trigger_start)
    if forecast is not None:
        return ModalityReading(
            modality="forecast", cue=forecast.group(0), cue_start=forecast.start(), cue_end=forecast.end()
        )
    alleged = _pattern("alleged").search(sentence)
    if alleged is not None:
        speaker = _speaker(sentence, alleged)
        said = _pattern("reported").search(sentence)
        if speaker is None and said is not None:  # "…, the ministry said, blaming X"
            speaker = _speaker(sentence, said)
        return ModalityReading(
            modality="alleged",
            cue=alleged.group(0),
            cue_start=alleged.start(),
            cue_end=alleged.end(),
            attribution=speaker,
        )
    assessment = _assessment_cue(sentence, trigger_start)
    if assessment is not None:
        return ModalityReading(
            modality="assessment", cue=assessment.group(0), cue_start=assessment.start(), cue_end=assessment.end()
        )
    reported = _pattern("reported").search(sentence)
    if reported is not None:
        return ModalityReading(
            modality="reported",
            cue=reported.group(0),
            cue_start=reported.start(),
            cue_end=reported.end(),
            attribution=_speaker(sentence, reported),
        )
    return ModalityReading(modality="reported")


_FUTURE_AFTER = re.compile(
    r"^[^.;:]{0,120}?\b(?:is|are)\s+(?:to|due to|scheduled to|set to|expected to|planned to|supposed to)\s+\w+",
)


def speaks_of_the_future(sentence: str) -> bool:
    """Whether a sentence holds any forecast cue at all, wherever it stands."""
    return (
        _pattern("forecast").search(sentence) is not None
        or _pattern("forecast_adjectives").search(sentence) is not None
        or _FUTURE_AFTER.match(sentence) is not None
    )


def _assessment_cue(sentence: str, trigger_start: int) -> re.Match[str] | None:
    """An assessment cue in the clause of the event word; "protesters demanded that Turkey
    should stop the offensive" reports a protest, whatever the protesters think."""
    masked = _pattern("not_assessment").sub(lambda m: " " * len(m.group(0)), sentence)
    for cue in _pattern("assessment").finditer(masked):
        first, last = sorted((cue.start(), trigger_start))
        between = sentence[first:last]
        if _CLAUSE_BREAK.search(between) or _pattern("assessment_clause_ends").search(between):
            continue
        return re.compile(re.escape(cue.group(0))).search(sentence, cue.start())
    return None


def _forecast_cue(sentence: str, trigger_start: int) -> re.Match[str] | None:
    for opener in _cues()["forecast_openers"]:
        if sentence.startswith(opener):
            return re.match(re.escape(opener.strip()), sentence)
    after = _FUTURE_AFTER.match(sentence[trigger_start:])
    if after is not None:  # "Joint patrols along the M4 … are to start on 15 March"
        found = re.search(r"(?:is|are)\s+\w+(?:\s+to)?\s+\w+$", after.group(0))
        if found is not None:
            start = trigger_start + found.start()
            return re.compile(re.escape(found.group(0))).search(sentence, start)
    before = sentence[:trigger_start]
    adjectives = [m for m in _pattern("forecast_adjectives").finditer(before)]
    if adjectives and len(before[adjectives[-1].end() :].split()) <= 1:  # "a possible (Turkish) offensive"
        return adjectives[-1]
    denials = [m.start() for m in _pattern("not_forecast").finditer(before)]
    cues = [m for m in _pattern("forecast").finditer(before) if m.start() not in denials]
    if not cues:
        return None
    cue = cues[-1]
    between = before[cue.end() :]
    if _CLAUSE_BREAK.search(between):
        return None
    if "," in between and _RELATIVE_BEFORE.search(before[: cue.start()]):
        return None  # the cue's clause is a relative one: "gunmen, who may be IS members, killed…"
    if len(between.split()) > _FORECAST_WINDOW_WORDS:
        return None
    return cue


_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|whose|which)\b[^,;:]*$")
_ACCORDING_TO = re.compile(r"according to ([^,.;]+)", re.IGNORECASE)
_AUXILIARIES = re.compile(r"\s+(?:were|was|is|are|have|has|had|been)$")


def _speaker(sentence: str, cue: re.Match[str]) -> str | None:
    """Who says so: "according to X" → X; otherwise the words before the cue in its clause."""
    according = _ACCORDING_TO.search(sentence)
    if according is not None:
        return according.group(1).strip()
    if cue.group(0) in ("reportedly", "allegedly"):
        return None
    clause_start = max(sentence.rfind(sep, 0, cue.start()) for sep in (",", ";", ":"))
    subject = sentence[clause_start + 1 : cue.start()].strip()
    subject = _AUXILIARIES.sub("", subject).strip()
    subject = re.sub(r"^(?:and|but|while|as|both)\s+", "", subject).strip()
    if not subject or len(subject.split()) > 10:
        return None
    return subject
