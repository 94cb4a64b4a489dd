"""One Node process asking sla.js and ticket.js (tests/support/sla_documents.mjs) for a whole test module: the
differential tests put the same rules, questions and tickets to both evaluators."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from support.paths import ROOT


class SlaDocuments:
    """The Node process; each request is one JSON line of rules and what to ask, each answer one line."""

    def __init__(self, node: str) -> None:
        self.proc = subprocess.Popen(
            [node, str(ROOT / "tests" / "support" / "sla_documents.mjs")], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT
        )

    def request(self, asked: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
        """The answers to `asked` ({"rules": …, "questions"|"tickets"|"priorities": [...]}), per kind, each
        {"answer": …} or {"error": words}, in order."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(json.dumps(asked) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, "node ended"
        answers: dict[str, list[dict[str, Any]]] = json.loads(line)
        return answers

    def ask(
        self, rules: Any, questions: list[dict[str, Any]], tickets: list[dict[str, Any]], priorities: list[list[str]]
    ) -> dict[str, list[dict[str, Any]]]:
        """sla.js's deadlines, ticket.js's clocks and the priorities of impact × urgency pairs, in one request."""
        return self.request({"rules": rules, "questions": questions, "tickets": tickets, "priorities": priorities})

    def due(self, rules: dict[str, Any], questions: list[dict[str, Any]], kind: str = "questions") -> list[dict[str, Any]]:
        """sla.js's answers to the questions (or ticket.js's to tickets, kind "tickets"), without the answers' kinds."""
        return [{k: v for k, v in a.items() if k != "kind"} for a in self.request({"rules": rules, kind: questions})[kind]]

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def node_evaluators() -> Iterator[SlaDocuments]:
    """A module fixture's body: the process for the module (the module is skipped without Node), closed after it."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    documents = SlaDocuments(node)
    yield documents
    documents.close()
