"""The `due` and `priority` commands' glue: export the project's rules, ask the engine, print, exit code.

Kept out of the engine (dsl.rules.engine reads only the rule JSON) and out of the command line
(dsl.cli parses arguments and calls these with plain values, never an argparse Namespace).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO, TextIO, cast

from dsl.language.limits import MAX_BATCH_LINE_BYTES
from dsl.language.model import Project
from dsl.rules.engine import Evaluator, RuleError, parse_moment, suggest
from dsl.rules.export import ExportError, default_years, export_failure, export_project

BATCH_FIELDS = ("plan", "priority", "at", "tz", "metric", "case", "country")
"""The fields a line of `due --batch` may have (docs/rules.md §8)."""

USAGE = (
    "usage: python build.py due VENDOR/PLAN [PRIORITY] WHEN [--tz ZONE] [--metric METRIC] [--case CASE] [--country CC]\n"
    "   or: python build.py due --batch FILE|-"
)


def _rules(project: Project, years: tuple[int, int] | None) -> dict[str, Any]:
    """The project's rules over `years`, else over the default span (the plans' horizon: docs/rules.md §1)."""
    return export_project(project, years or default_years(project))


def run_due(
    project: Project,
    target: str | None = None,
    rest: Sequence[str] = (),
    *,
    batch: str | None = None,
    tz: str | None = None,
    metric: str | None = None,
    case: str | None = None,
    country: str | None = None,
    years: tuple[int, int] | None = None,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
) -> int:
    """`due VENDOR/PLAN [PRIORITY] WHEN` (`target` and `rest`) or `due --batch FILE|-`; returns the exit code.

    0: answered (a batch: every line got a deadline); 1: the rules or the question cannot be answered
    (printed as `error: …`; a batch: at least one line got an error line); 2: a malformed command, or
    a batch file that cannot be read.
    """
    rest = list(rest)
    if batch is not None:
        if target is not None or rest:
            print("usage: due --batch FILE takes its cases from FILE, not from the command line", file=stderr)
            return 2
        return _run_batch(project, batch, years, stdin, stdout, stderr)
    if target is None or len(rest) not in (1, 2):
        print(USAGE, file=stderr)
        return 2
    priority, when = (None, rest[0]) if len(rest) == 1 else (rest[0], rest[1])
    try:
        answer = Evaluator(_rules(project, years)).due(target, priority, parse_moment(when), tz, metric, case, country)
    except (RuleError, ExportError) as exc:
        print(export_failure(exc) if isinstance(exc, ExportError) else f"error: {exc}", file=stderr)
        return 1
    print(answer.isoformat(), file=stdout)
    return 0


_SHOWN = 80  # characters of a caller's value echoed in an error: enough to recognise it


class LineTooLong(Exception):
    """A batch line longer than MAX_BATCH_LINE_BYTES: the batch stops at it (its end may never come)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


def _too_long(number: int) -> str:
    """The words for an over-long line `number`, in its error line and on standard error."""
    return f"line {number} is longer than {MAX_BATCH_LINE_BYTES:,} bytes, the most a batch line may hold; the batch stops here"


def _run_batch(
    project: Project,
    source: str,
    years: tuple[int, int] | None,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    answer_one: Callable[[Evaluator, str, int], dict[str, Any]] | None = None,
) -> int:
    """Answer a batch of JSON lines (`due --batch`, or `clock --batch` with its `answer_one`).

    Exit 0 when every line got an answer, 1 when any got an error (or the rules fail), 2 for an unusable FILE
    (one that cannot be read, or is read up to a line longer than MAX_BATCH_LINE_BYTES).
    """
    try:
        evaluator = Evaluator(_rules(project, years))
    except ExportError as exc:
        print(export_failure(exc), file=stderr)
        return 1
    try:
        if source == "-":
            # Bytes when there are any, so that invalid UTF-8 is one line's error, not the batch's end.
            failed = answer_lines(evaluator, getattr(stdin, "buffer", stdin), stdout, answer_one)
        else:
            with open(source, "rb") as handle:
                failed = answer_lines(evaluator, handle, stdout, answer_one)
    except BrokenPipeError:
        return _output_closed(stdout, stderr)
    except LineTooLong as exc:
        stdout.flush()
        where = "<stdin>" if source == "-" else source
        print(f"{where}:{exc.number}:1: error: {_too_long(exc.number)}", file=stderr)
        print("  hint: end every JSON object with a newline; a case takes about 150 bytes, a ticket a few kilobytes", file=stderr)
        return 2
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(f"error: cannot read the batch file '{source}': {reason}", file=stderr)
        print("  hint: name a readable file of JSON lines, or - for standard input", file=stderr)
        return 2
    stdout.flush()
    return 1 if failed else 0


def read_lines(handle: BinaryIO | TextIO, limit: int = MAX_BATCH_LINE_BYTES) -> Iterator[str | bytes | None]:
    """The lines of `handle` without their line end; None for a line longer than `limit`, and then no more.

    Never reads more than `limit` + 1 units of one line, whatever the input: the memory and the time
    of a batch are bounded by the longest allowed line, not by the file, even when a line never ends
    (/dev/zero). Its rest is not read, since the next line cannot be found without reading it.
    """
    while True:
        line: str | bytes = handle.readline(limit + 1)
        if not line:
            return
        ends = _ends_line(line)
        if len(line) > limit and not ends:
            yield None
            return
        yield line[:-1] if ends else line


def _ends_line(line: str | bytes) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def answer_lines(
    evaluator: Evaluator,
    lines: BinaryIO | TextIO | Iterable[str | bytes],
    stdout: TextIO,
    answer_one: Callable[[Evaluator, str, int], dict[str, Any]] | None = None,
) -> int:
    """Answer batch lines in order, one JSON line out per line in, flushed as it goes; returns how many were errors.

    `answer_one` answers one line (default: a `due` line, `answer_case`; `clock --batch` passes `answer_ticket`).
    """
    # A stream is read with a length cap per line; a plain iterable of lines (tests, tools) as it is.
    source: Iterable[str | bytes | None] = read_lines(cast(BinaryIO, lines)) if hasattr(lines, "readline") else lines
    failed = 0
    for number, line in enumerate(source, start=1):
        answer = _answer_raw(evaluator, line, number, answer_one or answer_case)
        if line is None:  # too long: its error line is the batch's last (LineTooLong says why, on stderr)
            _write(stdout, answer)
            raise LineTooLong(number)
        failed += "error" in answer
        _write(stdout, answer)
    return failed


def _write(stdout: TextIO, answer: dict[str, Any]) -> None:
    """One answer line, flushed."""
    try:
        text = json.dumps(answer, ensure_ascii=False)
        stdout.write(text + "\n")
    except UnicodeEncodeError:  # an output stream that cannot show some character: escape them all
        stdout.write(json.dumps(answer) + "\n")
    stdout.flush()


def _answer_raw(
    evaluator: Evaluator, line: str | bytes | None, number: int, answer_one: Callable[[Evaluator, str, int], dict[str, Any]] | None = None
) -> dict[str, Any]:
    """One line as read (text, bytes, or None for too long) -> its answer; never raises."""
    if line is None:
        return _error(number, None, _too_long(number))
    if isinstance(line, bytes):
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]  # a byte order mark some editors write
        try:
            line = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return _error(number, None, f"line {number} is not UTF-8: byte 0x{line[exc.start]:02x} at byte {exc.start + 1}")
    if "\x00" in line:  # a binary file given by mistake: say so, not "Expecting value"
        where = line.index("\x00") + 1
        return _error(number, None, f"line {number} holds a NUL byte at character {where}; a batch file is text, one JSON object per line")
    try:
        return (answer_one or answer_case)(evaluator, line.rstrip("\r"), number)
    except Exception as exc:  # the batch must go on; a line that gets here is a bug to report, not a crash
        return _error(number, None, f"line {number} could not be answered ({type(exc).__name__}); please report this line")


def _error(number: int, field: str | None, reason: str) -> dict[str, Any]:
    """An error answer: the line number, the field at fault (or null) and the reason."""
    return {"error": reason, "line": number, "field": field}


def _shown(value: str) -> str:
    """A caller's text as an error quotes it: cut to a readable length."""
    return value if len(value) <= _SHOWN else value[:_SHOWN] + "…"


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_object(
    line: str, number: int, noun: str, example: str, fields: Sequence[str], texts: Sequence[str]
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """A batch line read as a JSON object with known field names and text values: (object, None) or ({}, error)."""
    if not line.strip():
        return {}, _error(number, None, f"line {number} is empty")
    if len(line) > MAX_BATCH_LINE_BYTES:
        return {}, _error(number, None, f"line {number} is longer than {MAX_BATCH_LINE_BYTES:,} characters")
    try:
        case = json.loads(line)
    except json.JSONDecodeError as exc:
        # Some of json's messages end in "at" ("Invalid control character at"): not "at at column 16".
        reason = exc.msg[: -len(" at")] if exc.msg.endswith(" at") else exc.msg
        return {}, _error(number, None, f"line {number} is not JSON: {reason} at column {exc.colno}")
    except RecursionError:
        return {}, _error(number, None, f"line {number} nests too deeply to be a {noun}")
    except ValueError:  # an integer beyond Python's 4,300-digit conversion limit
        return {}, _error(number, None, f"line {number} holds a number too long to read (over 4,300 digits)")
    if not isinstance(case, dict):
        return {}, _error(number, None, f"line {number} is not a JSON object such as {example}")
    if any(_has_lone_surrogate(k) for k in case):
        return {}, _error(number, None, f"line {number} has a field name that is not valid Unicode (a lone surrogate)")
    unknown = [k for k in case if k not in fields]
    if unknown:
        return {}, _error(number, None, f"line {number} has an unknown field '{_shown(unknown[0])}'{suggest(unknown[0], fields)}")
    for key in texts:
        value = case.get(key)
        if value is not None and not isinstance(value, str):
            shown = _shown(json.dumps(value)) if isinstance(value, (bool, int, float)) else type(value).__name__
            return {}, _error(number, key, f"line {number}: \"{key}\" must be a text or null, not {shown}")
        if isinstance(value, str) and _has_lone_surrogate(value):
            return {}, _error(number, key, f"line {number}: \"{key}\" is not valid Unicode (a lone surrogate such as \\ud800)")
    return case, None


def answer_case(evaluator: Evaluator, line: str, number: int = 1) -> dict[str, Any]:
    """One batch line (a JSON object) -> {"due": ISO time} or {"error": words, "line": n, "field": name or null}."""
    example = '{"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00"}'
    case, error = _read_object(line, number, "case", example, BATCH_FIELDS, BATCH_FIELDS)
    if error is not None:
        return error
    for key in ("plan", "at"):
        if not case.get(key):
            return _error(number, key, f"line {number} lacks \"{key}\"")
    try:
        answer = evaluator.due(
            case["plan"],
            case.get("priority"),
            parse_moment(case["at"]),
            case.get("tz"),
            case.get("metric"),
            case.get("case"),
            case.get("country"),
        )
    except RuleError as exc:  # the evaluator's own words, as the JavaScript evaluator says them; `line` locates it
        return _error(number, exc.field, str(exc))
    except OverflowError:  # a moment so near year 1 or 9999 that the zone's offset leaves the calendar
        return _error(number, "at", f"the moment {_shown(case['at'])!r} is outside the years the rules cover")
    return {"due": answer.isoformat()}


def run_priority(
    project: Project, vendor: str, impact: str, urgency: str, *, years: tuple[int, int] | None = None, stdout: TextIO, stderr: TextIO
) -> int:
    """`priority VENDOR IMPACT URGENCY`: print the level; returns the exit code (0, or 1 with `error: …`)."""
    try:
        level = Evaluator(_rules(project, years)).priority_for(vendor, impact, urgency)
    except (RuleError, ExportError) as exc:
        print(export_failure(exc) if isinstance(exc, ExportError) else f"error: {exc}", file=stderr)
        return 1
    print(level, file=stdout)
    return 0


# --- clock --batch: the ticket clock (docs/rules.md §11) ------------------------------------------------

TICKET_FIELDS = ("plan", "priority", "at", "now", "events", "tz", "case", "country", "warnings")
"""The fields a line of `clock --batch` may have (docs/rules.md §11)."""

TICKET_TEXTS = ("plan", "priority", "at", "now", "tz", "case", "country")


def run_clock(
    project: Project, batch: str | None, *, years: tuple[int, int] | None = None, stdin: TextIO, stdout: TextIO, stderr: TextIO
) -> int:
    """`clock --batch FILE|-`: one ticket per JSON line, one answer line each; the exit codes of `due --batch`."""
    if batch is None:
        print("usage: python build.py clock --batch FILE|-   (one ticket per JSON line; docs/rules.md §11)", file=stderr)
        return 2
    return _run_batch(project, batch, years, stdin, stdout, stderr, answer_ticket)


def answer_ticket(evaluator: Evaluator, line: str, number: int = 1) -> dict[str, Any]:
    """One `clock --batch` line (a ticket) -> {"metrics": ..., "obligations": ...} or a located error; never raises."""
    example = '{"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00", "now": "2026-11-24T10:00:00+01:00"}'
    case, error = _read_object(line, number, "ticket", example, TICKET_FIELDS, TICKET_TEXTS)
    if error is not None:
        return error
    for key in ("events", "warnings"):
        if case.get(key) is not None and not isinstance(case[key], list):
            return _error(number, key, f"line {number}: \"{key}\" must be a list or null, not {type(case[key]).__name__}")
    for key in ("plan", "at", "now"):
        if not case.get(key):
            return _error(number, key, f"line {number} lacks \"{key}\"")
    try:
        answer = evaluator.ticket(
            case["plan"],
            case.get("priority") or None,
            case["at"],
            case["now"],
            case.get("events") or (),
            case.get("tz") or None,
            case.get("case") or None,
            case.get("country") or None,
            case.get("warnings"),
        )
    except RuleError as exc:
        return _error(number, exc.field, str(exc))
    except OverflowError:
        return _error(number, "at", f"a moment of line {number} is outside the years the rules cover")
    return answer


# --- the reader of the answers went away ---------------------------------------


def _output_closed(stdout: TextIO, stderr: TextIO) -> int:
    """`due --batch FILE | head -1`: say the answers' reader closed the pipe (it was 'cannot read the batch file'); exit 1."""
    try:
        # Later writes of buffered answers would fail again as Python exits: send them nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass
    print("error: the answers' reader closed standard output before the batch ended; the rest was not answered", file=stderr)
    return 1
