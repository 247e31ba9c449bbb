"""Build the packaged gazetteer from the shared source data.

Reads ``../shared/gazetteer`` (or ``--source``) and writes, into
``src/ceasefire/geo/data/``:

- ``syria.csv.gz``: every row of ``syria-places.csv`` (Who's On First + GeoNames),
  with population from GeoNames where known, plus the Syrian rows of cities500
  that the file lacks;
- ``world.csv.gz``: GeoNames cities500, every other country, places with
  population ≥ 1000 or feature code PPLA/PPLA2/PPLC.

Only Latin-script alternate names are kept (Arabic names of Syrian places stay in
their own column). Rerunnable: the output depends only on the input files.

    python scripts/build_gazetteer.py [--source ../shared/gazetteer] [--out src/ceasefire/geo/data]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ceasefire.geo.geonames import read_geonames
from ceasefire.geo.names import is_latin, spelling_alternates

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "gazetteer"
DEFAULT_OUT = ROOT / "src" / "ceasefire" / "geo" / "data"

WORLD_MIN_POPULATION = 1000
WORLD_ALWAYS_CODES = {"PPLA", "PPLA2", "PPLC"}

SYRIA_COLUMNS = ("place_id name name_ar alt_names lat lon admin1 admin2 admin3 feature population").split()
WORLD_COLUMNS = "geonameid name alt_names lat lon cc admin1_code feature_code population".split()

_SYRIA_FEATURES = {"neighbourhood": "neighbourhood"}


def _usable_name(name: str) -> bool:
    """A Latin-script name with no stray one-letter word left by a lost apostrophe."""
    words = name.split()
    return bool(words) and is_latin(name) and not any(len(w) == 1 for w in words[1:])


def _coord(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def write_gzip_csv(path: Path, columns: list[str], rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    # mtime=0 keeps the output byte-identical across runs.
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as handle,
    ):
        handle.write(buffer.getvalue().encode("utf-8"))


def build(source: Path, out: Path) -> dict[str, int]:
    syria_csv = source / "syria-places.csv"
    cities = source / "geonames-cities500.txt.gz"
    for path in (syria_csv, cities):
        if not path.is_file():
            raise SystemExit(f"{path}: missing; pass --source with the shared gazetteer folder")

    with open(syria_csv, encoding="utf-8", newline="") as handle:
        syria_rows = list(csv.DictReader(handle))

    gn_of_syria: dict[int, int] = {}  # geonameid → index in syria_rows
    for index, row in enumerate(syria_rows):
        for part in row["source_id"].split(";"):
            if part.startswith("gn:") and part[3:].isdigit():
                gn_of_syria[int(part[3:])] = index

    world_rows: list[list[str]] = []
    syria_population: dict[int, int] = {}
    syria_geonames_name: dict[int, str] = {}
    extra_syria = []
    code_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for geo in read_geonames(cities):
        if geo.country_code == "SY":
            if geo.geonameid in gn_of_syria:
                index = gn_of_syria[geo.geonameid]
                syria_population[index] = geo.population
                syria_geonames_name[index] = geo.name
                code_votes[geo.admin1_code][syria_rows[index]["admin1"]] += 1
            else:
                extra_syria.append(geo)
            continue
        if geo.population < WORLD_MIN_POPULATION and geo.feature_code not in WORLD_ALWAYS_CODES:
            continue
        alternates = spelling_alternates(geo.name, [geo.asciiname, *geo.alternatenames])
        world_rows.append(
            [
                str(geo.geonameid),
                geo.name,
                ";".join(alternates),
                _coord(geo.latitude),
                _coord(geo.longitude),
                geo.country_code,
                geo.admin1_code,
                geo.feature_code,
                str(geo.population),
            ]
        )

    syria_admin1_by_code = {code: votes.most_common(1)[0][0] for code, votes in code_votes.items()}
    out_syria: list[list[str]] = []
    for index, row in enumerate(syria_rows):
        ids = dict(part.split(":", 1) for part in row["source_id"].split(";") if ":" in part)
        place_id = f"gn:{ids['gn']}" if ids.get("gn", "").isdigit() else f"wof:{ids.get('wof', index)}"
        name = row["name_en"]
        alternates_in = row["alt_names"].split(";")
        if not _usable_name(name):
            # Some Who's On First rows carry an Arabic or broken ("Dar a") English name.
            better = syria_geonames_name.get(index) or next((a for a in alternates_in if _usable_name(a)), name)
            alternates_in = [name, *alternates_in]
            name = better
        alternates = spelling_alternates(name, alternates_in)
        feature = _SYRIA_FEATURES.get(row["feature_class"], "populated_place")
        out_syria.append(
            [
                place_id,
                name,
                row["name_ar"],
                ";".join(alternates),
                row["lat"],
                row["lon"],
                row["admin1"],
                row["admin2"],
                row["admin3"],
                feature,
                str(syria_population.get(index, 0)),
            ]
        )
    for geo in extra_syria:
        alternates = spelling_alternates(geo.name, [geo.asciiname, *geo.alternatenames])
        arabic = next((a for a in geo.alternatenames if not is_latin(a)), "")
        out_syria.append(
            [
                f"gn:{geo.geonameid}",
                geo.name,
                arabic,
                ";".join(alternates),
                _coord(geo.latitude),
                _coord(geo.longitude),
                syria_admin1_by_code.get(geo.admin1_code, ""),
                "",
                "",
                "populated_place",
                str(geo.population),
            ]
        )

    out.mkdir(parents=True, exist_ok=True)
    write_gzip_csv(out / "syria.csv.gz", SYRIA_COLUMNS, out_syria)
    write_gzip_csv(out / "world.csv.gz", WORLD_COLUMNS, world_rows)
    print("GeoNames admin1 codes of Syria:", dict(sorted(syria_admin1_by_code.items())))
    return {
        "syria_places": len(out_syria),
        "syria_from_cities500_only": len(extra_syria),
        "world_places": len(world_rows),
        "syria_bytes": (out / "syria.csv.gz").stat().st_size,
        "world_bytes": (out / "world.csv.gz").stat().st_size,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    figures = build(args.source, args.out)
    for key, value in figures.items():
        print(f"{key}: {value:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
