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
    "%", "‰", "per mille", "\r", "\r\n", "\u2028", "\x85", "\x0c", "\x0b", "\x1b[2J", "界", "e\u0301", "👩‍💻",
]

# One small file with a construct of each kind the shipped seeds have few of (fuzz15): holidays kept open and an eve
# before a named holiday, a monthly pay day and tax deadline, the customer's countries, a kind of case, an alias, a version from a
# date, penalties per business day in per mille, growing and capped, and a total; fuzz16 added a contact group and a
# channel with the plan's own hours. It loads without a diagnostic.
EVERY_CONSTRUCT = """\
horizon 2026-2027
calendar office {
  zone Europe/Rome
  open mon-fri 08:00-16:00
  closed holidays IT except "Labour Day"
  eve 08:00-12:00 before "Christmas Day"
  hours monthly day 25 07:00-20:00 or the working day before
  hours monthly day 16 07:00-20:00 or the working day after
  hours monthly last 2 working days 07:00-18:00
}
calendar theirs {
  zone customer
  open mon-fri 09:00-17:00
  closed holidays customer SE, PL
}
vendor ente {
  name "Ente"
  language it
  priorities levels {
    level A { name "A" }
    level B { name "B" }
  }
  case escalated "Escalated"
  group nord "Nord"
  contact phone "+39 039 69941" as phone-nord in nord hours office
  contact email "help@ente.example.it" hours theirs answered office
  plan appalto {
    name "Appalto"
    price 48000 EUR per year excl tax
    applies to trial "Trial"
    target first-response all 4h on office
    target first-response A 1h on theirs from 2027-01-01
    target first-response A for escalated 30min on office
    target resolution all 2 business days on office
    penalty resolution all 1‰ of contract value per started business day
      then 2 per mille of contract value per started business day after 5 days at most 10% of contract value per contract
    penalty first-response all 0.5 per mille of yearly fee per business day
    penalty total at most 20% of yearly fee per year
    channels phone-nord hours theirs for A, email answered theirs
  }
}
"""
