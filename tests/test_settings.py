"""Project settings (tierwise.toml): the site's languages, title, address, mode, brand and templates.

Issue 8 item 8 and issue 9 ("Marketing's own site"). Each test builds a real project in a temporary
folder through the command line, as an author would, and reads the files it publishes.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from dsl.language.diagnostics import render
from dsl.language.loader import load_project
from dsl.language.settings import DEFAULT_SETTINGS, Settings, load_settings
from dsl.language.vocabulary import LANGUAGES
from dsl.rules.export import conformance_files, export_project
from dsl.site.render import LOCALES
from support.paths import BUILD_PY, ROOT


def plan(texts: dict[str, str], vendor: str = "acme", name: str = "Acme") -> str:
    """A small vendor with two plans, a price, features and a footnote, its texts in the given languages."""

    def words(key: str) -> str:
        return "{ " + " ".join(f'{code} "{value} {key}"' for code, value in texts.items()) + " }"

    language = next(iter(texts))
    return f"""vendor {vendor} {{
  name "{name}"
  language {language}
  intro {words("intro")}
  footnote * {words("note")}
  feature backup {{ label {words("backup")} }}
  feature phone {{ label {words("phone")} }}
  plan basic {{
    name {words("basic")}
    price 2500 EUR per year
    features {{ backup: yes  phone: no }}
  }}
  plan gold extends basic {{
    name {words("gold")}
    recommended
    price 12500 EUR per year *
    features {{ phone: yes }}
  }}
}}
"""


def project(tmp_path: Path, settings: str | None, plans: dict[str, str]) -> Path:
    """A project folder: plans/, and tierwise.toml when `settings` is given."""
    root = tmp_path / "project"
    (root / "plans").mkdir(parents=True)
    for name, text in plans.items():
        (root / "plans" / f"{name}.plan").write_text(text, encoding="utf-8")
    if settings is not None:
        (root / "tierwise.toml").write_text(settings, encoding="utf-8")
    return root


def tierwise(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command line in the project (no TIERWISE_BASE_URL unless given)."""
    import os

    environ = {k: v for k, v in os.environ.items() if k != "TIERWISE_BASE_URL"} | (env or {})
    return subprocess.run(
        [sys.executable, str(BUILD_PY), "--project", str(root), *args], capture_output=True, text=True, timeout=300, env=environ
    )


def german_catalog(root: Path) -> None:
    """A German catalog for the project: the English one copied (a real project would translate each msgstr)."""
    target = root / "locales" / "de" / "LC_MESSAGES" / "messages.po"
    target.parent.mkdir(parents=True)
    text = (LOCALES / "en" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    # One word translated, so the test can see the German catalog in use.
    text = re.sub(r'(msgid "Recommended"\nmsgstr )"[^"]*"', r'\1"Empfohlen"', text)
    target.write_text(text.replace('"Language: en', '"Language: de'), encoding="utf-8")


def diagnostics(tmp_path: Path, toml: str) -> list[tuple[str, int, int, str, str | None]]:
    """(code, line, column, message, hint) of every problem in a settings file."""
    (tmp_path / "tierwise.toml").write_text(toml, encoding="utf-8")
    _, problems, _ = load_settings(tmp_path)
    return [(d.code, d.pos.line, d.pos.column, d.message, d.hint) for d in problems]


# --- the settings file -------------------------------------------------------------------------


def test_without_a_settings_file_a_project_gets_todays_site(tmp_path) -> None:
    settings, problems, _ = load_settings(tmp_path)
    assert problems == []
    assert settings.languages == LANGUAGES == ("sv", "it", "pl", "en")
    assert (settings.default_language, settings.title, settings.base_url, settings.mode) == ("en", "Tierwise", None, "directory")
    assert settings.file is None and settings.root == tmp_path


def test_the_shipped_settings_file_states_the_defaults() -> None:
    settings, problems, _ = load_settings(ROOT)
    assert problems == []
    assert (settings.languages, settings.default_language, settings.title, settings.mode) == (
        DEFAULT_SETTINGS.languages, DEFAULT_SETTINGS.default_language, DEFAULT_SETTINGS.title, DEFAULT_SETTINGS.mode,
    )
    assert settings.base_url == "https://tierwise.example/"


def test_a_settings_file_is_read_in_order(tmp_path) -> None:
    (tmp_path / "tpl").mkdir()
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    toml = (
        '[site]\ntitle = "Acme support"\nbase_url = "https://support.acme.example/tiers"\nlanguages = ["en", "sv", "nb"]\n'
        'default_language = "sv"\nmode = "vendor"\nvendor = "acme"\ntemplates = "tpl"\n'
        '[brand]\nname = "Acme"\nlogo = "logo.svg"\naccent = "#9a3412"\naccent_text = "#fff"\nfont = "Inter, system-ui, sans-serif"\n'
    )
    assert diagnostics(tmp_path, toml) == []
    settings, _, _ = load_settings(tmp_path)
    assert settings.languages == ("en", "sv", "nb")
    assert (settings.default_language, settings.title, settings.mode, settings.vendor) == ("sv", "Acme support", "vendor", "acme")
    assert settings.base_url == "https://support.acme.example/tiers"
    assert settings.templates == tmp_path / "tpl" and settings.brand.logo == tmp_path / "logo.svg"
    assert (settings.brand.name, settings.brand.accent, settings.brand.font) == ("Acme", "#9a3412", "Inter, system-ui, sans-serif")


def test_toml_syntax_is_a_located_error(tmp_path) -> None:
    [(code, line, col, message, hint)] = diagnostics(tmp_path, '[site]\ntitle = "Support\n')
    assert (code, line, col) == ("T1001", 2, 17)  # where the line ends inside the text
    assert message.startswith("the settings file is not valid TOML: ")
    assert hint is not None and "[site]" in hint


def test_a_settings_file_that_is_not_utf8_is_located(tmp_path) -> None:
    (tmp_path / "tierwise.toml").write_bytes(b'[site]\ntitle = "Caf\xe9"\n')
    _, [problem], _ = load_settings(tmp_path)
    # At the bad byte: line 2, after `title = "Caf` (it was line 1 with the byte's offset in the file as its column).
    assert (problem.code, problem.pos.line, problem.pos.column, problem.message) == ("T1001", 2, 13, "the settings file is not UTF-8")


def test_a_settings_file_saved_with_a_byte_order_mark_is_read(tmp_path) -> None:
    """Notepad saves UTF-8 with a BOM, which TOML's parser takes for a character of the first line; and a mistake on
    that line is still placed where the editor shows it."""
    (tmp_path / "tierwise.toml").write_bytes(b'\xef\xbb\xbf[site]\ntitle = "Acme support"\n')
    settings, problems, _ = load_settings(tmp_path)
    assert (problems, settings.title) == ([], "Acme support")
    placed = []
    for start in (b"", b"\xef\xbb\xbf"):
        (tmp_path / "tierwise.toml").write_bytes(start + b'[sitte]\n')
        _, [problem], _ = load_settings(tmp_path)
        placed.append((problem.pos.line, problem.pos.column, problem.message))
    assert placed[0] == placed[1] and placed[0][:2] == (1, 2)  # at the section's name, after '['


def test_a_settings_file_that_is_a_folder_a_pipe_or_a_link_to_nothing_is_an_error_not_ignored(tmp_path) -> None:
    """Each was taken for no settings file: the defaults were built, silently (fuzz run of 29 November 2026)."""
    import os

    settings = tmp_path / "tierwise.toml"
    for kind, make in (
        ("a folder", settings.mkdir),
        ("a pipe", lambda: os.mkfifo(settings)),  # never opened: reading it would wait for a writer
        ("a device", lambda: settings.symlink_to("/dev/zero")),
        ("a link to nothing", lambda: settings.symlink_to("nowhere")),
    ):
        make()
        _, [problem], _ = load_settings(tmp_path)
        assert (problem.code, problem.message) == ("T1001", f"tierwise.toml is {kind}, not a settings file"), kind
        assert problem.pos.file == str(settings)
        settings.rmdir() if kind == "a folder" else settings.unlink()
    assert load_settings(tmp_path)[1] == []  # no file at all: the defaults, as ever


def test_wrong_values_are_located_at_the_value(tmp_path) -> None:
    found = diagnostics(tmp_path, '[site]\ntitle = 5\nbase_url = "support.acme.example"\n')
    assert found == [
        ("T1002", 2, 9, "[site] title must be a text", 'write it in double quotes: title = "…"'),
        ("T1002", 3, 12, "[site] base_url is not an http(s) address: 'support.acme.example'",
         'write the full address the site is served from: base_url = "https://support.example.com/tiers/"'),
    ]


def test_unknown_settings_get_did_you_mean(tmp_path) -> None:
    found = diagnostics(tmp_path, '[site]\n  titel = "x"\n[brnad]\nname = "x"\n')
    assert found == [
        ("T1003", 2, 3, "unknown setting 'titel' in [site]", "did you mean 'title'?"),
        ("T1003", 3, 2, "unknown settings table 'brnad'", "did you mean 'brand'?"),
    ]


def test_languages_are_well_formed_once_each_and_hold_the_default(tmp_path) -> None:
    found = diagnostics(tmp_path, '[site]\nlanguages = ["sv", "EN", "sv", "de"]\ndefault_language = "svv"\n')
    assert [f[:4] for f in found] == [
        ("T1005", 2, 20, "'EN' is not a language code"),
        ("T1005", 2, 26, "'sv' is listed twice"),
        ("T1005", 3, 20, "the default language 'svv' is not one of the site's languages"),
    ]
    assert found[2][4] == "did you mean 'sv'? (the languages are listed in [site] languages in " + str(tmp_path / "tierwise.toml") + ")"


def test_a_single_vendor_site_names_its_vendor(tmp_path) -> None:
    assert diagnostics(tmp_path, '[site]\nmode = "vendor"\n') == [
        ("T1004", 2, 8, "a single-vendor site does not say which vendor", 'add vendor = "ID" under [site] (the id after `vendor` in its plan file)'),
    ]
    assert diagnostics(tmp_path, '[site]\nmode = "vendors"\n') == [("T1004", 2, 8, "unknown site mode 'vendors'", "did you mean 'vendor'?")]


def test_a_site_vendor_the_plans_do_not_define_is_an_error(tmp_path) -> None:
    root = project(tmp_path, '[site]\nmode = "vendor"\nvendor = "acne"\n', {"acme": plan({"en": "A"})})
    done = tierwise(root, "check")
    assert done.returncode == 1
    assert f"{root / 'tierwise.toml'}:3:10: error[T1004]: the site's vendor 'acne' is not defined in the plan files" in done.stderr
    assert "did you mean 'acme'?" in done.stderr


def test_brand_values_that_could_reach_the_style_sheet_are_refused(tmp_path) -> None:
    found = diagnostics(tmp_path, '[brand]\naccent = "red;}body{display:none"\nfont = "x</style>"\nlogo = "missing.svg"\n')
    assert [f[:3] for f in found] == [("T1007", 4, 8), ("T1006", 2, 10), ("T1006", 3, 8)]
    assert found[1][3] == "[brand] accent is not a colour: 'red;}body{display:none'"


def test_a_missing_template_folder_is_located(tmp_path) -> None:
    [(code, line, col, message, _)] = diagnostics(tmp_path, '[site]\ntemplates = "theme"\n')
    assert (code, line, col, message) == ("T1007", 2, 13, "the template folder 'theme' does not exist")


def test_a_bad_settings_file_stops_every_command_with_its_diagnostic_not_a_traceback(tmp_path) -> None:
    root = project(tmp_path, "[site\n", {"acme": plan({"en": "A"})})
    for command in (["check"], ["build", "--out", str(tmp_path / "out")], ["rules"]):
        done = tierwise(root, *command)
        assert done.returncode == 1, command
        assert "Traceback" not in done.stderr
        assert f"{root / 'tierwise.toml'}:1:6: error[T1001]" in done.stderr, done.stderr
    assert not (tmp_path / "out").exists()


# --- the languages a site publishes ------------------------------------------------------------


def test_a_text_in_a_language_the_site_does_not_publish_is_an_error_naming_the_settings(tmp_path) -> None:
    root = project(tmp_path, '[site]\nlanguages = ["sv", "en"]\n', {"acme": plan({"en": "A", "sv": "S", "pl": "P"})})
    settings, _, _ = load_settings(root)
    result = load_project([root / "plans"], settings=settings)
    errors = [d for d in result.diagnostics if d.is_error]
    assert {d.code for d in errors} == {"T0402"}
    first = min(errors, key=lambda d: (d.pos.line, d.pos.column))
    assert first.message == "'pl' is not one of the site's languages"
    assert (first.pos.line, first.pos.column) == (4, 37)
    assert first.hint == f"use one of: sv, en (the site's languages are set by [site] languages in {root / 'tierwise.toml'})"
    shown = render(first, result.sources[first.pos.file])
    assert 'intro { en "A intro" sv "S intro" pl "P intro" }' in shown


def test_a_two_language_site_builds_only_those_and_wants_texts_only_in_those(tmp_path) -> None:
    plans = {"acme": plan({"sv": "S", "en": "E"}), "beta": plan({"en": "B"}, vendor="beta", name="Beta")}
    root = project(tmp_path, '[site]\nlanguages = ["sv", "en"]\ndefault_language = "sv"\n', plans)
    done = tierwise(root, "check")
    assert done.returncode == 0, done.stderr
    missing = re.findall(r"warning\[T0404\]: .* has no (.*) translation", done.stderr)
    assert missing and set(missing) == {"sv"}  # beta lacks Swedish; nobody asks for it, pl or Italian
    out = tmp_path / "site"
    built = tierwise(root, "build", "--out", str(out))
    assert built.returncode == 0, built.stderr
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["assets", "en", "rules", "sv"]
    page = (out / "en" / "acme" / "index.html").read_text(encoding="utf-8")
    assert sorted(re.findall(r'hreflang="([^"]+)" href', page)) == ["en", "sv", "x-default"]
    assert re.search(r'hreflang="x-default" href="[^"]*/sv/acme/"', page)  # the default language is Swedish
    root_page = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in root_page and [m for m in re.findall(r'<li lang="(\w+)">', root_page)] == ["sv", "en"]
    rules = json.loads((out / "rules" / "all.json").read_text(encoding="utf-8"))
    assert rules["languages"] == ["sv", "en"]
    assert set(rules["vendors"]["acme"]["plans"]["basic"]["name"]) == {"sv", "en"}
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "/it/" not in sitemap and "/pl/" not in sitemap and "/sv/acme/" in sitemap


def test_a_fifth_language_is_a_catalog_and_the_plans_texts_no_code(tmp_path) -> None:
    languages = [*LANGUAGES, "de"]
    texts = {code: code.upper() for code in languages}
    root = project(tmp_path, f"[site]\nlanguages = {json.dumps(languages)}\n", {"acme": plan(texts)})
    german_catalog(root)
    done = tierwise(root, "check", "--strict")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "site"
    built = tierwise(root, "build", "--out", str(out))
    assert built.returncode == 0, built.stderr
    page = (out / "de" / "acme" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in page
    assert "DE basic" in page and "DE intro" in page
    assert "Empfohlen" in page  # the project's own German catalog
    assert "2.500\xa0€" in page and "12.500\xa0€" in page  # German numbers, from CLDR
    assert 'content="de_DE"' in page  # og:locale
    switcher = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+"[^>]*>([^<]+)</a>', page)
    expected = [("sv", "Svenska"), ("it", "Italiano"), ("pl", "Polski"), ("en", "English"), ("de", "Deutsch")]
    assert [(code, name) for _, code, name in switcher] == expected
    assert ("../../de/acme/index.html", "de", "Deutsch") in switcher
    for lang in LANGUAGES:  # the other pages link to the German one too
        other = (out / lang / "acme" / "index.html").read_text(encoding="utf-8")
        assert 'hreflang="de"' in other and ">Deutsch</a>" in other
    assert (out / "de" / "index.html").is_file() and (out / "de" / "acme" / "embed.html").is_file()
    rules = json.loads((out / "rules" / "all.json").read_text(encoding="utf-8"))
    assert rules["languages"] == languages and rules["vendors"]["acme"]["plans"]["gold"]["name"]["de"] == "DE gold"


def test_a_published_language_without_a_catalog_is_a_located_build_error(tmp_path) -> None:
    root = project(tmp_path, '[site]\nlanguages = ["en",\n  "nb"]\n', {"acme": plan({"en": "E", "nb": "N"})})
    out = tmp_path / "site"
    # `check` says so too (fuzz13: it accepted the project, and the build then failed), with the line, a caret and a hint.
    for command in (("build", "--out", str(out)), ("check",)):
        done = tierwise(root, *command)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        assert f"{root / 'tierwise.toml'}:3:3: error[T1005]: the site is published in 'nb', but there is no catalog" in done.stderr
        assert '3 |   "nb"]\n' in done.stderr and "  |   ^^^^\n" in done.stderr
        assert f"hint: add {root / 'locales' / 'nb' / 'LC_MESSAGES' / 'messages.po'}" in done.stderr
    assert not out.exists()
    # The rules need no catalog: they are exported all the same.
    assert tierwise(root, "rules").returncode == 0


def test_a_check_in_tierwises_own_languages_does_not_import_the_site(tmp_path) -> None:
    # Their catalogs are packaged: looking for them imported the site's renderer (Jinja and all), a fifth of a small
    # project's `check`. A project in another language still has its catalog looked for (the test above).
    root = project(tmp_path, '[site]\nlanguages = ["en", "sv"]\n', {"acme": plan({"en": "E", "sv": "S"})})
    script = "import sys\nfrom dsl import cli\ncode = cli.main(['--project', sys.argv[1], 'check'])\nprint(code, 'jinja2' in sys.modules)\n"
    done = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=120)
    assert done.stdout.split()[-2:] == ["0", "False"], done.stderr


def test_export_gives_texts_in_the_languages_it_is_handed() -> None:
    result = load_project([ROOT / "plans"])
    assert result.project is not None
    doc = export_project(result.project, (2026, 2026), languages=("en", "sv"))
    assert doc["languages"] == ["en", "sv"]
    assert list(doc["vendors"]["stratiteq"]["plans"]["sos"]["name"]) == ["en", "sv"]


# --- the address ----------------------------------------------------------------------------------


def canonical(out: Path) -> str:
    found = re.search(r'<link rel="canonical" href="([^"]+)"', (out / "en" / "index.html").read_text(encoding="utf-8"))
    assert found
    return found.group(1)


def test_base_url_precedence_flag_then_environment_then_settings_then_placeholder(tmp_path) -> None:
    plans = {"acme": plan({code: code for code in LANGUAGES})}
    root = project(tmp_path, '[site]\nbase_url = "https://from.settings.example/tiers"\n', plans)
    out = tmp_path / "site"
    done = tierwise(root, "build", "--out", str(out))
    assert done.returncode == 0 and canonical(out) == "https://from.settings.example/tiers/en/"
    assert "placeholder" not in done.stderr
    tierwise(root, "build", "--out", str(out), env={"TIERWISE_BASE_URL": "https://from.env.example/"})
    assert canonical(out) == "https://from.env.example/en/"
    tierwise(root, "build", "--out", str(out), "--base-url", "https://from.flag.example/", env={"TIERWISE_BASE_URL": "https://from.env.example/"})
    assert canonical(out) == "https://from.flag.example/en/"
    (root / "tierwise.toml").unlink()
    done = tierwise(root, "build", "--out", str(out))
    assert canonical(out) == "https://tierwise.example/en/"
    assert "warning: canonical links, hreflang alternates and the sitemap point at the placeholder https://tierwise.example/" in done.stderr
    assert "[site] base_url in tierwise.toml" in done.stderr


# --- marketing's own site (issue 9) --------------------------------------------------------------


def test_a_single_vendor_site_is_that_vendors_page_at_every_root(tmp_path) -> None:
    plans = {"acme": plan({code: code for code in LANGUAGES}), "beta": plan({code: code for code in LANGUAGES}, vendor="beta", name="Beta")}
    root = project(tmp_path, '[site]\ntitle = "Acme support"\nmode = "vendor"\nvendor = "acme"\n', plans)
    out = tmp_path / "site"
    done = tierwise(root, "build", "--out", str(out))
    assert done.returncode == 0, done.stderr
    top = (out / "index.html").read_text(encoding="utf-8")
    assert "<h1>Acme</h1>" in top and '<html lang="en">' in top
    assert 'href="assets/site.css"' in top and "All vendors" not in top
    for lang in LANGUAGES:
        page = (out / lang / "index.html").read_text(encoding="utf-8")
        assert "<h1>Acme</h1>" in page and f'<html lang="{lang}">' in page
        assert 'class="crumbs"' not in page and 'class="cards"' not in page  # no directory
        assert 'href="../assets/site.css"' in page
        assert (out / lang / "acme" / "embed.html").is_file()
    # The other vendor of the project is not on the vendor's own site, nor in its rules.
    assert "Beta" not in "".join(p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    assert f"built 6 pages into {out}: 1 vendor(s)" in done.stderr  # the root, four languages, 404 (fragments are no pages)
    rules = sorted(p.name for p in (out / "rules").iterdir())
    assert rules == sorted(["acme.json", "all.json", "schema.json", *conformance_files()])  # the vectors are the site's, not a vendor's
    assert "<title>Acme support tiers compared · Acme support</title>" in top
    assert (out / "404.html").is_file()


def test_brand_restyles_the_site_without_touching_the_templates(tmp_path) -> None:
    plans = {"acme": plan({code: code for code in LANGUAGES})}
    root = project(tmp_path, '[brand]\nname = "Acme Support"\nlogo = "art/logo.svg"\naccent = "#9a3412"\nfont = "Inter, sans-serif"\n', plans)
    (root / "art").mkdir()
    (root / "art" / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'/>", encoding="utf-8")
    out = tmp_path / "site"
    done = tierwise(root, "build", "--out", str(out))
    assert done.returncode == 0, done.stderr
    css = (out / "assets" / "brand.css").read_text(encoding="utf-8")
    assert "--link:#9a3412" in css and "font-family:Inter, sans-serif" in css
    assert (out / "assets" / "brand" / "logo.svg").read_bytes() == (root / "art" / "logo.svg").read_bytes()
    page = (out / "en" / "acme" / "index.html").read_text(encoding="utf-8")
    site_css = page.index('href="../../assets/site.css"')
    assert page.index('href="../../assets/brand.css"') > site_css  # after site.css: its properties win
    assert '<img src="../../assets/brand/logo.svg" alt="" height="32"> Acme Support</a>' in page
    embed = (out / "en" / "acme" / "embed.html").read_text(encoding="utf-8")
    assert "#9a3412" in embed and "Inter, sans-serif" in embed  # the fragment wears the brand too


def test_without_a_brand_no_brand_style_sheet_is_linked(tmp_path) -> None:
    root = project(tmp_path, None, {"acme": plan({code: code for code in LANGUAGES})})
    out = tmp_path / "site"
    assert tierwise(root, "build", "--out", str(out)).returncode == 0
    assert not (out / "assets" / "brand.css").exists()
    assert "brand.css" not in (out / "en" / "acme" / "index.html").read_text(encoding="utf-8")


def test_a_template_in_the_project_replaces_the_packaged_one_of_that_name(tmp_path) -> None:
    root = project(tmp_path, '[site]\ntemplates = "theme"\n', {"acme": plan({code: code for code in LANGUAGES})})
    (root / "theme").mkdir()
    # The project's index.html extends the packaged base.html, which the loader still finds.
    (root / "theme" / "index.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Our own index</h1>{% for card in cards %}<p>{{ card.name }}</p>{% endfor %}{% endblock %}',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    done = tierwise(root, "build", "--out", str(out))
    assert done.returncode == 0, done.stderr
    index = (out / "sv" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Our own index</h1><p>Acme</p>" in index and '<html lang="sv">' in index
    assert "<h1>Acme</h1>" in (out / "sv" / "acme" / "index.html").read_text(encoding="utf-8")  # packaged vendor.html


def test_a_broken_override_template_is_located_in_the_project(tmp_path) -> None:
    root = project(tmp_path, '[site]\ntemplates = "theme"\n', {"acme": plan({code: code for code in LANGUAGES})})
    (root / "theme").mkdir()
    (root / "theme" / "root.html").write_text('{% extends "base.html" %}\n{% block main %}\n{% if x %}\n{% endblock %}\n', encoding="utf-8")
    done = tierwise(root, "build", "--out", str(tmp_path / "site"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert str(root / "theme" / "root.html") in done.stderr


# --- the embeddable tier table ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def fragments(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("embed")
    root = project(tmp, '[site]\nbase_url = "https://tiers.acme.example/"\n', {"acme": plan({code: code for code in LANGUAGES})})
    out = tmp / "site"
    done = tierwise(root, "build", "--out", str(out))
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_vendor_has_an_embeddable_tier_table(fragments, lang) -> None:
    html = (fragments / lang / "acme" / "embed.html").read_text(encoding="utf-8")
    assert html.startswith(f'<section class="tw-tiers" lang="{lang}"')
    assert f"{lang} basic" in html and f"{lang} gold" in html and f"{lang} backup" in html
    assert re.search(r"<th scope=\"col\" class=\"tw-rec\">", html)  # the recommended tier
    assert f'<a href="https://tiers.acme.example/{lang}/acme/">' in html  # absolute: it lives on another site


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_fragment_is_ascii_so_that_a_page_of_any_encoding_reads_it(fragments, lang) -> None:
    # It has no <meta charset>: as UTF-8 it read "SpoÅ‚ecznoÅ›Ä‡" opened on its own or in a windows-1252 page.
    html = (fragments / lang / "acme" / "embed.html").read_text(encoding="utf-8")
    assert html.isascii()
    caption = {"sv": "Priser och innehåll i supportnivåerna hos Acme", "pl": "Ceny i zakres pakietów Acme"}.get(lang)
    if caption:
        assert caption in unescape(html).replace("\u00a0", " ")  # Polish "i\u00a0zakres", as &#160;: still ASCII


def test_the_fragment_depends_on_nothing_of_the_site(fragments) -> None:
    html = (fragments / "en" / "acme" / "embed.html").read_text(encoding="utf-8")
    assert "<link" not in html and "<script" not in html and "assets/" not in html
    assert not re.search(r'(?:href|src)="(?!https://|#)', html)  # every link absolute or inside the fragment
    classes = {c for attr in re.findall(r'class="([^"]+)"', html) for c in attr.split()}
    assert classes and all(c.startswith("tw-") for c in classes), classes
    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style
    selectors = [s.strip() for rule in re.findall(r"([^{}]+)\{", style.group(1)) for s in rule.split(",")]
    assert selectors and all(s.startswith(".tw-tiers") for s in selectors), selectors
    ids = re.findall(r'id="([^"]+)"', html)
    assert ids and all(i.startswith("tw-acme-") for i in ids)
    assert set(re.findall(r'href="#([^"]+)"', html)) <= set(ids)


def test_settings_reach_checks_only_explicitly(tmp_path) -> None:
    # The same plan text, judged under two settings: the languages come from what is handed in.
    text = plan({"en": "E", "nb": "N"})
    root = project(tmp_path, None, {"acme": text})
    plain = load_project([root / "plans"])
    assert {d.code for d in plain.diagnostics if d.is_error} == {"T0402"}
    nb = Settings(languages=("en", "nb"))
    assert not [d for d in load_project([root / "plans"], settings=nb).diagnostics if d.is_error or d.code == "T0404"]
    shutil.rmtree(root)


def test_a_published_language_is_no_vendor_id(tmp_path) -> None:
    root = project(tmp_path, '[site]\nlanguages = ["en", "de"]\n', {"de": plan({"en": "E"}, vendor="de")})
    done = tierwise(root, "check")
    assert done.returncode == 1
    assert f"{root / 'plans' / 'de.plan'}:1:1: error[T0321]: 'de' cannot be a vendor id: the published site uses that name itself" in done.stderr


def test_any_language_cldr_knows_is_formatted_by_cldr() -> None:
    from dsl.site import formatting as fmt

    assert [fmt.locale_code(code) for code in ("sv", "en", "de", "nb", "pt-BR")] == ["sv_SE", "en_GB", "de_DE", "nb_NO", "pt_BR"]
    assert fmt.language_name("pt-BR") == "Português (Brasil)" and fmt.language_name("nb") == "Norsk bokmål"
    assert fmt.number(12500, "de") == "12.500" and fmt.number(12500, "nb") == "12\xa0500"
    assert not fmt.known_locale("xx") and fmt.known_locale("de")


def test_a_published_language_cldr_does_not_know_is_a_located_build_error(tmp_path) -> None:
    root = project(tmp_path, '[site]\nlanguages = ["en", "xx"]\n', {"acme": plan({"en": "E", "xx": "X"})})
    done = tierwise(root, "build", "--out", str(tmp_path / "site"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{root / 'tierwise.toml'}:2:20: error[T1005]: the site is published in 'xx', a language CLDR does not know" in done.stderr
    assert "hint: use a code CLDR knows for the language" in done.stderr


def test_a_faint_brand_colour_is_a_warning_with_its_contrast(tmp_path) -> None:
    found = diagnostics(tmp_path, '[brand]\naccent = "#7fb2ff"\naccent_text = "#ffffff"\n')
    assert found == [
        ("T1008", 2, 10, "links in the accent #7fb2ff on the white page have a contrast of 2.2:1",
         "choose a darker accent: text needs 4.5:1 (WCAG 2.1 AA)"),
        ("T1008", 3, 15, "text in #ffffff on the accent #7fb2ff has a contrast of 2.2:1", "choose colours 4.5:1 apart (WCAG 2.1 AA)"),
    ]
    _, problems, _ = load_settings(tmp_path)
    assert not any(d.is_error for d in problems)  # the site is still built
    assert diagnostics(tmp_path, '[brand]\naccent = "#9a3412"\naccent_text = "#fff"\n') == []


def test_brand_colours_leave_the_dark_scheme_to_the_site(tmp_path) -> None:
    from dsl.site.branding import brand_css

    (tmp_path / "tierwise.toml").write_text('[brand]\naccent = "#9a3412"\nfont = "Inter, sans-serif"\n', encoding="utf-8")
    css = brand_css(load_settings(tmp_path)[0])
    assert css is not None
    assert css.index("@media not all and (prefers-color-scheme:dark){:root{--link:#9a3412") < css.index("body{font-family:Inter, sans-serif}")


def test_serve_builds_with_the_projects_settings(tmp_path) -> None:
    from dsl.site.serve import _build

    root = project(tmp_path, '[site]\ntitle = "Acme plans"\nlanguages = ["en", "sv"]\n', {"acme": plan({"en": "E", "sv": "S"})})
    out = tmp_path / "site"
    assert _build([root / "plans"], out, (2026, 2026), root) == 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["assets", "en", "rules", "sv"]
    assert "<title>Acme plans</title>" in (out / "index.html").read_text(encoding="utf-8")
    (root / "tierwise.toml").write_text('[site]\nlanguages = ["en", "sv"\n', encoding="utf-8")  # a broken edit
    assert _build([root / "plans"], out, (2026, 2026), root) == 1
    assert "<title>Acme plans</title>" in (out / "index.html").read_text(encoding="utf-8")  # the last good site stays
