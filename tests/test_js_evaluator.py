"""The JavaScript evaluator (site_templates/assets/sla.js) passes the conformance vectors under Node.

The rules are exported here, as the site publishes them, into a temporary file;
the Python evaluator's error messages and priority-matrix answers go along so
that the JavaScript must say the same, in the same words. A second run gives it
random calendars with the brute-force oracle's answers.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "conformance"))
sys.path.insert(0, str(ROOT / "tests"))

import generate  # noqa: E402
import oracle  # noqa: E402
from test_properties import COUNTRIES, TRANSITIONS, YEARS, ZONES  # noqa: E402

from dsl.language.model import (  # noqa: E402
    Calendar,
    DailyHours,
    DateHours,
    HolidaySource,
    Plan,
    PriorityLevel,
    PriorityScheme,
    Project,
    Target,
    Text,
    Vendor,
    WeeklyInterval,
)
from dsl.rules.engine import RuleError, answer_case, priority_for  # noqa: E402
from dsl.rules.export import dumps, export_project  # noqa: E402

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
    {"plan": "stratiteq/sos", "priority": "P1", "at": "2026-11-23"},
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


# Zones whose rules have been stable for years (so Node's ICU data and Python's tzdata agree), chosen for
# their odd transitions: 30-minute and 2-hour changes, negative DST, changes at midnight or at 24:00.
WALL_ZONES = (
    "Europe/Stockholm", "Europe/London", "Europe/Dublin", "Atlantic/Azores", "America/New_York", "America/St_Johns",
    "America/Havana", "America/Santiago", "America/Miquelon", "Australia/Sydney", "Australia/Adelaide",
    "Australia/Lord_Howe", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Norfolk", "Antarctica/Troll",
    "Asia/Beirut", "Asia/Jerusalem", "Africa/Cairo", "Asia/Kolkata", "Asia/Tokyo",
)


def _wall_cases() -> list[dict]:
    """Wall times around every DST change of 2026-2027 in WALL_ZONES, with Python's fold=0 instants."""
    rows = []
    for name in WALL_ZONES:
        zone = ZoneInfo(name)
        t = datetime(2026, 1, 1, tzinfo=timezone.utc)
        while t.year < 2028:
            nxt = t + timedelta(hours=1)
            if nxt.astimezone(zone).utcoffset() != t.astimezone(zone).utcoffset():
                local = nxt.astimezone(zone).replace(tzinfo=None, minute=0)
                for step in range(-16, 17):
                    wall = local + timedelta(minutes=15 * step)
                    instant = wall.replace(tzinfo=zone, fold=0).astimezone(timezone.utc).astimezone(zone)
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
        row = {"plan": q.plan, "priority": q.priority, "at": q.at, "tz": q.tz, "metric": None}
        try:
            row["due"] = oracle.deadline(project, YEARS, q).isoformat()
        except oracle.OracleError:
            row["error"] = True
        rows.append(row)
    rules_path = tmp_path / "random-rules.json"
    rules_path.write_text(dumps(export_project(project, YEARS)), encoding="utf-8")
    return {"TIERWISE_RANDOM_RULES": str(rules_path), "TIERWISE_RANDOM_VECTORS": _write_lines(tmp_path / "random.jsonl", rows)}


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
        **_random_vectors(tmp_path, seed),
    )
    run = subprocess.run([NODE, "--test", "tests/js/"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"random seed {seed}\n" + run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# skipped 0" in run.stdout, run.stdout[-3000:]

def _random_project(rng: random.Random) -> tuple[Project, list[oracle.Question]]:
    """Vendors with random calendars (as tests/test_properties.py draws them) and questions for them."""
    vendors, questions = [], []
    level = PriorityLevel("P1", Text((("*", "P1"),)))
    for n in range(12):
        zone = rng.choice(ZONES)
        customer = rng.random() < 0.25
        if rng.random() < 0.1:
            calendar = Calendar("c", None if customer else zone, always_open=True)
        else:
            weekly = []
            for _ in range(rng.randint(1, 4)):
                start_day, start = rng.randrange(7), rng.randrange(0, 1440, 5)
                end_abs = start_day * 1440 + start + rng.randrange(5, 3 * 1440, 5)
                weekly.append(WeeklyInterval(start_day, start, (end_abs // 1440) % 7, end_abs % 1440))
            pieces = lambda: tuple(  # noqa: E731
                DailyHours(a, rng.randrange(a + 5, 1441, 5)) for a in (rng.randrange(0, 1435, 5) for _ in range(rng.randint(0, 2)))
            )
            sources = tuple(HolidaySource(c) for c in rng.sample(COUNTRIES, rng.randint(0, 2)))
            days = {date(2026, 1, 1) + timedelta(days=rng.randrange(730)) for _ in range(rng.randint(0, 4))}
            calendar = Calendar(
                "c", None if customer else zone, weekly=tuple(weekly), holidays=sources,
                eve_hours=pieces() if sources else (), dates=tuple(DateHours(d, pieces()) for d in sorted(days)),
            )
        minutes = rng.choice([0, 1, 15, 60, 90, 240, 480, 1440, 2000])
        plan = Plan("p", Text((("*", "P"),)), targets=(Target("first-response", "P1", minutes, "c"),))
        vendors.append(Vendor(f"v{n:02d}", "V", "en", priorities=PriorityScheme("l", (level,)), calendars=(calendar,), plans=(plan,)))
        for _ in range(25):
            report = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(minutes=rng.randrange(730 * 1440))
            if TRANSITIONS[zone] and rng.random() < 0.5:
                report = rng.choice(TRANSITIONS[zone]) + timedelta(minutes=rng.randrange(-2 * 1440, 1440))
            at = report.astimezone(ZoneInfo(rng.choice(ZONES))).isoformat()
            questions.append(oracle.Question(f"v{n:02d}/p", "P1", at, zone if customer else None))
    return Project(tuple(vendors)), questions
