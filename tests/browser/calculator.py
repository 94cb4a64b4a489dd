"""Asking a vendor page's calculator, as a reader does: choose, type, press the button."""

from __future__ import annotations

from typing import Any


def ask(page: Any, plan: str, priority: str, day: str, time: str, metric: str = "first-response") -> Any:
    """Fill in the calculator once it is shown and submit it; returns its answer's locator."""
    box = page.locator("#calculator")
    box.wait_for(state="visible")
    page.select_option("#c-plan", plan)
    page.select_option("#c-priority", priority)
    page.select_option("#c-metric", metric)
    page.fill("#c-at", day)
    page.fill("#c-time", time)
    page.locator("#calculator button[type=submit]").click()
    return box.locator(".out")
