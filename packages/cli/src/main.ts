#!/usr/bin/env node
/**
 * helm-trivy's entry point. Built, this file sits beside `cli.cjs` (the whole CLI in one
 * CommonJS bundle) and `cli.cjs.cache` (V8 code cache made at build time by a training run):
 * compiling the bundle from its cache skips most of the parsing and lazy compilation that a
 * short run otherwise spends its time on (Node 20 has no module.enableCompileCache). A cache
 * from another Node/V8 is rejected by V8 and the bundle compiles as usual. Unbundled (dist/tsc,
 * tests), the modules load directly.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** Node's CommonJS module wrapper around the bundle's text. */
function wrapCommonJs(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

type RunMain = (argv: readonly string[]) => Promise<number>;

const bundle = fileURLToPath(new URL("./cli.cjs", import.meta.url));

function loadBundle(): RunMain {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(`${bundle}.cache`);
  } catch {
    // No cache: compile from source.
  }
  const script = new Script(wrapCommonJs(readFileSync(bundle, "utf8")), { filename: bundle, cachedData });
  const mod = { exports: {} as { runMain: RunMain } };
  script.runInThisContext()(mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  return mod.exports.runMain;
}

const runMain: RunMain = existsSync(bundle) ? loadBundle() : (await import("./run-main.js")).runMain;
process.exitCode = await runMain(process.argv.slice(2));
