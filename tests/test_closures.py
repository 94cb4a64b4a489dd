"""Closed spans and yearly closures: `closed 2026-12-28 to 2027-01-06`, `closed yearly 12-24 to 12-26`.

A range closes every day of it; a yearly closure closes the same days of every year of the horizon.
Both are expanded into the rule JSON's dated days (so a consumer needs nothing new), a date's own line
wins over a yearly closure, a yearly closure is no holiday (no eve before it), and the page says them
in four languages.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from dsl.language.loader import load_text
from dsl.language.model import YearlyDays
from dsl.language.parser import parse_text
from dsl.rules.engine import Evaluator
from dsl.rules.export import export_project
from dsl.site import views as site
from support.language_plans import only
from support.site import words

PLAN = """horizon 2026-2027
calendar office {{
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
  closed holidays SE
  eve 08:00-13:00
{lines}
}}
vendor acme {{
  name "Acme"
  language en
  priorities p {{ level P1 {{ name "P1" }} }}
  plan std {{
    name "Standard"
    target first-response P1 4h on office
  }}
}}
"""


def plan(*lines: str) -> str:
    """The plan with these lines in its calendar."""
    return PLAN.format(lines="\n".join(f"  {line}" for line in lines))


def dates(*lines: str) -> dict[str, list[list[str]]]:
    """The exported calendar's dated days."""
    result = load_text(plan(*lines), "t.plan")
    assert result.project is not None, [f"{d.pos}: {d.message}" for d in result.errors]
    doc = json.loads(json.dumps(export_project(result.project, (2026, 2027))))
    found: dict[str, list[list[str]]] = doc["vendors"]["acme"]["calendars"]["office"]["dates"]
    return found


def test_a_range_closes_every_day_of_it_both_ends_included() -> None:
    decl, problems = parse_text(plan("closed 2026-12-28 to 2027-01-06"), "t.plan")
    assert decl is not None and not problems
    days = [d.day for d in decl.calendars[0].dates]
    assert days[0] == date(2026, 12, 28) and days[-1] == date(2027, 1, 6) and len(days) == 10
    assert all(d.pos.line == 7 for d in decl.calendars[0].dates)
    exported = dates("closed 2026-12-28 to 2027-01-06")
    for day in ("2026-12-28", "2026-12-29", "2026-12-30", "2027-01-04", "2027-01-05", "2027-01-06"):
        assert exported[day] == [], day
    assert "2027-01-07" not in exported


def test_a_yearly_closure_closes_the_same_days_of_every_year_of_the_horizon() -> None:
    decl, problems = parse_text(plan("closed yearly 12-22 to 12-23", "closed yearly 08-14"), "t.plan")
    assert decl is not None and not problems
    assert decl.calendars[0].yearly == (YearlyDays((12, 22), (12, 23)), YearlyDays((8, 14), (8, 14)))
    exported = dates("closed yearly 12-22 to 12-23", "closed yearly 08-14")
    for day in ("2026-12-22", "2026-12-23", "2027-12-22", "2027-12-23", "2026-08-14"):
        assert exported[day] == [], day
    # 2027-08-14 is a Saturday: closed anyway (the week's hours give it none), and listed as closed.
    assert exported["2027-08-14"] == []
    assert "2028-12-22" not in exported  # outside the horizon


def test_a_yearly_span_past_new_year_closes_the_first_days_of_the_horizon_too() -> None:
    exported = dates("closed yearly 12-31 to 01-02")
    for day in ("2026-01-02", "2026-12-31", "2027-01-01", "2027-01-02", "2027-12-31"):
        assert exported[day] == [], day


def test_29_february_closes_in_leap_years_only() -> None:
    result = load_text(plan("closed yearly 02-29"), "t.plan")
    assert not result.errors
    closure = YearlyDays((2, 29), (2, 29))
    assert closure.days(range(2026, 2029)) == [date(2028, 2, 29)]


def test_a_dates_own_line_wins_and_no_eve_comes_before_a_yearly_closure() -> None:
    exported = dates("closed yearly 12-28 to 12-30", "hours 2026-12-29 09:00-10:00")
    assert exported["2026-12-29"] == [["09:00", "10:00"]]
    assert exported["2026-12-28"] == [] and exported["2026-12-30"] == []
    # 2027-12-27 (Monday) comes before a yearly closure, not before a holiday: its own hours, not the eve's.
    assert "2027-12-27" not in exported
    # The day before a public holiday keeps its eve hours: 2026-01-05, before Epiphany.
    assert exported["2026-01-05"] == [["08:00", "13:00"]]


def test_the_evaluator_counts_no_time_on_closed_days() -> None:
    result = load_text(plan("closed 2026-12-28 to 2027-01-06"), "t.plan")
    assert result.project is not None
    rules = Evaluator(json.loads(json.dumps(export_project(result.project, (2026, 2027)))))
    # 4 hours from Wednesday 23 December 15:00: 2 that day, Christmas Eve is an eve (08:00-13:00): 2 more by 10:00.
    assert rules.due("acme/std", "P1", "2026-12-23T15:00:00+01:00").isoformat() == "2026-12-24T10:00:00+01:00"
    # From the eve's last hour: 1 hour on the 24th, then closed until Thursday 7 January (the 6th is Epiphany too).
    assert rules.due("acme/std", "P1", "2026-12-24T12:00:00+01:00").isoformat() == "2027-01-07T11:00:00+01:00"


@pytest.mark.parametrize(
    ("line", "message", "column", "hint"),
    [
        ("closed 2026-12-31 to 2026-12-01", "the closed days end (2026-12-01) before they start (2026-12-31)", 24,
         "write the earlier date first: closed 2026-12-01 to 2026-12-31"),
        ("closed 2026-01-01 to 2027-01-02", "the closed days span 367 days; a range may span at most 366", 24,
         "a calendar closed for longer is no support calendar; for the same days every year, write: closed yearly MM-DD to MM-DD"),
        ("closed yearly 24-12", "'24-12' is not a day of the year", 17, "days of the year are written MM-DD, such as 12-24 for 24 December"),
        ("closed yearly 12-24 to 02-30", "'02-30' is not a day of the year", 26, "days of the year are written MM-DD, such as 12-24 for 24 December"),
    ],
)
def test_a_wrong_range_or_day_is_reported_where_it_is_written(line: str, message: str, column: int, hint: str) -> None:
    assert only(plan(line)) == (message, 7, column, hint)


def test_a_day_in_a_range_and_on_its_own_line_is_given_twice() -> None:
    found = only(plan("closed 2026-12-28 to 2026-12-30", "closed 2026-12-29"))
    assert found[:2] == ("the date 2026-12-29 is given twice", 8)


def test_a_24x7_calendar_cannot_close_yearly() -> None:
    text = "calendar around {\n  open 24x7\n  closed yearly 12-24\n}\n"
    assert only(text)[:2] == ("a 24x7 calendar cannot also have hours, holidays or dates", 1)


@pytest.mark.parametrize(
    ("lang", "span", "yearly"),
    [
        ("sv", "stängt 28 december 2026 – 30 december 2026", "stängt varje år: 5 juni, 22–23 december och 31 december – 2 januari"),
        ("it", "chiuso dal 28 dicembre 2026 al 30 dicembre 2026", "chiuso ogni anno: 5 giugno, 22–23 dicembre e 31 dicembre – 2 gennaio"),
        ("pl", "nieczynne od 28 grudnia 2026 do 30 grudnia 2026", "nieczynne co roku: 5 czerwca, 22–23 grudnia i 31 grudnia – 2 stycznia"),
        ("en", "closed from 28 December 2026 to 30 December 2026", "closed every year: 5 June, 22 – 23 December and 31 December – 2 January"),
    ],
)
def test_the_page_says_a_span_and_the_yearly_closures(lang: str, span: str, yearly: str) -> None:
    text = plan(
        "closed 2026-08-14", "closed 2026-12-28 to 2026-12-30", "closed yearly 12-31 to 01-02", "closed yearly 12-22 to 12-23", "closed yearly 06-05"
    )
    decl, problems = parse_text(text, "t.plan")
    assert decl is not None and not problems
    said = site.calendar_text(decl.calendars[0], site.Reader(lang, words()[lang])).replace("\u2060", "").replace("\u00a0", " ").replace("\u2009", " ")
    assert span in said and yearly in said, said
    assert said.count("2026") == 3  # the single date and the span's two ends: the yearly ones have no year


def test_hours_yearly_give_a_day_of_every_year_its_own_hours_over_a_holiday_and_an_eve() -> None:
    decl, problems = parse_text(plan("hours yearly 12-24 08:00-12:00", "hours yearly 01-05 to 01-06 10:00-11:00, 13:00-14:00"), "t.plan")
    assert decl is not None and not problems
    assert [(y.first, y.last, len(y.hours)) for y in decl.calendars[0].yearly] == [((12, 24), (12, 24), 1), ((1, 5), (1, 6), 2)]
    exported = dates("hours yearly 12-24 08:00-12:00", "hours yearly 01-05 to 01-06 10:00-11:00, 13:00-14:00")
    assert exported["2026-12-24"] == [["08:00", "12:00"]] and exported["2027-12-24"] == [["08:00", "12:00"]]
    # 6 January is Epiphany (a holiday of the list) and 5 January its eve: the yearly line wins over both.
    assert exported["2026-01-05"] == exported["2026-01-06"] == [["10:00", "11:00"], ["13:00", "14:00"]]
    # Other eves keep the eve hours.
    assert exported["2026-04-02"] == [["08:00", "13:00"]]


def test_yearly_hours_that_overlap_are_reported() -> None:
    found = only(plan("hours yearly 12-24 08:00-12:00, 11:00-13:00"))
    assert found[:2] == ("the hours of these days overlap", 7)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "varje år 24 december 08:00–12:00"),
        ("it", "ogni anno il 24 dicembre 08:00 – 12:00"),
        ("pl", "co roku 24 grudnia 08:00 – 12:00"),
        ("en", "every year on 24 December 08:00 – 12:00"),
    ],
)
def test_the_page_says_the_hours_of_a_day_of_every_year(lang: str, said: str) -> None:
    decl, problems = parse_text(plan("hours yearly 12-24 08:00-12:00"), "t.plan")
    assert decl is not None and not problems
    text = site.calendar_text(decl.calendars[0], site.Reader(lang, words()[lang])).replace("\u2060", "").replace("\u00a0", " ").replace("\u2009", " ")
    assert said in text, text


@pytest.mark.parametrize(
    ("lang", "said", "plain_span"),
    [
        ("sv", "varje år från 1 juli till 31 augusti 08:00–15:00 på arbetsdagar", "varje år från 5 januari till 6 januari 10:00–11:00"),
        ("it", "ogni anno nel periodo 1º luglio – 31 agosto: 08:00 – 15:00 nei giorni lavorativi",
         "ogni anno nel periodo 5 gennaio – 6 gennaio: 10:00 – 11:00"),
        ("pl", "co roku od 1 lipca do 31 sierpnia 08:00 – 15:00 w dni robocze", "co roku od 5 stycznia do 6 stycznia 10:00 – 11:00"),
        ("en", "every year from 1 July to 31 August 08:00 – 15:00 on working days", "every year from 5 January to 6 January 10:00 – 11:00"),
    ],
)
def test_the_page_says_yearly_hours_over_a_span_of_days_in_the_plural(lang: str, said: str, plain_span: str) -> None:
    """Summer hours ("jornada intensiva") read "every year on 1 July – 31 August … when it is a working day": one day's words for two months."""
    decl, problems = parse_text(plan("hours yearly 07-01 to 08-31 08:00-15:00 on working days", "hours yearly 01-05 to 01-06 10:00-11:00"), "t.plan")
    assert decl is not None and not problems
    text = site.calendar_text(decl.calendars[0], site.Reader(lang, words()[lang])).replace("\u2060", "").replace("\u00a0", " ").replace("\u2009", " ")
    assert said in text and plain_span in text, text
    assert "when it is a working day" not in text and "every year on" not in text
