"""Fixtures and markers shared by the test modules (shared helper code lives in tests/support/)."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from dsl.language.loader import load_project
from dsl.language.model import Project
from dsl.rules.export import export_project
from support import rules_vectors
from support.paths import PLANS

SEED_VENDORS = {"esri", "stratiteq", "infor", "amanda", "synerity"}
BROWSER_TESTS = Path(__file__).resolve().parent / "browser"

# The gate (CI, a session's last run) draws the same examples every run: a failure it reports belongs to the change
# under test, never to a draw no one can repeat. Exploring for new failures draws fresh ones (README, "Quick start").
settings.register_profile("gate", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("TIERWISE_HYPOTHESIS", "gate"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ drives Chromium: mark it, so `-m "not browser"` is a fast inner loop."""
    for item in items:
        if BROWSER_TESTS in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def shipped() -> Project:
    """The model of the plan files in plans/, which must load without errors and hold the five seed vendors."""
    result = load_project([PLANS])
    assert not result.errors, [f"{d.pos}: {d.message}" for d in result.errors]
    assert result.project is not None
    missing = SEED_VENDORS - {v.id for v in result.project.vendors}
    assert not missing, f"plans/ lacks the vendor(s) {sorted(missing)}"
    return result.project


@pytest.fixture(scope="session")
def vector_project() -> Project:
    """The project the conformance vectors are computed from (the seed plans and tests/conformance's lab vendor)."""
    return rules_vectors.load()


@pytest.fixture(scope="session")
def vector_rules(vector_project: Project) -> dict:
    """That project's rule JSON over the vectors' years, as tests/conformance/rules.json holds it."""
    return export_project(vector_project, rules_vectors.YEARS)
