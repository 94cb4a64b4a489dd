"""The calculator (issue 9): years outside the rules said as such, 24-hour times whatever the browser's
locale, and an entry under "On this page" once it works."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from browser.calculator import ask


def _ask(page, day: str, time: str, priority: str = "P3") -> None:
    ask(page, "sos", priority, day, time)


def test_a_deadline_after_the_covered_years_says_which_years_are_covered(visitor) -> None:
    # Stratiteq P3 reported Friday 2028-12-29 16:00: its deadline falls in 2029, after the build's 2026-2028.
    visit = visitor.open("/en/stratiteq/index.html", timezone_id="Europe/Stockholm", locale="en-US")
    _ask(visit.page, "2028-12-29", "16:00")
    out = visit.page.locator("#calculator .out")
    expect(out).to_have_text(re.compile(r"after 2028.*2026 to 2028"))
    assert "no guaranteed time" not in out.inner_text()


def test_a_moment_outside_the_covered_years_names_them(visitor) -> None:
    visit = visitor.open("/sv/stratiteq/index.html", timezone_id="Europe/Stockholm")
    _ask(visit.page, "2031-03-03", "10:00")
    expect(visit.page.locator("#calculator .out")).to_have_text(re.compile(r"2026\D+2028"))


def test_an_en_us_browser_reads_and_answers_in_24_hour_time(visitor) -> None:
    # The page is British English: the answer shows 14:00, never "02:00 PM", in a US browser too.
    visit = visitor.open("/en/stratiteq/index.html", timezone_id="Europe/Stockholm", locale="en-US")
    _ask(visit.page, "2026-11-23", "15:00")
    out = visit.page.locator("#calculator .out")
    expect(out).to_have_text(re.compile(r"Tuesday,? 24 November 2026\D+14:00"))
    assert not re.search(r"\b[AP]M\b", out.inner_text())


def test_a_time_that_is_not_24_hour_is_refused(visitor) -> None:
    visit = visitor.open("/it/stratiteq/index.html", timezone_id="Europe/Stockholm")
    _ask(visit.page, "2026-11-23", "3 PM")
    expect(visit.page.locator("#calculator .out")).to_have_text(re.compile(r"\S"))
    assert "2026" not in visit.page.locator("#calculator .out").inner_text()


def test_the_calculator_is_listed_on_this_page_once_it_works(visitor) -> None:
    visit = visitor.open("/pl/stratiteq/index.html")
    page = visit.page
    page.locator("#calculator").wait_for(state="visible")
    link = page.locator("nav.toc a[href='#calculator']")
    expect(link).to_be_visible()
    off = visitor.open("/pl/stratiteq/index.html", java_script_enabled=False)
    assert not off.page.locator("nav.toc a[href='#calculator']").is_visible()


SHIFTS = """
() => new Promise((done) => {
  const seen = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput) seen.push([e.value, e.sources.map((s) => s.node?.id || s.node?.nodeName || '?').join(',')]);
    }
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(seen), 100);
})
"""


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_the_calculators_entry_under_on_this_page_moves_nothing_when_it_shows(visitor, lang: str) -> None:
    # Shown once the rules had loaded, the entry wrapped the list on a desktop: the comparison below jumped a line
    # (a layout shift of 0.07 on Cassalink's Polish page). Its room is kept while the page has scripts.
    shifted = {}
    for vendor in ("amanda", "cassalink", "stratiteq", "wisla"):
        page = visitor.open(f"/{lang}/{vendor}/index.html", viewport={"width": 1440, "height": 900}, wait_until="networkidle").page
        page.locator("#calculator").wait_for(state="visible")
        expect(page.locator("nav.toc a[href='#calculator']")).to_be_visible()
        if shifts := page.evaluate(SHIFTS):
            shifted[vendor] = shifts
    assert shifted == {}
