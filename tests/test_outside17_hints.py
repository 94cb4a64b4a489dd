"""Session outside17: what an outside author, writing a Polish accounting-software offer and a Stockholm managed-hosting
offer from docs/language.md alone, wrote first and was not told how to fix.

Each test holds one slip to its message, its spot and a hint that, followed, loads clean.
"""

from __future__ import annotations

import pytest

from support.language_plans import HEADER, only, problems

LEVELS = '  priorities s {\n    level P1 { name "1" }\n    level P2 { name "2" }\n  }\n'
OFFICE = "  calendar office {\n    zone Europe/Stockholm\n    open mon-fri 08:00-17:00\n    closed holidays SE\n  }\n"


def _plan(*lines: str) -> str:
    """A vendor whose plan p holds `lines` (the first on line 19), with a price, targets and an availability to refer to."""
    body = "".join(f"    {line}\n" for line in lines)
    return HEADER + LEVELS + OFFICE + (
        '  plan p {\n    name "P"\n    price 4900 SEK per month excl tax\n    target first-response P1 30min on office\n'
        "    target first-response P2 2h on office\n    availability 99.9% per month\n"
        f"{body}  }}\n}}\n"
    )


@pytest.mark.parametrize(
    ("slip", "column", "hint", "fixed"),
    [
        # "Servicekrediter om vi missar svarstiden": credits are for availability, a late response is a penalty.
        ("credit first-response P1 5% per started hour", 12,
         "a credit is earned on availability (credit 10% below 99.9%); money back for a missed response or resolution time "
         "is a penalty: penalty first-response P1 5% of monthly fee per started hour",
         "penalty first-response P1 5% of monthly fee per started hour"),
        # "Vite för P1 och P2": a penalty names one priority, as a target does.
        ("penalty first-response P1 and P2 5% of monthly fee per started hour", 31,
         "a penalty names one priority (or all), as a target does: write a line for each, penalty first-response P1 … and "
         "penalty first-response P2 …",
         "penalty first-response P1 5% of monthly fee per started hour\n    penalty first-response P2 5% of monthly fee per started hour"),
        ("penalty first-response P1, P2 5% of monthly fee per started hour", 30,
         "a penalty names one priority (or all), as a target does: write a line for each, penalty first-response P1 … and "
         "penalty first-response P2 …",
         "penalty first-response P1 5% of monthly fee per started hour\n    penalty first-response P2 5% of monthly fee per started hour"),
        # "Uppstartsavgift 15 000 kr" on a line of its own.
        ("price 15000 SEK setup excl tax", 21,
         "a set-up fee belongs to the price it is paid with, after plus: price 4900 SEK per month plus 15000 SEK setup excl tax "
         "(a price line of its own would read as an alternative)",
         None),
    ],
)
def test_a_plan_line_slip_is_told_what_to_write(slip: str, column: int, hint: str, fixed: str | None) -> None:
    message, line, at, said = only(_plan(slip))
    assert (line, at, said) == (19, column, hint), message
    if fixed is not None:
        assert problems(_plan(fixed)) == []


def test_a_set_up_fee_written_after_plus_on_the_price_loads_clean() -> None:
    text = _plan().replace("price 4900 SEK per month excl tax", "price 4900 SEK per month plus 15000 SEK setup excl tax")
    assert problems(text) == []


def test_bridge_days_with_the_kinds_of_holiday_point_at_the_holidays_line() -> None:
    calendar = OFFICE.replace("    closed holidays SE\n", "    closed holidays SE\n    closed bridge days including de-facto\n")
    text = HEADER + LEVELS + calendar + '  plan p { name "P" target first-response all 2h on office }\n}\n'
    message, line, column, hint = only(text)
    assert (line, column, hint) == (
        12, 24,
        "'closed bridge days' stands alone: the holidays it counts are those of the calendar's 'closed holidays' lines "
        "(write the kinds there: closed holidays SE including de-facto)",
    ), message
    fixed = text.replace("closed holidays SE\n", "closed holidays SE including de-facto\n").replace(" including de-facto\n  }", "\n  }")
    assert problems(fixed) == []


POLISH = (
    "horizon 2026-2028\n"
    "calendar biuro {\n  zone Europe/Warsaw\n  open mon-fri 08:00-17:00\n  closed holidays PL\n  eve 08:00-13:00 before {names}\n}\n"
    'vendor v {\n  name "V"\n  language pl\n  plan p { name "P" target first-response all 2h on biuro }\n}\n'
)


@pytest.mark.parametrize(
    ("names", "hint", "fixed"),
    [
        # The name every Pole uses for 24 December; the holidays package's is longer.
        ('"Wigilia"', "did you mean 'Wigilia Bożego Narodzenia'?", '"Wigilia Bożego Narodzenia"'),
        # Two holidays hold the words: both are named.
        ('"Boże Narodzenie"', "did you mean 'Boże Narodzenie (pierwszy dzień)' or 'Boże Narodzenie (drugi dzień)'?",
         '"Boże Narodzenie (pierwszy dzień)"'),
        ('"Christmas"', "did you mean 'Christmas Eve', 'Christmas Day' or 'Second Day of Christmas'?", '"Christmas Eve"'),
        # The short day itself: 31 December (Sylwester) is no holiday; the eve is named by the holiday after it.
        ('"Sylwester"', "the holidays of PL: New Year's Day, Epiphany, Easter Sunday, Easter Monday, National Day, National Day "
         "of the Third of May, Pentecost, Corpus Christi, Assumption Day, All Saints' Day, National Independence Day, Christmas "
         "Eve, ... (tierwise holidays PL --year 2026 lists them, with their own names); an eve names the holiday after the short "
         "day: 31 December is the eve of \"New Year's Day\"", '"New Year\'s Day"'),
    ],
)
def test_an_eves_holiday_is_found_by_the_words_written_or_by_the_day_after(names: str, hint: str, fixed: str) -> None:
    message, line, column, said = only(POLISH.replace("{names}", names))
    assert (message, line, column, said) == (
        f"no holiday this calendar closes in 2026–2028 is called '{names.strip(chr(34))}'", 6, 26, hint,
    )
    assert problems(POLISH.replace("{names}", fixed)) == []


def test_the_kind_of_holiday_written_as_two_words_is_told_its_hyphen() -> None:
    calendar = OFFICE.replace("closed holidays SE\n", "closed holidays SE including de facto\n")
    text = HEADER + LEVELS + calendar + '  plan p { name "P" target first-response all 2h on office }\n}\n'
    assert only(text) == ("unexpected 'facto'; expected a statement or a closing '}' here", 11, 37,
                          "a kind of holiday is one word, joined with hyphens: including de-facto")
    assert problems(text.replace("de facto", "de-facto")) == []


@pytest.mark.parametrize(
    ("word", "unit"),
    [("licence", "seat"), ("license", "seat"), ("licencja", "seat"), ("stanowisko", "workstation"), ("arbetsplats", "workstation")],
)
def test_an_offers_own_word_for_its_unit_is_told_the_unit(word: str, unit: str) -> None:
    slip = _plan().replace("price 4900 SEK per month excl tax", f"price 89 PLN per {word} per month excl tax")
    message, line, column, hint = only(slip)
    assert (message, line, column) == (f"unknown price unit '{word}'", 15, 22)
    assert hint == f"did you mean '{unit}'? a price per {word} is written per {unit} (price 89 PLN per {unit} per month)"
    assert problems(slip.replace(f"per {word}", f"per {unit}")) == []


@pytest.mark.parametrize(
    ("slip", "hint"),
    [
        ("penalty first-response P1 & P2 5% of monthly fee per started hour",
         "'&' is no word of the plan language: a target, coverage or penalty names one priority (or all), a line for each"),
        ("coverage P1 & P2 on office",
         "'&' is no word of the plan language: a target, coverage or penalty names one priority (or all), a line for each"),
    ],
)
def test_an_ampersand_between_priorities_is_told_what_to_write(slip: str, hint: str) -> None:
    message, line, column, said = only(_plan(slip))
    assert (message.split(";")[0], line, said) == ("unexpected character '&'", 19, hint)
    assert column == slip.index("&") + 5


def test_an_ampersand_in_a_channel_list_is_told_to_write_and() -> None:
    text = _plan("channels phone for P1 & P2").replace("  plan p {", '  contact phone "+46 8 522 410 00"\n  plan p {')
    message, line, column, said = only(text)
    assert (line, column, said) == (20, 27, "priorities are joined with 'and': channels phone for P1 and P2"), message
    assert problems(text.replace("P1 & P2", "P1 and P2")) == []


def test_a_minimum_in_the_offers_own_word_is_told_the_prices_unit() -> None:
    slip = _plan().replace("price 4900 SEK per month excl tax", "price 119 PLN per workstation per month minimum 10 licences excl tax")
    message, line, column, hint = only(slip)
    assert (message, line, column, hint) == (
        "unknown price unit 'licences'", 15, 53, "a minimum counts what the price is per: minimum 10 workstations",
    )
    assert problems(slip.replace("licences", "workstations")) == []


@pytest.mark.parametrize(
    ("line", "column", "hint", "fixed"),
    [
        # "Sommartid 29/6–9/8": a span of dates with a dash.
        ("hours 2026-06-29 - 2026-08-09 08:00-16:00 on working days", 22,
         "a span of dates is written with 'to': hours 2026-06-29 to 2026-08-09 …",
         "hours 2026-06-29 to 2026-08-09 08:00-16:00 on working days"),
        ("closed 2026-12-28 - 2027-01-06", 23, "a span of dates is written with 'to': closed 2026-12-28 to 2027-01-06 …",
         "closed 2026-12-28 to 2027-01-06"),
    ],
)
def test_a_span_of_dates_written_with_a_dash_is_told_to_write_to(line: str, column: int, hint: str, fixed: str) -> None:
    calendar = OFFICE.replace("    closed holidays SE\n", f"    closed holidays SE\n    {line}\n")
    text = HEADER + LEVELS + calendar + '  plan p { name "P" target first-response all 2h on office }\n}\n'
    message, at_line, at_column, said = only(text)
    assert (at_line, at_column, said) == (12, column, hint), message
    assert problems(text.replace(line, fixed)) == []


@pytest.mark.parametrize("words", ["then open ended", "then until further notice"])
def test_a_contract_until_further_notice_in_words_is_told_open_ended(words: str) -> None:
    message, line, _, hint = only(_plan(f"contract 12 months {words} notice 3 months"))
    assert (line, hint) == (
        19, "a contract that runs on until further notice after its minimum term is written: contract 12 months then open-ended "
        "notice 3 months",
    ), message
    assert problems(_plan("contract 12 months then open-ended notice 3 months")) == []


@pytest.mark.parametrize(
    ("slip", "at", "hint", "fixed"),
    [
        # "Inga viten" as the author first wrote it: `no` was read as a metric and the error fell on the next line.
        ("penalty no", ("unexpected 'no' after 'penalty'", 19, 13), "an offer that pays no penalties says: penalty none", "penalty none"),
        ("no penalties", ("unexpected 'penalties'; expected 'coverage', 'support' or 'target'", 19, 8),
         "an offer that pays no penalties says: penalty none", "penalty none"),
        # No penalty for P2 only: `none` is for the whole plan.
        ("penalty first-response P2 none", ("unexpected 'none'; expected a number", 19, 31),
         "'penalty none' stands alone and is for the whole plan; a tier that pays no penalty for one metric or priority writes no "
         "penalty line for it", "penalty first-response P1 5% of monthly fee per started hour"),
        # "by the end of the 3rd business day"
        ("target resolution P1 end of 3rd business day on office", ("unexpected 'rd'; expected 'business days' (as in: 2 business "
         "days)", 19, 34), "the count is a number: end of 3 business days", "target resolution P1 end of 3 business days on office"),
    ],
)
def test_no_penalties_and_ordinal_days_in_words_are_told_what_to_write(
    slip: str, at: tuple[str, int, int], hint: str, fixed: str,
) -> None:
    text = _plan(slip, "features { }")
    assert only(text) == (*at, hint)
    assert problems(_plan(fixed, "features { }")) == []


@pytest.mark.parametrize(
    ("line", "column", "hint"),
    [
        ("eve 8-13", 9, "a time is written with minutes, such as 08:00-17:00"),
        ("hours yearly 12-24 8-12", 24, "a time is written with minutes, such as 08:00-17:00"),
        ("closed yearly 24.12", 19, "a day of every year is written month first, MM-DD, such as 12-24 for 24 December"),
    ],
)
def test_a_calendars_hours_and_days_as_offers_write_them_are_told_the_form(line: str, column: int, hint: str) -> None:
    calendar = OFFICE.replace("    closed holidays SE\n", f"    closed holidays SE\n    {line}\n")
    text = HEADER + LEVELS + calendar + '  plan p { name "P" target first-response all 2h on office }\n}\n'
    message, at_line, at_column, said = only(text)
    assert (at_line, at_column, said) == (12, column, hint), message


def test_a_channels_hours_after_its_priorities_are_told_the_order() -> None:
    text = HEADER + LEVELS + OFFICE + (
        '  calendar jour { zone Europe/Stockholm open 24x7 }\n  contact phone "+46 8 522 410 99"\n'
        '  plan p {\n    name "P"\n    channels phone for P1 and P2 hours jour\n  }\n}\n'
    )
    message, line, column, hint = only(text)
    assert (line, column, hint) == (
        17, 34, "a channel's hours come before its priorities: channels phone hours around-the-clock for P1 and P2, email",
    ), message
    assert problems(text.replace("for P1 and P2 hours jour", "hours jour for P1 and P2")) == []


@pytest.mark.parametrize("statement", ["target first-response", "coverage", "penalty first-response"])
def test_a_range_of_priorities_is_told_to_write_a_line_for_each(statement: str) -> None:
    tail = {"target first-response": "2h on office", "coverage": "on office",
            "penalty first-response": "5% of monthly fee per started hour"}[statement]
    message, line, column, hint = only(_plan(f"{statement} P1-P2 {tail}"))
    kind = statement.split()[0]
    assert (message, hint) == (
        "unknown priority 'P1-P2'",
        f"a {kind} line names one priority, or all (every priority without a line of its own): write a line for each of P1 to "
        "P2, or one with all",
    )
