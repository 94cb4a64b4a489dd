"""The two evaluators side by side on random rule documents (fuzz14): dsl/rules/engine.py and site_templates/assets/sla.js.

tests/test_js_evaluator.py holds sla.js to the brute-force oracle on calendars the plan language can write, over 2026-2027,
with targets of at most about three weeks; tests/test_fuzz_engine.py gives both evaluators documents a few edits away from
the shipped one. Here the documents are written as JSON directly, so they reach what neither does: spans of the first
and last years a document may cover (1 and 9999), targets of up to 300,000 minutes or 400 business days across hundreds
of closed dates, versions changing at any date, cut-offs at any minute, pieces on a one-minute grid, zones with odd
offsets and changes (Chatham, Lord Howe, Troll, Kiritimati, Apia), the customer's holidays, and reports near the span's
edges and the zone's changes. Both evaluators must give the same deadline, in the same words, or the same refusal.
Since fuzz15 the documents also have two levels, kinds of case with targets of their own, unpublished targets, an alias
and a plan without support, and the questions and tickets name them (or an empty text, or a name the vendor lacks):
before, every question named plan `p` and no case, so the steps of §5 that read `aliases`, `cases` and `published` were
compared only on the shipped plans.

The first run found that the Python evaluator refused every question about rules of year 1 or 9999 as "not a valid
format 1.x document (ValueError: year 10000 is out of range)" (or raised OverflowError), where sla.js answered: the
span's local midnights and deadlines near them lie in year 0 or 10000 in UTC, which a datetime cannot hold. Outside the
suite (fuzz14, 29 November 2026), the same documents with one to three values of the right type but outside the format
(impossible dates, calendar zones in the wrong case or under posix/, minutes without a calendar, 1e3 for 1000, an empty
`metrics`), tickets with random events and obligations, and odd questions through both APIs found the regressions below
the fuzz target; then 3,000 such documents, 1,400 with faults and 2,500 projects of moved statements agreed throughout.
fuzz15 (30 November 2026), with cases, aliases, levels and a matrix: 10,000 documents asked questions, 10,000 asked
tickets and 4,800 projects of moved statements (their tickets now with events) agreed throughout. fuzz16 compares each
refusal's `field` (docs/rules.md §7) as well as its words: sla.js and ticket.js had set one only on a name that was not a
text and on a missing zone, and priority_for none at all; then 1,500 documents asked questions and the matrix, 1,500
asked tickets and 1,500 projects of moved statements (now with contact groups and channel hours swapped) agreed.

    TIERWISE_HYPOTHESIS=explore TIERWISE_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz_differential.py
"""

from __future__ import annotations

import copy
import json
import os
import random
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsl.language.loader import load_project
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import dumps, export_project
from support.sla_documents import SlaDocuments, node_evaluators
from support.statement_fuzz import moved_project

EXAMPLES = int(os.environ.get("TIERWISE_FUZZ_EXAMPLES", "25"))
# Zones whose offsets Node's ICU data and Python's tz data agree on since 1900 (tests/test_js_evaluator.py's WALL_ZONES
# and fixed offsets); before 1900 (rules of year 1) they may not agree on a zone's local mean time, so only fixed
# offsets there.
ZONES = (
    "Europe/Stockholm", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu",
    "America/St_Johns", "Asia/Kolkata", "UTC", "Pacific/Kiritimati", "Antarctica/Troll", "America/Havana", "Asia/Beirut",
    "Europe/Dublin", "Etc/GMT-14", "Etc/GMT+12",
)
FIXED = ("UTC", "Etc/GMT-14", "Etc/GMT+12", "Etc/GMT-5")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
COUNTRIES = ("SE", "US", "DE")
NAME = {"sv": "F", "it": "F", "pl": "F", "en": "F"}


@pytest.fixture(scope="module")
def javascript() -> Iterator[SlaDocuments]:
    yield from node_evaluators()


def python(rules: dict[str, Any], questions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The Python evaluator's answers: {"answer": ISO} or {"error": words, "field": RuleError.field}; anything else fails the
    test (a traceback)."""
    evaluator = Evaluator(rules)
    found = []
    for q in questions:
        try:
            moment = evaluator.due(q["plan"], q.get("priority"), q["at"], tz=q.get("tz"), metric=q.get("metric"), case=q.get("case"),
                                    country=q.get("country"))
            found.append({"answer": moment.isoformat()})
        except RuleError as exc:
            found.append(refusal(exc))
    return found


def refusal(exc: RuleError) -> dict[str, Any]:
    """A refusal as the differential tests compare it: the words and the field at fault (docs/rules.md §7)."""
    return {"error": str(exc), "field": exc.field}


def document(base: dict[str, Any], first: int, last: int, calendars: dict[str, Any], targets: list[dict[str, Any]]) -> dict[str, Any]:
    """A format 1.x document of one vendor `fz` with one level P1 and one plan `p`, the top fields of `base`."""
    doc = copy.deepcopy({k: v for k, v in base.items() if k != "vendors"})
    doc["years"] = {"first": first, "last": last, "valid_until": f"{last:04d}-12-31"}
    plan = {"name": NAME, "targets": targets, "coverage": [], "obligations": [], "no_support": False, "id": "p", "availability": None,
            "maintenance": None, "penalties": None, "penalties_total": None}
    doc["vendors"] = {"fz": {"name": NAME, "language": "en", "calendars": calendars,
                             "priorities": {"kind": "levels", "levels": [{"id": "P1", "name": NAME}], "matrix": None},
                             "plans": {"p": plan}, "cases": {}, "aliases": {}}}
    return doc


def calendar(zone: str | None, weekly: dict[str, list[list[str]]] | None = None, *, always_open: bool = False,
             dates: dict[str, Any] | None = None, customer: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"zone": zone, "always_open": always_open, "weekly": weekly or {d: [] for d in DAYS}, "dates": dates or {}, "holidays": [],
            "name": None, "customer_holidays": customer}


def target(metric: str, priority: str | None, calendar_id: str | None, minutes: int | None = None, days: int | None = None,
           rule: str | None = None, cutoff: str | None = None, since: str | None = None, until: str | None = None, case: str | None = None,
           published: bool = True) -> dict[str, Any]:
    return {"metric": metric, "priority": priority, "minutes": minutes, "calendar": calendar_id, "case": case, "business_days": days,
            "days_rule": rule, "published": published, "from": since, "cutoff": cutoff, "until": until,
            "id": f"{metric}/{priority or 'all'}" + (f"/{case}" if case else "") + (f"@{since}" if since else "")}


OFFICE = {d: [["09:00", "17:00"]] if d not in ("sat", "sun") else [] for d in DAYS}


@pytest.mark.parametrize(
    ("first", "zone", "cal", "minutes", "at", "due"),
    [
        # 9999-12-31 is a Friday; 17:00 in New York is 22:00 UTC of 9999-12-31, its midnight 05:00 UTC in year 10000.
        (9999, "America/New_York", OFFICE, 60, "9999-12-31T15:30:00-05:00", "9999-12-31T16:30:00-05:00"),
        (9999, "America/New_York", None, 60, "9999-12-31T22:00:00-05:00", "9999-12-31T23:00:00-05:00"),
        (9999, "America/New_York", None, 61, "9999-12-31T22:59:00-05:00", None),
        (9999, "Etc/GMT+12", OFFICE, 120, "9999-12-31T16:00:00-12:00", None),
        (9999, "Etc/GMT+12", OFFICE, 480, "9999-12-30T10:00:00-12:00", "9999-12-31T10:00:00-12:00"),
        # 0001-01-01 is a Monday; its midnight in Kiritimati's +14:00 (fixed offsets here: Etc/GMT-14) is in year 0 in UTC.
        (1, "Etc/GMT-14", OFFICE, 60, "0001-01-01T08:30:00+14:00", "0001-01-01T10:00:00+14:00"),
        (1, "Etc/GMT-14", None, 90, "0001-01-01T09:59:00+23:59", "0001-01-01T01:30:00+14:00"),
        (1, "Etc/GMT-14", None, 90, "0001-01-01T09:58:00+23:59", None),
    ],
)
def test_rules_of_the_first_and_last_years_a_document_may_cover_are_answered_alike(
    vector_rules: dict[str, Any], javascript: SlaDocuments, first: int, zone: str, cal: dict[str, Any] | None, minutes: int, at: str,
    due: str | None,
) -> None:
    """Python refused every question about them: 'not a valid format 1.x document (ValueError: year 10000 is out of range)'."""
    cals = {"c": calendar(zone, cal) if cal else calendar(zone, always_open=True)}
    rules = document(vector_rules, first, first, cals, [target("first-response", None, "c", minutes)])
    question = {"plan": "fz/p", "at": at}
    [py] = python(rules, [question])
    assert py == javascript.due(rules, [question])[0]
    if due is not None:
        assert py == {"answer": due}
    else:
        assert "error" in py and "rules are not a valid" not in py["error"], py


def test_business_days_and_cut_offs_at_the_end_of_year_9999_are_answered_alike(vector_rules: dict[str, Any], javascript: SlaDocuments) -> None:
    cals = {"c": calendar("America/New_York", OFFICE)}
    targets = [target("first-response", None, "c", days=1, rule="day-end", cutoff="14:00"),
               target("resolution", None, "c", days=1, rule="same-time")]
    rules = document(vector_rules, 9998, 9999, cals, targets)
    questions = [{"plan": "fz/p", "at": at, "metric": metric} for at in ("9999-12-30T13:00:00-05:00", "9999-12-30T15:00:00-05:00")
                 for metric in ("first-response", "resolution")]
    py = python(rules, questions)
    assert py == javascript.due(rules, questions)
    assert py[0] == {"answer": "9999-12-31T17:00:00-05:00"} and py[1] == {"answer": "9999-12-31T13:00:00-05:00"}
    assert "after the last year" in py[2]["error"]


def test_a_ticket_clock_at_the_end_of_year_9999_is_answered_alike(vector_rules: dict[str, Any], javascript: SlaDocuments) -> None:
    """Python's ticket clock failed from inside (ValueError: year 10000 is out of range) on a deadline at the span's end
    (or a warning there), where ticket.js wrote 10000-01-01T00:00:00-05:00; both now call it after the last year."""
    obligation = {"id": "call", "count": None, "period": None, "after_minutes": 30, "calendar": "c", "text": None, "priorities": None,
                  "every_minutes": None}
    answers = []
    for minutes in (60, 61):
        cals = {"c": calendar("America/New_York", always_open=True)}
        rules = document(vector_rules, 9999, 9999, cals, [target("first-response", None, "c", minutes)])
        rules["vendors"]["fz"]["plans"]["p"]["obligations"] = [obligation]
        ticket = {"plan": "fz/p", "at": "9999-12-31T22:59:00-05:00", "now": "9999-12-31T23:30:00-05:00",
                  "events": [{"type": "responded", "at": "9999-12-31T23:00:00-05:00"}], "warnings": [50]}
        try:
            py: dict[str, Any] = {"answer": Evaluator(rules).ticket(ticket["plan"], None, ticket["at"], ticket["now"], events=ticket["events"],
                                                                   warnings=ticket["warnings"])}
        except RuleError as exc:
            py = refusal(exc)
        assert py == javascript.due(rules, [ticket], "tickets")[0]
        answers.append(py)
    met, beyond = answers
    assert met["answer"]["metrics"]["first-response"]["due"] == "9999-12-31T23:59:00-05:00"
    assert met["answer"]["obligations"]["call"]["due"] == "9999-12-31T23:30:00-05:00"
    assert beyond == {"error": "the deadline falls after the last year the rules cover (9999–9999); export more years", "field": "at"}


# --- the fuzz target ----------------------------------------------------------------------------------------------


def hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def pieces(draw: st.DrawFn) -> list[list[str]]:
    """A day's pieces, sorted, neither overlapping nor touching, on a grid of 1 to 60 minutes, ends up to 24:00."""
    grid = draw(st.sampled_from([1, 5, 15, 30, 60]))
    cuts = sorted(draw(st.sets(st.integers(0, 1440 // grid), max_size=6)))
    return [[hhmm(a * grid), hhmm(b * grid)] for a, b in zip(cuts[::2], cuts[1::2], strict=False)]


@st.composite
def random_calendar(draw: st.DrawFn, first: int, last: int, zones: tuple[str, ...]) -> dict[str, Any]:
    zone = draw(st.sampled_from((None, *zones)))
    if draw(st.integers(0, 9)) == 0:
        return calendar(zone, always_open=True)
    weekly = {d: draw(pieces()) for d in DAYS}
    if not any(weekly.values()):
        weekly["wed"] = [["09:00", "09:01"]]
    span = (date(last, 12, 31) - date(first, 1, 1)).days
    day = st.integers(0, span).map(lambda n: (date(first, 1, 1) + timedelta(days=n)).isoformat())
    dates = draw(st.dictionaries(day, st.one_of(st.just([]), pieces()), max_size=draw(st.sampled_from([0, 5, 300]))))
    customer = None
    if zone is None and draw(st.booleans()):
        customer = {c: sorted(draw(st.sets(day, max_size=40))) for c in sorted(draw(st.sets(st.sampled_from(COUNTRIES), min_size=1)))}
    return calendar(zone, weekly, dates=dict(sorted(dates.items())), customer=customer)


@st.composite
def random_target(draw: st.DrawFn, metric: str, priority: str | None, calendars: list[str], since: str | None, until: str | None,
                  case: str | None = None) -> dict[str, Any]:
    cal = draw(st.sampled_from(calendars))
    kind = draw(st.sampled_from(["minutes", "minutes", "days", "none"]))
    cutoff = draw(st.one_of(st.none(), st.integers(1, 1439).map(hhmm))) if kind != "none" else None
    published = draw(st.integers(0, 9)) != 0  # a target the vendor does not publish (1.1)
    if kind == "minutes":
        minutes = draw(st.one_of(st.sampled_from([0, 1, 60, 480, 1440, 20_000, 100_000]), st.integers(0, 300_000)))
        return target(metric, priority, cal, minutes, cutoff=cutoff, since=since, until=until, case=case, published=published)
    if kind == "days":
        days = draw(st.one_of(st.sampled_from([1, 2, 5, 30]), st.integers(1, 400)))
        return target(metric, priority, cal, days=days, rule=draw(st.sampled_from(["same-time", "day-end"])), cutoff=cutoff, since=since,
                      until=until, case=case, published=published)
    return target(metric, priority, None, since=since, until=until, case=case, published=published)


LEVELS = ("P1", "P2")
CASES = ("k1", "k2")


@st.composite
def names_asked(draw: st.DrawFn, rules: dict[str, Any]) -> dict[str, str | None]:
    """The plan, priority and kind of case a question or ticket names: mostly ones the vendor has (its plan, its alias,
    1.1), sometimes none or an empty text (not given, §5), a plan that offers no support, or a name it lacks."""
    vendor = rules["vendors"]["fz"]
    plans = ["fz/p"] * 6 + [f"fz/{name}" for name in (*vendor["aliases"], *vendor["plans"]) if name != "p"] * 2 + ["fz/nope"]
    return {"plan": draw(st.sampled_from(plans)), "priority": draw(st.sampled_from([None, None, *LEVELS, *LEVELS, "", "P9"])),
            "case": draw(st.sampled_from([None] * 6 + [*vendor["cases"], *vendor["cases"]] + ["", "k9"]))}


@st.composite
def random_rules(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """One vendor `fz` with levels P1 and P2, maybe kinds of case k1 and k2 (1.1), a plan `p` with targets per metric,
    priority (or every one) and case, in versions, some unpublished, and maybe an alias `al` of it and a plan `q` that
    offers no support, or an alias of that."""
    first = draw(st.sampled_from([2026, 2026, 2027, 1999, 1, 9998, 9999]))
    last = min(9999, first + draw(st.sampled_from([0, 0, 1, 2])))
    zones = FIXED if first < 1900 else ZONES
    calendars = {f"c{i}": draw(random_calendar(first, last, zones)) for i in range(draw(st.integers(1, 3)))}
    ids = sorted(calendars)
    span = (date(last, 12, 31) - date(first, 1, 1)).days
    cases = list(CASES[: draw(st.sampled_from([0, 0, 1, 2]))])
    targets = []
    for case in [None, *cases]:  # the general targets first (§2)
        for metric in ("first-response", "resolution"):
            for priority in (None, *LEVELS):
                # Most general targets are drawn, a case's in half the cases, P2's own in a quarter.
                drawn = draw(st.integers(0, 3)) == 0 if priority == "P2" else draw(st.integers(0, 4 if case is None else 1)) != 0
                if not drawn:
                    continue
                if span and draw(st.integers(0, 3)) == 0:  # two versions, changing at a date of the span
                    change = (date(first, 1, 1) + timedelta(days=draw(st.integers(1, span)))).isoformat()
                    targets += [draw(random_target(metric, priority, ids, None, change, case)),
                                draw(random_target(metric, priority, ids, change, None, case))]
                else:
                    targets.append(draw(random_target(metric, priority, ids, None, None, case)))
    rules = document(base, first, last, calendars, targets)
    vendor = rules["vendors"]["fz"]
    vendor["priorities"]["levels"] = [{"id": level, "name": NAME} for level in LEVELS]
    vendor["cases"] = {case: {"name": NAME} for case in cases}
    if draw(st.booleans()):
        vendor["plans"]["q"] = {**copy.deepcopy(vendor["plans"]["p"]), "id": "q", "targets": [], "no_support": True}
    if draw(st.booleans()):
        vendor["aliases"] = {"al": {"plan": draw(st.sampled_from(sorted(vendor["plans"]))), "who": NAME}}
    if draw(st.booleans()):  # an impact × urgency matrix that may leave combinations out (§2)
        impacts, urgencies = ["hi", "lo"][: draw(st.integers(1, 2))], ["now", "later"][: draw(st.integers(1, 2))]
        levels = {i: {u: level for u in urgencies if (level := draw(st.sampled_from([*LEVELS, None]))) is not None} for i in impacts}
        vendor["priorities"]["matrix"] = {"impacts": impacts, "urgencies": urgencies,
                                          "labels": {"impacts": dict.fromkeys(impacts, NAME), "urgencies": dict.fromkeys(urgencies, NAME)},
                                          "levels": levels}
    return rules


@st.composite
def report(draw: st.DrawFn, rules: dict[str, Any]) -> str:
    """A report near the span's edges, near a zone's change, or anywhere, in some zone's offset, sometimes with fractions."""
    first, last = rules["years"]["first"], rules["years"]["last"]
    start, end = datetime(first, 1, 1, tzinfo=UTC), datetime(last, 12, 31, 23, 59, tzinfo=UTC)
    where = draw(st.sampled_from(["start", "end", "change", "any"]))
    zones = FIXED if first < 1900 else ZONES
    if where == "start":
        moment = start + timedelta(minutes=draw(st.integers(0 if first == 1 else -2000, 2000)))
    elif where == "end":
        moment = end - timedelta(minutes=draw(st.integers(-2000 if last < 9999 else 0, 2000)))
    else:
        moment = start + timedelta(minutes=draw(st.integers(0, int((end - start).total_seconds()) // 60)))
        if where == "change" and first > 1900 and last < 9999:
            zone = ZoneInfo(draw(st.sampled_from(ZONES)))
            for _ in range(24 * 190):  # to the zone's next change of offset, if one comes within half a year
                if (moment + timedelta(hours=1)).astimezone(zone).utcoffset() != moment.astimezone(zone).utcoffset():
                    moment += timedelta(minutes=draw(st.integers(-150, 150)))
                    break
                moment += timedelta(hours=1)
    if draw(st.integers(0, 4)) == 0:
        moment += timedelta(microseconds=draw(st.integers(0, 59_999_999)))
    try:
        return moment.astimezone(ZoneInfo(draw(st.sampled_from(zones)))).isoformat()
    except (ValueError, OverflowError):  # beyond year 9999 or before year 1 there
        return moment.isoformat()


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_random_rules_get_the_same_deadlines_or_refusals_from_both_evaluators(
    vector_rules: dict[str, Any], javascript: SlaDocuments, data: st.DataObject
) -> None:
    rules = data.draw(random_rules(vector_rules))
    zones = FIXED if rules["years"]["first"] < 1900 else ZONES
    questions = [
        {**data.draw(names_asked(rules)), "at": data.draw(report(rules)), "tz": data.draw(st.sampled_from((None, *zones))),
         "metric": data.draw(st.sampled_from([None, None, "resolution", "resolution", "workaround"])),
         "country": data.draw(st.sampled_from((None, *COUNTRIES)))}
        for _ in range(8)
    ]
    asked = javascript.ask(rules, questions, [], PRIORITIES)
    assert python(rules, questions) == [{k: v for k, v in a.items() if k != "kind"} for a in asked["questions"]]
    evaluator = Evaluator(rules)
    for (vendor, impact, urgency), js in zip(PRIORITIES, asked["priorities"], strict=True):
        try:
            py: dict[str, Any] = {"answer": evaluator.priority_for(vendor, impact, urgency)}
        except RuleError as exc:
            py = refusal(exc)
        assert py == {k: v for k, v in js.items() if k != "kind"}, (vendor, impact, urgency)


# Every pair of impact and urgency the matrix may hold, one it lacks on each axis, an empty text, and another vendor.
PRIORITIES = [["fz", i, u] for i in ("hi", "lo", "HI", "") for u in ("now", "later", "soon")] + [["nobody", "hi", "now"]]


EVENTS = ("pause", "resume", "registered", "responded", "updated", "resolved", "workaround", "on-site", "priority", "obligation")


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_random_tickets_on_random_rules_get_the_same_clocks_from_both_evaluators(
    vector_rules: dict[str, Any], javascript: SlaDocuments, data: st.DataObject
) -> None:
    """Tickets (§11) with random events on random rules with obligations timed after or every so many minutes of work."""
    rules = data.draw(random_rules(vector_rules))
    plan = rules["vendors"]["fz"]["plans"]["p"]
    for i in range(data.draw(st.integers(0, 3))):
        every = data.draw(st.booleans())
        minutes = st.sampled_from([1, 30, 120, 5000])
        plan["obligations"].append({"id": f"o{i}", "count": None, "period": None, "after_minutes": None if every else data.draw(minutes),
                                    "calendar": data.draw(st.sampled_from(sorted(rules["vendors"]["fz"]["calendars"]))), "text": None,
                                    "priorities": data.draw(st.sampled_from([None, ["P1"], ["P2", "P1"]])),
                                    "every_minutes": data.draw(minutes) if every else None})
    zones = FIXED if rules["years"]["first"] < 1900 else ZONES
    tickets = []
    for _ in range(4):
        at = data.draw(report(rules))
        moment, events = datetime.fromisoformat(at), []
        for _ in range(data.draw(st.integers(0, 6))):
            try:
                moment += timedelta(minutes=data.draw(st.sampled_from([0, 1, 30, 600, 3000])))
            except OverflowError:
                break
            kind = data.draw(st.sampled_from(EVENTS if plan["obligations"] else EVENTS[:-1]))
            event = {"type": kind, "at": moment.isoformat()}
            if kind == "priority":
                event["priority"] = data.draw(st.sampled_from(LEVELS))
            elif kind == "obligation":
                event["obligation"] = data.draw(st.sampled_from([o["id"] for o in plan["obligations"]]))
            events.append(event)
        try:
            now = (moment + timedelta(minutes=data.draw(st.sampled_from([0, 5, 600, 30_000])))).isoformat()
        except OverflowError:
            now = moment.isoformat()
        tickets.append({**data.draw(names_asked(rules)), "at": at, "now": now, "events": events, "tz": data.draw(st.sampled_from((None, *zones))),
                        "country": data.draw(st.sampled_from((None, *COUNTRIES))),
                        "warnings": data.draw(st.sampled_from([None, [], [10, 90]]))})
    evaluator = Evaluator(rules)
    answers = []
    for t in tickets:
        try:
            clock = evaluator.ticket(t["plan"], t["priority"], t["at"], t["now"], events=t["events"], tz=t["tz"], case=t["case"],
                                     country=t["country"], warnings=t["warnings"])
            answers.append({"answer": json.loads(json.dumps(clock))})
        except RuleError as exc:
            answers.append(refusal(exc))
    assert answers == javascript.due(rules, tickets, "tickets")


# --- documents whose values are of the right type but not the format's: refused alike ------------------------------

FORMAT = "the rules are not a valid format 1.x document ({}); validate them against rules/schema.json"
AT = "vendors.fz.calendars.c"
TARGET = "vendors.fz.plans.p.targets[1]"


def _office(**calendar: Any) -> dict[str, Any]:
    return {"c": {**calendar_of_office(), **calendar}}


def calendar_of_office() -> dict[str, Any]:
    return calendar("Europe/Stockholm", OFFICE)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        # A date key or date that is no real date: Python failed from inside (ValueError: day is out of range for month),
        # sla.js read it as another day and answered.
        (lambda c, t: c.update(dates={"2026-02-30": []}), FORMAT.format(f"{AT}.dates has the key '2026-02-30', not a date such as 2026-11-23")),
        (lambda c, t: c.update(dates={"0000-01-01": []}), FORMAT.format(f"{AT}.dates has the key '0000-01-01', not a date such as 2026-11-23")),
        (lambda c, t: c.update(dates={"2026-13-01": []}), FORMAT.format(f"{AT}.dates has the key '2026-13-01', not a date such as 2026-11-23")),
        (lambda c, t: c.update(zone=None, customer_holidays={"SE": ["2026-02-29"]}),
         FORMAT.format(f"{AT}.customer_holidays.SE[0] is a text, not a date such as 2026-11-23")),
        (lambda c, t: t.update({"from": "2026-04-31"}), FORMAT.format(f"{TARGET}.from is a text, not a date such as 2026-11-23 or null")),
        # A calendar's zone that the rules do not accept as a zone: sla.js answered for europe/stockholm and refused
        # Factory and posix/…, Python the other way round; an unknown name was a RangeError from inside in sla.js.
        (lambda c, t: c.update(zone="europe/stockholm"), "unknown time zone 'europe/stockholm' (calendar 'c'); did you mean 'Europe/Stockholm'?"),
        (lambda c, t: c.update(zone="posix/Europe/Stockholm"),
         "unknown time zone 'posix/Europe/Stockholm' (calendar 'c'); did you mean 'Europe/Stockholm'?"),
        (lambda c, t: c.update(zone="Factory"), "unknown time zone 'Factory' (calendar 'c'); use an IANA name such as Europe/Stockholm"),
        (lambda c, t: c.update(zone="Europe/Nowhere"),
         "unknown time zone 'Europe/Nowhere' (calendar 'c'); use an IANA name such as Europe/Stockholm"),
        (lambda c, t: c.update(zone="+01:00"), "unknown time zone '+01:00' (calendar 'c'); use an IANA name such as Europe/Stockholm"),
        (lambda c, t: c.update(zone=""), "unknown time zone '' (calendar 'c'); use an IANA name such as Europe/Stockholm"),
        # Minutes without a calendar: "has no calendar 'None'" in Python, "'null'" in sla.js.
        (lambda c, t: t.update(calendar=None), FORMAT.format(f"{TARGET}.calendar is null, not one of the vendor's calendars")),
    ],
)
def test_a_document_with_a_value_outside_the_format_is_refused_alike(
    vector_rules: dict[str, Any], javascript: SlaDocuments, change: Any, words: str
) -> None:
    cals = _office()
    # Two versions: sla.js reads a calendar's zone for a version's start before it checks the zone for the clock.
    now = target("first-response", None, "c", 60, since="2026-03-01")
    rules = document(vector_rules, 2026, 2026, cals, [target("first-response", None, "c", 30, until="2026-03-01"), now])
    change(cals["c"], now)
    questions = [{"plan": "fz/p", "at": "2026-06-01T10:00:00+02:00", "tz": "Europe/Stockholm", "country": "SE"}]
    # The document's fault, not the question's: no field (§7), a calendar's zone as well as the format.
    assert python(rules, questions) == javascript.due(rules, questions) == [{"error": words, "field": None}]


def test_whole_numbers_written_with_a_fraction_or_an_exponent_are_read_as_whole_numbers(
    vector_rules: dict[str, Any], javascript: SlaDocuments
) -> None:
    """`"minutes": 1e3` and `"first": 2026.0` are whole numbers to the schema and to sla.js, which answered; Python failed from
    inside ('float' object cannot be interpreted as an integer)."""
    targets = [target("first-response", None, "c", 60), target("resolution", None, "c", days=2, rule="day-end")]
    rules = document(vector_rules, 2026, 2026, _office(), targets)
    text = json.dumps(rules).replace('"minutes": 60', '"minutes": 1e3').replace('"business_days": 2', '"business_days": 2.0')
    text = text.replace('"first": 2026', '"first": 2026.0')
    floating = json.loads(text)
    assert floating["years"]["first"] == 2026.0 and isinstance(floating["years"]["first"], float)
    questions = [{"plan": "fz/p", "at": "2026-06-01T10:00:00+02:00"}, {"plan": "fz/p", "at": "2026-06-01T10:00:00+02:00", "metric": "resolution"}]
    assert python(floating, questions) == javascript.due(floating, questions) == [
        {"answer": "2026-06-03T10:40:00+02:00"}, {"answer": "2026-06-03T17:00:00+02:00"}]


def test_a_ticket_on_rules_that_list_no_metric_is_answered_alike(vector_rules: dict[str, Any], javascript: SlaDocuments) -> None:
    """`"metrics": []` (the schema allows it): Python failed from inside (IndexError: list index out of range), ticket.js
    threw undefined (its message 'undefined'): both took 'every metric refused' for none measured."""
    obligation = {"id": "call", "count": None, "period": None, "after_minutes": 30, "calendar": "c", "text": None, "priorities": None,
                  "every_minutes": None}
    rules = document(vector_rules, 2026, 2026, _office(), [target("first-response", None, "c", 60)])
    rules["metrics"] = []
    rules["vendors"]["fz"]["plans"]["p"]["obligations"] = [obligation]
    ticket = {"plan": "fz/p", "at": "2026-06-01T10:00:00+02:00", "now": "2026-06-01T11:00:00+02:00",
              "events": [{"type": "responded", "at": "2026-06-01T10:15:00+02:00"}]}
    py = Evaluator(rules).ticket(ticket["plan"], None, ticket["at"], ticket["now"], events=ticket["events"])
    assert javascript.due(rules, [ticket], "tickets") == [{"answer": py}]
    assert py["metrics"] == {} and py["obligations"]["call"]["due"] == "2026-06-01T10:45:00+02:00"


# --- questions asked through the APIs with odd values: the same refusal, in the same order -----------------------


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # A name not a text came after the moment in Python's `due`, before it in sla.js ("checked before anything else").
        ({"priority": 0, "at": "SE"}, "the priority must be a text (str) or None, not int"),
        ({"priority": True, "at": "", "tz": True}, "the priority must be a text (str) or None, not bool"),
        # A moment neither a text nor a datetime: Python went on to the plan, then said "the time None has no UTC offset".
        ({"priority": "C", "at": None}, "the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not null"),
        ({"at": [], "metric": "nonsense"}, "the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not []"),
        ({"at": 12345}, "the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not 12345"),
    ],
)
def test_a_question_with_odd_values_is_refused_alike_through_both_apis(
    vector_rules: dict[str, Any], javascript: SlaDocuments, question: dict[str, Any], words: str
) -> None:
    rules = document(vector_rules, 2026, 2026, _office(), [target("first-response", None, "c", 60)])
    q = {"plan": "fz/p", "priority": None, "tz": None, "metric": None, "country": None, **question}
    evaluator = Evaluator(rules)
    with pytest.raises(RuleError, match="^" + re.escape(words) + "$"):
        evaluator.due(q["plan"], q["priority"], q["at"], tz=q["tz"], metric=q["metric"], country=q["country"])
    if q["priority"] is None and q["metric"] is None:  # and once the clock of a question with the same names is kept
        evaluator.due(q["plan"], None, "2026-06-01T10:00:00+02:00")
        with pytest.raises(RuleError, match="^" + re.escape(words) + "$"):
            evaluator.due(q["plan"], None, q["at"])
    field = "priority" if words.startswith("the priority") else "at"
    assert javascript.due(rules, [q]) == [{"error": words, "field": field}]
    ticket = {**{k: v for k, v in q.items() if k != "metric"}, "now": "2026-12-01T00:00:00Z"}
    with pytest.raises(RuleError, match="^" + re.escape(words) + "$"):
        evaluator.ticket(ticket["plan"], ticket["priority"], ticket["at"], ticket["now"], tz=ticket["tz"], country=ticket["country"])
    assert javascript.due(rules, [ticket], "tickets") == [{"error": words, "field": field}]


def test_a_ticket_with_empty_texts_is_answered_as_without_them(vector_rules: dict[str, Any], javascript: SlaDocuments) -> None:
    """An empty priority, zone, case or country is not given (§5 "Empty texts"): Evaluator.ticket refused `priority ''`
    and `case ''` where ticket.js (and `clock --batch`) answered."""
    rules = document(vector_rules, 2026, 2026, _office(), [target("first-response", None, "c", 60)])
    ticket = {"plan": "fz/p", "priority": "", "at": "2026-06-01T10:00:00+02:00", "now": "2026-06-01T10:30:00+02:00", "tz": "", "case": "",
              "country": ""}
    py = Evaluator(rules).ticket(ticket["plan"], "", ticket["at"], ticket["now"], tz="", case="", country="")
    assert javascript.due(rules, [ticket], "tickets") == [{"answer": py}]
    assert py["metrics"]["first-response"]["due"] == "2026-06-01T11:00:00+02:00"


# --- plan files with statements moved (tests/test_fuzz_statements.py), exported and asked of both ------------------


@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(drawn=moved_project(), seed=st.integers(0, 2**16))
def test_rules_exported_from_plans_with_statements_moved_get_the_same_answers_from_both(
    javascript: SlaDocuments, tmp_path_factory: pytest.TempPathFactory, drawn: tuple[str, str, str], seed: int
) -> None:
    """The rules of plan files `check` accepts after statements moved and values replaced, every plan of every vendor asked
    deadlines and tickets at random moments (fuzz14: 2,500 such projects outside the suite, none answered differently)."""
    _, shared, vendor = drawn
    plans = tmp_path_factory.mktemp("moved") / "plans"
    plans.mkdir()
    (plans / "shared.plan").write_text(shared, encoding="utf-8")
    (plans / "vendor.plan").write_text(vendor, encoding="utf-8")
    loaded = load_project([plans])
    if loaded.project is None or any(d.is_error for d in loaded.diagnostics):
        return
    rules = json.loads(dumps(export_project(loaded.project, (2026, 2027))))
    draw = random.Random(seed)
    questions = []
    for vendor_id, found in rules["vendors"].items():
        levels = [level["id"] for level in found["priorities"]["levels"]] if found["priorities"] else []
        for plan in [*found["plans"], *(found.get("aliases") or {})]:
            for _ in range(3):
                at = (datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=draw.randrange(730 * 1440)))
                questions.append({"plan": f"{vendor_id}/{plan}", "priority": draw.choice([None, *levels]),
                                  "at": at.astimezone(ZoneInfo(draw.choice(ZONES))).isoformat(), "tz": draw.choice([None, *ZONES[:4]]),
                                  "metric": draw.choice([None, *rules["metrics"]]), "case": draw.choice([None, *(found.get("cases") or {})]),
                                  "country": draw.choice([None, "SE", "PL", "US"])})
    assert python(rules, questions) == javascript.due(rules, questions)
    tickets = []
    for q in questions:  # each question as a ticket, with a few events (§11) after its report, asked a while later
        moment, events = datetime.fromisoformat(q["at"]), []
        for _ in range(draw.randrange(4)):
            moment += timedelta(minutes=draw.choice([0, 1, 45, 600, 3000]))
            kind = draw.choice(["pause", "resume", "responded", "on-site", "workaround", "updated", "resolved"])
            events.append({"type": kind, "at": moment.isoformat()})
        now = draw.choice(["2027-12-01T00:00:00Z", (moment + timedelta(minutes=draw.choice([0, 30, 2000]))).isoformat()])
        tickets.append({**{k: v for k, v in q.items() if k != "metric"}, "now": now, "events": events})
    evaluator = Evaluator(rules)
    answers = []
    for t in tickets:
        try:
            answers.append({"answer": json.loads(json.dumps(evaluator.ticket(t["plan"], t["priority"], t["at"], t["now"], events=t["events"],
                                                                             tz=t["tz"], case=t["case"], country=t["country"])))})
        except RuleError as exc:
            answers.append(refusal(exc))
    assert answers == javascript.due(rules, tickets, "tickets")
