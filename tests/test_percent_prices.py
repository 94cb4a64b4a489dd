"""`price 20% of licence per year`: software support sold as a yearly share of the licence price.

Parsed into the model, judged (a known basis, a share between 0 and 100), said on the pages in four
languages, summarised on the home card, sorted after the amounts in the comparison, and left out of
the schema.org offers (it states no amount).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language.loader import load_text
from dsl.language.model import Price
from dsl.site import compare, structured
from dsl.site import views as site
from support.language_plans import only
from support.site import words

PLAN = """vendor acme {{
  name "Acme"
  language en
  plan std {{
    name "Standard"
    {price}
  }}
  plan gold {{
    name "Gold"
    price 22% of licence per year
  }}
}}
"""


def vendor(price: str = "price 18.5% of licence per year excl tax"):  # type: ignore[no-untyped-def]
    """The vendor with `price` on its Standard tier (and 22 % on Gold)."""
    result = load_text(PLAN.format(price=price), "t.plan")
    assert result.project is not None, [f"{d.pos}: {d.message}" for d in result.errors]
    return result.project.vendors[0]


def test_a_percentage_of_the_licence_price_is_read_with_its_period_and_tax_note() -> None:
    price = vendor().plans[0].prices[0]
    assert (price.kind, price.amount, price.basis, price.period, price.tax) == ("percent", Decimal("18.5"), "licence", "year", "excluded")
    assert (price.basis_pos.line, price.basis_pos.column) == (6, 20)


@pytest.mark.parametrize(
    ("price", "found"),
    [
        ("price 20% of license per year", ("unknown basis of a percentage 'license'", 6, 18, "did you mean 'licence'?")),
        ("price 120% of licence per year", ("120% of a price: a percentage of a price is more than 0 and at most 100", 6, 5,
                                            "such as: price 20% of licence per year")),
        ("price 0% of licence", ("0% of a price: a percentage of a price is more than 0 and at most 100", 6, 5,
                                 "such as: price 20% of licence per year")),
    ],
)
def test_a_wrong_percentage_is_reported_where_it_is_written(price: str, found: tuple[str, int, int, str]) -> None:
    assert only(PLAN.format(price=price)) == found


@pytest.mark.parametrize(
    ("lang", "standard", "card"),
    [
        ("sv", "18,5 % av licenspriset per år exkl. moms", "22 % av licenspriset per år eller 18,5 % av licenspriset per år exkl. moms"),
        ("it", "18,5% del prezzo della licenza all’anno IVA esclusa", "22% del prezzo della licenza all’anno"),
        ("pl", "18,5% ceny licencji rocznie netto (bez VAT)", "22% ceny licencji rocznie"),
        ("en", "18.5% of the licence price per year excl. tax", "22% of the licence price per year or 18.5% of the licence price per year excl. tax"),
    ],
)
def test_the_pages_say_the_share_in_each_language(lang: str, standard: str, card: str) -> None:
    acme = vendor()
    reader = site.Reader(lang, words()[lang], acme)
    assert site.price_text(acme.plans[0].prices[0], reader).replace("\u00a0", " ") == standard
    assert card in site.price_range(acme, reader).replace("\u00a0", " ")


def test_the_home_card_gives_one_range_of_shares_of_the_same_kind() -> None:
    acme = vendor("price 18% of licence per year")
    said = site.price_range(acme, site.Reader("sv", words()["sv"], acme)).replace("\u00a0", " ").replace("\u2060", "")
    assert said == "18 % – 22 % av licenspriset per år"


def test_the_comparison_sorts_a_share_after_every_amount_and_before_ask_the_vendor() -> None:
    def key(*prices: Price) -> str:
        return compare._price_sort(prices)

    share = Price(None, "percent", Decimal(20), basis="licence", period="year")
    assert key(Price(None, "free")) < key(Price(None, "amount", Decimal(900000), "SEK", "year")) < key(share)
    assert key(share) < key(Price(None, "percent", Decimal(22), basis="licence")) < key(Price(None, "on-request")) < compare.LAST


def test_a_share_is_no_schema_org_offer() -> None:
    acme = vendor()
    assert structured.offer(acme.plans[0].prices[0], "", site.Reader("en", words()["en"], acme)) is None


def test_a_built_site_shows_the_share_on_the_vendor_page_and_the_comparison(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.plan").write_text(PLAN.format(price="price 18.5% of licence per year excl tax"), encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    page = (tmp_path / "_site" / "it" / "acme" / "index.html").read_text(encoding="utf-8")
    assert "18,5% del prezzo della licenza all’anno IVA\u00a0esclusa" in page  # the tax note on one line (views._tax)
    comparison = (tmp_path / "_site" / "pl" / "compare" / "index.html").read_text(encoding="utf-8")
    assert "22% ceny licencji rocznie" in comparison


ADDON = """vendor acme {{
  name "Acme"
  language en
  feature premium {{ label {{ sv "Premiumsupport" it "Supporto premium" pl "Wsparcie premium" en "Premium support" }} }}
  plan ent {{
    name "Enterprise"
    features {{
      premium: {cell}
    }}
  }}
}}
"""


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "Tillval: 20 % av licenspriset per år exkl. moms eller 2 000 € per år"),
        ("it", "Opzione a pagamento: 20% del prezzo della licenza all’anno IVA esclusa o 2000 € all’anno"),
        ("pl", "Dodatek płatny: 20% ceny licencji rocznie netto (bez VAT) lub 2000 € rocznie"),
        ("en", "Add-on: 20% of the licence price per year excl. tax or €2,000 per year"),
    ],
)
def test_an_add_on_sold_as_a_share_of_the_licence_is_said_like_a_plans_share(lang: str, said: str) -> None:
    """An outside SaaS vendor's Premium Support, "20 % of your annual licence fees", was a syntax error at the '%'."""
    result = load_text(ADDON.format(cell="add-on 20% of licence per year excl tax, 2000 EUR per year"), "t.plan")
    assert result.project is not None and not result.errors, [d.message for d in result.errors]
    acme = result.project.vendors[0]
    cell = acme.plans[0].cells[0]
    assert [(p.kind, p.amount, p.basis) for p in cell.prices] == [("percent", Decimal(20), "licence"), ("amount", Decimal(2000), None)]
    shown = site.feature_cell(cell, acme, site.Reader(lang, words()[lang], acme)).html
    assert str(shown).replace("\u00a0", " ").replace("\u2060", "") == said


def test_a_wrong_share_of_an_add_on_is_reported_where_it_is_written() -> None:
    assert only(ADDON.format(cell="add-on 20% of license per year")) == (
        "unknown basis of a percentage 'license'", 8, 30, "did you mean 'licence'?"
    )
    message, line, column, hint = only(ADDON.format(cell="add-on 120% of licence per year"))
    assert (message.split(":")[0], line, column) == ("120% of a price", 8, 23)
