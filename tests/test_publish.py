"""Publishing the real plan files: atomic, reproducible, self-contained, light."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import jsonschema
import pytest

from dsl.language.loader import load_project
from dsl.language.model import Project
from dsl.language.vocabulary import LANGUAGES
from dsl.rules.export import schema_text
from dsl.site.publish import publish, write_atomically
from dsl.site.render import LOCALES, TEMPLATES
from support.paths import BUILD_PY, PLANS, ROOT
from support.site import Balance

YEARS = (2026, 2027)
PAGE_BUDGET = 88 * 1024
"""A vendor page with its CSS and JavaScript, as files on disk (sla.js is the readable, commented reference evaluator that
consumers read, so it is not minified). 64 KB until session 22, whose date field in the page's own pattern, phone tier
layout and longer price and clock sentences added about 5 KB of source and text; 72 KB until review 6, whose language links
that keep the reader's section, the calculator's stated preset and "Use the current time" and the 44 px touch targets
added about 1.3 KB (Synerity's Polish page had 0.9 KB to spare); 74 KB and 24 KB compressed until the tier cards the page
opens with (name, promise, price, up to five differences, a link to the comparison), which added about 2.9 KB, 0.45 KB
compressed, to Synerity's Polish page after the comparison's column heads gave the card their "Everything in X, and more"
(that page had 26 bytes to spare compressed); 76 KB until review 8, whose "About VENDOR" section at the page's end, the
phone table's notice of a hidden tier, the Organization's contactPoints and Polish no-break spaces after one-letter words
added about 0.9 KB to Synerity's Polish page (0.3 KB of it CSS), about 0.2 KB compressed; 77 KB until review 9, whose
phone layout of three tiers or more ticked (a cell a line beside its tier's name: 1.1 KB of CSS and the tier names in the
page's <style>), the contact points' hoursAvailable and the vendors' own Polish no-break spaces put Synerity's Italian page
100 bytes over; 78 KB until fuzz10, whose type checks of a rules document in sla.js (the Python engine's refusals of a
document edited by other hands, in the same words, where sla.js threw its own TypeErrors or answered from a field of
another type) added 7.1 KB of source, 2 KB compressed, to every vendor page: the calculator loads the evaluator consumers
use, not a copy of it without the checks (Synerity's Italian page then weighed 86.2 KB with a one-language note); 85 KB
until session 30, whose refusal of a question's names that are not texts in Python's words (sla.js had blamed the
document for a list as the priority) added 0.6 KB of source, and that page was 125 bytes over; 86 KB until pages12, whose
"Compare all tiers" that ticks its tier in the phone's chooser (0.15 KB of script on a page of three tiers or more) and
long prices set in the card's own size left Synerity's Polish page 19 bytes. Pages13's calculator that names the reader's
zone as the tables do (the site's words for the vendor's zones and the page language's in `data-zones`, 0.25 KB with the
phone's number pads) and the room kept for the calculator's entry under "On this page" (paid for by one phone rule for the
tier tables and the priority matrix) left that page 72 bytes to spare compressed, 37 as an offer in one language only.
Pages15's deadline in each language's words (moment.js's deadlineWords, 0.3 KB), the four home zones' names and a page
opened at #calculator were paid for by two long comments of site.css moved to docs/site.md: about 120 bytes to spare raw.
87 KB until the twenty-first session's merges, after pages15: the tier links named by their tier (an aria-label each),
the end of a later business day said with an ordinal, sla.js's priorityFor checking the format version as every question
does, and the calculator's contents entry removed when its rules cannot be had put Synerity's Polish page, as an offer in
one language only, 33 bytes over (its calculator.js comment already moved to docs/site.md)."""
PAGE_BUDGET_GZIP = 29 * 1024
"""The same, as a browser downloads it from a host that compresses (gzip, level 6 as servers use). It also holds the worked
example under the response times ("Zgłoszenie w piątek o 16:00 czasu szwedzkiego? Odpowiedź najpóźniej: Gold – …"),
about 70 bytes compressed on Synerity's Polish page. 25 KB until review 9 (above), which put that page 170 bytes over; 26 KB
until fuzz10's checks in sla.js (above), 2 KB compressed, which put Synerity's Polish page 1.2 KB over; 28 KB until fuzz14's
checks in sla.js of a document's dates, calendar zones and whole numbers (a document edited by other hands refused in the
Python evaluator's words, where sla.js used another day or threw), merged after pages13 had left 72 bytes: that page was 12
bytes over. The raw budget above still held."""


@pytest.fixture(scope="module")
def project() -> Project:
    result = load_project([PLANS])
    assert result.project is not None, [str(d.message) for d in result.diagnostics if d.is_error]
    return result.project


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def build(project: Project, out: Path, **options) -> tuple[int, str]:
    err = StringIO()
    code = publish(project, out, YEARS, stderr=err, **options)
    return code, err.getvalue()


@pytest.fixture(scope="module")
def site(project, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("published") / "_site"
    code, err = build(project, out)
    assert code == 0, err
    return out


def test_two_builds_are_byte_identical(project, tmp_path) -> None:
    first, second = tmp_path / "a" / "_site", tmp_path / "b" / "_site"
    assert build(project, first)[0] == 0
    assert build(project, second)[0] == 0
    assert tree(first) == tree(second)
    # Rebuilding in place gives the same bytes too.
    before = tree(first)
    assert build(project, first)[0] == 0
    assert tree(first) == before


def test_every_vendor_has_a_page_in_every_language(project, site) -> None:
    for vendor in project.vendors:
        for lang in LANGUAGES:
            html = (site / lang / vendor.id / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}">' in html
            assert f"<h1>{vendor.name}</h1>" in html
    for name in ("index.html", "404.html", "sitemap.xml", "robots.txt", "assets/site.css", "assets/calculator.js"):
        assert (site / name).is_file(), name


def test_every_real_page_is_balanced_with_unique_ids_and_working_anchors(site) -> None:
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        checker = Balance()
        checker.feed(html)
        checker.close()
        assert checker.errors == [] and checker.stack == [], (page, checker.errors[:3], checker.stack)
        assert len(checker.ids) == len(set(checker.ids)), page
        assert set(re.findall(r'href="#([^"]+)"', html)) <= set(checker.ids), page


def test_a_template_error_leaves_the_previous_site_byte_identical(project, site, tmp_path) -> None:
    before = tree(site)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    vendor = templates / "vendor.html"
    lines = vendor.read_text(encoding="utf-8").splitlines()
    lines.insert(20, "{% if broken %}")  # never closed
    vendor.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, err = build(project, site, templates=templates)
    assert code == 1
    assert re.search(r"vendor\.html:\d+: error: ", err), err
    assert "Traceback" not in err
    assert tree(site) == before
    # no half-built directory left behind: only the site, the version it links to, and the lock
    assert sorted(p.name for p in site.parent.iterdir() if p.name != "_site.lock" and not p.name.startswith("._site")) == [
        "_site",
        os.readlink(site),
    ]


def test_a_template_failing_while_rendering_is_located_too(project, site, tmp_path) -> None:
    before = tree(site)
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    card = templates / "card.html"  # the home page's cards
    card.write_text(card.read_text(encoding="utf-8").replace("{{ card.name }}", "{{ card.no_such_field }}"), encoding="utf-8")
    code, err = build(project, site, templates=templates)
    assert code == 1
    assert re.search(r"card\.html:\d+: error: UndefinedError", err), err
    assert tree(site) == before


def test_a_broken_catalog_or_base_url_leaves_the_site_alone(project, site, tmp_path) -> None:
    before = tree(site)
    assert build(project, site, base_url="ftp://nowhere")[0] == 1
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales)
    (locales / "pl" / "LC_MESSAGES" / "messages.po").unlink()
    code, err = build(project, site, locales=locales)
    assert code == 1
    assert "pl/LC_MESSAGES/messages.po: error: the pl catalog is missing" in err
    assert tree(site) == before


def test_a_bad_plan_path_through_the_command_line_leaves_the_site_alone(site) -> None:
    before = tree(site)
    run = subprocess.run(
        [sys.executable, str(BUILD_PY), "build", "--out", str(site), str(PLANS / "no-such-vendor.plan")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 1
    assert "no-such-vendor.plan" in run.stderr
    assert "Traceback" not in run.stderr
    assert tree(site) == before


def test_the_command_line_builds_the_site(tmp_path) -> None:
    out = tmp_path / "cli_site"
    run = subprocess.run(
        [sys.executable, str(BUILD_PY), "build", "--out", str(out), "--years", "2026-2027"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "TIERWISE_BASE_URL": "https://plans.example.net/sla"},
    )
    assert run.returncode == 0, run.stderr
    assert '<link rel="canonical" href="https://plans.example.net/sla/en/">' in (out / "en/index.html").read_text(encoding="utf-8")


class Resources(HTMLParser):
    """The stylesheets and scripts a page loads."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "stylesheet":
            self.urls.append(a["href"])
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def _with_imports(script: Path) -> list[Path]:
    """A module and the modules it imports statically, relative to it."""
    assert script.is_file(), f"a page loads the missing module {script.name}"
    found = [script]
    for name in re.findall(r"""^\s*import\b[^'"]*['"](\.{1,2}/[^'"]+)['"]""", script.read_text(encoding="utf-8"), re.M):
        found += _with_imports((script.parent / name).resolve())
    return found


def test_a_vendor_page_with_its_css_and_js_stays_within_its_budget(project, site) -> None:
    for vendor in project.vendors:
        for lang in LANGUAGES:
            page = site / lang / vendor.id / "index.html"
            parser = Resources()
            parser.feed(page.read_text(encoding="utf-8"))
            files = [page]
            for url in parser.urls:
                resource = (page.parent / url).resolve()
                assert resource.is_file(), f"{page} loads the missing {url}"
                files += _with_imports(resource) if resource.suffix == ".js" else [resource]
            unique = set(files)
            weight = sum(f.stat().st_size for f in unique)
            sent = sum(len(gzip.compress(f.read_bytes(), 6)) for f in unique)
            assert weight <= PAGE_BUDGET, f"{page.relative_to(site)} weighs {weight} bytes"
            assert sent <= PAGE_BUDGET_GZIP, f"{page.relative_to(site)} sends {sent} bytes compressed"


def test_no_url_of_another_host_is_loaded(site) -> None:
    loading = re.compile(r"""(?:src|srcset|poster)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
    for path in site.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            assert not loading.search(text), path
            assert "@import" not in text and "url(http" not in text and "url(//" not in text, path
            for match in re.finditer(r"<link\b[^>]*>", text):
                tag = match.group(0)
                if 'rel="stylesheet"' in tag or 'rel="icon"' in tag or "preload" in tag:
                    assert not re.search(r'href="(?:https?:)?//', tag), (path, tag)
    calculator = (site / "assets" / "calculator.js").read_text(encoding="utf-8")
    assert "http" not in calculator


def test_rules_are_published_and_valid(project, site) -> None:
    schema = json.loads((site / "rules" / "schema.json").read_text(encoding="utf-8"))
    assert (site / "rules" / "schema.json").read_text(encoding="utf-8") == schema_text()
    everything = json.loads((site / "rules" / "all.json").read_text(encoding="utf-8"))
    jsonschema.validate(everything, schema)
    assert sorted(everything["vendors"]) == sorted(v.id for v in project.vendors)
    for vendor in project.vendors:
        one = json.loads((site / "rules" / f"{vendor.id}.json").read_text(encoding="utf-8"))
        jsonschema.validate(one, schema)
        assert list(one["vendors"]) == [vendor.id]
        assert one["vendors"][vendor.id] == everything["vendors"][vendor.id]


def test_compiled_catalogs_never_land_in_the_repository_or_the_site(site) -> None:
    assert not list(LOCALES.rglob("*.mo"))
    assert not list(site.rglob("*.mo"))


def test_polish_stratiteq_page_says_its_targets_with_polish_plurals(site) -> None:
    html = (site / "pl" / "stratiteq" / "index.html").read_text(encoding="utf-8")
    assert "2 godziny" in html and "4 godziny" in html and "8 godzin" in html
    sv = (site / "sv" / "stratiteq" / "index.html").read_text(encoding="utf-8")
    assert "2 timmar" in sv and "08:30–14:00" in sv


def test_included_glyphs_are_decoration_with_empty_alternative_text(site) -> None:
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    assert 'td.y::before{content:"✓";content:"✓"/""}' in css
    assert 'td.n::before{content:"–";content:"–"/""}' in css


def test_print_stylesheet_fits_a4(site) -> None:
    css = (site / "assets" / "site.css").read_text(encoding="utf-8")
    print_rules = css.split("@media print{", 1)[1]
    assert "@page{size:A4;" in print_rules
    # Tables fit the page and need no scrolling box; their sticky heads repeat as print headers instead.
    assert ".calc" in print_rules and ".fit thead>tr>*{position:static}" in print_rules and ".pick" in print_rules


def test_write_atomically_replaces_a_file_whole(tmp_path) -> None:
    target = tmp_path / "deep" / "rules.json"
    write_atomically(target, "first\n")
    write_atomically(target, "second\n")
    assert target.read_text(encoding="utf-8") == "second\n"
    assert [p.name for p in target.parent.iterdir()] == ["rules.json"]


# Issue 9: the placeholder host is fine for a look, but a build says so; <lastmod> only from SOURCE_DATE_EPOCH.
def test_a_build_for_the_placeholder_host_warns(project, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("TIERWISE_BASE_URL", raising=False)
    code, err = build(project, tmp_path / "a")
    assert code == 0 and "warning: canonical links" in err and "https://tierwise.example/" in err
    code, err = build(project, tmp_path / "b", base_url="https://support.example.com/compare/")
    assert code == 0 and "warning: canonical links" not in err


def test_the_sitemap_dates_pages_from_source_date_epoch_only(project, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795000000")  # 2026-11-18 (UTC)
    code, err = build(project, tmp_path / "a")
    assert code == 0, err
    xml = (tmp_path / "a" / "sitemap.xml").read_text(encoding="utf-8")
    assert xml.count("<lastmod>2026-11-18</lastmod>") == xml.count("<url>") > 0
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    code, err = build(project, tmp_path / "b")
    xml = (tmp_path / "b" / "sitemap.xml").read_text(encoding="utf-8")
    # Without it, only the pages of a vendor whose source says when it was read are dated, by that date (plan data).
    read = {v.id: max(s.read for s in v.sources if s.read).isoformat() for v in project.vendors if any(s.read for s in v.sources)}
    dated = re.findall(r"<loc>[^<]*/(\w+)/</loc>\s*<lastmod>([^<]+)</lastmod>", xml)
    assert dated and {vendor: day for vendor, day in dated} == read
    assert xml.count("<lastmod>") == len(read) * len(LANGUAGES)


def test_every_name_at_the_top_of_the_site_is_a_reserved_vendor_id(site) -> None:
    # A vendor id equal to a top-level name would overwrite or shadow that file or folder: whatever
    # the site writes at its top (or rules/ writes beside rules/{vendor}.json) must be refused as an id.
    from dsl.language.vocabulary import RESERVED_IDS

    top = {path.name.split(".")[0] for path in site.iterdir()}
    rules = {path.name.split(".")[0] for path in (site / "rules").iterdir()}
    vendors = set(json.loads((site / "rules" / "all.json").read_text(encoding="utf-8"))["vendors"])
    assert top - set(RESERVED_IDS) == set()
    assert rules - vendors - set(RESERVED_IDS) == set()


def test_build_reports_a_missing_translation_once_at_its_text(tmp_path: Path) -> None:
    """The check's warning (with its caret and hint) says it; the pages' fallbacks at the same text are not
    listed again per language (an outside author's build printed 229 such lines on top of the checks' own)."""
    from support.paths import BUILD_PY

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "acme.plan").write_text(
        'vendor acme {\n  name "Acme"\n  language en\n  intro { en "Support for every customer." }\n'
        '  plan basic {\n    name "Basic"\n  }\n}\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(tmp_path), "build", "--quiet"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    at_intro = [line for line in done.stderr.splitlines() if "acme.plan:4:" in line]
    assert at_intro == [f"{plans / 'acme.plan'}:4:9: warning[T0404]: the intro has no sv, it, pl translation"], done.stderr
    assert "page shows" not in done.stderr
    assert (tmp_path / "_site" / "sv" / "acme" / "index.html").read_text(encoding="utf-8").count("Support for every customer.") >= 1


def test_the_note_of_an_offer_in_one_language_only_keeps_every_page_within_its_budget(project, tmp_path) -> None:
    """`language sv only` adds a line under the vendor's name on its pages in the other languages: still within budget."""
    from dataclasses import replace

    only = replace(project, vendors=tuple(replace(v, language_only=True) for v in project.vendors))
    out = tmp_path / "_site"
    assert build(only, out)[0] == 0
    noted = 0
    for vendor in only.vendors:
        for lang in LANGUAGES:
            page = out / lang / vendor.id / "index.html"
            noted += f'<h1>{vendor.name}</h1>\n<p class="source">' in page.read_text(encoding="utf-8")
            parser = Resources()
            parser.feed(page.read_text(encoding="utf-8"))
            files = [page]
            for url in parser.urls:
                resource = (page.parent / url).resolve()
                files += _with_imports(resource) if resource.suffix == ".js" else [resource]
            unique = set(files)
            assert sum(f.stat().st_size for f in unique) <= PAGE_BUDGET, f"{page.relative_to(out)} is over budget"
            assert sum(len(gzip.compress(f.read_bytes(), 6)) for f in unique) <= PAGE_BUDGET_GZIP, page
    assert noted == len(only.vendors) * (len(LANGUAGES) - 1)  # every page but the one in the vendor's language
