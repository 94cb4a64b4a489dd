"""Incremental builds: pages and rule files that did not change are neither rendered nor rewritten.

Two mechanisms, each correct on its own:

- **The page cache** (in the project's build cache): a vendor page is stored under a key that hashes
  everything it is made from — the vendor's plan file and the shared definitions it was resolved with
  (the loader's vendor key), the page language, the base URL, the templates, the catalogs and the code
  of the site and the language. The same key gives the same bytes, so a hit is used without rendering.
  The same holds for a vendor's rule files (keyed by the vendor, the years and the rules code).
- **The writer**: every file of a new build is compared with the same file of the version it
  replaces; when the bytes are the same, the old file is hard-linked into the new version instead of
  written, so it keeps its modification time (and costs no disk). The build is still a complete new
  folder switched in by one rename (dsl/site/publish.py); only unchanged bytes are shared.

No cache entry is looked up by modification time, so nothing can be stale: a changed input changes a
key, and a file is linked only after its bytes were compared — directly, or through the digest the
build that published it kept (the manifest), trusted only while the published file still has the size
and modification time it had then, as git and rsync judge a file unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel.support import Translations
from markupsafe import Markup

from dsl.language.cache import BuildCache, fingerprint, key_of
from dsl.language.model import Vendor
from dsl.language.progress import Progress
from dsl.language.settings import DEFAULT_SETTINGS, Settings
from dsl.language.vocabulary import LANGUAGES
from dsl.site import compare
from dsl.site import views as site


def folder_digest(folder: Path) -> str:
    """A hash of every file below `folder` (names and bytes): the templates or the catalogs."""
    parts: list[str | bytes] = []
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.endswith((".mo", ".pyc")):
                parts += [str(path.relative_to(folder)), path.read_bytes()]
    return key_of(*parts)


def settings_digest(settings: Settings) -> str:
    """A hash of what the project's settings change in a page: languages, title, mode, brand, its own templates and catalogs."""
    shown = repr((settings.languages, settings.default_language, settings.title, settings.mode, settings.vendor, settings.brand))
    own = [folder_digest(folder) if folder is not None else "" for folder in (settings.templates, settings.locales)]
    return key_of(shown, *own)


def site_fingerprint() -> str:
    """The fingerprint of the code that makes pages and rule files: dsl/language, dsl/rules and dsl/site."""
    package = Path(__file__).resolve().parents[1]
    return fingerprint(str(package / "language"), str(package / "rules"), str(package / "site"))


@dataclass
class Stats:
    """What a build did: files written anew and files kept from the previous version."""

    written: int = 0
    reused: int = 0
    pages_rendered: int = 0
    pages_cached: int = 0


@dataclass
class Reuse:
    """The page cache and the previous version of one build (either may be missing)."""

    cache: BuildCache | None
    vendor_keys: dict[str, str]
    previous: Path | None
    context_key: str = ""
    stats: Stats = field(default_factory=Stats)
    progress: Progress | None = None
    written: dict[str, bytes] = field(default_factory=dict)
    """A digest of every file of this build, by site-relative path (see `remember`)."""
    ready: dict[tuple[str, ...], Any] = field(default_factory=dict)
    """Results computed ahead by worker processes (dsl/site/parallel.py), taken once each."""
    fresh: set[tuple[str, str]] = field(default_factory=set)
    """Pages computed ahead and put in the cache (not held in memory: a thousand pages are hundreds of MB)."""
    folders: set[Path] = field(default_factory=set)
    """The folders of the new version made so far."""
    _previous_manifest: dict[str, tuple[bytes, int, int]] | None = None
    languages: tuple[str, ...] = LANGUAGES
    """The languages the site is published in (the settings'): a vendor's pages, cards and rows, one per language."""
    compare_languages: bool = False
    """Whether the compare page has its languages column (some vendor states languages): the workers' rows have it then."""

    @classmethod
    def start(
        cls,
        cache: BuildCache | None,
        vendor_keys: dict[str, str] | None,
        previous: Path | None,
        templates: Path,
        locales: Path,
        base: str,
        progress: Progress | None = None,
        settings: Settings = DEFAULT_SETTINGS,
    ) -> Reuse:
        """The reuse of one build: its context key hashes what every page shares, the project's settings included."""
        context = key_of(
            site_fingerprint(), folder_digest(templates), folder_digest(locales), base, os.environ.get("SOURCE_DATE_EPOCH", ""),
            settings_digest(settings),
        )
        return cls(cache if vendor_keys else None, dict(vendor_keys or {}), previous, context, progress=progress, languages=settings.languages)

    def tick(self, stage: str, done: int, total: int) -> None:
        """Report progress, when there is a progress line."""
        if self.progress is not None:
            self.progress.step(stage, done, total)

    # --- pages and rule files kept in the cache ---

    def _key(self, kind: str, vendor_id: str, *more: str) -> str | None:
        vendor_key = self.vendor_keys.get(vendor_id)
        if self.cache is None or vendor_key is None:
            return None
        return key_of(kind, self.context_key, vendor_key, *more)

    def complete(self, vendor_id: str, years: tuple[int, int]) -> bool:
        """Whether the cache holds all of a vendor's pages, cards and rule files."""
        if self.cache is None:
            return False
        span = f"{years[0]}-{years[1]}"
        wanted = [("page", self._key("page", vendor_id, lang)) for lang in self.languages]
        wanted += [("card", self._key("card", vendor_id, lang)) for lang in self.languages]
        wanted.append(("rules", self._key("rules", vendor_id, span)))
        wanted += [("compare", self._compare_key(vendor_id, lang, self.compare_languages)) for lang in self.languages]
        return all(key is not None and self.cache.has(kind, key) for kind, key in wanted)

    def take(self, vendor_id: str, years: tuple[int, int], result: dict[str, Any]) -> None:
        """Keep what a worker computed for one vendor: for this build, and in the cache."""
        for lang in self.languages:
            text, description, met, embed = result[f"page:{lang}"]
            card_key = self._key("card", vendor_id, lang)
            self.ready["card", vendor_id, lang] = result[f"card:{lang}"]
            if self.cache is not None and card_key is not None:
                self.cache.put("card", card_key, result[f"card:{lang}"])
            page_key = self._key("page", vendor_id, lang)
            if self.cache is not None and page_key is not None:
                self.cache.put("page", page_key, (text, description, met, embed))
                self.fresh.add((vendor_id, lang))
            else:
                self.ready["page", vendor_id, lang] = (text, description, met, embed)
        for lang in self.languages:
            self.ready["compare", vendor_id, lang] = result[f"compare:{lang}"]
            compare_key = self._compare_key(vendor_id, lang, self.compare_languages)
            if self.cache is not None and compare_key is not None:
                self.cache.put("compare", compare_key, result[f"compare:{lang}"])
        self.ready["rules", vendor_id] = result["rules"]
        rules_key = self._key("rules", vendor_id, f"{years[0]}-{years[1]}")
        if self.cache is not None and rules_key is not None:
            self.cache.put("rules", rules_key, result["rules"])

    def page(self, vendor_id: str, lang: str) -> tuple[str, str, dict[tuple[str, int, int, str], str], str] | None:
        """A cached vendor page: its text, its description, the warnings met rendering it and its embeddable table; None on a miss."""
        ready = self.ready.pop(("page", vendor_id, lang), None)
        if ready is not None:
            self.stats.pages_rendered += 1
            return ready  # type: ignore[no-any-return]
        key = self._key("page", vendor_id, lang)
        found = self.cache.get("page", key) if self.cache is not None and key is not None else None
        if isinstance(found, tuple) and len(found) == 4:
            if (vendor_id, lang) in self.fresh:
                self.stats.pages_rendered += 1  # rendered by a worker in this build
            else:
                self.stats.pages_cached += 1
            return found
        self.stats.pages_rendered += 1
        return None

    def keep_page(self, vendor_id: str, lang: str, text: str, description: str, warnings: site.Warnings, embed: str = "") -> None:
        """Store a rendered vendor page and its embeddable tier table."""
        key = self._key("page", vendor_id, lang)
        if self.cache is not None and key is not None:
            self.cache.put("page", key, (text, description, dict(warnings.found), embed))

    def cards(
        self, vendors: tuple[Vendor, ...], lang: str, words: Translations, warnings: site.Warnings, write: Callable[[site.VendorCard], Markup]
    ) -> tuple[tuple[site.VendorCard, ...], tuple[Markup, ...]]:
        """Each vendor's card and the card as `write` writes it, from the cache when its inputs are unchanged (with the warnings met)."""
        cards: list[site.VendorCard] = []
        written: list[Markup] = []
        for vendor in vendors:
            self.tick(f"home page cards ({lang})", len(cards), len(vendors))
            key = self._key("card", vendor.id, lang)
            found = self.ready.pop(("card", vendor.id, lang), None)
            if found is None:
                found = self.cache.get("card", key) if self.cache is not None and key is not None else None
            if not (isinstance(found, tuple) and len(found) == 3 and isinstance(found[1], Markup)):
                own = site.Warnings()
                card = site.vendor_card(vendor, site.Reader(lang, words, vendor, own))
                found = (card, write(card), dict(own.found))
                if self.cache is not None and key is not None:
                    self.cache.put("card", key, found)
            card, text, met = found
            for where, line in met.items():
                warnings.found.setdefault(where, line)
            cards.append(card)
            written.append(text)
        return tuple(cards), tuple(written)

    def _compare_key(self, vendor_id: str, lang: str, languages: bool) -> str | None:
        # The rows have a languages cell only when some vendor states languages: part of the key.
        return self._key("compare", vendor_id, lang, "languages" if languages else "")

    def compare_part(self, make: compare.PartOf) -> compare.PartOf:
        """`make`, through the cache: a vendor's part of the comparison is made again only when its inputs changed."""

        def part(vendor: Vendor, lang: str, words: site.Translations, warnings: site.Warnings, languages: bool) -> compare.RowsPart:
            key = self._compare_key(vendor.id, lang, languages)
            found = self.ready.pop(("compare", vendor.id, lang), None) if languages == self.compare_languages else None
            if found is None:
                found = self.cache.get("compare", key) if self.cache is not None and key is not None else None
            if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], compare.RowsPart)):
                own = site.Warnings()
                found = (make(vendor, lang, words, own, languages), dict(own.found))
                if self.cache is not None and key is not None:
                    self.cache.put("compare", key, found)
            rows, met = found
            for where, line in met.items():
                warnings.found.setdefault(where, line)
            return rows

        return part

    def rules(self, vendor_id: str, years: tuple[int, int]) -> tuple[str, str] | None:
        """A vendor's cached rule file and its part of all.json; None on a miss."""
        ready = self.ready.pop(("rules", vendor_id), None)
        if ready is not None:
            return ready  # type: ignore[no-any-return]
        key = self._key("rules", vendor_id, f"{years[0]}-{years[1]}")
        found = self.cache.get("rules", key) if self.cache is not None and key is not None else None
        return found if isinstance(found, tuple) and len(found) == 2 else None

    def keep_rules(self, vendor_id: str, years: tuple[int, int], text: str, fragment: str) -> None:
        """Store a vendor's rule file and its part of all.json."""
        key = self._key("rules", vendor_id, f"{years[0]}-{years[1]}")
        if self.cache is not None and key is not None:
            self.cache.put("rules", key, (text, fragment))

    # --- the writer ---

    def remember(self, version: Path) -> None:
        """Keep the digests of the version just published, so the next build of this process (`serve`)
        compares with them instead of reading the files back. Only the newest version is kept."""
        _VERSIONS.clear()
        _VERSIONS[str(version)] = dict(self.written)
        if self.cache is not None:
            # For the next build in another process: each file's digest with the size and modification
            # time it has now. A file whose size or time differs then (edited by hand) is read again.
            manifest: dict[str, tuple[bytes, int, int]] = {}
            for relative, digest in self.written.items():
                try:
                    st = (version / relative).stat()
                except OSError:
                    continue
                manifest[relative] = (digest, st.st_size, st.st_mtime_ns)
            # One entry per folder of versions (not per version), so the cache does not grow with every build.
            self.cache.put(MANIFEST_KIND, key_of(str(version.parent)), (version.name, manifest))

    def _manifest(self) -> dict[str, tuple[bytes, int, int]]:
        """The digests the build that published the previous version kept in the cache ({} when none)."""
        if self._previous_manifest is None:
            found = None
            if self.cache is not None and self.previous is not None:
                found = self.cache.get(MANIFEST_KIND, key_of(str(self.previous.parent)))
            self._previous_manifest = {}
            if isinstance(found, tuple) and len(found) == 2 and self.previous is not None and found[0] == self.previous.name:
                if isinstance(found[1], dict):  # the manifest of the very version being replaced
                    self._previous_manifest = found[1]
        return self._previous_manifest

    def write(self, root: Path, relative: str, text: str) -> None:
        """Write `text` to root/relative, or hard-link the previous version's file when it holds the same bytes."""
        self.write_bytes(root, relative, text.encode("utf-8"))

    def write_bytes(self, root: Path, relative: str, data: bytes) -> None:
        """`write` for bytes (the assets)."""
        target = root / relative
        if target.parent not in self.folders:  # a folder once, not once per file in it
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        digest = hashlib.blake2b(data, digest_size=16).digest()
        self.written[relative] = digest
        if self.previous is not None:
            old = self.previous / relative
            known = _VERSIONS.get(str(self.previous))
            try:
                if known is not None:  # this process wrote that version: compare digests, read nothing
                    same = known.get(relative) == digest and old.stat().st_size == len(data)
                else:
                    st = old.stat()
                    entry = self._manifest().get(relative)
                    if entry is not None and (st.st_size, st.st_mtime_ns) == entry[1:]:
                        same = entry[0] == digest and st.st_size == len(data)  # as published: its digest holds
                    else:
                        same = st.st_size == len(data) and old.read_bytes() == data
            except OSError:
                same = False
            if same:
                try:
                    os.link(old, target)
                    self.stats.reused += 1
                    return
                except OSError:  # another file system, or links not allowed: write it
                    pass
        with open(target, "wb") as fh:
            fh.write(data)
        self.stats.written += 1


MANIFEST_KIND = "published"
"""The build cache's folder of manifests: the version last published into a folder, each file's digest, size and time."""

_VERSIONS: dict[str, dict[str, bytes]] = {}
"""The digests of the files of the version this process published last, by its folder."""


def vendor_fragment(doc: dict[str, Any], vendor_id: str) -> str:
    """A vendor's `"id": {...}` from its own rule document, as it stands inside all.json's "vendors" object.

    json.dumps lays a nested object out as it lays it out alone, indented by its depth: the vendor's
    part is the same text, moved two levels (four spaces) in. tests/test_incremental.py compares an
    all.json put together from these parts with the export of the whole project.
    """
    part = json.dumps({vendor_id: doc["vendors"][vendor_id]}, ensure_ascii=False, indent=2)
    return "\n".join("  " + line for line in part.splitlines()[1:-1])
