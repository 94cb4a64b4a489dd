"""`serve`: build, serve the site on localhost, and rebuild when a plan, template or catalog changes."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from dsl.language.cache import BuildCache
from dsl.language.diagnostics import missing_translations, print_diagnostics
from dsl.language.loader import load_project
from dsl.language.model import Project
from dsl.language.parser import prepare as prepare_parser
from dsl.language.settings import SETTINGS_FILE, load_settings
from dsl.rules.export import default_years, preload_holidays
from dsl.site.publish import publish, remove_in_background
from dsl.site.render import LOCALES, TEMPLATES

POLL_SECONDS = 0.1
"""How often the watched files' modification times are compared when file-system events are not available."""

COMPARE_SECONDS = 1.0
"""How often the modification times are compared even without an event: this sees a path created after the start
(a new tierwise.toml, which no watch can cover before it exists) and an event the operating system dropped."""

WATCH_STEP_MS = 15
"""After an event, the watch waits until this long has passed without another before waking (a save is several)."""

WATCH_DEBOUNCE_MS = 100
"""The longest a stream of events (a checkout of many plans) is gathered before the watch wakes all the same."""


def _roots(paths: Iterable[Path]) -> list[str]:
    """The watched paths: the given plan sources and project files, the packaged templates and catalogs."""
    return list(dict.fromkeys(os.fspath(root) for root in [*paths, TEMPLATES, LOCALES]))


def _watched(paths: Iterable[Path]) -> dict[str, float]:
    """Modification times of the plan files, templates and catalogs a build reads."""
    found: dict[str, float] = {}
    for root in _roots(paths):
        _add_times(root, found)
    return found


def _add_times(path: str, found: dict[str, float]) -> None:
    """The modification time of the file `path`, or of every file below the folder `path`.

    A link to a file is followed; a link to a folder is not descended into (as `Path.rglob` does), so a
    link back up the tree cannot make the walk endless.
    """
    try:
        status = os.stat(path)
    except OSError:
        return
    if stat.S_ISREG(status.st_mode):
        found[path] = status.st_mtime
        return
    if not stat.S_ISDIR(status.st_mode):
        return
    try:
        with os.scandir(path) as entries:
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        _add_times(entry.path, found)
                    elif entry.is_file():
                        found[entry.path] = entry.stat().st_mtime
                except OSError:
                    pass
    except OSError:
        pass


def _identity(roots: Sequence[str]) -> list[tuple[int, int] | None]:
    """Which file or folder each watched path names now (None: nothing there)."""
    found: list[tuple[int, int] | None] = []
    for root in roots:
        try:
            status = os.stat(root)
        except OSError:
            found.append(None)
        else:
            found.append((status.st_dev, status.st_ino))
    return found


def _wakeups(paths: Sequence[Path], stop: threading.Event, every: float = COMPARE_SECONDS) -> Iterator[None]:
    """Yield whenever the files below `paths` may have changed, until `stop` is set.

    A file-system event on a watched path wakes it, and so does every `every` seconds without one. Where events
    are not available (watchfiles missing, the watch cannot start), it says so once and wakes every POLL_SECONDS.
    A wake is only a hint: the caller compares modification times to decide whether anything changed.
    """
    try:
        import watchfiles
    except ImportError as exc:
        yield from _polling(stop, f"cannot load watchfiles ({exc})")
        return
    roots = _roots(paths)
    while not stop.is_set():
        identity = _identity(roots)
        # Only the watched paths themselves, never the project root: the build writes _site and the cache there.
        # No filter: the comparison decides, and the default filter drops every event below a folder named like
        # .venv (where an installed tool's own templates and catalogs are), node_modules or .git, and names like `x~`.
        try:
            events = watchfiles.watch(
                *[root for root, seen in zip(roots, identity, strict=True) if seen is not None],
                watch_filter=None, step=WATCH_STEP_MS, debounce=WATCH_DEBOUNCE_MS,
                rust_timeout=max(1, round(every * 1000)), yield_on_timeout=True, stop_event=stop,
            )
            with contextlib.closing(events):
                for _ in events:
                    yield
                    if _identity(roots) != identity:
                        break  # a watched path was created, removed or replaced: watch anew
                else:
                    return  # the watch ends only when `stop` is set
        except Exception as exc:  # e.g. the operating system's limit on watches; Ctrl+C is not an Exception
            yield from _polling(stop, f"cannot watch for file-system events ({type(exc).__name__}: {exc})")
            return


def _polling(stop: threading.Event, reason: str) -> Iterator[None]:
    """Say once why events are not used, then yield every POLL_SECONDS until `stop` is set."""
    print(f"note: {reason}; looking for changes every {POLL_SECONDS:g} s instead", file=sys.stderr)
    while not stop.wait(POLL_SECONDS):
        yield


def _rebuild_on_change(paths: Sequence[Path], rebuild: Callable[[], object], stop: threading.Event) -> None:
    """Call `rebuild` after each change to the files below `paths` (and the packaged templates), until `stop` is set."""
    seen = _watched(paths)
    for _ in _wakeups(paths, stop):
        now = _watched(paths)
        if now != seen:
            seen = now
            print("change seen; rebuilding ...", file=sys.stderr)
            rebuild()


HOST = "127.0.0.1"
"""`serve` listens on this computer only: it is a development server, not a web server for the public."""

LISTEN_BACKLOG = 512
"""Connections the kernel queues before `serve` accepts them (the standard library's default is 5)."""

CONNECTION_TIMEOUT = 20.0
"""Seconds a connection may stay silent before it is closed, so idle clients do not hold a thread each."""

_TEXT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built folder: no log line per request, no listings, no version banner, nosniff, 400 for bad URLs."""

    timeout = CONNECTION_TIMEOUT
    server_version = "Tierwise"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **_TEXT_TYPES}

    def version_string(self) -> str:
        """The Server header: the product alone, no Python version."""
        return self.server_version

    def end_headers(self) -> None:
        """Every answer forbids MIME sniffing."""
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def list_directory(self, path: Any) -> None:
        """A folder without index.html is not listed: 404, as a static host would answer."""
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")

    def send_head(self) -> Any:
        """Like the standard handler, but a URL the file system cannot take (NUL, bad bytes) is a 400."""
        try:
            return super().send_head()
        except ValueError:  # e.g. %00: "embedded null byte"; an undecodable name
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request path")
            return None

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing: the terminal is for build errors."""


class SiteServer(ThreadingHTTPServer):
    """A threading server with a real listen backlog, whose threads never keep the process alive."""

    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up or times out is not an error worth a traceback in the terminal."""


def make_server(out: Path, port: int, host: str = HOST) -> SiteServer:
    """A server for the site in `out` on host:port (port 0: any free port); raises OSError when it cannot listen."""
    handler = functools.partial(SiteHandler, directory=str(out.absolute()))
    return SiteServer((host, port), handler)


def _build(
    sources: list[Path],
    out: Path,
    years: tuple[int, int] | None,
    root: Path | None = None,
    cache: BuildCache | None = None,
    context: Sequence[Path] = (),
    then: Callable[[Project], None] | None = None,
) -> int:
    """Load the project's settings (read again each time: an edit to tierwise.toml is a change), check and publish once
    (`years` None: the plans' horizon); the exit code. With a cache, only what a change touches is parsed and rendered.
    `then` is called with the project after a build that published it."""
    try:
        settings, problems, texts = load_settings(root)
        result = load_project(sources, context, cache=cache, settings=settings)
        result.diagnostics[:0] = problems
        result.sources.update(texts)
        errors = print_diagnostics(result.diagnostics, result.sources, sys.stderr, strict=False)
        if errors or result.project is None:
            print(f"{errors} error(s); still serving the last good site.", file=sys.stderr)
            return 1
        # The replaced version is removed in the background: the new site is in place before that.
        code = publish(
            result.project, out, years or default_years(result.project), cache=cache, vendor_keys=result.vendor_keys,
            remove=remove_in_background, settings=settings, reported=missing_translations(result.diagnostics),
        )
        if code == 0 and then is not None:
            then(result.project)
        return code
    except Exception as exc:  # whatever a plan holds, the server keeps running with the last good site
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"{frame.filename}:{frame.lineno}: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("the build failed; still serving the last good site.", file=sys.stderr)
        return 1


def _warm_up(project: Project) -> None:
    """Load what a first build from the cache did not need but the first edit will: the parser, the holiday tables."""
    prepare_parser()
    preload_holidays(project)


def serve(
    sources: list[Path],
    out: Path,
    port: int,
    years: tuple[int, int] | None = None,
    root: Path | None = None,
    cache: BuildCache | None = None,
    context: Sequence[Path] = (),
) -> int:
    """Build, serve the site on 127.0.0.1:port (this computer only) and rebuild whenever a plan, template or catalog changes.

    `root` is the project root: its tierwise.toml, locales/ and template folder are watched too. With the
    project's build cache, held in memory too, a rebuild parses and renders only what changed.
    """
    watched = list(sources)
    if root is not None:  # the settings file and the project's own catalogs and templates, when there are any
        templates = load_settings(root)[0].templates
        watched += [root / SETTINGS_FILE, root / "locales", *([templates] if templates is not None else [])]
    if cache is not None and cache.memory is None:
        cache = BuildCache(cache.folder, keep_in_memory=True)
    _build(sources, out, years, root, cache, context, then=_warm_up)
    if not out.is_dir():
        print(f"{out}: error: nothing to serve; fix the errors above and run again.", file=sys.stderr)
        return 1
    try:
        server = make_server(out, port)
    except OSError as exc:
        print(f"{HOST}:{port}: error: cannot listen: {exc.strerror or exc}", file=sys.stderr)
        return 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]  # the port chosen, when 0 asked for any free one
    print(f"serving http://{HOST}:{port}/ to this computer only: a development server (Ctrl+C stops)", file=sys.stderr)
    try:
        _rebuild_on_change(watched, lambda: _build(sources, out, years, root, cache, context), threading.Event())
    except KeyboardInterrupt:  # Ctrl+C, from the wait for an event or from a rebuild
        pass
    finally:
        server.shutdown()
        server.server_close()
    return 0
