"""A calendar closed on a subdivision's holidays names it as each language writes a place (session 22, an outside author).

`closed holidays IT MI` read "Italy (Milano)" in English and, inside the Polish sentence's own brackets,
"(Włochy (Milano))". The subdivision now comes before its country, as an address writes it ("Milano, Italy";
Italian, whose sentence has no brackets, "Italia (Milano)"), never in nested brackets.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dsl.cli import main
from dsl.site import views as site
from support.language_plans import vendor_of
from support.site import plain as said
from support.site import words

PLAN = """vendor acme {
  name "Acme"
  language en
  calendar office {
    zone Europe/Rome
    open mon-fri 09:00-18:00
    closed holidays IT MI
  }
  priorities levels { level P1 { name "P1" } }
  plan std {
    name "Standard"
    target first-response P1 4h on office
  }
}
"""



@pytest.mark.parametrize(
    ("lang", "place"),
    [
        ("sv", "utom allmänna helgdagar i Milano, Italien"),
        ("it", "esclusi i giorni festivi in Italia (Milano)"),
        ("pl", "z wyjątkiem świąt ustawowych (Milano, Włochy)"),
        ("en", "except public holidays in Milano, Italy"),
    ],
)
def test_the_subdivision_is_named_before_its_country_without_nested_brackets(lang: str, place: str) -> None:
    acme = vendor_of(PLAN)
    text = said(site.calendar_text(acme.calendars[0], site.Reader(lang, words()[lang], acme)))
    assert text.endswith(place)
    assert "((" not in text.replace(" ", "") and "))" not in text.replace(" ", "")


def test_a_built_page_names_the_subdivision_in_each_language(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.plan").write_text(PLAN, encoding="utf-8")
    assert main(["--project", str(tmp_path), "build", "--quiet"]) == 0
    pl = said((tmp_path / "_site" / "pl" / "acme" / "index.html").read_text(encoding="utf-8"))
    assert "(Milano, Włochy)" in pl and "(Włochy (Milano))" not in pl
    en = said((tmp_path / "_site" / "en" / "acme" / "index.html").read_text(encoding="utf-8"))
    assert "except public holidays in Milano, Italy" in en
