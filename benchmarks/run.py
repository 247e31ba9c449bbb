"""`make bench`: the figures that say how good and how fast the coder is.

Prints the seed article's recall and field accuracy against shared/bench/seed-gold.json,
weighted F1 on the CASE 2021 Task 2 snippets (shared/bench/case2021-task2-dev.tsv; split
by id into a tuning half and a held-out half, both reported), the sample corpus scored
against its gold CSV, the four ACLED-style gold sets of benchmarks/data (the third and fourth with their
tuning and held-out halves), the geocoding set, and throughput in documents per second on 2 worker processes
(whole pipeline, and the event coder alone).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ceasefire.evaluate.acled_csv import group_documents, read_gold_csv, score_csv
from ceasefire.evaluate.case2021 import Snippet, read_snippets, score_snippets
from ceasefire.evaluate.geocoding import read_geocoding_set, score_geocoding
from ceasefire.evaluate.report import evaluate_csv, evaluate_gold_json
from ceasefire.events.coder import code_events
from ceasefire.ingest import IngestOptions, read_documents_jsonl
from ceasefire.model import Document
from ceasefire.pipeline import Pipeline
from ceasefire.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

_worker: Pipeline | None = None


def _init_worker() -> None:
    global _worker
    _worker = Pipeline(Settings.from_environment())
    _worker.warm_up()


def _code_count(document: Document) -> int:
    assert _worker is not None
    return len(_worker.code(document))


def throughput(documents: list[Document], workers: int) -> tuple[float, int]:
    """Documents per second over ``documents`` on ``workers`` processes (models loaded before timing)."""
    with multiprocessing.get_context("fork").Pool(workers, initializer=_init_worker) as pool:
        pool.map(_code_count, documents[: workers * 2])  # warm every worker
        start = time.perf_counter()
        events = sum(pool.map(_code_count, documents, chunksize=8))
        elapsed = time.perf_counter() - start
    return len(documents) / elapsed, events


def _code_alone(documents: list[Document]) -> tuple[int, float]:
    """Annotate a share of the documents untimed, then time the coder alone on them."""
    assert _worker is not None
    annotated = [_worker.annotate(d) for d in documents]
    start = time.perf_counter()
    for item in annotated:
        code_events(item, _worker.context)
    return len(annotated), time.perf_counter() - start


def coder_throughput(documents: list[Document], workers: int) -> float:
    """Documents per second through the event coder alone (sentences, mentions and places
    already found), on ``workers`` processes each coding its share."""
    shares = [documents[k::workers] for k in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers, initializer=_init_worker) as pool:
        results = pool.map(_code_alone, shares)
    return sum(n for n, _ in results) / max(elapsed for _, elapsed in results)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    console = Console(width=140)
    pipeline = Pipeline(Settings.from_environment())
    pipeline.warm_up()
    table = Table(title="ceasefire benchmarks")
    table.add_column("benchmark")
    table.add_column("figure", justify="right")

    seed = evaluate_gold_json(
        args.shared / "bench" / "seed-gold.json", pipeline, args.shared / "seed" / "caliphate-in-miniature.txt"
    )
    table.add_row("seed: recall of required events", f"{seed.recall:.3f} ({len(seed.matched)}/{seed.required})")
    table.add_row("seed: matched with actors and fatalities right", f"{seed.fully_correct()}/{seed.required}")
    table.add_row("seed: false positives from forecasts/boilerplate", str(len(seed.false_positives)))
    for name, value in seed.field_accuracy().items():
        table.add_row(f"seed: field accuracy {name}", f"{value:.3f}")

    snippets = read_snippets(args.shared / "bench" / "case2021-task2-dev.tsv")
    tuning = [s for s in snippets if s.id % 4 == 0]
    held_out = [s for s in snippets if s.id % 4 == 2]
    for name, part in (
        ("all", snippets),
        ("tuning half (id % 4 == 0)", tuning),
        ("held-out half (id % 4 == 2)", held_out),
    ):
        score = score_snippets(part, pipeline.code)
        table.add_row(f"CASE 2021 weighted F1, {name}", f"{score.weighted_f1():.3f} (n={len(score.gold)})")
    score = score_snippets(snippets, pipeline.code)
    table.add_row(
        "CASE 2021 non-ACLED snippets with no factual event", f"{score.non_acled_quiet}/{score.non_acled_total}"
    )

    kept_out = [
        Snippet(id=number, text=row["text"], label=row["label"])
        for path in sorted((REPO / "benchmarks" / "data" / "snippets").glob("kept-out-*.jsonl"))
        for number, row in enumerate(json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    ]
    if kept_out:
        score = score_snippets(kept_out, pipeline.code)
        table.add_row(
            "project snippets kept out of training: weighted F1",
            f"{score.weighted_f1():.3f} (n={len(score.gold)}; "
            f"no event for {score.non_acled_quiet}/{score.non_acled_total} non-conflict)",
        )

    corpus = REPO / "examples" / "idlib-2020.jsonl"
    gold_csv = REPO / "examples" / "idlib-2020-gold.csv"
    if gold_csv.exists():
        files = [corpus, *sorted((REPO / "examples").glob("*/*.*"))]
        sample = evaluate_csv(gold_csv, pipeline, files)
        table.add_row("sample corpus: event recall / precision", f"{sample.recall():.3f} / {sample.precision():.3f}")
        for name, value in sample.accuracy().items():
            table.add_row(f"sample corpus: accuracy {name}", f"{value:.3f}")

    sets = [REPO / "benchmarks" / "data" / f"syria-acled-style{suffix}.csv" for suffix in ("", "-2", "-3", "-4")]
    if all(path.exists() for path in sets):
        rows, rows_2, rows_3, rows_4 = (read_gold_csv(path) for path in sets)
        halves = {
            "all four sets": rows + rows_2 + rows_3 + rows_4,
            "set 1": rows,
            "set 2": rows_2,
            "set 3": rows_3,
            "set 3 tuning half (odd ids)": rows_3[0::2],
            "set 3 held-out half (even ids)": rows_3[1::2],
            "set 4": rows_4,
            "set 4 tuning half (odd ids)": rows_4[0::2],
            "set 4 held-out half (even ids)": rows_4[1::2],
        }
        for name, part in halves.items():
            result = score_csv(group_documents(part, {}), pipeline.code)
            accuracy = result.accuracy()
            table.add_row(
                f"ACLED-style reports, {name}: recall / precision",
                f"{result.recall():.3f} / {result.precision():.3f} (n={result.gold_count})",
            )
            for field_name in (
                "event_date",
                "event_type",
                "sub_event_type",
                "actor_pair",
                "fatalities",
                "admin1",
                "location_10km",
            ):
                table.add_row(f"ACLED-style reports, {name}: {field_name}", f"{accuracy[field_name]:.3f}")

    geocoding = REPO / "benchmarks" / "data" / "syria-geocoding.jsonl"
    if geocoding.exists():
        rows = read_geocoding_set(geocoding)
        for name, part in (("all", rows), ("tuning half", rows[0::2]), ("held-out half", rows[1::2])):
            placed = score_geocoding(part, pipeline.code)
            table.add_row(
                f"geocoding reports, {name}: within 10 km / admin1",
                f"{placed.within_rate:.3f} / {placed.admin1_rate:.3f} (n={placed.total})",
            )

    documents = [d for d in read_documents_jsonl(corpus, IngestOptions()) if isinstance(d, Document)]
    documents += [Document.from_text(s.text) for s in snippets]
    seed_doc = (args.shared / "seed" / "caliphate-in-miniature.txt").read_text("utf-8")
    documents.append(Document.from_text(seed_doc))
    batch = documents * max(1, 1200 // len(documents))
    rate, _events = throughput(batch, args.workers)
    words = sum(len(d.text.split()) for d in batch) / len(batch)
    table.add_row(f"throughput, {args.workers} processes", f"{rate:.0f} documents/s (mean {words:.0f} words)")
    coder_rate = coder_throughput(batch, args.workers)
    table.add_row(f"throughput, event coder alone, {args.workers} processes", f"{coder_rate:.0f} documents/s")
    console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
