"""The JavaScript evaluator (site_templates/assets/sla.js) passes the conformance vectors under Node.

The rules are exported here, as the site publishes them, into a temporary file;
the Python engine's error messages and priority-matrix answers go along so
that the JavaScript must say the same, in the same words. A second run gives it
random calendars (from tests/support/calendars.py, the generator the property
tests use) with the brute-force oracle's answers.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dsl.language.model import Project
from dsl.rules.commands import answer_case
from dsl.rules.engine import Evaluator, RuleError
from dsl.rules.export import dumps, export_project, schema_text
from support import calendars, oracle
from support import rules_vectors as generate
from support.calendars import YEARS, RandomDraw
from support.paths import ROOT

NODE = shutil.which("node")
FIELDS = ("plan", "priority", "at", "tz", "metric", "case", "country")

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
    {"plan": "stratiteq/sos", "priority": "P1", "at": "2026-11-23"},
    {"plan": "stratiteq/sos", "priority": "P1", "at": "2030-06-01T10:00:00Z"},
    {"plan": "amanda/premium", "priority": "P1", "at": "2028-12-31T23:50:00-05:00"},
    # Rules 1.1: an alias is suggested like a plan (Amanda's trial users: applies to trial).
    {"plan": "amanda/trail", "priority": "P1", "at": "2026-11-23T15:00:00+01:00", "tz": "Europe/Rome"},
]


def _python_errors(rules: dict) -> list[dict]:
    cases = [{k: v.get(k) for k in FIELDS} for v in _vectors() if "error" in v]
    cases += [{k: c.get(k) for k in FIELDS} for c in EXTRA_ERRORS]
    found = []
    evaluator = Evaluator(rules)
    for case in cases:
        answer = answer_case(evaluator, json.dumps(case))
        assert "error" in answer, f"the Python evaluator answers {answer} for {case}"
        found.append({"case": case, "error": answer["error"]})
    return found


def _python_priorities(rules: dict) -> list[dict]:
    found = []
    evaluator = Evaluator(rules)
    questions = [("nobody", "x", "y"), ("stratiteq", "high", "high"), ("v" * 150, "x", "y")]
    for vendor_id, vendor in rules["vendors"].items():
        matrix = (vendor["priorities"] or {}).get("matrix")
        if matrix:
            questions += [(vendor_id, i, u) for i in matrix["impacts"] for u in matrix["urgencies"]]
            questions += [(vendor_id, matrix["impacts"][0] + "x", matrix["urgencies"][0]), (vendor_id, matrix["impacts"][0], "?")]
            questions += [(vendor_id, matrix["urgencies"][0], matrix["impacts"][0])]  # given the other way round
            questions += [(vendor_id, "i" * 150, matrix["urgencies"][0]), (vendor_id, matrix["impacts"][0], "u" * 150)]  # cut to 100
    for vendor_id, impact, urgency in questions:
        try:
            found.append({"vendor": vendor_id, "impact": impact, "urgency": urgency, "level": evaluator.priority_for(vendor_id, impact, urgency)})
        except RuleError as exc:
            found.append({"vendor": vendor_id, "impact": impact, "urgency": urgency, "error": str(exc)})
    return found


# Zones whose rules have been stable since tz 2022e (so Node's ICU data and Python's tzdata agree even on
# Debian 12, whose Node 18 uses ICU 72 with tz 2022e), chosen for their odd transitions: 30-minute and
# 2-hour changes, negative DST, changes at midnight or at 24:00. (Africa/Cairo is not: Egypt brought DST
# back in tz 2023c.)
WALL_ZONES = (
    "Europe/Stockholm", "Europe/London", "Europe/Dublin", "Atlantic/Azores", "America/New_York", "America/St_Johns",
    "America/Havana", "America/Santiago", "America/Miquelon", "Australia/Sydney", "Australia/Adelaide",
    "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Norfolk", "Antarctica/Troll",
    "Asia/Beirut", "Asia/Jerusalem", "Asia/Kolkata", "Asia/Tokyo",
)


def _wall_cases() -> list[dict]:
    """Wall times around every DST change of 2026-2027 in WALL_ZONES, with Python's fold=0 instants."""
    rows = []
    for name in WALL_ZONES:
        zone = ZoneInfo(name)
        t = datetime(2026, 1, 1, tzinfo=UTC)
        while t.year < 2028:
            nxt = t + timedelta(hours=1)
            if nxt.astimezone(zone).utcoffset() != t.astimezone(zone).utcoffset():
                local = nxt.astimezone(zone).replace(tzinfo=None, minute=0)
                for step in range(-16, 17):
                    wall = local + timedelta(minutes=15 * step)
                    instant = wall.replace(tzinfo=zone, fold=0).astimezone(UTC).astimezone(zone)
                    rows.append({"zone": name, "wall": wall.isoformat(timespec="minutes"),
                                 "ms": int(instant.timestamp()) * 1000, "iso": instant.isoformat()})
            t = nxt
        rows.append({"zone": name, "wall": "2027-07-01T12:00", "ms": int(datetime(2027, 7, 1, 12, tzinfo=zone).timestamp()) * 1000,
                     "iso": datetime(2027, 7, 1, 12, tzinfo=zone).isoformat()})
    return rows


def _vectors() -> list[dict]:
    return [json.loads(line) for line in generate.VECTORS.read_text(encoding="utf-8").splitlines()]


def _write_lines(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _random_vectors(tmp_path: Path, seed: int) -> dict[str, str]:
    """Random vendors exported to a rules file, and the oracle's answers for questions about them."""
    project, questions = _random_project(random.Random(seed))
    rows = []
    for q in questions:
        row = {"plan": q.plan, "priority": q.priority, "at": q.at, "tz": q.tz, "metric": q.metric}
        try:
            row["due"] = oracle.deadline(project, YEARS, q).isoformat()
        except oracle.OracleError:
            row["error"] = True
        rows.append(row)
    rules_path = tmp_path / "random-rules.json"
    rules_path.write_text(dumps(export_project(project, YEARS)), encoding="utf-8")
    return {"TIERWISE_RANDOM_RULES": str(rules_path), "TIERWISE_RANDOM_VECTORS": _write_lines(tmp_path / "random.jsonl", rows)}


@pytest.mark.slow
@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_javascript_evaluator_passes_the_vectors(tmp_path):
    rules = export_project(generate.load(), generate.YEARS)
    rules_path = tmp_path / "rules.json"
    rules_path.write_text(dumps(rules), encoding="utf-8")
    seed = random.randrange(1 << 30)  # random calendars: a new draw every run, the seed in any failure
    env = dict(
        os.environ,
        TIERWISE_RULES=str(rules_path),
        TIERWISE_VECTORS=str(generate.VECTORS),
        TIERWISE_ERRORS=_write_lines(tmp_path / "errors.jsonl", _python_errors(rules)),
        TIERWISE_PRIORITIES=_write_lines(tmp_path / "priorities.jsonl", _python_priorities(rules)),
        TIERWISE_WALLS=_write_lines(tmp_path / "walls.jsonl", _wall_cases()),
        TIERWISE_SCHEMA=_write_schema(tmp_path / "schema.json"),  # tests/js/schema.test.mjs: Ajv strict
        **_random_vectors(tmp_path, seed),
    )
    run = subprocess.run([NODE, "--test", str(ROOT / "tests" / "js")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"random seed {seed}\n" + run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# skipped 0" in run.stdout, run.stdout[-3000:]


def _write_schema(path: Path) -> str:
    """The published schema, for tests/js/schema.test.mjs (which the run of every file in tests/js includes)."""
    path.write_text(schema_text(), encoding="utf-8")
    return str(path)


def _random_project(rng: random.Random) -> tuple[Project, list[oracle.Question]]:
    """Twelve vendors with a random calendar each, and 25 questions about each, with reports to the microsecond
    (which every evaluator, the oracle included, counts to the millisecond: docs/rules.md §5 "Inputs")."""
    d = RandomDraw(rng)
    vendors, questions = [], []
    while len(vendors) < 12:
        drawn = calendars.calendar(d, "c")
        if drawn.hardly_open:
            continue  # the oracle would walk for years
        vendor = calendars.vendor(f"v{len(vendors):02d}", drawn.calendar, calendars.minutes(d, drawn))
        # Business days (format 1.1), both readings, on the same random calendar.
        plan = vendor.plans[0]
        first = plan.targets[0]
        days = (
            dataclasses.replace(first, metric="resolution", minutes=None, days=d.integer(1, 4), day_end=False),
            dataclasses.replace(first, metric="status-update", minutes=None, days=d.integer(1, 4), day_end=True),
            # Format 1.4's workaround, in minutes on the same calendar: no draw, so a seed's calendars stay what
            # they were, and shorter than the first target, so the oracle's walk stays as short.
            dataclasses.replace(first, metric="workaround", minutes=(first.minutes or 0) // 2 + 1),
            # Format 1.9's cut-offs, at times of day spread by the target's length (no draw either).
            dataclasses.replace(first, metric="on-site", minutes=None, days=1, day_end=True, cutoff=60 + (first.minutes or 0) * 37 % 1380),
            dataclasses.replace(first, metric="registration", minutes=(first.minutes or 0) // 3 + 1, cutoff=1 + (first.minutes or 0) * 53 % 1438),
        )
        vendor = dataclasses.replace(vendor, plans=(dataclasses.replace(plan, targets=(first, *days)),))
        vendors.append(vendor)
        for i in range(35):
            metric = (None, "resolution", "status-update", "workaround", "on-site", "registration")[i % 6] if i >= 15 else None
            at = calendars.report(d, drawn.zone)
            questions.append(oracle.Question(f"{vendor.id}/plan", "P1", at, drawn.tz, metric))
    return Project(tuple(vendors)), questions
