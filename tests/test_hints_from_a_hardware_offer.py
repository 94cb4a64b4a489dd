"""Hints for two mistakes a UK hardware-maintenance author made: a region by its name and a minimum in money.

`closed holidays GB Scotland` (the holidays package files Scotland under SCT) and "minimum contract value £1,500 a
year" written as `minimum 1500 GBP`: before, the first got the generic Bavarian example and the second "unknown
price unit 'GBP'" with the list of units, neither of which says what to write.
"""

from __future__ import annotations

import pytest

from support.language_plans import one_tier, only, problems


@pytest.mark.parametrize(
    ("region", "code"),
    [("Scotland", "GB SCT (Scotland)"), ("Northern Ireland", "GB NIR (Northern Ireland)"), ("Porto", "PT 13 (Porto)")],
)
def test_a_region_written_by_its_name_gets_its_code(region: str, code: str) -> None:
    country = code.split()[0]
    message, line, column, hint = only(f"calendar c {{\n  zone Europe/London\n  open mon-fri 09:00-17:00\n  closed holidays {country} {region}\n}}\n")
    assert (line, column) == (4, 22)
    assert message.startswith(f"unexpected '{region.split()[0]}'")
    assert hint == f"a subdivision is written by its code in the holidays package: closed holidays {code}"


def test_a_word_that_names_no_region_keeps_the_general_hint() -> None:
    _, _, _, hint = only("calendar c {\n  zone Europe/London\n  open mon-fri 09:00-17:00\n  closed holidays GB Scot\n}\n")
    assert hint is not None and hint.startswith("a subdivision is the holidays package's code in capitals")


@pytest.mark.parametrize("minimum", ["minimum 1500 GBP", "minimum 1500 GBP per year"])
def test_a_minimum_in_money_is_told_how_a_least_amount_is_written(minimum: str) -> None:
    message, line, _, hint = only(one_tier(price=f"price 195 GBP per device per year {minimum} excl tax"))
    assert line == 7
    assert hint is not None and hint.endswith("price 195 GBP per device per year at least 1500 GBP per year")
    assert "unknown price unit" not in message
    # What the hint says to write checks (session 27: a least amount of a price per a unit).
    assert problems(one_tier(price="price 195 GBP per device per year at least 1500 GBP per year excl tax")) == []


def test_a_minimum_of_devices_is_still_fine() -> None:
    assert problems(one_tier(price="price 195 GBP per device per year minimum 5 devices excl tax")) == []


@pytest.mark.parametrize("levels", ["P1 and P2", "P1, P2"])
def test_coverage_for_two_levels_on_one_line_gets_a_coverage_hint(levels: str) -> None:
    """A Portuguese SaaS author's "P1 and P2 24x5": the hint spoke of a target's time, which coverage has none of."""
    text = one_tier(price="price free").replace("  plan ", "  calendar c {\n    open 24x7\n  }\n  plan ", 1)
    text = text.replace("    price free", f"    price free\n    coverage {levels} on c", 1)
    message, _, _, hint = only(text)
    assert message.startswith("unexpected")
    assert hint == "coverage names one priority (or all), then its calendar: write a line for each priority, coverage P1 on CALENDAR"


@pytest.mark.parametrize(("written", "code"), [("pt-PT", "pt"), ("en-GB", "en"), ("es-ES", "es")])
def test_a_language_with_its_region_is_told_to_drop_it(written: str, code: str) -> None:
    text = one_tier().replace("    price free", f"    price free\n    support languages {written}", 1)
    message, _, _, hint = only(text)
    assert (message, hint) == (f"unknown language '{written}'", f"a language is written without its region: {code}")
