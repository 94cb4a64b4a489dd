"""Fixtures shared by the test modules."""

from pathlib import Path

import pytest

from dsl.loader import load_project
from dsl.model import Project, Vendor

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def shipped() -> Project:
    """The model of the plan files in plans/, which must load without errors."""
    result = load_project([ROOT / "plans"])
    assert not result.errors, [f"{d.pos}: {d.message}" for d in result.errors]
    return result.project


def shipped_vendor(project: Project, vendor_id: str) -> Vendor:
    """One vendor of the shipped plans; fails the test when it is missing."""
    vendor = project.vendor(vendor_id)
    assert vendor is not None, f"plans/ has no vendor '{vendor_id}'"
    return vendor
