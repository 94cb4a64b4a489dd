"""The package's layers: imports run one way, text -> model -> outputs -> command line.

language <- site, language <- rules, everything <- cli. The site may use the rules only through
their public export (dsl.rules.export) and, as one more consumer of that export's JSON, the deadline
engine (dsl.rules.engine: the vendor pages' worked example); the deadline engine reads only the rule
JSON, so it imports nothing of the language. Nothing imports the command line. Checked statically on every import
statement, including those inside functions, so a lazy import cannot hide a wrong arrow.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support.paths import ROOT

PACKAGE = ROOT / "dsl"

# (importing stage, imported module prefix) pairs that are allowed; the stage is the first two parts
# of a module name (dsl.language, dsl.site, dsl.rules, dsl.cli).
ALLOWED: dict[str, tuple[str, ...]] = {
    "dsl": (),
    "dsl.language": ("dsl.language",),
    "dsl.rules": ("dsl.language", "dsl.rules"),
    # The engine reads only the rule JSON (the export's output): the site asking it is one more consumer of the rules.
    "dsl.site": ("dsl.language", "dsl.site", "dsl.rules.export", "dsl.rules.engine"),
    "dsl.cli": ("dsl.language", "dsl.rules", "dsl.site"),
}
# Stricter than its stage: the engine answers from the JSON alone (docs/rules.md promises it).
ALLOWED_MODULE: dict[str, tuple[str, ...]] = {
    "dsl.rules.engine": ("dsl.rules.engine",),
}


def module_name(path: Path) -> str:
    """dsl/site/views.py -> dsl.site.views; a package's __init__ is the package."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def stage_of(module: str) -> str:
    """The layer a module belongs to: dsl.language, dsl.site, dsl.rules, dsl.cli or dsl."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else parts[0]


def imported(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """Every dsl module a source imports, with its line (relative imports resolved)."""
    found: list[tuple[int, str]] = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # `from dsl.site import views` imports dsl.site.views, and `from dsl.rules.export import dumps`
            # lies inside dsl.rules.export: naming base.name judges both by the module really reached.
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name == "dsl" or name.startswith("dsl.")]


def wrong_arrows(source: str, module: str, is_package: bool = False) -> list[str]:
    """The imports of one module that break the layering, as 'line: a -> b' strings."""
    allowed = ALLOWED_MODULE.get(module) or ALLOWED[stage_of(module)]
    problems = []
    for line, target in imported(source, module, is_package):
        if target == module or target.startswith(module + "."):
            continue
        if not any(target == ok or target.startswith(ok + ".") for ok in allowed):
            problems.append(f"{line}: {module} -> {target}")
    return problems


def package_modules() -> list[Path]:
    """Every Python module of the dsl package."""
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_known_stage() -> None:
    stages = {stage_of(module_name(path)) for path in package_modules()}
    assert stages <= set(ALLOWED), stages - set(ALLOWED)
    assert {"dsl.language", "dsl.site", "dsl.rules", "dsl.cli"} <= stages


@pytest.mark.parametrize("path", package_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_run_one_way(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert wrong_arrows(source, module_name(path), path.name == "__init__.py") == []


@pytest.mark.parametrize(
    ("module", "source", "arrow"),
    [
        ("dsl.language.loader", "from dsl.site.views import Reader\n", "dsl.language.loader -> dsl.site.views.Reader"),
        ("dsl.language.checks", "def f():\n    import dsl.rules.export\n", "dsl.language.checks -> dsl.rules.export"),
        ("dsl.site.render", "from dsl.rules.commands import run_clock\n", "dsl.site.render -> dsl.rules.commands.run_clock"),
        ("dsl.site.render", "from dsl.rules import commands\n", "dsl.site.render -> dsl.rules.commands"),
        ("dsl.site.example", "import dsl.rules\n", "dsl.site.example -> dsl.rules"),
        ("dsl.rules.export", "from dsl.site import publish\n", "dsl.rules.export -> dsl.site.publish"),
        ("dsl.rules.commands", "from dsl.cli import main\n", "dsl.rules.commands -> dsl.cli.main"),
        ("dsl.rules.engine", "from dsl.language.model import Text\n", "dsl.rules.engine -> dsl.language.model.Text"),
        ("dsl.site.views", "from ..cli import main\n", "dsl.site.views -> dsl.cli.main"),
    ],
)
def test_a_wrong_arrow_is_caught(module: str, source: str, arrow: str) -> None:
    assert [p.split(": ", 1)[1] for p in wrong_arrows(source, module)] == [arrow]


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("dsl.site.publish", "from dsl.rules.export import dumps\n"),
        ("dsl.site.example", "from dsl.rules.engine import Evaluator\nfrom dsl.rules import engine, export\n"),
        ("dsl.site.views", "from dsl.language.model import Text\nfrom . import formatting\n"),
        ("dsl.cli", "from dsl.site.serve import serve\nfrom dsl.rules import engine\n"),
        ("dsl.rules.commands", "from dsl.rules.engine import due\nfrom dsl.language.loader import load_project\n"),
    ],
)
def test_a_right_arrow_passes(module: str, source: str) -> None:
    assert wrong_arrows(source, module) == []


def test_no_test_module_imports_another() -> None:
    """Shared test code lives in tests/support/; a test module importing another runs its tests twice."""
    tests = ROOT / "tests"
    test_modules = {p.stem for p in tests.rglob("test_*.py")}
    wrong = []
    for path in sorted(tests.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            bad = [n for n in names if {n.split(".")[0], n.split(".")[-1]} & test_modules]
            wrong += [f"{path.relative_to(ROOT)}:{node.lineno}: {n}" for n in bad]
    assert wrong == []
