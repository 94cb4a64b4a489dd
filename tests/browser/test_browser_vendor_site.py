"""A vendor's own site (issue 9): `mode = "vendor"` with a brand, built from the real Stratiteq plan.

The site's root and each language's root are Stratiteq's page; the calculator works there (its rules
and scripts are found from the top of the site as from a language folder), the brand's style sheet
and logo load, and axe finds nothing.
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
from support.paths import BUILD_PY, PLANS

SETTINGS = """[site]
title = "Stratiteq support"
base_url = "https://support.stratiteq.example/"
mode = "vendor"
vendor = "stratiteq"

[brand]
name = "Stratiteq"
logo = "brand/logo.svg"
accent = "#9a3412"
font = "Georgia, serif"
"""


@pytest.fixture(scope="module")
def vendor_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("vendor-project")
    shutil.copytree(PLANS, root / "plans")
    (root / "brand").mkdir()
    (root / "brand" / "logo.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' fill='#9a3412'/></svg>", encoding="utf-8"
    )
    (root / "tierwise.toml").write_text(SETTINGS, encoding="utf-8")
    out = root / "_site"
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(root), "build", "--years", "2026-2028"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("path", ["/index.html", "/sv/index.html"])
def test_the_root_is_the_vendors_page_and_its_calculator_works(vendor_site, make_visitor, check, path) -> None:
    visit = make_visitor(vendor_site).open(path, timezone_id="Europe/Stockholm")
    page = visit.page
    expect(page.locator("h1")).to_have_text("Stratiteq")
    expect(ask(page, "sos", "P3", "2026-11-23", "15:00")).to_have_text(re.compile(r"24\D+2026\D+14:00"))
    assert visit.problems() == []  # brand.css, the logo, the rules and the scripts all loaded
    assert any(r.endswith("/assets/brand.css") for r in visit.requests)
    logo = page.locator("header .brand img")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    link = page.evaluate("getComputedStyle(document.querySelector('main a')).color")
    assert link == "rgb(154, 52, 18)"  # the brand's accent
    assert "Georgia" in page.evaluate("getComputedStyle(document.body).fontFamily")
    violations = check.axe(page)
    assert violations == [], check.describe_violations(violations)
