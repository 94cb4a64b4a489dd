"""The evaluators must equal the brute-force oracle on every conformance vector.

The vectors (tests/conformance/vectors.jsonl) were computed by tests/support/oracle.py
from the model (the questions are chosen in tests/support/rules_vectors.py); here the
engine answers them from the exported JSON alone, in-process and through
`python build.py due --batch`, and the oracle recomputes a sample so that the file
cannot silently drift from the plans or the holiday and time-zone data.
"""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from datetime import datetime

from dsl.rules.engine import Evaluator, RuleError, due
from support import oracle
from support import rules_vectors as generate
from support.paths import BUILD_PY, ROOT

VECTORS = [json.loads(line) for line in generate.VECTORS.read_text(encoding="utf-8").splitlines()]
REGENERATE = "regenerate them with: python3 tests/conformance/generate.py"


def _question(v: dict) -> oracle.Question:
    return oracle.Question(v["plan"], v["priority"], v["at"], v["tz"], v["metric"], v.get("case"), v.get("country"))


def test_vectors_cover_what_the_issue_asks_for():
    whys = " | ".join(v["why"] for v in VECTORS)
    plans = {v["plan"] for v in VECTORS}
    assert 1000 <= len(VECTORS) <= 7000
    assert {"stratiteq/sos", "amanda/standard", "amanda/premium", "synerity/gold", "conformance-lab/cis"} <= plans
    for needle in ("seed example", "DST change", "eve exactly at opening", "exactly at closing", "year end",
                   "no guaranteed target", "unknown plan", "without tz", "America/Sao_Paulo", "Asia/Kolkata",
                   "business days around", "business days near the end", "kind of case falls back", "unpublished",
                   "the customer's holidays", "a country the rules do not carry", "day-end beyond", "cut-off at its edge",
                   "cut-off on the last business day"):
        assert needle in whys, needle
    assert sum("error" in v for v in VECTORS) >= 10
    seed = VECTORS[0]
    assert (seed["plan"], seed["priority"], seed["at"], seed["due"]) == (
        "stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00", "2026-11-24T14:00:00+01:00")


def test_the_cut_off_vectors_move_deadlines(vector_rules):
    """The cut-off plan's vectors are not answered alike with the cut-offs taken out: a sixth at least move (reports
    before a cut-off or on a day that is not a business day do not)."""
    without = copy.deepcopy(vector_rules)
    for target in without["vendors"]["conformance-lab"]["plans"]["cutoff"]["targets"]:
        assert target["cutoff"] is not None
        target["cutoff"] = None
    plain = Evaluator(without)
    asked = [v for v in VECTORS if v["plan"] == "conformance-lab/cutoff" and "due" in v]
    moved = 0
    for v in asked:
        try:
            moved += plain.due(v["plan"], v["priority"], v["at"], v["tz"], v["metric"]).isoformat() != v["due"]
        except RuleError:
            moved += 1
    assert len(asked) > 300 and moved > len(asked) / 6, (moved, len(asked))


def test_engine_equals_every_vector(vector_rules):
    evaluator = Evaluator(vector_rules)
    wrong = []
    for v in VECTORS:
        try:
            got = evaluator.due(v["plan"], v["priority"], v["at"], v["tz"], v["metric"], v.get("case"), v.get("country"))
        except RuleError as exc:
            if "error" not in v:
                wrong.append(f"{v} -> error {exc}")
            elif not str(exc).strip():
                wrong.append(f"{v} -> an error without words")
            continue
        if "error" in v:
            wrong.append(f"{v} -> {got.isoformat()}, expected an error")
        # Instants are compared as timestamps: an aware datetime at an ambiguous wall time never
        # compares equal across tzinfo objects (PEP 495), even when it is the same instant.
        elif got.timestamp() != datetime.fromisoformat(v["due"]).timestamp() or got.isoformat() != v["due"]:
            wrong.append(f"{v} -> {got.isoformat()}")
    assert not wrong, f"{len(wrong)} of {len(VECTORS)} vectors differ:\n" + "\n".join(wrong[:20])


def test_module_level_due_equals_a_sample_of_vectors(vector_rules):
    """`due(rules, ...)` makes a fresh Evaluator per call; it gives the same answers."""
    for v in random.Random(7).sample(VECTORS, 40) + [v for v in VECTORS if "error" in v][:10]:
        try:
            got = due(vector_rules, v["plan"], v["priority"], v["at"], v["tz"], v["metric"], v.get("case"), v.get("country")).isoformat()
        except RuleError:
            got = None
        assert got == v.get("due"), v


def test_vector_questions_match_the_generator(vector_project):
    """The file asks exactly what the generator asks of today's plans (else the plans changed)."""
    asked = [(_question(v), v["why"]) for v in VECTORS]
    expected = generate.build(vector_project).items + generate.ERRORS
    assert asked == expected, f"the vectors are stale; {REGENERATE}"


def test_oracle_regenerates_a_sample(vector_project):
    rng = random.Random()  # a different sample every run: over time every vector gets rechecked
    sample = rng.sample(VECTORS, 80) + [v for v in VECTORS if "error" in v]
    for v in sample:
        again = generate.vector(vector_project, _question(v), v["why"])
        assert again == v, f"the oracle now answers {again} for {v}; {REGENERATE}"


def test_oracle_knows_the_seed_example_and_an_eve(vector_project):
    seed = oracle.deadline(vector_project, generate.YEARS, oracle.Question("stratiteq/sos", "P3", "2026-11-23T15:00:00+01:00"))
    assert seed.isoformat() == "2026-11-24T14:00:00+01:00"
    # 24 December 2026 is a Thursday before Christmas Day: eve hours 08:30-14:00, then closed to Monday 28th.
    eve = oracle.deadline(vector_project, generate.YEARS, oracle.Question("stratiteq/sos", "P2", "2026-12-24T12:00:00+01:00"))
    assert eve.isoformat() == "2026-12-28T10:00:00+01:00"


def test_due_batch_command_gives_the_same_answers(tmp_path):
    cases = tmp_path / "cases.jsonl"
    fields = ("plan", "priority", "at", "tz", "metric", "case", "country")
    cases.write_text("".join(json.dumps({k: v[k] for k in fields if k in v}) + "\n" for v in VECTORS), encoding="utf-8")
    command = [sys.executable, str(BUILD_PY), "due", "--batch", str(cases)]
    for path in generate.PLAN_PATHS:
        command += ["--plans", str(path)]
    command += ["--years", f"{generate.YEARS[0]}-{generate.YEARS[1]}"]
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == (1 if any("error" in v for v in VECTORS) else 0), run.stderr  # 1: some lines are errors
    answers = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(answers) == len(VECTORS)
    wrong = []
    for v, answer in zip(VECTORS, answers, strict=True):
        if "error" in v:
            if set(answer) != {"error", "line", "field"} or not answer["error"].strip():
                wrong.append(f"{v} -> {answer}")
        elif answer != {"due": v["due"]}:
            wrong.append(f"{v} -> {answer}")
    assert not wrong, f"{len(wrong)} answers differ:\n" + "\n".join(wrong[:20])
