"""Files -> resolved model: find plan files, parse them, resolve names, merge `extends`.

Names resolve in two scopes: what a vendor block defines itself, then what any
loaded file defines at its top level (shared calendars and priority schemes).
Resolution judges nothing: a name it cannot resolve is left out of the model
(a plan extending an unknown plan extends nothing) and `dsl.language.checks`,
which sees the declarations beside the model, reports it. The loader's own
diagnostics are about files: none found, or one that cannot be read.
"""

from __future__ import annotations

import dataclasses
import errno
import gc
import json
import multiprocessing
import os
import pickle
import stat
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from dsl.language import checks
from dsl.language.cache import BuildCache, key_of, language_fingerprint, pack_kinds, share_out, worker_count
from dsl.language.datasets import data_versions
from dsl.language.diagnostics import Diagnostic, error, file_text
from dsl.language.limits import MAX_FILE_BYTES
from dsl.language.model import Calendar, Plan, Pos, PriorityScheme, Project, Vendor
from dsl.language.outline import Outline, lazy_vendor, outline_of
from dsl.language.parser import FileDecl, VendorDecl, parse_file, parse_text
from dsl.language.parser import prepare as _lark_ready
from dsl.language.progress import Progress
from dsl.language.settings import DEFAULT_SETTINGS, Settings, check_settings_vendor
from dsl.language.vocabulary import SOURCE_LANGUAGE_FALLBACK


@dataclass
class LoadResult:
    """What loading produced: the model (None when there were errors), every diagnostic, and the text of each file a
    diagnostic points at (to show its line)."""

    project: Project | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    vendor_keys: dict[str, str] = field(default_factory=dict)
    """With a build cache: each vendor's key, a hash of its plan file, the shared definitions and the code."""

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that are errors."""
        return [d for d in self.diagnostics if d.is_error]


@dataclass(frozen=True)
class Resolution:
    """The resolved project, and each vendor block beside the vendor resolved from it (for the checks)."""

    project: Project
    vendors: tuple[tuple[VendorDecl, Vendor], ...]


def find_plan_files(paths: Sequence[Path], context: Sequence[Path] = ()) -> tuple[list[Path], list[Diagnostic]]:
    """The .plan files named or found below the given paths, in a stable order; `context`, the project's plans/
    folder, only lends a hint for a name that is not a path."""
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for path in paths:
        unusable = _unusable_name(path)
        if unusable is not None:
            problems.append(unusable)
            continue
        if path.is_dir():
            listed = _plan_files_below(path)
            if isinstance(listed, Diagnostic):
                problems.append(listed)
                continue
            found = listed
            if not found:
                problems.append(error(f"no .plan files in '{path}'", Pos(str(path), 0, 0), "plan files end in .plan", code="T0201"))
            files.extend(found)
        elif path.exists():
            # A FIFO or a device named on purpose: the reader refuses it with T0203, not "does not exist".
            files.append(path)
        else:
            # A relative path is the current folder's, whatever --project says: the hint names that folder.
            where = "" if path.is_absolute() else f" ('{path}' is read from the current folder, {Path.cwd()})"
            hint = f"name a .plan file or a folder of them{where}"
            meant = _project_file_named(path, context)
            if meant is not None:
                # `rules softeria` with --project: a vendor's name where its file was meant.
                hint = f"did you mean {meant}?{where}"
            problems.append(error(f"'{path}' does not exist", Pos(str(path), 0, 0), hint, code="T0202"))
    unique = list(dict.fromkeys(files))
    return unique, problems


def _project_file_named(path: Path, context: Sequence[Path]) -> Path | None:
    """The project's plan file a bare name (`softeria`, `softeria.plan`) stands for, if there is one."""
    if path.is_absolute() or len(path.parts) != 1:
        return None
    name = path.name if path.suffix == ".plan" else f"{path.name}.plan"
    for folder in context:
        if (folder / name).is_file():
            return folder / name
    return None


def load_project(
    paths: Sequence[Path],
    context: Sequence[Path] = (),
    cache: BuildCache | None = None,
    progress: Progress | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> LoadResult:
    """Parse, resolve and check every plan file below `paths`.

    `context` names the rest of the project (its plans/ folder): those files are read only for their
    shared definitions (calendars, priority schemes), so that one file can be checked inside its
    project; nothing is reported about them. `settings` are the project's (dsl/language/settings.py):
    the checks judge texts against the languages they publish.
    """
    files, diagnostics = find_plan_files(paths, context)
    result = LoadResult(None, diagnostics)
    decls: list[FileDecl] = []
    broken = False
    keys: dict[str, str] = {}
    # Each file is read and hashed once: parsing ahead needs its key to know whether to parse it, and the loop below reuses what it read.
    # A file whose stat is as the build before saw it is not read at all (`FileKeys`).
    known = FileKeys.of(cache) if cache is not None else None
    reads, parsed = _parse_ahead(files, cache, progress, known) if cache is not None else ({}, {})
    outlines: dict[str, Outline] = {}
    troubled: set[str] = set()
    raw: dict[str, bytes | None] = {}
    for index, path in enumerate(files):
        if progress is not None:
            progress.step("reading plan files", index, len(files))
        try:
            text, decl, problems, key, outline = _read_cached(path, cache, reads.get(path), known, parsed)
        except OSError as exc:
            result.diagnostics.append(error(f"cannot read the file: {exc.strerror or exc}", Pos(str(path), 0, 0), code="T0203"))
            continue
        if isinstance(text, bytes) or text is None:  # an outlined file's text is decoded (or read) only if a diagnostic shows a line of it
            raw[str(path)] = text
        else:
            result.sources[str(path)] = text
        if key is not None:
            keys[str(path)] = key
        if outline is not None:  # left unloaded: its vendors are loaded when (and if) something reads them
            outlines[str(path)] = outline
        result.diagnostics.extend(problems)
        if problems:
            troubled.add(str(path))
        if decl is not None:
            decls.append(decl)
        else:
            broken = True
    shared = _shared_definitions(context, files, cache)
    _resolve_and_check(decls, result, shared, broken, cache, keys, settings, outlines, frozenset(troubled))
    # A text is kept to show the lines its diagnostics point at; a thousand plan files' texts that have
    # nothing to show would be tens of MB held through the whole build.
    shown = {d.pos.file for d in result.diagnostics} | {pos.file for d in result.diagnostics for _, pos in d.notes}
    result.sources.update((path, file_text(path, data)) for path, data in raw.items() if path in shown)
    result.sources = {path: text for path, text in result.sources.items() if path in shown}
    if known is not None and cache is not None:
        known.save(cache, tuple(str(path) for path in paths))
    return result


def parse_file_cached(path: Path, cache: BuildCache | None) -> tuple[str, FileDecl | None, list[Diagnostic]]:
    """`parse_file`, through the build cache when there is one: keyed by the file's path and bytes and the language code."""
    text, decl, problems, _ = _parse_cached(path, cache)
    return text, decl, problems


OUTLINE_KIND = "outline"
"""The build cache's folder of outlines (dsl/language/outline.py), under the same keys as the parsed files."""

CHECK_KIND = "check"
"""The build cache's folder of each file's check findings."""

pack_kinds(OUTLINE_KIND, CHECK_KIND)  # read for every file by every build


def _read_cached(
    path: Path, cache: BuildCache | None, read: tuple[bytes | None, str] | None = None, known: FileKeys | None = None,
    parsed: dict[str, object] | None = None,
) -> tuple[str | bytes | None, FileDecl | None, list[Diagnostic], str | None, Outline | None]:
    """`_parse_cached`, or, for a file the cache holds an outline of, its bytes (UTF-8: it parsed; None when it was known
    by its stat and not read), the outline's declarations and the outline. `read` is the file's bytes and key when they
    were read already; `parsed`, cache entries already read, by key (`_parse_ahead`)."""
    # Not in a process that holds the cache in memory (`serve`): it has every file's declarations at
    # hand after its first build, and keeps the vendors it resolved from them (`resolve`'s `keep`).
    if cache is not None and cache.memory is None:
        read = read or _read_for_key(path, known)
        if read is not None:
            data, key = read
            outline = cache.get(OUTLINE_KIND, key)
            if isinstance(outline, Outline):
                return data, outline.file, [], key, outline
            return (*_parse_cached(path, cache, read, parsed), None)
    return (*_parse_cached(path, cache), None)


def _read_for_key(path: Path, known: FileKeys | None = None) -> tuple[bytes | None, str] | None:
    """A plan file's bytes and its parse key; None for what parse_file refuses or cannot read (it says why).

    With `known`, a file whose stat is as the build before saw it is not read: its key is the one it had,
    and its bytes are None."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_FILE_BYTES:
            return None
        if known is not None:
            key = known.key(str(path), status)
            if key is not None:
                return None, key
        data = path.read_bytes()
    except OSError:
        return None
    key = key_of(language_fingerprint(), str(path), data)
    if known is not None and len(data) == status.st_size:
        known.saw(str(path), status, key)
    return data, key


class FileKeys:
    """Each plan file's key by the file's stat, as git's index knows a file unchanged without reading it.

    A file whose size, modification and change times, inode and device are all as they were when its key
    was made holds the same bytes: writing a file changes its change time (ctime), which no program can
    set back. A file whose change time was within a second of the moment it was looked at is not trusted
    the next time (it could still have been written in the same tick of the file system's clock, as git's
    "racily clean" entries): it is read and hashed again, as every file is without the index.
    """

    def __init__(self, entries: dict[str, tuple[int, int, int, int, int, str]]) -> None:
        self.entries = entries
        self.seen: dict[str, tuple[int, int, int, int, int, str]] = {}

    @classmethod
    def of(cls, cache: BuildCache) -> FileKeys:
        """The index the build before kept in `cache` (empty when there is none, or the language's code changed)."""
        found = cache.get(FILE_KEYS_KIND, key_of(language_fingerprint()))
        return cls(found if isinstance(found, dict) else {})

    def key(self, path: str, status: os.stat_result) -> str | None:
        """The key of the file at `path` when its stat is as it was, else None."""
        entry = self.entries.get(path)
        if entry is None or entry[:5] != _stat_of(status):
            return None
        self.seen[path] = entry
        return entry[5]

    def saw(self, path: str, status: os.stat_result, key: str) -> None:
        """Note the key just made of the file at `path` from the bytes whose stat is `status`."""
        # Looked at within a second of its last change: it may change again within the same tick unseen.
        if status.st_ctime_ns < time.time_ns() - 1_000_000_000:
            self.seen[path] = (*_stat_of(status), key)

    def save(self, cache: BuildCache, looked_in: tuple[str, ...]) -> None:
        """Keep the files seen this time for the next build, and what was known of the files outside the paths `looked_in`
        (a check of one file keeps the index of the others); not written again when nothing changed."""
        inside = tuple(path.rstrip("/") + "/" for path in looked_in)
        kept = {path: entry for path, entry in self.entries.items() if path not in looked_in and not path.startswith(inside)}
        kept.update(self.seen)
        if kept != self.entries:
            cache.put(FILE_KEYS_KIND, key_of(language_fingerprint()), kept)


def _stat_of(status: os.stat_result) -> tuple[int, int, int, int, int]:
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev)


FILE_KEYS_KIND = "file-keys"
"""The build cache's folder of the plan files' keys by their stat (`FileKeys`)."""


def _parse_cached(
    path: Path, cache: BuildCache | None, read: tuple[bytes | None, str] | None = None, parsed: dict[str, object] | None = None
) -> tuple[str, FileDecl | None, list[Diagnostic], str | None]:
    """`parse_file_cached`, and the key the file's result is cached under (None when uncached); `parsed` holds entries
    of the cache read already, by key."""
    if cache is None:
        return (*parse_file(path), None)
    read = read or _read_for_key(path)
    if read is None:
        return (*parse_file(path), None)  # refused by parse_file with its located message, or the same OSError raised
    data, key = read
    found = parsed.pop(key, None) if parsed else None
    found = found if found is not None else cache.get("parse", key)
    if isinstance(found, tuple) and len(found) == 3:
        return (*found, key)
    text, decl, problems = parse_file(path)
    encoded = text.encode("utf-8")
    # The file changed between the two reads (or since the stat its key was known by): nothing is kept.
    if (encoded != data) if data is not None else (key_of(language_fingerprint(), str(path), encoded) != key):
        return text, decl, problems, None
    cache.put("parse", key, (text, decl, problems))
    return text, decl, problems, key


# A cold build of many files parses them in worker processes (forked, so the compiled parser is
# shared): each worker puts its results in the build cache, and the loop above then reads every file
# from the cache in its usual order, so what is loaded is the same as from a serial parse.

_MIN_FILES_PER_JOB = 4


def _parse_one(path: Path) -> Path:
    cache = _AHEAD.get("cache")
    if isinstance(cache, BuildCache):
        try:
            _parse_cached(path, cache)
        except OSError:
            pass  # reported by the serial loop, which meets the same error
    return path


_AHEAD: dict[str, object] = {}


def _parse_ahead(
    files: Sequence[Path], cache: BuildCache, progress: Progress | None, known: FileKeys | None = None
) -> tuple[dict[Path, tuple[bytes | None, str]], dict[str, object]]:
    """Parse in worker processes the files the cache does not hold yet (nothing when few or one core); returns the
    bytes and key of each file it read to find out, and the workers' results read back, by key."""
    jobs = worker_count()
    parsed: dict[str, object] = {}
    if jobs < 2 or len(files) < jobs * _MIN_FILES_PER_JOB or "fork" not in multiprocessing.get_all_start_methods():
        return {}, parsed
    reads: dict[Path, tuple[bytes | None, str]] = {}
    todo = []
    for path in files:
        read = _read_for_key(path, known)
        if read is None:
            continue
        reads[path] = read
        if (cache.memory is not None or not isinstance(cache.get(OUTLINE_KIND, read[1]), Outline)) and not cache.has("parse", read[1]):
            todo.append(path)
    if len(todo) < jobs * _MIN_FILES_PER_JOB:
        return reads, parsed
    _lark_ready()  # compile (or load) the parser once, before forking, so that workers share it
    _AHEAD["cache"] = cache
    # The declarations read back are millions of objects that form no cycles and live as long as the command: the
    # collector, run every 200,000 of them, scanned each while the workers parsed (1.7 s of this process's CPU at
    # 1,000 files, taken from the workers' two cores). It is off while they are read, and they are then frozen out of
    # its reach (a one-shot command-line run: only it forks); the site's workers unfreeze them into the oldest
    # generation, which a build never collects.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            for done, path in enumerate(pool.imap_unordered(_parse_one, todo, chunksize=max(1, min(16, len(todo) // (jobs * 8))))):
                # This process would only wait for the workers: it reads their results back meanwhile, instead of
                # all of them after the last (a second and a half of 1,000 files' models, unpickled).
                key = reads[path][1]
                found = cache.get("parse", key)
                if found is not None:
                    parsed[key] = found
                if progress is not None:
                    progress.step("parsing plan files", done + 1, len(todo))
    finally:
        _AHEAD.clear()
        if collecting:
            gc.freeze()
            gc.enable()
    return reads, parsed


def _shared_definitions(context: Sequence[Path], named: Sequence[Path], cache: BuildCache | None = None) -> list[FileDecl]:
    """The shared calendars and priority schemes of the project's other files (their vendors and problems left out)."""
    if not context:
        return []
    # Usually the named files are the context's own: their absolute paths say so without asking the
    # file system, which resolving a thousand symbolic-link paths twice over would.
    named_paths = {os.path.abspath(p) for p in named}
    resolved: set[Path] | None = None
    found, _ = find_plan_files(context)
    shared = []
    for path in found:
        if os.path.abspath(path) in named_paths:
            continue
        if resolved is None:
            resolved = {p.resolve() for p in named}
        if path.resolve() in resolved:
            continue
        try:
            # A file with an outline defines nothing shared (outline.py): it need not be loaded.
            _, decl, _, _, _ = _read_cached(path, cache)
        except OSError:
            continue
        if decl is not None:
            shared.append(FileDecl(decl.path, calendars=decl.calendars, schemes=decl.schemes, vendor_ids=tuple(v.id for v in decl.vendors)))
    return shared


def load_text(text: str, path: str = "<text>", settings: Settings = DEFAULT_SETTINGS) -> LoadResult:
    """Parse, resolve and check one plan given as text (for tests and tools)."""
    decl, diagnostics = parse_text(text, path)
    result = LoadResult(None, list(diagnostics), {path: text})
    _resolve_and_check([decl] if decl else [], result, broken=decl is None, settings=settings)
    return result


# A name another file defines may be defined in a file that did not parse: reporting it unknown
# would be an error caused by that syntax error, so these are left out when a file is broken.
_CROSS_FILE_NAMES = ("T0304", "T0305")


def _resolve_and_check(
    decls: Sequence[FileDecl],
    result: LoadResult,
    context: Sequence[FileDecl] = (),
    broken: bool = False,
    cache: BuildCache | None = None,
    keys: dict[str, str] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    outlines: dict[str, Outline] | None = None,
    troubled: frozenset[str] = frozenset(),
) -> None:
    # Files left unloaded (their outlines) are loaded from the cache by whatever first needs them.
    unloaded = (
        {path: Unloaded(outline, _whole_file(path, keys[path], cache)) for path, outline in (outlines or {}).items()}
        if cache is not None and keys is not None else {}
    )
    # A process that loads again (`serve`, whose cache is held in memory) keeps the vendors it resolved.
    resolution = resolve([*decls, *context], keep=cache is not None and cache.memory is not None, unloaded=unloaded)
    if cache is None or keys is None:
        found = checks.check_project(decls, resolution.vendors, context, settings)
    else:
        outlined: set[str] = set()
        outlining = (outlines or {}, troubled, outlined)
        found = _check_with_cache(decls, resolution, context, cache, keys, result.vendor_keys, settings, unloaded, outlining)
        _keep_outlines(decls, resolution, cache, keys, outlines or {}, troubled | outlined)
    # A single-vendor site names a vendor of the whole project: judged when the whole project is loaded.
    if not broken and decls and not context:
        found += check_settings_vendor(settings, {v.id for v in resolution.project.vendors})
    if broken:
        found = [d for d in found if d.code not in _CROSS_FILE_NAMES]
    result.diagnostics.extend(found)
    if not result.errors:
        result.project = resolution.project


def _check_with_cache(
    decls: Sequence[FileDecl],
    resolution: Resolution,
    context: Sequence[FileDecl],
    cache: BuildCache,
    keys: dict[str, str],
    vendor_keys: dict[str, str],
    settings: Settings = DEFAULT_SETTINGS,
    unloaded: dict[str, Unloaded] | None = None,
    outlining: tuple[dict[str, Outline], frozenset[str], set[str]] | None = None,
) -> list[Diagnostic]:
    """`checks.check_project`, one file at a time, each file's findings kept in the cache.

    `outlining`: the files left unloaded (their outlines), those the parser had something to say about, and a set this
    adds each file to whose outline it kept, made beside its findings (`_keep_outlines` makes the others' afterwards).

    What the checks say about a file depends on the file, on the definitions every file shares (the
    top-level calendars and priority schemes, through which its vendor is resolved) and on the code:
    the key holds all three, and the project's horizon (T0813: its calendars' holiday data covers the
    horizon). Duplicate ids across files are judged afresh on every run.
    """
    # Whether a file holds a vendor is part of it: a calendar at the top of another vendor's file is warned of (T0323).
    shared = pickle.dumps(
        tuple((d.path, d.calendars, d.schemes, checks.vendors_of_file(d)) for d in (*decls, *context)), protocol=pickle.HIGHEST_PROTOCOL
    )
    # The settings are part of the key: which languages a text must (and may) be in is theirs to say; and so are
    # the holiday and zone data, which subdivisions and zone names are judged against.
    shared_key = key_of(
        language_fingerprint(), shared, pickle.dumps(settings, protocol=pickle.HIGHEST_PROTOCOL), json.dumps(data_versions(), sort_keys=True)
    )
    # Judged across files, afresh on every run: duplicate ids and the project's horizon.
    found: list[Diagnostic] = [*checks.check_definitions(decls), *checks.check_horizons(decls)]
    # Whether a file's calendars close on holidays the data knows for every year of the horizon (T0813) is
    # judged with the file's other findings, so their key holds the horizon (with its place, which the hint
    # names): a new horizon judges every file again, loading those left unloaded, as an uncached check does.
    horizon = checks.project_horizon(decls, context)
    check_key = key_of(shared_key, pickle.dumps(horizon, protocol=pickle.HIGHEST_PROTOCOL))
    by_file: dict[str, list[tuple[VendorDecl, Vendor]]] = {}
    for decl, vendor in resolution.vendors:
        by_file.setdefault(decl.pos.file, []).append((decl, vendor))
    shared_calendars = {c.id for f in (*decls, *context) for c in f.calendars}
    shared_schemes = {s.id for f in (*decls, *context) for s in f.schemes}
    findings: list[list[Diagnostic] | None] = []
    todo: list[_FileCheck] = []
    for file in decls:
        if file.path in keys:
            for vendor_decl in file.vendors:
                vendor_keys[vendor_decl.id] = key_of(shared_key, keys[file.path])
        own = [(d, v) for d, v in by_file.get(file.path, []) if any(d is mine for mine in file.vendors)]
        parsed = keys.get(file.path)
        key = key_of(check_key, parsed) if parsed is not None else None
        cached = cache.get(CHECK_KIND, key) if key is not None else None
        if isinstance(cached, list):
            findings.append(cached)
            continue
        if unloaded and file.path in unloaded and file is not (loaded := unloaded[file.path].load()):
            # An outline's findings were not kept: the file is loaded (its lazy vendors load with it).
            own = [(mine, vendor) for mine, (_, vendor) in zip(loaded.vendors, own, strict=True)]
            file = loaded
        outline_key = None
        if outlining is not None and parsed is not None and file.path not in outlining[0] and file.path not in outlining[1]:
            outline_key = None if cache.has(OUTLINE_KIND, parsed) else parsed
        vendors = tuple(vendor for _, vendor in by_file.get(file.path, []))
        todo.append(_FileCheck(len(findings), file, own, key, outline_key, vendors))
        findings.append(None)
    context_of_checks = (shared_calendars, shared_schemes, settings, horizon, checks.vendor_file_definitions((*decls, *context)))
    for place, judged, outlined in _checked(todo, context_of_checks, cache):
        findings[place] = judged
        if outlined and outlining is not None:
            outlining[2].add(decls[place].path)  # a finding's place is its file's among `decls`
    for judged_or_none in findings:
        found += judged_or_none or []
    return list(dict.fromkeys(found))


class _FileCheck(NamedTuple):
    """A file the checks judge in this run: its place among the project's files, its declarations, its own vendors
    resolved, and the key its findings are kept under (None when they are not kept)."""

    place: int
    file: FileDecl
    own: list[tuple[VendorDecl, Vendor]]
    key: str | None
    outline_key: str | None = None
    """The key to keep the file's outline under, when it is to be made now (`_keep_outlines`)."""
    vendors: tuple[Vendor, ...] = ()
    """The vendors of the file as resolved, for its outline."""


_MIN_FILES_TO_CHECK_IN_WORKERS = 64
"""Fewer files to judge than this: forking a worker costs more than it saves."""

_CHECKING: dict[str, object] = {}
"""What the checking workers need, set just before they are forked (shared, not pickled)."""


def _check_one(
    check: _FileCheck, context: tuple[set[str], set[str], Settings, object, checks.VendorFileDefinitions], cache: BuildCache
) -> tuple[list[Diagnostic], bool]:
    """One file's findings, kept in the cache under its key; and whether its outline was made and kept."""
    shared_calendars, shared_schemes, settings, horizon, elsewhere = context
    mine = checks.check_file(check.file, check.own, shared_calendars, shared_schemes, settings, horizon, elsewhere)  # type: ignore[arg-type]
    if check.key is not None:
        cache.put(CHECK_KIND, check.key, mine)
    if check.outline_key is not None:
        outline = outline_of(check.file, check.vendors)
        if outline is not None:
            cache.put(OUTLINE_KIND, check.outline_key, outline)
            return mine, True
    return mine, False


def _check_in_worker(chunk: tuple[int, int]) -> tuple[tuple[int, int], list[tuple[list[Diagnostic], bool]] | None]:
    """The findings of the files todo[first:last] in a worker; None if a check failed (the build's process then judges
    them itself, and raises the error where a serial run would)."""
    try:
        todo, context, cache = _CHECKING["todo"], _CHECKING["context"], _CHECKING["cache"]
        return chunk, [_check_one(check, context, cache) for check in todo[chunk[0] : chunk[1]]]  # type: ignore[index, arg-type]
    except Exception:
        return chunk, None


_FILES_PER_TASK = 8


def _checked(
    todo: list[_FileCheck], context: tuple[set[str], set[str], Settings, object, checks.VendorFileDefinitions], cache: BuildCache
) -> list[tuple[int, list[Diagnostic], bool]]:
    """Each file's findings by its place, and whether its outline was kept: in worker processes and this one together
    when there are many (a cold build of a thousand files judged and outlined them for a second and a half on one core,
    the other idle), else here one by one."""
    jobs = worker_count()
    if jobs < 2 or len(todo) < _MIN_FILES_TO_CHECK_IN_WORKERS or cache.memory is not None or "fork" not in multiprocessing.get_all_start_methods():
        return [(check.place, *_check_one(check, context, cache)) for check in todo]
    done: list[tuple[int, list[Diagnostic], bool]] = []

    def take(chunk: tuple[int, int], found: list[tuple[list[Diagnostic], bool]] | None) -> None:
        for n, check in enumerate(todo[chunk[0] : chunk[1]]):
            if found is None:
                done.append((check.place, *_check_one(check, context, cache)))
                continue
            done.append((check.place, *found[n]))
            # Kept by the worker: noted here, for the pack.
            if check.key is not None:
                cache.note_used(CHECK_KIND, check.key)
            if found[n][1] and check.outline_key is not None:
                cache.note_used(OUTLINE_KIND, check.outline_key)

    _CHECKING.update(todo=todo, context=context, cache=cache)
    try:
        # This process judges a file of its own between taking the workers' answers, so the split follows who is free.
        share_out(
            len(todo), jobs - 1, _check_in_worker, lambda n: take((n, n + 1), None), lambda answer: take(*answer), per_task=_FILES_PER_TASK, ahead=3
        )
    finally:
        _CHECKING.clear()
    return done


class Unloaded(NamedTuple):
    """A file left unloaded: its outline, and the loader of its declarations (as they were when its key was made)."""

    outline: Outline
    load: Callable[[], FileDecl]


class SourceChanged(OSError):
    """A plan file left unloaded changed before the build came to load it: its outputs would not match."""

    def __init__(self, path: str) -> None:
        super().__init__(errno.EAGAIN, "the file changed while Tierwise was reading the project; run the command again", path)


def _whole_file(path: str, key: str, cache: BuildCache) -> Callable[[], FileDecl]:
    """The loader of a file left unloaded: its declarations as they were when its key was made (once)."""
    loaded: list[FileDecl] = []

    def load() -> FileDecl:
        if not loaded:
            found = cache.get("parse", key)
            if isinstance(found, tuple) and len(found) == 3 and isinstance(found[1], FileDecl):
                loaded.append(found[1])
            else:  # the entry went (the cache was cleared meanwhile): the file itself, if it is the same
                try:
                    text, decl, _ = parse_file(Path(path))
                except OSError:  # removed or made unreadable since the build read it: changed all the same
                    raise SourceChanged(path) from None
                if decl is None or key_of(language_fingerprint(), path, text.encode("utf-8")) != key:
                    raise SourceChanged(path)
                loaded.append(decl)
        return loaded[0]

    return load


def _keep_outlines(
    decls: Sequence[FileDecl], resolution: Resolution, cache: BuildCache, keys: dict[str, str], outlines: dict[str, Outline],
    skip: frozenset[str],
) -> None:
    """Keep in the cache the outline of each file loaded whole this time, for the next build to leave it unloaded, but
    those in `skip`: the files the parser had something to say about (an outline has no diagnostics to repeat) and those
    outlined beside their findings already."""
    by_file: dict[str, list[Vendor]] = {}
    for decl, vendor in resolution.vendors:
        by_file.setdefault(decl.pos.file, []).append(vendor)
    for file in decls:
        key = keys.get(file.path)
        if key is None or file.path in outlines or file.path in skip or cache.has(OUTLINE_KIND, key):
            continue
        outline = outline_of(file, tuple(by_file.get(file.path, ())))
        if outline is not None:
            cache.put(OUTLINE_KIND, key, outline)


# --- resolution -------------------------------------------------------------------------


def resolve(
    decls: Sequence[FileDecl],
    keep: bool = False,
    unloaded: dict[str, Unloaded] | None = None,
) -> Resolution:
    """Resolve every vendor's references against its own and the shared definitions.

    `keep`: remember the vendors for the next call, which reuses those whose declaration and shared
    definitions are the very same objects (a one-shot process keeps nothing: it would only hold memory).
    `unloaded`: the files left unloaded, by path, each its outline and the loader of its declarations;
    their vendors are lazy (dsl/language/outline.py), resolved as these are when first read.
    """
    shared_calendars = [c for d in decls for c in d.calendars]
    shared_schemes = [s for d in decls for s in d.schemes]
    inputs = (*shared_calendars, None, *shared_schemes)
    fresh: dict[int, tuple[VendorDecl, tuple[object, ...], Vendor]] = {}
    def vendor(file: FileDecl, index: int, decl: VendorDecl) -> Vendor:
        left = (unloaded or {}).get(file.path)
        if left is not None and left.outline.file is file:
            return lazy_vendor(left.outline.faces[index], lambda: _resolve_vendor(left.load().vendors[index], shared_calendars, shared_schemes))
        return _resolved(decl, shared_calendars, shared_schemes, inputs, fresh)

    vendors = tuple((decl, vendor(d, n, decl)) for d in decls for n, decl in enumerate(d.vendors))
    _LAST_RESOLVED.clear()  # only the last project's: a long-running process does not keep every version of a file
    if keep:
        _LAST_RESOLVED.update(fresh)
    # Of two vendors with one id (reported by the checks) the first is kept.
    unique = {v.id: v for _, v in reversed(vendors)}
    # Issue 10: the project's horizon, from the first file that declares one (the checks report others).
    horizon = next((h for d in decls for h in d.horizons), None)
    return Resolution(Project(tuple(sorted(unique.values(), key=lambda v: v.id)), horizon), vendors)


# A vendor is a pure function of its declaration and the shared definitions, all immutable. A process
# that loads the project again and again (`serve`, with the build cache in memory) gets the very same
# declaration objects for the files that did not change: their vendors are not resolved again.
_LAST_RESOLVED: dict[int, tuple[VendorDecl, tuple[object, ...], Vendor]] = {}


def _resolved(
    decl: VendorDecl,
    shared_calendars: list[Calendar],
    shared_schemes: list[PriorityScheme],
    inputs: tuple[object, ...],
    fresh: dict[int, tuple[VendorDecl, tuple[object, ...], Vendor]],
) -> Vendor:
    """`_resolve_vendor`, or the vendor resolved last time from these very objects (`inputs`: the shared ones)."""
    found = _LAST_RESOLVED.get(id(decl))
    if found is not None and found[0] is decl and len(found[1]) == len(inputs) and all(a is b for a, b in zip(found[1], inputs, strict=True)):
        vendor = found[2]
    else:
        vendor = _resolve_vendor(decl, shared_calendars, shared_schemes)
    fresh[id(decl)] = (decl, inputs, vendor)  # holding `decl` keeps its id from being reused
    return vendor


def _resolve_vendor(decl: VendorDecl, shared_calendars: list[Calendar], shared_schemes: list[PriorityScheme]) -> Vendor:
    # Local definitions shadow shared ones of the same name.
    calendars = {c.id: c for c in shared_calendars}
    calendars.update({c.id: c for c in decl.calendars})
    schemes = {s.id: s for s in shared_schemes}
    schemes.update({s.id: s for s in decl.schemes})

    language = decl.language.name if decl.language is not None else SOURCE_LANGUAGE_FALLBACK
    name = decl.name.resolve(language, language)[0] if decl.name is not None else decl.id

    scheme = None
    if decl.priorities is not None:
        scheme = schemes.get(decl.priorities.name)
    elif len(decl.schemes) == 1:
        scheme = decl.schemes[0]

    plans = merge_plans(decl.plans)
    used: dict[str, Calendar] = {}

    def use_calendar(ref: str | None) -> None:
        if ref is not None and ref in calendars:
            used.setdefault(ref, calendars[ref])

    for contact in decl.contacts:
        use_calendar(contact.hours)
        use_calendar(contact.answered)
    for cal in decl.calendars:
        used.setdefault(cal.id, cal)
    for plan in plans:
        for target in plan.targets:
            use_calendar(target.calendar)
        for cov in plan.coverage:
            use_calendar(cov.calendar)
        for ob in plan.obligations:
            use_calendar(ob.calendar)
        for penalty in plan.penalties:  # `penalty obligation report … per business day on office` (lang17)
            use_calendar(penalty.calendar)
        for channel_hours in plan.channel_hours:
            use_calendar(channel_hours.calendar)
        if plan.maintenance is not None:
            use_calendar(plan.maintenance.calendar)
        if plan.availability is not None:
            use_calendar(plan.availability.calendar)

    return Vendor(
        id=decl.id,
        name=name,
        language=language,
        intro=decl.intro,
        website=decl.website,
        notes=decl.notes,
        contacts=decl.contacts,
        segments=decl.segments,
        footnotes=decl.footnotes,
        categories=decl.categories,
        features=decl.features,
        metrics=decl.metrics,
        priorities=scheme,
        calendars=tuple(sorted(used.values(), key=lambda c: c.id)),
        plans=plans,
        pos=decl.pos,
        cases=decl.cases,
        contact_groups=decl.contact_groups,
        sources=decl.sources,
        editorial_notes=decl.editorial_notes,
        support_languages=decl.support_languages,
        language_only=decl.language_only,
        also_languages=tuple(ref.name for ref in decl.also_languages),
    )


def merge_plans(declared: tuple[Plan, ...]) -> tuple[Plan, ...]:
    """Merge each plan with what it extends; a plan's own statements win.

    A plan whose parent is unknown, or lies in a circle of plans extending each
    other, keeps only its own statements; `checks.check_extends` reports why.
    """
    by_id = {p.id: p for p in declared}
    merged: dict[str, Plan] = {}

    def merge(plan: Plan, chain: tuple[str, ...]) -> Plan:
        if plan.id in merged:
            return merged[plan.id]
        parent_decl = by_id.get(plan.extends) if plan.extends is not None else None
        if plan.extends is None:
            merged[plan.id] = plan
            return plan
        if parent_decl is None or plan.extends in chain or plan.extends == plan.id:
            merged[plan.id] = dataclasses.replace(plan, extends=None)
            return merged[plan.id]
        parent = merge(parent_decl, (*chain, plan.id))
        own = {c.feature for c in plan.cells}
        cells = tuple(c for c in parent.cells if c.feature not in own) + plan.cells
        # `no target …` and `no coverage …` (lang17) leave out what the plan's own lines would otherwise replace.
        own_targets = {(t.metric, t.priority, t.case) for t in plan.targets} | {d.key() for d in plan.dropped if d.kind == "target"}
        targets = tuple(t for t in parent.targets if (t.metric, t.priority, t.case) not in own_targets) + plan.targets
        own_cov = {(c.priority, c.case) for c in plan.coverage} | {d.key()[1:] for d in plan.dropped if d.kind == "coverage"}
        coverage = tuple(c for c in parent.coverage if (c.priority, c.case) not in own_cov) + plan.coverage
        # An obligation the plan words anew keeps its parent's place: Gold's monthly visit, replacing Silver's
        # quarterly one, is still the first of the tier's commitments, not moved after the report.
        own_obl = {o.id: o for o in plan.obligations}
        inherited = {o.id for o in parent.obligations}
        obligations = tuple(own_obl.get(o.id, o) for o in parent.obligations) + tuple(o for o in plan.obligations if o.id not in inherited)
        merged[plan.id] = dataclasses.replace(
            plan,
            cells=cells,
            targets=targets,
            coverage=coverage,
            obligations=obligations,
            channels=plan.channels or parent.channels,
            channels_pos=plan.channels_pos if plan.channels else parent.channels_pos,
            # A channel's plan hours go with the channel list they were written in.
            channel_hours=plan.channel_hours if plan.channels else parent.channel_hours,
            channel_priorities=plan.channel_priorities if plan.channels else parent.channel_priorities,
            support_languages=plan.support_languages or parent.support_languages,
            # A plan's own contract line replaces its parent's whole line, not part of it.
            contract=plan.contract or parent.contract,
        )
        if plan.availability is None and not plan.credits and not plan.no_credits:
            # Credits go with the availability they were written beside: a plan stating its own keeps only its own.
            merged[plan.id] = dataclasses.replace(
                merged[plan.id], availability=parent.availability, credits=parent.credits, credits_pos=parent.credits_pos,
                no_credits=parent.no_credits,
            )
        if plan.maintenance is None:
            merged[plan.id] = dataclasses.replace(merged[plan.id], maintenance=parent.maintenance)
        if not plan.penalties and not plan.no_penalties and plan.penalty_total is None:
            # As credits: a plan that writes its own penalties (or `penalty none`, or a total) keeps only its own, as a whole.
            merged[plan.id] = dataclasses.replace(
                merged[plan.id], penalties=parent.penalties, no_penalties=parent.no_penalties, penalties_pos=parent.penalties_pos,
                penalty_total=parent.penalty_total,
            )
        return merged[plan.id]

    for plan in declared:
        merge(plan, ())
    return tuple(merged[p.id] for p in declared if p.id in merged)


# --- names the system cannot look up -----------------------------------------


def _unusable_name(path: Path) -> Diagnostic | None:
    """T0202 for a path the system refuses to look up (a name too long, a loop of links); None when it can."""
    try:
        path.exists()
    except OSError as exc:
        shown = str(path) if len(str(path)) <= 200 else str(path)[:200] + "…"
        return error(f"'{shown}' cannot be looked up: {exc.strerror or exc}", Pos(shown, 0, 0),
                     "name a .plan file or a folder of them; each name in a path is at most 255 bytes", code="T0202")
    return None


def _plan_files_below(folder: Path) -> list[Path] | Diagnostic:
    """The .plan files below `folder`, sorted; T0203 when it cannot be listed (a sub-folder removed while listed, three times)."""
    for _ in range(3):
        try:
            return sorted(folder.rglob("*.plan"), key=_path_order)
        except OSError as exc:  # pathlib's walk raises when a folder disappears between listing and reading it
            problem = exc
    return error(f"cannot list the plan files in '{folder}': {problem.strerror or problem}", Pos(str(folder), 0, 0),
                 "something else was changing the folder; run again", code="T0203")


def _path_order(path: Path) -> tuple[str, ...]:
    # The order Path's own comparison gives (by parts, on POSIX), without its 10,000 method calls at 1,000 files.
    return path.parts
