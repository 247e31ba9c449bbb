"""Quality floors: the figures `make bench` prints may not fall below benchmarks/floors.json."""

import json

import pytest
from tests.support import REPO

from ceasefire.evaluate.acled_csv import group_documents, read_gold_csv, score_csv
from ceasefire.evaluate.geocoding import read_geocoding_set, score_geocoding
from ceasefire.evaluate.report import evaluate_csv

FLOORS = json.loads((REPO / "benchmarks" / "floors.json").read_text(encoding="utf-8"))


def test_acled_style_reports_stay_above_their_floors(pipeline):
    rows = read_gold_csv(REPO / "benchmarks" / "data" / "syria-acled-style.csv")
    accuracy = score_csv(group_documents(rows, {}), pipeline.code).accuracy()
    for field, floor in FLOORS["acled_style"].items():
        assert accuracy[field] >= floor, f"{field}: {accuracy[field]:.3f} < floor {floor}"


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
