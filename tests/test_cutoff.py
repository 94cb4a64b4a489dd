"""Cut-off times (format 1.9): `target on-site all end of 1 business day on office cut-off 15:00`.

A ticket reported at or after the cut-off on a business day of the target's calendar counts from that
calendar's first opening of the next business day (docs/language.md "A cut-off time", docs/rules.md §6).
End to end: the language and its diagnostics, the page in every language, the rule export and its schema,
the deadlines of docs/language.md's table from the Python engine, sla.js and the brute-force oracle, and
the ticket clock in Python, ticket.js and the oracle. tests/conformance holds 800 more (plan `cutoff`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import jsonschema
import pytest

from dsl.language.loader import load_text
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import export_project, load_schema
from dsl.site import views as site
from dsl.site.render import render_site
from support import oracle
from support.paths import BUILD_PY
from support.site import words
from support.ticket_agreement import due_answers, ticket_answers

NODE = shutil.which("node")
YEARS = (2026, 2027)
PLAN = """vendor boxco {
  name "Boxco"
  language en
  priorities levels {
    level P1 { name "Critical" }
    level P2 { name "Normal" }
  }
  calendar office {
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
    closed holidays SE
  }
  plan nbd {
    name "Next business day"
    target first-response all 4h on office cut-off 15:00
    target on-site all end of 1 business day on office cut-off 15:00
    target resolution P1 2 business days on office cut-off 12:00
  }
}
"""


def _load(text: str = PLAN):
    return load_text(text, "boxco.plan")


@pytest.fixture(scope="module")
def project():
    result = _load()
    assert not result.errors, [d.message for d in result.errors]
    return result.project


@pytest.fixture(scope="module")
def rules(project):
    return json.loads(json.dumps(export_project(project, YEARS)))


# docs/language.md "A cut-off time": the table, reports in the week of Monday 14 September 2026.
DOCS_TABLE = [
    ("2026-09-14T14:59:00+02:00", "2026-09-15T17:00:00+02:00", "2026-09-15T09:59:00+02:00"),  # Monday 14:59
    ("2026-09-14T15:00:00+02:00", "2026-09-16T17:00:00+02:00", "2026-09-15T12:00:00+02:00"),  # Monday 15:00
    ("2026-09-18T16:00:00+02:00", "2026-09-22T17:00:00+02:00", "2026-09-21T12:00:00+02:00"),  # Friday 16:00
    ("2026-09-19T10:00:00+02:00", "2026-09-21T17:00:00+02:00", "2026-09-21T12:00:00+02:00"),  # Saturday 10:00
]


@pytest.mark.parametrize(("at", "next_day", "hours"), DOCS_TABLE)
def test_the_docs_table(rules, at, next_day, hours):
    evaluator = Evaluator(rules)
    assert evaluator.due("boxco/nbd", "P2", at, metric="on-site").isoformat() == next_day
    assert evaluator.due("boxco/nbd", "P2", at).isoformat() == hours


def test_a_seconds_before_the_cut_off_is_before_it_and_the_cut_off_itself_after(rules):
    evaluator = Evaluator(rules)
    assert evaluator.due("boxco/nbd", "P2", "2026-09-14T14:59:59.999+02:00", metric="on-site").isoformat() == "2026-09-15T17:00:00+02:00"
    assert evaluator.due("boxco/nbd", "P2", "2026-09-14T15:00:00.000+02:00", metric="on-site").isoformat() == "2026-09-16T17:00:00+02:00"
    # In the calendar's zone: 13:30 UTC is 15:30 in Stockholm.
    assert evaluator.due("boxco/nbd", "P2", "2026-09-14T13:30:00Z", metric="on-site").isoformat() == "2026-09-16T17:00:00+02:00"


def test_after_the_cut_off_before_a_holiday_counts_from_the_day_after_it(rules):
    # Thursday 24 December 2026 is Christmas Eve, a de facto holiday, not a public one (`closed holidays SE`
    # keeps it open): 15:30 on the 23rd counts from the 24th at 08:00, and the business day after it is
    # Monday the 28th (Christmas Day, Boxing Day and the weekend are closed). 15:30 on the 24th counts from the 28th.
    evaluator = Evaluator(rules)
    assert evaluator.due("boxco/nbd", "P2", "2026-12-23T15:30:00+01:00", metric="on-site").isoformat() == "2026-12-28T17:00:00+01:00"
    assert evaluator.due("boxco/nbd", "P2", "2026-12-23T15:30:00+01:00").isoformat() == "2026-12-24T12:00:00+01:00"
    assert evaluator.due("boxco/nbd", "P2", "2026-12-24T15:30:00+01:00", metric="on-site").isoformat() == "2026-12-29T17:00:00+01:00"
    assert evaluator.due("boxco/nbd", "P2", "2026-12-24T15:30:00+01:00").isoformat() == "2026-12-28T12:00:00+01:00"


def test_business_days_same_time_count_from_the_opening(rules):
    # `2 business days cut-off 12:00`: Monday 13:00 counts from Tuesday 08:00, so Thursday 08:00.
    evaluator = Evaluator(rules)
    assert evaluator.due("boxco/nbd", "P1", "2026-09-14T13:00:00+02:00", metric="resolution").isoformat() == "2026-09-17T08:00:00+02:00"
    assert evaluator.due("boxco/nbd", "P1", "2026-09-14T11:00:00+02:00", metric="resolution").isoformat() == "2026-09-16T11:00:00+02:00"


def test_the_last_business_day_of_the_years_after_the_cut_off_is_beyond_them(rules):
    with pytest.raises(RuleError, match="after the last year the rules cover"):
        Evaluator(rules).due("boxco/nbd", "P2", "2027-12-30T16:00:00+01:00", metric="on-site")


def test_python_javascript_and_the_oracle_agree_on_the_table(project, rules, tmp_path):
    if NODE is None:
        pytest.skip("node is not installed")
    questions = [oracle.Question("boxco/nbd", "P2", at, None, metric) for at, _, _ in DOCS_TABLE for metric in (None, "on-site")]
    questions += [oracle.Question("boxco/nbd", "P1", at, None, m) for at in ("2026-12-23T15:30:00+01:00", "2026-12-24T15:30:00+01:00")
                  for m in (None, "on-site", "resolution")]
    due_answers(project, rules, questions, YEARS, tmp_path)


def test_the_ticket_clock_starts_where_the_cut_off_moves_it(project, rules, tmp_path):
    if NODE is None:
        pytest.skip("node is not installed")
    T = oracle.Ticket
    tickets = [
        T("boxco/nbd", "P2", "2026-09-14T16:00:00+02:00", "2026-09-15T10:00:00+02:00"),
        T("boxco/nbd", "P2", "2026-09-14T16:00:00+02:00", "2026-09-15T10:00:00+02:00", (("responded", "2026-09-14T16:30:00+02:00", None),)),
    ]
    answers = ticket_answers(project, rules, tickets, YEARS, tmp_path)
    running = answers[0]["metrics"]["first-response"]
    # Counted from Tuesday 08:00: two of the four hours gone at 10:00, nothing of Monday's last hour.
    assert (running["due"], running["elapsed_seconds"], running["remaining_seconds"]) == ("2026-09-15T12:00:00+02:00", 7200, 7200)
    answered = answers[1]["metrics"]["first-response"]
    assert (answered["state"], answered["elapsed_seconds"]) == ("met", 0)  # answered before its clock started


def test_the_export_and_the_schema(rules):
    targets = rules["vendors"]["boxco"]["plans"]["nbd"]["targets"]
    assert [t["cutoff"] for t in targets] == ["15:00", "15:00", "12:00"]
    assert rules["format_version"] == "1.14"
    jsonschema.Draft202012Validator(load_schema()).validate(rules)
    wrong = json.loads(json.dumps(rules))
    wrong["vendors"]["boxco"]["plans"]["nbd"]["targets"][0]["cutoff"] = "3pm"
    assert list(jsonschema.Draft202012Validator(load_schema()).iter_errors(wrong))


def test_a_target_without_a_cut_off_exports_null():
    rules = export_project(_load(PLAN.replace(" cut-off 15:00", "").replace(" cut-off 12:00", "")).project, YEARS)
    assert {t["cutoff"] for t in rules["vendors"]["boxco"]["plans"]["nbd"]["targets"]} == {None}


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "by the end of the next business day (tickets reported after 15:00 count from the next business day)"),
        ("sv", "senast vid slutet av nästa arbetsdag (ärenden som anmäls efter kl. 15:00 räknas från nästa arbetsdag)"),
        ("it", "entro la fine del giorno lavorativo successivo "
               "(le richieste segnalate dopo le ore 15:00 decorrono dal giorno lavorativo successivo)"),
        ("pl", "do końca następnego dnia roboczego (zgłoszenia złożone po godz. 15:00 są liczone od następnego dnia roboczego)"),
    ],
)
def test_the_vendor_page_says_the_cut_off_in_every_language(project, tmp_path_factory, lang, said):
    out = tmp_path_factory.mktemp(f"site-{lang}")
    render_site(project, out, words(), "https://tierwise.example/", warnings=site.Warnings())
    page = (out / lang / "boxco" / "index.html").read_text(encoding="utf-8").replace("\u2060", "").replace("\u00a0", " ")
    assert said in page


@pytest.mark.parametrize(
    ("line", "code", "message"),
    [
        ("target on-site all none cut-off 15:00", "T0850", "a cut-off on a target of 'none'"),
        ("target on-site all not published cut-off 15:00", "T0850", "a cut-off on a target of 'not published'"),
        ("target on-site all 4h on office cut-off 24:00", "T0851", "a cut-off at 24:00"),
        ("target on-site all 4h on office cut-off 00:00", "T0851", "a cut-off at 00:00"),
        ("target on-site all 4h on office cut-off 25:00", "T0509", "'25:00' is not a time of day"),
    ],
)
def test_a_cut_off_that_says_nothing_is_a_located_error(line, code, message):
    text = PLAN.replace("    target resolution P1 2 business days on office cut-off 12:00\n", f"    {line}\n")
    result = _load(text)
    found = [d for d in result.errors if d.code == code]
    assert found and found[0].message == message, [(d.code, d.message) for d in result.diagnostics]
    # Located at the cut-off's time, the line's last word.
    assert found[0].pos.line == 17 and text.splitlines()[16][found[0].pos.column - 1 :] == line.split()[-1]


@pytest.mark.parametrize("written", ["cutoff 15:00", "after 15:00", "cut off 15:00", "before 15:00"])
def test_a_cut_off_in_other_words_gets_the_form_as_a_hint(written):
    text = PLAN.replace("on office cut-off 12:00", f"on office {written}")
    result = _load(text)
    assert result.errors and result.errors[0].code == "T0101"
    assert "cut-off 15:00" in (result.errors[0].hint or ""), result.errors[0].hint


def test_explain_knows_both_codes():
    for code in ("T0850", "T0851"):
        run = subprocess.run([sys.executable, str(BUILD_PY), "explain", code], capture_output=True, text=True, timeout=60)
        assert run.returncode == 0 and "cut-off" in run.stdout, run.stdout + run.stderr
