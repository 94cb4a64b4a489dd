"""Print (issue 9): the texts behind every <details> and the disclaimer are printed, controls are not."""

from __future__ import annotations


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
