"""The gazetteer on its real packaged data: lookups, admin areas, the text scanner, imports."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
import yaml

from ceasefire.errors import ConfigurationError
from ceasefire.geo import import_geonames
from ceasefire.geo.gazetteer import (
    Gazetteer,
    build_package_index,
    credits,
    default_cache_dir,
    find_place_names,
)
from ceasefire.geo.geonames import read_geonames
from ceasefire.geo.index import IndexLayer
from ceasefire.geo.resolve import resolve_places
from ceasefire.model import Place

SENTENCE = (
    "Seven joint Russian-Turkish patrols took place in a small area between Saraqib and "
    "Nayrab, near Maaret Elnaasan in Idlib."
)
DATA = Path(__file__).resolve().parents[2] / "src" / "ceasefire" / "geo" / "data"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def _near(place, latitude: float, longitude: float, tolerance: float = 0.02) -> bool:
    return abs(place.latitude - latitude) <= tolerance and abs(place.longitude - longitude) <= tolerance


def _top(gazetteer: Gazetteer, name: str, **kwargs):
    candidates = gazetteer.lookup(name, **kwargs)
    assert candidates, f"no candidate for {name!r}"
    return candidates[0]


# -- lookup --------------------------------------------------------------------------


def test_nayrab_is_two_towns_in_two_governorates(gazetteer: Gazetteer) -> None:
    candidates = gazetteer.lookup("Nayrab")
    by_admin1 = {c.place.admin1: c for c in candidates if c.place.feature == "populated_place"}
    assert set(by_admin1) == {"Idleb", "Aleppo"}
    assert _near(by_admin1["Idleb"].place, 35.87, 36.72)
    assert _near(by_admin1["Aleppo"].place, 36.18, 37.23)
    assert all(c.score == 1.0 and c.place.country == "Syria" for c in by_admin1.values())


def test_saraqib(gazetteer: Gazetteer) -> None:
    top = _top(gazetteer, "Saraqib")
    assert top.score == 1.0
    assert (top.place.country, top.place.admin1) == ("Syria", "Idleb")
    assert _near(top.place, 35.864, 36.806)
    assert top.place.population > 0


def test_ariha_in_syria(gazetteer: Gazetteer) -> None:
    top = _top(gazetteer, "Ariha", country="Syria")
    assert top.place.admin1 == "Idleb" and _near(top.place, 35.81, 36.61)
    # Without a country the Syrian town is still among the candidates.
    assert any(c.place.admin1 == "Idleb" for c in gazetteer.lookup("Ariha"))


def test_moscow_is_in_russia(gazetteer: Gazetteer) -> None:
    top = _top(gazetteer, "Moscow")
    assert top.place.country == "Russia"
    assert _near(top.place, 55.75, 37.62, tolerance=0.1)
    assert top.place.population > 10_000_000


def test_maaret_elnaasan(gazetteer: Gazetteer) -> None:
    for spelling in ("Maaret Elnaasan", "Maarat al-Naasan", "Ma'arrat an-Na'san"):
        top = _top(gazetteer, spelling)
        assert top.place.admin1 == "Idleb", spelling
        assert _near(top.place, 36.035, 36.838), spelling


@pytest.mark.parametrize(
    ("spelling", "name", "admin1"),
    [
        ("Saraqeb", "Sarāqib", "Idleb"),
        ("Saraqab", "Sarāqib", "Idleb"),
        ("Tarnaba", "Turnabah", "Idleb"),
        ("Trumba", "Turnabah", "Idleb"),
        ("Tronba", "Turnabah", "Idleb"),
        ("Kafranbel", "Kafr Nabl", "Idleb"),
        ("Kafr Nabl", "Kafr Nabl", "Idleb"),
        ("Jisr al-Shughur", "Jisr ash Shughūr", "Idleb"),
        ("Jisr ash-Shughur", "Jisr ash Shughūr", "Idleb"),
        ("Tell Abiad", "Tall Abyad", "Ar-Raqqa"),
        ("Tal Abyad", "Tall Abyad", "Ar-Raqqa"),
        ("Ein Issa", "`Ayn `Isa", "Ar-Raqqa"),
        ("Ain Issa", "`Ayn `Isa", "Ar-Raqqa"),
    ],
)
def test_spellings_find_the_place(gazetteer: Gazetteer, spelling: str, name: str, admin1: str) -> None:
    top = _top(gazetteer, spelling, country="Syria")
    assert (top.place.name, top.place.admin1) == (name, admin1)


def test_ras_al_ain_spellings_reach_the_border_town(gazetteer: Gazetteer) -> None:
    for spelling in ("Ras al-Ain", "Ras al Ayn", "Ras el-Ain"):
        candidates = gazetteer.lookup(spelling, country="SY")
        assert any(c.place.admin1 == "Al-Hasakeh" and _near(c.place, 36.85, 40.07) for c in candidates), spelling


def test_scores_fall_with_looser_matches(gazetteer: Gazetteer) -> None:
    exact = _top(gazetteer, "Saraqib").score
    base = _top(gazetteer, "Ain Issa", country="Syria").score
    skeleton = _top(gazetteer, "Saraqab").score
    fuzzy = _top(gazetteer, "Saraqiq").score
    assert exact == 1.0 > base > skeleton > fuzzy > 0.0
    assert gazetteer.lookup("Saraqiq", fuzzy=False) == []
    assert gazetteer.lookup("Xqzvwplk") == []
    assert gazetteer.lookup("") == []


def test_country_filter_and_limit(gazetteer: Gazetteer) -> None:
    assert all(c.place.country == "Syria" for c in gazetteer.lookup("Ras al-Ain", country="Syrian"))
    assert len(gazetteer.lookup("San Jose", limit=3)) == 3
    assert len(gazetteer.lookup("San Jose", limit=None)) > 3


def test_extra_places_are_present_with_features(gazetteer: Gazetteer) -> None:
    expected = {
        "Bab al-Hawa crossing": "crossing",
        "Bab al-Salam crossing": "crossing",
        "Taftanaz airbase": "airbase",
        "Abu al-Duhur airbase": "airbase",
        "Jabal al-Zawiya": "area",
        "Al-Ghab plain": "area",
        "Nairab military airport": "airbase",
        "Hmeimim airbase": "airbase",
        "T4 airbase": "airbase",
        "Al-Hol camp": "camp",
        "Atmeh camp": "camp",
        "Western Ghouta": "area",
        "Qalamoun Mountains": "area",
        "Jabal al-Akrad": "area",
        "Jabal al-Turkman": "area",
        "Jabal al-Arab": "area",
        "Deir ez-Zor military airport": "airbase",
    }
    for name, feature in expected.items():
        top = _top(gazetteer, name)
        assert (top.place.name, top.place.feature, top.place.country) == (name, feature, "Syria")
    assert _top(gazetteer, "Khmeimim Air Base").place.admin1 == "Lattakia"
    assert _top(gazetteer, "Tiyas Military Airbase").place.admin1 == "Homs"
    # the mountains north of Damascus, not the Lattakia village Qalmun
    assert _top(gazetteer, "Qalamoun").place.admin1 == "Rural Damascus"
    assert _top(gazetteer, "Kurd Mountains").place.admin1 == "Lattakia"
    ain_al_hawr = _top(gazetteer, "Ain al-Hawr", country="Syria").place
    assert ain_al_hawr.admin1 == "Idleb" and _near(ain_al_hawr, 35.84, 36.18)


@pytest.mark.parametrize(
    ("spelling", "admin1", "latitude", "longitude"),
    [
        ("Kafr Lusin", "Idleb", 36.25, 36.69),
        ("Kafr Lousen", "Idleb", 36.25, 36.69),
        ("Arab Said", "Idleb", 35.905, 36.49),
        ("Al-Fatatra", "Hama", 35.70, 36.38),
        ("Al-Mouzara", "Idleb", 35.658, 36.438),  # GeoNames Mawzarah, Jabal al-Zawiya
        ("Rajo", "Aleppo", 36.676, 36.664),  # GeoNames Radjun, Afrin district
        ("Daraa al-Balad", "Dar'a", 32.619, 36.102),  # a part of Daraa city
        ("Menbij", "Aleppo", 36.527, 37.956),
        ("al-Mayadeen", "Deir-ez-Zor", 35.021, 40.453),
        ("Kabani", "Lattakia", 35.717, 36.233),  # GeoNames Kabanah, not Kobani
    ],
)
def test_villages_the_packaged_data_lacked(
    gazetteer: Gazetteer, spelling: str, admin1: str, latitude: float, longitude: float
) -> None:
    top = _top(gazetteer, spelling)
    assert top.score == 1.0
    assert top.place.admin1 == admin1 and _near(top.place, latitude, longitude)


def test_every_extra_place_names_its_source() -> None:
    entries = yaml.safe_load((DATA / "places_extra.yaml").read_text(encoding="utf-8"))["places"]
    assert len(entries) >= 20
    for entry in entries:
        assert entry.get("source"), entry
        if "same_as" not in entry:
            assert 32.0 < entry["latitude"] < 37.5 and 35.5 < entry["longitude"] < 42.5, entry


# -- admin areas and countries --------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "acled"),
    [
        ("Idlib", "Idleb"),
        ("Idleb", "Idleb"),
        ("Idlib Governorate", "Idleb"),
        ("Aleppo", "Aleppo"),
        ("Hama", "Hama"),
        ("Latakia", "Lattakia"),
        ("Hasakah", "Al-Hasakeh"),
        ("Raqqa", "Ar-Raqqa"),
        ("Deir ez-Zor", "Deir-ez-Zor"),
        ("Daraa", "Dar'a"),
        ("Damascus", "Damascus"),
        ("Rif Dimashq", "Rural Damascus"),
        ("Rural Damascus", "Rural Damascus"),
        ("Homs", "Homs"),
        ("Tartus", "Tartous"),
        ("Sweida", "As-Sweida"),
        ("Quneitra", "Quneitra"),
    ],
)
def test_admin1_spellings(gazetteer: Gazetteer, spelling: str, acled: str) -> None:
    place = gazetteer.admin1_place(spelling)
    assert place is not None
    assert (place.name, place.admin1, place.feature, place.country) == (
        acled,
        acled,
        "admin1",
        "Syria",
    )
    assert 32.0 < place.latitude < 37.5 and 35.5 < place.longitude < 42.5


def test_admin1_place_is_at_the_capital(gazetteer: Gazetteer) -> None:
    idleb = gazetteer.admin1_place("Idlib")
    assert idleb is not None and _near(idleb, 35.93, 36.63)
    assert gazetteer.admin1_place("Saraqib") is None
    # The province is also a lookup candidate, next to the city.
    features = {c.place.feature for c in gazetteer.lookup("Idlib")}
    assert {"populated_place", "admin1"} <= features


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Turkish", "Turkey"),
        ("Türkiye", "Turkey"),
        ("Syrian", "Syria"),
        ("Russian", "Russia"),
        ("Iranian", "Iran"),
        ("Iraqi", "Iraq"),
        ("Lebanese", "Lebanon"),
        ("Israeli", "Israel"),
        ("American", "United States"),
        ("USA", "United States"),
        ("DRC", "Democratic Republic of Congo"),
        ("SY", "Syria"),
    ],
)
def test_country_by_name_or_adjective(gazetteer: Gazetteer, word: str, country: str) -> None:
    place = gazetteer.country(word)
    assert place is not None and (place.name, place.feature) == (country, "country")


def test_unknown_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.country("Atlantis") is None


# -- text scanner ----------------------------------------------------------------------


def test_find_place_names_in_the_patrol_sentence(gazetteer: Gazetteer) -> None:
    matches = gazetteer.find_place_names(SENTENCE)
    assert [m.text for m in matches] == ["Saraqib", "Nayrab", "Maaret Elnaasan", "Idlib"]
    for match in matches:
        assert SENTENCE[match.start : match.end] == match.text
        assert match.candidates
    nayrab = next(m for m in matches if m.text == "Nayrab")
    assert {c.place.admin1 for c in nayrab.candidates} >= {"Idleb", "Aleppo"}
    # The module-level function gives the same answer.
    assert [m.text for m in find_place_names(SENTENCE)] == [m.text for m in matches]


def test_scanner_prefers_longest_names_and_skips_common_words(gazetteer: Gazetteer) -> None:
    text = (
        "Most Police units left Jisr al-Shughur in May. Note: Support for Kafr Nabl and "
        "Ras al-Ain continued; Army shelling hit Tell Abiad on Monday. The SDF held Ain Issa."
    )
    found = [m.text for m in gazetteer.find_place_names(text)]
    assert found == ["Jisr al-Shughur", "Kafr Nabl", "Ras al-Ain", "Tell Abiad", "Ain Issa"]


def test_scanner_reports_only_big_places_outside_syria(gazetteer: Gazetteer) -> None:
    # El Tarter (Andorra, ~1,000 people) is in the gazetteer but too small to scan for.
    assert gazetteer.lookup("El Tarter")
    assert gazetteer.find_place_names("Officials met in El Tarter on Friday.") == []
    found = gazetteer.find_place_names("Officials met in Moscow and Ankara.")
    assert [m.text for m in found] == ["Moscow", "Ankara"]
    assert found[0].candidates[0].place.country == "Russia"


def test_a_month_after_on_and_words_across_a_full_stop_are_no_place(gazetteer: Gazetteer) -> None:
    text = "Vehicles had entered Syria since the ceasefire began on 6 March. It put the number at 6,200."
    assert [m.text for m in gazetteer.find_place_names(text)] == ["Syria"]


def test_the_first_part_of_a_hyphenated_name_is_not_a_place(gazetteer: Gazetteer) -> None:
    # "Mazar" alone is a Syrian hamlet; "Mazar-i-Sharif" is not it
    found = [m.text for m in gazetteer.find_place_names("A bomb exploded in the city of Mazar-i-Sharif on Friday.")]
    assert "Mazar" not in found
    assert [m.text for m in gazetteer.find_place_names("Shells fell on the village of Mazar.")] == ["Mazar"]


def test_scanner_handles_possessives_and_line_breaks(gazetteer: Gazetteer) -> None:
    text = "Idlib's countryside\nSaraqib\nAleppo"
    assert [m.text for m in gazetteer.find_place_names(text)] == ["Idlib", "Saraqib", "Aleppo"]


def test_is_place_word(gazetteer: Gazetteer) -> None:
    assert gazetteer.is_place_word("Saraqib")
    assert gazetteer.is_place_word("Nayrab")
    assert not gazetteer.is_place_word("Turkish")
    assert not gazetteer.is_place_word("March")
    assert not gazetteer.is_place_word("Xqzvwplk")


# -- facts, load time, speed -----------------------------------------------------------


def test_info_counts_places_and_credits_sources(gazetteer: Gazetteer) -> None:
    info = gazetteer.info()
    assert info["total"] > 130_000
    assert info["by_country"]["Syria"] > 10_000
    assert info["by_country"]["Russia"] > 1_000
    assert info["countries"] >= 240 and info["admin1"] == 14
    for credit in (
        "GeoNames (geonames.org), CC BY 4.0",
        "Who's On First (CC0)",
        "Open-Syria data-geography, CC BY 4.0",
    ):
        assert credit in info["credits"]
    assert tuple(info["credits"]) == credits()


def test_a_built_index_opens_with_every_place() -> None:
    # how fast it opens and answers is measured by benchmarks/gazetteer_speed.py, not here
    layer = IndexLayer(build_package_index(default_cache_dir()))
    assert len(layer) > 130_000


def test_places_built_from_the_index_equal_places_built_by_their_constructor(gazetteer: Gazetteer) -> None:
    # IndexLayer fills a Place's fields in one step rather than through Place.__init__;
    # a field added to Place must be added there too.
    layer = IndexLayer(build_package_index(default_cache_dir()))
    for pid in (1, 20, 200, 2_000, 20_000, len(layer)):
        place = layer.place(pid)
        assert set(vars(place)) == {field.name for field in dataclasses.fields(Place)}
        rebuilt = Place(**{field.name: getattr(place, field.name) for field in dataclasses.fields(Place)})
        assert place == rebuilt and hash(place) == hash(rebuilt) and repr(place) == repr(rebuilt)
        assert layer.place(pid) is place  # built once
        assert (layer.name(pid), layer.country(pid), layer.population(pid)) == (
            place.name,
            place.country,
            place.population,
        )
    with pytest.raises(dataclasses.FrozenInstanceError):
        place.name = "changed"  # type: ignore[misc]


# -- GeoNames import -------------------------------------------------------------------

ROWS = [
    # geonameid, name, asciiname, alternatenames, lat, lon, class, code, cc, cc2, admin1..4,
    # population, elevation, dem, timezone, modified
    "99000001\tKhirbat Zuwaytinah\tKhirbat Zuwaytinah\tKhirbet Zweitineh,Khirbat Zuwaytina,"
    "خربة زويتينة\t35.7001\t36.5502\tP\tPPL\tSY\t\t12\t\t\t\t0\t\t350\tAsia/Damascus\t2024-01-01",
    "99000002\tMatar Zuwaytinah\tMatar Zuwaytinah\t\t35.7101\t36.5602\tS\tAIRF\tSY\t\t12\t\t\t\t0"
    "\t\t350\tAsia/Damascus\t2024-01-01",
    "99000003\tQoroqtown\tQoroqtown\t\t41.0\t29.0\tP\tPPL\tTR\t\t34\t\t\t\t2500\t\t50\tEurope/Istanbul\t2024-01-01",
]


def _write_dump(path: Path) -> Path:
    path.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    return path


def test_import_geonames_extends_the_gazetteer(tmp_path: Path) -> None:
    store = tmp_path / "store"
    report = import_geonames(_write_dump(tmp_path / "SY.txt"), store)
    assert (report.rows_read, report.places_kept, report.extension_places) == (3, 3, 3)
    assert report.stored_as.is_file()

    gazetteer = Gazetteer.load(extension_dir=store)
    top = _top(gazetteer, "Khirbet Zweitineh")
    assert (top.place.name, top.place.country, top.place.admin1) == (
        "Khirbat Zuwaytinah",
        "Syria",
        "Idleb",
    )
    assert top.place.place_id == "gn:99000001"
    assert _top(gazetteer, "Matar Zuwaytinah").place.feature == "airbase"
    assert _top(gazetteer, "Qoroqtown").place.country == "Turkey"
    # Packaged places are still there, and the scanner sees imported Syrian places.
    assert _top(gazetteer, "Saraqib").place.admin1 == "Idleb"
    found = gazetteer.find_place_names("Shelling hit Khirbat Zuwaytinah and Saraqib.")
    assert [m.text for m in found] == ["Khirbat Zuwaytinah", "Saraqib"]
    # The default gazetteer does not see another store's places.
    assert Gazetteer.load().lookup("Qoroqtown", fuzzy=False) == []


def test_import_geonames_reads_zip_archives_and_filters_countries(tmp_path: Path) -> None:
    dump = _write_dump(tmp_path / "allCountries.txt")
    archive = tmp_path / "allCountries.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(dump, "allCountries.txt")
        out.writestr("readme.txt", "not data")
    report = import_geonames(archive, tmp_path / "store", countries=["TR"])
    assert (report.rows_read, report.places_kept) == (3, 1)
    gazetteer = Gazetteer.load(extension_dir=tmp_path / "store")
    assert _top(gazetteer, "Qoroqtown").place.country == "Turkey"
    found = gazetteer.lookup("Khirbet Zweitineh", fuzzy=False)
    assert all(c.place.place_id != "gn:99000001" for c in found)


def test_import_rejects_a_file_that_is_not_a_geonames_dump(tmp_path: Path) -> None:
    csv_file = tmp_path / "places.csv"
    csv_file.write_text("name,lat,lon\nSaraqib,35.86,36.80\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"places\.csv:1: 1 tab-separated columns .* 19"):
        import_geonames(csv_file, tmp_path / "store")
    assert not (tmp_path / "store").exists()

    fake_zip = tmp_path / "SY.zip"
    fake_zip.write_text("hello", encoding="utf-8")
    with pytest.raises(ConfigurationError, match="not a zip archive"):
        import_geonames(fake_zip, tmp_path / "store")

    bad_number = tmp_path / "bad.txt"
    bad_number.write_text(ROWS[0].replace("35.7001", "north") + "\n", encoding="utf-8")
    with pytest.raises(ConfigurationError, match=r"bad\.txt:1: not a GeoNames row"):
        import_geonames(bad_number, tmp_path / "store")

    with pytest.raises(ConfigurationError, match="no such file"):
        import_geonames(tmp_path / "missing.zip", tmp_path / "store")

    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\xff\xfe\x00\x01" * 10)
    with pytest.raises(ConfigurationError, match="not UTF-8"):
        import_geonames(binary, tmp_path / "store")


def test_read_geonames_parses_the_documented_columns(tmp_path: Path) -> None:
    rows = list(read_geonames(_write_dump(tmp_path / "SY.txt")))
    first = rows[0]
    assert (first.geonameid, first.name, first.country_code, first.admin1_code) == (
        99000001,
        "Khirbat Zuwaytinah",
        "SY",
        "12",
    )
    assert first.alternatenames == ("Khirbet Zweitineh", "Khirbat Zuwaytina", "خربة زويتينة")
    assert (first.latitude, first.longitude, first.feature) == (35.7001, 36.5502, "populated_place")
    assert rows[2].population == 2500


def test_scanner_skips_names_of_people_and_groups(gazetteer: Gazetteer) -> None:
    text = (
        "Russian President Vladimir Putin met Erdogan. The group of Abu Malik al-Talli "
        "and Jaysh al-Izza left. Saleh al-Mar'i was killed in Sarmada."
    )
    assert [m.text for m in gazetteer.find_place_names(text)] == ["Sarmada"]


def test_scanner_keeps_places_next_to_places_and_place_words(gazetteer: Gazetteer) -> None:
    text = (
        "Traffic on the Aleppo-Latakia highway resumed. Flights left Damascus International "
        "Airport. Shelling hit Northern Idlib and al-Ghassaniyah."
    )
    found = [m.text for m in gazetteer.find_place_names(text)]
    assert found == ["Aleppo", "Latakia", "Damascus", "Idlib", "al-Ghassaniyah"]


def test_scanner_reads_headlines(gazetteer: Gazetteer) -> None:
    headline = "Russia And Turkey Agree Idlib Ceasefire After Talks In Moscow\nBody text."
    found = [m.text for m in gazetteer.find_place_names(headline)]
    assert found == ["Russia", "Turkey", "Idlib", "Moscow"]


def test_scanner_accepts_close_syrian_spellings(gazetteer: Gazetteer) -> None:
    # OCHA's Sufuhun is GeoNames' Safuhun: a skeleton match, close enough to report.
    found = gazetteer.find_place_names("Government forces shelled Sufuhun and Fattirah.")
    assert [m.text for m in found] == ["Sufuhun", "Fattirah"]
    sufuhun = found[0].candidates[0]
    assert sufuhun.place.admin1 == "Idleb" and 0.6 <= sufuhun.score < 0.85
    # Outside Syria only exact names count: "Talli" is not Dali (China).
    assert gazetteer.find_place_names("Talli said nothing.") == []


def test_article_less_spellings_reach_names_with_articles(gazetteer: Gazetteer) -> None:
    # "Qusayr" is a village's own name and, without its article, the town of Al-Qusayr.
    candidates = gazetteer.lookup("Qusayr", country="Syria")
    homs = [c for c in candidates if c.place.admin1 == "Homs"]
    assert homs and homs[0].place.population > 30_000
    assert candidates[0].score == 1.0 > homs[0].score >= 0.85
    top = _top(gazetteer, "Raqqa", country="Syria")
    assert top.place.admin1 == "Ar-Raqqa" and top.place.population > 100_000


def test_after_a_locative_a_looser_spelling_is_taken():
    from ceasefire.geo.gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    found = {
        m.text: m.candidates[0].place.name
        for m in gazetteer.find_place_names(
            "A bomb exploded in Menbidj; clashes near al-Bab; shelling hit Daraa al-Balad."
        )
    }
    # "Daraa al-Balad", the old town, is a spelling of the city itself
    assert found == {"Menbidj": "Manbij", "al-Bab": "Al Bāb", "Daraa al-Balad": "Dar‘ā"}
    assert gazetteer.find_place_names("Menbidj said nothing.") == []


def test_a_name_listed_after_a_village_is_read_as_a_place():
    gazetteer = Gazetteer.load()
    found = {
        m.text: m.candidates[0].place for m in gazetteer.find_place_names("Regime shelling hit Mhambal and Ehsem.")
    }
    assert found["Ehsem"].name == "Ihsim" and found["Ehsem"].admin1 == "Idleb"
    listed = {m.text for m in gazetteer.find_place_names("Jets struck Kafr Nabl, Hass and Qmenas.")}
    assert {"Kafr Nabl", "Hass", "Qmenas"} <= listed
    # Not after a country, and only a spelling match, not a fuzzy one: lists go on with people.
    assert "Ehsem" not in {m.text for m in gazetteer.find_place_names("Turkey and Ehsem.")}
    people = {m.text for m in gazetteer.find_place_names("Jets struck Ariha, Abu Mohammad and Mhambal.")}
    assert "Abu Mohammad" not in people and "Mhambal" in people


def test_the_short_way_for_one_spelling_gives_what_the_full_lookup_gives(gazetteer: Gazetteer) -> None:
    # With the index given twice, every lookup takes the full way (hits of both layers,
    # ranked, the second copy of each place dropped): the answers must be the same.
    path = Path(gazetteer.info()["index_files"][0])
    single = Gazetteer([IndexLayer(path)])
    doubled = Gazetteer([IndexLayer(path), IndexLayer(path)])
    names = ["Saraqib", "Kafr Nabl", "Springfield", "Nayrab", "Idlib", "Saraqeb", "Maaret Elnaasan", "Paris"]
    for name in names:
        for options in ({}, {"limit": 1}, {"country": "Syria"}):
            assert single.lookup(name, **options) == doubled.lookup(name, **options), (name, options)
    for text in (SENTENCE, "Turkish drones struck near Tell Abiad and Ras al-Ain."):
        assert single.find_place_names(text) == doubled.find_place_names(text)


def test_lowercase_direction_and_facility_words_belong_to_names_the_gazetteer_has(gazetteer: Gazetteer) -> None:
    text = (
        "Regime forces shelled western Ghouta; rockets hit the al-Omar oil field and the Bab al-Hawa border crossing."
    )
    found = {m.text: m.candidates[0].place for m in gazetteer.find_place_names(text)}
    assert found["western Ghouta"].name == "Western Ghouta"
    assert found["al-Omar oil field"].feature == "facility"
    assert found["Bab al-Hawa border crossing"].feature == "crossing"
    # a direction word before a name that has no such spelling stays out of the name
    assert [m.text for m in gazetteer.find_place_names("Clashes in southern Idlib.")] == ["Idlib"]


def test_places_added_from_public_sources_are_found(gazetteer: Gazetteer) -> None:
    expected = {
        "Tabqa": "Ar-Raqqa",
        "Conoco": "Deir-ez-Zor",
        "Khasham": "Deir-ez-Zor",
        "Thiban": "Deir-ez-Zor",
    }
    for name, admin1 in expected.items():
        assert gazetteer.lookup(name)[0].place.admin1 == admin1, name
    places = gazetteer.find_place_names("Rockets fell on the Al-Hamdaniyah neighbourhood of Aleppo city.")
    assert resolve_places(places)[0].value.place.admin1 == "Aleppo"
