"""`language en only`: a vendor whose offer is published in one language, by intent.

No missing-translation warnings (T0404) for its texts, while other vendors keep theirs; pages in
other languages show its texts in its language, marked with `lang`, and say that the offer is
available in that language only; a text it does translate is shown translated.
"""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest

from dsl.language.diagnostics import MISSING_TRANSLATION
from dsl.language.loader import load_project, load_text
from dsl.language.model import Vendor
from dsl.site import views as site
from dsl.site.publish import publish
from support.site import words

ACME = '''vendor acme {
  name "Acme"
  language en only
  intro { en "We answer every ticket." sv "Vi besvarar varje ärende." }
  note { en "Terms in English." }
  plan basic {
    name { en "Basic" }
    description { en "For small teams." }
  }
  plan plus extends basic {
    name { en "Plus" }  target first-response all 4h on around
  }
  calendar around { open 24x7 }
}
'''

# The same texts, without `only`: the warnings it silences, and a second vendor that keeps them.
BETA = ACME.replace("vendor acme", "vendor beta").replace('name "Acme"', 'name "Beta"').replace("language en only", "language en")


def missing(result_diagnostics: list, path: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of every T0404 in the file at `path`."""
    return [(d.pos.line, d.pos.column, d.message) for d in result_diagnostics if d.code == MISSING_TRANSLATION and d.pos.file == path]


def project_folder(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.plan").write_text(ACME, encoding="utf-8")
    (plans / "beta.plan").write_text(BETA, encoding="utf-8")
    return plans


def test_only_silences_t0404_for_that_vendor_and_no_other(tmp_path: Path) -> None:
    without = load_text(ACME.replace("language en only", "language en"), "acme.plan")
    before = missing(without.diagnostics, "acme.plan")
    assert before == [  # every text, the intro for the languages it lacks
        (4, 9, "the intro has no it, pl translation"),
        (5, 8, "a note has no sv, it, pl translation"),
        (7, 10, "the name of plan 'basic' has no sv, it, pl translation"),
        (8, 17, "the description of plan 'basic' has no sv, it, pl translation"),
        (11, 10, "the name of plan 'plus' has no sv, it, pl translation"),
    ]
    plans = project_folder(tmp_path)
    result = load_project([plans])
    assert result.project is not None
    assert missing(result.diagnostics, str(plans / "acme.plan")) == []
    assert [(line, col) for line, col, _ in missing(result.diagnostics, str(plans / "beta.plan"))] == [(a, b) for a, b, _ in before]
    acme = next(v for v in result.project.vendors if v.id == "acme")
    assert acme.language == "en" and acme.language_only
    assert not next(v for v in result.project.vendors if v.id == "beta").language_only


def test_language_twice_with_or_without_only_is_one_statement_too_many() -> None:
    result = load_text(ACME.replace("  language en only\n", "  language en only\n  language en\n"), "acme.plan")
    [twice] = [d for d in result.diagnostics if d.code == "T0303"]
    assert (twice.pos.line, twice.pos.column, twice.message) == (4, 3, "vendor 'acme' has more than one 'language'")


def test_only_with_a_language_the_site_does_not_publish_is_t0402_at_the_code() -> None:
    result = load_text(ACME.replace("language en only", "language de only"), "acme.plan")
    [wrong] = [d for d in result.diagnostics if d.code == "T0402"]
    assert (wrong.pos.line, wrong.pos.column, wrong.message) == (3, 12, "'de' is not one of the site's languages")


NOTES = {
    "sv": "Av webbplatsens språk finns erbjudandet bara på engelska.",
    "it": "Tra le lingue di questo sito, l’offerta è disponibile solo in inglese.",
    "pl": "Spośród języków tego serwisu oferta jest dostępna tylko po angielsku.",
}


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The two vendors published with no warnings already reported by the checks: what the pages themselves warn of."""
    root = tmp_path_factory.mktemp("only")
    result = load_project([project_folder(root)])
    assert result.project is not None
    err = StringIO()
    assert publish(result.project, root / "_site", (2026, 2027), stderr=err, quiet=True) == 0, err.getvalue()
    return root / "_site", err.getvalue()


@pytest.mark.parametrize("lang", sorted(NOTES))
def test_a_page_in_another_language_shows_the_english_texts_marked_and_says_why(published: tuple[Path, str], lang: str) -> None:
    out, _ = published
    html = (out / lang / "acme" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html
    assert f'<h1>Acme</h1>\n<p class="source">{NOTES[lang]}</p>' in html
    assert '<div lang="en"><p>Terms in English.</p></div>' in html
    assert re.search(r'<span lang="en">Basic</span>', html)
    assert '<option value="plus" lang="en">Plus</option>' in html  # the calculator's choice of tier, too
    if lang == "sv":  # the text it does translate is shown translated, in the page's language
        assert '<div class="intro"><p>Vi besvarar varje ärende.</p></div>' in html
    else:
        assert '<div class="intro"><div lang="en"><p>We answer every ticket.</p></div></div>' in html
    other = (out / lang / "beta" / "index.html").read_text(encoding="utf-8")
    assert NOTES[lang] not in other and '<div lang="en"><p>Terms in English.</p></div>' in other


def test_the_page_in_the_vendors_own_language_has_no_note(published: tuple[Path, str]) -> None:
    out, _ = published
    html = (out / "en" / "acme" / "index.html").read_text(encoding="utf-8")
    assert "available in English only" not in html and 'lang="en"><p>' not in html


def test_the_pages_warn_of_the_fallbacks_of_the_other_vendor_only(published: tuple[Path, str]) -> None:
    _, err = published
    assert "beta.plan:" in err and f"warning[{MISSING_TRANSLATION}]" in err
    assert "acme.plan:" not in err


def test_a_vendor_in_a_language_without_a_sentence_of_its_own_is_named_in_the_page_language() -> None:
    vendor = Vendor(id="acme", name="Acme", language="de", language_only=True)
    assert site.only_language_note(vendor, site.Reader("sv", words()["sv"], vendor)) == "Av webbplatsens språk finns erbjudandet bara på ett: tyska."
    assert site.only_language_note(vendor, site.Reader("en", words()["en"], vendor)) == (
        "Of this site’s languages, the offer is available in one only: German."
    )
    assert site.only_language_note(vendor, site.Reader("de", words()["en"], vendor)) == ""


# --- `language en, sv only`: an offer in some of the site's languages, not all ------------------------

TWO = ACME.replace("vendor acme", "vendor duo").replace('name "Acme"', 'name "Duo"').replace("language en only", "language en, sv only")


def test_an_offer_in_two_languages_wants_its_texts_in_both_and_no_others() -> None:
    result = load_text(TWO, "duo.plan")
    assert missing(result.diagnostics, "duo.plan") == [  # sv only: it and pl are not the offer's languages
        (5, 8, "a note has no sv translation"),
        (7, 10, "the name of plan 'basic' has no sv translation"),
        (8, 17, "the description of plan 'basic' has no sv translation"),
        (11, 10, "the name of plan 'plus' has no sv translation"),
    ]
    duo = result.project.vendors[0] if result.project else None
    assert duo is not None and (duo.language, duo.also_languages, duo.language_only) == ("en", ("sv",), True)


@pytest.mark.parametrize(
    ("line", "message", "column"),
    [
        ("language en, de only", "'de' is not one of the site's languages", 16),
        ("language en, sv, sv only", "'sv' is named twice in 'language'", 20),
        ("language en, en only", "'en' is named twice in 'language'", 16),
    ],
)
def test_a_second_language_must_be_the_sites_and_named_once(line: str, message: str, column: int) -> None:
    result = load_text(TWO.replace("language en, sv only", line), "duo.plan")
    [wrong] = [d for d in result.diagnostics if d.code == "T0402"]
    assert (wrong.pos.line, wrong.pos.column, wrong.message) == (3, column, message)


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("sv", ""),
        ("en", ""),
        ("it", "Tra le lingue di questo sito, l’offerta è disponibile solo in queste: inglese e svedese."),
        ("pl", "Spośród języków tego serwisu oferta jest dostępna tylko w tych: angielski i szwedzki."),
    ],
)
def test_the_pages_in_the_offers_languages_have_no_note_and_the_others_name_both(lang: str, note: str) -> None:
    result = load_text(TWO, "duo.plan")
    assert result.project is not None
    duo = result.project.vendors[0]
    reader = site.Reader(lang, words()[lang], duo)
    assert site.only_language_note(duo, reader).replace("\u00a0", " ") == note  # Polish "w\u00a0tych": words compared
    # The Swedish page shows the Swedish intro; the Italian one the English, as a fallback (marked by the page).
    shown, fallback = reader.pick(duo.intro)
    assert (shown, fallback) == (("Vi besvarar varje ärende.", None) if lang == "sv" else ("We answer every ticket.", None if lang == "en" else "en"))


def test_the_swedish_page_warns_of_a_missing_swedish_text_and_the_italian_does_not() -> None:
    result = load_text(TWO, "duo.plan")
    assert result.project is not None
    duo = result.project.vendors[0]
    for lang, warned in (("sv", True), ("it", False)):
        warnings = site.Warnings()
        site.Reader(lang, words()[lang], duo, warnings).pick(duo.plans[0].description)
        assert bool(warnings.found) is warned
