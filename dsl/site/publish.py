"""Publishing: render the site and the rule files into a fresh directory, then swap it in.

A build never touches the published site until everything has been written:
pages, catalogs and rules go to a temporary directory beside it, and only a
complete build is switched in, in one rename(2) of a symbolic link (see "the
atomic switch" below). A failed build prints a located error and leaves the
previous site byte for byte as it was. Builds are
reproducible: every iteration is sorted, and nothing records a time or a path.
"""

from __future__ import annotations

import ctypes
import fcntl
import glob
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TextIO
from urllib.parse import urlsplit

from dsl.language.cache import BuildCache, key_of
from dsl.language.model import Project, Vendor
from dsl.language.progress import Progress
from dsl.language.settings import DEFAULT_SETTINGS, Settings
from dsl.language.vocabulary import RESERVED_IDS
from dsl.rules.export import ExportError, conformance_files, dumps, export_failure, export_project, schema_text, source_date_epoch
from dsl.site import branding, parallel
from dsl.site import views as site
from dsl.site.incremental import Reuse, RuleTexts, Stats, given, vendor_fragment
from dsl.site.render import (
    DEFAULT_BASE_URL,
    LOCALES,
    TEMPLATES,
    BuildError,
    compile_catalogs,
    copy_assets,
    normal_base_url,
    render_site,
    templates_cached_in,
    write_file,
)


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file and a rename, so readers never see half a file."""
    path = Path(path)
    if _is_stream(path):
        _write_stream(path, text)
        return
    path = Path(os.path.realpath(path))  # a link stays a link: the file it points to is replaced
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file 0600; a published file gets the mode any new file gets (0666 less the umask).
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# `rules -o /dev/full` (as root) replaced the device node with a regular file: the rename swaps whatever
# the name holds. A device, a pipe or a socket is written to as a stream (`-o /dev/stdout` works), never
# replaced.


def _is_stream(path: Path) -> bool:
    """Whether `path` names an existing device, pipe or socket (through links), which is written to, not replaced."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_stream(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


def write_rules(
    project: Project, out: Path, years: tuple[int, int], languages: tuple[str, ...] | None = None, reuse: Reuse | None = None
) -> None:
    """Write rules/all.json, rules/<vendor>.json and rules/schema.json through the rules' public export."""
    rules = out / "rules"
    rules.mkdir(parents=True, exist_ok=True)
    langs = languages or DEFAULT_SETTINGS.languages
    if reuse is not None:
        _write_rules_reusing(project, out, years, reuse, langs)
        return
    write_file(rules, "all.json", dumps(export_project(project, years, languages=langs)))
    for vendor in sorted(project.vendors, key=lambda v: v.id):
        write_file(rules, f"{vendor.id}.json", dumps(export_project(Project((vendor,)), years, languages=langs)))
    write_file(rules, "schema.json", schema_text())
    # The vectors a consumer tests itself against, with the rules they hold for (docs/rules.md §10).
    for name, data in conformance_files().items():
        (rules / name).write_bytes(data)


# all.json is the header every rule document has and every vendor's part of it. Each vendor's
# document is exported once (or comes from the cache); all.json is put together from their parts as
# text, exactly as json.dumps would lay out the whole document (tests/test_incremental.py compares
# the two). A vendor's part is the text of doc["vendors"][id] indented to where it stands in all.json.

_VENDORS_SLOT = '"vendors": {}'


def _join_all(header: str, fragments: list[str]) -> str:
    """all.json from the header document (an empty "vendors" object) and the vendors' parts in order."""
    if not fragments:
        return header
    before, slot, after = header.partition(_VENDORS_SLOT)
    if not slot:
        return header
    # One join of every piece: joining the parts, then putting them in the header's slot, made all.json twice more.
    pieces = [before, '"vendors": {\n']
    for fragment in fragments:
        pieces += (fragment, ",\n")
    pieces[-1] = "\n  }"
    pieces.append(after)
    return "".join(pieces)


def _write_rules_reusing(
    project: Project, out: Path, years: tuple[int, int], reuse: Reuse, languages: tuple[str, ...] = DEFAULT_SETTINGS.languages
) -> None:
    entries: list[RuleTexts] = []
    contents: list[str | bytes] = [reuse.context_key, f"{years[0]}-{years[1]}"]
    vendors = sorted(project.vendors, key=lambda v: v.id)
    for vendor in vendors:
        reuse.tick("rule files", len(entries), len(project.vendors))
        make = partial(_vendor_rules, vendor, years, languages)
        entry = reuse.rules(vendor.id, years, make)
        if entry is None:
            made = make()
            reuse.keep_rules(vendor.id, years, *made)
            entry = RuleTexts(given(made[0]), given(made[1]))
        source = reuse.source("rules", vendor.id, f"{years[0]}-{years[1]}")
        relative = f"rules/{vendor.id}.json"
        reuse.write(out, relative, entry.text, source)
        entries.append(entry)
        # What the vendor's rule file holds (the digest the writer kept or made): its part of all.json is
        # made from the same document, so the same rule files give the same all.json.
        contents += [vendor.id, reuse.written[relative][0] if relative in reuse.written else b""]
    # all.json lists the vendors in the project's order, which is by id (the loader sorts them).
    order = {v.id: n for n, v in enumerate(project.vendors)}
    ranked = [entry for _, entry in sorted(zip((v.id for v in vendors), entries, strict=True), key=lambda p: order[p[0]])]

    def whole() -> str:
        header = dumps(export_project(Project(()), years, languages=languages))
        return _join_all(header, [entry.part() for entry in ranked])

    # The same vendors' rule files under the same context (the code, the settings' languages) and years give
    # the same all.json: the published one is kept without a part being read, even after an edit of a vendor
    # that changed nothing in its rules.
    same = "all:" + key_of(*contents) if reuse.context_key and all(contents) else ""
    reuse.write(out, "rules/all.json", whole, same)
    reuse.write(out, "rules/schema.json", schema_text())
    for name, data in conformance_files().items():  # the vectors, as write_rules publishes them
        reuse.write_bytes(out, f"rules/{name}", data)


def _vendor_rules(vendor: Vendor, years: tuple[int, int], languages: tuple[str, ...]) -> tuple[str, str]:
    """A vendor's rule file and its part of all.json, exported from its own document."""
    doc = export_project(Project((vendor,)), years, languages=languages)
    text = dumps(doc)
    return text, vendor_fragment(doc, vendor.id, text)


def published_project(project: Project, settings: Settings) -> Project:
    """The vendors the site publishes: a vendor's own site (mode "vendor") that vendor only, pages and rules; else all."""
    if settings.mode == "vendor":
        return Project(tuple(v for v in project.vendors if v.id == settings.vendor))
    return project


def build_into(
    project: Project,
    out: Path,
    years: tuple[int, int],
    base_url: str | None = None,
    templates: Path = TEMPLATES,
    locales: Path = LOCALES,
    stderr: TextIO = sys.stderr,
    reuse: Reuse | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[site.Warnings, list[str]]:
    """Render the whole site into `out` (no swapping): an empty folder, or a recycled version `reuse` updates; returns
    the warnings met and the pages' paths."""
    base = normal_base_url(base_url, settings.base_url)
    project = published_project(project, settings)
    for vendor in project.vendors:  # the check refuses these; a project built in code is refused here
        if vendor.id.lower() in (*RESERVED_IDS, *settings.languages):
            raise BuildError(str(vendor.pos), f"'{vendor.id}' cannot be a vendor id: the site uses that name itself")
    warnings = site.Warnings()
    words = compile_catalogs(locales, stderr, settings)
    if reuse is not None:
        parallel.prepare(project, reuse, words, base, templates, years, settings, root=out)
    written = render_site(project, out, words, base, templates, warnings, reuse, settings, years)
    copy_assets(templates, out, reuse)
    branding.copy_brand_assets(settings, out, reuse.write_bytes if reuse is not None else None)
    write_rules(project, out, years, settings.languages, reuse)
    return warnings, [path for path in written if path.endswith(".html") and not path.endswith("/embed.html")]


def _clamp_times(root: Path) -> None:
    """With SOURCE_DATE_EPOCH set, no file or folder of the build is newer than it (reproducible archives)."""
    stamp = source_date_epoch()
    if stamp is None:
        return
    for path in [*root.rglob("*"), root]:
        if path.lstat().st_mtime > stamp:
            os.utime(path, (stamp, stamp), follow_symlinks=False)


# --- the atomic switch ------------------------------------------------------------------------
# `out` (e.g. _site) is a symbolic link to a complete version folder beside it, `_site.v-XXXX`.
# A build writes `_site.build-XXXX`, renames it to a version name, makes a new link
# `_site.link-XXXX` to it and renames that link over `out`: rename(2) replaces the old link in
# one step, so at every moment `out` names a complete site, old or new. Then the old version is
# removed. Whatever a killed build leaves (build folders, links, versions nothing points to) is
# removed by the next build, under a lock, so two builds never remove each other's work.

BUILD_INFIX = ".build-"
VERSION_INFIX = ".v-"
LINK_INFIX = ".link-"
_RENAME_EXCHANGE = 2  # renameat2(2) flag: swap two names atomically (Linux)


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names `a` and `b` in one step with renameat2(RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    result = renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def _lock(out: Path) -> int:
    """Hold the publish lock of `out` (a file beside it) until the returned descriptor is closed."""
    fd = os.open(out.parent / f".{out.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _current_version(out: Path) -> str | None:
    """The name of the version folder `out` links to, or None when it is no such link."""
    if not out.is_symlink():
        return None
    target = os.readlink(out)
    return target if "/" not in target and target.startswith(out.name + VERSION_INFIX) else None


def clean_leftovers(out: Path) -> list[str]:
    """Remove what killed builds left beside `out`; returns the names removed. Call under the lock."""
    keep = _current_version(out)
    removed = []
    for path in sorted(out.parent.glob(f"{glob.escape(out.name)}.*")):
        name = path.name
        if name == keep or not name.startswith((out.name + BUILD_INFIX, out.name + VERSION_INFIX, out.name + LINK_INFIX)):
            continue
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
        else:
            shutil.rmtree(path, ignore_errors=True)
        removed.append(name)
    # Builds before the catalogs moved into the build folder compiled them in the temporary folder.
    for path in Path(tempfile.gettempdir()).glob("tierwise-catalogs-*"):
        try:
            if path.is_dir() and path.stat().st_uid == os.getuid() and time.time() - path.stat().st_mtime > 3600:
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path.name)
        except OSError:
            pass
    return removed


def _swap(new: Path, out: Path, remove: Callable[[Path], None] | None = None) -> None:
    """Make `out` a link to the finished build `new`, replacing the old site in one rename(2)."""
    if out.exists() and not out.is_dir() and not out.is_symlink():
        raise BuildError(str(out), "exists and is not a directory; refusing to replace it")
    old = _current_version(out)
    version = Path(tempfile.mkdtemp(prefix=out.name + VERSION_INFIX, dir=out.parent))
    os.rename(new, version)  # a directory over the empty one mkdtemp reserved
    link = out.parent / f"{out.name}{LINK_INFIX}{version.name[len(out.name + VERSION_INFIX):]}"
    os.symlink(version.name, link)  # relative: the pair can be moved together
    if out.is_dir() and not out.is_symlink():
        # The first build over a site published as a plain folder: swap folder and link in one step
        # where the system can, else (one time only) in two renames.
        kept = Path(tempfile.mkdtemp(prefix=out.name + VERSION_INFIX, dir=out.parent))
        if _exchange(link, out):
            os.rename(link, kept)  # `link` now names the old folder: keep it as a version to remove
        else:
            os.rename(out, kept)
            os.replace(link, out)
        shutil.rmtree(kept, ignore_errors=True)
        return
    os.replace(link, out)  # the atomic step
    if old is not None:
        _keep_as_spare(out, out.parent / old, remove or _remove_now)


# --- a stop held over the switch -----------------------------------------------------------------

HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)
"""The signals that stop `build` and `serve`: held off while a published version and its manifest are not yet in step."""


@contextmanager
def signals_held(signals: tuple[signal.Signals, ...] = HELD_SIGNALS) -> Iterator[None]:
    """Hold `signals` off over a block: one received meanwhile acts when the block ends, as it would have.

    Only in the main thread (the only one Python delivers signals to, and may set handlers in); elsewhere
    the block just runs. The handlers before are restored first, then each signal received is handed to
    its handler (SIGINT's default raises KeyboardInterrupt, after the others had their turn) or, for a
    default action, sent again.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[tuple[int, FrameType | None]] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        received.append((signum, frame))

    before: dict[signal.Signals, signal.Handlers | Callable[[int, FrameType | None], object] | int | None] = {}
    try:
        for signum in signals:
            before[signum] = signal.signal(signum, hold)
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        raised: BaseException | None = None
        for number, frame in dict(received).items():  # each signal once, in the order received
            handler = before.get(signal.Signals(number))
            try:
                if callable(handler):
                    handler(number, frame)
                elif handler != signal.SIG_IGN:  # the default action (a handler set outside Python, too): as if it came now
                    os.kill(os.getpid(), number)
            except BaseException as exc:  # KeyboardInterrupt: raised once every signal had its turn
                raised = raised or exc
        if raised is not None:
            raise raised


# --- the spare ----------------------------------------------------------------------------------
# The version a build replaces is not removed: it is renamed `_site.spare`, and the next build renames
# it to its build folder and updates it (dsl/site/incremental.py, `Reuse.recycle`) instead of making
# thousands of folders and links anew. The spare is never published while it is updated; `_site`
# switches to it in the same one rename(2) as to a new folder.

SPARE_SUFFIX = ".spare"


def _spare(out: Path) -> Path:
    return out.parent / f"{out.name}{SPARE_SUFFIX}"


def _keep_as_spare(out: Path, replaced: Path, remove: Callable[[Path], None]) -> None:
    """Keep the replaced version as the spare (an older spare, if one is left, is removed)."""
    spare = _spare(out)
    if spare.is_symlink() or spare.exists():
        stale = out.parent / f"{out.name}{VERSION_INFIX}spare-{os.getpid()}"
        os.rename(spare, stale)  # a version folder nothing links to: removed now or by the next build
        remove(stale)
    os.rename(replaced, spare)


def _recycle_spare(out: Path, new: Path) -> bool:
    """Move the spare into the empty build folder `new` (a directory over an empty one); False when there is none."""
    spare = _spare(out)
    if spare.is_symlink() or not spare.is_dir():
        return False
    try:
        os.rename(spare, new)
    except OSError:
        return False
    return True


def _remove_now(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def remove_in_background(folder: Path) -> None:
    """Remove a replaced version in a thread (`serve`): the new site is already in place, and a
    later build's clean-up removes whatever this leaves if the process ends first."""
    threading.Thread(target=shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}, daemon=True).start()


def publish(
    project: Project,
    out_dir: Path,
    years: tuple[int, int],
    *,
    base_url: str | None = None,
    templates: Path = TEMPLATES,
    locales: Path = LOCALES,
    stderr: TextIO | None = None,
    cache: BuildCache | None = None,
    vendor_keys: dict[str, str] | None = None,
    quiet: bool = False,
    progress: Progress | None = None,
    remove: Callable[[Path], None] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    reported: Collection[tuple[str, int, int]] = (),
) -> int:
    """Build the site and the rules into a fresh directory beside `out_dir` and swap it in; the exit code.

    With a `cache` and the loader's `vendor_keys`, unchanged vendor pages and rule files come from the
    cache; with or without, a file whose bytes equal the published one's is linked, not rewritten.
    `reported`: the (file, line, column) of the missing translations the checks reported already; the
    pages' fallbacks at those places are not reported again.
    """
    stderr = stderr or sys.stderr
    out = Path(out_dir).absolute()
    refusal = refuse_to_replace(out)
    if refusal is not None:
        print(f"{out_dir}: error: {refusal}", file=stderr)
        print("  = hint: name a new or empty folder, or one an earlier build published (--out; default: _site/ in the project)", file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        lock = _lock(out)
    except OSError as exc:
        # mkdir says "File exists" when a folder on the way is a file: name that file, as the reader must move it.
        blocking = next((p for p in (out, *out.parents) if p.exists() and not p.is_dir()), None)
        why = f"{blocking} is a file, not a folder" if blocking is not None else exc.strerror or str(exc)
        print(f"{out}: error: cannot create the build directory: {why}", file=stderr)
        return 1
    try:
        return _publish_locked(
            project, out, out_dir, years, base_url, templates, locales, stderr, cache, vendor_keys, quiet, progress, remove, settings,
            reported,
        )
    finally:
        os.close(lock)


def _publish_locked(
    project: Project,
    out: Path,
    out_dir: Path,
    years: tuple[int, int],
    base_url: str | None,
    templates: Path,
    locales: Path,
    stderr: TextIO,
    cache: BuildCache | None = None,
    vendor_keys: dict[str, str] | None = None,
    quiet: bool = False,
    progress: Progress | None = None,
    remove: Callable[[Path], None] | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    reported: Collection[tuple[str, int, int]] = (),
) -> int:
    started = time.monotonic()
    try:
        clean_leftovers(out)
        new = Path(tempfile.mkdtemp(prefix=out.name + BUILD_INFIX, dir=out.parent))
    except OSError as exc:
        print(f"{out}: error: cannot create the build directory: {exc.strerror or exc}", file=stderr)
        return 1
    try:
        previous = _previous_version(out)
        recycled = _recycle_spare(out, new) if previous is not None and previous != out else False
        os.chmod(new, 0o755)
        # The settings are part of every cached page's key: a project with its own languages, look or
        # catalogs reuses its own earlier pages, never another project's.
        reuse = Reuse.start(
            cache, vendor_keys, previous, templates, locales, normal_base_url(base_url, settings.base_url), progress, settings, years
        )
        if recycled:
            reuse.recycle(new)
        try:
            with templates_cached_in(cache):
                warnings, pages = build_into(project, new, years, base_url, templates, locales, stderr, reuse, settings)
        finally:
            if progress is not None:
                progress.clear()
        reuse.sweep(new)
        # A page showing another language's text where a translation is missing: the checks said so at that
        # text already (T0404, with a caret and a hint), so only a place they did not report is reported here.
        known = set(reported)
        for (file, line, column, _), said in sorted(warnings.found.items()):
            if (file, line, column) not in known:
                print(said, file=stderr)
        _clamp_times(new)
        # A stop (Ctrl+C, SIGTERM) between the switch and the manifest would leave the cache describing the
        # version before: the next build would read every published file back. It waits for the manifest.
        with signals_held():
            _swap(new, out, remove)
            reuse.remember(out.parent / os.readlink(out) if out.is_symlink() else out)
        if cache is not None:  # the small entries this build used, together for the next build (after the site is in place)
            cache.save_pack()
    except BuildError as exc:
        shutil.rmtree(new, ignore_errors=True)
        print(str(exc), file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    except ExportError as exc:  # a calendar the rules cannot be expanded for, at its place in the plan file
        shutil.rmtree(new, ignore_errors=True)
        print(export_failure(exc), file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    except OSError as exc:
        shutil.rmtree(new, ignore_errors=True)
        print(f"{exc.filename or out}: error: {exc.strerror or exc}", file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    except Exception as exc:  # an author must see a message, never a traceback
        shutil.rmtree(new, ignore_errors=True)
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        print(f"{frame.filename}:{frame.lineno}: error: {type(exc).__name__}: {exc}", file=stderr)
        print(f"the site was not built; {out_dir} is unchanged.", file=stderr)
        return 1
    placeholder_warning(base_url, stderr, settings.base_url)
    if not quiet:  # a fragment to embed is no page
        print(summary(published_project(project, settings), len(pages), out_dir, time.monotonic() - started, reuse.stats), file=stderr)
    return 0


def summary(project: Project, pages: int, out_dir: Path, seconds: float, stats: Stats) -> str:
    """The build's one-line summary: vendors, pages, time, and files written vs kept from the last build."""
    return (
        f"built {pages} pages into {out_dir}: {len(project.vendors)} vendor(s) in {seconds:.1f} s; "
        f"pages rendered {stats.pages_rendered}, from the cache {stats.pages_cached}; "
        f"files written {stats.written}, unchanged {stats.reused}"
    )


def _previous_version(out: Path) -> Path | None:
    """The folder of the published site `out` (followed through its link), whose unchanged files a build reuses."""
    version = _current_version(out)
    if version is not None:
        return out.parent / version
    return out if out.is_dir() and not out.is_symlink() else None


def placeholder_warning(base_url: str | None, stderr: TextIO, configured: str | None = None) -> None:
    """Warn when the canonical links, alternates and sitemap were written for the placeholder host."""
    # A build for a look at the site is fine on tierwise.example; a published one would tell search
    # engines that its pages live on a host nobody owns.
    base = normal_base_url(base_url, configured)
    if urlsplit(base).hostname == urlsplit(DEFAULT_BASE_URL).hostname:
        print(
            f"warning: canonical links, hreflang alternates and the sitemap point at the placeholder {base}; "
            "set [site] base_url in tierwise.toml (or TIERWISE_BASE_URL, or --base-url) to the address the site is published at",
            file=stderr,
        )


# --- what a build may replace -------------------------------------------------------------------
# The switch above removes a plain folder at `out` (the layout of earlier versions). A folder the
# author named by mistake (`--out plans`, `--out .`, `--out ~`) would be deleted with its files, so
# only a folder that is empty or holds what a build publishes (index.html and rules/) is replaced.


def refuse_to_replace(out: Path) -> str | None:
    """Why the build must not replace `out` (a folder of other files, or the file system's root); None when it may."""
    if out.name in ("", "..") or out == Path(out.anchor):
        return "the site cannot replace the root folder" if out.name == "" else "name the output folder without '..' at its end"
    try:
        if out.is_symlink() or not out.is_dir():
            return None  # nothing there, a link (only the link is replaced), or a file (refused at the switch)
        if not any(out.iterdir()):
            return None
        if (out / "index.html").is_file() and (out / "rules").is_dir():
            return None  # a site an earlier Tierwise published as a plain folder
    except OSError as exc:
        return f"cannot read the output folder: {exc.strerror or exc}"
    return "the output folder holds files that are not a published site; refusing to replace it"
