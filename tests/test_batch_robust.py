"""`due --batch` never stops: every kind of bad line between good lines gets exactly one located error line.

The bad lines are those of issue 11's probe (zone folders, long names, lone surrogates, huge numbers,
deep nesting, invalid UTF-8 bytes, non-objects); the exit status is the one docs/rules.md §8 documents.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dsl.language.limits import MAX_BATCH_LINE_BYTES
from dsl.rules.commands import LineTooLong, answer_lines, read_lines, run_due
from dsl.rules.engine import Evaluator
from dsl.rules.export import export_project
from support.paths import BUILD_PY, PLANS
from support.rules_sample import YEARS, sample_project

GOOD = {"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00"}
GOOD_DUE = "2026-11-24T14:00:00+01:00"  # the Stratiteq example of docs/rules.md


def case(**changes: object) -> str:
    """The good case with some fields changed, as one JSON line (lone surrogates kept as \\ud800 escapes)."""
    return json.dumps({**GOOD, **changes})


# (line, the field the error must name or None)
BAD_LINES: list[tuple[str, str | None]] = [
    (case(tz="Europe"), "tz"),  # a folder of the zone database: IsADirectoryError
    (case(tz="Etc"), "tz"),
    (case(tz="America"), "tz"),
    (case(tz="A" * 300), "tz"),  # longer than a file name may be
    (case(tz="../../../etc/passwd"), "tz"),
    (case(tz="Europe/Stockholm\x00"), "tz"),
    (case(tz="\ud800"), "tz"),
    (case(plan="a" * 300 + "/" + "b" * 300), "plan"),
    (case(plan="x" * 300), "plan"),
    (case(plan="\ud800"), "plan"),
    (case(priority="\udfff"), "priority"),
    (case(at="\ud800"), "at"),
    (case(metric="m" * 5000), "metric"),
    ('{"plan": ' + "9" * 5000 + "}", None),  # beyond Python's int-conversion limit
    ('{"plan": 1e999999}', "plan"),
    ('{"plan": NaN}', "plan"),
    ("[" * 10_000 + "]" * 10_000, None),  # short enough to parse, deep enough to exhaust the recursion
    ('{"a":' * 5_000 + "1" + "}" * 5_000, None),
    ('"just a text"', None),
    ("[]", None),
    ("null", None),
    ("42", None),
    ("", None),
    ("   ", None),
    ("{", None),
    ('{"\\ud800": "x"}', None),
    (case(at="9999-12-31T23:59:59-23:59"), "at"),
    (case(at="0001-01-01T00:00:00+23:59"), "at"),
    (case(at="2026-11-23T15:00:00"), "at"),
    (case(at="tomorrow"), "at"),
    (case(priority=3), "priority"),
    (case(priority=["P3"]), "priority"),
    (case(metric="uptime"), "metric"),
    (json.dumps({"plan": "stratiteq/sos", "at": GOOD["at"], "colour": "red"}), None),
    ("[" * (MAX_BATCH_LINE_BYTES - 10), None),  # as long as a line may be: read, and too deep
    ("ab\x00cd", None),  # a NUL byte: a binary file given by mistake
]


def _feed(lines: list[str]) -> str:
    """The bad lines, each between two good ones."""
    good = json.dumps(GOOD)
    return "".join(f"{good}\n{line}\n" for line in lines) + good + "\n"


def _check_answers(out: str, bad: list[tuple[str | bytes, str | None]]) -> None:
    answers = [json.loads(line) for line in out.splitlines()]
    assert len(answers) == 2 * len(bad) + 1
    for i, answer in enumerate(answers):
        if i % 2 == 0:
            assert answer == {"due": GOOD_DUE}, (i + 1, answer)
        else:
            line, field = bad[i // 2]
            assert set(answer) == {"error", "line", "field"}, (i + 1, line[:80], answer)
            assert answer["line"] == i + 1
            # a fault of the line as a whole says its number; a field's fault is the evaluator's own words
            assert answer["field"] is not None or answer["error"].startswith(f"line {i + 1}")
            assert answer["field"] == field, (i + 1, line[:80], answer)
            assert len(answer["error"]) < 400  # a long value is cut, not echoed whole


def test_every_bad_line_gets_one_located_error_and_the_batch_goes_on() -> None:
    out, err = io.StringIO(), io.StringIO()
    text = _feed([line for line, _ in BAD_LINES])
    code = run_due(sample_project(), batch="-", years=YEARS, stdin=io.StringIO(text), stdout=out, stderr=err)
    assert (code, err.getvalue()) == (1, "")
    _check_answers(out.getvalue(), list(BAD_LINES))


def test_all_good_lines_exit_0() -> None:
    out, err = io.StringIO(), io.StringIO()
    text = (json.dumps(GOOD) + "\n") * 3
    assert run_due(sample_project(), batch="-", years=YEARS, stdin=io.StringIO(text), stdout=out, stderr=err) == 0
    assert out.getvalue() == (json.dumps({"due": GOOD_DUE}) + "\n") * 3


def test_invalid_utf8_and_surrogates_in_a_batch_file(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 are one line's error; a byte order mark is skipped; CRLF is fine."""
    good = json.dumps(GOOD).encode()
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n" + b'{"plan": "\xff\xfe"}\n' + good + b"\n" + b"\xc3\n" + good)
    out, err = io.StringIO(), io.StringIO()
    code = run_due(sample_project(), batch=str(path), years=YEARS, stdin=io.StringIO(), stdout=out, stderr=err)
    assert (code, err.getvalue()) == (1, "")
    answers = [json.loads(line) for line in out.getvalue().splitlines()]
    assert answers[0] == answers[2] == answers[4] == {"due": GOOD_DUE}
    assert answers[1] == {"error": "line 2 is not UTF-8: byte 0xff at byte 11", "line": 2, "field": None}
    assert answers[3]["error"].startswith("line 4 is not UTF-8") and len(answers) == 5


PLAN_NEEDED = (PLANS / "stratiteq.plan").exists()


def test_the_command_line_streams_one_answer_per_line_and_exits_1() -> None:
    """Through the real command line, standard input read as bytes, stdout piped (not a terminal)."""
    if not PLAN_NEEDED:
        return
    bad = [(line.encode("utf-8", "surrogatepass"), field) for line, field in BAD_LINES]
    bad.append((b"\xff\xfe\xfd", None))
    good = json.dumps({**GOOD, "at": "2026-11-23T10:00:00+01:00"}).encode()
    data = b"".join(good + b"\n" + line + b"\n" for line, _ in bad) + good + b"\n"
    done = subprocess.run([sys.executable, str(BUILD_PY), "due", "--batch", "-"], input=data, capture_output=True, timeout=120)
    assert done.returncode == 1 and done.stderr == b""
    answers = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert len(answers) == 2 * len(bad) + 1
    assert all("due" in a for a in answers[::2]) and all("error" in a for a in answers[1::2])
    assert [a["line"] for a in answers[1::2]] == list(range(2, 2 * len(bad) + 1, 2))


def test_unusable_arguments_exit_2(tmp_path: Path) -> None:
    for source in (str(tmp_path), str(tmp_path / "missing.jsonl")):
        out, err = io.StringIO(), io.StringIO()
        assert run_due(sample_project(), batch=source, years=YEARS, stdin=io.StringIO(), stdout=out, stderr=err) == 2
        assert out.getvalue() == "" and err.getvalue().startswith(f"error: cannot read the batch file '{source}'")
    out, err = io.StringIO(), io.StringIO()
    assert run_due(sample_project(), "stratiteq/sos", ["x"], batch="-", stdin=io.StringIO(), stdout=out, stderr=err) == 2


def test_single_questions_with_a_zone_folder_are_errors_not_tracebacks() -> None:
    for tz in ("America", "Etc", "Europe", "Z" * 256):
        out, err = io.StringIO(), io.StringIO()
        at = ["2026-11-23T15:00:00+01:00"]
        code = run_due(sample_project(), "amanda/standard", at, tz=tz, years=YEARS, stdin=io.StringIO(), stdout=out, stderr=err)
        assert code == 1 and err.getvalue().startswith("error: unknown time zone '" + tz[:100])


class _Endless:
    """A stream whose one line never ends; counts what was read of it."""

    def __init__(self) -> None:
        self.read = 0

    def readline(self, size: int = -1) -> bytes:
        assert size > 0, "an unbounded readline of an endless line never returns"
        self.read += size
        return b"y" * size


def test_an_endless_line_is_read_up_to_the_limit_plus_one_byte_and_no_further() -> None:
    stream = _Endless()
    assert list(read_lines(stream)) == [None]  # type: ignore[arg-type]
    assert stream.read == MAX_BATCH_LINE_BYTES + 1
    out = io.StringIO()
    with pytest.raises(LineTooLong) as raised:
        answer_lines(Evaluator(export_project(sample_project(), years=YEARS)), io.BytesIO(b"{}\n" + b"y" * (MAX_BATCH_LINE_BYTES + 1)), out)
    assert raised.value.number == 2 and len(out.getvalue().splitlines()) == 2


def test_an_over_long_line_on_standard_input_is_located_at_stdin() -> None:
    out, err = io.StringIO(), io.StringIO()
    text = case() + "\n" + "z" * (MAX_BATCH_LINE_BYTES + 1) + "\n" + case() + "\n"
    assert run_due(sample_project(), batch="-", years=YEARS, stdin=io.StringIO(text), stdout=out, stderr=err) == 2
    assert err.getvalue().startswith(f"<stdin>:2:1: error: line 2 is longer than {MAX_BATCH_LINE_BYTES:,} bytes, the most a batch line")
    assert [json.loads(line).get("line") for line in out.getvalue().splitlines()] == [None, 2]
