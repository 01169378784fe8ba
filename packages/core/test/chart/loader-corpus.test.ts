// Every corpus chart loads, with the shape Helm 4.1.4 gives it (template and file counts,
// subcharts, recursively; fixtures/charts/loader-corpus-expected.json from
// scripts/chart/gen-corpus-expectations.mjs). The corpus is read at run time from ../shared.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { type Chart, loadChart } from "../../src/chart/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const corpus = path.resolve(root, "../shared/corpus/charts");
const expected = JSON.parse(readFileSync(path.join(root, "fixtures/charts/loader-corpus-expected.json"), "utf8"));

interface Shape {
  templates: number;
  files: number;
  dependencies: Record<string, Shape>;
}

function shapeOf(c: Chart): Shape {
  const deps: [string, Shape][] = c.dependencies.map((d) => [d.metadata.name, shapeOf(d)]);
  deps.sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    templates: c.templates.length,
    files: new Set(c.files.map((f) => f.name)).size,
    dependencies: Object.fromEntries(deps),
  };
}

describe.skipIf(!existsSync(corpus))("corpus charts (skipped: ../shared/corpus absent)", () => {
  const names = existsSync(corpus) ? readdirSync(corpus).sort() : [];
  test("every corpus chart has an expectation", () => {
    expect(names.length).toBeGreaterThan(0);
    expect(names).toEqual(Object.keys(expected).sort());
  });
  for (const name of names) {
    test(name, async () => {
      const c = await loadChart(path.join(corpus, name));
      expect(shapeOf(c)).toEqual(expected[name]);
    });
  }
});
