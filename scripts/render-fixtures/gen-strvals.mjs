#!/usr/bin/env node
// Generates packages/core/test/values/strvals-expected.json from real Helm 4.1.4:
// each case's flags are given to `helm template` of fixtures/charts/render-dump, whose only
// template prints .Values as a typed JSON tree (or helm's error line).
// Dev-time only: HELM_BIN=/path/to/helm node scripts/render-fixtures/gen-strvals.mjs
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const helm = process.env.HELM_BIN ?? join(process.env.HOME ?? "", ".cache/helm-trivy-dev/helm");
const casesFile = join(root, "packages/core/test/values/strvals-cases.json");
const cases = JSON.parse(readFileSync(casesFile, "utf8"));
const out = {};
for (const c of cases) {
  const r = spawnSync(helm, ["template", "render-dump", ...c.args], {
    cwd: join(root, "fixtures/charts"),
    encoding: "utf8",
  });
  const dump = /^# (\{.*\})$/m.exec(r.stdout);
  out[c.name] = { code: r.status, stderr: r.stderr, values: dump ? JSON.parse(dump[1]) : null };
}
writeFileSync(join(root, "packages/core/test/values/strvals-expected.json"), `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${Object.keys(out).length} cases`);
