"""Benchmark: 10 000 business-hours deadlines with dsl.rules.engine and with pandas' CustomBusinessHour.

Run it (from any folder):  python3 benchmarks/bench_deadlines.py [--count N] [--seed S] [--repeat R]

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

import pandas as pd

from dsl.language.model import (
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
from dsl.rules.engine import Evaluator
from dsl.rules.export import export_project, holiday_dates

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


def evaluator_inputs(cases: list[tuple[datetime, int]]) -> list[tuple[str, datetime]]:
    """Each case as the evaluator takes it: a plan and an aware report time."""
    return [(f"bench/h{hours}", wall.replace(tzinfo=ZONE)) for wall, hours in cases]


def with_evaluator(rules: dict, inputs: list[tuple[str, datetime]]) -> list[datetime]:
    """Deadlines from the engine (aware datetimes), as a tool holding one Evaluator asks them."""
    due = Evaluator(rules).due  # a fresh one: the one-off compilation of the calendar is part of the measured time
    return [due(plan, None, moment) for plan, moment in inputs]


def with_evaluator_us(rules: dict, inputs: list[tuple[str, int]]) -> list[int]:
    """Deadlines from the engine's integer interface: microseconds since the epoch in and out."""
    evaluator = Evaluator(rules)
    clocks = {plan: evaluator.clock(plan, None).due_us for plan in sorted({p for p, _ in inputs})}
    return [clocks[plan](report) for plan, report in inputs]


def pandas_inputs(holidays: list[date], cases: list[tuple[datetime, int]]) -> list[tuple[pd.Timestamp, object]]:
    """Each case as pandas takes it: a naive local Timestamp and a CustomBusinessHour offset."""
    offsets = {h: pd.offsets.CustomBusinessHour(n=h, start="08:00", end="17:00", holidays=holidays) for h in HOURS}
    return [(pd.Timestamp(wall), offsets[hours]) for wall, hours in cases]


def with_pandas(inputs: list[tuple[pd.Timestamp, object]]) -> list[pd.Timestamp]:
    """Deadlines from pandas' CustomBusinessHour (naive local Timestamps)."""
    return [stamp + offset for stamp, offset in inputs]


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
    parser.add_argument(
        "--cpu", action="store_true", help="time with the process's CPU time instead of the wall clock (steadier on a shared machine)"
    )
    args = parser.parse_args()

    rules, holidays = rules_and_holidays()
    cases = questions(args.count, args.seed)
    warnings.simplefilter("ignore", pd.errors.PerformanceWarning)

    # Alternate the engines and keep each one's fastest run, so that a busy machine
    # slowing one run down does not tilt the ratio.
    # Each engine gets its questions in its own types, made before the clock starts,
    # and its answers are converted for comparison after it stops: what is timed is
    # the deadline arithmetic alone, on both sides.
    ours_in, theirs_in = evaluator_inputs(cases), pandas_inputs(holidays, cases)
    epoch = datetime(1970, 1, 1, tzinfo=ZoneInfo("UTC"))
    ints_in = [(plan, (moment - epoch) // timedelta(microseconds=1)) for plan, moment in ours_in]
    ours_time = ints_time = theirs_time = float("inf")
    timer = clock.process_time if args.cpu else clock.perf_counter
    for _ in range(args.repeat):
        t0 = timer()
        ours_out = with_evaluator(rules, ours_in)
        t1 = timer()
        theirs_out = with_pandas(theirs_in)
        t2 = timer()
        ints_out = with_evaluator_us(rules, ints_in)
        t3 = timer()
        ours_time, theirs_time, ints_time = min(ours_time, t1 - t0), min(theirs_time, t2 - t1), min(ints_time, t3 - t2)

    closing = set(holidays)
    ours = [d.replace(tzinfo=None) for d in ours_out]
    as_wall = [(epoch + timedelta(microseconds=us)).astimezone(ZONE).replace(tzinfo=None) for us in ints_out]
    if as_wall != ours:
        print("DIFFERENT: the integer interface disagrees with the datetime interface")
        return 1
    # not timed: a change of convention, not work
    theirs = [draft_convention(d.to_pydatetime(), closing) for d in theirs_out]
    differ = [(c, a, b) for c, a, b in zip(cases, ours, theirs, strict=True) if a != b]
    for (wall, hours), a, b in differ[:10]:
        print(f"DIFFERENT: report {wall} + {hours} h: evaluator {a}, pandas {b}")
    ours_rate = len(cases) / ours_time
    pandas_rate = len(cases) / theirs_time
    print(f"deadlines:          {len(cases)} (Mon-Fri 08:00-17:00 Europe/Stockholm, SE holidays, 1-40 h)")
    print(f"identical results:  {len(cases) - len(differ)} of {len(cases)}")
    ints_rate = len(cases) / ints_time
    print(f"Evaluator.due:      {ours_time:8.3f} s  {ours_rate:12,.0f} deadlines/s  (aware datetimes; best of {args.repeat})")
    print(f"Clock.due_us:       {ints_time:8.3f} s  {ints_rate:12,.0f} deadlines/s  (epoch microseconds; best of {args.repeat})")
    print(f"pandas {pd.__version__:<12}{theirs_time:8.3f} s  {pandas_rate:12,.0f} deadlines/s  (Timestamps; best of {args.repeat})")
    print(f"ratio, datetimes:   {ours_rate / pandas_rate:8.1f}x pandas' throughput (goal: at least 50x)")
    print(f"ratio, integers:    {ints_rate / pandas_rate:8.1f}x pandas' throughput (goal: at least 50x)")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
