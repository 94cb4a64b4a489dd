"""The gettext catalogs: every site word extracted from the sources is translated, placeholders intact."""

from __future__ import annotations

import re

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from dsl.language.vocabulary import LANGUAGES
from dsl.site.render import LOCALES
from support.paths import ROOT

PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|\{[a-z_]+\}")


def extracted() -> set[str]:
    """The msgids pybabel would extract with babel.cfg."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as fh:
        method_map, options_map = parse_mapping_cfg(fh)
    ids = set()
    for _file, _line, message, _comments, _context in extract_from_dir(str(ROOT), method_map, options_map):
        ids.add(message if isinstance(message, str) else message[0])
    return ids


@pytest.fixture(scope="module")
def sources() -> set[str]:
    found = extracted()
    assert len(found) > 50
    return found


def test_every_language_of_the_vocabulary_has_a_catalog() -> None:
    catalogs = {po.parent.parent.name for po in LOCALES.glob("*/LC_MESSAGES/messages.po")}
    assert catalogs == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_site_word_is_translated(lang: str, sources: set[str]) -> None:
    with open(LOCALES / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        catalog = read_po(fh, locale=lang)
    # A plural message (ngettext) has a tuple of ids and of strings; every form must be filled in.
    translated = {m.id: m.string for m in catalog if m.id and m.string and all(m.string) and not m.fuzzy}
    assert sorted(sources - {_first(i) for i in translated}) == []
    for msgid, msgstr in translated.items():
        if isinstance(msgid, tuple):
            # The form for one may say "once" instead of the number; every form keeps the other placeholders.
            wanted = set(PLACEHOLDER.findall(msgid[1]))
            assert all(set(PLACEHOLDER.findall(f)) <= wanted for f in msgstr), (lang, msgid, msgstr)
            assert set(PLACEHOLDER.findall(msgstr[-1])) == wanted, (lang, msgid, msgstr)
        else:
            assert sorted(PLACEHOLDER.findall(msgid)) == sorted(PLACEHOLDER.findall(msgstr)), (lang, msgid, msgstr)


def _first(msgid: str | tuple[str, ...]) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


def test_plural_messages_have_every_form_of_the_language() -> None:
    for lang in LANGUAGES:
        with open(LOCALES / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
            catalog = read_po(fh, locale=lang)
        plurals = [m for m in catalog if isinstance(m.id, tuple)]
        assert plurals, lang
        for m in plurals:
            assert len(m.string) == catalog.num_plurals and all(m.string), (lang, m.id)


def test_catalogs_are_really_in_their_language() -> None:
    def catalog(lang: str) -> dict[str, str]:
        with open(LOCALES / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
            return {m.id: m.string for m in read_po(fh) if m.id}

    sv, it, pl = catalog("sv"), catalog("it"), catalog("pl")
    assert sv["Included"] == "Ingår" and it["Included"] == "Incluso" and pl["Included"] == "W pakiecie"
    assert len({sv["Tiers compared"], it["Tiers compared"], pl["Tiers compared"], "Tiers compared"}) == 4
    with open(LOCALES / "pl" / "LC_MESSAGES" / "messages.po", "rb") as fh:
        assert read_po(fh).plural_forms.startswith("nplurals=3;")


def test_the_template_catalog_is_current(sources: set[str]) -> None:
    with open(LOCALES / "messages.pot", "rb") as fh:
        pot = {_first(m.id) for m in read_po(fh) if m.id}
    assert pot == sources, "run the pybabel extract / update round of docs/site.md"


def test_a_catalog_is_compiled_once_for_its_bytes_and_again_when_they_change(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`serve` builds again and again, and every build used to parse four .po files: a catalog is now compiled once
    per content (kept in memory and in the user's cache), and an edited catalog is compiled again and says its new words."""
    import shutil

    from dsl.site import render

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    monkeypatch.setattr(render, "_COMPILED", {})
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES, locales, ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.mo"))
    parsed: list[str] = []
    real = render.read_po
    monkeypatch.setattr(render, "read_po", lambda fh, **kw: parsed.append(kw["locale"]) or real(fh, **kw))
    first = render.compile_catalogs(locales)
    assert len(parsed) == len(LANGUAGES)
    render._COMPILED.clear()  # as a new process: the user's cache holds them
    again = render.compile_catalogs(locales)
    assert len(parsed) == len(LANGUAGES)
    assert again["sv"].gettext("Compare support tiers") == first["sv"].gettext("Compare support tiers") != "Compare support tiers"
    po = locales / "sv" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    said = first["sv"].gettext("Compare support tiers")
    po.write_text(text.replace(f'msgstr "{said}"', 'msgstr "Jämför supportnivåerna"', 1), encoding="utf-8")
    edited = render.compile_catalogs(locales)
    assert len(parsed) == len(LANGUAGES) + 1  # the Swedish one only
    assert edited["sv"].gettext("Compare support tiers") == "Jämför supportnivåerna"
