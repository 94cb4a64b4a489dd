"""Fixtures shared by the test modules."""

from pathlib import Path

import pytest

from dsl.language.loader import load_project
from dsl.language.model import Project

ROOT = Path(__file__).resolve().parent.parent


SEED_VENDORS = {"esri", "stratiteq", "infor", "amanda", "synerity"}


@pytest.fixture(scope="session")
def shipped() -> Project:
    """The model of the plan files in plans/, which must load without errors and hold the five seed vendors."""
    result = load_project([ROOT / "plans"])
    assert not result.errors, [f"{d.pos}: {d.message}" for d in result.errors]
    missing = SEED_VENDORS - {v.id for v in result.project.vendors}
    assert not missing, f"plans/ lacks the vendor(s) {sorted(missing)}"
    return result.project
