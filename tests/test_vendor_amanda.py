"""Amanda's offer in plans/amanda.plan says what its seed (003_1fe9b55e3912654f, Polish) says."""

from pathlib import Path

import pytest

from dsl.language.checks import vendor_texts
from dsl.language.model import Vendor
from dsl.language.vocabulary import LANGUAGES, WEEKDAYS

# The programmes table: one row per listed item, grouped as in the seed.
ROWS = {
    "training": ["training", "onboarding"],
    "availability": ["enhancements", "patches"],
    "tickets": ["coaching", "ticket-history"],
    "self-service": ["getting-started", "blog", "product-docs", "api-docs", "global-search"],
}


@pytest.fixture(scope="module")
def amanda(shipped) -> Vendor:
    return shipped.vendor("amanda")


SEED = Path("/work/shared/seeds/003_1fe9b55e3912654f.txt")


def seed_lines() -> list[str]:
    """The seed's non-blank lines; the seeds are kept outside the repository, so a test skips without them."""
    if not SEED.exists():
        pytest.skip("the seed texts are not on this machine")
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_vendor_header_and_notes(amanda):
    assert amanda.name == "Amanda"
    assert amanda.language == "pl"
    intro = amanda.intro.get("pl").replace("\n", " ")
    assert "klasyfikację od P1 do P4" in intro
    assert "mogą Państwo zmienić pierwotnie przypisany poziom priorytetu" in intro
    notes = [n.get("pl") for n in amanda.notes]
    assert len(notes) == 2
    assert "na podstawie wpływu i pilności" in notes[0] and "zmienić pierwotnie przypisany priorytet" in notes[0]
    assert "wersji próbnej" in notes[1] and "Premium" in notes[1]
    assert "trial" in amanda.notes[1].get("en") and "Premium SLAs" in amanda.notes[1].get("en")


def test_plans(amanda):
    assert [(p.id, p.extends) for p in amanda.plans] == [("community", None), ("standard", None), ("premium", "standard")]
    assert [p.name.get("en") for p in amanda.plans] == ["Community", "Standard", "Premium"]
    assert all(p.prices == () for p in amanda.plans)  # the seed states no prices


def test_priority_levels_with_definitions_and_examples(amanda):
    scheme = amanda.priorities
    assert [lv.id for lv in scheme.levels] == ["P1", "P2", "P3", "P4"]
    assert [lv.name.get("pl") for lv in scheme.levels] == ["Krytyczny wpływ", "Duży wpływ", "Średni wpływ", "Niewielki wpływ"]
    assert [lv.name.get("en") for lv in scheme.levels] == ["Critical impact", "High impact", "Medium impact", "Low impact"]
    assert "całkowitą utratą ochrony danych" in scheme.level("P1").definition.get("pl")
    assert "48 godzin" in scheme.level("P1").example.get("pl")
    assert "system nadal działa" in scheme.level("P2").definition.get("pl")
    assert "Prędkość tworzenia kopii zapasowych drastycznie spadła" in scheme.level("P2").example.get("pl")
    assert "dostępne jest obejście" in scheme.level("P3").definition.get("pl")
    assert "generowania raportów nie działa" in scheme.level("P3").example.get("pl")
    assert "prośba o informacje" in scheme.level("P4").definition.get("pl")
    assert "konfiguracji kopii zapasowych" in scheme.level("P4").example.get("pl")
    for level in scheme.levels:
        for text in (level.name, level.definition, level.example):
            assert text.missing(LANGUAGES) == ()


def test_impact_by_urgency_matrix(amanda):
    matrix = amanda.priorities.matrix
    assert [i.id for i in matrix.impacts] == ["large", "medium", "small"]
    assert [u.id for u in matrix.urgencies] == ["high", "medium", "low"]
    table = {u: [matrix.level(i, u) for i in ("large", "medium", "small")] for u in ("high", "medium", "low")}
    assert table == {"high": ["P1", "P2", "P3"], "medium": ["P2", "P3", "P4"], "low": ["P3", "P4", "P4"]}
    assert [i.label.get("pl") for i in matrix.impacts] == ["Duży wpływ", "Średni wpływ", "Niewielki wpływ"]


def test_standard_business_hours_in_the_customers_zone(amanda):
    cal = amanda.calendar("amanda-business-hours")
    assert cal.zone is None and not cal.always_open
    assert [(WEEKDAYS[i.start_day], i.start, i.end) for i in cal.weekly] == [
        (day, 8 * 60, 17 * 60) for day in ("mon", "tue", "wed", "thu", "fri")
    ]
    assert cal.holidays == () and cal.eve_hours == () and cal.dates == ()


def targets(amanda, plan_id):
    return [(t.metric, t.priority, t.minutes, t.calendar) for t in amanda.plan(plan_id).targets]


def test_standard_targets(amanda):
    assert targets(amanda, "standard") == [
        ("first-response", "P1", 60, "amanda-business-hours"),
        ("first-response", "P2", 180, "amanda-business-hours"),
        ("first-response", "P3", 480, "amanda-business-hours"),
        ("first-response", "P4", 1440, "amanda-business-hours"),
    ]
    assert [(c.priority, c.calendar) for c in amanda.plan("standard").coverage] == [(None, "amanda-business-hours")]


def test_premium_targets_around_the_clock(amanda):
    assert targets(amanda, "premium") == [
        ("first-response", "P1", 15, "around-the-clock"),
        ("first-response", "P2", 60, "around-the-clock"),
        ("first-response", "P3", 240, "around-the-clock"),
        ("first-response", "P4", 480, "around-the-clock"),
    ]
    assert [(c.priority, c.calendar) for c in amanda.plan("premium").coverage] == [(None, "around-the-clock")]
    assert amanda.calendar("around-the-clock").always_open


def test_community_is_best_effort_email_only(amanda):
    community = amanda.plan("community")
    assert targets(amanda, "community") == [("first-response", None, None, None)]
    assert not community.target("first-response", "P1").guaranteed
    assert community.channels == ("email",)
    assert community.coverage == ()
    note = community.notes[0].get("pl")
    assert "Nie zapewniamy pomocy telefonicznej" in note and "dostępności personelu" in note
    # Reading: the programme rows are the Standard and Premium columns; the seed says nothing about
    # them for community users, so each is "not stated" (blank on the page), not "not included".
    assert {c.feature: c.kind for c in community.cells} == {f: "not-stated" for rows in ROWS.values() for f in rows}
    assert amanda.offered_features("community") == ()


def test_the_seed_has_two_programme_columns_only():
    lines = seed_lines()
    assert "Priorytetowy poziom Standard Premia" in lines  # the programmes table: Standard and Premium
    assert not any("społeczn" in line.lower() and "szkolen" in line.lower() for line in lines)


def test_channels(amanda):
    kinds = {c.id: c.kind for c in amanda.contacts}
    assert kinds == {"phone": "phone", "web": "web", "account-manager": "account-manager", "email": "email"}
    assert all(c.value is None for c in amanda.contacts)  # the seed gives no numbers or addresses
    assert amanda.plan("standard").channels == ("phone", "web")
    assert amanda.plan("premium").channels == ("phone", "web", "account-manager")


def test_phone_hours_differ_per_programme(amanda):
    # "Godziny wsparcia": Standard "Od poniedziałku do piątku ... (lokalna strefa czasowa)", Premium
    # "24 x 7 x 365"; "Kanały wsparcia": "Telefon i internet" / "Menedżer telefonu, sieci i konta".
    standard = amanda.calendar(amanda.plan("standard").channel_calendar("phone"))
    premium = amanda.calendar(amanda.plan("premium").channel_calendar("phone"))
    assert standard.zone is None and not standard.always_open  # the customer's own time zone
    assert {(i.start_day, i.start, i.end) for i in standard.weekly} == {(d, 8 * 60, 17 * 60) for d in range(5)}
    assert premium.always_open
    assert amanda.plan("community").channel_calendar("email") is None  # best effort: no hours stated


def test_programme_rows(amanda):
    assert [c.id for c in amanda.categories] == list(ROWS)
    assert {c: [f.id for f in amanda.features_in(c)] for c in ROWS} == ROWS
    labels = {f.id: f.label.get("pl") for f in amanda.features}
    assert labels["enhancements"] == "Drobne i większe ulepszenia"
    assert labels["getting-started"] == "Przewodniki i filmy dla początkujących"
    assert labels["global-search"] == "Wyszukiwanie globalne"


@pytest.mark.parametrize("plan_id, count", [("community", 0), ("standard", 11), ("premium", 11)])
def test_feature_counts_per_plan(amanda, plan_id, count):
    assert len(amanda.offered_features(plan_id)) == count


def test_training_and_onboarding_differ_between_programmes(amanda):
    standard, premium = amanda.plan("standard"), amanda.plan("premium")
    # "Nagrane szkolenia i samopomoc / pomoc przy wdrażaniu": recorded training, and self-help onboarding.
    assert standard.cell("training").text.get("pl") == "Nagrane szkolenia"
    assert "samopomoc" not in standard.cell("training").text.get("pl").lower()
    assert standard.cell("onboarding").text.get("pl") == "Samodzielne wdrożenie (samoobsługa)"  # not "Samopomoc", a calque of self-help
    assert standard.cell("onboarding").text.get("en") == "Self-help onboarding assistance"
    assert premium.cell("training").text.get("pl") == "Szkolenia dostosowane do indywidualnych potrzeb"
    assert premium.cell("onboarding").text.get("pl") == "Pomoc premium"
    shared = [f for rows in list(ROWS.values())[1:] for f in rows]
    assert all(standard.cell(f).kind == premium.cell(f).kind == "included" for f in shared)
    assert premium.own_features == ("training", "onboarding")


def test_the_seed_pairs_self_help_with_onboarding():
    lines = seed_lines()
    standard_at = lines.index("Nagrane szkolenia i samopomoc")
    assert lines[standard_at + 1] == "pomoc przy wdrażaniu"
    premium_at = lines.index("Szkolenia dostosowane do indywidualnych potrzeb i premia")
    assert lines[premium_at + 1] == "pomoc przy wdrażaniu"  # the parallel: "premium / onboarding assistance"


def test_trial_users_get_premiums_sla(amanda):
    premium = amanda.plan("premium")
    assert [w.id for w in premium.applies_to] == ["trial"]
    assert "okresie próbnym" in premium.applies_to[0].who.get("pl")
    assert all(p.applies_to == () for p in amanda.plans if p.id != "premium")
    assert any("wersji próbnej" in line and "premium" in line and "SLA" in line for line in seed_lines())


def test_source_names_the_seed_title_without_a_date(amanda):
    (source,) = amanda.sources
    assert source.title.get("pl") == "Poziomy priorytetów zgłoszeń wsparcia"
    assert (source.url, source.read, source.published) == (None, None, None)  # the seed states neither
    assert seed_lines()[0] == "Poziomy priorytetów zgłoszeń wsparcia"


def test_every_text_is_in_all_four_languages(amanda):
    texts = list(vendor_texts(amanda))
    assert len(texts) > 40
    for text, what in texts:
        assert text.missing(LANGUAGES) == (), what
    assert not amanda.intro.neutral and len({amanda.intro.get(code) for code in LANGUAGES}) == 4


def test_the_rule_set_answers_for_trial_users_with_premiums_terms(shipped):
    from dsl.rules.engine import Evaluator
    from dsl.rules.export import export_project

    rules = export_project(shipped, (2026, 2027))
    assert rules["vendors"]["amanda"]["aliases"]["trial"]["plan"] == "premium"
    evaluator = Evaluator(rules)
    for priority in ("P1", "P2", "P3", "P4"):
        at = "2026-11-21T10:00:00+01:00"  # a Saturday: Premium runs 24x7, Standard would wait for Monday
        assert evaluator.due("amanda/trial", priority, at, tz="Europe/Warsaw") == evaluator.due("amanda/premium", priority, at, tz="Europe/Warsaw")
    assert evaluator.due("amanda/trial", "P1", "2026-11-21T10:00:00+01:00", tz="Europe/Warsaw").isoformat() == "2026-11-21T10:15:00+01:00"


def test_the_community_column_is_blank_not_a_dash(amanda):
    from dsl.site import views
    from support.site import words

    for lang in LANGUAGES:
        reader = views.Reader(lang, words()[lang], amanda)
        groups = views.feature_groups(amanda, reader)
        community = [row.cells[0] for group in groups for row in group.rows]
        assert len(community) == 11 and {c.kind for c in community} == {"not-stated"}
