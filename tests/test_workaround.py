"""The metric `workaround` end to end: a plan's workaround targets on the vendor page in every language,
in the rule export (valid against the schema), and the same deadline from `tierwise due --metric
workaround`, the JavaScript evaluator (sla.js) and the brute-force oracle; and the ticket clock's
`workaround` event in Python, in assets/ticket.js and in the oracle."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from dsl.language.loader import load_text
from dsl.language.vocabulary import METRICS
from dsl.rules.export import dumps, export_project, schema_text, structural_problems
from dsl.site import views as site
from dsl.site.render import render_site
from support import oracle
from support.paths import BUILD_PY, ROOT
from support.site import words
from support.ticket_agreement import due_answers, event_tickets, ticket_answers

NODE = shutil.which("node")
YEARS = (2026, 2028)
PLAN = """vendor acme {
  name "Acme"
  language en
  priorities levels {
    level P1 { name { sv "Kritisk" it "Critica" pl "Krytyczny" en "Critical" } }
    level P2 { name { sv "Hög" it "Alta" pl "Wysoki" en "High" } }
  }
  calendar office {
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
    closed holidays SE
  }
  plan gold {
    name "Gold"
    target first-response P1 1h on office
    target workaround P1 4h on office
    target resolution P1 5 business days on office
    target first-response P2 4h on office
    target workaround P2 2 business days on office
    target resolution P2 10 business days on office
  }
}
"""
# Monday afternoon, a Friday before a weekend, Christmas week (Swedish holidays), a Saturday.
MOMENTS = ("2026-11-23T15:00:00+01:00", "2026-11-27T16:30:00+01:00", "2026-12-23T11:00:00+01:00", "2026-11-28T10:00:00+01:00")


@pytest.fixture(scope="module")
def project():
    result = load_text(PLAN, "acme.plan")
    assert not result.diagnostics, [d.message for d in result.diagnostics]
    assert result.project is not None
    return result.project


@pytest.fixture(scope="module")
def rules(project):
    return export_project(project, YEARS)


def test_workaround_is_a_metric_between_status_updates_and_resolution():
    assert METRICS.index("workaround") == METRICS.index("status-update") + 1 == METRICS.index("resolution") - 1


# --- the page --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    render_site(project, out, words(), "https://tierwise.example/", warnings=site.Warnings())
    return out


@pytest.mark.parametrize(
    "lang, title, hours, days",
    [
        ("sv", "Tillfällig lösning", "4 timmar", "2 arbetsdagar"),
        ("it", "Soluzione temporanea", "4 ore", "2 giorni lavorativi"),
        ("pl", "Obejście problemu", "4 godziny", "2 dni robocze"),
        ("en", "Workaround", "4 hours", "2 business days"),
    ],
)
def test_the_vendor_page_shows_the_workaround_targets_in_every_language(built, lang, title, hours, days):
    page = (built / lang / "acme" / "index.html").read_text(encoding="utf-8")
    # Its own table, after the first response and before the resolution, as the vocabulary orders them.
    start = page.index(f'<h3 id="m-workaround">{title}</h3>')
    assert page.index('<h3 id="m-first-response">') < start < page.index('<h3 id="m-resolution">')
    table = page[start : page.index("</table>", start)]
    assert f'<td class="t-guaranteed">{hours}</td>' in table and f'<td class="t-guaranteed">{days}</td>' in table
    # The calculator offers it as a choice.
    assert f'<option value="workaround">{title}</option>' in page


# --- the rule export -------------------------------------------------------------------------------


def test_the_workaround_targets_are_exported_and_the_schema_accepts_them(rules):
    assert rules["format_version"] == "1.14"
    assert rules["metrics"] == list(METRICS)
    targets = [t for t in rules["vendors"]["acme"]["plans"]["gold"]["targets"] if t["metric"] == "workaround"]
    assert [(t["priority"], t["minutes"], t["business_days"], t["calendar"]) for t in targets] == [
        ("P1", 240, None, "office"),
        ("P2", None, 2, "office"),
    ]
    jsonschema.Draft202012Validator(json.loads(schema_text())).validate(rules)
    assert structural_problems(rules) == []


def test_the_schema_refuses_a_metric_the_vocabulary_does_not_have(rules):
    broken = json.loads(dumps(rules))
    broken["vendors"]["acme"]["plans"]["gold"]["targets"][1]["metric"] = "work-around"
    assert not jsonschema.Draft202012Validator(json.loads(schema_text())).is_valid(broken)


# --- one deadline: the command line, the JavaScript evaluator and the oracle agree --------------------


def _questions() -> list[oracle.Question]:
    return [oracle.Question("acme/gold", level, at, None, "workaround") for level in ("P1", "P2") for at in MOMENTS]


def _cli_due(project_dir: Path, q: oracle.Question) -> str:
    command = [sys.executable, str(BUILD_PY), "--project", str(project_dir), "due", q.plan, q.priority or "", q.at, "--metric", "workaround"]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_due_metric_workaround_equals_sla_js_and_the_oracle(project, rules, tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "acme.plan").write_text(PLAN, encoding="utf-8")
    questions = _questions()
    due_answers(project, rules, questions, YEARS, tmp_path)
    # The command line, once per kind of target (hours, business days): it reads the plan files itself.
    for q in (questions[0], questions[len(MOMENTS) + 1]):
        assert _cli_due(tmp_path, q) == oracle.deadline(project, YEARS, q).isoformat()


# --- the ticket clock: a `workaround` event meets the metric -----------------------------------------

TICKETS = event_tickets("acme/gold", "workaround")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_workaround_event_meets_the_metric_alike_in_python_javascript_and_the_oracle(project, rules, tmp_path):
    python = ticket_answers(project, rules, TICKETS, YEARS, tmp_path)
    assert [a["metrics"]["workaround"]["state"] for a in python] == ["met", "breached", "running", "met"]
