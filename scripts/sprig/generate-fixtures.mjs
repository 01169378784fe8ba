#!/usr/bin/env node
/**
 * Builds packages/core/test/sprig/fixtures/*.json: every case of scripts/sprig/cases/*.mjs with
 * the exact output or error of Go's text/template + Sprig (gotmpl-oracle, Helm's options), then
 * checked against the real Helm 4.1.4 (which ships Sprig 3.3 and newer semver/xstrings/mergo):
 * where Helm differs, Helm's result is the expectation and the case records `helm: true`.
 *
 *   ORACLE_BIN=/tmp/oracle/bin/gotmpl-oracle HELM_BIN=~/.cache/helm-trivy-dev/helm \
 *     node scripts/sprig/generate-fixtures.mjs [CASE-FILE...]   (e.g. `certs`; default: all)
 *
 * Dev-time only: the tests read the committed fixtures and need neither binary.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const outDir = join(root, "packages/core/test/sprig/fixtures");
const oracle = process.env.ORACLE_BIN ?? "/tmp/oracle/bin/gotmpl-oracle";
const helm = process.env.HELM_BIN;

function runOracle(cases) {
  const input = cases.map((c) => ({
    name: c.name,
    template: c.template,
    data: c.data ?? {},
    funcs: "helm",
    options: ["missingkey=zero", "strip-no-value"],
  }));
  const out = execFileSync(oracle, ["cases", "-"], {
    input: JSON.stringify(input),
    maxBuffer: 1 << 28,
    env: { ...process.env, TZ: "UTC" },
  }).toString();
  return out
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

/** The message after `at <...>: ` (Go) or the last line (Helm's multi-line report). */
function tail(goError) {
  const m = /executing "[^"]*" at <.*?>: ([\s\S]*)$/.exec(goError);
  return m ? m[1] : goError;
}

function runHelm(chartDir, c) {
  const marker = "@@SPRIG@@";
  writeFileSync(
    join(chartDir, "templates/NOTES.txt"),
    `${marker}{{ range $_ := list .Values.data }}${c.template}{{ end }}${marker}`,
  );
  writeFileSync(join(chartDir, "..", "values.json"), JSON.stringify({ data: c.data ?? {} }));
  const r = spawnSync(helm, ["install", "x", chartDir, "--dry-run=client", "-f", join(chartDir, "..", "values.json")], {
    maxBuffer: 1 << 28,
    env: { ...process.env, TZ: "UTC" },
  });
  const stdout = r.stdout.toString();
  const i = stdout.indexOf(marker);
  const j = stdout.lastIndexOf(marker);
  if (r.status === 0 && i >= 0 && j > i) return { output: stdout.slice(i + marker.length, j) };
  const lines = r.stderr.toString().trim().split("\n");
  return { error: tail(lines[lines.length - 1].trim()) };
}

// Optional arguments name the case files to regenerate (e.g. `certs`); default: all of them.
const only = process.argv.slice(2);
const files = readdirSync(join(here, "cases")).filter(
  (f) => f.endsWith(".mjs") && (only.length === 0 || only.includes(f.replace(/\.mjs$/, ""))),
);
let chartDir;
if (helm) {
  const tmp = mkdtempSync(join(tmpdir(), "sprig-helm-"));
  chartDir = join(tmp, "c");
  mkdirSync(join(chartDir, "templates"), { recursive: true });
  writeFileSync(join(chartDir, "Chart.yaml"), "apiVersion: v2\nname: c\nversion: 0.1.0\n");
}
mkdirSync(outDir, { recursive: true });
let total = 0;
let helmDiffs = 0;
for (const f of files) {
  const { cases } = await import(join(here, "cases", f));
  const results = runOracle(cases);
  const fixtures = cases.map((c, idx) => {
    const r = results[idx];
    const fx = { name: c.name, template: c.template };
    if (c.data !== undefined) fx.data = c.data;
    if (r.output !== undefined) fx.output = r.output;
    else if (r.outputBase64 !== undefined) fx.outputBase64 = r.outputBase64;
    else {
      fx.error = r.error;
      fx.phase = r.phase;
    }
    if (chartDir && !c.oracleOnly) {
      const h = runHelm(chartDir, c);
      const agrees =
        h.output !== undefined ? fx.output === h.output : fx.error !== undefined && tail(fx.error).trim() === h.error;
      if (!agrees) {
        helmDiffs++;
        fx.helm = true;
        delete fx.output;
        delete fx.outputBase64;
        delete fx.error;
        delete fx.phase;
        if (h.output !== undefined) fx.output = h.output;
        else fx.errorTail = h.error;
        fx.oracle = r.output ?? r.error;
      }
    }
    return fx;
  });
  total += fixtures.length;
  writeFileSync(join(outDir, f.replace(/\.mjs$/, ".json")), `${JSON.stringify(fixtures, null, 1)}\n`);
}
if (chartDir) rmSync(dirname(chartDir), { recursive: true, force: true });
console.log(`${total} cases written to ${outDir}${helm ? `; ${helmDiffs} differ in Helm 4.1.4 (Helm kept)` : ""}`);
