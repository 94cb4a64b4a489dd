"""Benchmark: 10 000 business-hours deadlines with dsl.evaluator and with pandas' CustomBusinessHour.

Run from the repository root:  python3 benchmarks/bench_deadlines.py [--count N] [--seed S]

The calendar is one pandas can express: Monday to Friday 08:00-17:00 in
Europe/Stockholm, closed on Swedish public holidays (from the `holidays`
package, as the export expands them). pandas works in naive local time; that is
exact here because the clock never runs across a DST change (the changes happen
on Sunday nights), so the reports are drawn as local wall times, skipping the few
that do not exist or occur twice, and every deadline is compared as a local
wall time. Durations are whole hours (CustomBusinessHour counts hours), 1 to 40.

Both engines answer the same questions in the same process; the script checks
that every answer is identical, then prints each throughput and the ratio.
It is a benchmark, not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time as clock
import warnings
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from dsl import evaluator  # noqa: E402
from dsl.model import (  # noqa: E402
    Calendar,
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
from dsl.rules import export_project, holiday_dates  # noqa: E402

ZONE = ZoneInfo("Europe/Stockholm")
YEARS = (2026, 2028)
HOURS = range(1, 41)


def rules_and_holidays() -> tuple[dict, list[date]]:
    """The exported rules of a one-calendar vendor with one plan per duration, and its holidays."""
    calendar = Calendar(
        "office",
        "Europe/Stockholm",
        weekly=tuple(WeeklyInterval(d, 8 * 60, d, 17 * 60) for d in range(5)),
        holidays=(HolidaySource("SE"),),
    )
    levels = PriorityScheme("levels", (PriorityLevel("P1", Text((("*", "P1"),))),))
    plans = tuple(
        Plan(f"h{h}", Text((("*", f"{h} h"),)), targets=(Target("first-response", None, h * 60, "office"),)) for h in HOURS
    )
    project = Project((Vendor("bench", "Bench", "en", priorities=levels, calendars=(calendar,), plans=plans),))
    holidays = sorted(holiday_dates(calendar, range(YEARS[0], YEARS[1] + 2)))
    return export_project(project, YEARS), holidays


def questions(count: int, seed: int) -> list[tuple[datetime, int]]:
    """(naive local report time, hours): wall times that exist exactly once, early enough to stay in the years."""
    rng = random.Random(seed)
    start = datetime(2026, 1, 1)
    found = []
    while len(found) < count:
        wall = start + timedelta(minutes=rng.randrange(2 * 365 * 1440))
        aware = wall.replace(tzinfo=ZONE)
        round_trip = aware.astimezone(ZoneInfo("UTC")).astimezone(ZONE).replace(tzinfo=None)
        if round_trip != wall or aware.utcoffset() != wall.replace(tzinfo=ZONE, fold=1).utcoffset():
            continue  # in a DST gap or repeat: pandas' naive time cannot say which instant it is
        found.append((wall, rng.choice(HOURS)))
    return found


def with_evaluator(rules: dict, cases: list[tuple[datetime, int]]) -> list[datetime]:
    """Deadlines from the reference evaluator, as naive local wall times."""
    evaluator.clear_cache()  # the one-off compilation of the calendar is part of the measured time
    due = evaluator.due
    return [
        due(rules, f"bench/h{hours}", None, wall.replace(tzinfo=ZONE)).replace(tzinfo=None) for wall, hours in cases
    ]


def with_pandas(holidays: list[date], cases: list[tuple[datetime, int]]) -> list[datetime]:
    """Deadlines from pandas' CustomBusinessHour, in naive local time."""
    offsets = {h: pd.offsets.CustomBusinessHour(n=h, start="08:00", end="17:00", holidays=holidays) for h in HOURS}
    return [(pd.Timestamp(wall) + offsets[hours]).to_pydatetime() for wall, hours in cases]


def draft_convention(deadline: datetime, holidays: set[date]) -> datetime:
    """pandas' answer in the rules' convention.

    When the hours run out exactly at a closing time, pandas answers with the next
    opening (08:00 of the next business day); docs/rules.md keeps the deadline at
    the closing time, the earliest instant at which the open time is complete. No
    open time lies between the two, so this moves pandas' 08:00 back to the
    previous business day's 17:00 and changes nothing else.
    """
    if deadline.time() != time(8, 0):
        return deadline
    day = deadline.date() - timedelta(days=1)
    while day.weekday() >= 5 or day in holidays:
        day -= timedelta(days=1)
    return datetime.combine(day, time(17, 0))


def main() -> int:
    """Run both engines on the same questions, check they agree, print throughputs and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each engine, alternating; the fastest counts")
    args = parser.parse_args()

    rules, holidays = rules_and_holidays()
    cases = questions(args.count, args.seed)
    warnings.simplefilter("ignore", pd.errors.PerformanceWarning)

    # Alternate the engines and keep each one's fastest run, so that a busy machine
    # slowing one run down does not tilt the ratio.
    ours_time = theirs_time = float("inf")
    for _ in range(args.repeat):
        t0 = clock.perf_counter()
        ours = with_evaluator(rules, cases)
        t1 = clock.perf_counter()
        theirs = with_pandas(holidays, cases)
        t2 = clock.perf_counter()
        ours_time, theirs_time = min(ours_time, t1 - t0), min(theirs_time, t2 - t1)

    closing = set(holidays)
    theirs = [draft_convention(d, closing) for d in theirs]  # not timed: a change of convention, not work
    differ = [(c, a, b) for c, a, b in zip(cases, ours, theirs) if a != b]
    for (wall, hours), a, b in differ[:10]:
        print(f"DIFFERENT: report {wall} + {hours} h: evaluator {a}, pandas {b}")
    ours_rate = len(cases) / ours_time
    pandas_rate = len(cases) / theirs_time
    print(f"deadlines:          {len(cases)} (Mon-Fri 08:00-17:00 Europe/Stockholm, SE holidays, 1-40 h)")
    print(f"identical results:  {len(cases) - len(differ)} of {len(cases)}")
    print(f"dsl.evaluator:      {ours_time:8.3f} s  {ours_rate:12,.0f} deadlines/s  (best of {args.repeat})")
    print(f"pandas {pd.__version__:<12}{theirs_time:8.3f} s  {pandas_rate:12,.0f} deadlines/s  (best of {args.repeat})")
    print(f"ratio:              {ours_rate / pandas_rate:8.1f}x pandas' throughput (goal: at least 50x)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
