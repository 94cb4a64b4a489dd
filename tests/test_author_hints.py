"""Syntax hints for what a new author wrote from the docs: `open 24x5` and "the next business day"."""

from __future__ import annotations

import pytest

from dsl.language.loader import load_text
from support.language_plans import HEADER, one_tier, only, problems


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "calendar c {\n  zone Europe/Oslo\n  open 24x5\n}\n",
            (
                "unexpected '24'; expected '24x7' or a weekday (mon, tue, wed, thu, fri, sat, sun)",
                3,
                8,
                "24x7 is the only such shorthand; 24x5 is a span across days: open sun 23:00 - fri 23:00",
            ),
        ),
        (
            HEADER + '  plan p {\n    name "P"\n    target resolution all end of next business day on c\n  }\n}\n',
            (
                "unexpected 'next'; expected a whole number",
                6,
                34,
                "'the next business day' is written with its number: end of 1 business day",
            ),
        ),
        (
            # A hardware vendor's "next business day on site" (session 22b).
            HEADER + '  plan p {\n    name "P"\n    target on-site all next business day on c\n  }\n}\n',
            (
                "unexpected 'next'; expected 'end', 'for', 'none', 'not', a duration such as 15min or 2h or a whole number",
                6,
                24,
                "'next business day' is written with its number: end of 1 business day (by the end of the next business day), "
                "or 1 business day (by the same time on the next business day)",
            ),
        ),
        (
            HEADER + '  plan p {\n    name "P"\n    target on-site S1 NBD on c\n  }\n}\n',
            (
                "unexpected 'NBD'; expected 'end', 'for', 'none', 'not', a duration such as 15min or 2h or a whole number",
                6,
                23,
                "'next business day' is written with its number: end of 1 business day (by the end of the next business day), "
                "or 1 business day (by the same time on the next business day)",
            ),
        ),
        (
            HEADER
            + '  plan p {\n    name "P"\n    terms from 2027-01-01 {\n      target first-response all 4h on c from 2028-01-01\n    }\n  }\n}\n',
            (
                "unexpected 'from'; expected 'price', 'target' or '}'",
                7,
                41,
                "inside 'terms from DATE { ... }' every target takes the block's date; write a target of another date outside it",
            ),
        ),
    ],
)
def test_the_hint_names_what_to_write_instead(text: str, found: tuple[str, int, int, str]) -> None:
    assert only(text) == found


def test_a_matrix_row_named_after_an_impact_says_the_rows_are_urgencies_and_is_reported_once() -> None:
    scheme = (
        HEADER
        + "  priorities s {\n"
        + '    level P1 { name "1" }\n    level P2 { name "2" }\n'
        + '    impact alto { en "A" }\n    impact basso { en "B" }\n'
        + '    urgency alta { en "A" }\n    urgency bassa { en "B" }\n'
        + "    matrix {\n      alto: P1, P2\n      bassa: P2, P2\n    }\n  }\n}\n"
    )
    assert only(scheme) == (
        "the matrix row 'alto' is not a declared urgency",
        12,
        7,
        "'alto' is an impact; each row is an urgency (alta, bassa) with one level per impact, in the order alto, basso",
    )


@pytest.mark.parametrize("written", ["1 business day", "2d"])
def test_an_obligation_in_business_days_is_told_that_targets_take_them(written: str) -> None:
    """An outside author wrote an on-site visit 'after 1 business day': the hint offered exactly that, which an obligation refuses."""
    from dsl.language.loader import load_text

    text = (
        "vendor acme {\n  name \"Acme\"\n  language en\n"
        "  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n"
        f"  plan p {{\n    name \"P\"\n    obligation onsite after {written} on office {{ en \"On site\" }}\n  }}\n}}\n"
    )
    [found] = [d for d in load_text(text, "acme.plan").diagnostics if d.code == "T0105"]
    assert (found.pos.line, found.pos.column) == (7, 29)
    assert found.hint is not None and "not business days" in found.hint and "target resolution P1 1 business day on CAL" in found.hint
    assert "or write" not in found.hint


@pytest.mark.parametrize(("written", "hours"), [("5 business days", "120h"), ("3d", "72h")])
def test_a_maintenance_notice_in_days_is_told_to_write_hours(written: str, hours: str) -> None:
    """An outside author's public-sector supplier announces maintenance '5 business days ahead': the hint
    offered 'or write 5 business days', exactly what a maintenance notice refuses."""
    from dsl.language.loader import load_text

    text = (
        "vendor acme {\n  name \"Acme\"\n  language en\n"
        "  calendar window { zone Europe/Warsaw open sat 06:00-14:00 }\n"
        f"  plan p {{\n    name \"P\"\n    maintenance on window notice {written}\n  }}\n}}\n"
    )
    [found] = [d for d in load_text(text, "acme.plan").diagnostics if d.code == "T0105"]
    assert (found.pos.line, found.pos.column) == (7, 34)
    assert found.hint is not None and f"write {hours}" in found.hint and "a week is 168h" in found.hint
    assert "business day" not in found.hint.replace("a notice in business days", "")


def test_a_contract_with_an_option_to_extend_is_told_where_the_option_goes() -> None:
    """An outside author's public contract: "24 months, which the customer may extend by 12 (an option)"."""
    from dsl.language.loader import load_text

    def hints(plan_body: str) -> list[tuple[int, int, str | None]]:
        text = f'vendor acme {{\n  name "Acme"\n  language en\n  plan p {{\n    name "P"\n{plan_body}\n  }}\n}}\n'
        return [(d.pos.line, d.pos.column, d.hint) for d in load_text(text, "acme.plan").diagnostics if d.code == "T0101"]

    [(line, column, hint)] = hints("    contract 24 months option 12 months notice 3 months")
    assert (line, column) == (6, 24)
    assert hint is not None and "'renews TERM'" in hint and "plan's note" in hint
    # A word on the next line is a statement gone wrong, not a word of the contract: no word about contracts.
    [(line, column, hint)] = hints("    contract 24 months\n    banana \"x\"")
    assert (line, column) == (7, 5) and (hint is None or "contract" not in hint and "renews" not in hint)


CALENDAR = "  calendar c { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n"


@pytest.mark.parametrize(
    ("line", "where", "wanted"),
    [
        # An author's own words for a statement, first on its line: the statement as the language writes it.
        ("respond P1 within 2 hours on c", "plan", "target first-response P1 2h on CALENDAR"),
        ("resolve P1 within 8h on c", "plan", "the metrics: registration, first-response, on-site, status-update, workaround, resolution"),
        ("Response P1 2h on c", "plan", "target first-response P1 2h on CALENDAR"),
        ("cost 1200 SEK per month", "plan", "price 1200 SEK per month"),
        ("uptime 99.9%", "plan", "availability 99.9% per month"),
        ("tier gold { }", "vendor", 'plan ID { name "Gold" ... }'),
        ("timezone Europe/Oslo", "calendar", "zone Europe/Stockholm"),
        ("holidays SE", "calendar", "closed holidays SE"),
    ],
)
def test_a_statement_begun_with_another_word_for_it_is_told_how_it_is_written(line: str, where: str, wanted: str) -> None:
    if where == "plan":
        text = HEADER + CALENDAR + f'  plan p {{\n    name "P"\n    {line}\n  }}\n}}\n'
    elif where == "vendor":
        text = HEADER + f"  {line}\n}}\n"
    else:
        text = HEADER + f"  calendar c {{\n    zone Europe/Stockholm\n    {line}\n  }}\n}}\n"
    message, _line, _column, hint = only(text)
    assert message.startswith(f"unexpected '{line.split()[0]}'")
    assert hint is not None and wanted in hint


def test_a_misspelt_word_later_in_a_line_gets_no_statement_hint() -> None:
    """Only the first word of a line begins a statement: 'cost' inside a target is another mistake."""
    _message, _line, _column, hint = only(HEADER + CALENDAR + '  plan p {\n    name "P"\n    target first-response P1 cost on c\n  }\n}\n')
    assert hint is None or "price 1200 SEK" not in hint


@pytest.mark.parametrize(
    ("written", "line", "column"),
    [("language sv en", 3, 15), ("language sv, en", 4, 3)],  # the second stops at the next line: `language sv, en only` is a form
)
def test_a_vendor_language_with_several_codes_is_told_the_forms_that_take_several(written: str, line: int, column: int) -> None:
    text = f'vendor v {{\n  name "V"\n  {written}\n  intro {{ sv "x" }}\n}}\n'
    _message, at_line, at_column, hint = only(text)
    assert (at_line, at_column) == (line, column)
    assert hint is not None and "one language: language sv" in hint and "language sv, en only" in hint and "support languages sv, en" in hint


@pytest.mark.parametrize(
    "written", ["excl. VAT", "excl VAT", "excluding VAT", "+ VAT", "plus VAT", "ex VAT", "incl moms", "netto", "brutto", "net", "zzgl. MwSt."],
)
def test_a_tax_note_as_an_offer_writes_it_is_told_the_two_forms(written: str) -> None:
    _message, line, _column, hint = only(HEADER + f'  plan p {{\n    name "P"\n    price 1200 SEK per month {written}\n  }}\n}}\n')
    assert line == 6
    assert hint is not None and "excl tax or incl tax" in hint


def test_netto_before_the_period_is_told_the_tax_note_and_where_it_goes() -> None:
    """outside15: "80 000 EUR netto all'anno" was written `price 80000 EUR netto per year`, and got no hint at all."""
    message, line, column, hint = only(HEADER + '  plan p {\n    name "P"\n    price 80000 EUR netto per year\n  }\n}\n')
    assert message.startswith("unexpected 'netto'") and (line, column) == (6, 21)
    assert hint is not None and "excl tax or incl tax" in hint


@pytest.mark.parametrize(("written", "column"), [("price 39 PLN per user/month", 26), ("price 39 PLN/user/month", 17)])
def test_a_price_per_unit_with_slashes_is_told_to_write_per_twice(written: str, column: int) -> None:
    """outside15: "39 zł/użytkownik/mies." as `per user/month` got no hint."""
    message, line, at, hint = only(HEADER + f'  plan p {{\n    name "P"\n    {written}\n  }}\n}}\n')
    assert message.startswith("unexpected character '/'") and (line, at) == (6, column)
    assert hint == "a price's unit and its period are each written after 'per': price 39 PLN per user per month"


@pytest.mark.parametrize(
    ("written", "column", "number"),
    [("availability 99,9% per month", 20, "99.9"), ("availability 99.9% per month credit 10% below 99,95%", 24, "99.95")],
)
def test_a_decimal_comma_is_told_to_be_a_point(written: str, column: int, number: str) -> None:
    """outside15: "99,9 %" as `availability 99,9%` was told only what an availability is."""
    lines = written.replace(" credit", "\n    credit")
    message, line, at, hint = only(HEADER + f'  plan p {{\n    name "P"\n    {lines}\n  }}\n}}\n')
    assert message.startswith("unexpected ','") and at == column and line in (6, 7)
    assert hint == f"a decimal is written with a point, whatever the offer's language: {number}"


@pytest.mark.parametrize("word", ["hours", "godzin", "ore"])
def test_hours_in_a_cell_written_as_a_word_are_told_the_duration(word: str) -> None:
    """outside15: "a free onboarding pack of 20 hours" written `onboarding: 20 hours`."""
    text = HEADER + '  feature onboarding { label { en "Onboarding" } }\n  plan p {\n    name "P"\n'
    text += f"    features {{\n      onboarding: 20 {word}\n    }}\n  }}\n}}\n"
    message, line, column, hint = only(text)
    assert (message, line, column) == (f"unexpected '{word}' after a number", 8, 22)
    assert hint == "hours are a duration, written without a space: 20h (given once), or 20h per year (every year)"


@pytest.mark.parametrize("word", ["term", "duration"])
def test_a_cap_per_contract_term_is_told_per_contract_is_the_whole_term(word: str) -> None:
    """outside15: `per contract term` was told "did you mean 'terms'?" (the keyword of dated targets)."""
    text = HEADER + '  plan p {\n    name "P"\n    price 100 EUR per month\n    target resolution all 4h on c\n'
    text += f"    penalty resolution all 1% of monthly fee per day\n    penalty total at most 10% of contract value per contract {word}\n  }}\n}}\n"
    message, line, column, hint = only(text)
    assert message.startswith(f"unexpected '{word}'") and (line, column) == (9, 62)
    assert hint == (
        "'per contract' already means over the contract's whole term: end the cap there, such as: "
        "penalty total at most 10% of contract value per contract"
    )


def test_a_set_up_fee_after_plus_keeps_its_own_hint() -> None:
    """'plus' followed by an amount is a set-up fee, not a tax note."""
    _message, _line, _column, hint = only(HEADER + '  plan p {\n    name "P"\n    price 1200 SEK per month plus 300 SEK\n  }\n}\n')
    assert hint is None or "excl tax or incl tax" not in hint


@pytest.mark.parametrize(
    ("written", "period"), [("every quarter", "quarter"), ("every month", "month"), ("quarterly", "quarter"), ("yearly", "year")],
)
def test_a_meeting_every_period_is_told_it_is_counted_per_period(written: str, period: str) -> None:
    _message, _line, _column, hint = only(HEADER + f'  plan p {{\n    name "P"\n    obligation meeting {written} {{ sv "Möte" }}\n  }}\n}}\n')
    assert hint is not None and f"obligation ID 1 per {period}" in hint and "repeats while a ticket is open" in hint


@pytest.mark.parametrize(
    ("channel", "written"),
    [
        ("phone", 'contact phone "+46 8 123 456 78"'),
        ("email", 'contact email "support@example.com"'),
        ("hotline", 'contact phone "+46 8 123 456 78" as hotline'),
        ("service-desk", 'contact portal "https://example.com/support" as service-desk'),
        ("forum", 'contact web "https://example.com/support" as forum'),
    ],
)
def test_a_channel_with_no_contact_is_told_how_to_declare_it(channel: str, written: str) -> None:
    message, _line, _column, hint = only(HEADER + f'  plan p {{\n    name "P"\n    channels {channel}\n  }}\n}}\n')
    assert message == f"plan 'p' names an unknown channel '{channel}'"
    assert hint is not None and hint.endswith(f"as in: {written}")


def test_a_misspelt_channel_is_still_told_the_contact_it_is_close_to() -> None:
    text = HEADER + '  contact email "s@example.com"\n  plan p {\n    name "P"\n    channels emial\n  }\n}\n'
    assert only(text)[3] == "did you mean 'email'?"


def test_a_word_a_keyword_begins_is_named_whole_where_it_starts() -> None:
    """The lexer reads `excluding` as the keyword `excl` and a word 'uding': the author wrote 'excluding'."""
    message, line, column, _hint = only(HEADER + '  plan p {\n    name "P"\n    price 490 EUR per month excluding VAT\n  }\n}\n')
    assert (message, line, column) == ("unexpected 'excluding'", 6, 29)


def test_an_sms_number_is_a_contact_of_its_own_and_its_other_names_are_told_so() -> None:
    """A telecom's "send an SMS to 415 00 112" (session 25) was a phone contact with a label; `sms` is now a kind."""
    assert problems(HEADER + '  contact sms "+47 415 00 112"\n}\n') == []
    message, line, column, hint = only(HEADER + '  contact text "+47 415 00 112"\n}\n')
    assert (message, line, column) == ("unknown kind of contact 'text'", 4, 11)
    assert hint == 'did you mean \'sms\'? a number that takes text messages is an sms contact: contact sms "+47 415 00 112"'
    # A number that is not one is reported as a phone's is.
    assert only(HEADER + '  contact sms "415 00 112"\n}\n')[0] == "the phone number '415 00 112' has no country code"


@pytest.mark.parametrize(
    ("price", "column", "message", "wanted"),
    [
        # Another name of a unit: the hint names the unit, not the closest letters ('host' was "did you mean 'hour'?").
        ("price 900 EUR per host per year", 23, "unknown price unit 'host'", "did you mean 'server'? a price per host is written per server"),
        ("price 900 EUR per instance", 23, "unknown period 'instance'", "did you mean 'server'?"),
        ("price 15 EUR per endpoint per month", 22, "unknown price unit 'endpoint'", "did you mean 'workstation'?"),
        ("price 390 NOK per location per month", 23, "unknown price unit 'location'",
         "did you mean 'site'? a price per location is written per site (price 390 NOK per site per month)"),
        ("price 390 NOK per line per month", 23, "unknown price unit 'line'", "did you mean 'connection'?"),
        ("price 90 EUR per router per year", 22, "unknown price unit 'router'", "did you mean 'device'?"),
        # A part of a server or a bed: no unit, the price per its period and the unit in a note.
        ("price 1200 EUR per core per year", 24, "unknown price unit 'core'",
         "there is no unit for a core: write the price per year (price 1200 EUR per year) and say 'per core' in the plan's note"),
        ("price 40 EUR per bed per month", 22, "unknown price unit 'bed'", "say 'per bed' in the plan's note"),
    ],
)
def test_another_name_for_a_unit_is_told_the_unit(price: str, column: int, message: str, wanted: str) -> None:
    found, line, col, hint = only(one_tier(price=price))
    assert (found, line, col) == (message, 7, column)
    assert hint is not None and wanted in hint


def test_a_minimum_in_another_name_for_a_unit_is_told_the_unit_in_the_plural() -> None:
    found, _line, _col, hint = only(one_tier(price="price 90 EUR per server per month minimum 3 hosts"))
    assert found == "unknown price unit 'hosts'"
    assert hint is not None and hint.startswith("did you mean 'servers'?")


@pytest.mark.parametrize("unit", ["server", "node", "workstation", "site", "connection"])
def test_the_units_of_infrastructure_check_clean_with_a_period_alone_and_with_a_minimum(unit: str) -> None:
    """`per node per year` was told to be `per device`, `per site per month` to leave the unit to a note."""
    assert problems(one_tier(price=f"price 90 EUR per {unit} per month minimum 3 {unit}s billed yearly excl tax")) == []
    assert problems(one_tier(price=f"price 90 EUR per {unit}")) == []


def test_a_misspelt_price_unit_still_gets_the_closest_unit() -> None:
    assert only(one_tier(price="price 5 EUR per usr per month"))[3] == "did you mean 'user'?"


def test_days_of_consulting_in_a_cell_are_told_they_are_a_duration_or_a_text() -> None:
    """Orbis Data's "5 consulting days per year": the hint spoke of 50 GB only, and the caret stood at `per`."""
    message, line, column, hint = only(one_tier(cell="5 days per year"))
    assert (message, line) == ("unexpected 'days' after a number", 9)
    assert one_tier(cell="5 days per year").splitlines()[line - 1][column - 1 :].startswith("days per year")
    assert hint is not None and hint.endswith("hours or days of work are a duration, such as 40h per year")


@pytest.mark.parametrize(
    ("price", "hint"),
    [
        ("price 100 EUR per month per customer", "write per user per month (price 100 EUR per user per month)"),
        ("price 100 EUR per year per server", "write per server per year (price 100 EUR per server per year)"),
        ("price 100 EUR per month per users", "write per user per month (price 100 EUR per user per month)"),
        ("price 100 EUR per month per host", "write per server per month (price 100 EUR per server per month)"),
    ],
)
def test_a_period_written_before_the_unit_is_one_error_that_gives_the_order(price: str, hint: str) -> None:
    """`per month per customer` was two errors, an unknown unit 'month' and an unknown period 'customer'."""
    message, _line, _column, found = only(one_tier(price=price))
    period, written = price.split(" per ")[1:]
    assert message == f"'per {period}' before 'per {written}': a price's unit comes first, then its period"
    assert found == hint


@pytest.mark.parametrize(
    ("closed", "column", "wanted"),
    [
        ("closed holidays SWE", 19, "SE, not SWE"),
        ("closed holidays customer SE, POL", 32, "PL, not POL"),
        ("closed holidays DEU BY", 19, "DE, not DEU"),
        # A country by its name, in English or a language of the site, in any case.
        ("closed holidays sweden", 19, "SE, not sweden"),
        ("closed holidays Polska", 19, "PL, not Polska"),
        ("closed holidays customer SE, Italia", 32, "IT, not Italia"),
    ],
)
def test_a_country_by_its_three_letter_code_is_told_the_two_letter_one(closed: str, column: int, wanted: str) -> None:
    zone = "customer" if "customer" in closed else "Europe/Stockholm"
    text = f"calendar c {{\n  zone {zone}\n  open mon-fri 08:00-17:00\n  {closed}\n}}\n"
    message, line, col, hint = only(text)
    assert (line, col) == (4, column) and hint == f"a country is written with its two-letter ISO code: {wanted}"


@pytest.mark.parametrize("word", ["XYZ", "Narnia"])
def test_a_word_that_is_no_country_gets_no_country_hint(word: str) -> None:
    _, _, _, hint = only(f"calendar c {{\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed holidays {word}\n}}\n")
    assert hint is None or "ISO code" not in hint


def test_a_country_hint_in_a_calendar_written_on_one_line() -> None:
    _, line, column, hint = only("calendar c { zone Europe/Stockholm open mon-fri 08:00-17:00 closed holidays Sverige }\n")
    assert (line, column) == (1, 77) and hint == "a country is written with its two-letter ISO code: SE, not Sverige"


DAY_CALENDAR = "calendar c {{\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed holidays SE\n  {}\n}}\n"


@pytest.mark.parametrize(
    ("written", "hint", "forms"),
    [
        ("hours eve 08:00-13:00", "the day before a holiday has a line of its own: eve 08:00-13:00 (before every holiday of the calendar's "
         'list), or: eve 08:00-13:00 before "Christmas Day"', ["eve 08:00-13:00", 'eve 08:00-13:00 before "Christmas Day"']),
        ("eve before 08:00-13:00", 'the hours come first, then the holidays: eve 08:00-13:00 before "Christmas Day"',
         ['eve 08:00-13:00 before "Christmas Day"']),
        ('eve before "Midsummer Day","Christmas Day" 08:00-12:00, 13:00-15:00', 'the hours come first, then the holidays: eve '
         '08:00-12:00, 13:00-15:00 before "Midsummer Day", "Christmas Day"', ['eve 08:00-12:00, 13:00-15:00 before "Midsummer Day", '
                                                                              '"Christmas Day"']),
        ("hours before \"New Year's Day\" 09:00-12:00  # nyårsafton", "the day before a holiday has a line of its own: eve "
         "09:00-12:00 (before every holiday of the calendar's list), or: eve 09:00-12:00 before \"New Year's Day\"",
         ["eve 09:00-12:00", "eve 09:00-12:00 before \"New Year's Day\""]),
        ("hours 12-24 08:00-12:00", "a day of every year is written with 'yearly': hours yearly 12-24 08:00-12:00; a date of one year, "
         "with its year: hours 2026-12-24 08:00-12:00", ["hours yearly 12-24 08:00-12:00", "hours 2026-12-24 08:00-12:00"]),
        ("closed 12-24 to 12-26  # Christmas", "a day of every year is written with 'yearly': closed yearly 12-24 to 12-26; a date of one "
         "year, with its year: closed 2026-12-24 to 2026-12-26", ["closed yearly 12-24 to 12-26", "closed 2026-12-24 to 2026-12-26"]),
        ("closed 2026-12-24, 2026-12-31", "one date (or one 'DATE to DATE' span of days in a row) per line: closed 2026-12-24, then "
         "closed 2026-12-31 on a line of its own", ["closed 2026-12-24\n  closed 2026-12-31"]),
    ],
)
def test_a_calendar_day_written_as_authors_first_write_it_is_told_the_language_s_form(written: str, hint: str, forms: list[str]) -> None:
    """The hint names the forms of the language that say it; each of them loads clean."""
    _, line, _, found = only(DAY_CALENDAR.format(written))
    assert (line, found) == (5, hint)
    for form in forms:
        assert form in hint.replace(", then ", "\n  ").replace(" on the next", "")
        assert problems(DAY_CALENDAR.format(form)) == [], form


def test_a_base_fee_written_before_a_part_with_a_minimum_is_told_the_order_that_reads() -> None:
    """`plus 9 EUR per user minimum 5 users` after a base fee: the minimum belongs to the part per user, which comes
    first (docs/language.md); the hint's line loads clean."""
    written = "price 120 EUR per month plus 9 EUR per user minimum 5 users"
    message, line, column, hint = only(HEADER + f'  plan a {{\n    name "A"\n    {written}\n  }}\n}}\n')
    assert (line, column) == (6, 57) and hint is not None
    wanted = "price 9 EUR per user per month minimum 5 users plus 120 EUR per month"
    assert hint.endswith(wanted)
    assert problems(HEADER + f'  plan a {{\n    name "A"\n    {wanted}\n  }}\n}}\n') == []


@pytest.mark.parametrize(
    ("written", "hint", "form"),
    [
        ("recommended yes", "'recommended' stands alone on its line: recommended (it marks the plan the site suggests)", "recommended"),
        ("target first-response all within 2h on c", "a target's time comes right after its priority, without 'within': "
         "target first-response all 2h on c", "target first-response all 2h on c"),
        ("target resolution all in 2 business days on c  # SLA 4.2", "a target's time comes right after its priority, without 'in': "
         "target resolution all 2 business days on c", "target resolution all 2 business days on c"),
    ],
)
def test_a_word_the_language_leaves_out_is_named_with_the_line_without_it(written: str, hint: str, form: str) -> None:
    _, line, _, found = only(HEADER + CALENDAR + f'  plan p {{\n    name "P"\n    {written}\n  }}\n}}\n')
    assert (line, found) == (7, hint)
    assert problems(HEADER + CALENDAR + f'  plan p {{\n    name "P"\n    {form}\n  }}\n}}\n') == []


def test_a_second_features_block_is_named_as_written_and_told_to_join_the_first() -> None:
    text = HEADER + '  feature f { label "F" }\n  feature g { label "G" }\n  plan p {\n    name "P"\n'
    text += "    features { f: yes }\n    features { g: yes }\n  }\n}\n"
    assert only(text) == ("plan 'p' has more than one 'features'", 9, 5,
                          "write every cell of the plan in one features { … } block, a cell a line")


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("contact email support@acme.example", 'an e-mail address is quoted: contact email "support@acme.example"'),
        ("website acme.example", 'a web address is quoted, with its scheme: website "https://acme.example"'),
        ("contact portal https://help.acme.example hours c", 'a web address is quoted, with its scheme: contact portal "https://help.acme.example"'),
        ("contact phone +46 8 123 45 67 hours c", 'a phone number is quoted: contact phone "+46 8 123 45 67"'),
        ("contact phone 08-123 45 67", 'a phone number is quoted and starts with its country code, such as: contact phone "+46 8 123 456 78"'),
        # Glued to its kind, the value read as part of one name (fuzz16 found the traceback these once gave).
        ("contact phone+46 8 123 45 67", 'a phone number is quoted: contact phone "+46 8 123 45 67"'),
        ("contact emailsupport@acme.example", 'an e-mail address is quoted: contact email "support@acme.example"'),
        ("contact a@acme.example", 'a contact line names its kind, then its address, quoted: contact email "a@acme.example"'),
    ],
)
def test_an_address_written_without_quotes_is_shown_quoted(written: str, hint: str) -> None:
    _, line, _, found = only(HEADER + CALENDAR + f"  {written}\n}}\n")
    assert (line, found) == (5, hint)
    quoted = hint.split(": ", 1)[1].removesuffix(" such as")
    if "+46 8 123 456 78" not in quoted:
        assert problems(HEADER + CALENDAR + f"  {quoted}\n}}\n") == [], quoted


def test_a_feature_named_after_its_id_is_told_its_label_goes_in_braces() -> None:
    _, line, _, found = only(HEADER + '  feature phone "Telefon"\n}\n')
    assert (line, found) == (4, "a feature's name is its label, inside braces: feature phone { label \"Telefon\" }")
    assert problems(HEADER + '  feature phone { label "Telefon" }\n}\n') == []


def test_contact_hours_of_24x7_are_told_to_name_a_calendar_open_round_the_clock() -> None:
    _, line, _, found = only(HEADER + '  contact chat "https://acme.example/chat" hours 24x7\n}\n')
    assert (line, found) == (4, "'hours' names a calendar: define one open round the clock, calendar around-the-clock { open 24x7 }, "
                                "then write: hours around-the-clock")
    fixed = HEADER + '  calendar around-the-clock { open 24x7 }\n  contact chat "https://acme.example/chat" hours around-the-clock\n}\n'
    assert problems(fixed) == []


# outside16: a Swedish municipality's framework agreement, "vardagar 08–17, klämdagar stängda", sommartid in weeks.
MON_FRI = "days are written mon, tue, wed, thu, fri, sat, sun; Monday to Friday is a range: open mon-fri 08:00-17:00"

@pytest.mark.parametrize(
    ("line", "column", "hint"),
    [
        ("  open vardagar 08:00-17:00", 8, MON_FRI),
        ("  open weekdays 08:00-17:00", 8, MON_FRI),
        ("  closed klämdagar", 10, "a working day closed between a holiday and a weekend (a klämdag, a ponte, a dzień pomostowy, a Brückentag) "
         "is written: closed bridge days"),
        ("  closed ponti", 10, "a working day closed between a holiday and a weekend (a klämdag, a ponte, a dzień pomostowy, a Brückentag) "
         "is written: closed bridge days"),
        ("  closed bridge-days", 16, "a working day closed between a holiday and a weekend (a klämdag, a ponte, a dzień pomostowy, a Brückentag) "
         "is written: closed bridge days"),
        ("  closed bridge day", 17, "a working day closed between a holiday and a weekend (a klämdag, a ponte, a dzień pomostowy, a Brückentag) "
         "is written: closed bridge days"),
        ("  closed 2026-05-15, 2027-05-07", 20, "one date (or one 'DATE to DATE' span of days in a row) per line: closed 2026-05-15, then "
         "closed 2027-05-07 on a line of its own"),
    ],
)
def test_a_municipalitys_calendar_words_are_told_how_the_language_writes_them(line: str, column: int, hint: str) -> None:
    _, at_line, at_column, said = only(f"calendar c {{\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n{line}\n}}\n")
    assert (at_line, at_column, said) == (4, column, hint)


def test_a_weekend_after_closed_is_not_told_about_bridge_days() -> None:
    _, _, _, said = only("calendar c {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  closed weekends\n}\n")
    assert said is None or "klämdag" not in said


@pytest.mark.parametrize(("word", "written"), [("klämdagar", "closed klämdagar"), ("Märtyrertag", "closed Märtyrertag")])
def test_a_word_with_letters_beyond_ascii_is_named_whole(word: str, written: str) -> None:
    """The lexer's names stop at the first letter beyond ASCII: `closed klämdagar` said "unexpected 'kl'", a caret under two
    letters; the message names the word as written and the caret spans it."""
    found = load_text(f"calendar c {{\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  {written}\n}}\n", "t.plan").diagnostics[0]
    assert found.message.startswith(f"unexpected '{word}'")
    assert (found.pos.line, found.pos.column, found.pos.end_column) == (4, len(written) - len(word) + 3, len(written) + 3)


@pytest.mark.parametrize("word", ["weekdays", "business days", "vardagar"])
def test_other_hours_on_weekdays_are_told_the_words_on_working_days(word: str) -> None:
    _, line, _, hint = only(DAY_CALENDAR.format(f"hours yearly 12-24 08:00-12:00 on {word}"))
    assert (line, hint) == (5, "other hours on the days the calendar works only end with 'on working days': a holiday or a closed day "
                               "stays closed")
    assert problems(DAY_CALENDAR.format("hours yearly 12-24 08:00-12:00 on working days")) == []
