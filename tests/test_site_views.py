"""The site's view logic: model -> view objects, in every language, without rendering HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup

from dsl.language.model import Calendar, WeeklyInterval
from dsl.language.vocabulary import CONTACT_KINDS, DEFAULT_METRIC, LANGUAGES, METRICS, PERIODS
from dsl.site import formatting as fmt
from dsl.site import views as site
from support.paths import PLANS, ROOT
from support.site import ACME, ALWAYS, BETA, CUSTOMER, OFFICE, PHONE, WEEK_24X5, plain, words

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")



def reader(lang: str, vendor=ACME, warnings: site.Warnings | None = None) -> site.Reader:
    return site.Reader(lang, words()[lang], vendor, warnings)


# --- texts, fallbacks, escaping -------------------------------------------------------------


def test_a_missing_translation_falls_back_to_the_vendors_language_with_its_own_lang() -> None:
    warnings = site.Warnings()
    note = ACME.notes[1]
    html = reader("pl", warnings=warnings).block(note)
    assert html == Markup('<div lang="sv"><p>Endast e-\u2060post för communityanvändare.</p></div>')
    assert warnings.lines() == ["fixture.plan:40:7: warning[T0404]: text has no 'pl' translation; the pl page shows the 'sv' text"]
    # The languages that have the text show it as their own, and warn about nothing.
    assert reader("it").block(note) == Markup("<p>Solo e-\u2060mail per gli utenti community.</p>")


def test_fallback_prefers_the_vendors_source_language() -> None:
    warnings = site.Warnings()
    label = reader("it", BETA, warnings).label(BETA.plans[0].name)
    assert label == Markup('<span lang="en">Basic</span>')
    assert len(warnings.lines()) == 1


def test_each_missing_translation_is_reported_once() -> None:
    warnings = site.Warnings()
    r = reader("pl", warnings=warnings)
    for _ in range(3):
        r.block(ACME.notes[1])
    assert len(warnings.lines()) == 1


def test_markup_from_a_plan_is_shown_as_text_and_unsafe_links_are_not_links() -> None:
    description = ACME.feature("meetings").description
    for lang in LANGUAGES:
        html = str(reader(lang).block(description))
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html or "&lt;script&gt;alert('x')&lt;/script&gt;" in html
        assert 'href="javascript' not in html


def test_markdown_renders_emphasis_and_safe_links() -> None:
    html = str(reader("en").block(ACME.intro))
    assert "<strong>every</strong>" in html
    assert '<a href="https://acme.example/terms">the terms</a>' in html


def test_markdown_images_are_not_loaded_from_anywhere() -> None:
    from dsl.language.model import Text

    html = str(reader("en").block(Text((("*", "See ![logo](https://tracker.example/pixel.png) here"),))))
    assert "<img" not in html
    assert "tracker.example" in html  # shown as text, never fetched


def test_labels_are_escaped_not_rendered() -> None:
    view = site.vendor_page(BETA, reader("en", BETA))
    assert view.name == "Beta & Co <b>"  # escaped by the template's autoescape, never marked safe
    assert not isinstance(view.name, Markup)


def test_only_web_mail_and_phone_links_are_allowed() -> None:
    assert site.safe_href("https://x.example/") == "https://x.example/"
    assert site.safe_href("mailto:a@b.example") == "mailto:a@b.example"
    assert site.safe_href("tel:+4681234567") == "tel:+4681234567"
    assert site.safe_href("javascript:alert(1)") is None
    assert site.safe_href("data:text/html,x") is None
    assert site.safe_href("/relative") is None
    assert site.contact_href("phone", "+46 8 123 45 67") == "tel:+4681234567"
    assert site.contact_href("email", "support@acme.example") == "mailto:support@acme.example"
    # A fax number is shown, not linked: as tel: a tap on a phone rang the fax machine.
    assert site.contact_href("fax", "+39 039 6994289") is None



# --- clocks ---------------------------------------------------------------------------------


def test_office_clock_in_english() -> None:
    text = plain(site.calendar_text(OFFICE, reader("en")))
    assert text.startswith("Mon – Fri 08:00 – 17:00 Swedish time, except public holidays in Sweden")
    assert "on the day before a holiday 08:30 – 14:00" in text
    assert "closed on 14 August 2026" in text
    assert "on 30 June 2026 09:00 – 12:00" in text


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("sv", "mån–fre 08:00–17:00 svensk tid, utom allmänna helgdagar i Sverige"),
        ("it", "lun – ven 08:00 – 17:00, ora svedese, esclusi i giorni festivi in Svezia"),
        ("pl", "pon. – pt. 08:00 – 17:00 czasu szwedzkiego, z wyjątkiem świąt ustawowych w Szwecji"),
    ],
)
def test_office_clock_in_every_language(lang: str, expected: str) -> None:
    assert plain(site.calendar_text(OFFICE, reader(lang))).startswith(expected)


def test_customer_zone_24x7_split_days_and_week_long_intervals() -> None:
    en = reader("en")
    assert plain(site.calendar_text(CUSTOMER, en)) == "Mon – Fri 08:00 – 17:00 in your own time zone"
    assert site.calendar_text(ALWAYS, en) == "24×7, all year round"
    assert site.calendar_text(ALWAYS, reader("sv")) == "dygnet runt, alla dagar om året"  # after a colon, as "mån–fre" is
    assert plain(site.weekly_text(PHONE, "sv")) == "mån–fre 08:30–11:30, 12:30–16:00"
    assert plain(site.weekly_text(WEEK_24X5, "en")) == "Sun 23:00 – Fri 23:00"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "tis, tors 00:00–05:00; lör 09:00–13:00"),
        ("it", "mar, gio 00:00 – 05:00; sab 09:00 – 13:00"),
        ("pl", "wt., czw. 00:00 – 05:00; sob. 09:00 – 13:00"),
        ("en", "Tue, Thu 00:00 – 05:00; Sat 09:00 – 13:00"),
    ],
)
def test_days_apart_with_the_same_hours_share_them(lang: str, expected: str) -> None:
    # A telecom's maintenance window `open tue,thu 00:00-05:00` read "Tue 00:00 – 05:00; Thu 00:00 – 05:00".
    window = Calendar(
        id="maintenance", zone="Europe/Stockholm",
        weekly=(WeeklyInterval(1, 0, 1, 5 * 60), WeeklyInterval(3, 0, 3, 5 * 60), WeeklyInterval(5, 9 * 60, 5, 13 * 60)),
    )
    assert plain(site.weekly_text(window, lang)) == expected


# --- prices ---------------------------------------------------------------------------------


def test_price_rows_per_segment_with_every_kind_of_price() -> None:
    rows = site.price_rows(ACME, reader("sv"))
    assert [str(r.label) for r in rows] == ["Licenskunder", "Övriga"]
    licence, other = rows
    assert [c.kind for c in licence.cells] == ["free", "amount", "on-request"]
    assert [c.kind for c in other.cells] == ["free", "amount", "not-offered"]
    assert [plain(c.text) for c in licence.cells] == ["Gratis", "5 000 kr per år", "Pris på förfrågan"]
    assert plain(other.cells[1].text) == "12 500,50 kr per år"
    assert other.cells[2].text == "Erbjuds inte"
    assert licence.cells[1].marks == (site.Mark("**", "fn-2"),)


@pytest.mark.parametrize(
    "lang, free, on_request, not_offered",
    [
        ("en", "Free", "Price on request", "Not offered"),
        ("it", "Gratuito", "Prezzo su richiesta", "Non disponibile"),
        ("pl", "Bezpłatnie", "Cena na zapytanie", "Niedostępny"),
    ],
)
def test_price_words_in_every_language(lang: str, free: str, on_request: str, not_offered: str) -> None:
    licence, other = site.price_rows(ACME, reader(lang))
    assert (licence.cells[0].text, licence.cells[2].text, other.cells[2].text) == (free, on_request, not_offered)


def test_one_price_row_when_prices_do_not_depend_on_a_segment() -> None:
    (row,) = site.price_rows(BETA, reader("pl", BETA))
    assert str(row.label) == "Cena"
    assert plain(row.cells[0].text) == "99 € miesięcznie"


def test_price_range_and_fastest_response_for_the_cards() -> None:
    # Per segment, never one range across segments (the free tier is free for everyone, the rest per segment).
    assert [plain(line) for line in site.price_range(ACME, reader("sv")).split("<br>")] == [
        "Alla kunder: gratis", "Licenskunder: 5 000 kr per år eller pris på förfrågan", "Övriga: 12 500,50 kr per år",
    ]
    assert site.fastest_response(ACME, reader("sv")) == "15 minuter"
    assert site.fastest_response(ACME, reader("pl")) == "15 minut"
    card = site.vendor_card(BETA, reader("en", BETA))
    assert card.fastest == "8 hours"
    assert [str(t) for t in card.tiers] == ["Basic"]


# --- targets --------------------------------------------------------------------------------


def test_targets_priorities_by_tiers_with_polish_plurals() -> None:
    tables = site.target_tables(ACME, reader("pl"))
    assert [t.metric for t in tables] == ["first-response", "resolution"]
    first = tables[0]
    assert str(first.title) == "Czas podjęcia działań"  # the vendor's own name for the metric
    assert "<strong>P1</strong> Krytyczny dla biznesu" == str(first.rows[0].label)
    grid = [[c.text for c in row.cells] for row in first.rows]
    assert grid == [
        ["Brak gwarancji czasu", "2 godziny", "15 minut"],
        ["Brak gwarancji czasu", "4 godziny", "1 godzina i 30 minut"],
        ["Brak gwarancji czasu", "8 godzin", "5 godzin"],
    ]


def test_a_tier_on_one_clock_names_it_once_and_a_mixed_tier_in_every_cell() -> None:
    first = site.target_tables(ACME, reader("en"))[0]
    free, standard, premium = first.clocks
    assert free is None  # no guaranteed target: no clock (the page says "Not applicable")
    assert plain(standard).startswith("Mon – Fri 08:00 – 17:00 Swedish time")
    # Two clocks: each cell says its own, and the row under the table says which priorities run on which (session 22).
    assert plain(premium) == "Normal: Mon – Fri 16:00 – 24:00 Polish time<br>Other priorities: 24×7, all year round"
    assert [c.clock for c in (row.cells[1] for row in first.rows)] == ["", "", ""]
    assert first.rows[0].cells[2].clock == "24×7, all year round"
    assert plain(first.rows[2].cells[2].clock) == "Mon – Fri 16:00 – 24:00 Polish time"


def test_not_stated_differs_from_no_guarantee() -> None:
    resolution = site.target_tables(ACME, reader("en"))[1]
    assert [c.kind for c in resolution.rows[0].cells] == ["unknown", "guaranteed", "unknown"]
    assert resolution.rows[0].cells[0].text == "Not stated"
    assert site.target_tables(ACME, reader("en"))[0].rows[0].cells[0].text == "No guaranteed time"
    assert plain(resolution.clocks[1]) == "Mon – Fri 08:00 – 17:00 in your own time zone"


def test_a_vendor_without_priorities_has_one_row_for_every_request() -> None:
    (table,) = site.target_tables(BETA, reader("it", BETA))
    assert [str(r.label) for r in table.rows] == ["Ogni richiesta"]
    assert table.rows[0].cells[0].text == "8 ore"
    assert str(table.title) == "Prima risposta"


# --- features -------------------------------------------------------------------------------


def test_features_grouped_by_category_in_order_with_uncategorised_last() -> None:
    groups = site.feature_groups(ACME, reader("en"))
    assert [g.id for g in groups] == ["reach", "care", "other"]
    assert [str(g.label) for g in groups] == ["Ways to reach us", "Proactive care", "Other features"]
    assert [plain(r.label) for r in groups[0].rows] == ["E-mail support", "Phone support"]


def test_feature_cells_of_every_kind() -> None:
    groups = {g.id: g for g in site.feature_groups(ACME, reader("sv"))}
    phone = groups["reach"].rows[1]
    assert [c.kind for c in phone.cells] == ["excluded", "text", "included"]
    assert str(phone.cells[1].html) == "Vid behov"
    assert phone.cells[2].marks == (site.Mark("*", "fn-1"),)
    assert phone.marks == (site.Mark("*", "fn-1"),)
    meetings = groups["care"].rows[0]
    assert [plain(c.html) for c in meetings.cells] == ["", "4 gånger per år", "12 gånger per år"]
    upgrade = groups["other"].rows[0]
    # A feature a plan never mentions is not included (docs/language.md).
    assert [c.kind for c in upgrade.cells] == ["excluded", "quantity", "excluded"]
    assert plain(upgrade.cells[1].html) == "en gång per år<br><small>två veckors varsel</small>"


def test_a_lone_category_of_uncategorised_features_is_just_features() -> None:
    (group,) = site.feature_groups(BETA, reader("pl", BETA))
    assert str(group.label) == "Zakres usług"
    assert [c.kind for c in group.rows[0].cells] == ["excluded"]


# --- the rest of the page -------------------------------------------------------------------


def test_priority_levels_and_matrix() -> None:
    page = site.vendor_page(ACME, reader("it"))
    assert [str(lv.name) for lv in page.levels] == [
        "<strong>P1</strong> Critico per l&#39;attività",
        "<strong>P2</strong> Critico",
        "<strong>P3</strong> Normale",
    ]
    assert str(page.levels[0].example) == "<p>Nessuno riesce ad accedere.</p>"
    assert page.levels[2].definition == Markup("")
    assert [str(u) for u in page.matrix.urgencies] == ["Urgente", "Normale"]
    assert [(str(i), levels) for i, levels in page.matrix.rows] == [("Impatto alto", ("P1", "P2")), ("Impatto basso", ("P2", "P3"))]
    assert site.vendor_page(BETA, reader("it", BETA)).matrix is None


def test_services_obligations_coverage_channels_and_notes() -> None:
    free, standard, premium = site.plan_services(ACME, reader("en"))
    assert [str(c) for c in free.channels] == ["Email"]  # en-GB spelling (docs/glossary.md)
    meetings, call = (plain(o) for o in standard.obligations)
    assert meetings == "Status meetings with statistics <small>– 4 times a year</small>"
    assert call.startswith("We phone the customer <small>– after 4 hours of working time, counted Mon – Fri 08:00 – 17:00")
    assert [str(c) for c in standard.channels] == ["Email", "Phone"]
    assert [str(c) for c in premium.channels] == ["Email", "Phone", "Support portal"]
    assert [plain(c) for c in premium.coverage] == [
        "Business critical: Sun 23:00 – Fri 23:00 New York time",
        # P1 has coverage of its own, so `coverage all` is the other priorities, not all of them.
        "Other priorities: Mon – Fri 08:00 – 17:00 Swedish time, except public holidays in Sweden; "
        "on the day before a holiday 08:30 – 14:00; closed on 14 August 2026; on 30 June 2026 09:00 – 12:00",
    ]
    assert [str(n) for n in premium.notes] == ["<p>Needs a contract.</p>"]
    assert not free.empty


@pytest.mark.parametrize(
    ("lang", "label"),
    [("sv", "Alla prioriteter"), ("it", "Tutte le priorità"), ("pl", "Wszystkie priorytety"), ("en", "All priorities")],
)
def test_coverage_for_all_that_leaves_one_priority_names_it(lang: str, label: str) -> None:
    """"Other priorities" is plural: after P1 and P2 have hours of their own, `coverage all` is P3's alone, by name."""
    import dataclasses

    premium = ACME.plans[2]
    p1, rest = premium.coverage
    both = (p1, dataclasses.replace(p1, priority="P2"), rest)
    one_left = dataclasses.replace(ACME, plans=(*ACME.plans[:2], dataclasses.replace(premium, coverage=both)))
    r = reader(lang, one_left)
    said = [plain(c) for c in site.plan_services(one_left, r)[2].coverage]
    normal = plain(r.label(ACME.priorities.levels[2].name))  # type: ignore[union-attr]
    assert said[-1].startswith(normal + ":"), said
    assert not any(plain(r.gettext("Other priorities")) in s for s in said), said
    # With two left, they are "Other priorities" still.
    assert any(plain(s).startswith(plain(r.gettext("Other priorities")) + ":") for s in site.plan_services(ACME, reader(lang))[2].coverage)


@pytest.mark.parametrize(
    ("lang", "label"),
    [("sv", "Alla prioriteter"), ("it", "Tutte le priorità"), ("pl", "Wszystkie priorytety"), ("en", "All priorities")],
)
def test_coverage_for_all_alone_is_every_priority(lang: str, label: str) -> None:
    import dataclasses

    premium = ACME.plans[2]
    alone = dataclasses.replace(ACME, plans=(*ACME.plans[:2], dataclasses.replace(premium, coverage=premium.coverage[1:])))
    (coverage,) = site.plan_services(alone, reader(lang, alone))[2].coverage
    assert plain(coverage).startswith(label + ":")


def test_contacts_with_hours_and_no_unsafe_links() -> None:
    contacts = {c.kind: view for c, view in zip(ACME.contacts, site.contact_views(ACME, reader("sv")), strict=True)}
    assert str(contacts["phone"].title) == "Telefon: Växel"
    assert plain(contacts["email"].title) == "E-post"
    assert plain(contacts["phone"].hours) == "mån–fre 08:30–11:30, 12:30–16:00 italiensk tid"
    assert contacts["email"].href == "mailto:support@acme.example"
    assert contacts["web"].href is None  # javascript: never becomes a link
    assert contacts["portal"].hours == ""


def test_calculator_offers_tiers_with_targets_priorities_and_metrics() -> None:
    calc = site.calculator(ACME, reader("en"))
    assert [c.id for c in calc.plans] == ["standard", "premium"]  # Free promises no time
    assert [c.label for c in calc.priorities] == ["P1 – Business critical", "P2 – Critical", "P3 – Normal"]
    assert [(c.id, c.label) for c in calc.metrics] == [("first-response", "Time to start"), ("resolution", "Resolution")]
    assert calc.default_metric == DEFAULT_METRIC
    assert site.calculator(BETA, reader("en", BETA)).priorities == ()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_metric_and_contact_kind_of_the_vocabulary_has_a_site_label(lang: str) -> None:
    # The vocabulary is the one list; the views only put words to it. A new metric or contact
    # kind without its label here (and its translations in locales/) fails this test.
    r = reader(lang)
    for labels in (site.metric_titles(r), site.metric_definitions(r)):
        assert set(labels) == set(METRICS)
        assert all(labels.values())
    kinds = site.contact_kinds(r)
    assert set(kinds) == set(CONTACT_KINDS)
    assert all(kinds.values())


def test_page_description_and_footnotes() -> None:
    page = site.vendor_page(ACME, reader("pl"))
    assert plain(page.description) == "Porównanie pakietów wsparcia Acme Support: ceny, czasy reakcji, zakres i kontakt."
    assert [(n.mark, n.anchor, str(n.html)) for n in page.footnotes] == [
        ("*", "fn-1", "Nie dotyczy wszystkich produktów."),
        ("**", "fn-2", "Za dopłatą."),
    ]
    assert str(page.plans[2].extends) == "Standard"
    assert page.website == "https://acme.example/"


def test_a_contact_label_that_starts_with_its_kind_is_not_said_twice() -> None:
    import dataclasses

    from dsl.language.model import Contact
    from support.site import t

    label = t("E-post – dygnet runt", "E-mail – a qualsiasi ora", "E-mail – o każdej porze", "Email – any time")
    vendor = dataclasses.replace(ACME, contacts=(Contact("mail", "email", "support@acme.example", label=label),))
    (contact,) = site.contact_views(vendor, reader("sv", vendor))
    assert plain(contact.title) == "E-post – dygnet runt"
    (contact,) = site.contact_views(vendor, reader("en", vendor))
    assert str(contact.title) == "Email – any time"


@pytest.mark.parametrize(("lang", "title"), [("sv", "Webbplats"), ("it", "Sito web"), ("pl", "Strona internetowa"), ("en", "Website")])
def test_a_contact_label_that_is_part_of_its_kind_is_not_said_twice(lang: str, title: str) -> None:
    # Amanda's web channel read "Sito web: Web" and "Strona internetowa: Internet", saying nothing twice.
    import dataclasses

    from dsl.language.model import Contact
    from support.site import t

    label = t("Webb", "Web", "Internet", "Web")
    vendor = dataclasses.replace(ACME, contacts=(Contact("web", "web", None, label=label),))
    (contact,) = site.contact_views(vendor, reader(lang, vendor))
    assert str(contact.title) == title
    # A label that only shares letters with the kind is still said: "Webinar" is not the start of a word of "Website".
    vendor = dataclasses.replace(ACME, contacts=(Contact("web", "web", None, label=t("Webbinarier", "Webinar", "Webinaria", "Webinars")),))
    (contact,) = site.contact_views(vendor, reader(lang, vendor))
    assert str(contact.title) != title


# Issue 9: counts per period in words with each language's plural forms.
@pytest.mark.parametrize(
    ("lang", "one", "few", "many"),
    [
        ("sv", "en gång per kvartal", "2 gånger per kvartal", "5 gånger per kvartal"),
        ("it", "una volta al trimestre", "2 volte al trimestre", "5 volte al trimestre"),
        ("pl", "raz na kwartał", "2 razy na kwartał", "5 razy na kwartał"),
        ("en", "once a quarter", "2 times a quarter", "5 times a quarter"),
    ],
)
def test_how_often_is_said_in_words(lang: str, one: str, few: str, many: str) -> None:
    r = reader(lang)
    assert [site.how_often(n, "quarter", r) for n in (1, 2, 5)] == [one, few, many]
    assert site.how_often(3, None, r) == "3"


def test_every_period_of_the_vocabulary_is_said_in_every_language() -> None:
    for lang in LANGUAGES:
        said = {site.how_often(1, period, reader(lang)) for period in PERIODS}
        assert len(said) == len(PERIODS), lang  # one phrase per period, none falls back to the bare count
        assert "1" not in "".join(said)
    assert plain(site.how_often(1, "year", reader("pl"))) == "raz w roku"
    assert plain(site.how_often(22, "year", reader("pl"))) == "22 razy w roku"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("sv", "svensk tid"), ("it", "ora svedese"), ("pl", "czasu szwedzkiego"), ("en", "Swedish time")],
)
def test_zones_are_named_as_people_say_them(lang: str, expected: str) -> None:
    text = plain(site.zoned_hours("H", "Europe/Stockholm", reader(lang)))
    assert text.endswith(expected) and "(" not in text
    # A zone without the site's own words gets CLDR's generic name, in brackets.
    assert plain(site.zoned_hours("H", "Asia/Tokyo", reader(lang))).startswith("H (")


@pytest.mark.parametrize(
    ("lang", "named", "local", "cldr"),
    [
        ("sv", ["tysk tid", "indisk tid", "Dubaitid", "Singaporetid"], "H (lokal tid i Bangkok)", "H (japansk tid)"),
        ("it", ["ora tedesca", "ora indiana", "ora di Dubai", "ora di Singapore"], "H (ora locale di Bangkok)", "H (ora del Giappone)"),
        ("pl", ["czasu niemieckiego", "czasu indyjskiego", "czasu lokalnego w Dubaju", "czasu singapurskiego"],
         "H (czas lokalny w mieście Bangkok)", "H (czas lokalny w mieście Tokio)"),
        ("en", ["German time", "India time", "Dubai time", "Singapore time"], "H (local time in Bangkok)", "H (Japan Time)"),
    ],
)
def test_every_zone_reads_as_a_name_in_the_sentence(lang: str, named: list[str], local: str, cldr: str) -> None:
    """Polish pages said "czas: Indie" (CLDR's location format) and "czas Japonia"; Swedish "Förenade Arabemiratentid"."""
    r = reader(lang)
    for zone, said in zip(("Europe/Berlin", "Asia/Kolkata", "Asia/Dubai", "Asia/Singapore"), named, strict=True):
        assert plain(site.zoned_hours("H", zone, r)).endswith(said)
    assert plain(site.zoned_hours("H", "Asia/Bangkok", r)) == local  # no name in CLDR: the local time of its place
    assert plain(site.zoned_hours("H", "Asia/Tokyo", r)) == cldr
    for zone in ("Asia/Dubai", "Asia/Bangkok", "Africa/Johannesburg", "Asia/Tokyo", "Europe/Istanbul"):
        text = plain(site.zoned_hours("H", zone, r))
        assert ":" not in text and "czas Japonia" not in text and "Arabemiratentid" not in text, text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", ["portugisisk tid", "spansk tid", "fransk tid", "nederländsk tid"]),
        ("it", ["ora portoghese", "ora spagnola", "ora francese", "ora olandese"]),
        ("pl", ["czasu portugalskiego", "czasu hiszpańskiego", "czasu francuskiego", "czasu holenderskiego"]),
        ("en", ["Portuguese time", "Spanish time", "French time", "Dutch time"]),
    ],
)
def test_lisbon_is_portuguese_time_not_a_regions(lang: str, said: list[str]) -> None:
    """CLDR calls Lisbon's zone "Western European Time" ("ora dell’Europa occidentale"), which no one says of it."""
    r = reader(lang)
    for zone, name in zip(("Europe/Lisbon", "Europe/Madrid", "Europe/Paris", "Europe/Amsterdam"), said, strict=True):
        text = plain(site.zoned_hours("H", zone, r))
        assert text == plain(r.gettext("%(hours)s %(zone)s") % {"hours": "H", "zone": name}) and "(" not in text, text


def test_a_footnote_mark_of_one_of_two_prices_follows_that_price_not_the_cell() -> None:
    """An outside author marked the per-user price "billed annually"; the mark stood after "… or US$25,000 per year"."""
    from dsl.language.loader import load_text

    source = """vendor acme {
  name "Acme"
  language en
  footnote * { en "Billed annually." }
  plan gold {
    name "Gold"
    price 35 USD per user per month *
    price 25000 USD per year
  }
}
"""
    vendor = load_text(source, "acme.plan").project.vendors[0]
    row = site.price_rows(vendor, reader("en", vendor))[0]
    cell = row.cells[0]
    (first, first_marks), (between, none), (second, second_marks) = cell.pieces
    assert [m.mark for m in first_marks] == ["*"] and none == () and second_marks == ()
    assert "35" in first and "25,000" in second and between.strip() == "or"
    assert cell.text == first + between + second
    sv = site.price_rows(vendor, reader("sv", vendor))[0].cells[0]
    assert sv.pieces[1][0].strip() == "eller" and [m.mark for m in sv.pieces[0][1]] == ["*"]


def test_a_calendar_closed_on_a_subdivisions_holidays_names_the_subdivision() -> None:
    """`closed holidays GB ENG` read "public holidays in United Kingdom": Scotland's differ. The page names England."""
    from dsl.language.loader import load_text

    source = """vendor acme {
  name "Acme"
  language en
  calendar london {
    zone Europe/London
    open mon-fri 09:00-17:00
    closed holidays GB ENG
  }
}
"""
    vendor = load_text(source, "acme.plan").project.vendors[0]
    calendar = vendor.calendars[0]
    assert site.calendar_text(calendar, reader("en", vendor)).endswith("except public holidays in England, United Kingdom")
    assert site.calendar_text(calendar, reader("sv", vendor)).endswith("i England, Storbritannien")
    assert site.calendar_text(calendar, reader("it", vendor)).endswith("nel Regno Unito (Inghilterra)")
    assert "Storbritannien" in site.calendar_text(calendar, reader("sv", vendor))


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "except public holidays in Sweden and the United States"),
        ("it", "esclusi i giorni festivi in Svezia e negli Stati Uniti"),
        ("sv", "utom allmänna helgdagar i Sverige och USA"),
    ],
)
def test_whose_holidays_reads_as_a_sentence_with_the_countrys_article(lang: str, said: str) -> None:
    """An outside SaaS vendor's phone line read "except public holidays in United States" ("in Stati Uniti")."""
    from dsl.language.loader import load_text

    source = """vendor acme {
  name "Acme"
  language en
  calendar both {
    zone Europe/Stockholm
    open mon-fri 09:00-17:00
    closed holidays SE
    closed holidays US
  }
}
"""
    vendor = load_text(source, "acme.plan").project.vendors[0]
    assert plain(site.calendar_text(vendor.calendars[0], reader(lang, vendor))).endswith(said)


def test_dates_with_the_same_other_hours_are_said_in_one_clause() -> None:
    """An outside MSP's half days on 24 and 31 December of each year read as four clauses in every cell of a table."""
    from dsl.language.loader import load_text

    source = """vendor acme {
  name "Acme"
  language en
  calendar office {
    zone Europe/Berlin
    open mon-fri 08:00-17:00
    hours 2026-12-24 08:00-12:00
    hours 2026-12-31 08:00-12:00
    hours 2027-12-24 08:00-12:00
    hours 2027-06-30 09:00-13:00
  }
}
"""
    vendor = load_text(source, "acme.plan").project.vendors[0]
    text = plain(site.calendar_text(vendor.calendars[0], reader("en", vendor)))
    # Each group in the order of its first date.
    assert text.endswith("; on 24 December 2026, 31 December 2026 and 24 December 2027 08:00 – 12:00; on 30 June 2027 09:00 – 13:00"), text
    assert text.count("; on ") == 2


@pytest.mark.parametrize(
    ("lang", "month", "quarter"),
    [
        ("sv", "40 h per månad", "40 h per kvartal"),
        ("it", "40 h al mese", "40 h al trimestre"),
        ("pl", "40 h miesięcznie", "40 h kwartalnie"),
        ("en", "40 h per month", "40 h per quarter"),
    ],
)
def test_per_quarter_reads_like_per_month_not_cldrs_slash(lang: str, month: str, quarter: str) -> None:
    # CLDR's long "per quarter" is "{0}/q" in English ("/kvartal", "/kw."): "40 hours/q" beside "2 hours per month".
    assert site.per_period("40 h", "month", reader(lang)) == month
    assert site.per_period("40 h", "quarter", reader(lang)) == quarter


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", ["40 timmar per dag", "40 timmar per vecka", "40 timmar per månad", "40 timmar per kvartal", "40 timmar per år"]),
        ("it", ["40 ore al giorno", "40 ore alla settimana", "40 ore al mese", "40 ore al trimestre", "40 ore all’anno"]),
        # CLDR's "40 godzin na rok" is not how Polish says how much per period.
        ("pl", ["40 godzin dziennie", "40 godzin tygodniowo", "40 godzin miesięcznie", "40 godzin kwartalnie", "40 godzin rocznie"]),
        ("en", ["40 hours per day", "40 hours per week", "40 hours per month", "40 hours per quarter", "40 hours per year"]),
    ],
)
def test_a_quantity_per_period_reads_as_the_language_says_it(lang: str, said: list[str]) -> None:
    assert [site.per_period(fmt.duration(40 * 60, lang), period, reader(lang)) for period in PERIODS] == said
    assert site.per_period("40", None, reader(lang)) == "40"


@pytest.mark.parametrize(
    ("lang", "azores", "maldives"),
    [
        ("sv", "H (azorisk tid)", "H (lokal tid, Maldiverna)"),
        ("it", "H (ora delle Azzorre)", "H (ora locale, Maldive)"),
        ("pl", "H (czas lokalny, Azory)", "H (czas lokalny, Malediwy)"),
        ("en", "H (Azores Time)", "H (local time, Maldives)"),
    ],
)
def test_an_island_zone_without_a_name_is_not_said_as_a_city(lang: str, azores: str, maldives: str) -> None:
    """Polish said "czas lokalny w mieście Azory" (in the city of the Azores), Italian "ora locale di Maldive"."""
    r = reader(lang)
    assert plain(site.zoned_hours("H", "Atlantic/Azores", r)) == azores
    assert plain(site.zoned_hours("H", "Indian/Maldives", r)) == maldives
    assert "mieście" not in plain(site.zoned_hours("H", "Atlantic/Cape_Verde", r))


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("sv", ["schweizisk tid", "österrikisk tid", "norsk tid", "dansk tid", "belgisk tid", "tjeckisk tid"]),
        ("it", ["ora svizzera", "ora austriaca", "ora norvegese", "ora danese", "ora belga", "ora ceca"]),
        ("pl", ["czasu szwajcarskiego", "czasu austriackiego", "czasu norweskiego", "czasu duńskiego", "czasu belgijskiego",
                "czasu czeskiego"]),
        ("en", ["Swiss time", "Austrian time", "Norwegian time", "Danish time", "Belgian time", "Czech time"]),
    ],
)
def test_zurich_and_vienna_are_their_countrys_time_not_central_european(lang: str, said: list[str]) -> None:
    """Sihlmed's Zurich hours read "(Central European Time)" and Kahlenberg's Vienna hours "(czas środkowoeuropejski)",
    where Stockholm's, on the same clock, read "Swedish time": a Swiss customer says Swiss time."""
    r = reader(lang)
    zones = ("Europe/Zurich", "Europe/Vienna", "Europe/Oslo", "Europe/Copenhagen", "Europe/Brussels", "Europe/Prague")
    for zone, name in zip(zones, said, strict=True):
        text = plain(site.zoned_hours("H", zone, r))
        assert text == plain(r.gettext("%(hours)s %(zone)s") % {"hours": "H", "zone": name}) and "(" not in text, text


def test_no_zone_a_plan_uses_is_named_by_a_region_the_site_names_by_a_country() -> None:
    """Every zone of the seeds and the outside offers that CLDR calls Central, Western or Eastern European Time is said
    by its country, as Stockholm's is: one way of naming a European zone on every page and in every language."""
    from babel.dates import get_timezone_name

    found = set()
    for path in [*Path(PLANS).glob("*.plan"), *(ROOT / "tests" / "plans").rglob("*.plan")]:
        found |= set(re.findall(r"\bzone\s+(Europe/\w+)", path.read_text(encoding="utf-8")))
    assert {"Europe/Zurich", "Europe/Vienna", "Europe/Stockholm"} <= found
    for zone in sorted(found):
        if "European" in str(get_timezone_name(zone, "long", zone_variant="generic", locale="en")):
            for lang in ("sv", "it", "pl", "en"):
                text = plain(site.zoned_hours("H", zone, reader(lang)))
                assert "(" not in text and "europ" not in text.lower(), (zone, lang, text)
