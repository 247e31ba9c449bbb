"""Toponym resolution: which gazetteer place a place name in a document means.

Same-named places ("Nayrab" in Idleb and in Aleppo) are told apart by the document's
context, as careful coders and the better geoparsers do: the province most places of the
document lie in, the distance to places that are not ambiguous, and population as a prior.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ceasefire.geo.names import similarity
from ceasefire.geo.routes import RouteLine, load_routes
from ceasefire.model import Mention, Place

PRODUCED_BY = "geo.resolve.v1"
_NEAR_KM = 40.0
_ON_ROUTE_KM = 5.0
_SAME_SPOT_KM = 1.0  # records of one place from different sources
# Priors for a name with no context to settle it. A place the gazetteer knows down to its
# district (a Syrian village) is likelier meant than a foreign town of the same spelling in
# the reports this tool codes; a district or subdistrict seat likelier than a same-named
# hamlet; and a place the text calls a city or town is a seat or a populous place.
_COVERED_PRIOR = 0.1
_SEAT_PRIOR = 0.08
_SEAT_SIMILARITY = 0.75
_CITY_PRIOR = 0.4
_CITY_POPULATION = 10_000


@dataclass(frozen=True, kw_only=True)
class PlaceReading:
    """The value of a "place" mention: the chosen place and the candidates it was chosen from."""

    place: Place
    score: float
    candidates: int


def haversine_km(a: Place | tuple[float, float], b: Place | tuple[float, float]) -> float:
    """Great-circle distance in km between two places or (lat, lon) pairs."""
    lat1, lon1 = (a.latitude, a.longitude) if isinstance(a, Place) else a
    lat2, lon2 = (b.latitude, b.longitude) if isinstance(b, Place) else b
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(h))


@cache
def _alias_pattern(alias: str) -> re.Pattern[str]:
    """A route's alias as a whole word or phrase ("M4", not "M45")."""
    return re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])")


def routes_named(text: str) -> list[RouteLine]:
    """The shipped routes a text names ("on the M4 highway")."""
    named = []
    for route in load_routes():
        if any(_alias_pattern(alias).search(text) for alias in route.aliases):
            named.append(route)
    return named


def route_mentions(text: str, routes: Sequence[RouteLine]) -> list[Mention]:
    """Place mentions for the routes a text names, at each route's own spot: an event told only
    as "on the M4 highway" is placed on the road (the coder ranks them after any town)."""
    mentions = []
    for route in routes:
        if route.place is None:
            continue
        for alias in route.aliases:
            for found in _alias_pattern(alias).finditer(text):
                mentions.append(
                    Mention(
                        kind="place",
                        start=found.start(),
                        end=found.end(),
                        text=found.group(0),
                        value=PlaceReading(place=route.place, score=1.0, candidates=1),
                        produced_by=PRODUCED_BY,
                    )
                )
    # "M4 highway" and "M4" at the same spot: the longer name
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in mentions:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def resolve_places(
    matches: list[Any], *, exclude: Sequence[tuple[int, int]] = (), routes: list[RouteLine] | None = None
) -> list[Mention]:
    """Place mentions with one place each, from the gazetteer's name matches of one document.

    ``matches`` are the gazetteer's ``NameMatch`` objects (start, end, text, candidates);
    spans in ``exclude`` (actor phrases such as "Turkish troops") are not places of events.
    """
    kept = [m for m in matches if m.candidates and not any(m.start < e and s < m.end for s, e in exclude)]
    anchors = [m.candidates[0].place for m in kept if _unambiguous(m)]
    # a name whose readings all lie in one province ("Idlib": the city and the province)
    # still tells which province the document is about
    settled = [m.candidates[0].place for m in kept if len({c.place.admin1 for c in m.candidates}) == 1]
    focus = Counter(p.admin1 for p in settled if p.admin1)
    focus_countries = Counter(p.country for p in settled)
    mentions = []
    for match in kept:
        best, score = _choose(match, anchors, focus, focus_countries, routes or [])
        mentions.append(
            Mention(
                kind="place",
                start=match.start,
                end=match.end,
                text=match.text,
                value=PlaceReading(place=best, score=score, candidates=len(match.candidates)),
                produced_by=PRODUCED_BY,
            )
        )
    return mentions


def _unambiguous(match: Any) -> bool:
    """Whether the best readings of a name are all one spot: a city and the province seated in it
    ("Damascus") are two records whose coordinates differ only in their rounding."""
    first = match.candidates[0]
    return all(
        haversine_km(c.place, first.place) <= _SAME_SPOT_KM for c in match.candidates[1:] if c.score >= first.score
    )


def _choose(
    match: Any, anchors: list[Place], focus: Counter[str], countries: Counter[str], routes: list[RouteLine]
) -> tuple[Place, float]:
    if len(match.candidates) == 1:
        return match.candidates[0].place, match.candidates[0].score
    total = sum(focus.values()) or 1
    best: tuple[float, Place] | None = None
    for candidate in match.candidates:
        place = candidate.place
        value = candidate.score
        if place.admin1 and focus:
            value += 0.6 * focus.get(place.admin1, 0) / total
        if countries:
            value += 0.3 * countries.get(place.country, 0) / (sum(countries.values()) or 1)
        # anchors on the candidate's own spot are this name's own readings, not other places
        distances = [d for d in (haversine_km(place, a) for a in anchors) if d > _SAME_SPOT_KM]
        if distances:
            value += 0.5 * max(0.0, 1.0 - min(distances) / _NEAR_KM)
        if routes and min(r.distance_km(place.latitude, place.longitude) for r in routes) <= _ON_ROUTE_KM:
            value += 0.5  # "near Nayrab on the M4": the Nayrab on the M4
        value += 0.05 * math.log10(1 + max(place.population, 0)) / 7
        if place.admin1:
            value += _COVERED_PRIOR
        seat = is_seat(place)
        if seat:
            value += _SEAT_PRIOR
        if getattr(match, "called", "") and (seat or place.population >= _CITY_POPULATION):
            value += _CITY_PRIOR
        if best is None or value > best[0]:
            best = (value, place)
    assert best is not None
    return best[1], min(1.0, best[0])


def is_seat(place: Place) -> bool:
    """Whether a place is the seat of its district or subdistrict: it bears the unit's name
    ("Salqin" in the Salqin subdistrict, "Dhiban" in the one OCHA spells "Thiban")."""
    if place.feature != "populated_place":
        return False
    return any(unit and similarity(place.name, unit) >= _SEAT_SIMILARITY for unit in (place.admin3, place.admin2))


def document_focus(places: list[Mention]) -> str | None:
    """The province (admin1) most of a document's places lie in."""
    counts = Counter(m.value.place.admin1 for m in places if m.value.place.admin1)
    if not counts:
        return None
    return counts.most_common(1)[0][0]
