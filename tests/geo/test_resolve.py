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


def test_a_syrian_village_beats_a_foreign_town_of_the_same_spelling_without_context() -> None:
    naha = Place(name="Naha", country="Japan", latitude=26.21, longitude=127.68, population=317_405)
    nawa = _place("Nawa", "Dar'a", 32.89, 36.04)
    mentions = resolve_places([_match(0, "Nawa", naha, nawa)])
    assert mentions[0].value.place.country == "Syria"


def test_a_subdistrict_seat_beats_a_hamlet_of_its_name() -> None:
    hamlet = Place(name="Dhiban", country="Syria", latitude=36.5, longitude=38.4, admin1="Aleppo", admin3="Menbij")
    seat = Place(name="Dhiban", country="Syria", latitude=35.01, longitude=40.51, admin1="Deir-ez-Zor", admin3="Thiban")
    assert resolve_places([_match(0, "Dhiban", hamlet, seat)])[0].value.place.admin3 == "Thiban"


def test_a_place_called_a_city_is_a_seat_or_a_populous_place() -> None:
    # "north of Aleppo" pulls towards the village 14 km from Aleppo; "Afrin city" is the district seat.
    aleppo = Place(name="Aleppo", country="Syria", latitude=36.20, longitude=37.17, admin1="Aleppo", population=10**6)
    city = Place(name="Afrin", country="Syria", latitude=36.51, longitude=36.87, admin1="Aleppo", admin2="Afrin")
    village = Place(
        name="Afrin", country="Syria", latitude=36.23, longitude=37.33, admin1="Aleppo", admin2="Jebel Saman"
    )
    named = NameMatch(
        start=20,
        end=25,
        text="Afrin",
        candidates=(Candidate(place=village, score=1.0), Candidate(place=city, score=1.0)),
    )
    plain = resolve_places([_match(0, "Aleppo", aleppo), named])
    assert plain[1].value.place.admin2 == "Jebel Saman"
    called = NameMatch(start=20, end=25, text="Afrin", candidates=named.candidates, called="city")
    assert resolve_places([_match(0, "Aleppo", aleppo), called])[1].value.place.admin2 == "Afrin"


def test_city_and_town_after_a_name_are_recorded_by_the_scanner() -> None:
    gazetteer = Gazetteer.load()
    found = {
        m.text: m.called
        for m in gazetteer.find_place_names("Gunmen shot two men in Nawa city and in the town of Salqin.")
    }
    assert found == {"Nawa": "city", "Salqin": "town"}
    mentions = resolve_places(gazetteer.find_place_names("Gunmen shot at two brothers in Nawa city."))
    assert mentions[0].value.place.admin1 == "Dar'a"


def test_a_named_route_is_a_place_mention_at_its_own_spot() -> None:
    from ceasefire.geo.resolve import route_mentions, routes_named

    text = "A bomb went off on the M4 highway; the M4 was closed."
    mentions = route_mentions(text, routes_named(text))
    assert [m.text for m in mentions] == ["M4 highway", "M4"]
    assert {(m.value.place.name, m.value.place.feature, m.value.place.admin1) for m in mentions} == {
        ("M4 highway", "route", "Idleb")
    }
