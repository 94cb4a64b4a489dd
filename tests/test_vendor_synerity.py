"""Synerity's offer in plans/synerity.plan says what its seed (004_3f477d2043c3ff0b, Swedish) says."""

from decimal import Decimal

import pytest

from dsl.language import addresses
from dsl.language.checks import vendor_texts
from dsl.language.model import Vendor
from dsl.language.vocabulary import LANGUAGES, WEEKDAYS

# The seed's 14 table rows, in its order, with the cells of FREE, SILVER and GULD:
# True = ✓, None = empty cell, a string = the Swedish text of the cell.
MATRIX = [
    ("response-time", None, "8 timmar", "2 timmar"),
    ("incident-follow-up", "På begäran", "Proaktivt", "Proaktivt"),
    ("ticket-channels", True, True, True),
    ("self-help-advice", True, True, True),
    ("vip-webinars", None, True, True),
    ("video-troubleshooting", None, True, True),
    ("feature-requests", None, True, True),
    ("environment-troubleshooting", None, True, True),
    ("basic-config-fixes", None, True, True),
    ("escalation", None, True, True),
    ("support-reports", None, True, True),
    ("consulting-discount", None, True, True),
    ("advanced-config-fixes", None, None, True),
    ("urgent-response", None, None, True),
]
PLANS = ("free", "silver", "gold")


@pytest.fixture(scope="module")
def synerity(shipped) -> Vendor:
    return shipped.vendor("synerity")


def test_vendor_header(synerity):
    assert synerity.name == "Synerity"
    assert synerity.language == "sv"
    assert synerity.priorities is None
    intro = synerity.intro.get("sv").replace("\n", " ")
    assert intro.startswith("Med ett supportavtal från Synerity kan er organisation känna sig trygg")
    assert "Med en fast månadsavgift" in intro
    assert "specialanpassade avtal" in intro  # the closing "Har ni ytterligare behov?" paragraph


def test_plans_in_order_each_extending_the_one_below(synerity):
    assert [(p.id, p.extends) for p in synerity.plans] == [("free", None), ("silver", "free"), ("gold", "silver")]
    assert [p.name.get("sv") for p in synerity.plans] == ["Free", "Silver", "Guld"]
    assert [p.name.get("en") for p in synerity.plans] == ["Free", "Silver", "Gold"]
    assert synerity.plan("free").marks == ("*",)


def test_feature_rows_in_the_seed_order(synerity):
    assert [f.id for f in synerity.features] == [row[0] for row in MATRIX]
    assert synerity.feature("incident-follow-up").label.get("sv").startswith("Rapportering & uppföljning av incidenter")
    assert synerity.feature("urgent-response").label.get("sv") == "Snabbare responstid vid akuta incidenter"


def test_categories_follow_the_seed_headings(synerity):
    assert [c.id for c in synerity.categories] == ["all-customers", "silver-and-gold", "gold-only"]
    by_category = {c.id: [f.id for f in synerity.features_in(c.id)] for c in synerity.categories}
    assert [len(v) for v in by_category.values()] == [4, 8, 2]
    assert by_category["gold-only"] == ["advanced-config-fixes", "urgent-response"]


@pytest.mark.parametrize("column, plan_id", list(enumerate(PLANS, start=1)))
def test_every_cell_matches_the_seed(synerity, column, plan_id):
    plan = synerity.plan(plan_id)
    for row in MATRIX:
        feature, expected = row[0], row[column]
        cell = plan.cell(feature)
        if expected is None:
            assert cell is None or not cell.offered, (plan_id, feature)
        elif expected is True:
            assert cell.kind == "included", (plan_id, feature)
        else:
            assert (cell.kind, cell.text.get("sv")) == ("text", expected), (plan_id, feature)


@pytest.mark.parametrize("plan_id, count", [("free", 3), ("silver", 12), ("gold", 14)])
def test_feature_counts_per_tier(synerity, plan_id, count):
    assert len(synerity.offered_features(plan_id)) == count


def test_free_says_no_guaranteed_response_time(synerity):
    free = synerity.plan("free")
    assert free.cell("response-time").kind == "excluded"
    target = free.target("first-response", None)
    assert (target.priority, target.minutes, target.guaranteed) == (None, None, False)


@pytest.mark.parametrize("plan_id, minutes", [("silver", 480), ("gold", 120)])
def test_paid_tiers_have_a_response_target_on_office_hours(synerity, plan_id, minutes):
    targets = [(t.metric, t.priority, t.minutes, t.calendar) for t in synerity.plan(plan_id).targets]
    assert targets == [("first-response", None, minutes, "synerity-office")]


def test_office_calendar(synerity):
    cal = synerity.calendar("synerity-office")
    assert cal.zone == "Europe/Stockholm"
    assert [(WEEKDAYS[i.start_day], i.start, i.end) for i in cal.weekly] == [
        (day, 8 * 60, 17 * 60) for day in ("mon", "tue", "wed", "thu", "fri")
    ]
    assert [(h.country, h.subdivision) for h in cal.holidays] == [("SE", None)]
    assert cal.eve_hours == () and cal.dates == ()
    for plan in synerity.plans:
        assert [(c.priority, c.calendar) for c in plan.coverage] == [(None, "synerity-office")]


def test_prices_per_segment_per_month(synerity):
    assert [s.id for s in synerity.segments] == ["licence", "non-licence"]
    assert synerity.segments[0].label.get("sv") == "Syneritys licenskunder"

    def prices(plan_id):
        return [(p.segment, p.kind, p.amount, p.currency, p.period, p.marks) for p in synerity.plan(plan_id).prices]

    assert prices("free") == [
        ("licence", "free", None, None, None, ()),
        ("non-licence", "amount", Decimal("2500"), "SEK", "month", ("*",)),
    ]
    assert prices("silver") == [
        ("licence", "amount", Decimal("5000"), "SEK", "month", ()),
        ("non-licence", "amount", Decimal("7500"), "SEK", "month", ()),
    ]
    assert prices("gold") == [
        ("licence", "amount", Decimal("10000"), "SEK", "month", ()),
        ("non-licence", "amount", Decimal("15000"), "SEK", "month", ()),
    ]


def test_the_star_footnote_reads_free_for_licence_customers_only(synerity):
    note = synerity.footnote("*")
    assert [f.mark for f in synerity.footnotes] == ["*"]
    assert "kostnadsfritt för Syneritys licenskunder" in note.text.get("sv")
    assert "2\u00a0500 kr per månad" in note.text.get("sv")
    assert "SEK 2,500 a month" in note.text.get("en")
    # The seed never explains "FREE*": the explanation is the publisher's, marked as such.
    assert note.editorial


def test_source_names_the_seed_title_without_a_date(synerity):
    (source,) = synerity.sources
    assert source.title.get("sv") == "Synerity Support"
    assert (source.url, source.read, source.published) == (None, None, None)


def test_contacts(synerity):
    contacts = {c.id: c for c in synerity.contacts}
    # Line 65: "anmäla ärenden via vår självbetjäningportal support.synerity.se eller genom att maila
    # support@synerity.se när som helst på dygnet. Ni kan även ringa oss helgfria vardagar på
    # 042-4003999 mellan kl. 08:00 och 17:00."
    assert (contacts["portal"].kind, contacts["portal"].value, contacts["portal"].hours) == (
        "portal", "https://support.synerity.se", "around-the-clock"
    )
    assert (contacts["email"].kind, contacts["email"].value, contacts["email"].hours) == ("email", "support@synerity.se", "around-the-clock")
    assert (contacts["phone"].kind, contacts["phone"].hours) == ("phone", "synerity-office")
    assert "när som helst på dygnet" in contacts["email"].label.get("sv")
    assert all(p.channels == ("portal", "email", "phone") for p in synerity.plans)


def test_phone_number_is_the_seeds_with_the_country_code(synerity):
    phone = addresses.phone_number(next(c for c in synerity.contacts if c.id == "phone").value)
    assert phone is not None and phone.region == "SE"
    assert phone.e164 == "+46" + "042-4003999".replace("-", "")[1:]
    assert phone.national.replace(" ", "").replace("-", "") == "0424003999"


def test_tickets_are_sent_any_time_and_answered_in_office_hours(synerity):
    # Line 65: tickets are sent "när som helst på dygnet"; line 57: "Synerity support svarar under
    # helgfria vardagar mellan kl. 08:00 och 17:00".
    for cid in ("email", "portal"):
        contact = next(c for c in synerity.contacts if c.id == cid)
        assert synerity.calendar(contact.hours).always_open
        assert contact.answered == "synerity-office"
    office = synerity.calendar("synerity-office")
    assert {(i.start_day, i.start, i.end) for i in office.weekly} == {(d, 8 * 60, 17 * 60) for d in range(5)}
    assert [h.country for h in office.holidays] == ["SE"]


def test_the_page_says_when_email_is_received_and_when_it_is_answered(synerity):
    from dsl.site import views as site
    from support.site import words

    r = site.Reader("en", words()["en"], synerity)
    views = {c.kind: v for c, v in zip(synerity.contacts, site.contact_views(synerity, r), strict=True)}
    email = views["email"]
    assert "all year round" in email.hours
    assert "Mon" in email.answered and "08:00" in email.answered and "public holidays" in email.answered
    phone = views["phone"]
    assert phone.href == "tel:+46424003999"
    assert phone.value == "+46\u00a042\u00a0400\u00a039\u00a099" and phone.nowrap  # an English page is read in no one country



def test_obligations_of_silver_and_gold(synerity):
    assert synerity.plan("free").obligations == ()
    for plan_id in ("silver", "gold"):
        obligations = {o.id: o for o in synerity.plan(plan_id).obligations}
        assert list(obligations) == ["vip-webinars", "support-report"]
        webinars, report = obligations["vip-webinars"], obligations["support-report"]
        assert (webinars.quantity.count, webinars.quantity.period) == (1, "quarter")
        assert (report.quantity.count, report.quantity.period) == (1, "month")
        assert "Synerity VIP Webinars" in webinars.text.get("sv")


def test_descriptions_come_from_the_long_texts(synerity):
    def sv(feature_id: str) -> str:
        return synerity.feature(feature_id).description.get("sv").replace("\n", " ")

    assert all(f.description is not None for f in synerity.features)
    assert "helgfria vardagar mellan kl. 08:00 och 17:00" in sv("response-time")
    assert "support.synerity.se" in sv("ticket-channels") and "042-4003999" in sv("ticket-channels")
    assert "en gång i kvartalet" in sv("vip-webinars")
    assert "en gång i månaden" in sv("support-reports")
    assert "Guld ger en högre rabattnivå" in sv("consulting-discount")
    assert "skenande mailloop" in sv("urgent-response")
    assert "produktägare" in sv("escalation")


def test_every_text_is_in_all_four_languages(synerity):
    texts = list(vendor_texts(synerity))
    assert len(texts) > 40
    for text, what in texts:
        assert text.missing(LANGUAGES) == (), what
    for text in [synerity.intro] + [f.description for f in synerity.features]:
        assert not text.neutral and len({text.get(code) for code in LANGUAGES}) == 4


def test_the_star_footnote_stands_apart_on_the_page(synerity):
    from dsl.site import views
    from support.site import words

    page = views.vendor_page(synerity, views.Reader("en", words()["en"], synerity))
    assert [n.mark for n in page.footnotes] == []
    assert [n.mark for n in page.editorial_footnotes] == ["*"]
