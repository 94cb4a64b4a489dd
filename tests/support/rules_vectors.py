"""The conformance vectors: the questions tests/conformance/vectors.jsonl asks, and the oracle's answers.

Write the file with:  python3 tests/conformance/generate.py   (from any folder)

The questions are chosen here (weekends, every Swedish public holiday and its
eve, the DST changes of every zone used, year ends, reports exactly at opening
and closing, 24x7 and 24x5 clocks, customers on several continents, random
moments); the answers come from tests/support/oracle.py alone, which steps
minute by minute through the model. Holidays and DST changes are found from the
`holidays` package and zoneinfo, never typed in, so that the vectors follow the
data. The plans are those in plans/ plus tests/conformance/edge-cases.plan.
tests/test_conformance.py checks that the file still asks exactly these questions.
"""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays as holidays_lib

from dsl.language.loader import load_project
from dsl.language.model import Project
from support import oracle
from support.paths import PLANS, ROOT

HERE = ROOT / "tests" / "conformance"
YEARS = (2026, 2028)
"""The span the rules are exported over for the vectors; the vectors themselves probe 2026-2027 (and the edges)."""

PLAN_PATHS = [PLANS, HERE / "edge-cases.plan"]
VECTORS = HERE / "vectors.jsonl"
CUSTOMER_ZONES = (
    "Europe/Stockholm",
    "America/New_York",
    "America/Sao_Paulo",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Africa/Johannesburg",
    "Asia/Kolkata",
)
SEED = 20261127


def load() -> Project:
    """The project the vectors are computed for (and the tests evaluate)."""
    result = load_project(PLAN_PATHS)
    if result.project is None:
        messages = "; ".join(f"{d.pos}: {d.message}" for d in result.errors)
        raise SystemExit(f"the plans do not load: {messages}")
    return result.project


def transitions(zone_name: str, years: tuple[int, int]) -> list[datetime]:
    """The instants (UTC) where the zone's offset changes within the years, found by an hourly scan."""
    zone = ZoneInfo(zone_name)
    t = datetime(years[0], 1, 1, tzinfo=UTC)
    end = datetime(years[1] + 1, 1, 1, tzinfo=UTC)
    found = []
    prev = t.astimezone(zone).utcoffset()
    while t < end:
        t += timedelta(minutes=30)
        now = t.astimezone(zone).utcoffset()
        if now != prev:
            found.append(t)
            prev = now
    return found


class Questions:
    """Collects the questions, without repeats, each with why it is asked."""

    def __init__(self) -> None:
        self.items: list[tuple[oracle.Question, str]] = []
        self.seen: set[oracle.Question] = set()

    def add(
        self,
        plan: str,
        priority: str | None,
        at: datetime | str,
        why: str,
        tz: str | None = None,
        metric: str | None = None,
        case: str | None = None,
        country: str | None = None,
    ) -> None:
        """Ask one question (once)."""
        text = at if isinstance(at, str) else at.isoformat()
        q = oracle.Question(plan, priority, text, tz, metric, case, country)
        if q not in self.seen:
            self.seen.add(q)
            self.items.append((q, why))


def _local(day: date, hh: int, mm: int, zone: str) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=ZoneInfo(zone))


def _levels(project: Project, vendor_id: str) -> list[str | None]:
    vendor = project.vendor(vendor_id)
    return [lv.id for lv in vendor.priorities.levels] if vendor and vendor.priorities else [None]


def office_plans(project: Project) -> list[tuple[str, str | None, str]]:
    """(vendor/plan, priority, zone) for the first-response targets on Swedish office calendars.

    Within one vendor, a second plan with the same calendar and duration asks nothing new and is left out.
    """
    found = []
    for vendor in project.vendors:
        seen = set()
        for plan in vendor.plans:
            for priority in _levels(project, vendor.id):
                target = plan.target("first-response", priority)
                if target is None or target.minutes is None:
                    continue
                cal = vendor.calendar(target.calendar)
                key = (target.calendar, target.minutes)
                if cal and cal.zone == "Europe/Stockholm" and any(h.country == "SE" for h in cal.holidays) and key not in seen:
                    seen.add(key)
                    found.append((f"{vendor.id}/{plan.id}", priority, cal.zone))
    return found


def clock_plans(project: Project, always_open: bool) -> list[tuple[str, str | None]]:
    """(vendor/plan, priority) for first-response targets on customer-zone calendars (or on 24x7 ones)."""
    found = []
    for vendor in project.vendors:
        for plan in vendor.plans:
            for priority in _levels(project, vendor.id):
                target = plan.target("first-response", priority)
                cal = vendor.calendar(target.calendar) if target and target.minutes is not None else None
                if cal is None:
                    continue
                if (always_open and cal.always_open) or (not always_open and cal.zone is None and not cal.always_open):
                    found.append((f"{vendor.id}/{plan.id}", priority))
    return found


def build(project: Project) -> Questions:
    """Every question of the vector file."""
    qs = Questions()
    qs.add("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00", "seed example: Monday 15:00 P3 -> Tuesday 14:00")
    offices = list(office_plans(project))
    se = holidays_lib.country_holidays("SE", years=[2026, 2027, 2028], categories=("public",), language="en_US")

    # Every Swedish public holiday of 2026-2027 and its eve, for every office plan and priority.
    for day, name in sorted(se.items()):
        if day.year > 2027:
            continue
        eve = day - timedelta(days=1)
        for plan, priority, zone in offices:
            if plan.startswith("conformance-lab/") and priority != "P2":
                continue
            for when, why in (
                (_local(eve - timedelta(days=1), 15, 0, zone), "two days before"),
                (_local(eve, 8, 0, zone), "eve 08:00 (eve opens 08:30)"),
                (_local(eve, 8, 30, zone), "eve exactly at opening"),
                (_local(eve, 13, 0, zone), "eve 13:00"),
                (_local(eve, 14, 0, zone), "eve exactly at closing"),
                (_local(day, 10, 0, zone), "on the holiday"),
            ):
                if when.year >= YEARS[0]:  # the eve of 1 January 2026 lies before the years
                    qs.add(plan, priority, when, f"{name} {day}: {why}")

    # Weekends, opening and closing, exactly-on-closing deadlines, at a few ordinary weeks.
    for monday in (date(2026, 9, 14), date(2027, 2, 8)):
        for plan, priority, zone in offices:
            friday, saturday, sunday = (monday + timedelta(days=n) for n in (4, 5, 6))
            for when, why in (
                (_local(monday, 8, 0, zone), "exactly at opening"),
                (_local(monday, 7, 59, zone), "a minute before opening"),
                (_local(monday, 9, 0, zone), "office hours"),
                (_local(monday, 17, 0, zone), "exactly at closing"),
                (_local(monday, 16, 59, zone), "a minute before closing"),
                (_local(friday, 16, 0, zone), "Friday afternoon over the weekend"),
                (_local(friday, 17, 0, zone), "Friday at closing"),
                (_local(saturday, 12, 0, zone), "Saturday"),
                (_local(sunday, 23, 59, zone), "Sunday night"),
            ):
                qs.add(plan, priority, when, f"week of {monday}: {why}")
    # A deadline that lands exactly on a closing time stays there.
    qs.add("stratiteq/sos", "P3", "2026-09-14T09:00:00+02:00", "deadline exactly at closing 17:00 stays")
    qs.add("stratiteq/sos", "P1", "2026-09-14T15:00:00+02:00", "P1 2h ends exactly at closing")
    qs.add("stratiteq/sos", "P2", "2026-09-18T13:00:00+02:00", "P2 4h ends exactly at Friday closing")

    # DST changes of every zone in play, reports the day before, during and after.
    lab_office = "conformance-lab/office"
    for zone in ("Europe/Stockholm",):
        for change in transitions(zone, (2026, 2027)):
            local = change.astimezone(ZoneInfo(zone))
            moments = [
                _local(local.date() - timedelta(days=2), 15, 0, zone),
                _local(local.date() - timedelta(days=1), 15, 0, zone),
                (change - timedelta(hours=1)).astimezone(ZoneInfo(zone)),
                local,
                _local(local.date() + timedelta(days=1), 10, 0, zone),
            ]
            for at in moments:
                for plan, priority, _ in offices[:3]:
                    qs.add(plan, priority, at, f"{zone} DST change {local.isoformat()}")
                for priority in ("P1", "P3"):
                    qs.add("conformance-lab/night", priority, at, f"night clock over the DST change {local.isoformat()}")
                    qs.add("conformance-lab/always", priority, at, f"24x7 over the DST change {local.isoformat()}", tz=zone)
                qs.add("conformance-lab/night", None, at, "night clock resolution over DST", metric="resolution")
                qs.add(lab_office, "P2", at, "office with Saturday hours over DST", metric="resolution")
        # Reports inside the night clock's pieces around the change, minute-exact.
        for change in transitions(zone, (2026, 2027)):
            for minutes in (-90, -60, -31, -30, -1, 0, 1, 29, 30, 59, 60, 61, 90, 120):
                at = (change + timedelta(minutes=minutes)).astimezone(ZoneInfo(zone))
                qs.add("conformance-lab/night", "P1", at, f"inside the DST change {change.isoformat()} {minutes:+d} min")
                qs.add("conformance-lab/night", "P2", at, f"inside the DST change {change.isoformat()} {minutes:+d} min")

    # Customer zones on several continents, with their DST changes.
    customer = clock_plans(project, always_open=False)
    always = clock_plans(project, always_open=True)
    for zone in CUSTOMER_ZONES:
        changes = transitions(zone, (2026, 2027))
        days = [c.astimezone(ZoneInfo(zone)).date() for c in changes] or [date(2026, 3, 29), date(2026, 10, 25)]
        for n, day in enumerate(days):
            friday = day - timedelta(days=(day.weekday() - 4) % 7)
            for m, when in enumerate((_local(friday, 16, 30, zone), _local(day, 1, 30, zone), _local(day + timedelta(days=1), 8, 0, zone))):
                for plan, priority in customer[(n + m) % 2 :: 2]:
                    qs.add(plan, priority, when, f"customer in {zone} around {day}", tz=zone)
                plan, priority = always[(n + m) % len(always)]
                qs.add(plan, priority, when, f"24x7 in {zone} around {day}", tz=zone)
        for when in (_local(date(2026, 12, 31), 16, 0, zone), _local(date(2027, 1, 4), 8, 0, zone), _local(date(2027, 1, 4), 17, 0, zone)):
            for plan, priority in customer:
                qs.add(plan, priority, when, f"customer in {zone} at the year's end", tz=zone)
        # A report written in UTC; the answer is in the customer's zone.
        for plan, priority in customer[:2]:
            qs.add(plan, priority, _local(date(2027, 6, 9), 15, 0, zone).astimezone(UTC), f"UTC report, customer in {zone}", tz=zone)

    # 24x5 crossing midnight and the week's end (New York), seen from Stockholm too.
    ny = "America/New_York"
    sundays = (date(2026, 3, 8), date(2026, 3, 15), date(2026, 11, 1), date(2026, 11, 8), date(2027, 3, 14), date(2027, 11, 7), date(2027, 12, 26))
    for sunday in sundays:
        friday = sunday - timedelta(days=2)
        moments = (
            _local(friday, 22, 30, ny),
            _local(friday, 23, 0, ny),
            _local(sunday, 22, 59, ny),
            _local(sunday, 23, 0, ny),
            _local(sunday, 1, 30, ny),
            _local(sunday + timedelta(days=1), 0, 0, ny),
        )
        for when in moments:
            for priority in ("P1", "P2", "P3"):
                qs.add("conformance-lab/cis", priority, when, f"24x5 around the weekend of {sunday}")
            in_stockholm = when.astimezone(ZoneInfo("Europe/Stockholm"))
            qs.add("conformance-lab/cis", None, in_stockholm, "24x5 resolution, reported in Stockholm time", metric="resolution")

    # Midnight-changing zone (Santiago) and a subdivision's holidays (New South Wales).
    southern = "conformance-lab/southern"
    for zone, plan, metric in (("America/Santiago", southern, None), ("Australia/Sydney", southern, "resolution")):
        for change in transitions(zone, (2026, 2027)):
            for hours in (-30, -3, -1, 0, 1, 20):
                at = (change + timedelta(hours=hours)).astimezone(ZoneInfo(zone))
                for priority in ("P1", "P2"):
                    qs.add(plan, priority, at, f"{zone} DST change {change.isoformat()} {hours:+d} h", metric=metric)
        table = holidays_lib.country_holidays(
            "AU" if "Sydney" in zone else "CL", subdiv="NSW" if "Sydney" in zone else None, years=[2026, 2027], language="en_US"
        )
        for day in sorted(table):
            qs.add(plan, "P2", _local(day - timedelta(days=1), 10, 0, zone), f"{zone} before the holiday {day}", metric=metric)

    # Dated exceptions of the lab office: closed and special dates, and 2 January open all day.
    for when in ("2026-12-29T16:00:00+01:00", "2026-12-30T07:00:00+01:00", "2026-12-30T11:30:00+01:00", "2026-12-30T12:00:00+01:00",
                 "2026-12-30T14:59:00+01:00", "2026-12-31T10:00:00+01:00", "2027-01-01T23:00:00+01:00", "2027-01-02T00:00:00+01:00",
                 "2027-01-02T23:30:00+01:00"):
        for priority, metric in (("P1", None), ("P2", None), ("P3", "resolution"), ("P4", "registration")):
            qs.add(lab_office, priority, when, "dated exceptions around the year's end", metric=metric)

    # Year ends for the real office plans, and a 24x7 plan without a customer zone (answers in the report's offset).
    for when in ("2026-12-31T16:00:00+01:00", "2027-12-30T15:00:00+01:00", "2027-12-31T23:59:00+01:00", "2026-01-01T00:00:00+01:00"):
        for plan, priority, _ in offices:
            qs.add(plan, priority, when, "year end")
    for when in ("2026-03-29T01:50:00+01:00", "2026-10-25T02:30:00+02:00", "2026-10-25T02:30:00+01:00",
                 "2027-06-01T12:00:00Z", "2027-06-01T12:00:00+05:30", "2028-12-31T20:00:00+01:00"):
        for plan, priority in always:
            qs.add(plan, priority, when, "24x7 with no zone: the answer keeps the report's offset")
        qs.add("conformance-lab/always", "P4", when, "24x7, 72 h resolution", metric="resolution")

    # A 24x7 clock with its own zone answers in that zone, whatever the report's offset or tz; its years are Tokyo's.
    for when in ("2025-12-31T16:00:00Z", "2025-12-31T14:59:00Z", "2028-12-31T19:00:00+09:00", "2028-12-31T20:00:00+09:00",
                 "2026-03-29T01:30:00+01:00", "2027-06-01T12:00:00-03:00"):
        for tz in (None, "America/New_York"):
            qs.add("conformance-lab/always", "P1", when, "24x7 in Asia/Tokyo: answered in Tokyo time", tz=tz, metric="resolution")

    # Reports with seconds and fractions (milliseconds: what a JavaScript Date can hold) keep them.
    for when in ("2026-11-23T15:30:15+01:00", "2026-11-23T16:59:59.500+01:00", "2026-11-23T07:59:30.125+01:00",
                 "2026-11-23T14:00:00.001Z", "2026-12-24T13:59:59+01:00"):
        for plan, priority, _ in offices:
            qs.add(plan, priority, when, "a report with seconds: the deadline keeps them")
        qs.add("amanda/premium", "P1", when, "24x7 with seconds", tz="America/Sao_Paulo")
        qs.add("conformance-lab/cis", "P1", when, "24x5 with seconds")

    # Random moments for every plan, priority, metric and customer zone.
    rng = random.Random(SEED)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    # The plan `field` (format 1.6) is asked by onsite() below: drawn here too, it would change every earlier draw.
    # So would `callback` (format 1.7), which is there for its obligation's ticket clock (clock_vectors.py).
    # Likewise `named-eves`, asked by named_eves() below.
    left_out = (ONSITE_PLAN.split("/")[1], "callback", CUTOFF_PLAN.split("/")[1], NAMED_EVES_PLAN.split("/")[1])
    plans = [(v.id, p) for v in project.vendors for p in v.plans if p.id not in left_out]
    for _ in range(300):
        vendor_id, plan = rng.choice(plans)
        targets = [t for t in plan.targets if t.minutes is not None]
        if not targets:
            continue
        t = rng.choice(targets)
        priority = t.priority if t.priority is not None else rng.choice(_levels(project, vendor_id))
        cal = project.vendor(vendor_id).calendar(t.calendar)
        tz = rng.choice(CUSTOMER_ZONES) if cal.zone is None else None
        at = start + timedelta(minutes=rng.randrange(2 * 365 * 1440))
        shown = at.astimezone(ZoneInfo(rng.choice(CUSTOMER_ZONES + ("UTC",))))
        metric = None if t.metric == "first-response" and rng.random() < 0.5 else t.metric
        qs.add(f"{vendor_id}/{plan.id}", priority, shown, "random", tz=tz, metric=metric)
    issue8(project, qs)
    issue10(qs)
    onsite(qs)
    cutoffs(qs)
    sub_millisecond(qs)
    named_eves(qs)
    return qs


def sub_millisecond(qs: Questions) -> None:
    """Fractions finer than a millisecond, which every evaluator cuts (docs/rules.md §5 "Inputs"), where the cut decides
    on which side of a closing time, an opening or the end of the span a deadline falls."""
    why = "a fraction finer than a millisecond, cut by every evaluator"
    for fraction in ("0005", "000999", "0015", "999999"):
        # Stratiteq SOS P3, 480 minutes from Tuesday 09:00 end exactly at its 17:00 close.
        qs.add("stratiteq/sos", "P3", f"2026-11-24T09:00:00.{fraction}+01:00", f"{why}: at the close, or past it")
        qs.add("stratiteq/sos", "P3", f"2026-11-24T16:59:59.{fraction}+01:00", why)  # one open millisecond left, or none
        qs.add("stratiteq/sos", "P3", f"2026-11-24T07:59:59.{fraction}+01:00", why)  # before the opening: counted from it
        # 15 minutes round the clock from 23:45 on the last day of the span end exactly at its end.
        qs.add("conformance-lab/always", "P1", f"2028-12-31T23:45:00.{fraction}+00:00", f"{why}: at the span's end, or past it")
        qs.add("conformance-lab/always", "P1", f"2025-12-31T23:59:59.{fraction}+00:00", f"{why}: before the span")
        for level in ("P1", "P2", "P3"):  # on-site by hours, the same time N business days on, the end of a business day
            qs.add(ONSITE_PLAN, level, f"2026-11-24T16:59:59.{fraction}+01:00", f"{why}: on site", metric="on-site")


ONSITE_PLAN = "conformance-lab/field"
"""Format 1.6's plan of on-site targets in edge-cases.plan: hours, both business-day readings, the customer's zone."""


def onsite(qs: Questions) -> None:
    """The metric `on-site` (format 1.6): every level of the plan `field` around Swedish holidays, eves, DST and weekends."""
    se = holidays_lib.country_holidays("SE", years=[2026, 2027], categories=("public",), language="en_US")
    moments: list[tuple[datetime | str, str]] = []
    for day in sorted(se):
        eve = day - timedelta(days=1)
        for hh, mm in ((8, 0), (11, 30), (13, 59), (16, 0)):
            moments.append((_local(eve, hh, mm, "Europe/Stockholm"), f"on site around {se[day]} {day}"))
    for change in transitions("Europe/Stockholm", (2026, 2027)):
        for hours in (-26, -2, 0, 20):
            moments.append((change + timedelta(hours=hours), f"on site around the DST change of {change:%Y-%m-%d}"))
    monday = date(2026, 9, 14)
    for offset, hh, mm in ((0, 7, 59), (0, 8, 0), (0, 13, 0), (0, 17, 0), (4, 15, 0), (4, 16, 59), (5, 10, 0), (6, 23, 59)):
        moments.append((_local(monday + timedelta(days=offset), hh, mm, "Europe/Stockholm"), "on site at opening, closing, weekends"))
    for when, why in moments:
        for level in ("P1", "P2", "P3"):
            qs.add(ONSITE_PLAN, level, when, why, metric="on-site")
        qs.add(ONSITE_PLAN, "P4", when, f"{why}, in the customer's zone", tz="America/New_York", metric="on-site")
    rng = random.Random(SEED + 16)
    for _ in range(60):
        at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(2 * 365 * 1440))
        level = rng.choice(("P1", "P2", "P3", "P4"))
        tz = rng.choice(CUSTOMER_ZONES) if level == "P4" else None
        qs.add(ONSITE_PLAN, level, at.astimezone(ZoneInfo(rng.choice(CUSTOMER_ZONES))), "on site, random", tz=tz, metric="on-site")


CUTOFF_PLAN = "conformance-lab/cutoff"
"""Format 1.9's plan of targets with cut-off times in edge-cases.plan."""


def cutoffs(qs: Questions) -> None:
    """Cut-off times (format 1.9): each target of the plan `cutoff` on both sides of its cut-off, on eves, DST changes, weekends."""
    se = holidays_lib.country_holidays("SE", years=[2026, 2027], categories=("public",), language="en_US")
    asked = (("P1", "on-site"), ("P2", "on-site"), ("P3", "on-site"), ("P4", "on-site"), ("P1", None), ("P2", "resolution"), ("P3", "registration"))
    moments: list[tuple[datetime | str, str]] = []
    for day in sorted(se)[:12]:
        eve = day - timedelta(days=1)
        for hh, mm in ((11, 0), (14, 59), (15, 0), (16, 30)):
            moments.append((_local(eve, hh, mm, "Europe/Stockholm"), f"cut-off around {se[day]} {day}"))
    for change in transitions("Europe/Stockholm", (2026, 2027)) + transitions("America/Santiago", (2026, 2027)):
        for hours in (-26, -3, -1, 0, 20):
            moments.append((change + timedelta(hours=hours), f"cut-off around the DST change of {change:%Y-%m-%d}"))
    monday = date(2026, 9, 14)
    for offset, hh, mm, sec in ((0, 7, 0, 0), (0, 12, 29, 59), (0, 12, 30, 0), (0, 14, 59, 59), (0, 15, 0, 0), (0, 15, 0, 1), (0, 19, 59, 0),
                                (0, 20, 0, 0), (0, 23, 0, 0), (4, 15, 30, 0), (4, 23, 30, 0), (5, 13, 0, 0), (5, 15, 0, 0), (6, 23, 30, 0)):
        moment = _local(monday + timedelta(days=offset), hh, mm, "Europe/Stockholm").replace(second=sec)
        moments.append((moment, "cut-off at its edge, at opening, closing, on weekends, with seconds"))
    moments.append(("2028-12-29T16:00:00+01:00", "cut-off on the last business day of the years"))
    for when, why in moments:
        for level, metric in asked:
            tz = "America/New_York" if level == "P4" else None
            qs.add(CUTOFF_PLAN, level, when, why, tz=tz, metric=metric)
    rng = random.Random(SEED + 19)
    for _ in range(80):
        at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(2 * 365 * 1440))
        level, metric = rng.choice(asked)
        tz = rng.choice(CUSTOMER_ZONES) if level == "P4" else None
        qs.add(CUTOFF_PLAN, level, at.astimezone(ZoneInfo(rng.choice(CUSTOMER_ZONES))), "cut-off, random", tz=tz, metric=metric)


NAMED_EVES_PLAN = "conformance-lab/named-eves"
"""The plan whose calendar has eve hours before some holidays only (`eve ... before "..."`) in edge-cases.plan."""


def named_eves(qs: Questions) -> None:
    """`eve ... before "..."`: around every Swedish holiday, public and de facto, of 2026-2027, named or not, so that the day
    before an unnamed one keeps its full hours and the day before a named one (not itself a holiday) closes at 12:00."""
    se = holidays_lib.country_holidays("SE", years=[2026, 2027], categories=("public", "de_facto"), language="en_US")
    for day in sorted(se):
        before = day - timedelta(days=1)
        for hh, mm in ((7, 0), (9, 30), (11, 0), (12, 0), (15, 0)):
            when = _local(before, hh, mm, "Europe/Stockholm")
            if when.year >= YEARS[0]:
                qs.add(NAMED_EVES_PLAN, "P2", when, f"the day before {se[day]} {day}, {hh:02d}:{mm:02d}")


def issue10(qs: Questions) -> None:
    """Effective-dated versions (format 1.2): reports on both sides of each version's first instant."""
    for at in ("2027-06-30T23:59:00+02:00", "2027-07-01T00:00:00+02:00", "2027-06-30T22:30:00+00:00", "2027-06-30T21:59:00Z",
               "2027-06-30T16:30:00+02:00", "2027-07-01T16:30:00+02:00"):
        qs.add("conformance-lab/office", "P1", at, "a version boundary in the calendar's zone")
    for at in ("2026-12-31T23:59:00-05:00", "2027-01-01T00:00:00-05:00", "2027-01-01T04:30:00Z", "2027-01-01T05:00:00Z"):
        qs.add("conformance-lab/customer", "P2", at, "a version boundary in the customer's zone", tz="America/New_York")
    for at in ("2027-03-27T23:59:00Z", "2027-03-28T00:00:00Z", "2027-03-28T00:30:00+01:00", "2027-03-28T01:30:00+01:00",
               "2027-03-28T03:30:00+02:00"):
        qs.add("conformance-lab/always", "P2", at, "a version boundary of a zoneless 24x7 clock, in UTC")
    # asked with tz, the same clock's versions begin at the customer's midnight (docs/rules.md §2 from/until, §5 step 8)
    for at, tz in (("2027-03-27T22:59:00Z", "Europe/Stockholm"), ("2027-03-27T23:00:00Z", "Europe/Stockholm"),
                   ("2027-03-28T00:30:00+01:00", "Europe/Stockholm"), ("2027-03-27T14:59:00Z", "Asia/Tokyo"),
                   ("2027-03-27T15:00:00Z", "Asia/Tokyo"), ("2027-03-28T03:59:00Z", "America/New_York"),
                   ("2027-03-28T04:00:00Z", "America/New_York")):
        qs.add("conformance-lab/always", "P2", at, "a version boundary of a zoneless 24x7 clock, at the customer's midnight", tz=tz)


def issue8(project: Project, qs: Questions) -> None:
    """Business days (both readings), kinds of case and the customer's holidays (format 1.1)."""
    lab = project.vendor("conformance-lab")
    assert lab is not None
    se = holidays_lib.country_holidays("SE", years=[2026, 2027], categories=("public",), language="en_US")
    # Every target of the plan `days`, at Swedish holidays and eves, DST changes, weekends and edges.
    days_plan = lab.plan("days")
    assert days_plan is not None
    questions: list[tuple[str | None, str, str | None]] = []  # (priority, metric, case)
    for t in days_plan.targets:
        questions.append((t.priority if t.priority is not None else "P3", t.metric, t.case))
    moments: list[tuple[datetime, str]] = []
    for day in sorted(se):
        eve = day - timedelta(days=1)
        for hh, mm in ((8, 0), (13, 59), (15, 0), (17, 0)):
            moments.append((_local(eve, hh, mm, "Europe/Stockholm"), f"business days around {se[day]} {day}"))
    for change in transitions("Europe/Stockholm", (2026, 2027)):
        for hours in (-30, -26, -2, 0, 1, 22):
            moments.append((change + timedelta(hours=hours), f"business days around the DST change of {change:%Y-%m-%d}"))
    for change in transitions("America/New_York", (2026, 2027)) + transitions("Australia/Sydney", (2026, 2027)):
        moments.append((change - timedelta(hours=20), f"business days before the DST change of {change:%Y-%m-%d} abroad"))
    monday = date(2026, 9, 14)
    for offset, hh, mm, sec in ((0, 8, 0, 0), (0, 16, 59, 30), (0, 17, 0, 0), (4, 16, 30, 15), (4, 23, 30, 0), (5, 10, 0, 0), (6, 23, 59, 0)):
        moment = _local(monday + timedelta(days=offset), hh, mm, "Europe/Stockholm").replace(second=sec)
        moments.append((moment, "business days at opening, closing, weekends, with seconds"))
    moments.append((datetime(2028, 12, 27, 12, 0, tzinfo=ZoneInfo("Europe/Stockholm")), "business days near the end of the years"))
    for when, why in moments:
        for priority, metric, case in questions:
            qs.add("conformance-lab/days", priority, when, why, metric=None if metric == "first-response" else metric, case=case)
    rng = random.Random(SEED + 8)
    for _ in range(120):
        priority, metric, case = rng.choice(questions)
        at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(2 * 365 * 1440))
        shown = at.astimezone(ZoneInfo(rng.choice(CUSTOMER_ZONES)))
        qs.add("conformance-lab/days", priority, shown, "business days, random", metric=metric, case=case)
    # A case without its own target keeps the general one; an unpublished target has no deadline.
    for case in ("escalated", "security", None):
        for priority in ("P1", "P2"):
            qs.add("conformance-lab/days", priority, "2026-11-23T15:00:00+01:00", "a kind of case falls back to the general target", case=case)
            qs.add("conformance-lab/hidden", priority, "2026-11-23T15:00:00+01:00", "unpublished targets and their fallback", case=case)
    # The customer's holidays: each listed country around its own public holidays, in its own zone.
    for country, zone in (("SE", "Europe/Stockholm"), ("PL", "Europe/Warsaw"), ("US", "America/New_York"), ("AU", "Australia/Sydney")):
        table = holidays_lib.country_holidays(country, years=[2026], categories=("public",))
        for day in sorted(table)[:8]:
            for hh in (9, 16):
                for metric in (None, "resolution", "registration"):
                    when = _local(day - timedelta(days=1), hh, 0, zone)
                    why = f"the customer's holidays: {country} {day}"
                    qs.add("conformance-lab/local", None, when, why, tz=zone, metric=metric, country=country)
    qs.add("conformance-lab/local", None, "2026-11-10T15:00:00+01:00", "another country's holidays do not close", tz="Europe/Warsaw", country="SE")


ERRORS = [
    (oracle.Question("conformance-lab/nothing", None, "2026-11-23T15:00:00+01:00"), "a plan with no guaranteed target"),
    (oracle.Question("amanda/community", "P2", "2026-11-23T15:00:00+01:00", "Europe/Rome"), "Amanda Community: no guaranteed target"),
    (oracle.Question("synerity/free", None, "2026-11-23T15:00:00+01:00"), "Synerity Free: no guaranteed target"),
    (oracle.Question("conformance-lab/customer", "P4", "2026-11-23T15:00:00+01:00", "Asia/Tokyo", "resolution"), "no guaranteed resolution for P4"),
    (oracle.Question("infor/xtreme", "S1", "2026-11-23T15:00:00+01:00"), "Infor states coverage, not a first-response time"),
    (oracle.Question("stratiteq/gold", "P1", "2026-11-23T15:00:00+01:00"), "unknown plan"),
    (oracle.Question("nobody/sos", "P1", "2026-11-23T15:00:00+01:00"), "unknown vendor"),
    (oracle.Question("stratiteq/sos", "P9", "2026-11-23T15:00:00+01:00"), "unknown priority"),
    (oracle.Question("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00", None, "resolution"), "no target stated for the metric"),
    (oracle.Question("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00", None, "speed"), "unknown metric"),
    (oracle.Question("amanda/standard", "P1", "2026-11-23T15:00:00+01:00"), "customer-zone calendar without tz"),
    (oracle.Question("amanda/standard", "P1", "2026-11-23T15:00:00+01:00", "Europe/Stokholm"), "unknown customer zone"),
    (oracle.Question("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00", "Mars/Olympus_Mons"), "unknown zone, even where the calendar has one"),
    (oracle.Question("stratiteq/sos", "P1", "23/11/2026 15:00"), "not an ISO 8601 moment"),
    (oracle.Question("conformance-lab/customer", "P1", "2026-11-23T15:00:00+01:00"), "customer-zone calendar without tz"),
    (oracle.Question("stratiteq/sos", "P1", "2026-11-23T15:00:00"), "a time without a UTC offset"),
    (oracle.Question("stratiteq/sos", "P1", "2029-01-02T10:00:00+01:00"), "a report after the exported years"),
    (oracle.Question("stratiteq/sos", "P1", "2025-12-31T22:59:00Z"), "a report before the exported years"),
    (oracle.Question("stratiteq/sos", "P3", "2028-12-29T15:00:00+01:00"), "a deadline beyond the exported years"),
    (oracle.Question("conformance-lab/always", "P4", "2028-12-30T12:00:00+01:00", "Asia/Tokyo", "resolution"), "24x7 deadline beyond the years"),
    (oracle.Question("conformance-lab/hidden", "P1", "2026-11-23T15:00:00+01:00"), "a target the vendor does not publish"),
    (oracle.Question("conformance-lab/days", "P1", "2026-11-23T15:00:00+01:00", None, None, "escalatd"), "unknown kind of case"),
    (oracle.Question("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00", None, None, "escalated"), "a kind of case for a vendor without any"),
    (oracle.Question("conformance-lab/local", None, "2026-11-23T15:00:00+01:00", "Europe/Warsaw"), "customer holidays without a country"),
    (
        oracle.Question("conformance-lab/local", None, "2026-11-23T15:00:00+01:00", "Europe/Berlin", None, None, "DE"),
        "a country the rules do not carry",
    ),
    (oracle.Question("conformance-lab/days", "P2", "2028-12-29T15:00:00+01:00"), "business days beyond the exported years"),
    (oracle.Question("conformance-lab/days", "P2", "2028-12-28T15:00:00+01:00", None, "resolution"), "day-end beyond the exported years"),
    # Format 1.6: a plan without on-site targets, and the field plan's first response (it has no `all` on-site target).
    (oracle.Question("stratiteq/sos", "P1", "2026-11-23T15:00:00+01:00", None, "on-site"), "no on-site target stated"),
    (oracle.Question("conformance-lab/field", "P4", "2026-11-23T15:00:00+01:00", None, "on-site"), "on site in the customer's zone without tz"),
    (oracle.Question("conformance-lab/field", "P2", "2028-12-30T15:00:00+01:00", None, "on-site"), "next business day on site beyond the years"),
]


def vector(project: Project, q: oracle.Question, why: str) -> dict:
    """One line of the vector file: the question and the oracle's answer."""
    line = {"plan": q.plan, "priority": q.priority, "at": q.at, "tz": q.tz, "metric": q.metric}
    # Format 1.1 questions: the kind of case and the customer's country, written only when given.
    if q.case is not None:
        line["case"] = q.case
    if q.country is not None:
        line["country"] = q.country
    try:
        line["due"] = oracle.deadline(project, YEARS, q).isoformat()
    except oracle.OracleError:
        line["error"] = True
    line["why"] = why
    return line


def main() -> int:
    """Compute every vector with the oracle and write the file."""
    project = load()
    qs = build(project)
    lines = [vector(project, q, why) for q, why in qs.items]
    for q, why in ERRORS:
        line = vector(project, q, why)
        if "error" not in line:
            raise SystemExit(f"expected an error for {why}, the oracle answered {line['due']}")
        lines.append(line)
    VECTORS.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in lines), encoding="utf-8")
    errors = sum("error" in v for v in lines)
    print(f"wrote {len(lines)} vectors ({errors} errors) to {VECTORS.relative_to(ROOT)}")
    return 0


RULES = HERE / "rules.json"
"""The rules the vectors hold for (plans/ + edge-cases.plan over YEARS), published beside them by the site build."""


def rules_text() -> str:
    """The text of RULES: the export of the vectors' project over their years."""
    from dsl.rules.export import dumps, export_project  # here, so that this addition stays apart from the module's own imports

    return dumps(export_project(load(), YEARS))


def write_rules() -> None:
    """Write RULES beside the vectors, so that the build can publish the rules with the vectors (docs/rules.md §10)."""
    RULES.write_text(rules_text(), encoding="utf-8")
    print(f"wrote the rules the vectors hold for to {RULES.relative_to(ROOT)}")
