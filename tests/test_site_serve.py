"""`python build.py serve`: serves on localhost, rebuilds on change, keeps the last good site on error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.paths import PLANS
from support.serving import fetch, serve_process, wait_for, write_newer

pytestmark = pytest.mark.slow


@pytest.fixture()
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("shared.plan", "stratiteq.plan"):
        shutil.copy(PLANS / name, folder / name)
    return folder


def test_serve_rebuilds_on_change_and_keeps_the_last_good_site(plans: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with serve_process(plans, tmp_path / "_site", log, tmp_path) as (port, _server):
        page = f"http://127.0.0.1:{port}/en/stratiteq/index.html"
        assert "<h1>Stratiteq</h1>" in wait_for(lambda: fetch(page))
        plan = plans / "stratiteq.plan"
        source = plan.read_text(encoding="utf-8")
        assert 'name "Stratiteq"' in source
        write_newer(plan, source.replace('name "Stratiteq"', 'name "Stratiteq Renamed"', 1))
        wait_for(lambda: "<h1>Stratiteq Renamed</h1>" in fetch(page))
        write_newer(plan, source.replace("vendor stratiteq {", "vendor stratiteq {{", 1))
        # The server says when a rebuild failed; until then there is nothing to check.
        wait_for(lambda: "still serving the last good site" in log.read_text(encoding="utf-8"))
        assert "<h1>Stratiteq Renamed</h1>" in fetch(page)  # the broken edit did not take the site down
    err = log.read_text(encoding="utf-8")
    assert "stratiteq.plan:" in err and "error" in err
    assert "Traceback" not in err


def test_the_watch_sees_a_changed_nested_or_new_file_and_nothing_else(tmp_path: Path) -> None:
    from dsl.site.serve import _watched

    (tmp_path / "plans" / "more").mkdir(parents=True)
    plan = tmp_path / "plans" / "more" / "a.plan"
    plan.write_text("x", encoding="utf-8")
    single = tmp_path / "b.plan"
    single.write_text("y", encoding="utf-8")
    before = _watched([tmp_path / "plans", single, tmp_path / "missing"])
    assert str(plan) in before and str(single) in before
    assert _watched([tmp_path / "plans", single]) == before  # nothing changed: nothing seen
    write_newer(plan, "x2")
    assert _watched([tmp_path / "plans", single]) != before
    after = _watched([tmp_path / "plans", single])
    (tmp_path / "plans" / "c.plan").write_text("z", encoding="utf-8")
    assert str(tmp_path / "plans" / "c.plan") in _watched([tmp_path / "plans", single]).keys() - after.keys()
    (tmp_path / "plans" / "more" / "loop").symlink_to(tmp_path / "plans")  # a link back up the tree
    assert _watched([tmp_path / "plans", single]).keys() - after.keys() == {str(tmp_path / "plans" / "c.plan")}


def test_serve_imports_the_holiday_tables_before_the_first_edit(tmp_path: Path) -> None:
    """A load whose checks come from the cache needs no holiday table; serve loads them after its first build,
    so that the first edit does not pay for the imports."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from dsl.language.cache import BuildCache\n"
        "from dsl.language.loader import load_project\n"
        "from dsl.rules.export import preload_holidays\n"
        f"project = load_project([Path({str(PLANS)!r})], cache=BuildCache(Path({str(tmp_path / 'cache')!r}))).project\n"
        "if sys.argv[1] == 'warm':\n"
        "    assert 'holidays.countries.sweden' not in sys.modules\n"
        "    preload_holidays(project)\n"
        "    assert 'holidays.countries.sweden' in sys.modules\n"
    )
    for run in ("cold", "warm"):  # the first run fills the cache, the second loads from it
        done = subprocess.run([sys.executable, "-c", script, run], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
