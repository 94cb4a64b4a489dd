"""Syntax hints for what a new author wrote from the docs: `open 24x5` and "the next business day"."""

from __future__ import annotations

import pytest

from support.language_plans import HEADER, only


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
    ],
)
def test_the_hint_names_what_to_write_instead(text: str, found: tuple[str, int, int, str]) -> None:
    assert only(text) == found
