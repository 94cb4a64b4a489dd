"""The ticket clock (docs/rules.md §11): pauses, priority changes, status updates, obligations, warnings.

The Python evaluator and assets/ticket.js (on sla.js) must equal the oracle's clock vectors
(tests/conformance/clock-vectors.jsonl, from tests/support/oracle.py's minute walk), refuse the
same tickets in the same words, and `clock --batch` answers line by line.
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
from typing import Any

import pytest

from dsl.rules.commands import answer_lines, answer_ticket
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import dumps
from support import clock_vectors, oracle
from support import rules_vectors as generate
from support.paths import BUILD_PY, ROOT

VECTORS = [json.loads(line) for line in clock_vectors.CLOCK_VECTORS.read_text(encoding="utf-8").splitlines()]
NODE = shutil.which("node")
REPORT = "2026-11-23T09:00:00+01:00"  # a Monday; Stratiteq's office is open 08:00-17:00, P1 2 h, P2 4 h, P3 8 h


@pytest.fixture(scope="module")
def evaluator(vector_rules):
    return Evaluator(vector_rules)


def _ask(evaluator: Evaluator, v: dict) -> dict:
    answer = evaluator.ticket(v["plan"], v["priority"], v["at"], v["now"], v["events"], v.get("tz"), v.get("case"),
                              v.get("country"), v.get("warnings"))
    for entry in [*answer["metrics"].values(), *answer["obligations"].values()]:
        entry.pop("reason", None)  # the words are not part of a vector
    return answer


def test_clock_vectors_cover_what_the_issue_asks_for():
    whys = " | ".join(v["why"] for v in VECTORS)
    for needle in ("pause", "priority raised", "priority lowered", "status updates restart", "obligation after 4 working hours",
                   "DST", "Christmas", "business days with a pause", "paused at now", "random ticket", "beyond the years"):
        assert needle in whys, needle
    states = {m["state"] for v in VECTORS if "answer" in v for m in v["answer"]["metrics"].values()}
    assert {"running", "paused", "met", "breached", "none"} <= states
    assert sum(len([e for e in v["events"] if e["type"] == "pause"]) >= 2 for v in VECTORS) >= 5


def test_clock_vectors_cover_an_obligation_on_the_customers_holidays():
    """Format 1.7: no country and an unknown one give none (never a refusal), a known one counts, before the response it waits."""
    calls = {(v.get("country"), bool(v["events"])): v for v in VECTORS if v["plan"] == "conformance-lab/callback" and "tz" in v}
    assert {k: v["answer"]["obligations"]["call-back"]["state"] for k, v in calls.items()} == {
        (None, True): "none", ("DE", True): "none", ("SE", True): "running", (None, False): "waiting"}
    assert calls[("SE", True)]["answer"]["obligations"]["call-back"]["elapsed_seconds"] == 90 * 60


def test_python_evaluator_equals_every_clock_vector(evaluator):
    wrong = []
    for v in VECTORS:
        try:
            got = _ask(evaluator, v)
        except RuleError as exc:
            if "error" not in v:
                wrong.append(f"{v['why']}: error {exc}")
            continue
        if "error" in v or got != v["answer"]:
            wrong.append(f"{v['why']}:\n  expected {v.get('answer')}\n  got      {got}")
    assert not wrong, f"{len(wrong)} of {len(VECTORS)} differ:\n" + "\n".join(wrong[:5])


def test_clock_vectors_ask_what_the_generator_asks(vector_project):
    asked = [(clock_vectors.ticket_of(v), v["why"]) for v in VECTORS]
    assert asked == clock_vectors.build(vector_project), "the clock vectors are stale; regenerate: python3 tests/conformance/generate.py"


def test_oracle_recomputes_a_sample_of_clock_vectors(vector_project):
    sample = random.Random().sample(VECTORS, 8) + [v for v in VECTORS if "error" in v]
    for v in sample:
        assert clock_vectors.vector(vector_project, clock_vectors.ticket_of(v), v["why"]) == v


# --- the semantics, worked by hand (docs/rules.md §11) ---


def test_a_pause_moves_the_deadline_by_the_open_time_paused(evaluator):
    # P2: 4 h. Paused 10:00-11:30 (1 h 30 of open time): due 13:00 + 1 h 30 = 14:30.
    events = [{"type": "pause", "at": "2026-11-23T10:00:00+01:00"}, {"type": "resume", "at": "2026-11-23T11:30:00+01:00"}]
    got = evaluator.ticket("stratiteq/sos", "P2", REPORT, "2026-11-23T12:00:00+01:00", events)["metrics"]["first-response"]
    assert got["due"] == "2026-11-23T14:30:00+01:00"
    assert (got["state"], got["elapsed_seconds"], got["remaining_seconds"]) == ("running", 5400, 9000)
    # 50 % (2 h of counted time) falls at 12:30, 75 % (3 h) at 13:30.
    assert [w["at"] for w in got["warnings"]] == ["2026-11-23T12:30:00+01:00", "2026-11-23T13:30:00+01:00"]


def test_paused_at_now_answers_as_if_it_resumed_now(evaluator):
    events = [{"type": "pause", "at": "2026-11-23T10:00:00+01:00"}]
    got = evaluator.ticket("stratiteq/sos", "P2", REPORT, "2026-11-23T15:00:00+01:00", events)["metrics"]["first-response"]
    # 1 h counted before the pause; 3 h left from 15:00: 2 h today until 17:00, 1 h tomorrow from 08:00.
    assert got["due"] == "2026-11-24T09:00:00+01:00"
    assert (got["state"], got["elapsed_seconds"]) == ("paused", 3600)


def test_a_priority_change_measures_the_new_target_from_the_report(evaluator):
    raised = [{"type": "priority", "at": "2026-11-23T10:30:00+01:00", "priority": "P1"}]
    got = evaluator.ticket("stratiteq/sos", "P3", REPORT, "2026-11-23T10:45:00+01:00", raised)["metrics"]["first-response"]
    assert (got["priority"], got["due"], got["state"]) == ("P1", "2026-11-23T11:00:00+01:00", "running")
    # Already past P1's two hours when raised: breached at once.
    late = [{"type": "priority", "at": "2026-11-23T11:30:00+01:00", "priority": "P1"}]
    got = evaluator.ticket("stratiteq/sos", "P3", REPORT, "2026-11-23T11:30:00+01:00", late)["metrics"]["first-response"]
    assert got["state"] == "breached"
    # A metric met before the change keeps the target it was met under.
    met = [{"type": "responded", "at": "2026-11-23T12:00:00+01:00"}, {"type": "priority", "at": "2026-11-23T12:30:00+01:00", "priority": "P1"}]
    got = evaluator.ticket("stratiteq/sos", "P3", REPORT, "2026-11-23T13:00:00+01:00", met)["metrics"]["first-response"]
    assert (got["priority"], got["state"]) == ("P3", "met")


def test_events_after_now_have_not_happened_yet(evaluator):
    events = [{"type": "responded", "at": "2026-11-23T10:00:00+01:00"}]
    got = evaluator.ticket("stratiteq/sos", "P2", REPORT, "2026-11-23T09:30:00+01:00", events)["metrics"]["first-response"]
    assert (got["state"], got["elapsed_seconds"]) == ("running", 1800)


def test_an_obligation_waits_for_work_to_start(evaluator):
    got = evaluator.ticket("stratiteq/sos", "P2", REPORT, "2026-11-23T12:00:00+01:00")["obligations"]
    assert got == {"call-customer": {"state": "waiting", "due": None}}
    started = [{"type": "responded", "at": "2026-11-23T10:00:00+01:00"}]
    got = evaluator.ticket("stratiteq/sos", "P2", REPORT, "2026-11-23T12:00:00+01:00", started)["obligations"]["call-customer"]
    assert (got["due"], got["state"]) == ("2026-11-23T14:00:00+01:00", "running")  # 4 working hours from 10:00


def test_status_updates_restart_the_interval(evaluator):
    # conformance-lab/days, P1: a status update every 2 business days of a 24x7 Tokyo calendar (same time of day).
    updates = [{"type": "updated", "at": "2026-11-24T10:00:00+01:00"}]
    got = evaluator.ticket("conformance-lab/days", "P1", REPORT, "2026-11-25T09:00:00+01:00", updates)["metrics"]["status-update"]
    assert got["due"] == "2026-11-26T18:00:00+09:00"  # 2 days after the update at 18:00 Tokyo
    assert got["missed"] == 0


SORTED_TYPES = "obligation, on-site, pause, priority, registered, resolved, responded, resume, updated, workaround"


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"now": "2026-11-23T08:00:00+01:00"}, "'now' (2026-11-23T08:00:00+01:00) is before the report (2026-11-23T09:00:00+01:00)"),
        (
            {"now": "later"},
            "'now': 'later' is not a date and time of the form YYYY-MM-DDTHH:MM[:SS[.ffffff]] with Z or ±HH:MM, such as 2026-11-23T15:00:00+01:00",
        ),
        ({"events": [{"type": "paus", "at": REPORT}]}, "event 1 has an unknown type \"paus\"; did you mean 'pause'?"),
        ({"events": [{"type": "pause", "at": "2026-11-23T08:00:00+01:00"}]}, "event 1 (2026-11-23T08:00:00+01:00) is before the report"),
        # An event's moment is quoted as given (docs/rules.md §11.6), unlike 'now' and the report.
        ({"events": [{"type": "pause", "at": "2026-11-23T07:30Z"}]}, "event 1 (2026-11-23T07:30Z) is before the report"),
        ({"events": [{"type": "pause", "at": "2026-11-23T11:00:00+01:00"}, {"type": "resume", "at": "2026-11-23T10:00:00+01:00"}]},
         "event 2 (2026-11-23T10:00:00+01:00) is earlier than event 1; give the events in time order"),
        ({"events": [{"type": "priority", "at": REPORT, "priority": "P9"}]},
         "event 1 changes the priority to \"P9\", which is not one of: P1, P2, P3"),
        ({"events": [{"type": "pause", "at": REPORT, "by": "me"}]}, "event 1 has an unknown field 'by'"),
        # No type, or one that is not a text: the known types sorted, as for a text with nothing close.
        ({"events": [{"at": REPORT}]}, "event 1 has an unknown type null; known: " + SORTED_TYPES),
        ({"events": [{"type": 7, "at": REPORT}]}, "event 1 has an unknown type 7; known: " + SORTED_TYPES),
        ({"events": [{"type": "obligation", "at": REPORT, "obligation": "on-site"}]},
         "event 1 names the obligation \"on-site\", which is not one of the plan's timed obligations: call-customer"),
        ({"warnings": [0]}, "a warning is a whole percent of the target from 1 to 99, not 0"),
        # Numbers as JavaScript writes them, so that both evaluators quote a value alike.
        ({"warnings": [1e300]}, "a warning is a whole percent of the target from 1 to 99, not 1e+300"),
        ({"warnings": [1000.0]}, "a warning is a whole percent of the target from 1 to 99, not 1000"),
        ({"events": [{"type": "priority", "at": REPORT, "priority": 5.0}]}, "event 1 changes the priority to 5, which is not one of: P1, P2, P3"),
        ({"events": {"type": "pause", "n": [0.5, 2.0, 1e-7]}}, "\"events\" must be a list of events, not {\"type\":\"pause\",\"n\":[0.5,2,1e-7]}"),
        ({"priority": "P7"}, "vendor 'stratiteq' has no priority 'P7'; known: P1, P2, P3"),
    ],
)
def test_refused_tickets_in_words(evaluator, change, words):
    ticket = {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": "2026-11-23T12:00:00+01:00", "events": []} | change
    with pytest.raises(RuleError) as caught:
        evaluator.ticket(ticket["plan"], ticket["priority"], ticket["at"], ticket["now"], ticket["events"], warnings=ticket.get("warnings"))
    assert str(caught.value) == words
    assert caught.value.field in ("now", "events", "warnings", "priority")


NULL_FIELDS = [
    ("events null", None),
    ("a null priority on a pause", [{"type": "pause", "at": "2026-11-23T10:00:00+01:00", "priority": None}]),
    ("a null obligation on a resume", [{"type": "pause", "at": "2026-11-23T10:00:00+01:00"},
                                       {"type": "resume", "at": "2026-11-23T11:00:00+01:00", "obligation": None}]),
]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_null_reads_as_absent_in_both_evaluators(evaluator, vector_rules, tmp_path):
    """docs/rules.md §11.1: `events` null is no events, and an event's null `priority` or `obligation` is no such field.

    Python refused `events=None` ("must be a list of events, not null") where ticket.js and a batch line answered.
    """
    from support.ticket_agreement import node_json

    base = {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": "2026-11-23T12:00:00+01:00"}
    python = [evaluator.ticket(base["plan"], base["priority"], base["at"], base["now"], events) for _, events in NULL_FIELDS]
    absent = [[], [{"type": "pause", "at": "2026-11-23T10:00:00+01:00"}],
              [{"type": "pause", "at": "2026-11-23T10:00:00+01:00"}, {"type": "resume", "at": "2026-11-23T11:00:00+01:00"}]]
    assert python == [evaluator.ticket(base["plan"], base["priority"], base["at"], base["now"], events) for events in absent]
    rules_path = tmp_path / "rules.json"
    rules_path.write_text(dumps(vector_rules), encoding="utf-8")
    script = (
        "import { readFileSync } from 'node:fs'; import { ticket } from './site_templates/assets/ticket.js';"
        "const rules = JSON.parse(readFileSync(process.argv[1], 'utf-8'));"
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map((q) => ticket(rules, q))));"
    )
    assert node_json(script, rules_path, [{**base, "events": events} for _, events in NULL_FIELDS]) == python


# --- the command ---


def test_clock_batch_answers_each_line_and_reports_bad_ones(evaluator):
    good = json.dumps({"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": "2026-11-23T12:00:00+01:00"})
    lines = [good, "not json", json.dumps({"plan": "stratiteq/sos", "at": REPORT, "now": REPORT, "events": "pause"}),
             json.dumps({"plan": "stratiteq/sos", "priority": "P2", "at": REPORT}), good]
    out = io.StringIO()
    failed = answer_lines(evaluator, lines, out, answer_ticket)
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert failed == 3 and len(answers) == 5
    assert answers[0]["metrics"]["first-response"]["due"] == "2026-11-23T13:00:00+01:00" and answers[4] == answers[0]
    assert answers[1] == {"error": "line 2 is not JSON: Expecting value at column 1", "line": 2, "field": None}
    assert answers[2] == {"error": "line 3: \"events\" must be a list or null, not str", "line": 3, "field": "events"}
    assert answers[3] == {"error": "line 4 lacks \"now\"", "line": 4, "field": "now"}


def test_clock_command_exit_codes(tmp_path):
    tickets = tmp_path / "tickets.jsonl"
    tickets.write_text(json.dumps({"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT}) + "\n", encoding="utf-8")
    base = [sys.executable, str(BUILD_PY), "clock", "--years", "2026-2028"]
    run = subprocess.run([*base, "--batch", str(tickets)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["metrics"]["first-response"]["state"] == "running"
    tickets.write_text("{}\n", encoding="utf-8")
    assert subprocess.run([*base, "--batch", str(tickets)], cwd=ROOT, capture_output=True, timeout=120).returncode == 1
    assert subprocess.run([*base, "--batch", str(tmp_path / "missing")], cwd=ROOT, capture_output=True, timeout=120).returncode == 2


# --- JavaScript ---

BAD_TICKETS = [
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": "2026-11-23T08:00:00+01:00"},
    # Written with seconds and +00:00 for Z in both evaluators, not as given (ticket.js once echoed the texts).
    {"plan": "stratiteq/sos", "priority": "P2", "at": "2026-11-23T09:00+01:00", "now": "2026-11-23T07:30Z"},
    {"plan": "stratiteq/sos", "priority": "P2", "at": "2026-11-23T09:00:00.5+01:00", "now": "2026-11-23T07:00:00.25-00:00"},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "pause", "at": "2026-11-23T07:30Z"}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": "soon"},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "paus", "at": REPORT}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": 7, "at": REPORT}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "pause", "at": "2026-11-22T08:00:00+01:00"}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "pause"}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": ["pause"]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "priority", "at": REPORT}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "pause", "at": REPORT, "priority": "P1"}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "obligation", "at": REPORT}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "warnings": [50, 100]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "warnings": [2.5]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "warnings": ["x"]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "warnings": {"a": 1}},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "warnings": [1e300]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "priority", "at": REPORT, "priority": 5.0}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": {"type": "pause", "n": [0.5, 2.0, 1e-7]}},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": {"type": "pause"}},
    {"plan": "stratiteq/sos", "priority": "P9", "at": REPORT, "now": REPORT},
    {"plan": "stratiteq/sso", "priority": "P2", "at": REPORT, "now": REPORT},
    {"plan": "stratiteq/sos", "priority": None, "at": REPORT, "now": REPORT},
    {"plan": "conformance-lab/customer", "priority": "P2", "at": REPORT, "now": REPORT},
    {"plan": "conformance-lab/cis", "priority": "P3", "at": "2028-12-29T10:00:00-05:00", "now": "2028-12-29T11:00:00-05:00"},
    # A zone name checked against the rules' `zones`, even where the calendar has a zone of its own: ticket.js
    # once asked the runtime, whose Intl takes any case, and answered these instead of refusing them.
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "tz": "europe/stockholm"},
    {"plan": "amanda/standard", "priority": "P2", "at": REPORT, "now": REPORT, "tz": "utc"},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "tz": "posix/Europe/Stockholm"},
    # A quoted value is cut to 100 characters, i.e. code points (docs/rules.md §7): ticket.js once cut an event's
    # type or unknown field at 100 UTF-16 units, half as many emoji as Python (found by a consumer in Java).
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT, "events": [{"type": "\U0001F600" * 150, "at": REPORT}]},
    {"plan": "stratiteq/sos", "priority": "P2", "at": REPORT, "now": REPORT,
     "events": [{"type": "pause", "at": REPORT, "\U0001D49C" * 101: 1}]},
]


def _python_words(evaluator: Evaluator) -> list[dict]:
    found = []
    for t in BAD_TICKETS:
        with pytest.raises(RuleError) as caught:
            evaluator.ticket(t["plan"], t["priority"], t["at"], t["now"], t.get("events", ()), t.get("tz"), None, None, t.get("warnings"))
        found.append({"ticket": t, "error": str(caught.value), "field": caught.value.field})
    return found


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_clock_equals_the_vectors_and_the_words(tmp_path, vector_rules, evaluator):
    rules_path = tmp_path / "rules.json"
    rules_path.write_text(dumps(vector_rules), encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    errors.write_text("".join(json.dumps(e) + "\n" for e in _python_words(evaluator)), encoding="utf-8")
    env = dict(os.environ, TIERWISE_RULES=str(rules_path), TIERWISE_CLOCK_ERRORS=str(errors))
    run = subprocess.run([NODE, "--test", str(ROOT / "tests" / "js" / "clock.test.mjs")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 2" in run.stdout, run.stdout[-2000:]


def test_the_oracle_agrees_on_the_worked_pause_example(vector_project):
    events = (("pause", "2026-11-23T10:00:00+01:00", None), ("resume", "2026-11-23T11:30:00+01:00", None))
    got = oracle.ticket(vector_project, generate.YEARS, oracle.Ticket("stratiteq/sos", "P2", REPORT, "2026-11-23T12:00:00+01:00", events))
    assert got["metrics"]["first-response"]["due"] == "2026-11-23T14:30:00+01:00"


def test_the_documented_example_is_what_the_command_answers(evaluator):
    """docs/rules.md §11.5 and §11.7: the batch line shown gives the answer shown (reasons written '…' there)."""
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    section = text[text.index("## 11. The ticket clock"):]
    blocks = [b.split("```", 1)[0] for b in section.split("```json\n")[1:]]
    shown, line = json.loads(blocks[0]), blocks[1].strip()
    got = answer_ticket(evaluator, line)
    for metric, entry in shown["metrics"].items():
        if entry.get("reason") == "…":
            entry["reason"] = got["metrics"][metric]["reason"]
    assert got == shown


def test_a_share_written_50_0_is_the_share_50(evaluator):
    """JSON's 50.0 is JavaScript's 50: both evaluators take it as the same whole percent."""
    got = evaluator.ticket("stratiteq/sos", "P2", REPORT, REPORT, warnings=[50.0])["metrics"]["first-response"]["warnings"]
    assert got == [{"percent": 50, "at": "2026-11-23T11:00:00+01:00"}]  # half of 4 h from 09:00


@pytest.mark.parametrize("country", [None, "DE"])
def test_an_obligation_on_the_customers_holidays_without_their_country_is_none_in_both_evaluators(evaluator, country, tmp_path):
    """Format 1.7 (docs/rules.md §11.4): without the customer's country, or with one the rules do not carry, an obligation
    on a calendar closed on the customer's holidays is answered none with a metric's §7 words, in Python as in ticket.js.
    Until 1.6 the whole ticket was refused, so a ticket answered before its first response broke at it."""
    ticket = {"plan": "conformance-lab/callback", "priority": "P2", "at": "2026-12-24T15:30:00+01:00",
              "now": "2026-12-28T08:30:00+01:00", "events": [{"type": "responded", "at": "2026-12-24T16:00:00+01:00"}],
              "tz": "Europe/Stockholm", "country": country}

    def ask(**changed: Any) -> dict:
        t = {**ticket, **changed}
        return evaluator.ticket(t["plan"], t["priority"], t["at"], t["now"], t["events"], t["tz"], None, t["country"])

    before = ask(now="2026-12-24T15:50:00+01:00", events=[])
    assert before["obligations"]["call-back"] == {"state": "waiting", "due": None}
    got = ask()
    # The words a metric on that calendar gives (§11.3): the same check, the same reason.
    with pytest.raises(RuleError) as metric:
        evaluator.due("conformance-lab/local", "P2", ticket["at"], ticket["tz"], "registration", None, country)
    assert got["obligations"]["call-back"] == {"state": "none", "reason": str(metric.value)}
    assert "closes on the customer's public holidays" in str(metric.value)
    assert got["metrics"]["first-response"]["state"] == "met"  # the rest of the ticket is answered as before
    # A Swedish customer: 24 December 16:00-17:00, Christmas Day closed, then Monday 28th 08:00-08:30.
    assert ask(country="SE")["obligations"]["call-back"]["elapsed_seconds"] == 90 * 60
    if NODE is None:
        return
    rules_path = tmp_path / "rules.json"
    rules_path.write_text(dumps(evaluator.rules), encoding="utf-8")
    script = (
        "import { readFileSync } from 'node:fs';\n"
        f"import {{ ticket }} from {json.dumps((ROOT / 'site_templates' / 'assets' / 'ticket.js').as_uri())};\n"
        f"const rules = JSON.parse(readFileSync({json.dumps(str(rules_path))}, 'utf8'));\n"
        f"try {{ console.log(JSON.stringify(ticket(rules, {json.dumps(ticket)}))); }} catch (e) {{ console.log(e.message); }}\n"
    )
    run = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == json.dumps(got, ensure_ascii=False, separators=(",", ":")), run.stderr


def test_the_site_publishes_the_clock_vectors(tmp_path):
    """A consumer of the published site alone can test its ticket clock: rules/clock-vectors.jsonl is the repository's file."""
    from dsl.cli import main

    for name in ("plans", "tierwise.toml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    published = (tmp_path / "_site" / "rules" / "clock-vectors.jsonl").read_bytes()
    assert published == (ROOT / "tests" / "conformance" / "clock-vectors.jsonl").read_bytes()
