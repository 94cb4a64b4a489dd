"""`serve`: build, serve the site on localhost, and rebuild when a plan, template or catalog changes."""

from __future__ import annotations

import contextlib
import functools
import io
import json
import os
import stat
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import parse_qs, urlsplit

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


# --- live reload ---------------------------------------------------------------------------------
# An author saves a plan and looks at the browser: the page should show the edit, or why there is none.
# Every page `serve` hands out (never the files on disk, which stay the build's bytes) gets one script,
# /__tierwise/live.js, which asks /__tierwise/wait whether a build finished since the page was served:
# after a good build the page reloads; after a failed one it shows the build's errors over the last
# good site, until the next good build reloads it. A long poll rather than a socket: plain HTTP, which
# the hardened server already answers, and a page whose server stopped just asks again each second.

LIVE_PATH = "/__tierwise/"
"""The folder of the live-reload script and its question; no page of a site can be there (no vendor id starts with "_")."""

WAIT_SECONDS = 15.0
"""How long /__tierwise/wait holds a question before answering "nothing new" (less than CONNECTION_TIMEOUT)."""

LIVE_SCRIPT = r"""// Tierwise serve: reload after a good build, show a failed build's errors (never in a published site).
(() => {
  const me = document.currentScript;
  let generation = Number(me.dataset.generation);
  let first = true;
  let box = null;
  const show = (text) => {
    if (box === null) {
      box = document.createElement("section");
      box.id = "tierwise-build-error";
      box.setAttribute("role", "alert");
      box.setAttribute("aria-label", "Build failed");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:60vh;overflow:auto;z-index:2147483647;" +
        "background:#fff;color:#1a1a1a;border-top:4px solid #b00020;padding:1rem 1rem 1.25rem;" +
        "font:15px/1.45 system-ui,sans-serif;box-shadow:0 -2px 12px rgba(0,0,0,.35)";
      const head = document.createElement("p");
      head.style.cssText = "margin:0 3.5rem .5rem 0;font-weight:700;color:#b00020";
      head.textContent = "The last build failed, so this is still the last good site. Fix the plan and save: the page reloads.";
      const pre = document.createElement("pre");
      pre.style.cssText = "margin:0;white-space:pre;overflow-x:auto;font:13px/1.45 ui-monospace,monospace";  // carets stay under their column
      const close = document.createElement("button");
      close.type = "button";
      close.textContent = "Close";
      close.style.cssText = "position:absolute;top:.5rem;right:.5rem;min-height:32px;min-width:44px;font:inherit";
      close.addEventListener("click", () => { box.hidden = true; });
      box.append(head, pre, close);
      document.body.append(box);
    }
    box.querySelector("pre").textContent = text;
    box.hidden = false;
  };
  const ask = async () => {
    for (;;) {
      try {
        const answer = await fetch(`/__tierwise/wait?since=${generation}${first ? "&first=1" : ""}`, { cache: "no-store" });
        if (!answer.ok) throw new Error(String(answer.status));
        const state = await answer.json();
        first = false;
        if (state.generation !== generation && state.error === null) {
          location.reload();
          return;
        }
        generation = state.generation;
        if (state.error !== null) show(state.error);
      } catch (_) {
        await new Promise((resolve) => setTimeout(resolve, 1000));  // serve stopped or restarting: ask again
      }
    }
  };
  ask();
})();
"""


class Live:
    """What the pages `serve` hands out learn about its builds: a number counting finished builds, and the errors of the
    last one when it failed."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.generation = 0
        self.error: str | None = None

    def finished(self, error: str | None) -> None:
        """A build finished: published (`error` None), or failed with `error`, the text its errors were reported in."""
        with self._changed:
            self.generation += 1
            self.error = error
            self._changed.notify_all()

    def wait(self, since: int, first: bool = False, seconds: float = WAIT_SECONDS) -> tuple[int, str | None]:
        """The state once a build after `since` has finished (or `seconds` passed); at once for a page's `first` question
        when the last build failed, so that a page served over a broken build shows why."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != since or (first and self.error is not None), timeout=seconds)
            return self.generation, self.error

    def tag(self) -> bytes:
        """The script element a served page gets before its </body>."""
        return f'<script src="{LIVE_PATH}live.js" data-generation="{self.generation}"></script>\n'.encode()


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built folder: no log line per request, no listings, no version banner, nosniff, 400 for bad URLs;
    with `live`, each page reloads itself after a build (see "live reload" above)."""

    timeout = CONNECTION_TIMEOUT
    server_version = "Tierwise"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **_TEXT_TYPES}

    def __init__(self, *args: Any, live: Live | None = None, **kwargs: Any) -> None:
        self.live = live  # before the base class's __init__, which handles the request
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        """The live-reload script and question, else the file."""
        if self.live is not None and self.path.startswith(LIVE_PATH):
            self._answer_live()
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        """The live-reload script's headers (a question is never held for a HEAD), else the file's."""
        if self.live is not None and self.path.startswith(LIVE_PATH):
            self._answer_live(head=True)
            return
        super().do_HEAD()

    def _answer_live(self, head: bool = False) -> None:
        assert self.live is not None
        parts = urlsplit(self.path)
        if parts.path == LIVE_PATH + "live.js":
            self._send_bytes(LIVE_SCRIPT.encode(), "text/javascript; charset=utf-8", head)
            return
        if parts.path == LIVE_PATH + "wait" and not head:
            query = parse_qs(parts.query)
            try:
                since = int(query.get("since", ["-1"])[0])
            except ValueError:
                since = -1
            generation, error = self.live.wait(since, first="first" in query)
            self._send_bytes(json.dumps({"generation": generation, "error": error}).encode(), "application/json")
            return
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")

    def _send_bytes(self, data: bytes, content_type: str, head: bool = False) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(data)

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
        """Like the standard handler, but a URL the file system cannot take (NUL, bad bytes) is a 400, and a page gets the
        live-reload script."""
        try:
            page = self._page_with_script() if self.live is not None else None
            if page is not None:
                return page
            return super().send_head()
        except ValueError:  # e.g. %00: "embedded null byte"; an undecodable name
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request path")
            return None

    def _page_with_script(self) -> io.BytesIO | None:
        """A whole HTML page (one with a </body>; not an embeddable fragment) with the live-reload script, sent
        uncached; None for anything else, which the standard handler serves as it is."""
        assert self.live is not None
        path = self.translate_path(self.path)
        if self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not path.endswith(".html"):
            return None
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None  # a folder without its slash, a missing page: as the standard handler answers them
        end = data.rfind(b"</body>")
        if end < 0:
            return None
        data = data[:end] + self.live.tag() + data[end:]
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(data)

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing: the terminal is for build errors."""


class SiteServer(ThreadingHTTPServer):
    """A threading server with a real listen backlog, whose threads never keep the process alive."""

    request_queue_size = LISTEN_BACKLOG
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up or times out is not an error worth a traceback in the terminal."""


def make_server(out: Path, port: int, host: str = HOST, live: Live | None = None) -> SiteServer:
    """A server for the site in `out` on host:port (port 0: any free port); raises OSError when it cannot listen.
    With `live`, pages reload themselves after each build and show a failed build's errors."""
    handler = functools.partial(SiteHandler, directory=str(out.absolute()), live=live)
    return SiteServer((host, port), handler)


class _Both(io.StringIO):
    """Writes to the terminal and keeps a copy: a failed build's report, for the pages to show."""

    def __init__(self, terminal: TextIO) -> None:
        super().__init__()
        self.terminal = terminal

    def write(self, text: str) -> int:
        """Write `text` to the terminal and keep it."""
        self.terminal.write(text)
        return super().write(text)

    def flush(self) -> None:
        """Flush the terminal."""
        self.terminal.flush()


def _build(
    sources: list[Path],
    out: Path,
    years: tuple[int, int] | None,
    root: Path | None = None,
    cache: BuildCache | None = None,
    context: Sequence[Path] = (),
    then: Callable[[Project], None] | None = None,
    live: Live | None = None,
) -> int:
    """Load the project's settings (read again each time: an edit to tierwise.toml is a change), check and publish once
    (`years` None: the plans' horizon); the exit code. With a cache, only what a change touches is parsed and rendered.
    `then` is called with the project after a build that published it; `live` is told how the build ended."""
    report = _Both(sys.stderr)
    errors_only = ""
    code = 1
    try:
        settings, problems, texts = load_settings(root)
        result = load_project(sources, context, cache=cache, settings=settings)
        result.diagnostics[:0] = problems
        result.sources.update(texts)
        errors = print_diagnostics(result.diagnostics, result.sources, sys.stderr, strict=False)
        if errors or result.project is None:
            # The pages show the errors alone: the warnings are the terminal's (and `check`'s) to list.
            shown = io.StringIO()
            print_diagnostics([d for d in result.diagnostics if d.is_error], result.sources, shown, strict=False)
            errors_only = shown.getvalue()
            print(f"{errors} error(s); still serving the last good site.", file=sys.stderr)
            return 1
        # The replaced version is removed in the background: the new site is in place before that.
        code = publish(
            result.project, out, years or default_years(result.project), cache=cache, vendor_keys=result.vendor_keys,
            remove=remove_in_background, settings=settings, reported=missing_translations(result.diagnostics), stderr=report,
        )
        if code == 0 and then is not None:
            then(result.project)
        return code
    except Exception as exc:  # whatever a plan holds, the server keeps running with the last good site
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"{frame.filename}:{frame.lineno}: error: {type(exc).__name__}: {exc}", file=report)
        print("the build failed; still serving the last good site.", file=sys.stderr)
        return 1
    finally:
        if live is not None:
            live.finished(None if code == 0 else (errors_only or report.getvalue()).strip() or "the build failed; see the terminal")


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
    live = Live()
    _build(sources, out, years, root, cache, context, then=_warm_up, live=live)
    if not out.is_dir():
        print(f"{out}: error: nothing to serve; fix the errors above and run again.", file=sys.stderr)
        return 1
    try:
        server = make_server(out, port, live=live)
    except OSError as exc:
        print(f"{HOST}:{port}: error: cannot listen: {exc.strerror or exc}", file=sys.stderr)
        return 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]  # the port chosen, when 0 asked for any free one
    print(f"serving http://{HOST}:{port}/ to this computer only: a development server (Ctrl+C stops)", file=sys.stderr)
    try:
        _rebuild_on_change(watched, lambda: _build(sources, out, years, root, cache, context, live=live), threading.Event())
    except KeyboardInterrupt:  # Ctrl+C, from the wait for an event or from a rebuild
        pass
    finally:
        server.shutdown()
        server.server_close()
    return 0
