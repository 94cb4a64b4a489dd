"""Outlines: a build after an edit leaves the unchanged plan files unloaded, and nothing it reads differs for that."""

from __future__ import annotations

import copy
import dataclasses
import os
import pickle
import shutil
from io import StringIO
from pathlib import Path

import pytest

from dsl.language import loader, outline
from dsl.language.cache import BuildCache
from dsl.language.loader import OUTLINE_KIND, SourceChanged, load_project
from dsl.language.model import Vendor
from dsl.site.publish import publish
from support.cache_reads import record_reads
from support.paths import PLANS

YEARS = (2026, 2027)
NAME, EDITED = 'name "Esri Sverige"', 'name "Esri Sverige Edited"'


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The five real plans and the shared definitions, in a project of their own."""
    shutil.copytree(PLANS, tmp_path / "plans")
    return tmp_path


def _load(root: Path) -> loader.LoadResult:
    result = load_project([root / "plans"], cache=BuildCache(root / ".tierwise-cache"))
    assert result.project is not None, [str(d) for d in result.errors]
    return result


def _publish(root: Path, result: loader.LoadResult) -> None:
    assert result.project is not None
    err = StringIO()
    code = publish(result.project, root / "_site", YEARS, stderr=err, cache=BuildCache(root / ".tierwise-cache"), vendor_keys=result.vendor_keys)
    assert code == 0, err.getvalue()


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the lazy vendors loaded from now on."""
    loaded: list[str] = []
    real = outline.LazyVendor._load

    def counting(self: outline.LazyVendor) -> None:
        if "_loader" in vars(self):
            loaded.append(self.id)
        real(self)

    monkeypatch.setattr(outline.LazyVendor, "_load", counting)
    return loaded


def test_a_build_after_one_edit_loads_only_the_edited_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _publish(project, _load(project))  # the first build: every file loaded whole, its outline kept
    plan = project / "plans" / "esri.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace(NAME, EDITED, 1), encoding="utf-8")
    gets = record_reads(monkeypatch)
    loaded = _loads(monkeypatch)
    result = _load(project)
    assert result.project is not None
    lazy = sorted(v.id for v in result.project.vendors if isinstance(v, outline.LazyVendor))
    assert lazy == sorted(v.id for v in result.project.vendors if v.id != "esri")
    # Only the edited file and the one of shared definitions (read by every build) were asked of the cache whole.
    assert [kind for kind, _ in gets].count("parse") == 2
    _publish(project, result)
    assert loaded == []  # every page, card, row and rule file of the others came from the cache
    assert "Esri Sverige Edited" in (project / "_site" / "en" / "esri" / "index.html").read_text(encoding="utf-8")


def test_a_lazy_vendor_is_the_vendor_it_stands_for(project: Path) -> None:
    eager = load_project([project / "plans"]).project
    _load(project)  # keeps the outlines
    lazy_project = _load(project).project
    assert eager is not None and lazy_project is not None
    for whole, lazy in zip(eager.vendors, lazy_project.vendors, strict=True):
        assert isinstance(lazy, outline.LazyVendor) and "_loader" in vars(lazy)
        assert lazy.states_support_languages() == whole.states_support_languages()
        assert lazy.states_availability() == whole.states_availability()
        assert "_loader" in vars(lazy)  # the outline's answers load nothing
        assert lazy.plans == whole.plans  # a field not in the outline loads the vendor
        assert "_loader" not in vars(lazy)
        assert lazy == whole and whole == lazy and hash(lazy) == hash(whole)
        assert all(getattr(lazy, f.name) == getattr(whole, f.name) for f in dataclasses.fields(Vendor))
        assert type(pickle.loads(pickle.dumps(lazy))) is Vendor and pickle.loads(pickle.dumps(lazy)) == whole
        assert type(copy.deepcopy(lazy)) is Vendor
        renamed = dataclasses.replace(lazy, name="Other")
        assert renamed.name == "Other" and renamed.plans == whole.plans
    assert eager == lazy_project


def test_files_with_shared_definitions_or_warnings_have_no_outline(project: Path) -> None:
    # An empty file is one the parser warns about: an outline has no diagnostics to repeat.
    (project / "plans" / "empty.plan").write_text("# nothing yet\n", encoding="utf-8")
    result = _load(project)
    assert any(d.pos.file.endswith("empty.plan") for d in result.diagnostics)
    cache = BuildCache(project / ".tierwise-cache")
    reads = {path.name: loader._read_for_key(path) for path in (project / "plans").glob("*.plan")}
    has = {name: cache.has(OUTLINE_KIND, read[1]) for name, read in reads.items() if read is not None}
    assert has["shared.plan"] is False and has["empty.plan"] is False
    assert has["esri.plan"] is True
    again = _load(project)
    assert [str(d) for d in again.diagnostics] == [str(d) for d in result.diagnostics]


def test_the_checks_findings_of_an_outlined_file_are_found_again_when_their_entry_is_gone(project: Path) -> None:
    plan = project / "plans" / "esri.plan"
    # A warning of the checks (not the parser): a text without one of the languages the site publishes.
    text = plan.read_text(encoding="utf-8")
    polish = ' pl "Zakładanie zgłoszeń serwisowych i śledzenie ich przebiegu"'
    assert polish in text
    plan.write_text(text.replace(polish, "", 1), encoding="utf-8")
    first = _load(project)
    assert any(d.pos.file == str(plan) for d in first.diagnostics)
    again = _load(project)  # the file outlined, its findings from the cache
    assert isinstance(again.project and again.project.vendor("esri"), outline.LazyVendor)
    shutil.rmtree(project / ".tierwise-cache" / "check")
    third = _load(project)  # the file outlined, its findings made again
    for result in (again, third):
        assert [str(d) for d in result.diagnostics] == [str(d) for d in first.diagnostics]
        assert result.sources == first.sources  # the lines the warnings point at can be shown


def _lazy_esri(project: Path) -> tuple[outline.LazyVendor, Path]:
    """esri's vendor as a build gives it (outlined, not loaded), its declarations gone from the cache; and its plan file."""
    _load(project)
    result = _load(project)
    assert result.project is not None
    vendor = result.project.vendor("esri")
    assert isinstance(vendor, outline.LazyVendor)
    shutil.rmtree(project / ".tierwise-cache" / "parse")
    return vendor, project / "plans" / "esri.plan"


def test_a_file_changed_before_its_lazy_vendor_is_read_is_an_error_not_a_wrong_page(project: Path) -> None:
    # The cache is cleared and the file edited after the load: the vendor cannot be what the load saw.
    vendor, plan = _lazy_esri(project)
    plan.write_text(plan.read_text(encoding="utf-8").replace(NAME, EDITED, 1), encoding="utf-8")
    with pytest.raises(SourceChanged) as caught:
        _ = vendor.plans
    assert caught.value.filename == str(plan) and "changed" in str(caught.value.strerror)
    with pytest.raises(SourceChanged):  # and again, not a missing attribute, however often it is asked
        _ = vendor.features
    # Unchanged, the file itself stands in for the missing entry.
    plan.write_text(plan.read_text(encoding="utf-8").replace(EDITED, NAME, 1), encoding="utf-8")
    fresh = _load(project).project
    assert fresh is not None
    shutil.rmtree(project / ".tierwise-cache" / "parse")
    eager = load_project([project / "plans"]).project
    assert eager is not None and fresh.vendor("esri") == eager.vendor("esri")


def test_a_build_whose_file_changed_under_it_says_so_and_leaves_the_site(project: Path) -> None:
    first = _load(project)
    _publish(project, first)
    before = (project / "_site" / "en" / "esri" / "index.html").read_bytes()
    result = _load(project)
    shutil.rmtree(project / ".tierwise-cache")  # nothing cached: every output must be made, from the vendors
    plan = project / "plans" / "esri.plan"
    plan.write_text(plan.read_text(encoding="utf-8").replace(NAME, EDITED, 1), encoding="utf-8")
    assert result.project is not None
    err = StringIO()
    cache = BuildCache(project / ".tierwise-cache")
    code = publish(result.project, project / "_site", YEARS, stderr=err, cache=cache, vendor_keys=result.vendor_keys)
    assert code == 1
    assert f"{plan}: error: the file changed while Tierwise was reading the project; run the command again" in err.getvalue()
    assert "Traceback" not in err.getvalue()
    assert (project / "_site" / "en" / "esri" / "index.html").read_bytes() == before


def test_a_file_removed_before_its_lazy_vendor_is_read_is_the_same_located_error(project: Path) -> None:
    """Not a FileNotFoundError that `rules`, `due` or `check` would show as a traceback (main catches SourceChanged)."""
    vendor, plan = _lazy_esri(project)
    plan.unlink()
    with pytest.raises(SourceChanged) as caught:
        _ = vendor.plans
    assert caught.value.filename == str(plan)


def test_a_build_after_an_edit_imports_neither_holiday_tables_nor_phone_metadata(tmp_path: Path) -> None:
    """A plan with no phone number, whose calendars' dates are in the cache: the edit's build never imports `holidays`
    or `phonenumbers` (together longer to import than the rest of such a build spends on its vendor)."""
    import subprocess
    import sys

    from support.paths import ROOT

    script = (
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT / 'benchmarks')!r})\n"
        "from pathlib import Path\n"
        "import generate\n"
        "from dsl import cli\n"
        f"root = Path({str(tmp_path)!r})\n"
        "if sys.argv[1] == 'cold':\n"
        "    generate.write_plans(root, 3)\n"
        "else:\n"
        "    plan = root / 'plans' / 'v0002.plan'\n"
        "    plan.write_text(plan.read_text(encoding='utf-8').replace('sv \"', 'sv \"Ny ', 1), encoding='utf-8')\n"
        "code = cli.main(['--project', str(root), 'build', '--quiet'])\n"
        "print(code, sorted(m for m in ('holidays', 'phonenumbers') if m in sys.modules))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache"), "TIERWISE_JOBS": "1"}
    for run, imported in (("cold", "['holidays']"), ("edit", "[]")):
        done = subprocess.run([sys.executable, "-c", script, run], capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == f"0 {imported}", done.stderr
    assert "Ny " in (tmp_path / "_site" / "sv" / "v0002" / "index.html").read_text(encoding="utf-8")
