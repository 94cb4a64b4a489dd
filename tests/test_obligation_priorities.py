"""`obligation rca for P1 after 5h on office { ... }`: an obligation the vendor keeps for some priorities only.

Real SLAs promise a root-cause analysis or a call-back for critical tickets only. Before, an obligation was for
every ticket: the tier's summary listed it for all, and the ticket clock followed it for a P3 ticket too. The form
is a channel's (`channels phone for P1 and P2`), so authors learn one thing.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest

from dsl.language.diagnostics import Diagnostic
from dsl.language.loader import load_text
from dsl.language.model import Project, Vendor
from dsl.rules.engine import Evaluator
from dsl.rules.export import dumps, export_project, load_schema, structural_problems
from dsl.site import views as site
from support import clock_vectors
from support.language_only import english_only
from support.oracle import Ticket, ticket
from support.paths import ROOT
from support.site import words

NODE = shutil.which("node")
YEARS = (2026, 2027)

LEVELS = """  priorities p {
    level P1 { name { sv "Kritisk" it "Critica" pl "Krytyczny" en "Critical" } }
    level P2 { name { sv "Hög" it "Alta" pl "Wysoki" en "High" } }
    level P3 { name { sv "Normal" it "Normale" pl "Normalny" en "Normal" } }
  }
"""

PLAN = """vendor acme {{
  name "Acme"
  language en
  calendar office {{
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
  }}
{levels}  plan std {{
    name "Standard"
    target first-response all 4h on office
    obligation rca for P1 after 5h on office {{ sv "Rotorsaksanalys" it "Analisi delle cause" pl "Analiza przyczyn" en "Root-cause analysis" }}
    obligation call-back for {call_back} after 2h on office {{ sv "Vi ringer" it "Telefoniamo" pl "Dzwonimy" en "We phone you" }}
    obligation meetings 4 per year {{ sv "Möten" it "Riunioni" pl "Spotkania" en "Meetings" }}
  }}
  plan gold extends std {{
    name "Gold"
    obligation rca for P1 and P2 after 5h on office {{ sv "Rotorsaksanalys" it "Analisi delle cause" pl "Analiza przyczyn" en "Root-cause analysis" }}
  }}
}}
"""


def text(call_back: str = "P1 and P2", levels: str = LEVELS) -> str:
    """The plan file: Standard's call-back is `for {call_back}`; Gold extends it and widens its root-cause analysis."""
    return PLAN.format(call_back=call_back, levels=levels)


def load(source: str) -> tuple[Project | None, list[Diagnostic]]:
    result = load_text(source, "t.plan")
    return result.project, list(result.diagnostics)


def acme() -> Vendor:
    project, found = load(text())
    assert project is not None and not [d for d in found if d.severity == "error"], found
    return project.vendors[0]


def at_word(source: str, line_text: str, word: str) -> tuple[int, int]:
    """(line, column), 1-based, of `word` on the line of `source` that holds `line_text`: where a caret must point."""
    for number, line in enumerate(source.splitlines(), start=1):
        if line_text in line:
            return number, line.index(line_text) + line_text.index(word) + 1
    raise AssertionError(f"{line_text!r} is not in the plan")


# --- the language --------------------------------------------------------------------------------


def test_an_obligation_names_the_priorities_it_is_for_and_an_extending_plan_replaces_it_by_id() -> None:
    standard, gold = acme().plans
    by_id = {ob.id: ob for ob in standard.obligations}
    assert by_id["rca"].priorities == ("P1",)
    assert by_id["call-back"].priorities == ("P1", "P2")
    assert by_id["meetings"].priorities == ()  # every priority
    assert by_id["rca"].is_for("P1") and not by_id["rca"].is_for("P2") and not by_id["rca"].is_for(None)
    assert by_id["meetings"].is_for("P3") and by_id["meetings"].is_for(None)
    gold_by_id = {ob.id: ob for ob in gold.obligations}
    assert gold_by_id["call-back"] == by_id["call-back"]  # inherited as it is
    assert gold_by_id["rca"].priorities == ("P1", "P2")  # Gold's own replaces Standard's


def test_the_priorities_are_where_they_are_written() -> None:
    source = text()
    ob = next(o for o in acme().plans[0].obligations if o.id == "call-back")
    assert [(p.line, p.column) for p in ob.priorities_pos] == [
        at_word(source, "call-back for P1 and P2", "P1"),
        at_word(source, "call-back for P1 and P2", "P2"),
    ]


def test_an_unknown_priority_is_reported_at_its_word_with_a_did_you_mean() -> None:
    source = text(call_back="P1 and P22")
    _, found = load(source)
    errors = [d for d in found if d.severity == "error"]
    assert len(errors) == 1, errors  # once, though Gold inherits the obligation
    (error,) = errors
    assert (error.code, error.message, error.hint) == ("T0314", "unknown priority 'P22'", "did you mean 'P2'?")
    assert (error.pos.line, error.pos.column) == at_word(source, "for P1 and P22", "P22")


def test_an_unknown_priority_with_nothing_close_lists_the_levels() -> None:
    source = text(call_back="P1 and urgent")
    _, found = load(source)
    (error,) = [d for d in found if d.severity == "error"]
    assert (error.message, error.hint) == ("unknown priority 'urgent'", "known here: 'P1', 'P2', 'P3'")
    assert (error.pos.line, error.pos.column) == at_word(source, "and urgent", "urgent")


def test_for_on_a_vendor_without_priority_levels_is_an_error_that_says_to_leave_it_out() -> None:
    source = text(levels="").replace("obligation rca for P1 and P2", "obligation rca").replace("obligation rca for P1", "obligation rca")
    _, found = load(source)
    errors = [d for d in found if d.severity == "error"]
    assert [(d.code, d.message, d.hint) for d in errors] == [
        ("T0314", "unknown priority 'P1'", "this vendor has no priority levels: leave out 'for ...'"),
        ("T0314", "unknown priority 'P2'", "this vendor has no priority levels: leave out 'for ...'"),
    ]
    assert [(d.pos.line, d.pos.column) for d in errors] == [
        at_word(source, "call-back for P1 and P2", "P1"),
        at_word(source, "call-back for P1 and P2", "P2"),
    ]


def test_a_priority_named_twice_is_a_warning_at_the_second() -> None:
    source = text(call_back="P2 and P1 and P2")
    project, found = load(source)
    assert project is not None and not [d for d in found if d.severity == "error"]
    (twice,) = [d for d in found if d.code == "T0606"]
    assert (twice.severity, twice.message, twice.hint) == ("warning", "obligation 'call-back' names priority 'P2' twice", "remove the second 'P2'")
    assert (twice.pos.line, twice.pos.column) == at_word(source, "P1 and P2 after", "P2")
    # It changes nothing: the rules list each level once.
    rules = export_project(project, YEARS)
    call_back = next(o for o in rules["vendors"]["acme"]["plans"]["std"]["obligations"] if o["id"] == "call-back")
    assert call_back["priorities"] == ["P2", "P1"]


def test_one_id_twice_in_a_plan_is_an_error_with_a_hint_for_one_duty_per_priority() -> None:
    source = text().replace(
        "    obligation meetings 4 per year",
        '    obligation call-back for P3 after 8h on office { sv "R" it "R" pl "R" en "R" }\n    obligation meetings 4 per year',
    )
    _, found = load(source)
    (error,) = [d for d in found if d.severity == "error"]
    assert (error.code, error.message, error.hint) == (
        "T0322", "obligation 'call-back' is given twice in this plan", "give each its own id, such as 'call-back-p3'",
    )
    assert (error.pos.line, error.pos.column) == at_word(source, "obligation call-back for P3", "obligation")
    ((note, first),) = error.notes
    assert (note, first.line) == ("given first here", at_word(source, "call-back for P1 and P2", "call-back")[0])


# --- the rule JSON (format 1.5) ----------------------------------------------------------------------


def test_the_rules_carry_each_obligations_priorities_and_the_schema_accepts_them() -> None:
    project, _ = load(text())
    assert project is not None
    rules = export_project(project, YEARS)
    assert rules["format_version"] == "1.14"
    plans = rules["vendors"]["acme"]["plans"]
    assert {o["id"]: o["priorities"] for o in plans["std"]["obligations"]} == {"rca": ["P1"], "call-back": ["P1", "P2"], "meetings": None}
    assert {o["id"]: o["priorities"] for o in plans["gold"]["obligations"]} == {"call-back": ["P1", "P2"], "rca": ["P1", "P2"], "meetings": None}
    jsonschema.Draft202012Validator(load_schema()).validate(rules)
    assert structural_problems(rules) == []


@pytest.mark.parametrize("priorities", [[], ["P1", "P1"], "P1"])
def test_the_schema_refuses_an_empty_repeated_or_single_valued_list(priorities: object) -> None:
    project, _ = load(text())
    assert project is not None
    rules = export_project(project, YEARS)
    rules["vendors"]["acme"]["plans"]["std"]["obligations"][0]["priorities"] = priorities
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(rules)


def test_a_level_the_vendor_does_not_have_is_a_structural_problem() -> None:
    project, _ = load(text())
    assert project is not None
    rules = export_project(project, YEARS)
    rules["vendors"]["acme"]["plans"]["std"]["obligations"][0]["priorities"] = ["P9"]
    assert structural_problems(rules) == ["vendors.acme.plans.std.obligations.rca: unknown priority 'P9'"]


# --- the ticket clock ---------------------------------------------------------------------------------

REPORT = "2026-11-23T09:00:00+01:00"  # a Monday
RESPONDED = {"type": "responded", "at": "2026-11-23T09:30:00+01:00"}

TICKETS = [
    ("P1", [RESPONDED], {"rca", "call-back"}),
    ("P2", [RESPONDED], {"call-back"}),
    ("P3", [RESPONDED], set()),
    ("P3", [], set()),
    ("P2", [], {"call-back"}),  # waiting for work to start, but for this ticket's priority
    # Raised to P1: followed from the first response, as if it had been P1 from the start.
    ("P3", [RESPONDED, {"type": "priority", "at": "2026-11-23T12:00:00+01:00", "priority": "P1"}], {"rca", "call-back"}),
    # Met while P1, lowered later: the obligation keeps the priority of its stop; the one still open is dropped.
    ("P1", [RESPONDED, {"type": "obligation", "at": "2026-11-23T10:00:00+01:00", "obligation": "call-back"},
            {"type": "priority", "at": "2026-11-23T11:00:00+01:00", "priority": "P3"}], {"call-back"}),
    # A P3 ticket may still record the call-back it got while it was P1 (lowered before it was made).
    ("P1", [RESPONDED, {"type": "priority", "at": "2026-11-23T10:00:00+01:00", "priority": "P3"},
            {"type": "obligation", "at": "2026-11-23T10:30:00+01:00", "obligation": "call-back"}], set()),
]


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, _ = load(text())
    assert loaded is not None
    return loaded


@pytest.fixture(scope="module")
def rules(project: Project) -> dict:
    return export_project(project, YEARS)


@pytest.mark.parametrize(("priority", "events", "followed"), TICKETS)
def test_the_python_clock_follows_an_obligation_only_for_its_priorities(rules, project, priority, events, followed) -> None:
    answer = Evaluator(rules).ticket("acme/std", priority, REPORT, "2026-11-23T15:00:00+01:00", events)
    assert set(answer["obligations"]) == followed
    # The oracle, which reads the model and walks minute by minute, says the same.
    q = Ticket("acme/std", priority, REPORT, "2026-11-23T15:00:00+01:00",
               tuple((e["type"], e["at"], e.get("priority") or e.get("obligation")) for e in events))
    assert answer["obligations"] == ticket(project, YEARS, q)["obligations"]


def test_a_rule_document_before_1_5_follows_every_obligation_for_every_priority(rules) -> None:
    older = copy.deepcopy(rules)
    for ob in older["vendors"]["acme"]["plans"]["std"]["obligations"]:
        del ob["priorities"]
    answer = Evaluator(older).ticket("acme/std", "P3", REPORT, "2026-11-23T15:00:00+01:00", [RESPONDED])
    assert set(answer["obligations"]) == {"rca", "call-back"}


def _javascript_tickets(rules: dict, asked: list[dict], tmp_path: Path) -> list[dict]:
    """ticket.js's answers to `asked` under Node, one per ticket."""
    rules_path = tmp_path / "rules.json"
    rules_path.write_text(dumps(rules), encoding="utf-8")
    script = (
        "import { readFileSync } from 'node:fs';\n"
        f"import {{ ticket }} from {json.dumps((ROOT / 'site_templates' / 'assets' / 'ticket.js').as_uri())};\n"
        f"const rules = JSON.parse(readFileSync({json.dumps(str(rules_path))}, 'utf8'));\n"
        f"for (const t of {json.dumps(asked)}) console.log(JSON.stringify(ticket(rules, t)));\n"
    )
    run = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_javascript_clock_gives_the_python_answers(rules, tmp_path) -> None:
    asked = [{"plan": "acme/std", "priority": p, "at": REPORT, "now": "2026-11-23T15:00:00+01:00", "events": e} for p, e, _ in TICKETS]
    answers = _javascript_tickets(rules, asked, tmp_path)
    evaluator = Evaluator(rules)
    assert answers == [evaluator.ticket(t["plan"], t["priority"], t["at"], t["now"], t["events"]) for t in asked]
    assert [set(a["obligations"]) for a in answers] == [f for _, _, f in TICKETS]


def test_the_clock_vectors_cover_obligations_for_some_priorities() -> None:
    vectors = [json.loads(line) for line in clock_vectors.CLOCK_VECTORS.read_text(encoding="utf-8").splitlines()]
    rules = json.loads((clock_vectors.HERE / "rules.json").read_text(encoding="utf-8"))
    office = rules["vendors"]["conformance-lab"]["plans"]["office"]["obligations"]
    assert {o["id"]: o["priorities"] for o in office} == {"call-p1": ["P1"], "rca": ["P1", "P2"], "call-all": None, "status-call": ["P1", "P2"]}
    listed = [set(v["answer"]["obligations"]) for v in vectors if v["plan"] == "conformance-lab/office" and "answer" in v]
    assert {"call-all"} in listed and {"rca", "call-all", "status-call"} in listed and {"call-p1", "rca", "call-all", "status-call"} in listed


# --- the site -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "rca", "call_back"),
    [
        ("sv", "endast Kritisk", "endast Kritisk och Hög"),
        ("it", "solo Critica", "solo Critica e Alta"),
        ("pl", "tylko Krytyczny", "tylko Krytyczny i Wysoki"),
        ("en", "Critical only", "Critical and High only"),
    ],
)
def test_the_tiers_summary_names_the_levels_an_obligation_is_for(lang: str, rca: str, call_back: str) -> None:
    vendor = acme()
    standard, gold = site.plan_services(vendor, site.Reader(lang, words()[lang], vendor))
    rca_item, call_item, meetings_item = (str(o).replace("\u00a0", " ") for o in standard.obligations)  # Polish "i\u00a0Wysoki"
    assert f"<small>– {rca}; " in rca_item
    assert f"<small>– {call_back}; " in call_item
    assert rca.split()[-1] not in meetings_item and "<small>" in meetings_item  # for every ticket: no level named
    assert f"<small>– {call_back}; " in str(gold.obligations[0]).replace("\u00a0", " ")  # Gold own RCA: P1 and P2


def test_a_level_named_in_another_language_keeps_its_lang_mark_in_the_summary() -> None:
    """An offer in English only, read in Swedish: the level's English name is marked, not shown as escaped HTML."""
    vendor = english_only(acme())
    standard = site.plan_services(vendor, site.Reader("sv", words()["sv"], vendor))[0]
    rca_item = str(standard.obligations[0])
    assert "&lt;span" not in rca_item
    assert re.search(r'endast <span lang="en">[^<]*Critical</span>', rca_item), rca_item


# --- the documentation ----------------------------------------------------------------------------------


def test_the_example_in_docs_language_md_loads_as_an_author_would_copy_it() -> None:
    """docs/language.md, "Obligations for some priorities only": its example inside a plan, with no diagnostic at all."""
    section = (ROOT / "docs" / "language.md").read_text(encoding="utf-8").split("### Obligations for some priorities only", 1)[1]
    example = section.split("```", 2)[1].strip("\n")
    plan = PLAN.split("  plan std {{", 1)[0].format(levels=LEVELS) + '  plan std {\n    name "Standard"\n' + example + "\n  }\n}\n"
    project, found = load(plan)
    assert project is not None and found == [], [(d.code, d.message) for d in found]
    by_id = {ob.id: ob for ob in project.vendors[0].plans[0].obligations}
    assert (by_id["rca"].priorities, by_id["call-back"].priorities, by_id["review"].priorities) == (("P1",), ("P1", "P2"), ("P1",))
    assert by_id["call-back"].after_minutes == 120 and by_id["review"].quantity is not None


# --- syntax --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "word", "message", "hint"),
    [
        ('obligation rca for P1, P2 "x"', ",",
         "unexpected ','; expected 'after', 'and', 'every', '{', a quoted text (\"...\") or a whole number",
         "the priorities an obligation is for are joined by 'and': obligation rca for P1 and P2 after 2h on office { ... }"),
        ('obligation rca for "x"', '"x"', "unexpected '\"x\"'; expected a priority level such as P1", None),
    ],
)
def test_a_slip_in_for_is_a_syntax_error_that_says_what_to_write(statement: str, word: str, message: str, hint: str | None) -> None:
    source = f'vendor acme {{\n  name "Acme"\n  language en\n  plan std {{\n    name "S"\n    {statement}\n  }}\n}}\n'
    _, found = load(source)
    (error,) = found
    assert (error.code, error.message, error.hint) == ("T0101", message, hint)
    assert (error.pos.line, error.pos.column) == (6, 5 + statement.index(word))


# --- an obligation timed after work names its calendar (the ticket clock failed with a KeyError before) --


def test_after_without_a_calendar_is_an_error_at_the_duration() -> None:
    source = text().replace("call-back for P1 and P2 after 2h on office", "call-back for P1 and P2 after 2h")
    _, found = load(source)
    (error,) = [d for d in found if d.severity == "error"]
    assert (error.code, error.message) == ("T0815", "obligation 'call-back' is timed after work but names no calendar to count it on")
    assert error.hint == "add 'on CALENDAR' after the duration, such as: after 4h on office (a calendar with 'open 24x7' counts round the clock)"
    assert (error.pos.line, error.pos.column) == at_word(source, "and P2 after 2h", "2h")


def test_the_schema_and_the_structural_checks_refuse_after_minutes_without_a_calendar(rules) -> None:
    broken = copy.deepcopy(rules)
    rca = broken["vendors"]["acme"]["plans"]["std"]["obligations"][0]
    rca["calendar"] = None
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(broken)
    assert structural_problems(broken) == ["vendors.acme.plans.std.obligations.rca: after_minutes without a calendar"]
    rca["after_minutes"] = None  # an obligation without a clock needs none
    assert jsonschema.Draft202012Validator(load_schema()).is_valid(broken) and structural_problems(broken) == []


# --- `every`: an obligation that recurs until the resolution (format 1.5) ---------------------------------

RECURRING = text().replace(
    "    obligation meetings 4 per year",
    '    obligation status-call for P1 every 2h on office { sv "Vi ringer" it "Telefoniamo" pl "Dzwonimy" en "We phone you" }\n'
    "    obligation meetings 4 per year",
)


@pytest.fixture(scope="module")
def recurring() -> tuple[Project, dict]:
    loaded, found = load(RECURRING)
    assert loaded is not None and not [d for d in found if d.severity == "error"], found
    return loaded, export_project(loaded, YEARS)


def test_every_is_parsed_with_its_calendar_priorities_and_place(recurring) -> None:
    project, rules = recurring
    ob = next(o for o in project.vendors[0].plans[0].obligations if o.id == "status-call")
    assert (ob.every_minutes, ob.after_minutes, ob.calendar, ob.priorities) == (120, None, "office", ("P1",))
    assert (ob.every_pos.line, ob.every_pos.column) == at_word(RECURRING, "every 2h on office", "2h")
    exported = next(o for o in rules["vendors"]["acme"]["plans"]["std"]["obligations"] if o["id"] == "status-call")
    assert (exported["every_minutes"], exported["after_minutes"], exported["calendar"], exported["priorities"]) == (120, None, "office", ["P1"])
    assert all(o["every_minutes"] is None for o in rules["vendors"]["acme"]["plans"]["std"]["obligations"] if o["id"] != "status-call")
    jsonschema.Draft202012Validator(load_schema()).validate(rules)
    assert structural_problems(rules) == []


def test_every_zero_is_an_error_at_the_duration() -> None:
    source = RECURRING.replace("every 2h on office", "every 0min on office")
    _, found = load(source)
    (error,) = [d for d in found if d.severity == "error"]
    assert (error.code, error.message) == ("T0801", "a duration must be longer than zero")
    assert (error.pos.line, error.pos.column) == at_word(source, "every 0min", "0min")


def test_every_without_a_calendar_is_a_syntax_error_with_a_hint() -> None:
    source = RECURRING.replace("every 2h on office {", "every 2h {")
    _, found = load(source)
    (error,) = found
    assert (error.code, error.message) == ("T0101", "unexpected '{'; expected 'on'")
    assert error.hint == "a recurring obligation names the calendar its working time is counted on: obligation status-call every 2h on office { ... }"
    assert (error.pos.line, error.pos.column) == at_word(source, "every 2h {", "{")


def test_the_schema_and_the_structural_checks_refuse_every_with_after(recurring) -> None:
    broken = copy.deepcopy(recurring[1])
    status = next(o for o in broken["vendors"]["acme"]["plans"]["std"]["obligations"] if o["id"] == "status-call")
    status["after_minutes"] = 60
    assert not jsonschema.Draft202012Validator(load_schema()).is_valid(broken)
    assert structural_problems(broken) == ["vendors.acme.plans.std.obligations.status-call: every_minutes without a calendar, or with after_minutes"]


CALLS = [
    # Calls at 11:00 (1 h 30 of work after the response: met) and 14:00 (3 h later: missed), then 2 h from 14:00.
    ("P1", [RESPONDED, {"type": "obligation", "at": "2026-11-23T11:00:00+01:00", "obligation": "status-call"},
            {"type": "obligation", "at": "2026-11-23T14:00:00+01:00", "obligation": "status-call"}], "2026-11-23T16:00:00+01:00", 1),
    # A pause of one open hour moves the next call an hour; resolved at 15:00: the clock stops, met.
    ("P1", [RESPONDED, {"type": "pause", "at": "2026-11-23T10:00:00+01:00"}, {"type": "resume", "at": "2026-11-23T11:00:00+01:00"},
            {"type": "resolved", "at": "2026-11-23T11:15:00+01:00"},
            {"type": "obligation", "at": "2026-11-23T12:00:00+01:00", "obligation": "status-call"}], "2026-11-23T12:30:00+01:00", 0),
    # Before the first response: waiting. A P2 ticket: not listed.
    ("P1", [], None, None),
    ("P2", [RESPONDED], None, None),
]


@pytest.mark.parametrize(("priority", "events", "due", "missed"), CALLS)
def test_the_python_clock_restarts_a_recurring_obligation_at_each_of_its_events(recurring, priority, events, due, missed) -> None:
    project, rules = recurring
    answer = Evaluator(rules).ticket("acme/std", priority, REPORT, "2026-11-23T15:00:00+01:00", events)
    status = answer["obligations"].get("status-call")
    if priority == "P2":
        assert status is None
    elif not events:
        assert status == {"state": "waiting", "due": None}
    else:
        assert (status["due"], status["missed"]) == (due, missed)
    q = Ticket("acme/std", priority, REPORT, "2026-11-23T15:00:00+01:00",
               tuple((e["type"], e["at"], e.get("priority") or e.get("obligation")) for e in events))
    assert answer["obligations"] == ticket(project, YEARS, q)["obligations"]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_javascript_clock_gives_the_python_answers_for_every(recurring, tmp_path) -> None:
    rules = recurring[1]
    asked = [{"plan": "acme/std", "priority": p, "at": REPORT, "now": "2026-11-23T15:00:00+01:00", "events": e} for p, e, _, _ in CALLS]
    evaluator = Evaluator(rules)
    assert _javascript_tickets(rules, asked, tmp_path) == [
        evaluator.ticket(t["plan"], t["priority"], t["at"], t["now"], t["events"]) for t in asked
    ]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "endast Kritisk; med högst 2 timmar arbetstid emellan fram till lösningen, räknat "),
        ("it", "solo Critica; a intervalli di non più di 2 ore di lavoro fino alla risoluzione (ore conteggiate: "),
        ("pl", "tylko Krytyczny; w odstępach nie dłuższych niż 2 godziny pracy, aż do rozwiązania, liczone "),
        ("en", "Critical only; every 2 hours of working time until the resolution, counted "),
    ],
)
def test_the_tiers_summary_says_how_often_a_recurring_obligation_comes(recurring, lang: str, said: str) -> None:
    vendor = recurring[0].vendors[0]
    standard = site.plan_services(vendor, site.Reader(lang, words()[lang], vendor))[0]
    item = str(standard.obligations[2]).replace("\u00a0", " ")  # rca, call-back, then status-call, in the order written
    assert f"<small>– {said}" in item


def test_the_recurring_example_in_docs_language_md_loads_as_written() -> None:
    """docs/language.md, "Obligations that recur": its example inside a plan, with no diagnostic at all."""
    section = (ROOT / "docs" / "language.md").read_text(encoding="utf-8").split("### Obligations that recur", 1)[1]
    example = section.split("```", 2)[1].strip("\n")
    plan = PLAN.split("  plan std {{", 1)[0].format(levels=LEVELS) + '  plan std {\n    name "Standard"\n' + example + "\n  }\n}\n"
    project, found = load(plan)
    assert project is not None and found == [], [(d.code, d.message) for d in found]
    (ob,) = project.vendors[0].plans[0].obligations
    assert (ob.id, ob.priorities, ob.every_minutes, ob.calendar) == ("status-call", ("P1",), 120, "office")


def test_an_obligation_a_tier_words_anew_keeps_its_parents_place() -> None:
    """An outside author's Extended package replaced the Basic package's quarterly visit with a monthly one,
    and the visit, written first, was listed after the report, in the rules and on the page."""
    text = """vendor acme {
  name "Acme"
  language en only
  plan basic {
    name "Basic"
    obligation visit 1 per quarter { en "A service visit." }
    obligation report 1 per month { en "A report." }
  }
  plan extended extends basic {
    name "Extended"
    obligation visit 1 per month { en "A service visit." }
    obligation review 1 per year { en "A review." }
  }
}
"""
    result = load_text(text, "acme.plan")
    assert result.project is not None, [d.message for d in result.errors]
    extended = result.project.vendors[0].plans[1]
    assert [(o.id, o.quantity.period if o.quantity else None) for o in extended.obligations] == [
        ("visit", "month"),
        ("report", "month"),
        ("review", "year"),
    ]
