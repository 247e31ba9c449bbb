"""ACLED's event types and sub-event types, read from ``data/taxonomy.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ceasefire.errors import ConfigurationError


@dataclass(frozen=True, kw_only=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    definition: str
    case2021_code: str | None
    plover: str | None
    cameo: str | None


@dataclass(frozen=True, kw_only=True)
class Taxonomy:
    sub_events: tuple[SubEventType, ...]
    non_conflict_codes: tuple[str, ...]

    def sub_event_types(self) -> dict[str, SubEventType]:
        return {s.name: s for s in self.sub_events}

    def event_type_of(self, sub_event_type: str) -> str:
        try:
            return self.sub_event_types()[sub_event_type].event_type
        except KeyError:
            raise ConfigurationError(f"unknown ACLED sub-event type {sub_event_type!r}") from None

    def by_case_code(self) -> dict[str, SubEventType]:
        return {s.case2021_code: s for s in self.sub_events if s.case2021_code}

    def event_types(self) -> list[str]:
        return list(dict.fromkeys(s.event_type for s in self.sub_events))


@cache
def load_taxonomy() -> Taxonomy:
    """The packaged ACLED taxonomy (6 event types, 25 sub-event types)."""
    text = resources.files("ceasefire.events").joinpath("data/taxonomy.yaml").read_text("utf-8")
    try:
        raw = yaml.safe_load(text)
        subs = []
        for event_type in raw["event_types"]:
            for sub in event_type["sub_event_types"]:
                subs.append(
                    SubEventType(
                        name=sub["name"],
                        event_type=event_type["name"],
                        disorder_type=event_type.get("disorder_type", ""),
                        definition=str(sub.get("definition", "")).strip(),
                        case2021_code=sub.get("case2021_code"),
                        plover=_text(sub.get("plover")),
                        cameo=_text(sub.get("cameo")),
                    )
                )
        non_conflict = tuple(
            (item["code"] if isinstance(item, dict) else str(item)) for item in raw.get("non_conflict", [])
        )
    except (KeyError, TypeError, yaml.YAMLError) as error:
        raise ConfigurationError(f"taxonomy.yaml is not valid: {error}") from error
    return Taxonomy(sub_events=tuple(subs), non_conflict_codes=non_conflict)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values())
    return str(value)
