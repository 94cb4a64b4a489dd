"""A stop (SIGINT, SIGTERM) that comes while a build switches its version in acts only once the cache's
manifest names that version (dsl/site/publish.py, `signals_held`): else the next build reads every
published file back.

A real `serve` stopped by polling for its new version does not hit the window between the switch and
the manifest reliably (a few milliseconds), so the stop is sent from inside it, in the build's process."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path
from types import FrameType

import pytest

from dsl.language.cache import BuildCache, key_of
from dsl.language.loader import load_project
from dsl.site.incremental import MANIFEST_KIND, Reuse
from dsl.site.publish import publish, signals_held
from support.paths import PLANS, ROOT


@pytest.fixture(autouse=True)
def ctrl_c_interrupts():
    """SIGINT as an interactive Python has it: a shell that starts a job in the background (as CI's runner is) leaves
    its children with SIGINT ignored, and these tests are about what a Ctrl+C does."""
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, before)


def test_a_sigint_in_the_block_reaches_its_handler_after_the_block() -> None:
    events: list[str] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        events.append(f"handler {signal.Signals(signum).name}")

    before = signal.signal(signal.SIGINT, handler)
    try:
        with signals_held():
            os.kill(os.getpid(), signal.SIGINT)
            events.append("end of block")
        events.append("after")
        assert signal.getsignal(signal.SIGINT) is handler  # the handler before is back
    finally:
        signal.signal(signal.SIGINT, before)
    assert events == ["end of block", "handler SIGINT", "after"], events


@pytest.fixture()
def sigterm_recorded() -> list[int]:
    """SIGTERM handled by recording it, for the test's length."""
    got: list[int] = []
    before = signal.signal(signal.SIGTERM, lambda signum, frame: got.append(signum))
    yield got
    signal.signal(signal.SIGTERM, before)


def test_ctrl_c_in_the_block_raises_keyboardinterrupt_after_it_once(sigterm_recorded: list[int]) -> None:
    finished = []
    with pytest.raises(KeyboardInterrupt):
        with signals_held():
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)  # pressed twice: one interrupt
            os.kill(os.getpid(), signal.SIGTERM)
            finished.append(True)
    assert finished == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    assert sigterm_recorded == [signal.SIGTERM]  # its turn too, before the interrupt is raised


def test_a_sigterm_alone_reaches_its_handler_after_the_block(sigterm_recorded: list[int]) -> None:
    with signals_held():
        os.kill(os.getpid(), signal.SIGTERM)
        assert sigterm_recorded == []
    assert sigterm_recorded == [signal.SIGTERM]


def test_outside_the_main_thread_the_block_just_runs() -> None:
    seen: list[object] = []

    def run() -> None:
        with signals_held():
            seen.append(signal.getsignal(signal.SIGINT))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [signal.default_int_handler]


def test_a_sigterm_with_its_default_action_ends_the_process_after_the_block() -> None:
    code = (
        "import os, signal, sys\n"
        "from dsl.site.publish import signals_held\n"
        "with signals_held():\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    print('block done', flush=True)\n"
        "print('not reached', flush=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == -signal.SIGTERM and done.stdout == "block done\n", (done.returncode, done.stdout, done.stderr)


def test_ctrl_c_at_the_switch_stops_the_build_only_once_the_manifest_names_the_new_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stop lands in the window (sent as the manifest is about to be written): it acts after it is written."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("shared.plan", "stratiteq.plan"):
        (plans / name).write_bytes((PLANS / name).read_bytes())
    out = tmp_path / "_site"

    def build() -> int:
        cache = BuildCache(tmp_path / ".tierwise-cache")
        result = load_project([plans], cache=cache)
        assert result.project is not None
        return publish(result.project, out, (2026, 2027), stderr=io.StringIO(), cache=cache, vendor_keys=result.vendor_keys, quiet=True)

    assert build() == 0
    first = os.readlink(out)
    plan = plans / "stratiteq.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq"', 'name "Stratiteq Renamed"', 1), encoding="utf-8")
    remember = Reuse.remember
    remembered: list[str] = []

    def interrupted(self: Reuse, version: Path) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl+C just after the switch, before the manifest
        remember(self, version)
        remembered.append(version.name)

    monkeypatch.setattr(Reuse, "remember", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build()
    published = os.readlink(out)
    assert published != first and remembered == [published]
    kept = BuildCache(tmp_path / ".tierwise-cache").get(MANIFEST_KIND, key_of(str(out.absolute().parent)))
    assert isinstance(kept, tuple) and kept[0] == published
    assert "en/stratiteq/index.html" in kept[1]
