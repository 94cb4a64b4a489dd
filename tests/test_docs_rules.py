"""Every example in docs/rules.md runs as written and shows what it prints (issue 10).

The code blocks are taken from the page itself: the commands of the first `sh` block make the files
the other examples read (rules.json and a built site in _site, in a scratch folder holding a copy of
plans/); `$` commands are run and their output compared; Python and JavaScript blocks are run and
each printed line compared with the comment that shows it; JSON batch lines go through `due --batch`;
the JSON fragments of the format may use only field names a real export has.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dsl.rules.commands import BATCH_FIELDS
from support.paths import BUILD_PY, PLANS, ROOT

pytestmark = pytest.mark.slow

DOC = ROOT / "docs" / "rules.md"
TEXT = DOC.read_text(encoding="utf-8")
BLOCKS = [(m.group(1), m.group(2), TEXT[: m.start()].count("\n") + 1) for m in re.finditer(r"```(\w*)\n(.*?)```", TEXT, re.S)]
NODE = shutil.which("node")
EPOCH_2026 = "1780272000"  # 2026-06-01: "this year" of the examples is 2026, whatever the day the tests run


def _blocks(kind: str) -> list[tuple[str, int]]:
    return [(body, line) for k, body, line in BLOCKS if k == kind]


def _env() -> dict[str, str]:
    return {**os.environ, "SOURCE_DATE_EPOCH": EPOCH_2026, "PYTHONPATH": str(ROOT)}


def _command(line: str) -> list[str]:
    words = shlex.split(line, comments=True)
    assert words[:2] == ["python", "build.py"], line
    return [sys.executable, str(BUILD_PY), *words[2:]]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch project (a copy of plans/) where the first block's commands have been run."""
    here = tmp_path_factory.mktemp("docs")
    shutil.copytree(PLANS, here / "plans")
    (first, _), *_ = _blocks("sh")
    commands = [line for line in first.splitlines() if line.startswith("python ")]
    assert len(commands) == 3
    for line in commands:
        run = subprocess.run(_command(line), cwd=here, env=_env(), capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, f"{line}\n{run.stderr[-2000:]}"
        if "-o" not in line and "build" not in line.split("#")[0].split()[2:3]:
            assert json.loads(run.stdout)["format_version"].startswith("1.")
    assert (here / "rules.json").is_file() and (here / "_site" / "rules" / "vectors.jsonl").is_file()
    return here


def test_the_page_has_the_examples_this_test_runs() -> None:
    kinds = [k for k, _, _ in BLOCKS]
    assert kinds.count("python") >= 3 and kinds.count("js") >= 2 and kinds.count("sh") >= 2 and kinds.count("json") >= 6


def test_commands_print_what_the_page_shows(folder: Path) -> None:
    for body, line in _blocks("sh")[1:]:
        script = body.splitlines()
        prompts = [i for i, text in enumerate(script) if text.startswith("$ ")]
        assert prompts, f"docs/rules.md:{line}: a shell block without $ commands"
        for n, i in enumerate(prompts):
            shown = script[i + 1 : prompts[n + 1] if n + 1 < len(prompts) else len(script)]
            run = subprocess.run(_command(script[i][2:]), cwd=folder, env=_env(), capture_output=True, text=True, timeout=300)
            printed = run.stdout.splitlines() + run.stderr.splitlines()
            assert printed == shown, f"docs/rules.md:{line + i + 1}: {script[i]}"
            assert run.returncode == (1 if any(s.startswith("error:") for s in shown) else 0)


def _shown_outputs(body: str, printer: str, comment: str) -> list[str]:
    """What each printing line shows: the comment on the next line when that line is only a comment, else its own."""
    lines = body.splitlines()
    found = []
    for i, text in enumerate(lines):
        if printer not in text:
            continue
        following = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if following.startswith(comment):
            found.append(following[len(comment) :].strip())
        else:
            assert comment in text, f"a {printer} line without the output it shows: {text}"
            found.append(text.rsplit(comment, 1)[1].strip())
    return found


@pytest.mark.parametrize("number", range(len(_blocks("python"))))
def test_python_examples_print_what_they_show(folder: Path, number: int) -> None:
    body, line = _blocks("python")[number]
    run = subprocess.run([sys.executable, "-c", body], cwd=folder, env=_env(), capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, f"docs/rules.md:{line}\n{run.stderr[-3000:]}"
    assert run.stdout.splitlines() == _shown_outputs(body, "print(", "#"), f"docs/rules.md:{line}"


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize("number", range(len(_blocks("js"))))
def test_javascript_examples_run_in_the_published_site(folder: Path, number: int) -> None:
    """Each block, saved under the name its first line gives in the built site, runs under Node without a warning."""
    body, line = _blocks("js")[number]
    name = re.match(r"// (\S+\.mjs) in the published site folder", body)
    assert name, f"docs/rules.md:{line}: a JavaScript example says where it runs"
    site = folder / "_site"
    (site / name.group(1)).write_text(body, encoding="utf-8")
    assert NODE is not None
    run = subprocess.run([NODE, name.group(1)], cwd=site, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and run.stderr == "", f"docs/rules.md:{line}\n{run.stderr[-3000:]}"
    assert run.stdout.splitlines() == _shown_outputs(body, "console.log(", "//"), f"docs/rules.md:{line}"


def test_the_published_evaluator_imports_as_a_module_without_a_warning(folder: Path) -> None:
    if NODE is None:
        pytest.skip("node is not installed")
    assert json.loads((folder / "_site" / "assets" / "package.json").read_text())["type"] == "module"
    probe = "import('./assets/sla.js').then((m) => console.log(typeof m.due, typeof m.dueIso))"
    run = subprocess.run([NODE, "--input-type=module", "-e", probe], cwd=folder / "_site", capture_output=True, text=True, timeout=60)
    assert (run.returncode, run.stdout.strip(), run.stderr) == (0, "function function", "")


def test_the_batch_lines_answer_as_shown(folder: Path) -> None:
    batch_lines = [json.loads(body) for body, _ in _blocks("json") if body.lstrip().startswith(('{"plan"', '{"error"'))]
    line, error = batch_lines[:2]  # §8's batch line and its error line (the ticket clock's come later)
    shown_due = re.search(r'`(\{"due": "[^"]+"\})`', TEXT)
    assert shown_due
    bad = {**line, "tz": "Europe"}
    batch = "\n".join([json.dumps(line)] * 6 + [json.dumps(bad)]) + "\n"
    run = subprocess.run(
        [*_command("python build.py due --batch -")], cwd=folder, env=_env(), input=batch, capture_output=True, text=True, timeout=300
    )
    answers = [json.loads(a) for a in run.stdout.splitlines()]
    assert answers[0] == json.loads(shown_due.group(1))
    assert answers[6] == error  # the page's error line is line 7 of a batch, with tz "Europe"


def test_format_fragments_name_only_fields_a_real_export_has(folder: Path) -> None:
    keys: set[str] = set(BATCH_FIELDS) | {"error", "line", "field", "due"}

    def walk(node: object) -> None:
        if isinstance(node, dict):
            keys.update(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads((folder / "_site" / "rules" / "vectors-rules.json").read_text(encoding="utf-8")))
    # The conformance rules state no availability (format 1.5): a real export of a vendor that does.
    from dsl.language.loader import load_text
    from dsl.rules.export import export_project

    nimbus = load_text((ROOT / "tests" / "plans" / "nimbus.plan").read_text(encoding="utf-8"), "nimbus.plan").project
    assert nimbus is not None
    walk(export_project(nimbus, (2026, 2026)))
    # Nor penalties (format 1.10): the example of docs/language.md, "Penalties for missed targets".
    language = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    penalties = load_text(language[language.index("## Penalties for missed targets") :].split("```\n", 2)[1], "p.plan").project
    assert penalties is not None
    walk(export_project(penalties, (2026, 2026)))
    # And growing penalties with caps of the contract's value (format 1.11): the example after it.
    growing = load_text(language[language.index("### Penalties that grow") :].split("```\n", 2)[1], "g.plan").project
    assert growing is not None
    walk(export_project(growing, (2026, 2026)))
    format_end = TEXT[: TEXT.index("## 4. Open time")].count("\n")
    for body, line in _blocks("json"):
        if line > format_end:
            continue  # §§1–3 describe the document; later blocks are questions and answers (§8, §11)
        named = set(re.findall(r'"([A-Za-z_][A-Za-z0-9_-]*)"\s*:', body))
        # the axis values a matrix example declares are ids, used as keys of its labels and levels
        for axis in re.findall(r'"(?:impacts|urgencies)": \[([^\]]*)\]', body):
            named -= set(re.findall(r'"([^"]+)"', axis))
        assert named <= keys, f"docs/rules.md:{line}: fields no export has: {sorted(named - keys)}"


def test_the_worked_example_gets_the_deadlines_it_states(folder: Path) -> None:
    section = TEXT[TEXT.index("### Worked example") : TEXT.index("## 7. Errors")]
    deadlines = re.findall(r"\*\*(?:Deadline: )?`([0-9T:+-]+)`\*\*", section)
    assert deadlines == ["2026-11-24T14:00:00+01:00", "2026-12-28T08:30:00+01:00"]
    for at, shown in zip(("2026-11-23T15:00:00+01:00", "2026-12-23T15:00:00+01:00"), deadlines, strict=True):
        run = subprocess.run(
            _command(f"python build.py due stratiteq/sos P3 {at}"), cwd=folder, env=_env(), capture_output=True, text=True, timeout=300
        )
        assert run.stdout.strip() == shown


G = "2026-11-23T15:00:00+01:00"
ERROR_QUESTIONS = [
    ("stratiteq/sos", "P1", G, {}),  # asked of the copy in format 2.0
    ("stratiteq", "P1", G, {}),
    ("stratiteqq/sos", "P1", G, {}),
    ("stratiteq/sso", "P1", G, {}),
    ("acme/community", None, G, {}),
    ("stratiteq/sos", "p3", G, {}),
    ("esri/extended-1", "P1", G, {}),
    ("stratiteq/sos", None, G, {}),
    ("stratiteq/sos", "P3", G, {"metric": "reslution"}),
    ("esri/extended-1", None, G, {"case": "escalatd"}),
    ("stratiteq/sos", "P3", G, {"case": "escalated"}),
    ("infor/xtreme", "S1", G, {}),
    ("conformance-lab/local", None, G, {"tz": "Europe/Stockholm"}),
    ("conformance-lab/local", None, G, {"tz": "Europe/Stockholm", "country": "DE"}),
    ("stratiteq/sos", "P3", G, {"metric": "resolution"}),
    ("conformance-lab/nothing", "P1", G, {}),
    ("stratiteq/sos", "P3", "23/11/2026 15:00", {}),
    ("stratiteq/sos", "P3", "2027-03-28", {}),
    ("stratiteq/sos", "P3", "2026-11-23T15:00:00", {}),
    ("amanda/standard", "P1", G, {}),
    ("amanda/standard", "P1", G, {"tz": "Europe/Stokholm"}),
    ("amanda/standard", "P1", G, {"tz": "europe/stockholm"}),
    ("stratiteq/sos", "P3", "2030-01-07T10:00:00+01:00", {}),
    ("stratiteq/sos", "P3", "2028-12-29T16:00:00+01:00", {}),
]


def test_the_error_table_shows_the_evaluators_words(folder: Path) -> None:
    """Each example message of §7 is what the Python evaluator answers to a question about rules/vectors-rules.json."""
    from dsl.rules.engine import Evaluator, RuleError

    section = TEXT[TEXT.index("## 7. Errors") : TEXT.index("## 8. Consuming")]
    shown = [re.search(r"\| `([^`]+)`", row).group(1) for row in section.splitlines() if row.startswith("| ") and "`" in row.split("|")[2]]  # type: ignore[union-attr]
    rules = json.loads((folder / "_site" / "rules" / "vectors-rules.json").read_text(encoding="utf-8"))
    acme = json.loads(json.dumps(rules["vendors"]["stratiteq"]))
    acme["plans"] = {"community": {**acme["plans"]["sos"], "no_support": True}}
    rules["vendors"]["acme"] = acme
    other = {**rules, "format_version": "2.0"}
    said = []
    for n, (plan, priority, at, kw) in enumerate(ERROR_QUESTIONS):
        try:
            Evaluator(other if n == 0 else rules).due(plan, priority, at, **kw)
        except RuleError as exc:
            said.append(str(exc))
    assert said == shown


def test_the_business_day_examples_get_the_deadlines_they_state(folder: Path) -> None:
    """§6's table, asked of Stratiteq's office calendar (weekdays 08:00–17:00, Swedish holidays, the 24 December eve)."""
    from datetime import datetime

    from dsl.rules.engine import Evaluator

    section = TEXT[TEXT.index("Worked examples (the calendar of §3") : TEXT.index("### Cut-off times (1.9)")]
    rows = [r for r in section.splitlines() if re.match(r"\| \d business days?, ", r)]
    assert len(rows) == 6
    rules = json.loads((folder / "rules.json").read_text(encoding="utf-8"))
    calendar = rules["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]
    assert calendar["dates"]["2026-12-24"] == [["08:30", "14:00"]] and calendar["weekly"]["mon"] == [["08:00", "17:00"]]
    moment = re.compile(r"(\d{1,2}) (Nov|Dec)(?: 2026)? (\d\d:\d\d)")

    def wall(text: str) -> str:
        day, month, time = moment.search(text).groups()  # type: ignore[union-attr]
        return f"2026-{11 if month == 'Nov' else 12}-{int(day):02d}T{time}:00+01:00"

    for row in rows:
        _, target, report, deadline, _ = row.split("|")
        count, rule = int(target.split()[0]), target.split(", ")[1].strip()
        plan = rules["vendors"]["stratiteq"]["plans"]["sos"]
        plan["targets"] = [
            {"metric": "resolution", "priority": None, "minutes": None, "calendar": "stratiteq-office", "case": None}
            | {"business_days": count, "days_rule": rule, "published": True}
        ]
        got = Evaluator(rules).due("stratiteq/sos", None, wall(report), metric="resolution")
        assert got == datetime.fromisoformat(wall(deadline)), row


def test_the_cut_off_examples_get_the_deadlines_they_state(folder: Path) -> None:
    """§6 "Cut-off times": its table, asked of Stratiteq's office calendar with `cutoff: "15:00"`."""
    from datetime import datetime

    from dsl.rules.engine import Evaluator

    section = TEXT[TEXT.index("### Cut-off times (1.9)") : TEXT.index("**The span.**")]
    rows = [r for r in section.splitlines() if re.match(r"\| (\d business days?, |\d+ minutes)", r)]
    assert len(rows) == 5
    rules = json.loads((folder / "rules.json").read_text(encoding="utf-8"))
    moment = re.compile(r"(\d{1,2}) Sep(?: 2026)? (\d\d:\d\d)")

    def wall(text: str) -> str:
        day, time = moment.search(text).groups()  # type: ignore[union-attr]
        return f"2026-09-{int(day):02d}T{time}:00+02:00"

    for row in rows:
        _, target, report, deadline, _ = row.split("|")
        amount = (
            {"minutes": int(target.split()[0]), "business_days": None, "days_rule": None}
            if "minutes" in target
            else {"minutes": None, "business_days": int(target.split()[0]), "days_rule": target.split(", ")[1].strip()}
        )
        plan = rules["vendors"]["stratiteq"]["plans"]["sos"]
        plan["targets"] = [
            {"metric": "resolution", "priority": None, "calendar": "stratiteq-office", "case": None, "published": True, "cutoff": "15:00"} | amount
        ]
        got = Evaluator(rules).due("stratiteq/sos", None, wall(report), metric="resolution")
        assert got == datetime.fromisoformat(wall(deadline)), row
