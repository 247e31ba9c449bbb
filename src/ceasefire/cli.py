"""The ``ceasefire`` command: a thin Typer layer over the library."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ceasefire.errors import CeasefireError, InputError
from ceasefire.export import write_events
from ceasefire.ingest import IngestOptions, parse_published
from ceasefire.model import Document, Event
from ceasefire.pipeline import Pipeline
from ceasefire.runner import BatchReport, code_documents, read_inputs
from ceasefire.settings import Settings

app = typer.Typer(
    help="Conflict reports in, ACLED-style events with evidence out.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True)
out = Console(width=None if sys.stdout.isatty() else 180)


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    acled_csv = "acled-csv"
    geojson = "geojson"


class ListFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    acled_csv = "acled-csv"
    geojson = "geojson"


FilesArg = Annotated[list[Path] | None, typer.Argument(help="Text, HTML, feed, JSONL, CSV or WARC files.")]
InputOpt = Annotated[list[Path] | None, typer.Option("--input", help="A JSONL file of documents.")]
PublishedOpt = Annotated[str | None, typer.Option("--published", help="Publication date, YYYY-MM-DD.")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source name.")]
EncodingOpt = Annotated[str | None, typer.Option("--encoding", help="Text encoding of plain-text inputs.")]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Store: a SQLite path or a database URL (default $CEASEFIRE_DB or ./ceasefire.db)."),
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _options(published: str | None, source: str | None, encoding: str | None) -> IngestOptions:
    day = parse_published(published, origin="--published") if published else None
    return IngestOptions(published=day, source=source, encoding=encoding)


def _report_error(error: InputError) -> None:
    err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)


def _progress() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
        disable=not err.is_terminal and os.environ.get("CEASEFIRE_PROGRESS") != "1",
    )


def _run_batch(
    files: list[Path] | None,
    inputs: list[Path] | None,
    options: IngestOptions,
    handle: Callable[[Document, list[Event], BatchReport], None],
) -> BatchReport:
    if not files and not inputs:
        raise _fail("no input: give files or --input DOCS.jsonl")
    pipeline = Pipeline(Settings.from_environment())
    items = list(read_inputs(files or [], inputs or [], options))
    report = BatchReport()
    with _progress() as progress:
        task = progress.add_task("coding", total=len(items))
        for document, events in code_documents(pipeline, items, report, on_error=_report_error):
            handle(document, events, report)
            progress.advance(task)
        progress.update(task, completed=len(items))
    return report


@app.command()
def extract(
    files: FilesArg = None,
    input: InputOpt = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    encoding: EncodingOpt = None,
    format: Annotated[OutputFormat, typer.Option("--format", help="Output format.")] = OutputFormat.jsonl,
) -> None:
    """Code documents and write their events to stdout (nothing is stored)."""
    options = _options(published, source, encoding)
    collected: list[Event] = []

    def handle(document: Document, events: list[Event], report: BatchReport) -> None:
        collected.extend(events)

    report = _run_batch(files, input, options, handle)
    write_events(collected, format.value, sys.stdout, inter_of=_inter_of())
    err.print(
        f"{report.documents} documents, {report.events} events, {len(report.errors)} inputs refused", highlight=False
    )
    if report.errors:
        raise typer.Exit(1)


@app.command()
def ingest(
    files: FilesArg = None,
    input: InputOpt = None,
    published: PublishedOpt = None,
    source: SourceOpt = None,
    encoding: EncodingOpt = None,
    db: DbOpt = None,
) -> None:
    """Code documents and keep them, with their events and evidence, in the store."""
    from ceasefire.store import open_store

    options = _options(published, source, encoding)
    with open_store(db) as store:

        def handle(document: Document, events: list[Event], report: BatchReport) -> None:
            if store.add_document(document, events):
                report.stored += 1
            else:
                report.skipped += 1

        report = _run_batch(files, input, options, handle)
        total = store.count_events(_filter())
    err.print(
        f"{report.stored} documents stored, {report.skipped} already stored, "
        f"{report.events} events coded, {len(report.errors)} inputs refused; the store holds {total} events",
        highlight=False,
    )
    if report.errors:
        raise typer.Exit(1)


def _filter(**values: object):  # noqa: ANN202 - EventFilter, imported lazily
    from ceasefire.store import EventFilter

    return EventFilter(**values)  # type: ignore[arg-type]


def _date(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(f"{flag} {value!r} is not a date: use YYYY-MM-DD") from None


def _inter_of():  # noqa: ANN202
    from ceasefire.actors import load_actor_dictionary

    return load_actor_dictionary().inter_of


def _query(
    db: str | None,
    date_from: str | None,
    date_to: str | None,
    event_type: str | None,
    sub_event_type: str | None,
    actor: str | None,
    admin1: str | None,
    bbox: str | None,
    modality: str | None,
    factual: bool,
    limit: int | None,
) -> list[Event]:
    from ceasefire.store import open_store, parse_bbox

    try:
        box = parse_bbox(bbox) if bbox else None
    except ValueError as error:
        raise _fail(f"--bbox: {error}") from None
    flt = _filter(
        date_from=_date(date_from, "--from"),
        date_to=_date(date_to, "--to"),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=actor,
        admin1=admin1,
        bbox=box,
        modality=modality,
        factual_only=factual,
        limit=limit,
    )
    with open_store(db) as store:
        return store.query_events(flt)


FromOpt = Annotated[str | None, typer.Option("--from", help="First event date, YYYY-MM-DD.")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last event date, YYYY-MM-DD.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="ACLED event type.")]
SubTypeOpt = Annotated[str | None, typer.Option("--sub-type", help="ACLED sub-event type.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Part of an actor name.")]
Admin1Opt = Annotated[str | None, typer.Option("--admin1", help="Province, as ACLED spells it.")]
BBoxOpt = Annotated[str | None, typer.Option("--bbox", help="min_lon,min_lat,max_lon,max_lat")]
ModalityOpt = Annotated[str | None, typer.Option("--modality", help="reported|alleged|forecast|assessment")]
FactualOpt = Annotated[bool, typer.Option("--factual", help="Only events reported as having happened.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", help="At most this many events.")]


@app.command()
def events(
    db: DbOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    event_type: TypeOpt = None,
    sub_event_type: SubTypeOpt = None,
    actor: ActorOpt = None,
    admin1: Admin1Opt = None,
    bbox: BBoxOpt = None,
    modality: ModalityOpt = None,
    factual: FactualOpt = False,
    limit: LimitOpt = None,
    format: Annotated[ListFormat, typer.Option("--format")] = ListFormat.table,
) -> None:
    """List stored events, filtered."""
    found = _query(db, date_from, date_to, event_type, sub_event_type, actor, admin1, bbox, modality, factual, limit)
    if format is not ListFormat.table:
        write_events(found, format.value, sys.stdout, inter_of=_inter_of())
        return
    table = Table(title=f"{len(found)} events", show_lines=False)
    for column in ("date", "prec", "type", "actor1", "actor2", "location", "admin1", "deaths", "modality"):
        table.add_column(column, overflow="fold")
    for event in found:
        table.add_row(
            str(event.event_date or ""),
            event.date_precision or "",
            event.sub_event_type,
            event.actor1 or "",
            event.actor2 or "",
            event.location or "",
            event.admin1 or "",
            "" if event.fatalities is None else str(event.fatalities),
            event.modality,
        )
    out.print(table)


@app.command()
def export(
    format: Annotated[OutputFormat, typer.Option("--format")] = OutputFormat.jsonl,
    out_path: Annotated[Path | None, typer.Option("--out", help="Write here instead of stdout.")] = None,
    db: DbOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    event_type: TypeOpt = None,
    sub_event_type: SubTypeOpt = None,
    actor: ActorOpt = None,
    admin1: Admin1Opt = None,
    bbox: BBoxOpt = None,
    modality: ModalityOpt = None,
    factual: FactualOpt = False,
    limit: LimitOpt = None,
) -> None:
    """Export stored events as JSONL, CSV, ACLED CSV or GeoJSON."""
    found = _query(db, date_from, date_to, event_type, sub_event_type, actor, admin1, bbox, modality, factual, limit)
    if out_path is None:
        write_events(found, format.value, sys.stdout, inter_of=_inter_of())
        return
    with out_path.open("w", encoding="utf-8", newline="") as stream:
        count = write_events(found, format.value, stream, inter_of=_inter_of())
    err.print(f"{count} events written to {out_path}", highlight=False)


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Argument(help="ACLED-format CSV with a notes column, or a gold JSON.")],
    document: Annotated[
        list[Path] | None,
        typer.Option(
            "--document",
            help="For a gold JSON, the document it "
            "codes (default: its document.path); for a gold CSV, files "
            "of the documents its doc_id column names (repeatable).",
        ),
    ] = None,
    worst: Annotated[int, typer.Option("--worst", help="How many misses to list.")] = 10,
) -> None:
    """Score the coder against gold codings and print a metrics table."""
    from ceasefire.evaluate.report import print_evaluation

    pipeline = Pipeline(Settings.from_environment())
    print_evaluation(gold, pipeline, out, documents=document, worst=worst)


gazetteer_app = typer.Typer(
    help="The place data the geocoder reads: what is loaded, and adding more.", no_args_is_help=True
)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("info")
def gazetteer_info(
    top: Annotated[int, typer.Option("--top", help="How many countries to list.")] = 20,
) -> None:
    """Places loaded, per country, and the sources to credit."""
    from ceasefire.geo.gazetteer import Gazetteer

    info = Gazetteer.load().info()
    table = Table(title=f"{info['total']:,} places in {len(info['by_country'])} countries")
    table.add_column("country")
    table.add_column("places", justify="right")
    for country, count in list(info["by_country"].items())[:top]:
        table.add_row(country, f"{count:,}")
    out.print(table)
    out.print("Sources to credit:")
    for credit in info["credits"]:
        out.print(f"  - {credit}", highlight=False)


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build the gazetteer's lookup index now (done once per install; later starts load it in well under a second)."""
    import time

    from ceasefire.geo.gazetteer import Gazetteer

    started = time.perf_counter()
    Gazetteer.load()
    err.print(f"gazetteer index ready in {time.perf_counter() - started:.1f} s", highlight=False)


@gazetteer_app.command("import")
def gazetteer_import(
    dump: Annotated[
        Path,
        typer.Argument(
            help="A GeoNames dump (allCountries.zip, XX.zip or its .txt), or an OCHA populated-places table (CSV)."
        ),
    ],
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country", help="Keep only this ISO country code (repeatable; for an OCHA table, the table's country)."
        ),
    ] = None,
    source_format: Annotated[str, typer.Option("--format", help="geonames or ocha.")] = "geonames",
) -> None:
    """Add places to the gazetteer (kept in the user's data folder)."""
    if source_format == "geonames":
        from ceasefire.geo.extension import import_geonames

        report = import_geonames(dump, countries=country)
    elif source_format == "ocha":
        from ceasefire.geo.ocha import import_ocha

        report = import_ocha(dump, country=country[0] if country else None)
    else:
        raise _fail(f"--format {source_format!r}: use geonames or ocha")
    err.print(
        f"{report.places_kept:,} of {report.rows_read:,} places imported from {report.source}; "
        f"the extension now holds {report.extension_places:,} places",
        highlight=False,
    )


from ceasefire.api.cli import register as register_serve  # noqa: E402
from ceasefire.monitor.cli import register as register_monitor  # noqa: E402

register_monitor(app)
register_serve(app)


def main() -> None:
    """Entry point: errors for people, one line each, never a traceback."""
    try:
        app()
    except CeasefireError as error:
        err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted", highlight=False)
        sys.exit(130)
