"""A build in worker processes writes the serial build's site byte for byte, with the same warnings.

Each build runs in a fresh interpreter: a build forks workers only from a process without other
threads, and a test run may have threads of its own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from dsl.language import cache as cache_module
from dsl.language.cache import BuildCache, worker_count
from dsl.language.loader import load_project
from support.paths import PLANS, ROOT

BUILD = """
import json, sys
from io import StringIO
from pathlib import Path
from dsl.language import cache as cache_module
from dsl.language.cache import BuildCache
from dsl.language.loader import load_project
from dsl.site import parallel
cache_module.FORKING_ALLOWED = True
from dsl.site.publish import publish
plans, out, cache_dir = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
options = {"templates": Path(sys.argv[4])} if len(sys.argv) > 4 else {}
cache = BuildCache(Path(cache_dir)) if cache_dir else None
from dsl.language.settings import load_settings
settings = load_settings(plans.parent)[0]  # the project's tierwise.toml, if it has one
result = load_project([plans], cache=cache, settings=settings)
done = []
by_workers = []
real = parallel.prepare
def counting(project, reuse, *args, **kwargs):
    done.append(real(project, reuse, *args, **kwargs))
    by_workers.append(reuse.stats.vendors_by_workers)
    return done[-1]
parallel.prepare = counting
err = StringIO()
code = publish(result.project, out, (2026, 2027), stderr=err, cache=cache, vendor_keys=result.vendor_keys, settings=settings, **options)
lines = [line for line in err.getvalue().splitlines() if not line.startswith("built ")]
print(json.dumps({"code": code, "workers_did": sum(done), "by_workers": sum(by_workers), "stderr": lines}))
"""


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build(
    out: Path, jobs: int, cache: Path | None = None, templates: Path | None = None, code: int = 0, plans: Path = PLANS
) -> dict[str, object]:
    env = {**os.environ, "TIERWISE_JOBS": str(jobs), "TIERWISE_BASE_URL": "https://support.example/"}
    extra = [str(templates)] if templates else []
    done = subprocess.run(
        [sys.executable, "-c", BUILD, str(plans), str(out), str(cache or ""), *extra],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    answer: dict[str, object] = json.loads(done.stdout)
    assert answer["code"] == code, answer
    return answer


def test_two_processes_build_the_serial_site(tmp_path: Path) -> None:
    serial = _build(tmp_path / "serial" / "_site", 1)
    parallel = _build(tmp_path / "parallel" / "_site", 2)
    vendors = len(load_project([PLANS]).project.vendors)  # type: ignore[union-attr]
    assert serial["workers_did"] == 0 and parallel["workers_did"] == vendors  # every vendor was computed ahead
    assert 0 < parallel["by_workers"] < vendors  # by the forked worker and by the build's own process, both
    assert tree(tmp_path / "parallel" / "_site") == tree(tmp_path / "serial" / "_site")
    assert parallel["stderr"] == serial["stderr"]


def test_a_project_with_its_own_settings_is_built_by_the_workers_as_serially(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(PLANS, project / "plans")
    (project / "tierwise.toml").write_text(
        '[site]\ntitle = "Support compared"\nlanguages = ["pl", "en", "sv", "it"]\ndefault_language = "pl"\n\n[brand]\naccent = "#0b5394"\n',
        encoding="utf-8",
    )
    serial = _build(tmp_path / "serial" / "_site", 1, plans=project / "plans")
    parallel = _build(tmp_path / "parallel" / "_site", 2, tmp_path / "cache", plans=project / "plans")
    assert serial["workers_did"] == 0 and parallel["workers_did"] == len(load_project([PLANS]).project.vendors)  # type: ignore[union-attr]
    assert parallel["stderr"] == serial["stderr"]
    assert tree(tmp_path / "parallel" / "_site") == tree(tmp_path / "serial" / "_site")
    again = _build(tmp_path / "again" / "_site", 2, tmp_path / "cache", plans=project / "plans")
    assert again["workers_did"] == 0  # all from the cache the workers filled
    assert tree(tmp_path / "again" / "_site") == tree(tmp_path / "serial" / "_site")


def test_workers_fill_the_cache_a_rebuild_then_uses(tmp_path: Path) -> None:
    cache = tmp_path / ".tierwise-cache"
    _build(tmp_path / "first" / "_site", 2, cache)
    vendors = len(load_project([PLANS]).project.vendors)  # type: ignore[union-attr]
    # A vendor's pages, cards, rows and rule files in one file, not thirteen: no page, card, row or rule entry of its own.
    assert len(list((cache / "group").iterdir())) == vendors
    assert not any((cache / kind).exists() for kind in ("page", "card", "compare", "rules"))
    # The pack holds every vendor's small entries, the workers' as well as the build's own process's: the next build
    # reads the cards, rows and pages' warnings from it instead of opening a vendor's file for them.
    import pickle

    with open(cache / "pack.pickle", "rb") as fh:
        packed = pickle.load(fh)
    languages = 4
    for kind in ("card", "compare", "page"):
        assert sum(1 for k, _ in packed if k == kind) == vendors * languages, kind
    second = _build(tmp_path / "second" / "_site", 2, cache)
    assert second["workers_did"] == 0  # everything came from the cache the workers filled
    assert tree(tmp_path / "second" / "_site") == tree(tmp_path / "first" / "_site")
    (cache / "pack.pickle").unlink(missing_ok=True)
    third = _build(tmp_path / "third" / "_site", 1, cache)  # no pack: every entry read from the groups, serially
    assert third["workers_did"] == 0
    assert tree(tmp_path / "third" / "_site") == tree(tmp_path / "first" / "_site")


def test_a_vendor_failing_in_a_worker_gives_the_serial_error_not_a_hang(tmp_path: Path) -> None:
    # A Jinja error raised in a worker does not survive pickling back to the parent; sent as it was,
    # it killed the pool's result thread and the build waited forever.
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "site_templates", templates)
    vendor = templates / "vendor.html"
    vendor.write_text(vendor.read_text(encoding="utf-8").replace("{% endblock %}", "{% if broken %}{% endblock %}", 1), encoding="utf-8")
    serial = _build(tmp_path / "serial" / "_site", 1, templates=templates, code=1)
    parallel = _build(tmp_path / "parallel" / "_site", 2, templates=templates, code=1)
    assert [line.replace("/parallel/", "/serial/") for line in parallel["stderr"]] == serial["stderr"]
    assert any("vendor.html:" in line and ": error: " in line for line in parallel["stderr"]), parallel


def test_the_command_line_allows_forking_only_while_its_command_runs(tmp_path: Path, capsys) -> None:
    from dsl.cli import main

    assert cache_module.FORKING_ALLOWED is False
    assert main(["check", str(PLANS)]) == 0
    assert cache_module.FORKING_ALLOWED is False  # a later build in this process stays serial
    assert main(["check", str(tmp_path / "missing.plan")]) != 0
    assert cache_module.FORKING_ALLOWED is False


def test_a_process_with_other_threads_never_forks(monkeypatch) -> None:
    monkeypatch.setenv("TIERWISE_JOBS", "4")
    monkeypatch.setattr(cache_module, "FORKING_ALLOWED", True)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert worker_count() == 1
    finally:
        stop.set()
        other.join()


PARSE = """
import json, sys
from pathlib import Path
from dsl.language import cache as cache_module
from dsl.language.cache import BuildCache
from dsl.language.loader import load_project
cache_module.FORKING_ALLOWED = True
plans, cache_dir = Path(sys.argv[1]), Path(sys.argv[2])
serial = load_project([plans])
ahead = load_project([plans], cache=BuildCache(cache_dir))
print(json.dumps({
    "same_sources": ahead.sources == serial.sources,
    "serial": sorted(map(repr, serial.diagnostics)),
    "ahead": sorted(map(repr, ahead.diagnostics)),
    "cached": len([p for p in (cache_dir / "parse").rglob("*") if p.is_file()]),
    "same_project": repr(ahead.project) == repr(serial.project),
    "loaded": ahead.project is not None,
}))
"""


def _two_processes(script: str, plans: Path, cache: Path) -> dict[str, Any]:
    """What `script` prints about loading `plans` with the build cache `cache`, run in a fresh process allowed two."""
    env = {**os.environ, "TIERWISE_JOBS": "2"}
    done = subprocess.run([sys.executable, "-c", script, str(plans), str(cache)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout)
    return answer


def test_plan_files_parsed_in_workers_load_as_parsed_serially(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (PLANS / "stratiteq.plan").read_text(encoding="utf-8")
    assert "vendor stratiteq {" in text
    for n in range(10):
        (plans / f"s{n}.plan").write_text(text.replace("vendor stratiteq {", f"vendor s{n} {{", 1), encoding="utf-8")
    (plans / "shared.plan").write_text((PLANS / "shared.plan").read_text(encoding="utf-8"), encoding="utf-8")
    (plans / "broken.plan").write_text("vendor broken {\n  name\n}\n", encoding="utf-8")
    answer = _two_processes(PARSE, plans, tmp_path / "cache")
    assert answer["cached"] == 12  # the workers parsed and cached every file
    assert answer["same_sources"]
    assert answer["ahead"] == answer["serial"]
    assert any("broken.plan" in line for line in answer["serial"])
    assert answer["same_project"]
    # In this process (which may run other threads) the same load works, serially.
    again = load_project([plans], cache=BuildCache(tmp_path / "cache"))
    # The texts kept are those of the files a diagnostic points at, to show their lines.
    pointed = {d.pos.file for d in again.diagnostics} | {pos.file for d in again.diagnostics for _, pos in d.notes}
    assert str(plans / "broken.plan") in again.sources and again.sources.keys() == pointed
    assert again.sources[str(plans / "broken.plan")] == (plans / "broken.plan").read_text(encoding="utf-8")


def test_plan_files_parsed_by_the_workers_and_the_build_itself_make_the_serial_model(tmp_path: Path) -> None:
    """Without errors, the model itself: the files this process parsed ahead are used as they are, the rest read back."""
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (PLANS / "stratiteq.plan").read_text(encoding="utf-8")
    for n in range(24):
        (plans / f"s{n:02}.plan").write_text(text.replace("vendor stratiteq {", f"vendor s{n} {{", 1), encoding="utf-8")
    (plans / "shared.plan").write_text((PLANS / "shared.plan").read_text(encoding="utf-8"), encoding="utf-8")
    answer = _two_processes(PARSE, plans, tmp_path / "cache")
    assert answer["loaded"] and answer["same_project"] and answer["ahead"] == answer["serial"]
    assert answer["cached"] == 25


CHECK = """
import json, os, sys
from pathlib import Path
from dsl.language import cache as cache_module, loader
from dsl.language.cache import BuildCache
from dsl.language.loader import load_project
cache_module.FORKING_ALLOWED = True
plans, cache_dir = Path(sys.argv[1]), Path(sys.argv[2])
serial = load_project([plans])
real = loader.checks.check_file
def judging(*args, **kwargs):  # which processes judged files: one line each, appended
    with open(cache_dir.parent / "judges", "a") as fh:
        fh.write(f"{os.getpid()}\\n")
    return real(*args, **kwargs)
loader.checks.check_file = judging
first = load_project([plans], cache=BuildCache(cache_dir))
cache = BuildCache(cache_dir)
again = load_project([plans], cache=cache)
print(json.dumps({
    "serial": list(map(repr, serial.diagnostics)),
    "first": list(map(repr, first.diagnostics)),
    "again": list(map(repr, again.diagnostics)),
    "kept": len([p for p in (cache_dir / "check").rglob("*") if p.is_file()]),
    "outlines": len([p for p in (cache_dir / "outline").rglob("*") if p.is_file()]),
    "read_again": cache.hits,
}))
"""


def test_files_judged_by_a_worker_and_the_build_itself_give_the_serial_findings_in_order(tmp_path: Path) -> None:
    """A cold load of many files judges them in two processes (`loader._checked`): the same findings, in the same order,
    each file's kept in the cache for the next run, which reads them instead of judging again."""
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (PLANS / "stratiteq.plan").read_text(encoding="utf-8")
    files = 80
    for n in range(files):
        mine = text.replace("vendor stratiteq {", f"vendor s{n:02} {{", 1)
        if n % 9 == 4:  # an error the checks find (not the parser): a cell for a feature the vendor never defines
            mine = mine.replace("incident-support: yes", "no-such-feature: yes", 1)
        if n % 7 == 2:  # a warning: a feature's name without its English text
            mine = mine.replace('      en "Support for incidents in the specified applications"\n', "", 1)
        (plans / f"s{n:02}.plan").write_text(mine, encoding="utf-8")
    (plans / "shared.plan").write_text((PLANS / "shared.plan").read_text(encoding="utf-8"), encoding="utf-8")
    answer = _two_processes(CHECK, plans, tmp_path / "cache")
    assert sum("T0309" in line for line in answer["serial"]) == len(range(4, files, 9))
    assert sum("T0404" in line for line in answer["serial"]) >= len(range(2, files, 7))
    assert answer["first"] == answer["serial"]  # the same findings in the same order
    assert answer["again"] == answer["serial"]
    assert answer["kept"] == files + 1  # every file's findings kept, whichever process judged it
    assert answer["outlines"] == files  # and every vendor file's outline (shared.plan's definitions keep it whole)
    judges = (tmp_path / "judges").read_text(encoding="utf-8").split()
    assert len(judges) == files + 1 and len(set(judges)) == 2  # a worker and this process, each a share, once each


SHARE = """
import json, os, sys
from dsl.language.cache import share_out
total, per_task = int(sys.argv[1]), int(sys.argv[2])
here, taken = [], []
def in_worker(task):
    return [(n, n * n, os.getpid()) for n in range(*task)]
def take(answer):
    taken.extend(answer)
share_out(total, 1, in_worker, lambda n: here.append((n, n * n, os.getpid())), take, per_task=per_task)
print(json.dumps({"here": here, "taken": taken, "me": os.getpid()}))
"""


def test_work_is_shared_out_once_each_between_a_worker_and_the_process_itself() -> None:
    """`cache.share_out`, which the site's workers and the loader's checks both use: every item is done exactly once,
    by a worker (its answer taken here) or by this process between answers, and both do a share."""
    for total, per_task in ((1, 1), (50, 1), (97, 8)):
        done = subprocess.run([sys.executable, "-c", SHARE, str(total), str(per_task)], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert done.returncode == 0, done.stderr
        answer = json.loads(done.stdout)
        items = answer["here"] + answer["taken"]
        assert sorted(n for n, _, _ in items) == list(range(total))
        assert all(square == n * n for n, square, _ in items)
        assert {pid for _, _, pid in answer["here"]} <= {answer["me"]}
        assert answer["me"] not in {pid for _, _, pid in answer["taken"]}
        if total > 10:
            assert answer["here"] and answer["taken"]  # both did a share
