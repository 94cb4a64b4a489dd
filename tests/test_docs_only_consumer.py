"""A consumer of §5–§6 and §11 written from docs/rules.md alone (tests/consumers/full_consumer.py) gives our answers.

docs/rules.md promises other ticketing tools exactly our deadlines and ticket clocks from the JSON and the page. The
consumer was written from the page without reading the engine, sla.js, ticket.js or the older consumer of §4–§6; it
must give every answer of the conformance files (with the words of the inputs table), and the reference evaluator's
answers, words of refusals included, to seeded random questions, tickets and impact × urgency look-ups over the rules
of plans/, of the outside offers in tests/plans/outside/, of the conformance rules, of those rules with targets and
obligations varied (cut-off times, business days, versions, recurring obligations) and of those rules moved to the
first and last years a document may cover (1–2, 9998–9999), and over the random calendars of
tests/support/calendars.py. The evaluator is asked only through docs/rules.md §8.
"""

from __future__ import annotations

import copy
import functools
import json
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest

from consumers.full_consumer import Consumer, Refused
from dsl.language.loader import load_project
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import export_project
from support.paths import ROOT

CONFORMANCE = ROOT / "tests" / "conformance"
CONSUMER = ROOT / "tests" / "consumers" / "full_consumer.py"
Answer = Any


def lines(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (CONFORMANCE / name).read_text(encoding="utf-8").splitlines() if line]


@functools.cache
def conformance_rules() -> dict[str, Any]:
    return json.loads((CONFORMANCE / "rules.json").read_text(encoding="utf-8"))


@functools.cache
def exported(folder: str) -> dict[str, Any]:
    result = load_project([ROOT / folder])
    assert result.project is not None, [d.message for d in result.errors][:3]
    return export_project(result.project, (2026, 2028))


def ours(ask: Callable[[], Any]) -> Answer:
    try:
        return ask()
    except Refused as refused:
        return ("error", refused.message, refused.field)


def reference(ask: Callable[[], Any]) -> Answer:
    try:
        return ask()
    except RuleError as error:
        return ("error", str(error), error.field)


def text_of(answer: Answer) -> str:
    """An answer as JSON text: the same keys in the same order, whole seconds as whole numbers (§11.2, §11.5)."""
    return json.dumps(answer, ensure_ascii=False)


def without_reasons(answer: Answer) -> Answer:
    """A ticket answer as the clock vectors hold it: a metric or obligation without a time is {"state": "none"}."""
    if not isinstance(answer, dict):
        return "error"
    return {group: {k: {"state": "none"} if v["state"] == "none" else v for k, v in clocks.items()} for group, clocks in answer.items()}


# --- the conformance files ----------------------------------------------------------------------------------------------


def test_the_consumer_imports_nothing_of_the_project() -> None:
    source = CONSUMER.read_text(encoding="utf-8")
    assert "import dsl" not in source and "from dsl" not in source
    imported = {line.split()[1].split(".")[0] for line in source.splitlines() if line.startswith(("import ", "from "))}
    assert imported <= {"__future__", "bisect", "difflib", "json", "math", "re", "zoneinfo", "dataclasses", "datetime", "decimal", "typing"}


def test_every_deadline_vector() -> None:
    consumer = Consumer(conformance_rules())
    differ = []
    for v in lines("vectors.jsonl"):
        got = ours(lambda v=v: consumer.due(v))
        refused_as_it_should = v.get("error") is True and isinstance(got, tuple)
        if not refused_as_it_should and got != v.get("due"):
            differ.append((v["why"], v.get("due"), got))
    assert len(lines("vectors.jsonl")) > 6000
    assert not differ, differ[:5]


def test_every_row_of_the_inputs_table_with_its_words_and_field() -> None:
    consumer = Consumer(conformance_rules())
    rows = lines("inputs.jsonl")
    differ = []
    for row in rows:
        expected = row["due"] if "due" in row else ("error", row["error"], row["field"])
        got = ours(lambda row=row: consumer.due(row["question"]))
        if got != expected:
            differ.append((row["question"], expected, got))
    assert sum("error" in row for row in rows) > 50
    assert not differ, differ[:5]


def test_every_ticket_clock_vector() -> None:
    consumer = Consumer(conformance_rules())
    tickets = lines("clock-vectors.jsonl")
    differ = []
    for v in tickets:
        got = without_reasons(ours(lambda v=v: consumer.ticket(v)))
        expected = "error" if v.get("error") else v["answer"]
        if text_of(got) != text_of(expected):
            differ.append((v["why"], expected, got))
    assert len(tickets) > 100
    assert not differ, differ[:3]


def test_the_pages_own_examples() -> None:
    consumer = Consumer(conformance_rules())
    # §6 "Inputs": a report 0.5 ms after 09:00 is cut to 09:00 and stays at the close.
    assert consumer.due({"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-24T09:00:00.0005+01:00"}) == "2026-11-24T17:00:00+01:00"
    # §11.7: the first response met keeps its deadline; the call moves by the pause.
    answer = consumer.ticket(
        {
            "plan": "stratiteq/sos",
            "priority": "P2",
            "at": "2026-11-23T09:00:00+01:00",
            "now": "2026-11-23T12:00:00+01:00",
            "events": [
                {"type": "responded", "at": "2026-11-23T09:30:00+01:00"},
                {"type": "pause", "at": "2026-11-23T10:00:00+01:00"},
                {"type": "resume", "at": "2026-11-23T11:30:00+01:00"},
            ],
        }
    )
    first, call = answer["metrics"]["first-response"], answer["obligations"]["call-customer"]
    assert (first["state"], first["due"]) == ("met", "2026-11-23T13:00:00+01:00")
    assert (call["state"], call["due"], call["elapsed_seconds"]) == ("running", "2026-11-23T15:00:00+01:00", 3600)
    # §11.3: the obligation's 240 minutes of work from Friday 16:00 end in 2029.
    late = {"plan": "stratiteq/sos", "priority": "P1", "at": "2028-12-29T08:00:00+01:00", "now": "2028-12-29T17:00:00+01:00"}
    late["events"] = [
        {"type": "responded", "at": "2028-12-29T16:00:00+01:00"},
        {"type": "obligation", "obligation": "call-customer", "at": "2028-12-29T16:10:00+01:00"},
    ]
    assert ours(lambda: consumer.ticket(late)) == (
        "error",
        "the deadline falls after the last year the rules cover (2026–2028); export more years",
        "at",
    )


# --- random questions beside the reference evaluator ---------------------------------------------------------------------

ZONES = [
    None,
    None,
    "Europe/Stockholm",
    "America/New_York",
    "Asia/Tokyo",
    "Australia/Sydney",
    "America/Santiago",
    "Asia/Kolkata",
    "UTC",
    "Pacific/Chatham",
]
OFFSETS = ["Z", "+01:00", "+02:00", "-05:00", "+05:30", "+09:00", "-03:00", "+13:45", "-12:00"]
COUNTRIES = [None, "SE", "PL", "US", "AU", "DE", "IT", "GB"]
# A name changed into one the rules do not know, or a moment not in the accepted form.
# Names longer than 100 characters are cut in the words (§7): a long country was once quoted whole.
SPOILED = ["", "x", "europe/stockholm", "posix/Europe/Rome", "Europe", "2026-11-23", "2026-11-23T10:00", "2026-02-30T10:00Z", "a/b/c", 5]
SPOILED += ["SE" * 60, "😀" * 120, "stratiteq/" + "x" * 120]
EVENT_TYPES = ["pause", "resume", "registered", "responded", "updated", "resolved", "workaround", "on-site", "priority", "obligation"]


def text(moment: datetime, offset: str) -> str:
    return f"{moment.year:04d}" + moment.strftime("-%m-%dT%H:%M") + offset


def a_moment(rng: random.Random, rules: dict[str, Any], outside: bool = False) -> str:
    first, last = rules["years"]["first"], rules["years"]["last"]
    years = (max(1, first - 1), min(9999, last + 1)) if outside else (first, last)
    moment = datetime(rng.randint(*years), 1, 1) + timedelta(days=rng.randrange(365), minutes=15 * rng.randrange(96))
    if rng.random() < 0.15:
        moment = datetime(last, 12, 31, 12) - timedelta(minutes=15 * rng.randrange(400))
    if rng.random() < 0.2:
        moment += timedelta(minutes=rng.randrange(15), seconds=rng.randrange(60))
    written = text(moment, "")
    if rng.random() < 0.3:
        written += moment.strftime(":%S") + rng.choice(["", ".5", ".999", ".0005"])
    return written + rng.choice(OFFSETS)


def later(rng: random.Random, moment: str, minutes: int) -> str:
    try:
        shifted = datetime.fromisoformat(moment) + timedelta(minutes=rng.choice([0, rng.randrange(minutes), rng.randrange(120)]))
    except (OverflowError, ValueError):
        return moment
    return f"{shifted.year:04d}" + shifted.isoformat()[4:]


def plan_of(rules: dict[str, Any], plan: str) -> dict[str, Any]:
    vendor_id, plan_id = plan.split("/")
    vendor = rules["vendors"][vendor_id]
    aliases = vendor.get("aliases") or {}
    return vendor["plans"][plan_id] if plan_id in vendor["plans"] else vendor["plans"][aliases[plan_id]["plan"]]


def a_question(rng: random.Random, rules: dict[str, Any], plans: list[str]) -> dict[str, Any]:
    plan = rng.choice(plans)
    vendor = rules["vendors"][plan.split("/")[0]]
    levels = [level["id"] for level in (vendor["priorities"] or {"levels": []})["levels"]]
    stated = [t for t in plan_of(rules, plan)["targets"] if t["minutes"] is not None or t["business_days"] is not None]
    pick = rng.choice(stated) if stated and rng.random() < 0.8 else None
    question = {
        "plan": plan,
        "priority": pick["priority"] if pick and pick["priority"] and rng.random() < 0.9 else rng.choice([*levels, *levels, None]),
        "at": a_moment(rng, rules, outside=rng.random() < 0.1),
        "tz": rng.choice(ZONES),
        "metric": pick["metric"] if pick else rng.choice(rules["metrics"]),
        "case": (pick or {}).get("case") or rng.choice([None, None, *vendor.get("cases", {})]),
        "country": rng.choice(COUNTRIES),
    }
    if rng.random() < 0.15:
        key = rng.choice(list(question))
        value = question[key]
        question[key] = rng.choice([*SPOILED, value.lower() if value else None, value[:-1] if value else None])
    return question


def a_ticket(rng: random.Random, rules: dict[str, Any], plans: list[str]) -> dict[str, Any]:
    plan = rng.choice(plans)
    vendor = rules["vendors"][plan.split("/")[0]]
    levels = [level["id"] for level in (vendor["priorities"] or {"levels": []})["levels"]]
    timed = [o["id"] for o in plan_of(rules, plan)["obligations"] if o.get("after_minutes") is not None or o.get("every_minutes") is not None]
    at = a_moment(rng, rules)
    events: list[Any] = []
    moment = at
    for _ in range(rng.randrange(8)):
        moment = later(rng, moment, 2 * 1440)
        kind = rng.choice([*EVENT_TYPES, "responded", "pause", "resume", "updated"])
        event: dict[str, Any] = {"type": kind, "at": moment}
        if kind == "priority" and levels:
            event["priority"] = rng.choice(levels)
        elif kind == "obligation" and timed:
            event["obligation"] = rng.choice(timed)
        elif kind in ("priority", "obligation"):
            continue
        events.append(event)
    now = later(rng, moment, 3 * 1440)
    if events and rng.random() < 0.12:  # one fault of §11.6
        event = rng.choice(events)
        fault = rng.randrange(9)
        if fault == 0:
            event["type"] = rng.choice(["paus", "zzzz", 5, None, "Pause"])
        elif fault == 1:
            event["note"] = 1
        elif fault == 2:
            event["at"] = rng.choice(["2026-11-23", "x", None, 5, "2026-11-23T10:00"])
        elif fault == 3:
            event["at"] = text(datetime(rules["years"]["first"], 1, 1), "+14:00")
        elif fault == 4:
            event["priority"] = rng.choice(["P9", None, 5, "x" * 200])
        elif fault == 5:
            event["obligation"] = rng.choice(["nope", None, 1.0])
        elif fault == 6:
            events.append(5)
        elif fault == 7:
            event.pop("at")
        else:
            event.update(type="priority", priority=rng.choice(["P9", None, *levels]))
    if rng.random() < 0.03:
        now = later(rng, at, 100)[:16] + "-12:00"
    warnings = rng.choice([None, None, [], [10, 90], [50, 50, 25], [1, 99, 33]])
    if rng.random() < 0.03:
        warnings = rng.choice([[0], [50.0], "50", [True], [100], [1e300], [0.5], {"a": 1}])
    return {
        "plan": plan,
        "priority": rng.choice([*levels, *levels, None]),
        "at": at,
        "now": now,
        "events": events,
        "tz": rng.choice(ZONES),
        "case": rng.choice([None, None, *vendor.get("cases", {})]),
        "country": rng.choice(COUNTRIES),
        "warnings": warnings,
    }


def varied(rules: dict[str, Any], seed: int) -> dict[str, Any]:
    """The rules with targets and obligations varied in what §5, §6 and §11 read: cut-off times, business days,
    minutes, calendars, versions, timed and recurring obligations."""
    rng = random.Random(seed)
    rules = copy.deepcopy(rules)
    for vendor in rules["vendors"].values():
        calendars = list(vendor["calendars"])
        levels = [level["id"] for level in (vendor["priorities"] or {"levels": []})["levels"]]
        for plan in vendor["plans"].values():
            targets = []
            for target in plan["targets"]:
                timed = target["minutes"] is not None or target["business_days"] is not None
                if timed and rng.random() < 0.2:
                    target.update(minutes=None, business_days=rng.choice([1, 2, 3]), days_rule=rng.choice(["same-time", "day-end"]))
                elif timed and rng.random() < 0.15:
                    target.update(minutes=rng.choice([0, 1, 30, 240, 600, 2000]), business_days=None, days_rule=None)
                if timed and rng.random() < 0.3:
                    target["cutoff"] = f"{rng.randrange(24):02d}:{rng.randrange(60):02d}".replace("00:00", "00:01")
                if timed and rng.random() < 0.3:
                    target["calendar"] = rng.choice(calendars)
                targets.append(target)
                if timed and target.get("from") is None and target.get("until") is None and rng.random() < 0.15:
                    day = f"{rules['years']['first'] + 1:04d}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
                    target["until"] = day
                    version = dict(target, id=f"{target['id']}@{day}", until=None, calendar=rng.choice(calendars), minutes=rng.choice([15, 60, 480]))
                    version.update({"from": day, "business_days": None, "days_rule": None, "cutoff": None})
                    if rng.random() < 0.2:
                        version.update(minutes=None, calendar=None)
                    targets.append(version)
            plan["targets"] = [t for t in targets if t["case"] is None] + [t for t in targets if t["case"] is not None]
            kinds = [("every", None, rng.choice([30, 120, 600])), ("after", rng.choice([0, 60, 300]), None)]
            for name, after, every in kinds:
                if rng.random() < 0.4:
                    plan["obligations"].append(
                        {"id": f"varied-{name}", "count": None, "period": None, "after_minutes": after, "calendar": rng.choice(calendars),
                         "text": {language: "x" for language in rules["languages"]},
                         "priorities": rng.choice([None, levels[:1] or None, levels[1:3] or None]), "every_minutes": every}
                    )  # fmt: skip
    return rules


def moved(rules: dict[str, Any], first: int, last: int) -> dict[str, Any]:
    """The rules over other years (§6: years 1 and 9999 are answered like any other): weekly hours only."""
    rules = copy.deepcopy(rules)
    rules["years"] = {"first": first, "last": last, "valid_until": f"{last:04d}-12-31"}
    for vendor in rules["vendors"].values():
        for calendar in vendor["calendars"].values():
            calendar["dates"] = {}
            if calendar.get("customer_holidays") is not None:
                calendar["customer_holidays"] = {country: [] for country in calendar["customer_holidays"]}
        for plan in vendor["plans"].values():
            for target in plan["targets"]:
                for key in ("from", "until"):
                    if target.get(key):
                        target[key] = f"{last:04d}{target[key][4:]}"
    return rules


RULE_SETS: dict[str, Callable[[], dict[str, Any]]] = {
    "plans": lambda: exported("plans"),
    "outside": lambda: exported("tests/plans/outside"),
    "conformance": conformance_rules,
    "conformance-varied": lambda: varied(conformance_rules(), 17),
    "years-1-2": lambda: moved(conformance_rules(), 1, 2),
    "years-9998-9999": lambda: moved(conformance_rules(), 9998, 9999),
}
QUESTIONS = 250


@pytest.mark.parametrize("name", list(RULE_SETS))
def test_random_questions_tickets_and_priorities_agree_with_the_reference(name: str) -> None:
    rules = RULE_SETS[name]()
    consumer, evaluator = Consumer(rules), Evaluator(rules)
    rng = random.Random(f"docs-only {name}")
    plans = [f"{v}/{p}" for v, vendor in rules["vendors"].items() for p in [*vendor["plans"], *(vendor.get("aliases") or {})]]
    differ: list[tuple[str, Any, Answer, Answer]] = []
    answered = refused = 0
    for _ in range(QUESTIONS):
        q = a_question(rng, rules, plans)
        got = ours(lambda q=q: consumer.due(q))
        expected = reference(lambda q=q: evaluator.due(q["plan"], q["priority"], q["at"], q["tz"], q["metric"], q["case"], q["country"]).isoformat())
        if text_of(got) != text_of(expected):
            differ.append(("due", q, expected, got))
        t = a_ticket(rng, rules, plans)
        got = ours(lambda t=t: consumer.ticket(t))
        expected = reference(
            lambda t=t: evaluator.ticket(
                t["plan"], t["priority"], t["at"], t["now"], t["events"], tz=t["tz"], case=t["case"], country=t["country"], warnings=t["warnings"]
            )
        )
        answered += isinstance(expected, dict)
        refused += isinstance(expected, tuple)
        if text_of(got) != text_of(expected):
            differ.append(("ticket", t, expected, got))
    for vendor_id, vendor in rules["vendors"].items():
        matrix = (vendor["priorities"] or {}).get("matrix")
        names = [*(matrix["impacts"] + matrix["urgencies"] if matrix else []), "x", "High"]
        for _ in range(5):
            asked = (vendor_id if rng.random() < 0.9 else vendor_id + "x", rng.choice(names), rng.choice(names))
            got, expected = ours(lambda a=asked: consumer.priority_for(*a)), reference(lambda a=asked: evaluator.priority_for(*a))
            if text_of(got) != text_of(expected):
                differ.append(("priority_for", asked, expected, got))
    assert answered > QUESTIONS // 3 and refused > 10, (answered, refused)  # the questions reach both kinds of answer
    assert not differ, differ[:3]


def test_the_comparison_would_notice_a_consumer_that_ignores_cutoffs(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = conformance_rules()
    question = {"plan": "conformance-lab/cutoff", "priority": "P1", "at": "2026-11-24T15:30:00+01:00", "metric": "on-site"}
    expected = Evaluator(rules).due(question["plan"], "P1", question["at"], metric="on-site").isoformat()
    assert Consumer(rules).due(question) == expected == "2026-11-25T12:00:00+01:00"
    from consumers import full_consumer

    monkeypatch.setattr(full_consumer.Target, "cutoff", lambda self, r: r)
    assert Consumer(rules).due(question) != expected


def test_the_varied_rules_vary_what_the_page_says_they_may() -> None:
    rules = varied(conformance_rules(), 17)
    targets = [t for vendor in rules["vendors"].values() for plan in vendor["plans"].values() for t in plan["targets"]]
    assert sum(t.get("cutoff") is not None for t in targets) > 20
    assert sum(t.get("from") is not None for t in targets) > 5
    assert sum(t.get("business_days") is not None for t in targets) > 20


def test_random_calendars_agree_with_the_reference() -> None:
    """Calendars the plans rarely hold (tests/support/calendars.py: pieces across midnight and DST changes, 24:00 ends,
    zones with 30- and 45-minute offsets or clocks that change at midnight, eves, the customer's zone, 24×7), each
    under a target of minutes, business days or a cut-off, with a recurring obligation, asked with pauses."""
    from support.calendars import YEARS, RandomDraw, calendar, minutes, project, report
    from support.calendars import ZONES as CALENDAR_ZONES

    differ: list[Any] = []
    answered = 0
    for seed in range(40):
        rng = random.Random(seed)
        draw = RandomDraw(rng)
        drawn = calendar(draw)
        rules = export_project(project(drawn.calendar, minutes(draw, drawn)), YEARS)
        plan = rules["vendors"]["v"]["plans"]["plan"]
        target = plan["targets"][0]
        if seed % 4 == 1:
            target.update(minutes=None, business_days=rng.choice([1, 2, 5]), days_rule=rng.choice(["same-time", "day-end"]))
        if seed % 4 >= 2:
            target["cutoff"] = f"{rng.randrange(24):02d}:{rng.choice([0, 5, 30, 55]):02d}".replace("00:00", "00:05")
        texts = {language: "x" for language in rules["languages"]}
        recurring = {"id": "o", "count": None, "period": None, "after_minutes": None, "calendar": "random", "text": texts, "priorities": None}
        plan["obligations"] = [recurring | {"every_minutes": rng.choice([5, 60, 600])}]
        consumer, evaluator = Consumer(rules), Evaluator(rules)
        for _ in range(8):
            at, tz = report(draw, drawn.zone), rng.choice([None, drawn.zone, rng.choice(CALENDAR_ZONES)])
            got = ours(lambda at=at, tz=tz, c=consumer: c.due({"plan": "v/plan", "priority": "P1", "at": at, "tz": tz}))
            expected = reference(lambda at=at, tz=tz, e=evaluator: e.due("v/plan", "P1", at, tz).isoformat())
            answered += isinstance(expected, str)
            if text_of(got) != text_of(expected):
                differ.append((seed, at, tz, expected, got))
            moment, events = datetime.fromisoformat(at), []
            for _ in range(rng.randrange(6)):
                moment += timedelta(minutes=rng.randrange(3 * 1440), seconds=rng.choice([0, 0, 17.5]))
                kind = rng.choice(["pause", "resume", "responded", "obligation", "resume", "pause", "resolved"])
                events.append({"type": kind, "at": moment.isoformat()} | ({"obligation": "o"} if kind == "obligation" else {}))
            now = (moment + timedelta(minutes=rng.randrange(3 * 1440))).isoformat()
            question = {"plan": "v/plan", "priority": "P1", "at": at, "now": now, "events": events, "tz": tz}
            got = ours(lambda q=question, c=consumer: c.ticket(q))
            expected = reference(lambda q=question, e=evaluator: e.ticket("v/plan", "P1", q["at"], q["now"], q["events"], tz=q["tz"]))
            answered += isinstance(expected, dict)
            if text_of(got) != text_of(expected):
                differ.append((seed, question, expected, got))
    assert answered > 400, answered  # most questions get a deadline or a clock
    assert not differ, differ[:3]
