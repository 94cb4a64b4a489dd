"""The harness's own checks, run on small hand-made pages: each one must catch what it is there to catch.

Without these a check that silently never fires (a listener on the wrong event, an axe run that tests
nothing) would let every browser test of the real site pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

GOOD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Good page</title>
<style>
body{font:16px/1.5 sans-serif;color:#111;background:#fff;margin:0;padding:1rem}
a{color:#0b4f9c} a:focus-visible{outline:3px solid #b35900}
.scroll{overflow-x:auto}
table{width:900px;border-collapse:collapse}
</style></head>
<body><main><h1>Good page</h1>
<p><a href="other.html">Another page</a></p>
<div class="scroll" tabindex="0" role="region" aria-labelledby="cap"><table><caption id="cap">Wide table in its own scrolling box</caption>
<tr><th scope="col">Feature</th><th scope="col">Basic</th></tr>
<tr><td>Phone</td><td>Included</td></tr></table></div>
<img src="pixel.svg" alt="A pixel">
</main></body></html>
"""

PIXEL = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def _page(body: str, head: str = "", lang: str = ' lang="en"') -> str:
    return (
        f'<!DOCTYPE html><html{lang}><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>Test</title>{head}</head>'
        f"<body><main><h1>Test</h1>{body}</main></body></html>"
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory of pages, each with one known fault (and one without any)."""
    root = tmp_path_factory.mktemp("harness")
    files = {
        "good.html": GOOD,
        "other.html": _page("<p>Other</p>"),
        "pixel.svg": PIXEL,
        "console.html": _page("<script>console.error('boom from the page')</script>"),
        "throws.html": _page("<script>throw new Error('kaput')</script>"),
        "missing.html": _page('<img src="no-such-image.png" alt="Missing">'),
        "foreign.html": _page('<img src="https://tracker.example/pixel.gif" alt="Tracker">'),
        "fetch.html": _page("<script>fetch('rules/none.json').then(r => r.ok || 0)</script>"),
        "wide.html": _page('<div class="wide" style="width:600px;background:#eee">Too wide</div>'),
        "noalt.html": _page('<img src="pixel.svg">'),
        "nolang.html": _page("<p>No language</p>", lang=""),
        "nofocus.html": _page('<p><a href="other.html">A link</a></p>', head="<style>a:focus{outline:none}</style>"),
    }
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def local(make_visitor, pages):
    """A visitor of the hand-made pages."""
    return make_visitor(pages)


def test_good_page_has_no_problems(local, check):
    visit = local.open("/good.html", wait_until="networkidle", viewport=check.narrow)
    assert visit.problems() == []
    assert check.overflow(visit.page)["scrollWidth"] <= check.overflow(visit.page)["clientWidth"]
    assert check.axe(visit.page) == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/console.html", "console error: boom from the page"),
        ("/throws.html", "uncaught exception: kaput"),
        ("/missing.html", "failed request: "),
        ("/fetch.html", "failed request: "),
        ("/foreign.html", "request to another host: https://tracker.example/pixel.gif"),
    ],
)
def test_visit_reports_each_fault(local, path, expected):
    visit = local.open(path, wait_until="networkidle")
    problems = visit.problems()
    assert any(p.startswith(expected) for p in problems), problems


def test_missing_page_is_answered_with_404_page(local, pages):
    (pages / "404.html").write_text(_page("<p>Not here</p>"), encoding="utf-8")
    try:
        visit = local.open("/no/such/page.html", expect_status=404)
        assert "Not here" in visit.page.inner_text("main")
    finally:
        (pages / "404.html").unlink()


def test_overflow_is_measured_and_named(local, check):
    visit = local.open("/wide.html", viewport=check.narrow)
    result = check.overflow(visit.page)
    assert result["clientWidth"] == 360
    assert result["scrollWidth"] > result["clientWidth"]
    assert any(c.startswith("div.wide") for c in result["culprits"]), result


@pytest.mark.parametrize(("path", "rule"), [("/noalt.html", "image-alt"), ("/nolang.html", "html-has-lang")])
def test_axe_finds_violations(local, check, path, rule):
    visit = local.open(path)
    violations = check.axe(visit.page)
    assert rule in {v["id"] for v in violations}
    assert rule in check.describe_violations(violations)


def test_focus_visibility_is_told_apart(local, check):
    visit = local.open("/good.html")
    visit.page.keyboard.press("Tab")
    good = check.focus_style(visit.page)
    assert good["tag"] == "a" and check.focus_is_visible(good), good

    visit = local.open("/nofocus.html")
    visit.page.keyboard.press("Tab")
    bad = check.focus_style(visit.page)
    assert bad["tag"] == "a" and not check.focus_is_visible(bad), bad
    assert not check.focus_shows_in_pixels(visit.page)


def test_focus_pixels_see_an_outline(local, check):
    visit = local.open("/good.html")
    visit.page.keyboard.press("Tab")
    assert check.focus_style(visit.page)["tag"] == "a"
    assert check.focus_shows_in_pixels(visit.page)


def test_reused_page_still_reports_each_visit_on_its_own(local):
    # A kept page is navigated from visit to visit: faults are credited to the visit that caused them.
    bad = local.open("/console.html", reuse=True)
    good = local.open("/good.html", reuse=True)
    again = local.open("/throws.html", reuse=True)
    assert bad.page is good.page is again.page
    # No cache between visits: the second visit of a page fetches its image again.
    twice = local.open("/good.html", reuse=True)
    assert any(u.endswith("/pixel.svg") for u in good.requests), good.requests
    assert any(u.endswith("/pixel.svg") for u in twice.requests), twice.requests
    assert [p for p in bad.problems() if p.startswith("console error: boom")], bad.problems()
    assert good.problems() == []
    assert [p for p in again.problems() if p.startswith("uncaught exception: kaput")], again.problems()
