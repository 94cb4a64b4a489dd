"""Wording on the site that an outside author found unnatural (session 22), seen on their own plans."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dsl.language.loader import load_text
from dsl.language.model import Project, Vendor
from dsl.site import views as site
from dsl.site.render import render_site
from support.paths import ROOT
from support.site import words

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

OUTSIDE = ROOT / "tests" / "plans" / "outside"


def _vendor(name: str) -> Vendor:
    result = load_text((OUTSIDE / f"{name}.plan").read_text(encoding="utf-8"), f"{name}.plan")
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    (vendor,) = result.project.vendors
    return vendor


def plain(text: str) -> str:
    return re.sub(r"[\u00a0\u202f\u2009]", " ", str(text).replace("\u2060", ""))


@pytest.fixture(scope="module")
def kwadrat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kwadrat")
    render_site(Project((_vendor("kwadrat"),)), out, words(), "https://example.org/", warnings=site.Warnings())
    return out


def test_a_polish_tier_named_pakiet_is_not_called_pakiet_twice(kwadrat: Path) -> None:
    html = plain((kwadrat / "pl" / "kwadrat" / "index.html").read_text(encoding="utf-8"))
    # The name stays in the nominative, so the heading reads right whatever the tier is called.
    assert "Wszystko, co obejmuje Pakiet Podstawowy, i więcej" in html
    assert not re.search(r"pakiet\w* Pakiet", html, re.I)
