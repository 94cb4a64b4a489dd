"""The reference evaluator: deadlines computed from the exported rule JSON alone.

It never looks at the model, so every answer it gives proves that the JSON is
enough for a consumer. The semantics are those of docs/rules.md: a calendar's
local pieces are turned into instants (wall time -> instant with fold=0), their
union is the open time, and the deadline is the earliest instant by which the
target's minutes of open time have passed since the report.

Speed comes from doing that conversion once per calendar and zone: the open
intervals of the whole exported span, sorted and merged, with a running total
of open time, so that one deadline is two binary searches.
"""

from __future__ import annotations

import argparse
import bisect
import difflib
import json
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, Callable, Iterable, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_METRIC = "first-response"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
BATCH_FIELDS = ("plan", "priority", "at", "tz", "metric")

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_US = 1_000_000
_MINUTE_US = 60 * _US
_ONE_US = timedelta(microseconds=1)
_DAY_S = 86_400


class RuleError(Exception):
    """A question the rules cannot answer, explained in words a user can act on."""


# --- small helpers ------------------------------------------------------------------------------


def _suggest(name: str, known: Iterable[str]) -> str:
    """ '; did you mean X?' or '; known: a, b' for a misspelt name."""
    options = sorted(set(known))
    # Compare case-insensitively, so that 'p3' suggests 'P3'.
    lowered = {o.lower(): o for o in options}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{lowered[close[0]]}'?"
    if options and len(options) <= 10:
        return "; known: " + ", ".join(options)
    return ""


_zones: dict[str, ZoneInfo] = {}


def _zone(name: str, what: str) -> ZoneInfo:
    """The IANA zone called `name`, or a RuleError naming what it was meant for."""
    found = _zones.get(name)
    if found is not None:
        return found
    try:
        found = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise RuleError(f"unknown time zone '{name}' ({what}); use an IANA name such as Europe/Stockholm") from None
    _zones[name] = found
    return found


def parse_moment(text: str) -> datetime:
    """An ISO 8601 date and time that must carry its UTC offset (Z or ±HH:MM)."""
    if not isinstance(text, str):
        raise RuleError(f"the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not {text!r}")
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise RuleError(f"'{text}' is not an ISO 8601 date and time, such as 2026-11-23T15:00:00+01:00") from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise RuleError(f"the time '{text}' has no UTC offset; add one, such as {text.strip()}+01:00 or {text.strip()}Z")
    return moment


def _us(moment: datetime) -> int:
    """Microseconds since the epoch, exactly (no float rounding)."""
    return (moment - _EPOCH) // timedelta(microseconds=1)


def _from_us(us: int, zone: tzinfo) -> datetime:
    return _instant(us, zone)


def _instant(us: int, zone: tzinfo) -> datetime:
    """The instant `us` microseconds after the epoch, as an aware datetime in `zone`."""
    seconds, micro = divmod(us, _US)
    # fromtimestamp with a whole number of seconds is exact, and several times faster than
    # adding a timedelta to the epoch and converting.
    moment = datetime.fromtimestamp(seconds, zone)
    return moment.replace(microsecond=micro) if micro else moment


def _minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:5])


def _local_us(day_ordinal: int, minute: int, zone: ZoneInfo) -> int:
    """The instant of a local wall time (minute may be 1440 = next midnight), fold=0."""
    if minute == 1440:
        day_ordinal, minute = day_ordinal + 1, 0
    wall = datetime.fromordinal(day_ordinal).replace(hour=minute // 60, minute=minute % 60, tzinfo=zone, fold=0)
    offset = wall.utcoffset()
    seconds = (day_ordinal - _EPOCH_ORDINAL) * _DAY_S + minute * 60 - int(offset.total_seconds())
    return seconds * _US


# --- compiled calendars ----------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    """A calendar's open time over the exported span in one zone, as merged instants in microseconds."""

    starts: list[int]
    ends: list[int]
    before: list[int]  # open time before each interval
    through: list[int]  # open time up to the end of each interval
    lo: int  # first instant of the span (1 Jan of the first year, local midnight)
    hi: int  # first instant after the span (1 Jan after the last year, local midnight)

    def deadline(self, report: int, minutes: int) -> int | None:
        """The earliest instant with `minutes` of open time since `report`; None beyond the span."""
        if minutes == 0:
            return report
        i = bisect.bisect_right(self.ends, report)
        if i == len(self.ends):
            return None
        used = self.before[i] + max(0, report - self.starts[i])
        goal = used + minutes * _MINUTE_US
        j = bisect.bisect_left(self.through, goal, lo=i)
        if j == len(self.through):
            return None
        return self.starts[j] + (goal - self.before[j])


def _span_bounds(first: int, last: int, zone: tzinfo) -> tuple[int, int]:
    lo = _us(datetime(first, 1, 1, tzinfo=zone))
    hi = _us(datetime(last + 1, 1, 1, tzinfo=zone))
    return lo, hi


def compile_timeline(calendar: dict[str, Any], first: int, last: int, zone: ZoneInfo) -> Timeline:
    """Convert every local piece of the span to instants once; merge their union."""
    weekly = [[(_minutes(a), _minutes(b)) for a, b in calendar["weekly"][d]] for d in WEEKDAYS]
    dated = {
        date.fromisoformat(day).toordinal(): [(_minutes(a), _minutes(b)) for a, b in pieces]
        for day, pieces in calendar["dates"].items()
    }
    raw: list[tuple[int, int]] = []
    for ordinal in range(date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal() + 1):
        pieces = dated.get(ordinal)
        if pieces is None:
            pieces = weekly[(ordinal - 1) % 7]  # date.fromordinal(1) is a Monday
        for start, end in pieces:
            a = _local_us(ordinal, start, zone)
            b = _local_us(ordinal, end, zone)
            if b > a:
                raw.append((a, b))
    raw.sort()
    starts: list[int] = []
    ends: list[int] = []
    for a, b in raw:
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    before: list[int] = []
    through: list[int] = []
    total = 0
    for a, b in zip(starts, ends):
        before.append(total)
        total += b - a
        through.append(total)
    lo, hi = _span_bounds(first, last, zone)
    return Timeline(starts, ends, before, through, lo, hi)


_CACHE_SIZE = 256
_cache: "OrderedDict[tuple[int, str], tuple[dict[str, Any], tuple[Any, ...], Timeline]]" = OrderedDict()


def clear_cache() -> None:
    """Forget compiled calendars and questions (needed only if a rules dict was changed in place after use)."""
    _cache.clear()
    _clocks.clear()


def _timeline(rules: dict[str, Any], calendar: dict[str, Any], zone_name: str, zone: ZoneInfo) -> Timeline:
    years = rules["years"]
    # The calendar dict itself is kept in the entry, so its id cannot be reused while cached.
    stamp = (id(calendar["weekly"]), id(calendar["dates"]), len(calendar["dates"]), years["first"], years["last"])
    key = (id(calendar), zone_name)
    entry = _cache.get(key)
    if entry is not None and entry[0] is calendar and entry[1] == stamp:
        _cache.move_to_end(key)
        return entry[2]
    timeline = compile_timeline(calendar, years["first"], years["last"], zone)
    _cache[key] = (calendar, stamp, timeline)
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return timeline


# --- lookups -------------------------------------------------------------------------------------


def _vendor_plan(rules: dict[str, Any], plan: str) -> tuple[str, dict[str, Any], str, dict[str, Any]]:
    if not isinstance(plan, str) or plan.count("/") != 1:
        raise RuleError(f"name the plan as VENDOR/PLAN, such as stratiteq/sos, not {plan!r}")
    vendor_id, plan_id = plan.split("/")
    vendors = rules["vendors"]
    vendor = vendors.get(vendor_id)
    if vendor is None:
        raise RuleError(f"unknown vendor '{vendor_id}'{_suggest(vendor_id, vendors)}")
    plans = vendor["plans"]
    found = plans.get(plan_id)
    if found is None:
        raise RuleError(f"vendor '{vendor_id}' has no plan '{plan_id}'{_suggest(plan_id, plans)}")
    return vendor_id, vendor, plan_id, found


def find_target(rules: dict[str, Any], plan: str, priority: str | None, metric: str | None = None) -> dict[str, Any]:
    """The plan's target for a priority and metric (the priority's own, else the one for all)."""
    version = str(rules.get("format_version", ""))
    if not version.startswith("1."):
        raise RuleError(f"these rules are in format {version or '(none)'}; this evaluator reads format 1.x")
    metric = metric or DEFAULT_METRIC
    if metric not in rules["metrics"]:
        raise RuleError(f"unknown metric '{metric}'{_suggest(metric, rules['metrics'])}")
    vendor_id, vendor, plan_id, found = _vendor_plan(rules, plan)
    levels = [lv["id"] for lv in vendor["priorities"]["levels"]] if vendor["priorities"] else []
    if priority is not None and priority not in levels:
        if not levels:
            raise RuleError(f"vendor '{vendor_id}' has no priority levels; leave the priority '{priority}' out")
        raise RuleError(f"vendor '{vendor_id}' has no priority '{priority}'{_suggest(priority, levels)}")
    targets = [t for t in found["targets"] if t["metric"] == metric]
    target = next((t for t in targets if t["priority"] == priority), None)
    if target is None and priority is not None:
        target = next((t for t in targets if t["priority"] is None), None)
    if target is None:
        if priority is None and targets:
            given = ", ".join(t["priority"] for t in targets)
            raise RuleError(f"plan '{vendor_id}/{plan_id}' sets its {metric} targets per priority; give one of: {given}")
        which = f" for priority {priority}" if priority else ""
        raise RuleError(f"plan '{vendor_id}/{plan_id}' states no {metric} target{which}")
    if target["minutes"] is None:
        which = f" for priority {target['priority']}" if target["priority"] else ""
        raise RuleError(f"plan '{vendor_id}/{plan_id}' guarantees no {metric} time{which}: there is no deadline")
    return target


class Clock:
    """One question made ready to answer: its target resolved, its calendar compiled for one zone.

    `clock.due(moment)` answers one report given as an aware datetime;
    `clock.due_us(report)` answers one given in microseconds since the epoch,
    for tools that keep instants as integers. `zone` None means a 24x7 calendar
    without a zone asked without `tz`: the answer then comes in the report's
    own offset.
    """

    __slots__ = ("minutes", "timeline", "zone", "first", "last", "due_us", "due")

    def __init__(self, minutes: int, timeline: Timeline | None, zone: tzinfo | None, first: int, last: int):
        self.minutes, self.timeline, self.zone, self.first, self.last = minutes, timeline, zone, first, last
        if timeline is None:
            self.due_us = _elapsed_us(minutes, first, last, zone)
            self.due = _elapsed_answer(minutes, zone, first, last)
        else:
            self.due_us = _open_time_us(minutes, timeline, first, last)
            self.due = _datetime_answer(self.due_us, zone, timeline, first, last)


def _report_us(moment: datetime) -> int:
    try:
        return (moment - _EPOCH) // _ONE_US
    except TypeError:  # naive, or not a datetime: caught here so the common path pays nothing
        raise RuleError(f"the time {moment!s} has no UTC offset; give one, such as 2026-11-23T15:00:00+01:00") from None


def _elapsed_us(minutes: int, first: int, last: int, zone: tzinfo | None) -> Callable[[int], int]:
    """24x7 in microseconds; without a zone the span is taken in UTC."""
    lo, hi = _span_bounds(first, last, zone or timezone.utc)

    def due_us(report: int) -> int:
        _check_report(report, lo, hi, first, last, _instant(report, zone or timezone.utc))
        end = report + minutes * _MINUTE_US
        if end > hi:
            raise _beyond(first, last)
        return end

    return due_us


def _elapsed_answer(minutes: int, zone: tzinfo | None, first: int, last: int) -> Callable[[datetime], datetime]:
    """Deadlines of a 24x7 calendar: the report plus elapsed real time."""

    def due(moment: datetime) -> datetime:
        report = _report_us(moment)
        here = zone or moment.tzinfo
        lo, hi = _span_bounds(first, last, here)
        _check_report(report, lo, hi, first, last, moment)
        end = report + minutes * _MINUTE_US
        if end > hi:
            raise _beyond(first, last)
        return _instant(end, here)

    return due


def _open_time_us(minutes: int, timeline: Timeline, first: int, last: int) -> Callable[[int], int]:
    """Deadlines on a compiled timeline, in microseconds: `Timeline.deadline` specialised for one target.

    This is the hot path of every batch and of the benchmark, so everything it
    needs is bound into the closure once instead of being looked up per report.
    """
    starts, ends, before, through = timeline.starts, timeline.ends, timeline.before, timeline.through
    lo, hi, count = timeline.lo, timeline.hi, len(ends)
    wanted = minutes * _MINUTE_US
    after, reaching = bisect.bisect_right, bisect.bisect_left

    def due_us(report: int) -> int:
        if not lo <= report < hi:
            _check_report(report, lo, hi, first, last, _instant(report, timezone.utc))
        if not wanted:
            return report
        i = after(ends, report)
        if i == count:
            raise _beyond(first, last)
        start = starts[i]
        goal = before[i] + (report - start if report > start else 0) + wanted
        j = reaching(through, goal, i)
        if j == count:
            raise _beyond(first, last)
        return starts[j] + goal - before[j]

    return due_us


def _datetime_answer(
    due_us: Callable[[int], int], zone: tzinfo, timeline: Timeline, first: int, last: int
) -> Callable[[datetime], datetime]:
    """`due_us` for aware datetimes in, aware datetimes in the calendar's zone out."""
    epoch, one_us, us, from_seconds = _EPOCH, _ONE_US, _US, datetime.fromtimestamp
    lo, hi = timeline.lo, timeline.hi

    def due(moment: datetime) -> datetime:
        try:
            report = (moment - epoch) // one_us
        except TypeError:
            report = _report_us(moment)  # raises the RuleError
        if not lo <= report < hi:
            _check_report(report, lo, hi, first, last, moment)  # names the moment as it was given
        seconds, micro = divmod(due_us(report), us)
        answer = from_seconds(seconds, zone)
        return answer.replace(microsecond=micro) if micro else answer

    return due


_clocks: dict[tuple[Any, ...], tuple[dict[str, Any], Clock]] = {}


def clock(
    rules: dict[str, Any], plan: str, priority: str | None, tz: str | None = None, metric: str | None = None
) -> Clock:
    """The `Clock` for one plan, priority, metric and customer zone; cached, since tools ask the same question often."""
    key = (id(rules), plan, priority, tz, metric)
    entry = _clocks.get(key)
    if entry is not None and entry[0] is rules:
        return entry[1]
    made = _make_clock(rules, plan, priority, tz, metric)
    # The rules dict itself is kept in the entry, so its id cannot be reused while cached.
    if len(_clocks) >= _CACHE_SIZE * 4:
        _clocks.clear()  # a tool asking this many distinct questions is better served by a fresh start
    _clocks[key] = (rules, made)
    return made


def _make_clock(rules: dict[str, Any], plan: str, priority: str | None, tz: str | None, metric: str | None) -> Clock:
    customer = _zone(tz, "the customer's zone") if tz else None
    target = find_target(rules, plan, priority, metric)
    vendor_id = plan.split("/")[0]
    cal_id = target["calendar"]
    calendar = rules["vendors"][vendor_id]["calendars"].get(cal_id)
    if calendar is None:
        raise RuleError(f"the rules are inconsistent: vendor '{vendor_id}' has no calendar '{cal_id}'")
    first, last = rules["years"]["first"], rules["years"]["last"]
    zone_name = calendar["zone"]
    zone: tzinfo | None
    if zone_name is not None:
        zone = _zone(zone_name, f"calendar '{cal_id}'")
    elif customer is not None:
        zone_name, zone = tz, customer
    elif calendar["always_open"]:
        zone = None
    else:
        raise RuleError(
            f"calendar '{cal_id}' runs in the customer's own time zone; give the zone "
            '(--tz, or "tz" in a batch line), such as Europe/Stockholm'
        )
    timeline = None if calendar["always_open"] else _timeline(rules, calendar, zone_name, zone)  # type: ignore[arg-type]
    return Clock(target["minutes"], timeline, zone, first, last)


def due(
    rules: dict[str, Any],
    plan: str,
    priority: str | None,
    at: datetime | str,
    tz: str | None = None,
    metric: str | None = None,
) -> datetime:
    """By when the target of `plan` ("vendor/plan") for `priority` and `metric` is due for a report `at`.

    The result is aware: in the calendar's zone, or in `tz` for a calendar in the
    customer's zone; a 24x7 calendar without a zone answers in `tz` if given,
    else in the report's own offset.
    """
    if isinstance(at, str):
        at = parse_moment(at)
    entry = _clocks.get((id(rules), plan, priority, tz, metric))
    ready = entry[1] if entry is not None and entry[0] is rules else clock(rules, plan, priority, tz, metric)
    return ready.due(at)


def due_many(
    rules: dict[str, Any],
    plan: str,
    priority: str | None,
    moments: Iterable[datetime],
    tz: str | None = None,
    metric: str | None = None,
) -> list[datetime]:
    """Deadlines for many reports of one plan, priority and metric (aware datetimes), in order."""
    answer = clock(rules, plan, priority, tz, metric).due
    return [answer(m) for m in moments]


def _check_report(report: int, lo: int, hi: int, first: int, last: int, at: Any) -> None:
    if not lo <= report < hi:
        shown = at.isoformat() if isinstance(at, datetime) else str(at)
        raise RuleError(f"the moment {shown} lies outside the years the rules cover ({first}–{last})")


def _beyond(first: int, last: int) -> RuleError:
    return RuleError(f"the deadline falls after the last year the rules cover ({first}–{last}); export more years")


def priority_for(rules: dict[str, Any], vendor: str, impact: str, urgency: str) -> str:
    """The priority level a vendor's impact x urgency matrix gives."""
    vendors = rules["vendors"]
    found = vendors.get(vendor)
    if found is None:
        raise RuleError(f"unknown vendor '{vendor}'{_suggest(vendor, vendors)}")
    scheme = found["priorities"]
    if scheme is None or scheme["matrix"] is None:
        raise RuleError(f"vendor '{vendor}' has no impact × urgency matrix")
    matrix = scheme["matrix"]
    if impact not in matrix["impacts"]:
        raise RuleError(f"vendor '{vendor}' has no impact '{impact}'{_suggest(impact, matrix['impacts'])}")
    if urgency not in matrix["urgencies"]:
        raise RuleError(f"vendor '{vendor}' has no urgency '{urgency}'{_suggest(urgency, matrix['urgencies'])}")
    level = matrix["levels"].get(impact, {}).get(urgency)
    if level is None:
        raise RuleError(f"vendor '{vendor}''s matrix gives no level for impact '{impact}' with urgency '{urgency}'")
    return level


# --- command line glue ---------------------------------------------------------------------------


def _export(project: Any, args: argparse.Namespace | None = None) -> dict[str, Any]:
    """The project's rules over --years if the command has it, else the default span."""
    from dsl.rules.export import default_years, export_project

    years = getattr(args, "years", None) or default_years()
    return export_project(project, years)


def run_due(project: Any, args: argparse.Namespace, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """`due VENDOR/PLAN [PRIORITY] WHEN` or `due --batch FILE|-`; returns the exit code."""
    batch = getattr(args, "batch", None)
    target = getattr(args, "target", None)
    rest = list(getattr(args, "rest", None) or [])
    if batch is not None:
        if target is not None or rest:
            print("usage: due --batch FILE takes its cases from FILE, not from the command line", file=stderr)
            return 2
        return _run_batch(project, args, batch, stdin, stdout, stderr)
    if target is None or len(rest) not in (1, 2):
        print("usage: python build.py due VENDOR/PLAN [PRIORITY] WHEN [--tz ZONE] [--metric METRIC]", file=stderr)
        print("   or: python build.py due --batch FILE|-", file=stderr)
        return 2
    priority, when = (None, rest[0]) if len(rest) == 1 else (rest[0], rest[1])
    try:
        rules = _export(project, args)
        answer = due(rules, target, priority, parse_moment(when), getattr(args, "tz", None), getattr(args, "metric", None))
    except RuleError as exc:
        print(f"error: {exc}", file=stderr)
        return 1
    except ValueError as exc:  # the model could not be expanded (dsl.rules.ExportError)
        print(f"error: {exc}", file=stderr)
        return 1
    print(answer.isoformat(), file=stdout)
    return 0


def _run_batch(project: Any, args: argparse.Namespace, source: str, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    try:
        rules = _export(project, args)
    except ValueError as exc:
        print(f"error: {exc}", file=stderr)
        return 1
    try:
        if source == "-":
            lines: Iterable[str] = stdin
            _answer_lines(rules, lines, stdout)
        else:
            with open(source, encoding="utf-8") as handle:
                _answer_lines(rules, handle, stdout)
    except (OSError, UnicodeDecodeError) as exc:
        print(f"error: cannot read the batch file '{source}': {exc}", file=stderr)
        return 1
    stdout.flush()
    return 0


def _answer_lines(rules: dict[str, Any], lines: Iterable[str], stdout: TextIO) -> None:
    for number, line in enumerate(lines, start=1):
        stdout.write(json.dumps(answer_case(rules, line, number), ensure_ascii=False) + "\n")


def answer_case(rules: dict[str, Any], line: str, number: int = 1) -> dict[str, str]:
    """One batch line (a JSON object) -> {"due": ISO time} or {"error": words}."""
    if not line.strip():
        return {"error": f"line {number} is empty"}
    try:
        case = json.loads(line)
    except ValueError as exc:
        return {"error": f"line {number} is not JSON: {exc.msg}"}
    if not isinstance(case, dict):
        return {"error": f'line {number} is not a JSON object such as {{"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00"}}'}
    unknown = [k for k in case if k not in BATCH_FIELDS]
    if unknown:
        return {"error": f"line {number} has an unknown field '{unknown[0]}'{_suggest(unknown[0], BATCH_FIELDS)}"}
    for key in BATCH_FIELDS:
        value = case.get(key)
        if value is not None and not isinstance(value, str):
            return {"error": f"line {number}: \"{key}\" must be a text or null, not {json.dumps(value)}"}
    for key in ("plan", "at"):
        if not case.get(key):
            return {"error": f"line {number} lacks \"{key}\""}
    try:
        answer = due(rules, case["plan"], case.get("priority"), parse_moment(case["at"]), case.get("tz"), case.get("metric"))
    except RuleError as exc:
        return {"error": str(exc)}
    return {"due": answer.isoformat()}


def run_priority(project: Any, vendor: str, impact: str, urgency: str, stdout: TextIO, stderr: TextIO) -> int:
    """`priority VENDOR IMPACT URGENCY`: print the level; returns the exit code."""
    try:
        level = priority_for(_export(project), vendor, impact, urgency)
    except (RuleError, ValueError) as exc:
        print(f"error: {exc}", file=stderr)
        return 1
    print(level, file=stdout)
    return 0
