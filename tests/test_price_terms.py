"""Prices as real vendors write them (session 21), from docs/language.md "## Prices" and "## Feature cells".

A price of 0 is warned about (T0421: write `price free`, an add-on at no cost is included); an add-on may have
several prices (`add-on 1200 SEK per hour, 9000 SEK per day`, T0422 when two are of the same thing); a price
may state a minimum quantity and how it is billed (`minimum 10 users billed yearly`, T0423/T0424 and did-you-mean
hints); a percentage may be of the licence, a subscription or usage charges, with a least amount
(`at least 500 EUR per month`). Each is said on the pages in four languages; prices stay out of the rules.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language.model import Price
from dsl.rules import export
from dsl.site import compare, structured
from dsl.site import views as site
from support.language_plans import one_tier as plan
from support.language_plans import only, problems, vendor_of
from support.paths import ROOT
from support.site import plain as said
from support.site import words


def reader(lang: str, vendor):  # type: ignore[no-untyped-def]
    """The page reader of `vendor` in `lang`."""
    return site.Reader(lang, words()[lang], vendor)


# --- 1. a price of 0 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("price", "cell", "found"),
    [
        ("price 0 USD", "yes", ("a price of 0 USD", 7, 5, "write 'price free'")),
        ("price 0.00 EUR per month", "yes", ("a price of 0.00 EUR", 7, 5, "write 'price free'")),
        ("price free", "add-on 0 EUR", ("an add-on at 0 EUR: an add-on is bought separately", 9, 26, "write 'yes'")),
        ("price 10% of usage per month at least 0 EUR", "yes", ("a percentage with a minimum of 0 EUR", 7, 5, "leave out 'at least ...'")),
    ],
)
def test_a_price_of_zero_is_warned_about_where_it_is_written(price: str, cell: str, found: tuple[str, int, int, str]) -> None:
    message, line, column, hint = only(plan(price, cell), "warning")
    assert (message, line, column) == found[:3]
    assert hint is not None and found[3] in hint


def test_a_zero_price_beside_free_is_warned_too_and_free_is_not() -> None:
    text = plan("price free\n    price 0 USD")
    assert [(m, line) for m, line, _col, _hint in problems(text, "warning")] == [("a price of 0 USD", 8)]
    assert problems(plan("price free", "add-on 5 EUR per month"), "warning") == []
    assert problems(plan("price free"), "error") == []


def test_the_zero_price_warning_has_its_code_and_explanation() -> None:
    from dsl.language.explanations import EXPLANATIONS
    from dsl.language.loader import load_text

    codes = {d.code for d in load_text(plan("price 0 USD", "add-on 0 EUR"), "t.plan").diagnostics}
    assert codes == {"T0421"}
    assert "price free" in EXPLANATIONS["T0421"].text


# --- 2. several prices of one add-on ---------------------------------------------------------------


def test_an_add_on_keeps_each_of_its_prices_with_its_own_place() -> None:
    cell = vendor_of(plan(cell="add-on 1200 SEK per hour excl tax, 9000 SEK per day")).plans[0].cells[0]
    assert [(p.amount, p.currency, p.unit, p.period, p.tax) for p in cell.prices] == [
        (Decimal(1200), "SEK", "hour", None, "excluded"),
        (Decimal(9000), "SEK", "day", None, None),  # a day of work, as the hour is (session 22)
    ]
    assert [(p.pos.line, p.pos.column) for p in cell.prices] == [(9, 26), (9, 54)]
    assert cell.price == cell.prices[0]


@pytest.mark.parametrize(
    ("lang", "words_said"),
    [
        ("sv", "Tillval: 1 200 kr per timme eller 9 000 kr per dag"),  # a day of work, not "per dygn" (24 hours)
        ("it", "Opzione a pagamento: 1200 SEK all’ora o 9000 SEK al giorno"),
        ("pl", "Dodatek płatny: 1200 SEK za godzinę lub 9000 SEK za dzień"),
        ("en", "Add-on: SEK 1,200 per hour or SEK 9,000 per day"),
    ],
)
def test_the_vendor_page_says_every_price_of_an_add_on(lang: str, words_said: str) -> None:
    acme = vendor_of(plan(cell="add-on 1200 SEK per hour, 9000 SEK per day"))
    cell = site.feature_cell(acme.plans[0].cells[0], acme, reader(lang, acme))
    assert said(cell.html) == words_said


def test_two_prices_of_an_add_on_for_the_same_thing_are_an_error_at_the_second() -> None:
    message, line, column, hint = only(plan(cell="add-on 1200 SEK per hour, 1000 SEK per hour"))
    assert (message, line, column) == ("add-on 'consulting' has two prices in SEK per hour", 9, 45)
    assert hint is not None and "column 26" in hint
    # Another currency, unit or period is another thing.
    assert problems(plan(cell="add-on 1200 SEK per hour, 120 EUR per hour, 9000 SEK per day")) == []


def test_two_percentage_prices_of_an_add_on_on_the_same_basis_and_period_are_an_error_too() -> None:
    message, _line, _column, hint = only(plan(cell="add-on 20% of licence per year, 15% of licence per year"))
    assert message == "add-on 'consulting' has two prices as a share of licence per year"
    assert hint is not None and "column 26" in hint
    # Another period is another thing.
    assert problems(plan(cell="add-on 20% of licence per year, 2% of licence per month")) == []


def test_each_price_of_an_add_on_is_checked() -> None:
    message, line, column, hint = only(plan(cell="add-on 1200 SEK per hour, 9000 SEK per dya"))
    assert (message, line, column, hint) == ("unknown period 'dya'", 9, 58, "did you mean 'day'?")


# --- 3. a minimum quantity and billing ---------------------------------------------------------------


def test_a_minimum_and_billing_are_read_with_their_places() -> None:
    price = vendor_of(plan("price 35 USD per user per month minimum 10 users billed yearly excl tax")).plans[0].prices[0]
    assert (price.amount, price.unit, price.period, price.minimum, price.billed_every, price.tax) == (
        Decimal(35), "user", "month", 10, "year", "excluded",
    )
    assert (price.minimum_pos.line, price.minimum_pos.column, price.billing_pos.column) == (7, 45, 61)
    assert vendor_of(plan("price 35 USD per user minimum 1 user billed annually")).plans[0].prices[0].billed_every == "year"


@pytest.mark.parametrize(
    ("price", "found"),
    [
        ("price 35 USD per user per month minimum 10 usrs", ("unknown price unit 'usrs'", 7, 45, "did you mean 'users'?")),
        ("price 35 USD per user per month billed yearl", ("unknown billing interval 'yearl'", 7, 44, "did you mean 'yearly'?")),
        ("price 35 USD per month minimum 10 users", ("a minimum of 10 users, but the price is not per user", 7, 36,
                                                     "a minimum counts what the price is per: price 35 USD per user per month minimum 10 users")),
        ("price 35 USD per seat minimum 10 users", ("a minimum of 10 users, but the price is per seat", 7, 35,
                                                    "a minimum counts what the price is per: price 35 USD per user per month minimum 10 users")),
        ("price 35 USD per user minimum 0 users", ("a minimum of 0 users: a minimum quantity is at least 1", 7, 35,
                                                   "leave out 'minimum ...' when the vendor sets no minimum")),
    ],
)
def test_a_wrong_minimum_or_billing_is_reported_where_it_is_written(price: str, found: tuple[str, int, int, str]) -> None:
    assert only(plan(price)) == found


def test_the_words_after_a_price_keep_their_documented_order() -> None:
    # `billed` before `minimum`, or the tax note before them, is not the language: a syntax error, not a guess.
    assert problems(plan("price 35 USD per user billed yearly minimum 10 users"))[0][1:3] == (7, 41)
    assert problems(plan("price 35 USD per user excl tax minimum 10 users"))[0][1:3] == (7, 36)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("sv", "35 USD per användare per månad exkl. moms, minst 10 användare, faktureras årsvis"),
        ("it", "35 USD per utente al mese IVA esclusa, minimo 10 utenti, fatturazione annuale"),
        ("pl", "35 USD za użytkownika miesięcznie netto (bez VAT), minimum 10 użytkowników, rozliczane rocznie"),
        ("en", "USD 35 per user per month excl. tax, minimum 10 users, billed yearly"),
    ],
)
def test_the_pages_say_the_minimum_and_billing_in_each_language(lang: str, text: str) -> None:
    acme = vendor_of(plan("price 35 USD per user per month minimum 10 users billed yearly excl tax"))
    page = reader(lang, acme)
    assert said(site.price_text(acme.plans[0].prices[0], page)) == text
    assert said(site.price_range(acme, page)) == text  # the home card
    assert said(compare.price_cell(acme.plans[0], acme, page).text) == text  # the comparison


@pytest.mark.parametrize(
    ("lang", "card"),
    [
        ("en", "Free to USD 12 per user per month, billed yearly"),
        ("sv", "Från gratis till 12 USD per användare per månad, faktureras årsvis"),
        ("it", "Dal livello gratuito a 12 USD per utente al mese, fatturazione annuale"),
        ("pl", "Od pakietu bezpłatnego do 12 USD za użytkownika miesięcznie, rozliczane rocznie"),
    ],
)
def test_the_card_ranges_prices_whose_minimums_differ_and_says_the_terms_they_share(lang: str, card: str) -> None:
    """Session 23 (Quillstack): three prices with their terms after commas ran together on the home card; the card now
    ranges them, saying the billing all share and leaving the minimums (50 and 100 users) to the vendor page."""
    acme = vendor_of(plan("price free\n    price 6 USD per user per month minimum 50 users billed yearly\n"
                          "    price 12 USD per user per month minimum 100 users billed yearly"))
    assert said(site.price_range(acme, reader(lang, acme))) == card
    two = vendor_of(plan("price 6 USD per user per month minimum 50 users\n    price 12 USD per user per month minimum 100 users"))
    assert said(site.price_range(two, reader("en", two))) == "USD 6 – 12 per user per month"


def test_the_card_sets_three_prices_with_set_up_fees_apart_by_semicolons() -> None:
    """Prices whose set-up fees differ do not range together; three of them, each saying its fee after a comma, ran
    into one another in a list joined by commas ("…set-up fee of €290, €149 per device…"). Per one unit and period they
    are said from the cheapest (pages13); per other units, each, set apart by semicolons."""
    acme = vendor_of(plan("price free\n    price 89 EUR per device per month plus 290 EUR setup\n"
                          "    price 149 EUR per site per month plus 490 EUR setup"))
    assert said(site.price_range(acme, reader("en", acme))) == (
        "Free; €89 per device per month, plus a one-off set-up fee of €290; €149 per site per month, plus a one-off set-up fee of €490"
    )
    two = vendor_of(plan("price 89 EUR per device per month plus 290 EUR setup\n    price 149 EUR per site per month plus 490 EUR setup"))
    assert ";" not in said(site.price_range(two, reader("en", two)))  # two prices: "a or b"
    same = vendor_of(plan("price free\n    price 89 EUR per device per month plus 290 EUR setup\n"
                          "    price 149 EUR per device per month plus 490 EUR setup"))
    assert said(site.price_range(same, reader("en", same))) == "Free or from €89 per device per month, plus a one-off set-up fee of €290"


@pytest.mark.parametrize(("count", "text"), [(1, "minimum 1 stanowisko"), (3, "minimum 3 stanowiska"), (5, "minimum 5 stanowisk")])
def test_the_minimum_takes_the_plural_form_of_its_count(count: int, text: str) -> None:
    acme = vendor_of(plan(f"price 90 EUR per seat per year minimum {count} seats"))
    assert said(site.price_text(acme.plans[0].prices[0], reader("pl", acme))).endswith(text)


def test_the_card_ranges_prices_whatever_their_minimum_and_billing() -> None:
    """Harbourline's card listed eight prices: one per currency, billing interval and minimum."""
    acme = vendor_of(plan("price 35 USD per user per month minimum 10 users\n    price 40 USD per user per month"))
    assert said(site.price_range(acme, reader("en", acme))) == "USD 35 – 40 per user per month"
    prices = [
        "price 10 USD per user per month billed yearly",
        "price 8 GBP per user per month billed yearly excl tax",
        "price 25 USD per user per month minimum 10 users billed yearly",
        "price 30 USD per user per month minimum 10 users billed monthly",
        "price 24 GBP per user per month minimum 10 users billed monthly excl tax",
    ]
    acme = vendor_of(plan("\n    ".join(prices)))
    # One range per currency, the vendor's first-named currency first; terms the prices do not share are left out.
    assert said(site.price_range(acme, reader("en", acme))) == "USD 10 – 30 per user per month or £8 – 24 per user per month excl. tax"
    swedish = "10–30 USD per användare per månad eller 8–24 GBP per användare per månad exkl. moms"
    assert said(site.price_range(acme, reader("sv", acme))) == swedish
    # Terms every price of a range shares are still said.
    acme = vendor_of(plan("\n    ".join(f"price {n} USD per user per month minimum 10 users billed yearly" for n in (25, 45))))
    polish = "25 – 45 USD za użytkownika miesięcznie, minimum 10 użytkowników, rozliczane rocznie"
    assert said(site.price_range(acme, reader("pl", acme))) == polish


def test_the_minimum_is_the_offers_eligible_quantity() -> None:
    acme = vendor_of(plan("price 35 USD per user per month minimum 10 users billed yearly"))
    found = structured.offer(acme.plans[0].prices[0], "", reader("sv", acme))
    assert found is not None
    assert found["eligibleQuantity"] == {"@type": "QuantitativeValue", "minValue": 10, "unitText": "per användare"}
    assert "faktureras årsvis" in found["description"]
    plain = structured.offer(vendor_of(plan("price 35 USD per user per month")).plans[0].prices[0], "", reader("sv", acme))
    assert plain is not None and "eligibleQuantity" not in plain


# --- 4. percentages of other prices, with a least amount --------------------------------------------


def test_a_percentage_of_usage_with_a_least_amount_is_read() -> None:
    price = vendor_of(plan("price 10% of usage per month at least 500 EUR per month excl tax")).plans[0].prices[0]
    assert (price.kind, price.amount, price.basis, price.period, price.tax) == ("percent", Decimal(10), "usage", "month", "excluded")
    assert price.floor is not None
    assert (price.floor.amount, price.floor.currency, price.floor.period) == (Decimal(500), "EUR", "month")


@pytest.mark.parametrize(
    ("price", "found"),
    [
        ("price 10% of usgae per month", ("unknown basis of a percentage 'usgae'", 7, 18, "did you mean 'usage'?")),
        ("price 25% of subscripton per year", ("unknown basis of a percentage 'subscripton'", 7, 18, "did you mean 'subscription'?")),
        ("price 10% of usage per month at least 500 EUR per mnth", ("unknown period 'mnth'", 7, 55, "did you mean 'month'?")),
    ],
)
def test_a_wrong_basis_or_least_amount_is_reported_where_it_is_written(price: str, found: tuple[str, int, int, str]) -> None:
    assert only(plan(price)) == found


@pytest.mark.parametrize(
    ("lang", "usage", "subscription"),
    [
        ("sv", "10 % av förbrukningskostnaden per månad exkl. moms, minst 500 € per månad", "25 % av prenumerationspriset per år"),
        ("it", "10% dei costi di utilizzo al mese IVA esclusa, con un minimo di 500 € al mese", "25% del prezzo dell’abbonamento all’anno"),
        ("pl", "10% opłat za użycie miesięcznie netto (bez VAT), co najmniej 500 € miesięcznie", "25% ceny subskrypcji rocznie"),
        ("en", "10% of usage charges per month excl. tax, at least €500 per month", "25% of the subscription price per year"),
    ],
)
def test_the_pages_say_each_basis_and_the_least_amount(lang: str, usage: str, subscription: str) -> None:
    acme = vendor_of(plan("price 10% of usage per month at least 500 EUR per month excl tax\n    price 25% of subscription per year"))
    page = reader(lang, acme)
    assert [said(site.price_text(p, page)) for p in acme.plans[0].prices] == [usage, subscription]
    card = said(site.price_range(acme, page))
    assert card.index(subscription) < card.index(usage)  # the card lists the bases in the vocabulary's order


def test_the_comparison_sorts_percentages_by_basis_after_every_amount() -> None:
    def key(*prices: Price) -> str:
        return compare._price_sort(prices)

    licence = Price(None, "percent", Decimal(30), basis="licence", period="year")
    subscription = Price(None, "percent", Decimal(5), basis="subscription", period="year")
    usage = Price(None, "percent", Decimal(3), basis="usage", period="month", floor=Price(None, "amount", Decimal(1), "EUR"))
    assert key(Price(None, "amount", Decimal(900000), "SEK", "year")) < key(licence) < key(subscription) < key(usage)
    assert key(usage) < key(Price(None, "on-request"))
    assert key(usage) == key(Price(None, "percent", Decimal(3), basis="usage", period="month"))  # the least amount does not sort


def test_a_percentage_with_a_least_amount_is_no_schema_org_offer() -> None:
    acme = vendor_of(plan("price 10% of usage per month at least 500 EUR per month"))
    assert structured.offer(acme.plans[0].prices[0], "", reader("en", acme)) is None


# --- the whole site, and the rules left alone ------------------------------------------------------------


def test_a_built_site_says_the_new_forms_and_the_rules_hold_no_price(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    text = plan("price 35 USD per user per month minimum 10 users billed yearly", "add-on 1200 SEK per hour, 9000 SEK per day")
    text = text.replace("  }\n}\n", '  }\n  plan cloud {\n    name "Cloud"\n    price 10% of usage per month at least 500 EUR per month\n  }\n}\n')
    (plans / "acme.plan").write_text(text, encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    page = said((tmp_path / "_site" / "it" / "acme" / "index.html").read_text(encoding="utf-8"))
    assert "35 USD per utente al mese, minimo 10 utenti, fatturazione annuale" in page
    assert "Opzione a pagamento: 1200 SEK all’ora o 9000 SEK al giorno" in page
    assert "10% dei costi di utilizzo al mese, con un minimo di 500 € al mese" in page
    ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert ld is not None and '"minValue":10' in ld.group(1)
    comparison = said((tmp_path / "_site" / "sv" / "compare" / "index.html").read_text(encoding="utf-8"))
    assert "35 USD per användare per månad, minst 10 användare, faktureras årsvis" in comparison
    assert "10 % av förbrukningskostnaden per månad, minst 500 € per månad" in comparison
    rules = json.loads((tmp_path / "_site" / "rules" / "acme.json").read_text(encoding="utf-8"))
    assert not re.search(r"minimum|billed|usage|USD|SEK", json.dumps(rules))
    assert export.FORMAT_VERSION  # prices are not part of the rules: the format is unchanged by them


def test_the_documented_examples_check_clean() -> None:
    """docs/language.md's examples of these forms load without an error or a warning, as an author copies them."""
    doc = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    wanted = ("minimum 10 users billed yearly", "at least 500 EUR per month", "add-on 1200 SEK per hour excl tax, 9000")
    # Every fenced block, tagged or not: a fence opens a block and the next fence closes it.
    fenced = re.findall(r"^ *```\w*\n(.*?)^ *```", doc, re.M | re.S)
    blocks = [body for body in fenced if any(w in body for w in wanted)]
    assert len(blocks) == 3
    features = "".join(f'  feature {f} {{ label "{f}" }}\n' for f in ("consulting", "onsite", "training"))
    for block in blocks:
        body = re.sub(r"#[^\n]*", "", block)
        text = (
            'vendor acme {\n  name "Acme"\n  language en only\n  segment business "Businesses"\n'
            f'  footnote * "Travel costs extra."\n{features}  plan std {{\n    name "Standard"\n{body}\n  }}\n}}\n'
        )
        assert problems(text, "error") == [] and problems(text, "warning") == [], block


TWO_TIERS_AT_LEAST = """vendor acme {{
  name "Acme"
  language en
  plan std {{
    name "Standard"
    price 95 EUR per device per month at least {low} EUR per month excl tax
  }}
  plan plus {{
    name "Premium"
    price 150 EUR per device per month at least {high} EUR per month excl tax
  }}
}}
"""


@pytest.mark.parametrize(
    ("lang", "low", "high", "summary"),
    [
        # Cassalink's card read "95 € per enhet per månad exkl. moms, minst 950 € per månad eller 150 € per enhet …,
        # minst 1 500 € per månad": two whole prices where the others' cards give a range.
        ("sv", 950, 1500, "95–150 € per enhet per månad exkl. moms"),
        ("en", 950, 1500, "€95 – 150 per device per month excl. tax"),
        ("pl", 950, 1500, "95 – 150 € za urządzenie miesięcznie netto (bez VAT)"),
        # The same least amount for every tier is said once after the range, as a minimum quantity is.
        ("en", 950, 950, "€95 – 150 per device per month excl. tax, at least €950 per month"),
    ],
)
def test_a_cards_range_says_a_least_amount_only_when_every_tier_has_it(lang: str, low: int, high: int, summary: str) -> None:
    vendor = vendor_of(TWO_TIERS_AT_LEAST.format(low=low, high=high))
    assert said(site.price_range(vendor, reader(lang, vendor))).replace("\u2060", "").replace("\u00a0", " ") == summary
