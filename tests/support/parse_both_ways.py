"""The model of a plan file built both ways, Lark's parse tree then the Transformer (the reference) and the fused
loop (dsl/language/lalr.py), and the comparison of the two (tests/test_parser_building.py and the tests of new forms)."""

from __future__ import annotations

from lark.exceptions import UnexpectedInput

from dsl.language import lalr, parser
from dsl.language.parser import FileDecl


def failure(exc: UnexpectedInput) -> tuple[str, str, int, int, object]:
    """What the syntax errors' wording reads of a parse error: its kind, text, place and parser state."""
    state = getattr(exc, "state", None)
    return (type(exc).__name__, str(exc), exc.line, exc.column, getattr(state, "position", state))


def by_tree(text: str, path: str) -> tuple[FileDecl | None, list[str]] | tuple[str, str, int, int, object]:
    """Lark's parse tree (its own lexer), then the Transformer: the reference."""
    try:
        tree = parser._lark().parse(text)
    except UnexpectedInput as exc:
        return failure(exc)
    builder = parser._Builder(path)
    return builder.transform(tree), [str(d) for d in builder.diagnostics]


def by_building(text: str, path: str) -> tuple[FileDecl | None, list[str]] | str:
    """The fused loop's model, or "not built" when it leaves the file to Lark's way."""
    builder = parser._Builder(path)
    try:
        span = parser._building_parser().build(text, builder)
    except lalr.NotBuilt:
        return "not built"
    return span.value, [str(d) for d in builder.diagnostics]


def same(text: str, path: str) -> None:
    """The fused loop builds Lark's model from every file Lark parses, and leaves every other file to Lark's way."""
    expected = by_tree(text, path)
    built = by_building(text, path)
    if isinstance(expected[0], str):  # a syntax error: Lark's way reports it
        assert built == "not built", expected
    else:
        # Pos is a field of nearly every object: compared through repr as well, in case a class leaves it out of its equality.
        assert built == expected
        assert repr(built) == repr(expected)
