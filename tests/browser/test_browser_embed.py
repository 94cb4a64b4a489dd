"""The embeddable tier table (issue 9) inside a foreign page whose style sheet is hostile to it.

A CMS page styles tables, cells, links and lists its own way; the fragment must look like itself
there (its own style sheet wins inside it), leave the page's own elements as the page styles them,
stay readable at a phone's width, and pass axe.
"""

from __future__ import annotations

from pathlib import Path

HOST_CSS = """
* { font-family: Georgia, serif; }
table, th, td { display: block; border: 6px solid rgb(255, 0, 0); color: rgb(0, 128, 0); background: rgb(0, 0, 0); }
caption { display: none; }
a { color: rgb(255, 0, 255); text-transform: uppercase; }
sup { display: none; }
ol, li { list-style: square; margin: 3rem; }
"""


def host_page(site_dir: Path, folder: Path, lang: str = "en", vendor: str = "stratiteq") -> Path:
    """A foreign page with its own hostile styles and table, the fragment pasted into its article."""
    fragment = (site_dir / lang / vendor / "embed.html").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "host.html").write_text(
        f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Our support</title><style>{HOST_CSS}</style></head>
<body><main><h1>Our support</h1>
<table id="own"><caption>Our own table</caption><tr><th scope="col">Own</th></tr><tr><td id="own-td">cell</td></tr></table>
<p><a id="own-a" href="#own">our own link</a></p>
<article>
{fragment}
</article></main></body></html>
""",
        encoding="utf-8",
    )
    return folder


STYLE_OF = """(selector) => {
  const el = document.querySelector(selector);
  const s = getComputedStyle(el);
  return {display: s.display, color: s.color, border: s.borderTopWidth, font: s.fontFamily, bg: s.backgroundColor,
          transform: s.textTransform, height: el.getBoundingClientRect().height};
}"""


def test_the_fragment_keeps_its_own_look_in_a_hostile_page(site_dir, tmp_path, make_visitor, check) -> None:
    visit = make_visitor(host_page(site_dir, tmp_path / "host")).open("/host.html")
    page = visit.page
    assert visit.problems() == []
    table = page.evaluate(STYLE_OF, ".tw-tiers table")
    assert table["display"] == "table" and table["border"] == "0px", table
    head = page.evaluate(STYLE_OF, ".tw-tiers thead th")
    assert head["display"] == "table-cell" and head["color"] == "rgb(27, 27, 27)" and head["bg"] == "rgb(243, 245, 248)", head
    assert "Georgia" not in head["font"] and "system-ui" in head["font"], head
    link = page.evaluate(STYLE_OF, ".tw-tiers .tw-more a")
    assert link["color"] == "rgb(11, 79, 156)" and link["transform"] == "none", link
    caption = page.evaluate(STYLE_OF, ".tw-tiers caption")
    assert caption["display"] == "table-caption" and caption["height"] > 0, caption
    # The page's own elements keep the page's styles: nothing of the fragment leaks out.
    own = page.evaluate(STYLE_OF, "#own-td")
    assert own["display"] == "block" and own["border"] == "6px" and own["color"] == "rgb(0, 128, 0)", own
    assert page.evaluate(STYLE_OF, "#own-a")["color"] == "rgb(255, 0, 255)"
    # Every tier is there, as a column of a real table.
    assert page.locator(".tw-tiers thead th").count() >= 1
    assert page.locator(".tw-tiers tbody th[scope=row]").count() >= 3
    violations = check.axe(page)
    assert [v for v in violations if any(".tw-tiers" in " ".join(map(str, n.get("target", []))) for n in v["nodes"])] == [], (
        check.describe_violations(violations)
    )


def test_the_fragment_scrolls_inside_itself_on_a_phone(site_dir, tmp_path, make_visitor, check) -> None:
    visit = make_visitor(host_page(site_dir, tmp_path / "phone", "pl", "esri")).open("/host.html", viewport=check.narrow)
    overflow = check.overflow(visit.page)
    assert overflow["scrollWidth"] <= overflow["clientWidth"], overflow


def test_the_fragment_opened_on_its_own_reads_in_its_language(visitor) -> None:
    # Served as text/html without a charset (as the test server, file:// and many static hosts do), the Polish
    # fragment read "SpoÅ‚ecznoÅ›Ä‡" and "âœ“": it has no <meta charset>, being no page. It is ASCII now.
    page = visitor.open("/pl/amanda/embed.html").page
    assert page.locator(".tw-tiers caption").inner_text().replace("\u00a0", " ") == "Ceny i zakres pakietów Amanda"  # "i\u00a0zakres"
    assert "Społeczność" in page.locator(".tw-tiers thead").inner_text()
    assert "Included" not in page.locator(".tw-tiers").inner_text()
