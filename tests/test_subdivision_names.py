"""A calendar closed on a subdivision's holidays names it as each language writes a place (session 22, an outside author).

`closed holidays IT MI` read "Italy (Milano)" in English and, inside the Polish sentence's own brackets,
"(Włochy (Milano))". The subdivision now comes before its country, as an address writes it ("Milano, Italy";
Italian, whose sentence has no brackets, "Italia (Milano)"), never in nested brackets. And in the page language
("Mediolan, Włochy", "Milan, Italy", "Bawaria, Niemcy"): neither CLDR nor the holidays package names subdivisions in
other languages (the package has the place's own name), so the site's catalog has those whose name differs between its
languages (views.subdivision_names).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language import datasets
from dsl.language.model import Calendar, HolidaySource
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
        ("pl", "z wyjątkiem świąt ustawowych (Mediolan, Włochy)"),
        ("en", "except public holidays in Milan, Italy"),
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
    assert "(Mediolan, Włochy)" in pl and "(Włochy (" not in pl
    en = said((tmp_path / "_site" / "en" / "acme" / "index.html").read_text(encoding="utf-8"))
    assert "except public holidays in Milan, Italy" in en


def _reader(lang: str) -> site.Reader:
    return site.Reader(lang, words()[lang], vendor_of(PLAN))


def test_every_named_subdivision_is_one_the_holidays_package_knows() -> None:
    names = site.subdivision_names(_reader("en"))
    assert len(names) > 50
    for code in names:
        country, subdivision = code.split("-", 1)
        assert subdivision in datasets.holiday_subdivisions(country), code


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_every_subdivision_has_a_name_in_each_language(lang: str) -> None:
    english, own = site.subdivision_names(_reader("en")), site.subdivision_names(_reader(lang))
    assert own.keys() == english.keys()
    assert all(name.strip() for name in own.values())


@pytest.mark.parametrize(
    ("country", "subdivision", "names"),
    [
        ("DE", "BY", {"sv": "Bayern, Tyskland", "it": "Germania (Baviera)", "pl": "Bawaria, Niemcy", "en": "Bavaria, Germany"}),
        ("GB", "SCT", {"sv": "Skottland, Storbritannien", "it": "Regno Unito (Scozia)", "pl": "Szkocja, Wielka Brytania",
                       "en": "Scotland, United Kingdom"}),
        ("ES", "CT", {"sv": "Katalonien, Spanien", "it": "Spagna (Catalogna)", "pl": "Katalonia, Hiszpania", "en": "Catalonia, Spain"}),
        ("AT", "9", {"sv": "Wien, Österrike", "it": "Austria (Vienna)", "pl": "Wiedeń, Austria", "en": "Vienna, Austria"}),
        # The package calls it by its French name, "Alsace", on every page (Kochersberg's calendar, an outside author's).
        ("FR", "6AE", {"sv": "Alsace, Frankrike", "it": "Francia (Alsazia)", "pl": "Alzacja, Francja", "en": "Alsace, France"}),
        # Not in the table: the holidays package's own name, the same on every page.
        ("AT", "8", {"sv": "Vorarlberg, Österrike", "pl": "Vorarlberg, Austria", "en": "Vorarlberg, Austria"}),
    ],
)
def test_a_calendars_subdivision_is_named_in_the_page_language(country: str, subdivision: str, names: dict[str, str]) -> None:
    calendar = Calendar("c", None, holidays=(HolidaySource(country, subdivision),))
    for lang, place in names.items():
        text = site.calendar_text(calendar, _reader(lang))
        assert place in text.replace("\u00a0", " "), (lang, text)
