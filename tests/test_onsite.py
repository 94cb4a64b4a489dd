"""The metric `on-site` (format 1.6) end to end: a technician on site within 4 service hours (P1), the next
business day (P2). Its checks (the ones every metric has, and T0816: on site before the first response),
the vendor page in every language, the calculator (offered where a vendor has such a target, not
otherwise), the rule export and its schema, and the same deadline from `tierwise due --metric on-site`, the
Python evaluator, the JavaScript evaluator (sla.js) and the brute-force oracle; the ticket clock's
`on-site` event in Python, assets/ticket.js and the oracle."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from dsl.language.loader import load_project, load_text
from dsl.language.vocabulary import METRICS
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import export_project, schema_text, structural_problems
from dsl.site import views as site
from dsl.site.render import render_site
from support import oracle
from support.language_plans import ALL, only, problems
from support.paths import BUILD_PY, ROOT
from support.site import words
from support.ticket_agreement import due_answers, event_tickets, ticket_answers

NODE = shutil.which("node")
YEARS = (2026, 2028)
PLAN = """vendor fieldco {
  name "Fieldco"
  language en
  priorities levels {
    level P1 { name { sv "Kritisk" it "Critica" pl "Krytyczny" en "Critical" } }
    level P2 { name { sv "Hög" it "Alta" pl "Wysoki" en "High" } }
    level P3 { name { sv "Normal" it "Normale" pl "Normalny" en "Normal" } }
  }
  calendar service {
    zone Europe/Berlin
    open mon-fri 08:00-17:00
    closed holidays DE BY
  }
  plan basic {
    name "Basic"
    target first-response all 4h on service
  }
  plan onsite {
    name "On-site"
    target first-response P1 1h on service
    target first-response all 4h on service
    target on-site P1 4h on service
    target on-site P2 end of 1 business day on service
    target on-site P3 none
  }
}
"""
REMOTE = """vendor remote {
  name "Remote"
  language en
  calendar office {
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
  }
  plan only {
    name "Only"
    target first-response all 2h on office
    target on-site all none
  }
}
"""
# Monday afternoon, a Friday afternoon before the weekend, before a Bavarian holiday (Epiphany), a Saturday.
MOMENTS = ("2026-11-23T15:00:00+01:00", "2026-11-27T15:30:00+01:00", "2027-01-05T14:00:00+01:00", "2026-11-28T10:00:00+01:00")


def _write(folder: Path) -> Path:
    """A project folder with both vendors' plan files."""
    (folder / "plans").mkdir()
    (folder / "plans" / "fieldco.plan").write_text(PLAN, encoding="utf-8")
    (folder / "plans" / "remote.plan").write_text(REMOTE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    result = load_project([_write(tmp_path_factory.mktemp("project")) / "plans"])
    assert not result.diagnostics, [d.message for d in result.diagnostics]
    assert result.project is not None
    return result.project


@pytest.fixture(scope="module")
def rules(project):
    return export_project(project, YEARS)


def test_on_site_is_a_metric_after_the_first_response():
    assert METRICS.index("on-site") == METRICS.index("first-response") + 1


# --- the checks: those of every metric, and T0816 ----------------------------------------------------

LEVELS = (
    'vendor v {\n  name "V"\n  language sv\n'
    "  priorities levels { level P1 { name { " + ALL + " } } level P2 { name { " + ALL + " } } }\n"
    "  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n"
    '  plan p {\n    name "P"\n'
)


def _targets(*lines: str) -> str:
    return LEVELS + "".join(f"    {line}\n" for line in lines) + "  }\n}\n"


def test_an_on_site_target_given_twice_is_located_at_the_second():
    message, line, column, hint = only(_targets("target on-site P1 4h on office", "target on-site P1 8h on office"))
    assert (message, line, column) == ("target 'on-site P1' is defined twice", 9, 5)
    assert hint is not None and hint.startswith("the first is at t.plan:8")


def test_an_on_site_target_for_an_unknown_priority_or_calendar_is_located():
    assert only(_targets("target on-site P7 4h on office")) == ("unknown priority 'P7'", 8, 20, "known here: 'P1', 'P2'")
    assert only(_targets("target on-site P1 4h on ofice")) == ("unknown calendar 'ofice'", 8, 29, "did you mean 'office'?")
    message, line, column, _ = only(_targets("target on-site P2 4h"))
    assert (message, line, column) == ("this target does not say which clock it runs on", 8, 5)


def test_on_site_sooner_than_the_first_response_is_a_located_warning():
    text = _targets("target first-response P1 2h on office", "target on-site P1 1h 30min on office")
    assert only(text, severity="warning") == (
        "target 'on-site P1' (1h 30min) is shorter than target 'first-response P1' (2h)",
        9,
        23,
        "a technician on site comes after the first response; check both (the response is at line 8)",
    )
    result = load_text(text, "t.plan")
    assert [d.code for d in result.diagnostics] == ["T0816"] and not result.errors


def test_on_site_business_days_sooner_than_an_all_response_warn_too():
    text = _targets("target first-response all 2 business days on office", "target on-site P2 1 business day on office")
    message, line, column, hint = only(text, severity="warning")
    assert (message, line, column) == (
        "target 'on-site P2' (1 business day) is shorter than target 'first-response all' (2 business days)", 9, 23,
    )
    assert hint == "a technician on site comes after the first response; check both (the response is at line 8)"


@pytest.mark.parametrize(
    "lines",
    [
        # Response 1 h, on site 4 h: the usual order; and an equal time is not sooner.
        ("target first-response P1 1h on office", "target on-site P1 4h on office"),
        ("target first-response all 4h on office", "target on-site P1 4h on office"),
        # Counted on different clocks, or one in hours and one in days: not comparable without a ticket.
        ("target first-response all 8h on office", "target on-site P1 4h on always"),
        ("target first-response all 8h on office", "target on-site P2 end of 1 business day on office"),
        # Another priority's response, another version's, or no guaranteed time: nothing to compare.
        ("target first-response P2 8h on office", "target on-site P1 4h on office"),
        ("target first-response all 8h on office from 2027-01-01", "target on-site P1 4h on office"),
        ("target first-response all 8h on office", "target on-site P1 none"),
    ],
)
def test_on_site_after_the_response_or_not_comparable_gives_no_warning(lines):
    text = _targets(*lines).replace("  plan p", "  calendar always { open 24x7 }\n  plan p")
    assert problems(text, severity="warning") == [] and problems(text) == []


# --- the page and the calculator -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    render_site(project, out, words(), "https://tierwise.example/", warnings=site.Warnings())
    return out


@pytest.mark.parametrize(
    "lang, title, hours, next_day, none",
    [
        ("sv", "Tekniker på plats", "4 timmar", "senast vid slutet av nästa arbetsdag", "Ingen garanterad tid"),
        ("it", "Intervento on-site", "4 ore", "entro la fine del giorno lavorativo successivo", "Nessun tempo garantito"),
        ("pl", "Przyjazd technika", "4 godziny", "do końca następnego dnia roboczego", "Brak gwarancji czasu"),
        ("en", "Technician on site", "4 hours", "by the end of the next business day", "No guaranteed time"),
    ],
)
def test_the_vendor_page_shows_the_on_site_targets_in_every_language(built, lang, title, hours, next_day, none):
    # The site keeps short hyphenated words whole with a word joiner (U+2060: "on-site"); the words are compared without it.
    page = (built / lang / "fieldco" / "index.html").read_text(encoding="utf-8").replace("\u2060", "")
    # Its own table, after the first response, as the vocabulary orders the metrics.
    start = page.index(f'<h3 id="m-on-site">{title}</h3>')
    assert page.index('<h3 id="m-first-response">') < start
    table = page[start : page.index("</table>", start)]
    assert f'<td class="t-guaranteed">{hours}</td>' in table
    assert f'<td class="t-guaranteed">{next_day}</td>' in table and f'<td class="t-none">{none}</td>' in table
    # The calculator offers it, for the vendor that has on-site times.
    assert f'<option value="on-site">{title}</option>' in page


def test_the_calculator_offers_on_site_only_where_a_tier_has_a_time(built):
    for lang in ("sv", "it", "pl", "en"):
        page = (built / lang / "remote" / "index.html").read_text(encoding="utf-8")
        # Remote states "no on-site time": the table says so, the calculator has nothing to count.
        assert '<h3 id="m-on-site">' in page
        assert 'value="on-site"' not in page and 'value="first-response"' in page


def test_a_vendor_without_on_site_targets_has_no_on_site_table_or_choice(tmp_path):
    no_onsite = PLAN.replace("    target on-site P1 4h on service\n", "").replace(
        "    target on-site P2 end of 1 business day on service\n", "").replace("    target on-site P3 none\n", "")
    plain = load_text(no_onsite, "fieldco.plan").project
    assert plain is not None
    render_site(plain, tmp_path, words(), "https://tierwise.example/", warnings=site.Warnings())
    page = (tmp_path / "en" / "fieldco" / "index.html").read_text(encoding="utf-8")
    assert 'id="m-on-site"' not in page and 'value="on-site"' not in page


def test_the_comparison_treats_on_site_as_it_treats_the_workaround(built):
    # Neither has a column of its own: the comparison shows the first response (docs/site.md).
    for lang, onsite, workaround in (("sv", "Tekniker på plats", "Tillfällig lösning"), ("en", "Technician on site", "Workaround")):
        page = (built / lang / "compare" / "index.html").read_text(encoding="utf-8")
        assert (onsite in page) == (workaround in page) == False  # noqa: E712


# --- the rule export -------------------------------------------------------------------------------


def test_the_on_site_targets_are_exported_and_the_schema_accepts_them(rules):
    assert rules["format_version"] == "1.14"
    assert rules["metrics"] == list(METRICS)
    targets = [t for t in rules["vendors"]["fieldco"]["plans"]["onsite"]["targets"] if t["metric"] == "on-site"]
    assert [(t["priority"], t["minutes"], t["business_days"], t.get("days_rule"), t["calendar"]) for t in targets] == [
        ("P1", 240, None, None, "service"),
        ("P2", None, 1, "day-end", "service"),
        ("P3", None, None, None, None),
    ]
    jsonschema.Draft202012Validator(json.loads(schema_text())).validate(rules)
    assert structural_problems(rules) == []


def test_a_tier_without_an_on_site_time_has_no_deadline(rules):
    evaluator = Evaluator(rules)
    with pytest.raises(RuleError, match="states no on-site target"):
        evaluator.due("fieldco/basic", "P1", MOMENTS[0], metric="on-site")
    with pytest.raises(RuleError, match="guarantees no on-site time"):
        evaluator.due("fieldco/onsite", "P3", MOMENTS[0], metric="on-site")


# --- one deadline: the command line, the JavaScript evaluator and the oracle agree --------------------


def _questions() -> list[oracle.Question]:
    return [oracle.Question("fieldco/onsite", level, at, None, "on-site") for level in ("P1", "P2") for at in MOMENTS]


def test_the_oracle_reads_the_promise_as_written(project):
    # Friday 15:30 + 4 service hours: 1.5 h on Friday, 2.5 h on Monday -> Monday 10:30; the next business day
    # after Tuesday 5 January 2027 is Thursday 7 January (Epiphany is a Bavarian holiday): its closing time.
    assert oracle.deadline(project, YEARS, _questions()[1]).isoformat() == "2026-11-30T10:30:00+01:00"
    assert oracle.deadline(project, YEARS, _questions()[len(MOMENTS) + 2]).isoformat() == "2027-01-07T17:00:00+01:00"


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_due_metric_on_site_equals_sla_js_and_the_oracle(project, rules, tmp_path):
    _write(tmp_path)
    questions = _questions()
    due_answers(project, rules, questions, YEARS, tmp_path)
    # The command line, once per kind of target (hours, the next business day): it reads the plan files itself.
    for q in (questions[1], questions[len(MOMENTS) + 2]):
        command = [sys.executable, str(BUILD_PY), "--project", str(tmp_path), "due", q.plan, q.priority or "", q.at, "--metric", "on-site"]
        run = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        assert run.stdout.strip() == oracle.deadline(project, YEARS, q).isoformat()


def test_due_help_lists_on_site():
    run = subprocess.run([sys.executable, str(BUILD_PY), "due", "--help"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert run.returncode == 0 and "on-site" in run.stdout


# --- the ticket clock: an `on-site` event meets the metric -------------------------------------------

TICKETS = event_tickets("fieldco/onsite", "on-site")


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_on_site_event_meets_the_metric_alike_in_python_javascript_and_the_oracle(project, rules, tmp_path):
    python = ticket_answers(project, rules, TICKETS, YEARS, tmp_path)
    assert [a["metrics"]["on-site"]["state"] for a in python] == ["met", "breached", "running", "met"]
