"""Publishing: render the site and the rule files into a fresh directory, then swap it in.

A build never touches the published directory until everything has been
written: pages, catalogs and rules go to a temporary directory beside it, and
only a complete build is renamed into place. A failed build prints a located
error and leaves the previous site byte for byte as it was. Builds are
reproducible: every iteration is sorted, and nothing records a time or a path.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterable, TextIO
from urllib.parse import urlsplit

from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError, select_autoescape

from dsl import formatting as fmt
from dsl import site
from dsl.model import LANGUAGES, Project

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "site_templates"
LOCALES = ROOT / "locales"
SCHEMA = Path(__file__).resolve().parent / "rules.schema.json"

DEFAULT_BASE_URL = "https://tierwise.example/"
"""Where the site is published, for canonical links and the sitemap only (every other link is relative).

Set TIERWISE_BASE_URL (or pass base_url) to the address the site is served from.
"""


class BuildError(Exception):
    """A build failure with the place that caused it."""

    def __init__(self, where: str, message: str):
        super().__init__(f"{where}: error: {message}")
        self.where = where
        self.message = message


# --- small file helpers ---------------------------------------------------------------------


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so readers never see half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


# --- catalogs -------------------------------------------------------------------------------


def compile_catalogs(locales: Path, cache: Path, stderr: TextIO | None = None) -> dict[str, Translations]:
    """Compile every language's messages.po into cache/<lang>/LC_MESSAGES/messages.mo and load it."""
    result: dict[str, Translations] = {}
    for lang in LANGUAGES:
        po = locales / lang / "LC_MESSAGES" / "messages.po"
        if not po.is_file():
            raise BuildError(str(po), f"the {lang} catalog is missing")
        try:
            with open(po, "rb") as fh:
                catalog = read_po(fh, locale=fmt.LOCALES[lang], abort_invalid=True)
        except PoFileError as exc:
            raise BuildError(str(po), str(exc)) from None
        missing = [m.id for m in catalog if m.id and not m.string and not m.fuzzy]
        if missing and stderr is not None:
            print(f"{po}: warning: {len(missing)} message(s) not translated, shown in English", file=stderr)
        mo = cache / lang / "LC_MESSAGES" / "messages.mo"
        mo.parent.mkdir(parents=True, exist_ok=True)
        with open(mo, "wb") as fh:
            write_mo(fh, catalog)
        with open(mo, "rb") as fh:
            result[lang] = Translations(fh)
    return result


# --- pages ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A link of the language switcher or the alternates."""

    lang: str
    name: str
    href: str
    current: bool = False


@dataclass(frozen=True)
class Page:
    """Where a page is and how it links to its siblings in other languages."""

    lang: str
    path: str
    root: str
    canonical: str
    alternates: tuple[tuple[str, str], ...]
    switcher: tuple[Link, ...]
    title: str
    description: str


def _canonical_path(path: str) -> str:
    return path[: -len("index.html")] if path.endswith("index.html") else path


def _page(base: str, path_of, lang: str, default_path: str, title: str, description: str) -> Page:
    """The metadata of the page at path_of(lang), with its alternates in every language."""
    path = path_of(lang)
    depth = path.count("/")
    root = "../" * depth
    alternates = tuple((code, base + _canonical_path(path_of(code))) for code in LANGUAGES) + (
        ("x-default", base + _canonical_path(default_path)),
    )
    switcher = tuple(
        Link(code, fmt.language_name(code), root + path_of(code), code == lang) for code in LANGUAGES
    )
    return Page(lang, path, root, base + _canonical_path(path), alternates, switcher, title, description)


def _environment(templates: Path, words: Translations) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_translations(words, newstyle=True)
    return env


def _render(env: Environment, name: str, **context) -> str:
    """Render a template; a failure becomes a BuildError at the template line that caused it."""
    try:
        return env.get_template(name).render(**context)
    except TemplateSyntaxError as exc:
        raise BuildError(f"{exc.filename or exc.name}:{exc.lineno}", exc.message or str(exc)) from None
    except Exception as exc:  # noqa: BLE001 - any failure inside a template must be located, not a traceback
        where = name
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            filename = frame.f_code.co_filename
            if filename.endswith((".html", ".xml")):
                where = f"{filename}:{lineno}"
        raise BuildError(where, f"{type(exc).__name__}: {exc}") from None


def _normal_base(base_url: str | None) -> str:
    base = base_url or os.environ.get("TIERWISE_BASE_URL") or DEFAULT_BASE_URL
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BuildError("TIERWISE_BASE_URL", f"expected an absolute http(s) address such as {DEFAULT_BASE_URL}, got {base!r}")
    return base if base.endswith("/") else base + "/"


def render_site(
    project: Project,
    out: Path,
    words: dict[str, Translations],
    base: str,
    templates: Path = TEMPLATES,
    warnings: site.Warnings | None = None,
) -> list[str]:
    """Render every page into `out`; returns the site-relative paths written (sitemap order)."""
    warnings = warnings if warnings is not None else site.Warnings()
    vendors = sorted(project.vendors, key=lambda v: v.id)
    written: list[str] = []
    sitemap: list[Page] = []
    root_path = urlsplit(base).path or "/"
    choosers = tuple(
        (
            code,
            fmt.language_name(code),
            words[code].gettext("Compare support tiers"),
            words[code].gettext("Support tiers of software vendors compared: prices, response times and features."),
            words[code].gettext("This page does not exist. Choose your language to start again."),
        )
        for code in LANGUAGES
    )
    env_en = _environment(templates, words["en"])
    index_of = lambda code: f"{code}/index.html"  # noqa: E731
    root_page = Page(
        "en",
        "index.html",
        "",
        base,
        tuple((code, base + _canonical_path(index_of(code))) for code in LANGUAGES) + (("x-default", base),),
        tuple(Link(code, fmt.language_name(code), index_of(code)) for code in LANGUAGES),
        "Tierwise",
        choosers[-1][3],
    )
    _write(out, "index.html", _render(env_en, "root.html", page=root_page, choosers=choosers))
    written.append("index.html")
    sitemap.append(root_page)
    _write(out, "404.html", _render(env_en, "404.html", choosers=choosers, home=root_path))
    written.append("404.html")
    for lang in LANGUAGES:
        env = _environment(templates, words[lang])
        _ = words[lang].gettext
        cards = site.vendor_cards(Project(tuple(vendors)), lang, words[lang], warnings)
        page = _page(
            base,
            index_of,
            lang,
            "index.html",
            _("Compare support tiers"),
            _("Support tiers of software vendors compared: prices, response times and features."),
        )
        _write(out, page.path, _render(env, "index.html", page=page, cards=cards))
        written.append(page.path)
        sitemap.append(page)
        for vendor in vendors:
            reader = site.Reader(lang, words[lang], vendor, warnings)
            view = site.vendor_page(vendor, reader)
            page = _page(
                base,
                lambda code, v=vendor.id: f"{code}/{v}/index.html",
                lang,
                f"en/{vendor.id}/index.html",
                _("%(vendor)s support tiers compared") % {"vendor": vendor.name},
                view.description,
            )
            _write(out, page.path, _render(env, "vendor.html", page=page, vendor=view))
            written.append(page.path)
            sitemap.append(page)
    sitemap.sort(key=lambda p: p.canonical)
    _write(out, "sitemap.xml", _render(env_en, "sitemap.xml", pages=sitemap))
    _write(out, "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n")
    written += ["sitemap.xml", "robots.txt"]
    return written


def _copy_assets(templates: Path, out: Path) -> None:
    source = templates / "assets"
    if not source.is_dir():
        raise BuildError(str(source), "the assets folder (site.css, calculator.js, sla.js) is missing")
    for path in sorted(source.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            target = out / "assets" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())


def write_rules(project: Project, out: Path, years: tuple[int, int]) -> None:
    """rules/all.json, rules/<vendor>.json and rules/schema.json, through the rules module."""
    from dsl.rules import dumps, export_project

    rules = out / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    _write(rules, "all.json", dumps(export_project(project, years)))
    for vendor in sorted(project.vendors, key=lambda v: v.id):
        _write(rules, f"{vendor.id}.json", dumps(export_project(Project((vendor,)), years)))
    if not SCHEMA.is_file():
        raise BuildError(str(SCHEMA), "the rule schema is missing")
    (rules / "schema.json").write_bytes(SCHEMA.read_bytes())


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
    base = _normal_base(base_url)
    warnings = site.Warnings()
    with tempfile.TemporaryDirectory(prefix="tierwise-catalogs-") as cache:
        words = compile_catalogs(locales, Path(cache), stderr)
    render_site(project, out, words, base, templates, warnings)
    _copy_assets(templates, out)
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
    except Exception as exc:  # noqa: BLE001 - an author must see a message, never a traceback
        shutil.rmtree(new, ignore_errors=True)
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"{frame.filename}:{frame.lineno}: error: {type(exc).__name__}: {exc}", file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    pages = sum(1 for _ in out.rglob("*.html"))
    print(f"built {pages} pages into {out_dir}", file=stderr)
    return 0


# --- serve ----------------------------------------------------------------------------------


def _watched(paths: Iterable[Path]) -> dict[str, float]:
    """Modification times of the plan files, templates and catalogs a build reads."""
    found: dict[str, float] = {}
    roots = [*paths, TEMPLATES, LOCALES]
    for root in roots:
        candidates = [root] if root.is_file() else sorted(root.rglob("*")) if root.is_dir() else []
        for path in candidates:
            if path.is_file():
                try:
                    found[str(path)] = path.stat().st_mtime
                except OSError:
                    pass
    return found


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


def serve(paths: list[str], out: Path, port: int) -> int:
    """Build, serve the site on 127.0.0.1:port and rebuild whenever a plan, template or catalog changes."""
    from dsl.cli import default_years
    from dsl.diagnostics import print_diagnostics
    from dsl.loader import load_project

    sources = [Path(p) for p in paths] or [Path("plans")]
    out = Path(out)

    def build() -> int:
        """Load, check and publish once; the exit code."""
        result = load_project(sources)
        errors = print_diagnostics(result.diagnostics, result.sources, sys.stderr, strict=False)
        if errors or result.project is None:
            print(f"{errors} error(s); still serving the last good site.", file=sys.stderr)
            return 1
        return publish(result.project, out, default_years())

    build()
    if not out.is_dir():
        print(f"{out}: error: nothing to serve; fix the errors above and run again.", file=sys.stderr)
        return 1
    handler = functools.partial(_QuietHandler, directory=str(out.absolute()))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        print(f"127.0.0.1:{port}: error: cannot listen: {exc.strerror or exc}", file=sys.stderr)
        return 1
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    print(f"serving http://127.0.0.1:{port}/ (Ctrl+C stops)", file=sys.stderr)
    seen = _watched(sources)
    try:
        while True:
            time.sleep(0.5)
            now = _watched(sources)
            if now != seen:
                seen = now
                print("change seen; rebuilding ...", file=sys.stderr)
                build()
    except KeyboardInterrupt:
        return 0
    finally:
        server.shutdown()
        server.server_close()
