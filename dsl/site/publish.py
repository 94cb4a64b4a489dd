"""Publishing: render the site and the rule files into a fresh directory, then swap it in.

A build never touches the published directory until everything has been
written: pages, catalogs and rules go to a temporary directory beside it, and
only a complete build is renamed into place. A failed build prints a located
error and leaves the previous site byte for byte as it was. Builds are
reproducible: every iteration is sorted, and nothing records a time or a path.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from dsl.language.model import Project
from dsl.rules.export import dumps, export_project, schema_text
from dsl.site import views as site
from dsl.site.render import DEFAULT_BASE_URL, LOCALES, TEMPLATES, BuildError, compile_catalogs, copy_assets, normal_base_url, render_site, write_file


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600; a published file gets the mode any new file gets (0666 less the umask).
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_rules(project: Project, out: Path, years: tuple[int, int]) -> None:
    """Write rules/all.json, rules/<vendor>.json and rules/schema.json through the rules' public export."""
    rules = out / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    write_file(rules, "all.json", dumps(export_project(project, years)))
    for vendor in sorted(project.vendors, key=lambda v: v.id):
        write_file(rules, f"{vendor.id}.json", dumps(export_project(Project((vendor,)), years)))
    write_file(rules, "schema.json", schema_text())


def build_into(
    project: Project,
    out: Path,
    years: tuple[int, int],
    base_url: str | None = None,
    templates: Path = TEMPLATES,
    locales: Path = LOCALES,
    stderr: TextIO = sys.stderr,
) -> site.Warnings:
    """Render the whole site into an empty directory `out` (no swapping); returns the warnings met."""
    base = normal_base_url(base_url)
    warnings = site.Warnings()
    with tempfile.TemporaryDirectory(prefix="tierwise-catalogs-") as cache:
        words = compile_catalogs(locales, Path(cache), stderr)
    render_site(project, out, words, base, templates, warnings)
    copy_assets(templates, out)
    write_rules(project, out, years)
    return warnings


def _swap(new: Path, out: Path) -> None:
    """Put the finished build `new` in place of `out` with renames only."""
    old = None
    if out.exists() or out.is_symlink():
        if not out.is_dir():
            raise BuildError(str(out), "exists and is not a directory; refusing to replace it")
        old = Path(tempfile.mkdtemp(prefix=f"{out.name}.old-", dir=out.parent))
        old.rmdir()
        os.rename(out, old)
    try:
        os.rename(new, out)
    except OSError:
        if old is not None:
            os.rename(old, out)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def publish(
    project: Project,
    out_dir: Path,
    years: tuple[int, int],
    *,
    base_url: str | None = None,
    templates: Path = TEMPLATES,
    locales: Path = LOCALES,
    stderr: TextIO | None = None,
) -> int:
    """Build the site and the rules into a fresh directory beside `out_dir` and swap it in; the exit code."""
    stderr = stderr or sys.stderr
    out = Path(out_dir).absolute()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        new = Path(tempfile.mkdtemp(prefix=f"{out.name}.build-", dir=out.parent))
    except OSError as exc:
        print(f"{out}: error: cannot create the build directory: {exc.strerror or exc}", file=stderr)
        return 1
    try:
        os.chmod(new, 0o755)
        warnings = build_into(project, new, years, base_url, templates, locales, stderr)
        for line in warnings.lines():
            print(line, file=stderr)
        _swap(new, out)
    except BuildError as exc:
        shutil.rmtree(new, ignore_errors=True)
        print(str(exc), file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        print(f"{exc.filename or out}: error: {exc.strerror or exc}", file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    except Exception as exc:  # an author must see a message, never a traceback
        shutil.rmtree(new, ignore_errors=True)
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"{frame.filename}:{frame.lineno}: error: {type(exc).__name__}: {exc}", file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    pages = sum(1 for _ in out.rglob("*.html"))
    placeholder_warning(base_url, stderr)
    print(f"built {pages} pages into {out_dir}", file=stderr)
    return 0


def placeholder_warning(base_url: str | None, stderr: TextIO) -> None:
    """Warn when the canonical links, alternates and sitemap were written for the placeholder host."""
    # A build for a look at the site is fine on tierwise.example; a published one would tell search
    # engines that its pages live on a host nobody owns.
    base = normal_base_url(base_url)
    if urlsplit(base).hostname == urlsplit(DEFAULT_BASE_URL).hostname:
        print(
            f"warning: canonical links, hreflang alternates and the sitemap point at the placeholder {base}; "
            "set TIERWISE_BASE_URL (or --base-url) to the address the site is published at",
            file=stderr,
        )
