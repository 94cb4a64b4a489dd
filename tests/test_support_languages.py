"""`support languages`: the languages a customer is helped in (issue 9's compare column, issue 8's model).

Parser and inheritance, diagnostics with their place and hint, the vendor page's "Languages of
support" per tier in four languages, the compare page's column and filter, and the JSON-LD.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from dsl.language.model import Project
from dsl.site import compare
from dsl.site import views as site
from dsl.site.render import render_site
from dsl.site.structured import vendor_json_ld
from support.language_plans import HEADER, problems, vendor_of
from support.site import compare_view, rich_project, words

PLANS = """  support languages sv, en
  plan basic { name "Basic" }
  plan nordic extends basic { name "Nordic" support languages sv, fi, en }
  plan nordic-plus extends nordic { name "Nordic Plus" }
}
"""


def test_a_plan_names_its_own_languages_else_its_parents_else_the_vendors() -> None:
    vendor = vendor_of(HEADER + PLANS)
    assert vendor.support_languages == ("sv", "en")
    assert [vendor.languages_of(p) for p in vendor.plans] == [("sv", "en"), ("sv", "fi", "en"), ("sv", "fi", "en")]
    assert vendor_of(HEADER + '  plan a { name "A" }\n}\n').languages_of(vendor.plans[0]) == ()


def test_a_language_written_out_gets_its_code_as_the_hint_at_its_place() -> None:
    found = problems(HEADER + "  support languages sv, english, xq\n}\n")
    assert found == [
        ("unknown language 'english'", 4, 25, "did you mean 'en'? Languages are written as ISO 639 codes"),
        ("unknown language 'xq'", 4, 34, "write the ISO 639 code of the language, such as sv, it, pl or en"),
    ]
    # A name in a site language is known too, and a near-miss code gets the nearest code.
    assert problems(HEADER + "  support languages polski\n}\n")[0][3] == "did you mean 'pl'? Languages are written as ISO 639 codes"


def test_a_language_twice_is_a_warning_and_two_lists_an_error() -> None:
    assert problems(HEADER + "  support languages sv, en, sv\n}\n", "warning") == [
        ("the language 'sv' is listed twice", 4, 29, "name each language once")
    ]
    assert vendor_of(HEADER + "  support languages sv, en, sv\n}\n").support_languages == ("sv", "en")
    (message, line, _col, _hint), = problems(HEADER + '  plan a {\n    name "A"\n    support languages sv\n    support languages en\n  }\n}\n')
    assert (message, line) == ("plan 'a' has more than one 'support languages'", 7)


def test_codes_for_no_language_are_refused() -> None:
    assert [p[0] for p in problems(HEADER + "  support languages zxx, und\n}\n")] == ["unknown language 'zxx'", "unknown language 'und'"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Swedish, Finnish and English"),
        ("sv", "Svenska, finska och engelska"),
        ("it", "Svedese, finlandese e inglese"),
        ("pl", "Szwedzki, fiński i angielski"),
    ],
)
def test_each_tier_names_its_languages_in_the_page_language(lang: str, expected: str) -> None:
    vendor = vendor_of(HEADER + PLANS)
    services = site.plan_services(vendor, site.Reader(lang, words()[lang], vendor))
    assert [s.languages.replace("\u00a0", " ") for s in services][1:] == [expected, expected]  # Polish "i\u00a0angielski"
    assert not services[0].empty  # languages alone are something to say


def _with_languages() -> Project:
    acme, beta = rich_project().vendors
    plans = tuple(replace(p, support_languages=("it", "en")) if p.id == acme.plans[0].id else p for p in acme.plans)
    return Project((replace(acme, support_languages=("sv", "en"), plans=plans), beta))


def test_the_compare_page_has_the_column_and_filter_only_when_some_tier_states_languages() -> None:
    plain = compare_view(rich_project(), "en")
    assert "languages" not in [c.key for c in plain.columns] and plain.languages == ()
    page = compare_view(_with_languages(), "sv")
    keys = [c.key for c in page.columns]
    assert keys[-1] == "languages" and page.columns[-1].label == "Supportspråk"
    rows = page.rows
    cells = {r.key: r.cells[keys.index("languages") - 1] for r in rows}
    acme = _with_languages().vendors[0]
    assert str(cells[f"acme/{acme.plans[0].id}"].text) == "Italienska och engelska"
    assert str(cells[f"acme/{acme.plans[1].id}"].text) == "Svenska och engelska"
    beta_row = next(r for r in rows if r.vendor_id == "beta")
    assert beta_row.languages == ()
    assert str(cells[beta_row.key].text) == words()["sv"].gettext("Not stated") != "Not stated"
    assert cells[beta_row.key].sort == compare.LAST  # not stated sorts last
    assert [(c.id, c.label) for c in page.languages] == [("en", "Engelska"), ("it", "Italienska"), ("sv", "Svenska")]


def test_the_rendered_pages_carry_the_filter_the_row_tags_and_the_json_ld(tmp_path: Path) -> None:
    project = _with_languages()
    render_site(project, tmp_path, words(), "https://support.example.org/")
    html = (tmp_path / "it" / "compare" / "index.html").read_text(encoding="utf-8")
    assert '<select id="f-language" name="language">' in html
    assert re.search(r'data-plan="acme/[^"]+"[^>]*data-languages="it en"', html)
    assert ">Lingue dell’assistenza<" in html
    vendor_html = (tmp_path / "pl" / "acme" / "index.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    assert "<h4>Języki wsparcia</h4>\n<p>Włoski i angielski</p>" in vendor_html
    acme = project.vendors[0]
    data = json.loads(str(vendor_json_ld(acme, site.Reader("en", words()["en"], acme), "https://x.example/en/acme/")))
    services = [n for n in data["@graph"] if n["@type"] == "Service"]
    assert services[0]["availableChannel"] == {"@type": "ServiceChannel", "availableLanguage": ["it", "en"]}
