"""The tier cards a vendor page opens with: each tier's promise, price and what sets it apart (docs/site.md, "Tier cards")."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup

from dsl.language.loader import load_project, load_text
from dsl.site import views as site
from support.catalogue import PLAN
from support.paths import PLANS
from support.site import words


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        ("For Amanda community users. Email only.", "For Amanda community users."),
        ("Extended support level 1 – standard support extended with:\n\n- A kick-off.\n- Reviews.",
         "Extended support level 1 – standard support extended with…"),
        ("Level 1 extended with Esri Inc: **Priority Support**\n(level 2). For cases escalated it gives:",
         "Level 1 extended with Esri Inc: **Priority Support** (level 2)."),
        ("The base plan of Xtreme Support: " + ", ".join(["critical notifications"] * 8) + ".", "The base plan of Xtreme Support"),
        ("Includes everything in Xtreme plus extended CIS (24 hours a day, 7 days a week), " + ", ".join(["briefings"] * 12) + ".",
         "Includes everything in Xtreme plus extended CIS (24 hours a day, 7 days a week)…"),
        ("Support for P1 2 h. Then more.", "Support for P1 2 h."),
    ],
)
def test_a_promise_is_the_first_sentence_of_the_description_and_short(text: str, promise: str) -> None:
    assert site.first_sentence(text) == promise


def _cards(text: str, lang: str = "en") -> list[site.TierCard]:
    result = load_text(text, "acme.plan")
    assert result.project is not None and not result.errors
    vendor = result.project.vendors[0]
    return list(site.vendor_page(vendor, site.Reader(lang, words()[lang], vendor)).cards)


def test_the_cards_follow_the_tiers_and_say_what_each_adds_to_the_one_it_extends() -> None:
    community, team, team_plus, enterprise = _cards(PLAN)
    assert [c.name for c in (community, team, team_plus, enterprise)] == ["Community", "Team", "Team Plus", "Enterprise"]
    assert [c.recommended for c in (community, team, team_plus, enterprise)] == [False, False, False, True]
    # Team extends nothing: its own service first, then its features; an add-on's words keep their own colon.
    said = [p.replace("\u2060", "") for p in team.points]
    assert said[0] == "First response: 8 hours" and "Backup (Add-on: €5 per device per month)" in said
    assert len(team.points) == site.CARD_POINTS
    # Team Plus only costs something else: the same service, nothing listed.
    assert team_plus.same and team_plus.points == () and team_plus.extends == "Team"
    assert not enterprise.same and enterprise.points == ("First response: 2 hours",)
    assert [(str(label), cell.text) for label, cell in team_plus.prices] == [("Businesses", "Contact sales"), ("Schools", "No price published")]


def test_a_first_response_the_features_already_say_is_said_once() -> None:
    result = load_project([PLANS])
    assert result.project is not None
    synerity = next(v for v in result.project.vendors if v.id == "synerity")
    for lang in ("sv", "it", "pl", "en"):
        cards = site.vendor_page(synerity, site.Reader(lang, words()[lang], synerity)).cards
        gold = cards[-1].points
        assert len(gold) == 3, (lang, gold)  # the response time, two fixes: not the response time again as a target
        assert all(not p.startswith(site.metric_titles(site.Reader(lang, words()[lang]))["first-response"]) for p in gold)


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_card_names_the_first_response_as_the_vendors_response_times_do(lang: str) -> None:
    # Wisła, Amanda and Stratiteq name the time their own way ("Svarstid", "Tempo di risposta", "Czas reakcji",
    # "Response time"): their cards said "First response" over a table and a calculator that call it so.
    result = load_project([PLANS])
    assert result.project is not None
    for vendor_id in ("wisla", "amanda", "stratiteq"):
        vendor = next(v for v in result.project.vendors if v.id == vendor_id)
        page = site.vendor_page(vendor, site.Reader(lang, words()[lang], vendor))
        title = str(next(t.title for t in page.targets if t.metric == "first-response"))
        names = (title, site.metric_titles(site.Reader(lang, words()[lang]))["first-response"])
        said = [str(p) for card in page.cards for p in card.points if p.split(" (")[0] in names]
        assert said and all(p.startswith(title + " (") for p in said), (vendor_id, title, said)


def test_every_tier_of_the_seed_vendors_has_three_to_five_points_or_is_the_same_service() -> None:
    result = load_project([Path(PLANS)])
    assert result.project is not None
    for vendor in result.project.vendors:
        for card in site.vendor_page(vendor, site.Reader("pl", words()["pl"], vendor)).cards:
            assert card.same or 1 <= len(card.points) <= site.CARD_POINTS, (vendor.id, card.name, card.points)


TWO_TIERS = """vendor acme {
  name "Acme"
  language en
  contact phone "+46 8 123 456 78"
  contact phone "+46 8 123 456 79" as oncall { en "On-call phone (critical faults)" }
  contact email "support@example.com"
  priorities p {
    level P1 { name { en "Critical" } }
    level P2 { name { en "Normal" } }
  }
  plan std {
    name "Standard"
    coverage all on office
    target first-response P1 1h on office
    target first-response P2 8h on office
    channels phone, email
  }
  plan plus extends std {
    name "Plus"
    coverage P1 on always
    target first-response P1 1h on always
    channels phone, oncall for P1, email
  }
}
calendar office {
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
}
calendar always {
  open 24x7
}
"""


def test_a_tier_that_only_adds_hours_for_the_top_priority_says_those_hours_and_which_phone() -> None:
    # Wisła's Extended card read "First response (Critical failure): 1 hour", "When support is available: Mon–Fri
    # 07:30–15:30 …" and "Channels: Phone": word for word what its Standard card said, for 24×7 and an on-call line.
    # The first response says its hours, so "When support is available (Critical): 24×7, all year round" under it said
    # them again (pages13).
    standard, plus = _cards(TWO_TIERS)
    said = [p.replace("\u2060", "").replace("\u00a0", " ") for p in plus.points]
    assert said == [
        "First response (Critical): 1 hour (24×7, all year round)",
        "Channels: phone (On-call phone; Critical only)",  # as the tier's service names it, the label's bracket not naming the level again
    ], said
    assert not any(p in standard.points for p in plus.points)


def test_a_tier_with_hours_of_its_own_for_everyone_still_says_them() -> None:
    text = TWO_TIERS.replace("    coverage P1 on always\n", "    coverage all on always\n")
    _, plus = _cards(text)
    assert "When support is available: 24×7, all year round" in [p.replace("\u00a0", " ") for p in plus.points]


def test_a_price_for_every_segment_is_said_once_on_its_card() -> None:
    # Community's free support written without a segment was "Businesses: Free" and "Schools: Free" on its card.
    text = PLAN.replace("    price business free\n", "    price free\n")
    community, team, *_ = _cards(text)
    assert [(str(label), cell.text) for label, cell in community.prices] == [("", "Free")]
    assert [str(label) for label, _cell in team.prices] == ["Businesses", "Schools"]  # prices that differ keep their names


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_card_that_says_what_its_tier_adds_shows_no_promise_cut_short(lang: str) -> None:
    # Esri's "Extended support level 1 – standard support extended with…" and Infor's "Obejmuje wszystkie funkcje planu
    # Xtreme Support…" above "Everything in Standard, and more": half a sentence, then the same thing whole.
    result = load_project([PLANS])
    assert result.project is not None
    for vendor in result.project.vendors:
        for card in site.vendor_page(vendor, site.Reader(lang, words()[lang], vendor)).cards:
            assert not card.promise.striptags().endswith("…"), (vendor.id, card.name, card.promise)
    esri = next(v for v in result.project.vendors if v.id == "esri")
    cards = site.vendor_page(esri, site.Reader(lang, words()[lang], esri)).cards
    assert cards[1].promise == "" and cards[1].extends and cards[2].promise.striptags().endswith(")."), cards[2].promise


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", "Kanaler: supportportal, e-post och telefon"),
        ("it", "Canali: portale di assistenza, e-mail e telefono"),
        ("pl", "Kanały: portal wsparcia, e-mail i telefon"),
        ("en", "Channels: support portal, email and phone"),
    ],
)
def test_a_cards_channels_after_their_colon_begin_in_lower_case(lang: str, said: str) -> None:
    # "Kanaler: Supportportal, e-post och telefon": a capital inside the line, after a colon, before lower-case kinds.
    result = load_project([PLANS])
    assert result.project is not None
    synerity = next(v for v in result.project.vendors if v.id == "synerity")
    free = site.vendor_page(synerity, site.Reader(lang, words()[lang], synerity)).cards[0]
    assert said in [p.replace("\u2060", "").replace("\u00a0", " ") for p in free.points], free.points


def test_prices_the_same_for_every_segment_are_one_row_of_the_comparison() -> None:
    # Every price written without a segment, the segments declared all the same: each segment's row repeated them.
    text = PLAN
    for line in ("price business free", "price business from 10 EUR per user per month excl tax",
                 "price business 100 SEK per user per month excl tax", "price schools 50 SEK per device per year",
                 "price business contact sales", "price schools 500 EUR per year incl tax"):
        text = text.replace(line, line.replace("price business ", "price ").replace("price schools ", "price "))
    result = load_text(text, "acme.plan")
    assert result.project is not None and not result.errors, result.errors
    acme = result.project.vendors[0]
    rows = site.price_rows(acme, site.Reader("en", words()["en"], acme))
    assert [str(row.label) for row in rows] == ["Price"]
    # Where one tier's price differs by segment, each segment keeps its row.
    rows = site.price_rows(acme := _vendor(PLAN), site.Reader("en", words()["en"], acme))
    assert [str(row.label) for row in rows] == ["Businesses", "Schools"]


def _vendor(text: str):  # type: ignore[no-untyped-def]
    result = load_text(text, "acme.plan")
    assert result.project is not None and not result.errors
    return result.project.vendors[0]


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_promise_that_names_the_tier_below_is_not_followed_by_everything_in_it(lang: str) -> None:
    # Drift Plus: "Everything in Bas, with round-the-clock on-call staff …", then "Everything in Drift Bas, and more".
    result = load_project([PLANS])
    assert result.project is not None
    told = set()
    for vendor in result.project.vendors:
        for plan, card in zip(vendor.plans, site.vendor_page(vendor, site.Reader(lang, words()[lang], vendor)).cards, strict=True):
            if card.told:
                told.add(f"{vendor.id}/{plan.id}")
    assert told == {"cassalink/premium", "esri/extended-2", "norrdrift/plus", "wisla/rozszerzony"}


def test_a_promise_names_the_tier_below_by_the_words_its_own_name_lacks() -> None:
    names = site._names_tier
    assert names(Markup("Allt i Standardpaketet, och mer."), Markup("Standardpaket"), Markup("Utökat paket"))
    assert names(Markup("Wszystko z pakietu Standard oraz …"), Markup("Pakiet Standard"), Markup("Pakiet Rozszerzony"))
    assert names(Markup("Extended support level 1 extended with …"), Markup("Extended support 1"), Markup("Extended support 2"))
    assert not names(Markup("Support within 10 hours."), Markup("Extended support 1"), Markup("Extended support 2"))
    assert not names(Markup("The Premium support programme: 24 × 7."), Markup("Standard"), Markup("Premium"))
    assert not names(Markup(""), Markup("Standard"), Markup("Premium"))


@pytest.mark.parametrize(
    ("lang", "alone", "named"),
    [
        ("en", "Training tailored to your needs", "Onboarding assistance: Premium assistance"),
        ("sv", "Utbildning anpassad efter dina behov", None),
        ("it", "Formazione personalizzata in base alle vostre esigenze", "Assistenza all’onboarding: Assistenza premium"),
        ("pl", "Szkolenia dostosowane do indywidualnych potrzeb", "Pomoc przy wdrożeniu: Pomoc premium"),
    ],
)
def test_a_point_whose_value_says_its_features_name_says_the_value_alone(lang: str, alone: str, named: str | None) -> None:
    # Amanda Premium's card read "Training: Training tailored to your needs"; a value that does not begin with the
    # whole name keeps it ("Onboarding assistance: Premium assistance").
    result = load_project([PLANS])
    assert result.project is not None
    amanda = next(v for v in result.project.vendors if v.id == "amanda")
    premium = site.vendor_page(amanda, site.Reader(lang, words()[lang], amanda)).cards[2]
    points = [str(p.striptags()).replace("\u2060", "") for p in premium.points]
    assert alone in points, points
    assert not any(p.endswith(": " + alone) for p in points)
    if named:
        assert named in points, points
