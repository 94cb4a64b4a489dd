"""Content an author writes cannot widen a page at 360 px: code blocks scroll in their box, long words wrap."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from support.paths import BUILD_PY, PLANS, ROOT

pytestmark = pytest.mark.browser

WIDE = (
    'en """Once the project is finished, run this:\n\n'
    "       ```\n"
    "       " + "curl --data-binary @report.json https://support.example/api/v1/incidents?" + "x" * 300 + "\n"
    "       ```\n\n"
    "       Then mention `" + "inline-code-without-spaces-" * 10 + "` and the word " + "Donaudampfschifffahrt" * 12 + '.\n'
    '       """'
)


@pytest.fixture(scope="module")
def wide_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wide")
    plans = root / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "shared.plan", plans / "shared.plan")
    source = (PLANS / "stratiteq.plan").read_text(encoding="utf-8")
    start = source.index('    en """Once the project is finished')
    end = source.index('"""', source.index('"""', start) + 3) + 3
    text = source[:start] + WIDE + source[end:]
    (plans / "stratiteq.plan").write_text(text, encoding="utf-8")
    out = root / "site"
    run = subprocess.run(
        [sys.executable, str(BUILD_PY), "build", "--out", str(out), "--years", "2026-2027", str(plans)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return out


def test_code_blocks_and_long_words_do_not_widen_the_page(wide_site: Path, make_visitor: Any, check: Any) -> None:
    visitor = make_visitor(wide_site.resolve())
    visit = visitor.open("/en/stratiteq/index.html", viewport=check.narrow)
    assert visit.page.locator("pre").count() >= 1  # the Markdown code block is on the page
    result = check.overflow(visit.page)
    assert result["clientWidth"] == 360
    assert result["scrollWidth"] <= result["clientWidth"], result
