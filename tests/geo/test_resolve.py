"""Toponym resolution: which of a name's places a document means."""

from __future__ import annotations

from ceasefire.geo.gazetteer import Candidate, Gazetteer, NameMatch
from ceasefire.geo.resolve import resolve_places
from ceasefire.model import Place


def _place(name: str, admin1: str, latitude: float, longitude: float, feature: str = "populated_place") -> Place:
    return Place(
        name=name,
        country="Syria",
        latitude=latitude,
        longitude=longitude,
        admin1=admin1,
        feature=feature,
        place_id=f"test:{name}:{admin1}",
    )


def _match(start: int, text: str, *places: Place) -> NameMatch:
    return NameMatch(
        start=start,
        end=start + len(text),
        text=text,
        candidates=tuple(Candidate(place=p, score=1.0) for p in places),
    )


def test_a_city_and_its_province_rounded_apart_are_one_anchor() -> None:
    # The city and the governorate seated in it differ in the fifth decimal only: one spot,
    # so the name is no less certain, and it pulls the ambiguous village towards it.
    city = _place("Damascus", "Damascus", 33.515847, 36.281452)
    province = _place("Damascus", "Damascus", 33.51585, 36.28145, feature="admin1")
    near = _place("Kanakir", "Rural Damascus", 33.26664, 36.09625)
    far = _place("Kanakir", "As-Sweida", 32.66517, 36.50958)
    text = "Troops surrounded Kanakir, south-west of Damascus."
    matches = [_match(18, "Kanakir", far, near), _match(41, "Damascus", city, province)]
    mentions = resolve_places(matches)
    assert mentions[0].value.place.admin1 == "Rural Damascus"
    # the name's own second reading is no neighbour: the city stays the city
    assert mentions[1].value.place.feature == "populated_place"
    assert text[mentions[0].start : mentions[0].end] == "Kanakir"


def test_places_further_apart_stay_ambiguous() -> None:
    # Two Nayrabs 35 km apart are two places: neither anchors the document.
    idleb = _place("Nayrab", "Idleb", 35.87, 36.72)
    aleppo = _place("Nayrab", "Aleppo", 36.18, 37.23)
    village = _place("Village", "Hama", 35.2, 36.6)
    far = _place("Village", "As-Sweida", 32.7, 36.6)
    mentions = resolve_places([_match(0, "Nayrab", idleb, aleppo), _match(10, "Village", far, village)])
    # Without an anchor, the first reading of the village is not pulled north.
    assert mentions[1].value.place.admin1 == "As-Sweida"


def test_kanakir_south_west_of_damascus_on_the_real_gazetteer() -> None:
    text = "Government troops surrounded Kanakir, south-west of Damascus, on Monday."
    mentions = resolve_places(Gazetteer.load().find_place_names(text))
    by_text = {m.text: m.value.place for m in mentions}
    assert by_text["Kanakir"].admin1 == "Rural Damascus"
    assert by_text["Damascus"].admin1 == "Damascus"
