"""docs/language.md is what authors write from: every plan example on it must at least parse.

An example is often a fragment (statements of a plan, of a vendor, of a calendar) with `...` standing
for what it leaves out; the test drops those `...` and tries the fragment at each place it could stand.
"""

from __future__ import annotations

import re

import pytest

from dsl.language.loader import load_text
from dsl.language.parser import parse_text
from support.paths import ROOT

DOC = ROOT / "docs" / "language.md"

PLACES = (
    "{}",
    'vendor x {{\n name "X"\n language en\n{}\n}}',
    'vendor x {{\n name "X"\n language en\n plan p {{\n  name "P"\n{}\n }}\n}}',
    'vendor x {{\n name "X"\n language en\n calendar c {{\n{}\n }}\n}}',
    'vendor x {{\n name "X"\n language en\n plan p {{\n  name "P"\n  features {{\n{}\n  }}\n }}\n}}',
)
"""Where a fragment may stand: at the top of a file, in a vendor, a plan, a calendar, a plan's features."""

NOT_PLANS = ("tierwise", "TIERWISE_", ".venv", "plans/", "python")
"""How a block that is a command or a diagnostic, not plan text, begins."""


def _blocks() -> list[tuple[int, str]]:
    """(line, text) of every code block without a language tag that holds plan text."""
    text = DOC.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"^( *)```(\w*)\n(.*?)^\1```", text, re.M | re.S):
        indent, tag, body = match.group(1), match.group(2), match.group(3)
        body = "\n".join(line[len(indent) :] for line in body.splitlines())
        if tag or "error[" in body or "warning[" in body or body.lstrip().startswith(NOT_PLANS):
            continue
        found.append((text[: match.start()].count("\n") + 1, body))
    return found


def _without_ellipses(body: str) -> str:
    """The example with its `...` placeholders (outside quoted texts) taken out."""
    lines = []
    for line in body.splitlines():
        parts = re.split(r'("(?:[^"\\]|\\.)*")', line)
        lines.append("".join(p if p.startswith('"') else p.replace("...", "").replace("…", "") for p in parts))
    return "\n".join(lines)


def test_the_page_has_plan_examples() -> None:
    assert len(_blocks()) >= 30


@pytest.mark.parametrize(("line", "body"), _blocks(), ids=lambda v: str(v) if isinstance(v, int) else "")
def test_every_plan_example_parses(line: str, body: str) -> None:
    fragment = _without_ellipses(body)
    tried = []
    for place in PLACES:
        _, diagnostics = parse_text(place.format(fragment), "doc.plan")
        # A fragment's plan may leave its name to the `...` (T0409); that is the example's shorthand.
        errors = [d for d in diagnostics if d.is_error and d.code != "T0409"]
        if not errors:
            return
        tried.append(errors[0].message)
    pytest.fail(f"docs/language.md line {line}: the example parses nowhere: {tried}")


def test_the_example_of_two_phone_lines_checks_clean() -> None:
    """The channels example for a 24x7 line for P1 beside an office-hours line (session 20)."""
    text = DOC.read_text(encoding="utf-8")
    block = next(body for _, body in _blocks() if "as phone-urgent" in body)
    plan = _without_ellipses(block).replace("plan enterprise {", 'plan enterprise { name "Enterprise"')
    vendor = (
        'calendar around-the-clock { open 24x7 }\nvendor x {\n  name "X"\n  language en only\n'
        "  calendar us-business { zone America/New_York open mon-fri 08:00-20:00 closed holidays US }\n"
        '  priorities s { level P1 { name { en "Urgent" } } level P2 { name { en "High" } } }\n'
        '  contact email "help@example.com"\n' + plan + "\n}\n"
    )
    result = load_text(vendor, "x.plan")
    assert "T0330" in text
    assert not result.diagnostics, [d.message for d in result.diagnostics]
    plan_model = result.project.vendors[0].plans[0] if result.project else None
    assert plan_model is not None and plan_model.channels == ("phone-urgent", "phone", "email")
