"""`hours holidays IT 09:00-13:00`: an on-call calendar open on the public holidays, with hours of its own (lang17).

An outside author could not write "reperibilità nei giorni festivi 09:00–13:00": a calendar opened days of the week,
dates and days of every year, not "the holidays of a country", and docs/language.md said to write one `hours DATE` line
per holiday and year. The line finds the holidays in every year of the horizon; it is exported as dated hours (so
`due` and the JavaScript evaluator need nothing new), judged where written (T0526, T0523, T0507, T0101 with a hint)
and said on the pages in four languages.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language.loader import load_text
from dsl.rules.engine import due
from dsl.rules.export import export_project
from dsl.site import views as site
from support.language_plans import only, problems
from support.parse_both_ways import same
from support.paths import ROOT
from support.site import words

ON_CALL = [["09:00", "13:00"]]

PLAN = """horizon 2026-2027
calendar reperibilita {{
  zone Europe/Rome
  open mon-fri 18:00-22:00
  open sat 09:00-18:00
{lines}
}}
vendor presidio {{
  name "Presidio"
  language en
  plan gold {{ name "Gold" target first-response all 1h on reperibilita }}
}}
"""


def plan(*lines: str) -> str:
    """The plan file with `lines` in calendar reperibilita (they start on line 6)."""
    return PLAN.format(lines="\n".join("  " + line for line in lines))


def rules(*lines: str) -> dict:  # type: ignore[type-arg]
    result = load_text(plan(*lines), "t.plan")
    assert result.project is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    return export_project(result.project, (2026, 2027))


def dates(*lines: str) -> dict[str, list[list[str]]]:
    return rules(*lines)["vendors"]["presidio"]["calendars"]["reperibilita"]["dates"]  # type: ignore[no-any-return]


def docs_example() -> str:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    return text[text.index("### Hours on public holidays (on call)"):].split("```\n", 2)[1]


# --- the language -------------------------------------------------------------------------------------------


def test_the_line_is_read_as_a_holiday_source_with_its_hours() -> None:
    result = load_text(plan('hours holidays DE BY including catholic except "Easter Monday" 09:00-13:00, 15:00-17:00'), "t.plan")
    assert result.project is not None and not result.diagnostics
    (source,) = result.project.vendors[0].calendars[0].holidays
    assert (source.country, source.subdivision, source.categories, source.kept_open) == ("DE", "BY", ("public", "catholic"), ("Easter Monday",))
    assert [(h.start, h.end) for h in source.hours] == [(9 * 60, 13 * 60), (15 * 60, 17 * 60)]
    assert (source.pos.line, source.pos.column) == (6, 3)


def test_the_documented_example_checks_clean() -> None:
    example = docs_example()
    assert "hours holidays IT 09:00-13:00" in example
    assert problems(example + 'vendor v {\n  name "V"\n  language en\n}\n') == []


def test_the_fused_parse_builds_the_same_model_as_larks() -> None:
    same(plan('hours holidays SE including de-facto except "Epiphany" 10:00-12:00, 13:00-14:00', "closed holidays SE"), "t.plan")


# --- the rules ----------------------------------------------------------------------------------------------


def test_every_holiday_of_the_horizon_has_the_hours_whatever_its_weekday() -> None:
    found = dates("hours holidays IT 09:00-13:00")
    assert found["2026-12-25"] == ON_CALL  # a Friday: not 18:00-22:00
    assert found["2026-12-26"] == ON_CALL  # a Saturday: not 09:00-18:00
    assert found["2026-04-05"] == ON_CALL  # Easter Sunday, a day the week keeps closed
    assert found["2027-03-29"] == ON_CALL  # Easter Monday of the second year
    assert all(hours == ON_CALL for hours in found.values())
    assert "2026-12-24" not in found  # no holiday: the week's hours
    assert dates() == {}  # without the line: no dated day at all


def test_the_line_wins_over_a_closed_holidays_line_but_not_over_its_other_kinds() -> None:
    found = dates("closed holidays SE including de-facto", "hours holidays SE 10:00-14:00")
    assert found["2026-12-25"] == [["10:00", "14:00"]] and found["2026-06-20"] == [["10:00", "14:00"]]  # Midsummer Day
    assert found["2026-12-24"] == [] and found["2026-06-19"] == [] and found["2026-12-31"] == []  # de facto: closed


def test_except_keeps_a_holiday_an_ordinary_day() -> None:
    found = dates('hours holidays IT except "Easter Monday" 09:00-13:00')
    assert "2026-04-06" not in found and found["2026-04-05"] == ON_CALL


def test_the_days_stay_holidays_an_eve_comes_before_them() -> None:
    found = dates("hours holidays IT 09:00-13:00", "eve 18:00-20:00")
    assert found["2026-12-24"] == [["18:00", "20:00"]] and found["2026-12-25"] == ON_CALL


def test_a_dated_line_wins_over_the_line() -> None:
    found = dates("hours holidays IT 09:00-13:00", "closed 2026-12-25")
    assert found["2026-12-25"] == [] and found["2026-12-26"] == ON_CALL


def test_the_line_written_first_gives_its_hours_on_a_day_two_places_share() -> None:
    found = dates("hours holidays IT 09:00-13:00", "hours holidays SE 10:00-14:00")
    assert found["2026-12-25"] == ON_CALL and found["2026-06-06"] == [["10:00", "14:00"]]  # Sweden's National Day


# Thursday 24 December 2026 21:30 in Rome, a first response within 1 hour on the on-call clock: half an hour that
# evening, then Christmas Day, a Friday, is open 09:00-13:00 (not 18:00-22:00). Saturday 26 December (Santo Stefano)
# 12:30: half an hour to 13:00 (not 18:00), Sunday closed, Monday from 18:00.
DEADLINES = [
    ("2026-12-24T21:30:00+01:00", "2026-12-25T09:30:00+01:00", "2026-12-25T18:30:00+01:00"),
    ("2026-12-26T12:30:00+01:00", "2026-12-28T18:30:00+01:00", "2026-12-26T13:30:00+01:00"),
]


@pytest.mark.parametrize(("at", "with_line", "without"), DEADLINES)
def test_the_python_evaluator_counts_the_holiday_hours(at: str, with_line: str, without: str) -> None:
    assert due(rules("hours holidays IT 09:00-13:00"), "presidio/gold", None, at).isoformat() == with_line
    assert due(rules(), "presidio/gold", None, at).isoformat() == without


def test_the_javascript_evaluator_counts_the_same_hours() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    questions = [{"plan": "presidio/gold", "priority": None, "at": at} for at, _, _ in DEADLINES]
    done = subprocess.run(
        [node, str(ROOT / "tests" / "support" / "sla_answers.mjs")], cwd=ROOT, capture_output=True, text=True, timeout=120,
        input=json.dumps({"rules": rules("hours holidays IT 09:00-13:00"), "questions": questions}) + "\n",
    )
    assert json.loads(done.stdout) == [{"due": with_line} for _, with_line, _ in DEADLINES], done.stderr


# --- mistakes, located --------------------------------------------------------------------------------------


def test_a_place_given_hours_twice_is_reported_at_the_second_line() -> None:
    found = only(plan("hours holidays IT 09:00-13:00", "hours holidays IT 15:00-18:00"))
    assert found == (
        "the holidays of IT are given hours twice", 7, 3,
        "first given at line 6; keep one 'hours holidays IT' line, giving all its hours (09:00-13:00, 15:00-18:00)",
    )
    assert load_text(plan("hours holidays IT 09:00-13:00", "hours holidays IT 15:00-18:00"), "t.plan").diagnostics[0].code == "T0526"


@pytest.mark.parametrize(
    ("line", "code", "message", "column"),
    [
        ('hours holidays IT except "Eastr Monday" 09:00-13:00', "T0523",
         "'hours holidays IT' opens no holiday called 'Eastr Monday' in 2026–2027", 28),
        ("hours holidays IT 09:00-13:00, 12:00-14:00", "T0507", "the hours of these holidays overlap", 34),
        ("hours holidays IT 13:00-09:00", "T0505", "the hours 13:00-09:00 end before they start", 21),
        ("hours holidays XX 09:00-13:00", "T0502", "unknown country code 'XX' for public holidays", 3),
    ],
)
def test_a_mistake_in_the_line_is_reported_where_it_is_written(line: str, code: str, message: str, column: int) -> None:
    (found,) = load_text(plan(line), "t.plan").diagnostics
    assert (found.code, found.message, found.pos.line, found.pos.column) == (code, message, 6, column)


HINT = "hours on public holidays, instead of closed (on-call hours), name the country whose holidays they are: hours holidays IT 09:00-13:00"


@pytest.mark.parametrize(
    ("line", "column"),
    [("open holidays 09:00-13:00", 8), ("open holidays IT 09:00-13:00", 8), ("hours holidays 09:00-13:00", 18), ("hours festivi IT 09:00-13:00", 9)],
)
def test_the_forms_an_author_tries_first_get_the_line_as_a_hint(line: str, column: int) -> None:
    message, at_line, at_column, hint = only(plan(line))
    assert (at_line, at_column, hint) == (6, column, HINT), message


def test_a_calendar_in_the_customers_zone_is_warned_in_words_that_fit_the_line() -> None:
    text = plan("hours holidays IT 09:00-13:00").replace("zone Europe/Rome", "zone customer")
    (found,) = load_text(text, "t.plan").diagnostics
    assert found.code == "T0516" and "keeps other hours on the public holidays of IT" in found.message
    assert found.hint is not None and "closed holidays customer" not in found.hint


# --- the page -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "lör 09:00–18:00 italiensk tid; på allmänna helgdagar i Italien 09:00–13:00"),
        ("it", "sab 09:00 – 18:00, ora italiana; nei giorni festivi in Italia 09:00 – 13:00"),
        ("pl", "sob. 09:00 – 18:00 czasu włoskiego; w święta ustawowe we Włoszech 09:00 – 13:00"),
        ("en", "Sat 09:00 – 18:00 Italian time; on public holidays in Italy 09:00 – 13:00"),
    ],
)
def test_the_calendar_says_the_holiday_hours_in_four_languages(lang: str, said: str) -> None:
    result = load_text(plan("hours holidays IT 09:00-13:00"), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    text = site.calendar_text(vendor.calendars[0], site.Reader(lang, words()[lang], vendor))
    assert _plain(text).endswith(said), text
    assert "except" not in text and "utom" not in text and "esclusi" not in text and "wyjątkiem" not in text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "på allmänna helgdagar och de facto-helgdagar i Sverige 10:00–14:00"),
        ("it", "durante i giorni festivi e i giorni non lavorativi per consuetudine in Svezia 10:00 – 14:00"),
        ("pl", "w dni świąt ustawowych i dni zwyczajowo wolnych od pracy w Szwecji 10:00 – 14:00"),
        ("en", "on public holidays and de facto holidays in Sweden 10:00 – 14:00"),
    ],
)
def test_the_kinds_of_holiday_are_named(lang: str, said: str) -> None:
    result = load_text(plan("closed holidays IT", "hours holidays SE including de-facto 10:00-14:00"), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    text = _plain(site.calendar_text(vendor.calendars[0], site.Reader(lang, words()[lang], vendor)))
    assert text.endswith(said), text
    assert "Italia" in text or "Italy" in text or "Italien" in text or "Włoszech" in text  # the closed line still said


def _plain(text: str) -> str:
    return text.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


def test_the_built_page_shows_the_hours(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "presidio.plan").write_text(plan("hours holidays IT 09:00-13:00"), encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    for lang, said in [("sv", "på allmänna helgdagar i Italien"), ("it", "nei giorni festivi in Italia"),
                       ("pl", "w święta ustawowe we Włoszech"), ("en", "on public holidays in Italy")]:
        page = _plain((tmp_path / "_site" / lang / "presidio" / "index.html").read_text(encoding="utf-8"))
        assert said in page, lang
    published = json.loads((tmp_path / "_site" / "rules" / "all.json").read_text(encoding="utf-8"))
    assert published["vendors"]["presidio"]["calendars"]["reperibilita"]["dates"]["2026-12-25"] == ON_CALL
