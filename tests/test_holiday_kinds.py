"""`closed holidays SE including de-facto`: kinds of holiday beyond the public ones (issue 8, Swedish eves).

Parsed into the model, judged against the holidays package, expanded into the rule JSON, honoured by
the evaluator, said on the page in four languages, and used by the plans whose seeds say "vardagar".
"""

from __future__ import annotations

import json
from datetime import date

import holidays
import pytest

from dsl.language.loader import load_text
from dsl.language.model import Project
from dsl.language.parser import parse_text
from dsl.rules.engine import Evaluator
from dsl.rules.export import export_project
from dsl.site import views as site
from support.language_plans import only
from support.site import words

CALENDAR = """calendar office {{
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
  closed holidays SE{kinds}
}}
"""
DE_FACTO = sorted(holidays.country_holidays("SE", years=2026, categories=("de_facto",)))


def calendar(kinds: str) -> str:
    """A shared calendar closing on Sweden's holidays, with `kinds` after the country code."""
    return CALENDAR.format(kinds=kinds)


def test_the_package_has_swedens_three_de_facto_holidays() -> None:
    assert DE_FACTO == [date(2026, 6, 19), date(2026, 12, 24), date(2026, 12, 31)]


@pytest.mark.parametrize(
    ("kinds", "categories"),
    [("", ("public",)), (" including de-facto", ("public", "de_facto")), (" including de-facto, bank", ("public", "de_facto", "bank"))],
)
def test_including_adds_the_packages_categories_to_the_public_holidays(kinds: str, categories: tuple[str, ...]) -> None:
    decl, problems = parse_text(calendar(kinds), "t.plan")
    assert decl is not None and not problems
    assert decl.calendars[0].holidays[0].categories == categories
    assert not load_text(calendar(kinds), "t.plan").errors


@pytest.mark.parametrize(
    ("kinds", "message", "column", "hint"),
    [
        (" including de-fakto", "SE has no holidays of the kind 'de-fakto'", 32, "did you mean 'de-facto'?"),
        (" including public", "public holidays are always included", 32, "remove 'public' from the list"),
        (" including de-facto, de-facto", "'de-facto' is named twice", 42, "name each kind of holiday once"),
    ],
)
def test_a_wrong_kind_is_reported_where_it_is_written(kinds: str, message: str, column: int, hint: str) -> None:
    assert only(calendar(kinds)) == (message, 4, column, hint)


def test_an_unknown_kind_names_the_countrys_kinds() -> None:
    found = only(calendar(" including harvest"))
    assert found[0] == "SE has no holidays of the kind 'harvest'"
    assert found[3] is not None and "de-facto" in found[3]


def _rules(shipped: Project) -> Evaluator:
    return Evaluator(json.loads(json.dumps(export_project(shipped, (2026, 2027)))))


def test_export_closes_the_de_facto_holidays_only_where_the_plan_says_so(shipped: Project) -> None:
    doc = export_project(shipped, (2026, 2027))
    esri = doc["vendors"]["esri"]["calendars"]["esri-phone-hours"]["dates"]
    synerity = doc["vendors"]["synerity"]["calendars"]["synerity-office"]["dates"]
    stratiteq = doc["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]["dates"]
    for day in DE_FACTO:
        assert esri[day.isoformat()] == [] and synerity[day.isoformat()] == []
        # Stratiteq's "nationella helgdagar" are the public ones: its eves keep the eve hours.
        assert stratiteq[day.isoformat()] == [["08:30", "14:00"]]


def test_the_evaluator_skips_christmas_eve_for_synerity_but_not_for_stratiteq(shipped: Project) -> None:
    rules = _rules(shipped)
    # Synerity Gold (2 hours): Wednesday 23 December 16:00 leaves 1 hour that day; Christmas Eve is
    # closed like the 25th to 27th, so the second hour is Monday 28th 08:00-09:00.
    synerity = rules.due("synerity/gold", None, "2026-12-23T16:00:00+01:00")
    assert synerity.isoformat() == "2026-12-28T09:00:00+01:00"
    # Stratiteq P3 (8 hours): 1 hour on the 23rd, Christmas Eve's eve hours 08:30-14:00 (5.5 hours),
    # then the last 1.5 hours on Monday 28th: 09:30. Closed on the eve, it would be 15:00.
    stratiteq = rules.due("stratiteq/sos", "P3", "2026-12-23T16:00:00+01:00")
    assert stratiteq.isoformat() == "2026-12-28T09:30:00+01:00"


@pytest.mark.parametrize(
    ("lang", "phrase"),
    [
        ("sv", "utom allmänna helgdagar och de facto-helgdagar i Sverige"),
        ("it", "esclusi i giorni festivi e i giorni non lavorativi per consuetudine in Svezia"),
        ("pl", "z wyjątkiem świąt ustawowych i dni zwyczajowo wolnych od pracy w Szwecji"),
        ("en", "except public holidays and de facto holidays in Sweden"),
    ],
)
def test_the_page_says_the_de_facto_holidays_close_too(shipped: Project, lang: str, phrase: str) -> None:
    esri = shipped.vendor("esri")
    assert esri is not None
    cal = esri.calendar("esri-phone-hours")
    assert cal is not None
    text = site.calendar_text(cal, site.Reader(lang, words()[lang], esri))
    assert phrase in text.replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        ("Europe/Oslo", "add 'closed holidays NO' (or the code of the country whose holidays you mean)"),
        ("Europe/Rome", "add 'closed holidays IT' (or the code of the country whose holidays you mean)"),
        ("customer", "add 'closed holidays' and a country's two-letter code, such as 'closed holidays SE'"),
    ],
)
def test_eve_hours_without_holidays_suggest_the_zones_country(zone: str, hint: str) -> None:
    text = f"calendar office {{\n  zone {zone}\n  open mon-fri 08:00-17:00\n  eve 08:00-13:00\n}}\n"
    assert only(text) == ("eve hours are given but the calendar has no holidays", 1, 1, hint)


def test_a_first_check_judges_holiday_sources_without_importing_the_holidays_package(tmp_path) -> None:
    """What the package knows of a country (its subdivisions and kinds) is kept in the user's cache: importing
    the package to ask imports all its ~250 country modules, a third of a first `check` of the five plans.
    The answers, and so the diagnostics, are the same from the cache as from the package."""
    import os
    import shutil
    import subprocess
    import sys

    from support.paths import ROOT

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "cal.plan").write_text(
        "calendar office {\n  zone Europe/London\n  open mon-fri 09:00-17:00\n  closed holidays GB ENG including bank\n}\n"
        "calendar wrong {\n  zone Europe/London\n  open mon-fri 09:00-17:00\n  closed holidays GB XYZ\n}\n",
        encoding="utf-8",
    )
    script = (
        "import sys\nfrom dsl.cli import main\ncode = main(['--project', sys.argv[1], 'check'])\n"
        "print('imported' if 'holidays' in sys.modules else 'not imported', code)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user"), "TIERWISE_JOBS": "1"}
    runs = []
    for _ in range(2):
        shutil.rmtree(tmp_path / ".tierwise-cache", ignore_errors=True)  # each a project's first check
        done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        runs.append(done)
    assert runs[0].stdout.split()[-2:] == ["imported", "1"]
    assert " ".join(runs[1].stdout.split()[-3:]) == "not imported 1", runs[1].stdout
    assert "'XYZ' is not a subdivision of GB" in runs[1].stderr and "cal.plan:9:" in runs[1].stderr
    assert runs[0].stderr == runs[1].stderr


MIXED = """vendor v {
  name "V"
  language en only
  calendar c {
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
    closed holidays SE including de-facto
    closed holidays IT
    closed holidays DE BY including catholic
  }
  plan p { name "P" coverage all on c }
}
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "utom allmänna helgdagar i Bayern, Tyskland, Italien och Sverige, de facto-helgdagar i Sverige "
               "och katolska helgdagar i Bayern, Tyskland"),
        ("it", "esclusi i giorni festivi in Germania (Baviera), in Italia e in Svezia, i giorni non lavorativi per consuetudine in Svezia "
               "e le festività cattoliche in Germania (Baviera)"),
        ("pl", "z wyjątkiem świąt ustawowych (Bawaria, Niemcy, Szwecja i Włochy), dni zwyczajowo wolnych od pracy w Szwecji "
               "i świąt katolickich (Bawaria, Niemcy)"),
        ("en", "except public holidays in Bavaria, Germany, Italy and Sweden, de facto holidays in Sweden and Catholic holidays in Bavaria, Germany"),
    ],
)
def test_places_closed_on_different_kinds_are_each_named_with_their_own(lang: str, said: str) -> None:
    """Sweden's de facto holidays beside Italy's public ones and Bavaria's Catholic ones: each kind with the places it
    belongs to. The sentence said "public holidays, de facto holidays and Catholic holidays in Bavaria, Germany, Italy
    and Sweden", closing Italy on Swedish Midsummer Eve as far as a reader could tell."""
    result = load_text(MIXED, "t.plan")
    assert not result.errors
    vendor = result.project.vendors[0]
    text = site.calendar_text(vendor.calendars[0], site.Reader(lang, words()[lang], vendor))
    assert said in text.replace("\u00a0", " ").replace("\u2060", "")


def test_places_closed_on_the_same_kinds_keep_one_list() -> None:
    text = MIXED.replace(" including de-facto", "").replace("    closed holidays DE BY including catholic\n", "")
    result = load_text(text, "t.plan")
    assert not result.errors
    vendor = result.project.vendors[0]
    said = site.calendar_text(vendor.calendars[0], site.Reader("en", words()["en"], vendor))
    assert said.endswith("except public holidays in Italy and Sweden")
