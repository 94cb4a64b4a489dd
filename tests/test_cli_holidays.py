"""`tierwise holidays`: the days a `closed holidays` line closes, as the rules expand it, and its errors as `check`'s."""

from __future__ import annotations

from datetime import date

import pytest

from dsl import cli
from dsl.rules.export import _country_dates


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(["holidays", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _listed(out: str) -> list[date]:
    return [date.fromisoformat(line.split()[0]) for line in out.splitlines()[1:]]


@pytest.mark.parametrize(
    ("argv", "country", "subdivision", "categories"),
    [
        (("SE", "--year", "2026", "--including", "de-facto"), "SE", None, ("public", "de_facto")),
        (("US", "--year", "2026"), "US", None, ("public",)),
        (("DE", "BY", "--year", "2027", "--including", "catholic"), "DE", "BY", ("public", "catholic")),
    ],
)
def test_the_days_listed_are_the_days_the_rules_close(capsys, argv, country, subdivision, categories) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    year = int(argv[argv.index("--year") + 1])
    closed, _ = _country_dates(country, subdivision, categories, (year,))
    assert _listed(out) == sorted(d for d in closed if d.year == year)
    assert out.splitlines()[0].endswith(f": {len(closed)} days in {year}")


def test_names_and_weekdays_say_what_each_day_is(capsys) -> None:
    code, out, _ = run(capsys, "SE", "--year", "2026", "--including", "de-facto")
    assert code == 0
    assert "  2026-06-19  Fri  Midsummer Eve (Midsommarafton)" in out.splitlines()  # the country's own name beside
    code, out, _ = run(capsys, "US", "--year", "2026")
    assert "  2026-07-03  Fri  Independence Day (observed)" in out.splitlines()  # what `closed holidays US` closes for the 4th
    assert "  2026-09-07  Mon  Labor Day" in out.splitlines()  # the US's own English


def test_names_are_the_sites_british_english_not_the_packages_us_title_case(capsys) -> None:
    """`tierwise holidays IT` said "Assumption Of Mary Day" and "Labor Day", the package's en_US."""
    code, out, _ = run(capsys, "IT", "--year", "2026")
    assert code == 0
    lines = out.splitlines()
    assert "  2026-08-15  Sat  Assumption of Mary Day (Assunzione della Beata Vergine Maria)" in lines
    assert "  2026-05-01  Fri  Labour Day (Festa del Lavoro)" in lines
    assert not any(" Of " in line or "Labor" in line for line in lines)
    code, out, _ = run(capsys, "CA", "--year", "2026")
    assert "  2026-09-07  Mon  Labour Day" in out.splitlines()  # Canada's own English, no bracket
    code, out, _ = run(capsys, "GB", "--year", "2026")
    assert all(line.count("(") == line.count("(observed)") for line in out.splitlines())  # British names, nothing beside


def test_this_year_by_default(capsys) -> None:
    code, out, _ = run(capsys, "SE")
    assert code == 0 and out.splitlines()[0].endswith(f"in {date.today().year}")


@pytest.mark.parametrize(
    ("argv", "message", "hint"),
    [
        (("DE", "XX"), "error: 'XX' is not a subdivision of DE", "BY (Bayern)"),
        (("SE", "--including", "defacto"), "error: SE has no holidays of the kind 'defacto'", "did you mean 'de-facto'?"),
        (("SW",), "error: unknown country code 'SW' for public holidays", ""),
        (("IT", "Milano"), "error: 'Milano' is not a subdivision of IT", "write its code: closed holidays IT MI (Milano)"),
    ],
)
def test_a_wrong_line_gets_checks_words_and_hint(capsys, argv, message, hint) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == message
    assert hint in err


def test_a_year_out_of_range_is_refused_by_the_argument_parser(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["holidays", "SE", "--year", "99"])
    assert stop.value.code == 2
    assert "expected a year from 1900 to 2199, such as 2026, got '99'" in capsys.readouterr().err


@pytest.mark.parametrize(("argv", "with_year"), [(("SE", "2027"), ("SE", "--year", "2027")), (("DE", "BY", "2027"), ("DE", "BY", "--year", "2027"))])
def test_a_year_after_the_country_or_subdivision_is_the_year(capsys, argv, with_year) -> None:
    """`tierwise holidays SE 2027`, as people type it, lists 2027 as --year does (it was refused as a subdivision '2027')."""
    code, out, err = run(capsys, *argv)
    assert (code, err) == (0, "")
    assert out == run(capsys, *with_year)[1]
    assert out.splitlines()[0].endswith(" in 2027")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("SE", "2027", "--year", "2026"), "error: give the year once, after the country or with --year"),
        (("SE", "1800"), "error: expected a year from 1900 to 2199, such as 2026, got '1800'"),
    ],
)
def test_a_year_given_twice_or_out_of_range_is_refused(capsys, argv, said) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out, err.strip()) == (2, "", said)
