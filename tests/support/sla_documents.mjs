// Asks the JavaScript evaluators about rules documents, one JSON line in, one out, while standard input is open:
// tests/test_fuzz_engine.py gives it the same malformed documents as the Python evaluator, side by side.
//   in:  {"rules": <a rules document>, "questions": [{plan, priority, at, tz, metric, ...}], "tickets": [{plan, ..., now}],
//         "priorities": [[vendor, impact, urgency]]}
//   out: {"questions": [{"answer": ISO} or {"error": message, "field": the field at fault or null, "kind": the error's class}],
//         "tickets": [...], "priorities": [...]}
import { createInterface } from "node:readline";

import { dueIso, priorityFor } from "../../site_templates/assets/sla.js";
import { ticket } from "../../site_templates/assets/ticket.js";

const asked = (fn) => {
  try {
    return { answer: fn() };
  } catch (error) {
    // `field` as Python's RuleError.field (docs/rules.md §7); an error without one says so, so that a comparison finds it.
    const field = error instanceof Error && "field" in error ? error.field : "(no field)";
    return { error: error instanceof Error ? error.message : String(error), field, kind: error?.constructor?.name ?? typeof error };
  }
};

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const { rules, questions = [], tickets = [], priorities = [] } = JSON.parse(line);
  process.stdout.write(JSON.stringify({
    questions: questions.map((q) => asked(() => dueIso(rules, q))),
    tickets: tickets.map((q) => asked(() => ticket(rules, q))),
    priorities: priorities.map(([v, i, u]) => asked(() => priorityFor(rules, v, i, u))),
  }) + "\n");
}
