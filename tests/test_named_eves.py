"""`eve 08:00-13:00 before "Midsummer Eve", "Christmas Eve"`: short hours before some holidays only ("dag före
midsommarafton, julafton och nyårsafton"), read with positions, judged (T0522), expanded into the rules' dates (the
engine, the JavaScript evaluator and the conformance vectors read those) and said on the page in four languages."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsl.language.loader import load_text
from dsl.language.model import Calendar, DailyHours, HolidaySource, WeeklyInterval
from dsl.rules.engine import RuleError, due
from dsl.rules.export import export_project
from dsl.site import views as site
from support import calendars, oracle
from support.language_plans import problems
from support.paths import ROOT
from support.site import words

PLAN = """calendar kontor {{
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
  closed holidays SE{kinds}
  eve 08:00-13:00{before}
}}
vendor v {{
  name "V"
  language sv
  plan p {{
    name "P"
    target first-response all 3h on kontor
  }}
}}
"""


def plan(before: str = "", kinds: str = " including de-facto") -> str:
    """The plan file with `before` after the eve's hours (line 5)."""
    return PLAN.format(before=before, kinds=kinds)


def eve_dates(text: str, years: tuple[int, int] = (2026, 2027)) -> set[str]:
    """The dates the rules give the eve's hours, 08:00-13:00."""
    result = load_text(text, "t.plan")
    assert result.project is not None, [d.message for d in result.diagnostics]
    dates = export_project(result.project, years)["vendors"]["v"]["calendars"]["kontor"]["dates"]
    return {day for day, pieces in dates.items() if pieces == [["08:00", "13:00"]]}


# --- the language ----------------------------------------------------------------------------------


def test_the_names_are_read_with_where_each_is_written() -> None:
    line = '  eve 08:00-13:00 before "Midsummer Eve", "julafton"'
    result = load_text(plan(' before "Midsummer Eve", "julafton"'), "t.plan")
    assert result.project is not None and not result.diagnostics
    calendar = result.project.vendors[0].calendars[0]
    assert calendar.eve_before == ("Midsummer Eve", "julafton")
    assert [(p.line, p.column) for p in calendar.eve_before_pos] == [(5, line.index('"Midsummer') + 1), (5, line.index('"julafton') + 1)]


def test_the_documented_example_checks_clean() -> None:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    example = text[text.index("### Eves before some holidays only"):].split("```\n", 2)[1]
    assert "before" in example
    assert problems(example + 'vendor v {\n  name "V"\n  language sv\n}\n') == []


@pytest.mark.parametrize(
    ("before", "kinds", "found"),
    [
        (' before "Midsomer Eve"', " including de-facto", ("no holiday this calendar closes in 2026–2028 is called 'Midsomer Eve'",
                                                           '"Midsomer Eve"', "did you mean 'Midsummer Eve'?")),
        # Without the de facto holidays Midsummer Eve is a working day: the hint lists what the calendar closes.
        (' before "Midsummer Eve"', "", ("no holiday this calendar closes in 2026–2028 is called 'Midsummer Eve'", '"Midsummer Eve"',
                                        "did you mean 'Midsummer Day'?")),
        (' before "Boxing Day"', "", ("no holiday this calendar closes in 2026–2028 is called 'Boxing Day'", '"Boxing Day"',
                                     "the holidays of SE: New Year's Day, Epiphany, Good Friday, Easter Sunday, Easter Monday, May Day, "
                                     "Ascension Day, Pentecost, National Day, Midsummer Day, All Saints' Day, Christmas Day, ... "
                                     "(tierwise holidays SE --year 2026 lists them, with their own names); an eve names the holiday "
                                     "after the short day: 31 December is the eve of \"New Year's Day\"")),
        (' before "Julafton", "JULAFTON"', " including de-facto", ("the holiday 'JULAFTON' is named twice", '"JULAFTON"',
                                                                   "name each holiday once (first at line 5)")),
    ],
)
def test_a_name_the_calendar_has_no_holiday_of_is_reported_where_it_is_written(before: str, kinds: str, found: tuple[str, str, str]) -> None:
    message, under, hint = found
    result = load_text(plan(before, kinds), "t.plan")
    written = "  eve 08:00-13:00" + before
    assert [(d.message, d.pos.line, d.pos.column, d.hint, d.code) for d in result.diagnostics] == [
        (message, 5, written.index(under) + 1, hint, "T0522")
    ]


def test_the_hint_names_the_kinds_the_calendar_includes() -> None:
    (found,) = load_text(plan(' before "Valborgsmässoafton"'), "t.plan").diagnostics
    assert "(tierwise holidays SE --year 2026 --including de-facto lists them, with their own names);" in (found.hint or "")


# --- the rules ---------------------------------------------------------------------------------------


def test_only_the_days_before_the_named_holidays_get_the_eves_hours() -> None:
    named = eve_dates(plan(' before "Midsummer Eve", "Christmas Eve", "Nyårsafton"'))
    # The Thursday before Midsummer Eve (a de facto holiday, closed), and 23 and 30 December; not Maundy Thursday.
    assert named == {"2026-06-18", "2026-12-23", "2026-12-30", "2027-06-24", "2027-12-23", "2027-12-30"}
    every = eve_dates(plan())
    assert named < every and "2026-04-02" in every


def test_an_eve_that_is_itself_a_holiday_or_closed_keeps_that() -> None:
    # Christmas Eve is a de facto holiday: the eve of Christmas Day is closed, not short.
    assert "2026-12-24" not in eve_dates(plan(' before "Christmas Day"'))
    # Without the de facto holidays, it is the eve: 24 December 2026 is a Thursday.
    assert eve_dates(plan(' before "Christmas Day"', kinds="")) == {"2026-12-24", "2027-12-24"}


# A plain dict: the package's own table adds a year to itself when asked about a date outside it. 2028 for the eve of 1 January.
SWEDISH_HOLIDAYS = dict(holidays.country_holidays("SE", years=[2026, 2027, 2028], categories=("public", "de_facto"), language="sv"))
OWN_NAMES = sorted({name for names in SWEDISH_HOLIDAYS.values() for name in names.split("; ")})


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.sampled_from(OWN_NAMES), min_size=1), st.sets(st.sampled_from(OWN_NAMES)))
def test_the_eves_are_the_open_days_before_the_named_holidays_and_grow_with_the_names(names: set[str], more: set[str]) -> None:
    written = " before " + ", ".join(f'"{n}"' for n in sorted(names))
    found = eve_dates(plan(written))
    # Said again from the holidays package alone: a weekday, itself no holiday, whose next day is a named one.
    expected = {
        (day - timedelta(days=1)).isoformat()
        for day, called in SWEDISH_HOLIDAYS.items()
        if set(called.split("; ")) & names and (day - timedelta(days=1)).weekday() < 5 and day - timedelta(days=1) not in SWEDISH_HOLIDAYS
        and (day - timedelta(days=1)).year in (2026, 2027)
    }
    assert found == expected
    wider = eve_dates(plan(" before " + ", ".join(f'"{n}"' for n in sorted(names | more))))
    assert found <= wider <= eve_dates(plan())
    if names | more == set(OWN_NAMES):
        assert wider == eve_dates(plan())


def _calendar(names: tuple[str, ...]) -> Calendar:
    week = tuple(WeeklyInterval(day, 8 * 60, day, 17 * 60) for day in range(5))
    return Calendar("c", "Europe/Stockholm", weekly=week, holidays=(HolidaySource("SE", None, ("public", "de_facto")),),
                    eve_hours=(DailyHours(8 * 60, 13 * 60),), eve_before=names)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sets(st.sampled_from(OWN_NAMES), min_size=1), st.integers(0, 2 * 365 * 1440), st.integers(1, 1200))
def test_the_engine_on_the_exported_dates_equals_the_oracle_on_the_model(names: set[str], offset: int, minutes: int) -> None:
    drawn = _calendar(tuple(sorted(names)))
    project = calendars.project(drawn, minutes)
    rules = export_project(project, calendars.YEARS)
    at = (datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=offset)).isoformat()
    try:
        expected: datetime | None = oracle.deadline(project, calendars.YEARS, oracle.Question("v/plan", "P1", at, None))
    except oracle.OracleError:
        expected = None  # past the end of the years: the engine refuses it too
    try:
        got: datetime | None = due(rules, "v/plan", "P1", at)
    except RuleError:
        got = None
    assert (got and got.isoformat()) == (expected and expected.isoformat()), at


# --- the page ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "dagen före midsommarafton, julafton och nyårsafton 08:00–13:00"),  # Swedish times take no spaces
        ("it", "il giorno prima di Midsommarafton, Julafton e Nyårsafton 08:00 – 13:00"),
        ("pl", "w dniu poprzedzającym święto (Midsommarafton, Julafton i Nyårsafton) 08:00 – 13:00"),
        ("en", "on the day before Midsummer Eve, Christmas Eve and New Year’s Eve 08:00 – 13:00"),
    ],
)
def test_the_page_names_the_holidays_in_the_readers_language_or_the_countrys_own(lang: str, said: str) -> None:
    result = load_text(plan(' before "Midsummer Eve", "julafton", "New Year\'s Eve"'), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    text = site.calendar_text(result.project.vendors[0].calendars[0], site.Reader(lang, words()[lang], vendor))
    assert text.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ").endswith(said)


def test_an_italian_calendar_names_its_holidays_in_italian_and_in_english() -> None:
    text = plan(' before "Natale", "Capodanno"').replace("closed holidays SE including de-facto", "closed holidays IT").replace(
        "Europe/Stockholm", "Europe/Rome")
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.diagnostics
    calendar, vendor = result.project.vendors[0].calendars[0], result.project.vendors[0]
    italian = site.calendar_text(calendar, site.Reader("it", words()["it"], vendor))
    english = site.calendar_text(calendar, site.Reader("en", words()["en"], vendor))
    assert "il giorno prima di Natale e Capodanno" in italian.replace("\u2060", "")
    assert "on the day before Christmas Day and New Year’s Day" in english.replace("\u2060", "")
    assert date(2026, 12, 24).isoformat() in eve_dates(text) and "2026-12-31" in eve_dates(text)


@pytest.mark.parametrize("written", ["before Midsummer", 'before "Midsummer Eve" "Christmas Eve"', 'before "Midsummer Eve", Christmas'])
def test_a_name_written_without_quotes_or_commas_gets_a_hint(written: str) -> None:
    (found,) = load_text(plan(" " + written), "t.plan").diagnostics
    assert found.code == "T0101" and found.pos.line == 5
    assert 'eve 08:00-13:00 before "Midsummer Eve", "Christmas Eve"' in (found.hint or "")
