"""`price included in licence`: support at no extra charge with a licence or subscription (Quillstack's Standard,
"included with every subscription"), which could only be written `price free` and was shown "Free".

Read into the model, judged where written (an unknown word, the likely slips), said on the tier table, the home card
and the comparison in four languages, sorted with free prices, and given as a 0 Offer in the page's JSON-LD.
"""

from __future__ import annotations

import json
import re

import pytest

from dsl.language.vocabulary import INCLUDED_IN
from dsl.site import compare, structured
from dsl.site import views as site
from support.language_plans import one_tier as plan
from support.language_plans import only, problems, vendor_of
from support.site import plain as said
from support.site import words


def reader(lang: str, vendor):  # type: ignore[no-untyped-def]
    return site.Reader(lang, words()[lang], vendor)


def test_the_price_is_read_with_what_it_is_included_in() -> None:
    for written, basis in (("price included in licence", "licence"), ("price included in subscription", "subscription"), ("price included", None)):
        found = vendor_of(plan(written)).plans[0].prices[0]
        assert (found.kind, found.basis, found.amount, found.currency) == ("included", basis, None, None), written
    assert INCLUDED_IN == ("licence", "subscription")


SAID = {
    "licence": {"sv": "Ingår i licensen", "it": "Incluso nella licenza", "pl": "W cenie licencji", "en": "Included in the licence"},
    "subscription": {"sv": "Ingår i prenumerationen", "it": "Incluso nell’abbonamento", "pl": "W cenie subskrypcji",
                     "en": "Included in the subscription"},
    "": {"sv": "Ingår i priset", "it": "Incluso nel prezzo", "pl": "W cenie", "en": "Included in the price"},
}


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
@pytest.mark.parametrize("basis", sorted(SAID))
def test_each_page_says_included_not_free(lang: str, basis: str) -> None:
    acme = vendor_of(plan("price included" + (f" in {basis}" if basis else "")))
    page = reader(lang, acme)
    text = SAID[basis][lang]
    assert said(site.price_text(acme.plans[0].prices[0], page)) == text
    assert said(site.price_range(acme, page)) == text  # the home card
    assert said(compare.price_cell(acme.plans[0], acme, page).text) == text  # the comparison
    assert site.price_cell(acme.plans[0].prices[0], acme, page).kind == "included"


@pytest.mark.parametrize(
    ("lang", "card"),
    [
        # A range says a minimum only when every price in it has the same (the vendor page says each).
        ("en", "Included in the subscription or USD 6 – 12 per user per month, billed yearly"),
        ("pl", "W cenie subskrypcji lub 6 – 12 USD za użytkownika miesięcznie, rozliczane rocznie"),
    ],
)
def test_the_home_card_names_it_first_and_never_as_the_low_end_of_a_range(lang: str, card: str) -> None:
    acme = vendor_of(plan("price included in subscription\n    price 6 USD per user per month minimum 50 users billed yearly\n"
                          "    price 12 USD per user per month minimum 100 users billed yearly"))
    assert said(site.price_range(acme, reader(lang, acme))) == card
    # Beside one amount: listed, lower case inside the list, not "Free to €5 per month".
    two = vendor_of(plan("price included in licence\n    price 5 EUR per month"))
    assert said(site.price_range(two, reader("sv", two))) == "Ingår i licensen eller 5 € per månad"
    both = vendor_of(plan("price free\n    price included in licence\n    price 5 EUR per month"))
    assert said(site.price_range(both, reader("en", both))) == "Free, included in the licence or €5 per month"


def test_the_comparison_sorts_it_with_free_before_every_amount() -> None:
    def key(written: str) -> str:
        acme = vendor_of(plan(written))
        return compare.price_cell(acme.plans[0], acme, reader("en", acme)).sort

    assert key("price included in licence") == key("price free") < key("price 1 EUR per month") < key("price on request")


def test_the_json_ld_offers_it_at_0_in_the_tiers_currency_with_its_words() -> None:
    acme = vendor_of(plan("price included in subscription\n    price 6 USD per user per month"))
    data = json.loads(str(structured.vendor_json_ld(acme, reader("it", acme), "https://example.com/it/acme/")))
    offers = next(node for node in data["@graph"] if node["@type"] == "Service")["offers"]
    assert [(o["price"], o["priceCurrency"], o["description"]) for o in offers][0] == ("0", "USD", "Incluso nell’abbonamento")


INCLUDED_HINT = (
    "support at no extra charge with a licence or subscription is written: price included in licence "
    "(or in subscription, or just price included), with nothing after it but a footnote mark"
)


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("price included with subscription", ("unexpected 'with'; expected a statement or a closing '}' here", 7, 20, INCLUDED_HINT)),
        ("price included in the licence", ("unexpected 'licence'; expected a statement or a closing '}' here", 7, 27, INCLUDED_HINT)),
        ("price included in licence per year", ("unexpected 'per'; expected a statement or a closing '}' here", 7, 31, INCLUDED_HINT)),
        ("price included in licence excl tax", ("unexpected 'excl'; expected a statement or a closing '}' here", 7, 31, INCLUDED_HINT)),
        ("price free with subscription", ("unexpected 'with'; expected a statement or a closing '}' here", 7, 16, INCLUDED_HINT)),
        ("price included in license", ("unknown word for what a price is included in 'license'", 7, 23, "did you mean 'licence'?")),
        ("price included in maintenance", ("unknown word for what a price is included in 'maintenance'", 7, 23,
                                           "use one of: licence, subscription")),
    ],
)
def test_the_likely_slips_are_said_where_they_are(written: str, found: tuple[str, int, int, str]) -> None:
    message, line, column, hint = only(plan(written))
    assert (message, line, column) == found[:3]
    assert hint is not None and found[3] in hint, hint


def test_a_zero_price_is_pointed_to_included_as_well_as_free() -> None:
    _message, _line, _column, hint = only(plan("price 0 USD"), "warning")
    assert hint is not None and "price included in licence" in hint and "price free" in hint


def test_an_included_price_may_change_on_a_date_and_be_marked() -> None:
    acme = vendor_of(plan("price included in licence *\n    price 100 EUR per month from 2027-01-01")
                     .replace("  feature consulting", '  footnote * "Until the licence ends"\n  feature consulting'))
    first, later = acme.plans[0].prices
    assert (first.kind, first.marks, later.valid_from is not None) == ("included", ("*",), True)
    text = said(site.prices_text(acme.plans[0].prices, reader("en", acme)))
    assert re.fullmatch(r"Included in the licence; from 1 January 2027: €100 per month", text), text
    assert problems(plan("price included in licence\n    price included in licence from 2027-01-01"), "error") == []
