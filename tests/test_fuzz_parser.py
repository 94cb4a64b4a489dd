"""A fuzz target for the plan parser and checks: whatever text a plan file holds, loading it ends in diagnostics.

Asserted for every input: `load_text` (parse, resolve, check) and rendering its diagnostics raise no
exception, and no input takes more than 5 seconds. Inputs are token soups made of the language's
own words and arbitrary text, and pieces of the real plan files with random edits.

The normal suite runs a bounded budget (300 examples). A longer run, as in docs/language.md:

    TIERWISE_HYPOTHESIS=explore TIERWISE_FUZZ_EXAMPLES=100000 .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz_parser.py

Inputs that once crashed are kept in CRASHERS below and run on every test run. fuzz15 (30 November 2026) added Wisła's
penalties and a file of the constructs the seeds hold few of to the texts edited (plan_pieces.EVERY_CONSTRUCT); a run of
20,000 found a tab of the file printed in a message ("tab in a quoted token"), then 60,000 passed. fuzz16 (30 November
2026) added a contact group and a plan's own channel hours to EVERY_CONSTRUCT; its first run found a traceback in the hint
for an unquoted address when the address is glued to the contact's kind (`contact a@b`, the "address …" CRASHERS).
"""

from __future__ import annotations

import io
import os
import re
import time
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsl.language.diagnostics import print_diagnostics
from dsl.language.loader import load_text
from support.paths import PLANS
from support.plan_pieces import EVERY_CONSTRUCT, KEYWORDS, PIECES

EXAMPLES = int(os.environ.get("TIERWISE_FUZZ_EXAMPLES", "300"))
SLOWEST_SECONDS = 5.0

SEEDS = [(PLANS / name).read_text(encoding="utf-8") for name in ("shared.plan", "stratiteq.plan", "wisla.plan")]
# Real text cut to a few kB (the whole file costs ~0.1 s to check): its start, closed with braces; Wisła's penalties whole;
# and a file of the constructs the seeds hold few of.
SLICES = [SEEDS[0]] + [SEEDS[1][:n] + "\n}\n" * 3 for n in (800, 2500, 6000)] + [SEEDS[2], EVERY_CONSTRUCT]

token = st.one_of(st.sampled_from(KEYWORDS), st.sampled_from(PIECES), st.text(max_size=8), st.from_regex(r"[a-z][a-z0-9-]{0,12}", fullmatch=True))
soup = st.lists(token, max_size=80).flatmap(lambda ts: st.sampled_from([" ", "\n", ""]).map(lambda sep: sep.join(ts)))
edit = st.tuples(st.floats(0, 1), st.integers(0, 60), st.one_of(token, st.just("")))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SLICES))
    for where, cut, insert in draw(st.lists(edit, min_size=1, max_size=6)):
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    return text


# What an editor takes for a line end; a diagnostic's line must be one of these lines (or the one after the last).
EDITOR_LINES = re.compile(r"\r\n|\r|\n")


def load_and_render(text: str) -> float:
    """Load `text` as a plan file and print its diagnostics; returns the CPU seconds it took.

    CPU time, not wall time: on a shared machine, waiting for a core is not the input's cost. Also asserts
    that every diagnostic stands on a line of the file as an editor counts them, and that what is printed
    holds no control character but the line ends (a NUL or an escape of the file would reach the terminal).
    """
    start = time.process_time()
    result = load_text(text, "fuzz.plan")
    out = io.StringIO()
    print_diagnostics(result.diagnostics, result.sources, out, strict=True)
    seconds = time.process_time() - start
    lines = EDITOR_LINES.split(text)
    for d in result.diagnostics:
        assert d.code and 1 <= d.pos.line <= len(lines) + 1 and d.pos.column >= 1, d
        if d.pos.line <= len(lines):
            assert d.pos.column <= len(lines[d.pos.line - 1]) + 1, (d, lines[d.pos.line - 1][:200])
    controls = {c for c in out.getvalue() if c != "\n" and unicodedata.category(c) in ("Cc", "Zl", "Zp")}
    assert not controls, (controls, text[:200])
    return seconds


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(soup, mutated()))
def test_any_text_ends_in_diagnostics(text: str) -> None:
    seconds = load_and_render(text)
    assert seconds < SLOWEST_SECONDS, (seconds, text[:200])


# Inputs of issue 11's probe and of fuzz runs that once raised or hung; each must now load cleanly.
CRASHERS = {
    "zone folder": 'calendar c { name { sv "a" it "b" pl "c" en "d" } zone Europe open mon 08:00-17:00 }\n',
    "zone Etc": 'calendar c { name { sv "a" it "b" pl "c" en "d" } zone Etc open 24x7 }\n',
    "zone too long for a file name": 'calendar c { name { sv "a" it "b" pl "c" en "d" } zone ' + "A" * 256 + " open 24x7 }\n",
    "5,000-digit price": 'vendor v { name "V" language sv plan p { name "P" price ' + "9" * 5000 + " EUR } }\n",
    "5,000-digit duration": 'vendor v { name "V" language sv plan p { name "P" target first-response all ' + "1" * 5000 + "h on c } }\n",
    "100,000 braces": "vendor v {" + "{" * 100_000,
    "deep nesting": "vendor v { " + "plan p { " * 5000,
    "lone surrogate": 'vendor v { name "\ud800" language sv }\n',
    "NUL": 'vendor v { name "a\x00b" language sv }\n',
    "unterminated triple quote": 'vendor v { intro { sv """' + "x" * 10_000,
    "reserved id": 'vendor all { name "V" language sv }\n',
    "empty": "",
    # fuzz15: the message quoted the token with its tab, which reached the terminal (the line under it shows a space).
    "tab in a quoted token": '""" \t """a\n  b"""',
    # fuzz16 (Wisła's `contact email "serwis@…"` with its space and a quote edited away): the hint for an unquoted address
    # read the line's third word, which a value glued to the kind (or to `website`) does not have: IndexError.
    "address glued to a contact's kind": 'vendor wisla {\n  contact emailserwis@wisla-serwis.example.pl"\n}\n',
    "kind and address joined by a hyphen": 'vendor wisla {\n  contact email-"serwis@wisla-serwis.example.pl"\n}\n',
    "address as a contact's kind": "vendor v {\n  contact a@b\n}\n",
    "address glued to website": "vendor v {\n  website@x\n}\n",
}


FINE = {"lone surrogate", "NUL"}  # load without an error through the API (a file on disk cannot hold a lone surrogate)


@pytest.mark.parametrize("name", CRASHERS)
def test_inputs_that_once_crashed_load_with_diagnostics(name: str) -> None:
    text = CRASHERS[name]
    assert load_and_render(text) < SLOWEST_SECONDS
    diagnostics = load_text(text, "fuzz.plan").diagnostics
    assert bool(diagnostics) != (name in FINE), diagnostics
