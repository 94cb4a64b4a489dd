"""Moments count to the millisecond in every evaluator (docs/rules.md §5 "Inputs").

A JavaScript Date holds milliseconds, so sla.js and ticket.js always cut a fraction after its third
digit. The Python engine and the oracle kept microseconds until 28 November 2026, and because a
deadline reached exactly at a closing time stays there (§6), half a millisecond could move a Python
deadline past the close to the next morning while JavaScript answered the close. These tests hold
the three to one answer: every interface of the Python engine, the oracle, and sla.js/ticket.js.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta, timezone

import pytest

from dsl.rules.engine import Evaluator, RuleError, parse_moment
from dsl.rules.export import dumps
from support import oracle
from support import rules_vectors as generate
from support.paths import ROOT

NODE = shutil.which("node")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
CET = timezone(timedelta(hours=1))
# Stratiteq SOS P3: 480 minutes on weekdays 08:00-17:00 (Stockholm). From Tuesday 09:00 the 480 minutes end
# exactly at Tuesday's close, which a deadline keeps; one more millisecond and it is Wednesday's opening.
AT_CLOSE = ("2026-11-24T09:00:00.0005+01:00", "2026-11-24T17:00:00+01:00")
PAST_CLOSE = ("2026-11-24T09:00:00.0015+01:00", "2026-11-25T08:00:00.001000+01:00")


def _us(moment: datetime) -> int:
    return (moment - EPOCH) // timedelta(microseconds=1)


def _node(vector_rules: dict, tmp_path, call: str) -> str:
    """What a JavaScript expression over `rules` (sla.js's dueIso, ticket.js's ticket) prints, as JSON."""
    path = tmp_path / "rules.json"
    path.write_text(dumps(vector_rules), encoding="utf-8")
    assets = ROOT / "site_templates" / "assets"
    script = (
        "import { readFileSync } from 'node:fs';\n"
        f"import {{ dueIso }} from {json.dumps((assets / 'sla.js').as_uri())};\n"
        f"import {{ ticket }} from {json.dumps((assets / 'ticket.js').as_uri())};\n"
        f"const rules = JSON.parse(readFileSync({json.dumps(str(path))}, 'utf8'));\n"
        f"try {{ console.log(JSON.stringify({call})); }} catch (e) {{ console.log(JSON.stringify({{error: e.message}})); }}\n"
    )
    run = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_a_fraction_counts_to_its_third_digit_cut_not_rounded():
    assert parse_moment("2026-11-23T15:00:00.123456+01:00").microsecond == 123000
    assert parse_moment("2026-11-23T15:00:00.9999+01:00").microsecond == 999000
    assert parse_moment("2026-11-23T15:00:00.0009+01:00").microsecond == 0
    assert parse_moment("2026-11-23T15:00:00.5+01:00").microsecond == 500000


@pytest.mark.parametrize(("at", "wanted"), [AT_CLOSE, PAST_CLOSE])
def test_every_python_interface_counts_to_the_millisecond(vector_rules, at, wanted):
    """A text, an aware datetime and epoch microseconds give one deadline: the cut decides which side of the close."""
    evaluator = Evaluator(vector_rules)
    as_datetime = datetime.fromisoformat(at)
    assert as_datetime.microsecond % 1000  # the question really has more than milliseconds
    assert evaluator.due("stratiteq/sos", "P3", at).isoformat() == wanted
    assert evaluator.due("stratiteq/sos", "P3", as_datetime).isoformat() == wanted
    assert [d.isoformat() for d in evaluator.due_many("stratiteq/sos", "P3", [as_datetime])] == [wanted]
    assert evaluator.clock("stratiteq/sos", "P3").due_us(_us(as_datetime)) == _us(datetime.fromisoformat(wanted))


@pytest.mark.parametrize(("at", "wanted"), [AT_CLOSE, PAST_CLOSE])
def test_the_oracle_counts_to_the_millisecond(vector_project, at, wanted):
    got = oracle.deadline(vector_project, generate.YEARS, oracle.Question("stratiteq/sos", "P3", at, None))
    assert got.isoformat() == wanted


def test_a_moment_outside_the_years_is_named_as_counted(vector_rules):
    """0.9 ms before the span is outside it, and the words show the moment cut as it was counted."""
    words = "the moment 2025-12-31T23:59:59.999000+00:00 lies outside the years the rules cover (2026–2028)"
    with pytest.raises(RuleError) as text:
        Evaluator(vector_rules).due("conformance-lab/always", "P1", "2025-12-31T23:59:59.9999+00:00")
    assert str(text.value) == words
    with pytest.raises(RuleError) as moment:
        Evaluator(vector_rules).due("conformance-lab/always", "P1", datetime(2025, 12, 31, 23, 59, 59, 999_900, tzinfo=UTC))
    assert str(moment.value) == words


@pytest.mark.skipif(NODE is None, reason="node is not installed")
@pytest.mark.parametrize(("at", "wanted"), [AT_CLOSE, PAST_CLOSE])
def test_sla_js_gives_the_same_deadline(vector_rules, tmp_path, at, wanted):
    question = {"plan": "stratiteq/sos", "priority": "P3", "at": at}
    assert json.loads(_node(vector_rules, tmp_path, f"dueIso(rules, {json.dumps(question)})")) == wanted


def _sub_millisecond_ticket() -> dict:
    """On-site by the close of the next business day (day-end, conformance-lab/field P2) from a report 1.2 ms after 09:00:
    the open time up to that close is a whole number of milliseconds, but 33 % of it is not."""
    return {
        "plan": "conformance-lab/field", "priority": "P2", "at": "2026-11-24T09:00:00.0012+01:00",
        "now": "2026-11-25T12:00:00.999999+01:00",
        "events": [{"type": "pause", "at": "2026-11-24T10:00:00.000999+01:00"}, {"type": "resume", "at": "2026-11-24T10:30:00.123456+01:00"}],
        "warnings": [33, 50, 77],
    }


def test_the_ticket_clock_counts_to_the_millisecond(vector_rules):
    t = _sub_millisecond_ticket()
    got = Evaluator(vector_rules).ticket(t["plan"], t["priority"], t["at"], t["now"], t["events"], warnings=t["warnings"])
    onsite = got["metrics"]["on-site"]
    assert onsite["state"] == "running"
    for moment in [onsite["due"], *(w["at"] for w in onsite["warnings"])]:
        assert parse_moment(moment).isoformat() == moment  # nothing finer than a millisecond
    assert any("." in w["at"] for w in onsite["warnings"])  # the cut is really exercised
    for value in (onsite["elapsed_seconds"], onsite["remaining_seconds"], onsite["target_seconds"]):
        assert round(value * 1000) == value * 1000  # whole milliseconds


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_ticket_js_gives_the_same_ticket_clock(vector_rules, tmp_path):
    t = _sub_millisecond_ticket()
    python = Evaluator(vector_rules).ticket(t["plan"], t["priority"], t["at"], t["now"], t["events"], warnings=t["warnings"])
    assert _node(vector_rules, tmp_path, f"ticket(rules, {json.dumps(t)})") == json.dumps(python, ensure_ascii=False, separators=(",", ":"))
