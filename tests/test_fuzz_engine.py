"""Regressions of the fuzz run of 29 November 2026 (fuzz9) on the reference evaluator (dsl/rules/engine.py).

Each once raised a Python error instead of a RuleError: a ticket reported at a moment that lies in year 0 or
10000 in UTC or in the calendar's zone (`clock --batch` answered "could not be answered (ValueError); please
report this line"), `Clock.due_us` of an integer beyond the years a datetime holds, a question naming its
priority or zone with a list, and a rules document with a field missing or of another type (KeyError,
TypeError from deep inside). Also a hypothesis test: no document a few edits away from a real one, and no
question, makes the evaluator raise anything but a RuleError.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsl.language.loader import load_project
from dsl.rules.commands import answer_ticket
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import export_project
from support.paths import PLANS

YEARS = (2026, 2027)


@pytest.fixture(scope="module")
def rules() -> dict[str, Any]:
    project = load_project([PLANS]).project
    assert project is not None
    document: dict[str, Any] = json.loads(json.dumps(export_project(project, YEARS)))
    return document


@pytest.mark.parametrize(
    ("at", "named"),
    [
        # In Stockholm's zone (the calendar's) these are in year 0 or 10000: named in UTC, as far as a datetime goes,
        # and beyond it as sla.js writes them.
        ("0001-01-01T00:00+14:00", "0000-12-31T10:00:00+00:00"),
        ("9999-12-31T23:59-12:00", "10000-01-01T11:59:00+00:00"),
        # Within the years there: in the zone, at its local mean time of then (by the tz data: +01:12:12 in 2025b).
        ("0001-01-01T00:00Z", datetime(1, 1, 1, tzinfo=UTC).astimezone(ZoneInfo("Europe/Stockholm")).isoformat()),
    ],
)
def test_a_ticket_reported_at_the_ends_of_the_calendar_is_outside_the_span(rules: dict[str, Any], at: str, named: str) -> None:
    with pytest.raises(RuleError) as refused:
        Evaluator(rules).ticket("stratiteq/sos", "P2", at, at)
    assert str(refused.value) == f"the moment {named} lies outside the years the rules cover (2026–2027)"
    assert refused.value.field == "at"
    line = json.dumps({"plan": "stratiteq/sos", "priority": "P2", "at": at, "now": at})
    assert answer_ticket(Evaluator(rules), line) == {"error": str(refused.value), "line": 1, "field": "at"}


@pytest.mark.parametrize("report", [10**20, -(10**20), -62_135_596_800_000_001, 253_402_300_800_000_000])
def test_due_us_of_any_integer_outside_the_span_is_a_rule_error(rules: dict[str, Any], report: int) -> None:
    for plan, priority, metric in (("stratiteq/sos", "P1", None), ("esri/extended-1", None, "registration")):
        with pytest.raises(RuleError, match=r"^the moment -?\d{4,}-\d\d-\d\dT.* lies outside the years the rules cover \(2026–2027\)$"):
            Evaluator(rules).clock(plan, priority, metric=metric).due_us(report)


def test_a_name_that_is_not_a_text_is_refused_in_its_fields_words(rules: dict[str, Any]) -> None:
    evaluator = Evaluator(rules)
    at = "2026-11-23T15:00:00+01:00"
    for odd, field in (({"priority": ["P1"]}, "priority"), ({"tz": {}}, "tz"), ({"metric": 1}, "metric"), ({"country": 1.5}, "country")):
        question = {"priority": "P1", **odd}
        with pytest.raises(RuleError) as refused:  # a list or dict was "unhashable type" from the evaluator's cache
            evaluator.due("stratiteq/sos", question.pop("priority"), at, **question)
        assert refused.value.field == field
        assert str(refused.value) == f"the {field} must be a text (str) or None, not {type(odd[field]).__name__}"
    with pytest.raises(RuleError, match=r"^name the plan as VENDOR/PLAN, such as stratiteq/sos, not \['a/b'\]$"):
        evaluator.due(["a/b"], "P1", at)  # type: ignore[arg-type]
    with pytest.raises(RuleError, match=r"^the impact must be a text \(str\) or None, not int$"):
        evaluator.priority_for("amanda", 1, "high")  # type: ignore[arg-type]


def test_a_document_with_a_field_missing_or_of_another_type_is_a_rule_error_naming_it(rules: dict[str, Any]) -> None:
    broken = copy.deepcopy(rules)
    del broken["vendors"]["stratiteq"]["priorities"]["levels"]
    with pytest.raises(RuleError) as refused:
        Evaluator(broken).due("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00")
    assert str(refused.value) == (
        "the rules are not a valid format 1.x document (a field 'levels' is missing); validate them against rules/schema.json"
    )
    assert refused.value.field is None
    broken = copy.deepcopy(rules)
    broken["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]["weekly"]["mon"] = [["08:00", 1700]]
    with pytest.raises(RuleError, match=r"^the rules are not a valid format 1\.x document \(TypeError: "):
        Evaluator(broken).due("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00")


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The places in a JSON value, its first three items of each list."""
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            found += _paths(item, (*at, index))
    return found


ODD = st.sampled_from([None, 0, -1, 10**20, 1.5, True, "", "x", "25:00", "2026-02-30", [], {}, [[]], {"a": 1}])
QUESTIONS = [
    ("stratiteq/sos", "P1", None, None),
    ("amanda/standard", "P2", "Asia/Tokyo", None),
    ("esri/extended-1", None, None, "registration"),
]


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_document_a_few_edits_from_a_real_one_gets_answers_or_rule_errors(rules: dict[str, Any], data: st.DataObject) -> None:
    document = copy.deepcopy(rules)
    places = [p for p in _paths(rules) if p]
    for _ in range(data.draw(st.integers(1, 3))):
        place = data.draw(st.sampled_from(places))
        parent: Any = document
        try:
            for key in place[:-1]:
                parent = parent[key]
            if data.draw(st.booleans()) and isinstance(parent, dict):
                del parent[place[-1]]
            else:
                parent[place[-1]] = data.draw(ODD)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced the place
    evaluator = Evaluator(document)
    for plan, priority, tz, metric in QUESTIONS:
        try:
            evaluator.due(plan, priority, "2026-11-23T15:00:00+01:00", tz=tz, metric=metric)
        except RuleError:
            pass
        try:
            evaluator.ticket(plan, priority, "2026-11-23T15:00:00+01:00", "2026-11-30T15:00:00+01:00", tz=tz)
        except RuleError:
            pass
    try:
        evaluator.priority_for("amanda", "large", "high")
    except RuleError:
        pass
