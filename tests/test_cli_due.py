"""`due` and `priority` on the command line: single cases, batches, errors and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from dsl.rules.commands import run_due, run_priority
from dsl.rules.engine import Evaluator
from dsl.rules.export import default_years, export_project
from support.paths import BUILD_PY, PLANS, ROOT
from support.rules_sample import YEARS, sample_project


def args(target: str | None = None, *rest: str, tz=None, metric=None, batch=None, years=YEARS) -> dict[str, Any]:
    """The parameters of one `due` command, as dsl.cli passes them to run_due."""
    return {"target": target, "rest": list(rest), "tz": tz, "metric": metric, "batch": batch, "years": years}


def run(params: dict[str, Any], stdin: str = "") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run_due(sample_project(), **params, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


# --- single cases ------------------------------------------------------------------------------


def test_single_case_prints_the_deadline() -> None:
    assert run(args("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00")) == (0, "2026-11-24T14:00:00+01:00\n", "")


def test_plan_without_priorities_and_customer_zone() -> None:
    code, out, _ = run(args("amanda/standard", "2026-11-23T15:00:00+01:00", tz="Asia/Tokyo"))
    assert (code, out) == (0, "2026-11-24T12:00:00+09:00\n")
    code, out, _ = run(args("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00", metric="registration"))
    assert (code, out) == (0, "2026-11-23T15:30:00+01:00\n")


@pytest.mark.parametrize(
    ("ns", "words"),
    [
        (args("stratiteq/sos", "P3", "2026-11-23T15:00:00"), "no UTC offset"),
        (args("stratiteq/sos", "P3", "tomorrow"), "is not a date and time of the form"),
        (args("stratiteqq/sos", "P3", "2026-11-23T15:00:00+01:00"), "did you mean 'stratiteq'"),
        (args("stratiteq/sos", "P7", "2026-11-23T15:00:00+01:00"), "no priority 'P7'"),
        (args("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00", metric="uptime"), "unknown metric 'uptime'"),
        (args("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00", metric="resolution"), "guarantees no resolution time"),
        (args("amanda/standard", "2026-11-23T15:00:00+01:00"), "--tz"),
        (args("amanda/standard", "2026-11-23T15:00:00+01:00", tz="Mars/Olympus"), "unknown time zone 'Mars/Olympus'"),
        (args("stratiteq/sos", "P3", "2031-03-03T10:00:00+01:00"), "outside the years the rules cover (2026–2028)"),
    ],
)
def test_single_case_errors_go_to_stderr_with_exit_1(ns: dict[str, Any], words: str) -> None:
    code, out, err = run(ns)
    assert code == 1 and out == ""
    assert err.startswith("error: ") and words in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "ns",
    [
        args(None),
        args("stratiteq/sos"),
        args("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00", "extra"),
        args("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00", batch="-"),
    ],
)
def test_usage_errors_exit_2(ns: dict[str, Any]) -> None:
    code, out, err = run(ns)
    assert code == 2 and out == "" and "usage" in err


# --- batches ------------------------------------------------------------------------------------


def test_batch_answers_every_line_in_order() -> None:
    cases = [
        {"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00", "tz": None, "metric": None},
        {"plan": "stratiteq/sos", "priority": "P9", "at": "2026-11-23T15:00:00+01:00"},
        {"plan": "amanda/standard", "at": "2026-11-23T15:00:00+01:00", "tz": "America/New_York"},
        {"plan": "infor/xtreme", "priority": "S1", "at": "2026-11-28T12:00:00+01:00"},
        {"plan": "amanda/standard", "at": "2026-11-23T15:00:00+01:00"},
    ]
    lines = [json.dumps(c) for c in cases]
    lines.insert(2, "{not json")
    lines.insert(3, "")
    lines.insert(4, '["stratiteq/sos"]')
    lines.insert(5, '{"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00", "metirc": "resolution"}')
    lines.insert(6, '{"plan": "stratiteq/sos", "priority": 3, "at": "2026-11-23T15:00:00+01:00"}')
    lines.insert(7, '{"plan": "stratiteq/sos", "priority": "P3"}')
    lines.insert(8, " \t ")  # white space only: empty too (docs/rules.md §8), not "not JSON"
    code, out, err = run(args(batch="-"), "\n".join(lines) + "\n")
    assert code == 1 and err == ""  # 1: some lines got errors (docs/rules.md §8)
    answers = [json.loads(line) for line in out.splitlines()]
    assert len(answers) == len(lines)
    assert answers[0] == {"due": "2026-11-24T14:00:00+01:00"}
    assert "no priority 'P9'" in answers[1]["error"]
    assert answers[2]["error"].startswith("line 3 is not JSON")
    assert answers[3] == {"error": "line 4 is empty", "line": 4, "field": None}
    assert "not a JSON object" in answers[4]["error"]
    assert "unknown field 'metirc'; did you mean 'metric'" in answers[5]["error"]
    assert '"priority" must be a text or null' in answers[6]["error"]
    assert answers[7] == {"error": 'line 8 lacks "at"', "line": 8, "field": "at"}
    assert answers[8] == {"error": "line 9 is empty", "line": 9, "field": None}
    assert answers[9] == {"due": "2026-11-23T13:00:00-05:00"}
    assert answers[10] == {"due": "2026-11-30T00:00:00+01:00"}
    assert "customer's own time zone" in answers[11]["error"]


def test_batch_line_faults_in_the_documented_order_and_words() -> None:
    """docs/rules.md §8: the line, then a field not a text (plan, priority, at, tz, metric, case, country), then plan and at."""
    lines = [
        {"priority": 5, "note": 1},
        {"country": 5, "tz": 5, "priority": 6, "plan": "a/b", "at": "x"},
        {"case": 5, "country": True},
        {"priority": "P1", "at": ""},
        {"plan": "", "at": ""},
        {"plan": "stratiteq/sos", "priority": "P3", "at": ""},
        {"plan": "stratiteq/sos", "priority": "P3", "at": None, "metric": 5.0},
        {"plan": "stratiteq/sos", "at": "2026-11-23T15:00:00+01:00", "it's": 1},
    ]
    code, out, _ = run(args(batch="-"), "".join(json.dumps(line) + "\n" for line in lines))
    assert code == 1
    assert [json.loads(line) for line in out.splitlines()] == [
        {"error": "line 1 has an unknown field 'note'; known: at, case, country, metric, plan, priority, tz", "line": 1, "field": None},
        {"error": 'line 2: "priority" must be a text or null, not 6', "line": 2, "field": "priority"},
        {"error": 'line 3: "case" must be a text or null, not 5', "line": 3, "field": "case"},
        {"error": 'line 4 lacks "plan"', "line": 4, "field": "plan"},
        {"error": 'line 5 lacks "plan"', "line": 5, "field": "plan"},
        {"error": 'line 6 lacks "at"', "line": 6, "field": "at"},
        {"error": 'line 7: "metric" must be a text or null, not 5.0', "line": 7, "field": "metric"},
        # a name is quoted as given between single quotes (docs/rules.md §7), not as Python's repr would
        {"error": "line 8 has an unknown field 'it's'; known: at, case, country, metric, plan, priority, tz", "line": 8, "field": None},
    ]


def test_batch_agrees_with_single_cases(tmp_path: Path) -> None:
    evaluator = Evaluator(export_project(sample_project(), YEARS))
    start = date(2026, 12, 21)
    cases = []
    for n in range(200):
        day = start + timedelta(days=n % 14)
        at = f"{day.isoformat()}T{(n * 7) % 24:02d}:{(n * 13) % 60:02d}:00+01:00"
        cases.append({"plan": "stratiteq/sos", "priority": f"P{1 + n % 4}", "at": at})
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(c) + "\n" for c in cases), encoding="utf-8")
    code, out, _ = run(args(batch=str(path)))
    assert code == 0
    answers = [json.loads(line) for line in out.splitlines()]
    expected = [{"due": evaluator.due(c["plan"], c["priority"], c["at"]).isoformat()} for c in cases]
    assert answers == expected


def test_unreadable_batch_file_exits_2(tmp_path: Path) -> None:
    code, out, err = run(args(batch=str(tmp_path / "missing.jsonl")))
    assert code == 2 and out == ""
    assert err.startswith("error: cannot read the batch file") and "missing.jsonl" in err
    code, out, err = run(args(batch=str(tmp_path)))  # a folder
    assert code == 2 and out == "" and "Is a directory" in err and "Traceback" not in err


# --- priority -----------------------------------------------------------------------------------


def test_priority_command() -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run_priority(sample_project(), "stratiteq", "low", "urgent", stdout=out, stderr=err) == 0
    assert out.getvalue() == "P3\n"
    out, err = io.StringIO(), io.StringIO()
    assert run_priority(sample_project(), "stratiteq", "medium", "urgent", years=YEARS, stdout=out, stderr=err) == 1
    assert err.getvalue().startswith("error: vendor 'stratiteq' has no impact 'medium'") and out.getvalue() == ""
    # An outside author gave the urgency first: the message says which is which.
    out, err = io.StringIO(), io.StringIO()
    assert run_priority(sample_project(), "stratiteq", "urgent", "low", years=YEARS, stdout=out, stderr=err) == 1
    assert err.getvalue() == (
        "error: vendor 'stratiteq' has no impact 'urgent'; 'urgent' is an urgency: give the impact first, then the urgency\n"
    )


# --- the real command on the real plan files -----------------------------------------------------


def build(*argv: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BUILD_PY), *argv], cwd=ROOT, input=stdin, capture_output=True, text=True, timeout=120
    )


def _plain_monday() -> date:
    """A Monday in late November of this year: no Swedish holiday or eve that week."""
    day = date(default_years()[0], 11, 16)
    return day + timedelta(days=(7 - day.weekday()) % 7)


@pytest.mark.skipif(not (PLANS / "stratiteq.plan").exists(), reason="needs the Stratiteq plan file")
def test_build_py_due_on_the_stratiteq_plan() -> None:
    monday = _plain_monday()
    done = build("due", "stratiteq/sos", "P3", f"{monday.isoformat()}T15:00:00+01:00")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == f"{(monday + timedelta(days=1)).isoformat()}T14:00:00+01:00\n"

    done = build("due", "stratiteq/sos", "P3", f"{monday.isoformat()}T15:00:00")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("error: ") and "UTC offset" in done.stderr and "Traceback" not in done.stderr

    lines = [
        json.dumps({"plan": "stratiteq/sos", "priority": "P3", "at": f"{monday.isoformat()}T15:00:00+01:00"}),
        json.dumps({"plan": "stratiteq/nope", "priority": "P3", "at": f"{monday.isoformat()}T15:00:00+01:00"}),
    ]
    done = build("due", "--batch", "-", stdin="\n".join(lines) + "\n")
    assert done.returncode == 1  # the second line is an error
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert answers[0] == {"due": f"{(monday + timedelta(days=1)).isoformat()}T14:00:00+01:00"}
    assert "has no plan 'nope'" in answers[1]["error"]


@pytest.mark.skipif(not (PLANS / "stratiteq.plan").exists(), reason="needs the Stratiteq plan file")
def test_seed_example_on_the_real_plan() -> None:
    from dsl.language.loader import load_project

    project = load_project([PLANS]).project
    assert project is not None
    out, err = io.StringIO(), io.StringIO()
    code = run_due(project, "stratiteq/sos", ["P3", "2026-11-23T15:00:00+01:00"], stdin=io.StringIO(), stdout=out, stderr=err)
    assert (code, out.getvalue(), err.getvalue()) == (0, "2026-11-24T14:00:00+01:00\n", "")


def test_due_gives_its_answer_with_the_plans_warnings_counted_not_printed(tmp_path: Path) -> None:
    """An outside author's English-only offer had 96 warnings (texts without sv, it, pl): `due` printed 481 lines
    of them before its one-line answer. Now one note counts them; errors are still printed in full."""
    plans = tmp_path / "plans"
    plans.mkdir()
    vendor = """vendor acme {
  name "Acme"
  language en
  intro { en "Support for every customer." }
  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }
  plan basic {
    name "Basic"
    description { en "Business hours." }
    target first-response all 4h on office
  }
}
"""
    (plans / "acme.plan").write_text(vendor, encoding="utf-8")
    command = [sys.executable, str(BUILD_PY), "--project", str(tmp_path)]
    checked = subprocess.run([*command, "check"], capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0 and checked.stderr.count("warning[T0404]") >= 2, checked.stderr
    done = subprocess.run([*command, "due", "acme/basic", "2026-11-23T15:00:00+01:00"], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "2026-11-24T10:00:00+01:00\n"), done.stderr
    count = checked.stderr.count("warning[")
    assert count >= 2 and done.stderr == f"note: {count} warnings in the plan files not shown here; `tierwise check` lists them.\n"
    (plans / "acme.plan").write_text(vendor.replace("on office", "on offce"), encoding="utf-8")
    broken = subprocess.run([*command, "due", "acme/basic", "2026-11-23T15:00:00+01:00"], capture_output=True, text=True, timeout=120)
    assert broken.returncode == 1 and "acme.plan:9:" in broken.stderr and "error[" in broken.stderr


def test_python_m_dsl_cli_is_the_command() -> None:
    """`python -m dsl.cli due …` answers as `tierwise due …`; it once imported the module and exited 0 without a word."""
    done = subprocess.run([sys.executable, "-m", "dsl.cli", "due", "stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "2026-11-24T14:00:00+01:00\n"), done.stderr


def test_now_is_this_moment_in_this_machine_s_zone(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`tierwise due stratiteq/sos P1 now` answers for a ticket reported at this moment, as the same moment written out."""
    from datetime import datetime as moment

    from dsl import cli

    reported = moment.fromisoformat("2026-12-23T16:30:00+01:00")
    monkeypatch.setattr(cli, "_now", lambda: reported)
    assert cli.main(["--project", str(ROOT), "due", "stratiteq/sos", "P1", "now"]) == 0
    said = capsys.readouterr().out
    assert cli.main(["--project", str(ROOT), "due", "stratiteq/sos", "P1", reported.isoformat()]) == 0
    assert said == capsys.readouterr().out and said.startswith("2026-12-2")
