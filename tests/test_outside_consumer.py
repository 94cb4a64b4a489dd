"""A consumer written from docs/rules.md alone (tests/consumers/deadlines.py) gives the conformance answers.

The page promises that the JSON and the page are all a consumer needs. This consumer was written from
the page without reading the engine; every disagreement with the vectors would be a gap in the page or
a bug in the vectors. It is also asked random questions beside the reference engine (same rules), which
reach combinations the vectors do not list.
"""

from __future__ import annotations

import copy
import json
import random
from datetime import datetime, timedelta
from typing import Any

import pytest

from consumers.deadlines import Consumer, Refused
from dsl.rules.engine import Evaluator, RuleError
from support.paths import ROOT

CONFORMANCE = ROOT / "tests" / "conformance"
RULES = json.loads((CONFORMANCE / "rules.json").read_text(encoding="utf-8"))
FIELDS = ("plan", "priority", "at", "tz", "metric", "case", "country")


def answer(consumer: Consumer, question: dict[str, Any]) -> str | None:
    """The consumer's deadline as text, None for a refusal."""
    try:
        return consumer.due(question)
    except Refused:
        return None


def lines(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (CONFORMANCE / name).read_text(encoding="utf-8").splitlines()]


def test_the_outside_consumer_gives_every_vectors_answer() -> None:
    consumer = Consumer(RULES)
    differ = [(v["why"], v.get("due"), answer(consumer, v)) for v in lines("vectors.jsonl") if answer(consumer, v) != v.get("due")]
    assert not differ, differ[:10]


def test_the_outside_consumer_answers_the_inputs_table() -> None:
    consumer = Consumer(RULES)
    differ = [(row["question"], row.get("due")) for row in lines("inputs.jsonl") if answer(consumer, row["question"]) != row.get("due")]
    assert not differ, differ[:10]


def test_the_outside_consumer_would_notice_a_changed_calendar() -> None:
    # The seed example (Stratiteq SOS P3, Monday 15:00 → Tuesday 14:00) with Tuesday closing at 12:00 instead.
    rules = copy.deepcopy(RULES)
    office = rules["vendors"]["stratiteq"]["calendars"]["stratiteq-office"]
    office["dates"]["2026-11-24"] = [["08:00", "12:00"]]
    question = {"plan": "stratiteq/sos", "priority": "P3", "at": "2026-11-23T15:00:00+01:00"}
    assert answer(Consumer(RULES), question) == "2026-11-24T14:00:00+01:00"
    assert answer(Consumer(rules), question) == "2026-11-25T10:00:00+01:00"


ZONES = [None, "Europe/Stockholm", "America/Santiago", "Australia/Lord_Howe", "Asia/Kolkata", "America/New_York", "Pacific/Chatham", "UTC"]
OFFSETS = ["Z", "+01:00", "+02:00", "-04:00", "-03:00", "+05:30", "+13:45", "-00:00"]


@pytest.mark.parametrize("seed", range(3))
def test_the_outside_consumer_and_the_engine_agree_on_random_questions(seed: int) -> None:
    rng = random.Random(seed)
    consumer, evaluator = Consumer(RULES), Evaluator(RULES)
    plans = [f"{v}/{p}" for v, vendor in RULES["vendors"].items() for p in [*vendor["plans"], *vendor["aliases"]]]
    differ = []
    for _ in range(1500):
        plan = rng.choice(plans)
        vendor = RULES["vendors"][plan.split("/")[0]]
        levels = [level["id"] for level in (vendor["priorities"] or {"levels": []})["levels"]]
        report = datetime(rng.choice([2025, 2026, 2027, 2028, 2028, 2029]), 1, 1) + timedelta(minutes=rng.randrange(366 * 1440))
        at = report.strftime("%Y-%m-%dT%H:%M") + rng.choice(["", ":00", ":59.9995", ":30.5"]) + rng.choice(OFFSETS)
        question = dict(zip(FIELDS, (plan, rng.choice([*levels, None]), at, rng.choice(ZONES), rng.choice(RULES["metrics"]),
                                     rng.choice([None, *vendor["cases"]]), rng.choice([None, "SE", "PL", "US", "AU", "DE"])), strict=True))
        try:
            expected: str | None = evaluator.due(*question.values()).isoformat()
        except RuleError:
            expected = None
        if answer(consumer, question) != expected:
            differ.append((question, expected, answer(consumer, question)))
    assert not differ, differ[:5]
