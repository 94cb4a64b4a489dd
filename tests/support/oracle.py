"""A brute-force deadline oracle that works from the model, never from the rule JSON.

It exists to check the evaluators (dsl/rules/engine.py, site_templates/assets/sla.js),
so it shares none of their code and none of their tricks: it walks forward one
UTC minute at a time and asks "is the clock running during this minute?".

What "open" means (docs/rules.md, sections 3, 4 and 6):
- Each local date has its own hours: a date the calendar states itself, else
  closed on a holiday (from the `holidays` package), else the eve hours on an
  otherwise open day whose next day is a holiday, else the weekly hours.
- Weekly intervals are wall-clock spans of a Monday-based week; one that runs
  across midnight (or the week's end) is cut into per-date pieces at each
  midnight. A date's pieces are the maximal runs of open wall-clock minutes of
  that date; a run that reaches midnight ends at 24:00 (the next date's 00:00).
- A piece [start, end) of date D is the instants [to_utc(D, start), to_utc(D, end)),
  each wall time converted with fold=0 (zoneinfo's own rule: a time in a
  spring-forward gap takes the offset before the gap; a repeated time its first
  occurrence). The open instants are the union of all pieces of all dates.
- A UTC minute is open when it lies inside such an instant span. Because every
  piece boundary is a whole wall-clock minute and modern zone offsets are whole
  minutes, every UTC minute is wholly open or wholly closed. A piece of date D
  converted this way never strays more than a few hours from D, so the dates
  before and after the minute's own local date are enough to look at.
- The deadline is the earliest instant at which open time since the report
  equals the target: the walk adds up what is left of each open minute (a report
  may carry seconds and fractions) until the target is reached. Zero minutes:
  the report itself.
- Business days (section 6, format 1.1): a business day is a local date with open time (a piece
  whose span is not empty); "same-time": from the first open instant at or after the report, the
  same local wall time (fold=0) on the Nth business day after that instant's local date, then the
  first open instant at or after it; "day-end": the end of the last non-empty piece of the Nth
  business day after the report's own local date. Found here by walking dates and minutes.
- The customer's holidays (format 1.1): with a country, each of its public holidays (from the
  `holidays` package, never from the JSON) closes the date before anything else.
- A target for a kind of case is looked for first (for the priority, then for all), then the
  general target; a target not published has no deadline.
- The target and the zone follow section 5 (the calendar's zone, else the
  customer's, else a zoneless 24x7 clock's report offset); a report outside
  [local midnight of 1 January of the first year, that of the year after the
  last) and a deadline after that end are errors.
- The ticket clock counts open time inside those years only: a clock read after
  their end (its deadline inside them) counts up to that end, 24x7 clocks too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import holidays as holidays_lib

from dsl.language.model import Calendar, Project

MINUTE_US = 60_000_000
MICROSECOND = timedelta(microseconds=1)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
DAY_MINUTES = 1440
WEEK_MINUTES = 7 * DAY_MINUTES
DEFAULT_METRIC = "first-response"


class OracleError(Exception):
    """The oracle's "this question has no deadline" (unknown plan, no target, beyond the years ...)."""


def _epoch_minute(moment: datetime) -> int:
    """Whole minutes since the epoch; the oracle only deals in whole UTC minutes."""
    seconds = moment.timestamp()
    if seconds % 60:
        raise ValueError(f"the oracle steps whole minutes; {moment.isoformat()} is not on one")
    return int(seconds) // 60


def _to_utc_minute(day: date, minute_of_day: int, zone: tzinfo) -> int:
    """The UTC minute of a local wall time (minute_of_day 1440 = next date's midnight), fold=0."""
    if minute_of_day == DAY_MINUTES:
        day, minute_of_day = day + timedelta(days=1), 0
    wall = datetime.combine(day, time(minute_of_day // 60, minute_of_day % 60), tzinfo=zone)  # fold=0
    return _epoch_minute(wall)


def _runs(open_minutes: list[bool]) -> list[tuple[int, int]]:
    """The maximal runs [start, end) of True in one day's 1440 wall-clock minutes."""
    runs: list[tuple[int, int]] = []
    start = None
    for minute, is_open in enumerate(open_minutes + [False]):
        if is_open and start is None:
            start = minute
        elif not is_open and start is not None:
            runs.append((start, minute))
            start = None
    return runs


class Clock:
    """One calendar in one zone: which UTC minutes are open."""

    def __init__(self, calendar: Calendar, zone: tzinfo, country: str | None = None) -> None:
        self.calendar = calendar
        self.zone = zone
        self.customer = (
            holidays_lib.country_holidays(country, categories=("public",)) if country and calendar.customer_holidays else None
        )
        week = [False] * WEEK_MINUTES
        for interval in calendar.weekly:
            start = interval.start_day * DAY_MINUTES + interval.start
            end = interval.end_day * DAY_MINUTES + interval.end
            if end <= start:  # runs over the week's end (or all the way round)
                end += WEEK_MINUTES
            for minute in range(start, end):
                week[minute % WEEK_MINUTES] = True
        self.weekly = [_runs(week[d * DAY_MINUTES : (d + 1) * DAY_MINUTES]) for d in range(7)]
        self.own = {d.day: self._daily(d.hours) for d in calendar.dates}
        self.eve = self._daily(calendar.eve_hours)
        self.holiday_tables = [
            holidays_lib.country_holidays(s.country, subdiv=s.subdivision, categories=tuple(s.categories))
            for s in calendar.holidays
        ]
        # `eve ... before "Julafton", "Christmas Eve"`: the holidays the eve comes before, by their own names or the
        # package's US English ones (the author's British spellings aside), whatever the case or apostrophe.
        self.eve_names = {n.replace("\u2019", "'").casefold() for n in calendar.eve_before}
        self.named_tables = [
            holidays_lib.country_holidays(s.country, subdiv=s.subdivision, categories=tuple(s.categories), language=language)
            for s in calendar.holidays
            for language in (holidays_lib.country_holidays(s.country).default_language, "en_US")
        ] if self.eve_names else []
        self._spans: dict[date, list[tuple[int, int]]] = {}

    @staticmethod
    def _daily(hours) -> list[tuple[int, int]]:
        day = [False] * DAY_MINUTES
        for h in hours:
            for minute in range(h.start, h.end):
                day[minute] = True
        return _runs(day)

    def is_holiday(self, day: date) -> bool:
        """Whether any of the calendar's holiday sources names this date."""
        return any(day in table for table in self.holiday_tables)

    def has_eve(self, day: date) -> bool:
        """Whether the day before `day` gets the eve's hours: `day` is a holiday, one the eve is before when they are named."""
        if not self.eve_names:
            return self.is_holiday(day)
        for table in self.named_tables:
            names = table.get_list(day) if day in table else []
            if any(str(n).replace("\u2019", "'").casefold() in self.eve_names for n in names):
                return True
        return False

    def pieces(self, day: date) -> list[tuple[int, int]]:
        """The wall-clock pieces of one local date, by the precedence the draft gives."""
        if self.customer is not None and day in self.customer:
            return []
        if day in self.own:
            return self.own[day]
        if self.is_holiday(day):
            return []
        weekly = self.weekly[day.weekday()]
        if self.calendar.eve_hours and weekly and self.has_eve(day + timedelta(days=1)):
            return self.eve
        return weekly

    def spans(self, day: date) -> list[tuple[int, int]]:
        """The pieces of one date as UTC-minute spans [a, b)."""
        found = self._spans.get(day)
        if found is None:
            found = [(_to_utc_minute(day, a, self.zone), _to_utc_minute(day, b, self.zone)) for a, b in self.pieces(day)]
            self._spans[day] = found
        return found

    def is_open(self, utc_minute: int) -> bool:
        """Whether the clock runs during the UTC minute starting at `utc_minute`."""
        if self.calendar.always_open:
            return True
        local_day = datetime.fromtimestamp(utc_minute * 60, self.zone).date()
        for day in (local_day - timedelta(days=1), local_day, local_day + timedelta(days=1)):
            for a, b in self.spans(day):
                if a <= utc_minute < b:
                    return True
        return False


@dataclass(frozen=True)
class Question:
    """One 'by when?' question, as a conformance vector states it."""

    plan: str
    priority: str | None
    at: str
    tz: str | None = None
    metric: str | None = None
    case: str | None = None
    country: str | None = None


def deadline(project: Project, years: tuple[int, int], q: Question) -> datetime:
    """The oracle's answer: an aware datetime in the answer's zone, or OracleError."""
    vendor_id, _, plan_id = q.plan.partition("/")
    vendor = project.vendor(vendor_id)
    if vendor is None:
        raise OracleError(f"no vendor {vendor_id}")
    plan = vendor.plan(plan_id)
    if plan is None:
        raise OracleError(f"no plan {q.plan}")
    metric = q.metric or DEFAULT_METRIC
    levels = [lv.id for lv in vendor.priorities.levels] if vendor.priorities else []
    if q.priority is not None and q.priority not in levels:
        raise OracleError(f"no priority {q.priority}")
    if q.case is not None and q.case not in {c.id for c in vendor.cases}:
        raise OracleError(f"no kind of case {q.case}")
    target = None
    try:
        report_moment = datetime.fromisoformat(q.at)
    except ValueError:
        report_moment = None
    live = [t for t in plan.targets if report_moment is None or report_moment.utcoffset() is None or in_force(vendor, plan, t, report_moment, q.tz)]
    for scope in (q.case, None) if q.case is not None else (None,):
        target = next((t for t in live if t.metric == metric and t.case == scope and t.priority == q.priority), None)
        if target is None and q.priority is not None:
            target = next((t for t in live if t.metric == metric and t.case == scope and t.priority is None), None)
        if target is not None:
            break
    if target is None:
        raise OracleError("no target stated")
    if not target.published:
        raise OracleError("target not published")
    if target.minutes is None and target.days is None:
        raise OracleError("no guaranteed target")
    calendar = vendor.calendar(target.calendar)
    if calendar is None:
        raise OracleError(f"no calendar {target.calendar}")

    try:
        report = datetime.fromisoformat(q.at)
    except ValueError:
        raise OracleError(f"not an ISO 8601 moment: {q.at}") from None
    # Every evaluator counts a report to the millisecond (docs/rules.md §5 "Inputs"): the rest is cut, not rounded.
    report = report.replace(microsecond=report.microsecond - report.microsecond % 1000)
    if report.utcoffset() is None:
        raise OracleError("report without offset")
    if q.tz is not None:
        try:
            ZoneInfo(q.tz)  # must be a real zone even where the calendar has its own
        except (ValueError, KeyError):
            raise OracleError(f"unknown zone {q.tz}") from None
    zone: tzinfo
    if calendar.zone is not None:
        zone = ZoneInfo(calendar.zone)
    elif q.tz is not None:
        zone = ZoneInfo(q.tz)
    elif calendar.always_open:
        zone = report.tzinfo  # a zoneless 24x7 clock answers in the report's own offset
    else:
        raise OracleError("customer zone without tz")

    if calendar.customer_holidays and q.country not in calendar.customer_holidays:
        raise OracleError("the customer's country is missing or not carried")
    first, last = years
    lo = _to_utc_minute(date(first, 1, 1), 0, zone)
    hi = _to_utc_minute(date(last + 1, 1, 1), 0, zone)
    clock = Clock(calendar, zone, q.country)
    if target.cutoff is not None:
        report_us = (report - EPOCH) // MICROSECOND
        if not lo * MINUTE_US <= report_us < hi * MINUTE_US:
            raise OracleError("report outside the years")
        report = (EPOCH + _cutoff_start(clock, report_us, target.cutoff, last, hi, zone) * MICROSECOND).astimezone(zone)
    if target.days is not None:
        return _business_days(clock, report, target.days, target.day_end, (first, last), lo, hi, zone)
    # The report may carry seconds and fractions: count in microseconds, but ask minute by minute,
    # since a minute is wholly open or wholly closed.
    report_us = (report - EPOCH) // MICROSECOND
    minute, into = divmod(report_us, MINUTE_US)
    if not lo * MINUTE_US <= report_us < hi * MINUTE_US:
        raise OracleError("report outside the years")
    remaining = target.minutes * MINUTE_US
    end_us = report_us
    while remaining:
        if minute >= hi:
            raise OracleError("deadline beyond the years")
        if clock.is_open(minute):
            available = MINUTE_US - into
            if remaining <= available:
                end_us = minute * MINUTE_US + into + remaining
                break
            remaining -= available
        minute += 1
        into = 0
    return (EPOCH + end_us * MICROSECOND).astimezone(zone)


def _cutoff_start(clock: Clock, report_us: int, cutoff: int, last_year: int, hi: int, zone: tzinfo) -> int:
    """Where a report's clock starts under a cut-off, by its definition: at or after the cut-off on a business day,
    the first open instant from the local midnight of the next business day (walked date by date); else the report."""
    local = (EPOCH + report_us * MICROSECOND).astimezone(zone)
    if local.hour * 60 + local.minute < cutoff or not _is_business_day(clock, local.date()):
        return report_us
    following = _nth_business_day(clock, local.date(), 1, last_year)
    return _open_at_or_after(clock, _to_utc_minute(following, 0, zone) * MINUTE_US, hi)


def _open_at_or_after(clock: Clock, moment_us: int, hi: int) -> int:
    """The first open instant at or after `moment_us` (µs), walking whole UTC minutes."""
    minute, into = divmod(moment_us, MINUTE_US)
    while minute < hi:
        if clock.is_open(minute):
            return minute * MINUTE_US + into
        minute += 1
        into = 0
    raise OracleError("deadline beyond the years")


def _is_business_day(clock: Clock, day: date) -> bool:
    if clock.calendar.always_open:
        return True
    return any(b > a for a, b in clock.spans(day))


def _nth_business_day(clock: Clock, after: date, count: int, last_year: int) -> date:
    day = after
    while count:
        day += timedelta(days=1)
        if day.year > last_year:
            raise OracleError("deadline beyond the years")
        if _is_business_day(clock, day):
            count -= 1
    return day


def _business_days(
    clock: Clock, report: datetime, count: int, day_end: bool, years: tuple[int, int], lo: int, hi: int, zone: tzinfo
) -> datetime:
    """A target in business days, by its definition: dates walked one by one, openings minute by minute."""
    report_us = (report - EPOCH) // MICROSECOND
    if not lo * MINUTE_US <= report_us < hi * MINUTE_US:
        raise OracleError("report outside the years")
    if day_end:
        local_day = (EPOCH + report_us * MICROSECOND).astimezone(zone).date()
        day = _nth_business_day(clock, local_day, count, years[1])
        if clock.calendar.always_open:
            end_us = _to_utc_minute(day, DAY_MINUTES, zone) * MINUTE_US
        else:
            end_us = max(b for a, b in clock.spans(day) if b > a) * MINUTE_US
        return (EPOCH + end_us * MICROSECOND).astimezone(zone)
    start_us = _open_at_or_after(clock, report_us, hi)
    local = (EPOCH + start_us * MICROSECOND).astimezone(zone)
    day = _nth_business_day(clock, local.date(), count, years[1])
    wall = datetime.combine(day, local.time().replace(fold=0), tzinfo=zone)
    end_us = _open_at_or_after(clock, (wall - EPOCH) // MICROSECOND, hi)
    return (EPOCH + end_us * MICROSECOND).astimezone(zone)


# --- the ticket clock (docs/rules.md §11), by brute force ---------------------------------------------
# The same walk, minute by minute: a minute counts toward a metric when its calendar is open then and
# the ticket is not paused then. Events are whole minutes; nothing here reads the evaluators' code.

WARNINGS = (50, 75)
_REFUSED = ("deadline beyond the years", "start outside the years", "customer zone without tz")
"""The oracle's errors that refuse a whole ticket; any other leaves one metric without a deadline."""

MET_BY = {"registration": "registered", "first-response": "responded", "status-update": "updated", "resolution": "resolved",
          "workaround": "workaround", "on-site": "on-site"}


@dataclass(frozen=True)
class Ticket:
    """One ticket as a clock vector states it: the question of `Question` plus events, `now` and warnings."""

    plan: str
    priority: str | None
    at: str
    now: str
    events: tuple[tuple[str, str, str | None], ...] = ()  # (type, moment, new priority or obligation id)
    tz: str | None = None
    case: str | None = None
    country: str | None = None
    warnings: tuple[int, ...] | None = None


def _minute_of(text: str) -> int:
    return _epoch_minute(datetime.fromisoformat(text))


def _iso(minute_us: int, zone: tzinfo) -> str:
    return (EPOCH + minute_us * MICROSECOND).astimezone(zone).isoformat()


def _target(plan, vendor, metric: str, priority: str | None, case: str | None, report: datetime | None = None, tz: str | None = None):
    """The target §5 picks (the version in force at the report), or OracleError (as `deadline` does)."""
    levels = [lv.id for lv in vendor.priorities.levels] if vendor.priorities else []
    if priority is not None and priority not in levels:
        raise OracleError(f"no priority {priority}")
    live = [t for t in plan.targets if report is None or in_force(vendor, plan, t, report, tz)]
    for scope in (case, None) if case is not None else (None,):
        found = next((t for t in live if t.metric == metric and t.case == scope and t.priority == priority), None)
        if found is None and priority is not None:
            found = next((t for t in live if t.metric == metric and t.case == scope and t.priority is None), None)
        if found is not None:
            break
    else:
        found = None
    if found is None or not found.published or (found.minutes is None and found.days is None):
        raise OracleError(f"no {metric} target")
    return found


def _walk(clock: Clock, start: int, goals: list[int], paused, hi: int) -> list[int]:
    """For each goal (µs of counted time), the earliest instant (µs) by which that much has counted since `start`."""
    found: dict[int, int] = {g: start * MINUTE_US for g in goals if g == 0}
    wanted = sorted(g for g in set(goals) if g > 0)
    counted, minute = 0, start
    while wanted:
        if minute >= hi:
            raise OracleError("deadline beyond the years")
        if clock.is_open(minute) and not paused(minute):
            while wanted and counted + MINUTE_US >= wanted[0]:
                found[wanted[0]] = minute * MINUTE_US + wanted[0] - counted
                wanted.pop(0)
            counted += MINUTE_US
        minute += 1
    return [found[g] for g in goals]


def _counted(clock: Clock, start: int, end: int, paused) -> int:
    return sum(MINUTE_US for m in range(start, end) if clock.is_open(m) and not paused(m))


def ticket(project: Project, years: tuple[int, int], q: Ticket) -> dict:
    """The oracle's ticket clock: {"metrics": {...}, "obligations": {...}} as docs/rules.md §11 defines it."""
    vendor_id, _, plan_id = q.plan.partition("/")
    vendor = project.vendor(vendor_id)
    plan = vendor.plan(plan_id) if vendor else None
    if plan is None:
        raise OracleError(f"no plan {q.plan}")
    report, now = _minute_of(q.at), _minute_of(q.now)
    if now < report:
        raise OracleError("now before the report")
    events = [(kind, _minute_of(at), extra) for kind, at, extra in q.events]
    if any(at < report for _, at, _ in events) or any(b[1] < a[1] for a, b in zip(events, events[1:], strict=False)):
        raise OracleError("events out of order")
    happened = [e for e in events if e[1] <= now]
    # Pauses: a minute is paused when the last pause before it has no resume between them.
    def paused(minute: int) -> bool:
        state = False
        for kind, at, _ in happened:
            if at > minute:
                break
            if kind == "pause":
                state = True
            elif kind == "resume":
                state = False
        return state and minute < now  # after `now` the clock is taken to run again

    # Paused at `now`: the last pause or resume that happened by then was a pause.
    state_now = False
    for kind, _, _ in happened:
        state_now = True if kind == "pause" else False if kind == "resume" else state_now
    is_paused_now = state_now

    def first(kind: str) -> int | None:
        return next((at for k, at, _ in happened if k == kind), None)

    resolved = first("resolved")

    def level_at(minute: int) -> str | None:
        found = q.priority
        for kind, at, extra in happened:
            if kind == "priority" and at <= minute:
                found = extra
        return found

    shares = WARNINGS if q.warnings is None else tuple(sorted(set(q.warnings)))
    first_year, last_year = years

    def zone_of(calendar) -> tzinfo:
        if calendar.zone is not None:
            return ZoneInfo(calendar.zone)
        if q.tz is not None:
            return ZoneInfo(q.tz)
        if calendar.always_open:
            return datetime.fromisoformat(q.at).tzinfo
        raise OracleError("customer zone without tz")

    def measure(
        calendar, minutes: int | None, days: int | None, day_end: bool, start: int, stop: int | None, warn, cutoff: int | None = None
    ) -> dict:
        zone = zone_of(calendar)
        if calendar.customer_holidays and q.country not in calendar.customer_holidays:
            raise OracleError("the customer's country is missing or not carried")
        lo = _to_utc_minute(date(first_year, 1, 1), 0, zone)
        hi = _to_utc_minute(date(last_year + 1, 1, 1), 0, zone)
        if not lo <= start < hi:
            raise OracleError("start outside the years")
        clock = Clock(calendar, zone, q.country)
        if cutoff is not None:  # the clock starts where the cut-off moves it (an opening: a whole minute)
            start = _cutoff_start(clock, start * MINUTE_US, cutoff, last_year, hi, zone) // MINUTE_US
        floor = start * MINUTE_US
        if days is not None:
            start_dt = (EPOCH + start * MINUTE_US * MICROSECOND).astimezone(zone)
            floor = (_business_days(clock, start_dt, days, day_end, years, lo, hi, zone) - EPOCH) // MICROSECOND
            wanted = _counted(clock, start, floor // MINUTE_US, lambda m: False)
        else:
            wanted = minutes * MINUTE_US
        goals = [wanted] + [wanted * p // 100 for p in warn]
        # A stopped clock keeps the deadline it had at its stop: pauses after the stop are not its own.
        reached = _walk(clock, start, goals, lambda minute: paused(minute) and (stop is None or minute < stop), hi)
        deadline = max(reached[0], floor)
        end = now if stop is None else stop
        elapsed = _counted(clock, start, min(end, hi), paused)  # nothing is open after the span, 24x7 included (§11.2)
        state = "breached" if end * MINUTE_US > deadline else "met" if stop is not None else "paused" if is_paused_now else "running"
        return {
            "due": _iso(deadline, zone),
            "state": state,
            "elapsed_seconds": elapsed // 1_000_000,
            "remaining_seconds": (wanted - elapsed) // 1_000_000,
            "target_seconds": wanted // 1_000_000,
            "warnings": [{"percent": p, "at": _iso(t, zone)} for p, t in zip(warn, reached[1:], strict=True)],
        }

    def one(metric: str, start: int, stop: int | None, warn) -> dict:
        level = level_at(now if stop is None else stop)
        target = _target(plan, vendor, metric, level, q.case, datetime.fromisoformat(q.at), q.tz)
        answer = measure(vendor.calendar(target.calendar), target.minutes, target.days, target.day_end, start, stop, warn, target.cutoff)
        answer["priority"] = level
        return answer

    metrics: dict = {}
    for metric in ("registration", "first-response", "on-site", "status-update", "workaround", "resolution"):
        try:
            if metric == "status-update":
                starts = [report] + [at for k, at, _ in happened if k == "updated" and (resolved is None or at < resolved)]
                missed = 0
                for a, b in zip(starts, starts[1:], strict=False):
                    try:
                        missed += one(metric, a, b, ())["state"] == "breached"
                    except OracleError as exc:
                        if str(exc) in _REFUSED:
                            raise
                        # no deadline for the priority in force when the interval ended: neither met nor missed
                metrics[metric] = {**one(metric, starts[-1], resolved, shares), "missed": missed}
            else:
                met = first(MET_BY[metric])
                stop = min(x for x in (met, resolved) if x is not None) if (met, resolved) != (None, None) else None
                metrics[metric] = one(metric, report, stop, shares)
        except OracleError as exc:
            if str(exc) in _REFUSED:
                raise
            metrics[metric] = {"state": "none"}
    if all(m["state"] == "none" for m in metrics.values()):
        raise OracleError("no metric can be measured")
    obligations: dict = {}
    started = first("responded")
    for ob in plan.obligations:
        if ob.after_minutes is None and ob.every_minutes is None:
            continue
        done = next((at for k, at, extra in happened if k == "obligation" and extra == ob.id), None)
        stops = [x for x in (done, resolved) if x is not None]
        if ob.every_minutes is not None:  # recurring: only the resolution stops it
            stops = [resolved] if resolved is not None else []
        # `obligation ID for P1 ...`: followed only when the priority in force at its stop (or now) is one of them.
        if ob.priorities and level_at(min(stops) if stops else now) not in ob.priorities:
            continue
        if started is None:
            obligations[ob.id] = {"state": "waiting", "due": None}
            continue
        # Like a metric's (§11.3, §11.4): a customer-zone calendar without tz, or one closed on the customer's
        # holidays without a country the rules carry, gives the obligation no time; the ticket is still answered.
        calendar = vendor.calendar(ob.calendar)
        if (calendar.zone is None and q.tz is None and not calendar.always_open) or (
            calendar.customer_holidays and q.country not in calendar.customer_holidays
        ):
            obligations[ob.id] = {"state": "none"}
            continue
        if ob.every_minutes is None:
            obligations[ob.id] = measure(vendor.calendar(ob.calendar), ob.after_minutes, None, False, started, min(stops) if stops else None, shares)
            continue
        # `every`: each of its events from the start and before the resolution ends one interval and starts the next.
        starts = [started] + [at for k, at, extra in happened if k == "obligation" and extra == ob.id and at >= started
                              and (resolved is None or at < resolved)]
        calendar = vendor.calendar(ob.calendar)
        intervals = zip(starts, starts[1:], strict=False)
        missed = sum(measure(calendar, ob.every_minutes, None, False, a, b, ())["state"] == "breached" for a, b in intervals)
        obligations[ob.id] = {**measure(calendar, ob.every_minutes, None, False, starts[-1], resolved, shares), "missed": missed}
    return {"metrics": metrics, "obligations": obligations}


# --- effective-dated versions (format 1.2) -------------------------------------------------------------


def _version_begins(vendor, target, tz: str | None) -> datetime | None:
    """Local midnight of the version's date in its calendar's zone, else the customer's, else UTC."""
    if target.valid_from is None:
        return None
    calendar = vendor.calendar(target.calendar) if target.calendar else None
    name = calendar.zone if calendar is not None and calendar.zone is not None else tz
    try:
        zone = ZoneInfo(name) if name else UTC
    except (ValueError, KeyError, OSError):
        raise OracleError(f"unknown zone {name}") from None
    return datetime.combine(target.valid_from, time(0, 0), tzinfo=zone)


def in_force(vendor, plan, target, report: datetime, tz: str | None) -> bool:
    """Whether a target's version applies to a report: from its own date until the next version's (same metric,
    priority and case, in the order written)."""
    begins = _version_begins(vendor, target, tz)
    if begins is not None and report < begins:
        return False
    same = [t for t in plan.targets if (t.metric, t.priority, t.case) == (target.metric, target.priority, target.case)]
    later = same[same.index(target) + 1 :] if target in same else []
    following = later[0] if later else None
    if following is None:
        return True
    ends = _version_begins(vendor, following, tz)
    return ends is None or report < ends
