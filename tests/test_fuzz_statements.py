"""Regressions from the statement-level fuzz run of fuzz13 (plan files with whole statements and blocks deleted,
duplicated, swapped or moved, and odd values in their places: times, dates, years, zones, countries, cycles).

Each input once gave a traceback, an error without a location, or a crash in building a plan that `check`
accepted; each now builds, or gives a located error and a hint. The fuzz target at the end draws such files: the
other fuzz targets edit lines and characters, which rarely leaves a file `check` accepts; moving whole statements
and blocks, and putting odd values where values stand, often does, and such a file must then build and export.

The normal suite runs a small budget; a longer run (fuzz13, 29 November 2026: 500 examples here, 27 % of them accepted
by `check` and so built and exported, none failing; besides, outside the suite, 7,700 such files of every shipped and
outside vendor through check --strict, build, rules and due with odd arguments, 1,000 incremental builds compared with
cold ones, every kind of statement of every vendor duplicated and deleted, and the site built in each of CLDR's 331
languages). fuzz14 found why about 13 % of the examples were reported invalid (see `moved`: none now), ran 1,500
here (a third accepted, none failing) and 2,500 accepted-or-not projects whose rules both evaluators then answered
(tests/test_fuzz_differential.py keeps a small budget of that), added the customer's countries to the values
replaced, and moved the caret of a country listed twice in `closed holidays customer` onto that country:

    TIERWISE_HYPOTHESIS=explore TIERWISE_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz_statements.py

fuzz15 (30 November 2026): 5,500 more, a third accepted, none failing. fuzz16 (30 November 2026) added contact groups
and a plan's own hours of a channel to the values replaced (statement_fuzz.VALUES: a contact's group, the calendar of
`hours`/`answered`, a plan's first channel given hours of its own): 8,400 more, 27 to 39 % accepted, none failing.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings

from dsl.cli import main
from dsl.language.loader import load_text
from dsl.site.formatting import format_list, unit_list
from dsl.site.views import weekly_text
from support.paths import PLANS, ROOT
from support.statement_fuzz import SEEDS, moved_project, statements


def test_a_list_of_three_without_a_conjunction_in_a_language_whose_cldr_data_lacks_the_pattern() -> None:
    # Babel's "unit" list style of Swedish (German, Finnish, ...) holds the pattern for two items only.
    assert unit_list(["a", "b", "c", "d"], "sv") == "a, b, c, d"
    assert unit_list(["a", "b"], "sv") == "a, b"
    assert unit_list(["a", "b", "c"], "en") == "a, b, c"


def test_lists_in_every_language_cldr_knows_keep_each_item_once() -> None:
    """A project's own site languages (tierwise.toml) reach CLDR data with still more gaps: Spanish had no pattern for two
    items (a duration of hours and minutes failed the build), Arabic none for two either, and Babel wrote its second
    item twice."""
    from babel import Locale, localedata

    items = ["\x01a", "\x01b", "\x01c", "\x01d"]
    for code in (code for code in localedata.locale_identifiers() if "_" not in code):  # a region's locale inherits its language's lists
        for style in ("unit", "standard", "or"):
            for count in range(1, 5):
                joined = format_list(items[:count], style, Locale.parse(code))
                assert joined.count("\x01") == count and all(item in joined for item in items[:count]), (code, style, joined)
    assert format_list(["2 horas", "30 minutos"], "unit", Locale.parse("es")) == "2 horas y 30 minutos"
    assert format_list(["a", "b"], "unit", Locale.parse("ar")) == "a، وb"


def test_a_swedish_page_of_a_calendar_open_in_three_stretches_across_days_is_written() -> None:
    """`open fri 17:00 - mon 08:00` beside `open mon-fri 09:00-17:00`: check accepted it, the build said KeyError: 'start'."""
    source = """vendor acme {
  name "Acme"
  language en
  calendar weekends {
    zone Europe/Stockholm
    open fri 17:00 - mon 08:00
    open mon-fri 09:00-17:00
  }
}
"""
    result = load_text(source, "acme.plan")
    assert not [d for d in result.diagnostics if d.severity == "error"]
    [calendar] = result.project.vendors[0].calendars
    stretches = ["fre 17:00", "mån 08:00", "mån 09:00", "mån 17:00", "tis 09:00", "tis 17:00", "ons 09:00", "ons 17:00"]
    stretches += ["tors 09:00", "tors 17:00", "fre 09:00", "fre 17:00"]
    # Spaced, as Swedish sets a dash between ends of more than one word (transl16), with word joiners: no line break
    # inside a stretch.
    dash = "\u2060 \u2060–\u2060 \u2060"
    assert weekly_text(calendar, "sv") == ", ".join(f"{a}{dash}{b}" for a, b in zip(stretches[::2], stretches[1::2], strict=True))


def test_rules_with_an_empty_output_name_is_a_usage_error_before_the_export(tmp_path, monkeypatch, capsys) -> None:
    """`rules -o ''` exported everything, then said ': error: cannot write the rules: Is a directory', naming no file."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit:
        main(["--project", str(ROOT), "rules", "-o", ""])
    assert exit.value.code == 2
    assert "argument -o/--output: expected a file name, such as rules.json, or - for standard output" in capsys.readouterr().err
    assert list(tmp_path.parent.glob(".*.tmp")) == [] and list(tmp_path.iterdir()) == []


def test_a_vendor_id_too_long_for_a_file_name_is_t0118_at_the_id_not_a_failed_build(tmp_path, capsys) -> None:
    """A vendor id of 300 characters passed `check`; the build then failed writing its folder: 'File name too long'."""
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    long = "tramuntana" + "x" * 290
    (root / "plans" / "vendor.plan").write_text(f'vendor {long} {{\n  name "Tramuntana"\n  language en\n}}\n', encoding="utf-8")
    for command in (["check"], ["build", "--quiet", "--out", str(tmp_path / "site")], ["rules"]):
        assert main(["--project", str(root), *command]) == 1
        err = capsys.readouterr().err
        assert f"{root / 'plans' / 'vendor.plan'}:1:8: error[T0118]: an id of 300 characters; an id may have at most 64" in err
        assert "hint: shorten it" in err and "File name too long" not in err
    assert not (tmp_path / "site").exists()
    # 64 characters are an id; digits inside an id are no number of too many digits (T0113).
    (root / "plans" / "vendor.plan").write_text(f'vendor v{"1" * 63} {{\n  name "V"\n  language en\n}}\n', encoding="utf-8")
    assert main(["--project", str(root), "check"]) == 0


def test_every_language_cldr_has_can_be_a_site_language() -> None:
    """`languages = ["az"]` (Serbian, Chinese, Uzbek, Bosnian, Norwegian ...) was refused by the build as 'a language CLDR does
    not know': CLDR files those languages' regions under a script (az_Latn_AZ), and az_AZ is no locale."""
    from babel import localedata

    from dsl.site.formatting import known_locale, locale_code

    assert [code for code in localedata.locale_identifiers() if "_" not in code and not known_locale(code)] == []
    assert (locale_code("az"), locale_code("sr"), locale_code("zh"), locale_code("no")) == ("az_Latn_AZ", "sr_Cyrl_RS", "zh_Hans_CN", "no")
    assert (locale_code("de"), locale_code("sv"), locale_code("pt-BR"), locale_code("sr-Latn")) == ("de_DE", "sv_SE", "pt_BR", "sr_Latn")
    assert not known_locale("xx")


# --- the fuzz target: statements moved, values replaced ---------------------------------------------

EXAMPLES = int(os.environ.get("TIERWISE_FUZZ_EXAMPLES", "6"))
def command(*argv: str) -> tuple[int, str]:
    """(exit status, what it printed on stderr) of the command line run in this process."""
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


LOCATED = re.compile(r"^(.+):(\d+):(\d+): (?:error|warning)\[(T\d{4})\]", re.M)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("statements") / "project"
    (root / "plans").mkdir(parents=True)
    (root / "tierwise.toml").write_text('[site]\nbase_url = "https://support.example.org/"\n', encoding="utf-8")
    return root


def test_the_statement_splitter_finds_the_blocks_and_lines_of_a_real_plan() -> None:
    lines = SEEDS["stratiteq"].split("\n")
    found = statements(lines)
    [vendor] = [s for s in found if s[2] == 0]
    assert lines[vendor[0]].startswith("vendor stratiteq {") and lines[vendor[1] - 1] == "}"
    [calendar] = [s for s in found if lines[s[0]].strip().startswith("calendar stratiteq-office")]
    assert calendar[2] == 1 and lines[calendar[1] - 1].strip() == "}"
    assert any(lines[s[0]].strip() == "zone Europe/Stockholm" and s[1] == s[0] + 1 and s[2] == 2 for s in found)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(moved_project())
def test_a_plan_file_check_accepts_after_statements_move_builds_and_exports(fuzz_project: Path, drawn: tuple[str, str, str]) -> None:
    """Every error is located; a project `check` accepts builds its site and exports its rules, or neither tells why."""
    name, shared, vendor = drawn
    plans = fuzz_project / "plans"
    (plans / "shared.plan").write_text(shared, encoding="utf-8")
    (plans / "vendor.plan").write_text(vendor, encoding="utf-8")
    checked, err = command("--project", str(fuzz_project), "check")
    assert checked in (0, 1) and "Traceback" not in err, err[-2000:]
    for line in err.splitlines():
        if "error" in line[:300] and not line.startswith(("  ", "For more")) and line[:1].strip() and not line.endswith("error(s)."):
            assert LOCATED.match(line), f"{name}: an unlocated error: {line[:300]}"
    event("check accepted it" if checked == 0 else "check refused it")
    if checked != 0:
        return
    built, err = command("--project", str(fuzz_project), "build", "--quiet", "--out", str(fuzz_project / "site"))
    assert built == 0, f"{name}: check accepted it, the build failed:\n{err[-2000:]}"
    exported, err = command("--project", str(fuzz_project), "rules", "-o", str(fuzz_project / "rules.json"))
    assert exported == 0, f"{name}: check accepted it, the export failed:\n{err[-2000:]}"


SCHEME = """priorities p {
  level P1 { name "Critical" }
  level P2 { name "High" }
  impact company "Whole company"
  impact user "One user"
  urgency high "High"
  urgency low "Low"
  matrix {
    high: P1, P2
    low: P2, P2
  }
}
"""


@pytest.mark.parametrize(
    ("edit", "line", "message"),
    [
        (('  urgency low "Low"\n', '  urgency low "Low"\n  urgency low "Low"\n'), 8, "urgency 'low' is defined twice"),
        (('  impact user "One user"\n', '  impact user "One user"\n  impact user "One user"\n'), 6, "impact 'user' is defined twice"),
        (('  level P2 { name "High" }\n', '  level P2 { name "High" }\n  level P2 { name "High" }\n'), 4, "level 'P2' is defined twice"),
        (("    low: P2, P2\n", "    low: P2, P2\n    low: P1, P1\n"), 11, "the matrix has two rows for urgency 'low'"),
    ],
)
def test_a_level_impact_urgency_or_matrix_row_written_twice_is_t0301_not_refused_rules(edit: tuple[str, str], line: int, message: str) -> None:
    """Each passed `check`; the export then said 'the exported rules break docs/rules.md: ... does not name exactly the
    urgencies' (or 'a level id appears twice'), naming no line; two rows for one urgency were taken silently."""
    assert [d for d in load_text(SCHEME, "p.plan").diagnostics if d.is_error] == []
    found = [d for d in load_text(SCHEME.replace(*edit), "p.plan").diagnostics if d.is_error]
    assert [(d.code, d.pos.line, d.message) for d in found] == [("T0301", line, message)]
    assert found[0].hint is not None and found[0].hint.startswith(f"the first is at p.plan:{line - 1};")


def test_years_beyond_the_holiday_data_show_the_closed_holidays_line_with_a_caret(tmp_path, capsys) -> None:
    """`rules --years 2199-2199` was refused at the calendar's `closed holidays` line with a hint, but without the line
    and its caret, which every other located error shows."""
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "shared.plan").write_text((PLANS / "shared.plan").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "plans" / "stratiteq.plan").write_text((PLANS / "stratiteq.plan").read_text(encoding="utf-8"), encoding="utf-8")
    line = next(n for n, text in enumerate(SEEDS["stratiteq"].splitlines(), 1) if text.strip() == "closed holidays SE")
    for command_line in (["rules", "--years", "2199-2199"], ["due", "stratiteq/sos", "P3", "2199-11-23T15:00:00+01:00", "--years", "2199-2199"]):
        assert main(["--project", str(root), *command_line]) == 1
        err = capsys.readouterr().err
        assert f"{root / 'plans' / 'stratiteq.plan'}:{line}:5: error[T0813]:" in err
        assert f"{line} |     closed holidays SE\n" in err and "|     ^^^^^^^^^^^^^^^^^^\n" in err and "= hint: choose years within" in err


def test_a_country_listed_twice_or_unknown_for_the_customers_holidays_is_pointed_at_itself(tmp_path, capsys) -> None:
    """`closed holidays customer SE, SE` (T0515) and an unknown country in it (T0502) had their caret under the whole
    statement, from `closed`, not under the country."""
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    lines = ["vendor acme {", '  name "Acme"', "  language en", "  calendar c {", "    zone customer", "    open mon-fri 08:00-17:00",
             "    closed holidays customer SE, XX, SE", "  }", "}", ""]
    (root / "plans" / "acme.plan").write_text("\n".join(lines), encoding="utf-8")
    assert main(["--project", str(root), "check"]) == 1
    err = capsys.readouterr().err
    plan = root / "plans" / "acme.plan"
    assert f"{plan}:7:34: error[T0502]: unknown country code 'XX' for public holidays\n" in err
    assert f"{plan}:7:38: error[T0515]: country 'SE' is listed twice\n" in err
    assert "   7 |     closed holidays customer SE, XX, SE\n     |                                      ^^\n" in err
    assert "= hint: list each country once; it is first at column 30" in err
    assert "|     ^^^^" not in err  # no caret under the statement


def test_a_customer_country_whose_holidays_the_data_lacks_for_the_horizon_is_pointed_at_itself(tmp_path, capsys) -> None:
    """T0813 for a country of `closed holidays customer` had its caret under the whole statement, as T0515 had."""
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    lines = ["horizon 2005-2007", "vendor acme {", '  name "Acme"', "  language en", "  calendar c {", "    zone customer",
             "    open mon-fri 08:00-17:00", "    closed holidays customer SE, XK", "  }", "}", ""]
    (root / "plans" / "acme.plan").write_text("\n".join(lines), encoding="utf-8")
    assert main(["--project", str(root), "check"]) == 1
    err = capsys.readouterr().err
    plan = root / "plans" / "acme.plan"
    assert f"{plan}:8:34: error[T0813]: the holidays package knows the holidays of XK only for 2009–2100" in err
    assert "   8 |     closed holidays customer SE, XK\n     |                                  ^^\n" in err
    assert "T0813]: the holidays package knows the holidays of SE" not in err
