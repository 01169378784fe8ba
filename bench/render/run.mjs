#!/usr/bin/env node
/**
 * Render benchmark over the corpus charts (../shared/corpus/charts, the arguments of their
 * goldens when any): each chart rendered
 *   - in one process (load + values + render + print through the core API, after a warm-up),
 *   - as one process per chart (`node packages/cli/dist/main.js template NAME ARGS`),
 *   - with `helm template` when HELM_BIN is set,
 * printing milliseconds per chart (best of ROUNDS), the ratio ours/helm per chart, and totals.
 *
 *   pnpm build
 *   HELM_BIN=~/.cache/helm-trivy-dev/helm node bench/render/run.mjs [--rounds=3] [--golden-only] [NAME...]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const corpus = resolve(root, "..", "shared", "corpus");
const chartsDir = join(corpus, "charts");
const goldenDir = join(corpus, "golden");
const cli = join(root, "packages", "cli", "dist", "main.js");
const core = join(root, "packages", "core", "dist");

const argv = process.argv.slice(2);
const rounds = Number(argv.find((a) => a.startsWith("--rounds="))?.slice("--rounds=".length) ?? 3);
const goldenOnly = argv.includes("--golden-only");
const only = new Set(argv.filter((a) => !a.startsWith("--")));
const helm = process.env.HELM_BIN;

if (!existsSync(chartsDir)) {
  console.log(`bench/render: skipped, no corpus at ${chartsDir}`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.error(`bench/render: ${cli} is missing; run \`pnpm build\` first`);
  process.exit(2);
}

const names = readdirSync(chartsDir)
  .filter((n) => existsSync(join(chartsDir, n, "Chart.yaml")))
  .filter((n) => !goldenOnly || existsSync(join(goldenDir, `${n}.code`)))
  .filter((n) => only.size === 0 || only.has(n))
  .sort();

function argsOf(name) {
  const f = join(goldenDir, `${name}.args`);
  return existsSync(f)
    ? readFileSync(f, "utf8")
        .split("\n")
        .filter((l) => l !== "")
    : [];
}

/** Best wall time of `rounds` runs of a command, in ms; and its exit status. */
function timeProcess(cmd, args) {
  let best = Number.POSITIVE_INFINITY;
  let status = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: chartsDir, stdio: ["ignore", "ignore", "ignore"] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    status = r.status ?? -1;
    best = Math.min(best, ms);
  }
  return { ms: best, status };
}

const imp = (p) => import(pathToFileURL(join(core, p)).href);
const { loadChart } = await imp("chart/index.js");
const { renderChart, formatTemplateOutput } = await imp("render/index.js");
const { defaultEngine } = await imp("render/engine-binding.js");
const { mergeUserValues } = await imp("values/options.js");
const { fsValuesReader } = await imp("values/fs-reader.js");
const { HelmLog } = await imp("values/log.js");

/** `--set` and `--skip-schema-validation` are all the golden arguments use. */
async function renderInProcess(name) {
  const args = argsOf(name);
  const set = [];
  for (let i = 0; i < args.length; i++) if (args[i] === "--set") set.push(args[++i]);
  const values = mergeUserValues(
    { valueFiles: [], values: set, stringValues: [], fileValues: [], jsonValues: [], literalValues: [] },
    fsValuesReader(chartsDir),
  );
  const chart = await loadChart(join(chartsDir, name));
  const result = renderChart(chart, {
    engine: defaultEngine,
    values,
    log: new HelmLog(),
    skipSchemaValidation: args.includes("--skip-schema-validation"),
  });
  return formatTemplateOutput(result, { includeCrds: false, skipTests: false, noHooks: false, showOnly: [] });
}

async function timeInProcess(name) {
  let best = Number.POSITIVE_INFINITY;
  let ok = true;
  for (let i = 0; i < rounds + 1; i++) {
    const t0 = process.hrtime.bigint();
    try {
      await renderInProcess(name);
    } catch {
      ok = false;
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (i > 0) best = Math.min(best, ms); // the first round warms the JIT up
  }
  return { ms: best, ok };
}

const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(0).padStart(7) : "      -");
const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2).padStart(6) : "     -");
console.log(`${"chart".padEnd(32)} in-proc  process${helm ? "     helm  proc/helm" : ""}`);
const totals = { inproc: 0, proc: 0, helm: 0 };
let logRatioSum = 0;
let slowerThanHelm = 0;
for (const name of names) {
  const inproc = await timeInProcess(name);
  const proc = timeProcess(process.execPath, [cli, "template", name, ...argsOf(name)]);
  totals.inproc += inproc.ms;
  totals.proc += proc.ms;
  let line = `${name.padEnd(32)}${fmt(inproc.ms)}  ${fmt(proc.ms)}`;
  if (helm) {
    const h = timeProcess(helm, ["template", name, ...argsOf(name)]);
    totals.helm += h.ms;
    logRatioSum += Math.log(proc.ms / h.ms);
    if (proc.ms > h.ms) slowerThanHelm++;
    line += `  ${fmt(h.ms)}  ${ratio(proc.ms, h.ms)}`;
  }
  if (!inproc.ok || proc.status !== 0) line += `  (failed: in-proc ${inproc.ok ? "ok" : "error"}, exit ${proc.status})`;
  console.log(line);
}
let summary = `${"total".padEnd(32)}${fmt(totals.inproc)}  ${fmt(totals.proc)}`;
if (helm) {
  summary += `  ${fmt(totals.helm)}  ${ratio(totals.proc, totals.helm)}`;
  summary += `\nper-chart geometric mean proc/helm: ${Math.exp(logRatioSum / names.length).toFixed(2)}; slower than helm: ${slowerThanHelm}/${names.length}`;
}
console.log(summary);
