"""Rendering: the site's own words (gettext catalogs) and the Jinja templates, turned into pages.

This module compiles the catalogs, sets up the Jinja environment, renders every page (`render_site`)
and copies the assets; dsl/site/publish.py puts the result in place atomically.

Templates and catalogs ship inside the package (`dsl.site.templates`, `dsl.site.locales`, mapped from
the top-level `site_templates/` and `locales/` folders in pyproject.toml) and are found through
importlib.resources, so an installed Tierwise renders the same pages as a checkout.
"""

from __future__ import annotations

import gettext
import io
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache, partial
from importlib.resources import files
from pathlib import Path
from types import CodeType
from typing import Any, NamedTuple, TextIO, cast
from urllib.parse import urlsplit

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations
from jinja2 import BytecodeCache, Environment, StrictUndefined, Template, TemplateSyntaxError, pass_context, select_autoescape
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from markupsafe import Markup

from dsl.language.cache import BuildCache, keep_for_user, kept_for_user, key_of, user_cached, version
from dsl.language.diagnostics import Diagnostic, error
from dsl.language.model import Project, Vendor
from dsl.language.settings import DEFAULT_SETTINGS, Settings, address_splits
from dsl.language.vocabulary import LANGUAGES
from dsl.rules.export import default_years, source_date_epoch
from dsl.site import branding, compare, structured
from dsl.site import formatting as fmt
from dsl.site import views as site
from dsl.site.example import worked_example
from dsl.site.incremental import Reuse


def _package_folder(package: str, checkout_folder: str) -> Path:
    """A folder of package data: the source folder of the checkout this code runs from, else the installed package's."""
    # A checkout's code takes its own templates and catalogs: a second checkout (a git worktree) run with
    # PYTHONPATH beside an editable install of the first would otherwise build with the first one's.
    checkout = Path(__file__).resolve().parents[2]
    if (checkout / "pyproject.toml").is_file() and (checkout / checkout_folder).is_dir():
        return checkout / checkout_folder
    try:
        folder = files(package)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / checkout_folder
    # Installed from a wheel or editable, the data are plain files on disk; Jinja and shutil want paths.
    return Path(str(folder))


TEMPLATES = _package_folder("dsl.site.templates", "site_templates")
"""The Jinja templates and the assets folder."""

LOCALES = _package_folder("dsl.site.locales", "locales")
"""The gettext catalogs: LOCALES/<lang>/LC_MESSAGES/messages.po."""

DEFAULT_BASE_URL = "https://tierwise.example/"
"""Where the site is published, for canonical links and the sitemap only (every other link is relative).

Set `[site] base_url` in tierwise.toml, TIERWISE_BASE_URL or --base-url to the address the site is served from.
"""

DEFAULT_LANGUAGE = DEFAULT_SETTINGS.default_language
"""The default of a project's default language (its settings' default_language): the pages of no language and x-default."""


class BuildError(Exception):
    """A build failure with the place that caused it."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: error: {message}")
        self.where = where
        self.message = message

    def __reduce__(self) -> tuple[type[BuildError], tuple[str, str]]:
        return BuildError, (self.where, self.message)


# --- files --------------------------------------------------------------------------------


def write_file(root: Path, relative: str, text: str) -> None:
    """Write `text` to root/relative as UTF-8 with Unix newlines, making the folders it needs."""
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


_write_file = write_file


# --- catalogs -------------------------------------------------------------------------------


def _catalog(locales: Path, lang: str, settings: Settings) -> Path:
    """The messages.po of a published language: the project's own (locales/ beside plans/) first, else the packaged one."""
    own = settings.locales / lang / "LC_MESSAGES" / "messages.po" if settings.locales is not None else None
    if own is not None and own.is_file():
        return own
    po = locales / lang / "LC_MESSAGES" / "messages.po"
    if po.is_file():
        return po
    if settings.file is None:
        raise BuildError(str(po), f"the {lang} catalog is missing")
    raise BuildError(
        str(settings.pos(f"site.languages.{lang}")),
        f"the site is published in '{lang}', but there is no catalog of the site's words in it: "
        f"add {own or po} (copy locales/en/LC_MESSAGES/messages.po and translate each msgstr)",
    )


def language_problems(settings: Settings, locales: Path | None = None) -> list[Diagnostic]:
    """Located errors for the site's languages a build cannot publish in: one CLDR does not know, one without a catalog.

    `compile_catalogs` refuses them too, when the build reaches them; `check` and `build` report them beside the settings'
    other problems, with the line and a hint, so that a project `check` accepts does not then fail to build.
    """
    problems: list[Diagnostic] = []
    if settings.file is None:
        return problems
    for lang in settings.languages:
        pos = settings.pos(f"site.languages.{lang}")
        if not fmt.known_locale(lang):
            problems.append(error(f"the site is published in '{lang}', a language CLDR does not know, so its numbers and dates cannot be written",
                                  pos, "use a code CLDR knows for the language, such as nb, pt-BR or sr-Latn", code="T1005"))
            continue
        try:
            _catalog(LOCALES if locales is None else locales, lang, settings)
        except BuildError:
            own = settings.locales / lang / "LC_MESSAGES" / "messages.po" if settings.locales is not None else None
            problems.append(error(f"the site is published in '{lang}', but there is no catalog of the site's words in it", pos,
                                  f"add {own} (copy locales/en/LC_MESSAGES/messages.po and translate each msgstr)", code="T1005"))
    return problems


def compile_catalogs(locales: Path, stderr: TextIO | None = None, settings: Settings = DEFAULT_SETTINGS) -> dict[str, Translations]:
    """Compile every published language's messages.po and load it (compiled in memory, kept by the catalog's bytes)."""
    result: dict[str, Translations] = {}
    for lang in settings.languages:
        if not fmt.known_locale(lang):
            raise BuildError(
                str(settings.pos(f"site.languages.{lang}")),
                f"the site is published in '{lang}', a language CLDR does not know, so its numbers and dates cannot be written",
            )
        po = _catalog(locales, lang, settings)
        mo, missing = _compiled(po, lang)
        if missing and stderr is not None:
            print(f"{po}: warning: {missing} message(s) not translated, shown in English", file=stderr)
        result[lang] = _whole_words(Translations(io.BytesIO(mo)), lang)
    return result


def _whole_words(words: Translations, lang: str) -> Translations:
    """The catalog with its short hyphenated words kept on one line ("E-post", "Add-on"): see fmt.keep_short_words_whole;
    in Polish, its one-letter words kept with the next word (fmt.bind_single_letter_words); Swedish "kl." and Polish
    "godz." kept with the time after them (fmt.bind_clock_word).

    Done once here, where every site word passes, rather than in each template and view that says one.
    """
    catalog = words._catalog  # gettext's own table of msgid -> msgstr
    for key, value in catalog.items():
        if isinstance(value, str) and key != "":  # "" is the header, not a site word
            catalog[key] = fmt.bind_clock_word(fmt.bind_single_letter_words(fmt.keep_short_words_whole(value), lang), lang)
    return words


_COMPILED: dict[str, tuple[bytes, int]] = {}
"""Compiled catalogs (.mo bytes, untranslated messages) by the key of their source: `serve` compiles each once."""


def _compiled(po: Path, lang: str) -> tuple[bytes, int]:
    """The .mo bytes of the catalog `po` in `lang` and how many of its messages are untranslated.

    Reading a .po file is most of a millisecond per message: the result is kept in memory and in the
    user's cache, by the catalog's bytes, the locale and Babel's version (which writes the .mo).
    """
    data = po.read_bytes()
    key = key_of("catalog/2", version("babel"), fmt.locale_code(lang), data)
    found = _COMPILED.get(key)
    if found is None:

        def make() -> tuple[bytes, int]:
            try:
                catalog = read_po(io.BytesIO(data), locale=fmt.locale_code(lang), abort_invalid=True)
            except PoFileError as exc:
                raise BuildError(str(po), str(exc)) from None
            except (UnicodeDecodeError, ValueError) as exc:
                raise _unreadable_catalog(po, data, exc) from None
            _judge_catalog(po, data, catalog)
            out = io.BytesIO()
            write_mo(out, catalog)
            return out.getvalue(), sum(1 for m in catalog if m.id and not m.string and not m.fuzzy)

        found = _COMPILED[key] = kept_for_user("catalog", key, make)
    return found


# --- a catalog judged before its words reach a page -------------------------
# A project's own messages.po that is not UTF-8, has a Plural-Forms header Python cannot evaluate, or
# a translation that cannot be filled in like its msgid stopped the build with an error at a line
# of Babel, of gettext or of a template: now at its own line, saying what is wrong with it.

_PLURAL_PROBE = (*range(1000), 10**6, 10**9)
"""The counts a catalog's plural rule is tried with: every count a page shows is one of these kinds."""


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, max(offset, 0)) + 1


def _unreadable_catalog(po: Path, data: bytes, exc: UnicodeDecodeError | ValueError) -> BuildError:
    """The BuildError, at its line, for a catalog Babel cannot read: not UTF-8, or a Plural-Forms header it cannot parse."""
    if isinstance(exc, UnicodeDecodeError):
        try:
            data.decode("utf-8")
            line = 1
        except UnicodeDecodeError as whole:
            line = _line_of(data, whole.start)
        return BuildError(f"{po}:{line}", "the catalog is not UTF-8; save it as UTF-8")
    return BuildError(f"{po}:{_line_of(data, data.find(b'Plural-Forms'))}", f"the catalog's Plural-Forms header cannot be read: {exc}")


def _judge_catalog(po: Path, data: bytes, catalog: Catalog) -> None:
    """Raise a BuildError at its line for a plural rule that fails for some count, or a translation that cannot be filled in."""
    header = f"{po}:{_line_of(data, data.find(b'Plural-Forms'))}"
    try:
        plural = gettext.c2py(catalog.plural_expr)
        wrong = next((n for n in _PLURAL_PROBE if not 0 <= plural(n) < catalog.num_plurals), None)
    except (ValueError, ArithmeticError, TypeError, RecursionError) as exc:
        raise BuildError(header, f"the catalog's plural rule '{catalog.plural_expr}' cannot be evaluated: {exc}") from None
    if wrong is not None:
        raise BuildError(header, f"the catalog's plural rule '{catalog.plural_expr}' gives no form of the {catalog.num_plurals} for {wrong}")
    for message in catalog:
        ids = (message.id,) if isinstance(message.id, str) else tuple(message.id)
        strings = (message.string,) if isinstance(message.string, str) else tuple(message.string or ())
        if not ids[0] or not any(strings):
            continue
        names = {name: 1 for text in ids for name in re.findall(r"%\((\w+)\)", text)}
        try:
            for text in ids:
                text % names  # the page fills the msgid in this way: only a msgid that can be is judged
        except (ValueError, TypeError, KeyError):
            continue
        for text in strings:
            try:
                text % names  # as the page will
            except (ValueError, TypeError, KeyError) as exc:
                problem = (
                    f"it names %({exc.args[0]})s, which the msgid does not have" if isinstance(exc, KeyError) else f"{exc} (write %% for a %)"
                )
                raise BuildError(f"{po}:{message.lineno}", f"the translation of {ids[0]!r} cannot be filled in: {problem}") from None


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


class Chooser(NamedTuple):
    """A language on the root chooser and the 404 page, in that language's own words."""

    code: str
    name: str
    title: str
    description: str
    missing: str


def _language_index(lang: str) -> str:
    return f"{lang}/index.html"


def _vendor_path(vendor_id: str, lang: str) -> str:
    return f"{lang}/{vendor_id}/index.html"


def _page(
    base: str, path_of: Callable[[str], str], lang: str, default_path: str, title: str, description: str,
    languages: tuple[str, ...] = LANGUAGES,
) -> Page:
    """The metadata of the page at path_of(lang), with its alternates in every published language."""
    path = path_of(lang)
    depth = path.count("/")
    root = "../" * depth
    alternates = tuple((code, base + _canonical_path(path_of(code))) for code in languages) + (
        ("x-default", base + _canonical_path(default_path)),
    )
    switcher = tuple(
        Link(code, fmt.language_name(code), root + path_of(code), code == lang) for code in languages
    )
    return Page(lang, path, root, base + _canonical_path(path), alternates, switcher, title, description)


@lru_cache(maxsize=1 << 14)  # `serve` asks for the same thousands of pages' metadata on every rebuild
def _vendor_page_meta(
    base: str, vendor_id: str, lang: str, default: str, title: str, description: str, languages: tuple[str, ...]
) -> Page:
    """The metadata of a vendor's page in `lang` (`default`: the site's default language)."""
    return _page(base, partial(_vendor_path, vendor_id), lang, _vendor_path(vendor_id, default), title, description, languages)


class _SharedBytecode(BytecodeCache):
    """Templates compiled once per process, shared by the environment of every page language.

    Each language has its own environment (its own gettext), but the compiled code of a template is
    the same in all of them: Jinja keys it by the template's name and source, so a changed template
    is compiled again.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        # With a build cache, compilations outlive the process too: compiling the templates is a fifth
        # of a small site's build. Jinja checks each entry's source checksum and its own version.
        self.store: BuildCache | None = None
        self.packaged: set[str] = set()
        """The keys of the packaged templates (every project's): kept in the user's cache as well."""

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Jinja's key of a template, noting whether it is one of the packaged templates."""
        key = super().get_cache_key(name, filename)
        if filename is not None and Path(filename).parent == TEMPLATES:
            self.packaged.add(key)
        return key

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill the bucket from an earlier compilation of the same source (this process's, or the cache's)."""
        found = self.compiled.get(bucket.key)
        if found is None and self.store is not None:
            found = self.store.get(TEMPLATE_KIND, f"{bucket.key}-{sys.implementation.cache_tag}")
        if found is None and bucket.key in self.packaged:
            # A project's first build: the packaged templates were compiled by any project's build before.
            kept = user_cached(TEMPLATE_KIND, _user_key(bucket))
            found = kept[0] if kept is not None else None
        if isinstance(found, bytes):
            self.compiled[bucket.key] = found
            # Jinja checks the entry's version and the template source's checksum: a stale one compiles again.
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a compilation for the other environments, and in the build cache when there is one."""
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.store is not None:
            self.store.put(TEMPLATE_KIND, f"{bucket.key}-{sys.implementation.cache_tag}", self.compiled[bucket.key])
        if bucket.key in self.packaged:
            keep_for_user(TEMPLATE_KIND, _user_key(bucket), self.compiled[bucket.key])


def _user_key(bucket: Bucket) -> str:
    """The user's cache key of a packaged template's compiled code: its name and file (Jinja's key) and the Python.

    Not its source: an upgrade's template replaces its one entry (Jinja checks the source it was compiled from).
    """
    return key_of(bucket.key, sys.implementation.cache_tag)


TEMPLATE_KIND = "templates"
"""The build cache's folder of compiled page templates."""

_BYTECODE = _SharedBytecode()


@contextmanager
def templates_cached_in(cache: BuildCache | None) -> Iterator[None]:
    """Within the block, compiled templates are read from and written to `cache` (None: this process only)."""
    before = _BYTECODE.store
    _BYTECODE.store = cache
    try:
        yield
    finally:
        _BYTECODE.store = before


def _escape_text(text: str) -> str:
    # markupsafe's own replacements, in its order (its pure-Python `escape`): the same bytes as `escape`.
    return text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;").replace('"', "&#34;")


def _escaped_output(value: object) -> str:
    """What an autoescaped `{{ ... }}` writes: the value escaped, as a plain string (see `_Template`)."""
    if type(value) is str:
        return _escape_text(value)
    if type(value) is Markup:
        return value
    html = getattr(value, "__html__", None)
    return str(html()) if html is not None else _escape_text(str(value))


class _Template(Template):
    """Jinja's template, writing each autoescaped value as a plain string instead of a `Markup`.

    Jinja compiles `{{ value }}` to `escape(value)` only where the result is written out and joined
    into the page (without autoescaping, the same place gets `str(value)`), so the `Markup` object
    markupsafe's `escape` makes of each of a page's few thousand values is thrown away at once.
    Making them was a tenth of rendering a vendor page. The page's bytes are the same.
    """

    @classmethod
    def from_code(
        cls, environment: Environment, code: CodeType, globals: MutableMapping[str, Any], uptodate: Callable[[], bool] | None = None
    ) -> Template:
        """Jinja's `from_code`, its compiled module then given `_escaped_output` as its `escape`."""
        made = super().from_code(environment, code, globals, uptodate)
        made.root_render_func.__globals__["escape"] = _escaped_output
        return made


def _gettext(words: Translations) -> Callable[..., str]:
    """The i18n extension's new-style `gettext` (and `_`), each message translated once per environment.

    A vendor page asks for some seventy messages, the same on every page; the extension's own goes through
    two context calls, a catalog lookup, a `Markup` and its formatting for each. This one gives the same
    result: the translation, escaped as Markup where the template autoescapes, formatted with the variables
    (always, so "%%" is "%" with or without them).
    """
    found: dict[str, Markup] = {}

    @pass_context
    def gettext(context: Context, message: str, /, **variables: Any) -> str:
        if not context.eval_ctx.autoescape:
            return str(words.gettext(message)) % variables
        if variables:
            return Markup(words.gettext(message)) % variables
        made = found.get(message)
        if made is None:
            made = found[message] = Markup(words.gettext(message)) % {}
        return made

    return gettext


def environment(templates: Path, words: Translations, settings: Settings = DEFAULT_SETTINGS) -> Environment:
    """The Jinja environment of one page language: autoescaped, strict, with the i18n extension on `words`."""
    env = Environment(
        loader=branding.template_loader(templates, settings),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_BYTECODE,
        # An environment lives for one build, whose keys hold the templates as they were when it started: asking the
        # file system before each page whether a template changed cost a stat per template per page (3 % of a page).
        auto_reload=False,
    )
    env.template_class = _Template
    # The i18n extension adds this method at run time, so the type checker cannot know it.
    cast(Any, env).install_gettext_translations(words, newstyle=True)
    env.globals["gettext"] = env.globals["_"] = _gettext(words)
    # Open Graph names a page's locale as CLDR does ("sv_SE"): the one its numbers are formatted in.
    env.globals["og_locales"] = fmt.LocaleCodes(fmt.LOCALES)
    # The project's title, brand and mode (tierwise.toml), for the header, the titles and the crumbs.
    env.globals["site"] = branding.site_info(settings)
    # Words in a <style> (the comparison's cards name their facts with generated content on a phone).
    env.filters["css_string"] = compare.css_string
    return env


def _render(env: Environment, name: str, **context: object) -> str:
    """Render a template; a failure becomes a BuildError at the template line that caused it."""
    try:
        return env.get_template(name).render(**context)
    except TemplateSyntaxError as exc:
        raise BuildError(f"{exc.filename or exc.name}:{exc.lineno}", exc.message or str(exc)) from None
    except UnicodeDecodeError as exc:  # a theme's template that is not UTF-8: its file and line, not "index.html"
        raise BuildError(_undecodable_template(exc, name), "the template is not UTF-8; save it as UTF-8") from None
    except Exception as exc:  # any failure inside a template must be located, not a traceback
        where = name
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            filename = frame.f_code.co_filename
            if filename.endswith((".html", ".xml")):
                where = f"{filename}:{lineno}"
        raise BuildError(where, f"{type(exc).__name__}: {exc}") from None


def _undecodable_template(exc: UnicodeDecodeError, name: str) -> str:
    """FILE:LINE of the template Jinja's loader could not decode (its frame holds the file's name), else `name`."""
    for frame, _ in traceback.walk_tb(exc.__traceback__):
        filename = frame.f_locals.get("filename") if frame.f_code.co_filename.endswith(("loaders.py", "utils.py")) else None
        if isinstance(filename, str) and isinstance(exc.object, bytes):
            line = exc.object.count(b"\n", 0, exc.start) + 1
            return f"{filename}:{line}"
    return name


def normal_base_url(base_url: str | None, configured: str | None = None) -> str:
    """The address the site is published at, ending in "/": the argument (--base-url), else TIERWISE_BASE_URL,
    else `configured` (the settings' [site] base_url), else the placeholder."""
    base = base_url or os.environ.get("TIERWISE_BASE_URL") or configured or DEFAULT_BASE_URL
    # Name where the address came from: the error was always put on TIERWISE_BASE_URL.
    from_env = os.environ.get("TIERWISE_BASE_URL")
    given = "--base-url" if base_url else "TIERWISE_BASE_URL" if from_env or not configured else "[site] base_url"
    parts = urlsplit(base) if address_splits(base) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise BuildError(given, f"expected an absolute http(s) address such as {DEFAULT_BASE_URL}, got {base!r}")
    return base if base.endswith("/") else base + "/"


def render_site(
    project: Project,
    out: Path,
    words: dict[str, Translations],
    base: str,
    templates: Path = TEMPLATES,
    warnings: site.Warnings | None = None,
    reuse: Reuse | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    years: tuple[int, int] | None = None,
) -> list[str]:
    """Render every page into `out` in the languages the settings publish; returns the site-relative paths written.

    With `reuse`, a vendor page whose inputs are unchanged comes from the build cache instead of being
    rendered, and a file with the same bytes as in the previous version is linked instead of written.
    `years`: the span of the published rules (default: the plans' horizon), which the worked examples are taken from.
    """
    warnings = warnings if warnings is not None else site.Warnings()
    years = years or default_years(project)
    if settings.mode == "vendor":
        return _render_vendor_site(project, out, words, base, templates, warnings, settings, reuse, years)
    languages, default = settings.languages, settings.default_language
    # Every page below goes through the reuse's writer when there is one (linked when unchanged).
    write_file = reuse.write if reuse is not None else _write_file
    vendors = sorted(project.vendors, key=lambda v: v.id)
    written: list[str] = []
    sitemap: list[Page] = []  # the home, language and comparison pages; the vendors' pages as (id, language)
    vendor_pages: list[tuple[str, str]] = []
    root_path = urlsplit(base).path or "/"
    choosers = tuple(
        Chooser(
            code,
            fmt.language_name(code),
            words[code].gettext("Compare support tiers"),
            words[code].gettext("Support tiers of software vendors compared: prices, response times and features."),
            words[code].gettext("This page does not exist. Choose your language to start again."),
        )
        for code in languages
    )
    root_env = environment(templates, words[default], settings)
    root_page = Page(
        default,
        "index.html",
        "",
        base,
        tuple((code, base + _canonical_path(_language_index(code))) for code in languages) + (("x-default", base),),
        tuple(Link(code, fmt.language_name(code), _language_index(code)) for code in languages),
        settings.title,
        next(c.description for c in choosers if c.code == default),
    )
    notices = tuple(
        (code, words[code].gettext("Compiled from the vendors' published support terms. The vendor's own agreement always applies."))
        for code in languages
    )
    write_file(out, "index.html", _render(root_env, "root.html", page=root_page, choosers=choosers, notices=notices))
    written.append("index.html")
    sitemap.append(root_page)
    write_file(out, "404.html", _render(root_env, "404.html", choosers=choosers, home=root_path))
    written.append("404.html")
    for lang in languages:
        env = environment(templates, words[lang], settings)
        _ = words[lang].gettext
        # The cards as views (for a project's own index.html) and as card.html writes them (the packaged one).
        if reuse is not None:
            cards, written_cards = reuse.cards(tuple(vendors), lang, words[lang], warnings, partial(render_card, env))
        else:
            cards = site.vendor_cards(Project(tuple(vendors)), lang, words[lang], warnings)
            written_cards = tuple(render_card(env, card) for card in cards)
        page = _page(
            base,
            _language_index,
            lang,
            "index.html",
            _("Compare support tiers"),
            _("Support tiers of software vendors compared: prices, response times and features."),
            languages,
        )
        write_file(out, page.path, _render(env, "index.html", page=page, cards=cards, written_cards=written_cards))
        written.append(page.path)
        sitemap.append(page)
        # Issue 9: every tier of every vendor side by side, {lang}/compare/.
        compare_meta, compare_view = _compare_page(env, base, lang, _, project, words[lang], warnings, settings, reuse)
        write_file(out, compare_meta.path, _render(env, "compare.html", page=compare_meta, cmp=compare_view))
        written.append(compare_meta.path)
        sitemap.append(compare_meta)
        for vendor in vendors:
            again = partial(_vendor_texts, env, words[lang], base, vendor, lang, settings, years)
            cached = reuse.page(vendor.id, lang, again) if reuse is not None else None
            text: str | Callable[[], str]
            embed: str | Callable[[], str]
            if cached is not None:
                # Its texts are read only if the writer needs them (not when the published file came from the same entry).
                text, embed = cached.text, cached.embed
                for key, line in cached.met.items():
                    warnings.found.setdefault(key, line)
                # Its metadata (title, alternates) is in its text; the sitemap makes its own when it is made.
                path = _vendor_path(vendor.id, lang)
            else:
                # A page's own warnings are kept with it in the cache, so a cached page warns as a rendered one.
                page_warnings = site.Warnings() if reuse is not None else warnings
                page, text, embed = render_vendor_page(env, words[lang], base, vendor, lang, page_warnings, settings, years)
                path = page.path
                if reuse is not None:
                    reuse.keep_page(vendor.id, lang, text, page_warnings, embed)
                    for key, line in page_warnings.found.items():
                        warnings.found.setdefault(key, line)
            if reuse is not None:
                reuse.tick("vendor pages", reuse.stats.pages_rendered + reuse.stats.pages_cached, len(vendors) * len(languages))
            if reuse is not None:  # named by its cache key: a file made from the same key is kept without a look at its bytes
                reuse.write(out, path, text, reuse.source("page", vendor.id, lang))
                reuse.write(out, embed_path(vendor.id, lang), embed, reuse.source("embed", vendor.id, lang))
            else:
                write_file(out, path, text if isinstance(text, str) else text())
                write_file(out, embed_path(vendor.id, lang), embed if isinstance(embed, str) else embed())
            written += [path, embed_path(vendor.id, lang)]
            vendor_pages.append((vendor.id, lang))
    lastmod, lastmods = source_date(), terms_dates(vendors, base, languages)
    # A vendor page's address and alternates follow from its vendor id and language, the base URL and the
    # languages (all in the context key): the sitemap of the same pages and dates is the same text.
    same_as = (
        (reuse.context_key, lastmod, tuple(sorted(lastmods.items())), tuple((p.canonical, p.alternates) for p in sitemap), tuple(vendor_pages))
        if reuse else None
    )

    def sitemap_text() -> str:
        if same_as is None or _SITEMAP.get("inputs") != same_as:
            pages = [*sitemap, *(_vendor_page_meta(base, vendor_id, lang, default, "", "", languages) for vendor_id, lang in vendor_pages)]
            pages.sort(key=lambda p: p.canonical)
            _SITEMAP.clear()
            _SITEMAP.update(inputs=same_as, text=_render(root_env, "sitemap.xml", pages=pages, lastmod=lastmod, lastmods=lastmods))
        text: str = _SITEMAP["text"]
        return text

    if reuse is not None:  # the published sitemap of the same inputs is kept without being rendered
        reuse.write(out, "sitemap.xml", sitemap_text, "sitemap:" + key_of(repr(same_as)))
    else:
        write_file(out, "sitemap.xml", sitemap_text())
    write_file(out, "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n")
    written += ["sitemap.xml", "robots.txt"]
    return written


_SITEMAP: dict[str, Any] = {}
"""The last sitemap written, with what it was made from."""


def render_vendor_page(
    env: Environment, words: Translations, base: str, vendor: Vendor, lang: str, warnings: site.Warnings,
    settings: Settings = DEFAULT_SETTINGS, years: tuple[int, int] | None = None,
) -> tuple[Page, str, str]:
    """One vendor's page in one language: its metadata, its text and its embeddable tier table.

    `years`: the span of the published rules, which the worked example of its response times is computed on."""
    _ = words.gettext
    reader = site.Reader(lang, words, vendor, warnings)
    view = site.vendor_page(vendor, reader, worked_example(vendor, years or default_years()))
    page = _vendor_page_meta(
        base, vendor.id, lang, settings.default_language, _("%(vendor)s support tiers compared") % {"vendor": vendor.name}, view.description,
        settings.languages,
    )
    # Issue 9: schema.org JSON-LD of the tiers and their prices.
    json_ld = structured.vendor_json_ld(vendor, reader, page.canonical)
    text = _render(env, "vendor.html", page=page, vendor=view, json_ld=json_ld)
    embed = _render_embed(env, page, view, vendor.id, settings)
    return page, text, embed


def _vendor_texts(
    env: Environment, words: Translations, base: str, vendor: Vendor, lang: str, settings: Settings, years: tuple[int, int] | None = None
) -> tuple[str, str]:
    """A cached vendor page's text and embeddable table rendered again, for an entry that cannot be read after all
    (its warnings came with the entry, so they are not reported twice)."""
    _, text, embed = render_vendor_page(env, words, base, vendor, lang, site.Warnings(), settings, years)
    return text, embed


# --- a single vendor's own site, and the embeddable tier table (issue 9) ---------------------------


def _render_embed(env: Environment, page: Page, view: site.VendorPage, vendor_id: str, settings: Settings) -> str:
    """The vendor's tier table as a fragment, in ASCII (see ascii_fragment)."""
    return ascii_fragment(_render(env, "embed.html", page=page, vendor=view, vid=vendor_id, css=branding.embed_css(settings)))


def ascii_fragment(html: str) -> str:
    """A fragment whose every other character is a character reference (a CSS escape in its <style>): pure ASCII.

    A fragment has no <meta charset> of its own: pasted into a page of another encoding, opened on its own or served
    without a charset (file://, many static hosts), its UTF-8 read as windows-1252 ("SpoÅ‚ecznoÅ›Ä‡", "âœ“"). ASCII
    reads the same in every encoding. A <style> is raw text, where a character reference stays as written.
    """

    def refs(text: str) -> str:
        return text.encode("ascii", "xmlcharrefreplace").decode("ascii")

    before, style, rest = html.partition("<style>")
    css, end, after = rest.partition("</style>")
    return refs(before) + style + _ascii_css(css) + end + refs(after)


@lru_cache(maxsize=64)
def _ascii_css(css: str) -> str:
    # Every embeddable table of a build carries the same style: escaped once, not once per page.
    return "".join(c if ord(c) < 128 else f"\\{ord(c):x} " for c in css)


def embed_path(vendor_id: str, lang: str) -> str:
    """The site-relative path of a vendor's embeddable tier table in one language."""
    return f"{lang}/{vendor_id}/embed.html"


def _write_embed(
    env: Environment, out: Path, page: Page, view: site.VendorPage, vendor_id: str, settings: Settings, write: Callable[[Path, str, str], None]
) -> str:
    """Write the vendor's tier table as a fragment for another site's page; returns its site-relative path."""
    path = embed_path(vendor_id, page.lang)
    write(out, path, _render_embed(env, page, view, vendor_id, settings))
    return path


def _render_vendor_site(
    project: Project,
    out: Path,
    words: dict[str, Translations],
    base: str,
    templates: Path,
    warnings: site.Warnings,
    settings: Settings,
    reuse: Reuse | None = None,
    years: tuple[int, int] | None = None,
) -> list[str]:
    """One vendor's own site: each language's root, and the site's root (in the default language), is its page."""
    write_file = reuse.write if reuse is not None else _write_file
    vendor = project.vendor(settings.vendor or "")
    if vendor is None:  # the loader refuses this; a project built in code is refused here
        raise BuildError(str(settings.pos("site.vendor")), f"the site's vendor '{settings.vendor}' is not in the project")
    languages, default = settings.languages, settings.default_language
    written: list[str] = []
    sitemap: list[Page] = []
    root_path = urlsplit(base).path or "/"
    for i, lang in enumerate((default, *languages)):
        env = environment(templates, words[lang], settings)
        _ = words[lang].gettext
        view = site.vendor_page(vendor, site.Reader(lang, words[lang], vendor, warnings), worked_example(vendor, years or default_years(project)))
        title = _("%(vendor)s support tiers compared") % {"vendor": vendor.name}
        if i == 0:  # the site's root: the default language's page, at the top of the site
            page = Page(
                lang, "index.html", "", base,
                tuple((code, base + _canonical_path(_language_index(code))) for code in languages) + (("x-default", base),),
                tuple(Link(code, fmt.language_name(code), _language_index(code), code == lang) for code in languages),
                title, view.description,
            )
        else:
            page = _page(base, _language_index, lang, "index.html", title, view.description, languages)
            written.append(_write_embed(env, out, page, view, vendor.id, settings, write_file))
        json_ld = structured.vendor_json_ld(vendor, site.Reader(lang, words[lang], vendor, warnings), page.canonical)
        write_file(out, page.path, _render(env, "vendor.html", page=page, vendor=view, json_ld=json_ld))
        written.append(page.path)
        sitemap.append(page)
    root_env = environment(templates, words[default], settings)
    choosers = tuple(
        Chooser(
            code,
            fmt.language_name(code),
            words[code].gettext("%(vendor)s support tiers compared") % {"vendor": vendor.name},
            "",
            words[code].gettext("This page does not exist. Choose your language to start again."),
        )
        for code in languages
    )
    write_file(out, "404.html", _render(root_env, "404.html", choosers=choosers, home=root_path))
    written.append("404.html")
    sitemap.sort(key=lambda p: p.canonical)
    read = terms_dates([vendor], base, languages[:1]).values()  # when its terms were read, for each of its pages
    lastmods = {p.canonical: max(read) for p in sitemap} if read else {}
    write_file(out, "sitemap.xml", _render(root_env, "sitemap.xml", pages=sitemap, lastmod=source_date(), lastmods=lastmods))
    write_file(out, "robots.txt", f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n")
    written += ["sitemap.xml", "robots.txt"]
    return written


def copy_assets(templates: Path, out: Path, reuse: Reuse | None = None) -> None:
    """Copy templates/assets (site.css, calculator.js, sla.js) into out/assets."""
    source = templates / "assets"
    if not source.is_dir():
        raise BuildError(str(source), "the assets folder (site.css, calculator.js, sla.js) is missing")
    for path in sorted(source.rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            if reuse is not None:
                reuse.write_bytes(out, str(Path("assets") / path.relative_to(source)), path.read_bytes())
                continue
            target = out / "assets" / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())


def source_date() -> str | None:
    """The sitemap's <lastmod>: the date of SOURCE_DATE_EPOCH (reproducible builds), else none at all."""
    # Never the build's own clock: two builds of the same sources must stay byte-identical.
    value = source_date_epoch()
    if value is None:
        return None
    return datetime.fromtimestamp(value, tz=UTC).date().isoformat()


# --- issue 9: the comparison across vendors -------------------------------------------------------


def _compare_path(lang: str) -> str:
    return f"{lang}/{compare.COMPARE_FOLDER}/index.html"


def compare_part(env: Environment) -> compare.PartOf:
    """Makes a vendor's part of the comparison in `env`'s language: its rows, written by compare_rows.html."""

    def part(
        vendor: Vendor, lang: str, words: site.Translations, warnings: site.Warnings, languages: bool, availability: bool = False,
        penalties: bool = False,
    ) -> compare.RowsPart:
        rows = compare.vendor_rows(vendor, lang, words, warnings, languages, availability, penalties)
        return compare.rows_part(vendor, rows, _render(env, "compare_rows.html", rows=rows.rows))

    return part


def render_card(env: Environment, card: site.VendorCard) -> Markup:
    """A vendor's card on the home page, written by card.html in `env`'s language."""
    return Markup(_render(env, "card.html", card=card))


def _compare_page(
    env: Environment, base: str, lang: str, _: Callable[[str], str], project: Project, words: Translations, warnings: site.Warnings,
    settings: Settings = DEFAULT_SETTINGS, reuse: Reuse | None = None,
) -> tuple[Page, compare.ComparePage]:
    """The page metadata and the view of {lang}/compare/ (each vendor's rows from the cache when unchanged)."""
    make = compare_part(env)
    view = compare.compare_page(project, lang, words, warnings, reuse.compare_part(make) if reuse is not None else make)
    page = _page(
        base, _compare_path, lang, _compare_path(settings.default_language), _("All support tiers compared"), view.description,
        settings.languages,
    )
    return page, view


def terms_dates(vendors: list[Vendor], base: str, languages: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
    """Issue 9: a vendor page's <lastmod> without SOURCE_DATE_EPOCH: the date its terms were read (plan data, never the clock)."""
    dates = {}
    for vendor in vendors:
        read = [src.read for src in vendor.sources if src.read is not None]
        if read:
            for lang in languages:
                dates[base + _canonical_path(_vendor_path(vendor.id, lang))] = max(read).isoformat()
    return dates
