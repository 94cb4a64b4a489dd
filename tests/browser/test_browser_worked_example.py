"""The worked example under a vendor's response times shows in Chromium, under the first-response table, without
JavaScript too, on a phone and a desktop, and says the deadlines the published rules give."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from dsl.rules.engine import Evaluator

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "A ticket reported on Friday at 16:00 Swedish time? Gold answers by Monday at 09:00 and Silver by Monday at 15:00."),
        # pages15: "Gold – poniedziałek 09:00", a time without the "godz." a Pole writes before it
        ("pl", "Zgłoszenie w piątek o 16:00 czasu szwedzkiego? Odpowiedź najpóźniej: Gold – poniedziałek, godz. 09:00 i Silver"),
    ],
)
def test_the_sentence_stands_under_the_first_response_table(visitor: Any, viewport: dict[str, int], lang: str, words: str) -> None:
    visit = visitor.open(f"/{lang}/synerity/index.html", viewport=viewport, java_script_enabled=False)
    page = visit.page
    sentence = page.locator("#targets table.targets + p")
    expect(sentence).to_be_visible()
    assert words in sentence.inner_text().replace("\u2060", "").replace("\u00a0", " ")  # Polish "w\u00a0piątek"
    # "godz." and its time on one line (a 1366 px desktop ended a line with "poniedziałek, godz." and began the next with "15:00")
    assert lang != "pl" or "godz.\u00a009:00" in sentence.inner_text()
    # Within the page's width, below its table.
    box, table = sentence.bounding_box(), page.locator("#targets table.targets").bounding_box()
    assert box is not None and table is not None and box["y"] >= table["y"] + table["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert visit.problems() == []


def test_the_sentence_says_what_the_published_rules_give(visitor: Any, site_dir: Path) -> None:
    # Stratiteq's P1 on its office hours, reported on 9 January 2026 (the first ordinary Friday of the span) at 16:00.
    page = visitor.open("/en/stratiteq/index.html").page
    text = page.locator("#targets table.targets + p").inner_text().replace("\u2060", "")
    evaluator = Evaluator(json.loads((site_dir / "rules" / "stratiteq.json").read_text(encoding="utf-8")))
    due = evaluator.due("stratiteq/sos", "P1", datetime(2026, 1, 9, 16, 0, tzinfo=ZoneInfo("Europe/Stockholm")))
    assert re.search(rf"answers by {due:%A} at {due:%H:%M}\.", text), text
    # The vendor page of a vendor that publishes no time has no sentence.
    infor = visitor.open("/en/infor/index.html").page
    assert infor.locator("#targets table.targets + p").count() == 0
