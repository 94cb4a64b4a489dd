"""Every diagnostic code is explained, every explanation's example produces its code, and
`tierwise explain CODE` prints it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from dsl.language.explanations import EXPLANATIONS, explain, run_example
from support.paths import BUILD_PY, ROOT

CODE = re.compile(r'"(T\d{4})"')


def codes_in_the_source() -> set[str]:
    """Every code the package gives a diagnostic (the explanations themselves left out)."""
    found: set[str] = set()
    for path in (ROOT / "dsl").rglob("*.py"):
        if path.name != "explanations.py":
            found |= set(CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_the_source_uses_codes():
    # A guard for the test below: were the pattern wrong, it would find nothing to check.
    assert {"T0101", "T0304", "T0501", "T0902"} <= codes_in_the_source()


def test_every_code_used_has_an_explanation():
    assert codes_in_the_source() - set(EXPLANATIONS) == set()


def test_every_explanation_is_of_a_code_in_use():
    assert set(EXPLANATIONS) - codes_in_the_source() == set()


def test_every_diagnostic_call_gives_a_code():
    calls = re.compile(r"\b(?:error|warning|_required)\(")
    for path in (ROOT / "dsl" / "language").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for found in calls.finditer(text):
            if text[found.start() - 4 : found.start()] == "def ":
                continue
            # The call runs to its closing parenthesis; a code is among its arguments.
            depth, i = 0, found.end() - 1
            while True:
                depth += {"(": 1, ")": -1}.get(text[i], 0)
                if depth == 0:
                    break
                i += 1
            call = text[found.start() : i + 1]
            assert "code=" in call, f"{path.name}: {call}"


@pytest.mark.parametrize("code", sorted(EXPLANATIONS))
def test_each_example_produces_its_code(code, tmp_path):
    result = run_example(code, tmp_path)
    assert code in {d.code for d in result.diagnostics}, [f"{d.code} {d.message}" for d in result.diagnostics]


def test_explain_prints_the_explanation_the_example_and_what_tierwise_says():
    text = explain("t0501")
    assert text is not None
    lines = text.splitlines()
    assert lines[0] == "T0501: an unknown time zone"
    assert "    calendar office {" in lines
    reported = [line for line in lines if "error[T0501]" in line]
    assert reported == ["    example.plan:3:3: error[T0501]: unknown time zone 'Europe/Stokholm'"]
    corrected = lines[lines.index("Corrected:") :]
    assert "      zone Europe/Stockholm" in corrected


def test_tierwise_explain_on_the_command_line():
    done = subprocess.run([sys.executable, str(BUILD_PY), "explain", "T0102"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.startswith("T0102: a '{' is never closed")
    listing = subprocess.run([sys.executable, str(BUILD_PY), "explain"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == len(EXPLANATIONS)
    codes = [line.split()[0] for line in listing.stdout.splitlines()]
    assert codes == sorted(EXPLANATIONS)  # in number order, whatever order the blocks were added in
    unknown = subprocess.run([sys.executable, str(BUILD_PY), "explain", "T0502x"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert unknown.returncode == 2
    assert unknown.stderr == "error: unknown diagnostic code 'T0502x'\n  hint: did you mean 'T0502'?\n"
    assert "Traceback" not in unknown.stderr
    # A code typed with control characters is shown, not obeyed: ESC [2J would clear the reader's terminal.
    escape = subprocess.run([sys.executable, str(BUILD_PY), "explain", "T\x1b[2J"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert escape.returncode == 2 and "\x1b" not in escape.stderr and "'T\u241b[2J'" in escape.stderr


@pytest.mark.parametrize("code", sorted(c for c, e in EXPLANATIONS.items() if e.fixed))
def test_each_corrected_example_no_longer_produces_its_code(code, tmp_path):
    result = run_example(code, tmp_path, fixed=True)
    assert code not in {d.code for d in result.diagnostics}, [f"{d.code} {d.message}" for d in result.diagnostics]


def test_every_example_in_a_plan_file_has_its_correction():
    # The file-level codes (not UTF-8, no or unreadable files) are fixed outside the plan text, and so
    # are the settings file's (T10xx): their fix is in tierwise.toml.
    settings = [f"T100{i}" for i in range(1, 10)]
    assert sorted(c for c, e in EXPLANATIONS.items() if not e.fixed) == ["T0107", "T0111", "T0114", "T0201", "T0202", "T0203", *settings]


@pytest.mark.parametrize("code", ["T0112", "T0114"])
def test_the_length_limit_examples_are_printed_short(code):
    # Their examples hold a 20,000-character line; a terminal should get a readable page, not 20 kB.
    text = explain(code)
    assert text is not None and len(text) < 3_000
    assert max(len(line) for line in text.splitlines()) <= 130
    if code == "T0112":
        assert "characters in all)" in text
