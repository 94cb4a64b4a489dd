"""A consumer of the SLA rule JSON written from docs/rules.md alone (§5, §6, §7's words, §11, and §8's priority_for).

Written by reading only the page: not the reference engine (dsl/rules/engine.py), not sla.js or ticket.js, not the
older consumer of §4–§6 beside this file. Plain Python, the standard library and zoneinfo; it imports nothing of
`dsl`. Instants are whole milliseconds since the epoch (§5 "Inputs": moments count to the millisecond).

    consumer = Consumer(rules)
    consumer.due({"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00"})  # text, or Refused
    consumer.ticket({"plan": …, "at": …, "now": …, "events": […]})                               # §11.5 dict
    consumer.priority_for("amanda", "large", "high")                                               # "P1"
"""

from __future__ import annotations

import bisect
import difflib
import json
import math
import re
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any

UTC = UTC
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MS = timedelta(milliseconds=1)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
FORM = "YYYY-MM-DDTHH:MM[:SS[.ffffff]] with Z or ±HH:MM, such as 2026-11-23T15:00:00+01:00"
EVENT_TYPES = ("pause", "resume", "registered", "responded", "updated", "resolved", "workaround", "on-site", "priority", "obligation")
# §11.3: which event stops a metric's clock (resolved stops every one).
STOPS = {"registration": "registered", "first-response": "responded", "on-site": "on-site", "workaround": "workaround"}


class Refused(Exception):
    """A question the rules do not answer: the §7 / §11.6 words and the field at fault."""

    def __init__(self, message: str, field: str | None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


# --- words (§7) -------------------------------------------------------------------------------------------------------


def quoted(name: str) -> str:
    """A name between single quotes, cut to 100 code points with … inside the quotes."""
    return f"'{name[:100]}…'" if len(name) > 100 else f"'{name}'"


def hint(given: str, known: list[str]) -> str:
    """The hint after an unknown name (§7, under the table)."""
    if len(given) <= 100:
        lowered: dict[str, str] = {}
        for name in known:
            lowered.setdefault(name.lower(), name)
        close = difflib.get_close_matches(given.lower(), list(lowered), n=1, cutoff=0.6)
        if close:
            return f"; did you mean {quoted(lowered[close[0]])}?"
    if 1 <= len(known) <= 10:
        return "; known: " + ", ".join(sorted(known))
    return ""


def js_number(value: float) -> str:
    """A number as JavaScript's JSON.stringify writes it."""
    if isinstance(value, int):
        return str(value)
    if math.isnan(value) or math.isinf(value):
        return "null"
    if value == 0:
        return "0"
    sign = "-" if value < 0 else ""
    digits_tuple = Decimal(repr(abs(value))).normalize().as_tuple()
    digits = "".join(map(str, digits_tuple.digits))
    k = len(digits)
    n = int(digits_tuple.exponent) + k  # value = 0.digits × 10^n
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    exponent = n - 1
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{sign}{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"


def js_json(value: Any) -> str:
    """Compact JSON as JavaScript writes it."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return js_number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(js_json(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(k, ensure_ascii=False)}:{js_json(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value))


def quoted_json(value: Any) -> str:
    """A value in a §11.6 message: compact JSON cut to 100 code points with … added."""
    text = js_json(value)
    return text[:100] + "…" if len(text) > 100 else text


# --- moments (§5 "Inputs", §6 "The answer") ---------------------------------------------------------------------------

FULL = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,6}))?)?(Z|[+-][0-9]{2}:[0-9]{2})?")
DATE_ONLY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


@dataclass(frozen=True)
class Moment:
    ms: int  # the instant, milliseconds since the epoch
    offset: timedelta  # the report's own offset
    text: str  # as given


def real_date(y: str, m: str, d: str) -> bool:
    try:
        return int(y) >= 1 and bool(date(int(y), int(m), int(d)))
    except ValueError:
        return False


def parse_moment(text: Any) -> Moment:
    """A report moment, or Refused with §7's words (field at)."""
    if isinstance(text, datetime):
        if text.tzinfo is None or text.utcoffset() is None:
            raise Refused(f"the time {text} has no UTC offset; give one, such as 2026-11-23T15:00:00+01:00", "at")
        ms = (text - EPOCH) // timedelta(microseconds=1) // 1000
        return Moment(ms, text.utcoffset() or timedelta(0), text.isoformat())
    if not isinstance(text, str):
        raise Refused(f"the moment must be an ISO 8601 text such as 2026-11-23T15:00:00+01:00, not {js_json(text)}", "at")
    general = Refused(f"{quoted(text)} is not a date and time of the form {FORM}", "at")
    match = FULL.fullmatch(text)
    if match is None:
        only = DATE_ONLY.fullmatch(text)
        if only and real_date(*only.groups()):
            raise Refused(f"the moment {quoted(text)} has no time of day; give one with its UTC offset, such as {text}T00:00:00+01:00", "at")
        raise general
    y, mo, d, h, mi, s, frac, off = match.groups()
    if not real_date(y, mo, d) or int(h) > 23 or int(mi) > 59 or (s is not None and int(s) > 59):
        raise general
    if off is None:
        raise Refused(f"the time {quoted(text)} has no UTC offset; add one, such as {text}+01:00 or {text}Z", "at")
    if off == "Z":
        offset = timedelta(0)
    else:
        oh, om = int(off[1:3]), int(off[4:6])
        if oh > 23 or om > 59:
            raise general
        offset = timedelta(hours=oh, minutes=om) * (-1 if off[0] == "-" else 1)
    millis = int((frac or "0")[:3].ljust(3, "0"))
    local = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0))
    ms = (local - datetime(1970, 1, 1)) // MS + millis - offset // MS
    return Moment(ms, offset, text)


# Rules of year 1 or 9999 have instants in year 0 or 10000 of UTC (§6 "The span"), which a datetime cannot hold:
# local fields are computed here from the offset, which is read at the nearest instant a datetime can hold.
FIRST_MS = (datetime(1, 1, 2, tzinfo=UTC) - EPOCH) // MS
LAST_MS = (datetime(9999, 12, 30, tzinfo=UTC) - EPOCH) // MS


@dataclass(frozen=True)
class Local:
    year: int
    month: int
    day: int
    hour: int
    minute: int
    second: int
    millisecond: int
    offset_ms: int

    def date(self) -> date:
        return date(self.year, self.month, self.day)


def civil(days: int) -> tuple[int, int, int]:
    """The proleptic Gregorian date `days` after 1970-01-01, for any year (H. Hinnant's civil_from_days)."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def in_zone(ms: int, zone: tzinfo) -> Local:
    probe = EPOCH + min(max(ms, FIRST_MS), LAST_MS) * MS
    offset = probe.astimezone(zone).utcoffset() or timedelta(0)
    offset_ms = offset // MS
    days, rest = divmod(ms + offset_ms, 86400000)
    y, m, d = civil(days)
    return Local(y, m, d, rest // 3600000, rest // 60000 % 60, rest // 1000 % 60, rest % 1000, offset_ms)


def iso(ms: int, zone: tzinfo) -> str:
    """§6 "The answer" (Python's isoformat), and §8: a year beyond 1–9999 with the digits it takes, '-' before 0."""
    t = in_zone(ms, zone)
    year = f"{t.year:04d}" if t.year >= 0 else f"-{-t.year:04d}"
    text = f"{year}-{t.month:02d}-{t.day:02d}T{t.hour:02d}:{t.minute:02d}:{t.second:02d}"
    if t.millisecond:
        text += f".{t.millisecond:03d}000"
    sign = "-" if t.offset_ms < 0 else "+"
    off = abs(t.offset_ms) // 1000
    text += f"{sign}{off // 3600:02d}:{off // 60 % 60:02d}"
    return text + (f":{off % 60:02d}" if off % 60 else "")


def fixed(offset: timedelta) -> tzinfo:
    return timezone(offset)


def local_ms(day: date, seconds: int, zone: tzinfo, micro: int = 0) -> int:
    """instant(D, wall time) with fold = 0 (§4 step 2); a time of 24:00 is the next date's midnight."""
    if seconds >= 86400:
        day, seconds = day + timedelta(days=seconds // 86400), seconds % 86400
    wall = datetime(day.year, day.month, day.day, seconds // 3600, seconds // 60 % 60, seconds % 60, micro, tzinfo=zone, fold=0)
    return (wall - EPOCH) // MS


def midnight_after(year: int, zone: tzinfo) -> int:
    """instant((year+1)-01-01, 00:00): for year 9999, a day after 9999-12-31's midnight at that date's offset."""
    if year < 9999:
        return local_ms(date(year + 1, 1, 1), 0, zone)
    last = datetime(9999, 12, 31, tzinfo=zone, fold=0)
    return (last - EPOCH) // MS + 86400000


# --- calendars (§3, §4, §6 business days) ------------------------------------------------------------------------------


def hhmm(text: str) -> int:
    return int(text[:2]) * 3600 + int(text[3:5]) * 60


class Timeline:
    """A calendar read in one zone, for one country: merged open spans with running totals, and business days."""

    def __init__(self, calendar: dict[str, Any], zone: tzinfo, years: tuple[int, int], country: str | None) -> None:
        self.zone = zone
        first, last = years
        self.lo = local_ms(date(first, 1, 1), 0, zone)
        self.hi = midnight_after(last, zone)
        self.days: list[date] = []  # business days in order
        self.closes: list[int] = []  # the close of each
        raw: list[tuple[int, int]] = []
        if calendar["always_open"]:
            raw.append((self.lo, self.hi))
            day = date(first, 1, 1)
            while day.year <= last:
                self.days.append(day)
                self.closes.append(local_ms(day, 86400, zone) if (day.year, day.month, day.day) != (9999, 12, 31) else self.hi)
                if day == date.max:
                    break
                day += timedelta(days=1)
        else:
            closed = set((calendar.get("customer_holidays") or {}).get(country or "", []))
            dates = calendar["dates"]
            day = date(first, 1, 1)
            while day.year <= last:
                key = day.isoformat()
                pieces = [] if key in closed else dates[key] if key in dates else calendar["weekly"][WEEKDAYS[day.weekday()]]
                close = None
                for start, end in pieces:
                    a = local_ms(day, hhmm(start), zone)
                    b = local_ms(day, hhmm(end), zone) if not (end == "24:00" and day == date.max) else self.hi
                    if b > a:
                        raw.append((a, b))
                        close = b if close is None else max(close, b)
                if close is not None:
                    self.days.append(day)
                    self.closes.append(close)
                if day == date.max:
                    break
                day += timedelta(days=1)
        raw.sort()
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in raw:
            a, b = max(a, self.lo), min(b, self.hi)
            if b <= a:
                continue
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], b)
            else:
                self.starts.append(a)
                self.ends.append(b)
        self.cum = [0]
        for a, b in zip(self.starts, self.ends, strict=True):
            self.cum.append(self.cum[-1] + b - a)

    def F(self, t: int) -> int:
        """Open time before t (§11.2)."""
        i = bisect.bisect_right(self.starts, t) - 1
        if i < 0:
            return 0
        return self.cum[i] + min(t, self.ends[i]) - self.starts[i]

    def inverse(self, total: int) -> int | None:
        """The earliest t with F(t) ≥ total (total > 0), or None when the span holds less."""
        if total > self.cum[-1]:
            return None
        i = bisect.bisect_left(self.cum, total) - 1  # cum[i] < total ≤ cum[i+1]
        return self.starts[i] + total - self.cum[i]

    def is_open(self, t: int) -> bool:
        i = bisect.bisect_right(self.starts, t) - 1
        return i >= 0 and t < self.ends[i]

    def next_open(self, t: int) -> int | None:
        """t if open, else the start of the first open span after t."""
        if self.is_open(t):
            return t
        i = bisect.bisect_right(self.starts, t)
        return self.starts[i] if i < len(self.starts) else None

    def nth_after(self, day: date, n: int) -> int | None:
        """Index of the nth business day strictly after `day`."""
        i = bisect.bisect_right(self.days, day) + n - 1
        return i if i < len(self.days) else None

    def local_date(self, t: int) -> date:
        return in_zone(t, self.zone).date()


AFTER = "the deadline falls after the last year the rules cover ({}); export more years"


def after_span(years: tuple[int, int]) -> Refused:
    return Refused(AFTER.format(f"{years[0]}–{years[1]}"), "at")


def outside_span(ms: int, zone: tzinfo, years: tuple[int, int]) -> Refused:
    return Refused(f"the moment {iso(ms, zone)} lies outside the years the rules cover ({years[0]}–{years[1]})", "at")


# --- resolved questions ------------------------------------------------------------------------------------------------


@dataclass
class Target:
    """A target resolved for a question: where and how its deadline is counted (§5 steps 8–10)."""

    row: dict[str, Any]
    timeline: Timeline
    years: tuple[int, int]

    def cutoff(self, r: int) -> int:
        """§6 "Cut-off times": the moment the report counts as made at."""
        cut = self.row.get("cutoff")
        if cut is None:
            return r
        tl = self.timeline
        local = in_zone(r, tl.zone)
        day = local.date()
        if local.hour * 60 + local.minute < hhmm(cut) // 60:
            return r
        i = bisect.bisect_left(tl.days, day)
        if i >= len(tl.days) or tl.days[i] != day:
            return r
        j = tl.nth_after(day, 1)
        if j is None:
            raise after_span(self.years)
        moved = tl.next_open(local_ms(tl.days[j], 0, tl.zone))
        if moved is None:
            raise after_span(self.years)
        return moved

    def deadline(self, s: int) -> int:
        """§6 from the (already moved) start s."""
        tl = self.timeline
        n = self.row.get("business_days")
        if n is None:
            wanted = self.row["minutes"] * 60000
            if wanted == 0:
                return s
            t = tl.inverse(tl.F(s) + wanted)
            if t is None:
                raise after_span(self.years)
            return t
        if self.row["days_rule"] == "day-end":
            j = tl.nth_after(tl.local_date(s), n)
            if j is None:
                raise after_span(self.years)
            return tl.closes[j]
        start = tl.next_open(s)
        if start is None:
            raise after_span(self.years)
        local = in_zone(start, tl.zone)
        j = tl.nth_after(local.date(), n)
        if j is None:
            raise after_span(self.years)
        wall = local.hour * 3600 + local.minute * 60 + local.second
        candidate = local_ms(tl.days[j], wall, tl.zone, local.millisecond * 1000)
        t = tl.next_open(candidate)
        if t is None:
            raise after_span(self.years)
        return t


@dataclass
class Question:
    plan: str  # as written
    vendor_id: str
    vendor: dict[str, Any]
    plan_row: dict[str, Any]
    priority: str | None
    case: str | None
    tz: str | None
    country: str | None
    report: Moment


def given(value: Any) -> Any:
    """§5 "Empty texts": "" is not given."""
    return None if value == "" else value


class Consumer:
    def __init__(self, rules: dict[str, Any]) -> None:
        self.rules = rules
        self.years = (rules["years"]["first"], rules["years"]["last"])
        self.zones = set(rules["zones"]) if "zones" in rules else None
        self.timelines: dict[tuple[str, str, Any, str | None], Timeline] = {}

    # -- checks shared by questions and tickets

    def check_names(self, question: dict[str, Any], fields: tuple[str, ...]) -> None:
        for name in fields:
            value = question.get(name)
            if value is not None and not isinstance(value, str):
                if name == "plan":
                    raise Refused(f"name the plan as VENDOR/PLAN, such as stratiteq/sos, not {value}", "plan")
                raise Refused(f"the {name} must be a text (str) or None, not {py_type(value)}", name)

    def check_zone(self, tz: str | None) -> None:
        if tz is None:
            return
        zones = self.zones if self.zones is not None else platform_zones()
        if tz in zones:
            return
        bare = tz.split("/", 1)[1] if tz.startswith(("posix/", "right/")) else tz
        same = [z for z in sorted(zones) if z.lower() == bare.lower()]
        tail = f"; did you mean {quoted(same[0])}?" if same else "; use an IANA name such as Europe/Stockholm"
        raise Refused(f"unknown time zone {quoted(tz)} (the customer's zone){tail}", "tz")

    def check_format(self) -> None:
        version = str(self.rules.get("format_version"))
        if not version.startswith("1."):
            raise Refused(f"these rules are in format {version}; this evaluator reads format 1.x", None)

    def find_plan(self, plan: Any) -> tuple[str, dict[str, Any], dict[str, Any]]:
        if not isinstance(plan, str) or plan.count("/") != 1:
            raise Refused(f"name the plan as VENDOR/PLAN, such as stratiteq/sos, not {quoted(plan if isinstance(plan, str) else str(plan))}", "plan")
        vendor_id, plan_id = plan.split("/")
        vendors = self.rules["vendors"]
        if vendor_id not in vendors:
            raise Refused(f"unknown vendor {quoted(vendor_id)}{hint(vendor_id, list(vendors))}", "plan")
        vendor = vendors[vendor_id]
        aliases = vendor.get("aliases") or {}
        if plan_id in vendor["plans"]:
            row = vendor["plans"][plan_id]
        elif plan_id in aliases:
            row = vendor["plans"][aliases[plan_id]["plan"]]
        else:
            known = [*vendor["plans"], *aliases]
            raise Refused(f"vendor {quoted(vendor_id)} has no plan {quoted(plan_id)}{hint(plan_id, known)}", "plan")
        if row.get("no_support", False):
            raise Refused(f"plan {quoted(plan)} offers no support: there is no deadline", "plan")
        return vendor_id, vendor, row

    def check_priority(self, vendor_id: str, vendor: dict[str, Any], priority: str | None) -> None:
        if priority is None:
            return
        if vendor["priorities"] is None:
            raise Refused(f"vendor {quoted(vendor_id)} has no priority levels; leave the priority {quoted(priority)} out", "priority")
        levels = [level["id"] for level in vendor["priorities"]["levels"]]
        if priority not in levels:
            raise Refused(f"vendor {quoted(vendor_id)} has no priority {quoted(priority)}{hint(priority, levels)}", "priority")

    def check_case(self, vendor_id: str, vendor: dict[str, Any], case: str | None) -> None:
        if case is None:
            return
        cases = vendor.get("cases") or {}
        if not cases:
            raise Refused(f"vendor {quoted(vendor_id)} declares no kinds of case; leave the case {quoted(case)} out", "case")
        if case not in cases:
            raise Refused(f"vendor {quoted(vendor_id)} has no kind of case {quoted(case)}{hint(case, list(cases))}", "case")

    def check_metric(self, metric: str) -> None:
        if metric not in self.rules["metrics"]:
            raise Refused(f"unknown metric {quoted(metric)}{hint(metric, list(self.rules['metrics']))}", "metric")

    # -- zones, versions, targets

    def version_zone(self, q: Question, row: dict[str, Any]) -> tzinfo:
        """The zone a version's `from` date is read in (§2 targets[].from)."""
        calendar = q.vendor["calendars"].get(row.get("calendar")) if row.get("calendar") else None
        if calendar is not None and calendar["zone"] is not None:
            return zoneinfo.ZoneInfo(calendar["zone"])
        return zoneinfo.ZoneInfo(q.tz) if q.tz else UTC

    def from_ms(self, q: Question, row: dict[str, Any]) -> float:
        if row.get("from") is None:
            return -math.inf
        return local_ms(date.fromisoformat(row["from"]), 0, self.version_zone(q, row))

    def in_force(self, q: Question, metric: str, r: int) -> list[dict[str, Any]]:
        targets = [t for t in q.plan_row["targets"] if t["metric"] == metric]
        chosen = []
        for row in targets:
            if self.from_ms(q, row) > r:
                continue
            until = row.get("until")
            if until is not None:
                following = [
                    t for t in targets if t.get("priority") == row.get("priority") and t.get("case") == row.get("case") and t.get("from") == until
                ]
                end = self.from_ms(q, following[0]) if following else local_ms(date.fromisoformat(until), 0, self.version_zone(q, row))
                if end <= r:
                    continue
            chosen.append(row)
        return chosen

    def target(self, q: Question, metric: str, priority: str | None, r: int, ticket: bool = False) -> Target:
        """§5 steps 8–11 (the report's span check included) for one metric and priority.

        §7 names a report outside the span in its own offset, §11.6 (`ticket`) in the zone of the calendar."""
        rows = self.in_force(q, metric, r)
        found = None
        groups = ([t for t in rows if t.get("case") == q.case] if q.case is not None else []), [t for t in rows if t.get("case") is None]
        for group in groups:
            exact = [t for t in group if priority is not None and t.get("priority") == priority]
            general = [t for t in group if t.get("priority") is None]
            if exact or general:
                found = (exact or general)[0]
                break
        if found is None:
            general_rows = groups[1]
            if priority is None and general_rows:
                listed = ", ".join(t["priority"] for t in general_rows)
                raise Refused(f"plan {quoted(q.plan)} sets its {metric} targets per priority; give one of: {listed}", "priority")
            words = f" for priority {priority}" if priority is not None else ""
            raise Refused(f"plan {quoted(q.plan)} states no {metric} target{words}", "priority" if priority is not None else "metric")
        about = (f" for priority {found['priority']}" if found.get("priority") is not None else "") + (
            f" for {found['case']} cases" if found.get("case") is not None else ""
        )
        if not found.get("published", True):
            raise Refused(
                f"plan {quoted(q.plan)} has a {metric} target{about} that the vendor does not publish: there is no deadline to compute", "metric"
            )
        if found.get("minutes") is None and found.get("business_days") is None:
            raise Refused(f"plan {quoted(q.plan)} guarantees no {metric} time{about}: there is no deadline", "metric")
        timeline = self.timeline_for(q, found["calendar"])
        if not timeline.lo <= r < timeline.hi:
            raise outside_span(r, timeline.zone if ticket else fixed(q.report.offset), self.years)
        return Target(found, timeline, self.years)

    def zone_for(self, q: Question, calendar_id: str) -> tzinfo:
        """§5 step 9."""
        calendar = q.vendor["calendars"][calendar_id]
        if calendar["zone"] is not None:
            return zoneinfo.ZoneInfo(calendar["zone"])
        if q.tz is not None:
            return zoneinfo.ZoneInfo(q.tz)
        if calendar["always_open"]:
            return fixed(q.report.offset)
        raise Refused(
            f"calendar {quoted(calendar_id)} runs in the customer's own time zone; "
            'give the zone (--tz, or "tz" in a batch line), such as Europe/Stockholm',
            "tz",
        )

    def timeline_for(self, q: Question, calendar_id: str) -> Timeline:
        """§5 steps 9 and 10, then the compiled calendar."""
        zone = self.zone_for(q, calendar_id)
        calendar = q.vendor["calendars"][calendar_id]
        holidays = calendar.get("customer_holidays")
        country = None
        if holidays is not None:
            countries = ", ".join(holidays)
            if q.country is None:
                raise Refused(
                    f"calendar {quoted(calendar_id)} closes on the customer's public holidays; give the customer's country "
                    f'(--country, or "country" in a batch line), one of: {countries}',
                    None,
                )
            if q.country not in holidays:
                raise Refused(
                    f"calendar {quoted(calendar_id)} closes on the customer's public holidays, "
                    f"and the rules carry them only for {countries}, not for {quoted(q.country)}",
                    None,
                )
            country = q.country
        key = (q.vendor_id, calendar_id, zone, country)
        if key not in self.timelines:
            self.timelines[key] = Timeline(calendar, zone, self.years, country)
        return self.timelines[key]

    # -- §5 and §6: one deadline

    def question(self, raw: dict[str, Any], fields: tuple[str, ...]) -> Question:
        self.check_names(raw, fields)
        report = parse_moment(raw.get("at"))
        tz = given(raw.get("tz"))
        self.check_zone(tz)
        self.check_format()
        return Question(raw.get("plan"), "", {}, {}, given(raw.get("priority")), given(raw.get("case")), tz, given(raw.get("country")), report)  # type: ignore[arg-type]

    def resolve_plan(self, q: Question) -> None:
        q.vendor_id, q.vendor, q.plan_row = self.find_plan(q.plan)

    def due(self, raw: dict[str, Any]) -> str:
        """The deadline of one question as text (§6 "The answer"), or Refused."""
        q = self.question(raw, ("plan", "priority", "tz", "metric", "case", "country"))
        metric = given(raw.get("metric")) or "first-response"
        self.check_metric(metric)
        self.resolve_plan(q)
        self.check_priority(q.vendor_id, q.vendor, q.priority)
        self.check_case(q.vendor_id, q.vendor, q.case)
        r = q.report.ms
        target = self.target(q, metric, q.priority, r)
        t = target.deadline(target.cutoff(r))
        if self.years[1] == 9999 and t >= target.timeline.hi:
            raise after_span(self.years)
        return iso(t, target.timeline.zone)

    # -- §2 / §8: priority from impact × urgency

    def priority_for(self, vendor_id: Any, impact: Any, urgency: Any) -> str:
        for name, value, place in (("vendor", vendor_id, "vendor"), ("impact", impact, "impact"), ("urgency", urgency, "urgency")):
            if not isinstance(value, str):
                raise Refused(f"the {name} must be a text (str), not {py_type(value)}", place)
        self.check_format()
        vendors = self.rules["vendors"]
        if vendor_id not in vendors:
            raise Refused(f"unknown vendor {quoted(vendor_id)}{hint(vendor_id, list(vendors))}", "vendor")
        priorities = vendors[vendor_id]["priorities"]
        matrix = priorities and priorities.get("matrix")
        if not matrix:
            raise Refused(f"vendor {quoted(vendor_id)} has no impact × urgency matrix", "vendor")
        if impact not in matrix["impacts"]:
            if impact in matrix["urgencies"]:
                raise Refused(
                    f"vendor {quoted(vendor_id)} has no impact {quoted(impact)}; "
                    f"{quoted(impact)} is an urgency: give the impact first, then the urgency",
                    "impact",
                )
            raise Refused(f"vendor {quoted(vendor_id)} has no impact {quoted(impact)}{hint(impact, list(matrix['impacts']))}", "impact")
        if urgency not in matrix["urgencies"]:
            raise Refused(f"vendor {quoted(vendor_id)} has no urgency {quoted(urgency)}{hint(urgency, list(matrix['urgencies']))}", "urgency")
        level = matrix["levels"].get(impact, {}).get(urgency)
        if level is None:
            raise Refused(f"vendor {quoted(vendor_id)}'s matrix gives no level for impact {quoted(impact)} with urgency {quoted(urgency)}", None)
        return str(level)

    # -- §11: the ticket clock

    def ticket(self, raw: dict[str, Any]) -> dict[str, Any]:
        self.check_names(raw, ("plan", "priority", "tz", "case", "country"))
        report = parse_moment(raw.get("at"))
        try:
            now = parse_moment(raw.get("now"))
        except Refused as refused:
            raise Refused(f"'now': {refused.message}", "now") from None
        tz = given(raw.get("tz"))
        self.check_zone(tz)
        shares = self.warning_shares(raw.get("warnings"))
        self.check_format()
        q = Question(raw.get("plan"), "", {}, {}, given(raw.get("priority")), given(raw.get("case")), tz, given(raw.get("country")), report)
        self.resolve_plan(q)
        self.check_priority(q.vendor_id, q.vendor, q.priority)
        self.check_case(q.vendor_id, q.vendor, q.case)
        events = self.read_events(q, raw.get("events"))
        if now.ms < report.ms:
            raise Refused(f"'now' ({iso(now.ms, fixed(now.offset))}) is before the report ({iso(report.ms, fixed(report.offset))})", "now")
        return TicketClock(self, q, now.ms, [e for e in events if e[1] <= now.ms], shares).answer()

    def warning_shares(self, warnings: Any) -> list[int]:
        if warnings is None:
            return [50, 75]
        if not isinstance(warnings, list):
            raise Refused(f'"warnings" must be a list of whole percents, not {quoted_json(warnings)}', "warnings")
        shares = set()
        for share in warnings:
            whole = isinstance(share, (int, float)) and not isinstance(share, bool) and math.isfinite(share) and share == int(share)
            if not whole or not 1 <= share <= 99:
                raise Refused(f"a warning is a whole percent of the target from 1 to 99, not {quoted_json(share)}", "warnings")
            shares.add(int(share))
        return sorted(shares)

    def read_events(self, q: Question, events: Any) -> list[tuple[str, int, Any]]:
        """§11.1 and §11.6: (type, instant, priority or obligation) in order."""
        if events is None:
            return []
        if not isinstance(events, list):
            raise Refused(f'"events" must be a list of events, not {quoted_json(events)}', "events")
        levels = [level["id"] for level in (q.vendor["priorities"] or {"levels": []})["levels"]]
        timed = [o["id"] for o in q.plan_row.get("obligations", []) if o.get("after_minutes") is not None or o.get("every_minutes") is not None]
        read: list[tuple[str, int, Any]] = []
        for n, event in enumerate(events, 1):
            if not isinstance(event, dict):
                raise Refused(f'event {n} is not an object such as {{"type": "pause", "at": "2026-11-23T16:00:00+01:00"}}', "events")
            kind = event.get("type")
            if kind not in EVENT_TYPES:
                tail = hint(kind, list(EVENT_TYPES)) if isinstance(kind, str) else "; known: " + ", ".join(sorted(EVENT_TYPES))
                raise Refused(f"event {n} has an unknown type {quoted_json(kind)}{tail}", "events")
            for key in event:
                if key not in ("type", "at", "priority", "obligation"):
                    raise Refused(f"event {n} has an unknown field {quoted(key)}", "events")
            at = event.get("at")
            if not isinstance(at, str):
                raise Refused(f'event {n} needs "at", its moment as a text such as 2026-11-23T16:00:00+01:00', "events")
            try:
                moment = parse_moment(at)
            except Refused as refused:
                raise Refused(f"event {n}: {refused.message}", "events") from None
            if moment.ms < q.report.ms:
                raise Refused(f"event {n} ({at}) is before the report", "events")
            if read and moment.ms < read[-1][1]:
                raise Refused(f"event {n} ({at}) is earlier than event {n - 1}; give the events in time order", "events")
            value = None
            if kind == "priority":
                value = event.get("priority")
                if value not in levels:
                    raise Refused(
                        f"event {n} changes the priority to {quoted_json(value)}, which is not one of: {', '.join(levels) or '(no levels)'}", "events"
                    )
            elif event.get("priority") is not None:
                raise Refused(f'event {n}: only a "priority" event has a "priority"', "events")
            if kind == "obligation":
                value = event.get("obligation")
                if value not in timed:
                    raise Refused(
                        f"event {n} names the obligation {quoted_json(value)}, "
                        f"which is not one of the plan's timed obligations: {', '.join(timed) or '(none)'}",
                        "events",
                    )
            elif event.get("obligation") is not None:
                raise Refused(f'event {n}: only an "obligation" event has an "obligation"', "events")
            read.append((kind, moment.ms, value))
        return read


def py_type(value: Any) -> str:
    if value is None:
        return "None"
    return {bool: "bool", int: "int", float: "float", list: "list", dict: "dict", str: "str"}.get(type(value), type(value).__name__)


_ZONES: set[str] | None = None


def platform_zones() -> set[str]:
    global _ZONES
    if _ZONES is None:
        _ZONES = {
            z for z in zoneinfo.available_timezones() if z not in ("Factory", "localtime", "posixrules") and not z.startswith(("posix/", "right/"))
        }
    return _ZONES


class TicketClock:
    """One ticket read at `now` (§11.2–§11.5)."""

    def __init__(self, consumer: Consumer, q: Question, now: int, events: list[tuple[str, int, Any]], shares: list[int]) -> None:
        self.c, self.q, self.now, self.events, self.shares = consumer, q, now, events, shares
        self.pauses: list[tuple[int, int]] = []
        paused_at = None
        for kind, at, _ in events:
            if kind == "pause" and paused_at is None:
                paused_at = at
            elif kind == "resume" and paused_at is not None:
                self.pauses.append((paused_at, at))
                paused_at = None
        self.paused_now = paused_at is not None
        if paused_at is not None:
            self.pauses.append((paused_at, now))
        self.resolved = self.first("resolved")
        self.responded = self.first("responded")

    def first(self, kind: str, value: Any = None) -> int | None:
        for k, at, v in self.events:
            if k == kind and (value is None or v == value):
                return at
        return None

    def priority_at(self, t: int) -> str | None:
        priority = self.q.priority
        for kind, at, value in self.events:
            if kind == "priority" and at <= t:
                priority = value
        return priority

    # -- one clock

    def counted(self, tl: Timeline, s: int, t: int, pauses: list[tuple[int, int]]) -> int:
        """E(t): open time in [s, t) outside the pauses."""
        if t <= s:
            return 0
        total = tl.F(t) - tl.F(s)
        for a, b in pauses:
            a, b = max(a, s), min(b, t)
            if b > a:
                total -= tl.F(b) - tl.F(a)
        return total

    def search(self, tl: Timeline, s: int, pauses: list[tuple[int, int]], wanted: int) -> int:
        """The earliest t ≥ s with E(t) ≥ wanted."""
        if wanted <= 0:
            return s
        running: list[tuple[int, int | None]] = []
        cursor = s
        for a, b in sorted(pauses):
            a, b = max(a, s), max(b, s)
            if b <= cursor:
                continue
            if a > cursor:
                running.append((cursor, a))
            cursor = max(cursor, b)
        running.append((cursor, None))
        left = wanted
        for a, b in running:
            room = (tl.F(b) if b is not None else tl.cum[-1]) - tl.F(a)
            if room >= left:
                t = tl.inverse(tl.F(a) + left)
                assert t is not None
                return t
            left -= room
        raise after_span(self.c.years)

    def measure(self, target: Target, s: int, stop: int | None, with_priority: str | None | bool = False) -> dict[str, Any]:
        """A clock from s that wants the target, stopped at `stop` (or running at now)."""
        tl = target.timeline
        e = stop if stop is not None else self.now
        pauses = [(a, min(b, e)) for a, b in self.pauses if a < e]
        n = target.row.get("business_days")
        if n is None:
            wanted = target.row["minutes"] * 60000
            due = self.search(tl, s, pauses, wanted)
        else:
            d0 = target.deadline(s)
            wanted = tl.F(d0) - tl.F(s)
            due = max(self.search(tl, s, pauses, wanted), d0)
        if self.c.years[1] == 9999 and due >= tl.hi:
            raise after_span(self.c.years)
        elapsed = self.counted(tl, s, e, pauses)
        if e > due:
            state = "breached"
        elif stop is not None:
            state = "met"
        elif self.paused_now:
            state = "paused"
        else:
            state = "running"
        answer: dict[str, Any] = {
            "due": iso(due, tl.zone),
            "state": state,
            "elapsed_seconds": seconds(elapsed),
            "remaining_seconds": seconds(wanted - elapsed),
            "target_seconds": seconds(wanted),
            "warnings": [{"percent": p, "at": iso(self.search(tl, s, pauses, wanted * p // 100), tl.zone)} for p in self.shares],
        }
        if with_priority is not False:
            answer["priority"] = with_priority
        return answer

    def resolve(self, metric: str, priority: str | None) -> Target:
        """The metric's target for a priority, at the ticket's report; the report checked against its span."""
        return self.c.target(self.q, metric, priority, self.q.report.ms, ticket=True)

    def metric(self, metric: str) -> dict[str, Any]:
        if metric == "status-update":
            return self.status_update()
        stop_kind = STOPS.get(metric)
        stops = [t for t in (self.first(stop_kind) if stop_kind else None, self.resolved) if t is not None]
        stop = min(stops) if stops else None
        priority = self.priority_at(stop if stop is not None else self.now)
        target = self.resolve(metric, priority)
        return self.measure(target, target.cutoff(self.q.report.ms), stop, priority)

    def check_start(self, tl: Timeline, start: int) -> None:
        """§11.3: a clock that starts outside the span refuses the ticket, named in its calendar's zone (§11.6)."""
        if not tl.lo <= start < tl.hi:
            raise outside_span(start, tl.zone, self.c.years)

    def status_update(self) -> dict[str, Any]:
        end_of_ticket = self.resolved
        starts = [self.q.report.ms] + [at for kind, at, _ in self.events if kind == "updated" and (end_of_ticket is None or at < end_of_ticket)]
        missed = 0
        for i, start in enumerate(starts[:-1]):
            end = starts[i + 1]
            try:
                target = self.resolve("status-update", self.priority_at(end))
            except Refused as refused:
                if refused.field in ("metric", "priority", None):
                    continue
                raise
            self.check_start(target.timeline, start)
            interval = self.measure(target, target.cutoff(start), end)
            missed += interval["state"] == "breached"
        stop = end_of_ticket
        priority = self.priority_at(stop if stop is not None else self.now)
        target = self.resolve("status-update", priority)
        self.check_start(target.timeline, starts[-1])
        answer = self.measure(target, target.cutoff(starts[-1]), stop, priority)
        answer["missed"] = missed
        return answer

    def obligation(self, row: dict[str, Any]) -> dict[str, Any] | None:
        ident = row["id"]
        recurring = row.get("every_minutes") is not None
        if recurring:
            stop = self.resolved
        else:
            stops = [t for t in (self.first("obligation", ident), self.resolved) if t is not None]
            stop = min(stops) if stops else None
        if row.get("priorities") is not None and self.priority_at(stop if stop is not None else self.now) not in row["priorities"]:
            return None
        if self.responded is None:
            return {"state": "waiting", "due": None}
        try:
            tl = self.c.timeline_for(self.q, row["calendar"])
        except Refused as refused:
            if refused.field == "tz":
                return {"state": "none", "reason": f"calendar {quoted(row['calendar'])} runs in the customer's own time zone; give the zone"}
            return {"state": "none", "reason": refused.message}
        self.check_start(tl, self.responded)
        if not recurring:
            target = Target({"minutes": row["after_minutes"]}, tl, self.c.years)
            return self.measure(target, self.responded, stop)
        target = Target({"minutes": row["every_minutes"]}, tl, self.c.years)
        starts = [self.responded] + [
            at
            for kind, at, value in self.events
            if kind == "obligation" and value == ident and at >= self.responded and (self.resolved is None or at < self.resolved)
        ]
        missed = 0
        for a, b in zip(starts, starts[1:], strict=False):
            self.check_start(tl, a)
            missed += self.measure(target, a, b)["state"] == "breached"
        self.check_start(tl, starts[-1])
        answer = self.measure(target, starts[-1], stop)
        answer["missed"] = missed
        return answer

    def answer(self) -> dict[str, Any]:
        metrics: dict[str, Any] = {}
        first_refusal: Refused | None = None
        for metric in self.c.rules["metrics"]:
            try:
                metrics[metric] = self.metric(metric)
            except Refused as refused:
                if refused.field not in ("metric", "priority", None):
                    raise
                first_refusal = first_refusal or refused
                metrics[metric] = {"state": "none", "reason": refused.message}
        if metrics and all(m["state"] == "none" for m in metrics.values()):
            assert first_refusal is not None
            raise first_refusal
        obligations: dict[str, Any] = {}
        for row in self.q.plan_row.get("obligations", []):
            if row.get("after_minutes") is None and row.get("every_minutes") is None:
                continue
            clock = self.obligation(row)
            if clock is not None:
                obligations[row["id"]] = clock
        return {"metrics": metrics, "obligations": obligations}


def seconds(ms: int) -> int | float:
    """§11.2: whole when whole, else with a fraction."""
    return ms // 1000 if ms % 1000 == 0 else ms / 1000
