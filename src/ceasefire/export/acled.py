"""Events as rows of ACLED's public CSV, so they load into tools built for ACLED data.

Fields ACLED has and we do not code (source_scale, timestamp) are left blank rather
than guessed; iso and region come from ``acled_countries.csv`` and are blank for
countries it does not list.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import cache
from importlib.resources import files

from ceasefire.model import Event

InterOf = Callable[[str], int | None]

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "range": 3}

DISORDER_TYPE = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

CIVILIANS_INTER = 7  # ACLED's inter code for civilians


@cache
def country_codes() -> dict[str, tuple[int, str]]:
    """ISO 3166 numeric code and ACLED region by lower-cased country name."""
    table = files("ceasefire.export").joinpath("acled_countries.csv").read_text(encoding="utf-8")
    return {
        row["country"].casefold(): (int(row["iso"]), row["region"])
        for row in csv.DictReader(io.StringIO(table, newline=""))
    }


def acled_row(event: Event, inter_of: InterOf | None = None) -> dict[str, object]:
    """The ACLED columns for one event; blank (``""``) where we have no value."""
    inter1 = _inter(event.actor1, inter_of)
    inter2 = _inter(event.actor2, inter_of)
    iso, region = country_codes().get((event.country or "").casefold(), ("", ""))
    civilian = inter2 == CIVILIANS_INTER or (event.actor2 or "").startswith("Civilians")
    row: dict[str, object] = {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": TIME_PRECISION.get(event.date_precision or "", ""),
        "disorder_type": DISORDER_TYPE.get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2, has_actor2=bool(event.actor2)),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": iso,
        "region": region,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": event.source,
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": tags(event),
        "timestamp": "",
    }
    return {key: "" if value is None else value for key, value in row.items()}


def interaction(inter1: int | None, inter2: int | None, *, has_actor2: bool) -> int | None:
    """ACLED's two-digit interaction code: the two inter codes, smaller first.

    An event with one actor gets its code followed by 0 (e.g. 60, protesters alone).
    None when an actor's code is unknown, rather than a code that misleads.
    """
    if inter1 is None:
        return None
    if not has_actor2:
        return inter1 * 10
    if inter2 is None:
        return None
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def tags(event: Event) -> str:
    """What ACLED would not know from its own fields: modality (when not "reported") and
    who the claim is attributed to, as ``key=value`` pairs joined by ``"; "``."""
    parts = []
    if event.modality != "reported":
        parts.append(f"modality={event.modality}")
    if event.attribution:
        parts.append(f"attribution={event.attribution}")
    return "; ".join(parts)


def _inter(actor: str | None, inter_of: InterOf | None) -> int | None:
    if not actor or inter_of is None:
        return None
    return inter_of(actor)
