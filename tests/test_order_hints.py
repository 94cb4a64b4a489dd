"""Hints for words written in another order than the language's (session 23, three outside authors).

A price's `billed annually` before its `minimum 50 users`, a contract's `notice` before `renews`, a Spanish
office's two intervals a day without their comma (`09:00-14:00 15:00-18:00`) and a text after an add-on's price
each ended in "unexpected 'minimum'; expected a statement or a closing '}' here" with no hint, or with a hint about
counts that said nothing of the mistake. Each now says the order, with a line that checks.
"""

from __future__ import annotations

import pytest

from support.language_plans import problems

PLAN = """calendar office {{
  zone Europe/Madrid
  {hours}
}}
vendor acme {{
  name "Acme"
  language en
  feature extra {{ label "Extra hours" }}
  plan gold {{
    name "Gold"
    {line}
  }}
}}
"""


def plan(line: str = "price 35 USD per user per month", hours: str = "open mon-fri 09:00-17:00") -> str:
    """A project whose calendar has `hours` and whose one tier has `line`."""
    return PLAN.format(line=line, hours=hours)


@pytest.mark.parametrize(
    ("text", "line", "column", "hint", "fixed"),
    [
        (plan("price 6 USD per user per month billed annually minimum 50 users"), 11, 52, "a price's words come in this order",
         plan("price 6 USD per user per month minimum 50 users billed annually")),
        (plan("price 6 USD per user per month excl tax billed yearly"), 11, 45, "a price's words come in this order",
         plan("price 6 USD per user per month billed yearly excl tax")),
        (plan("features { extra: add-on 75 EUR excl tax per hour }"), 11, 50, "a price's words come in this order",
         plan("features { extra: add-on 75 EUR per hour excl tax }")),
        # Session 27: a least amount after the tax note, as an Italian "IVA esclusa, con un minimo di 1.500 €" reads.
        (plan("price 150 EUR per device per month excl tax at least 1500 EUR per month"), 11, 49, "a price's words come in this order",
         plan("price 150 EUR per device per month at least 1500 EUR per month excl tax")),
        (plan("price 4900 SEK per month excl tax plus 350 SEK per server"), 11, 39, "'plus AMOUNT CURRENCY setup' and 'plus AMOUNT",
         plan("price 4900 SEK per month plus 350 SEK per server excl tax")),
        (plan("contract 12 months notice 3 months renews 12 months"), 11, 40, "'renews TERM' comes before 'notice TERM'",
         plan("contract 12 months renews 12 months notice 3 months")),
        (plan(hours="open mon-thu 09:00-14:00 15:00-18:00"), 3, 28, "separate the intervals of a day with a comma",
         plan(hours="open mon-thu 09:00-14:00, 15:00-18:00")),
        (plan(hours="open mon-fri 09:00-17:00\n  hours yearly 07-01 to 08-31 08:00-11:00 12:00-15:00"), 4, 43,
         "separate the intervals of a day with a comma",
         plan(hours="open mon-fri 09:00-17:00\n  hours yearly 07-01 to 08-31 08:00-11:00, 12:00-15:00")),
        (plan('features { extra: add-on 650 EUR { en "10 hours" } }'), 11, 38,
         "an add-on's cell is its prices only: a pack is priced for what it holds (add-on 650 EUR for 10 hours)",
         plan("features { extra: add-on 650 EUR for 10 hours }")),
        # Session 24: a prepaid pack written "per 10 hours", or after the period.
        (plan("price 650 EUR per 10 hours"), 11, 23, "a pack's price is for its quantity, right after the amount",
         plan("price 650 EUR for 10 hours")),
        (plan("price 1200 EUR per year for 20 hours"), 11, 29, "a pack's price is for its quantity, right after the amount",
         plan("price 1200 EUR for 20 hours per year")),
        # Session 26: a Finnish MSP's "next business day for faults reported before 14:00" with the cut-off before its
        # calendar, and its contract that "runs until further notice" after twelve months.
        (plan("target on-site all end of 1 business day cut-off 15:00 on office"), 11, 60, "the cut-off comes after the calendar",
         plan("target on-site all end of 1 business day on office cut-off 15:00")),
        (plan("contract 12 months renews indefinitely notice 3 months"), 11, 31, "'renews' is followed by the term of each renewal",
         plan("contract 12 months then open-ended notice 3 months")),
        (plan("contract 12 months notice 3 months then open-ended"), 11, 40, "'then open-ended' comes before 'notice TERM'",
         plan("contract 12 months then open-ended notice 3 months")),
    ],
)
def test_words_out_of_order_get_a_hint_that_shows_the_order(text: str, line: int, column: int, hint: str, fixed: str) -> None:
    found = problems(text)
    assert found, text
    message, at_line, at_column, said = found[0]
    assert message.startswith("unexpected") and (at_line, at_column) == (line, column), found
    assert said is not None and said.startswith(hint), said
    assert problems(fixed) == []  # what the hint says to write checks


def test_a_misspelt_statement_on_its_own_line_gets_no_price_hint() -> None:
    """The hint is keyed by the line: a wrong word after a complete price is the next statement gone wrong."""
    found = problems(plan("price 6 USD per user per month\n    minimun 50 users"))
    assert found and not (found[0][3] or "").startswith("a price's words")


@pytest.mark.parametrize(
    ("hours", "word", "fixed"),
    [
        ("open mon-fri 09:00-17:00\n  closed holidays ES\n  eves 09:00-13:00", "eve",
         "open mon-fri 09:00-17:00\n  closed holidays ES\n  eve 09:00-13:00"),
        ("opens mon-fri 09:00-17:00", "open", "open mon-fri 09:00-17:00"),
    ],
)
def test_a_keyword_written_with_an_ending_is_named(hours: str, word: str, fixed: str) -> None:
    """Session 26: `eves 08:00-12:00` got no hint and `opens mon-fri ...` one about 24x5, as the lexer took `eve` or `open`
    off the front of the word and the parser's hint was about what follows it; the keyword is what the author meant."""
    found = problems(plan(hours=hours))
    assert found, hours
    message, _, column, said = found[0]
    assert message.startswith(f"unexpected '{word}s'") and column == 3, found
    assert said == f"did you mean '{word}'?"
    assert problems(plan(hours=fixed)) == []


@pytest.mark.parametrize(
    ("line", "word"),
    [("targets first-response all 2h on office", "target"), ("coverages all on office", "coverage")],
)
def test_a_statement_written_in_the_plural_is_named_at_its_word(line: str, word: str) -> None:
    """Session 26: `targets first-response P2 2h` read `s` as the metric and stopped at the priority with a hint about
    priorities; the mistake is the first word, and the message, caret and hint say so. (After another statement: as a
    plan's first statement the lexer already stops at the word.)"""
    found = problems(plan("price 35 USD per month\n    " + line))
    assert found, line
    message, at_line, column, said = found[0]
    assert (message, at_line, column, said) == (f"unexpected '{word}s'", 12, 5, f"did you mean '{word}'?"), found
    assert problems(plan("price 35 USD per month\n    " + line.replace(f"{word}s", word, 1))) == []


def test_a_feature_cell_named_like_a_plural_keyword_is_no_statement() -> None:
    """A feature whose id is a keyword with an s (`targets: yes`) is a cell, and its line gets no plural hint."""
    text = plan("features { targets: yes }").replace('feature extra { label "Extra hours" }', 'feature targets { label "Targets" }')
    assert problems(text) == []


def test_prices_in_the_plural_is_not_an_unknown_segment_s() -> None:
    """`prices 35 USD per month` loads as `price s 35 USD …`, a price for a segment 's': the hint names the word."""
    found = problems(plan("price 35 USD per month\n    prices 40 USD per month"))
    assert [(m, line, hint) for m, line, _, hint in found] == [
        ("unknown customer segment 's'", 12, "did you mean 'price'? ('prices' is read as 'price' for a segment 's')")
    ]
