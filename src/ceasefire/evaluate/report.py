"""Printing evaluation results as tables, for ``ceasefire eval``."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from ceasefire.errors import ConfigurationError, InputError
from ceasefire.evaluate.acled_csv import NO_EVENT, CsvScore, group_documents, read_gold_csv, score_csv
from ceasefire.evaluate.gold_json import GoldJsonScore, gold_document_path, load_gold_json, score_gold_json
from ceasefire.ingest import IngestOptions, read_path
from ceasefire.model import Document
from ceasefire.pipeline import Pipeline


def evaluate_gold_json(gold_path: Path, pipeline: Pipeline, document: Path | None = None) -> GoldJsonScore:
    """Code the gold's document and score it."""
    gold = load_gold_json(gold_path)
    path = document or gold_document_path(gold_path, gold)
    meta = gold["document"]
    from ceasefire.ingest import parse_published

    options = IngestOptions(
        published=parse_published(meta["published"]) if meta.get("published") else None, source=meta.get("source")
    )
    docs = [d for d in read_path(path, options)]
    for item in docs:
        if isinstance(item, InputError):
            raise ConfigurationError(f"cannot read the gold's document: {item}")
    if len(docs) != 1:
        raise ConfigurationError(f"{path}: expected one document, read {len(docs)}")
    doc = docs[0]
    assert isinstance(doc, Document)
    return score_gold_json(gold, doc, pipeline.code(doc))


def documents_by_key(paths: list[Path]) -> dict[str, Document]:
    """Documents of any readable files, keyed by the names a gold CSV's ``doc_id`` may use:
    the record's own id, the last segment of its URL, and the file's stem."""
    known: dict[str, Document] = {}
    for path in paths:
        items = [d for d in read_path(path, IngestOptions()) if isinstance(d, Document)]
        for document in items:
            keys = [document.external_id, (document.url or "").rstrip("/").rsplit("/", 1)[-1]]
            if len(items) == 1:
                keys.append(path.name.split(".")[0])
            for key in keys:
                if key:
                    known.setdefault(key, document)
    return known


def evaluate_csv(gold_path: Path, pipeline: Pipeline, documents: list[Path] | None = None) -> CsvScore:
    rows = read_gold_csv(gold_path)
    return score_csv(group_documents(rows, documents_by_key(documents or [])), pipeline.code)


def print_evaluation(
    gold_path: Path, pipeline: Pipeline, console: Console, *, documents: list[Path] | None = None, worst: int = 10
) -> None:
    if gold_path.suffix.lower() == ".json":
        print_gold_json(evaluate_gold_json(gold_path, pipeline, documents[0] if documents else None), console)
    else:
        print_csv(evaluate_csv(gold_path, pipeline, documents), console, worst=worst)


def print_gold_json(score: GoldJsonScore, console: Console) -> None:
    table = Table(title="gold events")
    for column in ("gold", "matched", "coded as", "date", "location", "km", "actors", "deaths"):
        table.add_column(column)
    for match in score.matches:
        e = match.event
        if e is None:
            table.add_row(match.gold_id, "no", "", "", "", "", "", "")
            continue
        table.add_row(
            match.gold_id,
            "yes",
            e.sub_event_type,
            f"{e.event_date} ({e.date_precision})",
            e.location or "",
            str(match.distance_km),
            ", ".join(a for a in (e.actor1, e.assoc_actor_1, e.actor2, e.assoc_actor_2) if a)
            + ("" if match.fields.get("actors") else "  ✗"),
            f"{e.fatalities}" + ("" if match.fields.get("fatalities") else "  ✗"),
        )
    console.print(table)
    metrics = Table(title="metrics")
    metrics.add_column("metric")
    metrics.add_column("value", justify="right")
    metrics.add_row("recall (required events matched)", f"{score.recall:.3f}")
    metrics.add_row("matched with actors and fatalities right", f"{score.fully_correct()}/{score.required}")
    metrics.add_row("false positives (forecast/boilerplate)", str(len(score.false_positives)))
    metrics.add_row("events coded (all modalities)", str(len(score.events)))
    for name, value in score.field_accuracy().items():
        metrics.add_row(f"field accuracy: {name}", f"{value:.3f}")
    console.print(metrics)


def print_csv(score: CsvScore, console: Console, *, worst: int = 10) -> None:
    metrics = Table(title=f"{score.gold_count} gold events")
    metrics.add_column("metric")
    metrics.add_column("value", justify="right")
    metrics.add_row("event recall", f"{score.recall():.3f}")
    metrics.add_row("event precision", f"{score.precision():.3f}")
    for name, value in score.accuracy().items():
        metrics.add_row(f"accuracy: {name}", f"{value:.3f}")
    console.print(metrics)
    confusion = Table(title="sub-event types: gold → coded (disagreements)")
    confusion.add_column("gold")
    confusion.add_column("coded")
    confusion.add_column("n", justify="right")
    for (gold, coded), count in score.confusion().most_common():
        if gold != coded:
            confusion.add_row(gold, coded, str(count))
    console.print(confusion)
    misses = sorted(score.pairs, key=lambda p: sum(p.checks.values()) if p.event else -1)[:worst]
    table = Table(title=f"worst {len(misses)} misses")
    for column in ("doc", "gold", "coded", "wrong fields", "evidence"):
        table.add_column(column, overflow="fold")
    for pair in misses:
        e = pair.event
        wrong = ", ".join(k for k, ok in pair.checks.items() if not ok) if e else "no event"
        evidence = "; ".join(f"{ev.field}={ev.text!r}" for ev in e.evidence) if e else pair.gold.get("notes", "")[:160]
        table.add_row(
            pair.doc_id,
            f"{pair.gold['sub_event_type']} {pair.gold.get('event_date', '')}",
            f"{e.sub_event_type} {e.event_date}" if e else NO_EVENT,
            wrong,
            evidence,
        )
    console.print(table)
