"""The command line (`tierwise`, or `python build.py` in a checkout): arguments, the project root, exit codes.

Each command loads the plan files through the same pipeline (text -> tree ->
model -> checks) and hands the model to one output. Every failure an author or
a consumer can cause ends in a located message and a non-zero exit, never in a
traceback.

Paths an author does not give are found relative to the project root: the folder
given with --project, else the nearest folder at or above the working directory
that holds `plans/`. Its `plans/` is read and its `_site/` is written, wherever
Tierwise itself is installed.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from dsl.language import cache as cache_module
from dsl.language.cache import BuildCache, project_cache
from dsl.language.diagnostics import missing_translations, print_diagnostics, shown
from dsl.language.loader import LoadResult, SourceChanged, load_project
from dsl.language.model import Project
from dsl.language.progress import Progress
from dsl.language.settings import Settings, load_settings, path_is
from dsl.language.vocabulary import DEFAULT_METRIC, LANGUAGES, METRICS
from dsl.rules.export import default_years

PLANS_FOLDER = "plans"
"""The folder of plan files in a project root."""

SITE_FOLDER = "_site"
"""The folder a project's site is published into, beside `plans/`."""


class ProjectRootError(Exception):
    """No project root: no --project and no `plans/` folder at or above the working directory."""


def find_project_root(start: Path, explicit: str | None = None) -> Path:
    """The project root: `explicit` (--project) if given, else the nearest folder from `start` upward holding plans/."""
    if explicit is not None:
        root = Path(explicit)
        if not path_is(root, "dir"):
            raise ProjectRootError(f"{explicit}: error: the project folder does not exist\n  hint: --project names the folder that holds plans/")
        return root
    for folder in (start, *start.parents):
        if (folder / PLANS_FOLDER).is_dir():
            return folder
    raise ProjectRootError(
        f"{start}: error: no {PLANS_FOLDER}/ folder here or in any folder above\n"
        f"  hint: run Tierwise inside a project (a folder holding {PLANS_FOLDER}/), pass --project DIR, or name plan files"
    )


def _resolved(path: Path) -> Path:
    """`path` resolved; as it is written (made absolute) when it cannot be (a loop of links, a name too long)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: pathlib's "Symlink loop"
        return path.absolute()


def project_context(paths: Sequence[str], explicit: str | None = None) -> list[Path]:
    """The project's plans/ folder, whose shared definitions are in scope when single files are checked."""
    starts = [_resolved(Path(p)).parent for p in paths] + [Path.cwd()]
    for start in starts if explicit is None else [Path.cwd()]:
        try:
            root = find_project_root(start, explicit)
        except ProjectRootError:
            continue
        return [root / PLANS_FOLDER] if (root / PLANS_FOLDER).is_dir() else []
    return []


def project_root(paths: Sequence[str], explicit: str | None = None) -> Path | None:
    """The project root the plan files belong to (as project_context finds it), None outside any project."""
    context = project_context(paths, explicit)
    return context[0].parent if context else None


def build_cache(paths: Sequence[str], explicit: str | None = None) -> BuildCache | None:
    """The build cache of the project the paths belong to (its .tierwise-cache/), or None outside a project."""
    root = project_root(paths, explicit)
    return project_cache(root) if root is not None else None


def load_with_settings(
    paths: Sequence[str], explicit: str | None = None, cache: BuildCache | None = None, progress: Progress | None = None,
    site: bool = False,
) -> tuple[LoadResult, Settings]:
    """The project's settings file and plan files, loaded and checked together (the settings' problems first).

    With `site` (check and build), also whether the site can be published in each of its languages.
    """
    settings, problems, sources = load_settings(project_root(paths, explicit))
    # Tierwise's own languages always have a catalog (packaged) and CLDR's data: only another language can lack one,
    # and only then does `check` pay for importing the site (Jinja, the templates' module) to look.
    if site and not any(d.is_error for d in problems) and not set(settings.languages) <= set(LANGUAGES):
        from dsl.site.render import language_problems

        problems = [*problems, *language_problems(settings)]
    result = load_project([Path(p) for p in paths], project_context(paths, explicit), cache=cache, progress=progress, settings=settings)
    result.diagnostics[:0] = problems
    result.sources.update(sources)
    if problems and any(d.is_error for d in problems):
        result.project = None
    return result, settings


def _load(paths: Sequence[str], strict: bool, explicit: str | None = None, warnings: bool = True) -> Project | None:
    """Load and check the plan files; print what is wrong (warnings only counted when `warnings` is False); None when
    anything is an error."""
    return _load_result(paths, strict, explicit, warnings=warnings)[0]


def _load_settled(
    paths: Sequence[str], strict: bool, explicit: str | None = None, warnings: bool = True
) -> tuple[Project, Settings] | None:
    """Load the settings and the plan files; print what is wrong; None when anything is an error."""
    project, _, _, settings = _load_result(paths, strict, explicit, warnings=warnings)
    return (project, settings) if project is not None else None


def _load_result(
    paths: Sequence[str], strict: bool, explicit: str | None = None, progress: Progress | None = None, warnings: bool = True,
    site: bool = False,
) -> tuple[Project | None, LoadResult, BuildCache | None, Settings]:
    """`_load`, with the whole load result (the vendors' cache keys), the build cache it used and the settings."""
    cache = build_cache(paths, explicit)
    result, settings = load_with_settings(paths, explicit, cache, progress, site=site)
    if progress is not None:
        progress.clear()
    errors = print_diagnostics(result.diagnostics, result.sources, sys.stderr, strict=strict, warnings=warnings)
    if errors or result.project is None:
        print(f"{errors} error(s); nothing was written.", file=sys.stderr)
        return None, result, cache, settings
    return result.project, result, cache, settings


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


def _file_name(text: str) -> str:
    """A file name for -o: an empty one named the working folder, which could only fail, after the whole export, as 'Is a directory'."""
    if not text:
        raise argparse.ArgumentTypeError("expected a file name, such as rules.json, or - for standard output; got an empty one")
    return text


def _port(text: str) -> int:
    """A TCP port, 0 to 65535 (`--port 99999` was an OverflowError traceback from the socket)."""
    return _whole_number(text, 0, 65535, f"expected a port number from 0 to 65535, got {text!r}")


def _whole_number(text: str, lowest: int, highest: int, refusal: str) -> int:
    """`text` as a whole number from `lowest` to `highest`, else argparse's error with `refusal`."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(refusal) from None
    if not lowest <= number <= highest:
        raise argparse.ArgumentTypeError(refusal)
    return number


def cmd_check(args: argparse.Namespace) -> int:
    """Parse and check plan files, reporting every problem found (a single file inside its project)."""
    explicit = getattr(args, "project", None)
    result, _ = load_with_settings(args.paths, explicit, build_cache(args.paths, explicit), site=True)
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

    progress = Progress(sys.stderr, enabled=not args.quiet)
    project, result, cache, settings = _load_result(args.paths, args.strict, getattr(args, "project", None), progress, site=True)
    if project is None:
        return 1
    return publish(
        project, Path(args.out), years=args.years or default_years(project), base_url=args.base_url,
        cache=cache, vendor_keys=result.vendor_keys, quiet=args.quiet, progress=progress, settings=settings,
        reported=missing_translations(result.diagnostics),
    )


def cmd_rules(args: argparse.Namespace) -> int:
    """Write the SLA rule set of every vendor as one JSON document."""
    from dsl.rules.export import ExportError, dumps, export_failure, export_project

    # The rule set on stdout is the answer: warnings are counted, not printed (check and build print them).
    loaded = _load_settled(args.paths, strict=False, explicit=getattr(args, "project", None), warnings=False)
    if loaded is None:
        return 1
    project, settings = loaded
    try:
        text = dumps(export_project(project, args.years or default_years(project), languages=settings.languages))
    except ExportError as exc:
        print(export_failure(exc), file=sys.stderr)
        return 1
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        from dsl.site.publish import write_atomically

        try:
            write_atomically(Path(args.output), text)
        except OSError as exc:
            print(f"{args.output}: error: cannot write the rules: {exc.strerror or exc}", file=sys.stderr)
            print(f"  hint: -o names a file in a folder you can write to; {args.output} is unchanged", file=sys.stderr)
            return 1
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    """Answer 'by when?' for one ticket, or for a batch of them."""
    from dsl.rules.commands import run_due

    project = _load(args.plans, strict=False, warnings=False)  # the answer, not every warning of the plans
    if project is None:
        return 1
    rest = list(args.rest)
    if rest and rest[-1] == "now":  # a ticket reported now, in this machine's zone: "by when must we answer this one?"
        rest[-1] = _now().isoformat(timespec="seconds")
    return run_due(
        project,
        args.target,
        rest,
        batch=args.batch,
        tz=args.tz,
        metric=args.metric,
        case=args.case,
        country=args.country,
        years=args.years,
        stdin=sys.stdin,
        stdout=sys.stdout,
        stderr=sys.stderr,
    )


def _now() -> datetime:
    """This moment, with this machine's UTC offset."""
    return datetime.now().astimezone()


def cmd_clock(args: argparse.Namespace) -> int:
    """The ticket clock: per ticket (JSON lines with events), every metric's deadline, elapsed time, state and warnings."""
    from dsl.rules.commands import run_clock

    project = _load(args.plans, strict=False, warnings=False)
    if project is None:
        return 1
    return run_clock(project, args.batch, years=args.years, stdin=sys.stdin, stdout=sys.stdout, stderr=sys.stderr)


def cmd_priority(args: argparse.Namespace) -> int:
    """Look up a priority level in a vendor's impact x urgency matrix."""
    from dsl.rules.commands import run_priority

    project = _load(args.plans, strict=False, warnings=False)
    if project is None:
        return 1
    return run_priority(project, args.vendor, args.impact, args.urgency, years=args.years, stdout=sys.stdout, stderr=sys.stderr)


def cmd_explain(args: argparse.Namespace) -> int:
    """Print the long explanation of a diagnostic code, or list every code."""
    from dsl.language.diagnostics import did_you_mean
    from dsl.language.explanations import EXPLANATIONS, explain

    if args.code is None:
        # Sorted: codes are added in blocks of their own as the language grows, not in number order.
        for code, entry in sorted(EXPLANATIONS.items()):
            print(f"{code}  {entry.title}")
        return 0
    text = explain(args.code)
    if text is None:
        hint = did_you_mean(args.code.upper(), EXPLANATIONS) or "run 'tierwise explain' to list every code"
        # As typed, but never a control character: `explain $'T\x1b[2J'` must not clear the reader's terminal.
        print(f"error: unknown diagnostic code '{shown(args.code)}'\n  hint: {shown(hint)}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0


def cmd_holidays(args: argparse.Namespace) -> int:
    """List the days a `closed holidays` line closes in one year, with their names."""
    from datetime import date

    from dsl.language import checks, datasets
    from dsl.language.model import Calendar, HolidaySource, Pos

    # `tierwise holidays SE 2027`: a year written where a subdivision may stand is the year (no subdivision is a year).
    subdivision, year_written = args.subdivision, args.year_written
    if subdivision is not None and re.fullmatch(r"\d{4}", subdivision) and year_written is None:
        subdivision, year_written = None, subdivision
    year: int | None = args.year
    if year_written is not None:
        if year is not None:
            print("error: give the year once, after the country or with --year", file=sys.stderr)
            return 2
        try:
            year = _year(year_written)
        except argparse.ArgumentTypeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    kinds = [k.strip() for k in (args.including or "").split(",") if k.strip()]
    written = f"closed holidays {args.country}" + (f" {subdivision}" if subdivision else "")
    written += f" including {', '.join(kinds)}" if kinds else ""
    # Judged by the same checks as the line in a plan file, so the command and `check` never disagree.
    where = Pos("<command line>", 0, 0)
    source = HolidaySource(
        args.country, subdivision, ("public", *(k.replace("-", "_") for k in kinds)), where, tuple(where for _ in kinds)
    )
    problems = list(checks.check_holidays(Calendar("holidays", "UTC", holidays=(source,))))
    for problem in problems:
        print(f"error: {problem.message}" + (f"\n  hint: {problem.hint}" if problem.hint else ""), file=sys.stderr)
    if problems:
        return 1
    year = year if year is not None else date.today().year
    try:
        days = datasets.holidays_in(source.country, source.subdivision, source.categories, year)
    except (NotImplementedError, ValueError) as exc:
        print(f"error: the holidays package has no {written!r} for {year}: {exc}", file=sys.stderr)
        return 1
    print(f"{written}: {len(days)} day{'s' if len(days) != 1 else ''} in {year}")
    for day in days:
        print(f"  {day.day.isoformat()}  {day.day.strftime('%a')}  {day.name}" + (f" ({day.own})" if day.own else ""))
    return 0


def _year(text: str) -> int:
    """A year for `holidays --year`, 1900-2199."""
    return _whole_number(text, 1900, 2199, f"expected a year from 1900 to 2199, such as 2026, got {text!r}")


def cmd_serve(args: argparse.Namespace) -> int:
    """Build, serve the site on localhost and rebuild when a plan or template changes."""
    from dsl.site.serve import serve

    explicit = getattr(args, "project", None)
    return serve(
        [Path(p) for p in args.paths], Path(args.out), args.port, None, project_root(args.paths, explicit),
        cache=build_cache(args.paths, explicit), context=project_context(args.paths, explicit),
    )


def parser(prog: str | None = None) -> argparse.ArgumentParser:
    """The argument parser of `tierwise` (and of `python build.py`)."""
    # --project is accepted before or after the command; SUPPRESS keeps a subcommand's
    # default from overwriting a value given before it.
    project = argparse.ArgumentParser(add_help=False)
    project.add_argument(
        "--project", metavar="DIR", default=argparse.SUPPRESS,
        help="the project folder, holding plans/ (default: the nearest folder at or above here that holds plans/)",
    )
    top = argparse.ArgumentParser(
        prog=prog,
        description="Tierwise: support plans written once, published as a website and SLA rules.",
        parents=[project],
    )
    top.add_argument("--version", action="version", version=f"tierwise {cache_module.tool_version()}")
    sub = top.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", parents=[project], help="parse and check plan files")
    check.add_argument("--strict", action="store_true", help="treat warnings (missing translations) as errors")
    check.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: the project's plans/)")
    check.set_defaults(func=cmd_check)

    build = sub.add_parser("build", parents=[project], help="build the static website (the default command)")
    _add_build_options(build)
    build.set_defaults(func=cmd_build)

    rules = sub.add_parser("rules", parents=[project], help="export the SLA rule set as JSON")
    rules.add_argument("-o", "--output", type=_file_name, metavar="FILE", help="write to FILE instead of standard output")
    rules.add_argument("--years", type=_years, metavar="FIRST-LAST", help="years to expand calendars over (default: the plans' horizon)")
    rules.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: the project's plans/)")
    rules.set_defaults(func=cmd_rules)

    due = sub.add_parser("due", parents=[project], help="by when must a ticket be answered?")
    due.add_argument("target", nargs="?", metavar="VENDOR/PLAN")
    due.add_argument("rest", nargs="*", metavar="[PRIORITY] WHEN", help="priority (if the plan has them) and an ISO 8601 time with offset, or now")
    due.add_argument("--tz", metavar="ZONE", help="the customer's time zone, for calendars in the customer's zone")
    due.add_argument(
        "--metric", metavar="METRIC",
        help=f"what is measured: {', '.join(METRICS)} (default: {DEFAULT_METRIC})",
    )
    due.add_argument("--case", metavar="CASE", help="the kind of case, for targets limited to one (default: the general case)")
    due.add_argument("--country", metavar="CC", help="the customer's country, for calendars closed on the customer's holidays")
    due.add_argument("--batch", metavar="FILE", help="read one JSON case per line from FILE (- for standard input)")
    due.add_argument("--years", type=_years, metavar="FIRST-LAST", help="years the rules cover (default: the plans' horizon)")
    due.add_argument("--plans", action="append", default=[], metavar="PATH", help="plan files or folders (default: the project's plans/)")
    due.set_defaults(func=cmd_due)

    clock = sub.add_parser("clock", parents=[project], help="a ticket's SLA clocks: deadlines, pauses, breaches, warnings")
    clock.add_argument("--batch", metavar="FILE", help="read one JSON ticket per line from FILE (- for standard input)")
    clock.add_argument("--years", type=_years, metavar="FIRST-LAST", help="years the rules cover (default: as for due)")
    clock.add_argument("--plans", action="append", default=[], metavar="PATH", help="plan files or folders (default: the project's plans/)")
    clock.set_defaults(func=cmd_clock)

    priority = sub.add_parser("priority", parents=[project], help="the priority level for an impact and an urgency")
    priority.add_argument("vendor")
    priority.add_argument("impact")
    priority.add_argument("urgency")
    priority.add_argument("--years", type=_years, metavar="FIRST-LAST", help=argparse.SUPPRESS)
    priority.add_argument("--plans", action="append", default=[], metavar="PATH", help="plan files or folders (default: the project's plans/)")
    priority.set_defaults(func=cmd_priority)

    explain = sub.add_parser("explain", help="explain a diagnostic code, such as T0501, with an example")
    explain.add_argument("code", nargs="?", metavar="CODE", help="the code shown in a diagnostic: error[T0501] (none: list every code)")
    explain.set_defaults(func=cmd_explain)

    holidays = sub.add_parser(
        "holidays", help="the days a calendar's `closed holidays` line closes in a year, with their names",
        description="List the days `closed holidays COUNTRY [SUBDIVISION] [including KINDS]` closes, as the rules expand it.",
    )
    holidays.add_argument("country", metavar="COUNTRY", help="the two-letter country code, as in the plan: SE, DE, US")
    holidays.add_argument("subdivision", nargs="?", metavar="SUBDIVISION", help="a state or region, as in the plan: BY")
    holidays.add_argument("year_written", nargs="?", metavar="YEAR", help="the year to list (default: this year), as --year")
    holidays.add_argument("--year", type=_year, metavar="YEAR", help="the year to list (default: this year)")
    holidays.add_argument("--including", metavar="KINDS", help="other kinds of holiday, comma-separated, as after 'including': de-facto")
    holidays.set_defaults(func=cmd_holidays)

    serve = sub.add_parser("serve", parents=[project], help="build, serve on localhost and rebuild on change (the open page reloads itself)")
    serve.add_argument("--out", metavar="DIR", help="where the site goes (default: _site/ in the project)")
    serve.add_argument("--port", type=_port, default=8000, help="the port on 127.0.0.1, 0-65535 (0: any free one; default: 8000)")
    serve.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: the project's plans/)")
    serve.set_defaults(func=cmd_serve)
    return top


def _add_build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", metavar="DIR", help="where the site goes (default: _site/ in the project)")
    p.add_argument("--strict", action="store_true", help="treat warnings (missing translations) as errors")
    p.add_argument("--quiet", action="store_true", help="no progress and no summary line (errors and warnings are still printed)")
    p.add_argument("--years", type=_years, metavar="FIRST-LAST", help="years the published rules cover (default: the plans' horizon)")
    p.add_argument(
        "--base-url",
        metavar="URL",
        help="where the site will be served from, for canonical links and the sitemap "
        "(default: $TIERWISE_BASE_URL, else [site] base_url in tierwise.toml, else https://tierwise.example/)",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="plan files or folders (default: the project's plans/)")


def _with_project_defaults(args: argparse.Namespace) -> argparse.Namespace:
    """Fill the paths an author did not give from the project root: its plans/ and its _site/."""
    needs_plans = [name for name in ("paths", "plans") if hasattr(args, name) and not getattr(args, name)]
    needs_out = hasattr(args, "out") and args.out is None
    if needs_plans or needs_out:
        root = find_project_root(Path.cwd(), getattr(args, "project", None))
        for name in needs_plans:
            setattr(args, name, [str(root / PLANS_FOLDER)])
        if needs_out:
            args.out = str(root / SITE_FOLDER)
    return args


def run(prog: str | None = None) -> NoReturn:
    """The console script (and build.py): `main`, then end the process at once, without freeing its objects one by one.

    A build or check of 1,000 vendors holds hundreds of MB of small objects; an ordinary exit takes
    them apart one at a time, after a last garbage collection over all of them: seconds after the work
    is done. By then every file is written and closed, so the process flushes its streams and ends,
    as mypy does.
    """
    code = main(prog=prog)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away (`tierwise rules | head`), a closed stream
            pass
    os._exit(code)


def main(argv: Sequence[str] | None = None, prog: str | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # No command, or only options (`tierwise --out x`, `tierwise --project p`): the default command, build.
    lead = 2 if argv[:1] == ["--project"] else 1 if argv[:1] and argv[0].startswith("--project=") else 0
    rest = argv[lead:]
    if not rest or rest[0].startswith("-") and rest[0] not in ("-h", "--help", "--version"):
        argv = [*argv[:lead], "build", *rest]
    args = parser(prog).parse_args(argv)
    try:
        args = _with_project_defaults(args)
    except ProjectRootError as exc:
        print(exc, file=sys.stderr)
        return 2
    # Only a command-line run forks worker processes for a cold build (dsl/site/parallel.py), and only
    # while its command runs: a caller that goes on in the same process (a test, an embedding tool)
    # must not find forking switched on afterwards.
    forking = cache_module.FORKING_ALLOWED
    cache_module.FORKING_ALLOWED = True
    # A build holds a large, long-lived, immutable model and makes millions of small objects that form
    # no cycles; the collector's default thresholds scan the whole heap again and again (a third of a
    # one-file rebuild at 1,000 vendors). Collect rarely, as mypy does, and only while the command runs.
    thresholds = gc.get_threshold()
    gc.set_threshold(200_000, 30, 30)
    try:
        result: int = args.func(args)
        return result
    except KeyboardInterrupt:
        return 130
    except SourceChanged as exc:  # a plan file edited while the command ran: run it again
        print(f"{exc.filename}: error: {exc.strerror}", file=sys.stderr)
        return 1
    finally:
        cache_module.FORKING_ALLOWED = forking
        gc.set_threshold(*thresholds)


if __name__ == "__main__":  # `python -m dsl.cli` (used by helpers and scripts) is `tierwise`, not a silent import
    run(prog="python -m dsl.cli")
