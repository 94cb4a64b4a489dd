"""Where the repository's files are, whatever the working directory the tests run from."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The checkout: the folder holding pyproject.toml, plans/, site_templates/ and locales/."""

PLANS = ROOT / "plans"
"""The shipped plan files."""

BUILD_PY = ROOT / "build.py"
"""The thin command-line wrapper of a checkout."""
