"""Lark's LALR tables and lexer expressions, driven so that a valid plan file costs half of what Lark's loop costs.

Lark's documented way is a parse tree (a `Tree` and its `Meta` per rule, positions propagated), then a
`Transformer` walking it. In a cold build of a thousand vendors the parse was the largest stage, and most of it
was that tree, the second pass, and Lark's lexer and parser loops, which spend most of a token in method calls.
`BuildingParser.build` runs both loops as one, over the very tables and regular expressions Lark compiled (the
contextual lexer's expressions for each parser state, its keyword callbacks, the LALR actions), and each
reduction calls the Transformer's method for the rule directly, with the rule's place in the text (from its
first to its last token, keywords included, as `propagate_positions` computes it).

It only builds valid files. At anything else (a character no terminal matches, a token the table has no action
for) it gives up (`NotBuilt`), and the caller parses the file Lark's way, which reports the syntax errors,
recovers after them, and remains the reference: tests/test_parser_building.py compares the two on every plan
file the project holds and on random valid and mangled ones. This reaches into Lark's parse table and each
state's `BasicLexer`, so pyproject.toml holds Lark to minor versions that test has passed on.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

from lark import Lark, Token
from lark.exceptions import GrammarError


class Span:
    """A rule's result and the stretch of text its tokens cover: the Meta a method gets, without the Tree."""

    __slots__ = ("value", "children", "empty", "line", "column", "end_line", "end_column")

    def __init__(self) -> None:
        self.empty = True
        self.value: Any = None
        self.children: list[Any] = []
        self.line = self.column = self.end_line = self.end_column = 0


def _method(builder: type, name: str) -> Callable[..., Any]:
    """The function of `builder`'s rule method, not `v_args`' wrapper of it (the span is given as its meta)."""
    found = getattr(inspect.getattr_static(builder, name, None), "base_func", None)
    if found is None:
        raise GrammarError(f"the grammar's rule '{name}' has no method in {builder.__name__}")
    return found  # type: ignore[no-any-return]


def _rule_callback(rule: Any, builder: type, state: list[Any]) -> Callable[[list[Any]], Span]:
    """What the parser calls when it reduces `rule`: Lark's child filter and position propagation, then the method."""
    options = rule.options
    expansion = rule.expansion
    # Which children a method sees, which are inlined rules (`_stmt`) whose children take their place, and how
    # many Nones stand for optional parts left out before each (maybe_placeholders): as Lark's ChildFilter.
    if options.empty_indices:
        runs = "".join(str(int(flag)) for flag in options.empty_indices).split("0")
        nones = [len(run) for run in runs]
    else:
        nones = [0] * (len(expansion) + 1)
    include: list[tuple[int, bool, int]] = []
    pending = 0
    for index, symbol in enumerate(expansion):
        pending += nones[index]
        if options.keep_all_tokens or not (symbol.is_term and symbol.filter_out):
            include.append((index, not symbol.is_term and symbol.name.startswith("_"), pending))
            pending = 0
    trailing = pending + nones[len(expansion)]
    name = rule.alias or options.template_source or rule.origin.name
    inlined = name.startswith("_")
    method = None if inlined else _method(builder, name)
    single = bool(options.expand1) and not rule.alias

    def callback(children: list[Any]) -> Span:
        span = Span()
        for child in children:  # the first token, or the first rule that covers text
            if type(child) is Span and child.empty:
                continue
            span.line, span.column, span.empty = child.line, child.column, False
            break
        if not span.empty:
            for child in reversed(children):
                if type(child) is Span and child.empty:
                    continue
                span.end_line, span.end_column = child.end_line, child.end_column
                break
        values: list[Any] = []
        for index, expand, add_none in include:
            if add_none:
                values += [None] * add_none
            child = children[index]
            if expand:
                values += child.children
            else:
                values.append(child.value if type(child) is Span else child)
        if trailing:
            values += [None] * trailing
        if single and len(values) == 1:
            span.value = values[0]
        elif inlined:
            span.children = values
        else:
            span.value = method(state[0], span, values)  # type: ignore[misc]
        return span

    return callback


_BLANKS = {"WS": "(?:[ \t\x0c\r\n])+", "COMMENT": "#[^\n]*"}
"""The grammar's ignored terminals, as Lark compiles them, that `_skipper` skips in one match."""


def _skipper(lark: Lark) -> Callable[[str, int], Any] | None:
    """A match of the blanks and comments at a place in the text (None when there are none), or None when the grammar's
    ignored terminals are not just those, or some other terminal could begin where they do: then they are lexed as tokens.

    Half of a plan file's tokens are blanks; the contextual lexer's loop took them one at a time, as tokens it throws away.
    """
    terminals = {t.name: t.pattern.to_regexp() for t in lark.terminals}
    if set(lark.lexer_conf.ignore) != set(_BLANKS) or any(terminals.get(name) != pattern for name, pattern in _BLANKS.items()):
        return None
    starts = (" ", "\t", "\x0c", "\r", "\n", "#")
    for name, pattern in terminals.items():
        if name not in _BLANKS and any(re.match(pattern, start + rest) for start in starts for rest in ("", "a", "1", '"', " ", "#")):
            return None
    return re.compile("(?:" + "|".join(_BLANKS.values()) + ")+").match


class NotBuilt(Exception):
    """The file is not one the fused loop builds (a syntax error, or a method that failed): parse it Lark's way."""


class BuildingParser:
    """`lark`'s parse table and lexer expressions in one loop whose reductions call `builder`'s methods."""

    def __init__(self, lark: Lark, builder: type) -> None:
        from lark.parsers.lalr_analysis import Shift

        self._state: list[Any] = []
        callbacks = {rule: _rule_callback(rule, builder, self._state) for rule in lark.rules}
        frontend = lark.parser
        table = frontend.parser.parser.parse_table
        # The parse table with each reduction's size, callback and goto symbol looked up once (a Rule hashes in Python).
        self._actions: dict[int, dict[str, tuple[Any, ...]]] = {
            state: {
                symbol: (True, arg) if action is Shift else (False, len(arg.expansion), callbacks[arg], arg.origin.name)
                for symbol, (action, arg) in actions.items()
            }
            for state, actions in table.states.items()
        }
        self._start, self._end = table.start_states["start"], table.end_states["start"]
        self._contextual = frontend.lexer
        self._lexing: dict[int, tuple[tuple[Any, ...], frozenset[str], frozenset[str], dict[str, Any]]] = {}
        self._skip = _skipper(lark)

    def _lexer_of(self, state: int) -> tuple[tuple[Any, ...], frozenset[str], frozenset[str], dict[str, Any]]:
        """The contextual lexer's expressions, ignored and multi-line terminals and keyword callbacks in `state`."""
        basic = self._contextual.lexers[state]
        scanner = basic.scanner  # built on first use, with the keyword callbacks
        found = (tuple(scanner._mres), basic.ignore_types, basic.newline_types, basic.callback)
        self._lexing[state] = found
        return found

    def build(self, text: str, builder: Any) -> Span:
        """The `start` rule's result for `text`, built by `builder`; NotBuilt for anything but a valid file."""
        self._state[:] = [builder]
        try:
            return self._fused(text)
        except NotBuilt:
            raise
        except Exception as exc:  # Lark's way decides: a syntax error further on, or a bug it raises too
            raise NotBuilt from exc
        finally:
            self._state.clear()

    def _fused(self, text: str) -> Span:
        """Lark's contextual lexer loop (`BasicLexer.next_token`) and LALR loop (`ParserState.feed_token`) as one loop."""
        actions = self._actions
        lexing = self._lexing
        lexer_of = self._lexer_of
        make = str.__new__
        states = [self._start]
        values: list[Any] = []
        pos, line, line_start, end = 0, 1, 0, len(text)
        token = None
        skip = self._skip
        while True:
            if skip is not None and (gap := skip(text, pos)) is not None:  # the blanks and comments before a token, at once
                lines = text.count("\n", pos, gap.end())
                if lines:
                    line += lines
                    line_start = text.rindex("\n", pos, gap.end()) + 1
                pos = gap.end()
            if pos < end:
                mres, ignore, newline, keywords = lexing.get(states[-1]) or lexer_of(states[-1])
                for mre in mres:
                    match = mre.match(text, pos)
                    if match is not None:
                        break
                else:
                    raise NotBuilt
                value = match.group(0)
                kind = match.lastgroup
                start, start_line, column = pos, line, pos - line_start + 1
                if kind in newline:
                    lines = value.count("\n")
                    if lines:
                        line += lines
                        line_start = pos + value.rindex("\n") + 1
                pos += len(value)
                if kind in ignore:
                    if kind in keywords:
                        raise NotBuilt  # a callback on an ignored terminal: none in this grammar, left to Lark's loop
                    continue
                # Token._future_new's work without its call: a call a token was a tenth of the loop.
                token = make(Token, value)
                token.type, token.start_pos, token.value, token.line, token.column = kind, start, value, start_line, column
                token.end_line, token.end_column, token.end_pos = line, pos - line_start + 1, pos
                keyword = keywords.get(kind)
                if keyword is not None:
                    token = keyword(token)
                at_end = False
            else:
                token = Token.new_borrow_pos("$END", "", token) if token is not None else Token("$END", "", 0, 1, 1)
                at_end = True
            while True:
                action = actions[states[-1]].get(token.type)
                if action is None:
                    raise NotBuilt
                if action[0]:
                    if at_end:  # the end of the text is never shifted (Lark asserts as much)
                        raise NotBuilt
                    states.append(action[1])
                    values.append(token)
                    break
                _, size, callback, origin = action
                if size:
                    children = values[-size:]
                    del states[-size:]
                    del values[-size:]
                else:
                    children = []
                states.append(actions[states[-1]][origin][1])
                values.append(callback(children))
                if at_end and states[-1] == self._end:
                    return values[-1]  # type: ignore[no-any-return]
