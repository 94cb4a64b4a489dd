"""An amount written with a thousands separator (session 26: an Italian public-sector offer's "18.000 € annui").

`price 18.000 EUR per year` loaded without a word and published a price of 18 euros a year: the language writes
amounts with a decimal point and no separator, so the Italian, Polish or German thousands point is a decimal
point to it. An amount of one or more with exactly three decimals is warned about (T0432), wherever an amount
stands: a price, an add-on's price, a set-up fee, a percentage's least amount.
"""

from __future__ import annotations

import pytest

from support.language_plans import one_tier, problems


@pytest.mark.parametrize(
    ("price", "cell", "said", "hint"),
    [
        ("price 18.000 EUR per year excl tax", "yes", "'18.000 EUR' is read as 18 EUR", "for 18000 EUR write 18000; for 18 EUR write 18"),
        ("price free", "add-on 1.250 PLN per day", "'1.250 PLN' is read as 1.25 PLN", "for 1250 PLN write 1250"),
        ("price 1500 EUR per month plus 3.000 EUR setup", "yes", "'3.000 EUR' is read as 3 EUR", "for 3000 EUR write 3000"),
        ("price 10% of usage per month at least 2.500 EUR per month", "yes", "'2.500 EUR' is read as 2.5 EUR", "for 2500 EUR write 2500"),
    ],
)
def test_three_decimals_after_a_whole_amount_are_a_thousands_separator(price: str, cell: str, said: str, hint: str) -> None:
    found = problems(one_tier(price, cell), "warning")
    assert [w for w in found if "is read as" in w[0]] == [found[0]], found
    message, line, _, written = found[0]
    assert message.startswith(said) and line == (9 if cell != "yes" else 7), found
    assert written is not None and hint in written


@pytest.mark.parametrize(
    ("price", "cell"),
    [
        ("price 18000 EUR per year", "yes"),
        ("price 99.50 EUR per month", "yes"),
        ("price 0.005 USD per user per month", "yes"),  # a tenth of a cent is written so, and is no thousands
        ("price 1400.5 PLN per month", "add-on 12.25 PLN per hour"),
    ],
)
def test_amounts_as_the_language_writes_them_are_not_warned_about(price: str, cell: str) -> None:
    assert [w for w in problems(one_tier(price, cell), "warning") if "is read as" in w[0]] == []
