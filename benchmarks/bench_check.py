"""`check` time and peak memory against plan file size, up to the 1 MB limit (docs/language.md, "Limits").

Run: python3 benchmarks/bench_check.py [--sizes 20000,100000,...] [--repeat 3]

Each size is a generated, valid plan file (one vendor, many features with texts in four languages,
and a plan with a cell for each) loaded through the whole pipeline the `check` command runs (parse,
resolve, check). Time is the best of --repeat runs without tracing; peak memory is measured in a
separate run with tracemalloc. The last columns are per input byte, so a linear cost shows as flat
numbers down the table; the ratio columns compare each size with the smallest, side by side.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

from dsl.language.limits import MAX_FILE_BYTES
from dsl.language.loader import load_text

HEADER = 'vendor bench {\n  name "Bench"\n  language sv\n'


def plan_of_size(size: int) -> str:
    """A valid plan file of about `size` bytes (never over it)."""
    features, cells = [], []
    total = len(HEADER) + 60
    i = 0
    while True:
        feature = f'  feature f{i} {{ label {{ sv "Funktion {i} svenska" it "Funzione {i}" pl "Funkcja {i}" en "Feature {i}" }} }}\n'
        cell = f"f{i}: yes "
        if total + len(feature) + len(cell) > size:
            break
        features.append(feature)
        cells.append(cell)
        total += len(feature) + len(cell)
        i += 1
    return HEADER + "".join(features) + '  plan p { name "P" features { ' + "".join(cells) + "} }\n}\n"


def measure(text: str, repeat: int) -> tuple[float, int, int]:
    """Best seconds of `repeat` loads, peak traced bytes, and the number of error diagnostics."""
    best = float("inf")
    errors = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = load_text(text, "bench.plan")
        best = min(best, time.perf_counter() - start)
        errors = len(result.errors)
    tracemalloc.start()
    load_text(text, "bench.plan")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return best, peak, errors


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ",".join(str(n) for n in (20_000, 50_000, 100_000, 250_000, 500_000, MAX_FILE_BYTES))
    parser.add_argument("--sizes", default=default, help="file sizes in bytes, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    load_text(plan_of_size(2000), "warm.plan")  # compile the grammar outside the measurements
    print(f"{'bytes':>9} {'seconds':>8} {'peak MB':>8} {'µs/byte':>8} {'peak B/byte':>11} {'time ×':>7} {'size ×':>7} {'peak ×':>7} errors")
    first: tuple[int, float, int] | None = None
    for size in (int(s) for s in args.sizes.split(",")):
        text = plan_of_size(size)
        length = len(text.encode("utf-8"))
        seconds, peak, errors = measure(text, args.repeat)
        first = first or (length, seconds, peak)
        print(
            f"{length:>9,} {seconds:>8.3f} {peak / 1e6:>8.1f} {seconds / length * 1e6:>8.2f} {peak / length:>11.1f} "
            f"{seconds / first[1]:>7.1f} {length / first[0]:>7.1f} {peak / first[2]:>7.1f} {errors:>6}"
        )


if __name__ == "__main__":
    main()
