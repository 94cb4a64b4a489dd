"""Smaller robustness items of issue 11: holiday coverage, SOURCE_DATE_EPOCH, empty files, bidi controls."""

from __future__ import annotations

import os
from datetime import date
from io import StringIO
from pathlib import Path

import pytest

from dsl.rules.export import ExportError, build_date, default_years, export_project
from dsl.site.publish import publish
from support.language_plans import HEADER, problems
from support.rules_sample import sample_project


def test_years_beyond_the_holiday_data_are_an_error_not_silently_holiday_free() -> None:
    with pytest.raises(ExportError) as caught:
        export_project(sample_project(), (2099, 2101))
    assert "only for" in str(caught.value) and "2099–2101" in str(caught.value) and "--years" in str(caught.value)
    rules = export_project(sample_project(), (2098, 2100))  # the last year covered: its 31 December may look at 2101
    assert rules["years"] == {"first": 2098, "last": 2100, "valid_until": "2100-12-31"}


def test_source_date_epoch_fixes_the_default_years_and_the_file_times(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z, before any build of this test
    assert build_date() == date(2026, 1, 1)
    out = tmp_path / "_site"
    assert publish(sample_project(), out, (2026, 2026), stderr=StringIO()) == 0
    times = {p.stat().st_mtime for p in out.rglob("*")}
    assert times == {1767225600}  # every file and folder clamped to the epoch
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")  # not a number: ignored
    assert build_date() == date.today()
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert os.environ.get("SOURCE_DATE_EPOCH") is None


def test_the_default_years_never_follow_the_clock(monkeypatch) -> None:
    """Issue 10: the span is the plans' horizon, else a fixed one; the day of the export changes nothing."""
    from dsl.language.loader import load_text

    years = []
    for epoch in ("1798675200", "1798761600"):  # 2026-12-31 and 2027-01-01, UTC
        monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        years.append(default_years())
    assert years == [(2026, 2028), (2026, 2028)]
    declared = load_text('horizon 2027-2031\nvendor acme {\n  name "Acme"\n  language en\n}\n').project
    assert declared is not None and default_years(declared) == (2027, 2031)


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "   # two\n# comments\n"])
def test_an_empty_or_comment_only_file_gets_one_warning(text: str) -> None:
    """Main's T0108 is the one empty-file warning (issue 11 asked for it too; the raw-text scan adds none)."""
    warnings = problems(text, "warning")
    assert [(m, line, col) for m, line, col, _ in warnings] == [("the plan file is empty", 1, 1)]
    assert problems(text) == []


@pytest.mark.parametrize("char", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"])
def test_bidi_control_characters_get_a_warning_at_their_place(char: str) -> None:
    text = HEADER.replace('name "V"', f'name "V {char}x"') + "}\n# and in a comment " + char + "\n"
    found = [w for w in problems(text, "warning") if "bidirectional" in w[0]]
    code = f"U+{ord(char):04X}"
    assert [(m, line, col) for m, line, col, _ in found] == [
        (f"a bidirectional control character {code} changes how the text around it is shown", 2, 11),
        (f"a bidirectional control character {code} changes how the text around it is shown", 5, 20),
    ]
    assert found[0][3] is not None and found[0][3].startswith("delete it")


def test_plan_files_are_listed_in_paths_own_order(tmp_path) -> None:
    """The loader sorts by path parts (fast); the order is the one Path's comparison gives, nested folders included."""
    from dsl.language.loader import find_plan_files

    names = ["b.plan", "a-b/x.plan", "a/x.plan", "a/b/y.plan", "A.plan", "a.b/z.plan", "a0.plan", "a/Z.plan"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    found, _ = find_plan_files([tmp_path])
    assert found == sorted(tmp_path / name for name in names)


def test_a_relative_path_that_does_not_exist_names_the_folder_it_was_read_from(tmp_path, monkeypatch, capsys) -> None:
    """`--project DIR rules plans` reads `plans` from the current folder, not the project: the hint says which folder."""
    from dsl import cli

    monkeypatch.chdir(tmp_path)
    assert cli.main(["check", "plans"]) == 1
    err = capsys.readouterr().err
    assert "error[T0202]: 'plans' does not exist" in err
    assert f"('plans' is read from the current folder, {tmp_path})" in err


def test_a_vendors_name_where_its_file_was_meant_gets_the_file_as_a_hint(tmp_path, monkeypatch, capsys) -> None:
    """An outside author ran `--project DIR rules softeria`: the hint now names DIR/plans/softeria.plan."""
    from dsl import cli

    project = tmp_path / "project"
    (project / "plans").mkdir(parents=True)
    (project / "plans" / "acme.plan").write_text('vendor acme {\n  name "Acme"\n  language en only\n  plan p { name "P" }\n}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for named in ("acme", "acme.plan"):
        assert cli.main(["--project", str(project), "rules", named]) == 1
        err = capsys.readouterr().err
        assert f"error[T0202]: '{named}' does not exist" in err
        assert f"hint: did you mean {project / 'plans' / 'acme.plan'}? ('{named}' is read from the current folder, {tmp_path})" in err
    assert cli.main(["--project", str(project), "rules", "nothing"]) == 1
    assert "hint: name a .plan file or a folder of them" in capsys.readouterr().err
