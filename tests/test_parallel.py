"""A build in worker processes writes the serial build's site byte for byte, with the same warnings."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest

from dsl.language.cache import BuildCache
from dsl.language.loader import load_project
from dsl.site import parallel
from dsl.site.publish import publish
from support.paths import PLANS

YEARS = (2026, 2027)


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build(out: Path, jobs: int, monkeypatch: pytest.MonkeyPatch, cache: BuildCache | None = None) -> tuple[str, int]:
    monkeypatch.setenv("TIERWISE_JOBS", str(jobs))
    result = load_project([PLANS], cache=cache)
    assert result.project is not None
    calls: list[int] = []
    real = parallel.prepare

    def counting(*args, **kwargs) -> int:  # type: ignore[no-untyped-def]
        done = real(*args, **kwargs)
        calls.append(done)
        return done

    monkeypatch.setattr(parallel, "prepare", counting)
    err = StringIO()
    code = publish(result.project, out, YEARS, stderr=err, cache=cache, vendor_keys=result.vendor_keys)
    assert code == 0, err.getvalue()
    return "\n".join(line for line in err.getvalue().splitlines() if not line.startswith("built ")), sum(calls)


def test_two_processes_build_the_serial_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial_err, serial_done = _build(tmp_path / "serial" / "_site", 1, monkeypatch)
    parallel_err, parallel_done = _build(tmp_path / "parallel" / "_site", 2, monkeypatch)
    assert serial_done == 0 and parallel_done == 5  # the five vendors really went to the workers
    assert tree(tmp_path / "parallel" / "_site") == tree(tmp_path / "serial" / "_site")
    assert parallel_err == serial_err


def test_workers_fill_the_cache_a_serial_rebuild_then_uses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = BuildCache(tmp_path / ".tierwise-cache")
    _build(tmp_path / "first" / "_site", 2, monkeypatch, cache)
    _, done = _build(tmp_path / "second" / "_site", 2, monkeypatch, cache)
    assert done == 0  # everything came from the cache the workers filled
    assert tree(tmp_path / "second" / "_site") == tree(tmp_path / "first" / "_site")


def test_plan_files_parsed_in_workers_load_as_parsed_serially(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    text = (PLANS / "stratiteq.plan").read_text(encoding="utf-8")
    assert "vendor stratiteq {" in text
    for n in range(10):
        (plans / f"s{n}.plan").write_text(text.replace("vendor stratiteq {", f"vendor s{n} {{", 1), encoding="utf-8")
    (plans / "shared.plan").write_text((PLANS / "shared.plan").read_text(encoding="utf-8"), encoding="utf-8")
    (plans / "broken.plan").write_text("vendor broken {\n  name\n}\n", encoding="utf-8")
    monkeypatch.setenv("TIERWISE_JOBS", "2")
    serial = load_project([plans])
    cache = BuildCache(tmp_path / ".tierwise-cache")
    ahead = load_project([plans], cache=cache)
    assert len(list((tmp_path / ".tierwise-cache" / "parse").rglob("*"))) >= 12  # the workers filled the cache
    assert ahead.sources == serial.sources
    assert sorted(map(repr, ahead.diagnostics)) == sorted(map(repr, serial.diagnostics))
    assert any(d.pos.file.endswith("broken.plan") for d in ahead.errors)
