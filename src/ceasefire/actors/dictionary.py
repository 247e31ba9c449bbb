"""Loading the actor dictionary (``data/actors.yaml``) into lookup tables."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from ceasefire.errors import ConfigurationError
from ceasefire.model import Actor

# what an anaphor points back to, as the coder reads them
_ANAPHOR_KINDS = {"previous_event", "last_rebel", "last_forces"}


@dataclass(frozen=True, kw_only=True)
class StateEntry:
    """A state's forces, government and police, with the words that name them."""

    country: str
    adjectives: tuple[str, ...]
    metonyms: tuple[str, ...]
    forces: Actor
    government: Actor
    police: Actor
    force_aliases: tuple[str, ...]
    government_aliases: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class ActorEntry:
    """A named or generic actor; a generic one has "{country}" in its name template."""

    template: str
    kind: str
    inter: int | None
    country: str | None
    aliases: tuple[str, ...]
    patterns: tuple[str, ...]

    def actor(self, country: str | None) -> Actor:
        name = self.template.replace("{country}", country or "Unknown")
        return Actor(name=name, kind=self.kind, country=self.country or country, inter=self.inter)

    @property
    def is_generic(self) -> bool:
        return "{country}" in self.template


@dataclass(frozen=True, kw_only=True)
class ActorDictionary:
    """Everything the actor matcher knows, read from one YAML file."""

    role_nouns: dict[str, tuple[str, ...]]
    states: tuple[StateEntry, ...]
    actors: tuple[ActorEntry, ...]
    anaphora: dict[str, tuple[str, ...]]
    local_roles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "police": the event country's police

    def by_name(self) -> dict[str, Actor]:
        """Every canonical (non-generic) actor by its name, for exports and inter codes."""
        named: dict[str, Actor] = {}
        for state in self.states:
            for actor in (state.forces, state.government, state.police):
                named[actor.name] = actor
        for entry in self.actors:
            if not entry.is_generic:
                named[entry.template] = entry.actor(None)
        return named

    def inter_of(self, name: str) -> int | None:
        """ACLED inter code of a canonical actor name (generic names included)."""
        known = self.by_name().get(name)
        if known is not None:
            return known.inter
        for entry in self.actors:
            prefix = entry.template.split("{country}")[0]
            if entry.is_generic and name.startswith(prefix):
                return entry.inter
        return None


def load_actor_dictionary(path: Path | None = None) -> ActorDictionary:
    """Read the actor dictionary; ``path`` names a user's own file, else the packaged one."""
    if path is None:
        return _packaged()
    return _parse(path.read_text("utf-8"), str(path))


@cache
def _packaged() -> ActorDictionary:
    text = resources.files("ceasefire.actors").joinpath("data/actors.yaml").read_text("utf-8")
    return _parse(text, "actors.yaml")


def _parse(text: str, origin: str) -> ActorDictionary:
    try:
        raw = yaml.safe_load(text)
        states = tuple(
            StateEntry(
                country=s["country"],
                adjectives=tuple(s.get("adjectives") or ()),
                metonyms=tuple(s.get("metonyms") or ()),
                forces=Actor(name=s["forces"], kind="state_forces", country=s["country"], inter=1),
                government=Actor(name=s["government"], kind="government", country=s["country"], inter=1),
                police=Actor(name=s["police"], kind="police", country=s["country"], inter=1),
                force_aliases=tuple(s.get("force_aliases") or ()),
                government_aliases=tuple(s.get("government_aliases") or ()),
            )
            for s in raw["states"]
        )
        actors = tuple(
            ActorEntry(
                template=a["name"],
                kind=a["kind"],
                inter=a.get("inter"),
                country=a.get("country"),
                aliases=tuple(str(x) for x in a.get("aliases") or ()),
                patterns=tuple(a.get("patterns") or ()),
            )
            for a in raw["actors"]
        )
        role_nouns = {k: tuple(v) for k, v in raw["role_nouns"].items()}
        anaphora = {k: tuple(v) for k, v in raw.get("anaphora", {}).items()}
        if set(anaphora) - _ANAPHOR_KINDS:
            raise KeyError(f"anaphora: unknown kind {sorted(set(anaphora) - _ANAPHOR_KINDS)}")
        local_roles = {k: tuple(v) for k, v in raw.get("local_roles", {}).items()}
        if set(local_roles) - {"forces", "government", "police"}:
            raise KeyError(f"local_roles: unknown role {sorted(set(local_roles) - {'forces', 'government', 'police'})}")
    except (KeyError, TypeError, yaml.YAMLError) as error:
        raise ConfigurationError(f"{origin}: not a valid actor dictionary ({error})") from error
    return ActorDictionary(
        role_nouns=role_nouns, states=states, actors=actors, anaphora=anaphora, local_roles=local_roles
    )
