"""Pieces of plan text for mangling plan files: the grammar's keywords, and words and characters that test the lexer and parser."""

from __future__ import annotations

import re

from support.paths import ROOT

KEYWORDS = sorted(set(re.findall(r'"([a-z0-9x-]+)"', (ROOT / "dsl" / "language" / "grammar.lark").read_text(encoding="utf-8"))))
PIECES = [
    "{", "}", "{", "}", ":", ",", "-", "*", "†", "P1", "sv", "it", "pl", "en", "mon", "fri", "mon-fri", "08:00-17:00",
    "24:00", "25:61", "2026-02-30", "2026-12-24", "1h", "30min", "0min", "999999999h", "9" * 12, "1.5", "SEK", "EUR",
    "SE", "IT", "PL", "Europe/Stockholm", "Europe", "Etc", "customer", '"x"', '""', '"""a\n  b"""', '"""', '"\\"',
    '"\\u202e"', "\u202e", "\ud7ff", "\x00", "\t", "\n", "#", "# c\n", "[link](javascript:x)", "<script>",
    # Line ends and characters that move a terminal's cursor or take two columns (tests/test_fuzz_positions.py).
    "\r", "\r\n", "\u2028", "\x85", "\x0c", "\x0b", "\x1b[2J", "界", "e\u0301", "👩‍💻",
]
