"""A calendar's state, region or province is named in the page language: "Bawaria, Niemcy", not "Bayern, Niemcy".

Neither CLDR nor the holidays package names subdivisions in other languages (the package has the place's own name),
so the site's catalog has those whose name differs between its languages (views.subdivision_names).
"""

from __future__ import annotations

import pytest

from dsl.language import datasets
from dsl.language.model import Calendar, HolidaySource
from dsl.site import views
from support.site import ACME, words


def _reader(lang: str) -> views.Reader:
    return views.Reader(lang, words()[lang], ACME)


def test_every_named_subdivision_is_one_the_holidays_package_knows() -> None:
    names = views.subdivision_names(_reader("en"))
    assert len(names) > 50
    for code in names:
        country, subdivision = code.split("-", 1)
        assert subdivision in datasets.holiday_subdivisions(country), code


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_every_subdivision_has_a_name_in_each_language(lang: str) -> None:
    english, own = views.subdivision_names(_reader("en")), views.subdivision_names(_reader(lang))
    assert own.keys() == english.keys()
    assert all(name.strip() for name in own.values())


@pytest.mark.parametrize(
    ("country", "subdivision", "names"),
    [
        ("DE", "BY", {"sv": "Bayern, Tyskland", "it": "Germania (Baviera)", "pl": "Bawaria, Niemcy", "en": "Bavaria, Germany"}),
        ("GB", "SCT", {"sv": "Skottland, Storbritannien", "it": "Regno Unito (Scozia)", "pl": "Szkocja, Wielka Brytania", "en": "Scotland, United Kingdom"}),
        ("ES", "CT", {"sv": "Katalonien, Spanien", "it": "Spagna (Catalogna)", "pl": "Katalonia, Hiszpania", "en": "Catalonia, Spain"}),
        ("AT", "9", {"sv": "Wien, Österrike", "it": "Austria (Vienna)", "pl": "Wiedeń, Austria", "en": "Vienna, Austria"}),
        # Not in the table: the holidays package's own name, the same on every page.
        ("AT", "8", {"sv": "Vorarlberg, Österrike", "pl": "Vorarlberg, Austria", "en": "Vorarlberg, Austria"}),
    ],
)
def test_a_calendars_subdivision_is_named_in_the_page_language(country: str, subdivision: str, names: dict[str, str]) -> None:
    calendar = Calendar("c", None, holidays=(HolidaySource(country, subdivision),))
    for lang, place in names.items():
        text = views.calendar_text(calendar, _reader(lang))
        assert place in text.replace("\u00a0", " "), (lang, text)
