"""`hours FIRST to LAST HOURS [on working days]`: other hours on a span of dates (outside16).

A Swedish municipality's summer hours run "vecka 28–31", weeks whose dates move from year to year, so neither a yearly
line nor a `closed` span fits; the author wrote one `hours DATE` per day. The span is expanded into dates where it is
read (a day given twice is T0508 as before), exported as dated hours (so `due` and the JavaScript evaluator need
nothing new), and said as the span it was written on the page, in four languages.
"""

from __future__ import annotations

import pytest

from dsl.language.loader import load_text
from dsl.rules.engine import due
from dsl.site import views as site
from support.language_plans import only
from support.one_calendar import calendar_plan
from support.one_calendar import exported as exported_rules
from support.site import words


def plan(*lines: str) -> str:
    return calendar_plan(lines, "kommun", "closed holidays SE", (2026, 2026), "2h")


def exported(*lines: str) -> dict:  # type: ignore[type-arg]
    return exported_rules(plan(*lines), (2026, 2026))


def dates(*lines: str) -> dict[str, list[list[str]]]:
    return exported(*lines)["vendors"]["acme"]["calendars"]["kommun"]["dates"]  # type: ignore[no-any-return]


def test_weeks_28_to_31_on_working_days() -> None:
    found = dates("hours 2026-07-06 to 2026-08-02 08:00-16:00 on working days")
    summer = sorted(day for day, hours in found.items() if hours == [["08:00", "16:00"]])
    assert len(summer) == 20 and summer[0] == "2026-07-06" and summer[-1] == "2026-07-31"
    assert "2026-07-11" not in found and "2026-08-03" not in found  # the weekend and the Monday after stay ordinary


def test_without_on_working_days_every_day_of_the_span_opens() -> None:
    found = dates("hours 2026-06-05 to 2026-06-07 09:00-12:00")
    # National Day (Saturday 6 June) and the Sunday open too, as `hours DATE` opens its day.
    assert [found[d] for d in ("2026-06-05", "2026-06-06", "2026-06-07")] == [[["09:00", "12:00"]]] * 3


def test_on_working_days_leaves_a_holiday_closed() -> None:
    found = dates("hours 2026-06-01 to 2026-06-07 09:00-12:00 on working days")
    assert found["2026-06-05"] == [["09:00", "12:00"]] and found["2026-06-06"] == []  # National Day keeps its rule


def test_the_rules_answer_a_deadline_on_the_summer_hours() -> None:
    rules = exported("hours 2026-07-06 to 2026-08-02 08:00-16:00 on working days")
    # Friday 10 July 15:00: one hour until 16:00, one from Monday 08:00.
    assert due(rules, "acme/p", None, "2026-07-10T15:00:00+02:00").isoformat() == "2026-07-13T09:00:00+02:00"


def test_a_day_of_the_span_given_again_is_t0508() -> None:
    message, line, _, _ = only(plan("hours 2026-07-06 to 2026-07-10 08:00-16:00", "closed 2026-07-08"))
    assert (message, line) == ("the date 2026-07-08 is given twice", 7)


def test_a_span_that_ends_before_it_starts_is_t0518() -> None:
    message, line, column, hint = only(plan("hours 2026-08-02 to 2026-07-06 08:00-16:00"))
    assert (message, line, column) == ("the days end (2026-07-06) before they start (2026-08-02)", 6, 23)
    assert hint == "write the earlier date first: hours 2026-07-06 to 2026-08-02 …"


def test_a_span_longer_than_a_closed_range_may_be_is_t0518() -> None:
    message, line, column, hint = only(plan("hours 2026-01-01 to 2027-01-02 08:00-16:00"))
    assert (message, line, column) == ("the days span 367 days; a range may span at most 366", 6, 23)
    assert hint == "for the same days every year, write: hours yearly MM-DD to MM-DD …"


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "from 6 July 2026 to 2 August 2026 08:00–16:00 on working days"),
        ("sv", "6 juli 2026–2 augusti 2026 08:00–16:00 på arbetsdagar"),
        ("it", "dal 6 luglio 2026 al 2 agosto 2026 08:00–16:00 nei giorni lavorativi"),
        ("pl", "od 6 lipca 2026 do 2 sierpnia 2026 08:00–16:00 w dni robocze"),
    ],
)
def test_the_page_says_the_span_as_written(lang: str, said: str) -> None:
    result = load_text(plan("hours 2026-07-06 to 2026-08-02 08:00-16:00 on working days"), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    text = site.clock_text(vendor, "kommun", site.Reader(lang, words()[lang], vendor))
    text = text.replace("\u2060", "").replace("\xa0", " ").replace("\u202f", " ").replace("\u2009", " ")
    assert said in text.replace(" – ", "–"), text  # a time range is spaced as each language writes it


def test_hours_that_overlap_in_a_span_are_reported_once_for_the_span() -> None:
    message, line, _, _ = only(plan("hours 2026-07-06 to 2026-07-20 08:00-12:00, 11:00-16:00"))
    assert (message, line) == ("the hours of 2026-07-06 to 2026-07-20 overlap", 6)
