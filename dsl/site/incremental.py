"""Incremental builds: pages and rule files that did not change are neither rendered nor rewritten.

Two mechanisms, each correct on its own:

- **The page cache** (in the project's build cache): a vendor page is stored under a key that hashes
  everything it is made from — the vendor's plan file and the shared definitions it was resolved with
  (the loader's vendor key), the page language, the base URL, the templates, the catalogs and the code
  of the site and the language. The same key gives the same bytes, so a hit is used without rendering.
  The same holds for a vendor's rule files (keyed by the vendor, the years and the rules code).
- **The writer**: every file of a new build is compared with the same file of the version it
  replaces; when the bytes are the same, the old file is hard-linked into the new version instead of
  written, so it keeps its modification time (and costs no disk). The build is still a complete
  folder switched in by one rename (dsl/site/publish.py): a new one, or the spare (the version before
  the published one) updated in place without writing into any file it shares with the published site.

No cache entry is looked up by modification time, so nothing can be stale: a changed input changes a
key (a plan file's key is known by its stat only while its change time, which every write sets, is as
it was: dsl/language/loader.py, FileKeys), and a file is linked only after its bytes were compared — directly, or through the digest the
build that published it kept (the manifest), trusted only while the published file still has the size
and modification time it had then, as git and rsync judge a file unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, overload

from babel.support import Translations
from markupsafe import Markup

from dsl.language.cache import BuildCache, fingerprint, key_of, pack_kinds
from dsl.language.datasets import data_versions
from dsl.language.model import Vendor
from dsl.language.progress import Progress
from dsl.language.settings import DEFAULT_SETTINGS, Settings
from dsl.language.vocabulary import LANGUAGES
from dsl.site import compare
from dsl.site import views as site

_T = TypeVar("_T")

pack_kinds("card", "compare", "page")  # read for every vendor and language by every build


class CachedPage(NamedTuple):
    """A vendor page from the cache (or a worker): the warnings met rendering it, which every build reads, and its
    texts on demand."""

    met: dict[tuple[str, int, int, str], str]
    text: Callable[[], str]
    embed: Callable[[], str]


class RuleTexts(NamedTuple):
    """A vendor's rule file and its part of all.json, each read or made when called: a rule file written ahead, or made
    from the same entry as the published one, is kept without its text being read, and all.json needs the parts only."""

    text: Callable[[], str]
    part: Callable[[], str]


class _Views(Sequence[site.VendorCard]):
    """The home page's cards as views, each made or read when first asked for."""

    def __init__(self, views: list[Callable[[], site.VendorCard]]) -> None:
        self._views = views
        self._made: dict[int, site.VendorCard] = {}

    def __len__(self) -> int:
        return len(self._views)

    @overload
    def __getitem__(self, index: int) -> site.VendorCard: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[site.VendorCard]: ...

    def __getitem__(self, index: int | slice) -> site.VendorCard | Sequence[site.VendorCard]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        position = range(len(self))[index]  # an IndexError past the end, as a tuple's
        if position not in self._made:
            self._made[position] = self._views[position]()
        return self._made[position]


def given(value: _T) -> Callable[[], _T]:
    """A function returning `value`: what the writer calls for a text already at hand."""
    return lambda: value


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


Written = tuple[bytes, int, str]
"""What the writer knows of a file it made: the digest of its bytes, its size and its source ("" when none is named)."""


@dataclass
class Stats:
    """What a build did: files written anew and files kept from the previous version."""

    written: int = 0
    reused: int = 0
    pages_rendered: int = 0
    pages_cached: int = 0
    vendors_by_workers: int = 0
    """Vendors a forked worker computed (the rest of those computed ahead, the build's own process did)."""


@dataclass
class Reuse:
    """The page cache and the previous version of one build (either may be missing)."""

    cache: BuildCache | None
    vendor_keys: dict[str, str]
    previous: Path | None
    context_key: str = ""
    stats: Stats = field(default_factory=Stats)
    progress: Progress | None = None
    written: dict[str, Written] = field(default_factory=dict)
    """A digest of every file of this build, its size and its source, by site-relative path (see `remember`)."""
    ready: dict[tuple[str, ...], Any] = field(default_factory=dict)
    """Results computed ahead by worker processes (dsl/site/parallel.py), taken once each."""
    fresh: set[tuple[str, str]] = field(default_factory=set)
    """Pages computed ahead and put in the cache (not held in memory: a thousand pages are hundreds of MB)."""
    folders: set[str] = field(default_factory=set)
    """The folders of the new version made so far."""
    _previous_manifest: dict[str, tuple[bytes, int, int, str]] | None = None
    languages: tuple[str, ...] = LANGUAGES
    """The languages the site is published in (the settings'): a vendor's pages, cards and rows, one per language."""
    compare_languages: bool = False
    compare_availability: bool = False
    """Whether the compare page has its availability column (some tier promises an availability), like the languages'."""
    compare_penalties: bool = False
    """Whether the compare page has its penalties column (some tier states penalties for delay), like the languages'."""
    """Whether the compare page has its languages column (some vendor states languages): the workers' rows have it then."""
    recycled: dict[str, int] | None = None
    """In a recycled folder: the files it held that this build has not written yet, with their inodes."""
    _recycled_folders: list[str] = field(default_factory=list)
    kept: dict[str, tuple[int, int]] = field(default_factory=dict)
    """The size and modification time of each published file this build kept (linked or left), by relative path."""
    _prefixes: tuple[Path, str, str | None] | None = None
    """The root `_put` wrote into last, and it and the previous version as strings ending in "/"."""
    ahead_root: str | None = None
    """The new version's folder, when the processes that compute vendors ahead also write their pages into it (a build
    with no version to link from: `_write_ahead`)."""
    prewritten: dict[str, Written] = field(default_factory=dict)
    """The files written ahead into `ahead_root`, by relative path, until the build's writer comes to them."""
    _ahead_met: dict[tuple[str, str], dict[tuple[str, int, int, str], str]] = field(default_factory=dict)
    """The warnings met rendering each page written ahead, by vendor id and language."""
    _last_read: tuple[tuple[str, str], tuple[str, str]] = (("", ""), ("", ""))
    """The pair of texts read last, by kind and key: a page's text and embeddable table, or a rule file and its part of
    all.json, are asked for one after the other."""

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
        years: tuple[int, int] | None = None,
    ) -> Reuse:
        """The reuse of one build: its context key hashes what every page shares, the project's settings included, and the
        span of the rules (`years`), which a vendor page's worked example is computed on."""
        # The holiday and zone data are not Tierwise's code, yet a rule file holds (and names) what they said.
        context = key_of(
            site_fingerprint(), folder_digest(templates), folder_digest(locales), base, os.environ.get("SOURCE_DATE_EPOCH", ""),
            settings_digest(settings), json.dumps(data_versions(), sort_keys=True), repr(years),
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
        # Each key is asked for twice or more in a build (is it cached? then get or put), and `serve` asks
        # for the same thousands again on every rebuild: each is hashed once.
        asked = (kind, self.context_key, vendor_key, *more)
        found = _KEYS.get(asked)
        if found is None:
            if len(_KEYS) > 1 << 17:
                _KEYS.clear()
                _BASES.clear()
            # A vendor's dozen keys share their first two parts: hashed once, then copied (a third of a key_of each).
            # The parts are hex digests and short names, never holding the NUL that separates them.
            base = _BASES.get(asked[1:3])
            if base is None:
                base = _BASES[asked[1:3]] = hashlib.sha256(f"{self.context_key}\0{vendor_key}\0".encode())
            digest = base.copy()
            digest.update("\0".join((kind, *more)).encode())
            found = _KEYS[asked] = digest.hexdigest()
        return found

    def _group(self, vendor_id: str) -> str | None:
        """The name of the file a worker keeps all of one vendor's entries in (`BuildCache.put_group`): a key like theirs,
        with the comparison's columns, the one part of a row's key the vendor's key and the context do not hold."""
        return self._key("group", vendor_id, _columns(self.compare_languages, self.compare_availability, self.compare_penalties))

    def source(self, kind: str, vendor_id: str, *more: str) -> str:
        """The name of a file's source for the writer: the cache key its text is kept under ("" without a cache)."""
        key = self._key("rules" if kind == "rules" else "page", vendor_id, *more)
        return f"{kind}:{key}" if key is not None else ""

    def complete(self, vendor_id: str, years: tuple[int, int]) -> bool:
        """Whether the cache holds a vendor's pages, cards, rows and rule files (so no worker need compute them).

        Only the rule file is looked for: a worker's results are stored in one go, the rule file last,
        and anything missing all the same is computed by the build itself when it is needed.
        """
        key = self._key("rules", vendor_id, f"{years[0]}-{years[1]}")
        return self.cache is not None and key is not None and self.cache.has("rules", key, self._group(vendor_id))

    def store_ahead(self, vendor_id: str, years: tuple[int, int], result: dict[str, Any]) -> dict[str, Any]:
        """In the process that computed one vendor's results: write them to the cache (and its pages into the new
        version, with an `ahead_root`), and return what `take` needs of them (the texts of pages and rule files stay
        behind, written, unless there is neither a cache nor an `ahead_root` to hold them).

        A worker that sent its pages back whole (half a megabyte a vendor) would wait on the parent's result
        thread, which reads the pipe 64 kB at a time and must win the lock of an interpreter busy rendering
        each time: writing them here keeps every process computing. (Only a command-line build forks, and
        its cache is on disk: a worker never writes into a cache held in memory.)
        """
        cache = self.cache
        slim = dict(result)
        if self.ahead_root is not None:
            # The texts go to the new version's folder from here: the build's own process then neither reads them
            # back from the cache nor writes them, which made it the last to finish of a cold build.
            for lang in self.languages:
                text, met, embed = result[f"page:{lang}"]
                paths = result[f"paths:{lang}"]
                written = {
                    relative: self._write_ahead(relative, content, self.source(kind, vendor_id, lang))
                    for relative, content, kind in ((paths[0], text, "page"), (paths[1], embed, "embed"))
                }
                slim[f"page:{lang}"] = (written, met)
            # So does the rule file, and its part of all.json goes back to the build's process, which joins all.json
            # from the parts: it read each vendor's whole cache file back for the part, after the workers were done.
            # The part goes compressed (a tenth of its size): a thousand vendors' parts held as text until all.json is
            # made were 27 MB of the build's process (texts in Polish are two bytes a character in Python).
            text, part = result["rules"]
            relative = f"rules/{vendor_id}.json"
            written = {relative: self._write_ahead(relative, text, self.source("rules", vendor_id, f"{years[0]}-{years[1]}"))}
            slim["rules"] = (written, zlib.compress(part.encode("utf-8"), 1))
        group = self._group(vendor_id)
        if cache is None or group is None:
            return slim
        # All in one file (a cold build made thirteen a vendor here, and making a file cost more than filling it);
        # the file is made only once all of them are in it, so `complete` finds all of a vendor's entries or none.
        entries: list[tuple[str, str, Any, Any]] = []
        for lang in self.languages:
            card_key = self._key("card", vendor_id, lang)
            if card_key is not None:
                made, card_met = result[f"card:{lang}"]
                entries.append(("card", card_key, (str(made.html), card_met), made.card))
            page_key = self._key("page", vendor_id, lang)
            if page_key is not None:
                text, met, embed = result[f"page:{lang}"]
                entries.append(("page", page_key, met, (text, embed)))
                if self.ahead_root is None:
                    slim[f"page:{lang}"] = None
            compare_key = self._compare_key(vendor_id, lang, self.compare_languages, self.compare_availability, self.compare_penalties)
            if compare_key is not None:
                entries.append(("compare", compare_key, result[f"compare:{lang}"], None))
        rules_key = self._key("rules", vendor_id, f"{years[0]}-{years[1]}")
        if rules_key is not None:
            entries.append(("rules", rules_key, result["rules"], None))
            if self.ahead_root is None:
                slim["rules"] = None
        cache.put_group(group, entries)
        return slim

    def take(self, vendor_id: str, years: tuple[int, int], result: dict[str, Any]) -> None:
        """Keep for this build what `store_ahead` left of one vendor's results (computed by a worker, or ahead by this
        process): the cards and rows, and the pages and rule file where the cache could not hold them."""
        cache = self.cache
        for lang in self.languages:
            self.ready["card", vendor_id, lang] = result[f"card:{lang}"]
            self.ready["compare", vendor_id, lang] = result[f"compare:{lang}"]
            page_key = self._key("page", vendor_id, lang)
            ahead = result[f"page:{lang}"] if self.ahead_root is not None else None
            if ahead is not None:
                written, self._ahead_met[vendor_id, lang] = ahead
                self.prewritten.update(written)
            elif cache is None or page_key is None:
                self.ready["page", vendor_id, lang] = result[f"page:{lang}"]
            if cache is None or page_key is None:
                continue
            self.fresh.add((vendor_id, lang))
            # A worker's cache does not note what the pack must hold: noted here, for every process's entries (the pack
            # of a cold build held only the cards and rows its own process made, and the next build opened a file a
            # vendor for the others).
            compare_key = self._compare_key(vendor_id, lang, self.compare_languages, self.compare_availability, self.compare_penalties)
            for kind, key in (("card", self._key("card", vendor_id, lang)), ("page", page_key), ("compare", compare_key)):
                if key is not None:
                    cache.note_used(kind, key, self._group(vendor_id))
        if self.ahead_root is not None:
            written, part = result["rules"]
            self.prewritten.update(written)
            self.ready["rules-part", vendor_id] = part
        elif cache is None or self._key("rules", vendor_id, f"{years[0]}-{years[1]}") is None:
            self.ready["rules", vendor_id] = result["rules"]

    def page(self, vendor_id: str, lang: str, make: Callable[[], tuple[str, str]]) -> CachedPage | None:
        """A cached vendor page: the warnings met rendering it, and its text and embeddable table, read only when asked
        for (a file made from the same entry as the published one is kept unread); None on a miss.

        `make` renders the text and the table again, for an entry whose texts turn out unreadable when asked for.
        """
        ready = self.ready.pop(("page", vendor_id, lang), None)
        if ready is not None:
            self.stats.pages_rendered += 1
            text, met, embed = ready
            return CachedPage(met, given(text), given(embed))
        met = self._ahead_met.pop((vendor_id, lang), None)
        if met is not None:  # written ahead: the writer keeps the file (`_put`); its texts are read back only if it is asked for them
            self.stats.pages_rendered += 1
            return CachedPage(met, partial(self._read_ahead, vendor_id, lang, 0, make), partial(self._read_ahead, vendor_id, lang, 1, make))
        key = self._key("page", vendor_id, lang)
        group = self._group(vendor_id)
        found = self.cache.get("page", key, group) if self.cache is not None and key is not None else None
        # The pack holds the warnings, the entry's own file the texts (its tail). That file is not looked for
        # here (a thousand stats): a text that cannot be read when it is needed is made again (`_read_once`).
        if isinstance(found, dict) and key is not None and self.cache is not None:
            if (vendor_id, lang) in self.fresh:
                self.stats.pages_rendered += 1  # rendered by a worker in this build
            else:
                self.stats.pages_cached += 1
            cache = self.cache

            def keep(made: tuple[str, str]) -> None:
                self._store_page(key, made[0], found, made[1])

            def texts() -> tuple[str, str]:
                return self._read_once("page", key, lambda: cache.tail("page", key, group), make, keep)

            return CachedPage(found, lambda: texts()[0], lambda: texts()[1])
        self.stats.pages_rendered += 1
        return None

    def _read_once(
        self, kind: str, key: str, read: Callable[[], Any], make: Callable[[], tuple[str, str]], keep: Callable[[tuple[str, str]], None]
    ) -> tuple[str, str]:
        """A pair of texts of the entry `kind`/`key`: read (once, for the two asks that follow each other), or, where the
        entry cannot be read after all (removed while the build ran, or damaged), made again and kept: a miss, not an error."""
        if self._last_read[0] != (kind, key):
            found = read()
            if not (isinstance(found, tuple) and len(found) == 2):
                found = make()
                keep(found)
            self._last_read = ((kind, key), found)
        return self._last_read[1]

    def _read_ahead(self, vendor_id: str, lang: str, which: int, make: Callable[[], tuple[str, str]]) -> str:
        """A page's text (0) or embeddable table (1) written ahead: from the cache, else made again."""
        key = self._key("page", vendor_id, lang)
        cache = self.cache
        if cache is None or key is None:
            return make()[which]
        group = self._group(vendor_id)
        return self._read_once("page", key, lambda: cache.tail("page", key, group), make, lambda made: None)[which]

    def _write_ahead(self, relative: str, text: str, source: str) -> Written:
        """In a process computing vendors ahead: write one file of the new version; what the writer records of it."""
        assert self.ahead_root is not None
        target = self.ahead_root + relative
        self._folder_of(target)
        data = text.encode("utf-8")
        _write_new(target, data)
        return _digest(data), len(data), source

    def _folder_of(self, target: str) -> None:
        """Make the folder of the file `target` once, not once per file in it."""
        parent = target.rpartition("/")[0]
        if parent not in self.folders:
            os.makedirs(parent, exist_ok=True)
            self.folders.add(parent)

    def _store_page(self, key: str, text: str, met: dict[tuple[str, int, int, str], str], embed: str) -> None:
        # One file: the warnings every build reads, then the texts, read only when needed.
        if self.cache is not None:
            self.cache.put("page", key, met, tail=(text, embed))

    def keep_page(self, vendor_id: str, lang: str, text: str, warnings: site.Warnings, embed: str = "") -> None:
        """Store a rendered vendor page and its embeddable tier table."""
        key = self._key("page", vendor_id, lang)
        if key is not None:
            self._store_page(key, text, dict(warnings.found), embed)

    def _made(
        self,
        kind: str,
        key: str | None,
        ready: tuple[str, ...] | None,
        valid: type,
        make: Callable[[site.Warnings], Any],
        warnings: site.Warnings,
        group: str | None = None,
    ) -> Any:
        """A vendor's result of `kind`: computed ahead by a worker (`ready`), else from the cache, else made now.

        Entries are (value, the warnings met making it); the warnings are added to the build's, so a
        result from the cache warns as a new one does.
        """
        found = self.ready.pop(ready, None) if ready is not None else None
        if found is None and self.cache is not None and key is not None:
            found = self.cache.get(kind, key, group)
        if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], valid)):
            own = site.Warnings()
            found = (make(own), dict(own.found))
            if self.cache is not None and key is not None:
                self.cache.put(kind, key, found)
        value, met = found
        for where, line in met.items():
            warnings.found.setdefault(where, line)
        return value

    def cards(
        self, vendors: tuple[Vendor, ...], lang: str, words: Translations, warnings: site.Warnings, write: Callable[[site.VendorCard], Markup]
    ) -> tuple[Sequence[site.VendorCard], tuple[Markup, ...]]:
        """Each vendor's card as `write` writes it, from the cache when its inputs are unchanged (with the warnings met),
        and the cards as views, read only if something reads them (the packaged index.html does not: a project's own may)."""

        def make(vendor: Vendor, own: site.Warnings) -> site.CardMade:
            card = site.vendor_card(vendor, site.Reader(lang, words, vendor, own))
            return site.CardMade(card, write(card))

        htmls: list[Markup] = []
        views: list[Callable[[], site.VendorCard]] = []
        for vendor in vendors:
            self.tick(f"home page cards ({lang})", len(htmls), len(vendors))
            key, group = self._key("card", vendor.id, lang), self._group(vendor.id)
            ready = self.ready.pop(("card", vendor.id, lang), None)  # (CardMade, met) from a worker
            found: Any = None
            if ready is not None:
                found = (ready[0].html, ready[1])
            elif self.cache is not None and key is not None:
                found = self.cache.get("card", key, group)
            if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], str) and isinstance(found[1], dict):
                html, met = Markup(found[0]), found[1]
                views.append(given(ready[0].card) if ready is not None else partial(self._card_view, key, group, partial(make, vendor)))
            else:
                own = site.Warnings()
                made = make(vendor, own)
                html, met = made.html, dict(own.found)
                if self.cache is not None and key is not None:
                    # The HTML as a plain string: a Markup unpickles through copyreg, three times slower.
                    self.cache.put("card", key, (str(html), met), tail=made.card)
                views.append(given(made.card))
            for where, line in met.items():
                warnings.found.setdefault(where, line)
            htmls.append(html)
        return _Views(views), tuple(htmls)

    def _card_view(self, key: str | None, group: str | None, make: Callable[[site.Warnings], site.CardMade]) -> site.VendorCard:
        """A cached card's view (the tail of its entry), or made again where the entry has none."""
        found = self.cache.tail("card", key, group) if self.cache is not None and key is not None else None
        if isinstance(found, site.VendorCard):
            return found
        return make(site.Warnings()).card  # its warnings are the entry's, added already

    def _compare_key(self, vendor_id: str, lang: str, languages: bool, availability: bool = False, penalties: bool = False) -> str | None:
        # The rows have a languages cell only when some vendor states languages: part of the key (and so for availability, penalties).
        return self._key("compare", vendor_id, lang, _columns(languages, availability, penalties))

    def compare_part(self, make: compare.PartOf) -> compare.PartOf:
        """`make`, through the cache: a vendor's part of the comparison is made again only when its inputs changed."""

        def part(
            vendor: Vendor, lang: str, words: site.Translations, warnings: site.Warnings, languages: bool, availability: bool = False,
            penalties: bool = False,
        ) -> compare.RowsPart:
            # A worker made its rows with the optional columns as this build has them, or not at all.
            same = (languages, availability, penalties) == (self.compare_languages, self.compare_availability, self.compare_penalties)
            ready = ("compare", vendor.id, lang) if same else None
            key = self._compare_key(vendor.id, lang, languages, availability, penalties)
            rows: compare.RowsPart = self._made(
                "compare",
                key,
                ready,
                compare.RowsPart,
                lambda own: make(vendor, lang, words, own, languages, availability, penalties),
                warnings,
                self._group(vendor.id) if same else None,
            )
            return rows

        return part

    def rules(self, vendor_id: str, years: tuple[int, int], make: Callable[[], tuple[str, str]]) -> RuleTexts | None:
        """A vendor's rule file and its part of all.json, computed ahead or cached, each read when called (a file made
        from the same entry as the published one, or written ahead, and an all.json of the same parts, need neither);
        None on a miss.

        `make` exports them again, for an entry that turns out unreadable when called.
        """
        ready = self.ready.pop(("rules", vendor_id), None)
        if ready is not None:
            return RuleTexts(given(ready[0]), given(ready[1]))
        key = self._key("rules", vendor_id, f"{years[0]}-{years[1]}")
        cache = self.cache
        group = self._group(vendor_id)
        part = self.ready.pop(("rules-part", vendor_id), None)  # the file was written ahead: its part came back
        written_part = partial(_unpacked, part) if part is not None else None
        if cache is None or key is None:
            return RuleTexts(lambda: make()[0], written_part) if written_part is not None else None
        if written_part is None and not cache.has("rules", key, group):
            return None

        def both() -> tuple[str, str]:
            return self._read_once("rules", key, lambda: cache.get("rules", key, group), make, lambda made: cache.put("rules", key, made))

        return RuleTexts(lambda: both()[0], written_part or (lambda: both()[1]))

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
            manifest: dict[str, tuple[bytes, int, int, str]] = {}
            for relative, (digest, _, source) in self.written.items():
                kept = self.kept.get(relative)
                if kept is not None:  # the published file itself, linked: the size and time it had
                    manifest[relative] = (digest, *kept, source)
                    continue
                try:
                    st = os.stat(os.path.join(version, relative))
                except OSError:
                    continue
                manifest[relative] = (digest, st.st_size, st.st_mtime_ns, source)
            # One entry per folder of versions (not per version), so the cache does not grow with every build.
            self.cache.put(MANIFEST_KIND, key_of(str(version.parent)), (version.name, manifest))

    def _manifest(self) -> dict[str, tuple[bytes, int, int, str]]:
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

    def _published(self, relative: str, st: os.stat_result) -> Written | None:
        """What the previous version's file at `relative` holds (digest, size, source), when known without reading it."""
        known = _VERSIONS.get(str(self.previous))
        if known is not None:  # this process wrote that version
            return known.get(relative)
        entry = self._manifest().get(relative)
        if entry is not None and len(entry) == 4 and (st.st_size, st.st_mtime_ns) == entry[1:3]:
            return entry[0], entry[1], entry[3]  # as published: its digest holds
        return None

    def write(self, root: Path, relative: str, text: str | Callable[[], str], source: str = "") -> None:
        """Write `text` to root/relative, or hard-link the previous version's file when it holds the same bytes.

        `source` names where the text came from, when a key of the build cache does (a cached page): the
        same source gives the same bytes, so a file the previous version made from it is kept unread.
        """
        self._put(root, relative, None, text, source)

    def write_bytes(self, root: Path, relative: str, data: bytes) -> None:
        """`write` for bytes (the assets)."""
        self._put(root, relative, data, "", "")

    def _put(self, root: Path, relative: str, data: bytes | None, text: str | Callable[[], str], source: str) -> None:
        # Plain strings joined by hand, not pathlib or os.path.join: a build puts thousands of files, and
        # at 1,000 vendors the joins alone were a tenth of a one-edit build. `relative` is always "/"-separated.
        if self.prewritten:
            ahead = self.prewritten.pop(relative, None)
            if ahead is not None and self.ahead_root == os.fspath(root) + "/":
                self.written[relative] = ahead
                self.stats.written += 1
                return
        prefixes = self._prefixes
        if prefixes is None or prefixes[0] is not root:
            prefixes = self._prefixes = (root, os.fspath(root) + "/", None if self.previous is None else os.fspath(self.previous) + "/")
        target = prefixes[1] + relative
        self._folder_of(target)
        # In a recycled folder (see `recycle`) the file may be there already: its inode, else None.
        there = self.recycled.pop(relative, None) if self.recycled is not None else None
        digest = b""
        if prefixes[2] is not None:
            old = prefixes[2] + relative
            same = False
            try:
                st = os.stat(old)
                published = self._published(relative, st)
                if published is not None and source and published[2] == source and published[1] == st.st_size:
                    digest, same = published[0], True  # made from the same source: the same bytes, not even encoded
                else:
                    data = data if data is not None else _encoded(text)
                    digest = _digest(data)
                    if published is not None:
                        same = published[0] == digest and st.st_size == len(data)
                    else:
                        same = st.st_size == len(data) and Path(old).read_bytes() == data
            except OSError:
                same = False
            if same:
                self.written[relative] = (digest, st.st_size, source)
                if there is not None and there == st.st_ino:  # the recycled file is the published one: nothing to do
                    self.stats.reused += 1
                    self.kept[relative] = (st.st_size, st.st_mtime_ns)
                    return
                try:
                    _replace(target, there is not None, lambda path: os.link(old, path))
                    self.stats.reused += 1
                    self.kept[relative] = (st.st_size, st.st_mtime_ns)  # a link has the file's time
                    return
                except OSError:  # another file system, or links not allowed: write it
                    pass
        data = data if data is not None else _encoded(text)
        if not digest:
            digest = _digest(data)
        self.written[relative] = (digest, len(data), source)
        _replace(target, there is not None, lambda path: _write_new(path, data))
        self.stats.written += 1

    # --- recycling the version before the published one -------------------------------------

    def recycle(self, folder: Path) -> None:
        """Build into `folder`, a complete earlier version, updating it instead of filling an empty folder.

        Most of its files are hard links to the published version's (unchanged files are shared), so a
        file is never written into: a changed one is replaced by a rename, and one whose inode is the
        published file's is kept as it is. What this build does not write is removed by `sweep`.
        """
        files, folders = _walk(str(folder))
        self.recycled = files
        self._recycled_folders = folders
        self.folders.update(os.path.join(folder, relative) for relative in folders)

    def sweep(self, folder: Path) -> None:
        """Remove from a recycled `folder` the files this build did not write, then the folders left empty; and any file
        written ahead that the build did not come to (none, when every vendor's pages are published)."""
        for relative in self.prewritten:
            try:
                os.unlink(os.path.join(folder, relative))
                os.rmdir(os.path.dirname(os.path.join(folder, relative)))  # only when nothing else is in it
            except OSError:
                pass
        self.prewritten.clear()
        if self.recycled is None:
            return
        for relative, inode in self.recycled.items():
            path = folder / relative
            try:
                # A file written since the walk by anything but this writer has a new inode: it stays.
                if path.lstat().st_ino == inode:
                    path.unlink()
            except OSError:
                pass
        if self.recycled:  # some files went: so may their folders (deepest first; only an empty one goes)
            for relative in sorted(self._recycled_folders, key=len, reverse=True):
                try:
                    os.rmdir(folder / relative)
                except OSError:
                    pass
        self.recycled = None


def _unpacked(part: bytes) -> str:
    """A vendor's part of all.json as `store_ahead` sent it back."""
    return zlib.decompress(part).decode("utf-8")


def _columns(languages: bool, availability: bool, penalties: bool = False) -> str:
    """The comparison's optional columns as a part of a key: a vendor's rows hold them only when some vendor has them."""
    return ("languages" if languages else "") + (" uptime" if availability else "") + (" penalties" if penalties else "")


def _digest(data: bytes) -> bytes:
    """What the writer and the manifest know a file's bytes by."""
    return hashlib.blake2b(data, digest_size=16).digest()


def _encoded(text: str | Callable[[], str]) -> bytes:
    """A file's bytes from its text, or from the function that reads its text (a cached page's)."""
    return (text() if callable(text) else text).encode("utf-8")


def _write_new(path: str, data: bytes) -> None:
    # Called only where no file of a recycled folder is (`_replace` moves it over one afterwards): an
    # existing file may be a hard link to a published one, and writing into it would change the site.
    with open(path, "wb") as fh:
        fh.write(data)


def _replace(target: str, exists: bool, make: Callable[[str], None]) -> None:
    """Make `target` with `make`; where a file is there already, make a new one beside it and rename it over."""
    if not exists:
        make(target)
        return
    head, name = os.path.split(target)
    temporary = os.path.join(head, f".{name}.new")
    try:
        os.unlink(temporary)
    except FileNotFoundError:
        pass
    make(temporary)
    os.replace(temporary, target)


def _walk(root: str) -> tuple[dict[str, int], list[str]]:
    """Every file below `root` with its inode number (from the directory entries: no stat), and every folder; relative paths."""
    files: dict[str, int] = {}
    folders: list[str] = []
    start = len(root) + 1
    stack = [root]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    folders.append(entry.path[start:])
                else:
                    files[entry.path[start:]] = entry.inode()
    return files, folders


MANIFEST_KIND = "published"
"""The build cache's folder of manifests: the version last published into a folder, each file's digest, size and time."""

_KEYS: dict[tuple[str, ...], str] = {}
"""Cache keys already hashed, by what they hash (a pure function: kept across builds, dropped when large)."""

_BASES: dict[tuple[str, ...], Any] = {}
"""The hash of a context key and a vendor key, from which that vendor's keys are made (see `Reuse._key`)."""

_VERSIONS: dict[str, dict[str, Written]] = {}
"""The digests of the files of the version this process published last, by its folder."""


def vendor_fragment(doc: dict[str, Any], vendor_id: str, text: str | None = None) -> str:
    """A vendor's `"id": {...}` from its own rule document, as it stands inside all.json's "vendors" object.

    json.dumps lays a nested object out as it lays it out alone, indented by its depth: the vendor's
    part is the same text, moved two levels (four spaces) in. In the vendor's own document (`text`, its
    `dumps`) the part already stands at that depth, between `"vendors": {` and the line that closes that
    object (the only line of two spaces and a brace: a text's line ends are escaped), so it is cut out of
    it rather than encoded again, which costs as much as the document. tests/test_incremental.py compares
    an all.json put together from these parts with the export of the whole project.
    """
    if text is not None:
        opening = '\n  "vendors": {\n'
        start = text.find(opening)
        if start >= 0:
            start += len(opening)
            stop = text.find("\n  }", start)
            part = text[start:stop]
            if stop >= 0 and part.startswith(f"    {json.dumps(vendor_id, ensure_ascii=False)}: ") and "\n    \"" not in part:
                return part
    part = json.dumps({vendor_id: doc["vendors"][vendor_id]}, ensure_ascii=False, indent=2)
    return "\n".join("  " + line for line in part.splitlines()[1:-1])
