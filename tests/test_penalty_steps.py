"""Penalties as public tenders word them: growing in steps, capped at a share of the contract's value, and never a share of
a fee a free plan does not have (T0868, T0869); said on the vendor page in four languages and exported in format 1.11."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import jsonschema
import pytest

from dsl.language.loader import load_text
from dsl.rules.export import export_project, load_schema, structural_problems
from dsl.site import views as site
from support.language_plans import problems, vendor_of
from support.paths import ROOT
from support.site import words

PLAN = """calendar office {{
  zone Europe/Warsaw
  open mon-fri 08:00-16:00
}}
vendor urzad {{
  name "Urząd"
  language pl
  plan umowa {{
    name "Umowa"
    {price}
    target first-response all 4h on office
    target resolution all 2 business days on office
{body}
  }}
}}
"""


def umowa(*lines: str, price: str = "price 12000 PLN per month") -> str:
    """The plan file with `lines` at the end of plan umowa (the first of them on line 13)."""
    return PLAN.format(price=price, body="\n".join("    " + line for line in lines))


GROWING = "penalty resolution all 500 PLN per started day then 1000 PLN per started day after 5 days then 2000 PLN per started day after 10 days"


def docs_example() -> str:
    """The example of docs/language.md, "Penalties that grow, and caps of the contract's value"."""
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    return text[text.index("### Penalties that grow"):].split("```\n", 2)[1]


# --- the language ---------------------------------------------------------------------------------


def test_a_growing_penalty_reads_each_step_with_its_positions() -> None:
    penalty = vendor_of(umowa(GROWING)).plans[0].penalties[0]
    line = "    " + GROWING
    first, second = penalty.steps
    assert (first.amount.value, first.amount.currency, first.per, first.after, first.after_unit) == (Decimal(1000), "PLN", "started day", 5, "days")
    assert (second.amount.value, second.after) == (Decimal(2000), 10)
    assert (first.pos.line, first.pos.column) == (13, line.index("then 1000") + 1)
    assert first.amount.pos.column == line.index("1000 PLN") + 1
    assert (second.after_pos.column, second.after_pos.end_column) == (line.index("10 days") + 1, line.index("10 days") + len("10 days") + 1)


def test_a_share_of_the_contracts_value_is_a_measure_of_its_own() -> None:
    line = "penalty resolution all 0.2% of contract value per started day at most 10% of contract value per contract"
    penalty = vendor_of(umowa(line)).plans[0].penalties[0]
    assert penalty.amount.of_contract and penalty.amount.fee_period is None and penalty.amount.measure == "contract"
    assert penalty.cap is not None and penalty.cap.of_contract and penalty.cap_per == "contract"


def test_the_documented_example_checks_clean() -> None:
    assert problems(docs_example()) == []
    plan = vendor_of(docs_example()).plans[0]
    assert [len(p.steps) for p in plan.penalties] == [1, 2]
    assert plan.penalty_total is not None and plan.penalty_total.per == "contract" and plan.penalty_total.amount.of_contract


@pytest.mark.parametrize(
    ("lines", "price", "found"),
    [
        # 1. A share of a fee the plan does not charge.
        (("penalty first-response all 0.5% of monthly fee per started hour",), "price free",
         ("a penalty of 0.5% of monthly fee, but plan 'umowa' has no fee: its price is free", 13, "0.5%", "T0868")),
        (("penalty first-response all 500 PLN per started hour at most 10% of yearly fee per year",), "price included in licence",
         ("a penalty of 10% of yearly fee, but plan 'umowa' has no fee: its price is included", 13, "10%", "T0868")),
        (("penalty first-response all 500 PLN per started hour", "penalty total at most 10% of contract value per contract"), "price free",
         ("a penalty of 10% of contract value, but plan 'umowa' has no contract value: its price is free", 14, "10%", "T0868")),
        # 2. Steps that do not follow their penalty.
        (("penalty resolution all 500 PLN per started day then 1000 PLN per started day after 5 weeks",), None,
         ("'after 5 weeks' on a penalty per started day", 13, "5 weeks", "T0869")),
        (("penalty resolution all 500 PLN per started day then 1000 PLN per day after 5 days",), None,
         ("a step per 'day' on a penalty per 'started day'", 13, "day after", "T0869")),
        (("penalty resolution all 500 PLN per started day then 1000 PLN per started day after 5 days "
          "then 2000 PLN per started day after 3 days",), None,
         ("a step after 3 days, not after the step before it", 13, "3 days", "T0869")),
        (("penalty resolution all 500 PLN per started day then 1000 PLN per started day after 0 days",), None,
         ("a step after 0: the penalty's own amount is for the first unit", 13, "0 days", "T0869")),
        (("penalty resolution all 500 PLN per started day then 1% of monthly fee per started day after 5 days",), None,
         ("a step of 1% of monthly fee on a penalty of 500 PLN", 13, "1% of", "T0869")),
        (("penalty resolution all 500 PLN per occurrence then 1000 PLN per occurrence after 5 days",), None,
         ("a penalty paid once per missed target cannot grow with the delay", 13, "then", "T0869")),
        (("penalty resolution all 500 PLN per started day then 0 PLN per started day after 5 days",), None,
         ("a penalty of 0 PLN: it is more than 0", 13, "0 PLN", "T0860")),
        # 3. The contract's value and its window are known words; others get the list.
        (("penalty resolution all 1% of contract price per started day",), None,
         ("unknown fee 'contract price'", 13, "contract price", "T0864")),
    ],
)
def test_a_mistake_is_reported_where_it_is_written(lines: tuple[str, ...], price: str | None, found: tuple[str, int, str, str]) -> None:
    message, line, under, code = found
    written = "    " + lines[line - 13]
    result = load_text(umowa(*lines, price=price or "price 12000 PLN per month"), "t.plan")
    assert [(d.message, d.pos.line, d.pos.column, d.code) for d in result.diagnostics if d.is_error] == [
        (message, line, written.rindex(under) + 1, code)
    ]
    assert all(d.hint for d in result.diagnostics if d.is_error)


def test_a_plan_priced_by_the_plan_it_extends_may_take_a_share_of_its_fee() -> None:
    text = umowa("penalty first-response all 0.5% of monthly fee per started hour").replace(
        "  }\n}\n", '  }\n  plan plus extends umowa {\n    name "Plus"\n  }\n}\n', 1
    )
    assert problems(text) == []
    # and a share of the contract's value stays possible on a plan included in a licence: the licence is a contract.
    assert problems(umowa("penalty total at most 10% of contract value per contract", "penalty first-response all 500 PLN per started hour",
                          price="price included in licence")) == []


def test_a_per_contract_cap_is_refused_on_no_line_and_a_per_occurrence_total_still_is() -> None:
    assert problems(umowa("penalty resolution all 500 PLN per started day at most 20000 PLN per contract")) == []
    codes = [d.code for d in load_text(umowa(GROWING, "penalty total at most 5% of contract value per occurrence"), "t.plan").diagnostics]
    assert codes == ["T0866"]


# --- the vendor page --------------------------------------------------------------------------------

PAGE = {
    "sv": "500 PLN per påbörjat dygn försening, därefter 1 000 PLN per dygn efter de första 5 dygnen, därefter 2 000 PLN per dygn efter "
          "de första 10 dygnen, högst 5 % av avtalets värde under hela avtalstiden|Alla viten sammanlagt högst 10 % av avtalets värde "
          "under hela avtalstiden",
    "it": "500 PLN per ogni giorno o frazione di ritardo, poi 1000 PLN per ogni giorno dopo i primi 5 giorni, poi 2000 PLN per ogni giorno "
          "dopo i primi 10 giorni, al massimo il 5% del valore del contratto per l’intera durata del contratto|Tetto complessivo delle penali: "
          "il 10% del valore del contratto per l’intera durata del contratto",
    "pl": "500 zł za każdy rozpoczęty dzień zwłoki, a następnie 1000 zł za każdy dzień zwłoki po pierwszych 5 dniach, a następnie 2000 zł "
          "za każdy dzień zwłoki po pierwszych 10 dniach, łącznie nie więcej niż 5% wartości umowy w całym okresie obowiązywania umowy|"
          "Wszystkie kary umowne łącznie nie więcej niż 10% wartości umowy w całym okresie obowiązywania umowy",
    "en": "PLN 500 per started day of delay, then PLN 1,000 per day after the first 5 days, then PLN 2,000 per day after the first 10 days, "
          "at most 5% of the contract value over the whole contract|All penalties together at most 10% of the contract value over the "
          "whole contract",
}

HOURS = {
    "sv": "0,1 % av månadsavgiften per påbörjad timme försening, därefter 0,2 % av månadsavgiften per timme efter de första 24 timmarna",
    "it": "0,1% del canone mensile per ogni ora o frazione di ritardo, poi lo 0,2% del canone mensile per ogni ora dopo le prime 24 ore",
    "pl": "0,1% wynagrodzenia miesięcznego za każdą rozpoczętą godzinę zwłoki, a następnie 0,2% wynagrodzenia miesięcznego za każdą "
          "godzinę zwłoki po pierwszych 24 godzinach",
    "en": "0.1% of the monthly fee per started hour of delay, then 0.2% of the monthly fee per hour after the first 24 hours",
}


def _plain(html: str) -> str:
    html = html.replace("<br>", "|").replace('<small class="total">', "|").replace("</small>", "")
    return html.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


@pytest.mark.parametrize("lang", sorted(PAGE))
def test_the_vendor_page_says_the_steps_and_the_contracts_share_in_each_language(lang: str) -> None:
    vendor = vendor_of(docs_example())
    reader = site.Reader(lang, words()[lang], vendor)
    tables = {t.metric: t for t in site.target_tables(vendor, reader)}
    (resolution,) = (_plain(str(c.text)) for c in tables["resolution"].penalties)
    (first_response,) = (_plain(str(c.text)) for c in tables["first-response"].penalties)
    assert resolution == PAGE[lang]
    assert first_response.split("|")[0] == HOURS[lang]


@pytest.mark.parametrize(("lang", "one"), [("sv", "efter det första dygnet"), ("it", "dopo il primo giorno"),
                                            ("pl", "po pierwszym dniu"), ("en", "after the first day")])
def test_a_step_after_one_unit_is_said_in_the_singular(lang: str, one: str) -> None:
    vendor = vendor_of(umowa("penalty resolution all 500 PLN per started day then 1000 PLN per started day after 1 day"))
    reader = site.Reader(lang, words()[lang], vendor)
    assert one in site.penalty_text(vendor.plans[0].penalties[0], reader)


def test_a_step_of_business_hours_says_business_hours() -> None:
    vendor = vendor_of(umowa("penalty first-response all 100 PLN per started business hour then 200 PLN per started business hour after 8 hours"))
    said = site.penalty_text(vendor.plans[0].penalties[0], site.Reader("en", words()["en"], vendor))
    assert said.endswith("then PLN\u00a0200 per business hour after the first 8 business hours")


# --- the rules ---------------------------------------------------------------------------------------


def _exported(text: str) -> dict[str, Any]:
    result = load_text(text, "t.plan")
    assert result.project is not None
    doc = export_project(result.project, (2026, 2026))
    jsonschema.validate(doc, load_schema())
    assert structural_problems(doc) == []
    return doc


def test_the_rules_carry_the_steps_the_contracts_share_and_its_window() -> None:
    doc = _exported(docs_example())
    assert doc["format_version"] == "1.14"
    plan = doc["vendors"]["serwis-it"]["plans"]["umowa"]
    growing = plan["penalties"][1]
    assert growing["steps"] == [
        {"after": 5, "amount": {"kind": "money", "amount": 1000, "currency": "PLN"}, "whole": False},
        {"after": 10, "amount": {"kind": "money", "amount": 2000, "currency": "PLN"}, "whole": False},
    ]
    assert growing["cap"] == {"amount": {"kind": "contract-share", "percent": 5}, "per": "contract"}
    assert plan["penalties_total"] == {"amount": {"kind": "contract-share", "percent": 10}, "per": "contract"}
    assert _exported(umowa("penalty resolution all 500 PLN per started day"))["vendors"]["urzad"]["plans"]["umowa"]["penalties"][0]["steps"] is None


def cost(entry: dict[str, Any], units: int) -> Decimal:
    """What one missed deadline `units` units late costs before caps, as docs/rules.md §2 says: unit k at the last step passed."""

    def amount(value: dict[str, Any]) -> Decimal:
        return Decimal(str(value.get("amount", value.get("percent"))))

    total = Decimal(0)
    for k in range(1, units + 1):
        # Format 1.12: a step "whole" reaches back over every unit once the whole delay is past it.
        passed = [s for s in entry["steps"] or () if s["after"] < k or (s.get("whole") and s["after"] < units)]
        total += amount(passed[-1]["amount"] if passed else entry["amount"])
    return total


@pytest.mark.parametrize(("units", "owed"), [(1, 500), (5, 2500), (6, 3500), (7, 4500), (10, 7500), (12, 11500)])
def test_the_exported_steps_give_the_amounts_docs_rules_states(units: int, owed: int) -> None:
    entry = _exported(docs_example())["vendors"]["serwis-it"]["plans"]["umowa"]["penalties"][1]
    assert cost(entry, units) == owed
    rules = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert "7 units cost 5 × 500 + 2 × 1000 = 4500, 12\nunits 5 × 500 + 5 × 1000 + 2 × 2000 = 11500" in rules


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.update(steps=[]),
        lambda p: p["steps"][0].update(after=0),
        lambda p: p["steps"][0].pop("after"),
        lambda p: p["steps"][0].update(amount={"kind": "contract-share", "percent": 0}),
        lambda p: p.update(cap={"amount": {"kind": "contract-share", "percent": 5}, "per": "lifetime"}),
    ],
)
def test_the_schema_refuses_a_step_a_consumer_could_not_read(change) -> None:  # type: ignore[no-untyped-def]
    doc = _exported(umowa(GROWING))
    validator = jsonschema.Draft202012Validator(load_schema())
    change(doc["vendors"]["urzad"]["plans"]["umowa"]["penalties"][0])
    assert not validator.is_valid(doc)


# --- a higher rate for the whole delay (session lang13) ----------------------------------------------

WHOLE = ("penalty first-response all 2% of monthly fee per started hour "
         "then 5% of monthly fee per started hour after 4 hours on the whole delay")


def test_a_step_on_the_whole_delay_reads_exports_and_costs_every_unit_at_its_rate() -> None:
    text = umowa(WHOLE)
    (penalty,) = vendor_of(text).plans[0].penalties
    assert [(s.after, s.whole) for s in penalty.steps] == [(4, True)]
    (entry,) = _exported(text)["vendors"]["urzad"]["plans"]["umowa"]["penalties"]
    assert entry["steps"] == [{"after": 4, "amount": {"kind": "fee-share", "percent": 5, "fee_period": "month"}, "whole": True}]
    # 3 hours late: 3 × 2 %; 4: 4 × 2 %; 6: the whole delay at 5 %, 30 % (not 4 × 2 % + 2 × 5 % = 18 %).
    assert [cost(entry, n) for n in (3, 4, 5, 6)] == [6, 8, 25, 30]


def test_the_whole_delay_reaches_back_only_to_the_steps_before_a_later_ordinary_one() -> None:
    entry = {"amount": {"amount": 100}, "steps": [{"after": 4, "amount": {"amount": 300}, "whole": True},
                                                   {"after": 10, "amount": {"amount": 1000}, "whole": False}]}
    # 12 units: the first 10 at 300 (the whole delay is past 4), the 11th and 12th at 1000.
    assert cost(entry, 12) == 10 * 300 + 2 * 1000


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "then 5% of the monthly fee per hour for the whole delay once it exceeds 4 hours"),
        ("sv", "därefter 5 % av månadsavgiften per timme för hela förseningen när den överstiger 4 timmar"),
        ("it", "poi il 5% del canone mensile per ogni ora dell’intero ritardo, se supera 4 ore"),
        ("pl", "a następnie 5% wynagrodzenia miesięcznego za każdą godzinę całej zwłoki, gdy przekroczy ona 4 godziny"),
    ],
)
def test_the_page_says_the_whole_delay_in_each_language(lang: str, said: str) -> None:
    vendor = vendor_of(umowa(WHOLE))
    text = site.penalty_text(vendor.plans[0].penalties[0], site.Reader(lang, words()[lang], vendor))
    assert said in text.replace("\u00a0", " ").replace("\u202f", " "), text


def test_a_step_on_the_whole_delay_is_judged_as_every_step() -> None:
    (found,) = problems(umowa(WHOLE.replace("after 4 hours", "after 4 days")))
    assert found[0] == "'after 4 days' on a penalty per started hour"
    assert found[3] == "count in the penalty's own unit: after 4 hours (started hours, as the penalty counts them)"


@pytest.mark.parametrize(("written", "column"), [("for the whole delay", 121), ("on whole delay", 124)])
def test_the_whole_delay_written_otherwise_gets_a_hint_at_the_word(written: str, column: int) -> None:
    (found,) = problems(umowa(WHOLE.replace("on the whole delay", written)))
    assert found[1:] == (13, column, "a step whose rate applies to the whole delay ends with 'on the whole delay': "
                                     "… per started hour after 4 hours on the whole delay"), found
