"""The catalogue's new page elements in real Chromium: the recommended tier's label, the publisher's
notes apart from the vendor's, add-on and not-stated cells, the source line and the calculator's
left-out tiers, all loading cleanly, passing axe-core's WCAG 2.1 A/AA rules, fitting 360 px.

None of the five seed vendors recommends a tier or sells add-ons, so the page is built from the
hand-written vendor of tests/support/catalogue.py (the one tests/test_catalogue.py uses), with the same publishing code as the real site.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.calculator import typed_day
from dsl.language.loader import load_text
from dsl.site.publish import build_into
from support.catalogue import PLAN

PAGE = "/{lang}/acme/index.html"


@pytest.fixture(scope="module")
def catalogue_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("catalogue-site")
    result = load_text(PLAN, "acme.plan")
    assert not result.errors
    build_into(result.project, out, (2026, 2028), "http://127.0.0.1/")
    return out


@pytest.fixture
def visitor_of_catalogue(make_visitor, catalogue_dir):
    return make_visitor(catalogue_dir)


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_catalogue_page_loads_cleanly_and_passes_axe(visitor_of_catalogue, check, lang):
    path = PAGE.format(lang=lang)
    visit = visitor_of_catalogue.open(path, bypass_csp=True)
    visit.page.wait_for_load_state("networkidle")
    assert visit.problems() == [], "\n".join(visit.problems())
    violations = check.axe(visit.page)
    assert violations == [], check.describe_violations(violations)


def test_recommended_tier_is_labelled_in_words_and_notes_are_apart(visitor_of_catalogue):
    page = visitor_of_catalogue.open(PAGE.format(lang="en")).page
    badge = page.locator("th.rec .badge")
    assert badge.is_visible() and badge.inner_text().strip().lower() == "recommended"
    head = page.locator("th.rec").inner_text()
    assert "Enterprise" in head and "Also applies to: Trial customers" in head
    aside = page.locator("#compare aside.editorial")
    assert aside.is_visible() and "Written by us, not by the vendor." in aside.inner_text()
    assert "Explained by us." in aside.inner_text()
    assert "Explained by us." not in page.locator("#compare ol.notes").first.inner_text()
    assert page.locator("p.source a").get_attribute("href") == "https://acme.example/terms.pdf"
    # The "not stated" cell says so to the eye (it was blank, with words for screen readers only) and to a screen reader.
    unstated = page.get_by_role("cell", name="Not stated", exact=True)
    assert unstated.count() == 1 and unstated.is_visible() and unstated.inner_text().strip() == "Not stated"
    assert unstated.bounding_box()["height"] > 10 and unstated.evaluate("c => getComputedStyle(c).fontStyle") == "italic"
    assert page.locator("td.addon").first.inner_text().replace("\u2060", "").startswith("Add-on")  # a word joiner keeps "Add-on" whole
    page.locator("#calculator").wait_for(state="visible")
    assert "Community (no support)" in page.locator("#calculator .left-out").inner_text()


def test_catalogue_page_fits_360px(visitor_of_catalogue, check):
    page = visitor_of_catalogue.open(PAGE.format(lang="pl"), viewport=check.narrow).page
    result = check.overflow(page)
    assert result["scrollWidth"] <= result["clientWidth"], ", ".join(result["culprits"])


def _answer(page, plan: str) -> str:
    page.select_option("#c-plan", plan)
    page.fill("#c-at", typed_day(page, "2026-11-23"))
    page.fill("#c-time", "16:00")
    page.locator("#calculator button[type=submit]").click()
    out = page.locator("#calculator .out")
    expect(out).not_to_have_text("")
    text = out.inner_text()
    out.evaluate("el => { el.textContent = ''; }")  # so the next answer is seen to arrive
    return text


def test_the_calculator_answers_trial_users_as_the_tier_whose_terms_apply(visitor_of_catalogue):
    visit = visitor_of_catalogue.open(PAGE.format(lang="en"), timezone_id="Europe/Stockholm", locale="en")
    page = visit.page
    page.locator("#calculator").wait_for(state="visible")
    trial, enterprise, team = _answer(page, "trial"), _answer(page, "enterprise"), _answer(page, "team")
    assert trial == enterprise and "09:00" in trial  # 2 h from Monday 16:00 on office hours: Tuesday 09:00
    assert team != trial
    assert visit.problems() == [], "\n".join(visit.problems())
