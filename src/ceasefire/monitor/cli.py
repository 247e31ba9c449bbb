"""The monitor's commands, registered on the main ``ceasefire`` app by ``register``.

A thin layer: each command parses its arguments, calls the library (``load_agreement``,
``assess_store``, ``write_report``) and prints; errors become one line on stderr.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ceasefire.errors import CeasefireError
from ceasefire.monitor.agreements import load_agreement, shipped_agreement_files, shipped_agreements
from ceasefire.monitor.assessment import Assessment, assess_store

err = Console(stderr=True)


class MonitorFormat(StrEnum):
    table = "table"
    json = "json"


AgreementArg = Annotated[
    str, typer.Argument(help="A shipped agreement's id (see `ceasefire agreements`) or a file path.")
]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Store: a SQLite path or a database URL (default $CEASEFIRE_DB or ./ceasefire.db)."),
]


def _console() -> Console:
    return Console(width=None if sys.stdout.isatty() else 160)


def _fail(error: Exception | str) -> typer.Exit:
    err.print(f"[red]error:[/red] {error}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def _assess(agreement_name: str, db: str | None) -> Assessment:
    from ceasefire.geo.gazetteer import Gazetteer
    from ceasefire.store import open_store

    agreement = load_agreement(agreement_name)
    with open_store(db) as store:
        return assess_store(agreement, store, Gazetteer.load())


def agreements_command() -> None:
    """List the agreements shipped with ceasefire."""
    try:
        found = shipped_agreements()
    except CeasefireError as error:
        raise _fail(error) from None
    table = Table("id", "name", "parties", "signed", "effective", "zones", "file")
    for agreement, path in zip(found, shipped_agreement_files(), strict=True):
        table.add_row(
            agreement.id,
            agreement.name,
            "; ".join(agreement.parties),
            agreement.signed.isoformat(),
            agreement.effective.isoformat(),
            ", ".join(agreement.zones),
            path.name,
        )
    _console().print(table)


def monitor_command(
    agreement: AgreementArg,
    db: DbOpt = None,
    output_format: Annotated[
        MonitorFormat, typer.Option("--format", help="table for people, json for programs.")
    ] = MonitorFormat.table,
    alerts_out: Annotated[
        Path | None, typer.Option("--alerts-out", help="Also write the alerts to this JSON file.")
    ] = None,
) -> None:
    """Violations per zone and day, patrols and route coverage, incidents and alerts."""
    try:
        result = _assess(agreement, db)
    except CeasefireError as error:
        raise _fail(error) from None
    record = result.to_record()
    if alerts_out is not None:
        alerts_out.write_text(json.dumps(record["alerts"], indent=2) + "\n", encoding="utf-8")
    if output_format is MonitorFormat.json:
        typer.echo(json.dumps(record, indent=2, ensure_ascii=False))
        return
    print_assessment(result, _console())


def report_command(
    agreement: AgreementArg,
    out: Annotated[Path, typer.Option("--out", help="The HTML file to write.")] = Path("report.html"),
    db: DbOpt = None,
) -> None:
    """Write a self-contained HTML report: map, violations per day, patrol coverage, incidents."""
    from ceasefire.monitor.report import write_report

    try:
        result = _assess(agreement, db)
        write_report(result, out)
    except CeasefireError as error:
        raise _fail(error) from None
    except OSError as error:
        raise _fail(f"{out}: cannot write the report: {error.strerror}") from None
    err.print(f"wrote {out}", highlight=False)


def print_assessment(result: Assessment, console: Console) -> None:
    """The assessment as tables for a terminal."""
    a = result.agreement
    console.print(
        f"[bold]{a.name}[/bold] ({a.id}) — {' and '.join(a.parties)}; signed {a.signed}, "
        f"effective {a.effective}; {result.events_read} stored events read",
        highlight=False,
    )
    zones = Table("zone", "from", "violations", "reported", "alleged", "deaths", "by alleged perpetrator",
                  title="Violations (violent events, reported or alleged)")
    for zone_id, t in result.zones.items():
        zones.add_row(
            a.zones[zone_id].name,
            a.zones[zone_id].effective.isoformat(),
            str(t.total),
            str(t.by_modality.get("reported", 0)),
            str(t.by_modality.get("alleged", 0)),
            str(t.fatalities),
            "; ".join(f"{name} {n}" for name, n in t.by_perpetrator.items()),
        )
    console.print(zones)
    console.print(
        f"{len(result.outside)} violent events fell outside every zone; "
        f"{len(result.unplaced)} were placed too vaguely to tell.",
        highlight=False,
    )
    days = Table("day", *(a.zones[z].name for z in result.zones), title="Violations per day")
    all_days = sorted({d for t in result.zones.values() for d in t.by_day})
    for day in all_days:
        days.add_row(day, *(str(t.by_day.get(day, 0) or "") for t in result.zones.values()))
    console.print(days)
    if result.coverage:
        cover = Table("day", "patrol days", "covered km", "share of route", "furthest km",
                      title="Joint patrols: cumulative coverage of the route")
        for c in result.coverage:
            cover.add_row(c.day.isoformat(), str(c.patrols), f"{c.covered_m / 1000:.1f}",
                          f"{c.share:.0%}", f"{c.furthest_m / 1000:.1f}")
        console.print(cover)
    if result.incidents:
        incidents = Table("day", "type", "actor", "location", title="Incidents against patrols")
        for e in result.incidents:
            incidents.add_row(str(e.event_date), e.sub_event_type, e.actor1 or "", e.location or "")
        console.print(incidents)
    for alert in result.alerts:
        console.print(
            f"[red]ALERT[/red] {alert.rule}: {alert.text} — {alert.first_day} to {alert.last_day}, "
            f"peak {alert.peak} in {alert.window_days} days",
            highlight=False,
        )
    if not result.alerts:
        console.print("no alerts", highlight=False)


def register(app: typer.Typer) -> None:
    """Add ``agreements``, ``monitor`` and ``report`` to the main ``ceasefire`` app."""
    app.command(name="agreements")(agreements_command)
    app.command(name="monitor")(monitor_command)
    app.command(name="report")(report_command)
