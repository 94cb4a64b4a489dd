"""The deadline engine (dsl.rules.engine), run on the exported JSON (round-tripped through text, so only JSON is used)."""

from __future__ import annotations

import copy
import functools
import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dsl.language import vocabulary
from dsl.rules import engine
from dsl.rules.engine import Evaluator, RuleError, Timeline, compile_timeline, due, find_target, priority_for
from dsl.rules.export import dumps, export_project
from support.paths import ROOT
from support.rules_sample import YEARS, sample_project

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture(scope="module")
def rules() -> dict:
    return json.loads(dumps(export_project(sample_project(), YEARS)))


def iso(rules: dict, plan: str, priority: str | None, at: str, **kw) -> str:
    return due(rules, plan, priority, datetime.fromisoformat(at), **kw).isoformat()


# --- the seed's example and business hours -------------------------------------------------


def test_seed_example_p3_reported_monday_afternoon(rules: dict) -> None:
    assert iso(rules, "stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00") == "2026-11-24T14:00:00+01:00"


def test_result_is_in_the_calendar_zone_whatever_the_report_offset(rules: dict) -> None:
    answer = due(rules, "stratiteq/sos", "P3", datetime(2026, 11, 23, 14, 0, tzinfo=UTC))
    assert answer.isoformat() == "2026-11-24T14:00:00+01:00"
    assert answer.tzinfo == STOCKHOLM
    assert due(rules, "stratiteq/sos", "P3", "2026-11-23T09:00:00-05:00").isoformat() == "2026-11-24T14:00:00+01:00"


def test_report_while_closed_starts_at_the_next_opening(rules: dict) -> None:
    # Saturday evening: the clock starts Monday 08:00
    assert iso(rules, "stratiteq/sos", "P1", "2026-11-21T20:00:00+01:00") == "2026-11-23T10:00:00+01:00"
    # before opening on a weekday
    assert iso(rules, "stratiteq/sos", "P1", "2026-11-24T06:59:00+01:00") == "2026-11-24T10:00:00+01:00"


def test_report_at_closing_time_and_at_opening(rules: dict) -> None:
    assert iso(rules, "stratiteq/sos", "P1", "2026-11-23T17:00:00+01:00") == "2026-11-24T10:00:00+01:00"
    assert iso(rules, "stratiteq/sos", "P1", "2026-11-23T08:00:00+01:00") == "2026-11-23T10:00:00+01:00"


def test_deadline_exactly_on_closing_time_stays_there(rules: dict) -> None:
    assert iso(rules, "stratiteq/sos", "P3", "2026-11-23T09:00:00+01:00") == "2026-11-23T17:00:00+01:00"
    # a whole day's worth from opening ends at closing, not at the next morning
    assert iso(rules, "stratiteq/sos", "P4", "2026-11-23T08:00:00+01:00") == "2026-11-24T15:00:00+01:00"


def test_seconds_are_kept(rules: dict) -> None:
    assert iso(rules, "stratiteq/sos", "P1", "2026-11-23T15:00:00.500000+01:00") == "2026-11-24T08:00:00.500000+01:00"
    assert iso(rules, "stratiteq/sos", "P1", "2026-11-23T15:30:15+01:00") == "2026-11-24T08:30:15+01:00"


def test_priority_for_all_and_the_default_metric(rules: dict) -> None:
    assert iso(rules, "stratiteq/basic", None, "2026-11-23T15:00:00+01:00") == "2026-11-25T13:00:00+01:00"
    assert iso(rules, "stratiteq/basic", "P2", "2026-11-23T15:00:00+01:00") == "2026-11-25T13:00:00+01:00"
    assert iso(rules, "stratiteq/sos", "P2", "2026-11-23T15:00:00+01:00", metric="registration") == "2026-11-23T15:30:00+01:00"


# --- holidays and eves ---------------------------------------------------------------------


def test_christmas_eve_hours_then_holidays(rules: dict) -> None:
    # Wed 23 Dec 15-17 (2 h), Thu 24 Dec eve 08:30-14:00 (5.5 h), closed 25-27, Mon 28 Dec the last half hour
    assert iso(rules, "stratiteq/sos", "P3", "2026-12-23T15:00:00+01:00") == "2026-12-28T08:30:00+01:00"
    # reported on the eve after it closes
    assert iso(rules, "stratiteq/sos", "P1", "2026-12-24T14:30:00+01:00") == "2026-12-28T10:00:00+01:00"


def test_holiday_on_a_weekday_is_closed(rules: dict) -> None:
    # Wed 2026-05-13 is the eve of Ascension Day (Thu 14 May): 08:30-14:00, then Friday
    assert iso(rules, "stratiteq/sos", "P2", "2026-05-13T12:00:00+02:00") == "2026-05-15T10:00:00+02:00"


def test_own_special_hours_and_extra_closed_day(rules: dict) -> None:
    # 2026-12-30 is open 10:00-12:00 only; 31 December is an eve of New Year's Day
    assert iso(rules, "stratiteq/sos", "P2", "2026-12-30T09:00:00+01:00") == "2026-12-31T10:30:00+01:00"
    # 2027-12-23 is closed by the calendar itself, 24th is an eve (Friday), then a weekend with Christmas
    assert iso(rules, "stratiteq/sos", "P1", "2027-12-22T16:00:00+01:00") == "2027-12-24T09:30:00+01:00"


def test_year_end(rules: dict) -> None:
    # Thu 31 Dec 2026 eve 08:30-14:00, Fri 1 Jan holiday, weekend, Mon 4 Jan
    assert iso(rules, "stratiteq/sos", "P3", "2026-12-31T10:00:00+01:00") == "2027-01-04T12:00:00+01:00"


# --- DST -----------------------------------------------------------------------------------


def test_business_hours_across_both_dst_changes(rules: dict) -> None:
    assert iso(rules, "stratiteq/sos", "P1", "2026-03-27T16:00:00+01:00") == "2026-03-30T09:00:00+02:00"
    assert iso(rules, "stratiteq/sos", "P1", "2026-10-23T16:00:00+02:00") == "2026-10-26T09:00:00+01:00"


def _night_calendar(rules: dict, pieces: list[list[str]]) -> dict:
    """The rules with the office open only on Sundays, with the given pieces."""
    changed = copy.deepcopy(rules)
    cal = changed["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]
    cal["weekly"] = {day: [] for day in cal["weekly"]}
    cal["weekly"]["sun"] = pieces
    cal["dates"] = {}
    return changed


def test_spring_forward_gap_counts_real_time(rules: dict) -> None:
    night = _night_calendar(rules, [["01:00", "04:00"]])
    # 29 March 2026: 01:00 CET to 04:00 CEST is two real hours; the next two hours come a week later
    assert iso(night, "stratiteq/sos", "P1", "2026-03-29T01:00:00+01:00") == "2026-03-29T04:00:00+02:00"
    assert iso(night, "stratiteq/sos", "P2", "2026-03-29T01:00:00+01:00") == "2026-04-05T03:00:00+02:00"


def test_wall_time_inside_the_gap_takes_the_offset_before_it(rules: dict) -> None:
    night = _night_calendar(rules, [["02:30", "04:00"]])
    # 02:30 does not exist on 29 March; fold=0 reads it as 02:30+01:00 = 03:30+02:00: 30 open minutes
    assert due(night, "stratiteq/sos", "P2", "2026-03-29T00:00:00+01:00", metric="registration").isoformat() == "2026-03-29T04:00:00+02:00"
    assert due(night, "stratiteq/sos", "P1", "2026-03-29T00:00:00+01:00").isoformat() == "2026-04-05T04:00:00+02:00"


def test_fall_back_counts_the_repeated_hour(rules: dict) -> None:
    night = _night_calendar(rules, [["01:00", "04:00"]])
    # 25 October 2026: 01:00 CEST to 04:00 CET is four real hours
    assert iso(night, "stratiteq/sos", "P2", "2026-10-25T01:00:00+02:00") == "2026-10-25T04:00:00+01:00"


def test_ambiguous_wall_time_takes_its_first_occurrence(rules: dict) -> None:
    night = _night_calendar(rules, [["02:30", "04:00"]])
    # 02:30 occurs twice on 25 October; the piece starts at the first (CEST): 2.5 real hours
    assert due(night, "stratiteq/sos", "P1", "2026-10-25T00:00:00+02:00").isoformat() == "2026-10-25T03:30:00+01:00"


# --- 24x7, 24x5 and customer zones ----------------------------------------------------------


def test_always_open_adds_elapsed_time(rules: dict) -> None:
    assert iso(rules, "amanda/premium", None, "2026-11-23T15:00:00+01:00") == "2026-11-23T16:00:00+01:00"
    assert iso(rules, "amanda/premium", None, "2026-11-23T15:00:00+01:00", tz="Asia/Tokyo") == "2026-11-24T00:00:00+09:00"
    # across the spring change: real time, shown in the customer's zone
    assert iso(rules, "amanda/premium", None, "2026-03-29T01:30:00+01:00", tz="Europe/Stockholm") == "2026-03-29T03:30:00+02:00"
    # Saturday night and holidays make no difference
    assert iso(rules, "amanda/premium", None, "2026-12-24T23:30:00+01:00") == "2026-12-25T00:30:00+01:00"


def test_customer_zones_on_several_continents(rules: dict) -> None:
    at = "2026-11-23T15:00:00+01:00"  # Monday 09:00 in New York, 23:00 in Tokyo, Tuesday 01:00 in Sydney
    assert iso(rules, "amanda/standard", None, at, tz="America/New_York") == "2026-11-23T13:00:00-05:00"
    assert iso(rules, "amanda/standard", None, at, tz="Asia/Tokyo") == "2026-11-24T12:00:00+09:00"
    assert iso(rules, "amanda/standard", None, at, tz="Australia/Sydney") == "2026-11-24T12:00:00+11:00"
    # New York changes clocks on 1 November 2026: Friday 15:00 EDT + 4 h -> Monday 10:00 EST
    assert iso(rules, "amanda/standard", None, "2026-10-30T15:00:00-04:00", tz="America/New_York") == "2026-11-02T10:00:00-05:00"


def test_twenty_four_five_week_in_one_interval(rules: dict) -> None:
    s1 = lambda at: iso(rules, "infor/xtreme", "S1", at)  # noqa: E731
    # Friday 22:30: 30 minutes before closing, the rest from Sunday 23:00
    assert s1("2026-11-27T22:30:00+01:00") == "2026-11-29T23:30:00+01:00"
    # reported on Saturday: Sunday 23:00 + 1 h ends exactly at midnight (24:00 Sunday = 00:00 Monday)
    assert s1("2026-11-28T12:00:00+01:00") == "2026-11-30T00:00:00+01:00"
    # Sunday 23:30: 23:30-24:00 and Monday 00:00-00:30 join without a gap
    assert s1("2026-11-29T23:30:00+01:00") == "2026-11-30T00:30:00+01:00"
    # midweek midnight
    assert s1("2026-11-25T23:45:00+01:00") == "2026-11-26T00:45:00+01:00"
    # exactly at Friday's close
    assert s1("2026-11-27T23:00:00+01:00") == "2026-11-30T00:00:00+01:00"


def test_split_day_pieces(rules: dict) -> None:
    # Tuesday 10:00: 09-11 leaves 1 h, 13-15 gives 2 h, then Monday 08-17: 5 h more
    assert iso(rules, "infor/xtreme", "S3", "2026-11-24T10:00:00+01:00") == "2026-11-30T13:00:00+01:00"


# --- errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "priority", "at", "kw", "words"),
    [
        ("stratiteqq/sos", "P3", "2026-11-23T15:00:00+01:00", {}, "unknown vendor 'stratiteqq'; did you mean 'stratiteq'"),
        ("stratiteq/sso", "P3", "2026-11-23T15:00:00+01:00", {}, "has no plan 'sso'; did you mean 'sos'"),
        ("stratiteq", "P3", "2026-11-23T15:00:00+01:00", {}, "VENDOR/PLAN"),
        ("stratiteq/sos", "P9", "2026-11-23T15:00:00+01:00", {}, "no priority 'P9'"),
        ("stratiteq/sos", "p3", "2026-11-23T15:00:00+01:00", {}, "did you mean 'P3'"),
        ("amanda/standard", "P1", "2026-11-23T15:00:00+01:00", {"tz": "UTC"}, "has no priority levels"),
        ("stratiteq/sos", None, "2026-11-23T15:00:00+01:00", {}, "per priority; give one of: P1, P2, P3, P4"),
        ("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00", {"metric": "reslution"}, "unknown metric 'reslution'; did you mean 'resolution'"),
        ("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00", {"metric": "resolution"}, "guarantees no resolution time for priority P1"),
        ("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00", {"metric": "resolution"}, "states no resolution target for priority P3"),
        ("infor/xtreme", "S1", "2026-11-23T15:00:00+01:00", {"metric": "status-update"}, "guarantees no status-update time"),
        ("stratiteq/sos", "P3", "2026-11-23T15:00:00", {}, "has no UTC offset"),
        ("stratiteq/sos", "P3", "23/11/2026 15:00", {}, "is not a date and time of the form YYYY-MM-DDTHH:MM"),
        ("amanda/standard", None, "2026-11-23T15:00:00+01:00", {}, "customer's own time zone"),
        ("amanda/standard", None, "2026-11-23T15:00:00+01:00", {"tz": "Europe/Stokholm"}, "unknown time zone 'Europe/Stokholm'"),
        ("stratiteq/sos", "P3", "2030-01-07T10:00:00+01:00", {}, "outside the years the rules cover (2026–2028)"),
        ("stratiteq/sos", "P3", "2025-12-31T22:59:00+00:00", {}, "outside the years"),
        ("stratiteq/sos", "P4", "2028-12-29T16:00:00+01:00", {}, "after the last year the rules cover"),
        ("amanda/premium", None, "2028-12-31T23:30:00+01:00", {}, "after the last year"),
    ],
)
def test_errors_in_words(rules: dict, plan, priority, at, kw, words) -> None:
    with pytest.raises(RuleError) as caught:
        due(rules, plan, priority, at, **kw)
    assert words in str(caught.value)


def test_other_major_format_versions_are_refused(rules: dict) -> None:
    newer = dict(rules, format_version="2.0")
    with pytest.raises(RuleError, match="format 2.0"):
        due(newer, "stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00")
    assert due(dict(rules, format_version="1.7"), "stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00").hour == 14


def test_engine_needs_neither_the_language_nor_a_holiday_library_nor_the_export() -> None:
    code = (
        "import sys, dsl.rules.engine; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'holidays' or m.startswith(('dsl.language', 'dsl.rules.export'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "[]\n")


def test_the_engine_words_are_the_vocabulary_words() -> None:
    """The engine keeps its own copies (it must not import dsl.language); they must not drift."""
    assert engine.DEFAULT_METRIC == vocabulary.DEFAULT_METRIC
    assert engine.WEEKDAYS == vocabulary.WEEKDAYS


def test_an_evaluator_keeps_what_it_compiled(rules: dict) -> None:
    evaluator = Evaluator(rules)
    ready = evaluator.clock("stratiteq/sos", "P3")
    assert evaluator.clock("stratiteq/sos", "P3") is ready
    assert evaluator.due("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00").isoformat() == "2026-11-24T14:00:00+01:00"
    # P1 runs on the same calendar in the same zone: one timeline serves both questions
    assert evaluator.clock("stratiteq/sos", "P1").timeline is ready.timeline
    assert evaluator.timeline("stratiteq", "stratiteq-office") is ready.timeline
    # a customer-zone calendar is compiled once per customer zone
    tokyo = evaluator.clock("amanda/standard", None, tz="Asia/Tokyo").timeline
    assert evaluator.clock("amanda/standard", None, tz="America/New_York").timeline is not tokyo
    assert evaluator.priority_for("stratiteq", "low", "urgent") == "P3"


def test_a_new_evaluator_sees_changed_rules(rules: dict) -> None:
    """Nothing is kept between module-level calls: changed rules give changed answers."""
    changed = copy.deepcopy(rules)
    assert due(changed, "stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00").isoformat() == "2026-11-24T14:00:00+01:00"
    changed["vendors"]["stratiteq"]["plans"]["sos"]["targets"][2]["minutes"] = 60
    assert due(changed, "stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00").isoformat() == "2026-11-23T16:00:00+01:00"


def test_integer_interface_names_a_moment_outside_the_years_in_utc(rules: dict) -> None:
    ready = Evaluator(rules).clock("stratiteq/sos", "P3")
    late = (datetime(2030, 1, 7, 9, tzinfo=UTC) - datetime(1970, 1, 1, tzinfo=UTC)) // timedelta(microseconds=1)
    with pytest.raises(RuleError, match=r"the moment 2030-01-07T09:00:00\+00:00 lies outside the years the rules cover \(2026–2028\)"):
        ready.due_us(late)


def test_naive_datetime_is_refused(rules: dict) -> None:
    with pytest.raises(RuleError, match="no UTC offset"):
        due(rules, "stratiteq/sos", "P3", datetime(2026, 11, 23, 15))


def test_first_moment_of_the_span_is_inside(rules: dict) -> None:
    assert iso(rules, "stratiteq/sos", "P1", "2026-01-01T00:00:00+01:00") == "2026-01-02T10:00:00+01:00"
    assert iso(rules, "amanda/premium", None, "2028-12-31T22:00:00+01:00") == "2028-12-31T23:00:00+01:00"


def test_find_target_prefers_the_priority_own_target(rules: dict) -> None:
    assert find_target(rules, "infor/xtreme", "S1")["calendar"] == "cis-24x5"
    assert find_target(rules, "infor/xtreme", "S2")["calendar"] == "split-day"


def test_priority_from_the_matrix(rules: dict) -> None:
    assert priority_for(rules, "stratiteq", "low", "urgent") == "P3"
    assert priority_for(rules, "stratiteq", "high", "normal") == "P2"
    with pytest.raises(RuleError, match="no impact 'hgh'; did you mean 'high'"):
        priority_for(rules, "stratiteq", "hgh", "urgent")
    with pytest.raises(RuleError, match="no urgency 'later'"):
        priority_for(rules, "stratiteq", "high", "later")
    with pytest.raises(RuleError, match="no impact × urgency matrix"):
        priority_for(rules, "infor", "high", "urgent")
    with pytest.raises(RuleError, match="unknown vendor"):
        priority_for(rules, "acme", "high", "urgent")


def test_priority_refusals_cut_long_names_as_every_message_does(rules: dict) -> None:
    long = "x" * 150
    for args, words in [
        ((long, "high", "urgent"), f"unknown vendor '{'x' * 100}…'; known: " + ", ".join(sorted(rules["vendors"]))),
        (("stratiteq", long, "urgent"), f"vendor 'stratiteq' has no impact '{'x' * 100}…'; known: high, low"),
        (("stratiteq", "high", long), f"vendor 'stratiteq' has no urgency '{'x' * 100}…'; known: normal, urgent"),
    ]:
        with pytest.raises(RuleError) as caught:
            priority_for(rules, *args)
        assert str(caught.value) == words


# --- properties of the interval arithmetic against a minute-by-minute count ------------------


@functools.cache
def _office() -> tuple[dict, Timeline]:
    cal = json.loads(dumps(export_project(sample_project(), YEARS)))["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]
    return cal, compile_timeline(cal, 2026, 2028, STOCKHOLM)


def _open_at(cal: dict, instant: datetime) -> bool:
    """Whether the calendar is open during the minute starting at `instant` (wall clock lookup)."""
    local = instant.astimezone(STOCKHOLM)
    pieces = cal["dates"].get(local.date().isoformat())
    if pieces is None:
        pieces = cal["weekly"][("mon", "tue", "wed", "thu", "fri", "sat", "sun")[local.weekday()]]
    hhmm = local.strftime("%H:%M")
    return any(a <= hhmm < b for a, b in pieces)


@settings(max_examples=60, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 11, 30)),
    minutes=st.integers(min_value=1, max_value=3 * 540),
)
def test_engine_equals_counting_minutes(rules: dict, start: datetime, minutes: int) -> None:
    cal, _ = _office()
    report = start.replace(second=0, microsecond=0, tzinfo=UTC)
    changed = copy.deepcopy(rules)
    changed["vendors"]["stratiteq"]["plans"]["sos"]["targets"][0]["minutes"] = minutes
    answer = due(changed, "stratiteq/sos", "P1", report)
    counted, now = 0, report
    while counted < minutes:
        if _open_at(cal, now):
            counted += 1
        now += timedelta(minutes=1)
    # the end of the minute that completes the count: the earliest instant with enough open time
    assert answer == now


@settings(max_examples=60, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 6, 30)),
    a=st.integers(min_value=0, max_value=2000),
    b=st.integers(min_value=1, max_value=2000),
)
def test_deadlines_add_up(rules: dict, start: datetime, a: int, b: int) -> None:
    _, timeline = _office()
    report = int(start.replace(tzinfo=UTC).timestamp()) * 1_000_000
    middle = timeline.search(a)(report)
    assert middle >= report
    assert timeline.search(b)(middle) == timeline.search(a + b)(report)
    assert timeline.search(a + b)(report + 60_000_000) >= timeline.search(a + b)(report)
