"""The one random-calendar generator: calendars the plan files would rarely contain, and reports for them.

Weekly intervals across midnight and the week's end, ends at 24:00, zones with 30- and 45-minute
offsets or clocks that change at midnight, holidays of several countries with eve hours, closed and
special dates, the customer's zone, 24x7; reports anywhere in the years, often close to a DST change,
sometimes with seconds and fractions.

It draws from a `Draw`: `HypothesisDraw` inside a hypothesis test (tests/test_properties.py, which
then shrinks failures), `RandomDraw` with a seeded `random.Random` where plain data is needed (the
calendars tests/test_js_evaluator.py hands to the JavaScript evaluator under Node).
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol, TypeVar
from zoneinfo import ZoneInfo

import holidays
from hypothesis import strategies as st

from dsl.language.model import (
    Calendar,
    DailyHours,
    DateHours,
    HolidaySource,
    Plan,
    PriorityLevel,
    PriorityScheme,
    Project,
    Target,
    Text,
    Vendor,
    WeeklyInterval,
)

YEARS = (2026, 2027)
"""The span random calendars are exported over and reports are drawn from."""

ZONES = (
    "Europe/Stockholm",
    "America/New_York",
    "America/Santiago",  # clocks change at midnight
    "Australia/Lord_Howe",  # a 30-minute DST change
    "Pacific/Chatham",  # +12:45 / +13:45
    "Asia/Kathmandu",  # +05:45
    "America/St_Johns",  # -03:30 with DST
    "Asia/Kolkata",
    "America/Sao_Paulo",
    "Africa/Casablanca",  # changes around Ramadan
    "UTC",
)
COUNTRIES = ("SE", "US", "CL", "AU", "JP", "IN", "BR", "ZA")
STEP = 5
"""Wall-clock times on a 5-minute grid keep the search space interesting."""

T = TypeVar("T")


class Draw(Protocol):
    """A source of random choices."""

    def integer(self, lo: int, hi: int) -> int:
        """An integer in [lo, hi], both included."""
        ...

    def pick(self, options: Sequence[T]) -> T:
        """One of `options`."""
        ...

    def boolean(self) -> bool:
        """True or False."""
        ...

    def some(self, options: Sequence[T], at_most: int) -> list[T]:
        """Up to `at_most` distinct ones of `options`."""
        ...


class RandomDraw:
    """A `Draw` from a `random.Random` (give it a seed to repeat a run)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def pick(self, options: Sequence[T]) -> T:
        return self.rng.choice(options)

    def boolean(self) -> bool:
        return self.rng.random() < 0.5

    def some(self, options: Sequence[T], at_most: int) -> list[T]:
        return self.rng.sample(list(options), self.rng.randint(0, min(at_most, len(options))))


class HypothesisDraw:
    """A `Draw` from hypothesis' `draw` (inside `st.composite` or `st.data()`), so that failures shrink."""

    def __init__(self, draw: Callable[[st.SearchStrategy[Any]], Any]) -> None:
        self.draw = draw

    def integer(self, lo: int, hi: int) -> int:
        value: int = self.draw(st.integers(lo, hi))
        return value

    def pick(self, options: Sequence[T]) -> T:
        value: T = self.draw(st.sampled_from(options))
        return value

    def boolean(self) -> bool:
        value: bool = self.draw(st.booleans())
        return value

    def some(self, options: Sequence[T], at_most: int) -> list[T]:
        value: list[T] = self.draw(st.lists(st.sampled_from(options), max_size=at_most, unique=True))
        return value


@functools.cache
def transitions(zone_name: str) -> tuple[datetime, ...]:
    """The instants (UTC, on the hour) at which the zone's offset changes within YEARS."""
    zone = ZoneInfo(zone_name)
    t = datetime(YEARS[0], 1, 1, tzinfo=UTC)
    found, prev = [], t.astimezone(zone).utcoffset()
    while t.year <= YEARS[1]:
        t += timedelta(hours=1)
        if t.astimezone(zone).utcoffset() != prev:
            prev = t.astimezone(zone).utcoffset()
            found.append(t)
    return tuple(found)


@dataclass(frozen=True)
class RandomCalendar:
    """A drawn calendar, the zone it runs in, and how much of a week it is open."""

    calendar: Calendar
    zone: str  # its own zone, or the customer's zone when calendar.zone is None
    open_per_week: int  # minutes

    @property
    def tz(self) -> str | None:
        """The `tz` a question must give: the customer's zone for a customer-zone calendar, else None."""
        return self.zone if self.calendar.zone is None else None

    @property
    def hardly_open(self) -> bool:
        """Open less than an hour a week and without dated hours: the oracle would walk for years."""
        return self.open_per_week < 60 and not self.calendar.dates


def weekly_interval(d: Draw) -> WeeklyInterval:
    """A weekly interval of up to three days, often across midnight, sometimes ending 24:00."""
    start_day = d.integer(0, 6)
    start = d.integer(0, 1439 // STEP) * STEP
    long = d.boolean()
    length = d.integer(1, (3 * 1440 if long else 16 * 60) // STEP) * STEP
    end_abs = start_day * 1440 + start + length
    end_day, end = (end_abs // 1440) % 7, end_abs % 1440
    if end == 0 and d.boolean():
        end_day, end = (end_day - 1) % 7, 1440  # the same instant written as 24:00 of the day before
    return WeeklyInterval(start_day, start, end_day, end)


def daily_hours(d: Draw) -> tuple[DailyHours, ...]:
    """Up to two pieces of one day (they may overlap)."""
    pieces = []
    for _ in range(d.integer(0, 2)):
        start = d.integer(0, 1435 // STEP) * STEP
        end = d.integer(start // STEP + 1, 1440 // STEP) * STEP
        pieces.append(DailyHours(start, end))
    return tuple(pieces)


def weekly_open_minutes(intervals: Sequence[WeeklyInterval]) -> int:
    """Minutes of a week inside at least one of the intervals."""
    week = set()
    for iv in intervals:
        start = iv.start_day * 1440 + iv.start
        end = iv.end_day * 1440 + iv.end
        if end <= start:
            end += 7 * 1440
        week.update(m % (7 * 1440) for m in range(start, end))
    return len(week)


def calendar(d: Draw, calendar_id: str = "random") -> RandomCalendar:
    """A random calendar: in one of ZONES or the customer's, 24x7 one time in ten."""
    zone = d.pick(ZONES)
    customer = d.boolean() and d.boolean()
    own_zone = None if customer else zone
    if d.integer(0, 9) == 0:
        return RandomCalendar(Calendar(calendar_id, own_zone, always_open=True), zone, 7 * 1440)
    weekly = tuple(weekly_interval(d) for _ in range(d.integer(1, 4)))
    sources = tuple(HolidaySource(c) for c in d.some(COUNTRIES, 2))
    eve = daily_hours(d) if sources and d.boolean() else ()
    span = (date(YEARS[1], 12, 31) - date(YEARS[0], 1, 1)).days
    days = sorted({date(YEARS[0], 1, 1) + timedelta(days=d.integer(0, span)) for _ in range(d.integer(0, 4))})
    dated = tuple(DateHours(day, daily_hours(d)) for day in days)
    drawn = Calendar(calendar_id, own_zone, weekly=weekly, holidays=sources, eve_hours=eve, dates=dated, eve_before=eve_before(sources, eve))
    return RandomCalendar(drawn, zone, weekly_open_minutes(weekly))


def eve_before(sources: Sequence[HolidaySource], eve: Sequence[DailyHours]) -> tuple[str, ...]:
    """Half the calendars with eve hours have them before some holidays only (`eve ... before "..."`): every second, third or
    fourth of their holidays' own names, chosen from the eve's hours with no draw of its own, so that a seed's calendars
    (tests/test_js_evaluator.py) stay what they were."""
    if not eve or (eve[0].start // STEP) % 2:
        return ()
    own = {s.country: holidays.country_holidays(s.country).default_language for s in sources}  # never the machine's locale
    table = [str(day_names) for s in sources
             for day_names in holidays.country_holidays(s.country, years=list(YEARS), language=own[s.country]).values()]
    names = sorted({name for day_names in table for name in day_names.split("; ")})
    return tuple(names[:: 2 + (eve[0].end // STEP) % 3])


def minutes(d: Draw, drawn: RandomCalendar) -> int:
    """A target's minutes: at most about three weeks of the calendar's open time, so the oracle's walk stays short."""
    return d.integer(0, max(1, min(drawn.open_per_week * 3, 6000)))


def report(d: Draw, zone: str) -> str:
    """A report moment as ISO text in a random one of ZONES: often near a DST change of `zone`, sometimes with fractions
    to the microsecond (every evaluator counts them to the millisecond, docs/rules.md §5 "Inputs")."""
    near = transitions(zone)
    if near and d.boolean():
        moment = d.pick(near) + timedelta(minutes=d.integer(-3 * 1440, 1440))
    else:
        moment = datetime(YEARS[0], 1, 1, tzinfo=UTC) + timedelta(minutes=d.integer(0, 730 * 1440))
    if d.integer(0, 3) == 0:  # reports may carry seconds and fractions; deadlines keep them
        moment += timedelta(microseconds=d.integer(0, 59_999_999))
    return moment.astimezone(ZoneInfo(d.pick(ZONES))).isoformat()


LEVEL = PriorityLevel("P1", Text((("*", "P1"),)))


def vendor(vendor_id: str, drawn: Calendar, target_minutes: int) -> Vendor:
    """A vendor with one priority level P1 and one plan `plan` whose first-response target runs on `drawn`."""
    plan = Plan("plan", Text((("*", "Plan"),)), targets=(Target("first-response", "P1", target_minutes, drawn.id),))
    return Vendor(vendor_id, "V", "en", priorities=PriorityScheme("levels", (LEVEL,)), calendars=(drawn,), plans=(plan,))


def project(drawn: Calendar, target_minutes: int) -> Project:
    """One vendor `v` (see `vendor`): the question is then ("v/plan", "P1", ...)."""
    return Project((vendor("v", drawn, target_minutes),))
