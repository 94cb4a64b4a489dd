"""A contract that runs on until further notice after its minimum term (session 27): `contract 12 months then open-ended`.

Nordic, Italian and Polish B2B offers say "12 månader, därefter tills vidare", "poi a tempo indeterminato", "następnie
na czas nieokreślony": after the minimum term the contract has no term of its own and ends whenever notice is given.
That is not `renews` (a new term that binds again), and it used to be a note. It is read, checked (T0843-T0845), said
natively in the four languages on the tier and under the price in the comparison, and changes no deadline.
"""

from __future__ import annotations

import dataclasses

import pytest

from dsl.language.model import Project
from dsl.rules.export import export_project
from dsl.site import views as site
from support.language_plans import HEADER, only, problems, vendor_of
from support.site import compare_view, plain, words

PLAN = HEADER + """  plan drift {
    name "Drift"
    CONTRACT
  }
}
"""
"""A vendor with one tier, its contract line on line 6."""


def plan(contract: str) -> str:
    """The plan text with `contract`."""
    return PLAN.replace("CONTRACT", contract)


def test_then_open_ended_is_read_beside_the_term_and_the_notice() -> None:
    terms = vendor_of(plan("contract 12 months then open-ended notice 3 months")).plans[0].contract
    assert terms is not None and terms.open_ended
    assert (terms.minimum and terms.minimum.count, terms.renewal, terms.notice and terms.notice.count) == (12, None, 3)
    assert (terms.then_pos.line, terms.then_pos.column) == (6, 29)
    plain_terms = vendor_of(plan("contract 12 months notice 3 months")).plans[0].contract
    assert plain_terms is not None and not plain_terms.open_ended


def test_an_extending_tier_inherits_it_and_its_own_line_replaces_it() -> None:
    text = HEADER + """  plan a { name "A" contract 12 months then open-ended notice 3 months }
  plan b extends a { name "B" }
  plan c extends a { name "C" contract 12 months renews 12 months }
}
"""
    plans = {p.id: p.contract for p in vendor_of(text).plans}
    assert plans["b"] is not None and plans["b"].open_ended
    assert plans["c"] is not None and not plans["c"].open_ended


@pytest.mark.parametrize(
    ("contract", "found"),
    [
        ("contract 12 months then indefinitely notice 3 months",
         ("unknown word 'indefinitely' after 'then'", 6, 29,
          "a contract that runs on until further notice after its minimum term is written: contract 12 months then open-ended notice 3 months")),
        ("contract 12 months then open-endd",
         ("unknown word 'open-endd' after 'then'", 6, 29,
          "did you mean 'open-ended'? a contract that runs on until further notice after its minimum term is written: "
          "contract 12 months then open-ended notice 3 months")),
        ("contract none then open-ended notice 3 months",
         ("a contract with no minimum term has no 'then'", 6, 24,
          "a contract with no minimum term runs until it is ended already: contract none notice 3 months")),
        ("contract 12 months renews 12 months then open-ended",
         ("a contract that renews for a term does not also run on open-ended", 6, 46,
          "keep what the offer says: 'renews 12 months' (it runs on for 12 months at a time) or 'then open-ended' (it runs on "
          "with no term until notice is given)")),
    ],
)
def test_a_wrong_then_is_reported_where_it_is_written(contract: str, found: tuple[str, int, int, str]) -> None:
    assert only(plan(contract)) == found


def test_the_codes_are_the_contracts_and_the_fixed_lines_check_clean() -> None:
    from dsl.language.loader import load_text

    codes = [d.code for d in load_text(plan("contract none then open-ended"), "t.plan").diagnostics]
    assert codes == ["T0844"]
    assert problems(plan("contract 12 months then open-ended notice 3 months")) == []
    assert problems(plan("contract 24 months then open-ended notice 60 days"), "warning") == []


def test_renews_indefinitely_is_told_to_write_then_open_ended() -> None:
    message, line, column, hint = only(plan("contract 12 months renews indefinitely notice 3 months"))
    assert message.startswith("unexpected") and (line, column) == (6, 31)
    assert hint is not None and hint.endswith("contract 12 months then open-ended notice 3 months")


SAID = {
    "sv": ["Bindningstid: 12 månader, därefter tills vidare", "Uppsägningstid: 3 månader"],
    "it": ["Durata minima: 12 mesi, poi a tempo indeterminato", "Preavviso di disdetta: 3 mesi"],
    "pl": ["Minimalny okres umowy: 12 miesięcy, następnie na czas nieokreślony", "Okres wypowiedzenia: 3 miesiące"],
    "en": ["Minimum term: 12 months, then until further notice", "Notice period: 3 months"],
}


@pytest.mark.parametrize("lang", sorted(SAID))
def test_the_tier_says_it_in_each_language(lang: str) -> None:
    vendor = vendor_of(plan("contract 12 months then open-ended notice 3 months"))
    (service,) = site.plan_services(vendor, site.Reader(lang, words()[lang], vendor))
    assert [plain(line) for line in service.contract] == SAID[lang]


@pytest.mark.parametrize("lang", sorted(SAID))
def test_the_comparison_says_it_under_the_price(lang: str) -> None:
    vendor = vendor_of(plan('price 4900 SEK per month\n    contract 12 months then open-ended notice 3 months'))
    page = compare_view(Project((vendor,)), lang)
    price = [c.key for c in page.columns].index("price") - 1
    (row,) = page.rows
    assert plain(row.cells[price].small or "") == SAID[lang][0]


def test_an_open_ended_tier_is_not_the_same_service_as_its_parent_with_a_fixed_term() -> None:
    text = HEADER + """  plan a { name "A" contract 12 months notice 3 months }
  plan b extends a { name "B" contract 12 months then open-ended notice 3 months }
}
"""
    vendor = vendor_of(text)
    assert site.adds_to_parent(vendor.plans[1], vendor)
    same = vendor_of(text.replace("then open-ended ", ""))
    assert not site.adds_to_parent(same.plans[1], same)


def test_it_changes_no_deadline() -> None:
    vendor = vendor_of(plan("contract 12 months then open-ended notice 3 months"))
    bare = dataclasses.replace(vendor, plans=tuple(dataclasses.replace(p, contract=None) for p in vendor.plans))
    assert export_project(Project((vendor,)), (2026, 2026)) == export_project(Project((bare,)), (2026, 2026))
