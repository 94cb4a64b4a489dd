"""The deadline engine: deadlines computed from the exported rule JSON alone.

It never looks at the model (it imports neither dsl.language nor the holidays
package nor the export), so every answer it gives proves that the JSON is enough
for a consumer. The semantics are those of docs/rules.md: a calendar's local
pieces are turned into instants (wall time -> instant with fold=0), their union
is the open time, and the deadline is the earliest instant by which the target's
minutes of open time have passed since the report.

Speed comes from doing that conversion once per calendar and zone: the open
intervals of the whole exported span, sorted and merged, with a running total of
open time (a `Timeline`), so that one deadline is two binary searches. An
`Evaluator` owns the timelines and resolved questions (`Clock`s) of one rules
document; the module-level `due`, `due_many`, `clock` and `priority_for` are
conveniences that make a fresh `Evaluator` per call. The command-line glue
(`due`, `due --batch`, `priority`) is in dsl.rules.commands.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any, TypeVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

DEFAULT_METRIC = "first-response"
"""The metric a question means when it names none. The rule JSON does not carry it; a test checks
that it equals dsl.language.vocabulary.DEFAULT_METRIC (the engine must not import the language stage)."""

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""The keys of a calendar's `weekly` object, Monday first (docs/rules.md §3); a test checks that they
equal dsl.language.vocabulary.WEEKDAYS."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_US = 1_000_000
_MINUTE_US = 60 * _US
_ONE_US = timedelta(microseconds=1)
_DAY_S = 86_400
_CYCLE_DAYS = 146_097
"""The days of 400 Gregorian years: after them every date falls on the same weekday again, and a zone's offsets repeat
(at the early end its fixed local mean time, at the late end the yearly rule its data ends with)."""
_CYCLE_S = _CYCLE_DAYS * _DAY_S
_LAST_YEAR = 9999
_LAST_ORDINAL = date.max.toordinal()

Rules = Mapping[str, Any]
"""A rule document as json.load gives it (docs/rules.md §1)."""


class RuleError(Exception):
    """A question the rules cannot answer, explained in words a user can act on.

    `field` names the part of the question at fault ("plan", "priority", "at", "tz", "metric", "case"; a ticket's "now",
    "events", "warnings"; priority_for's "vendor", "impact", "urgency"), or is None when the fault is in the rules
    themselves (docs/rules.md §7); `due --batch` reports it per line.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


# --- small helpers ------------------------------------------------------------------------------


SUGGEST_MAX_LENGTH = 100
"""Names longer than this get no "did you mean": no real name is that long, and comparing costs length²."""


def suggest(name: str, known: Iterable[str]) -> str:
    """'; did you mean X?' or '; known: a, b' for a misspelt name (or '' when nothing helps)."""
    options = sorted(set(known))
    if len(name) > SUGGEST_MAX_LENGTH:
        return "; known: " + ", ".join(options) if options and len(options) <= 10 else ""
    # Compare case-insensitively, so that 'p3' suggests 'P3'.
    lowered = {o.lower(): o for o in options}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.6)
    if close:
        return f"; did you mean '{lowered[close[0]]}'?"
    if options and len(options) <= 10:
        return "; known: " + ", ".join(options)
    return ""


def _cut(text: str) -> str:
    """A caller's name as an error quotes it: cut to SUGGEST_MAX_LENGTH characters, so errors stay readable."""
    return text if len(text) <= SUGGEST_MAX_LENGTH else text[:SUGGEST_MAX_LENGTH] + "…"


def _zone(name: str, what: str, field: str | None = None) -> ZoneInfo:
    """The IANA zone called `name`, or a RuleError naming what it was meant for."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        # OSError: a folder of the zone database ('Europe', 'Etc': IsADirectoryError) or a name
        # too long for a file name; ValueError also covers NUL and lone surrogates.
        raise RuleError(f"unknown time zone '{_cut(name)}' ({what}); use an IANA name such as Europe/Stockholm", field) from None


# --- the input grammar (docs/rules.md §5, "Inputs") --------------------------------------------
# One grammar for both evaluators: sla.js implements the same patterns and the same messages, and
# tests/conformance/inputs.jsonl holds accepted and refused inputs that both must answer alike.

MOMENT_FORM = "YYYY-MM-DDTHH:MM[:SS[.ffffff]] with Z or ±HH:MM"
"""The accepted form of a report moment, as the errors name it."""

_MOMENT = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?(Z|([+-])([0-9]{2}):([0-9]{2}))?",
    re.ASCII,
)
_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)
_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _real_date(year: int, month: int, day: int) -> bool:
    """Whether year-month-day is a date of the proleptic Gregorian calendar with a year from 1 to 9999."""
    if not (1 <= year and 1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month - 1]):
        return False
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return month != 2 or day <= 28 or leap


def parse_moment(text: str) -> datetime:
    """A report moment in the one accepted form: YYYY-MM-DDTHH:MM[:SS[.ffffff]] and Z or ±HH:MM (docs/rules.md §5)."""
    if not isinstance(text, str):
        raise RuleError(f"the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not {text!r}", "at")
    bad = RuleError(f"'{_cut(text)}' is not a date and time of the form {MOMENT_FORM}, such as 2026-11-23T15:00:00+01:00", "at")
    if _DATE_ONLY.fullmatch(text):
        if not _real_date(int(text[:4]), int(text[5:7]), int(text[8:10])):
            raise bad
        # The suggestion is itself accepted: a date alone gets a time of day and an offset.
        raise RuleError(f"the moment '{text}' has no time of day; give one with its UTC offset, such as {text}T00:00:00+01:00", "at")
    m = _MOMENT.fullmatch(text)
    if m is None:
        raise bad
    year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
    second = int(m.group(6) or 0)
    if not _real_date(year, month, day) or hour > 23 or minute > 59 or second > 59:
        raise bad
    if m.group(8) is None:
        raise RuleError(f"the time '{text}' has no UTC offset; add one, such as {text}+01:00 or {text}Z", "at")
    if m.group(8) == "Z":
        zone: tzinfo = UTC
    else:
        hours, minutes = int(m.group(10)), int(m.group(11))
        if hours > 23 or minutes > 59:
            raise bad
        sign = -1 if m.group(9) == "-" else 1
        zone = UTC if hours == minutes == 0 else timezone(sign * timedelta(hours=hours, minutes=minutes))
    # Only the first three digits count: every evaluator counts to the millisecond (§5 "Inputs"),
    # as a JavaScript Date does, so no evaluator's deadline moves across a closing time by a fraction.
    milli = int((m.group(7) or "")[:3].ljust(3, "0"))
    return datetime(year, month, day, hour, minute, second, milli * 1000, tzinfo=zone)


_EXCLUDED_ZONES = frozenset({"Factory", "localtime", "posixrules"})


@functools.cache
def local_zone_names() -> frozenset[str]:
    """The zone names of the zone data this Python reads: Zone and Link names of the tz database, not Factory."""
    return frozenset(
        name
        for name in available_timezones()
        if name not in _EXCLUDED_ZONES and not name.startswith(("posix/", "right/"))
    )


def zone_hint(name: str, known: Iterable[str]) -> str:
    """What an error about the unknown zone `name` suggests: the same name in its right case or without posix/ or right/."""
    lowered = {k.lower(): k for k in known}
    bare = name[6:] if name.startswith(("posix/", "right/")) else name
    for guess in (name, bare):
        if guess.lower() in lowered:
            return f"; did you mean '{lowered[guess.lower()]}'?"
    return "; use an IANA name such as Europe/Stockholm"


def check_zone_name(rules: Rules, name: str, what: str, field: str | None = None) -> ZoneInfo:
    """The customer's zone `name`, if it is one of the names the rules accept (`zones`, else this Python's own list)."""
    listed = rules.get("zones")
    known: Iterable[str] = listed if isinstance(listed, list) else local_zone_names()
    if not isinstance(name, str) or name not in known:
        shown = _cut(name) if isinstance(name, str) else repr(name)
        raise RuleError(f"unknown time zone '{shown}' ({what}){zone_hint(name, known) if isinstance(name, str) else ''}", field)
    return _zone(name, what, field)


def _us(moment: datetime) -> int:
    """Microseconds since the epoch of an aware datetime, exactly (no float rounding)."""
    return (moment - _EPOCH) // _ONE_US


def to_ms(moment: datetime) -> datetime:
    """The moment cut to the millisecond, as every evaluator counts it (docs/rules.md §5 "Inputs")."""
    extra = moment.microsecond % 1000
    return moment.replace(microsecond=moment.microsecond - extra) if extra else moment


def _report_us(moment: object) -> int:
    """`_us` for a report a caller gave, cut to the millisecond: a naive moment (or no datetime at all) is a RuleError."""
    try:
        report = (cast(datetime, moment) - _EPOCH) // _ONE_US
        return report - report % 1000
    except TypeError:
        if isinstance(moment, str):  # Clock.due and due_many take datetimes: "has no UTC offset" misled for a text that has one
            raise RuleError(
                f"the moment '{_cut(moment)}' is a text; this interface takes a datetime with a UTC offset: read the text with "
                "parse_moment, or ask Evaluator.due, which reads texts",
                "at",
            ) from None
        if not isinstance(moment, datetime):
            raise _not_a_moment(moment) from None
        raise RuleError(f"the time {moment!s} has no UTC offset; give one, such as 2026-11-23T15:00:00+01:00", "at") from None


def _instant(us: int, zone: tzinfo) -> datetime:
    """The instant `us` microseconds after the epoch, as an aware datetime in `zone`."""
    seconds, micro = divmod(us, _US)
    # fromtimestamp with a whole number of seconds is exact, and several times faster than
    # adding a timedelta to the epoch and converting.
    try:
        moment = datetime.fromtimestamp(seconds, zone)
    except (ValueError, OverflowError):
        moment = _instant_at_the_ends(seconds, zone)
    return moment.replace(microsecond=micro) if micro else moment


def _instant_at_the_ends(seconds: int, zone: tzinfo) -> datetime:
    """`datetime.fromtimestamp(seconds, zone)` for an instant in year 0 or 10000 in UTC, but maybe not in `zone`.

    Rules of years 1 or 9999 (docs/rules.md §1 allows them) have local midnights, openings and deadlines whose UTC
    moment lies beyond the years a datetime holds (9999-12-31T23:00-05:00 is in year 10000 in UTC), which
    fromtimestamp refuses; sla.js answers them. The same instant 400 years nearer is converted and its year put back.
    Still a ValueError when the local moment is itself outside years 1-9999.
    """
    cycles = 1 if seconds > 0 else -1
    moment = datetime.fromtimestamp(seconds - cycles * _CYCLE_S, zone)
    return moment.replace(year=moment.year + 400 * cycles)


def _minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:5])


def _local_us(day_ordinal: int, minute: int, zone: tzinfo) -> int:
    """The instant of a local wall time (minute may be 1440 = next midnight), fold=0."""
    if minute == 1440:
        day_ordinal, minute = day_ordinal + 1, 0
    # The midnight after 9999-12-31 (rules of year 9999) or a date before year 1: its offset from the same date
    # 400 years nearer (see _instant_at_the_ends).
    shift = 0 if 1 <= day_ordinal <= _LAST_ORDINAL else (_CYCLE_DAYS if day_ordinal < 1 else -_CYCLE_DAYS)
    day = date.fromordinal(day_ordinal + shift)
    # The constructor (fold=0) rather than fromordinal().replace(), and whole seconds rather than
    # total_seconds(): the same instant, a third faster, and a calendar compiles ~2 conversions a day.
    offset = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=zone).utcoffset()
    assert offset is not None  # an aware wall time in a real zone always has one
    seconds = (day_ordinal - _EPOCH_ORDINAL) * _DAY_S + minute * 60 - offset.days * _DAY_S - offset.seconds
    return seconds * _US


def _wall_clock(first: int, last: int, zone: tzinfo) -> Callable[[int, int], int]:
    """`_local_us(ordinal, minute, zone)` for the days of `first`..`last`, by integer arithmetic.

    A zone's offset changes a few times a year at most. The offset is read once a day (at UTC noon,
    one conversion instead of two per opening piece), each change is bisected to its second, and a
    wall time is then placed against the changes: with fold=0, a wall time before
    `change + max(old, new)` (the gap or the first pass of a repeated hour) keeps the old offset.
    tests/test_engine_wall_clock.py compares it with `_local_us` in every zone of the tz database.
    """
    from_seconds = datetime.fromtimestamp

    def offset_at(second: int) -> int:
        try:
            found = from_seconds(second, zone).utcoffset()
        except (ValueError, OverflowError):  # the day before year 1 or after 9999 (see _instant_at_the_ends)
            found = from_seconds(second + (_CYCLE_S if second < 0 else -_CYCLE_S), zone).utcoffset()
        assert found is not None
        return found.days * _DAY_S + found.seconds

    noon = (date(first, 1, 1).toordinal() - 1 - _EPOCH_ORDINAL) * _DAY_S + _DAY_S // 2
    stop = (date(last, 12, 31).toordinal() + 2 - _EPOCH_ORDINAL) * _DAY_S
    initial = previous = offset_at(noon)
    switches: list[int] = []  # wall seconds from which `offsets[i]` applies
    offsets: list[int] = []
    while noon < stop:
        nxt = noon + _DAY_S
        now = offset_at(nxt)
        if now != previous:
            lo, hi = noon, nxt  # offset_at(lo) == previous != offset_at(hi)
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if offset_at(mid) == previous:
                    lo = mid
                else:
                    hi = mid
            switches.append(hi + max(previous, now))
            offsets.append(now)
            previous = now
        noon = nxt
    count = len(switches)

    def local_us(day_ordinal: int, minute: int) -> int:
        wall = (day_ordinal - _EPOCH_ORDINAL) * _DAY_S + minute * 60
        i = bisect.bisect_right(switches, wall) if count else 0
        return (wall - (offsets[i - 1] if i else initial)) * _US

    return local_us


_COMPILED: dict[tuple[str, int, int, tzinfo, str | None], Timeline] = {}
"""Timelines compiled, by the calendar's content, the span, the zone and the customer's country (see `_compiled`)."""


def _compiled(calendar: Mapping[str, Any], first: int, last: int, zone: tzinfo, country: str | None) -> Timeline:
    """`compile_timeline`, once per calendar content, span, zone and country in a process.

    Vendors share calendars (a project's shared.plan), and a build asks an evaluator per vendor for its
    worked example: each compiled the same days again, two conversions a day. A Timeline is never changed
    once made, so one serves every evaluator that asks for the same calendar.
    """
    try:
        content = json.dumps(calendar, sort_keys=True, ensure_ascii=False)
    except (TypeError, ValueError):  # not a calendar JSON gives: compiled (and refused) as it is
        return compile_timeline(calendar, first, last, zone, country)
    key = (content, first, last, zone, country)
    found = _COMPILED.get(key)
    if found is None:
        found = compile_timeline(calendar, first, last, zone, country)
        if len(_COMPILED) >= 256:
            _COMPILED.clear()
        _COMPILED[key] = found
    return found


def _span_bounds(first: int, last: int, zone: tzinfo) -> tuple[int, int]:
    """Local midnight of 1 January of `first` and of the year after `last`, in `zone`, as epoch µs (fold=0; the year
    after 9999 too)."""
    return _local_us(date(first, 1, 1).toordinal(), 0, zone), _local_us(date(last, 12, 31).toordinal(), 1440, zone)


def _named(us: int, zone: tzinfo) -> str:
    """An instant as a refusal names it: in `zone`, whatever its year, as sla.js names it (docs/rules.md §7).

    A refusal is about a moment outside the span, which may be anywhere: a ticket reported at 0001-01-01T00:00+14:00
    starts in year 0 in Stockholm, and `Clock.due_us` takes any integer. Beyond the years 1-9999 a datetime holds,
    the moment is written from the same instant the fewest 400-year cycles nearer (the Gregorian calendar repeats
    every 400 years, and the zone keeps the offset of that end of its history), the year counted back, as sla.js
    writes it (`0000-12-31…`, `10000-01-01…`, `-0001-…`)."""
    try:
        return _instant(us, zone).isoformat()
    except (ValueError, OverflowError):
        if us < _NAMED_LOW_US:
            cycles = -((_NAMED_LOW_US - us + _GREGORIAN_CYCLE_US - 1) // _GREGORIAN_CYCLE_US)
        else:
            cycles = (us - _NAMED_HIGH_US + _GREGORIAN_CYCLE_US - 1) // _GREGORIAN_CYCLE_US
        moment = _instant(us - cycles * _GREGORIAN_CYCLE_US, zone)
        year = moment.year + 400 * cycles
        return f"{'-' if year < 0 else ''}{abs(year):04d}{moment.isoformat()[4:]}"


_GREGORIAN_CYCLE_US = 146_097 * _DAY_S * _US
"""The microseconds of 400 Gregorian years: after them every date falls on the same weekday again."""
_NAMED_LOW_US = (datetime(1, 1, 2, tzinfo=UTC) - _EPOCH) // _ONE_US
_NAMED_HIGH_US = (datetime(9999, 12, 30, tzinfo=UTC) - _EPOCH) // _ONE_US
"""A day inside either end of the years a datetime holds, whatever a zone's offset: where `_named` moves a moment to."""


def _outside(shown: str, first: int, last: int) -> RuleError:
    return RuleError(f"the moment {shown} lies outside the years the rules cover ({first}–{last})", "at")


def _beyond(first: int, last: int) -> RuleError:
    return RuleError(f"the deadline falls after the last year the rules cover ({first}–{last}); export more years", "at")


# --- compiled calendars ----------------------------------------------------------------------


@dataclass(frozen=True)
class Timeline:
    """A calendar's open time over the exported span in one zone, as merged instants in microseconds.

    An always-open calendar is one interval, the whole span. `search(minutes)` is the engine's one
    deadline search; every interface (integers, datetimes, batches) answers through it.
    """

    starts: list[int]
    ends: list[int]
    before: list[int]  # open time before each interval
    through: list[int]  # open time up to the end of each interval
    lo: int  # first instant of the span (1 Jan of the first year, local midnight)
    hi: int  # first instant after the span (1 Jan after the last year, local midnight)
    first: int  # the first and last year of the span, for the words of errors
    last: int
    zone: tzinfo
    # Business days (docs/rules.md §6, format 1.1): the ordinals of the local dates with open time,
    # ascending, and the closing instant of each (the end of its last non-empty piece). None for a
    # 24x7 timeline, where every date is one: search_days makes them only when asked.
    days: list[int] | None = None
    closes: list[int] | None = None

    @classmethod
    def always_open(cls, first: int, last: int, zone: tzinfo) -> Timeline:
        """A 24x7 calendar: the whole span, local midnight to local midnight in `zone`, open."""
        lo, hi = _span_bounds(first, last, zone)
        return cls([lo], [hi], [0], [hi - lo], lo, hi, first, last, zone)

    def search_days(self, count: int, day_end: bool) -> Callable[[int], int]:
        """The deadline of a target of `count` business days (docs/rules.md §6): report µs -> deadline µs.

        same-time (`day_end` False): from the start s (the report, or the next opening when closed),
        the same local wall-clock time on the count-th business day after s's local date, read with
        fold=0, moved to the next opening when the calendar is closed then. day-end: the closing
        instant of the count-th business day after the report's own local date.
        """
        starts, ends, days, closes, zone = self.starts, self.ends, self.days, self.closes, self.zone
        lo, hi, first, last, count_spans = self.lo, self.hi, self.first, self.last, len(ends)
        if days is None or closes is None:  # 24x7: every date, closing at its local midnight
            days = list(range(date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal() + 1))
            closes = [_local_us(d, 1440, zone) for d in days]

        def nth_after(ordinal: int) -> int:
            k = bisect.bisect_right(days, ordinal) + count - 1
            if k >= len(days):
                raise _beyond(first, last)
            return k

        def due_us(report: int) -> int:
            if not lo <= report < hi:
                raise _outside(_named(report, UTC), first, last)
            if day_end:
                return closes[nth_after(_instant(report, zone).toordinal())]
            i = bisect.bisect_right(ends, report)
            if i == count_spans:
                raise _beyond(first, last)
            start = max(report, starts[i])
            local = _instant(start, zone)
            target_day = date.fromordinal(days[nth_after(local.toordinal())])
            wall = datetime.combine(target_day, local.time().replace(fold=0), tzinfo=zone)
            candidate = _us(wall)
            j = bisect.bisect_right(ends, candidate)
            if j == count_spans:
                raise _beyond(first, last)
            return max(candidate, starts[j])

        return due_us

    def after_cutoff(self, cutoff: int) -> Callable[[int], int]:
        """A report's start under a cut-off (docs/rules.md §6, format 1.9): report µs -> the instant its clock starts from.

        A report at or after `cutoff` (minutes after local midnight) on a business day counts as made at the
        first opening of the next business day; any other report is its own start. In range reports only
        (the caller checks [lo, hi)); no next business day within the span is a RuleError (beyond).
        """
        starts, ends, days, zone = self.starts, self.ends, self.days, self.zone
        first, last, count_spans = self.first, self.last, len(ends)

        def start_us(report: int) -> int:
            local = _instant(report, zone)
            if local.hour * 60 + local.minute < cutoff:
                return report
            ordinal = local.toordinal()
            if days is not None:  # a calendar with hours: is the report's date a business day, and which is next?
                k = bisect.bisect_left(days, ordinal)
                if k == len(days) or days[k] != ordinal:
                    return report
                if k + 1 == len(days):
                    raise _beyond(first, last)
                following = days[k + 1]
            else:  # 24x7: every date is a business day
                following = ordinal + 1
            midnight = _local_us(following, 0, zone)
            i = bisect.bisect_right(ends, midnight)  # the first open interval ending after that day's midnight
            if i == count_spans:
                raise _beyond(first, last)
            return max(midnight, starts[i])

        return start_us

    def search(self, minutes: int) -> Callable[[int], int]:
        """The deadline of a `minutes` target: report -> the earliest instant with that much open time since it.

        Both in microseconds since the epoch. A report outside [lo, hi) or a deadline after hi is a
        RuleError. This is the hot path of every batch and of the benchmark, so everything it needs
        is bound into the closure once instead of being looked up per report.
        """
        starts, before, through, ends = self.starts, self.before, self.through, self.ends
        lo, hi, first, last, count = self.lo, self.hi, self.first, self.last, len(ends)
        wanted = minutes * _MINUTE_US
        after, reaching = bisect.bisect_right, bisect.bisect_left

        def due_us(report: int) -> int:
            if not lo <= report < hi:
                raise _outside(_named(report, UTC), first, last)
            if not wanted:
                return report
            i = after(ends, report)  # the first interval ending after the report
            if i == count:
                raise _beyond(first, last)
            start = starts[i]
            goal = before[i] + (report - start if report > start else 0) + wanted
            j = reaching(through, goal, i)  # the first interval by whose end the goal is reached
            if j == count:
                raise _beyond(first, last)
            return starts[j] + goal - before[j]

        return due_us


def compile_timeline(calendar: Mapping[str, Any], first: int, last: int, zone: tzinfo, country: str | None = None) -> Timeline:
    """Convert every local piece of the span to instants once; merge their union.

    `country` is the customer's, for a calendar with `customer_holidays` (format 1.1): its listed
    dates are closed all day, before anything else.
    """
    if calendar["always_open"]:
        return Timeline.always_open(first, last, zone)
    customer = calendar.get("customer_holidays") or {}
    closed = {date.fromisoformat(day).toordinal() for day in customer.get(country, ())} if country else set()
    weekly = [[(_minutes(a), _minutes(b)) for a, b in calendar["weekly"][d]] for d in WEEKDAYS]
    dated = {
        date.fromisoformat(day).toordinal(): [(_minutes(a), _minutes(b)) for a, b in pieces]
        for day, pieces in calendar["dates"].items()
    }
    raw: list[tuple[int, int]] = []
    days: list[int] = []
    closes: list[int] = []
    local_us = _wall_clock(first, last, zone)
    for ordinal in range(date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal() + 1):
        pieces = [] if ordinal in closed else dated.get(ordinal)
        if pieces is None:
            pieces = weekly[(ordinal - 1) % 7]  # date.fromordinal(1) is a Monday
        close = None
        for start, end in pieces:
            a = local_us(ordinal, start)
            b = local_us(ordinal, end)
            if b > a:
                raw.append((a, b))
                close = b if close is None else max(close, b)
        if close is not None:
            days.append(ordinal)
            closes.append(close)
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
    for a, b in zip(starts, ends, strict=True):
        before.append(total)
        total += b - a
        through.append(total)
    lo, hi = _span_bounds(first, last, zone)
    return Timeline(starts, ends, before, through, lo, hi, first, last, zone, days, closes)


# --- questions -----------------------------------------------------------------------------------


_TIME_OF_DAY = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]")
_PIECE_END = re.compile(r"(?:[01][0-9]|2[0-3]):[0-5][0-9]|24:00")
_DATE_TEXT = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _not_the_format(what: str) -> RuleError:
    """The refusal of a document that does not follow the format (field None): the same words as sla.js's."""
    return RuleError(f"the rules are not a valid format 1.x document ({what}); validate them against rules/schema.json")


def _json_kind(value: object) -> str:
    """What a JSON value is, in the words sla.js uses too."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a text"
    if isinstance(value, list | tuple):
        return "a list"
    return "an object" if isinstance(value, Mapping) else type(value).__name__


def _is_date_text(text: str) -> bool:
    """`YYYY-MM-DD` of a real date, years 1-9999 (`2026-02-30` and `0000-01-01` are none: fuzz14 found them read as a
    ValueError from inside by Python and taken as some other day by sla.js)."""
    return _DATE_TEXT.fullmatch(text) is not None and _real_date(int(text[:4]), int(text[5:7]), int(text[8:10]))


def _is_whole(value: object) -> bool:
    # A JSON 5.0 is a whole number to JavaScript; the two evaluators must refuse the same documents.
    return not isinstance(value, bool) and (isinstance(value, int) or isinstance(value, float) and value.is_integer()) and value >= 0


_KINDS: dict[str, tuple[str, Callable[[object], bool]]] = {
    "text": ("a text", lambda v: isinstance(v, str)),
    "whole": ("a whole number of 0 or more", _is_whole),
    "year": ("a year from 1 to 9999", lambda v: _is_whole(v) and 1 <= cast(float, v) <= 9999),
    "boolean": ("true or false", lambda v: isinstance(v, bool)),
    "list": ("a list", lambda v: isinstance(v, list | tuple)),
    "object": ("an object", lambda v: isinstance(v, Mapping)),
    "time": ("a time of day such as 15:00", lambda v: isinstance(v, str) and _TIME_OF_DAY.fullmatch(v) is not None),
    "date": ("a date such as 2026-11-23", lambda v: isinstance(v, str) and _is_date_text(v)),
}


def _read(parent: Mapping[str, Any], key: str, path: str, kind: str, optional: bool = False, null: bool = False) -> Any:
    """`parent[key]`, refused in the format's words when it is missing (unless optional) or of another kind."""
    if key not in parent:
        if optional:
            return None
        raise _not_the_format(f"a field '{key}' is missing in {path}")
    value = parent[key]
    if value is None and (null or optional):
        return None
    wanted, fits = _KINDS[kind]
    if not fits(value):
        raise _not_the_format(f"{path}.{key} is {_json_kind(value)}, not {wanted}{' or null' if null else ''}")
    return value


def _check_pieces(pieces: object, path: str) -> None:
    if not isinstance(pieces, list | tuple):
        raise _not_the_format(f"{path} is {_json_kind(pieces)}, not a list of pieces")
    for i, piece in enumerate(pieces):
        if not (isinstance(piece, list | tuple) and len(piece) == 2 and isinstance(piece[0], str) and isinstance(piece[1], str)
                and _TIME_OF_DAY.fullmatch(piece[0]) and _PIECE_END.fullmatch(piece[1])):
            raise _not_the_format(f"{path}[{i}] is {_json_kind(piece)}, not a piece such as [\"08:00\", \"17:00\"]")


def _check_top(rules: Rules) -> None:
    """The document's own fields a question reads (after its format version), as sla.js checks them."""
    years = _read(rules, "years", "the document", "object")
    _read(years, "first", "years", "year")
    _read(years, "last", "years", "year")
    for i, metric in enumerate(_read(rules, "metrics", "the document", "list")):
        if not isinstance(metric, str):
            raise _not_the_format(f"metrics[{i}] is {_json_kind(metric)}, not a text")
    _read(rules, "vendors", "the document", "object")
    for i, zone in enumerate(_read(rules, "zones", "the document", "list", optional=True) or ()):
        if not isinstance(zone, str):
            raise _not_the_format(f"zones[{i}] is {_json_kind(zone)}, not a text")


def _check_vendor(rules: Rules, vendor_id: str, vendor: object) -> None:
    """A vendor's part of the document, as the evaluators read it, in the order and words of sla.js's `checkVendor`.

    The export always passes; a document written or edited by other hands gets the first fault named with
    its place, instead of whatever reading it would have raised from inside (or, in JavaScript, a wrong answer).
    """
    at = f"vendors.{vendor_id}"
    if not isinstance(vendor, Mapping):
        raise _not_the_format(f"{at} is {_json_kind(vendor)}, not an object")
    calendars = _read(vendor, "calendars", at, "object")
    for cal_id, calendar in calendars.items():
        where = f"{at}.calendars.{cal_id}"
        if not isinstance(calendar, Mapping):
            raise _not_the_format(f"{where} is {_json_kind(calendar)}, not an object")
        zone = _read(calendar, "zone", where, "text", null=True)
        _read(calendar, "always_open", where, "boolean")
        weekly = _read(calendar, "weekly", where, "object")
        for day in _WEEKDAY_KEYS:
            _check_pieces(_read(weekly, day, f"{where}.weekly", "list"), f"{where}.weekly.{day}")
        for day, pieces in _read(calendar, "dates", where, "object").items():
            if not _is_date_text(day):
                raise _not_the_format(f"{where}.dates has the key '{_cut(day)}', not a date such as 2026-11-23")
            _check_pieces(pieces, f"{where}.dates.{day}")
        for country, days in (_read(calendar, "customer_holidays", where, "object", optional=True, null=True) or {}).items():
            for i, day in enumerate(_read({country: days}, country, f"{where}.customer_holidays", "list")):
                if not _KINDS["date"][1](day):
                    raise _not_the_format(f"{where}.customer_holidays.{country}[{i}] is {_json_kind(day)}, not a date such as 2026-11-23")
        if zone is not None:  # a name the rules accept as the customer's zone (§5): not Factory, posix/…, europe/stockholm
            check_zone_name(rules, zone, f"calendar '{cal_id}'")
    priorities = _read(vendor, "priorities", at, "object", null=True)
    if priorities is not None:
        for i, level in enumerate(_read(priorities, "levels", f"{at}.priorities", "list")):
            if not isinstance(level, Mapping):
                raise _not_the_format(f"{at}.priorities.levels[{i}] is {_json_kind(level)}, not an object")
            _read(level, "id", f"{at}.priorities.levels[{i}]", "text")
        matrix = _read(priorities, "matrix", f"{at}.priorities", "object", null=True)
        if matrix is not None:
            for axis in ("impacts", "urgencies"):
                for i, name in enumerate(_read(matrix, axis, f"{at}.priorities.matrix", "list")):
                    if not isinstance(name, str):
                        raise _not_the_format(f"{at}.priorities.matrix.{axis}[{i}] is {_json_kind(name)}, not a text")
            for impact in _read(matrix, "levels", f"{at}.priorities.matrix", "object"):
                for urgency, level in _read(matrix["levels"], impact, f"{at}.priorities.matrix.levels", "object").items():
                    if not isinstance(level, str):
                        raise _not_the_format(f"{at}.priorities.matrix.levels.{impact}.{urgency} is {_json_kind(level)}, not a text")
    _read(vendor, "cases", at, "object", optional=True, null=True)
    for alias_id, alias in (_read(vendor, "aliases", at, "object", optional=True, null=True) or {}).items():
        if not isinstance(alias, Mapping):
            raise _not_the_format(f"{at}.aliases.{alias_id} is {_json_kind(alias)}, not an object")
        _read(alias, "plan", f"{at}.aliases.{alias_id}", "text")
    for plan_id, plan in _read(vendor, "plans", at, "object").items():
        where = f"{at}.plans.{plan_id}"
        if not isinstance(plan, Mapping):
            raise _not_the_format(f"{where} is {_json_kind(plan)}, not an object")
        _read(plan, "no_support", where, "boolean", optional=True)
        for i, target in enumerate(_read(plan, "targets", where, "list")):
            place = f"{where}.targets[{i}]"
            if not isinstance(target, Mapping):
                raise _not_the_format(f"{place} is {_json_kind(target)}, not an object")
            _read(target, "metric", place, "text")
            _read(target, "priority", place, "text", null=True)
            _read(target, "minutes", place, "whole", null=True)
            calendar_id = _read(target, "calendar", place, "text", null=True)
            if calendar_id is not None and calendar_id not in calendars:
                raise _not_the_format(f"{place}.calendar is '{_cut(calendar_id)}', not one of the vendor's calendars")
            if calendar_id is None and (target["minutes"] is not None or target.get("business_days") is not None):  # §2: such a target names one
                raise _not_the_format(f"{place}.calendar is null, not one of the vendor's calendars")
            _read(target, "case", place, "text", optional=True, null=True)
            _read(target, "business_days", place, "whole", optional=True, null=True)
            _read(target, "days_rule", place, "text", optional=True, null=True)
            _read(target, "published", place, "boolean", optional=True)
            for key in ("from", "until"):
                _read(target, key, place, "date", optional=True, null=True)
            _read(target, "cutoff", place, "time", optional=True, null=True)
        for i, obligation in enumerate(_read(plan, "obligations", where, "list", optional=True) or ()):
            place = f"{where}.obligations[{i}]"
            if not isinstance(obligation, Mapping):
                raise _not_the_format(f"{place} is {_json_kind(obligation)}, not an object")
            _read(obligation, "id", place, "text")
            _read(obligation, "after_minutes", place, "whole", optional=True, null=True)
            _read(obligation, "every_minutes", place, "whole", optional=True, null=True)
            calendar_id = _read(obligation, "calendar", place, "text", optional=True, null=True)
            if calendar_id is not None and calendar_id not in calendars:
                raise _not_the_format(f"{place}.calendar is '{_cut(calendar_id)}', not one of the vendor's calendars")
            for k, level in enumerate(_read(obligation, "priorities", place, "list", optional=True, null=True) or ()):
                if not isinstance(level, str):
                    raise _not_the_format(f"{place}.priorities[{k}] is {_json_kind(level)}, not a text")


@dataclass(slots=True)
class Checked:
    """What of a document was found well formed, kept by a caller that does not change the document while using it (an
    Evaluator): the format is checked at its first question and each vendor's part at its first, not at every question."""

    format: bool = False
    vendors: set[str] = dataclasses.field(default_factory=set)


def _vendor_plan(rules: Rules, plan: str, checked: Checked | None = None) -> tuple[str, Mapping[str, Any], str, Mapping[str, Any]]:
    if not isinstance(plan, str) or plan.count("/") != 1:
        # quoted as given, as sla.js does: `!r` would escape a backslash and switch quotes around an apostrophe
        shown = f"'{_cut(plan)}'" if isinstance(plan, str) else repr(plan)
        raise RuleError(f"name the plan as VENDOR/PLAN, such as stratiteq/sos, not {shown}", "plan")
    vendor_id, plan_id = plan.split("/")
    vendors = rules["vendors"]
    vendor = vendors.get(vendor_id)
    if vendor is None:
        raise RuleError(f"unknown vendor '{_cut(vendor_id)}'{suggest(vendor_id, vendors)}", "plan")
    if checked is None or vendor_id not in checked.vendors:
        _check_vendor(rules, vendor_id, vendor)
        if checked is not None:
            checked.vendors.add(vendor_id)
    plans = vendor["plans"]
    found = plans.get(plan_id)
    if found is None:
        # Format 1.1: an alias names a group whose terms are another plan's (Amanda's trial users: premium).
        aliases = vendor.get("aliases") or {}
        alias = aliases.get(plan_id)
        found = plans.get(alias["plan"]) if alias is not None else None
        if found is None:
            raise RuleError(f"vendor '{vendor_id}' has no plan '{_cut(plan_id)}'{suggest(plan_id, [*plans, *aliases])}", "plan")
    if found.get("no_support"):
        raise RuleError(f"plan '{vendor_id}/{plan_id}' offers no support: there is no deadline", "plan")
    return vendor_id, vendor, plan_id, found


def find_target(
    rules: Rules,
    plan: str,
    priority: str | None,
    metric: str | None = None,
    case: str | None = None,
    in_force: Callable[[Mapping[str, Any]], bool] | None = None,
    *,
    checked: Checked | None = None,
) -> Mapping[str, Any]:
    """The plan's target for a priority, metric and kind of case; docs/rules.md §5.

    Order: the case's target for the priority, the case's for every priority, then the general
    target for the priority, the general for every priority. `case` None is the general case.
    `checked`: what a caller that holds the document unchanged across questions (an Evaluator) has had checked.
    """
    if checked is None or not checked.format:
        _check_format(rules)
        if checked is not None:
            checked.format = True
    metric = metric or DEFAULT_METRIC
    if metric not in rules["metrics"]:
        raise RuleError(f"unknown metric '{_cut(metric)}'{suggest(metric, rules['metrics'])}", "metric")
    vendor_id, _, plan_id, found, _ = _check_plan(rules, plan, priority, case, checked)
    target = None
    general: list[Mapping[str, Any]] = []
    for scope in (case, None) if case is not None else (None,):
        targets = [t for t in found["targets"] if t["metric"] == metric and t.get("case") == scope and (in_force is None or in_force(t))]
        if scope is None:
            general = targets
        target = next((t for t in targets if t["priority"] == priority), None)
        if target is None and priority is not None:
            target = next((t for t in targets if t["priority"] is None), None)
        if target is not None:
            break
    if target is None:
        if priority is None and general:
            given = ", ".join(t["priority"] for t in general)
            raise RuleError(f"plan '{vendor_id}/{plan_id}' sets its {metric} targets per priority; give one of: {given}", "priority")
        which = f" for priority {priority}" if priority else ""
        raise RuleError(f"plan '{vendor_id}/{plan_id}' states no {metric} target{which}", "metric" if priority is None else "priority")
    which = f" for priority {target['priority']}" if target["priority"] else ""
    scoped = f" for {target['case']} cases" if target.get("case") else ""
    if target.get("published") is False:
        raise RuleError(
            f"plan '{vendor_id}/{plan_id}' has a {metric} target{which}{scoped} that the vendor does not publish: there is no deadline to compute",
            "metric",
        )
    if target["minutes"] is None and target.get("business_days") is None:
        raise RuleError(f"plan '{vendor_id}/{plan_id}' guarantees no {metric} time{which}{scoped}: there is no deadline", "metric")
    result: Mapping[str, Any] = target
    return result


@dataclass(frozen=True)
class Amount:
    """How long a target allows: `minutes` of open time, or `days` business days counted by `day_end`'s rule."""

    minutes: int | None
    days: int | None = None
    day_end: bool = False
    cutoff: int | None = None  # format 1.9: minutes after local midnight; None: no cut-off

    @classmethod
    def of(cls, target: Mapping[str, Any]) -> Amount:
        """The amount of an exported target (format 1.0 targets have only minutes; before 1.9 none has a cut-off)."""
        cutoff = target.get("cutoff")
        minutes, days = target["minutes"], target.get("business_days")
        # A whole number written 1e3 or 5.0 is a float to json.load, an integer to JavaScript and the schema.
        return cls(None if minutes is None else int(minutes), None if days is None else int(days), target.get("days_rule") == "day-end",
                   None if cutoff is None else _minutes(cutoff))

    def search(self, timeline: Timeline) -> Callable[[int], int]:
        """The timeline's deadline search for this amount: report -> deadline, the cut-off applied to the report."""
        counted = self.search_from_start(timeline)
        if self.cutoff is not None:
            start, from_start = timeline.after_cutoff(self.cutoff), counted
            counted = lambda report: from_start(start(report))  # noqa: E731
        if timeline.last < _LAST_YEAR:
            return counted
        return _within_year_9999(counted, timeline)

    def search_from_start(self, timeline: Timeline) -> Callable[[int], int]:
        """The deadline from the moment the clock starts (the report, or where a cut-off moved it), without the cut-off."""
        if self.days is not None:
            return timeline.search_days(self.days, self.day_end)
        assert self.minutes is not None  # find_target refuses a target with neither
        return timeline.search(self.minutes)

    def start(self, timeline: Timeline) -> Callable[[int], int]:
        """Report -> the instant the target's clock starts from: the report itself, or where the cut-off moves it."""
        return (lambda report: report) if self.cutoff is None else timeline.after_cutoff(self.cutoff)


def _within_year_9999(search: Callable[[int], int], timeline: Timeline) -> Callable[[int], int]:
    """`search` refusing a deadline at the end of a span that ends with year 9999: local midnight after 9999-12-31 is
    in year 10000, which no report can name and a datetime cannot hold, so both evaluators call it after the span."""
    hi, first, last = timeline.hi, timeline.first, timeline.last

    def due_us(report: int) -> int:
        found = search(report)
        if found >= hi:
            raise _beyond(first, last)
        return found

    return due_us


class Clock:
    """One question made ready to answer: its target resolved, its calendar compiled for one zone.

    `clock.due(moment)` answers one report given as an aware datetime, in the zone of docs/rules.md
    §5; `clock.due_us(report)` answers one given in microseconds since the epoch, for tools that keep
    instants as integers. Both go through the same search (`Timeline.search` or `search_days`).
    `zone` None means a 24x7 calendar without a zone asked without `tz`: `due` then answers in the
    report's own offset (and counts the span of years in it), `due_us` counts the span in UTC.
    """

    __slots__ = ("amount", "due", "due_us", "first", "last", "minutes", "timeline", "zone")

    def __init__(self, amount: int | Amount, timeline: Timeline, zone: tzinfo | None) -> None:
        self.amount = amount if isinstance(amount, Amount) else Amount(amount)
        self.minutes, self.timeline, self.zone = self.amount.minutes, timeline, zone
        self.first, self.last = timeline.first, timeline.last
        search = self.amount.search(timeline)
        # A tool's own microseconds are cut to the millisecond too, as every evaluator counts (§5 "Inputs").
        self.due_us: Callable[[int], int] = lambda report: search(report - report % 1000)
        self.due: Callable[[datetime], datetime]
        if zone is None:
            self.due = _in_report_offset(self.amount, timeline.first, timeline.last)
        elif self.amount.days is None and self.minutes is not None and self.amount.cutoff is None:
            self.due = _minutes_in_zone(timeline, self.minutes, zone)  # the hot path, in one frame
        else:
            self.due = _in_zone(self.due_us, timeline, zone)


def _minutes_in_zone(timeline: Timeline, minutes: int, zone: tzinfo) -> Callable[[datetime], datetime]:
    """`_in_zone(timeline.search(minutes), …)` fused into one closure: the same answers with one call per report.

    Plain deadlines through `Evaluator.due` are the engine's most common question (benchmarks/);
    a second Python frame per report and a second span check cost a fifth of its time.
    """
    starts, before, through, ends = timeline.starts, timeline.before, timeline.through, timeline.ends
    lo, hi, first, last, count = timeline.lo, timeline.hi, timeline.first, timeline.last, len(ends)
    wanted = minutes * _MINUTE_US
    after, reaching = bisect.bisect_right, bisect.bisect_left
    epoch, one_us, us, from_seconds = _EPOCH, _ONE_US, _US, datetime.fromtimestamp

    def due(moment: datetime) -> datetime:
        try:
            report = (moment - epoch) // one_us
        except TypeError:
            report = _report_us(moment)  # raises the RuleError
        if report % 1000:  # counted to the millisecond, as by every evaluator (§5 "Inputs")
            report -= report % 1000
            moment = to_ms(moment)
        if not lo <= report < hi:
            raise _outside(moment.isoformat(), first, last)  # the moment as it was given, not in UTC
        if wanted:  # as Timeline.search
            i = after(ends, report)
            if i == count:
                raise _beyond(first, last)
            start = starts[i]
            goal = before[i] + (report - start if report > start else 0) + wanted
            j = reaching(through, goal, i)
            if j == count:
                raise _beyond(first, last)
            report = starts[j] + goal - before[j]
        micro = report % us
        try:
            answer = from_seconds(report // us, zone)
        except (ValueError, OverflowError):  # in year 10000 (or 0) in UTC, not in the zone
            if report >= hi:  # the span's end after 9999-12-31: see _within_year_9999
                raise _beyond(first, last) from None
            answer = _instant_at_the_ends(report // us, zone)
        return answer.replace(microsecond=micro) if micro else answer

    return due


def _in_zone(search: Callable[[int], int], timeline: Timeline, zone: tzinfo) -> Callable[[datetime], datetime]:
    """`search` for aware datetimes in, aware datetimes in the calculation's zone out."""
    epoch, one_us, us, from_seconds = _EPOCH, _ONE_US, _US, datetime.fromtimestamp
    lo, hi, first, last = timeline.lo, timeline.hi, timeline.first, timeline.last

    def due(moment: datetime) -> datetime:
        try:
            report = (moment - epoch) // one_us
        except TypeError:
            report = _report_us(moment)  # raises the RuleError
        if report % 1000:  # counted to the millisecond, as by every evaluator (§5 "Inputs")
            report -= report % 1000
            moment = to_ms(moment)
        if not lo <= report < hi:
            raise _outside(moment.isoformat(), first, last)  # the moment as it was given, not in UTC
        seconds, micro = divmod(search(report), us)
        try:
            answer = from_seconds(seconds, zone)
        except (ValueError, OverflowError):  # in year 10000 (or 0) in UTC, not in the zone
            answer = _instant_at_the_ends(seconds, zone)
        return answer.replace(microsecond=micro) if micro else answer

    return due


def _in_report_offset(amount: Amount, first: int, last: int) -> Callable[[datetime], datetime]:
    """A 24x7 calendar without a zone, asked without `tz`: the span and the answer in the report's own zone."""

    def due(moment: datetime) -> datetime:
        report = _report_us(moment)
        here = moment.tzinfo
        assert here is not None  # _report_us refuses a naive moment
        timeline = Timeline.always_open(first, last, here)
        if not timeline.lo <= report < timeline.hi:
            raise _outside(to_ms(moment).isoformat(), first, last)
        return _instant(amount.search(timeline)(report), here)

    return due


_NOT_THE_FORMAT = (KeyError, TypeError, ValueError, IndexError, AttributeError)
"""What reading a document that is not format 1.x raises: a field missing, a list where an object belongs, `"25:00"`."""

_Method = TypeVar("_Method", bound=Callable[..., Any])


def _not_a_moment(value: object) -> RuleError:
    """A report moment given to the API as neither a text nor a datetime (None, a number, a list): sla.js's words."""
    return RuleError(f"the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not {json_text(value)}", "at")


def _given_moment(value: object) -> datetime:
    """A report moment the API was given: an ISO 8601 text read by `parse_moment`, a datetime as it is, else refused."""
    if isinstance(value, str):
        return parse_moment(value)
    if isinstance(value, datetime):
        return value
    raise _not_a_moment(value)


def _reads_rules(method: _Method) -> _Method:
    """An Evaluator method whose reading of a document that does not follow the format is a RuleError, not a KeyError.

    The evaluator trusts a document as the export writes it (docs/rules.md); one written or edited by other hands may
    lack a field or hold another type anywhere, and the caller gets the fault named (field None), not a traceback
    from deep inside. The question's own names are checked first (`_names_are_texts`), so these faults are the rules'.
    """

    @functools.wraps(method)
    def reading(self: Evaluator, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except _NOT_THE_FORMAT as exc:
            missing = isinstance(exc, KeyError) and exc.args
            fault = f"a field {_cut(str(exc.args[0]))!r} is missing" if missing else f"{type(exc).__name__}: {_cut(str(exc))}"
            raise RuleError(f"the rules are not a valid format 1.x document ({fault}); validate them against rules/schema.json") from exc

    return cast(_Method, reading)


def _names_are_texts(required: bool = False, **names: object) -> None:
    """Refuse a name of a question given as anything but a text (or None, unless `required`), in the words of its field
    (RuleError)."""
    for field, value in names.items():
        if isinstance(value, str) or (value is None and not required):
            continue
        if field == "plan":
            raise RuleError(f"name the plan as VENDOR/PLAN, such as stratiteq/sos, not {value!r}", "plan")
        given = "None" if value is None else type(value).__name__
        words = f"the {field} must be a text (str), not {given}" if required else f"the {field} must be a text (str) or None, not {given}"
        raise RuleError(words, field)


class Evaluator:
    """The deadlines of one rules document: `Evaluator(rules).due(plan, priority, at)`.

    It owns what it compiles: each calendar's `Timeline` per zone, and each question's `Clock`,
    made on first use and kept for the life of the object. A tool answering many questions holds
    one Evaluator; the rules dict must not be changed in place while it is in use (make a new
    Evaluator for changed rules). Reads only the JSON document (docs/rules.md).
    """

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self._timelines: dict[tuple[str, str, str | None, str | None], Timeline] = {}
        self._clocks: dict[tuple[str, str | None, str | None, str | None, str | None, str | None], Clock] = {}
        # The `due` of each clock asked before, by the question as given: one look-up per deadline.
        self._answers: dict[tuple[str, str | None, str | None, str | None, str | None, str | None], Callable[[datetime], datetime]] = {}
        self._checked = Checked()

    @_reads_rules
    def clock(
        self,
        plan: str,
        priority: str | None,
        tz: str | None = None,
        metric: str | None = None,
        case: str | None = None,
        country: str | None = None,
    ) -> Clock:
        """The `Clock` for one plan ("vendor/plan"), priority, customer zone, metric, kind of case and customer country.

        Raises RuleError when the question has no deadline: for a question whose targets have versions
        (a VersionedClock), when no version gives one, with the refusal of the earliest terms.
        """
        found = self._clock(plan, priority, tz, metric, case, country)
        if isinstance(found, VersionedClock) and found.refusal is not None:
            # Nothing of it would work but its refusals: refuse here, as a question without versions is refused.
            raise found.refusal
        return found

    def _clock(
        self,
        plan: str,
        priority: str | None,
        tz: str | None = None,
        metric: str | None = None,
        case: str | None = None,
        country: str | None = None,
    ) -> Clock:
        """`clock`, but a VersionedClock none of whose versions gives a deadline is returned: it refuses each report in its own span's words."""
        # An empty text in an optional field means the field is not given (docs/rules.md §5), as in sla.js.
        priority, tz, metric, case, country = (v if v != "" else None for v in (priority, tz, metric, case, country))
        key = (plan, priority, tz, metric, case, country)
        try:
            found = self._clocks.get(key)
        except TypeError:  # a name that is not a text, such as a list: refused in its field's words
            _names_are_texts(plan=plan, priority=priority, tz=tz, metric=metric, case=case, country=country)
            raise
        if found is None:
            _names_are_texts(plan=plan, priority=priority, tz=tz, metric=metric, case=case, country=country)
            if tz:  # the customer's zone name first, by the input grammar (docs/rules.md §5 step 2)
                check_zone_name(self.rules, tz, "the customer's zone", "tz")
            # Format 1.2: a question whose targets have versions gets a clock per version (VersionedClock).
            found = self._clocks[key] = self._versioned_clock(plan, priority, tz, metric, case, country) or self._make_clock(
                plan, priority, tz, metric, case, country
            )
        return found

    @_reads_rules
    def due(
        self,
        plan: str,
        priority: str | None,
        at: datetime | str,
        tz: str | None = None,
        metric: str | None = None,
        case: str | None = None,
        country: str | None = None,
    ) -> datetime:
        """By when the target of `plan` ("vendor/plan") for `priority`, `metric` and `case` is due for a report `at`.

        `at` is an aware datetime or an ISO 8601 text with offset. The result is aware: in the
        calendar's zone, or in `tz` for a calendar in the customer's zone; a 24x7 calendar without a
        zone answers in `tz` if given, else in the report's own offset. `case` None is the general
        case; `country` is the customer's, for calendars that close on the customer's holidays.
        Raises RuleError.
        """
        key = (plan, priority, tz, metric, case, country)
        try:
            answer = self._answers.get(key)
        except TypeError:  # a name that is not a text, such as a list: refused in its field's words
            _names_are_texts(plan=plan, priority=priority, tz=tz, metric=metric, case=case, country=country)
            raise
        if answer is None:  # names first, as sla.js checks them (docs/rules.md §8); a key answered before has texts
            _names_are_texts(plan=plan, priority=priority, tz=tz, metric=metric, case=case, country=country)
        at = _given_moment(at)
        if answer is None:
            answer = self._answers[key] = self._clock(plan, priority, tz, metric, case, country).due
        return answer(at)

    @_reads_rules
    def due_many(
        self,
        plan: str,
        priority: str | None,
        moments: Iterable[datetime],
        tz: str | None = None,
        metric: str | None = None,
        case: str | None = None,
        country: str | None = None,
    ) -> list[datetime]:
        """Deadlines for many reports (aware datetimes) of one plan, priority, metric and case, in order."""
        answer = self._clock(plan, priority, tz, metric, case, country).due
        return [answer(m) for m in moments]

    @_reads_rules
    def priority_for(self, vendor: str, impact: str, urgency: str) -> str:
        """The priority level a vendor's impact x urgency matrix gives."""
        _names_are_texts(required=True, vendor=vendor, impact=impact, urgency=urgency)
        # The format version, then the document's own fields, as a question's: `vendors` of another type was an AttributeError
        # here and an unknown vendor in sla.js, and a format 2.0 document was read as if it were 1.x.
        _check_format(self.rules)
        vendors = self.rules["vendors"]
        found = vendors.get(vendor)
        # Names cut to 100 characters, as every other message quotes a caller's name (docs/rules.md §7).
        v, i, u = _cut(str(vendor)), _cut(str(impact)), _cut(str(urgency))
        if found is None:
            raise RuleError(f"unknown vendor '{v}'{suggest(vendor, vendors)}", "vendor")
        _check_vendor(self.rules, vendor, found)
        scheme = found["priorities"]
        if scheme is None or scheme["matrix"] is None:
            raise RuleError(f"vendor '{v}' has no impact × urgency matrix", "vendor")
        matrix = scheme["matrix"]
        if impact not in matrix["impacts"]:
            if impact in matrix["urgencies"]:  # the two given the other way round
                raise RuleError(f"vendor '{v}' has no impact '{i}'; '{i}' is an urgency: give the impact first, then the urgency", "impact")
            raise RuleError(f"vendor '{v}' has no impact '{i}'{suggest(impact, matrix['impacts'])}", "impact")
        if urgency not in matrix["urgencies"]:
            raise RuleError(f"vendor '{v}' has no urgency '{u}'{suggest(urgency, matrix['urgencies'])}", "urgency")
        level = matrix["levels"].get(impact, {}).get(urgency)
        if level is None:
            # Neither name is at fault alone (each is the matrix's): the rules give no level for the pair (§2).
            raise RuleError(f"vendor '{v}''s matrix gives no level for impact '{i}' with urgency '{u}'")
        return str(level)

    def timeline(self, vendor: str, calendar: str, zone: str | None = None, country: str | None = None) -> Timeline:
        """A calendar of a vendor compiled over the rules' years, in its own zone or else in `zone`; kept once made.

        `country` (the customer's) matters only for a calendar with `customer_holidays`.
        """
        cal = self.rules["vendors"][vendor]["calendars"][calendar]
        if not cal.get("customer_holidays"):
            country = None
        key = (vendor, calendar, zone, country)
        found = self._timelines.get(key)
        if found is None:
            zone_name = cal["zone"] or zone
            years = self.rules["years"]
            where = _zone(zone_name, f"calendar '{calendar}'") if zone_name else UTC
            found = self._timelines[key] = _compiled(cal, int(years["first"]), int(years["last"]), where, country)
        return found

    def _make_clock(
        self,
        plan: str,
        priority: str | None,
        tz: str | None,
        metric: str | None,
        case: str | None = None,
        country: str | None = None,
        in_force: Callable[[Mapping[str, Any]], bool] | None = None,
    ) -> Clock:
        customer = check_zone_name(self.rules, tz, "the customer's zone", "tz") if tz else None
        target = find_target(self.rules, plan, priority, metric, case, in_force, checked=self._checked)
        vendor_id = plan.split("/")[0]
        cal_id = target["calendar"]
        calendar = self.rules["vendors"][vendor_id]["calendars"].get(cal_id)
        if calendar is None:
            raise RuleError(f"the rules are inconsistent: vendor '{vendor_id}' has no calendar '{cal_id}'")
        zone: tzinfo | None
        if calendar["zone"] is not None:
            zone = _zone(calendar["zone"], f"calendar '{cal_id}'")
        elif customer is not None:
            zone = customer
        elif calendar["always_open"]:
            zone = None  # the report's own offset (Clock.due); the integer interface counts in UTC
        else:
            raise RuleError(
                f"calendar '{cal_id}' runs in the customer's own time zone; give the zone "
                '(--tz, or "tz" in a batch line), such as Europe/Stockholm',
                "tz",
            )
        check_customer_country(calendar, cal_id, country)
        timeline = self.timeline(vendor_id, cal_id, None if calendar["zone"] is not None else tz, country)
        return Clock(Amount.of(target), timeline, zone)


    def _versioned_clock(
        self, plan: str, priority: str | None, tz: str | None, metric: str | None, case: str | None, country: str | None
    ) -> Clock | None:
        """A VersionedClock when the question's targets have versions (format 1.2), else None; defined below."""
        return _versioned_clock(self, plan, priority, tz, metric, case, country)

    # The ticket clock (docs/rules.md §11); TicketClock is defined below, with the rest of the clock.
    @_reads_rules
    def ticket(
        self: Evaluator,
        plan: str,
        priority: str | None,
        at: datetime | str,
        now: datetime | str,
        events: Iterable[Mapping[str, Any]] | None = (),
        tz: str | None = None,
        case: str | None = None,
        country: str | None = None,
        warnings: Iterable[int] | None = None,
    ) -> dict[str, Any]:
        """A ticket's clock at `now` (docs/rules.md §11): per metric its deadline, elapsed and remaining business
        time, state and warning moments, and the same for obligations timed after hours of work. Raises RuleError."""
        _names_are_texts(plan=plan, priority=priority, tz=tz, case=case, country=country)
        # An empty text is not given (docs/rules.md §5 "Empty texts"), as for a deadline and in ticket.js; it was
        # refused as a priority '' or a case '' here (fuzz14), though `clock --batch` made it None before asking.
        priority, tz, case, country = priority or None, tz or None, case or None, country or None
        moment = to_ms(_given_moment(at))
        try:
            until = to_ms(_given_moment(now))
        except RuleError as exc:
            raise RuleError(f"'now': {exc}", "now") from None
        return TicketClock(self).answer(plan, priority, moment, until, events, tz, case, country, warnings)


# --- one question at a time ------------------------------------------------------------------------
# Each builds an Evaluator for the call, so nothing is kept between calls: a tool answering many
# questions about one rules document should hold one `Evaluator(rules)` instead.


def clock(
    rules: Rules,
    plan: str,
    priority: str | None,
    tz: str | None = None,
    metric: str | None = None,
    case: str | None = None,
    country: str | None = None,
) -> Clock:
    """The `Clock` for one question: `Evaluator(rules).clock(...)`."""
    return Evaluator(rules).clock(plan, priority, tz, metric, case, country)


def due(
    rules: Rules,
    plan: str,
    priority: str | None,
    at: datetime | str,
    tz: str | None = None,
    metric: str | None = None,
    case: str | None = None,
    country: str | None = None,
) -> datetime:
    """By when the target is due for a report `at`: `Evaluator(rules).due(...)` (see `Evaluator.due`)."""
    return Evaluator(rules).due(plan, priority, at, tz, metric, case, country)


def due_many(
    rules: Rules,
    plan: str,
    priority: str | None,
    moments: Iterable[datetime],
    tz: str | None = None,
    metric: str | None = None,
    case: str | None = None,
    country: str | None = None,
) -> list[datetime]:
    """Deadlines for many reports of one question, in order: `Evaluator(rules).due_many(...)`."""
    return Evaluator(rules).due_many(plan, priority, moments, tz, metric, case, country)


def priority_for(rules: Rules, vendor: str, impact: str, urgency: str) -> str:
    """The priority level a vendor's impact x urgency matrix gives: `Evaluator(rules).priority_for(...)`."""
    return Evaluator(rules).priority_for(vendor, impact, urgency)


# --- the ticket clock (docs/rules.md §11) ------------------------------------------------------------
# Everything below is additive: a ticket's events (pauses, responses, updates, priority changes) turn
# the one-deadline question above into a clock per metric. It reads the same Clocks and Timelines.

EVENT_TYPES = ("pause", "resume", "registered", "responded", "updated", "resolved", "priority", "obligation", "workaround", "on-site")
"""The kinds of ticket event the clock reads (docs/rules.md §11)."""

DEFAULT_WARNINGS = (50, 75)
"""The shares of a target (whole percent) at which warnings fall when a question names none."""

_MET_BY = {"registration": "registered", "first-response": "responded", "status-update": "updated", "resolution": "resolved",
           "workaround": "workaround",  # a workaround restored the service (format 1.4)
           "on-site": "on-site"}  # a technician arrived at the customer's site (format 1.6)


@dataclass(frozen=True)
class TicketEvent:
    """One thing that happened to a ticket: `kind` (one of EVENT_TYPES) at `at` (epoch µs)."""

    kind: str
    at: int
    priority: str | None = None  # the new priority of a "priority" event
    obligation: str | None = None  # the obligation an "obligation" event fulfils


def _open_before(timeline: Timeline, moment: int) -> int:
    """Open time of the timeline before `moment` (µs): F(moment) of docs/rules.md §11."""
    i = bisect.bisect_right(timeline.starts, moment) - 1
    if i < 0:
        return 0
    end = timeline.ends[i]
    return timeline.before[i] + (moment if moment < end else end) - timeline.starts[i]


def paused_search(timeline: Timeline) -> Callable[[int, list[tuple[int, int]], int], int]:
    """start µs, pauses [(from, to)] µs (sorted, disjoint, at or after start), wanted µs -> the earliest
    instant by which `wanted` open time has run outside the pauses since `start`.

    The clock's one search, with everything bound once as in Timeline.search. It works in units of
    F (open time since the span's start): the goal is F(start) + wanted, and each pause that begins
    before the goal is reached adds its own open time F(to) - F(from) to the goal; then one binary
    search finds the instant. Each F is one bisection, started where the previous one ended.
    """
    starts, ends, before, through = timeline.starts, timeline.ends, timeline.before, timeline.through
    first, last, count = timeline.first, timeline.last, len(ends)
    total = through[-1] if through else 0
    after, reaching = bisect.bisect_right, bisect.bisect_left

    def reach(start: int, pauses: list[tuple[int, int]], wanted: int) -> int:
        if not wanted:
            return start
        i = after(ends, start)  # F(x) = before[i] + max(0, x - starts[i]) for the first interval i ending after x
        if i == count:
            raise _beyond(first, last)
        s = starts[i]
        goal = before[i] + (start - s if start > s else 0) + wanted
        lo = i
        for stop, resume in pauses:
            # A pause lies a few intervals on: step forward, and bisect only when it is far.
            if i < count and ends[i] <= stop:
                i += 1
                if i < count and ends[i] <= stop:
                    i = after(ends, stop, i + 1)
            if i == count:
                break  # no open time after the pause starts: the goal is reached before it, or never
            s = starts[i]
            paused_from = before[i] + (stop - s if stop > s else 0)
            if paused_from >= goal:
                break  # reached before this pause (and so before every later one)
            if ends[i] <= resume:
                i += 1
                if i < count and ends[i] <= resume:
                    i = after(ends, resume, i + 1)
            if i == count:
                raise _beyond(first, last)  # paused until the end of the span with time still to count
            s = starts[i]
            goal += before[i] + (resume - s if resume > s else 0) - paused_from
            lo = i
        if goal > total or goal == total and last >= _LAST_YEAR and ends[-1] >= timeline.hi:  # see _within_year_9999
            raise _beyond(first, last)
        j = reaching(through, goal, lo)  # the first interval by whose end the goal is reached
        return starts[j] + goal - before[j]

    return reach


def _seconds(us: int) -> int | float:
    """Microseconds as seconds for JSON: a whole number when whole, as JavaScript's ms / 1000 prints it."""
    whole, rest = divmod(us, _US)
    return whole if not rest else us / _US


def _at_or_before(events: list[TicketEvent], kind: str) -> int | None:
    return next((e.at for e in events if e.kind == kind), None)


class _TicketQuestion:
    """One ticket's events read once: pauses, the priority in force, the moments that stop each clock."""

    def __init__(self, report: int, priority: str | None, events: list[TicketEvent], now: int) -> None:
        self.report, self.now = report, now
        self.events = [e for e in events if e.at <= now]  # later events have not happened yet at `now`
        pauses: list[tuple[int, int]] = []
        paused_at: int | None = None
        for e in self.events:
            if e.kind == "pause" and paused_at is None:
                paused_at = e.at
            elif e.kind == "resume" and paused_at is not None:
                if e.at > paused_at:
                    pauses.append((paused_at, e.at))
                paused_at = None
        self.paused = paused_at is not None
        if paused_at is not None and now > paused_at:
            pauses.append((paused_at, now))  # paused until now; the answer assumes it resumes now
        self.pauses = pauses
        self.changes = [(e.at, e.priority) for e in self.events if e.kind == "priority"]
        self.initial = priority
        self.resolved = _at_or_before(self.events, "resolved")

    def priority_at(self, moment: int) -> str | None:
        """The priority in force at `moment`: the last change at or before it, else the report's."""
        found = self.initial
        for at, level in self.changes:
            if at <= moment:
                found = level
        return found

    def pauses_within(self, start: int, stop: int | None) -> list[tuple[int, int]]:
        """The pauses clipped to [start, stop): a clock that has stopped is not moved by pauses after its stop."""
        end = self.now if stop is None else stop
        return [(max(a, start), min(b, end)) for a, b in self.pauses if max(a, start) < min(b, end)]


class TicketClock:
    """The ticket clock of one rules document (docs/rules.md §11): `Evaluator(rules).ticket(...)` uses it."""

    def __init__(self, evaluator: Evaluator) -> None:
        self.evaluator = evaluator

    def answer(
        self,
        plan: str,
        priority: str | None,
        at: datetime,
        now: datetime,
        events: Iterable[Mapping[str, Any]] | None = (),
        tz: str | None = None,
        case: str | None = None,
        country: str | None = None,
        warnings: Iterable[int] | None = None,
    ) -> dict[str, Any]:
        """Every metric's (and timed obligation's) deadline, elapsed and remaining time, state and warnings at `now`."""
        rules = self.evaluator.rules
        report = _report_us(at)
        moment_now = _report_us(now)
        if tz:
            check_zone_name(rules, tz, "the customer's zone", "tz")
        shares = _warning_shares(warnings)
        vendor_id, vendor, found, levels = _check_question(rules, plan, priority, case)
        for i, metric in enumerate(rules["metrics"]):
            if metric not in _MET_BY:  # the clock must know what event meets each metric, or it would measure it wrongly
                raise _not_the_format(f"metrics[{i}] is '{_cut(metric)}', not a metric this ticket clock knows")
        ticket = _TicketQuestion(report, priority, _read_events(events, report, levels, found), moment_now)
        if moment_now < report:
            raise RuleError(f"'now' ({now.isoformat()}) is before the report ({at.isoformat()})", "now")
        metrics: dict[str, Any] = {}
        refused: list[RuleError] = []
        for metric in rules["metrics"]:
            try:
                metrics[metric] = self._metric(plan, metric, ticket, at, tz, case, country, shares)
            except RuleError as exc:
                if exc.field in _QUESTION_FIELDS:
                    raise
                # A metric the plan gives no time for is answered as such; the others still are.
                refused.append(exc)
                metrics[metric] = {"state": "none", "reason": str(exc)}
        if refused and len(refused) == len(metrics):
            raise refused[0]  # nothing to measure: the question itself is wrong (no priority, no country ...)
        obligations = {
            ob["id"]: self._obligation(vendor_id, ob, ticket, at, tz, country, shares)
            for ob in found.get("obligations") or ()
            if _timed(ob) and _obligation_applies(ob, ticket)
        }
        return {"metrics": metrics, "obligations": obligations}

    def _timed(self, clock: Clock, at: datetime) -> tuple[Timeline, tzinfo, Callable[[int], int]]:
        """The timeline, answer zone and plain search of a Clock; a zoneless 24x7 clock runs in the report's offset."""
        if clock.zone is not None:
            return clock.timeline, clock.zone, clock.due_us
        here = at.tzinfo
        assert here is not None
        timeline = Timeline.always_open(clock.first, clock.last, here)
        return timeline, here, clock.amount.search(timeline)

    def _measure(
        self, timeline: Timeline, zone: tzinfo, plain: Callable[[int], int], start: int, stop: int | None,
        ticket: _TicketQuestion, shares: tuple[int, ...], amount: Amount,
    ) -> dict[str, Any]:
        """One clock from `start`, stopped at `stop` (or running at ticket.now): the §11 answer."""
        if not timeline.lo <= start < timeline.hi:
            raise _outside(_named(start, zone), timeline.first, timeline.last)
        # A cut-off (format 1.9) moves where the clock starts: open time before that is not counted.
        start = amount.start(timeline)(start)
        reach = paused_search(timeline)
        # A stopped clock keeps the deadline it had at its stop: pauses after it (waiting on the customer for
        # the resolution, after the first response was met) are not its own (docs/rules.md §11.2).
        pauses = ticket.pauses_within(start, stop)
        floor = start
        if amount.days is not None:  # business days: the open time up to the §6 deadline, never earlier than it
            floor = plain(start) if amount.cutoff is None else amount.search_from_start(timeline)(start)
            if floor >= timeline.hi and timeline.last >= _LAST_YEAR:  # see _within_year_9999
                raise _beyond(timeline.first, timeline.last)
            wanted = _open_before(timeline, floor) - _open_before(timeline, start)
        else:
            assert amount.minutes is not None
            wanted = amount.minutes * _MINUTE_US
        deadline = max(reach(start, pauses, wanted), floor)
        end = ticket.now if stop is None else stop
        elapsed = _open_before(timeline, end) - _open_before(timeline, start) if end > start else 0
        for a, b in pauses:
            if a >= end:
                break
            elapsed -= _open_before(timeline, min(b, end)) - _open_before(timeline, a)
        if end > deadline:
            state = "breached"
        elif stop is not None:
            state = "met"
        else:
            state = "paused" if ticket.paused else "running"
        return {
            "due": _instant(deadline, zone).isoformat(),
            "state": state,
            "elapsed_seconds": _seconds(elapsed),
            "remaining_seconds": _seconds(wanted - elapsed),
            "target_seconds": _seconds(wanted),
            "warnings": [{"percent": p, "at": _instant(reach(start, pauses, wanted * p // 100_000 * 1000), zone).isoformat()} for p in shares],
        }

    def _metric(
        self, plan: str, metric: str, ticket: _TicketQuestion, at: datetime, tz: str | None, case: str | None,
        country: str | None, shares: tuple[int, ...],
    ) -> dict[str, Any]:
        kind = _MET_BY[metric]
        if metric == "status-update":
            # The interval restarts at each update: the current one runs from the last update (or the report).
            # Updates at or after the resolution are ignored: a resolved ticket's clocks have stopped.
            resolved = ticket.resolved
            starts = [ticket.report] + [e.at for e in ticket.events if e.kind == "updated" and (resolved is None or e.at < resolved)]
            missed = 0
            for begin, finish in zip(starts, starts[1:], strict=False):
                try:
                    done = self._one(plan, metric, ticket, at, tz, case, country, (), begin, finish)
                except RuleError as exc:
                    if exc.field in _QUESTION_FIELDS:
                        raise
                    # No deadline for the priority in force when it ended (P3 states no status updates, then
                    # escalated to P1): that interval was neither met nor missed; the ones after still count.
                    continue
                missed += done["state"] == "breached"
            answer = self._one(plan, metric, ticket, at, tz, case, country, shares, starts[-1], ticket.resolved)
            answer["missed"] = missed
            return answer
        met = _at_or_before(ticket.events, kind)
        stop = met if met is not None else ticket.resolved
        if met is not None and ticket.resolved is not None:
            stop = min(met, ticket.resolved)
        return self._one(plan, metric, ticket, at, tz, case, country, shares, ticket.report, stop)

    def _one(
        self, plan: str, metric: str, ticket: _TicketQuestion, at: datetime, tz: str | None, case: str | None,
        country: str | None, shares: tuple[int, ...], start: int, stop: int | None,
    ) -> dict[str, Any]:
        """One interval of one metric, against the target of the priority in force when it stops (or now)."""
        level = ticket.priority_at(ticket.now if stop is None else stop)
        clock = self.evaluator._clock(plan, level, tz, metric, case, country)
        if isinstance(clock, VersionedClock):
            clock = clock.at(ticket.report)  # the terms in force when the ticket was reported
        timeline, zone, plain = self._timed(clock, at)
        answer = self._measure(timeline, zone, plain, start, stop, ticket, shares, clock.amount)
        answer["priority"] = level
        return answer

    def _obligation(
        self, vendor_id: str, ob: Mapping[str, Any], ticket: _TicketQuestion, at: datetime, tz: str | None,
        country: str | None, shares: tuple[int, ...],
    ) -> dict[str, Any]:
        """An obligation timed `after_minutes` of work: its clock starts when work starts (the first response)."""
        started = _at_or_before(ticket.events, "responded")
        if started is None:
            return {"state": "waiting", "due": None}
        cal_id = ob["calendar"]
        calendar = self.evaluator.rules["vendors"][vendor_id]["calendars"][cal_id]
        zone: tzinfo
        if calendar["zone"] is not None:
            zone = _zone(calendar["zone"], f"calendar '{cal_id}'")
        elif tz:
            zone = _zone(tz, "the customer's zone", "tz")
        elif calendar["always_open"]:
            zone = at.tzinfo or UTC
        else:
            return {"state": "none", "reason": f"calendar '{cal_id}' runs in the customer's own time zone; give the zone"}
        # As a metric's clock (§11.3, and ticket.js): without the customer's country, or with one the rules do not
        # carry, the obligation has no time and says why; refusing the ticket would break it at its first response.
        try:
            check_customer_country(calendar, cal_id, country)
        except RuleError as exc:
            return {"state": "none", "reason": str(exc)}
        if calendar["zone"] is None and not tz and calendar["always_open"]:
            years = self.evaluator.rules["years"]
            timeline = Timeline.always_open(int(years["first"]), int(years["last"]), zone)
        else:
            timeline = self.evaluator.timeline(vendor_id, cal_id, None if calendar["zone"] is not None else tz, country)
        if ob.get("every_minutes") is None:
            amount = Amount(int(ob["after_minutes"]))
            return self._measure(timeline, zone, amount.search(timeline), started, _obligation_stop(ob, ticket), ticket, shares, amount)
        # Format 1.5, `every`: as status updates, each of its events ends one interval and starts the next.
        amount = Amount(int(ob["every_minutes"]))
        plain = amount.search(timeline)
        resolved = ticket.resolved
        starts = [started] + [
            e.at for e in ticket.events
            if e.kind == "obligation" and e.obligation == ob["id"] and e.at >= started and (resolved is None or e.at < resolved)
        ]
        missed = sum(
            self._measure(timeline, zone, plain, begin, end, ticket, (), amount)["state"] == "breached"
            for begin, end in zip(starts, starts[1:], strict=False)
        )
        answer = self._measure(timeline, zone, plain, starts[-1], resolved, ticket, shares, amount)
        answer["missed"] = missed
        return answer


_QUESTION_FIELDS = ("tz", "at", "case", "plan")
"""The fields whose errors refuse a whole ticket question; another error is one metric's ("none", with its reason)."""


def _timed(ob: Mapping[str, Any]) -> bool:
    """An obligation the ticket clock follows: after so much work, or (1.5) again after every so much work."""
    return ob.get("after_minutes") is not None or ob.get("every_minutes") is not None


def _obligation_stop(ob: Mapping[str, Any], ticket: _TicketQuestion) -> int | None:
    """When a timed obligation's clock stopped by `now`: its own event or the resolution, whichever came first.

    A recurring one (`every_minutes`) runs until the resolution: its events only restart it.
    """
    if ob.get("every_minutes") is not None:
        return ticket.resolved
    done = next((e.at for e in ticket.events if e.kind == "obligation" and e.obligation == ob["id"]), None)
    if done is None or ticket.resolved is None:
        return done if done is not None else ticket.resolved
    return min(done, ticket.resolved)


def _obligation_applies(ob: Mapping[str, Any], ticket: _TicketQuestion) -> bool:
    """Format 1.5: an obligation for some priorities is followed only while the ticket has one of them (§11.4).

    As a metric's target, it goes by the priority in force when the clock stops (or at `now`); a document
    before 1.5 has no `priorities`, and null is every priority.
    """
    levels = ob.get("priorities")
    if levels is None:
        return True
    stop = _obligation_stop(ob, ticket)
    return ticket.priority_at(ticket.now if stop is None else stop) in levels


def check_customer_country(calendar: Mapping[str, Any], cal_id: str, country: str | None) -> None:
    """A calendar that closes on the customer's public holidays needs the customer's country, one the rules carry."""
    listed = calendar.get("customer_holidays")
    if listed:
        if not country:
            raise RuleError(
                f"calendar '{cal_id}' closes on the customer's public holidays; give the customer's country "
                f"(--country, or \"country\" in a batch line), one of: {', '.join(listed)}"
            )
        if country not in listed:
            raise RuleError(
                f"calendar '{cal_id}' closes on the customer's public holidays, and the rules carry them only for "
                f"{', '.join(listed)}, not for '{_cut(country)}'"
            )


def _check_question(
    rules: Rules, plan: str, priority: str | None, case: str | None
) -> tuple[str, Mapping[str, Any], Mapping[str, Any], list[str]]:
    """Format, plan, priority and kind of case checked in find_target's order and words, before any metric."""
    _check_format(rules)
    vendor_id, vendor, _, found, levels = _check_plan(rules, plan, priority, case)
    return vendor_id, vendor, found, levels


def _check_format(rules: Rules) -> None:
    """Refuse rules of another major format version (docs/rules.md §5, the first check)."""
    version = rules.get("format_version")
    version = version if isinstance(version, str) else ""  # a number or a list is no version, as in sla.js
    if not version.startswith("1."):
        raise RuleError(f"these rules are in format {version or '(none)'}; this evaluator reads format 1.x")
    _check_top(rules)


def _check_plan(
    rules: Rules, plan: str, priority: str | None, case: str | None, checked: Checked | None = None
) -> tuple[str, Mapping[str, Any], str, Mapping[str, Any], list[str]]:
    """The plan, then the priority and the kind of case checked against its vendor; (vendor id, vendor, plan id, plan, levels)."""
    vendor_id, vendor, plan_id, found = _vendor_plan(rules, plan, checked)
    levels = [lv["id"] for lv in vendor["priorities"]["levels"]] if vendor["priorities"] else []
    if priority is not None and priority not in levels:
        if not levels:
            raise RuleError(f"vendor '{vendor_id}' has no priority levels; leave the priority '{_cut(priority)}' out", "priority")
        raise RuleError(f"vendor '{vendor_id}' has no priority '{_cut(priority)}'{suggest(priority, levels)}", "priority")
    cases = vendor.get("cases") or {}
    if case is not None and case not in cases:
        if not cases:
            raise RuleError(f"vendor '{vendor_id}' declares no kinds of case; leave the case '{_cut(case)}' out", "case")
        raise RuleError(f"vendor '{vendor_id}' has no kind of case '{_cut(case)}'{suggest(case, cases)}", "case")
    return vendor_id, vendor, plan_id, found, levels


def _warning_shares(warnings: Iterable[int] | None) -> tuple[int, ...]:
    """The warning shares a question asks for (whole percent, 1-99), sorted, or the defaults."""
    if warnings is None:
        return DEFAULT_WARNINGS
    if isinstance(warnings, (str, bytes, Mapping)) or not isinstance(warnings, Iterable):
        raise RuleError(f"\"warnings\" must be a list of whole percents, not {json_text(warnings)}", "warnings")
    shares = []
    items: list[object] = list(warnings)  # as given: JSON may hold any value here
    for given in items:
        # JSON's 50.0 is JavaScript's 50: the same share.
        share = int(given) if isinstance(given, float) and given.is_integer() else given
        if isinstance(share, bool) or not isinstance(share, int) or not 1 <= share <= 99:
            raise RuleError(f"a warning is a whole percent of the target from 1 to 99, not {json_text(given)}", "warnings")
        shares.append(share)
    return tuple(sorted(set(shares)))


def _read_events(events: Iterable[Mapping[str, Any]] | None, report: int, levels: list[str], plan: Mapping[str, Any]) -> list[TicketEvent]:
    """The ticket's events as given, checked: known kinds, moments with offsets, in time order, not before the report."""
    if events is None:  # docs/rules.md §11.1: null or absent is no events, as ticket.js and a batch line read it
        events = ()
    if isinstance(events, (str, bytes, Mapping)) or not isinstance(events, Iterable):
        raise RuleError(f"\"events\" must be a list of events, not {json_text(events)}", "events")
    found: list[TicketEvent] = []
    timed = [ob["id"] for ob in plan.get("obligations") or () if _timed(ob)]
    for number, event in enumerate(events, start=1):
        if not isinstance(event, Mapping):
            raise RuleError(f"event {number} is not an object such as {{\"type\": \"pause\", \"at\": \"2026-11-23T16:00:00+01:00\"}}", "events")
        kind = event.get("type")
        if kind not in EVENT_TYPES:
            # A type that is not a text gets the same sorted list as one with nothing close (§7's hint).
            hint = (suggest(kind, EVENT_TYPES) if isinstance(kind, str) else "") or "; known: " + ", ".join(sorted(EVENT_TYPES))
            raise RuleError(f"event {number} has an unknown type {json_text(kind)}{hint}", "events")
        unknown = [k for k in event if k not in ("type", "at", "priority", "obligation")]
        if unknown:
            raise RuleError(f"event {number} has an unknown field '{_cut(str(unknown[0]))}'", "events")
        if not isinstance(event.get("at"), str):
            raise RuleError(f"event {number} needs \"at\", its moment as a text such as 2026-11-23T16:00:00+01:00", "events")
        try:
            moment = _us(parse_moment(event["at"]))
        except RuleError as exc:
            raise RuleError(f"event {number}: {exc}", "events") from None
        if moment < report:
            raise RuleError(f"event {number} ({event['at']}) is before the report", "events")
        if found and moment < found[-1].at:
            raise RuleError(f"event {number} ({event['at']}) is earlier than event {number - 1}; give the events in time order", "events")
        level = event.get("priority")
        if kind == "priority":
            if level not in levels:
                known = ", ".join(levels) or "(no levels)"
                raise RuleError(f"event {number} changes the priority to {json_text(level)}, which is not one of: {known}", "events")
        elif level is not None:
            raise RuleError(f"event {number}: only a \"priority\" event has a \"priority\"", "events")
        obligation = event.get("obligation")
        if kind == "obligation":
            if obligation not in timed:
                known = ", ".join(timed) or "(none)"
                raise RuleError(
                    f"event {number} names the obligation {json_text(obligation)}, which is not one of the plan's timed obligations: {known}",
                    "events",
                )
        elif obligation is not None:
            raise RuleError(f"event {number}: only an \"obligation\" event has an \"obligation\"", "events")
        found.append(TicketEvent(kind, moment, level, obligation))
    return found


def _js_number(number: float) -> str:
    """A float as JavaScript's Number#toString writes it (ECMA-262 Number::toString): 5.0 is 5, 1e300 is 1e+300."""
    if number != number or number in (float("inf"), float("-inf")):
        return "null"  # JSON.stringify's word for NaN and the infinities
    if number == 0:
        return "0"
    if number < 0:
        return "-" + _js_number(-number)
    # repr gives the shortest digits that read back as the same float, as JavaScript's do.
    _, digit_tuple, exponent = Decimal(repr(number)).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0")
    k = len(digits)
    n = int(exponent) + len("".join(map(str, digit_tuple)))  # the value is 0.DIGITS × 10^n
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * -n + digits
    sign = "+" if n - 1 >= 0 else "-"
    return (digits[0] + ("." + digits[1:] if k > 1 else "")) + "e" + sign + str(abs(n - 1))


def _js_json(value: object) -> str:
    """Compact JSON as JavaScript's JSON.stringify writes it (numbers included), for the words both evaluators say."""
    if isinstance(value, float):
        return _js_number(value)
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{_js_json(str(k))}:{_js_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_js_json(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def json_text(value: object) -> str:
    """A value as JSON shows it, cut for an error message (what JavaScript's JSON.stringify prints)."""
    try:
        return _cut(_js_json(value))
    except (TypeError, ValueError):
        return _cut(repr(value))


def ticket(
    rules: Rules,
    plan: str,
    priority: str | None,
    at: datetime | str,
    now: datetime | str,
    events: Iterable[Mapping[str, Any]] | None = (),
    tz: str | None = None,
    case: str | None = None,
    country: str | None = None,
    warnings: Iterable[int] | None = None,
) -> dict[str, Any]:
    """A ticket's clock at `now`: `Evaluator(rules).ticket(...)` (docs/rules.md §11)."""
    return Evaluator(rules).ticket(plan, priority, at, now, events, tz, case, country, warnings)


# --- effective-dated versions (format 1.2, docs/rules.md §5 step 8) -----------------------------------


def _version_start(rules: Rules, vendor_id: str, target: Mapping[str, Any], day: str | None, tz: str | None) -> int | None:
    """The instant (µs) a version's `from` (or `until`) date begins: local midnight in the zone of the
    target's calendar, else the customer's `tz`, else UTC. None for no date."""
    if day is None:
        return None
    calendar = rules["vendors"][vendor_id]["calendars"].get(target.get("calendar")) if target.get("calendar") else None
    name = calendar["zone"] if calendar is not None and calendar["zone"] is not None else tz
    zone: tzinfo = _zone(name, "the customer's zone", "tz") if name else UTC
    return _us(datetime.combine(date.fromisoformat(day), datetime.min.time(), tzinfo=zone))


class VersionedClock(Clock):
    """A question whose targets have versions (format 1.2): one Clock per span of report instants.

    `due` and `due_us` pick the clock of the version in force at the report; a span in which the
    rules give no target raises that span's RuleError. `at(report_us)` gives the span's Clock.
    `amount`, `minutes`, `timeline` and `zone` are those of the earliest version that gives a deadline.
    When none does, `refusal` is the earliest span's RuleError (else None): `Evaluator.clock` raises it
    instead of returning such a clock, and `Evaluator.due` answers each report with its own span's words.
    """

    __slots__ = ("bounds", "clocks", "refusal")

    def __init__(self, bounds: list[int], clocks: list[Clock | RuleError]) -> None:
        self.bounds, self.clocks = bounds, clocks  # clocks[k] answers reports in [bounds[k-1], bounds[k])
        ready = next((c for c in clocks if isinstance(c, Clock)), None)
        self.refusal = None if ready is not None else next(c for c in clocks if isinstance(c, RuleError))
        if ready is not None:
            self.amount, self.minutes, self.timeline, self.zone = ready.amount, ready.minutes, ready.timeline, ready.zone
            self.first, self.last = ready.first, ready.last
        self.due_us = lambda report: self.at(report).due_us(report)
        self.due = lambda moment: self.at(_report_us(moment)).due(moment)

    def at(self, report: int) -> Clock:
        """The Clock of the version in force at `report` (µs), or its span's RuleError."""
        found = self.clocks[bisect.bisect_right(self.bounds, report)]
        if isinstance(found, RuleError):
            raise found
        return found


def _versioned_clock(
    self: Evaluator, plan: str, priority: str | None, tz: str | None, metric: str | None, case: str | None, country: str | None
) -> Clock | None:
    """A VersionedClock when the plan's targets for the metric have versions, else None (the plain Clock)."""
    rules = self.rules
    try:
        vendor_id, _, _, found = _vendor_plan(rules, plan, self._checked)
    except (RuleError, KeyError, TypeError, AttributeError):
        return None  # the plain path reports it in its own words
    wanted = metric or DEFAULT_METRIC
    targets = [t for t in found["targets"] if t["metric"] == wanted]
    if not any(t.get("from") for t in targets):
        return None
    starts: dict[int, tuple[int | None, int | None]] = {}
    for t in targets:
        following = next((n for n in targets if n is not t and n.get("from") == t.get("until") and
                          (n["priority"], n.get("case")) == (t["priority"], t.get("case"))), None)
        starts[id(t)] = (_version_start(rules, vendor_id, t, t.get("from"), tz),
                         _version_start(rules, vendor_id, following, t.get("until"), tz) if following is not None else None)
    bounds = sorted({b for a, z in starts.values() for b in (a, z) if b is not None})
    clocks: list[Clock | RuleError] = []
    for k in range(len(bounds) + 1):
        moment = bounds[k - 1] if k else (bounds[0] - 1 if bounds else 0)

        def in_force(t: Mapping[str, Any], moment: int = moment) -> bool:
            begin, end = starts[id(t)]
            return (begin is None or begin <= moment) and (end is None or moment < end)

        try:
            clocks.append(self._make_clock(plan, priority, tz, metric, case, country, in_force))
        except RuleError as exc:
            clocks.append(exc)
    # Even when no span gives a deadline, each report gets its own span's refusal (§5 step 8: only the
    # targets in force at the report take part), not the first span's: a plan whose P2 target begins
    # in 2027 is asked without a priority "give one of: P1, P2" in 2027, not "give one of: P1".
    return VersionedClock(bounds, clocks)


# --- availability (uptime) and service credits (format 1.5) -----------------------------------------


def service_credit(rules: Rules, plan: str, measured: Decimal | float | str) -> Decimal:
    """The credit, in percent of the period's fee, for a period of `measured` percent availability (docs/rules.md §2).

    The fee is the plan's own, or, when the plan's `availability.credits_of` says so (format 1.12), the subscription
    price or the usage charges of the period; and `measured` is measured within `availability.calendar`'s open hours
    when it names one. Both are the caller's to apply: this answers the percentage.

    "Below" is strict, and of the credits whose threshold the measured availability is below the largest
    applies; 0 when none does (also for a plan that gives no credits, or does not say: `credits_stated` in
    the JSON tells those apart). A plan that promises no availability is an error, as is a measured value
    that is no percentage.
    """
    _check_format(rules)
    if not isinstance(plan, str) or plan.count("/") != 1:
        raise RuleError(f"name the plan as VENDOR/PLAN, such as stratiteq/sos, not '{_cut(str(plan))}'", "plan")
    vendor_id, plan_id = plan.split("/")
    vendor = rules["vendors"].get(vendor_id)
    if vendor is None:
        raise RuleError(f"unknown vendor '{_cut(vendor_id)}'{suggest(vendor_id, rules['vendors'])}", "plan")
    aliases = vendor.get("aliases") or {}
    found = vendor["plans"].get(aliases[plan_id]["plan"] if plan_id in aliases else plan_id)
    if found is None:
        raise RuleError(f"vendor '{vendor_id}' has no plan '{_cut(plan_id)}'{suggest(plan_id, [*vendor['plans'], *aliases])}", "plan")
    promise = found.get("availability")
    if promise is None:
        raise RuleError(f"plan '{vendor_id}/{plan_id}' promises no availability", "plan")
    try:
        value = Decimal(str(measured))
    except ArithmeticError:
        raise RuleError(f"'{_cut(str(measured))}' is not a percentage", "measured") from None
    if not value.is_finite() or not 0 <= value <= 100:
        raise RuleError(f"'{_cut(str(measured))}' is not a percentage from 0 to 100", "measured")
    # Decimal from the JSON number's shortest text: 99.9 is 99.9, not the binary float just below it.
    due = [Decimal(str(c["percent"])) for c in promise["credits"] if value < Decimal(str(c["below"]))]
    return max(due, default=Decimal(0))
