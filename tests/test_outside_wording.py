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
    spaced = re.sub(r"[\u00a0\u202f\u2009]", " ", str(text).replace("\u2060", ""))
    return spaced.replace(" – ", "–")  # a range is spaced or not by locale; the words are what is tested


@pytest.fixture(scope="module")
def kwadrat(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kwadrat")
    render_site(Project((_vendor("kwadrat"),)), out, words(), "https://example.org/", warnings=site.Warnings())
    return out


def test_a_polish_tier_named_pakiet_is_not_called_pakiet_twice(kwadrat: Path, tmp_path: Path) -> None:
    html = plain((kwadrat / "pl" / "kwadrat" / "index.html").read_text(encoding="utf-8"))
    # Kwadrat's own description says what the tier builds on ("Jak Pakiet Podstawowy, …"), so its card does not say it
    # again (pages13); with a description that does not, the card's line names the tier in the nominative, so it reads
    # right whatever the tier is called.
    assert "Jak Pakiet Podstawowy" in html and "Wszystko, co obejmuje" not in html
    assert not re.search(r"pakiet\w* Pakiet", html, re.I)
    text = (OUTSIDE / "kwadrat.plan").read_text(encoding="utf-8").replace('pl "Jak Pakiet Podstawowy, z telefonem', 'pl "Z telefonem')
    result = load_text(text, "kwadrat.plan")
    (vendor,) = result.project.vendors
    render_site(Project((vendor,)), tmp_path, words(), "https://example.org/", warnings=site.Warnings())
    html = plain((tmp_path / "pl" / "kwadrat" / "index.html").read_text(encoding="utf-8"))
    assert "Wszystko, co obejmuje Pakiet Podstawowy, i więcej" in html
    assert not re.search(r"pakiet\w* Pakiet", html, re.I)


CALENDAR = """vendor v {
  name "V"
  language en
  calendar office {
    zone Europe/Rome
    open mon-fri 08:00-17:00
    closed 2026-08-14
    closed 2027-01-08
    hours 2026-12-24 08:00-12:00
    hours 2026-12-31 08:00-12:00
    hours 2027-01-11 08:00-12:00
  }
  plan p { name "P" }
}
"""


def _calendar_text(lang: str) -> str:
    result = load_text(CALENDAR, "v.plan")
    assert [d for d in result.diagnostics if d.severity == "error"] == []
    (vendor,) = result.project.vendors
    return plain(site.calendar_text(vendor.calendars[0], site.Reader(lang, words()[lang], vendor)))


def test_italian_repeats_the_article_before_every_date_of_a_list() -> None:
    text = _calendar_text("it")
    assert "chiuso il 14 agosto 2026 e l’8 gennaio 2027" in text
    assert "il 24 dicembre 2026, il 31 dicembre 2026 e l’11 gennaio 2027 08:00–12:00" in text


@pytest.mark.parametrize(
    ("lang", "closed", "other"),
    [
        ("en", "closed on 14 August 2026 and 8 January 2027", "on 24 December 2026, 31 December 2026 and 11 January 2027 08:00–12:00"),
        ("sv", "stängt 14 augusti 2026 och 8 januari 2027", "; 24 december 2026, 31 december 2026 och 11 januari 2027 08:00–12:00"),
        ("pl", "nieczynne 14 sierpnia 2026 i 8 stycznia 2027", "; 24 grudnia 2026, 31 grudnia 2026 i 11 stycznia 2027 08:00–12:00"),
    ],
)
def test_the_other_languages_list_bare_dates(lang: str, closed: str, other: str) -> None:
    text = _calendar_text(lang)
    assert closed in text and other in text
