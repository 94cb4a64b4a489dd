"""`serve`: build, serve the site on localhost, and rebuild when a plan, template or catalog changes."""

from __future__ import annotations

import functools
import sys
import threading
import time
from collections.abc import Iterable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from dsl.language.diagnostics import print_diagnostics
from dsl.language.loader import load_project
from dsl.site.publish import publish
from dsl.site.render import LOCALES, TEMPLATES

POLL_SECONDS = 0.5
"""How often the watched files' modification times are compared."""


def _watched(paths: Iterable[Path]) -> dict[str, float]:
    """Modification times of the plan files, templates and catalogs a build reads."""
    found: dict[str, float] = {}
    roots = [*paths, TEMPLATES, LOCALES]
    for root in roots:
        candidates = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in candidates:
            if path.is_file():
                try:
                    found[str(path)] = path.stat().st_mtime
                except OSError:
                    pass
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves the built folder without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing: the terminal is for build errors."""


def _build(sources: list[Path], out: Path, years: tuple[int, int]) -> int:
    """Load, check and publish once; the exit code."""
    result = load_project(sources)
    errors = print_diagnostics(result.diagnostics, result.sources, sys.stderr, strict=False)
    if errors or result.project is None:
        print(f"{errors} error(s); still serving the last good site.", file=sys.stderr)
        return 1
    return publish(result.project, out, years)


def serve(sources: list[Path], out: Path, port: int, years: tuple[int, int]) -> int:
    """Build, serve the site on 127.0.0.1:port and rebuild whenever a plan, template or catalog changes."""
    _build(sources, out, years)
    if not out.is_dir():
        print(f"{out}: error: nothing to serve; fix the errors above and run again.", file=sys.stderr)
        return 1
    handler = functools.partial(_QuietHandler, directory=str(out.absolute()))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        print(f"127.0.0.1:{port}: error: cannot listen: {exc.strerror or exc}", file=sys.stderr)
        return 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"serving http://127.0.0.1:{port}/ (Ctrl+C stops)", file=sys.stderr)
    seen = _watched(sources)
    try:
        while True:
            time.sleep(POLL_SECONDS)
            now = _watched(sources)
            if now != seen:
                seen = now
                print("change seen; rebuilding ...", file=sys.stderr)
                _build(sources, out, years)
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        server.server_close()
