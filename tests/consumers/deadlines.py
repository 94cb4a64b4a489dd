"""An outside consumer of the SLA rule JSON, written from docs/rules.md alone (§4–§6), not from the engine.

It answers the deadline questions of the conformance vectors the plain way the page describes: every
open span of a calendar over the years, converted with fold = 0 and merged, then walked from the report.
It refuses what the page says to refuse by raising `Refused` (its words are not compared: the vectors
say only `"error": true`). Instants are whole microseconds since the epoch, never aware datetimes
compared with each other (Python compares two datetimes of the same zone by wall time, ignoring fold).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MINUTE = 60_000_000
MOMENT = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,6}))?)?(Z|[+-](\d\d):(\d\d))")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Refused(Exception):
    """A question the rules do not answer (§7)."""


def us(moment: datetime) -> int:
    """An aware datetime as microseconds since the epoch."""
    return (moment - EPOCH) // timedelta(microseconds=1)


def moment(text: str) -> tuple[int, tzinfo]:
    """§5 "Inputs": the instant of a report text, cut to the millisecond, and its own fixed offset."""
    found = MOMENT.fullmatch(text) if text.isascii() else None
    if not found:
        raise Refused(f"not a moment: {text!r}")
    y, mo, d, h, mi, s, fraction, offset, oh, om = found.groups()
    if offset == "Z":
        zone: tzinfo = UTC
    else:
        if int(oh) > 23 or int(om) > 59:
            raise Refused("offset")
        minutes = int(oh) * 60 + int(om)
        zone = timezone(timedelta(minutes=-minutes if offset[0] == "-" else minutes))
    millis = int((fraction or "").ljust(3, "0")[:3])
    try:
        local = datetime(int(y), int(mo), int(d), int(h), int(mi), int(s or 0), millis * 1000, tzinfo=zone)
    except ValueError as exc:
        raise Refused(str(exc)) from exc
    return us(local), zone


def instant(day: date, hhmm: str, zone: tzinfo) -> int:
    """§4 step 2: a local date and wall time in `zone`, fold = 0; "24:00" is the next date's midnight."""
    if hhmm == "24:00":
        day, hhmm = day + timedelta(days=1), "00:00"
    return us(datetime(day.year, day.month, day.day, int(hhmm[:2]), int(hhmm[3:]), tzinfo=zone, fold=0))


def text(at: int, zone: tzinfo) -> str:
    """§6 "The answer": the instant in `zone` with its offset there."""
    return (EPOCH + timedelta(microseconds=at)).astimezone(zone).isoformat()


class Calendar:
    """One calendar read in one zone, for one customer country: its open spans and business days over the years."""

    def __init__(self, calendar: dict[str, Any], zone: tzinfo, years: dict[str, Any], country: str | None) -> None:
        self.zone = zone
        self.always = calendar["always_open"]
        self.first = date(years["first"], 1, 1)
        self.last = date(years["last"], 12, 31)
        self.lo = instant(self.first, "00:00", zone)
        self.hi = instant(self.last, "24:00", zone)
        closed = set((calendar.get("customer_holidays") or {}).get(country, ())) if country else set()
        spans: list[tuple[int, int]] = []
        self.days: list[tuple[date, int]] = []  # business days and their closes (§6 "Business days")
        for day in self.dates():
            if self.always:
                self.days.append((day, instant(day, "24:00", zone)))
                continue
            key = day.isoformat()
            pieces = [] if key in closed else calendar["dates"].get(key, calendar["weekly"][WEEKDAYS[day.weekday()]])
            own = [(instant(day, s, zone), instant(day, e, zone)) for s, e in pieces]
            own = [(s, e) for s, e in own if e > s]
            spans += own
            if own:
                self.days.append((day, max(e for _, e in own)))
        if self.always:
            spans = [(self.lo, self.hi)]
        self.spans = merged(spans)
        self.ends = [e for _, e in self.spans]

    def dates(self) -> Iterator[date]:
        day = self.first
        while day <= self.last:
            yield day
            day += timedelta(days=1)

    def local_date(self, at: int) -> date:
        return (EPOCH + timedelta(microseconds=at)).astimezone(self.zone).date()

    def open_from(self, at: int) -> int:
        """`at` when the calendar is open then, else the start of the first open span after it."""
        i = bisect.bisect_right(self.ends, at)  # the first span ending after `at`
        if i == len(self.spans):
            raise Refused("after the last year")
        return max(at, self.spans[i][0])

    def after_minutes(self, start: int, wanted: int) -> int:
        """§6: the earliest t ≥ start with `wanted` µs of open time in [start, t]."""
        if wanted == 0:
            return start
        for s, e in self.spans[bisect.bisect_right(self.ends, start) :]:
            s = max(s, start)
            if e - s >= wanted:
                return s + wanted
            wanted -= e - s
        raise Refused("after the last year")

    def business_day_after(self, day: date, n: int) -> tuple[date, int]:
        """The Nth business day strictly after `day`, and its close."""
        i = bisect.bisect_right(self.days, (day, 2**63)) + n - 1
        if i >= len(self.days):
            raise Refused("after the last year")
        return self.days[i]


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The union of spans, sorted, overlapping or touching ones joined (§4 step 3)."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


@cache
def zone_named(name: str) -> ZoneInfo:
    return ZoneInfo(name)


class Consumer:
    """Deadlines from one rules document."""

    def __init__(self, rules: dict[str, Any]) -> None:
        self.rules = rules
        self.calendars: dict[tuple[str, str, str, str | None], Calendar] = {}

    def due(self, question: dict[str, Any]) -> str:
        """§5 and §6: the deadline of a question with the fields of a batch line, as text; raises Refused."""
        given = {k: (question.get(k) or None) for k in ("plan", "priority", "at", "tz", "metric", "case", "country")}
        report, own_zone = moment(given["at"] or "")
        tz = given["tz"]
        if tz is not None and tz not in self.rules["zones"]:
            raise Refused(f"unknown zone {tz}")
        if not self.rules["format_version"].startswith("1."):
            raise Refused("format")
        metric = given["metric"] or "first-response"
        if metric not in self.rules["metrics"]:
            raise Refused("metric")
        plan_name = given["plan"] or ""
        if plan_name.count("/") != 1:
            raise Refused("plan form")
        vendor_id, plan_id = plan_name.split("/")
        vendor = self.rules["vendors"].get(vendor_id)
        if vendor is None:
            raise Refused("vendor")
        plan_id = plan_id if plan_id in vendor["plans"] else vendor.get("aliases", {}).get(plan_id, {}).get("plan", plan_id)
        plan = vendor["plans"].get(plan_id)
        if plan is None or plan.get("no_support"):
            raise Refused("plan")
        priority = given["priority"]
        if priority is not None and priority not in [level["id"] for level in (vendor["priorities"] or {"levels": []})["levels"]]:
            raise Refused("priority")
        case = given["case"]
        if case is not None and case not in vendor.get("cases", {}):
            raise Refused("case")
        target = self.target(vendor, plan, metric, priority, case, report, tz)
        calendar = vendor["calendars"][target["calendar"]]
        if calendar["zone"] is not None:
            zone_id, zone = calendar["zone"], zone_named(calendar["zone"])
        elif tz is not None:
            zone_id, zone = tz, zone_named(tz)
        elif calendar["always_open"]:
            zone_id, zone = f"offset {own_zone}", own_zone
        else:
            raise Refused("needs tz")
        country = given["country"]
        if calendar.get("customer_holidays") is not None:
            if country not in calendar["customer_holidays"]:
                raise Refused("country")
        else:
            country = None
        key = (vendor_id, target["calendar"], zone_id, country)
        if key not in self.calendars:
            self.calendars[key] = Calendar(calendar, zone, self.rules["years"], country)
        return text(self.deadline(self.calendars[key], target, report), zone)

    def target(
        self, vendor: dict[str, Any], plan: dict[str, Any], metric: str, priority: str | None, case: str | None, report: int, tz: str | None
    ) -> dict[str, Any]:
        """§5 step 8: the target in force at the report."""

        def starts(t: dict[str, Any]) -> int:
            if t.get("from") is None:
                return -(2**63)
            zone_name = vendor["calendars"][t["calendar"]]["zone"] if t["calendar"] else None
            zone = zone_named(zone_name) if zone_name else zone_named(tz) if tz else UTC
            return instant(date.fromisoformat(t["from"]), "00:00", zone)

        targets = [t for t in plan["targets"] if t["metric"] == metric]

        def in_force(t: dict[str, Any]) -> bool:
            if starts(t) > report:
                return False
            if t.get("until") is None:
                return True
            following = [o for o in targets if (o["priority"], o.get("case")) == (t["priority"], t.get("case")) and o.get("from") == t["until"]]
            return report < starts(following[0])

        groups = ([case] if case is not None else []) + [None]
        for group in groups:
            candidates = [t for t in targets if t.get("case") == group and in_force(t)]
            chosen = [t for t in candidates if t["priority"] == priority and priority is not None] or [t for t in candidates if t["priority"] is None]
            if chosen:
                found = chosen[0]
                if not found.get("published", True):
                    raise Refused("not published")
                if found["minutes"] is None and found.get("business_days") is None:
                    raise Refused("no guaranteed time")
                return found
        raise Refused("not stated")

    def deadline(self, calendar: Calendar, target: dict[str, Any], report: int) -> int:
        """§6, with the cut-off of 1.9, as microseconds since the epoch."""
        if not calendar.lo <= report < calendar.hi:
            raise Refused("outside the years")
        start = report
        cutoff = target.get("cutoff")
        if cutoff is not None:
            day = calendar.local_date(report)
            local = (EPOCH + timedelta(microseconds=report)).astimezone(calendar.zone)
            is_business_day = any(d == day for d, _ in calendar.days)
            if local.hour * 60 + local.minute >= int(cutoff[:2]) * 60 + int(cutoff[3:]) and is_business_day:
                next_day, _ = calendar.business_day_after(day, 1)
                start = calendar.open_from(instant(next_day, "00:00", calendar.zone))
        if target["minutes"] is not None:
            found = calendar.after_minutes(start, target["minutes"] * MINUTE)
        elif target["days_rule"] == "day-end":
            _, found = calendar.business_day_after(calendar.local_date(start), target["business_days"])
        else:  # same-time
            s = calendar.open_from(start)
            local = (EPOCH + timedelta(microseconds=s)).astimezone(calendar.zone)
            day, _ = calendar.business_day_after(local.date(), target["business_days"])
            wall = datetime.combine(day, local.time(), tzinfo=calendar.zone).replace(fold=0)
            found = calendar.open_from(us(wall))
        if found > calendar.hi:
            raise Refused("after the last year")
        return found
