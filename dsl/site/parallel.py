"""Both cores: the per-vendor work of a build (pages, home page cards, rule files) in worker processes.

Before the pages are written, the vendors whose results are not in the build cache are split among
worker processes (forked, so they share the loaded model, catalogs and templates) and the build's own
process, which computes vendors too between taking the workers' results. Each of them calls
the very functions a serial build calls — `render.render_vendor_page`, `views.vendor_card`, the rules'
`export_project` — and sends the results back; the build then writes them in its usual order, so the
output is the serial build's byte for byte (tests/test_parallel.py). In a build with no earlier version
to link files from, each process writes the vendors' pages it computed into the new version itself, and
the build's writer records them when it comes to them. Only a command-line run forks
(dsl.language.cache.FORKING_ALLOWED), and only without other threads; with one core, for a few vendors or
where fork is unavailable the build stays serial. TIERWISE_JOBS sets the number of processes,
the build's own included.
"""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path
from typing import Any

from babel.support import Translations

from dsl.language.cache import share_out, worker_count
from dsl.language.model import Project, Vendor
from dsl.language.settings import DEFAULT_SETTINGS, Settings
from dsl.rules.export import dumps, export_project
from dsl.site import compare, example
from dsl.site import views as site
from dsl.site.incremental import Reuse, vendor_fragment
from dsl.site.render import compare_part, embed_path, environment, render_card, render_vendor_page

MIN_VENDORS_PER_JOB = 2
"""Fewer vendors to do than this per process: starting processes would cost more than it saves."""


def jobs() -> int:
    """How many processes a build uses: TIERWISE_JOBS, else the cores this process may run on."""
    return worker_count()


# What the workers need; set in the parent just before it forks them, so it is shared, not pickled.
_JOB: dict[str, Any] = {}


def _work(index: int) -> tuple[int, dict[str, Any] | None]:
    """Everything of one vendor that a serial build computes (pages, cards, rule file); None if it failed."""
    try:
        return index, _compute(index)
    except Exception:
        # The serial build that follows raises it again, with its diagnostics. The exception is not
        # sent back: one that does not unpickle (a Jinja or build error with required arguments)
        # would kill the pool's result thread and leave the build waiting forever.
        return index, None


def _work_task(task: tuple[int, int]) -> tuple[int, dict[str, Any] | None]:
    """`_work` in a worker process, on the vendor of one task (`cache.share_out` hands out tasks of one)."""
    return _work(_JOB["todo"][task[0]])


def _compute(index: int) -> dict[str, Any]:
    vendor: Vendor = _JOB["vendors"][index]
    words: dict[str, Translations] = _JOB["words"]
    envs: dict[str, Any] = _JOB.setdefault("envs", {})
    result: dict[str, Any] = {}
    settings: Settings = _JOB["settings"]
    # The rules first: the pages' worked example is read from this document instead of a second export.
    doc = export_project(Project((vendor,)), _JOB["years"], languages=settings.languages)
    example.remember(vendor, _JOB["years"], doc)
    for lang in settings.languages:
        if lang not in envs:
            envs[lang] = environment(_JOB["templates"], words[lang], settings)
        met = site.Warnings()
        page, text, embed = render_vendor_page(envs[lang], words[lang], _JOB["base"], vendor, lang, met, settings, _JOB["years"])
        result[f"page:{lang}"] = (text, dict(met.found), embed)
        result[f"paths:{lang}"] = (page.path, embed_path(vendor.id, lang))
        met = site.Warnings()
        card = site.vendor_card(vendor, site.Reader(lang, words[lang], vendor, met))
        result[f"card:{lang}"] = (site.CardMade(card, render_card(envs[lang], card)), dict(met.found))
        met = site.Warnings()
        part = compare_part(envs[lang])(vendor, lang, words[lang], met, _JOB["languages"], _JOB["availability"], _JOB["penalties"])
        result[f"compare:{lang}"] = (part, dict(met.found))
    text = dumps(doc)
    result["rules"] = (text, vendor_fragment(doc, vendor.id, text))
    reuse: Reuse = _JOB["reuse"]
    return reuse.store_ahead(vendor.id, _JOB["years"], result)


def prepare(
    project: Project, reuse: Reuse, words: dict[str, Translations], base: str, templates: Path, years: tuple[int, int],
    settings: Settings = DEFAULT_SETTINGS, root: Path | None = None,
) -> int:
    """Compute in worker processes what the cache lacks, into `reuse.ready`; returns the vendors done so.

    `root`: the new version's folder. Where the build has no earlier version to link its files from (a first or a
    clean build), the vendors' pages are written into it as they are computed (`Reuse.ahead_root`).
    """
    count = jobs()
    reuse.compare_languages = compare.states_languages(project)
    reuse.compare_availability = compare.states_availability(project)
    reuse.compare_penalties = compare.states_penalties(project)
    todo = [n for n, vendor in enumerate(project.vendors) if not reuse.complete(vendor.id, years)]
    if count < 2 or len(todo) < count * MIN_VENDORS_PER_JOB or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if root is not None and reuse.previous is None and reuse.recycled is None and settings.mode != "vendor":
        reuse.ahead_root = os.fspath(root) + "/"
    _JOB.clear()
    _JOB.update(
        vendors=project.vendors, words=words, base=base, templates=templates, years=years, languages=reuse.compare_languages, settings=settings,
        availability=reuse.compare_availability, penalties=reuse.compare_penalties, reuse=reuse, todo=todo,
    )
    taken, done = 0, 0

    def take(answer: tuple[int, dict[str, Any] | None], worker: bool = True) -> None:
        nonlocal taken, done
        index, result = answer
        done += 1
        # A vendor that failed (None) is left to the serial build, which reports the error in its usual words.
        if result is not None:
            reuse.take(project.vendors[index].id, years, result)
            taken += 1
            reuse.stats.vendors_by_workers += worker
        reuse.tick("vendors", done, len(todo))

    try:
        # The build's own process is one of the `count`: it computes vendors too, between taking what the
        # workers send, so the process tree holds one copy fewer of the pages a worker makes its own. Up to
        # six tasks out per worker: this process hands out more only between vendors of its own, and with two
        # a worker of a large build sat idle a third of the time waiting for them; a small build keeps two,
        # or the workers would take every vendor before this process took one.
        share_out(
            len(todo), count - 1, _work_task, lambda n: take(_work(todo[n]), worker=False), take, ahead=max(2, min(6, len(todo) // 8))
        )
    finally:
        _JOB.clear()
    return taken
