"""Prices that change on a date: `price 14000 SEK per year excl tax from 2027-01-01`.

Parsed into the model (alone or in a `terms from DATE` block, as targets), judged (versions in date
order, no two prices of the same thing from one date), said on the vendor page in four languages with
the date of each change, summarised on the home card and sorted in the comparison by the prices in
force first, given to search engines as offers with validFrom / priceValidUntil, and never dependent on
the day of the build.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language.loader import load_text
from dsl.rules.export import export_project
from dsl.site import compare, structured
from dsl.site import views as site
from support.language_plans import only, problems, vendor_of
from support.paths import ROOT
from support.site import words

PLAN = """vendor acme {{
  name "Acme"
  language en
  segment licence {{ sv "Licenskunder" it "Clienti con licenza" pl "Klienci z licencją" en "Licence customers" }}
  segment others {{ sv "Övriga" it "Altri clienti" pl "Pozostali" en "Others" }}
  footnote * {{ sv "Faktureras årsvis." it "Fatturato annualmente." pl "Fakturowane rocznie." en "Billed yearly." }}
  plan gold {{
    name "Gold"
{prices}
  }}
}}
"""
"""A vendor with two segments and one plan; a test writes the plan's price lines (they start at line 9)."""

GOLD = """    price licence 12000 SEK per year excl tax
    price licence 14000 SEK per year excl tax from 2027-01-01
    price others 2500 SEK per month"""
"""Licence customers pay 12 000 kr a year now and 14 000 kr from 1 January 2027; others 2 500 kr a month."""


def plan_text(prices: str) -> str:
    """The plan file with these price lines."""
    return PLAN.format(prices=prices)


def gold(prices: str = GOLD):  # type: ignore[no-untyped-def]
    """The loaded vendor (with no error) whose Gold plan has these price lines."""
    return vendor_of(plan_text(prices))


def normal(text: str) -> str:
    """Babel's no-break and narrow no-break spaces as plain spaces, for comparing words."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


# --- the language --------------------------------------------------------------------------------


def test_a_dated_price_is_read_with_its_date_and_where_the_date_is_written() -> None:
    current, later, others = gold().plans[0].prices
    assert (current.amount, current.valid_from) == (Decimal(12000), None)
    assert (later.segment, later.amount, later.currency, later.period, later.tax) == ("licence", Decimal(14000), "SEK", "year", "excluded")
    assert later.valid_from == date(2027, 1, 1)
    assert (later.valid_from_pos.line, later.valid_from_pos.column) == (10, 52)
    assert others.valid_from is None


def test_a_footnote_mark_comes_before_the_date_as_the_from_of_a_target_comes_last() -> None:
    acme = gold('    price 12000 SEK per year\n    price 14000 SEK per year * from 2027-01-01')
    assert acme.plans[0].prices[1].marks == ("*",)
    assert acme.plans[0].prices[1].valid_from == date(2027, 1, 1)


def test_prices_in_a_terms_block_are_versions_from_its_date_like_targets() -> None:
    acme = gold("    price 12000 SEK per year\n    terms from 2027-01-01 {\n      price 14000 SEK per year\n      price 1400 EUR per year\n    }")
    later = acme.plans[0].prices[1:]
    new_year = date(2027, 1, 1)
    assert [(p.amount, p.currency, p.valid_from) for p in later] == [(Decimal(14000), "SEK", new_year), (Decimal(1400), "EUR", new_year)]
    assert {(p.valid_from_pos.line, p.valid_from_pos.column) for p in later} == {(10, 16)}  # the block's date
    assert problems(plan_text("    terms from 2027-01-01 {\n      price 14000 SEK per year\n    }"), "warning") == []


def test_what_may_be_written_is_accepted_without_a_word() -> None:
    # Each segment ordered on its own; several prices of one date in other currencies or units; a tier sold
    # only from a date (before it, the plan states no price for that segment), as a target may have no earlier version.
    text = plan_text(
        "    price licence 12000 SEK per year\n"
        "    price others 100 EUR per month from 2028-01-01\n"
        "    price licence 14000 SEK per year from 2027-01-01\n"
        "    price licence 1400 EUR per year from 2027-01-01\n"
        "    price licence 20 EUR per user per year from 2027-01-01"
    )
    assert problems(text) == []


@pytest.mark.parametrize(
    ("prices", "found"),
    [
        (
            "    price licence 14000 SEK per year from 2027-01-01\n    price licence 15000 SEK per year excl tax from 2027-01-01",
            ("plan 'gold' has two prices for segment 'licence' in SEK per year from 2027-01-01", 10, 5,
             "the other is at line 9; keep the one that applies from 2027-01-01, or give it its own date"),
        ),
        (
            "    price 14000 SEK per user per year from 2027-01-01\n    terms from 2027-01-01 {\n      price 15000 SEK per user per year\n    }",
            ("plan 'gold' has two prices in SEK per user per year from 2027-01-01", 11, 7,
             "the other is at line 9; keep the one that applies from 2027-01-01, or give it its own date"),
        ),
        (
            "    price licence free from 2027-01-01\n    price licence on request from 2027-01-01",
            ("plan 'gold' has two prices for segment 'licence' without an amount (free, on request, contact sales or not offered) "
             "from 2027-01-01", 10, 5, "the other is at line 9; keep the one that applies from 2027-01-01, or give it its own date"),
        ),
        (
            "    price licence 15000 SEK per year from 2028-01-01\n    price licence 14000 SEK per year from 2027-01-01",
            ("the prices of plan 'gold' for segment 'licence' are not in date order: 2027-01-01 is written after 2028-01-01", 10, 43,
             "write the prices from 2027-01-01 before the price from 2028-01-01 at line 9"),
        ),
        (
            "    price 14000 SEK per year from 2027-01-01\n    price 12000 SEK per year",
            ("the prices of plan 'gold' are not in date order: the ones without a date must come first", 10, 5,
             "move this price before the price from 2027-01-01 at line 9"),
        ),
        (
            "    price 12000 SEK per year\n    price 14000 SEK per year from 2027-02-30",
            ("'2027-02-30' is not a date in the calendar", 10, 35, "dates are written YYYY-MM-DD, such as 2026-12-24"),
        ),
    ],
)
def test_a_wrong_version_is_reported_where_it_is_written(prices: str, found: tuple[str, int, int, str]) -> None:
    assert only(plan_text(prices)) == found


def test_the_codes_of_the_two_checks() -> None:
    clash = load_text(plan_text("    price 1 SEK from 2027-01-01\n    price 2 SEK from 2027-01-01"), "t.plan").errors
    order = load_text(plan_text("    price 1 SEK from 2028-01-01\n    price 2 SEK from 2027-01-01"), "t.plan").errors
    assert [d.code for d in clash] == ["T0820"]
    assert [d.code for d in order] == ["T0821"]


# --- the site --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "licence", "card"),
    [
        ("sv", "12 000 kr per år exkl. moms; från och med 1 januari 2027: 14 000 kr per år exkl. moms",
         "Licenskunder: 12 000 kr per år exkl. moms<br>Övriga: 2 500 kr per månad"),
        ("it", "12.000 SEK all’anno IVA esclusa; dal 1º gennaio 2027: 14.000 SEK all’anno IVA esclusa",
         "Clienti con licenza: 12.000 SEK all’anno IVA esclusa<br>Altri clienti: 2500 SEK al mese"),
        ("pl", "12 000 SEK rocznie netto (bez VAT); od 1 stycznia 2027: 14 000 SEK rocznie netto (bez VAT)",
         "Klienci z licencją: 12 000 SEK rocznie netto (bez VAT)<br>Pozostali: 2500 SEK miesięcznie"),
        ("en", "SEK 12,000 per year excl. tax; from 1 January 2027: SEK 14,000 per year excl. tax",
         "Licence customers: SEK 12,000 per year excl. tax<br>Others: SEK 2,500 per month"),
    ],
)
def test_the_vendor_page_says_the_coming_change_and_the_card_the_price_in_force(lang: str, licence: str, card: str) -> None:
    acme = gold()
    reader = site.Reader(lang, words()[lang], acme)
    rows = {normal(str(row.label)): row.cells[0] for row in site.price_rows(acme, reader)}
    licence_label = normal(reader.plain(acme.segments[0].label))
    assert normal(rows[licence_label].text) == licence
    assert normal(site.price_range(acme, reader)) == card  # one segment a line; 12 000 kr: the price in force first, not 14 000 kr
    row = compare.price_cell(acme.plans[0], acme, reader)
    assert licence in normal(str(row.text))


def test_a_mark_on_a_later_price_stands_after_that_price() -> None:
    acme = gold('    price 12000 SEK per year\n    price 14000 SEK per year * from 2027-01-01')
    footnoted = acme.plans[0]
    reader = site.Reader("en", words()["en"], acme)
    row = site.price_rows(acme, reader)[0]  # one row per segment, each with the price for everyone
    pieces = [(normal(text), [m.mark for m in after]) for text, after in row.cells[0].pieces]
    assert pieces == [("SEK 12,000 per year", []), ("; ", []), ("from 1 January 2027: SEK 14,000 per year", ["*"])]
    assert footnoted.prices[1].marks == ("*",)


def test_a_tier_sold_only_from_a_date_says_so_and_the_card_names_that_price() -> None:
    acme = gold("    price 14000 SEK per year from 2027-01-01")
    reader = site.Reader("en", words()["en"], acme)
    row = site.price_rows(acme, reader)[0]
    assert normal(row.cells[0].text) == "from 1 January 2027: SEK 14,000 per year"


def test_the_comparison_sorts_by_the_price_in_force_first() -> None:
    acme = gold("    price 100 SEK per year\n    price 900 SEK per year from 2027-01-01")
    reader = site.Reader("en", words()["en"], acme)
    assert compare.price_cell(acme.plans[0], acme, reader).sort == compare._price_sort(acme.plans[0].prices[:1])
    assert compare.price_cell(acme.plans[0], acme, reader).sort != compare._price_sort(acme.plans[0].prices[1:])


def test_the_offers_say_until_when_a_price_holds_and_from_when_the_next_one_does() -> None:
    acme = gold()
    reader = site.Reader("en", words()["en"], acme)
    data = json.loads(str(structured.vendor_json_ld(acme, reader, "https://x.example/en/acme/")))
    [service] = [g for g in data["@graph"] if g["@type"] == "Service"]
    offers = {(o["price"], o.get("validFrom"), o.get("priceValidUntil")) for o in service["offers"]}
    assert offers == {("12000", None, "2026-12-31"), ("14000", "2027-01-01", None), ("2500", None, None)}


# --- the rules and the build -----------------------------------------------------------------------


def test_prices_are_not_in_the_rules_so_a_dated_price_changes_nothing_there() -> None:
    plain = load_text(plan_text("    price licence 12000 SEK per year"), "t.plan").project
    dated = load_text(plan_text(GOLD), "t.plan").project
    assert plain is not None and dated is not None
    assert export_project(plain, (2026, 2027)) == export_project(dated, (2026, 2027))


def _build(root: Path, epoch: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Build the project at `root` as on the day of `epoch` (SOURCE_DATE_EPOCH); every file's bytes by its path."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    monkeypatch.setenv("TIERWISE_CACHE", "off")
    assert main(["--project", str(root), "build", "--quiet"]) == 0
    site_dir = (root / "_site").resolve()
    return {str(p.relative_to(site_dir)): p.read_bytes() for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_a_build_shows_the_change_in_four_languages_and_does_not_depend_on_the_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "acme.plan").write_text(plan_text(GOLD), encoding="utf-8")
    before = _build(tmp_path, "1795000000", monkeypatch)  # 2026-11-18, before the change
    again = _build(tmp_path, "1795000000", monkeypatch)
    after = _build(tmp_path, "1810000000", monkeypatch)  # 2027-05-11, after it
    assert again == before  # the same inputs and date: the same bytes
    for lang, words_of_the_change in (("sv", "från och med 1 januari 2027"), ("it", "dal 1º gennaio 2027"),
                                      ("pl", "od 1 stycznia 2027"), ("en", "from 1 January 2027")):
        page = before[f"{lang}/acme/index.html"].decode()
        assert words_of_the_change in normal(page)
        assert re.search(r'"validFrom":"2027-01-01"', page)
    # Nothing but the sitemap's <lastmod> (the date of SOURCE_DATE_EPOCH, docs/site.md) differs on another day.
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    assert changed == {"sitemap.xml"}


# --- the documented examples ---------------------------------------------------------------------

DOCS_VENDOR = """vendor acme {{
  name "Acme"
  language en only
  segment licence {{ en "Licence customers" }}
  segment others {{ en "Others" }}
  footnote * {{ en "Billed yearly." }}
  calendar office-hours {{
    zone Europe/Stockholm
    open mon-fri 08:00-17:00
  }}
  priorities levels {{
    level P1 {{ name "P1" }}
  }}
{plan}}}
"""


def _docs_examples() -> list[str]:
    """The two plans of docs/language.md, "Prices that change on a date"."""
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    section = text[text.index("### Prices that change on a date") :]
    blocks = section.split("```\n")
    return [blocks[1], blocks[3]]


def test_the_documented_examples_check_and_say_what_the_docs_say() -> None:
    first, second = (vendor_of(DOCS_VENDOR.format(plan=plan)) for plan in _docs_examples())
    reader = site.Reader("sv", words()["sv"], first)
    rows = [normal(c.text) for row in site.price_rows(first, reader) for c in row.cells]
    assert rows == [
        "9 000 kr per år exkl. moms; från och med 1 juli 2027: 9 500 kr per år exkl. moms",
        "12 000 kr per år exkl. moms; från och med 1 januari 2027: 14 000 kr per år exkl. moms",
    ]
    gold = second.plans[0]
    assert [(p.amount, p.valid_from) for p in gold.prices] == [
        (Decimal(12000), None), (Decimal(1200), None), (Decimal(14000), date(2027, 1, 1)), (Decimal(1400), date(2027, 1, 1)),
    ]
    assert [(t.minutes, t.valid_from) for t in gold.targets] == [(120, None), (60, date(2027, 1, 1))]
    english = site.Reader("en", words()["en"], second)
    # The currency the vendor names first comes first.
    assert normal(site.price_range(second, english)) == "SEK 12,000 per year excl. tax or €1,200 per year excl. tax"


def test_a_dated_price_inside_a_terms_block_gets_a_hint_at_its_from() -> None:
    text = plan_text("    terms from 2027-01-01 {\n      price 14000 SEK per year excl tax from 2028-01-01\n    }")
    assert only(text) == (
        "unexpected 'from'; expected 'price', 'target' or '}'", 10, 41,
        "inside 'terms from DATE { ... }' every price takes the block's date; write a price of another date outside it",
    )


def test_until_a_segment_s_first_own_price_its_customers_pay_the_price_for_everyone() -> None:
    acme = gold("    price 100 SEK per year\n    price licence 80 SEK per year from 2027-01-01")
    reader = site.Reader("en", words()["en"], acme)
    rows = {normal(str(row.label)): normal(row.cells[0].text) for row in site.price_rows(acme, reader)}
    assert rows == {"Licence customers": "SEK 100 per year; from 1 January 2027: SEK 80 per year", "Others": "SEK 100 per year"}
    assert site.first_prices(acme.plans[0]) == acme.plans[0].prices[:1]
    assert normal(site.price_range(acme, reader)) == "SEK 100 per year"


def test_the_first_day_python_knows_is_a_date_like_any_other() -> None:
    acme = gold("    price 100 SEK per year\n    price 200 SEK per year from 0001-01-01\n    price 300 SEK per year from 9999-12-31")
    reader = site.Reader("en", words()["en"], acme)
    data = json.loads(str(structured.vendor_json_ld(acme, reader, "https://x.example/en/acme/")))
    [service] = [g for g in data["@graph"] if g["@type"] == "Service"]
    assert {(o["price"], o.get("validFrom"), o.get("priceValidUntil")) for o in service["offers"]} == {
        ("100", None, None), ("200", "0001-01-01", "9999-12-30"), ("300", "9999-12-31", None),
    }
    assert "from 31 December 9999: SEK 300 per year" in normal(site.price_rows(acme, reader)[0].cells[0].text)


def test_the_italian_page_elides_the_article_before_the_eighth_and_the_eleventh() -> None:
    """"dal 8 gennaio" read as "dal otto": Italian says "dall’8 gennaio", "dall’11", but "dal 18" (diciotto)."""
    for day, expected in (("08", "dall’8 gennaio 2027: 14 € al mese"), ("11", "dall’11 gennaio 2027"), ("18", "dal 18 gennaio 2027")):
        acme = vendor_of(f'vendor acme {{\n  name "Acme"\n  language en\n  plan gold {{\n    name "Gold"\n'
                         f"    price 12 EUR per month\n    price 14 EUR per month from 2027-01-{day}\n  }}\n}}\n")
        said = site.prices_text(acme.plans[0].prices, site.Reader("it", words()["it"], acme)).replace("\u00a0", " ")
        assert expected in said, said
