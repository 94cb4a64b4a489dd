"""Progress on long work: one line on a terminal, rewritten in place, saying what a build is doing.

Shown only on a terminal (an author watching), only once the work has taken more than a moment, and
never with --quiet; a log or a pipe gets nothing but the summary line. The line names the stage, how
far it is and an estimate of the time left in that stage.
"""

from __future__ import annotations

import time
from typing import TextIO

DELAY_SECONDS = 0.5
"""Work that ends sooner than this shows no progress at all."""

REDRAW_SECONDS = 0.1
"""The line is redrawn at most this often."""


class Progress:
    """The progress line of one run on `stream` (silent unless enabled and `stream` is a terminal)."""

    def __init__(self, stream: TextIO, enabled: bool = True) -> None:
        self.stream = stream
        try:
            terminal = stream.isatty()
        except (AttributeError, ValueError):
            terminal = False
        self.enabled = enabled and terminal
        self.started = time.monotonic()
        self.stage = ""
        self.stage_started = self.started
        self.drawn = 0.0
        self.shown = False

    def step(self, stage: str, done: int, total: int) -> None:
        """`done` of `total` items of `stage` are finished."""
        if not self.enabled:
            return
        now = time.monotonic()
        if stage != self.stage:
            self.stage, self.stage_started = stage, now
        if now - self.started < DELAY_SECONDS or (now - self.drawn < REDRAW_SECONDS and done < total):
            return
        self.drawn = now
        line = f"{stage}: {done}/{total}"
        if total:
            line += f" ({100 * done // total}%)"
        elapsed = now - self.stage_started
        if 0 < done < total and elapsed > 0.2:
            left = elapsed / done * (total - done)
            line += f", about {left:.0f} s left" if left >= 1 else ", less than a second left"
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Remove the progress line, so the next message starts on a clean line."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
