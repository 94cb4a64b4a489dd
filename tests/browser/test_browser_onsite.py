"""The calculator's "Technician on site" (format 1.6), in a real browser, on the outside vendors' site.

Nordwerk's Komfort promises a technician on site within 4 service hours for critical incidents; Cobalt
promises no on-site time, so its calculator does not offer the choice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser.calculator import ask
from support.paths import BUILD_PY, ROOT

OUTSIDE = ROOT / "tests" / "plans" / "outside"
# Friday 27 November 2026 15:00 in Munich: 2 service hours that day, 2 on Monday -> Monday 10:00.
ANSWERS = {
    "sv": ("Tekniker på plats", r"måndag 30 november 2026\D+10:00"),
    "it": ("Intervento on-site", r"lunedì 30 novembre 2026\D+10:00"),
    "pl": ("Przyjazd technika", r"poniedziałek,? 30 listopada 2026\D+10:00"),
    "en": ("Technician on site", r"Monday, (November 30|30 November),? 2026\D+10:00"),
}


@pytest.fixture(scope="module")
def outside_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("outside-project")
    shutil.copytree(OUTSIDE, root / "plans")
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(root), "build", "--years", "2026-2028"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return root / "_site"


@pytest.mark.parametrize("lang", sorted(ANSWERS))
def test_the_calculator_counts_the_on_site_time(outside_site, make_visitor, lang: str) -> None:
    title, answer = ANSWERS[lang]
    visit = make_visitor(outside_site).open(f"/{lang}/nordwerk/index.html", timezone_id="Europe/Berlin", locale=lang)
    page = visit.page
    # A short hyphenated word carries a word joiner (U+2060) after its hyphen, so that "on-site" never breaks.
    whole = "^" + re.escape(title).replace("\\-", "-\u2060?") + "$"
    expect(page.locator('#c-metric option[value="on-site"]')).to_have_text(re.compile(whole))
    expect(ask(page, "komfort", "P1", "2026-11-27", "15:00", metric="on-site")).to_have_text(re.compile(answer))
    assert visit.problems() == [], "\n".join(visit.problems())


def test_a_vendor_without_on_site_times_is_not_offered_the_choice(outside_site, make_visitor) -> None:
    visit = make_visitor(outside_site).open("/en/cobalt/index.html", timezone_id="Europe/Berlin", locale="en")
    page = visit.page
    page.locator("#calculator").wait_for(state="visible")
    assert page.locator('#c-metric option[value="first-response"]').count() == 1
    assert page.locator('#c-metric option[value="on-site"]').count() == 0
