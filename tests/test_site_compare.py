"""The comparison across vendors and the vendor pages' JSON-LD (issue 9), on the hand-built project."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from dsl.language.model import Price, Project, Text
from dsl.language.vocabulary import LANGUAGES, RESERVED_IDS
from dsl.site import compare
from dsl.site import views as site
from dsl.site.render import render_site
from dsl.site.structured import script_json, vendor_json_ld
from support.paths import ROOT
from support.site import Balance, compare_view, parse, rich_project, words

BASE = "https://support.example.org/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    render_site(rich_project(), out, words(), BASE)
    return out


def view(lang: str = "en") -> compare.ComparePage:
    return compare_view(rich_project(), lang)


def row(page: compare.ComparePage, key: str) -> compare.CompareRow:
    return next(r for r in page.rows if r.key == key)


def cell(page: compare.ComparePage, key: str, column: str) -> compare.CompareCell:
    index = [c.key for c in page.columns].index(column) - 1  # the first column is the row's head
    return row(page, key).cells[index]


def test_every_plan_of_every_vendor_is_a_row_in_vendor_order() -> None:
    page = view()
    expected = [f"{v.id}/{p.id}" for v in sorted(rich_project().vendors, key=lambda v: v.id) for p in v.plans]
    assert [r.key for r in page.rows] == expected
    assert all(len(r.cells) == len(page.columns) - 1 for r in page.rows)
    assert row(page, "acme/premium").href == "../acme/index.html#tier-premium"


def test_prices_say_amount_currency_and_period_per_segment() -> None:
    page = view("en")
    standard = cell(page, "acme/standard", "price")
    assert "SEK\u00a05,000 per year" in standard.text and "SEK\u00a012,500.50 per year" in standard.text
    assert str(standard.text).count(":") == 2  # one segment label each
    assert cell(page, "beta/basic", "price").text == "€99 per month"
    # Sorting: free first, then amounts by currency and size, then "ask", nothing stated last.
    keys = {key: cell(page, key, "price").sort for key in ("acme/free", "acme/standard", "acme/premium", "beta/basic")}
    assert keys["acme/free"] < keys["beta/basic"] < keys["acme/premium"]
    # The lowest segment's price, a month of it: SEK 5,000 per year.
    assert keys["acme/standard"].startswith("1 SEK ") and Decimal(keys["acme/standard"].split()[-1]) == Decimal("416.67")


def test_first_response_for_the_highest_and_lowest_priority() -> None:
    page = view("pl")
    top, low = cell(page, "acme/standard", "top"), cell(page, "acme/standard", "low")
    assert top.text == "2 godziny" and low.text == "8 godzin"
    assert top.sort < low.sort
    assert top.small.startswith("P1") and low.small.startswith("P3")
    standard = row(page, "acme/standard")
    assert (standard.top.priority, standard.low.priority) == ("P1", "P3") and not standard.top.reason
    # A vendor without priority levels: every request, no priority for the rules.
    basic = row(page, "beta/basic")
    assert basic.top.priority == "" and basic.top.label == "Każde zgłoszenie"


def test_a_vendor_without_priority_levels_is_not_said_twice() -> None:
    # Esri's rows said "8 hours, Every request" under both the highest and the lowest priority's head.
    page = view("en")
    top, low = cell(page, "beta/basic", "top"), cell(page, "beta/basic", "low")
    assert top.small == "Every request" and top.text != low.text
    assert low.text == "No priority levels" and not low.small and not low.cases
    assert low.sort == top.sort  # every request gets that time: it sorts as such
    basic = row(page, "beta/basic")
    assert basic.low == basic.top  # "who answers first?" asks the rules the same question
    assert cell(view("pl"), "beta/basic", "low").text == "Brak poziomów priorytetu"


def test_a_plan_without_a_deadline_says_why_and_sorts_last() -> None:
    page = view("sv")
    free = row(page, "acme/free")
    assert free.top.reason == "Ingen garanterad tid" and free.low.reason == "Ingen garanterad tid"
    assert cell(page, "acme/free", "top").sort == compare.LAST
    project = rich_project()
    acme = project.vendors[0]
    none = replace(acme, plans=(replace(acme.plans[0], no_support=True),))
    page = compare_view(Project((none,)), "en")
    assert page.rows[0].top.reason == "No support" and page.rows[0].coverage == "no-support"


def test_coverage_and_channels_feed_the_filters() -> None:
    page = view("en")
    assert row(page, "acme/premium").coverage == "hours"
    assert row(page, "acme/free").coverage == "none"
    assert row(page, "acme/premium").channels == ("email", "phone", "portal")
    assert {c.id for c in page.channels} == {"email", "phone", "portal"}
    assert [c.id for c in page.vendors] == ["acme", "beta"]
    assert "Monday" in cell(page, "acme/premium", "coverage").text or "Mon" in cell(page, "acme/premium", "coverage").text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_page_in_every_language(built: Path, lang: str) -> None:
    path = built / lang / "compare" / "index.html"
    html = path.read_text(encoding="utf-8")
    checker = Balance()
    checker.feed(html)
    checker.close()
    assert checker.errors == [] and checker.stack == [] and len(checker.ids) == len(set(checker.ids))
    tags = parse(path)
    assert tags.find("html")[0]["lang"] == lang
    assert [c["href"] for c in tags.find("link", rel="canonical")] == [f"{BASE}{lang}/compare/"]
    heads = [th for th in tags.find("th") if th.get("scope") == "col" and th.get("data-key")]
    assert [th["data-key"] for th in heads] == [c.key for c in view(lang).columns]
    assert heads[0].get("aria-sort") == "ascending"  # the order the rows are written in
    # The tools and "who answers first?" wait for the script; the table does not.
    assert "hidden" in tags.find("form", id="cmp-tools")[0]
    assert "hidden" in tags.find("section", id="first")[0]
    assert tags.find("section", id="first")[0]["data-rules"] == "../../rules/all.json"
    assert all("hidden" in i for i in tags.find("input") if "choose" in (i.get("class") or ""))
    assert tags.find("script", src="../../assets/compare.js")
    words_ = words()[lang]
    assert words_.gettext("Who answers first?") in html
    if lang != "en":
        assert words_.gettext("Who answers first?") != "Who answers first?"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_linked_from_the_index_the_vendor_pages_and_the_sitemap(built: Path, lang: str) -> None:
    assert 'href="compare/index.html"' in (built / lang / "index.html").read_text(encoding="utf-8")
    assert 'href="../compare/index.html"' in (built / lang / "acme" / "index.html").read_text(encoding="utf-8")
    assert f"<loc>{BASE}{lang}/compare/</loc>" in (built / "sitemap.xml").read_text(encoding="utf-8")


def test_compare_is_a_reserved_vendor_id() -> None:
    assert compare.COMPARE_FOLDER in RESERVED_IDS


# --- JSON-LD ----------------------------------------------------------------------------------


def json_ld(html: str) -> dict:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


def test_vendor_pages_carry_schema_org_services_with_offers(built: Path) -> None:
    data = json_ld((built / "en" / "acme" / "index.html").read_text(encoding="utf-8"))
    assert data["@context"] == "https://schema.org"
    graph = {item["@id"]: item for item in data["@graph"]}
    org = graph[f"{BASE}en/acme/#vendor"]
    assert org["@type"] == "Organization" and org["name"] == "Acme Support"
    standard = graph[f"{BASE}en/acme/#tier-standard"]
    assert standard["@type"] == "Service" and standard["provider"] == {"@id": org["@id"]}
    offers = standard["offers"]
    assert [o["price"] for o in offers] == ["5000", "12500.5"]
    spec = offers[0]["priceSpecification"]
    assert spec["@type"] == "UnitPriceSpecification" and spec["priceCurrency"] == "SEK"
    assert spec["referenceQuantity"] == {"@type": "QuantitativeValue", "value": 1, "unitCode": "ANN"}
    # On request / not offered: no Offer with a made-up price.
    assert "offers" not in graph[f"{BASE}en/acme/#tier-premium"]
    assert graph[f"{BASE}en/acme/#tier-free"]["offers"][0]["price"] == "0"


def test_a_unit_and_a_starting_price_and_tax(built: Path) -> None:
    project = rich_project()
    beta = project.vendors[1]
    price = Price(None, "amount", Decimal("10"), "EUR", "month", unit="user", starting=True, tax="excluded")
    beta = replace(beta, plans=(replace(beta.plans[0], prices=(price,)),))
    reader = site.Reader("sv", words()["sv"], beta)
    data = json.loads(str(vendor_json_ld(beta, reader, BASE + "sv/beta/")))
    spec = data["@graph"][1]["offers"][0]["priceSpecification"]
    assert spec["unitText"] == "per användare"
    assert spec["minPrice"] == "10" and spec["valueAddedTaxIncluded"] is False
    assert spec["referenceQuantity"]["unitCode"] == "MON"


def test_json_ld_cannot_end_its_script_element() -> None:
    project = rich_project()
    beta = project.vendors[1]
    evil = "</script><script>alert(1)</script> & <!--"
    beta = replace(beta, name=evil, plans=(replace(beta.plans[0], description=Text((("en", evil),))),))
    reader = site.Reader("en", words()["en"], beta)
    text = str(vendor_json_ld(beta, reader, BASE + "en/beta/"))
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["@graph"][0]["name"] == evil  # read back unchanged
    assert str(script_json({"a": "\u2028"})) == '{"a":"\\u2028"}'


# --- the sitemap's <lastmod> from plan data ---------------------------------------------------------


def test_without_source_date_epoch_a_vendor_page_is_dated_by_its_terms(tmp_path, monkeypatch) -> None:
    from datetime import date

    from dsl.language.model import Source

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    project = rich_project()
    acme = replace(
        project.vendors[0],
        sources=(Source(Text((("en", "Terms"),)), read=date(2026, 3, 2)), Source(Text((("en", "Prices"),)), read=date(2026, 5, 9))),
    )
    render_site(Project((acme, project.vendors[1])), tmp_path, words(), BASE)
    xml = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    dated = re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", xml)
    assert sorted(dated) == sorted((f"{BASE}{lang}/acme/", "2026-05-09") for lang in LANGUAGES)  # the latest terms, acme only
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18: the build's own date wins for every page
    render_site(Project((acme, project.vendors[1])), tmp_path / "b", words(), BASE)
    xml = (tmp_path / "b" / "sitemap.xml").read_text(encoding="utf-8")
    assert xml.count("<lastmod>2026-11-18</lastmod>") == xml.count("<url>")


def test_every_period_has_a_unit_code_and_a_free_price_takes_the_tiers_currency() -> None:
    from dsl.language.vocabulary import PERIODS
    from dsl.site.structured import PERIOD_CODES

    assert set(PERIOD_CODES) == set(PERIODS)
    beta = rich_project().vendors[1]
    prices = (Price(None, "free"), Price("x", "amount", Decimal("99"), "EUR", "month"))
    beta = replace(beta, plans=(replace(beta.plans[0], prices=prices),))
    data = json.loads(str(vendor_json_ld(beta, site.Reader("en", words()["en"], beta), BASE + "en/beta/")))
    free = data["@graph"][1]["offers"][0]
    assert (free["price"], free["priceCurrency"]) == ("0", "EUR")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "E-post, telefon och supportportal"),
        ("it", "E-mail, telefono e portale di assistenza"),
        ("pl", "E-mail, telefon i portal wsparcia"),
        ("en", "Email, phone and support portal"),
    ],
)
def test_a_tiers_channels_read_as_one_list_with_common_nouns_in_lower_case(lang: str, said: str) -> None:
    # "Supportportal, E-post och Telefon": each kind is capitalised as a filter's option, not inside a sentence.
    channels = cell(view(lang), "acme/premium", "channels")
    assert channels.text.replace("\u2060", "").replace("\u00a0", " ") == said  # the word joiner keeps "E-post" on one line
    assert [c.label for c in view(lang).channels][0][0].isupper()  # the filter's options keep their capital


NO_PRICE = [("sv", "Inget publicerat pris"), ("it", "Nessun prezzo pubblicato"), ("pl", "Brak opublikowanej ceny"), ("en", "No price published")]


@pytest.mark.parametrize(("lang", "said"), NO_PRICE)
def test_a_tier_without_prices_reads_no_price_published_not_not_stated(lang: str, said: str) -> None:
    # It read "Not stated", as if the comparison had missed something; "Price on request" would claim what the plan does not.
    project = rich_project()
    acme = project.vendors[0]
    silent = replace(acme, plans=(replace(acme.plans[1], prices=()), acme.plans[2]))
    page = compare_view(Project((silent,)), lang)
    price = cell(page, f"acme/{acme.plans[1].id}", "price")
    assert price.text == said and price.unstated and price.sort == compare.LAST
    asked = cell(page, f"acme/{acme.plans[2].id}", "price")  # on request for one segment, not offered to the other
    assert not asked.unstated and words()[lang].gettext("Price on request") in asked.text


def test_a_fact_the_plan_does_not_state_is_marked_for_muted_words_and_nothing_else_is() -> None:
    page = view("en")
    for r in page.rows:
        for c in r.cells:
            assert c.unstated == (c.text in ("Not stated", "No price published", "Not published by the vendor")), (r.key, c.text)
    assert any(c.unstated for r in page.rows for c in r.cells)


def test_a_css_string_cannot_end_its_string_or_its_style_element() -> None:
    said = str(compare.css_string('Pris "inkl." \\ </style><script>'))
    assert said.startswith('"') and said.endswith('"') and '"' not in said[1:-1]
    assert "<" not in said and "\\" + "22 " in said and "\\" + "5c " in said
    assert str(compare.css_string("Första svar, högsta prioritet")) == '"Första svar, högsta prioritet"'


def _css_unescaped(literal: str) -> str:
    """What a CSS parser reads from a double-quoted string literal (CSS Syntax 4.3.5, hex escapes with one optional space)."""
    assert literal[0] == literal[-1] == '"'
    return re.sub(r"\\([0-9a-fA-F]{1,6}) ?|\\(.)", lambda m: chr(int(m[1], 16)) if m[1] else m[2], literal[1:-1])


@pytest.mark.parametrize("text", ['Pris "inkl." moms', "C:\\ścieżka\\", "Prima riga\nseconda\r\tterza", "a\\\"b", "1 < 2 && 3 > 2", ""])
def test_a_css_string_reads_back_as_its_text(text: str) -> None:
    # A bare newline ends a CSS string as a bad string, and a bare quote or backslash ends or bends it.
    said = str(compare.css_string(text))
    assert not any(c in said[1:-1] for c in '"\n\r\x0c') and re.fullmatch(r'"(?:[^"\\]|\\[0-9a-f]{1,6} )*"', said)
    assert _css_unescaped(said) == text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_each_card_names_its_facts_by_the_column_heads(built: Path, lang: str) -> None:
    html = (built / lang / "compare" / "index.html").read_text(encoding="utf-8")
    style = re.search(r"#cmp\{ (.*?)\}</style>", html, re.S)
    assert style, "the page's <style> names no facts for the phone's cards"
    labels = re.findall(r'--c(\d+):"([^"]*)";', style.group(1))
    assert labels == [(str(n), c.label) for n, c in enumerate(view(lang).columns[1:], 1)]
    assert f'--sort:"{words()[lang].gettext("Sort by:")}"' in style.group(1)
    # compare.css names as many facts as a page can have (with the languages and availability columns).
    css = (ROOT / "site_templates" / "assets" / "compare.css").read_text(encoding="utf-8")
    most = len(compare.columns(site.Reader(lang, words()[lang]), languages=True, availability=True)) - 1
    assert all(f"td:nth-of-type({n})::before{{content:var(--c{n});" in css for n in range(1, most + 1))


def test_a_tier_with_two_contacts_of_one_kind_names_them_as_its_card_does() -> None:
    """Session 27: Norrdrift's Plus has the office phone and an on-call phone. The comparison said "Phone" where the tier's
    card says which two; a tier with one contact of each kind keeps the comparison's words by kind."""
    from support.language_plans import vendor_of

    vendor = vendor_of(
        'vendor v {\n  name "V"\n  language en only\n  contact phone "+46 90-10 20 30"\n'
        '  contact phone "+46 70-123 45 67" as jour { en "On-call phone" }\n  contact email "a@example.com"\n'
        '  plan a { name "A" channels phone, email }\n  plan b { name "B" channels phone, jour, email }\n}\n'
    )
    page = compare_view(Project((vendor,)), "en")
    column = [c.key for c in page.columns].index("channels") - 1
    cells = {row.key: re.sub(r"<[^>]+>", "", str(row.cells[column].text)).replace("\u2060", "").replace("\xa0", " ") for row in page.rows}
    # The unlabelled number as a reader abroad dials it: an English page is read in no one country.
    assert cells == {"v/a": "Phone and email", "v/b": "Phone (+46 90 10 20 30), phone (On-call phone) and email"}
    # Kept on one line: the number, the label's short hyphenated word; on a Swedish page the national form, after its hyphen.
    said = str(page.rows[1].cells[column].text)
    assert "+46\u00a090\u00a010\u00a020\u00a030" in said and "On-\u2060call" in said
    assert "090-\u206010\u00a020\u00a030" in str(compare_view(Project((vendor,)), "sv").rows[1].cells[column].text)
    reader = site.Reader("en", words()["en"], vendor)
    assert [str(s.channels_line).replace("\u2060", "").replace("\xa0", " ") for s in site.plan_services(vendor, reader)][1] == cells["v/b"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_count_compare_js_fills_in_needs_no_plural_form(lang: str) -> None:
    """compare.js writes the count of tiers shown into the catalog's sentence ("Tiers shown: {shown} of {total}") for
    any number, with no plural rule of its own: no word may follow a number, whose form would depend on it (Polish
    "3 pakiety", "5 pakietów", "22 pakiety": CLDR's one, few and many). The words name the tiers before the numbers."""
    said = words()[lang].gettext("Tiers shown: {shown} of {total}")
    assert "{shown}" in said and "{total}" in said
    for number in ("{shown}", "{total}"):
        # After each number: the end, punctuation, or a word that leads to the other number ("z {total}").
        assert re.fullmatch(r"\s*(\w+\s+\{(shown|total)\}.*)?[\s.)]*", said.split(number, 1)[1]), (lang, said)
