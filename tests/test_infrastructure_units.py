"""Prices per server, node, workstation, site and connection, and a contact kind for text messages (`sms`).

Outside authors pricing managed services, open-source subscriptions and telecom lines wrote `per device` with the
unit in a note, or left a site's and a line's price without a unit; a telecom's SMS number was a phone contact with a
label. Each is now a word of the language: read into the model, judged (another name for a unit is told the unit),
said on the vendor page, the home card and the comparison in four languages with each language's plural, given to
search engines as the price's unitText, and an `sms` number is checked, shown and linked (`sms:`) as a phone's is.
tests/plans/infrastructure/kustlank.plan is an outside-style offer that uses them all.
"""

from __future__ import annotations

import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from dsl.cli import main
from dsl.language.vocabulary import CONTACT_KINDS, PRICE_UNITS
from dsl.rules.export import load_schema
from dsl.site import compare, structured
from dsl.site import markdown as md
from dsl.site import views as site
from support.language_plans import HEADER, one_tier, only, problems, vendor_of
from support.paths import ROOT
from support.site import plain as said
from support.site import words

UNITS = ("server", "node", "workstation", "site", "connection")


def reader(lang: str, vendor):  # type: ignore[no-untyped-def]
    """The page reader of `vendor` in `lang`."""
    return site.Reader(lang, words()[lang], vendor)


# --- the price units -----------------------------------------------------------------------------------------


def test_the_units_are_words_of_the_vocabulary_and_none_is_a_pack() -> None:
    assert set(UNITS) <= set(PRICE_UNITS)
    for unit in UNITS:
        message, *_rest, hint = only(one_tier(price=f"price 900 EUR for 10 {unit}s"))
        assert message == f"unknown unit of a pack '{unit}s'"
        assert hint == f"a price for each {unit} is per {unit}: price 900 EUR per {unit}"


@pytest.mark.parametrize("unit", UNITS)
def test_a_unit_is_read_with_a_period_alone_and_counted_by_a_minimum(unit: str) -> None:
    plan = vendor_of(one_tier(price=f"price 90 EUR per {unit} per month minimum 3 {unit}s\n    price 40 EUR per {unit}")).plans[0]
    monthly, alone = plan.prices
    assert (monthly.amount, monthly.unit, monthly.period, monthly.minimum) == (Decimal(90), unit, "month", 3)
    assert (alone.unit, alone.period) == (unit, None)
    # A minimum counts what the price is per, in the singular or the plural.
    assert only(one_tier(price=f"price 90 EUR per user per month minimum 3 {unit}s"))[0] == f"a minimum of 3 {unit}s, but the price is per user"
    assert problems(one_tier(price=f"price 90 EUR per {unit} per year minimum 1 {unit}")) == []


# Each language's words for each unit, its plural after a count (Polish: 2–4 and 5+), as natives write a price.
SAID = {
    "server": {"sv": ("890 kr per server per månad exkl. moms, minst 2 servrar", "minst 5 servrar"),
               "it": ("890 SEK per server al mese IVA esclusa, minimo 2 server", "minimo 5 server"),
               "pl": ("890 SEK za serwer miesięcznie netto (bez VAT), minimum 2 serwery", "minimum 5 serwerów"),
               "en": ("SEK 890 per server per month excl. tax, minimum 2 servers", "minimum 5 servers")},
    "node": {"sv": ("890 kr per nod per månad exkl. moms, minst 2 noder", "minst 5 noder"),
             "it": ("890 SEK per nodo al mese IVA esclusa, minimo 2 nodi", "minimo 5 nodi"),
             "pl": ("890 SEK za węzeł miesięcznie netto (bez VAT), minimum 2 węzły", "minimum 5 węzłów"),
             "en": ("SEK 890 per node per month excl. tax, minimum 2 nodes", "minimum 5 nodes")},
    "workstation": {"sv": ("890 kr per arbetsstation per månad exkl. moms, minst 2 arbetsstationer", "minst 5 arbetsstationer"),
                    "it": ("890 SEK per workstation al mese IVA esclusa, minimo 2 workstation", "minimo 5 workstation"),
                    "pl": ("890 SEK za stację roboczą miesięcznie netto (bez VAT), minimum 2 stacje robocze", "minimum 5 stacji roboczych"),
                    "en": ("SEK 890 per workstation per month excl. tax, minimum 2 workstations", "minimum 5 workstations")},
    "site": {"sv": ("890 kr per plats per månad exkl. moms, minst 2 platser", "minst 5 platser"),
             "it": ("890 SEK per sede al mese IVA esclusa, minimo 2 sedi", "minimo 5 sedi"),
             "pl": ("890 SEK za lokalizację miesięcznie netto (bez VAT), minimum 2 lokalizacje", "minimum 5 lokalizacji"),
             "en": ("SEK 890 per site per month excl. tax, minimum 2 sites", "minimum 5 sites")},
    "connection": {"sv": ("890 kr per anslutning per månad exkl. moms, minst 2 anslutningar", "minst 5 anslutningar"),
                   "it": ("890 SEK per linea al mese IVA esclusa, minimo 2 linee", "minimo 5 linee"),
                   "pl": ("890 SEK za łącze miesięcznie netto (bez VAT), minimum 2 łącza", "minimum 5 łączy"),
                   "en": ("SEK 890 per connection per month excl. tax, minimum 2 connections", "minimum 5 connections")},
}


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_the_pages_say_the_unit_as_natives_write_it(unit: str, lang: str) -> None:
    acme = vendor_of(one_tier(price=f"price 890 SEK per {unit} per month minimum 2 {unit}s excl tax"))
    page = reader(lang, acme)
    price, many = SAID[unit][lang]
    assert said(site.price_text(acme.plans[0].prices[0], page)) == price
    assert said(site.price_range(acme, page)) == price  # the home card
    assert said(compare.price_cell(acme.plans[0], acme, page).text) == price  # the comparison
    assert said(site.minimum_words(unit, 5, page)) == many
    # With one `per`, the unit alone: "per server", never read as a period.
    alone = vendor_of(one_tier(price=f"price 890 SEK per {unit}"))
    assert said(site.price_text(alone.plans[0].prices[0], reader(lang, alone))).endswith(price.split(" per månad")[0].split(" al mese")[0]
                                                                                         .split(" miesięcznie")[0].split(" per month")[0])


@pytest.mark.parametrize(("lang", "unit_text"), [("sv", "per nod"), ("it", "per nodo"), ("pl", "za węzeł"), ("en", "per node")])
def test_search_engines_read_the_unit_and_the_minimum_in_the_pages_language(lang: str, unit_text: str) -> None:
    acme = vendor_of(one_tier(price="price 1200 EUR per node per year minimum 3 nodes excl tax"))
    data = json.loads(str(structured.vendor_json_ld(acme, reader(lang, acme), f"https://example.com/{lang}/acme/")))
    (offer,) = data["@graph"][1]["offers"]
    spec = offer["priceSpecification"]
    assert spec["unitText"] == unit_text
    assert spec["referenceQuantity"] == {"@type": "QuantitativeValue", "value": 1, "unitCode": "ANN"}
    assert offer["eligibleQuantity"] == {"@type": "QuantitativeValue", "minValue": 3, "unitText": unit_text}


def test_the_home_card_keeps_apart_prices_per_different_units() -> None:
    """A site's price and a connection's do not make one range "390–250 per …": each is its own."""
    prices = ("price 390 EUR per site per month", "price 250 EUR per connection per month", "price 290 EUR per site per month")
    acme = vendor_of(one_tier(price="\n    ".join(prices)))
    assert said(site.price_range(acme, reader("en", acme))) == "€250 per connection per month or €290 – 390 per site per month"


# --- the contact kind sms ------------------------------------------------------------------------------------


SMS_VENDOR = (
    HEADER
    + "  calendar always { open 24x7 }\n"
    + '  contact phone "+47 22 85 40 00"\n'
    + '  contact sms "+47 415 00 112" hours always\n'
    + '  contact email "support@example.com"\n'
    + '  plan basic { name "Basic" channels phone, sms, email }\n'
    + "}\n"
)


def test_an_sms_contact_is_read_and_its_number_checked_as_a_phones() -> None:
    assert "sms" in CONTACT_KINDS
    vendor = vendor_of(SMS_VENDOR)
    sms = vendor.contacts[1]
    assert (sms.kind, sms.id, sms.value, sms.hours) == ("sms", "sms", "+47 415 00 112", "always")
    assert problems(SMS_VENDOR) == []
    message, line, column, hint = only(HEADER + '  contact sms "+47 415 00"\n}\n')
    assert (message, line, column) == ("'+47 415 00' is not a valid phone number", 4, 15)
    assert hint is not None and "country code" in hint
    # A national number: the hint offers the country code of the vendor's language (sv: Sweden).
    assert only(HEADER + '  contact sms "070-123 45 67"\n}\n')[3] == (
        'write it with its country code: "+46 70 123 45 67" if it is a number in SE, else with its own country\'s code'
    )


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_an_sms_number_is_shown_as_a_phones_and_linked_to_a_new_text_message(lang: str) -> None:
    vendor = vendor_of(SMS_VENDOR)
    page = reader(lang, vendor)
    assert site.contact_kinds(page)["sms"] == "SMS"
    phone, sms, _email = site.contact_views(vendor, page)
    assert str(sms.title) == "SMS"
    assert sms.href == "sms:+4741500112" and phone.href == "tel:+4722854000"
    # No reader of the site is in Norway: the international form, never broken.
    assert (sms.value, phone.value) == ("+47\u00a041\u00a050\u00a001\u00a012", "+47\u00a022\u00a085\u00a040\u00a000")


@pytest.mark.parametrize(
    ("lang", "channels"),
    [("sv", "Telefon, SMS och e-post"), ("it", "Telefono, SMS ed e-mail"), ("pl", "Telefon, SMS i e-mail"), ("en", "Phone, SMS and email")],
)
def test_a_tiers_channels_say_sms_as_an_abbreviation_inside_the_list(lang: str, channels: str) -> None:
    """The site's words start lower case inside a list ("Telefon, e-post"); "sMS" would be no word at all."""
    vendor = vendor_of(SMS_VENDOR)
    cell, kinds = compare.channels_cell(vendor.plans[0], vendor, reader(lang, vendor))
    assert said(str(cell.text)) == channels and kinds == ("phone", "sms", "email")
    reordered = vendor_of(SMS_VENDOR.replace("channels phone, sms, email", "channels email, sms"))
    assert "sMS" not in said(str(compare.channels_cell(reordered.plans[0], reordered, reader(lang, reordered))[0].text))


def test_an_sms_link_is_made_only_from_a_valid_number() -> None:
    assert site.contact_href("sms", "+47 415 00 112") == "sms:+4741500112"
    assert site.contact_href("sms", "not a number") is None
    # A plan's own text may not write one: only the contact's number, in digits, becomes an sms: link.
    assert site.safe_href("sms:+4741500112") == "sms:+4741500112"
    assert site.safe_href("sms:+47;body=x") is None
    assert "href" not in md.render_inline("[text us](sms:+4741500112)")


def test_the_words_for_text_messages_are_told_the_kind() -> None:
    for word in ("text", "texting", "mms"):
        message, *_rest, hint = only(HEADER + f'  contact {word} "+47 415 00 112"\n}}\n')
        assert message == f"unknown kind of contact '{word}'"
        assert hint is not None and hint.startswith("did you mean 'sms'?")
    # A channel named sms with no such contact is told to declare one, with a number.
    hint = only(HEADER + '  plan p { name "P" channels sms }\n}\n')[3]
    assert hint is not None and 'contact sms "+46 70 123 45 67"' in hint


# --- an outside-style offer that uses them all ---------------------------------------------------------------


OUTSIDE = ROOT / "tests" / "plans" / "infrastructure"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("infrastructure")
    shutil.copytree(OUTSIDE, project / "plans")
    assert main(["--project", str(project), "check", "--strict"]) == 0
    assert main(["--project", str(project), "build", "--quiet"]) == 0
    return project / "_site"


def text_of(path: Path) -> str:
    """A page's visible words on one line, without its scripts and tags."""
    page = re.sub(r"<script.*?</script>", "", said(path.read_text(encoding="utf-8")), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", ["890 kr per server per månad exkl. moms, minst 2 servrar",
                "149 kr per arbetsstation per månad exkl. moms, minst 10 arbetsstationer, faktureras kvartalsvis",
                "12 000 kr per nod per år exkl. moms, minst 3 noder, faktureras årsvis",
                "390 kr per plats per månad exkl. moms eller 250 kr per anslutning per månad exkl. moms, minst 2 anslutningar",
                "SMS: Jour 070-123 45 67", "Telefon, SMS (endast Stopp), e-post och supportportal"]),
        ("it", ["890 SEK per server al mese IVA esclusa, minimo 2 server", "12.000 SEK per nodo all’anno IVA esclusa, minimo 3 nodi",
                "390 SEK per sede al mese IVA esclusa o 250 SEK per linea al mese IVA esclusa, minimo 2 linee",
                "SMS: Reperibilità +46 70 123 45 67"]),
        ("pl", ["149 SEK za stację roboczą miesięcznie netto (bez VAT), minimum 10 stacji roboczych",
                "12 000 SEK za węzeł rocznie netto (bez VAT), minimum 3 węzły",
                "390 SEK za lokalizację miesięcznie netto (bez VAT) lub 250 SEK za łącze miesięcznie netto (bez VAT), minimum 2 łącza",
                "SMS: Dyżur +46 70 123 45 67"]),
        ("en", ["SEK 890 per server per month excl. tax, minimum 2 servers", "SEK 12,000 per node per year excl. tax, minimum 3 nodes, billed yearly",
                "SMS: On call +46 70 123 45 67", "Phone, SMS (Down and Degraded only), email and support portal"]),
    ],
)
def test_the_offer_reads_in_each_language(published: Path, lang: str, expected: list[str]) -> None:
    page = text_of(published / lang / "kustlank" / "index.html")
    for words_said in expected:
        assert words_said in page, words_said
    assert "sMS" not in page and "per enhet" not in page and "per device" not in page


def test_the_offer_links_its_sms_number_and_tells_search_engines_its_units(published: Path) -> None:
    html = (published / "pl" / "kustlank" / "index.html").read_text(encoding="utf-8")
    assert 'href="sms:+46701234567"' in html and 'href="tel:+46317112200"' in html
    (ld,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    graph = json.loads(ld)["@graph"]
    units = sorted({o["priceSpecification"]["unitText"] for s in graph[1:] for o in s.get("offers", [])})
    assert units == ["za lokalizację", "za serwer", "za stację roboczą", "za węzeł", "za łącze"]


def test_the_comparison_says_the_units_and_filters_by_sms(published: Path) -> None:
    page = text_of(published / "sv" / "compare" / "index.html")
    assert "12 000 kr per nod per år exkl. moms, minst 3 noder, faktureras årsvis" in page
    assert "Telefon, SMS, e-post och supportportal" in page
    html = (published / "sv" / "compare" / "index.html").read_text(encoding="utf-8")
    assert '<option value="sms">SMS</option>' in html  # the channel filter


def test_the_offers_rules_are_valid_and_name_its_sms_channel(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(rules)
    assert set(rules["vendors"]["kustlank"]["plans"]) == {"drift", "kluster", "nat"}


AROUND_THE_CLOCK = {
    "@type": "OpeningHoursSpecification",
    "dayOfWeek": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "opens": "00:00:00",
    "closes": "23:59:59",
}


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_the_json_ld_gives_each_number_its_own_property_an_sms_one_no_telephone(lang: str) -> None:
    """The Organization's contactPoints: a phone as telephone, a fax as faxNumber (as telephone a "call" button rang
    the fax machine), an SMS number as its sms: link (schema.org has no property for it; as telephone it would be
    offered for calls), an e-mail address as email; a web address is no contact point."""
    vendor = vendor_of(SMS_VENDOR.replace('  contact email', '  contact fax "+47 22 85 40 01"\n  contact web "https://example.com"\n  contact email'))
    data = json.loads(str(structured.vendor_json_ld(vendor, reader(lang, vendor), f"https://example.com/{lang}/v/")))
    points = data["@graph"][0]["contactPoint"]
    assert [{k: v for k, v in p.items() if k != "name"} for p in points] == [
        {"@type": "ContactPoint", "contactType": "technical support", "telephone": "+4722854000"},
        {"@type": "ContactPoint", "contactType": "technical support", "url": "sms:+4741500112", "hoursAvailable": [AROUND_THE_CLOCK]},
        {"@type": "ContactPoint", "contactType": "technical support", "faxNumber": "+4722854001"},
        {"@type": "ContactPoint", "contactType": "technical support", "email": "support@example.com"},
    ]
    names = [p["name"] for p in points]
    assert names[1] == "SMS" and all("\u2060" not in n and "\u00a0" not in n for n in names), names


def test_a_contact_points_hours_are_its_calendars_weekly_hours_days_with_the_same_hours_together() -> None:
    """schema.org's ContactPoint.hoursAvailable, from the calendar the plan names for the contact (`hours office`); an
    interval across midnight is a piece on each day, and a contact without hours has none."""
    text = HEADER + (
        "  calendar office { zone Europe/Oslo\n    open mon-fri 08:00-16:00\n    open sat 10:00-14:00\n  }\n"
        "  calendar nights { zone Europe/Oslo\n    open fri 22:00 - mon 06:00\n  }\n"
        '  contact phone "+47 22 85 40 00" hours office\n'
        '  contact phone "+47 22 85 40 09" as phone-nights hours nights { en "Night line" }\n'
        '  contact email "support@example.com"\n'
        '  plan basic { name "Basic" channels phone, phone-nights, email }\n'
        "}\n"
    )
    vendor = vendor_of(text)
    data = json.loads(str(structured.vendor_json_ld(vendor, reader("en", vendor), "https://example.com/en/v/")))
    office, nights, email = data["@graph"][0]["contactPoint"]
    day = str
    assert office["hoursAvailable"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [day(d) for d in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")],
         "opens": "08:00:00", "closes": "16:00:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [day("Saturday")], "opens": "10:00:00", "closes": "14:00:00"},
    ]
    assert nights["hoursAvailable"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [day("Monday")], "opens": "00:00:00", "closes": "06:00:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [day("Friday")], "opens": "22:00:00", "closes": "23:59:59"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [day("Saturday"), day("Sunday")], "opens": "00:00:00", "closes": "23:59:59"},
    ]
    assert "hoursAvailable" not in email
