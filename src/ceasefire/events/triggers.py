"""Event words: which ACLED sub-event type a phrase signals, read from ``data/triggers.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ceasefire.events.taxonomy import load_taxonomy
from ceasefire.model import Mention

PRODUCED_BY = "events.triggers.v1"
_BLOCK_WINDOW = 60  # characters before a trigger searched for a blocker
_UNLESS_REACH = 300  # characters around a sentence searched for a rule's `unless` words


@dataclass(frozen=True, kw_only=True)
class TriggerRule:
    sub_event_type: str
    pattern: re.Pattern[str]
    retype: dict[str, Any]
    fallback: bool
    weight: float = 1.0  # how surely the words name their sub-event type (a default type weighs less)
    absorbs: frozenset[str] = frozenset()  # sub-event types that are part of this event in the same sentence
    unless: re.Pattern[str] | None = None  # words around the sentence that make these words no conflict event
    requires: re.Pattern[str] | None = None  # words the sentence must also hold for these words to count


@dataclass(frozen=True, kw_only=True)
class Trigger:
    """An event word found in text: its rule and whether it only names an instrument."""

    rule: TriggerRule
    instrument: bool = False


@dataclass(frozen=True, kw_only=True)
class TriggerSet:
    rules: tuple[TriggerRule, ...]
    blockers_before: re.Pattern[str]
    blockers_after: re.Pattern[str]
    instrument_frames: re.Pattern[str]
    approximate_place: re.Pattern[str]
    event_anaphor: re.Pattern[str]
    civilian_target: re.Pattern[str]
    accident_cues: re.Pattern[str]
    armed_target: re.Pattern[str]
    accident_explains: re.Pattern[str]

    def find(self, text: str, *, start: int = 0, end: int | None = None) -> list[Mention]:
        """Trigger mentions in ``text[start:end]`` that are not blocked, longest first on overlap."""
        end = len(text) if end is None else end
        segment = text[start:end]
        context = text[max(0, start - _UNLESS_REACH) : end + _UNLESS_REACH]  # the sentence and its neighbours
        found: list[tuple[int, int, TriggerRule]] = []
        for rule in self.rules:
            for match in rule.pattern.finditer(segment):
                found.append((match.start(), match.end(), rule))
        chosen: list[tuple[int, int, TriggerRule]] = []
        for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
            if not any(item[0] < c[1] and c[0] < item[1] for c in chosen):
                chosen.append(item)
        frames = [m.end() for m in self.instrument_frames.finditer(segment)]
        mentions = []
        for s, e, rule in sorted(chosen, key=lambda f: f[0]):
            if self._blocked(segment, s, e) or (rule.unless is not None and rule.unless.search(context)):
                continue
            if rule.requires is not None and not rule.requires.search(segment):
                continue
            instrument = any(frame <= s for frame in frames)
            mentions.append(
                Mention(
                    kind="trigger",
                    start=start + s,
                    end=start + e,
                    text=segment[s:e],
                    value=Trigger(rule=rule, instrument=instrument),
                    produced_by=PRODUCED_BY,
                )
            )
        if self.accident_cues.search(segment):
            mentions = [m for m in mentions if not m.value.rule.fallback and not self.accident_explains.search(m.text)]
        if any(not m.value.rule.fallback for m in mentions):
            mentions = [m for m in mentions if not m.value.rule.fallback]
        return mentions

    def _blocked(self, segment: str, s: int, e: int) -> bool:
        before = segment[max(0, s - _BLOCK_WINDOW) : s]
        clause_start = max(before.rfind(","), before.rfind(";"))
        before = before[clause_start + 1 :]
        if self.blockers_before.search(before):
            return True
        return bool(self.blockers_after.match(segment[e : e + 60]))


_RULE_KEYS = {"sub_event_type", "patterns", "retype", "weight", "fallback", "absorbs", "unless", "requires"}


def _compile(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@cache
def load_triggers() -> TriggerSet:
    """The packaged trigger vocabulary, checked against the taxonomy's sub-event types."""
    raw = yaml.safe_load(resources.files("ceasefire.events").joinpath("data/triggers.yaml").read_text("utf-8"))
    return TriggerSet(rules=read_rules(raw["triggers"]), **_vocabularies(raw))


def read_rules(entries: list[dict[str, Any]]) -> tuple[TriggerRule, ...]:
    """The rules of the vocabulary file's ``triggers`` list; a misspelt option or type is an error, not ignored."""
    known = load_taxonomy().sub_event_types()
    rules = []
    for entry in entries:
        unknown_keys = set(entry) - _RULE_KEYS
        if unknown_keys:
            raise ValueError(f"triggers.yaml: unknown rule keys {sorted(unknown_keys)} in {entry['sub_event_type']!r}")
        for name in (entry["sub_event_type"], *(entry.get("absorbs") or ())):
            if name not in known:
                raise ValueError(f"triggers.yaml: unknown sub-event type {name!r}")
        rules.append(
            TriggerRule(
                sub_event_type=entry["sub_event_type"],
                pattern=_compile(entry["patterns"]),
                retype=entry.get("retype") or {},
                weight=float(entry.get("weight", 1.0)),
                fallback=bool(entry.get("fallback")),
                absorbs=frozenset(entry.get("absorbs") or ()),
                unless=re.compile(entry["unless"], re.IGNORECASE) if entry.get("unless") else None,
                requires=re.compile(entry["requires"], re.IGNORECASE) if entry.get("requires") else None,
            )
        )
    return tuple(rules)


def _vocabularies(raw: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    before = raw["blockers_before"]
    return dict(
        blockers_before=re.compile(r"(?<![\w-])(?:" + "|".join(before) + r")\s*$", re.IGNORECASE),
        blockers_after=re.compile(r"\s*(?:" + "|".join(raw["blockers_after"]) + r")\b", re.IGNORECASE),
        instrument_frames=re.compile("|".join(raw["instrument_frames"]), re.IGNORECASE),
        event_anaphor=re.compile(
            r"^(?:The|This|That|Their|Its)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(raw["event_anaphors"]) + r")\b"
        ),
        accident_cues=re.compile(raw["accidents"]["cues"], re.IGNORECASE),
        armed_target=re.compile("|".join(raw["armed_targets"]), re.IGNORECASE),
        accident_explains=re.compile(raw["accidents"]["explains"], re.IGNORECASE),
        civilian_target=re.compile(r"^\s*(?:" + "|".join(raw["civilian_targets"]) + ")", re.IGNORECASE),
        approximate_place=re.compile(
            r"(?<![\w-])(?:"
            + "|".join(raw["approximate_place"])
            + r")\s+(?:the\s+)?(?:(?:town|village|city|area|camp|location)\s+of\s+)?$",
            re.IGNORECASE,
        ),
    )
