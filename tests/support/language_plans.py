"""Small plan texts and the diagnostics they load with, for the language tests."""

from __future__ import annotations

from dsl.language.loader import load_text
from dsl.language.model import Vendor

ALL = 'sv "S" it "I" pl "P" en "E"'
"""The inside of a text written in every site language."""

HEADER = 'vendor v {\n  name "V"\n  language sv\n'
"""The first three lines of a vendor block; a test adds its statements and the closing brace."""

Found = tuple[str, int, int, str | None]


def problems(text: str, severity: str = "error") -> list[Found]:
    """(message, line, column, hint) of every diagnostic of one severity, loading `text` as t.plan."""
    result = load_text(text, "t.plan")
    return [(d.message, d.pos.line, d.pos.column, d.hint) for d in result.diagnostics if d.severity == severity]


def only(text: str, severity: str = "error") -> Found:
    """The one diagnostic of a severity `text` loads with; fails when there is not exactly one."""
    found = problems(text, severity)
    assert len(found) == 1, found
    return found[0]


def vendor_of(text: str) -> Vendor:
    """The one vendor `text` loads as t.plan; fails, naming the errors, when it loads with any."""
    result = load_text(text, "t.plan")
    assert not result.errors, [f"{d.pos}: {d.message}" for d in result.errors]
    assert result.project is not None and len(result.project.vendors) == 1
    return result.project.vendors[0]


ONE_TIER = """vendor acme {{
  name "Acme"
  language en
  feature consulting {{ label "Consulting" }}
  plan std {{
    name "Standard"
    {price}
    features {{
      consulting: {cell}
    }}
  }}
}}
"""
"""A vendor with one tier: its price on line 7, its consulting cell on line 9."""


def one_tier(price: str = "price free", cell: str = "yes") -> str:
    """The one-tier vendor's plan text with `price` (line 7) and the consulting `cell` (line 9)."""
    return ONE_TIER.format(price=price, cell=cell)
