// The JavaScript evaluator (site_templates/assets/sla.js) against the conformance vectors.
//
// tests/test_js_evaluator.py runs this with the paths in environment variables:
//   TIERWISE_RULES      the exported rule JSON the vectors were computed for (required)
//   TIERWISE_VECTORS    the vectors (default: tests/conformance/vectors.jsonl)
//   TIERWISE_ERRORS     JSON lines {case, error}: the Python evaluator's words for failing cases
//   TIERWISE_PRIORITIES JSON lines {vendor, impact, urgency, level | error}: Python's matrix answers
//   TIERWISE_WALLS      JSON lines {zone, wall, ms, iso}: Python's fold=0 instants of wall times near DST changes
// Run alone (`node --test tests/js/`), it exports the rules itself with python3.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";

import { due, dueIso, formatIso, localToInstant, priorityFor } from "../../site_templates/assets/sla.js";
import { lines, loadRules, root } from "./harness.mjs";

const rules = loadRules();
const vectors = lines(process.env.TIERWISE_VECTORS || join(root, "tests", "conformance", "vectors.jsonl"));

const ask = (v) => ({ plan: v.plan, priority: v.priority, at: v.at, tz: v.tz, metric: v.metric, case: v.case ?? null, country: v.country ?? null });

test("every conformance vector: the same instant and the same ISO text", () => {
  assert.ok(vectors.length > 1000, "the vector file is nearly empty");
  const wrong = [];
  for (const v of vectors) {
    let got;
    try {
      got = { iso: dueIso(rules, ask(v)), instant: due(rules, ask(v)).getTime() };
    } catch (error) {
      got = { error: error.message };
    }
    if (v.error) {
      if (!got.error) wrong.push(`${JSON.stringify(v)} -> ${got.iso}, expected an error`);
    } else if (got.error) {
      wrong.push(`${JSON.stringify(v)} -> error ${got.error}`);
    } else if (got.iso !== v.due || got.instant !== Date.parse(v.due)) {
      wrong.push(`${JSON.stringify(v)} -> ${got.iso}`);
    }
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${vectors.length} vectors differ`);
});

test("errors in the same words as the Python evaluator", { skip: !process.env.TIERWISE_ERRORS && "run through pytest" }, () => {
  const cases = lines(process.env.TIERWISE_ERRORS);
  assert.ok(cases.length >= 10);
  for (const { case: c, error } of cases) {
    assert.throws(() => due(rules, c), (e) => e instanceof Error && e.message === error, `${JSON.stringify(c)} should fail with: ${error}`);
  }
});

test("priority matrices as the Python evaluator reads them", { skip: !process.env.TIERWISE_PRIORITIES && "run through pytest" }, () => {
  const cases = lines(process.env.TIERWISE_PRIORITIES);
  assert.ok(cases.some((c) => c.level) && cases.some((c) => c.error));
  for (const c of cases) {
    if (c.error) {
      assert.throws(() => priorityFor(rules, c.vendor, c.impact, c.urgency), { message: c.error });
    } else {
      assert.equal(priorityFor(rules, c.vendor, c.impact, c.urgency), c.level);
    }
  }
});

test("wall times in DST gaps and repeats convert with fold=0", () => {
  // Stockholm, 29 March 2026: 02:00-03:00 does not exist; 25 October 2026: 02:00-03:00 happens twice.
  // The night calendar opens Sunday 00:00-02:30 and 03:00-05:00.
  const night = (at) => dueIso(rules, { plan: "conformance-lab/night", priority: "P1", at });
  // Spring: 02:30 converts with +01:00 (= 03:30 CEST), after 03:00 CEST: the pieces overlap and join.
  assert.equal(night("2026-03-29T02:50:00+02:00"), "2026-03-29T03:20:00+02:00");
  // Autumn: 02:30 is its first occurrence (+02:00); the next piece starts at 03:00 CET.
  assert.equal(night("2026-10-25T02:15:00+02:00"), "2026-10-25T03:15:00+01:00");
  assert.equal(formatIso(new Date("2026-10-25T00:30:00Z"), "Europe/Stockholm"), "2026-10-25T02:30:00+02:00");
  assert.equal(formatIso(new Date("2026-10-25T01:30:00Z"), "Europe/Stockholm"), "2026-10-25T02:30:00+01:00");
  assert.equal(formatIso(new Date("2027-06-09T12:00:00.250Z"), "Asia/Kolkata"), "2027-06-09T17:30:00.250000+05:30");
  assert.equal(formatIso(new Date("2026-01-01T00:00:00Z"), -210), "2025-12-31T20:30:00-03:30");
});

test("wall time -> instant as Python's zoneinfo with fold=0, around every DST change", { skip: !process.env.TIERWISE_WALLS && "run through pytest" }, () => {
  const cases = lines(process.env.TIERWISE_WALLS);
  assert.ok(cases.length > 1000);
  const wrong = [];
  for (const c of cases) {
    const got = localToInstant(c.zone, c.wall);
    const iso = formatIso(got, c.zone);
    if (got.getTime() !== c.ms || iso !== c.iso) wrong.push(`${c.zone} ${c.wall}: ${iso}, Python ${c.iso}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${cases.length} differ`);
});

test("the seed example and a Date as the moment", () => {
  assert.equal(dueIso(rules, { plan: "stratiteq/sos", priority: "P3", at: "2026-11-23T15:00:00+01:00" }), "2026-11-24T14:00:00+01:00");
  const deadline = due(rules, { plan: "stratiteq/sos", priority: "P3", at: new Date("2026-11-23T14:00:00Z") });
  assert.equal(deadline.toISOString(), "2026-11-24T13:00:00.000Z");
});

test("rules of another major format are refused", () => {
  assert.throws(() => due({ ...rules, format_version: "2.0" }, { plan: "stratiteq/sos", priority: "P3", at: "2026-11-23T15:00:00+01:00" }),
    { message: "these rules are in format 2.0; this evaluator reads format 1.x" });
});
