"""The documented maximum sizes of a plan file (docs/language.md, "Limits"), checked before parsing.

Each limit is far above anything a real offer needs and low enough that the work after it (the
lexer, int conversion, "did you mean" searches, page rendering) stays fast and small. They are
checked on the raw text with one linear scan, before the parser would spend time or memory on it,
and each excess is a located error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dsl.language.diagnostics import Diagnostic, error, warning
from dsl.language.model import Pos

MAX_FILE_BYTES = 1_000_000
"""A plan file may hold at most this many bytes (UTF-8); the five real offers take 4-25 kB each."""

MAX_TEXT_CHARS = 20_000
"""A quoted text (one language of a name, intro or note) may hold at most this many characters."""

MAX_DIGITS = 9
"""A number may have at most this many digits: 999,999,999 minutes is 1,900 years."""

MAX_ID_CHARS = 64
"""An id (of a vendor, plan, calendar, feature ...) may have at most this many characters; the longest real one has 27.

Why: a vendor's id is the name of its pages' folder and of its rule file (`rules/{id}.json`), and a file system
refuses a name over 255 bytes: a vendor id of 300 characters passed `check`, and the build failed with 'File name
too long'. Every id stands in the addresses and anchors of the pages, so one limit holds for all of them."""

MAX_LINES = 20_000
"""A file may hold at most this many lines that are not blank or comments (a real offer: 100-600)."""

MAX_BATCH_LINE_BYTES = 65_536
"""A line of `due --batch` or `clock --batch` may hold at most this many bytes (characters on a text stream).

Why: a case is about 150 bytes and a ticket with a year of events a few kilobytes, so 64 KiB is far
above any real line; and a batch is read a line at a time, so without a bound one endless line
(`--batch /dev/zero`, `yes | tr -d '\\n'`) would be read for ever. A longer line is an error
after reading this many bytes plus one, and the batch stops there: its end cannot be found without
reading the rest of it, which may never come."""

MAX_PLANS = 50
"""A vendor may have at most this many plans (tiers); real offers have 1-4.

Why: each plan is a column of the vendor's comparison table and each feature a row, so the pages grow with
plans times features. Within the line limit alone, 1,200 plans and 1,200 features (a 50 kB file) built
688 MB of pages in 34 s with 1.6 GB of memory; 50 x 500 is a few MB."""

MAX_FEATURES = 500
"""A vendor may declare at most this many features (rows of its comparison table); real offers have 3-25."""

MAX_CLOSED_DAYS = 366
"""A `closed FROM to TO` range may span at most this many days: each is a closed day of the model and the rules (a
shutdown between Christmas and New Year is 10; `closed 0001-01-01 to 9999-12-31` would be 3.6 million)."""

# One pass that sees strings, comments and numbers as the lexer does: digits inside a text, a
# comment or a name are not numbers. Written without a group repeated per character (see the
# STRING terminal in grammar.lark), so memory does not grow with the length of a text.
# An id longer than the limit is matched whole (a word of letters, digits, _ and -, as the ID terminal, without a
# group per character); a shorter one is passed by, and the digits inside it are no number (`\b` does not stand
# inside a word). A zone's name is no id: a long one is judged against the zone database (T0501).
_SCAN = re.compile(
    r'"""[\s\S]*?"""|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|#[^\n]*|\bzone[ \t]+[A-Za-z_][A-Za-z0-9_+/-]*|\b\d+'
    rf"|\b[A-Za-z][A-Za-z0-9_-]{{{MAX_ID_CHARS},}}"
)
_STATEMENT = re.compile(r"^[ \t]*[^\s#]", re.MULTILINE)
_MAX_REPORTED = 20


def _pos(text: str, path: str, start: int, end: int) -> Pos:
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    end_line = line + text.count("\n", start, end)
    end_column = column + (end - start) if end_line == line else 1
    return Pos(path, line, column, end_line, end_column)


def check_size(size: int, path: str) -> Diagnostic | None:
    """An error when a file of `size` bytes is over MAX_FILE_BYTES (checked before reading it)."""
    if size <= MAX_FILE_BYTES:
        return None
    return error(
        f"the file is {size:,} bytes; a plan file may hold at most {MAX_FILE_BYTES:,}",
        Pos(path, 1, 1, 1, 2),
        "split the offers into several plan files, one vendor per file",
        code="T0111",
    )


def check_limits(text: str, path: str) -> list[Diagnostic]:
    """Located errors for every limit `text` exceeds (at most 20); empty when it is within them all."""
    too_big = check_size(len(text.encode("utf-8", "surrogatepass")), path)
    if too_big is not None:
        return [too_big]
    found: list[Diagnostic] = []
    for diagnostic in _scan(text, path):
        found.append(diagnostic)
        if len(found) >= _MAX_REPORTED:
            break
    return found


def _scan(text: str, path: str) -> Iterator[Diagnostic]:
    statements = 0
    # Fewer line ends than the limit: no need to count the statements (a regular expression over the whole file).
    for match in _STATEMENT.finditer(text) if text.count("\n") >= MAX_LINES else ():
        statements += 1
        if statements > MAX_LINES:
            yield error(
                f"the file holds more than {MAX_LINES:,} lines that are not blank or comments",
                _pos(text, path, match.end() - 1, match.end()),
                "split the offers into several plan files, one vendor per file",
                code="T0114",
            )
            break
    for match in _SCAN.finditer(text):
        token = match.group()
        if token[0] == '"':
            quotes = 3 if token.startswith('"""') and len(token) >= 6 else 1
            if len(token) - 2 * quotes > MAX_TEXT_CHARS:
                yield error(
                    f"this text has {len(token) - 2 * quotes:,} characters; a text may hold at most {MAX_TEXT_CHARS:,}",
                    _pos(text, path, match.start(), match.start() + 1),
                    "shorten it, or link to the full terms with a `website` or a Markdown link",
                    code="T0112",
                )
        elif token.startswith("zone"):
            continue
        elif token[0].isalpha():
            yield error(
                f"an id of {len(token):,} characters; an id may have at most {MAX_ID_CHARS}",
                _pos(text, path, match.start(), match.start() + 20),
                "shorten it: an id names a folder, a file or a part of the pages' addresses",
                code="T0118",
            )
        elif token[0] != "#" and len(token) > MAX_DIGITS:
            yield error(
                f"a number of {len(token):,} digits; a number may have at most {MAX_DIGITS}",
                _pos(text, path, match.start(), min(match.end(), match.start() + 20)),
                "no support time, count or price needs more; check for a typing slip",
                code="T0113",
            )


# --- warnings on the raw text -------------------------------------------------------------------

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Characters that reorder how text is displayed (embeddings, overrides, isolates): in a plan they can
make a text, a comment or a diagnostic read differently from what it holds ("Trojan Source")."""

_BIDI = re.compile("[" + "".join(sorted(BIDI_CONTROLS)) + "]")


def text_warnings(text: str, path: str) -> list[Diagnostic]:
    """Warnings about the raw text: bidirectional control characters."""
    found: list[Diagnostic] = []  # an empty file is syntax_errors.empty_file's warning (T0108)
    for match in _BIDI.finditer(text):
        found.append(
            warning(
                f"a bidirectional control character U+{ord(match.group()):04X} changes how the text around it is shown",
                _pos(text, path, match.start(), match.end()),
                "delete it; for right-to-left words, plain text without control characters is shown correctly",
                code="T0115",
            )
        )
        if len(found) >= _MAX_REPORTED:
            break
    return found
