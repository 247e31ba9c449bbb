"""The seed article: the first input the coder must code correctly (shared/bench/seed-gold.json)."""

import json
import subprocess
import sys

from tests.support import REPO, shared_path

from ceasefire.evaluate.gold_json import load_gold_json, score_gold_json
from ceasefire.model import Event


def extract_seed() -> tuple[list[Event], str]:
    seed = shared_path("seed", "caliphate-in-miniature.txt")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ceasefire",
            "extract",
            str(seed),
            "--published",
            "2020-05-12",
            "--source",
            "South Front",
            "--format",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [Event.from_record(json.loads(line)) for line in result.stdout.splitlines() if line.strip()], result.stderr


def test_extract_finds_the_required_seed_events_with_actors_and_fatalities():
    events, _ = extract_seed()
    gold = load_gold_json(shared_path("bench", "seed-gold.json"))
    from ceasefire.ingest import IngestOptions, read_path

    document = next(read_path(shared_path("seed", "caliphate-in-miniature.txt"), IngestOptions()))
    score = score_gold_json(gold, document, events)
    assert score.fully_correct() >= 5, [
        (m.gold_id, m.event and m.event.sub_event_type, m.fields) for m in score.matches
    ]
    assert score.false_positives == []


def test_no_event_place_or_actor_comes_from_the_boilerplate():
    events, _ = extract_seed()
    for event in events:
        for evidence in event.evidence:
            assert "Note to readers" not in evidence.text
        assert "Global Research" not in (event.notes or "")
        assert "PayPal" not in (event.notes or "")


def test_forecast_sentences_give_no_factual_event():
    events, _ = extract_seed()
    for event in events:
        notes = event.notes or ""
        if "Ankara will" in notes or "It is likely that" in notes or "Idlib will have every chance" in notes:
            assert not event.is_factual, event


def test_every_evidence_span_points_into_the_document_text():
    events, _ = extract_seed()
    from ceasefire.ingest import IngestOptions, read_path

    text = next(read_path(shared_path("seed", "caliphate-in-miniature.txt"), IngestOptions())).text
    assert events
    for event in events:
        for evidence in event.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
