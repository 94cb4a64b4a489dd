"""Are the "Hugo, equivalent pages" the same size as Tierwise's? Bytes per file and per section of a vendor page.

Run: python3 benchmarks/check_equivalent.py --vendors 20            # generate, build both, compare
     python3 benchmarks/check_equivalent.py --tierwise DIR/_site --hugo DIR/public   # compare two built sites

Each Tierwise file is paired with the file Hugo writes for it (a vendor's page and embeddable table at the same
path, its rule file at en/VENDOR/rules.json, rules/all.json at en/rules/all.json, the sitemap with Hugo's sitemap
index and per-language sitemaps). A vendor page whose Hugo bytes differ from Tierwise's by more than TOLERANCE fails
the check (exit status 1); the other kinds are reported. bench_build.py prints the same summary under its table.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

TOLERANCE = 0.15
"""The most a Hugo vendor page may differ from Tierwise's page for the same vendor and language, in bytes."""

_VENDOR_PAGE = re.compile(r"^(sv|it|pl|en)/(v\d+)/index\.html$")
_MARKERS = re.compile(r'<script type="application/ld\+json">|</head>|<section id="([\w-]+)"|<nav class="toc"|</main>')


def folder_bytes(folder: Path) -> int:
    """The bytes of every file under `folder` (a symlink to the published version followed)."""
    return sum(p.stat().st_size for p in folder.resolve().rglob("*") if p.is_file())


def _kind(rel: str) -> str:
    if _VENDOR_PAGE.match(rel):
        return "vendor page"
    if rel.endswith("/embed.html"):
        return "embeddable table"
    if re.match(r"^rules/v\d+\.json$", rel):
        return "rule file"
    if rel == "rules/all.json":
        return "rules/all.json"
    if re.match(r"^(sv|it|pl|en)/index\.html$", rel):
        return "home page"
    if re.match(r"^(sv|it|pl|en)/compare/index\.html$", rel):
        return "comparison page"
    if rel == "sitemap.xml":
        return "sitemap"
    return "other (assets, vectors, 404, root)"


def _hugo_path(rel: str) -> list[str]:
    """The file(s) Hugo writes for Tierwise's file `rel`."""
    if m := re.match(r"^rules/(v\d+)\.json$", rel):
        return [f"en/{m.group(1)}/rules.json"]
    if rel == "rules/all.json":
        return ["en/rules/all.json"]
    if rel == "sitemap.xml":
        return ["sitemap.xml", *(f"{lang}/sitemap.xml" for lang in ("sv", "it", "pl", "en"))]
    return [rel]


def sections(html: str) -> dict[str, int]:
    """A vendor page's bytes by section: the head, the structured data, each <section id>, the "On this page" nav, the rest."""
    out: dict[str, int] = defaultdict(int)
    data = html.encode("utf-8")
    text = data.decode("utf-8")
    cuts = [(0, "head")]
    for m in _MARKERS.finditer(text):
        token = m.group(0)
        name = ("JSON-LD" if token.startswith("<script") else "head (style), top, crumbs, h1" if token == "</head>"
                else m.group(1) if m.group(1) else "nav 'On this page'" if token.startswith("<nav") else "footer, scripts")
        cuts.append((len(text[: m.start()].encode("utf-8")), name))
    cuts.append((len(data), ""))
    for (start, name), (end, _) in zip(cuts, cuts[1:], strict=False):
        out[name] += end - start
    return out


def compare(tierwise: Path, hugo: Path) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]], list[str], tuple[float, float, int, int]]:
    """Rows by kind of file and by section of the vendor pages, the vendor pages outside TOLERANCE, and the vendor pages' ratio range."""
    tierwise, hugo = tierwise.resolve(), hugo.resolve()
    kinds: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    by_section: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: list[str] = []
    ratios: list[float] = []
    seen: set[str] = set()
    for path in sorted(tierwise.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(tierwise).as_posix()
        kind = _kind(rel)
        theirs = [hugo / p for p in _hugo_path(rel)]
        seen.update(_hugo_path(rel))
        mine_bytes = path.stat().st_size
        their_bytes = sum(p.stat().st_size for p in theirs if p.exists())
        kinds[kind][0] += mine_bytes
        kinds[kind][1] += their_bytes
        kinds[kind][2] += 1
        if kind == "vendor page":
            if not theirs[0].exists():
                failures.append(f"{rel}: Hugo wrote no page")
                continue
            ratio = their_bytes / mine_bytes
            ratios.append(ratio)
            if abs(ratio - 1) > TOLERANCE:
                failures.append(f"{rel}: Tierwise {mine_bytes} B, Hugo {their_bytes} B ({ratio:.2f}×)")
            for name, size in sections(path.read_text(encoding="utf-8")).items():
                by_section[name][0] += size
            for name, size in sections(theirs[0].read_text(encoding="utf-8")).items():
                by_section[name][1] += size
    extra = [p for p in hugo.rglob("*") if p.is_file() and p.relative_to(hugo).as_posix() not in seen]
    if extra:
        kinds["only Hugo writes"][1] += sum(p.stat().st_size for p in extra)
        kinds["only Hugo writes"][2] += len(extra)
    rows = [("file kind", "files", "Tierwise bytes", "Hugo bytes", "Hugo / Tierwise")]
    for kind, (a, b, count) in sorted(kinds.items(), key=lambda kv: -kv[1][0]):
        rows.append((kind, str(count), f"{a:,}", f"{b:,}", f"{b / a:.3f}" if a else ""))
    srows = [("vendor page section", "Tierwise bytes", "Hugo bytes", "Hugo / Tierwise")]
    for name, (a, b) in sorted(by_section.items(), key=lambda kv: -kv[1][0]):
        srows.append((name, f"{a:,}", f"{b:,}", f"{b / a:.3f}" if a else ""))
    span = (min(ratios), max(ratios), len(ratios) - sum(1 for f in failures if "×" in f), len(ratios)) if ratios else (0.0, 0.0, 0, 0)
    return rows, srows, failures, span


def summary(tierwise: Path, hugo: Path) -> tuple[str, bool]:
    """One line for bench_build.py: how many vendor pages are within TOLERANCE, and the range of the ratios."""
    _, _, failures, (low, high, within, total) = compare(tierwise, hugo)
    ok = not failures and total > 0
    line = (f"Hugo's equivalent vendor pages against Tierwise's, bytes: {within} of {total} within ±{TOLERANCE:.0%} "
            f"(Hugo/Tierwise {low:.3f}–{high:.3f})")
    return line + ("" if ok else f"; {len(failures)} outside, e.g. {failures[0]}" if failures else ""), ok


def main() -> None:
    """Build both (or take two built sites) and print the comparison."""
    from bench_build import _table, hugo_binary, tierwise_cmd
    from generate import write_hugo, write_plans

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vendors", type=int, default=20)
    parser.add_argument("--tierwise", help="a built Tierwise site (_site)")
    parser.add_argument("--hugo", help="the equivalent Hugo site's public/")
    args = parser.parse_args()
    if args.tierwise and args.hugo:
        tierwise, hugo = Path(args.tierwise), Path(args.hugo)
    else:
        work = Path(tempfile.mkdtemp(prefix="tierwise-equivalent-"))
        write_plans(work / "tierwise", args.vendors)
        write_hugo(work / "hugo-equivalent", args.vendors, equivalent=True)
        subprocess.run([*tierwise_cmd(), "--project", str(work / "tierwise"), "build", "--quiet"], check=True)
        subprocess.run([hugo_binary(), "--quiet", "-s", str(work / "hugo-equivalent"), "-d", str(work / "hugo-equivalent" / "public")],
                       check=True)
        tierwise, hugo = work / "tierwise" / "_site", work / "hugo-equivalent" / "public"
        print(f"built in {work}")
    rows, srows, failures, _ = compare(tierwise, hugo)
    print(_table(rows))
    print()
    print(_table(srows))
    print()
    line, ok = summary(tierwise, hugo)
    print(line)
    for failure in failures[:20]:
        print("  ", failure)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
