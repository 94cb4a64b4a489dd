"""The comparison's sort by price: on what a tier costs a month at the least, where the price says it.

"SEK 12,000 per year" sorted after "SEK 1,500 per month", a base fee plus a price per user sorted on the base fee
alone, and "€9 per user, minimum 25 users" before "€200 per month". A price whose monthly amount depends on the
customer's use (per incident, a pack of hours) or on another price (a share of the licence) compares only with its
kind, after every monthly amount, in both directions of the sort.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from dsl.site import compare
from support.language_plans import one_tier as plan
from support.language_plans import vendor_of


def key(*prices: str) -> str:
    """The price column's sort key of a tier with `prices`."""
    acme = vendor_of(plan("\n    ".join(prices)))
    return compare._price_sort(acme.plans[0].prices)


def monthly(*prices: str) -> Decimal:
    """The monthly amount a tier with `prices` sorts by."""
    found = key(*prices)
    assert found.startswith("1 "), found
    return Decimal(found.split()[-1])


@pytest.mark.parametrize(
    ("price", "amount"),
    [
        ("price 12000 SEK per year", "1000"),
        ("price 3000 SEK per quarter", "1000"),
        ("price 1000 SEK per month billed yearly", "1000"),
        ("price 9 EUR per user per month minimum 25 users billed yearly excl tax", "225"),
        ("price 1200 EUR per device per year minimum 3 devices", "300"),
        ("price 19 EUR per device per month", "19"),  # no minimum: one device is the least
        ("price 15 EUR per user per month minimum 5 users plus 190 EUR per month excl tax", "265"),
        ("price 4900 SEK per month plus 350 SEK per server", "5250"),
        ("price 150 EUR per device per month at least 1500 EUR per month excl tax", "1500"),
        ("price 1500 EUR per month plus 3000 EUR setup", "1500"),  # paid once: not a month's price
    ],
)
def test_a_price_sorts_by_what_it_costs_a_month_at_the_least(price: str, amount: str) -> None:
    assert monthly(price) == Decimal(amount)


def test_a_yearly_price_sorts_by_its_month_not_by_its_larger_figure() -> None:
    assert key("price 12000 SEK per year") < key("price 1500 SEK per month") < key("price 24000 SEK per year")
    assert key("price 15 EUR per user per month minimum 5 users plus 190 EUR per month") > key("price 250 EUR per month")


def test_prices_known_only_with_use_or_another_price_come_after_every_monthly_amount() -> None:
    per_month = key("price 900000 SEK per month")
    per_incident = key("price 150 EUR per incident")
    pack = key("price 650 EUR for 10 hours")
    share = key("price 20% of licence per year")
    for apart in (per_incident, pack, share):
        assert apart.startswith(compare.APART) and per_month < apart < compare.LAST
    assert per_incident < share < key("price on request") < compare.LAST
    # Of a tier with both, the monthly amount is the one it is compared on.
    assert key("price 150 EUR per incident", "price 99 EUR per month") == key("price 99 EUR per month")
