// The ticket clock of site_templates/assets/ticket.js (built on sla.js) against tests/conformance/clock-vectors.jsonl (docs/rules.md §11).
//
// Environment (set by tests/test_ticket_clock.py and tests/test_js_evaluator.py):
//   TIERWISE_RULES         the exported rule JSON the vectors were computed for (required when run by pytest)
//   TIERWISE_CLOCK_ERRORS  JSON lines {ticket, error}: the Python evaluator's words for tickets it refuses
// Run alone (`node --test tests/js/`), it exports the rules itself with python3.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { dueIso } from "../../site_templates/assets/sla.js";
import { ticket } from "../../site_templates/assets/ticket.js";
import { lines, loadRules, root } from "./harness.mjs";

const rules = loadRules();
const vectors = lines(join(root, "tests", "conformance", "clock-vectors.jsonl"));
const ask = (v) => ({ plan: v.plan, priority: v.priority, at: v.at, now: v.now, events: v.events, tz: v.tz ?? null, case: v.case ?? null, country: v.country ?? null, warnings: v.warnings ?? null });

// A metric (or obligation) without a time is compared by its state; its reason in words is not part of a vector.
function withoutReasons(answer) {
  for (const m of [...Object.values(answer.metrics), ...Object.values(answer.obligations)]) delete m.reason;
  return answer;
}

test("every clock vector: the same answer, field for field", () => {
  assert.ok(vectors.length >= 100, "the clock vector file is nearly empty");
  const wrong = [];
  for (const v of vectors) {
    let got;
    try {
      got = withoutReasons(ticket(rules, ask(v)));
    } catch (error) {
      got = { error: error.message };
    }
    if (v.error) {
      if (!got.error) wrong.push(`${v.why}: expected an error, got ${JSON.stringify(got)}`);
    } else if (JSON.stringify(got) !== JSON.stringify(v.answer)) {
      wrong.push(`${v.why}:\n  expected ${JSON.stringify(v.answer)}\n  got      ${JSON.stringify(got)}`);
    }
  }
  assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} of ${vectors.length} clock vectors differ`);
  // Refused tickets in the Python evaluator's own words and field (given by pytest; absent when run alone).
  const errors = process.env.TIERWISE_CLOCK_ERRORS ? lines(process.env.TIERWISE_CLOCK_ERRORS) : [];
  for (const { ticket: t, error, field } of errors) {
    assert.throws(() => ticket(rules, t), (e) => e instanceof Error && e.message === error && e.field === field,
      `${JSON.stringify(t)} should fail with: ${error} (field ${field})`);
  }
});

// Format 1.7 (docs/rules.md §11.4): an obligation on a calendar closed on the customer's holidays, once work has started,
// is "none" with a metric's words when the ticket has no country or one the rules do not carry; the ticket is answered.
test("an obligation on the customer's holidays without their country is none, not a refusal", () => {
  const base = { plan: "conformance-lab/callback", priority: "P2", at: "2026-12-24T15:30:00+01:00", now: "2026-12-28T08:30:00+01:00",
    events: [{ type: "responded", at: "2026-12-24T16:00:00+01:00" }], tz: "Europe/Stockholm", case: null, warnings: null };
  for (const country of [null, "DE"]) {
    let words;
    try {
      dueIso(rules, { plan: "conformance-lab/local", priority: "P2", at: base.at, tz: base.tz, metric: "registration", country });
    } catch (error) {
      words = error.message;
    }
    assert.match(words, /closes on the customer's public holidays/);
    const got = ticket(rules, { ...base, country });
    assert.deepEqual(got.obligations["call-back"], { state: "none", reason: words });
    assert.equal(got.metrics["first-response"].state, "met");
  }
  assert.deepEqual(ticket(rules, { ...base, country: null, now: "2026-12-24T15:50:00+01:00", events: [] }).obligations["call-back"],
    { state: "waiting", due: null });
  assert.equal(ticket(rules, { ...base, country: "SE" }).obligations["call-back"].elapsed_seconds, 90 * 60);
});
