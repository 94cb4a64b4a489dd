"""The calculator (issue 9): years outside the rules said as such, 24-hour times whatever the browser's
locale, and an entry under "On this page" once it works."""

from __future__ import annotations

import re

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
