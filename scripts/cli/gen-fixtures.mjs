#!/usr/bin/env node
// Dev-time generator: renders the demo chart with the real Helm 4.1.4 (HELM_BIN) for each value
// set the CLI tests use, and writes the outputs as fixtures. The tests compare the images the
// CLI finds with the images in Helm's own render, so they never need helm at run time.
//   HELM_BIN=/root/.cache/helm-trivy-dev/helm node scripts/cli/gen-fixtures.mjs
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const helm = process.env.HELM_BIN ?? "helm";
const chart = join(root, "fixtures/charts/demo");
const out = join(root, "packages/cli/test/fixtures");

const cases = {
  "demo.helm-template.yaml": [],
  "demo-ci-minimal.helm-template.yaml": ["-f", join(chart, "ci/minimal-values.yaml")],
  "demo-set.helm-template.yaml": ["--set", "sidecar.enabled=false", "--namespace", "prod", "x"],
};
const version = execFileSync(helm, ["version", "--short"], { encoding: "utf8" }).trim();
if (!version.startsWith("v4.1.4")) throw new Error(`need Helm 4.1.4, got ${version}`);
for (const [file, args] of Object.entries(cases)) {
  const name = args.at(-1) === "x" ? ["x"] : [];
  const flags = name.length ? args.slice(0, -1) : args;
  const text = execFileSync(helm, ["template", ...name, chart, ...flags], { encoding: "utf8" });
  writeFileSync(join(out, file), text);
  console.log(`${file}: ${text.length} bytes`);
}
