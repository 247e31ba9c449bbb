"""Gazetteer speed: load time, and name lookups per second (cold and warm cache).

    python benchmarks/gazetteer_speed.py

"Cold" lookups are distinct names never looked up before, on a freshly opened
index (no cached lookups, places or keys), timed with Python's garbage collector
on and, as ``timeit`` does, paused; the issue's target (≥ 100,000 names per
second, load < 1 s) is checked on the first, with the collector on, and the
last two lines of output give both figures. The "report-like stream" draws names
with a Zipf distribution, as a corpus keeps naming the same places; "warm"
repeats names already looked up. Also times the text scanner on a report.
"""

from __future__ import annotations

import csv
import gc
import gzip
import io
import random
import time
from importlib import resources
from pathlib import Path

from ceasefire.geo.gazetteer import Gazetteer, build_package_index, default_cache_dir
from ceasefire.geo.index import IndexLayer
from ceasefire.geo.names import (
    _base_key_of_normalized,
    _normalize_unicode,
    _skeleton_of_normalized,
)

REPORT = (
    "Seven joint Russian-Turkish patrols took place in a small area between Saraqib and "
    "Nayrab, near Maaret Elnaasan in Idlib. Government forces shelled Kafr Nabl, Jisr "
    "al-Shughur and the Jabal al-Zawiya area on Monday, while Turkish drones struck near "
    "Tell Abiad and Ras al-Ain. The SDF said Ain Issa was quiet. In Moscow and Ankara, "
    "officials discussed the M4 between Trumba and Ain al-Hawr.\n"
)


def _sample_names(count: int) -> list[str]:
    raw = resources.files("ceasefire.geo").joinpath("data", "world.csv.gz").read_bytes()
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8") as handle:
        world = [row["name"] for row in csv.DictReader(handle)]
    raw = resources.files("ceasefire.geo").joinpath("data", "syria.csv.gz").read_bytes()
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8") as handle:
        syria = [row["name"] for row in csv.DictReader(handle)]
    rng = random.Random(7)
    names = rng.sample(world, count // 2) + rng.sample(syria, min(count // 2, len(syria)))
    rng.shuffle(names)
    # Places share names (a dozen Springfields): keep each once, so every lookup is new.
    return list(dict.fromkeys(names))


def _misspell(name: str) -> str:
    """The name with its middle letter doubled or a vowel swapped, as transliterations do."""
    middle = len(name) // 2
    swap = {"a": "e", "e": "i", "i": "e", "o": "u", "u": "o"}
    letter = name[middle]
    return name[:middle] + swap.get(letter, letter * 2) + name[middle + 1 :]


def main() -> None:
    start = time.perf_counter()
    build_package_index(default_cache_dir())
    print(f"index ready (built if missing) in {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    gazetteer = Gazetteer.load()
    load_seconds = time.perf_counter() - start
    print(f"load time: {load_seconds * 1000:.1f} ms")

    paths = [Path(p) for p in gazetteer.info()["index_files"]]

    def fresh() -> Gazetteer:
        """The same index opened anew: no cached lookups, places or keys."""
        for cached in (_normalize_unicode, _base_key_of_normalized, _skeleton_of_normalized):
            cached.cache_clear()
        opened = Gazetteer([IndexLayer(path) for path in paths])
        gc.collect()  # start each timing with the loading's garbage gone
        return opened

    names = _sample_names(20_000)
    misspelt = list(dict.fromkeys(_misspell(name) for name in names[:2000]))
    novel_rate = 0.0
    for label, sample in (
        ("cold lookups, gazetteer spellings", names),
        ("cold lookups, one letter changed", misspelt),
    ):
        for collector in ("on", "paused"):
            cold = fresh()
            if collector == "paused":
                gc.disable()
            start = time.perf_counter()
            found = sum(1 for name in sample if cold.lookup(name))
            elapsed = time.perf_counter() - start
            gc.enable()
            if sample is names and collector == "on":
                novel_rate = len(sample) / elapsed
            print(
                f"{label} (garbage collector {collector}): {len(sample) / elapsed:,.0f}/s ({found}/{len(sample)} found)"
            )

    # Reports keep naming the same places: a Zipf-distributed stream of 100,000
    # lookups over the same 20,000 names, from a fresh gazetteer.
    rng = random.Random(11)
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(names))]
    stream = rng.choices(names, weights=weights, k=100_000)
    streamed = fresh()
    start = time.perf_counter()
    for name in stream:
        streamed.lookup(name)
    elapsed = time.perf_counter() - start
    print(f"report-like stream (Zipf, fresh gazetteer): {len(stream) / elapsed:,.0f}/s")

    for name in names:
        gazetteer.lookup(name)
    start = time.perf_counter()
    rounds = 10
    for _ in range(rounds):
        for name in names:
            gazetteer.lookup(name)
    elapsed = time.perf_counter() - start
    print(f"warm lookups: {rounds * len(names) / elapsed:,.0f}/s")

    text = REPORT * 20
    scanner = fresh()
    start = time.perf_counter()
    matches = scanner.find_place_names(text)
    elapsed = time.perf_counter() - start
    print(
        f"find_place_names: {len(text) / elapsed / 1000:,.0f} k chars/s ({len(matches)} names in {len(text):,} chars)"
    )
    print()
    print(f"LOOKUPS: {novel_rate:,.0f} novel names/s (target ≥ 100,000)")
    print(f"LOAD:    {load_seconds * 1000:,.0f} ms (target < 1,000)")


if __name__ == "__main__":
    main()
