#!/usr/bin/env node
/**
 * Records `helm template --output-dir` (Helm 4.1.4) for packages/cli/test/template-output-dir.test.ts:
 * per case, stdout/stderr/status of the last run and every file under the working directory
 * (path -> content). Dev-time only: HELM_BIN=/path/to/helm node scripts/cli/gen-output-dir-fixtures.mjs
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const outDir = join(repoRoot, "packages/cli/test/fixtures/output-dir");
const helm = process.env.HELM_BIN ?? join(process.env.HOME ?? "", ".cache/helm-trivy-dev/helm");

/** `CHART` in args stands for the chart's absolute path; `setup` files are made before the runs. */
const cases = [
  { name: "demo", chart: "fixtures/charts/demo", args: ["template", "rel", "CHART", "--output-dir", "out"] },
  { name: "subcharts", chart: "fixtures/charts/render-deps", args: ["template", "CHART", "--output-dir", "out"] },
  {
    name: "crds-hooks",
    chart: "fixtures/charts/render-order",
    args: ["template", "CHART", "--output-dir", "out", "--include-crds"],
  },
  {
    name: "no-hooks",
    chart: "fixtures/charts/render-order",
    args: ["template", "CHART", "--output-dir", "out", "--no-hooks", "--skip-tests"],
  },
  {
    name: "skip-tests",
    chart: "fixtures/charts/render-order",
    args: ["template", "CHART", "--output-dir", "out", "--skip-tests"],
  },
  {
    name: "show-only",
    chart: "fixtures/charts/render-order",
    args: ["template", "CHART", "--output-dir", "out", "--show-only", "templates/docs.yaml"],
  },
  { name: "trailing-slash", chart: "fixtures/charts/demo", args: ["template", "CHART", "--output-dir", "out/"] },
  {
    name: "existing-dir-twice",
    chart: "fixtures/charts/demo",
    args: ["template", "CHART", "--output-dir", "out"],
    runs: 2,
    setup: { "out/demo/templates/service.yaml": "old content\n", "out/keep.txt": "kept\n" },
  },
  { name: "render-error", chart: "fixtures/charts/render-badyaml", args: ["template", "CHART", "--output-dir", "out"] },
  {
    name: "dir-is-file",
    chart: "fixtures/charts/demo",
    args: ["template", "CHART", "--output-dir", "out"],
    setup: { out: "a file\n" },
  },
  {
    name: "target-is-dir",
    chart: "fixtures/charts/demo",
    args: ["template", "CHART", "--output-dir", "out"],
    setup: { "out/demo/templates/deployment.yaml/x": "" },
  },
];

function tree(root) {
  const files = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[relative(root, p)] = readFileSync(p, "utf8");
    }
  };
  walk(root);
  return files;
}

mkdirSync(outDir, { recursive: true });
for (const c of cases) {
  const work = mkdtempSync(join(tmpdir(), "gen-output-dir-"));
  for (const [p, content] of Object.entries(c.setup ?? {})) {
    mkdirSync(dirname(join(work, p)), { recursive: true });
    writeFileSync(join(work, p), content);
  }
  const argv = c.args.map((a) => (a === "CHART" ? join(repoRoot, c.chart) : a));
  let r;
  for (let i = 0; i < (c.runs ?? 1); i++) {
    r = spawnSync(helm, argv, { cwd: work, encoding: "utf8", env: { PATH: process.env.PATH, HOME: work } });
  }
  const record = { ...c, stdout: r.stdout, stderr: r.stderr, status: r.status, files: tree(work) };
  writeFileSync(join(outDir, `${c.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
  rmSync(work, { recursive: true, force: true });
  console.log(`${c.name}: status ${r.status}, ${Object.keys(record.files).length} files`);
}
