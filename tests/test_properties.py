"""Property tests: on random calendars the engine (from the JSON) equals the oracle (from the model).

The calendars and reports come from tests/support/calendars.py, the one random-calendar generator
(the JavaScript test draws from it too); hypothesis drives it here, so a failure shrinks.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from dsl.language.model import Calendar
from dsl.rules.engine import Evaluator, RuleError, due
from dsl.rules.export import export_project
from support import calendars, oracle
from support.calendars import YEARS, ZONES, HypothesisDraw


@st.composite
def case(draw: st.DrawFn) -> tuple[calendars.RandomCalendar, int, str]:
    d = HypothesisDraw(draw)
    drawn = calendars.calendar(d)
    return drawn, calendars.minutes(d, drawn), calendars.report(d, drawn.zone)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case())
def test_engine_equals_oracle_on_random_calendars(example: tuple[calendars.RandomCalendar, int, str]) -> None:
    drawn, minutes, at = example
    if drawn.hardly_open:
        event("skipped: a clock that almost never runs")
        return  # the oracle would walk for years
    project = calendars.project(drawn.calendar, minutes)
    rules = export_project(project, YEARS)
    question = oracle.Question("v/plan", "P1", at, drawn.tz)
    expected: datetime | Exception
    got: datetime | Exception
    try:
        expected = oracle.deadline(project, YEARS, question)
    except oracle.OracleError as exc:
        expected = exc
    try:
        got = due(rules, "v/plan", "P1", at, drawn.tz)
    except RuleError as exc:
        got = exc
    event("error" if isinstance(expected, Exception) else "deadline")
    if isinstance(expected, Exception) or isinstance(got, Exception):
        assert isinstance(expected, Exception) and isinstance(got, Exception), f"oracle: {expected!r}, engine: {got!r}"
        return
    assert got.timestamp() == expected.timestamp(), f"oracle {expected.isoformat()}, engine {got.isoformat()}"
    assert got.isoformat() == expected.isoformat()


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(ZONES), st.integers(0, 730 * 1440), st.integers(0, 5000))
def test_24x7_adds_elapsed_real_time(zone: str, offset: int, minutes: int) -> None:
    project = calendars.project(Calendar("random", zone, always_open=True), minutes)
    report = datetime(YEARS[0], 1, 1, tzinfo=UTC) + timedelta(minutes=offset)
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


@st.composite
def days_case(draw: st.DrawFn) -> tuple[calendars.RandomCalendar, int, bool, str]:
    d = HypothesisDraw(draw)
    drawn = calendars.calendar(d)
    return drawn, draw(st.integers(1, 4)), draw(st.booleans()), calendars.report(d, drawn.zone)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(days_case())
def test_business_days_engine_equals_oracle_on_random_calendars(example: tuple[calendars.RandomCalendar, int, bool, str]) -> None:
    """Both readings of business days (docs/rules.md §6), including DST changes and 24:00 ends."""
    drawn, days, day_end, at = example
    if drawn.hardly_open:
        event("skipped: a clock that almost never runs")
        return
    base = calendars.project(drawn.calendar, 60)
    vendor = base.vendors[0]
    target = dataclasses.replace(vendor.plans[0].targets[0], minutes=None, days=days, day_end=day_end)
    plan = dataclasses.replace(vendor.plans[0], targets=(target,))
    project = dataclasses.replace(base, vendors=(dataclasses.replace(vendor, plans=(plan,)),))
    rules = export_project(project, YEARS)
    expected: datetime | Exception
    got: datetime | Exception
    try:
        expected = oracle.deadline(project, YEARS, oracle.Question("v/plan", "P1", at, drawn.tz))
    except oracle.OracleError as exc:
        expected = exc
    try:
        got = due(rules, "v/plan", "P1", at, drawn.tz)
    except RuleError as exc:
        got = exc
    event(("day-end " if day_end else "same-time ") + ("error" if isinstance(expected, Exception) else "deadline"))
    if isinstance(expected, Exception) or isinstance(got, Exception):
        assert isinstance(expected, Exception) and isinstance(got, Exception), f"oracle: {expected!r}, engine: {got!r}"
        return
    assert got.isoformat() == expected.isoformat(), f"oracle {expected.isoformat()}, engine {got.isoformat()}"


# --- issue 10: the ticket clock on random calendars ---------------------------------------------------


@st.composite
def ticket_case(draw: st.DrawFn) -> tuple[calendars.RandomCalendar, int, str, list[tuple[str, str, None]], str]:
    d = HypothesisDraw(draw)
    drawn = calendars.calendar(d)
    report = datetime.fromisoformat(calendars.report(d, drawn.zone)).replace(second=0, microsecond=0)  # the oracle walks whole minutes
    events: list[tuple[str, str, None]] = []
    moment = report
    for _ in range(draw(st.integers(0, 3))):  # up to three pauses, the last one maybe still open
        moment += timedelta(minutes=draw(st.integers(0, 3 * 1440)))
        events.append(("pause", moment.isoformat(), None))
        if draw(st.booleans()) or len(events) < 5:
            moment += timedelta(minutes=draw(st.integers(0, 2 * 1440)))
            events.append(("resume", moment.isoformat(), None))
    if draw(st.booleans()):
        moment += timedelta(minutes=draw(st.integers(0, 1440)))
        events.append(("responded", moment.isoformat(), None))
    now = report + timedelta(minutes=draw(st.integers(0, 10 * 1440)))
    return drawn, calendars.minutes(d, drawn), report.isoformat(), events, now.isoformat()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(ticket_case())
def test_ticket_clock_equals_oracle_on_random_calendars(example) -> None:
    """Pauses over DST changes, holidays, eves and odd hours: the engine's clock equals the oracle's minute walk."""
    drawn, minutes, at, events, now = example
    if drawn.hardly_open:
        event("skipped: a clock that almost never runs")
        return
    project = calendars.project(drawn.calendar, minutes)
    rules = export_project(project, YEARS)
    try:
        expected = oracle.ticket(project, YEARS, oracle.Ticket("v/plan", "P1", at, now, tuple(events), drawn.tz))["metrics"]["first-response"]
    except oracle.OracleError:
        expected = None
    try:
        answer = Evaluator(rules).ticket("v/plan", "P1", at, now, [{"type": k, "at": m} for k, m, _ in events], drawn.tz)
        got = answer["metrics"]["first-response"]
    except RuleError:
        got = None
    event("error" if expected is None else str(expected["state"]))
    assert got == expected
