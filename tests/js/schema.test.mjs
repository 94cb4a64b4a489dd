// The published JSON Schema under Ajv in strict mode (tests/test_rules_schema.py runs this).
//   TIERWISE_SCHEMA  rules/schema.json as published
//   TIERWISE_RULES   an export to validate
// Ajv's strict mode refuses schemas that other validators quietly accept (union types, `required`
// keys not declared, keywords without their type); a consumer using it must be able to compile ours.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const skip = !process.env.TIERWISE_SCHEMA && "run through pytest (tests/test_rules_schema.py)";
const read = (name) => JSON.parse(readFileSync(process.env[name], "utf-8"));

function compile() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(read("TIERWISE_SCHEMA"));
}

test("the schema compiles under Ajv strict mode and an export satisfies it", { skip }, () => {
  const validate = compile();
  const ok = validate(read("TIERWISE_RULES"));
  assert.equal(ok, true, JSON.stringify(validate.errors?.slice(0, 5)));
});

test("a later minor version's added fields pass; a broken structure does not", { skip }, () => {
  const validate = compile();
  const rules = read("TIERWISE_RULES");
  const vendor = Object.values(rules.vendors)[0];
  const plan = Object.values(vendor.plans)[0];
  const calendar = Object.values(vendor.calendars)[0];
  const added = structuredClone(rules);
  added.format_version = "1.9";
  added.added_later = { anything: true };
  Object.values(added.vendors)[0].added_later = 1;
  Object.values(Object.values(added.vendors)[0].plans)[0].targets[0].added_later = "x";
  assert.equal(validate(added), true, JSON.stringify(validate.errors?.slice(0, 3)));
  const broken = structuredClone(rules);
  Object.values(Object.values(broken.vendors)[0].plans)[0].targets[0].minutes = "480";
  assert.equal(validate(broken), false);
  const major = structuredClone(rules);
  major.format_version = "2.0";
  assert.equal(validate(major), false);
  assert.ok(plan && calendar);
});
