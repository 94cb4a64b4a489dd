"""`consulting: 10h per month`: an amount of time included per period, in a feature cell.

Before, an author could only write it as a text (or as `10 per month`, which reads "10 times a month").
"""

from __future__ import annotations

import pytest

from dsl.language.loader import load_text
from dsl.language.model import Quantity
from dsl.site import views as site
from support.language_plans import only
from support.site import words

PLAN = """vendor acme {{
  name "Acme"
  language en
  feature consulting {{ label "Consulting" }}
  plan std {{
    name "Standard"
    features {{
      consulting: {value}
    }}
  }}
}}
"""


def cell(value: str):  # type: ignore[no-untyped-def]
    """The vendor and its one cell, written `consulting: VALUE`."""
    result = load_text(PLAN.format(value=value), "t.plan")
    assert result.project is not None, [f"{d.pos}: {d.message}" for d in result.errors]
    vendor = result.project.vendors[0]
    return vendor, vendor.plans[0].cells[0]


def test_a_duration_in_a_cell_is_an_allowance_of_minutes_per_period() -> None:
    _, found = cell("10h per month")
    assert (found.kind, found.quantity) == ("allowance", Quantity(600, "month"))
    _, found = cell('1h 30min { en "remote" sv "på distans" it "a distanza" pl "zdalnie" }')
    assert (found.kind, found.quantity.count, found.quantity.period, found.text is not None) == ("allowance", 90, None, True)


@pytest.mark.parametrize(
    ("lang", "said"),
    [("sv", "10 timmar per månad"), ("it", "10 ore al mese"), ("pl", "10 godzin miesięcznie"), ("en", "10 hours per month")],
)
def test_the_page_says_the_time_per_period(lang: str, said: str) -> None:
    vendor, found = cell("10h per month")
    shown = site.feature_cell(found, vendor, site.Reader(lang, words()[lang], vendor))
    assert (shown.kind, str(shown.html).replace("\u00a0", " ")) == ("quantity", said)


def test_a_qualifying_text_stands_under_the_time() -> None:
    vendor, found = cell('1h 30min per year { en "remote" sv "på distans" it "a distanza" pl "zdalnie" }')
    shown = site.feature_cell(found, vendor, site.Reader("it", words()["it"], vendor))
    assert str(shown.html) == "1 ora e 30 minuti all’anno<br><small>a distanza</small>"


def test_a_count_is_still_a_count() -> None:
    vendor, found = cell("10 per month")
    shown = site.feature_cell(found, vendor, site.Reader("en", words()["en"], vendor))
    assert (found.kind, str(shown.html)) == ("quantity", "10 times a month")


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("0h per month", ("a duration must be longer than zero", 8, 7, "write the time allowed, such as 15min or 2h")),
        ("10h per mont", ("unknown period 'mont'", 8, 27, "did you mean 'month'?")),
    ],
)
def test_a_wrong_allowance_is_reported_where_it_is_written(value: str, found: tuple[str, int, int, str]) -> None:
    assert only(PLAN.format(value=value)) == found
