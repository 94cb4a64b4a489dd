"""Syntax errors in an author's words, not the parser's token names.

Lark reports which terminals it expected; this module says them as an author
would ("a quoted text", "a time such as 08:00"), and recognises common
mistakes by example to add a precise hint. The idea is Lark's
`UnexpectedInput.match_examples`, but keyed by the LALR state alone: that
method also compares the depth of the parser's stack, so an example would
have to repeat every statement that stood before the mistake.

Where the grammar takes a plain name that must be one of a fixed list (a
language code, a contact kind, a period), the name of the list is said
instead of "a name", recognised the same way, and the list is read from
`dsl.language.vocabulary`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from dsl.language import datasets
from dsl.language.diagnostics import Diagnostic, error, source_lines, warning
from dsl.language.model import Pos
from dsl.language.vocabulary import CONTACT_KINDS, LANGUAGES, METRICS, PERIODS, WEEKDAYS


def _one_of(what: str, words: tuple[str, ...]) -> str:
    return f"{what} ({', '.join(words)})"


WORDS = {
    "ID": "a name",
    "STRING": 'a quoted text ("...")',
    "DAY": _one_of("a weekday", WEEKDAYS),
    "CURRENCY": "a currency code such as SEK or EUR",
    "COUNTRY": "a two-letter country code such as SE",
    "SUBDIVISION": "a subdivision code",
    "ZONE_NAME": "a time zone such as Europe/Stockholm",
    "MARK": "a footnote mark such as *",
    "DATE": "a date such as 2026-12-24",
    "MONTH_DAY": "a day of the year such as 12-24",
    "TIME": "a time such as 08:00",
    "DURATION": "a duration such as 15min or 2h",
    "BUSINESS_DAYS": "'business days' (as in: 2 business days)",
    "CALENDAR_DAYS": "'calendar days' (as in: 30 calendar days)",
    "WORKING_DAYS": "'working days' (as in: hours monthly last 3 working days 07:00-20:00)",
    "NUMBER": "a number",
    "INT": "a whole number",
    "$END": "the end of the file",
}

# Where a name must be a fixed word, what to call the name instead of "a name",
# recognised like the mistakes below: by the parser state a few examples fail in.
NAMED_WORDS: dict[str, list[str]] = {
    # The languages a project publishes are its settings' (tierwise.toml), unknown to the parser: an example, not a list.
    f"a language code such as {LANGUAGES[0]} or {LANGUAGES[-1]}": [
        "vendor v { language 5 }",
        "vendor v { intro { 5 } }",
        'vendor v { intro { sv "x" 5 } }',
    ],
    _one_of("a kind of contact", CONTACT_KINDS): [
        "vendor v { contact 5 }",
    ],
    # `obligation rca for P1 ...`, `channels phone for P1 ...`: the levels a statement is for.
    "a priority level such as P1": [
        'vendor v { plan p { obligation o for "x" } }',
        "vendor v { plan p { channels phone for 5 } }",
    ],
    _one_of("a period", PERIODS): [
        "vendor v { plan p { price 5 EUR per 5 } }",
        "vendor v { plan p { features { a: 4 per 5 } } }",
        "vendor v { plan p { obligation o 4 per 5 } }",
    ],
}

# Each mistake is recognised from a few small examples of it (Lark matches the
# parser state the error happens in, not the text).
_COUNT_WITH_UNIT = "a cell is FEATURE: VALUE, and a count takes no unit word"
_TERM_WORDS = frozenset({"term", "terms", "duration", "period", "length", "lifetime", "value"})
_HOUR_WORDS = frozenset({"hour", "hours", "hrs", "hr", "h", "timmar", "timme", "ore", "ora", "godzin", "godziny", "godzina", "stunden"})

EXAMPLES: dict[str, list[str]] = {
    "a time is written with minutes, such as 08:00-17:00": [
        "calendar c { open mon-fri 8-17 }",
        "calendar c { open mon 8 }",
        # outside17: "23 i 31 grudnia 8–13", written as the offer does.
        "calendar c { eve 8-13 }",
        "calendar c { hours yearly 12-24 8-12 }",
        "calendar c { hours 2026-12-24 8-12 }",
    ],
    "a day of every year is written month first, MM-DD, such as 12-24 for 24 December": [
        "calendar c { closed yearly 24.12 }",
        "calendar c { hours yearly 24.12 08:00-12:00 }",
    ],
    "a price needs a currency after the amount: price 5000 SEK per month": [
        "vendor v { plan p { price 5000 } }",
        "vendor v { plan p { price licence 5000 per month } }",
    ],
    "durations are written without a space: 2h, 15min, 1h 30min; days are business days: 2 business days": [
        "vendor v { plan p { target first-response P1 2 hours } }",
        "vendor v { plan p { target first-response all 2 } }",
    ],
    "a target names its priority (or 'all') before the duration: target first-response P1 2h on office": [
        "vendor v { plan p { target first-response 2h } }",
    ],
    "texts in several languages go in braces: { sv \"...\" en \"...\" }": [
        'vendor v { intro sv "x" }',
        'vendor v { plan p { description en "x" } }',
    ],
    "a feature's cell is 'yes', 'no', a count such as 4 per year, or a text in quotes or braces": [
        "vendor v { plan p { features { a: maybe } } }",
    ],
    "levels in a matrix row are separated by commas: high: P1, P2, P3": [
        "vendor v { priorities s { matrix { high: P1 P2 } } }",
    ],
    "24x7 is the only such shorthand; 24x5 is a span across days: open sun 23:00 - fri 23:00": [
        "calendar c { open 24x5 }",
        "calendar c { open 8x5 }",
    ],
    "inside 'terms from DATE { ... }' every target takes the block's date; write a target of another date outside it": [
        "vendor v { plan p { terms from 2027-01-01 { target first-response all 4h on c from 2028-01-01 } } }",
        "vendor v { plan p { terms from 2027-01-01 { target first-response all 4h from 2028-01-01 } } }",
    ],
    "coverage names a calendar: coverage P1 on CALENDAR (a calendar with 'open 24x7' for around the clock)": [
        "vendor v { plan p { coverage P1 24x7 } }",
        "vendor v { plan p { coverage all 24x7 } }",
    ],
    "an obligation says what is done, in quotes or braces: obligation qbr 1 per quarter { en \"Quarterly business review\" }": [
        "vendor v { plan p { obligation qbr 1 per quarter\n channels phone } }",
        "vendor v { plan p { obligation qbr 1 per quarter } }",
    ],
    # Session 20, an outside author: a region by name or in lower case, and several days on one line.
    "a subdivision is the holidays package's code in capitals, after the country: closed holidays DE BY (Bavaria)": [
        "calendar c { closed holidays DE by }",
        "calendar c { closed holidays DE Bavaria }",
    ],
    "one day (or one 'MM-DD to MM-DD' span) per line: closed yearly 12-24, then closed yearly 12-31 on a line of its own": [
        "calendar c { closed yearly 12-24, 12-31 }",
        "calendar c { closed yearly 12-24 and 12-31 }",
    ],
    _COUNT_WITH_UNIT + ": for 50 GB write a text, { en \"50 GB\" ... }, "
    "or put the unit in the feature's label; hours or days of work are a duration, such as 40h per year": [
        "vendor v { plan p { features { a: 50 GB } } }",
        "vendor v { plan p { features { a: 50 GB\n b: yes } } }",
        # Session 25: an open-source vendor's "5 consulting days per year".
        "vendor v { plan p { features { a: 5 days per year } } }",
    ],
    "a target names one priority (or all), then its time, such as 1h: write a line for each priority": [
        "vendor v { plan p { target first-response P1 and P2 1h on c } }",
        "vendor v { plan p { target first-response P1, P2 1h on c } }",
        "vendor v { plan p { target first-response P1 within 1h on c } }",
    ],
    "'on' names a calendar by its id: declare calendar around-the-clock { open 24x7 } and write on around-the-clock": [
        "vendor v { plan p { target first-response P1 1h on 24x7 } }",
        "vendor v { plan p { coverage P1 on 24x7 } }",
    ],
    "the priorities an obligation is for are joined by 'and': obligation rca for P1 and P2 after 2h on office { ... }": [
        'vendor v { plan p { obligation o for P1, P2 "x" } }',
        'vendor v { plan p { obligation o for P1 or P2 "x" } }',
    ],
    "a recurring obligation names the calendar its working time is counted on: obligation status-call every 2h on office { ... }": [
        'vendor v { plan p { obligation o every 2h "x" } }',
        "vendor v { plan p { obligation o for P1 every 2h { } } }",
    ],
    "'the next business day' is written with its number: end of 1 business day": [
        "vendor v { plan p { target resolution all end of next business day on c } }",
        "vendor v { plan p { target resolution all end of the next business day on c } }",
    ],
    # Prices that change on a date, written inside a block that already gives the date.
    "inside 'terms from DATE { ... }' every price takes the block's date; write a price of another date outside it": [
        "vendor v { plan p { terms from 2027-01-01 { price 5 EUR from 2028-01-01 } } }",
        "vendor v { plan p { terms from 2027-01-01 { price 5 EUR per month from 2028-01-01 } } }",
        "vendor v { plan p { terms from 2027-01-01 { price 5 EUR per user per month from 2028-01-01 } } }",
        "vendor v { plan p { terms from 2027-01-01 { price 5 EUR per month excl tax from 2028-01-01 } } }",
        "vendor v { plan p { terms from 2027-01-01 { price 5 EUR * from 2028-01-01 } } }",
        "vendor v { plan p { terms from 2027-01-01 { price free from 2028-01-01 } } }",
    ],
}

# Availability (uptime), service credits and maintenance windows.
NAMED_WORDS[_one_of("a period", PERIODS)].append("vendor v { plan p { availability 99% per 5 } }")
EXAMPLES.update({
    "an availability is a percentage of a period: availability 99.9% per month": [
        "vendor v { plan p { availability 99.9 per month } }",
        "vendor v { plan p { availability 99.9 } }",
    ],
    "each credit is a share of the fee below an availability: credit 10% below 99.9%, 25% below 99%": [
        "vendor v { plan p { credit 10% under 99.9% } }",
        "vendor v { plan p { credit 10% 99.9% } }",
        "vendor v { plan p { credit 10 below 99.9% } }",
        "vendor v { plan p { credit 10% below 99.9 } }",
    ],
    # Right after `credit`: an offer without credits said in other words than `credit none`.
    "a credit is a share of the fee below an availability (credit 10% below 99.9%); an offer that gives none: credit none": [
        "vendor v { plan p { credit no } }",
        "vendor v { plan p { credit below 99.9% } }",
        "vendor v { plan p { credit } }",
    ],
    "maintenance names a calendar of its window, its notice, or both: maintenance on sunday-night notice 48h": [
        "vendor v { plan p { maintenance sun 02:00-06:00 } }",
        "vendor v { plan p { maintenance 48h } }",
        "vendor v { plan p { maintenance } }",
    ],
})

# Penalties for missed targets: the fee a share is of, the unit, and the cap as contracts word them ("max 10 %").
EXAMPLES.update({
    "a penalty is a share of a fee or money, per a unit of delay: penalty resolution all 0.5% of monthly fee per started hour": [
        "vendor v { plan p { penalty resolution all 0.5% per started hour } }",
        "vendor v { plan p { penalty resolution all 0.5 of monthly fee per day } }",
        "vendor v { plan p { penalty resolution all 500 SEK } }",
        "vendor v { plan p { penalty resolution all 0.5% of monthly fee } }",
    ],
    "a penalty names its metric and priority (or all), as a target does: penalty resolution P1 0.5% of monthly fee per started hour": [
        "vendor v { plan p { penalty resolution 0.5% of monthly fee per day } }",
        "vendor v { plan p { penalty 0.5% of monthly fee per day } }",
    ],
    "a penalty's cap is written: at most 10% of monthly fee per month (and a penalty that grows: ... per started day then 1000 PLN "
    "per started day after 5 days)": [
        "vendor v { plan p { penalty resolution all 1% of monthly fee per day max 10% of monthly fee per month } }",
        "vendor v { plan p { penalty resolution all 1% of monthly fee per day, at most 10% of monthly fee per month } }",
        "vendor v { plan p { penalty resolution all 1% of monthly fee per day up to 10% of monthly fee per month } }",
        "vendor v { plan p { penalty total 20% of monthly fee per month } }",
        "vendor v { plan p { penalty total max 20% of monthly fee per month } }",
    ],
    # "500 zł za każdy dzień, od 6. dnia 1000 zł": the new amount, its unit again, and after how many units it starts.
    "a penalty grows in steps: ... 500 PLN per started day then 1000 PLN per started day after 5 days": [
        "vendor v { plan p { penalty resolution all 500 PLN per day then 1000 PLN after 5 days } }",
        "vendor v { plan p { penalty resolution all 500 PLN per day then 1000 PLN per day after 5 } }",
        "vendor v { plan p { penalty resolution all 500 PLN per day then 1000 PLN per day after day 5 } }",
        "vendor v { plan p { penalty resolution all 500 PLN per day then after 5 days 1000 PLN per day } }",
    ],
})

# `hours monthly day 25 … or the working day before` (lang14): a pay day, as a payroll vendor words it.
EXAMPLES.update({
    "other hours on a day of every month are written: hours monthly day 25 07:00-20:00 (or: hours monthly last 3 working "
    "days 07:00-20:00)": [
        "calendar c { hours monthly 25 07:00-20:00 }",
        "calendar c { hours monthly on 25 07:00-20:00 }",
    ],
    "a day that moves when it is not a working day ends with: or the working day before (a pay day, moved to the last "
    "working day before it), or: or the working day after (a tax deadline, moved to the next working day)": [
        "calendar c { hours monthly day 25 07:00-20:00 or the previous working day }",
        "calendar c { hours monthly day 25 07:00-20:00 or the next working day }",
        "calendar c { hours monthly day 25 07:00-20:00 or before }",
        "calendar c { hours monthly day 25 07:00-20:00 or the working day following }",
    ],
})

# `eve ... before "Midsummer Eve"`: the holidays' names are quoted, as `tierwise holidays` prints them with spaces.
EXAMPLES.update({
    'the holidays an eve comes before are named in quotes, as tierwise holidays prints them, and separated by commas: '
    'eve 08:00-13:00 before "Midsummer Eve", "Christmas Eve"': [
        "calendar c { eve 08:00-13:00 before Midsummer }",
        "calendar c { eve 08:00-13:00 before 12-24 }",
        "calendar c { eve 08:00-13:00 before \"Midsummer Eve\" \"Christmas Eve\" }",
        "calendar c { eve 08:00-13:00 before \"Midsummer Eve\", Christmas }",
    ],
})


@lru_cache(maxsize=8)
def _literal_words(lark: Lark) -> dict[str, str]:
    words = dict(WORDS)
    for term in lark.terminals:
        if isinstance(term.pattern, PatternStr):
            words[term.name] = f"'{term.pattern.value}'"
    return words


def _expected(names: set[str], lark: Lark, state: int | None) -> str:
    words = dict(_literal_words(lark))
    if state is not None and state in _states(lark, "words"):
        words["ID"] = _states(lark, "words")[state]
    said = sorted({words.get(n, n.lower()) for n in names if not n.startswith("_") or n in words})
    if not said:
        return ""
    if len(said) > 8:
        return "expected a statement or a closing '}' here"
    if len(said) == 1:
        return f"expected {said[0]}"
    return "expected " + ", ".join(said[:-1]) + " or " + said[-1]


def _found(exc: UnexpectedInput, text: str) -> str:
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        return "the file ends too early"
    if isinstance(exc, UnexpectedToken):
        return f"unexpected '{exc.token}'"
    if isinstance(exc, UnexpectedCharacters):
        at = exc.pos_in_stream or 0
        char = text[at] if at < len(text) else ""
        if char == '"':
            return "a quoted text that is never closed"
        return f"unexpected character '{char}'"
    return "the text does not fit the plan language"


@lru_cache(maxsize=16)
def _states(lark: Lark, table: str) -> dict[int, str]:
    """The parser state each example of a table ("hints" or "words") fails in, mapped to its text."""
    states: dict[int, str] = {}
    for said, examples in (EXAMPLES if table == "hints" else NAMED_WORDS).items():
        for example in examples:
            try:
                lark.parse(example)
            except UnexpectedToken as exc:
                states.setdefault(exc.state.position, said)
    return states


def _state(exc: UnexpectedInput) -> int | None:
    if isinstance(exc, UnexpectedToken) and exc.state is not None:
        return int(exc.state.position)
    return None


def _hint(exc: UnexpectedInput, lark: Lark, text: str) -> str | None:
    if isinstance(exc, UnexpectedCharacters) and text[(exc.pos_in_stream or 0) :][:1] == '"':
        return 'close the text with a matching " (use """ ... """ for text over several lines)'
    if isinstance(exc, UnexpectedCharacters) and text[(exc.pos_in_stream or 0) :][:1] == "&":
        # outside17: "P1 & P2", as an offer's table writes two priorities.
        line = text[text.rfind("\n", 0, exc.pos_in_stream or 0) + 1 :].lstrip()
        if line.startswith(("channels ", "obligation ")):
            return "priorities are joined with 'and': channels phone for P1 and P2"
        return "'&' is no word of the plan language: a target, coverage or penalty names one priority (or all), a line for each"
    if isinstance(exc, UnexpectedToken) and str(exc.token) == "for":
        start = text.rfind("\n", 0, exc.pos_in_stream or 0) + 1
        line = text[start:].lstrip()
        if line.startswith("target "):  # `for CASE` written at the end of the line
            return "'for CASE' comes right after the priority: target first-response P1 for security 1h on office"
        if line.startswith("coverage "):
            return "'for CASE' comes right after the priority: coverage all for security on office"
    if isinstance(exc, UnexpectedToken) and str(exc.token).lower() in ("next", "nbd"):
        start = text.rfind("\n", 0, exc.pos_in_stream or 0) + 1
        before = text[start : exc.pos_in_stream or 0].split()
        # Hardware's "next business day on site"; `end of next ...` has a hint of its own.
        if text[start:].lstrip().startswith("target ") and before[-1:] not in (["of"], ["the"]):
            return (
                "'next business day' is written with its number: end of 1 business day (by the end of the next business day), "
                "or 1 business day (by the same time on the next business day)"
            )
    tax = _tax_hint(exc, text)
    if tax is not None:
        return tax
    written = _slash_or_decimal_comma_hint(exc, text) or _unquoted_value_hint(exc, text)
    if written is not None:
        return written
    if isinstance(exc, UnexpectedToken):
        for rule in LINE_HINTS:
            found = rule(exc, text)
            if found is not None:
                return found
    state = _state(exc)
    hint = _states(lark, "hints").get(state) if state is not None else None
    if hint == CONTRACT_WORDS and isinstance(exc, UnexpectedToken):
        # The state after a contract's term is also where the next statement begins: a word on a line of
        # its own is a statement gone wrong, not a word of the contract.
        start = text.rfind("\n", 0, exc.pos_in_stream or 0) + 1
        if not text[start:].lstrip().startswith("contract"):
            return None
    return hint


def _unquoted_value_hint(exc: UnexpectedInput, text: str) -> str | None:
    """A contact's address or a website written without quotes (`contact email support@acme.se`, `website acme.se`): the
    line as it is written with the value quoted, a web address with its scheme."""
    line, before = _line_of(exc, text)
    line = line.split("\n", 1)[0]
    if isinstance(exc, UnexpectedToken) and str(exc.token).startswith('"'):
        return None
    # The words before the value: `website`, or `contact` and its kind.
    head = before[:1] if before[:1] == ["website"] else before[:2] if before[:1] == ["contact"] and len(before) >= 2 else []
    kind = head[1] if len(head) == 2 else None
    # The parse stops at the value, or, in an e-mail address, at its '@' (the name before it reads as an id).
    at_value = bool(head) and before == head
    at_address_sign = kind in ("email", "e-mail") and len(before) == 3
    if not (at_value or at_address_sign):
        return None
    if kind is not None and kind not in CONTACT_KINDS:
        # The value glued to its kind (`contact phone+46 8 …`, `contact emailsupport@acme.se`), read as one name.
        kind = next((k for k in sorted(CONTACT_KINDS, key=len, reverse=True) if kind.startswith(k)), None)
        if kind is None:  # `contact a@b`: no kind at all
            glued = re.match(r"\s*contact\s+(\S+)", line)
            if glued is not None and "@" in glued.group(1):
                return f'a contact line names its kind, then its address, quoted: contact email "{glued.group(1)}"'
            return None
    # What follows the kind (or `website`), glued to it or not.
    rest = re.match(r"\s*(?:website|contact\s+" + re.escape(kind or "") + r")\s*(.*)", line)
    value = rest.group(1).split(None, 1)[0] if rest is not None and rest.group(1).strip() else None
    if value is None or not re.match(r"[\w+(]", value):  # `website@x`: a sign, no value (fuzz16: it was an IndexError)
        return None
    if kind is None or kind in ("web", "portal", "chat"):
        shown = value if "://" in value else f"https://{value}"
        return f'a web address is quoted, with its scheme: {"website" if kind is None else "contact " + kind} "{shown}"'
    if kind in ("email", "e-mail") and "@" in line:
        return f'an e-mail address is quoted: contact email "{value}"'
    if kind in ("phone", "sms", "fax") and re.match(r"[+0-9(]", value):
        number = re.split(r"\s+(?:as|in|hours|answered)\b|\s*[{#]", rest.group(1) if rest else "", maxsplit=1)[0].strip()
        if number.startswith("+"):
            return f'a phone number is quoted: contact {kind} "{number}"'
        return f'a phone number is quoted and starts with its country code, such as: contact {kind} "+46 8 123 456 78"'
    return None


def _slash_or_decimal_comma_hint(exc: UnexpectedInput, text: str) -> str | None:
    """outside15: "39 zł/użytkownik/mies." written `per user/month`, and "99,9 %" written `99,9%`: the language's
    words for each. A comma between two digits is a decimal comma (a list's comma is followed by a space)."""
    at = exc.pos_in_stream or 0
    line, before = _line_of(exc, text)
    if text[at : at + 1] == "/" and (line.startswith("price ") or "add-on" in before):
        return "a price's unit and its period are each written after 'per': price 39 PLN per user per month"
    if text[at : at + 1] == "," and at > 0 and text[at - 1].isdigit() and text[at + 1 : at + 2].isdigit():
        number = re.match(r"[0-9]+", text[at + 1 :])
        whole = re.search(r"[0-9]+$", text[:at])
        if number is not None and whole is not None:
            return f"a decimal is written with a point, whatever the offer's language: {whole.group(0)}.{number.group(0)}"
    return None


def _plural_statement(exc: UnexpectedInput, text: str, lark: Lark) -> str | None:
    """`targets first-response P2 2h`, `coverages all on office`: a statement's keyword with an s, which the parser
    reads as something else and stumbles over later on the line; the keyword it should be."""
    line, _ = _line_of(exc, text)
    first = re.match(r"([a-z-]+)\s+[^\s:]", line)
    if first is None:
        return None
    word = first.group(1)
    keywords = set(_keywords(lark).values())
    return word[:-1] if word.endswith("s") and word not in keywords and word[:-1] in keywords else None


_DAY_FIRST = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b")


def _day_first_date_hint(rest: str) -> str | None:
    """A date written as the vendor's country writes it (`01.01.2027`, `24-06-2026`, `1/1/2027`): year first."""
    found = _DAY_FIRST.match(rest)
    if found is None:
        return None
    first, second, year = int(found.group(1)), int(found.group(3)), found.group(4)
    day, month = (second, first) if second > 12 >= first else (first, second)  # day first, unless only the US order fits
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return "a date is written year first, YYYY-MM-DD: 2027-01-01"
    return f"a date is written year first, YYYY-MM-DD: {year}-{month:02d}-{day:02d}"


def _line_of(exc: UnexpectedInput, text: str) -> tuple[str, list[str]]:
    """What the hints keyed by an error's line read: the line from its first word on, and the words before the error."""
    at = exc.pos_in_stream or 0
    start = text.rfind("\n", 0, at) + 1
    return text[start:].lstrip(), text[start:at].split()


ADVERB_PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year", "annually": "year"}


def _uptime_hint(exc: UnexpectedToken, text: str) -> str | None:
    """A telecom's credits without commas, or its availability "monthly", on the line the token stands on.

    Keyed by the line, not the parser state: after a complete credit or availability the parser also
    expects the next statement, and a misspelt statement on a line of its own must not get this hint."""
    line, before = _line_of(exc, text)
    word = str(exc.token)
    if line.startswith("credit none"):
        return "'credit none' stands alone: the offer gives no service credits at all (credits are written credit 10% below 99.9%)"
    if before == ["credit"] and word.lower() in METRICS:
        # outside17: a hosting company's "service credits" for a missed response time are written as credits.
        return (
            "a credit is earned on availability (credit 10% below 99.9%); money back for a missed response or resolution time "
            f"is a penalty: penalty {word} P1 5% of monthly fee per started hour"
        )
    if line.startswith("penalty ") and len(before) == 3 and before[1] in METRICS and word.lower() in ("and", ",", "&", "or"):
        # outside17: "vite för P1 och P2", one line for two priorities, as channels and obligations join them.
        second = re.match(r"\s*(?:and|,|&|or)\s*([A-Za-z][A-Za-z0-9_-]*)", text[exc.pos_in_stream or 0 :])
        other = second.group(1) if second is not None else "P2"
        return (
            f"a penalty names one priority (or all), as a target does: write a line for each, penalty {before[1]} "
            f"{before[2].rstrip(',')} … and penalty {before[1]} {other} …"
        )
    if before[:1] == ["price"] and word.lower() in ("setup", "set-up", "setup-fee") and not any(w.lower() == "plus" for w in before):
        # outside17: a set-up fee on a price line of its own would read as another price ("… or 15 000 kr").
        return (
            "a set-up fee belongs to the price it is paid with, after plus: price 4900 SEK per month plus 15000 SEK setup "
            "excl tax (a price line of its own would read as an alternative)"
        )
    if [b.lower() for b in before] == ["closed", "bridge", "days"]:
        return (
            "'closed bridge days' stands alone: the holidays it counts are those of the calendar's 'closed holidays' lines "
            "(write the kinds there: closed holidays SE including de-facto)"
        )
    if line.startswith("credit ") and re.fullmatch(r"[0-9.]+", word):
        return "separate the credits with commas: credit 10% below 99.9%, 25% below 99%"
    if re.match(r"no\s+credits?\b", line):
        return "an offer that gives no service credits says: credit none"
    if re.match(r"no\s+penalt(y|ies)\b", line):
        return "an offer that pays no penalties says: penalty none"
    if line.startswith("penalty ") and word == "none" and len(before) >= 3:
        # outside17: `penalty first-response P2 none`, no penalty for one priority.
        return (
            "'penalty none' stands alone and is for the whole plan; a tier that pays no penalty for one metric or priority "
            "writes no penalty line for it"
        )
    if line.startswith("target ") and word in ("st", "nd", "rd", "th") and before[-1:] and before[-1].isdigit():
        # outside17: "by the end of the 3rd business day".
        return f"the count is a number: end of {before[-1]} business days"
    if line.startswith("channels ") and word == "hours" and "for" in before:
        return "a channel's hours come before its priorities: channels phone hours around-the-clock for P1 and P2, email"
    if line.startswith("obligation ") and (before[-1:] == ["every"] and word.lower() in PERIODS or word.lower() in ADVERB_PERIODS):
        period = ADVERB_PERIODS.get(word.lower(), word.lower())
        return (
            f"a meeting or report held a number of times per period is written: obligation ID 1 per {period} {{ … }} "
            "('every 2h on CALENDAR' repeats while a ticket is open)"
        )
    if line.startswith("availability ") and word.lower() in ADVERB_PERIODS:
        return f"the period follows 'per': availability 99.9% per {ADVERB_PERIODS[word.lower()]}"
    counted = len(before) >= 3 and before[-3] == "after" and before[-1] == "business"
    if line.startswith("penalty ") and counted and word in ("days", "day", "hours", "hour"):
        # `… per started business day then … after 5 business days`: the count is in the penalty's own unit already.
        unit = word if word.endswith("s") else word + "s"
        return (
            f"a step counts in the penalty's own unit, written without 'business' (a penalty per business {unit[:-1]} "
            f"counts business {unit}): after {before[-2]} {unit}"
        )
    if line.startswith("penalty ") and " then " in line and ("whole" in line.split() or "entire" in line.split()):
        # `… after 4 hours for the whole delay`, `… on whole delay`: a higher rate that reaches back over the delay.
        return "a step whose rate applies to the whole delay ends with 'on the whole delay': … per started hour after 4 hours on the whole delay"
    if line.startswith("penalty ") and word.lower() in ("promille", "promile", "permille", "per-mille"):
        return "a share per mille is written with ‰ or 'per mille' in place of %: 0.5‰ of yearly fee, 0.5 per mille of contract value"
    return None


INCLUDED_HINT = (
    "support at no extra charge with a licence or subscription is written: price included in licence "
    "(or in subscription, or just price included), with nothing after it but a footnote mark"
)


def _included_hint(exc: UnexpectedToken, text: str) -> str | None:
    """`price included with subscription`, `price included in the licence`, `price included in licence per year`,
    `price free with subscription`, `price include in licence`: support that comes with a licence or subscription,
    written as the offer words it. Keyed by the line, as `_uptime_hint`."""
    line, before = _line_of(exc, text)
    if not line.startswith("price "):
        return None
    if "included" in before or before[-1:] == ["include"] or (str(exc.token) == "with" and before[-1:] == ["free"]):
        return INCLUDED_HINT
    return None


PACK_HINT = "a pack's price is for its quantity, right after the amount: price 650 EUR for 10 hours (per year, excl tax, … after it)"


def _pack_hint(exc: UnexpectedToken, text: str) -> str | None:
    """`price 650 EUR per 10 hours` (a count after `per`) or `price 1200 EUR per year for 20 hours` (the pack after the
    period): a prepaid pack written as the offer words it. Keyed by the line, as `_uptime_hint`."""
    line, before = _line_of(exc, text)
    word = str(exc.token)
    if not (line.startswith("price ") or "add-on" in before):
        return None
    if (before[-1:] == ["per"] and word.isdigit()) or word == "for":
        return PACK_HINT
    return None


PRICE_ORDER = (
    "a price's words come in this order: AMOUNT CURRENCY, per UNIT, per PERIOD, minimum N UNITS, billed INTERVAL, "
    "plus … (parts and a set-up fee), at least …, then the tax note: price 35 USD per user per month minimum 10 users "
    "billed yearly excl tax"
)


UNTIL_NOTICE_WORDS = ("indefinitely", "indefinite", "automatically", "auto", "tacitly", "until", "continuously", "forever", "unlimited")
"""Words after `renews` for a contract that runs on until further notice (Finnish "toistaiseksi", German "unbefristet")."""


def _order_hint(exc: UnexpectedToken, text: str) -> str | None:
    """Words of a fixed order written in another: a price's `billed` before its
    `minimum`, a contract's `notice` before `renews`, two intervals of a day without their comma, a text after an
    add-on's price. Keyed by the line, as `_uptime_hint`: a misspelt statement on a line of its own gets none."""
    line, before = _line_of(exc, text)
    word = str(exc.token)
    if word in ("minimum", "billed", "per", "at") and (line.startswith("price ") or "add-on" in before):
        return PRICE_ORDER
    if before[-1:] == ["per"] and "add-on" in before:  # `add-on 75 EUR excl tax per hour`: `per` read as the next feature
        return PRICE_ORDER
    if word == "renews" and line.startswith("contract ") and "notice" in before:
        return "'renews TERM' comes before 'notice TERM': contract 12 months renews 12 months notice 3 months"
    if before[-1:] == ["renews"] and line.startswith("contract ") and word.lower() in UNTIL_NOTICE_WORDS:
        # A Nordic or German contract that "runs on until further notice" after its minimum term.
        return (
            "'renews' is followed by the term of each renewal: contract 12 months renews 12 months notice 3 months; a contract "
            "that runs on until further notice after its minimum term is: contract 12 months then open-ended notice 3 months"
        )
    if word == "then" and line.startswith("contract ") and "notice" in before:
        return "'then open-ended' comes before 'notice TERM': contract 12 months then open-ended notice 3 months"
    if re.fullmatch(r"\d\d?:\d\d", word) and re.match(r"(open|hours|eve)\b", line):
        return "separate the intervals of a day with a comma: open mon-thu 09:00-14:00, 15:00-18:00"
    if word == "{" and "add-on" in before:
        return (
            "an add-on's cell is its prices only: a pack is priced for what it holds (add-on 650 EUR for 10 hours); "
            "say anything else in the feature's label or description"
        )
    return None


TAX_HINT = "a price's tax note is written excl tax or incl tax, whatever the tax is called (VAT, moms, IVA): price 1200 SEK per month excl tax"
TAX_WORDS = ("excluding", "including", "exclusive", "inclusive", "ex", "exkl", "inkl", "vat", "moms", "iva", "+", "plus",
             # outside15: Polish and Italian prices are "netto" / "brutto", German ones "zzgl." / "netto", English "net".
             "netto", "brutto", "net", "gross", "zzgl", "esclusa", "inclusa")


def _tax_hint(exc: UnexpectedInput, text: str) -> str | None:
    """A price's tax note as an offer writes it: `excl. VAT`, `excl moms`, `excluding VAT`, `+ VAT`. Keyed by the
    line (a price or an add-on), as `_uptime_hint`."""
    at = exc.pos_in_stream or 0
    line, before = _line_of(exc, text)
    if not (line.startswith("price ") or "add-on" in before):
        return None
    word = str(exc.token) if isinstance(exc, UnexpectedToken) else text[at : at + 1]
    if before[-1:] in (["excl"], ["incl"]) or word.lower() in TAX_WORDS and not (word == "plus" and re.match(r"\s*\d", text[at + 4 :])):
        return TAX_HINT
    return None


TARGET_WORDS = f"a response or resolution time is a target: target first-response P1 2h on CALENDAR (the metrics: {', '.join(METRICS)})"
STATEMENT_WORDS = {
    **dict.fromkeys(("respond", "responds", "response", "reply", "react", "reaction", "resolve", "resolution", "sla", "deadline"), TARGET_WORDS),
    **dict.fromkeys(("cost", "costs", "fee", "fees", "pricing", "prices"), "a price is written: price 1200 SEK per month (docs/language.md, Prices)"),
    **dict.fromkeys(("tier", "tiers", "package"), "a tier is written: plan ID { name \"Gold\" ... }"),
    **dict.fromkeys(("opening", "schedule", "businesshours"), "a calendar's hours are written: open mon-fri 08:00-17:00"),
    **dict.fromkeys(("holiday", "holidays"), "a calendar closes on a country's public holidays with: closed holidays SE"),
    **dict.fromkeys(("timezone", "tz", "time-zone"), "a calendar's time zone is written: zone Europe/Stockholm"),
    **dict.fromkeys(("uptime", "sla-uptime"), "a tier's promised uptime is written in its plan: availability 99.9% per month"),
}
"""The words an author reaches for to begin a statement the language spells otherwise (a respond line for a target)."""


def _statement_word_hint(exc: UnexpectedToken, text: str) -> str | None:
    """A statement begun with another word for it (`respond P1 within 2 hours`, `timezone ...`), or a vendor's
    `language` given several codes: the statement as the language writes it. Only for the first word of a line."""
    start = text.rfind("\n", 0, exc.pos_in_stream or 0) + 1
    _, before = _line_of(exc, text)
    word = str(exc.token)
    # `language sv en` stops at its second code; `language sv, en` (the start of `language sv, en only`) at the next line.
    previous = text[:start].rstrip().rpartition("\n")[2].split()
    several = before[:1] == ["language"] and len(before) == 2 and re.fullmatch(r"[a-z]{2}", word) is not None
    if several or not before and previous[:1] == ["language"] and "," in "".join(previous) and previous[-1] != "only":
        return (
            "a vendor's texts are written in one language: language sv (language sv, en only: published in these "
            "languages alone); the languages customers are helped in are written: support languages sv, en"
        )
    if before:
        return None
    return STATEMENT_WORDS.get(word.lower())


def _setup_fee_hint(exc: UnexpectedToken, text: str) -> str | None:
    """A set-up fee (`plus 3000 EUR setup`) written after the tax note, with its word first, or on an add-on."""
    line, before = _line_of(exc, text)
    example = "price 1500 EUR per month plus 3000 EUR setup excl tax"
    if str(exc.token) == "plus" and line.startswith("price ") and re.search(r"\d%", line.partition("plus")[0]):
        # `price 22% of licence per year plus 0.9 CHF per device`: a share has no parts and no set-up fee.
        return (
            "a share of a price has no 'plus' parts or set-up fee; a second price line would read as an alternative, so write "
            "what is paid besides the share in a feature cell (hosting: add-on 38 CHF per month) or in the plan's note"
        )
    if str(exc.token) == "plus" and line.startswith("price "):
        return (
            "'plus AMOUNT CURRENCY setup' and 'plus AMOUNT CURRENCY per UNIT' (a part that adds up) come after the price's unit, "
            f"period, minimum and billing, before 'at least' and the tax note: {example}"
        )
    if "add-on" in before and "plus" in (str(exc.token), *before[-1:]):
        return "an add-on's price has no set-up fee: say it in the feature's description"
    if before[-1:] == ["plus"] and line.startswith("price "):
        return f"the fee's amount and currency come first, then the word: {example}"
    return None


CUTOFF_WORDS = ("cutoff", "cut", "after", "before", "until", "by", "received")
"""Words an author writes a target's cut-off with ("calls after 15:00", "cutoff 15:00", "cut off")."""


MONEY_MINIMUM = (
    "a minimum counts what the price is per, such as minimum 5 devices; a least amount of money (a minimum contract "
    "value) is written after the price's unit and period: price 195 GBP per device per year at least 1500 GBP per year"
)


def _money_minimum_hint(exc: UnexpectedToken, text: str) -> str | None:
    """A hardware contract's "minimum contract value £1,500 a year" written as `minimum 1500 GBP per year`."""
    line, before = _line_of(exc, text)
    if (line.startswith("price ") or "add-on" in before) and before[-3:-2] == ["minimum"] and re.fullmatch(r"[A-Z]{3}", before[-1]):
        return MONEY_MINIMUM
    return None


_PART_MINIMUM = re.compile(
    r"price\s+(?P<base>[0-9.]+\s+[A-Z]{3}(?:\s+per\s+[a-z-]+)?)\s+plus\s+(?P<part>[0-9.]+\s+[A-Z]{3}\s+per\s+(?P<unit>[a-z-]+))\s+minimum\s+(?P<n>\d+)"
)


def _part_minimum_hint(exc: UnexpectedToken, text: str) -> str | None:
    """`price 120 EUR per month plus 9 EUR per user minimum 5 users`: a minimum belongs to the price per that unit, so the
    part per user comes first and the base fee last (docs/language.md)."""
    line, _ = _line_of(exc, text)
    found = _PART_MINIMUM.match(line)
    if found is None or str(exc.token) != found.group("n"):
        return None
    base, unit, n = found.group("base"), found.group("unit"), found.group("n")
    period = base.split(" per ")[1] if " per " in base else None
    part = found.group("part") + (f" per {period}" if period else "")
    return f"a minimum belongs to the price per {unit}: write that part first and the base fee last: price {part} minimum {n} {unit}s plus {base}"


def _region_name_hint(exc: UnexpectedToken, text: str) -> str | None:
    """`closed holidays GB Scotland`, `closed holidays PT Porto`: a region by its name, whose code the package knows."""
    line, before = _line_of(exc, text)
    if before[:2] != ["closed", "holidays"] or len(before) != 3 or not re.fullmatch(r"[A-Z]{2}", before[2]):
        return None
    country, rest = before[2], line.split(maxsplit=3)[3] if len(line.split(maxsplit=3)) > 3 else ""
    facts = datasets.holiday_facts(country)
    for name, code in sorted(facts.subdivision_aliases if facts is not None else (), key=lambda pair: -len(pair[0])):
        if rest.casefold().startswith(name.casefold()) and code in facts.subdivisions:  # type: ignore[union-attr]
            return f"a subdivision is written by its code in the holidays package: closed holidays {country} {code} ({name})"
    return None


def _country_code_hint(exc: UnexpectedToken, text: str) -> str | None:
    """`closed holidays SWE` or `closed holidays Sweden`: a country by its three-letter ISO code (CLDR's aliases give the
    two-letter one) or by its name in English or a language of the site (CLDR's territory names)."""
    _, before = _line_of(exc, text)
    word = str(exc.token)
    line_words = " ".join(before)
    if "closed holidays" not in line_words or line_words.rindex("closed holidays") < line_words.rfind("closed "):
        return None  # not a `closed holidays` line (of its own or in a calendar on one line); also `… customer SE, POL`
    from babel.core import Locale, get_global

    if re.fullmatch(r"[A-Z]{3}", word):
        found = [code for code in get_global("territory_aliases").get(word, ()) if re.fullmatch(r"[A-Z]{2}", code)]
    elif re.fullmatch(r"[^\W\d_]{4,}", word):
        wanted = word.casefold()
        found = [code for language in ("en", "sv", "it", "pl") for code, name in Locale.parse(language).territories.items()
                 if re.fullmatch(r"[A-Z]{2}", code) and name.casefold() == wanted][:1]
    else:
        return None
    if not found:
        return None
    return f"a country is written with its two-letter ISO code: {found[0]}, not {word}"


def _coverage_levels_hint(exc: UnexpectedToken, text: str) -> str | None:
    """`coverage P1 and P2 on 24x5`: coverage, like a target, names one priority a line (the parser state is the
    target's, whose hint speaks of a time)."""
    line, before = _line_of(exc, text)
    if line.startswith("coverage ") and len(before) == 2 and str(exc.token) in ("and", ",", "or", "&"):
        return "coverage names one priority (or all), then its calendar: write a line for each priority, coverage P1 on CALENDAR"
    return None


def _cutoff_hint(exc: UnexpectedToken, text: str) -> str | None:
    """A target's cut-off in other words (`cutoff 15:00`, `after 15:00`, `cut off`), or its time written otherwise (`3pm`)."""
    line, before = _line_of(exc, text)
    if not line.startswith("target ") or len(before) < 4:
        return None
    example = "target on-site all end of 1 business day on office cut-off 15:00"
    word = str(exc.token).lower()
    if before[-1] == "cut-off":
        return "a cut-off is a time of day in 24-hour form, HH:MM: cut-off 15:00"
    if word == "on" and "cut-off" in before:  # `… 1 business day cut-off 14:00 on office`
        return f"the cut-off comes after the calendar: {example}"
    if word in CUTOFF_WORDS:
        return (
            "a target's cut-off (tickets reported at or after it count from the next business day) is written after "
            f"the calendar: {example}"
        )
    return None


def _word_too_many_hint(exc: UnexpectedToken, text: str) -> str | None:
    """A word the language leaves out: `recommended yes` (the keyword alone says it), `target … within 2h` (the time
    follows the priority, or the kind of case, directly)."""
    line, before = _line_of(exc, text)
    word = str(exc.token)
    if before[:1] == ["feature"] and len(before) == 2 and word.startswith('"'):
        return f"a feature's name is its label, inside braces: feature {before[1]} {{ label {word} }}"
    if before[-1:] in (["hours"], ["answered"]) and before[:1] == ["contact"] and word == "24":
        return (f"'{before[-1]}' names a calendar: define one open round the clock, calendar around-the-clock {{ open 24x7 }}, "
                f"then write: {before[-1]} around-the-clock")
    if before[-1:] == ["recommended"]:
        return "'recommended' stands alone on its line: recommended (it marks the plan the site suggests)"
    if line.startswith("target ") and word.lower() in ("within", "in", "inom", "entro", "w", "do") and len(before) >= 3:
        shown = " ".join([*before, *line.split("\n", 1)[0].split("#", 1)[0].split()[len(before) + 1 :]])
        return f"a target's time comes right after its priority, without '{word}': {shown}"
    return None


WEEKDAY_WORDS = frozenset({
    "weekdays", "workdays", "working-days", "business-days", "vardagar", "vardag", "helgfria", "arbetsdagar", "feriali", "lavorativi",
    "robocze", "werktags", "werktage", "arbeitstage", "lun-ven", "pon-pt", "mo-fr", "man-fre",
})
"""Words an offer uses for "Monday to Friday" that authors write after `open` (outside16: "vardagar 08–17")."""

BRIDGE_WORDS = frozenset({
    "bridge", "bridge-days", "klämdag", "klämdagar", "klamdag", "klamdagar", "ponte", "ponti", "pomostowe", "pomostowy",
    "brückentag", "brückentage", "brueckentag", "brueckentage",
})
"""Words for a working day closed between a holiday and a weekend, written after `closed` as if it were a kind."""

BRIDGE_HINT = (
    "a working day closed between a holiday and a weekend (a klämdag, a ponte, a dzień pomostowy, a Brückentag) is "
    "written: closed bridge days"
)


HOLIDAY_WORDS = frozenset({
    "holidays", "holiday", "public-holidays", "festivi", "festivita", "helgdagar", "helgdag", "swieta", "feiertage",
})
"""Words for public holidays written after `open` or `hours` (an on-call calendar's "reperibilità nei giorni festivi")."""

HOLIDAY_HOURS_HINT = (
    "hours on public holidays, instead of closed (on-call hours), name the country whose holidays they are: "
    "hours holidays IT 09:00-13:00"
)

_MONTH_DAY = re.compile(r"\d\d-\d\d")


_HOUR_SPANS = re.compile(r"\d\d:\d\d-\d\d:\d\d(?:\s*,\s*\d\d:\d\d-\d\d:\d\d)*")
_QUOTED_NAMES = re.compile(r'"[^"\n]*"(?:\s*,\s*"[^"\n]*")*')


def _eve_parts(text: str, exc: UnexpectedToken) -> tuple[str, str]:
    """The hours and the holidays an eve line was written with, wherever on the line the author put them (examples when
    missing), so the hint shows the author's own line in the language's order."""
    rest = re.split(r"[\n#}]", text[exc.pos_in_stream or 0 :], maxsplit=1)[0]
    hours = _HOUR_SPANS.search(rest)
    holidays = _QUOTED_NAMES.search(rest)
    return (
        re.sub(r"\s*,\s*", ", ", hours.group(0)) if hours else "08:00-13:00",
        re.sub(r'"\s*,\s*"', '", "', holidays.group(0)) if holidays else '"Christmas Day"',
    )


def _calendar_line_hint(exc: UnexpectedToken, text: str) -> str | None:
    """A calendar's line as authors first write it, keyed by the line as `_uptime_hint`: an offer's own words (outside16, a
    municipality's "vardagar 08–17, klämdagar stängda"), `hours eve …` (an eve is a line of its own), `eve before … 08:00`
    (the hours come first), `closed 12-24` or `hours 12-24 …` (a day of every year says `yearly`), several dates a line."""
    line, before = _line_of(exc, text)
    word, keyword = str(exc.token), before[-1] if before else ""
    if before[:1] in (["open"], ["hours"]) and (before[1:2] == ["holidays"] or len(before) == 1 and word.lower() in HOLIDAY_WORDS):
        return HOLIDAY_HOURS_HINT  # `open holidays 09:00-13:00`, `hours holidays 09:00-13:00`, `hours festivi …` (lang17)
    if keyword == "hours" and word in ("eve", "before"):
        hours, holidays = _eve_parts(text, exc)
        return (
            f"the day before a holiday has a line of its own: eve {hours} (before every holiday of the calendar's list), "
            f"or: eve {hours} before {holidays}"
        )
    if keyword == "on" and before[:1] == ["hours"] and word.lower() in WEEKDAY_WORDS | {"business days", "business", "weekday", "workday"}:
        return "other hours on the days the calendar works only end with 'on working days': a holiday or a closed day stays closed"
    if keyword == "eve" and word == "before":
        hours, holidays = _eve_parts(text, exc)
        return f"the hours come first, then the holidays: eve {hours} before {holidays}"
    if keyword in ("hours", "closed") and _MONTH_DAY.fullmatch(word):
        written = re.split(r"[\n#}]", text[exc.pos_in_stream or 0 :], maxsplit=1)[0].split()  # the day and what follows it
        yearly = " ".join([keyword, "yearly", *written])
        dated = " ".join([keyword, *(f"2026-{w}" if _MONTH_DAY.fullmatch(w) else w for w in written)])
        return f"a day of every year is written with 'yearly': {yearly}; a date of one year, with its year: {dated}"
    if before == ["open"] and word.lower() in WEEKDAY_WORDS:
        return f"days are written {', '.join(WEEKDAYS)}; Monday to Friday is a range: open mon-fri 08:00-17:00"
    whole = re.match(r"[^\s{}#]+", text[exc.pos_in_stream or 0 :])  # `klämdagar` is read as the name `kl` and stops at the ä
    if before == ["closed"] and whole is not None and whole.group(0).lower() in BRIDGE_WORDS:
        return BRIDGE_HINT
    if line.startswith("closed holidays ") and "including" in before and before[-1] != "including" and re.fullmatch(r"[A-Za-z]+", word):
        # outside17: `including de facto`, the kind written as the words it is ("de facto") rather than its code.
        return f"a kind of holiday is one word, joined with hyphens: including {before[-1]}-{word}"
    if [b.lower() for b in before] == ["closed", "bridge"]:  # `closed bridge-days`, `closed bridge day`: `bridge` is a word of the language
        return BRIDGE_HINT
    if line.startswith("closed ") and word in (",", "and") and before and re.fullmatch(r"\d{4}-\d\d-\d\d", before[-1].rstrip(",")):
        following = re.search(r"\d{4}-\d\d-\d\d", text[(exc.pos_in_stream or 0) + len(word) :].split("\n", 1)[0])
        second = following.group(0) if following is not None else "2027-05-07"  # the author's own dates, when there are two
        return (
            f"one date (or one 'DATE to DATE' span of days in a row) per line: closed {before[-1].rstrip(',')}, then closed "
            f"{second} on a line of its own"
        )
    return None


def _written_apart_hint(exc: UnexpectedToken, text: str) -> str | None:
    """What offers write with a dash or in words where the language has one word (outside17): a span of dates with a dash
    (`2026-06-29 - 2026-08-09`), a contract that runs on "until further notice" in words (`then open ended`)."""
    line, before = _line_of(exc, text)
    word = str(exc.token)
    if word == "-" and before and re.fullmatch(r"\d{4}-\d\d-\d\d", before[-1]) and line.startswith(("hours ", "closed ")):
        last = re.match(r"-[ \t]*(\d{4}-\d\d-\d\d)", text[exc.pos_in_stream or 0 :])
        return f"a span of dates is written with 'to': {before[0]} {before[-1]} to {last.group(1) if last else 'DATE'} …"
    if before[:1] == ["contract"] and "then" in before:  # `then open ended`, `then until further notice`
        return "a contract that runs on until further notice after its minimum term is written: contract 12 months then open-ended notice 3 months"
    return None


DROP_WORDS = frozenset({"drop", "without", "remove", "delete", "exclude", "omit", "no-target", "no-coverage"})
"""Words an author of a plan that extends another reaches for to leave out an inherited target (lang17)."""

DROP_HINT = (
    "a plan that extends another leaves out an inherited target or coverage with: no target first-response A for "
    "fuori-orario (no time or calendar after it), no coverage A for fuori-orario"
)


def _dropped_hint(exc: UnexpectedToken, text: str) -> str | None:
    """`drop target …`, `no targets …`, `no target … 1h`: leaving out an inherited target, as the language writes it."""
    line, before = _line_of(exc, text)
    words = line.split()
    if not before and str(exc.token).lower() in DROP_WORDS and len(words) > 1 and words[1] in ("target", "coverage", "targets"):
        return DROP_HINT
    if words[:1] == ["no"] and len(words) > 1 and words[1] in ("target", "targets", "coverage") and before[:1] == ["no"]:
        return DROP_HINT
    return None


LINE_HINTS: tuple[Callable[[UnexpectedToken, str], str | None], ...] = (
    _written_apart_hint, _dropped_hint, _uptime_hint, _calendar_line_hint, _included_hint, _pack_hint, _money_minimum_hint,
    _order_hint, _setup_fee_hint, _cutoff_hint, _region_name_hint, _coverage_levels_hint, _country_code_hint, _part_minimum_hint,
    _word_too_many_hint,
    _statement_word_hint,
)
"""The hints read from the line a parse error stands on, one mistake each, asked in this order; the first that
recognises the line gives the hint (before the parser state's own, which knows only what was expected)."""


def describe(exc: UnexpectedInput, text: str, path: str, lark: Lark) -> Diagnostic:
    """Turn one of Lark's parse exceptions into a located diagnostic in plain words."""
    line = getattr(exc, "line", 0) or 0
    column = getattr(exc, "column", 0) or 0
    at_end = isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END")
    if at_end or line <= 0:
        lines = source_lines(text) or [""]
        line, column = len(lines), len(lines[-1]) + 1
    end = column + (len(str(exc.token)) if isinstance(exc, UnexpectedToken) and exc.token.type != "$END" else 1)
    expected: set[str] = set()
    if isinstance(exc, UnexpectedToken):
        expected = set(exc.accepts or exc.expected)
    elif isinstance(exc, UnexpectedCharacters):
        expected = set(exc.allowed or ())
    elif isinstance(exc, UnexpectedEOF):
        expected = set(exc.expected)
    offset = _offset(text, line, column)
    if isinstance(exc, UnexpectedCharacters):
        invisible = invisible_character(text, offset, path)
        if invisible is not None:
            return invisible
    if at_end:
        unclosed = unclosed_brace(text, path)
        if unclosed is not None:
            return unclosed
    if "BUSINESS_DAYS" in expected and "DURATION" not in expected:
        # A target's amount began with a number (`4,5h`, `2 hrs`, `1d`): judge it from that number.
        start = offset
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        while start > 0 and text[start - 1].isdigit():
            start -= 1
        duration = duration_mistake(text, start, path, bare=False) if start < offset else None
        if duration is not None:
            return duration
    if "DURATION" in expected:
        duration = duration_mistake(text, offset, path)
        if duration is not None:
            return duration
    amount = amount_mistake(text, offset, path)
    if amount is not None:
        return amount
    message = _found(exc, text)
    pos = Pos(path, line, column, line, end)
    chopped: tuple[str, str] | None = None  # the keyword the lexer took off the front of a longer word, and the word
    if isinstance(exc, UnexpectedToken) and 0 < offset < len(text) and text[offset - 1].isalpha() and text[offset].isalpha():
        # The lexer took a keyword off the front of a longer word (`excluding` read as `excl` + `uding`): the
        # author wrote the whole word, so the message names it and the caret starts where it does.
        start = offset
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
            start -= 1
        stop = offset
        while stop < len(text) and (text[stop].isalnum() or text[stop] in "-_"):
            stop += 1
        message = f"unexpected '{text[start:stop]}'"
        chopped = (text[start:offset], text[start:stop])
        pos = _pos_at(text, start, path, stop - start)
        expected = set()  # what the parser wanted after the keyword it took, not instead of the word
    elif isinstance(exc, UnexpectedToken) and exc.token.type != "$END":
        stop = offset + len(str(exc.token))
        if stop < len(text) and text[stop].isalpha() and not text[stop].isascii():
            # A name stops at the first letter beyond ASCII (`klämdagar` read as `kl`): the author wrote the whole word.
            while stop < len(text) and (text[stop].isalnum() or text[stop] in "-_"):
                stop += 1
            message = f"unexpected '{text[offset:stop]}'"
            pos = _pos_at(text, offset, path, stop - offset)
    wanted = _expected(expected, lark, _state(exc))
    if wanted:
        message += f"; {wanted}"
    if isinstance(exc, UnexpectedToken) and _line_of(exc, text)[1][-2:] == ["per", "contract"] and str(exc.token).lower() in _TERM_WORDS:
        # outside15: "fino al 10% del valore del contratto per l'intera durata" as `per contract term`, told "did you mean 'terms'?".
        return error(
            message, pos, "'per contract' already means over the contract's whole term: end the cap there, such as: "
            "penalty total at most 10% of contract value per contract", code="T0101",
        )
    if isinstance(exc, UnexpectedToken) and exc.token.type == "ID":
        keyword = _keyword_hint(str(exc.token), expected, lark)
        if keyword is not None:
            return error(message, pos, keyword, code="T0103")
    code = "T0110" if message.startswith("a quoted text that is never closed") else "T0101"
    if chopped is not None and chopped[0] in _keywords(lark).values():
        # `eves 08:00-12:00`, `opens mon-fri ...`: the keyword the lexer took is the word the author meant (the
        # parser's own hint would be about what follows the keyword, which the author never wrote).
        taken, written = chopped
        if difflib.SequenceMatcher(None, taken, written).ratio() >= 0.7:
            return error(message, pos, f"did you mean '{taken}'?", code="T0103")
    said_no = _no_penalty_in_words(text, offset, path)
    if said_no is not None:
        return said_no
    plural = _plural_statement(exc, text, lark)
    if plural is not None:
        # The mistake is the line's first word, not where the parser gave up: the message and caret say that word.
        start = text.rfind("\n", 0, exc.pos_in_stream or 0) + 1
        start += len(text[start:]) - len(text[start:].lstrip())
        return error(f"unexpected '{plural}s'", _pos_at(text, start, path, len(plural) + 1), f"did you mean '{plural}'?", code="T0103")
    hint = _day_first_date_hint(text[offset:]) if "DATE" in expected else None
    hint = hint or _hint(exc, lark, text)
    if hint is not None and hint.startswith(_COUNT_WITH_UNIT):
        # `5 days per year`, `50 GB`: the parser read the unit as the next cell's feature and stopped after it; the
        # mistake is the unit word, so the message and the caret name it.
        before = max(0, offset - 200)
        unit = re.search(r"\d[ \t]+([^\W\d]\w*)\s*$", text[before:offset])
        if unit is not None:
            message = f"unexpected '{unit.group(1)}' after a number"
            pos = _pos_at(text, before + unit.start(1), path, len(unit.group(1)))
            count = re.search(r"(\d+)[ \t]+[^\W\d]\w*\s*$", text[before:offset])
            if unit.group(1).lower() in _HOUR_WORDS and count is not None:
                # outside15: "a free onboarding pack of 20 hours" as `onboarding: 20 hours`; the general hint named 40h per year.
                hint = (
                    f"hours are a duration, written without a space: {count.group(1)}h (given once), or "
                    f"{count.group(1)}h per year (every year)"
                )
    notes: tuple[tuple[str, Pos], ...] = ()
    opened = _misclosed_brace(text, offset) if hint is None else None
    if opened is not None:
        # A statement where it cannot stand often means the block above it was never closed.
        hint = "the block opened above may be missing its '}'"
        notes = (("this '{' seems never closed: the '}' that closes it is indented as an enclosing block's", _pos_at(text, opened, path)),)
    return error(message, pos, hint, code=code, notes=notes)


_NO_PENALTY = re.compile(r"(?m)^[ \t]*penalty[ \t]+(no|nothing|zero|nil|n/a)[ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?\n)*[^\n]*\Z")


def _no_penalty_in_words(text: str, offset: int, path: str) -> Diagnostic | None:
    """`penalty no` on a line of its own (outside17): the parser reads `no` as a metric and the next line's first word as a
    priority, and stumbles on that line; the mistake is the word after `penalty`, so the error names it there."""
    found = _NO_PENALTY.search(text[:offset])
    if found is None:
        return None
    return error(f"unexpected '{found.group(1)}' after 'penalty'", _pos_at(text, found.start(1), path, len(found.group(1))),
                 "an offer that pays no penalties says: penalty none", code="T0101")


# --- mistakes recognised from the text itself ------------------------------------------------


def _offset(text: str, line: int, column: int) -> int:
    """The index into `text` of a 1-based line and column."""
    start = 0
    for _ in range(line - 1):
        found = text.find("\n", start)
        if found < 0:
            return len(text)
        start = found + 1
    return min(start + max(column, 1) - 1, len(text))


def _pos_at(text: str, offset: int, path: str, length: int = 1) -> Pos:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Pos(path, line, column, line, column + length)


def is_invisible(char: str) -> bool:
    """Whether a character shows as nothing or as an ordinary space: NBSP, BOM, zero-width space, a control character ..."""
    return char != " " and unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cf", "Cc")


_CONTROL_NAMES = {0x00: "NULL", 0x0B: "LINE TABULATION", 0x1B: "ESCAPE", 0x7F: "DELETE", 0x85: "NEXT LINE"}
"""Names of the control characters most often met in a file (the Unicode database names none of them)."""


def invisible_character(text: str, offset: int, path: str) -> Diagnostic | None:
    """The diagnostic for an invisible character where the parser stopped, named by its code point."""
    char = text[offset : offset + 1]
    if not char or not is_invisible(char):
        return None
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "a control character")
    if char == "\ufeff":
        hint = "save the file as UTF-8 without a byte order mark (BOM), or delete the character"
    elif unicodedata.category(char) == "Zs":
        hint = "replace it with an ordinary space; it came in with text copied from a web page or a word processor"
    else:
        hint = "delete it; it came in with text copied from a web page or a word processor"
    return error(f"invisible character U+{ord(char):04X} ({name}) outside a quoted text", _pos_at(text, offset, path), hint, code="T0106")


def _braces(text: str) -> list[tuple[int, int | None]]:
    """Each '{' outside texts and comments with the index of the '}' that closes it (None when none does)."""
    pairs: list[tuple[int, int | None]] = []
    stack: list[int] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if text.startswith('"""', i):
            close = text.find('"""', i + 3)
            i = n if close < 0 else close + 3
            continue
        if char == '"':
            j = i + 1
            while j < n and text[j] not in '"\n':
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if char == "#":
            close = text.find("\n", i)
            i = n if close < 0 else close
            continue
        if char == "{":
            stack.append(len(pairs))
            pairs.append((i, None))
        elif char == "}" and stack:
            index = stack.pop()
            pairs[index] = (pairs[index][0], i)
        i += 1
    return pairs


def _indent(text: str, offset: int) -> int:
    start = text.rfind("\n", 0, offset) + 1
    line = text[start:]
    return len(line) - len(line.lstrip(" \t"))


def _first_on_line(text: str, offset: int) -> bool:
    start = text.rfind("\n", 0, offset) + 1
    return text[start:offset].strip() == ""


def _misclosed_brace(text: str, before: int) -> int | None:
    """A '{' before `before` whose '}' is indented differently from its own line (so it probably closes another block)."""
    for start, close in _braces(text):
        if start < before and close is not None and close > before and _first_on_line(text, close) and _indent(text, close) != _indent(text, start):
            return start
    return None


def unclosed_brace(text: str, path: str) -> Diagnostic | None:
    """The diagnostic for a file that ends inside a block: at the '{' that lacks its '}', noting where the file ended."""
    pairs = _braces(text)
    open_ones = [start for start, close in pairs if close is None]
    if not open_ones:
        return None
    # When braces are paired up wrongly, the '{' whose '}' is indented differently from its own line
    # is the one an author left open: the '}' it got belonged to an enclosing block.
    suspect = next(
        (start for start, close in pairs if close is not None and _first_on_line(text, close) and _indent(text, close) != _indent(text, start)),
        open_ones[-1],
    )
    lines = source_lines(text) or [""]
    end = Pos(path, len(lines), len(lines[-1]) + 1)
    return error(
        "this '{' is never closed",
        _pos_at(text, suspect, path),
        "add the '}' that ends its block",
        code="T0102",
        notes=((f"the file ends here, at line {end.line}, still inside the block", end),),
    )


_DURATION_MISTAKES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d+)[.,](\d+)\s*(h|hrs?|hours?)\b"), "fraction"),
    (re.compile(r"(\d+)\s*(d|days?)\b"), "days"),
    (re.compile(r"(\d+)\s*(h|hrs?|hours?)\b"), "hours"),
    (re.compile(r"(\d+)\s*(m|mins?|minutes?)\b"), "minutes"),
    (re.compile(r"(\d+)(?=\s|$|\})"), "bare"),
)
DURATION_UNITS = "a duration is whole hours and minutes, written without a space: 15min, 2h, 1h 30min"
_BARE_BEFORE_ON = re.compile(r"(\d+)(?=[ \t]*(?:on\b|\}|$))", re.M)


def duration_mistake(text: str, offset: int, path: str, bare: bool = True) -> Diagnostic | None:
    """The diagnostic for a duration written another way (4,5h, 1d, 2 hrs), with what it should say.

    `bare` False (after a target's number, where 'business days' may follow) takes a lone number for
    a duration only when `on` or the block's end follows it, so `2 bussines days` keeps the parser's
    own "expected 'business days'".
    """
    for pattern, kind in _DURATION_MISTAKES:
        if kind == "bare" and not bare:
            pattern = _BARE_BEFORE_ON
        found = pattern.match(text, offset)
        if not found:
            continue
        written = found.group(0)
        number = int(found.group(1))
        line = text[text.rfind("\n", 0, offset) + 1 : offset].split()
        if line[:1] == ["obligation"] and kind in ("days", "bare"):
            # An obligation counts hours and minutes of work from the first response: no business days to offer.
            hint = (
                "an obligation counts hours and minutes of work, written without a space (4h, 1h 30min), not business days; "
                "a deadline in business days is a target: target resolution P1 1 business day on CAL"
            )
            return error(f"'{written}' is not a duration", _pos_at(text, offset, path, len(written)), hint, code="T0105")
        if line[:1] == ["maintenance"] and kind in ("days", "bare"):
            # A maintenance notice is a span of real time before the work: business days have no form there.
            hint = (
                f"a maintenance notice is hours and minutes, written without a space: 48h, 72h (a week is 168h), not days; "
                f"for a notice of {number} days write {number * 24}h, and say a notice in business days in the plan's note"
            )
            return error(f"'{written}' is not a duration", _pos_at(text, offset, path, len(written)), hint, code="T0105")
        if kind == "fraction":
            minutes = round(float(f"0.{found.group(2)}") * 60)
            # 0.5h is 30min, not "0h 30min".
            instead = (f"{number}h {minutes}min" if number else f"{minutes}min") if minutes else f"{number}h"
            hint = f"{DURATION_UNITS}; write {instead}"
        elif kind == "days":
            hint = (
                f"{DURATION_UNITS}; for {number} × 24 hours write {number * 24}h, or {number} calendar day{'s' if number != 1 else ''} "
                f"on a calendar open 24x7; for days the calendar opens, {number} business day{'s' if number != 1 else ''}"
            )
        elif kind == "hours":
            hint = f"{DURATION_UNITS}; write {number}h"
        elif kind == "minutes":
            hint = f"{DURATION_UNITS}; write {number}min"
        else:
            days = f"{number} business day{'s' if number != 1 else ''}"
            hint = f"{DURATION_UNITS}; add the unit: {number}h or {number}min (or write {days})"
        return error(f"'{written}' is not a duration", _pos_at(text, offset, path, len(written)), hint, code="T0105")
    return None


AMOUNTS = "an amount is digits with a decimal point and no thousands separator, then the currency's code: 1400.50 PLN, 35 USD"
_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "zł": "PLN", "kr": "SEK"}
_GROUPED = re.compile(r"\d{1,3}(?:[,. \u00a0'](\d{3}))+(?:[.,](\d{1,2}))?(?![\d])")
_COMMA_DECIMAL = re.compile(r"(\d+),(\d{1,2})(?!\d)")


def amount_mistake(text: str, offset: int, path: str) -> Diagnostic | None:
    """The diagnostic for a price's amount written another way ($35, 1 400,50, 1,400.50), with what it should say."""
    start = text.rfind("\n", 0, offset) + 1
    line = text[start : text.find("\n", offset) if "\n" in text[offset:] else len(text)]
    if not re.match(r"[ \t]*price\b", line):
        return None
    for symbol, code in _SYMBOLS.items():
        if text.startswith(symbol, offset):
            number = re.match(r"\s*([\d.,\u00a0 ']+\d)", text[offset + len(symbol) :])
            # "12 $" (the symbol after the amount, as many languages write it) keeps the author's 12.
            before = re.search(r"(\d[\d.,\u00a0 ']*?)\s*$", text[start:offset])
            amount = _plain_amount(number.group(1)) if number else _plain_amount(before.group(1)) if before else "35"
            return error(
                f"'{symbol}' is not how an amount is written",
                _pos_at(text, offset, path, len(symbol)),
                f"{AMOUNTS}; write {amount} {code}",
                code="T0116",
            )
    # The parser stops at the separator: look at the whole number it ends.
    begin = offset
    while begin > start and (text[begin - 1].isdigit() or text[begin - 1] in ",. \u00a0'"):
        begin -= 1
    while begin < offset and not text[begin].isdigit():
        begin += 1
    found = _GROUPED.match(text, begin) or _COMMA_DECIMAL.match(text, begin)
    if found is None or found.end() <= offset:
        return None
    written = found.group(0)
    return error(
        f"'{written}' is not how an amount is written",
        _pos_at(text, begin, path, len(written)),
        f"{AMOUNTS}; write {_plain_amount(written)}",
        code="T0116",
    )


def _plain_amount(written: str) -> str:
    """1 400,50 / 1,400.50 / 1.400,50 -> 1400.50; 1400,5 -> 1400.5."""
    digits = written.replace("\u00a0", "").replace(" ", "").replace("'", "")
    decimals = re.search(r"[.,](\d{1,2})$", digits)
    whole = digits[: decimals.start()] if decimals else digits
    whole = whole.replace(",", "").replace(".", "")
    return f"{whole}.{decimals.group(1)}" if decimals else whole


@lru_cache(maxsize=8)
def _keywords(lark: Lark) -> dict[str, str]:
    """Terminal name -> keyword, for the grammar's words (plan, name, contact ...)."""
    return {t.name: t.pattern.value for t in lark.terminals if isinstance(t.pattern, PatternStr) and t.pattern.value.isalpha()}


def _keyword_hint(word: str, expected: set[str], lark: Lark) -> str | None:
    """'did you mean ...?' when a name stands where a keyword was expected and is close to one."""
    keywords = _keywords(lark)
    wanted = sorted({keywords[n] for n in expected if n in keywords})
    close = difflib.get_close_matches(word, wanted, n=1, cutoff=0.7)
    return f"did you mean '{close[0]}'?" if close else None


_SINGLE_CLOSE = re.compile(r'(?<!")"(?!")[ \t]*(?=\}|\n|$)')


def triple_quote_mistake(text: str, path: str) -> Diagnostic | None:
    """The diagnostic for a text opened with \"\"\" and closed with a single ", found by reading the file as an author would."""
    i, n = 0, len(text)
    while i < n:
        if text.startswith('"""', i):
            close = text.find('"""', i + 3)
            body = text[i + 3 : n if close < 0 else close]
            single = _SINGLE_CLOSE.search(body)
            # A closing """ far below, after a line that starts another text or closes a block, is the
            # next text's opening: this text ended at its single quote.
            after = body[single.end() :] if single else ""
            swallowed = close < 0 or re.search(r'\n\s*(\}|[a-z]{2}\s+"|[a-z-]+\s)', after) is not None
            if single is not None and swallowed:
                at = i + 3 + single.start()
                return error(
                    'a text opened with """ is closed with a single "',
                    _pos_at(text, at, path),
                    'close it with """ (three quotation marks), as it was opened',
                    code="T0104",
                    notes=(('the text opens here', _pos_at(text, i, path, 3)),),
                )
            if close < 0:
                return None
            i = close + 3
            continue
        if text[i] == '"':
            j = i + 1
            while j < n and text[j] not in '"\n':
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if text[i] == "#":
            eol = text.find("\n", i)
            i = n if eol < 0 else eol
            continue
        i += 1
    return None


def empty_file(text: str, path: str) -> Diagnostic | None:
    """A warning for a plan file that holds nothing but blanks and comments."""
    meaningful = [ln for ln in source_lines(text) if ln.strip() and not ln.strip().startswith("#")]
    if meaningful:
        return None
    return warning(
        "the plan file is empty",
        Pos(path, 1, 1),
        "write a vendor block (vendor ID { ... }) or shared calendars and priority schemes, or delete the file",
        code="T0108",
    )


def mixed_indentation(raw: str, pos: Pos) -> Diagnostic | None:
    """A warning for a \"\"\" text whose continuation lines mix tabs and spaces so that Markdown reads them differently."""
    lines = raw[3:-3].split("\n")[1:]
    indents = [ln[: len(ln) - len(ln.lstrip(" \t"))] for ln in lines if ln.strip()]
    uses_tabs = any("\t" in i for i in indents)
    uses_spaces = any(" " in i for i in indents)
    if not (uses_tabs and uses_spaces):
        return None
    # The indentation common to every line is removed; what is left over decides the Markdown.
    common = indents[0]
    for indent in indents[1:]:
        while not indent.startswith(common):
            common = common[:-1]
    left = [i[len(common) :] for i in indents]
    if not any("\t" in rest or len(rest) >= 4 for rest in left):
        return None
    return warning(
        "this text mixes tabs and spaces in its indentation, so some lines keep an indentation that Markdown reads as code",
        pos,
        "indent the lines of a \"\"\" text with spaces only (or with tabs only)",
        code="T0109",
    )


# --- contract terms -----------------------------------------------------------------
# `contract twelve months`, `notice three months`: a length written out in words (or missing) right after its keyword.

EXAMPLES["a length in a contract is digits and a unit: contract 12 months renews 1 year notice 30 days (contract none, notice none)"] = [
    "vendor v { plan p { contract twelve months } }",
    "vendor v { plan p { contract 12 months renews twelve months } }",
    "vendor v { plan p { contract 12 months notice three months } }",
    "vendor v { plan p { contract 12 months renews 12 months notice three months } }",
    "vendor v { plan p { contract none notice three months } }",
]

# Session 22, an outside author: a public contract the customer may extend ("prawo opcji"), written as a word of its own.
CONTRACT_WORDS = (
    "after the minimum term come only 'renews TERM' (it runs on by itself) and 'notice TERM'; an extension at the "
    "customer's option, or a break clause, is said in the plan's note"
)
EXAMPLES[CONTRACT_WORDS] = [
    "vendor v { plan p { contract 24 months option 12 months } }",
    "vendor v { plan p { contract 24 months extension 12 months notice 3 months } }",
    "vendor v { plan p { contract 24 months renews 12 months option 12 months } }",
]
