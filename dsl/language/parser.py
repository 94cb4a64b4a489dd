"""Text -> parse tree -> declarations: the grammar's Transformer.

`parse_file` turns one plan file into a `FileDecl`: model objects for what
stands on its own (calendars, priority schemes, features, unresolved plans)
plus the references still to resolve. The parser only builds: resolving names
across files and merging `extends` happen in `dsl.language.loader`, judging the
result in `dsl.language.checks`. It reports only what keeps it from building
an element: syntax errors, a statement given twice where the element holds
one, a statement an element cannot be built without (a plan's name, a
feature's label, a calendar's zone and hours, the matrix of a scheme that names
impacts), and times or dates that do not exist. Problems are returned as
diagnostics, never raised.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import re
import stat
import sys
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from dsl.language import lalr, limits, syntax_errors
from dsl.language.cache import replace_with, user_cache_folder
from dsl.language.diagnostics import Diagnostic, did_you_mean, error, warning, without_byte_order_mark
from dsl.language.model import (
    AppliesTo,
    Availability,
    AxisValue,
    Calendar,
    CaseKind,
    Category,
    Cell,
    ChannelHours,
    ChannelPriorities,
    Contact,
    ContactGroup,
    ContractLength,
    ContractTerms,
    Coverage,
    Credit,
    DailyHours,
    DateHours,
    Dropped,
    Feature,
    Footnote,
    HolidaySource,
    Horizon,
    Maintenance,
    MatrixRow,
    MetricText,
    MonthlyDays,
    Obligation,
    Penalty,
    PenaltyAmount,
    PenaltyCap,
    PenaltyStep,
    Plan,
    Pos,
    Price,
    PriorityLevel,
    PriorityMatrix,
    PriorityScheme,
    Quantity,
    Segment,
    Source,
    Target,
    Text,
    WeeklyInterval,
    YearlyDays,
    quick_pickling,
)
from dsl.language.vocabulary import CURRENCIES, PRICE_UNITS, WEEKDAYS, support_language_codes, support_language_named


@dataclass(frozen=True, slots=True)
class Ref:
    """A name that refers to something defined elsewhere, with where it was written."""

    name: str
    pos: Pos


@dataclass(frozen=True, slots=True)
class OnlyLanguage(Ref):
    """`language en only`: the vendor's language, which its offer is published in alone (its texts need no translation).

    `language en, sv only`: `also` names the other languages the offer is published in (its texts should have them).
    """

    also: tuple[Ref, ...] = ()


@dataclass(frozen=True, slots=True)
class VendorDecl:
    """A vendor block as written: references not yet resolved, plans not yet merged."""

    id: str
    pos: Pos
    name: Text | None = None
    language: Ref | None = None
    intro: Text | None = None
    website: str | None = None
    notes: tuple[Text, ...] = ()
    contacts: tuple[Contact, ...] = ()
    segments: tuple[Segment, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    categories: tuple[Category, ...] = ()
    features: tuple[Feature, ...] = ()
    metrics: tuple[MetricText, ...] = ()
    priorities: Ref | None = None
    plans: tuple[Plan, ...] = ()
    calendars: tuple[Calendar, ...] = ()
    schemes: tuple[PriorityScheme, ...] = ()
    cases: tuple[CaseKind, ...] = ()
    contact_groups: tuple[ContactGroup, ...] = ()
    website_pos: Pos | None = None
    sources: tuple[Source, ...] = ()
    editorial_notes: tuple[Text, ...] = ()
    support_languages: tuple[str, ...] = ()
    language_only: bool = False  # `language en only`: the offer is published in its language alone
    also_languages: tuple[Ref, ...] = ()  # `language en, sv only`: the other languages the offer is published in


@dataclass(frozen=True, slots=True)
class FileDecl:
    """Everything one plan file declares.

    `texts` is every text written in braces anywhere in the file, so the checks
    can judge each language code once, whether or not anything uses the text.
    """

    path: str
    vendors: tuple[VendorDecl, ...] = ()
    calendars: tuple[Calendar, ...] = ()
    schemes: tuple[PriorityScheme, ...] = ()
    texts: tuple[Text, ...] = ()
    horizons: tuple[Horizon, ...] = ()  # issue 10: `horizon FIRST-LAST` statements of the file
    vendor_ids: tuple[str, ...] = ()
    """The vendors of a file read for its shared definitions only (loader._shared_definitions), whose vendor blocks are
    left out: that its calendars and schemes are another vendor's (T0323) is all that is needed of them."""


@dataclass(frozen=True, slots=True)
class _Days:
    """A target written in business days, before it becomes a Target."""

    count: int
    day_end: bool
    pos: Pos


@dataclass(frozen=True, slots=True)
class _CalendarDays:
    """A target written in calendar days, before it becomes a Target of 24 hours a day."""

    count: int
    pos: Pos


@dataclass(frozen=True, slots=True)
class _Amount:
    """A price's value as written, before the statement adds its segment and marks."""

    kind: str
    amount: Decimal | None = None
    currency: str | None = None
    unit: Token | None = None
    period: Token | None = None
    tax: str | None = None
    starting: bool = False
    basis: Token | None = None
    minimum: tuple[Token, Token] | None = None  # `minimum 10 users`: the count and the unit as written
    billing: Token | None = None  # `billed yearly`
    floor: _Amount | None = None  # `at least 500 EUR per month`, of a percentage
    setup: tuple[_Amount, Token | None, Pos] | None = None  # `plus 3000 EUR setup`: the fee, its word, where `plus` is
    parts: tuple[tuple[_Amount, Pos], ...] = ()  # `plus 350 SEK per server`: parts that add up with the price, where `plus` is
    pack: tuple[Token, Token] | None = None  # `for 10 hours`: the count and the unit as written
    at: Pos | None = None  # where a least amount (`at least ...`) is written


def _unit_and_period(first: Token | None, second: Token | None) -> tuple[Token | None, Token | None]:
    """`per user per month`: the unit, then the period; a lone `per` word is a unit when it names one."""
    if second is not None:
        return first, second
    if first is not None and str(first) in PRICE_UNITS:
        return first, None
    return None, first


@dataclass(frozen=True, slots=True)
class _Stmt:
    """One statement inside a block, before the block folds its statements."""

    kind: str
    value: Any
    pos: Pos


def _grammar() -> str:
    text = (files("dsl.language") / "grammar.lark").read_text(encoding="utf-8")
    # The parser turns a weekday into its index, so it must know the words; they come from the vocabulary.
    return text + f"\nDAY.2: /({'|'.join(WEEKDAYS)})\\b/\n"


_MAX_RECOVERIES = 200
"""Syntax errors the parser resumes after in one file; later ones are not reported (the first 20 are)."""


@lru_cache(maxsize=1)
def _lark() -> Lark:
    return _cached_lark(_grammar())


# --- the compiled parser, kept between runs ---------------------------------------------------
# Building the LALR tables and checking the terminals for collisions (strict=True) takes most of a
# second, longer than parsing the five plans: the built parser is saved once per grammar, Lark and
# Python version in the user's cache folder and loaded from there by every later run.

_LARK_OPTIONS: dict[str, Any] = {"parser": "lalr", "strict": True, "propagate_positions": True, "maybe_placeholders": True}


def grammar_key(grammar: str) -> str:
    """A hash of the grammar and of everything its compiled form depends on."""
    import lark

    source = "\0".join((grammar, repr(sorted(_LARK_OPTIONS.items())), lark.__version__, sys.version))
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:24]


def _cached_lark(grammar: str) -> Lark:
    """The parser of `grammar`, loaded from the user's cache when it was built before (else built and saved)."""
    folder = user_cache_folder()
    if folder is None:  # caches off, or no home folder to keep one in
        return Lark(grammar, **_LARK_OPTIONS)
    path = folder / f"parser-{grammar_key(grammar)}.pickle"
    try:
        with open(path, "rb") as fh:
            return Lark.load(fh)
    except Exception:  # no cache yet, or one from a killed run: build it again
        pass
    parser = Lark(grammar, **_LARK_OPTIONS)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_with(str(path), str(folder), ".parser-", parser.save)
    except OSError:  # a read-only home: every run builds the parser, as before
        pass
    return parser


# --- building the model while parsing --------------------------------------------------------
# Lark's way is a parse tree, then the Transformer (`_Builder.transform`); `lalr.BuildingParser` lexes, parses
# and calls `_Builder`'s methods in one loop instead, for valid files (see dsl/language/lalr.py for why and
# how). Anything else is parsed Lark's way, which reports the syntax errors.


@lru_cache(maxsize=1)
def _building_parser() -> lalr.BuildingParser:
    return lalr.BuildingParser(_lark(), _Builder)


def prepare() -> None:
    """Have the parser ready (compiled or loaded from the cache), e.g. before worker processes are forked."""
    _building_parser()


_LONE_CR = re.compile(r"\r(?!\n)")


def parse_text(text: str, path: str) -> tuple[FileDecl | None, list[Diagnostic]]:
    """Parse one plan file's text; returns its declarations (None on syntax errors) and diagnostics."""
    # A file saved with old Mac line ends (a lone CR) shows as lines in every editor, but the lexer counts lines
    # by LF and takes CR for a space: every diagnostic would be on line 1. One character for one keeps each offset.
    text = _LONE_CR.sub("\n", text)
    text = without_byte_order_mark(text)
    too_big = limits.check_limits(text, path)
    if too_big:  # before the lexer, the int conversions and the checks would pay for the excess
        return None, too_big
    diagnostics: list[Diagnostic] = []
    stuck_in: set[int] = set()
    last_error = [-1]  # where the previous syntax error's token ended, as an index into the text
    recoveries = [0]

    def recover(exc: UnexpectedInput) -> bool:
        # Lark resumes by skipping the bad token. While the parser stays in the
        # state that failed, every further token fails the same way: report the
        # first only, so a second real mistake further on is still found.
        state = exc.state.position if isinstance(exc, UnexpectedToken) and exc.state else None
        at_end = isinstance(exc, UnexpectedToken) and exc.token.type == "$END"
        if at_end and diagnostics:
            return False  # skipping tokens after an earlier error ate the rest of the file
        start = _error_offset(exc)
        # An error within a few tokens of the previous one is the parser stumbling over the
        # rest of the same mistake: it is not reported again.
        caused = last_error[0] >= 0 and start is not None and _tokens_between(text, last_error[0], start) < 3
        if (state is None or state not in stuck_in) and not caused:
            diagnostics.append(syntax_errors.describe(exc, text, path, _lark()))
        if state is not None:
            stuck_in.add(state)
        if start is not None:
            last_error[0] = start + (len(str(exc.token)) if isinstance(exc, UnexpectedToken) else 1)
        # Each recovery costs the parser a state search: a file of 100,000 stray braces would take
        # seconds to skip token by token, so resuming stops after a bounded number of attempts.
        recoveries[0] += 1
        return len(diagnostics) < 20 and recoveries[0] < _MAX_RECOVERIES

    builder = _Builder(path)
    try:
        decl = _building_parser().build(text, builder).value
    except lalr.NotBuilt:
        # Not a valid file (or a rule method failed): Lark's own way, which reports the syntax errors and
        # resumes after them, and raises what a method raises on a file that has none.
        builder = _Builder(path)
        tree: Tree[Token] | None
        try:
            tree = _lark().parse(text, on_error=recover)
        except (UnexpectedCharacters, UnexpectedToken, UnexpectedEOF) as exc:
            if not diagnostics:
                diagnostics.append(syntax_errors.describe(exc, text, path, _lark()))
            tree = None
        if diagnostics or tree is None:
            return None, _after_text_mistakes(text, path, _one_per_line(diagnostics))
        try:
            decl = builder.transform(tree)
        except VisitError as exc:  # a bug in a rule method, not in the plan
            raise exc.orig_exc from exc
    too_many = _table_limits(decl)
    if too_many:  # before resolving: `extends` chains of thousands of plans would copy their cells for each
        return None, too_many
    empty = syntax_errors.empty_file(text, path)
    return decl, ([empty] if empty else []) + builder.diagnostics + limits.text_warnings(text, path)


def _table_limits(decl: FileDecl) -> list[Diagnostic]:
    """T0117 at the first plan or feature of a vendor beyond the limits (limits.MAX_PLANS, limits.MAX_FEATURES)."""
    found = []
    for vendor in decl.vendors:
        for items, limit, what in ((vendor.plans, limits.MAX_PLANS, "plans"), (vendor.features, limits.MAX_FEATURES, "features")):
            if len(items) > limit:
                found.append(error(
                    f"vendor '{vendor.id}' has {len(items):,} {what}; a vendor may have at most {limit:,}",
                    items[limit].pos,
                    "each plan is a column of the vendor's comparison table and each feature a row; split the offer into "
                    "several vendors, one plan file each",
                    code="T0117",
                ))
    return found


def _error_offset(exc: UnexpectedInput) -> int | None:
    """Where in the text a syntax error's token starts (None at the end of the file)."""
    if isinstance(exc, UnexpectedToken):
        return None if exc.token.type == "$END" else exc.token.start_pos
    if isinstance(exc, UnexpectedCharacters):
        return exc.pos_in_stream
    return None


_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[^\s{}(),"#]+|[{}(),]')


def _tokens_between(text: str, start: int, end: int) -> int:
    """About how many tokens stand between two places of the text (comments left out)."""
    between = re.sub(r"#[^\n]*", "", text[start:end])
    return len(_TOKEN.findall(between))


def _after_text_mistakes(text: str, path: str, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """A text opened with \"\"\" and closed with " throws the parser off for the rest of the file: report that alone."""
    mistake = syntax_errors.triple_quote_mistake(text, path)
    if mistake is None:
        return diagnostics
    opened = mistake.notes[0][1] if mistake.notes else mistake.pos
    before = [d for d in diagnostics if (d.pos.line, d.pos.column) < (opened.line, opened.column)]
    return [*before, mistake]


def parse_file(path: Path) -> tuple[str, FileDecl | None, list[Diagnostic]]:
    """Read and parse one plan file; returns its text, declarations and diagnostics."""
    status = path.stat()
    if not stat.S_ISREG(status.st_mode):  # a FIFO would stall the read, /dev/zero never end it
        mode = status.st_mode
        kind = "a pipe" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else ""
        message = f"'{path}' is {kind}, not a plan file" if kind else f"'{path}' is not a regular file"
        return "", None, [error(message, Pos(str(path), 0, 0), "name a .plan file or a folder of them", code="T0203")]
    too_big = limits.check_size(status.st_size, str(path))
    if too_big is not None:  # not even read: a plan file is never that large
        return "", None, [too_big]
    with open(path, "rb") as handle:
        data = handle.read(limits.MAX_FILE_BYTES + 1)  # bounded even if the file grows meanwhile
    too_big = limits.check_size(len(data), str(path))
    if too_big is not None:
        return "", None, [too_big]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Show the file as far as it can be read, and point at the first byte that is not UTF-8.
        shown = data.decode("utf-8", errors="replace")
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", errors="replace")) + 1
        byte = data[exc.start]
        latin = bytes([byte]).decode("cp1252", errors="replace")
        hint = (
            f"save the file as UTF-8 (the byte 0x{byte:02X} is '{latin}' in Windows-1252 or Latin-1, "
            "the encoding the file was probably saved in)"
        )
        diag = error("the file is not UTF-8 text", Pos(str(path), line, column, line, column + 1), hint, code="T0107")
        return shown, None, [diag]
    decl, diagnostics = parse_text(text, str(path))
    return text, decl, diagnostics


def _one_per_line(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    seen: set[tuple[str, int]] = set()
    kept = []
    for d in diagnostics:
        key = (d.pos.file, d.pos.line)
        if key not in seen:
            seen.add(key)
            kept.append(d)
    return kept


def _time(token: Token, pos: Pos, diagnostics: list[Diagnostic]) -> int | None:
    """Minutes since midnight, or None (reported) when the text names no time of day."""
    hours, minutes = (int(part) for part in token.split(":"))
    if minutes >= 60 or hours > 24 or (hours == 24 and minutes):
        diagnostics.append(error(f"'{token}' is not a time of day", pos, "times run from 00:00 to 24:00", code="T0509"))
        return None
    return hours * 60 + minutes


def _unquote(token: Token) -> str:
    raw = str(token)
    if raw.startswith('"""'):
        body = raw[3:-3]
        first, _, rest = body.partition("\n")
        # Continuation lines are indented to line up in the plan file; that indentation is not content.
        return (first.strip() + "\n" + textwrap.dedent(rest)).strip() if rest else first.strip()
    body = raw[1:-1]
    return body.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


_WRITTEN = {
    "cells": ("features", "write every cell of the plan in one features { … } block, a cell a line"),
    "no_support": ("no support", "keep one and remove the others"),
    "always": ("open 24x7", "keep one and remove the others"),
    "customer_holidays": ("closed holidays customer", "name every country on one line: closed holidays customer SE, PL"),
    "uses_priorities": ("priorities", "a vendor uses one scheme of priorities: keep one and remove the others"),
}
"""The statements a block holds once whose kind (the parser's name) is not what an author writes: (the words, a hint)."""


def _optional(token: Token | None) -> str | None:
    return str(token) if token is not None else None


def _text_stmt(kind: str) -> Callable[[_Builder, Any, list[Text]], _Stmt]:
    """The rule method of a statement that is a keyword and one text (name, intro, label ...)."""

    def rule(self: _Builder, meta: Any, children: list[Text]) -> _Stmt:
        return _Stmt(kind, children[0], self._pos(meta))

    return rule


@v_args(meta=True)
class _Builder(Transformer[Token, Any]):
    """Builds model objects bottom-up; each block folds the statements inside it."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        self.texts: list[Text] = []

    # --- helpers ---

    def _pos(self, meta: Any) -> Pos:
        if getattr(meta, "empty", True):
            return Pos(self.path, 0, 0)
        return Pos(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    def _tpos(self, token: Token) -> Pos:
        line = token.line or 0
        column = token.column or 0
        return Pos(self.path, line, column, token.end_line or line, token.end_column or column)

    def _opt_tpos(self, token: Token | None) -> Pos:
        return self._tpos(token) if token is not None else Pos(self.path, 0, 0)

    def _fold(self, stmts: list[Any], single: set[str], owner: str) -> dict[str, Any]:
        """Group statements by kind; a statement the element holds once that appears twice cannot be built."""
        out: dict[str, Any] = {}
        for stmt in stmts:
            if not isinstance(stmt, _Stmt):
                continue
            if stmt.kind in single:
                if stmt.kind in out:
                    written, hint = _WRITTEN.get(stmt.kind, (stmt.kind, "keep one and remove the others"))
                    self.diagnostics.append(error(f"{owner} has more than one '{written}'", stmt.pos, hint, code="T0303"))
                    continue
                out[stmt.kind] = stmt.value
            else:
                out.setdefault(stmt.kind, []).append(stmt.value)
        return out

    def _currency(self, token: Token) -> str:
        """An amount's currency; one that is no ISO 4217 code in use is reported (T0438), and kept, so the rest is checked."""
        code = str(token)
        if code not in CURRENCIES:
            # Two letters swapped (SKE) first, the letters most in place first; then the codes difflib finds alike.
            swapped = sorted((c for c in CURRENCIES if sorted(c) == sorted(code)), key=lambda c: -sum(a == b for a, b in zip(c, code, strict=True)))
            alike = difflib.get_close_matches(code, CURRENCIES, n=3, cutoff=0.6)
            close = [f"'{c}'" for c in dict.fromkeys([*swapped, *alike])][:3]
            what = "a currency is written as its ISO 4217 code, such as SEK, EUR, PLN or USD"
            if close:
                what = f"did you mean {', '.join(close[:-1]) + ' or ' if len(close) > 1 else ''}{close[-1]}? A{what[1:]}"
            self._required(f"unknown currency '{code}'", self._tpos(token), what, code="T0438")
        return code

    def _required(self, what: str, pos: Pos, hint: str, code: str) -> None:
        self.diagnostics.append(error(what, pos, hint, code=code))

    # --- texts ---

    def _mixed_indentation(self, token: Token) -> None:
        if str(token).startswith('"""'):
            found = syntax_errors.mixed_indentation(str(token), self._tpos(token))
            if found is not None:
                self.diagnostics.append(found)

    def neutral_text(self, meta: Any, children: list[Token]) -> Text:
        # A plain string is the same in every language: names, numbers, addresses.
        self._mixed_indentation(children[0])
        value = _unquote(children[0])
        return Text((("*", value),), self._tpos(children[0]))

    def translated_text(self, meta: Any, children: list[tuple[str, str, Pos]]) -> Text:
        # Every value is kept as written, a repeated or unknown language code too: the checks judge them.
        text = Text(
            tuple((lang, value) for lang, value, _ in children),
            self._pos(meta),
            tuple(pos for _, _, pos in children),
        )
        self.texts.append(text)
        return text

    def translation(self, meta: Any, children: list[Token]) -> tuple[str, str, Pos]:
        lang, string = children
        self._mixed_indentation(string)
        return str(lang), _unquote(string), self._tpos(lang)

    def text(self, meta: Any, children: list[Text]) -> Text:
        return children[0]

    # --- simple statements ---

    name = _text_stmt("name")
    intro = _text_stmt("intro")
    note = _text_stmt("note")
    label = _text_stmt("label")
    description = _text_stmt("description")
    definition = _text_stmt("definition")
    example = _text_stmt("example")

    def language(self, meta: Any, children: list[Token]) -> _Stmt:
        return _Stmt("language", Ref(str(children[0]), self._tpos(children[0])), self._pos(meta))

    def language_only(self, meta: Any, children: list[Token]) -> _Stmt:
        # One statement with `language`: a vendor says its language once, with or without `only`.
        also = tuple(Ref(str(code), self._tpos(code)) for code in children[1:])
        return _Stmt("language", OnlyLanguage(str(children[0]), self._tpos(children[0]), also), self._pos(meta))

    def website(self, meta: Any, children: list[Token]) -> _Stmt:
        return _Stmt("website", _unquote(children[0]), self._pos(meta))

    def contact(self, meta: Any, children: list[Any]) -> _Stmt:
        kind, value, alias, group, hours, answered, label = children
        contact = Contact(
            id=str(alias or kind),
            kind=str(kind),
            value=_unquote(value) if value is not None else None,
            hours=_optional(hours),
            label=label,
            pos=self._pos(meta),
            kind_pos=self._tpos(kind),
            group=_optional(group),
            answered=_optional(answered),
            value_pos=self._opt_tpos(value),
            group_pos=self._opt_tpos(group),
            hours_pos=self._opt_tpos(hours),
            answered_pos=self._opt_tpos(answered),
        )
        return _Stmt("contact", contact, contact.pos)

    def contact_group(self, meta: Any, children: list[Any]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("contact_group", ContactGroup(str(children[0]), children[1], pos), pos)

    def segment(self, meta: Any, children: list[Any]) -> _Stmt:
        return _Stmt("segment", Segment(str(children[0]), children[1], self._pos(meta)), self._pos(meta))

    def footnote(self, meta: Any, children: list[Any]) -> _Stmt:
        return _Stmt("footnote", Footnote(str(children[0]), children[1], self._pos(meta)), self._pos(meta))

    def category(self, meta: Any, children: list[Any]) -> _Stmt:
        return _Stmt("category", Category(str(children[0]), children[1], self._pos(meta)), self._pos(meta))

    def feature(self, meta: Any, children: list[Any]) -> _Stmt:
        fid, category, mark, *stmts = children
        pos = self._pos(meta)
        parts = self._fold(stmts, {"label", "description"}, f"feature '{fid}'")
        label = parts.get("label")
        if label is None:
            self._required(f"feature '{fid}' has no label", pos, "add a line such as: label { sv \"...\" en \"...\" }", code="T0408")
            label = Text((("*", str(fid)),), pos)
        feature = Feature(
            id=str(fid),
            category=_optional(category),
            label=label,
            description=parts.get("description"),
            marks=(str(mark),) if mark is not None else (),
            pos=pos,
        )
        return _Stmt("feature", feature, pos)

    def metric(self, meta: Any, children: list[Any]) -> _Stmt:
        mid, *stmts = children
        parts = self._fold(stmts, {"name", "definition"}, f"metric '{mid}'")
        pos = self._pos(meta)
        return _Stmt("metric", MetricText(str(mid), parts.get("name"), parts.get("definition"), pos), pos)

    def uses_priorities(self, meta: Any, children: list[Token]) -> _Stmt:
        return _Stmt("uses_priorities", Ref(str(children[0]), self._tpos(children[0])), self._pos(meta))

    # --- plans ---

    def amount(self, meta: Any, children: list[Any]) -> _Amount:
        number, currency, pack, first_per, second_per, minimum, billing, *pluses, floor, tax = children
        unit, period = _unit_and_period(first_per, second_per)
        # A `plus` term with its word is a set-up fee; one without, per something, a part of the price that adds up with
        # it; one with neither is a fee without its word (T0425), which the checks say how to write either way.
        for term in pluses:  # a billing interval written after a part is the whole price's
            if term[0].billing is not None:
                if billing is not None:
                    self._required(
                        "a price is billed at one interval", self._tpos(term[0].billing),
                        "write 'billed ...' once, after the price's parts: price 4900 SEK per month plus 350 SEK per server billed quarterly",
                        code="T0437",
                    )
                billing = billing or term[0].billing
        fees = [term for term in pluses if term[1] is not None or (term[0].unit is None and term[0].period is None)]
        parts = tuple((term[0], term[2]) for term in pluses if term not in fees)
        for extra in fees[1:]:
            self._required(
                "a price has one set-up fee", extra[2],
                "add the fees up, or write a price of its own for what is paid otherwise", code="T0437",
            )
        return _Amount(
            "amount", Decimal(str(number)), self._currency(currency), unit, period, tax, minimum=minimum, billing=billing,
            setup=fees[0] if fees else None, pack=pack, floor=floor, parts=parts,
        )

    def pack(self, meta: Any, children: list[Token]) -> tuple[Token, Token]:
        count, unit = children
        return (count, unit)

    def free(self, meta: Any, children: list[Any]) -> _Amount:
        return _Amount("free")

    def included(self, meta: Any, children: list[Any]) -> _Amount:
        return _Amount("included", basis=children[0])

    def on_request(self, meta: Any, children: list[Any]) -> _Amount:
        return _Amount("on-request")

    def not_offered(self, meta: Any, children: list[Any]) -> _Amount:
        return _Amount("not-offered")

    def contact_sales(self, meta: Any, children: list[Any]) -> _Amount:
        return _Amount("contact-sales")

    def percent_of(self, meta: Any, children: list[Any]) -> _Amount:
        number, basis, period, floor, tax = children
        return _Amount("percent", Decimal(str(number)), None, None, period, tax, basis=basis, floor=floor)

    def from_amount(self, meta: Any, children: list[_Amount]) -> _Amount:
        return dataclasses.replace(children[0], starting=True)

    def tax_excluded(self, meta: Any, children: list[Any]) -> str:
        return "excluded"

    def tax_included(self, meta: Any, children: list[Any]) -> str:
        return "included"

    def _price(self, segment: Token | None, value: _Amount, marks: tuple[str, ...], pos: Pos) -> Price:
        return Price(
            segment=_optional(segment),
            kind=value.kind,
            amount=value.amount,
            currency=value.currency,
            period=_optional(value.period),
            marks=marks,
            pos=pos,
            period_pos=self._opt_tpos(value.period),
            unit=_optional(value.unit),
            starting=value.starting,
            tax=value.tax,
            unit_pos=self._opt_tpos(value.unit),
            basis=_optional(value.basis),
            basis_pos=self._opt_tpos(value.basis),
            minimum=int(value.minimum[0]) if value.minimum is not None else None,
            minimum_unit=str(value.minimum[1]) if value.minimum is not None else None,
            minimum_pos=self._opt_tpos(value.minimum[0] if value.minimum is not None else None),
            billing=_optional(value.billing),
            billing_pos=self._opt_tpos(value.billing),
            floor=self._price(None, value.floor, (), value.floor.at or pos) if value.floor is not None else None,
            setup=self._price(None, value.setup[0], (), value.setup[2]) if value.setup is not None else None,
            parts=tuple(self._price(None, part, (), at) for part, at in value.parts),
            setup_word=_optional(value.setup[1]) if value.setup is not None else None,
            pack=int(value.pack[0]) if value.pack is not None else None,
            pack_unit=str(value.pack[1]) if value.pack is not None else None,
            pack_pos=self._opt_tpos(value.pack[0] if value.pack is not None else None),
            setup_pos=self._tpos(value.setup[1]) if value.setup is not None and value.setup[1] is not None else (
                value.setup[2] if value.setup is not None else Pos(self.path, 0, 0)
            ),
        )

    def price(self, meta: Any, children: list[Any]) -> _Stmt:
        segment, value, mark = children
        pos = self._pos(meta)
        price = self._price(segment, value, (str(mark),) if mark is not None else (), pos)
        return _Stmt("price", price, pos)

    def yes(self, meta: Any, children: list[Any]) -> tuple[str, None, None]:
        return ("included", None, None)

    def no(self, meta: Any, children: list[Any]) -> tuple[str, None, None]:
        return ("excluded", None, None)

    def quantity(self, meta: Any, children: list[Any]) -> tuple[str, Text | None, Quantity]:
        count, period, text = children
        return ("quantity", text, Quantity(int(count), _optional(period), self._opt_tpos(period)))

    def allowance(self, meta: Any, children: list[Any]) -> tuple[str, Text | None, Quantity]:
        (minutes, _pos), period, text = children
        return ("allowance", text, Quantity(minutes, _optional(period), self._opt_tpos(period)))

    def quantity_only(self, meta: Any, children: list[Any]) -> Quantity:
        count, period = children
        return Quantity(int(count), _optional(period), self._opt_tpos(period))

    def cell(self, meta: Any, children: list[Any]) -> Cell:
        fid, value, mark = children
        if isinstance(value, Text):
            value = ("text", value, None)
        price: Price | None = None
        more: tuple[Price, ...] = ()
        if isinstance(value, tuple) and value and isinstance(value[0], Price):  # an add-on's prices
            price, more = value[0], value[1:]
            value = ("add-on", None, None)
        elif value == "add-on":  # an add-on whose price the plan does not give
            value = ("add-on", None, None)
        elif value in ("not-applicable", "not-stated"):
            value = (value, None, None)
        kind, text, quantity = value
        return Cell(
            feature=str(fid),
            kind=kind,
            text=text,
            quantity=quantity,
            marks=(str(mark),) if mark is not None else (),
            pos=self._tpos(fid),
            price=price,
            more_prices=more,
        )

    def addon(self, meta: Any, children: list[Any]) -> tuple[Price, ...] | str:
        # An add-on's prices, when given, are Prices like a plan's (amounts, or on request); else just "add-on".
        values = [c for c in children if c is not None]
        if not values:
            return "add-on"
        # Each amount is located at itself (addon_amount); `on request` at the add-on.
        return tuple(v if isinstance(v, Price) else self._price(None, v, (), self._pos(meta)) for v in values)

    def addon_amount(self, meta: Any, children: list[Any]) -> Price:
        # An add-on has no set-up fee: its amount is a plan price's without one.
        *terms, tax = children
        return self._price(None, self.amount(meta, [*terms, None, tax]), (), self._pos(meta))

    def addon_percent(self, meta: Any, children: list[Any]) -> Price:
        return self._price(None, self.percent_of(meta, children), (), self._pos(meta))

    # --- how vendors really write prices ---

    def price_minimum(self, meta: Any, children: list[Token]) -> tuple[Token, Token]:
        count, unit = children
        return (count, unit)

    def billing(self, meta: Any, children: list[Token]) -> Token:
        return children[0]

    def setup_fee(self, meta: Any, children: list[Any]) -> tuple[_Amount, Token | None, Pos]:
        number, currency, first_per, second_per, billing, word = children
        unit, period = _unit_and_period(first_per, second_per)
        # The fee (or part) is located at `plus`; its word, when written, at itself (Price.setup_pos).
        return (_Amount("amount", Decimal(str(number)), self._currency(currency), unit, period, billing=billing), word, self._pos(meta))

    def percent_floor(self, meta: Any, children: list[Any]) -> _Amount:
        number, currency, period = children
        return _Amount("amount", Decimal(str(number)), self._currency(currency), None, period, at=self._pos(meta))

    def not_applicable(self, meta: Any, children: list[Any]) -> str:
        return "not-applicable"

    def not_stated(self, meta: Any, children: list[Any]) -> str:
        return "not-stated"

    # --- tiers, sources and editorial voice (issue 8) ---

    def recommended(self, meta: Any, children: list[Any]) -> _Stmt:
        return _Stmt("recommended", True, self._pos(meta))

    def no_support(self, meta: Any, children: list[Any]) -> _Stmt:
        return _Stmt("no_support", True, self._pos(meta))

    def applies_to(self, meta: Any, children: list[Any]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("applies_to", AppliesTo(str(children[0]), children[1], pos), pos)

    def editorial_note(self, meta: Any, children: list[Text]) -> _Stmt:
        return _Stmt("editorial_note", children[0], self._pos(meta))

    def editorial_footnote(self, meta: Any, children: list[Any]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("footnote", Footnote(str(children[0]), children[1], pos, editorial=True), pos)

    def source(self, meta: Any, children: list[Any]) -> _Stmt:
        title, url, published, read = children
        pos = self._pos(meta)
        day = self._date(read) if read is not None else None
        issued: date | int | None = None
        if published is not None:
            issued = int(published) if published.type == "INT" else self._date(published)
        found = Source(
            title, _unquote(url) if url is not None else None, day, pos, self._opt_tpos(url), issued, self._opt_tpos(published)
        )
        return _Stmt("source", found, pos)

    def support_languages(self, meta: Any, children: list[Token]) -> _Stmt:
        codes: list[str] = []
        for token in children:
            code = str(token)
            if code in codes:
                self.diagnostics.append(
                    warning(f"the language '{code}' is listed twice", self._tpos(token), "name each language once", code="T0811")
                )
            elif code not in support_language_codes():
                named = support_language_named(code)
                close = did_you_mean(code, support_language_codes()) if len(code) <= 3 else None
                hint = f"did you mean '{named}'? Languages are written as ISO 639 codes" if named else close
                base, dash, region = code.partition("-")
                if dash and region and base.lower() in support_language_codes():  # `pt-PT`, `en-GB`: a locale, not a language
                    hint = f"a language is written without its region: {base.lower()}"
                hint = hint or "write the ISO 639 code of the language, such as sv, it, pl or en"
                self.diagnostics.append(error(f"unknown language '{code}'", self._tpos(token), hint, code="T0810"))
            else:
                codes.append(code)
        return _Stmt("support languages", tuple(codes), self._pos(meta))

    def features(self, meta: Any, children: list[Cell]) -> _Stmt:
        return _Stmt("cells", tuple(children), self._pos(meta))

    def all(self, meta: Any, children: list[Any]) -> None:
        return None

    def none(self, meta: Any, children: list[Any]) -> str:
        return "none"

    def duration(self, meta: Any, children: list[Token]) -> tuple[int, Pos]:
        minutes = 0
        for part in children:
            text = str(part)
            minutes += int(text[:-1]) * 60 if text.endswith("h") else int(text[:-3])
        return minutes, self._pos(meta)

    def target(self, meta: Any, children: list[Any]) -> _Stmt:
        metric, priority, case, amount, calendar, cutoff = children
        pos = self._pos(meta)
        no_pos = Pos(self.path, 0, 0)
        cutoff_minute, cutoff_pos = cutoff if cutoff is not None else (None, no_pos)
        minutes, minutes_pos = None, no_pos
        days, day_end, published, calendar_days = None, False, True, False
        if amount == "unpublished":
            published = False
        elif isinstance(amount, _Days):
            days, day_end, minutes_pos = amount.count, amount.day_end, amount.pos
        elif isinstance(amount, _CalendarDays):
            minutes, minutes_pos, calendar_days = amount.count * 24 * 60, amount.pos, True
        elif amount != "none":
            minutes, minutes_pos = amount
        target = Target(
            metric=str(metric),
            priority=_optional(priority),
            minutes=minutes,
            calendar=_optional(calendar),
            pos=pos,
            minutes_pos=minutes_pos,
            case=case.name if case is not None else None,
            days=days,
            day_end=day_end,
            published=published,
            case_pos=case.pos if case is not None else no_pos,
            cutoff=cutoff_minute,
            cutoff_pos=cutoff_pos,
            calendar_days=calendar_days,
            metric_pos=self._tpos(metric),
            priority_pos=self._opt_tpos(priority),
            calendar_pos=self._opt_tpos(calendar),
        )
        if cutoff_minute is not None and not target.guaranteed:
            said = "not published" if not published else "none"
            self.diagnostics.append(error(
                f"a cut-off on a target of '{said}'", cutoff_pos,
                "a cut-off moves the start of a promised time; remove it, or give the target a time", code="T0850",
            ))
        return _Stmt("target", target, pos)

    def cutoff(self, meta: Any, children: list[Token]) -> tuple[int | None, Pos]:
        token = children[0]
        pos = self._tpos(token)
        minute = _time(token, pos, self.diagnostics)
        if minute is not None and not 0 < minute < 1440:
            self.diagnostics.append(error(
                f"a cut-off at {token}", pos,
                "a cut-off is a time of day between 00:01 and 23:59: reports from then on count from the next business day",
                code="T0851",
            ))
            minute = None
        return minute, pos

    # --- issue 8: case kinds, business days, unpublished targets, the customer's holidays ---

    def case_kind(self, meta: Any, children: list[Any]) -> _Stmt:
        cid, text = children
        pos = self._pos(meta)
        return _Stmt("case", CaseKind(str(cid), text, pos), pos)

    def for_case(self, meta: Any, children: list[Token]) -> Ref:
        return Ref(str(children[0]), self._tpos(children[0]))

    def business_days(self, meta: Any, children: list[Token]) -> _Days:
        return _Days(int(children[0]), False, self._pos(meta))

    def day_end(self, meta: Any, children: list[Token]) -> _Days:
        return _Days(int(children[0]), True, self._tpos(children[0]))

    def calendar_days(self, meta: Any, children: list[Token]) -> _CalendarDays:
        return _CalendarDays(int(children[0]), self._pos(meta))

    def not_published(self, meta: Any, children: list[Any]) -> str:
        return "unpublished"

    def closed_customer_holidays(self, meta: Any, children: list[Token]) -> _Stmt:
        countries = (tuple(str(c) for c in children), self._pos(meta), tuple(self._tpos(c) for c in children))
        return _Stmt("customer_holidays", countries, self._pos(meta))

    def coverage(self, meta: Any, children: list[Any]) -> _Stmt:
        priority, case, calendar = children
        pos = self._pos(meta)
        coverage = Coverage(
            _optional(priority), str(calendar), pos, case.name if case is not None else None,
            self._opt_tpos(priority), self._tpos(calendar), case.pos if case is not None else Pos(self.path, 0, 0),
        )
        return _Stmt("coverage", coverage, pos)

    def no_target(self, meta: Any, children: list[Any]) -> _Stmt:
        metric, priority, case = children
        pos = self._pos(meta)
        return _Stmt("dropped", Dropped("target", str(metric), _optional(priority), case.name if case is not None else None, pos), pos)

    def no_coverage(self, meta: Any, children: list[Any]) -> _Stmt:
        priority, case = children
        pos = self._pos(meta)
        return _Stmt("dropped", Dropped("coverage", None, _optional(priority), case.name if case is not None else None, pos), pos)

    def obligation(self, meta: Any, children: list[Any]) -> _Stmt:
        oid, limited, quantity, after, calendar, text = children
        pos = self._pos(meta)
        after_minutes, after_pos = after if after is not None else (None, Pos(self.path, 0, 0))
        priorities, priorities_pos = limited if limited is not None else ((), ())
        obligation = Obligation(
            id=str(oid),
            text=text,
            quantity=quantity,
            after_minutes=after_minutes,
            calendar=_optional(calendar),
            pos=pos,
            after_pos=after_pos,
            priorities=priorities,
            priorities_pos=priorities_pos,
        )
        return _Stmt("obligation", obligation, pos)

    def recurring_obligation(self, meta: Any, children: list[Any]) -> _Stmt:
        oid, limited, (every_minutes, every_pos), calendar, text = children
        priorities, priorities_pos = limited if limited is not None else ((), ())
        pos = self._pos(meta)
        obligation = Obligation(
            id=str(oid),
            text=text,
            calendar=str(calendar),
            pos=pos,
            priorities=priorities,
            priorities_pos=priorities_pos,
            every_minutes=every_minutes,
            every_pos=every_pos,
        )
        return _Stmt("obligation", obligation, pos)

    def obligation_for(self, meta: Any, children: list[Token]) -> tuple[tuple[str, ...], tuple[Pos, ...]]:
        return tuple(str(p) for p in children), tuple(self._tpos(p) for p in children)

    def channel(self, meta: Any, children: list[Any]) -> tuple[Ref, tuple[ChannelHours, ...], ChannelPriorities | None]:
        channel, hours, answered, priorities = children
        assert channel is not None  # the grammar requires the id
        ref = Ref(str(channel), self._tpos(channel))
        limited = ChannelPriorities(ref.name, *priorities) if priorities is not None else None
        own: tuple[ChannelHours, ...] = (ChannelHours(ref.name, str(hours), self._pos(meta)),) if hours is not None else ()
        if answered is not None:
            own += (ChannelHours(ref.name, str(answered), self._tpos(answered), answered=True),)
        return ref, own, limited

    def channel_for(self, meta: Any, children: list[Token]) -> tuple[tuple[str, ...], Pos, tuple[Pos, ...]]:
        return tuple(str(p) for p in children), self._pos(meta), tuple(self._tpos(p) for p in children)

    def channels(self, meta: Any, children: list[tuple[Ref, tuple[ChannelHours, ...], ChannelPriorities | None]]) -> _Stmt:
        return _Stmt("channels", tuple(children), self._pos(meta))

    def plan(self, meta: Any, children: list[Any]) -> _Stmt:
        pid, parent, mark, *written = children
        # A `terms from DATE { ... }` block stands for the statements inside it.
        stmts = [inner for stmt in written for inner in (stmt if isinstance(stmt, list) else (stmt,))]
        pos = self._pos(meta)
        single = {"name", "description", "cells", "channels", "recommended", "no_support", "support languages", "contract"}
        single |= {"availability", "credit", "maintenance", "penalty total"}
        parts = self._fold(stmts, single, f"plan '{pid}'")
        name = parts.get("name")
        if name is None:
            self._required(f"plan '{pid}' has no name", pos, 'add a line such as: name "Gold"', code="T0409")
            name = Text((("*", str(pid)),), pos)
        cells = parts.get("cells", ())
        channels = parts.get("channels", ())
        plan = Plan(
            id=str(pid),
            name=name,
            extends=_optional(parent),
            description=parts.get("description"),
            notes=tuple(parts.get("note", ())),
            prices=tuple(parts.get("price", ())),
            cells=cells,
            own_features=tuple(c.feature for c in cells),
            targets=tuple(parts.get("target", ())),
            coverage=tuple(parts.get("coverage", ())),
            obligations=tuple(parts.get("obligation", ())),
            channels=tuple(r.name for r, _, _ in channels),
            marks=(str(mark),) if mark is not None else (),
            pos=pos,
            channel_hours=tuple(h for _, own, _ in channels for h in own),
            channel_priorities=tuple(p for _, _, p in channels if p is not None),
            recommended=parts.get("recommended", False),
            applies_to=tuple(parts.get("applies_to", ())),
            editorial_notes=tuple(parts.get("editorial_note", ())),
            no_support=parts.get("no_support", False),
            support_languages=parts.get("support languages", ()),
            contract=parts.get("contract"),
            channels_pos=tuple(r.pos for r, _, _ in channels),
            dropped=tuple(parts.get("dropped", ())),
        )
        if "penalty" in parts:
            written = parts["penalty"]
            written_pos = next(s.pos for s in stmts if isinstance(s, _Stmt) and s.kind == "penalty")
            plan = dataclasses.replace(
                plan, penalties=tuple(p for p in written if p is not None), no_penalties=None in written,
                # Where `penalty none` is written (else the first penalty), so that a diagnostic of it points there.
                penalties_pos=next(
                    (s.pos for s in stmts if isinstance(s, _Stmt) and s.kind == "penalty" and s.value is None), written_pos,
                ),
            )
        if "penalty total" in parts:
            plan = dataclasses.replace(plan, penalty_total=parts["penalty total"])
        if "availability" in parts or "credit" in parts or "maintenance" in parts:
            credits, credits_pos, no_credits = parts.get("credit", ((), Pos(self.path, 0, 0), False))
            plan = dataclasses.replace(
                plan, availability=parts.get("availability"), credits=credits, credits_pos=credits_pos, no_credits=no_credits,
                maintenance=parts.get("maintenance"),
            )
        return _Stmt("plan", plan, pos)

    # --- availability (uptime), service credits and maintenance windows ---

    def availability(self, meta: Any, children: list[Any]) -> _Stmt:
        number, period, calendar = children
        pos = self._pos(meta)
        found = Availability(
            Decimal(str(number)), _optional(period), pos, self._opt_tpos(period) if period is not None else pos, _optional(calendar),
            self._tpos(calendar) if calendar is not None else pos,
        )
        return _Stmt("availability", found, pos)

    def credit_step(self, meta: Any, children: list[Token]) -> Credit:
        percent, basis, below = children
        pos = self._pos(meta)
        return Credit(
            Decimal(str(percent)), Decimal(str(below)), pos, self._tpos(below), _optional(basis),
            self._tpos(basis) if basis is not None else pos,
        )

    def credits(self, meta: Any, children: list[Credit]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("credit", (tuple(children), pos, False), pos)

    def no_credits(self, meta: Any, children: list[Any]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("credit", ((), pos, True), pos)

    def maintenance_window(self, meta: Any, children: list[Any]) -> _Stmt:
        calendar, notice = children
        pos = self._pos(meta)
        minutes, notice_pos = notice if notice is not None else (None, Pos(self.path, 0, 0))
        return _Stmt("maintenance", Maintenance(str(calendar), minutes, pos, notice_pos), pos)

    def maintenance_notice(self, meta: Any, children: list[Any]) -> _Stmt:
        minutes, notice_pos = children[0]
        pos = self._pos(meta)
        return _Stmt("maintenance", Maintenance(None, minutes, pos, notice_pos), pos)

    # --- penalties for missed targets ---

    def penalty(self, meta: Any, children: list[Any]) -> _Stmt:
        metric, priority, amount, (per, per_pos), *steps, cap = children
        pos = self._pos(meta)
        cap_amount, cap_per, cap_pos, cap_per_pos = cap if cap is not None else (None, None, Pos(self.path, 0, 0), Pos(self.path, 0, 0))
        found = Penalty(str(metric), _optional(priority), amount, per, cap_amount, cap_per, pos, per_pos, cap_pos, cap_per_pos, tuple(steps),
                        self._tpos(metric), self._opt_tpos(priority))
        return _Stmt("penalty", found, pos)

    def obligation_penalty(self, meta: Any, children: list[Any]) -> _Stmt:
        """`penalty obligation report 100 EUR per business day on office` (lang17): a penalty for a late obligation."""
        obligation, amount, unit, calendar, *steps, cap = children
        held = self.penalty(meta, [Token("ID", ""), None, amount, unit, *steps, cap])
        found = dataclasses.replace(
            held.value, obligation=str(obligation), obligation_pos=self._tpos(obligation), calendar=_optional(calendar),
            calendar_pos=self._opt_tpos(calendar), metric_pos=self._tpos(obligation),
        )
        return _Stmt("penalty", found, held.pos)

    def penalty_step(self, meta: Any, children: list[Any]) -> PenaltyStep:
        amount, (per, per_pos), after, unit, whole = children
        counted = Pos(self.path, after.line or 0, after.column or 0, unit.end_line or 0, unit.end_column or 0)  # `5 days`, for a caret under both
        return PenaltyStep(amount, per, int(after), str(unit), self._pos(meta), per_pos, counted, whole is not None)

    def whole_delay(self, meta: Any, children: list[Any]) -> bool:
        return True

    def penalty_total(self, meta: Any, children: list[Any]) -> _Stmt:
        amount, per, _, per_pos = children[0]
        pos = self._pos(meta)
        return _Stmt("penalty total", PenaltyCap(amount, per, pos, per_pos), pos)

    def penalty_all(self, meta: Any, children: list[Any]) -> None:
        return None

    def no_penalties(self, meta: Any, children: list[Any]) -> _Stmt:
        return _Stmt("penalty", None, self._pos(meta))

    def penalty_share(self, meta: Any, children: list[Any]) -> PenaltyAmount:
        number, *mille, fee, word = children  # `mille`: [True] for `‰` or `per mille` (per_mille), [] for `%`
        # `of monthly fee`: the second word is judged with the first (T0864), so that `of monthly price` gets a hint.
        written = str(fee) if str(word) == "fee" else f"{fee} {word}"
        value = Decimal(str(number))
        # A per mille is kept as a percentage, a tenth of it: exact in Decimal (0.5‰ is 0.05%), so the rules need no new field.
        value = value.scaleb(-1) if mille else value
        return PenaltyAmount(value, None, written, self._pos(meta), Pos(self.path, fee.line or 0, fee.column or 0,
                                                                         word.end_line or 0, word.end_column or 0), bool(mille))

    def per_mille(self, meta: Any, children: list[Any]) -> bool:
        return True

    def penalty_money(self, meta: Any, children: list[Token]) -> PenaltyAmount:
        number, currency = children
        return PenaltyAmount(Decimal(str(number)), str(currency), None, self._pos(meta))

    def penalty_unit(self, meta: Any, children: list[Token]) -> tuple[str, Pos]:
        return " ".join(str(c) for c in children), self._pos(meta)

    def penalty_cap(self, meta: Any, children: list[Any]) -> tuple[PenaltyAmount, str | None, Pos, Pos]:
        amount, per = children
        return amount, _optional(per), self._pos(meta), self._opt_tpos(per) if per is not None else self._pos(meta)

    # --- calendars ---

    def customer(self, meta: Any, children: list[Any]) -> None:
        return None

    def zone(self, meta: Any, children: list[Any]) -> _Stmt:
        return _Stmt("zone", _optional(children[0]), self._pos(meta))

    def hours(self, meta: Any, children: list[Token]) -> DailyHours | None:
        start = _time(children[0], self._tpos(children[0]), self.diagnostics)
        end = _time(children[1], self._tpos(children[1]), self.diagnostics)
        if start is None or end is None:
            return None  # reported: hours that name no time of day cannot be built
        return DailyHours(start, end, self._pos(meta))

    def day_range(self, meta: Any, children: list[Token]) -> tuple[int, ...]:
        first, last = WEEKDAYS.index(str(children[0])), WEEKDAYS.index(str(children[1]))
        if last < first:
            return tuple(range(first, 7)) + tuple(range(0, last + 1))
        return tuple(range(first, last + 1))

    def day_list(self, meta: Any, children: list[Token]) -> tuple[int, ...]:
        return tuple(WEEKDAYS.index(str(t)) for t in children)

    def open_days(self, meta: Any, children: list[Any]) -> _Stmt:
        days, *hours = children
        if isinstance(days, Token):
            days = (WEEKDAYS.index(str(days)),)
        intervals = tuple(WeeklyInterval(d, h.start, d, h.end, h.pos) for d in days for h in hours if h is not None)
        return _Stmt("weekly", intervals, self._pos(meta))

    def open_span(self, meta: Any, children: list[Token]) -> _Stmt:
        d1, t1, d2, t2 = children
        pos = self._pos(meta)
        start = _time(t1, self._tpos(t1), self.diagnostics)
        end = _time(t2, self._tpos(t2), self.diagnostics)
        if start is None or end is None:
            return _Stmt("weekly", (), pos)
        interval = WeeklyInterval(WEEKDAYS.index(str(d1)), start, WEEKDAYS.index(str(d2)), end, pos)
        return _Stmt("weekly", (interval,), pos)

    def open_always(self, meta: Any, children: list[Any]) -> _Stmt:
        return _Stmt("always", True, self._pos(meta))

    def closed_holidays(self, meta: Any, children: list[Any]) -> _Stmt:
        country, subdivision, kinds, kept = children
        pos = self._pos(meta)
        # Plan files write categories with hyphens like every other name; the package spells them with '_'.
        extra = [(str(t).replace("-", "_"), self._tpos(t)) for t in (kinds or [])]
        source = HolidaySource(
            str(country),
            _optional(subdivision),
            categories=("public", *(name for name, _ in extra)),
            pos=pos,
            categories_pos=tuple(p for _, p in extra),
            kept_open=tuple(name for name, _ in kept or ()),
            kept_open_pos=tuple(at for _, at in kept or ()),
        )
        return _Stmt("holidays", source, pos)

    def holiday_hours(self, meta: Any, children: list[Any]) -> _Stmt:
        """`hours holidays IT 09:00-13:00` (lang17): a holiday source whose days are open these hours, not closed."""
        country, subdivision, kinds, kept, *hours = children
        held = self.closed_holidays(meta, [country, subdivision, kinds, kept])
        return _Stmt("holidays", dataclasses.replace(held.value, hours=tuple(h for h in hours if isinstance(h, DailyHours))), held.pos)

    def holiday_kinds(self, meta: Any, children: list[Token]) -> list[Token]:
        return children

    def holiday_except(self, meta: Any, children: list[Token]) -> list[tuple[str, Pos]]:
        return [(_unquote(token), self._tpos(token)) for token in children]

    def _date(self, token: Token) -> date | None:
        try:
            return date.fromisoformat(str(token))
        except ValueError:
            self.diagnostics.append(
                error(f"'{token}' is not a date in the calendar", self._tpos(token), "dates are written YYYY-MM-DD, such as 2026-12-24", code="T0510")
            )
            return None

    def closed_date(self, meta: Any, children: list[Token | None]) -> _Stmt | list[_Stmt]:
        pos = self._pos(meta)
        first_token, last_token = children
        day = self._date(first_token) if first_token is not None else None
        if last_token is None:
            return _Stmt("dates", DateHours(day, (), pos) if day else None, pos)
        # One closed date per day, each pointing at the range: a day given twice (T0508) is found as for single dates.
        longer = "a calendar closed for longer is no support calendar; for the same days every year, write: closed yearly MM-DD to MM-DD"
        days = self._span(day, last_token, "closed days", "closed {last} to {first}", longer)
        return [_Stmt("dates", DateHours(one, (), pos), pos) for one in days]

    def _span(self, day: date | None, last_token: Token, what: str, reversed_form: str, longer: str) -> list[date]:
        """The dates from `day` to `last_token`'s, both included; none, with T0518 at the last date, for a span that ends
        before it starts (`reversed_form` the line the other way round, of `first` and `last`) or is longer than the limit."""
        last = self._date(last_token)
        if day is None or last is None:
            return []
        if last < day:
            hint = "write the earlier date first: " + reversed_form.format(first=day, last=last)
            self.diagnostics.append(error(f"the {what} end ({last}) before they start ({day})", self._tpos(last_token), hint, code="T0518"))
            return []
        count = (last - day).days + 1
        if count > limits.MAX_CLOSED_DAYS:
            message = f"the {what} span {count:,} days; a range may span at most {limits.MAX_CLOSED_DAYS}"
            self.diagnostics.append(error(message, self._tpos(last_token), longer, code="T0518"))
            return []
        return [day + timedelta(days=n) for n in range(count)]

    def _month_day(self, token: Token) -> tuple[int, int] | None:
        month, day = (int(part) for part in str(token).split("-"))
        try:
            date(2000, month, day)  # a leap year: 02-29 is a day of some years
        except ValueError:
            hint = "days of the year are written MM-DD, such as 12-24 for 24 December"
            self.diagnostics.append(error(f"'{token}' is not a day of the year", self._tpos(token), hint, code="T0519"))
            return None
        return month, day

    def closed_bridge_days(self, meta: Any, children: list[Any]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("closed bridge days", pos, pos)  # its value is where it is written, for T0525

    def closed_yearly(self, meta: Any, children: list[Token | None]) -> _Stmt:
        return self._yearly(self._pos(meta), children[0], children[1], ())

    def yearly_hours(self, meta: Any, children: list[Any]) -> _Stmt:
        first_token, last_token, *hours = children
        working = any(h == "working-days" for h in hours)
        kept = tuple(h for h in hours if isinstance(h, DailyHours))
        return self._yearly(self._pos(meta), first_token, last_token, kept, working)

    def monthly_hours(self, meta: Any, children: list[Any]) -> _Stmt:
        edge, count, _words, *hours = children
        pos = self._pos(meta)
        number = int(str(count)) if count is not None else 1
        days = MonthlyDays(edge, number, tuple(h for h in hours if isinstance(h, DailyHours)), pos, self._tpos(count) if count is not None else pos)
        return _Stmt("monthly", days, pos)

    def monthly_day_hours(self, meta: Any, children: list[Any]) -> _Stmt:
        day, *hours = children
        pos = self._pos(meta)
        when = ("working" if "working-days" in hours else "before" if "working-day-before" in hours
                else "after" if "working-day-after" in hours else "")
        days = MonthlyDays("day", int(str(day)), tuple(h for h in hours if isinstance(h, DailyHours)), pos, self._tpos(day), when)
        return _Stmt("monthly", days, pos)

    def working_day_before(self, meta: Any, children: list[Any]) -> str:
        return "working-day-before"

    def working_day_after(self, meta: Any, children: list[Any]) -> str:
        return "working-day-after"

    def month_first(self, meta: Any, children: list[Any]) -> str:
        return "first"

    def month_last(self, meta: Any, children: list[Any]) -> str:
        return "last"

    def working_days_only(self, meta: Any, children: list[Any]) -> str:
        return "working-days"

    def _yearly(
        self, pos: Pos, first_token: Token | None, last_token: Token | None, hours: tuple[DailyHours, ...], working: bool = False
    ) -> _Stmt:
        first = self._month_day(first_token) if first_token is not None else None
        last = self._month_day(last_token) if last_token is not None else first
        days = YearlyDays(first, last, pos, hours, working) if first is not None and last is not None else None
        return _Stmt("yearly", days, pos)

    def date_hours(self, meta: Any, children: list[Any]) -> _Stmt | list[_Stmt]:
        token, last_token, *hours = children
        pos = self._pos(meta)
        day = self._date(token)
        working = any(h == "working-days" for h in hours)
        kept = tuple(h for h in hours if isinstance(h, DailyHours))
        if last_token is None:
            return _Stmt("dates", DateHours(day, kept, pos, working_days_only=working) if day else None, pos)
        days = self._span(day, last_token, "days", "hours {last} to {first} …", "for the same days every year, write: hours yearly MM-DD to MM-DD …")
        if not days:
            return []
        # One date a day, each pointing at the line: a day given twice (T0508) is found as for single dates.
        return [_Stmt("dates", DateHours(one, kept, pos, (days[0], days[-1]), working), pos) for one in days]

    def eve(self, meta: Any, children: list[Any]) -> _Stmt:
        *hours, before = children
        named = before if before is not None else ()
        return _Stmt("eve", (tuple(h for h in hours if h is not None), tuple(named)), self._pos(meta))

    def eve_before(self, meta: Any, children: list[Token]) -> list[tuple[str, Pos]]:
        return [(_unquote(token), self._tpos(token)) for token in children]

    def calendar(self, meta: Any, children: list[Any]) -> _Stmt:
        cid, *written = children
        stmts = [stmt for item in written for stmt in (item if isinstance(item, list) else [item])]  # a range: a day each
        pos = self._pos(meta)
        parts = self._fold(stmts, {"name", "zone", "always", "eve", "customer_holidays", "closed bridge days"}, f"calendar '{cid}'")
        # A calendar without 'zone' would read as 'zone customer' (both are None), so it cannot be built.
        if "zone" not in parts and not parts.get("always"):
            self._required(
                f"calendar '{cid}' has no time zone",
                pos,
                "add 'zone Europe/Stockholm' (any IANA zone), or 'zone customer' for the customer's own zone",
                code="T0511",
            )
        if "weekly" not in parts and not parts.get("always"):
            self._required(f"calendar '{cid}' is never open", pos, "add opening hours such as: open mon-fri 08:00-17:00, or: open 24x7", code="T0512")
        customers, customers_pos, country_pos = parts.get("customer_holidays", ((), pos, ()))
        calendar = Calendar(
            id=str(cid),
            zone=parts.get("zone"),
            always_open=parts.get("always", False),
            weekly=tuple(i for group in parts.get("weekly", ()) for i in group),
            holidays=tuple(parts.get("holidays", ())),
            eve_hours=parts.get("eve", ((), ()))[0],
            eve_before=tuple(name for name, _ in parts.get("eve", ((), ()))[1]),
            eve_before_pos=tuple(at for _, at in parts.get("eve", ((), ()))[1]),
            dates=tuple(d for d in parts.get("dates", ()) if d is not None),
            yearly=tuple(y for y in parts.get("yearly", ()) if y is not None),
            monthly=tuple(parts.get("monthly", ())),
            bridge_days="closed bridge days" in parts,
            bridge_days_pos=parts.get("closed bridge days", pos),
            name=parts.get("name"),
            pos=pos,
            customer_holidays=customers,
            customer_holidays_pos=customers_pos,
            customer_holidays_country_pos=country_pos,
            zone_pos=next((st.pos for st in stmts if isinstance(st, _Stmt) and st.kind == "zone"), pos),
        )
        return _Stmt("calendar", calendar, pos)

    # --- priorities ---

    def level(self, meta: Any, children: list[Any]) -> _Stmt:
        lid, *stmts = children
        pos = self._pos(meta)
        parts = self._fold(stmts, {"name", "definition", "example"}, f"level '{lid}'")
        name = parts.get("name") or Text((("*", str(lid)),), pos)
        return _Stmt("level", PriorityLevel(str(lid), name, parts.get("definition"), parts.get("example"), pos), pos)

    def impact(self, meta: Any, children: list[Any]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("impact", AxisValue(str(children[0]), children[1], pos), pos)

    def urgency(self, meta: Any, children: list[Any]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("urgency", AxisValue(str(children[0]), children[1], pos), pos)

    def matrix_row(self, meta: Any, children: list[Token]) -> MatrixRow:
        urgency, *levels = children
        return MatrixRow(str(urgency), tuple(str(t) for t in levels), self._tpos(urgency), tuple(self._tpos(t) for t in levels))

    def matrix(self, meta: Any, children: list[MatrixRow]) -> _Stmt:
        return _Stmt("matrix", (tuple(children), self._pos(meta)), self._pos(meta))

    def priorities(self, meta: Any, children: list[Any]) -> _Stmt:
        sid, *stmts = children
        pos = self._pos(meta)
        parts = self._fold(stmts, {"name", "matrix"}, f"priorities '{sid}'")
        impacts: tuple[AxisValue, ...] = tuple(parts.get("impact", ()))
        urgencies: tuple[AxisValue, ...] = tuple(parts.get("urgency", ()))
        matrix = None
        if "matrix" in parts:
            rows, mpos = parts["matrix"]
            matrix = _matrix(impacts, urgencies, rows, mpos)
        elif impacts or urgencies:
            # The model keeps impacts and urgencies only inside a matrix.
            self._required(
                f"priorities '{sid}' names impacts and urgencies but has no matrix", pos, "add a matrix { URGENCY: LEVEL, ... } block",
                code="T0605",
            )
        scheme = PriorityScheme(str(sid), tuple(parts.get("level", ())), matrix, parts.get("name"), pos)
        return _Stmt("scheme", scheme, pos)

    # --- top level ---

    def vendor(self, meta: Any, children: list[Any]) -> _Stmt:
        vid, *stmts = children
        pos = self._pos(meta)
        parts = self._fold(stmts, {"name", "language", "intro", "website", "uses_priorities", "support languages"}, f"vendor '{vid}'")
        decl = VendorDecl(
            id=str(vid),
            pos=pos,
            name=parts.get("name"),
            language=parts.get("language"),
            intro=parts.get("intro"),
            website=parts.get("website"),
            notes=tuple(parts.get("note", ())),
            contacts=tuple(parts.get("contact", ())),
            segments=tuple(parts.get("segment", ())),
            footnotes=tuple(parts.get("footnote", ())),
            categories=tuple(parts.get("category", ())),
            features=tuple(parts.get("feature", ())),
            metrics=tuple(parts.get("metric", ())),
            priorities=parts.get("uses_priorities"),
            plans=tuple(parts.get("plan", ())),
            calendars=tuple(parts.get("calendar", ())),
            schemes=tuple(parts.get("scheme", ())),
            cases=tuple(parts.get("case", ())),
            contact_groups=tuple(parts.get("contact_group", ())),
            website_pos=next((st.pos for st in stmts if isinstance(st, _Stmt) and st.kind == "website"), None),
            sources=tuple(parts.get("source", ())),
            editorial_notes=tuple(parts.get("editorial_note", ())),
            support_languages=parts.get("support languages", ()),
            language_only=isinstance(parts.get("language"), OnlyLanguage),
            also_languages=language.also if isinstance(language := parts.get("language"), OnlyLanguage) else (),
        )
        return _Stmt("vendor", decl, pos)

    def start(self, meta: Any, children: list[_Stmt]) -> FileDecl:
        parts = self._fold(children, set(), "file")
        return FileDecl(
            path=self.path,
            vendors=tuple(parts.get("vendor", ())),
            calendars=tuple(parts.get("calendar", ())),
            schemes=tuple(parts.get("scheme", ())),
            texts=tuple(self.texts),
            horizons=tuple(parts.get("horizon", ())),
        )

    # --- issue 10: the horizon and effective-dated targets ---

    def horizon(self, meta: Any, children: list[Token]) -> _Stmt:
        pos = self._pos(meta)
        return _Stmt("horizon", Horizon(int(children[0]), int(children[1]), pos), pos)

    def versioned_target(self, meta: Any, children: list[Any]) -> _Stmt:
        stmt, day = children
        valid_from = self._date(day)
        return _Stmt("target", dataclasses.replace(stmt.value, valid_from=valid_from, valid_from_pos=self._tpos(day)), stmt.pos)

    def terms_from(self, meta: Any, children: list[Any]) -> list[_Stmt]:
        # The block is `target ... from DATE` written once for each target inside it.
        day, *targets = children
        if not targets:
            self.diagnostics.append(
                warning(
                    f"the terms from {day} name no target",
                    self._pos(meta),
                    "put the targets and prices that change on that date inside the braces",
                    code="T0812",
                )
            )
        valid_from = self._date(day)
        where = self._tpos(day)
        # Targets and prices alike: each statement is a version from that date (its kind is kept).
        return [_Stmt(t.kind, dataclasses.replace(t.value, valid_from=valid_from, valid_from_pos=where), t.pos) for t in targets]

    # --- prices that change on a date ---

    def versioned_price(self, meta: Any, children: list[Any]) -> _Stmt:
        stmt, day = children
        valid_from = self._date(day)
        return _Stmt("price", dataclasses.replace(stmt.value, valid_from=valid_from, valid_from_pos=self._tpos(day)), stmt.pos)

    # --- contract terms: minimum term, automatic renewal, notice ---

    def contract(self, meta: Any, children: list[Any]) -> _Stmt:
        """`contract 12 months renews 12 months notice 3 months`; `none` for no minimum term or no notice."""
        minimum, renewal, then, notice = children
        pos = self._pos(meta)
        terms = ContractTerms(
            minimum=minimum if isinstance(minimum, ContractLength) else None,
            renewal=renewal,
            notice=notice if isinstance(notice, ContractLength) else None,
            no_notice=notice == "none",
            pos=pos,
            then_word=str(then) if then is not None else None,
            then_pos=self._opt_tpos(then),
        )
        return _Stmt("contract", terms, pos)

    def open_ended(self, meta: Any, children: list[Token]) -> Token:
        """`then open-ended`: the word after `then`, judged by the checks."""
        return children[0]

    def contract_length(self, meta: Any, children: list[Any]) -> ContractLength:
        """`12 months`: the count (a negative one too, for the checks to judge) and the unit as written."""
        count, unit = children
        return ContractLength(int(count), str(unit), self._pos(meta), self._tpos(unit))

    def negative_count(self, meta: Any, children: list[Token]) -> int:
        """`-3` of `-3 months`."""
        return -int(children[0])


def _matrix(impacts: tuple[AxisValue, ...], urgencies: tuple[AxisValue, ...], rows: tuple[MatrixRow, ...], pos: Pos) -> PriorityMatrix:
    """Rows are urgencies; each row lists one level per impact, in the order impacts were written.

    A row for an undeclared urgency means nothing, so it yields no cells; the checks report it from `rows`.
    """
    declared = {u.id for u in urgencies}
    cells = tuple(
        (impact.id, row.urgency, level) for row in rows if row.urgency in declared for impact, level in zip(impacts, row.levels, strict=False)
    )
    return PriorityMatrix(impacts, urgencies, cells, pos, rows)


quick_pickling(globals())  # the declarations are pickled into the build cache, as the models are
