"""Issue 10: effective-dated targets (`from DATE`), the horizon (`horizon FIRST-LAST`), and their export."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import datetime

import pytest

from dsl.language.loader import load_text
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import default_years, export_project, load_schema
from support.paths import ROOT

VENDOR = '''vendor acme {{
  name "Acme"
  language en
  calendar office-hours {{
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
  }}
  priorities levels {{
    level P1 {{ name "P1" }}
    level P2 {{ name "P2" }}
  }}
{plan}}}
'''


def _docs_plan() -> str:
    """The example of docs/language.md, "Targets that change on a date"."""
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    section = text[text.index("### Targets that change on a date"):]
    return section.split("```\n", 2)[1]


def _load(plan: str, horizon: str = ""):
    return load_text(horizon + VENDOR.format(plan=plan), "v.plan")


def test_the_documented_example_checks_and_exports_every_version():
    result = _load(_docs_plan())
    assert not result.errors, [d.message for d in result.errors]
    rules = export_project(result.project, (2026, 2028))
    targets = rules["vendors"]["acme"]["plans"]["standard"]["targets"]
    assert [(t["id"], t["from"], t["until"]) for t in targets] == [
        ("first-response/P1", None, "2027-07-01"),
        ("first-response/P1@2027-07-01", "2027-07-01", None),
        ("resolution/all", None, "2027-01-01"),
        ("resolution/all@2027-01-01", "2027-01-01", None),
    ]
    assert rules["vendors"]["acme"]["plans"]["standard"]["id"] == "standard"
    import jsonschema

    jsonschema.validate(rules, load_schema())


def test_a_ticket_keeps_the_terms_in_force_when_it_was_reported():
    rules = export_project(_load(_docs_plan()).project, (2026, 2028))
    evaluator = Evaluator(rules)
    # Office 08:00-17:00; P1 2 h until 30 June 2027, 1 h from 1 July (Stockholm midnight, +02:00).
    assert evaluator.due("acme/standard", "P1", "2027-06-30T16:30:00+02:00").isoformat() == "2027-07-01T09:30:00+02:00"
    assert evaluator.due("acme/standard", "P1", "2027-07-01T08:00:00+02:00").isoformat() == "2027-07-01T09:00:00+02:00"
    # 30 June 22:30 UTC is already 1 July 00:30 in Stockholm: the new version.
    assert evaluator.due("acme/standard", "P1", "2027-06-30T22:30:00Z").isoformat() == "2027-07-01T09:00:00+02:00"
    # The integer interface picks the version by the same instant.
    clock = evaluator.clock("acme/standard", "P1")
    before, after = (int(datetime.fromisoformat(t).timestamp()) * 1_000_000 for t in ("2027-06-30T21:30:00Z", "2027-06-30T22:30:00Z"))
    assert clock.due_us(before) == clock.due_us(after) + 3_600_000_000  # 09:30 under the old 2 h, 09:00 under the new 1 h
    # Business days, 3 then 2 from 1 January 2027.
    assert evaluator.due("acme/standard", "P2", "2026-12-28T10:00:00+01:00", metric="resolution").isoformat() == "2026-12-31T10:00:00+01:00"
    assert evaluator.due("acme/standard", "P2", "2027-01-04T10:00:00+01:00", metric="resolution").isoformat() == "2027-01-06T10:00:00+01:00"


def _docs_block() -> str:
    """The `terms from DATE { ... }` example of docs/language.md, "Targets that change on a date"."""
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    section = text[text.index("### Targets that change on a date"):]
    return section.split("```\n", 4)[3]


def test_a_terms_from_block_is_each_target_written_with_that_date():
    block = _docs_block()
    assert "terms from 2027-01-01 {" in block
    # The same plan written with `from 2027-01-01` on each target instead of the block.
    lines = (
        'plan standard {\n  name "Standard"\n  target first-response P1 2h on office-hours\n'
        "  target resolution all 3 business days on office-hours\n"
        "  target first-response P1 1h on office-hours from 2027-01-01\n"
        "  target resolution all 2 business days on office-hours from 2027-01-01\n}\n"
    )
    by_block, by_line = _load(block), _load(lines)
    assert by_block.diagnostics == [] and by_line.diagnostics == [], [d.message for d in by_block.diagnostics]
    assert export_project(by_block.project, (2026, 2028)) == export_project(by_line.project, (2026, 2028))
    evaluator = Evaluator(export_project(by_block.project, (2026, 2028)))
    # 2 h before the new terms (the calendar has no holidays), 1 h after.
    assert evaluator.due("acme/standard", "P1", "2026-12-31T16:30:00+01:00").isoformat() == "2027-01-01T09:30:00+01:00"
    assert evaluator.due("acme/standard", "P1", "2027-01-04T16:30:00+01:00").isoformat() == "2027-01-05T08:30:00+01:00"


def test_a_version_in_a_block_and_one_on_a_line_from_the_same_date_clash_at_the_block_date():
    plan = (
        '  plan basic {\n    name "Basic"\n    target first-response P1 4h on office-hours from 2027-01-01\n'
        "    terms from 2027-01-01 {\n      target first-response P1 2h on office-hours\n    }\n  }\n"
    )
    result = _load(plan)
    [clash] = [d for d in result.errors if d.code == "T0808"]
    assert (clash.pos.line, clash.pos.column) == (15, 16)  # the block's date


def test_an_empty_terms_block_is_a_warning_at_the_block():
    result = _load('  plan basic {\n    name "Basic"\n    terms from 2027-01-01 { }\n  }\n')
    [empty] = result.diagnostics
    assert (empty.code, empty.message, empty.pos.line, empty.pos.column) == ("T0812", "the terms from 2027-01-01 name no target", 14, 5)


def test_before_its_first_version_a_plan_states_no_such_target():
    plan = '  plan late {\n    name "Late"\n    target first-response all 4h on office-hours from 2027-01-01\n  }\n'
    evaluator = Evaluator(export_project(_load(plan).project, (2026, 2028)))
    with pytest.raises(RuleError, match="states no first-response target"):
        evaluator.due("acme/late", "P1", "2026-12-31T10:00:00+01:00")
    assert evaluator.due("acme/late", "P1", "2027-01-04T10:00:00+01:00").isoformat() == "2027-01-04T14:00:00+01:00"


def test_a_question_that_no_version_answers_is_refused_with_the_targets_in_force_at_its_report():
    # §5 step 8: only the targets in force at the report take part, also in the "per priority" list. P2's
    # registration target begins in 2027, so a question without a priority lists P1 alone before it and P1, P2
    # from it. The Python engine once gave the first span's refusal for every report (sla.js did not).
    plan = ('  plan gold {\n    name "Gold"\n    target registration P1 1h on office-hours\n'
            '    target registration P2 2h on office-hours from 2027-01-01\n  }\n')
    rules = export_project(_load(plan).project, (2026, 2028))
    moments = ("2026-06-01T10:00:00+02:00", "2027-06-01T10:00:00+02:00")
    asked = [{"plan": "acme/gold", "priority": None, "at": at, "metric": "registration"} for at in moments]
    wanted = ["plan 'acme/gold' sets its registration targets per priority; give one of: P1",
              "plan 'acme/gold' sets its registration targets per priority; give one of: P1, P2"]
    evaluator = Evaluator(rules)
    for question, words in zip(asked, wanted, strict=True):
        with pytest.raises(RuleError, match=f"^{re.escape(words)}$"):
            evaluator.due(question["plan"], None, question["at"], metric="registration")
    assert evaluator.due("acme/gold", "P2", "2027-06-01T10:00:00+02:00", metric="registration").isoformat() == "2027-06-01T12:00:00+02:00"
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    line = json.dumps({"rules": rules, "questions": asked}) + "\n"
    answered = subprocess.run([node, str(ROOT / "tests" / "support" / "sla_answers.mjs")], input=line, capture_output=True, text=True, cwd=ROOT,
                              check=True, timeout=60)
    assert json.loads(answered.stdout) == [{"error": words, "field": "priority"} for words in wanted]


@pytest.mark.parametrize(
    ("lines", "code", "message", "where"),
    [
        (("target first-response all 8h on office-hours from 2027-01-01", "target first-response all 4h on office-hours from 2027-01-01"),
         "T0808", "two versions of target 'first-response all' apply from 2027-01-01", (15, 55)),
        (("target first-response all 4h on office-hours from 2028-01-01", "target first-response all 8h on office-hours from 2027-01-01"),
         "T0809", "the versions of target 'first-response all' are not in date order: 2027-01-01 is written after 2028-01-01", (15, 55)),
        (("target first-response P1 4h on office-hours from 2028-01-01", "target first-response P1 8h on office-hours"),
         "T0809", "the versions of target 'first-response P1' are not in date order: the one without a date must come first", (15, 5)),
    ],
)
def test_versions_out_of_order_or_on_one_date_are_located(lines, code, message, where):
    plan = '  plan basic {\n    name "Basic"\n' + "".join(f"    {line}\n" for line in lines) + "  }\n"
    result = _load(plan)
    found = [d for d in result.diagnostics if d.code == code]
    assert [d.message for d in found] == [message]
    assert (found[0].pos.line, found[0].pos.column) == where


@pytest.mark.parametrize(
    ("horizon", "code", "message", "where"),
    [
        ("horizon 2026-2028\nhorizon 2027-2029\n", "T0806", "the horizon is declared twice", (2, 1)),
        ("horizon 2028-2026\n", "T0807", "the horizon 2028-2026 is not a span of years", (1, 1)),
        ("horizon 2026-2050\n", "T0807", "the horizon 2026-2050 spans more than 20 years", (1, 1)),
    ],
)
def test_a_wrong_horizon_is_located(horizon, code, message, where):
    result = _load("", horizon)
    found = [d for d in result.diagnostics if d.code == code]
    assert [d.message for d in found] == [message]
    assert (found[0].pos.line, found[0].pos.column) == where


def test_the_horizon_is_the_default_span_and_the_document_says_until_when():
    project = _load("", "horizon 2027-2029\n").project
    assert default_years(project) == (2027, 2029)
    rules = export_project(project, default_years(project))
    assert rules["years"] == {"first": 2027, "last": 2029, "valid_until": "2029-12-31"}
    # 1.3 "languages", 1.4 "workaround", 1.5 obligation "priorities" and availability, 1.6 "on-site",
    # 1.7 an obligation on the customer's holidays answered "none" without their country
    # 1.8 availability "credits_stated" (`credit none`: no service credits, told from not stated), 1.9 target "cutoff", 1.10 plan "penalties"
    assert rules["format_version"] == "1.14"
    # The project's own plans declare theirs.
    shared = (ROOT / "plans" / "shared.plan").read_text(encoding="utf-8")
    assert re.search(r"^horizon 20\d\d-20\d\d$", shared, re.M)


@pytest.mark.parametrize(
    ("lang", "cell"),
    [
        ("en", "2 hours; from 1 July 2027: 1 hour"),
        ("sv", "2 timmar; från och med 1 juli 2027: 1 timme"),
        ("it", "2 ore; dal 1º luglio 2027: 1 ora"),
        ("pl", "2 godziny; od 1 lipca 2027: 1 godzina"),
    ],
)
def test_the_site_shows_every_version_in_each_language(lang, cell):
    from dsl.site import views
    from support.site import words

    vendor = _load(_docs_plan()).project.vendors[0]
    tables = views.target_tables(vendor, views.Reader(lang, words()[lang], vendor, None))
    first_response = next(t for t in tables if t.metric == "first-response")
    shown = [c.text for row in first_response.rows for c in row.cells]
    assert shown[0].replace("\u00a0", " ") == cell


def test_the_home_card_says_the_response_in_force_first_not_a_later_faster_version():
    """An outside author's Enterprise tier: 30 min now, 15 min from 2027. The card said "15 minutes" before 2027."""
    from dsl.site import views
    from support.site import words

    plan = """  plan gold {
    name "Gold"
    target first-response P1 30min on office-hours
    target first-response P1 15min on office-hours from 2027-01-01
    target first-response P2 2h on office-hours
  }
"""
    vendor = _load(plan).project.vendors[0]
    reader = views.Reader("en", words()["en"], vendor, None)
    assert views.fastest_response(vendor, reader) == "30 minutes"
    assert [t.minutes for t in views.first_versions(vendor.plans[0])] == [30, 120]


def test_a_versioned_question_no_version_answers_is_refused_by_clock_and_each_report_in_its_own_words():
    # P1 from the start, P2 only from 2027: asked without a priority, no version gives a deadline.
    plan = ('  plan basic {\n    name "Basic"\n    target first-response P1 4h on office-hours\n'
            "    target first-response P2 2h on office-hours from 2027-01-01\n  }\n")
    result = _load(plan)
    assert not result.errors, [d.message for d in result.errors]
    evaluator = Evaluator(export_project(result.project, (2026, 2028)))
    # Evaluator.clock refuses, as for a question without versions, instead of a clock whose parts are missing.
    with pytest.raises(RuleError) as refused:
        evaluator.clock("acme/basic", None)
    assert str(refused.value) == "plan 'acme/basic' sets its first-response targets per priority; give one of: P1"
    assert refused.value.field == "priority"
    # A deadline still gets the words of the terms in force at its report, before and after the clock was refused.
    with pytest.raises(RuleError, match=r"give one of: P1, P2$"):
        evaluator.due("acme/basic", None, "2027-03-01T10:00:00+01:00")
    with pytest.raises(RuleError, match=r"give one of: P1$"):
        evaluator.due("acme/basic", None, "2026-03-01T10:00:00+01:00")
    # A question some version answers keeps its clock: the earliest answering version's target, each report's own.
    ready = evaluator.clock("acme/basic", "P2")
    assert ready.minutes == 120
    with pytest.raises(RuleError, match="states no first-response target for priority P2"):
        ready.due_us(int(datetime.fromisoformat("2026-06-01T10:00:00+02:00").timestamp()) * 1_000_000)


_CHILD = '''vendor acme {{
  name "Acme"
  language en
  calendar office {{
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
  }}
  plan gold {{
    name "Gold"
    target resolution all 24h on office
  }}
  plan platinum extends gold {{
    name "Platinum"
{child}
  }}
}}
'''


@pytest.mark.parametrize(
    ("child", "where"),
    [
        ("    target resolution all 12h on office from 2027-01-01", (14, 46)),
        ("    terms from 2027-01-01 {\n      target resolution all 12h on office\n    }", (14, 16)),
    ],
)
def test_a_child_with_only_dated_versions_of_an_inherited_target_is_warned(child: str, where: tuple[int, int]) -> None:
    """An outside author added Platinum's "from 1 January: 12 hours" and lost Gold's 24 hours until then."""
    result = load_text(_CHILD.format(child=child), "t.plan")
    found = [(d.code, d.message, (d.pos.line, d.pos.column)) for d in result.diagnostics]
    assert found == [("T0817", "target 'resolution all' of plan 'platinum' has no version before 2027-01-01", where)]


@pytest.mark.parametrize(
    "child",
    [
        "    target resolution all 24h on office\n    target resolution all 12h on office from 2027-01-01",  # the parent's, written again
        "    target first-response all 12h on office from 2027-01-01",  # a target the parent does not have
        "    target resolution all 12h on office",  # a plain replacement
    ],
)
def test_a_child_that_keeps_or_replaces_the_parents_target_is_not_warned(child: str) -> None:
    result = load_text(_CHILD.format(child=child), "t.plan")
    assert [d.code for d in result.diagnostics] == []
