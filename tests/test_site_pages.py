"""Rendered pages of the hand-built project: structure, language, accessibility markup, escaping."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dsl.language.vocabulary import LANGUAGES
from dsl.site import views as site
from dsl.site.render import render_site
from support.site import Balance, parse, rich_project, words

BASE = "https://support.example.org/compare/"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, site.Warnings]:
    out = tmp_path_factory.mktemp("site")
    warnings = site.Warnings()
    render_site(rich_project(), out, words(), BASE, warnings=warnings)
    return out, warnings


def pages(out: Path) -> list[Path]:
    # embed.html is a fragment for another site's page, not a page (tests/test_settings.py checks it).
    return sorted(p for p in out.rglob("*.html") if p.name != "embed.html")


def test_every_page_is_written(built) -> None:
    out, _ = built
    names = [p.relative_to(out).as_posix() for p in pages(out)]
    per_language = ("acme/index.html", "beta/index.html", "compare/index.html", "index.html")
    expected = ["404.html", "index.html"] + [f"{lang}/{p}" for lang in LANGUAGES for p in per_language]
    assert names == sorted(expected)
    # Each vendor's tier table is also published as a fragment to embed in another site (issue 9).
    fragments = sorted(p.relative_to(out).as_posix() for p in out.rglob("embed.html"))
    assert fragments == sorted(f"{lang}/{v}/embed.html" for lang in LANGUAGES for v in ("acme", "beta"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_pages_have_lang_canonical_alternates_description_and_switcher(built, lang: str) -> None:
    out, _ = built
    for relative in (f"{lang}/index.html", f"{lang}/acme/index.html"):
        tags = parse(out / relative)
        assert tags.find("html")[0]["lang"] == lang
        canonical = tags.find("link", rel="canonical")
        assert [c["href"] for c in canonical] == [BASE + relative.removesuffix("index.html")]
        alternates = {a["hreflang"]: a["href"] for a in tags.find("link", rel="alternate")}
        assert sorted(alternates) == sorted([*LANGUAGES, "x-default"])
        for code in LANGUAGES:
            assert alternates[code] == BASE + relative.replace(lang, code, 1).removesuffix("index.html")
        assert tags.find("meta", name="description")[0]["content"]
        switcher = [a for a in tags.find("a") if a.get("hreflang") in LANGUAGES and a.get("lang")]
        depth = relative.count("/")
        assert [a["href"] for a in switcher] == ["../" * depth + relative.replace(lang, code, 1) for code in LANGUAGES]
        assert [a.get("aria-current") for a in switcher] == ["page" if code == lang else None for code in LANGUAGES]


def test_the_vendor_switcher_keeps_the_vendor(built) -> None:
    out, _ = built
    tags = parse(out / "pl/acme/index.html")
    hrefs = [a["href"] for a in tags.find("a") if a.get("hreflang")]
    assert "../../it/acme/index.html" in hrefs and "../../sv/acme/index.html" in hrefs


def test_root_is_a_language_chooser(built) -> None:
    out, _ = built
    tags = parse(out / "index.html")
    links = [a["href"] for a in tags.find("a") if a.get("hreflang")]
    assert sorted(set(links)) == sorted(f"{code}/index.html" for code in LANGUAGES)
    assert [li["lang"] for li in tags.find("li") if li.get("lang")] == list(LANGUAGES)


def test_the_choosers_notice_is_in_every_language_as_its_choices_are(built) -> None:
    """The chooser is read before a language is chosen: its footer said that the vendor's agreement applies in the
    default language only."""
    out, _ = built
    html = (out / "index.html").read_text(encoding="utf-8")
    foot = html[html.index('<footer class="foot">'):html.index("</footer>")]
    notices = dict(re.findall(r'<p lang="(\w+)">([^<]+)</p>', foot))
    assert list(notices) == list(LANGUAGES)
    assert len(set(notices.values())) == len(LANGUAGES)  # each in its own words
    assert "agreement always applies" in notices["en"] and "avtal" in notices["sv"]
    # A language's own pages keep their one notice, in their language.
    page = (out / "pl" / "index.html").read_text(encoding="utf-8")
    assert page[page.index('<footer class="foot">'):].count("<p") == 1


def test_feature_matrix_has_a_caption_scoped_headers_and_a_tbody_per_category(built) -> None:
    out, _ = built
    html = (out / "en/acme/index.html").read_text(encoding="utf-8")
    tags = parse(out / "en/acme/index.html")
    assert len(tags.find("caption")) >= 3
    rowgroups = [a.get("id") for a in tags.find("th", scope="rowgroup")]
    assert rowgroups == [None, "cat-reach", "cat-care", "cat-other"]
    assert html.count("<tbody>") >= 4
    assert all(a.get("scope") in ("col", "row", "rowgroup") for a in tags.find("th"))
    # Included / not included are said in words; the glyph is CSS decoration with empty alt text.
    assert '<td class="y"><span class="vh">Included</span></td>' in html
    assert '<td class="n"><span class="vh">Not included</span></td>' in html
    assert "✓" not in html.split("<main", 1)[1]
    # A word joiner keeps "E-mail" whole.
    assert "<details><summary>E-\u2060mail support</summary><p>Answers on <em>weekdays</em>.</p></details>" in html


def test_included_words_are_translated(built) -> None:
    out, _ = built
    assert '<span class="vh">Ingår inte</span>' in (out / "sv/acme/index.html").read_text(encoding="utf-8")
    assert '<span class="vh">W\u00a0pakiecie</span>' in (out / "pl/acme/index.html").read_text(encoding="utf-8")  # "W" kept with the next word


def test_script_in_a_plan_is_shown_as_text(built) -> None:
    out, _ = built
    for page in pages(out):
        html = page.read_text(encoding="utf-8")
        assert "<script>" not in html
        assert 'href="javascript' not in html
        assert "<b>" not in html  # the vendor named "Beta & Co <b>"
    acme = (out / "en/acme/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in acme
    assert "Beta &amp; Co &lt;b&gt;" in (out / "en/index.html").read_text(encoding="utf-8")


def test_missing_translation_is_marked_with_its_language_and_warned(built) -> None:
    out, warnings = built
    assert '<div lang="sv"><p>Endast e-\u2060post för communityanvändare.</p></div>' in (out / "pl/acme/index.html").read_text(encoding="utf-8")
    assert '<span lang="en">Basic</span>' in (out / "it/beta/index.html").read_text(encoding="utf-8")
    assert warnings.lines() == [
        "beta.plan:3:9: warning[T0404]: text has no 'it' translation; the it page shows the 'en' text",
        "fixture.plan:40:7: warning[T0404]: text has no 'pl' translation; the pl page shows the 'sv' text",
    ]


def test_polish_page_uses_polish_plurals_and_clock_words(built) -> None:
    out, _ = built
    html = (out / "pl/acme/index.html").read_text(encoding="utf-8")
    for words_ in ("2 godziny", "8 godzin", "5 godzin", "24 godziny", "15 minut", "całodobowo, przez cały rok"):
        assert words_ in html


def test_calculator_is_hidden_until_scripted_and_carries_its_words(built) -> None:
    out, _ = built
    tags = parse(out / "it/acme/index.html")
    (section,) = tags.find("section", id="calculator")
    assert "hidden" in section
    assert section["data-rules"] == "../../rules/acme.json"
    assert section["data-result"] == "Scadenza: {date} alle {time}, {zone}"
    # The reader's zone as the tables name the vendor's and an Italian's own, after a time: never "Europe/Rome" or "CET".
    assert "Europe/Rome=ora italiana" in section["data-zones"].split("|")
    assert section["data-failed"] and section["data-invalid"]
    # Issue 9: besides the calculator's module, only the inline JSON-LD (tests/test_site_compare.py), the tier cards'
    # "Compare all tiers" that ticks its tier on a phone (a vendor of three tiers or more), and the language links'
    # fragment carrier every page has (base.html).
    scripts = [s.get("src") or ("inline" if s.get("type") == "module" else s["type"]) for s in tags.find("script")]
    assert scripts == ["application/ld+json", "inline", "../../assets/calculator.js", "inline"]
    assert tags.find("script", src="../../assets/calculator.js")[0]["type"] == "module"
    assert [o["value"] for o in tags.find("option")][:2] == ["standard", "premium"]
    # The date and the 24-hour time are text in the page's patterns: <input type=date> and datetime-local show the
    # browser's (11/28/2026, a 12-hour time in an en-US browser). Each has a hint, described by it (the date also by its note).
    day, time = tags.find("input", id="c-at")[0], tags.find("input", id="c-time")[0]
    assert "type" not in day and "type" not in time
    assert day["data-pattern"] == "dd/MM/y" and "23/11/2026" in day["data-bad"]
    html = (out / "it/acme/index.html").read_text(encoding="utf-8")
    assert 'id="c-at-hint">Ad esempio 23/11/2026<' in html and 'id="c-time-hint">Ad esempio 16:00<' in html
    assert day["aria-describedby"] == "c-at-hint c-at-note" and time["aria-describedby"] == "c-time-hint"
    assert section["data-locale"] == "it-IT" and "{first}" in section["data-beyond"]
    # Every form field has a label.
    labelled = {a["for"] for a in tags.find("label")}
    assert {"c-plan", "c-priority", "c-metric", "c-at", "c-time"} <= labelled


def test_no_request_to_another_host(built) -> None:
    out, _ = built
    for page in pages(out):
        tags = parse(page)
        for tag, attrs in tags.tags:
            for name in ("src", "srcset", "poster", "data"):
                assert not (attrs.get(name) or "").startswith(("http:", "https:", "//")), (page, tag, attrs)
            if tag == "link" and attrs.get("rel") not in ("canonical", "alternate"):
                href = attrs.get("href") or ""
                assert href.startswith("data:") or not href.startswith(("http:", "https:", "//")), (page, attrs)
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                assert attrs["href"].startswith(BASE)


def test_sitemap_lists_every_language_page_with_alternates(built) -> None:
    out, _ = built
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(out / "sitemap.xml").getroot()
    urls = root.findall("s:url", ns)
    locs = [u.find("s:loc", ns).text for u in urls]
    assert locs == sorted(locs)
    assert len(locs) == 4 * 4 + 1  # per language: its index, two vendors and the comparison
    assert BASE in locs  # the language chooser, every language's x-default
    assert BASE + "pl/acme/" in locs
    assert BASE + "pl/compare/" in locs
    for url in urls:
        links = url.findall("x:link", ns)
        assert sorted(link.get("hreflang") for link in links) == sorted([*LANGUAGES, "x-default"])
        assert all(link.get("rel") == "alternate" and link.get("href").startswith(BASE) for link in links)


def test_not_found_page_links_from_the_site_root(built) -> None:
    out, _ = built
    tags = parse(out / "404.html")
    assert [a["href"] for a in tags.find("a")] == ["/compare/index.html"] + [f"/compare/{code}/index.html" for code in LANGUAGES]
    assert not tags.find("link", rel="stylesheet")  # its style is inline: it is served at any depth


def test_vendor_cards_on_the_language_home(built) -> None:
    out, _ = built
    html = (out / "sv/index.html").read_text(encoding="utf-8")
    assert '<a href="acme/index.html">Acme Support</a>' in html
    assert "<dt>Snabbaste svar</dt>\n<dd>15 minuter</dd>" in html  # the term says what the time is, once
    assert "Gratis, Standard, Premium" in html



def test_every_page_is_balanced_and_ids_are_unique(built) -> None:
    out, _ = built
    for page in pages(out):
        checker = Balance()
        checker.feed(page.read_text(encoding="utf-8"))
        checker.close()
        assert checker.errors == [] and checker.stack == [], (page, checker.errors[:3], checker.stack)
        assert len(checker.ids) == len(set(checker.ids)), page
        html = page.read_text(encoding="utf-8")
        for anchor in re.findall(r'href="#([^"]+)"', html):
            assert anchor in checker.ids, (page, anchor)


# Issue 9: the root's title names the site once; the 404 page has the site's header.
def test_root_title_and_not_found_header(built) -> None:
    out, _ = built
    assert "<title>Tierwise</title>" in (out / "index.html").read_text(encoding="utf-8")
    assert "<title>Tierwise · Tierwise" not in (out / "index.html").read_text(encoding="utf-8")
    page = (out / "404.html").read_text(encoding="utf-8")
    assert '<header class="top"><a class="brand" href="/compare/index.html">Tierwise</a></header>' in page


def test_every_page_has_the_svg_favicon(built) -> None:
    out, _ = built
    for page in pages(out):
        (icon,) = parse(page).find("link", rel="icon")
        assert icon["type"] == "image/svg+xml" and icon["href"].endswith("assets/favicon.svg"), page
        if page.name != "404.html":  # the 404 page links from the site root, as it is served at any depth
            assert (page.parent / icon["href"]).resolve() == (out / "assets" / "favicon.svg").resolve(), page


# Issue 9: Open Graph and Twitter tags say what a shared link shows, in the page's language.
@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_graph_and_twitter_tags(built, lang: str) -> None:
    out, _ = built
    tags = parse(out / lang / "acme" / "index.html")
    og = {a["property"]: a["content"] for a in tags.find("meta") if a.get("property", "").startswith("og:")}
    (canonical,) = tags.find("link", rel="canonical")
    (description,) = tags.find("meta", name="description")
    assert og["og:url"] == canonical["href"] and og["og:description"] == description["content"]
    assert og["og:locale"] == {"sv": "sv_SE", "it": "it_IT", "pl": "pl_PL", "en": "en_GB"}[lang]
    assert og["og:title"] and og["og:site_name"] == "Tierwise" and og["og:type"] == "website"
    assert tags.find("meta", name="twitter:card", content="summary")


def test_hours_counted_says_in_words_why_a_tier_names_none(built) -> None:
    # The row showed "–" under a tier without a guaranteed time and under one whose cells name their own clocks.
    out, _ = built
    html = (out / "en/acme/index.html").read_text(encoding="utf-8")
    foot = html.split("<tfoot>", 1)[1].split("</tfoot>", 1)[0]
    assert "<small>Not applicable</small>" in foot
    # A tier whose priorities run on different clocks names each (the cells do not repeat them).
    assert "Other priorities:" in foot
    assert "<small>–</small>" not in foot


def test_the_italian_card_says_what_the_tier_below_offers(built) -> None:
    # "Tutto quello di Standard" is spoken shorthand; a card's promise says what Standard offers.
    out, _ = built
    html = (out / "it" / "acme" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"Tutto quello che offre \w+, e altro ancora", html)
    assert "Tutto quello di " not in html
