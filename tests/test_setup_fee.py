"""A set-up fee paid on top of a recurring price (session 22, an outside author): `plus 3000 EUR setup`.

"1 500 EUR per month plus a one-time set-up fee of 3 000 EUR" was not expressible: a second `price` beside the
monthly one reads as an alternative ("or"). The fee is part of its price: read with its place, checked (T0425-T0428,
T0421 for a fee of 0), said after the price in four languages, kept apart on the home card, and a compound price of
two components in the page's schema.org data. Prices are not part of the rules.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language.explanations import EXPLANATIONS
from dsl.site import compare, structured
from dsl.site import views as site
from support.language_plans import only, problems, vendor_of
from support.paths import ROOT
from support.site import plain as said
from support.site import words

PLAN = """vendor acme {{
  name "Acme"
  language en
  plan gold {{
    name "Gold"
    {price}
  }}
}}
"""
"""A vendor with one tier, its price on line 6."""


def plan(price: str) -> str:
    """The plan text with `price`."""
    return PLAN.format(price=price)



def reader(lang: str, vendor):  # type: ignore[no-untyped-def]
    """The page reader of `vendor` in `lang`."""
    return site.Reader(lang, words()[lang], vendor)


def test_a_set_up_fee_is_read_as_part_of_its_price() -> None:
    price = vendor_of(plan("price 1500 EUR per month plus 3000 EUR setup excl tax")).plans[0].prices[0]
    assert (price.amount, price.currency, price.period, price.tax) == (Decimal(1500), "EUR", "month", "excluded")
    assert price.setup is not None
    assert (price.setup.amount, price.setup.currency, price.setup.period, price.setup_word) == (Decimal(3000), "EUR", None, "setup")
    assert (price.setup.pos.line, price.setup.pos.column, price.setup_pos.column) == (6, 30, 44)
    assert vendor_of(plan("price 1500 EUR per month plus 3000 EUR set-up")).plans[0].prices[0].setup_word == "set-up"
    assert vendor_of(plan("price 1500 EUR per month")).plans[0].prices[0].setup is None


@pytest.mark.parametrize(
    ("price", "found"),
    [
        ("price 1500 EUR per month plus 3000 EUR", ("'plus 3000 EUR' does not say what the amount is", 6, 30,
                                                    "a one-off set-up fee paid besides the price is written: plus 3000 EUR setup; "
                                                    "a part of the price paid per something besides it: plus 3000 EUR per server")),
        ("price 1500 EUR per month plus 3000 EUR stup", ("unknown fee 'stup'", 6, 44, "did you mean 'setup'?")),
        ("price 1500 EUR per month plus 300 EUR per month setup", ("a set-up fee of 300 EUR per month: a set-up fee is paid once", 6, 47,
                                                                   "leave out 'per month'; an amount paid every month is a price of its own: "
                                                                   "price 300 EUR per month")),
        ("price 1500 EUR per month plus 3000 USD setup", ("a set-up fee in USD on a price in EUR", 6, 30,
                                                          "write the fee in EUR; a price in USD is a price of its own, with its own fee")),
    ],
)
def test_a_wrong_set_up_fee_is_reported_where_it_is_written(price: str, found: tuple[str, int, int, str]) -> None:
    assert only(plan(price)) == found


def test_a_fee_on_a_one_off_price_or_of_nothing_is_warned_about() -> None:
    message, line, column, hint = only(plan("price 1500 EUR plus 3000 EUR setup"), "warning")
    assert (message, line, column) == ("a set-up fee on a one-off price of 1500 EUR", 6, 20)
    assert hint is not None and "give the price its period" in hint
    assert only(plan("price 1500 EUR per month plus 0 EUR setup"), "warning")[:3] == ("a set-up fee of 0 EUR", 6, 30)
    # A fee on a price per user is on something counted: no warning.
    assert problems(plan("price 50 EUR per user plus 500 EUR setup"), "warning") == []


@pytest.mark.parametrize(
    ("price", "column", "hint"),
    [
        ("price 1500 EUR per month excl tax plus 3000 EUR setup", 39,
         "'plus AMOUNT CURRENCY setup' and 'plus AMOUNT CURRENCY per UNIT' (a part that adds up) come after"),
        ("price 1500 EUR per month plus setup 3000 EUR", 35, "the fee's amount and currency come first, then the word"),
        # A share of the licence with a hosting part beside it: no order would do, so the hint says where else it goes.
        ("price 22% of licence per year plus 0.9 EUR per device", 35, "a share of a price has no 'plus' parts or set-up fee; a second "
         "price line would read as an alternative"),
        ("price 20% of licence per year plus 3000 EUR setup excl tax", 35, "a share of a price has no 'plus' parts"),
    ],
)
def test_a_fee_written_out_of_order_is_a_syntax_error_with_a_hint(price: str, column: int, hint: str) -> None:
    message, line, found, said_hint = problems(plan(price))[0]
    assert (line, found) == (6, column) and message.startswith("unexpected")
    assert said_hint is not None and said_hint.startswith(hint)


def test_an_add_on_has_no_fee_and_says_so() -> None:
    text = plan("features { c: add-on 100 EUR per month plus 300 EUR setup }").replace("  plan gold", '  feature c { label "C" }\n  plan gold')
    hints = [h for _m, _l, _c, h in problems(text)]
    assert hints and hints[0] == "an add-on's price has no set-up fee: say it in the feature's description"


def test_every_new_code_is_explained() -> None:
    for code in ("T0425", "T0426", "T0427", "T0428"):
        assert code in EXPLANATIONS


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "1 500 € per månad exkl. moms, plus en engångsavgift för uppstart på 3 000 €"),
        ("it", "1500 € al mese IVA esclusa, più un costo di attivazione una tantum di 3000 €"),
        ("pl", "1500 € miesięcznie netto (bez VAT), plus jednorazowa opłata wdrożeniowa w wysokości 3000 €"),
        ("en", "€1,500 per month excl. tax, plus a one-off set-up fee of €3,000"),
    ],
)
def test_the_pages_say_the_fee_after_its_price_in_each_language(lang: str, text: str) -> None:
    acme = vendor_of(plan("price 1500 EUR per month plus 3000 EUR setup excl tax"))
    page = reader(lang, acme)
    assert said(site.price_text(acme.plans[0].prices[0], page)) == text
    assert said(site.price_range(acme, page)) == text  # the home card
    assert said(compare.price_cell(acme.plans[0], acme, page).text) == text  # the comparison


def test_the_card_starts_from_the_cheapest_price_with_its_own_fee_and_the_comparison_keeps_both() -> None:
    """The home card says the cheapest price whole, its fee included (pages13: a card of every variant ran to nine lines
    on a phone); the fee is the cheapest one's, so the card never gives a price without the fee it carries, and the
    comparison still lists both prices, the fee beside its own."""
    acme = vendor_of(plan("price 1500 EUR per month plus 3000 EUR setup\n    price 2000 EUR per month"))
    page = reader("en", acme)
    assert said(site.price_range(acme, page)) == "from €1,500 per month, plus a one-off set-up fee of €3,000"
    cell = said(compare.price_cell(acme.plans[0], acme, page).text)
    assert "€1,500 per month, plus a one-off set-up fee of €3,000" in cell and "€2,000 per month" in cell
    assert cell.count("set-up fee") == 1


def test_the_offer_is_a_compound_price_of_the_recurring_price_and_the_fee() -> None:
    acme = vendor_of(plan("price 1500 EUR per month plus 3000 EUR setup excl tax"))
    found = structured.offer(acme.plans[0].prices[0], "", reader("en", acme))
    assert found is not None
    assert (found["price"], found["priceCurrency"]) == ("1500", "EUR")
    spec = found["priceSpecification"]
    assert spec["@type"] == "CompoundPriceSpecification"
    monthly, fee = spec["priceComponent"]
    assert (monthly["price"], monthly["referenceQuantity"]["unitCode"], monthly["priceComponentType"]) == (
        "1500", "MON", "https://schema.org/Subscription",
    )
    assert fee == {
        "@type": "UnitPriceSpecification", "price": "3000", "priceCurrency": "EUR",
        "priceComponentType": "https://schema.org/ActivationFee", "valueAddedTaxIncluded": False,
    }


def test_a_built_page_says_the_fee_and_the_rules_hold_no_price(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    text = plan("price 1500 EUR per month plus 3000 EUR setup\n    contract 12 months")
    (plans / "acme.plan").write_text(text, encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    page = said((tmp_path / "_site" / "pl" / "acme" / "index.html").read_text(encoding="utf-8"))
    assert "1500 € miesięcznie, plus jednorazowa opłata wdrożeniowa w wysokości 3000 €" in page
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert ld is not None
    offer = json.loads(ld.group(1))["@graph"][1]["offers"][0]
    monthly, fee = offer["priceSpecification"]["priceComponent"]
    # The minimum term is how long the monthly price is billed, not the fee.
    assert monthly["billingDuration"]["value"] == 12 and "billingDuration" not in fee
    rules = (tmp_path / "_site" / "rules" / "acme.json").read_text(encoding="utf-8")
    assert "3000" not in rules and "EUR" not in rules


def test_the_documented_example_checks_clean() -> None:
    doc = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    fenced = re.findall(r"^ *```\w*\n(.*?)^ *```", doc, re.M | re.S)
    blocks = [body for body in fenced if "plus 3000 EUR setup" in body]
    assert len(blocks) == 1
    for line in re.sub(r"#[^\n]*", "", blocks[0]).splitlines():
        if line.strip():
            assert problems(plan(line.strip())) == [] and problems(plan(line.strip()), "warning") == []
