#!/usr/bin/env node
// Regenerates packages/core/test/govalue/fixtures/helm-cases.json: the cases of cases.mjs that
// only Helm can answer ([]byte operands, which exist only through .Files.GetBytes), rendered by
// the real Helm 4.1.4 in one chart's NOTES.txt. Needs Helm only here, at development time:
//   HELM_BIN=~/.cache/helm-trivy-dev/helm node scripts/govalue/gen-helm-fixtures.mjs
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { helmCases } from "./cases.mjs";
import { templateOf } from "./templates.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../../packages/core/test/govalue/fixtures/helm-cases.json");
const helm = process.env.HELM_BIN;
if (!helm) {
  console.error("set HELM_BIN to Helm 4.1.4 (see ../shared/tools/get-helm.sh)");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "govalue-helm-"));
try {
  mkdirSync(join(dir, "templates"));
  mkdirSync(join(dir, "files"));
  writeFileSync(join(dir, "Chart.yaml"), "apiVersion: v2\nname: govalue\nversion: 0.1.0\n");
  const values = {};
  const files = {};
  const templates = helmCases.map((c, n) => {
    const data = {};
    const t = templateOf(c, data, files).replace(/\.a(\d+)/g, (_m, k) => `.Values.c${n}.a${k}`);
    values[`c${n}`] = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, JSON.parse(v)]));
    return t;
  });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, "values.yaml"), JSON.stringify(values));
  writeFileSync(join(dir, "templates", "NOTES.txt"), `${templates.map((t, n) => `@@@${n}@@@${t}`).join("")}@@@END@@@`);
  const res = execFileSync(helm, ["install", "x", dir, "--dry-run=client"], { maxBuffer: 1 << 28 }).toString("utf8");
  const notes = res.slice(res.indexOf("NOTES:\n") + "NOTES:\n".length);
  const outputs = new Map();
  for (const m of notes.matchAll(/@@@(\d+)@@@([\s\S]*?)(?=@@@(?:\d+|END)@@@)/g)) outputs.set(Number(m[1]), m[2]);
  const fixtures = helmCases.map((c, n) => {
    const output = outputs.get(n);
    if (output === undefined) throw new Error(`helm printed nothing for case ${n}`);
    return { ...c, template: templates[n], source: "helm-4.1.4", expect: { output } };
  });
  writeFileSync(out, `${JSON.stringify(fixtures, null, 1)}\n`);
  console.log(`wrote ${fixtures.length} cases to ${out}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
