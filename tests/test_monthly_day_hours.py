"""One day of every month: `hours monthly day 25 07:00-20:00 or the working day before` (session lang14).

A payroll vendor keeps longer hours on pay day, the 25th in Sweden ("den 25:e, eller närmast föregående vardag"); the
language had only the first or last working days of a month. The line is judged where written (T0524, T0521),
exported as dated hours (so the rules, `due` and the JavaScript evaluator need nothing new), and said on the pages in
four languages.
"""

from __future__ import annotations

import pytest

from dsl.language.loader import load_text
from dsl.rules.engine import due
from dsl.rules.export import export_project
from dsl.site import views as site
from support.language_plans import only, problems
from support.one_calendar import calendar_plan
from support.one_calendar import exported as exported_rules
from support.parse_both_ways import same
from support.paths import ROOT
from support.site import words

LATE = [["07:00", "20:00"]]


def plan(*lines: str) -> str:
    """The plan file with `lines` in calendar desk (they start on line 6)."""
    return calendar_plan(lines, "desk", "closed holidays SE", (2026, 2026))


def dates(*lines: str) -> dict[str, list[list[str]]]:
    return exported_rules(plan(*lines), (2026, 2026))["vendors"]["acme"]["calendars"]["desk"]["dates"]  # type: ignore[no-any-return]


def late_days(found: dict[str, list[list[str]]]) -> list[str]:
    return sorted(day for day, kept in found.items() if kept == LATE)


def test_pay_day_moves_to_the_working_day_before_a_weekend_or_holiday() -> None:
    found = dates("hours monthly day 25 07:00-20:00 or the working day before")
    # 2026: 25 January is a Sunday, 25 April and 25 July Saturdays, 25 October a Sunday, 25 December Christmas Day
    # (and the 24th Christmas Eve, a Swedish holiday de facto only: the package's public list keeps it a working day).
    assert late_days(found) == [
        "2026-01-23", "2026-02-25", "2026-03-25", "2026-04-24", "2026-05-25", "2026-06-25",
        "2026-07-24", "2026-08-25", "2026-09-25", "2026-10-23", "2026-11-25", "2026-12-24",
    ]
    assert found["2026-12-25"] == []


def test_on_working_days_keeps_only_the_months_where_the_day_is_one() -> None:
    found = dates("hours monthly day 25 07:00-20:00 on working days")
    assert late_days(found) == [
        "2026-02-25", "2026-03-25", "2026-05-25", "2026-06-25", "2026-08-25", "2026-09-25", "2026-11-25",
    ]


def test_the_bare_line_opens_the_day_whatever_the_weekday_and_is_warned_about() -> None:
    found = dates("hours monthly day 25 07:00-20:00")
    assert len(late_days(found)) == 12 and found["2026-01-25"] == LATE and found["2026-12-25"] == LATE
    message, line, column, hint = only(plan("hours monthly day 25 07:00-20:00"), "warning")
    assert (message, line, column) == ("these hours also open Sunday 25 January 2026, a day the week keeps closed", 6, 3)
    assert hint == ("for working days only, end the line with 'on working days'; a pay day that moves to the working day "
                    "before: 'or the working day before'; a deadline that moves to the next one: 'or the working day after'")


def test_a_dated_line_wins_and_a_pay_day_counts_for_the_months_last_working_day() -> None:
    found = dates("hours monthly day 25 07:00-20:00 or the working day before", "hours 2026-03-25 08:00-12:00",
                  "hours monthly last working day 09:00-18:00")
    assert found["2026-03-25"] == [["08:00", "12:00"]]
    # The bare pay day of a Saturday (day 28, the last one with hours) counts as February's last working day.
    saturday = dates("hours monthly day 28 07:00-20:00", "hours monthly last working day 09:00-18:00")
    assert saturday["2026-02-28"] == LATE and "2026-02-27" not in saturday


def test_the_rules_answer_a_deadline_on_the_longer_hours() -> None:
    result = load_text(plan("hours monthly day 25 07:00-20:00 or the working day before"), "t.plan")
    assert result.project is not None
    rules = export_project(result.project, (2026, 2026))
    # Friday 23 January 2026 (pay day moved from Sunday) at 19:30: open until 20:00, then Monday 26 January from 08:00.
    assert due(rules, "acme/p", None, "2026-01-23T19:30:00+01:00").isoformat() == "2026-01-26T08:30:00+01:00"
    # Thursday 22 January keeps its 17:00.
    assert due(rules, "acme/p", None, "2026-01-22T16:30:00+01:00").isoformat() == "2026-01-23T07:30:00+01:00"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("hours monthly day 31 07:00-20:00 on working days",
         ("day 31 of a month: the day is 1 to 28, a day every month has", 6, 21,
          "hours at a month's end are on its last working days: hours monthly last working day 07:00-20:00")),
        ("hours monthly day 0 07:00-20:00 on working days",
         ("day 0 of a month: the day is 1 to 28, a day every month has", 6, 21,
          "write the day of the month, such as: hours monthly day 25 07:00-20:00")),
        ("hours monthly day 25 20:00-07:00 on working days", ("the hours 20:00-07:00 end before they start", 6, 24, None)),
    ],
)
def test_a_mistake_is_reported_where_it_is_written(line: str, found: tuple[str, int, int, str | None]) -> None:
    message, at_line, column, hint = only(plan(line))
    assert (message, at_line, column) == found[:3], (message, at_line, column, hint)
    if found[3] is not None:
        assert hint == found[3]


def test_a_day_given_twice_is_reported_at_the_second() -> None:
    message, line, column, hint = only(plan("hours monthly day 25 07:00-20:00 on working days",
                                            "hours monthly day 25 07:00-22:00 or the working day before"))
    assert (message, line, column) == ("day 25 of the month is given other hours twice", 7, 3)
    assert hint.startswith("first given at line 6")


def test_the_documented_example_checks_clean() -> None:
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    example = text[text.index("A payroll vendor's pay day"):].split("```\n", 2)[1]
    assert problems(example) == []


@pytest.mark.parametrize(
    ("moved", "lang", "said"),
    [
        ("before", "en", "on the 25th of every month (or the last working day before it) 07:00 – 20:00"),
        ("before", "sv", "den 25:e varje månad (eller närmast föregående arbetsdag) 07:00–20:00"),
        ("before", "it", "il giorno 25 di ogni mese (o l’ultimo giorno lavorativo precedente) 07:00 – 20:00"),
        ("before", "pl", "25. dnia każdego miesiąca (lub w ostatni dzień roboczy przed nim) 07:00 – 20:00"),
        # A deadline that moves to the next working day (outside17: the Polish VAT deadline on the 25th).
        ("after", "en", "on the 25th of every month (or the first working day after it) 07:00 – 20:00"),
        ("after", "sv", "den 25:e varje månad (eller närmast följande arbetsdag) 07:00–20:00"),
        ("after", "it", "il giorno 25 di ogni mese (o il primo giorno lavorativo successivo) 07:00 – 20:00"),
        ("after", "pl", "25. dnia każdego miesiąca (lub w pierwszy dzień roboczy po nim) 07:00 – 20:00"),
    ],
)
def test_the_page_says_the_pay_day_hours(moved: str, lang: str, said: str) -> None:
    result = load_text(plan(f"hours monthly day 25 07:00-20:00 or the working day {moved}"), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    text = site.clock_text(vendor, "desk", site.Reader(lang, words()[lang], vendor)).replace("\u2060", "")
    text = text.replace("\u202f", " ").replace("\u2009", " ").replace("\xa0", " ")
    assert said in text, text


@pytest.mark.parametrize(
    ("lang", "day", "said"),
    [("en", 1, "1st"), ("en", 2, "2nd"), ("en", 3, "3rd"), ("en", 11, "11th"), ("en", 12, "12th"), ("en", 21, "21st"),
     ("en", 22, "22nd"), ("sv", 1, "1:a"), ("sv", 2, "2:a"), ("sv", 3, "3:e"), ("sv", 11, "11:e"), ("sv", 12, "12:e"),
     ("sv", 21, "21:a"), ("sv", 22, "22:a"), ("sv", 25, "25:e"), ("pl", 25, "25."), ("it", 25, "25")],
)
def test_the_day_of_the_month_in_each_language(lang: str, day: int, said: str) -> None:
    from dsl.site import formatting as fmt

    assert fmt.day_of_month(day, lang) == said


MOVES = ("a day that moves when it is not a working day ends with: or the working day before (a pay day, moved to the last "
         "working day before it), or: or the working day after (a tax deadline, moved to the next working day)")


@pytest.mark.parametrize(
    ("line", "column", "hint"),
    [
        ("hours monthly 25 07:00-20:00", 17, "other hours on a day of every month are written: hours monthly day 25 07:00-20:00 "
         "(or: hours monthly last 3 working days 07:00-20:00)"),
        ("hours monthly day 25 07:00-20:00 or the previous working day", 43, MOVES),
        # outside17: a tax deadline moves to the next working day, as an accounting-software vendor's author wrote it.
        ("hours monthly day 25 07:00-20:00 or the next working day", 43, MOVES),
        ("hours monthly day 25 07:00-20:00 or the working day following", 55, MOVES),
    ],
)
def test_a_syntax_slip_is_located_with_a_hint(line: str, column: int, hint: str) -> None:
    message, at_line, at_column, said = only(plan(line))
    assert (at_line, at_column, said) == (6, column, hint), message


@pytest.mark.parametrize("ending", ["", " on working days", " or the working day before", " or the working day after"])
def test_the_fused_parse_builds_the_same_model_as_larks(ending: str) -> None:

    same(plan(f"hours monthly day 25 07:00-20:00{ending}", "hours monthly last working day 09:00-18:00"), "t.plan")


def test_a_low_day_moves_into_the_month_before_and_a_day_moved_before_the_years_is_left_out() -> None:
    found = dates("hours monthly day 1 07:00-20:00 or the working day before")
    # 2026: 1 January is New Year's Day (its working day before, 31 December 2025, is outside the years), 1 February and
    # 1 March Sundays, 1 May Labour Day (a Friday), 1 August a Saturday, 1 November a Sunday.
    assert late_days(found) == [
        "2026-01-30", "2026-02-27", "2026-04-01", "2026-04-30", "2026-06-01", "2026-07-01",
        "2026-07-31", "2026-09-01", "2026-10-01", "2026-10-30", "2026-12-01",
    ]


# --- `or the working day after` (outside17): a tax deadline on a weekend or holiday moves to the next working day --------


def polish_dates(*lines: str, closed: str = "closed holidays PL") -> dict[str, list[list[str]]]:
    found = exported_rules(calendar_plan(lines, "desk", closed, (2026, 2026)), (2026, 2026))
    return found["vendors"]["acme"]["calendars"]["desk"]["dates"]  # type: ignore[no-any-return]


def test_a_deadline_moves_to_the_next_working_day_after_a_weekend_or_holiday() -> None:
    found = polish_dates("hours monthly day 25 07:00-20:00 or the working day after")
    # 2026 in Poland: 25 January and 25 October are Sundays, 25 April and 25 July Saturdays; 25 December is Christmas Day
    # and the 26th the Second Day of Christmas (a Saturday), so Monday 28 December.
    assert late_days(found) == [
        "2026-01-26", "2026-02-25", "2026-03-25", "2026-04-27", "2026-05-25", "2026-06-25",
        "2026-07-27", "2026-08-25", "2026-09-25", "2026-10-26", "2026-11-25", "2026-12-28",
    ]
    assert found["2026-12-25"] == [] and "2026-01-25" not in found


def test_a_high_day_moves_into_the_month_after_and_a_day_moved_after_the_years_is_left_out() -> None:
    found = polish_dates("hours monthly day 28 07:00-20:00 or the working day after")
    assert found["2026-03-02"] == LATE and "2026-02-28" not in found  # 28 February 2026 is a Saturday
    # 28 to 31 December closed every year, 1 January a holiday: the working day after is in 2027, outside the years.
    closed = polish_dates("closed yearly 12-28 to 12-31", "hours monthly day 28 07:00-20:00 or the working day after")
    assert not [day for day, kept in closed.items() if kept == LATE and day.startswith("2026-12")]


def test_the_rules_answer_a_deadline_on_the_moved_hours() -> None:
    result = load_text(calendar_plan(("hours monthly day 25 07:00-20:00 or the working day after",), "desk", "closed holidays PL",
                                     (2026, 2026)), "t.plan")
    assert result.project is not None and not result.errors
    rules = export_project(result.project, (2026, 2026))
    # Monday 26 October 2026 (the 25th is a Sunday) at 19:30: open until 20:00, then Tuesday from 08:00.
    assert due(rules, "acme/p", None, "2026-10-26T19:30:00+01:00").isoformat() == "2026-10-27T08:30:00+01:00"
    # Friday 23 October keeps its 17:00.
    assert due(rules, "acme/p", None, "2026-10-23T16:30:00+02:00").isoformat() == "2026-10-26T07:30:00+01:00"
