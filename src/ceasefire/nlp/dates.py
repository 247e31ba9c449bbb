"""Time expressions in running text, resolved against the publication date.

Recognition is by patterns over the words in ``data/time_words.yaml``; relative
expressions ("yesterday", "on Tuesday", "three days ago") are resolved by dateparser
with the publication date as its base, so no clock is read here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from importlib import resources

import dateparser  # type: ignore[import-untyped]
import yaml

from ceasefire.model import DateValue, Mention
from ceasefire.nlp.quantities import read_quantity
from ceasefire.nlp.spans import PreferredMatches

PRODUCED_BY = "nlp.dates.v1"


@dataclass(frozen=True)
class _Vocabulary:
    months: dict[str, int]
    weekdays: tuple[str, ...]
    month_parts: dict[str, tuple[int, int]]
    relative: dict[str, str]


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names, lower case ("march", "sunday"): words that name a time, not a place."""
    v = _vocabulary()
    return frozenset(name.lower() for name in (*v.months, *v.weekdays))


@cache
def news_day_words() -> tuple[str, ...]:
    """Words that name a day of the news itself ("Sunday", "yesterday", "this morning"), not a date in the past."""
    v = _vocabulary()
    return (*v.weekdays, *(words for words, unit in v.relative.items() if unit == "day"))


@cache
def _vocabulary() -> _Vocabulary:
    raw = yaml.safe_load(resources.files("ceasefire.nlp").joinpath("data/time_words.yaml").read_text("utf-8"))
    months = {name: i + 1 for i, name in enumerate(raw["months"])}
    months.update(raw["month_abbreviations"])
    return _Vocabulary(
        months=months,
        weekdays=tuple(raw["weekdays"]),
        month_parts={k: tuple(v) for k, v in raw["month_parts"].items()},
        relative=dict(raw["relative"]),
    )


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    v = _vocabulary()
    month = "(?P<month>" + "|".join(sorted(v.months, key=len, reverse=True)) + r")\.?"
    part = "(?P<part>" + "|".join(re.escape(p) for p in sorted(v.month_parts, key=len, reverse=True)) + ")"
    year = r"(?P<year>(?:19|20)\d\d)"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    weekday = "(?P<weekday>" + "|".join(v.weekdays) + ")"
    relative = "(?P<relative>" + "|".join(re.escape(r) for r in v.relative) + ")"
    # Month names are matched case-sensitively ("May 7", never the verb "may").
    return [
        ("iso", re.compile(rf"\b{year}-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
        ("since", re.compile(rf"\b[Ss]ince {day} {month}(?:,? {year})?\b")),
        ("since", re.compile(rf"\b[Ss]ince {month} {day}(?:,? {year})?\b")),
        ("day_month", re.compile(rf"\b{day} (?:of )?{month}(?:,? {year})?\b")),
        ("month_day", re.compile(rf"\b{month} {day}\b(?!:)(?:,? {year})?")),
        ("part_month", re.compile(rf"\b(?i:{part})[- ]?{month}(?: {year})?\b")),
        ("month_year", re.compile(rf"\b{month},? {year}\b")),
        ("in_month", re.compile(rf"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince|[Bb]y) {month}\b")),
        ("week", re.compile(r"\b(?P<which>[Ll]ast|[Tt]his|[Pp]ast|[Pp]revious) week\b")),
        ("weekend", re.compile(r"\b(?:over|at|during) the weekend\b", re.I)),
        ("month_rel", re.compile(r"\b(?P<which>[Ll]ast|[Tt]his|[Pp]revious) month\b|\b[Ee]arlier this month\b")),
        ("ago", re.compile(r"\b(?P<n>\w+) (?P<unit>days?|weeks?) ago\b")),
        ("past_days", re.compile(r"\b(?:over|in|during|within) the (?:past|last|previous) (?P<n>\w+) days\b", re.I)),
        ("weekday", re.compile(rf"\b(?:[Oo]n |[Ll]ast )?{weekday}\b")),
        ("relative", re.compile(rf"\b(?i:{relative})\b")),
    ]


def find_dates(text: str, published: date | None, *, start: int = 0, end: int | None = None) -> list[Mention]:
    """Date mentions in ``text[start:end]``, resolved against ``published``.

    Without a publication date only expressions that carry their own year are resolved.
    Periods joined by "and" ("the second half of April and early May") become one range.
    """
    end = len(text) if end is None else end
    segment = text[start:end]
    found = PreferredMatches("date", start, PRODUCED_BY)
    for kind, pattern in _patterns():
        for match in pattern.finditer(segment):
            if found.overlaps(match):
                continue
            value = _resolve(kind, match, published)
            if value is not None:
                found.take(match, value)
    return _join_coordinated(text, found.in_text_order())


def _join_coordinated(text: str, mentions: list[Mention]) -> list[Mention]:
    joined: list[Mention] = []
    for mention in mentions:
        if joined:
            last = joined[-1]
            between = text[last.end : mention.start]
            if between.strip() in ("and", "to", "-", "–", "until", "through") and (
                last.value.precision != "day" or mention.value.precision != "day" or between.strip() != "and"
            ):
                value = DateValue(
                    start=min(last.value.start, mention.value.start),
                    end=max(last.value.end, mention.value.end),
                    precision="range",
                )
                joined[-1] = Mention(
                    kind="date",
                    start=last.start,
                    end=mention.end,
                    text=text[last.start : mention.end],
                    value=value,
                    produced_by=PRODUCED_BY,
                )
                continue
        joined.append(mention)
    return joined


def _resolve(kind: str, match: re.Match[str], published: date | None) -> DateValue | None:
    v = _vocabulary()
    groups = match.groupdict()
    explicit_year = int(groups["year"]) if groups.get("year") else None
    try:
        if kind == "iso":
            day = date(int(groups["year"]), int(groups["m"]), int(groups["d"]))
            return DateValue(start=day, end=day, precision="day")
        if kind in ("day_month", "month_day", "since"):
            month = v.months[groups["month"]]
            year = explicit_year or _infer_year(month, int(groups["day"]), published)
            if year is None:
                return None
            day = date(year, month, int(groups["day"]))
            if kind == "since":
                last = published if published and published >= day else day
                return DateValue(start=day, end=last, precision="range")
            return DateValue(start=day, end=day, precision="day")
        if kind == "part_month":
            month = v.months[groups["month"]]
            year = explicit_year or _infer_year(month, 1, published)
            if year is None:
                return None
            first_day, last_day = v.month_parts[groups["part"].lower()]
            last_day = min(last_day, calendar.monthrange(year, month)[1])
            return DateValue(start=date(year, month, first_day), end=date(year, month, last_day), precision="range")
        if kind in ("month_year", "in_month"):
            month = v.months[groups["month"]]
            year = explicit_year or _infer_year(month, 1, published)
            if year is None:
                return None
            return _month(year, month)
        if published is None:
            return None
        if kind == "week":
            monday = published - timedelta(days=published.weekday())
            if groups["which"].lower() in ("last", "past", "previous"):
                monday -= timedelta(days=7)
            return DateValue(start=monday, end=min(monday + timedelta(days=6), published), precision="week")
        if kind == "past_days":
            # "over the past two days": the days before publication, the day of publication not among them
            days = read_quantity(groups["n"])
            if days is None or not 1 <= days <= 31:
                return None
            first, last = published - timedelta(days=days), published - timedelta(days=1)
            return DateValue(start=first, end=last, precision="range")
        if kind == "weekend":
            saturday = published - timedelta(days=(published.weekday() - 5) % 7 or 7)
            return DateValue(start=saturday, end=saturday + timedelta(days=1), precision="range")
        if kind == "month_rel":
            which = (groups.get("which") or "this").lower()
            if which in ("last", "previous"):
                previous = published.replace(day=1) - timedelta(days=1)
                return _month(previous.year, previous.month)
            return DateValue(start=published.replace(day=1), end=published, precision="month")
        if kind == "weekday":
            # "on Wednesday" in a report of a Wednesday is that day; otherwise the last one before
            target = v.weekdays.index(groups["weekday"])
            back = (published.weekday() - target) % 7
            if back == 0 and match.group(0).lower().startswith("last"):
                back = 7
            day = published - timedelta(days=back)
            return DateValue(start=day, end=day, precision="day")
        if kind in ("ago", "relative"):
            found = _relative_day(match.group(0), published)
            if found is None:
                return None
            day = found
            if kind == "ago" and "week" in groups["unit"]:
                monday = day - timedelta(days=day.weekday())
                return DateValue(start=monday, end=monday + timedelta(days=6), precision="week")
            return DateValue(start=day, end=day, precision="day")
    except ValueError:
        return None  # "31 February" and the like: not a date
    return None


def _month(year: int, month: int) -> DateValue:
    last = calendar.monthrange(year, month)[1]
    return DateValue(start=date(year, month, 1), end=date(year, month, last), precision="month")


def _infer_year(month: int, day: int, published: date | None) -> int | None:
    """The year of a day given without one: the publication year, or the one before when
    the day would fall well after publication (a report looks back, not ahead)."""
    if published is None:
        return None
    year = published.year
    try:
        candidate = date(year, month, day)
    except ValueError:
        candidate = date(year, month, 1)
    if candidate - published > timedelta(days=31):
        year -= 1
    return year


@lru_cache(maxsize=4096)
def _relative_day(expression: str, published: date) -> date | None:
    words = re.sub(r"^(?i:on|last)\s+", "", expression.strip())
    parsed = dateparser.parse(
        words,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(published.year, published.month, published.day, 12),
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None:
        return None
    return parsed.date()
