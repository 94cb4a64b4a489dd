"""The command line: argument parsing and exit codes, nothing else.

Each command loads the plan files through the same pipeline (text -> tree ->
model -> checks) and hands the model to one output. Every failure an author or
a consumer can cause ends in a located message and a non-zero exit, never in a
traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from dsl.language.diagnostics import print_diagnostics
from dsl.language.loader import load_project
from dsl.language.model import Project
from dsl.rules.export import default_years

DEFAULT_PLANS = Path("plans")


def _load(paths: Sequence[str], strict: bool) -> Project | None:
    """Load and check the plan files; print what is wrong; None when anything is an error."""
    result = load_project([Path(p) for p in paths] or [DEFAULT_PLANS])
    errors = print_diagnostics(result.diagnostics, result.sources, sys.stderr, strict=strict)
    if errors or result.project is None:
        print(f"{errors} error(s); nothing was written.", file=sys.stderr)
        return None
    return result.project


def _years(text: str) -> tuple[int, int]:
    """Parse `2026-2028` (or `2026`) into a first and last year."""
    first, _, last = text.partition("-")
    try:
        span = (int(first), int(last or first))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a year range such as 2026-2028, got {text!r}") from None
    if span[0] > span[1] or span[0] < 1900 or span[1] > 2200:
        raise argparse.ArgumentTypeError(f"expected a year range such as 2026-2028, got {text!r}")
    return span


def cmd_check(args: argparse.Namespace) -> int:
    """Parse and check plan files, reporting every problem found."""
    result = load_project([Path(p) for p in args.paths] or [DEFAULT_PLANS])
    errors = print_diagnostics(result.diagnostics, result.sources, sys.stderr, strict=args.strict)
    if errors:
        print(f"{errors} error(s).", file=sys.stderr)
        return 1
    vendors = len(result.project.vendors) if result.project else 0
    print(f"ok: {vendors} vendor(s) checked.")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the static site (and the rule files it publishes) into --out, atomically."""
    from dsl.site.publish import publish

    project = _load(args.paths, args.strict)
    if project is None:
        return 1
    return publish(project, Path(args.out), years=args.years or default_years(), base_url=args.base_url)


def cmd_rules(args: argparse.Namespace) -> int:
    """Write the SLA rule set of every vendor as one JSON document."""
    from dsl.rules.export import ExportError, dumps, export_project

    project = _load(args.paths, strict=False)
    if project is None:
        return 1
    try:
        text = dumps(export_project(project, args.years or default_years()))
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        from dsl.site.publish import write_atomically

        write_atomically(Path(args.output), text)
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    """Answer 'by when?' for one ticket, or for a batch of them."""
    from dsl.rules.engine import run_due

    project = _load(args.plans, strict=False)
    if project is None:
        return 1
    return run_due(project, args, sys.stdin, sys.stdout, sys.stderr)


def cmd_priority(args: argparse.Namespace) -> int:
    """Look up a priority level in a vendor's impact x urgency matrix."""
    from dsl.rules.engine import run_priority

    project = _load(args.plans, strict=False)
    if project is None:
        return 1
    return run_priority(project, args.vendor, args.impact, args.urgency, sys.stdout, sys.stderr)


def cmd_serve(args: argparse.Namespace) -> int:
    """Build, serve the site on localhost and rebuild when a plan or template changes."""
    from dsl.site.serve import serve

    return serve([Path(p) for p in args.paths] or [DEFAULT_PLANS], Path(args.out), args.port, default_years())


def parser() -> argparse.ArgumentParser:
    """The argument parser of `python build.py`."""
    top = argparse.ArgumentParser(
        prog="python build.py",
        description="Tierwise: support plans written once, published as a website and SLA rules.",
    )
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="parse and check plan files")
    check.add_argument("--strict", action="store_true", help="treat warnings (missing translations) as errors")
    check.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: plans/)")
    check.set_defaults(func=cmd_check)

    build = sub.add_parser("build", help="build the static website (the default command)")
    _add_build_options(build)
    build.set_defaults(func=cmd_build)

    rules = sub.add_parser("rules", help="export the SLA rule set as JSON")
    rules.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    rules.add_argument("--years", type=_years, metavar="FIRST-LAST", help="years to expand calendars over")
    rules.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: plans/)")
    rules.set_defaults(func=cmd_rules)

    due = sub.add_parser("due", help="by when must a ticket be answered?")
    due.add_argument("target", nargs="?", metavar="VENDOR/PLAN")
    due.add_argument("rest", nargs="*", metavar="[PRIORITY] WHEN", help="priority (if the plan has them) and an ISO 8601 time with offset")
    due.add_argument("--tz", metavar="ZONE", help="the customer's time zone, for calendars in the customer's zone")
    due.add_argument("--metric", metavar="METRIC", help="what is measured (default: first-response)")
    due.add_argument("--batch", metavar="FILE", help="read one JSON case per line from FILE (- for standard input)")
    due.add_argument("--years", type=_years, metavar="FIRST-LAST", help="years the rules cover (default: this year and the next two)")
    due.add_argument("--plans", action="append", default=[], metavar="PATH", help="plan files or folders (default: plans/)")
    due.set_defaults(func=cmd_due)

    priority = sub.add_parser("priority", help="the priority level for an impact and an urgency")
    priority.add_argument("vendor")
    priority.add_argument("impact")
    priority.add_argument("urgency")
    priority.add_argument("--years", type=_years, metavar="FIRST-LAST", help=argparse.SUPPRESS)
    priority.add_argument("--plans", action="append", default=[], metavar="PATH", help="plan files or folders (default: plans/)")
    priority.set_defaults(func=cmd_priority)

    serve = sub.add_parser("serve", help="build, serve on localhost and rebuild on change")
    serve.add_argument("--out", default="_site", metavar="DIR")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: plans/)")
    serve.set_defaults(func=cmd_serve)
    return top


def _add_build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default="_site", metavar="DIR", help="where the site goes (default: _site/)")
    p.add_argument("--strict", action="store_true", help="treat warnings (missing translations) as errors")
    p.add_argument("--years", type=_years, metavar="FIRST-LAST", help="years the published rules cover")
    p.add_argument(
        "--base-url",
        metavar="URL",
        help="where the site will be served from, for canonical links and the sitemap "
        "(default: $TIERWISE_BASE_URL, else https://tierwise.example/)",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: plans/)")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["build", *argv]
    args = parser().parse_args(argv)
    if args.command is None:
        args = parser().parse_args(["build"])
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
