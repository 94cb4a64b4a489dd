"""The comparison across vendors (issue 9): sorts, filters, shares a choice of tiers by its address,
works without JavaScript, fits every screen, and "who answers first?" gives the Python evaluator's deadlines."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from browser.layout import BROKEN_WORDS
from dsl.rules.engine import Evaluator, RuleError

PATH = "/en/compare/index.html"


def _tiers() -> int:
    """How many tiers the shipped plans hold: every one is a row (a card on a phone) of the comparison."""
    from dsl.language.loader import load_project
    from support.paths import PLANS

    project = load_project([PLANS]).project
    assert project is not None
    return sum(len(v.plans) for v in project.vendors)


def _ready(page: Any) -> None:
    page.locator("#cmp-tools").wait_for(state="visible")


def _visible_plans(page: Any) -> list[str]:
    return page.eval_on_selector_all("#cmp tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.plan)")


def _column_keys(page: Any, key: str) -> list[str]:
    return page.evaluate(
        """(key) => {
          const index = [...document.querySelectorAll('#cmp thead th')].findIndex(th => th.dataset.key === key);
          return [...document.querySelectorAll('#cmp tbody tr:not([hidden])')].map(r => r.cells[index].dataset.sort);
        }""",
        key,
    )


def _in_order(keys: list[str], descending: bool = False) -> bool:
    values = [k for k in keys if k != "~"]
    # Nothing to compare ("Not stated") stays last either way.
    assert keys[len(values):] == ["~"] * (len(keys) - len(values)), keys
    # Before it, what compares only with its kind (compare.APART: a share of a licence price), ascending either way.
    apart = [k for k in values if k.startswith("}")]
    assert values[len(values) - len(apart):] == sorted(apart), keys
    values = values[: len(values) - len(apart)]
    return values == sorted(values, reverse=descending)


def test_sorts_by_a_column_with_buttons_and_aria_sort(visitor) -> None:
    visit = visitor.open(PATH)
    page = visit.page
    _ready(page)
    head = page.locator("#cmp thead th[data-key=top]")
    button = head.get_by_role("button")
    button.click()
    expect(head).to_have_attribute("aria-sort", "ascending")
    assert page.locator("#cmp thead th[aria-sort]").count() == 1
    keys = _column_keys(page, "top")
    assert _in_order(keys) and len(set(keys)) > 2, keys
    assert keys[0] < keys[-2]  # the fastest first
    button.click()
    expect(head).to_have_attribute("aria-sort", "descending")
    assert _in_order(_column_keys(page, "top"), descending=True)
    query = parse_qs(urlsplit(page.url).query)
    assert query["sort"] == ["top"] and query["dir"] == ["desc"]
    # Another column: the price, grouped by currency, cheapest first.
    page.locator("#cmp thead th[data-key=price] button").click()
    assert _in_order(_column_keys(page, "price"))


def test_filters_by_vendor_coverage_and_channel(visitor) -> None:
    visit = visitor.open(PATH)
    page = visit.page
    _ready(page)
    total = len(_visible_plans(page))
    page.select_option("#f-coverage", "24x7")
    rows = page.locator("#cmp tbody tr:not([hidden])")
    assert 0 < rows.count() < total
    assert set(page.eval_on_selector_all("#cmp tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.coverage)")) == {"24x7"}
    expect(page.locator("#cmp-tools .count")).to_have_text(f"Tiers shown: {rows.count()} of {total}")
    page.select_option("#f-coverage", "")
    page.select_option("#f-channel", "account-manager")
    channels = page.eval_on_selector_all("#cmp tbody tr:not([hidden])", "rs => rs.map(r => r.dataset.channels)")
    assert channels and all("account-manager" in c.split() for c in channels)
    page.select_option("#f-channel", "")
    page.locator("#cmp-tools input[name=vendor][value=esri]").uncheck()
    shown = _visible_plans(page)
    assert shown and not any(p.startswith("esri/") for p in shown) and len(shown) < total
    query = parse_qs(urlsplit(page.url).query)
    assert "esri" not in query["vendors"][0].split(",")


def test_a_choice_of_tiers_is_shared_by_its_address_and_restored(visitor) -> None:
    visit = visitor.open(PATH)
    page = visit.page
    _ready(page)
    chosen = ["stratiteq/sos", "synerity/gold", "amanda/premium"]
    for plan in chosen:
        page.locator(f"#cmp input.choose[value='{plan}']").check()
    page.locator("#f-only").check()
    page.locator("#cmp thead th[data-key=low] button").click()
    assert sorted(_visible_plans(page)) == sorted(chosen)
    order = _visible_plans(page)
    link = page.locator("#cmp-link").get_attribute("href")
    assert link and "plans=" in link
    assert urlsplit(page.url).query == urlsplit(link).query  # the address bar says the same
    # Someone else opens the shared link: the same tiers, in the same order, with their boxes ticked.
    other = visitor.open(urlsplit(link).path + "?" + urlsplit(link).query)
    _ready(other.page)
    assert _visible_plans(other.page) == order
    assert sorted(other.page.eval_on_selector_all("#cmp input.choose:checked", "bs => bs.map(b => b.value)")) == sorted(chosen)
    expect(other.page.locator("#cmp thead th[data-key=low]")).to_have_attribute("aria-sort", "ascending")
    # Showing every tier again keeps the choice in the address.
    other.page.locator("#f-only").uncheck()
    assert len(_visible_plans(other.page)) > len(chosen)
    query = parse_qs(urlsplit(other.page.url).query)
    assert sorted(query["plans"][0].split(",")) == sorted(chosen) and query["show"] == ["all"]


def test_without_javascript_the_whole_table_shows_and_the_tools_do_not(visitor, site_dir: Path) -> None:
    visit = visitor.open(PATH, java_script_enabled=False)
    page = visit.page
    rules = json.loads((site_dir / "rules" / "all.json").read_text(encoding="utf-8"))
    plans = sum(len(v["plans"]) for v in rules["vendors"].values())
    rows = page.locator("#cmp tbody tr")
    assert rows.count() == plans
    assert all(r.is_visible() for r in rows.all())
    empty = page.eval_on_selector_all("#cmp tbody td", "cells => cells.filter(c => !c.textContent.trim()).length")
    assert empty == 0
    for hidden in ("#cmp-tools", "#first", "#cmp input.choose"):
        loc = page.locator(hidden)
        assert all(not loc.nth(i).is_visible() for i in range(loc.count())), f"{hidden} shows without JavaScript"
    assert page.locator("#cmp thead button").count() == 0


@pytest.mark.parametrize("width", [320, 360, 768, 1280])
def test_no_sideways_page_scroll_and_the_table_scrolls_in_its_box(visitor, check, width: int) -> None:
    visit = visitor.open(PATH, viewport={"width": width, "height": 800}, reuse=True)
    page = visit.page
    _ready(page)
    result = check.overflow(page)
    assert result["scrollWidth"] <= result["clientWidth"], result
    box = page.locator(".scroll").first
    overflows = box.evaluate("b => b.scrollWidth > b.clientWidth")
    assert overflows == page.locator("#cmp .hint").is_visible(), "the hint shows exactly when the table scrolls"
    if overflows:
        first = page.locator("#cmp tbody th").first
        before = first.bounding_box()
        box.evaluate("b => b.scrollLeft = 200")
        after = first.bounding_box()
        assert before and after and abs(before["x"] - after["x"]) < 1, "the first column stays in view"


HEADS_AND_FOCUS = """
() => {
  const heads = [...document.querySelectorAll('#cmp thead th')].map(th => th.getBoundingClientRect());
  const focused = document.activeElement.getBoundingClientRect();
  return {tops: heads.map(r => Math.round(r.top)), bottom: Math.max(...heads.map(r => r.bottom)), focused: focused.top};
}
"""


@pytest.mark.parametrize("width", [1280, 1440])
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_on_a_desktop_the_columns_stay_named_down_the_table(visitor, check, lang: str, width: int) -> None:
    # The table scrolled sideways in its own box, so its head could stick to the box only: from the fifth of twenty
    # tiers no column was named. Where the table fits, the head sticks to the page, and the keyboard's focus is not
    # scrolled to under it.
    page = visitor.open(f"/{lang}/compare/index.html", viewport={"width": width, "height": 900}, reuse=True).page
    _ready(page)
    assert check.overflow(page)["scrollWidth"] <= width
    page.locator("#cmp tbody tr").nth(14).locator("input.choose").focus()
    page.keyboard.press("Shift+Tab")  # back to the row above's link, scrolled into view by the browser
    found = page.evaluate(HEADS_AND_FOCUS)
    assert set(found["tops"]) == {0}, f"the heads are not at the page's top: {found}"
    assert found["focused"] >= found["bottom"] - 1, f"the focused link is under the head: {found}"


# Each card's facts as a reader sees them: the name above each fact (generated from the column's head), its words,
# and whether it sits inside the viewport.
CARDS = """
() => [...document.querySelectorAll('#cmp tbody tr')].filter((r) => r.checkVisibility()).map((r) => ({
  plan: r.dataset.plan,
  inside: r.getBoundingClientRect().left >= 0 && r.getBoundingClientRect().right <= document.documentElement.clientWidth,
  facts: [...r.cells].slice(1).map((c) => [getComputedStyle(c, '::before').content, c.innerText.trim(), c.getBoundingClientRect().width]),
}))
"""


@pytest.mark.parametrize("script", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", [320, 390])
def test_on_a_phone_each_tier_is_a_card_that_names_its_facts(visitor, check, width: int, script: bool) -> None:
    # The comparison was a 58rem table scrolled sideways in a 20rem box, the Tier column covering a third of it.
    visit = visitor.open(PATH, viewport={"width": width, "height": 800}, java_script_enabled=script, reuse=True)
    page = visit.page
    result = check.overflow(page)
    assert result["scrollWidth"] <= result["clientWidth"], result
    assert page.locator(".scroll").first.evaluate("b => b.scrollWidth <= b.clientWidth"), "the comparison still scrolls sideways"
    heads = page.eval_on_selector_all("#cmp thead th", "ths => ths.slice(1).map(th => th.innerText.trim())")
    cards = page.evaluate(CARDS)
    assert len(cards) == _tiers()
    for card in cards:
        assert card["inside"], card
        names = [content for content, _, _ in card["facts"]]
        # The generated name is the column's head in quotes, with empty alternative text ("Price" / "").
        assert [n.split("/")[0].strip().strip('"') for n in names] == heads, card
        assert all(words and width_ > 0.6 * width for _, words, width_ in card["facts"]), card  # a fact on the card's width
    # Every word whole: nothing on a card is cut in two at the edge of a narrow column.
    assert page.evaluate(BROKEN_WORDS, "#cmp tbody") == []
    # The heads: sort buttons above the cards with JavaScript, for screen readers only without it.
    box = page.locator("#cmp thead").bounding_box()
    assert box is not None and (box["height"] > 24) == script, box
    assert page.get_by_role("columnheader", name=heads[0]).count() == 1
    if script:
        page.locator("#cmp thead th[data-key=price] button").click()
        assert _in_order(_column_keys(page, "price"))


@pytest.mark.parametrize("width", [320, 390, 1366])
def test_a_fact_the_plan_does_not_state_is_seen_as_words(visitor, width: int) -> None:
    # Not stated, No price published, Not published by the vendor: in muted words, never a blank cell.
    page = visitor.open(PATH, viewport={"width": width, "height": 800}, reuse=True).page
    unstated = page.locator("#cmp td.u")
    assert unstated.count() > 10
    for i in range(unstated.count()):
        cell = unstated.nth(i)
        said = cell.inner_text().strip().splitlines()[0]  # a priority may follow in small type
        assert cell.is_visible() and said in ("Not stated", "No price published", "Not published by the vendor"), said
        assert cell.evaluate("c => getComputedStyle(c).fontStyle") == "italic"
    assert page.locator("#cmp td").filter(has_text="No price published").count() > 0


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_who_answers_first_cuts_no_word_on_a_phone(visitor, width: int, lang: str) -> None:
    # As three columns a third of the screen wide it cut "Stratiteq", "Allvarlighetsgrad" and "Nieopublikowany".
    page = visitor.open(f"/{lang}/compare/index.html", viewport={"width": width, "height": 800}, wait_until="networkidle").page
    page.locator("#first tbody tr").first.wait_for(state="visible")
    assert page.evaluate(BROKEN_WORDS, "#first tbody") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_linked_from_the_index_and_the_vendor_pages(visitor) -> None:
    for path in ("/sv/index.html", "/sv/esri/index.html"):
        page = visitor.open(path).page
        page.locator("a[href$='compare/index.html']").first.click()
        page.wait_for_url("**/sv/compare/index.html")
        assert page.locator("html").get_attribute("lang") == "sv"


# --- who answers first? -----------------------------------------------------------------------

# (zone, date, time, priority): several vendors at once, a weekend, the eves of Swedish holidays
# (Christmas Eve, Midsummer Eve), and the Fridays before both DST changes in Europe and in New York.
SITE_ZONE_WORDS = {
    "Europe/Stockholm": "Swedish time", "Europe/Warsaw": "Polish time", "America/New_York": "New York time", "Europe/Rome": "Italian time",
}
MOMENTS = [
    ("Europe/Stockholm", "2026-11-28", "10:00", "top"),  # a Saturday
    ("Europe/Stockholm", "2026-12-23", "16:00", "low"),  # the day before Christmas Eve
    ("Europe/Stockholm", "2027-06-24", "13:30", "top"),  # the day before Midsummer Eve
    ("Europe/Stockholm", "2027-03-26", "16:00", "low"),  # Friday before summer time (28 March)
    ("Europe/Warsaw", "2026-10-23", "16:00", "top"),  # Friday before winter time (25 October)
    ("America/New_York", "2027-03-12", "16:00", "top"),  # Friday before US summer time (14 March)
    ("Europe/Rome", "2028-12-29", "16:00", "low"),  # deadlines after the covered years
]


def _python_answers(site_dir: Path, page: Any, zone: str, day: str, time: str, which: str) -> dict[str, str]:
    """What dsl.rules.engine answers for every tier the table lists: an ISO instant in UTC, or "" for none."""
    evaluator = Evaluator(json.loads((site_dir / "rules" / "all.json").read_text(encoding="utf-8")))
    at = datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=ZoneInfo(zone)).isoformat()
    rows = page.eval_on_selector_all("#cmp tbody tr", f"rs => rs.map(r => [r.dataset.plan, r.dataset.{which}, r.dataset.{which}Why])")
    answers = {}
    for plan, priority, why in rows:
        try:
            deadline = evaluator.due(plan, priority or None, at, tz=zone)
        except RuleError:
            answers[plan] = ""
            continue
        assert not why, f"{plan} has a deadline in Python but the page says: {why}"
        answers[plan] = deadline.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return answers


@pytest.mark.parametrize(("zone", "day", "time", "which"), MOMENTS, ids=[f"{m[0]}-{m[1]}-{m[3]}" for m in MOMENTS])
def test_who_answers_first_equals_the_python_evaluator(visitor, site_dir: Path, zone: str, day: str, time: str, which: str) -> None:
    visit = visitor.open(f"{PATH}?at={day}&time={time}&priority={which}", timezone_id=zone, wait_until="networkidle")
    page = visit.page
    page.locator("#first").wait_for(state="visible")
    # The reader's zone as the tables name it, never by its id (pages13: "Central European Time (Europe/Stockholm)").
    expect(page.locator("#first .zone")).to_have_text(f"Times are in {SITE_ZONE_WORDS[zone]}, your time zone.")
    browser = dict(page.eval_on_selector_all("#first tbody tr", "rs => rs.map(r => [r.dataset.plan, r.dataset.due || ''])"))
    python = _python_answers(site_dir, page, zone, day, time, which)
    assert browser == python
    if day.startswith("2028-12-29"):
        # Python refuses these too (RuleError: after the covered years); the page says which years it has.
        expect(page.locator("#first tbody td.why").filter(has_text="after 2028").first).to_be_visible()
    else:
        assert sum(1 for v in python.values() if v) >= 3, "too few tiers with a deadline to compare"
    dues = [d for d in browser.values() if d]
    listed = [d for d in page.eval_on_selector_all("#first tbody tr", "rs => rs.map(r => r.dataset.due || '')") if d]
    assert listed == sorted(dues), "fastest first"
    # A tier without a deadline says why, in words.
    for row in page.locator("#first tbody tr:not([data-due]) td.why").all():
        assert row.inner_text().strip()


def test_who_answers_first_defaults_to_next_friday_at_four(visitor, site_dir: Path) -> None:
    visit = visitor.open(PATH, timezone_id="America/New_York", wait_until="networkidle")
    page = visit.page
    page.locator("#first").wait_for(state="visible")
    # The field writes the day the page's way (en: British, 04/12/2026); the answers are asked for as YYYY-MM-DD.
    day = datetime.strptime(page.input_value("#w-at"), "%d/%m/%Y").date().isoformat()
    assert datetime.fromisoformat(day).weekday() == 4 and page.input_value("#w-time") == "16:00"
    assert "at=" not in page.url  # the default is not written into a shared address
    browser = dict(page.eval_on_selector_all("#first tbody tr", "rs => rs.map(r => [r.dataset.plan, r.dataset.due || ''])"))
    assert browser == _python_answers(site_dir, page, "America/New_York", day, "16:00", "top")


def test_who_answers_first_follows_the_filters(visitor) -> None:
    visit = visitor.open(PATH, wait_until="networkidle")
    page = visit.page
    page.locator("#first").wait_for(state="visible")
    page.locator("#cmp-tools input[name=vendor][value=amanda]").uncheck()
    assert not any(p.startswith("amanda/") for p in page.eval_on_selector_all("#first tbody tr", "rs => rs.map(r => r.dataset.plan)"))
    page.select_option("#w-priority", "low")
    assert parse_qs(urlsplit(page.url).query)["priority"] == ["low"]


def test_switching_language_keeps_the_comparison(visitor) -> None:
    # The switcher's links led to the other language's page as it first opens: a reader comparing two of
    # Amanda's tiers for a Tuesday who switched to Polish got all 14 tiers and next Friday again.
    visit = visitor.open(PATH, viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, wait_until="networkidle")
    page = visit.page
    _ready(page)
    for vendor in ("esri", "infor", "stratiteq", "synerity"):
        page.locator(f"#cmp-tools input[name=vendor][value={vendor}]").tap()
    for plan in ("amanda/standard", "amanda/premium"):
        page.locator(f'#cmp input.choose[value="{plan}"]').tap()
    page.locator("#f-only").tap()
    page.fill("#w-at", "05/01/2027")
    page.fill("#w-time", "15:30")
    page.locator("#w-time").press("Tab")
    with page.expect_navigation():
        page.locator("nav.langs a[hreflang=pl]").tap()
    _ready(page)
    assert urlsplit(page.url).path == "/pl/compare/index.html"
    assert _visible_plans(page) == ["amanda/standard", "amanda/premium"]
    assert page.input_value("#w-at") == "5.01.2027" and page.input_value("#w-time") == "15:30"
    assert visit.problems() == []


@pytest.mark.parametrize(
    ("lang", "zone", "said", "not_said"),
    [
        # A browser in UTC (a server, a headless machine) read "GMT+00:00 (UTC)": CLDR's generic name for UTC is its offset.
        ("en", "UTC", "Times are in your time zone, UTC.", "GMT+00:00"),
        ("pl", "UTC", "Godziny podano w strefie czasowej przeglądarki: UTC.", "GMT"),
        # A zone the tables name is named so, not by its id ("czas środkowoeuropejski (Europe/Warsaw)" before pages13).
        ("pl", "Europe/Warsaw", "Godziny podano według czasu polskiego – strefy czasowej przeglądarki.", "Europe/"),
        ("sv", "Europe/Stockholm", "Tiderna anges i svensk tid, din tidszon.", "Europe/"),
        # One they do not, by CLDR's generic name alone.
        ("sv", "Europe/Belgrade", "Tiderna anges i din tidszon, centraleuropeisk tid.", "Europe/"),
        # tz's Etc/GMT-3 is three hours ahead of UTC: its id beside "GMT+03:00" read as a contradiction.
        ("sv", "Etc/GMT-3", "Tiderna anges i din tidszon, UTC+3.", "Etc/GMT"),
        # Intl names Italian zones as titles ("Ora dell’Europa centrale"), here inside a sentence.
        ("it", "Europe/Belgrade", "Gli orari sono nel vostro fuso orario, ora dell’Europa centrale.", "Ora "),
        ("it", "Europe/Rome", "Gli orari sono espressi in ora italiana, il vostro fuso orario.", "Europe/"),
    ],
)
def test_who_answers_first_names_the_zone_as_the_pages_do(visitor, lang: str, zone: str, said: str, not_said: str) -> None:
    page = visitor.open(f"/{lang}/compare/index.html", timezone_id=zone, wait_until="networkidle").page
    page.locator("#first tbody tr").first.wait_for(state="visible")
    line = page.locator("#first .zone").inner_text().strip().replace("\u00a0", " ")  # Polish "w\u00a0strefie"
    assert line == said and not_said not in line


def test_print_shows_the_table_and_hides_the_controls(visitor) -> None:
    visit = visitor.open(PATH, viewport={"width": 800, "height": 900})
    page = visit.page
    _ready(page)
    page.emulate_media(media="print")
    assert page.locator("footer.foot").is_visible()
    assert page.locator("#cmp tbody tr").first.is_visible()
    for control in ("#cmp-tools", "#first", "input.choose", "nav.langs"):
        loc = page.locator(control)
        assert all(not loc.nth(i).is_visible() for i in range(loc.count())), f"{control} is printed"


# The layout shifts a reader sees while the page loads (the Layout Instability API), summed.
LAYOUT_SHIFT = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({type: 'layout-shift', buffered: true});
"""


@pytest.mark.parametrize("width", [360, 1280])
def test_the_tools_do_not_push_the_table_down_when_the_script_loads(visitor, width: int) -> None:
    # The filters and tick boxes were shown by compare.js once it had loaded, above the table the
    # reader was already looking at: a cumulative layout shift of 0.27 on a phone ("poor" above 0.25).
    visit = visitor.open("/en/compare/index.html", viewport={"width": width, "height": 780}, wait_until="commit")
    page = visit.page
    page.add_init_script(LAYOUT_SHIFT)
    page.reload(wait_until="load")
    expect(page.locator("#cmp-tools .count")).to_contain_text(f"{_tiers()} of {_tiers()}")
    expect(page.locator("input.choose").first).to_be_visible()
    page.wait_for_timeout(300)
    shifts = page.evaluate("window.__shifts")
    assert sum(shifts) < 0.01, f"layout shifts {shifts}"


# What the reader sees at the focused element's centre: the element, or what covers it.
COVERED = """
() => {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const seen = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !seen || el === seen || el.contains(seen) ? '' : `"${el.innerText.trim()}" under "${seen.innerText.trim()}"`;
}
"""


@pytest.mark.parametrize("width", [360, 768])
def test_shift_tab_brings_each_sort_button_out_from_under_the_sticky_column(visitor, width: int) -> None:
    # Going back through the heads, the browser scrolled the table only until a button touched the
    # box's edge, which is where the Tier column sticks: "Price" took focus hidden under "Tier".
    visit = visitor.open(PATH, viewport={"width": width, "height": 800})
    page = visit.page
    buttons = page.locator("#cmp thead button")
    expect(buttons.first).to_be_visible()
    buttons.last.focus()
    covered = []
    for _ in range(buttons.count() - 1):
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.closest('#cmp thead') !== null")
        if problem := page.evaluate(COVERED):
            covered.append(problem)
    assert covered == []


def test_esris_escalated_cases_read_as_their_own_row_not_as_24x7_for_every_case(visitor) -> None:
    # Level 3 read "All priorities (Cases escalated to Esri Inc): 24×7, all year round" beside "8 hours, Every request":
    # 8 hours around the clock for every case, to a reader going fast. Esri has no priorities; the 24×7 and the 1 hour
    # are for escalated cases, the 8 hours for any other case, on the phone hours.
    page = visitor.open("/en/compare/index.html?vendors=esri", wait_until="networkidle").page
    row = page.locator('#cmp tr[data-plan="esri/extended-3"]')
    assert row.locator("td").nth(1).inner_text().strip() == "Cases escalated to Esri Inc: 24×7, all year round"
    top = row.locator("td").nth(2)
    assert [t.strip() for t in top.locator("small").all_inner_texts()] == [
        "Any case other than cases escalated to Esri Inc", "Cases escalated to Esri Inc: 1 hour"
    ]
    assert top.inner_text().startswith("8 hours")
    # A tier without an escalated time of its own: its time is for every case, as before.
    plain = page.locator('#cmp tr[data-plan="esri/extended-1"] td').nth(2)
    assert [t.strip() for t in plain.locator("small").all_inner_texts()] == ["Every request"]
    # "Who answers first?" names the case its deadline is for, and the one it is not: "Any other case" stood there
    # alone, without the escalated case's line, and said no other than what.
    page.locator("#first tbody tr").first.wait_for(state="visible")
    said = page.locator('#first tr[data-plan="esri/extended-3"] td').first.inner_text().strip()
    assert said == "Any case other than cases escalated to Esri Inc"


PRICES = """vendor acme {
  name "Acme"
  language en
  plan yearly { name "Yearly" price 12000 SEK per year }
  plan monthly { name "Monthly" price 1500 SEK per month }
  plan users { name "Users" price 100 SEK per user per month minimum 20 users }
  plan incident { name "Per incident" price 900 SEK per incident }
  plan share { name "Share" price 20% of licence per year }
  plan ask { name "Ask" price on request }
  plan silent { name "Silent" }
}
"""


def test_the_price_sort_compares_a_month_and_keeps_prices_without_one_after_in_both_directions(make_visitor, tmp_path: Path) -> None:
    """SEK 12,000 a year is SEK 1,000 a month: cheaper than SEK 1,500 a month; 20 users at SEK 100 dearer than both.
    A price per incident, a share of a licence and "ask" have no monthly amount: after those, in both directions."""
    import subprocess
    import sys

    from support.paths import BUILD_PY

    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "acme.plan").write_text(PRICES, encoding="utf-8")
    command = [sys.executable, str(BUILD_PY), "--project", str(tmp_path), "build", "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    page = make_visitor(tmp_path / "_site").open(PATH).page
    _ready(page)
    button = page.locator("#cmp thead th[data-key=price] button")
    button.click()
    apart = ["acme/incident", "acme/share", "acme/ask", "acme/silent"]
    assert _visible_plans(page) == ["acme/yearly", "acme/monthly", "acme/users", *apart]
    button.click()
    expect(page.locator("#cmp thead th[data-key=price]")).to_have_attribute("aria-sort", "descending")
    assert _visible_plans(page) == ["acme/users", "acme/monthly", "acme/yearly", *apart]


def test_the_penalties_column_names_its_fact_on_a_phone_and_sorts_the_tiers_that_pay_first(visitor) -> None:
    page = visitor.open(PATH, viewport={"width": 360, "height": 740}).page
    _ready(page)
    card = page.locator("#cmp tbody tr[data-plan='wisla/standard']")
    cell = card.locator("td").last
    named = cell.evaluate("c => getComputedStyle(c, '::before').content")
    assert named.startswith('"Penalty for delay"'), named  # with its empty alternative text: the head names it already
    assert "First response (A) and resolution" in cell.inner_text()
    assert "All penalties together at most 30% of the monthly fee per month" in cell.inner_text()
    page.locator("#cmp thead th[data-key=penalties] button").click()
    shown = _visible_plans(page)
    assert shown[:2] == ["wisla/standard", "wisla/rozszerzony"]
    assert _in_order(_column_keys(page, "penalties"))
    texts = page.eval_on_selector_all("#cmp tbody tr:not([hidden]) td:last-child", "cells => cells.map(c => c.innerText)")
    assert texts[-1] == "Not stated"


MARK_ALONE = """
() => [...document.querySelectorAll('#cmp thead th button')].filter((b) => {
  // The last letter of the head's words and the button's bottom: a line lower when the mark stands alone on its own.
  const text = [...b.childNodes].filter((n) => n.nodeType === 3).at(-1);
  const r = document.createRange();
  r.setStart(text, text.data.trimEnd().length - 1);
  r.setEnd(text, text.data.trimEnd().length);
  const last = r.getBoundingClientRect();
  return b.getBoundingClientRect().bottom - last.bottom > last.height / 2;
}).map((b) => b.textContent)
"""


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_a_sort_buttons_mark_stays_on_the_line_of_its_last_word_on_a_phone(visitor, lang: str) -> None:
    # "Pierwsza odpowiedź, najwyższy priorytet" ended a line of its button at 360 px and "↕" stood alone on the next.
    page = visitor.open(f"/{lang}/compare/index.html", viewport={"width": 360, "height": 740}).page
    _ready(page)
    assert page.locator("#cmp thead th button").count() > 5
    for width in (320, 360, 390):
        page.set_viewport_size({"width": width, "height": 740})
        assert page.evaluate(MARK_ALONE) == [], width


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_only_the_chosen_tiers_says_how_to_choose_when_none_is(visitor, lang: str) -> None:
    # Ticking "Only the chosen tiers" before any tier changed nothing on the page and said nothing about why.
    visit = visitor.open(f"/{lang}/compare/index.html", viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = visit.page
    _ready(page)
    count = page.locator("#cmp-tools .count")
    before = count.inner_text()
    page.locator("#f-only").tap()
    hint = count.inner_text().removeprefix(before).strip()
    assert hint and hint == page.locator("#cmp-tools").get_attribute("data-none")
    assert len(_visible_plans(page)) == _tiers()
    page.locator("#cmp input.choose[value='amanda/premium']").tap()
    assert _visible_plans(page) == ["amanda/premium"]
    assert hint not in count.inner_text()
    page.locator("#cmp input.choose[value='amanda/premium']").tap()
    assert hint in count.inner_text()
    page.locator("#f-only").tap()
    assert count.inner_text() == before
    assert visit.problems() == []


def test_clear_all_then_two_vendors_compares_just_those_and_select_all_brings_every_tier_back(visitor) -> None:
    # Comparing two of eight vendors took six unticks on a phone.
    visit = visitor.open("/it/compare/index.html", viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    page = visit.page
    _ready(page)
    select_all, clear_all = page.locator("#cmp-tools .all button").all()
    for button in (select_all, clear_all):
        box = button.bounding_box()
        assert box and box["height"] >= 44 and box["x"] + box["width"] <= 360  # a thumb's target, inside the phone
    clear_all.tap()
    assert _visible_plans(page) == []
    for vendor in ("esri", "infor"):
        page.locator(f"#cmp-tools input[name=vendor][value={vendor}]").tap()
    shown = _visible_plans(page)
    assert shown and {p.split("/")[0] for p in shown} == {"esri", "infor"}
    assert parse_qs(urlsplit(page.url).query)["vendors"] == ["esri,infor"]
    select_all.tap()
    assert len(_visible_plans(page)) == _tiers()
    assert "vendors" not in parse_qs(urlsplit(page.url).query)
    assert visit.problems() == []


@pytest.mark.parametrize("width", [1280, 1366])
def test_a_desktop_shows_the_whole_comparison_in_every_language(visitor, check, width: int) -> None:
    # The Swedish table ("Allvarlighetsgrad", Wisła's phone number in its channels) needed 1153 px of the site's 72rem,
    # 1118 px: at 1366 px it scrolled sideways and "Vite vid försening" was cut at the box's edge.
    for lang in check.languages:
        page = visitor.open(f"/{lang}/compare/index.html", viewport={"width": width, "height": 800}, reuse=True).page
        _ready(page)
        box = page.locator(".scroll").first
        wide, room = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
        assert wide <= room, f"{lang} at {width} px: the comparison is {wide} px in a {room} px box"
        assert not page.locator("#cmp .hint").is_visible()
        last = page.locator("#cmp thead th").last.bounding_box()
        assert last and last["x"] + last["width"] <= width, f"{lang} at {width} px: the last column ends at {last}"


# How much of the focused control lies under the page's sticky table head (0 when none, or the head is not stuck).
UNDER_THE_HEAD = """
() => {
  const el = document.activeElement;
  if (!el || !el.closest('#cmp tbody')) return -1;
  // The cells stick, not the row group: the head's bottom is the lowest bottom of its cells stuck at the top.
  const stuck = [...document.querySelectorAll('#cmp thead th')].map(th => th.getBoundingClientRect()).filter(h => h.top <= 1 && h.bottom > 0);
  const bottom = Math.max(0, ...stuck.map(h => h.bottom));
  return Math.max(0, bottom - el.getBoundingClientRect().top);
}
"""


@pytest.mark.parametrize("lang", ["pl", "sv", "it", "en"])
def test_shift_tab_up_the_table_on_a_desktop_never_leaves_a_control_under_the_sticky_head(visitor, lang: str) -> None:
    # From 80rem the head sticks to the page's top; the Polish head is about 111 px tall (two-line sort buttons), and the
    # page kept 6rem (96 px) above a control the keyboard reached: the top 12 px of it were under the head (pages14).
    page = visitor.open(f"/{lang}/compare/index.html", viewport={"width": 1440, "height": 900}).page
    links = page.locator("#cmp tbody a")
    expect(links.first).to_be_visible()
    links.last.focus()
    seen, covered = 0, []
    for _ in range(80):
        page.keyboard.press("Shift+Tab")
        under = page.evaluate(UNDER_THE_HEAD)
        if under >= 0:
            seen += 1
            if under > 0:
                covered.append(f"{page.evaluate('document.activeElement.outerHTML.slice(0, 60)')}: {under:.0f} px under the head")
    assert seen > 10, "Shift+Tab never went up the table's body"
    assert covered == []


# The middles of the filters' controls on their row: the selects, the tick box "Only the chosen tiers" and its words.
FILTER_MIDDLES = """
() => [...document.querySelectorAll('#cmp-tools select, #f-only, #cmp-tools .only label')].map((e) => {
  const r = e.getBoundingClientRect();
  return [e.id || e.tagName.toLowerCase(), r.top + r.height / 2];
})
"""


@pytest.mark.parametrize("lang", ["sv", "it", "pl", "en"])
def test_on_a_desktop_only_the_chosen_tiers_stands_in_line_with_the_selects(visitor, lang: str) -> None:
    # The tick box sat 3 px above the selects' middle: an inline box on a line of text, which kept room for descenders.
    page = visitor.open(f"/{lang}/compare/index.html", viewport={"width": 1366, "height": 900}).page
    _ready(page)
    middles = dict(page.evaluate(FILTER_MIDDLES))
    select = middles["f-coverage"]
    assert abs(middles["f-only"] - select) < 1, middles
    assert abs(middles["label"] - select) < 1, middles


@pytest.mark.parametrize(("width", "scrolls"), [(360, False), (1024, True), (1366, False)])
def test_the_tables_box_is_a_tab_stop_only_while_it_scrolls_sideways(visitor, width: int, scrolls: bool) -> None:
    # From 80rem and on a phone's cards the box no longer scrolls, yet Tab stopped on it between the tools' last link
    # and the first sort button: a box 4 000 px tall outlined, and nothing to do there.
    page = visitor.open("/pl/compare/index.html", viewport={"width": width, "height": 900}).page
    _ready(page)
    box = page.locator("#cmp").locator("xpath=..")
    assert box.evaluate("b => b.scrollWidth > b.clientWidth") is scrolls
    page.locator("#cmp-tools a").last.focus()  # the last of the tools, "Who answers first?"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.classList.contains('scroll') ? 'box' : document.activeElement.tagName")
    assert focused == ("box" if scrolls else "BUTTON")


@pytest.mark.parametrize("lang", ["sv", "pl"])
def test_on_a_phone_the_sort_buttons_are_one_line_and_each_comes_into_view_with_the_keyboard(visitor, lang: str) -> None:
    # Wrapped, the seven sort buttons took 310 px above the first card, 42 % of a 740 px screen.
    touch = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True}
    page = visitor.open(f"/{lang}/compare/index.html", **touch).page
    _ready(page)
    buttons = page.locator("#cmp thead button")
    tops = {round(b["y"]) for b in (buttons.nth(i).bounding_box() for i in range(buttons.count())) if b}
    assert len(tops) == 1, tops
    head = page.locator("#cmp thead").bounding_box()
    assert head and head["height"] < 80, head
    buttons.first.focus()
    for i in range(buttons.count()):
        if i:
            page.keyboard.press("Tab")
        box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.left, r.right]; })()")
        assert page.evaluate("document.activeElement.closest('#cmp thead') !== null")
        assert box[0] >= 0 and box[1] <= 360, f"button {i + 1} is at {box}"


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_on_a_desktop_the_sort_buttons_begin_on_one_line(visitor, lang: str) -> None:
    # A baseline rule for the vendor pages' heads set "Tier ▲" and "Price ↕" level with the last line of the three-line
    # heads beside them.
    page = visitor.open(f"/{lang}/compare/index.html", viewport={"width": 1366, "height": 900}, reuse=True).page
    _ready(page)
    tops = page.eval_on_selector_all("#cmp thead button", "bs => bs.map((b) => b.getBoundingClientRect().top)")
    assert len(tops) > 5 and max(tops) - min(tops) < 1, tops


@pytest.mark.parametrize("width", [360, 1366])
def test_who_answers_first_is_one_link_away_from_the_top(visitor, width: int) -> None:
    # The home page promises "who answers first"; it stood under twenty tiers, 4 000 px down, with no way there but
    # scrolling past them all.
    page = visitor.open("/pl/compare/index.html", viewport={"width": width, "height": 800}).page
    _ready(page)
    link = page.locator("#cmp-tools a[href='#first']")
    expect(link).to_be_visible()
    assert link.inner_text() == page.locator("#first-h").inner_text()
    assert link.bounding_box()["y"] < 1600  # type: ignore[index]
    link.click()
    page.wait_for_function("location.hash === '#first'")
    expect(page.locator("#first-h")).to_be_in_viewport()


def test_without_the_rules_the_link_to_who_answers_first_goes_with_it(visitor) -> None:
    visit = visitor.open("/pl/compare/index.html")
    visit.context.route("**/rules/all.json", lambda route: route.abort())
    visit.page.reload()
    _ready(visit.page)
    expect(visit.page.locator("#first")).to_be_hidden()
    expect(visit.page.locator("a[href='#first']")).to_have_count(0)
