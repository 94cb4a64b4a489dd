"""`python build.py serve`: serves on localhost, rebuilds on change, keeps the last good site on error."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from support.paths import BUILD_PY, PLANS

T = TypeVar("T")

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def wait_for(predicate: Callable[[], T], seconds: float = 30.0) -> T:
    """Poll `predicate` until it returns something true (OSError counts as not yet), or fail at the deadline."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s")
        time.sleep(0.05)


def write_newer(path: Path, text: str) -> None:
    """Write `text` and move the file's modification time clearly past its previous one.

    The server notices a change by the file's mtime; setting it explicitly works on file systems with
    coarse timestamps too, without waiting for the clock to tick over.
    """
    before = path.stat().st_mtime
    path.write_text(text, encoding="utf-8")
    later = max(before, path.stat().st_mtime) + 10
    os.utime(path, (later, later))


@pytest.fixture()
def plans(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("shared.plan", "stratiteq.plan"):
        shutil.copy(PLANS / name, folder / name)
    return folder


def test_serve_rebuilds_on_change_and_keeps_the_last_good_site(plans: Path, tmp_path: Path) -> None:
    port = free_port()
    out = tmp_path / "_site"
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as sink:
        server = subprocess.Popen(
            [sys.executable, str(BUILD_PY), "serve", "--out", str(out), "--port", str(port), str(plans)],
            cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=sink, text=True,
        )
    try:
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
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    err = log.read_text(encoding="utf-8")
    assert "stratiteq.plan:" in err and "error" in err
    assert "Traceback" not in err
