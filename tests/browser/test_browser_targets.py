"""Every control and every link that stands alone is a target of at least 24 × 24 px (WCAG 2.2, SC 2.5.8).

A link inside a sentence is exempt (the SC's "inline" exception); the crumbs ("Alla leverantörer"),
the vendor's website, "Link to this comparison", a tier's name heading its column and a footnote mark
were 11-19 px tall.
"""

from __future__ import annotations

from typing import Any

import pytest

VENDORS = ("amanda", "esri", "infor", "stratiteq", "synerity", "norrdrift", "cassalink", "wisla")
PHONE = {"width": 375, "height": 740}
WIDE = {"width": 1366, "height": 900}

SMALL = """
() => {
  const out = [];
  for (const e of document.querySelectorAll("a[href], button, input, select, summary")) {
    if (!e.checkVisibility()) continue;
    const r = e.getBoundingClientRect();
    if (r.width >= 24 && r.height >= 24) continue;
    // The inline exception: a link set in a line of text that says more than the link.
    let block = e.parentElement;
    while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const inline = getComputedStyle(e).display === "inline" && block.textContent.trim().length > e.textContent.trim().length + 3;
    const name = `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 30)}"`;
    if (!inline) out.push(`${name} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return [...new Set(out)];
}
"""


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_standalone_links_and_controls_are_24_px_targets(visitor: Any, lang: str, viewport: dict[str, int]) -> None:
    paths = [f"/{lang}/index.html", f"/{lang}/compare/index.html?plans=synerity/gold,esri/extended-1"]
    paths += [f"/{lang}/{vendor}/index.html" for vendor in VENDORS]
    small = {}
    for path in paths:
        page = visitor.open(path, viewport=viewport, reuse=True, wait_until="networkidle").page
        found = page.evaluate(SMALL)
        if found:
            small[path] = found
    assert small == {}


# On a touch screen: the controls a reader taps on the way through a task, which site.css and compare.css make 44 px tall
# (WCAG 2.5.5); at 32 px the language links, "On this page" and the crumbs sat so close a thumb took the neighbour.
TOUCH_TARGETS = (
    ".langs a, .toc a, .crumbs a, .share a, a.alone, .calc select, .calc input, .calc button, .tools select, .tools label:has(input),"
    " a.brand, .cmp thead th button, .cmp th[scope=row] > a,"  # the home link, the comparison's sort buttons and its tiers' links
    # a feature's name that opens its explanation (26 px), a tier's name heading a column (29 px), a vendor on the home
    # page's cards (24 px), a footnote mark (24 px), the skip link (40 px), the comparison's tick boxes (32 px)
    " summary, thead th a, .card h2 a, a.fn, .skip, input.choose,"
    " a.cta,"  # a tier card's "Compare all tiers"
    " .perma, .first td a, .first th a,"  # the "#" after a tier's name in "Service per tier"; "Who answers first?"'s tiers
    " .contacts li > a"  # a contact's address, on a line of its own under its title (19 px)
)
TALL = """
(selector) => [...document.querySelectorAll(selector)].filter((e) => e.checkVisibility())
  .map((e) => [`${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 30)}"`, Math.round(e.getBoundingClientRect().height)])
"""


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_touch_screen_gets_44_px_targets_on_the_way_through_a_task(visitor: Any, lang: str) -> None:
    touch = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True, "device_scale_factor": 3}
    short = {}
    seen = 0
    for page_of, shown in (("compare/", "#cmp-tools"), ("stratiteq/", "#calculator"), ("infor/", ".toc"), ("synerity/", "#compare"), ("", ".cards")):
        path = f"/{lang}/{page_of}index.html"
        page = visitor.open(path, reuse=True, wait_until="networkidle", **touch).page
        page.locator(shown).wait_for(state="visible")
        found = page.evaluate(TALL, TOUCH_TARGETS)
        seen += len(found)
        if low := [f"{name} {height} px" for name, height in found if height < 44]:
            short[path] = low
    assert seen >= 60 and short == {}


# Every link, button, select and summary a reader can see that does not stand inside a sentence, with its size.
TARGETS = """
() => [...document.querySelectorAll('a[href],button,select,summary')].filter((el) => el.checkVisibility()).filter((el) => {
  const inline = getComputedStyle(el).display === 'inline' && el.closest('p,li,td,dd');
  return !(inline && el.parentElement.innerText.trim() !== el.innerText.trim());
}).map((el) => {
  const r = el.getBoundingClientRect();
  return {what: `${el.closest('[id]')?.id} ${el.tagName.toLowerCase()}.${el.className} ${el.innerText.trim().slice(0, 30)}`,
          width: r.width, height: r.height};
}).filter((t) => t.width > 0 && t.height > 0)
"""


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_on_a_touch_screen_every_target_outside_a_sentence_is_44_px(visitor, lang) -> None:
    # The "#" after each tier's name in "Service per tier" was 23 × 21 px and the tiers' names in "Who answers first?"
    # 19 px tall, where every other link on a touch screen is 44 px (docs/site.md).
    touch = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "timezone_id": "Europe/Stockholm"}
    small = []
    for path in [f"/{lang}/compare/index.html", *(f"/{lang}/{v}/index.html" for v in VENDORS)]:
        page = visitor.open(path, reuse=True, wait_until="networkidle", **touch).page
        if path.endswith("compare/index.html"):
            page.locator("#first tbody tr").first.wait_for(state="visible")
        small += [f"{path}: {t['what']} {t['width']:.0f}×{t['height']:.0f}" for t in page.evaluate(TARGETS) if t["height"] < 44 or t["width"] < 24]
    assert small == [], "\n".join(sorted(set(small))[:20])
