"""The tier cards a vendor page opens with, in Debian's Chromium (docs/site.md, "Tier cards").

A card per tier before the full comparison, in the comparison's order; side by side on a wide screen, stacked on a
phone; the recommended tier marked in words and by its border; "Compare all tiers" reaches the comparison by mouse and
keyboard, 44 px tall on a touch screen; nothing scrolls sideways at 320 px. And the crumbs above the vendor's name never
end a line with their dot.

No seed vendor recommends a tier, so the recommended card is checked on the hand-written vendor of
tests/support/catalogue.py, built with the same publishing code as the real site (Norrdrift and Cassalink, written
from docs/language.md in session 27, do: their cards are named without the badge).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from browser.layout import BROKEN_WORDS
from dsl.language.loader import load_project, load_text
from dsl.site.publish import build_into
from dsl.site.views import Reader
from support.catalogue import PLAN
from support.paths import PLANS
from support.site import words

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1440, "height": 900}

# The cards and the comparison's tier heads, by name, and where each card is.
CARDS = """
() => {
  const sections = [...document.querySelectorAll('main section[id]')].map(s => s.id);
  const cards = [...document.querySelectorAll('#tiers .tcard')].map(c => {
    const r = c.getBoundingClientRect();
    // The name without the recommended tier's badge, which stands inside its heading ("Recommended Drift Plus").
    const head = c.querySelector('h3').cloneNode(true);
    head.querySelector('.badge')?.remove();
    return {name: head.textContent.replace(/\\u2060/g, '').trim(), top: r.top + scrollY, bottom: r.bottom + scrollY,
            left: r.left, right: r.right, cta: c.querySelector('a.cta')?.getAttribute('href')};
  });
  const heads = [...document.querySelectorAll('#compare table.tt thead th')]
    .map(th => th.querySelector('a').innerText.replace(/\\u2060/g, '').trim());
  return {sections, cards, heads, width: document.querySelector('main').clientWidth};
}
"""


def _cards(page: Any) -> dict[str, Any]:
    return page.evaluate(CARDS)


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_the_page_opens_with_a_card_per_tier_side_by_side_on_a_wide_screen(visitor, check, lang) -> None:
    for vendor in check.vendors:
        page = visitor.open(f"/{lang}/{vendor}/index.html", viewport=WIDE, reuse=True).page
        found = _cards(page)
        where = f"{lang}/{vendor}"
        assert found["sections"][:2] == ["tiers", "compare"], f"{where}: the sections run {found['sections']}"
        assert [c["name"] for c in found["cards"]] == found["heads"], f"{where}: the cards are not the comparison's tiers"
        tops = {round(c["top"]) for c in found["cards"]}
        assert len(tops) == 1, f"{where}: the cards are not side by side ({found['cards']})"
        lefts = [c["left"] for c in found["cards"]]
        assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), f"{where}: the cards overlap or run backwards"
        assert {c["cta"] for c in found["cards"]} == {"#compare"}


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_phone_stacks_the_cards_and_never_scrolls_sideways(visitor, check, lang, width) -> None:
    for vendor in check.vendors:
        page = visitor.open(f"/{lang}/{vendor}/index.html", viewport={"width": width, "height": 844}, reuse=True).page
        found = _cards(page)
        where = f"{lang}/{vendor} at {width} px"
        assert found["cards"], f"{where}: no tier cards"
        for above, below in zip(found["cards"], found["cards"][1:], strict=False):
            assert below["top"] >= above["bottom"], f"{where}: {below['name']} is not under {above['name']}"
        for card in found["cards"]:
            assert card["right"] - card["left"] >= found["width"] - 40, f"{where}: {card['name']} does not take the page's width"
        result = check.overflow(page)
        assert result["scrollWidth"] <= result["clientWidth"], f"{where} scrolls sideways: {result['culprits']}"


@pytest.mark.parametrize("js", [True, False], ids=["script", "no-script"])
def test_compare_all_tiers_opens_the_comparison_by_mouse_and_by_keyboard(visitor, js) -> None:
    page = visitor.open("/it/esri/index.html", viewport=PHONE, java_script_enabled=js).page
    first = page.locator("#tiers .tcard a.cta").first
    first.focus()  # as a Tab reaches it: no mouse has been used on the page
    outline = first.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none", "the focused link shows no outline"
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#compare'")
    page.evaluate("window.scrollTo(0, 0); history.replaceState(null, '', location.pathname)")
    page.locator("#tiers .tcard a.cta").last.click()
    assert page.evaluate("location.hash") == "#compare"
    top = page.locator("#compare").evaluate("el => el.getBoundingClientRect().top")
    assert -1 <= top < 50, f"the page did not scroll to the comparison (its top is at {top})"


@pytest.fixture(scope="module")
def catalogue_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cards-site")
    result = load_text(PLAN, "acme.plan")
    assert result.project is not None and not result.errors
    build_into(result.project, out, (2026, 2028), "http://127.0.0.1/")
    return out


MARKS = """
() => [...document.querySelectorAll('#tiers .tcard')].map(c => {
  const s = getComputedStyle(c);
  return {name: c.querySelector('h3').innerText, rec: c.classList.contains('rec'), border: parseFloat(s.borderTopWidth),
          colour: s.borderTopColor, badge: c.querySelector('.badge')?.innerText || ''};
})
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("lang", "word"), [("sv", "rekommenderas"), ("it", "consigliato"), ("pl", "polecany"), ("en", "recommended")])
def test_the_recommended_tier_is_marked_in_words_and_by_its_border(make_visitor, catalogue_dir, check, lang, word, scheme) -> None:
    visit = make_visitor(catalogue_dir).open(f"/{lang}/acme/index.html", viewport=WIDE, color_scheme=scheme)
    assert visit.problems() == [], "\n".join(visit.problems())
    cards = visit.page.evaluate(MARKS)
    assert [c["rec"] for c in cards] == [False, False, False, True], cards
    best, others = cards[-1], cards[:-1]
    assert word in best["badge"].lower() and best["badge"] in best["name"]
    assert all(not c["badge"] for c in others)
    assert all(best["border"] > c["border"] and best["colour"] != c["colour"] for c in others), cards
    violations = check.axe(visit.page)
    assert violations == [], check.describe_violations(violations)


def test_the_cards_print_whole_without_their_links(make_visitor, catalogue_dir) -> None:
    page = make_visitor(catalogue_dir).open("/en/acme/index.html", viewport=WIDE).page
    page.emulate_media(media="print")
    assert page.locator("#tiers .tcard").first.is_visible()
    assert page.locator("#tiers a.cta").evaluate_all("links => links.every(a => !a.checkVisibility())")


# The dot between the crumbs and the link after it: on one line, or the dot not shown.
CRUMBS = """
() => {
  const p = document.querySelector('.crumbs');
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.data.indexOf('\\u00b7');
    if (at < 0) continue;
    if (!n.parentElement.checkVisibility()) return null;
    const r = document.createRange();
    r.setStart(n, at);
    r.setEnd(n, at + 1);
    const dot = r.getClientRects()[0];
    const next = p.querySelectorAll('a')[1].getClientRects()[0];
    const lines = new Set([...p.querySelectorAll('a')].map(a => Math.round(a.getClientRects()[0].top))).size;
    return {dot: Math.round(dot.top), next: Math.round(next.top), lines};
  }
  return 'no dot';
}
"""


@pytest.mark.parametrize("width", [320, 390, 577, 768, 1440])
def test_the_crumbs_never_end_a_line_with_their_dot(visitor, check, width) -> None:
    for lang in check.languages:
        page = visitor.open(f"/{lang}/infor/index.html", viewport={"width": width, "height": 800}, reuse=True).page
        found = page.evaluate(CRUMBS)
        assert found != "no dot"
        if found is None:  # the dot is not shown: each link on a line of its own
            assert width < 576, f"{lang} at {width} px: the crumbs stack on a wide screen"
            continue
        assert found["dot"] <= found["next"] + 8 and found["lines"] == 1, f"{lang} at {width} px: the crumbs wrap ({found})"


def test_a_touch_screen_gets_a_44_px_link_on_every_card(visitor) -> None:
    touch = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True, "device_scale_factor": 3}
    page = visitor.open("/pl/synerity/index.html", **touch).page
    heights = page.locator("#tiers a.cta").evaluate_all("links => links.map(a => a.getBoundingClientRect().height)")
    assert len(heights) == 3 and min(heights) >= 44, heights


# Where the first card is on a phone's first screen, with a touch screen's 44 px links in "On this page".
FIRST_SCREEN = """
() => {
  const card = document.querySelector('#tiers .tcard');
  const name = card.querySelector('h3').getBoundingClientRect();
  const price = card.querySelector('.price').getBoundingClientRect();
  const sections = [...document.querySelectorAll('main section[id]')].map(s => s.id);
  return {name: name.bottom + scrollY, price: price.bottom + scrollY, sections, screen: innerHeight};
}
"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_phone_sees_the_first_tier_and_its_price_on_the_first_screen(visitor, check, lang, width) -> None:
    # The vendors' own words about themselves came first: Synerity's 400 words and Infor's intro filled the first screen
    # and more, and the cards began below it. They close the page now, under "About …", with the website and sources.
    touch = {"viewport": {"width": width, "height": 740}, "has_touch": True, "is_mobile": True}
    for vendor in check.vendors:
        page = visitor.open(f"/{lang}/{vendor}/index.html", reuse=True, **touch).page
        found = page.evaluate(FIRST_SCREEN)
        where = f"{lang}/{vendor} at {width} px"
        assert found["price"] <= found["screen"], f"{where}: the first card's price ends at {found['price']} px, below the first screen"
        assert found["sections"][:2] == ["tiers", "compare"] and found["sections"][-1] == "about", f"{where}: {found['sections']}"
        about = page.locator("#about")
        assert about.locator(".source").count() >= 1 and about.locator("h2").inner_text().endswith(vendor_name(page)), where


def vendor_name(page: Any) -> str:
    """The vendor's name as the page's heading says it."""
    return str(page.locator("h1").inner_text()).strip()


# Whether each tier's column of the comparison shows: its cell in the first price row, seen or not.
COLUMNS = """
() => [...document.querySelectorAll('#compare .tt tbody tr:has(td) ')][0].querySelectorAll('td')
  .values().map(td => td.checkVisibility()).toArray()
"""


@pytest.mark.parametrize(("lang", "who"), [("pl", "synerity"), ("it", "esri"), ("sv", "infor"), ("en", "amanda")])
def test_compare_all_tiers_on_a_phone_shows_the_tier_whose_card_it_is_on(visitor, lang, who) -> None:
    # The phone's comparison shows the tiers ticked above it, the first two at first: Gold's "Compare all tiers" led to a
    # comparison of Free and Silver.
    touch = {"viewport": PHONE, "has_touch": True, "is_mobile": True}
    page = visitor.open(f"/{lang}/{who}/index.html", **touch).page
    links = page.locator("#tiers .tcard a.cta")
    count = links.count()
    assert count > 2 and page.evaluate(COLUMNS) == [True, True] + [False] * (count - 2)
    links.nth(count - 1).tap()
    page.wait_for_function("location.hash === '#compare'")
    shown = page.evaluate(COLUMNS)
    assert shown[-1], f"the last tier's column is not shown after its card's link: {shown}"
    assert shown[:2] == [True, True], "the tiers ticked before were unticked"
    top = page.locator("#compare").evaluate("el => el.getBoundingClientRect().top")
    assert -1 <= top < 50, f"the page did not scroll to the comparison (its top is at {top})"


# Each card's prices: how many lines each takes, its size beside the card's own words, and whether it stays inside.
PRICES = """
() => [...document.querySelectorAll('#tiers .tcard .price')].map(p => {
  const s = getComputedStyle(p), card = p.closest('.tcard').getBoundingClientRect(), r = p.getBoundingClientRect();
  const body = parseFloat(getComputedStyle(p.closest('.tcard')).fontSize);
  const label = p.querySelector('small')?.getBoundingClientRect().height || 0;
  return {text: p.innerText, lines: Math.round((r.height - label) / parseFloat(s.lineHeight)), size: parseFloat(s.fontSize) / body,
          inside: r.left >= card.left && r.right <= card.right};
})
"""


@pytest.mark.parametrize("width", [320, 390])
def test_a_long_price_on_a_phone_card_reads_as_text_not_a_headline(visitor, check, width) -> None:
    # Norrdrift Plus's price, a monthly fee, two prices per server and per user, quarterly billing and a set-up fee, stood
    # in 1.2rem bold over eight lines of a phone's card, bigger than anything on the page but the vendor's name.
    touch = {"viewport": {"width": width, "height": 844}, "has_touch": True, "is_mobile": True}
    long_ones = 0
    for lang in check.languages:
        for vendor in check.vendors:
            page = visitor.open(f"/{lang}/{vendor}/index.html", reuse=True, **touch).page
            for price in page.evaluate(PRICES):
                where = f"{lang}/{vendor} at {width} px: {price['text']!r}"
                assert price["inside"], f"{where} runs out of its card"
                if price["lines"] > 3:
                    long_ones += 1
                    assert price["size"] <= 1, f"{where} takes {price['lines']} lines at {price['size']:.2f} times the card's text"
            assert page.evaluate(BROKEN_WORDS, "#tiers .price") == [], f"{lang}/{vendor} at {width} px"
    assert long_ones, "no price takes more than three lines: the test no longer sees a long one"


HOME_PRICES = """
() => [...document.querySelectorAll('.card')].map(c => {
  const dd = c.querySelectorAll('dd')[1], r = dd.getBoundingClientRect();
  return {vendor: c.querySelector('h2').innerText, text: dd.innerText, segments: dd.querySelectorAll('br').length + 1,
          lines: Math.round(r.height / parseFloat(getComputedStyle(dd).lineHeight))};
})
"""


@pytest.mark.parametrize("width", [320, 390])
def test_a_home_card_says_each_segments_price_in_three_lines_at_most_on_a_phone(visitor, check, width) -> None:
    # Norrdrift's card listed both tiers' whole prices joined by "or" (parts per server and user, billing, a set-up fee):
    # seven lines at 390 px, nine at 320. It now says where they start; the vendor page says each whole.
    for lang in check.languages:
        page = visitor.open(f"/{lang}/index.html", viewport={"width": width, "height": 844}, reuse=True).page
        prices = page.evaluate(HOME_PRICES)
        assert len(prices) >= 8
        for price in prices:
            where = f"{lang} at {width} px: {price['vendor']}'s price"
            assert price["lines"] <= 3 * price["segments"], f"{where} takes {price['lines']} lines: {price['text']!r}"


# For each card, the paragraphs (not its prices) that name the tier it extends, by its name's last word ("Bas",
# "Standardpaketet", "1" of "Extended support 1", not "10").
NAMING_BASE = r"""
(bases) => [...document.querySelectorAll('#tiers .tcard')].map((card, i) => {
  const base = bases[i];
  if (!base) return 0;
  const last = base.split(/\s+/).at(-1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const names = new RegExp(`(^|[^\\p{L}\\p{N}])${last}(?!\\p{N})`, 'iu');
  return [...card.querySelectorAll(':scope > p:not(.price)')].filter(p => names.test(p.innerText.replace(/\u2060/g, ''))).length;
})
"""


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_card_names_the_tier_it_extends_once(visitor, lang) -> None:
    # Drift Plus: "Everything in Bas, with round-the-clock on-call staff …" and under its price "Everything in Drift Bas,
    # and more"; so Cassalink's Premium, Wisła's Extended package and Esri's level 2, in every language.
    result = load_project([PLANS])
    assert result.project is not None
    named_twice = []
    for vendor in result.project.vendors:
        reader = Reader(lang, words()[lang], vendor)
        bases = [reader.plain(vendor.plan(p.extends).name) if p.extends else None for p in vendor.plans]
        page = visitor.open(f"/{lang}/{vendor.id}/index.html", viewport=WIDE, reuse=True).page
        counts = page.evaluate(NAMING_BASE, bases)
        named_twice += [f"{vendor.id}/{p.id}" for p, n in zip(vendor.plans, counts, strict=True) if n > 1]
        assert all(n >= 1 for n, base in zip(counts, bases, strict=True) if base), f"{lang}/{vendor.id}: a card that extends a tier does not say so"
    assert named_twice == [], f"{lang}: these cards say twice that they have everything of the tier below"


@pytest.mark.parametrize(("lang", "title"), [("sv", "Svarstid"), ("it", "Tempo di risposta"), ("pl", "Czas reakcji"), ("en", "Response time")])
def test_a_card_names_the_response_time_as_the_pages_table_and_calculator_do(visitor, lang, title) -> None:
    # Wisła's cards said "First response (Critical failure): 1 hour" over "Response time" tables and calculator.
    page = visitor.open(f"/{lang}/wisla/index.html", reuse=True).page
    points = page.locator("#tiers .tcard li").all_inner_texts()
    assert any(p.startswith(f"{title} (") for p in points), points
    assert page.locator("#targets h3").first.inner_text().strip() == title


# The room between the last words of each tier card and its "Compare all tiers", in px.
ROOM_ABOVE_THE_LINK = """
() => [...document.querySelectorAll('.tcard')].map((card) => {
  const link = card.querySelector('a.cta').getBoundingClientRect();
  const above = card.querySelector('a.cta').previousElementSibling.getBoundingClientRect();
  return link.top - above.bottom;
})
"""


@pytest.mark.parametrize("width", [768, 1366])
@pytest.mark.parametrize("lang", ["it", "pl"])
def test_compare_all_tiers_stands_apart_from_the_longest_cards_last_words(visitor, lang, width) -> None:
    # In the tallest card (Synerity's Free, at 768 px) the link's frame sat 4 px under the list's last line, and read
    # as laid over it.
    page = visitor.open(f"/{lang}/synerity/index.html", viewport={"width": width, "height": 900}, reuse=True).page
    rooms = page.evaluate(ROOM_ABOVE_THE_LINK)
    assert len(rooms) == 3 and min(rooms) >= 12, rooms
