"""Three offers of vendors unlike the seeds, written by an outside author from docs/language.md alone (session 20).

A US SaaS company (Cobalt: per-user prices, P1 around the clock, availability with service credits, a
root-cause analysis for P1, a contract term), a Munich managed-services firm (Nordwerk: an impact ×
urgency matrix, Bavarian holidays, half days on the eves, an on-site visit for critical incidents) and a
Finnish hosting company in English and Swedish (Lumo: segments, a free tier, targets and prices that
change on a date). Each must check without errors, publish in four languages and export rules that the
published schema accepts: what an author writes from the docs must work end to end.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from dsl.rules.export import load_schema
from support.paths import BUILD_PY, ROOT
from support.site import plain

OUTSIDE = ROOT / "tests" / "plans" / "outside"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("outside")
    shutil.copytree(OUTSIDE, project / "plans")
    checked = subprocess.run([sys.executable, str(BUILD_PY), "--project", str(project), "check"], capture_output=True, text=True, timeout=300)
    assert checked.returncode == 0, checked.stderr
    assert "error[" not in checked.stderr
    built = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(project), "build", "--quiet"], capture_output=True, text=True, timeout=600
    )
    assert built.returncode == 0, built.stderr
    return project / "_site"


def test_the_three_offers_publish_in_every_language(published: Path) -> None:
    for vendor in ("cobalt", "nordwerk", "lumo"):
        for lang in ("sv", "it", "pl", "en"):
            assert (published / lang / vendor / "index.html").is_file(), (lang, vendor)


def test_their_rules_are_valid_and_carry_what_the_authors_wrote(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(rules)
    enterprise = rules["vendors"]["cobalt"]["plans"]["enterprise"]
    assert enterprise["availability"]["percent"] == 99.95
    assert [c["below"] for c in enterprise["availability"]["credits"]] == [99.95, 99, 95]
    assert {o["id"]: o["priorities"] for o in enterprise["obligations"]}["rca"] == ["P1"]
    onsite = {o["id"]: o for o in rules["vendors"]["nordwerk"]["plans"]["komfort"]["obligations"]}["onsite-escalation"]
    assert onsite["priorities"] == ["P1"] and onsite["after_minutes"] == 120


def test_their_pages_say_the_new_facts_in_the_readers_language(published: Path) -> None:
    english = (published / "en" / "cobalt" / "index.html").read_text(encoding="utf-8")
    swedish = (published / "sv" / "cobalt" / "index.html").read_text(encoding="utf-8")
    assert "Minimum term: 12 months" in english
    assert "99,95\u00a0%" in swedish or "99,95 %" in swedish


def test_nordwerks_on_site_promise_is_a_target_with_a_deadline(published: Path) -> None:
    """Format 1.6: 'a technician on site within 4 service hours' (Komfort, critical incidents) was a feature cell."""
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    plans = rules["vendors"]["nordwerk"]["plans"]
    onsite = {name: [(t["priority"], t["minutes"], t["calendar"]) for t in plan["targets"] if t["metric"] == "on-site"]
              for name, plan in plans.items()}
    # Komfort inherits Basis's "no on-site time" for P2-P4 and promises 4 service hours for P1.
    assert onsite == {"basis": [(None, None, None)], "komfort": [(None, None, None), ("P1", 240, "nordwerk-service")]}
    assert "onsite-time" not in (published.parent / "plans" / "nordwerk.plan").read_text(encoding="utf-8")
    # Friday 15:00 in Munich: 2 service hours that day, 2 on Monday.
    due = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(published.parent), "due", "nordwerk/komfort", "P1",
         "2026-11-27T15:00:00+01:00", "--metric", "on-site"],
        capture_output=True, text=True, timeout=300,
    )
    assert due.returncode == 0, due.stderr
    assert due.stdout.strip() == "2026-11-30T10:00:00+01:00"
    for lang, title in (("sv", "Tekniker på plats"), ("it", "Intervento on-site"), ("pl", "Przyjazd technika"), ("en", "Technician on site")):
        page = (published / lang / "nordwerk" / "index.html").read_text(encoding="utf-8").replace("\u2060", "")  # "on-site" kept whole
        assert f'<h3 id="m-on-site">{title}</h3>' in page and f'<option value="on-site">{title}</option>' in page


# --- session 22: three more outside offers, written from docs/language.md alone ------------------------
# Alpenblick (a Munich managed-services firm: Bronze/Silber/Gold per device with a minimum, an impact ×
# urgency matrix, Bavarian holidays with half days on Christmas Eve and New Year's Eve, 24/7 for P1 on
# Gold only, monthly reviews, quarterly reports, availability credits), Harbourline (a US/UK SaaS
# vendor in English only: follow-the-sun hours in UTC, phone lines per region, per-user prices billed
# yearly or monthly, Premium Support as a share of the licence, a named Technical Account Manager) and
# Kwadrat (a Polish public-sector supplier: a contract with a notice period, on-site visits, a
# maintenance window, an emergency line for critical failures only, targets in business days).

SESSION_22 = ("alpenblick", "harbourline", "kwadrat")


def assert_due(published: Path, plan: str, priority: str, reported: str, extra: tuple[str, ...], due: str) -> None:
    """`tierwise due` on the published project answers `due`."""
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(published.parent), "due", plan, priority, reported, *extra],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == due


def words_of(page: Path) -> str:
    """A page's HTML as a reader compares its words (support.site.plain)."""
    return plain(page.read_text(encoding="utf-8"))


def test_the_session_22_rules_carry_the_offers_facts(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    alpenblick = rules["vendors"]["alpenblick"]
    gold = alpenblick["plans"]["gold"]
    assert gold["availability"]["percent"] == 99.9
    assert [c["below"] for c in gold["availability"]["credits"]] == [99.9, 99.5, 99, 98]
    assert gold["maintenance"] == {"calendar": "alpenblick-maintenance", "notice_minutes": 72 * 60}
    targets = {(t["metric"], t["priority"]): t for t in gold["targets"]}
    assert (targets[("first-response", "P1")]["minutes"], targets[("first-response", "P1")]["calendar"]) == (30, "alpenblick-24x7")
    assert targets[("on-site", "P2")]["days_rule"] == "day-end"
    office = alpenblick["calendars"]["alpenblick-office"]
    assert office["dates"]["2026-12-24"] == [["08:00", "12:00"]] and office["dates"]["2026-08-15"] == []  # Assumption Day: catholic
    assert "2028-12-24" not in office["dates"]  # a Sunday: `on working days` keeps it closed
    enterprise = rules["vendors"]["harbourline"]["plans"]["enterprise"]
    assert [c["below"] for c in enterprise["availability"]["credits"]] == [99.95, 99.5, 99]
    assert {(t["metric"], t["priority"]) for t in enterprise["targets"]} >= {("workaround", "SEV1"), ("status-update", "SEV1")}
    local = rules["vendors"]["harbourline"]["calendars"]["harbourline-local"]
    assert local["zone"] is None and sorted(local["customer_holidays"]) == ["AU", "CA", "GB", "IE", "US"]
    extended = rules["vendors"]["kwadrat"]["plans"]["rozszerzony"]
    # The monthly visit replaces the Basic package's quarterly one in its place, before the report.
    assert [(o["id"], o["period"]) for o in extended["obligations"]] == [("wizyta", "month"), ("raport", "month")]
    onsite = [t for t in extended["targets"] if t["metric"] == "on-site"]
    assert [(t["priority"], t["business_days"], t["days_rule"]) for t in onsite] == [("A", 1, "same-time")]


@pytest.mark.parametrize(
    ("plan", "priority", "reported", "extra", "due"),
    [
        # Wednesday 23 December 10:00: Christmas Eve's half day is a business day; the 25th, 26th and the weekend are not.
        ("alpenblick/bronze", "P4", "2026-12-23T10:00:00+01:00", (), "2026-12-28T10:00:00+01:00"),
        # Thursday 24 December 23:00: Gold's technician on site within 4 hours, around the clock.
        ("alpenblick/gold", "P1", "2026-12-24T23:00:00+01:00", ("--metric", "on-site"), "2026-12-25T03:00:00+01:00"),
        # Friday 3 July 2026 is the US holiday for the 4th: counted from Monday's opening in New York.
        ("harbourline/business", "SEV4", "2026-07-03T10:00:00-04:00", ("--tz", "America/New_York", "--country", "US"),
         "2026-07-08T09:00:00-04:00"),
        # Tuesday 10 November 15:30; the 11th is Independence Day: the workaround is due at the end of Thursday.
        ("kwadrat/podstawowy", "A", "2026-11-10T15:30:00+01:00", ("--metric", "workaround"), "2026-11-12T16:00:00+01:00"),
    ],
)
def test_the_session_22_deadlines(published: Path, plan: str, priority: str, reported: str, extra: tuple[str, ...], due: str) -> None:
    assert_due(published, plan, priority, reported, extra, due)


@pytest.mark.parametrize(
    ("lang", "vendor", "said"),
    [
        # zone UTC: CLDR would say "Unknown Region (UTC) Time"
        ("en", "harbourline", "Sun 22:00 – Fri 23:00 (UTC)"),
        ("sv", "harbourline", "sön 22:00 – fre 23:00 (UTC)"),
        ("en", "harbourline", "except public holidays in the United States"),
        ("it", "harbourline", "esclusi i giorni festivi negli Stati Uniti"),
        ("en", "harbourline", "Add-on: 20% of the licence price per year"),
        ("pl", "harbourline", "Dodatek płatny: 20% ceny licencji rocznie"),
        ("en", "harbourline", "Phone (Sev 1 hotline): 24×7, all year round"),
        ("en", "alpenblick", "Phone (Emergency line): 24×7, all year round"),
        ("en", "alpenblick", "€19 per device per month excl. tax, minimum 10 devices"),
        ("en", "alpenblick", "every year on 24 December 08:00 – 12:00 when it is a working day"),
        ("pl", "alpenblick", "co roku 31 grudnia 07:00 – 14:00, jeśli to dzień roboczy"),
        ("it", "alpenblick", "ora tedesca, esclusi i giorni festivi e le festività cattoliche in Germania (Baviera)"),
        ("pl", "alpenblick", "czasu niemieckiego, z wyjątkiem świąt ustawowych i świąt katolickich (Bawaria, Niemcy)"),
        ("pl", "kwadrat", "40 godzin kwartalnie"),
        ("en", "kwadrat", "40 hours per quarter"),
        ("pl", "kwadrat", "e-mail i telefon (tylko Awaria krytyczna)"),  # a channel inside the list of a tier's channels
        ("pl", "kwadrat", "Minimalny okres umowy: 24 miesiące"),
    ],
)
def test_the_session_22_pages_say_it_in_the_readers_language(published: Path, lang: str, vendor: str, said: str) -> None:
    assert said in words_of(published / lang / vendor / "index.html")


@pytest.mark.parametrize(
    ("lang", "card"),
    [
        ("en", "USD 10 – 45 per user per month or £8 – 36 per user per month excl. tax"),
        ("sv", "10–45 USD per användare per månad eller 8–36 GBP per användare per månad exkl. moms"),
        ("it", "10 – 45 USD per utente al mese o 8 – 36 GBP per utente al mese IVA esclusa"),
        ("pl", "10 – 45 USD za użytkownika miesięcznie lub 8 – 36 GBP za użytkownika miesięcznie netto (bez VAT)"),
    ],
)
def test_harbourlines_home_card_sums_its_eight_prices_up_per_currency(published: Path, lang: str, card: str) -> None:
    """The card listed all eight prices (two currencies, two billing intervals, three minimums) one after another."""
    home = words_of(published / lang / "index.html")
    # Harbourline's own card: other vendors' cards may say their billing (Fjordtel's is billed monthly).
    start = home.index('href="harbourline/index.html"')
    harbourline = home[start:home.index("</li>", start)]
    assert card in harbourline
    assert "minimum 10" not in harbourline and "billed monthly" not in harbourline


def test_the_session_22_pages_never_say_an_unknown_region_or_a_slash_period(published: Path) -> None:
    for vendor in SESSION_22:
        for lang in ("sv", "it", "pl", "en"):
            page = words_of(published / lang / vendor / "index.html")
            for wrong in ("Unknown Region", "okänd region", "Regione sconosciuta", "Nieznany region", "/q<", "/kvartal", "/kw.", "(Ora "):
                assert wrong not in page, (lang, vendor, wrong)


# Session 22b: a hardware maintenance vendor (Ferrotech: next business day, 8×5×4 and 24×7×4 on site,
# prices per device class, the customer's own holidays in the countries served), a Swedish telecom
# (Nordlink: 99.5 / 99.9 / 99.95 % with stepped credits, maintenance windows with notice, a 24×7 NOC,
# restore times per priority) and a Milan software house (Softeria: Milan's holidays with Sant'Ambrogio,
# a summer shutdown, on-call hours with their own target, prepaid hours that expire, a monthly report).
SESSION_22B = ("ferrotech", "nordlink", "softeria")


# Session 23: three more, written from docs/language.md alone: a Vienna managed-hosting firm (Kahlenberg: office
# hours Mon–Thu to 17:00 and Friday to 14:00, closed on 24 and 31 December, 99.5/99.9/99.95 % with credits,
# maintenance windows across midnight, 24×7 for P1 from Business up, call-outs and surcharges outside office
# hours), a Barcelona ERP partner (Tramuntana: yearly banks of hours priced per company size, an impact ×
# urgency matrix, Catalan and Barcelona holidays, summer hours in July and August, a monthly report and a
# quarterly review) and a US SaaS vendor (Quillstack: follow-the-sun 24×5, phone and a Technical Account
# Manager in Enterprise only, per-user prices billed yearly with a minimum, resolution targets).
SESSION_23 = ("kahlenberg", "tramuntana", "quillstack")

# Session 24: a Copenhagen network operations centre (Nordhavn: office hours to 16:00, closed on 24 and 31 December,
# open until noon on Constitution Day when it is a weekday, an impact × urgency matrix of two impacts and three
# urgencies, round-the-clock P1 in its top tier only, targets in business days, a set-up fee, credits, a service
# window across midnight), written from docs/language.md alone.
SESSION_24 = ("nordhavn",)

# Session 25: two more kinds of offer, written from docs/language.md alone: a Norwegian telecom's business support
# (Fjordtel: a 24×7 network-down line and an SMS number, technicians on site within 4 hours in five cities and by the
# next business day elsewhere, closed on Christmas Eve with short hours on other holiday eves, prices per site in NOK)
# and an open-source database company's subscriptions (Orbis Data: community and subscription tiers, severities 1–4
# with their own response, workaround and resolution per tier, follow-the-sun in UTC, a named engineer in the
# customer's own hours and holidays, prices per node and year that change on 1 January 2027).
SESSION_25 = ("fjordtel", "orbisdata")

# Session 26: a Finnish MSP (Kuura: servers and users priced apart, an impact × urgency matrix, an on-call line for P1
# only, short hours on the eve of every Finnish holiday, replacement hardware by the next business day for faults
# reported before 14:00, monthly service reviews) and an Italian health-software vendor under a public contract (Dora
# Sanità: Turin's patron saint's day, Saturday mornings, "giorni lavorativi" without Saturdays, a cut-off at 16:00, H24
# for blocking faults, availability credits, penalties per started hour, a price change on 1 January 2027 in two segments),
# written from docs/language.md alone.
SESSION_26 = ("kuura", "dorasanita")

# A Porto SaaS sold in EUR (Marésia: Bronze to Platinum, Porto's own holidays with São João, short days on 24 and 31
# December when they are working days, 24x5 from Sunday 23:00 to Friday 23:00 Lisbon time handed on to Manila, response
# and resolution targets, a TAM add-on per month, a resolution target that changes on 1 January 2027) and a UK
# hardware-maintenance contract (Caledon: NBD with a 15:00 cut-off, 8x5x4 and 24x7x4, English or Scottish bank holidays
# by a kind of case, prices per device and year per device class with a minimum, VAT excluded), from docs/language.md.
OFFERS_7 = ("maresia", "caledon")

# A Venice managed-IT and cloud-ERP vendor (Lagunasoft: three tiers per user and month with a base fee and a minimum of
# users, closed on Christmas Eve and a short New Year's Eve, H24 for P1 and then P2, availability credits, penalties for
# late responses and a late P1 resolution with their caps and a total, a monthly report, a 12- or 24-month contract
# that renews), from docs/language.md alone.
OFFERS_10 = ("lagunasoft",)

# A Bologna vendor of municipal software under a framework contract (Civitas: a free warranty year without penalties,
# Bologna's patron saint, a lunch break, penalties that grow after 8 business hours and after 5 days, per-mille shares
# of the contract's value, a total cap of 10 % of it), written from docs/language.md's "Penalties that grow".
# And a Umeå operations vendor under a Swedish framework agreement (Vindel: "helgfria vardagar" with short days before
# Midsummer Eve, Christmas Eve and New Year's Eve only, an on-call line for P1, a penalty per business hour that grows
# after 8 of them, a share of the contract's value per day, 24 months then until further notice).
OFFERS_LANG10 = ("civitas", "vindel")

# An Estonian HR and payroll SaaS (Sõnajalg: English only, Standard included in the subscription, Premium a share of it
# with a least amount per segment, Enterprise per seat with a minimum, short days before four named Estonian holidays,
# a P1 line around the clock, credits of the subscription said in a note) and a Czech supplier under a framework
# agreement (Moravadata: an impact × urgency matrix giving A, B, C, a cut-off at 16:00, New Year's Eve mornings,
# "30 calendar days" as 720 hours around the clock, penalties per started hour and per started day that grow, 20 % of
# the contract's value in all), written from docs/language.md alone (session lang11).
OFFERS_LANG11 = ("sonajalg", "moravadata")

# A Strasbourg Sage 100 partner (Kochersberg: Alsace's holidays with Whit Monday worked, `except "Pentecost Monday"`, mornings
# on 24 and 31 December, prepaid packs of hours that expire, two segments per user with a minimum, a payroll on-call line
# with its own target on Saturday mornings and weekday evenings, a fee per call-out) and a Zurich vendor of radiology
# software that is a medical device (Sihlmed: English and Italian of its four languages, Zurich's holidays with
# Berchtoldstag and the Sechseläuten and Knabenschiessen afternoons, an impact × urgency matrix, a patient-safety case
# answered around the clock in every tier, Swissmedic reporting as an obligation, a share of the licence with a least
# amount, an on-site visit, a penalty per started hour, a hosted archive with credits), written from docs/language.md
# alone (session lang12).
OFFERS_LANG12 = ("kochersberg", "sihlmed")

# A Leeds managed-hosting company (Pennine: English only, availability measured within the Service Hours Monday to
# Saturday with English bank holidays, stepped service credits of the Monthly Charges, a P1 response credit per
# started hour capped at half the month's fee that is higher for the whole delay past 4 hours, maintenance on Sunday
# nights with five business days' notice, 24x7 for P1 on Enterprise) and a Nuremberg payroll software vendor
# (Frankenlohn: a Softwarepflegevertrag in German, Reaktionszeit and Wiederherstellungszeit on a Servicezeit with
# Bavaria's holidays and shorter Fridays, a share of the licence, availability of the hosted tier within the
# Servicezeit, a per-mille penalty of the yearly fee, the month-end Bereitschaft, § 193 BGB in a note), written
# from docs/language.md alone (session lang13).
OFFERS_LANG13 = ("pennine", "frankenlohn")
OFFERS_OUTSIDE15 = ("navigli", "chmurdesk")
# A Sundsvall IT-support firm under the municipalities' framework agreement (Mittnorr: Swedish only, "vardagar 08-17"
# with "helgfria vardagar", the klämdagar closed by date, a short day before every holiday, summer hours, inställelsetid
# and åtgärdstid in arbetstimmar and arbetsdagar, vite per started working hour) and a Turin managed SOC (Presidio:
# notification and containment times, reperibilità in the evening and on Saturday mornings as a kind of case, penali
# as a share of the monthly fee, a monthly report), written from docs/language.md alone (session outside16).
OFFERS_OUTSIDE16 = ("mittnorr", "presidio")
# A Poznań vendor of accounting, payroll and KSeF software (Rachmistrz: an impact × urgency matrix, prices per workstation
# net of VAT for small firms, enterprises and the public sector, Polish holidays with Wigilia closed and mornings only on
# 23 and 31 December, days off given for holidays on a Saturday, longer hours on the VAT deadline, the 25th, quarterly
# service reviews) and a Stockholm managed-hosting company (Bergvik: P1 around the clock on the on-call engineers'
# calendar, P2–P4 in office hours closed on klämdagar with a short day before every holiday and summer hours, a base fee
# plus a part per server with a set-up fee, monthly reports, credits for availability and penalties for a late P1),
# written from docs/language.md alone (session outside17).
OFFERS_OUTSIDE17 = ("rachmistrz", "bergvik")


@pytest.mark.parametrize(
    "group",
    [SESSION_22, SESSION_22B, SESSION_23, SESSION_24, SESSION_25, SESSION_26, OFFERS_7, OFFERS_10, OFFERS_LANG10, OFFERS_LANG11,
     OFFERS_LANG12, OFFERS_LANG13, OFFERS_OUTSIDE15, OFFERS_OUTSIDE16, OFFERS_OUTSIDE17],
    ids=["session 22", "session 22b", "session 23", "session 24", "session 25", "session 26", "maresia and caledon", "lagunasoft",
         "civitas and vindel", "sonajalg and moravadata", "kochersberg and sihlmed",
         "pennine and frankenlohn", "navigli and chmurdesk", "mittnorr and presidio", "rachmistrz and bergvik"],
)
def test_each_group_of_offers_checks_clean_on_its_own_even_strictly(tmp_path: Path, group: tuple[str, ...]) -> None:
    (tmp_path / "plans").mkdir()
    for vendor in group:
        shutil.copy(OUTSIDE / f"{vendor}.plan", tmp_path / "plans")
    checked = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(tmp_path), "check", "--strict"], capture_output=True, text=True, timeout=300
    )
    assert checked.returncode == 0, checked.stderr
    assert "warning[" not in checked.stderr and "error[" not in checked.stderr, checked.stderr


def test_the_session_22b_rules_carry_the_offers_facts(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    ferrotech = rules["vendors"]["ferrotech"]
    onsite = {name: [(t["priority"], t["minutes"], t["business_days"], t["days_rule"], t["calendar"])
                     for t in plan["targets"] if t["metric"] == "on-site"]
              for name, plan in ferrotech["plans"].items()}
    assert onsite == {
        "nbd": [(None, None, 1, "day-end", "ferro-nbd")],
        "eight-five-four": [(None, 240, None, None, "ferro-8x5")],
        # 24×7×4 keeps 8×5×4's 4 hours for every priority and adds S1 and S2 of its own.
        "twentyfour-seven-four": [(None, 240, None, None, "ferro-8x5"), ("S1", 240, None, None, "ferro-24x7"), ("S2", 240, None, None, "ferro-8x5")],
    }
    assert sorted(ferrotech["calendars"]["ferro-nbd"]["customer_holidays"]) == ["DE", "IT", "PL", "SE"]
    premium = rules["vendors"]["nordlink"]["plans"]["premium"]
    assert premium["availability"]["percent"] == 99.95
    assert [(c["percent"], c["below"]) for c in premium["availability"]["credits"]] == [(10, 99.95), (25, 99.9), (50, 99.5), (100, 99)]
    assert premium["maintenance"] == {"calendar": "nordlink-maint", "notice_minutes": 240 * 60}
    assert rules["vendors"]["nordlink"]["plans"]["pro"]["maintenance"] == {"calendar": "nordlink-maint", "notice_minutes": 120 * 60}
    softeria = rules["vendors"]["softeria"]
    office = softeria["calendars"]["softeria-ufficio"]["dates"]
    assert office["2026-12-07"] == [] and office["2026-12-08"] == []  # Sant'Ambrogio (Milan), Immacolata (Italy)
    assert office["2026-08-14"] == [] and office["2027-12-24"] == []  # the summer shutdown, Christmas Eve every year
    on_call = {t["id"]: t for t in softeria["plans"]["premium"]["targets"]}["first-response/A/fuori-orario"]
    assert (on_call["minutes"], on_call["calendar"]) == (60, "softeria-reperibilita")
    assert [(o["id"], o["count"], o["period"]) for o in softeria["plans"]["plus"]["obligations"]] == [("report", 1, "month")]
    assert softeria["plans"]["base"]["obligations"] == []


@pytest.mark.parametrize(
    ("plan", "priority", "reported", "extra", "due"),
    [
        # Friday 4 December 16:00 in Rome: 7 December (Sant'Ambrogio) is Milan's, not Italy's, so Monday counts.
        ("ferrotech/nbd", "S1", "2026-12-04T16:00:00+01:00", ("--metric", "on-site", "--tz", "Europe/Rome", "--country", "IT"),
         "2026-12-07T17:00:00+01:00"),
        # Friday 16:00 in Warsaw: one service hour that day, three on Monday.
        ("ferrotech/eight-five-four", "S2", "2026-12-04T16:00:00+01:00", ("--metric", "on-site", "--tz", "Europe/Warsaw", "--country", "PL"),
         "2026-12-07T11:00:00+01:00"),
        # Christmas Eve is no public holiday in Sweden: two hours that day, then 25 December and the weekend are closed.
        ("ferrotech/twentyfour-seven-four", "S2", "2026-12-24T15:00:00+01:00",
         ("--metric", "on-site", "--tz", "Europe/Stockholm", "--country", "SE"), "2026-12-28T10:00:00+01:00"),
        # S1 is around the clock: four hours later, Christmas Eve or not.
        ("ferrotech/twentyfour-seven-four", "S1", "2026-12-24T15:00:00+01:00", ("--metric", "on-site"), "2026-12-24T19:00:00+01:00"),
        # Thursday 18 June; Midsummer Eve (19 June) is a de facto holiday: business days 22–26 June.
        ("nordlink/bas", "P3", "2026-06-18T10:00:00+02:00", ("--metric", "resolution"), "2026-06-26T10:00:00+02:00"),
        ("nordlink/premium", "P1", "2026-06-19T23:30:00+02:00", ("--metric", "resolution"), "2026-06-20T01:30:00+02:00"),
        # Friday 17:00: one office hour left; 7 and 8 December are holidays in Milan; the second hour is Wednesday's first.
        ("softeria/plus", "A", "2026-12-04T17:00:00+01:00", (), "2026-12-09T10:00:00+01:00"),
        # On call, Saturday 17:30: half an hour that day, the rest on Monday evening's on-call hours.
        ("softeria/premium", "A", "2026-12-05T17:30:00+01:00", ("--case", "fuori-orario"), "2026-12-07T18:30:00+01:00"),
        # Friday 7 August: the next business day after the summer shutdown (10–21 August) is Monday 24 August.
        ("softeria/base", "C", "2026-08-07T17:00:00+02:00", (), "2026-08-24T17:00:00+02:00"),
    ],
)
def test_the_session_22b_deadlines(published: Path, plan: str, priority: str, reported: str, extra: tuple[str, ...], due: str) -> None:
    assert_due(published, plan, priority, reported, extra, due)


def test_a_country_ferrotech_does_not_serve_is_refused(published: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(published.parent), "due", "ferrotech/nbd", "S1", "2026-12-04T16:00:00+01:00",
         "--metric", "on-site", "--tz", "Europe/Paris", "--country", "FR"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert "only for DE, IT, PL, SE, not for 'FR'" in done.stderr


@pytest.mark.parametrize(
    ("lang", "vendor", "said"),
    [
        ("en", "ferrotech", "Rack servers"),
        ("en", "ferrotech", "€1,450 per device per year excl. tax"),
        ("en", "ferrotech", "Engineer on site"),
        ("en", "ferrotech", "by the end of the next business day"),
        ("sv", "ferrotech", "senast vid slutet av nästa arbetsdag"),
        ("it", "ferrotech", "esclusi i giorni festivi nel vostro paese"),
        ("pl", "ferrotech", "Kraj klienta (ze względu na święta ustawowe)"),
        ("en", "nordlink", "Tue, Thu 00:00 – 05:00 Swedish time; announced at least 10 days ahead"),
        ("sv", "nordlink", "aviseras minst 5 dagar i förväg"),
        ("pl", "nordlink", "99,95% miesięcznie"),
        ("en", "nordlink", "Time to restore"),
        ("en", "nordlink", "Website: Status page"),
        ("it", "softeria", "esclusi i giorni festivi in Italia (Milano); chiuso ogni anno: 10–21 agosto e 24 dicembre"),
        ("it", "softeria", "Monte ore prepagato"),
        ("it", "softeria", "e telefono (Reperibilità; solo Bloccante)"),
        ("it", "softeria", "Opzione a pagamento: 120 € per intervento IVA esclusa"),
        ("sv", "softeria", "Tillval: 180 € per insats exkl. moms"),
        ("pl", "softeria", "raz w miesiącu"),
    ],
)
def test_the_session_22b_pages_say_it_in_the_readers_language(published: Path, lang: str, vendor: str, said: str) -> None:
    assert said in words_of(published / lang / vendor / "index.html")


def test_the_session_23_rules_carry_the_offers_facts(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    kahlenberg = rules["vendors"]["kahlenberg"]
    office = kahlenberg["calendars"]["kahlenberg-office"]
    assert office["weekly"]["thu"] == [["08:00", "17:00"]] and office["weekly"]["fri"] == [["08:00", "14:00"]]
    # 24 and 31 December closed every year; 26 October is Austria's National Day.
    assert office["dates"]["2026-12-24"] == office["dates"]["2027-12-31"] == office["dates"]["2026-10-26"] == []
    wartung = kahlenberg["calendars"]["kahlenberg-wartung"]["weekly"]
    assert (wartung["tue"], wartung["wed"], wartung["fri"]) == ([["22:00", "24:00"]], [["00:00", "02:00"]], [["00:00", "02:00"]])
    plans = kahlenberg["plans"]
    assert [(c["percent"], c["below"]) for c in plans["premium"]["availability"]["credits"]] == [(10, 99.95), (25, 99.5), (50, 99)]
    assert plans["premium"]["maintenance"] == {"calendar": "kahlenberg-wartung", "notice_minutes": 3 * 24 * 60}
    assert plans["basic"]["maintenance"] == {"calendar": "kahlenberg-wartung", "notice_minutes": 5 * 24 * 60}
    assert plans["business"]["availability"]["percent"] == 99.9  # its own, not Basic's 99.5
    p1 = {name: [(t["minutes"], t["calendar"]) for t in plan["targets"] if t["metric"] == "first-response" and t["priority"] == "P1"]
          for name, plan in plans.items()}
    assert p1 == {"basic": [(120, "kahlenberg-office")], "business": [(30, "kahlenberg-24x7")], "premium": [(15, "kahlenberg-24x7")]}
    assert [(o["id"], o["count"], o["period"], o["priorities"]) for o in plans["premium"]["obligations"]] == [
        ("report", 1, "month", None), ("rca", None, None, ["P1"]), ("review", 1, "quarter", None)]

    tramuntana = rules["vendors"]["tramuntana"]
    levels = tramuntana["priorities"]["matrix"]["levels"]
    assert (levels["alto"]["alta"], levels["medio"]["alta"], levels["bajo"]["media"], levels["bajo"]["baja"]) == ("P1", "P2", "P4", "P4")
    days = tramuntana["calendars"]["tramuntana-oficina"]["dates"]
    assert days["2026-07-01"] == days["2026-07-03"] == [["08:00", "15:00"]]  # summer hours, Friday's too
    assert "2026-07-04" not in days  # a Saturday: `on working days` keeps it closed
    assert days["2028-08-15"] == []  # Assumption Day, a holiday of the list, stays closed in the summer hours
    assert days["2026-09-11"] == days["2026-09-24"] == days["2026-05-25"] == days["2027-05-17"] == []  # Diada, La Mercè, Whit Mondays
    integral = tramuntana["plans"]["integral"]
    assert [(t["priority"], t["minutes"], t["business_days"]) for t in integral["targets"] if t["metric"] == "workaround"] == [
        ("P1", 480, None), ("P2", None, 3)]
    assert [(o["id"], o["period"]) for o in integral["obligations"]] == [("informe", "month"), ("revision", "quarter")]
    assert tramuntana["plans"]["essencial"]["obligations"] == []

    quillstack = rules["vendors"]["quillstack"]
    follow = quillstack["calendars"]["quill-24x5"]
    assert follow["zone"] == "America/Los_Angeles" and follow["holidays"] == [] and follow["weekly"]["sat"] == []
    assert (follow["weekly"]["sun"], follow["weekly"]["fri"]) == ([["17:00", "24:00"]], [["00:00", "17:00"]])
    # Standard and Premium (inheriting it) promise 99.9 % with no service credits, told apart from not stating any.
    assert [(p["availability"]["credits"], p["availability"]["credits_stated"]) for p in quillstack["plans"].values()][:2] == [([], True)] * 2
    enterprise = quillstack["plans"]["enterprise"]
    assert [(c["priority"], c["calendar"]) for c in enterprise["coverage"]] == [(None, "quill-24x5"), ("P1", "quill-24x7")]
    status = [(t["priority"], t["minutes"], t["calendar"]) for t in enterprise["targets"] if t["metric"] == "status-update"]
    assert status == [("P1", 60, "quill-24x7")]
    resolution = {t["priority"]: t for t in quillstack["plans"]["standard"]["targets"] if t["metric"] == "resolution"}
    # `target resolution all none`: published, with no time and no clock (no resolution time in Standard).
    assert (resolution[None]["published"], resolution[None]["minutes"], resolution[None]["business_days"], resolution[None]["calendar"]) == (
        True, None, None, None)


@pytest.mark.parametrize(
    ("plan", "priority", "reported", "extra", "due"),
    [
        # Wednesday 23 December 15:00 in Vienna: two office hours that day; 24 December closed every year, 25 and 26
        # holidays, then the weekend: the other two hours are Monday's first.
        ("kahlenberg/basic", "P2", "2026-12-23T15:00:00+01:00", (), "2026-12-28T10:00:00+01:00"),
        # Friday closes at 14:00: one hour on Friday, one on Monday.
        ("kahlenberg/basic", "P1", "2026-11-27T13:00:00+01:00", (), "2026-11-30T09:00:00+01:00"),
        # Thursday 16:00 + 1 business day is Friday 16:00, after Friday's closing; Monday 26 October is the National
        # Day, so the next opening is Tuesday 08:00 (winter time since Sunday).
        ("kahlenberg/premium", "P4", "2026-10-22T16:00:00+02:00", (), "2026-10-27T08:00:00+01:00"),
        # Two real hours round the clock across the end of summer time: 01:30 CEST is 23:30 UTC, due 01:30 UTC.
        ("kahlenberg/premium", "P1", "2026-10-25T01:30:00+02:00", ("--metric", "resolution"), "2026-10-25T02:30:00+01:00"),
        # Summer hours: Thursday 23 July 14:00 has one hour left (closing 15:00), the second is Friday's first.
        ("tramuntana/professional", "P1", "2026-07-23T14:00:00+02:00", (), "2026-07-24T09:00:00+02:00"),
        # Wednesday 23 September 17:00: one hour; 24 September (La Mercè) is closed; Friday opens at 08:00.
        ("tramuntana/integral", "P2", "2026-09-23T17:00:00+02:00", (), "2026-09-25T09:00:00+02:00"),
        # Monday 12:00: two hours to the lunch break at 14:00, two after it from 15:00.
        ("tramuntana/essencial", "P1", "2026-11-16T12:00:00+01:00", (), "2026-11-16T17:00:00+01:00"),
        # Friday 22 May + 3 business days: Monday 25 May is Whit Monday in Barcelona; Tue, Wed, Thu.
        ("tramuntana/professional", "P4", "2026-05-22T10:00:00+02:00", (), "2026-05-28T10:00:00+02:00"),
        # Tuesday 30 June 17:00 + 3 business days is Friday 3 July 17:00, but July closes at 15:00: Monday's opening.
        ("tramuntana/integral", "P2", "2026-06-30T17:00:00+02:00", ("--metric", "workaround"), "2026-07-06T08:00:00+02:00"),
        # Friday 3 July 2026 is the observed Independence Day: counted from Monday 08:00 in New York.
        ("quillstack/standard", "P1", "2026-07-03T09:00:00-04:00", (), "2026-07-06T12:00:00-04:00"),
        # 24×5: Friday 16:30 Pacific has half an hour; the week opens again on Sunday at 17:00.
        ("quillstack/premium", "P1", "2026-11-27T16:30:00-08:00", (), "2026-11-29T17:30:00-08:00"),
        # Five hours on Friday 30 October (summer time), three after Sunday 17:00 (winter time since that morning).
        ("quillstack/premium", "P3", "2026-10-30T12:00:00-07:00", (), "2026-11-01T20:00:00-08:00"),
        # Thanksgiving (26 November) is no business day; Friday 27 November is one: Friday, Monday.
        ("quillstack/enterprise", "P2", "2026-11-25T10:00:00-05:00", ("--metric", "resolution"), "2026-11-30T10:00:00-05:00"),
        # A P1 status update every hour, round the clock: Saturday night counts.
        ("quillstack/enterprise", "P1", "2026-11-28T23:50:00-08:00", ("--metric", "status-update"), "2026-11-29T00:50:00-08:00"),
    ],
)
def test_the_session_23_deadlines(published: Path, plan: str, priority: str, reported: str, extra: tuple[str, ...], due: str) -> None:
    assert_due(published, plan, priority, reported, extra, due)


def test_tramuntanas_matrix_answers_impact_first(published: Path) -> None:
    for impact, urgency, level in (("medio", "alta", "P2"), ("bajo", "media", "P4"), ("alto", "baja", "P3")):
        done = subprocess.run(
            [sys.executable, str(BUILD_PY), "--project", str(published.parent), "priority", "tramuntana", impact, urgency],
            capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0 and done.stdout.strip() == level, (impact, urgency, done.stderr)


@pytest.mark.parametrize(
    ("lang", "vendor", "said"),
    [
        ("en", "kahlenberg", "Mon – Thu 08:00 – 17:00; Fri 08:00 – 14:00 Austrian time, except public holidays in Austria; "
                             "closed every year: 24 December and 31 December"),
        ("sv", "kahlenberg", "tis 22:00 – ons 02:00, tors 22:00 – fre 02:00 österrikisk tid; aviseras minst 5 dagar i förväg"),
        ("en", "kahlenberg", "€249 per device per month excl. tax, minimum 3 devices, plus a one-off set-up fee of €990"),
        ("it", "kahlenberg", "Opzione a pagamento: 150 € per intervento IVA esclusa"),
        ("pl", "kahlenberg", "Telefon (Linia awaryjna; tylko Całkowita awaria)"),
        ("en", "kahlenberg", "Only in the Managed Business and Managed Premium tiers"),
        ("en", "kahlenberg", "≈ 22 minutes per month"),
        ("en", "tramuntana", "every year from 1 July to 31 August 08:00 – 15:00 on working days"),
        ("it", "tramuntana", "ogni anno nel periodo 1º luglio – 31 agosto: 08:00 – 15:00 nei giorni lavorativi"),
        ("en", "tramuntana", "closed on 25 May 2026, 17 May 2027 and 5 June 2028; closed every year: 24 September"),
        ("pl", "tramuntana", "z wyjątkiem świąt ustawowych (Katalonia, Hiszpania)"),
        ("sv", "tramuntana", "Medelstora företag (11–50 användare)"),
        ("sv", "tramuntana", "4 800 € per år exkl. moms, faktureras kvartalsvis"),
        ("en", "tramuntana", "100 hours per year"),
        # The extra bank is priced for its 10 hours, no longer named in the label.
        ("en", "tramuntana", "Add-on: €690 for 10 hours excl. tax"),
        ("pl", "tramuntana", "Dodatek płatny: 650 € za 10 godzin netto (bez VAT)"),
        ("it", "tramuntana", "Opzione a pagamento: 600 € per 10 ore IVA esclusa"),
        ("pl", "tramuntana", "Hiszpański, kataloński i angielski"),
        ("en", "quillstack", "Sun 17:00 – Fri 17:00 (Pacific Time)"),
        ("en", "quillstack", "USD 12 per user per month, minimum 100 users, billed yearly"),
        ("it", "quillstack", "12 USD per utente al mese, minimo 100 utenti, fatturazione annuale"),
        ("en", "quillstack", "Technical Account Manager"),  # the vendor's name for the role, without "Account manager: "
        ("pl", "quillstack", "Tylko w pakiecie Enterprise"),
        ("en", "quillstack", "No service credits"),
        # Standard comes with every subscription: not "Free".
        ("sv", "quillstack", "Ingår i prenumerationen"),
        ("pl", "quillstack", "W cenie subskrypcji"),
        ("it", "quillstack", "Nessun credito di servizio"),
        ("en", "quillstack", "Mon – Fri 08:00 – 18:00 New York time, except public holidays in the United States"),
        # The mailbox is answered in US office hours on Standard, round the clock on weekdays from Premium up.
        ("en", "quillstack", "Answered, by tier:<ul><li>Premium: Sun 17:00 – Fri 17:00 (Pacific Time)</li><li>Enterprise: Sun 17:00 – Fri"),
        ("sv", "quillstack", "E-post: besvaras sön 17:00 – fre 17:00"),
        ("pl", "quillstack", "E-mail: obsługa zgłoszeń niedz. 17:00 – pt. 17:00 (czas pacyficzny)"),
    ],
)
def test_the_session_23_pages_say_it_in_the_readers_language(published: Path, lang: str, vendor: str, said: str) -> None:
    assert said in words_of(published / lang / vendor / "index.html")


def test_coverage_names_the_priority_with_its_own_hours_before_the_others(published: Path) -> None:
    """Business writes `coverage P1` after Basic's `coverage all`: the page said "Other priorities" first, unlike the Hours counted row."""
    page = words_of(published / "en" / "kahlenberg" / "index.html")
    business = page.index("Managed Business", page.rindex("Service per tier"))  # the section, not the contents at the top
    total, others = page.index("Total outage: 24×7", business), page.index("Other priorities: Mon", business)
    assert total < others


def test_quillstacks_card_says_standard_comes_with_the_subscription(published: Path) -> None:
    """Quillstack's Standard is "included with every subscription": its card said "Free; US$6 …", as `price free` did."""
    home = words_of(published / "en" / "index.html")
    assert "Included in the subscription or USD 6 – 12 per user per month, billed yearly" in home
    assert "Incluso nell’abbonamento" in words_of(published / "it" / "index.html")


@pytest.mark.parametrize(
    ("plan", "priority", "reported", "extra", "due"),
    [
        # Wednesday 23 December 14:00 in Copenhagen: two office hours; 24 December closed every year, 25 and 26 December
        # holidays, then Sunday: the other two hours are Monday's first.
        ("nordhavn/essential", "P2", "2026-12-23T14:00:00+01:00", (), "2026-12-28T10:00:00+01:00"),
        # Constitution Day 2026 is a Friday, open until noon: one hour; three on Monday.
        ("nordhavn/essential", "P2", "2026-06-05T11:00:00+02:00", (), "2026-06-08T11:00:00+02:00"),
        # Constitution Day 2027 is a Saturday: the noon hours only on a working day, so Friday's half hour, then Monday.
        ("nordhavn/business", "P1", "2027-06-04T15:30:00+02:00", (), "2027-06-07T08:30:00+02:00"),
        # Round the clock for Critical's P1: Christmas Eve night counts.
        ("nordhavn/critical", "P1", "2026-12-24T23:50:00+01:00", (), "2026-12-25T00:05:00+01:00"),
        # Critical's P2 is Business's 2 office hours: 31 December closed, 1 January a holiday, the weekend.
        ("nordhavn/critical", "P2", "2026-12-31T09:00:00+01:00", (), "2027-01-04T10:00:00+01:00"),
        # By the end of the 2nd business day: Maundy Thursday, Good Friday and Easter Monday are Danish holidays.
        ("nordhavn/essential", "P4", "2026-04-01T10:00:00+02:00", (), "2026-04-08T16:00:00+02:00"),
        # 1 business day: the same time on the next business day.
        ("nordhavn/essential", "P3", "2026-11-30T15:00:00+01:00", (), "2026-12-01T15:00:00+01:00"),
        # Service restored within 4 office hours: two on Friday, two on Monday.
        ("nordhavn/business", "P1", "2026-11-27T14:00:00+01:00", ("--metric", "workaround"), "2026-11-30T10:00:00+01:00"),
        # An hourly status update round the clock on Critical, through Saturday night.
        ("nordhavn/critical", "P1", "2026-11-28T23:30:00+01:00", ("--metric", "status-update"), "2026-11-29T00:30:00+01:00"),
    ],
)
def test_the_session_24_deadlines(published: Path, plan: str, priority: str, reported: str, extra: tuple[str, ...], due: str) -> None:
    assert_due(published, plan, priority, reported, extra, due)


def test_the_session_24_offer_reads_and_exports_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    nordhavn = rules["vendors"]["nordhavn"]
    office = nordhavn["calendars"]["nordhavn-office"]["dates"]
    # Constitution Day: the noon hours on a Friday, nothing extra on a Saturday; Christmas Eve closed.
    assert office["2026-06-05"] == [["08:00", "12:00"]] and "2027-06-05" not in office and office["2026-12-24"] == []
    plans = nordhavn["plans"]
    assert [(c["percent"], c["below"]) for c in plans["critical"]["availability"]["credits"]] == [(10, 99.95), (25, 99.9), (50, 99.5)]
    assert plans["business"]["maintenance"] == {"calendar": "nordhavn-service-window", "notice_minutes": 72 * 60}
    page = words_of(published / "en" / "nordhavn" / "index.html")
    assert "every year on 5 June 08:00 – 12:00 when it is a working day" in page
    assert "DKK 24,000 per month excl. tax, plus a one-off set-up fee of DKK 15,000" in page
    polish = words_of(published / "pl" / "nordhavn" / "index.html")
    assert "nieczynne co roku: 24 grudnia i 31 grudnia" in polish


SESSION_25_DEADLINES = [
    # (plan, priority, reported, extra fields of the question, due), each worked out by hand from the plan and docs/rules.md.
    # Standard's P1 answer counts office hours. New Year's Eve is an eve (08:00–13:00): one hour;
    # 1 January a holiday, then the weekend; one hour on Monday.
    ("fjordtel/standard", "P1", "2026-12-31T12:00:00+01:00", {}, "2027-01-04T09:00:00+01:00"),
    # The Wednesday before Easter is an eve: two hours; Maundy Thursday to Easter Monday closed; summer time from 28 March.
    ("fjordtel/standard", "P2", "2027-03-24T11:00:00+01:00", {}, "2027-03-30T10:00:00+02:00"),
    # 24 December is closed every year, and a yearly day is no holiday: 23 December is no eve, and the two business days
    # after it are 28 and 29 December, at the same time of day.
    ("fjordtel/standard", "P3", "2026-12-23T14:00:00+01:00", {}, "2026-12-29T14:00:00+01:00"),
    # In the cities: 4 field hours, 1.5 on Friday evening and 2.5 on Saturday morning.
    ("fjordtel/pluss", "P1", "2026-11-27T18:30:00+01:00", {"metric": "on-site", "case": "city"}, "2026-11-28T11:30:00+01:00"),
    # Elsewhere, by the end of the next business day of the field calendar, which opens on Saturdays.
    ("fjordtel/pluss", "P1", "2026-11-27T18:30:00+01:00", {"metric": "on-site"}, "2026-11-28T15:00:00+01:00"),
    # 15 real minutes round the clock, across the night summer time begins.
    ("fjordtel/premium", "P1", "2027-03-28T01:50:00+01:00", {}, "2027-03-28T03:05:00+02:00"),
    # Reported on Saturday after the field day closes: Sunday, then Monday 17 May (Constitution Day and Whit Monday) closed.
    ("fjordtel/premium", "P2", "2027-05-15T16:00:00+02:00", {"metric": "on-site", "case": "city"}, "2027-05-18T20:00:00+02:00"),
    # Resolution by the end of the next business day: 24, 25 December and the weekend pass.
    ("fjordtel/pluss", "P2", "2026-12-23T10:00:00+01:00", {"metric": "resolution"}, "2026-12-28T16:00:00+01:00"),
    # Madrid's summer hours start on 1 July at 08:00: one hour on 30 June, one on 1 July.
    ("orbisdata/standard", "S1", "2026-06-30T17:00:00+02:00", {}, "2026-07-01T09:00:00+02:00"),
    # Friday 14 August in summer hours, closing at 15:00: two hours, two on Monday.
    ("orbisdata/standard", "S2", "2026-08-14T13:00:00+02:00", {}, "2026-08-17T10:00:00+02:00"),
    # 7 and 8 December are Madrid holidays in 2026: two business days after Friday are Wednesday and Thursday.
    ("orbisdata/standard", "S4", "2026-12-04T16:00:00+01:00", {}, "2026-12-10T16:00:00+01:00"),
    # One business day after 30 June at 17:00 is 1 July at 17:00, after the summer close: Thursday's opening.
    ("orbisdata/standard", "S3", "2026-06-30T17:00:00+02:00", {}, "2026-07-02T08:00:00+02:00"),
    # Follow the sun in UTC: Friday 22:30–23:00, then Monday from 00:00.
    ("orbisdata/premium", "S2", "2026-11-27T23:30:00+01:00", {}, "2026-11-30T01:30:00+00:00"),
    # 00:30 on 1 January in Madrid is still 2026 in UTC, the clock's zone: the old terms' 2 hours.
    ("orbisdata/premium", "S2", "2027-01-01T00:30:00+01:00", {}, "2027-01-01T01:30:00+00:00"),
    ("orbisdata/premium", "S2", "2027-01-01T10:00:00+01:00", {}, "2027-01-01T10:00:00+00:00"),
    # The customer's own hours: Thanksgiving closes a US customer's Thursday.
    ("orbisdata/premium", "S4", "2026-11-25T16:00:00-05:00", {"tz": "America/New_York", "country": "US"}, "2026-11-27T16:00:00-05:00"),
    # The same time of day on the next business day, across the end of US summer time.
    ("orbisdata/premium", "S4", "2026-10-30T16:00:00-04:00", {"tz": "America/New_York", "country": "US"}, "2026-11-02T16:00:00-05:00"),
    # Christmas Eve is no public holiday in Sweden: a Swedish customer's 24 December is a business day.
    ("orbisdata/premium", "S4", "2026-12-23T10:00:00+01:00", {"tz": "Europe/Stockholm", "country": "SE"}, "2026-12-24T10:00:00+01:00"),
    # 72 real hours round the clock in Madrid, across the end of summer time: 11:00 on the wall.
    ("orbisdata/premium", "S1", "2026-10-23T12:00:00+02:00", {"metric": "resolution"}, "2026-10-26T11:00:00+01:00"),
    # 5 business days in Madrid: Monday 2 November (after All Saints' Day) is a holiday there.
    ("orbisdata/premium", "S2", "2026-10-28T12:00:00+01:00", {"metric": "resolution"}, "2026-11-05T12:00:00+01:00"),
]


@pytest.fixture(scope="module")
def session_25_answers(published: Path) -> list[dict[str, str]]:
    """`tierwise due --batch` on every session 25 deadline (and two questions it must refuse), in one run."""
    questions = [{"plan": plan, "priority": priority, "at": at, **extra} for plan, priority, at, extra, _ in SESSION_25_DEADLINES]
    questions += [{"plan": "orbisdata/community", "priority": "S1", "at": "2026-11-30T10:00:00+01:00"},
                  {"plan": "orbisdata/premium", "priority": "S4", "at": "2026-11-30T10:00:00+01:00", "tz": "Europe/Oslo", "country": "NO"}]
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(published.parent), "due", "--batch", "-"],
        input="".join(json.dumps(q) + "\n" for q in questions), capture_output=True, text=True, timeout=300,
    )
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(answers) == len(questions), done.stderr
    return answers


@pytest.mark.parametrize("index", range(len(SESSION_25_DEADLINES)), ids=[f"{c[0]} {c[1]} {c[2]}" for c in SESSION_25_DEADLINES])
def test_the_session_25_deadlines(session_25_answers: list[dict[str, str]], index: int) -> None:
    assert session_25_answers[index] == {"due": SESSION_25_DEADLINES[index][4]}


def test_the_session_25_refusals_say_why(session_25_answers: list[dict[str, str]]) -> None:
    community, norway = session_25_answers[len(SESSION_25_DEADLINES):]
    assert "guarantees no first-response time" in community["error"]
    # docs/rules.md §7: the customer-holiday errors name no field.
    assert "not for 'NO'" in norway["error"] and norway["field"] is None


def test_the_session_25_offers_read_and_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    office = rules["vendors"]["fjordtel"]["calendars"]["fjordtel-office"]["dates"]
    # Christmas Eve closed (a yearly day wins over the eve), New Year's Eve and Easter Wednesday until 13:00.
    assert office["2026-12-24"] == [] and office["2026-12-31"] == office["2027-03-24"] == [["08:00", "13:00"]]
    orbis = rules["vendors"]["orbisdata"]
    assert orbis["calendars"]["orbis-follow-the-sun"]["zone"] == "UTC"
    assert sorted(orbis["calendars"]["orbis-customer-hours"]["customer_holidays"]) == ["DE", "ES", "FR", "GB", "IT", "PL", "PT", "SE", "SG", "US"]
    english = words_of(published / "en" / "fjordtel" / "index.html")
    # A kind of case inside brackets begins in lower case (views.case_in_sentence).
    for said in ("on the day before a holiday 08:00 – 13:00; closed every year: 24 December",
                 "phone (SMS; Network down only)", "Phone: SMS", "NOK 390 per site per month excl. tax, billed monthly",
                 "<strong>P1</strong> Network down (sites in Oslo, Bergen, Trondheim, Stavanger and Kristiansand)", "Norwegian Bokmål and English"):
        assert said in english, said
    assert "Norweski (bokmål) i angielski" in words_of(published / "pl" / "fjordtel" / "index.html")
    premium = words_of(published / "en" / "orbisdata" / "index.html")
    assert "2 hours; from 1 January 2027: 1 hour" in premium
    assert "Mon – Fri 09:00 – 17:00 in your own time zone, except public holidays in your own country" in premium
    swedish = words_of(published / "sv" / "orbisdata" / "index.html")
    assert "Av webbplatsens språk finns erbjudandet bara på engelska." in swedish
    assert "1 200 € per enhet per år exkl. moms, minst 3 enheter, faktureras årsvis" in swedish


SESSION_26_DEADLINES = [
    # (plan, priority, reported, extra fields of the question, due), each worked out by hand from the plan and docs/language.md.
    # Maundy Thursday is the eve of Good Friday (08:00–12:00): one hour; Good Friday to Easter Monday closed; the
    # second hour on Tuesday, in summer time.
    ("kuura/perus", "P2", "2026-04-02T11:00:00+03:00", {}, "2026-04-07T09:00:00+03:00"),
    # 23 December is the eve of Christmas Eve, a Finnish public holiday: two hours, then 24–27 December closed.
    ("kuura/perus", "P3", "2026-12-23T10:00:00+02:00", {}, "2026-12-28T10:00:00+02:00"),
    # After the 14:00 cut-off on a Friday: counted from Monday's opening, due at the end of Tuesday.
    ("kuura/perus", "P1", "2026-05-29T14:30:00+03:00", {"metric": "on-site"}, "2026-06-02T16:00:00+03:00"),
    # Before the cut-off but after the eve closed at 12:00: the report's day is the Thursday, the next business day
    # is Monday after Midsummer.
    ("kuura/perus", "P2", "2026-06-18T13:00:00+03:00", {"metric": "on-site"}, "2026-06-22T16:00:00+03:00"),
    # The next business day is the eve of Midsummer Eve: it ends at 12:00.
    ("kuura/perus", "P3", "2026-06-17T13:59:00+03:00", {"metric": "on-site"}, "2026-06-18T12:00:00+03:00"),
    # 30 real minutes across the end of summer time in Helsinki.
    ("kuura/jatkuva", "P1", "2026-10-25T03:45:00+03:00", {}, "2026-10-25T03:15:00+02:00"),
    # 30 April 2027 is the eve of May Day, a Saturday: one hour until 12:00, one on Monday.
    ("kuura/jatkuva", "P2", "2027-04-30T11:00:00+03:00", {}, "2027-05-03T09:00:00+03:00"),
    # Friday 30 October is the eve of All Saints' Day (a Saturday) and closed at 15:00: counted from Monday's opening.
    ("kuura/perus", "P4", "2026-10-30T15:00:00+02:00", {}, "2026-11-04T08:00:00+02:00"),
    # Jatkuva keeps Perus's next-business-day replacement for P2: on the eve before the cut-off, due after Christmas.
    ("kuura/jatkuva", "P2", "2026-12-23T11:00:00+02:00", {"metric": "on-site"}, "2026-12-28T16:00:00+02:00"),
    # 4 real hours across the start of summer time.
    ("kuura/jatkuva", "P1", "2027-03-28T01:30:00+02:00", {"metric": "workaround"}, "2027-03-28T06:30:00+03:00"),
    # New Year's Eve is an eve: half an hour, then the holiday and the weekend.
    ("kuura/perus", "P1", "2026-12-31T11:30:00+02:00", {}, "2027-01-04T08:30:00+02:00"),
    # Two business days after Monday are Tuesday and the eve of Christmas Eve, closed at 14:00: the next opening.
    ("kuura/perus", "P4", "2026-12-21T14:00:00+02:00", {}, "2026-12-28T08:00:00+02:00"),
    # Saturday mornings count: one hour on Saturday, one on Monday.
    ("dorasanita/base", "L2", "2026-11-28T12:00:00+01:00", {}, "2026-11-30T09:30:00+01:00"),
    # 24 June, San Giovanni, Turin's patron saint, is closed.
    ("dorasanita/base", "L2", "2026-06-23T17:00:00+02:00", {}, "2026-06-25T10:00:00+02:00"),
    # 4 October is a national holiday from 2026 (Saint Francis): Monday 4 October 2027 is closed.
    ("dorasanita/base", "L2", "2027-10-02T12:30:00+02:00", {}, "2027-10-05T10:00:00+02:00"),
    # After the 16:00 cut-off on Friday: counted from Saturday 08:30, a business day of the service hours.
    ("dorasanita/base", "L3", "2026-11-27T16:30:00+01:00", {}, "2026-11-30T12:00:00+01:00"),
    # One minute before it: counted from the report.
    ("dorasanita/base", "L3", "2026-11-27T15:59:00+01:00", {}, "2026-11-30T10:29:00+01:00"),
    # H24: 30 real minutes across the end of summer time in Rome.
    ("dorasanita/h24", "L1", "2026-10-25T02:45:00+02:00", {}, "2026-10-25T02:15:00+01:00"),
    # Five giorni lavorativi from a New Year's Eve morning: 1 and 6 January are holidays.
    ("dorasanita/base", "L1", "2026-12-31T10:00:00+01:00", {"metric": "resolution"}, "2027-01-11T10:00:00+01:00"),
    # One giorno lavorativo later is Christmas Eve at 15:00, after its 13:00 close: the next opening is on 28 December.
    ("dorasanita/base", "L2", "2026-12-23T15:00:00+01:00", {"metric": "workaround"}, "2026-12-28T08:30:00+01:00"),
    # At the cut-off: counted from Monday 3 August; the 20th giorno lavorativo after it (no Saturdays) is 31 August.
    ("dorasanita/base", "L3", "2026-07-31T16:00:00+02:00", {"metric": "resolution"}, "2026-08-31T17:30:00+02:00"),
    # Cloud inherits H24's restore: 4 real hours across the start of summer time.
    ("dorasanita/cloud", "L1", "2027-03-28T01:30:00+01:00", {"metric": "workaround"}, "2027-03-28T06:30:00+02:00"),
    # Sunday 24 December 2028 is no working day, so its morning hours do not open it; 25 and 26 December are holidays.
    ("dorasanita/base", "L2", "2028-12-23T12:00:00+01:00", {}, "2028-12-27T09:30:00+01:00"),
]


def test_the_session_26_offers_read_and_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    kuura = rules["vendors"]["kuura"]
    office = kuura["calendars"]["kuura-office"]["dates"]
    # The eves: Maundy Thursday, the Thursday before Midsummer Eve, 23 and 31 December; Midsummer Eve itself is closed.
    assert office["2026-04-02"] == office["2026-06-18"] == office["2026-12-23"] == office["2026-12-31"] == [["08:00", "12:00"]]
    assert office["2026-06-19"] == office["2026-12-24"] == []
    on_site = [t for t in kuura["plans"]["perus"]["targets"] if t["metric"] == "on-site"]
    assert [t["cutoff"] for t in on_site] == ["14:00"]
    dora = rules["vendors"]["dorasanita"]
    assert dora["calendars"]["dora-servizio"]["dates"]["2026-06-24"] == []
    assert dora["plans"]["cloud"]["availability"]["percent"] == 99.8
    english = words_of(published / "en" / "kuura" / "index.html")
    for said in ("€29 per user per month plus €89 per server per month excl. tax, minimum 10 users",
                 "on the day before a holiday 08:00 – 12:00", "Phone (On-call line; Critical only)",
                 "by the end of the next business day (tickets reported after 14:00 count from the next business day)",
                 "<small>– once a month</small>", "Finnish, Swedish and English"):
        assert said in english, said
    italian = words_of(published / "it" / "dorasanita" / "index.html")
    for said in ("18.000 € all’anno IVA esclusa; dal 1º gennaio 2027: 18.324 € all’anno IVA esclusa",
                 "esclusi i giorni festivi in Italia (Torino)", "ogni anno il 24 dicembre 08:30 – 13:00, se è un giorno lavorativo",
                 "le richieste segnalate dopo le ore 16:00 decorrono dal giorno lavorativo successivo",
                 "portale di assistenza, e-mail (assistenza@dorasanita.example.it) ed e-mail (PEC)", "Durata minima: 36 mesi",
                 "5% sotto il 99,8%", "Presa in carico"):
        assert said in italian, said
    polish = words_of(published / "pl" / "dorasanita" / "index.html")
    assert "Placówki do 300 łóżek" in polish and "z wyjątkiem świąt ustawowych (Turyn, Włochy)" in polish
    swedish = words_of(published / "sv" / "kuura" / "index.html")
    assert "dag före helgdag 08:00–12:00" in swedish and "Bindningstid: 12 månader" in swedish


# Each computed by hand from docs/language.md ("Business days", "A cut-off time", "Follow-the-sun support", "Targets
# that change on a date") before it was asked; `due` and the JavaScript evaluator must both give it.
OFFERS_7_DEADLINES: list[tuple[str, str, str, dict[str, str], str]] = [
    # NBD before the cut-off on Friday: Monday 30 August 2027 is England's Late Summer Bank Holiday.
    ("caledon/nbd", "S1", "2027-08-27T14:00:00+01:00", {"metric": "on-site"}, "2027-08-31T17:30:00+01:00"),
    # ... but a working day in Scotland, whose summer bank holiday was on 2 August.
    ("caledon/nbd", "S1", "2027-08-27T14:00:00+01:00", {"metric": "on-site", "case": "scotland"}, "2027-08-30T17:30:00+01:00"),
    # After the cut-off on 23 December: counted from Christmas Eve 09:00; its next business day, past the
    # observed Christmas and Boxing Day (27 and 28 December), is Wednesday 29 December.
    ("caledon/nbd", "S2", "2027-12-23T15:30:00+00:00", {"metric": "on-site"}, "2027-12-29T17:30:00+00:00"),
    # Before the cut-off: by the end of Christmas Eve, which closes at 13:00.
    ("caledon/nbd", "S2", "2027-12-23T14:00:00+00:00", {"metric": "on-site"}, "2027-12-24T13:00:00+00:00"),
    # 8x5x4: two hours on Christmas Eve morning, two on 29 December.
    ("caledon/cover-8x5x4", "S1", "2027-12-24T11:00:00+00:00", {"metric": "on-site"}, "2027-12-29T11:00:00+00:00"),
    # New Year's Eve: England observes 3 January 2028; Scotland 3 and 4 January (2 January is its holiday too).
    ("caledon/nbd", "S1", "2027-12-31T10:00:00+00:00", {"metric": "on-site"}, "2028-01-04T17:30:00+00:00"),
    ("caledon/nbd", "S1", "2027-12-31T10:00:00+00:00", {"metric": "on-site", "case": "scotland"}, "2028-01-05T17:30:00+00:00"),
    # 24x7x4 across the start of British Summer Time: four real hours, 05:30 on the clock.
    ("caledon/cover-24x7x4", "S1", "2027-03-28T00:30:00+00:00", {"metric": "on-site"}, "2027-03-28T05:30:00+01:00"),
    # S2 keeps NBD on 24x7x4: from Easter Saturday, Easter Monday is closed in England but open in Scotland.
    ("caledon/cover-24x7x4", "S2", "2027-03-27T10:00:00+00:00", {"metric": "on-site"}, "2027-03-30T17:30:00+01:00"),
    ("caledon/cover-24x7x4", "S2", "2027-03-27T10:00:00+00:00", {"metric": "on-site", "case": "scotland"}, "2027-03-29T17:30:00+01:00"),
    # Two business days from Tuesday 22 June 2027: São João (24 June) is Porto's holiday, so Friday 25 at 15:00.
    ("maresia/bronze", "P3", "2027-06-22T15:00:00+01:00", {}, "2027-06-25T15:00:00+01:00"),
    # End of 2 business days from Wednesday 9 June: 10 June is Portugal Day.
    ("maresia/bronze", "P1", "2027-06-09T10:00:00+01:00", {"metric": "resolution"}, "2027-06-14T18:00:00+01:00"),
    # One business day after 23 December 15:00 is Christmas Eve 15:00, after its 13:00 close: Monday 27 at opening.
    ("maresia/silver", "P1", "2027-12-23T15:00:00+00:00", {"metric": "resolution"}, "2027-12-27T09:00:00+00:00"),
    # 24x5 in Lisbon time: 15 minutes on Good Friday, 15 from Sunday 23:00, by then summer time.
    ("maresia/gold", "P1", "2027-03-26T22:45:00+00:00", {}, "2027-03-28T23:15:00+01:00"),
    # 11 hours on Friday, 13 from Sunday 23:00 after summer time ended; All Saints' Day does not close the 24x5 week.
    ("maresia/gold", "P2", "2027-10-29T12:00:00+01:00", {"metric": "resolution"}, "2027-11-01T12:00:00+00:00"),
    # Platinum's P2 resolution: 24 hours for a ticket of 31 December 2026, 12 from 1 January 2027 (Lisbon's midnight).
    ("maresia/platinum", "P2", "2026-12-31T23:30:00+00:00", {"metric": "resolution"}, "2027-01-03T23:30:00+00:00"),
    ("maresia/platinum", "P2", "2027-01-01T00:30:00+00:00", {"metric": "resolution"}, "2027-01-01T12:30:00+00:00"),
]


def test_the_maresia_and_caledon_offers_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    nbd = rules["vendors"]["caledon"]["plans"]["nbd"]
    onsite = {(t["case"], t["calendar"], t["cutoff"]) for t in nbd["targets"] if t["metric"] == "on-site"}
    assert onsite == {(None, "caledon-eng", "15:00"), ("scotland", "caledon-sco", "15:00")}
    platinum = rules["vendors"]["maresia"]["plans"]["platinum"]
    assert platinum["availability"]["percent"] == 99.95
    assert sorted(t["minutes"] for t in platinum["targets"] if t["metric"] == "resolution" and t["priority"] == "P2") == [720, 1440]


@pytest.mark.parametrize(
    ("lang", "both", "first"),
    [
        ("en", "Critical and High: Sun 23:00 – Fri 23:00", "Critical: 24×7"),
        ("sv", "Kritisk och Hög: sön 23:00 – fre 23:00", "Kritisk: dygnet runt"),
        ("it", "Critica e Alta: dom 23:00 – ven 23:00", "Critica: 24 ore su 24"),
        ("pl", "Krytyczny i Wysoki: niedz. 23:00 – pt. 23:00", "Krytyczny: całodobowo"),
    ],
)
def test_levels_on_the_same_hours_are_said_once_and_the_highest_first(published: Path, lang: str, both: str, first: str) -> None:
    """Gold's `coverage P1` and `coverage P2` on the 24x5 clock read "Critical: … High: …" with the same hours twice;
    Platinum, which gives P1 24x7 after inheriting Gold's P2, said High before Critical."""
    page = plain((published / lang / "maresia" / "index.html").read_text(encoding="utf-8"))
    gold = re.sub(r"<[^>]+>", "", page[page.index('id="tier-gold"'):page.index('id="tier-platinum"')])
    platinum = re.sub(r"<[^>]+>", "", page[page.index('id="tier-platinum"'):page.index('id="contact"')])
    assert both in gold
    high = both.split(":")[0].rsplit(" ", 1)[-1]  # "High", the level Gold's P2 hours name alone in Platinum
    assert f"{high}: " in platinum and platinum.index(first) < platinum.index(f"{high}: ")


@pytest.mark.parametrize(
    ("plan", "priority", "reported", "due"),
    [
        # Wednesday 23 December 16:00, 4 office hours: 2 that day; Christmas Eve is closed every year, then Christmas,
        # Santo Stefano and the weekend: Monday 28 at 11:00.
        ("lagunasoft/essenziale", "P2", "2026-12-23T16:00:00+01:00", "2026-12-28T11:00:00+01:00"),
        # Wednesday 30 December 16:00: New Year's Eve is a Thursday, open 09:00-13:00, so 11:00 that morning.
        ("lagunasoft/essenziale", "P2", "2026-12-30T16:00:00+01:00", "2026-12-31T11:00:00+01:00"),
        # Enterprise answers P2 around the clock: one hour, on Christmas Day too.
        ("lagunasoft/enterprise", "P2", "2026-12-25T10:00:00+01:00", "2026-12-25T11:00:00+01:00"),
    ],
)
def test_the_lagunasoft_deadlines(published: Path, plan: str, priority: str, reported: str, due: str) -> None:
    assert_due(published, plan, priority, reported, (), due)


def test_lagunasofts_penalties_export_and_read_as_written(published: Path) -> None:
    """`penalty none` on Essenziale, Professionale's own P1 line replacing it, Enterprise's lines, caps and total."""
    plans = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))["vendors"]["lagunasoft"]["plans"]
    assert plans["essenziale"]["penalties"] == [] and plans["essenziale"]["penalties_total"] is None
    said = {name: [(p["metric"], p["priority"], p["amount"], p["per"], p["started"], p["clock"], p["cap"]["amount"]) for p in plan["penalties"]]
            for name, plan in plans.items()}
    share = {"kind": "fee-share", "fee_period": "month"}
    assert said["professionale"] == [("first-response", "P1", {**share, "percent": 2}, "hour", True, "real", {**share, "percent": 20})]
    assert [(m, p) for m, p, *_ in said["enterprise"]] == [("first-response", "P1"), ("first-response", "P2"), ("resolution", "P1")]
    assert said["enterprise"][2][2] == {"kind": "money", "amount": 500, "currency": "EUR"}
    assert plans["enterprise"]["penalties_total"] == {"amount": {**share, "percent": 30}, "per": "month"}
    assert [c["below"] for c in plans["enterprise"]["availability"]["credits"]] == [99.95, 99.5, 99]
    assert [(o["id"], o["period"]) for o in plans["enterprise"]["obligations"]] == [("report-mensile", "month")]
    page = words_of(published / "it" / "lagunasoft" / "index.html")
    assert "Critica: 5% del canone mensile per ogni ora o frazione di ritardo, al massimo il 25% del canone mensile al mese" in page
    assert "24 € per utente al mese più 350 € al mese IVA esclusa, minimo 10 utenti" in page


def test_civitas_growing_penalties_export_and_read_as_written(published: Path) -> None:
    """Steps after 8 business hours and after 5 days, shares of the contract's value, a cap and a total per contract."""
    plans = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))["vendors"]["civitas"]["plans"]
    assert plans["garanzia"]["penalties"] == []
    hourly, daily = plans["manutenzione"]["penalties"]
    assert (hourly["per"], hourly["started"], hourly["clock"]) == ("hour", True, "business")
    assert hourly["steps"] == [{"after": 8, "amount": {"kind": "money", "amount": 100, "currency": "EUR"}, "whole": False}]
    assert hourly["cap"] == {"amount": {"kind": "contract-share", "percent": 2}, "per": "contract"}
    assert daily["amount"] == {"kind": "contract-share", "percent": 0.03}
    assert daily["steps"] == [{"after": 5, "amount": {"kind": "contract-share", "percent": 0.1}, "whole": False}]
    assert plans["manutenzione"]["penalties_total"] == {"amount": {"kind": "contract-share", "percent": 10}, "per": "contract"}
    italian = words_of(published / "it" / "civitas" / "index.html")
    assert ("0,03% del valore del contratto per ogni giorno o frazione di ritardo, poi lo 0,1% del valore del contratto per ogni giorno "
            "dopo i primi 5 giorni") in italian
    assert "Tetto complessivo delle penali: il 10% del valore del contratto per l’intera durata del contratto" in italian
    polish = words_of(published / "pl" / "civitas" / "index.html")
    assert "a następnie 100 € za każdą godzinę zwłoki w godzinach pracy po pierwszych 8 godzinach" in polish
    swedish = words_of(published / "sv" / "civitas" / "index.html")
    assert "därefter 0,1 % av avtalets värde per dygn efter de första 5 dygnen" in swedish


def test_civitas_deadlines_skip_the_lunch_break_and_bolognas_patron_saint(published: Path) -> None:
    # Friday 1 October 2027 at 16:30, 4 office hours: one that day; Monday 4 October is San Petronio, Bologna's
    # patron saint (and Italy's St Francis day since 2026); Tuesday 08:30-11:30 gives the other three.
    assert_due(published, "civitas/manutenzione", "P1", "2027-10-01T16:30:00+02:00", (), "2027-10-05T11:30:00+02:00")
    # Monday 12:00: one hour to 13:00, the lunch break, then three from 14:00.
    assert_due(published, "civitas/manutenzione", "P1", "2026-10-05T12:00:00+02:00", (), "2026-10-05T17:00:00+02:00")


@pytest.mark.parametrize(
    ("plan", "priority", "reported", "extra", "due"),
    [
        # Thursday 18 June 2026 is the day before Midsummer Eve, open 07:30-13:00: two of the 8 hours, then Midsummer Eve
        # and the weekend, six on Monday.
        ("vindel/utokad", "P1", "2026-06-18T11:00:00+02:00", ("--metric", "resolution"), "2026-06-22T13:30:00+02:00"),
        # Maundy Thursday is no named eve: a full day, so the second hour is its first.
        ("vindel/bas", "P1", "2026-04-01T15:30:00+02:00", (), "2026-04-02T08:30:00+02:00"),
        # Wednesday 23 December is the day before Christmas Eve: 13:00 closes it, Christmas is closed until Monday 28.
        ("vindel/bas", "P1", "2026-12-23T12:00:00+01:00", (), "2026-12-28T08:30:00+01:00"),
        # The day before Ascension Day keeps its full hours.
        ("vindel/bas", "P1", "2026-05-13T14:00:00+02:00", (), "2026-05-13T16:00:00+02:00"),
    ],
)
def test_vindels_short_days_come_before_the_three_named_holidays_only(
    published: Path, plan: str, priority: str, reported: str, extra: tuple[str, ...], due: str
) -> None:
    assert_due(published, plan, priority, reported, extra, due)


def test_vindels_page_and_rules_say_the_named_eves_and_the_growing_penalty(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))["vendors"]["vindel"]
    dates = rules["calendars"]["vindel-servicetid"]["dates"]
    short = sorted(day for day, pieces in dates.items() if pieces == [["07:30", "13:00"]] and day < "2027")
    assert short == ["2026-06-18", "2026-12-23", "2026-12-30"]
    hourly = rules["plans"]["utokad"]["penalties"][0]
    assert hourly["clock"] == "business"
    assert hourly["steps"] == [{"after": 8, "amount": {"kind": "money", "amount": 2000, "currency": "SEK"}, "whole": False}]
    swedish = words_of(published / "sv" / "vindel" / "index.html")
    assert "dagen före midsommarafton, julafton och nyårsafton 07:30–13:00" in swedish
    assert "därefter 2 000 kr per timme inom kontorstid efter de första 8 timmarna" in swedish
    english = words_of(published / "en" / "vindel" / "index.html")
    assert "on the day before Midsummer Eve, Christmas Eve and New Year’s Eve 07:30 – 13:00" in english


def test_dorasanitas_penalties_are_penalty_lines_not_a_text(published: Path) -> None:
    """'0,3‰ del canone annuo per ogni ora o frazione di ritardo, fino al 10%' was a feature cell before `penalty`."""
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))["vendors"]["dorasanita"]
    base = rules["plans"]["base"]
    assert [(p["metric"], p["priority"], p["amount"]["percent"], p["amount"]["fee_period"]) for p in base["penalties"]] == [
        ("first-response", None, 0.03, "year"), ("workaround", "L1", 0.03, "year"), ("workaround", "L2", 0.03, "year"),
    ]
    assert rules["plans"]["cloud"]["penalties"] == base["penalties"]  # inherited through H24
    italian = words_of(published / "it" / "dorasanita" / "index.html")
    assert "Penali per ritardo" not in italian  # the old feature's label


LANG11_DEADLINES = [
    # (plan, priority, reported, extra fields of the question, due), each worked out by hand from the plan and docs/language.md.
    # Monday 22 June 2026 is the working day before Victory Day: open 09:00-14:00, four hours; 23 and 24 June are
    # holidays; the other four hours on Thursday.
    ("sonajalg/standard", "P2", "2026-06-22T10:00:00+03:00", {}, "2026-06-25T13:00:00+03:00"),
    # Two business days from the eve of Independence Day (Tuesday 24 February): Wednesday and Thursday, same time of day.
    ("sonajalg/enterprise", "P2", "2026-02-23T13:30:00+02:00", {"metric": "workaround"}, "2026-02-26T13:30:00+02:00"),
    # Maundy Thursday is no eve in Estonia (Good Friday is not one of the four): a full day, then Good Friday, the
    # weekend and Monday 6 April (no holiday in Estonia); 8 hours from Thursday 16:00 end on Monday at 16:00.
    ("sonajalg/standard", "P2", "2026-04-02T16:00:00+03:00", {}, "2026-04-06T16:00:00+03:00"),
    # After the 16:00 cut-off on 30 December: counted from New Year's Eve's 07:00, which closes at 12:00.
    ("moravadata/zakladni", "B", "2026-12-30T16:30:00+01:00", {}, "2026-12-31T11:00:00+01:00"),
    # 30 calendar days as 720 real hours, across the end of summer time.
    ("moravadata/zakladni", "C", "2026-10-20T10:00:00+02:00", {"metric": "resolution"}, "2026-11-19T09:00:00+01:00"),
    # A technician on site within 4 service hours: two on 23 December, then Christmas (24-26 December) and a Sunday.
    ("moravadata/rozsirena", "A", "2026-12-23T15:00:00+01:00", {"metric": "on-site"}, "2026-12-28T09:00:00+01:00"),
    # Two business days after Friday 3 July: Monday 6 July is Jan Hus Day.
    ("moravadata/zakladni", "A", "2026-07-03T10:00:00+02:00", {"metric": "resolution"}, "2026-07-08T10:00:00+02:00"),
]


def test_sonajalg_and_moravadata_read_and_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    office = rules["vendors"]["sonajalg"]["calendars"]["sonajalg-office"]["dates"]
    short = sorted(day for day, pieces in office.items() if pieces == [["09:00", "14:00"]] and day < "2027")
    assert short == ["2026-02-23", "2026-06-22", "2026-12-23", "2026-12-31"]
    enterprise = rules["vendors"]["sonajalg"]["plans"]["enterprise"]
    assert enterprise["availability"]["percent"] == 99.95
    morava = rules["vendors"]["moravadata"]["plans"]["rozsirena"]
    assert {(p["metric"], p["priority"]) for p in morava["penalties"]} == {
        ("first-response", "A"), ("workaround", "A"), ("resolution", "B"), ("resolution", "C"),
    }
    english = words_of(published / "en" / "sonajalg" / "index.html")
    for said in ("18% of the subscription price per year excl. tax, at least €1,500 per year",
                 "€2.40 per seat per month excl. tax, minimum 250 seats, billed yearly", "Included in the subscription",
                 "on the day before New Year’s Day, Independence Day, Victory Day and Christmas Eve 09:00 – 14:00"):
        assert said in english, said
    polish = words_of(published / "pl" / "moravadata" / "index.html")
    assert "Gminy do 10 000 mieszkańców" in polish and "świąt ustawowych w Czechach" in polish


@pytest.mark.parametrize(
    ("lang", "hours", "channel"),
    [
        ("en", "When support is available (Critical): 24×7", "Channels: phone (On-call line; Critical only)"),
        ("sv", "(Kritisk): ", "Kanaler: telefon (Beredskapstelefon; endast Kritisk)"),
        ("it", "(Critica): ", "Canali: telefono (Numero di reperibilità; solo Critica)"),
        ("pl", "(Krytyczna): ", "Kanały: telefon (Telefon dyżurny; tylko Krytyczna)"),
    ],
)
def test_a_tier_card_names_the_priority_and_the_line_it_adds(published: Path, lang: str, hours: str, channel: str) -> None:
    """Moravadata's Extended adds A around the clock and a second phone: its card said the office hours again and "Phone"."""
    page = (published / lang / "moravadata" / "index.html").read_text(encoding="utf-8")
    cards = page[page.index('<ul class="tcards">'):].split('<li class="tcard')
    extended = plain(cards[2][: cards[2].index("</li>\n</ul>") if "</li>\n</ul>" in cards[2] else None])
    assert hours in extended and channel in extended
    assert "07:00" not in extended  # the office hours are Basic's: the card says what Extended changes


LANG12_DEADLINES = [
    # (plan, priority, reported, extra fields of the question, due), each worked out by hand from the plan and docs/language.md.
    # Two business days from Friday 22 May 2026: Whit Monday is worked in Strasbourg (`except "Pentecost Monday"`), so
    # Monday and Tuesday, same time of day.
    ("kochersberg/essentiel", "P3", "2026-05-22T10:00:00+02:00", {}, "2026-05-26T10:00:00+02:00"),
    # The payroll on-call line: half an hour on Saturday until 13:00, the other half from Monday's 18:00.
    ("kochersberg/serenite", "P1", "2026-05-23T12:30:00+02:00", {"case": "astreinte"}, "2026-05-25T18:30:00+02:00"),
    # By the end of the next business day from Christmas Eve: 25 December, 26 December (Alsace's Saint Stephen's Day,
    # a Saturday), Sunday; Monday 28 December closes at 18:00.
    ("kochersberg/essentiel", "P1", "2026-12-24T10:00:00+01:00", {"metric": "workaround"}, "2026-12-28T18:00:00+01:00"),
    # Two hours from 11:30 on New Year's Eve (open until 12:00): half an hour, then New Year's Day, a weekend, and an
    # hour and a half from Monday's 08:30.
    ("kochersberg/serenite", "P1", "2026-12-31T11:30:00+01:00", {}, "2027-01-04T10:00:00+01:00"),
    # Four hours from Maundy Thursday 16:00: two that day; Good Friday is Alsace's holiday, Easter Monday France's.
    ("kochersberg/essentiel", "P1", "2026-04-02T16:00:00+02:00", {}, "2026-04-07T10:30:00+02:00"),
    # Sechseläuten (Monday 20 April 2026): open until 12:00, so one hour that day and one from Tuesday's 07:30.
    ("sihlmed/standard", "P2", "2026-04-20T11:00:00+02:00", {}, "2026-04-21T08:30:00+02:00"),
    # A patient-safety incident in the night after Christmas, in the tier without 24×7: one hour around the clock all the same.
    ("sihlmed/standard", "P3", "2026-12-26T03:00:00+01:00", {"case": "patient-safety"}, "2026-12-26T04:00:00+01:00"),
    # On site by the end of the next business day from New Year's Eve: 1 January, Berchtoldstag (a Saturday), Sunday;
    # Monday 4 January 2027 closes at 17:30.
    ("sihlmed/premium", "P1", "2026-12-31T09:00:00+01:00", {"metric": "on-site"}, "2027-01-04T17:30:00+01:00"),
    # Two business days from Christmas Eve: 25 and 26 December are Zurich's holidays, then Sunday; Monday and Tuesday.
    ("sihlmed/standard", "P4", "2026-12-24T10:00:00+01:00", {}, "2026-12-29T10:00:00+01:00"),
    # Knabenschiessen (Monday 14 September 2026) closes at 12:00: two hours that day, two from Tuesday's 07:30.
    ("sihlmed/standard", "P1", "2026-09-14T10:00:00+02:00", {"metric": "workaround"}, "2026-09-15T09:30:00+02:00"),
    # Premium answers P1 within 30 minutes around the clock, across midnight on Christmas Day.
    ("sihlmed/premium", "P1", "2026-12-25T23:50:00+01:00", {}, "2026-12-26T00:20:00+01:00"),
]


def test_kochersberg_and_sihlmed_read_and_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    bureau = rules["vendors"]["kochersberg"]["calendars"]["kochersberg-bureau"]["dates"]
    # Whit Monday worked, Alsace's Good Friday and Saint Stephen's Day closed, Christmas Eve a morning.
    assert "2026-05-25" not in bureau and "2027-05-17" not in bureau and "2028-06-05" not in bureau
    assert bureau["2026-04-03"] == [] and bureau["2027-12-26"] == [] and bureau["2026-12-24"] == [["08:30", "12:00"]]
    office = rules["vendors"]["sihlmed"]["calendars"]["sihlmed-office"]["dates"]
    assert office["2027-01-02"] == [] and office["2028-04-24"] == [["07:30", "12:00"]]
    premium = rules["vendors"]["sihlmed"]["plans"]["premium"]
    assert [(p["metric"], p["priority"], p["per"], p["started"]) for p in premium["penalties"]] == [("first-response", "P1", "hour", True)]
    assert rules["vendors"]["sihlmed"]["plans"]["standard"]["penalties"] == []
    cloud = rules["vendors"]["sihlmed"]["plans"]["cloud"]
    assert cloud["availability"]["percent"] == 99.9 and cloud["maintenance"] == {"calendar": "sihlmed-maintenance", "notice_minutes": 168 * 60}
    safety = {t["id"]: t for t in rules["vendors"]["sihlmed"]["plans"]["standard"]["targets"]}["first-response/all/patient-safety"]
    assert (safety["minutes"], safety["calendar"]) == (60, "sihlmed-24x7")
    english = words_of(published / "en" / "kochersberg" / "index.html")
    for said in ("except public holidays in Alsace, France; open on Pentecost Monday", "€1,600 for 20 hours excl. tax",
                 "€52 per user per month excl. tax, minimum 2 users, billed yearly", "Add-on: €180 per intervention excl. tax"):
        assert said in english, said
    italian = words_of(published / "it" / "sihlmed" / "index.html")
    for said in ("Incidenti che possono mettere a rischio un paziente", "22% del prezzo della licenza all’anno IVA esclusa",
                 "esclusi i giorni festivi in Svizzera (Zurigo)"):
        assert said in italian, said
    polish = words_of(published / "pl" / "sihlmed" / "index.html")
    assert "Spośród języków tego serwisu oferta jest dostępna tylko w tych: angielski i włoski." in polish


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_case_with_a_target_for_one_priority_gets_one_row_not_a_copy_of_every_priority(published: Path, lang: str) -> None:
    """Kochersberg's payroll on-call case sets P1 alone: its P2 and P3 rows repeated the general ones word for word, and
    the general P2 and P3 rows said "(any other case)" as if the payroll case had other times."""
    page = (published / lang / "kochersberg" / "index.html").read_text(encoding="utf-8")
    table = page[page.index('id="m-first-response"'):]
    table = table[: table.index("</table>")]
    heads = [plain(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r"<th scope=\"row\"[^>]*>(.*?)</th>", table, re.S)]
    heads = [h for h in heads if re.match(r"P\d", h)]
    case = {"en": "payroll", "pl": "płac"}[lang]
    other = {"en": "any other case", "pl": "pozostałe zgłoszenia"}[lang]
    assert [h.split()[0] for h in heads] == ["P1", "P2", "P3", "P1"], heads
    assert other in heads[0] and case in heads[3]
    assert not any(other in h or case in h for h in heads[1:3]), heads


LANG13_DEADLINES = [
    # Christmas Eve at 17:30: half an hour that day, then Christmas Day, the weekend and Boxing Day observed on Monday 28
    # December (26 December is a Saturday); Tuesday 08:00 and the other half hour.
    ("pennine/essential", "P1", "2026-12-24T17:30:00+00:00", {}, "2026-12-29T08:30:00+00:00"),
    # Resolution in the Service Hours, which open on Saturdays: two hours on Saturday 29 August, none on Sunday or on the
    # late summer bank holiday, two from Tuesday's 07:00.
    ("pennine/business", "P1", "2026-08-29T17:00:00+01:00", {"metric": "resolution"}, "2026-09-01T09:00:00+01:00"),
    # Enterprise's 15 minutes around the clock across the change to summer time at 01:00 GMT on 29 March.
    ("pennine/enterprise", "P1", "2026-03-29T00:50:00+00:00", {}, "2026-03-29T02:05:00+01:00"),
    # One business day from Thursday before Easter: Good Friday, the weekend and Easter Monday are closed.
    ("pennine/essential", "P3", "2026-04-02T15:00:00+01:00", {}, "2026-04-07T15:00:00+01:00"),
    # Half an hour on Wednesday 3 June; Corpus Christi (Thursday) is a Bavarian holiday; Friday from 08:00.
    ("frankenlohn/standard", "K1", "2026-06-03T16:30:00+02:00", {}, "2026-06-05T09:30:00+02:00"),
    # Friday closes at 15:00: one hour on Friday 18 December, three from Monday's 08:00.
    ("frankenlohn/standard", "K2", "2026-12-18T14:00:00+01:00", {}, "2026-12-21T11:00:00+01:00"),
    # Two hours on Wednesday 23 December; the 24th is closed every year, the 25th and 26th are holidays; Monday 28th.
    ("frankenlohn/premium", "K1", "2026-12-23T15:00:00+01:00", {"metric": "workaround"}, "2026-12-28T10:00:00+01:00"),
    # The last working day of January 2026 (Friday 30th) is a day of the payroll run: Premium's hotline until 20:00, while
    # Standard's Friday ends at 15:00 and goes on on Monday 2 February.
    ("frankenlohn/premium", "K1", "2026-01-30T14:30:00+01:00", {}, "2026-01-30T15:30:00+01:00"),
    ("frankenlohn/standard", "K1", "2026-01-30T14:30:00+01:00", {}, "2026-02-02T09:30:00+01:00"),
    # 31 December is closed every year, so 28 to 30 December are the last three working days: two hours of Premium's
    # on Wednesday 30th after 18:00, then 4 January (New Year's Day and the weekend between); Standard closed at 17:00.
    ("frankenlohn/premium", "K2", "2026-12-30T18:00:00+01:00", {}, "2027-01-04T10:00:00+01:00"),
    ("frankenlohn/standard", "K2", "2026-12-30T18:00:00+01:00", {}, "2027-01-04T12:00:00+01:00"),
    # Three business days from Monday 5 January skip Epiphany (Tuesday 6 January, a Bavarian holiday): Wednesday,
    # Thursday, Friday, at the time of the report.
    ("frankenlohn/standard", "K2", "2026-01-05T10:00:00+01:00", {"metric": "workaround"}, "2026-01-09T10:00:00+01:00"),
]


def test_pennine_and_frankenlohn_read_and_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    pennine = rules["vendors"]["pennine"]["plans"]
    assert pennine["essential"]["availability"]["calendar"] == "pennine-service-hours"
    assert pennine["business"]["availability"]["percent"] == 99.9 and pennine["business"]["availability"]["calendar"] == "pennine-service-hours"
    assert pennine["enterprise"]["availability"]["calendar"] is None
    assert pennine["enterprise"]["penalties"] == pennine["business"]["penalties"]  # inherited with their total
    (response,) = pennine["business"]["penalties"]
    assert response["steps"] == [{"after": 4, "amount": {"kind": "fee-share", "percent": 5, "fee_period": "month"}, "whole": True}]
    assert pennine["business"]["penalties_total"] == {"amount": {"kind": "fee-share", "percent": 50, "fee_period": "month"}, "per": "month"}
    assert pennine["essential"]["maintenance"] == {"calendar": "pennine-maintenance", "notice_minutes": 168 * 60}
    # Sõnajalg credits a share of the subscription, not of the support tier's fee (a note until session lang13).
    sonajalg = rules["vendors"]["sonajalg"]["plans"]
    assert [sonajalg[p]["availability"]["credits_of"] for p in ("standard", "premium", "enterprise")] == [None, "subscription", "subscription"]
    assert "10% of the subscription price below 99.9%" in words_of(published / "en" / "sonajalg" / "index.html")
    frankenlohn = rules["vendors"]["frankenlohn"]
    assert frankenlohn["plans"]["premium"]["availability"]["calendar"] == "frankenlohn-servicezeit"
    assert frankenlohn["plans"]["standard"]["availability"] is None
    (penalty,) = frankenlohn["plans"]["premium"]["penalties"]
    assert penalty["amount"] == {"kind": "fee-share", "percent": 0.05, "fee_period": "year"}  # 0,5 ‰ of the yearly fee
    premium = frankenlohn["calendars"]["frankenlohn-premium"]["dates"]
    late = [d for d, hours in premium.items() if d.startswith("2026-12") and hours == [["08:00", "20:00"]]]
    assert late == ["2026-12-28", "2026-12-29", "2026-12-30"]
    assert premium["2026-12-31"] == [] and premium["2026-05-29"] == [["08:00", "20:00"]]  # 30 and 31 May 2026 are a weekend
    office = frankenlohn["calendars"]["frankenlohn-servicezeit"]["dates"]
    assert office["2026-01-06"] == [] and office["2026-06-04"] == [] and office["2026-12-24"] == []
    assert "2026-08-15" not in office  # Nuremberg keeps no Assumption Day (a Saturday in 2026 anyway)
    english = words_of(published / "en" / "pennine" / "index.html")
    for said in ("99.5% per month, within service hours", "Service hours: Mon – Sat 07:00 – 19:00 UK time",
                 "≈ 1 hour, 33 minutes per month", "for the service hours of a period of 30 days (≈ 309 hours)",
                 "≈ 22 minutes per month", "then 5% of the monthly fee per hour for the whole delay once it exceeds 4 hours"):
        assert said in english, said
    for lang, said in (("sv", "varje månad de sista 3 arbetsdagarna 08:00–20:00"), ("pl", "co miesiąc w ostatnie 3 dni robocze 08:00 – 20:00"),
                       ("sv", "99 % per månad, inom servicetiden"), ("it", "99% al mese, nell’orario di servizio"),
                       ("pl", "99% miesięcznie w godzinach serwisowych"), ("en", "≈ 1 hour, 51 minutes per month")):
        assert said in words_of(published / lang / "frankenlohn" / "index.html"), (lang, said)


# outside15: an Italian public-administration contract (Navigli: the City of Milan's IT support, "giorni lavorativi",
# 08:30-17:30 with Sant'Ambrogio, penalties per working day per mille of the contract value) and a Polish SaaS helpdesk
# (Chmurdesk: three tiers per user in PLN netto, 24x7 for P1 in Enterprise only, czas reakcji and czas naprawy).
OUTSIDE15_DEADLINES = [
    # Friday 4 December 16:30: one hour that day; Monday 7 (Sant'Ambrogio, Milan) and Tuesday 8 (Immacolata) are closed.
    ("navigli/contratto", "P1", "2026-12-04T16:30:00+01:00", {}, "2026-12-09T09:30:00+01:00"),
    # By the end of the 2nd working day after Friday 4 December: Wednesday 9 and Thursday 10.
    ("navigli/contratto", "P2", "2026-12-04T10:00:00+01:00", {"metric": "resolution"}, "2026-12-10T17:30:00+01:00"),
    # On site within 4 working hours from Monday 1 June 15:00: 2½ hours that day, Republic Day closed, 1½ on Wednesday.
    ("navigli/contratto", "P1", "2026-06-01T15:00:00+02:00", {"metric": "on-site"}, "2026-06-03T10:00:00+02:00"),
    # Five working days from Christmas Eve (an open day in Italy): 28, 29, 30, 31 December and Monday 4 January.
    ("navigli/contratto", "P3", "2026-12-24T11:00:00+01:00", {"metric": "resolution"}, "2027-01-04T11:00:00+01:00"),
    # One working day from a Saturday counts from Monday's opening.
    ("navigli/contratto", "P4", "2026-11-28T10:00:00+01:00", {}, "2026-12-01T08:30:00+01:00"),
    # Enterprise's critical reaction in 30 minutes around the clock, across midnight on a Saturday.
    ("chmurdesk/enterprise", "P1", "2026-11-28T23:50:00+01:00", {}, "2026-11-29T00:20:00+01:00"),
    # Business P2 reaction 4 working hours from Friday 16:00: two that day, two from Monday's 08:00.
    ("chmurdesk/business", "P2", "2026-11-27T16:00:00+01:00", {}, "2026-11-30T10:00:00+01:00"),
    # Basic P3 reaction in 2 working days from 23 December: Wigilia (a holiday in Poland from 2025), Christmas, the weekend.
    ("chmurdesk/basic", "P3", "2026-12-23T12:00:00+01:00", {}, "2026-12-29T12:00:00+01:00"),
    # Basic P4 repair in 10 working days from 23 December skips New Year's Day and Epiphany.
    ("chmurdesk/basic", "P4", "2026-12-23T12:00:00+01:00", {"metric": "resolution"}, "2027-01-12T12:00:00+01:00"),
    # Enterprise inherits Business's P2 repair (2 working days); 11 November is Independence Day.
    ("chmurdesk/enterprise", "P2", "2026-11-09T09:00:00+01:00", {"metric": "resolution"}, "2026-11-12T09:00:00+01:00"),
    # Enterprise's critical repair in 4 real hours across the end of summer time on 25 October.
    ("chmurdesk/enterprise", "P1", "2026-10-25T01:30:00+02:00", {"metric": "resolution"}, "2026-10-25T04:30:00+01:00"),
    # Business P1 repair in 8 working hours from New Year's Eve 15:00: three that day, five from Monday 4 January.
    ("chmurdesk/business", "P1", "2026-12-31T15:00:00+01:00", {"metric": "resolution"}, "2027-01-04T13:00:00+01:00"),
]


def test_navigli_and_chmurdesk_read_and_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    navigli = rules["vendors"]["navigli"]
    office = navigli["calendars"]["navigli-ufficio"]["dates"]
    assert office["2026-12-07"] == [] and office["2026-12-08"] == [] and "2026-12-24" not in office
    contratto = navigli["plans"]["contratto"]
    penalties = {(p["metric"], p["priority"]): p for p in contratto["penalties"]}
    assert penalties[("resolution", "P1")]["amount"] == {"kind": "contract-share", "percent": 0.1}
    assert penalties[("resolution", "P1")]["per"] == "day" and penalties[("resolution", "P1")]["clock"] == "business"
    assert contratto["penalties_total"]["per"] == "contract"
    assert {o["id"]: (o.get("count"), o.get("period")) for o in contratto["obligations"]}["comitato-guida"] == (1, "quarter")
    chmurdesk = rules["vendors"]["chmurdesk"]["plans"]
    assert [c["below"] for c in chmurdesk["business"]["availability"]["credits"]] == [99.9, 99.5, 99]
    assert chmurdesk["enterprise"]["maintenance"] == {"calendar": "chmurdesk-okno", "notice_minutes": 72 * 60}
    english = words_of(published / "en" / "chmurdesk" / "index.html")
    for said in ("Only in the Enterprise tier", "20 hours", "PLN 99 per user per month excl. tax, minimum 25 users, billed yearly"):
        assert said in english, said
    polish = words_of(published / "pl" / "navigli" / "index.html")
    assert "1‰ wartości umowy za każdy rozpoczęty dzień roboczy zwłoki" in polish
    for impact, urgency, level in (("alto", "media", "P2"), ("basso", "alta", "P3")):
        answered = subprocess.run(
            [sys.executable, str(BUILD_PY), "--project", str(published.parent), "priority", "navigli", impact, urgency],
            capture_output=True, text=True, timeout=300,
        )
        assert answered.stdout.strip() == level, answered.stderr


OUTSIDE16_DEADLINES = [
    # Ascension Day (Thursday 14 May 2026) is a holiday and the Friday after it a klämdag: Monday 08:00 + 1 hour.
    ("mittnorr/bas", "P1", "2026-05-14T10:00:00+02:00", {}, "2026-05-18T09:00:00+02:00"),
    # The day before Ascension closes at 15:00: half an hour that day, 1½ on Monday 18 May.
    ("mittnorr/bas", "P2", "2026-05-13T14:30:00+02:00", {}, "2026-05-18T09:30:00+02:00"),
    # Summer hours 08-16 on Friday 3 July: two hours that day, two on Monday.
    ("mittnorr/bas", "P3", "2026-07-03T14:00:00+02:00", {}, "2026-07-06T10:00:00+02:00"),
    # New Year's Day: Friday 2 and Monday 5 January are klämdagar, Tuesday 6 Epiphany: Wednesday 08:00 + 1 hour.
    ("mittnorr/bas", "P1", "2026-01-01T10:00:00+01:00", {}, "2026-01-07T09:00:00+01:00"),
    # Monday 5 January 2026 is a klämdag and Tuesday Epiphany: 8 working hours from Wednesday 08:00.
    ("mittnorr/bas", "P4", "2026-01-05T09:00:00+01:00", {}, "2026-01-07T16:00:00+01:00"),
    # 23 December closes at 15:00 (Christmas Eve is a day off): two hours that day, two on Monday 28 December.
    ("mittnorr/bas", "P1", "2026-12-23T13:00:00+01:00", {"metric": "resolution"}, "2026-12-28T10:00:00+01:00"),
    # Three working days from Thursday 30 April: 1 May is a holiday, so Monday 4, Tuesday 5 and Wednesday 6 May.
    ("mittnorr/bas", "P3", "2026-04-30T10:00:00+02:00", {"metric": "resolution"}, "2026-05-06T10:00:00+02:00"),
    # End of the 10th working day after 17 June (Midsummer Eve is a day off) is Thursday 2 July, in summer hours.
    ("mittnorr/bas", "P4", "2026-06-17T10:00:00+02:00", {"metric": "resolution"}, "2026-07-02T16:00:00+02:00"),
    # On site by the end of the next working day; after the 15:00 cut-off it counts from Friday 5 June.
    ("mittnorr/utokad", "P2", "2026-06-04T15:30:00+02:00", {"metric": "on-site"}, "2026-06-08T17:00:00+02:00"),
    # Friday 5 June is the day before National Day (a Saturday) and closes at 15:00: two hours, then two on Monday.
    ("mittnorr/utokad", "P1", "2026-06-05T13:00:00+02:00", {"metric": "on-site"}, "2026-06-08T10:00:00+02:00"),
    # Utökad's own P2 resolution (6 working hours); Monday 5 June 2028 is a klämdag before National Day.
    ("mittnorr/utokad", "P2", "2028-06-05T09:00:00+02:00", {"metric": "resolution"}, "2028-06-07T14:00:00+02:00"),
    # Registration in 30 minutes; Friday 7 May 2027 (after Ascension) is a klämdag.
    ("mittnorr/bas", "P4", "2027-05-07T08:10:00+02:00", {"metric": "registration"}, "2027-05-10T08:30:00+02:00"),
    # San Giovanni (24 June) closes the Turin office: notification 30 minutes from Thursday 09:00.
    ("presidio/vigilanza", "S1", "2026-06-24T10:00:00+02:00", {"metric": "registration"}, "2026-06-25T09:30:00+02:00"),
    # On call: half an hour on Friday evening (until 23:00), half an hour from Saturday 09:00.
    ("presidio/vigilanza", "S1", "2026-11-27T22:30:00+01:00", {"case": "reperibilita"}, "2026-11-28T09:30:00+01:00"),
    # On call from Saturday 12:50: ten minutes until 13:00, twenty from Monday's 18:00.
    ("presidio/vigilanza", "S1", "2026-11-28T12:50:00+01:00", {"metric": "registration", "case": "reperibilita"}, "2026-11-30T18:20:00+01:00"),
    # One working day from 23 December: Christmas Eve closed every year, 25 and 26 December holidays.
    ("presidio/vigilanza", "S3", "2026-12-23T11:00:00+01:00", {}, "2026-12-28T11:00:00+01:00"),
    # Containment in 8 office hours from Friday 3 April 16:00: Easter Monday is closed, six hours on Tuesday.
    ("presidio/vigilanza", "S2", "2026-04-03T16:00:00+02:00", {"metric": "workaround"}, "2026-04-07T15:00:00+02:00"),
    # Around the clock: 15 real minutes across the end of summer time.
    ("presidio/presidio-h24", "S1", "2026-10-25T02:50:00+02:00", {"metric": "registration"}, "2026-10-25T02:05:00+01:00"),
    # Presidio H24 replaces the on-call case's targets with its own round-the-clock ones.
    ("presidio/presidio-h24", "S1", "2026-11-28T20:00:00+01:00", {"case": "reperibilita"}, "2026-11-28T20:30:00+01:00"),
    ("presidio/presidio-h24", "S3", "2026-12-24T22:00:00+01:00", {}, "2026-12-25T02:00:00+01:00"),
]


def test_mittnorr_and_presidio_read_and_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    office = rules["vendors"]["mittnorr"]["calendars"]["mittnorr-kontor"]["dates"]
    # `closed bridge days`: the author's hand-made list of klämdagar missed Friday 2 January 2026.
    for klamdag in ("2026-01-02", "2026-01-05", "2026-05-15", "2027-05-07", "2028-01-07", "2028-05-26", "2028-06-05"):
        assert office[klamdag] == [], klamdag
    assert office["2026-06-19"] == [] and office["2026-12-24"] == []  # helgfria vardagar: de facto holidays
    bas = rules["vendors"]["mittnorr"]["plans"]["bas"]
    (penalty,) = bas["penalties"]
    assert (penalty["metric"], penalty["priority"], penalty["per"], penalty["clock"]) == ("resolution", "P1", "hour", "business")
    assert {o["id"]: (o.get("count"), o.get("period")) for o in bas["obligations"]}["uppfoljningsmote"] == (1, "quarter")
    vigilanza = rules["vendors"]["presidio"]["plans"]["vigilanza"]
    assert vigilanza["maintenance"] == {"calendar": "presidio-manutenzione", "notice_minutes": 72 * 60}
    assert {(p["metric"], p["priority"]) for p in vigilanza["penalties"]} == {("registration", "S1"), ("workaround", "S1")}
    h24 = rules["vendors"]["presidio"]["plans"]["presidio-h24"]
    assert [c["below"] for c in h24["availability"]["credits"]] == [99.9, 99.5, 99]
    swedish = words_of(published / "sv" / "mittnorr" / "index.html")
    assert "Inställelsetid" in swedish and "Åtgärdstid" in swedish and "stängt klämdagar" in swedish
    italian = words_of(published / "it" / "presidio" / "index.html")
    for said in ("Tempo di notifica", "Tempo di contenimento", "Numero di reperibilità"):
        assert said in italian, said


OUTSIDE17_DEADLINES = [
    # 23 December is open 08:00–13:00 (the day before Wigilia): two hours, then Monday 28 December from 08:00.
    ("rachmistrz/standard", "A", "2026-12-23T11:00:00+01:00", {}, "2026-12-28T10:00:00+01:00"),
    # Friday 14 August 2026 is the day off given for Assumption Day on a Saturday: one hour Thursday, one on Monday.
    ("rachmistrz/biznes", "A", "2026-08-13T16:00:00+02:00", {}, "2026-08-17T09:00:00+02:00"),
    # The 25th of October 2026 is a Sunday: the VAT deadline's hours move to Monday 26, open until 20:00, then Tuesday.
    ("rachmistrz/standard", "B", "2026-10-26T18:00:00+01:00", {}, "2026-10-27T14:00:00+01:00"),
    # Monday 25 January 2027, the VAT deadline: two hours until 20:00, two from Tuesday 08:00.
    ("rachmistrz/korporacja", "C", "2027-01-25T18:00:00+01:00", {}, "2027-01-26T10:00:00+01:00"),
    # Tuesday 10 November is a day off, the 11th Independence Day: the 3rd business day is Monday 16 November.
    ("rachmistrz/standard", "D", "2026-11-09T10:00:00+01:00", {}, "2026-11-16T17:00:00+01:00"),
    # Friday 31 December 2027 is a day off for Christmas Day on a Saturday, so 30 December is a full day, no eve.
    ("rachmistrz/biznes", "C", "2027-12-30T14:00:00+01:00", {}, "2028-01-03T14:00:00+01:00"),
    # End of the next business day after 23 December: Wigilia, Christmas and the weekend are closed, and Monday 28 December
    # keeps the VAT deadline's hours until 20:00 (the 25th is Christmas Day, the 26th a holiday too).
    ("rachmistrz/biznes", "A", "2026-12-23T09:00:00+01:00", {"metric": "resolution"}, "2026-12-28T20:00:00+01:00"),
    # Reported after 23 December's 13:00 close: counted from Monday 08:00, two business days on.
    ("rachmistrz/korporacja", "B", "2026-12-23T15:00:00+01:00", {"metric": "resolution"}, "2026-12-30T08:00:00+01:00"),
    # 31 December closes at 13:00: half an hour, then Monday 4 January 2027.
    ("rachmistrz/korporacja", "A", "2026-12-31T12:30:00+01:00", {}, "2027-01-04T08:30:00+01:00"),
    # 30 April 2027 is a day off for 1 May on a Saturday, 3 May a holiday: from Tuesday 4 May 08:00.
    ("rachmistrz/standard", "A", "2027-04-30T10:00:00+02:00", {}, "2027-05-04T12:00:00+02:00"),
    # The day before Ascension closes at 15:00, and Friday 15 May is a klämdag: half an hour, then Monday.
    ("bergvik/bas", "P1", "2026-05-13T14:30:00+02:00", {}, "2026-05-18T08:30:00+02:00"),
    # Standard's P1 runs on the on-call engineers' clock, klämdag or not.
    ("bergvik/standard", "P1", "2026-05-15T23:50:00+02:00", {}, "2026-05-16T00:20:00+02:00"),
    # Friday 2 and Monday 5 January 2026 are klämdagar around Epiphany: from Wednesday 7 January.
    ("bergvik/standard", "P2", "2026-01-02T10:00:00+01:00", {}, "2026-01-07T09:00:00+01:00"),
    # The last day of summer hours (08:00–16:00): one hour on Friday 7 August, three from Monday's 08:00.
    ("bergvik/standard", "P3", "2026-08-07T15:00:00+02:00", {}, "2026-08-10T11:00:00+02:00"),
    # Premium's P2 is on call too: Midsummer Day at 03:00.
    ("bergvik/premium", "P2", "2026-06-20T03:00:00+02:00", {}, "2026-06-20T03:30:00+02:00"),
    # Two business days from Tuesday 22 December: the short 23rd, then Monday 28 December.
    ("bergvik/bas", "P4", "2026-12-22T10:00:00+01:00", {}, "2026-12-28T10:00:00+01:00"),
    # End of the next business day after 30 December: New Year's Eve and Day are days off, so Monday 4 January 2027.
    ("bergvik/standard", "P2", "2026-12-30T16:00:00+01:00", {"metric": "resolution"}, "2027-01-04T17:00:00+01:00"),
    # Ascension Day 2027 and the klämdag after it: the 2nd business day after 5 May is Tuesday 11 May.
    ("bergvik/premium", "P3", "2027-05-05T09:00:00+02:00", {"metric": "resolution"}, "2027-05-11T17:00:00+02:00"),
    # Two real hours across the end of summer time: 01:30 CEST is 23:30 UTC, so 01:30 UTC, 02:30 CET.
    ("bergvik/premium", "P1", "2026-10-25T01:30:00+02:00", {"metric": "resolution"}, "2026-10-25T02:30:00+01:00"),
    # The day before Midsummer Eve closes at 15:00: two hours, Midsummer Eve and Day closed, six hours on Monday 22 June.
    ("bergvik/bas", "P1", "2026-06-18T13:00:00+02:00", {"metric": "resolution"}, "2026-06-22T14:00:00+02:00"),
]


def test_rachmistrz_and_bergvik_read_and_export_as_written(published: Path) -> None:
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    office = rules["vendors"]["rachmistrz"]["calendars"]["rachmistrz-biuro"]["dates"]
    assert office["2026-12-23"] == [["08:00", "13:00"]] and office["2026-12-31"] == [["08:00", "13:00"]]
    assert office["2026-12-24"] == [] and office["2027-12-31"] == []  # Wigilia; a day off for Christmas Day on a Saturday
    assert office["2026-08-25"] == [["08:00", "20:00"]] and "2026-10-25" not in office  # the 25th, or the working day after
    assert office["2026-10-26"] == [["08:00", "20:00"]] and office["2026-12-28"] == [["08:00", "20:00"]]
    assert "2026-01-05" not in office  # the day before Epiphany keeps its full hours: eves before two holidays only
    korporacja = rules["vendors"]["rachmistrz"]["plans"]["korporacja"]
    assert [(o["id"], o.get("period")) for o in korporacja["obligations"]] == [("przeglad-kwartalny", "quarter"), ("telefon-a", None)]
    kontor = rules["vendors"]["bergvik"]["calendars"]["bergvik-kontor"]["dates"]
    for klamdag in ("2026-01-02", "2026-01-05", "2026-05-15", "2027-05-07"):
        assert kontor[klamdag] == [], klamdag
    assert kontor["2026-06-18"] == [["08:00", "15:00"]] and kontor["2026-08-07"] == [["08:00", "16:00"]]
    premium = rules["vendors"]["bergvik"]["plans"]["premium"]
    assert [c["below"] for c in premium["availability"]["credits"]] == [99.95, 99.5, 99]
    penalties = {(p["metric"], p["priority"]): p for p in premium["penalties"]}
    assert set(penalties) == {("first-response", "P1"), ("first-response", "P2"), ("resolution", "P1")}
    assert rules["vendors"]["bergvik"]["plans"]["bas"]["penalties"] == []
    polish = words_of(published / "pl" / "rachmistrz" / "index.html")
    assert "netto" in polish and "Sektor publiczny" in polish
    swedish = words_of(published / "sv" / "bergvik" / "index.html")
    assert "stängt klämdagar" in swedish and "Jourtelefon" in swedish


# Each set of deadlines worked out by hand for the outside offers of a session, asked of `tierwise due --batch` and of the
# JavaScript evaluator over the published rules (session 25's are asked with two refusals, above).
HAND_WORKED = {
    "dorasanita, kuura (session 26)": SESSION_26_DEADLINES,
    "maresia, caledon": OFFERS_7_DEADLINES,
    "sonajalg, moravadata": LANG11_DEADLINES,
    "kochersberg, sihlmed": LANG12_DEADLINES,
    "pennine, frankenlohn": LANG13_DEADLINES,
    "navigli, chmurdesk (outside15)": OUTSIDE15_DEADLINES,
    "mittnorr, presidio (outside16)": OUTSIDE16_DEADLINES,
    "rachmistrz, bergvik (outside17)": OUTSIDE17_DEADLINES,
}


def _questions(deadlines: list[tuple[str, str, str, dict[str, str], str]]) -> list[dict[str, str]]:
    return [{"plan": plan, "priority": priority, "at": at, **extra} for plan, priority, at, extra, _ in deadlines]


@pytest.mark.parametrize("deadlines", HAND_WORKED.values(), ids=HAND_WORKED.keys())
def test_the_hand_worked_deadlines_in_python(published: Path, deadlines: list[tuple[str, str, str, dict[str, str], str]]) -> None:
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(published.parent), "due", "--batch", "-"],
        input="".join(json.dumps(q) + "\n" for q in _questions(deadlines)), capture_output=True, text=True, timeout=300,
    )
    assert [json.loads(line) for line in done.stdout.splitlines()] == [{"due": due} for *_, due in deadlines], done.stderr


@pytest.mark.parametrize("deadlines", HAND_WORKED.values(), ids=HAND_WORKED.keys())
def test_the_hand_worked_deadlines_in_javascript(published: Path, deadlines: list[tuple[str, str, str, dict[str, str], str]]) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    rules = json.loads((published / "rules" / "all.json").read_text(encoding="utf-8"))
    done = subprocess.run(
        [node, str(ROOT / "tests" / "support" / "sla_answers.mjs")], cwd=ROOT, capture_output=True, text=True, timeout=120,
        input=json.dumps({"rules": rules, "questions": _questions(deadlines)}) + "\n",
    )
    assert json.loads(done.stdout) == [{"due": due} for *_, due in deadlines], done.stderr
