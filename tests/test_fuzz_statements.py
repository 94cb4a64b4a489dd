"""Regressions from the statement-level fuzz run of fuzz13 (plan files with whole statements and blocks deleted,
duplicated, swapped or moved, and odd values in their places: times, dates, years, zones, countries, cycles).

Each input once gave a traceback, an error without a location, or a crash in building a plan that `check`
accepted; each now builds, or gives a located error and a hint.
"""

from __future__ import annotations

import pytest

from dsl.cli import main
from dsl.language.loader import load_text
from dsl.site.formatting import format_list, unit_list
from dsl.site.views import weekly_text
from support.paths import ROOT


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
    dash = "\u2060–\u2060"  # word joiners: no line break inside a stretch
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
