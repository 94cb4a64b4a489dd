"""`python build.py serve`: serves on localhost, rebuilds on change, keeps the last good site on error."""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import signal
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
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


def test_serve_sees_a_settings_file_created_after_it_started(plans: Path, tmp_path: Path) -> None:
    """No watch can cover a tierwise.toml that does not exist yet: the comparison once a second finds it."""
    log = tmp_path / "serve.log"
    settings = tmp_path / "tierwise.toml"  # the project root: the folder holding plans/
    assert not settings.exists()
    with serve_process(plans, tmp_path / "_site", log, tmp_path) as (port, _server):
        page = f"http://127.0.0.1:{port}/en/stratiteq/index.html"
        assert "Watched Directory" not in wait_for(lambda: fetch(page))
        settings.write_text('[site]\ntitle = "Watched Directory"\n', encoding="utf-8")
        wait_for(lambda: "Watched Directory" in fetch(page))
        write_newer(settings, '[site]\ntitle = "Watched Again"\n')  # the file is watched from now on
        wait_for(lambda: "Watched Again" in fetch(page))
    err = log.read_text(encoding="utf-8")
    assert "Traceback" not in err
    assert "looking for changes every" not in err  # file-system events worked: no fall-back to polling


def test_ctrl_c_stops_serve_with_exit_code_0(plans: Path, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with serve_process(plans, tmp_path / "_site", log, tmp_path) as (port, server):
        wait_for(lambda: fetch(f"http://127.0.0.1:{port}/en/index.html"))
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=20) == 0
    err = log.read_text(encoding="utf-8")
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


class Wakes:
    """`_wakeups` driven in a thread: the times it woke at, stopped by its event."""

    def __init__(self, paths: list[Path], every: float) -> None:
        from dsl.site.serve import _wakeups

        self.times: list[float] = []
        self.stop = threading.Event()

        def run() -> None:
            for _ in _wakeups(paths, self.stop, every):
                self.times.append(time.monotonic())

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        assert not self.thread.is_alive()  # the stop event ends the wait


def _write_until_woken(wakes: Wakes, write: Callable[[], None], seconds: float = 15.0) -> None:
    """Write until the watch wakes (the first write may come before the watch is in place), or fail at the deadline."""
    deadline = time.monotonic() + seconds
    while not wakes.times:
        assert time.monotonic() < deadline, "the watch did not wake after a write"
        write()
        time.sleep(0.3)


def test_the_watch_wakes_on_an_event_and_not_before(plans: Path) -> None:
    wakes = Wakes([plans], every=600)  # no wake from the once-a-while comparison during this test
    try:
        time.sleep(1.0)
        assert wakes.times == []  # nothing changed: no wake (polling would have woken ten times)
        plan = plans / "stratiteq.plan"
        source = plan.read_text(encoding="utf-8")
        _write_until_woken(wakes, lambda: plan.write_text(source + "\n", encoding="utf-8"))
    finally:
        wakes.close()


def test_a_watched_file_replaced_by_a_rename_is_still_watched(plans: Path) -> None:
    """Editors often save by writing a new file and renaming it over the old one, whose watch then ends."""
    plan = plans / "stratiteq.plan"
    source = plan.read_text(encoding="utf-8")
    wakes = Wakes([plan], every=600)
    try:
        time.sleep(0.5)

        def save_by_rename() -> None:
            spare = plans / ".stratiteq.plan.new"
            spare.write_text(source, encoding="utf-8")
            os.replace(spare, plan)

        _write_until_woken(wakes, save_by_rename)
        time.sleep(0.5)  # let the watch start anew on the new file
        wakes.times.clear()
        _write_until_woken(wakes, lambda: plan.write_text(source + "\n", encoding="utf-8"))  # the new file, in place
    finally:
        wakes.close()


def test_without_an_event_the_watch_still_wakes_to_compare(plans: Path) -> None:
    """What no event reports (a path created later, an event the system dropped) is found by the comparison."""
    wakes = Wakes([plans], every=0.2)
    try:
        wait_for(lambda: len(wakes.times) >= 3, seconds=15)  # nothing changes in the meantime
    finally:
        wakes.close()


def _rebuilds_after_a_change(plans: Path) -> None:
    """`_rebuild_on_change` on `plans` in a thread: no rebuild for events that change nothing, a rebuild after an edit."""
    from dsl.site.serve import _rebuild_on_change

    rebuilds: list[float] = []
    stop = threading.Event()
    thread = threading.Thread(target=_rebuild_on_change, args=([plans], lambda: rebuilds.append(time.monotonic()), stop), daemon=True)
    thread.start()
    try:
        plan = plans / "stratiteq.plan"
        time.sleep(0.5)
        times = plan.stat()
        os.utime(plan, ns=(times.st_atime_ns, times.st_mtime_ns))  # events that change no modification time
        (plans / "empty").mkdir()
        time.sleep(0.5)
        assert rebuilds == []
        write_newer(plan, plan.read_text(encoding="utf-8") + "\n")
        wait_for(lambda: rebuilds, seconds=15)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_without_watchfiles_serve_polls(plans: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "watchfiles", None)  # `import watchfiles` raises ImportError
    _rebuilds_after_a_change(plans)
    err = capsys.readouterr().err
    assert err.count("looking for changes every 0.1 s instead") == 1 and "watchfiles" in err


def test_a_watch_that_cannot_start_falls_back_to_polling(
    plans: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import watchfiles

    def no_watch(*paths: object, **options: object) -> Iterator[set[tuple[int, str]]]:
        raise OSError(errno.ENOSPC, "OS file watch limit reached")
        yield set()  # a generator, as watchfiles.watch is: the error comes on the first wait

    monkeypatch.setattr(watchfiles, "watch", no_watch)
    _rebuilds_after_a_change(plans)
    err = capsys.readouterr().err
    assert "cannot watch for file-system events (OSError: [Errno 28] OS file watch limit reached)" in err
    assert err.count("looking for changes every 0.1 s instead") == 1


def test_serve_watches_with_events_by_default(plans: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _rebuilds_after_a_change(plans)
    assert "looking for changes" not in capsys.readouterr().err


# --- live reload: pages learn of builds ------------------------------------------------------------


def _generation(page_text: str) -> int:
    """The build number the live-reload script of a served page was given."""
    match = re.search(r'<script src="/__tierwise/live\.js" data-generation="(\d+)"></script>\n</body>', page_text)
    assert match, "no live-reload script before </body>"
    return int(match.group(1))


def _wait(port: int, since: int, first: bool = False) -> dict[str, object]:
    url = f"http://127.0.0.1:{port}/__tierwise/wait?since={since}" + ("&first=1" if first else "")
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.headers["Cache-Control"] == "no-store"
        answer: dict[str, object] = json.loads(response.read())
        return answer


def test_served_pages_carry_the_live_script_and_the_published_files_do_not(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "_site"
    with serve_process(plans, out, tmp_path / "serve.log", tmp_path) as (port, _server):
        origin = f"http://127.0.0.1:{port}"
        served = wait_for(lambda: fetch(f"{origin}/en/stratiteq/"))
        assert served.count("/__tierwise/live.js") == 1
        assert _generation(served) == 1  # the first build
        on_disk = (out / "en" / "stratiteq" / "index.html").read_text(encoding="utf-8")
        assert "__tierwise" not in on_disk  # the published site is the build's bytes
        assert served.replace('<script src="/__tierwise/live.js" data-generation="1"></script>\n', "") == on_disk
        # A fragment for another site's page is no page: served as it is.
        assert fetch(f"{origin}/en/stratiteq/embed.html") == (out / "en" / "stratiteq" / "embed.html").read_text(encoding="utf-8")
        with urllib.request.urlopen(f"{origin}/__tierwise/live.js", timeout=5) as response:
            assert response.headers["Content-Type"].startswith("text/javascript")
            assert b"location.reload()" in response.read()


def test_the_wait_answers_when_a_build_finishes_with_its_errors_or_none(plans: Path, tmp_path: Path) -> None:
    with serve_process(plans, tmp_path / "_site", tmp_path / "serve.log", tmp_path) as (port, _server):
        page = f"http://127.0.0.1:{port}/en/stratiteq/index.html"
        generation = _generation(wait_for(lambda: fetch(page)))
        plan = plans / "stratiteq.plan"
        source = plan.read_text(encoding="utf-8")
        answers: list[dict[str, object]] = []
        asking = threading.Thread(target=lambda: answers.append(_wait(port, generation)))
        asking.start()
        time.sleep(0.5)
        assert not answers  # nothing new yet: the question is held
        write_newer(plan, source.replace("vendor stratiteq {", "vendor stratiteq {{", 1))
        asking.join(timeout=30)
        [broken] = answers
        assert broken["generation"] == generation + 1
        error = str(broken["error"])
        assert "stratiteq.plan:12:19: error[T0101]" in error and "^" in error  # located, with the caret
        # A page served while the build is broken asks first, and hears of the errors at once.
        assert _generation(fetch(page)) == generation + 1
        assert _wait(port, generation + 1, first=True)["error"] == error
        write_newer(plan, source)
        fixed = _wait(port, generation + 1)
        assert fixed == {"generation": generation + 2, "error": None}


def test_a_held_question_is_answered_nothing_new_after_its_time() -> None:
    from dsl.site.serve import Live

    live = Live()
    live.finished(None)
    started = time.monotonic()
    assert live.wait(1, seconds=0.2) == (1, None)
    assert time.monotonic() - started >= 0.2
    assert live.wait(0, seconds=5) == (1, None)  # a page of an earlier build: at once
    live.finished("x.plan:1:1: error")
    assert live.wait(2, first=True, seconds=5) == (2, "x.plan:1:1: error")


def test_a_publish_that_fails_tells_the_pages_what_it_printed(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dsl.site import serve

    def failing(*args: object, stderr: object, **kwargs: object) -> int:
        print("templates/vendor.html:3: error: unexpected end of template", file=stderr)  # type: ignore[arg-type]
        return 1

    monkeypatch.setattr(serve, "publish", failing)
    live = serve.Live()
    assert serve._build([plans], tmp_path / "_site", None, live=live) == 1
    assert live.generation == 1
    assert live.error == "templates/vendor.html:3: error: unexpected end of template"
