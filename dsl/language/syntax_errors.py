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

from functools import lru_cache

from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark.lexer import PatternStr

from dsl.language.diagnostics import Diagnostic, error
from dsl.language.model import Pos
from dsl.language.vocabulary import CONTACT_KINDS, LANGUAGES, PERIODS, WEEKDAYS


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
    "TIME": "a time such as 08:00",
    "DURATION": "a duration such as 15min or 2h",
    "BUSINESS_DAYS": "'business days' (as in: 2 business days)",
    "NUMBER": "a number",
    "INT": "a whole number",
    "$END": "the end of the file",
}

# Where a name must be a fixed word, what to call the name instead of "a name",
# recognised like the mistakes below: by the parser state a few examples fail in.
NAMED_WORDS: dict[str, list[str]] = {
    _one_of("a language code", LANGUAGES): [
        "vendor v { language 5 }",
        "vendor v { intro { 5 } }",
        'vendor v { intro { sv "x" 5 } }',
    ],
    _one_of("a kind of contact", CONTACT_KINDS): [
        "vendor v { contact 5 }",
    ],
    _one_of("a period", PERIODS): [
        "vendor v { plan p { price 5 EUR per 5 } }",
        "vendor v { plan p { features { a: 4 per 5 } } }",
        "vendor v { plan p { obligation o 4 per 5 } }",
    ],
}

# Each mistake is recognised from a few small examples of it (Lark matches the
# parser state the error happens in, not the text).
EXAMPLES: dict[str, list[str]] = {
    "a time is written with minutes, such as 08:00-17:00": [
        "calendar c { open mon-fri 8-17 }",
        "calendar c { open mon 8 }",
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
}


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
    state = _state(exc)
    return _states(lark, "hints").get(state) if state is not None else None


def describe(exc: UnexpectedInput, text: str, path: str, lark: Lark) -> Diagnostic:
    """Turn one of Lark's parse exceptions into a located diagnostic in plain words."""
    line = getattr(exc, "line", 0) or 0
    column = getattr(exc, "column", 0) or 0
    if isinstance(exc, UnexpectedEOF) or line <= 0:
        lines = text.splitlines() or [""]
        line, column = len(lines), len(lines[-1]) + 1
    end = column + (len(str(exc.token)) if isinstance(exc, UnexpectedToken) and exc.token.type != "$END" else 1)
    expected: set[str] = set()
    if isinstance(exc, UnexpectedToken):
        expected = set(exc.accepts or exc.expected)
    elif isinstance(exc, UnexpectedCharacters):
        expected = set(exc.allowed or ())
    elif isinstance(exc, UnexpectedEOF):
        expected = set(exc.expected)
    message = _found(exc, text)
    wanted = _expected(expected, lark, _state(exc))
    if wanted:
        message += f"; {wanted}"
    return error(message, Pos(path, line, column, line, end), _hint(exc, lark, text))
