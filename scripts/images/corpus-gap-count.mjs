#!/usr/bin/env node
// How many images the rules added after the first extractor find in Helm 4.1.4's golden renders of
// the shared corpus (../shared/corpus/golden, read-only): image volumes (`image-volume`, and
// `image-map` sources at an `image.reference` path), image lists in flag values (`arg-list`) and
// IMAGE-named ConfigMap data keys (`configmap-data`). An image counts as new for a rule when no
// source of the older rules names it. Run after `pnpm build`: node scripts/images/corpus-gap-count.mjs
// [FILE.yaml...] (files in `helm template` form instead of the goldens, e.g. fixtures/manifests/*.yaml).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const given = process.argv.slice(2).map((f) => resolve(f));
const golden = resolve(root, "../shared/corpus/golden");
if (given.length === 0 && !existsSync(golden)) {
  console.log(`corpus-gap-count: ${golden} is absent; nothing to count`);
  process.exit(0);
}
const { extractImages } = await import(pathToFileURL(join(root, "packages/core/dist/images/index.js")).href);

/** Which of the new rules found a source, or undefined for the older rules. */
function newRule(s) {
  if (s.rule === "image-volume" || s.rule === "arg-list" || s.rule === "configmap-data") return s.rule;
  if (s.rule === "image-map" && s.path.endsWith(".image.reference")) return "image-map {reference}";
  return undefined;
}

const rules = ["image-volume", "image-map {reference}", "arg-list", "configmap-data"];
const totals = Object.fromEntries(rules.map((r) => [r, { sources: 0, newImages: 0 }]));
const files =
  given.length > 0
    ? given
    : readdirSync(golden)
        .filter((f) => f.endsWith(".yaml"))
        .sort()
        .map((f) => join(golden, f));
for (const path of files) {
  const file = basename(path);
  const list = extractImages(readFileSync(path, "utf8"));
  const found = [];
  for (const e of [...list.images, ...list.invalid]) {
    const byRule = e.sources.map(newRule);
    const onlyNew = byRule.every((r) => r !== undefined);
    for (const r of new Set(byRule.filter((r) => r !== undefined))) {
      totals[r].sources += byRule.filter((x) => x === r).length;
      if (onlyNew) totals[r].newImages++;
      found.push(
        `${r}: ${e.image ?? e.raw}${"reason" in e ? ` (invalid: ${e.reason})` : ""}${onlyNew ? " [new]" : ""}`,
      );
    }
  }
  if (found.length > 0) console.log(`${file.slice(0, -5)}:\n  ${found.join("\n  ")}`);
}
console.log(`${files.length} ${given.length > 0 ? "files" : "golden renders"}`);
for (const r of rules) console.log(`${r}: ${totals[r].sources} source(s), ${totals[r].newImages} new image(s)`);
