"""Quality floors: the figures `make bench` prints may not fall below benchmarks/floors.json."""

import json

import pytest
from tests.support import REPO, shared_path

from ceasefire.evaluate.acled_csv import group_documents, read_gold_csv, score_csv
from ceasefire.evaluate.case2021 import read_snippets, score_snippets
from ceasefire.evaluate.geocoding import read_geocoding_set, score_geocoding
from ceasefire.evaluate.report import evaluate_csv

FLOORS = json.loads((REPO / "benchmarks" / "floors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "floors"),
    [
        ("syria-acled-style.csv", "acled_style"),
        ("syria-acled-style-2.csv", "acled_style_2"),
        ("syria-acled-style-3.csv", "acled_style_3"),
        ("syria-acled-style-4.csv", "acled_style_4"),
    ],
)
def test_acled_style_reports_stay_above_their_floors(pipeline, name, floors):
    rows = read_gold_csv(REPO / "benchmarks" / "data" / name)
    accuracy = score_csv(group_documents(rows, {}), pipeline.code).accuracy()
    for field, floor in FLOORS[floors].items():
        assert accuracy[field] >= floor, f"{field}: {accuracy[field]:.3f} < floor {floor}"


def test_case2021_snippets_stay_above_their_floor(pipeline):
    score = score_snippets(read_snippets(shared_path("bench", "case2021-task2-dev.tsv")), pipeline.code)
    assert score.weighted_f1() >= FLOORS["case2021"]["weighted_f1"]


def test_geocoding_stays_above_its_floors(pipeline):
    score = score_geocoding(read_geocoding_set(REPO / "benchmarks" / "data" / "syria-geocoding.jsonl"), pipeline.code)
    assert score.within_rate >= FLOORS["geocoding"]["within_10km"]
    assert score.admin1_rate >= FLOORS["geocoding"]["admin1"]


@pytest.mark.parametrize("field", ["event_type", "fatalities"])
def test_the_sample_corpus_stays_above_its_floors(pipeline, field):
    examples = REPO / "examples"
    files = [examples / "idlib-2020.jsonl", *sorted(examples.glob("*/*.*"))]
    accuracy = evaluate_csv(examples / "idlib-2020-gold.csv", pipeline, files).accuracy()
    assert accuracy[field] >= FLOORS["sample_corpus"][field]
