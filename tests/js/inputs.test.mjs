// The JavaScript evaluator on the shared table of accepted and refused inputs (tests/conformance/inputs.jsonl).
//   TIERWISE_RULES   the rules the conformance vectors use (plans/ + edge-cases.plan, 2026-2028)
//   TIERWISE_INPUTS  the table (default: tests/conformance/inputs.jsonl)
// tests/test_inputs_table.py and tests/test_js_evaluator.py run this; the Python side answers the same table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

import { dueIso } from "../../site_templates/assets/sla.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const skip = !process.env.TIERWISE_RULES && "run through pytest (tests/test_inputs_table.py)";

test("every row of the inputs table: the same deadline or the same words and field", { skip }, () => {
  const rules = JSON.parse(readFileSync(process.env.TIERWISE_RULES, "utf-8"));
  const table = process.env.TIERWISE_INPUTS || join(root, "tests", "conformance", "inputs.jsonl");
  const rows = readFileSync(table, "utf-8").split("\n").filter((l) => l).map((l) => JSON.parse(l));
  assert.ok(rows.length > 50, "the table is nearly empty");
  const wrong = [];
  for (const row of rows) {
    let got;
    try {
      got = { due: dueIso(rules, row.question) };
    } catch (error) {
      got = { error: error.message, field: error.field };
    }
    // Every evaluator counts to the millisecond (docs/rules.md §5 "Inputs"): one answer per row, for Python as for this one.
    // A refusal's field as well as its words: sla.js's Errors carry Python's RuleError.field (docs/rules.md §7).
    const want = "due" in row ? { due: row.due } : { error: row.error, field: row.field };
    if (JSON.stringify(got) !== JSON.stringify(want)) wrong.push(`${JSON.stringify(row.question)} (${row.why}): ${JSON.stringify(got)}, not ${JSON.stringify(want)}`);
  }
  assert.deepEqual(wrong, []);
});
