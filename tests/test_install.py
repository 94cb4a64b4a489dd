"""Tierwise as a user installs it: a wheel in a fresh virtual environment, run from a folder of plans.

Nothing here may lean on the checkout: the wheel must carry the grammar, the rule schema, the page
templates and the catalogs, and the commands must find plans/ and _site/ relative to the project
they are run in, never relative to the package. The site the installed tool builds must be the
site the checkout builds, byte for byte.
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from support.paths import BUILD_PY, PLANS, ROOT

pytestmark = pytest.mark.slow

SHIPPED_DATA = {
    "dsl/py.typed",
    "dsl/language/grammar.lark",
    "dsl/rules/schema.json",
    "dsl/site/templates/base.html",
    "dsl/site/templates/vendor.html",
    "dsl/site/templates/card.html",
    "dsl/site/templates/compare_rows.html",
    "dsl/site/templates/assets/sla.js",
    "dsl/site/templates/assets/site.css",
    "dsl/site/locales/sv/LC_MESSAGES/messages.po",
    "dsl/site/locales/it/LC_MESSAGES/messages.po",
    "dsl/site/locales/pl/LC_MESSAGES/messages.po",
    "dsl/site/locales/en/LC_MESSAGES/messages.po",
}


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """Run a command; fail the test with its output when it fails."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{' '.join(command)} exited {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the checkout (so the build leaves nothing in the work tree)."""
    source = tmp_path_factory.mktemp("source") / "tierwise"
    ignore = shutil.ignore_patterns(".git", "node_modules", "_site*", "build", "*.egg-info", "__pycache__", ".venv", ".*cache*")
    shutil.copytree(ROOT, source, ignore=ignore)
    out = tmp_path_factory.mktemp("wheel")
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(out), str(source)], cwd=out)
    (built,) = out.glob("tierwise-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh virtual environment with only the wheel (and its dependencies) installed."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / "bin"
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)], cwd=env_dir)
    return bin_dir


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """An unrelated folder holding only a copy of plans/."""
    folder = tmp_path / "my-support-offers"
    shutil.copytree(PLANS, folder / "plans")
    return folder


def clean_env(bin_dir: Path) -> dict[str, str]:
    """The environment of a user of the installed tool: its venv first on PATH, nothing pointing at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return env


def test_the_wheel_carries_its_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert SHIPPED_DATA <= names, sorted(SHIPPED_DATA - names)
    assert not [n for n in names if n.endswith((".mo", ".pyc"))]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "tierwise = dsl.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_installed_commands_work_from_a_folder_of_plans(installed: Path, project: Path) -> None:
    env = clean_env(installed)
    tierwise = str(installed / "tierwise")
    where = run([str(installed / "python"), "-c", "import dsl; print(dsl.__file__)"], cwd=project, env=env).stdout
    assert str(ROOT) not in where and "site-packages" in where

    built = run([tierwise, "build"], cwd=project, env=env)
    assert "built" in built.stderr
    assert (project / "_site" / "en" / "stratiteq" / "index.html").is_file()
    assert (project / "_site" / "rules" / "schema.json").is_file()

    run([tierwise, "rules", "-o", "r.json"], cwd=project, env=env)
    assert (project / "r.json").read_text(encoding="utf-8").startswith("{")

    due = run([tierwise, "due", "stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00"], cwd=project, env=env)
    assert due.stdout.strip() == "2026-11-24T14:00:00+01:00"

    check = run([tierwise, "check", "--strict"], cwd=project, env=env)
    assert check.stdout.startswith("ok:")

    # The installed version, as pyproject.toml states it.
    import tomllib

    stated = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert run([tierwise, "--version"], cwd=project, env=env).stdout.strip() == f"tierwise {stated}"


def test_installed_commands_find_the_project_root(installed: Path, project: Path) -> None:
    env = clean_env(installed)
    tierwise = str(installed / "tierwise")
    below = project / "drafts" / "2027"
    below.mkdir(parents=True)
    run([tierwise, "build"], cwd=below, env=env)
    assert (project / "_site" / "index.html").is_file() and not (below / "_site").exists()

    elsewhere = project.parent / "elsewhere"
    elsewhere.mkdir()
    lost = subprocess.run([tierwise, "check"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=120)
    assert lost.returncode == 2 and "no plans/ folder" in lost.stderr and "Traceback" not in lost.stderr
    run([tierwise, "--project", str(project), "check"], cwd=elsewhere, env=env)


def test_installed_site_equals_the_checkout_site(installed: Path, project: Path, tmp_path: Path) -> None:
    env = clean_env(installed)
    run([str(installed / "tierwise"), "build", "--years", "2026-2028", "--out", str(tmp_path / "installed")], cwd=project, env=env)
    run([sys.executable, str(BUILD_PY), "build", "--years", "2026-2028", "--out", str(tmp_path / "checkout"), str(project / "plans")], cwd=tmp_path)
    differing = []

    def compare(cmp: filecmp.dircmp[str], prefix: str = "") -> None:
        differing.extend(prefix + name for name in cmp.diff_files + cmp.left_only + cmp.right_only)
        for name, sub in cmp.subdirs.items():
            compare(sub, f"{prefix}{name}/")

    compare(filecmp.dircmp(tmp_path / "installed", tmp_path / "checkout"))
    assert differing == []


def test_a_second_checkout_builds_with_its_own_templates_and_catalogs(tmp_path: Path) -> None:
    """A git worktree run with PYTHONPATH beside an editable install of another checkout: its own data, not the other's."""
    other = tmp_path / "worktree"
    shutil.copytree(ROOT / "dsl", other / "dsl", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", other / "pyproject.toml")
    (other / "site_templates").mkdir()
    (other / "locales").mkdir()
    found = subprocess.run(
        [sys.executable, "-c", "from dsl.site.render import TEMPLATES, LOCALES; print(TEMPLATES); print(LOCALES)"],
        capture_output=True, text=True, check=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(other)},
    ).stdout.split()
    assert found == [str(other / "site_templates"), str(other / "locales")]


def test_build_py_on_a_python_without_the_libraries_says_how_to_get_them(tmp_path: Path) -> None:
    """`python3 build.py` with the system's Python, before the quick start: a hint, not a traceback."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "dsl", checkout / "dsl", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(BUILD_PY, checkout / "build.py")
    # -S: no site-packages, so none of Tierwise's libraries; no .venv beside this checkout to run instead.
    bare = subprocess.run([sys.executable, "-S", str(checkout / "build.py"), "check"], capture_output=True, text=True, cwd=tmp_path)
    assert bare.returncode == 1
    assert "Traceback" not in bare.stderr
    assert "lacks 'lark'" in bare.stderr or "lacks 'babel'" in bare.stderr
    assert ".venv/bin/pip install -e '.[test]'" in bare.stderr


def test_build_py_on_another_python_runs_in_the_checkouts_virtual_environment(tmp_path: Path) -> None:
    """With the quick start's .venv beside it, `python3 build.py` (any Python) runs the command there."""
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "dsl", checkout / "dsl", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(BUILD_PY, checkout / "build.py")
    (checkout / ".venv" / "bin").mkdir(parents=True)
    stand_in = checkout / ".venv" / "bin" / "python"  # a Python that has the libraries: this one, with its site
    stand_in.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    stand_in.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "TIERWISE_REEXEC"}
    ran = subprocess.run(
        [sys.executable, "-S", str(checkout / "build.py"), "--version"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip()
