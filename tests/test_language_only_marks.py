"""`language en only`: every text of the vendor's own on a page in another language is marked with its `lang`.

Not only the texts that stand alone (an intro, a tier's name), but those inside the site's sentences too:
"8 timmar<br><span lang="en">Cases escalated to Esri Inc</span>: 1 timme" on the home
page's card, a segment's name before its prices, a priority's name under a response time, the calculator's
options, the structured data. The five real vendors, made English-only with every English text marked by
a word no page uses, are published; every page in Swedish, Italian and Polish is parsed, and every piece
of text holding the word must have an element around it whose `lang` is "en".
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from typing import Any

import pytest

from dsl.language.model import Project
from dsl.site.publish import publish
from support.language_only import MARK, english_only

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Attributes cannot carry `lang`. The tick box's name ("Välj Gold (Acme)") and a tier's link's ("Länk till nivån Gold")
# are read as one string whatever marks them, with the site's words around the tier's name; a sort key is never shown or
# read out.
ATTRIBUTES_ALLOWED = {("input", "aria-label"), ("a", "aria-label"), ("td", "data-sort")}


class Marked(HTMLParser):
    """The marked texts of a page not inside an element of `lang="en"`, and the attributes holding one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str | None]] = []
        self.seen = 0
        self.unmarked: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, k, v) for k, v in attrs if v and MARK in v]
        if tag not in VOID:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, k, v) for k, v in attrs if v and MARK in v]

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if MARK not in data:
            return
        if self.open and self.open[-1][0] == "script":
            self.scripts.append(data)
            return
        # A vendor page's <style> names its tiers for the phone layout (--t1: …), as generated content with empty
        # alternative text: seen, never read out, and CSS cannot carry `lang`, as an attribute cannot.
        if self.open and self.open[-1][0] == "style":
            return
        self.seen += data.count(MARK)
        lang = next((lang for _, lang in reversed(self.open) if lang is not None), None)
        if lang != "en":
            where = "/".join(tag for tag, _ in self.open[-3:])
            self.unmarked.append(f"{where} (lang={lang}): {data.strip()[:90]!r}")


@pytest.fixture(scope="module")
def site(shipped: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real plans, every vendor English-only with its texts marked, published."""
    out = tmp_path_factory.mktemp("only-marks") / "_site"
    err = StringIO()
    assert publish(english_only(shipped), out, (2026, 2027), stderr=err, quiet=True) == 0, err.getvalue()
    return out


def pages(site: Path, lang: str) -> list[Path]:
    """Every HTML page of one language."""
    return sorted((site / lang).rglob("*.html"))


@pytest.mark.parametrize("lang", ["sv", "it", "pl"])
def test_every_text_of_the_vendor_on_a_page_in_another_language_is_inside_lang_en(site: Path, lang: str) -> None:
    found: dict[str, Marked] = {}
    for page in pages(site, lang):
        marked = Marked()
        marked.feed(page.read_text(encoding="utf-8"))
        found[str(page.relative_to(site))] = marked
    # The home page, the comparison and every vendor's page show the vendors' texts: the test is not empty.
    for name in (f"{lang}/index.html", f"{lang}/compare/index.html", f"{lang}/esri/index.html", f"{lang}/synerity/index.html"):
        assert found[name].seen > 3, name
    unmarked = {name: m.unmarked for name, m in found.items() if m.unmarked}
    assert unmarked == {}
    attributes = {(name, tag, key) for name, m in found.items() for tag, key, _ in m.attributes}
    assert {(tag, key) for _, tag, key in attributes} <= ATTRIBUTES_ALLOWED


def test_the_pages_own_language_needs_no_marks(site: Path) -> None:
    html = (site / "en" / "esri" / "index.html").read_text(encoding="utf-8")
    assert MARK in html and 'lang="en"><' not in html.split("</header>", 1)[1]


def _strings(data: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every value of a JSON document holding the mark, with where it is."""
    if isinstance(data, dict):
        if "@value" in data:
            return [(path, data)] if MARK in data["@value"] else []
        return [found for key, value in data.items() for found in _strings(value, f"{path}.{key}")]
    if isinstance(data, list):
        return [found for n, value in enumerate(data) for found in _strings(value, f"{path}[{n}]")]
    return [(path, data)] if isinstance(data, str) and MARK in data else []


@pytest.mark.parametrize("vendor", ["esri", "synerity"])
def test_the_structured_data_tags_the_vendors_texts_with_their_language(site: Path, vendor: str) -> None:
    html = (site / "sv" / vendor / "index.html").read_text(encoding="utf-8")
    [script] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    texts = _strings(json.loads(script))
    assert texts, "no name or description of the vendor in the structured data"
    assert [(path, value) for path, value in texts if not (isinstance(value, dict) and value.get("@language") == "en")] == []
    # A tier's name keeps the vendor's name before it, inside the tagged value.
    assert any(path.endswith(".name") and value["@value"].startswith("Esri" if vendor == "esri" else "Synerity") for path, value in texts)
    english = (site / "en" / vendor / "index.html").read_text(encoding="utf-8")
    [plain] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', english, re.S)
    assert all(isinstance(value, str) for _, value in _strings(json.loads(plain)))
