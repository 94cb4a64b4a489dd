// Answers questions with the JavaScript evaluator, one JSON line in, one out, for as long as standard input is open:
// tests/test_fuzz_outputs.py keeps one Node process for a whole fuzz run instead of starting one per example.
//   in:  {"rules": <the exported rules>, "questions": [{plan, priority, at, tz, metric, case, country}, ...]}
//   out: [{"due": ISO} or {"error": message, "field": the field at fault or null (docs/rules.md §7)}, ...]
import { createInterface } from "node:readline";

import { dueIso } from "../../site_templates/assets/sla.js";

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const { rules, questions } = JSON.parse(line);
  const answers = questions.map((q) => {
    try {
      return { due: dueIso(rules, q) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error), field: error instanceof Error && "field" in error ? error.field : "(no field)" };
    }
  });
  process.stdout.write(JSON.stringify(answers) + "\n");
}
