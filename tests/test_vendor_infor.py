"""Infor's offer in plans/infor.plan says what its seed (002_f5b73b85e8f7097e, Italian) says."""

from pathlib import Path

import pytest

from dsl.language import addresses
from dsl.language.checks import vendor_texts
from dsl.language.model import Vendor
from dsl.language.vocabulary import LANGUAGES, MINUTES_PER_DAY, WEEKDAYS
from dsl.site import views
from support.site import words

# The comparison table on page 3: categories and their rows, in order (ids of plans/infor.plan).
TABLE = {
    "updates": ["critical-notifications", "feature-packs", "service-packs", "activity-reviews", "early-adopter"],
    "support": ["unlimited-incidents", "online-support", "phone-access", "remote-access", "csm", "best-resources"],
    "responsiveness": ["defined-response", "priority-handling", "cis", "extended-cis", "plan-priority"],
    "information-sharing": [
        "support-types",
        "online-communities",
        "recorded-briefings",
        "interactive-briefings",
        "education-incentives",
    ],
    "resource-planning": ["upgrade-planning", "special-events"],
}
XTREME = {
    "critical-notifications",
    "feature-packs",
    "service-packs",
    "unlimited-incidents",
    "online-support",
    "phone-access",
    "remote-access",
    "defined-response",
    "priority-handling",
    "cis",
    "support-types",
    "online-communities",
    "recorded-briefings",
}
PREMIUM_ADDS = {"extended-cis", "plan-priority", "interactive-briefings"}
ELITE_ADDS = {
    "activity-reviews",
    "early-adopter",
    "csm",
    "best-resources",
    "education-incentives",
    "upgrade-planning",
    "special-events",
}


@pytest.fixture(scope="module")
def infor(shipped) -> Vendor:
    return shipped.vendor("infor")



def test_vendor_header(infor):
    assert infor.name == "Infor"
    assert infor.language == "it"
    assert infor.website == "https://www.infor.com"
    intro = infor.intro.get("it").replace("\n", " ")
    assert "oltre 200 paesi e territori" in intro
    assert "it.infor.com" in intro
    assert len(infor.notes) == 2


def test_five_categories_with_their_rows_in_table_order(infor):
    assert [c.id for c in infor.categories] == list(TABLE)
    assert [c.label.get("it") for c in infor.categories] == [
        "Aggiornamenti",
        "Assistenza",
        "Capacità di risposta",
        "Condivisione delle informazioni",
        "Pianificazione delle risorse",
    ]
    for category, rows in TABLE.items():
        assert [f.id for f in infor.features_in(category)] == rows
    assert len(infor.features) == 23


def test_labels_follow_the_table(infor):
    assert infor.feature("online-communities").label.get("it") == "Community online"
    assert infor.feature("service-packs").label.get("it") == "Aggiornamenti di componenti software e Service pack"
    assert "patch dei componenti software" in infor.feature("service-packs").description.get("it")


def test_footnotes(infor):
    assert infor.footnote("*").text.get("it") == "non disponibile per alcune tipologie di prodotto"
    assert infor.footnote("**").text.get("it") == "a esclusiva discrezione di Infor"
    marked = {f.id: f.marks for f in infor.features if f.marks}
    assert marked == {"cis": ("*",), "extended-cis": ("*",), "education-incentives": ("**",), "special-events": ("*",)}


def test_plans_include_the_lower_ones(infor):
    assert [(p.id, p.extends) for p in infor.plans] == [("xtreme", None), ("premium", "xtreme"), ("elite", "premium")]
    assert [p.name.get("it") for p in infor.plans] == ["Xtreme", "Xtreme Premium", "Xtreme Elite"]


@pytest.mark.parametrize(
    "plan_id, features",
    [("xtreme", XTREME), ("premium", XTREME | PREMIUM_ADDS), ("elite", XTREME | PREMIUM_ADDS | ELITE_ADDS)],
)
def test_cells_per_tier(infor, plan_id, features):
    assert set(infor.offered_features(plan_id)) == features
    assert len(infor.plan(plan_id).cells) == len(features)


def test_each_tier_states_only_what_it_adds(infor):
    assert set(infor.plan("premium").own_features) == PREMIUM_ADDS
    assert set(infor.plan("elite").own_features) == ELITE_ADDS


def test_special_event_support_is_one_weekend_a_year(infor):
    cell = infor.plan("elite").cell("special-events")
    assert cell.kind == "quantity"
    assert (cell.quantity.count, cell.quantity.period) == (1, "year")
    assert "due settimane" in cell.text.get("it")
    assert "two weeks" in cell.text.get("en")


def test_severity_1(infor):
    scheme = infor.priorities
    assert [lv.id for lv in scheme.levels] == ["S1"]
    level = scheme.level("S1")
    assert "Gravità 1" in level.name.get("it")
    assert level.name.get("en") == "Severity 1"
    assert "importanza strategica" in level.definition.get("it")
    assert scheme.matrix is None


def test_cis_24x5_for_xtreme_and_24x7_from_premium(infor):
    [xtreme] = infor.plan("xtreme").coverage
    assert (xtreme.priority, xtreme.calendar) == ("S1", "infor-cis-24x5")
    for plan_id in ("premium", "elite"):
        [coverage] = infor.plan(plan_id).coverage
        assert (coverage.priority, coverage.calendar) == ("S1", "around-the-clock")
    assert infor.calendar("around-the-clock").always_open


def test_cis_calendar_is_a_24x5_week_from_sunday_night(infor):
    cal = infor.calendar("infor-cis-24x5")
    assert cal.zone == "America/New_York"
    [week] = cal.weekly
    assert (WEEKDAYS[week.start_day], week.start, WEEKDAYS[week.end_day], week.end) == ("sun", 23 * 60, "fri", 23 * 60)
    assert week.length() == 5 * MINUTES_PER_DAY
    assert cal.holidays == () and not cal.always_open


def test_response_targets_are_defined_but_not_published(infor):
    # Seed lines 58-64: "Risposte agli incidenti definite ... stabiliti da Infor in relazione agli
    # incidenti segnalati", per severity, product and plan, with no durations: defined, unpublished.
    for plan in infor.plans:
        [target] = plan.targets
        assert (target.metric, target.priority, target.published) == ("first-response", None, False)
        assert (target.minutes, target.days, target.calendar) == (None, None, None)
        assert not target.guaranteed
        assert plan.prices == ()


def test_unpublished_targets_are_refused_with_that_reason(shipped, infor):
    from dsl.rules.engine import Evaluator, RuleError
    from dsl.rules.export import export_project
    from dsl.site.views import Reader, fastest_response
    from support.site import words

    rules = Evaluator(export_project(shipped, (2026, 2027)))
    with pytest.raises(RuleError, match="that the vendor does not publish"):
        rules.due("infor/elite", "S1", "2026-11-23T15:00:00+01:00")
    assert fastest_response(infor, Reader("en", words()["en"], infor)) == "Response times not published"


def test_obligations(infor):
    assert [o.id for o in infor.plan("xtreme").obligations] == ["critical-notifications"]
    assert [o.id for o in infor.plan("premium").obligations] == ["critical-notifications"]
    assert [o.id for o in infor.plan("elite").obligations] == [
        "critical-notifications",
        "activity-reviews",
        "upgrade-planning-calls",
    ]


def test_contacts(infor):
    contacts = {c.id: c for c in infor.contacts}
    assert (contacts["portal"].kind, contacts["portal"].hours) == ("portal", "around-the-clock")
    assert contacts["support-phone"].value is None
    assert contacts["csm"].kind == "account-manager"
    assert contacts["address-italy"].value == "Via Torri Bianche 9, 20871 Vimercate MB"
    assert contacts["phone-italy"].value == "+39 039 69941"
    assert (contacts["fax-italy"].kind, contacts["fax-italy"].value) == ("fax", "+39 039 6994289")
    assert contacts["address-hq"].value == "641 Avenue of the Americas, New York, NY 10011"
    assert contacts["phone-hq"].value == "+1 800-260-2640"
    assert {contacts["web"].value, contacts["web-italy"].value} == {"https://www.infor.com", "https://it.infor.com"}
    # The seed's Italian e-mail address is obfuscated: none is given.
    assert not any(c.kind == "email" for c in infor.contacts)
    assert infor.plan("xtreme").channels == ("portal", "support-phone")
    assert infor.plan("premium").channels == ("portal", "support-phone")
    assert infor.plan("elite").channels == ("portal", "support-phone", "csm")


def test_contacts_are_grouped_as_on_the_back_page(infor):
    # Lines 213-223: "641 Avenue of the Americas / New York, NY 10011 / 800-260-2640", then
    # "Infor in Italia / Via Torri Bianche 9 / 20871 Vimercate MB / Tel. +39.039.69941 / Fax. +39.039.6994289".
    assert [g.id for g in infor.contact_groups] == ["italy", "headquarters"]
    assert [g.label.get("it") for g in infor.contact_groups][0] == "Infor in Italia"
    groups = {c.id: c.group for c in infor.contacts}
    assert {cid for cid, g in groups.items() if g == "italy"} == {"address-italy", "phone-italy", "fax-italy", "web-italy"}
    assert {cid for cid, g in groups.items() if g == "headquarters"} == {"address-hq", "phone-hq"}
    numbers = {c.id: addresses.phone_number(c.value or "") for c in infor.contacts if c.kind in ("phone", "fax") and c.value}
    assert {cid: n.e164 for cid, n in numbers.items() if n} == {
        "phone-italy": "+39" + "039.69941".replace(".", ""),
        "fax-italy": "+39" + "039.6994289".replace(".", ""),
        "phone-hq": "+1" + "800-260-2640".replace("-", ""),
    }


def test_phone_hours_are_the_coverage_hours_of_each_plan(infor):
    # Lines 44-47: "Accesso telefonico / Durante le ore di copertura previste dal piano prescelto è
    # possibile contattare il team di assistenza Infor per telefono"; CIS 24x5 on Xtreme (line 69),
    # extended CIS 24x7 on Premium (line 101) and, through it, Elite.
    for plan in infor.plans:
        coverage = {c.priority: c.calendar for c in plan.coverage}
        assert plan.channel_calendar("support-phone") == coverage["S1"], plan.id
    assert infor.calendar(infor.plan("premium").channel_calendar("support-phone")).always_open
    assert not infor.calendar(infor.plan("xtreme").channel_calendar("support-phone")).always_open



def test_every_text_is_in_four_languages(infor):
    texts = list(vendor_texts(infor))
    assert len(texts) > 60
    for text, what in texts:
        assert text.missing(LANGUAGES) == (), what
        for lang in LANGUAGES:
            assert text.get(lang).strip(), f"{what} is empty in {lang}"
    neutral = sorted(text.get("en") for text, _ in texts if text.neutral)
    assert neutral == [
        "CIS (Critical Incident Support)",
        "Caratteristiche dei piani di assistenza Infor Xtreme Support (INFDTP1398292-IT-IT-1015-4)",  # the source's title
        "Xtreme",
        "Xtreme Elite",
        "Xtreme Premium",
    ]


def test_source_is_the_brochure_of_2015(infor):
    (source,) = infor.sources
    assert "Caratteristiche dei piani di assistenza Infor Xtreme Support" in source.title.get("it")
    assert "INFDTP1398292-IT-IT-1015-4" in source.title.get("it")
    assert (source.published, source.read, source.url) == (2015, None, None)
    seed = Path("/work/shared/seeds/002_f5b73b85e8f7097e.txt")
    if seed.exists():
        text = seed.read_text(encoding="utf-8")
        assert "Copyright© 2015 Infor" in text and "INFDTP1398292-IT-IT-1015-4" in text


def test_the_card_says_response_times_are_not_stated_rather_than_none(infor):
    # "Risposte agli incidenti definite" with no durations: defined but not published, which is not
    # "no guaranteed time" (the issue's own words: "response times not published").
    assert all(not t.published for p in infor.plans for t in p.targets if t.metric == "first-response")
    for lang, expected in (("en", "Response times not published"), ("it", "Tempi di risposta non pubblicati")):
        reader = views.Reader(lang, words()[lang], infor)
        assert views.fastest_response(infor, reader) == expected
