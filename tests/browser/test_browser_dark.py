"""Dark mode (issue 9): prefers-color-scheme swaps the colour tokens, and axe finds nothing in either scheme."""

from __future__ import annotations

import pytest

PAGES = [
    "/index.html", "/en/index.html", "/sv/stratiteq/index.html", "/pl/infor/index.html", "/it/synerity/index.html",
    "/en/compare/index.html", "/404.html",
]


@pytest.mark.parametrize("path", PAGES)
def test_axe_reports_no_violations_in_the_dark_scheme(visitor, check, path) -> None:
    visit = visitor.open(path, color_scheme="dark", bypass_csp=True, reuse=True)
    page = visit.page
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background != "rgb(255, 255, 255)", f"{path}: the dark scheme keeps a white page"
    if page.locator("#calculator").count():
        page.locator("#calculator").wait_for(state="visible")
    violations = check.axe(page)
    assert violations == [], f"{path} (dark):\n{check.describe_violations(violations)}"
