"""A self-contained HTML report of an assessment: map, charts and the incidents with evidence.

Everything is inline (SVG, CSS and a few lines of JS), so the file opens offline and can be
mailed as is. The map is drawn from the agreement's projected coordinates, not web tiles.
Every piece of report text is HTML-escaped: article text is data, never markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from html import escape
from pathlib import Path

from shapely.geometry.base import BaseGeometry

from ceasefire.model import Event
from ceasefire.monitor.assessment import Assessment

_ZONE_COLOURS = ("#4a90c2", "#e39b2d", "#6aa84f", "#8e7cc3")
_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2630;background:#f6f7f9}
header{background:#1d2f45;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
header p{margin:2px 0;color:#cdd7e3}main{padding:18px 28px;max-width:1180px}
section{background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:14px 18px;margin:0 0 18px}
h2{font-size:17px;margin:0 0 10px}.cards{display:flex;gap:12px;flex-wrap:wrap}
.card{flex:1 1 150px;background:#fff;border:1px solid #dde2e8;border-radius:6px;padding:10px 14px}
.card b{display:block;font-size:24px}.alert{background:#fdecea;border-color:#e0a19b}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e5e8ec;
padding:5px 6px;text-align:left;vertical-align:top}th{background:#eef1f4}
td.evidence{max-width:420px;color:#37424e}svg text{font:11px system-ui,sans-serif;fill:#27313b}
.legend span{display:inline-block;margin-right:14px}.sw{display:inline-block;width:12px;height:12px;
margin-right:4px;vertical-align:-1px;border-radius:2px}footer{color:#6b7785;font-size:12px;padding:0 28px 24px}
"""
_JS = """
document.getElementById('zone-filter').addEventListener('change', function (e) {
  var want = e.target.value;
  document.querySelectorAll('#incidents tbody tr').forEach(function (row) {
    row.style.display = (!want || row.dataset.kinds.split(' ').indexOf(want) >= 0) ? '' : 'none';
  });
});
"""


def write_report(result: Assessment, path: Path) -> None:
    path.write_text(render_report(result), encoding="utf-8")


def render_report(result: Assessment) -> str:
    """The whole report as one HTML document."""
    a = result.agreement
    last = _last_day(result)
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{escape(a.name)} — ceasefire monitor</title>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{escape(a.name)}</h1>",
        f"<p>Parties: {escape(' and '.join(a.parties))}. Signed {a.signed}, effective {a.effective}."
        f" Events up to {last}; {result.events_read} stored events read.</p>",
        f"<p>{escape(a.source)}</p></header><main>",
        _cards(result),
        _section("Map: zones, route and violent events", _map(result)),
        _section("Violations per day", _violations_chart(result, last)),
        _section("Joint patrols: coverage along the route", _coverage_chart(result)),
        _section("Incidents with evidence", _incidents_table(result)),
        "</main><footer>Made by ceasefire's monitor from coded events; place data from GeoNames "
        "(CC BY 4.0) and Who's On First (CC0). Distances in metres on "
        f"{escape(a.crs)}.</footer>",
        f"<script>{_JS}</script></body></html>",
    ]
    return "\n".join(parts)


def _section(title: str, body: str) -> str:
    return f"<section><h2>{escape(title)}</h2>{body}</section>"


def _last_day(result: Assessment) -> date:
    days = [v.day for v in result.violations] + [p.day for p in result.patrols]
    days += [e.event_date for e in result.incidents if e.event_date]
    return max(days, default=result.agreement.effective)


def _cards(result: Assessment) -> str:
    cards = []
    for zone_id, t in result.zones.items():
        name = result.agreement.zones[zone_id].name
        cards.append(f"<div class='card'>{escape(name)}<b>{t.total}</b>violations</div>")
    if result.coverage:
        c = result.coverage[-1]
        cards.append(
            f"<div class='card'>Joint patrols<b>{c.patrols}</b>patrol days, "
            f"{c.share:.0%} of the route covered</div>"
        )
    cards.append(f"<div class='card'>Incidents against patrols<b>{len(result.incidents)}</b></div>")
    for alert in result.alerts:
        cards.append(
            f"<div class='card alert'>Alert: {escape(alert.text)}<b>{alert.peak}</b>"
            f"{alert.first_day} to {alert.last_day}</div>"
        )
    return f"<div class='cards'>{''.join(cards)}</div><br>"


# -- map ------------------------------------------------------------------------------


class _Frame:
    """Projected metres → SVG pixels, north up, same scale on both axes."""

    def __init__(self, bounds: tuple[float, float, float, float], width: int, pad: int = 24):
        minx, miny, maxx, maxy = bounds
        self.minx, self.maxy, self.pad = minx, maxy, pad
        self.scale = (width - 2 * pad) / max(maxx - minx, 1.0)
        self.width = width
        self.height = int((maxy - miny) * self.scale + 2 * pad)

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return (
            round((x - self.minx) * self.scale + self.pad, 1),
            round((self.maxy - y) * self.scale + self.pad, 1),
        )

    def path(self, geometry: BaseGeometry) -> str:
        rings: list[Iterable[tuple[float, ...]]] = []
        for part in getattr(geometry, "geoms", [geometry]):
            if hasattr(part, "exterior"):
                rings.append(part.exterior.coords)
                rings.extend(r.coords for r in part.interiors)
            else:
                rings.append(part.coords)
        out = []
        for ring in rings:
            points = [self.xy(c[0], c[1]) for c in ring]
            out.append("M" + " L".join(f"{x},{y}" for x, y in points))
        closed = geometry.geom_type in ("Polygon", "MultiPolygon")
        return (" Z ".join(out) + " Z") if closed else " ".join(out)


def _map(result: Assessment) -> str:
    a = result.agreement
    projection = a.projection
    shapes = [z.metres for z in a.zones.values()] + [r.metres for r in a.routes.values()]
    minx = min(s.bounds[0] for s in shapes) - 4000
    miny = min(s.bounds[1] for s in shapes) - 4000
    maxx = max(s.bounds[2] for s in shapes) + 4000
    maxy = max(s.bounds[3] for s in shapes) + 4000
    frame = _Frame((minx, miny, maxx, maxy), 1000)
    svg = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {frame.width} {frame.height}' "
           f"width='100%' role='img' aria-label='map'>",
           f"<rect width='{frame.width}' height='{frame.height}' fill='#eef2ea'/>"]
    legend = []
    for i, zone in enumerate(a.zones.values()):
        colour = _ZONE_COLOURS[i % len(_ZONE_COLOURS)]
        svg.append(f"<path d='{frame.path(zone.metres)}' fill='{colour}' fill-opacity='0.28' "
                   f"stroke='{colour}' stroke-width='1'><title>{escape(zone.name)}</title></path>")
        legend.append(f"<span><i class='sw' style='background:{colour};opacity:.5'></i>"
                      f"{escape(zone.name)}</span>")
    for route in a.routes.values():
        svg.append(f"<path d='{frame.path(route.metres)}' fill='none' stroke='#1d2f45' "
                   f"stroke-width='2.2'><title>{escape(route.name)}</title></path>")
        for waypoint in route.waypoints:
            p = projection.point(waypoint.longitude, waypoint.latitude)
            x, y = frame.xy(p.x, p.y)
            svg.append(f"<circle cx='{x}' cy='{y}' r='2.5' fill='#1d2f45'/>"
                       f"<text x='{x + 4}' y='{y - 4}'>{escape(waypoint.name)}</text>")

    def dot(event: Event, fill: str, radius: float, shape: str = "circle") -> None:
        if event.longitude is None or event.latitude is None:
            return
        p = projection.point(event.longitude, event.latitude)
        x, y = frame.xy(p.x, p.y)
        tip = escape(f"{event.event_date} {event.sub_event_type} — {event.actor1 or 'unidentified'}"
                     f" — {event.location} ({event.modality})")
        if shape == "diamond":
            r = radius + 1
            svg.append(f"<path d='M{x},{y - r} L{x + r},{y} L{x},{y + r} L{x - r},{y} Z' fill='{fill}' "
                       f"stroke='#fff'><title>{tip}</title></path>")
        else:
            svg.append(f"<circle cx='{x}' cy='{y}' r='{radius}' fill='{fill}' stroke='#fff' "
                       f"stroke-width='1'><title>{tip}</title></circle>")

    for event in result.outside:
        dot(event, "#8a939c", 4.5)
    for violation in result.violations:
        dot(violation.event, "#c0392b" if violation.event.modality == "reported" else "#e58e73", 5.5)
    for event in result.incidents:
        dot(event, "#7d3c98", 6, "diamond")
    ten_km = 10000 * frame.scale
    y0 = frame.height - 12
    svg.append(f"<line x1='24' y1='{y0}' x2='{24 + ten_km:.1f}' y2='{y0}' stroke='#27313b' "
               f"stroke-width='2'/><text x='24' y='{y0 - 5}'>10 km</text>")
    svg.append("</svg>")
    legend += [
        "<span><i class='sw' style='background:#c0392b'></i>violation, reported</span>",
        "<span><i class='sw' style='background:#e58e73'></i>violation, alleged</span>",
        "<span><i class='sw' style='background:#8a939c'></i>violent event outside the zones</span>",
        "<span><i class='sw' style='background:#7d3c98'></i>incident against a patrol</span>",
    ]
    return "".join(svg) + f"<p class='legend'>{''.join(legend)}</p>"


# -- charts ---------------------------------------------------------------------------


def _violations_chart(result: Assessment, last: date) -> str:
    a = result.agreement
    first = min(z.effective for z in a.zones.values())
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    width, left, row_height = 1000, 150, 90
    plot = width - left - 10
    step = plot / max(len(days), 1)
    peak = max([n for t in result.zones.values() for n in t.by_day.values()] or [1])
    height = row_height * len(result.zones) + 30
    svg = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='100%' "
           "role='img' aria-label='violations per day'>"]
    for row, (zone_id, _tally) in enumerate(result.zones.items()):
        colour = _ZONE_COLOURS[row % len(_ZONE_COLOURS)]
        base = row_height * (row + 1)
        svg.append(f"<text x='4' y='{base - row_height / 2}'>{escape(a.zones[zone_id].name)}</text>"
                   f"<line x1='{left}' y1='{base}' x2='{width - 10}' y2='{base}' stroke='#9aa5b1'/>"
                   f"<text x='{left - 18}' y='{base - row_height + 22}'>{peak}</text>")
        for modality, opacity in (("reported", 1.0), ("alleged", 0.45)):
            counts: dict[date, int] = {}
            below: dict[date, int] = {}
            for v in result.violations:
                if zone_id in v.zones:
                    key = v.day
                    if v.event.modality == modality:
                        counts[key] = counts.get(key, 0) + 1
                    elif modality == "alleged":
                        below[key] = below.get(key, 0) + 1
            for day, n in counts.items():
                x = left + (day - first).days * step
                h = n / peak * (row_height - 25)
                y = base - below.get(day, 0) / peak * (row_height - 25) - h
                svg.append(f"<rect x='{x:.1f}' y='{y:.1f}' width='{max(step - 1, 1.5):.1f}' "
                           f"height='{h:.1f}' fill='{colour}' fill-opacity='{opacity}'>"
                           f"<title>{day}: {n} {modality}</title></rect>")
    for day in days:
        if day.day in (1, 15):
            x = left + (day - first).days * step
            svg.append(f"<line x1='{x:.1f}' y1='{height - 26}' x2='{x:.1f}' y2='{height - 20}' "
                       f"stroke='#27313b'/><text x='{x - 14:.1f}' y='{height - 6}'>"
                       f"{day.strftime('%d %b')}</text>")
    svg.append("</svg>")
    return "".join(svg) + ("<p class='legend'>Solid: reported; pale: alleged. Forecasts and "
                           "assessments are never counted.</p>")


def _coverage_chart(result: Assessment) -> str:
    if not result.coverage:
        return "<p>No patrols found.</p>"
    a = result.agreement
    provision = a.provisions_of("joint_patrols")[0]
    route = a.routes[provision.route or ""]
    width, left, row = 1000, 170, 20
    plot = width - left - 20
    scale = plot / route.length_m
    height = row * len(result.coverage) + 90
    svg = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {width} {height}' width='100%' "
           "role='img' aria-label='patrol coverage'>"]
    for i, cover in enumerate(result.coverage):
        y = 10 + i * row
        svg.append(f"<text x='4' y='{y + 12}'>{cover.day.strftime('%d %b %Y')} · {cover.share:.0%}</text>")
        svg.append(f"<rect x='{left}' y='{y + 3}' width='{plot}' height='{row - 6}' fill='#eef1f4'/>")
        for start, end in cover.spans:
            svg.append(f"<rect x='{left + start * scale:.1f}' y='{y + 3}' "
                       f"width='{max((end - start) * scale, 1):.1f}' height='{row - 6}' "
                       "fill='#9cc3e0'/>")
        for patrol in result.patrols:
            if patrol.day == cover.day and patrol.start_m is not None and patrol.end_m is not None:
                tip = escape(", ".join(p.place for p in patrol.places) or "placed by event location")
                svg.append(f"<rect x='{left + patrol.start_m * scale:.1f}' y='{y + 6}' "
                           f"width='{max((patrol.end_m - patrol.start_m) * scale, 1):.1f}' "
                           f"height='{row - 12}' fill='#1d5a8c'><title>{cover.day}: {tip}</title></rect>")
    axis = 10 + len(result.coverage) * row + 4
    svg.append(f"<line x1='{left}' y1='{axis}' x2='{left + plot}' y2='{axis}' stroke='#27313b'/>")
    for name, along in route.waypoint_positions():
        x = left + along * scale
        svg.append(f"<line x1='{x:.1f}' y1='{axis}' x2='{x:.1f}' y2='{axis + 5}' stroke='#27313b'/>"
                   f"<text transform='translate({x + 3:.1f},{axis + 10}) rotate(35)'>"
                   f"{escape(name)} ({along / 1000:.0f} km)</text>")
    svg.append("</svg>")
    return "".join(svg) + ("<p class='legend'><span><i class='sw' style='background:#1d5a8c'></i>"
                           "stretch named by that day's patrol reports</span><span><i class='sw' "
                           "style='background:#9cc3e0'></i>covered by all patrols so far</span></p>")


# -- table ----------------------------------------------------------------------------


def _incidents_table(result: Assessment) -> str:
    a = result.agreement
    rows: list[tuple[Event, list[str]]] = [(v.event, list(v.zones)) for v in result.violations]
    rows += [(e, ["patrol-incident"]) for e in result.incidents]
    rows.sort(key=lambda r: (r[0].event_date or date.min, r[0].event_id))
    options = "".join(f"<option value='{escape(z)}'>{escape(a.zones[z].name)}</option>" for z in a.zones)
    head = ("<p><label>Show <select id='zone-filter'><option value=''>all</option>"
            f"{options}<option value='patrol-incident'>incidents against patrols</option>"
            "</select></label></p><table id='incidents'><thead><tr><th>date</th><th>where</th>"
            "<th>event</th><th>actor (alleged perpetrator)</th><th>target</th><th>modality</th>"
            "<th>location</th><th>deaths</th><th>source</th><th>evidence</th></tr></thead><tbody>")
    body = []
    for event, kinds in rows:
        where = ", ".join(a.zones[k].name if k in a.zones else "against a patrol" for k in kinds)
        spans = "; ".join(f"{e.field}: “{e.text}”" for e in event.evidence)
        body.append(
            f"<tr data-kinds='{escape(' '.join(kinds))}'><td>{event.event_date}</td>"
            f"<td>{escape(where)}</td><td>{escape(event.sub_event_type)}</td>"
            f"<td>{escape(event.actor1 or 'unidentified')}</td><td>{escape(event.actor2 or '')}</td>"
            f"<td>{escape(event.modality)}</td><td>{escape(event.location or '')}</td>"
            f"<td>{'' if event.fatalities is None else event.fatalities}</td>"
            f"<td>{escape(event.source or '')}</td><td class='evidence'>{escape(event.notes or '')}"
            f"<br><small>{escape(spans)}</small></td></tr>"
        )
    return head + "".join(body) + "</tbody></table>"


__all__ = ["render_report", "write_report"]
