"""Fuzzing the command line with plan files a few careless edits away from real ones.

A real vendor's plan file (and the shared one) is mutated the way files get broken in the wild — lines
deleted, duplicated or swapped, Unicode pasted in, numbers grown huge, times, dates and words replaced, a
line nested deep or made very long — and given to `tierwise check`, `build`, `due` (also about the edited vendor's own plans,
alias, levels, kinds of case and a country), `clock --batch` (the same questions as tickets), `rules`, `priority` and
`explain`, in this process. Asserted for every input:

- no exception leaves `main` (an exception is the traceback a user would see), and the exit status is 0 or 1;
- every error of `check` and `build` is located (`FILE:LINE:COL: error[TNNNN]`), and every code it names
  is one `tierwise explain` knows;
- a failing `build` leaves the published site exactly as it was (the `_site` link and every file behind it);
- `rules` fails exactly when `check` does, and `clock --batch` answers every ticket with a clock or a refusal;
- no command takes more than SLOWEST_SECONDS of CPU time.

The normal suite runs a small budget; a longer run:

    TIERWISE_HYPOTHESIS=explore TIERWISE_FUZZ_EXAMPLES=2000 .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_fuzz_commands.py

The runs of 29 November 2026 (fuzz10: 5,000 inputs of every shipped vendor, up to ten edits each, half with
`--strict`) found no traceback, hang, unlocated error or touched site; an input that ever fails goes into
a test of its own, as in tests/test_fuzz_cli.py. fuzz15 (30 November 2026) added `clock --batch`, `rules`, `priority` and
questions about the edited vendor's own plans; 2,400 inputs found nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dsl.cli import main
from dsl.language.explanations import EXPLANATIONS
from support.paths import PLANS

EXAMPLES = int(os.environ.get("TIERWISE_FUZZ_EXAMPLES", "25"))
SLOWEST_SECONDS = 30.0

SHARED = (PLANS / "shared.plan").read_text(encoding="utf-8")
VENDOR = (PLANS / "stratiteq.plan").read_text(encoding="utf-8")
# Every shipped vendor, for seeds of other shapes (a customer's zone, a matrix, aliases, obligations, penalties).
VENDORS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(PLANS.glob("*.plan")) if p.stem != "shared"}

UNICODE = ["é", "ß", "ł", "ą", "日本", "🙂", "👩‍👩‍👧", "\u0301", "\u200b", "\u2060", "\u202e", "\u2028", "\ufeff", "\u00a0"]
UNICODE += ["\t", "\r", "\x00", "\x1b[2J", "\ufffd", "\x85", "\u3000"]
HUGE = ["9" * 25, "9" * 400, "1" + "0" * 5000, "99999999999999999999.5", "1e999", "-1", "0", "00", "2147483648", "18446744073709551616"]

TIMES = ["00:00", "24:00", "23:59", "25:00", "12:60", "99:99", "00:01", "17:00", "08:00", "0:00", "1:2"]
DATES = ["2026-02-30", "2026-02-29", "2028-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2026-13-01", "12-31", "02-29", "00-00"]
WORDS = sorted(set(re.findall(r"[a-z][a-z0-9-]+", SHARED + "".join(VENDORS.values()))))


@st.composite
def mutated_lines(draw: st.DrawFn, text: str) -> str:
    """`text` after one to six line-level or character-level edits."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 10))):
        kind = draw(st.sampled_from(["delete", "duplicate", "swap", "unicode", "number", "nest", "long", "cut", "time", "date", "word"]))
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if kind == "delete":
            del lines[i]
        elif kind == "duplicate":
            lines.insert(draw(st.integers(0, len(lines))), line)
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "unicode":
            at = draw(st.integers(0, len(line)))
            lines[i] = line[:at] + draw(st.sampled_from(UNICODE) | st.text(min_size=1, max_size=3)) + line[at:]
        elif kind == "number":
            numbers = list(re.finditer(r"\d+", line))
            if numbers:
                n = draw(st.sampled_from(numbers))
                lines[i] = line[: n.start()] + draw(st.sampled_from(HUGE)) + line[n.end() :]
        elif kind in ("time", "date", "word"):
            pattern = {"time": r"\b\d\d:\d\d\b", "date": r"\b\d{4}-\d\d-\d\d\b|\b\d\d-\d\d\b", "word": r"[a-z][a-z0-9-]+"}[kind]
            found = list(re.finditer(pattern, line))
            if found:
                n = draw(st.sampled_from(found))
                other = {"time": st.sampled_from(TIMES), "date": st.sampled_from(DATES), "word": st.sampled_from(WORDS)}[kind]
                lines[i] = line[: n.start()] + draw(other) + line[n.end() :]
        elif kind == "nest":
            depth = draw(st.sampled_from([3, 60, 1000, 20000]))
            opener = draw(st.sampled_from(["{ ", "plan p { ", "(", "[", '"', "{ {"]))
            lines[i] = line + " " + opener * depth
        elif kind == "long":
            lines[i] = line + " " + line.strip() * draw(st.sampled_from([50, 2000]))
        else:  # cut the line in the middle of a word or a text
            lines[i] = line[: draw(st.integers(0, len(line)))]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@st.composite
def broken_project(draw: st.DrawFn) -> tuple[str, str]:
    """(shared.plan, a vendor's plan file), at least one of them edited."""
    which = draw(st.sampled_from(["vendor", "vendor", "shared", "both"]))
    seed = VENDORS[draw(st.sampled_from(sorted(VENDORS)))]
    shared = draw(mutated_lines(SHARED)) if which in ("shared", "both") else SHARED
    vendor = draw(mutated_lines(seed)) if which in ("vendor", "both") else seed
    return shared, vendor


LOCATED = re.compile(r"^(.+):(\d+):(\d+): (?:error|warning)\[(T\d{4})\]", re.M)
CODE = re.compile(r"\bT\d{4}\b")


def run(*argv: str) -> tuple[int, str, str, float]:
    """(exit status, stdout, stderr, CPU seconds) of the command line run in this process."""
    out, err = io.StringIO(), io.StringIO()
    start = time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse: a malformed command line
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue(), time.process_time() - start


def tree(folder: Path) -> dict[str, str]:
    """Every file below `folder` (following the `_site` link) → a hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_located(code: int, err: str, root: Path) -> None:
    """Every error printed is located in a file of the project, and every code named is explainable."""
    assert "Traceback" not in err, err[-3000:]
    errors = [line for line in err.splitlines() if "error[" in line or "warning[" in line or line.startswith(("error", "warning"))]
    for line in errors:
        located = LOCATED.match(line)
        assert located, f"an unlocated error: {line[:300]}"
        assert Path(located.group(1)).resolve().is_relative_to(root.resolve()), line[:300]
    if code == 1:
        assert errors, err[-3000:]
    for name in set(CODE.findall(err)):
        assert name in EXPLANATIONS, name


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project of the real shared plan and Stratiteq, built once: the site a broken build must not touch."""
    root = tmp_path_factory.mktemp("fuzz") / "project"
    (root / "plans").mkdir(parents=True)
    (root / "plans" / "shared.plan").write_text(SHARED, encoding="utf-8")
    (root / "plans" / "vendor.plan").write_text(VENDOR, encoding="utf-8")
    # An address of its own: the placeholder's warning is about the settings, which are not fuzzed here.
    (root / "tierwise.toml").write_text('[site]\nbase_url = "https://support.example.org/"\n', encoding="utf-8")
    code, _, err, _ = run("--project", str(root), "build", "--quiet")
    assert code == 0, err
    return root


def draw_strict(text: str) -> tuple[str, ...]:
    """`--strict` for about half the inputs, chosen by the input itself so that a failure replays."""
    return ("--strict",) if len(text) % 2 else ()


def check_project(root: Path, shared: str, vendor: str) -> None:
    """Write the two files into the project and run every command on it (the assertions of the module's docstring)."""
    for name, text in (("shared.plan", shared), ("vendor.plan", vendor)):
        # A lone surrogate cannot be written as UTF-8: an editor would save a replacement character.
        (root / "plans" / name).write_bytes(text.encode("utf-8", "replace"))
    site = root / "_site"
    before_link, before = os.readlink(site), tree(site)

    code, _, err, seconds = run("--project", str(root), "check")
    assert code in (0, 1) and seconds < SLOWEST_SECONDS, (code, seconds, err[-2000:])
    assert_located(code, err, root)
    checked = code

    code, _, err, seconds = run("--project", str(root), "build", "--quiet", *draw_strict(shared))
    assert code in (0, 1) and seconds < SLOWEST_SECONDS, (code, seconds, err[-2000:])
    assert_located(code, err, root)
    assert (code == 0) == (checked == 0) or code == 1, (checked, code, err[-2000:])
    if code != 0:
        assert os.readlink(site) == before_link and tree(site) == before, "a failed build changed the published site"
    for name in set(CODE.findall(err)):
        explained, text, _, _ = run("explain", name)
        assert explained == 0 and text.strip(), name

    at = "2026-11-23T15:00:00+01:00"
    questions: list[dict[str, str | None]] = [
        {"plan": "stratiteq/sos", "priority": "P3", "at": at}, {"plan": "stratiteq/sos", "at": at, "metric": "resolution"},
        {"plan": "amanda/standard", "priority": "P2", "at": at, "tz": "Asia/Tokyo"}, {"plan": "esri/extended-1", "at": at},
        *asked_of(vendor, at),
    ]
    for question in questions:
        options = [word for key in ("tz", "metric", "case", "country") if question.get(key) for word in (f"--{key}", str(question[key]))]
        names = [str(question[key]) for key in ("plan", "priority", "at") if question.get(key)]
        code, out, err, seconds = run("--project", str(root), "due", *names, *options)
        assert code in (0, 1) and seconds < SLOWEST_SECONDS, (code, seconds, err[-2000:])
        assert "Traceback" not in err
        if code == 0:
            assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?[+-]\d\d:\d\d\n", out), out
        else:
            refusals = [line for line in err.splitlines() if line.startswith("error: ")]
            assert refusals or LOCATED.search(err), err[-2000:]
            if not refusals:
                assert_located(code, err, root)

    # The same questions as tickets (`clock --batch`, docs/rules.md §11), with a pause and a response: one answer a line.
    events = [{"type": "pause", "at": "2026-11-23T16:00:00+01:00"}, {"type": "resume", "at": "2026-11-24T09:00:00+01:00"},
              {"type": "responded", "at": "2026-11-24T10:00:00+01:00"}]
    tickets = [{**{k: v for k, v in q.items() if k != "metric"}, "now": "2026-11-30T15:00:00+01:00", "events": events} for q in questions]
    batch = root / "tickets.jsonl"
    batch.write_text("".join(json.dumps(t) + "\n" for t in tickets), encoding="utf-8")
    code, out, err, seconds = run("--project", str(root), "clock", "--batch", str(batch))
    assert code in (0, 1) and seconds < SLOWEST_SECONDS, (code, seconds, err[-2000:])
    assert "Traceback" not in err
    if out:  # the rules loaded: one answer per ticket
        answers = [json.loads(line) for line in out.splitlines()]
        assert len(answers) == len(tickets) and all("metrics" in a or "error" in a for a in answers), out[-2000:]
    else:
        assert_located(code, err, root)

    code, out, err, seconds = run("--project", str(root), "rules")
    assert code in (0, 1) and seconds < SLOWEST_SECONDS, (code, seconds, err[-2000:])
    assert_located(code, err, root)
    assert (code == 0) == (checked == 0) and (code == 0) == bool(out), (checked, code, err[-2000:])
    if code == 0:
        assert json.loads(out)["format_version"].startswith("1.")

    impacts, urgencies = re.findall(r"^\s+impact ([\w-]+)", vendor, re.M), re.findall(r"^\s+urgency ([\w-]+)", vendor, re.M)
    if impacts and urgencies:
        code, out, err, seconds = run("--project", str(root), "priority", vendor_id(vendor) or "", impacts[-1], urgencies[0])
        assert code in (0, 1) and seconds < SLOWEST_SECONDS and "Traceback" not in err, (code, seconds, err[-2000:])
        assert (code == 0) == bool(out.strip()), (code, out, err[-2000:])


def vendor_id(text: str) -> str | None:
    found = re.search(r"^vendor ([\w-]+)", text, re.M)
    return found.group(1) if found else None


def asked_of(text: str, at: str) -> list[dict[str, str | None]]:
    """Questions about the (edited) vendor file's own plans and alias, naming its levels, kinds of case, a zone and a
    country, as far as its lines say them: what a user of that vendor's rules asks."""
    vendor = vendor_id(text)
    if vendor is None:
        return []
    plans = re.findall(r"^\s+plan ([\w-]+)", text, re.M)[:3] + re.findall(r"^\s+applies to ([\w-]+)", text, re.M)[:1]
    levels = re.findall(r"^\s+level ([\w-]+)", text, re.M) or [None]
    cases = re.findall(r"^\s+case ([\w-]+)", text, re.M)
    found: list[dict[str, str | None]] = []
    for index, plan in enumerate(plans):
        question = {"plan": f"{vendor}/{plan}", "priority": levels[index % len(levels)], "at": at}
        found.append({**question, "tz": "Europe/Warsaw", "country": "PL"})
        if cases:
            found.append({**question, "case": cases[index % len(cases)], "metric": "resolution"})
    return found


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(broken_project())
def test_commands_on_a_broken_plan_file_end_in_located_diagnostics(published: Path, files: tuple[str, str]) -> None:
    check_project(published, *files)


def test_explain_of_any_text_is_an_explanation_or_a_refusal() -> None:
    for name in ["T0101", "t0101", "T9999", "", "T", "\x1b[2J", "🙂", "T" + "0" * 5000, "T01O1", "--", "T0101 T0102"]:
        code, out, err, _ = run("explain", name)
        assert code in (0, 2) and "Traceback" not in err, (name, err)
        assert "\x1b" not in out + err
        assert (code == 0) == bool(out.strip())
