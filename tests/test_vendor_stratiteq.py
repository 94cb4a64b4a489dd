"""Stratiteq's offer in plans/stratiteq.plan says what its seed (001_f894d6ecdcdab872, Swedish) says."""

from datetime import date

import pytest

from dsl.language.checks import vendor_texts
from dsl.language.model import Vendor
from dsl.language.vocabulary import LANGUAGES, WEEKDAYS
from dsl.rules.export import export_project

FEATURES = [
    "incident-support",
    "remote-troubleshooting",
    "on-site-consultant",
    "problem-solving",
    "status-meetings",
    "response-time",
]


@pytest.fixture(scope="module")
def project(shipped):
    return shipped


@pytest.fixture(scope="module")
def stratiteq(project) -> Vendor:
    return project.vendor("stratiteq")


def test_vendor_header(stratiteq):
    assert stratiteq.name == "Stratiteq"
    assert stratiteq.language == "sv"
    intro = stratiteq.intro.get("sv").replace("\n", " ")
    assert "När projektet är avslutat och lösningen överlämnad till kund tecknas supportavtal." in intro
    assert "garanterad inställelsetid" in intro
    assert "Stratiteq Ongoing Services (SOS)" in intro
    assert "podQast (Stratiteq) – 170428" in intro
    assert [p.id for p in stratiteq.plans] == ["sos"]


def test_incidents_are_reported_by_email_without_an_address(stratiteq):
    email = next(c for c in stratiteq.contacts if c.id == "email")
    assert (email.kind, email.value) == ("email", None)
    assert "mejl" in email.label.get("sv")
    phone = next(c for c in stratiteq.contacts if c.id == "phone")
    assert phone.value is None and "högre prioritet" in phone.label.get("sv")
    assert stratiteq.plan("sos").channels == ("email", "phone")


def test_priorities_p1_p3_with_their_names(stratiteq):
    scheme = stratiteq.priorities
    assert [lv.id for lv in scheme.levels] == ["P1", "P2", "P3"]
    assert [lv.name.get("sv") for lv in scheme.levels] == ["Affärskritiskt", "Kritiskt", "Standard"]
    assert [lv.name.get("en") for lv in scheme.levels] == ["Business-critical", "Critical", "Standard"]
    assert scheme.matrix is None
    for level, hours in zip(scheme.levels, (2, 4, 8), strict=True):
        assert f"inom {hours} arbetstimmar" in level.definition.get("sv")
    # A higher priority has to be asked for, by email and phone, when the ticket is registered.
    assert "både via mejl och telefon" in scheme.level("P1").definition.get("sv")
    assert "ingen högre prioritet" in scheme.level("P3").definition.get("sv")


def test_calendar_weekdays_eight_to_five_swedish_holidays_and_eves(stratiteq):
    cal = stratiteq.calendar("stratiteq-office")
    assert cal.zone == "Europe/Stockholm" and not cal.always_open
    assert [(WEEKDAYS[i.start_day], i.start, i.end) for i in cal.weekly] == [
        (day, 8 * 60, 17 * 60) for day in ("mon", "tue", "wed", "thu", "fri")
    ]
    assert [(h.country, h.subdivision, h.categories) for h in cal.holidays] == [("SE", None, ("public",))]
    assert [(h.start, h.end) for h in cal.eve_hours] == [(8 * 60 + 30, 14 * 60)]
    assert cal.dates == ()


def test_the_eve_reading_reaches_the_rules(project):
    dates = export_project(project, (2026, 2026))["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]["dates"]
    # Epiphany 2026 is a Tuesday: the Monday before is an eve, the Tuesday is closed.
    assert dates["2026-01-05"] == [["08:30", "14:00"]]
    assert dates["2026-01-06"] == []
    assert date(2026, 1, 7).isoformat() not in dates


def test_targets_are_start_of_troubleshooting_in_working_hours(stratiteq):
    sos = stratiteq.plan("sos")
    assert [(t.metric, t.priority, t.minutes, t.calendar) for t in sos.targets] == [
        ("first-response", "P1", 120, "stratiteq-office"),
        ("first-response", "P2", 240, "stratiteq-office"),
        ("first-response", "P3", 480, "stratiteq-office"),
    ]
    assert [(c.priority, c.calendar) for c in sos.coverage] == [(None, "stratiteq-office")]
    metric = stratiteq.metric_text("first-response")
    assert metric.name.get("sv") == "Svarstid"
    assert metric.definition.get("sv") == "Tiden från det att ett ärende rapporteras tills dess att vi påbörjar felsökningen."
    assert metric.definition.get("en") == "The time from when a ticket is reported until we start troubleshooting."


def test_obligations(stratiteq):
    obligations = {o.id: o for o in stratiteq.plan("sos").obligations}
    assert list(obligations) == ["status-meetings", "call-customer", "until-solved", "on-site"]
    meetings = obligations["status-meetings"]
    assert (meetings.quantity.count, meetings.quantity.period) == (4, "year")
    assert "statistik" in meetings.text.get("sv") and "telefon och mejl" in meetings.text.get("sv")
    call = obligations["call-customer"]
    assert (call.after_minutes, call.calendar, call.quantity) == (240, "stratiteq-office", None)
    assert "ringer vi kunden" in call.text.get("sv")
    assert "kunden godkänt lösningen" in obligations["until-solved"].text.get("sv")
    assert "konsult till kundens anläggning" in obligations["on-site"].text.get("sv")


def test_features_and_cells(stratiteq):
    sos = stratiteq.plan("sos")
    assert [f.id for f in stratiteq.features] == FEATURES
    assert stratiteq.categories == ()
    assert all(sos.cell(f).offered for f in FEATURES)
    assert [sos.cell(f).kind for f in FEATURES] == ["included"] * 4 + ["quantity", "text"]
    meetings = sos.cell("status-meetings")
    assert (meetings.quantity.count, meetings.quantity.period) == (4, "year")
    assert sos.cell("response-time").text.get("sv") == "P1 2\u00a0h · P2 4\u00a0h · P3 8\u00a0h (arbetstimmar)"


def test_descriptions_carry_the_seed_sections(stratiteq):
    def sv(feature_id: str) -> str:
        return stratiteq.feature(feature_id).description.get("sv").replace("\n", " ")

    assert "helt, eller delvis, otillgänglig" in sv("incident-support")
    assert "Anmälan av incident sker via mejl." in sv("incident-support")
    assert "uppkoppling till kundens system" in sv("remote-troubleshooting")
    assert "mer än fyra arbetstimmar" in sv("problem-solving")
    assert "fyra statusmöten per år" in sv("status-meetings")
    response = stratiteq.feature("response-time").description.get("sv")
    # The seed's worked example and its priority list survive as Markdown.
    assert "måndag 15:00" in response and "14:00 efterföljande dag (tisdag)" in response.replace("\n", " ")
    assert "- Prioritet 1 = Affärskritiskt (2 timmar)" in response.splitlines()
    assert "- Prioritet 3 = Standard (8 timmar)" in response.splitlines()
    assert "Dag före helgdag gäller 08:30–14:00" in response.replace("\n", " ")


def test_every_text_is_in_all_four_languages(stratiteq):
    texts = list(vendor_texts(stratiteq))
    assert len(texts) > 30
    for text, what in texts:
        assert text.missing(LANGUAGES) == (), what
    # Long texts are translated, not copied across languages.
    long_texts = [stratiteq.intro] + [f.description for f in stratiteq.features]
    for text in long_texts:
        assert not text.neutral
        assert len({text.get(code) for code in LANGUAGES}) == 4


def test_source_names_the_seed_title_without_a_date(stratiteq):
    (source,) = stratiteq.sources
    assert source.title.get("sv") == "Stratiteq Ongoing Services (SOS)"
    assert (source.url, source.read, source.published) == (None, None, None)
