"""A deadline or a ticket clock asked of all three evaluators at once: Python's engine, sla.js or ticket.js under Node, and
the oracle."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from dsl.language.model import Project
from dsl.rules.engine import Evaluator
from dsl.rules.export import dumps
from support import oracle
from support.paths import ROOT

NODE = shutil.which("node")


def node_json(script: str, rules_path: Path, payload: list[dict[str, Any]]) -> Any:
    """Run an ES module `script` under Node with the rules' path and a JSON payload as arguments; its printed JSON."""
    assert NODE is not None
    run = subprocess.run(
        [NODE, "--input-type=module", "-e", script, str(rules_path), json.dumps(payload)],
        capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def _events(t: oracle.Ticket) -> list[dict[str, Any]]:
    return [{"type": kind, "at": at} for kind, at, _ in t.events]


def _without_reasons(answer: dict[str, Any]) -> dict[str, Any]:
    for entry in answer["metrics"].values():
        entry.pop("reason", None)  # the oracle gives no reasons: the words are compared elsewhere
    return answer


def ticket_answers(
    project: Project, rules: dict[str, Any], tickets: list[oracle.Ticket], years: tuple[int, int], tmp_path: Path
) -> list[dict[str, Any]]:
    """Each ticket's clock from the Python engine, after asserting that ticket.js and the oracle answer the same."""
    rules_path = tmp_path / "rules.json"
    rules_path.write_text(dumps(rules), encoding="utf-8")
    evaluator = Evaluator(rules)
    python = [_without_reasons(evaluator.ticket(t.plan, t.priority, t.at, t.now, _events(t))) for t in tickets]
    ticket_js = (ROOT / "site_templates" / "assets" / "ticket.js").as_uri()
    script = (
        f'import {{ ticket }} from "{ticket_js}"; import {{ readFileSync }} from "node:fs";'
        'const rules = JSON.parse(readFileSync(process.argv[1], "utf8"));'
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map((t) => ticket(rules, t))));"
    )
    payload = [{"plan": t.plan, "priority": t.priority, "at": t.at, "now": t.now, "events": _events(t)} for t in tickets]
    assert [_without_reasons(a) for a in node_json(script, rules_path, payload)] == python
    for t, answer in zip(tickets, python, strict=True):
        assert answer == oracle.ticket(project, years, t), t
    return python


def due_answers(project: Project, rules: dict[str, Any], questions: list[oracle.Question], years: tuple[int, int], tmp_path: Path) -> None:
    """Assert that sla.js, the Python engine and the oracle give every question the same deadline."""
    rules_path = tmp_path / "rules.json"
    rules_path.write_text(dumps(rules), encoding="utf-8")
    sla = (ROOT / "site_templates" / "assets" / "sla.js").as_uri()
    script = (
        f'import {{ dueIso }} from "{sla}"; import {{ readFileSync }} from "node:fs";'
        'const rules = JSON.parse(readFileSync(process.argv[1], "utf8"));'
        "console.log(JSON.stringify(JSON.parse(process.argv[2]).map((q) => dueIso(rules, q))));"
    )
    javascript = node_json(script, rules_path, [{"plan": q.plan, "priority": q.priority, "at": q.at, "metric": q.metric} for q in questions])
    evaluator = Evaluator(rules)
    for q, js in zip(questions, javascript, strict=True):
        expected = oracle.deadline(project, years, q).isoformat()
        assert js == expected, q
        assert evaluator.due(q.plan, q.priority, q.at, metric=q.metric).isoformat() == expected, q


def event_tickets(plan: str, event: str) -> list[oracle.Ticket]:
    """Four tickets of `plan` whose `event` ("workaround", "on-site") meets its metric: in time, late after a pause,
    not yet (still running), and never, the resolution coming first (met: the clock stops)."""
    T = oracle.Ticket
    return [
        T(plan, "P1", "2026-11-23T09:00:00+01:00", "2026-11-24T12:00:00+01:00",
          (("responded", "2026-11-23T09:30:00+01:00", None), (event, "2026-11-23T12:00:00+01:00", None),
           ("resolved", "2026-11-24T10:00:00+01:00", None))),
        T(plan, "P1", "2026-11-23T15:00:00+01:00", "2026-11-25T09:00:00+01:00",
          (("pause", "2026-11-23T16:00:00+01:00", None), ("resume", "2026-11-24T09:00:00+01:00", None),
           (event, "2026-11-24T14:00:00+01:00", None))),
        T(plan, "P2", "2026-11-23T10:00:00+01:00", "2026-11-24T10:00:00+01:00"),
        T(plan, "P2", "2026-11-23T10:00:00+01:00", "2026-11-30T10:00:00+01:00", (("resolved", "2026-11-24T11:00:00+01:00", None),)),
    ]
