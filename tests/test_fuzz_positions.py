"""Regressions of the fuzz run of 29 November 2026 (fuzz9): where a diagnostic points and what it prints.

Each input once gave a diagnostic whose excerpt showed another line than the one it named, a caret beside
the spot, or wrote the file's control characters to the terminal: lines were split with `str.splitlines`,
which also breaks at U+2028, U+0085 and form feeds a quoted text may hold, while the lexer counts lines by LF
alone and read a lone CR as a space; and the caret was placed by characters, not by the columns a terminal
gives them.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from dsl.language.diagnostics import print_diagnostics, render, source_lines
from dsl.language.loader import load_text
from support.paths import BUILD_PY

LANGUAGE_XX = 'vendor v {\n  name "V"\n  language xx\n}\n'


def rendered(text: str) -> str:
    """Every diagnostic of `text` as `check` prints it."""
    result = load_text(text, "f.plan")
    out = io.StringIO()
    print_diagnostics(result.diagnostics, result.sources, out)
    return out.getvalue()


def first(text: str) -> str:
    """The first diagnostic of `text`, rendered."""
    result = load_text(text, "f.plan")
    assert result.diagnostics, text
    return render(result.diagnostics[0], text)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c"])
def test_a_line_separator_inside_a_quoted_text_does_not_shift_the_lines_shown(separator: str) -> None:
    text = 'vendor v {\n  name "a' + separator + 'b"\n  language xx\n}\n'
    shown = first(text)
    assert shown.startswith("f.plan:3:12: error[T0402]: 'xx' is not one of the site's languages\n"), shown
    assert "\n   3 |   language xx\n     |            ^^\n" in shown, shown  # was "   3 | b"


@pytest.mark.parametrize("ending", ["\r", "\r\n"])
def test_a_file_with_old_mac_or_windows_line_ends_is_located_as_one_with_lf(ending: str) -> None:
    """A lone CR ends a line in every editor; the lexer took it for a space, and every diagnostic was on line 1 (1:34)."""
    assert first(LANGUAGE_XX.replace("\n", ending)) == first(LANGUAGE_XX)
    assert first(LANGUAGE_XX).startswith("f.plan:3:12: error[T0402]")
    # A syntax error, and the end of the file, too.
    broken = 'vendor v {\n  name "V"\n  langauge en\n'
    for text in (broken, broken.replace("\n", ending)):
        shown = rendered(text)
        assert "f.plan:3:3: error[T0103]: unexpected 'langauge'" in shown, shown
        assert "\n   3 |   langauge en\n     |   ^^^^^^^^\n" in shown, shown
    shown = rendered('vendor v {\r  name "V"\r  language en\r')
    assert "= note: f.plan:3:14: the file ends here, at line 3, still inside the block" in shown, shown


def test_the_command_line_locates_a_lone_cr_file_on_its_lines(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "v.plan").write_bytes(LANGUAGE_XX.replace("\n", "\r").encode())
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(tmp_path), "check"], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "plans/v.plan:3:12: error[T0402]" in done.stderr and "   3 |   language xx\n" in done.stderr, done.stderr


def test_the_caret_stands_under_the_spot_past_wide_and_combining_characters() -> None:
    # Four CJK characters take two terminal columns each; the e with a combining acute accent takes one.
    text = 'vendor v {\n  name "界界界界 cafe\u0301"  language xx\n}\n'
    lines = first(text).splitlines()
    assert lines[1] == '   2 |   name "界界界界 cafe\u0301"  language xx'
    caret = lines[2]
    assert caret == "     | " + " " * 33 + "^^", repr(caret)
    # The word the caret is under, counted in terminal columns.
    code, columns = lines[1][len("   2 | ") :], caret.index("^") - len("     | ")
    width = 0
    for index, char in enumerate(code):
        if width == columns:
            assert code[index : index + 2] == "xx"
            break
        width += 0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) == "W" else 1
    else:
        pytest.fail("the caret is past the line")


def test_a_wide_character_under_the_caret_gets_a_caret_per_column() -> None:
    shown = first('vendor v {\n  language 界\n}\n')
    assert shown.endswith("\n   2 |   language 界\n     |            ^^"), shown


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07", "\x85", "\u2028", "\x7f"])
def test_control_characters_of_the_file_are_shown_not_sent_to_the_terminal(char: str) -> None:
    # In a quoted text (allowed) on the line of a diagnostic, and outside one (an error naming the code point).
    for text in (f'vendor v {{\n  name "a{char}[2Jb"  language xx\n}}\n', f"vendor v {{\n  {char}language en\n}}\n"):
        out = rendered(text)
        assert not [c for c in out if c != "\n" and unicodedata.category(c) in ("Cc", "Zl", "Zp")], repr(out)
    out = rendered(f"vendor v {{\n  {char}language en\n}}\n")
    named = rf"invisible character U\+{ord(char):04X} \((?:[A-Z ]+|a control character)\) outside a quoted text"
    assert re.search(rf"f\.plan:2:3: error\[T0106\]: {named}", out), out


def test_a_control_character_outside_a_text_is_named_not_printed_as_itself() -> None:
    out = rendered("vendor v {\n  \x0blanguage en\n}\n")
    assert "f.plan:2:3: error[T0106]: invisible character U+000B (LINE TABULATION) outside a quoted text\n" in out, out
    assert "   2 |   ␋language en\n     |   ^\n" in out, out  # was: unexpected character '\x0b', printed raw


def test_source_lines_break_where_the_parser_counts_lines() -> None:
    assert source_lines("a\u2028b\x85c\x0cd\r\ne\rf\n") == ["a\u2028b\x85c\x0cd", "e", "f"]
    assert source_lines("") == [""] and source_lines("a\n\n") == ["a", ""]
