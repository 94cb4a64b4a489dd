"""Regressions of the fuzz run of 29 November 2026 (fuzz9) on the reference evaluator (dsl/rules/engine.py).

Each once raised a Python error instead of a RuleError: a ticket reported at a moment that lies in year 0 or
10000 in UTC or in the calendar's zone (`clock --batch` answered "could not be answered (ValueError); please
report this line"), `Clock.due_us` of an integer beyond the years a datetime holds, a question naming its
priority or zone with a list, and a rules document with a field missing or of another type (KeyError,
TypeError from deep inside). Such a document is refused alike by sla.js and ticket.js (fuzz10), whose TypeErrors
and wrong answers it once gave; a hypothesis test asks both evaluators about documents a few edits away from a
real one, side by side: the same answers, or the same refusals. Since fuzz15 the questions also name a kind of case
and an alias (NAMED), so that an edit of `cases`, a target's `case` or `aliases` is read. Its run of 5,000 found the
matrix read from a document whose `vendors` is a number (test_the_matrix_is_not_read_…); 13,000 more then agreed.
fuzz16 compares each refusal's `field` too (priority_for's had none in JavaScript, and None for every fault in
Python: test_priority_for_names_the_field_…); 3,000 more agreed:

    TIERWISE_HYPOTHESIS=explore TIERWISE_FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz_engine.py
"""

from __future__ import annotations

import copy
import json
import os
import re
from collections.abc import Callable, Iterator
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
from support.sla_documents import SlaDocuments, node_evaluators

YEARS = (2026, 2027)
EXAMPLES = int(os.environ.get("TIERWISE_FUZZ_EXAMPLES", "150"))


@pytest.fixture(scope="module")
def rules() -> dict[str, Any]:
    project = load_project([PLANS]).project
    assert project is not None
    document: dict[str, Any] = json.loads(json.dumps(export_project(project, YEARS)))
    return document


def _in_stockholm_400_years_back(utc: str) -> str:
    """A moment of year 0 as a refusal names it in Stockholm: that of 400 years later (the calendar repeats), the year put back."""
    named = datetime.fromisoformat(utc).astimezone(ZoneInfo("Europe/Stockholm"))
    return f"{named.year - 400:04d}{named.isoformat()[4:]}"


@pytest.mark.parametrize(
    ("at", "named"),
    [
        # In Stockholm's zone (the calendar's) these are in year 0 or 10000: named in the zone all the same (§11.6), as
        # sla.js names them, at the zone's local mean time of year 0 (+01:12:12 by the tz data 2025b) and its rule of 9999.
        ("0001-01-01T00:00+14:00", _in_stockholm_400_years_back("0400-12-31T10:00:00+00:00")),
        ("9999-12-31T23:59-12:00", "10000-01-01T12:59:00+01:00"),
        # Within the years there: in the zone, at its local mean time of then.
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


@pytest.mark.parametrize(
    ("at", "tz", "named"),
    [
        ("0001-01-01T00:00+14:00", "Etc/GMT+12", "0000-12-30T22:00:00-12:00"),
        ("0001-01-01T00:00+14:00", "Etc/GMT-14", "0001-01-01T00:00:00+14:00"),
        ("9999-12-31T23:59-12:00", "Etc/GMT-14", "10000-01-02T01:59:00+14:00"),
        ("9999-12-31T23:59-12:00", "UTC", "10000-01-01T11:59:00+00:00"),
    ],
)
def test_a_ticket_starting_beyond_the_years_a_date_holds_is_named_in_the_calendars_zone_by_both(
    rules: dict[str, Any], javascript: SlaDocuments, at: str, tz: str, named: str
) -> None:
    # Amanda's business hours run in the customer's zone: here a fixed offset, which every runtime's data holds alike.
    words = f"the moment {named} lies outside the years the rules cover (2026–2027)"
    with pytest.raises(RuleError, match=f"^{re.escape(words)}$"):
        Evaluator(rules).ticket("amanda/standard", "P2", at, at, tz=tz)
    [js] = javascript.ask(rules, [], [{"plan": "amanda/standard", "priority": "P2", "at": at, "now": at, "tz": tz}], [])["tickets"]
    assert js["error"] == words


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
    with pytest.raises(RuleError, match=r"^the impact must be a text \(str\), not int$"):
        evaluator.priority_for("amanda", 1, "high")  # type: ignore[arg-type]


def test_a_name_that_is_not_a_text_is_refused_in_the_same_words_by_both_evaluators(rules: dict[str, Any], javascript: SlaDocuments) -> None:
    """sla.js and ticket.js blamed the document for a list as the priority ("not a valid format 1.x document
    (TypeError: …)"); they refuse the question's field in Python's words, before anything else."""
    at = "2026-11-23T15:00:00+01:00"
    odd_names = ({"priority": ["P1"]}, {"tz": {}}, {"metric": 1}, {"country": 1.5}, {"case": True}, {"priority": ["P1"], "at": 12345})
    questions = [{"plan": "stratiteq/sos", "priority": "P1", "at": at, **odd} for odd in odd_names]
    tickets = [{**q, "now": "2026-11-30T15:00:00+01:00"} for q in questions if "metric" not in q]
    matrix = [["amanda", 1, "high"], ["amanda", "large", ["high"]], [None, "large", "high"], ["amanda", None, "high"]]
    js = javascript.ask(rules, questions, tickets, matrix)
    evaluator = Evaluator(rules)
    expected = []
    for q in questions:
        with pytest.raises(RuleError) as refused:
            evaluator.due(q["plan"], q["priority"], q["at"], tz=q.get("tz"), metric=q.get("metric"), case=q.get("case"), country=q.get("country"))
        expected.append((str(refused.value), refused.value.field))
    assert [(answer.get("error"), answer.get("field")) for answer in js["questions"]] == expected
    for q, answer in zip(tickets, js["tickets"], strict=True):
        with pytest.raises(RuleError) as refused:
            evaluator.ticket(q["plan"], q["priority"], q["at"], q["now"], tz=q.get("tz"), case=q.get("case"), country=q.get("country"))
        assert (answer.get("error"), answer.get("field")) == (str(refused.value), refused.value.field)
    for (vendor, impact, urgency), answer in zip(matrix, js["priorities"], strict=True):
        with pytest.raises(RuleError) as refused:
            evaluator.priority_for(vendor, impact, urgency)
        assert (answer.get("error"), answer.get("field")) == (str(refused.value), refused.value.field)


@pytest.mark.parametrize(
    ("asked", "words", "field"),
    [
        (["amandaa", "large", "high"], "unknown vendor 'amandaa'; did you mean 'amanda'?", "vendor"),
        ([["amanda"], "large", "high"], "the vendor must be a text (str), not list", "vendor"),
        (["esri", "large", "high"], "vendor 'esri' has no impact × urgency matrix", "vendor"),
        (["amanda", "high", "large"], "vendor 'amanda' has no impact 'high'; 'high' is an urgency: give the impact first, then the urgency",
         "impact"),
        (["amanda", "huge", "high"], "vendor 'amanda' has no impact 'huge'; known: large, medium, small", "impact"),
        (["amanda", "large", "soon"], "vendor 'amanda' has no urgency 'soon'; known: high, low, medium", "urgency"),
        (["amanda", "large", None], "the urgency must be a text (str), not None", "urgency"),
        # Both names are the matrix's: the rules leave the pair out (§2), no name of the question is at fault.
        (["amanda", "small", "low"], "vendor 'amanda''s matrix gives no level for impact 'small' with urgency 'low'", None),
    ],
)
def test_priority_for_names_the_field_at_fault_alike_in_both_evaluators(
    rules: dict[str, Any], javascript: SlaDocuments, asked: list[Any], words: str, field: str | None
) -> None:
    """priorityFor's errors carried no `field` and priority_for's were all None (a vendor's name that was not a text too),
    where every other refusal names the part of the question at fault (docs/rules.md §8)."""
    gap = edited(rules, (("vendors", "amanda", "priorities", "matrix", "levels", "small", "low"), DELETE))
    with pytest.raises(RuleError) as refused:
        Evaluator(gap).priority_for(*asked)
    assert (str(refused.value), refused.value.field) == (words, field)
    assert javascript.ask(gap, [], [], [asked])["priorities"] == [{"error": words, "field": field, "kind": "Error"}]


@pytest.fixture(scope="module")
def javascript() -> Iterator[SlaDocuments]:
    yield from node_evaluators()


AT, NOW = "2026-11-23T15:00:00+01:00", "2026-11-30T15:00:00+01:00"
QUESTIONS = [
    ("stratiteq/sos", "P1", None, None),
    ("amanda/standard", "P2", "Asia/Tokyo", None),
    ("esri/extended-1", None, None, "registration"),
]
# Questions that name a kind of case and an alias (1.1), so that an edit of `cases`, a target's `case` or `aliases` is
# read by both evaluators: (plan, priority, zone, metric, case).
NAMED = [
    ("esri/extended-2", None, None, None, "escalated"),
    ("amanda/trial", "P1", "Europe/Rome", None, None),
]
MATRIX = ["amanda", "large", "high"]
# Python's own words for a fault its explicit checks do not name (a KeyError or TypeError from inside), and sla.js's
# (a TypeError or RangeError): each evaluator words those in its own language's terms.
FROM_INSIDE = re.compile(r"^the rules are not a valid format 1\.x document \((\w+Error: .*|a field '.*' is missing)\); validate them")


def both(rules: Any, javascript: SlaDocuments, *, named: bool = True) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Python's and JavaScript's answers to every question, ticket and matrix look-up about `rules`, side by side
    (`named`: with the questions and tickets that name a kind of case or an alias, NAMED)."""

    def python(ask: Callable[[], Any]) -> dict[str, Any]:
        try:
            return {"answer": ask()}
        except RuleError as exc:  # anything else fails the test: a traceback for the user
            return {"error": str(exc), "field": exc.field}

    evaluator = Evaluator(rules)
    asked = [(*q, None) for q in QUESTIONS] + (NAMED if named else [])
    answers = [python(lambda q=q: evaluator.due(q[0], q[1], AT, tz=q[2], metric=q[3], case=q[4]).isoformat()) for q in asked]
    answers += [python(lambda q=q: evaluator.ticket(q[0], q[1], AT, NOW, tz=q[2], case=q[4])) for q in asked]
    answers += [python(lambda: evaluator.priority_for(*MATRIX))]
    js = javascript.ask(
        rules,
        [{"plan": q[0], "priority": q[1], "at": AT, "tz": q[2], "metric": q[3], "case": q[4]} for q in asked],
        [{"plan": q[0], "priority": q[1], "at": AT, "now": NOW, "tz": q[2], "case": q[4]} for q in asked],
        [MATRIX],
    )
    return list(zip(answers, js["questions"] + js["tickets"] + js["priorities"], strict=True))


def assert_the_same(rules: Any, javascript: SlaDocuments) -> None:
    """Both evaluators answer alike, or refuse in the same words, or both find the document malformed from inside."""
    for py, js in both(rules, javascript):
        if "error" in py and FROM_INSIDE.match(py["error"]):
            assert FROM_INSIDE.match(js.get("error", "")) and py["field"] is js["field"] is None, (py, js)
        else:
            assert py == {k: v for k, v in js.items() if k != "kind"}, (py, js)


def edited(rules: dict[str, Any], *edits: tuple[tuple[Any, ...], Any]) -> dict[str, Any]:
    """A copy of `rules` with each (place, value) set; a value DELETE deletes the place."""
    document = copy.deepcopy(rules)
    for place, value in edits:
        parent: Any = document
        for key in place[:-1]:
            parent = parent[key]
        if value is DELETE:
            del parent[place[-1]]
        else:
            parent[place[-1]] = value
    return document


DELETE = object()
OFFICE = ("vendors", "stratiteq", "calendars", "stratiteq-office")
FAULTS = [
    ((("vendors", "stratiteq", "priorities", "levels"), DELETE), "a field 'levels' is missing in vendors.stratiteq.priorities"),
    (((*OFFICE, "weekly", "mon"), [["08:00", 1700]]),
     'vendors.stratiteq.calendars.stratiteq-office.weekly.mon[0] is a list, not a piece such as ["08:00", "17:00"]'),
    (((*OFFICE, "weekly", "tue"), DELETE), "a field 'tue' is missing in vendors.stratiteq.calendars.stratiteq-office.weekly"),
    (((*OFFICE, "dates", "2026-12-24"), {}), "vendors.stratiteq.calendars.stratiteq-office.dates.2026-12-24 is an object, not a list of pieces"),
    (((*OFFICE, "weekly", "thu", 0, 1), "25:00"),
     'vendors.stratiteq.calendars.stratiteq-office.weekly.thu[0] is a list, not a piece such as ["08:00", "17:00"]'),
    (((*OFFICE, "zone"), 1), "vendors.stratiteq.calendars.stratiteq-office.zone is a number, not a text or null"),
    ((("vendors", "stratiteq", "plans", "sos", "targets", 0, "minutes"), "120"),
     "vendors.stratiteq.plans.sos.targets[0].minutes is a text, not a whole number of 0 or more or null"),
    ((("vendors", "stratiteq", "plans", "sos", "targets", 0, "minutes"), 1.5),
     "vendors.stratiteq.plans.sos.targets[0].minutes is a number, not a whole number of 0 or more or null"),
    ((("vendors", "stratiteq", "plans", "sos", "targets", 0, "calendar"), "nowhere"),
     "vendors.stratiteq.plans.sos.targets[0].calendar is 'nowhere', not one of the vendor's calendars"),
    ((("vendors", "stratiteq", "plans", "sos", "targets", 0, "published"), "yes"),
     "vendors.stratiteq.plans.sos.targets[0].published is a text, not true or false"),
    ((("vendors", "stratiteq", "priorities", "levels", 0), "P1"), "vendors.stratiteq.priorities.levels[0] is a text, not an object"),
    ((("vendors", "amanda", "priorities", "matrix", "levels", "large", "high"), 1),
     "vendors.amanda.priorities.matrix.levels.large.high is a number, not a text"),
    ((("years", "last"), 10**20), "years.last is a number, not a year from 1 to 9999"),
    ((("metrics", 0), None), "metrics[0] is null, not a text"),
]


@pytest.mark.parametrize(("edit", "fault"), FAULTS, ids=[fault[:60] for _, fault in FAULTS])
def test_a_document_with_a_field_missing_or_of_another_type_is_refused_alike_by_both_evaluators(
    rules: dict[str, Any], javascript: SlaDocuments, edit: tuple[tuple[Any, ...], Any], fault: str
) -> None:
    broken = edited(rules, edit)
    refused = [(py, js) for py, js in both(broken, javascript) if "error" in py]
    assert refused, "nothing read the broken field"
    words = f"the rules are not a valid format 1.x document ({fault}); validate them against rules/schema.json"
    for py, js in refused:
        assert (py["error"], py["field"]) == (js["error"], js["field"]) == (words, None)
    with pytest.raises(RuleError) as caught:
        Evaluator(broken).due(*QUESTIONS[0][:2], AT) if edit[0][1] != "amanda" else Evaluator(broken).priority_for(*MATRIX)
    assert caught.value.field is None


@pytest.mark.parametrize(
    ("place", "value", "fault"),
    [
        (("vendors",), 0, "the document.vendors is a number, not an object"),
        (("years",), None, "the document.years is null, not an object"),
        (("metrics",), "first-response", "the document.metrics is a text, not a list"),
    ],
)
def test_the_matrix_is_not_read_from_a_document_whose_own_fields_break_the_format(
    rules: dict[str, Any], javascript: SlaDocuments, place: tuple[str, ...], value: Any, fault: str
) -> None:
    """fuzz15 (`"vendors": 0`): priority_for failed from inside (AttributeError: 'int' object has no attribute 'get') and
    priorityFor said "unknown vendor 'amanda'", where every question was refused for the document; with `years` or
    `metrics` broken both answered. Both now check the document's own fields first, as a question does (§8)."""
    broken = edited(rules, (place, value))
    words = f"the rules are not a valid format 1.x document ({fault}); validate them against rules/schema.json"
    with pytest.raises(RuleError, match="^" + re.escape(words) + "$"):
        Evaluator(broken).priority_for(*MATRIX)
    assert javascript.ask(broken, [], [], [MATRIX])["priorities"] == [{"error": words, "field": None, "kind": "Error"}]
    assert {py["error"] for py, _ in both(broken, javascript)} == {words}


def test_a_metric_the_ticket_clock_does_not_know_refuses_tickets_alike(rules: dict[str, Any], javascript: SlaDocuments) -> None:
    broken = edited(rules, (("metrics", 2), "uptime"))
    asked = len(QUESTIONS) + len(NAMED)
    tickets = both(broken, javascript)[asked : 2 * asked]
    for py, js in tickets:
        assert py["error"] == js["error"] == (
            "the rules are not a valid format 1.x document (metrics[2] is 'uptime', not a metric this ticket clock knows); "
            "validate them against rules/schema.json"
        )
    assert_the_same(broken, javascript)


def test_a_plan_whose_obligations_are_null_has_none_in_both_evaluators(rules: dict[str, Any], javascript: SlaDocuments) -> None:
    # `obligations` read as optional (null is none) by the checks, but the ticket clock iterated it: Python failed from
    # inside ("'NoneType' object is not iterable") where ticket.js answered (found by the fuzz test below).
    broken = edited(rules, (("vendors", "stratiteq", "plans", "sos", "obligations"), None))
    answers = both(broken, javascript)
    assert any("answer" in py for py, _ in answers)
    assert_the_same(broken, javascript)


def test_the_exported_document_passes_both_evaluators_checks(rules: dict[str, Any], javascript: SlaDocuments) -> None:
    for py, js in both(rules, javascript):
        assert "answer" in py and py == {k: v for k, v in js.items() if k != "kind"}


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


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_document_a_few_edits_from_a_real_one_gets_the_same_answers_or_refusals_from_both(
    rules: dict[str, Any], javascript: SlaDocuments, data: st.DataObject
) -> None:
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
    assert_the_same(document, javascript)


@pytest.mark.parametrize("version", ["2.0", None, 1.13])
def test_the_matrix_is_not_read_from_a_document_of_another_major_format(rules: dict[str, Any], javascript: SlaDocuments, version: Any) -> None:
    """fuzz15: priority_for and priorityFor read a format 2.0 document as if it were 1.x, where every question refused it;
    both now check the version first, as a question does (§5's first check)."""
    broken = edited(rules, (("format_version",), version))
    words = f"these rules are in format {version if isinstance(version, str) else '(none)'}; this evaluator reads format 1.x"
    with pytest.raises(RuleError, match="^" + re.escape(words) + "$"):
        Evaluator(broken).priority_for(*MATRIX)
    assert javascript.ask(broken, [], [], [MATRIX])["priorities"] == [{"error": words, "field": None, "kind": "Error"}]
