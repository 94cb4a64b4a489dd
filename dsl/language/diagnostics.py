"""Diagnostics: what is wrong, exactly where, and what to do about it.

Every stage reports problems as `Diagnostic` values instead of raising, so one
run can report everything it finds. Rendering follows the compilers authors
already know (Rust, Elm): `path:line:col: error: message`, the source line, a
caret under the spot, and a hint when one helps.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TextIO

from dsl.language.model import Pos

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


def did_you_mean(name: str, candidates: Iterable[str]) -> str | None:
    """A hint naming the closest candidate to a misspelt name, or None."""
    options = sorted(set(candidates))
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if options and len(options) <= 8:
        return "known here: " + ", ".join(f"'{o}'" for o in options)
    return None


def one_of(word: str, words: tuple[str, ...]) -> str:
    """A hint for a word that must be one of a fixed list: the closest one, else the whole list in its order."""
    close = difflib.get_close_matches(word, words, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "use one of: " + ", ".join(words)


def _excerpt(pos: Pos, source: str | None) -> list[str]:
    """The source line of `pos` and a caret under the spot."""
    if source is None or pos.line < 1:
        return []
    source_lines = source.splitlines()
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
    width = max(1, min(width, len(text) - col + 1))
    return [gutter + text, " " * (len(gutter) - 2) + "| " + " " * (col - 1) + "^" * width]


def render(diag: Diagnostic, source: str | None, strict: bool = False) -> str:
    """The diagnostic as text: header, source line, caret, hint, and each note with its own line and caret."""
    severity = ERROR if strict and diag.severity == WARNING else diag.severity
    # The code goes with the severity, as rustc writes error[E0308]: `tierwise explain CODE` says more.
    label = f"{severity}[{diag.code}]" if diag.code else severity
    lines = [f"{diag.pos}: {label}: {diag.message}", *_excerpt(diag.pos, source)]
    if diag.hint:
        lines.append(f"  = hint: {diag.hint}")
    for note, pos in diag.notes:
        lines.append(f"  = note: {pos}: {note}")
        lines.extend("  " + line for line in _excerpt(pos, source))
    return "\n".join(lines)


def sort_key(diag: Diagnostic) -> tuple[str, int, int, bool, str]:
    """Order diagnostics by file and position, errors before warnings at one spot."""
    return (diag.pos.file, diag.pos.line, diag.pos.column, diag.severity != ERROR, diag.message)


def print_diagnostics(
    diagnostics: Iterable[Diagnostic], sources: Mapping[str, str], stream: TextIO, strict: bool = False
) -> int:
    """Print every diagnostic in source order, then where to read more about their codes; returns how many count as errors."""
    errors = 0
    codes: list[str] = []
    for diag in sorted(set(diagnostics), key=sort_key):
        stream.write(render(diag, sources.get(diag.pos.file), strict) + "\n\n")
        if diag.is_error or strict:
            errors += 1
        if diag.code and diag.code not in codes:
            codes.append(diag.code)
    if codes:
        # Once per run, as rustc does: each code has a longer explanation with an example.
        stream.write(f"For more about a code, try `tierwise explain {codes[0]}` (codes above: {', '.join(sorted(codes))}).\n")
    return errors
