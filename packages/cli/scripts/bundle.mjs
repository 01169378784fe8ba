#!/usr/bin/env node
/**
 * Packages the CLI for a fast start (`tsc -b` type-checks and writes dist/tsc/ first):
 *   dist/main.js                the `bin`: a small launcher (src/main.ts);
 *   dist/cli.cjs                the whole CLI in one CommonJS file (src/run-main.ts and
 *                               everything it imports, the core and its dependencies);
 *   dist/cli.cjs.cache          V8's code cache of cli.cjs after a training run over the
 *                               fixture charts, which the launcher hands to vm.Script;
 *   dist/large-stack-worker.js  the core's large-stack worker, where render/large-stack.ts
 *                               looks first (beside the module that starts it).
 * Loading ~270 modules (the `yaml` package alone is 72 CommonJS files) was most of a small
 * chart's run; one file with a code cache parses, links and compiles in a fraction of that.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import { build } from "esbuild";

/** Node's CommonJS module wrapper, as the launcher (src/main.ts) applies it. */
const wrapCommonJs = (source) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

const pkg = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(pkg, "..", "..");
const dist = join(pkg, "dist");
const bundle = join(dist, "cli.cjs");

const common = { bundle: true, platform: "node", target: "node20", logLevel: "warning", legalComments: "eof" };

// Outputs of earlier layouts (tsc wrote the modules straight into dist/) go; so does the code
// cache, which must never outlive the bundle it was made from (V8 checks only the length).
const OUTPUTS = new Set(["tsc", "main.js", "cli.cjs", "large-stack-worker.js"]);
for (const f of readdirSync(dist)) {
  if (!OUTPUTS.has(f) && !f.startsWith(".")) rmSync(join(dist, f), { recursive: true, force: true });
}

await Promise.all([
  build({
    ...common,
    entryPoints: [join(pkg, "src", "run-main.ts")],
    outfile: bundle,
    format: "cjs",
    // import.meta.url (the worker's and package.json's places) is the bundle's own file URL.
    define: { "import.meta.url": "__htBundleUrl" },
    banner: { js: 'var __htBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  }),
  build({
    entryPoints: [join(pkg, "src", "main.ts")],
    outfile: join(dist, "main.js"),
    platform: "node",
    target: "node20",
    format: "esm",
    logLevel: "warning",
  }),
  build({
    ...common,
    entryPoints: [join(pkg, "..", "core", "dist", "render", "large-stack-worker.js")],
    outfile: join(dist, "large-stack-worker.js"),
    format: "esm",
    // CommonJS dependencies (yaml) call require() for Node's modules.
    banner: {
      js: 'import { createRequire as __htCreateRequire } from "node:module";\nconst require = __htCreateRequire(import.meta.url);',
    },
  }),
]);

/**
 * The training run: the CLI renders the fixture charts in this process (output discarded), so
 * that the functions a render needs are compiled when the cache is taken. The cache is only
 * a head start: a function it lacks compiles lazily as usual.
 */
const script = new Script(wrapCommonJs(readFileSync(bundle, "utf8")), { filename: bundle });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
const { runCli } = mod.exports;
const quiet = { stdout() {}, stderr() {}, stdoutIsTty: false, stderrIsTty: false, env: {} };
const charts = join(root, "fixtures", "charts");
for (const name of readdirSync(charts).sort()) {
  if (!name.startsWith("render-") || name === "render-deep-include") continue;
  for (const cmd of ["template", "images"]) await runCli([cmd, join(charts, name)], quiet);
}
await runCli(["template", join(charts, "demo"), "--set", "x=1"], quiet);
await runCli(["images", join(charts, "demo"), "-o", "json"], quiet);
writeFileSync(`${bundle}.cache.tmp`, script.createCachedData());
renameSync(`${bundle}.cache.tmp`, `${bundle}.cache`);

// A cache V8 rejects (other flags in this process than in a user's) would only cost time: say so.
const check = spawnSync(
  process.execPath,
  [
    "-e",
    `const fs=require("fs"),vm=require("vm");const W=${wrapCommonJs.toString()};const s=new vm.Script(W(fs.readFileSync(${JSON.stringify(bundle)},"utf8")),{filename:${JSON.stringify(bundle)},cachedData:fs.readFileSync(${JSON.stringify(`${bundle}.cache`)})});process.stdout.write(String(s.cachedDataRejected))`,
  ],
  { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } },
);
if (check.stdout !== "false")
  console.warn(`bundle: V8 rejects the code cache of ${bundle} (${check.stdout}${check.stderr})`);
