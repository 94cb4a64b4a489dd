"""Targets in calendar days: "do 30 kalendářních dnů", "entro 30 giorni solari", "w ciągu 30 dni kalendarzowych".

An outside author writing a Czech framework agreement (tests/plans/outside/moravadata.plan) had to write 30 calendar
days as `720h` on a 24x7 clock, and the page said "720 hours". `30 calendar days` is now a target's amount: 30 × 24
hours on a calendar open 24x7 (T0852 on one with opening hours), said in days on the page in four languages, exported
as minutes, so the rules and both evaluators are unchanged.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.site import views as site
from support.language_plans import only, problems, vendor_of
from support.site import words

PLAN = """calendar c24 {{
  zone Europe/Prague
  open 24x7
}}
calendar office {{
  zone Europe/Prague
  open mon-fri 08:00-16:00
  closed holidays CZ
}}
vendor acme {{
  name "Acme"
  language en only
  plan basic {{
    name "Basic"
    target resolution all {amount}
  }}
}}
"""


def plan_with(amount: str) -> str:
    """A one-tier plan whose resolution target (line 15) is `amount`."""
    return PLAN.format(amount=amount)


@pytest.mark.parametrize(("written", "days"), [("30 calendar days", 30), ("1 calendar day", 1), ("2 calendar  day", 2)])
def test_calendar_days_are_that_many_24_hours_on_the_clock(written: str, days: int) -> None:
    target = vendor_of(plan_with(f"{written} on c24")).plans[0].targets[0]
    assert (target.minutes, target.calendar, target.calendar_days, target.days) == (days * 24 * 60, "c24", True, None)


def test_hours_stay_hours() -> None:
    assert vendor_of(plan_with("720h on c24")).plans[0].targets[0].calendar_days is False


def test_on_a_calendar_with_opening_hours_they_are_an_error_at_the_days() -> None:
    message, line, column, hint = only(plan_with("30 calendar days on office"))
    assert message == "'30 calendar days' on 'office', a calendar with opening hours"
    assert (line, column) == (15, 27)
    assert hint is not None and "open 24x7" in hint and "30 business days" in hint
    assert [m for m, *_ in problems(plan_with("30 calendar days on office"))] == [message]  # the code is T0852: one report


def test_a_calendar_named_days_is_still_a_calendar() -> None:
    text = plan_with("30 calendar days on c24").replace("calendar office {", "calendar days {")
    assert problems(text) == []


def test_days_alone_are_no_duration_and_the_hint_shows_calendar_days() -> None:
    message, _, _, hint = only(plan_with("30 days on c24"))
    assert message == "'30 days' is not a duration"
    assert hint is not None and "write 720h, or 30 calendar days on a calendar open 24x7" in hint and "30 business days" in hint


def test_zero_calendar_days_is_no_time() -> None:
    assert problems(plan_with("0 calendar days on c24"))


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "30 kalenderdagar"), ("it", "30 giorni solari"), ("pl", "30 dni kalendarzowych"), ("en", "30 calendar days")],
)
def test_the_page_says_the_days_in_each_language(lang: str, said: str) -> None:
    vendor = vendor_of(plan_with("30 calendar days on c24"))
    cell = site.target_cell(vendor.plans[0].targets[0], site.Reader(lang, words()[lang], vendor))
    assert cell.text == said


@pytest.mark.parametrize(("count", "said"), [(1, "1 dzień kalendarzowy"), (3, "3 dni kalendarzowe"), (1, "1 calendar day")])
def test_the_plural_follows_the_number(count: int, said: str) -> None:
    lang = "pl" if "dz" in said or "dni" in said else "en"
    vendor = vendor_of(plan_with(f"{count} calendar days on c24"))
    assert site.target_cell(vendor.plans[0].targets[0], site.Reader(lang, words()[lang], vendor)).text == said


def test_the_deadline_is_real_days_later_across_summer_time(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.plan").write_text(plan_with("30 calendar days on c24"), encoding="utf-8")
    assert main(["due", "--project", str(tmp_path), "acme/basic", "2026-10-20T10:00:00+02:00", "--metric", "resolution"]) == 0
    # 720 real hours: the clock went back an hour on 25 October.
    assert capsys.readouterr().out.strip() == "2026-11-19T09:00:00+01:00"
    assert main(["rules", "--project", str(tmp_path), "--output", str(tmp_path / "rules.json")]) == 0
    rules = json.loads((tmp_path / "rules.json").read_text(encoding="utf-8"))
    target = rules["vendors"]["acme"]["plans"]["basic"]["targets"][0]
    assert (target["minutes"], target["calendar"]) == (43200, "c24")
