"""`no target …` and `no coverage …`: a plan that extends another leaves out an inherited target or coverage (lang17).

docs/language.md said of a kind of case's targets in a plan that `extends` another: "there is no way to drop them", so
a tier staffed around the clock had to write the case's on-call targets again with its general values. The lines are
read with their place, merged away before the rules are exported (so `due` and the JavaScript evaluator see the case
fall back to the general target, with nothing new in the format), judged (T0331, T0101 with a hint) and seen on the
page as the case's row with the general target.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language.loader import load_text
from dsl.language.model import Dropped
from dsl.rules.engine import due
from dsl.rules.export import export_project
from dsl.site import views as site
from support.language_plans import only, problems
from support.parse_both_ways import same
from support.paths import ROOT
from support.site import words

PLAN = """horizon 2026-2027
calendar office-hours {{
  zone Europe/Rome
  open mon-fri 09:00-18:00
  closed holidays IT
}}
calendar on-call {{
  zone Europe/Rome
  open mon-fri 18:00-22:00
  open sat 09:00-18:00
}}
calendar around-the-clock {{
  zone Europe/Rome
  open 24x7
}}
vendor presidio {{
  name "Presidio"
  language en
  priorities levels {{ level A {{ name "A" }} level B {{ name "B" }} }}
  case fuori-orario {{
    sv "Fel som anmäls på jourtelefonen utanför kontorstid"
    it "Guasti segnalati al numero di reperibilità fuori orario"
    pl "Awarie zgłoszone pod numer dyżurny poza godzinami pracy"
    en "Faults reported on the on-call line outside office hours"
  }}
  plan premium {{
    name "Premium"
    target first-response A 2h on office-hours
    target first-response A for fuori-orario 1h on on-call
    target first-response A for fuori-orario 45min on on-call from 2027-01-01
    coverage A for fuori-orario on on-call
  }}
  plan h24 extends premium {{
    name "H24"
    target first-response A 30min on around-the-clock
{lines}
  }}
  plan h24-plus extends h24 {{
    name "H24 Plus"
  }}
}}
"""

DROPS = ("no target first-response A for fuori-orario", "no coverage A for fuori-orario")
FIRST_LINE = PLAN.split("{lines}")[0].count("\n") + 1
"""The line the first of `lines` stands on."""


def plan(*lines: str) -> str:
    return PLAN.format(lines="\n".join("    " + line for line in lines))


def plans(*lines: str) -> dict[str, object]:
    result = load_text(plan(*lines), "t.plan")
    assert result.project is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    return {p.id: p for p in result.project.vendors[0].plans}


def rules(*lines: str) -> dict:  # type: ignore[type-arg]
    result = load_text(plan(*lines), "t.plan")
    assert result.project is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    return export_project(result.project, (2026, 2027))


# --- the language -------------------------------------------------------------------------------------------


def test_the_lines_are_read_with_their_place() -> None:
    h24 = plans(*DROPS)["h24"]
    assert h24.dropped == (  # type: ignore[attr-defined]
        Dropped("target", "first-response", "A", "fuori-orario"), Dropped("coverage", None, "A", "fuori-orario"),
    )
    assert [(d.pos.line, d.pos.column) for d in h24.dropped] == [(FIRST_LINE, 5), (FIRST_LINE + 1, 5)]  # type: ignore[attr-defined]


def test_the_merged_plan_leaves_out_every_version_and_the_coverage_and_so_does_its_child() -> None:
    merged = plans(*DROPS)
    for tier in ("h24", "h24-plus"):
        assert [(t.metric, t.priority, t.case, t.minutes) for t in merged[tier].targets] == [  # type: ignore[attr-defined]
            ("first-response", "A", None, 30),
        ], tier
        assert merged[tier].coverage == (), tier  # type: ignore[attr-defined]
    assert len(merged["premium"].targets) == 3 and len(merged["premium"].coverage) == 1  # type: ignore[attr-defined]
    without = plans()["h24"]
    assert {t.case for t in without.targets} == {None, "fuori-orario"}  # type: ignore[attr-defined]


def test_all_is_left_out_as_written() -> None:
    text = plan("no target first-response all for fuori-orario").replace(
        "target first-response A for fuori-orario 1h on on-call\n    target first-response A for fuori-orario 45min on on-call from 2027-01-01",
        "target first-response all for fuori-orario 1h on on-call",
    )
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    h24 = result.project.vendors[0].plan("h24")
    assert h24 is not None and [t.case for t in h24.targets] == [None]


def test_the_documented_example_checks_clean() -> None:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    example = text[text.index("A plan that `extends` this one keeps the case's targets and coverage."):].split("```\n", 2)[1]
    assert "no target first-response A for fuori-orario" in example and "no coverage A for fuori-orario" in example
    written = plan().replace('  plan h24 extends premium {\n    name "H24"\n    target first-response A 30min on around-the-clock\n\n  }\n', example)
    assert written != plan() and problems(written) == []


def test_the_fused_parse_builds_the_same_model_as_larks() -> None:
    same(plan(*DROPS, "no target first-response all"), "t.plan")


# --- the rules ----------------------------------------------------------------------------------------------

# Saturday 5 December 2026 10:00 in Rome, a fault on the on-call line: Premium counts the on-call clock (Saturday
# 09:00-18:00, an hour), H24 without the line too; with the lines H24 counts its general 30 minutes around the clock.
AT = "2026-12-05T10:00:00+01:00"


def test_the_case_falls_back_to_the_general_target_in_python() -> None:
    assert due(rules(), "presidio/premium", "A", AT, case="fuori-orario").isoformat() == "2026-12-05T11:00:00+01:00"
    assert due(rules(), "presidio/h24", "A", AT, case="fuori-orario").isoformat() == "2026-12-05T11:00:00+01:00"
    assert due(rules(*DROPS), "presidio/h24", "A", AT, case="fuori-orario").isoformat() == "2026-12-05T10:30:00+01:00"
    assert due(rules(*DROPS), "presidio/h24-plus", "A", AT, case="fuori-orario").isoformat() == "2026-12-05T10:30:00+01:00"
    exported = rules(*DROPS)["vendors"]["presidio"]["plans"]["h24"]
    assert [t["case"] for t in exported["targets"]] == [None] and exported["coverage"] == []


def test_the_javascript_evaluator_falls_back_alike() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    questions = [{"plan": f"presidio/{tier}", "priority": "A", "at": AT, "case": "fuori-orario"} for tier in ("premium", "h24", "h24-plus")]
    done = subprocess.run(
        [node, str(ROOT / "tests" / "support" / "sla_answers.mjs")], cwd=ROOT, capture_output=True, text=True, timeout=120,
        input=json.dumps({"rules": rules(*DROPS), "questions": questions}) + "\n",
    )
    assert json.loads(done.stdout) == [
        {"due": "2026-12-05T11:00:00+01:00"}, {"due": "2026-12-05T10:30:00+01:00"}, {"due": "2026-12-05T10:30:00+01:00"},
    ], done.stderr


# --- mistakes, located --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "message", "line", "hint"),
    [
        (("no target first-response A for fuori-orari",), "plan 'h24' inherits no target first-response A for fuori-orari from 'premium'",
         FIRST_LINE, "did you mean 'target first-response A for fuori-orario'?"),
        (("no coverage B for fuori-orario",), "plan 'h24' inherits no coverage B for fuori-orario from 'premium'",
         FIRST_LINE, "did you mean 'coverage A for fuori-orario'?"),
        (("no coverage A for fuori-orario", "no coverage A for fuori-orario"), "plan 'h24' leaves out coverage A for fuori-orario twice",
         FIRST_LINE + 1, f"first at line {FIRST_LINE}; remove this line"),
        (("no target first-response A",),
         "plan 'h24' both leaves out and writes target first-response A", FIRST_LINE,
         "its own 'target first-response A …' line already replaces the inherited one: remove the 'no target' line"),
    ],
)
def test_what_is_not_inherited_is_reported_where_it_is_written(lines: tuple[str, ...], message: str, line: int, hint: str) -> None:
    text = plan(*lines)
    assert only(text) == (message, line, 5, hint)
    assert {d.code for d in load_text(text, "t.plan").diagnostics} == {"T0331"}


def test_a_plan_that_extends_none_inherits_nothing_to_leave_out() -> None:
    text = plan().replace('    name "Premium"\n', '    name "Premium"\n    no coverage A for fuori-orario\n')
    message, line, column, hint = only(text)
    assert (message, line, column) == ("plan 'premium' extends no plan, so it inherits no coverage A for fuori-orario to leave out", 28, 5)
    assert hint is not None and "plan gold extends silver" in hint


@pytest.mark.parametrize(
    ("line", "column"),
    [
        ("drop target first-response A for fuori-orario", 5),
        ("without coverage A for fuori-orario", 5),
        ("no target first-response A for fuori-orario 1h", 49),
        ("no coverage A for fuori-orario on on-call", 36),
    ],
)
def test_the_forms_an_author_tries_first_get_the_line_as_a_hint(line: str, column: int) -> None:
    found = load_text(plan(line), "t.plan").diagnostics[0]  # the parser recovers after it, and may stop again at the '}'
    assert (found.code, found.pos.line, found.pos.column) == ("T0101", FIRST_LINE, column), found.message
    assert found.hint is not None and found.hint.startswith("a plan that extends another leaves out an inherited target or coverage with: no target")


# --- the page -----------------------------------------------------------------------------------------------


def _words(html: str) -> str:
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\s+", " ", text.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " "))


@pytest.mark.parametrize(
    ("lang", "row", "general", "counted"),
    [
        ("en", "A (faults reported on the on-call line outside office hours) 1 hour", "30 minutes", "Hours counted"),
        ("it", "A (guasti segnalati al numero di reperibilità fuori orario) 1 ora", "30 minuti", "Ore conteggiate"),
    ],
)
def test_the_page_shows_the_cases_row_with_the_general_target(tmp_path: Path, lang: str, row: str, general: str, counted: str) -> None:
    plans_folder = tmp_path / "plans"
    plans_folder.mkdir()
    (plans_folder / "presidio.plan").write_text(plan(*DROPS), encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    page = _words((tmp_path / "_site" / lang / "presidio" / "index.html").read_text(encoding="utf-8"))
    # The case's row: Premium's hour on the on-call clock (and its version from 2027), then H24's and H24 Plus's general
    # 30 minutes around the clock, not the inherited on-call hour.
    cells = page[page.index(row) + len(row):].split(counted, 1)[0].strip()
    assert cells.endswith(f" {general} {general}"), cells
    assert cells.count("45") == 1, cells  # Premium's version from 2027 only


def test_a_tier_that_leaves_something_out_is_not_everything_of_its_parent_on_its_card() -> None:
    def card_lines(*lines: str) -> list[str]:
        result = load_text(plan(*lines), "t.plan")
        assert result.project is not None and not result.diagnostics
        vendor = result.project.vendors[0]
        cards = site.tier_cards(vendor, site.Reader("en", words()["en"], vendor), ())
        return [str(card.extends) for card in cards]

    assert card_lines() == ["", "Premium", "H24"]  # "Everything in Premium, and more"
    assert card_lines(*DROPS) == ["", "", "H24"]  # H24 has less than Premium for the case; H24 Plus all of H24
