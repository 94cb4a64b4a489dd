"""Incremental builds: whatever input changes, the result is the clean build's, byte for byte; unchanged files keep their mtimes."""

from __future__ import annotations

import os
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest

from dsl.language.cache import BuildCache
from dsl.language.loader import load_project
from dsl.language.model import Project
from dsl.site import publish as publishing
from dsl.site.publish import build_into, publish
from dsl.site.render import LOCALES, TEMPLATES
from support.cache_reads import record_reads
from support.paths import PLANS

YEARS = (2026, 2027)


def tree(root: Path) -> dict[str, bytes]:
    """Every file below root by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A project with two of the real vendors and the shared definitions, its own templates and catalogs."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("shared.plan", "stratiteq.plan", "esri.plan"):
        shutil.copy(PLANS / name, plans / name)
    shutil.copytree(TEMPLATES, tmp_path / "templates", ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    shutil.copytree(LOCALES, tmp_path / "locales", ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.mo"))
    return tmp_path


def build(root: Path, out: Path, cached: bool) -> tuple[int, str]:
    """Load and publish the project at root into out, with the project's build cache or with none."""
    cache = BuildCache(root / ".tierwise-cache") if cached else None
    result = load_project([root / "plans"], cache=cache)
    assert result.project is not None, [d.message for d in result.errors]
    err = StringIO()
    code = publish(
        result.project, out, YEARS, templates=root / "templates", locales=root / "locales", stderr=err,
        cache=cache, vendor_keys=result.vendor_keys,
    )
    return code, err.getvalue()


def assert_incremental_equals_clean(root: Path, tmp_path: Path, name: str) -> tuple[str, str]:
    """Rebuild the published site incrementally and a fresh one without a cache: the two trees are identical."""
    code, incremental = build(root, root / "_site", cached=True)
    assert code == 0, incremental
    code, clean = build(root, tmp_path / f"clean-{name}" / "_site", cached=False)
    assert code == 0, clean
    assert tree(root / "_site") == tree(tmp_path / f"clean-{name}" / "_site")
    return incremental, clean


def _without_summary(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("built ")]


def test_every_kind_of_change_rebuilds_what_depends_on_it(workspace: Path, tmp_path: Path) -> None:
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    page = workspace / "_site" / "en" / "stratiteq" / "index.html"

    # A vendor's plan file.
    plan = workspace / "plans" / "stratiteq.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq"', 'name "Stratiteq Edited"', 1), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "vendor")
    assert "Stratiteq Edited" in page.read_text(encoding="utf-8")

    # A vendor's languages of support: the compare page's column appears for every vendor's rows.
    plan.write_text(plan.read_text(encoding="utf-8").replace("  language sv\n", "  language sv\n  support languages sv, en\n", 1), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "languages")
    compared = (workspace / "_site" / "sv" / "compare" / "index.html").read_text(encoding="utf-8")
    esri = load_project([workspace / "plans"]).project.vendor("esri")
    assert 'data-key="languages"' in compared and compared.count('data-languages=""') == len(esri.plans)

    # A shared definition every vendor may use.
    shared = workspace / "plans" / "shared.plan"
    shared.write_text(shared.read_text(encoding="utf-8").replace("Around the clock, every day", "Round the clock, all days"), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "shared")
    assert "Round the clock, all days" in (workspace / "_site" / "rules" / "esri.json").read_text(encoding="utf-8")

    # A template.
    template = workspace / "templates" / "vendor.html"
    end = "\n{% endblock %}\n{% block scripts %}"  # the end of the page's main block
    changed = "\n<!-- changed template -->\n{% endblock %}\n{% block scripts %}"
    template.write_text(template.read_text(encoding="utf-8").replace(end, changed, 1), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "template")
    assert "changed template" in page.read_text(encoding="utf-8")

    # A catalog.
    po = workspace / "locales" / "en" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    written = 'msgid "Compare support tiers"\nmsgstr "Compare support tiers"'
    assert written in text
    po.write_text(text.replace(written, 'msgid "Compare support tiers"\nmsgstr "Tiers side by side"'), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "catalog")
    assert "Tiers side by side" in (workspace / "_site" / "en" / "index.html").read_text(encoding="utf-8")

    # An asset.
    css = workspace / "templates" / "assets" / "site.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "asset")

    # A vendor added, then removed.
    shutil.copy(PLANS / "amanda.plan", workspace / "plans" / "amanda.plan")
    assert_incremental_equals_clean(workspace, tmp_path, "added")
    (workspace / "plans" / "amanda.plan").unlink()
    assert_incremental_equals_clean(workspace, tmp_path, "removed")
    assert not (workspace / "_site" / "en" / "amanda").exists()


def test_unchanged_files_keep_their_inode_and_mtime(workspace: Path) -> None:
    out = workspace / "_site"
    code, err = build(workspace, out, cached=True)
    assert code == 0, err
    before = {rel: os.stat(out / rel) for rel in tree(out)}
    plan = workspace / "plans" / "stratiteq.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq"', 'name "Stratiteq Edited"', 1), encoding="utf-8")
    code, err = build(workspace, out, cached=True)
    assert code == 0, err
    after = {rel: os.stat(out / rel) for rel in tree(out)}
    assert after.keys() == before.keys()
    changed = {rel for rel in after if (after[rel].st_ino, after[rel].st_mtime_ns) != (before[rel].st_ino, before[rel].st_mtime_ns)}
    # The edited vendor's pages and rules, the home pages that list its name, all.json: nothing else.
    assert {f"{lang}/stratiteq/index.html" for lang in ("sv", "it", "pl", "en")} <= changed
    assert "rules/all.json" in changed and "rules/stratiteq.json" in changed
    assert not any(rel.startswith(("sv/esri", "en/esri", "assets/")) or rel == "rules/esri.json" for rel in changed), sorted(changed)
    assert "files written" in err and "unchanged" in err


def test_the_version_before_is_recycled_without_touching_the_published_site(workspace: Path, tmp_path: Path, monkeypatch) -> None:
    out = workspace / "_site"
    plan = workspace / "plans" / "stratiteq.plan"
    for name in ("Stratiteq One", "Stratiteq Two"):
        plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq', f'name "{name}', 1), encoding="utf-8")
        assert build(workspace, out, cached=True)[0] == 0
    spare = workspace / "_site.spare"
    assert spare.is_dir() and not spare.is_symlink()
    published = tree(out)
    before = {rel: os.stat(out / rel) for rel in published}
    spare_folder = spare.stat().st_ino

    # The next build updates the spare in place: a vendor renamed, another removed (its files and folders go).
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq', 'name "Stratiteq Three', 1), encoding="utf-8")
    (workspace / "plans" / "esri.plan").unlink()
    real_swap = publishing._swap
    checked: list[Path] = []

    def swap_checked(new: Path, site: Path, remove=None) -> None:
        if site == out.absolute():  # (not the clean build's)
            assert tree(site) == published, "the published site changed while the spare was updated"
            checked.append(new)
        real_swap(new, site, remove)

    monkeypatch.setattr(publishing, "_swap", swap_checked)
    assert_incremental_equals_clean(workspace, tmp_path, "recycled")
    assert len(checked) == 1
    assert out.resolve().stat().st_ino == spare_folder  # the spare became the published version
    assert not (out / "en" / "esri").exists() and not (out / "rules" / "esri.json").exists()
    after = {rel: os.stat(out / rel) for rel in tree(out)}
    unchanged = [rel for rel in after if rel.startswith("assets/")]
    assert unchanged and all((after[rel].st_ino, after[rel].st_mtime_ns) == (before[rel].st_ino, before[rel].st_mtime_ns) for rel in unchanged)
    assert (spare / "en" / "esri" / "index.html").is_file()  # the version replaced is the next spare, whole


def test_a_process_building_again_neither_resolves_nor_reads_what_did_not_change(workspace: Path, tmp_path: Path, monkeypatch) -> None:
    """`serve`: the cache in memory gives the same declarations back, so their vendors and pages are kept as they are."""
    from dsl.site import incremental

    cache = BuildCache(workspace / ".tierwise-cache", keep_in_memory=True)
    out = workspace / "_site"

    def build_here() -> Project:
        result = load_project([workspace / "plans"], cache=cache)
        assert result.project is not None
        err = StringIO()
        code = publish(
            result.project, out, YEARS, templates=workspace / "templates", locales=workspace / "locales", stderr=err,
            cache=cache, vendor_keys=result.vendor_keys,
        )
        assert code == 0, err.getvalue()
        return result.project

    first = build_here()
    hashed: list[int] = []
    real = incremental.hashlib.blake2b
    monkeypatch.setattr(incremental.hashlib, "blake2b", lambda data, **kw: hashed.append(len(data)) or real(data, **kw))
    second = build_here()
    assert all(a is b for a, b in zip(first.vendors, second.vendors, strict=True))  # not resolved again
    pages = len(second.vendors) * 4 * 2  # each vendor's page and embeddable table in four languages
    assert len(hashed) <= len(tree(out)) - pages - len(second.vendors)  # nor those pages and the rule files hashed

    # A changed vendor is resolved again, the others are not; a changed shared definition resolves them all.
    plan = workspace / "plans" / "stratiteq.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq"', 'name "Stratiteq Edited"', 1), encoding="utf-8")
    third = build_here()
    assert third.vendor("esri") is second.vendor("esri") and third.vendor("stratiteq") is not second.vendor("stratiteq")
    shared = workspace / "plans" / "shared.plan"
    shared.write_text(shared.read_text(encoding="utf-8").replace("Around the clock, every day", "Round the clock, all days"), encoding="utf-8")
    fourth = build_here()
    assert not any(a is b for a, b in zip(third.vendors, fourth.vendors, strict=True))
    assert fourth == load_project([workspace / "plans"]).project  # what a fresh process resolves
    code, _ = build(workspace, tmp_path / "clean" / "_site", cached=False)
    assert code == 0 and tree(out) == tree(tmp_path / "clean" / "_site")


def test_a_cached_build_warns_as_a_rendered_one(workspace: Path, tmp_path: Path) -> None:
    # A text without its Italian translation: the page warns, and the cached page must warn the same.
    plan = workspace / "plans" / "stratiteq.plan"
    text = plan.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.strip().startswith('it "') and not line.strip().startswith('it """'))
    plan.write_text("".join(lines[:index] + lines[index + 1 :]), encoding="utf-8")
    code, first = build(workspace, workspace / "_site", cached=True)
    assert code == 0, first
    assert "warning[" in first
    code, second = build(workspace, tmp_path / "again" / "_site", cached=True)
    assert code == 0, second
    assert "pages rendered 0" in second
    assert _without_summary(second) == _without_summary(first)


def test_the_rules_put_together_from_vendors_equal_the_whole_export(workspace: Path, tmp_path: Path) -> None:
    result = load_project([workspace / "plans"])
    assert result.project is not None
    whole = tmp_path / "whole"
    whole.mkdir()
    build_into(result.project, whole, YEARS, templates=workspace / "templates", locales=workspace / "locales", stderr=StringIO())
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    assert tree(whole) == tree(workspace / "_site")


def test_cached_checks_report_what_uncached_checks_report(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    plans.mkdir()
    shutil.copy(PLANS / "shared.plan", plans / "shared.plan")
    broken = (PLANS / "stratiteq.plan").read_text(encoding="utf-8").replace("on around-the-clock", "on around-the-clok", 1)
    (plans / "stratiteq.plan").write_text(broken, encoding="utf-8")
    (plans / "copy.plan").write_text(broken, encoding="utf-8")  # the same vendor id twice: judged across files
    (plans / "horizon.plan").write_text("horizon 2028-2026\n", encoding="utf-8")  # the project's horizon, judged across files too
    cache = BuildCache(tmp_path / ".tierwise-cache")
    plain = load_project([plans])
    first = load_project([plans], cache=cache)
    second = load_project([plans], cache=cache)
    assert cache.hits > 0
    expected = sorted(str((d.code, d.pos, d.message)) for d in plain.diagnostics)
    assert any(d.code == "T0301" for d in plain.diagnostics) and plain.errors
    assert any(d.code == "T0807" for d in plain.diagnostics)
    for result in (first, second):
        assert sorted(str((d.code, d.pos, d.message)) for d in result.diagnostics) == expected


def _count_compilations(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """The names of the templates Jinja compiles from now on, in order."""
    from jinja2 import Environment

    compiled: list[str] = []
    real = Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):  # type: ignore[no-untyped-def]
        compiled.append(name)
        return real(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(Environment, "compile", counting)
    return compiled


def test_templates_compiled_once_are_read_back_from_the_cache_and_recompiled_when_changed(workspace: Path, monkeypatch) -> None:
    from dsl.site import render

    compiled = _count_compilations(monkeypatch)
    monkeypatch.setattr(render._BYTECODE, "compiled", {})  # as a fresh process
    monkeypatch.setattr(render, "_SITEMAP", {})  # (which has written no sitemap yet)
    assert build(workspace, workspace / "_site", cached=True)[0] == 0
    first = sorted(set(compiled))
    assert "vendor.html" in first and "base.html" in first
    assert len(compiled) == len(first)  # each template compiled once for all four languages
    assert any((workspace / ".tierwise-cache" / render.TEMPLATE_KIND).rglob("*-*"))

    # A new process with the cache: nothing compiled, the same site.
    before = tree(workspace / "_site")
    compiled.clear()
    monkeypatch.setattr(render._BYTECODE, "compiled", {})
    assert build(workspace, workspace / "_site", cached=True)[0] == 0
    assert compiled == []
    assert tree(workspace / "_site") == before

    # A changed template is compiled again (Jinja checks each entry's source), and only that one.
    index = workspace / "templates" / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("</h1>", " </h1>", 1), encoding="utf-8")
    monkeypatch.setattr(render._BYTECODE, "compiled", {})
    assert build(workspace, workspace / "_site", cached=True)[0] == 0
    assert compiled == ["index.html"]


def test_a_projects_first_build_reads_the_packaged_templates_compiled_by_an_earlier_build(tmp_path: Path, monkeypatch) -> None:
    """The packaged templates are every project's: compiled once for the user, not once per project (a fifth of
    a first build of the five plans). A project's own templates stay in its own cache only."""
    from dsl.site import render

    compiled = _count_compilations(monkeypatch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    monkeypatch.setattr(render, "_SITEMAP", {})

    def first_build(name: str, templates: Path) -> None:
        project = tmp_path / name
        shutil.copytree(PLANS, project / "plans", ignore=shutil.ignore_patterns("amanda.plan", "infor.plan", "synerity.plan"))
        cache = BuildCache(project / ".tierwise-cache")
        result = load_project([project / "plans"], cache=cache)
        assert result.project is not None
        monkeypatch.setattr(render._BYTECODE, "compiled", {})  # as a fresh process
        code = publish(result.project, project / "_site", YEARS, templates=templates, locales=LOCALES, stderr=StringIO(),
                       cache=cache, vendor_keys=result.vendor_keys)
        assert code == 0

    first_build("one", TEMPLATES)
    assert "vendor.html" in compiled
    kept = sorted((tmp_path / "user" / "tierwise").glob(f"{render.TEMPLATE_KIND}-*"))
    assert len(kept) == len(set(compiled))
    compiled.clear()
    first_build("two", TEMPLATES)  # another project, its own cache empty
    assert compiled == []
    assert tree(tmp_path / "two" / "_site") != {}

    own = tmp_path / "own-templates"
    shutil.copytree(TEMPLATES, own, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    first_build("three", own)
    assert "vendor.html" in compiled  # not the packaged files: compiled, and not kept for the user
    assert sorted((tmp_path / "user" / "tierwise").glob(f"{render.TEMPLATE_KIND}-*")) == kept


def test_a_new_process_compares_by_the_kept_digests_and_rereads_a_file_edited_by_hand(workspace: Path, monkeypatch) -> None:
    from dsl.site import incremental

    out = workspace / "_site"
    assert build(workspace, out, cached=True)[0] == 0
    published = out.parent / os.readlink(out)
    # A file of the published version edited by hand, to the same size: the manifest's digest no longer holds.
    page = published / "en" / "esri" / "index.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("<html", "<HTML", 1), encoding="utf-8")
    os.utime(page, ns=(page.stat().st_atime_ns, page.stat().st_mtime_ns + 10_000_000_000))
    read: list[str] = []
    real = Path.read_bytes

    def counting(self: Path) -> bytes:
        if published in self.parents:
            read.append(self.relative_to(published).as_posix())
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    monkeypatch.setattr(incremental, "_VERSIONS", {})  # as a new process: nothing known but the cache's manifest
    assert build(workspace, out, cached=True)[0] == 0
    assert read == ["en/esri/index.html"]  # every other file was judged by its kept digest
    assert (out / "en" / "esri" / "index.html").read_text(encoding="utf-8") == text  # the build's bytes, not the edit


def test_a_project_with_its_own_settings_reuses_its_pages_and_a_changed_setting_rebuilds_them(workspace: Path, tmp_path: Path) -> None:
    from dsl.language.settings import load_settings

    (workspace / "tierwise.toml").write_text(
        '[site]\ntitle = "Acme support"\nlanguages = ["en", "sv", "pl", "it"]\ndefault_language = "sv"\n\n[brand]\naccent = "#9a3412"\n',
        encoding="utf-8",
    )

    def build_with_settings(out: Path, cached: bool) -> tuple[int, str]:
        settings, problems, _ = load_settings(workspace)
        assert not problems, problems
        cache = BuildCache(workspace / ".tierwise-cache") if cached else None
        result = load_project([workspace / "plans"], cache=cache, settings=settings)
        assert result.project is not None, [d.message for d in result.errors]
        err = StringIO()
        code = publish(
            result.project, out, YEARS, templates=workspace / "templates", locales=workspace / "locales", stderr=err,
            cache=cache, vendor_keys=result.vendor_keys, settings=settings,
        )
        return code, err.getvalue()

    site = workspace / "_site"
    assert build_with_settings(site, cached=True)[0] == 0
    code, err = build_with_settings(site, cached=True)
    assert code == 0 and "pages rendered 0" in err, err  # every vendor page from the cache
    assert build_with_settings(tmp_path / "clean" / "_site", cached=False)[0] == 0
    assert tree(site) == tree(tmp_path / "clean" / "_site")
    assert "Acme support" in (site / "en" / "index.html").read_text(encoding="utf-8") and (site / "assets" / "brand.css").is_file()

    # A changed setting changes every page it shows on: nothing stale comes from the cache.
    settings_file = workspace / "tierwise.toml"
    settings_file.write_text(settings_file.read_text(encoding="utf-8").replace("Acme support", "Acme help"), encoding="utf-8")
    code, err = build_with_settings(site, cached=True)
    assert code == 0 and "pages rendered 0" not in err, err
    assert build_with_settings(tmp_path / "clean2" / "_site", cached=False)[0] == 0
    assert tree(site) == tree(tmp_path / "clean2" / "_site")


def test_a_rebuild_reads_the_texts_of_changed_pages_only(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached page whose published file came from the same cache entry is kept without its text being read."""
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    plan = workspace / "plans" / "stratiteq.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq"', 'name "Stratiteq Edited"', 1), encoding="utf-8")
    tails = record_reads(monkeypatch, "tail")
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    read = [key for kind, key in tails if kind == "page"]
    assert read == []  # stratiteq's pages were rendered; esri's were kept, unread
    assert "Stratiteq Edited" in (workspace / "_site" / "en" / "stratiteq" / "index.html").read_text(encoding="utf-8")
    # A site folder that is not the one published from the cache: every cached page is read to be written.
    code, err = build(workspace, workspace / "elsewhere", cached=True)
    assert code == 0, err
    # Two vendors in four languages, each entry read once for its page and its embeddable table.
    read = [key for kind, key in tails if kind == "page"]
    assert len(read) == len(set(read)) == 2 * 4 and (workspace / "elsewhere" / "en" / "esri" / "index.html").is_file()


def test_a_page_text_removed_from_the_cache_during_the_build_is_made_again(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dsl.site import incremental

    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    real_page = incremental.Reuse.page
    removed: list[str] = []

    def page_then_gone(self: incremental.Reuse, vendor_id: str, lang: str, make: object) -> object:
        found = real_page(self, vendor_id, lang, make)  # type: ignore[arg-type]
        if found is not None:
            removed.append(vendor_id)
        shutil.rmtree(workspace / ".tierwise-cache" / "page", ignore_errors=True)
        return found

    monkeypatch.setattr(incremental.Reuse, "page", page_then_gone)
    code, err = build(workspace, workspace / "other", cached=True)  # another folder: the texts must be read
    monkeypatch.undo()
    assert code == 0 and "Traceback" not in err, err
    assert removed  # some page was found in the cache and gone when its text was wanted
    code, clean = build(workspace, tmp_path / "clean" / "_site", cached=False)
    assert code == 0, clean
    assert tree(workspace / "other") == tree(tmp_path / "clean" / "_site")


def test_the_small_entries_of_the_last_build_are_read_from_one_pack(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build reads the cards, rows, page descriptions, outlines and findings the last one used from the pack, not their files."""
    from dsl.language import cache as cache_module

    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    folder = workspace / ".tierwise-cache"
    pack = folder / cache_module.PACK_FILE
    assert pack.is_file()
    found: list[str] = []  # the small entries read from their own files while building (not while saving the pack)
    real_open, real_save = open, BuildCache.save_pack
    saving: list[bool] = []

    def watching(file: object, *args: object, **kwargs: object) -> object:
        path = Path(str(file))
        if not saving and path.is_relative_to(folder) and path.relative_to(folder).parts[0] in cache_module.PACKED_KINDS and path.is_file():
            found.append(str(path))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    def save(self: BuildCache) -> None:
        saving.append(True)
        try:
            real_save(self)
        finally:
            saving.clear()

    monkeypatch.setattr(BuildCache, "save_pack", save)

    plan = workspace / "plans" / "stratiteq.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq"', 'name "Stratiteq Edited"', 1), encoding="utf-8")
    monkeypatch.setattr("builtins.open", watching)
    code, err = build(workspace, workspace / "_site", cached=True)
    monkeypatch.undo()
    assert code == 0, err
    assert found == []  # the edited vendor's entries were new (missed); the others came from the pack
    # Without the pack, the same build reads them from their files.
    pack.unlink()
    plan.write_text(plan.read_text(encoding="utf-8").replace("Stratiteq Edited", "Stratiteq Again", 1), encoding="utf-8")
    monkeypatch.setattr("builtins.open", watching)
    code, err = build(workspace, workspace / "_site", cached=True)
    monkeypatch.undo()
    assert code == 0, err
    assert len(found) >= 1 + 1 + 3 * 4  # esri's outline and findings, and its card, rows and page in four languages
    code, clean = build(workspace, tmp_path / "clean" / "_site", cached=False)
    assert tree(workspace / "_site") == tree(tmp_path / "clean" / "_site")

    # A pack that cannot be read is no pack: the build reads the files, and the result is the same.
    pack.write_bytes(b"not a pickle")
    plan.write_text(plan.read_text(encoding="utf-8").replace("Stratiteq Again", "Stratiteq Once More", 1), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "damaged-pack")
    assert pack.read_bytes() != b"not a pickle"  # written again by that build
    # A build that used just what the pack holds does not write it again.
    before = pack.stat().st_mtime_ns
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    assert pack.stat().st_mtime_ns == before


def test_rule_files_and_all_json_of_unchanged_vendors_are_kept_unread(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit that changes no rule reads no rule entry: all.json made from the same vendors' entries is the published one."""
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    all_json = workspace / "_site" / "rules" / "all.json"
    gets = record_reads(monkeypatch)
    plan = workspace / "plans" / "stratiteq.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq"', 'name "Stratiteq Edited"', 1), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "names")  # the name is in stratiteq's rules: its part is new
    assert [kind for kind, _ in gets].count("rules") == 1  # esri's part of the new all.json (stratiteq's was just made)
    gets.clear()
    before = all_json.stat()
    code, err = build(workspace, workspace / "_site", cached=True)  # nothing changed: nothing of the rules is read
    assert code == 0, err
    assert "rules" not in [kind for kind, _ in gets]
    assert (all_json.stat().st_ino, all_json.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    # An edit the rules do not show (the intro is for the pages): stratiteq's rule file is made again, to the
    # same bytes, so all.json is kept as published, and no other vendor's part is read.
    plan.write_text(plan.read_text(encoding="utf-8").replace("Il servizio si chiama", "Il nostro servizio si chiama", 1), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "intro")
    assert "Il nostro servizio" in (workspace / "_site" / "it" / "stratiteq" / "index.html").read_text(encoding="utf-8")
    assert "rules" not in [kind for kind, _ in gets]
    assert (all_json.stat().st_ino, all_json.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


@pytest.mark.parametrize("kind", ["page", "rules"])
def test_a_damaged_cache_entry_is_a_missing_one_and_the_build_makes_it_again(
    workspace: Path, tmp_path: Path, kind: str
) -> None:
    """An entry that cannot be read (left empty by a power loss, say) costs time, never a failed build."""
    for _ in range(2):  # the second build reads every entry, so the pack holds the pages' descriptions
        code, err = build(workspace, workspace / "_site", cached=True)
        assert code == 0, err
    entries = sorted(p for p in (workspace / ".tierwise-cache" / kind).rglob("*") if p.is_file())
    assert entries
    for entry in entries:
        entry.write_bytes(b"")
    code, clean = build(workspace, tmp_path / "clean" / "_site", cached=False)
    assert code == 0, clean
    # Another folder, not the published one: every page and rule file must be written from its entry.
    for attempt in ("first", "second"):
        code, err = build(workspace, tmp_path / attempt / "_site", cached=True)
        assert code == 0, err
        assert tree(tmp_path / attempt / "_site") == tree(tmp_path / "clean" / "_site")
    assert all(entry.stat().st_size > 0 for entry in entries)  # made again, and kept for the next build


def test_new_holiday_or_zone_data_rebuilds_the_rule_files(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rule files name (and hold) the holiday and zone data they were expanded with: an upgrade of either is a change.
    So are the checks' findings, which judge subdivisions and zone names against that data."""
    from dsl.language import datasets

    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))  # the made-up version's dates stay out of the real one
    checked = record_reads(monkeypatch)
    monkeypatch.setattr(datasets, "holidays_version", lambda: "0.0-upgraded")  # as after `pip install -U holidays`
    assert_incremental_equals_clean(workspace, tmp_path, "holidays")
    assert '"holidays": "0.0-upgraded"' in (workspace / "_site" / "rules" / "all.json").read_text(encoding="utf-8")
    before = {key for kind, key in checked if kind == "check"}
    monkeypatch.setattr(datasets, "tz_data", lambda: ("2099a", "python:tzdata"))
    checked.clear()
    assert_incremental_equals_clean(workspace, tmp_path, "tzdata")
    assert '"tzdata": "2099a"' in (workspace / "_site" / "rules" / "esri.json").read_text(encoding="utf-8")
    # Each of the three files' findings was looked for under a key of the new data, never found under the old one.
    after = {key for kind, key in checked if kind == "check"}
    assert len(before) == len(after) == 3 and not before & after


def test_card_views_are_read_only_by_a_template_that_uses_them(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The packaged home page writes the cards' HTML; a project's own index.html that lists `cards` gets their views."""
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    read = record_reads(monkeypatch, "tail")
    plan = workspace / "plans" / "stratiteq.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Stratiteq"', 'name "Stratiteq Edited"', 1), encoding="utf-8")
    assert_incremental_equals_clean(workspace, tmp_path, "packaged-index")
    assert "card" not in [kind for kind, _ in read]
    # A template of the project's own that reads the views: they come from the cache (esri's) or were just made.
    index = workspace / "templates" / "index.html"
    index.write_text(
        '{% extends "base.html" %}{% block main %}<h1>Own</h1>{% for card in cards %}<p>{{ card.name }}</p>{% endfor %}'
        "<p>{{ cards|length }}</p>{% endblock %}",
        encoding="utf-8",
    )
    assert_incremental_equals_clean(workspace, tmp_path, "own-index")  # every card made again: the templates changed
    plan.write_text(plan.read_text(encoding="utf-8").replace("Stratiteq Edited", "Stratiteq Again", 1), encoding="utf-8")
    read.clear()
    assert_incremental_equals_clean(workspace, tmp_path, "own-index-cached")
    assert [kind for kind, _ in read].count("card") == 4  # esri's four cards, read back; stratiteq's were made
    home = (workspace / "_site" / "en" / "index.html").read_text(encoding="utf-8")
    assert "<p>Esri Sverige</p>" in home and "<p>Stratiteq Again</p>" in home and "<p>2</p>" in home


def test_an_upgraded_library_that_shapes_the_output_finds_no_old_entry(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Babel's CLDR words, markdown-it-py's HTML, Jinja's escaping: after `pip install -U` of one of them, every page,
    declaration and check finding is looked for under a new key, and the result is a clean build's."""
    from dsl.language import cache as caching

    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    reads = record_reads(monkeypatch)
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    before = set(reads)
    assert {kind for kind, _ in before} >= {"parse", "check", "page"}
    real = caching.version
    monkeypatch.setattr(caching, "version", lambda name: "99.0" if name == "markdown-it-py" else real(name))
    caching.fingerprint.cache_clear()
    caching.language_fingerprint.cache_clear()
    try:
        reads.clear()
        assert_incremental_equals_clean(workspace, tmp_path, "upgraded")
        kinds = {kind for kind, _ in before}
        assert {kind for kind, _ in reads} >= kinds and not set(reads) & before
    finally:
        caching.fingerprint.cache_clear()
        caching.language_fingerprint.cache_clear()


def test_cache_off_keeps_nothing_in_the_users_cache_either(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """TIERWISE_CACHE=off: no project cache, and neither the parser nor a country's holiday dates are kept for the user."""
    from dsl.language import cache as caching
    from dsl.language import parser
    from dsl.rules import export

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user"))
    monkeypatch.setenv("TIERWISE_CACHE", "off")
    assert caching.project_cache(tmp_path) is None and caching.user_cache_folder() is None
    export._country_dates.cache_clear()
    try:
        assert export._country_dates("SE", None, ("public",), (2026,))[0]
    finally:
        export._country_dates.cache_clear()
    assert parser._cached_lark(parser._grammar()).parse is not None
    assert not (tmp_path / "user").exists()
    monkeypatch.setenv("TIERWISE_CACHE", "on")
    assert caching.user_cache_folder() == tmp_path / "user" / "tierwise"
    parser._cached_lark(parser._grammar())
    assert len(list((tmp_path / "user" / "tierwise").glob("parser-*.pickle"))) == 1


def test_installed_versions_read_from_the_dist_info_folders_are_importlib_metadatas() -> None:
    """The cache keys read versions from the `<name>-<version>.dist-info` folder names; they must be what
    importlib.metadata says, for every dependency and for Tierwise itself."""
    import importlib.metadata
    import tomllib

    from dsl.language import cache as caching
    from support.paths import ROOT

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[\[<>=!~ ]", requirement, maxsplit=1)[0] for requirement in declared}
    for name in sorted(names | set(caching.SHAPING_LIBRARIES) | {"tierwise", "mdurl", "markupsafe"}):
        assert caching.version(name) == importlib.metadata.version(name), name
        # the folder names themselves, not importlib.metadata's fallback (a folder's "dist-info" has a hyphen too)
        assert caching._installed().get(caching._normal(name)) == importlib.metadata.version(name), name
    assert caching.version("no-such-package-tierwise") == "unknown"


def test_the_pack_is_not_rewritten_for_the_few_entries_an_edit_adds(tmp_path: Path) -> None:
    """After one edit at 1,000 vendors the pack lacked 16 of 14,000 entries and was rewritten whole (17 MB, 0.2 s):
    it is written again only when it lacks more than one in fifty of the entries used (or holds many unused)."""
    from dsl.language import loader  # noqa: F401  (registers the packed kinds)
    from dsl.language.cache import PACK_FILE

    folder = tmp_path / "cache"
    first = BuildCache(folder)
    for n in range(100):
        first.put("outline", f"{n:064x}", n)
    first.save_pack()
    pack = folder / PACK_FILE
    written = (pack.stat().st_ino, pack.stat().st_mtime_ns)  # a rewrite renames a new file over it

    def run(new: int) -> tuple[int, int]:
        cache = BuildCache(folder)
        for n in range(100):
            assert cache.get("outline", f"{n:064x}") == n
        for n in range(new):
            cache.put("outline", f"{1000 + n:064x}", n)
        cache.save_pack()
        return pack.stat().st_ino, pack.stat().st_mtime_ns

    assert run(2) == written  # 2 of 102 missing: the pack stays
    later = run(3)  # 3 of 103: more than one in fifty
    assert later != written
    cache = BuildCache(folder)
    assert cache.get("outline", f"{1002:064x}") == 2  # the new entry, from the rewritten pack or its file


# --- plan files known by their stat (dsl/language/loader.py, FileKeys) -----------------------------


def _later(monkeypatch: pytest.MonkeyPatch, seconds: int = 10) -> None:
    """Run the loader as if `seconds` had passed since the files were written (their change times are then old enough to trust)."""
    import time as real_time

    from dsl.language import loader

    class Later:
        def __getattr__(self, name: str):
            return getattr(real_time, name)

        @staticmethod
        def time_ns() -> int:
            return real_time.time_ns() + seconds * 1_000_000_000

    monkeypatch.setattr(loader, "time", Later())


def _plan_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = Path.read_bytes

    def reading(self: Path) -> bytes:
        if self.suffix == ".plan":
            reads.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", reading)
    return reads


def test_a_plan_file_whose_stat_is_unchanged_is_not_read_again(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _later(monkeypatch)
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    reads = _plan_reads(monkeypatch)
    code, err = build(workspace, workspace / "_site", cached=True)
    assert (code, reads) == (0, []), err
    assert_incremental_equals_clean(workspace, tmp_path, "unchanged")

    plan = workspace / "plans" / "esri.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace('name "Esri', 'name "Ezri', 1), encoding="utf-8")
    reads.clear()
    code, err = build(workspace, workspace / "_site", cached=True)
    assert (code, reads) == (0, ["esri.plan"]), err  # the edited file only
    assert_incremental_equals_clean(workspace, tmp_path, "edited")
    assert "Ezri" in (workspace / "_site" / "en" / "esri" / "index.html").read_text(encoding="utf-8")


def test_an_edit_that_keeps_the_size_and_the_modification_time_is_seen(workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The change time gives it away: writing a file sets it, and no program can set it back."""
    _later(monkeypatch)
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    plan = workspace / "plans" / "stratiteq.plan"
    before = plan.stat()
    text = plan.read_text(encoding="utf-8")
    assert 'name "Stratiteq"' in text
    plan.write_text(text.replace('name "Stratiteq"', 'name "Stratitek"', 1), encoding="utf-8")
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (plan.stat().st_size, plan.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert_incremental_equals_clean(workspace, tmp_path, "same-size")
    assert "Stratitek" in (workspace / "_site" / "en" / "stratiteq" / "index.html").read_text(encoding="utf-8")


def test_a_file_changed_within_the_second_is_not_trusted_by_its_stat(workspace: Path) -> None:
    """As git's "racily clean" entries: written in the same tick of the file system's clock as it was looked at, a
    file could be written again unseen; the next build reads it."""
    from dsl.language.loader import FileKeys

    plan = workspace / "plans" / "esri.plan"
    os.utime(workspace / "plans" / "shared.plan", None)
    plan.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    known = FileKeys.of(BuildCache(workspace / ".tierwise-cache"))
    assert str(plan) not in known.entries and str(workspace / "plans" / "shared.plan") not in known.entries


def test_checking_one_file_keeps_what_the_index_knows_of_the_others(workspace: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dsl.language.loader import FileKeys

    _later(monkeypatch)
    code, err = build(workspace, workspace / "_site", cached=True)
    assert code == 0, err
    cache = BuildCache(workspace / ".tierwise-cache")
    before = FileKeys.of(cache).entries
    assert len(before) == 3
    load_project([workspace / "plans" / "esri.plan"], context=[workspace / "plans"], cache=cache)
    assert FileKeys.of(BuildCache(workspace / ".tierwise-cache")).entries == before
    (workspace / "plans" / "esri.plan").unlink()
    load_project([workspace / "plans"], cache=BuildCache(workspace / ".tierwise-cache"))
    assert sorted(Path(p).name for p in FileKeys.of(BuildCache(workspace / ".tierwise-cache")).entries) == ["shared.plan", "stratiteq.plan"]


def test_a_vendors_part_of_all_json_is_cut_from_its_own_document_as_encoding_it_again_would_write_it() -> None:
    """vendor_fragment cuts the part out of the vendor's document text instead of encoding it a second time."""
    from dsl.rules.export import dumps, export_project
    from dsl.site.incremental import vendor_fragment

    project = load_project([PLANS]).project
    assert project is not None
    for vendor in project.vendors:
        doc = export_project(Project((vendor,)), (2026, 2027))
        encoded = vendor_fragment(doc, vendor.id)
        assert vendor_fragment(doc, vendor.id, dumps(doc)) == encoded
        assert encoded.startswith(f'    "{vendor.id}": {{') and encoded.endswith("\n    }")
    # A document of two vendors is not cut (its part would hold both): the part is encoded again.
    two = export_project(Project(project.vendors[:2]), (2026, 2027))
    assert vendor_fragment(two, project.vendors[0].id, dumps(two)) == vendor_fragment(two, project.vendors[0].id)


def test_a_page_written_ahead_is_kept_by_the_writer_and_one_it_never_comes_to_is_swept(tmp_path: Path) -> None:
    from dsl.site.incremental import Reuse

    root = tmp_path / "version"
    root.mkdir()
    reuse = Reuse(None, {}, None)
    reuse.ahead_root = os.fspath(root) + "/"
    for relative in ("en/acme/index.html", "sv/ghost/index.html"):
        reuse.prewritten[relative] = reuse._write_ahead(relative, f"<p>{relative}</p>", "")
    # The writer comes to the first: it keeps the file written ahead (no second write), with its digest and size.
    reuse.write(root, "en/acme/index.html", lambda: pytest.fail("a page written ahead is not made again"))
    assert reuse.written["en/acme/index.html"][1] == len("<p>en/acme/index.html</p>")
    assert reuse.stats.written == 1
    reuse.sweep(root)
    assert (root / "en/acme/index.html").read_text() == "<p>en/acme/index.html</p>"
    assert not (root / "sv/ghost").exists()  # never published: neither the file nor its folder is left in the version
