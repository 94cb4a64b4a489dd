"""A reader who sees less: pages zoomed to 200 % on a phone, forced colours (Windows high contrast), and a page
printed from a browser in the dark scheme.

- 200 % zoom on a 390 px phone leaves 195 CSS px: the language index's vendor cards, the chooser of languages,
  the "Service per tier" boxes (a grid of columns at least 16, 15 and 17 rem wide) and Amanda's impact × urgency
  matrix (columns as wide as their longest word) made the page scroll sideways. Only the comparison's table scrolls,
  in its own box, as it does at any width.
- Forced colours drop every background: the calculator's "Calculate", a filled button without a border, was left as
  a bare word among the fields.
- Printing keeps the light scheme: a browser in the dark scheme printed the headings, the tier cards and the table
  heads in the dark scheme's near-white ink (the print rules set only the body's colour) on white paper.
"""

from __future__ import annotations

from typing import Any

import pytest

from browser.conftest import VENDORS

ZOOMED_PHONE = {"width": 195, "height": 422}
"""A 390 × 844 phone at 200 % zoom, in CSS pixels."""

ZOOMED_PAGES = ["/index.html"] + [
    f"/{lang}/{page}" for lang in ("sv", "it", "pl", "en")
    for page in ("index.html", "amanda/index.html", "esri/index.html", "norrdrift/index.html", "infor/index.html")
]


@pytest.mark.parametrize("path", ZOOMED_PAGES)
def test_a_phone_at_200_percent_zoom_never_scrolls_sideways(visitor: Any, check: Any, path: str) -> None:
    page = visitor.open(path, viewport=ZOOMED_PHONE, reuse=True).page
    overflow = check.overflow(page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], f"{path}: {overflow['culprits']}"


SMALL_ZOOMED_PHONE = {"width": 160, "height": 370}
"""A 320 × 740 phone at 200 % zoom (WCAG 2.1's reflow width, SC 1.4.10, doubled), in CSS pixels."""


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_320_px_phone_at_200_percent_zoom_never_scrolls_sideways(visitor: Any, check: Any, lang: str) -> None:
    # Pages15: at 160 px a contact's phone number (kept on one line), the phone's tier chooser (a fieldset as wide as
    # its longest word and its legend) and the comparison's "Select all" and "Clear all" (never wrapped) stuck out
    # by 2 to 27 px; every <details> open, as a reader may have them.
    for path in [f"/{lang}/index.html", f"/{lang}/compare/index.html"] + [f"/{lang}/{v}/index.html" for v in VENDORS]:
        page = visitor.open(path, viewport=SMALL_ZOOMED_PHONE, reuse=True).page
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        overflow = check.overflow(page)
        assert overflow["scrollWidth"] <= overflow["clientWidth"], f"{path}: {overflow['culprits']}"


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_the_priority_matrix_at_200_percent_zoom_keeps_every_column_on_the_screen(visitor: Any, lang: str) -> None:
    page = visitor.open(f"/{lang}/amanda/index.html", viewport=ZOOMED_PHONE, reuse=True).page
    right = page.evaluate("Math.max(...[...document.querySelectorAll('.matrix th, .matrix td')].map(c => c.getBoundingClientRect().right))")
    assert right <= ZOOMED_PHONE["width"], f"the matrix reaches {right}px"


def test_a_phone_at_normal_size_keeps_the_matrixs_words_whole(visitor: Any) -> None:
    # The zoomed layout (fixed, equal columns) is for narrow screens in rem only: at 320 px it cut "påverkan".
    page = visitor.open("/sv/amanda/index.html", viewport={"width": 320, "height": 740}, reuse=True).page
    assert page.evaluate("getComputedStyle(document.querySelector('.matrix')).tableLayout") == "auto"


@pytest.mark.parametrize("path", ["/it/synerity/index.html", "/pl/compare/index.html"])
def test_in_forced_colours_every_button_shows_its_edge(visitor: Any, path: str) -> None:
    page = visitor.open(path, forced_colors="active", color_scheme="dark", reuse=True).page
    page.locator("button.now").first.wait_for(state="visible")  # the calculators show once their rules are in
    bare = page.evaluate(
        """() => [...document.querySelectorAll('.calc button, button.now, a.cta')]
             .filter(b => b.getClientRects().length && getComputedStyle(b).borderTopStyle === 'none')
             .map(b => b.textContent.trim())"""
    )
    assert bare == [], f"{path}: buttons without an edge in forced colours: {bare}"


@pytest.mark.parametrize("path", ["/en/synerity/index.html", "/sv/amanda/index.html", "/pl/compare/index.html"])
def test_a_page_printed_from_the_dark_scheme_prints_dark_ink(visitor: Any, path: str) -> None:
    visit = visitor.open(path, color_scheme="dark", viewport={"width": 794, "height": 1123})
    page = visit.page
    page.emulate_media(media="print", color_scheme="dark")
    light = page.evaluate(
        """() => {
             const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number); return (r + g + b) / 3 };
             return [...document.querySelectorAll('h1, h2, h3, th, td, .price, .cta, p, li, caption')]
               .filter(e => e.getClientRects().length && e.textContent.trim())
               .filter(e => lum(getComputedStyle(e).color) > 128)
               .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 30)).slice(0, 5)
           }"""
    )
    assert light == [], f"{path}: printed in light ink on white paper: {light}"
