"""Print (issue 9): the texts behind every <details> and the disclaimer are printed, controls are not."""

from __future__ import annotations

from browser.layout import BROKEN_WORDS


def test_print_shows_details_texts_and_the_disclaimer_and_hides_controls(visitor) -> None:
    visit = visitor.open("/en/infor/index.html", viewport={"width": 800, "height": 900})
    page = visit.page
    closed = page.locator("details:not([open]) > :not(summary)")
    assert closed.count() > 0 and not closed.first.is_visible()
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "[...document.querySelectorAll('details > :not(summary)')].filter(e => !e.getClientRects().length).length"
    )
    assert hidden == 0, f"{hidden} texts behind <details> are not printed"
    assert page.locator("footer.foot").is_visible(), "the disclaimer is not printed"
    for control in (".pick", ".perma", "#calculator", "nav.langs"):
        loc = page.locator(control)
        assert all(not loc.nth(i).is_visible() for i in range(loc.count())), f"{control} is printed"


def test_a4_prints_every_tier_not_the_phone_choice(visitor) -> None:
    # A4 less the 12 mm margins is 186 mm, about 703 CSS px: narrower than the phone layout's 48rem.
    # The phone's "two tiers at first" once applied to paper too, where the chooser is not printed:
    # a printed vendor page compared two of Esri's four tiers and never said so.
    visit = visitor.open("/pl/esri/index.html", viewport={"width": 703, "height": 1000})
    page = visit.page
    page.emulate_media(media="print")
    for table in page.locator("table.tt").all():
        heads = table.locator("thead th a")  # each tier's head links to its card
        assert heads.count() == 4
        shown = [heads.nth(i).is_visible() for i in range(4)]
        assert all(shown), f"{table.locator('caption').inner_text()}: tiers shown {shown}"
    assert page.evaluate("document.querySelector('table.tt').getBoundingClientRect().right") <= 703


def test_a4_gives_the_feature_column_room_for_its_texts(visitor) -> None:
    # The texts behind each feature are printed under its name; in the automatic layout's first column (about 150 of
    # A4's 703 px) Synerity's rows ran to 40 lines beside three nearly empty tier cells: 7 pages of paper where 5 do.
    visit = visitor.open("/sv/synerity/index.html", viewport={"width": 703, "height": 1000})
    page = visit.page
    page.emulate_media(media="print")
    tables = page.locator("table.tt").all()
    assert tables
    for table in tables:
        first, whole = table.evaluate("t => [t.tHead.rows[0].cells[0].getBoundingClientRect().width, t.getBoundingClientRect().width]")
        assert first >= 0.3 * whole, f"{table.locator('caption').inner_text()}: the feature column is {first:.0f} of {whole:.0f} px"
    assert page.evaluate(BROKEN_WORDS, "table.tt") == []


def test_the_comparisons_heads_print_without_sort_marks(visitor) -> None:
    # The sort buttons printed as blue heads with "↕" and "▲" after them: marks for a control paper does not have.
    page = visitor.open("/sv/compare/index.html", viewport={"width": 794, "height": 1123}, wait_until="networkidle").page
    page.locator(".cmp thead th button").first.wait_for()
    marks = "[...document.querySelectorAll('.cmp thead th button')].map(b => getComputedStyle(b, '::after').content)"
    assert all(m not in ("none", "normal") for m in page.evaluate(marks)), "on screen the heads show how they sort"
    page.emulate_media(media="print")
    assert set(page.evaluate(marks)) <= {"none", "normal"}
    colours = page.evaluate("[...document.querySelectorAll('.cmp thead th button')].map(b => getComputedStyle(b).color)")
    assert set(colours) == {page.evaluate("getComputedStyle(document.querySelector('.cmp thead th')).color")}
