"""What a page's layout does to its words, asked of the browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Every word of a text node in `selector` that the browser set on more than one line, except at a hyphen, a dash or a
# slash, where a line may end.
BROKEN_WORDS = r"""
(selector) => {
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.checkVisibility()) continue;
      for (const m of n.data.matchAll(/[^\s\-\u2010-\u2015\/]+/g)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
  }
  return out;
}
"""


def vendor_pages(visitor: Any, lang: str, viewport: dict[str, int], vendors: tuple[str, ...]) -> Iterator[tuple[str, Any]]:
    """Each vendor's page in `lang` at `viewport` (one browser page, reused), asserted not to scroll sideways."""
    for vendor in vendors:
        page = visitor.open(f"/{lang}/{vendor}/index.html", viewport=viewport, reuse=True).page
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= viewport["width"], f"{vendor}: the page scrolls sideways ({wide} px at {viewport['width']} px)"
        yield vendor, page
