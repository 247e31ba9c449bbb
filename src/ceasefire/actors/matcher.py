"""Finding actors in text and normalising them to canonical names.

Three kinds of phrase are recognised, all from the actor dictionary: aliases of named
actors ("Hayat Tahrir al-Sham", "regime forces"), a country adjective with a role noun
("Turkish troops", "joint Russian-Turkish patrols", "the Turkish and Russian presidents"),
and a capital or country used as the doer of an action ("Ankara", "Turkey"). Anaphors
("the sides", "the terrorist group") are marked for the event coder to resolve.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from ceasefire.actors.dictionary import ActorDictionary, ActorEntry, StateEntry
from ceasefire.model import Actor, Mention

PRODUCED_BY = "actors.matcher.v1"
_WORD_START = r"(?<![\w-])"
_WORD_END = r"(?![\w-])"
# "Damascus's Al-Midan neighbourhood": a city's part, not the state's doing
_PLACE_AFTER_POSSESSIVE = re.compile(
    r"\s+(?:[A-Z][\w'-]*\s+)*"
    r"(?:neighbou?rhoods?|districts?|suburbs?|quarters?|countryside|outskirts|airport|old city)\b"
)
# verbs not ending in -ed that may stand between a nationality and a role noun: "Israeli missiles struck army positions"
_IRREGULAR_VERBS = (
    r"(?:struck|hit|hits|shot|took|blew|began|held|ran|set|threw|fought|drove|made|sent|left|met|broke|brought|came|"
    r"went|overran|strikes|shells|attacks|targets|bombs|pounds|kill|kills|fire|fires)"
)
# "strikes that SOHR attributed to Israel": the state named as the doer, not as a place
_ATTRIBUTED_TO = re.compile(r"\b(?:attributed|ascribed|credited)\s+to\s+$", re.IGNORECASE)
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|to|toward|towards|outside|around|into|across|of|between|and|visit|visited)\s+(?:the\s+)?"
    r"(?:(?:rural|northern|southern|eastern|western|central|greater|north-?\w+|south-?\w+)\s+)?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, kw_only=True)
class ActorMatch:
    """What an actor phrase names. Exactly one of the fields is set.

    ``state`` is set for a metonym ("Ankara") whose role — forces or government — depends on
    the event; ``generic`` for an actor whose name takes the event's country ("Protesters (Syria)").
    """

    actor: Actor | None = None
    state: StateEntry | None = None
    generic: ActorEntry | None = None
    anaphor: str | None = None
    local: tuple[tuple[str, Actor], ...] = ()  # "police": the state's own, by the event's country

    def resolve(self, *, diplomatic: bool, country: str | None) -> Actor | None:
        """The canonical actor in an event: a state acts through its government in an
        agreement and through its forces otherwise."""
        if self.actor is not None:
            return self.actor
        if self.state is not None:
            return self.state.government if diplomatic else self.state.forces
        if self.generic is not None:
            return self.generic.actor(country)
        return dict(self.local).get(country or "")


class ActorMatcher:
    """Finds actor mentions in text with the patterns compiled from an ``ActorDictionary``."""

    def __init__(self, dictionary: ActorDictionary):
        self.dictionary = dictionary
        self._phrases: dict[str, ActorMatch] = {}
        self._phrases_exact: dict[str, ActorMatch] = {}
        self._patterns: list[tuple[re.Pattern[str], ActorMatch]] = []
        self._adjectives: dict[str, StateEntry] = {}
        self._metonyms: dict[str, StateEntry] = {}
        self._build()

    def _add_phrase(self, phrase: str, match: ActorMatch) -> None:
        if phrase.isupper() or any(c.isupper() for c in phrase[1:]) and len(phrase) <= 5:
            self._phrases_exact.setdefault(phrase, match)
        else:
            self._phrases.setdefault(phrase.lower(), match)

    def _build(self) -> None:
        d = self.dictionary
        for state in d.states:
            for alias in state.force_aliases:
                self._add_phrase(alias, ActorMatch(actor=state.forces))
            for alias in state.government_aliases:
                self._add_phrase(alias, ActorMatch(actor=state.government))
            for adjective in state.adjectives:
                self._adjectives[adjective] = state
            for metonym in state.metonyms:
                self._metonyms[metonym] = state
        for entry in d.actors:
            match = ActorMatch(generic=entry) if entry.is_generic else ActorMatch(actor=entry.actor(None))
            for alias in entry.aliases:
                self._add_phrase(alias, match)
            for pattern in entry.patterns:
                self._patterns.append((re.compile(_WORD_START + pattern + _WORD_END), match))
        for role, phrases in d.local_roles.items():
            by_country = tuple((state.country, getattr(state, role)) for state in d.states)
            for phrase in phrases:
                self._add_phrase(phrase, ActorMatch(local=by_country))
        for kind, phrases in d.anaphora.items():
            for phrase in phrases:
                self._add_phrase(phrase, ActorMatch(anaphor=kind))
        self._alias_re = _alternation(self._phrases, flags=re.IGNORECASE)
        self._alias_exact_re = _alternation(self._phrases_exact, flags=0)
        self._role_kind = {n: k for k, nouns in d.role_nouns.items() for n in nouns}
        self._compound_re, self._attributed_re = self._compound_patterns()
        self._metonym_re = _alternation(self._metonyms, flags=0)

    def _compound_patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """Coordinated nationalities before a role noun ("Turkish and Russian troops"), and a nationality
        given after the noun ("warplanes believed to be Russian")."""
        adjectives = "|".join(re.escape(a) for a in sorted(self._adjectives, key=len, reverse=True))
        nouns = sorted({n for group in self.dictionary.role_nouns.values() for n in group}, key=len, reverse=True)
        roles = "|".join(re.escape(n) for n in nouns)
        joiner = r"(?:\s*[-–/]\s*|\s*,\s*|\s+and\s+(?:the\s+)?|\s*,\s*and\s+(?:the\s+)?)"
        compound = re.compile(
            rf"{_WORD_START}(?P<adjs>(?:{adjectives})(?:{joiner}(?:{adjectives}))*)"
            # up to two words between, not a verb ("Lebanese airspace fired missiles" is not Lebanon's)
            rf"\s+(?:(?!(?!armed\s)[a-z]+ed\s|{_IRREGULAR_VERBS}\s)[a-z][\w-]*\s+){{0,2}}(?P<role>(?i:{roles})){_WORD_END}"
        )
        attributed = re.compile(
            rf"{_WORD_START}(?P<role>(?i:{roles}))\s+(?:(?:believed|thought|said|suspected|presumed|reported)\s+to\s+be"
            rf"|probably|likely|apparently)\s+(?P<adjs>(?:{adjectives})(?:{joiner}(?:{adjectives}))*){_WORD_END}"
        )
        return compound, attributed

    def find(self, text: str, *, start: int = 0, end: int | None = None) -> list[Mention]:
        """Actor mentions in ``text[start:end]``, longest first where phrases overlap."""
        end = len(text) if end is None else end
        segment = text[start:end]
        found: list[tuple[int, int, ActorMatch]] = []
        for match in self._alias_re.finditer(segment) if self._alias_re else ():
            found.append((match.start(), match.end(), self._phrases[match.group(0).lower()]))
        for match in self._alias_exact_re.finditer(segment) if self._alias_exact_re else ():
            found.append((match.start(), match.end(), self._phrases_exact[match.group(0)]))
        for pattern, actor_match in self._patterns:
            for match in pattern.finditer(segment):
                found.append((match.start(), match.end(), actor_match))
        for match in self._compound_re.finditer(segment):
            found.extend(self._compound(match))
        for match in self._attributed_re.finditer(segment):
            found.extend(self._compound(match))
        for match in self._metonym_re.finditer(segment) if self._metonym_re else ():
            possessive = segment[match.end() : match.end() + 2] in ("'s", "’s") and not _PLACE_AFTER_POSSESSIVE.match(
                segment, match.end() + 2
            )
            before = segment[max(0, match.start() - 30) : match.start()]
            if not possessive and _LOCATIVE.search(before) and not _ATTRIBUTED_TO.search(before):
                continue
            found.append((match.start(), match.end(), ActorMatch(state=self._metonyms[match.group(0)])))
        return [
            Mention(kind="actor", start=start + s, end=start + e, text=segment[s:e], value=m, produced_by=PRODUCED_BY)
            for s, e, m in _longest_first(found)
        ]

    def _compound(self, match: re.Match[str]) -> list[tuple[int, int, ActorMatch]]:
        role = match.group("role").lower()
        # the longest role noun wins: "regime security forces" is police, not "forces"
        before_role = match.string[match.start("adjs") : match.start("role")].split()
        if before_role and f"{before_role[-1].lower()} {role}" in self._role_kind:
            role = f"{before_role[-1].lower()} {role}"
        kind = self._role_kind[role]
        results = []
        adjs = match.group("adjs")
        adjective_re = re.compile("|".join(re.escape(a) for a in self._adjectives))
        for adjective in adjective_re.finditer(adjs):
            state = self._adjectives[adjective.group(0)]
            actor = {"forces": state.forces, "government": state.government, "police": state.police}[kind]
            # "warplanes believed to be Russian": the span starts at the noun
            s = match.start("adjs") + adjective.start() if match.start("adjs") == match.start() else match.start()
            # Each country's span runs from its adjective to the role noun, so spans of a
            # coordinated phrase overlap; the first keeps the full phrase.
            results.append((s, match.end(), ActorMatch(actor=actor)))
        return results


def _alternation(phrases: Mapping[str, object], *, flags: int) -> re.Pattern[str] | None:
    if not phrases:
        return None
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(f"{_WORD_START}(?:{body}){_WORD_END}", flags)


def _longest_first(found: list[tuple[int, int, ActorMatch]]) -> list[tuple[int, int, ActorMatch]]:
    """Non-overlapping matches, preferring longer ones; coordinated compounds
    ("Russian-Turkish patrols") keep one mention per country."""
    chosen: list[tuple[int, int, ActorMatch]] = []
    for item in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
        s, e, m = item
        clash = [c for c in chosen if s < c[1] and c[0] < e]
        if not clash:
            chosen.append(item)
            continue
        # a second country of the same coordinated phrase: same end, different actor
        if all(c[1] == e and c[2].actor != m.actor and c[2].actor and m.actor for c in clash) and not any(
            c[0] == s for c in clash
        ):
            chosen.append(item)
    return sorted(chosen, key=lambda f: (f[0], f[1]))


@cache
def default_matcher() -> ActorMatcher:
    """The matcher over the packaged actor dictionary."""
    from ceasefire.actors.dictionary import load_actor_dictionary

    return ActorMatcher(load_actor_dictionary())
