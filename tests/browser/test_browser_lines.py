"""Where a line may end: a time range and a short hyphenated word of the site stay on one line.

On a 375 px phone Synerity's hours read "mån–fre 08:00–" at the end of one line and "17:00 svensk tid"
on the next, and "E-" could end a line before "post". The site keeps each range and each short
hyphenated word of its own whole (word joiners, fmt.interval and fmt.keep_short_words_whole); this
test sweeps phone widths, since where a line ends depends on the width to the pixel, and checks that no
such piece is set on two lines and the page never scrolls sideways.
"""

from __future__ import annotations

from typing import Any

import pytest

from browser.layout import BROKEN_WORDS, vendor_pages

VENDORS = ("amanda", "esri", "infor", "stratiteq", "synerity", "norrdrift", "cassalink", "wisla")
WIDTHS = tuple(range(320, 431, 6)) + (768, 1366)
"""Phones from 320 to 430 px every 6 px, a tablet and the 1366 px desktop."""

# Where the site writes hours: tier cards' coverage and obligations' clocks, contacts' hours, the tier tables'
# clocks, the availability table and the comparison's cells. Where it names channels: a tier's channels, the
# contacts' titles, an add-on cell and the comparison's cells. And the vendor's prose, its Markdown (the intro, a
# tier's description, a feature's explanation, notes, priorities), where "e-" ended a line before "mail" on a phone.
RANGES = "article.tier li, #contact li, table.tt small, #uptime td, table.cmp td"
NAMES = "p.channels, #contact strong, td.addon, table.cmp td"
PROSE = ".intro, td.about, .def, .levels dd, .note, .notes li, table.tt details, article.tier li, article.tier p"
SELECTORS = {"range": RANGES, "name": NAMES, "prose": PROSE}

# Each time range ("08:00–17:00", "08:00 – 17:00") or short hyphenated word ("E-post", "Add-on") that is set on
# two lines although it would fit its box's width whole (where it cannot, a break is what keeps the page from
# scrolling sideways).
SPLIT = r"""
([selector, kind]) => {
  const pattern = kind === "range"
    ? /\d{1,2}:\d{2}[\u2060\u2009\u202f\u00a0 ]*–[\u2060\u2009\u202f\u00a0 ]*\d{1,2}:\d{2}/g
    : /(?<![\p{L}\d-])[\p{L}\d]{1,5}-\u2060?[\p{L}\d]{1,7}(?![\p{L}\d-])/gu;
  const probe = document.createElement("span");
  probe.style.whiteSpace = "nowrap";
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const box = n.parentElement;
      if (!box.checkVisibility() || box.closest("code, pre") || (kind !== "prose" && box.closest("details"))) continue;
      // An address shown as the text of its link (an autolink) keeps its hyphens breakable: it has no joiners.
      if (box.closest("a") && /:\/\/|@/.test(box.closest("a").textContent)) continue;
      for (const m of n.data.matchAll(pattern)) {
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size < 2) continue;
        probe.textContent = m[0];
        box.appendChild(probe);
        const whole = probe.getBoundingClientRect().width;
        probe.remove();
        let block = box;  // the width a line has is its block's, not an inline element's (<strong>, <a>)
        while (getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
        const style = getComputedStyle(block);
        const room = block.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (whole <= room) out.push(m[0].replace(/[\u2060\u2009\u202f\u00a0]/g, " "));
      }
    }
  }
  return out;
}
"""


def _pages(lang: str) -> list[str]:
    return [f"/{lang}/{vendor}/index.html" for vendor in VENDORS] + [f"/{lang}/compare/index.html"]


@pytest.mark.parametrize("kind", ["range", "name", "prose"])
@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_time_ranges_and_short_hyphenated_words_stay_on_one_line(visitor: Any, lang: str, kind: str) -> None:
    split: dict[str, set[str]] = {}
    for path in _pages(lang):
        page = visitor.open(path, reuse=True).page
        if kind == "prose":  # a feature's explanation is read with its <details> open
            page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 740})
            found = page.evaluate(SPLIT, [SELECTORS[kind], kind])
            if found:
                split.setdefault(f"{path} at {width} px", set()).update(found)
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{path} scrolls sideways at {width} px ({wide} px)"
    assert split == {}


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_the_priority_matrix_cuts_no_word_on_a_phone(visitor: Any, lang: str, width: int) -> None:
    # Amanda's impact × urgency matrix read "brådsk|a", "påverk|an", "Medels|tor" at 375 px.
    broken = {}
    for vendor, page in vendor_pages(visitor, lang, {"width": width, "height": 740}, VENDORS):
        if words := page.evaluate(BROKEN_WORDS, "table.matrix"):
            broken[vendor] = words
    assert broken == {}


@pytest.mark.parametrize(("lang", "name"), [("sv", "svensk tid"), ("pl", "czasu szwedzkiego"), ("en", "Swedish time")])
def test_who_answers_first_names_the_readers_zone_in_the_pages_language(visitor: Any, lang: str, name: str) -> None:
    # It said "Tiderna anges i din tidszon, Europe/Stockholm.": the zone's id, in English, alone; then CLDR's name and
    # the id. Now as the tables name the zone ("08:00–17:00 svensk tid").
    page = visitor.open(f"/{lang}/compare/index.html", timezone_id="Europe/Stockholm", wait_until="networkidle").page
    page.locator("#first").wait_for(state="visible")
    line = page.locator("#first .zone").inner_text()
    assert name in line and "Europe/" not in line


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_who_answers_first_shows_the_deadline_without_scrolling_on_a_phone(visitor: Any, lang: str, width: int) -> None:
    # Its table kept a 24rem minimum in a box of about 18rem: the "Answers by" column was cut off.
    path = f"/{lang}/compare/index.html?plans=synerity/gold,esri/extended-1,amanda/premium,infor/xtreme-elite"
    page = visitor.open(path, viewport={"width": width, "height": 740}, timezone_id="Europe/Stockholm", wait_until="networkidle").page
    page.locator("#first tbody tr").first.wait_for(state="visible")
    box = page.evaluate("(() => { const b = document.querySelector('#first .scroll'); return [b.scrollWidth, b.clientWidth]; })()")
    assert box[0] <= box[1], f"the table is {box[0]} px wide in a {box[1]} px box"


ALONE_MARKS = """
() => [...document.querySelectorAll("a.fn")].filter((a) => a.checkVisibility()).flatMap((a) => {
  // The text just before the mark: its last line must be the line the mark is on, the mark after its last letter.
  let before = a.parentElement.previousSibling;
  while (before && !(before.textContent || "").replace(/\\u2060/g, "").trim()) before = before.previousSibling;
  if (!before) return [];
  const range = document.createRange();
  range.selectNodeContents(before);
  const last = [...range.getClientRects()].at(-1);
  range.selectNodeContents(a);  // the mark itself, without the padding of its target
  const mark = range.getBoundingClientRect();
  const middle = (mark.top + mark.bottom) / 2;
  const alone = middle > last.bottom || middle < last.top || mark.left < last.right - 1;
  return alone ? [`${a.closest("td,th").textContent.trim()}`] : [];
})
"""


@pytest.mark.parametrize("width", [320, 360, 390])
@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_footnote_mark_stays_on_the_line_of_the_word_it_marks(visitor: Any, lang: str, width: int) -> None:
    # On a phone Synerity's "2500 SEK miesięcznie" ended a line and its "*" stood alone on the next (the mark is an
    # inline block, for its touch target, and a line could end before it).
    touch = {"viewport": {"width": width, "height": 800}, "has_touch": True, "is_mobile": True}
    page = visitor.open(f"/{lang}/synerity/index.html", reuse=True, **touch).page
    assert page.locator("a.fn").count() > 0
    assert page.evaluate(ALONE_MARKS) == []


# Each one-letter Polish word (a, i, o, u, w, z) of the page's words that ends a line while more words follow in its
# block: the one-letter word and the next word's first letter on different lines.
LETTER_AT_LINE_END = r"""
(selector) => {
  const out = [];
  for (const root of document.querySelectorAll(selector)) {
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.checkVisibility() && !n.parentElement.closest("code, pre, select, script, style")) nodes.push(n);
    }
    const rect = (node, at) => {
      const r = document.createRange();
      r.setStart(node, at);
      r.setEnd(node, at + 1);
      return [...r.getClientRects()].find((x) => x.width > 0);
    };
    nodes.forEach((n, i) => {
      for (const m of n.data.matchAll(/(?<![\p{L}\d\-’'\/.@:=&?#%+~])[aiouwz](?=\s)/giu)) {
        // The next letter after the space, in this text node or a following one (a word in <strong>, a link).
        let k = i, at = m.index + 1;
        while (k < nodes.length && !/\S/.test(nodes[k].data.slice(at))) { k += 1; at = 0; }
        if (k === nodes.length) continue;
        const next = at + nodes[k].data.slice(at).search(/\S/);
        const letter = rect(n, m.index), after = rect(nodes[k], next);
        if (letter && after && after.top - letter.top > letter.height / 2) out.push(`${m[0]} ${nodes[k].data.slice(next, next + 25)}`);
      }
    });
  }
  return out;
}
"""


@pytest.mark.parametrize("width", [320, 360, 390])
def test_no_polish_one_letter_word_ends_a_line_of_a_vendors_text(visitor: Any, width: int) -> None:
    # The site's words bound "w" and "i" to the next word, the vendors' own Polish texts did not: "Klienci korzystający z"
    # ended a line of Amanda's tier table above "wersji próbnej".
    ended = {}
    for vendor, page in vendor_pages(visitor, "pl", {"width": width, "height": 740}, VENDORS):
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        if found := page.evaluate(LETTER_AT_LINE_END, "main"):
            ended[vendor] = found
    assert ended == {}


# Each one-letter priority id ("A", "B") standing alone in the page's visible text that a break could part from the
# words after it: followed by an ordinary space (where it ends its element, <strong>A</strong> Awaria, the space after).
ID_WITH_A_BREAK_AFTER = r"""
(selector) => {
  const nodes = [];
  for (const root of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.checkVisibility() && !n.parentElement.closest("code, pre, script, style")) nodes.push(n);
    }
  }
  const out = [];
  nodes.forEach((n, i) => {
    for (const m of n.data.matchAll(/(?<![\p{L}\d\-’'\/.@:=&?#%+~])\p{Lu}(?![\p{L}\d])/gu)) {
      const after = m.index + 1 < n.data.length ? n.data[m.index + 1] : (nodes[i + 1]?.data ?? "")[0];
      if (after === " ") out.push(n.data.slice(Math.max(0, m.index - 15), m.index + 20).trim());
    }
  });
  return out;
}
"""


@pytest.mark.parametrize("path", ["/pl/wisla/index.html", "/pl/compare/index.html"])
def test_no_one_letter_priority_id_can_end_a_line_on_a_polish_page(visitor: Any, path: str) -> None:
    # Wisła's priorities are A, B and C: its worked example could break "Zgłoszenie o priorytecie A" / "w piątek …?",
    # its priorities "A" / "– Awaria krytyczna", as the site's own one-letter words never are. Where a line ends depends
    # on the width to the pixel, so the page is asked where a break could part them, at a phone's and a desktop's width.
    for width in (360, 1366):
        page = visitor.open(path, viewport={"width": width, "height": 740}, reuse=True).page
        page.evaluate("document.querySelectorAll('details').forEach((d) => { d.open = true; })")
        assert page.evaluate(ID_WITH_A_BREAK_AFTER, "main") == [], width


# Each contact: where its title (bold) ends and where the first line after it begins.
CONTACTS = """
() => [...document.querySelectorAll('#contact li:has(> strong)')].map((li) => {
  const title = li.querySelector(':scope > strong').getBoundingClientRect();
  const range = document.createRange();
  range.setStartAfter(li.querySelector(':scope > strong'));
  range.setEnd(li, li.childNodes.length);
  const after = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const line = parseFloat(getComputedStyle(li).lineHeight);
  return {title: li.querySelector('strong').innerText, bottom: title.bottom, next: after.length ? Math.min(...after.map((r) => r.top)) : null, line};
})
"""


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_contacts_address_stands_under_its_title_without_a_gap(visitor: Any, lang: str) -> None:
    # Esri's portal has no address to link to: "Support portal: Create and follow support cases My Esri" read as one
    # sentence. Amanda's contacts, which have none, got no empty line above "Only in the Standard and Premium tiers".
    seen = 0
    for vendor, page in vendor_pages(visitor, lang, {"width": 1366, "height": 900}, VENDORS):
        for contact in page.evaluate(CONTACTS):
            if contact["next"] is None:
                continue
            seen += 1
            gap = contact["next"] - contact["bottom"]
            assert -1 <= gap < contact["line"] / 2, f"{vendor}: {contact['title']!r} and what follows it ({gap:.0f} px apart)"
    assert seen > 20


# Each place the tax note follows a price, and on how many lines the browser set its words.
TAX_NOTE = r"""
(note) => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.parentElement.checkVisibility()) continue;
    const plain = n.data.replace(/[\u00a0\u2060]/g, ' ');
    for (let at = plain.indexOf(note); at >= 0; at = plain.indexOf(note, at + 1)) {
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + note.length);
      out.push(new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top))).size);
    }
  }
  return out;
}
"""


@pytest.mark.parametrize("width", [320, 390, 1366])
@pytest.mark.parametrize(("lang", "note"), [("pl", "netto (bez VAT)"), ("sv", "exkl. moms"), ("it", "IVA esclusa"), ("en", "excl. tax")])
def test_a_prices_tax_note_is_never_set_on_two_lines(visitor: Any, lang: str, note: str, width: int) -> None:
    # Wisła's card at 1366 px: "14 500 zł miesięcznie netto (bez" ended a line and "VAT)" began the next.
    seen = 0
    for vendor, page in vendor_pages(visitor, lang, {"width": width, "height": 900}, ("wisla", "norrdrift", "cassalink")):
        lines = page.evaluate(TAX_NOTE, note)
        seen += len(lines)
        assert all(n == 1 for n in lines), f"{vendor} at {width} px sets {note!r} on two lines: {lines}"
    assert seen >= 6
