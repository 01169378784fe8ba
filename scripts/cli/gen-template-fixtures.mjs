#!/usr/bin/env node
// Dev-time generator: runs the real Helm 4.1.4 (HELM_BIN) `helm template` over the cases below
// (local charts, Helm's errors, and the demo chart served by scripts/cli/chart-server.mjs as a
// repository, an archive URL and an OCI registry) and writes what it printed and its status to
// packages/cli/test/fixtures/template-cases.json. The CLI test runs `helm-trivy template` with
// the same arguments and needs no helm.
//   HELM_BIN=/root/.cache/helm-trivy-dev/helm node scripts/cli/gen-template-fixtures.mjs
// In args, {{URL}} is the chart server's http://127.0.0.1:PORT and {{HOST}} its 127.0.0.1:PORT;
// the repository name `fix` is that server's /charts repository.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { packChart, startChartServer } from "./chart-server.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const helm = process.env.HELM_BIN ?? "helm";
const out = join(root, "packages/cli/test/fixtures/template-cases.json");

const demo = "fixtures/charts/demo";
const cases = [
  { name: "local directory", args: [demo] },
  { name: "release name, --set, -n", args: ["x", demo, "--set", "sidecar.enabled=false", "-n", "prod"] },
  { name: "--show-only", args: [demo, "-s", "templates/service.yaml"] },
  { name: "--kube-version and --api-versions", args: [demo, "--kube-version", "1.29.0", "-a", "foo/v1,bar/v2"] },
  { name: "--no-hooks --skip-tests", args: [demo, "--no-hooks", "--skip-tests"] },
  { name: "path not found", args: ["./nope"] },
  { name: "path not found before a bad values file", args: ["./nope", "-f", "nope-values.yaml"] },
  { name: "bad values file", args: [demo, "-f", "nope-values.yaml"] },
  { name: "bad --kube-version first", args: ["./nope", "--kube-version", "bad"] },
  { name: "bad release name", args: ["Bad_Name", demo] },
  { name: "too many arguments", args: ["a", "b", "c"] },
  { name: "missing dependency", args: ["fixtures/charts/render-deps-missing"] },
  { name: "invalid YAML output", args: ["fixtures/charts/render-badyaml"] },
  { name: "bare name", args: ["nochart"] },
  { name: "unknown repository", args: ["nope/chart"] },
  { name: "--repo URL NAME", args: ["demo", "--repo", "{{URL}}/charts"] },
  { name: "archive URL", args: ["rel", "{{URL}}/charts/demo-1.2.0.tgz"] },
  { name: "repo/name", args: ["fix/demo"] },
  { name: "repo/name --version", args: ["x", "fix/demo", "--version", "1.2.0", "--set", "sidecar.enabled=false"] },
  { name: "oci://", args: ["oci://{{HOST}}/charts/demo", "--plain-http"] },
  { name: "oci:// --version", args: ["oci://{{HOST}}/charts/demo", "--plain-http", "--version", "1.2.0"] },
];

async function main() {
  const version = execFileSync(helm, ["version", "--short"], { encoding: "utf8" }).trim();
  if (!version.startsWith("v4.1.4")) throw new Error(`need Helm 4.1.4, got ${version}`);
  const server = await startChartServer({ name: "demo", version: "1.2.0", tgz: packChart(join(root, demo)) });
  const home = mkdtempSync(join(tmpdir(), "gen-template-"));
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    HELM_CONFIG_HOME: join(home, "config"),
    HELM_CACHE_HOME: join(home, "cache"),
    HELM_DATA_HOME: join(home, "data"),
  };
  mkdirSync(env.HELM_CONFIG_HOME, { recursive: true });
  const results = [];
  try {
    await runHelm(["repo", "add", "fix", `${server.url}/charts`], env);
    for (const c of cases) {
      const args = c.args.map((a) => a.replaceAll("{{URL}}", server.url).replaceAll("{{HOST}}", server.host));
      const r = await runHelm(["template", ...args], env);
      results.push({ name: c.name, args: c.args, status: r.status, stdout: r.stdout, stderr: r.stderr });
      console.log(`${c.name}: status ${r.status}, ${r.stdout.length} bytes${r.status ? `: ${r.stderr.trim()}` : ""}`);
    }
  } finally {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
  writeFileSync(out, `${JSON.stringify({ helm: version, cases: results }, null, 2)}\n`);
}

/** Runs helm without blocking the event loop (the chart server answers from this process). */
async function runHelm(args, env) {
  return new Promise((resolve) => {
    const child = spawn(helm, args, { cwd: root, env });
    const o = [];
    const e = [];
    child.stdout.on("data", (d) => o.push(d));
    child.stderr.on("data", (d) => e.push(d));
    child.on("close", (status) =>
      resolve({ status, stdout: Buffer.concat(o).toString("utf8"), stderr: Buffer.concat(e).toString("utf8") }),
    );
  });
}

await main();
