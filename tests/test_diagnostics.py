"""Each diagnostic: its message, its position, its hint."""

import subprocess
import sys
from pathlib import Path

import pytest

from dsl.language.diagnostics import render
from dsl.language.loader import load_project, load_text
from support.language_plans import ALL, HEADER, only, problems
from support.paths import BUILD_PY, ROOT

# --- syntax ---------------------------------------------------------------------------


def test_syntax_error_in_words_with_hint():
    message, line, col, hint = only(HEADER + '  plan p {\n    name "P"\n    price 5000\n  }\n}\n')
    assert message == "unexpected '}'; expected '%' or a currency code such as SEK or EUR"
    assert (line, col) == (7, 3)
    assert hint == "a price needs a currency after the amount: price 5000 SEK per month"


def test_syntax_error_time_without_minutes():
    message, line, col, hint = only("calendar c { zone UTC open mon-fri 8-17 }\n")
    assert message == "unexpected '8'; expected a time such as 08:00"
    assert (line, col) == (1, 36)
    assert "08:00-17:00" in hint


def test_unclosed_string():
    message, line, col, hint = only(HEADER + '  intro "never closed\n}\n')
    assert message.startswith("a quoted text that is never closed")
    assert (line, col) == (4, 9)
    assert '"""' in hint


def test_unknown_statement_names_what_fits():
    message, line, col, _ = only(HEADER + "  colour blue\n}\n")
    assert message.startswith("unexpected 'colour'")
    assert (line, col) == (4, 3)


def test_syntax_errors_in_two_files_are_both_reported(tmp_path):
    (tmp_path / "a.plan").write_text("calendar a { zone UTC open mon 8 }\n")
    (tmp_path / "b.plan").write_text("calendar b { zone UTC open mon-fri 08:00 }\n")
    result = load_project([tmp_path])
    assert sorted(Path(d.pos.file).name for d in result.errors) == ["a.plan", "b.plan"]


# --- references and ids ----------------------------------------------------------------


def test_unknown_extends_with_suggestion():
    message, line, col, hint = only(HEADER + '  plan premium { name "P" }\n  plan elite extends premum { name "E" }\n}\n')
    assert message == "plan 'elite' extends an unknown plan 'premum'"
    assert (line, col) == (5, 3)
    assert hint == "did you mean 'premium'?"


def test_unknown_calendar_reference():
    message, line, col, hint = only(
        HEADER + '  calendar office { zone UTC open mon 08:00-17:00 }\n  plan p { name "P" target first-response all 2h on ofice }\n}\n'
    )
    assert message == "unknown calendar 'ofice'"
    assert (line, col) == (5, 53)  # under the name, not the statement
    assert hint == "did you mean 'office'?"


def test_unknown_priority_and_metric():
    text = (
        HEADER
        + f"  priorities s {{ level P1 {{ name {{ {ALL} }} }} }}\n"
        + "  calendar c { zone UTC open mon 08:00-17:00 }\n"
        + '  plan p { name "P"\n    target first-respons P2 2h on c\n  }\n}\n'
    )
    found = problems(text)
    assert ("unknown metric 'first-respons'", 7, 12, "did you mean 'first-response'?") in found  # each under its word
    assert ("unknown priority 'P2'", 7, 26, "known here: 'P1'") in found


def test_a_coverage_line_points_at_the_word_it_does_not_know():
    """Each unknown name of `coverage PRIORITY [for CASE] on CALENDAR` is shown under that name, not the statement's start."""
    head = HEADER + f"  priorities s {{ level P1 {{ name {{ {ALL} }} }} }}\n  calendar c {{ zone UTC open mon 08:00-17:00 }}\n"
    line = "    coverage P2 for escalated on cc\n"
    found = problems(head + '  plan p { name "P"\n' + line + "  }\n}\n")
    assert ("unknown priority 'P2'", 7, line.index("P2") + 1, "known here: 'P1'") in found
    assert ("unknown calendar 'cc'", 7, line.index("cc") + 1, "did you mean 'c'?") in found
    assert [(f[0], f[2]) for f in found if f[0].startswith("unknown kind of case")] == [
        ("unknown kind of case 'escalated'", line.index("escalated") + 1)
    ]


def test_duplicate_ids():
    message, line, col, hint = only(HEADER + '  plan gold { name "G" }\n  plan gold { name "G2" }\n}\n')
    assert message == "plan 'gold' is defined twice"
    assert (line, col) == (5, 3)
    assert hint.startswith("the first is at t.plan:4")


def test_cycle_in_extends():
    found = problems(HEADER + '  plan a extends b { name "A" }\n  plan b extends a { name "B" }\n}\n')
    assert any(m.startswith("plans extend each other in a circle: ") and line in (4, 5) for m, line, _, _ in found)


def test_cell_for_unknown_feature():
    message, line, col, hint = only(
        HEADER + f"  feature patches {{ label {{ {ALL} }} }}\n" + '  plan p { name "P" features { pathces: yes } }\n}\n'
    )
    assert message == "plan 'p' has a cell for an unknown feature 'pathces'"
    assert (line, col) == (5, 32)
    assert hint == "did you mean 'patches'?"


def test_footnote_mark_without_footnote():
    message, line, _, hint = only(HEADER + '  plan p * { name "P" }\n}\n')
    assert message == "the footnote mark '*' has no footnote"
    assert line == 4


# --- translations ----------------------------------------------------------------------


def test_missing_translation_is_a_warning():
    text = HEADER + '  intro { sv "Hej" en "Hello" }\n}\n'
    assert problems(text) == []
    message, line, col, hint = only(text, "warning")
    assert message == "the intro has no it, pl translation"
    assert (line, col) == (4, 9)
    assert hint == 'add it "..." pl "..." inside the braces'


def test_missing_translation_is_an_error_with_strict(tmp_path):
    plan = tmp_path / "v.plan"
    plan.write_text(HEADER + '  intro { sv "Hej" en "Hello" }\n}\n')
    lenient = run_check(plan)
    strict = run_check("--strict", plan)
    assert lenient.returncode == 0 and "warning[T0404]: the intro has no it, pl translation" in lenient.stderr
    assert strict.returncode == 1 and "error[T0404]: the intro has no it, pl translation" in strict.stderr


def test_translation_given_twice():
    message, line, col, _ = only(HEADER + '  intro { sv "A" sv "B" it "I" pl "P" en "E" }\n}\n')
    assert message == "the 'sv' text is given twice"
    assert (line, col) == (4, 18)


# --- calendars -------------------------------------------------------------------------


def test_interval_ending_before_it_starts():
    message, line, col, hint = only("calendar c { zone UTC\n  open mon 17:00-08:00 }\n")
    assert message == "the hours 17:00-08:00 end before they start"
    assert (line, col) == (2, 12)
    assert "open fri 22:00 - sat 06:00" in hint


def test_overlapping_intervals():
    message, line, col, _ = only("calendar c { zone UTC\n  open mon-fri 08:00-12:00\n  open wed 11:00-13:00 }\n")
    assert message == "these opening hours overlap others on wed"
    assert (line, col) == (3, 12)


def test_overlap_across_midnight():
    message, line, _, _ = only("calendar c { zone UTC\n  open sun 23:00 - mon 06:00\n  open mon 05:00-09:00 }\n")
    assert message == "these opening hours overlap others on mon"
    assert line == 3


def test_unknown_time_zone():
    message, line, col, hint = only("calendar c {\n  zone Europe/Stokholm\n  open mon 08:00-17:00 }\n")
    assert message == "unknown time zone 'Europe/Stokholm'"
    assert (line, col) == (2, 3)  # the zone line, not the calendar
    assert hint == "did you mean 'Europe/Stockholm'?"


def test_unknown_country():
    message, line, col, _ = only("calendar c { zone UTC open mon 08:00-17:00\n  closed holidays XX }\n")
    assert message == "unknown country code 'XX' for public holidays"
    assert (line, col) == (2, 3)


def test_impossible_date():
    message, line, col, hint = only("calendar c { zone UTC open mon 08:00-17:00\n  closed 2026-02-30 }\n")
    assert message == "'2026-02-30' is not a date in the calendar"
    assert (line, col) == (2, 10)
    assert "YYYY-MM-DD" in hint


def test_impossible_time():
    message, line, col, _ = only("calendar c { zone UTC open mon 08:00-25:00 }\n")
    assert message == "'25:00' is not a time of day"
    assert (line, col) == (1, 38)


def test_calendar_without_zone():
    message, line, _, hint = only("calendar c { open mon 08:00-17:00 }\n")
    assert message == "calendar 'c' has no time zone"
    assert "zone customer" in hint


# --- durations and matrices ------------------------------------------------------------


def test_duration_not_positive():
    message, line, col, hint = only(
        HEADER + '  calendar c { zone UTC open mon 08:00-17:00 }\n  plan p { name "P" target first-response all 0h on c }\n}\n'
    )
    assert message == "a duration must be longer than zero"
    assert (line, col) == (5, 47)


def test_matrix_with_missing_combination():
    text = (
        "priorities s {\n"
        + f"  level P1 {{ name {{ {ALL} }} }}\n"
        + f"  impact big {{ {ALL} }}\n  impact small {{ {ALL} }}\n"
        + f"  urgency high {{ {ALL} }}\n  urgency low {{ {ALL} }}\n"
        + "  matrix {\n    high: P1, P1\n  }\n}\n"
    )
    found = problems(text)
    assert ("the matrix gives no level for impact 'big' with urgency 'low'", 7, 3, "add a row 'low: ...' with one level per impact") in found
    assert ("the matrix gives no level for impact 'small' with urgency 'low'", 7, 3, "add a row 'low: ...' with one level per impact") in found


def test_matrix_row_too_short():
    text = (
        "priorities s {\n"
        + f"  level P1 {{ name {{ {ALL} }} }}\n"
        + f"  impact big {{ {ALL} }}\n  impact small {{ {ALL} }}\n"
        + f"  urgency high {{ {ALL} }}\n"
        + "  matrix {\n    high: P1\n  }\n}\n"
    )
    found = problems(text)
    assert ("the matrix row 'high' has 1 level(s) but there are 2 impacts", 7, 5) in [f[:3] for f in found]


# --- rendering and the command line ------------------------------------------------------


def test_render_shows_line_caret_and_hint():
    result = load_text(HEADER + '  plan p { name "P" }\n  plan q extends pp { name "Q" }\n}\n', "t.plan")
    (diag,) = result.errors
    text = render(diag, result.sources["t.plan"])
    lines = text.splitlines()
    assert lines[0] == "t.plan:5:3: error[T0311]: plan 'q' extends an unknown plan 'pp'"
    assert lines[1] == "   5 |   plan q extends pp { name \"Q\" }"
    assert lines[2].index("^") == lines[1].index("plan")
    assert lines[3] == "  = hint: did you mean 'p'?"
    assert len(lines) == 4  # where to read more is said once per run, not per diagnostic


def run_check(*args):
    return subprocess.run(
        [sys.executable, str(BUILD_PY), "check", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_check_exits_1_without_traceback(tmp_path):
    bad = tmp_path / "bad.plan"
    bad.write_text(HEADER + '  plan p { name "P" price 5000 }\n}\n')
    done = run_check(bad)
    assert done.returncode == 1
    assert f"{bad}:4:" in done.stderr and "Traceback" not in done.stderr


def test_check_a_missing_path():
    done = run_check("no/such/place")
    assert done.returncode == 1
    assert "'no/such/place' does not exist" in done.stderr


@pytest.mark.parametrize("strict", [[], ["--strict"]])
def test_check_the_shipped_plans(strict):
    done = run_check(*strict)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok: ")


def test_every_named_terminal_of_the_grammar_has_words_for_a_syntax_error():
    """A syntax error names what was expected in words ("a date such as 2026-12-24"), never a terminal's name
    ("expected month_day"): every named terminal the parser can expect has its words."""
    from dsl.language import parser, syntax_errors

    named = {t.name for t in parser._lark().terminals if not t.name.startswith("__") and t.name.isupper()}
    named -= {"WS", "COMMENT"}  # ignored: never expected
    anonymous = {t.name for t in parser._lark().terminals if t.pattern.type == "str"}
    assert named - anonymous - set(syntax_errors.WORDS) == set()
