// Our loader against what Helm 4.1.4 did with the same fixtures
// (fixtures/charts/loader-expected.json, made by scripts/chart/gen-loader-expectations.mjs).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
// @ts-expect-error plain JS helper shared with the generator
import { buildTgz } from "../../../../scripts/chart/archive-builder.mjs";
// @ts-expect-error plain JS helper shared with the generator
import { archiveCases } from "../../../../scripts/chart/archive-cases.mjs";
import { type Chart, checkKubeVersion, loadArchive, loadChart, validateValuesSchema } from "../../src/chart/index.js";
import { coalesceForTest } from "./coalesce-for-test.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const expected = JSON.parse(readFileSync(path.join(root, "fixtures/charts/loader-expected.json"), "utf8"));

interface Tree {
  templates: string[];
  files: string[];
  dependencies: Record<string, Tree>;
}

function treeOf(c: Chart): Tree {
  const deps: Record<string, Tree> = {};
  for (const d of c.dependencies) deps[d.metadata.name] = treeOf(d);
  return {
    templates: c.templates.map((t) => t.name).sort(),
    // helm package writes requirements.* itself for v1 charts' Files; it sorts by name.
    files: [...new Set(c.files.map((f) => f.name))].sort(),
    dependencies: deps,
  };
}

/** Helm's `.Files` listing (map keys, sorted) as the NOTES templates print it. */
function filesListing(c: Chart): string {
  return [...new Set(c.files.map((f) => f.name))]
    .sort()
    .map((n) => `${n}\n`)
    .join("");
}

/**
 * Helm (santhosh-tekuri/jsonschema walking Go maps) lists sibling property errors, and the
 * names in one additionalProperties error, in random order: compare them as sets.
 */
function normalizeSchemaOrder(msg: string): string {
  return msg
    .split("\n")
    .map((l) =>
      l.replace(
        /additional properties (.*) not allowed/,
        (_m, list: string) => `additional properties ${list.split(", ").sort().join(", ")} not allowed`,
      ),
    )
    .sort()
    .join("\n");
}

/** What `helm template` does after loading: kubeVersion check, then schema validation. */
async function templateLikeHelm(dirOrFile: string): Promise<Chart> {
  const c = await loadChart(dirOrFile);
  checkKubeVersion(c);
  validateValuesSchema(c, coalesceForTest(c));
  return c;
}

describe("directory fixtures", () => {
  for (const [name, want] of Object.entries<Record<string, unknown>>(expected.dirs)) {
    test(name, async () => {
      const dir = path.join(root, "fixtures/charts", name);
      const tplError = (want.templateError as string | null)?.replaceAll("<ROOT>", root) ?? null;
      // `library charts are not installable` is an install-time check, not a load error.
      if (tplError !== null && tplError !== "library charts are not installable") {
        await templateLikeHelm(dir).then(
          () => expect.fail(`expected: ${tplError}`),
          (e: Error) => expect(normalizeSchemaOrder(e.message)).toBe(normalizeSchemaOrder(tplError)),
        );
        return;
      }
      const c = await templateLikeHelm(dir);
      if (want.tree) expect(treeOf(c)).toEqual(want.tree);
      if (want.metadata) {
        expect(JSON.parse(JSON.stringify(c.metadata))).toEqual(want.metadata);
      }
      if (typeof want.notes === "string" && want.notes.startsWith("{")) {
        expect(JSON.parse(JSON.stringify(c.values))).toEqual(JSON.parse(want.notes));
      } else if (typeof want.notes === "string") {
        expect(filesListing(c)).toBe(want.notes);
      }
    });
  }
});

describe("archive fixtures (built at test time)", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "loader-archives-"));
  for (const [name, entries] of Object.entries<unknown[]>(archiveCases)) {
    const want = expected.archives[name] as Record<string, unknown>;
    test(`${name}: loadArchive like helm show chart`, () => {
      const bytes = buildTgz(entries) as Uint8Array;
      if (want.showError) {
        expect(() => loadArchive(bytes)).toThrow(want.showError as string);
        return;
      }
      const c = loadArchive(bytes);
      expect(JSON.parse(JSON.stringify(c.metadata))).toEqual(want.metadata);
      if (typeof want.notes === "string") expect(filesListing(c)).toBe(want.notes);
    });
    test(`${name}: loadChart like helm template`, async () => {
      const file = path.join(tmp, `${name}.tgz`);
      writeFileSync(file, buildTgz(entries));
      const err = (want.templateError as string | null)?.replaceAll("<FILE>", file) ?? null;
      if (err !== null) {
        await loadChart(file).then(
          () => expect.fail(`expected: ${err}`),
          (e: Error) => expect(e.message).toBe(err),
        );
        return;
      }
      await loadChart(file);
    });
  }
});
