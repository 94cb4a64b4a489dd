// What the Node tests of the evaluators share: the repository's root, JSON lines, and the rules they run on.
import { readFileSync, mkdtempSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export const lines = (path) => readFileSync(path, "utf-8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));

// TIERWISE_RULES when pytest runs the tests (it exports the rules the vectors were computed for);
// run alone (`node --test tests/js/`), the rules are exported here with python3.
export function loadRules() {
  let path = process.env.TIERWISE_RULES;
  if (!path) {
    path = join(mkdtempSync(join(tmpdir(), "tierwise-")), "rules.json");
    execFileSync("python3", ["build.py", "rules", "--years", "2026-2028", "-o", path, "plans", "tests/conformance/edge-cases.plan"], { cwd: root });
  }
  return JSON.parse(readFileSync(path, "utf-8"));
}
