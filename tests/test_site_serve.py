"""`python build.py serve`: serves on localhost, rebuilds on change, keeps the last good site on error."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from support.paths import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture()
def plans(tmp_path) -> Path:
    folder = tmp_path / "plans"
    folder.mkdir()
    for name in ("shared.plan", "stratiteq.plan"):
        shutil.copy(ROOT / "plans" / name, folder / name)
    return folder


def test_serve_rebuilds_on_change_and_keeps_the_last_good_site(plans, tmp_path) -> None:
    port = free_port()
    out = tmp_path / "_site"
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "serve", "--out", str(out), "--port", str(port), str(plans)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        page = f"http://127.0.0.1:{port}/en/stratiteq/index.html"
        assert "<h1>Stratiteq</h1>" in wait_for(lambda: fetch(page))
        plan = plans / "stratiteq.plan"
        source = plan.read_text(encoding="utf-8")
        assert 'name "Stratiteq"' in source
        time.sleep(1.1)  # a new modification time even on coarse file systems
        plan.write_text(source.replace('name "Stratiteq"', 'name "Stratiteq Renamed"', 1), encoding="utf-8")
        wait_for(lambda: "<h1>Stratiteq Renamed</h1>" in fetch(page))
        time.sleep(1.1)
        plan.write_text(source.replace("vendor stratiteq {", "vendor stratiteq {{", 1), encoding="utf-8")
        time.sleep(3)
        assert "<h1>Stratiteq Renamed</h1>" in fetch(page)  # the broken edit did not take the site down
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert "stratiteq.plan:" in err and "error" in err
    assert "Traceback" not in err
