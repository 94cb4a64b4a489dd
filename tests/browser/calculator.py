"""Asking a vendor page's calculator, as a reader does: choose, type, press the button."""

from __future__ import annotations

from datetime import date
from typing import Any

from dsl.site import formatting as fmt


def typed_day(page: Any, day: str) -> str:
    """A YYYY-MM-DD day as a reader of the page types it: in the page language's pattern ("23/11/2026", "23.11.2026")."""
    return fmt.date_in_entry(date.fromisoformat(day), page.evaluate("document.documentElement.lang"))


def ask(page: Any, plan: str, priority: str, day: str, time: str, metric: str = "first-response") -> Any:
    """Fill in the calculator once it is shown and submit it; returns its answer's locator."""
    box = page.locator("#calculator")
    box.wait_for(state="visible")
    page.select_option("#c-plan", plan)
    page.select_option("#c-priority", priority)
    page.select_option("#c-metric", metric)
    page.fill("#c-at", typed_day(page, day))
    page.fill("#c-time", time)
    page.locator("#calculator button[type=submit]").click()
    return box.locator(".out")
