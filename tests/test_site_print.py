"""The print stylesheet: every vendor comparison fits the width of an A4 page, in Debian's Chromium.

It drives Chromium like the tests in tests/browser/ but needs none of their harness, so it stays here,
marked `browser` and `slow` by hand (tests/conftest.py marks only what is under tests/browser/).
"""

from __future__ import annotations

import os
from io import StringIO
from pathlib import Path

import pytest

from dsl.language.loader import load_project
from dsl.language.vocabulary import LANGUAGES
from dsl.site.publish import publish
from support.paths import PLANS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path(os.environ.get("TIERWISE_CHROMIUM", "/usr/bin/chromium"))
# A4 is 210 mm wide; the print stylesheet's @page margins are 12 mm on each side.
A4_CONTENT_PX = round((210 - 2 * 12) / 25.4 * 96)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> tuple[Path, int]:
    result = load_project([PLANS])
    assert result.project is not None
    out = tmp_path_factory.mktemp("print") / "_site"
    assert publish(result.project, out, (2026, 2027), stderr=StringIO()) == 0
    return out, len(result.project.vendors)


def test_every_vendor_page_fits_a4_when_printed(printed) -> None:
    printed, vendors = printed
    from playwright.sync_api import sync_playwright

    assert CHROMIUM.exists(), "install Debian's chromium package (apt-get install chromium)"
    too_wide = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": A4_CONTENT_PX, "height": 1100})
            page.emulate_media(media="print")
            for path in sorted(printed.glob("*/*/index.html")):
                page.goto(path.as_uri())
                width = page.evaluate("document.documentElement.scrollWidth")
                # Paper cannot be filtered, sorted or ticked: the comparison's tools and tick boxes are left out too.
                hidden = page.evaluate(
                    "['.langs', '.toc', '#calculator', '#cmp-tools', '#first', '#cmp input.choose'].every("
                    "s => [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none'))"
                )
                if width > A4_CONTENT_PX or not hidden:
                    too_wide.append((path.relative_to(printed).as_posix(), width, hidden))
            pdf = page.pdf(format="A4")
        finally:
            browser.close()
    assert too_wide == []
    assert pdf.startswith(b"%PDF")
    # Every vendor page and (issue 9) each language's comparison across vendors were printed.
    assert len(list(printed.glob("*/*/index.html"))) == len(LANGUAGES) * (vendors + 1)
