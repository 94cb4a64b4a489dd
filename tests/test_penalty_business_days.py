"""Penalties per business day of delay and rates per mille ("1‰ del valore del contratto per ogni giorno lavorativo di
ritardo", "0,5 ‰ je Arbeitstag Verzug", "za każdy dzień roboczy zwłoki"): parsed with positions, judged where written,
said on the vendor page in four languages and exported in format 1.13 (a per mille as its exact percentage)."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import jsonschema
import pytest

from dsl.language.loader import load_text
from dsl.rules.engine import Evaluator, Timeline
from dsl.rules.export import export_project, load_schema, structural_problems
from dsl.site import views as site
from support.language_plans import problems, vendor_of
from support.parse_both_ways import same
from support.paths import ROOT
from support.site import words

PLAN = """calendar ufficio {{
  zone Europe/Rome
  open mon-fri 08:00-16:00
  closed holidays IT
}}
vendor ente {{
  name "Ente"
  language it
  plan appalto {{
    name "Appalto"
    price 48000 EUR per year
    target first-response all 4h on ufficio
    target resolution all 2 business days {calendar}
{body}
  }}
}}
"""


def appalto(*lines: str, calendar: str = "on ufficio") -> str:
    """The plan file with `lines` at the end of plan appalto (the first of them on line 14)."""
    return PLAN.format(calendar=calendar, body="\n".join("    " + line for line in lines))


def docs_example() -> str:
    """The example of docs/language.md, "Penalties per business day, and rates per mille"."""
    text = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    return text[text.index("### Penalties per business day, and rates per mille"):].split("```\n", 2)[1]


# --- the language ---------------------------------------------------------------------------------


def test_the_documented_example_checks_clean_and_reads_business_days_and_per_mille() -> None:
    assert problems(docs_example()) == []
    resolution, response = vendor_of(docs_example()).plans[0].penalties
    assert (resolution.unit, resolution.started, resolution.business) == ("day", True, True)
    assert (response.unit, response.started, response.business) == ("day", False, True)
    # A per mille is kept as its percentage, exactly, and as written for the page.
    assert (resolution.amount.value, resolution.amount.written, resolution.amount.per_mille) == (Decimal("0.1"), Decimal("1"), True)
    assert resolution.amount.of_contract
    assert (response.amount.value, response.amount.written, response.amount.fee_period) == (Decimal("0.05"), Decimal("0.5"), "year")
    # The cap in percent is no per mille.
    assert resolution.cap is not None and (resolution.cap.value, resolution.cap.per_mille) == (Decimal("10"), False)


@pytest.mark.parametrize("share", ["0.5‰", "0.5 ‰", "0.5 per mille"])
def test_per_mille_is_written_with_the_sign_or_in_words_and_is_a_tenth_of_the_percentage(share: str) -> None:
    line = f"penalty resolution all {share} of contract value per started business day"
    penalty = vendor_of(appalto(line)).plans[0].penalties[0]
    assert (penalty.amount.value, penalty.amount.written, penalty.amount.per_mille) == (Decimal("0.05"), Decimal("0.5"), True)
    assert (penalty.amount.pos.line, penalty.amount.pos.column) == (14, len("    penalty resolution all ") + 1)
    assert (penalty.per_pos.line, penalty.per_pos.column) == (14, ("    " + line).index("started business day") + 1)


def test_a_penalty_per_business_day_grows_in_business_days_written_as_days() -> None:
    line = ("penalty resolution all 1‰ of contract value per started business day "
            "then 2‰ of contract value per started business day after 5 days")
    assert problems(appalto(line)) == []
    step = vendor_of(appalto(line)).plans[0].penalties[0].steps[0]
    assert (step.amount.value, step.amount.written, step.after, step.after_unit) == (Decimal("0.2"), Decimal("2"), 5, "days")


@pytest.mark.parametrize(
    ("line", "calendar", "found"),
    [
        ("penalty resolution all 1% of monthly fee per started business day", "",
         ("a penalty per business day for resolution all, whose target runs on no calendar", "started business day",
          "business days are the days the target's calendar is open: give the target one (on CALENDAR), or count days of "
          "24 hours (per started day)", "T0864")),
        ("penalty resolution all 1% of monthly fee per working day", "on ufficio",
         ("a penalty per 'working day'", "working day",
          "a penalty is per started hour, hour, started business hour, business hour, started day, day, started business day, "
          "business day or occurrence (working days are business days: per started business day)", "T0864")),
        ("penalty resolution all 1200‰ of yearly fee per business day", "on ufficio",
         ("a penalty of 1200‰ of the fee: it is at most 1000 (per mille)", "1200‰",
          "a share of the fee is at most the whole fee, such as: 0.5‰ of yearly fee (a percentage is written with %)", "T0860")),
        ("penalty resolution all 0‰ of yearly fee per business day", "on ufficio",
         ("a penalty of 0‰ of yearly fee: it is more than 0", "0‰", "an offer that pays no penalties says so: penalty none", "T0860")),
        # A cap per mille and a penalty in percent are one measure: 5‰ is below 1%.
        ("penalty resolution all 1% of yearly fee per started business day at most 5‰ of yearly fee per month", "on ufficio",
         ("a cap of 5‰ of yearly fee, below the penalty of 1% of yearly fee", "5‰",
          "the first day would already pass the cap: the cap is at least 1% of yearly fee (probably two numbers are swapped)", "T0862")),
        ("penalty resolution all 1‰ of contract value per started business day then 2‰ of contract value per started day after 5 days",
         "on ufficio",
         ("a step per 'started day' on a penalty per 'started business day'", "started day after",
          "a growing penalty keeps its unit; the count says when the new amount starts: then 2‰ of contract value per "
          "started business day after 5 days", "T0869")),
    ],
)
def test_a_mistake_is_reported_where_it_is_written(line: str, calendar: str, found: tuple[str, str, str, str]) -> None:
    message, under, hint, code = found
    result = load_text(appalto(line, calendar=calendar), "t.plan")
    # A target without a calendar is T0802 itself, on its own line (13); the penalty's line says what it cannot count.
    assert [d.code for d in result.diagnostics if d.is_error and d.pos.line == 13] == ([] if calendar else ["T0802"])
    assert [(d.message, d.pos.line, d.pos.column, d.hint, d.code) for d in result.diagnostics if d.is_error and d.pos.line != 13] == [
        (message, 14, ("    " + line).rindex(under) + 1, hint, code)
    ]


@pytest.mark.parametrize(
    ("line", "under", "hint"),
    [
        ("penalty resolution all 0.5 promille of contract value per started business day", "promille",
         "a share per mille is written with ‰ or 'per mille' in place of %: 0.5‰ of yearly fee, 0.5 per mille of contract value"),
        ("penalty resolution all 500 EUR per started business day then 900 EUR per started business day after 5 business days",
         "days", "a step counts in the penalty's own unit, written without 'business' (a penalty per business day counts "
         "business days): after 5 days"),
        ("penalty resolution all 0.5 per mile of contract value per business day", "mile", "did you mean 'mille'?"),
    ],
)
def test_a_syntax_slip_is_located_with_a_hint(line: str, under: str, hint: str) -> None:
    result = load_text(appalto(line), "t.plan")
    (found,) = [d for d in result.diagnostics if d.is_error]
    assert (found.pos.line, found.pos.column, found.hint) == (14, ("    " + line).rindex(under) + 1, hint)


# --- the vendor page --------------------------------------------------------------------------------


GROWING = ("penalty resolution all 0.5‰ of contract value per started business day "
           "then 1‰ of contract value per started business day after 5 days at most 80‰ of contract value per contract")
WHOLE = "penalty first-response all 100 EUR per business day then 200 EUR per business day after 1 day on the whole delay"

PAGE = {
    "sv": ["0,5 ‰ av avtalets värde per påbörjad arbetsdag försening, därefter 1 ‰ av avtalets värde per arbetsdag efter de "
           "första 5 arbetsdagarna, högst 80 ‰ av avtalets värde under hela avtalstiden",
           "100 € per hel arbetsdag försening, därefter 200 € per arbetsdag för hela förseningen när den överstiger 1 arbetsdag"],
    "it": ["0,5‰ del valore del contratto per ogni giorno lavorativo o frazione di ritardo, poi l’1‰ del valore del contratto "
           "per ogni giorno lavorativo dopo i primi 5 giorni lavorativi, al massimo l’80‰ del valore del contratto per l’intera "
           "durata del contratto",
           "100 € per ogni giorno lavorativo intero di ritardo, poi 200 € per ogni giorno lavorativo dell’intero ritardo, se "
           "supera 1 giorno lavorativo"],
    "pl": ["0,5‰ wartości umowy za każdy rozpoczęty dzień roboczy zwłoki, a następnie 1‰ wartości umowy za każdy dzień roboczy "
           "zwłoki po pierwszych 5 dniach roboczych, łącznie nie więcej niż 80‰ wartości umowy w całym okresie obowiązywania umowy",
           "100 € za każdy pełny dzień roboczy zwłoki, a następnie 200 € za każdy dzień roboczy całej zwłoki, gdy przekroczy ona "
           "1 dzień roboczy"],
    "en": ["0.5‰ of the contract value per started business day of delay, then 1‰ of the contract value per business day after "
           "the first 5 business days, at most 80‰ of the contract value over the whole contract",
           "€100 per full business day of delay, then €200 per business day for the whole delay once it exceeds 1 business day"],
}


def _plain(text: str) -> str:
    return text.replace("\u2060", "").replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")


@pytest.mark.parametrize("lang", sorted(PAGE))
def test_the_vendor_page_says_business_days_and_per_mille_as_the_contract_does(lang: str) -> None:
    vendor = vendor_of(appalto(GROWING, WHOLE))
    reader = site.Reader(lang, words()[lang], vendor)
    growing, whole = vendor.plans[0].penalties
    assert [_plain(site.penalty_text(p, reader)) for p in (growing, whole)] == PAGE[lang]


def test_italian_says_the_article_of_the_number_as_written_per_mille() -> None:
    vendor = vendor_of(appalto("penalty resolution all 1% of contract value per started business day at most 0.5‰ of yearly fee per month"))
    reader = site.Reader("it", words()["it"], vendor)
    # "lo 0,5‰" (zero virgola cinque), not the article of the percentage 0.05 it is exported as.
    assert _plain(site.penalty_text(vendor.plans[0].penalties[0], reader)).endswith("al massimo lo 0,5‰ del canone annuo al mese")


# --- the rules ---------------------------------------------------------------------------------------


def _rules(text: str) -> dict:
    result = load_text(text, "x.plan")
    assert result.project is not None
    doc = export_project(result.project, (2026, 2026))
    jsonschema.validate(doc, load_schema())
    assert structural_problems(doc) == []
    return doc


def test_the_rules_carry_a_business_day_penalty_and_per_mille_as_its_exact_percentage() -> None:
    doc = _rules(docs_example())
    assert doc["format_version"] == "1.14"
    assert doc["vendors"]["ente-it"]["plans"]["appalto"]["penalties"] == [
        {"metric": "resolution", "priority": None, "amount": {"kind": "contract-share", "percent": 0.1},
         "per": "day", "started": True, "clock": "business",
         "cap": {"amount": {"kind": "contract-share", "percent": 10}, "per": "contract"}, "steps": None, "obligation": None, "calendar": None},
        {"metric": "first-response", "priority": None, "amount": {"kind": "fee-share", "percent": 0.05, "fee_period": "year"},
         "per": "day", "started": False, "clock": "business", "cap": None, "steps": None, "obligation": None, "calendar": None},
    ]


@pytest.mark.parametrize(("share", "written"), [("0.3‰", "0.03"), ("1.25‰", "0.125"), ("0.7 per mille", "0.07"), ("100‰", "10"),
                                                 ("1000‰", "100"), ("0.001‰", "0.0001")])
def test_a_per_mille_is_exported_without_float_rounding(share: str, written: str) -> None:
    doc = _rules(appalto(f"penalty resolution all {share} of contract value per started business day"))
    text = json.dumps(doc["vendors"]["ente"]["plans"]["appalto"]["penalties"][0]["amount"])
    assert text == f'{{"kind": "contract-share", "percent": {written}}}'


def test_the_schema_allows_a_business_clock_per_hour_or_day_only() -> None:
    doc = _rules(appalto("penalty resolution all 100 EUR per started business day"))
    penalty = doc["vendors"]["ente"]["plans"]["appalto"]["penalties"][0]
    validator = jsonschema.Draft202012Validator(load_schema())
    for per, valid in (("day", True), ("hour", True), ("occurrence", False)):
        penalty["per"] = per
        assert validator.is_valid(doc) is valid, per


def test_a_penalty_per_day_of_24_hours_is_exported_as_before() -> None:
    doc = _rules(appalto("penalty resolution all 100 EUR per started day"))
    penalty = doc["vendors"]["ente"]["plans"]["appalto"]["penalties"][0]
    assert (penalty["per"], penalty["started"], penalty["clock"]) == ("day", True, "real")


# --- how the business days of delay are counted (docs/rules.md §2, "Business days of delay") -------------------------


def _open_us(timeline: Timeline, start: int, stop: int) -> int:
    """The calendar's open time in [start, stop), in microseconds."""
    return sum(max(0, min(end, stop) - max(begin, start)) for begin, end in zip(timeline.starts, timeline.ends, strict=True))


def business_days_of_delay(timeline: Timeline, deadline: datetime, event: datetime, started: bool) -> int:
    """docs/rules.md's definition, written out as plainly as it reads: the test's oracle for its worked examples."""
    assert timeline.days is not None
    d, e = int(deadline.timestamp() * 1_000_000), int(event.timestamp() * 1_000_000)
    local = deadline.astimezone(timeline.zone)
    later = [day for day in timeline.days if day > local.date().toordinal()]
    ends = [int(datetime.combine(date.fromordinal(day), local.time().replace(fold=0), tzinfo=timeline.zone).timestamp() * 1_000_000)
            for day in later]
    if not started:
        return sum(1 for b in ends if b <= e)
    if _open_us(timeline, d, e) == 0:
        return 0
    return next(k for k, b in enumerate(ends, 1) if b >= e or _open_us(timeline, b, e) == 0)


ROME = ZoneInfo("Europe/Rome")

# (deadline, event, started, whole): docs/rules.md's and docs/language.md's examples, on the documented calendar.
COUNTED = [
    ("2026-12-04 11:00", "2026-12-04 15:00", 1, 0),
    ("2026-12-04 11:00", "2026-12-05 10:00", 1, 0),  # Saturday: the delay reached into Friday's open hours
    ("2026-12-04 11:00", "2026-12-09 10:00", 2, 1),  # 8 December is a holiday in Italy
    ("2026-12-04 11:00", "2026-12-09 11:00", 2, 2),
    ("2026-12-04 11:00", "2026-12-09 11:30", 3, 2),
    ("2026-12-04 16:00", "2026-12-05 10:00", 0, 0),  # due at the close, resolved before the next opening
    ("2026-12-04 16:00", "2026-12-07 09:00", 1, 0),
    ("2026-12-04 16:00", "2026-12-07 17:00", 1, 1),  # closed after Monday's 16:00: no second day started
]


@pytest.mark.parametrize(("deadline", "event", "started", "whole"), COUNTED)
def test_the_documented_count_of_business_days_of_delay(deadline: str, event: str, started: int, whole: int) -> None:
    timeline = Evaluator(_rules(docs_example())).timeline("ente-it", "ufficio")
    d, e = (datetime.strptime(t, "%Y-%m-%d %H:%M").replace(tzinfo=ROME) for t in (deadline, event))
    assert (business_days_of_delay(timeline, d, e, True), business_days_of_delay(timeline, d, e, False)) == (started, whole)


def test_the_documented_examples_are_in_the_docs() -> None:
    rules = " ".join((ROOT / "docs" / "rules.md").read_text(encoding="utf-8").split())
    for said in ("Resolved Friday 4 December 15:00: 1 started, 0 whole.", "Wednesday 9 December 10:00: 2 started, 1 whole; 11:00: "
                 "2 started, 2 whole; 11:30: 3 started, 2 whole.", "resolved Monday 7 December 09:00: 1 started, 0 whole."):
        assert said in rules
    language = " ".join((ROOT / "docs" / "language.md").read_text(encoding="utf-8").split())
    assert ("Resolved on Wednesday 9 December at 10:00: 2 started (Monday's and Wednesday's), 1 whole; at 11:00 sharp, 2 started "
            "and 2 whole; at 11:30, 3 started.") in language


@pytest.mark.parametrize("share", ["0.5‰", "0.5 per mille", "0.5%"])
def test_the_fused_parse_builds_the_same_model_as_larks(share: str) -> None:

    same(appalto(f"penalty resolution all {share} of contract value per started business day then 1‰ of contract value "
                 "per started business day after 5 days at most 5 per mille of yearly fee per month"), "t.plan")
