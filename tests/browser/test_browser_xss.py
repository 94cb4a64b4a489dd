"""No text an author writes runs as script: every English text of a real plan replaced by XSS payloads.

The payloads cover HTML injection (script, event handlers, SVG), Markdown links and images to
`javascript:`, attribute break-outs, `</script>` (which would end an inline JSON block), and a
bidirectional override. Each page of the vendor is opened in Chromium; a payload that ran would set
`window.__xss`, open a dialog or load the image `x`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from support.paths import BUILD_PY, PLANS, ROOT

pytestmark = pytest.mark.browser

PAYLOADS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=2>",
    "<svg onload=window.__xss=3>",
    "[click](javascript:window.__xss=4)",
    "![img](javascript:window.__xss=5)",
    "' onmouseover=window.__xss=6 x='",
    "</script><script>window.__xss=7</script>",
    "<iframe srcdoc=<script>parent.__xss=8</script>>",
    "\u202eevil",
    "{{ 7*7 }} ${7*7}",
]
PAYLOAD = " ".join(PAYLOADS)


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    plans = root / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "shared.plan", plans / "shared.plan")
    source = (PLANS / "stratiteq.plan").read_text(encoding="utf-8")
    source = re.sub(r'(\ben ")(?!"")[^"\\\n]*(")', lambda m: m.group(1) + PAYLOAD + m.group(2), source)
    source = re.sub(r'(\ben """)(?:[\s\S]*?)(""")', lambda m: m.group(1) + PAYLOAD + m.group(2), source)
    source = source.replace('name "Stratiteq"', f'name "Stratiteq {PAYLOAD}"', 1)
    (plans / "stratiteq.plan").write_text(source, encoding="utf-8")
    out = root / "site"
    run = subprocess.run(
        [sys.executable, str(BUILD_PY), "build", "--out", str(out), "--years", "2026-2027", str(plans)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "bidirectional control character" in run.stderr  # the author was warned
    return out


@pytest.mark.parametrize(
    "path", ["/en/stratiteq/index.html", "/sv/stratiteq/index.html", "/en/index.html", "/index.html", "/en/compare/index.html"]
)
def test_no_payload_runs(xss_site: Path, make_visitor: Any, path: str) -> None:
    visitor = make_visitor(xss_site.resolve())
    visit = visitor.open(path, wait_until="networkidle")
    dialogs: list[str] = []
    visit.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    visit.page.mouse.move(10, 10)
    for link in visit.page.locator("main a").all()[:50]:
        if link.is_visible():
            link.hover()
    assert visit.page.evaluate("window.__xss") is None
    assert dialogs == []
    assert not any(r.endswith("/x") for r in visit.requests), visit.requests
    if "stratiteq" in path:
        assert "<script>window.__xss=1</script>" in visit.page.inner_text("body")  # shown as text, not run


def test_json_ld_keeps_the_payload_as_data(xss_site: Path, make_visitor: Any) -> None:
    """Issue 9: the inline JSON-LD holds the vendor's name with "</script>" in it, and still parses to it."""
    visitor = make_visitor(xss_site.resolve())
    visit = visitor.open("/en/stratiteq/index.html", wait_until="networkidle")
    page = visit.page
    blocks = page.eval_on_selector_all('script[type="application/ld+json"]', "ss => ss.map(s => s.textContent)")
    assert len(blocks) == 1
    data = page.evaluate("(text) => JSON.parse(text)", blocks[0])
    assert data["@graph"][0]["name"] == f"Stratiteq {PAYLOAD}"
    # Nothing broke out of the block: the page's only scripts are the JSON-LD and its own modules.
    kinds = page.eval_on_selector_all("script", "ss => ss.map(s => s.type || 'classic')")
    assert sorted(set(kinds)) == ["application/ld+json", "module"], kinds
    assert page.evaluate("window.__xss") is None
