"""Running `tierwise serve` in tests: a free port, polling with a deadline, newer file times, the process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from support.paths import BUILD_PY

T = TypeVar("T")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str) -> str:
    """The body of a page, as text."""
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


FIRST_BUILD_SECONDS = 300.0
"""How long serve's first build may take before it listens: a cold one (no user cache) on a loaded machine."""


def _wait_until_serving(server: subprocess.Popen[str], log: Path) -> None:
    """Return once serve says it listens, so that the tests' own deadlines start from there, not from a first build
    that a busy machine may make last longer than they are; fail at once, with its log, if serve ended."""
    deadline = time.monotonic() + FIRST_BUILD_SECONDS
    while "serving http://" not in log.read_text(encoding="utf-8"):
        if server.poll() is not None:
            raise AssertionError(f"serve ended ({server.returncode}) before serving:\n{log.read_text(encoding='utf-8')}")
        if time.monotonic() > deadline:
            raise AssertionError(f"serve did not listen within {FIRST_BUILD_SECONDS:g} s:\n{log.read_text(encoding='utf-8')}")
        time.sleep(0.05)


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def serve_process(plans: Path, out: Path, log: Path, cwd: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """`build.py serve` of `plans` into `out` on a free port, its stderr in `log`; stopped on exit."""
    port = free_port()
    with open(log, "w", encoding="utf-8") as sink:
        server = subprocess.Popen(
            [sys.executable, str(BUILD_PY), "serve", "--out", str(out), "--port", str(port), str(plans)],
            cwd=cwd, stdout=subprocess.DEVNULL, stderr=sink, text=True,
            # A run started in the background (`.ci/run &`) ignores SIGINT, and so would serve, inheriting it:
            # the child gets the default back, as serve run from a terminal has it.
            preexec_fn=_interruptible,
        )
    try:
        _wait_until_serving(server, log)
        yield port, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
