"""Both evaluators on the shared table of accepted and refused inputs (tests/conformance/inputs.jsonl).

The table is the input grammar of docs/rules.md §5 written out: moments, zone names, empty texts and the
order of the checks. The Python evaluator (its API and a `due --batch` line) and the JavaScript one
(tests/js/inputs.test.mjs under Node) must give each row's deadline or each row's words.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dsl.rules.commands import answer_case
from dsl.rules.engine import Evaluator, RuleError, parse_moment
from dsl.rules.export import dumps, export_project
from support import rules_vectors
from support.paths import ROOT

NODE = shutil.which("node")
TABLE = ROOT / "tests" / "conformance" / "inputs.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def rules() -> dict:
    return export_project(rules_vectors.load(), rules_vectors.YEARS)


def test_the_table_is_what_its_generator_writes() -> None:
    sys.path.insert(0, str(TABLE.parent))
    try:
        import generate_inputs
    finally:
        sys.path.remove(str(TABLE.parent))
    assert TABLE.read_text(encoding="utf-8") == generate_inputs.text(), "run python3 tests/conformance/generate_inputs.py"
    assert sum("error" in r for r in ROWS) >= 40 and sum("due" in r for r in ROWS) >= 30


def _ask(evaluator: Evaluator, q: dict) -> dict:
    try:
        answer = evaluator.due(q["plan"], q["priority"], q["at"], q["tz"], q["metric"], q["case"], q["country"])
    except RuleError as exc:
        return {"error": str(exc), "field": exc.field}
    return {"due": answer.isoformat()}


def test_the_python_evaluator_answers_every_row(rules: dict) -> None:
    evaluator = Evaluator(rules)
    wrong = []
    for row in ROWS:
        got = _ask(evaluator, row["question"])
        want = {"due": row["due"]} if "due" in row else {"error": row["error"], "field": row["field"]}
        if got != want:
            wrong.append(f"{row['question']} ({row['why']}): {got}, not {want}")
    assert wrong == []


def test_a_batch_line_answers_every_row_alike(rules: dict) -> None:
    evaluator = Evaluator(rules)
    for row in ROWS:
        q = row["question"]
        if not q["at"]:
            continue  # a batch line without "at" lacks a required field: its own error
        got = answer_case(evaluator, json.dumps(q))
        if "due" in row:
            assert got == {"due": row["due"]}, q
        else:
            assert (got["error"], got["field"]) == (row["error"], row["field"]), q


_SUGGESTED = re.compile(r"such as (\S+?)(?: or (\S+?))?(?:$|[,;)])")


def test_hints_suggest_only_what_is_accepted() -> None:
    """Every moment an error suggests is itself an accepted row of the table, and parses."""
    accepted = {r["question"]["at"] for r in ROWS if "due" in r}
    suggested = set()
    for row in ROWS:
        if row.get("field") == "at":
            for match in _SUGGESTED.finditer(row["error"]):
                suggested |= {s for s in match.groups() if s and s[:1].isdigit()}
    assert len(suggested) >= 5
    for moment in suggested:
        parse_moment(moment)
        assert moment in accepted or moment == "2026-11-23T15:00:00+01:00", moment


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_the_javascript_evaluator_answers_every_row(rules: dict, tmp_path: Path) -> None:
    path = tmp_path / "rules.json"
    path.write_text(dumps(rules), encoding="utf-8")
    env = {**os.environ, "TIERWISE_RULES": str(path), "TIERWISE_INPUTS": str(TABLE)}
    assert NODE is not None
    run = subprocess.run(
        [NODE, "--test", str(ROOT / "tests" / "js" / "inputs.test.mjs")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# skipped 0" in run.stdout


def test_the_published_vector_rules_are_a_fresh_export() -> None:
    """tests/conformance/rules.json (published as rules/vectors-rules.json) is what the vectors' project exports now."""
    saved = json.loads((ROOT / "tests" / "conformance" / "rules.json").read_text(encoding="utf-8"))
    fresh = json.loads(rules_vectors.rules_text())
    for doc in (saved, fresh):  # where this machine's zone data lives is not part of the rules' meaning
        doc["data_versions"].pop("tzdata_source")
    assert saved == fresh, "run python3 tests/conformance/generate.py"
