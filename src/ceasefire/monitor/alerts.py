"""Alert rules: more than N violations in a zone within a sliding window of days.

A rule fires on each day whose window (that day and the days before it) holds more
violations than its threshold; consecutive firing days make one alert.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ceasefire.monitor.agreements import AlertRule
from ceasefire.monitor.compliance import Violation


@dataclass(frozen=True, kw_only=True)
class Alert:
    rule: str
    text: str
    zone: str
    first_day: date  # first day whose window was above the threshold
    last_day: date
    peak: int  # the most violations any of those windows held
    window_days: int
    threshold: int

    def to_record(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "text": self.text,
            "zone": self.zone,
            "first_day": self.first_day.isoformat(),
            "last_day": self.last_day.isoformat(),
            "peak": self.peak,
            "window_days": self.window_days,
            "threshold": self.threshold,
        }


def evaluate_rule(rule: AlertRule, violations: list[Violation]) -> list[Alert]:
    """The alerts one rule raises over the violations found."""
    days = sorted(v.day for v in violations if rule.zone in v.zones)
    if not days:
        return []
    alerts: list[Alert] = []
    day, last = days[0], days[-1] + timedelta(days=rule.window_days - 1)
    run: list[tuple[date, int]] = []
    while day <= last:
        since = day - timedelta(days=rule.window_days - 1)
        count = sum(1 for d in days if since <= d <= day)
        if count > rule.threshold:
            run.append((day, count))
        elif run:
            alerts.append(_alert(rule, run))
            run = []
        day += timedelta(days=1)
    if run:
        alerts.append(_alert(rule, run))
    return alerts


def _alert(rule: AlertRule, run: list[tuple[date, int]]) -> Alert:
    return Alert(
        rule=rule.id,
        text=rule.text,
        zone=rule.zone,
        first_day=run[0][0],
        last_day=run[-1][0],
        peak=max(count for _, count in run),
        window_days=rule.window_days,
        threshold=rule.threshold,
    )
