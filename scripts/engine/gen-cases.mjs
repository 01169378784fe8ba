#!/usr/bin/env node
/**
 * Generates the Go-level conformance fixtures of the template engine:
 *   node scripts/engine/gen-cases.mjs            (needs ORACLE_BIN or /tmp/oracle/bin/gotmpl-oracle)
 * For every group in case-sources.mjs it runs Go's text/template (the gotmpl-oracle `cases`
 * command) and writes packages/core/test/engine/cases/<group>.json: each case with its exact
 * expected `output` or `error`. Tests read those files; they never need the oracle.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { groups } from "./case-sources.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "../../packages/core/test/engine/cases");
const oracle = process.env.ORACLE_BIN ?? "/tmp/oracle/bin/gotmpl-oracle";

mkdirSync(outDir, { recursive: true });
let total = 0;
for (const [group, cases] of Object.entries(groups)) {
  const named = cases.map((c, i) => ({ name: c.name ?? `${group}#${i}`, ...c }));
  const stdout = execFileSync(oracle, ["cases", "-"], { input: JSON.stringify(named), maxBuffer: 1 << 30 });
  const lines = stdout.toString("utf8").trim().split("\n");
  if (lines.length !== named.length) throw new Error(`${group}: ${lines.length} results for ${named.length} cases`);
  const out = named.map((c, i) => {
    const r = JSON.parse(lines[i]);
    const res = { ...c };
    if (r.outputBase64 !== undefined) res.outputBase64 = r.outputBase64;
    else if (r.output !== undefined) res.output = r.output;
    else {
      res.error = r.error;
      res.phase = r.phase;
    }
    return res;
  });
  writeFileSync(join(outDir, `${group}.json`), `${JSON.stringify(out, null, 1)}\n`);
  total += out.length;
  console.log(`${group}: ${out.length}`);
}
console.log(`total: ${total}`);
