"""Diagnostics: what is wrong, exactly where, and what to do about it.

Every stage reports problems as `Diagnostic` values instead of raising, so one
run can report everything it finds. Rendering follows the compilers authors
already know (Rust, Elm): `path:line:col: error: message`, the source line, a
caret under the spot, and a hint when one helps.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from dsl.language.model import Pos

MISSING_TRANSLATION = "T0404"
"""The diagnostic code of a missing translation (`tierwise explain T0404`): the checks' warning at a text, and the
site's, at the same text, when a page shows another language's text instead."""

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a plan file."""

    severity: str
    message: str
    pos: Pos
    hint: str | None = None
    code: str = ""  # stable, such as T0901: `tierwise explain T0901` says more (dsl/language/explanations.py)
    notes: tuple[tuple[str, Pos], ...] = ()  # other places that explain it: where a block was opened, where the file ended

    @property
    def is_error(self) -> bool:
        """Whether this diagnostic fails the run (warnings do only under --strict)."""
        return self.severity == ERROR


def error(message: str, pos: Pos, hint: str | None = None, code: str = "", notes: tuple[tuple[str, Pos], ...] = ()) -> Diagnostic:
    """An error at `pos`, with its stable code."""
    return Diagnostic(ERROR, message, pos, hint, code, notes)


def warning(message: str, pos: Pos, hint: str | None = None, code: str = "") -> Diagnostic:
    """A warning at `pos`, with its stable code."""
    return Diagnostic(WARNING, message, pos, hint, code)


SUGGEST_MAX_NAME = 100
"""A name longer than this gets no "did you mean": comparing costs its length squared, and no real name is that long."""

SUGGEST_ALL_UP_TO = 500
"""Up to this many candidates, a misspelt name is compared with each (difflib, as before)."""

SUGGEST_MAX_CANDIDATES = 30
"""Beyond SUGGEST_ALL_UP_TO, about twice this many candidates are compared, so thousands of misspellings stay fast."""


def _comparable(name: str, options: list[str]) -> list[str]:
    """The candidates worth comparing with `name`: all of a few hundred, else those sharing its start or its end."""
    if len(options) <= SUGGEST_ALL_UP_TO:
        return options
    # `options` is sorted, so the names sharing the longest start with `name` lie around the place it
    # would be inserted; sorted backwards, the same holds for the longest shared end. A misspelling
    # keeps one of the two, so comparing those few replaces difflib's costly ratio with thousands.
    half = SUGGEST_MAX_CANDIDATES // 2
    at = bisect.bisect_left(options, name)
    backwards = sorted(o[::-1] for o in options)
    back_at = bisect.bisect_left(backwards, name[::-1])
    near = options[max(0, at - half) : at + half] + [o[::-1] for o in backwards[max(0, back_at - half) : back_at + half]]
    return sorted(set(near))


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate to a misspelt name, or None."""
    options = sorted(set(candidates))
    if len(name) > SUGGEST_MAX_NAME:
        return None
    close = difflib.get_close_matches(name, _comparable(name, options), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if options and len(options) <= 8:
        return "known here: " + ", ".join(f"'{o}'" for o in options)
    return None


def one_of(word: str, words: tuple[str, ...]) -> str:
    """A hint for a word that must be one of a fixed list: the closest one, else the whole list in its order."""
    close = difflib.get_close_matches(word, words, n=1, cutoff=0.6) if len(word) <= SUGGEST_MAX_NAME else []
    if close:
        return f"did you mean '{close[0]}'?"
    return "use one of: " + ", ".join(words)


SHOWN_LINE = 160
"""A source line longer than this is shown as a window of this many characters around the caret."""


LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""What ends a line of a plan file, as the parser counts lines (a lone CR is made an LF before lexing, parser.py).

Not `str.splitlines`: it also breaks at U+2028, U+0085, form feeds and other characters a quoted text may
hold, and every line after one would be shown in the place of another."""


def without_byte_order_mark(text: str) -> str:
    """A file's text without the byte order mark Windows editors (Notepad before 2019, Excel's "UTF-8" export) put
    before its first line: no character of that line, so the parser and the lines shown count columns as the editor."""
    return text[1:] if text.startswith("\ufeff") else text


def source_lines(source: str) -> list[str]:
    """The lines of a plan file's text, as its diagnostics number them (at least one, maybe empty)."""
    lines = LINE_BREAK.split(without_byte_order_mark(source))
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the break that ends the last line starts no line of its own
    return lines


def file_text(path: str, data: bytes | None = None) -> str:
    """A plan file's text for showing the lines its diagnostics point at: from the bytes read, or read now (a file known
    by its stat was not read; an export error is found after the files were read); "" when it cannot be read."""
    if data is None:
        try:
            data = Path(path).read_bytes()
        except (OSError, ValueError):
            return ""
    return data.decode("utf-8", errors="replace")


@functools.lru_cache(maxsize=4)
def _lines(source: str) -> list[str]:
    """The lines of a source, split once for all its diagnostics (not once per diagnostic: quadratic)."""
    return source_lines(source) if source else []


def _shown_char(char: str) -> str:
    """A character as a terminal line shows it: a control character, which would move the cursor, clear the screen or
    end the line there, as its visible stand-in (␀, ␛, ␌, or � for the others)."""
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ ... ␟
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


_UNSHOWABLE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def shown(text: str) -> str:
    """`text` safe to print on one terminal line: control characters and line separators replaced by visible stand-ins,
    and a tab by one space, as the excerpt of the line shows it (a tab of a quoted word in a message jumped to the
    terminal's next tab stop, so the message no longer said what the line under it shows)."""
    return _UNSHOWABLE.sub(lambda m: _shown_char(m.group()), text.replace("\t", " "))


def _width(text: str) -> int:
    """The terminal columns `text` takes: two for a wide (East Asian) character, none for a combining mark or a joiner."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _excerpt(pos: Pos, source: str | None) -> list[str]:
    """The source line of `pos` and a caret under the spot (under it on a terminal too, past wide characters)."""
    if source is None or pos.line < 1:
        return []
    source_lines = _lines(source)
    if pos.line > len(source_lines):
        # The position just after the last line (the end of the file): an empty line to point at.
        if pos.line != len(source_lines) + 1:
            return []
        source_lines = [*source_lines, ""]
    text = source_lines[pos.line - 1].replace("\t", " ")
    gutter = f"{pos.line:>4} | "
    col = max(pos.column, 1)
    width = 1
    if pos.end_line == pos.line and pos.end_column > col:
        width = pos.end_column - col
    if len(text) > SHOWN_LINE:  # a window around the spot, not a megabyte of one line
        first = max(0, col - 1 - SHOWN_LINE // 3)
        piece = text[first : first + SHOWN_LINE]
        text = ("…" if first else "") + piece + ("…" if first + SHOWN_LINE < len(text) else "")
        col = col - first + (1 if first else 0)
    width = max(1, min(width, len(text) - col + 1))
    text = shown(text)
    before, under = text[: col - 1], text[col - 1 : col - 1 + width]
    carets = max(1, _width(under))
    return [gutter + text, " " * (len(gutter) - 2) + "| " + " " * _width(before) + "^" * carets]


def render(diag: Diagnostic, source: str | None, strict: bool = False) -> str:
    """The diagnostic as text: header, source line, caret, hint, and each note with its own line and caret."""
    severity = ERROR if strict and diag.severity == WARNING else diag.severity
    # The code goes with the severity, as rustc writes error[E0308]: `tierwise explain CODE` says more.
    label = f"{severity}[{diag.code}]" if diag.code else severity
    # The message and hint quote the file's words, which may hold control characters (a NUL, an escape sequence).
    lines = [f"{shown(str(diag.pos))}: {label}: {shown(diag.message)}", *_excerpt(diag.pos, source)]
    if diag.hint:
        lines.append(f"  = hint: {shown(diag.hint)}")
    for note, pos in diag.notes:
        lines.append(f"  = note: {shown(str(pos))}: {shown(note)}")
        lines.extend("  " + line for line in _excerpt(pos, source))
    return "\n".join(lines)


def sort_key(diag: Diagnostic) -> tuple[str, int, int, bool, str]:
    """Order diagnostics by file and position, errors before warnings at one spot."""
    return (diag.pos.file, diag.pos.line, diag.pos.column, diag.severity != ERROR, diag.message)


def print_diagnostics(
    diagnostics: Iterable[Diagnostic], sources: Mapping[str, str], stream: TextIO, strict: bool = False, warnings: bool = True
) -> int:
    """Print every diagnostic in source order, then where to read more about their codes; returns how many count as errors.

    `warnings` False (a command that answers a question: due, priority, rules): the warnings are counted in one
    line instead of printed, so that the answer is not buried under what `check` and `build` report in full.
    """
    errors = 0
    codes: list[str] = []
    unshown = 0
    for diag in sorted(set(diagnostics), key=sort_key):
        if not (warnings or diag.is_error or strict):
            unshown += 1
            continue
        stream.write(render(diag, sources.get(diag.pos.file), strict) + "\n\n")
        if diag.is_error or strict:
            errors += 1
        if diag.code and diag.code not in codes:
            codes.append(diag.code)
    if codes:
        # Once per run, as rustc does: each code has a longer explanation with an example.
        stream.write(f"For more about a code, try `tierwise explain {codes[0]}` (codes above: {', '.join(sorted(codes))}).\n")
    if unshown:
        noun = "warning" if unshown == 1 else "warnings"
        stream.write(f"note: {unshown} {noun} in the plan files not shown here; `tierwise check` lists them.\n")
    return errors


def missing_translations(diagnostics: Iterable[Diagnostic]) -> frozenset[tuple[str, int, int]]:
    """Where the diagnostics report a missing translation: (file, line, column) of each text."""
    return frozenset((d.pos.file, d.pos.line, d.pos.column) for d in diagnostics if d.code == MISSING_TRANSLATION)
