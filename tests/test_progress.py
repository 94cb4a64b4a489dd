"""Progress of a build: a line rewritten in place on a terminal, nothing on a pipe or with --quiet, one summary line."""

from __future__ import annotations

import os
import pty
import re
import select
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

from dsl.language import progress as progress_module
from dsl.language.progress import Progress
from support.paths import PLANS, ROOT

SUMMARY = re.compile(
    r"^built \d+ pages into .+: \d+ vendor\(s\) in [\d.]+ s; pages rendered \d+, from the cache \d+; files written \d+, unchanged \d+$"
)


def _project(tmp_path: Path) -> Path:
    shutil.copytree(PLANS, tmp_path / "plans")
    return tmp_path


def _command(root: Path, *options: str) -> list[str]:
    return [sys.executable, str(ROOT / "build.py"), "--project", str(root), "build", *options]


def _env() -> dict[str, str]:
    # A cold build (no cache) takes long enough on any machine for the progress line to appear.
    return {**os.environ, "TIERWISE_CACHE": "off", "TIERWISE_BASE_URL": "https://support.example/"}


def test_on_a_terminal_the_build_shows_progress_then_one_summary(tmp_path: Path) -> None:
    root = _project(tmp_path)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(_command(root), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower, env=_env())
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 120)
        if not ready:
            break
        try:
            data = os.read(leader, 65536)
        except OSError:  # the other end closed: the build is over
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    assert proc.wait(timeout=120) == 0
    shown = b"".join(chunks).decode("utf-8")
    assert "\r\x1b[K" in shown
    pages = 4 * len(re.findall(r"^vendor ", "".join(f.read_text(encoding="utf-8") for f in PLANS.glob("*.plan")), re.M))
    assert re.search(rf"vendor pages: \d+/{pages} \(\d+%\)", shown), shown  # each vendor's page in each of the four languages
    lines = [line.split("\r\x1b[K")[-1] for line in shown.replace("\r\n", "\n").split("\n") if line.strip()]
    # The progress line is cleared before the summary: the summary stands on a line of its own.
    assert SUMMARY.match(lines[-1]), lines[-1]
    assert f"{pages // 4} vendor(s)" in lines[-1] and f"pages rendered {pages}" in lines[-1]


def test_on_a_pipe_only_the_summary_and_with_quiet_nothing(tmp_path: Path) -> None:
    root = _project(tmp_path)
    piped = subprocess.run(_command(root), capture_output=True, text=True, env=_env(), timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert "\r" not in piped.stderr and "\x1b" not in piped.stderr
    assert [line for line in piped.stderr.splitlines() if SUMMARY.match(line)]
    quiet = subprocess.run(_command(root, "--quiet"), capture_output=True, text=True, env=_env(), timeout=120)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""


class _Terminal(StringIO):
    def isatty(self) -> bool:
        return True


def test_the_line_waits_a_moment_and_estimates_what_is_left(monkeypatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: clock[0])
    stream = _Terminal()
    line = Progress(stream)
    line.step("vendor pages", 1, 10)
    assert stream.getvalue() == ""  # a build that ends within a moment shows nothing
    clock[0] += 1.0
    line.step("vendor pages", 2, 10)  # 1 s for 2 pages: 8 more take about 4 s
    assert stream.getvalue().endswith("vendor pages: 2/10 (20%), about 4 s left")
    line.clear()
    assert stream.getvalue().endswith("\r\x1b[K")
    silent = StringIO()
    Progress(silent).step("vendor pages", 2, 10)
    assert silent.getvalue() == ""
