"""The project's own look and templates: brand style sheet, logo, template overrides, site facts for templates.

A project's settings (dsl/language/settings.py) may name a brand (name, logo, accent colours, font
stack) and a folder of templates. The brand becomes `assets/brand.css`, a style sheet of CSS custom
properties loaded after site.css, so the packaged templates and site.css stay untouched; the
template folder is searched before the packaged templates (like MkDocs' custom_dir): a file there
named as one in site_templates/ replaces it. The embeddable tier table (embed.html) carries its own
style sheet, EMBED_CSS, so it depends on nothing of the site's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader

from dsl.language.settings import Settings

BRAND_CSS = "brand.css"
"""The brand style sheet's name in assets/."""

BRAND_FOLDER = "brand"
"""The folder in assets/ the brand's logo is copied to."""


@dataclass(frozen=True)
class SiteInfo:
    """What every template knows of the site: its title, the name and logo in its header, its mode."""

    title: str
    brand: str
    logo: str | None  # the logo's path below the site root, such as assets/brand/logo.svg
    styled: bool  # whether assets/brand.css exists and is linked
    directory: bool  # a directory of vendors (else one vendor's own site)
    default_language: str


def site_info(settings: Settings) -> SiteInfo:
    """The site facts the templates show, from the project settings."""
    logo = f"assets/{BRAND_FOLDER}/{settings.brand.logo.name}" if settings.brand.logo is not None else None
    return SiteInfo(
        settings.title,
        settings.brand.name or settings.title,
        logo,
        settings.brand.styled,
        settings.mode != "vendor",
        settings.default_language,
    )


def template_loader(templates: Path, settings: Settings) -> BaseLoader:
    """The packaged templates, with the project's override folder searched first when it names one."""
    packaged = FileSystemLoader(str(templates))
    if settings.templates is None:
        return packaged
    return ChoiceLoader([FileSystemLoader(str(settings.templates)), packaged])


def brand_css(settings: Settings) -> str | None:
    """The brand style sheet: site.css's custom properties set to the brand's colours and font; None without a brand."""
    brand = settings.brand
    if not brand.styled:
        return None
    # Only values the settings module has validated (hex colours, a font stack of names) reach this text.
    props = []
    if brand.accent:
        props += [f"--link:{brand.accent}", f"--accent:{brand.accent}"]
    if brand.accent_text:
        props.append(f"--accent-text:{brand.accent_text}")
    # The colours apply to the light scheme only: in the dark one the site keeps its own tokens, whose
    # contrast on a dark background is checked (a brand colour is chosen for a white page).
    rules = ["@media not all and (prefers-color-scheme:dark){:root{" + ";".join(props) + "}"] if props else []
    if brand.accent:
        rules[0] += ".top{border-bottom:3px solid var(--accent)}.brand{color:var(--accent)}"
    if props:
        rules[0] += "}"
    if brand.font:
        rules.append(f"body{{font-family:{brand.font}}}")
    return "/* The project's brand (tierwise.toml [brand]), loaded after site.css. */\n" + "\n".join(rules) + "\n"


def copy_brand_assets(settings: Settings, out: Path, write: Callable[[Path, str, bytes], None] | None = None) -> None:
    """Write assets/brand.css and copy the logo into assets/brand/, when the settings have them (through `write`, the build's writer)."""
    write = write or _write_bytes
    css = brand_css(settings)
    if css is not None:
        write(out, f"assets/{BRAND_CSS}", css.encode("utf-8"))
    if settings.brand.logo is not None:
        write(out, f"assets/{BRAND_FOLDER}/{settings.brand.logo.name}", settings.brand.logo.read_bytes())


def _write_bytes(root: Path, relative: str, data: bytes) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def embed_css(settings: Settings) -> str:
    """The embeddable tier table's own style sheet: every rule under .tw-tiers, the host page's styles reset inside it."""
    accent = settings.brand.accent or "#0b4f9c"
    font = settings.brand.font or 'system-ui,-apple-system,"Segoe UI",Roboto,sans-serif'
    # `all:revert` undoes whatever the host page's style sheet says of tables, links and lists inside
    # the fragment (its selectors are at most as specific as ".tw-tiers *" for common CMS themes);
    # the rules after it, more specific, give the fragment its own look. position:relative keeps the
    # visually hidden words (.tw-vh, absolute) inside the fragment's own scroll box on a phone.
    return (
        ".tw-tiers,.tw-tiers *{all:revert;box-sizing:border-box}"
        f".tw-tiers{{display:block;position:relative;font:1rem/1.45 {font};color:#1b1b1b;background:#fff;max-width:100%;overflow-x:auto}}"
        ".tw-tiers .tw-h{font-size:1.25rem;font-weight:700;margin:0 0 .5rem}"
        ".tw-tiers table.tw-t{border-collapse:collapse;width:100%;min-width:32rem}"
        ".tw-tiers .tw-t caption{text-align:left;font-weight:600;padding:.4rem 0}"
        ".tw-tiers .tw-t th,.tw-tiers .tw-t td{padding:.4rem .55rem;border-bottom:1px solid #c9c9c9;text-align:left;vertical-align:top}"
        ".tw-tiers .tw-t thead th{background:#f3f5f8}"
        f".tw-tiers .tw-t thead th.tw-rec{{border-top:3px solid {accent}}}"
        f".tw-tiers .tw-badge{{display:block;font-size:.75em;font-weight:700;text-transform:uppercase;color:{accent}}}"
        ".tw-tiers .tw-t th[scope=rowgroup]{background:#e4e9f0}"
        ".tw-tiers .tw-t td.tw-y{color:#1d6b2f;font-weight:700}"
        ".tw-tiers .tw-t td.tw-n,.tw-tiers .tw-t td.tw-u{color:#4a4a4a}"
        ".tw-tiers .tw-vh{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;"
        "clip:rect(0 0 0 0);white-space:nowrap;border:0}"
        ".tw-tiers .tw-t td p{margin:0 0 .25rem}"
        f".tw-tiers a{{color:{accent}}}"
        ".tw-tiers .tw-more{margin:.5rem 0 0;font-size:.9rem}"
        ".tw-tiers .tw-notes{list-style:none;padding:0;margin:.5rem 0 0;font-size:.85rem}"
    )
