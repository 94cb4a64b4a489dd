"""Property tests: on random calendars the evaluator (from the JSON) equals the oracle (from the model).

Hypothesis draws calendars the plan files would rarely contain: weekly
intervals across midnight and the week's end, ends at 24:00, zones with
30- and 45-minute offsets or clocks that change at midnight, holidays of
several countries with eve hours, closed and special dates, the customer's
zone, 24x7; and reports anywhere in the years, often close to a DST change,
sometimes with seconds and fractions.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))

import oracle  # noqa: E402

from dsl.language.model import (  # noqa: E402
    Calendar,
    DailyHours,
    DateHours,
    HolidaySource,
    Plan,
    PriorityLevel,
    PriorityScheme,
    Project,
    Target,
    Text,
    Vendor,
    WeeklyInterval,
)
from dsl.rules.engine import RuleError, due  # noqa: E402
from dsl.rules.export import export_project  # noqa: E402

YEARS = (2026, 2027)
ZONES = (
    "Europe/Stockholm",
    "America/New_York",
    "America/Santiago",  # clocks change at midnight
    "Australia/Lord_Howe",  # a 30-minute DST change
    "Pacific/Chatham",  # +12:45 / +13:45
    "Asia/Kathmandu",  # +05:45
    "America/St_Johns",  # -03:30 with DST
    "Asia/Kolkata",
    "America/Sao_Paulo",
    "Africa/Casablanca",  # changes around Ramadan
    "UTC",
)
COUNTRIES = ("SE", "US", "CL", "AU", "JP", "IN", "BR", "ZA")
STEP = 5  # wall-clock times on a 5-minute grid keep the search space interesting


def _transitions(zone_name: str) -> list[datetime]:
    zone = ZoneInfo(zone_name)
    t = datetime(YEARS[0], 1, 1, tzinfo=timezone.utc)
    found, prev = [], t.astimezone(zone).utcoffset()
    while t.year <= YEARS[1]:
        t += timedelta(hours=1)
        if t.astimezone(zone).utcoffset() != prev:
            prev = t.astimezone(zone).utcoffset()
            found.append(t)
    return found


TRANSITIONS = {z: _transitions(z) for z in ZONES}


@st.composite
def weekly_interval(draw) -> WeeklyInterval:
    start_day = draw(st.integers(0, 6))
    start = draw(st.integers(0, 1439 // STEP)) * STEP
    length = draw(st.one_of(st.integers(1, 16 * 60 // STEP), st.integers(1, 3 * 1440 // STEP))) * STEP
    end_abs = start_day * 1440 + start + length
    end_day, end = (end_abs // 1440) % 7, end_abs % 1440
    if end == 0 and draw(st.booleans()):
        end_day, end = (end_day - 1) % 7, 1440  # the same instant written as 24:00 of the day before
    return WeeklyInterval(start_day, start, end_day, end)


@st.composite
def daily_hours(draw) -> tuple[DailyHours, ...]:
    pieces = []
    for _ in range(draw(st.integers(0, 2))):
        start = draw(st.integers(0, 1435 // STEP)) * STEP
        end = draw(st.integers(start // STEP + 1, 1440 // STEP)) * STEP
        pieces.append(DailyHours(start, end))
    return tuple(pieces)


def _weekly_open_minutes(intervals: tuple[WeeklyInterval, ...]) -> int:
    week = set()
    for iv in intervals:
        start = iv.start_day * 1440 + iv.start
        end = iv.end_day * 1440 + iv.end
        if end <= start:
            end += 7 * 1440
        week.update(m % (7 * 1440) for m in range(start, end))
    return len(week)


@st.composite
def case(draw):
    zone = draw(st.sampled_from(ZONES))
    customer = draw(st.booleans()) and draw(st.booleans())
    always = draw(st.integers(0, 9)) == 0
    if always:
        calendar = Calendar("random", None if customer else zone, always_open=True)
        open_per_week = 7 * 1440
    else:
        weekly = tuple(draw(st.lists(weekly_interval(), min_size=1, max_size=4)))
        open_per_week = _weekly_open_minutes(weekly)
        sources = tuple(HolidaySource(c) for c in draw(st.lists(st.sampled_from(COUNTRIES), max_size=2, unique=True)))
        eve = draw(daily_hours()) if sources and draw(st.booleans()) else ()
        days = draw(st.lists(st.dates(date(YEARS[0], 1, 1), date(YEARS[1], 12, 31)), max_size=4, unique=True))
        dated = tuple(DateHours(d, draw(daily_hours())) for d in days)
        calendar = Calendar("random", None if customer else zone, weekly=weekly, holidays=sources, eve_hours=eve, dates=dated)
    # Keep the oracle's walk short: at most about three weeks of the calendar's open time.
    minutes = draw(st.integers(0, max(1, min(open_per_week * 3, 6000))))
    transitions = TRANSITIONS[zone]
    if transitions and draw(st.booleans()):
        near = draw(st.sampled_from(transitions))
        report = near + timedelta(minutes=draw(st.integers(-3 * 1440, 1440)))
    else:
        report = datetime(YEARS[0], 1, 1, tzinfo=timezone.utc) + timedelta(minutes=draw(st.integers(0, 730 * 1440)))
    if draw(st.integers(0, 3)) == 0:  # reports may carry seconds and fractions; deadlines keep them
        report += timedelta(microseconds=draw(st.integers(0, 59_999_999)))
    shown_in = ZoneInfo(draw(st.sampled_from(ZONES)))
    at = report.astimezone(shown_in).isoformat()
    return calendar, zone if customer else None, minutes, at, open_per_week


def _project(calendar: Calendar, minutes: int) -> Project:
    level = PriorityLevel("P1", Text((("*", "P1"),)))
    plan = Plan("plan", Text((("*", "Plan"),)), targets=(Target("first-response", "P1", minutes, calendar.id),))
    return Project((Vendor("v", "V", "en", priorities=PriorityScheme("levels", (level,)), calendars=(calendar,), plans=(plan,)),))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case())
def test_evaluator_equals_oracle_on_random_calendars(example):
    calendar, tz, minutes, at, open_per_week = example
    if open_per_week < 60 and not calendar.dates:
        event("skipped: a clock that almost never runs")
        return  # the oracle would walk for years
    project = _project(calendar, minutes)
    rules = export_project(project, YEARS)
    question = oracle.Question("v/plan", "P1", at, tz)
    try:
        expected = oracle.deadline(project, YEARS, question)
    except oracle.OracleError as exc:
        expected = exc
    try:
        got = due(rules, "v/plan", "P1", at, tz)
    except RuleError as exc:
        got = exc
    event("error" if isinstance(expected, Exception) else "deadline")
    if isinstance(expected, Exception) or isinstance(got, Exception):
        assert isinstance(expected, Exception) and isinstance(got, Exception), f"oracle: {expected!r}, evaluator: {got!r}"
        return
    assert got.timestamp() == expected.timestamp(), f"oracle {expected.isoformat()}, evaluator {got.isoformat()}"
    assert got.isoformat() == expected.isoformat()


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(ZONES), st.integers(0, 730 * 1440), st.integers(0, 5000))
def test_24x7_adds_elapsed_real_time(zone, offset, minutes):
    calendar = Calendar("random", zone, always_open=True)
    project = _project(calendar, minutes)
    report = datetime(YEARS[0], 1, 1, tzinfo=timezone.utc) + timedelta(minutes=offset)
    at = report.isoformat()
    lo = datetime(YEARS[0], 1, 1, tzinfo=ZoneInfo(zone))
    hi = datetime(YEARS[1] + 1, 1, 1, tzinfo=ZoneInfo(zone))
    try:
        got = due(export_project(project, YEARS), "v/plan", "P1", at)
    except RuleError:
        # The span is [lo, hi): a report at hi itself is already outside it.
        assert report < lo or report >= hi or report + timedelta(minutes=minutes) > hi
        return
    assert lo <= report < hi and report + timedelta(minutes=minutes) <= hi
    assert got.timestamp() - datetime.fromisoformat(at).timestamp() == minutes * 60
    assert got.timestamp() == oracle.deadline(project, YEARS, oracle.Question("v/plan", "P1", at)).timestamp()
