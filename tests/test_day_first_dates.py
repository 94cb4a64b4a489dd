"""A date written as the vendor's country writes it (session 26: an Italian offer's "dal 01.01.2027").

`price … from 01.01.2027`, `closed 24-06-2026` or `from 1/1/2027` stopped with "expected a date such as 2026-12-24"
and no hint; the hint now gives the same date written year first, read day first as Europe writes it, unless only
the US order (month first) makes a date of it.
"""

from __future__ import annotations

import pytest

from support.language_plans import problems

PLAN = """vendor acme {{
  name "Acme"
  language en
  calendar office {{
    zone Europe/Rome
    open mon-fri 09:00-17:00
    {closed}
  }}
  plan gold {{
    name "Gold"
    price 100 EUR per month
    {price}
  }}
}}
"""


@pytest.mark.parametrize(
    ("closed", "price", "line", "fixed"),
    [
        ("", "price 110 EUR per month from 01.01.2027", 12, "2027-01-01"),
        ("", "price 110 EUR per month from 1/7/2027", 12, "2027-07-01"),
        ("", "price 110 EUR per month from 12/31/2027", 12, "2027-12-31"),  # only month first is a date
        ("closed 24-06-2026", "", 7, "2026-06-24"),
    ],
)
def test_a_day_first_date_gets_the_date_written_year_first(closed: str, price: str, line: int, fixed: str) -> None:
    found = problems(PLAN.format(closed=closed, price=price))
    assert len(found) == 1 and found[0][1] == line, found
    assert found[0][3] == f"a date is written year first, YYYY-MM-DD: {fixed}"
    written = closed or price
    corrected = written.rsplit(" ", 1)[0] + " " + fixed
    assert problems(PLAN.format(closed=corrected if closed else "", price=corrected if price else "")) == []
