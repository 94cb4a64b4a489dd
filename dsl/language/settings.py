"""Project settings: the site's languages, title, address, mode and brand, read from `tierwise.toml`.

A project root (the folder holding `plans/`) may hold a settings file, `tierwise.toml`:

    [site]
    title = "Tierwise"
    base_url = "https://tierwise.example/"
    languages = ["sv", "it", "pl", "en"]   # published, in this order
    default_language = "en"                # x-default and the pages of no language
    mode = "directory"                     # or "vendor", with: vendor = "stratiteq"
    templates = "templates"                # a folder of templates that replace the packaged ones

    [brand]
    name = "Tierwise"
    logo = "brand/logo.svg"
    accent = "#0b4f9c"
    accent_text = "#ffffff"
    font = "Inter, system-ui, sans-serif"

Without the file a project gets `Settings()`: today's four languages, English as the default and the
placeholder address. Every problem in the file is a located Diagnostic (file:line:col), TOML syntax
errors included, never a traceback. This module reads and judges the file; it knows nothing of the
site or the rules, which are handed the resulting `Settings`.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from dsl.language.diagnostics import Diagnostic, did_you_mean, error, one_of, warning, without_byte_order_mark
from dsl.language.model import Pos
from dsl.language.vocabulary import LANGUAGES, SITE_MODES

SETTINGS_FILE = "tierwise.toml"
"""The settings file's name, in the project root beside `plans/`."""

DEFAULT_TITLE = "Tierwise"
"""The site's title when the settings name none."""

DEFAULT_LANGUAGE = "en"
"""The default language when the settings name none (and it is published)."""

LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
"""A well-formed language tag as plan files and the settings write it: sv, en, nb, pt-BR, sr-Latn."""

COLOUR = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
"""A brand colour: #rgb or #rrggbb (nothing else reaches the style sheet)."""

FONT_STACK = re.compile(r"^[A-Za-z0-9 ,'\"._-]+$")
"""A CSS font stack: names, quotes and commas only (no ';', '{' or '<' can reach the style sheet)."""

LOGO_TYPES: tuple[str, ...] = (".svg", ".png", ".jpg", ".jpeg", ".webp")
"""The image files a brand logo may be."""

_KEYS: dict[str, tuple[str, ...]] = {
    "site": ("title", "base_url", "languages", "default_language", "mode", "vendor", "templates"),
    "brand": ("name", "logo", "accent", "accent_text", "font"),
}
"""The tables of the settings file and the keys each may hold."""


@dataclass(frozen=True)
class Brand:
    """How the site looks: its name in the header, a logo, accent colours and a font stack (None: the default)."""

    name: str | None = None
    logo: Path | None = None
    accent: str | None = None
    accent_text: str | None = None
    font: str | None = None

    @property
    def styled(self) -> bool:
        """Whether the brand changes the style sheet (colours or fonts)."""
        return any(v is not None for v in (self.accent, self.accent_text, self.font))


@dataclass(frozen=True)
class Settings:
    """The project settings every output is handed: languages in order, default language, title, address, mode, brand."""

    languages: tuple[str, ...] = LANGUAGES
    default_language: str = DEFAULT_LANGUAGE
    title: str = DEFAULT_TITLE
    base_url: str | None = None
    mode: str = "directory"
    vendor: str | None = None
    brand: Brand = field(default_factory=Brand)
    templates: Path | None = None
    root: Path | None = None
    file: str | None = None  # the settings file read, None when the project has none
    places: tuple[tuple[str, Pos], ...] = field(default=(), compare=False)  # "site.vendor" -> where it was written

    def pos(self, key: str) -> Pos:
        """Where `key` ("site.languages", "site.languages.de") was written; the file's start when unknown."""
        for name, pos in self.places:
            if name == key:
                return pos
        for name, pos in self.places:
            if key.startswith(name + "."):
                return pos
        return Pos(self.file or SETTINGS_FILE, 1, 1)

    @property
    def where(self) -> str:
        """How a hint names the place the languages are set."""
        return f"[site] languages in {self.file or SETTINGS_FILE + ', beside plans/'}"

    @property
    def locales(self) -> Path | None:
        """The project's own catalogs folder (locales/ beside plans/), searched before the packaged one."""
        return self.root / "locales" if self.root is not None else None


DEFAULT_SETTINGS = Settings()
"""The settings of a project without a settings file: today's site."""


# --- locating values in the text -----------------------------------------------------------------

_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=\s*")


def _places(text: str, path: str) -> tuple[tuple[str, Pos], ...]:
    """Where each `table.key` (and each string of an array, `table.key.value`) is written: the value's position."""
    found: list[tuple[str, Pos]] = []
    table = ""
    array: str | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        head = _TABLE.match(line)
        if head:
            table, array = head.group(1), None
            col = line.index(table) + 1
            found.append((table, Pos(path, number, col, number, col + len(table))))
            continue
        key = _KEY.match(line)
        start = 0
        if key:
            name = f"{table}.{key.group(1)}"
            found.append((name, Pos(path, number, key.end() + 1, number, len(line.rstrip()) + 1)))
            col = key.start(1) + 1
            found.append((name + ":key", Pos(path, number, col, number, col + len(key.group(1)))))
            array = name if line[key.end() :].lstrip().startswith("[") else None
            start = key.end()
        if array is not None:
            for item in re.finditer(r'"([^"\\]*)"', line[start:]):
                col = start + item.start() + 1
                name = f"{array}.{item.group(1)}"
                # The second "sv" of a list is "site.languages.sv#2", so a repetition is shown where it is.
                seen = sum(1 for n, _ in found if n == name or n.startswith(name + "#"))
                found.append((name if not seen else f"{name}#{seen + 1}", Pos(path, number, col, number, col + len(item.group(0)))))
            if "]" in line[start:]:
                array = None
    return tuple(found)


def _toml_error(exc: tomllib.TOMLDecodeError, text: str, path: str) -> Diagnostic:
    """tomllib's message as a located diagnostic: its "(at line L, column C)" becomes the position."""
    message = str(exc)
    at = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if at:
        pos = Pos(path, int(at.group(1)), int(at.group(2)))
        message = message[: at.start()]
    else:
        lines = text.split("\n")
        pos = Pos(path, len(lines), len(lines[-1]) + 1)
        message = re.sub(r"\s*\(at end of document\)$", "", message)
    return error(
        f"the settings file is not valid TOML: {message[:1].lower()}{message[1:]}", pos,
        'write key = value lines under [site] and [brand], strings in double quotes: title = "Support tiers"',
        code="T1001",
    )


# --- reading and judging -------------------------------------------------------------------------


def load_settings(root: Path | None) -> tuple[Settings, list[Diagnostic], dict[str, str]]:
    """The settings of the project at `root`, the problems found in its settings file, and the file's text by path."""
    if root is None:
        return DEFAULT_SETTINGS, [], {}
    file = root / SETTINGS_FILE
    path = str(file)
    if not file.is_file():
        # A folder, a pipe or a link to nothing under that name was taken for no settings file: the build went on
        # with the defaults, silently, while the author believed their settings applied.
        kind = _not_a_file(file)
        if kind is None:
            return Settings(root=root), [], {}
        return Settings(root=root, file=path), [
            error(f"{SETTINGS_FILE} is {kind}, not a settings file", Pos(path, 0, 0), "make it a TOML file, or remove it", code="T1001")
        ], {}
    try:
        with file.open("rb") as fh:
            # Read one byte past the limit, not the whole of a file of gigabytes: `_too_deep` then says it is too big.
            raw = fh.read(MAX_SETTINGS_BYTES + 1)
            if len(raw) > MAX_SETTINGS_BYTES:
                return Settings(root=root, file=path), [_too_big(max(os.fstat(fh.fileno()).st_size, len(raw)), path)], {}
        text = without_byte_order_mark(raw.decode("utf-8"))  # as a plan file's (Notepad writes one)
    except UnicodeDecodeError as exc:
        return Settings(root=root, file=path), [
            error("the settings file is not UTF-8", _byte_pos(exc.object, exc.start, path), "save it as UTF-8", code="T1001")
        ], {}
    except OSError as exc:
        return Settings(root=root, file=path), [error(f"cannot read the settings file: {exc.strerror or exc}", Pos(path, 0, 0), code="T1001")], {}
    sources = {path: text}
    too_deep = _too_deep(text, path)
    if too_deep is not None:
        return Settings(root=root, file=path), [too_deep], sources
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Settings(root=root, file=path), [_toml_error(exc, text, path)], sources
    places = _places(text, path)
    settings, problems = settings_from(data, root, path, places)
    return settings, problems, sources


def _not_a_file(file: Path) -> str | None:
    """What stands at `file` when it is no regular file (a folder, a pipe, a device, a link to nothing); None when nothing does."""
    try:
        mode = file.lstat().st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        try:
            mode = file.stat().st_mode
        except OSError:
            return "a link to nothing"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"


def settings_from(data: dict[str, Any], root: Path, path: str, places: tuple[tuple[str, Pos], ...] = ()) -> tuple[Settings, list[Diagnostic]]:
    """Settings from the parsed TOML `data`; each value that is wrong is reported and left at its default."""
    where = Settings(root=root, file=path, places=places)
    problems: list[Diagnostic] = []
    problems += _unknown_keys(data, where)
    site: dict[str, Any] = data["site"] if isinstance(data.get("site"), dict) else {}
    brand: dict[str, Any] = data["brand"] if isinstance(data.get("brand"), dict) else {}

    def text(table: dict[str, Any], key: str, name: str) -> str | None:
        value = table.get(key.split(".")[-1])
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            problems.append(error(f"{name} must be a text", where.pos(key), f'write it in double quotes: {key.split(".")[-1]} = "…"', code="T1002"))
            return None
        return value.strip()

    title = text(site, "site.title", "[site] title") if "title" in site else None
    base_url = text(site, "site.base_url", "[site] base_url") if "base_url" in site else None
    if base_url is not None and (not re.match(r"^https?://[^/\s]+", base_url) or not address_splits(base_url)):
        problems.append(
            error(f"[site] base_url is not an http(s) address: '{base_url}'", where.pos("site.base_url"),
                  'write the full address the site is served from: base_url = "https://support.example.com/tiers/"', code="T1002")
        )
        base_url = None
    languages, lang_problems = _languages(site.get("languages"), where)
    problems += lang_problems
    default = _default_language(site.get("default_language"), languages, where, problems)
    mode = site.get("mode", "directory")
    vendor = site.get("vendor")
    if mode not in SITE_MODES:
        problems.append(
            error(f"unknown site mode '{mode}'", where.pos("site.mode"), one_of(str(mode), SITE_MODES), code="T1004")
        )
        mode = "directory"
    if vendor is not None and not (isinstance(vendor, str) and vendor):
        problems.append(
            error("[site] vendor must be a vendor id", where.pos("site.vendor"), 'write the id in double quotes: vendor = "acme"', code="T1004")
        )
        vendor = None
    if mode == "vendor" and vendor is None:
        problems.append(
            error("a single-vendor site does not say which vendor", where.pos("site.mode"),
                  'add vendor = "ID" under [site] (the id after `vendor` in its plan file)', code="T1004")
        )
        mode = "directory"
    templates = _folder(site, "templates", root, where, problems)
    logo = _logo(brand, root, where, problems)
    colours: dict[str, str | None] = {}
    for key in ("accent", "accent_text"):
        value = brand.get(key)
        if value is not None and not (isinstance(value, str) and COLOUR.match(value)):
            problems.append(
                error(f"[brand] {key} is not a colour: {value!r}", where.pos(f"brand.{key}"), 'write a hex colour: accent = "#0b4f9c"', code="T1006")
            )
            value = None
        colours[key] = value
    problems += _contrast(colours, where)
    font = brand.get("font")
    if font is not None and not (isinstance(font, str) and FONT_STACK.match(font)):
        problems.append(
            error(f"[brand] font is not a font stack: {font!r}", where.pos("brand.font"),
                  "font names separated by commas, such as: font = \"Inter, system-ui, sans-serif\"", code="T1006")
        )
        font = None
    settings = Settings(
        languages=languages,
        default_language=default,
        title=title or DEFAULT_TITLE,
        base_url=base_url,
        mode=mode,
        vendor=vendor if mode == "vendor" else None,
        brand=Brand(text(brand, "brand.name", "[brand] name") if "name" in brand else None, logo, colours["accent"], colours["accent_text"], font),
        templates=templates,
        root=root,
        file=path,
        places=places,
    )
    return settings, problems


def _luminance(colour: str) -> float:
    """The relative luminance of a hex colour (WCAG 2.1)."""
    digits = colour[1:] if len(colour) == 7 else "".join(c * 2 for c in colour[1:])
    channels = [int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first: str, second: str) -> float:
    """The WCAG 2.1 contrast ratio of two hex colours, from 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


MIN_CONTRAST = 4.5
"""WCAG 2.1 AA's contrast for text: links in the accent colour on the white page, the accent text on the accent."""


def _contrast(colours: dict[str, str | None], where: Settings) -> list[Diagnostic]:
    """A warning when the brand's accent would make links (or text on the accent) hard to read."""
    accent, text = colours.get("accent"), colours.get("accent_text")
    found = []
    if accent is not None and contrast(accent, "#ffffff") < MIN_CONTRAST:
        found.append(
            warning(f"links in the accent {accent} on the white page have a contrast of {contrast(accent, '#ffffff'):.1f}:1",
                    where.pos("brand.accent"), f"choose a darker accent: text needs {MIN_CONTRAST}:1 (WCAG 2.1 AA)", code="T1008")
        )
    if accent is not None and text is not None and contrast(accent, text) < MIN_CONTRAST:
        found.append(
            warning(f"text in {text} on the accent {accent} has a contrast of {contrast(accent, text):.1f}:1",
                    where.pos("brand.accent_text"), f"choose colours {MIN_CONTRAST}:1 apart (WCAG 2.1 AA)", code="T1008")
        )
    return found


def _unknown_keys(data: dict[str, Any], where: Settings) -> list[Diagnostic]:
    problems = []
    for table, value in data.items():
        if table not in _KEYS:
            hint = did_you_mean(table, _KEYS) or "the tables are [site] and [brand]"
            problems.append(error(f"unknown settings table '{table}'", where.pos(table), hint, code="T1003"))
            continue
        if not isinstance(value, dict):
            hint = f"write [{table}] on a line of its own, the keys below it"
            problems.append(error(f"'{table}' must be a table", where.pos(table), hint, code="T1003"))
            continue
        for key in value:
            if key not in _KEYS[table]:
                hint = did_you_mean(key, _KEYS[table]) or "known here: " + ", ".join(_KEYS[table])
                problems.append(error(f"unknown setting '{key}' in [{table}]", where.pos(f"{table}.{key}:key"), hint, code="T1003"))
    return problems


def _languages(value: Any, where: Settings) -> tuple[tuple[str, ...], list[Diagnostic]]:
    """The published languages in order; today's four when none are given."""
    if value is None:
        return LANGUAGES, []
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        return LANGUAGES, [
            error("[site] languages must be a list of language codes", where.pos("site.languages"), 'such as: languages = ["sv", "en"]', code="T1005")
        ]
    problems = []
    seen: list[str] = []
    for i, code in enumerate(value):
        nth = value[:i].count(code) + 1  # which "sv" of the list this is, to point at the right one
        pos = where.pos(f"site.languages.{code}" + (f"#{nth}" if nth > 1 else ""))
        if not LANGUAGE_TAG.match(code):
            problems.append(
                error(f"'{code}' is not a language code", pos,
                      "a language code is lower-case, two or three letters, optionally with a region or script: sv, nb, pt-BR", code="T1005")
            )
        elif code in seen:
            problems.append(error(f"'{code}' is listed twice", pos, "name each language once", code="T1005"))
        else:
            seen.append(code)
    return (tuple(seen) if seen else LANGUAGES), problems


def _default_language(value: Any, languages: tuple[str, ...], where: Settings, problems: list[Diagnostic]) -> str:
    """The default language: the one given when it is published, else English when published, else the first."""
    fallback = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in languages else languages[0]
    if value is None:
        return fallback
    if not isinstance(value, str) or value not in languages:
        problems.append(
            error(f"the default language '{value}' is not one of the site's languages", where.pos("site.default_language"),
                  one_of(str(value), languages) + f" (the languages are listed in {where.where})", code="T1005")
        )
        return fallback
    return value


def _folder(site: dict[str, Any], key: str, root: Path, where: Settings, problems: list[Diagnostic]) -> Path | None:
    value = site.get(key)
    if value is None:
        return None
    folder = root / value if isinstance(value, str) else None
    if folder is None or not path_is(folder, "dir"):
        problems.append(
            error(f"the template folder '{value}' does not exist", where.pos(f"site.{key}"),
                  "name a folder relative to the folder of tierwise.toml, holding templates named as in site_templates/ (vendor.html …)",
                  code="T1007")
        )
        return None
    return folder


def _logo(brand: dict[str, Any], root: Path, where: Settings, problems: list[Diagnostic]) -> Path | None:
    value = brand.get("logo")
    if value is None:
        return None
    logo = root / value if isinstance(value, str) else None
    if logo is None or not path_is(logo, "file") or logo.suffix.lower() not in LOGO_TYPES:
        problems.append(
            error(f"the logo '{value}' is not an image file in the project", where.pos("brand.logo"),
                  f"name an {', '.join(t[1:] for t in LOGO_TYPES)} file, relative to the folder of tierwise.toml", code="T1007")
        )
        return None
    return logo


def check_settings_vendor(settings: Settings, vendor_ids: set[str]) -> list[Diagnostic]:
    """A single-vendor site names a vendor the plan files define."""
    if settings.mode != "vendor" or settings.vendor is None or settings.vendor in vendor_ids:
        return []
    return [
        error(f"the site's vendor '{settings.vendor}' is not defined in the plan files", settings.pos("site.vendor"),
              did_you_mean(settings.vendor, vendor_ids) or "name the id written after `vendor` in a plan file", code="T1004")
    ]


# --- inputs no reader can take: positions of bad bytes, deep nesting, long keys, impossible paths --

MAX_NESTING = 50
"""Arrays and inline tables may nest this deep in tierwise.toml (Python's TOML reader recurses per level)."""

MAX_KEY_PARTS = 10
"""A dotted key or table name may have this many parts (the reader's time grows with the square of them)."""

MAX_SETTINGS_BYTES = 1_000_000
"""A settings file may hold at most this many bytes; a real one holds a few hundred."""

_PART = r'(?:[A-Za-z0-9_-]+|"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\n]*\')'
# Multi-line strings and comments are skipped first, so brackets and dots inside them are not counted.
_TOML_SCAN = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|#[^\n]*|(?P<chain>' + _PART + r'(?:[ \t]*\.[ \t]*' + _PART + r'){'
    + str(MAX_KEY_PARTS) + r',})|' + _PART + r'|[\[\]{}]'
)


def _byte_pos(data: bytes, start: int, path: str) -> Pos:
    """The line and column (in characters) of byte `start` of `data`, for a file that is not UTF-8."""
    line_start = data.rfind(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8", "replace")) + 1
    line = data.count(b"\n", 0, start) + 1
    return Pos(path, line, column, line, column + 1)


def _too_big(size: int, path: str) -> Diagnostic:
    """T1009 for a settings file of `size` bytes, over MAX_SETTINGS_BYTES."""
    return error(f"the settings file is {size:,} bytes; it may hold at most {MAX_SETTINGS_BYTES:,}", Pos(path, 1, 1, 1, 2),
                 "a settings file holds a few lines under [site] and [brand] (docs/site.md)", code="T1009")


def _too_deep(text: str, path: str) -> Diagnostic | None:
    """An error for what the TOML reader cannot take in time and stack: too deep, too long a key (a file too big is
    refused as it is read, `_too_big`)."""

    def at(start: int, end: int) -> Pos:
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        return Pos(path, line, column, line, column + min(end - start, 80))

    depth = 0
    for match in _TOML_SCAN.finditer(text):
        found = match.group(0)
        if match.group("chain"):
            return error(f"a key or table name of more than {MAX_KEY_PARTS} parts", at(match.start(), match.end()),
                         "the settings are one level deep: [site] then title = \"…\" (or site.title = \"…\")", code="T1009")
        if found in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                return error(f"the settings nest more than {MAX_NESTING} lists or tables inside each other", at(match.start(), match.end()),
                             'a setting is a text, a list of texts or a table: languages = ["sv", "en"]', code="T1009")
        elif found in ("]", "}"):
            depth = max(depth - 1, 0)
    return None


def path_is(path: Path, kind: str) -> bool:
    """Whether `path` is a folder ("dir") or a file ("file"); False for a name the system cannot take (too long, NUL)."""
    try:
        return path.is_dir() if kind == "dir" else path.is_file()
    except (OSError, ValueError):
        return False


def address_splits(address: str) -> bool:
    """Whether urllib can take `address` apart (a bracketed host closed, a port 0-65535) and it holds no space, control
    character or character a URL must percent-encode (" < > \\ ^ ` { | }): robots.txt and the sitemap write it as it is."""
    # "http://[::1" and "http://x:99999/" raised ValueError in urlsplit (or .port) deep in the build.
    if any(c.isspace() or not c.isprintable() or c in '"<>\\^`{|}' for c in address):
        return False
    try:
        urlsplit(address).port  # noqa: B018 - read for the ValueError it raises on a bad port
    except ValueError:
        return False
    return True
