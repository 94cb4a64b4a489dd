"""Who else a plan's terms apply to, and tiers without support, in the rule set and both evaluators.

Amanda's trial users get Premium's SLA: the plan file says `applies to trial { ... }` inside Premium,
the export carries `"aliases": {"trial": {"plan": "premium", ...}}`, and both evaluators answer
`amanda/trial` exactly as `amanda/premium`. A tier with `no support` is exported with
`"no_support": true` and both evaluators refuse it with that reason (docs/rules.md §2, §5, §7).
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from dsl.language.loader import load_text
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import export_project, load_schema
from support.paths import ROOT

jsonschema = pytest.importorskip("jsonschema")

PLAN = """
vendor acme {
  name "Acme"
  language en
  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }
  plan community {
    name "Community"
    no support
  }
  plan standard {
    name "Standard"
    target first-response all 8h on office
  }
  plan premium extends standard {
    name "Premium"
    applies to trial { sv "Testkunder" it "Clienti in prova" pl "Klienci w okresie próbnym" en "Trial customers" }
    target first-response all 2h on office
  }
}
"""

AT = "2026-11-23T16:00:00+01:00"  # a Monday, one hour before closing


@pytest.fixture(scope="module")
def rules() -> dict:
    result = load_text(PLAN, "acme.plan")
    assert not result.errors, result.errors
    return export_project(result.project, (2026, 2027))


def test_the_export_names_the_alias_and_the_tier_without_support(rules: dict) -> None:
    vendor = rules["vendors"]["acme"]
    assert vendor["aliases"] == {
        "trial": {
            "plan": "premium",
            "who": {"sv": "Testkunder", "it": "Clienti in prova", "pl": "Klienci w okresie próbnym", "en": "Trial customers"},
        }
    }
    assert vendor["plans"]["community"]["no_support"] is True
    assert vendor["plans"]["standard"]["no_support"] is False
    assert "trial" not in vendor["plans"]  # a consumer listing plans does not see the group twice
    jsonschema.validate(rules, load_schema())


def test_python_answers_an_alias_as_its_plan_and_refuses_a_tier_without_support(rules: dict) -> None:
    evaluator = Evaluator(rules)
    trial = evaluator.due("acme/trial", None, AT)
    assert trial == evaluator.due("acme/premium", None, AT)
    assert trial != evaluator.due("acme/standard", None, AT)  # premium's 2 h, not standard's 8 h
    assert trial.isoformat() == "2026-11-24T09:00:00+01:00"  # 1 h on Monday, 1 h from Tuesday 08:00
    with pytest.raises(RuleError, match=r"plan 'acme/community' offers no support: there is no deadline"):
        evaluator.due("acme/community", None, AT)
    with pytest.raises(RuleError, match=r"no plan 'trail'; did you mean 'trial'\?"):
        evaluator.due("acme/trail", None, AT)
    # Messages name the plan as asked, alias and all (docs/rules.md §5 step 5).
    with pytest.raises(RuleError) as caught:
        evaluator.due("acme/trial", None, AT, metric="resolution")
    assert str(caught.value) == "plan 'acme/trial' states no resolution target"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_javascript_gives_the_same_answers_and_errors(rules: dict, tmp_path) -> None:
    questions = ["acme/trial", "acme/premium", "acme/community", "acme/trail"]
    script = (
        'import { dueIso } from "' + (ROOT / "site_templates" / "assets" / "sla.js").as_uri() + '";\n'
        'import { readFileSync } from "node:fs";\n'
        f'const rules = JSON.parse(readFileSync({json.dumps(str(tmp_path / "rules.json"))}, "utf-8"));\n'
        f"for (const plan of {json.dumps(questions)}) {{\n"
        f'  try {{ console.log(JSON.stringify({{due: dueIso(rules, {{plan, at: "{AT}"}})}})); }}\n'
        "  catch (e) { console.log(JSON.stringify({error: e.message})); }\n"
        "}\n"
    )
    (tmp_path / "rules.json").write_text(json.dumps(rules), encoding="utf-8")
    run = subprocess.run(["node", "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60, check=True)
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    evaluator = Evaluator(rules)
    expected = []
    for plan in questions:
        try:
            expected.append({"due": evaluator.due(plan, None, AT).isoformat()})
        except RuleError as exc:
            expected.append({"error": str(exc)})
    assert answers == expected
    assert answers[0] == answers[1] and "due" in answers[0]
    assert "offers no support" in answers[2]["error"]
