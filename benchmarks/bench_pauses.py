"""Benchmark: a ticket with three pauses against a plain deadline, in the same engine and the same run.

Run it (from any folder):  python3 benchmarks/bench_pauses.py [--count N] [--seed S] [--repeat R]

The calendar and the reports are those of bench_deadlines.py (Monday to Friday 08:00-17:00 in
Europe/Stockholm, Swedish holidays, 1-40 hours). Each report gets three pause intervals, drawn
after it (each starts 0-8 hours after the previous end and lasts 10 minutes to 2 days). Both
sides use the integer interface (epoch microseconds in and out), so what is timed is the search:

- plain:  `Evaluator.clock(plan, None).due_us(report)` — docs/rules.md §6;
- paused: `paused_search(timeline)(report, pauses, wanted)` — the ticket clock's search (§11.2).

Goal (issue 10): the paused deadline costs at most 3x the plain one. The script also checks that
with no pauses the ticket clock's search gives exactly the plain deadline, and that three pauses
never give an earlier one. For information it times `Evaluator.ticket` (every metric, warnings,
ISO texts: the whole §11 answer) against `Evaluator.due` on a sample.
It is a benchmark, not a test: pytest does not collect it.
"""

from __future__ import annotations

import argparse
import random
import sys
import time as clock
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]

from bench_deadlines import ZONE, questions, rules_and_holidays  # noqa: E402

from dsl.rules.engine import Evaluator, paused_search  # noqa: E402

_US = 1_000_000
CHUNK = 500
EPOCH = datetime(1970, 1, 1, tzinfo=ZoneInfo("UTC"))


def pauses_for(report: int, rng: random.Random) -> list[tuple[int, int]]:
    """Three pause intervals after the report, in microseconds."""
    found, at = [], report
    for _ in range(3):
        start = at + rng.randrange(0, 8 * 3600) * _US
        end = start + rng.randrange(600, 2 * 86400) * _US
        found.append((start, end))
        at = end
    return found


def main() -> int:
    """Time the plain and the paused search side by side; print both rates and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=7, help="runs of each chunk on each side, alternating; the fastest counts")
    args = parser.parse_args()

    rules, _ = rules_and_holidays()
    cases = questions(args.count, args.seed)
    rng = random.Random(args.seed)
    evaluator = Evaluator(rules)
    inputs = []
    for wall, hours in cases:
        report = (wall.replace(tzinfo=ZONE) - EPOCH) // timedelta(microseconds=1)
        inputs.append((f"bench/h{hours}", report, hours * 3600 * _US, pauses_for(report, rng)))
    plans = sorted({plan for plan, _, _, _ in inputs})
    plain = {plan: evaluator.clock(plan, None).due_us for plan in plans}
    reach = paused_search(evaluator.clock(plans[0], None).timeline)  # one calendar for every plan
    plain_in = [(plain[plan], report) for plan, report, _, _ in inputs]
    paused_in = [(report, pauses, wanted) for _, report, wanted, pauses in inputs]

    # The same answers first: no pauses is the plain deadline; pauses never make it earlier.
    for (due_us, report), (_, pauses, wanted) in zip(plain_in, paused_in, strict=True):
        base = due_us(report)
        if reach(report, [], wanted) != base or reach(report, pauses, wanted) < base:
            print(f"DIFFERENT: report {report}: plain {base}, ticket clock {reach(report, [], wanted)}")
            return 1

    # Side by side in small chunks, alternating, the fastest of `repeat` runs of each chunk kept: on a
    # shared machine a burst of load then slows a chunk of one side, not the whole of it.
    plain_time = paused_time = 0.0
    for at in range(0, len(plain_in), CHUNK):
        plain_chunk, paused_chunk = plain_in[at : at + CHUNK], paused_in[at : at + CHUNK]
        best_plain = best_paused = float("inf")
        for _ in range(args.repeat):
            t0 = clock.perf_counter()
            for due_us, report in plain_chunk:
                due_us(report)
            t1 = clock.perf_counter()
            for report, pauses, wanted in paused_chunk:
                reach(report, pauses, wanted)
            t2 = clock.perf_counter()
            best_plain, best_paused = min(best_plain, t1 - t0), min(best_paused, t2 - t1)
        plain_time += best_plain
        paused_time += best_paused

    # The whole §11 answer, for information: every metric, warnings, ISO texts, events checked.
    sample = inputs[: max(1, args.count // 10)]
    iso = [(plan, datetime.fromtimestamp(report / _US, ZONE), pauses) for plan, report, _, pauses in sample]
    t0 = clock.perf_counter()
    for plan, moment, _ in iso:
        evaluator.due(plan, None, moment)
    t1 = clock.perf_counter()
    for plan, moment, pauses in iso:
        events = [e for a, b in pauses for e in (
            {"type": "pause", "at": datetime.fromtimestamp(a / _US, ZONE).isoformat()},
            {"type": "resume", "at": datetime.fromtimestamp(b / _US, ZONE).isoformat()})]
        evaluator.ticket(plan, None, moment, moment + timedelta(days=30), events)
    t2 = clock.perf_counter()

    n = len(inputs)
    print(f"deadlines:              {n} (Mon-Fri 08:00-17:00 Europe/Stockholm, SE holidays, 1-40 h), best of {args.repeat}")
    print(f"plain  (Clock.due_us):  {plain_time:8.3f} s  {n / plain_time:12,.0f} deadlines/s")
    print(f"3 pauses (paused_search): {paused_time:6.3f} s  {n / paused_time:12,.0f} deadlines/s")
    ratio = paused_time / plain_time
    print(f"cost of three pauses:   {ratio:8.2f}x a plain deadline (goal: at most 3x)")
    print(f"for information: Evaluator.ticket (whole answer, events as ISO texts) {(t2 - t1) / (t1 - t0):.1f}x Evaluator.due, "
          f"on {len(sample)} tickets")
    return 0 if ratio <= 3 else 1


if __name__ == "__main__":
    sys.exit(main())
