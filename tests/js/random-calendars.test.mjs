// sla.js on random calendars, against answers of the brute-force oracle (tests/support/oracle.py).
// tests/test_js_evaluator.py draws the calendars (tests/support/calendars.py, the one generator),
// exports them and passes the paths:
//   TIERWISE_RANDOM_RULES    the exported rules of the random vendors
//   TIERWISE_RANDOM_VECTORS  questions with the oracle's answers, in the vector format
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { due, dueIso } from "../../site_templates/assets/sla.js";

const rulesPath = process.env.TIERWISE_RANDOM_RULES;
const vectorsPath = process.env.TIERWISE_RANDOM_VECTORS;

test("random calendars: the oracle's answers", { skip: !(rulesPath && vectorsPath) && "run through pytest" }, () => {
  const rules = JSON.parse(readFileSync(rulesPath, "utf-8"));
  const vectors = readFileSync(vectorsPath, "utf-8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
  assert.ok(vectors.length >= 100);
  const wrong = [];
  for (const v of vectors) {
    const ask = { plan: v.plan, priority: v.priority, at: v.at, tz: v.tz, metric: v.metric };
    let got;
    try {
      got = { iso: dueIso(rules, ask), instant: due(rules, ask).getTime() };
    } catch (error) {
      got = { error: error.message };
    }
    if (v.error ? !got.error : got.error || got.iso !== v.due || got.instant !== Date.parse(v.due)) {
      wrong.push(`${JSON.stringify(v)} -> ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${vectors.length} differ`);
});
