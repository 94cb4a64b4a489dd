"""`closed bridge days`: the working day between a holiday and a weekend (a Swedish klämdag, an Italian ponte).

The outside16 author wrote a Swedish municipality's "klämdagar är stängda" as one `closed DATE` per year, worked out
by hand, and missed Friday 2 January 2026. The line finds them in every year of the horizon; it is exported as closed
dates (so `due` and the JavaScript evaluator need nothing new), judged where written (T0525, T0303) and said on the
pages in four languages.
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

BRIDGES = ["2026-01-02", "2026-01-05", "2026-05-15", "2027-05-07", "2028-01-07", "2028-05-26", "2028-06-05"]


def plan(*lines: str) -> str:
    """The plan file with `lines` in calendar kommun (they start on line 6)."""
    return calendar_plan(lines, "kommun", "closed holidays SE including de-facto", (2026, 2028))


def exported(*lines: str) -> dict:  # type: ignore[type-arg]
    return exported_rules(plan(*lines), (2026, 2028))


def dates(*lines: str) -> dict[str, list[list[str]]]:
    return exported(*lines)["vendors"]["acme"]["calendars"]["kommun"]["dates"]  # type: ignore[no-any-return]


def closed_weekdays(found: dict[str, list[list[str]]], without: dict[str, list[list[str]]]) -> list[str]:
    """The dates closed with the line that are open without it."""
    return sorted(day for day, hours in found.items() if hours == [] and without.get(day) != [])


def test_the_bridge_days_of_three_swedish_years() -> None:
    assert closed_weekdays(dates("closed bridge days"), dates()) == BRIDGES


def test_a_day_between_two_holidays_and_one_after_a_holiday_on_a_weekday_only_in_a_six_day_week() -> None:
    # Monday to Saturday: Friday 15 May 2026 lies between Ascension Day and an open Saturday, so it is no bridge day;
    # Saturday 2 January 2027 is open (New Year's Day is Friday), and Sunday is closed: a bridge day.
    found = dates("open sat 09:00-13:00", "closed bridge days")
    bridges = closed_weekdays(found, dates("open sat 09:00-13:00"))
    assert "2026-05-15" not in bridges and "2027-01-02" in bridges and "2026-01-02" not in bridges


def test_a_dated_line_and_a_yearly_line_win_but_not_one_on_working_days() -> None:
    found = dates("closed bridge days", "hours 2026-05-15 08:00-12:00", "hours yearly 01-02 09:00-12:00",
                  "hours yearly 05-01 to 05-31 08:00-16:00 on working days")
    assert found["2026-05-15"] == [["08:00", "12:00"]]
    assert found["2026-01-02"] == [["09:00", "12:00"]]
    assert found["2027-05-07"] == [] and found["2028-05-26"] == []  # summer-style hours on working days leave them closed
    assert found["2027-05-10"] == [["08:00", "16:00"]]


def test_a_bridge_day_is_no_working_day_and_keeps_no_eve() -> None:
    found = dates("closed bridge days", "eve 08:00-13:00", "hours monthly first working day 07:00-20:00")
    # January 2026: 1 New Year's Day, 2 and 5 bridge days, 6 Epiphany: the first working day is Wednesday 7.
    assert found["2026-01-07"] == [["07:00", "20:00"]]
    assert found["2026-01-05"] == []  # the eve of Epiphany, but a bridge day: closed
    assert found["2026-05-13"] == [["08:00", "13:00"]]  # the eve of Ascension Day is an ordinary eve


def test_the_rules_answer_a_deadline_past_the_bridge_days() -> None:
    rules = exported("closed bridge days")
    # New Year's Day 2026 at 10:00: Friday 2 and Monday 5 are bridge days, Tuesday 6 Epiphany; Wednesday 08:00 + 1 hour.
    assert due(rules, "acme/p", None, "2026-01-01T10:00:00+01:00").isoformat() == "2026-01-07T09:00:00+01:00"


def test_without_holidays_the_line_closes_nothing_and_is_warned_of() -> None:
    text = plan("closed bridge days").replace("  closed holidays SE including de-facto\n", "")
    message, line, column, hint = only(text, "warning")
    assert (message, line, column) == ("'closed bridge days' closes nothing: calendar 'kommun' closes on no holidays", 5, 3)
    assert hint == "add the holidays the bridge days lie beside, such as closed holidays SE"


def test_the_line_twice_is_an_error_at_the_second() -> None:
    message, line, _, _ = only(plan("closed bridge days", "closed bridge days"))
    assert (message, line) == ("calendar 'kommun' has more than one 'closed bridge days'", 7)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "closed on bridge days (a working day between a holiday and a weekend)"),
        ("sv", "stängt klämdagar (en arbetsdag mellan en helgdag och en helg)"),
        ("it", "chiuso nei giorni di ponte (un giorno lavorativo tra un festivo e il fine settimana)"),
        ("pl", "nieczynne w dni pomostowe (dzień roboczy między świętem a weekendem)"),
    ],
)
def test_the_page_says_it_in_the_readers_language(lang: str, said: str) -> None:
    result = load_text(plan("closed bridge days"), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    text = site.clock_text(vendor, "kommun", site.Reader(lang, words()[lang], vendor)).replace("\u2060", "").replace("\xa0", " ")
    assert said in text, text
