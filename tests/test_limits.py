"""Limits of a plan file (docs/language.md, "Limits") and input that used to crash the checks.

Each excess is a located error found before the parser works on it; zone folders and names too long
for a file name are diagnostics, not tracebacks; memory and suggestion time stay bounded.
"""

from __future__ import annotations

import dataclasses
import io
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from dsl.cli import main
from dsl.language import limits
from dsl.language.diagnostics import did_you_mean
from dsl.language.loader import load_project, load_text
from dsl.language.parser import parse_file
from dsl.language.vocabulary import LANGUAGES, RESERVED_IDS
from dsl.site.publish import publish
from support.language_plans import ALL, HEADER, only, problems
from support.rules_sample import YEARS, sample_project

CALENDAR = "  calendar c {{ name {{ {all} }} zone {zone} open mon-fri 08:00-17:00 }}\n}}\n"


def test_a_zone_that_is_a_folder_of_the_zone_database_is_a_located_error() -> None:
    for zone in ("Europe", "Etc", "America"):
        text = HEADER + CALENDAR.format(all=ALL, zone=zone)
        message, line, col, hint = only(text)
        at_zone = text.splitlines()[3].index(" zone ") + 2  # the `zone` statement
        assert (message, line, col) == (f"unknown time zone '{zone}'", 4, at_zone)
        assert hint is not None and hint.startswith(f"'{zone}' is a region, not a zone; name a place in it, such as {zone}/")


def test_a_zone_name_longer_than_a_file_name_is_a_located_error() -> None:
    text = HEADER + CALENDAR.format(all=ALL, zone="A" * 256)
    message, line, col, hint = only(text)
    assert (message, line, col) == ("unknown time zone '" + "A" * 100 + "'", 4, text.splitlines()[3].index(" zone ") + 2)
    assert hint == "use an IANA zone such as Europe/Stockholm"


def test_a_number_of_too_many_digits_is_an_error_at_the_number() -> None:
    for digits in (10, 5000):  # 5000: beyond Python's int-conversion limit
        text = HEADER + f'  plan p {{ name "P" price {"9" * digits} EUR }}\n}}\n'
        message, line, col, hint = only(text)
        assert message == f"a number of {digits:,} digits; a number may have at most {limits.MAX_DIGITS}"
        assert (line, col) == (4, 27)
        assert hint is not None and "typing slip" in hint
    message, line, col, _ = only(HEADER + f"  plan p {{ name \"P\"\n    target first-response all {'1' * 4400}h on c }}\n}}\n")
    assert (line, col) == (5, 31) and message.startswith("a number of 4,400 digits")


def test_digits_inside_texts_comments_and_names_are_not_numbers() -> None:
    digits = "1" * 40
    text = HEADER + f'  # call {digits}\n  contact phone "{digits}"\n}}\n'
    assert not any("digits" in m for m, *_ in problems(text))


def test_a_text_longer_than_the_limit_is_an_error_at_its_quote() -> None:
    size = limits.MAX_TEXT_CHARS + 1
    message, line, col, hint = only(HEADER.replace('"V"', '"' + "v" * size + '"'))
    assert message == f"this text has {size:,} characters; a text may hold at most {limits.MAX_TEXT_CHARS:,}"
    assert (line, col) == (2, 8) and hint is not None
    triple = HEADER + '  intro { sv """' + "x\n" * (size // 2 + 1) + '""" }\n}\n'
    message, line, col, _ = only(triple)
    assert message.startswith("this text has") and (line, col) == (4, 14)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.plan"
    path.write_bytes(b"#" * (limits.MAX_FILE_BYTES + 1))
    text, decl, diagnostics = parse_file(path)
    assert (text, decl) == ("", None)
    [d] = diagnostics
    assert d.message == f"the file is {limits.MAX_FILE_BYTES + 1:,} bytes; a plan file may hold at most {limits.MAX_FILE_BYTES:,}"
    assert (d.pos.line, d.pos.column) == (1, 1)
    result = load_project([path])
    assert result.project is None and [x.message for x in result.diagnostics] == [d.message]


def test_too_many_lines_is_an_error_at_the_first_line_over(monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_LINES", 3)
    message, line, col, _ = only(HEADER + "  website \"https://v.example\"\n}\n")
    assert message == "the file holds more than 3 lines that are not blank or comments" and (line, col) == (4, 3)


def test_a_long_text_costs_memory_linear_in_its_length() -> None:
    """The STRING token once needed ~217 bytes per byte; now a text near the limit costs a few times its size."""
    size = limits.MAX_TEXT_CHARS
    text = HEADER + '  intro { ' + " ".join(f'{lang} "{"x" * size}"' for lang in ("sv", "it", "pl", "en")) + " }\n}\n"
    load_text(text, "warm.plan")  # the grammar is compiled once, outside the measurement
    tracemalloc.start()
    try:
        load_text(text, "t.plan")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 40 * len(text), (peak, len(text))


def test_did_you_mean_stays_fast_for_thousands_of_misspellings() -> None:
    known = [f"feature-{i:05d}" for i in range(5000)]
    start = time.process_time()
    hints = [did_you_mean(f"featur-{i:05d}", known) for i in range(0, 5000, 25)]
    # 200 searches among 5,000 names: ~0.3 s; comparing with every name took ~12 s (generous bound: a shared CI machine)
    assert time.process_time() - start < 5
    assert hints[1] == "did you mean 'feature-00025'?" and hints[100] == "did you mean 'feature-02500'?"
    assert did_you_mean("xfeature-03000", known) == "did you mean 'feature-03000'?"  # the start misspelt: found by its end
    assert did_you_mean("x" * 100_000, known) is None


# --- ids the site uses itself ------------------------------------------------------------------


def test_vendor_ids_that_collide_with_the_site_are_refused_at_the_vendor() -> None:
    assert {"all", "schema", "assets", "rules", "index", "sitemap", "robots", "404", *LANGUAGES} <= set(RESERVED_IDS)
    for vid in ("all", "schema", "assets", "rules", "index", "sitemap", "robots", "en", "Sv", "compare", "Compare"):
        text = f'\n\nvendor {vid} {{\n  name "V"\n  language sv\n}}\n'
        found = [p for p in problems(text) if "cannot be a vendor id" in p[0]]
        assert len(found) == 1, (vid, problems(text))
        message, line, col, hint = found[0]
        assert message == f"'{vid}' cannot be a vendor id: the published site uses that name itself"
        assert (line, col) == (3, 1)
        assert hint is not None and hint.startswith(f"choose another id, such as '{vid}-support'")


def test_the_publisher_refuses_a_reserved_vendor_id_built_in_code(tmp_path: Path) -> None:
    project = sample_project()
    bad = dataclasses.replace(project, vendors=(dataclasses.replace(project.vendors[0], id="schema"),))
    err = io.StringIO()
    assert publish(bad, tmp_path / "_site", YEARS, stderr=err) == 1
    assert "'schema' cannot be a vendor id" in err.getvalue() and not (tmp_path / "_site").exists()


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.plan"
    os.mkfifo(fifo)
    text, decl, diagnostics = parse_file(fifo)  # opening it would block until a writer came
    assert (text, decl) == ("", None)
    assert [(d.message, d.pos.line, d.pos.column) for d in diagnostics] == [(f"'{fifo}' is a pipe, not a plan file", 0, 0)]


def test_a_fifo_named_on_the_command_line_is_called_a_pipe_not_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.plan"
    os.mkfifo(fifo)
    assert main(["check", str(fifo)]) == 1
    err = capsys.readouterr().err
    assert f"{fifo}: error[T0203]: '{fifo}' is a pipe, not a plan file" in err and "does not exist" not in err


def test_crlf_and_cr_line_ends_parse(tmp_path: Path) -> None:
    path = tmp_path / "crlf.plan"
    path.write_bytes(b'vendor v {\r\n  name "V"\r  language sv\r\n}\r\n')
    text, decl, diagnostics = parse_file(path)  # read as written (main's reader keeps \r), parsed all the same
    assert text == 'vendor v {\r\n  name "V"\r  language sv\r\n}\r\n' and decl is not None and decl.vendors[0].id == "v"


def test_the_reserved_list_covers_every_name_the_site_layout_uses(tmp_path: Path) -> None:
    """A new top-level file or folder of the site (or a new file in rules/) must join RESERVED_IDS."""
    out = tmp_path / "_site"
    project = sample_project()
    assert publish(project, out, YEARS, stderr=io.StringIO()) == 0
    top = {p.name.split(".")[0] for p in out.iterdir()}
    assert top - set(LANGUAGES) <= set(RESERVED_IDS), top - set(LANGUAGES) - set(RESERVED_IDS)
    rules = {p.stem for p in (out / "rules").iterdir()}
    assert rules - {v.id for v in project.vendors} <= set(RESERVED_IDS)


def test_plans_and_features_beyond_the_limits_are_errors_at_the_first_one_over() -> None:
    plans = "".join(f'  plan p{i} {{ name "P{i}" }}\n' for i in range(1, limits.MAX_PLANS + 2))
    message, line, col, hint = only(HEADER + plans + "}\n")
    assert message == f"vendor 'v' has {limits.MAX_PLANS + 1} plans; a vendor may have at most {limits.MAX_PLANS}"
    assert (line, col) == (HEADER.count("\n") + limits.MAX_PLANS + 1, 3)  # the first plan over
    assert hint is not None and "split the offer into several vendors" in hint
    features = "".join(f'  feature f{i} {{ label "F{i}" }}\n' for i in range(1, limits.MAX_FEATURES + 2))
    message, line, col, _ = only(HEADER + features + "}\n")
    assert message == f"vendor 'v' has {limits.MAX_FEATURES + 1} features; a vendor may have at most {limits.MAX_FEATURES}"
    assert (line, col) == (HEADER.count("\n") + limits.MAX_FEATURES + 1, 3)
    # At the limits, a file loads.
    plans = "".join(f'  plan p{i} {{ name {{ {ALL} }} }}\n' for i in range(1, limits.MAX_PLANS + 1))
    assert load_text(HEADER + plans + "}\n", "v.plan").errors == []


def test_a_chain_of_thousands_of_plans_extending_each_other_is_refused_before_it_is_resolved() -> None:
    """Each plan of an `extends` chain gets a copy of its parents' cells: 6,000 plans and features were 18 million
    cells, 6 seconds and 330 MB before the checks could say anything; the limit is now judged at parsing."""
    count = 6000
    text = (
        HEADER
        + "".join(f'  feature f{i} {{ label "F{i}" }}\n' for i in range(count))
        + '  plan p0 { name "P" features { f0: yes } }\n'
        + "".join(f"  plan p{i} extends p{i - 1} {{ features {{ f{i}: yes }} }}\n" for i in range(1, count))
        + "}\n"
    )
    load_text(HEADER + "}\n", "warm.plan")
    tracemalloc.start()
    try:
        result = load_text(text, "chain.plan")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.code for d in result.diagnostics] == ["T0117", "T0117"]
    assert peak < 40 * len(text), (peak, len(text))


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        ("localtime", "'localtime' is the zone of the computer the site is built on, not a place; name the place whose clock"),
        ("posixrules", "'posixrules' is a file of the computer's zone data"),
        ("Factory", "'Factory' is the tz data's name for \"local time unknown\", not a place"),
        ("posix/Europe/Stockholm", "did you mean 'Europe/Stockholm'? The names under posix/ are copies beside the zone data"),
        ("right/UTC", "did you mean 'UTC'? The names under right/ are copies"),
    ],
)
def test_a_zone_file_that_names_no_place_is_a_located_error(zone: str, hint: str) -> None:
    """ZoneInfo loads these, so `check` passed and `build` published rules the site's own evaluator refused
    ("unknown time zone 'localtime' (calendar 'c')"), and `localtime` made the deadlines the build machine's."""
    text = HEADER + CALENDAR.format(all=ALL, zone=zone)
    message, line, col, said = only(text)
    assert (message, line, col) == (f"unknown time zone '{zone}'", 4, text.splitlines()[3].index(" zone ") + 2)
    assert said is not None and said.startswith(hint), said


def test_a_currency_that_is_no_iso_code_in_use_is_an_error_at_it_with_the_codes_it_is_close_to() -> None:
    """`price 1200 SKE per month` was published as "1 200 SKE": a slip read as a currency of its own."""
    for written, close in (("SKE", "did you mean 'SEK', 'KES' or 'SLE'?"), ("EUE", "did you mean 'EUR'?"), ("QQQ", None)):
        text = HEADER + f'  plan p {{ name {{ {ALL} }} price 1200 {written} per month }}\n}}\n'
        message, line, col, hint = only(text)
        assert (message, line, col) == (f"unknown currency '{written}'", 4, text.splitlines()[3].index(written) + 1)
        assert hint is not None and hint.endswith("a currency is written as its ISO 4217 code, such as SEK, EUR, PLN or USD"[1:])
        assert hint.startswith(close) if close else hint.startswith("a currency"), hint
    # In every place an amount stands: a set-up fee, a part, a least amount, an add-on.
    for price in ("price 5 EUR per month plus 3 EUE setup", "price 5 EUR per month plus 3 EUE per server",
                  "price 20% of licence per year at least 100 EUE"):
        found = [message for message, *_ in problems(HEADER + f'  plan p {{ name {{ {ALL} }} {price} }}\n}}\n')]
        assert "unknown currency 'EUE'" in found, (price, found)


def test_the_currencies_a_price_may_be_in_are_cldrs_legal_tenders_since_2020() -> None:
    """vocabulary.CURRENCIES is a copy of CLDR's data (parsing a price loads none): it must be Babel's, as this Babel has it."""
    from babel.core import get_global

    from dsl.language.vocabulary import CURRENCIES

    tenders = {
        code
        for territory in get_global("territory_currencies").values()
        for code, _start, end, tender in territory
        if tender and (end is None or end[0] >= 2020)
    }
    assert sorted(CURRENCIES) == sorted(tenders)
    assert len(set(CURRENCIES)) == len(CURRENCIES)
