"""Prices that change on a date in real Chromium: the coming price is read on the vendor page in each
language, which still loads cleanly, passes axe-core's WCAG 2.1 A/AA rules and fits 360 px.

None of the seed vendors announces a price change, so the page is built from the hand-written vendor of
tests/support/catalogue.py with one price of the Enterprise tier changing on 1 January 2027.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dsl.language.loader import load_text
from dsl.site.publish import build_into
from support.catalogue import PLAN

PAGE = "/{lang}/acme/index.html"
NOW = "    price schools 500 EUR per year incl tax\n"
DATED = PLAN.replace(NOW, NOW + "    price schools 550 EUR per year incl tax from 2027-01-01\n")


@pytest.fixture(scope="module")
def dated_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert DATED != PLAN  # the catalogue still has the line the change is written under
    out = tmp_path_factory.mktemp("dated-prices-site")
    result = load_text(DATED, "acme.plan")
    assert not result.errors, [d.message for d in result.errors]
    build_into(result.project, out, (2026, 2028), "http://127.0.0.1/")
    return out


@pytest.fixture
def visitor_of_dated(make_visitor, dated_dir):
    return make_visitor(dated_dir)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("sv", "från och med 1 januari 2027"), ("it", "dal 1º gennaio 2027"), ("pl", "od 1 stycznia 2027"), ("en", "from 1 January 2027")],
)
def test_the_coming_price_is_read_on_the_page_which_passes_axe(visitor_of_dated, check, lang, words):
    visit = visitor_of_dated.open(PAGE.format(lang=lang), bypass_csp=True)
    visit.page.wait_for_load_state("networkidle")
    assert visit.problems() == [], "\n".join(visit.problems())
    prices = visit.page.locator("tbody").first.inner_text().replace("\u00a0", " ").replace("\u202f", " ")
    assert words in prices
    violations = check.axe(visit.page)
    assert violations == [], check.describe_violations(violations)


def test_the_page_with_a_coming_price_fits_360px(visitor_of_dated, check):
    page = visitor_of_dated.open(PAGE.format(lang="pl"), viewport=check.narrow).page
    result = check.overflow(page)
    assert result["scrollWidth"] <= result["clientWidth"], ", ".join(result["culprits"])
