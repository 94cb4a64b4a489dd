"""The cold build's two slowest stages against the compiled replacements PyPI offers, side by side in one run.

Run: python3 benchmarks/bench_stages.py                      # 100 generated vendors, 3 rounds, 50,000 fuzzed texts
     python3 benchmarks/bench_stages.py --vendors 20 --fuzz 5000

Needs the benchmark's extra: pip install -e '.[bench]' (lark-cython and markdown-it-pyrs).

- parse: every generated plan file through Lark as Tierwise configures it (LALR, contextual lexer,
  positions), and through the same grammar with lark-cython's plugin (the lexer and the LALR driver in
  Cython). Parse trees only (the Transformer pass is the same for both); the trees are compared. Then the
  model built: Lark's tree and the Transformer against the fused loop a build runs (dsl/language/lalr.py).
- markdown: every distinct text of the generated plans through Tierwise's renderer (markdown-it-py,
  CommonMark, raw HTML and images off, links limited to http(s), mailto and tel) and through
  markdown-it-pyrs (the Rust port) with the same rules enabled, and through the shortcuts a build runs
  before markdown-it-py (dsl/site/markdown.py). Then --fuzz random texts made of the
  pieces Markdown is built from: how many render differently and how many make the Rust renderer panic.

A stage can be replaced only if its output stays the same byte for byte; the numbers say whether that
would be worth it and whether it is possible. benchmarks/README.md records a run.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plans

# The pieces random texts are drawn from: words, emphasis, code, links of every kind, entities, escapes, block markers.
PIECES = (
    "a", "b", "word", "ä", "ł", " ", "  ", "\n", "\n\n", "*", "**", "_", "`", "[", "]", "(", ")", "<", ">", "&", "&amp;",
    "&#42;", "\\", "#", "- ", "1. ", "> ", "http://x.se", "javascript:x", "mailto:a@b", "![", ":", '"', "'", "    ", "\t",
    "---", "===", "~~~", "```", "|", "!", "&copy;", "%20", "<http://a>", "[r]: http://z\n", "[r]",
)
RUST_RULES = [
    "blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph", "reference",
    "autolink", "backticks", "emphasis", "entity", "escape", "link", "newline",
]


def best(run: Callable[[], object], rounds: int) -> float:
    """The fastest of `rounds` runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def bench_parse(texts: list[str], rounds: int) -> None:
    import lark_cython
    from lark import Lark

    from dsl.language import parser

    grammar = parser._grammar()
    ours = Lark(grammar, **parser._LARK_OPTIONS)
    theirs = Lark(grammar, _plugins=lark_cython.plugins, **parser._LARK_OPTIONS)
    same = all(ours.parse(t) == theirs.parse(t) for t in texts[:20])
    a = best(lambda: [ours.parse(t) for t in texts], rounds)
    b = best(lambda: [theirs.parse(t) for t in texts], rounds)
    print(f"parse, {len(texts)} plan files: Lark {a:.2f} s, lark-cython {b:.2f} s: {a / b:.2f}x faster; same trees: {same}")
    # What a build runs: the model built, by Lark's way (a tree, then the Transformer) and by Tierwise's fused loop
    # (dsl/language/lalr.py: Lark's tables, no tree).
    building = parser._building_parser()

    def by_tree() -> None:
        for n, text in enumerate(texts):
            parser._Builder(f"{n}.plan").transform(ours.parse(text))

    def fused() -> None:
        for n, text in enumerate(texts):
            building.build(text, parser._Builder(f"{n}.plan"))

    c = best(by_tree, rounds)
    d = best(fused, rounds)
    print(f"parse and build the model, {len(texts)} plan files: Lark's tree and Transformer {c:.2f} s, the fused loop {d:.2f} s: "
          f"{c / d:.2f}x faster")


def _texts_of(plans: list[str]) -> list[str]:
    """Every distinct quoted text of the plan files, unescaped as the parser reads it."""
    found: set[str] = set()
    for source in plans:
        for match in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', source):
            found.add(match.group(1).replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\"))
    return sorted(found)


def bench_markdown(plans: list[str], rounds: int, fuzz: int, seed: int) -> None:
    import markdown_it_pyrs

    from dsl.site import markdown as md
    from dsl.site.markdown import MARKDOWN

    rust = markdown_it_pyrs.MarkdownIt("zero").enable_many(RUST_RULES)

    def rust_render(text: str) -> str:
        try:
            return str(rust.render(text))
        except BaseException as exc:  # a Rust panic arrives as pyo3's PanicException, a BaseException
            if isinstance(exc, KeyboardInterrupt):
                raise
            return "PANIC"

    texts = _texts_of(plans)
    differ = sum(MARKDOWN.render(t) != rust_render(t) for t in texts)
    a = best(lambda: [MARKDOWN.render(t) for t in texts], rounds)
    b = best(lambda: [rust_render(t) for t in texts], rounds)
    print(f"markdown, {len(texts)} distinct texts: markdown-it-py {a:.2f} s, markdown-it-pyrs {b:.3f} s: {a / b:.0f}x faster; "
          f"rendered differently: {differ}")
    # What the site runs: markdown-it-py behind the plain and simple shortcuts (dsl/site/markdown.py).
    c = best(lambda: [md.render_block.__wrapped__(t) for t in texts], rounds)
    skipped = sum(md.plain(t) or md._simple_block(t) is not None for t in texts)
    print(f"markdown, the same texts through the site's shortcuts: {c:.2f} s ({a / c:.1f}x faster than markdown-it-py alone; "
          f"{skipped} of {len(texts)} texts never reach it)")
    rng = random.Random(seed)
    panics = different = 0
    shown: list[tuple[str, str, str]] = []
    for _ in range(fuzz):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 12)))
        ours, theirs = MARKDOWN.render(text), rust_render(text)
        if ours != theirs:
            panics += theirs == "PANIC"
            different += theirs != "PANIC"
            if len(shown) < 4:
                shown.append((text, ours, theirs))
    print(f"markdown, {fuzz} random texts: the Rust renderer panicked on {panics} ({panics / fuzz:.1%}) and rendered "
          f"{different} ({different / fuzz:.1%}) differently")
    for text, ours, theirs in shown:
        print(f"  {text!r}\n    markdown-it-py:   {ours!r}\n    markdown-it-pyrs: {theirs!r}")


def main() -> None:
    """Generate the vendors, then measure both stages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vendors", type=int, default=100, help="generated vendors (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of each timing, the fastest counts (default 3)")
    parser.add_argument("--fuzz", type=int, default=50_000, help="random texts to compare the renderers on (default 50,000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random texts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        files = write_plans(Path(work), args.vendors)
        plans = [path.read_text(encoding="utf-8") for path in files]
    bench_parse(plans, args.repeat)
    bench_markdown(plans, args.repeat, args.fuzz, args.seed)


if __name__ == "__main__":
    main()
