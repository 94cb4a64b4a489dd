"""A plan file of one calendar and one vendor whose only tier runs on it, for the tests of a calendar's lines.

The calendar opens Monday to Friday 08:00-17:00 in Stockholm, closes on the holidays given, and holds the lines under
test, which start on line 6 of the file (diagnostics' lines are asserted against that).
"""

from __future__ import annotations

from typing import Any

from dsl.language.loader import load_text
from dsl.rules.export import export_project


def calendar_plan(lines: tuple[str, ...], calendar: str, closed: str, years: tuple[int, int], within: str = "1h") -> str:
    """The plan file: calendar `calendar` with `closed` (a `closed holidays …` line) and `lines`, a vendor `acme` whose tier
    promises a first response `within` on it."""
    written = "\n".join("  " + line for line in lines)
    horizon = f"{years[0]}-{years[1]}"
    return (
        f"horizon {horizon}\ncalendar {calendar} {{\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n  {closed}\n{written}\n}}\n"
        f'vendor acme {{\n  name "Acme"\n  language en\n  plan p {{ name "P" target first-response all {within} on {calendar} }}\n}}\n'
    )


def exported(text: str, years: tuple[int, int]) -> dict[str, Any]:
    """The rules of a plan file that loads without errors."""
    result = load_text(text, "t.plan")
    assert result.project is not None and not result.errors, [d.message for d in result.errors]
    return export_project(result.project, years)
