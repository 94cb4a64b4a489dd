"""The build cache: what a run computed from a plan file, kept so that the next run need not compute it again.

A cache entry is found by a key that hashes everything the result depends on: the file's path and bytes,
and the fingerprint of the code that made it (Tierwise's version and the source of its modules, the
grammar included, and the versions of the libraries that shape what it keeps). A file that changed, or a
Tierwise that changed, finds no entry and is parsed again; nothing is ever looked up by a modification
time, so nothing can be stale. Entries are written through a temporary file and a rename, so a killed
run leaves no half entry; an entry that cannot be read counts as missing.

The cache lives in `.tierwise-cache/` in the project root (Git ignores it) and may be removed at any
time. TIERWISE_CACHE=off turns it off, and the user's caches (the parser, holiday dates, catalogs) with it.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

CACHE_FOLDER = ".tierwise-cache"
"""The cache's folder in a project root."""


def cache_off() -> bool:
    """Whether TIERWISE_CACHE turns every cache off: the project's and the user's (parser, holiday dates, catalogs)."""
    return os.environ.get("TIERWISE_CACHE", "").strip().lower() in ("off", "0", "no", "false")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


@cache
def _installed() -> dict[str, str]:
    """Every distribution on sys.path by normalized name, with its version, from the `<name>-<version>.dist-info` folders.

    The names of these folders are the standard record of what is installed (PyPA's "Recording installed
    projects"): reading them is one directory listing per path entry, where importlib.metadata costs
    every process 45 ms to import and to parse each package's METADATA. The first found wins, as for imports.
    """
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for folder in names:
            stem = folder[: -len(".dist-info")]
            if folder.endswith(".dist-info") and stem.count("-") == 1:
                name, number = stem.split("-")
                found.setdefault(_normal(name), number)
    return found


def version(name: str) -> str:
    """The installed version of the distribution `name`, "unknown" when it is not installed."""
    found = _installed().get(_normal(name))
    if found is not None:
        return found
    import importlib.metadata  # an unusual installation (an egg, a zip): ask the library

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def tool_version() -> str:
    """The installed Tierwise version ("unknown" when run from a checkout that is not installed)."""
    return version("tierwise")


SHAPING_LIBRARIES = ("lark", "babel", "markdown-it-py", "mdurl", "jinja2", "markupsafe", "phonenumbers", "holidays")
"""The libraries whose behaviour or data is in what the cache keeps: parse results, CLDR's words and numbers, rendered
Markdown, escaped HTML, phone number forms, holiday names. A cached entry is as stale after an upgrade of one of them
as after an edit of Tierwise's own code. (The zone data, which may come from the system, is in `datasets.data_versions`.)"""


def library_versions() -> str:
    """The installed versions of the shaping libraries, one line each."""
    return "\n".join(f"{name}=={version(name)}" for name in SHAPING_LIBRARIES)


@cache
def fingerprint(*folders: str) -> str:
    """A hash of Tierwise's version, the shaping libraries' versions and every source file (.py, .lark, .json) in the
    given package folders."""
    digest = hashlib.sha256(tool_version().encode() + b"\0" + library_versions().encode() + b"\0")
    for folder in folders:
        for path in sorted(Path(folder).rglob("*")):
            if path.suffix in (".py", ".lark", ".json") and path.is_file():
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def language_fingerprint() -> str:
    """The fingerprint of the code that turns a plan file into declarations and diagnostics (dsl/language)."""
    return fingerprint(str(Path(__file__).resolve().parent))


_TEMPORARY = itertools.count()


def _temporary(folder: str, prefix: str) -> tuple[int, str]:
    """A new file of this process in `folder`, opened for writing: named by the process and a counter, as a cold build
    makes 20,000 of them and mkstemp's random names cost more than its one system call; mkstemp where one exists."""
    tmp = os.path.join(folder, f"{prefix}{os.getpid()}-{next(_TEMPORARY)}")
    try:
        return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), tmp
    except FileExistsError:  # left by a killed process that had the same id
        return tempfile.mkstemp(prefix=prefix, dir=folder)


def replace_with(path: str, folder: str, prefix: str, write: Callable[[BinaryIO], None]) -> None:
    """Make the file `path` with `write`, through a temporary file in `folder` renamed over it: readers see the whole
    file or the one before, and a killed run leaves no half file (its temporary one is removed on an error)."""
    fd, tmp = _temporary(folder, prefix)
    try:
        with os.fdopen(fd, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def user_cache_folder() -> Path | None:
    """Where Tierwise keeps what it can rebuild for every project: $XDG_CACHE_HOME/tierwise, else ~/.cache/tierwise.

    None when the caches are off (TIERWISE_CACHE=off) or there is no home folder to keep one in.
    """
    if cache_off():
        return None
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:  # no home folder
        return None
    return Path(base) / "tierwise"


def kept_for_user(name: str, key: str, make: Callable[[], Any]) -> Any:
    """`make()`, kept in the user's cache folder under `name` and `key` (a hash of everything it depends on).

    For what is the same in every project and costly to make again in each process (a country's holiday
    dates). A value that cannot be read or kept is made again; a killed run leaves no half file.
    """
    found = user_cached(name, key)
    if found is not None:
        return found[0]
    value = make()
    keep_for_user(name, key, value)
    return value


def user_cached(name: str, key: str) -> tuple[Any] | None:
    """The value kept in the user's cache under `name` and `key`, in a 1-tuple; None when none can be read."""
    folder = user_cache_folder()
    if folder is None:
        return None
    try:
        with open(folder / f"{name}-{key[:32]}.pickle", "rb") as fh:
            found = pickle.load(fh)
        if isinstance(found, tuple) and len(found) == 2 and found[0] == key:
            return (found[1],)
    except Exception:  # none yet, damaged, or from a killed run
        pass
    return None


def keep_for_user(name: str, key: str, value: Any) -> None:
    """Keep `value` in the user's cache under `name` and `key` (nothing when there is no such cache or it cannot be written)."""
    folder = user_cache_folder()
    if folder is None:
        return
    path = folder / f"{name}-{key[:32]}.pickle"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        replace_with(str(path), str(folder), f".{name}-", lambda fh: pickle.dump((key, value), fh, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        pass


def key_of(*parts: str | bytes) -> str:
    """One key for several parts (each hashed with its length, so parts cannot run into each other)."""
    chunks: list[bytes] = []
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        chunks += (len(data).to_bytes(8, "little"), data)
    # One update of the whole: the same digest as one per part, at a fraction of the calls (a build makes 20,000 keys).
    return hashlib.sha256(b"".join(chunks)).hexdigest()


PACKED_KINDS: set[str] = set()
"""The kinds of small entries every build reads for every vendor, kept together in the pack as well (`pack_kinds`)."""


def pack_kinds(*kinds: str) -> None:
    """Name kinds of entries the pack holds: the module that owns a kind names it (the loader its outlines and
    findings, the site its cards, rows and page descriptions)."""
    PACKED_KINDS.update(kinds)

_TAIL = "#tail"
"""The memory cache's kind suffix of a value's tail."""

PACK_FILE = "pack.pickle"
"""The pack: the small entries the last build used, in one file (see `BuildCache.save_pack`)."""

GROUP_KIND = "group"
"""The folder of groups: entries made together (one vendor's pages, cards, rows and rules) kept in one file (`put_group`)."""


class BuildCache:
    """Pickled results in folders by kind, each under its key; the small ones of the last build also in one pack."""

    def __init__(self, folder: Path, keep_in_memory: bool = False) -> None:
        self.folder = folder
        self._root = os.fspath(folder)
        self.hits = 0
        self.misses = 0
        # A long-running process (`serve`) keeps what it read or wrote, so a rebuild unpickles nothing
        # it has seen: the values are immutable, and a key names the same value forever.
        self.memory: dict[tuple[str, str], Any] | None = {} if keep_in_memory else None
        # A build after one edit at 1,000 vendors reads some 15,000 small entries, a few hundred bytes
        # each: opening that many files took longer than everything they hold. The pack holds the
        # ones the last build used, read in one go. A key names the same value forever, so an entry
        # of the pack is as good as its file; a pack that cannot be read is an empty one.
        self._pack: dict[tuple[str, str], Any] | None = None
        # Only the keys: holding every value a cold build made until its end would hold them all in memory.
        self._used: set[tuple[str, str]] = set()
        self._pid = os.getpid()  # a forked worker's entries are the build's to record, not its own
        self._folders: set[str] = set()
        self._grouped: dict[tuple[str, str], str] = {}
        """The group each used entry of a packed kind was found or put in (`get`, `put_group`, `note_used`), for `save_pack`."""
        self._group_read: tuple[str, dict[Any, Any] | None, dict[Any, Any] | None] = ("", None, None)
        """The group read last: its name, small entries and (when read) large ones; asks for one group come together."""

    def _path(self, kind: str, key: str) -> str:
        # Plain strings: a build looks up tens of thousands of entries, and pathlib's joins add up. One folder a kind,
        # not git's 256 by the key's first two digits: on ext4, making a file in one of many folders cost about half as
        # much again as making it beside the last (benchmarks/README.md, fifteenth session).
        return os.path.join(self._root, kind, key)

    def _packed(self) -> dict[tuple[str, str], Any]:
        if self._pack is None:
            self._pack = {}
            try:
                with open(os.path.join(self._root, PACK_FILE), "rb") as fh:
                    found = pickle.load(fh)
                if isinstance(found, dict):
                    self._pack = found
            except Exception:  # none yet, or damaged: every entry is read from its own file
                pass
        return self._pack

    def get(self, kind: str, key: str, group: str | None = None) -> Any | None:
        """The value stored under `key`, or None when there is none (or it cannot be read); `group` names the group
        (`put_group`) it may have been stored in, looked in when the entry has no file of its own."""
        if self.memory is not None and (kind, key) in self.memory:
            self.hits += 1
            return self.memory[kind, key]
        if kind in PACKED_KINDS and self.memory is None:
            packed = self._packed().get((kind, key))
            if packed is not None:
                self.hits += 1
                self._used.add((kind, key))
                return packed
        try:
            with open(self._path(kind, key), "rb") as fh:
                value = pickle.load(fh)
        except FileNotFoundError:
            value = self._in_group(group, kind, key) if group is not None else None
            if value is None:
                self.misses += 1
                return None
        except Exception:  # a damaged entry is a missing one; it is overwritten below
            self.misses += 1
            return None
        else:
            group = None
        self.hits += 1
        if self.memory is not None:
            self.memory[kind, key] = value
        elif kind in PACKED_KINDS and os.getpid() == self._pid:
            self._used.add((kind, key))
            if group is not None:
                self._grouped[kind, key] = group
        return value

    def has(self, kind: str, key: str, group: str | None = None) -> bool:
        """Whether a value is stored under `key` (without reading it): in its own file, or in `group`'s."""
        if self.memory is not None and (kind, key) in self.memory:
            return True
        if kind in PACKED_KINDS and self.memory is None and (kind, key) in self._packed():
            return True
        if os.path.isfile(self._path(kind, key)):
            return True
        return group is not None and os.path.isfile(self._path(GROUP_KIND, group))

    def put(self, kind: str, key: str, value: Any, tail: Any = None) -> None:
        """Store `value` under `key`; a cache that cannot be written is no error (the next run computes again).

        `tail`: a second, larger value stored after it in the same file, read only by `tail` (a page's text
        beside its description): `get` reads the value and stops.
        """
        if self.memory is not None:
            self.memory[kind, key] = value
            if tail is not None:
                self.memory[kind + _TAIL, key] = tail
        elif kind in PACKED_KINDS and os.getpid() == self._pid:
            self._used.add((kind, key))
        def write(fh: BinaryIO) -> None:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            if tail is not None:
                pickle.dump(tail, fh, protocol=pickle.HIGHEST_PROTOCOL)

        self._write(self._path(kind, key), write)

    def _write(self, path: str, write: Callable[[BinaryIO], None]) -> None:
        """Make the entry file `path` with `write`; a cache that cannot be written is no error (the next run computes again)."""
        try:
            folder = os.path.dirname(path)
            if folder not in self._folders:  # a folder once per run, not once per entry (a cold build writes 20,000)
                os.makedirs(folder, exist_ok=True)
                self._folders.add(folder)
            try:
                replace_with(path, folder, ".tmp-", write)
            except FileNotFoundError:  # the cache was removed meanwhile: make its folder again
                os.makedirs(folder, exist_ok=True)
                replace_with(path, folder, ".tmp-", write)
        except (OSError, pickle.PicklingError, RecursionError):
            pass

    def put_group(self, group: str, entries: Sequence[tuple[str, str, Any, Any]]) -> None:
        """Store entries made together, each (kind, key, value, tail) as `put` takes them, in one file named `group`.

        A cold build made sixteen files a vendor, and making a file cost more than pickling what it holds;
        one vendor's pages, cards, rows and rules are made at once, and a later run looks for each under
        its own key and the vendor's group (`get`, `tail` and `has` take it). `group` must name its
        entries forever, as a key does: a hash of every key in it. The small entries of packed kinds come
        first in the file, so reading one of them (or all of them, for the pack) does not unpickle the pages.
        """
        if self.memory is not None:  # a long-running process keeps them as `put` does
            for kind, key, value, tail in entries:
                self.put(kind, key, value, tail)
            return
        small: dict[tuple[str, str], Any] = {}
        large: dict[tuple[str, str], Any] = {}
        for kind, key, value, tail in entries:
            (small if kind in PACKED_KINDS else large)[kind, key] = value
            if tail is not None:
                large[kind + _TAIL, key] = tail
            if kind in PACKED_KINDS and os.getpid() == self._pid:
                self._used.add((kind, key))
                self._grouped[kind, key] = group

        def write(fh: BinaryIO) -> None:
            pickle.dump(small, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(large, fh, protocol=pickle.HIGHEST_PROTOCOL)

        self._write(self._path(GROUP_KIND, group), write)

    def _in_group(self, group: str, kind: str, key: str, tail: bool = False) -> Any | None:
        """The value (or with `tail`, the tail) of an entry kept in `group`'s file; None when it holds none or cannot be read."""
        large_too = tail or kind not in PACKED_KINDS
        parts = self._group_parts(group, large_too)
        if parts is None:
            return None
        small, large = parts
        if not large_too:
            return small.get((kind, key))
        return large.get((kind + _TAIL, key) if tail else (kind, key)) if large is not None else None

    def _group_parts(self, group: str, large_too: bool) -> tuple[dict[Any, Any], dict[Any, Any] | None] | None:
        """A group file's small entries and, when `large_too`, its large ones (pages, rule files, tails), read once for
        the asks about one vendor that come together; None when the file is missing or damaged."""
        name, small, large = self._group_read
        if name == group and small is not None and (large is not None or not large_too):
            return small, large
        try:
            with open(self._path(GROUP_KIND, group), "rb") as fh:
                small = pickle.load(fh)
                large = pickle.load(fh) if large_too else None
        except Exception:  # none, or damaged: a miss
            return None
        if not isinstance(small, dict) or (large_too and not isinstance(large, dict)):
            return None
        self._group_read = (group, small, large)
        return small, large

    def note_used(self, kind: str, key: str, group: str | None = None) -> None:
        """Count an entry another process wrote for this run (in `group`, if it was put in one) as used, for the pack
        (`put` and `put_group` note their own)."""
        if kind in PACKED_KINDS and self.memory is None:
            self._used.add((kind, key))
            if group is not None:
                self._grouped[kind, key] = group

    def tail(self, kind: str, key: str, group: str | None = None) -> Any | None:
        """The tail stored after the value under `key` (see `put`), or None when there is none; `group` as for `get`."""
        if self.memory is not None and (kind + _TAIL, key) in self.memory:
            return self.memory[kind + _TAIL, key]
        try:
            with open(self._path(kind, key), "rb") as fh:
                pickle.load(fh)
                value = pickle.load(fh)
        except FileNotFoundError:
            value = self._in_group(group, kind, key, tail=True) if group is not None else None
            if value is None:
                return None
        except Exception:  # no tail, or a damaged entry
            return None
        if self.memory is not None:
            self.memory[kind + _TAIL, key] = value
        return value

    def save_pack(self) -> None:
        """Keep the small entries this run read or wrote as the pack the next run reads at once (unless it holds
        nearly just those already); entries stay in their own files too, so a pack lost or stale costs time, never a result."""
        if self.memory is not None or not self._used:
            return
        packed = self._packed()
        # Rewriting it whole (17 MB at 1,000 vendors) after every edit would cost more than the few entries an
        # edit adds cost the next run to read from their own files: the pack is written again only when it
        # lacks more than one in fifty of the entries used, or holds as many unused as half of them.
        missing = len(self._used - packed.keys())
        unused = len(packed.keys() - self._used)
        if missing * 50 <= len(self._used) and unused * 2 <= len(self._used):
            return
        entries: dict[tuple[str, str], Any] = {}
        # Made in a group by this run (a cold build's): read a vendor's file once for all its entries, not once for each.
        grouped = sorted((self._grouped[entry], entry) for entry in self._used - packed.keys() if entry in self._grouped)
        from_groups = {entry: self._in_group(group, *entry) for group, entry in grouped}
        for kind, key in sorted(self._used):
            value = packed.get((kind, key))
            if value is None:
                value = from_groups.get((kind, key))
            if value is None:  # made or read from its file by this run: read back
                try:
                    with open(self._path(kind, key), "rb") as fh:
                        value = pickle.load(fh)
                except Exception:
                    continue
            entries[kind, key] = value
        try:
            pack = os.path.join(self._root, PACK_FILE)
            replace_with(pack, self._root, ".pack-", lambda fh: pickle.dump(entries, fh, protocol=pickle.HIGHEST_PROTOCOL))
        except (OSError, pickle.PicklingError, RecursionError):
            pass


def project_cache(root: Path | None) -> BuildCache | None:
    """The build cache of the project at `root`, or None (no root, or TIERWISE_CACHE=off)."""
    if root is None or cache_off():
        return None
    return BuildCache(root / CACHE_FOLDER)


FORKING_ALLOWED = False
"""Set by the command line (a one-shot process): library callers, tests and `serve` build in one process."""


def worker_count() -> int:
    """How many processes a build may use: TIERWISE_JOBS, else the cores this process may run on.

    One while the process runs other threads (`serve`'s web server, a test harness): a forked child
    holds only the forking thread, and a lock another thread held at that moment (a stream's, the
    import lock) would never be released in it.
    """
    import threading

    if not FORKING_ALLOWED or threading.active_count() > 1:
        return 1
    value = os.environ.get("TIERWISE_JOBS", "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


_R = TypeVar("_R")


def share_out(
    total: int,
    workers: int,
    in_worker: Callable[[tuple[int, int]], _R],
    here: Callable[[int], None],
    take: Callable[[_R], None],
    per_task: int = 1,
    ahead: int = 2,
) -> None:
    """Items 0 … total-1 split between `workers` forked processes and this one, as whoever is free takes the next.

    `in_worker((start, end))` runs in a worker on a task of up to `per_task` items, and its answer goes to
    `take` here; between answers this process does one item itself with `here(n)`. Up to `ahead` tasks per
    worker are out at once: a pool's feeder would hand every task out at the start, and the split would no
    longer follow who is free. What `in_worker` needs is set before the call, in this process's globals: the
    workers are forked, so they share it instead of having it pickled.
    """
    import gc
    import multiprocessing
    from multiprocessing.pool import AsyncResult

    # The workers share this process's objects copy-on-write. A garbage collection in a worker would write to
    # every one of them (their collector headers) and so copy the whole heap into each worker: the objects that
    # exist now are moved out of the collector's reach until the workers are done.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            in_flight: list[AsyncResult[_R]] = []
            following = 0
            while following < total or in_flight:
                while len(in_flight) < ahead * workers and following < total:
                    task = (following, min(total, following + per_task))
                    in_flight.append(pool.apply_async(in_worker, (task,)))
                    following = task[1]
                for ready in [task for task in in_flight if task.ready()]:
                    in_flight.remove(ready)
                    take(ready.get())
                if following < total:
                    following += 1
                    here(following - 1)
                elif in_flight:
                    # Every answer is taken before the pool is left: leaving it while a worker waits for work
                    # runs Pool.terminate(), which can wait forever on the lock that worker holds.
                    take(in_flight.pop(0).get())
            pool.close()
            pool.join()
    finally:
        gc.unfreeze()
