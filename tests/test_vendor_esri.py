"""Esri's offer in plans/esri.plan says what its seed (000_0ca8e0490353904c, Swedish) says."""

from pathlib import Path

import pytest

from dsl.language import addresses
from dsl.language.checks import vendor_texts
from dsl.language.model import Vendor
from dsl.language.vocabulary import LANGUAGES, WEEKDAYS

# The matrix rows in the seed's order (ids of plans/esri.plan).
ROWS = [
    "my-esri",
    "latest-versions",
    "unlimited-cases",
    "live-remote-support",
    "web-support",
    "esri-community",
    "dedicated-engineers",
    "kickoff-meeting",
    "case-reviews",
    "daily-status",
    "sla-1h-8h",
    "esri-inc-priority",
    "esri-inc-1h-response",
    "esri-inc-senior",
    "registration-24-7",
    "handling-24-7",
    "esri-inc-coordinator",
    "priority-bug-fixing",
]


@pytest.fixture(scope="module")
def esri(shipped) -> Vendor:
    return shipped.vendor("esri")



def test_vendor_header(esri):
    assert esri.name == "Esri Sverige"
    assert esri.language == "sv"
    assert esri.priorities is None
    assert "Utökad support i tre nivåer" in esri.intro.get("sv")
    assert "ökad ärendeprioritet och dedikerad" in esri.intro.get("sv").replace("\n", " ")
    assert "integritetspolicy" in esri.intro.get("sv")


def test_features_in_the_seed_order(esri):
    assert [f.id for f in esri.features] == ROWS
    labels = [f.label.get("sv") for f in esri.features]
    assert labels[0] == "Tillgång till My Esri"
    assert labels[10] == "SLA – Registrerings- och svarstider (1h/8h)"
    assert labels[-1] == "Prioriterad buggrättning"


def test_plans_extend_each_other_in_order(esri):
    assert [(p.id, p.extends) for p in esri.plans] == [
        ("standard", None),
        ("extended-1", "standard"),
        ("extended-2", "extended-1"),
        ("extended-3", "extended-2"),
    ]
    assert esri.plan("extended-2").name.get("sv") == "Utökad support 2"


@pytest.mark.parametrize("plan_id, count", [("standard", 6), ("extended-1", 11), ("extended-2", 14), ("extended-3", 18)])
def test_each_tier_offers_a_prefix_of_the_matrix(esri, plan_id, count):
    # The extracted columns list their "Yes" cells top-down: a tier offers the first N rows, no more.
    assert list(esri.offered_features(plan_id)) == ROWS[:count]
    assert all(c.kind == "included" for c in esri.plan(plan_id).cells)


def test_each_tier_states_only_what_it_adds(esri):
    assert esri.plan("extended-1").own_features == tuple(ROWS[6:11])
    assert esri.plan("extended-2").own_features == tuple(ROWS[11:14])
    assert esri.plan("extended-3").own_features == tuple(ROWS[14:])


def test_phone_hours_calendar(esri):
    cal = esri.calendar("esri-phone-hours")
    assert cal.zone == "Europe/Stockholm"
    assert not cal.always_open
    spans = sorted((WEEKDAYS[i.start_day], i.start, i.end) for i in cal.weekly)
    expected = sorted((day, start, end) for day in WEEKDAYS[:5] for start, end in ((510, 690), (750, 960)))
    assert spans == expected
    # "vardagar": Swedish public holidays and, by the file's stated reading, the de facto ones
    # (Midsummer Eve, Christmas Eve, New Year's Eve), which Swedish business usage leaves out too.
    assert [(h.country, h.categories) for h in cal.holidays] == [("SE", ("public", "de_facto"))]
    assert cal.eve_hours == ()


def test_sla_1h_8h_from_level_1_on_the_phone_hours(esri):
    # "SLA – Registrerings- och svarstider (1h/8h)" from level 1; the general case keeps the 8 h
    # answer on the phone hours on every level.
    # Standard has no SLA row: explicitly no guaranteed time (not "not stated").
    standard = esri.plan("standard")
    assert [(t.metric, t.priority, t.minutes) for t in standard.targets] == [("registration", None, None), ("first-response", None, None)]
    assert not any(t.guaranteed for t in standard.targets)
    for plan_id in ("extended-1", "extended-2", "extended-3"):
        plan = esri.plan(plan_id)
        registration = plan.target("registration", None)
        response = plan.target("first-response", None)
        assert registration.minutes == 60
        assert (response.minutes, response.calendar, response.case) == (8 * 60, "esri-phone-hours", None)
    for plan_id in ("extended-1", "extended-2"):
        assert esri.plan(plan_id).target("registration", None).calendar == "esri-phone-hours"


def test_registration_24_7_on_level_3_only(esri):
    # Seed line 58, level 3 only: "Möjlighet till ärenderegistrering 24/7".
    registration = esri.plan("extended-3").target("registration", None)
    assert (registration.minutes, registration.calendar) == (60, "around-the-clock")
    assert esri.calendar("around-the-clock").always_open


def test_esri_inc_answers_escalated_cases_within_one_hour(esri):
    # Seed lines 19 and 54 (levels 2-3): "Svar från Esri Inc inom en timme", for cases escalated to
    # Esri Inc (line 52, "om ärenden eskaleras till Esri Inc"): a target for that kind of case only.
    assert [c.id for c in esri.cases] == ["escalated"]
    assert "Esri Inc" in esri.case("escalated").name.get("sv")
    assert esri.plan("extended-1").target("first-response", None, "escalated").case is None  # keeps the 8 h
    for plan_id, clock in (("extended-2", "esri-phone-hours"), ("extended-3", "around-the-clock")):
        plan = esri.plan(plan_id)
        escalated = plan.target("first-response", None, "escalated")
        assert (escalated.case, escalated.minutes, escalated.calendar) == ("escalated", 60, clock)
        assert plan.target("first-response", None).minutes == 8 * 60  # other cases keep theirs
        assert plan.target("registration", None, "escalated").case is None


def test_round_the_clock_handling_only_for_escalated_cases_on_level_3(esri):
    # Seed line 60: "Ärendehandläggning 24/7 på ärenden som eskaleras till Esri Inc" — not every case.
    for plan_id in ("standard", "extended-1", "extended-2"):
        assert esri.plan(plan_id).coverage == ()
    [coverage] = esri.plan("extended-3").coverage
    assert (coverage.priority, coverage.case, coverage.calendar) == (None, "escalated", "around-the-clock")


def test_deadlines_and_the_card_agree_with_the_seed(shipped, esri):
    from dsl.rules.engine import Evaluator
    from dsl.rules.export import export_project
    from dsl.site.views import Reader, fastest_response
    from support.site import words

    rules = Evaluator(export_project(shipped, (2026, 2027)))
    saturday = "2026-11-28T10:00:00+01:00"
    # Level 3 registers a Saturday 10:00 case by 11:00 (24/7), not on Monday's phone hours.
    assert rules.due("esri/extended-3", None, saturday, metric="registration").isoformat() == "2026-11-28T11:00:00+01:00"
    assert rules.due("esri/extended-2", None, saturday, metric="registration").isoformat() == "2026-11-30T09:30:00+01:00"
    # Escalated: Esri Inc answers within the hour; level 3 around the clock, level 2 on the phone hours.
    assert rules.due("esri/extended-3", None, saturday, case="escalated").isoformat() == "2026-11-28T11:00:00+01:00"
    assert rules.due("esri/extended-2", None, saturday, case="escalated").isoformat() == "2026-11-30T09:30:00+01:00"
    # Every other case keeps 8 phone hours: Monday 08:30 + 6 h 30 min, then 1 h 30 min on Tuesday.
    assert rules.due("esri/extended-3", None, saturday).isoformat() == "2026-12-01T10:00:00+01:00"
    card = fastest_response(esri, Reader("en", words()["en"], esri))
    # The escalated cases' hour on a line of its own: after a semicolon their name kept its capital mid-sentence.
    assert card == "8 hours<br>Cases escalated to Esri Inc: 1 hour"


def test_obligations_from_level_1_on(esri):
    assert esri.plan("standard").obligations == ()
    for plan_id in ("extended-1", "extended-2", "extended-3"):
        obligations = {o.id: o for o in esri.plan(plan_id).obligations}
        assert sorted(obligations) == ["case-reviews", "daily-status", "kickoff-meeting"]
        daily = obligations["daily-status"].quantity
        assert (daily.count, daily.period) == (1, "day")
        assert "uppstartsmöte" in obligations["kickoff-meeting"].text.get("sv")


def test_levels_2_and_3_depend_on_customer_size(esri):
    assert esri.plan("extended-1").notes == ()
    for plan_id, product in (("extended-2", "Priority Support"), ("extended-3", "Premium Support")):
        plan = esri.plan(plan_id)
        assert product in plan.description.get("sv")
        assert "kundstorlek" in plan.notes[0].get("sv")


def test_no_prices_are_invented(esri):
    assert all(p.prices == () for p in esri.plans)


def test_contacts(esri):
    contacts = {c.id: c for c in esri.contacts}
    assert sorted(contacts) == ["email", "phone", "portal"]
    assert (contacts["portal"].kind, contacts["portal"].value) == ("portal", "My Esri")
    assert contacts["portal"].label.get("sv") == "Skapa och följ supportärenden"
    assert contacts["email"].value == "support@esri.se"
    assert contacts["phone"].hours == "esri-phone-hours"
    # The seed's "0770-33 06 90", Swedish: the same digits, with Sweden's country code.
    phone = addresses.phone_number(contacts["phone"].value)
    assert phone is not None and phone.region == "SE" and phone.e164 == "+46770330690"
    assert phone.national.replace(" ", "").replace("-", "") == "0770-33 06 90".replace(" ", "").replace("-", "")
    for plan in esri.plans:
        assert plan.channels == ("portal", "email", "phone")


def test_every_text_is_in_four_languages(esri):
    texts = list(vendor_texts(esri))
    assert len(texts) > 40
    for text, what in texts:
        assert text.missing(LANGUAGES) == (), what
        for lang in LANGUAGES:
            assert text.get(lang).strip(), f"{what} is empty in {lang}"
    # Only brand names are the same in every language.
    neutral = sorted(text.get("en") for text, _ in texts if text.neutral)
    assert neutral == ["Esri Community", "Esri Sverige – Utökad support", "Standard"]  # the source is the document's title


def test_source_is_the_seed_document_without_a_date(esri):
    (source,) = esri.sources
    assert source.title.get("sv") == "Esri Sverige – Utökad support"
    assert (source.url, source.read, source.published) == (None, None, None)
    seed = Path("/work/shared/seeds/000_0ca8e0490353904c.txt")
    if seed.exists():
        text = seed.read_text(encoding="utf-8")
        assert text.startswith("Utökad support")
        # The Standard column has no tick on the SLA row: the seed promises Standard no time.
        assert "SLA – Registrerings- och svarstider (1h/8h)" in text


def test_standard_reads_no_guaranteed_time_on_the_page(esri):
    from dsl.site import views
    from support.site import words

    reader = views.Reader("sv", words()["sv"], esri)
    for table in views.target_tables(esri, reader):
        standard = [row.cells[0] for row in table.rows]
        assert [(c.kind, c.text) for c in standard] == [("none", "Ingen garanterad tid")] * len(standard)


@pytest.mark.parametrize(
    ("lang", "inside"),
    [("sv", "ärenden som eskaleras till Esri Inc"), ("it", "casi inoltrati a Esri Inc"), ("pl", "zgłoszenia eskalowane do Esri Inc"),
     ("en", "cases escalated to Esri Inc")],
)
def test_the_kind_of_case_is_lower_case_inside_a_sentence_and_keeps_a_proper_nouns_capital(esri, lang, inside) -> None:
    """"1 timme (Ärenden som eskaleras …)" on a card had a capital mid-sentence; at a line's start it keeps it."""
    import dataclasses

    from dsl.language.model import Text
    from dsl.site import views as site
    from support.site import plain, words

    reader = site.Reader(lang, words()[lang], esri)
    assert plain(site.case_in_sentence(esri, "escalated", reader)) == inside
    assert plain(site.case_name(esri, "escalated", reader)) == inside[:1].upper() + inside[1:]
    # A name that opens with the same word in every language is a name ("Oslo …"), and one in capitals an acronym.
    for name in ("Oslo-kontoret", "SAP-ärenden"):
        named = dataclasses.replace(esri, cases=(dataclasses.replace(esri.cases[0], name=Text(tuple((lg, name) for lg in LANGUAGES))),))
        assert str(site.case_in_sentence(named, "escalated", site.Reader(lang, words()[lang], named))).replace("\u2060", "") == name
