"""The availability table and the comparison's availability column, on the seed plans with tests/plans/nimbus.plan.

The seed offers state no availability, so the published seed site has neither; here a hosted vendor with
three tiers of uptime commitments is published beside them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.paths import BUILD_PY, PLANS, ROOT

NIMBUS = ROOT / "tests" / "plans" / "nimbus.plan"


@pytest.fixture(scope="module")
def uptime_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("uptime-project")
    shutil.copytree(PLANS, root / "plans")
    shutil.copy(NIMBUS, root / "plans" / "nimbus.plan")
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(root), "build", "--years", "2026-2028"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return root / "_site"


@pytest.mark.parametrize("lang", ["sv", "pl"])
@pytest.mark.parametrize("width", [360, 320])
def test_the_availability_table_fits_a_phone(uptime_site, make_visitor, check, lang: str, width: int) -> None:
    page = make_visitor(uptime_site).open(f"/{lang}/nimbus/index.html", viewport={"width": width, "height": 740}).page
    assert page.locator("#uptime table tbody tr").count() == 4
    result = check.overflow(page)
    assert result["scrollWidth"] <= result["clientWidth"], result["culprits"]


def test_the_vendor_page_and_the_comparison_with_availability_pass_axe(uptime_site, make_visitor, check) -> None:
    visitor = make_visitor(uptime_site)
    for path in ("/it/nimbus/index.html", "/it/compare/index.html"):
        violations = check.axe(visitor.open(path, bypass_csp=True).page)
        assert violations == [], f"{path}:\n{check.describe_violations(violations)}"


def test_sorting_by_availability_puts_the_least_downtime_first_and_unstated_last(uptime_site, make_visitor) -> None:
    page = make_visitor(uptime_site).open("/en/compare/index.html").page
    page.locator("#cmp-tools").wait_for(state="visible")
    page.locator("#cmp thead th[data-key=availability] button").click()
    shown = page.eval_on_selector_all("#cmp tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.plan)")
    assert shown[:3] == ["nimbus/enterprise", "nimbus/business", "nimbus/basic"]
    # The availability column by its head: the penalties column (Wisła's) may follow it.
    texts = page.evaluate(
        """() => {
          const index = [...document.querySelectorAll('#cmp thead th')].findIndex(th => th.dataset.key === 'availability');
          return [...document.querySelectorAll('#cmp tbody tr')].map(r => r.cells[index].textContent);
        }"""
    )
    assert texts[0].startswith("99.95% per month") and texts[-1] == "Not stated"


@pytest.fixture(scope="module")
def service_hours_site(tmp_path_factory) -> Path:
    """Two outside offers whose availability is measured within service hours (session lang13): the cell holds the
    promise and the calendar's whole sentence, the longest words of the table."""
    root = tmp_path_factory.mktemp("service-hours-project")
    (root / "plans").mkdir()
    for vendor in ("pennine", "frankenlohn"):
        shutil.copy(ROOT / "tests" / "plans" / "outside" / f"{vendor}.plan", root / "plans")
    done = subprocess.run([sys.executable, str(BUILD_PY), "--project", str(root), "build", "--quiet"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return root / "_site"


@pytest.mark.parametrize(("lang", "vendor_id"), [("pl", "frankenlohn"), ("it", "frankenlohn"), ("en", "pennine")])
def test_the_service_hours_of_an_availability_fit_a_phone(service_hours_site, make_visitor, check, lang: str, vendor_id: str) -> None:
    page = make_visitor(service_hours_site).open(f"/{lang}/{vendor_id}/index.html", viewport={"width": 320, "height": 740}).page
    assert page.locator("#uptime table tbody tr").count() >= 3
    result = check.overflow(page)
    assert result["scrollWidth"] <= result["clientWidth"], result["culprits"]
