"""The calculators' date fields read and write the page language's date, not the browser's.

An `<input type=date>` showed 11/28/2026 on the Italian page in an American browser. The fields are now text in the
pattern of the page's CLDR locale (formatting.date_entry), with a hint written in it and a note that confirms, in the
page's words, which day was read, or says how to write one. Each browser here is American (en-US), so a field that
followed the browser would show itself.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from playwright.sync_api import expect

from dsl.language.vocabulary import LANGUAGES
from dsl.site import formatting as fmt
from dsl.site.views import DATE_EXAMPLE

US = {"locale": "en-US", "timezone_id": "Europe/Stockholm"}


def _long(day: date, lang: str) -> str:
    """The day in full as CLDR writes it in the page's locale, the weekday in it ("lunedì 23 novembre 2026")."""
    return str(format_date(day, "full", locale=fmt.locale(lang)))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_date_field_writes_and_reads_the_pages_date(visitor, lang: str) -> None:
    visit = visitor.open(f"/{lang}/stratiteq/index.html", **US)
    page = visit.page
    page.locator("#calculator").wait_for(state="visible")
    field = page.locator("#c-at")
    # Filled with the coming Friday, the page's way; the hint shows the pattern with a day above 12.
    expect(field).to_have_value(fmt.date_in_entry(_coming_friday(), lang))
    assert page.locator("#c-at-hint").inner_text().endswith(fmt.date_in_entry(DATE_EXAMPLE, lang))
    # The day typed the page's way is confirmed in full, in the page's language, and answered.
    field.fill(fmt.date_in_entry(DATE_EXAMPLE, lang))
    page.fill("#c-time", "15:00")
    page.select_option("#c-priority", "P3")
    page.locator("#calculator button[type=submit]").click()
    note = page.locator("#c-at-note").inner_text()
    assert _words(note) == _words(_long(DATE_EXAMPLE, lang)), note
    out = page.locator("#calculator .out").inner_text()
    assert "2026" in out and "14:00" in out, out  # Tuesday 24 November 14:00, the seed's answer
    assert field.get_attribute("aria-invalid") is None
    assert visit.problems() == [], "\n".join(visit.problems())


def _coming_friday() -> date:
    """The day of the coming Friday 16:00 in Stockholm (today, if it is Friday before 16:00)."""
    now = datetime.now(ZoneInfo("Europe/Stockholm"))
    ahead = (4 - now.weekday()) % 7 or (0 if now.hour < 16 else 7)
    return (now + timedelta(days=ahead)).date()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_both_forms_start_at_the_coming_friday_say_so_and_take_the_current_time(visitor, lang: str) -> None:
    # The vendor pages' calculator started at the current minute and "who answers first?" at next Friday 16:00, neither
    # saying which: a reader comparing the two pages' answers compared two different moments.
    friday = fmt.date_in_entry(_coming_friday(), lang)
    preset = {}
    for path, prefix, box in ((f"/{lang}/esri/index.html", "c", "#calculator"), (f"/{lang}/compare/index.html", "w", "#first")):
        visit = visitor.open(path, **US)
        page = visit.page
        page.locator(box).wait_for(state="visible")
        expect(page.locator(f"#{prefix}-at")).to_have_value(friday)
        expect(page.locator(f"#{prefix}-time")).to_have_value("16:00")
        preset[prefix] = page.locator(f"{box} .preset").inner_text()
        assert "16:00" in preset[prefix]
        before = page.locator(f"{box} .out, {box} #first-t tbody").first.inner_text()
        page.locator(f"{box} button.now").click()
        now = datetime.now(ZoneInfo("Europe/Stockholm"))
        expect(page.locator(f"#{prefix}-at")).to_have_value(fmt.date_in_entry(now.date(), lang))
        typed = datetime.strptime(page.input_value(f"#{prefix}-time"), "%H:%M").replace(year=now.year, month=now.month, day=now.day)
        assert abs(typed - now.replace(tzinfo=None, second=0, microsecond=0)) <= timedelta(minutes=1)
        after = page.locator(f"{box} .out, {box} #first-t tbody").first.inner_text()
        assert after and after != before, "answered again for the current time"
        assert visit.problems() == [], "\n".join(visit.problems())
    assert preset["c"] == preset["w"], "both forms say the same moment in the same words"


def _words(text: str) -> list[str]:
    """The words of a date, without punctuation: Intl and CLDR may differ by a comma after the weekday."""
    return re.findall(r"\w+", text.replace("\u2060", ""))


@pytest.mark.parametrize(("lang", "typed"), [("en", "11/23/2026"), ("it", "31/02/2026"), ("pl", "23.11.26"), ("sv", "igår")])
def test_a_date_not_in_the_pages_pattern_is_refused_in_words(visitor, lang: str, typed: str) -> None:
    # An American month-first date on the British page, a day February lacks, a short year, a word: none is guessed at.
    visit = visitor.open(f"/{lang}/stratiteq/index.html", **US)
    page = visit.page
    page.locator("#calculator").wait_for(state="visible")
    field = page.locator("#c-at")
    field.fill(typed)
    field.dispatch_event("change")
    note = page.locator("#c-at-note")
    expect(field).to_have_attribute("aria-invalid", "true")
    assert fmt.date_in_entry(DATE_EXAMPLE, lang) in note.inner_text()
    assert "error" in (note.get_attribute("class") or "")
    # The note is part of the field's description, so a screen reader says it with the field.
    assert "c-at-note" in (field.get_attribute("aria-describedby") or "").split()
    assert page.locator("#calculator .out").inner_text().strip()  # and the answer line says the date is missing
    # Typing a good date clears the error as soon as it is whole, without leaving the field.
    field.fill(fmt.date_in_entry(DATE_EXAMPLE, lang))
    expect(field).not_to_have_attribute("aria-invalid", "true")
    expect(note).not_to_have_class(re.compile("error"))


def test_an_iso_date_is_understood_on_every_page(visitor) -> None:
    # Pasted from a ticket, 2026-11-23 can only mean one day, whatever the page's pattern.
    visit = visitor.open("/pl/stratiteq/index.html", **US)
    page = visit.page
    page.locator("#calculator").wait_for(state="visible")
    page.fill("#c-at", "2026-11-23")
    page.dispatch_event("#c-at", "change")
    assert _words(page.locator("#c-at-note").inner_text()) == _words(_long(DATE_EXAMPLE, "pl"))


def test_the_comparison_shows_a_shared_day_the_pages_way_and_shares_it_as_iso(visitor) -> None:
    visit = visitor.open("/it/compare/index.html?at=2026-11-23&time=16:00", wait_until="networkidle", **US)
    page = visit.page
    page.locator("#first").wait_for(state="visible")
    expect(page.locator("#w-at")).to_have_value("23/11/2026")
    assert _words(page.locator("#w-at-note").inner_text()) == _words(_long(DATE_EXAMPLE, "it"))
    page.fill("#w-at", "24/11/2026")
    page.dispatch_event("#w-at", "change")
    assert parse_qs(urlsplit(page.url).query)["at"] == ["2026-11-24"]


def test_the_italian_note_says_the_first_of_the_month_as_italian_does(visitor) -> None:
    """Intl writes "mercoledì 1 luglio 2026"; the pages, and so the note, say "1º luglio" (primo)."""
    visit = visitor.open("/it/stratiteq/index.html", **US)
    page = visit.page
    page.locator("#calculator").wait_for(state="visible")
    page.locator("#c-at").fill("01/07/2026")
    page.locator("#c-at").dispatch_event("change")
    expect(page.locator("#c-at-note")).to_have_text("mercoledì 1º luglio 2026")
    page.locator("#c-at").fill("11/07/2026")
    expect(page.locator("#c-at-note")).to_have_text("sabato 11 luglio 2026")
    assert visit.problems() == [], "\n".join(visit.problems())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_time_with_a_full_stop_is_read_and_a_bad_one_is_marked(visitor, lang: str) -> None:
    # "15.00" is how many Swedes, Italians and Poles write a time; the calculator answered it with "Enter a date and a
    # time" under a date that was fine, and marked neither field.
    visit = visitor.open(f"/{lang}/stratiteq/index.html", **US)
    page = visit.page
    page.locator("#calculator").wait_for(state="visible")
    page.fill("#c-at", fmt.date_in_entry(DATE_EXAMPLE, lang))
    page.select_option("#c-priority", "P3")
    out, time = page.locator("#calculator .out"), page.locator("#c-time")
    time.fill("15:00")
    time.dispatch_event("change")
    with_colon = out.inner_text()
    assert "14:00" in with_colon, with_colon  # Tuesday 24 November 14:00, the seed's answer
    for typed in ("15.00", "1500"):
        time.fill(typed)
        time.dispatch_event("change")
        assert out.inner_text() == with_colon, typed
        expect(time).not_to_have_attribute("aria-invalid", "true")
    time.fill("25:00")
    time.dispatch_event("change")
    # The time field, not the date, is marked (a red border; its hint "For example 16:00" describes it).
    expect(time).to_have_attribute("aria-invalid", "true")
    assert page.locator("#c-at").get_attribute("aria-invalid") is None
    assert out.inner_text() == page.locator("#calculator").get_attribute("data-invalid")
    assert visit.problems() == [], "\n".join(visit.problems())


def test_the_comparison_reads_a_time_with_a_full_stop_and_shares_it_with_a_colon(visitor) -> None:
    visit = visitor.open("/sv/compare/index.html?at=2026-11-23&time=16:00", wait_until="networkidle", **US)
    page = visit.page
    page.locator("#first").wait_for(state="visible")
    answers = page.locator("#first-t tbody").inner_text()
    page.fill("#w-time", "16.00")
    page.dispatch_event("#w-time", "change")
    assert page.locator("#first-t tbody").inner_text() == answers
    assert parse_qs(urlsplit(page.url).query)["time"] == ["16:00"]
    page.fill("#w-time", "16:75")
    page.dispatch_event("#w-time", "change")
    expect(page.locator("#w-time")).to_have_attribute("aria-invalid", "true")
    assert page.locator("#w-at").get_attribute("aria-invalid") is None


FIELDS = """
(box) => [...document.querySelectorAll(`${box} input:not([type]), ${box} select`)].map(f => ({
  id: f.id, mode: f.inputMode, labels: [...f.labels].map(l => l.innerText.trim()),
  described: (f.getAttribute('aria-describedby') || '').split(' ').filter(Boolean).map(i => document.getElementById(i) !== null),
}))
"""


@pytest.mark.parametrize(("path", "box"), [("/sv/stratiteq/index.html", "#calculator"), ("/pl/compare/index.html", "#first")])
def test_a_phone_gets_a_number_pad_for_the_date_and_time_and_every_field_its_label(visitor, path: str, box: str) -> None:
    # A phone showed its full keyboard, letters first, for "2026-11-23" and "16:00". The date's pad has a separator key
    # ("decimal"; any separator is read), the time's none ("numeric": "1600" is read as 16:00).
    page = visitor.open(path, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, **US).page
    page.locator(box).wait_for(state="visible")
    fields = {f["id"]: f for f in page.evaluate(FIELDS, box)}
    prefix = "c" if box == "#calculator" else "w"
    assert fields[f"{prefix}-at"]["mode"] == "decimal" and fields[f"{prefix}-time"]["mode"] == "numeric", fields
    for field in fields.values():
        assert len(field["labels"]) == 1 and field["labels"][0], f"{field['id']} has no label of its own"
        assert all(field["described"]), f"{field['id']} is described by an element that is not there"
    # What a number pad types: the time without its colon, the date with the pad's separator.
    page.fill(f"#{prefix}-time", "1600")
    page.fill(f"#{prefix}-at", "2026,11,23" if path.startswith("/sv") else "23,11,2026")
    page.locator(f"#{prefix}-time").press("Tab")
    assert page.locator(f"#{prefix}-at").get_attribute("aria-invalid") is None
    assert page.locator(f"#{prefix}-time").get_attribute("aria-invalid") in (None, "false")
    assert "23" in page.locator(f"#{prefix}-at-note").inner_text()


@pytest.mark.parametrize(
    ("lang", "zone", "said"),
    [
        ("it", "Europe/Rome", " ora italiana"),  # an Italian reader of a Swedish vendor: the language's own zone
        ("it", "Europe/Stockholm", " ora svedese"),  # the vendor's zone, as its tables name it
        ("pl", "Europe/Warsaw", " czasu polskiego"),
        # pages15: a reader in another of the site's four countries, named as the tables would name it, not by Intl's
        # "czas środkowoeuropejski" (a nominative after a Polish time) or "centraleuropeisk tid"
        ("pl", "Europe/Rome", " czasu włoskiego"),
        ("sv", "Europe/Warsaw", " polsk tid"),
        # pages16: a zone the site has no words for, by its offset from UTC after a label, alike in the four languages:
        # Intl's Polish name stood after "godz. 14:00" in the nominative, or was no name ("czas: Wielka Brytania").
        ("pl", "Atlantic/Reykjavik", " (strefa czasowa przeglądarki: UTC)"),
        ("pl", "Asia/Tokyo", " (strefa czasowa przeglądarki: UTC+9)"),
        ("sv", "Asia/Tokyo", " (din tidszon: UTC+9)"),
        ("en", "America/Sao_Paulo", " (your time zone: UTC\u22123)"),
        ("it", "Asia/Kathmandu", " (il vostro fuso orario: UTC+5:45)"),
    ],
)
def test_the_calculator_names_the_readers_zone_in_words(visitor, lang: str, zone: str, said: str) -> None:
    # It answered "… 08:00 CET (lokal tid)": an abbreviation, and "(your local time)" where the page could name it.
    page = visitor.open(f"/{lang}/norrdrift/index.html", locale="en-US", timezone_id=zone).page
    page.locator("#calculator").wait_for(state="visible")
    out = page.locator("#calculator .out")
    expect(out).to_have_text(re.compile(r"\d\d:\d\d"))
    text = out.inner_text().strip()
    ends = text.endswith(said) if said.startswith(" ") else said in text.rsplit(":", 1)[-1]
    assert ends and "/" not in text and "GMT" not in text and "CET" not in text, text
