#!/usr/bin/env node
// Regenerates packages/core/test/govalue/fixtures/oracle-cases.json: runs every case of
// cases.mjs through Go's real text/template + Sprig + Helm functions (gotmpl-oracle) and stores
// the exact output or error. Needs the oracle only here, at development time:
//   ORACLE_BIN=/tmp/oracle/bin/gotmpl-oracle node scripts/govalue/gen-oracle-fixtures.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cases } from "./cases.mjs";
import { templateOf } from "./templates.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../../packages/core/test/govalue/fixtures/oracle-cases.json");
const oracle = process.env.ORACLE_BIN ?? "/tmp/oracle/bin/gotmpl-oracle";

const oracleCases = cases.map((c, n) => {
  const data = {};
  const template = templateOf(c, data);
  const funcs = c.kind === "fromJson" || c.kind === "fromJsonArray" ? "helm" : "sprig";
  return { name: String(n), funcs, template, data, numbers: c.numbers ?? "float64" };
});
/** The data object as JSON text, splicing each argument's raw JSON in unchanged. */
const rawData = (data) =>
  `{${Object.entries(data)
    .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
    .join(",")}}`;
const input = `[${oracleCases.map(({ data, ...c }) => `${JSON.stringify(c).slice(0, -1)},"data":${rawData(data)}}`).join(",")}]`;
const res = execFileSync(oracle, ["cases", "-"], { input, maxBuffer: 1 << 28 });
const lines = res
  .toString("utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l));
const fixtures = cases.map((c, n) => {
  const r = lines[n];
  if (r.name !== String(n)) throw new Error(`oracle answered out of order at ${n}`);
  if (r.outputBase64 !== undefined) throw new Error(`case ${n}: output is not UTF-8`);
  const expect = {};
  if (r.error !== undefined) {
    if (r.phase !== "exec") throw new Error(`case ${n} (${oracleCases[n].template}): ${r.phase}: ${r.error}`);
    // Keep the function's own error: text/template wraps it as `... error calling NAME: MSG`.
    const m = /error calling [A-Za-z0-9_]+: ([\s\S]*)$/.exec(r.error);
    expect.error = m ? m[1] : r.error;
  } else expect.output = r.output;
  return { ...c, template: oracleCases[n].template, expect };
});
crossCheckWithHelm(fixtures);
writeFileSync(out, `${JSON.stringify(fixtures, null, 1)}\n`);
console.log(`wrote ${fixtures.length} cases to ${out}`);

/**
 * The oracle is Go 1.19 + Sprig 3.2.3; Helm 4.1.4 (Go 1.25, Sprig 3.3) is the authority. Every
 * case that can run inside a chart is rendered once more by the real Helm (all in one NOTES.txt,
 * data in values.yaml); where Helm disagrees, its answer becomes the expectation and the case
 * records both. Skipped when HELM_BIN is not set.
 */
function crossCheckWithHelm(fixtures) {
  const helm = process.env.HELM_BIN;
  if (!helm) {
    console.log("HELM_BIN not set: expectations are the oracle's alone");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "govalue-helm-"));
  try {
    mkdirSync(join(dir, "templates"));
    writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: govalue\nversion: 0.1.0\n");
    const values = {};
    const parts = [];
    const checked = [];
    fixtures.forEach((c, n) => {
      // Errors stop Helm's rendering, int64 data cannot come from values files, and Helm
      // strips <no value> from its output: those stay with the oracle.
      if (c.expect.error !== undefined || c.numbers === "int64" || c.expect.output.includes("<no value>")) return;
      const data = {};
      const t = templateOf(c, data)
        .replaceAll(".nope", ".Values.nope")
        .replace(/\.a(\d+)/g, (_m, k) => `.Values.c${n}.a${k}`);
      values[`c${n}`] = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, JSON.parse(v)]));
      parts.push(`@@@${n}@@@${t}`);
      checked.push(n);
    });
    writeFileSync(join(dir, "values.yaml"), JSON.stringify(values));
    writeFileSync(join(dir, "templates", "NOTES.txt"), `${parts.join("")}@@@END@@@`);
    const res = execFileSync(helm, ["install", "x", dir, "--dry-run=client"], { maxBuffer: 1 << 28 }).toString("utf8");
    const notes = res.slice(res.indexOf("NOTES:\n") + "NOTES:\n".length);
    const outputs = new Map();
    const re = /@@@(\d+)@@@([\s\S]*?)(?=@@@(?:\d+|END)@@@)/g;
    for (const m of notes.matchAll(re)) outputs.set(Number(m[1]), m[2]);
    let differ = 0;
    for (const n of checked) {
      const got = outputs.get(n);
      if (got === undefined) throw new Error(`helm printed nothing for case ${n}`);
      const c = fixtures[n];
      if (got !== c.expect.output) {
        differ++;
        console.log(
          `helm differs from the oracle on #${n} ${c.template}\n  oracle ${JSON.stringify(c.expect.output)}\n  helm   ${JSON.stringify(got)}`,
        );
        c.oracle = c.expect.output;
        c.expect = { output: got };
        c.source = "helm-4.1.4";
      }
    }
    console.log(`helm cross-check: ${checked.length} cases, ${differ} answered differently by Helm 4.1.4`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
