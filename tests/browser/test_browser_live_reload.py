"""`serve` in a real Chromium: a page reloads itself after a good build, and shows a failed build's errors."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from support.paths import PLANS
from support.serving import fetch, serve_process, wait_for, write_newer

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [{"width": 360, "height": 740}, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
def test_a_page_follows_the_plan_through_a_broken_and_a_fixed_save(browser: Any, tmp_path: Path, viewport: dict[str, int]) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("shared.plan", "stratiteq.plan"):
        shutil.copy(PLANS / name, plans / name)
    plan = plans / "stratiteq.plan"
    source = plan.read_text(encoding="utf-8")
    with serve_process(plans, tmp_path / "_site", tmp_path / "serve.log", tmp_path) as (port, _server):
        page = browser.new_page(viewport=viewport)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        url = f"http://127.0.0.1:{port}/sv/stratiteq/"
        wait_for(lambda: fetch(url))  # the first build done, the server listening
        page.goto(url)
        assert page.text_content("h1") == "Stratiteq"

        write_newer(plan, source.replace('name "Stratiteq"', 'name "Stratiteq Renamed"', 1))
        page.wait_for_function("document.querySelector('h1').textContent === 'Stratiteq Renamed'", timeout=30_000)

        write_newer(plan, source.replace("vendor stratiteq {", "vendor stratiteq {{", 1))
        box = page.locator("#tierwise-build-error")
        box.wait_for(state="visible", timeout=30_000)
        assert box.get_attribute("role") == "alert"
        shown = box.locator("pre").text_content() or ""
        assert "stratiteq.plan:12:19: error[T0101]" in shown
        assert page.text_content("h1") == "Stratiteq Renamed"  # still the last good site beneath
        # The report stays inside the screen; long lines scroll inside it rather than widen the page.
        width = page.evaluate("document.documentElement.clientWidth")
        assert box.bounding_box()["width"] <= width
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        close = box.get_by_role("button", name="Close")
        size = close.bounding_box()
        assert size["width"] >= 24 and size["height"] >= 24
        close.click()
        assert box.is_hidden()

        write_newer(plan, source)
        page.wait_for_function("document.querySelector('h1').textContent === 'Stratiteq'", timeout=30_000)
        assert page.locator("#tierwise-build-error").count() == 0  # a fresh page: no report left over
        assert errors == []
        page.close()
