"""The command line, driven as a user drives it: real files, a real SQLite store, a subprocess."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPO

REPORT = (
    "On 7 May 2020, a joint patrol of Turkish and Russian forces took place on the M4 highway, "
    "from Turnabah to the outskirts of Ariha in Idlib countryside.\n"
)
SHELLING = "On 20 April 2020, Syrian government forces fired rockets at Afes near Saraqib. Two civilians were killed.\n"


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ceasefire", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        env={**os.environ, **(env or {})},
        check=False,
    )


def assert_clean_error(result: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for needle in needles:
        assert needle in result.stderr, result.stderr


def count_events(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("select count(*) from events").fetchone()[0]


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    path = tmp_path / "patrol.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_extract_writes_jsonl_events_with_evidence(report: Path):
    result = run("extract", str(report), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["sub_event_type"] for r in records] == ["Change to group/activity"]
    record = records[0]
    assert record["event_date"] == "2020-05-07" and record["date_precision"] == "day"
    assert {record["actor1"], record["assoc_actor_1"]} == {
        "Military Forces of Turkey (2016-)",
        "Military Forces of Russia (2000-)",
    }
    assert record["admin1"] == "Idleb"
    text = report.read_text(encoding="utf-8")
    for evidence in record["evidence"]:
        assert text[evidence["start"] : evidence["end"]] == evidence["text"]


@pytest.mark.parametrize(
    "fmt, check",
    [
        ("geojson", lambda out: json.loads(out)["features"][0]["geometry"]["type"] == "Point"),
        ("acled-csv", lambda out: out.splitlines()[0].startswith("event_id_cnty,event_date")),
        ("csv", lambda out: "sub_event_type" in out.splitlines()[0]),
    ],
)
def test_extract_formats(report: Path, fmt, check):
    result = run("extract", str(report), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert check(result.stdout)


def test_ingest_is_idempotent_and_events_filters(tmp_path: Path, report: Path):
    db = tmp_path / "events.db"
    shelling = tmp_path / "shelling.txt"
    shelling.write_text(SHELLING, encoding="utf-8")
    first = run("ingest", str(report), str(shelling), "--db", str(db))
    assert first.returncode == 0, first.stderr
    stored = count_events(db)
    assert stored >= 2
    again = run("ingest", str(report), str(shelling), "--db", str(db))
    assert again.returncode == 0 and "2 already stored" in again.stderr
    assert count_events(db) == stored
    listed = run("events", "--db", str(db), "--type", "Explosions/Remote violence", "--format", "jsonl")
    records = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["sub_event_type"] for r in records] == ["Shelling/artillery/missile attack"]
    assert records[0]["fatalities"] == 2
    boxed = run("events", "--db", str(db), "--bbox", "36.5,35.7,36.7,35.9", "--format", "jsonl")
    assert all(36.5 <= json.loads(line)["longitude"] <= 36.7 for line in boxed.stdout.splitlines())
    table = run("events", "--db", str(db))
    assert table.returncode == 0 and "Shelling" in table.stdout


def test_the_database_env_variable_names_the_store(tmp_path: Path, report: Path):
    db = tmp_path / "from-env.db"
    result = run("ingest", str(report), env={"CEASEFIRE_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert count_events(db) >= 1


def test_export_writes_a_file(tmp_path: Path, report: Path):
    db = tmp_path / "events.db"
    run("ingest", str(report), "--db", str(db))
    out = tmp_path / "events.geojson"
    result = run("export", "--format", "geojson", "--out", str(out), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == count_events(db)


# -- bad input: one clear line, a non-zero exit, nothing stored lost -------------------------


@pytest.fixture()
def stored(tmp_path: Path, report: Path) -> Path:
    db = tmp_path / "events.db"
    assert run("ingest", str(report), "--db", str(db)).returncode == 0
    return db


@pytest.mark.parametrize(
    "name, content, needle",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("latin1.txt", "Les forces ont bombardé Ariha.".encode("latin-1"), "UTF-8"),
        ("nothing.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_bad_files_are_refused_and_the_store_keeps_what_it_had(tmp_path: Path, stored: Path, name, content, needle):
    before = count_events(stored)
    bad = tmp_path / name
    bad.write_bytes(content)
    result = run("ingest", str(bad), "--db", str(stored))
    assert_clean_error(result, name, needle)
    assert len([line for line in result.stderr.splitlines() if line.startswith("error:")]) == 1
    assert count_events(stored) == before


def test_a_bad_jsonl_line_is_reported_by_number_and_the_others_are_coded(tmp_path: Path, stored: Path):
    before = count_events(stored)
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"id": "a", "text": SHELLING, "published": "2020-04-21"})
        + "\n"
        + "{not json\n"
        + json.dumps(
            {
                "id": "c",
                "text": "On 3 June 2020, Russian warplanes struck Kansafra in Idlib.",
                "published": "2020-06-03",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    result = run("ingest", "--input", str(docs), "--db", str(stored))
    assert_clean_error(result, f"{docs}:2", "not valid JSON")
    assert count_events(stored) >= before + 2


def test_an_unparseable_date_is_refused(report: Path, tmp_path: Path):
    assert_clean_error(run("extract", str(report), "--published", "the day after"), "--published", "unparseable date")
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": SHELLING, "published": "someday"}) + "\n", encoding="utf-8")
    assert_clean_error(run("extract", "--input", str(docs)), f"{docs}:1", "unparseable date")


def test_missing_file_and_no_input(tmp_path: Path):
    assert_clean_error(run("extract", str(tmp_path / "absent.txt")), "absent.txt", "not found")
    assert_clean_error(run("extract"), "no input")


def test_a_store_that_is_not_a_database_is_refused(tmp_path: Path, report: Path):
    fake = tmp_path / "notes.db"
    fake.write_text("this is not sqlite", encoding="utf-8")
    assert_clean_error(run("ingest", str(report), "--db", str(fake)), "notes.db")
    assert fake.read_text(encoding="utf-8") == "this is not sqlite"


def test_bad_filter_values_are_refused(stored: Path):
    assert_clean_error(run("events", "--db", str(stored), "--from", "May 5"), "--from", "YYYY-MM-DD")
    assert_clean_error(run("events", "--db", str(stored), "--bbox", "1,2,3"), "--bbox")


def test_gazetteer_info_names_the_sources_to_credit():
    result = run("gazetteer", "info", "--top", "3")
    assert result.returncode == 0, result.stderr
    assert "Syria" in result.stdout
    assert "GeoNames (geonames.org), CC BY 4.0" in result.stdout


def test_gazetteer_import_adds_places_and_refuses_other_files(tmp_path: Path):
    dump = tmp_path / "SY.txt"
    row = [
        "9999001",
        "Khirbat Testiyah",
        "Khirbat Testiyah",
        "Testiyah",
        "35.91",
        "36.41",
        "P",
        "PPL",
        "SY",
        "",
        "07",
        "",
        "",
        "",
        "650",
        "",
        "300",
        "Asia/Damascus",
        "2020-01-01",
    ]
    dump.write_text("\t".join(row) + "\n", encoding="utf-8")
    env = {"CEASEFIRE_DATA_DIR": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = run("gazetteer", "import", str(dump), env=env)
    assert result.returncode == 0, result.stderr
    assert "1 of 1 places imported" in result.stderr
    report = tmp_path / "report.txt"
    report.write_text("On 3 June 2020, Russian warplanes struck Khirbat Testiyah in Idlib.\n", encoding="utf-8")
    coded = run("extract", str(report), env=env)
    assert json.loads(coded.stdout.splitlines()[0])["location"] == "Khirbat Testiyah"
    bad = tmp_path / "notes.txt"
    bad.write_text("not a dump\n", encoding="utf-8")
    assert_clean_error(run("gazetteer", "import", str(bad), env=env), "notes.txt", "19")


def test_a_killed_batch_keeps_every_finished_document_whole_and_a_rerun_completes_it(tmp_path: Path):
    import signal
    import time

    docs = tmp_path / "many.jsonl"
    with docs.open("w", encoding="utf-8") as stream:
        for n in range(400):
            text = f"On {1 + n % 28} May 2020, Syrian government forces shelled Kansafra in Idlib, report {n}."
            stream.write(json.dumps({"id": f"r{n}", "text": text, "published": "2020-05-30"}) + "\n")
    db = tmp_path / "events.db"
    process = subprocess.Popen([sys.executable, "-m", "ceasefire", "ingest", "--input", str(docs), "--db", str(db)],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db) as connection:
                    stored = connection.execute("select count(*) from documents").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 5:
                break
    assert process.poll() is None, "the batch ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    with sqlite3.connect(db) as connection:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
        documents = connection.execute("select count(*) from documents").fetchone()[0]
        orphans = connection.execute(
            "select count(*) from documents d where not exists (select 1 from events e where e.doc_id = d.id)"
        ).fetchone()[0]
    assert 5 <= documents < 400
    assert orphans == 0  # every stored document came with its events: one transaction each
    rerun = run("ingest", "--input", str(docs), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{documents} already stored" in rerun.stderr
    with sqlite3.connect(db) as connection:
        assert connection.execute("select count(*) from documents").fetchone()[0] == 400


def test_gazetteer_import_reads_an_ocha_table(tmp_path: Path):
    table = tmp_path / "syr_pplp.csv"
    table.write_text(
        "admin1Name_en,admin1Pcode,admin2Name_en,admin4Name_en,admin4Pcode,Latitude,Longitude\n"
        "Idlib,SY07,Ariha,Khirbat Ochaiyya,C99901,35.7123,36.6011\n",
        encoding="utf-8",
    )
    env = {"CEASEFIRE_DATA_DIR": str(tmp_path / "data"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = run("gazetteer", "import", str(table), "--format", "ocha", "--country", "SY", env=env)
    assert result.returncode == 0, result.stderr
    report = tmp_path / "report.txt"
    report.write_text("On 3 June 2020, Russian warplanes struck Khirbat Ochaiyya.\n", encoding="utf-8")
    event = json.loads(run("extract", str(report), env=env).stdout.splitlines()[0])
    assert (event["location"], event["admin1"]) == ("Khirbat Ochaiyya", "Idleb")
    assert_clean_error(run("gazetteer", "import", str(table), "--format", "kml", env=env), "--format")
