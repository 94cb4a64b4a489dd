"""Diagnostics of the text of a plan file: each with its code, message and position (issue 8)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dsl.language.diagnostics import Diagnostic, file_text, render
from dsl.language.loader import load_project, load_text
from support.language_plans import ALL, HEADER
from support.paths import BUILD_PY, ROOT


def diagnostics(text: str) -> list[Diagnostic]:
    return load_text(text, "t.plan").diagnostics


def one(text: str) -> Diagnostic:
    found = diagnostics(text)
    assert len(found) == 1, [f"{d.pos}: {d.message}" for d in found]
    return found[0]


def at(diag: Diagnostic) -> tuple[int, int]:
    return diag.pos.line, diag.pos.column


# --- braces, keywords, cascades --------------------------------------------------------------------


def test_an_unclosed_brace_points_at_the_brace_and_notes_where_the_file_ended():
    text = HEADER + '  plan basic {\n    name "Basic"\n}\n'
    diag = one(text)
    assert (diag.code, diag.message, at(diag)) == ("T0102", "this '{' is never closed", (4, 14))
    ((note, end),) = diag.notes
    assert "the file ends here" in note and (end.line, end.column) == (6, 2)
    shown = render(diag, text)
    assert "   4 |   plan basic {" in shown and "     6 | }" in shown


def test_a_block_left_open_before_the_next_statement_is_named_in_a_note():
    text = HEADER + '  plan p {\n    name "P"\n\n  plan q {\n    name "Q"\n  }\n}\n'
    diag = one(text)
    assert (diag.code, at(diag)) == ("T0101", (7, 3))
    assert diag.hint == "the block opened above may be missing its '}'"
    assert [(p.line, p.column) for _, p in diag.notes] == [(4, 10)]


@pytest.mark.parametrize("word, meant", [("nmae", "name"), ("paln", "plan"), ("contcat", "contact")])
def test_a_misspelt_keyword_gets_did_you_mean(word, meant):
    diag = one(f'vendor v {{\n  {word} x\n  language sv\n}}\n')
    assert (diag.code, at(diag), diag.hint) == ("T0103", (2, 3), f"did you mean '{meant}'?")
    assert diag.message.startswith(f"unexpected '{word}'")


def test_one_mistake_is_reported_once_not_with_what_follows_from_it():
    # The stray words after the bad duration would each fail in another parser state.
    diag = one(HEADER + '  plan p {\n    name "P"\n    target first-response all 2 hours on office\n  }\n}\n')
    assert (diag.code, at(diag)) == ("T0105", (6, 31))


def test_two_mistakes_far_apart_are_both_reported():
    found = diagnostics(HEADER + '  nmae "V"\n  plan p {\n    name "P"\n    target first-response all 1d on office\n  }\n}\n')
    assert [(d.code, at(d)) for d in found] == [("T0103", (4, 3)), ("T0105", (7, 31))]


def test_a_syntax_error_in_one_file_does_not_make_its_names_unknown_elsewhere(tmp_path):
    (tmp_path / "shared.plan").write_text("calendar office {\n  zone Europe/Stockholm\n  open mon-fri 08:00-17:00\n")
    (tmp_path / "v.plan").write_text(HEADER + "  contact phone hours office\n}\n")
    found = load_project([tmp_path]).diagnostics
    assert [(d.code, d.pos.file.endswith("shared.plan")) for d in found] == [("T0102", True)]


def test_a_triple_quoted_text_closed_with_one_quote_says_so():
    text = HEADER + f'  intro {{ en """Support for\n     every customer." }}\n  note {{ {ALL} }}\n  name "V"\n}}\n'
    diag = one(text)
    assert (diag.code, diag.message, at(diag)) == ("T0104", 'a text opened with """ is closed with a single "', (5, 21))
    assert [(p.line, p.column) for _, p in diag.notes] == [(4, 14)]
    assert '"""' in (diag.hint or "")


def test_a_triple_quoted_text_closed_with_one_quote_before_a_later_triple_quoted_text():
    text = HEADER + '  intro { en """Support for\n     every customer." }\n  note { en """Terms apply.""" }\n}\n'
    diag = one(text)
    assert (diag.code, at(diag)) == ("T0104", (5, 21))


# --- durations -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, instead",
    [("4,5h", "write 4h 30min"), ("1.25h", "write 1h 15min"), ("1d", "write 24h"), ("2 hrs", "write 2h"), ("2hours", "write 2h"),
     ("30 mins", "write 30min"), ("3", "add the unit: 3h or 3min")],
)
def test_a_duration_written_another_way_gets_a_hint_naming_what_is_allowed(written, instead):
    diag = one(HEADER + f'  plan p {{ name "P" target first-response all {written} on office }}\n}}\n')
    assert (diag.code, diag.message, at(diag)) == ("T0105", f"'{written}' is not a duration", (4, 47))
    assert diag.pos.end_column == 47 + len(written)
    assert diag.hint is not None and "15min, 2h, 1h 30min" in diag.hint and instead in diag.hint


# --- characters and encodings ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "char, name", [("\u00a0", "NO-BREAK SPACE"), ("\u200b", "ZERO WIDTH SPACE"), ("\ufeff", "ZERO WIDTH NO-BREAK SPACE")]
)
def test_an_invisible_character_is_named_by_its_code_point(char, name):
    diag = one(HEADER.replace('  name "V"', f'  name{char}"V"') + "}\n")
    assert (diag.code, at(diag)) == ("T0106", (2, 7))
    assert diag.message == f"invisible character U+{ord(char):04X} ({name}) outside a quoted text"


def test_a_byte_order_mark_before_the_first_line_is_no_character_of_it(tmp_path):
    """Notepad and Excel's "UTF-8" start a file with a BOM: the file loads, and line 1 counts columns as the editor shows
    them (the BOM is no column); the line shown under an error on line 1 starts with what the author wrote."""
    assert [d for d in diagnostics("\ufeff" + HEADER + "}\n") if d.is_error] == []
    path = tmp_path / "v.plan"
    path.write_bytes(b"\xef\xbb\xbf" + b"vendr v {\n}\n")
    result = load_project([path])
    (diag,) = [d for d in result.diagnostics if d.is_error]
    assert (diag.code, at(diag), diag.pos.end_column) == ("T0103", (1, 1), 6)
    shown = render(diag, file_text(str(path)))
    assert "   1 | vendr v {\n     | ^^^^^\n" in shown


def test_a_second_byte_order_mark_is_named_with_a_hint():
    diag = one("\ufeff\ufeff" + HEADER + "}\n")
    assert (diag.code, at(diag)) == ("T0106", (1, 1))
    assert "byte order mark" in (diag.hint or "")


def test_an_invisible_character_inside_a_text_is_text():
    assert [d for d in diagnostics(HEADER + '  website "https://x.example"\n  intro { sv "08:00\u00a0–\u00a017:00" }\n}\n') if d.is_error] == []


def test_a_file_that_is_not_utf8_is_reported_at_its_line_and_column(tmp_path):
    path = tmp_path / "v.plan"
    path.write_bytes(HEADER.replace('name "V"', 'name "Caf\xe9"').encode("latin-1") + b"}\n")
    result = load_project([path])
    (diag,) = result.diagnostics
    assert (diag.code, diag.message, at(diag)) == ("T0107", "the file is not UTF-8 text", (2, 12))
    assert "0xE9" in (diag.hint or "") and "'é'" in (diag.hint or "") and "UTF-8" in (diag.hint or "")
    assert "Caf" in render(diag, result.sources[str(path)])  # the line is shown as far as it can be read


# --- warnings --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "# the offer will follow\n"])
def test_an_empty_plan_file_is_a_warning(text):
    diag = one(text)
    assert (diag.severity, diag.code, diag.message, at(diag)) == ("warning", "T0108", "the plan file is empty", (1, 1))


def test_tabs_and_spaces_that_change_a_texts_markdown_are_a_warning():
    text = HEADER + '  intro { sv """Support:\n\t  - by phone\n        - by e-mail""" }\n}\n'
    found = [d for d in diagnostics(text) if d.code == "T0109"]
    assert [(d.severity, at(d)) for d in found] == [("warning", (4, 14))]
    assert "tabs and spaces" in found[0].message


def test_consistent_indentation_in_a_long_text_is_no_warning():
    for body in ("Support:\n     - by phone\n     - by e-mail", "Support:\n\t- by phone\n\t- by e-mail", "One line"):
        assert [d for d in diagnostics(HEADER + f'  intro {{ sv """{body}""" }}\n}}\n') if d.code == "T0109"] == []


# --- a single file inside its project --------------------------------------------------------------


def test_checking_one_file_has_the_projects_shared_definitions_in_scope(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "shared.plan").write_text("calendar around-the-clock {\n  name { " + ALL + " }\n  open 24x7\n}\n")
    (plans / "other.plan").write_text('vendor other {\n  name "O"\n  language fi\n}\n')  # wrong, but not checked here
    (plans / "v.plan").write_text(HEADER + "  contact portal hours around-the-clock\n}\n")
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "check", "plans/v.plan"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "ok: 1 vendor(s) checked." in done.stdout and done.stderr == ""


def test_the_docs_example_checks_infor_alone():
    done = subprocess.run([sys.executable, str(BUILD_PY), "check", "plans/infor.plan"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "ok: 1 vendor(s) checked." in done.stdout


def test_a_file_checked_alone_still_reports_its_own_unknown_names(tmp_path):
    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "shared.plan").write_text("calendar around-the-clock { open 24x7 }\n")
    (plans / "v.plan").write_text(HEADER + "  contact portal hours around-the-clok\n}\n")
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "check", "plans/v.plan"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "plans/v.plan:4:24: error[T0304]: unknown calendar 'around-the-clok'" in done.stderr
    assert "did you mean 'around-the-clock'?" in done.stderr


def test_a_run_says_once_where_to_read_more_about_its_codes():
    import io

    from dsl.language.diagnostics import print_diagnostics

    result = load_text(HEADER + '  plan p extends pp { name "P" }\n  contact emial\n}\n', "t.plan")
    out = io.StringIO()
    assert print_diagnostics(result.diagnostics, result.sources, out) == 2
    text = out.getvalue()
    assert text.count("tierwise explain") == 1
    assert text.rstrip().endswith("For more about a code, try `tierwise explain T0311` (codes above: T0311, T0401).")


@pytest.mark.parametrize(
    ("written", "message", "instead", "column"),
    [
        ("$35 per user per month", "'$' is not how an amount is written", "write 35 USD", 11),
        ("1400,50 PLN", "'1400,50' is not how an amount is written", "write 1400.50", 11),
        ("25,000 USD per year", "'25,000' is not how an amount is written", "write 25000", 11),
        ("1 400,50 PLN", "'1 400,50' is not how an amount is written", "write 1400.50", 11),
        ("from €1.200,00 per year", "'€' is not how an amount is written", "write 1200.00 EUR", 16),
    ],
)
def test_an_amount_written_another_way_is_located_and_rewritten(written: str, message: str, instead: str, column: int) -> None:
    """Outside authors wrote a decimal comma (`1400,50 PLN`) and a dollar sign (`$35`): the parser said only
    "unexpected ','" with a hint about currencies, or "unexpected character '$'" with none."""
    text = f'vendor acme {{\n  name "Acme"\n  language en\n  plan p {{\n    name "P"\n    price {written}\n  }}\n}}\n'
    diag = next(d for d in load_text(text, "a.plan").diagnostics if d.is_error)
    assert (diag.code, diag.message, at(diag)) == ("T0116", message, (6, column))
    assert diag.hint is not None and diag.hint.endswith(instead)
    assert not [d for d in load_text(text.replace(written, "12.50 EUR"), "a.plan").diagnostics if d.is_error]


@pytest.mark.parametrize(
    ("line", "where", "hint"),
    [
        ("target first-response P1 1h on office for security", (7, 43), "'for CASE' comes right after the priority: target first-response P1"),
        ("coverage P1 on office for security", (7, 27), "'for CASE' comes right after the priority: coverage all for security"),
        ("coverage P1 24x7", (7, 17), "coverage names a calendar: coverage P1 on CALENDAR"),
        ("obligation qbr 1 per quarter\n    channels phone", (8, 5), "an obligation says what is done, in quotes or braces"),
    ],
)
def test_an_outside_authors_syntax_slips_get_a_hint(line: str, where: tuple[int, int], hint: str) -> None:
    """Slips an outside author made writing from docs/language.md alone, where the parser gave no hint."""
    text = (
        'vendor acme {\n  name "Acme"\n  language en\n  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n'
        f'  plan p {{\n    name "P"\n    {line}\n  }}\n}}\n'
    )
    diag = next(d for d in load_text(text, "a.plan").diagnostics if d.is_error)
    assert (diag.code, at(diag)) == ("T0101", where)
    assert diag.hint is not None and diag.hint.startswith(hint), diag.hint


def test_a_statement_after_a_target_gets_no_hint_about_cases() -> None:
    text = (
        'vendor acme {\n  name "Acme"\n  language en\n  calendar office { zone Europe/Stockholm open mon-fri 08:00-17:00 }\n'
        '  plan p {\n    name "P"\n    target first-response P1 1h on office\n    bogus\n  }\n}\n'
    )
    diag = next(d for d in load_text(text, "a.plan").diagnostics if d.is_error)
    assert at(diag) == (8, 5) and (diag.hint is None or "for CASE" not in diag.hint)
