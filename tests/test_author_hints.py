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
