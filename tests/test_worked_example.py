"""The worked example under a vendor's response times: its moment, its deadlines (the engine's, and `tierwise due`'s) and
its words in every language, on the shipped plans, the outside authors' plans and a plan with a cut-off and eves."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dsl.language.loader import load_project
from dsl.language.model import Project, Vendor
from dsl.rules.export import default_years, export_project
from dsl.site import views as site
from dsl.site.example import Example, example_from_rules, first_friday, worked_example
from support.paths import PLANS, ROOT
from support.site import words

OUTSIDE = ROOT / "tests" / "plans" / "outside"


def project_of(*paths: Path) -> Project:
    result = load_project(list(paths))
    assert result.project is not None
    return result.project


@pytest.fixture(scope="module")
def shipped_project() -> Project:
    return project_of(PLANS)


@pytest.fixture(scope="module")
def outside() -> Project:
    return project_of(OUTSIDE)


def vendor_of(project: Project, vendor_id: str) -> Vendor:
    found = project.vendor(vendor_id)
    assert found is not None
    return found


def said(project: Project, vendor_id: str, lang: str) -> str:
    """The sentence as a reader sees it: tags and word joiners out, Polish no-break spaces ("w\u00a0piątek") as spaces."""
    vendor = vendor_of(project, vendor_id)
    example = worked_example(vendor, default_years(project))
    assert example is not None
    text = site.example_sentence(vendor, example, site.Reader(lang, words()[lang], vendor))
    return re.sub(r"<[^>]+>", "", str(text)).replace("\u2060", "").replace("\u00a0", " ")


# --- the words ------------------------------------------------------------------------------------


def test_synerity_in_every_language(shipped_project: Project) -> None:
    assert said(shipped_project, "synerity", "en") == (
        "A ticket reported on Friday at 16:00 Swedish time? Gold answers by Monday at 09:00 and Silver by Monday at 15:00."
        " No guaranteed time in the Free tier."
    )
    assert said(shipped_project, "synerity", "sv") == (
        "Ett ärende anmält fredag kl. 16:00 svensk tid? Guld svarar senast måndag kl. 09:00 och Silver senast måndag kl. 15:00."
        " Ingen garanterad tid i nivån Free."
    )
    assert said(shipped_project, "synerity", "it") == (
        "Una richiesta segnalata venerdì alle 16:00, ora svedese? Gold risponde entro lunedì alle 09:00 e Silver entro lunedì"
        " alle 15:00. Nessun tempo garantito nel livello Free."
    )
    assert said(shipped_project, "synerity", "pl") == (
        "Zgłoszenie w piątek o 16:00 czasu szwedzkiego? Odpowiedź najpóźniej: Gold – poniedziałek, godz. 09:00 i Silver –"
        " poniedziałek, godz. 15:00. Brak gwarancji czasu w pakiecie Free."
    )


def test_a_priority_and_clocks_in_the_customers_zone_and_round_the_clock(shipped_project: Project) -> None:
    # Amanda: Standard in the customer's own zone, Premium 24x7 without a zone, Community without a promised time.
    assert said(shipped_project, "amanda", "en") == (
        "A ticket with priority P1 – Critical impact, reported on Friday at 16:00 in your own time zone? Premium answers by"
        " Friday at 16:15 and"
        " Standard by Friday at 17:00. No guaranteed time in the Community tier."
    )
    assert said(shipped_project, "amanda", "pl").startswith(
        "Zgłoszenie w piątek o 16:00 w Państwa strefie czasowej, priorytet P1 – Krytyczny wpływ?"
    )


def test_tiers_with_the_same_deadline_are_said_together_in_the_plural(shipped_project: Project) -> None:
    assert "Assistenza estesa 1, Assistenza estesa 2 e Assistenza estesa 3 rispondono entro martedì alle 10:00." in said(
        shipped_project, "esri", "it"
    )
    assert "Extended support 1, Extended support 2 and Extended support 3 answer by Tuesday at 10:00." in said(shipped_project, "esri", "en")


def test_no_sentence_where_no_tier_gives_a_deadline(shipped_project: Project) -> None:
    # Infor publishes none of its times: nothing to illustrate, and the table says so already.
    infor = vendor_of(shipped_project, "infor")
    assert worked_example(infor, default_years(shipped_project)) is None
    page = site.vendor_page(infor, site.Reader("en", words()["en"], infor), None)
    assert all(not t.example for t in page.targets)


def test_unpublished_and_no_support_tiers_say_why(shipped_project: Project) -> None:
    vendor = vendor_of(shipped_project, "synerity")
    example = worked_example(vendor, default_years(shipped_project))
    assert example is not None
    reader = site.Reader("en", words()["en"], vendor)
    gold = vendor.plan("gold")
    free = vendor.plan("free")
    assert gold is not None and free is not None
    # Free without support, Gold with its target not published: each in its cell's words.
    changed = replace(vendor, plans=tuple(
        replace(p, no_support=True) if p.id == "free" else replace(p, targets=tuple(replace(t, published=False, minutes=None) for t in p.targets))
        if p.id == "gold" else p
        for p in vendor.plans
    ))
    kept = Example(example.priority, example.zone, example.report, tuple(d for d in example.deadlines if d[0] == "silver"))
    text = str(site.example_sentence(changed, kept, reader))
    assert text.endswith("Silver answers by Monday at 15:00. No support in the Free tier. The vendor does not publish a time for the Gold tier.")


# --- the moment -------------------------------------------------------------------------------------


def test_the_moment_is_the_first_ordinary_friday_of_the_span(shipped_project: Project) -> None:
    # 2 January 2026 is the day after New Year's Day: not an ordinary week in Sweden; 9 January is.
    assert first_friday(2026) == date(2026, 1, 2) and first_friday(2027) == date(2027, 1, 1)
    synerity = worked_example(vendor_of(shipped_project, "synerity"), default_years(shipped_project))
    assert synerity is not None and synerity.report == datetime(2026, 1, 9, 16, 0) and not synerity.dated
    # Amanda's clocks close on no holiday: its first Friday is ordinary already.
    amanda = worked_example(vendor_of(shipped_project, "amanda"), default_years(shipped_project))
    assert amanda is not None and amanda.report == datetime(2026, 1, 2, 16, 0) and amanda.zone is None


def test_the_moment_does_not_depend_on_the_day_of_the_build(shipped_project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    vendor = vendor_of(shipped_project, "stratiteq")
    rules = export_project(Project((vendor,)), (2026, 2028))
    first = example_from_rules(rules, "stratiteq")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1893456000")  # 2030: the span, not the clock, chooses the Friday
    assert example_from_rules(export_project(Project((vendor,)), (2026, 2028)), "stratiteq") == first


def test_a_span_without_an_ordinary_week_gives_the_first_friday_dated(shipped_project: Project) -> None:
    vendor = vendor_of(shipped_project, "synerity")
    rules = copy.deepcopy(export_project(Project((vendor,)), (2026, 2026)))
    calendar = rules["vendors"]["synerity"]["calendars"]["synerity-office"]
    # Every day of the year given its own (the same) hours: nothing is an ordinary week.
    day = date(2026, 1, 1)
    while day.year == 2026:
        calendar["dates"].setdefault(day.isoformat(), [["08:00", "17:00"]] if day.weekday() < 5 else [])
        day = date.fromordinal(day.toordinal() + 1)
    example = example_from_rules(rules, "synerity")
    assert example is not None and example.dated and example.report == datetime(2026, 1, 2, 16, 0)
    reader = site.Reader("en", words()["en"], vendor)
    assert str(site.example_sentence(vendor, example, reader)).startswith("A ticket reported on Friday 2 January 2026 at 16:00 Swedish time?")


CUTOFF_PLAN = """
horizon 2026-2027
calendar office {
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
  closed holidays SE
  eve 08:00-12:00
}
calendar always {
  open 24x7
}
vendor acme {
  name "Acme"
  language en
  priorities acme-levels {
    level P1 { name { en "Critical" sv "Kritisk" it "Critico" pl "Krytyczny" } }
  }
  plan basic {
    name { en "Basic" sv "Bas" it "Base" pl "Podstawowy" }
    target first-response P1 1 business day on office cut-off 15:00
  }
  plan plus {
    name { en "Plus" sv "Plus" it "Plus" pl "Plus" }
    target first-response P1 2h on office cut-off 16:00
  }
  plan max {
    name { en "Max" sv "Max" it "Max" pl "Max" }
    target first-response P1 30min on always
  }
}
"""


def test_cutoffs_business_days_eves_and_round_the_clock(tmp_path: Path) -> None:
    (tmp_path / "acme.plan").write_text(CUTOFF_PLAN, encoding="utf-8")
    project = project_of(tmp_path / "acme.plan")
    vendor = vendor_of(project, "acme")
    example = worked_example(vendor, default_years(project))
    assert example is not None
    # Monday 5 January 2026 is the eve of Epiphany (08:00-12:00) and 1 January a holiday: the week of the 9th is taken.
    assert example.report == datetime(2026, 1, 9, 16, 0) and example.zone == "Europe/Stockholm"
    # 16:00 is at Plus's cut-off and after Basic's: both count from Monday's opening; Max counts round the clock.
    assert dict(example.deadlines) == {
        "max": datetime(2026, 1, 9, 16, 30), "plus": datetime(2026, 1, 12, 10, 0), "basic": datetime(2026, 1, 13, 8, 0),
    }
    reader = site.Reader("en", words()["en"], vendor)
    assert str(site.example_sentence(vendor, example, reader)) == (
        "A ticket with priority P1 – Critical, reported on Friday at 16:00 Swedish time? Max answers by Friday at 16:30,"
        " Plus by Monday at 10:00 and Basic by Tuesday at 08:00."
    )


@pytest.mark.parametrize("vendor_id", ["dorasanita", "fjordtel", "ferrotech", "harbourline", "lumo", "cobalt", "pennine", "frankenlohn"])
def test_the_outside_plans_each_get_an_ordinary_friday(outside: Project, vendor_id: str) -> None:
    # Cut-offs (dorasanita), eves (fjordtel), customer zones and holidays (ferrotech), five zones (harbourline),
    # versions (lumo), 24x7 in New York (cobalt), Saturday service hours (pennine), a month-end calendar (frankenlohn).
    vendor = vendor_of(outside, vendor_id)
    example = worked_example(vendor, default_years(outside))
    assert example is not None and example.report.weekday() == 4 and example.report.hour == 16
    assert example.deadlines and all(d > example.report for _, d in example.deadlines)
    for lang in ("sv", "it", "pl", "en"):
        text = str(site.example_sentence(vendor, example, site.Reader(lang, words()[lang], vendor)))
        assert text.endswith(".") and "%(" not in text


def test_versions_date_the_sentence(outside: Project) -> None:
    # Lumo's targets change on a date: the answer depends on the day, so the sentence names it.
    example = worked_example(vendor_of(outside, "lumo"), default_years(outside))
    assert example is not None and example.dated


# --- the same answer as `tierwise due` ------------------------------------------------------------------


def _questions(project: Project, folder: Path) -> list[tuple[dict[str, str], datetime, str]]:
    asked = []
    for vendor in project.vendors:
        example = worked_example(vendor, default_years(project))
        if example is None:
            continue
        zone = ZoneInfo(example.zone or "UTC")
        at = example.report.replace(tzinfo=zone).isoformat()
        for plan_id, deadline in example.deadlines:
            line = {"plan": f"{vendor.id}/{plan_id}", "at": at, "tz": example.zone or "UTC"}
            if example.priority:
                line["priority"] = example.priority
            cal = export_project(Project((vendor,)), default_years(project))["vendors"][vendor.id]["calendars"]
            countries = sorted({c for k in cal.values() for c in (k.get("customer_holidays") or {})})
            if countries:
                line["country"] = countries[0]
            asked.append((line, deadline, str(folder)))
    return asked


@pytest.mark.parametrize("which", ["plans", "outside"])
def test_every_deadline_is_what_tierwise_due_answers(shipped_project: Project, outside: Project, which: str, tmp_path: Path) -> None:
    project, folder = (shipped_project, PLANS) if which == "plans" else (outside, OUTSIDE)
    asked = _questions(project, folder)
    assert len(asked) >= 8
    batch = "".join(json.dumps(line) + "\n" for line, _, _ in asked)
    ran = subprocess.run(
        [sys.executable, "-m", "dsl.cli", "due", "--plans", str(folder), "--batch", "-"],
        input=batch, capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    assert ran.returncode == 0, ran.stderr
    answers = [json.loads(line) for line in ran.stdout.splitlines()]
    assert len(answers) == len(asked)
    for (line, deadline, _), answer in zip(asked, answers, strict=True):
        due = datetime.fromisoformat(answer["due"]).astimezone(ZoneInfo(line["tz"])).replace(tzinfo=None)
        assert due == deadline, (line, answer)
