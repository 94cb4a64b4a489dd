"""Lark's LALR parser and contextual lexer, driven so that a plan file costs half of what Lark's defaults cost.

Lark's documented way is a parse tree (a `Tree` and its `Meta` per rule, positions propagated), then a
`Transformer` walking it. In a cold build of a thousand vendors the parse was the largest stage, and most of it
was that tree, the second pass and Lark's general-purpose lexer loop. Two changes, neither of which changes
what is parsed, nor any position, token or error:

- **`BuildingParser`**: the LALR parser's reductions call the Transformer's methods directly, as Lark's own
  `transformer=` option does, but with each rule's place in the text (from its first to its last token,
  keywords included, as `propagate_positions` computes it), which that option cannot give.
- **`FastContextualLexer`**: the contextual lexer's loop in one generator, over the regular expressions Lark
  compiled for each parser state, with its token types, keyword callbacks and line counting, and Lark's own
  lexer taking over where no terminal matches (so an error is Lark's error, word for word).

Both reach into classes Lark does not document (`lark.parsers.lalr_parser._Parser`, the front end's `lexer`
and `parser`, each state's `BasicLexer`), so pyproject.toml holds Lark to the minor versions
tests/test_parser_building.py has compared with Lark's own way: the same model, positions and diagnostics.
"""

from __future__ import annotations

import copy
import inspect
from collections.abc import Callable, Iterator
from typing import Any

from lark import Lark, Token
from lark.exceptions import GrammarError, UnexpectedInput


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


class FastContextualLexer:
    """Lark's contextual lexer (`lark.lexer.ContextualLexer.lex`), its loop without a method call per token."""

    def __init__(self, contextual: Any) -> None:
        self._lark = contextual
        self._states: dict[int, tuple[tuple[Any, ...], frozenset[str], frozenset[str], dict[str, Any]]] = {}

    def _state(self, state: int) -> tuple[tuple[Any, ...], frozenset[str], frozenset[str], dict[str, Any]]:
        basic = self._lark.lexers[state]
        scanner = basic.scanner  # built on first use, with the keyword callbacks
        found = (tuple(scanner._mres), basic.ignore_types, basic.newline_types, basic.callback)
        self._states[state] = found
        return found

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Token]:
        """The tokens from where `lexer_state` stands, each lexed in the parser's state when it is asked for."""
        text, end = lexer_state.text.text, lexer_state.text.end
        counter = lexer_state.line_ctr
        pos, line, line_start = counter.char_pos, counter.line, counter.line_start_pos
        stack = parser_state.state_stack
        states = self._states
        new = Token._future_new
        while pos < end:
            mres, ignore, newline, callbacks = states.get(stack[-1]) or self._state(stack[-1])
            for mre in mres:
                match = mre.match(text, pos, end)
                if match is not None:
                    break
            else:
                # Nothing of this state matches here: Lark's lexer raises its own error (or resumes) from here.
                counter.char_pos, counter.line, counter.line_start_pos = pos, line, line_start
                counter.column = pos - line_start + 1
                yield from self._lark.lex(lexer_state, parser_state)
                return
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
                if kind in callbacks:
                    callbacks[kind](new(kind, value, start, start_line, column, line, pos - line_start + 1, pos))  # type: ignore[no-untyped-call]
                continue
            token = new(kind, value, start, start_line, column, line, pos - line_start + 1, pos)  # type: ignore[no-untyped-call]
            callback = callbacks.get(kind)
            if callback is not None:
                token = callback(token)
            counter.char_pos, counter.line, counter.line_start_pos = pos, line, line_start
            counter.column = pos - line_start + 1
            lexer_state.last_token = token
            yield token


class BuildingParser:
    """`lark`'s LALR parser and lexer, its reductions calling `builder`'s methods instead of making a tree."""

    def __init__(self, lark: Lark, builder: type) -> None:
        from lark.parsers.lalr_parser import _Parser

        self._state: list[Any] = []
        callbacks = {rule: _rule_callback(rule, builder, self._state) for rule in lark.rules}
        # Copies of Lark's front end and LALR parser around a parser with these callbacks and the faster lexer:
        # `lark` itself keeps making trees, for Lark's `match_examples` in the syntax errors' hints.
        self._frontend = copy.copy(lark.parser)
        lalr = copy.copy(self._frontend.parser)
        lalr.parser = _Parser(lalr.parser.parse_table, callbacks, False)  # type: ignore[arg-type]  # keyed by Rule, as Lark's own
        self._frontend.parser = lalr
        self._frontend.lexer = FastContextualLexer(self._frontend.lexer)

    def parse(self, text: str, builder: Any, on_error: Callable[[UnexpectedInput], bool]) -> Span:
        """The `start` rule's result for `text`, built by `builder` (an instance of the builder class)."""
        self._state[:] = [builder]
        try:
            return self._frontend.parse(text, None, on_error=on_error)  # type: ignore[no-any-return]
        finally:
            self._state.clear()
