"""What to select from the store: one options object for the CLI, the API and the dashboard."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

BBox = tuple[float, float, float, float]


@dataclass(frozen=True, kw_only=True)
class EventFilter:
    """Criteria for ``Store.query_events``/``count_events``; unset criteria match everything.

    ``event_type``, ``sub_event_type`` and ``modality`` are controlled vocabularies and
    match exactly; ``admin1`` matches ignoring case; ``actor`` (over actor1, actor2 and
    both associated actors) and ``source`` match a substring, ignoring case. ``bbox`` is
    ``(min_lon, min_lat, max_lon, max_lat)``; as in GeoJSON (RFC 7946) ``min_lon > max_lon``
    means a box across the antimeridian. Date criteria are inclusive and exclude undated
    events. ``limit``/``offset`` page the results; ``count_events`` ignores them.
    """

    date_from: date | None = None
    date_to: date | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    admin1: str | None = None
    bbox: BBox | None = None
    modality: str | None = None
    source: str | None = None
    factual_only: bool = False
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.bbox is not None:
            check_bbox(self.bbox)
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from {self.date_from} is after date_to {self.date_to}")
        if self.limit is not None and self.limit < 0:
            raise ValueError(f"limit must be 0 or more, not {self.limit}")
        if self.offset < 0:
            raise ValueError(f"offset must be 0 or more, not {self.offset}")


def parse_bbox(value: str) -> BBox:
    """Read ``"min_lon,min_lat,max_lon,max_lat"`` (the order of GeoJSON and most web maps)."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) != 4:
        raise ValueError(
            f"bbox {value!r} must be four numbers min_lon,min_lat,max_lon,max_lat "
            f"(e.g. 35.5,32.3,42.4,37.3), not {len(parts)} value(s)"
        )
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        raise ValueError(
            f"bbox {value!r} must be four numbers min_lon,min_lat,max_lon,max_lat "
            "(e.g. 35.5,32.3,42.4,37.3)"
        ) from None
    bbox: BBox = (numbers[0], numbers[1], numbers[2], numbers[3])
    check_bbox(bbox, shown=value)
    return bbox


def check_bbox(bbox: BBox, *, shown: str | None = None) -> None:
    """Raise ValueError unless ``bbox`` is a box on the globe in lon/lat order."""
    label = repr(shown) if shown is not None else str(bbox)
    if len(bbox) != 4 or not all(math.isfinite(v) for v in bbox):
        raise ValueError(f"bbox {label} must be four finite numbers")
    min_lon, min_lat, max_lon, max_lat = bbox
    for name, lon in (("min_lon", min_lon), ("max_lon", max_lon)):
        if not -180 <= lon <= 180:
            raise ValueError(f"bbox {label}: {name} {lon} is outside -180..180")
    for name, lat in (("min_lat", min_lat), ("max_lat", max_lat)):
        if not -90 <= lat <= 90:
            hint = " (is the order lat,lon? it must be lon,lat)" if abs(lat) <= 180 else ""
            raise ValueError(f"bbox {label}: {name} {lat} is outside -90..90{hint}")
    if min_lat > max_lat:
        raise ValueError(f"bbox {label}: min_lat {min_lat} is greater than max_lat {max_lat}")
