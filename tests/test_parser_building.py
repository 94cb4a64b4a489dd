"""The parser builds the model while it parses (dsl/language/lalr.py, `BuildingParser`): the same model as Lark's way.

Lark's documented way is a parse tree with `propagate_positions`, then the Transformer (`_Builder.transform`).
The building parser lexes, parses and calls the same methods in one loop, with the positions it works out
itself, and leaves every file Lark finds a syntax error in to Lark's way. For every file Lark parses, both must
give the same declarations, positions included, and the same diagnostics: every plan file the project holds,
random valid ones, and real ones with lines cut out or stray words and characters put in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsl.language import parser
from support.parse_both_ways import by_tree, same
from support.plan_pieces import KEYWORDS, PIECES
from support.valid_plans import Drawn, plan_file

ROOT = Path(__file__).resolve().parent.parent
PLAN_FILES = sorted([*ROOT.glob("plans/*.plan"), *ROOT.glob("tests/**/*.plan")])


def test_there_are_plan_files_to_compare() -> None:
    assert len(PLAN_FILES) > 20


@pytest.mark.parametrize("path", PLAN_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_plan_file_builds_the_same_model_both_ways(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert not isinstance(by_tree(text, str(path))[0], str)
    same(text, str(path))


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(plan_file())
def test_random_valid_plans_build_the_same_model_both_ways(drawn: Drawn) -> None:
    text = drawn.text
    same(text, "drawn.plan")


STATEMENTS = (PLAN_FILES[0].parent / "stratiteq.plan").read_text(encoding="utf-8").splitlines(keepends=True)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.integers(0, len(STATEMENTS) - 1), max_size=8))
def test_plans_with_lines_left_out_build_the_same_model_or_fail_alike(dropped: list[int]) -> None:
    """Leaving lines out makes files that parse with other shapes, or not at all: both ways must agree on which."""
    text = "".join(line for index, line in enumerate(STATEMENTS) if index not in set(dropped))
    same(text, "cut.plan")


TOKEN = st.one_of(st.sampled_from(KEYWORDS), st.sampled_from(PIECES), st.text(max_size=6))


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, len(STATEMENTS) - 1), TOKEN), min_size=1, max_size=4))
def test_plans_with_stray_words_and_characters_fail_alike(edits: list[tuple[int, str]]) -> None:
    """Words or characters put into a line: left to Lark's way when Lark finds an error (a character no terminal
    matches, a token out of place), else the same model."""
    lines = list(STATEMENTS)
    for index, piece in edits:
        line = lines[index]
        lines[index] = line[: len(line) // 2] + piece + line[len(line) // 2 :]
    text = "".join(lines)
    same(text, "stray.plan")


def test_a_file_with_syntax_errors_reports_them_as_before() -> None:
    text = 'vendor acme {\n  name "Acme"\n  plan gold { price 10 SEK per month }\n  plan silver { price ten SEK }\n}\n'
    decl, diagnostics = parser.parse_text(text, "bad.plan")
    assert decl is None
    # "ten" reads as a segment's name, so the price's amount is missing where "SEK" stands.
    assert [(d.pos.line, d.pos.column, d.message) for d in diagnostics] == [
        (4, 27, "unexpected 'SEK'; expected 'contact', 'free', 'from', 'included', 'not', 'on' or a number")
    ]


BLANK = st.sampled_from([" ", "\t", "\x0c", "\r\n", "\n", "\r", "# note\n", "#\n", "  # a comment ✓\n"])
BLANKS = st.lists(BLANK, min_size=1, max_size=6).map("".join)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(st.integers(0, len(STATEMENTS) - 1), BLANKS, st.booleans()), min_size=1, max_size=6))
def test_plans_with_other_blanks_and_comments_build_the_same_model_both_ways(edits: list[tuple[int, str, bool]]) -> None:
    """Blanks and comments the fused loop skips in one match (`lalr._skipper`): CRLF and CR line ends, tabs, form feeds,
    comments anywhere between tokens; the same model, positions included, or the same failure (a comment that swallows
    the rest of a line)."""
    lines = list(STATEMENTS)
    for index, blanks, at_start in edits:
        line = lines[index]
        cut = 0 if at_start else len(line) - len(line.lstrip())
        lines[index] = line[:cut] + blanks + line[cut:]
    same("".join(lines), "blanks.plan")


def test_the_fused_loop_skips_blanks_and_comments_in_one_match() -> None:
    """The grammar's blanks are the ones the skipper knows: were they not, the loop would lex them one by one (slower, no error)."""
    assert parser._building_parser()._skip is not None
