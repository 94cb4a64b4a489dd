"""The compare page's language filter (`support languages`), on the seed plans with languages added.

The seed offers state no languages of support, so a site of them alone has no such column; here two of
them get languages (the project's other plans that state languages are left out), and the filter must
show only their tiers and keep the choice in the URL.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from support.paths import BUILD_PY, PLANS


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("languages-project")
    shutil.copytree(PLANS, root / "plans")
    for plan in (root / "plans").glob("*.plan"):
        if "\n  support languages " in plan.read_text(encoding="utf-8"):
            plan.unlink()  # Cassalink and Norrdrift state theirs: the filter below is judged on the two given here
    added = {"stratiteq.plan": ("  language sv\n", "  support languages sv, en\n"), "infor.plan": ("  language it\n", "  support languages it, en\n")}
    for name, (line, statement) in added.items():
        path = root / "plans" / name
        text = path.read_text(encoding="utf-8")
        assert line in text
        path.write_text(text.replace(line, line + statement, 1), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(root), "build", "--years", "2026-2028"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return root / "_site"


def test_the_language_filter_shows_the_tiers_helped_in_that_language_and_is_shared(languages_site, make_visitor, check) -> None:
    visitor = make_visitor(languages_site)
    page = visitor.open("/en/compare/index.html").page
    page.locator("#cmp-tools").wait_for(state="visible")
    expect(page.locator("#cmp thead th[data-key=languages]")).to_have_text("Languages of support")
    every = page.eval_on_selector_all("#cmp tbody tr", "rows => rows.map(r => r.dataset.plan)")
    page.select_option("#f-language", "it")
    shown = page.eval_on_selector_all("#cmp tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.plan)")
    assert shown and all(p.startswith("infor/") for p in shown)
    assert len(shown) < len(every)
    assert parse_qs(urlsplit(page.url).query)["language"] == ["it"]
    # English is spoken by both: more tiers, none of the others.
    page.select_option("#f-language", "en")
    both = page.eval_on_selector_all("#cmp tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.plan)")
    assert {p.split("/")[0] for p in both} == {"infor", "stratiteq"}
    # The shared address opens with the same filter.
    again = visitor.open(urlsplit(page.url).path + "?" + urlsplit(page.url).query).page
    again.locator("#cmp-tools").wait_for(state="visible")
    expect(again.locator("#f-language")).to_have_value("en")
    assert again.eval_on_selector_all("#cmp tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.plan)") == both
    violations = check.axe(again)
    assert violations == [], check.describe_violations(violations)
