"""The `due` and `priority` commands' glue: export the project's rules, ask the engine, print, exit code.

Kept out of the engine (dsl.rules.engine reads only the rule JSON) and out of the command line
(dsl.cli parses arguments and calls these with plain values, never an argparse Namespace).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from dsl.language.model import Project
from dsl.rules.engine import Evaluator, RuleError, parse_moment, suggest
from dsl.rules.export import ExportError, default_years, export_project

BATCH_FIELDS = ("plan", "priority", "at", "tz", "metric", "case", "country")
"""The fields a line of `due --batch` may have (docs/rules.md §8)."""

USAGE = (
    "usage: python build.py due VENDOR/PLAN [PRIORITY] WHEN [--tz ZONE] [--metric METRIC] [--case CASE] [--country CC]\n"
    "   or: python build.py due --batch FILE|-"
)


def _rules(project: Project, years: tuple[int, int] | None) -> dict[str, Any]:
    """The project's rules over `years`, else over the default span (this year and the next two)."""
    return export_project(project, years or default_years())


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

    0: answered (a batch answers every line, errors included); 1: the rules or the question cannot
    be answered (printed as `error: …`), or the batch file cannot be read; 2: a malformed command.
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
        print(f"error: {exc}", file=stderr)
        return 1
    print(answer.isoformat(), file=stdout)
    return 0


def _run_batch(project: Project, source: str, years: tuple[int, int] | None, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    try:
        evaluator = Evaluator(_rules(project, years))
    except ExportError as exc:
        print(f"error: {exc}", file=stderr)
        return 1
    try:
        if source == "-":
            answer_lines(evaluator, stdin, stdout)
        else:
            with open(source, encoding="utf-8") as handle:
                answer_lines(evaluator, handle, stdout)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read the batch file '{source}': {exc}", file=stderr)
        return 1
    stdout.flush()
    return 0


def answer_lines(evaluator: Evaluator, lines: Iterable[str], stdout: TextIO) -> None:
    """Answer batch lines in order, one JSON line out per line in."""
    for number, line in enumerate(lines, start=1):
        stdout.write(json.dumps(answer_case(evaluator, line, number), ensure_ascii=False) + "\n")


def answer_case(evaluator: Evaluator, line: str, number: int = 1) -> dict[str, str]:
    """One batch line (a JSON object) -> {"due": ISO time} or {"error": words}; `number` names the line in errors."""
    if not line.strip():
        return {"error": f"line {number} is empty"}
    try:
        case = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"error": f"line {number} is not JSON: {exc.msg}"}
    if not isinstance(case, dict):
        example = '{"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00"}'
        return {"error": f"line {number} is not a JSON object such as {example}"}
    unknown = [k for k in case if k not in BATCH_FIELDS]
    if unknown:
        return {"error": f"line {number} has an unknown field '{unknown[0]}'{suggest(unknown[0], BATCH_FIELDS)}"}
    for key in BATCH_FIELDS:
        value = case.get(key)
        if value is not None and not isinstance(value, str):
            return {"error": f"line {number}: \"{key}\" must be a text or null, not {json.dumps(value)}"}
    for key in ("plan", "at"):
        if not case.get(key):
            return {"error": f"line {number} lacks \"{key}\""}
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
    except RuleError as exc:
        return {"error": str(exc)}
    return {"due": answer.isoformat()}


def run_priority(
    project: Project, vendor: str, impact: str, urgency: str, *, years: tuple[int, int] | None = None, stdout: TextIO, stderr: TextIO
) -> int:
    """`priority VENDOR IMPACT URGENCY`: print the level; returns the exit code (0, or 1 with `error: …`)."""
    try:
        level = Evaluator(_rules(project, years)).priority_for(vendor, impact, urgency)
    except (RuleError, ExportError) as exc:
        print(f"error: {exc}", file=stderr)
        return 1
    print(level, file=stdout)
    return 0
