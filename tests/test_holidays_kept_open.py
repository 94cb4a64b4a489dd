"""`closed holidays FR except "Pentecost Monday"`: a holiday of the line the office works on (France's journée de
solidarité, a US vendor open on Columbus Day), read with positions, judged (T0523), left out of the rules' closed
dates (the engine, the JavaScript evaluator and the conformance vectors read those) and said on the page in four
languages."""

from __future__ import annotations

import pytest

from dsl.language.loader import load_text
from dsl.rules.engine import due
from dsl.rules.export import export_project
from dsl.site import views as site
from support.language_plans import problems
from support.paths import ROOT
from support.site import words

PLAN = """calendar bureau {{
  zone Europe/Paris
  open mon-fri 09:00-17:00
  closed holidays FR{line}
{more}}}
vendor v {{
  name "V"
  language en
  plan p {{
    name "P"
    target first-response all 4h on bureau
    target resolution all 1 business day on bureau
  }}
}}
"""


def plan(line: str = "", more: str = "") -> str:
    """The plan file with `line` after `closed holidays FR` (line 4) and `more` statements after it."""
    return PLAN.format(line=line, more=more)


def dates(text: str) -> dict[str, list[list[str]]]:
    """The rules' dated hours of the calendar in 2026-2027."""
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.diagnostics, [d.message for d in result.diagnostics]
    return export_project(result.project, (2026, 2027))["vendors"]["v"]["calendars"]["bureau"]["dates"]


# --- the language ----------------------------------------------------------------------------------


def test_the_names_are_read_with_where_each_is_written() -> None:
    line = '  closed holidays FR except "Pentecost Monday", "Armistice"'
    result = load_text(plan(' except "Pentecost Monday", "Armistice"'), "t.plan")
    assert result.project is not None and not result.diagnostics
    (source,) = result.project.vendors[0].calendars[0].holidays
    assert source.kept_open == ("Pentecost Monday", "Armistice")
    assert [(p.line, p.column) for p in source.kept_open_pos] == [(4, line.index('"Pentecost') + 1), (4, line.index('"Armistice') + 1)]


def test_the_documented_example_checks_clean() -> None:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    example = text[text.index("### Holidays the office works on"):].split("```\n", 2)[1]
    assert 'except "Columbus Day", "Veterans Day"' in example
    assert problems(example + 'vendor v {\n  name "V"\n  language en\n}\n') == []


@pytest.mark.parametrize(
    ("line", "found"),
    [
        (' except "Pentcost Monday"', ("'closed holidays FR' closes no holiday called 'Pentcost Monday' in 2026–2028", '"Pentcost Monday"',
                                       "did you mean 'Pentecost Monday'?")),
        # Good Friday is Alsace's, not France's: the line without the subdivision does not close it.
        (' except "Good Friday"', ("'closed holidays FR' closes no holiday called 'Good Friday' in 2026–2028", '"Good Friday"',
                                   "its holidays: New Year's Day, Easter Monday, Labour Day, Victory Day, Ascension Day, Pentecost Monday, "
                                   "National Day, Assumption Day, All Saints' Day, Armistice Day, Christmas Day (tierwise holidays FR "
                                   "--year 2026 lists them, with their own names)")),
        (' except "Armistice Day", "ARMISTICE DAY"', ("the holiday 'ARMISTICE DAY' is named twice", '"ARMISTICE DAY"',
                                                      "name each holiday once (first at line 4)")),
    ],
)
def test_a_name_the_line_does_not_close_is_reported_where_it_is_written(line: str, found: tuple[str, str, str]) -> None:
    message, under, hint = found
    result = load_text(plan(line), "t.plan")
    written = "  closed holidays FR" + line
    assert [(d.message, d.pos.line, d.pos.column, d.hint, d.code) for d in result.diagnostics] == [
        (message, 4, written.index(under) + 1, hint, "T0523")
    ]


def test_the_subdivisions_holidays_may_be_kept_open_and_the_british_name_is_read() -> None:
    assert problems(plan(' 6AE except "Good Friday", "Whit Monday", "Lundi de Pâques"')) == []


@pytest.mark.parametrize("written", ['except Pentecost', 'except "Pentecost Monday" "Armistice Day"'])
def test_a_name_written_without_quotes_or_commas_is_a_syntax_error_on_its_line(written: str) -> None:
    (found,) = load_text(plan(" " + written), "t.plan").diagnostics
    assert found.code == "T0101" and found.pos.line == 4


# --- the rules ---------------------------------------------------------------------------------------


def test_a_kept_holiday_is_an_ordinary_day_in_every_year() -> None:
    closed = dates(plan())
    assert closed["2026-05-25"] == [] and closed["2027-05-17"] == []  # Whit Monday, both years
    kept = dates(plan(' except "Pentecost Monday"'))
    assert "2026-05-25" not in kept and "2027-05-17" not in kept  # the weekly hours, 09:00-17:00
    assert {day: hours for day, hours in closed.items() if day not in ("2026-05-25", "2027-05-17")} == kept


def test_no_eve_comes_before_a_kept_holiday() -> None:
    eves = dates(plan("", "  eve 09:00-12:00\n"))
    assert eves["2026-11-10"] == [["09:00", "12:00"]]  # the day before Armistice Day
    kept = dates(plan(' except "Armistice Day"', "  eve 09:00-12:00\n"))
    assert "2026-11-10" not in kept and "2026-11-11" not in kept


def test_another_line_that_closes_the_day_keeps_it_closed() -> None:
    # Whit Monday is Germany's too: the German line closes it whatever the French line keeps open.
    assert dates(plan(' except "Pentecost Monday"', "  closed holidays DE\n"))["2026-05-25"] == []


def test_the_deadline_runs_through_the_kept_holiday() -> None:
    result = load_text(plan(' except "Pentecost Monday"'), "t.plan")
    assert result.project is not None
    rules = export_project(result.project, (2026, 2027))
    # Friday 22 May 2026 at 16:00: one hour that day, three on Whit Monday (open), not on Tuesday; and one business day
    # later at the same time of day is Whit Monday 16:00, not Tuesday's.
    assert due(rules, "v/p", None, "2026-05-22T16:00:00+02:00").isoformat() == "2026-05-25T12:00:00+02:00"
    assert due(rules, "v/p", None, "2026-05-22T16:00:00+02:00", metric="resolution").isoformat() == "2026-05-25T16:00:00+02:00"


# --- the page ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "utom allmänna helgdagar i Alsace, Frankrike; öppet även på Lundi de Pentecôte"),
        ("it", "esclusi i giorni festivi in Francia (Alsazia); aperto anche il giorno di Lundi de Pentecôte"),
        ("pl", "z wyjątkiem świąt ustawowych (Alzacja, Francja); czynne także w święto (Lundi de Pentecôte)"),
        ("en", "except public holidays in Alsace, France; open on Pentecost Monday"),
    ],
)
def test_the_page_says_which_holidays_are_worked_in_the_readers_language_or_the_countrys_own(lang: str, said: str) -> None:
    result = load_text(plan(' 6AE except "whit monday"'), "t.plan")
    assert result.project is not None and not result.diagnostics
    vendor = result.project.vendors[0]
    text = site.calendar_text(vendor.calendars[0], site.Reader(lang, words()[lang], vendor))
    assert text.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").endswith(said)


def test_several_kept_holidays_are_listed() -> None:
    text = plan(' except "Columbus Day", "Veterans Day"').replace("closed holidays FR", "closed holidays US")
    text = text.replace("Europe/Paris", "America/New_York")
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.diagnostics
    vendor = result.project.vendors[0]
    english = site.calendar_text(vendor.calendars[0], site.Reader("en", words()["en"], vendor))
    assert english.replace("\u2060", "").endswith("except public holidays in the United States; open on Columbus Day and Veterans Day")
