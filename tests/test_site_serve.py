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
