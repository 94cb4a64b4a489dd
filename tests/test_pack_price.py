"""A prepaid pack: `price 650 EUR for 10 hours`, `add-on 690 EUR for 10 hours excl tax` (Tramuntana's extra bank of
hours, which the author could only price as "add-on 690 EUR" and name "Extra bank of 10 hours" in the label).

Read into the model, judged where written (its unit, a pack of one or none, a pack per user, the pack written "per 10
hours" or after the period), said on the tier table, in add-on cells, on the home card and the comparison in four
languages with each language's plural, and given to search engines as the price's referenceQuantity.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from dsl.language.vocabulary import PACK_UNITS
from dsl.site import compare, structured
from dsl.site import views as site
from support.language_plans import one_tier as plan
from support.language_plans import only, problems, vendor_of
from support.site import plain as said
from support.site import words


def reader(lang: str, vendor):  # type: ignore[no-untyped-def]
    return site.Reader(lang, words()[lang], vendor)


def test_the_pack_is_read_as_its_count_and_unit_singular_or_plural() -> None:
    for written, count, unit, period in (("price 650 EUR for 10 hours excl tax", 10, "hour", None),
                                         ("price 1200 EUR for 20 hours per year", 20, "hour", "year"),
                                         ("price 1500 EUR for 1 day", 1, "day", None)):
        found = vendor_of(plan(written)).plans[0].prices[0]
        assert (found.kind, found.amount, found.pack, found.pack_of, found.unit, found.period) == (
            "amount", Decimal(written.split()[1]), count, unit, None, period), written
    assert PACK_UNITS == ("hour", "day", "visit", "incident", "intervention")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("price 650 EUR for 10 hours excl tax",
         {"sv": "650 € för 10 timmar exkl. moms", "it": "650 € per 10 ore IVA esclusa", "pl": "650 € za 10 godzin netto (bez VAT)",
          "en": "€650 for 10 hours excl. tax"}),
        ("price 1200 EUR for 20 hours per year",
         {"sv": "1 200 € för 20 timmar per år", "it": "1200 € per 20 ore all’anno", "pl": "1200 € za 20 godzin rocznie",
          "en": "€1,200 for 20 hours per year"}),
        # Polish counts: 2–4 (but not 12–14) take the plural of few, 5 and up of many.
        ("price 300 EUR for 2 hours", {"pl": "300 € za 2 godziny", "sv": "300 € för 2 timmar", "it": "300 € per 2 ore", "en": "€300 for 2 hours"}),
        ("price 3000 EUR for 22 hours", {"pl": "3000 € za 22 godziny", "en": "€3,000 for 22 hours"}),
        ("price 1000 EUR for 12 hours", {"pl": "1000 € za 12 godzin"}),
        ("price 2000 EUR for 5 days", {"sv": "2 000 € för 5 dagar", "it": "2000 € per 5 giornate di lavoro", "pl": "2000 € za 5 dni pracy",
                                       "en": "€2,000 for 5 days"}),
        ("price 900 EUR for 3 visits", {"sv": "900 € för 3 besök", "it": "900 € per 3 visite", "pl": "900 € za 3 wizyty", "en": "€900 for 3 visits"}),
        ("price 1500 EUR for 5 incidents", {"sv": "1 500 € för 5 ärenden", "it": "1500 € per 5 richieste di assistenza",
                                            "pl": "1500 € za 5 zgłoszeń", "en": "€1,500 for 5 incidents"}),
        ("price 600 EUR for 2 interventions", {"sv": "600 € för 2 insatser", "it": "600 € per 2 interventi", "pl": "600 € za 2 interwencje",
                                               "en": "€600 for 2 interventions"}),
    ],
)
def test_the_pages_say_the_price_for_the_pack_in_each_language(written: str, expected: dict[str, str]) -> None:
    acme = vendor_of(plan(written))
    for lang, text in expected.items():
        page = reader(lang, acme)
        assert said(site.price_text(acme.plans[0].prices[0], page)) == text, lang
        assert said(site.price_range(acme, page)) == text, lang  # the home card
        assert said(compare.price_cell(acme.plans[0], acme, page).text) == text, lang  # the comparison


def test_an_add_on_pack_is_said_in_its_cell_beside_an_hourly_rate() -> None:
    acme = vendor_of(plan(cell="add-on 690 EUR for 10 hours excl tax, 75 EUR per hour excl tax"))
    assert problems(plan(cell="add-on 690 EUR for 10 hours excl tax, 75 EUR per hour excl tax")) == []
    cell = acme.plans[0].cell("consulting")
    assert cell is not None
    expected = {
        "it": "Opzione a pagamento: 690 € per 10 ore IVA esclusa o 75 € all’ora IVA esclusa",
        "en": "Add-on: €690 for 10 hours excl. tax or €75 per hour excl. tax",
    }
    for lang, text in expected.items():
        assert said(str(site.feature_cell(cell, acme, reader(lang, acme)).html)) == text


def test_two_add_on_packs_of_the_same_size_contradict_each_other() -> None:
    message, line, _column, _hint = only(plan(cell="add-on 690 EUR for 10 hours, 650 EUR for 10 hours"))
    assert (message, line) == ("add-on 'consulting' has two prices in EUR for 10 hours", 9)


def test_the_home_card_keeps_packs_apart_from_rates_and_from_other_packs() -> None:
    acme = vendor_of(plan("price 650 EUR for 10 hours\n    price 1200 EUR for 20 hours\n    price 70 EUR per hour"))
    card = said(site.price_range(acme, reader("en", acme)))
    assert card == "€650 for 10 hours, €1,200 for 20 hours or €70 per hour"


def test_the_json_ld_gives_the_pack_as_the_reference_quantity() -> None:
    acme = vendor_of(plan("price 650 EUR for 10 hours excl tax\n    price 1500 EUR for 5 incidents"))
    data = json.loads(str(structured.vendor_json_ld(acme, reader("en", acme), "https://example.com/en/acme/")))
    offers = next(node for node in data["@graph"] if node["@type"] == "Service")["offers"]
    assert [o["priceSpecification"]["referenceQuantity"] for o in offers] == [
        {"@type": "QuantitativeValue", "value": 10, "unitCode": "HUR"},
        {"@type": "QuantitativeValue", "value": 5, "unitCode": "C62", "unitText": "incident"},
    ]
    # The tax note's words are bound by no-break spaces, as on the pages (views._tax).
    assert [(o["price"], o["description"].replace("\u00a0", " ")) for o in offers][0] == ("650", "€650 for 10 hours excl. tax")


@pytest.mark.parametrize(
    ("written", "severity", "found"),
    [
        ("price 650 EUR for 10 hrs", "error", ("unknown unit of a pack 'hrs'", 7, 23, "did you mean 'hours'?")),
        ("price 650 EUR for 10h", "error", ("unknown unit of a pack 'h'", 7, 23, "write the unit in full: for 10 hours")),
        ("price 650 EUR for 10 users", "error",
         ("unknown unit of a pack 'users'", 7, 23, "a price for each user is per user: price 650 EUR per user")),
        ("price 650 EUR for 0 hours", "error", ("a pack of 0 hours: a pack holds at least 1", 7, 23,
                                                "write how many hours the price buys, such as: price 650 EUR for 10 hours")),
        ("price 90 EUR for 1 hour", "warning", ("a pack of 1 hour is a price per hour", 7, 22,
                                                "write: price 90 EUR per hour; the page says it as a rate, and it compares with other rates")),
        ("price 650 EUR for 10 hours per user", "error",
         ("a price for 10 hours per user", 7, 36, "a pack is bought whole: price 650 EUR for 10 hours; a price per user is a price of its own")),
    ],
)
def test_a_pack_that_cannot_be_is_said_where_it_is(written: str, severity: str, found: tuple[str, int, int, str]) -> None:
    assert only(plan(written), severity) == found


def test_a_pack_takes_the_terms_of_any_price_after_it() -> None:
    acme = vendor_of(plan("price from 1200 EUR for 20 hours per year billed quarterly plus 200 EUR setup excl tax"))
    text = said(site.price_text(acme.plans[0].prices[0], reader("en", acme)))
    assert text == "from €1,200 for 20 hours per year excl. tax, billed quarterly, plus a one-off set-up fee of €200"
