"""Prices that add up, and the least a price per a unit comes to (session 27, an outside author's price lists).

"4 900 kr per månad plus 350 kr per server" was two segments and a note, and "150 € per dispositivo al mese, con un
minimo di 1.500 € al mese" a note: the language had no sum of prices and no least amount but a percentage's. A part is
`plus AMOUNT CURRENCY per UNIT`, paid per the price's period; a least amount is `at least AMOUNT CURRENCY per PERIOD`.
Both are read, checked (T0433-T0437), said in four languages on the tier, the home card and the comparison, and given
to search engines as components of one compound price. Prices are not part of the rules.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from dsl.language.model import Project
from dsl.site import structured
from dsl.site import views as site
from support.language_plans import only, problems, vendor_of
from support.site import compare_view, plain, words

PLAN = """vendor acme {
  name "Acme"
  language en
  plan gold {
    name "Gold"
    PRICE
  }
}
"""
"""A vendor with one tier, its price on line 6."""


def plan(price: str) -> str:
    """The plan text with `price`."""
    return PLAN.replace("PRICE", price)


def price_of(text: str):  # type: ignore[no-untyped-def]
    """The one price of the one tier of `text`."""
    return vendor_of(plan(text)).plans[0].prices[0]


def test_parts_are_read_with_their_units_and_the_price_keeps_its_own() -> None:
    price = price_of("price 8900 SEK per month plus 450 SEK per server plus 95 SEK per user billed quarterly plus 15000 SEK setup excl tax")
    assert (price.amount, price.unit, price.period, price.billing, price.tax) == (Decimal(8900), None, "month", "quarterly", "excluded")
    assert [(p.amount, p.currency, p.unit, p.period) for p in price.parts] == [
        (Decimal(450), "SEK", "server", None), (Decimal(95), "SEK", "user", None)
    ]
    assert price.setup is not None and price.setup.amount == Decimal(15000)
    assert (price.parts[0].pos.line, price.parts[0].pos.column) == (6, 30)
    assert price_of("price 4900 SEK per month").parts == ()


def test_a_least_amount_is_read_on_a_price_per_a_unit() -> None:
    price = price_of("price 150 EUR per device per month at least 1500 EUR per month excl tax")
    assert price.floor is not None
    assert (price.floor.amount, price.floor.currency, price.floor.period) == (Decimal(1500), "EUR", "month")
    assert (price.floor.pos.line, price.floor.pos.column) == (6, 40)


@pytest.mark.parametrize(
    ("price", "code", "column"),
    [
        ("price 4900 SEK per month plus 350 SEK per server per year", "T0433", 58),
        ("price 4900 SEK per year plus 350 SEK per server per month", "T0433", 57),
        ("price 4900 SEK per month plus 35 EUR per server", "T0434", 30),
        ("price 150 EUR per device per month at least 1500 USD per month", "T0434", 40),
        ("price 4900 SEK per month plus 350 SEK per server plus 50 SEK per server", "T0435", 54),
        ("price 89 EUR per server per month plus 10 EUR per server", "T0435", 39),
        ("price 4900 SEK per month plus 300 SEK per month", "T0435", 30),
        ("price 150 EUR per month at least 1500 EUR per month", "T0436", 29),
        ("price 650 EUR for 10 hours at least 700 EUR", "T0436", 32),
        ("price 1500 EUR per month plus 2000 EUR setup plus 1000 EUR setup", "T0437", 50),
        ("price 4900 SEK per month billed yearly plus 350 SEK per server billed quarterly", "T0437", 75),
    ],
)
def test_a_wrong_part_or_least_amount_is_an_error_where_it_is_written(price: str, code: str, column: int) -> None:
    from dsl.language.loader import load_text

    found = [(d.code, d.pos.line, d.pos.column) for d in load_text(plan(price), "t.plan").diagnostics if d.is_error]
    assert found == [(code, 6, column)]


def test_a_part_with_a_period_on_a_day_rate_is_told_the_rate_not_paid_once() -> None:
    """`price 900 EUR per day` is a day of work (a unit), so a part per day has a period the price has not: the message
    names the day rate the author wrote, not a price "paid once" they never wrote."""
    message, line, column, _ = only(plan("price 900 EUR per day plus 50 EUR per site per day"))
    assert (message, line, column) == ("a part of the price per day on a price paid per day of work", 6, 52)
    assert only(plan("price 900 EUR plus 50 EUR per site per month"))[0] == "a part of the price per month on a price paid once"


def test_a_misspelt_unit_of_a_part_is_told_the_unit() -> None:
    message, line, column, hint = only(plan("price 4900 SEK per month plus 350 SEK per sever"))
    assert (message, line, column, hint) == ("unknown price unit 'sever'", 6, 47, "did you mean 'server'?")


def test_a_base_fee_written_after_a_price_per_a_unit_is_a_part_without_a_unit() -> None:
    assert problems(plan("price 89 EUR per server per month plus 500 EUR per month")) == []
    # No unit and no period: a set-up fee without its word (T0425), not a part.
    assert only(plan("price 89 EUR per server per month plus 500 EUR"))[0] == "'plus 500 EUR' does not say what the amount is"


def test_a_least_amount_of_0_is_warned_about() -> None:
    message, *_ = only(plan("price 150 EUR per device per month at least 0 EUR per month"), "warning")
    assert message == "a least amount of 0 EUR"


SAID = {
    "sv": ("4 900 kr per månad plus 350 kr per server per månad plus 95 kr per användare per månad exkl. moms, faktureras "
           "kvartalsvis, plus en engångsavgift för uppstart på 15 000 kr",
           "150 € per enhet per månad exkl. moms, minst 1 500 € per månad"),
    "it": ("4900 SEK al mese più 350 SEK per server al mese più 95 SEK per utente al mese IVA esclusa, fatturazione trimestrale, "
           "più un costo di attivazione una tantum di 15.000 SEK",
           "150 € per dispositivo al mese IVA esclusa, con un minimo di 1500 € al mese"),
    "pl": ("4900 SEK miesięcznie plus 350 SEK za serwer miesięcznie plus 95 SEK za użytkownika miesięcznie netto (bez VAT), "
           "rozliczane kwartalnie, plus jednorazowa opłata wdrożeniowa w wysokości 15 000 SEK",
           "150 € za urządzenie miesięcznie netto (bez VAT), co najmniej 1500 € miesięcznie"),
    "en": ("SEK 4,900 per month plus SEK 350 per server per month plus SEK 95 per user per month excl. tax, billed quarterly, "
           "plus a one-off set-up fee of SEK 15,000",
           "€150 per device per month excl. tax, at least €1,500 per month"),
}
SUM = "price 4900 SEK per month plus 350 SEK per server plus 95 SEK per user billed quarterly plus 15000 SEK setup excl tax"
FLOOR = "price 150 EUR per device per month at least 1500 EUR per month excl tax"


@pytest.mark.parametrize("lang", sorted(SAID))
def test_the_pages_say_each_part_and_the_least_amount_in_each_language(lang: str) -> None:
    for text, expected in zip((SUM, FLOOR), SAID[lang], strict=True):
        vendor = vendor_of(plan(text))
        reader = site.Reader(lang, words()[lang], vendor)
        assert plain(site.price_text(vendor.plans[0].prices[0], reader)) == expected
        # The home card and the comparison say the same words for a tier with one price.
        assert plain(site.price_range(vendor, reader)) == expected
        page = compare_view(Project((vendor,)), lang)
        column = [c.key for c in page.columns].index("price") - 1
        assert plain(re.sub(r"<[^>]+>", "", str(page.rows[0].cells[column].text))) == expected


def test_the_home_card_says_prices_with_other_parts_from_the_cheapest() -> None:
    # Listed whole and joined by "or", Norrdrift's two prices took nine lines of its card on a phone; the vendor page says
    # each tier's price whole, the card where they start.
    text = PLAN.replace("PRICE", "price 4900 SEK per month plus 350 SEK per server").replace(
        "  }\n}",
        '  }\n  plan plus { name "Plus" price 8900 SEK per month plus 450 SEK per server plus 2000 SEK setup }\n}',
    )
    vendor = vendor_of(text)
    summary = plain(site.price_range(vendor, site.Reader("en", words()["en"], vendor)))
    assert summary == "from SEK 4,900 per month plus SEK 350 per server per month"
    bare = vendor_of(text.replace("  plan plus {", '  plan bare { name "Bare" price 3000 SEK per month }\n  plan plus {'))
    assert plain(site.price_range(bare, site.Reader("en", words()["en"], bare))) == "from SEK 3,000 per month"
    # Prices per another unit or with another tax note do not compare: still each said.
    other = vendor_of(text.replace("2000 SEK setup }", "2000 SEK setup excl tax }"))
    assert " or " in plain(site.price_range(other, site.Reader("en", words()["en"], other)))


def test_search_engines_get_one_compound_price_of_the_price_and_its_parts() -> None:
    vendor = vendor_of(plan("price 4900 SEK per month plus 350 SEK per server excl tax"))
    data = json.loads(str(structured.vendor_json_ld(vendor, site.Reader("en", words()["en"], vendor), "https://x.example/en/acme/")))
    (service,) = [node for node in data["@graph"] if node["@type"] == "Service"]
    (offer,) = service["offers"]
    assert offer["price"] == "4900"
    components = offer["priceSpecification"]["priceComponent"]
    assert [(c["price"], c.get("unitText"), c["referenceQuantity"]["unitCode"]) for c in components] == [
        ("4900", None, "MON"), ("350", "per server", "MON")
    ]
