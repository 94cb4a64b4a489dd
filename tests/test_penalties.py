"""Penalties for missed targets: `penalty resolution P1 0.5% of monthly fee per started hour at most 10% of monthly fee per month`.

A public contract's kary umowne, penale, vite: parsed with positions, judged (T0860-T0866) where written, inherited as
credits are, said on the vendor page in four languages and exported in the rules (format 1.10).
"""

from __future__ import annotations

from decimal import Decimal

import jsonschema
import pytest

from dsl.language.loader import load_text
from dsl.language.model import Vendor
from dsl.rules.export import export_project, load_schema, structural_problems
from dsl.site import views as site
from support.language_plans import only, problems, vendor_of
from support.paths import ROOT
from support.site import words


def docs_example() -> str:
    """The example of docs/language.md, "Penalties for missed targets"."""
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    section = text[text.index("## Penalties for missed targets"):]
    return section.split("```\n", 2)[1]


PLAN = """calendar office {{
  zone Europe/Stockholm
  open mon-fri 08:00-17:00
}}
vendor acme {{
  name "Acme"
  language en
  priorities sev
  plan gold {{
    name "Gold"
    price 12000 SEK per month
    target first-response P1 2h on office
    target resolution all 2 business days on office
{body}
  }}
}}
priorities sev {{
  level P1 {{ name "P1" }}
  level P2 {{ name "P2" }}
}}
"""


def gold(*lines: str) -> str:
    """The plan file with `lines` at the end of plan gold (the first of them on line 14)."""
    return PLAN.format(body="\n".join("    " + line for line in lines))


# --- the language ---------------------------------------------------------------------------------


def test_the_documented_example_checks_and_reads_as_written() -> None:
    vendor = vendor_of(docs_example())
    standard, podstawowy = vendor.plans
    first, business, day = standard.penalties
    assert (first.metric, first.priority, first.amount.value, first.amount.fee_period) == ("first-response", "A", Decimal("0.1"), "month")
    assert (first.unit, first.started, first.business) == ("hour", True, False)
    assert first.cap is not None and (first.cap.value, first.cap.fee_period, first.cap_per) == (Decimal("10"), "month", "month")
    assert (business.unit, business.started, business.business) == ("hour", True, True)
    assert (day.priority, day.amount.value, day.amount.currency, day.unit, day.cap) == (None, Decimal("200"), "PLN", "day", None)
    assert podstawowy.penalties == () and podstawowy.no_penalties and podstawowy.penalty_total is None
    total = standard.penalty_total
    assert total is not None and (total.amount.value, total.amount.fee_period, total.per) == (Decimal("30"), "month", "month")


def test_penalties_carry_the_positions_they_were_written_at() -> None:
    line = "penalty first-response P1 500 SEK per started hour at most 5000 SEK per month"
    penalty = vendor_of(gold(line)).plans[0].penalties[0]

    def column(part: str) -> int:
        return line.index(part) + 5  # the line is indented by four spaces; columns count from 1

    assert (penalty.pos.line, penalty.pos.column) == (14, 5)
    assert (penalty.amount.pos.line, penalty.amount.pos.column) == (14, column("500 SEK"))
    assert (penalty.per_pos.line, penalty.per_pos.column) == (14, column("started hour"))
    assert (penalty.cap_pos.line, penalty.cap_pos.column) == (14, column("at most"))
    assert penalty.cap is not None and penalty.cap.pos.column == column("5000 SEK")
    assert (penalty.cap_per_pos.line, penalty.cap_per_pos.column) == (14, column("month"))


def _family(parent: str, child: str) -> Vendor:
    text = gold(parent).replace("  }\n}\npriorities", "  }\n  plan platinum extends gold {\n    name \"Platinum\"\n" + child + "\n  }\n}\npriorities")
    return vendor_of(text)


def test_a_plan_inherits_its_parents_penalties_as_a_whole_unless_it_writes_its_own() -> None:
    inherited = _family("penalty first-response P1 1% of monthly fee per started hour", "")
    assert inherited.plans[1].penalties == inherited.plans[0].penalties != ()
    own = _family("penalty first-response P1 1% of monthly fee per started hour", "    penalty resolution all 500 SEK per started day")
    assert [p.metric for p in own.plans[1].penalties] == ["resolution"]  # not the parent's first-response besides
    none = _family("penalty first-response P1 1% of monthly fee per started hour", "    penalty none")
    assert none.plans[1].penalties == () and none.plans[1].no_penalties
    total = "penalty first-response P1 1% of monthly fee per started hour\n    penalty total at most 10% of monthly fee per month"
    with_total = _family(total, "")
    assert with_total.plans[1].penalty_total == with_total.plans[0].penalty_total is not None


@pytest.mark.parametrize(
    ("lines", "found"),
    [
        (("penalty resolution all 0% of monthly fee per started hour",),
         ("a penalty of 0% of monthly fee: it is more than 0", 14, "0% of monthly fee",
          "an offer that pays no penalties says so: penalty none", "T0860")),
        (("penalty resolution all 120% of monthly fee per day",),
         ("a penalty of 120% of the fee: it is at most 100", 14, "120%",
          "a share of the fee is at most the whole fee, such as: 0.5% of monthly fee", "T0860")),
        (("penalty resolution all 1% of monthly fee per day at most 0 SEK per month",),
         ("a penalty's cap of 0 SEK: it is more than 0", 14, "0 SEK", "leave the cap out when there is none", "T0860")),
        (("penalty first-response P2 1% of monthly fee per started hour",),
         ("a penalty for first-response P2, which has no target in plan 'gold'", 14, "penalty",
          "a penalty is paid when a promised time is missed: write the target first, such as: target first-response P2 4h on CALENDAR",
          "T0861")),
        (("target workaround all none", "penalty workaround all 1% of monthly fee per day"),
         ("a penalty for workaround all, which has no guaranteed time in plan 'gold'", 15, "penalty",
          "a penalty is paid when a promised time is missed: write the target first, such as: target workaround all 4h on CALENDAR",
          "T0861")),
        (("penalty first-response P1 10% of monthly fee per started hour at most 0.5% of monthly fee per month",),
         ("a cap of 0.5% of monthly fee, below the penalty of 10% of monthly fee", 14, "0.5%",
          "the first hour would already pass the cap: the cap is at least 10% of monthly fee (probably two numbers are swapped)", "T0862")),
        (("penalty first-response P1 500 EUR per started hour",),
         ("a penalty in EUR, but plan 'gold' is priced in SEK", 14, "500 EUR", "write the amount in the currency of the contract, such as: 500 SEK",
          "T0863")),
        (("penalty first-response P1 1% of weekly fee per started hour",),
         ("unknown fee 'weekly'", 14, "weekly fee",
          "a share is of the plan's fee for a period: of monthly fee, of quarterly fee or of yearly fee; "
          "or of the whole contract's value: of contract value", "T0864")),
        (("penalty first-response P1 1% of monthly fee per started week",),
         ("a penalty per 'started week'", 14, "started week",
          "a penalty is per started hour, hour, started business hour, business hour, started day, day, started business day, "
          "business day or occurrence", "T0864")),
        (("penalty first-response P1 1% of monthly fee per day", "penalty first-response P1 2% of monthly fee per day"),
         ("a penalty for first-response P1 is given twice", 15, "penalty", "first given at line 14", "T0865")),
        (("penalty first-response P1 1% of monthly fee per day", "penalty none"),
         ("'penalty none' beside penalties", 15, "penalty",
          "an offer that pays penalties writes them; 'penalty none' says it pays none: keep one of the two", "T0865")),
        (("penalty first-response P1 1% of monthly fee per day at most 10% of monthly fee",),
         ("a cap on a penalty without what it sums over", 14, "at most",
          "add one: at most 10% of monthly fee per month (per month: the penalties of a month together; per contract: over its whole "
          "term; per occurrence: of one missed target)", "T0866")),
        (("penalty first-response P1 1% of monthly fee per day at most 5% of contract value",),
         ("a cap on a penalty without what it sums over", 14, "at most",
          "add one: at most 5% of contract value per contract (per month: the penalties of a month together; per contract: over its "
          "whole term; per occurrence: of one missed target)", "T0866")),
        (("penalty first-response P1 1% of monthly fee per day at most 10% of monthly fee per week",),
         ("a cap per 'week'", 14, "week", "use one of: month, quarter, year, contract, occurrence", "T0866")),
        (("penalty first-response P1 1% of monthly fee per occurrence at most 10% of monthly fee per occurrence",),
         ("a cap per occurrence on a penalty paid once per occurrence", 14, "at most",
          "the penalty of one missed target is its amount: cap it per month, quarter or year, or leave the cap out", "T0866")),
        (("penalty total at most 20% of monthly fee per month",),
         ("a total cap of penalties without penalties beside it", 14, "penalty",
          "write the penalties it caps in the same plan block (a plan that writes its own total does not take its parent's penalties, "
          "so that the two are read together)", "T0867")),
        (("penalty first-response P1 1% of monthly fee per day", "penalty total at most 20% of monthly fee"),
         ("a total cap of penalties without the period it sums over", 15, "penalty",
          "add one: penalty total at most 20% of monthly fee per month", "T0866")),
        # outside15: "fino al 10% del valore del contratto" without its window was told to add "per month".
        (("penalty first-response P1 1% of monthly fee per day", "penalty total at most 10% of contract value"),
         ("a total cap of penalties without the period it sums over", 15, "penalty",
          "add one: penalty total at most 10% of contract value per contract", "T0866")),
        (("penalty first-response P1 1% of monthly fee per day", "penalty total at most 20% of monthly fee per occurrence"),
         ("a total cap of penalties per 'occurrence'", 15, "occurrence",
          "a total cap sums all the plan's penalties over a month, quarter, year or the contract's whole term: per month, "
          "per quarter, per year or per contract (a cap per occurrence is one penalty's: at most ... per occurrence on its line)", "T0866")),
        (("penalty none", "penalty total at most 20% of monthly fee per month"),
         ("'penalty total' beside 'penalty none'", 15, "penalty", "an offer that pays no penalties has none to cap: keep one of the two",
          "T0865")),
        (("penalty first-response P1 1% of monthly fee per day", "penalty total at most 2000 EUR per month"),
         ("a penalty in EUR, but plan 'gold' is priced in SEK", 15, "2000 EUR",
          "write the amount in the currency of the contract, such as: 2000 SEK", "T0863")),
        (("target resolution P1 none", "penalty resolution P1 1% of monthly fee per day"),
         ("a penalty for resolution P1, which has no guaranteed time in plan 'gold'", 15, "penalty",
          "a penalty is paid when a promised time is missed: write the target first, such as: target resolution P1 4h on CALENDAR",
          "T0861")),
        (("penalty first-response P3 1% of monthly fee per day",), ("unknown priority 'P3'", 14, "P3", "known here: 'P1', 'P2'", "T0314")),
        (("penalty first-respons P1 1% of monthly fee per day",),
         ("unknown metric 'first-respons'", 14, "first-respons", "did you mean 'first-response'?", "T0405")),
    ],
)
def test_a_mistake_is_reported_where_it_is_written(lines: tuple[str, ...], found: tuple[str, int, str, str, str]) -> None:
    # `found` names the words the caret is under (their last occurrence on the line: a cap's amount after the penalty's).
    message, line, under, hint, code = found
    written = "    " + lines[line - 14]
    result = load_text(gold(*lines), "t.plan")
    assert [(d.message, d.pos.line, d.pos.column, d.hint, d.code) for d in result.diagnostics if d.is_error] == [
        (message, line, written.rindex(under) + 1, hint, code)
    ]


def test_business_hours_need_a_target_on_a_calendar_and_working_days_are_business_days() -> None:
    assert problems(gold("penalty resolution all 1% of monthly fee per started business hour")) == []
    message, line, column, hint = only(gold("penalty resolution all 1% of monthly fee per started working day"))
    assert (message, line, column) == ("a penalty per 'started working day'", 14, len("    penalty resolution all 1% of monthly fee per ") + 1)
    assert "working days are business days: per started business day" in (hint or "")


def test_an_inherited_penalty_is_judged_once_in_the_plan_that_wrote_it() -> None:
    text = gold("penalty first-response P1 500 EUR per started hour").replace(
        "  }\n}\npriorities", '  }\n  plan platinum extends gold {\n    name "Platinum"\n  }\n}\npriorities'
    )
    assert [code for code in (d.code for d in load_text(text, "t.plan").diagnostics)] == ["T0863"]


# --- the vendor page --------------------------------------------------------------------------------


def _plain(html: str) -> str:
    html = html.replace("<br>", "|").replace('<small class="total">', "|").replace("</small>", "")
    return html.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


PAGE = {
    "sv": (
        "Vite vid försening",
        {
            "first-response": ["Awaria krytyczna: 0,1 % av månadsavgiften per påbörjad timme försening, högst 10 % av månadsavgiften per månad",
                               "Inga viten"],
            "resolution": ["Awaria krytyczna: 0,5 % av månadsavgiften per påbörjad timme försening inom kontorstid, högst 20 % av "
                           "månadsavgiften per månad|Övriga prioriteter: 200 PLN per påbörjat dygn försening", "Inga viten"],
        },
    ),
    "it": (
        "Penale per ritardo",
        {
            "first-response": ["Awaria krytyczna: 0,1% del canone mensile per ogni ora o frazione di ritardo, al massimo il 10% del canone "
                               "mensile al mese", "Nessuna penale"],
            "resolution": ["Awaria krytyczna: 0,5% del canone mensile per ogni ora o frazione di ritardo in orario d’ufficio, al massimo "
                           "il 20% del canone mensile al mese|Altre priorità: 200 PLN per ogni giorno o frazione di ritardo", "Nessuna penale"],
        },
    ),
    "pl": (
        "Kara umowna za zwłokę",
        {
            "first-response": ["Awaria krytyczna: 0,1% wynagrodzenia miesięcznego za każdą rozpoczętą godzinę zwłoki, łącznie nie więcej "
                               "niż 10% wynagrodzenia miesięcznego w miesiącu", "Brak kar umownych"],
            "resolution": ["Awaria krytyczna: 0,5% wynagrodzenia miesięcznego za każdą rozpoczętą godzinę zwłoki w godzinach pracy, "
                           "łącznie nie więcej niż 20% wynagrodzenia miesięcznego w miesiącu|Pozostałe priorytety: 200 zł za każdy "
                           "rozpoczęty dzień zwłoki", "Brak kar umownych"],
        },
    ),
    "en": (
        "Penalty for delay",
        {
            "first-response": ["Awaria krytyczna: 0.1% of the monthly fee per started hour of delay, at most 10% of the monthly fee per month",
                               "No penalties"],
            "resolution": ["Awaria krytyczna: 0.5% of the monthly fee per started business hour of delay, at most 20% of the monthly fee "
                           "per month|Other priorities: PLN 200 per started day of delay", "No penalties"],
        },
    ),
}


TOTAL = {
    "sv": "Alla viten sammanlagt högst 30 % av månadsavgiften per månad",
    "it": "Tetto complessivo delle penali: il 30% del canone mensile al mese",
    "pl": "Wszystkie kary umowne łącznie nie więcej niż 30% wynagrodzenia miesięcznego w miesiącu",
    "en": "All penalties together at most 30% of the monthly fee per month",
}
"""The last line of Standard's cell in each table: its `penalty total`."""


@pytest.mark.parametrize("lang", sorted(PAGE))
def test_the_vendor_page_says_each_tiers_penalty_under_its_metric_in_each_language(lang: str) -> None:
    vendor = vendor_of(docs_example())
    reader = site.Reader(lang, words()[lang], vendor)
    tables = {t.metric: t for t in site.target_tables(vendor, reader)}
    label, cells = PAGE[lang]
    assert reader.gettext("Penalty for delay") == label
    # The example's level names are Polish in every language but their own: the page shows the Polish name
    # where the author wrote no other, so the test reads the level's name as the page does.
    name = _plain(str(site._level_name(vendor, "A", reader)))
    for metric, expected in cells.items():
        shown = [_plain(str(c.text)) for c in tables[metric].penalties]
        standard, podstawowy = (e.replace("Awaria krytyczna", name) for e in expected)
        assert shown == [f"{standard}|{TOTAL[lang]}", podstawowy]
        # The total is set apart from the penalties in a note's small type, not run on as one more of them.
        head, _, total = str(tables[metric].penalties[0].text).rpartition('<small class="total">')
        assert head and _plain(total) == TOTAL[lang]


def test_a_metric_without_penalties_has_no_penalty_row_and_a_silent_tier_reads_not_stated() -> None:
    vendor = vendor_of(gold("penalty first-response P1 500 SEK per occurrence").replace(
        "  }\n}\npriorities", '  }\n  plan free {\n    name "Free"\n    target first-response all none\n  }\n}\npriorities'))
    reader = site.Reader("en", words()["en"], vendor)
    tables = {t.metric: t for t in site.target_tables(vendor, reader)}
    assert tables["resolution"].penalties == ()
    gold_cell, free_cell = tables["first-response"].penalties
    assert _plain(str(gold_cell.text)) == "P1: SEK 500 per missed target" and gold_cell.stated
    assert str(free_cell.text) == "Not stated" and not free_cell.stated


# --- the rules ---------------------------------------------------------------------------------------


def test_the_rules_carry_each_penalty_and_validate() -> None:
    result = load_text(docs_example(), "x.plan")
    assert result.project is not None
    doc = export_project(result.project, (2026, 2026))
    jsonschema.validate(doc, load_schema())
    assert structural_problems(doc) == []
    assert doc["format_version"] == "1.14"
    plans = doc["vendors"]["urzad-it"]["plans"]
    assert plans["podstawowy"]["penalties"] == [] and plans["podstawowy"]["penalties_total"] is None
    assert plans["standard"]["penalties_total"] == {"amount": {"kind": "fee-share", "percent": 30, "fee_period": "month"}, "per": "month"}
    assert plans["standard"]["penalties"] == [
        {"metric": "first-response", "priority": "A", "amount": {"kind": "fee-share", "percent": 0.1, "fee_period": "month"},
         "per": "hour", "started": True, "clock": "real",
         "cap": {"amount": {"kind": "fee-share", "percent": 10, "fee_period": "month"}, "per": "month"}, "steps": None,
         "obligation": None, "calendar": None},
        {"metric": "resolution", "priority": "A", "amount": {"kind": "fee-share", "percent": 0.5, "fee_period": "month"},
         "per": "hour", "started": True, "clock": "business",
         "cap": {"amount": {"kind": "fee-share", "percent": 20, "fee_period": "month"}, "per": "month"}, "steps": None,
         "obligation": None, "calendar": None},
        {"metric": "resolution", "priority": None, "amount": {"kind": "money", "amount": 200, "currency": "PLN"},
         "per": "day", "started": True, "clock": "real", "cap": None, "steps": None, "obligation": None, "calendar": None},
    ]


def test_a_plan_that_says_nothing_of_penalties_exports_null() -> None:
    result = load_text(gold(), "t.plan")
    assert result.project is not None
    assert export_project(result.project, (2026, 2026))["vendors"]["acme"]["plans"]["gold"]["penalties"] is None


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.update(per="week"),
        lambda p: p.update(clock="office"),
        lambda p: p["amount"].update(percent=0),
        lambda p: p["amount"].update(fee_period="week"),
        lambda p: p.update(cap={"amount": {"kind": "money", "amount": 10, "currency": "sek"}, "per": "month"}),
        lambda p: p.update(cap={"amount": {"kind": "money", "amount": 10, "currency": "SEK"}, "per": "fortnight"}),
        lambda p: p.pop("started"),
    ],
)
def test_the_schema_refuses_a_penalty_a_consumer_could_not_read(change) -> None:  # type: ignore[no-untyped-def]
    result = load_text(gold("penalty first-response P1 1% of monthly fee per started hour"), "t.plan")
    assert result.project is not None
    doc = export_project(result.project, (2026, 2026))
    validator = jsonschema.Draft202012Validator(load_schema())
    assert validator.is_valid(doc)
    change(doc["vendors"]["acme"]["plans"]["gold"]["penalties"][0])
    assert not validator.is_valid(doc)


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("penalty resolution all 0.5% per started hour", "penalty resolution all 0.5% of monthly fee per started hour"),
        ("penalty resolution all 500 SEK", "penalty resolution all 0.5% of monthly fee per started hour"),
        ("penalty resolution 0.5% of monthly fee per day", "a penalty names its metric and priority (or all)"),
        ("penalty resolution all 1% of monthly fee per day max 10% of monthly fee per month", "at most 10% of monthly fee per month"),
        ("penalty resolution all 1% of monthly fee per day, at most 10% of monthly fee per month", "at most 10% of monthly fee per month"),
    ],
)
def test_a_penalty_written_as_contracts_word_it_gets_a_hint_at_the_slip(line: str, hint: str) -> None:
    text = f'vendor v {{\n  name "V"\n  language en\n  plan p {{\n    name "P"\n    {line}\n  }}\n}}\n'
    found = [d for d in load_text(text, "t.plan").diagnostics if d.code == "T0101"]
    assert len(found) == 1 and hint in (found[0].hint or "")
    assert found[0].pos.line in (6, 7)  # at the slip, or at the block's end when the line stops too early


# --- the comparison across vendors ----------------------------------------------------------------------

COMPARED = {
    "sv": "Första svar (A) och lösning",
    "it": "Prima risposta (A) e risoluzione",
    "pl": "Pierwsza odpowiedź (A) i rozwiązanie",
    "en": "First response (A) and resolution",
}
"""Standard's cell in the comparison's penalties column: the targets it pays for missing, a priority's id in brackets."""

NONE = {"sv": "Inga viten", "it": "Nessuna penale", "pl": "Brak kar umownych", "en": "No penalties"}


@pytest.mark.parametrize("lang", sorted(COMPARED))
def test_the_comparison_says_which_targets_a_tier_pays_a_penalty_for_in_each_language(lang: str) -> None:
    from support.site import compare_view

    project = load_text(docs_example(), "x.plan").project
    assert project is not None
    page = compare_view(project, lang)
    assert page.columns[-1].key == "penalties" and page.columns[-1].label == PAGE[lang][0]
    standard, podstawowy = (row.cells[-1] for row in page.rows)
    assert _plain(str(standard.text)) == COMPARED[lang] and _plain(str(standard.small)) == TOTAL[lang]
    assert str(podstawowy.text) == NONE[lang] and not podstawowy.unstated


def test_the_comparison_has_the_penalties_column_only_when_some_tier_states_penalties() -> None:
    from support.site import compare_view

    without = load_text(PLAN.format(body=""), "t.plan").project
    assert without is not None and "penalties" not in [c.key for c in compare_view(without, "en").columns]
    # `penalty none` alone is a fact worth a column: a buyer learns the tier pays nothing.
    only_none = load_text(gold("penalty none"), "t.plan").project
    assert only_none is not None and compare_view(only_none, "en").columns[-1].key == "penalties"


def test_the_comparison_sorts_tiers_that_pay_first_more_targets_first_and_silence_last() -> None:
    from dsl.site import compare

    def key(*lines: str) -> str:
        acme = vendor_of(gold(*lines))
        return compare.penalties_cell(acme.plans[0], site.Reader("en", words()["en"], acme)).sort

    both = key("penalty first-response P1 500 SEK per occurrence", "penalty resolution all 1% of monthly fee per day")
    one = key("penalty first-response all 500 SEK per occurrence")
    assert both < one < key("penalty none") < key() == compare.LAST
    # A target backed for some priorities only names them; for every priority, none.
    acme = vendor_of(gold("penalty first-response P1 500 SEK per occurrence", "penalty resolution all 1% of monthly fee per day"))
    assert str(compare.penalties_cell(acme.plans[0], site.Reader("en", words()["en"], acme)).text) == "First response (P1) and resolution"


def test_a_lazy_vendor_says_whether_it_states_penalties_without_loading() -> None:
    from dsl.language import outline

    acme = vendor_of(docs_example())
    face = outline.VendorFace(acme.id, acme.name, acme.language, acme.pos, acme.sources, False, False, Vendor.states_penalties(acme))
    lazy = outline.lazy_vendor(face, lambda: pytest.fail("the vendor was loaded"))
    assert lazy.states_penalties() is True
