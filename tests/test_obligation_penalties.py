"""`penalty obligation rapporto 0.5% of monthly fee per business day on ufficio`: a penalty for a late obligation (lang17).

docs/language.md said a public contract's "penale per ogni giorno lavorativo di ritardo nella consegna del rapporto
mensile" had no form (`penalty` named a metric and a priority), so outside authors wrote it into the obligation's text.
The line is read with its place, judged where written (T0870, T0864, T0865), said beside the obligation on the vendor
page in four languages, and exported in format 1.14 (`obligation`, `calendar`; `metric` and `priority` null), which
both evaluators read as before: penalties change no deadline.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dsl.cli import main
from dsl.language.loader import load_text
from dsl.rules.engine import due
from dsl.rules.export import export_project, load_schema, structural_problems
from dsl.site import compare
from dsl.site import views as site
from support.language_plans import only, problems
from support.parse_both_ways import same
from support.paths import ROOT
from support.site import words


def docs_example() -> str:
    """The example of docs/language.md, "Penalties for a late obligation"."""
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    return text[text.index("### Penalties for a late obligation"):].split("```\n", 2)[1]


def edited(old: str, new: str) -> str:
    text = docs_example()
    assert old in text
    return text.replace(old, new)


RAPPORTO = "    penalty obligation rapporto 0.5% of monthly fee per business day on ufficio at most 5% of monthly fee per month\n"
RAPPORTO_LINE = docs_example().split(RAPPORTO)[0].count("\n") + 1


def _rules(text: str) -> dict[str, Any]:
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    return export_project(result.project, (2026, 2027))


def _plain(text: str) -> str:
    return text.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


# --- the language -------------------------------------------------------------------------------------------


def test_the_documented_example_checks_clean_and_reads_the_obligations() -> None:
    assert problems(docs_example()) == []
    result = load_text(docs_example(), "t.plan")
    assert result.project is not None
    report, call_back = result.project.vendors[0].plans[0].penalties
    assert (report.obligation, report.calendar, report.metric, report.priority, report.per) == ("rapporto", "ufficio", "", None, "business day")
    assert (report.pos.line, report.obligation_pos.line, report.obligation_pos.column) == (RAPPORTO_LINE, RAPPORTO_LINE, 24)
    assert (call_back.obligation, call_back.calendar, call_back.per) == ("richiamata", None, "started business hour")


def test_the_fused_parse_builds_the_same_model_as_larks() -> None:
    same(edited(RAPPORTO, RAPPORTO.replace(" at most", " then 1% of monthly fee per business day after 5 days at most")), "t.plan")


@pytest.mark.parametrize(
    ("old", "new", "found"),
    [
        ("penalty obligation rapporto", "penalty obligation raporto",
         ("a penalty for obligation 'raporto', which plan 'appalto' does not have", RAPPORTO_LINE, 24, "did you mean 'rapporto'?")),
        (" per business day on ufficio", " per business day",
         ("a penalty per business day for obligation 'rapporto', which runs on no calendar", RAPPORTO_LINE, 57,
          "business days are the days a calendar is open: name it after the unit, such as: per business day on CALENDAR "
          "(or count real days)")),
        (" per business day on ufficio", " per started day on ufficio",
         ("a calendar for a penalty per started day, counted in real time", RAPPORTO_LINE, 72,
          "a calendar counts business hours or days: per business day, or remove 'on ufficio'")),
        ("richiamata 50 EUR per started business hour", "richiamata 50 EUR per started business hour on ufficio",
         ("obligation 'richiamata' is counted on its own calendar 'ufficio'", RAPPORTO_LINE + 2, 71,
          "the business hours or days of its delay are of 'ufficio': remove 'on ufficio'")),
        ("penalty obligation richiamata 50 EUR per started business hour",
         "penalty obligation rapporto 50 EUR per started business hour on ufficio",
         ("a penalty for obligation 'rapporto' is given twice", RAPPORTO_LINE + 2, 5, f"first given at line {RAPPORTO_LINE}")),
    ],
)
def test_a_mistake_is_reported_where_it_is_written(old: str, new: str, found: tuple[str, int, int, str]) -> None:
    assert only(edited(old, new)) == found


def test_an_unknown_calendar_is_reported_at_its_word() -> None:
    (message, line, column, _) = only(edited(" per business day on ufficio", " per business day on uffico"))
    assert ("uffico" in message, line, column) == (True, RAPPORTO_LINE, 73)


def test_the_codes() -> None:
    codes = [d.code for d in load_text(edited("obligation rapporto 0.5%", "obligation raporto 0.5%"), "t.plan").diagnostics]
    assert codes == ["T0870"]
    codes = [d.code for d in load_text(edited(" per business day on ufficio", " per business day"), "t.plan").diagnostics]
    assert codes == ["T0864"]


def test_a_child_inherits_the_penalty_with_the_obligation() -> None:
    text = docs_example().replace("\n  }\n}\n", '\n  }\n  plan esteso extends appalto {\n    name "Esteso"\n  }\n}\n')
    rules = _rules(text)["vendors"]["ente-servizi"]["plans"]
    assert rules["esteso"]["penalties"] == rules["appalto"]["penalties"]


# --- the rules ----------------------------------------------------------------------------------------------


def test_the_rules_carry_the_obligation_and_its_calendar_in_format_1_14() -> None:
    doc = _rules(docs_example())
    jsonschema.validate(doc, load_schema())
    assert structural_problems(doc) == []
    assert doc["format_version"] == "1.14"
    assert doc["vendors"]["ente-servizi"]["plans"]["appalto"]["penalties"] == [
        {"metric": None, "priority": None, "amount": {"kind": "fee-share", "percent": 0.5, "fee_period": "month"},
         "per": "day", "started": False, "clock": "business",
         "cap": {"amount": {"kind": "fee-share", "percent": 5, "fee_period": "month"}, "per": "month"}, "steps": None,
         "obligation": "rapporto", "calendar": "ufficio"},
        {"metric": None, "priority": None, "amount": {"kind": "money", "amount": 50, "currency": "EUR"},
         "per": "hour", "started": True, "clock": "business", "cap": None, "steps": None,
         "obligation": "richiamata", "calendar": "ufficio"},  # the obligation's own calendar
    ]


def test_a_real_time_penalty_has_no_calendar() -> None:
    doc = _rules(edited(" per business day on ufficio", " per started day"))
    assert doc["vendors"]["ente-servizi"]["plans"]["appalto"]["penalties"][0]["calendar"] is None


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("obligation", "rapport", "penalties[0]: unknown obligation 'rapport'"),
        ("calendar", "uffico", "penalties[0]: unknown calendar 'uffico'"),
        ("calendar", None, "penalties[0]: an obligation's penalty counted in business time without a calendar"),
    ],
)
def test_the_structural_rules_hold_the_references(field: str, value: str | None, problem: str) -> None:
    doc = copy.deepcopy(_rules(docs_example()))
    doc["vendors"]["ente-servizi"]["plans"]["appalto"]["penalties"][0][field] = value
    assert [p for p in structural_problems(doc) if "penalties" in p] == [f"vendors.ente-servizi.plans.appalto.{problem}"]


def test_the_schema_refuses_a_metric_beside_an_obligation_and_a_calendar_on_a_targets_penalty() -> None:
    doc = copy.deepcopy(_rules(docs_example()))
    doc["vendors"]["ente-servizi"]["plans"]["appalto"]["penalties"][0]["metric"] = "resolution"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, load_schema())
    doc = copy.deepcopy(_rules(docs_example()))
    doc["vendors"]["ente-servizi"]["plans"]["appalto"]["penalties"][0].update(obligation=None, metric="resolution")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, load_schema())  # a target's penalty with a calendar


AT = "2026-12-04T11:00:00+01:00"
"""Friday 4 December 2026 11:00 in Rome: two business days to resolve, 8 December a holiday: Wednesday 9 at 11:00."""


def test_both_evaluators_read_the_document_and_answer_as_before() -> None:
    doc = _rules(docs_example())
    assert due(doc, "ente-servizi/appalto", None, AT, metric="resolution").isoformat() == "2026-12-09T11:00:00+01:00"
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    done = subprocess.run(
        [node, str(ROOT / "tests" / "support" / "sla_answers.mjs")], cwd=ROOT, capture_output=True, text=True, timeout=120,
        input=json.dumps({"rules": doc, "questions": [{"plan": "ente-servizi/appalto", "priority": None, "at": AT, "metric": "resolution"}]})
        + "\n",
    )
    assert json.loads(done.stdout) == [{"due": "2026-12-09T11:00:00+01:00"}], done.stderr


# --- the page -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "report", "call_back"),
    [
        ("sv", "vite vid försening: 0,5 % av månadsavgiften per hel arbetsdag försening, högst 5 % av månadsavgiften per månad, "
               "räknat mån–fre 08:00–16:00 italiensk tid",
         "vite vid försening: 50 € per påbörjad timme försening inom kontorstid"),
        ("it", "penale per ritardo: 0,5% del canone mensile per ogni giorno lavorativo intero di ritardo, al massimo il 5% del "
               "canone mensile al mese (calendario: lun – ven 08:00 – 16:00",
         "penale per ritardo: 50 € per ogni ora o frazione di ritardo in orario d’ufficio"),
        ("pl", "kara umowna za zwłokę: 0,5% wynagrodzenia miesięcznego za każdy pełny dzień roboczy zwłoki, łącznie nie więcej "
               "niż 5% wynagrodzenia miesięcznego w miesiącu, liczone pon. – pt. 08:00 – 16:00",
         "kara umowna za zwłokę: 50 € za każdą rozpoczętą godzinę zwłoki w godzinach pracy"),
        ("en", "penalty for delay: 0.5% of the monthly fee per full business day of delay, at most 5% of the monthly fee per "
               "month, counted Mon – Fri 08:00 – 16:00 Italian time",
         "penalty for delay: €50 per started business hour of delay"),
    ],
)
def test_the_tier_says_the_penalty_beside_the_obligation(lang: str, report: str, call_back: str) -> None:
    result = load_text(docs_example(), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    (service,) = site.plan_services(vendor, site.Reader(lang, words()[lang], vendor))
    first, second = (_plain(str(o)) for o in service.obligations)
    assert report in first and call_back in second, (first, second)
    assert "penalty" not in _plain(str(site.plan_services(vendor, site.Reader("en", words()["en"], vendor))[0].notes))


def test_once_per_late_delivery_is_not_a_missed_target() -> None:
    result = load_text(edited("per business day on ufficio at most 5% of monthly fee per month", "per occurrence"), "t.plan")
    assert result.project is not None and not result.diagnostics
    vendor = result.project.vendors[0]
    (service,) = site.plan_services(vendor, site.Reader("en", words()["en"], vendor))
    assert "penalty for delay: 0.5% of the monthly fee per late delivery" in _plain(str(service.obligations[0]))


def test_the_built_page_shows_it(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "ente.plan").write_text(docs_example(), encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    page = _plain((tmp_path / "_site" / "it" / "ente-servizi" / "index.html").read_text(encoding="utf-8"))
    assert "penale per ritardo: 0,5% del canone mensile per ogni giorno lavorativo intero di ritardo" in page
    published = json.loads((tmp_path / "_site" / "rules" / "all.json").read_text(encoding="utf-8"))
    assert published["vendors"]["ente-servizi"]["plans"]["appalto"]["penalties"][0]["obligation"] == "rapporto"


def test_the_example_of_docs_rules_is_what_its_line_exports() -> None:
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    line = flat.split("A late obligation's penalty (1.14), written `", 1)[1].split("`", 1)[0]
    shown = json.loads(text.split("A late obligation's penalty (1.14), written", 1)[1].split("```json\n", 1)[1].split("```", 1)[0])
    plan = (
        "calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n}\n"
        'vendor v {\n  name "V"\n  language en\n  plan p {\n    name "P"\n    price 1000 SEK per month excl tax\n'
        '    obligation report 1 per month "A monthly report"\n'
        f"    {line}\n  }}\n}}\n"
    )
    assert _rules(plan)["vendors"]["v"]["plans"]["p"]["penalties"] == [shown]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "Lösning och försenade åtaganden"), ("it", "Risoluzione e impegni in ritardo"), ("pl", "Rozwiązanie i opóźnione zobowiązania"),
     ("en", "Resolution and late commitments")],
)
def test_the_comparison_names_late_commitments_after_the_targets(lang: str, said: str) -> None:
    text = edited("    # 50 €", "    penalty resolution all 100 EUR per started business day\n    # 50 €")
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    vendor = result.project.vendors[0]
    cell = compare.penalties_cell(vendor.plans[0], site.Reader(lang, words()[lang], vendor))
    assert _plain(str(cell.text)) == said
    only_obligations = load_text(docs_example(), "t.plan").project
    assert only_obligations is not None
    alone = compare.penalties_cell(only_obligations.vendors[0].plans[0], site.Reader("en", words()["en"], vendor))
    assert str(alone.text) == "Late commitments"


def test_the_total_of_a_tier_that_pays_for_late_obligations_alone_is_said_with_them() -> None:
    text = edited("    # 50 €", "    penalty total at most 10% of monthly fee per month\n    # 50 €")
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    vendor = result.project.vendors[0]
    (service,) = site.plan_services(vendor, site.Reader("en", words()["en"], vendor))
    assert _plain(str(service.obligations[-1])) == '<small class="total">All penalties together at most 10% of the monthly fee per month</small>'
    with_target = edited(
        "    # 50 €", "    penalty total at most 10% of monthly fee per month\n    penalty resolution all 100 EUR per started day\n    # 50 €",
    )
    result = load_text(with_target, "t.plan")
    assert result.project is not None and not result.diagnostics
    vendor = result.project.vendors[0]
    (service,) = site.plan_services(vendor, site.Reader("en", words()["en"], vendor))
    assert len(service.obligations) == 2  # the resolution's "Penalty for delay" row says the total
