#!/usr/bin/env node
// Corpus conformance: renders every chart of ../shared/corpus/golden with our built CLI
// (`node packages/cli/dist/main.js template NAME [args]`, from ../shared/corpus/charts like the
// goldens were made) and compares with Helm 4.1.4's output through
// ../shared/tools/render-compare.py (which tolerates only Helm's own randomness). Charts whose
// golden exit status is non-zero must fail the same way, with the same error line.
// Prints one line per chart and `corpus: P/N match`; then compares the image lists read from
// Helm's golden render and from ours (images/compareRenderedImages) and prints
// `images: P/N match` (charts whose golden render succeeded). Both results are kept in
// scripts/conformance/baseline.json, and the run fails when a chart that matched there (in
// either figure) no longer does. Usage: node scripts/conformance.mjs [--update-baseline] [NAME...]
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(root, "..", "shared");
const corpus = join(shared, "corpus");
const goldenDir = join(corpus, "golden");
const chartsDir = join(corpus, "charts");
const compareTool = join(shared, "tools", "render-compare.py");
const cli = join(root, "packages", "cli", "dist", "main.js");
const imagesModule = join(root, "packages", "core", "dist", "images", "index.js");
const baselineFile = join(root, "scripts", "conformance", "baseline.json");
const TIMEOUT_MS = 180_000;

const argv = process.argv.slice(2);
const update = argv.includes("--update-baseline");
const only = new Set(argv.filter((a) => !a.startsWith("--")));

if (!existsSync(goldenDir)) {
  console.log(`conformance: skipped, no corpus at ${goldenDir}`);
  process.exit(0);
}
if (!existsSync(cli)) {
  console.error(`conformance: ${cli} is missing; run \`pnpm build\` first`);
  process.exit(2);
}
const hasPython = spawnSync("python3", ["--version"]).status === 0;
const { compareRenderedImages } = await import(pathToFileURL(imagesModule).href);

const names = readdirSync(goldenDir)
  .filter((f) => f.endsWith(".code"))
  .map((f) => f.slice(0, -".code".length))
  .filter((n) => only.size === 0 || only.has(n))
  .sort();
const tmp = mkdtempSync(join(tmpdir(), "conformance-"));

function readOr(path, fallback) {
  return existsSync(path) ? readFileSync(path, "utf8") : fallback;
}

/** The last `Error: ...` line of a stderr text (the line Helm ends with). */
function errorLine(text) {
  const lines = text.split("\n").filter((l) => l.startsWith("Error: "));
  return lines.length > 0 ? lines[lines.length - 1] : "";
}

function run(name) {
  const args = readOr(join(goldenDir, `${name}.args`), "")
    .split("\n")
    .filter((l) => l !== "");
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [cli, "template", name, ...args], { cwd: chartsDir });
    const out = [];
    const err = [];
    child.stdout.on("data", (d) => out.push(d));
    child.stderr.on("data", (d) => err.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolveRun({
        code: signal ? `killed (${signal})` : code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      });
    });
  });
}

function compare(name, got) {
  const wantCode = Number(readOr(join(goldenDir, `${name}.code`), "0").trim());
  const wantErr = readOr(join(goldenDir, `${name}.err`), "");
  if (wantCode !== 0) {
    if (got.code !== wantCode)
      return { ok: false, detail: `exit ${got.code}, want ${wantCode}: ${errorLine(got.stderr)}` };
    const want = errorLine(wantErr);
    const have = errorLine(got.stderr);
    return have === want
      ? { ok: true, detail: "same error" }
      : { ok: false, detail: `error "${have}", want "${want}"` };
  }
  if (got.code !== 0) {
    const first = errorLine(got.stderr) || got.stderr.split("\n")[0];
    return { ok: false, detail: `exit ${got.code}: ${first.slice(0, 300)}` };
  }
  const golden = join(goldenDir, `${name}.yaml`);
  const actual = join(tmp, `${name}.yaml`);
  writeFileSync(actual, got.stdout);
  let verdict;
  if (hasPython) {
    const unstable = join(goldenDir, `${name}.unstable`);
    const cmpArgs = [compareTool, golden, actual, ...(existsSync(unstable) ? [unstable] : [])];
    const r = spawnSync("python3", cmpArgs, { encoding: "utf8" });
    verdict = { ok: r.status === 0, detail: r.stdout.trim().split("\n").slice(0, 4).join(" | ") };
  } else {
    const same = readFileSync(golden, "utf8") === got.stdout;
    verdict = { ok: same, detail: same ? "exact" : "differ (python3 missing: exact comparison only)" };
  }
  if (verdict.ok && got.stderr !== wantErr) verdict.detail += " (stderr differs)";
  return verdict;
}

/**
 * Our output with the lines Helm itself renders differently from run to run (the golden's
 * `.unstable` ranges: random names, passwords, certificates) taken from the golden, so that the
 * image comparison sees only real differences. Needs line-aligned outputs: the text comparison
 * has already accepted the render when this matters; otherwise the output is left as it is.
 */
function withGoldenRandomness(name, golden, ours) {
  const unstableFile = join(goldenDir, `${name}.unstable`);
  if (!existsSync(unstableFile)) return ours;
  const g = golden.split("\n");
  const a = ours.split("\n");
  if (g.length !== a.length) return ours;
  for (const [first, last] of JSON.parse(readFileSync(unstableFile, "utf8"))) {
    for (let i = first - 1; i < last && i < a.length; i++) a[i] = g[i];
  }
  return a.join("\n");
}

/** Images of Helm's golden render against ours; undefined when the golden render failed. */
function compareImages(name, got) {
  const wantCode = Number(readOr(join(goldenDir, `${name}.code`), "0").trim());
  if (wantCode !== 0) return undefined;
  const golden = readFileSync(join(goldenDir, `${name}.yaml`), "utf8");
  let diff;
  try {
    diff = compareRenderedImages(golden, got.code === 0 ? withGoldenRandomness(name, golden, got.stdout) : "");
  } catch (e) {
    diff = `image extraction failed: ${e.message}`;
  }
  return diff === null ? { ok: true, detail: "" } : { ok: false, detail: diff.split("\n").slice(0, 6).join(" | ") };
}

const results = {};
const imageResults = {};
const queue = [...names];
async function worker() {
  for (;;) {
    const name = queue.shift();
    if (name === undefined) return;
    const got = await run(name);
    const v = compare(name, got);
    results[name] = v;
    const img = compareImages(name, got);
    if (img !== undefined) imageResults[name] = img;
    const imgNote = img === undefined ? "" : img.ok ? "" : ` [images DIFFER: ${img.detail}]`;
    console.log(`${v.ok ? "match " : "DIFFER"} ${name}: ${v.detail}${imgNote}`);
  }
}
await Promise.all([worker(), worker()]);
rmSync(tmp, { recursive: true, force: true });

const passed = names.filter((n) => results[n].ok);
console.log(`corpus: ${passed.length}/${names.length} match`);
const imageNames = names.filter((n) => imageResults[n] !== undefined);
const imagesPassed = imageNames.filter((n) => imageResults[n].ok);
console.log(`images: ${imagesPassed.length}/${imageNames.length} match`);

const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, "utf8")) : { charts: {} };
const regressions = [
  ...names.filter((n) => baseline.charts?.[n] === "match" && !results[n].ok),
  ...imageNames.filter((n) => baseline.images?.[n] === "match" && !imageResults[n].ok).map((n) => `${n} (images)`),
];
if (regressions.length > 0) console.error(`conformance: regressions against the baseline: ${regressions.join(", ")}`);
if (only.size === 0 && (regressions.length === 0 || update)) {
  const charts = {};
  for (const n of names) charts[n] = results[n].ok ? "match" : "differ";
  const images = {};
  for (const n of imageNames) images[n] = imageResults[n].ok ? "match" : "differ";
  const record = {
    matched: passed.length,
    total: names.length,
    imagesMatched: imagesPassed.length,
    imagesTotal: imageNames.length,
    charts,
    images,
  };
  writeFileSync(baselineFile, `${JSON.stringify(record, null, 2)}\n`);
}
process.exit(regressions.length > 0 && !update ? 1 : 0);
