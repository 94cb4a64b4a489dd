"""The JavaScript evaluator (site_templates/assets/sla.js) passes the conformance vectors under Node.

The rules are exported here, as the site publishes them, into a temporary file;
the Python evaluator's error messages and priority-matrix answers go along so
that the JavaScript must say the same, in the same words.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "conformance"))

import generate  # noqa: E402
from dsl.evaluator import RuleError, answer_case, priority_for  # noqa: E402
from dsl.rules import dumps, export_project  # noqa: E402

NODE = shutil.which("node")
FIELDS = ("plan", "priority", "at", "tz", "metric")

# Failing questions beyond the vectors' own, for their wording: misspellings get suggestions.
EXTRA_ERRORS = [
    {"plan": "stratiteq/soss", "priority": "P1", "at": "2026-11-23T15:00:00+01:00"},
    {"plan": "stratiteq", "priority": "P1", "at": "2026-11-23T15:00:00+01:00"},
    {"plan": "stratiteqq/sos", "priority": "P1", "at": "2026-11-23T15:00:00+01:00"},
    {"plan": "amanda/standrad", "priority": "P1", "at": "2026-11-23T15:00:00+01:00", "tz": "Europe/Rome"},
    {"plan": "stratiteq/sos", "priority": "p1", "at": "2026-11-23T15:00:00+01:00"},
    {"plan": "stratiteq/sos", "priority": None, "at": "2026-11-23T15:00:00+01:00"},
    {"plan": "synerity/gold", "priority": "P1", "at": "2026-11-23T15:00:00+01:00"},
    {"plan": "stratiteq/sos", "priority": "P1", "at": "2026-11-23T15:00:00+01:00", "metric": "first_response"},
    {"plan": "amanda/standard", "priority": "P1", "at": "2026-11-23T15:00:00+01:00", "tz": "Europe/Stockholmm"},
    {"plan": "stratiteq/sos", "priority": "P1", "at": "2026-13-01T10:00:00+01:00"},
    {"plan": "stratiteq/sos", "priority": "P1", "at": "tomorrow"},
    {"plan": "stratiteq/sos", "priority": "P1", "at": "2030-06-01T10:00:00Z"},
    {"plan": "amanda/premium", "priority": "P1", "at": "2028-12-31T23:50:00-05:00"},
]


def _python_errors(rules: dict) -> list[dict]:
    cases = [{k: v[k] for k in FIELDS} for v in _vectors() if "error" in v]
    cases += [{k: c.get(k) for k in FIELDS} for c in EXTRA_ERRORS]
    found = []
    for case in cases:
        answer = answer_case(rules, json.dumps(case))
        assert "error" in answer, f"the Python evaluator answers {answer} for {case}"
        found.append({"case": case, "error": answer["error"]})
    return found


def _python_priorities(rules: dict) -> list[dict]:
    found = []
    questions = [("nobody", "x", "y"), ("stratiteq", "high", "high")]
    for vendor_id, vendor in rules["vendors"].items():
        matrix = (vendor["priorities"] or {}).get("matrix")
        if matrix:
            questions += [(vendor_id, i, u) for i in matrix["impacts"] for u in matrix["urgencies"]]
            questions += [(vendor_id, matrix["impacts"][0] + "x", matrix["urgencies"][0]), (vendor_id, matrix["impacts"][0], "?")]
    for vendor_id, impact, urgency in questions:
        try:
            found.append({"vendor": vendor_id, "impact": impact, "urgency": urgency, "level": priority_for(rules, vendor_id, impact, urgency)})
        except RuleError as exc:
            found.append({"vendor": vendor_id, "impact": impact, "urgency": urgency, "error": str(exc)})
    return found


def _vectors() -> list[dict]:
    return [json.loads(line) for line in generate.VECTORS.read_text(encoding="utf-8").splitlines()]


def _write_lines(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_evaluator_passes_the_vectors(tmp_path):
    rules = export_project(generate.load(), generate.YEARS)
    rules_path = tmp_path / "rules.json"
    rules_path.write_text(dumps(rules), encoding="utf-8")
    env = dict(
        os.environ,
        TIERWISE_RULES=str(rules_path),
        TIERWISE_VECTORS=str(generate.VECTORS),
        TIERWISE_ERRORS=_write_lines(tmp_path / "errors.jsonl", _python_errors(rules)),
        TIERWISE_PRIORITIES=_write_lines(tmp_path / "priorities.jsonl", _python_priorities(rules)),
    )
    run = subprocess.run([NODE, "--test", "tests/js/"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# skipped 0" in run.stdout, run.stdout[-3000:]
