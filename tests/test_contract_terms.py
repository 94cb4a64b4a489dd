"""`contract ...`: a tier's minimum term, automatic renewal and notice (session 20).

The parser and `extends`, each diagnostic with its message, place and hint, the tier pages and the
comparison's price cell in Swedish, Italian, Polish and English, and that the SLA rules do not change.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from dsl.language.loader import load_text
from dsl.language.model import ContractLength, ContractTerms, Project
from dsl.rules.export import export_project
from dsl.site import views as site
from dsl.site.render import render_site
from support.language_plans import HEADER, only, problems, vendor_of
from support.site import compare_view, words

# The three ways real offers put it: Swedish (12 months, renewed by 12, 3 months' notice), Italian
# (tacit yearly renewal, 90 days' notice), Polish (12 months, 3 months' notice), and "no lock-in".
PLANS = """  plan sv-style {
    name "Avtal"
    contract 12 months renews 12 months notice 3 months
  }
  plan it-style {
    name "Contratto"
    contract 1 year renews 1 year notice 90 days
  }
  plan pl-style {
    name "Umowa"
    contract 12 months notice 3 months
  }
  plan flex {
    name "Flex"
    contract none notice 30 days
  }
  plan open {
    name "Open"
    contract none notice none
  }
}
"""


def _length(count: int, unit: str) -> ContractLength:
    return ContractLength(count, unit)


# --- the parser and extends ----------------------------------------------------------------------


def test_each_form_is_read_into_the_model() -> None:
    plans = {p.id: p.contract for p in vendor_of(HEADER + PLANS).plans}
    assert plans["sv-style"] == ContractTerms(_length(12, "months"), _length(12, "months"), _length(3, "months"))
    assert plans["it-style"] == ContractTerms(_length(1, "year"), _length(1, "year"), _length(90, "days"))
    assert plans["pl-style"] == ContractTerms(_length(12, "months"), None, _length(3, "months"))
    assert plans["flex"] == ContractTerms(None, None, _length(30, "days"))
    assert plans["open"] == ContractTerms(None, None, None, no_notice=True)


def test_singular_and_plural_name_the_same_period() -> None:
    terms = vendor_of(HEADER + '  plan a { name "A" contract 1 month renews 2 quarters notice 1 week }\n}\n').plans[0].contract
    assert terms is not None and terms.minimum is not None and terms.renewal is not None and terms.notice is not None
    assert (terms.minimum.period, terms.renewal.period, terms.notice.period) == ("month", "quarter", "week")
    assert _length(3, "months").period == _length(3, "month").period == "month"


def test_a_plan_without_a_contract_line_states_none() -> None:
    assert vendor_of(HEADER + '  plan a { name "A" }\n}\n').plans[0].contract is None


def test_extends_inherits_the_whole_line_and_an_own_line_replaces_it_whole() -> None:
    vendor = vendor_of(
        HEADER
        + """  plan basic { name "Basic" contract 12 months renews 12 months notice 3 months }
  plan plus extends basic { name "Plus" }
  plan pro extends plus { name "Pro" contract 24 months }
  plan top extends pro { name "Top" }
}
"""
    )
    terms = {p.id: p.contract for p in vendor.plans}
    assert terms["plus"] == terms["basic"] == ContractTerms(_length(12, "months"), _length(12, "months"), _length(3, "months"))
    # Pro's own line has no renewal and no notice: nothing of Basic's line is mixed into it.
    assert terms["pro"] == terms["top"] == ContractTerms(_length(24, "months"))


# --- checks: message, place and hint -----------------------------------------------------------------


def test_a_length_of_zero_is_an_error_at_the_length_with_a_hint_for_its_part() -> None:
    assert only(HEADER + '  plan a {\n    name "A"\n    contract 0 months notice 30 days\n  }\n}\n') == (
        "a contract length of 0 months: a length in a contract is at least 1",
        6,
        14,
        "write the minimum term, such as: contract 12 months (with no minimum term: contract none)",
    )
    assert only(HEADER + '  plan a {\n    name "A"\n    contract 12 months notice 0 days\n  }\n}\n') == (
        "a contract length of 0 days: a length in a contract is at least 1",
        6,
        31,
        "write the notice, such as: notice 3 months (when it ends without notice: notice none)",
    )
    assert only(HEADER + '  plan a {\n    name "A"\n    contract 12 months renews 0 months\n  }\n}\n') == (
        "a contract length of 0 months: a length in a contract is at least 1",
        6,
        31,
        "write how long each renewal runs, such as: renews 12 months (or leave out 'renews')",
    )


def test_a_negative_length_is_read_and_reported_not_a_syntax_error() -> None:
    message, line, column, _hint = only(HEADER + '  plan a {\n    name "A"\n    contract -3 months\n  }\n}\n')
    assert (message, line, column) == ("a contract length of -3 months: a length in a contract is at least 1", 6, 14)


def test_a_misspelt_unit_is_an_unknown_word_at_the_unit_with_the_closest_as_the_hint() -> None:
    text = HEADER + '  plan a {\n    name "A"\n    contract 12 mnths notice 3 moths\n  }\n}\n'
    result = load_text(text, "t.plan")
    found = [(d.code, d.message, d.pos.line, d.pos.column, d.hint) for d in result.errors]
    assert found == [
        ("T0401", "unknown unit of time 'mnths'", 6, 17, "did you mean 'months'?"),
        ("T0401", "unknown unit of time 'moths'", 6, 32, "did you mean 'months'?"),
    ]
    assert problems(HEADER + '  plan a { name "A" contract 12 fortnights }\n}\n')[0][3] == (
        "use one of: day, week, month, quarter, year, days, weeks, months, quarters, years"
    )


def test_two_contract_lines_in_one_plan_are_an_error_at_the_second() -> None:
    text = HEADER + '  plan a {\n    name "A"\n    contract 12 months\n    contract none notice 30 days\n  }\n}\n'
    result = load_text(text, "t.plan")
    (diag,) = result.errors
    assert (diag.code, diag.message, diag.pos.line, diag.pos.column, diag.hint) == (
        "T0303",
        "plan 'a' has more than one 'contract'",
        7,
        5,
        "keep one and remove the others",
    )


def test_renewing_a_contract_with_no_minimum_term_is_an_error_at_the_renewal() -> None:
    result = load_text(HEADER + '  plan a {\n    name "A"\n    contract none renews 1 month notice 30 days\n  }\n}\n', "t.plan")
    (diag,) = result.errors
    assert (diag.code, diag.message, diag.pos.line, diag.pos.column) == (
        "T0841",
        "a contract with no minimum term has nothing to renew",
        6,
        26,
    )
    assert diag.hint is not None and "contract 1 month renews 1 month" in diag.hint


def test_a_notice_longer_than_the_minimum_term_is_a_warning_at_the_notice() -> None:
    text = HEADER + '  plan a {\n    name "A"\n    contract 1 month renews 1 month notice 3 months\n  }\n}\n'
    result = load_text(text, "t.plan")
    assert result.errors == []
    (diag,) = [d for d in result.diagnostics if d.code == "T0842"]
    assert (diag.severity, diag.message, diag.pos.line, diag.pos.column) == (
        "warning",
        "the notice (3 months) is longer than the minimum term (1 month)",
        6,
        44,
    )
    assert diag.hint == "is a unit wrong (3 days, not 3 months)? If the offer says so, keep it"


@pytest.mark.parametrize(
    ("line", "warned"),
    [
        ("contract 12 months notice 3 months", False),
        ("contract 1 year notice 12 months", False),  # as long, not longer
        ("contract 1 year notice 13 months", True),  # months and years compare exactly
        ("contract 1 quarter notice 3 months", False),
        ("contract 1 month notice 31 days", False),  # some months have 31 days
        ("contract 1 month notice 32 days", True),
        ("contract 1 month notice 4 weeks", False),
        ("contract 1 month notice 5 weeks", True),
        ("contract 2 weeks notice 14 days", False),
        ("contract 1 year notice 366 days", False),
        ("contract 1 year notice 367 days", True),
        ("contract 30 days notice 1 month", False),  # a month may be 28 days: warned only when surely longer
        ("contract 28 days notice 1 month", False),
        ("contract 27 days notice 1 month", True),
        ("contract none notice 3 months", False),  # no term to be longer than
    ],
)
def test_the_notice_is_compared_with_the_term_whatever_the_calendar(line: str, warned: bool) -> None:
    result = load_text(HEADER + f'  plan a {{ name "A" {line} }}\n}}\n', "t.plan")
    assert result.errors == []
    assert any(d.code == "T0842" for d in result.diagnostics) is warned


# --- the site ----------------------------------------------------------------------------------------


EXPECTED = {
    "sv": {
        "sv-style": ["Bindningstid: 12 månader", "Förlängs automatiskt med 12 månader i taget", "Uppsägningstid: 3 månader"],
        "it-style": ["Bindningstid: 1 år", "Förlängs automatiskt med 1 år i taget", "Uppsägningstid: 90 dagar"],
        "pl-style": ["Bindningstid: 12 månader", "Uppsägningstid: 3 månader"],
        "flex": ["Ingen bindningstid", "Uppsägningstid: 30 dagar"],
        "open": ["Ingen bindningstid", "Ingen uppsägningstid"],
    },
    "it": {
        "sv-style": ["Durata minima: 12 mesi", "Rinnovo tacito per periodi di 12 mesi", "Preavviso di disdetta: 3 mesi"],
        "it-style": ["Durata minima: 1 anno", "Rinnovo tacito per periodi di 1 anno", "Preavviso di disdetta: 90 giorni"],
        "pl-style": ["Durata minima: 12 mesi", "Preavviso di disdetta: 3 mesi"],
        "flex": ["Nessuna durata minima", "Preavviso di disdetta: 30 giorni"],
        "open": ["Nessuna durata minima", "Nessun preavviso di disdetta"],
    },
    "pl": {
        "sv-style": [
            "Minimalny okres umowy: 12 miesięcy",
            "Umowa przedłuża się automatycznie o 12 miesięcy",
            "Okres wypowiedzenia: 3 miesiące",
        ],
        "it-style": ["Minimalny okres umowy: 1 rok", "Umowa przedłuża się automatycznie o 1 rok", "Okres wypowiedzenia: 90 dni"],
        "pl-style": ["Minimalny okres umowy: 12 miesięcy", "Okres wypowiedzenia: 3 miesiące"],
        "flex": ["Bez minimalnego okresu umowy", "Okres wypowiedzenia: 30 dni"],
        "open": ["Bez minimalnego okresu umowy", "Bez okresu wypowiedzenia"],
    },
    "en": {
        "sv-style": ["Minimum term: 12 months", "Renews automatically for 12 months at a time", "Notice period: 3 months"],
        "it-style": ["Minimum term: 1 year", "Renews automatically for 1 year at a time", "Notice period: 90 days"],
        "pl-style": ["Minimum term: 12 months", "Notice period: 3 months"],
        "flex": ["No minimum term", "Notice period: 30 days"],
        "open": ["No minimum term", "No notice period"],
    },
}


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_each_tier_states_its_terms_as_the_page_language_writes_them(lang: str) -> None:
    vendor = vendor_of(HEADER + PLANS)
    services = site.plan_services(vendor, site.Reader(lang, words()[lang], vendor))
    # Polish "o\u00a012 miesięcy" (a one-letter word kept with the next): the words are compared.
    assert {p.id: [str(c).replace("\u00a0", " ") for c in s.contract] for p, s in zip(vendor.plans, services, strict=True)} == EXPECTED[lang]
    assert not any(s.empty for s in services)  # contract terms alone are something to say


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [("pl", 1, "1 dzień"), ("pl", 2, "2 dni"), ("pl", 5, "5 dni"), ("sv", 1, "1 dag"), ("it", 1, "1 giorno"), ("en", 1, "1 day")],
)
def test_days_are_calendar_days_in_each_language(lang: str, count: int, expected: str) -> None:
    # CLDR's Swedish day unit is "dygn" (24 hours); a contract's notice is counted in days: "30 dagar".
    assert site.contract_length_text(_length(count, "days"), site.Reader(lang, words()[lang])) == expected


@pytest.mark.parametrize(
    ("lang", "count", "unit", "expected"),
    [("pl", 2, "years", "2 lata"), ("pl", 5, "years", "5 lat"), ("pl", 22, "months", "22 miesiące"), ("sv", 1, "month", "1 månad"),
     ("it", 2, "weeks", "2 settimane"), ("en", 2, "quarters", "2 quarters")],
)
def test_other_lengths_take_cldrs_plural_forms(lang: str, count: int, unit: str, expected: str) -> None:
    assert site.contract_length_text(_length(count, unit), site.Reader(lang, words()[lang])) == expected


def test_a_tier_that_states_no_terms_shows_nothing_of_them() -> None:
    vendor = vendor_of(HEADER + '  plan a { name "A" }\n}\n')
    (service,) = site.plan_services(vendor, site.Reader("en", words()["en"], vendor))
    assert service.contract == () and service.empty


def _project() -> Project:
    result = load_text(HEADER + PLANS, "t.plan")
    assert result.project is not None
    return result.project


HEADINGS = {"sv": "Avtalsvillkor", "it": "Condizioni contrattuali", "pl": "Warunki umowy", "en": "Contract terms"}


@pytest.mark.parametrize("lang", sorted(HEADINGS))
def test_the_vendor_page_lists_the_terms_under_their_heading_in_each_tier(lang: str, tmp_path: Path) -> None:
    render_site(_project(), tmp_path, words(), "https://support.example.org/")
    html = (tmp_path / lang / "v" / "index.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    tier = re.search(r'<article class="tier" id="tier-sv-style">.*?</article>', html, re.S)
    assert tier is not None
    items = "".join(f"<li>{line}</li>\n" for line in EXPECTED[lang]["sv-style"])
    assert f"<h4>{HEADINGS[lang]}</h4>\n<ul>\n{items}</ul>" in tier.group(0)


def test_a_page_without_terms_has_no_trace_of_them(tmp_path: Path) -> None:
    result = load_text(HEADER + '  plan a { name "A" }\n}\n', "t.plan")
    assert result.project is not None
    render_site(result.project, tmp_path, words(), "https://support.example.org/")
    for lang, heading in HEADINGS.items():
        assert heading not in (tmp_path / lang / "v" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_the_comparison_shows_the_minimum_term_under_the_price(lang: str) -> None:
    page = compare_view(_project(), lang)
    price = [c.key for c in page.columns].index("price") - 1  # the first column (the tier) is the row's head
    small = {r.key.split("/")[1]: r.cells[price].small for r in page.rows}
    assert small == {plan: lines[0] for plan, lines in EXPECTED[lang].items()}


# --- the rules ---------------------------------------------------------------------------------------


def test_contract_terms_leave_the_sla_rules_as_they_are() -> None:
    project = _project()
    vendor = project.vendors[0]
    bare = Project((dataclasses.replace(vendor, plans=tuple(dataclasses.replace(p, contract=None) for p in vendor.plans)),))
    assert export_project(project, (2026, 2026)) == export_project(bare, (2026, 2026))


# --- what an author writes from docs/language.md ---------------------------------------------------


def _doc_lines() -> list[str]:
    """Every `contract ...` an author can copy from the section of docs/language.md."""
    text = (Path(__file__).parent.parent / "docs" / "language.md").read_text(encoding="utf-8")
    section = text.split("## Contract terms: minimum term, renewal, notice", 1)[1].split("\n## ", 1)[0]
    copyable = section.split("`check` reports", 1)[0]  # before the table of mistakes
    return re.findall(r"^\s*(contract [^`\n]+?)\s*$", copyable, re.M) + re.findall(r"\| `(contract [^`]+)` \|$", copyable, re.M)


def test_every_line_the_docs_offer_to_copy_checks_clean() -> None:
    lines = _doc_lines()
    assert len(lines) == 9  # the plan example and the eight ways offers put it (two of them open-ended, session 27)
    for line in lines:
        result = load_text(HEADER + f'  plan a {{ name "A" {line} }}\n}}\n', "t.plan")
        assert [d.message for d in result.diagnostics if d.code.startswith("T08") or d.is_error] == [], line


@pytest.mark.parametrize(
    ("line", "column"),
    [("contract twelve months", 14), ("contract 1 year notice thirty days", 28), ("contract 1 year renews one year", 28)],
)
def test_a_length_written_in_words_gets_a_hint_to_write_digits(line: str, column: int) -> None:
    result = load_text(HEADER + f'  plan a {{\n    name "A"\n    {line}\n  }}\n}}\n', "t.plan")
    diag = result.diagnostics[0]
    assert (diag.code, diag.pos.line, diag.pos.column) == ("T0101", 6, column)
    assert diag.hint is not None and diag.hint.startswith("a length in a contract is digits and a unit")


def test_the_glossarys_terms_are_the_catalogs_words() -> None:
    from babel.messages.pofile import read_po

    root = Path(__file__).parent.parent
    glossary = (root / "docs" / "glossary.md").read_text(encoding="utf-8").split("## ", 1)[0]
    terms: dict[str, list[str]] = {}
    for row in glossary.splitlines():
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        if len(cells) == 5:
            terms[re.sub(r"\s*\(.*\)$", "", cells[0])] = cells[1:]
    uses = {"contract terms": "Contract terms", "minimum term": "Minimum term: %(length)s", "notice period": "Notice period: %(length)s",
            "no minimum term": "No minimum term", "then until further notice": "Minimum term: %(length)s, then until further notice"}
    for column, lang in enumerate(("sv", "it", "pl", "en")):
        with open(root / "locales" / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
            words = {m.id: m.string for m in read_po(fh) if isinstance(m.id, str)}
        for term, msgid in uses.items():
            wanted = re.sub(r"\s*\(.*\)$", "", terms[term][column]).lower()
            assert wanted in str(words[msgid]).lower(), (lang, term, wanted, words[msgid])


def test_the_new_keywords_stay_usable_as_ids() -> None:
    # `contract`, `renews` and `notice` are keywords only where a contract line may stand.
    vendor = vendor_of(
        HEADER
        + """  segment notice { sv "S" it "I" pl "P" en "N" }
  feature contract { label { sv "S" it "I" pl "P" en "C" } }
  feature renews { label { sv "S" it "I" pl "P" en "R" } }
  plan contract {
    name "P"
    price notice 5 EUR
    features { contract: yes renews: no }
    obligation notice { sv "S" it "I" pl "P" en "x" }
    contract 1 year
  }
}
"""
    )
    (plan,) = vendor.plans
    assert plan.id == "contract" and [c.feature for c in plan.cells] == ["contract", "renews"]
    assert plan.prices[0].segment == "notice" and plan.obligations[0].id == "notice"
    assert plan.contract == ContractTerms(_length(1, "year"))
