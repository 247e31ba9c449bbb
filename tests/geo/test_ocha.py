"""Importing an OCHA populated-places table into the user's gazetteer extension."""

from __future__ import annotations

from pathlib import Path

import pytest

from ceasefire.errors import ConfigurationError
from ceasefire.geo.extension import import_geonames
from ceasefire.geo.gazetteer import Candidate, Gazetteer
from ceasefire.geo.ocha import import_ocha

# The layout of OCHA's Syrian populated-places table (admin names and P-codes per
# level, the place at admin4), with the HXL hashtag row HDX adds under the header.
# The two villages are made up, so that only the import can explain finding them.
SYRIA_TABLE = (
    "admin0Name_en,admin0Pcode,admin1Name_en,admin1Pcode,admin2Name_en,admin2Pcode,"
    "admin3Name_en,admin3Pcode,admin4Name_en,admin4Name_ar,admin4Pcode,Latitude,Longitude\n"
    "#country+name,#country+code,#adm1+name,#adm1+code,#adm2+name,#adm2+code,"
    "#adm3+name,#adm3+code,#loc+name,#loc+name+i_ar,#loc+code,#geo+lat,#geo+lon\n"
    "Syria,SY,Idlib,SY07,Ariha,SY0703,Ariha,SY070300,Khirbat Ochaiyya,خربة أوشية,C99901,35.7123,36.6011\n"
    # No admin1 name: the governorate comes from its P-code (SY02, Aleppo).
    ",,,SY02,Jebel Saman,SY0200,Haritan,SY020003,Tall Zuqaymiyya,,C99902,36.3101,37.0902\n"
    # No point: skipped.
    "Syria,SY,Idlib,SY07,Ariha,SY0703,Ariha,SY070300,Nowhere Village,,C99903,,\n"
)


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _top(gazetteer: Gazetteer, name: str) -> Candidate:
    found = gazetteer.lookup(name, fuzzy=False)
    assert found, f"{name} not found"
    return found[0]


def test_import_ocha_adds_places_a_lookup_finds_with_their_admin1(tmp_path: Path) -> None:
    store = tmp_path / "store"
    report = import_ocha(_write(tmp_path / "syr_pplp_adm4_unocha.csv", SYRIA_TABLE), store)
    assert (report.rows_read, report.places_kept, report.extension_places) == (3, 2, 2)
    assert report.stored_as.is_file()
    assert report.stored_as.parent == store

    gazetteer = Gazetteer.load(extension_dir=store)
    village = _top(gazetteer, "Khirbat Ochaiyya").place
    assert (village.place_id, village.country, village.admin1, village.admin2, village.admin3) == (
        "ocha:C99901",
        "Syria",
        "Idleb",  # "Idlib" in the table, ACLED's spelling in the gazetteer
        "Ariha",
        "Ariha",
    )
    assert (village.latitude, village.longitude) == (35.7123, 36.6011)
    assert _top(gazetteer, "خربة أوشية").place.place_id == "ocha:C99901"
    # Transliteration variants reach imported Syrian places, as they do packaged ones.
    assert _top(gazetteer, "Khirbet Ochaiya").place.place_id == "ocha:C99901"
    assert _top(gazetteer, "Tall Zuqaymiyya").place.admin1 == "Aleppo"
    found = gazetteer.find_place_names("Shelling hit Khirbat Ochaiyya near Saraqib.")
    assert [m.text for m in found] == ["Khirbat Ochaiyya", "Saraqib"]


def test_import_ocha_reads_other_header_spellings(tmp_path: Path) -> None:
    # COD-AB style headers, semicolons, decimal commas, x/y; Lebanon from the admin0 P-code.
    table = "ADM0_PCODE;ADM1_EN;ADM1_PCODE;ADM4_EN;ADM4_PCODE;y;x\nLB;Akkar;LB1;Qoubaiyat Ocha;LB999;34,57;36,28\n"
    store = tmp_path / "store"
    report = import_ocha(_write(tmp_path / "lbn_ppl.csv", table), store)
    assert report.places_kept == 1
    place = _top(Gazetteer.load(extension_dir=store), "Qoubaiyat Ocha").place
    assert (place.country, place.admin1, place.latitude, place.longitude) == ("Lebanon", "Akkar", 34.57, 36.28)


def test_ocha_and_geonames_imports_add_up(tmp_path: Path) -> None:
    store = tmp_path / "store"
    import_ocha(_write(tmp_path / "syr.csv", SYRIA_TABLE), store)
    dump = "\t".join(
        ["99000009", "Qoroqville", "Qoroqville", "", "41.0", "29.0", "P", "PPL", "TR", "", "34", "", "", "", "2500"]
        + ["", "50", "Europe/Istanbul", "2024-01-01"]
    )
    report = import_geonames(_write(tmp_path / "TR.txt", dump + "\n"), store)
    assert report.extension_places == 3
    gazetteer = Gazetteer.load(extension_dir=store)
    assert _top(gazetteer, "Qoroqville").place.country == "Turkey"
    assert _top(gazetteer, "Khirbat Ochaiyya").place.admin1 == "Idleb"
    # Importing the same table again replaces it rather than adding to it.
    assert import_ocha(tmp_path / "syr.csv", store).extension_places == 3


def test_a_file_that_is_not_an_ocha_table_is_refused(tmp_path: Path) -> None:
    store = tmp_path / "store"
    wrong = _write(tmp_path / "events.csv", "event_id,date,fatalities\n1,2020-03-05,3\n")
    with pytest.raises(ConfigurationError, match=r"events\.csv: not an OCHA populated-places table") as error:
        import_ocha(wrong, store)
    message = str(error.value)
    assert "place's name" in message and "latitude" in message and "longitude" in message
    assert "event_id" in message  # what the file has instead
    assert not store.exists()

    no_point = _write(tmp_path / "names.csv", "Name_en,admin1Name_en\nSaraqib,Idlib\n")
    with pytest.raises(ConfigurationError, match=r"names\.csv: .*missing columns: latitude.*; longitude"):
        import_ocha(no_point, store)

    workbook = tmp_path / "syr_pplp.xlsx"
    workbook.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(ConfigurationError, match=r"syr_pplp\.xlsx: an Excel workbook"):
        import_ocha(workbook, store)

    with pytest.raises(ConfigurationError, match=r"missing\.csv: no such file"):
        import_ocha(tmp_path / "missing.csv", store)
    assert not store.exists()
