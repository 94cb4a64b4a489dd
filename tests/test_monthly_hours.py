"""Hours at the end or start of every month: `hours monthly last 3 working days 07:00-20:00` (session lang13).

A payroll vendor keeps its hotline open longer on the last working days of each month (Frankenlohn's
"Bereitschaft zum Monatsabschluss", tests/plans/outside/frankenlohn.plan); before this line an author wrote the
ordinary hours and the month-end in a note. The line is judged where written (T0524), exported as dated hours
(so the rules, `due` and the JavaScript evaluator need nothing new), and said on the pages in four languages.
"""

from __future__ import annotations

import pytest

from dsl.language.loader import load_text
from dsl.rules.engine import due
from dsl.rules.export import export_project
from dsl.site import views as site
from support.language_plans import only, problems
from support.site import words

CALENDAR = """horizon 2026-2026
calendar desk {{
  zone Europe/Berlin
  open mon-thu 08:00-17:00
  open fri 08:00-15:00
  closed holidays DE BY
  closed yearly 12-31
{lines}
}}
vendor acme {{
  name "Acme"
  language en
  plan p {{ name "P" target first-response all 1h on desk }}
}}
"""


def plan(*lines: str) -> str:
    """The plan file with `lines` in calendar desk (they start on line 8)."""
    return CALENDAR.format(lines="\n".join("  " + line for line in lines))


def dates(*lines: str) -> dict[str, list[list[str]]]:
    result = load_text(plan(*lines), "t.plan")
    assert result.project is not None and not result.errors, [d.message for d in result.errors]
    return export_project(result.project, (2026, 2026))["vendors"]["acme"]["calendars"]["desk"]["dates"]  # type: ignore[no-any-return]


def month_end(found: dict[str, list[list[str]]], month: str, hours: list[list[str]]) -> list[str]:
    return [day for day, kept in found.items() if day.startswith(month) and kept == hours]


def test_the_last_working_days_of_each_month_get_the_hours() -> None:
    found = dates("hours monthly last 3 working days 07:00-20:00")
    late = [["07:00", "20:00"]]
    # January 2026 ends on a Saturday: Wednesday 28 to Friday 30.
    assert month_end(found, "2026-01", late) == ["2026-01-28", "2026-01-29", "2026-01-30"]
    # 31 December is closed every year: 28 to 30 December; the closed day keeps its rule.
    assert month_end(found, "2026-12", late) == ["2026-12-28", "2026-12-29", "2026-12-30"] and found["2026-12-31"] == []
    # 31 May 2026 is a Sunday; Whit Monday (25 May) and Corpus Christi (4 June) are Bavarian holidays.
    assert month_end(found, "2026-05", late) == ["2026-05-27", "2026-05-28", "2026-05-29"]
    assert sum(1 for kept in found.values() if kept == late) == 36


def test_the_first_working_day_and_hours_of_several_intervals() -> None:
    found = dates("hours monthly first working day 07:00-12:00, 13:00-19:00")
    early = [["07:00", "12:00"], ["13:00", "19:00"]]
    # 1 January is New Year's Day, the 2nd a Friday; 1 May is Labour Day, then a weekend: Monday 4 May.
    assert month_end(found, "2026-01", early) == ["2026-01-02"] and month_end(found, "2026-05", early) == ["2026-05-04"]
    assert found["2026-01-01"] == [] and found["2026-05-01"] == []


def test_a_dated_line_wins_on_its_day_and_still_counts_as_a_working_day() -> None:
    found = dates("hours monthly last 2 working days 07:00-20:00", "hours 2026-09-30 08:00-12:00")
    assert found["2026-09-30"] == [["08:00", "12:00"]] and found["2026-09-29"] == [["07:00", "20:00"]]
    assert "2026-09-28" not in found


def test_the_rules_answer_a_deadline_on_the_longer_hours() -> None:
    result = load_text(plan("hours monthly last working day 08:00-20:00"), "t.plan")
    assert result.project is not None
    rules = export_project(result.project, (2026, 2026))
    # Friday 30 January 2026 at 19:30: open until 20:00 that day, then Monday 2 February from 08:00.
    assert due(rules, "acme/p", None, "2026-01-30T19:30:00+01:00").isoformat() == "2026-02-02T08:30:00+01:00"
    # Friday 23 January keeps its 15:00: a report at 14:30 is due on Monday at 08:30.
    assert due(rules, "acme/p", None, "2026-01-23T14:30:00+01:00").isoformat() == "2026-01-26T08:30:00+01:00"


@pytest.mark.parametrize(
    ("line", "found"),
    [
        ("hours monthly last 0 working days 07:00-20:00",
         ("the last 0 working days of a month: the count is 1 to 10", 8, 22,
          "write the days the other hours are kept on, such as: hours monthly last 3 working days 07:00-20:00")),
        ("hours monthly first 12 working days 07:00-20:00",
         ("the first 12 working days of a month: the count is 1 to 10", 8, 23,
          "write the days the other hours are kept on, such as: hours monthly first 3 working days 07:00-20:00")),
        ("hours monthly last 2 working days 20:00-07:00", ("the hours 20:00-07:00 end before they start", 8, 37, None)),
    ],
)
def test_a_mistake_is_reported_where_it_is_written(line: str, found: tuple[str, int, int, str | None]) -> None:
    message, at_line, column, hint = only(plan(line))
    assert (message, at_line, column) == found[:3], (message, at_line, column, hint)
    if found[3] is not None:
        assert hint == found[3]


def test_an_edge_of_the_month_given_twice_is_reported_at_the_second() -> None:
    message, line, column, hint = only(plan("hours monthly last 2 working days 07:00-20:00", "hours monthly last working day 07:00-22:00"))
    assert (message, line, column) == ("the last working days of the month are given other hours twice", 9, 3)
    assert hint.startswith("first given at line 8")


def test_a_24x7_calendar_takes_no_monthly_hours() -> None:
    text = 'calendar always {\n  open 24x7\n  hours monthly last working day 07:00-20:00\n}\n'
    assert [p[0] for p in problems(text)] == ["a 24x7 calendar cannot also have hours, holidays or dates"]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "every month on the last 3 working days 07:00 – 20:00"),
        ("sv", "varje månad de sista 3 arbetsdagarna 07:00–20:00"),
        ("it", "ogni mese gli ultimi 3 giorni lavorativi 07:00 – 20:00"),
        ("pl", "co miesiąc w ostatnie 3 dni robocze 07:00 – 20:00"),
    ],
)
def test_the_page_says_the_month_end_hours(lang: str, said: str) -> None:
    result = load_text(plan("hours monthly last 3 working days 07:00-20:00"), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    text = site.clock_text(vendor, "desk", site.Reader(lang, words()[lang], vendor)).replace("\u2060", "")
    text = text.replace("\u202f", " ").replace("\u2009", " ").replace("\xa0", " ")
    assert said in text, text


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "every month on the first working day 07:00"), ("pl", "co miesiąc w pierwszy dzień roboczy 07:00"),
     ("it", "ogni mese il primo giorno lavorativo 07:00"), ("sv", "varje månad den första arbetsdagen 07:00")],
)
def test_one_day_reads_in_the_singular(lang: str, said: str) -> None:
    result = load_text(plan("hours monthly first working day 07:00-20:00"), "t.plan")
    assert result.project is not None
    vendor = result.project.vendors[0]
    assert said in site.clock_text(vendor, "desk", site.Reader(lang, words()[lang], vendor)).replace("\u2060", "").replace("\xa0", " ")
