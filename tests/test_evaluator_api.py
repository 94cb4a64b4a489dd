"""The evaluator's batch and integer interfaces give the answers of `due` itself."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dsl.language.loader import load_project
from dsl.rules.engine import RuleError, clock, due, due_many
from dsl.rules.export import export_project

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def rules():
    return export_project(load_project([Path("plans")]).project, (2026, 2027))


def reports():
    start = datetime(2026, 3, 27, 6, 0, tzinfo=timezone(timedelta(hours=1)))
    return [start + timedelta(minutes=97 * k) for k in range(200)]  # across a weekend and the DST change


@pytest.mark.parametrize("plan, priority, tz", [("stratiteq/sos", "P3", None), ("amanda/standard", "P1", "Asia/Tokyo"), ("amanda/premium", "P2", None)])
def test_due_many_equals_due_one_by_one(rules, plan, priority, tz):
    moments = reports()
    many = due_many(rules, plan, priority, iter(moments), tz=tz)
    assert many == [due(rules, plan, priority, m, tz=tz) for m in moments]
    assert [m.isoformat() for m in many] == [due(rules, plan, priority, m, tz=tz).isoformat() for m in moments]


def test_due_us_equals_due(rules):
    ready = clock(rules, "stratiteq/sos", "P3")
    for moment in reports():
        report = (moment - EPOCH) // timedelta(microseconds=1)
        expected = due(rules, "stratiteq/sos", "P3", moment)
        assert ready.due_us(report) == (expected - EPOCH) // timedelta(microseconds=1)


def test_the_seed_example_through_every_interface(rules):
    monday = datetime.fromisoformat("2026-11-23T15:00:00+01:00")
    expected = datetime.fromisoformat("2026-11-24T14:00:00+01:00")
    assert due(rules, "stratiteq/sos", "P3", monday) == expected
    assert due_many(rules, "stratiteq/sos", "P3", [monday]) == [expected]
    report = (monday - EPOCH) // timedelta(microseconds=1)
    assert clock(rules, "stratiteq/sos", "P3").due_us(report) == (expected - EPOCH) // timedelta(microseconds=1)


def test_naive_moment_is_refused_in_words(rules):
    with pytest.raises(RuleError, match="has no UTC offset"):
        due(rules, "stratiteq/sos", "P3", datetime(2026, 11, 23, 15, 0))


def test_moment_outside_the_years_is_named_as_given(rules):
    with pytest.raises(RuleError, match=r"the moment 2029-01-02T10:00:00\+01:00 lies outside the years the rules cover \(2026–2027\)"):
        due(rules, "stratiteq/sos", "P3", "2029-01-02T10:00:00+01:00")
