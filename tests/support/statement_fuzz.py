"""Statement-level edits of the shipped plan files for fuzzing: statements deleted, duplicated, swapped or moved,
values replaced by odd ones (tests/test_fuzz_statements.py, tests/test_fuzz_differential.py)."""

from __future__ import annotations

import re
from typing import TypeVar

from hypothesis import strategies as st

from support.paths import PLANS, ROOT

T = TypeVar("T")
SHARED = (PLANS / "shared.plan").read_text(encoding="utf-8")
# Every shipped vendor and the outside offers that use the shared definitions (some carry their own).
SEEDS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(PLANS.glob("*.plan")) if p.stem != "shared"}
SEEDS |= {
    p.stem: text
    for p in sorted((ROOT / "tests" / "plans" / "outside").glob("*.plan"))
    if not re.search(r"^(horizon|calendar around-the-clock)", text := p.read_text(encoding="utf-8"), re.M)
}
VALUES = {
    r"\b\d\d:\d\d-\d\d:\d\d\b": ["00:00-24:00", "23:59-24:00", "00:00-00:01", "12:00-13:00, 08:00-17:00"],
    r"\b(mon|tue|wed|thu|fri|sat|sun)-(mon|tue|wed|thu|fri|sat|sun)\b": ["sun-mon", "fri-mon", "mon-sun", "sat-sun", "tue-mon"],
    r"\b\d+(h|min)\b": ["0h", "1min", "1h 59min", "999999999min", "24h", "1440min"],
    r"\b\d+(\.\d+)?%": ["0%", "100%", "99.999999%", "0.001%"],
    r"(?<=zone )[A-Z][A-Za-z_/]+": ["Australia/Lord_Howe", "Antarctica/Troll", "Pacific/Kiritimati", "America/Nuuk", "Asia/Kathmandu", "UTC"],
    r"(?<=holidays )[A-Z][A-Z]\b": ["DE BY", "US CA", "GB SCT", "CH ZH", "IT", "NO", "ES CT"],
    r"(?<=holidays customer )[A-Z]{2}(?:, [A-Z]{2})*": ["SE, SE", "XX", "SE", "US, GB, US", "DE BY", "SE,PL"],
    r"\b20\d\d-\d\d-\d\d\b": ["2026-01-01", "2028-02-29", "2028-12-31", "2026-03-29", "2027-10-31"],
    r"(?<![\d.:-])\d+(?![\d.:%-]|h\b|min\b)": ["0", "1", "999999999", "24"],
    # fuzz16: contact groups and a plan's own hours of a channel (docs/language.md "Groups of contacts", "Hours that depend
    # on the plan"): a contact's group (or a feature's category) swapped for another's or one nobody declared, the
    # calendar of a contact's or a channel's `hours`/`answered` replaced, and a plan's first channel given hours of its own.
    r"(?<=[\w\"] in )[a-z][\w-]*(?=(?: hours [\w-]+)?(?: answered [\w-]+)?(?: \{)?\n)": ["italy", "headquarters", "emea", "manila", "itali"],
    r"(?<=hours |wered )[a-z][a-z0-9]*-[a-z0-9-]*[a-z0-9](?=[ ,\n])": ["around-the-clock", "around-the-clok", "office-hours"],
    r"(?<=channels )[a-z][\w-]*": ["portal hours around-the-clock", "phone hours around-the-clock answered around-the-clock",
                                   "email answered around-the-clock for P1", "phone-italy hours around-the-clock, phone-hq"],
}


def statements(lines: list[str]) -> list[tuple[int, int, int]]:
    """Each statement of a plan file as (first line, line after it, depth), a block with everything inside it.

    Statements are found by lines, as the shipped files are written: one statement or the head of a block per line,
    braces counted outside texts and comments.
    """
    found: list[tuple[int, int, int]] = []
    open_blocks: list[tuple[int, int]] = []
    depth = 0
    in_text = False
    for number, line in enumerate(lines):
        code = line
        if in_text:
            if '"""' not in code:
                continue
            code = code.split('"""', 1)[1]
            in_text = False
        code = re.sub(r'"""[\s\S]*?"""|"[^"\n]*"', '""', code)
        if '"""' in code:
            code, in_text = code.split('"""', 1)[0], True
        code = code.split("#", 1)[0]
        if not code.strip():
            continue
        before = depth
        for char in code:
            if char == "{":
                open_blocks.append((number, depth))
                depth += 1
            elif char == "}" and open_blocks:
                start, depth = open_blocks.pop()
                if depth < before:
                    found.append((start, number + 1, depth))
        if depth == before and not in_text and "{" not in code and "}" not in code:
            found.append((number, number + 1, depth))
    return found


PICK = st.integers(0, 2**16 - 1)


def pick(index: int, options: list[T]) -> T | None:
    """The option an index drawn from PICK stands for, None when there is none. Hypothesis draws a wide range's small
    numbers and its ends more often than the rest; scrambled (an odd multiplier modulo 2**16) and scaled, they fall
    anywhere in the list, as sampled_from's draws did."""
    return options[(index * 40503 % 2**16) * len(options) >> 16] if options else None


@st.composite
def moved(draw: st.DrawFn, text: str) -> str:
    """`text` with one to three statements deleted, duplicated, swapped or moved, or values replaced by odd ones.

    Every call draws the same choices, as many whatever the text and whatever each edit is (an item of a list found
    in the text is an index of a fixed range, PICK): hypothesis's mutator replays one example's choices with a span
    copied from another, and the choices of an example whose draws depended on the text ran out before the end
    ("overrun"): 13 % of the examples were thrown away as invalid (fuzz14).
    """
    count = draw(st.integers(1, 3))
    edits = [
        (draw(st.sampled_from(["delete", "duplicate", "swap", "move", "value", "value"])), draw(st.sampled_from(sorted(VALUES))),
         draw(PICK), draw(PICK), draw(PICK), draw(PICK))
        for _ in range(3)
    ]
    for kind, pattern, spot_at, value_at, statement_at, other_at in edits[:count]:
        lines = text.split("\n")
        found = statements(lines)
        if kind == "value":
            spot = pick(spot_at, list(re.finditer(pattern, text)))
            if spot is not None:
                text = text[: spot.start()] + (pick(value_at, VALUES[pattern]) or "") + text[spot.end() :]
            continue
        chosen = pick(statement_at, found)
        if chosen is None:
            continue
        first, end, depth = chosen
        chunk = lines[first:end]
        other = pick(other_at, [s for s in found if s[2] == depth and (s[1] <= first or s[0] >= end)])
        if kind == "delete":
            del lines[first:end]
        elif kind == "duplicate":
            lines[end:end] = chunk
        elif kind == "swap" and other is not None:
            (a, a_end, _), (b, b_end, _) = sorted([(first, end, depth), other])
            lines = lines[:a] + lines[b:b_end] + lines[a_end:b] + lines[a:a_end] + lines[b_end:]
        elif kind == "move" and other is not None:  # to where another statement of the same depth starts, in whatever block
            to = other[0]
            del lines[first:end]
            at = to if to < first else to - (end - first)
            lines[at:at] = chunk
        text = "\n".join(lines)
    return text


@st.composite
def moved_project(draw: st.DrawFn) -> tuple[str, str, str]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    shared_too, shared = draw(st.integers(0, 4)) == 0, draw(moved(SHARED))  # drawn either way: the same choices
    return name, shared if shared_too else SHARED, draw(moved(SEEDS[name]))
